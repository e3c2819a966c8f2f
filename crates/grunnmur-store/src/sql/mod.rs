//! The SQL both backends share, one file per table group, and the plumbing it runs on.
//!
//! The statements are `const` strings written once: `$n` parameters work in SQLite and in
//! PostgreSQL. A statement and its parameters are a [`Sql`]; it runs on anything that is an
//! [`Exec`] (the store's pool for reads, a [`Write`](crate::store::Write) transaction for
//! changes) and decodes rows into a [`Record`] (a `#[derive(sqlx::FromRow)]` type).
//!
//! The shared code is generic over [`Backend`] alone. sqlx's own bounds (executors, encoders)
//! are stated once, on the blanket impl of [`Driver`]; decoding goes through
//! [`Backend::decode`], which each backend implements in one line for its row type.
//! (`Driver`, `Sql`, `On`, `Arg` and `Record` are `pub` only because the `Backend` trait, public
//! but not nameable outside the crate, names them.)

pub(crate) mod accounts;
pub(crate) mod attestations;
pub(crate) mod audit_log;
pub(crate) mod bodies;
pub(crate) mod contributions;
pub(crate) mod credentials;
pub(crate) mod declarations;
pub(crate) mod drafts;
pub(crate) mod evidence;
pub(crate) mod login_failures;
pub(crate) mod passwords;
pub(crate) mod releases;
pub(crate) mod reports;
pub(crate) mod risk;

use crate::audit::NewAudit;
use crate::store::{Backend, Store, Write};
use crate::{Result, StoreError};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Database, Encode, Executor, FromRow, IntoArguments, Pool, Type};
use std::future::Future;

/// A parameter: the kinds of value the statements bind.
pub enum Arg<'q> {
    Int(i64),
    Bool(bool),
    /// Text, or NULL.
    Text(Option<&'q str>),
    Bytes(&'q [u8]),
}

impl<'q> From<&'q [u8]> for Arg<'q> {
    fn from(v: &'q [u8]) -> Self {
        Arg::Bytes(v)
    }
}

impl From<i64> for Arg<'_> {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}

impl From<bool> for Arg<'_> {
    fn from(v: bool) -> Self {
        Arg::Bool(v)
    }
}

impl<'q> From<&'q str> for Arg<'q> {
    fn from(v: &'q str) -> Self {
        Arg::Text(Some(v))
    }
}

impl<'q> From<&'q String> for Arg<'q> {
    fn from(v: &'q String) -> Self {
        Arg::Text(Some(v))
    }
}

impl<'q> From<Option<&'q str>> for Arg<'q> {
    fn from(v: Option<&'q str>) -> Self {
        Arg::Text(v)
    }
}

/// A statement and its parameters, bound in order to `$1`, `$2`, …
pub struct Sql<'q> {
    text: &'q str,
    args: Vec<Arg<'q>>,
}

impl<'q> Sql<'q> {
    pub(crate) fn new(text: &'q str) -> Self {
        Sql {
            text,
            args: Vec::new(),
        }
    }

    pub(crate) fn bind(mut self, v: impl Into<Arg<'q>>) -> Self {
        self.args.push(v.into());
        self
    }

    pub(crate) async fn execute<E: Exec>(self, mut on: E) -> Result<()> {
        E::Db::execute(on.on(), self).await
    }

    /// Whether the statement returns a row (its columns are not read).
    pub(crate) async fn exists<E: Exec>(self, mut on: E) -> Result<bool> {
        Ok(E::Db::fetch_optional(on.on(), self).await?.is_some())
    }

    pub(crate) async fn fetch_optional<T: Record, E: Exec>(self, mut on: E) -> Result<Option<T>> {
        let row = E::Db::fetch_optional(on.on(), self).await?;
        Ok(row.map(|r| E::Db::decode(&r)).transpose()?)
    }

    /// The one row the statement returns (`INSERT … RETURNING`, `COUNT(*)`).
    pub(crate) async fn fetch_one<T: Record, E: Exec>(self, on: E) -> Result<T> {
        self.fetch_optional(on)
            .await?
            .ok_or(StoreError::Db(sqlx::Error::RowNotFound))
    }

    pub(crate) async fn fetch_all<T: Record, E: Exec>(self, mut on: E) -> Result<Vec<T>> {
        let rows = E::Db::fetch_all(on.on(), self).await?;
        Ok(rows
            .iter()
            .map(E::Db::decode)
            .collect::<sqlx::Result<_>>()?)
    }

