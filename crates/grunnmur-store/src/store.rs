//! The store over either backend: [`Store`], what a backend supplies ([`Backend`]: opening is
//! in `sqlite.rs` and `postgres.rs`), write transactions ([`Write`]), and the one [`Storage`]
//! impl, which hands each method to the shared SQL in `sql/`.

use crate::audit::{AuditKey, AuditRow, Checkpoint, NewAudit};
use crate::sql::{
    Driver, Record, accounts, attestations, audit_log, bodies, contributions, credentials,
    declarations, drafts, evidence, login_failures, passwords, releases, reports, risk,
};
use crate::*;
use sqlx::{Database, Pool, Transaction};
use std::future::Future;
use tokio::sync::{Mutex, MutexGuard};

/// The store on one backend: [`SqliteStore`] or [`PgStore`].
pub struct Store<DB: Database> {
    pool: Pool<DB>,
    /// Where writers queue when the backend wants them to ([`Backend::QUEUE_WRITERS`]).
    writer: Mutex<()>,
    /// The audit key and checkpoint file, when the store was given them ([`Store::sealed`]).
    pub(crate) seal: Option<Seal>,
}

/// What keys the audit chain: the key, and the checkpoint file written after every append.
pub(crate) struct Seal {
    pub(crate) key: AuditKey,
    checkpoint: Option<std::path::PathBuf>,
    /// The newest entry this process wrote a checkpoint for: checkpoints only move forward.
    written: std::sync::Mutex<i64>,
}

impl Seal {
    /// Writes the checkpoint for an entry just committed, unless a newer one was written.
    /// A failure is logged, not returned: the change is committed and must be answered as
    /// such; `audit verify` still checks every older checkpoint.
    fn checkpoint(&self, row: &AuditRow, keyed_from: i64) {
        let Some(path) = &self.checkpoint else { return };
        let Ok(mut written) = self.written.lock() else {
            return;
        };
        if row.seq <= *written {
            return;
        }
        let cp = Checkpoint {
            seq: row.seq,
            hash: row.hash.clone(),
            at: row.at,
            keyed_from,
        };
        match cp.write(path) {
            Ok(()) => *written = row.seq,
            Err(e) => {
                tracing::error!(path = %path.display(), error = %e, "audit checkpoint not written")
            }
        }
    }
}

/// What differs between the backends; the SQL they share is in `sql/`.
pub trait Backend: Driver {
    /// What [`Storage::backend`] says.
    const BACKEND: &'static str;
    /// SQLite has one writer at a time: queueing writers in the process avoids busy errors on
    /// read-then-write transactions.
    const QUEUE_WRITERS: bool;
    /// How a write transaction begins. SQLite's default is deferred: a transaction that reads
    /// first and writes later fails at once (SQLITE_BUSY_SNAPSHOT, no busy wait) when any other
    /// connection wrote in between — such as a token's last use, which is written outside the
    /// queue. `BEGIN IMMEDIATE` takes the write lock at the start, waiting for it if need be.
    const BEGIN_WRITE: &'static str;

    /// One row as a [`Record`] (each backend's rows are their own type).
    fn decode<T: Record>(row: &Self::Row) -> sqlx::Result<T>;

    /// Taken first by every write transaction: writes read, check and write (versions,
    /// existing rows, the audit chain's last hash), so the whole transaction must be alone.
    fn lock_writes(conn: &mut Self::Connection) -> impl Future<Output = Result<()>> + Send;

    fn migrate(pool: &Pool<Self>) -> impl Future<Output = Result<()>> + Send;

    fn backup(pool: &Pool<Self>, out: &Path) -> impl Future<Output = Result<()>> + Send;
}

impl<DB: Database> Store<DB> {
    pub(crate) fn new(pool: Pool<DB>) -> Self {
        Store {
            pool,
            writer: Mutex::new(()),
            seal: None,
        }
    }

    /// Keys the audit chain with `key` from the next entry on (see `audit.rs`), and writes a
    /// checkpoint of the head to `checkpoint` after every append.
    pub fn sealed(mut self, key: AuditKey, checkpoint: Option<std::path::PathBuf>) -> Self {
        self.seal = Some(Seal {
            key,
            checkpoint,
            written: std::sync::Mutex::new(0),
        });
        self
    }

