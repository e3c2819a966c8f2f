//! The body's history: its audit log in words. Each entry that changed the workspace or a risk
//! assessment says which object changed, which field, and the old and new value
//! ([`grunnmur_catalog::body::history`]), with names from the body's documents and its catalog
//! release. Filtered by object, person and dates with a plain GET form.
//!
//! Who sees what: the whole log is for the body's administrators (it lists every change to
//! every object, and actions about the body itself); the history of one object is the body's
//! own data, which every member can read on the object's page already, so any member may see
//! it. A member who is not an administrator gets the page only with an object chosen.

use super::platform::day;
use super::{Select, admin::timestamp, assessment_title, level_label, status_label};
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_catalog::BodyDoc;
use grunnmur_catalog::body::history::{Change, Object, What, assessment_changes, changes};
use grunnmur_core::Catalog;
use grunnmur_core::level::Level;
use grunnmur_core::risk::RiskAssessment;
use grunnmur_core::workspace::Status;
use grunnmur_i18n::{Lang, t, translations};
use grunnmur_store::{AuditRow, Role};
use grunnmur_web::AppState;
use grunnmur_web::auth::Reader;
use grunnmur_web::error::ApiError;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The newest entries shown (older ones: narrow the dates).
pub const AUDIT_SHOWN: usize = 200;
/// With an object chosen, at most this many entries (newest first, after the person and date
/// filters) are compared to find the object's changes. Comparing is reading two whole
/// documents, so the page's cost stays bounded however long the log grows; the page says when
/// it stopped early, and the dates reach further back.
const AUDIT_SCANNED: usize = 1000;
/// The changes listed for one entry (a workbook import may change hundreds of things).
const CHANGES_SHOWN: usize = 12;

#[derive(Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    object: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

/// What the object filter picks, from its value in the form.
#[derive(Clone, Debug, PartialEq)]
enum Pick {
    /// One object of the workspace (a system's history includes its measure statuses).
    Object(Object),
    /// Every status of one measure.
    Measure(String),
    /// One risk assessment, by its number.
    Assessment(i64),
}

impl Pick {
    fn parse(value: &str) -> Option<Pick> {
        if value == "org" {
            return Some(Pick::Object(Object::Organisation));
        }
        let (kind, id) = value.split_once(':')?;
        let id = id.to_string();
        Some(match kind {
            "system" => Pick::Object(Object::System(id)),
            "group" => Pick::Object(Object::Group(id)),
            "implementation" => Pick::Object(Object::Implementation(id)),
            "task" => Pick::Object(Object::Task(id)),
            "info_type" => Pick::Object(Object::InfoType(id)),
            "measure" => Pick::Measure(id),
            "status" => {
                let (measure, system) = id.rsplit_once('@')?;
                Pick::Object(Object::Status {
                    measure: measure.into(),
                    system: (system != "org").then(|| system.into()),
                })
            }
            "risk" => Pick::Assessment(id.parse().ok()?),
            _ => return None,
        })
    }

    /// Text that every entry about the object contains: a cheap test before comparing.
    fn needle(&self) -> Option<&str> {
        match self {
            Pick::Object(
                Object::System(id)
                | Object::Group(id)
                | Object::Implementation(id)
                | Object::Task(id)
                | Object::InfoType(id),
            ) => Some(id),
            Pick::Object(Object::Status { measure, .. }) | Pick::Measure(measure) => Some(measure),
            _ => None,
        }
    }

    fn wants(&self, c: &Change) -> bool {
        match self {
            Pick::Object(o) => c.concerns(o),
            Pick::Measure(m) => matches!(&c.object, Object::Status { measure, .. } if measure == m),
            Pick::Assessment(_) => true,
        }
    }
}

/// The audit page filtered to one object: where an object's "History" link leads.
pub fn href(orgnr: &str, object: &str) -> String {
    format!("/b/{orgnr}/audit?object={}", enc(object))
}

pub use grunnmur_web::evidence::status_key;

pub struct ChangeLine {
    /// What kind of object, in words.
    pub kind: String,
    pub name: String,
    /// The object's id, as secondary text.
    pub id: String,
    pub what: String,
}

