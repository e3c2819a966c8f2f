//! Grunnmur's storage. One interface ([`Storage`]) with two backends: SQLite (embedded, the
//! default) and PostgreSQL (for several app servers sharing one database). Each backend has its
//! own migrations (`migrations/sqlite`, `migrations/postgres`). The SQL is written once, in
//! `sql/` (one file per table group), and runs on either; what differs — opening, serialising
//! writers, backups — is in `sqlite.rs` and `postgres.rs`.
//!
//! Every change goes into an append-only, hash-chained audit log in the same transaction as the
//! change itself.

mod audit;
mod postgres;
mod sql;
mod sqlite;
mod store;
pub mod testing;

pub use audit::{AuditRow, NewAudit, VerifyError, verify_chain};
pub use postgres::PgStore;
pub use sqlite::SqliteStore;
pub use sqlx::postgres::PgConnectOptions;

use async_trait::async_trait;
use serde::Serialize;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("already exists: {0}")]
    Conflict(String),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("the workspace changed meanwhile (version {current}, expected {expected})")]
    VersionConflict { current: i64, expected: i64 },
    #[error("{0}")]
    Unsupported(String),
    /// A final report: never changed, never removed (the attempt is in the audit log).
    #[error("immutable: {0}")]
    Immutable(String),
    /// Refused by a rule of the store (an identity that may not be linked, say).
    #[error("refused: {0}")]
    Refused(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// The database could not be reached or went away (stopped, restarting, no connection
    /// free in time): a condition that passes, not a fault in the request or the data.
    pub fn is_unavailable(&self) -> bool {
        let StoreError::Db(e) = self else {
            return false;
        };
        match e {
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => true,
            // PostgreSQL's connection exceptions (class 08), an operator or crash shutdown,
            // a server starting up (57P01–57P03), too many connections (53300).
            sqlx::Error::Database(d) => d.code().is_some_and(|c| {
                c.starts_with("08") || matches!(&*c, "57P01" | "57P02" | "57P03" | "53300")
            }),
            _ => false,
        }
    }
}

/// A role across the platform, beside the roles in bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlatformRole {
    /// Operates the platform: sees and administers every body.
    PlatformAdmin,
    /// Publishes catalog releases (a guidance body's editors); sees no body for that.
    CatalogEditor,
}

impl PlatformRole {
    /// The column, and the name in the audit log and on the command line (with `-`).
    pub fn column(self) -> &'static str {
        match self {
            PlatformRole::PlatformAdmin => "platform_admin",
            PlatformRole::CatalogEditor => "catalog_editor",
        }
    }
}

/// Role of a user in one body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Reader,
    Editor,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reader => "reader",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "reader" => Some(Role::Reader),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BodyRow {
    pub orgnr: String,
    pub name: String,
    pub kind: String,
    pub sectors: Vec<String>,
    pub catalog_id: String,
    pub catalog_version: String,
    pub created_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct WorkspaceRow {
    pub orgnr: String,
    pub doc: String,
    pub version: i64,
    pub updated_at: i64,
    pub updated_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub name: String,
    #[serde(skip)]
    pub password_hash: Option<String>,
    pub platform_admin: bool,
    pub catalog_editor: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf: String,
    pub expires_at: i64,
}

/// A workspace write: the new document, who wrote it and what the audit log should call it.
pub struct WorkspaceWrite<'a> {
    pub orgnr: &'a str,
    pub doc: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    /// Refuse the write unless the stored version is this one (optimistic locking).
    pub expected_version: Option<i64>,
}

/// A risk assessment of one body: the document as JSON text and its version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct RiskRow {
    pub id: i64,
    pub orgnr: String,
    #[serde(skip)]
    pub doc: String,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub updated_by: String,
}

/// A risk assessment write, like [`WorkspaceWrite`].
pub struct RiskWrite<'a> {
    pub orgnr: &'a str,
    pub id: i64,
    pub doc: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub expected_version: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportState {
    Draft,
    Final,
}

/// What the database holds: `final`, or else a draft (the table allows only the two).
impl From<String> for ReportState {
    fn from(s: String) -> Self {
        if s == "final" {
            ReportState::Final
        } else {
            ReportState::Draft
        }
    }
}

