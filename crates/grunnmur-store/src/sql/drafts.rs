//! Catalog drafts: the files with their revision, the changes and proposals, the consultation
//! round's comments, the owners' approvals, and publishing a draft as a release — each write
//! one transaction with its audit entry.

use super::releases::insert_release;
use super::{Sql, check_version, entry};
use crate::drafts::{
    ChangeState, Decision, DraftApprovalRow, DraftChange, DraftChangeRow, DraftCommentRow, DraftRow,
};
use crate::store::{Backend, Store, Write};
use crate::{Result, StoreError, now};
use serde_json::json;

const DRAFT_COLUMNS: &str = "id, catalog_id, base_version, version, rev, state, closes, \
     created_at, created_by, published_at";
const INSERT_DRAFT: &str = "INSERT INTO catalog_drafts \
     (catalog_id, base_version, version, sources, rev, state, created_at, created_by) \
     VALUES ($1, $2, $3, $4, 1, 'open', $5, $6) RETURNING id";
const DRAFT_EXISTS: &str = "SELECT 1 FROM catalog_drafts WHERE catalog_id = $1 AND version = $2";
const RELEASE_EXISTS: &str =
    "SELECT 1 FROM catalog_releases WHERE catalog_id = $1 AND version = $2";
const DRAFT_SOURCES: &str = "SELECT sources FROM catalog_drafts WHERE id = $1";
const UPDATE_SOURCES: &str = "UPDATE catalog_drafts SET sources = $1, rev = rev + 1 WHERE id = $2";
const SET_CLOSES: &str = "UPDATE catalog_drafts SET closes = $1 WHERE id = $2";
const SET_PUBLISHED: &str =
    "UPDATE catalog_drafts SET state = 'published', published_at = $1 WHERE id = $2";

const INSERT_CHANGE: &str = "INSERT INTO catalog_draft_changes \
     (draft_id, section, entry_id, owner, entry, before, reason, state, author, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *";
const SELECT_CHANGES: &str = "SELECT * FROM catalog_draft_changes WHERE draft_id = $1 ORDER BY id";
const SELECT_CHANGE: &str = "SELECT * FROM catalog_draft_changes WHERE draft_id = $1 AND id = $2";
const DECIDE_CHANGE: &str = "UPDATE catalog_draft_changes \
     SET state = $1, decided_by = $2, decided_at = $3, decision = $4 \
     WHERE id = $5 RETURNING *";

const INSERT_COMMENT: &str = "INSERT INTO catalog_draft_comments \
     (draft_id, orgnr, entry, text, author, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *";
const SELECT_COMMENTS: &str =
    "SELECT * FROM catalog_draft_comments WHERE draft_id = $1 ORDER BY id";
const ANSWER_COMMENT: &str = "UPDATE catalog_draft_comments \
     SET answer = $1, outcome = $2, answered_by = $3, answered_at = $4 \
     WHERE draft_id = $5 AND id = $6 RETURNING *";

const UPSERT_APPROVAL: &str = "INSERT INTO catalog_draft_approvals \
     (draft_id, owner, rev, approved_by, approved_at) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (draft_id, owner) DO UPDATE SET rev = excluded.rev, \
     approved_by = excluded.approved_by, approved_at = excluded.approved_at";
const SELECT_APPROVALS: &str =
    "SELECT * FROM catalog_draft_approvals WHERE draft_id = $1 ORDER BY owner";

fn select_draft() -> String {
    format!("SELECT {DRAFT_COLUMNS} FROM catalog_drafts WHERE id = $1")
}

fn select_drafts() -> String {
    format!("SELECT {DRAFT_COLUMNS} FROM catalog_drafts ORDER BY id")
}

fn not_found(id: i64) -> StoreError {
    StoreError::NotFound(format!("catalog draft {id}"))
}

/// The draft, read inside a write and refused once published: a published draft is a record.
async fn open_draft<DB: Backend>(tx: &mut Write<'_, DB>, id: i64) -> Result<DraftRow> {
    let q = select_draft();
    let row: DraftRow =
        (Sql::new(&q).bind(id).fetch_optional(&mut *tx).await?).ok_or_else(|| not_found(id))?;
    if row.is_published() {
        let what = format!("{} {} is published", row.catalog_id, row.version);
        return Err(StoreError::Conflict(what));
    }
    Ok(row)
}

