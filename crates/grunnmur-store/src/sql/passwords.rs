//! Passwords and the second factor: changes and forced changes, TOTP secrets and recovery codes,
//! and one-time links (a password reset, an invitation to a body). Every change is in the audit
//! log with orgnr NULL (platform security events), except invitations, which belong to the body.

use super::accounts::{SELECT_USER_BY_EMAIL, UPSERT_MEMBERSHIP};
use super::{Sql, audit_log, entry};
use crate::store::{Backend, Store};
use crate::{LinkKind, LinkRow, NewLink, Result, StoreError, UserRow, now};
use serde_json::json;

const SELECT_USER: &str = "SELECT * FROM users WHERE id = $1";
const UPDATE_PASSWORD: &str =
    "UPDATE users SET password_hash = $1, must_change_password = $2 WHERE id = $3";
const SET_MUST_CHANGE: &str = "UPDATE users SET must_change_password = $1 WHERE id = $2";
const DELETE_USER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1";

const SET_TOTP_PENDING: &str = "UPDATE users SET totp_pending = $1 WHERE id = $2";
const SET_TOTP: &str = "UPDATE users SET totp_secret = $1, totp_pending = NULL WHERE id = $2";
/// Stores the step only if it is later than the last used: one statement, so it is atomic on
/// both backends (PostgreSQL re-checks the condition on the row a concurrent update left).
const USE_TOTP_STEP: &str = "UPDATE users SET totp_last_step = $1 \
     WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1) RETURNING id";
const DELETE_RECOVERY: &str = "DELETE FROM recovery_codes WHERE user_id = $1";
const INSERT_RECOVERY: &str =
    "INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES ($1, $2, NULL)";
const RECOVERY_UNUSED: &str = "SELECT 1 FROM recovery_codes \
     WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL";
const USE_RECOVERY: &str = "UPDATE recovery_codes SET used_at = $1 \
     WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL";
const COUNT_RECOVERY_LEFT: &str =
    "SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";

const INSERT_LINK: &str = "INSERT INTO account_links \
     (token_hash, kind, email, orgnr, role, created_by, created_at, expires_at, used_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)";
/// An earlier reset link for the same address stops working when a new one is made.
const RETIRE_RESET_LINKS: &str = "UPDATE account_links SET used_at = $1 \
     WHERE kind = 'reset' AND email = $2 AND used_at IS NULL";
const SELECT_LINK: &str = "SELECT kind, email, orgnr, role, created_by, expires_at \
     FROM account_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2";
const USE_LINK: &str = "UPDATE account_links SET used_at = $1 WHERE token_hash = $2";
const SELECT_INVITATIONS: &str = "SELECT kind, email, orgnr, role, created_by, expires_at \
     FROM account_links WHERE orgnr = $1 AND kind = 'invite' AND used_at IS NULL \
     AND expires_at > $2 ORDER BY email";
const INSERT_USER_WITH_PASSWORD: &str = "INSERT INTO users \
     (email, password_hash, platform_admin, created_at) VALUES ($1, $2, $3, $4) RETURNING *";

const INSERT_CHALLENGE: &str =
    "INSERT INTO login_challenges (id_hash, user_id, expires_at) VALUES ($1, $2, $3)";
const SELECT_CHALLENGE: &str =
    "SELECT user_id FROM login_challenges WHERE id_hash = $1 AND expires_at > $2";
/// Removes the challenge, and every expired one with it.
const DELETE_CHALLENGE: &str =
    "DELETE FROM login_challenges WHERE id_hash = $1 OR expires_at <= $2";

pub(crate) async fn create_challenge<DB: Backend>(
    s: &Store<DB>,
    id_hash: &str,
    user_id: i64,
    expires_at: i64,
) -> Result<()> {
    Sql::new(INSERT_CHALLENGE)
        .bind(id_hash)
        .bind(user_id)
        .bind(expires_at)
        .execute(s)
        .await
}

pub(crate) async fn challenge<DB: Backend>(s: &Store<DB>, id_hash: &str) -> Result<Option<i64>> {
    let r: Option<(i64,)> = Sql::new(SELECT_CHALLENGE)
        .bind(id_hash)
        .bind(now())
        .fetch_optional(s)
        .await?;
    Ok(r.map(|(id,)| id))
}

pub(crate) async fn delete_challenge<DB: Backend>(s: &Store<DB>, id_hash: &str) -> Result<()> {
    Sql::new(DELETE_CHALLENGE)
        .bind(id_hash)
        .bind(now())
        .execute(s)
        .await
}

fn user_json(u: &UserRow) -> serde_json::Value {
    json!({"user_id": u.id, "email": u.email})
}

