//! `/catalog/drafts/{id}/entries/{kind}/{entry_id}` and `/catalog/drafts/{id}/new/{kind}`: an
//! entry of a draft in a form with every field of its kind (or as YAML), a reason for the
//! change, removal, and the entry's history below. Saving calls `drafts::change`: the change is
//! made, or — for another owner's entry — proposed to that owner's editors, which the page then
//! says; the problems of the draft's check come back at their fields. A member of a body (not a
//! catalog editor) reads the entry during the consultation round and comments on it.

use super::form::{self, Ctx};
use super::*;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use grunnmur_catalog::draft::{self, EntryAt};
use grunnmur_catalog::{Problem, Source};
use grunnmur_store::EditorOwners;
use grunnmur_web::drafts::EntryChange;

#[derive(Template)]
#[template(path = "draft_entry.html")]
struct EntryPage {
    p: Page,
    draft: i64,
    heading: String,
    section: &'static str,
    section_label: String,
    /// Empty for a new entry.
    entry_id: String,
    name: Shown,
    owner: String,
    new: bool,
    editable: bool,
    /// Said above the form when saving would propose rather than change.
    proposal_note: Option<String>,
    fields: Vec<form::Field>,
    reason: String,
    yaml: String,
    /// The entry as shown ([`seen`]): saving over a change made meanwhile is refused.
    seen: String,
    action: String,
    errors: Errors,
    history: Vec<ChangeView>,
    comments: Vec<CommentView>,
    commenting: bool,
    comment_bodies: Vec<(String, String)>,
    comment_text: String,
    remove_reason: String,
}

/// What the page is about: the draft, the section and the entry (none for a new one).
struct Target {
    o: Opened,
    section: Section,
    files: Vec<Source>,
    at: Option<EntryAt>,
    id: String,
}

async fn target(
    s: &AppState,
    v: &Viewer,
    id: &str,
    kind: &str,
    entry_id: Option<&str>,
) -> Result<Target, PageError> {
    let o = open(s, v, id).await?;
    let section = Section::parse(kind).ok_or(ApiError::NotFound)?;
    let files = ops::sources(s, o.d.id).await?;
    let at = match entry_id {
        Some(e) => Some(draft::find_entry(&files, section, e).ok_or(ApiError::NotFound)?),
        None => None,
    };
    Ok(Target {
        o,
        section,
        files,
        at,
        id: entry_id.unwrap_or_default().to_string(),
    })
}

/// Only catalog editors change a draft: anyone else is refused (and recorded) before a form
/// of theirs is looked at, as `drafts::change` refuses them.
async fn editors_only(s: &AppState, v: &Viewer, o: &Opened) -> Result<(), PageError> {
    if o.st.editor.is_none() {
        let detail = serde_json::json!({"need": "catalog_editor", "what": "change catalog draft"});
        v.caller().denied(s, detail).await;
        return Err(ApiError::Forbidden.into());
    }
    Ok(())
}

/// The sectors the draft's tasks and profiles apply to (`sector:<id>`).
fn sectors(doc: &grunnmur_catalog::format::CatalogDoc) -> Vec<String> {
    let mut out: Vec<String> = (doc.tasks.iter().flat_map(|x| x.applies_to.iter()))
        .chain(doc.profiles.iter().flat_map(|x| x.applies_to.iter()))
        .filter_map(|a| a.strip_prefix("sector:"))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The page's parts besides the form: what it is, the history and the comments.
struct Sent<'a> {
    /// The form's fields as shown (an entry's, or as sent).
    fields: &'a FormData,
    reason: String,
    yaml: String,
    comment: String,
    remove_reason: String,
}

