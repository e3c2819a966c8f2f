//! Passwords and the account's own security: the password policy (at least 12 characters, not
//! among the most common passwords), changing a password, the forced change and the second
//! factor that gate a session, the TOTP enrolment, and the one-time links an administrator hands
//! over (a password reset, an invitation to a body). The API, the pages and the CLI call these.

use crate::auth::{self, Caller};
use crate::error::ApiError;
use crate::state::AppState;
use crate::totp;
use grunnmur_store::{LinkKind, NewLink, Role, UserRow, now};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The shortest password accepted.
pub const MIN_LEN: usize = 12;
/// How long a reset link or an invitation stays good.
pub const LINK_SECONDS: i64 = 24 * 3600;
/// How long a sign-in may wait for its second factor after the password.
pub const CHALLENGE_SECONDS: i64 = 5 * 60;

const COMMON: &str = include_str!("../data/common-passwords.txt");

/// Why a password is refused: the code names the message (`account-<code>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakness {
    TooShort,
    Common,
}

impl Weakness {
    pub fn code(self) -> &'static str {
        match self {
            Weakness::TooShort => "password-too-short",
            Weakness::Common => "password-common",
        }
    }
}

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// What is wrong with a new password under the policy, if anything. Characters, not bytes,
/// count; the common list is compared case-insensitively.
pub fn weakness(password: &str) -> Option<Weakness> {
    if password.chars().count() < MIN_LEN {
        return Some(Weakness::TooShort);
    }
    let lower = password.trim().to_lowercase();
    common()
        .contains(lower.as_str())
        .then_some(Weakness::Common)
}

/// The policy as an API error naming the field.
pub fn check_policy(field: &str, password: &str) -> Result<(), ApiError> {
    match weakness(password) {
        Some(w) => Err(ApiError::InvalidField {
            field: field.into(),
            code: w.code(),
        }),
        None => Ok(()),
    }
}

/// A new password under the policy, hashed.
pub fn hash_new(field: &str, password: &str) -> Result<String, ApiError> {
    check_policy(field, password)?;
    auth::hash_password(password)
}

/// What a session must do before anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Choose a new password (the first administrator's one-time password).
    PasswordChange,
    /// Turn on the second factor (platform administrators with a local password).
    TotpEnrolment,
}

impl Gate {
    /// The page that clears the gate.
    pub fn page(self) -> &'static str {
        match self {
            Gate::PasswordChange => "/account/password",
            Gate::TotpEnrolment => "/account/totp",
        }
    }
}

/// The gate a caller is behind, if any. A forced change holds every caller (tokens too); the
/// second factor is asked of a platform administrator's sessions until it is on.
pub fn gate(user: &UserRow, session: bool) -> Option<Gate> {
    if user.must_change_password {
        Some(Gate::PasswordChange)
    } else if session
        && user.platform_admin
        && user.password_hash.is_some()
        && user.totp_secret.is_none()
    {
        Some(Gate::TotpEnrolment)
    } else {
        None
    }
}

/// The API calls a gated caller may still make: the change itself, the enrolment, who am I,
/// and signing out.
pub fn api_allowed(gate: Gate, method: &axum::http::Method, path: &str) -> bool {
    use axum::http::Method as M;
    let always = (*method == M::GET && path == "/api/me")
        || (*method == M::POST && path == "/api/logout")
        || (*method == M::PUT && path == "/api/me/password");
    always || (gate == Gate::TotpEnrolment && path == "/api/me/totp")
}

/// The pages a gated reader may still open: the gate's own page, signing out, the language.
pub fn page_allowed(gate: Gate, path: &str) -> bool {
    path == "/account/password"
        || path == "/logout"
        || path.starts_with("/lang/")
        || (gate == Gate::TotpEnrolment && path.starts_with("/account/totp"))
}

/// The throttle's client for checks a signed-in caller makes (the current password, a code to
/// turn the second factor off): keyed on the account alone.
fn signed_in_client() -> crate::security::Client {
    crate::security::Client {
        ip: None,
        key: "signed-in".into(),
    }
}

/// Checks an account's current password, counted like a failed sign-in when wrong. The
/// caller is signed in already, so the throttle keys these checks on the account alone.
async fn check_current(s: &AppState, user: &UserRow, current: &str) -> Result<(), ApiError> {
    let client = signed_in_client();
    let failures = auth::unthrottled(s, &user.email, &client).await?;
    let ok = user
        .password_hash
        .as_deref()
        .is_some_and(|h| auth::verify_password(current, h));
    if !ok {
        auth::record_failure(s, &user.email, &client, failures + 1).await?;
        return Err(ApiError::InvalidField {
            field: "current".into(),
            code: "password-wrong",
        });
    }
    Ok(())
}