/// What changes from one body file to another, in words with names (a workbook's preview).
pub fn describe_changes(
    lang: Lang,
    cat: &Catalog,
    before: &BodyDoc,
    after: &BodyDoc,
) -> Vec<ChangeLine> {
    let namer = Namer {
        lang,
        cat,
        docs: vec![after, before],
        assessment: None,
    };
    changes(before, after)
        .iter()
        .map(|c| namer.line(c))
        .collect()
}

pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub hash: String,
    pub changes: Vec<ChangeLine>,
    /// Changes not listed.
    pub more: usize,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    p: Page,
    object: Select,
    actor: Select,
    from: String,
    to: String,
    errors: Errors,
    /// The chosen object's name, when one is chosen.
    about: String,
    entries: Vec<AuditLine>,
    total: usize,
    /// The comparing stopped at [`AUDIT_SCANNED`] entries.
    cut: bool,
}

/// The documents of an entry, as read for comparing.
enum Docs {
    Body(Option<Arc<BodyDoc>>, Arc<BodyDoc>),
    Risk(i64, Option<Box<RiskAssessment>>, Box<RiskAssessment>),
    Other,
}

/// A risk assessment entry's stored text: its number and the assessment's JSON.
#[derive(Deserialize)]
struct Stored {
    id: i64,
    doc: String,
}

fn stored(text: Option<&str>) -> Option<Stored> {
    serde_json::from_str(text?).ok()
}

/// Reads an entry's documents. Walking the log newest first, an entry's `after` is the
/// `before` of the entry read just before, so the last document read is kept for the next.
fn docs<'a>(e: &'a AuditRow, last: &mut Option<(&'a str, Arc<BodyDoc>)>) -> Docs {
    if e.action.starts_with("risk_assessment.") {
        let (b, a) = (stored(e.before.as_deref()), stored(e.after.as_deref()));
        let read = |s: &Stored| serde_json::from_str::<Box<RiskAssessment>>(&s.doc).ok();
        return match a.as_ref().and_then(|x| read(x).map(|d| (x.id, d))) {
            Some((id, after)) => Docs::Risk(id, b.as_ref().and_then(read), after),
            None => Docs::Other,
        };
    }
    let mut read = |text: &'a str| -> Option<Arc<BodyDoc>> {
        if let Some((t, d)) = last
            && *t == text
        {
            return Some(d.clone());
        }
        let d = Arc::new(serde_json::from_str::<BodyDoc>(text).ok()?);
        *last = Some((text, d.clone()));
        Some(d)
    };
    let Some(after) = e.after.as_deref().and_then(&mut read) else {
        return Docs::Other;
    };
    let before = e.before.as_deref().and_then(read);
    Docs::Body(before, after)
}

/// The changes an entry made; a workspace's first version is compared with an empty one.
fn entry_changes(d: &Docs) -> Vec<Change> {
    match d {
        Docs::Body(Some(b), a) => changes(b, a),
        Docs::Body(None, a) => changes(&BodyDoc::new(a.org.clone()), a),
        Docs::Risk(_, Some(b), a) => assessment_changes(b, a),
        Docs::Risk(_, None, _) => vec![Change {
            object: Object::Assessment,
            what: What::Added,
        }],
        Docs::Other => Vec::new(),
    }
}

/// Names objects for the reader: from the entry's documents (what the object was called
/// then, or before it was removed), the catalog release for catalog tasks, information types
/// and measures.
struct Namer<'a> {
    lang: Lang,
    cat: &'a Catalog,
    docs: Vec<&'a BodyDoc>,
    assessment: Option<(i64, Vec<&'a RiskAssessment>)>,
}

