//! The national picture for supervisors (rule 18): a group of bodies by kind and sector, its
//! coverage by baseline and governance activity, the measures least in place and the tasks
//! adopted — k-anonymous figures from `grunnmur_web::national_api`, names from the catalog, no
//! body named — with the measure table as XLSX and CSV.

use super::Select;
use super::exports::{File, file_response};
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_core::catalog::{Applicability, OrgKind};
use grunnmur_core::national::{Cell, Coverage};
use grunnmur_i18n::{Lang, t};
use grunnmur_report::doc::{Cell as Out, Column};
use grunnmur_web::AppState;
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
}

#[derive(Template)]
#[template(path = "national.html")]
struct NationalPage {
    p: Page,
    kind: Select,
    sector: Select,
    summary: String,
    suppressed: bool,
    /// Baselines, activities, the measures least in place: title, anchor, rows.
    sections: Vec<(String, &'static str, Vec<Row>)>,
    tasks: Vec<(Shown, String, String)>,
    query: String,
}

fn row(lang: Lang, c: &Cell, name: Shown) -> Row {
    let hidden = || t(lang, "ui-national-hidden", &[]);
    let n = |x: Option<usize>| x.map_or_else(hidden, |x| x.to_string());
    let pairs = match (c.pairs_in_place, c.pairs_required) {
        (Some(i), Some(r)) if r > 0 => format!("{i} / {r} ({} %)", i * 100 / r),
        _ => hidden(),
    };
    Row {
        name,
        id: c.key.clone(),
        bodies: n(c.bodies_required),
        in_place: n(c.bodies_in_place),
        pairs,
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
    let (g, c) = figures(&s, &v, &q).await?;
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
    let cat = &s.catalog.catalog;
    let mut tasks: Vec<_> = c.tasks.iter().collect();
    tasks.sort_by_key(|x| std::cmp::Reverse(x.bodies.unwrap_or(0)));
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
        sections: vec![
            (
                t(lang, "ui-national-by-baseline", &[]),
                "baselines",
                (c.baselines.iter())
                    .map(|b| row(lang, b, Shown::plain(&format!("BN{}", b.key), lang)))
                    .collect(),
            ),
            (
                t(lang, "ui-national-by-activity", &[]),
                "activities",
                (c.activities.iter())
                    .map(|a| row(lang, a, activity(&a.key)))
                    .collect(),
            ),
            (
                t(lang, "ui-national-least", &[]),
                "least",
                (least.into_iter().take(LEAST))
                    .map(|m| row(lang, m, measure_shown(&s, lang, &m.key)))
                    .collect(),
            ),
        ],
        tasks: (tasks.into_iter())
            .map(|x| {
                let name = (cat.task(&x.key)).map_or(Shown::plain(&x.key, lang), |i| {
                    Shown::of(&cat.tasks[i as usize].name, lang)
                });
                let n = x
                    .bodies
                    .map_or_else(|| t(lang, "ui-national-hidden", &[]), |n| n.to_string());
                (name, x.key.clone(), n)
            })
            .collect(),
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
