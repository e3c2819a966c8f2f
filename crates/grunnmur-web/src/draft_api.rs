//! Catalog drafts over HTTP: thin handlers over `drafts.rs`, each with its OpenAPI operation.

use crate::auth::Caller;
use crate::drafts::{self, ChangeOut, EntryChange, Readiness, ReleaseRecord};
use crate::error::{ApiError, ErrorBody, parse_json};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::draft::{self, Section};
use grunnmur_store::{DraftCommentRow, DraftRow};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// These routes, each with its OpenAPI operation (merged into [`crate::api::api`]).
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_drafts, create_draft))
        .routes(routes!(get_draft))
        .routes(routes!(list_entries))
        .routes(routes!(get_entry, put_entry, delete_entry))
        .routes(routes!(list_proposals, create_proposal))
        .routes(routes!(accept_proposal))
        .routes(routes!(reject_proposal))
        .routes(routes!(open_consultation))
        .routes(routes!(list_comments, create_comment))
        .routes(routes!(answer_comment))
        .routes(routes!(approve_draft))
        .routes(routes!(publish_draft))
        .routes(routes!(draft_files))
        .routes(routes!(release_record))
}

/// An id from the path; one that is not a number names nothing.
fn id_of(s: &str) -> Result<i64, ApiError> {
    s.parse().map_err(|_| ApiError::NotFound)
}

