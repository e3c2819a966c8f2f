//! Stores for tests: a fresh SQLite file, and — when `GRUNNMUR_TEST_POSTGRES_URL` is set — a
//! fresh PostgreSQL schema. Used by this crate's tests and by the server's.

use crate::{PgStore, SqliteStore, Storage};
use sqlx::postgres::PgConnectOptions;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{prefix}_{}_{t}_{n}", std::process::id())
}

/// A new, migrated SQLite store in a temporary folder (kept on disk for inspection).
pub async fn sqlite() -> (Arc<dyn Storage>, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(unique("grunnmur_test"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("grunnmur.db");
    let store = SqliteStore::open(&path.display().to_string())
        .await
        .expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    (Arc::new(store), path)
}

/// The PostgreSQL URL for tests, if CI or the developer gave one.
pub fn postgres_url() -> Option<String> {
    std::env::var("GRUNNMUR_TEST_POSTGRES_URL")
        .ok()
        .filter(|s| !s.is_empty())
}

/// A new schema in the test database, and the URL options that select it.
pub async fn postgres_schema(url: &str) -> (String, PgConnectOptions) {
    let schema = unique("t");
    let admin = PgStore::connect(url).await.expect("connect postgres");
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(admin.pool())
        .await
        .expect("create schema");
    let opts = PgConnectOptions::from_str(url)
        .expect("postgres url")
        .options([("search_path", schema.as_str())]);
    (schema, opts)
}

/// A new, migrated PostgreSQL store in a schema of its own, or `None` without a test URL.
pub async fn postgres() -> Option<(Arc<dyn Storage>, String)> {
    let url = postgres_url()?;
    let (schema, opts) = postgres_schema(&url).await;
    let store = PgStore::connect_with(opts)
        .await
        .expect("connect postgres schema");
    store.migrate().await.expect("migrate postgres");
    Some((Arc::new(store), schema))
}

/// Says plainly when PostgreSQL was not tested.
pub fn note_postgres_skipped(test: &str) {
    use std::io::Write;
    // Straight to stderr: the test harness captures `eprintln!` of passing tests.
    let _ = writeln!(
        std::io::stderr(),
        "NOTE: {test}: PostgreSQL NOT tested (set GRUNNMUR_TEST_POSTGRES_URL to test it)"
    );
}
