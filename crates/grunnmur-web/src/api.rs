//! The REST API. Each handler: authenticate (the `Caller` extractor), check the role in the
//! body, call the engine or the store, render JSON. Nothing here computes what the engine does.

use crate::auth::{self, Admin, Caller, Editor, Member, Reader, Via};
use crate::error::{ApiError, ErrorBody, localize};
use crate::ops::{self, checked, store_doc};
use crate::security::{self, Client};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use grunnmur_catalog::body::{BodyDoc, OrgDoc, Orgnr, StatusDoc};
use grunnmur_catalog::{Source, read_body_with};
use grunnmur_core::catalog::OrgKind;
use grunnmur_core::workspace::{SelectionMode, Status};
use grunnmur_store::{BodyRow, Role};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Every route of the API with its OpenAPI operation, from one declaration: `routes!` reads each
/// handler's `#[utoipa::path]` (method and path) and adds it to both the router and the document,
/// so a route cannot be served without being documented (the tests below check that nothing is
/// routed around it). Handlers sharing a path are named in one `routes!`.
pub fn api() -> OpenApiRouter<AppState> {
    use crate::{
        account_api, attest_api, credentials, declaration_api, national_api, oscal_api,
        platform_api, release_api, risk_api,
    };
    OpenApiRouter::with_openapi(crate::openapi::ApiDoc::openapi())
        .routes(routes!(health))
        .routes(routes!(openapi_json))
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(list_bodies, create_body))
        .routes(routes!(get_body))
        .routes(routes!(get_workspace, put_workspace))
        .routes(routes!(get_assessment))
        .routes(routes!(get_trail))
        .routes(routes!(patch_measure))
        .routes(routes!(get_audit))
        .routes(routes!(catalog))
        .routes(routes!(catalog_info_types))
        .routes(routes!(catalog_tasks))
        .routes(routes!(catalog_measures))
        .routes(routes!(catalog_profiles))
        .routes(routes!(oscal_api::index))
        .routes(routes!(oscal_api::document))
        .routes(routes!(oscal_api::ssp))
        .merge(risk_api::routes())
        .merge(release_api::routes())
        .merge(crate::draft_api::routes())
        .merge(platform_api::routes())
        .merge(account_api::routes())
        .merge(credentials::routes())
        .merge(declaration_api::routes())
        .merge(attest_api::routes())
        .merge(national_api::routes())
}

/// The API's router: [`api`] without its document, errors (axum's rejections among them)
/// rendered in the caller's language, and the API's headers on every answer.
pub fn routes() -> Router<AppState> {
    let (router, _) = api().split_for_parts();
    router
        .layer(axum::middleware::from_fn(localize))
        .layer(axum::middleware::from_fn(crate::headers::api))
}

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// Always `ok` when the server answers and the database does.
    pub status: &'static str,
    /// `sqlite` or `postgres`.
    pub database: &'static str,
}

#[utoipa::path(get, path = "/health", tag = "system",
    responses((status = 200, description = "The server and its database answer", body = Health)))]
pub async fn health(State(s): State<AppState>) -> Result<Json<Health>, ApiError> {
    s.store.user_count().await?;
    Ok(Json(Health {
        status: "ok",
        database: s.store.backend(),
    }))
}

#[utoipa::path(get, path = "/api/openapi.json", tag = "system",
    responses((status = 200, description = "This API's OpenAPI 3.1 document")))]
pub async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::openapi::document_json(),
    )
        .into_response()
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
    /// The second factor (a TOTP code or a recovery code), for an account that has it on.
    #[serde(default)]
    pub code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub email: String,
    /// Send this in the `X-CSRF-Token` header with every change made with the session cookie.
    pub csrf: String,
}

#[utoipa::path(post, path = "/api/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = LoginResponse),
        (status = 401, description = "Wrong email, password or code (a TOTP code already used counts as wrong); or `second_factor_required`: send the code too", body = ErrorBody),
        (status = 429, description = "Too many failed attempts for this account from this address, or from this address; `Retry-After` says when to try again", body = ErrorBody)))]
pub async fn login(
    State(s): State<AppState>,
    client: Client,
    Json(req): Json<LoginRequest>,
) -> Result<Response, ApiError> {
    // JSON only: a cross-site form cannot send it without a CORS preflight we never allow.
    let (user, cookie, csrf) =
        auth::login(&s, &req.email, &req.password, req.code.as_deref(), &client).await?;
    let set = auth::session_cookie(&s, &cookie, s.config.session_seconds);
    let body = LoginResponse {
        email: user.email,
        csrf,
    };
    Ok(([(header::SET_COOKIE, set)], Json(body)).into_response())
}

#[utoipa::path(post, path = "/api/logout", tag = "auth",
    responses((status = 204, description = "Logged out"), (status = 401, body = ErrorBody)),
    security(("session" = [])))]
