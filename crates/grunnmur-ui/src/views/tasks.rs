//! *Ha oversikt og prioritere*: the body's tasks, suggestions from the catalog for its kind and
//! sectors (pick many at once), its own tasks and information types, and the external
//! requirements that follow from what it chose.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_catalog::body::{BodyTaskDoc, OwnInfoTypeDoc};
use grunnmur_core::level::{Dimension, Level, Levels};
use grunnmur_store::Role;
use grunnmur_web::AppState;
use grunnmur_web::ops;
use serde::Deserialize;
use std::collections::BTreeSet;

pub struct ChosenTask {
    pub id: String,
    pub name: Shown,
    pub own: bool,
    pub info_types: usize,
    pub levels: [Lv; 3],
    pub systems: usize,
}

pub struct Suggestion {
    pub id: String,
    pub name: Shown,
    pub description: Shown,
    pub info_types: usize,
}

pub struct Requirement {
    pub name: Shown,
    pub source: String,
}

/// What was typed into the two forms, shown again beside their problems.
#[derive(Default)]
pub struct OwnForms {
    pub task_id: String,
    pub task_name: String,
    pub task_info: String,
    pub info_id: String,
    pub info_name: String,
    pub info_levels: [String; 3],
    pub info_rationale: String,
}

#[derive(Template)]
#[template(path = "tasks.html")]
struct TasksPage {
    p: Page,
    chosen: Vec<ChosenTask>,
    suggestions: Vec<Suggestion>,
    all: bool,
    requirements: Vec<Requirement>,
    errors: Errors,
    own: OwnForms,
    level_selects: Vec<Select>,
}

#[derive(Deserialize)]
pub struct Filter {
    all: Option<String>,
}

pub async fn show(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<Filter>,
) -> Result<Response, PageError> {
    render(
        &v,
        &b,
        q.all.is_some(),
        Errors::default(),
        OwnForms::default(),
        false,
    )
}

fn render(
    v: &Viewer,
    b: &BodyView,
    all: bool,
    errors: Errors,
    own: OwnForms,
    invalid: bool,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let cat = &b.derived.catalog.catalog;
    let doc = &b.derived.catalog.doc;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let chosen = ws
        .tasks
        .iter()
        .enumerate()
        .map(|(n, t)| ChosenTask {
            id: t.id.clone(),
            name: task_shown(cat, t, lang),
            own: t.catalog.is_none(),
            info_types: t.info_types.len(),
            levels: lvs(lang, a.tasks[n].levels),
            systems: ws
                .systems
                .iter()
                .filter(|s| s.processes.iter().any(|p| p.task == n))
                .count(),
        })
        .collect();
    let adopted: BTreeSet<u32> = ws.tasks.iter().filter_map(|t| t.catalog).collect();
    let suggestions = cat
        .tasks
        .iter()
        .enumerate()
        .filter(|(i, t)| {
            !adopted.contains(&(*i as u32))
                && (all
                    || t.applies_to
                        .iter()
                        .any(|x| x.matches(ws.org.kind, &ws.org.sectors)))
        })
        .map(|(i, t)| Suggestion {
            id: t.id.clone(),
            name: Shown::of(&t.name, lang),
            description: doc.tasks[i]
                .description
                .as_ref()
                .map(|d| Shown::of_doc(d, lang))
                .unwrap_or_default(),
            info_types: t.info_types.len(),
        })
        .collect();
    // Requirements named by the chosen tasks and by their information types.
    let mut req_ids: BTreeSet<&str> = BTreeSet::new();
    for t in ws.tasks.iter().filter_map(|t| t.catalog) {
        let td = &doc.tasks[t as usize];
        req_ids.extend(td.requirements.iter().map(String::as_str));
        for info in &cat.tasks[t as usize].info_types {
            req_ids.extend(
                doc.info_types[*info as usize]
                    .requirements
                    .iter()
                    .map(String::as_str),
            );
        }
    }
    let requirements = doc
        .requirements
        .iter()
        .filter(|r| req_ids.contains(r.id.as_str()) && !r.out_of_scope)
        .map(|r| Requirement {
            name: Shown::of_doc(&r.name, lang),
            source: r.source.clone(),
        })
        .collect();
    let level_selects = Dimension::ALL
        .iter()
        .zip(&own.info_levels)
        .map(|(d, chosen)| {
            Select::new(
                &format!("info_{d}"),
                t(lang, &format!("report-dim-{d}"), &[]),
                level_options(lang),
                chosen,
            )
        })
        .collect();
    let page = TasksPage {
        p: v.body_page(b, "ui-tasks-title", "tasks"),
        chosen,
        suggestions,
        all,
        requirements,
        errors,
        own,
        level_selects,
    };
    if invalid {
        html_invalid(page)
    } else {
        html(page)
    }
}