async fn page(
    s: &AppState,
    v: &Viewer,
    x: &Target,
    sent: Sent<'_>,
    errors: Errors,
) -> Result<EntryPage, PageError> {
    let lang = v.lang;
    let o = &x.o;
    let names = Names::of(&o.cat.doc);
    let key = x.section.as_str();
    let value = x.at.as_ref().map(|a| &a.value);
    let owner_id = sent.fields.get("owner").to_string();
    let activities = (o.cat.doc.activities.iter())
        .map(|a| {
            (
                crate::views::enum_str(&a.id),
                a.name.get(lang.code()).to_string(),
            )
        })
        .collect();
    let ctx = Ctx {
        lang,
        names: &names,
        sectors: sectors(&o.cat.doc),
        activities,
    };
    let new = x.at.is_none();
    let fields = form::draw(x.section, &ctx, sent.fields, &errors, new);
    let name = if new {
        Shown::plain(&t(lang, "ui-draft-new-entry", &[]), lang)
    } else {
        names.entry(lang, x.section, &x.id)
    };
    let history: Vec<ChangeView> = (ops::history_for(s, &o.st, o.d.id).await?.into_iter().rev())
        .filter(|c| !new && c.section == key && c.entry_id == x.id)
        .map(|c| change_view(s, lang, o, &names, c))
        .collect();
    let entry_key = format!("{key}/{}", x.id);
    let comments = if new {
        Vec::new()
    } else {
        let rows = (ops::comments(s, &v.caller(), o.d.id).await?.into_iter())
            .filter(|c| c.entry == entry_key)
            .collect();
        comment_views(s, lang, o, &names, rows).await?
    };
    let commenting = !new && ops::open_for_comments(&o.d);
    let comment_bodies = if commenting {
        my_bodies(s, v).await?
    } else {
        Vec::new()
    };
    let editable = o.editable();
    let stored_owner = value
        .and_then(|v| v.get("owner"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or(&owner_id)
        .to_string();
    let proposal_note =
        (editable && !stored_owner.is_empty() && !o.st.edits(&stored_owner)).then(|| {
            let owner = names.owner(lang, &stored_owner);
            t(lang, "ui-draft-proposal-note", &[("owner", &owner)])
        });
    let mut p = v.page("ui-draft-entry-title", "drafts");
    p.title = format!("{} – {}", name.text, title(s, lang, &o.d));
    Ok(EntryPage {
        p,
        draft: o.d.id,
        heading: title(s, lang, &o.d),
        section: key,
        section_label: section_label(lang, x.section),
        action: if new {
            format!("/catalog/drafts/{}/new/{key}", o.d.id)
        } else {
            entry_href(o.d.id, key, &x.id)
        },
        entry_id: x.id.clone(),
        owner: names.owner(lang, &stored_owner),
        name,
        new,
        editable,
        proposal_note,
        fields,
        reason: sent.reason,
        yaml: sent.yaml,
        seen: seen(value),
        errors,
        history,
        comments,
        commenting: commenting && !comment_bodies.is_empty(),
        comment_bodies,
        comment_text: sent.comment,
        remove_reason: sent.remove_reason,
    })
}

/// A mark of the entry as a form showed it, sent back with the form: the entry changed
/// meanwhile when it differs. (The form's own revision would also refuse changes to other
/// entries of the draft.) The same binary marks the same entry the same way.
fn seen(value: Option<&serde_json::Value>) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    value.map(|v| v.to_string()).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// The entry as YAML, as its file writes it.
fn yaml_of(at: Option<&EntryAt>) -> String {
    at.map(|a| draft::entry_yaml(&a.value)).unwrap_or_default()
}

/// `GET /catalog/drafts/{id}/entries/{kind}/{entry_id}`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, kind, entry_id)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let x = target(&s, &v, &id, &kind, Some(&entry_id)).await?;
    let filled = (x.at.as_ref()).map(|a| form::fill(x.section, &a.value));
    let filled = filled.unwrap_or_else(|| FormData::filled(Vec::new()));
    let sent = Sent {
        fields: &filled,
        reason: String::new(),
        yaml: yaml_of(x.at.as_ref()),
        comment: String::new(),
        remove_reason: String::new(),
    };
    html(page(&s, &v, &x, sent, Errors::default()).await?)
}

/// `GET /catalog/drafts/{id}/new/{kind}`: a new entry's form, for catalog editors.
pub async fn new_form(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, kind)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let x = target(&s, &v, &id, &kind, None).await?;
    editors_only(&s, &v, &x.o).await?;
    // The owner the editor edits first, where they edit only some.
    let owner = match &x.o.st.editor {
        Some(EditorOwners::Only(o)) => o.first().cloned().unwrap_or_default(),
        _ => String::new(),
    };
    let filled = FormData::filled(vec![("owner".into(), owner)]);
    let sent = Sent {
        fields: &filled,
        reason: String::new(),
        yaml: String::new(),
        comment: String::new(),
        remove_reason: String::new(),
    };
    html(page(&s, &v, &x, sent, Errors::default()).await?)
}

/// A problem of the draft's check in words, with its place in the draft's files.
fn problem_text(lang: Lang, p: &Problem) -> String {
    let message = grunnmur_web::error::problem_out(lang, p).message;
    if p.line > 0 {
        let line = p.line.to_string();
        t(
            lang,
            "ui-draft-problem-at",
            &[("file", &p.file), ("line", &line), ("message", &message)],
        )
    } else {
        message
    }
}