fn section_of(s: &str) -> Result<Section, ApiError> {
    Section::parse(s).ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/api/catalog/drafts", tag = "catalog",
    responses((status = 200, description = "The drafts the caller may read (catalog editors and platform administrators: all; everyone else: those in or after a consultation round), oldest first", body = Vec<Object>),
        (status = 401, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_drafts(
    State(s): State<AppState>,
    caller: Caller,
) -> Result<Json<Vec<DraftRow>>, ApiError> {
    Ok(Json(drafts::list(&s, &caller).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDraft {
    /// The catalog (the server's own when left out).
    #[serde(default)]
    pub catalog_id: Option<String>,
    /// The published release the draft begins from.
    pub base: String,
    /// The version the draft will be published as.
    pub version: String,
}

#[utoipa::path(post, path = "/api/catalog/drafts", tag = "catalog",
    request_body = NewDraft,
    responses((status = 201, description = "The draft, begun from the base release's files with the new version", body = Object),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "Only catalog editors begin drafts", body = ErrorBody),
        (status = 404, description = "No such base release", body = ErrorBody),
        (status = 409, description = "The version is already a draft or a release", body = ErrorBody),
        (status = 422, description = "Not a version, or the base does not check as a new catalog (every problem)", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn create_draft(
    State(s): State<AppState>,
    caller: Caller,
    body: String,
) -> Result<Response, ApiError> {
    let req: NewDraft = parse_json(&body)?;
    let d = drafts::create(
        &s,
        &caller,
        req.catalog_id.as_deref(),
        &req.base,
        &req.version,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(d)).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct DraftOut {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub draft: DraftRow,
    /// Where it stands on its way to publication.
    pub readiness: Readiness,
    /// Every change and proposal, oldest first.
    pub changes: Vec<ChangeOut>,
}

#[utoipa::path(get, path = "/api/catalog/drafts/{id}", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, description = "The draft, where it stands (owners' approvals of this revision, open proposals, unanswered comments) and its changes", body = DraftOut),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_draft(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<DraftOut>, ApiError> {
    let (d, st) = drafts::visible(&s, &caller, id_of(&id)?).await?;
    Ok(Json(DraftOut {
        readiness: drafts::readiness(&s, &d).await?,
        changes: drafts::history_for(&s, &st, d.id).await?,
        draft: d,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct EntryOut {
    /// The catalog section: `requirements`, `activities`, `info_types`, `tasks`, `measures`,
    /// `profiles`.
    #[schema(value_type = String)]
    pub section: Section,
    pub id: String,
    pub owner: Option<String>,
    /// The file it lies in.
    pub file: String,
    #[schema(value_type = Object)]
    pub entry: Value,
}

#[utoipa::path(get, path = "/api/catalog/drafts/{id}/entries", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, description = "Every entry of the draft, file by file in file order", body = Vec<EntryOut>),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_entries(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<EntryOut>>, ApiError> {
    let (d, _) = drafts::visible(&s, &caller, id_of(&id)?).await?;
    let files = drafts::sources(&s, d.id).await?;
    let out = (draft::entries(&files).into_iter())
        .map(|(section, id, file, entry)| EntryOut {
            section,
            owner: entry
                .get("owner")
                .and_then(Value::as_str)
                .map(str::to_string),
            file: files[file].name.clone(),
            id,
            entry,
        })
        .collect();
    Ok(Json(out))
}

#[derive(Serialize, ToSchema)]
pub struct EntryWithHistory {
    #[serde(flatten)]
    pub entry: EntryOut,
    /// The entry as YAML, as it is written in its file.
    pub yaml: String,
    /// Every change and proposal to the entry, oldest first.
    pub history: Vec<ChangeOut>,
}

#[utoipa::path(get, path = "/api/catalog/drafts/{id}/entries/{kind}/{entry_id}", tag = "catalog",
    params(("id" = String, Path, description = "Draft id"), ("kind" = String, Path, description = "The catalog section"), ("entry_id" = String, Path)),
    responses((status = 200, description = "The entry, as JSON and YAML, with its history", body = EntryWithHistory),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_entry(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, kind, entry_id)): Path<(String, String, String)>,
) -> Result<Json<EntryWithHistory>, ApiError> {
    let (d, st) = drafts::visible(&s, &caller, id_of(&id)?).await?;
    let section = section_of(&kind)?;
    let files = drafts::sources(&s, d.id).await?;
    let at = draft::find_entry(&files, section, &entry_id).ok_or(ApiError::NotFound)?;
    let history = (drafts::history_for(&s, &st, d.id).await?.into_iter())
        .filter(|c| c.section == section.as_str() && c.entry_id == entry_id)
        .collect();
    Ok(Json(EntryWithHistory {
        yaml: draft::entry_yaml(&at.value),
        entry: EntryOut {
            section,
            owner: at
                .value
                .get("owner")
                .and_then(Value::as_str)
                .map(str::to_string),
            file: files[at.file].name.clone(),
            id: entry_id,
            entry: at.value,
        },
        history,
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ChangeQuery {
    /// Why the entry changes (required): kept with the change and in the release notes.
    pub reason: Option<String>,
    /// The draft's revision the change was made against; a change since is a conflict.
    pub rev: Option<i64>,
    /// Propose the change to the owner's editors even where the caller could make it.
    pub propose: Option<bool>,
    /// The file a new entry goes in (a file of the draft; else the last holding the section).
    pub file: Option<String>,
}

fn reason(q: &ChangeQuery) -> Result<&str, ApiError> {
    (q.reason.as_deref().filter(|r| !r.trim().is_empty()))
        .ok_or_else(|| ApiError::BadRequest("reason".into()))
}

fn status_of(c: &ChangeOut) -> StatusCode {
    if c.state == "proposed" {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    }
}

#[utoipa::path(put, path = "/api/catalog/drafts/{id}/entries/{kind}/{entry_id}", tag = "catalog",
    params(("id" = String, Path, description = "Draft id"), ("kind" = String, Path, description = "The catalog section: requirements, activities, info_types, tasks, measures or profiles"), ("entry_id" = String, Path), ChangeQuery),
    request_body(content = Object, description = "The whole entry, as YAML or JSON"),
    responses((status = 200, description = "Changed: the caller edits the entry's owner", body = ChangeOut),
        (status = 202, description = "Proposed to the owner's editors: another owner's entry", body = ChangeOut),
        (status = 400, description = "No reason given, or the entry does not parse", body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Only catalog editors change drafts", body = ErrorBody),
        (status = 404, description = "No such draft or section", body = ErrorBody),
        (status = 409, description = "The draft changed since `rev`, or is published", body = ErrorBody),
        (status = 422, description = "Every problem of the draft with the change, with file and line; nothing changed", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn put_entry(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, kind, entry_id)): Path<(String, String, String)>,
    Query(q): Query<ChangeQuery>,
    body: String,
) -> Result<Response, ApiError> {
    let (id, section) = (id_of(&id)?, section_of(&kind)?);
    let reason = reason(&q)?;
    let entry = draft::read_entry(&body)
        .map_err(|(line, m)| ApiError::BadRequest(format!("line {line}: {m}")))?;
    let c = EntryChange {
        section,
        id: &entry_id,
        entry: Some(entry),
        reason,
        rev: q.rev,
        propose: q.propose.unwrap_or(false),
        file: q.file.as_deref(),
    };
    let out = drafts::change(&s, &caller, id, c).await?;
    Ok((status_of(&out), Json(out)).into_response())
}

#[utoipa::path(delete, path = "/api/catalog/drafts/{id}/entries/{kind}/{entry_id}", tag = "catalog",
    params(("id" = String, Path, description = "Draft id"), ("kind" = String, Path, description = "The catalog section"), ("entry_id" = String, Path), ChangeQuery),
    responses((status = 200, description = "Removed", body = ChangeOut),
        (status = 202, description = "Its removal proposed to the owner's editors", body = ChangeOut),
        (status = 400, description = "No reason given", body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 422, description = "The draft without it does not check (every problem: what refers to it)", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn delete_entry(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, kind, entry_id)): Path<(String, String, String)>,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, ApiError> {
    let (id, section) = (id_of(&id)?, section_of(&kind)?);
    let c = EntryChange {
        section,
        id: &entry_id,
        entry: None,
        reason: reason(&q)?,
        rev: q.rev,
        propose: q.propose.unwrap_or(false),
        file: None,
    };
    let out = drafts::change(&s, &caller, id, c).await?;
    Ok((status_of(&out), Json(out)).into_response())
}

#[utoipa::path(get, path = "/api/catalog/drafts/{id}/proposals", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, description = "Every proposal, waiting or decided, oldest first", body = Vec<ChangeOut>),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_proposals(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<ChangeOut>>, ApiError> {
    let (d, st) = drafts::visible(&s, &caller, id_of(&id)?).await?;
    let out = (drafts::history_for(&s, &st, d.id).await?.into_iter())
        .filter(|c| c.state != "applied")
        .collect();
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewProposal {
    /// The catalog section.
    pub kind: String,
    pub entry_id: String,
    /// The whole entry after the change; `null` proposes to remove it.
    #[schema(value_type = Option<Object>)]
    pub entry: Option<Value>,
    pub reason: String,
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/proposals", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    request_body = NewProposal,
    responses((status = 202, description = "Proposed to the owner's editors", body = ChangeOut),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, description = "The draft with the proposal would not check: every problem", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn create_proposal(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: String,
) -> Result<Response, ApiError> {
    let id = id_of(&id)?;
    let req: NewProposal = parse_json(&body)?;
    let section = Section::parse(&req.kind)
        .ok_or_else(|| ApiError::Unprocessable(format!("kind: no such section {:?}", req.kind)))?;
    let c = EntryChange {
        section,
        id: &req.entry_id,
        entry: req.entry,
        reason: &req.reason,
        rev: None,
        propose: true,
        file: None,
    };
    let out = drafts::change(&s, &caller, id, c).await?;
    Ok((StatusCode::ACCEPTED, Json(out)).into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    pub reason: String,
}

async fn decide(
    s: &AppState,
    caller: &Caller,
    (id, pid): (String, String),
    body: &str,
    accept: bool,
) -> Result<Json<ChangeOut>, ApiError> {
    let req: ReasonBody = parse_json(body)?;
    let out = drafts::decide(s, caller, id_of(&id)?, id_of(&pid)?, accept, &req.reason).await?;
    Ok(Json(out))
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/proposals/{pid}/accept", tag = "catalog",
    params(("id" = String, Path, description = "Draft id"), ("pid" = String, Path, description = "Proposal id")),
    request_body = ReasonBody,
    responses((status = 200, description = "Accepted and applied", body = ChangeOut),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "Only editors of the entry's owner decide", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Already decided, or the entry changed since it was proposed", body = ErrorBody),
        (status = 422, description = "The draft with it no longer checks: every problem", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn accept_proposal(
    State(s): State<AppState>,
    caller: Caller,
    Path(p): Path<(String, String)>,
    body: String,
) -> Result<Json<ChangeOut>, ApiError> {
    decide(&s, &caller, p, &body, true).await
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/proposals/{pid}/reject", tag = "catalog",
    params(("id" = String, Path, description = "Draft id"), ("pid" = String, Path, description = "Proposal id")),
    request_body = ReasonBody,
    responses((status = 200, description = "Rejected, with the reason", body = ChangeOut),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Already decided", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn reject_proposal(
    State(s): State<AppState>,
    caller: Caller,
    Path(p): Path<(String, String)>,
    body: String,
) -> Result<Json<ChangeOut>, ApiError> {
    decide(&s, &caller, p, &body, false).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsultationBody {
    /// The round's last day, `YYYY-MM-DD`, from today on.
    pub closes: String,
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/consultation", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    request_body = ConsultationBody,
    responses((status = 200, description = "The round is open to every signed-in member of any body until the day", body = Object),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "The draft is published", body = ErrorBody),
        (status = 422, description = "Not a day from today on", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn open_consultation(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: String,
) -> Result<Json<DraftRow>, ApiError> {
    let req: ConsultationBody = parse_json(&body)?;
    Ok(Json(
        drafts::open_consultation(&s, &caller, id_of(&id)?, &req.closes).await?,
    ))
}

#[utoipa::path(get, path = "/api/catalog/drafts/{id}/comments", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, description = "Catalog editors: every comment; a member: those of their own bodies, with the answers", body = Vec<Object>),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_comments(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<DraftCommentRow>>, ApiError> {
    Ok(Json(drafts::comments(&s, &caller, id_of(&id)?).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewComment {
    /// The body commenting (may be left out by a member of one body only).
    #[serde(default)]
    pub orgnr: Option<String>,
    /// `<kind>/<entry_id>`.
    pub entry: String,
    pub text: String,
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/comments", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    request_body = NewComment,
    responses((status = 201, description = "Recorded for the body", body = Object),
        (status = 400, description = "No text, or no `orgnr` from a member of several bodies", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, description = "No such draft in consultation, or not a member of the body", body = ErrorBody),
        (status = 409, description = "The round is not open", body = ErrorBody),
        (status = 422, description = "No such entry", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn create_comment(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: String,
) -> Result<Response, ApiError> {
    let req: NewComment = parse_json(&body)?;
    let c = drafts::comment(
        &s,
        &caller,
        id_of(&id)?,
        req.orgnr.as_deref(),
        &req.entry,
        &req.text,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(c)).into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    pub text: String,
    /// `accepted`, `partly` or `rejected`.
    pub outcome: String,
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/comments/{cid}/answer", tag = "catalog",
    params(("id" = String, Path, description = "Draft id"), ("cid" = String, Path, description = "Comment id")),
    request_body = AnswerBody,
    responses((status = 200, description = "Answered", body = Object),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "Only editors of the commented entry's owner answer", body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, description = "Not an outcome", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn answer_comment(
    State(s): State<AppState>,
    caller: Caller,
    Path((id, cid)): Path<(String, String)>,
    body: String,
) -> Result<Json<DraftCommentRow>, ApiError> {
    let req: AnswerBody = parse_json(&body)?;
    let out = drafts::answer(
        &s,
        &caller,
        id_of(&id)?,
        id_of(&cid)?,
        &req.text,
        &req.outcome,
    );
    Ok(Json(out.await?))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RevBody {
    /// The revision approved or published (the current one when left out).
    #[serde(default)]
    pub rev: Option<i64>,
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/approve", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    request_body = RevBody,
    responses((status = 200, description = "Approved for every changed owner the caller edits; where the draft now stands", body = Readiness),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "The caller edits none of the owners whose entries changed", body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "The draft changed since `rev`, or is published", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn approve_draft(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: String,
) -> Result<Json<Readiness>, ApiError> {
    let req: RevBody = parse_json(&body)?;
    Ok(Json(
        drafts::approve(&s, &caller, id_of(&id)?, req.rev).await?,
    ))
}

#[utoipa::path(post, path = "/api/catalog/drafts/{id}/publish", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    request_body = RevBody,
    responses((status = 200, description = "Published as a release: bodies pinned to the previous one are told on their dashboard", body = Object),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, description = "The caller edits none of the owners whose entries changed", body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Not ready: what is missing (approvals, proposals, answers, the round still open)", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn publish_draft(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: String,
) -> Result<Json<DraftRow>, ApiError> {
    let req: RevBody = parse_json(&body)?;
    Ok(Json(
        drafts::publish(&s, &caller, id_of(&id)?, req.rev).await?,
    ))
}

#[utoipa::path(get, path = "/api/catalog/drafts/{id}/files", tag = "catalog",
    params(("id" = String, Path, description = "Draft id")),
    responses((status = 200, description = "The draft's files as a zip, laid out as the catalog folder", content_type = "application/zip", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn draft_files(
    State(s): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (d, _) = drafts::visible(&s, &caller, id_of(&id)?).await?;
    let files = drafts::sources(&s, d.id).await?;
    let bytes = drafts::files_zip(&files)?;
    let name = format!(
        "attachment; filename=\"{}-{}.zip\"",
        d.catalog_id, d.version
    );
    let headers = [
        (header::CONTENT_TYPE, "application/zip".to_string()),
        (header::CONTENT_DISPOSITION, name),
    ];
    Ok((headers, bytes).into_response())
}

#[utoipa::path(get, path = "/api/catalog/releases/{catalog_id}/{version}/record", tag = "catalog",
    params(("catalog_id" = String, Path), ("version" = String, Path)),
    responses((status = 200, description = "The release's record: the changes with their reasons (release notes) and the consultation's comments with the answers, by body, never by person", body = ReleaseRecord),
        (status = 401, body = ErrorBody),
        (status = 404, description = "No release published from a draft under this version", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn release_record(
    State(s): State<AppState>,
    _c: Caller,
    Path((catalog_id, version)): Path<(String, String)>,
) -> Result<Json<ReleaseRecord>, ApiError> {
    let r = drafts::record(&s, &catalog_id, &version).await?;
    Ok(Json(r.ok_or(ApiError::NotFound)?))
}
