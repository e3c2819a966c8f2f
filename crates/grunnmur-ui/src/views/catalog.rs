//! The catalog browser: tasks, information types, measures, profiles, the consequence scale
//! and the governance activities with their guidance. Read-only, for every signed-in user.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use grunnmur_catalog::format::TextDoc;
use grunnmur_i18n::Lang;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use serde::Deserialize;

/// An optional catalog text as shown, with its own language (empty when there is none).
fn text(x: &Option<TextDoc>, lang: Lang) -> Shown {
    x.as_ref()
        .map(|t| Shown::of_doc(t, lang))
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "catalog_index.html")]
struct IndexPage {
    p: Page,
    title: String,
    version: String,
    counts: Vec<(String, String, usize)>,
    /// A catalog editor (or platform administrator) is shown the way to calibration.
    calibration: bool,
}

pub async fn index(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let lang = v.lang;
    let d = &s.catalog.doc;
    let c = |href: &str, key: &str, n: usize| (href.to_string(), t(lang, key, &[]), n);
    html(IndexPage {
        p: v.page("ui-catalog-title", "catalog"),
        title: d.catalog.title.get(lang.code()).to_string(),
        version: d.catalog.version.clone(),
        counts: vec![
            c("/catalog/tasks", "ui-catalog-tasks", d.tasks.len()),
            c(
                "/catalog/info-types",
                "ui-catalog-info-types",
                d.info_types.len(),
            ),
            c("/catalog/measures", "ui-catalog-measures", d.measures.len()),
            c("/catalog/profiles", "ui-catalog-profiles", d.profiles.len()),
            c(
                "/catalog/scale",
                "ui-catalog-scale",
                d.consequence_scale.len(),
            ),
            c(
                "/catalog/activities",
                "ui-catalog-activities",
                d.activities.len(),
            ),
        ],
        calibration: v.user.platform_admin || v.user.catalog_editor,
    })
}

pub struct TaskLine {
    pub id: String,
    pub name: Shown,
    pub applies_to: String,
    pub info_types: usize,
}

#[derive(Template)]
#[template(path = "catalog_tasks.html")]
struct TasksPage {
    p: Page,
    tasks: Vec<TaskLine>,
}

pub async fn tasks(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let lang = v.lang;
    let tasks = s
        .catalog
        .doc
        .tasks
        .iter()
        .map(|x| TaskLine {
            id: x.id.clone(),
            name: Shown::of_doc(&x.name, lang),
            applies_to: x.applies_to.join(", "),
            info_types: x.info_types.len(),
        })
        .collect();
    html(TasksPage {
        p: v.page("ui-catalog-tasks", "catalog"),
        tasks,
    })
}

pub struct InfoLine {
    pub id: String,
    pub name: Shown,
    pub levels: [Lv; 3],
    pub rationale: Shown,
}

#[derive(Template)]
#[template(path = "catalog_task.html")]
struct TaskPage {
    p: Page,
    id: String,
    name: Shown,
    description: Shown,
    applies_to: String,
    steps: Vec<Shown>,
    info_types: Vec<InfoLine>,
    requirements: Vec<String>,
}

fn info_line(s: &AppState, lang: grunnmur_i18n::Lang, n: usize) -> InfoLine {
    let x = &s.catalog.doc.info_types[n];
    InfoLine {
        id: x.id.clone(),
        name: Shown::of_doc(&x.name, lang),
        levels: lvs(lang, x.levels),
        rationale: text(&x.rationale, lang),
    }
}