pub(crate) async fn create_draft<DB: Backend>(
    s: &Store<DB>,
    catalog_id: &str,
    base_version: &str,
    version: &str,
    sources: &str,
    actor: &str,
) -> Result<DraftRow> {
    let mut tx = s.write().await?;
    for q in [DRAFT_EXISTS, RELEASE_EXISTS] {
        if Sql::new(q)
            .bind(catalog_id)
            .bind(version)
            .exists(&mut tx)
            .await?
        {
            let what = format!("{catalog_id} {version} is already a draft or a release");
            return Err(StoreError::Conflict(what));
        }
    }
    let (id,): (i64,) = Sql::new(INSERT_DRAFT)
        .bind(catalog_id)
        .bind(base_version)
        .bind(version)
        .bind(sources)
        .bind(now())
        .bind(actor)
        .fetch_one(&mut tx)
        .await?;
    let q = select_draft();
    let row: DraftRow = Sql::new(&q).bind(id).fetch_one(&mut tx).await?;
    let after = json!({"draft": id, "catalog_id": catalog_id, "base": base_version,
        "version": version});
    let e = entry(
        actor,
        None,
        "catalog.draft.create",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn drafts<DB: Backend>(s: &Store<DB>) -> Result<Vec<DraftRow>> {
    let q = select_drafts();
    Sql::new(&q).fetch_all(s).await
}

pub(crate) async fn draft<DB: Backend>(s: &Store<DB>, id: i64) -> Result<Option<DraftRow>> {
    let q = select_draft();
    Sql::new(&q).bind(id).fetch_optional(s).await
}

pub(crate) async fn draft_sources<DB: Backend>(s: &Store<DB>, id: i64) -> Result<Option<String>> {
    let r: Option<(String,)> = Sql::new(DRAFT_SOURCES).bind(id).fetch_optional(s).await?;
    Ok(r.map(|(x,)| x))
}

pub(crate) async fn change_draft<DB: Backend>(
    s: &Store<DB>,
    c: DraftChange<'_>,
    actor: &str,
) -> Result<DraftChangeRow> {
    let mut tx = s.write().await?;
    let draft = open_draft(&mut tx, c.draft_id).await?;
    let state = match c.sources {
        Some(sources) => {
            check_version(Some(c.rev), draft.rev)?;
            Sql::new(UPDATE_SOURCES)
                .bind(sources)
                .bind(c.draft_id)
                .execute(&mut tx)
                .await?;
            ChangeState::Applied
        }
        None => ChangeState::Proposed,
    };
    let row: DraftChangeRow = Sql::new(INSERT_CHANGE)
        .bind(c.draft_id)
        .bind(c.section)
        .bind(c.entry_id)
        .bind(c.owner)
        .bind(c.entry)
        .bind(c.before)
        .bind(c.reason)
        .bind(state.as_str())
        .bind(actor)
        .bind(now())
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"draft": c.draft_id, "change": row.id, "entry":
        format!("{}/{}", c.section, c.entry_id), "state": state.as_str(), "reason": c.reason});
    let e = entry(
        actor,
        None,
        "catalog.draft.change",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn decide_proposal<DB: Backend>(
    s: &Store<DB>,
    d: Decision<'_>,
    actor: &str,
) -> Result<DraftChangeRow> {
    let mut tx = s.write().await?;
    let draft = open_draft(&mut tx, d.draft_id).await?;
    let change: DraftChangeRow = Sql::new(SELECT_CHANGE)
        .bind(d.draft_id)
        .bind(d.change_id)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("proposal {}", d.change_id)))?;
    if change.state != ChangeState::Proposed.as_str() {
        let what = format!("proposal {} is already {}", change.id, change.state);
        return Err(StoreError::Conflict(what));
    }
    let state = match d.sources {
        Some(sources) => {
            check_version(Some(d.rev), draft.rev)?;
            Sql::new(UPDATE_SOURCES)
                .bind(sources)
                .bind(d.draft_id)
                .execute(&mut tx)
                .await?;
            ChangeState::Accepted
        }
        None => ChangeState::Rejected,
    };
    let row: DraftChangeRow = Sql::new(DECIDE_CHANGE)
        .bind(state.as_str())
        .bind(actor)
        .bind(now())
        .bind(d.reason)
        .bind(d.change_id)
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"draft": d.draft_id, "change": d.change_id, "state": state.as_str(),
        "reason": d.reason});
    let e = entry(
        actor,
        None,
        "catalog.draft.decide",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn draft_changes<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
) -> Result<Vec<DraftChangeRow>> {
    Sql::new(SELECT_CHANGES).bind(draft_id).fetch_all(s).await
}

