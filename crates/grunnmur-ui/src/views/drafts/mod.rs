//! Catalog drafts (issue 14) in the web application: the list of drafts with a form to begin
//! one, a draft's page (where it stands, approval and publication, the consultation round, its
//! changes, the proposals to decide and the comments to answer), its entries by section, and a
//! form per kind of entry with the entry's history. Every change goes through
//! `grunnmur_web::drafts` — the same operations and checks as the API; the pages only draw
//! what the operations say and put their problems at the fields.

pub mod entries;
pub mod entry;
pub mod form;
pub mod list;
pub mod show;

use crate::page::*;
use grunnmur_catalog::CheckedCatalog;
use grunnmur_catalog::draft::Section;
use grunnmur_catalog::format::{CatalogDoc, TextDoc};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::{DraftCommentRow, DraftRow};
use grunnmur_web::AppState;
use grunnmur_web::drafts::{self as ops, ChangeOut, Standing};
use grunnmur_web::error::ApiError;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A draft the viewer may read, how they stand to it, and its checked catalog.
pub struct Opened {
    pub d: DraftRow,
    pub st: Standing,
    pub cat: Arc<CheckedCatalog>,
}

impl Opened {
    /// Whether the viewer may change the draft's entries (directly or as proposals).
    pub fn editable(&self) -> bool {
        self.st.editor.is_some() && !self.d.is_published()
    }
}

/// Opens the draft `id` for the viewer: one they may not read is not found.
pub async fn open(s: &AppState, v: &Viewer, id: &str) -> Result<Opened, PageError> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let (d, st) = ops::visible(s, &v.caller(), id).await?;
    let cat = ops::checked(s, &d).await?;
    Ok(Opened { d, st, cat })
}

/// A draft's title: its catalog (by the title of the server's catalog, else its id) and the
/// version it becomes.
pub fn title(s: &AppState, lang: Lang, d: &DraftRow) -> String {
    let own = &s.catalog.doc.catalog;
    let catalog = if own.id == d.catalog_id {
        own.title.get(lang.code())
    } else {
        &d.catalog_id
    };
    t(
        lang,
        "ui-draft-title-of",
        &[("catalog", catalog), ("version", &d.version)],
    )
}

/// A draft's state in words: begun, in consultation until a day, consulted, published.
pub fn state(lang: Lang, d: &DraftRow) -> String {
    let closes = d.closes.clone().unwrap_or_default();
    let key = if d.is_published() {
        "ui-draft-state-published"
    } else if ops::open_for_comments(d) {
        "ui-draft-state-consultation"
    } else if d.closes.is_some() {
        "ui-draft-state-consulted"
    } else {
        "ui-draft-state-open"
    };
    t(lang, key, &[("closes", &closes)])
}

/// A catalog section's name.
pub fn section_label(lang: Lang, s: Section) -> String {
    t(lang, &format!("ui-draft-section-{}", s.as_str()), &[])
}

/// The sections as the pages list them: the way the catalog is read.
pub const SECTIONS: [Section; 6] = [
    Section::Tasks,
    Section::InfoTypes,
    Section::Measures,
    Section::Profiles,
    Section::Activities,
    Section::Requirements,
];

/// Every entry's name by section and id, and every owner's, from a draft's catalog.
pub struct Names {
    pub entries: BTreeMap<(Section, String), TextDoc>,
    pub owners: Vec<(String, TextDoc)>,
}

impl Names {
    pub fn of(doc: &CatalogDoc) -> Names {
        let mut entries = BTreeMap::new();
        let mut put = |s: Section, id: String, name: &TextDoc| {
            entries.insert((s, id), name.clone());
        };
        for x in &doc.requirements {
            put(Section::Requirements, x.id.clone(), &x.name);
        }
        for x in &doc.activities {
            put(Section::Activities, super::enum_str(&x.id), &x.name);
        }
        for x in &doc.info_types {
            put(Section::InfoTypes, x.id.clone(), &x.name);
        }
        for x in &doc.tasks {
            put(Section::Tasks, x.id.clone(), &x.name);
        }
        for x in &doc.measures {
            put(Section::Measures, x.id.clone(), &x.name);
        }
        for x in &doc.profiles {
            put(Section::Profiles, x.id.clone(), &x.name);
        }
        let owners = (doc.owners.iter())
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect();
        Names { entries, owners }
    }

    /// An entry's name as shown; its id where the draft has no such entry.
    pub fn entry(&self, lang: Lang, s: Section, id: &str) -> Shown {
        match self.entries.get(&(s, id.to_string())) {
            Some(n) => Shown::of_doc(n, lang),
            None => Shown::plain(id, lang),
        }
    }

