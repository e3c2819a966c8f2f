//! The platform audit stream for platform administrators: the security events (`login`,
//! `login.failed`, `login.throttled`, `logout`, `csrf.refused`, `access.denied`, token and
//! password changes, …) and every other audit entry about no body, newest first, filtered and
//! paged. The web application's page reads it through [`platform_audit`] too.

use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Query, State};
use grunnmur_store::{AuditQuery, AuditRow};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_platform_audit))
}

/// What the stream is filtered by; every filter is optional.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlatformAuditQuery {
    /// An action (`login.failed`) or a family of them (`login` is `login` and `login.*`).
    pub action: Option<String>,
    /// A part of the actor's name or e-mail address (case-insensitive).
    pub actor: Option<String>,
    /// From this time on (seconds since 1970-01-01 UTC).
    pub since: Option<i64>,
    /// Up to this time (seconds since 1970-01-01 UTC).
    pub until: Option<i64>,
    /// Entries older than this sequence number: the `next` of the previous page.
    pub before: Option<i64>,
    /// At most this many entries (1–500, 50 by default).
    pub limit: Option<i64>,
}

/// One entry of the stream.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlatformEntry {
    /// The entry's place in the audit chain.
    pub seq: i64,
    /// When (seconds since 1970-01-01 UTC).
    pub at: i64,
    /// Who: the account, the e-mail address tried, or the client's address.
    pub actor: String,
    pub action: String,
    /// What the event says beyond that (the client's address, the body, the role needed,
    /// how many refusals like it were summarised, …).
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
}

/// A page of the stream, newest first.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PlatformAuditPage {
    pub entries: Vec<PlatformEntry>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    pub next: Option<i64>,
}

impl From<AuditRow> for PlatformEntry {
    fn from(r: AuditRow) -> PlatformEntry {
        let detail = r
            .after
            .as_deref()
            .map(|a| serde_json::from_str(a).unwrap_or_else(|_| json!(a)))
            .unwrap_or(serde_json::Value::Null);
        PlatformEntry {
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            action: r.action,
            detail,
        }
    }
}

/// The stream for a platform administrator; anyone else is refused (and that is recorded).
pub async fn platform_audit(
    state: &AppState,
    caller: &Caller,
    q: PlatformAuditQuery,
) -> Result<PlatformAuditPage, ApiError> {
    if !caller.user.platform_admin {
        caller
            .denied(
                state,
                json!({"need": "platform_admin", "what": "platform audit"}),
            )
            .await;
        return Err(ApiError::Forbidden);
    }
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let query = AuditQuery {
        action: q.action,
        actor: q.actor,
        since: q.since,
        until: q.until,
        before_seq: q.before,
        // One more than asked, to know whether there is a next page.
        limit: limit + 1,
    };
    let mut rows = state.store.platform_audit(&query).await?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if more {
        rows.last().map(|r| r.seq)
    } else {
        None
    };
    Ok(PlatformAuditPage {
        entries: rows.into_iter().map(PlatformEntry::from).collect(),
        next,
    })
}

#[utoipa::path(get, path = "/api/platform/audit", tag = "platform", params(PlatformAuditQuery),
    responses(
        (status = 200, description = "Security events and other entries about no body, newest first", body = PlatformAuditPage),
        (status = 401, body = ErrorBody),
        (status = 403, description = "Only platform administrators", body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn get_platform_audit(
    State(s): State<AppState>,
    caller: Caller,
    Query(q): Query<PlatformAuditQuery>,
) -> Result<Json<PlatformAuditPage>, ApiError> {
    Ok(Json(platform_audit(&s, &caller, q).await?))
}