impl Namer<'_> {
    fn word(&self, key: &str) -> String {
        t(self.lang, key, &[])
    }

    fn system(&self, id: &str) -> String {
        self.docs
            .iter()
            .find_map(|d| d.systems.iter().find(|s| s.id == id))
            .map_or_else(|| id.to_string(), |s| s.name.clone())
    }

    fn task(&self, key: &str) -> String {
        if let Some(i) = self.cat.task(key) {
            return self.cat.tasks[i as usize]
                .name
                .get(self.lang.code())
                .to_string();
        }
        self.docs
            .iter()
            .find_map(|d| d.tasks.iter().find(|t| t.key() == key))
            .and_then(|t| t.name.clone())
            .unwrap_or_else(|| key.to_string())
    }

    fn info_type(&self, id: &str) -> String {
        if let Some(i) = self.cat.info_type(id) {
            return self.cat.info_types[i as usize]
                .name
                .get(self.lang.code())
                .to_string();
        }
        self.docs
            .iter()
            .find_map(|d| d.info_types.iter().find(|x| x.id == id))
            .map_or_else(|| id.to_string(), |x| x.name.clone())
    }

    fn measure(&self, id: &str) -> String {
        self.cat.measure(id).map_or_else(
            || id.to_string(),
            |i| {
                self.cat.measures[i as usize]
                    .name
                    .get(self.lang.code())
                    .to_string()
            },
        )
    }

    /// The kind (in words), the name and the id of an object.
    fn object(&self, o: &Object) -> (String, String, String) {
        let named = |list: &dyn Fn(&BodyDoc) -> Option<String>, id: &str| {
            self.docs
                .iter()
                .find_map(|d| list(d))
                .unwrap_or_else(|| id.to_string())
        };
        match o {
            Object::Organisation => (
                self.word("ui-history-kind-org"),
                self.docs
                    .first()
                    .map(|d| d.org.name.clone())
                    .unwrap_or_default(),
                String::new(),
            ),
            Object::Task(k) => (self.word("ui-history-kind-task"), self.task(k), k.clone()),
            Object::InfoType(id) => (
                self.word("ui-history-kind-info-type"),
                self.info_type(id),
                id.clone(),
            ),
            Object::Adaptation { task, info_type } => (
                self.word("ui-history-kind-adaptation"),
                format!("{} – {}", self.task(task), self.info_type(info_type)),
                format!("{task} / {info_type}"),
            ),
            Object::System(id) => (
                self.word("ui-history-kind-system"),
                self.system(id),
                id.clone(),
            ),
            Object::Group(id) => (
                self.word("ui-history-kind-group"),
                named(
                    &|d| {
                        d.groups
                            .iter()
                            .find(|g| &g.id == id)
                            .map(|g| g.name.clone())
                    },
                    id,
                ),
                id.clone(),
            ),
            Object::Implementation(id) => (
                self.word("ui-history-kind-implementation"),
                named(
                    &|d| {
                        d.implementations
                            .iter()
                            .find(|g| &g.id == id)
                            .map(|g| g.name.clone())
                    },
                    id,
                ),
                id.clone(),
            ),
            Object::Status { measure, system } => (
                self.word("ui-history-kind-status"),
                format!(
                    "{} – {}",
                    self.measure(measure),
                    system
                        .as_deref()
                        .map_or_else(|| self.word("report-scope-org"), |s| self.system(s))
                ),
                format!("{measure} @ {}", system.as_deref().unwrap_or("org")),
            ),
            Object::Assessment => {
                let (n, docs) = self
                    .assessment
                    .as_ref()
                    .map_or((0, &[][..]), |(n, d)| (*n, d));
                let title = docs.first().map(|d| assessment_title(self.lang, &d.title));
                (
                    self.word("ui-history-kind-assessment"),
                    title.unwrap_or_default(),
                    format!("#{n}"),
                )
            }
            Object::Risk(id) => {
                let (n, docs) = self
                    .assessment
                    .as_ref()
                    .map_or((0, &[][..]), |(n, d)| (*n, d));
                let title = docs
                    .iter()
                    .find_map(|d| d.risks.iter().find(|r| &r.id == id))
                    .map_or_else(|| id.clone(), |r| r.title.clone());
                (
                    self.word("ui-history-kind-risk"),
                    title,
                    format!("#{n} / {id}"),
                )
            }
            // A catalog draft's entry: no name to look up outside the draft.
            Object::CatalogEntry { section, id } => {
                (section.clone(), id.clone(), format!("{section}/{id}"))
            }
        }
    }

    /// A field's value in words: statuses and levels by their labels.
    fn value(&self, field: &str, v: &str) -> String {
        if v.is_empty() {
            return self.word("ui-history-empty");
        }
        if field == "status"
            && let Ok(s) = serde_json::from_value::<Status>(serde_json::Value::String(v.into()))
        {
            return status_label(self.lang, s);
        }
        if field.starts_with("levels.")
            && let Some(l) = Level::ALL.into_iter().find(|l| l.as_str() == v)
        {
            return level_label(self.lang, l);
        }
        v.to_string()
    }

    fn line(&self, c: &Change) -> ChangeLine {
        let (kind, name, id) = self.object(&c.object);
        let what = match &c.what {
            What::Added => self.word("ui-history-added"),
            What::Removed => self.word("ui-history-removed"),
            What::Field { field, old, new } => {
                let key = format!("ui-history-field-{}", field.replace(['.', '_'], "-"));
                let label = if translations().has(self.lang, &key) {
                    self.word(&key)
                } else {
                    field.clone()
                };
                t(
                    self.lang,
                    "ui-history-field-change",
                    &[
                        ("field", &label),
                        ("old", &self.value(field, old)),
                        ("new", &self.value(field, new)),
                    ],
                )
            }
        };
        ChangeLine {
            kind,
            name,
            id,
            what,
        }
    }
}

