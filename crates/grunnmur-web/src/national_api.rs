//! The picture across bodies for guidance and supervisory bodies (rule 18): every body's
//! contribution (counts by catalog id, kept current and stored: `crate::contributions`),
//! added up for a group by kind and sector, k-anonymously (`grunnmur_core::national`).
//! Supervisors and platform administrators only; a body's member is refused, and nothing that
//! names a body leaves here. Catalog calibration (`/api/catalog/calibration`,
//! `grunnmur_core::calibration`) is the same contributions seen by catalog editors.

use crate::auth::Caller;
use crate::auth::{Member, Reader};
use crate::error::{ApiError, ErrorBody};
use crate::ops;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use grunnmur_core::calibration::{Calibration, calibrate};
use grunnmur_core::catalog::OrgKind;
use grunnmur_core::national::{Benchmark, Contribution, Coverage, benchmark, contribution};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_coverage))
        .routes(routes!(get_benchmark))
        .routes(routes!(get_calibration))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Group {
    /// The kind of body (`kommune`, `fylkeskommune`, `stat`); all when left out.
    pub kind: Option<String>,
    /// A sector the bodies belong to; all when left out.
    pub sector: Option<String>,
}

/// The group a caller may see: a platform administrator any; a supervisor within their limits
/// (a limit to one kind or sector is the default); anyone else is refused.
pub async fn allowed(s: &AppState, caller: &Caller, g: &Group) -> Result<Group, ApiError> {
    let kind = g.kind.clone().filter(|k| !k.is_empty());
    let sector = g.sector.clone().filter(|k| !k.is_empty());
    if let Some(k) = &kind
        && !(OrgKind::ALL.iter()).any(|x| x.as_str() == k && *x != OrgKind::Supplier)
    {
        return Err(ApiError::InvalidField {
            field: "kind".into(),
            code: "national-kind",
        });
    }
    if caller.user.platform_admin {
        return Ok(Group { kind, sector });
    }
    let (kinds, sectors) =
        (s.store.supervisor(caller.user.id).await?).ok_or(ApiError::Forbidden)?;
    let within = |asked: Option<String>, limits: &[String]| match (asked, limits) {
        (a, []) => Ok(a),
        (None, [only]) => Ok(Some(only.clone())),
        (Some(a), l) if l.contains(&a) => Ok(Some(a)),
        _ => Err(ApiError::Forbidden),
    };
    Ok(Group {
        kind: within(kind, &kinds)?,
        sector: within(sector, &sectors)?,
    })
}

/// The group's picture.
pub async fn coverage(s: &AppState, g: &Group) -> Result<Coverage, ApiError> {
    let c = crate::contributions::coverage(s, g.kind.as_deref(), g.sector.as_deref()).await?;
    Ok(c.coverage.clone())
}

#[utoipa::path(get, path = "/api/national/coverage", tag = "national", params(Group),
    responses((status = 200, description = "The group's coverage, k-anonymous: a group or figure from fewer than 5 bodies is `suppressed` with no figures", body = Object),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Not a supervisor, or a group outside the supervisor's limits", body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_coverage(
    State(s): State<AppState>,
    caller: Caller,
    Query(g): Query<Group>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    let g = allowed(&s, &caller, &g).await?;
    let c = crate::contributions::coverage(&s, g.kind.as_deref(), g.sector.as_deref()).await?;
    let json = c.json()?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json,
    )
        .into_response())
}

/// A body beside its peers (same kind; municipalities also by size), k-anonymous.
pub async fn benchmark_of(s: &AppState, orgnr: &str) -> Result<Benchmark, ApiError> {
    let all = crate::contributions::current(s).await?;
    let d = ops::derived(s, orgnr).await?;
    let own = d.view("national", || {
        contribution(&d.catalog.catalog, &d.ws, &d.assessment)
    });
    let refs: Vec<&Contribution> = all.all.iter().map(|c| &**c).collect();
    Ok(benchmark(&own, &refs))
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/benchmark", tag = "national",
    params(("orgnr" = String, Path, description = "The body's organisation number")),
    responses((status = 200, description = "The body's share of required pairs in place per baseline and activity beside its peer group's quartiles; fewer than 5 peers: `suppressed`, no quartiles", body = Object),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_benchmark(
    State(s): State<AppState>,
    m: Member<Reader>,
) -> Result<Json<Benchmark>, ApiError> {
    Ok(Json(benchmark_of(&s, &m.orgnr).await?))
}

/// Catalog calibration is for catalog editors and platform administrators; anyone else is
/// refused (and the refusal is logged).
pub async fn may_calibrate(s: &AppState, caller: &Caller) -> Result<(), ApiError> {
    if caller.user.platform_admin || caller.user.catalog_editor {
        return Ok(());
    }
    let detail = serde_json::json!({"need": "catalog_editor", "what": "catalog calibration"});
    caller.denied(s, detail).await;
    Err(ApiError::Forbidden)
}

/// Where the public bodies depart from the catalog, k-anonymous (`grunnmur_core::calibration`).
pub async fn calibration(s: &AppState) -> Result<Calibration, ApiError> {
    let all = crate::contributions::current(s).await?;
    let refs: Vec<&Contribution> = all.all.iter().map(|c| &**c).collect();
    Ok(calibrate(&refs))
}

#[utoipa::path(get, path = "/api/catalog/calibration", tag = "national",
    responses((status = 200, description = "Across all public bodies: the recommended levels they raise or lower, the measures they mark not applicable and the own tasks they add (grouped by normalised name), most bodies first. A row only from 5 bodies; justifications only where 5 bodies gave one, distinct, never with a body's identity; fewer than 5 bodies in all: `suppressed`", body = Object),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Not a catalog editor or platform administrator", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_calibration(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<Calibration>, ApiError> {
    may_calibrate(&s, &caller).await?;
    Ok(Json(calibration(&s).await?))
}