async fn user_in<DB: Backend>(tx: &mut crate::store::Write<'_, DB>, id: i64) -> Result<UserRow> {
    Sql::new(SELECT_USER)
        .bind(id)
        .fetch_optional(tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("user {id}")))
}

pub(crate) async fn set_password<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    hash: &str,
    end_sessions: bool,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let user = user_in(&mut tx, user_id).await?;
    Sql::new(UPDATE_PASSWORD)
        .bind(hash)
        .bind(false)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    if end_sessions {
        Sql::new(DELETE_USER_SESSIONS)
            .bind(user_id)
            .execute(&mut tx)
            .await?;
    }
    let mut after = user_json(&user);
    after["sessions_ended"] = json!(end_sessions);
    let e = entry(
        actor,
        None,
        "password.change",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn require_password_change<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let user = user_in(&mut tx, user_id).await?;
    Sql::new(SET_MUST_CHANGE)
        .bind(true)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    let after = user_json(&user).to_string();
    let e = entry(actor, None, "password.must_change", None, Some(after));
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn set_totp_pending<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    secret: Option<&str>,
) -> Result<()> {
    Sql::new(SET_TOTP_PENDING)
        .bind(secret)
        .bind(user_id)
        .execute(s)
        .await
}

pub(crate) async fn enable_totp<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    secret: &str,
    recovery_hashes: &[String],
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let user = user_in(&mut tx, user_id).await?;
    Sql::new(SET_TOTP)
        .bind(Some(secret))
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    Sql::new(DELETE_RECOVERY)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    for h in recovery_hashes {
        Sql::new(INSERT_RECOVERY)
            .bind(user_id)
            .bind(h)
            .execute(&mut tx)
            .await?;
    }
    let mut after = user_json(&user);
    after["recovery_codes"] = json!(recovery_hashes.len());
    let e = entry(actor, None, "totp.enable", None, Some(after.to_string()));
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn disable_totp<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let user = user_in(&mut tx, user_id).await?;
    Sql::new(SET_TOTP)
        .bind(None::<&str>)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    Sql::new(DELETE_RECOVERY)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    let after = user_json(&user).to_string();
    tx.commit(&entry(actor, None, "totp.disable", None, Some(after)))
        .await?;
    Ok(())
}

pub(crate) async fn use_totp_step<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    step: i64,
) -> Result<bool> {
    let won: Option<(i64,)> = Sql::new(USE_TOTP_STEP)
        .bind(step)
        .bind(user_id)
        .fetch_optional(s)
        .await?;
    Ok(won.is_some())
}

