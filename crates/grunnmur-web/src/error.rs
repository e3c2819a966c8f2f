//! API errors: a status code and a JSON body with a stable code, a message in the caller's
//! language, and — for invalid input — every problem with its place.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::Problem;
use grunnmur_i18n::{Lang, t};
use serde::Serialize;

#[derive(Clone, Debug)]
pub enum ApiError {
    Unauthenticated,
    Forbidden,
    NotFound,
    Csrf,
    Conflict(String),
    /// Sign-in throttled: try again after this many seconds (`Retry-After`).
    TooManyAttempts {
        retry_after: i64,
    },
    BadRequest(String),
    Invalid(Vec<Problem>),
    /// One field of the request is refused (a weak password, a wrong code): 422 naming it; the
    /// code names the message (`account-<code>`).
    InvalidField {
        field: String,
        code: &'static str,
    },
    /// The password was right; the account's second factor (a TOTP or recovery code) is needed.
    SecondFactorRequired,
    /// The account must choose a new password (or, a platform administrator, turn on the
    /// second factor) before anything else.
    Gated(crate::password::Gate),
    /// A request body that parses but does not fit the operation (axum's JSON data rejection):
    /// 422 with what serde said, which names the field.
    Unprocessable(String),
    /// The request body is larger than the server reads.
    TooLarge,
    /// The request body is not of a media type the operation reads.
    UnsupportedMediaType,
    /// The path exists, not with this method.
    MethodNotAllowed,
    /// The database cannot be reached now (stopped, restarting, out of connections): 503, and
    /// the server goes on answering and recovers by itself when it returns.
    Unavailable,
    /// A change a rule of the platform refuses (the body's last admin, say): 409 with the
    /// message of this key.
    Refused(&'static str),
    Internal(String),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable code: unauthenticated, forbidden, not_found, csrf, conflict, too_many_attempts,
    /// bad_request, invalid, second_factor_required, password_change_required,
    /// second_factor_enrolment_required, too_large, unsupported_media_type, method_not_allowed,
    /// unavailable, refused, internal.
    pub error: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<Object>)]
    pub problems: Vec<ProblemOut>,
}

#[derive(Serialize)]
pub struct ProblemOut {
    pub file: String,
    pub line: u32,
    pub severity: grunnmur_catalog::Severity,
    pub code: String,
    pub message: String,
    /// The request's field the problem is about (for problems with a request's fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

pub fn problem_out(lang: Lang, p: &Problem) -> ProblemOut {
    let (key, args) = p.kind.message_parts();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    ProblemOut {
        file: p.file.clone(),
        line: p.line,
        severity: p.severity,
        code: key.trim_start_matches("problem-").to_string(),
        message: t(lang, &key, &args),
        field: None,
    }
}

/// A problem with one field of a request.
pub fn field_problem(lang: Lang, field: &str, code: &str) -> ProblemOut {
    let min = crate::password::MIN_LEN.to_string();
    ProblemOut {
        file: "request".into(),
        line: 0,
        severity: grunnmur_catalog::Severity::Error,
        code: code.into(),
        message: t(lang, &format!("account-{code}"), &[("min", &min)]),
        field: Some(field.into()),
    }
}

impl From<grunnmur_store::StoreError> for ApiError {
    fn from(e: grunnmur_store::StoreError) -> ApiError {
        use grunnmur_store::StoreError as S;
        match e {
            S::Conflict(what) => ApiError::Conflict(what),
            S::VersionConflict { .. } => ApiError::Conflict(e.to_string()),
            S::NotFound(_) => ApiError::NotFound,
            S::Refused(_) => ApiError::Forbidden,
            other if other.is_unavailable() => {
                tracing::warn!("store unavailable: {other}");
                ApiError::Unavailable
            }
            other => {
                tracing::error!("store: {other}");
                ApiError::Internal(other.to_string())
            }
        }
    }
}

impl ApiError {
    /// The status, the stable code and the message key.
    pub fn meta(&self) -> (StatusCode, &'static str, &'static str) {
        use StatusCode as S;
        match self {
            ApiError::Unauthenticated => {
                (S::UNAUTHORIZED, "unauthenticated", "api-unauthenticated")
            }
            ApiError::Forbidden => (S::FORBIDDEN, "forbidden", "api-forbidden"),
            ApiError::NotFound => (S::NOT_FOUND, "not_found", "api-not-found"),
            ApiError::Csrf => (S::FORBIDDEN, "csrf", "api-csrf"),
            ApiError::Conflict(_) => (S::CONFLICT, "conflict", "api-conflict"),
            ApiError::TooManyAttempts { .. } => (
                S::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "api-too-many-attempts",
            ),
            ApiError::BadRequest(_) => (S::BAD_REQUEST, "bad_request", "api-bad-request"),
            ApiError::Invalid(_) | ApiError::InvalidField { .. } => {
                (S::UNPROCESSABLE_ENTITY, "invalid", "api-invalid")
            }
            ApiError::SecondFactorRequired => (
                S::UNAUTHORIZED,
                "second_factor_required",
                "account-second-factor-required",
            ),
            ApiError::Gated(crate::password::Gate::PasswordChange) => (
                S::FORBIDDEN,
                "password_change_required",
                "account-password-change-required",
            ),
            ApiError::Gated(crate::password::Gate::TotpEnrolment) => (
                S::FORBIDDEN,
                "second_factor_enrolment_required",
                "account-totp-enrolment-required",
            ),
            ApiError::Unprocessable(_) => (S::UNPROCESSABLE_ENTITY, "invalid", "api-unprocessable"),
            ApiError::TooLarge => (S::PAYLOAD_TOO_LARGE, "too_large", "api-too-large"),
            ApiError::UnsupportedMediaType => (
                S::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "api-unsupported-media-type",
            ),
            ApiError::MethodNotAllowed => (
                S::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "api-method-not-allowed",
            ),
            ApiError::Unavailable => (S::SERVICE_UNAVAILABLE, "unavailable", "api-unavailable"),
            ApiError::Refused(key) => (S::CONFLICT, "refused", key),
            ApiError::Internal(_) => (S::INTERNAL_SERVER_ERROR, "internal", "api-internal"),
        }
    }