/// The objects the filter offers: the body, its systems, groups, implementations, tasks,
/// the measures it has statuses for, and its risk assessments; a chosen status (from a
/// measure form's link) is offered too, so the form shows what is chosen.
fn object_options(
    lang: Lang,
    cat: &Catalog,
    doc: &BodyDoc,
    risks: &[(i64, String)],
    chosen: (&str, &str),
    all: bool,
) -> Vec<(String, String)> {
    let namer = Namer {
        lang,
        cat,
        docs: vec![doc],
        assessment: None,
    };
    let label = |kind: &str, name: &str, id: &str| {
        if id.is_empty() {
            format!("{}: {name}", t(lang, kind, &[]))
        } else {
            format!("{}: {name} ({id})", t(lang, kind, &[]))
        }
    };
    let mut out = Vec::new();
    if all {
        out.push((String::new(), t(lang, "ui-history-all", &[])));
    }
    out.push((
        "org".into(),
        label("ui-history-kind-org", &doc.org.name, ""),
    ));
    for s in &doc.systems {
        out.push((
            format!("system:{}", s.id),
            label("ui-history-kind-system", &s.name, &s.id),
        ));
    }
    for g in &doc.groups {
        out.push((
            format!("group:{}", g.id),
            label("ui-history-kind-group", &g.name, &g.id),
        ));
    }
    for i in &doc.implementations {
        out.push((
            format!("implementation:{}", i.id),
            label("ui-history-kind-implementation", &i.name, &i.id),
        ));
    }
    for task in &doc.tasks {
        let k = task.key();
        out.push((
            format!("task:{k}"),
            label("ui-history-kind-task", &namer.task(k), k),
        ));
    }
    let measures: BTreeSet<&str> = doc
        .measure_status
        .iter()
        .map(|x| x.measure.as_str())
        .collect();
    for m in measures {
        out.push((
            format!("measure:{m}"),
            label("ui-history-kind-measure", &namer.measure(m), m),
        ));
    }
    for (n, title) in risks {
        out.push((
            grunnmur_web::evidence::risk_key(*n),
            label("ui-history-kind-assessment", title, &format!("#{n}")),
        ));
    }
    let (value, name) = chosen;
    if !value.is_empty() && !out.iter().any(|(v, _)| v == value) {
        out.push((value.to_string(), name.to_string()));
    }
    out
}

