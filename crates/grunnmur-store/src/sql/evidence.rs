//! Evidence files, comments, workbooks waiting to be applied, and the digest's subscriptions. A file is stored together with the workspace version that links
//! it (and removed together with the one that no longer does), so a status never points at a
//! file that is not there, and a file never outlives its link unnoticed.

use super::bodies::write_workspace;
use super::{Sql, entry};
use crate::store::{Backend, Store};
use crate::{
    CommentRow, EvidenceFileRow, NewEvidenceFile, PendingImportRow, Result, StoreError,
    WorkspaceWrite, content_hash_bytes, now,
};
use serde_json::json;

const FILE_COLUMNS: &str =
    "id, orgnr, object, name, content_type, size, sha256, uploaded_by, uploaded_at";

const INSERT_FILE: &str = "INSERT INTO evidence_files \
     (id, orgnr, object, name, content_type, size, sha256, data, uploaded_by, uploaded_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const DELETE_FILE: &str = "DELETE FROM evidence_files WHERE orgnr = $1 AND id = $2";
const INSERT_COMMENT: &str = "INSERT INTO comments (orgnr, object, author, text, created_at) \
     VALUES ($1, $2, $3, $4, $5) RETURNING id, orgnr, object, author, text, created_at";

pub(crate) async fn attach<DB: Backend>(
    s: &Store<DB>,
    f: NewEvidenceFile<'_>,
    w: WorkspaceWrite<'_>,
) -> Result<i64> {
    let mut tx = s.write().await?;
    let (version, before) = write_workspace(&mut tx, &w).await?;
    let sha = content_hash_bytes(f.data);
    Sql::new(INSERT_FILE)
        .bind(f.id)
        .bind(w.orgnr)
        .bind(f.object)
        .bind(f.name)
        .bind(f.content_type)
        .bind(f.data.len() as i64)
        .bind(&sha)
        .bind(f.data)
        .bind(w.actor)
        .bind(now())
        .execute(&mut tx)
        .await?;
    // The entry is the workspace change (the link names the file), like any other: the
    // history reads it in words.
    let e = entry(w.actor, Some(w.orgnr), w.action, before, Some(w.doc.into()));
    tx.commit(&e).await?;
    Ok(version)
}

pub(crate) async fn remove<DB: Backend>(
    s: &Store<DB>,
    id: &str,
    w: WorkspaceWrite<'_>,
) -> Result<i64> {
    let mut tx = s.write().await?;
    let sql = format!("SELECT {FILE_COLUMNS} FROM evidence_files WHERE orgnr = $1 AND id = $2");
    let old: Option<EvidenceFileRow> = Sql::new(&sql)
        .bind(w.orgnr)
        .bind(id)
        .fetch_optional(&mut tx)
        .await?;
    if old.is_none() {
        return Err(StoreError::NotFound(format!("evidence file {id}")));
    }
    let (version, before) = write_workspace(&mut tx, &w).await?;
    Sql::new(DELETE_FILE)
        .bind(w.orgnr)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let e = entry(w.actor, Some(w.orgnr), w.action, before, Some(w.doc.into()));
    tx.commit(&e).await?;
    Ok(version)
}

pub(crate) async fn files<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    object: Option<&str>,
) -> Result<Vec<EvidenceFileRow>> {
    match object {
        Some(o) => {
            let sql = format!(
                "SELECT {FILE_COLUMNS} FROM evidence_files WHERE orgnr = $1 AND object = $2 \
                 ORDER BY uploaded_at, id"
            );
            Sql::new(&sql).bind(orgnr).bind(o).fetch_all(s).await
        }
        None => {
            let sql = format!(
                "SELECT {FILE_COLUMNS} FROM evidence_files WHERE orgnr = $1 \
                 ORDER BY uploaded_at, id"
            );
            Sql::new(&sql).bind(orgnr).fetch_all(s).await
        }
    }
}

#[derive(sqlx::FromRow)]
struct Content {
    data: Vec<u8>,
}

pub(crate) async fn file<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: &str,
) -> Result<Option<(EvidenceFileRow, Vec<u8>)>> {
    let sql = format!("SELECT {FILE_COLUMNS} FROM evidence_files WHERE orgnr = $1 AND id = $2");
    let row: Option<EvidenceFileRow> = Sql::new(&sql)
        .bind(orgnr)
        .bind(id)
        .fetch_optional(s)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let c: Content = Sql::new("SELECT data FROM evidence_files WHERE orgnr = $1 AND id = $2")
        .bind(orgnr)
        .bind(id)
        .fetch_one(s)
        .await?;
    Ok(Some((row, c.data)))
}

pub(crate) async fn add_comment<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    object: &str,
    text: &str,
    actor: &str,
) -> Result<CommentRow> {
    let mut tx = s.write().await?;
    if !Sql::new(super::bodies::BODY_EXISTS)
        .bind(orgnr)
        .exists(&mut tx)
        .await?
    {
        return Err(StoreError::NotFound(orgnr.to_string()));
    }
    let row: CommentRow = Sql::new(INSERT_COMMENT)
        .bind(orgnr)
        .bind(object)
        .bind(actor)
        .bind(text)
        .bind(now())
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"id": row.id, "object": object, "text": text});
    let e = entry(
        actor,
        Some(orgnr),
        "comment.add",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn comments<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    object: Option<&str>,
) -> Result<Vec<CommentRow>> {
    const COLS: &str = "id, orgnr, object, author, text, created_at";
    match object {
        Some(o) => {
            let sql =
                format!("SELECT {COLS} FROM comments WHERE orgnr = $1 AND object = $2 ORDER BY id");
            Sql::new(&sql).bind(orgnr).bind(o).fetch_all(s).await
        }
        None => {
            let sql = format!("SELECT {COLS} FROM comments WHERE orgnr = $1 ORDER BY id");
            Sql::new(&sql).bind(orgnr).fetch_all(s).await
        }
    }
}