/// Adopts the ticked catalog tasks.
pub async fn adopt(
    State(s): State<AppState>,
    BodyForm {
        v, b: _, f, orgnr, ..
    }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let picked = f.all("task");
    let to = format!("/b/{orgnr}/tasks");
    if picked.is_empty() {
        return Ok(saved(&to));
    }
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "tasks.adopt", |doc| {
        for id in picked {
            doc.adopt_task(id);
        }
        Ok(())
    })
    .await;
    finish(&s, &v, &orgnr, r, "picked", OwnForms::default(), &to).await
}

/// Removes the ticked tasks, and their mapping to systems.
pub async fn remove(
    State(s): State<AppState>,
    BodyForm {
        v, b: _, f, orgnr, ..
    }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let gone = f.all("task");
    let to = format!("/b/{orgnr}/tasks");
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "tasks.remove", |doc| {
        doc.remove_tasks(&gone);
        Ok(())
    })
    .await;
    finish(&s, &v, &orgnr, r, "chosen-0", OwnForms::default(), &to).await
}

/// Adds one of the body's own tasks.
pub async fn add_own(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let own = OwnForms {
        task_id: f.get("task_id").into(),
        task_name: f.get("task_name").into(),
        task_info: f.get("task_info").into(),
        ..OwnForms::default()
    };
    let mut errors = Errors::default();
    required(v.lang, &f, "task_id", &mut errors);
    required(v.lang, &f, "task_name", &mut errors);
    if !errors.is_empty() {
        return render(&v, &b, false, errors, own, true);
    }
    let info: Vec<String> = own
        .task_info
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect();
    let task = BodyTaskDoc {
        id: Some(own.task_id.clone()),
        name: Some(own.task_name.clone()),
        info_types: Some(info),
        ..BodyTaskDoc::default()
    };
    let to = format!("/b/{orgnr}/tasks");
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "tasks.add_own", |doc| {
        doc.tasks.push(task);
        Ok(())
    })
    .await;
    finish(&s, &v, &orgnr, r, "task_id", own, &to).await
}

/// Adds one of the body's own information types.
pub async fn add_info_type(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let own = OwnForms {
        info_id: f.get("info_id").into(),
        info_name: f.get("info_name").into(),
        info_levels: Dimension::ALL.map(|d| f.get(&format!("info_{d}")).to_string()),
        info_rationale: f.get("info_rationale").into(),
        ..OwnForms::default()
    };
    let mut errors = Errors::default();
    required(v.lang, &f, "info_id", &mut errors);
    required(v.lang, &f, "info_name", &mut errors);
    let parsed = own.info_levels.clone().map(|x| Level::parse(&x));
    if !errors.is_empty() || parsed.iter().any(Option::is_none) {
        return render(&v, &b, false, errors, own, true);
    }
    let [c, i, a] = parsed.map(|l| l.unwrap_or(Level::Lav));
    let item = OwnInfoTypeDoc {
        id: own.info_id.clone(),
        name: own.info_name.clone(),
        levels: Levels::new(c, i, a),
        rationale: Some(own.info_rationale.clone()).filter(|x| !x.is_empty()),
    };
    let to = format!("/b/{orgnr}/tasks");
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "info_types.add", |doc| {
        doc.info_types.push(item);
        Ok(())
    })
    .await;
    finish(&s, &v, &orgnr, r, "info_id", own, &to).await
}

/// Saved: back to the page. Refused by the checks: the page again, with every problem.
async fn finish(
    s: &AppState,
    v: &Viewer,
    orgnr: &str,
    r: Result<i64, grunnmur_web::error::ApiError>,
    field: &str,
    own: OwnForms,
    to: &str,
) -> Result<Response, PageError> {
    match r {
        Ok(_) => Ok(saved(to)),
        Err(e) => {
            let errors = problems(v.lang, e, field)?;
            let b = v.body(s, orgnr, Role::Editor).await?;
            render(v, &b, false, errors, own, true)
        }
    }
}
