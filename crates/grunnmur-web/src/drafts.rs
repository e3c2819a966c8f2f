//! Catalog drafts (issue 14): the next release of a catalog written together by the guidance
//! bodies. What every view does to a draft lives here — the API (`draft_api.rs`), the pages
//! and `grunnmur catalog draft-import` go through these functions:
//!
//! - an editor of an entry's owner changes it directly; anyone else's change to it becomes a
//!   proposal the owner's editors accept or reject with a reason;
//! - every change is checked with the whole draft (`check_catalog`): a draft always validates;
//! - members of every body read a draft once its consultation round is open, see what it
//!   would change for their own body, and comment; editors answer;
//! - every owner whose entries changed approves the draft at its current revision, then one of
//!   their editors publishes it as a release; the record stays with it.
//!
//! The files stay the source of truth: a change rewrites only the entry's lines in its file
//! (`grunnmur_catalog::draft`), so a draft can be written in git and here alike.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::{AppState, today};
use grunnmur_catalog::body::history::{Change, What, entry_changes};
use grunnmur_catalog::draft::{self, Section};
use grunnmur_catalog::problem::ProblemKind;
use grunnmur_catalog::{CheckedCatalog, Problem, Source, check_catalog};
use grunnmur_store::{
    Decision, DraftApprovalRow, DraftChange, DraftChangeRow, DraftCommentRow, DraftRow,
    EditorOwners, Role, StoreError,
};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use utoipa::ToSchema;

/// The longest reason, comment or answer (as every free text of the platform).
pub const MAX_TEXT: usize = grunnmur_core::limits::MAX_TEXT;

/// How the caller stands to drafts: an editor of some owners, a platform administrator, or a
/// member of bodies (who reads a draft in consultation and comments).
pub struct Standing {
    pub editor: Option<EditorOwners>,
    pub admin: bool,
}

impl Standing {
    pub async fn of(s: &AppState, caller: &Caller) -> Result<Standing, ApiError> {
        Ok(Standing {
            editor: caller.catalog_owners(s).await?,
            admin: caller.user.platform_admin && caller.scope().is_none(),
        })
    }

    /// Catalog editors and platform administrators see every draft and every comment.
    pub fn sees_all(&self) -> bool {
        self.editor.is_some() || self.admin
    }

    pub fn edits(&self, owner: &str) -> bool {
        self.editor.as_ref().is_some_and(|e| e.may_edit(owner))
    }
}

/// Refuses a caller who is not a catalog editor (recorded as a refusal).
async fn editor(s: &AppState, caller: &Caller, what: &str) -> Result<Standing, ApiError> {
    let st = Standing::of(s, caller).await?;
    if st.editor.is_none() {
        let detail = serde_json::json!({"need": "catalog_editor", "what": what});
        caller.denied(s, detail).await;
        return Err(ApiError::Forbidden);
    }
    Ok(st)
}

/// Whether a consultation round has been opened on the draft (members read it from then on).
pub fn in_consultation(d: &DraftRow) -> bool {
    d.closes.is_some()
}

/// Whether members may still comment: a round is open and its last day has not passed.
pub fn open_for_comments(d: &DraftRow) -> bool {
    let today = today().to_string();
    !d.is_published() && d.closes.as_deref().is_some_and(|c| today.as_str() <= c)
}

/// A draft the caller may read: editors and administrators every draft, everyone signed in
/// one whose consultation round has been opened. Any other is "not found".
pub async fn visible(
    s: &AppState,
    caller: &Caller,
    id: i64,
) -> Result<(DraftRow, Standing), ApiError> {
    let mut d = s.store.draft(id).await?.ok_or(ApiError::NotFound)?;
    let st = Standing::of(s, caller).await?;
    if st.sees_all() {
        Ok((d, st))
    } else if in_consultation(&d) {
        // Members read the draft; who began it is for the editors.
        d.created_by.clear();
        Ok((d, st))
    } else {
        Err(ApiError::NotFound)
    }
}