impl ReportState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportState::Draft => "draft",
            ReportState::Final => "final",
        }
    }
}

/// One version of a report. Versions form a series per body, kind and subject; the latest
/// may be a draft, every earlier one is final.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReportRow {
    pub id: i64,
    pub orgnr: String,
    /// `status`, `measure-plan` or `risk-assessment`.
    pub kind: String,
    /// What the series is about beyond its kind (a risk assessment's id); empty otherwise.
    pub subject: String,
    /// The version within the series: 1, 2, 3, …
    pub number: i64,
    #[sqlx(try_from = "String")]
    pub state: ReportState,
    pub lang: String,
    /// The report document as JSON: what every format is rendered from.
    #[serde(skip)]
    pub snapshot: String,
    /// SHA-256 of `snapshot`, hex.
    pub content_hash: String,
    pub created_at: i64,
    pub created_by: String,
    pub approver: Option<String>,
    pub approved_at: Option<i64>,
}

/// A published catalog release (without its files, which [`Storage::release_sources`] reads).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct ReleaseRow {
    /// Publication order.
    pub seq: i64,
    pub catalog_id: String,
    pub version: String,
    /// SHA-256 of the release's files as stored, hex.
    pub content_hash: String,
    pub published_at: i64,
    pub published_by: String,
}

/// A new draft of a report series.
pub struct ReportDraft<'a> {
    pub orgnr: &'a str,
    pub kind: &'a str,
    pub subject: &'a str,
    pub lang: &'a str,
    pub snapshot: &'a str,
    pub actor: &'a str,
}

/// The content hash of a report snapshot: SHA-256 of its bytes, hex.
pub fn content_hash(snapshot: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(snapshot.as_bytes()))
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

#[async_trait]
pub trait Storage: Send + Sync {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    async fn migrate(&self) -> Result<()>;

    async fn create_body(&self, body: &BodyRow, actor: &str) -> Result<()>;
    async fn body(&self, orgnr: &str) -> Result<Option<BodyRow>>;
    async fn bodies(&self) -> Result<Vec<BodyRow>>;

    async fn workspace(&self, orgnr: &str) -> Result<Option<WorkspaceRow>>;
    /// Cheap: what caches compare against, so a change made through another server is seen.
    async fn workspace_version(&self, orgnr: &str) -> Result<Option<i64>>;
    /// Replaces the workspace and appends the audit entry, in one transaction. Returns the new
    /// version.
    async fn put_workspace(&self, w: WorkspaceWrite<'_>) -> Result<i64>;

    async fn create_user(
        &self,
        email: &str,
        password_hash: Option<&str>,
        platform_admin: bool,
        actor: &str,
    ) -> Result<i64>;
    async fn user(&self, id: i64) -> Result<Option<UserRow>>;
    async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>>;
    async fn user_count(&self) -> Result<i64>;
    /// Gives or takes a platform role (`platform_admin`, `catalog_editor`); in the audit log.
    async fn set_platform_role(
        &self,
        user_id: i64,
        role: PlatformRole,
        on: bool,
        actor: &str,
    ) -> Result<()>;
    async fn grant(&self, user_id: i64, orgnr: &str, role: Role, actor: &str) -> Result<()>;
    async fn role(&self, user_id: i64, orgnr: &str) -> Result<Option<Role>>;
    async fn memberships(&self, user_id: i64) -> Result<Vec<(String, Role)>>;
    /// The members of a body: email and role, by email.
    async fn members(&self, orgnr: &str) -> Result<Vec<(String, Role)>>;

    async fn create_token(
        &self,
        user_id: i64,
        token_hash: &str,
        label: &str,
        actor: &str,
    ) -> Result<i64>;
    async fn user_by_token(&self, token_hash: &str) -> Result<Option<UserRow>>;

    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        csrf: &str,
        expires_at: i64,
    ) -> Result<()>;
    async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>>;
    async fn delete_session(&self, id_hash: &str) -> Result<()>;

    async fn record_login_failure(&self, email: &str) -> Result<()>;
    async fn login_failures_since(&self, email: &str, since: i64) -> Result<i64>;
    async fn clear_login_failures(&self, email: &str) -> Result<()>;

