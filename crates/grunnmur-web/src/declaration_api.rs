//! Suppliers' declarations over HTTP (rule 14): an organisation publishes, changes and
//! withdraws its own; every signed-in user reads the published ones. Every body's assessment
//! uses them at once (`ops::published_declarations`, keyed by the store's generation).

use crate::auth::{Caller, Editor, Member};
use crate::error::{ApiError, ErrorBody, ProblemOut, lang_of, problem_out};
use crate::state::{AppState, today};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::{DeclarationDoc, Source};
use grunnmur_core::catalog::Text;
use grunnmur_store::DeclarationRow;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_declarations))
        .routes(routes!(get_declaration))
        .routes(routes!(put_declaration))
        .routes(routes!(withdraw_declaration))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceInfo {
    pub id: String,
    #[schema(value_type = Object)]
    pub name: Text,
    /// How many measures the service covers, alone or shared.
    pub measures: usize,
}

/// A published declaration's latest version, in short.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeclarationInfo {
    pub id: String,
    pub version: i64,
    /// The organisation that publishes it.
    pub orgnr: String,
    pub supplier: String,
    pub valid_from: String,
    pub valid_until: String,
    /// The day it was withdrawn, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<String>,
    /// It counts today: not withdrawn, within its validity.
    pub valid: bool,
    pub services: Vec<ServiceInfo>,
    pub published_at: i64,
    pub published_by: String,
}

pub fn info(row: &DeclarationRow, doc: &DeclarationDoc) -> DeclarationInfo {
    let h = &doc.declaration;
    let valid = doc.counts(today());
    DeclarationInfo {
        id: row.id.clone(),
        version: row.version,
        orgnr: row.orgnr.clone(),
        supplier: h.supplier.name.clone(),
        valid_from: h.valid_from.clone(),
        valid_until: h.valid_until.clone(),
        withdrawn: h.withdrawn.clone(),
        valid,
        services: (doc.services.iter())
            .map(|s| ServiceInfo {
                id: s.id.clone(),
                name: s.name.clone(),
                measures: s.covers.len(),
            })
            .collect(),
        published_at: row.published_at,
        published_by: row.published_by.clone(),
    }
}

pub fn parse(row: &DeclarationRow) -> Result<DeclarationDoc, ApiError> {
    serde_json::from_str(&row.doc).map_err(|e| ApiError::Internal(format!("{}: {e}", row.id)))
}