/// The drafts the caller may read, oldest first.
pub async fn list(s: &AppState, caller: &Caller) -> Result<Vec<DraftRow>, ApiError> {
    let st = Standing::of(s, caller).await?;
    let rows = s.store.drafts().await?;
    Ok((rows.into_iter())
        .filter(|d| st.sees_all() || in_consultation(d))
        .map(|mut d| {
            if !st.sees_all() {
                d.created_by.clear();
            }
            d
        })
        .collect())
}

/// A store error in a draft's terms: a revision conflict is about the draft, not a workspace.
fn of_draft(e: StoreError) -> ApiError {
    match e {
        StoreError::VersionConflict { current, expected } => ApiError::Conflict(format!(
            "the draft changed meanwhile (revision {current}, expected {expected})"
        )),
        e => e.into(),
    }
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}

pub async fn sources(s: &AppState, id: i64) -> Result<Vec<Source>, ApiError> {
    let text = s.store.draft_sources(id).await?.ok_or(ApiError::NotFound)?;
    serde_json::from_str(&text).map_err(internal)
}

async fn release_sources(
    s: &AppState,
    catalog_id: &str,
    version: &str,
) -> Result<Vec<Source>, ApiError> {
    let text = (s.store.release_sources(catalog_id, version).await?).ok_or(ApiError::NotFound)?;
    serde_json::from_str(&text).map_err(internal)
}

/// The draft's catalog, checked (kept per draft for its current revision).
pub async fn checked(s: &AppState, d: &DraftRow) -> Result<Arc<CheckedCatalog>, ApiError> {
    if let Some((rev, c)) = s.drafts.lock().ok().and_then(|m| m.get(&d.id).cloned())
        && rev == d.rev
    {
        return Ok(c);
    }
    let files = sources(s, d.id).await?;
    let c = crate::ops::blocking(move || Ok(check_catalog(&files))).await?;
    let c = Arc::new(c.0.ok_or_else(|| internal(format!("draft {} does not check", d.id)))?);
    if let Ok(mut m) = s.drafts.lock() {
        m.insert(d.id, (d.rev, c.clone()));
    }
    Ok(c)
}

fn problem(file: &str, line: u32, detail: impl Into<String>) -> ApiError {
    let kind = ProblemKind::Format {
        detail: detail.into(),
    };
    ApiError::Invalid(vec![Problem::error(file, line, kind)])
}

/// Checks a draft's files as a whole; every problem, or nothing.
async fn check(files: Vec<Source>) -> Result<Vec<Source>, ApiError> {
    crate::ops::blocking(move || {
        let (ok, problems) = check_catalog(&files);
        match ok {
            Some(_) => Ok(Ok(files)),
            None => Ok(Err(ApiError::Invalid(problems))),
        }
    })
    .await?
}

/// Begins a draft of the next release `version` from the published release `base` of the
/// catalog (`catalog_id`, else the server's own catalog).
pub async fn create(
    s: &AppState,
    caller: &Caller,
    catalog_id: Option<&str>,
    base: &str,
    version: &str,
) -> Result<DraftRow, ApiError> {
    editor(s, caller, "create catalog draft").await?;
    let catalog_id = catalog_id.unwrap_or(&s.catalog.catalog.id);
    if !grunnmur_catalog::check::valid_id(version) || version.len() > 100 {
        return Err(problem("version", 0, format!("not a version: {version:?}")));
    }
    let base_files = release_sources(s, catalog_id, base).await?;
    let files = draft::set_version(&base_files, version)
        .map_err(|e| problem("catalog", 0, e.to_string()))?;
    let files = check(files).await?;
    let text = serde_json::to_string(&files).map_err(internal)?;
    Ok((s.store)
        .create_draft(catalog_id, base, version, &text, &caller.actor())
        .await?)
}

/// A change to one entry of a draft, as asked for.
pub struct EntryChange<'a> {
    pub section: Section,
    pub id: &'a str,
    /// The entry after the change; `None` removes it.
    pub entry: Option<Value>,
    pub reason: &'a str,
    /// The revision the change was made against (the current one when not given).
    pub rev: Option<i64>,
    /// Propose even where the caller could change the entry directly.
    pub propose: bool,
    /// The file a new entry goes in (a source name of the draft).
    pub file: Option<&'a str>,
}

