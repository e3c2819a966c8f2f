//! The audit log's hash chain: each entry's hash covers its fields and the previous hash, so an
//! edited or removed row breaks the chain at that point.

use serde::Serialize;
use sha2::{Digest, Sha256};

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Clone, Debug)]
pub struct NewAudit {
    pub actor: String,
    pub orgnr: Option<String>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AuditRow {
    pub seq: i64,
    pub at: i64,
    pub actor: String,
    pub orgnr: Option<String>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of an entry: SHA-256 over a JSON array of its fields and the previous hash (JSON,
/// so no field can run into the next).
pub fn entry_hash(seq: i64, at: i64, e: &NewAudit, prev_hash: &str) -> String {
    let fields = serde_json::json!([
        seq, at, e.actor, e.orgnr, e.action, e.before, e.after, prev_hash
    ]);
    hex::encode(Sha256::digest(fields.to_string().as_bytes()))
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("entry {expected} is missing (next entry is {found})")]
    Missing { expected: i64, found: i64 },
    #[error("entry {seq} does not follow the previous entry's hash")]
    BrokenLink { seq: i64 },
    #[error("entry {seq} was changed after it was written")]
    Altered { seq: i64 },
}

/// Checks the whole chain; the error names the first broken link.
pub fn verify_chain(rows: &[AuditRow]) -> Result<usize, VerifyError> {
    let mut prev = GENESIS.to_string();
    for (n, r) in rows.iter().enumerate() {
        let expected = n as i64 + 1;
        if r.seq != expected {
            return Err(VerifyError::Missing {
                expected,
                found: r.seq,
            });
        }
        if r.prev_hash != prev {
            return Err(VerifyError::BrokenLink { seq: r.seq });
        }
        let e = NewAudit {
            actor: r.actor.clone(),
            orgnr: r.orgnr.clone(),
            action: r.action.clone(),
            before: r.before.clone(),
            after: r.after.clone(),
        };
        if entry_hash(r.seq, r.at, &e, &r.prev_hash) != r.hash {
            return Err(VerifyError::Altered { seq: r.seq });
        }
        prev = r.hash.clone();
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRow> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|seq| {
                let e = NewAudit {
                    actor: "a".into(),
                    orgnr: Some("974760673".into()),
                    action: format!("act{seq}"),
                    before: None,
                    after: Some("{}".into()),
                };
                let hash = entry_hash(seq, 100 + seq, &e, &prev);
                let row = AuditRow {
                    seq,
                    at: 100 + seq,
                    actor: e.actor,
                    orgnr: e.orgnr,
                    action: e.action,
                    before: e.before,
                    after: e.after,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                row
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify_chain(&chain(5)), Ok(5));
    }

    #[test]
    fn edits_and_removals_name_the_first_broken_entry() {
        let mut c = chain(5);
        c[2].action = "changed".into();
        assert_eq!(verify_chain(&c), Err(VerifyError::Altered { seq: 3 }));
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(
            verify_chain(&c),
            Err(VerifyError::Missing {
                expected: 2,
                found: 3
            })
        );
        let mut c = chain(5);
        // A re-hashed edit still breaks the next link.
        c[1].after = Some("{\"x\":1}".into());
        let e = NewAudit {
            actor: c[1].actor.clone(),
            orgnr: c[1].orgnr.clone(),
            action: c[1].action.clone(),
            before: c[1].before.clone(),
            after: c[1].after.clone(),
        };
        c[1].hash = entry_hash(2, c[1].at, &e, &c[1].prev_hash);
        assert_eq!(verify_chain(&c), Err(VerifyError::BrokenLink { seq: 3 }));
    }
}
