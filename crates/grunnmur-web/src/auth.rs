//! Authentication: local accounts (argon2id), sessions stored in the database behind an
//! HttpOnly/Secure/SameSite=Strict cookie, bearer tokens for machine clients (stored hashed),
//! CSRF tokens for cookie-authenticated changes, and rate-limited login.

use crate::error::ApiError;
use crate::security::{self, Client, Event};
use crate::state::AppState;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use base64::Engine;
use grunnmur_store::{EditorOwners, Role, UserRow};
use serde_json::json;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "grunnmur_session";
pub const CSRF_HEADER: &str = "x-csrf-token";
const TOKEN_PREFIX: &str = "gm_";

/// Random bytes as URL-safe base64.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system's random source");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

pub fn hash_password(password: &str) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| ApiError::Internal(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| ApiError::Internal(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(e.to_string()))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A machine token: shown once, stored as its SHA-256.
pub fn new_api_token() -> (String, String) {
    let token = format!("{TOKEN_PREFIX}{}", random_token(32));
    let hash = sha256_hex(&token);
    (token, hash)
}

/// How the caller proved who they are.
#[derive(Clone, Debug)]
pub enum Via {
    Session {
        id_hash: String,
        csrf: String,
    },
    /// A bearer token (its id); a scoped one reaches one body with at most one role.
    Token {
        id: i64,
        scope: Option<TokenScope>,
    },
}

/// What a scoped token may reach: one body, at most one role there, never anything
/// platform-wide (the caller's platform roles are off; `platform_admin` remembers whether the
/// user administers every body, which gives the admin role in this one).
#[derive(Clone, Debug)]
pub struct TokenScope {
    pub orgnr: String,
    pub role: Role,
    pub platform_admin: bool,
}

/// An authenticated caller.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: UserRow,
    pub via: Via,
}

impl Caller {
    /// The caller's role in a body: platform admins administer every body. A body the caller
    /// has no part in is "not found", so its existence does not leak.
    pub async fn require(
        &self,
        state: &AppState,
        orgnr: &str,
        min: Role,
    ) -> Result<Role, ApiError> {
        let scope = self.scope();
        if scope.is_some_and(|sc| sc.orgnr != orgnr) {
            return Err(ApiError::NotFound);
        }
        let platform_admin = self.user.platform_admin || scope.is_some_and(|sc| sc.platform_admin);
        let role = if platform_admin {
            if state.store.body(orgnr).await?.is_none() {
                return Err(ApiError::NotFound);
            }
            Role::Admin
        } else {
            match state.store.role(self.user.id, orgnr).await? {
                Some(r) => r,
                None => {
                    self.denied(state, json!({"orgnr": orgnr, "need": min.as_str()}))
                        .await;
                    return Err(ApiError::NotFound);
                }
            }
        };
        // A scoped token does at most its role, and never more than its user's.
        let role = scope.map_or(role, |sc| role.min(sc.role));
        if role < min {
            let detail = json!({"orgnr": orgnr, "need": min.as_str(), "role": role.as_str()});
            self.denied(state, detail).await;
            return Err(ApiError::Forbidden);
        }
        Ok(role)
    }

    /// Records an `access.denied` event for this caller (summarised per caller and `detail`).
    pub async fn denied(&self, state: &AppState, detail: serde_json::Value) {
        let source = format!("{}|{detail}", self.user.id);
        let ev = Event {
            action: "access.denied",
            actor: &self.user.email,
            detail,
        };
        security::record(state, ev, Some(&source)).await;
    }

    pub fn actor(&self) -> String {
        self.user.email.clone()
    }

    /// Whose catalog entries the caller edits as a catalog editor (every owner's, or some
    /// owners'); `None` for anyone else, and through a scoped token. Read from the store on
    /// every call. Platform administrators are not catalog editors by that role.
    pub async fn catalog_owners(&self, state: &AppState) -> Result<Option<EditorOwners>, ApiError> {
        user_catalog_owners(state, &self.user).await
    }

