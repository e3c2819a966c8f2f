//! Risk assessments and reports (draft → final) over HTTP. Assessments are the engine's
//! `RiskAssessment` documents, pre-filled from the body's derived result; reports are report
//! documents from `grunnmur-report` (the CLI's renderer), stored as snapshots and rendered on
//! request. A final report never changes: the store refuses, logs the attempt, and the caller
//! gets 409; a later change makes the next version.
//!
//! Handlers check the caller's role before reading the request body, so a non-member learns
//! nothing (404) whatever they send.

use crate::auth::{Admin, Editor, Member, Reader};
use crate::error::{ApiError, ErrorBody, lang_of, parse_json};
use crate::ops;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use grunnmur_core::risk::{ObjectRef, Preset, Problem, RiskAssessment, RiskEvaluation};
use grunnmur_i18n::{Lang, t};
use grunnmur_report::{Format, ReportInput, ReportKind, build, doc::Doc, render_doc};
use grunnmur_store::{ReportDraft, ReportRow, ReportState, RiskRow, RiskWrite, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// These routes, each with its OpenAPI operation (merged into [`crate::api::api`]).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_risk_assessments, create_risk_assessment))
        .routes(routes!(get_risk_assessment, put_risk_assessment))
        .routes(routes!(accept_risk_assessment))
        .routes(routes!(list_reports, create_report))
        .routes(routes!(get_report, put_report))
        .routes(routes!(finalize_report))
}

/// An id from the path; one that is not a number names nothing.
fn id_of(s: &str) -> Result<i64, ApiError> {
    s.parse().map_err(|_| ApiError::NotFound)
}

#[derive(Serialize)]
struct ProblemOut {
    path: String,
    code: &'static str,
    message: String,
}

/// A risk-assessment problem's message in `lang`.
pub fn problem_message(lang: Lang, p: &Problem) -> String {
    let (key, args) = p.message_parts();
    t(lang, &key, &args)
}

fn problems_out(lang: Lang, ps: &[Problem]) -> Vec<ProblemOut> {
    ps.iter()
        .map(|p| ProblemOut {
            path: p.path.clone(),
            code: p.code.as_str(),
            message: problem_message(lang, p),
        })
        .collect()
}

/// 422 with every problem and its field; nothing was stored.
fn invalid(lang: Lang, ps: &[Problem]) -> Response {
    invalid_out(lang, problems_out(lang, ps))
}

