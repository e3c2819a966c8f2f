//! Catalog releases over HTTP. A guidance body publishes a release (the catalog's files, checked
//! like any catalog, never changed after); each body is pinned to one release and moves to
//! another when its administrator chooses, after seeing what changes — and only if its
//! workspace still fits the new release.

use crate::auth::{Admin, Caller, Member, Reader};
use crate::error::{ApiError, ErrorBody, parse_json};
use crate::ops;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::diff::{CatalogDiff, diff};
use grunnmur_catalog::format::OwnerDoc;
use grunnmur_catalog::{CheckedCatalog, Source, check_catalog};
use grunnmur_store::ReleaseRow;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// These routes, each with its OpenAPI operation (merged into [`crate::api::api`]).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_releases, publish_release))
        .routes(routes!(get_release))
        .routes(routes!(body_release, pin_body_release))
        .routes(routes!(body_release_impact))
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReleaseInfo {
    pub catalog_id: String,
    pub version: String,
    /// SHA-256 of the release's files as published, hex.
    pub content_hash: String,
    pub published_at: i64,
    pub published_by: String,
    /// The release this server was started with: new bodies are pinned to it.
    pub current: bool,
}

fn info(s: &AppState, r: ReleaseRow) -> ReleaseInfo {
    let own = &s.catalog.catalog;
    ReleaseInfo {
        current: own.id == r.catalog_id && own.version == r.version,
        catalog_id: r.catalog_id,
        version: r.version,
        content_hash: r.content_hash,
        published_at: r.published_at,
        published_by: r.published_by,
    }
}

/// Publishes a catalog's files as a release. The same files under the same version again is
/// not an error (nothing changes); other files under a published version are refused.
pub async fn publish(
    s: &AppState,
    files: &[Source],
    actor: &str,
) -> Result<(bool, ReleaseInfo), ApiError> {
    let (checked, problems) = check_catalog(files);
    let Some(checked) = checked else {
        return Err(ApiError::Invalid(problems));
    };
    let (id, version) = (&checked.catalog.id, &checked.catalog.version);
    let text = serde_json::to_string(files).map_err(|e| ApiError::Internal(e.to_string()))?;
    let new = s.store.publish_release(id, version, &text, actor).await?;
    let row = s
        .store
        .releases()
        .await?
        .into_iter()
        .find(|r| &r.catalog_id == id && &r.version == version)
        .ok_or_else(|| ApiError::Internal(format!("release {id} {version} after publishing")))?;
    Ok((new, info(s, row)))
}