    /// The sqlx query, with the parameters bound in order.
    fn query<DB: Database>(self) -> sqlx::query::Query<'q, DB, DB::Arguments<'q>>
    where
        DB::Arguments<'q>: IntoArguments<'q, DB>,
        i64: Encode<'q, DB> + Type<DB>,
        bool: Encode<'q, DB> + Type<DB>,
        Option<&'q str>: Encode<'q, DB> + Type<DB>,
        &'q [u8]: Encode<'q, DB> + Type<DB>,
    {
        let query = sqlx::query(self.text);
        self.args.into_iter().fold(query, |q, a| match a {
            Arg::Int(v) => q.bind(v),
            Arg::Bool(v) => q.bind(v),
            Arg::Text(v) => q.bind(v),
            Arg::Bytes(v) => q.bind(v),
        })
    }
}

/// A row type both backends decode: what `#[derive(sqlx::FromRow)]` gives, and tuples.
pub trait Record:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Record for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

/// Where a statement runs: the pool (a read) or one connection (a transaction's).
pub enum On<'c, DB: Database> {
    Pool(&'c Pool<DB>),
    Conn(&'c mut DB::Connection),
}

/// What a statement can run on.
pub(crate) trait Exec: Send {
    type Db: Backend;
    fn on(&mut self) -> On<'_, Self::Db>;
}

impl<DB: Backend> Exec for &Store<DB> {
    type Db = DB;
    fn on(&mut self) -> On<'_, DB> {
        On::Pool(self.pool())
    }
}

impl<DB: Backend> Exec for &mut Write<'_, DB> {
    type Db = DB;
    fn on(&mut self) -> On<'_, DB> {
        On::Conn(self.conn())
    }
}

/// Runs a [`Sql`] on a database; implemented for every database whose driver binds the
/// parameter kinds of [`Arg`] (SQLite and PostgreSQL). Rows come back undecoded.
pub trait Driver: Database {
    fn execute<'a>(on: On<'a, Self>, q: Sql<'a>) -> impl Future<Output = Result<()>> + Send + 'a;
    fn fetch_optional<'a>(
        on: On<'a, Self>,
        q: Sql<'a>,
    ) -> impl Future<Output = Result<Option<Self::Row>>> + Send + 'a;
    fn fetch_all<'a>(
        on: On<'a, Self>,
        q: Sql<'a>,
    ) -> impl Future<Output = Result<Vec<Self::Row>>> + Send + 'a;
}

impl<DB> Driver for DB
where
    DB: Database,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
    for<'q> DB::Arguments<'q>: IntoArguments<'q, DB>,
    for<'q> i64: Encode<'q, DB> + Type<DB>,
    for<'q> bool: Encode<'q, DB> + Type<DB>,
    for<'q> Option<&'q str>: Encode<'q, DB> + Type<DB>,
    for<'q> &'q [u8]: Encode<'q, DB> + Type<DB>,
{
    async fn execute<'a>(on: On<'a, Self>, q: Sql<'a>) -> Result<()> {
        let query = q.query::<DB>();
        match on {
            On::Pool(p) => query.execute(p).await?,
            On::Conn(c) => query.execute(c).await?,
        };
        Ok(())
    }

    async fn fetch_optional<'a>(on: On<'a, Self>, q: Sql<'a>) -> Result<Option<DB::Row>> {
        let query = q.query::<DB>();
        Ok(match on {
            On::Pool(p) => query.fetch_optional(p).await?,
            On::Conn(c) => query.fetch_optional(c).await?,
        })
    }

    async fn fetch_all<'a>(on: On<'a, Self>, q: Sql<'a>) -> Result<Vec<DB::Row>> {
        let query = q.query::<DB>();
        Ok(match on {
            On::Pool(p) => query.fetch_all(p).await?,
            On::Conn(c) => query.fetch_all(c).await?,
        })
    }
}

/// Refuses a write made against another version than the stored one (optimistic locking).
pub(crate) fn check_version(expected: Option<i64>, current: i64) -> Result<()> {
    match expected {
        Some(expected) if expected != current => {
            Err(StoreError::VersionConflict { current, expected })
        }
        _ => Ok(()),
    }
}

/// An audit entry: who did what, to which body, with the state before and after.
pub(crate) fn entry(
    actor: &str,
    orgnr: Option<&str>,
    action: &str,
    before: Option<String>,
    after: Option<String>,
) -> NewAudit {
    NewAudit {
        actor: actor.into(),
        orgnr: orgnr.map(Into::into),
        action: action.into(),
        before,
        after,
    }
}
