//! Adapt: each information type's recommended levels beside the body's choice. A change needs
//! a justification; lowering a level puts the task on the risk-assessment list (rule 10).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use grunnmur_catalog::body::OverrideDoc;
use grunnmur_core::derive::LevelSource;
use grunnmur_core::level::{Dimension, Level, Levels, PartialLevels};
use grunnmur_core::workspace::InfoRef;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

pub struct Item {
    pub id: String,
    pub name: Shown,
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
    pub name: Shown,
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
            name: task_shown(cat, t, lang),
            items: r
                .items
                .iter()
                .map(|x| Item {
                    id: ws.info_id(cat, x.info).to_string(),
                    name: info_shown(cat, ws, x.info, lang),
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
    task_name: Shown,
    info: String,
    info_name: Shown,
    recommended: [Lv; 3],
    selects: Vec<Select>,
    justification: String,
    errors: Errors,
    lowered: bool,
    /// The catalog's reasons for the recommended levels.
    rationale: Shown,
    /// The consequence scale: (area, low, medium, high).
    scale: Vec<[Shown; 4]>,
    /// After a save: what changed, and what did not and why.
    outcome: Option<Outcome>,
}

/// What a saved adaptation did to the levels.
pub struct Outcome {
    pub changed: Vec<String>,
    pub unchanged: Vec<String>,
}

struct Found {
    task_name: Shown,
    info_name: Shown,
    recommended: grunnmur_core::Levels,
    chosen: grunnmur_core::Levels,
    justification: String,
    lowered: bool,
    /// The task's index and the information type's position in it.
    at: (usize, usize),
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
    let k = a.tasks[n]
        .items
        .iter()
        .position(|x| matches!(x.info, InfoRef::Catalog(_)) && ws.info_id(cat, x.info) == info)
        .filter(|_| t.catalog.is_some())
        .ok_or(ApiError::NotFound)?;
    let x = &a.tasks[n].items[k];
    Ok(Found {
        task_name: task_shown(cat, t, lang),
        info_name: info_shown(cat, ws, x.info, lang),
        recommended: ws.recommended(cat, x.info),
        chosen: x.levels,
        justification: x
            .adaptation
            .map(|k| t.adaptations[k as usize].justification.clone())
            .unwrap_or_default(),
        lowered: !x.lowered.is_empty(),
        at: (n, k),
    })
}

/// A level as one letter in a query.
fn letter(l: Level) -> char {
    match l {
        Level::Lav => 'l',
        Level::Middels => 'm',
        Level::Hoy => 'h',
    }
}

fn code(l: Levels) -> String {
    Dimension::ALL.iter().map(|d| letter(l[*d])).collect()
}

fn decode(s: &str) -> Option<Levels> {
    let mut it = s.chars().map(|c| match c {
        'l' => Some(Level::Lav),
        'm' => Some(Level::Middels),
        'h' => Some(Level::Hoy),
        _ => None,
    });
    let levels = Levels {
        c: it.next()??,
        i: it.next()??,
        a: it.next()??,
    };
    it.next().is_none().then_some(levels)
}

/// The levels a change of the information type at `at` can move, as a query: the item's,
/// its task's and the body's (`was=mmh.mmh.hhh`), and those of each system that processes the
/// item (`sys=s.hr:mmh,s.arkiv:hhh`). The page after the save compares them with the new ones.
fn levels_query(b: &BodyView, at: (usize, usize)) -> String {
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let (n, k) = at;
    let was = format!(
        "{}.{}.{}",
        code(a.tasks[n].items[k].levels),
        code(a.tasks[n].levels),
        code(a.org_levels)
    );
    let systems: Vec<String> = processing(ws, at)
        .map(|i| format!("{}:{}", ws.systems[i].id, code(a.systems[i].levels)))
        .collect();
    format!("was={}&sys={}", enc(&was), enc(&systems.join(",")))
}

/// The systems that process the information type at `at`.
fn processing(
    ws: &grunnmur_core::Workspace,
    (n, k): (usize, usize),
) -> impl Iterator<Item = usize> + '_ {
    ws.systems.iter().enumerate().filter_map(move |(i, s)| {
        s.processes
            .iter()
            .any(|p| p.task == n && p.items.contains(&(k as u32)))
            .then_some(i)
    })
}

/// What a save did, from the levels before it (`levels_query`) and the body as it is now: for
/// each dimension the information type moved in, each scope that moved, and each one that did
/// not with what still holds it there. `None` when the query is not one of ours.
fn outcome(
    lang: grunnmur_i18n::Lang,
    b: &BodyView,
    at: (usize, usize),
    q: &std::collections::HashMap<String, String>,
) -> Option<Outcome> {
    let cat = &b.derived.catalog.catalog;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let (n, k) = at;
    let mut was = q.get("was")?.split('.').map(decode);
    let (info_was, task_was, org_was) = (was.next()??, was.next()??, was.next()??);
    let systems_was: Vec<(usize, Levels)> = q
        .get("sys")
        .map(String::as_str)
        .unwrap_or_default()
        .split(',')
        .filter_map(|e| {
            let (id, l) = e.rsplit_once(':')?;
            Some((ws.systems.iter().position(|s| s.id == id)?, decode(l)?))
        })
        .collect();
    let level = |l: Level| level_label(lang, l);
    let task_label = |task: usize| task_name(cat, &ws.tasks[task], lang).to_string();
    let item_label = |task: usize, item: usize| {
        info_name(cat, ws, a.tasks[task].items[item].info, lang).to_string()
    };
    // Why a scope stays at `l` in `d`: the information type, through its task, that gives it.
    let stays = |name: &str, d: Dimension, l: Level, source: Option<(usize, usize)>| match source {
        Some((task, item)) => t(
            lang,
            "ui-adapt-outcome-stays-info",
            &[
                ("scope", name),
                ("dim", &dim_label(lang, d)),
                ("level", &level(l)),
                ("info", &item_label(task, item)),
                ("task", &task_label(task)),
            ],
        ),
        None => t(
            lang,
            "ui-adapt-outcome-stays-lowest",
            &[
                ("scope", name),
                ("dim", &dim_label(lang, d)),
                ("level", &level(l)),
            ],
        ),
    };
    // The item that gives a task its level in `d`.
    let task_source =
        |task: usize, d: Dimension| a.tasks[task].sources[d as usize].map(|i| (task, i as usize));
    let mut out = Outcome {
        changed: Vec::new(),
        unchanged: Vec::new(),
    };
    let item_now = a.tasks[n].items[k].levels;
    for d in Dimension::ALL {
        if info_was[d] == item_now[d] {
            continue;
        }
        out.changed.push(t(
            lang,
            "ui-adapt-outcome-info",
            &[
                ("info", &item_label(n, k)),
                ("task", &task_label(n)),
                ("dim", &dim_label(lang, d)),
                ("from", &level(info_was[d])),
                ("to", &level(item_now[d])),
            ],
        ));
        let mut report = |name: String, before: Level, now: Level, why: &dyn Fn(&str) -> String| {
            if before == now {
                out.unchanged.push(why(&name));
            } else {
                out.changed.push(t(
                    lang,
                    "ui-adapt-outcome-changed",
                    &[
                        ("scope", &name),
                        ("dim", &dim_label(lang, d)),
                        ("from", &level(before)),
                        ("to", &level(now)),
                    ],
                ));
            }
        };
        let task_now = a.tasks[n].levels[d];
        report(
            t(lang, "ui-adapt-scope-task", &[("name", &task_label(n))]),
            task_was[d],
            task_now,
            &|name: &str| stays(name, d, task_now, task_source(n, d)),
        );
        for &(i, before) in &systems_was {
            let now = a.systems[i].levels[d];
            let why = |name: &str| match a.systems[i].sources[d as usize] {
                LevelSource::InfoType { task, item } => {
                    stays(name, d, now, Some((task, item as usize)))
                }
                LevelSource::Inherited { from, .. } => t(
                    lang,
                    "ui-adapt-outcome-stays-dependency",
                    &[
                        ("scope", name),
                        ("dim", &dim_label(lang, d)),
                        ("level", &level(now)),
                        ("from", &ws.systems[from].name),
                    ],
                ),
                LevelSource::Default => stays(name, d, now, None),
            };
            report(
                t(
                    lang,
                    "ui-adapt-scope-system",
                    &[("name", &ws.systems[i].name)],
                ),
                before[d],
                now,
                &why,
            );
        }
        let org_now = a.org_levels[d];
        report(
            t(lang, "ui-adapt-scope-body", &[]),
            org_was[d],
            org_now,
            &|name: &str| {
                let source = a.org_sources[d as usize].and_then(|task| task_source(task, d));
                stays(name, d, org_now, source)
            },
        );
    }
    Some(out)
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
        .map(|(d, c)| {
            let mut s = Select::new(d.as_str(), dim_label(lang, *d), level_options(lang), &c);
            s.hint = t(lang, &format!("ui-adapt-dim-hint-{}", d.as_str()), &[]);
            s
        })
        .collect();
    let doc = &b.derived.catalog.doc;
    let rationale = doc
        .info_types
        .iter()
        .find(|x| x.id == info)
        .and_then(|x| x.rationale.as_ref())
        .map(|r| Shown::of_doc(r, lang))
        .unwrap_or_default();
    let scale = doc
        .consequence_scale
        .iter()
        .map(|a| {
            [
                Shown::of_doc(&a.name, lang),
                Shown::of_doc(&a.levels.lav, lang),
                Shown::of_doc(&a.levels.middels, lang),
                Shown::of_doc(&a.levels.hoy, lang),
            ]
        })
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
        rationale,
        scale,
        outcome: None,
    }
}

pub async fn edit(
    BodyPage { v, b, .. }: BodyPage<Editor>,
    Path((_, task, info)): Path<(String, String, String)>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    let f = find(&b, &task, &info, v.lang)?;
    let chosen = Dimension::ALL.map(|d| f.chosen[d].ascii().to_string());
    let outcome = outcome(v.lang, &b, f.at, &q);
    let mut page = edit_page(&v, &b, &task, &info, f, chosen, Errors::default());
    page.outcome = outcome;
    html(page)
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
        // Back to this form, which says what the change did (the levels before it ride along).
        Ok(_) => Ok(saved(&format!(
            "/b/{orgnr}/adapt/{}/{}?{}",
            enc_path(&task),
            enc_path(&info),
            levels_query(&b, f.at)
        ))),
        Err(e) => {
            let errors = problems(v.lang, e, "justification")?;
            f.justification = justification;
            html_invalid(edit_page(&v, &b, &task, &info, f, chosen_text, errors))
        }
    }
}
