//! Catalog releases (the catalog's files as published; never changed) and pinning a body to
//! one.

use super::bodies::{BodyRecord, SELECT_BODY, WORKSPACE_VERSION};
use super::{Sql, check_version, entry};
use crate::store::{Backend, Store, Write};
use crate::{BodyRow, ReleaseRow, Result, StoreError, content_hash, now};
use serde_json::json;

const RELEASE_HASH: &str =
    "SELECT content_hash FROM catalog_releases WHERE catalog_id = $1 AND version = $2";
const RELEASE_EXISTS: &str =
    "SELECT 1 FROM catalog_releases WHERE catalog_id = $1 AND version = $2";
const RELEASE_SOURCES: &str =
    "SELECT sources FROM catalog_releases WHERE catalog_id = $1 AND version = $2";
const INSERT_RELEASE: &str = "INSERT INTO catalog_releases \
     (catalog_id, version, sources, content_hash, published_at, published_by) \
     VALUES ($1, $2, $3, $4, $5, $6)";
/// Every release without its files, in publication order.
const SELECT_RELEASES: &str = "SELECT seq, catalog_id, version, content_hash, published_at, \
     published_by FROM catalog_releases ORDER BY seq";

const PIN_BODY: &str = "UPDATE bodies SET catalog_id = $1, catalog_version = $2 WHERE orgnr = $3";
/// A pin changes what the workspace resolves to: every server's cache must see it.
const RAISE_WORKSPACE_VERSION: &str = "UPDATE workspaces \
     SET version = version + 1, updated_at = $1, updated_by = $2 WHERE orgnr = $3";

pub(crate) async fn publish_release<DB: Backend>(
    s: &Store<DB>,
    catalog_id: &str,
    version: &str,
    sources: &str,
    actor: &str,
) -> Result<bool> {
    let mut tx = s.write().await?;
    let Some(hash) = insert_release(&mut tx, catalog_id, version, sources, actor).await? else {
        return Ok(false);
    };
    let after = json!({"catalog_id": catalog_id, "version": version, "content_hash": hash});
    let e = entry(
        actor,
        None,
        "catalog.publish",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(true)
}

/// Inserts a release inside a write and returns its content hash; `None` when the same files
/// are already published under the version, a [`StoreError::Conflict`] when others are.
pub(crate) async fn insert_release<DB: Backend>(
    tx: &mut Write<'_, DB>,
    catalog_id: &str,
    version: &str,
    sources: &str,
    actor: &str,
) -> Result<Option<String>> {
    let hash = content_hash(sources);
    let stored: Option<(String,)> = Sql::new(RELEASE_HASH)
        .bind(catalog_id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?;
    match stored {
        Some((h,)) if h == hash => return Ok(None),
        Some(_) => {
            return Err(StoreError::Conflict(format!(
                "{catalog_id} {version} is published with other content"
            )));
        }
        None => {}
    }
    Sql::new(INSERT_RELEASE)
        .bind(catalog_id)
        .bind(version)
        .bind(sources)
        .bind(&hash)
        .bind(now())
        .bind(actor)
        .execute(&mut *tx)
        .await?;
    Ok(Some(hash))
}

pub(crate) async fn releases<DB: Backend>(s: &Store<DB>) -> Result<Vec<ReleaseRow>> {
    Sql::new(SELECT_RELEASES).fetch_all(s).await
}

pub(crate) async fn release_sources<DB: Backend>(
    s: &Store<DB>,
    catalog_id: &str,
    version: &str,
) -> Result<Option<String>> {
    let r: Option<(String,)> = Sql::new(RELEASE_SOURCES)
        .bind(catalog_id)
        .bind(version)
        .fetch_optional(s)
        .await?;
    Ok(r.map(|(sources,)| sources))
}

pub(crate) async fn pin_release<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
    catalog_id: &str,
    version: &str,
    expected_version: Option<i64>,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let published = Sql::new(RELEASE_EXISTS)
        .bind(catalog_id)
        .bind(version)
        .exists(&mut tx)
        .await?;
    if !published {
        let what = format!("catalog release {catalog_id} {version}");
        return Err(StoreError::NotFound(what));
    }
    let body: Option<BodyRecord> = Sql::new(SELECT_BODY)
        .bind(orgnr)
        .fetch_optional(&mut tx)
        .await?;
    let body = BodyRow::from(body.ok_or_else(|| StoreError::NotFound(orgnr.to_string()))?);
    let current: Option<(i64,)> = Sql::new(WORKSPACE_VERSION)
        .bind(orgnr)
        .fetch_optional(&mut tx)
        .await?;
    // A body without a workspace yet has no version to check.
    if let Some((current,)) = current {
        check_version(expected_version, current)?;
    }
    Sql::new(PIN_BODY)
        .bind(catalog_id)
        .bind(version)
        .bind(orgnr)
        .execute(&mut tx)
        .await?;
    Sql::new(RAISE_WORKSPACE_VERSION)
        .bind(now())
        .bind(actor)
        .bind(orgnr)
        .execute(&mut tx)
        .await?;
    let before = json!({"catalog_id": body.catalog_id, "version": body.catalog_version});
    let after = json!({"catalog_id": catalog_id, "version": version});
    let e = entry(
        actor,
        Some(orgnr),
        "body.pin_release",
        Some(before.to_string()),
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}