#[utoipa::path(get, path = "/api/catalog/releases", tag = "catalog",
    responses((status = 200, description = "Every published release, oldest first", body = Vec<ReleaseInfo>),
        (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_releases(
    State(s): State<AppState>,
    _c: Caller,
) -> Result<Json<Vec<ReleaseInfo>>, ApiError> {
    let rows = s.store.releases().await?;
    Ok(Json(rows.into_iter().map(|r| info(&s, r)).collect()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReleaseFiles {
    /// The catalog's files: `name` (for problems, and kept in the release) and `text` (YAML).
    #[schema(value_type = Vec<Object>)]
    pub files: Vec<Source>,
}

#[utoipa::path(post, path = "/api/catalog/releases", tag = "catalog",
    request_body(content = ReleaseFiles,
        description = "The catalog's files as JSON, or one YAML file with Content-Type application/yaml"),
    responses(
        (status = 201, description = "Published", body = ReleaseInfo),
        (status = 200, description = "These files were published under this version already", body = ReleaseInfo),
        (status = 403, description = "Only catalog editors and platform administrators publish", body = ErrorBody),
        (status = 409, description = "This version is published with other files", body = ErrorBody),
        (status = 422, description = "Every problem of the catalog, with file and line; nothing published", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn publish_release(
    State(s): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    if !(caller.user.platform_admin || caller.user.catalog_editor) {
        let detail = serde_json::json!({"need": "catalog_editor", "what": "publish release"});
        caller.denied(&s, detail).await;
        return Err(ApiError::Forbidden);
    }
    let yaml = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("yaml"));
    let files = if yaml {
        vec![Source {
            name: "catalog/catalog.yaml".into(),
            text: body,
        }]
    } else {
        parse_json::<ReleaseFiles>(&body)?.files
    };
    let (new, info) = publish(&s, &files, &caller.actor()).await?;
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(info)).into_response())
}

#[utoipa::path(get, path = "/api/catalog/releases/{catalog_id}/{version}", tag = "catalog",
    params(("catalog_id" = String, Path), ("version" = String, Path)),
    responses((status = 200, description = "The release's catalog, with the keys of the catalog files", body = Object),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_release(
    State(s): State<AppState>,
    _c: Caller,
    Path((catalog_id, version)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let cat = published(&s, &catalog_id, &version).await?;
    Ok(Json(&cat.doc).into_response())
}

/// Every catalog owner the platform knows, by id: the server's own release's owners, then those
/// only earlier published releases name (the latest release that names one gives its name).
/// What a catalog editor's owners are checked against and named by.
pub async fn known_owners(
    s: &AppState,
) -> Result<std::collections::BTreeMap<String, OwnerDoc>, ApiError> {
    let mut out: std::collections::BTreeMap<String, OwnerDoc> = (s.catalog.doc.owners.iter())
        .map(|o| (o.id.clone(), o.clone()))
        .collect();
    let mut rows = s.store.releases().await?;
    rows.sort_by_key(|r| std::cmp::Reverse(r.seq));
    for r in rows {
        let release = s.release(&r.catalog_id, &r.version).await?;
        for o in &release.doc.owners {
            out.entry(o.id.clone()).or_insert_with(|| o.clone());
        }
    }
    Ok(out)
}

/// A release that is published (or the server's own), else "not found".
async fn published(
    s: &AppState,
    catalog_id: &str,
    version: &str,
) -> Result<Arc<CheckedCatalog>, ApiError> {
    let own = &s.catalog.catalog;
    let known = (own.id == catalog_id && own.version == version)
        || s.store
            .release_sources(catalog_id, version)
            .await?
            .is_some();
    if !known {
        return Err(ApiError::NotFound);
    }
    s.release(catalog_id, version).await
}

#[derive(Serialize, ToSchema)]
pub struct OtherRelease {
    #[serde(flatten)]
    pub release: ReleaseInfo,
    /// What moving to this release would change, entry by entry.
    #[schema(value_type = Object)]
    pub diff: CatalogDiff,
}

#[derive(Serialize, ToSchema)]
pub struct BodyRelease {
    pub catalog_id: String,
    pub version: String,
    /// The other published releases of the same catalog, with what each would change.
    pub others: Vec<OtherRelease>,
}

/// The body's release and what each other release of its catalog would change.
pub async fn body_release_view(s: &AppState, orgnr: &str) -> Result<BodyRelease, ApiError> {
    let body = s.store.body(orgnr).await?.ok_or(ApiError::NotFound)?;
    let pinned = s.release(&body.catalog_id, &body.catalog_version).await?;
    let mut others = Vec::new();
    for r in s.store.releases().await? {
        if r.catalog_id != body.catalog_id || r.version == body.catalog_version {
            continue;
        }
        let other = s.release(&r.catalog_id, &r.version).await?;
        others.push(OtherRelease {
            diff: diff(&pinned.doc, &other.doc),
            release: info(s, r),
        });
    }
    Ok(BodyRelease {
        catalog_id: body.catalog_id,
        version: body.catalog_version,
        others,
    })
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/catalog-release", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number")),
    responses((status = 200, description = "The release the body is pinned to, and what the others would change", body = BodyRelease),
        (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn body_release(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
) -> Result<Json<BodyRelease>, ApiError> {
    Ok(Json(body_release_view(&s, &orgnr).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PinRequest {
    pub catalog_id: String,
    pub version: String,
}

/// Moves a body to a published release, if its workspace fits it: every problem otherwise, and
/// nothing changed. Returns the workspace's new version.
pub async fn pin(
    s: &AppState,
    orgnr: &str,
    catalog_id: &str,
    version: &str,
    actor: &str,
) -> Result<i64, ApiError> {
    let target = published(s, catalog_id, version).await?;
    let (doc, expected) = ops::load_doc(s, orgnr).await?;
    let (_, declarations) = ops::published_declarations(s).await?;
    ops::checked(&target, &declarations, "workspace", doc)?;
    s.store
        .pin_release(orgnr, catalog_id, version, Some(expected), actor)
        .await?;
    Ok(expected + 1)
}

#[utoipa::path(put, path = "/api/bodies/{orgnr}/catalog-release", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number")),
    request_body = PinRequest,
    responses(
        (status = 200, description = "The body now follows this release", body = crate::api::Stored),
        (status = 403, body = ErrorBody), (status = 404, description = "No such body or release", body = ErrorBody),
        (status = 409, description = "The workspace changed meanwhile", body = ErrorBody),
        (status = 422, description = "The workspace does not fit the release: every problem, nothing changed", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn pin_body_release(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Admin>,
    body: String,
) -> Result<Json<crate::api::Stored>, ApiError> {
    let req: PinRequest = parse_json(&body)?;
    let version = pin(&s, &orgnr, &req.catalog_id, &req.version, &caller.actor()).await?;
    Ok(Json(crate::api::Stored { version }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImpactQuery {
    /// A published release of the body's catalog, or a draft of it in consultation
    /// (required).
    pub version: Option<String>,
}

/// What moving to `version` of its catalog would change for the body: its stored workspace
/// derived against its own release and against that one, compared (`grunnmur_core::impact`).
/// A workspace that does not fit the release is refused with every problem (as a move is).
pub async fn impact_of(
    s: &AppState,
    orgnr: &str,
    version: &str,
) -> Result<grunnmur_core::impact::Impact, ApiError> {
    let body = s.store.body(orgnr).await?.ok_or(ApiError::NotFound)?;
    // A draft in consultation is read by its version too: what it would change for us.
    let (target, key) = match published(s, &body.catalog_id, version).await {
        Err(ApiError::NotFound) => {
            let draft = crate::drafts::consulted(s, &body.catalog_id, version).await?;
            let (row, draft) = draft.ok_or(ApiError::NotFound)?;
            // The draft's revision, not only its version, keys what is kept.
            (draft, format!("impact draft {} {}", row.id, row.rev))
        }
        Err(e) => return Err(e),
        // Kept with the workspace version: the dashboard asks on every view.
        Ok(t) => (t, format!("impact {} {version}", body.catalog_id)),
    };
    let d = ops::derived(s, orgnr).await?;
    let made = ops::blocking(move || {
        Ok(d.view(&key, || {
            let (_, ws) = grunnmur_catalog::resolve_body_with(
                "workspace",
                d.doc.clone(),
                &target.catalog,
                &d.declarations,
            )?;
            let after = grunnmur_core::assess(&target.catalog, &ws, d.today);
            Ok(grunnmur_core::impact::impact(
                (&d.catalog.catalog, &d.ws, &d.assessment),
                (&target.catalog, &ws, &after),
            ))
        }))
    })
    .await?;
    let made: &Result<grunnmur_core::impact::Impact, Vec<grunnmur_catalog::Problem>> = &made;
    made.clone().map_err(ApiError::Invalid)
}

/// The newest release of the body's catalog, when it is newer than the one the body is pinned
/// to: its version, and what moving would change (or the problems that stop it).
pub async fn newer_release(
    s: &AppState,
    orgnr: &str,
) -> Result<Option<(String, Result<grunnmur_core::impact::Impact, usize>)>, ApiError> {
    let body = s.store.body(orgnr).await?.ok_or(ApiError::NotFound)?;
    let releases: Vec<ReleaseRow> = (s.store.releases().await?.into_iter())
        .filter(|r| r.catalog_id == body.catalog_id)
        .collect();
    // In the order they were published: newer is later in the list.
    let pinned = (releases.iter()).position(|r| r.version == body.catalog_version);
    let Some(n) = releases.len().checked_sub(1).filter(|n| Some(*n) > pinned) else {
        return Ok(None);
    };
    let newest = &releases[n];
    let version = newest.version.clone();
    match impact_of(s, orgnr, &version).await {
        Ok(i) => Ok(Some((version, Ok(i)))),
        Err(ApiError::Invalid(p)) => Ok(Some((version, Err(p.len())))),
        Err(e) => Err(e),
    }
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/catalog-release/impact", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number"), ImpactQuery),
    responses((status = 200, description = "What moving to the release would change for this body: `{org: {levels_before, levels_after, measures_added, measures_removed}, systems: [{id, name, levels_before, levels_after, measures_added, measures_removed}], systems_unchanged}` — only the systems something changes for", body = Object),
        (status = 400, description = "No `version` given", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No such body, or no such release or draft in consultation of its catalog", body = ErrorBody),
        (status = 422, description = "The workspace does not fit the release: every problem", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn body_release_impact(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
    Query(q): Query<ImpactQuery>,
) -> Result<Json<grunnmur_core::impact::Impact>, ApiError> {
    let version = (q.version.filter(|v| !v.is_empty()))
        .ok_or_else(|| ApiError::BadRequest("version".into()))?;
    Ok(Json(impact_of(&s, &orgnr, &version).await?))
}
