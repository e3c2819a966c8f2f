//! API errors: a status code and a JSON body with a stable code, a message in the caller's
//! language, and — for invalid input — every problem with its place.

use axum::http::StatusCode;
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
    TooManyAttempts,
    BadRequest(String),
    Invalid(Vec<Problem>),
    Internal(String),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable code: unauthenticated, forbidden, not_found, csrf, conflict, too_many_attempts,
    /// bad_request, invalid, internal.
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
    }
}

impl From<grunnmur_store::StoreError> for ApiError {
    fn from(e: grunnmur_store::StoreError) -> ApiError {
        use grunnmur_store::StoreError as S;
        match e {
            S::Conflict(what) => ApiError::Conflict(what),
            S::VersionConflict { .. } => ApiError::Conflict(e.to_string()),
            S::NotFound(_) => ApiError::NotFound,
            other => {
                tracing::error!("store: {other}");
                ApiError::Internal(other.to_string())
            }
        }
    }
}

impl ApiError {
    pub fn render(self, lang: Lang) -> Response {
        let (status, code, key, detail, problems) = match self {
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "api-unauthenticated",
                None,
                vec![],
            ),
            ApiError::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "api-forbidden",
                None,
                vec![],
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                "api-not-found",
                None,
                vec![],
            ),
            ApiError::Csrf => (StatusCode::FORBIDDEN, "csrf", "api-csrf", None, vec![]),
            ApiError::Conflict(d) => (
                StatusCode::CONFLICT,
                "conflict",
                "api-conflict",
                Some(d),
                vec![],
            ),
            ApiError::TooManyAttempts => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_attempts",
                "api-too-many-attempts",
                None,
                vec![],
            ),
            ApiError::BadRequest(d) => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                "api-bad-request",
                Some(d),
                vec![],
            ),
            ApiError::Invalid(p) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "api-invalid",
                None,
                p,
            ),
            // Details of internal errors go to the log, not to the caller.
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "api-internal",
                None,
                vec![],
            ),
        };
        let detail = detail.unwrap_or_default();
        let body = ErrorBody {
            error: code,
            message: t(lang, key, &[("detail", &detail)]),
            problems: problems.iter().map(|p| problem_out(lang, p)).collect(),
        };
        (status, axum::Json(body)).into_response()
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

/// The caller's language from `Accept-Language` (bokmål unless English comes first).
pub fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
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

/// Middleware: renders an [`ApiError`] left in the response in the caller's language.
pub async fn localize(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = lang_of(req.headers());
    let mut res = next.run(req).await;
    match res.extensions_mut().remove::<ApiError>() {
        Some(e) => e.render(lang),
        None => res,
    }
}
