//! The audit log's chain: each entry's hash covers its fields and the previous hash, so an
//! edited or removed row breaks the chain at that point. From the entry where the store first
//! had an audit key (`keyed_from`) on, the hash is an HMAC-SHA256 under that key, which is kept
//! outside the database: whoever can write to the database but not read the key cannot
//! recompute the chain after an edit. Entries before it (written before keys existed) keep
//! the plain SHA-256 chain; the first keyed entry covers the last plain hash, so they are
//! protected too. A [`Checkpoint`] of the head, written outside the database after every
//! append, catches removal of the newest entries.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write as _;
use std::path::Path;

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
    hex::encode(Sha256::digest(fields(seq, at, e, prev_hash).as_bytes()))
}

fn fields(seq: i64, at: i64, e: &NewAudit, prev_hash: &str) -> String {
    serde_json::json!([
        seq, at, e.actor, e.orgnr, e.action, e.before, e.after, prev_hash
    ])
    .to_string()
}

/// The key of the chain: 32 random bytes, hex in a file of its own (mode 0600) or in
/// `GRUNNMUR_AUDIT_KEY`. Never in the database.
#[derive(Clone)]
pub struct AuditKey([u8; 32]);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AuditKey({})", self.id())
    }
}

impl AuditKey {
    /// A new random key.
    pub fn generate() -> AuditKey {
        let mut k = [0u8; 32];
        getrandom::fill(&mut k).expect("the operating system's random source");
        AuditKey(k)
    }

    /// From 64 hex digits (surrounding white space ignored).
    pub fn from_hex(text: &str) -> Result<AuditKey, String> {
        let bytes = hex::decode(text.trim()).map_err(|e| e.to_string())?;
        let k: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "an audit key is 64 hex digits (32 bytes)".to_string())?;
        Ok(AuditKey(k))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// Reads the key file, or creates it (mode 0600, never overwriting) with a new key.
    /// Returns the key and whether it was created.
    pub fn load_or_create(path: &Path) -> std::io::Result<(AuditKey, bool)> {
        let invalid = |e: String| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            )
        };
        match std::fs::read_to_string(path) {
            Ok(text) => return Ok((AuditKey::from_hex(&text).map_err(invalid)?, false)),
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            Err(_) => {}
        }
        let key = AuditKey::generate();
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let mut f = opts.open(path)?;
        writeln!(f, "{}", key.to_hex())?;
        f.sync_all()?;
        Ok((key, true))
    }

    /// Names the key without revealing it: an HMAC of a constant, 16 hex digits. Stored in the
    /// database where the keyed chain starts, so another key is noticed before it appends.
    pub fn id(&self) -> String {
        let mut mac = self.mac();
        mac.update(b"grunnmur audit key id");
        hex::encode(&mac.finalize().into_bytes()[..8])
    }

    fn mac(&self) -> Hmac<Sha256> {
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes any key length")
    }
}

/// The hash of a keyed entry: HMAC-SHA256 under the audit key over the same fields as
/// [`entry_hash`].
pub fn keyed_hash(key: &AuditKey, seq: i64, at: i64, e: &NewAudit, prev_hash: &str) -> String {
    let mut mac = key.mac();
    mac.update(fields(seq, at, e, prev_hash).as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Where the keyed chain starts, as the database records it (table `audit_chain`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ChainStart {
    pub keyed_from: i64,
    pub key_id: String,
}

/// The head of the chain as a server last appended it, kept outside the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub seq: i64,
    pub hash: String,
    /// When the entry was written (seconds since the epoch).
    pub at: i64,
    /// Where the keyed chain starts.
    pub keyed_from: i64,
}

impl Checkpoint {
    /// Writes the checkpoint atomically: a temporary file beside it, synced, then renamed
    /// over it, so a reader (or a crash) sees the old checkpoint or the new one.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        // Per process: servers sharing a folder by mistake do not write one temporary file.
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".{}.tmp", std::process::id()));
        let tmp = std::path::PathBuf::from(tmp);
        let mut f = std::fs::File::create(&tmp)?;
        let text = serde_json::to_string(self).map_err(std::io::Error::other)?;
        writeln!(f, "{text}")?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    }

    pub fn read(path: &Path) -> std::io::Result<Checkpoint> {
        let text = std::fs::read_to_string(path)?;
        serde_json::from_str(&text).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}: {e}", path.display()),
            )
        })
    }
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("entry {expected} is missing (next entry is {found})")]
    Missing { expected: i64, found: i64 },
    #[error("entry {seq} does not follow the previous entry's hash")]
    BrokenLink { seq: i64 },
    #[error("entry {seq} was changed after it was written")]
    Altered { seq: i64 },
    #[error("the log is keyed from entry {keyed_from}; give the audit key to verify it")]
    NoKey { keyed_from: i64 },
    #[error("the audit key given is not the one the log is keyed with")]
    WrongKey,
    #[error(
        "a checkpoint names entry {checkpoint}, but the log ends at {head}: entries were removed"
    )]
    Truncated { checkpoint: i64, head: i64 },
    #[error("entry {seq} is not the entry a checkpoint recorded: the log was rewritten")]
    Diverged { seq: i64 },
    #[error(
        "a checkpoint says the keyed chain starts at entry {checkpoint}, the database says {database:?}"
    )]
    StartMoved {
        checkpoint: i64,
        database: Option<i64>,
    },
}

/// What verifying needs besides the rows: the key, where the keyed chain starts, and the
/// checkpoints written outside the database.
#[derive(Clone, Copy, Debug, Default)]
pub struct Verify<'a> {
    pub key: Option<&'a AuditKey>,
    pub start: Option<&'a ChainStart>,
    pub checkpoints: &'a [Checkpoint],
}

/// Checks the plain chain alone (a log never keyed); see [`verify`].
pub fn verify_chain(rows: &[AuditRow]) -> Result<usize, VerifyError> {
    verify(rows, &Verify::default())
}

/// Checks the whole chain — plain entries up to where the keyed chain starts, keyed ones from
/// there — and every checkpoint against it (each must be an entry of the log, with its hash:
/// a prefix). The error names the first broken link.
pub fn verify(rows: &[AuditRow], v: &Verify<'_>) -> Result<usize, VerifyError> {
    let keyed = match (v.start, v.key) {
        (None, _) => None,
        (Some(s), None) => {
            return Err(VerifyError::NoKey {
                keyed_from: s.keyed_from,
            });
        }
        (Some(s), Some(k)) if k.id() != s.key_id => return Err(VerifyError::WrongKey),
        (Some(s), Some(k)) => Some((k, s.keyed_from)),
    };
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
        let hash = match keyed {
            Some((key, from)) if r.seq >= from => keyed_hash(key, r.seq, r.at, &e, &r.prev_hash),
            _ => entry_hash(r.seq, r.at, &e, &r.prev_hash),
        };
        if hash != r.hash {
            return Err(VerifyError::Altered { seq: r.seq });
        }
        prev = r.hash.clone();
    }
    let head = rows.len() as i64;
    for cp in v.checkpoints {
        let database = v.start.map(|s| s.keyed_from);
        if database != Some(cp.keyed_from) {
            return Err(VerifyError::StartMoved {
                checkpoint: cp.keyed_from,
                database,
            });
        }
        if cp.seq > head {
            return Err(VerifyError::Truncated {
                checkpoint: cp.seq,
                head,
            });
        }
        let at = usize::try_from(cp.seq - 1).ok().and_then(|i| rows.get(i));
        if at.is_none_or(|r| r.hash != cp.hash) {
            return Err(VerifyError::Diverged { seq: cp.seq });
        }
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
