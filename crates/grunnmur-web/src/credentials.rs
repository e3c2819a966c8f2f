//! The life cycle of credentials, for the API, the pages and the CLI alike: API tokens (created
//! with an expiry and optionally scoped to one body and a role, listed, revoked), signing out
//! everywhere, disabling accounts, removing members. The operations take the store, so
//! `grunnmur token …` and `grunnmur user …` run exactly what the server runs; the handlers
//! below are their HTTP face.

use crate::auth::{self, Admin, Caller, Member};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use grunnmur_store::{NewToken, Role, Storage, StoreError, TokenRow, UserRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// A token's lifetime when none is asked for.
pub const TOKEN_DAYS: i64 = 90;
/// The longest lifetime a token may be given.
pub const TOKEN_MAX_DAYS: i64 = 365;
/// The longest name a token may be given, in characters.
pub const TOKEN_NAME_MAX: usize = 100;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_tokens, create_token))
        .routes(routes!(revoke_token))
        .routes(routes!(end_sessions))
        .routes(routes!(set_user))
        .routes(routes!(remove_member))
}

/// What a new token should be.
#[derive(Clone, Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// What the token is for, as its owner will recognise it (at most 100 characters).
    #[serde(default)]
    pub name: String,
    /// Days until it expires: 1 to 365, 90 when left out.
    pub expires_in_days: Option<i64>,
    /// Limit the token to this body (organisation number).
    pub body: Option<String>,
    /// With `body`: the most the token may do there (`reader` when left out). Never more
    /// than its user's own role in the body.
    #[schema(value_type = Option<String>)]
    pub role: Option<Role>,
}

/// A token as its owner sees it (never its value after creation).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TokenInfo {
    pub id: i64,
    pub name: String,
    /// The one body a scoped token reaches; absent for a token with every role of its user.
    pub body: Option<String>,
    /// The most a scoped token may do in its body.
    pub role: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// `active`, `expired` or `revoked`.
    pub state: &'static str,
}

impl TokenInfo {
    pub fn of(t: TokenRow, now: i64) -> TokenInfo {
        let state = if t.revoked_at.is_some() {
            "revoked"
        } else if t.expires_at <= now {
            "expired"
        } else {
            "active"
        };
        TokenInfo {
            id: t.id,
            name: t.name,
            body: t.orgnr,
            role: t.role,
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
            state,
        }
    }
}

/// A new token: its value, shown only now, and what is stored about it.
#[derive(Serialize, ToSchema)]
pub struct NewTokenOut {
    /// Send as `Authorization: Bearer …`. Shown once; only its hash is stored.
    pub token: String,
    pub info: TokenInfo,
}

/// Creates a token for `user`: the lifetime checked (1–365 days, 90 by default), a scope only
/// to a body the user belongs to (any body for a platform administrator) and at most the
/// user's own role there. `token.create` in the audit log.
pub async fn new_token(
    store: &dyn Storage,
    user: &UserRow,
    req: &TokenRequest,
    actor: &str,
) -> Result<NewTokenOut, ApiError> {
    let days = req.expires_in_days.unwrap_or(TOKEN_DAYS);
    if !(1..=TOKEN_MAX_DAYS).contains(&days) {
        let why = format!("expires_in_days: {days} is not between 1 and {TOKEN_MAX_DAYS}");
        return Err(ApiError::BadRequest(why));
    }
    let name = req.name.trim();
    if name.chars().count() > TOKEN_NAME_MAX {
        let why = format!("name: longer than {TOKEN_NAME_MAX} characters");
        return Err(ApiError::BadRequest(why));
    }
    let name = if name.is_empty() { "token" } else { name };
    let scope = match (&req.body, req.role) {
        (None, None) => None,
        (None, Some(_)) => return Err(ApiError::BadRequest("role: needs body".into())),
        (Some(orgnr), role) => {
            let role = role.unwrap_or(Role::Reader);
            let own = if user.platform_admin {
                store.body(orgnr).await?.map(|_| Role::Admin)
            } else {
                store.role(user.id, orgnr).await?
            };
            // A body the user has no part in is not found, as everywhere.
            let own = own.ok_or(ApiError::NotFound)?;
            if role > own {
                return Err(ApiError::Refused("api-token-role-too-high"));
            }
            Some((orgnr.as_str(), role))
        }
    };
    let (token, hash) = auth::new_api_token();
    let now = grunnmur_store::now();
    let t = NewToken {
        user_id: user.id,
        token_hash: &hash,
        name,
        expires_at: now + days * 86_400,
        scope,
    };
    let id = store.create_token(t, actor).await?;
    let row = store.token(id).await?.ok_or(ApiError::NotFound)?;
    Ok(NewTokenOut {
        token,
        info: TokenInfo::of(row, now),
    })
}

/// Seconds since the epoch as `YYYY-MM-DD hh:mm:ss UTC`.
pub fn timestamp(at: i64) -> String {
    let day = grunnmur_core::Date::from_days_since_epoch(at.div_euclid(86_400));
    let s = at.rem_euclid(86_400);
    format!("{day} {:02}:{:02}:{:02} UTC", s / 3600, s / 60 % 60, s % 60)
}

/// A user's tokens, oldest first, with their state.
pub async fn token_list(store: &dyn Storage, user_id: i64) -> Result<Vec<TokenInfo>, ApiError> {
    let now = grunnmur_store::now();
    Ok(store
        .tokens(user_id)
        .await?
        .into_iter()
        .map(|t| TokenInfo::of(t, now))
        .collect())
}

