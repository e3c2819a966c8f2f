//! The audit log: appending to the chain (inside the change's own transaction; keyed when the
//! store has an audit key), reading it, and the platform stream (entries about no body).

use super::Sql;
use crate::audit::{AuditRow, ChainStart, GENESIS, NewAudit, entry_hash, keyed_hash};
use crate::store::{Backend, Store, Write};
use crate::{Result, StoreError, now};

const LAST_ENTRY: &str = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
const INSERT_ENTRY: &str = "INSERT INTO audit_log \
     (seq, at, actor, orgnr, action, before, after, prev_hash, hash) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const SELECT_FOR_BODY: &str = "SELECT * FROM audit_log WHERE orgnr = $1 ORDER BY seq";
const SELECT_ALL: &str = "SELECT * FROM audit_log ORDER BY seq";
const SELECT_START: &str = "SELECT keyed_from, key_id FROM audit_chain WHERE id = 1";
const INSERT_START: &str =
    "INSERT INTO audit_chain (id, keyed_from, key_id, at) VALUES (1, $1, $2, $3)";
/// The platform stream, newest first: `$1` action (or its family: `login` finds
/// `login.failed`), `$2` a part of the actor, `$3`..`$4` the time, entries before `$5`.
const SELECT_PLATFORM: &str = "SELECT * FROM audit_log WHERE orgnr IS NULL \
     AND ($1 IS NULL OR action = $1 OR action LIKE $1 || '.%') \
     AND ($2 IS NULL OR LOWER(actor) LIKE '%' || LOWER($2) || '%') \
     AND at >= $3 AND at <= $4 AND seq < $5 \
     ORDER BY seq DESC LIMIT $6";

/// What the platform stream is filtered by.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    /// An action, or a family of them (`login` is `login` and `login.*`).
    pub action: Option<String>,
    /// A part of the actor (case-insensitive).
    pub actor: Option<String>,
    pub since: Option<i64>,
    pub until: Option<i64>,
    /// Entries older than this one (the next page).
    pub before_seq: Option<i64>,
    /// At most this many (newest first).
    pub limit: i64,
}

/// Appends an entry after the chain's last one; returns it and where the keyed chain starts
/// (`None` while the log is plain). The write lock, which the transaction took first, keeps
/// the read-last-hash-then-insert alone. A store with a key starts the keyed chain at its
/// first append; a store without one cannot append to a keyed chain, nor one with another key.
pub(crate) async fn append<DB: Backend>(
    tx: &mut Write<'_, DB>,
    e: &NewAudit,
) -> Result<(AuditRow, Option<i64>)> {
    DB::lock_writes(tx.conn()).await?;
    let last: Option<(i64, String)> = Sql::new(LAST_ENTRY).fetch_optional(&mut *tx).await?;
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let at = now();
    let start: Option<ChainStart> = Sql::new(SELECT_START).fetch_optional(&mut *tx).await?;
    let (hash, keyed_from) = match (tx.seal, start) {
        (None, None) => (entry_hash(seq, at, e, &prev_hash), None),
        (None, Some(s)) => {
            return Err(StoreError::Refused(format!(
                "the audit log is keyed from entry {}; this server has no audit key",
                s.keyed_from
            )));
        }
        (Some(seal), Some(s)) if s.key_id != seal.key.id() => {
            return Err(StoreError::Refused(format!(
                "the audit log is keyed with key {}, this server has key {}",
                s.key_id,
                seal.key.id()
            )));
        }
        (Some(seal), start) => {
            let from = match start {
                Some(s) => s.keyed_from,
                None => {
                    Sql::new(INSERT_START)
                        .bind(seq)
                        .bind(&seal.key.id())
                        .bind(at)
                        .execute(&mut *tx)
                        .await?;
                    seq
                }
            };
            (keyed_hash(&seal.key, seq, at, e, &prev_hash), Some(from))
        }
    };
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
    let row = AuditRow {
        seq,
        at,
        actor: e.actor.clone(),
        orgnr: e.orgnr.clone(),
        action: e.action.clone(),
        before: e.before.clone(),
        after: e.after.clone(),
        prev_hash,
        hash,
    };
    Ok((row, keyed_from))
}

pub(crate) async fn audit_for<DB: Backend>(s: &Store<DB>, orgnr: &str) -> Result<Vec<AuditRow>> {
    Sql::new(SELECT_FOR_BODY).bind(orgnr).fetch_all(s).await
}

pub(crate) async fn audit_all<DB: Backend>(s: &Store<DB>) -> Result<Vec<AuditRow>> {
    Sql::new(SELECT_ALL).fetch_all(s).await
}

pub(crate) async fn audit_seq<DB: Backend>(s: &Store<DB>) -> Result<i64> {
    let (seq,): (i64,) = Sql::new("SELECT COALESCE(MAX(seq), 0) FROM audit_log")
        .fetch_one(s)
        .await?;
    Ok(seq)
}

pub(crate) async fn audit_start<DB: Backend>(s: &Store<DB>) -> Result<Option<ChainStart>> {
    Sql::new(SELECT_START).fetch_optional(s).await
}

pub(crate) async fn platform_audit<DB: Backend>(
    s: &Store<DB>,
    q: &AuditQuery,
) -> Result<Vec<AuditRow>> {
    Sql::new(SELECT_PLATFORM)
        .bind(q.action.as_deref().filter(|a| !a.is_empty()))
        .bind(q.actor.as_deref().filter(|a| !a.is_empty()))
        .bind(q.since.unwrap_or(0))
        .bind(q.until.unwrap_or(i64::MAX))
        .bind(q.before_seq.unwrap_or(i64::MAX))
        .bind(q.limit.clamp(1, 500))
        .fetch_all(s)
        .await
}
