//! Adapt: each information type's recommended levels beside the body's choice. A change needs
//! a justification; lowering a level puts the task on the risk-assessment list (rule 10).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use grunnmur_catalog::body::OverrideDoc;
use grunnmur_core::level::{Dimension, Level, PartialLevels};
use grunnmur_core::workspace::InfoRef;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

pub struct Item {
    pub id: String,
    pub name: String,
    pub recommended: [Lv; 3],
    pub chosen: [Lv; 3],
    pub adapted: bool,
    pub lowered: bool,
    pub justification: String,
    /// Own information types keep the levels the body gave them.
    pub editable: bool,
}

pub struct TaskBlock {
    pub id: String,
    pub name: String,
    pub items: Vec<Item>,
}

#[derive(Template)]
#[template(path = "adapt.html")]
struct AdaptPage {
    p: Page,
    tasks: Vec<TaskBlock>,
}

pub async fn show(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    let lang = v.lang;
    let cat = &b.derived.catalog.catalog;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let tasks = ws
        .tasks
        .iter()
        .zip(&a.tasks)
        .map(|(t, r)| TaskBlock {
            id: t.id.clone(),
            name: task_name(cat, t, lang).to_string(),
            items: r
                .items
                .iter()
                .map(|x| Item {
                    id: ws.info_id(cat, x.info).to_string(),
                    name: info_name(cat, ws, x.info, lang).to_string(),
                    recommended: lvs(lang, ws.recommended(cat, x.info)),
                    chosen: lvs(lang, x.levels),
                    adapted: x.adaptation.is_some(),
                    lowered: !x.lowered.is_empty(),
                    justification: x
                        .adaptation
                        .map(|n| t.adaptations[n as usize].justification.clone())
                        .unwrap_or_default(),
                    editable: matches!(x.info, InfoRef::Catalog(_)) && t.catalog.is_some(),
                })
                .collect(),
        })
        .collect();
    html(AdaptPage {
        p: v.body_page(&b, "ui-adapt-title", "adapt"),
        tasks,
    })
}

#[derive(Template)]
#[template(path = "adapt_edit.html")]
struct EditPage {
    p: Page,
    task: String,
    task_name: String,
    info: String,
    info_name: String,
    recommended: [Lv; 3],
    selects: Vec<Select>,
    justification: String,
    errors: Errors,
    lowered: bool,
}

struct Found {
    task_name: String,
    info_name: String,
    recommended: grunnmur_core::Levels,
    chosen: grunnmur_core::Levels,
    justification: String,
    lowered: bool,
}

fn find(
    b: &BodyView,
    task: &str,
    info: &str,
    lang: grunnmur_i18n::Lang,
) -> Result<Found, PageError> {
    let cat = &b.derived.catalog.catalog;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let n = ws
        .tasks
        .iter()
        .position(|t| t.id == task)
        .ok_or(ApiError::NotFound)?;
    let t = &ws.tasks[n];
    let x = a.tasks[n]
        .items
        .iter()
        .find(|x| matches!(x.info, InfoRef::Catalog(_)) && ws.info_id(cat, x.info) == info)
        .filter(|_| t.catalog.is_some())
        .ok_or(ApiError::NotFound)?;
    Ok(Found {
        task_name: task_name(cat, t, lang).to_string(),
        info_name: info_name(cat, ws, x.info, lang).to_string(),
        recommended: ws.recommended(cat, x.info),
        chosen: x.levels,
        justification: x
            .adaptation
            .map(|k| t.adaptations[k as usize].justification.clone())
            .unwrap_or_default(),
        lowered: !x.lowered.is_empty(),
    })
}

fn edit_page(
    v: &Viewer,
    b: &BodyView,
    task: &str,
    info: &str,
    f: Found,
    chosen: [String; 3],
    errors: Errors,
) -> EditPage {
    let lang = v.lang;
    let selects = Dimension::ALL
        .iter()
        .zip(chosen)
        .map(|(d, c)| Select::new(d.as_str(), dim_label(lang, *d), level_options(lang), &c))
        .collect();
    EditPage {
        p: v.body_page(b, "ui-adapt-edit-title", "adapt"),
        task: task.into(),
        task_name: f.task_name,
        info: info.into(),
        info_name: f.info_name,
        recommended: lvs(lang, f.recommended),
        selects,
        justification: f.justification,
        errors,
        lowered: f.lowered,
    }
}

pub async fn edit(
    BodyPage { v, b, .. }: BodyPage<Editor>,
    Path((_, task, info)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let f = find(&b, &task, &info, v.lang)?;
    let chosen = Dimension::ALL.map(|d| f.chosen[d].ascii().to_string());
    html(edit_page(
        &v,
        &b,
        &task,
        &info,
        f,
        chosen,
        Errors::default(),
    ))
}

pub async fn save(
    State(s): State<AppState>,
    Path((_, task, info)): Path<(String, String, String)>,
    BodyForm {
        v,
        b,
        f: form,
        orgnr,
        ..
    }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let mut f = find(&b, &task, &info, v.lang)?;
    let chosen_text = Dimension::ALL.map(|d| form.get(d.as_str()).to_string());
    let justification = form.get("justification").to_string();
    let mut errors = Errors::default();
    let mut levels = PartialLevels::default();
    for d in Dimension::ALL {
        match Level::parse(form.get(d.as_str())) {
            Some(l) if l != f.recommended[d] => match d {
                Dimension::C => levels.c = Some(l),
                Dimension::I => levels.i = Some(l),
                Dimension::A => levels.a = Some(l),
            },
            Some(_) => {}
            None => errors.push(d.as_str(), t(v.lang, "ui-adapt-level-invalid", &[])),
        }
    }
    if !levels.is_empty() && justification.is_empty() {
        errors.push(
            "justification",
            t(v.lang, "ui-adapt-justification-required", &[]),
        );
    }
    if !errors.is_empty() {
        f.justification = justification;
        return html_invalid(edit_page(&v, &b, &task, &info, f, chosen_text, errors));
    }
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "adaptation.set", |doc| {
        let t = doc
            .tasks
            .iter_mut()
            .find(|t| t.task.as_deref() == Some(task.as_str()))
            .ok_or(ApiError::NotFound)?;
        t.overrides.retain(|o| o.info_type != info);
        if !levels.is_empty() {
            t.overrides.push(OverrideDoc {
                info_type: info.clone(),
                levels,
                justification: Some(justification.clone()),
            });
        }
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/adapt#task-{task}"))),
        Err(e) => {
            let errors = problems(v.lang, e, "justification")?;
            f.justification = justification;
            html_invalid(edit_page(&v, &b, &task, &info, f, chosen_text, errors))
        }
    }
}