pub async fn change(
    s: &AppState,
    user: &UserRow,
    current: &str,
    new: &str,
) -> Result<(), ApiError> {
    check_current(s, user, current).await?;
    if current == new {
        return Err(ApiError::InvalidField {
            field: "new".into(),
            code: "password-same",
        });
    }
    let hash = hash_new("new", new)?;
    s.store
        .set_password(user.id, &hash, false, &user.email)
        .await?;
    Ok(())
}

/// A second factor for a sign-in: a TOTP code, or one of the recovery codes (spent).
pub async fn second_factor(s: &AppState, user: &UserRow, code: &str) -> Result<bool, ApiError> {
    let Some(secret) = user.totp_secret.as_deref() else {
        return Ok(true);
    };
    if totp::is_totp_code(code) {
        return totp_once(s, user, secret, code).await;
    }
    let hash = totp::recovery_hash(code);
    Ok(s.store
        .use_recovery_code(user.id, &hash, &user.email)
        .await?)
}

/// A TOTP code of `secret` that the account has not used yet: its time step is stored as the
/// account's last, atomically, so a code (or an older one) is accepted once — of two requests
/// with the same code, one wins (RFC 6238, 5.2).
async fn totp_once(
    s: &AppState,
    user: &UserRow,
    secret: &str,
    code: &str,
) -> Result<bool, ApiError> {
    match totp::matching_step(secret, code, now()) {
        Some(step) => Ok(s.store.use_totp_step(user.id, step).await?),
        None => Ok(false),
    }
}

/// Local accounts only: an account that signs in through OpenID Connect gets its second factor
/// from the provider.
fn local(user: &UserRow) -> Result<(), ApiError> {
    if user.password_hash.is_none() {
        return Err(ApiError::Forbidden);
    }
    Ok(())
}

/// Starts (or restarts) the enrolment: a new secret, kept pending until confirmed.
pub async fn begin_totp(s: &AppState, user: &UserRow) -> Result<(String, String), ApiError> {
    local(user)?;
    if user.totp_secret.is_some() {
        return Err(ApiError::Conflict("totp".into()));
    }
    let secret = totp::new_secret();
    s.store.set_totp_pending(user.id, Some(&secret)).await?;
    let uri = totp::uri(&secret, &user.email);
    Ok((secret, uri))
}

/// Confirms the enrolment with a code from the pending secret: the second factor is on, and the
/// recovery codes (returned, shown once) replace any earlier ones. The code is spent like a
/// sign-in's: it does not sign in afterwards.
pub async fn confirm_totp(
    s: &AppState,
    user: &UserRow,
    code: &str,
) -> Result<Vec<String>, ApiError> {
    local(user)?;
    let Some(secret) = user.totp_pending.as_deref() else {
        return Err(ApiError::InvalidField {
            field: "code".into(),
            code: "totp-not-started",
        });
    };
    if !totp_once(s, user, secret, code).await? {
        return Err(ApiError::InvalidField {
            field: "code".into(),
            code: "totp-wrong",
        });
    }
    let (codes, hashes) = totp::new_recovery_codes();
    s.store
        .enable_totp(user.id, secret, &hashes, &user.email)
        .await?;
    Ok(codes)
}

/// Turns the second factor off: the password and a code (or a recovery code) are needed.
pub async fn disable_totp(
    s: &AppState,
    user: &UserRow,
    password: &str,
    code: &str,
) -> Result<(), ApiError> {
    if user.totp_secret.is_none() {
        return Err(ApiError::Conflict("totp".into()));
    }
    check_password_field(s, user, password).await?;
    if !second_factor(s, user, code).await? {
        let client = signed_in_client();
        auth::record_failure(s, &user.email, &client, 1).await?;
        return Err(ApiError::InvalidField {
            field: "code".into(),
            code: "totp-wrong",
        });
    }
    s.store.disable_totp(user.id, &user.email).await?;
    Ok(())
}

async fn check_password_field(s: &AppState, user: &UserRow, pw: &str) -> Result<(), ApiError> {
    check_current(s, user, pw).await.map_err(|e| match e {
        ApiError::InvalidField { code, .. } => ApiError::InvalidField {
            field: "password".into(),
            code,
        },
        other => other,
    })
}

/// Where users reach the server, for links handed over by hand.
pub fn link_url(s: &AppState, path: &str) -> String {
    format!(
        "{}{path}",
        s.config
            .public_url
            .as_deref()
            .unwrap_or("")
            .trim_end_matches('/')
    )
}

