//! Bodies and their workspaces: the body file as JSON text, with a version raised on every
//! change.

use super::{Sql, check_version, entry};
use crate::store::{Backend, Store, Write};
use crate::{BodyRow, Result, StoreError, WorkspaceRow, WorkspaceWrite, now};

pub(crate) const BODY_EXISTS: &str = "SELECT 1 FROM bodies WHERE orgnr = $1";
pub(crate) const SELECT_BODY: &str = "SELECT * FROM bodies WHERE orgnr = $1";
const SELECT_BODIES: &str = "SELECT * FROM bodies ORDER BY name, orgnr";
const INSERT_BODY: &str = "INSERT INTO bodies \
     (orgnr, name, kind, sectors, catalog_id, catalog_version, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

const SELECT_WORKSPACE: &str = "SELECT * FROM workspaces WHERE orgnr = $1";
pub(crate) const WORKSPACE_VERSION: &str = "SELECT version FROM workspaces WHERE orgnr = $1";
const WORKSPACE_DOC_VERSION: &str = "SELECT doc, version FROM workspaces WHERE orgnr = $1";
const UPSERT_WORKSPACE: &str = "INSERT INTO workspaces \
     (orgnr, doc, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (orgnr) DO UPDATE SET doc = excluded.doc, version = excluded.version, \
     updated_at = excluded.updated_at, updated_by = excluded.updated_by";

/// A body as stored: the sectors are a JSON array.
#[derive(sqlx::FromRow)]
pub(crate) struct BodyRecord {
    orgnr: String,
    name: String,
    kind: String,
    sectors: String,
    catalog_id: String,
    catalog_version: String,
    created_at: i64,
}

impl From<BodyRecord> for BodyRow {
    fn from(r: BodyRecord) -> Self {
        BodyRow {
            orgnr: r.orgnr,
            name: r.name,
            kind: r.kind,
            sectors: serde_json::from_str(&r.sectors).unwrap_or_default(),
            catalog_id: r.catalog_id,
            catalog_version: r.catalog_version,
            created_at: r.created_at,
        }
    }
}

pub(crate) async fn create_body<DB: Backend>(
    s: &Store<DB>,
    b: &BodyRow,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    if Sql::new(BODY_EXISTS).bind(&b.orgnr).exists(&mut tx).await? {
        return Err(StoreError::Conflict(b.orgnr.clone()));
    }
    let sectors = serde_json::to_string(&b.sectors).unwrap_or_default();
    Sql::new(INSERT_BODY)
        .bind(&b.orgnr)
        .bind(&b.name)
        .bind(&b.kind)
        .bind(&sectors)
        .bind(&b.catalog_id)
        .bind(&b.catalog_version)
        .bind(b.created_at)
        .execute(&mut tx)
        .await?;
    let after = serde_json::to_string(b).ok();
    tx.commit(&entry(actor, Some(&b.orgnr), "body.create", None, after))
        .await?;
    Ok(())
}

pub(crate) async fn body<DB: Backend>(s: &Store<DB>, orgnr: &str) -> Result<Option<BodyRow>> {
    let r: Option<BodyRecord> = Sql::new(SELECT_BODY).bind(orgnr).fetch_optional(s).await?;
    Ok(r.map(BodyRow::from))
}

pub(crate) async fn bodies<DB: Backend>(s: &Store<DB>) -> Result<Vec<BodyRow>> {
    let rows: Vec<BodyRecord> = Sql::new(SELECT_BODIES).fetch_all(s).await?;
    Ok(rows.into_iter().map(BodyRow::from).collect())
}

pub(crate) async fn workspace<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
) -> Result<Option<WorkspaceRow>> {
    Sql::new(SELECT_WORKSPACE)
        .bind(orgnr)
        .fetch_optional(s)
        .await
}

pub(crate) async fn workspace_version<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
) -> Result<Option<i64>> {
    let r: Option<(i64,)> = Sql::new(WORKSPACE_VERSION)
        .bind(orgnr)
        .fetch_optional(s)
        .await?;
    Ok(r.map(|(v,)| v))
}

pub(crate) async fn put_workspace<DB: Backend>(
    s: &Store<DB>,
    w: WorkspaceWrite<'_>,
) -> Result<i64> {
    let mut tx = s.write().await?;
    let (version, before) = write_workspace(&mut tx, &w).await?;
    let e = entry(w.actor, Some(w.orgnr), w.action, before, Some(w.doc.into()));
    tx.commit(&e).await?;
    Ok(version)
}

/// The workspace write inside a transaction: checks the body and the version, stores the
/// document. Returns the new version and the document before (for the audit entry).
pub(crate) async fn write_workspace<DB: Backend>(
    tx: &mut Write<'_, DB>,
    w: &WorkspaceWrite<'_>,
) -> Result<(i64, Option<String>)> {
    if !Sql::new(BODY_EXISTS).bind(w.orgnr).exists(&mut *tx).await? {
        return Err(StoreError::NotFound(w.orgnr.to_string()));
    }
    let old: Option<(String, i64)> = Sql::new(WORKSPACE_DOC_VERSION)
        .bind(w.orgnr)
        .fetch_optional(&mut *tx)
        .await?;
    let (before, current) = match old {
        Some((doc, version)) => (Some(doc), version),
        None => (None, 0),
    };
    check_version(w.expected_version, current)?;
    let version = current + 1;
    Sql::new(UPSERT_WORKSPACE)
        .bind(w.orgnr)
        .bind(w.doc)
        .bind(version)
        .bind(now())
        .bind(w.actor)
        .execute(&mut *tx)
        .await?;
    Ok((version, before))
}
