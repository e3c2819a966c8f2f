//! The SQLite backend: embedded, the default. One file, WAL, foreign keys on; writers queue in
//! the process; backups with `VACUUM INTO` while serving.

use crate::sql::{Driver, On, Record, Sql};
use crate::store::{Backend, Store};
use crate::{Result, StoreError};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow};
use sqlx::{FromRow, Pool, Sqlite, SqliteConnection};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// The store on SQLite.
pub type SqliteStore = Store<Sqlite>;

impl Store<Sqlite> {
    /// `sqlite://PATH` or a plain path; the file is created if missing. WAL, foreign keys on.
    pub async fn open(url: &str) -> Result<SqliteStore> {
        let path = url.strip_prefix("sqlite://").unwrap_or(url);
        let opts = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(opts)
            .await?;
        Ok(Store::new(pool))
    }
}

impl Backend for Sqlite {
    const BACKEND: &'static str = "sqlite";
    const QUEUE_WRITERS: bool = true;
    const BEGIN_WRITE: &'static str = "BEGIN IMMEDIATE";

    fn decode<T: Record>(row: &SqliteRow) -> sqlx::Result<T> {
        <T as FromRow<'_, SqliteRow>>::from_row(row)
    }

    /// One writer at a time already ([`Backend::QUEUE_WRITERS`]).
    async fn lock_writes(_conn: &mut SqliteConnection) -> Result<()> {
        Ok(())
    }

    async fn migrate(pool: &Pool<Sqlite>) -> Result<()> {
        sqlx::migrate!("./migrations/sqlite").run(pool).await?;
        Ok(())
    }

    async fn backup(pool: &Pool<Sqlite>, out: &Path) -> Result<()> {
        if out.exists() {
            return Err(StoreError::Conflict(out.display().to_string()));
        }
        // VACUUM INTO writes a consistent copy while other connections keep working.
        let out = out.display().to_string();
        let q = Sql::new("VACUUM INTO $1").bind(&out);
        Sqlite::execute(On::Pool(pool), q).await
    }
}
