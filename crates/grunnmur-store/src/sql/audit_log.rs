//! The audit log: appending to the hash chain (inside the change's own transaction) and
//! reading it.

use super::Sql;
use crate::audit::{AuditRow, GENESIS, NewAudit, entry_hash};
use crate::store::{Backend, Store, Write};
use crate::{Result, now};

const LAST_ENTRY: &str = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
const INSERT_ENTRY: &str = "INSERT INTO audit_log \
     (seq, at, actor, orgnr, action, before, after, prev_hash, hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const SELECT_FOR_BODY: &str = "SELECT * FROM audit_log WHERE orgnr = $1 ORDER BY seq";
const SELECT_ALL: &str = "SELECT * FROM audit_log ORDER BY seq";

/// Appends an entry after the chain's last one. The write lock, which the transaction took
/// first, keeps the read-last-hash-then-insert alone.
pub(crate) async fn append<DB: Backend>(tx: &mut Write<'_, DB>, e: &NewAudit) -> Result<AuditRow> {
    DB::lock_writes(tx.conn()).await?;
    let last: Option<(i64, String)> = Sql::new(LAST_ENTRY).fetch_optional(&mut *tx).await?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let at = now();
    let hash = entry_hash(seq, at, e, &prev_hash);
    Sql::new(INSERT_ENTRY)
        .bind(seq)
        .bind(at)
        .bind(&e.actor)
        .bind(e.orgnr.as_deref())
        .bind(&e.action)
        .bind(e.before.as_deref())
        .bind(e.after.as_deref())
        .bind(&prev_hash)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    Ok(AuditRow {
        seq,
        at,
        actor: e.actor.clone(),
        orgnr: e.orgnr.clone(),
        action: e.action.clone(),
        before: e.before.clone(),
        after: e.after.clone(),
        prev_hash,
        hash,
    })
}

pub(crate) async fn audit_for<DB: Backend>(s: &Store<DB>, orgnr: &str) -> Result<Vec<AuditRow>> {
    Sql::new(SELECT_FOR_BODY).bind(orgnr).fetch_all(s).await
}

pub(crate) async fn audit_all<DB: Backend>(s: &Store<DB>) -> Result<Vec<AuditRow>> {
    Sql::new(SELECT_ALL).fetch_all(s).await
}