/// Where the form's problems go that no field can be told for.
const WHOLE: &str = "entry-form";

/// Saves the entry (`value`) with the form's reason: the change made or proposed, or the
/// problems at their fields.
async fn change(
    s: &AppState,
    v: &Viewer,
    x: &Target,
    value: serde_json::Value,
    f: &FormData,
    yaml_mode: bool,
) -> Result<Result<ChangeOut, Errors>, PageError> {
    let lang = v.lang;
    let id = value
        .get("id")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_string();
    let c = EntryChange {
        section: x.section,
        id: &id,
        entry: Some(value),
        reason: f.get("reason"),
        rev: None,
        propose: false,
        file: None,
    };
    let mut errors = Errors::default();
    match ops::change(s, &v.caller(), x.o.d.id, c).await {
        Ok(out) => return Ok(Ok(out)),
        Err(ApiError::BadRequest(_)) => errors.push("reason", t(lang, "ui-draft-required", &[])),
        Err(ApiError::Invalid(ps)) => {
            for p in &ps {
                let field = match p.file.as_str() {
                    "reason" => Some("reason".to_string()),
                    _ if yaml_mode => Some("yaml".to_string()),
                    _ => form::field_of(x.section, &id, p),
                };
                errors.push(field.as_deref().unwrap_or(WHOLE), problem_text(lang, p));
            }
        }
        Err(e @ ApiError::Conflict(_)) => errors.push(WHOLE, e.message(lang)),
        Err(e) => return Err(e.into()),
    }
    Ok(Err(errors))
}

/// The entry's value from a sent form: the fields, or the YAML (`mode=yaml`).
fn sent_value(lang: Lang, x: &Target, f: &FormData, errors: &mut Errors) -> serde_json::Value {
    if f.get("mode") == "yaml" {
        match draft::read_entry(&f.get_raw("yaml").replace("\r\n", "\n")) {
            Ok(v) => v,
            Err((line, message)) => {
                let line = line.to_string();
                let args = [("line", line.as_str()), ("message", message.as_str())];
                errors.push("yaml", t(lang, "ui-draft-yaml-invalid", &args));
                serde_json::Value::Null
            }
        }
    } else {
        form::read(lang, x.section, x.at.as_ref().map(|a| &a.value), f, errors)
    }
}

/// The form again with its problems (422): the fields as sent, or — for the YAML — the entry's
/// fields and the YAML as sent.
async fn invalid(
    s: &AppState,
    v: &Viewer,
    x: &Target,
    f: &FormData,
    errors: Errors,
) -> Result<Response, PageError> {
    let yaml_mode = f.get("mode") == "yaml";
    let filled;
    let fields = if yaml_mode {
        filled = match &x.at {
            Some(a) => form::fill(x.section, &a.value),
            None => FormData::filled(Vec::new()),
        };
        &filled
    } else {
        f
    };
    let sent = Sent {
        fields,
        reason: f.get("reason").into(),
        yaml: if yaml_mode {
            f.get_raw("yaml").replace("\r\n", "\n")
        } else {
            yaml_of(x.at.as_ref())
        },
        comment: String::new(),
        remove_reason: f.get("remove_reason").into(),
    };
    html_invalid(page(s, v, x, sent, errors).await?)
}

/// `POST /catalog/drafts/{id}/entries/{kind}/{entry_id}`: the entry changed through the form
/// (or its YAML), back to its page saying whether it was changed or proposed.
pub async fn save(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, kind, entry_id)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let x = target(&s, &v, &id, &kind, Some(&entry_id)).await?;
    editors_only(&s, &v, &x.o).await?;
    let mut errors = Errors::default();
    if f.get("seen") != seen(x.at.as_ref().map(|a| &a.value)) {
        errors.push(WHOLE, t(v.lang, "ui-draft-entry-changed", &[]));
    }
    let value = sent_value(v.lang, &x, &f, &mut errors);
    if errors.is_empty() {
        match change(&s, &v, &x, value, &f, f.get("mode") == "yaml").await? {
            Ok(out) => {
                let to = format!("{}#history", entry_href(x.o.d.id, &kind, &entry_id));
                return Ok(if out.state == "proposed" {
                    proposed(&to)
                } else {
                    saved(&to)
                });
            }
            Err(e) => errors = e,
        }
    }
    invalid(&s, &v, &x, &f, errors).await
}