    /// An owner's name (its id where the catalog does not name it).
    pub fn owner(&self, lang: Lang, id: &str) -> String {
        (self.owners.iter())
            .find(|(o, _)| o == id)
            .map_or(id.to_string(), |(_, n)| n.get(lang.code()).to_string())
    }
}

/// An entry's name from its JSON (`name: {nb, en}`), for entries a draft no longer has.
fn name_in(v: Option<&Value>, lang: Lang) -> Option<Shown> {
    let name: TextDoc = serde_json::from_value(v?.get("name")?.clone()).ok()?;
    Some(Shown::of_doc(&name, lang))
}

/// An entry's page.
pub fn entry_href(draft: i64, section: &str, id: &str) -> String {
    format!(
        "/catalog/drafts/{draft}/entries/{section}/{}",
        super::enc_path(id)
    )
}

/// One field of a change: its value before and after, marked with the language of a
/// localised text (`name.nb`).
pub struct FieldView {
    pub field: String,
    pub old: String,
    pub new: String,
    /// ` lang="…"` for a text in a language other than the page's.
    pub lang_attr: &'static str,
}

/// A change or proposal as the pages show it.
pub struct ChangeView {
    pub id: i64,
    pub name: Shown,
    pub section: String,
    pub entry_id: String,
    /// The entry's page, while the draft has it.
    pub href: Option<String>,
    pub owner: String,
    pub kind: String,
    pub state: String,
    pub proposed: bool,
    pub fields: Vec<FieldView>,
    pub reason: String,
    pub author: String,
    pub when: String,
    /// How a proposal was decided, in words, with the reason.
    pub decision: Option<String>,
    /// Whether the viewer decides this proposal (an editor of the entry's owner).
    pub decide: bool,
}

fn lang_attr(field: &str, lang: Lang) -> &'static str {
    match field.rsplit('.').next() {
        Some("nb") if lang != Lang::Nb => r#" lang="nb""#,
        Some("en") if lang != Lang::En => r#" lang="en""#,
        _ => "",
    }
}