    /// The account an OpenID Connect identity belongs to.
    async fn user_by_identity(&self, issuer: &str, subject: &str) -> Result<Option<UserRow>>;
    /// A first sign-in through OpenID Connect: links the identity to the account with this
    /// e-mail address, creating one without a password if there is none. One transaction,
    /// in the audit log. Returns the account. An account with a platform role, or one already
    /// linked to another identity at this issuer, is never linked by its address
    /// ([`StoreError::Refused`]): an administrator decides.
    async fn link_identity(
        &self,
        issuer: &str,
        subject: &str,
        email: &str,
        actor: &str,
    ) -> Result<UserRow>;

    /// Removes every OpenID Connect identity of an account (an administrator's decision, say
    /// when an address passed to someone new); in the audit log. Returns how many.
    async fn unlink_identities(&self, user_id: i64, actor: &str) -> Result<u64>;

    /// Publishes a catalog release: `sources` is its files as JSON. Publishing the same files
    /// under the same version again changes nothing and returns `false`; other files under a
    /// published version are a [`StoreError::Conflict`].
    async fn publish_release(
        &self,
        catalog_id: &str,
        version: &str,
        sources: &str,
        actor: &str,
    ) -> Result<bool>;
    /// Every release, in publication order.
    async fn releases(&self) -> Result<Vec<ReleaseRow>>;
    /// A release's files as JSON.
    async fn release_sources(&self, catalog_id: &str, version: &str) -> Result<Option<String>>;
    /// Pins a body to a published release and raises its workspace version, so every server's
    /// cache sees the change; one transaction, in the audit log. With `expected_version`, only
    /// if the workspace is still that version (the one checked against the release).
    async fn pin_release(
        &self,
        orgnr: &str,
        catalog_id: &str,
        version: &str,
        expected_version: Option<i64>,
        actor: &str,
    ) -> Result<()>;

    async fn create_risk_assessment(&self, orgnr: &str, doc: &str, actor: &str) -> Result<RiskRow>;
    /// The body's risk assessments, oldest first.
    async fn risk_assessments(&self, orgnr: &str) -> Result<Vec<RiskRow>>;
    async fn risk_assessment(&self, orgnr: &str, id: i64) -> Result<Option<RiskRow>>;
    /// Replaces the document with the audit entry, in one transaction; returns the new version.
    async fn put_risk_assessment(&self, w: RiskWrite<'_>) -> Result<i64>;

    /// Replaces the series' draft, or opens the next version as a draft when the latest is
    /// final (or there is none).
    async fn save_report_draft(&self, d: ReportDraft<'_>) -> Result<ReportRow>;
    /// Replaces a draft's content. A final report is refused with [`StoreError::Immutable`],
    /// and the attempt is written to the audit log.
    async fn update_report_draft(
        &self,
        orgnr: &str,
        id: i64,
        lang: &str,
        snapshot: &str,
        actor: &str,
    ) -> Result<ReportRow>;
    /// Makes a draft final: approver, time, and the hash checked against the snapshot. A
    /// report that is already final is refused as [`Self::update_report_draft`] refuses it.
    async fn finalize_report(&self, orgnr: &str, id: i64, approver: &str) -> Result<ReportRow>;
    /// The body's reports, oldest first.
    async fn reports(&self, orgnr: &str) -> Result<Vec<ReportRow>>;
    async fn report(&self, orgnr: &str, id: i64) -> Result<Option<ReportRow>>;

    async fn append_audit(&self, e: &NewAudit) -> Result<AuditRow>;
    async fn audit_for(&self, orgnr: &str) -> Result<Vec<AuditRow>>;
    async fn audit_all(&self) -> Result<Vec<AuditRow>>;

    /// A consistent snapshot while serving (SQLite only; use pg_dump for PostgreSQL).
    async fn backup(&self, out: &Path) -> Result<()>;
}

/// Opens the store a URL names: `sqlite://PATH` (created if missing) or `postgres://…`.
pub async fn open(url: &str) -> Result<Arc<dyn Storage>> {
    let store: Arc<dyn Storage> =
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Arc::new(PgStore::connect(url).await?)
        } else {
            Arc::new(SqliteStore::open(url).await?)
        };
    store.migrate().await?;
    Ok(store)
}
