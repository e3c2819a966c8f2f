//! The PostgreSQL backend, for several app servers sharing one database: every write
//! transaction first takes one advisory lock, so read-check-write steps (versions, the audit
//! chain) are atomic across servers. Backups are pg_dump's job.

use crate::sql::{Driver, On, Record, Sql};
use crate::store::{Backend, Store};
use crate::{Result, StoreError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::{FromRow, PgConnection, Pool, Postgres};
use std::path::Path;
use std::str::FromStr;

/// How long a request waits for a database connection.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The store on PostgreSQL.
pub type PgStore = Store<Postgres>;

impl Store<Postgres> {
    pub async fn connect(url: &str) -> Result<PgStore> {
        let opts = PgConnectOptions::from_str(url)?;
        Self::connect_with(opts).await
    }

    /// With explicit options (tests use a schema of their own through `search_path`).
    pub async fn connect_with(opts: PgConnectOptions) -> Result<PgStore> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            // While the database is away, a request waits this long for a connection and is
            // then answered 503, rather than hanging; idle connections are tested before use,
            // so the pool reconnects by itself when the database returns.
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(opts)
            .await?;
        Ok(Store::new(pool))
    }
}

impl Backend for Postgres {
    const BACKEND: &'static str = "postgres";
    const QUEUE_WRITERS: bool = false;
    const BEGIN_WRITE: &'static str = "BEGIN";

    fn decode<T: Record>(row: &PgRow) -> sqlx::Result<T> {
        <T as FromRow<'_, PgRow>>::from_row(row)
    }

    /// A transaction-scoped advisory lock: held until the transaction ends.
    async fn lock_writes(conn: &mut PgConnection) -> Result<()> {
        let q = Sql::new("SELECT pg_advisory_xact_lock(717171)");
        Postgres::execute(On::Conn(conn), q).await
    }

    async fn migrate(pool: &Pool<Postgres>) -> Result<()> {
        sqlx::migrate!("./migrations/postgres").run(pool).await?;
        Ok(())
    }

    async fn backup(_pool: &Pool<Postgres>, _out: &Path) -> Result<()> {
        Err(StoreError::Unsupported(
            "backup of PostgreSQL: use pg_dump (see docs/OPERATIONS.md)".into(),
        ))
    }
}
