//! A catalog release's record (issue 14): the release notes — every change that made it, with
//! its reason and owner — and the consultation's comments with their answers, by body and never
//! by person (`grunnmur_web::drafts::record`). One report document, shown as a page and
//! downloaded as PDF and XLSX by `grunnmur_report::render_doc`.

use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::format::CatalogDoc;
use grunnmur_i18n::{Lang, t};
use grunnmur_report::doc::{Cell, Column, Doc, Section, Table};
use grunnmur_report::{Format, render_doc};
use grunnmur_web::AppState;
use grunnmur_web::drafts::ReleaseRecord;
use grunnmur_web::error::ApiError;

/// An entry's name in the reader's language (from the release, else the release it replaced),
/// with its section and id after it.
fn entry_label(lang: Lang, docs: [&CatalogDoc; 2], section: &str, id: &str) -> String {
    let named = |doc: &CatalogDoc| -> Option<String> {
        let v = serde_json::to_value(doc).ok()?;
        let list = v.get(section)?.as_array()?;
        let e = list
            .iter()
            .find(|e| e.get("id").and_then(|x| x.as_str()) == Some(id))?;
        let name = e.get("name")?;
        let text = |k: &str| {
            name.get(k)
                .and_then(|x| x.as_str())
                .filter(|x| !x.is_empty())
        };
        let shown = match lang {
            Lang::En => text("en").or(text("nb")),
            _ => text("nb"),
        };
        shown.map(str::to_string)
    };
    let section_name = t(lang, &format!("ui-release-section-{section}"), &[]);
    match docs.iter().find_map(|d| named(d)) {
        Some(name) => format!("{name} ({section_name}: {id})"),
        None => format!("{section_name}: {id}"),
    }
}

