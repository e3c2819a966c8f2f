//! Systems: create and edit, map tasks, dependencies (runs on / uses), the derived levels with
//! the trail behind each, and the measures each system must have.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use grunnmur_catalog::body::SystemDoc;
use grunnmur_core::explain::{LevelTrail, system_level_trail};
use grunnmur_core::level::Dimension;
use grunnmur_core::workspace::DependencyKind;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

pub struct SystemLine {
    pub id: String,
    pub name: String,
    pub levels: [Lv; 3],
    pub tasks: usize,
    pub depends_on: Vec<String>,
    pub required: usize,
    pub cumulation: String,
}

/// A named set of systems (rule 13), as the systems page lists it.
pub struct GroupLine {
    pub id: String,
    pub name: String,
    pub systems: String,
}

#[derive(Template)]
#[template(path = "systems.html")]
struct ListPage {
    p: Page,
    systems: Vec<SystemLine>,
    graph: String,
    errors: Errors,
    new_id: String,
    new_name: String,
    groups: Vec<GroupLine>,
    /// (id, name) of every system, for the new group's picker.
    choices: Vec<(String, String)>,
}

fn dims_text(lang: grunnmur_i18n::Lang, set: grunnmur_core::DimSet) -> String {
    set.iter()
        .map(|d| dim_label(lang, d))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The systems list's rows: the page's table and its downloads.
pub fn lines(lang: grunnmur_i18n::Lang, b: &BodyView) -> Vec<SystemLine> {
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    ws.systems
        .iter()
        .zip(&a.systems)
        .map(|(sys, r)| SystemLine {
            id: sys.id.clone(),
            name: sys.name.clone(),
            levels: lvs(lang, r.levels),
            tasks: sys.processes.len(),
            depends_on: sys
                .depends_on
                .iter()
                .map(|d| {
                    let kind = t(lang, &format!("ui-dep-{}", d.kind.as_str()), &[]);
                    format!("{} ({kind})", ws.systems[d.on].name)
                })
                .collect(),
            required: r.required.len(),
            cumulation: dims_text(lang, r.cumulation),
        })
        .collect()
}

fn list_page(v: &Viewer, b: &BodyView, errors: Errors, new_id: &str, new_name: &str) -> ListPage {
    let lang = v.lang;
    let ws = &b.derived.ws;
    ListPage {
        p: v.body_page(b, "ui-systems-title", "systems"),
        systems: lines(lang, b),
        graph: crate::svg::dependency_graph(lang, ws),
        errors,
        new_id: new_id.into(),
        new_name: new_name.into(),
        groups: (ws.sources.groups.iter())
            .map(|g| GroupLine {
                id: g.id.clone(),
                name: g.name.clone(),
                systems: (g.systems.iter())
                    .map(|&n| ws.systems[n].name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        choices: (ws.systems.iter())
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
    }
}

pub async fn list(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    html(list_page(&v, &b, Errors::default(), "", ""))
}

pub async fn create(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let (id, name) = (f.get("id").to_string(), f.get("name").to_string());
    let mut errors = Errors::default();
    required(v.lang, &f, "id", &mut errors);
    required(v.lang, &f, "name", &mut errors);
    if b.derived.ws.systems.iter().any(|x| x.id == id) {
        errors.push("id", t(v.lang, "ui-systems-id-taken", &[("id", &id)]));
    }
    if !errors.is_empty() {
        return html_invalid(list_page(&v, &b, errors, &id, &name));
    }
    let sys = SystemDoc::new(id.clone(), name.clone());
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "system.create", |doc| {
        doc.systems.push(sys);
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/systems/{}", enc(&id)))),
        Err(e) => {
            let errors = problems(v.lang, e, "id")?;
            html_invalid(list_page(&v, &b, errors, &id, &name))
        }
    }
}

/// A new group: its name (the id made from it) and the systems picked.
pub async fn create_group(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let mut errors = Errors::default();
    required(v.lang, &f, "group_name", &mut errors);
    if !errors.is_empty() {
        return html_invalid(list_page(&v, &b, errors, "", ""));
    }
    let taken: Vec<&str> = b.derived.doc.groups.iter().map(|g| g.id.as_str()).collect();
    let name = f.get("group_name").trim().to_string();
    let id = id_from_name(&name, &taken);
    let group = grunnmur_catalog::body::GroupDoc {
        id: id.clone(),
        name,
        systems: f.all("group_system"),
    };
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "group.create", |doc| {
        doc.groups.push(group);
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/systems#group-{}", enc(&id)))),
        Err(e) => {
            let errors = problems(v.lang, e, "group_name")?;
            html_invalid(list_page(&v, &b, errors, "", ""))
        }
    }
}

/// Removes a group; one an implementation covers stays, with the problem shown.
pub async fn remove_group(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "group.remove", |doc| {
        let before = doc.groups.len();
        doc.groups.retain(|g| g.id != id);
        if doc.groups.len() == before {
            return Err(ApiError::NotFound);
        }
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/systems#groups"))),
        Err(e) => {
            let errors = problems(v.lang, e, "group_name")?;
            html_invalid(list_page(&v, &b, errors, "", ""))
        }
    }
}

pub struct TaskChoice {
    pub id: String,
    pub name: Shown,
    pub checked: bool,
}

pub struct DepLine {
    pub on: String,
    pub name: String,
    pub kind: String,
}

pub struct RequiredLine {
    pub id: String,
    pub name: Shown,
    pub baseline: u8,
    pub status: String,
}

#[derive(Template)]
#[template(path = "system.html")]
struct SystemPage {
    p: Page,
    /// The system's history (the audit page filtered to it).
    history: String,
    id_enc: String,
    name: String,
    levels: [Lv; 3],
    own_levels: [Lv; 3],
    cumulation: String,
    tasks: Vec<TaskChoice>,
    deps: Vec<DepLine>,
    add_dep: Select,
    dep_kind: Select,
    required: Vec<RequiredLine>,
    /// The suppliers' services the system links: (anchor on the services page, name).
    services: Vec<(String, String)>,
    errors: Errors,
}

fn system_page(v: &Viewer, b: &BodyView, n: usize, errors: Errors) -> SystemPage {
    let lang = v.lang;
    let cat = &b.derived.catalog.catalog;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let sys = &ws.systems[n];
    let r = &a.systems[n];
    let tasks = ws
        .tasks
        .iter()
        .enumerate()
        .map(|(k, t)| TaskChoice {
            id: t.id.clone(),
            name: task_shown(cat, t, lang),
            checked: sys.processes.iter().any(|p| p.task == k),
        })
        .collect();
    let deps = sys
        .depends_on
        .iter()
        .map(|d| DepLine {
            on: ws.systems[d.on].id.clone(),
            name: ws.systems[d.on].name.clone(),
            kind: t(lang, &format!("ui-dep-{}", d.kind.as_str()), &[]),
        })
        .collect();
    let mut others = vec![(String::new(), t(lang, "ui-dep-none", &[]))];
    others.extend(
        ws.systems
            .iter()
            .enumerate()
            .filter(|(k, o)| {
                *k != n && !sys.depends_on.iter().any(|d| d.on == *k) && !o.id.is_empty()
            })
            .map(|(_, o)| (o.id.clone(), o.name.clone())),
    );
    let kinds = DependencyKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                t(lang, &format!("ui-dep-{}", k.as_str()), &[]),
            )
        })
        .collect();
    let statuses: std::collections::HashMap<u32, grunnmur_core::workspace::Status> = ws
        .statuses
        .iter()
        .filter(|x| x.system == Some(n))
        .map(|x| (x.measure, x.status))
        .collect();
    let required = r
        .required
        .iter()
        .map(|m| {
            let e = a.effective(cat, Some(n), *m);
            RequiredLine {
                id: cat.measures[*m as usize].id.clone(),
                name: Shown::of(&cat.measures[*m as usize].name, lang),
                baseline: e.map_or(0, |e| e.level.number()),
                status: status_label(
                    lang,
                    statuses
                        .get(m)
                        .copied()
                        .unwrap_or(grunnmur_core::workspace::Status::NotStarted),
                ),
            }
        })
        .collect();
    SystemPage {
        history: super::history::href(&b.row.orgnr, &format!("system:{}", sys.id)),
        p: v.body_page(b, "ui-system-title", "systems"),
        id_enc: enc(&sys.id),
        name: sys.name.clone(),
        levels: lvs(lang, r.levels),
        own_levels: lvs(lang, r.own_levels),
        cumulation: dims_text(lang, r.cumulation),
        tasks,
        deps,
        add_dep: Select::new("dep_add", t(lang, "ui-dep-add", &[]), others, ""),
        dep_kind: Select::new(
            "dep_kind",
            t(lang, "ui-dep-kind", &[]),
            kinds,
            DependencyKind::RunsOn.as_str(),
        ),
        required,
        services: super::services::of_system(b, lang, n),
        errors,
    }
}

fn position(b: &BodyView, id: &str) -> Result<usize, PageError> {
    Ok(b.derived
        .ws
        .systems
        .iter()
        .position(|x| x.id == id)
        .ok_or(ApiError::NotFound)?)
}

pub async fn show(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let n = position(&b, &id)?;
    html(system_page(&v, &b, n, Errors::default()))
}

/// Saves the name, the tasks processed and the dependencies in one go.
pub async fn update(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let n = position(&b, &id)?;
    let mut errors = Errors::default();
    required(v.lang, &f, "name", &mut errors);
    let kind = DependencyKind::ALL
        .into_iter()
        .find(|k| k.as_str() == f.get("dep_kind"))
        .unwrap_or(DependencyKind::RunsOn);
    if !errors.is_empty() {
        return html_invalid(system_page(&v, &b, n, errors));
    }
    let (name, tasks, remove, add) = (
        f.get("name").to_string(),
        f.all("task"),
        f.all("dep_remove"),
        f.opt("dep_add"),
    );
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "system.update", |doc| {
        let sys = doc.system_mut(&id).ok_or(ApiError::NotFound)?;
        sys.name = name;
        sys.set_tasks(tasks);
        sys.remove_dependencies(&remove);
        if let Some(on) = add {
            sys.add_dependency(on, kind);
        }
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/systems/{}", enc(&id)))),
        Err(e) => {
            let errors = problems(v.lang, e, "name")?;
            html_invalid(system_page(&v, &b, n, errors))
        }
    }
}

/// Deletes a system with its dependencies and statuses.
pub async fn delete(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm {
        v, b, f: _, orgnr, ..
    }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    position(&b, &id)?;
    ops::change_doc(&s, &orgnr, &v.actor(), "system.delete", |doc| {
        doc.remove_system(&id);
        Ok(())
    })
    .await?;
    Ok(Redirect::to(&format!("/b/{orgnr}/systems?saved=1")).into_response())
}

/// One dimension's trail, in words.
pub struct TrailView {
    pub dimension: String,
    pub level: Lv,
    pub steps: Vec<String>,
    /// Where the level comes from, as HTML: escaped, with a catalog name in another language
    /// than the page's marked with `lang`.
    pub source_html: String,
}

/// A text as escaped HTML, in a `span` with `lang` where it is not in the page's language.
fn marked_html(x: &Shown) -> String {
    match x.lang_attr() {
        "" => crate::svg::esc(&x.text),
        attr => format!("<span{attr}>{}</span>", crate::svg::esc(&x.text)),
    }
}

pub fn trail_view(
    lang: grunnmur_i18n::Lang,
    cat: &grunnmur_core::Catalog,
    ws: &grunnmur_core::Workspace,
    tr: &LevelTrail,
) -> TrailView {
    let sys_name = |id: &str| {
        ws.systems
            .iter()
            .find(|x| x.id == id)
            .map_or(id.to_string(), |x| x.name.clone())
    };
    let steps = tr
        .dependency_path
        .iter()
        .map(|st| {
            t(
                lang,
                &format!("ui-trail-step-{}", st.kind.as_str()),
                &[("system", &sys_name(&st.system)), ("on", &sys_name(&st.on))],
            )
        })
        .collect();
    let source = if tr.default {
        crate::svg::esc(&t(lang, "ui-trail-default", &[]))
    } else {
        let task = tr
            .task
            .as_deref()
            .and_then(|id| ws.tasks.iter().find(|x| x.id == id))
            .map_or(Shown::plain("", lang), |x| task_shown(cat, x, lang));
        let info = tr
            .info_type
            .as_deref()
            .map(|id| {
                cat.info_types
                    .iter()
                    .find(|x| x.id == id)
                    .map(|x| Shown::of(&x.name, lang))
                    .or_else(|| {
                        ws.own_info_types
                            .iter()
                            .find(|x| x.id == id)
                            .map(|x| Shown::plain(&x.name, lang))
                    })
                    .unwrap_or_else(|| Shown::plain(id, lang))
            })
            .unwrap_or_else(|| Shown::plain("", lang));
        // The sentence with stand-ins for the two names, escaped; then the names, each marked
        // with its language where it is not the page's (catalog names are bokmål in nynorsk).
        let (info_mark, task_mark) = ("\u{E000}", "\u{E001}");
        let mut s = t(
            lang,
            "ui-trail-source",
            &[("info", info_mark), ("task", task_mark)],
        );
        if let Some(sys) = &tr.system {
            s.push(' ');
            s.push_str(&t(
                lang,
                "ui-trail-in-system",
                &[("system", &sys_name(sys))],
            ));
        }
        if let Some(rec) = tr.recommended {
            s.push(' ');
            s.push_str(&t(
                lang,
                "ui-trail-adapted",
                &[
                    ("recommended", &level_label(lang, rec)),
                    ("justification", tr.justification.as_deref().unwrap_or("")),
                ],
            ));
        }
        crate::svg::esc(&s)
            .replace(info_mark, &marked_html(&info))
            .replace(task_mark, &marked_html(&task))
    };
    TrailView {
        dimension: dim_label(lang, tr.dimension),
        level: lv(lang, tr.level),
        steps,
        source_html: source,
    }
}

#[derive(Template)]
#[template(path = "system_why.html")]
struct WhyPage {
    p: Page,
    id_enc: String,
    name: String,
    trails: Vec<TrailView>,
}

pub async fn why_levels(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let n = position(&b, &id)?;
    let cat = &b.derived.catalog.catalog;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let trails = Dimension::ALL
        .iter()
        .map(|d| trail_view(v.lang, cat, ws, &system_level_trail(cat, ws, a, n, *d)))
        .collect();
    html(WhyPage {
        p: v.body_page(&b, "ui-why-levels-title", "systems"),
        id_enc: enc(&id),
        name: ws.systems[n].name.clone(),
        trails,
    })
}