    /// May the caller edit the catalog entries of `owner` (a catalog owner id)?
    pub async fn may_edit_owner(&self, state: &AppState, owner: &str) -> Result<bool, ApiError> {
        let owners = self.catalog_owners(state).await?;
        Ok(owners.is_some_and(|o| o.may_edit(owner)))
    }

    /// The limits of a scoped token; `None` for sessions and unscoped tokens.
    pub fn scope(&self) -> Option<&TokenScope> {
        match &self.via {
            Via::Token { scope, .. } => scope.as_ref(),
            Via::Session { .. } => None,
        }
    }

    /// Only a signed-in person (a session), not a token, manages credentials: a token must not
    /// make itself a longer-lived or wider one.
    pub fn require_session(&self) -> Result<(), ApiError> {
        match self.via {
            Via::Session { .. } => Ok(()),
            Via::Token { .. } => Err(ApiError::Forbidden),
        }
    }
}

/// Whose catalog entries `user` edits as a catalog editor ([`Caller::catalog_owners`]); the
/// pages ask the same of their viewer.
pub async fn user_catalog_owners(
    state: &AppState,
    user: &UserRow,
) -> Result<Option<EditorOwners>, ApiError> {
    if !user.catalog_editor {
        return Ok(None);
    }
    Ok(state.store.catalog_editor(user.id).await?)
}

/// A role a handler needs in the body it is about, as a type: `Member<Editor>`.
pub trait MinRole: Send + Sync + 'static {
    const ROLE: Role;
}

/// Reads a body.
pub struct Reader;
/// Changes a body's workspace, assessments and reports.
pub struct Editor;
/// Administers a body: members, settings, acceptance, final reports.
pub struct Admin;

impl MinRole for Reader {
    const ROLE: Role = Role::Reader;
}
impl MinRole for Editor {
    const ROLE: Role = Role::Editor;
}
impl MinRole for Admin {
    const ROLE: Role = Role::Admin;
}

/// A caller with at least `R`'s role in the body named by the path's `{orgnr}`. As an extractor
/// it authenticates (with CSRF for changes), then checks the membership: a body the caller has
/// no part in is 404, too small a role 403. Request bodies are extracted after it, so nothing
/// is read from a stranger's request.
pub struct Member<R> {
    pub caller: Caller,
    pub orgnr: String,
    /// The caller's role in the body (at least `R::ROLE`).
    pub role: Role,
    _min: std::marker::PhantomData<R>,
}

impl<R: MinRole> Member<R> {
    /// Checks an authenticated caller's role in `orgnr`.
    pub async fn check(caller: Caller, state: &AppState, orgnr: String) -> Result<Self, ApiError> {
        let role = caller.require(state, &orgnr, R::ROLE).await?;
        Ok(Member {
            caller,
            orgnr,
            role,
            _min: std::marker::PhantomData,
        })
    }

    pub fn actor(&self) -> String {
        self.caller.actor()
    }
}

/// The path's `{orgnr}`; a route without one is a mistake in the route table.
pub async fn path_orgnr(parts: &mut Parts, state: &AppState) -> Result<String, ApiError> {
    use axum::extract::rejection::RawPathParamsRejection as R;
    let params = axum::extract::RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|e| match e {
            // `%FF` in a path segment: the caller's mistake, not the server's.
            R::InvalidUtf8InPathParam(e) => ApiError::BadRequest(e.to_string()),
            e => ApiError::Internal(e.to_string()),
        })?;
    params
        .iter()
        .find(|(k, _)| *k == "orgnr")
        .map(|(_, v)| v.to_string())
        .ok_or_else(|| ApiError::Internal(format!("no {{orgnr}} in {}", parts.uri.path())))
}

impl<R: MinRole> FromRequestParts<AppState> for Member<R> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        let orgnr = path_orgnr(parts, state).await?;
        Member::check(caller, state, orgnr).await
    }
}

pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// The token of an `Authorization: Bearer …` header; the scheme's name is matched without
/// regard to case (RFC 9110, 11.1).
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