pub async fn task(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let code = lang.code();
    let d = &s.catalog.doc;
    let n = d
        .tasks
        .iter()
        .position(|x| x.id == id)
        .ok_or(ApiError::NotFound)?;
    let x = &d.tasks[n];
    let info_types = s.catalog.catalog.tasks[n]
        .info_types
        .iter()
        .map(|i| info_line(&s, lang, *i as usize))
        .collect();
    let requirements = x
        .requirements
        .iter()
        .filter_map(|r| d.requirements.iter().find(|q| q.id == *r))
        .map(|r| format!("{} ({})", r.name.get(code), r.source))
        .collect();
    let mut p = v.page("ui-catalog-task", "catalog");
    p.title = x.name.get(code).to_string();
    html(TaskPage {
        p,
        id: x.id.clone(),
        name: Shown::of_doc(&x.name, lang),
        description: text(&x.description, lang),
        applies_to: x.applies_to.join(", "),
        steps: x.steps.iter().map(|st| Shown::of_doc(st, lang)).collect(),
        info_types,
        requirements,
    })
}

#[derive(Template)]
#[template(path = "catalog_info_types.html")]
struct InfoTypesPage {
    p: Page,
    items: Vec<InfoLine>,
}

pub async fn info_types(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let items = (0..s.catalog.doc.info_types.len())
        .map(|n| info_line(&s, v.lang, n))
        .collect();
    html(InfoTypesPage {
        p: v.page("ui-catalog-info-types", "catalog"),
        items,
    })
}

#[derive(Deserialize, Default)]
pub struct MeasureFilter {
    #[serde(default)]
    baseline: String,
    #[serde(default)]
    activity: String,
}

pub struct MeasureLine {
    pub id: String,
    pub name: Shown,
    pub baseline: String,
    pub activity: String,
    pub protects: String,
}

#[derive(Template)]
#[template(path = "catalog_measures.html")]
struct MeasuresPage {
    p: Page,
    filters: Vec<Select>,
    items: Vec<MeasureLine>,
}

fn activity_name(s: &AppState, id: &str, code: &str) -> String {
    s.catalog
        .doc
        .activities
        .iter()
        .find(|a| enum_str(&a.id) == id)
        .map(|a| a.name.get(code).to_string())
        .unwrap_or_default()
}

fn baseline_text(lang: grunnmur_i18n::Lang, level: i64, profile_only: bool) -> String {
    if profile_only {
        t(lang, "ui-catalog-profile-only", &[])
    } else {
        format!("BN{level}")
    }
}

