//! The life cycle of credentials: API tokens (expiry, revocation, scope to one body and role,
//! last use), sessions (idle time, ending every session of a user), disabling accounts and
//! removing memberships. Every change is in the audit log; platform-level events with no body.

use super::{Sql, entry};
use crate::store::{Backend, Store};
use crate::{NewToken, Result, Role, StoreError, TokenRow, UserRow, now};
use serde_json::json;

const INSERT_TOKEN: &str = "INSERT INTO api_tokens \
     (user_id, token_hash, label, created_at, expires_at, orgnr, role) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
/// A token that is neither revoked nor expired.
const SELECT_LIVE_TOKEN: &str = "SELECT id, user_id, label, orgnr, role, created_at, \
     expires_at, revoked_at, last_used_at FROM api_tokens \
     WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2";
const SELECT_TOKENS: &str = "SELECT id, user_id, label, orgnr, role, created_at, expires_at, \
     revoked_at, last_used_at FROM api_tokens WHERE user_id = $1 ORDER BY id";
const SELECT_TOKEN: &str = "SELECT id, user_id, label, orgnr, role, created_at, expires_at, \
     revoked_at, last_used_at FROM api_tokens WHERE id = $1";
const REVOKE_TOKEN: &str = "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2";
/// Last use, written at most once a minute per token.
const TOUCH_TOKEN: &str = "UPDATE api_tokens SET last_used_at = $1 \
     WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $1 - 60)";

const TOUCH_SESSION: &str = "UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2";
const COUNT_USER_SESSIONS: &str = "SELECT COUNT(*) AS n FROM sessions WHERE user_id = $1";
const DELETE_USER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1";

const SELECT_USERS: &str = "SELECT * FROM users ORDER BY email";
const SET_DISABLED: &str = "UPDATE users SET disabled_at = $1 WHERE id = $2";
const SET_ENABLED: &str = "UPDATE users SET disabled_at = NULL WHERE id = $1";

const SELECT_ROLE: &str = "SELECT role FROM memberships WHERE user_id = $1 AND orgnr = $2";
const COUNT_ADMINS: &str =
    "SELECT COUNT(*) AS n FROM memberships WHERE orgnr = $1 AND role = 'admin'";
const DELETE_MEMBERSHIP: &str = "DELETE FROM memberships WHERE user_id = $1 AND orgnr = $2";
/// A removed member's tokens for the body end with the membership.
const REVOKE_BODY_TOKENS: &str = "UPDATE api_tokens SET revoked_at = $1 \
     WHERE user_id = $2 AND orgnr = $3 AND revoked_at IS NULL";

pub(crate) async fn create_token<DB: Backend>(
    s: &Store<DB>,
    t: NewToken<'_>,
    actor: &str,
) -> Result<i64> {
    let mut tx = s.write().await?;
    let (orgnr, role) = match t.scope {
        Some((o, r)) => (Some(o), Some(r.as_str())),
        None => (None, None),
    };
    let (id,): (i64,) = Sql::new(INSERT_TOKEN)
        .bind(t.user_id)
        .bind(t.token_hash)
        .bind(t.name)
        .bind(now())
        .bind(t.expires_at)
        .bind(orgnr)
        .bind(role)
        .fetch_one(&mut tx)
        .await?;
    let after = json!({
        "id": id, "user_id": t.user_id, "name": t.name, "expires_at": t.expires_at,
        "orgnr": orgnr, "role": role,
    });
    tx.commit(&entry(
        actor,
        None,
        "token.create",
        None,
        Some(after.to_string()),
    ))
    .await?;
    Ok(id)
}

pub(crate) async fn live_token<DB: Backend>(
    s: &Store<DB>,
    token_hash: &str,
) -> Result<Option<TokenRow>> {
    Sql::new(SELECT_LIVE_TOKEN)
        .bind(token_hash)
        .bind(now())
        .fetch_optional(s)
        .await
}

pub(crate) async fn touch_token<DB: Backend>(s: &Store<DB>, id: i64) -> Result<()> {
    Sql::new(TOUCH_TOKEN).bind(now()).bind(id).execute(s).await
}

pub(crate) async fn tokens<DB: Backend>(s: &Store<DB>, user_id: i64) -> Result<Vec<TokenRow>> {
    Sql::new(SELECT_TOKENS).bind(user_id).fetch_all(s).await
}

pub(crate) async fn token<DB: Backend>(s: &Store<DB>, id: i64) -> Result<Option<TokenRow>> {
    Sql::new(SELECT_TOKEN).bind(id).fetch_optional(s).await
}

