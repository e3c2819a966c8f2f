//! The account's own security over HTTP — changing the password, the TOTP second factor — and
//! what a body's administrator hands over by hand: an invitation to the body, a password reset.
//! The operations are in [`crate::password`]; the pages call the same.

use crate::auth::{Admin, Caller, Member};
use crate::error::{ApiError, ErrorBody, parse_json};
use crate::password;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use grunnmur_store::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// These routes, each with its OpenAPI operation (merged into [`crate::api::api`]).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(change_password))
        .routes(routes!(begin_totp, confirm_totp, disable_totp))
        .routes(routes!(invite_member))
        .routes(routes!(reset_password))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current: String,
    /// At least 12 characters, and not among the most common passwords.
    pub new: String,
}

#[utoipa::path(put, path = "/api/me/password", tag = "auth", request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed"),
        (status = 401, body = ErrorBody),
        (status = 422, description = "The current password is wrong (`current`), or the new one is too short or too common (`new`)", body = ErrorBody),
        (status = 429, description = "Too many wrong passwords for this account", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn change_password(
    State(s): State<AppState>,
    caller: Caller,
    body: String,
) -> Result<StatusCode, ApiError> {
    let req: PasswordChange = parse_json(&body)?;
    password::change(&s, &caller.user, &req.current, &req.new).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct TotpEnrolment {
    /// The secret in base32, for typing into an authenticator app.
    pub secret: String,
    /// The same as an `otpauth://` URI.
    pub uri: String,
}

#[utoipa::path(post, path = "/api/me/totp", tag = "auth",
    responses(
        (status = 200, description = "A new secret, pending until confirmed with a code", body = TotpEnrolment),
        (status = 401, body = ErrorBody),
        (status = 403, description = "An account without a local password (its provider gives the second factor)", body = ErrorBody),
        (status = 409, description = "The second factor is on already", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn begin_totp(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<TotpEnrolment>, ApiError> {
    let (secret, uri) = password::begin_totp(&s, &caller.user).await?;
    Ok(Json(TotpEnrolment { secret, uri }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TotpCode {
    /// The six digits the authenticator app shows now. A code is accepted once: one already
    /// used by this account (or an older one) is refused as wrong.
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct RecoveryCodes {
    /// Ten codes, each good once instead of a TOTP code; shown this once, stored hashed.
    pub recovery_codes: Vec<String>,
}

#[utoipa::path(put, path = "/api/me/totp", tag = "auth", request_body = TotpCode,
    responses(
        (status = 200, description = "The second factor is on", body = RecoveryCodes),
        (status = 401, body = ErrorBody),
        (status = 422, description = "Wrong code, or no enrolment started (`code`)", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn confirm_totp(
    State(s): State<AppState>,
    caller: Caller,
    body: String,
) -> Result<Json<RecoveryCodes>, ApiError> {
    let req: TotpCode = parse_json(&body)?;
    let recovery_codes = password::confirm_totp(&s, &caller.user, &req.code).await?;
    Ok(Json(RecoveryCodes { recovery_codes }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TotpOff {
    pub password: String,
    /// A TOTP code not used before, or a recovery code.
    pub code: String,
}

#[utoipa::path(delete, path = "/api/me/totp", tag = "auth", request_body = TotpOff,
    responses(
        (status = 204, description = "The second factor is off; the recovery codes are gone"),
        (status = 401, body = ErrorBody),
        (status = 409, description = "The second factor is not on", body = ErrorBody),
        (status = 422, description = "Wrong password (`password`) or code (`code`)", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn disable_totp(
    State(s): State<AppState>,
    caller: Caller,
    body: String,
) -> Result<StatusCode, ApiError> {
    let req: TotpOff = parse_json(&body)?;
    password::disable_totp(&s, &caller.user, &req.password, &req.code).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    pub email: String,
    /// `reader`, `editor` or `admin`.
    #[schema(value_type = String)]
    pub role: Role,
}

#[derive(Serialize, ToSchema)]
pub struct Link {
    /// The same whether or not the address has an account.
    pub message: String,
    /// The one-time link to hand over (good for 24 hours, once).
    pub link: String,
    pub expires_at: i64,
}

fn link_answer(s: &AppState, path: &str, message: String) -> Response {
    let body = Link {
        message,
        link: password::link_url(s, path),
        expires_at: grunnmur_store::now() + password::LINK_SECONDS,
    };
    (StatusCode::CREATED, Json(body)).into_response()
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/members", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number")),
    request_body = Invitation,
    responses(
        (status = 201, description = "An invitation: the one-time link to hand over; the answer does not tell whether the address has an account", body = Link),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "Not an e-mail address (`email`)", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn invite_member(
    State(s): State<AppState>,
    headers: axum::http::HeaderMap,
    m: Member<Admin>,
    body: String,
) -> Result<Response, ApiError> {
    let req: Invitation = parse_json(&body)?;
    let path = password::invite(&s, &m.actor(), &m.orgnr, &req.email, req.role).await?;
    let lang = crate::error::lang_of(&headers);
    let email = req.email.trim().to_lowercase();
    let msg = grunnmur_i18n::t(lang, "account-invited", &[("email", &email)]);
    Ok(link_answer(&s, &path, msg))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: String,
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/password-resets", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number")),
    request_body = ResetRequest,
    responses(
        (status = 201, description = "A one-time link that sets a new password and ends the member's sessions", body = Link),
        (status = 401, body = ErrorBody),
        (status = 403, description = "The member belongs to a body the caller does not administer, has a platform role, or signs in through OpenID Connect only", body = ErrorBody),
        (status = 404, description = "No such member of this body", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn reset_password(
    State(s): State<AppState>,
    headers: axum::http::HeaderMap,
    m: Member<Admin>,
    body: String,
) -> Result<Response, ApiError> {
    let req: ResetRequest = parse_json(&body)?;
    let path = password::reset_link(&s, &m.caller, &m.orgnr, &req.email).await?;
    let lang = crate::error::lang_of(&headers);
    let email = req.email.trim().to_lowercase();
    let msg = grunnmur_i18n::t(lang, "account-reset-created", &[("email", &email)]);
    Ok(link_answer(&s, &path, msg))
}
