//! The two backends. The SQL is the same where the databases agree (`$n` parameters work in
//! both), so one macro writes the shared query code for each backend; what differs — opening,
//! migrations, serialising writers, backups — is written per backend below.

use crate::audit::{AuditRow, GENESIS, NewAudit, entry_hash};
use crate::*;
use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use std::str::FromStr;
use std::time::Duration;

pub struct SqliteStore {
    pool: SqlitePool,
    /// SQLite has one writer at a time; serialising writers here avoids busy errors on
    /// read-then-write transactions.
    writer: tokio::sync::Mutex<()>,
}

pub struct PgStore {
    pool: PgPool,
}

impl SqliteStore {
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
        Ok(SqliteStore {
            pool,
            writer: tokio::sync::Mutex::new(()),
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    async fn write_guard(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        Some(self.writer.lock().await)
    }

    async fn lock_chain(_tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>) -> Result<()> {
        Ok(())
    }

    async fn run_migrations(&self) -> Result<()> {
        sqlx::migrate!("./migrations/sqlite")
            .run(&self.pool)
            .await?;
        Ok(())
    }

    async fn snapshot(&self, out: &Path) -> Result<()> {
        if out.exists() {
            return Err(StoreError::Conflict(out.display().to_string()));
        }
        // VACUUM INTO writes a consistent copy while other connections keep working.
        sqlx::query("VACUUM INTO $1")
            .bind(out.display().to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

impl PgStore {
    pub async fn connect(url: &str) -> Result<PgStore> {
        let opts = PgConnectOptions::from_str(url)?;
        Self::connect_with(opts).await
    }

    /// With explicit options (tests use a schema of their own through `search_path`).
    pub async fn connect_with(opts: PgConnectOptions) -> Result<PgStore> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .connect_with(opts)
            .await?;
        Ok(PgStore { pool })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    async fn write_guard(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        None
    }

    /// Several app servers write to one database: a transaction-scoped advisory lock makes each
    /// write's read-check-write (and the chain's read-last-hash-then-insert) atomic across
    /// processes.
    async fn lock_chain(tx: &mut sqlx::Transaction<'_, sqlx::Postgres>) -> Result<()> {
        sqlx::query("SELECT pg_advisory_xact_lock(717171)")
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    async fn run_migrations(&self) -> Result<()> {
        sqlx::migrate!("./migrations/postgres")
            .run(&self.pool)
            .await?;
        Ok(())
    }

    async fn snapshot(&self, _out: &Path) -> Result<()> {
        Err(StoreError::Unsupported(
            "backup of PostgreSQL: use pg_dump (see docs/OPERATIONS.md)".into(),
        ))
    }
}

macro_rules! storage_impl {
    ($store:ident, $db:ty, $name:literal) => {
        impl $store {
            /// A write transaction. Writes read, check and write (versions, existing rows, the
            /// chain's last hash): on PostgreSQL several servers write at once, so the whole
            /// transaction holds the write lock, not only the audit append; SQLite has one
            /// writer anyway.
            async fn begin_write(&self) -> Result<sqlx::Transaction<'_, $db>> {
                let mut tx = self.pool.begin().await?;
                Self::lock_chain(&mut tx).await?;
                Ok(tx)
            }

            async fn audit_tx(tx: &mut sqlx::Transaction<'_, $db>, e: &NewAudit) -> Result<AuditRow> {
                Self::lock_chain(tx).await?;
                let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                    .fetch_optional(&mut **tx)
                    .await?;
                let (seq, prev_hash) = match last {
                    Some(r) => (r.get::<i64, _>("seq") + 1, r.get::<String, _>("hash")),
                    None => (1, GENESIS.to_string()),
                };
                let at = now();
                let hash = entry_hash(seq, at, e, &prev_hash);
                sqlx::query(
                    "INSERT INTO audit_log (seq, at, actor, orgnr, action, before, after, prev_hash, hash) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(seq)
                .bind(at)
                .bind(&e.actor)
                .bind(&e.orgnr)
                .bind(&e.action)
                .bind(&e.before)
                .bind(&e.after)
                .bind(&prev_hash)
                .bind(&hash)
                .execute(&mut **tx)
                .await?;
                Ok(AuditRow {
                    seq,
                    at,
                    actor: e.actor.clone(),
                    orgnr: e.orgnr.clone(),
                    action: e.action.clone(),
                    before: e.before.clone(),
                    after: e.after.clone(),
                    prev_hash,
                    hash,
                })
            }

            fn body_from(r: &<$db as sqlx::Database>::Row) -> BodyRow {
                BodyRow {
                    orgnr: r.get("orgnr"),
                    name: r.get("name"),
                    kind: r.get("kind"),
                    sectors: serde_json::from_str(&r.get::<String, _>("sectors")).unwrap_or_default(),
                    catalog_id: r.get("catalog_id"),
                    catalog_version: r.get("catalog_version"),
                    created_at: r.get("created_at"),
                }
            }

            fn user_from(r: &<$db as sqlx::Database>::Row) -> UserRow {
                UserRow {
                    id: r.get("id"),
                    email: r.get("email"),
                    name: r.get("name"),
                    password_hash: r.get("password_hash"),
                    platform_admin: r.get("platform_admin"),
                    catalog_editor: r.get("catalog_editor"),
                }
            }

            fn risk_from(r: &<$db as sqlx::Database>::Row) -> RiskRow {
                RiskRow {
                    id: r.get("id"),
                    orgnr: r.get("orgnr"),
                    doc: r.get("doc"),
                    version: r.get("version"),
                    created_at: r.get("created_at"),
                    updated_at: r.get("updated_at"),
                    updated_by: r.get("updated_by"),
                }
            }

            fn report_from(r: &<$db as sqlx::Database>::Row) -> ReportRow {
                let state: String = r.get("state");
                ReportRow {
                    id: r.get("id"),
                    orgnr: r.get("orgnr"),
                    kind: r.get("kind"),
                    subject: r.get("subject"),
                    number: r.get("number"),
                    state: if state == "final" { ReportState::Final } else { ReportState::Draft },
                    lang: r.get("lang"),
                    snapshot: r.get("snapshot"),
                    content_hash: r.get("content_hash"),
                    created_at: r.get("created_at"),
                    created_by: r.get("created_by"),
                    approver: r.get("approver"),
                    approved_at: r.get("approved_at"),
                }
            }

            /// What the audit log keeps of a report: everything but the snapshot, which the
            /// hash stands for.
            fn report_audit(r: &ReportRow) -> String {
                serde_json::to_string(r).unwrap_or_default()
            }

            async fn report_tx(
                tx: &mut sqlx::Transaction<'_, $db>,
                orgnr: &str,
                id: i64,
            ) -> Result<ReportRow> {
                let r = sqlx::query("SELECT * FROM reports WHERE orgnr = $1 AND id = $2")
                    .bind(orgnr)
                    .bind(id)
                    .fetch_optional(&mut **tx)
                    .await?;
                r.as_ref()
                    .map(Self::report_from)
                    .ok_or_else(|| StoreError::NotFound(format!("report {id}")))
            }

            /// Logs a refused change of a final report (committed, though the change is not)
            /// and gives the error.
            async fn refuse_final(
                mut tx: sqlx::Transaction<'_, $db>,
                r: &ReportRow,
                actor: &str,
                attempt: &str,
            ) -> Result<ReportRow> {
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: Some(r.orgnr.clone()),
                    action: "report.change_refused".into(),
                    before: Some(Self::report_audit(r)),
                    after: Some(serde_json::json!({"attempt": attempt}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Err(StoreError::Immutable(format!("report {} is final", r.id)))
            }

            fn audit_from(r: &<$db as sqlx::Database>::Row) -> AuditRow {
                AuditRow {
                    seq: r.get("seq"),
                    at: r.get("at"),
                    actor: r.get("actor"),
                    orgnr: r.get("orgnr"),
                    action: r.get("action"),
                    before: r.get("before"),
                    after: r.get("after"),
                    prev_hash: r.get("prev_hash"),
                    hash: r.get("hash"),
                }
            }
        }

        #[async_trait]
        impl Storage for $store {
            fn backend(&self) -> &'static str {
                $name
            }

            async fn migrate(&self) -> Result<()> {
                self.run_migrations().await
            }

            async fn create_body(&self, b: &BodyRow, actor: &str) -> Result<()> {
                let _w = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let exists = sqlx::query("SELECT 1 FROM bodies WHERE orgnr = $1")
                    .bind(&b.orgnr)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_some() {
                    return Err(StoreError::Conflict(b.orgnr.clone()));
                }
                let sectors = serde_json::to_string(&b.sectors).unwrap_or_default();
                sqlx::query(
                    "INSERT INTO bodies (orgnr, name, kind, sectors, catalog_id, catalog_version, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&b.orgnr)
                .bind(&b.name)
                .bind(&b.kind)
                .bind(&sectors)
                .bind(&b.catalog_id)
                .bind(&b.catalog_version)
                .bind(b.created_at)
                .execute(&mut *tx)
                .await?;
                let after = serde_json::to_string(b).ok();
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: Some(b.orgnr.clone()),
                    action: "body.create".into(),
                    before: None,
                    after,
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn body(&self, orgnr: &str) -> Result<Option<BodyRow>> {
                let r = sqlx::query("SELECT * FROM bodies WHERE orgnr = $1")
                    .bind(orgnr)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.as_ref().map(Self::body_from))
            }

            async fn bodies(&self) -> Result<Vec<BodyRow>> {
                let rows = sqlx::query("SELECT * FROM bodies ORDER BY name, orgnr")
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.iter().map(Self::body_from).collect())
            }

            async fn workspace(&self, orgnr: &str) -> Result<Option<WorkspaceRow>> {
                let r = sqlx::query("SELECT * FROM workspaces WHERE orgnr = $1")
                    .bind(orgnr)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.map(|r| WorkspaceRow {
                    orgnr: r.get("orgnr"),
                    doc: r.get("doc"),
                    version: r.get("version"),
                    updated_at: r.get("updated_at"),
                    updated_by: r.get("updated_by"),
                }))
            }

            async fn workspace_version(&self, orgnr: &str) -> Result<Option<i64>> {
                let r = sqlx::query("SELECT version FROM workspaces WHERE orgnr = $1")
                    .bind(orgnr)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.map(|r| r.get("version")))
            }

            async fn put_workspace(&self, w: WorkspaceWrite<'_>) -> Result<i64> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let body = sqlx::query("SELECT 1 FROM bodies WHERE orgnr = $1")
                    .bind(w.orgnr)
                    .fetch_optional(&mut *tx)
                    .await?;
                if body.is_none() {
                    return Err(StoreError::NotFound(w.orgnr.to_string()));
                }
                let old = sqlx::query("SELECT doc, version FROM workspaces WHERE orgnr = $1")
                    .bind(w.orgnr)
                    .fetch_optional(&mut *tx)
                    .await?;
                let (before, current) = match &old {
                    Some(r) => (Some(r.get::<String, _>("doc")), r.get::<i64, _>("version")),
                    None => (None, 0),
                };
                if let Some(expected) = w.expected_version
                    && expected != current
                {
                    return Err(StoreError::VersionConflict { current, expected });
                }
                let version = current + 1;
                sqlx::query(
                    "INSERT INTO workspaces (orgnr, doc, version, updated_at, updated_by) \
                     VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (orgnr) DO UPDATE SET doc = excluded.doc, version = excluded.version, \
                     updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                )
                .bind(w.orgnr)
                .bind(w.doc)
                .bind(version)
                .bind(now())
                .bind(w.actor)
                .execute(&mut *tx)
                .await?;
                let e = NewAudit {
                    actor: w.actor.into(),
                    orgnr: Some(w.orgnr.into()),
                    action: w.action.into(),
                    before,
                    after: Some(w.doc.into()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(version)
            }

            async fn create_user(
                &self,
                email: &str,
                password_hash: Option<&str>,
                platform_admin: bool,
                actor: &str,
            ) -> Result<i64> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let exists = sqlx::query("SELECT 1 FROM users WHERE email = $1")
                    .bind(email)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_some() {
                    return Err(StoreError::Conflict(email.to_string()));
                }
                let r = sqlx::query(
                    "INSERT INTO users (email, password_hash, platform_admin, created_at) \
                     VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(email)
                .bind(password_hash)
                .bind(platform_admin)
                .bind(now())
                .fetch_one(&mut *tx)
                .await?;
                let id: i64 = r.get("id");
                let after = serde_json::json!({"id": id, "email": email, "platform_admin": platform_admin});
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: None,
                    action: "user.create".into(),
                    before: None,
                    after: Some(after.to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn user(&self, id: i64) -> Result<Option<UserRow>> {
                let r = sqlx::query("SELECT * FROM users WHERE id = $1")
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.as_ref().map(Self::user_from))
            }

            async fn user_by_email(&self, email: &str) -> Result<Option<UserRow>> {
                let r = sqlx::query("SELECT * FROM users WHERE email = $1")
                    .bind(email)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.as_ref().map(Self::user_from))
            }

            async fn user_count(&self) -> Result<i64> {
                let r = sqlx::query("SELECT COUNT(*) AS n FROM users").fetch_one(&self.pool).await?;
                Ok(r.get("n"))
            }

            async fn set_platform_role(&self, user_id: i64, role: PlatformRole, on: bool, actor: &str) -> Result<()> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let column = role.column();
                let before: bool = sqlx::query(&format!("SELECT {column} AS v FROM users WHERE id = $1"))
                    .bind(user_id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.get("v"))
                    .ok_or_else(|| StoreError::NotFound(format!("user {user_id}")))?;
                sqlx::query(&format!("UPDATE users SET {column} = $1 WHERE id = $2"))
                    .bind(on)
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: None,
                    action: "user.platform_role".into(),
                    before: Some(serde_json::json!({"user_id": user_id, column: before}).to_string()),
                    after: Some(serde_json::json!({"user_id": user_id, column: on}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn grant(&self, user_id: i64, orgnr: &str, role: Role, actor: &str) -> Result<()> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let old = sqlx::query("SELECT role FROM memberships WHERE user_id = $1 AND orgnr = $2")
                    .bind(user_id)
                    .bind(orgnr)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.get::<String, _>("role"));
                sqlx::query(
                    "INSERT INTO memberships (user_id, orgnr, role) VALUES ($1, $2, $3) \
                     ON CONFLICT (user_id, orgnr) DO UPDATE SET role = excluded.role",
                )
                .bind(user_id)
                .bind(orgnr)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: Some(orgnr.into()),
                    action: "membership.grant".into(),
                    before: old.map(|r| serde_json::json!({"user_id": user_id, "role": r}).to_string()),
                    after: Some(serde_json::json!({"user_id": user_id, "role": role.as_str()}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn role(&self, user_id: i64, orgnr: &str) -> Result<Option<Role>> {
                let r = sqlx::query("SELECT role FROM memberships WHERE user_id = $1 AND orgnr = $2")
                    .bind(user_id)
                    .bind(orgnr)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.and_then(|r| Role::parse(&r.get::<String, _>("role"))))
            }

            async fn memberships(&self, user_id: i64) -> Result<Vec<(String, Role)>> {
                let rows = sqlx::query("SELECT orgnr, role FROM memberships WHERE user_id = $1 ORDER BY orgnr")
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows
                    .iter()
                    .filter_map(|r| Some((r.get("orgnr"), Role::parse(&r.get::<String, _>("role"))?)))
                    .collect())
            }

            async fn members(&self, orgnr: &str) -> Result<Vec<(String, Role)>> {
                let rows = sqlx::query(
                    "SELECT u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
                     WHERE m.orgnr = $1 ORDER BY u.email",
                )
                .bind(orgnr)
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .iter()
                    .filter_map(|r| Some((r.get("email"), Role::parse(&r.get::<String, _>("role"))?)))
                    .collect())
            }

            async fn create_token(&self, user_id: i64, token_hash: &str, label: &str, actor: &str) -> Result<i64> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let r = sqlx::query(
                    "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
                )
                .bind(user_id)
                .bind(token_hash)
                .bind(label)
                .bind(now())
                .fetch_one(&mut *tx)
                .await?;
                let id: i64 = r.get("id");
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: None,
                    action: "token.create".into(),
                    before: None,
                    after: Some(serde_json::json!({"id": id, "user_id": user_id, "label": label}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(id)
            }

            async fn user_by_token(&self, token_hash: &str) -> Result<Option<UserRow>> {
                let r = sqlx::query(
                    "SELECT u.* FROM users u JOIN api_tokens t ON t.user_id = u.id WHERE t.token_hash = $1",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
                Ok(r.as_ref().map(Self::user_from))
            }

            async fn create_session(&self, id_hash: &str, user_id: i64, csrf: &str, expires_at: i64) -> Result<()> {
                sqlx::query("INSERT INTO sessions (id_hash, user_id, csrf, expires_at) VALUES ($1, $2, $3, $4)")
                    .bind(id_hash)
                    .bind(user_id)
                    .bind(csrf)
                    .bind(expires_at)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>> {
                let r = sqlx::query("SELECT user_id, csrf, expires_at FROM sessions WHERE id_hash = $1 AND expires_at > $2")
                    .bind(id_hash)
                    .bind(now())
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.map(|r| SessionRow {
                    user_id: r.get("user_id"),
                    csrf: r.get("csrf"),
                    expires_at: r.get("expires_at"),
                }))
            }

            async fn delete_session(&self, id_hash: &str) -> Result<()> {
                sqlx::query("DELETE FROM sessions WHERE id_hash = $1 OR expires_at <= $2")
                    .bind(id_hash)
                    .bind(now())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn record_login_failure(&self, email: &str) -> Result<()> {
                sqlx::query("INSERT INTO login_failures (email, at) VALUES ($1, $2)")
                    .bind(email)
                    .bind(now())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn login_failures_since(&self, email: &str, since: i64) -> Result<i64> {
                let r = sqlx::query("SELECT COUNT(*) AS n FROM login_failures WHERE email = $1 AND at >= $2")
                    .bind(email)
                    .bind(since)
                    .fetch_one(&self.pool)
                    .await?;
                Ok(r.get("n"))
            }

            async fn clear_login_failures(&self, email: &str) -> Result<()> {
                sqlx::query("DELETE FROM login_failures WHERE email = $1")
                    .bind(email)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn user_by_identity(&self, issuer: &str, subject: &str) -> Result<Option<UserRow>> {
                let r = sqlx::query(
                    "SELECT u.* FROM users u JOIN oidc_identities i ON i.user_id = u.id \
                     WHERE i.issuer = $1 AND i.subject = $2",
                )
                .bind(issuer)
                .bind(subject)
                .fetch_optional(&self.pool)
                .await?;
                Ok(r.as_ref().map(Self::user_from))
            }

            async fn link_identity(&self, issuer: &str, subject: &str, email: &str, actor: &str) -> Result<UserRow> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let linked = sqlx::query("SELECT 1 FROM oidc_identities WHERE issuer = $1 AND subject = $2")
                    .bind(issuer)
                    .bind(subject)
                    .fetch_optional(&mut *tx)
                    .await?;
                if linked.is_some() {
                    return Err(StoreError::Conflict(format!("{issuer} {subject}")));
                }
                let existing = sqlx::query("SELECT * FROM users WHERE email = $1")
                    .bind(email)
                    .fetch_optional(&mut *tx)
                    .await?;
                let (user, created) = match existing {
                    Some(r) => {
                        let user = Self::user_from(&r);
                        if user.platform_admin || user.catalog_editor {
                            return Err(StoreError::Refused(format!("{email} has a platform role")));
                        }
                        let other = sqlx::query("SELECT 1 FROM oidc_identities WHERE issuer = $1 AND user_id = $2")
                            .bind(issuer)
                            .bind(user.id)
                            .fetch_optional(&mut *tx)
                            .await?;
                        if other.is_some() {
                            return Err(StoreError::Refused(format!("{email} is linked to another identity")));
                        }
                        (user, false)
                    }
                    None => {
                        let r = sqlx::query(
                            "INSERT INTO users (email, password_hash, platform_admin, created_at) \
                             VALUES ($1, NULL, $2, $3) RETURNING *",
                        )
                        .bind(email)
                        .bind(false)
                        .bind(now())
                        .fetch_one(&mut *tx)
                        .await?;
                        (Self::user_from(&r), true)
                    }
                };
                sqlx::query(
                    "INSERT INTO oidc_identities (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(issuer)
                .bind(subject)
                .bind(user.id)
                .bind(now())
                .execute(&mut *tx)
                .await?;
                let after = serde_json::json!({
                    "id": user.id, "email": email, "issuer": issuer, "subject": subject, "created": created,
                });
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: None,
                    action: "user.link_identity".into(),
                    before: None,
                    after: Some(after.to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(user)
            }

            async fn unlink_identities(&self, user_id: i64, actor: &str) -> Result<u64> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let rows = sqlx::query("SELECT issuer, subject FROM oidc_identities WHERE user_id = $1 ORDER BY issuer, subject")
                    .bind(user_id)
                    .fetch_all(&mut *tx)
                    .await?;
                let removed: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|r| serde_json::json!({"issuer": r.get::<String, _>("issuer"), "subject": r.get::<String, _>("subject")}))
                    .collect();
                sqlx::query("DELETE FROM oidc_identities WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await?;
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: None,
                    action: "user.unlink_identities".into(),
                    before: Some(serde_json::json!({"user_id": user_id, "identities": removed}).to_string()),
                    after: Some(serde_json::json!({"user_id": user_id, "identities": []}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(removed.len() as u64)
            }

            async fn publish_release(&self, catalog_id: &str, version: &str, sources: &str, actor: &str) -> Result<bool> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let hash = content_hash(sources);
                let stored = sqlx::query("SELECT content_hash FROM catalog_releases WHERE catalog_id = $1 AND version = $2")
                    .bind(catalog_id)
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.get::<String, _>("content_hash"));
                match stored {
                    Some(h) if h == hash => return Ok(false),
                    Some(_) => {
                        return Err(StoreError::Conflict(format!(
                            "{catalog_id} {version} is published with other content"
                        )));
                    }
                    None => {}
                }
                let at = now();
                sqlx::query(
                    "INSERT INTO catalog_releases (catalog_id, version, sources, content_hash, published_at, published_by) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(catalog_id)
                .bind(version)
                .bind(sources)
                .bind(&hash)
                .bind(at)
                .bind(actor)
                .execute(&mut *tx)
                .await?;
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: None,
                    action: "catalog.publish".into(),
                    before: None,
                    after: Some(
                        serde_json::json!({"catalog_id": catalog_id, "version": version, "content_hash": hash})
                            .to_string(),
                    ),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(true)
            }

            async fn releases(&self) -> Result<Vec<ReleaseRow>> {
                let rows = sqlx::query(
                    "SELECT seq, catalog_id, version, content_hash, published_at, published_by \
                     FROM catalog_releases ORDER BY seq",
                )
                .fetch_all(&self.pool)
                .await?;
                Ok(rows
                    .iter()
                    .map(|r| ReleaseRow {
                        seq: r.get("seq"),
                        catalog_id: r.get("catalog_id"),
                        version: r.get("version"),
                        content_hash: r.get("content_hash"),
                        published_at: r.get("published_at"),
                        published_by: r.get("published_by"),
                    })
                    .collect())
            }

            async fn release_sources(&self, catalog_id: &str, version: &str) -> Result<Option<String>> {
                let r = sqlx::query("SELECT sources FROM catalog_releases WHERE catalog_id = $1 AND version = $2")
                    .bind(catalog_id)
                    .bind(version)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.map(|r| r.get("sources")))
            }

            async fn pin_release(
                &self,
                orgnr: &str,
                catalog_id: &str,
                version: &str,
                expected_version: Option<i64>,
                actor: &str,
            ) -> Result<()> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let published = sqlx::query("SELECT 1 FROM catalog_releases WHERE catalog_id = $1 AND version = $2")
                    .bind(catalog_id)
                    .bind(version)
                    .fetch_optional(&mut *tx)
                    .await?;
                if published.is_none() {
                    return Err(StoreError::NotFound(format!("catalog release {catalog_id} {version}")));
                }
                let body = sqlx::query("SELECT * FROM bodies WHERE orgnr = $1")
                    .bind(orgnr)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| Self::body_from(&r))
                    .ok_or_else(|| StoreError::NotFound(orgnr.to_string()))?;
                let current: Option<i64> = sqlx::query("SELECT version FROM workspaces WHERE orgnr = $1")
                    .bind(orgnr)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.get("version"));
                if let (Some(expected), Some(current)) = (expected_version, current)
                    && expected != current
                {
                    return Err(StoreError::VersionConflict { current, expected });
                }
                sqlx::query("UPDATE bodies SET catalog_id = $1, catalog_version = $2 WHERE orgnr = $3")
                    .bind(catalog_id)
                    .bind(version)
                    .bind(orgnr)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query(
                    "UPDATE workspaces SET version = version + 1, updated_at = $1, updated_by = $2 WHERE orgnr = $3",
                )
                .bind(now())
                .bind(actor)
                .bind(orgnr)
                .execute(&mut *tx)
                .await?;
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: Some(orgnr.into()),
                    action: "body.pin_release".into(),
                    before: Some(
                        serde_json::json!({"catalog_id": body.catalog_id, "version": body.catalog_version})
                            .to_string(),
                    ),
                    after: Some(serde_json::json!({"catalog_id": catalog_id, "version": version}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn create_risk_assessment(&self, orgnr: &str, doc: &str, actor: &str) -> Result<RiskRow> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let body = sqlx::query("SELECT 1 FROM bodies WHERE orgnr = $1")
                    .bind(orgnr)
                    .fetch_optional(&mut *tx)
                    .await?;
                if body.is_none() {
                    return Err(StoreError::NotFound(orgnr.to_string()));
                }
                let at = now();
                let r = sqlx::query(
                    "INSERT INTO risk_assessments (orgnr, doc, version, created_at, updated_at, updated_by) \
                     VALUES ($1, $2, 1, $3, $3, $4) RETURNING *",
                )
                .bind(orgnr)
                .bind(doc)
                .bind(at)
                .bind(actor)
                .fetch_one(&mut *tx)
                .await?;
                let row = Self::risk_from(&r);
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: Some(orgnr.into()),
                    action: "risk_assessment.create".into(),
                    before: None,
                    after: Some(serde_json::json!({"id": row.id, "doc": doc}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(row)
            }

            async fn risk_assessments(&self, orgnr: &str) -> Result<Vec<RiskRow>> {
                let rows = sqlx::query("SELECT * FROM risk_assessments WHERE orgnr = $1 ORDER BY id")
                    .bind(orgnr)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.iter().map(Self::risk_from).collect())
            }

            async fn risk_assessment(&self, orgnr: &str, id: i64) -> Result<Option<RiskRow>> {
                let r = sqlx::query("SELECT * FROM risk_assessments WHERE orgnr = $1 AND id = $2")
                    .bind(orgnr)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.as_ref().map(Self::risk_from))
            }

            async fn put_risk_assessment(&self, w: RiskWrite<'_>) -> Result<i64> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let old = sqlx::query("SELECT doc, version FROM risk_assessments WHERE orgnr = $1 AND id = $2")
                    .bind(w.orgnr)
                    .bind(w.id)
                    .fetch_optional(&mut *tx)
                    .await?
                    .ok_or_else(|| StoreError::NotFound(format!("risk assessment {}", w.id)))?;
                let (before, current): (String, i64) = (old.get("doc"), old.get("version"));
                if let Some(expected) = w.expected_version
                    && expected != current
                {
                    return Err(StoreError::VersionConflict { current, expected });
                }
                let version = current + 1;
                sqlx::query(
                    "UPDATE risk_assessments SET doc = $1, version = $2, updated_at = $3, updated_by = $4 \
                     WHERE orgnr = $5 AND id = $6",
                )
                .bind(w.doc)
                .bind(version)
                .bind(now())
                .bind(w.actor)
                .bind(w.orgnr)
                .bind(w.id)
                .execute(&mut *tx)
                .await?;
                let e = NewAudit {
                    actor: w.actor.into(),
                    orgnr: Some(w.orgnr.into()),
                    action: w.action.into(),
                    before: Some(serde_json::json!({"id": w.id, "doc": before}).to_string()),
                    after: Some(serde_json::json!({"id": w.id, "doc": w.doc}).to_string()),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(version)
            }

            async fn save_report_draft(&self, d: ReportDraft<'_>) -> Result<ReportRow> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                // One writer per chain also keeps two servers from numbering the same version.
                Self::lock_chain(&mut tx).await?;
                let body = sqlx::query("SELECT 1 FROM bodies WHERE orgnr = $1")
                    .bind(d.orgnr)
                    .fetch_optional(&mut *tx)
                    .await?;
                if body.is_none() {
                    return Err(StoreError::NotFound(d.orgnr.to_string()));
                }
                let latest = sqlx::query(
                    "SELECT * FROM reports WHERE orgnr = $1 AND kind = $2 AND subject = $3 \
                     ORDER BY number DESC LIMIT 1",
                )
                .bind(d.orgnr)
                .bind(d.kind)
                .bind(d.subject)
                .fetch_optional(&mut *tx)
                .await?
                .as_ref()
                .map(Self::report_from);
                let hash = content_hash(d.snapshot);
                let at = now();
                let (row, before, action) = match latest {
                    Some(old) if old.state == ReportState::Draft => {
                        let r = sqlx::query(
                            "UPDATE reports SET lang = $1, snapshot = $2, content_hash = $3, created_at = $4, \
                             created_by = $5 WHERE id = $6 RETURNING *",
                        )
                        .bind(d.lang)
                        .bind(d.snapshot)
                        .bind(&hash)
                        .bind(at)
                        .bind(d.actor)
                        .bind(old.id)
                        .fetch_one(&mut *tx)
                        .await?;
                        (Self::report_from(&r), Some(Self::report_audit(&old)), "report.draft_update")
                    }
                    latest => {
                        let number = latest.map_or(1, |r| r.number + 1);
                        let r = sqlx::query(
                            "INSERT INTO reports (orgnr, kind, subject, number, state, lang, snapshot, \
                             content_hash, created_at, created_by) \
                             VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9) RETURNING *",
                        )
                        .bind(d.orgnr)
                        .bind(d.kind)
                        .bind(d.subject)
                        .bind(number)
                        .bind(d.lang)
                        .bind(d.snapshot)
                        .bind(&hash)
                        .bind(at)
                        .bind(d.actor)
                        .fetch_one(&mut *tx)
                        .await?;
                        (Self::report_from(&r), None, "report.draft_create")
                    }
                };
                let e = NewAudit {
                    actor: d.actor.into(),
                    orgnr: Some(d.orgnr.into()),
                    action: action.into(),
                    before,
                    after: Some(Self::report_audit(&row)),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(row)
            }

            async fn update_report_draft(
                &self,
                orgnr: &str,
                id: i64,
                lang: &str,
                snapshot: &str,
                actor: &str,
            ) -> Result<ReportRow> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                Self::lock_chain(&mut tx).await?;
                let old = Self::report_tx(&mut tx, orgnr, id).await?;
                if old.state == ReportState::Final {
                    return Self::refuse_final(tx, &old, actor, "update").await;
                }
                let r = sqlx::query(
                    "UPDATE reports SET lang = $1, snapshot = $2, content_hash = $3, created_at = $4, \
                     created_by = $5 WHERE id = $6 RETURNING *",
                )
                .bind(lang)
                .bind(snapshot)
                .bind(content_hash(snapshot))
                .bind(now())
                .bind(actor)
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                let row = Self::report_from(&r);
                let e = NewAudit {
                    actor: actor.into(),
                    orgnr: Some(orgnr.into()),
                    action: "report.draft_update".into(),
                    before: Some(Self::report_audit(&old)),
                    after: Some(Self::report_audit(&row)),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(row)
            }

            async fn finalize_report(&self, orgnr: &str, id: i64, approver: &str) -> Result<ReportRow> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                Self::lock_chain(&mut tx).await?;
                let old = Self::report_tx(&mut tx, orgnr, id).await?;
                if old.state == ReportState::Final {
                    return Self::refuse_final(tx, &old, approver, "finalize").await;
                }
                // The hash is of what is stored now, not of what was stored once.
                let hash = content_hash(&old.snapshot);
                let r = sqlx::query(
                    "UPDATE reports SET state = 'final', content_hash = $1, approver = $2, approved_at = $3 \
                     WHERE id = $4 RETURNING *",
                )
                .bind(&hash)
                .bind(approver)
                .bind(now())
                .bind(id)
                .fetch_one(&mut *tx)
                .await?;
                let row = Self::report_from(&r);
                let e = NewAudit {
                    actor: approver.into(),
                    orgnr: Some(orgnr.into()),
                    action: "report.finalize".into(),
                    before: Some(Self::report_audit(&old)),
                    after: Some(Self::report_audit(&row)),
                };
                Self::audit_tx(&mut tx, &e).await?;
                tx.commit().await?;
                Ok(row)
            }

            async fn reports(&self, orgnr: &str) -> Result<Vec<ReportRow>> {
                let rows = sqlx::query("SELECT * FROM reports WHERE orgnr = $1 ORDER BY id")
                    .bind(orgnr)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.iter().map(Self::report_from).collect())
            }

            async fn report(&self, orgnr: &str, id: i64) -> Result<Option<ReportRow>> {
                let r = sqlx::query("SELECT * FROM reports WHERE orgnr = $1 AND id = $2")
                    .bind(orgnr)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await?;
                Ok(r.as_ref().map(Self::report_from))
            }

            async fn append_audit(&self, e: &NewAudit) -> Result<AuditRow> {
                let _g = self.write_guard().await;
                let mut tx = self.begin_write().await?;
                let row = Self::audit_tx(&mut tx, e).await?;
                tx.commit().await?;
                Ok(row)
            }

            async fn audit_for(&self, orgnr: &str) -> Result<Vec<AuditRow>> {
                let rows = sqlx::query("SELECT * FROM audit_log WHERE orgnr = $1 ORDER BY seq")
                    .bind(orgnr)
                    .fetch_all(&self.pool)
                    .await?;
                Ok(rows.iter().map(Self::audit_from).collect())
            }

            async fn audit_all(&self) -> Result<Vec<AuditRow>> {
                let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq").fetch_all(&self.pool).await?;
                Ok(rows.iter().map(Self::audit_from).collect())
            }

            async fn backup(&self, out: &Path) -> Result<()> {
                self.snapshot(out).await
            }
        }
    };
}

storage_impl!(SqliteStore, sqlx::Sqlite, "sqlite");
storage_impl!(PgStore, sqlx::Postgres, "postgres");
