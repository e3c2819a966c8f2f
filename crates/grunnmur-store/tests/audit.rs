//! The keyed audit chain and its checkpoints, on SQLite and PostgreSQL: every way of rewriting
//! the log behind the code's back — editing an entry and recomputing the plain hashes, removing
//! the newest entries, inserting one, truncating — fails verification; a clean log passes.

use grunnmur_store::testing::{note_postgres_skipped, postgres_schema, postgres_url, sqlite};
use grunnmur_store::*;
use std::path::PathBuf;

/// One backend's database: how to open a store on it (sealed or not) and run raw SQL.
enum Db {
    Sqlite(PathBuf),
    Pg(Box<PgConnectOptions>),
}

impl Db {
    async fn all(test: &str) -> Vec<Db> {
        let mut v = vec![Db::Sqlite(sqlite().await.1)];
        match postgres_url() {
            Some(url) => {
                let (_, opts) = postgres_schema(&url).await;
                v.push(Db::Pg(Box::new(opts)));
            }
            None => note_postgres_skipped(test),
        }
        v
    }

    async fn open(&self, key: Option<&AuditKey>, cp: Option<PathBuf>) -> Box<dyn Storage> {
        let s: Box<dyn Storage> = match (self, key) {
            (Db::Sqlite(p), k) => {
                let s = SqliteStore::open(&p.display().to_string()).await.unwrap();
                match k {
                    Some(k) => Box::new(s.sealed(k.clone(), cp)),
                    None => Box::new(s),
                }
            }
            (Db::Pg(o), k) => {
                let s = PgStore::connect_with((**o).clone()).await.unwrap();
                match k {
                    Some(k) => Box::new(s.sealed(k.clone(), cp)),
                    None => Box::new(s),
                }
            }
        };
        s.migrate().await.unwrap();
        s
    }

    /// Raw SQL with the append-only triggers out of the way: what someone with write access to
    /// the database can do.
    async fn tamper(&self, sql: &[&str]) {
        match self {
            Db::Sqlite(p) => {
                let s = SqliteStore::open(&p.display().to_string()).await.unwrap();
                for q in [
                    "DROP TRIGGER IF EXISTS audit_log_no_update",
                    "DROP TRIGGER IF EXISTS audit_log_no_delete",
                    "DROP TRIGGER IF EXISTS audit_chain_no_update",
                    "DROP TRIGGER IF EXISTS audit_chain_no_delete",
                ]
                .iter()
                .chain(sql)
                {
                    sqlx::query(q).execute(s.pool()).await.unwrap();
                }
            }
            Db::Pg(o) => {
                let s = PgStore::connect_with((**o).clone()).await.unwrap();
                for q in [
                    "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
                    "DROP TRIGGER IF EXISTS audit_chain_no_change ON audit_chain",
                ]
                .iter()
                .chain(sql)
                {
                    sqlx::query(q).execute(s.pool()).await.unwrap();
                }
            }
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Pg(_) => "postgres",
        }
    }
}

fn entry(n: usize) -> NewAudit {
    NewAudit {
        actor: format!("user{n}@example.no"),
        orgnr: None,
        action: "login".into(),
        before: None,
        after: Some(format!("{{\"n\":{n}}}")),
    }
}

fn checkpoint_path(test: &str, db: &Db) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "grunnmur_cp_{test}_{}_{}_{}",
        db.name(),
        std::process::id(),
        now()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("audit-checkpoint.json")
}

/// A log of `plain` entries written before the store had a key and `keyed` after; the key and
/// the checkpoint written by the last append.
async fn log(db: &Db, test: &str, plain: usize, keyed: usize) -> (AuditKey, Checkpoint) {
    let s = db.open(None, None).await;
    for n in 0..plain {
        s.append_audit(&entry(n)).await.unwrap();
    }
    let key = AuditKey::generate();
    let path = checkpoint_path(test, db);
    let s = db.open(Some(&key), Some(path.clone())).await;
    for n in plain..plain + keyed {
        s.append_audit(&entry(n)).await.unwrap();
    }
    (key, Checkpoint::read(&path).unwrap())
}

async fn verify_with(
    db: &Db,
    key: &AuditKey,
    cp: &Checkpoint,
) -> std::result::Result<usize, VerifyError> {
    let s = db.open(Some(key), None).await;
    s.verify_audit(std::slice::from_ref(cp)).await.unwrap()
}