/// `POST /catalog/drafts/{id}/new/{kind}`: a new entry, to its page (or, proposed, to the
/// draft's proposals).
pub async fn create(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, kind)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let x = target(&s, &v, &id, &kind, None).await?;
    editors_only(&s, &v, &x.o).await?;
    let lang = v.lang;
    let mut errors = Errors::default();
    let value = sent_value(lang, &x, &f, &mut errors);
    let new_id = value
        .get("id")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    if errors.is_empty() {
        let field = if f.get("mode") == "yaml" {
            "yaml"
        } else {
            "id"
        };
        if new_id.is_empty() {
            errors.push(field, t(lang, "ui-draft-required", &[]));
        } else if draft::find_entry(&x.files, x.section, new_id).is_some() {
            errors.push(field, t(lang, "ui-draft-id-taken", &[("id", new_id)]));
        }
    }
    if errors.is_empty() {
        let new_id = new_id.to_string();
        match change(&s, &v, &x, value, &f, f.get("mode") == "yaml").await? {
            Ok(out) if out.state == "proposed" => {
                return Ok(proposed(&format!("/catalog/drafts/{}#proposals", x.o.d.id)));
            }
            Ok(_) => return Ok(saved(&entry_href(x.o.d.id, &kind, &new_id))),
            Err(e) => errors = e,
        }
    }
    invalid(&s, &v, &x, &f, errors).await
}

/// `POST /catalog/drafts/{id}/entries/{kind}/{entry_id}/remove`, with a reason: the draft
/// without the entry must still check (what refers to it is named).
pub async fn remove(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, kind, entry_id)): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let x = target(&s, &v, &id, &kind, Some(&entry_id)).await?;
    editors_only(&s, &v, &x.o).await?;
    let lang = v.lang;
    let c = EntryChange {
        section: x.section,
        id: &entry_id,
        entry: None,
        reason: f.get("remove_reason"),
        rev: None,
        propose: false,
        file: None,
    };
    let mut errors = Errors::default();
    match ops::change(&s, &v.caller(), x.o.d.id, c).await {
        Ok(out) if out.state == "proposed" => {
            return Ok(proposed(&format!("/catalog/drafts/{}#proposals", x.o.d.id)));
        }
        Ok(_) => return Ok(saved(&format!("/catalog/drafts/{}/entries", x.o.d.id))),
        Err(ApiError::BadRequest(_)) => {
            errors.push("remove_reason", t(lang, "ui-draft-required", &[]))
        }
        Err(ApiError::Invalid(ps)) => {
            for p in &ps {
                errors.push("remove_reason", problem_text(lang, p));
            }
        }
        Err(e @ ApiError::Conflict(_)) => errors.push("remove_reason", e.message(lang)),
        Err(e) => return Err(e.into()),
    }
    let filled = (x.at.as_ref()).map(|a| form::fill(x.section, &a.value));
    let filled = filled.unwrap_or_else(|| FormData::filled(Vec::new()));
    let sent = Sent {
        fields: &filled,
        reason: String::new(),
        yaml: yaml_of(x.at.as_ref()),
        comment: String::new(),
        remove_reason: f.get("remove_reason").into(),
    };
    html_invalid(page(&s, &v, &x, sent, errors).await?)
}

/// The entry a page's path names within draft `draft`: `(kind, entry id)`.
pub fn entry_of_path(draft: i64, path: &str) -> Option<(String, String)> {
    let rest = path.strip_prefix(&format!("/catalog/drafts/{draft}/entries/"))?;
    let (kind, id) = rest.split_once('/')?;
    let id: String = form_urlencoded::parse(format!("x={id}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())?;
    Some((kind.to_string(), id))
}

/// An entry's page again with a refused comment's problems (422).
pub async fn refused_comment(
    s: &AppState,
    v: &Viewer,
    id: &str,
    (kind, entry_id): (String, String),
    f: FormData,
    errors: Errors,
) -> Result<Response, PageError> {
    let x = target(s, v, id, &kind, Some(&entry_id)).await?;
    let filled = (x.at.as_ref()).map(|a| form::fill(x.section, &a.value));
    let filled = filled.unwrap_or_else(|| FormData::filled(Vec::new()));
    let sent = Sent {
        fields: &filled,
        reason: String::new(),
        yaml: yaml_of(x.at.as_ref()),
        comment: f.get("text").into(),
        remove_reason: String::new(),
    };
    html_invalid(page(s, v, &x, sent, errors).await?)
}
