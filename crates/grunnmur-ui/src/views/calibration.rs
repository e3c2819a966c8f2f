//! Catalog calibration for catalog editors (rule 18): where the public bodies depart from the
//! catalog — the recommended levels they raise or lower, the measures they mark not applicable,
//! the own tasks they add — k-anonymous rows from `grunnmur_web::national_api::calibration`,
//! names from the catalog, justifications only where 5 bodies gave one, no body named; a text
//! search, and every row as XLSX and CSV.

use super::TextFilter;
use super::exports::{File, file_response};
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_core::calibration::{Calibration, Direction};
use grunnmur_i18n::{Lang, t};
use grunnmur_report::doc::{Cell as Out, Column};
use grunnmur_web::AppState;
use grunnmur_web::national_api;

/// One row as shown: what (name and id), the figures in words, the justifications.
pub struct Row {
    pub name: String,
    pub id: String,
    pub detail: String,
    pub bodies: String,
    pub texts: Vec<String>,
}

impl Row {
    fn found(&self, needle: &str) -> bool {
        needle.is_empty()
            || [&self.name, &self.id, &self.detail]
                .iter()
                .chain(self.texts.iter().collect::<Vec<_>>().iter())
                .any(|x| x.to_lowercase().contains(needle))
    }
}

#[derive(Template)]
#[template(path = "catalog_calibration.html")]
struct CalibrationPage {
    p: Page,
    q: String,
    summary: String,
    suppressed: bool,
    /// Title, anchor, rows, whether the table has a detail column and justifications.
    sections: Vec<Section>,
    query: String,
}

pub struct Section {
    pub title: String,
    pub anchor: &'static str,
    pub detail: String,
    pub texts: bool,
    pub rows: Vec<Row>,
}

fn rows(s: &AppState, lang: Lang, c: &Calibration) -> [Vec<Row>; 3] {
    let cat = &s.catalog.catalog;
    let info = |id: &str| {
        (cat.info_types.iter())
            .find(|x| x.id == id)
            .map_or(id.to_string(), |x| x.name.get(lang.code()).to_string())
    };
    let measure = |id: &str| {
        cat.measure(id).map_or(id.to_string(), |i| {
            cat.measures[i as usize].name.get(lang.code()).to_string()
        })
    };
    let levels = (c.levels.iter())
        .map(|l| {
            let way = match l.direction {
                Direction::Raised => "ui-calib-raised",
                Direction::Lowered => "ui-calib-lowered",
            };
            let dim = t(lang, &format!("report-dim-{}", l.dimension), &[]);
            Row {
                name: info(&l.info_type),
                id: l.info_type.clone(),
                detail: t(lang, way, &[("dimension", &dim)]),
                bodies: l.bodies.to_string(),
                texts: l.justifications.clone(),
            }
        })
        .collect();
    let na = (c.not_applicable.iter())
        .map(|m| Row {
            name: measure(&m.measure),
            id: m.measure.clone(),
            detail: t(lang, "ui-calib-pairs", &[("n", &m.pairs.to_string())]),
            bodies: t(
                lang,
                "ui-calib-bodies-of",
                &[
                    ("n", &m.bodies.to_string()),
                    ("of", &m.bodies_required.to_string()),
                ],
            ),
            texts: m.justifications.clone(),
        })
        .collect();
    let own = (c.own_tasks.iter())
        .map(|x| Row {
            name: x.name.clone(),
            id: x.name.clone(),
            detail: String::new(),
            bodies: x.bodies.to_string(),
            texts: Vec::new(),
        })
        .collect();
    [levels, na, own]
}

async fn figures(s: &AppState, v: &Viewer) -> Result<Calibration, PageError> {
    national_api::may_calibrate(s, &v.caller()).await?;
    Ok(national_api::calibration(s).await?)
}

/// `GET /catalog/calibration?q=`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let c = figures(&s, &v).await?;
    let needle = f.needle();
    let [levels, na, own] = rows(&s, lang, &c);
    let keep = |rows: Vec<Row>| rows.into_iter().filter(|r| r.found(&needle)).collect();
    let section = |key: &str, anchor, detail: &str, texts, rows| Section {
        title: t(lang, key, &[]),
        anchor,
        detail: if detail.is_empty() {
            String::new()
        } else {
            t(lang, detail, &[])
        },
        texts,
        rows: keep(rows),
    };
    html(CalibrationPage {
        p: v.page("ui-calib-title", "catalog"),
        q: f.q(),
        summary: t(lang, "ui-calib-summary", &[("n", &c.bodies.to_string())]),
        suppressed: c.suppressed,
        sections: vec![
            section(
                "ui-calib-levels",
                "levels",
                "ui-calib-col-change",
                true,
                levels,
            ),
            section(
                "ui-calib-na",
                "not-applicable",
                "ui-calib-col-pairs",
                true,
                na,
            ),
            section("ui-calib-own", "own-tasks", "", false, own),
        ],
        query: format!("q={}", enc(&f.q())),
    })
}

async fn download(
    s: &AppState,
    v: &Viewer,
    f: &TextFilter,
    file: File,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let c = figures(s, v).await?;
    let needle = f.needle();
    let titles = ["ui-calib-levels", "ui-calib-na", "ui-calib-own"];
    let mut out = Vec::new();
    for (title, rows) in titles.iter().zip(rows(s, lang, &c)) {
        for r in rows.into_iter().filter(|r| r.found(&needle)) {
            out.push(vec![
                Out::Text(t(lang, title, &[])),
                Out::Text(r.id),
                Out::Text(r.name),
                Out::Text(r.detail),
                Out::Text(r.bodies),
                Out::Text(r.texts.join("\n")),
            ]);
        }
    }
    let columns = [
        "ui-calib-col-section",
        "ui-calib-col-id",
        "ui-calib-col-what",
        "ui-calib-col-detail",
        "ui-calib-col-bodies",
        "ui-calib-col-texts",
    ]
    .iter()
    .map(|k| Column::text(t(lang, k, &[]), 20.0))
    .collect();
    let title = t(lang, "ui-calib-title", &[]);
    let caption = format!("{title} ({})", c.bodies);
    file_response(&caption, &title, "grunnmur-kalibrering", file, columns, out)
}

pub async fn xlsx(
    State(s): State<AppState>,
    v: Viewer,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    download(&s, &v, &f, File::Xlsx).await
}

pub async fn csv(
    State(s): State<AppState>,
    v: Viewer,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    download(&s, &v, &f, File::Csv).await
}