#[utoipa::path(get, path = "/api/declarations", tag = "declarations",
    responses((status = 200, description = "The latest version of every published declaration", body = Vec<DeclarationInfo>),
        (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_declarations(
    State(s): State<AppState>,
    _c: Caller,
) -> Result<Json<Vec<DeclarationInfo>>, ApiError> {
    let rows = s.store.declarations().await?;
    let mut out = Vec::new();
    for r in &rows {
        out.push(info(r, &parse(r)?));
    }
    Ok(Json(out))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VersionInfo {
    pub version: i64,
    pub published_at: i64,
    pub published_by: String,
    pub content_hash: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DeclarationDetail {
    #[serde(flatten)]
    pub info: DeclarationInfo,
    /// The declaration as published (its latest version).
    #[schema(value_type = Object)]
    pub declaration: DeclarationDoc,
    /// Every version, oldest first.
    pub versions: Vec<VersionInfo>,
}

#[utoipa::path(get, path = "/api/declarations/{id}", tag = "declarations",
    params(("id" = String, Path, description = "The declaration's id")),
    responses((status = 200, description = "The declaration and its versions", body = DeclarationDetail),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_declaration(
    State(s): State<AppState>,
    _c: Caller,
    Path(id): Path<String>,
) -> Result<Json<DeclarationDetail>, ApiError> {
    let versions = s.store.declaration_versions(&id).await?;
    let latest = versions.last().ok_or(ApiError::NotFound)?;
    let doc = parse(latest)?;
    Ok(Json(DeclarationDetail {
        info: info(latest, &doc),
        declaration: doc,
        versions: (versions.iter())
            .map(|v| VersionInfo {
                version: v.version,
                published_at: v.published_at,
                published_by: v.published_by.clone(),
                content_hash: v.content_hash.clone(),
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct Published {
    #[serde(flatten)]
    pub info: DeclarationInfo,
    /// What does not stop it: measures the server's release lacks, when it was made against
    /// another release.
    #[schema(value_type = Vec<Object>)]
    pub warnings: Vec<ProblemOut>,
}

/// Checks and publishes a declaration as `orgnr`'s: every problem (422) or the next version.
pub async fn publish(
    s: &AppState,
    orgnr: &str,
    id: &str,
    text: String,
    actor: &str,
) -> Result<
    (
        bool,
        DeclarationRow,
        DeclarationDoc,
        Vec<grunnmur_catalog::Problem>,
    ),
    ApiError,
> {
    let src = Source {
        name: "request".into(),
        text,
    };
    let declared = grunnmur_oscal::component::read_any_declaration(&src, &s.catalog.catalog)
        .map_err(ApiError::Invalid)?;
    if declared.doc.declaration.id != id {
        return Err(ApiError::BadRequest(format!(
            "declaration.id {} ≠ {id}",
            declared.doc.declaration.id
        )));
    }
    let json =
        serde_json::to_string(&declared.doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let latest = s.store.declaration_versions(id).await?.pop();
    if let Some(prev) = &latest
        && prev.orgnr == orgnr
    {
        // A body that links a service must never find it gone: its workspace would no
        // longer resolve. Keep the service (with fewer measures, if need be), or withdraw.
        let prev = parse(prev)?;
        let gone: Vec<String> = (prev.services.iter())
            .filter(|p| declared.doc.service(&p.id).is_none())
            .map(|p| format!("\"{id}/{}\"", p.id))
            .collect();
        if !gone.is_empty() && linked_anywhere(s, &gone).await? {
            return Err(ApiError::Refused("api-service-in-use"));
        }
    }
    let before = latest.map(|r| r.version);
    let row = s
        .store
        .publish_declaration(orgnr, id, &json, false, actor)
        .await?;
    Ok((
        before != Some(row.version),
        row,
        declared.doc,
        declared.warnings,
    ))
}

/// Whether any body's workspace links one of `keys` (each `"<declaration>/<service>"`, quoted
/// as the stored JSON writes it).
async fn linked_anywhere(s: &AppState, keys: &[String]) -> Result<bool, ApiError> {
    for body in s.store.bodies().await? {
        if let Some(w) = s.store.workspace(&body.orgnr).await?
            && keys.iter().any(|k| w.doc.contains(k.as_str()))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

#[utoipa::path(put, path = "/api/bodies/{orgnr}/declarations/{id}", tag = "declarations",
    params(("orgnr" = String, Path, description = "The publishing organisation's number"),
        ("id" = String, Path, description = "The declaration's id, as in the document")),
    request_body(content = Object,
        description = "The declaration as JSON, as YAML with Content-Type application/yaml, or as an OSCAL 1.1 component definition (JSON)"),
    responses(
        (status = 201, description = "Published as a new version", body = Published),
        (status = 200, description = "The same as the latest version: nothing changed", body = Published),
        (status = 400, description = "The document's id is not the path's", body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Another organisation publishes this id, or a body links a service this version leaves out", body = ErrorBody),
        (status = 422, description = "Every problem of the declaration, with its line; nothing stored", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn put_declaration(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    Path((_, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let (new, row, doc, warnings) = publish(&s, &orgnr, &id, body, &caller.actor()).await?;
    let lang = lang_of(&headers);
    let out = Published {
        info: info(&row, &doc),
        warnings: warnings.iter().map(|p| problem_out(lang, p)).collect(),
    };
    let status = if new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(out)).into_response())
}

/// Withdraws `orgnr`'s declaration from today: a version of its own, audit-logged. Another
/// organisation's, or one never published, is not found.
pub async fn withdraw(
    s: &AppState,
    orgnr: &str,
    id: &str,
    actor: &str,
) -> Result<(DeclarationRow, DeclarationDoc), ApiError> {
    let latest = s.store.declaration_versions(id).await?.pop();
    let latest = latest
        .filter(|r| r.orgnr == orgnr)
        .ok_or(ApiError::NotFound)?;
    let mut doc = parse(&latest)?;
    if doc.declaration.withdrawn.is_some() {
        return Ok((latest, doc));
    }
    doc.declaration.withdrawn = Some(today().to_string());
    let json = serde_json::to_string(&doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row = s
        .store
        .publish_declaration(orgnr, id, &json, true, actor)
        .await?;
    Ok((row, doc))
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/declarations/{id}/withdraw", tag = "declarations",
    params(("orgnr" = String, Path, description = "The publishing organisation's number"),
        ("id" = String, Path, description = "The declaration's id")),
    responses(
        (status = 200, description = "Withdrawn from today; it no longer counts for anyone", body = DeclarationInfo),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn withdraw_declaration(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Json<DeclarationInfo>, ApiError> {
    let (row, doc) = withdraw(&s, &orgnr, &id, &caller.actor()).await?;
    Ok(Json(info(&row, &doc)))
}

/// How many bodies and systems link each service of declaration `id` (counts only: a supplier
/// never sees who). A body that links a service for its org-scope measures counts as a body,
/// not a system.
pub async fn service_usage(
    s: &AppState,
    id: &str,
) -> Result<std::collections::HashMap<String, (usize, usize)>, ApiError> {
    let mut out: std::collections::HashMap<String, (usize, usize)> = Default::default();
    let prefix = format!("\"{id}/");
    for body in s.store.bodies().await? {
        let Some(w) = s.store.workspace(&body.orgnr).await? else {
            continue;
        };
        // Most workspaces link nothing of this declaration: skip them unparsed.
        if !w.doc.contains(prefix.as_str()) {
            continue;
        }
        let Ok(doc) = serde_json::from_str::<grunnmur_catalog::BodyDoc>(&w.doc) else {
            continue;
        };
        let service_of = |key: &String| {
            key.strip_prefix(id)
                .and_then(|r| r.strip_prefix('/'))
                .map(str::to_string)
        };
        let mut used: std::collections::HashSet<String> = Default::default();
        for sys in &doc.systems {
            for sv in sys.services.iter().filter_map(service_of) {
                out.entry(sv.clone()).or_default().1 += 1;
                used.insert(sv);
            }
        }
        used.extend(doc.org.services.iter().filter_map(service_of));
        for sv in used {
            out.entry(sv).or_default().0 += 1;
        }
    }
    Ok(out)
}