fn changes_state(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Constant-time comparison, so the CSRF check leaks nothing through timing.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        if let Some(token) = bearer(&parts.headers) {
            return token_caller(state, token, parts).await;
        }
        let (user, id_hash, csrf) = session_user(state, &parts.headers)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        // Cookies ride along on cross-site requests; a change needs the session's CSRF token.
        if changes_state(&parts.method) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !same(sent, &csrf) {
                return Err(ApiError::Csrf);
            }
        }
        gated(&user, true, parts)?;
        Ok(Caller {
            user,
            via: Via::Session { id_hash, csrf },
        })
    }
}

/// Refuses a caller behind a gate (a forced password change, a platform administrator's
/// missing second factor) everything but what clears it.
fn gated(user: &UserRow, session: bool, parts: &Parts) -> Result<(), ApiError> {
    match crate::password::gate(user, session) {
        Some(g) if !crate::password::api_allowed(g, &parts.method, parts.uri.path()) => {
            Err(ApiError::Gated(g))
        }
        _ => Ok(()),
    }
}

/// The caller behind a bearer token: read from the database on every request, so a revoked
/// or expired token, or one of a disabled account, is refused at once on every server.
async fn token_caller(state: &AppState, token: &str, parts: &Parts) -> Result<Caller, ApiError> {
    let row = state
        .store
        .live_token(&sha256_hex(token))
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let mut user = state
        .store
        .user(row.user_id)
        .await?
        .filter(|u| u.disabled_at.is_none())
        .ok_or(ApiError::Unauthenticated)?;
    gated(&user, false, parts)?;
    state.store.touch_token(row.id).await?;
    let scope = row.scope().map(|(orgnr, role)| TokenScope {
        orgnr: orgnr.to_string(),
        role,
        platform_admin: user.platform_admin,
    });
    if scope.is_some() {
        // Nothing platform-wide through a scoped token.
        user.platform_admin = false;
        user.catalog_editor = false;
    }
    Ok(Caller {
        user,
        via: Via::Token { id: row.id, scope },
    })
}