pub(crate) async fn revoke_token<DB: Backend>(
    s: &Store<DB>,
    id: i64,
    owner: Option<i64>,
    actor: &str,
) -> Result<TokenRow> {
    let mut tx = s.write().await?;
    let found: Option<TokenRow> = Sql::new(SELECT_TOKEN)
        .bind(id)
        .fetch_optional(&mut tx)
        .await?;
    // Someone else's token is "not found", so ids do not reveal other users' tokens.
    let token = found
        .filter(|t| owner.is_none_or(|o| o == t.user_id))
        .ok_or_else(|| StoreError::NotFound(format!("token {id}")))?;
    if token.revoked_at.is_some() {
        return Ok(token);
    }
    let at = now();
    Sql::new(REVOKE_TOKEN)
        .bind(at)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let before = json!({"id": id, "user_id": token.user_id, "revoked_at": null});
    let after = json!({"id": id, "user_id": token.user_id, "revoked_at": at});
    let e = entry(
        actor,
        None,
        "token.revoke",
        Some(before.to_string()),
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(TokenRow {
        revoked_at: Some(at),
        ..token
    })
}

pub(crate) async fn touch_session<DB: Backend>(s: &Store<DB>, id_hash: &str) -> Result<()> {
    Sql::new(TOUCH_SESSION)
        .bind(now())
        .bind(id_hash)
        .execute(s)
        .await
}

/// Ends every session of the user in the open write transaction; returns how many.
async fn delete_sessions<DB: Backend>(
    tx: &mut crate::store::Write<'_, DB>,
    user_id: i64,
) -> Result<i64> {
    let (n,): (i64,) = Sql::new(COUNT_USER_SESSIONS)
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await?;
    Sql::new(DELETE_USER_SESSIONS)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(n)
}

pub(crate) async fn end_sessions<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    actor: &str,
) -> Result<u64> {
    let mut tx = s.write().await?;
    let n = delete_sessions(&mut tx, user_id).await?;
    let after = json!({"user_id": user_id, "sessions_ended": n, "everywhere": true});
    tx.commit(&entry(actor, None, "logout", None, Some(after.to_string())))
        .await?;
    Ok(n as u64)
}

pub(crate) async fn users<DB: Backend>(s: &Store<DB>) -> Result<Vec<UserRow>> {
    Sql::new(SELECT_USERS).fetch_all(s).await
}

pub(crate) async fn set_disabled<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    disabled: bool,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let user: UserRow = Sql::new("SELECT * FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("user {user_id}")))?;
    let at = disabled.then(now);
    let change = match at {
        Some(at) => Sql::new(SET_DISABLED).bind(at).bind(user_id),
        None => Sql::new(SET_ENABLED).bind(user_id),
    };
    change.execute(&mut tx).await?;
    // Sessions end at once; tokens stay (revoked or not) and work again if enabled.
    let ended = if disabled {
        delete_sessions(&mut tx, user_id).await?
    } else {
        0
    };
    let before = json!({"user_id": user_id, "email": user.email, "disabled_at": user.disabled_at});
    let after = json!({
        "user_id": user_id, "email": user.email, "disabled_at": at, "sessions_ended": ended,
    });
    let action = if disabled {
        "user.disable"
    } else {
        "user.enable"
    };
    let e = entry(
        actor,
        None,
        action,
        Some(before.to_string()),
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn remove_member<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    orgnr: &str,
    actor: &str,
) -> Result<Role> {
    let mut tx = s.write().await?;
    let role: Option<(String,)> = Sql::new(SELECT_ROLE)
        .bind(user_id)
        .bind(orgnr)
        .fetch_optional(&mut tx)
        .await?;
    let role = role
        .and_then(|(r,)| Role::parse(&r))
        .ok_or_else(|| StoreError::NotFound(format!("member {user_id} of {orgnr}")))?;
    if role == Role::Admin {
        let (admins,): (i64,) = Sql::new(COUNT_ADMINS)
            .bind(orgnr)
            .fetch_one(&mut tx)
            .await?;
        if admins <= 1 {
            return Err(StoreError::Refused(format!("the last admin of {orgnr}")));
        }
    }
    Sql::new(DELETE_MEMBERSHIP)
        .bind(user_id)
        .bind(orgnr)
        .execute(&mut tx)
        .await?;
    Sql::new(REVOKE_BODY_TOKENS)
        .bind(now())
        .bind(user_id)
        .bind(orgnr)
        .execute(&mut tx)
        .await?;
    let before = json!({"user_id": user_id, "role": role.as_str()});
    let after = json!({"user_id": user_id, "role": null});
    let e = entry(
        actor,
        Some(orgnr),
        "member.remove",
        Some(before.to_string()),
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(role)
}
