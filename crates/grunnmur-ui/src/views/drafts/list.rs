//! `/catalog/drafts`: the drafts the viewer may read (catalog editors and platform
//! administrators every draft, everyone else those whose consultation round has been opened),
//! searchable and as XLSX/CSV; for catalog editors a form to begin the next release from a
//! published one.

use super::{state, title};
use crate::page::*;
use crate::views::exports::{File, file_response};
use crate::views::{Select, TextFilter};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_i18n::{Lang, t};
use grunnmur_report::doc::{Cell, Column};
use grunnmur_store::DraftRow;
use grunnmur_web::AppState;
use grunnmur_web::drafts::{self as ops, Standing};
use grunnmur_web::error::ApiError;

/// One draft in the list.
pub struct Line {
    pub id: i64,
    pub title: String,
    pub catalog: String,
    pub base: String,
    pub version: String,
    pub state: String,
    pub closes: String,
    pub created: String,
    pub created_by: String,
}

impl Line {
    fn found(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        needle.is_empty()
            || [
                &self.title,
                &self.base,
                &self.version,
                &self.state,
                &self.closes,
            ]
            .iter()
            .any(|x| x.to_lowercase().contains(&needle))
    }
}

fn lines(s: &AppState, lang: Lang, rows: Vec<DraftRow>, q: &str) -> Vec<Line> {
    let mut out: Vec<Line> = (rows.into_iter())
        .map(|d| Line {
            id: d.id,
            title: title(s, lang, &d),
            state: state(lang, &d),
            closes: d.closes.clone().unwrap_or_default(),
            created: super::super::admin::timestamp(&s.config.time_zone, d.created_at),
            created_by: d.created_by,
            catalog: d.catalog_id,
            base: d.base_version,
            version: d.version,
        })
        .filter(|l| l.found(q))
        .collect();
    // The newest first: the one being worked on.
    out.reverse();
    out
}

#[derive(Template)]
#[template(path = "drafts.html")]
struct ListPage {
    p: Page,
    q: String,
    query: String,
    lines: Vec<Line>,
    /// The form to begin a draft, for catalog editors.
    new: Option<NewForm>,
    errors: Errors,
}

pub struct NewForm {
    pub base: Select,
    pub version: String,
}

/// The published releases of the server's catalog, newest first, as the base picker.
async fn bases(s: &AppState, lang: Lang, chosen: &str) -> Result<Select, PageError> {
    let catalog = &s.catalog.catalog.id;
    let mut options: Vec<(String, String)> = (s.store.releases().await?.into_iter())
        .filter(|r| &r.catalog_id == catalog)
        .map(|r| {
            let l = t(
                lang,
                "ui-draft-base-option",
                &[("catalog", &r.catalog_id), ("version", &r.version)],
            );
            (r.version, l)
        })
        .collect();
    options.reverse();
    let chosen = if chosen.is_empty() {
        options.first().map(|o| o.0.clone()).unwrap_or_default()
    } else {
        chosen.to_string()
    };
    let mut sel = Select::new(
        "base",
        t(lang, "ui-draft-field-base", &[]),
        options,
        &chosen,
    );
    sel.hint = t(lang, "ui-draft-hint-base", &[]);
    Ok(sel)
}

async fn page(
    s: &AppState,
    v: &Viewer,
    f: &TextFilter,
    sent: Option<&FormData>,
    errors: Errors,
) -> Result<ListPage, PageError> {
    let lang = v.lang;
    let caller = v.caller();
    let st = Standing::of(s, &caller).await?;
    let q = f.q();
    let new = match st.editor {
        Some(_) => {
            let get = |k: &str| sent.map(|f| f.get(k).to_string()).unwrap_or_default();
            let mut base = bases(s, lang, &get("base")).await?;
            base.error = errors.of("base").map(str::to_string);
            Some(NewForm {
                base,
                version: get("version"),
            })
        }
        None => None,
    };
    Ok(ListPage {
        p: v.page("ui-draft-list-title", "drafts"),
        query: format!("q={}", enc(&q)),
        lines: lines(s, lang, ops::list(s, &caller).await?, &q),
        q,
        new,
        errors,
    })
}

/// `GET /catalog/drafts?q=`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Query(f): Query<TextFilter>,
) -> Result<Response, PageError> {
    html(page(&s, &v, &f, None, Errors::default()).await?)
}

/// `POST /catalog/drafts`: begins a draft (`drafts::create`), then to its page.
pub async fn create(
    State(s): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let lang = v.lang;
    let (base, version) = (f.get("base"), f.get("version"));
    let mut errors = Errors::default();
    match ops::create(&s, &v.caller(), None, base, version).await {
        Ok(d) => return Ok(saved(&format!("/catalog/drafts/{}", d.id))),
        Err(ApiError::NotFound) => errors.push("base", t(lang, "ui-draft-base-unknown", &[])),
        Err(e @ ApiError::Conflict(_)) => errors.push("version", e.message(lang)),
        Err(ApiError::Invalid(ps)) => {
            for p in &ps {
                let field = if p.file == "version" {
                    "version"
                } else {
                    "base"
                };
                let m = grunnmur_web::error::problem_out(lang, p).message;
                errors.push(field, m);
            }
        }
        Err(e) => return Err(e.into()),
    }
    let page = page(&s, &v, &TextFilter::default(), Some(&f), errors).await?;
    html_invalid(page)
}

async fn download(
    s: &AppState,
    v: &Viewer,
    f: &TextFilter,
    file: File,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let rows = lines(s, lang, ops::list(s, &v.caller()).await?, &f.q());
    let cell = |x: String| {
        if x.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(x)
        }
    };
    let out = (rows.into_iter())
        .map(|l| {
            vec![
                cell(l.catalog),
                cell(l.base),
                cell(l.version),
                cell(l.state),
                cell(l.closes),
                cell(l.created),
                cell(l.created_by),
            ]
        })
        .collect();
    let columns = [
        "ui-draft-col-catalog",
        "ui-draft-col-base",
        "ui-draft-col-version",
        "ui-draft-col-state",
        "ui-draft-col-closes",
        "ui-draft-col-created",
        "ui-draft-col-created-by",
    ]
    .iter()
    .map(|k| Column::text(t(lang, k, &[]), 18.0))
    .collect();
    let name = t(lang, "ui-draft-list-title", &[]);
    file_response(&name, &name, "grunnmur-katalogutkast", file, columns, out)
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