/// Recomputes the plain SHA-256 chain from `from` to `to`, as someone without the key would after an
/// edit, and writes it back.
async fn rehash_plain(db: &Db, from: i64, to: i64) {
    let rows = db.open(None, None).await.audit_all().await.unwrap();
    let mut prev = rows
        .iter()
        .find(|r| r.seq == from - 1)
        .map(|r| r.hash.clone())
        .unwrap_or_else(|| "0".repeat(64));
    let mut sql = Vec::new();
    for r in rows.iter().filter(|r| r.seq >= from && r.seq <= to) {
        let e = NewAudit {
            actor: r.actor.clone(),
            orgnr: r.orgnr.clone(),
            action: r.action.clone(),
            before: r.before.clone(),
            after: r.after.clone(),
        };
        let hash = entry_hash(r.seq, r.at, &e, &prev);
        sql.push(format!(
            "UPDATE audit_log SET prev_hash = '{prev}', hash = '{hash}' WHERE seq = {}",
            r.seq
        ));
        prev = hash;
    }
    let sql: Vec<&str> = sql.iter().map(String::as_str).collect();
    db.tamper(&sql).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clean_keyed_log_verifies_with_its_checkpoint() {
    for db in Db::all("a_clean_keyed_log_verifies").await {
        let b = db.name();
        let (key, cp) = log(&db, "clean", 3, 4).await;
        assert_eq!((cp.seq, cp.keyed_from), (7, 4), "{b}");
        assert_eq!(verify_with(&db, &key, &cp).await, Ok(7), "{b}");
        let start = db.open(None, None).await.audit_start().await.unwrap();
        assert_eq!(start.map(|s| s.keyed_from), Some(4), "{b}");
        // Without the key, or with another, a keyed log cannot be verified nor appended to.
        let unkeyed = db.open(None, None).await;
        assert_eq!(
            unkeyed.verify_audit(&[]).await.unwrap(),
            Err(VerifyError::NoKey { keyed_from: 4 }),
            "{b}"
        );
        assert!(
            matches!(
                unkeyed.append_audit(&entry(9)).await,
                Err(StoreError::Refused(_))
            ),
            "{b}"
        );
        let other = AuditKey::generate();
        assert_eq!(
            verify_with(&db, &other, &cp).await,
            Err(VerifyError::WrongKey),
            "{b}"
        );
        let wrong = db.open(Some(&other), None).await;
        assert!(
            matches!(
                wrong.append_audit(&entry(9)).await,
                Err(StoreError::Refused(_))
            ),
            "{b}"
        );
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Ok(7),
            "{b}: nothing appended"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_with_the_plain_hashes_recomputed_fails() {
    for db in Db::all("an_edit_with_the_plain_hashes_recomputed").await {
        let b = db.name();
        let (key, cp) = log(&db, "edit", 2, 4).await;
        db.tamper(&["UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4"])
            .await;
        rehash_plain(&db, 4, i64::MAX).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::Altered { seq: 4 }),
            "{b}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_before_the_keyed_chain_fails_at_its_start() {
    for db in Db::all("an_edit_before_the_keyed_chain").await {
        let b = db.name();
        let (key, cp) = log(&db, "legacy", 3, 2).await;
        db.tamper(&["UPDATE audit_log SET after = '{}' WHERE seq = 2"])
            .await;
        // The plain part re-chained to look whole; the first keyed entry covers its last hash.
        rehash_plain(&db, 2, 3).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::BrokenLink { seq: 4 }),
            "{b}"
        );
        db.tamper(&[
            "UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 3) WHERE seq = 4",
        ])
        .await;
        let r = verify_with(&db, &key, &cp).await;
        assert!(
            matches!(r, Err(VerifyError::Altered { seq: 4 })),
            "{b}: {r:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_the_newest_entry_fails_against_the_checkpoint() {
    for db in Db::all("removing_the_newest_entry").await {
        let b = db.name();
        let (key, cp) = log(&db, "newest", 1, 3).await;
        db.tamper(&["DELETE FROM audit_log WHERE seq = 4"]).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::Truncated {
                checkpoint: 4,
                head: 3
            }),
            "{b}"
        );
        // The chain alone still looks whole: only the checkpoint shows what is gone.
        let s = db.open(Some(&key), None).await;
        assert_eq!(s.verify_audit(&[]).await.unwrap(), Ok(3), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn truncating_the_log_fails_against_the_checkpoint() {
    for db in Db::all("truncating_the_log").await {
        let b = db.name();
        let (key, cp) = log(&db, "truncate", 0, 6).await;
        db.tamper(&["DELETE FROM audit_log WHERE seq > 2"]).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::Truncated {
                checkpoint: 6,
                head: 2
            }),
            "{b}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inserted_entry_fails() {
    for db in Db::all("an_inserted_entry").await {
        let b = db.name();
        let (key, cp) = log(&db, "insert", 0, 3).await;
        // At the end, chained to the head with a plain hash (the key is not at hand).
        let rows = db.open(None, None).await.audit_all().await.unwrap();
        let head = rows.last().unwrap();
        let e = entry(99);
        let hash = entry_hash(4, head.at, &e, &head.hash);
        let insert = format!(
            "INSERT INTO audit_log (seq, at, actor, orgnr, action, before, after, prev_hash, hash) \
             VALUES (4, {}, '{}', NULL, 'login', NULL, '{}', '{}', '{hash}')",
            head.at,
            e.actor,
            e.after.as_deref().unwrap(),
            head.hash
        );
        db.tamper(&[&insert]).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::Altered { seq: 4 }),
            "{b}"
        );
        // In the middle: the entries after it renumbered, and the plain hashes recomputed.
        db.tamper(&[
            "DELETE FROM audit_log WHERE seq = 4",
            "UPDATE audit_log SET seq = seq + 10 WHERE seq >= 2",
            "UPDATE audit_log SET seq = seq - 9 WHERE seq >= 12",
        ])
        .await;
        db.tamper(&[&insert.replace("VALUES (4,", "VALUES (2,")])
            .await;
        rehash_plain(&db, 2, i64::MAX).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::Altered { seq: 2 }),
            "{b}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_the_start_of_the_keyed_chain_fails_against_the_checkpoint() {
    for db in Db::all("moving_the_start").await {
        let b = db.name();
        let (key, cp) = log(&db, "start", 1, 3).await;
        // Made to look as if the log had never been keyed, every hash recomputed plain.
        db.tamper(&["DELETE FROM audit_chain"]).await;
        rehash_plain(&db, 1, i64::MAX).await;
        assert_eq!(
            verify_with(&db, &key, &cp).await,
            Err(VerifyError::StartMoved {
                checkpoint: 2,
                database: None
            }),
            "{b}"
        );
    }
}