pub(crate) async fn use_recovery_code<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    code_hash: &str,
    actor: &str,
) -> Result<bool> {
    let mut tx = s.write().await?;
    let user = user_in(&mut tx, user_id).await?;
    // Read first: a statement that writes nothing still takes SQLite's write lock.
    let unused = Sql::new(RECOVERY_UNUSED)
        .bind(user_id)
        .bind(code_hash)
        .exists(&mut tx)
        .await?;
    if !unused {
        return Ok(false);
    }
    Sql::new(USE_RECOVERY)
        .bind(now())
        .bind(user_id)
        .bind(code_hash)
        .execute(&mut tx)
        .await?;
    let (left,): (i64,) = Sql::new(COUNT_RECOVERY_LEFT)
        .bind(user_id)
        .fetch_one(&mut tx)
        .await?;
    let mut after = user_json(&user);
    after["left"] = json!(left);
    let e = entry(
        actor,
        None,
        "totp.recovery-used",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(true)
}

pub(crate) async fn recovery_codes_left<DB: Backend>(s: &Store<DB>, user_id: i64) -> Result<i64> {
    let (n,): (i64,) = Sql::new(COUNT_RECOVERY_LEFT)
        .bind(user_id)
        .fetch_one(s)
        .await?;
    Ok(n)
}

pub(crate) async fn create_link<DB: Backend>(
    s: &Store<DB>,
    l: &NewLink<'_>,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let at = now();
    if l.kind == LinkKind::Reset {
        Sql::new(RETIRE_RESET_LINKS)
            .bind(at)
            .bind(l.email)
            .execute(&mut tx)
            .await?;
    }
    Sql::new(INSERT_LINK)
        .bind(l.token_hash)
        .bind(l.kind.as_str())
        .bind(l.email)
        .bind(l.orgnr)
        .bind(l.role.map(|r| r.as_str()))
        .bind(actor)
        .bind(at)
        .bind(l.expires_at)
        .execute(&mut tx)
        .await?;
    let after = json!({
        "email": l.email, "orgnr": l.orgnr, "role": l.role.map(|r| r.as_str()),
        "expires_at": l.expires_at,
    })
    .to_string();
    let e = match l.kind {
        LinkKind::Reset => entry(actor, None, "password.reset", None, Some(after)),
        LinkKind::Invite => entry(actor, l.orgnr, "member.invite", None, Some(after)),
    };
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn link<DB: Backend>(s: &Store<DB>, token_hash: &str) -> Result<Option<LinkRow>> {
    Sql::new(SELECT_LINK)
        .bind(token_hash)
        .bind(now())
        .fetch_optional(s)
        .await
}

pub(crate) async fn invitations<DB: Backend>(s: &Store<DB>, orgnr: &str) -> Result<Vec<LinkRow>> {
    Sql::new(SELECT_INVITATIONS)
        .bind(orgnr)
        .bind(now())
        .fetch_all(s)
        .await
}

/// The link if it is still good for `kind`, read inside the transaction that will spend it
/// ([`spend`]). Everything that can refuse is checked before anything is written: a transaction
/// dropped after a write would hold SQLite's write lock until its rollback runs.
async fn live_link<DB: Backend>(
    tx: &mut crate::store::Write<'_, DB>,
    token_hash: &str,
    kind: LinkKind,
) -> Result<LinkRow> {
    let link: Option<LinkRow> = Sql::new(SELECT_LINK)
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&mut *tx)
        .await?;
    link.filter(|l| l.kind == kind.as_str())
        .ok_or_else(|| StoreError::NotFound("link".into()))
}

async fn spend<DB: Backend>(tx: &mut crate::store::Write<'_, DB>, token_hash: &str) -> Result<()> {
    Sql::new(USE_LINK)
        .bind(now())
        .bind(token_hash)
        .execute(&mut *tx)
        .await
}

pub(crate) async fn use_reset_link<DB: Backend>(
    s: &Store<DB>,
    token_hash: &str,
    hash: &str,
) -> Result<UserRow> {
    let mut tx = s.write().await?;
    let link = live_link(&mut tx, token_hash, LinkKind::Reset).await?;
    let user: UserRow = Sql::new(SELECT_USER_BY_EMAIL)
        .bind(&link.email)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(link.email.clone()))?;
    spend(&mut tx, token_hash).await?;
    Sql::new(UPDATE_PASSWORD)
        .bind(hash)
        .bind(false)
        .bind(user.id)
        .execute(&mut tx)
        .await?;
    Sql::new(DELETE_USER_SESSIONS)
        .bind(user.id)
        .execute(&mut tx)
        .await?;
    let mut after = user_json(&user);
    after["via"] = json!("reset-link");
    after["reset_by"] = json!(link.created_by);
    after["sessions_ended"] = json!(true);
    let e = entry(
        &user.email,
        None,
        "password.change",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    user_in_pool(s, user.id).await
}

async fn user_in_pool<DB: Backend>(s: &Store<DB>, id: i64) -> Result<UserRow> {
    Sql::new(SELECT_USER)
        .bind(id)
        .fetch_optional(s)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("user {id}")))
}

pub(crate) async fn accept_invitation<DB: Backend>(
    s: &Store<DB>,
    token_hash: &str,
    new_password_hash: Option<&str>,
    signed_in: Option<i64>,
) -> Result<UserRow> {
    let mut tx = s.write().await?;
    let link = live_link(&mut tx, token_hash, LinkKind::Invite).await?;
    let (Some(orgnr), Some(role)) = (link.orgnr.as_deref(), link.role.as_deref()) else {
        return Err(StoreError::NotFound("invitation".into()));
    };
    let existing: Option<UserRow> = Sql::new(SELECT_USER_BY_EMAIL)
        .bind(&link.email)
        .fetch_optional(&mut tx)
        .await?;
    let user = match (existing, new_password_hash, signed_in) {
        (Some(u), _, Some(id)) if u.id == id => {
            spend(&mut tx, token_hash).await?;
            u
        }
        (None, Some(hash), None) => {
            spend(&mut tx, token_hash).await?;
            let u: UserRow = Sql::new(INSERT_USER_WITH_PASSWORD)
                .bind(&link.email)
                .bind(hash)
                .bind(false)
                .bind(now())
                .fetch_one(&mut tx)
                .await?;
            let after = json!({"id": u.id, "email": u.email, "platform_admin": false});
            let e = entry(&u.email, None, "user.create", None, Some(after.to_string()));
            audit_log::append(&mut tx, &e).await?;
            u
        }
        (Some(_), _, None) => return Err(StoreError::Refused("an account exists".into())),
        _ => return Err(StoreError::Refused("another account".into())),
    };
    Sql::new(UPSERT_MEMBERSHIP)
        .bind(user.id)
        .bind(orgnr)
        .bind(role)
        .execute(&mut tx)
        .await?;
    let after = json!({"user_id": user.id, "role": role, "invited_by": link.created_by});
    let e = entry(
        &user.email,
        Some(orgnr),
        "membership.grant",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(user)
}