/// A reset link for a member of a body, made by an administrator of that body: the member's
/// every body must be one the caller administers, and a platform role is reset only by a
/// platform administrator (a body's administrator never reaches further than the body).
/// Returns the link's path (`/reset/<token>`).
pub async fn reset_link(
    s: &AppState,
    caller: &Caller,
    orgnr: &str,
    email: &str,
) -> Result<String, ApiError> {
    let email = email.trim().to_lowercase();
    let target = s.store.user_by_email(&email).await?;
    let Some(target) = target else {
        return Err(ApiError::NotFound);
    };
    if !caller.user.platform_admin {
        let theirs = s.store.memberships(target.id).await?;
        if !theirs.iter().any(|(o, _)| o == orgnr) {
            return Err(ApiError::NotFound);
        }
        for (o, _) in &theirs {
            if caller.require(s, o, Role::Admin).await.is_err() {
                return Err(ApiError::Forbidden);
            }
        }
        if target.platform_admin || target.catalog_editor {
            return Err(ApiError::Forbidden);
        }
    }
    if target.password_hash.is_none() {
        // Signs in through OpenID Connect only: its provider resets passwords.
        return Err(ApiError::Forbidden);
    }
    issue_reset(s.store.as_ref(), &email, &caller.actor()).await
}

/// A reset link for an account, without the body check (the operator's CLI): its path.
pub async fn issue_reset(
    store: &dyn grunnmur_store::Storage,
    email: &str,
    actor: &str,
) -> Result<String, ApiError> {
    let token = auth::random_token(32);
    let link = NewLink {
        kind: LinkKind::Reset,
        token_hash: &auth::sha256_hex(&token),
        email,
        orgnr: None,
        role: None,
        expires_at: now() + LINK_SECONDS,
    };
    store.create_link(&link, actor).await?;
    Ok(format!("/reset/{token}"))
}

/// An invitation to a body for an e-mail address, whether or not it has an account: the answer
/// is the same either way (the address's account is not revealed). Returns the link's path
/// (`/invite/<token>`).
pub async fn invite(
    s: &AppState,
    actor: &str,
    orgnr: &str,
    email: &str,
    role: Role,
) -> Result<String, ApiError> {
    let email = email.trim().to_lowercase();
    if !plausible_email(&email) {
        return Err(ApiError::InvalidField {
            field: "email".into(),
            code: "email-invalid",
        });
    }
    let token = auth::random_token(32);
    let link = NewLink {
        kind: LinkKind::Invite,
        token_hash: &auth::sha256_hex(&token),
        email: &email,
        orgnr: Some(orgnr),
        role: Some(role),
        expires_at: now() + LINK_SECONDS,
    };
    s.store.create_link(&link, actor).await?;
    Ok(format!("/invite/{token}"))
}

/// Something, an `@`, something with a dot: the address itself is checked by its owner, who
/// gets the link.
pub fn plausible_email(e: &str) -> bool {
    match e.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !e.chars().any(|c| c.is_whitespace() || c.is_control())
                && e.len() <= 254
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_common_passwords_are_refused() {
        assert_eq!(weakness("kort"), Some(Weakness::TooShort));
        assert_eq!(weakness("elleve tegn"), Some(Weakness::TooShort));
        // Characters, not bytes: twelve letters with Norwegian ones pass the length.
        assert_eq!(weakness("blåbærsyltetøy"), None);
        assert_eq!(weakness("æøåæøåæøåæø"), Some(Weakness::TooShort));
        for common in ["password1234", "PASSWORD1234", "Password1234"] {
            assert_eq!(weakness(common), Some(Weakness::Common), "{common}");
        }
        assert_eq!(weakness("1qaz2wsx3edc"), Some(Weakness::Common));
        assert_eq!(weakness("1QAZ2WSX3EDC"), Some(Weakness::Common));
        assert_eq!(weakness("et langt og godt passord"), None);
    }

    #[test]
    fn the_demo_password_is_accepted() {
        // README tells people to use it; it must stay valid under the policy.
        assert_eq!(weakness("grunnmur-demo"), None);
    }

    #[test]
    fn the_common_list_is_the_shipped_one() {
        assert!(common().len() > 19_000);
        assert!(common().iter().all(|p| *p == p.to_lowercase()));
    }

    #[test]
    fn addresses_are_checked_for_shape_only() {
        assert!(plausible_email("kari@example.no"));
        for bad in [
            "",
            "kari",
            "@example.no",
            "kari@",
            "kari@no",
            "ka ri@example.no",
        ] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }
}