    pub fn pool(&self) -> &Pool<DB> {
        &self.pool
    }
}

/// A write transaction that holds the write lock; [`Write::commit`] appends the change's audit
/// entry in it. Dropped without a commit, it rolls back.
pub(crate) struct Write<'s, DB: Database> {
    tx: Transaction<'s, DB>,
    pub(crate) seal: Option<&'s Seal>,
    /// Released after the transaction ends (fields drop in order).
    _queue: Option<MutexGuard<'s, ()>>,
}

impl<DB: Backend> Store<DB> {
    pub(crate) async fn write(&self) -> Result<Write<'_, DB>> {
        let queue = if DB::QUEUE_WRITERS {
            Some(self.writer.lock().await)
        } else {
            None
        };
        let mut tx = self.pool.begin_with(DB::BEGIN_WRITE).await?;
        DB::lock_writes(&mut tx).await?;
        Ok(Write {
            tx,
            seal: self.seal.as_ref(),
            _queue: queue,
        })
    }
}

impl<DB: Backend> Write<'_, DB> {
    pub(crate) fn conn(&mut self) -> &mut DB::Connection {
        &mut self.tx
    }

    /// Appends the change's audit entry and commits: the change and its entry are one
    /// transaction.
    pub(crate) async fn commit(mut self, e: &NewAudit) -> Result<AuditRow> {
        let (row, keyed_from) = audit_log::append(&mut self, e).await?;
        self.tx.commit().await?;
        if let (Some(seal), Some(from)) = (self.seal, keyed_from) {
            seal.checkpoint(&row, from);
        }
        Ok(row)
    }
}

