//! Grunnmur's storage. One interface ([`Storage`]) with two backends: SQLite (embedded, the
//! default) and PostgreSQL (for several app servers sharing one database). Each backend has its
//! own migrations (`migrations/sqlite`, `migrations/postgres`). The SQL is written once, in
//! `sql/` (one file per table group), and runs on either; what differs — opening, serialising
//! writers, backups — is in `sqlite.rs` and `postgres.rs`.
//!
//! Every change goes into an append-only, hash-chained audit log in the same transaction as the
//! change itself.

mod audit;
mod drafts;
mod postgres;
mod sql;
mod sqlite;
mod store;
pub mod testing;

pub use audit::{
    AuditKey, AuditRow, ChainStart, Checkpoint, NewAudit, Verify, VerifyError, entry_hash,
    keyed_hash, verify, verify_chain,
};
pub use drafts::{
    ChangeState, Decision, DraftApprovalRow, DraftChange, DraftChangeRow, DraftCommentRow, DraftRow,
};
pub use postgres::PgStore;
pub use sql::audit_log::AuditQuery;
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

/// Whose catalog entries a catalog editor edits: every owner's (as before the catalog named
/// its owners, and when granted without owners), or those of some owners (catalog owner ids).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditorOwners {
    All,
    Only(Vec<String>),
}

impl EditorOwners {
    /// From the owners stored for an editor: none stored means every owner.
    pub fn from_stored(owners: Vec<String>) -> EditorOwners {
        if owners.is_empty() {
            EditorOwners::All
        } else {
            EditorOwners::Only(owners)
        }
    }

    /// May the editor edit the entries of `owner`?
    pub fn may_edit(&self, owner: &str) -> bool {
        match self {
            EditorOwners::All => true,
            EditorOwners::Only(o) => o.iter().any(|x| x == owner),
        }
    }

    /// The owners named, in order; empty for every owner.
    pub fn ids(&self) -> &[String] {
        match self {
            EditorOwners::All => &[],
            EditorOwners::Only(o) => o,
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

/// A body's stored contribution to the figures across bodies, and what it was derived from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionRow {
    pub orgnr: String,
    /// The workspace version, the declarations' generation and the day (days since 1970-01-01)
    /// it was derived at.
    pub version: i64,
    pub generation: i64,
    pub day: i64,
    /// `grunnmur_core::national::Contribution` as JSON.
    pub doc: String,
}

/// Per body: its kind, its workspace's version (none yet: `None`) and what the stored
/// contribution was derived from (version, generation, day), if there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionState {
    pub orgnr: String,
    pub kind: String,
    pub version: Option<i64>,
    pub stored: Option<(i64, i64, i64)>,
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
    /// Must choose a new password before anything else (the first administrator).
    pub must_change_password: bool,
    /// The TOTP secret (base32) while the second factor is on.
    #[serde(skip)]
    pub totp_secret: Option<String>,
    /// A TOTP secret shown during enrolment, not yet confirmed with a code.
    #[serde(skip)]
    pub totp_pending: Option<String>,
    /// When an administrator disabled the account: it signs in no more, and its sessions and
    /// tokens stop working.
    pub disabled_at: Option<i64>,
}

/// What a one-time link is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// Sets a new password for an account and ends its sessions.
    Reset,
    /// Makes the holder a member of a body (creating an account if the address has none).
    Invite,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Reset => "reset",
            LinkKind::Invite => "invite",
        }
    }
}

/// A new one-time link: its token's SHA-256 (the token itself is shown once, never stored).
pub struct NewLink<'a> {
    pub kind: LinkKind,
    pub token_hash: &'a str,
    pub email: &'a str,
    /// Invitations: the body and the role.
    pub orgnr: Option<&'a str>,
    pub role: Option<Role>,
    pub expires_at: i64,
}

/// A one-time link that is still good (unused, unexpired).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct LinkRow {
    /// `reset` or `invite`.
    pub kind: String,
    pub email: String,
    pub orgnr: Option<String>,
    pub role: Option<String>,
    pub created_by: String,
    pub expires_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRow {
    pub user_id: i64,
    pub csrf: String,
    pub expires_at: i64,
    /// The session's last request: idle longer than the timeout, it is over.
    pub last_seen_at: i64,
}

