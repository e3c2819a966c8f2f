//! Implementations (rule 13): work done once that meets measures for many systems. The list
//! says what each covers in words and how many required pairs it settles; the form records a
//! new one with pickers for the measures and what it covers (no typed ids: the id comes from
//! the name).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use grunnmur_catalog::BodyDoc;
use grunnmur_catalog::body::{CoversDoc, ImplementationDoc};
use grunnmur_core::catalog::Scope;
use grunnmur_core::effective::{Part, Source};
use grunnmur_core::workspace::{Covers, Status};
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

pub struct Line {
    pub id: String,
    pub name: String,
    pub measures: String,
    pub covers: String,
    pub status: String,
    pub owner: String,
    pub due: String,
    /// Required pairs whose status this implementation gives.
    pub settles: usize,
}

#[derive(Template)]
#[template(path = "implementations.html")]
struct ListPage {
    p: Page,
    lines: Vec<Line>,
    errors: Errors,
    name: String,
    owner: String,
    due: String,
    measures: Vec<(String, String, bool)>,
    systems: Vec<(String, String, bool)>,
    groups: Vec<(String, String, bool)>,
    hosts: Select,
    covers: Vec<(String, String, bool)>,
    status: Select,
    evidence: String,
    /// Recurring work: the interval; when changing one, the record-done form and its history.
    recur: super::recur::RecurField,
    done: Option<super::recur::DonePanel>,
    /// The implementation being changed (its id and name); `None` on the list's new form.
    editing: Option<(String, String)>,
}

/// What an implementation covers, in words.
pub fn covers_text(lang: Lang, b: &BodyView, c: &Covers) -> String {
    let ws = &b.derived.ws;
    let names = |ids: &[usize], f: &dyn Fn(usize) -> String| {
        ids.iter().map(|&n| f(n)).collect::<Vec<_>>().join(", ")
    };
    match c {
        Covers::Org => t(lang, "ui-impl-covers-org", &[]),
        Covers::All => t(lang, "ui-impl-covers-all", &[]),
        Covers::RunsOn(s) => t(
            lang,
            "ui-impl-covers-runs-on",
            &[("system", &ws.systems[*s].name)],
        ),
        Covers::Systems(s) => {
            let list = names(s, &|n| ws.systems[n].name.clone());
            t(lang, "ui-impl-covers-systems", &[("systems", &list)])
        }
        Covers::Groups(g) => {
            let list = names(g, &|n| ws.sources.groups[n].name.clone());
            t(lang, "ui-impl-covers-groups", &[("groups", &list)])
        }
    }
}

/// How many required pairs each implementation gives the status of (alone, or as the body's
/// part of a shared service).
fn settled(b: &BodyView) -> Vec<usize> {
    let a = &b.derived.assessment;
    let mut out = vec![0; b.derived.ws.sources.implementations.len()];
    let scopes = (a.systems.iter().map(|s| &s.states)).chain(std::iter::once(&a.org_states));
    for states in scopes {
        for (_, st) in states.covered() {
            if let Source::Implementation(i)
            | Source::Shared {
                customer: Some(Part::Implementation(i)),
                ..
            } = st.source
            {
                out[i] += 1;
            }
        }
    }
    out
}

/// The list's rows.
pub fn lines(lang: Lang, b: &BodyView) -> Vec<Line> {
    let cat = &b.derived.catalog.catalog;
    let settles = settled(b);
    (b.derived.ws.sources.implementations.iter().enumerate())
        .map(|(n, im)| Line {
            id: im.id.clone(),
            name: im.name.clone(),
            measures: (im.measures.iter())
                .map(|&m| cat.measures[m as usize].name.get(lang.code()).to_string())
                .collect::<Vec<_>>()
                .join("; "),
            covers: covers_text(lang, b, &im.covers),
            status: status_label(lang, im.status),
            owner: im.owner.clone().unwrap_or_default(),
            due: im.due.map(|d| d.to_string()).unwrap_or_default(),
            settles: settles[n],
        })
        .collect()
}

/// The statuses an implementation may have: the body's own work, never supplier or not
/// applicable.
const STATUSES: [Status; 4] = [
    Status::NotStarted,
    Status::InProgress,
    Status::Partial,
    Status::Implemented,
];

