//! OSCAL over HTTP: the measure bank as an OSCAL catalog, BN1–BN3 and the sector profiles as
//! OSCAL profiles, and a body's systems as system security plans — the same documents as
//! `grunnmur oscal export` and `grunnmur oscal ssp`, from the same functions.

use crate::auth::{Caller, Member, Reader};
use crate::error::{ApiError, ErrorBody};
use crate::ops;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use grunnmur_oscal::export::{ExportOptions, export_all};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, IntoParams)]
pub struct LangQuery {
    /// `nb` (default) or `en`: the language of titles and prose.
    lang: Option<String>,
}

fn options(q: &LangQuery) -> ExportOptions {
    let secs = grunnmur_store::now().max(0) as u64;
    ExportOptions {
        lang: match q.lang.as_deref() {
            Some("en") => "en".into(),
            _ => "nb".into(),
        },
        timestamp: grunnmur_oscal::timestamp_from_unix(secs),
        ..ExportOptions::default()
    }
}

#[derive(Serialize, ToSchema)]
pub struct OscalIndexEntry {
    /// The document's file name; profiles refer to the catalog by it (a relative href).
    pub file: String,
    pub href: String,
}

#[utoipa::path(get, path = "/api/catalog/oscal", tag = "oscal",
    responses((status = 200, description = "The OSCAL documents of the shared catalog", body = Vec<OscalIndexEntry>),
        (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn index(
    State(s): State<AppState>,
    _c: Caller,
) -> Result<Json<Vec<OscalIndexEntry>>, ApiError> {
    let cat = s.catalog.clone();
    let docs = ops::blocking(move || Ok(export_all(&cat.doc, &ExportOptions::default()))).await?;
    Ok(Json(
        docs.into_iter()
            .map(|d| OscalIndexEntry {
                href: format!("/api/catalog/oscal/{}", d.file),
                file: d.file,
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/catalog/oscal/{file}", tag = "oscal",
    params(("file" = String, Path, description = "A file name from /api/catalog/oscal"), LangQuery),
    responses((status = 200, description = "An OSCAL 1.2 catalog or profile (JSON)", body = Object),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn document(
    State(s): State<AppState>,
    _c: Caller,
    Path(file): Path<String>,
    Query(q): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let (cat, opts) = (s.catalog.clone(), options(&q));
    let doc = ops::blocking(move || Ok(export_all(&cat.doc, &opts)))
        .await?
        .into_iter()
        .find(|d| d.file == file)
        .ok_or(ApiError::NotFound)?;
    Ok(Json(doc.document).into_response())
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/oscal/ssp/{system}", tag = "oscal",
    params(("orgnr" = String, Path, description = "Organisation number"),
        ("system" = String, Path, description = "System id"), LangQuery),
    responses((status = 200, description = "The system's OSCAL system security plan (JSON)", body = Object),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn ssp(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
    Path((_, system)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Response, ApiError> {
    let d = ops::derived(&s, &orgnr).await?;
    let n =
        d.ws.systems
            .iter()
            .position(|x| x.id == system)
            .ok_or(ApiError::NotFound)?;
    let opts = options(&q);
    let plan = ops::blocking(move || {
        Ok(grunnmur_oscal::ssp::system_security_plan(
            &d.catalog.doc,
            &d.catalog.catalog,
            &d.ws,
            &d.assessment,
            &d.declarations,
            n,
            &opts,
        ))
    })
    .await?;
    Ok(Json(plan).into_response())
}