pub async fn audit(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Reader>,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let admin = b.role >= Role::Admin;
    let pick = Pick::parse(&f.object);
    if !admin && pick.is_none() {
        return Err(ApiError::Forbidden.into());
    }
    let zone = s.config.time_zone.as_str();
    let mut errors = Errors::default();
    let since = day(&f.from, "from", false, lang, Some(zone), &mut errors);
    let until = day(&f.to, "to", true, lang, Some(zone), &mut errors);
    let all = s.store.audit_for(&orgnr).await?;
    let total = all.len();
    let cat = &b.derived.catalog.catalog;
    let current = &b.derived.doc;

    let mut entries = Vec::new();
    let (mut scanned, mut cut) = (0, false);
    let mut last = None;
    let candidates = all.iter().rev().filter(|e| {
        (f.actor.is_empty() || e.actor == f.actor)
            && since.is_none_or(|x| e.at >= x)
            && until.is_none_or(|x| e.at <= x)
    });
    for e in candidates {
        if entries.len() == AUDIT_SHOWN {
            break;
        }
        if let Some(p) = &pick {
            if scanned == AUDIT_SCANNED {
                cut = true;
                break;
            }
            scanned += 1;
            // Cheap tests first: an assessment's entries by their action and number, a
            // workspace object's by its id in the stored text.
            let risk = e.action.starts_with("risk_assessment.");
            let cheap = match (p, p.needle()) {
                (Pick::Assessment(n), _) => {
                    risk && stored(e.after.as_deref()).is_some_and(|x| x.id == *n)
                }
                _ if risk => false,
                (_, Some(id)) => [&e.after, &e.before]
                    .into_iter()
                    .any(|x| x.as_deref().is_some_and(|x| x.contains(id))),
                (_, None) => true,
            };
            if !cheap {
                continue;
            }
        }
        let d = docs(e, &mut last);
        let mut list = entry_changes(&d);
        if let Some(p) = &pick {
            let risk = matches!(d, Docs::Risk(..));
            if risk != matches!(p, Pick::Assessment(_)) {
                continue;
            }
            list.retain(|c| p.wants(c));
            if list.is_empty() {
                continue;
            }
        }
        let namer = match &d {
            Docs::Body(before, after) => Namer {
                lang,
                cat,
                docs: [Some(&**after), before.as_deref(), Some(current)]
                    .into_iter()
                    .flatten()
                    .collect(),
                assessment: None,
            },
            Docs::Risk(n, before, after) => Namer {
                lang,
                cat,
                docs: vec![current],
                assessment: Some((
                    *n,
                    [Some(&**after), before.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect(),
                )),
            },
            Docs::Other => Namer {
                lang,
                cat,
                docs: vec![current],
                assessment: None,
            },
        };
        entries.push(AuditLine {
            at: timestamp(zone, e.at),
            actor: e.actor.clone(),
            action: e.action.clone(),
            hash: e.hash.chars().take(12).collect(),
            more: list.len().saturating_sub(CHANGES_SHOWN),
            changes: list
                .iter()
                .take(CHANGES_SHOWN)
                .map(|c| namer.line(c))
                .collect(),
        });
    }

    let mut risks = Vec::new();
    for row in s.store.risk_assessments(&orgnr).await? {
        if let Ok(d) = serde_json::from_str::<RiskAssessment>(&row.doc) {
            risks.push((row.id, assessment_title(lang, &d.title)));
        }
    }
    let about = match &pick {
        Some(Pick::Object(o)) => {
            let namer = Namer {
                lang,
                cat,
                docs: vec![current],
                assessment: None,
            };
            let (kind, name, id) = namer.object(o);
            match id.is_empty() {
                true => format!("{kind}: {name}"),
                false => format!("{kind}: {name} ({id})"),
            }
        }
        Some(Pick::Measure(m)) => {
            let namer = Namer {
                lang,
                cat,
                docs: vec![current],
                assessment: None,
            };
            format!(
                "{}: {} ({m})",
                t(lang, "ui-history-kind-measure", &[]),
                namer.measure(m)
            )
        }
        Some(Pick::Assessment(n)) => {
            let title = risks
                .iter()
                .find(|(id, _)| id == n)
                .map(|(_, x)| x.clone())
                .unwrap_or_default();
            format!(
                "{}: {title} (#{n})",
                t(lang, "ui-history-kind-assessment", &[])
            )
        }
        None => String::new(),
    };
    let options = object_options(lang, cat, current, &risks, (&f.object, &about), admin);
    let object = Select::new(
        "object",
        t(lang, "ui-history-object", &[]),
        options,
        &f.object,
    );
    // An administrator picks among everyone in the log; a member reading one object's history
    // only among those who changed it (they see those names in the entries anyway).
    let actors: BTreeSet<&str> = if admin {
        all.iter().map(|e| e.actor.as_str()).collect()
    } else {
        (entries.iter().map(|e| e.actor.as_str()))
            .chain(Some(f.actor.as_str()).filter(|a| !a.is_empty()))
            .collect()
    };
    let mut people = vec![(String::new(), t(lang, "ui-history-everyone", &[]))];
    people.extend(actors.iter().map(|a| (a.to_string(), a.to_string())));
    let actor = Select::new("actor", t(lang, "ui-history-person", &[]), people, &f.actor);
    let page = AuditPage {
        p: v.body_page(&b, "ui-audit-title", "audit"),
        object,
        actor,
        from: f.from,
        to: f.to,
        errors,
        about,
        entries,
        total,
        cut,
    };
    if page.errors.is_empty() {
        html(page)
    } else {
        html_invalid(page)
    }
}