pub fn change_view(
    s: &AppState,
    lang: Lang,
    o: &Opened,
    names: &Names,
    c: ChangeOut,
) -> ChangeView {
    let zone = &s.config.time_zone;
    let section = Section::parse(&c.section);
    let exists = section.is_some_and(|sec| names.entries.contains_key(&(sec, c.entry_id.clone())));
    let name = match section {
        Some(sec) if exists => names.entry(lang, sec, &c.entry_id),
        _ => name_in(c.entry.as_ref().or(c.before.as_ref()), lang)
            .unwrap_or_else(|| Shown::plain(&c.entry_id, lang)),
    };
    let decision = c.decided_at.map(|at| {
        let key = format!("ui-draft-decided-{}", c.state);
        let args = [
            ("who", c.decided_by.clone().unwrap_or_default()),
            ("when", super::admin::timestamp(zone, at)),
            ("reason", c.decision.clone().unwrap_or_default()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t(lang, &key, &args)
    });
    let proposed = c.state == "proposed";
    ChangeView {
        id: c.id,
        section: section.map_or(c.section.clone(), |sec| section_label(lang, sec)),
        href: exists.then(|| entry_href(o.d.id, &c.section, &c.entry_id)),
        decide: proposed && !o.d.is_published() && o.st.edits(&c.owner),
        owner: names.owner(lang, &c.owner),
        kind: t(lang, &format!("ui-draft-kind-{}", c.kind), &[]),
        state: t(lang, &format!("ui-draft-change-{}", c.state), &[]),
        proposed,
        fields: (c.fields.into_iter())
            .map(|f| FieldView {
                lang_attr: lang_attr(&f.field, lang),
                field: f.field,
                old: f.old,
                new: f.new,
            })
            .collect(),
        reason: c.reason,
        author: c.author,
        when: super::admin::timestamp(zone, c.created_at),
        decision,
        name,
        entry_id: c.entry_id,
    }
}

/// A comment as the pages show it, with its answer.
pub struct CommentView {
    pub id: i64,
    pub body: String,
    pub name: Shown,
    pub section: String,
    pub entry_id: String,
    pub href: Option<String>,
    pub text: String,
    pub author: String,
    pub when: String,
    pub answer: Option<String>,
    pub outcome: String,
    pub answered: String,
    /// Whether the viewer answers it (an editor of the entry's owner; not yet answered).
    pub answers: bool,
}

pub async fn comment_views(
    s: &AppState,
    lang: Lang,
    o: &Opened,
    names: &Names,
    rows: Vec<DraftCommentRow>,
) -> Result<Vec<CommentView>, PageError> {
    let zone = &s.config.time_zone;
    let mut bodies: BTreeMap<String, String> = BTreeMap::new();
    let mut out = Vec::new();
    for c in rows {
        if !bodies.contains_key(&c.orgnr) {
            let name = (s.store.body(&c.orgnr).await?).map_or(c.orgnr.clone(), |b| b.name);
            bodies.insert(c.orgnr.clone(), name);
        }
        let (sec, id) = c.entry.split_once('/').unwrap_or(("", &c.entry));
        let section = Section::parse(sec);
        let owner = section.and_then(|sec| entry_owner(&o.cat.doc, sec, id));
        let exists = section.is_some_and(|x| names.entries.contains_key(&(x, id.to_string())));
        out.push(CommentView {
            id: c.id,
            body: bodies.get(&c.orgnr).cloned().unwrap_or_default(),
            name: match section {
                Some(x) => names.entry(lang, x, id),
                None => Shown::plain(id, lang),
            },
            section: section.map_or(sec.to_string(), |x| section_label(lang, x)),
            href: exists.then(|| entry_href(o.d.id, sec, id)),
            entry_id: id.to_string(),
            text: c.text,
            author: c.author,
            when: super::admin::timestamp(zone, c.created_at),
            answers: c.answer.is_none()
                && !o.d.is_published()
                && owner.is_some_and(|w| o.st.edits(&w)),
            outcome: (c.outcome.as_deref())
                .map(|x| t(lang, &format!("ui-draft-outcome-{x}"), &[]))
                .unwrap_or_default(),
            answered: match (c.answered_by, c.answered_at) {
                (Some(who), Some(at)) => t(
                    lang,
                    "ui-draft-answered-by",
                    &[("who", &who), ("when", &super::admin::timestamp(zone, at))],
                ),
                _ => String::new(),
            },
            answer: c.answer,
        });
    }
    Ok(out)
}

/// The owner of an entry of the draft, if it names one.
pub fn entry_owner(doc: &CatalogDoc, s: Section, id: &str) -> Option<String> {
    match s {
        Section::Requirements => doc.requirements.iter().find(|x| x.id == id)?.owner.clone(),
        Section::Activities => (doc.activities.iter())
            .find(|x| super::enum_str(&x.id) == id)?
            .owner
            .clone(),
        Section::InfoTypes => doc.info_types.iter().find(|x| x.id == id)?.owner.clone(),
        Section::Tasks => doc.tasks.iter().find(|x| x.id == id)?.owner.clone(),
        Section::Measures => doc.measures.iter().find(|x| x.id == id)?.owner.clone(),
        Section::Profiles => doc.profiles.iter().find(|x| x.id == id)?.owner.clone(),
    }
}

/// The bodies the viewer is a member of, by name: who they may comment for.
pub async fn my_bodies(s: &AppState, v: &Viewer) -> Result<Vec<(String, String)>, PageError> {
    let mut out = Vec::new();
    for (orgnr, _) in s.store.memberships(v.user.id).await? {
        let name = (s.store.body(&orgnr).await?).map_or(orgnr.clone(), |b| b.name);
        out.push((orgnr, name));
    }
    Ok(out)
}

/// The entries of the draft as choices of a picker, grouped by section: `(section name,
/// [(section/id, "name (id)")])`.
pub fn entry_choices(lang: Lang, names: &Names) -> Vec<(String, Vec<(String, String)>)> {
    SECTIONS
        .iter()
        .map(|&sec| {
            let items = (names.entries.iter())
                .filter(|((x, _), _)| *x == sec)
                .map(|((_, id), n)| {
                    let value = format!("{}/{id}", sec.as_str());
                    (value, format!("{} ({id})", n.get(lang.code())))
                })
                .collect();
            (section_label(lang, sec), items)
        })
        .filter(|(_, items): &(String, Vec<_>)| !items.is_empty())
        .collect()
}

/// Problems an operation refused a form with, tied to `field`: a missing required text
/// (`BadRequest` naming it), a refused value (`Invalid` problems), or a conflict in words.
/// Anything else is the page's error.
pub fn refusal(lang: Lang, e: ApiError, field: &str) -> Result<Errors, PageError> {
    let mut errors = Errors::default();
    match e {
        ApiError::BadRequest(_) => {
            errors.push(field, t(lang, "ui-draft-required", &[]));
        }
        ApiError::Invalid(ps) => {
            for p in &ps {
                let m = grunnmur_web::error::problem_out(lang, p).message;
                errors.push(field, m);
            }
        }
        e @ ApiError::Conflict(_) => errors.push(field, e.message(lang)),
        e => return Err(e.into()),
    }
    Ok(errors)
}
