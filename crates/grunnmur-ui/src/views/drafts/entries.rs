//! `/catalog/drafts/{id}/entries`: a draft's entries by section, each linking to its page, found
//! by name (both languages), id or owner; "new entry" per section for catalog editors; the
//! rows as XLSX/CSV.

use super::*;
use crate::views::TextFilter;
use crate::views::exports::{File, file_response};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use grunnmur_report::doc::{Cell, Column};

pub struct Row {
    pub id: String,
    pub name: Shown,
    pub owner: String,
    pub href: String,
}

pub struct SectionRows {
    pub key: &'static str,
    pub title: String,
    pub rows: Vec<Row>,
    /// Entries in the section before the search.
    pub total: usize,
}

#[derive(Template)]
#[template(path = "draft_entries.html")]
struct EntriesPage {
    p: Page,
    id: i64,
    heading: String,
    q: String,
    query: String,
    sections: Vec<SectionRows>,
    editable: bool,
}

fn sections(lang: Lang, o: &Opened, q: &str) -> Vec<SectionRows> {
    let names = Names::of(&o.cat.doc);
    let needle = q.to_lowercase();
    SECTIONS
        .iter()
        .map(|&sec| {
            let mut total = 0;
            let rows = (names.entries.iter())
                .filter(|((x, _), _)| *x == sec)
                .inspect(|_| total += 1)
                .filter_map(|((_, id), n)| {
                    let owner_id = entry_owner(&o.cat.doc, sec, id).unwrap_or_default();
                    let owner = names.owner(lang, &owner_id);
                    let hay = [n.nb.as_deref(), n.en.as_deref(), Some(id), Some(&owner)];
                    let found = needle.is_empty()
                        || (hay.iter().flatten()).any(|x| x.to_lowercase().contains(&needle));
                    found.then(|| Row {
                        href: entry_href(o.d.id, sec.as_str(), id),
                        name: Shown::of_doc(n, lang),
                        owner,
                        id: id.clone(),
                    })
                })
                .collect();
            SectionRows {
                key: sec.as_str(),
                title: section_label(lang, sec),
                rows,
                total,
            }
        })
        .collect()
}

/// `GET /catalog/drafts/{id}/entries?q=`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    let o = open(&s, &v, &id).await?;
    let lang = v.lang;
    let q = f.q();
    let mut p = v.page("ui-draft-entries-title", "drafts");
    p.title = format!("{} – {}", p.title, title(&s, lang, &o.d));
    html(EntriesPage {
        p,
        id: o.d.id,
        heading: title(&s, lang, &o.d),
        query: format!("q={}", enc(&q)),
        sections: sections(lang, &o, &q),
        editable: o.editable(),
        q,
    })
}

async fn download(
    s: &AppState,
    v: &Viewer,
    id: &str,
    f: &TextFilter,
    file: File,
) -> Result<Response, PageError> {
    let o = open(s, v, id).await?;
    let lang = v.lang;
    let mut out = Vec::new();
    for sec in sections(lang, &o, &f.q()) {
        for r in sec.rows {
            out.push(vec![
                Cell::Text(sec.title.clone()),
                Cell::Text(r.id),
                Cell::Text(r.name.text),
                Cell::Text(r.owner),
            ]);
        }
    }
    let columns = [
        "ui-draft-col-section",
        "ui-draft-col-id",
        "ui-draft-col-name",
        "ui-draft-col-owner",
    ]
    .iter()
    .map(|k| Column::text(t(lang, k, &[]), 24.0))
    .collect();
    let name = title(s, lang, &o.d);
    let stem = format!("{}-{}", o.d.catalog_id, o.d.version);
    file_response(&name, &name, &stem, file, columns, out)
}

pub async fn xlsx(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    download(&s, &v, &id, &f, File::Xlsx).await
}

pub async fn csv(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    download(&s, &v, &id, &f, File::Csv).await
}