fn page(
    v: &Viewer,
    b: &BodyView,
    f: Option<&FormData>,
    editing: Option<(String, String)>,
    errors: Errors,
) -> ListPage {
    let lang = v.lang;
    let ws = &b.derived.ws;
    let cat = &b.derived.catalog.catalog;
    let picked = |name: &str| f.map(|f| f.all(name)).unwrap_or_default();
    let (measures_on, systems_on, groups_on) =
        (picked("measure"), picked("system"), picked("group"));
    let mut measures: Vec<(String, String, bool)> = (cat.measures.iter())
        .map(|m| {
            let scope = if m.scope == Scope::Org {
                t(lang, "ui-impl-scope-org", &[])
            } else {
                String::new()
            };
            let label = format!("{} ({}){scope}", m.name.get(lang.code()), m.id);
            (m.id.clone(), label, measures_on.contains(&m.id))
        })
        .collect();
    measures.sort_by(|a, b| a.1.cmp(&b.1));
    let systems = (ws.systems.iter())
        .map(|s| (s.id.clone(), s.name.clone(), systems_on.contains(&s.id)))
        .collect();
    let groups = (ws.sources.groups.iter())
        .map(|g| (g.id.clone(), g.name.clone(), groups_on.contains(&g.id)))
        .collect();
    let get = |name: &str| f.map(|f| f.get(name).to_string()).unwrap_or_default();
    let host_options = (ws.systems.iter())
        .map(|s| (s.id.clone(), s.name.clone()))
        .collect();
    let mut hosts = Select::new(
        "runs_on",
        t(lang, "ui-impl-runs-on", &[]),
        host_options,
        &get("runs_on"),
    );
    hosts.hint = t(lang, "ui-impl-runs-on-hint", &[]);
    let chosen_covers = f.map_or("systems".to_string(), |f| f.get("covers").to_string());
    let covers = CoversDoc::KINDS
        .iter()
        .map(|c| {
            let label = t(lang, &format!("ui-impl-kind-{c}"), &[]);
            (c.to_string(), label, *c == chosen_covers)
        })
        .collect();
    let status_options = STATUSES
        .iter()
        .map(|s| (s.as_str().to_string(), status_label(lang, *s)))
        .collect();
    let chosen_status = f.map_or("in_progress".to_string(), |f| f.get("status").to_string());
    let status = Select::new(
        "status",
        t(lang, "ui-field-status", &[]),
        status_options,
        &chosen_status,
    );
    let recur = super::recur::field(lang, &get("recurs"), &get("recurs_months"), &errors);
    let done = editing.as_ref().and_then(|(id, _)| {
        let im = b.derived.doc.implementations.iter().find(|x| &x.id == id)?;
        let action = format!("/b/{}/implementations/{}/done", b.row.orgnr, enc(id));
        let stored = (im.recurs, im.due.as_deref(), &im.done[..]);
        Some(super::recur::panel(b, lang, action, stored))
    });
    let title = if editing.is_some() {
        "ui-impl-edit-title"
    } else {
        "ui-impl-title"
    };
    ListPage {
        p: v.body_page(b, title, "implementations"),
        lines: if editing.is_some() {
            Vec::new()
        } else {
            lines(lang, b)
        },
        errors,
        name: get("name"),
        owner: get("owner"),
        due: get("due"),
        measures,
        systems,
        groups,
        hosts,
        covers,
        status,
        evidence: get("evidence"),
        recur,
        done,
        editing,
    }
}

pub async fn list(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    html(page(&v, &b, None, None, Errors::default()))
}

/// The form as an implementation (its id left empty), or every problem at its field.
fn from_form(lang: Lang, f: &FormData) -> Result<ImplementationDoc, Errors> {
    let mut errors = Errors::default();
    required(lang, f, "name", &mut errors);
    let measures = f.all("measure");
    if measures.is_empty() {
        errors.push("measure", t(lang, "ui-impl-pick-measure", &[]));
    }
    let kind = f.get("covers");
    let targets = match kind {
        "groups" => f.all("group"),
        "runs_on" => vec![f.get("runs_on").to_string()],
        _ => f.all("system"),
    };
    let covers = CoversDoc::from_kind(kind, targets).unwrap_or_else(|| {
        errors.push("covers", t(lang, "ui-impl-pick-covers", &[]));
        CoversDoc::default()
    });
    let status = Status::parse(f.get("status")).filter(|s| STATUSES.contains(s));
    if status.is_none() {
        errors.push("status", t(lang, "ui-impl-pick-status", &[]));
    }
    let due = date_field(lang, "due", f.get("due"), &mut errors);
    let recurs = super::recur::parse(lang, f, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ImplementationDoc {
        id: String::new(),
        name: f.get("name").trim().to_string(),
        measures,
        covers,
        status: status.unwrap_or(Status::NotStarted),
        owner: f.opt("owner"),
        due: due.map(|d| d.to_string()),
        justification: None,
        evidence: lines_of(f.get("evidence")),
        recurs,
        done: Vec::new(),
    })
}