/// A change with what it changed, field by field, in the entry's own terms.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ChangeOut {
    pub id: i64,
    pub section: String,
    pub entry_id: String,
    pub owner: String,
    /// `applied`, `proposed`, `accepted` or `rejected`.
    pub state: String,
    pub reason: String,
    pub author: String,
    pub created_at: i64,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    pub decision: Option<String>,
    /// `added`, `removed` or `changed`.
    pub kind: &'static str,
    /// Each field changed, with its value before and after as short text.
    pub fields: Vec<FieldChange>,
    #[schema(value_type = Option<Object>)]
    pub entry: Option<Value>,
    #[schema(value_type = Option<Object>)]
    pub before: Option<Value>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

impl ChangeOut {
    /// The change without who made or decided it.
    pub fn without_persons(&mut self) {
        self.author.clear();
        self.decided_by = None;
    }

    pub fn of(row: DraftChangeRow) -> ChangeOut {
        let parse = |t: &Option<String>| t.as_deref().and_then(|t| serde_json::from_str(t).ok());
        let (entry, before): (Option<Value>, Option<Value>) =
            (parse(&row.entry), parse(&row.before));
        let changes: Vec<Change> =
            entry_changes(&row.section, &row.entry_id, before.as_ref(), entry.as_ref());
        let kind = match (&before, &entry) {
            (None, _) => "added",
            (_, None) => "removed",
            _ => "changed",
        };
        let fields = (changes.into_iter())
            .filter_map(|c| match c.what {
                What::Field { field, old, new } => Some(FieldChange { field, old, new }),
                _ => None,
            })
            .collect();
        ChangeOut {
            id: row.id,
            section: row.section,
            entry_id: row.entry_id,
            owner: row.owner,
            state: row.state,
            reason: row.reason,
            author: row.author,
            created_at: row.created_at,
            decided_by: row.decided_by,
            decided_at: row.decided_at,
            decision: row.decision,
            kind,
            fields,
            entry,
            before,
        }
    }
}

fn owner_of(v: &Value) -> Option<&str> {
    v.get("owner").and_then(Value::as_str)
}

fn reason_of(reason: &str, field: &str) -> Result<(), ApiError> {
    let r = reason.trim();
    if r.is_empty() {
        return Err(ApiError::BadRequest(field.into()));
    }
    if r.chars().count() > MAX_TEXT {
        return Err(problem(
            field,
            0,
            format!("longer than {MAX_TEXT} characters"),
        ));
    }
    Ok(())
}

/// The files with the change applied.
fn apply(
    files: &[Source],
    section: Section,
    id: &str,
    entry: Option<&Value>,
    file: Option<&str>,
) -> Result<Vec<Source>, ApiError> {
    let out = match entry {
        Some(v) => draft::put_entry(files, section, id, v, file),
        None => draft::remove_entry(files, section, id),
    };
    out.map_err(|e| match e {
        draft::DraftError::NotFound { .. } => ApiError::NotFound,
        e => problem("entry", 0, e.to_string()),
    })
}

