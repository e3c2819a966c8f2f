//! Report versions: a series per body, kind and subject, numbered 1, 2, 3, …; the latest may
//! be a draft, every earlier one is final. A final report never changes: the attempt is
//! refused and written to the audit log.

use super::bodies::BODY_EXISTS;
use super::{Sql, entry};
use crate::store::{Backend, Store, Write};
use crate::{ReportDraft, ReportRow, ReportState, Result, StoreError, content_hash, now};
use serde_json::json;

const SELECT_REPORT: &str = "SELECT * FROM reports WHERE orgnr = $1 AND id = $2";
const SELECT_REPORTS: &str = "SELECT * FROM reports WHERE orgnr = $1 ORDER BY id";
const LATEST_IN_SERIES: &str = "SELECT * FROM reports \
     WHERE orgnr = $1 AND kind = $2 AND subject = $3 ORDER BY number DESC LIMIT 1";
const UPDATE_DRAFT: &str = "UPDATE reports \
     SET lang = $1, snapshot = $2, content_hash = $3, created_at = $4, created_by = $5 \
     WHERE id = $6 RETURNING *";
const INSERT_DRAFT: &str = "INSERT INTO reports \
     (orgnr, kind, subject, number, state, lang, snapshot, content_hash, created_at, created_by) \
     VALUES ($1, $2, $3, $4, 'draft', $5, $6, $7, $8, $9) RETURNING *";
const FINALIZE: &str = "UPDATE reports \
     SET state = 'final', content_hash = $1, approver = $2, approved_at = $3 \
     WHERE id = $4 RETURNING *";

/// What the audit log keeps of a report: everything but the snapshot, which the hash stands
/// for.
fn report_audit(r: &ReportRow) -> String {
    serde_json::to_string(r).unwrap_or_default()
}

/// A draft's new content (language and snapshot) from an author.
struct Content<'a> {
    lang: &'a str,
    snapshot: &'a str,
    actor: &'a str,
}

/// Replaces a draft's content, its hash, time and author.
async fn update_draft<DB: Backend>(
    tx: &mut Write<'_, DB>,
    id: i64,
    c: Content<'_>,
) -> Result<ReportRow> {
    Sql::new(UPDATE_DRAFT)
        .bind(c.lang)
        .bind(c.snapshot)
        .bind(content_hash(c.snapshot).as_str())
        .bind(now())
        .bind(c.actor)
        .bind(id)
        .fetch_one(tx)
        .await
}

/// Opens a write on one of the body's drafts. A final report is refused: the attempt is
/// written to the audit log (committed, though the change is not).
async fn open_draft<'s, DB: Backend>(
    s: &'s Store<DB>,
    orgnr: &str,
    id: i64,
    actor: &str,
    attempt: &str,
) -> Result<(Write<'s, DB>, ReportRow)> {
    let mut tx = s.write().await?;
    let old: Option<ReportRow> = Sql::new(SELECT_REPORT)
        .bind(orgnr)
        .bind(id)
        .fetch_optional(&mut tx)
        .await?;
    let old = old.ok_or_else(|| StoreError::NotFound(format!("report {id}")))?;
    if old.state == ReportState::Final {
        let after = json!({"attempt": attempt}).to_string();
        let before = Some(report_audit(&old));
        let e = entry(
            actor,
            Some(&old.orgnr),
            "report.change_refused",
            before,
            Some(after),
        );
        tx.commit(&e).await?;
        return Err(StoreError::Immutable(format!("report {} is final", old.id)));
    }
    Ok((tx, old))
}

pub(crate) async fn save_report_draft<DB: Backend>(
    s: &Store<DB>,
    d: ReportDraft<'_>,
) -> Result<ReportRow> {
    // The write lock also keeps two servers from numbering the same version.
    let mut tx = s.write().await?;
    if !Sql::new(BODY_EXISTS).bind(d.orgnr).exists(&mut tx).await? {
        return Err(StoreError::NotFound(d.orgnr.to_string()));
    }
    let latest: Option<ReportRow> = Sql::new(LATEST_IN_SERIES)
        .bind(d.orgnr)
        .bind(d.kind)
        .bind(d.subject)
        .fetch_optional(&mut tx)
        .await?;
    let (row, before, action) = match latest {
        Some(old) if old.state == ReportState::Draft => {
            let content = Content {
                lang: d.lang,
                snapshot: d.snapshot,
                actor: d.actor,
            };
            let row = update_draft(&mut tx, old.id, content).await?;
            (row, Some(report_audit(&old)), "report.draft_update")
        }
        latest => {
            let number = latest.map_or(1, |r| r.number + 1);
            let row = Sql::new(INSERT_DRAFT)
                .bind(d.orgnr)
                .bind(d.kind)
                .bind(d.subject)
                .bind(number)
                .bind(d.lang)
                .bind(d.snapshot)
                .bind(content_hash(d.snapshot).as_str())
                .bind(now())
                .bind(d.actor)
                .fetch_one(&mut tx)
                .await?;
            (row, None, "report.draft_create")
        }
    };
    let after = Some(report_audit(&row));
    tx.commit(&entry(d.actor, Some(d.orgnr), action, before, after))
        .await?;
    Ok(row)
}

pub(crate) async fn update_report_draft<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: i64,
    lang: &str,
    snapshot: &str,
    actor: &str,
) -> Result<ReportRow> {
    let (mut tx, old) = open_draft(s, orgnr, id, actor, "update").await?;
    let content = Content {
        lang,
        snapshot,
        actor,
    };
    let row = update_draft(&mut tx, id, content).await?;
    let (before, after) = (Some(report_audit(&old)), Some(report_audit(&row)));
    let e = entry(actor, Some(orgnr), "report.draft_update", before, after);
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn finalize_report<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: i64,
    approver: &str,
) -> Result<ReportRow> {
    let (mut tx, old) = open_draft(s, orgnr, id, approver, "finalize").await?;
    // The hash is of what is stored now, not of what was stored once.
    let row: ReportRow = Sql::new(FINALIZE)
        .bind(content_hash(&old.snapshot).as_str())
        .bind(approver)
        .bind(now())
        .bind(id)
        .fetch_one(&mut tx)
        .await?;
    let (before, after) = (Some(report_audit(&old)), Some(report_audit(&row)));
    let e = entry(approver, Some(orgnr), "report.finalize", before, after);
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn reports<DB: Backend>(s: &Store<DB>, orgnr: &str) -> Result<Vec<ReportRow>> {
    Sql::new(SELECT_REPORTS).bind(orgnr).fetch_all(s).await
}

pub(crate) async fn report<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: i64,
) -> Result<Option<ReportRow>> {
    Sql::new(SELECT_REPORT)
        .bind(orgnr)
        .bind(id)
        .fetch_optional(s)
        .await
}