    /// The message in `lang`. Details of internal errors go to the log, not to the caller.
    pub fn message(&self, lang: Lang) -> String {
        if let ApiError::InvalidField { field, code } = self {
            return field_problem(lang, field, code).message;
        }
        let seconds = match self {
            ApiError::TooManyAttempts { retry_after } => retry_after.to_string(),
            _ => String::new(),
        };
        let detail = match self {
            ApiError::Conflict(d) | ApiError::BadRequest(d) | ApiError::Unprocessable(d) => {
                d.as_str()
            }
            _ => "",
        };
        t(
            lang,
            self.meta().2,
            &[("detail", detail), ("seconds", &seconds)],
        )
    }

    pub fn render(self, lang: Lang) -> Response {
        let (status, code, _) = self.meta();
        let message = self.message(lang);
        let mut extra = HeaderMap::new();
        let mut csrf = false;
        let problems = match self {
            ApiError::Invalid(p) => p.iter().map(|p| problem_out(lang, p)).collect(),
            ApiError::TooManyAttempts { retry_after } => {
                extra.insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
                Vec::new()
            }
            ApiError::Csrf => {
                csrf = true;
                Vec::new()
            }
            ApiError::InvalidField { field, code } => vec![field_problem(lang, &field, code)],
            _ => Vec::new(),
        };
        let body = ErrorBody {
            error: code,
            message,
            problems,
        };
        if status == StatusCode::SERVICE_UNAVAILABLE {
            extra.insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        let mut r = (status, extra, axum::Json(body)).into_response();
        if csrf {
            r.extensions_mut().insert(crate::security::CsrfRefused);
        }
        r
    }
}

impl IntoResponse for ApiError {
    /// Rendered later by [`localize`], which knows the caller's language.
    fn into_response(self) -> Response {
        let mut r = StatusCode::INTERNAL_SERVER_ERROR.into_response();
        r.extensions_mut().insert(self);
        r
    }
}

/// A JSON request body, read after the caller's role was checked (so a stranger learns nothing
/// from how a body is refused). An empty body is `{}`.
pub fn parse_json<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    let body = if body.trim().is_empty() { "{}" } else { body };
    serde_json::from_str(body).map_err(|e| ApiError::BadRequest(e.to_string()))
}

/// The language the reader chose in the web application (a cookie set by `/lang/{code}`).
pub const LANG_COOKIE: &str = "grunnmur_lang";

/// The caller's language: the one chosen in the web application (its cookie rides along with
/// the session), else `Accept-Language` (bokmål unless English comes first).
pub fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
    if let Some(lang) =
        crate::auth::cookie_value(headers, LANG_COOKIE).and_then(|v| Lang::parse(&v))
    {
        return lang;
    }
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    accept
        .split(',')
        .filter_map(|part| Lang::parse(part.split(';').next().unwrap_or_default().trim()))
        .next()
        .unwrap_or_default()
}

/// Middleware: renders an [`ApiError`] left in the response in the caller's language, and
/// axum's own rejections (a body too large, of the wrong type or not JSON, a path or query that
/// does not parse, a method the path does not have) in the same JSON form.
pub async fn localize(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = lang_of(req.headers());
    let mut res = next.run(req).await;
    if let Some(e) = res.extensions_mut().remove::<ApiError>() {
        return e.render(lang);
    }
    // A 405 says which methods the path has; the JSON answer keeps that.
    let allow = res.headers().get(axum::http::header::ALLOW).cloned();
    match rejection(res).await {
        Ok(e) => {
            let mut r = e.render(lang);
            if let Some(allow) = allow {
                r.headers_mut().insert(axum::http::header::ALLOW, allow);
            }
            r
        }
        Err(res) => res,
    }
}

/// Bytes of a rejection's text read to render it again; axum's are a line.
const REJECTION_TEXT_LIMIT: usize = 4096;

/// An answer axum made itself rather than a handler: an error status with a plain-text body
/// (or none), as the [`ApiError`] it stands for. Every other answer is given back unchanged.
async fn rejection(res: Response) -> Result<ApiError, Response> {
    use axum::http::header::CONTENT_TYPE;
    let status = res.status();
    let plain = res
        .headers()
        .get(CONTENT_TYPE)
        .is_none_or(|v| v.as_bytes().starts_with(b"text/plain"));
    let known = matches!(status.as_u16(), 400 | 405 | 413 | 415 | 422);
    if !plain || !known {
        return Err(res);
    }
    let bytes = axum::body::to_bytes(res.into_body(), REJECTION_TEXT_LIMIT)
        .await
        .unwrap_or_default();
    let detail = rejection_detail(&String::from_utf8_lossy(&bytes));
    Ok(match status {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::UNPROCESSABLE_ENTITY => ApiError::Unprocessable(detail),
        _ => ApiError::BadRequest(detail),
    })
}

/// What a rejection's text says of the input — serde's words, which name the field, line and
/// column — without axum's English sentence before it.
fn rejection_detail(text: &str) -> String {
    let text = text.trim();
    let detail = text.split_once(": ").map_or(text, |(_, rest)| rest);
    detail.chars().take(500).collect()
}