const PENDING_COLUMNS: &str = "id, orgnr, doc, base_version, created_by, created_at";
/// How long a workbook waits to be applied.
const PENDING_SECONDS: i64 = 24 * 3600;

pub(crate) async fn save_pending_import<DB: Backend>(
    s: &Store<DB>,
    r: &PendingImportRow,
) -> Result<()> {
    // Not a change to the body's data (nothing is applied yet): no audit entry.
    Sql::new("DELETE FROM workbook_imports WHERE orgnr = $1 AND created_at < $2")
        .bind(r.orgnr.as_str())
        .bind(now() - PENDING_SECONDS)
        .execute(s)
        .await?;
    Sql::new(
        "INSERT INTO workbook_imports (id, orgnr, doc, base_version, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(r.id.as_str())
    .bind(r.orgnr.as_str())
    .bind(r.doc.as_str())
    .bind(r.base_version)
    .bind(r.created_by.as_str())
    .bind(r.created_at)
    .execute(s)
    .await
}

pub(crate) async fn pending_import<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: &str,
) -> Result<Option<PendingImportRow>> {
    let sql = format!(
        "SELECT {PENDING_COLUMNS} FROM workbook_imports WHERE orgnr = $1 AND id = $2 \
         AND created_at >= $3"
    );
    Sql::new(&sql)
        .bind(orgnr)
        .bind(id)
        .bind(now() - PENDING_SECONDS)
        .fetch_optional(s)
        .await
}

pub(crate) async fn apply_pending_import<DB: Backend>(
    s: &Store<DB>,
    id: &str,
    w: WorkspaceWrite<'_>,
) -> Result<i64> {
    let mut tx = s.write().await?;
    let exists = Sql::new("SELECT 1 FROM workbook_imports WHERE orgnr = $1 AND id = $2")
        .bind(w.orgnr)
        .bind(id)
        .exists(&mut tx)
        .await?;
    if !exists {
        return Err(StoreError::NotFound(format!("workbook import {id}")));
    }
    let (version, before) = write_workspace(&mut tx, &w).await?;
    Sql::new("DELETE FROM workbook_imports WHERE orgnr = $1 AND id = $2")
        .bind(w.orgnr)
        .bind(id)
        .execute(&mut tx)
        .await?;
    let e = entry(w.actor, Some(w.orgnr), w.action, before, Some(w.doc.into()));
    tx.commit(&e).await?;
    Ok(version)
}

pub(crate) async fn digest_subscription<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    new_token: &str,
) -> Result<(String, bool)> {
    const SELECT: &str = "SELECT token, enabled FROM digest_subscriptions WHERE user_id = $1";
    if let Some(r) = Sql::new(SELECT).bind(user_id).fetch_optional(s).await? {
        return Ok(r);
    }
    Sql::new(
        "INSERT INTO digest_subscriptions (user_id, token, enabled, changed_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(new_token)
    .bind(true)
    .bind(now())
    .execute(s)
    .await?;
    Sql::new(SELECT).bind(user_id).fetch_one(s).await
}

pub(crate) async fn set_digest<DB: Backend>(
    s: &Store<DB>,
    token: &str,
    enabled: bool,
) -> Result<Option<String>> {
    let mut tx = s.write().await?;
    let who: Option<(i64, String, bool)> = Sql::new(
        "SELECT u.id, u.email, d.enabled FROM digest_subscriptions d \
         JOIN users u ON u.id = d.user_id WHERE d.token = $1",
    )
    .bind(token)
    .fetch_optional(&mut tx)
    .await?;
    let Some((id, email, was)) = who else {
        return Ok(None);
    };
    Sql::new("UPDATE digest_subscriptions SET enabled = $1, changed_at = $2 WHERE user_id = $3")
        .bind(enabled)
        .bind(now())
        .bind(id)
        .execute(&mut tx)
        .await?;
    let action = if enabled {
        "digest.subscribe"
    } else {
        "digest.unsubscribe"
    };
    let e = entry(
        &email,
        None,
        action,
        Some(json!({"enabled": was}).to_string()),
        Some(json!({"enabled": enabled}).to_string()),
    );
    tx.commit(&e).await?;
    Ok(Some(email))
}

pub(crate) async fn claim_digest_day<DB: Backend>(s: &Store<DB>, day: &str) -> Result<bool> {
    let r: Option<(String,)> = Sql::new(
        "INSERT INTO digest_runs (day, sent_at) VALUES ($1, $2) \
         ON CONFLICT (day) DO NOTHING RETURNING day",
    )
    .bind(day)
    .bind(now())
    .fetch_optional(s)
    .await?;
    Ok(r.is_some())
}