/// A stored implementation as the form would send it.
fn to_form(im: &ImplementationDoc) -> FormData {
    let mut fields = vec![
        ("name".to_string(), im.name.clone()),
        ("status".to_string(), im.status.as_str().to_string()),
        ("owner".to_string(), im.owner.clone().unwrap_or_default()),
        ("due".to_string(), im.due.clone().unwrap_or_default()),
        ("evidence".to_string(), im.evidence.join("\n")),
    ];
    let (recurs, months) = super::recur::form_values(im.recurs);
    fields.extend([
        ("recurs".to_string(), recurs),
        ("recurs_months".to_string(), months),
    ]);
    fields.extend(
        im.measures
            .iter()
            .map(|m| ("measure".to_string(), m.clone())),
    );
    let (kind, targets) = im.covers.kind();
    fields.push(("covers".to_string(), kind.to_string()));
    let field = match kind {
        "groups" => "group",
        "runs_on" => "runs_on",
        _ => "system",
    };
    fields.extend(targets.into_iter().map(|x| (field.to_string(), x)));
    FormData::filled(fields)
}

pub async fn create(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let mut doc = match from_form(lang, &f) {
        Ok(doc) => doc,
        Err(errors) => return html_invalid(page(&v, &b, Some(&f), None, errors)),
    };
    let taken: Vec<&str> = (b.derived.doc.implementations.iter())
        .map(|x| x.id.as_str())
        .collect();
    let id = id_from_name(f.get("name"), &taken);
    doc.id = id.clone();
    let add = |d: &mut BodyDoc| {
        d.implementations.push(doc);
        Ok(())
    };
    let at = (&s, &v, &b, &f, orgnr.as_str());
    store(at, &id, None, "implementation.create", add).await
}

/// Stores a change to the implementation `id`, back at its row of the list; the engine's
/// problems on the form again (`editing` says which form).
async fn store(
    (s, v, b, f, orgnr): (&AppState, &Viewer, &BodyView, &FormData, &str),
    id: &str,
    editing: Option<(String, String)>,
    action: &str,
    change: impl FnOnce(&mut BodyDoc) -> Result<(), ApiError>,
) -> Result<Response, PageError> {
    match ops::change_doc(s, orgnr, &v.actor(), action, change).await {
        Ok(_) => Ok(saved(&format!(
            "/b/{orgnr}/implementations#impl-{}",
            enc(id)
        ))),
        Err(e) => {
            let errors = problems(v.lang, e, "measure")?;
            html_invalid(page(v, b, Some(f), editing, errors))
        }
    }
}

fn find<'a>(b: &'a BodyView, id: &str) -> Result<&'a ImplementationDoc, PageError> {
    let found = b.derived.doc.implementations.iter().find(|x| x.id == id);
    Ok(found.ok_or(ApiError::NotFound)?)
}

/// The form of implementation `id` as stored, with the record-done form as sent and its
/// problems (422).
pub(super) fn edit_invalid(
    v: &Viewer,
    b: &BodyView,
    id: &str,
    f: &FormData,
    errors: Errors,
) -> Result<Response, PageError> {
    let im = find(b, id)?;
    let editing = Some((im.id.clone(), im.name.clone()));
    let mut page = page(v, b, Some(&to_form(im)), editing, errors);
    if let Some(done) = &mut page.done {
        super::recur::refill(done, f);
    }
    html_invalid(page)
}

pub async fn edit(
    Path((_, id)): Path<(String, String)>,
    BodyPage { v, b, .. }: BodyPage<Editor>,
) -> Result<Response, PageError> {
    let im = find(&b, &id)?;
    let editing = Some((im.id.clone(), im.name.clone()));
    html(page(&v, &b, Some(&to_form(im)), editing, Errors::default()))
}

/// The changed implementation keeps its id: statuses and reports that name it stay true.
pub async fn update(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let editing = Some((id.clone(), find(&b, &id)?.name.clone()));
    let mut doc = match from_form(lang, &f) {
        Ok(doc) => doc,
        Err(errors) => return html_invalid(page(&v, &b, Some(&f), editing, errors)),
    };
    doc.id = id.clone();
    let replace = |d: &mut BodyDoc| {
        let slot = (d.implementations.iter_mut().find(|x| x.id == id)).ok_or(ApiError::NotFound)?;
        // The history of work done stays with it.
        doc.done = std::mem::take(&mut slot.done);
        *slot = doc;
        Ok(())
    };
    let at = (&s, &v, &b, &f, orgnr.as_str());
    store(at, &id, editing, "implementation.update", replace).await
}

pub async fn remove(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    ops::change_doc(&s, &orgnr, &v.actor(), "implementation.remove", |d| {
        let before = d.implementations.len();
        d.implementations.retain(|x| x.id != id);
        if d.implementations.len() == before {
            return Err(ApiError::NotFound);
        }
        Ok(())
    })
    .await?;
    Ok(saved(&format!("/b/{orgnr}/implementations")))
}
