//! The national picture for supervisors (rule 18): a group of bodies by kind and sector, its
//! coverage by baseline and governance activity, the measures least in place and the tasks
//! adopted by each kind of body — k-anonymous figures from `grunnmur_web::national_api`, names
//! from the catalog, no body named — as pictures (`crate::svg_bars`) over tables with the same
//! figures, and the measure table as XLSX and CSV.

use super::Select;
use super::exports::{File, file_response};
use crate::page::*;
use crate::svg_bars::{self, Bar, Part, Words};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_core::catalog::{Applicability, OrgKind};
use grunnmur_core::national::{Cell, Count, Coverage};
use grunnmur_i18n::{Lang, t};
use grunnmur_report::doc::{Cell as Out, Column};
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::national_api::{self, Group};

/// The measures shown as least in place.
const LEAST: usize = 25;

pub struct Row {
    /// A catalog name (marked where it falls back to bokmål) or a baseline's number.
    pub name: Shown,
    pub id: String,
    /// In words: bodies, in place everywhere, pairs in place of required (share) — or hidden.
    pub bodies: String,
    pub in_place: String,
    pub pairs: String,
    /// Pairs in place of required, when shown.
    pub part: Option<Part>,
}

/// Coverage by baseline, by activity, the measures least in place: a picture over a table.
pub struct Section {
    pub title: String,
    pub id: &'static str,
    pub picture: Option<String>,
    pub rows: Vec<Row>,
}

/// One kind of body's task adoption: a picture, or in words why there is none.
pub struct KindTasks {
    pub heading: String,
    pub id: String,
    /// How many bodies of the kind, or that they are too few for figures.
    pub note: String,
    pub picture: Option<String>,
}

/// A task's adoption in each kind shown (`n / N (p %)`, or hidden).
pub struct TaskRow {
    pub name: Shown,
    pub id: String,
    pub cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "national.html")]
struct NationalPage {
    p: Page,
    kind: Select,
    sector: Select,
    summary: String,
    suppressed: bool,
    /// Baselines, activities, the measures least in place.
    sections: Vec<Section>,
    kinds: Vec<KindTasks>,
    /// The task table's figure columns: one per kind shown.
    task_columns: Vec<String>,
    tasks: Vec<TaskRow>,
    query: String,
}

fn row(lang: Lang, c: &Cell, name: Shown) -> Row {
    let hidden = || t(lang, "ui-national-hidden", &[]);
    let n = |x: Option<usize>| x.map_or_else(hidden, |x| x.to_string());
    let part = match (c.pairs_in_place, c.pairs_required) {
        (Some(i), Some(r)) if r > 0 && !c.suppressed => Some(Part {
            part: u64::from(i),
            whole: u64::from(r),
        }),
        _ => None,
    };
    Row {
        name,
        id: c.key.clone(),
        bodies: n(c.bodies_required),
        in_place: n(c.bodies_in_place),
        pairs: part.map_or_else(hidden, Part::text),
        part,
    }
}

/// The words of a picture's description: a row's name and its figures.
fn item(lang: Lang) -> impl Fn(&str, &str) -> String {
    move |name: &str, figure: &str| {
        t(
            lang,
            "ui-national-pic-item",
            &[("name", name), ("figure", figure)],
        )
    }
}

/// A section's picture: one bar per row, the share of its required pairs in place.
fn pairs_picture(lang: Lang, id: &str, title: &str, rows: &[Row]) -> Option<String> {
    let bars: Vec<Bar> = (rows.iter())
        .map(|r| Bar {
            name: r.name.clone(),
            value: r.part,
            figure: r.pairs.clone(),
        })
        .collect();
    let intro = t(lang, "ui-national-pic-pairs-intro", &[]);
    let item = item(lang);
    let words = Words {
        title,
        intro: &intro,
        item: &item,
    };
    svg_bars::bars(id, &words, &bars)
}