/// An owner's name in the reader's language, from the release (else the one it replaced).
fn owner_name(lang: Lang, docs: [&CatalogDoc; 2], id: &str) -> String {
    (docs.iter())
        .flat_map(|d| d.owners.iter())
        .find(|o| o.id == id)
        .map(|o| o.name.get(lang.code()).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn columns(lang: Lang, keys: &[(&str, f32)]) -> Vec<Column> {
    (keys.iter())
        .map(|(k, w)| Column::text(t(lang, k, &[]), *w))
        .collect()
}

/// The record as a report document.
pub fn record_doc(lang: Lang, r: &ReleaseRecord, docs: [&CatalogDoc; 2], published: &str) -> Doc {
    let notes: Vec<Vec<Cell>> = (r.notes.iter())
        .map(|c| {
            let fields: Vec<String> = (c.fields.iter())
                .map(|f| format!("{}: {} → {}", f.field, f.old, f.new))
                .collect();
            vec![
                Cell::Text(entry_label(lang, docs, &c.section, &c.entry_id)),
                Cell::Text(t(lang, &format!("cli-diff-{}", c.kind), &[])),
                text(fields.join("; ")),
                Cell::Text(c.reason.clone()),
                Cell::Text(owner_name(lang, docs, &c.owner)),
            ]
        })
        .collect();
    let comments: Vec<Vec<Cell>> = (r.comments.iter())
        .map(|c| {
            let (section, id) = c.entry.split_once('/').unwrap_or((&c.entry, ""));
            let outcome = (c.outcome.as_deref())
                .map(|o| t(lang, &format!("ui-record-outcome-{o}"), &[]))
                .unwrap_or_default();
            vec![
                Cell::Text(format!("{} ({})", c.body, c.orgnr)),
                Cell::Text(entry_label(lang, docs, section, id)),
                Cell::Text(c.text.clone()),
                text(outcome),
                text(c.answer.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let title = t(
        lang,
        "ui-record-title",
        &[("id", &r.catalog_id), ("version", &r.version)],
    );
    let n = |x: usize| x.to_string();
    Doc {
        lang,
        title,
        facts: vec![
            (t(lang, "ui-record-catalog", &[]), r.catalog_id.clone()),
            (t(lang, "ui-record-version", &[]), r.version.clone()),
            (t(lang, "ui-record-base", &[]), r.base_version.clone()),
            (t(lang, "ui-record-published", &[]), published.to_string()),
            (
                t(lang, "ui-record-closes", &[]),
                r.closes.clone().unwrap_or_else(|| "–".into()),
            ),
            (t(lang, "ui-record-changes", &[]), n(r.notes.len())),
            (t(lang, "ui-record-comments", &[]), n(r.comments.len())),
        ],
        facts_heading: t(lang, "ui-record-about", &[]),
        facts_sheet: t(lang, "ui-record-about-sheet", &[]),
        sections: vec![
            Section {
                key: "notes".into(),
                sheet: t(lang, "ui-record-notes-sheet", &[]),
                heading: t(lang, "ui-record-notes", &[]),
                paragraphs: vec![t(lang, "ui-record-notes-intro", &[])],
                charts: Vec::new(),
                table: Some(Table {
                    caption: t(lang, "ui-record-notes", &[]),
                    columns: columns(
                        lang,
                        &[
                            ("ui-record-col-entry", 40.0),
                            ("ui-record-col-kind", 12.0),
                            ("ui-record-col-fields", 40.0),
                            ("ui-record-col-reason", 40.0),
                            ("ui-record-col-owner", 14.0),
                        ],
                    ),
                    rows: notes,
                    row_headers: true,
                    empty: t(lang, "ui-record-notes-none", &[]),
                    abbreviations: Vec::new(),
                }),
            },
            Section {
                key: "comments".into(),
                sheet: t(lang, "ui-record-comments-sheet", &[]),
                heading: t(lang, "ui-record-comments", &[]),
                paragraphs: vec![t(lang, "ui-record-comments-intro", &[])],
                charts: Vec::new(),
                table: Some(Table {
                    caption: t(lang, "ui-record-comments", &[]),
                    columns: columns(
                        lang,
                        &[
                            ("ui-record-col-body", 28.0),
                            ("ui-record-col-entry", 36.0),
                            ("ui-record-col-comment", 44.0),
                            ("ui-record-col-outcome", 14.0),
                            ("ui-record-col-answer", 44.0),
                        ],
                    ),
                    rows: comments,
                    row_headers: true,
                    empty: t(lang, "ui-record-comments-none", &[]),
                    abbreviations: Vec::new(),
                }),
            },
        ],
        landscape: true,
    }
}

/// The record of a release published from a draft, as a document; "not found" for any other.
async fn made(s: &AppState, lang: Lang, catalog_id: &str, version: &str) -> Result<Doc, PageError> {
    let r = grunnmur_web::drafts::record(s, catalog_id, version).await?;
    let r = r.ok_or(ApiError::NotFound)?;
    let (now, before) = (
        s.release(&r.catalog_id, &r.version).await?,
        s.release(&r.catalog_id, &r.base_version).await?,
    );
    let published = (r.published_at)
        .map(|at| super::admin::timestamp(&s.config.time_zone, at))
        .unwrap_or_default();
    Ok(record_doc(lang, &r, [&now.doc, &before.doc], &published))
}

#[derive(Template)]
#[template(path = "release_record.html")]
struct RecordPage {
    p: Page,
    doc: Doc,
    /// The address the downloads add `.pdf` and `.xlsx` to.
    path: String,
}

/// `GET /catalog/releases/{catalog_id}/{version}/record`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Path((catalog_id, version)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let doc = made(&s, v.lang, &catalog_id, &version).await?;
    let mut p = v.page("ui-record-page", "catalog");
    p.title = doc.title.clone();
    html(RecordPage {
        p,
        doc,
        path: format!("/catalog/releases/{catalog_id}/{version}/record"),
    })
}

async fn download(
    s: &AppState,
    v: &Viewer,
    catalog_id: &str,
    version: &str,
    format: Format,
) -> Result<Response, PageError> {
    let doc = made(s, v.lang, catalog_id, version).await?;
    let bytes = grunnmur_web::ops::blocking(move || {
        render_doc(&doc, format).map_err(|e| ApiError::Internal(e.to_string()))
    })
    .await?;
    let name = format!("{catalog_id}-{version}-record.{}", format.extension());
    let name: String = (name.chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, format.mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /catalog/releases/{catalog_id}/{version}/record.pdf`.
pub async fn pdf(
    State(s): State<AppState>,
    v: Viewer,
    Path((catalog_id, version)): Path<(String, String)>,
) -> Result<Response, PageError> {
    download(&s, &v, &catalog_id, &version, Format::Pdf).await
}

/// `GET /catalog/releases/{catalog_id}/{version}/record.xlsx`.
pub async fn xlsx(
    State(s): State<AppState>,
    v: Viewer,
    Path((catalog_id, version)): Path<(String, String)>,
) -> Result<Response, PageError> {
    download(&s, &v, &catalog_id, &version, Format::Xlsx).await
}