pub async fn logout(
    State(s): State<AppState>,
    caller: Caller,
    client: Client,
) -> Result<Response, ApiError> {
    if let Via::Session { id_hash, .. } = &caller.via {
        s.store.delete_session(id_hash).await?;
    }
    security::signed_out(&s, &caller.user.email, &client).await;
    let clear = auth::session_cookie(&s, "", 0);
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear)]).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub email: String,
    pub platform_admin: bool,
    pub catalog_editor: bool,
    /// A catalog editor's owners (catalog owner ids) whose entries they edit; empty: every
    /// owner's (or not a catalog editor).
    pub catalog_owners: Vec<String>,
    /// The account must choose a new password before anything else.
    pub must_change_password: bool,
    /// The TOTP second factor is on.
    pub second_factor: bool,
    /// The bodies the user belongs to, with the role in each.
    #[schema(value_type = Vec<Object>)]
    pub memberships: Vec<Membership>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csrf: Option<String>,
}

#[derive(Serialize)]
pub struct Membership {
    pub orgnr: String,
    pub role: Role,
}

#[utoipa::path(get, path = "/api/me", tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn me(State(s): State<AppState>, caller: Caller) -> Result<Json<Me>, ApiError> {
    let memberships = s
        .store
        .memberships(caller.user.id)
        .await?
        .into_iter()
        .map(|(orgnr, role)| Membership { orgnr, role })
        .collect();
    let catalog_owners = (caller.catalog_owners(&s).await?)
        .map(|o| o.ids().to_vec())
        .unwrap_or_default();
    let csrf = match caller.via {
        Via::Session { csrf, .. } => Some(csrf),
        Via::Token { .. } => None,
    };
    Ok(Json(Me {
        email: caller.user.email,
        platform_admin: caller.user.platform_admin,
        catalog_editor: caller.user.catalog_editor,
        catalog_owners,
        must_change_password: caller.user.must_change_password,
        second_factor: caller.user.totp_secret.is_some(),
        memberships,
        csrf,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewBody {
    /// Nine digits with a valid MOD11 check digit.
    pub orgnr: String,
    pub name: String,
    /// `stat`, `kommune` or `fylkeskommune`; `supplier` for an organisation that publishes
    /// declarations of the services it provides to public bodies.
    pub kind: String,
    #[serde(default)]
    pub sectors: Vec<String>,
}

#[utoipa::path(post, path = "/api/bodies", tag = "bodies", request_body = NewBody,
    responses(
        (status = 201, description = "Created, with an empty workspace", body = Object),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn create_body(
    State(s): State<AppState>,
    caller: Caller,
    Json(req): Json<NewBody>,
) -> Result<Response, ApiError> {
    if !caller.user.platform_admin {
        let detail = serde_json::json!({"need": "platform_admin", "what": "create body"});
        caller.denied(&s, detail).await;
        return Err(ApiError::Forbidden);
    }
    let kind: OrgKind = serde_json::from_value(serde_json::Value::String(req.kind.clone()))
        .map_err(|_| ApiError::BadRequest(format!("kind: {}", req.kind)))?;
    // The new body's first workspace goes through the same checks as any body file.
    let doc = BodyDoc {
        org: OrgDoc {
            orgnr: Orgnr::Text(req.orgnr.clone()),
            name: req.name.clone(),
            kind,
            sectors: req.sectors.clone(),
            selection: SelectionMode::PerDimension,
            cumulation_threshold: grunnmur_core::workspace::DEFAULT_CUMULATION_THRESHOLD,
            review_months: grunnmur_core::risk::review::REVIEW_MONTHS,
            services: Vec::new(),
        },
        tasks: Vec::new(),
        info_types: Vec::new(),
        systems: Vec::new(),
        measure_status: Vec::new(),
        groups: Vec::new(),
        implementations: Vec::new(),
    };
    let doc = checked(&s.catalog, &[], "request", doc)?;
    let body = BodyRow {
        orgnr: req.orgnr.clone(),
        name: req.name,
        kind: kind.as_str().to_string(),
        sectors: req.sectors,
        catalog_id: s.catalog.catalog.id.clone(),
        catalog_version: s.catalog.catalog.version.clone(),
        created_at: grunnmur_store::now(),
    };
    s.store.create_body(&body, &caller.actor()).await?;
    store_doc(
        &s,
        &req.orgnr,
        &doc,
        &caller.actor(),
        "workspace.create",
        None,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

#[utoipa::path(get, path = "/api/bodies", tag = "bodies",
    responses((status = 200, description = "The bodies the caller may see", body = Vec<Object>), (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_bodies(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<BodyRow>>, ApiError> {
    let all = s.store.bodies().await?;
    if let Some(scope) = caller.scope() {
        // A scoped token sees its one body, if its user still does.
        let orgnr = scope.orgnr.clone();
        let visible = caller.require(&s, &orgnr, Role::Reader).await.is_ok();
        return Ok(Json(
            all.into_iter()
                .filter(|b| visible && b.orgnr == orgnr)
                .collect(),
        ));
    }
    if caller.user.platform_admin {
        return Ok(Json(all));
    }
    let mine: Vec<String> = s
        .store
        .memberships(caller.user.id)
        .await?
        .into_iter()
        .map(|(o, _)| o)
        .collect();
    Ok(Json(
        all.into_iter()
            .filter(|b| mine.contains(&b.orgnr))
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number")),
    responses((status = 200, body = Object), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_body(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
) -> Result<Json<BodyRow>, ApiError> {
    s.store
        .body(&orgnr)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/workspace", tag = "workspace",
    params(("orgnr" = String, Path, description = "Organisation number")),
    responses((status = 200, description = "The body file, as put", body = Object), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_workspace(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
) -> Result<Response, ApiError> {
    let row = s.store.workspace(&orgnr).await?.ok_or(ApiError::NotFound)?;
    let etag = format!("\"{}\"", row.version);
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::ETAG, etag),
        ],
        row.doc,
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct Stored {
    pub version: i64,
}

#[utoipa::path(put, path = "/api/bodies/{orgnr}/workspace", tag = "workspace",
    params(("orgnr" = String, Path, description = "Organisation number")),
    request_body(content = Object, description = "A body file as JSON, or YAML with Content-Type application/yaml",
        content_type = "application/json"),
    responses(
        (status = 200, description = "Replaced atomically", body = Stored),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "If-Match names an older version", body = ErrorBody),
        (status = 422, description = "Every problem, and nothing stored", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn put_workspace(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    headers: HeaderMap,
    body: String,
) -> Result<Json<Stored>, ApiError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/json");
    let name = if ctype.contains("yaml") {
        "request.yaml"
    } else {
        "request.json"
    };
    // JSON is YAML 1.2: one reader for both, with lines for every problem.
    let src = Source {
        name: name.into(),
        text: body,
    };
    // The version before the release: a move to another release raises it, so a document
    // checked against the old release cannot be stored after the move.
    let current = s.store.workspace_version(&orgnr).await?;
    let cat = ops::body_catalog(&s, &orgnr).await?;
    let (_, declarations) = ops::published_declarations(&s).await?;
    let (doc, _) = read_body_with(&src, &cat.catalog, &declarations).map_err(ApiError::Invalid)?;
    if doc.org.orgnr.as_string() != orgnr {
        return Err(ApiError::BadRequest(format!(
            "org.orgnr {} ≠ {orgnr}",
            doc.org.orgnr.as_string()
        )));
    }
    let expected = match headers.get(header::IF_MATCH) {
        Some(v) => Some(
            v.to_str()
                .ok()
                .and_then(|v| v.trim_matches('"').parse().ok())
                .ok_or_else(|| ApiError::BadRequest("If-Match".into()))?,
        ),
        None => current,
    };
    let version = store_doc(&s, &orgnr, &doc, &caller.actor(), "workspace.put", expected).await?;
    Ok(Json(Stored { version }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessmentQuery {
    /// `false` leaves out the trails (`explain` is empty): most of a large body's answer. One
    /// trail is `GET /api/bodies/{orgnr}/explain/{scope}/{measure}`.
    #[serde(default = "yes")]
    pub explain: bool,
}

fn yes() -> bool {
    true
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/assessment", tag = "workspace",
    params(("orgnr" = String, Path, description = "Organisation number"), AssessmentQuery),
    responses((status = 200, description = "Exactly the JSON of `grunnmur assess` for the stored workspace (without the trails when `explain=false`)", body = Object),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_assessment(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
    Query(q): Query<AssessmentQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let d = ops::derived(&s, &orgnr).await?;
    let r = assessment_response(d, q.explain, &headers).await;
    // The assessment grew by its JSON: the cache's bound counts it.
    s.trim_cache();
    r
}

async fn assessment_response(
    d: std::sync::Arc<ops::Derived>,
    explain: bool,
    headers: &HeaderMap,
) -> Result<Response, ApiError> {
    if !explain {
        let json = ops::blocking(move || d.overview_json()).await?;
        return Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response());
    }
    let gzip = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim().starts_with("gzip")));
    if gzip {
        let z = ops::blocking(move || d.json_gzip()).await?;
        return Ok((
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CONTENT_ENCODING, "gzip"),
                (header::VARY, "accept-encoding"),
            ],
            z,
        )
            .into_response());
    }
    let json = ops::blocking(move || d.json()).await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response())
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/explain/{scope}/{measure}", tag = "workspace",
    params(("orgnr" = String, Path, description = "Organisation number"),
        ("scope" = String, Path, description = "A system's id, or `org` for the body"),
        ("measure" = String, Path, description = "The measure's id")),
    responses((status = 200, description = "Why the measure is required there, and its status: one trail of the assessment", body = Object),
        (status = 404, description = "No such body, system or measure, or the measure is not required there", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_trail(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
    Path((_, scope, measure)): Path<(String, String, String)>,
) -> Result<Json<grunnmur_core::explain::Trail>, ApiError> {
    let d = ops::derived(&s, &orgnr).await?;
    let cat = &d.catalog.catalog;
    let m = cat.measure(&measure).ok_or(ApiError::NotFound)?;
    let system = match scope.as_str() {
        "org" => None,
        id => Some(
            d.ws.systems
                .iter()
                .position(|x| x.id == id)
                .ok_or(ApiError::NotFound)?,
        ),
    };
    let trail = grunnmur_core::explain::explain(cat, &d.ws, &d.assessment, system, m);
    Ok(Json(trail.ok_or(ApiError::NotFound)?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasurePatch {
    /// The system; left out for a measure of the whole body.
    pub system: Option<String>,
    /// not_started, in_progress, partial, implemented, not_applicable, supplier.
    #[schema(value_type = String)]
    pub status: Status,
    pub owner: Option<String>,
    /// YYYY-MM-DD.
    pub due: Option<String>,
    /// Required for not_applicable.
    pub justification: Option<String>,
    #[serde(default)]
    pub evidence: Vec<String>,
    /// For supplier: the declaration's expiry, YYYY-MM-DD.
    pub valid_until: Option<String>,
    /// Recurring work: every so many months, 1 to 60. The history of work done is kept.
    pub recurs: Option<u32>,
}

impl MeasurePatch {
    /// The body file's status entry: a patch is one without the measure, which the path names.
    /// (Its own type only so that the request refuses a `measure` field and the OpenAPI
    /// document describes it.)
    fn into_doc(self, measure: String) -> StatusDoc {
        let MeasurePatch {
            system,
            status,
            owner,
            due,
            justification,
            evidence,
            valid_until,
            recurs,
        } = self;
        StatusDoc {
            measure,
            system,
            status,
            owner,
            due,
            justification,
            evidence,
            valid_until,
            recurs,
            done: Vec::new(),
        }
    }
}

#[utoipa::path(patch, path = "/api/bodies/{orgnr}/measures/{measure_id}", tag = "workspace",
    params(("orgnr" = String, Path, description = "Organisation number"), ("measure_id" = String, Path, description = "Measure id")),
    request_body = MeasurePatch,
    responses((status = 200, body = Stored), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "Every problem, and nothing stored", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn patch_measure(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    Path((_, measure_id)): Path<(String, String)>,
    Json(p): Json<MeasurePatch>,
) -> Result<Json<Stored>, ApiError> {
    let entry = p.into_doc(measure_id);
    let version = ops::change_doc(&s, &orgnr, &caller.actor(), "measure_status.set", |doc| {
        doc.set_status(entry);
        Ok(())
    })
    .await?;
    Ok(Json(Stored { version }))
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/audit", tag = "bodies",
    params(("orgnr" = String, Path, description = "Organisation number")),
    responses((status = 200, description = "The body's audit entries, oldest first", body = Vec<Object>),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_audit(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Admin>,
) -> Result<Json<Vec<grunnmur_store::AuditRow>>, ApiError> {
    Ok(Json(s.store.audit_for(&orgnr).await?))
}

#[utoipa::path(get, path = "/api/catalog", tag = "catalog",
    responses((status = 200, description = "The whole catalog, with the keys of the catalog files", body = Object),
        (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn catalog(
    State(s): State<AppState>,
    _c: Caller,
) -> Json<grunnmur_catalog::format::CatalogDoc> {
    Json(s.catalog.doc.clone())
}

#[utoipa::path(get, path = "/api/catalog/info-types", tag = "catalog",
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn catalog_info_types(State(s): State<AppState>, _c: Caller) -> Response {
    Json(&s.catalog.doc.info_types).into_response()
}

#[utoipa::path(get, path = "/api/catalog/tasks", tag = "catalog",
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn catalog_tasks(State(s): State<AppState>, _c: Caller) -> Response {
    Json(&s.catalog.doc.tasks).into_response()
}

#[utoipa::path(get, path = "/api/catalog/measures", tag = "catalog",
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn catalog_measures(State(s): State<AppState>, _c: Caller) -> Response {
    Json(&s.catalog.doc.measures).into_response()
}

#[utoipa::path(get, path = "/api/catalog/profiles", tag = "catalog",
    responses((status = 200, body = Vec<Object>), (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn catalog_profiles(State(s): State<AppState>, _c: Caller) -> Response {
    Json(&s.catalog.doc.profiles).into_response()
}