pub async fn measures(
    State(s): State<AppState>,
    v: Viewer,
    Query(q): Query<MeasureFilter>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let code = lang.code();
    let d = &s.catalog.doc;
    let filters = vec![
        baseline_select(lang, &q.baseline),
        activity_select(lang, d, &q.activity),
    ];
    let items = d
        .measures
        .iter()
        .filter(|m| q.baseline.is_empty() || (!m.profile_only && q.baseline == m.level.to_string()))
        .filter(|m| q.activity.is_empty() || q.activity == enum_str(&m.activity))
        .map(|m| MeasureLine {
            id: m.id.clone(),
            name: Shown::of_doc(&m.name, lang),
            baseline: baseline_text(lang, m.level, m.profile_only),
            activity: activity_name(&s, &enum_str(&m.activity), code),
            protects: m
                .protects
                .iter()
                .map(|d| dim_label(lang, *d))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    html(MeasuresPage {
        p: v.page("ui-catalog-measures", "catalog"),
        filters,
        items,
    })
}

#[derive(Template)]
#[template(path = "catalog_measure.html")]
struct MeasurePage {
    p: Page,
    id: String,
    name: Shown,
    statement: Shown,
    guidance: Shown,
    evidence: Shown,
    /// The legal duties that require the measure whatever the levels (rule 16), by name.
    required_by: Vec<String>,
    facts: Vec<(String, String)>,
    refs: Vec<(String, String)>,
    params: Vec<(String, String)>,
}

pub async fn measure(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let code = lang.code();
    let m = s
        .catalog
        .doc
        .measures
        .iter()
        .find(|x| x.id == id)
        .ok_or(ApiError::NotFound)?;
    let dims: Vec<String> = m.protects.iter().map(|d| dim_label(lang, *d)).collect();
    let facts = vec![
        (
            t(lang, "report-col-baseline", &[]),
            baseline_text(lang, m.level, m.profile_only),
        ),
        (t(lang, "ui-col-protects", &[]), dims.join(", ")),
        (
            t(lang, "ui-col-scope", &[]),
            t(lang, &format!("ui-scope-{}", enum_str(&m.scope)), &[]),
        ),
        (
            t(lang, "report-col-activity", &[]),
            activity_name(&s, &enum_str(&m.activity), code),
        ),
        (
            t(lang, "ui-filter-kind", &[]),
            t(lang, &format!("ui-kind-{}", enum_str(&m.kind)), &[]),
        ),
        (
            t(lang, "ui-filter-purpose", &[]),
            t(lang, &format!("ui-purpose-{}", enum_str(&m.purpose)), &[]),
        ),
    ];
    let mut p = v.page("ui-catalog-measure", "catalog");
    p.title = format!("{} {}", m.id, m.name.get(code));
    html(MeasurePage {
        p,
        id: m.id.clone(),
        name: Shown::of_doc(&m.name, lang),
        statement: text(&m.statement, lang),
        guidance: text(&m.guidance, lang),
        evidence: text(&m.evidence, lang),
        required_by: m
            .required_by
            .iter()
            .map(|r| {
                let doc = &s.catalog.doc.requirements;
                let req = doc.iter().find(|x| &x.id == r);
                req.map_or(r.clone(), |x| x.name.get(code).to_string())
            })
            .collect(),
        facts,
        refs: m
            .refs
            .iter()
            .map(|(k, v)| (k.clone(), v.join(", ")))
            .collect(),
        params: m
            .params
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
    })
}

pub struct ProfileView {
    pub id: String,
    pub name: Shown,
    pub description: Shown,
    pub applies_to: String,
    pub add: Vec<String>,
    pub moved: Vec<String>,
    pub params: Vec<String>,
}

#[derive(Template)]
#[template(path = "catalog_profiles.html")]
struct ProfilesPage {
    p: Page,
    profiles: Vec<ProfileView>,
}

pub async fn profiles(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let lang = v.lang;
    let profiles = s
        .catalog
        .doc
        .profiles
        .iter()
        .map(|x| ProfileView {
            id: x.id.clone(),
            name: Shown::of_doc(&x.name, lang),
            description: text(&x.description, lang),
            applies_to: x.applies_to.join(", "),
            add: x.add.clone(),
            moved: x
                .level_overrides
                .iter()
                .map(|(m, l)| format!("{m} → BN{l}"))
                .collect(),
            params: x
                .params
                .iter()
                .flat_map(|(m, ps)| ps.iter().map(move |(k, v)| format!("{m}: {k} = {v}")))
                .collect(),
        })
        .collect();
    html(ProfilesPage {
        p: v.page("ui-catalog-profiles", "catalog"),
        profiles,
    })
}

#[derive(Template)]
#[template(path = "catalog_scale.html")]
struct ScalePage {
    p: Page,
    rows: Vec<[Shown; 4]>,
}

pub async fn scale(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let lang = v.lang;
    let rows = s
        .catalog
        .doc
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
    html(ScalePage {
        p: v.page("ui-catalog-scale", "catalog"),
        rows,
    })
}

pub struct ActivityView {
    pub name: Shown,
    pub description: Shown,
    pub recommendations: Vec<Shown>,
}

#[derive(Template)]
#[template(path = "catalog_activities.html")]
struct ActivitiesPage {
    p: Page,
    activities: Vec<ActivityView>,
}

pub async fn activities(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let lang = v.lang;
    let activities = s
        .catalog
        .doc
        .activities
        .iter()
        .map(|a| ActivityView {
            name: Shown::of_doc(&a.name, lang),
            description: Shown::of_doc(&a.description, lang),
            recommendations: (a.recommendations.iter())
                .map(|r| Shown::of_doc(r, lang))
                .collect(),
        })
        .collect();
    html(ActivitiesPage {
        p: v.page("ui-catalog-activities", "catalog"),
        activities,
    })
}