fn section(lang: Lang, key: &str, pic: &str, id: &'static str, rows: Vec<Row>) -> Section {
    let picture = pairs_picture(lang, &format!("pic-{id}"), &t(lang, pic, &[]), &rows);
    Section {
        title: t(lang, key, &[]),
        id,
        picture,
        rows,
    }
}

/// A task count of `whole` bodies as the table and the picture show it.
fn adopted(lang: Lang, count: Option<&Count>, whole: usize) -> (Option<Part>, String) {
    match count.and_then(|c| c.bodies) {
        Some(n) if whole > 0 => {
            let p = Part {
                part: n as u64,
                whole: whole as u64,
            };
            (Some(p), p.text())
        }
        // Suppressed, or adopted by none of the group's bodies (also fewer than 5).
        _ => (None, t(lang, "ui-national-hidden", &[])),
    }
}

/// Pairs in place of required, as a share for sorting (hidden cells last).
fn share(c: &Cell) -> f64 {
    match (c.pairs_in_place, c.pairs_required) {
        (Some(i), Some(r)) if r > 0 => i as f64 / r as f64,
        _ => f64::MAX,
    }
}

/// The catalog's sectors (those its profiles apply to).
fn sectors(s: &AppState) -> Vec<String> {
    let mut out: Vec<String> = (s.catalog.catalog.profiles.iter())
        .flat_map(|p| p.applies_to.iter())
        .filter_map(|a| match a {
            Applicability::Sector(x) => Some(x.clone()),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

async fn figures(s: &AppState, v: &Viewer, g: &Group) -> Result<(Group, Coverage), PageError> {
    let g = national_api::allowed(s, &v.caller(), g).await?;
    let c = national_api::coverage(s, &g).await?;
    Ok((g, c))
}

/// The group's picture and each kind's within it (only the kind chosen, when one is; those the
/// caller may see, with at least one body).
async fn figures_by_kind(
    s: &AppState,
    v: &Viewer,
    g: &Group,
) -> Result<(Group, Coverage, Vec<(OrgKind, Coverage)>), PageError> {
    let caller = v.caller();
    let g = national_api::allowed(s, &caller, g).await?;
    // Each group's figures are kept until a contribution changes (`contributions::coverage`).
    let c = national_api::coverage(s, &g).await?;
    let mut kinds = Vec::new();
    for k in OrgKind::ALL.iter().filter(|k| **k != OrgKind::Supplier) {
        if g.kind.as_ref().is_some_and(|x| x != k.as_str()) {
            continue;
        }
        let asked = Group {
            kind: Some(k.as_str().to_string()),
            sector: g.sector.clone(),
        };
        let kg = match national_api::allowed(s, &caller, &asked).await {
            Ok(kg) => kg,
            Err(ApiError::Forbidden) => continue,
            Err(e) => return Err(e.into()),
        };
        let kc = national_api::coverage(s, &kg).await?;
        if kc.bodies > 0 {
            kinds.push((*k, kc));
        }
    }
    Ok((g, c, kinds))
}

/// The kind's name as a heading, in the plural (`Kommuner`).
fn kind_heading(lang: Lang, k: OrgKind) -> String {
    t(lang, &format!("ui-national-kind-{}", k.as_str()), &[])
}

/// Each kind's task adoption as a picture, and the table beside them: a column for each kind, a
/// row for each task a kind with figures lists, most bodies (shown) first. Nothing from all
/// kinds together — no column, no row, no order: beside a kind's figures it would give away
/// what a kind too few to show (fewer than 5 bodies) did.
fn task_figures(
    s: &AppState,
    lang: Lang,
    kinds: &[(OrgKind, Coverage)],
) -> (Vec<KindTasks>, Vec<String>, Vec<TaskRow>) {
    let cat = &s.catalog.catalog;
    let task_name = |key: &str| {
        (cat.task(key)).map_or(Shown::plain(key, lang), |i| {
            Shown::of(&cat.tasks[i as usize].name, lang)
        })
    };
    let intro = t(lang, "ui-national-pic-tasks-intro", &[]);
    let item = item(lang);
    let mut pictures = Vec::new();
    for (k, kc) in kinds {
        let heading = kind_heading(lang, *k);
        let n = kc.bodies.to_string();
        if kc.suppressed {
            pictures.push(KindTasks {
                heading,
                id: format!("tasks-{}", k.as_str()),
                note: t(lang, "ui-national-kind-suppressed", &[("n", &n)]),
                picture: None,
            });
            continue;
        }
        let mut counts: Vec<&Count> = kc.tasks.iter().collect();
        counts.sort_by_key(|x| (std::cmp::Reverse(x.bodies.unwrap_or(0)), x.key.clone()));
        let bars: Vec<Bar> = (counts.iter())
            .map(|x| {
                let (value, figure) = adopted(lang, Some(x), kc.bodies);
                Bar {
                    name: task_name(&x.key),
                    value,
                    figure,
                }
            })
            .collect();
        let title = t(
            lang,
            "ui-national-pic-tasks",
            &[("kind", &heading), ("n", &n)],
        );
        let words = Words {
            title: &title,
            intro: &intro,
            item: &item,
        };
        pictures.push(KindTasks {
            picture: svg_bars::bars(&format!("pic-tasks-{}", k.as_str()), &words, &bars),
            id: format!("tasks-{}", k.as_str()),
            note: t(lang, "ui-national-kind-count", &[("n", &n)]),
            heading,
        });
    }
    let columns = kinds.iter().map(|(k, _)| kind_heading(lang, *k)).collect();
    let keys: std::collections::BTreeSet<&str> = (kinds.iter())
        .flat_map(|(_, kc)| kc.tasks.iter().map(|x| x.key.as_str()))
        .collect();
    let mut rows: Vec<(usize, TaskRow)> = (keys.into_iter())
        .map(|key| {
            let mut shown = 0;
            let cells = (kinds.iter())
                .map(|(_, kc)| {
                    let found = kc.tasks.iter().find(|y| y.key == key);
                    shown += found.and_then(|x| x.bodies).unwrap_or(0);
                    adopted(lang, found, kc.bodies).1
                })
                .collect();
            let row = TaskRow {
                name: task_name(key),
                id: key.to_string(),
                cells,
            };
            (shown, row)
        })
        .collect();
    rows.sort_by_key(|(shown, _)| std::cmp::Reverse(*shown));
    (
        pictures,
        columns,
        rows.into_iter().map(|(_, r)| r).collect(),
    )
}

fn measure_name(s: &AppState, lang: Lang, id: &str) -> String {
    measure_shown(s, lang, id).text
}

fn measure_shown(s: &AppState, lang: Lang, id: &str) -> Shown {
    let cat = &s.catalog.catalog;
    cat.measure(id).map_or(Shown::plain(id, lang), |i| {
        Shown::of(&cat.measures[i as usize].name, lang)
    })
}

/// `GET /national?kind=&sector=`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Query(q): Query<Group>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let (g, c, by_kind) = figures_by_kind(&s, &v, &q).await?;
    let mut kinds = vec![(String::new(), t(lang, "ui-national-all", &[]))];
    kinds.extend(
        (OrgKind::ALL.iter())
            .filter(|k| **k != OrgKind::Supplier)
            .map(|k| {
                (
                    k.as_str().to_string(),
                    t(lang, &format!("report-orgkind-{}", k.as_str()), &[]),
                )
            }),
    );
    let mut sector_opts = vec![(String::new(), t(lang, "ui-national-all", &[]))];
    sector_opts.extend(sectors(&s).into_iter().map(|x| (x.clone(), x)));
    let (kind, sector) = (
        g.kind.clone().unwrap_or_default(),
        g.sector.clone().unwrap_or_default(),
    );
    let doc = &s.catalog.doc;
    let activity = |id: &str| {
        (doc.activities.iter())
            .find(|a| format!("{:?}", a.id).to_lowercase() == id)
            .map_or(Shown::plain(id, lang), |a| Shown::of_doc(&a.name, lang))
    };
    let mut least: Vec<&Cell> = c.measures.iter().filter(|m| !m.suppressed).collect();
    least.sort_by(|a, b| share(a).total_cmp(&share(b)));
    let (kind_tasks, task_columns, tasks) = if c.suppressed {
        Default::default()
    } else {
        task_figures(&s, lang, &by_kind)
    };
    let sections = if c.suppressed {
        Vec::new()
    } else {
        vec![
            section(
                lang,
                "ui-national-by-baseline",
                "ui-national-pic-baselines",
                "baselines",
                (c.baselines.iter())
                    .map(|b| row(lang, b, Shown::plain(&format!("BN{}", b.key), lang)))
                    .collect(),
            ),
            section(
                lang,
                "ui-national-by-activity",
                "ui-national-pic-activities",
                "activities",
                (c.activities.iter())
                    .map(|a| row(lang, a, activity(&a.key)))
                    .collect(),
            ),
            section(
                lang,
                "ui-national-least",
                "ui-national-pic-least",
                "least",
                (least.into_iter().take(LEAST))
                    .map(|m| row(lang, m, measure_shown(&s, lang, &m.key)))
                    .collect(),
            ),
        ]
    };
    html(NationalPage {
        p: v.page("ui-national-title", "national"),
        kind: Select::new("kind", t(lang, "ui-national-kind", &[]), kinds, &kind),
        sector: Select::new(
            "sector",
            t(lang, "ui-national-sector", &[]),
            sector_opts,
            &sector,
        ),
        summary: t(lang, "ui-national-summary", &[("n", &c.bodies.to_string())]),
        suppressed: c.suppressed,
        sections,
        kinds: kind_tasks,
        task_columns,
        tasks,
        query: format!("kind={}&sector={}", enc(&kind), enc(&sector)),
    })
}

async fn download(s: &AppState, v: &Viewer, q: &Group, file: File) -> Result<Response, PageError> {
    let lang = v.lang;
    let (g, c) = figures(s, v, q).await?;
    let opt = |x: Option<usize>| x.map_or(Out::Empty, |n| Out::Int(n as i64));
    let opt32 = |x: Option<u32>| x.map_or(Out::Empty, |n| Out::Int(n as i64));
    let rows = (c.measures.iter())
        .map(|m| {
            vec![
                Out::Text(m.key.clone()),
                Out::Text(measure_name(s, lang, &m.key)),
                Out::Text(t(
                    lang,
                    if m.suppressed {
                        "report-yes"
                    } else {
                        "report-no"
                    },
                    &[],
                )),
                opt(m.bodies_required),
                opt(m.bodies_in_place),
                opt(m.bodies_not_applicable),
                opt32(m.pairs_required),
                opt32(m.pairs_in_place),
            ]
        })
        .collect();
    let columns = [
        "export-col-measure-id",
        "report-col-measure",
        "ui-national-col-hidden",
        "ui-national-col-bodies",
        "ui-national-col-in-place",
        "ui-national-col-na",
        "ui-national-col-pairs",
        "ui-national-col-pairs-in-place",
    ]
    .iter()
    .map(|k| Column::text(t(lang, k, &[]), 16.0))
    .collect();
    let title = t(lang, "ui-national-title", &[]);
    let group = format!(
        "{}-{}",
        g.kind.as_deref().unwrap_or("alle"),
        g.sector.as_deref().unwrap_or("alle")
    );
    let caption = format!("{title} ({group}, {})", c.bodies);
    file_response(
        &caption,
        &title,
        &format!("grunnmur-{group}"),
        file,
        columns,
        rows,
    )
}

pub async fn xlsx(
    State(s): State<AppState>,
    v: Viewer,
    Query(q): Query<Group>,
) -> Result<Response, PageError> {
    download(&s, &v, &q, File::Xlsx).await
}

pub async fn csv(
    State(s): State<AppState>,
    v: Viewer,
    Query(q): Query<Group>,
) -> Result<Response, PageError> {
    download(&s, &v, &q, File::Csv).await
}