/// Changes one entry of a draft: directly where the caller edits every owner concerned (the
/// entry's before and after), else as a proposal to the entry's owner. Either way the draft
/// with the change must check as a whole.
pub async fn change(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    c: EntryChange<'_>,
) -> Result<ChangeOut, ApiError> {
    let st = editor(s, caller, "change catalog draft").await?;
    reason_of(c.reason, "reason")?;
    if let Some(v) = &c.entry {
        if !v.is_object() {
            return Err(problem("entry", 0, "an entry is a mapping"));
        }
        if v.get("id").and_then(Value::as_str) != Some(c.id) {
            let detail = format!("the entry's id is not {}", c.id);
            return Err(problem("entry", 0, detail));
        }
        if let Some(t) = grunnmur_core::limits::too_long(v).first() {
            return Err(problem("entry", 0, format!("{} is too long", t.field())));
        }
    }
    // Without a revision from the caller, a change that lost a race with another is made
    // again onto the draft as it now is (a few times); with one, the caller hears of it.
    let mut attempt = 0;
    loop {
        attempt += 1;
        // The revision is read before the files, so files newer than it are refused by the
        // store, never written over.
        let d = s.store.draft(draft_id).await?.ok_or(ApiError::NotFound)?;
        if d.is_published() {
            let what = format!("{} {} is published", d.catalog_id, d.version);
            return Err(ApiError::Conflict(what));
        }
        let files = sources(s, draft_id).await?;
        let before = draft::find_entry(&files, c.section, c.id).map(|e| e.value);
        if before.is_none() && c.entry.is_none() {
            return Err(ApiError::NotFound);
        }
        if before == c.entry {
            return Err(problem("entry", 0, "the entry is unchanged"));
        }
        let concerned: BTreeSet<&str> = [before.as_ref(), c.entry.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(owner_of)
            .collect();
        let owner = (before.as_ref().or(c.entry.as_ref()))
            .and_then(owner_of)
            .unwrap_or_default()
            .to_string();
        let direct = !c.propose && !concerned.is_empty() && concerned.iter().all(|o| st.edits(o));
        if !direct && let Some(waiting) = waiting_proposal(s, draft_id, &c).await? {
            // The same proposal again (a folder imported twice) is the one already waiting.
            return Ok(waiting);
        }
        let after = check(apply(&files, c.section, c.id, c.entry.as_ref(), c.file)?).await?;
        let text = serde_json::to_string(&after).map_err(internal)?;
        let json = |v: &Option<Value>| v.as_ref().map(Value::to_string);
        let (entry, before_text) = (json(&c.entry), json(&before));
        let made = s
            .store
            .change_draft(
                DraftChange {
                    draft_id,
                    rev: c.rev.unwrap_or(d.rev),
                    sources: direct.then_some(text.as_str()),
                    section: c.section.as_str(),
                    entry_id: c.id,
                    owner: &owner,
                    entry: entry.as_deref(),
                    before: before_text.as_deref(),
                    reason: c.reason.trim(),
                },
                &caller.actor(),
            )
            .await;
        match made {
            Ok(row) => return Ok(ChangeOut::of(row)),
            Err(StoreError::VersionConflict { .. }) if c.rev.is_none() && attempt < 4 => {}
            Err(e) => return Err(of_draft(e)),
        }
    }
}

/// A proposal of exactly this change to the entry that still waits for its owner.
async fn waiting_proposal(
    s: &AppState,
    draft_id: i64,
    c: &EntryChange<'_>,
) -> Result<Option<ChangeOut>, ApiError> {
    let rows = s.store.draft_changes(draft_id).await?;
    Ok((rows.into_iter())
        .find(|r| {
            let entry: Option<Value> =
                (r.entry.as_deref()).and_then(|t| serde_json::from_str(t).ok());
            r.state == "proposed"
                && r.section == c.section.as_str()
                && r.entry_id == c.id
                && entry == c.entry
        })
        .map(ChangeOut::of))
}

/// Accepts or rejects a proposal: an editor of the entry's owner, with a reason. Accepting
/// applies it, if the entry is still as it was when proposed (else a conflict: propose again).
pub async fn decide(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    change_id: i64,
    accept: bool,
    reason: &str,
) -> Result<ChangeOut, ApiError> {
    let st = editor(s, caller, "decide catalog proposal").await?;
    let d = s.store.draft(draft_id).await?.ok_or(ApiError::NotFound)?;
    reason_of(reason, "reason")?;
    let changes = s.store.draft_changes(draft_id).await?;
    let p = (changes.into_iter().find(|c| c.id == change_id)).ok_or(ApiError::NotFound)?;
    if !st.edits(&p.owner) {
        let detail = serde_json::json!({"need": "catalog_editor", "owner": p.owner});
        caller.denied(s, detail).await;
        return Err(ApiError::Forbidden);
    }
    let sources_after = if accept {
        let files = sources(s, draft_id).await?;
        let section = Section::parse(&p.section).ok_or_else(|| internal("section"))?;
        let now = draft::find_entry(&files, section, &p.entry_id).map(|e| e.value);
        let then: Option<Value> = (p.before.as_deref()).and_then(|t| serde_json::from_str(t).ok());
        if now != then {
            let what = format!("{}/{} changed after the proposal", p.section, p.entry_id);
            return Err(ApiError::Conflict(what));
        }
        let entry: Option<Value> = (p.entry.as_deref()).and_then(|t| serde_json::from_str(t).ok());
        let after = check(apply(&files, section, &p.entry_id, entry.as_ref(), None)?).await?;
        Some(serde_json::to_string(&after).map_err(internal)?)
    } else {
        None
    };
    let row = s
        .store
        .decide_proposal(
            Decision {
                draft_id,
                change_id,
                rev: d.rev,
                sources: sources_after.as_deref(),
                reason: reason.trim(),
            },
            &caller.actor(),
        )
        .await
        .map_err(of_draft)?;
    Ok(ChangeOut::of(row))
}

/// Every change and proposal of a draft, oldest first.
pub async fn history(s: &AppState, draft_id: i64) -> Result<Vec<ChangeOut>, ApiError> {
    let rows = s.store.draft_changes(draft_id).await?;
    Ok(rows.into_iter().map(ChangeOut::of).collect())
}

/// The history as the caller may see it: who made and decided each change is for editors and
/// administrators; members in consultation read what changed and why.
pub async fn history_for(
    s: &AppState,
    st: &Standing,
    draft_id: i64,
) -> Result<Vec<ChangeOut>, ApiError> {
    let mut out = history(s, draft_id).await?;
    if !st.sees_all() {
        out.iter_mut().for_each(ChangeOut::without_persons);
    }
    Ok(out)
}

/// For each owner, the entries of the draft that differ from its base release (counted in the
/// owner's before and after, where an entry moves between owners).
pub async fn changed_owners(
    s: &AppState,
    d: &DraftRow,
) -> Result<BTreeMap<String, usize>, ApiError> {
    let (base, now) = (
        release_sources(s, &d.catalog_id, &d.base_version).await?,
        sources(s, d.id).await?,
    );
    crate::ops::blocking(move || Ok(differing_owners(&base, &now))).await
}

fn differing_owners(base: &[Source], now: &[Source]) -> BTreeMap<String, usize> {
    let index = |files: &[Source]| -> BTreeMap<(Section, String), Value> {
        (draft::entries(files).into_iter())
            .map(|(sec, id, _, v)| ((sec, id), v))
            .collect()
    };
    let (b, a) = (index(base), index(now));
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    let keys: BTreeSet<&(Section, String)> = b.keys().chain(a.keys()).collect();
    for k in keys {
        let (x, y) = (b.get(k), a.get(k));
        if x == y {
            continue;
        }
        let owners: BTreeSet<&str> = [x, y].into_iter().flatten().filter_map(owner_of).collect();
        for o in owners {
            *out.entry(o.to_string()).or_default() += 1;
        }
    }
    out
}

/// Where a draft stands on its way to publication.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// Every owner whose entries changed, with how many and its approval of this revision.
    pub owners: Vec<OwnerReadiness>,
    /// Proposals no one has decided yet.
    pub open_proposals: usize,
    /// Comments of the consultation round without an answer.
    pub unanswered: usize,
    /// Whether members may still comment (the round's last day has not passed). Publishing
    /// waits for the last day and ends the round.
    pub consultation_open: bool,
    /// Whether the round's last day is still ahead (publishing waits for it).
    pub round_ahead: bool,
    /// Whether it can be published now.
    pub ready: bool,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct OwnerReadiness {
    pub owner: String,
    pub changed: usize,
    /// The approval of the current revision, if given.
    pub approved_by: Option<String>,
    pub approved_at: Option<i64>,
}

pub async fn readiness(s: &AppState, d: &DraftRow) -> Result<Readiness, ApiError> {
    let changed = changed_owners(s, d).await?;
    readiness_of(s, d, changed).await
}

/// [`readiness`] with the changed owners already worked out (comparing two catalogs' entries
/// is the costly part).
async fn readiness_of(
    s: &AppState,
    d: &DraftRow,
    changed: BTreeMap<String, usize>,
) -> Result<Readiness, ApiError> {
    let approvals: Vec<DraftApprovalRow> = s.store.draft_approvals(d.id).await?;
    let owners: Vec<OwnerReadiness> = (changed.into_iter())
        .map(|(owner, changed)| {
            let a = approvals
                .iter()
                .find(|a| a.owner == owner && a.rev == d.rev);
            OwnerReadiness {
                approved_by: a.map(|a| a.approved_by.clone()),
                approved_at: a.map(|a| a.approved_at),
                owner,
                changed,
            }
        })
        .collect();
    let open_proposals = (s.store.draft_changes(d.id).await?.iter())
        .filter(|c| c.state == "proposed")
        .count();
    let unanswered = (s.store.draft_comments(d.id).await?.iter())
        .filter(|c| c.answer.is_none())
        .count();
    let consultation_open = open_for_comments(d);
    // Publishing ends the round: from its last day on, once every comment has its answer.
    let today = today().to_string();
    let round_ahead = d.closes.as_deref().is_some_and(|c| today.as_str() < c);
    let ready = !d.is_published()
        && !owners.is_empty()
        && owners.iter().all(|o| o.approved_by.is_some())
        && open_proposals == 0
        && unanswered == 0
        && !round_ahead;
    Ok(Readiness {
        owners,
        open_proposals,
        unanswered,
        consultation_open,
        round_ahead,
        ready,
    })
}

/// Approves the draft at revision `rev` for every owner whose entries changed that the caller
/// edits; a caller who edits none of them is refused.
pub async fn approve(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    rev: Option<i64>,
) -> Result<Readiness, ApiError> {
    let st = editor(s, caller, "approve catalog draft").await?;
    let d = s.store.draft(draft_id).await?.ok_or(ApiError::NotFound)?;
    let changed = changed_owners(s, &d).await?;
    let mine: Vec<&String> = changed.keys().filter(|o| st.edits(o)).collect();
    if mine.is_empty() {
        let detail = serde_json::json!({"need": "editor of a changed owner", "draft": draft_id});
        caller.denied(s, detail).await;
        return Err(ApiError::Forbidden);
    }
    for owner in &mine {
        (s.store)
            .approve_draft(draft_id, owner, rev.unwrap_or(d.rev), &caller.actor())
            .await
            .map_err(of_draft)?;
    }
    readiness_of(s, &d, changed).await
}

/// Publishes the draft at revision `rev` as a release: an editor of an owner whose entries
/// changed, once every such owner approved this revision, no proposal waits, every comment is
/// answered and the consultation round is over.
pub async fn publish(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    rev: Option<i64>,
) -> Result<DraftRow, ApiError> {
    let st = editor(s, caller, "publish catalog draft").await?;
    let d = s.store.draft(draft_id).await?.ok_or(ApiError::NotFound)?;
    let r = readiness(s, &d).await?;
    if !r.owners.iter().any(|o| st.edits(&o.owner)) {
        let detail = serde_json::json!({"need": "editor of a changed owner", "draft": draft_id});
        caller.denied(s, detail).await;
        return Err(ApiError::Forbidden);
    }
    if !r.ready {
        let mut why = Vec::new();
        let waiting: Vec<&str> = (r.owners.iter())
            .filter(|o| o.approved_by.is_none())
            .map(|o| o.owner.as_str())
            .collect();
        if !waiting.is_empty() {
            why.push(format!("not approved by {}", waiting.join(", ")));
        }
        if r.open_proposals > 0 {
            why.push(format!("{} proposals undecided", r.open_proposals));
        }
        if r.unanswered > 0 {
            why.push(format!("{} comments unanswered", r.unanswered));
        }
        if r.round_ahead {
            why.push("the consultation round has days left".into());
        }
        if d.is_published() {
            why.push("already published".into());
        }
        return Err(ApiError::Conflict(why.join("; ")));
    }
    let row = (s.store)
        .publish_draft(draft_id, rev.unwrap_or(d.rev), &caller.actor())
        .await
        .map_err(of_draft)?;
    Ok(row)
}

/// Opens the consultation round until `closes` (a day from today on), or moves its end.
pub async fn open_consultation(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    closes: &str,
) -> Result<DraftRow, ApiError> {
    editor(s, caller, "open consultation").await?;
    s.store.draft(draft_id).await?.ok_or(ApiError::NotFound)?;
    let day = grunnmur_core::Date::parse(closes)
        .filter(|d| *d >= today())
        .ok_or_else(|| problem("closes", 0, "a date (YYYY-MM-DD) from today on"))?;
    Ok((s.store)
        .open_consultation(draft_id, &day.to_string(), &caller.actor())
        .await?)
}

/// The owner of an entry named `<section>/<id>`, in the draft or, for one it removes, its base.
async fn commented_entry(s: &AppState, d: &DraftRow, entry: &str) -> Result<String, ApiError> {
    let bad = || problem("entry", 0, format!("no such entry: {entry}"));
    let (sec, id) = entry.split_once('/').ok_or_else(bad)?;
    let section = Section::parse(sec).ok_or_else(bad)?;
    let now = sources(s, d.id).await?;
    let found = match draft::find_entry(&now, section, id) {
        Some(e) => Some(e),
        None => draft::find_entry(
            &release_sources(s, &d.catalog_id, &d.base_version).await?,
            section,
            id,
        ),
    };
    let v = found.ok_or_else(bad)?.value;
    Ok(owner_of(&v).unwrap_or_default().to_string())
}

/// A comment from a member of a body, during the round. `orgnr` may be left out by a member of
/// only one body.
pub async fn comment(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    orgnr: Option<&str>,
    entry: &str,
    text: &str,
) -> Result<DraftCommentRow, ApiError> {
    let (d, _) = visible(s, caller, draft_id).await?;
    if !open_for_comments(&d) {
        return Err(ApiError::Conflict(
            "the consultation round is not open".into(),
        ));
    }
    reason_of(text, "text")?;
    let orgnr = match orgnr {
        Some(o) => {
            caller.require(s, o, Role::Reader).await?;
            o.to_string()
        }
        None => {
            let mine = s.store.memberships(caller.user.id).await?;
            match mine.as_slice() {
                [(o, _)] => o.clone(),
                _ => return Err(ApiError::BadRequest("orgnr".into())),
            }
        }
    };
    commented_entry(s, &d, entry).await?;
    Ok((s.store)
        .add_draft_comment(draft_id, &orgnr, entry, text.trim(), &caller.actor())
        .await?)
}

/// The comments the caller sees: editors and administrators all, a member those of their
/// own bodies.
pub async fn comments(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
) -> Result<Vec<DraftCommentRow>, ApiError> {
    let (_, st) = visible(s, caller, draft_id).await?;
    let all = s.store.draft_comments(draft_id).await?;
    if st.sees_all() {
        return Ok(all);
    }
    let mine: BTreeSet<String> = (s.store.memberships(caller.user.id).await?.into_iter())
        .map(|(o, _)| o)
        .collect();
    Ok(all
        .into_iter()
        .filter(|c| mine.contains(&c.orgnr))
        .collect())
}

/// What an answer says of the comment.
pub const OUTCOMES: [&str; 3] = ["accepted", "partly", "rejected"];

/// An editor of the commented entry's owner answers a comment.
pub async fn answer(
    s: &AppState,
    caller: &Caller,
    draft_id: i64,
    comment_id: i64,
    text: &str,
    outcome: &str,
) -> Result<DraftCommentRow, ApiError> {
    let st = editor(s, caller, "answer consultation comment").await?;
    let d = s.store.draft(draft_id).await?.ok_or(ApiError::NotFound)?;
    reason_of(text, "text")?;
    if !OUTCOMES.contains(&outcome) {
        return Err(problem("outcome", 0, "accepted, partly or rejected"));
    }
    let all = s.store.draft_comments(draft_id).await?;
    let c = all
        .iter()
        .find(|c| c.id == comment_id)
        .ok_or(ApiError::NotFound)?;
    let owner = commented_entry(s, &d, &c.entry).await?;
    if !st.edits(&owner) {
        let detail = serde_json::json!({"need": "catalog_editor", "owner": owner});
        caller.denied(s, detail).await;
        return Err(ApiError::Forbidden);
    }
    Ok((s.store)
        .answer_draft_comment(draft_id, comment_id, text.trim(), outcome, &caller.actor())
        .await?)
}

/// One comment of the consultation record: the body, never the person.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RecordComment {
    pub orgnr: String,
    pub body: String,
    pub entry: String,
    pub text: String,
    pub answer: Option<String>,
    pub outcome: Option<String>,
}

