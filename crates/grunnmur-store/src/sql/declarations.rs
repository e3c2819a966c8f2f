//! Suppliers' declarations: every version kept, the latest counts, a withdrawal is a version of
//! its own. Only the organisation that first published an id publishes its next versions.

use super::{Sql, entry};
use crate::store::{Backend, Store};
use crate::{DeclarationRow, Result, StoreError, content_hash, now};
use serde_json::json;

const COLUMNS: &str = "seq, id, version, orgnr, doc, content_hash, published_at, published_by";

fn latest_of_each() -> String {
    format!(
        "SELECT {COLUMNS} FROM declarations d \
         WHERE version = (SELECT MAX(version) FROM declarations x WHERE x.id = d.id) ORDER BY id"
    )
}

fn versions_of() -> String {
    format!("SELECT {COLUMNS} FROM declarations WHERE id = $1 ORDER BY version")
}

fn latest_of() -> String {
    format!("SELECT {COLUMNS} FROM declarations WHERE id = $1 ORDER BY version DESC LIMIT 1")
}

const INSERT: &str = "INSERT INTO declarations \
     (id, version, orgnr, doc, content_hash, published_at, published_by) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
/// Raised by every publication: the caches' key.
const GENERATION: &str = "SELECT COALESCE(MAX(seq), 0) FROM declarations";

/// Publishes `doc` as the next version of declaration `id` for `orgnr`; `withdraw` records it
/// as a withdrawal. The same content as the latest version is no new version.
pub(crate) async fn publish_declaration<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    id: &str,
    doc: &str,
    withdraw: bool,
    actor: &str,
) -> Result<DeclarationRow> {
    let mut tx = s.write().await?;
    let latest: Option<DeclarationRow> = Sql::new(&latest_of())
        .bind(id)
        .fetch_optional(&mut tx)
        .await?;
    let hash = content_hash(doc);
    let version = match &latest {
        Some(l) if l.orgnr != orgnr => {
            return Err(StoreError::Conflict(format!(
                "declaration {id} is published by another organisation"
            )));
        }
        Some(l) if l.content_hash == hash => return Ok(l.clone()),
        Some(l) => l.version + 1,
        None if withdraw => return Err(StoreError::NotFound(format!("declaration {id}"))),
        None => 1,
    };
    let at = now();
    Sql::new(INSERT)
        .bind(id)
        .bind(version)
        .bind(orgnr)
        .bind(doc)
        .bind(&hash)
        .bind(at)
        .bind(actor)
        .execute(&mut tx)
        .await?;
    let row: DeclarationRow = Sql::new(&latest_of()).bind(id).fetch_one(&mut tx).await?;
    let action = if withdraw {
        "declaration.withdraw"
    } else {
        "declaration.publish"
    };
    let before = latest.map(|l| json!({"id": id, "version": l.version}).to_string());
    let after = json!({"id": id, "version": version, "content_hash": hash});
    let e = entry(actor, Some(orgnr), action, before, Some(after.to_string()));
    tx.commit(&e).await?;
    Ok(row)
}

pub(crate) async fn declarations<DB: Backend>(s: &Store<DB>) -> Result<Vec<DeclarationRow>> {
    Sql::new(&latest_of_each()).fetch_all(s).await
}

pub(crate) async fn declaration_versions<DB: Backend>(
    s: &Store<DB>,
    id: &str,
) -> Result<Vec<DeclarationRow>> {
    Sql::new(&versions_of()).bind(id).fetch_all(s).await
}

pub(crate) async fn declarations_generation<DB: Backend>(s: &Store<DB>) -> Result<i64> {
    let (n,): (i64,) = Sql::new(GENERATION).fetch_one(s).await?;
    Ok(n)
}
