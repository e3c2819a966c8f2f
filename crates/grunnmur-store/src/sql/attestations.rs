//! Across bodies (rule 18): signed baseline attestations — the keys that signed them and every
//! one issued, revoked in place (the row keeps who, when and why) — and the supervisors who see
//! the figures across bodies.

use super::{Sql, entry};
use crate::store::{Backend, Store};
use crate::{AttestationRow, Result, StoreError, now};
use serde_json::json;

const COLUMNS: &str = "id, orgnr, kid, token, scope, valid_until, issued_by, issued_at, \
     revoked_at, revoked_by, reason";

pub(crate) async fn register_key<DB: Backend>(
    s: &Store<DB>,
    kid: &str,
    public_jwk: &str,
) -> Result<()> {
    Sql::new(
        "INSERT INTO attestation_keys (kid, public_jwk, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (kid) DO NOTHING",
    )
    .bind(kid)
    .bind(public_jwk)
    .bind(now())
    .execute(s)
    .await
}

pub(crate) async fn keys<DB: Backend>(s: &Store<DB>) -> Result<Vec<String>> {
    let rows: Vec<(String,)> =
        Sql::new("SELECT public_jwk FROM attestation_keys ORDER BY created_at, kid")
            .fetch_all(s)
            .await?;
    Ok(rows.into_iter().map(|(k,)| k).collect())
}

pub(crate) async fn record<DB: Backend>(s: &Store<DB>, r: &AttestationRow) -> Result<()> {
    let mut tx = s.write().await?;
    Sql::new(
        "INSERT INTO attestations (id, orgnr, kid, token, scope, valid_until, issued_by, \
         issued_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(r.id.as_str())
    .bind(r.orgnr.as_str())
    .bind(r.kid.as_str())
    .bind(r.token.as_str())
    .bind(r.scope.as_str())
    .bind(r.valid_until.as_str())
    .bind(r.issued_by.as_str())
    .bind(r.issued_at)
    .execute(&mut tx)
    .await?;
    let after = json!({"id": r.id, "kid": r.kid, "scope": r.scope, "valid_until": r.valid_until,
        "token_hash": crate::content_hash(&r.token)});
    let e = entry(
        &r.issued_by,
        Some(&r.orgnr),
        "attestation.issue",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn list<DB: Backend>(s: &Store<DB>, orgnr: &str) -> Result<Vec<AttestationRow>> {
    let sql =
        format!("SELECT {COLUMNS} FROM attestations WHERE orgnr = $1 ORDER BY issued_at DESC, id");
    Sql::new(&sql).bind(orgnr).fetch_all(s).await
}

pub(crate) async fn revoke<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: &str,
    reason: &str,
    actor: &str,
) -> Result<AttestationRow> {
    let mut tx = s.write().await?;
    let sql = format!("SELECT {COLUMNS} FROM attestations WHERE orgnr = $1 AND id = $2");
    let old: Option<AttestationRow> = Sql::new(&sql)
        .bind(orgnr)
        .bind(id)
        .fetch_optional(&mut tx)
        .await?;
    let Some(old) = old else {
        return Err(StoreError::NotFound(format!("attestation {id}")));
    };
    if old.revoked_at.is_some() {
        return Err(StoreError::Conflict(format!("attestation {id} is revoked")));
    }
    Sql::new(
        "UPDATE attestations SET revoked_at = $1, revoked_by = $2, reason = $3 \
         WHERE orgnr = $4 AND id = $5",
    )
    .bind(now())
    .bind(actor)
    .bind(reason)
    .bind(orgnr)
    .bind(id)
    .execute(&mut tx)
    .await?;
    let row: AttestationRow = Sql::new(&sql)
        .bind(orgnr)
        .bind(id)
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"id": id, "reason": reason});
    let e = entry(
        actor,
        Some(orgnr),
        "attestation.revoke",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn revoked<DB: Backend>(s: &Store<DB>) -> Result<Vec<(String, i64)>> {
    Sql::new(
        "SELECT id, revoked_at FROM attestations WHERE revoked_at IS NOT NULL \
         ORDER BY revoked_at, id",
    )
    .fetch_all(s)
    .await
}

pub(crate) async fn set_supervisor<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    limits: Option<(&[String], &[String])>,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    Sql::new("DELETE FROM supervisors WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    let after = match limits {
        Some((kinds, sectors)) => {
            let (k, se) = (json!(kinds).to_string(), json!(sectors).to_string());
            Sql::new(
                "INSERT INTO supervisors (user_id, kinds, sectors, granted_at) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(user_id)
            .bind(k.as_str())
            .bind(se.as_str())
            .bind(now())
            .execute(&mut tx)
            .await?;
            json!({"user": user_id, "supervisor": true, "kinds": kinds, "sectors": sectors})
        }
        None => json!({"user": user_id, "supervisor": false}),
    };
    let e = entry(
        actor,
        None,
        "platform.supervisor",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn supervisor<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
) -> Result<Option<(Vec<String>, Vec<String>)>> {
    let r: Option<(String, String)> =
        Sql::new("SELECT kinds, sectors FROM supervisors WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(s)
            .await?;
    Ok(r.map(|(k, se)| {
        (
            serde_json::from_str(&k).unwrap_or_default(),
            serde_json::from_str(&se).unwrap_or_default(),
        )
    }))
}