/// A published release's record: the changes with their reasons (the release notes) and the
/// consultation's comments with their answers, without the names of persons.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReleaseRecord {
    pub catalog_id: String,
    pub version: String,
    pub base_version: String,
    pub published_at: Option<i64>,
    pub closes: Option<String>,
    /// The changes that made the release (applied and accepted), oldest first, without authors.
    pub notes: Vec<ChangeOut>,
    pub comments: Vec<RecordComment>,
}

/// The record of a release published from a draft; `None` for a release published as files.
pub async fn record(
    s: &AppState,
    catalog_id: &str,
    version: &str,
) -> Result<Option<ReleaseRecord>, ApiError> {
    let drafts = s.store.drafts().await?;
    let Some(d) = (drafts.into_iter())
        .find(|d| d.is_published() && d.catalog_id == catalog_id && d.version == version)
    else {
        return Ok(None);
    };
    let notes = (history(s, d.id).await?.into_iter())
        .filter(|c| c.state == "applied" || c.state == "accepted")
        .map(|mut c| {
            c.without_persons();
            c
        })
        .collect();
    let mut comments = Vec::new();
    for c in s.store.draft_comments(d.id).await? {
        let body = (s.store.body(&c.orgnr).await?)
            .map(|b| b.name)
            .unwrap_or_default();
        comments.push(RecordComment {
            orgnr: c.orgnr,
            body,
            entry: c.entry,
            text: c.text,
            answer: c.answer,
            outcome: c.outcome,
        });
    }
    Ok(Some(ReleaseRecord {
        catalog_id: d.catalog_id,
        version: d.version,
        base_version: d.base_version,
        published_at: d.published_at,
        closes: d.closes,
        notes,
        comments,
    }))
}

/// A draft of the body's catalog under consultation (or published since) by its version: what
/// "what changes for us" reads a draft as.
pub async fn consulted(
    s: &AppState,
    catalog_id: &str,
    version: &str,
) -> Result<Option<(DraftRow, Arc<CheckedCatalog>)>, ApiError> {
    let drafts = s.store.drafts().await?;
    match (drafts.into_iter())
        .find(|d| d.catalog_id == catalog_id && d.version == version && in_consultation(d))
    {
        Some(d) => {
            let c = checked(s, &d).await?;
            Ok(Some((d, c)))
        }
        None => Ok(None),
    }
}

/// The draft's files as a zip, laid out as the catalog folder.
pub fn files_zip(files: &[Source]) -> Result<Vec<u8>, ApiError> {
    use std::io::Write;
    let mut out = ::zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = ::zip::write::SimpleFileOptions::default()
        .compression_method(::zip::CompressionMethod::Stored);
    for f in files {
        out.start_file(f.name.as_str(), opts).map_err(internal)?;
        out.write_all(f.text.as_bytes()).map_err(internal)?;
    }
    Ok(out.finish().map_err(internal)?.into_inner())
}