/// The user behind the request's session cookie, with the session's id hash and CSRF token;
/// `None` without a live session: none, past its lifetime, idle past the timeout, or of a
/// disabled account. The caller checks CSRF for changes.
pub async fn session_user(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<(UserRow, String, String)>, ApiError> {
    let Some(cookie) = cookie_value(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let id_hash = sha256_hex(&cookie);
    let Some(session) = state.store.session(&id_hash).await? else {
        return Ok(None);
    };
    let idle = grunnmur_store::now() - session.last_seen_at;
    if idle >= state.config.idle_seconds {
        state.store.delete_session(&id_hash).await?;
        return Ok(None);
    }
    // Written at most once a minute (more often with a short timeout).
    if idle >= (state.config.idle_seconds / 4).min(60) {
        state.store.touch_session(&id_hash).await?;
    }
    Ok(state
        .store
        .user(session.user_id)
        .await?
        .filter(|u| u.disabled_at.is_none())
        .map(|u| (u, id_hash, session.csrf)))
}

/// Checks a password under the throttle (`throttle.rs`) — and, for an account with the second
/// factor on, the `code` (a TOTP or recovery code; without one,
/// [`ApiError::SecondFactorRequired`]) — and on success opens a session and returns the cookie
/// value and CSRF token. Every outcome is a security event: `login`, `login.failed` (written by
/// the store with the failure), `login.throttled` (summarised per client).
pub async fn login(
    state: &AppState,
    email: &str,
    password: &str,
    code: Option<&str>,
    client: &Client,
) -> Result<(UserRow, String, String), ApiError> {
    let email = email.trim().to_lowercase();
    let failures = unthrottled(state, &email, client).await?;
    let user = state.store.user_by_email(&email).await?;
    let ok = match user.as_ref().and_then(|u| u.password_hash.as_deref()) {
        Some(h) => verify_password(password, h),
        None => {
            // Spend the same time on unknown accounts, so timing does not reveal them.
            let _ = verify_password(password, dummy_hash());
            false
        }
    };
    // A disabled account does not sign in, with its password or without.
    let Some(user) = user.filter(|u| ok && u.disabled_at.is_none()) else {
        record_failure(state, &email, client, failures + 1).await?;
        return Err(ApiError::Unauthenticated);
    };
    if user.totp_secret.is_some() {
        let code = code.map(str::trim).filter(|c| !c.is_empty());
        let Some(code) = code else {
            return Err(ApiError::SecondFactorRequired);
        };
        if !crate::password::second_factor(state, &user, code).await? {
            record_failure(state, &email, client, failures + 1).await?;
            return Err(ApiError::Unauthenticated);
        }
    }
    signed_in(state, user, client).await
}

/// Refuses a sign-in the throttle holds back (`login.throttled`); otherwise the number of
/// recent failures for this account from this client.
pub(crate) async fn unthrottled(
    state: &AppState,
    email: &str,
    client: &Client,
) -> Result<usize, ApiError> {
    let now = grunnmur_store::now();
    let throttle = &state.config.throttle;
    let failures = state
        .store
        .login_failures(email, &client.key, now - throttle.memory())
        .await?;
    if let Some((scope, wait)) = throttle.wait(now, &failures.pair, &failures.client) {
        let detail = json!({"client": client.addr(), "scope": scope.as_str(), "retry_after": wait});
        let ev = Event {
            action: "login.throttled",
            actor: email,
            detail,
        };
        let source = format!("{}|{}", scope.as_str(), client.key);
        security::record(state, ev, Some(&source)).await;
        return Err(ApiError::TooManyAttempts { retry_after: wait });
    }
    Ok(failures.pair.len())
}

/// A wrong password or code: a failure row for the throttle and the `login.failed` event.
pub(crate) async fn record_failure(
    state: &AppState,
    email: &str,
    client: &Client,
    count: usize,
) -> Result<(), ApiError> {
    let detail = json!({"client": client.addr(), "failures": count});
    tracing::warn!(target: "grunnmur::security", action = "login.failed", actor = %email, detail = %detail, "security event");
    let forget = grunnmur_store::now() - state.config.throttle.memory();
    state
        .store
        .record_login_failure(email, &client.key, Some(detail.to_string()), forget)
        .await?;
    Ok(())
}

async fn signed_in(
    state: &AppState,
    user: UserRow,
    client: &Client,
) -> Result<(UserRow, String, String), ApiError> {
    // The failures stay in the audit log; only the throttle forgets them for this address.
    state
        .store
        .clear_login_failures(&user.email, &client.key)
        .await?;
    let detail = json!({"client": client.addr(), "via": "password"});
    open_session(state, user, detail).await
}

/// The second step of a sign-in through the pages: the password was right and a challenge
/// was handed out ([`challenge`]); the code finishes it. A wrong code counts as a failed
/// sign-in; the challenge holds until it expires or succeeds.
pub async fn login_second_step(
    state: &AppState,
    challenge: &str,
    code: &str,
    client: &Client,
) -> Result<(UserRow, String, String), ApiError> {
    let id_hash = sha256_hex(challenge);
    let user_id = state
        .store
        .challenge(&id_hash)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let user = state
        .store
        .user(user_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let failures = unthrottled(state, &user.email, client).await?;
    if !crate::password::second_factor(state, &user, code).await? {
        record_failure(state, &user.email, client, failures + 1).await?;
        return Err(ApiError::InvalidField {
            field: "code".into(),
            code: "totp-wrong",
        });
    }
    state.store.delete_challenge(&id_hash).await?;
    signed_in(state, user, client).await
}

/// After a right password for an account with the second factor: a challenge for the form
/// that asks for the code (stored as its SHA-256, good for a few minutes).
pub async fn challenge(state: &AppState, email: &str) -> Result<String, ApiError> {
    let email = email.trim().to_lowercase();
    let user = state
        .store
        .user_by_email(&email)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let token = random_token(32);
    let expires = grunnmur_store::now() + crate::password::CHALLENGE_SECONDS;
    state
        .store
        .create_challenge(&sha256_hex(&token), user.id, expires)
        .await?;
    Ok(token)
}

/// Opens a session for a user the caller has authenticated: the cookie value and CSRF token.
/// The sign-in is a security event (`login`, with `detail`).
async fn open_session(
    state: &AppState,
    user: UserRow,
    detail: serde_json::Value,
) -> Result<(UserRow, String, String), ApiError> {
    let cookie = random_token(32);
    let csrf = random_token(24);
    let expires = grunnmur_store::now() + state.config.session_seconds;
    state
        .store
        .create_session(&sha256_hex(&cookie), user.id, &csrf, expires)
        .await?;
    let ev = Event {
        action: "login",
        actor: &user.email,
        detail,
    };
    security::record(state, ev, None).await;
    Ok((user, cookie, csrf))
}

/// Signs in someone an OpenID Connect provider vouched for. A returning user is found by the
/// provider's subject; the first time, the identity is linked to the account with the same
/// e-mail address (one is made, with no role in any body, if there is none).
pub async fn login_identity(
    state: &AppState,
    id: &grunnmur_oidc::Identity,
) -> Result<(UserRow, String, String), ApiError> {
    let user = match state
        .store
        .user_by_identity(&id.issuer, &id.subject)
        .await?
    {
        Some(u) => u,
        None => match state
            .store
            .link_identity(&id.issuer, &id.subject, &id.email, "oidc")
            .await
        {
            Ok(u) => u,
            // Another server linked it a moment ago.
            Err(grunnmur_store::StoreError::Conflict(_)) => state
                .store
                .user_by_identity(&id.issuer, &id.subject)
                .await?
                .ok_or(ApiError::Unauthenticated)?,
            Err(e) => return Err(e.into()),
        },
    };
    if user.disabled_at.is_some() {
        return Err(ApiError::Unauthenticated);
    }
    let detail = json!({"via": "oidc", "issuer": id.issuer});
    open_session(state, user, detail).await
}

/// A `Set-Cookie` value: `name=value; attrs`, and `Secure` unless the server was told to serve
/// plain HTTP clients.
pub fn set_cookie(state: &AppState, name: &str, value: &str, attrs: &str) -> String {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{name}={value}; {attrs}{secure}")
}

/// The `Set-Cookie` value for a session.
pub fn session_cookie(state: &AppState, value: &str, max_age: i64) -> String {
    let attrs = format!("Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}");
    set_cookie(state, SESSION_COOKIE, value, &attrs)
}

/// An argon2id hash of a random password nobody knows, made once.
fn dummy_hash() -> &'static str {
    static H: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    H.get_or_init(|| hash_password(&random_token(16)).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let h = hash_password("korrekt hest batteri stift").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("korrekt hest batteri stift", &h));
        assert!(!verify_password("feil", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, ha) = new_api_token();
        let (b, _) = new_api_token();
        assert_ne!(a, b);
        assert!(a.starts_with("gm_") && a.len() > 40);
        assert_eq!(ha, sha256_hex(&a));
        assert_ne!(ha, a);
    }

    #[test]
    fn reads_one_cookie_among_many() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "a=1; grunnmur_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie_value(&h, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie_value(&h, "c"), None);
    }

    #[test]
    fn the_bearer_scheme_is_matched_in_any_case() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::AUTHORIZATION, v.parse().unwrap());
            h
        };
        for v in ["Bearer gm_x", "bearer gm_x", "BEARER  gm_x ", "bEaReR gm_x"] {
            assert_eq!(bearer(&with(v)), Some("gm_x"), "{v}");
        }
        for v in ["Basic gm_x", "Bearergm_x", "Bearer ", "gm_x"] {
            assert_eq!(bearer(&with(v)), None, "{v}");
        }
    }

    #[test]
    fn comparison_is_exact() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