/// A new API token: stored as the SHA-256 of the token, which is shown once.
pub struct NewToken<'a> {
    pub user_id: i64,
    pub token_hash: &'a str,
    pub name: &'a str,
    pub expires_at: i64,
    /// One body and the most the token may do there; `None` for every role of its user.
    pub scope: Option<(&'a str, Role)>,
}

/// An API token as stored (without its hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub user_id: i64,
    #[sqlx(rename = "label")]
    pub name: String,
    /// The one body a scoped token reaches.
    pub orgnr: Option<String>,
    /// The most a scoped token may do in its body: `reader`, `editor` or `admin`.
    pub role: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

impl TokenRow {
    /// The body and role a scoped token is limited to.
    pub fn scope(&self) -> Option<(&str, Role)> {
        Some((self.orgnr.as_deref()?, Role::parse(self.role.as_deref()?)?))
    }
}

/// Recent failed sign-ins (times, newest first), what throttling decides on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoginFailures {
    /// For this account from this address.
    pub pair: Vec<i64>,
    /// From this address, for any account.
    pub client: Vec<i64>,
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

/// An evidence file as listed: everything but its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct EvidenceFileRow {
    pub id: String,
    pub orgnr: String,
    /// What the file belongs to, as the history keys it (`status:<measure>@<system|org>`).
    pub object: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: i64,
}

/// A file to attach, with the workspace change that links it (one transaction).
pub struct NewEvidenceFile<'a> {
    pub id: &'a str,
    pub object: &'a str,
    pub name: &'a str,
    pub content_type: &'a str,
    pub data: &'a [u8],
}

/// An attestation as issued (rule 18), with its revocation if it was revoked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct AttestationRow {
    pub id: String,
    pub orgnr: String,
    pub kid: String,
    #[serde(skip)]
    pub token: String,
    /// JSON: `"body"` or `{"systems": [...]}`.
    pub scope: String,
    pub valid_until: String,
    pub issued_by: String,
    pub issued_at: i64,
    pub revoked_at: Option<i64>,
    pub revoked_by: Option<String>,
    pub reason: Option<String>,
}

/// A workbook read in the browser, waiting to be applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct PendingImportRow {
    pub id: String,
    pub orgnr: String,
    /// The body file the workbook makes, as JSON.
    pub doc: String,
    /// The workspace version it was read against: it applies onto that version only.
    pub base_version: i64,
    pub created_by: String,
    pub created_at: i64,
}

/// A comment on a measure status or a risk assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct CommentRow {
    pub id: i64,
    pub orgnr: String,
    pub object: String,
    pub author: String,
    pub text: String,
    pub created_at: i64,
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

/// One version of a supplier's declaration as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DeclarationRow {
    /// Publication order across all declarations.
    pub seq: i64,
    pub id: String,
    pub version: i64,
    /// The organisation that publishes it.
    pub orgnr: String,
    /// The declaration as JSON.
    pub doc: String,
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
    content_hash_bytes(snapshot.as_bytes())
}