/// Disables or enables the account with this address. Disabling one's own account is refused
/// (`actor_id`: the administrator doing it, `None` from the command line).
pub async fn disable_user(
    store: &dyn Storage,
    email: &str,
    disabled: bool,
    actor_id: Option<i64>,
    actor: &str,
) -> Result<UserRow, ApiError> {
    let email = email.trim().to_lowercase();
    let user = store
        .user_by_email(&email)
        .await?
        .ok_or(ApiError::NotFound)?;
    if disabled && actor_id == Some(user.id) {
        return Err(ApiError::Refused("api-user-disable-self"));
    }
    store.set_disabled(user.id, disabled, actor).await?;
    store.user(user.id).await?.ok_or(ApiError::NotFound)
}

/// Removes the member with this address from a body; the body's last admin is refused with a
/// message that says so. Returns the role the member had.
pub async fn remove_member_by_email(
    store: &dyn Storage,
    orgnr: &str,
    email: &str,
    actor: &str,
) -> Result<Role, ApiError> {
    let email = email.trim().to_lowercase();
    let user = store
        .user_by_email(&email)
        .await?
        .ok_or(ApiError::NotFound)?;
    match store.remove_member(user.id, orgnr, actor).await {
        Err(StoreError::Refused(_)) => Err(ApiError::Refused("api-member-last-admin")),
        other => Ok(other?),
    }
}

#[utoipa::path(get, path = "/api/me/tokens", tag = "auth",
    responses((status = 200, description = "The caller's tokens, revoked and expired ones too", body = Vec<TokenInfo>),
        (status = 401, body = ErrorBody), (status = 403, description = "Tokens manage no tokens", body = ErrorBody)),
    security(("session" = [])))]
pub async fn list_tokens(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<TokenInfo>>, ApiError> {
    caller.require_session()?;
    Ok(Json(token_list(&*s.store, caller.user.id).await?))
}

#[utoipa::path(post, path = "/api/me/tokens", tag = "auth", request_body = TokenRequest,
    responses((status = 201, description = "Created; the token is in the answer, once", body = NewTokenOut),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "Tokens make no tokens", body = ErrorBody),
        (status = 404, description = "No such body among the caller's", body = ErrorBody),
        (status = 409, description = "A role above the caller's own in the body", body = ErrorBody)),
    security(("session" = [])))]
pub async fn create_token(
    State(s): State<AppState>,
    caller: Caller,
    body: String,
) -> Result<Response, ApiError> {
    caller.require_session()?;
    let req: TokenRequest = crate::error::parse_json(&body)?;
    let out = new_token(&*s.store, &caller.user, &req, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

#[utoipa::path(delete, path = "/api/me/tokens/{id}", tag = "auth",
    params(("id" = i64, Path, description = "The token's id")),
    responses((status = 204, description = "Revoked: refused from now on, on every server"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "Not one of the caller's tokens", body = ErrorBody)),
    security(("session" = [])))]
pub async fn revoke_token(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    caller.require_session()?;
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    s.store
        .revoke_token(id, Some(caller.user.id), &caller.actor())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/api/me/sessions", tag = "auth",
    responses((status = 204, description = "Every session of the caller ended, this one too"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("session" = [])))]
pub async fn end_sessions(State(s): State<AppState>, caller: Caller) -> Result<Response, ApiError> {
    caller.require_session()?;
    s.store
        .end_sessions(caller.user.id, &caller.actor())
        .await?;
    let clear = auth::session_cookie(&s, "", 0);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear)]).into_response())
}

/// A change to an account by a platform administrator.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserChange {
    /// `true` disables the account: no sign-in, and its sessions and tokens stop at once.
    pub disabled: bool,
}

/// An account as administrators see it.
#[derive(Serialize, ToSchema)]
pub struct UserInfo {
    pub email: String,
    pub platform_admin: bool,
    pub catalog_editor: bool,
    pub disabled_at: Option<i64>,
}

impl From<UserRow> for UserInfo {
    fn from(u: UserRow) -> UserInfo {
        UserInfo {
            email: u.email,
            platform_admin: u.platform_admin,
            catalog_editor: u.catalog_editor,
            disabled_at: u.disabled_at,
        }
    }
}

#[utoipa::path(patch, path = "/api/platform/users/{email}", tag = "platform", request_body = UserChange,
    params(("email" = String, Path, description = "The account's e-mail address")),
    responses((status = 200, body = UserInfo), (status = 401, body = ErrorBody),
        (status = 403, description = "Platform administrators only", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "One's own account is not disabled", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn set_user(
    State(s): State<AppState>,
    caller: Caller,
    Path(email): Path<String>,
    body: String,
) -> Result<Json<UserInfo>, ApiError> {
    if !caller.user.platform_admin {
        return Err(ApiError::Forbidden);
    }
    let change: UserChange = crate::error::parse_json(&body)?;
    let user = disable_user(
        &*s.store,
        &email,
        change.disabled,
        Some(caller.user.id),
        &caller.actor(),
    )
    .await?;
    Ok(Json(user.into()))
}

#[utoipa::path(delete, path = "/api/bodies/{orgnr}/members/{email}", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number"),
        ("email" = String, Path, description = "The member's e-mail address")),
    responses((status = 204, description = "No longer a member; the member's tokens for the body are revoked"),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "The body's last admin", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn remove_member(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Admin>,
    Path((_, email)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    remove_member_by_email(&*s.store, &orgnr, &email, &caller.actor()).await?;
    Ok(StatusCode::NO_CONTENT)
}