pub(crate) async fn open_consultation<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
    closes: &str,
    actor: &str,
) -> Result<DraftRow> {
    let mut tx = s.write().await?;
    let before = open_draft(&mut tx, draft_id).await?;
    Sql::new(SET_CLOSES)
        .bind(closes)
        .bind(draft_id)
        .execute(&mut tx)
        .await?;
    let q = select_draft();
    let row: DraftRow = Sql::new(&q).bind(draft_id).fetch_one(&mut tx).await?;
    let e = entry(
        actor,
        None,
        "catalog.draft.consultation",
        Some(json!({"draft": draft_id, "closes": before.closes}).to_string()),
        Some(json!({"draft": draft_id, "closes": closes}).to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn add_draft_comment<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
    orgnr: &str,
    entry_key: &str,
    text: &str,
    actor: &str,
) -> Result<DraftCommentRow> {
    let mut tx = s.write().await?;
    open_draft(&mut tx, draft_id).await?;
    let row: DraftCommentRow = Sql::new(INSERT_COMMENT)
        .bind(draft_id)
        .bind(orgnr)
        .bind(entry_key)
        .bind(text)
        .bind(actor)
        .bind(now())
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"draft": draft_id, "comment": row.id, "entry": entry_key, "text": text});
    let e = entry(
        actor,
        Some(orgnr),
        "catalog.draft.comment",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn answer_draft_comment<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
    comment_id: i64,
    answer: &str,
    outcome: &str,
    actor: &str,
) -> Result<DraftCommentRow> {
    let mut tx = s.write().await?;
    open_draft(&mut tx, draft_id).await?;
    let row: DraftCommentRow = Sql::new(ANSWER_COMMENT)
        .bind(answer)
        .bind(outcome)
        .bind(actor)
        .bind(now())
        .bind(draft_id)
        .bind(comment_id)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("comment {comment_id}")))?;
    let after = json!({"draft": draft_id, "comment": comment_id, "answer": answer,
        "outcome": outcome});
    let e = entry(
        actor,
        Some(&row.orgnr),
        "catalog.draft.answer",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn draft_comments<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
) -> Result<Vec<DraftCommentRow>> {
    Sql::new(SELECT_COMMENTS).bind(draft_id).fetch_all(s).await
}

pub(crate) async fn approve_draft<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
    owner: &str,
    rev: i64,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let draft = open_draft(&mut tx, draft_id).await?;
    check_version(Some(rev), draft.rev)?;
    Sql::new(UPSERT_APPROVAL)
        .bind(draft_id)
        .bind(owner)
        .bind(rev)
        .bind(actor)
        .bind(now())
        .execute(&mut tx)
        .await?;
    let after = json!({"draft": draft_id, "owner": owner, "rev": rev});
    let e = entry(
        actor,
        None,
        "catalog.draft.approve",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn draft_approvals<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
) -> Result<Vec<DraftApprovalRow>> {
    Sql::new(SELECT_APPROVALS).bind(draft_id).fetch_all(s).await
}

pub(crate) async fn publish_draft<DB: Backend>(
    s: &Store<DB>,
    draft_id: i64,
    rev: i64,
    actor: &str,
) -> Result<DraftRow> {
    let mut tx = s.write().await?;
    let draft = open_draft(&mut tx, draft_id).await?;
    check_version(Some(rev), draft.rev)?;
    let (sources,): (String,) = Sql::new(DRAFT_SOURCES)
        .bind(draft_id)
        .fetch_one(&mut tx)
        .await?;
    insert_release(&mut tx, &draft.catalog_id, &draft.version, &sources, actor).await?;
    Sql::new(SET_PUBLISHED)
        .bind(now())
        .bind(draft_id)
        .execute(&mut tx)
        .await?;
    let q = select_draft();
    let row: DraftRow = Sql::new(&q).bind(draft_id).fetch_one(&mut tx).await?;
    let after = json!({"draft": draft_id, "catalog_id": draft.catalog_id,
        "version": draft.version, "rev": rev});
    let e = entry(
        actor,
        None,
        "catalog.draft.publish",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}