fn invalid_out(lang: Lang, problems: Vec<ProblemOut>) -> Response {
    let body = serde_json::json!({
        "error": "invalid",
        "message": t(lang, "api-invalid", &[]),
        "problems": problems,
    });
    (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response()
}

/// A risk assessment document from a request: JSON, or the failing field and why.
fn parse_assessment(body: &str) -> Result<RiskAssessment, ProblemOut> {
    let de = &mut serde_json::Deserializer::from_str(body);
    serde_path_to_error::deserialize(de).map_err(|e| ProblemOut {
        path: e.path().to_string(),
        code: "format",
        message: e.inner().to_string(),
    })
}

/// The assessment document of a stored row.
pub fn stored_doc(row: &RiskRow) -> Result<RiskAssessment, ApiError> {
    serde_json::from_str(&row.doc).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Every stored assessment of the body, oldest first.
pub async fn stored_assessments(
    s: &AppState,
    orgnr: &str,
) -> Result<Vec<RiskAssessment>, ApiError> {
    let rows = s.store.risk_assessments(orgnr).await?;
    rows.iter().map(stored_doc).collect()
}

fn to_json<T: Serialize>(v: &T) -> Result<String, ApiError> {
    serde_json::to_string(v).map_err(|e| ApiError::Internal(e.to_string()))
}

pub async fn load_risk(
    s: &AppState,
    orgnr: &str,
    id: &str,
) -> Result<(RiskRow, RiskAssessment), ApiError> {
    let row = s
        .store
        .risk_assessment(orgnr, id_of(id)?)
        .await?
        .ok_or(ApiError::NotFound)?;
    let doc = stored_doc(&row)?;
    Ok((row, doc))
}

#[derive(Serialize, ToSchema)]
pub struct RiskSummary {
    pub id: i64,
    pub version: i64,
    pub title: String,
    /// `org`, `task:<id>`, `tasks:<id>,<id>` or `system:<id>`.
    pub object: String,
    pub risks: usize,
    /// The risk owner, when the residual risk is accepted.
    pub accepted_by: Option<String>,
    pub accepted_on: Option<String>,
    pub updated_at: i64,
    pub updated_by: String,
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/risk-assessments", tag = "risk",
    params(("orgnr" = String, Path, description = "Organisation number")),
    responses((status = 200, description = "The body's risk assessments, oldest first", body = Vec<RiskSummary>),
        (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_risk_assessments(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
) -> Result<Json<Vec<RiskSummary>>, ApiError> {
    let mut out = Vec::new();
    for row in s.store.risk_assessments(&orgnr).await? {
        let doc = stored_doc(&row)?;
        out.push(RiskSummary {
            id: row.id,
            version: row.version,
            title: doc.title,
            object: doc.frame.object.to_string(),
            risks: doc.risks.len(),
            accepted_by: doc.acceptance.as_ref().map(|a| a.owner.clone()),
            accepted_on: doc.acceptance.as_ref().map(|a| a.date.to_string()),
            updated_at: row.updated_at,
            updated_by: row.updated_by,
        });
    }
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRiskAssessment {
    /// What to assess: `org`, `task:<id>`, `tasks:<id>,<id>` or `system:<id>`.
    pub object: String,
    /// `5x5` (default) or `3x3`.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub matrix: Preset,
    #[serde(default)]
    pub title: String,
}

/// An assessment as the API shows it: the document, its evaluation, and what still stands in
/// the way of the risk owner's acceptance.
#[derive(Serialize, ToSchema)]
pub struct RiskOut {
    pub id: i64,
    pub version: i64,
    #[schema(value_type = Object)]
    pub document: RiskAssessment,
    #[schema(value_type = Vec<Object>)]
    pub evaluation: Vec<RiskEvaluation>,
    /// Empty when the owner may accept the residual risk.
    #[schema(value_type = Vec<Object>)]
    pub before_acceptance: Vec<serde_json::Value>,
}

async fn risk_out(
    s: &AppState,
    orgnr: &str,
    lang: Lang,
    id: i64,
    version: i64,
    doc: RiskAssessment,
) -> Result<Response, ApiError> {
    let d = ops::derived(s, orgnr).await?;
    let open = doc.acceptance_problems(&d.catalog.catalog, &d.ws);
    let out = RiskOut {
        id,
        version,
        evaluation: doc.evaluate(),
        document: doc,
        before_acceptance: problems_out(lang, &open)
            .into_iter()
            .filter_map(|p| serde_json::to_value(p).ok())
            .collect(),
    };
    Ok(([(header::ETAG, format!("\"{version}\""))], Json(out)).into_response())
}

/// A new assessment of `object`, pre-filled from the engine's risk list and the object's levels,
/// and stored. The inner error is a problem with the object (unknown, for instance).
pub async fn new_risk_assessment(
    s: &AppState,
    orgnr: &str,
    object: &str,
    matrix: Preset,
    title: String,
    actor: &str,
) -> Result<Result<(RiskRow, RiskAssessment), Problem>, ApiError> {
    let object = ObjectRef::parse(object)
        .ok_or_else(|| ApiError::BadRequest(format!("object: {object}")))?;
    let d = ops::derived(s, orgnr).await?;
    let cat = &d.catalog.catalog;
    let mut doc = match RiskAssessment::prefill(cat, &d.ws, &d.assessment, object, matrix) {
        Ok(doc) => doc,
        Err(p) => return Ok(Err(p)),
    };
    doc.title = title;
    if let Some(p) = doc.text_problems().into_iter().next() {
        return Ok(Err(p));
    }
    let row = s
        .store
        .create_risk_assessment(orgnr, &to_json(&doc)?, actor)
        .await?;
    Ok(Ok((row, doc)))
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/risk-assessments", tag = "risk",
    params(("orgnr" = String, Path, description = "Organisation number")),
    request_body = NewRiskAssessment,
    responses((status = 201, description = "Created, pre-filled from the engine's risk list and the object's levels", body = RiskOut),
        (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "The object is unknown", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn create_risk_assessment(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let lang = lang_of(&headers);
    let req: NewRiskAssessment = parse_json(&body)?;
    let (row, doc) = match new_risk_assessment(
        &s,
        &orgnr,
        &req.object,
        req.matrix,
        req.title,
        &caller.actor(),
    )
    .await?
    {
        Ok(x) => x,
        Err(p) => return Ok(invalid(lang, &[p])),
    };
    let res = risk_out(&s, &orgnr, lang, row.id, row.version, doc).await?;
    Ok((StatusCode::CREATED, res).into_response())
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/risk-assessments/{id}", tag = "risk",
    params(("orgnr" = String, Path, description = "Organisation number"), ("id" = String, Path, description = "Risk assessment id")),
    responses((status = 200, description = "The assessment; ETag is its version", body = RiskOut),
        (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_risk_assessment(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
    Path((_, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (row, doc) = load_risk(&s, &orgnr, &id).await?;
    risk_out(&s, &orgnr, lang_of(&headers), row.id, row.version, doc).await
}

#[derive(Serialize, ToSchema)]
pub struct Stored {
    pub version: i64,
    /// The change withdrew the risk owner's acceptance: it must be accepted again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub acceptance_withdrawn: bool,
}

impl From<Saved> for Stored {
    fn from(s: Saved) -> Stored {
        Stored {
            version: s.version,
            acceptance_withdrawn: s.acceptance_withdrawn,
        }
    }
}

#[utoipa::path(put, path = "/api/bodies/{orgnr}/risk-assessments/{id}", tag = "risk",
    params(("orgnr" = String, Path, description = "Organisation number"), ("id" = String, Path, description = "Risk assessment id")),
    request_body(content = Object, description = "The whole assessment document. Its `acceptance` is ignored: a change withdraws an acceptance (the answer says so), and only the accept route records one."),
    responses((status = 200, body = Stored), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "If-Match (or, without it, a concurrent change) names an older version", body = ErrorBody),
        (status = 422, description = "Every problem with its field; nothing stored", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn put_risk_assessment(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    Path((_, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let lang = lang_of(&headers);
    load_risk(&s, &orgnr, &id).await?;
    let doc = match parse_assessment(&body) {
        Ok(doc) => doc,
        Err(p) => return Ok(invalid_out(lang, vec![p])),
    };
    let expected = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim_matches('"').parse().ok());
    let replace = |d: &mut RiskAssessment| {
        *d = doc;
        Ok(())
    };
    match change(&s, &orgnr, &id, expected, &caller.actor(), replace).await? {
        Ok(saved) => Ok(Json(Stored::from(saved)).into_response()),
        Err(problems) => Ok(invalid(lang, &problems)),
    }
}

/// What a stored change did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    pub version: i64,
    /// The assessment was accepted; the change withdrew the acceptance.
    pub acceptance_withdrawn: bool,
}

/// The one way a stored assessment changes (the API's `PUT` and the pages): read it, change it,
/// check it, and store it with the version the caller saw (`expected_version`; left out, the
/// version read), so a concurrent change is refused (409), not lost. With any problem nothing
/// is stored. A change withdraws the risk owner's acceptance: only [`accept`] records one.
pub async fn change(
    s: &AppState,
    orgnr: &str,
    id: &str,
    expected_version: Option<i64>,
    actor: &str,
    change: impl FnOnce(&mut RiskAssessment) -> Result<(), ApiError>,
) -> Result<Result<Saved, Vec<Problem>>, ApiError> {
    let (row, mut doc) = load_risk(s, orgnr, id).await?;
    let was_accepted = doc.acceptance.is_some();
    change(&mut doc)?;
    doc.acceptance = None;
    let d = ops::derived(s, orgnr).await?;
    let problems = doc.check(&d.catalog.catalog, &d.ws);
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let version = s
        .store
        .put_risk_assessment(RiskWrite {
            orgnr,
            id: row.id,
            doc: &to_json(&doc)?,
            actor,
            action: "risk_assessment.update",
            expected_version: Some(expected_version.unwrap_or(row.version)),
        })
        .await?;
    Ok(Ok(Saved {
        version,
        acceptance_withdrawn: was_accepted,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptRequest {
    /// The risk owner who accepts the residual risk, by name and role.
    pub owner: String,
    #[serde(default)]
    pub note: String,
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/risk-assessments/{id}/accept", tag = "risk",
    params(("orgnr" = String, Path, description = "Organisation number"), ("id" = String, Path, description = "Risk assessment id")),
    request_body = AcceptRequest,
    responses((status = 200, description = "Accepted: owner, today's date and the caller recorded", body = Stored),
        (status = 403, description = "Only a body's administrators record acceptance", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, description = "What stands in the way, with fields; nothing stored", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn accept_risk_assessment(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Admin>,
    Path((_, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let lang = lang_of(&headers);
    let req: AcceptRequest = parse_json(&body)?;
    match accept(&s, &orgnr, &id, &req.owner, &req.note, &caller.actor()).await? {
        Ok(version) => Ok(Json(Stored {
            version,
            acceptance_withdrawn: false,
        })
        .into_response()),
        Err(problems) => Ok(invalid(lang, &problems)),
    }
}

/// Records the risk owner's acceptance of the residual risk, or says what stands in the way.
pub async fn accept(
    s: &AppState,
    orgnr: &str,
    id: &str,
    owner: &str,
    note: &str,
    actor: &str,
) -> Result<Result<i64, Vec<Problem>>, ApiError> {
    let (row, mut doc) = load_risk(s, orgnr, id).await?;
    let d = ops::derived(s, orgnr).await?;
    if let Err(problems) = doc.accept(&d.catalog.catalog, &d.ws, owner, d.today, actor, note) {
        return Ok(Err(problems));
    }
    // What the object looks like now, so a later change brings it back to the to-do list.
    doc.record_basis(&d.catalog.catalog, &d.ws, &d.assessment, d.today);
    let version = s
        .store
        .put_risk_assessment(RiskWrite {
            orgnr,
            id: row.id,
            doc: &to_json(&doc)?,
            actor,
            action: "risk_assessment.accept",
            expected_version: Some(row.version),
        })
        .await?;
    Ok(Ok(version))
}

/// The report kinds the API makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Status,
    MeasurePlan,
    RiskAssessment,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Status => "status",
            Kind::MeasurePlan => "measure-plan",
            Kind::RiskAssessment => "risk-assessment",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        serde_json::from_value(serde_json::Value::String(s.into())).ok()
    }
}

/// The report document of a kind, made now from the stored workspace (and assessment), by the
/// same builders as `grunnmur report`. Returns the series' subject and the snapshot.
async fn snapshot(
    s: &AppState,
    orgnr: &str,
    kind: Kind,
    lang: Lang,
    risk_id: Option<&str>,
) -> Result<(String, String), ApiError> {
    let d = ops::derived(s, orgnr).await?;
    // The status report's top risks come from the body's stored assessments.
    let risks = match kind {
        Kind::Status => stored_assessments(s, orgnr).await?,
        Kind::MeasurePlan | Kind::RiskAssessment => Vec::new(),
    };
    let input = ReportInput {
        report: d.overview(),
        catalog: &d.catalog.doc,
        body: &d.doc,
        risks: &risks,
        declarations: &d.declarations,
        lang,
    };
    let (subject, doc): (String, Doc) = match kind {
        Kind::Status => (String::new(), build::build(ReportKind::Status, &input)),
        Kind::MeasurePlan => (String::new(), build::build(ReportKind::MeasurePlan, &input)),
        Kind::RiskAssessment => {
            let id =
                risk_id.ok_or_else(|| ApiError::BadRequest("risk_assessment: missing".into()))?;
            let (row, ra) = load_risk(s, orgnr, id).await?;
            (row.id.to_string(), build::risk_assessment(&input, &ra))
        }
    };
    Ok((subject, to_json(&doc)?))
}

fn lang_param(s: Option<&str>, fallback: Lang) -> Result<Lang, ApiError> {
    match s {
        None => Ok(fallback),
        Some(l) => Lang::parse(l).ok_or_else(|| ApiError::BadRequest(format!("lang: {l}"))),
    }
}

/// A refused change of a final report is a conflict; the store has logged it.
fn report_error(e: StoreError, lang: Lang, id: i64) -> ApiError {
    match e {
        StoreError::Immutable(_) => {
            ApiError::Conflict(t(lang, "risk-api-report-final", &[("id", &id.to_string())]))
        }
        other => other.into(),
    }
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/reports", tag = "reports",
    params(("orgnr" = String, Path, description = "Organisation number")),
    responses((status = 200, description = "Every version of every report, oldest first (without content)", body = Vec<Object>),
        (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_reports(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
) -> Result<Json<Vec<ReportRow>>, ApiError> {
    Ok(Json(s.store.reports(&orgnr).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewReport {
    /// `status`, `measure-plan` or `risk-assessment`.
    pub kind: String,
    /// `nb` (default) or `en`.
    pub lang: Option<String>,
    /// For `risk-assessment`: the assessment's id.
    pub risk_assessment: Option<i64>,
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/reports", tag = "reports",
    params(("orgnr" = String, Path, description = "Organisation number")),
    request_body = NewReport,
    responses((status = 201, description = "The series' draft, made from the data as it is now: a new version when the latest is final", body = Object),
        (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn create_report(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    body: String,
) -> Result<Response, ApiError> {
    let req: NewReport = parse_json(&body)?;
    let kind = Kind::parse(&req.kind)
        .ok_or_else(|| ApiError::BadRequest(format!("kind: {}", req.kind)))?;
    let lang = lang_param(req.lang.as_deref(), Lang::Nb)?;
    let row =
        new_report_draft(&s, &orgnr, kind, lang, req.risk_assessment, &caller.actor()).await?;
    Ok((StatusCode::CREATED, Json(row)).into_response())
}

/// The series' draft of a report, made from the data as it is now (a new version when the
/// latest is final).
pub async fn new_report_draft(
    s: &AppState,
    orgnr: &str,
    kind: Kind,
    lang: Lang,
    risk_assessment: Option<i64>,
    actor: &str,
) -> Result<ReportRow, ApiError> {
    let risk_id = risk_assessment.map(|n| n.to_string());
    let (subject, snap) = snapshot(s, orgnr, kind, lang, risk_id.as_deref()).await?;
    Ok(s.store
        .save_report_draft(ReportDraft {
            orgnr,
            kind: kind.as_str(),
            subject: &subject,
            lang: lang.code(),
            snapshot: &snap,
            actor,
        })
        .await?)
}

#[derive(Deserialize)]
pub struct ReportQuery {
    pub format: Option<String>,
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/reports/{id}", tag = "reports",
    params(("orgnr" = String, Path, description = "Organisation number"), ("id" = String, Path, description = "Report id"),
        ("format" = Option<String>, Query, description = "`pdf`, `xlsx` or `html` for the report itself; left out, its facts as JSON")),
    responses((status = 200, description = "The report's facts, or the report rendered from its stored snapshot", content(
            (Object = "application/json"),
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/html"))),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_report(
    State(s): State<AppState>,
    Member { orgnr, .. }: Member<Reader>,
    Path((_, id)): Path<(String, String)>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    let row = s
        .store
        .report(&orgnr, id_of(&id)?)
        .await?
        .ok_or(ApiError::NotFound)?;
    let Some(f) = q.format else {
        return Ok(Json(row).into_response());
    };
    let format = Format::parse(&f).ok_or_else(|| ApiError::BadRequest(format!("format: {f}")))?;
    // What is shown is what was approved: a snapshot that no longer matches its hash is not.
    if grunnmur_store::content_hash(&row.snapshot) != row.content_hash {
        return Err(ApiError::Internal(format!(
            "report {}: content hash mismatch",
            row.id
        )));
    }
    let doc: Doc =
        serde_json::from_str(&row.snapshot).map_err(|e| ApiError::Internal(e.to_string()))?;
    let bytes = ops::blocking(move || {
        render_doc(&doc, format).map_err(|e| ApiError::Internal(e.to_string()))
    })
    .await?;
    let name = format!(
        "{}-{}-v{}.{}",
        row.kind,
        row.orgnr,
        row.number,
        format.extension()
    );
    Ok((
        [
            (header::CONTENT_TYPE, format.mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportChange {
    /// `nb` or `en`; left out, the draft's language.
    pub lang: Option<String>,
}

/// `PUT` and `PATCH` do the same: the draft is made again from the data as it is now, with the
/// request's changes (a report is a snapshot, so there is nothing to patch field by field).
#[utoipa::path(method(put, patch), path = "/api/bodies/{orgnr}/reports/{id}", tag = "reports",
    params(("orgnr" = String, Path, description = "Organisation number"), ("id" = String, Path, description = "Report id")),
    request_body = ReportChange,
    responses((status = 200, description = "The draft, made again from the data as it is now", body = Object),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "The report is final: refused, and the attempt is in the audit log", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn put_report(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Editor>,
    Path((_, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let lang = lang_of(&headers);
    let req: ReportChange = parse_json(&body)?;
    let id = id_of(&id)?;
    let row = s
        .store
        .report(&orgnr, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let doc_lang = lang_param(
        req.lang.as_deref(),
        Lang::parse(&row.lang).unwrap_or_default(),
    )?;
    // A final report goes to the store unchanged: the store refuses it and logs the attempt.
    let snap = match row.state {
        ReportState::Final => row.snapshot.clone(),
        ReportState::Draft => {
            let kind =
                Kind::parse(&row.kind).ok_or_else(|| ApiError::Internal(row.kind.clone()))?;
            let subject = (!row.subject.is_empty()).then_some(row.subject.as_str());
            snapshot(&s, &orgnr, kind, doc_lang, subject).await?.1
        }
    };
    let row = s
        .store
        .update_report_draft(&orgnr, id, doc_lang.code(), &snap, &caller.actor())
        .await
        .map_err(|e| report_error(e, lang, id))?;
    Ok(Json(row).into_response())
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/reports/{id}/finalize", tag = "reports",
    params(("orgnr" = String, Path, description = "Organisation number"), ("id" = String, Path, description = "Report id")),
    responses((status = 200, description = "Final: the caller is the approver; the content hash is of the stored snapshot", body = Object),
        (status = 403, description = "Only a body's administrators finalise", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Already final: refused and logged", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn finalize_report(
    State(s): State<AppState>,
    Member { caller, orgnr, .. }: Member<Admin>,
    Path((_, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let row = finalize(&s, &orgnr, id_of(&id)?, &caller.actor(), lang_of(&headers)).await?;
    Ok(Json(row).into_response())
}

/// Makes a draft final with `actor` as its approver; a final report stays as it is (409, and
/// the store logs the attempt).
pub async fn finalize(
    s: &AppState,
    orgnr: &str,
    id: i64,
    actor: &str,
    lang: Lang,
) -> Result<ReportRow, ApiError> {
    s.store
        .finalize_report(orgnr, id, actor)
        .await
        .map_err(|e| report_error(e, lang, id))
}