/// SHA-256 of any content, hex.
pub fn content_hash_bytes(data: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(data))
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
    /// Every body's workspace version beside what its stored contribution was derived from.
    async fn contribution_states(&self) -> Result<Vec<ContributionState>>;
    /// The stored contributions: one body's, or (`None`) all.
    async fn contributions(&self, orgnr: Option<&str>) -> Result<Vec<ContributionRow>>;
    /// Stores a contribution unless a newer one (a higher version) is stored already.
    async fn put_contribution(&self, c: &ContributionRow) -> Result<()>;
    /// Replaces the workspace and appends the audit entry, in one transaction. Returns the new
    /// version.
    async fn put_workspace(&self, w: WorkspaceWrite<'_>) -> Result<i64>;
    /// Stores an evidence file and the workspace that links it, in one transaction (the
    /// audit entry is the workspace's, under `w.action`). Returns the new version.
    async fn attach_evidence(
        &self,
        file: NewEvidenceFile<'_>,
        w: WorkspaceWrite<'_>,
    ) -> Result<i64>;
    /// Removes an evidence file of the body with the workspace that no longer links it, in one
    /// transaction. A file of another body is [`StoreError::NotFound`].
    async fn remove_evidence(&self, id: &str, w: WorkspaceWrite<'_>) -> Result<i64>;
    /// The body's evidence files (without content), of one object or all, oldest first.
    async fn evidence_files(
        &self,
        orgnr: &str,
        object: Option<&str>,
    ) -> Result<Vec<EvidenceFileRow>>;
    /// One file of the body with its content.
    async fn evidence_file(
        &self,
        orgnr: &str,
        id: &str,
    ) -> Result<Option<(EvidenceFileRow, Vec<u8>)>>;
    /// Keeps a workbook's document for its preview (and drops the body's older than a day).
    async fn save_pending_import(&self, row: &PendingImportRow) -> Result<()>;
    async fn pending_import(&self, orgnr: &str, id: &str) -> Result<Option<PendingImportRow>>;
    /// Applies a pending import: the workspace write (refused unless the stored version is
    /// still the one it was read against) and the pending row's removal, in one transaction.
    async fn apply_pending_import(&self, id: &str, w: WorkspaceWrite<'_>) -> Result<i64>;
    /// A person's digest subscription: the token of their unsubscribe link and whether the
    /// digest is on. Made (on, with `new_token`) the first time it is asked for.
    async fn digest_subscription(&self, user_id: i64, new_token: &str) -> Result<(String, bool)>;
    /// Turns the digest of the link's owner off or on; their e-mail, or `None` for a token
    /// that is no one's. Audited as the person's own change.
    async fn set_digest(&self, token: &str, enabled: bool) -> Result<Option<String>>;
    /// Records that `day`'s digest goes out: `true` for the first caller only.
    async fn claim_digest_day(&self, day: &str) -> Result<bool>;
    /// Records a public key that signs attestations (once; the JWKS keeps every one).
    async fn register_attestation_key(&self, kid: &str, public_jwk: &str) -> Result<()>;
    /// Every public key that ever signed, as JWK text, oldest first.
    async fn attestation_keys(&self) -> Result<Vec<String>>;
    /// Keeps an issued attestation, with its audit entry.
    async fn record_attestation(&self, row: &AttestationRow) -> Result<()>;
    /// The body's attestations, newest first.
    async fn attestations(&self, orgnr: &str) -> Result<Vec<AttestationRow>>;
    /// Revokes one of the body's attestations, with its audit entry; one already revoked
    /// stays as it was ([`StoreError::Conflict`]).
    async fn revoke_attestation(
        &self,
        orgnr: &str,
        id: &str,
        reason: &str,
        actor: &str,
    ) -> Result<AttestationRow>;
    /// Every revoked attestation (id, when), for the revocation list.
    async fn revoked_attestations(&self) -> Result<Vec<(String, i64)>>;
    /// Makes a person a supervisor limited to `kinds` and `sectors` (empty: all), or (`None`)
    /// no longer one; audited.
    async fn set_supervisor(
        &self,
        user_id: i64,
        limits: Option<(&[String], &[String])>,
        actor: &str,
    ) -> Result<()>;
    /// A supervisor's limits (kinds, sectors; empty: all), or `None` for anyone else.
    async fn supervisor(&self, user_id: i64) -> Result<Option<(Vec<String>, Vec<String>)>>;
    /// Adds a comment with its audit entry.
    async fn add_comment(
        &self,
        orgnr: &str,
        object: &str,
        text: &str,
        actor: &str,
    ) -> Result<CommentRow>;
    /// The comments on one object (or, with `None`, all of the body's), oldest first.
    async fn comments(&self, orgnr: &str, object: Option<&str>) -> Result<Vec<CommentRow>>;

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
    /// Makes a person a catalog editor of `owners` (catalog owner ids; empty: every owner),
    /// replacing the owners given before, or (`None`) no longer a catalog editor. One
    /// transaction, in the audit log as `user.platform_role` with the owners.
    async fn set_catalog_editor(
        &self,
        user_id: i64,
        owners: Option<&[String]>,
        actor: &str,
    ) -> Result<()>;
    /// Whose entries a catalog editor edits, or `None` for someone who is not one.
    async fn catalog_editor(&self, user_id: i64) -> Result<Option<EditorOwners>>;
    /// The owners of every catalog editor granted some (user id → owner ids, in order); an
    /// editor of every owner has no entry.
    async fn catalog_editor_owners(&self) -> Result<std::collections::BTreeMap<i64, Vec<String>>>;
    async fn grant(&self, user_id: i64, orgnr: &str, role: Role, actor: &str) -> Result<()>;
    async fn role(&self, user_id: i64, orgnr: &str) -> Result<Option<Role>>;
    async fn memberships(&self, user_id: i64) -> Result<Vec<(String, Role)>>;
    /// The members of a body: email and role, by email.
    async fn members(&self, orgnr: &str) -> Result<Vec<(String, Role)>>;

    /// Sets an account's password (and lifts a forced change); with `end_sessions`, ends every
    /// session of the account. In the audit log as `password.change` (orgnr NULL).
    async fn set_password(
        &self,
        user_id: i64,
        hash: &str,
        end_sessions: bool,
        actor: &str,
    ) -> Result<()>;
    /// The account must choose a new password before anything else (the first administrator).
    async fn require_password_change(&self, user_id: i64, actor: &str) -> Result<()>;
    /// A TOTP secret shown during enrolment (or none, to forget it).
    async fn set_totp_pending(&self, user_id: i64, secret: Option<&str>) -> Result<()>;
    /// Turns the second factor on with `secret` and replaces the recovery codes (SHA-256 each);
    /// `totp.enable` in the audit log.
    async fn enable_totp(
        &self,
        user_id: i64,
        secret: &str,
        recovery_hashes: &[String],
        actor: &str,
    ) -> Result<()>;
    /// Turns the second factor off and removes the recovery codes; `totp.disable`.
    async fn disable_totp(&self, user_id: i64, actor: &str) -> Result<()>;
    /// Spends a TOTP time step: `true` and stored as the account's last if it is later than the
    /// last one used, else `false`. One conditional update, so of two callers with the same
    /// step only one gets `true` (RFC 6238, 5.2: a code is accepted once).
    async fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool>;
    /// Uses a recovery code once: `true` if it was unused (`totp.recovery-used`), else `false`.
    async fn use_recovery_code(&self, user_id: i64, code_hash: &str, actor: &str) -> Result<bool>;
    async fn recovery_codes_left(&self, user_id: i64) -> Result<i64>;
    /// Stores a one-time link: `password.reset` (orgnr NULL) or `member.invite` (the body's).
    /// A new reset link retires the address's earlier ones.
    async fn create_link(&self, link: &NewLink<'_>, actor: &str) -> Result<()>;
    /// A link that is still good.
    async fn link(&self, token_hash: &str) -> Result<Option<LinkRow>>;
    /// A body's open invitations, by e-mail address.
    async fn invitations(&self, orgnr: &str) -> Result<Vec<LinkRow>>;
    /// Uses a reset link: the new password, every session of the account ended, the link spent;
    /// one transaction. A spent, expired or unknown link is [`StoreError::NotFound`].
    async fn use_reset_link(&self, token_hash: &str, hash: &str) -> Result<UserRow>;
    /// Accepts an invitation: for an address without an account, with `new_password_hash` (a
    /// new account); for an existing account, only when it is `signed_in`. The membership is
    /// granted and the link spent in one transaction; anything else is [`StoreError::Refused`]
    /// and leaves the link as it was.
    async fn accept_invitation(
        &self,
        token_hash: &str,
        new_password_hash: Option<&str>,
        signed_in: Option<i64>,
    ) -> Result<UserRow>;

    /// A sign-in waiting for its second factor (the challenge's SHA-256).
    async fn create_challenge(&self, id_hash: &str, user_id: i64, expires_at: i64) -> Result<()>;
    /// The account of a live challenge.
    async fn challenge(&self, id_hash: &str) -> Result<Option<i64>>;
    async fn delete_challenge(&self, id_hash: &str) -> Result<()>;

    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        csrf: &str,
        expires_at: i64,
    ) -> Result<()>;
    async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>>;
    async fn delete_session(&self, id_hash: &str) -> Result<()>;

    /// A failed sign-in for `email` from `client` (an address, as throttling keys it), with its
    /// `login.failed` audit entry (`after`, JSON) in one transaction; failures older than
    /// `forget_before` are forgotten meanwhile.
    async fn record_login_failure(
        &self,
        email: &str,
        client: &str,
        after: Option<String>,
        forget_before: i64,
    ) -> Result<()>;
    /// Recent failures (since `since`) for the account from the address, and from the address.
    async fn login_failures(&self, email: &str, client: &str, since: i64) -> Result<LoginFailures>;
    /// A successful sign-in: the account's failures from this address stop counting.
    async fn clear_login_failures(&self, email: &str, client: &str) -> Result<()>;

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

    /// Stores a new API token; `token.create` in the audit log.
    async fn create_token(&self, t: NewToken<'_>, actor: &str) -> Result<i64>;
    /// The token with this hash if it is neither revoked nor expired (read on every request:
    /// a revocation counts at once, on every server).
    async fn live_token(&self, token_hash: &str) -> Result<Option<TokenRow>>;
    /// Notes a token's use (at most once a minute).
    async fn touch_token(&self, id: i64) -> Result<()>;
    /// Every token of a user, revoked and expired ones too, oldest first.
    async fn tokens(&self, user_id: i64) -> Result<Vec<TokenRow>>;
    async fn token(&self, id: i64) -> Result<Option<TokenRow>>;
    /// Revokes a token; with `owner`, only that user's (another's is [`StoreError::NotFound`]).
    /// `token.revoke` in the audit log; revoking a revoked token changes nothing.
    async fn revoke_token(&self, id: i64, owner: Option<i64>, actor: &str) -> Result<TokenRow>;
    /// Notes a session's request (its idle time starts again).
    async fn touch_session(&self, id_hash: &str) -> Result<()>;
    /// Ends every session of a user ("sign out everywhere"); `logout` in the audit log.
    /// Returns how many.
    async fn end_sessions(&self, user_id: i64, actor: &str) -> Result<u64>;
    /// Every account, by e-mail address.
    async fn users(&self) -> Result<Vec<UserRow>>;
    /// Disables an account (its sessions end at once) or enables it again; `user.disable` or
    /// `user.enable` in the audit log.
    async fn set_disabled(&self, user_id: i64, disabled: bool, actor: &str) -> Result<()>;
    /// Removes a membership (and revokes the member's tokens scoped to the body);
    /// `member.remove` in the body's audit log. Returns the role the member had. The body's
    /// last admin is refused ([`StoreError::Refused`]); no membership is
    /// [`StoreError::NotFound`].
    async fn remove_member(&self, user_id: i64, orgnr: &str, actor: &str) -> Result<Role>;

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

    /// Begins a draft of `catalog_id`'s next release `version` from the files of `base`
    /// (`sources`, JSON); a version already drafted or published is a [`StoreError::Conflict`].
    async fn create_draft(
        &self,
        catalog_id: &str,
        base: &str,
        version: &str,
        sources: &str,
        actor: &str,
    ) -> Result<DraftRow>;
    /// Every draft, oldest first, without its files.
    async fn drafts(&self) -> Result<Vec<DraftRow>>;
    async fn draft(&self, id: i64) -> Result<Option<DraftRow>>;
    /// A draft's files as JSON.
    async fn draft_sources(&self, id: i64) -> Result<Option<String>>;
    /// Records a change: applied (the files written, only onto the revision it was made
    /// against, [`StoreError::VersionConflict`] otherwise) or, without files, a proposal.
    async fn change_draft(&self, c: DraftChange<'_>, actor: &str) -> Result<DraftChangeRow>;
    /// Accepts (with the files after it, onto the revision) or rejects a waiting proposal.
    async fn decide_proposal(&self, d: Decision<'_>, actor: &str) -> Result<DraftChangeRow>;
    /// A draft's changes and proposals, oldest first.
    async fn draft_changes(&self, draft_id: i64) -> Result<Vec<DraftChangeRow>>;
    /// Opens (or moves the end of) the consultation round: `closes` is its last day.
    async fn open_consultation(&self, draft_id: i64, closes: &str, actor: &str)
    -> Result<DraftRow>;
    async fn add_draft_comment(
        &self,
        draft_id: i64,
        orgnr: &str,
        entry: &str,
        text: &str,
        actor: &str,
    ) -> Result<DraftCommentRow>;
    async fn answer_draft_comment(
        &self,
        draft_id: i64,
        comment_id: i64,
        answer: &str,
        outcome: &str,
        actor: &str,
    ) -> Result<DraftCommentRow>;
    /// Every comment on a draft, oldest first (views filter them by body).
    async fn draft_comments(&self, draft_id: i64) -> Result<Vec<DraftCommentRow>>;
    /// An owner's approval of the draft at revision `rev` (the current one, else a conflict).
    async fn approve_draft(&self, draft_id: i64, owner: &str, rev: i64, actor: &str) -> Result<()>;
    async fn draft_approvals(&self, draft_id: i64) -> Result<Vec<DraftApprovalRow>>;
    /// Publishes the draft at revision `rev` as its release, in one transaction; the draft
    /// stays, published, with its record.
    async fn publish_draft(&self, draft_id: i64, rev: i64, actor: &str) -> Result<DraftRow>;

    /// Publishes the next version of a declaration for `orgnr` (or, with `withdraw`, its
    /// withdrawal), audit-logged; content equal to the latest version is no new version. An id
    /// another organisation publishes is a [`StoreError::Conflict`]; withdrawing one never
    /// published, [`StoreError::NotFound`].
    async fn publish_declaration(
        &self,
        orgnr: &str,
        id: &str,
        doc: &str,
        withdraw: bool,
        actor: &str,
    ) -> Result<DeclarationRow>;
    /// The latest version of every declaration, by id.
    async fn declarations(&self) -> Result<Vec<DeclarationRow>>;
    /// Every version of one declaration, oldest first.
    async fn declaration_versions(&self, id: &str) -> Result<Vec<DeclarationRow>>;
    /// Raised by every publication and withdrawal, on every server: what caches are keyed by.
    async fn declarations_generation(&self) -> Result<i64>;

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
    /// The newest audit entry's number (0 before the first): it moves with every audited
    /// change, so with every change to a workspace, through any server.
    async fn audit_seq(&self) -> Result<i64>;
    /// Where the keyed chain starts, once a store with a key has appended.
    async fn audit_start(&self) -> Result<Option<ChainStart>>;
    /// Verifies the whole chain with this store's key (see [`verify`]) and the checkpoints.
    async fn verify_audit(
        &self,
        checkpoints: &[Checkpoint],
    ) -> Result<std::result::Result<usize, VerifyError>>;
    /// The platform stream: entries about no body (sign-ins, refusals, tokens, passwords),
    /// newest first.
    async fn platform_audit(&self, q: &AuditQuery) -> Result<Vec<AuditRow>>;

    /// A consistent snapshot while serving (SQLite only; use pg_dump for PostgreSQL).
    async fn backup(&self, out: &Path) -> Result<()>;
}

/// Opens the store a URL names: `sqlite://PATH` (created if missing) or `postgres://…`.
/// Without an audit key: it can read a keyed log but not append to it (see [`open_sealed`]).
pub async fn open(url: &str) -> Result<Arc<dyn Storage>> {
    open_sealed(url, None).await
}

/// The audit key of a store, and the file it writes a checkpoint of the head to.
pub struct AuditSeal {
    pub key: AuditKey,
    pub checkpoint: Option<std::path::PathBuf>,
}

/// Opens the store a URL names, keying the audit chain when given a seal.
pub async fn open_sealed(url: &str, seal: Option<AuditSeal>) -> Result<Arc<dyn Storage>> {
    let store: Arc<dyn Storage> =
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let s = PgStore::connect(url).await?;
            Arc::new(match seal {
                Some(seal) => s.sealed(seal.key, seal.checkpoint),
                None => s,
            })
        } else {
            let s = SqliteStore::open(url).await?;
            Arc::new(match seal {
                Some(seal) => s.sealed(seal.key, seal.checkpoint),
                None => s,
            })
        };
    store.migrate().await?;
    Ok(store)
}