#[async_trait]
impl<DB: Backend> Storage for Store<DB> {
    fn backend(&self) -> &'static str {
        DB::BACKEND
    }

    async fn migrate(&self) -> Result<()> {
        DB::migrate(&self.pool).await
    }

    async fn create_body(&self, body: &BodyRow, actor: &str) -> Result<()> {
        bodies::create_body(self, body, actor).await
    }

    async fn body(&self, orgnr: &str) -> Result<Option<BodyRow>> {
        bodies::body(self, orgnr).await
    }

    async fn bodies(&self) -> Result<Vec<BodyRow>> {
        bodies::bodies(self).await
    }

    async fn contribution_states(&self) -> Result<Vec<ContributionState>> {
        contributions::contribution_states(self).await
    }

    async fn contributions(&self, orgnr: Option<&str>) -> Result<Vec<ContributionRow>> {
        contributions::contributions(self, orgnr).await
    }

    async fn put_contribution(&self, c: &ContributionRow) -> Result<()> {
        contributions::put_contribution(self, c).await
    }

    async fn workspace(&self, orgnr: &str) -> Result<Option<WorkspaceRow>> {
        bodies::workspace(self, orgnr).await
    }

    async fn workspace_version(&self, orgnr: &str) -> Result<Option<i64>> {
        bodies::workspace_version(self, orgnr).await
    }

    async fn attach_evidence(
        &self,
        file: NewEvidenceFile<'_>,
        w: WorkspaceWrite<'_>,
    ) -> Result<i64> {
        evidence::attach(self, file, w).await
    }

    async fn remove_evidence(&self, id: &str, w: WorkspaceWrite<'_>) -> Result<i64> {
        evidence::remove(self, id, w).await
    }

    async fn evidence_files(
        &self,
        orgnr: &str,
        object: Option<&str>,
    ) -> Result<Vec<EvidenceFileRow>> {
        evidence::files(self, orgnr, object).await
    }

    async fn evidence_file(
        &self,
        orgnr: &str,
        id: &str,
    ) -> Result<Option<(EvidenceFileRow, Vec<u8>)>> {
        evidence::file(self, orgnr, id).await
    }

    async fn save_pending_import(&self, row: &PendingImportRow) -> Result<()> {
        evidence::save_pending_import(self, row).await
    }

    async fn pending_import(&self, orgnr: &str, id: &str) -> Result<Option<PendingImportRow>> {
        evidence::pending_import(self, orgnr, id).await
    }

    async fn apply_pending_import(&self, id: &str, w: WorkspaceWrite<'_>) -> Result<i64> {
        evidence::apply_pending_import(self, id, w).await
    }

    async fn register_attestation_key(&self, kid: &str, public_jwk: &str) -> Result<()> {
        attestations::register_key(self, kid, public_jwk).await
    }

    async fn attestation_keys(&self) -> Result<Vec<String>> {
        attestations::keys(self).await
    }

    async fn record_attestation(&self, row: &AttestationRow) -> Result<()> {
        attestations::record(self, row).await
    }

    async fn attestations(&self, orgnr: &str) -> Result<Vec<AttestationRow>> {
        attestations::list(self, orgnr).await
    }

    async fn revoke_attestation(
        &self,
        orgnr: &str,
        id: &str,
        reason: &str,
        actor: &str,
    ) -> Result<AttestationRow> {
        attestations::revoke(self, orgnr, id, reason, actor).await
    }

    async fn revoked_attestations(&self) -> Result<Vec<(String, i64)>> {
        attestations::revoked(self).await
    }

    async fn set_supervisor(
        &self,
        user_id: i64,
        limits: Option<(&[String], &[String])>,
        actor: &str,
    ) -> Result<()> {
        attestations::set_supervisor(self, user_id, limits, actor).await
    }

    async fn supervisor(&self, user_id: i64) -> Result<Option<(Vec<String>, Vec<String>)>> {
        attestations::supervisor(self, user_id).await
    }

    async fn digest_subscription(&self, user_id: i64, new_token: &str) -> Result<(String, bool)> {
        evidence::digest_subscription(self, user_id, new_token).await
    }

    async fn set_digest(&self, token: &str, enabled: bool) -> Result<Option<String>> {
        evidence::set_digest(self, token, enabled).await
    }

    async fn claim_digest_day(&self, day: &str) -> Result<bool> {
        evidence::claim_digest_day(self, day).await
    }

    async fn add_comment(
        &self,
        orgnr: &str,
        object: &str,
        text: &str,
        actor: &str,
    ) -> Result<CommentRow> {
        evidence::add_comment(self, orgnr, object, text, actor).await
    }

    async fn comments(&self, orgnr: &str, object: Option<&str>) -> Result<Vec<CommentRow>> {
        evidence::comments(self, orgnr, object).await
    }

    async fn put_workspace(&self, w: WorkspaceWrite<'_>) -> Result<i64> {
        bodies::put_workspace(self, w).await
    }

    async fn create_user(
        &self,
        email: &str,
        password_hash: Option<&str>,
        platform_admin: bool,
        actor: &str,
    ) -> Result<i64> {
        accounts::create_user(self, email, password_hash, platform_admin, actor).await
    }

    async fn user(&self, id: i64) -> Result<Option<UserRow>> {
        accounts::user(self, id).await
    }

    async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>> {
        accounts::user_by_email(self, email).await
    }

    async fn user_count(&self) -> Result<i64> {
        accounts::user_count(self).await
    }

    async fn set_platform_role(
        &self,
        user_id: i64,
        role: PlatformRole,
        on: bool,
        actor: &str,
    ) -> Result<()> {
        accounts::set_platform_role(self, user_id, role, on, actor).await
    }

    async fn set_catalog_editor(
        &self,
        user_id: i64,
        owners: Option<&[String]>,
        actor: &str,
    ) -> Result<()> {
        accounts::set_catalog_editor(self, user_id, owners, actor).await
    }

    async fn catalog_editor(&self, user_id: i64) -> Result<Option<EditorOwners>> {
        accounts::catalog_editor(self, user_id).await
    }

    async fn catalog_editor_owners(&self) -> Result<std::collections::BTreeMap<i64, Vec<String>>> {
        accounts::catalog_editor_owners(self).await
    }

    async fn grant(&self, user_id: i64, orgnr: &str, role: Role, actor: &str) -> Result<()> {
        accounts::grant(self, user_id, orgnr, role, actor).await
    }

    async fn role(&self, user_id: i64, orgnr: &str) -> Result<Option<Role>> {
        accounts::role(self, user_id, orgnr).await
    }

    async fn memberships(&self, user_id: i64) -> Result<Vec<(String, Role)>> {
        accounts::memberships(self, user_id).await
    }

    async fn members(&self, orgnr: &str) -> Result<Vec<(String, Role)>> {
        accounts::members(self, orgnr).await
    }

    async fn set_password(
        &self,
        user_id: i64,
        hash: &str,
        end_sessions: bool,
        actor: &str,
    ) -> Result<()> {
        passwords::set_password(self, user_id, hash, end_sessions, actor).await
    }

    async fn require_password_change(&self, user_id: i64, actor: &str) -> Result<()> {
        passwords::require_password_change(self, user_id, actor).await
    }

    async fn set_totp_pending(&self, user_id: i64, secret: Option<&str>) -> Result<()> {
        passwords::set_totp_pending(self, user_id, secret).await
    }

    async fn enable_totp(
        &self,
        user_id: i64,
        secret: &str,
        recovery_hashes: &[String],
        actor: &str,
    ) -> Result<()> {
        passwords::enable_totp(self, user_id, secret, recovery_hashes, actor).await
    }

    async fn disable_totp(&self, user_id: i64, actor: &str) -> Result<()> {
        passwords::disable_totp(self, user_id, actor).await
    }

    async fn use_totp_step(&self, user_id: i64, step: i64) -> Result<bool> {
        passwords::use_totp_step(self, user_id, step).await
    }

    async fn use_recovery_code(&self, user_id: i64, code_hash: &str, actor: &str) -> Result<bool> {
        passwords::use_recovery_code(self, user_id, code_hash, actor).await
    }

    async fn recovery_codes_left(&self, user_id: i64) -> Result<i64> {
        passwords::recovery_codes_left(self, user_id).await
    }

    async fn create_link(&self, link: &NewLink<'_>, actor: &str) -> Result<()> {
        passwords::create_link(self, link, actor).await
    }

    async fn link(&self, token_hash: &str) -> Result<Option<LinkRow>> {
        passwords::link(self, token_hash).await
    }

    async fn invitations(&self, orgnr: &str) -> Result<Vec<LinkRow>> {
        passwords::invitations(self, orgnr).await
    }

    async fn use_reset_link(&self, token_hash: &str, hash: &str) -> Result<UserRow> {
        passwords::use_reset_link(self, token_hash, hash).await
    }

    async fn accept_invitation(
        &self,
        token_hash: &str,
        new_password_hash: Option<&str>,
        signed_in: Option<i64>,
    ) -> Result<UserRow> {
        passwords::accept_invitation(self, token_hash, new_password_hash, signed_in).await
    }

    async fn create_challenge(&self, id_hash: &str, user_id: i64, expires_at: i64) -> Result<()> {
        passwords::create_challenge(self, id_hash, user_id, expires_at).await
    }

    async fn challenge(&self, id_hash: &str) -> Result<Option<i64>> {
        passwords::challenge(self, id_hash).await
    }

    async fn delete_challenge(&self, id_hash: &str) -> Result<()> {
        passwords::delete_challenge(self, id_hash).await
    }

    async fn create_session(
        &self,
        id_hash: &str,
        user_id: i64,
        csrf: &str,
        expires_at: i64,
    ) -> Result<()> {
        accounts::create_session(self, id_hash, user_id, csrf, expires_at).await
    }

    async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>> {
        accounts::session(self, id_hash).await
    }

    async fn delete_session(&self, id_hash: &str) -> Result<()> {
        accounts::delete_session(self, id_hash).await
    }

    async fn record_login_failure(
        &self,
        email: &str,
        client: &str,
        after: Option<String>,
        forget_before: i64,
    ) -> Result<()> {
        login_failures::record_login_failure(self, email, client, after, forget_before).await
    }

    async fn login_failures(&self, email: &str, client: &str, since: i64) -> Result<LoginFailures> {
        login_failures::login_failures(self, email, client, since).await
    }

    async fn clear_login_failures(&self, email: &str, client: &str) -> Result<()> {
        login_failures::clear_login_failures(self, email, client).await
    }

    async fn user_by_identity(&self, issuer: &str, subject: &str) -> Result<Option<UserRow>> {
        accounts::user_by_identity(self, issuer, subject).await
    }

    async fn link_identity(
        &self,
        issuer: &str,
        subject: &str,
        email: &str,
        actor: &str,
    ) -> Result<UserRow> {
        accounts::link_identity(self, issuer, subject, email, actor).await
    }

    async fn unlink_identities(&self, user_id: i64, actor: &str) -> Result<u64> {
        accounts::unlink_identities(self, user_id, actor).await
    }

    async fn create_token(&self, t: NewToken<'_>, actor: &str) -> Result<i64> {
        credentials::create_token(self, t, actor).await
    }

    async fn live_token(&self, token_hash: &str) -> Result<Option<TokenRow>> {
        credentials::live_token(self, token_hash).await
    }

    async fn touch_token(&self, id: i64) -> Result<()> {
        credentials::touch_token(self, id).await
    }

    async fn tokens(&self, user_id: i64) -> Result<Vec<TokenRow>> {
        credentials::tokens(self, user_id).await
    }

    async fn token(&self, id: i64) -> Result<Option<TokenRow>> {
        credentials::token(self, id).await
    }

    async fn revoke_token(&self, id: i64, owner: Option<i64>, actor: &str) -> Result<TokenRow> {
        credentials::revoke_token(self, id, owner, actor).await
    }

    async fn touch_session(&self, id_hash: &str) -> Result<()> {
        credentials::touch_session(self, id_hash).await
    }

    async fn end_sessions(&self, user_id: i64, actor: &str) -> Result<u64> {
        credentials::end_sessions(self, user_id, actor).await
    }

    async fn users(&self) -> Result<Vec<UserRow>> {
        credentials::users(self).await
    }

    async fn set_disabled(&self, user_id: i64, disabled: bool, actor: &str) -> Result<()> {
        credentials::set_disabled(self, user_id, disabled, actor).await
    }

    async fn remove_member(&self, user_id: i64, orgnr: &str, actor: &str) -> Result<Role> {
        credentials::remove_member(self, user_id, orgnr, actor).await
    }

    async fn publish_release(
        &self,
        catalog_id: &str,
        version: &str,
        sources: &str,
        actor: &str,
    ) -> Result<bool> {
        releases::publish_release(self, catalog_id, version, sources, actor).await
    }

    async fn releases(&self) -> Result<Vec<ReleaseRow>> {
        releases::releases(self).await
    }

    async fn release_sources(&self, catalog_id: &str, version: &str) -> Result<Option<String>> {
        releases::release_sources(self, catalog_id, version).await
    }

    async fn create_draft(
        &self,
        catalog_id: &str,
        base: &str,
        version: &str,
        sources: &str,
        actor: &str,
    ) -> Result<DraftRow> {
        drafts::create_draft(self, catalog_id, base, version, sources, actor).await
    }

    async fn drafts(&self) -> Result<Vec<DraftRow>> {
        drafts::drafts(self).await
    }

    async fn draft(&self, id: i64) -> Result<Option<DraftRow>> {
        drafts::draft(self, id).await
    }

    async fn draft_sources(&self, id: i64) -> Result<Option<String>> {
        drafts::draft_sources(self, id).await
    }

    async fn change_draft(&self, c: DraftChange<'_>, actor: &str) -> Result<DraftChangeRow> {
        drafts::change_draft(self, c, actor).await
    }

    async fn decide_proposal(&self, d: Decision<'_>, actor: &str) -> Result<DraftChangeRow> {
        drafts::decide_proposal(self, d, actor).await
    }

    async fn draft_changes(&self, draft_id: i64) -> Result<Vec<DraftChangeRow>> {
        drafts::draft_changes(self, draft_id).await
    }

    async fn open_consultation(
        &self,
        draft_id: i64,
        closes: &str,
        actor: &str,
    ) -> Result<DraftRow> {
        drafts::open_consultation(self, draft_id, closes, actor).await
    }

    async fn add_draft_comment(
        &self,
        draft_id: i64,
        orgnr: &str,
        entry: &str,
        text: &str,
        actor: &str,
    ) -> Result<DraftCommentRow> {
        drafts::add_draft_comment(self, draft_id, orgnr, entry, text, actor).await
    }

    async fn answer_draft_comment(
        &self,
        draft_id: i64,
        comment_id: i64,
        answer: &str,
        outcome: &str,
        actor: &str,
    ) -> Result<DraftCommentRow> {
        drafts::answer_draft_comment(self, draft_id, comment_id, answer, outcome, actor).await
    }

    async fn draft_comments(&self, draft_id: i64) -> Result<Vec<DraftCommentRow>> {
        drafts::draft_comments(self, draft_id).await
    }

    async fn approve_draft(&self, draft_id: i64, owner: &str, rev: i64, actor: &str) -> Result<()> {
        drafts::approve_draft(self, draft_id, owner, rev, actor).await
    }

    async fn draft_approvals(&self, draft_id: i64) -> Result<Vec<DraftApprovalRow>> {
        drafts::draft_approvals(self, draft_id).await
    }

    async fn publish_draft(&self, draft_id: i64, rev: i64, actor: &str) -> Result<DraftRow> {
        drafts::publish_draft(self, draft_id, rev, actor).await
    }

    async fn publish_declaration(
        &self,
        orgnr: &str,
        id: &str,
        doc: &str,
        withdraw: bool,
        actor: &str,
    ) -> Result<DeclarationRow> {
        declarations::publish_declaration(self, orgnr, id, doc, withdraw, actor).await
    }

    async fn declarations(&self) -> Result<Vec<DeclarationRow>> {
        declarations::declarations(self).await
    }

    async fn declaration_versions(&self, id: &str) -> Result<Vec<DeclarationRow>> {
        declarations::declaration_versions(self, id).await
    }

    async fn declarations_generation(&self) -> Result<i64> {
        declarations::declarations_generation(self).await
    }

    async fn pin_release(
        &self,
        orgnr: &str,
        catalog_id: &str,
        version: &str,
        expected_version: Option<i64>,
        actor: &str,
    ) -> Result<()> {
        releases::pin_release(self, orgnr, catalog_id, version, expected_version, actor).await
    }

    async fn create_risk_assessment(&self, orgnr: &str, doc: &str, actor: &str) -> Result<RiskRow> {
        risk::create_risk_assessment(self, orgnr, doc, actor).await
    }

    async fn risk_assessments(&self, orgnr: &str) -> Result<Vec<RiskRow>> {
        risk::risk_assessments(self, orgnr).await
    }

    async fn risk_assessment(&self, orgnr: &str, id: i64) -> Result<Option<RiskRow>> {
        risk::risk_assessment(self, orgnr, id).await
    }

    async fn put_risk_assessment(&self, w: RiskWrite<'_>) -> Result<i64> {
        risk::put_risk_assessment(self, w).await
    }

    async fn save_report_draft(&self, d: ReportDraft<'_>) -> Result<ReportRow> {
        reports::save_report_draft(self, d).await
    }

    async fn update_report_draft(
        &self,
        orgnr: &str,
        id: i64,
        lang: &str,
        snapshot: &str,
        actor: &str,
    ) -> Result<ReportRow> {
        reports::update_report_draft(self, orgnr, id, lang, snapshot, actor).await
    }

    async fn finalize_report(&self, orgnr: &str, id: i64, approver: &str) -> Result<ReportRow> {
        reports::finalize_report(self, orgnr, id, approver).await
    }

    async fn reports(&self, orgnr: &str) -> Result<Vec<ReportRow>> {
        reports::reports(self, orgnr).await
    }

    async fn report(&self, orgnr: &str, id: i64) -> Result<Option<ReportRow>> {
        reports::report(self, orgnr, id).await
    }

    async fn append_audit(&self, e: &NewAudit) -> Result<AuditRow> {
        self.write().await?.commit(e).await
    }

    async fn audit_for(&self, orgnr: &str) -> Result<Vec<AuditRow>> {
        audit_log::audit_for(self, orgnr).await
    }

    async fn audit_all(&self) -> Result<Vec<AuditRow>> {
        audit_log::audit_all(self).await
    }

    async fn audit_seq(&self) -> Result<i64> {
        audit_log::audit_seq(self).await
    }

    async fn audit_start(&self) -> Result<Option<ChainStart>> {
        audit_log::audit_start(self).await
    }

    async fn verify_audit(
        &self,
        checkpoints: &[Checkpoint],
    ) -> Result<std::result::Result<usize, VerifyError>> {
        let start = self.audit_start().await?;
        let rows = self.audit_all().await?;
        let v = Verify {
            key: self.seal.as_ref().map(|s| &s.key),
            start: start.as_ref(),
            checkpoints,
        };
        Ok(verify(&rows, &v))
    }

    async fn platform_audit(&self, q: &AuditQuery) -> Result<Vec<AuditRow>> {
        audit_log::platform_audit(self, q).await
    }

    async fn backup(&self, out: &Path) -> Result<()> {
        DB::backup(&self.pool, out).await
    }
}
