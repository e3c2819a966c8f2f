//! Risk assessments: a body's assessments as JSON text, each with a version raised on every
//! change (the same optimistic locking as workspaces).

use super::bodies::BODY_EXISTS;
use super::{Sql, check_version, entry};
use crate::store::{Backend, Store};
use crate::{Result, RiskRow, RiskWrite, StoreError, now};
use serde_json::json;

const INSERT_RISK: &str = "INSERT INTO risk_assessments \
     (orgnr, doc, version, created_at, updated_at, updated_by) \
     VALUES ($1, $2, 1, $3, $3, $4) RETURNING *";
const SELECT_RISKS: &str = "SELECT * FROM risk_assessments WHERE orgnr = $1 ORDER BY id";
const SELECT_RISK: &str = "SELECT * FROM risk_assessments WHERE orgnr = $1 AND id = $2";
const RISK_DOC_VERSION: &str =
    "SELECT doc, version FROM risk_assessments WHERE orgnr = $1 AND id = $2";
const UPDATE_RISK: &str = "UPDATE risk_assessments \
     SET doc = $1, version = $2, updated_at = $3, updated_by = $4 WHERE orgnr = $5 AND id = $6";

pub(crate) async fn create_risk_assessment<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    doc: &str,
    actor: &str,
) -> Result<RiskRow> {
    let mut tx = s.write().await?;
    if !Sql::new(BODY_EXISTS).bind(orgnr).exists(&mut tx).await? {
        return Err(StoreError::NotFound(orgnr.to_string()));
    }
    let row: RiskRow = Sql::new(INSERT_RISK)
        .bind(orgnr)
        .bind(doc)
        .bind(now())
        .bind(actor)
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"id": row.id, "doc": doc}).to_string();
    let e = entry(
        actor,
        Some(orgnr),
        "risk_assessment.create",
        None,
        Some(after),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn risk_assessments<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
) -> Result<Vec<RiskRow>> {
    Sql::new(SELECT_RISKS).bind(orgnr).fetch_all(s).await
}

pub(crate) async fn risk_assessment<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: i64,
) -> Result<Option<RiskRow>> {
    Sql::new(SELECT_RISK)
        .bind(orgnr)
        .bind(id)
        .fetch_optional(s)
        .await
}

pub(crate) async fn put_risk_assessment<DB: Backend>(
    s: &Store<DB>,
    w: RiskWrite<'_>,
) -> Result<i64> {
    let mut tx = s.write().await?;
    let (before, current): (String, i64) = Sql::new(RISK_DOC_VERSION)
        .bind(w.orgnr)
        .bind(w.id)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("risk assessment {}", w.id)))?;
    check_version(w.expected_version, current)?;
    let version = current + 1;
    Sql::new(UPDATE_RISK)
        .bind(w.doc)
        .bind(version)
        .bind(now())
        .bind(w.actor)
        .bind(w.orgnr)
        .bind(w.id)
        .execute(&mut tx)
        .await?;
    let before = json!({"id": w.id, "doc": before}).to_string();
    let after = json!({"id": w.id, "doc": w.doc}).to_string();
    let e = entry(w.actor, Some(w.orgnr), w.action, Some(before), Some(after));
    tx.commit(&e).await?;
    Ok(version)
}
