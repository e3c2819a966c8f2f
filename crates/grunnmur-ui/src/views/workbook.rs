//! The workspace as a workbook in the browser: download it (or the empty template), change it
//! in a spreadsheet, upload it, see every change in words before anything is stored, and apply
//! all of it or nothing — the same reader as `grunnmur xlsx import`, with its sheet, row and
//! column for every problem.

use super::history::{ChangeLine, describe_changes};
use crate::page::*;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::BodyDoc;
use grunnmur_i18n::t;
use grunnmur_report::ImportOptions;
use grunnmur_store::PendingImportRow;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

/// The changes listed on the preview; the rest are counted.
const SHOWN: usize = 500;

#[derive(Template)]
#[template(path = "workbook.html")]
struct WorkbookPage {
    p: Page,
    errors: Errors,
    /// The refused workbook's problems: place, message.
    problems: Vec<(String, String)>,
    max_mb: usize,
}

#[derive(Template)]
#[template(path = "workbook_preview.html")]
struct PreviewPage {
    p: Page,
    id: String,
    changes: Vec<ChangeLine>,
    more: usize,
    /// The workspace changed since the workbook was read: it can no longer be applied.
    stale: bool,
}

fn page(v: &Viewer, b: &BodyView, errors: Errors, problems: Vec<(String, String)>) -> WorkbookPage {
    WorkbookPage {
        p: v.body_page(b, "ui-workbook-title", "workbook"),
        errors,
        problems,
        max_mb: ImportOptions::default().max_bytes / (1024 * 1024),
    }
}

/// `GET /b/{orgnr}/workbook`.
pub async fn show(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    html(page(&v, &b, Errors::default(), Vec::new()))
}

fn xlsx(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /b/{orgnr}/workbook.xlsx`: the workspace as it is stored.
pub async fn download(
    BodyPage { v, b, orgnr, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    let bytes = grunnmur_report::export_workspace(&b.derived.doc, v.lang)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(xlsx(bytes, &format!("grunnmur-{orgnr}.xlsx")))
}

/// `GET /b/{orgnr}/workbook-template.xlsx`: the empty workbook.
pub async fn template(BodyPage { v, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    let bytes = grunnmur_report::template(v.lang).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(xlsx(bytes, "grunnmur-template.xlsx"))
}

/// `POST /b/{orgnr}/workbook`: reads the uploaded workbook over the stored workspace. Every
/// problem is shown with its sheet, row and column and nothing is kept; a workbook that reads
/// is kept for its preview.
pub async fn upload(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Editor>,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let max = ImportOptions::default().max_bytes;
    let (mut csrf, mut file) = (String::new(), None);
    let mut too_large = false;
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                too_large = true;
                break;
            }
            Err(_) => return Err(ApiError::BadRequest("file".into()).into()),
        };
        match field.name().unwrap_or_default() {
            "csrf" => {
                let text = field.text().await.unwrap_or_default();
                csrf = text.chars().take(200).collect();
            }
            "file" => {
                let mut data = Vec::new();
                loop {
                    match field.chunk().await {
                        Ok(Some(c)) if data.len() + c.len() <= max => data.extend_from_slice(&c),
                        Ok(Some(_)) | Err(_) => {
                            too_large = true;
                            break;
                        }
                        Ok(None) => break,
                    }
                }
                file = Some(data);
            }
            _ => return Err(ApiError::BadRequest("form".into()).into()),
        }
        if too_large {
            break;
        }
    }
    if !too_large && !grunnmur_web::auth::same(&csrf, &v.csrf) {
        return Err(ApiError::Csrf.into());
    }
    let mut errors = Errors::default();
    if too_large {
        let mb = (max / (1024 * 1024)).to_string();
        errors.push("file", t(v.lang, "ui-workbook-too-large", &[("max", &mb)]));
    }
    let data = file.unwrap_or_default();
    if errors.is_empty() && data.is_empty() {
        errors.push("file", t(v.lang, "ui-workbook-empty", &[]));
    }
    if !errors.is_empty() {
        return html_invalid(page(&v, &b, errors, Vec::new()));
    }
    let opts = ImportOptions {
        declarations: b.derived.declarations.to_vec(),
        ..ImportOptions::default()
    };
    let base = b.derived.doc.clone();
    let cat = b.derived.catalog.clone();
    let read = ops::blocking(move || {
        Ok(grunnmur_report::import_workspace_with(
            &data,
            &base,
            &cat.catalog,
            &opts,
        ))
    })
    .await?;
    let imported = match read {
        Ok(i) => i,
        Err(problems) => {
            let list = problems
                .iter()
                .map(|p| (p.place(v.lang), p.message(v.lang)))
                .collect();
            let mut errors = Errors::default();
            let n = problems.len().to_string();
            errors.push("file", t(v.lang, "ui-workbook-refused", &[("count", &n)]));
            return html_invalid(page(&v, &b, errors, list));
        }
    };
    let id = grunnmur_web::auth::random_token(16);
    let doc =
        serde_json::to_string(&imported.doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row = PendingImportRow {
        id: id.clone(),
        orgnr: orgnr.clone(),
        doc,
        base_version: b.derived.version,
        created_by: v.actor(),
        created_at: grunnmur_store::now(),
    };
    s.store.save_pending_import(&row).await?;
    Ok(axum::response::Redirect::to(&format!("/b/{orgnr}/workbook/{id}")).into_response())
}

/// The pending import of this reader (another person's is not found).
async fn pending(
    s: &AppState,
    v: &Viewer,
    orgnr: &str,
    id: &str,
) -> Result<(PendingImportRow, BodyDoc), PageError> {
    let row = s
        .store
        .pending_import(orgnr, id)
        .await?
        .filter(|r| r.created_by == v.actor())
        .ok_or(ApiError::NotFound)?;
    let doc = serde_json::from_str(&row.doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((row, doc))
}

/// `GET /b/{orgnr}/workbook/{id}`: every change the workbook makes, in words.
pub async fn preview(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Editor>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (row, doc) = pending(&s, &v, &orgnr, &id).await?;
    let cat = &b.derived.catalog.catalog;
    let mut changes = describe_changes(v.lang, cat, &b.derived.doc, &doc);
    let more = changes.len().saturating_sub(SHOWN);
    changes.truncate(SHOWN);
    html(PreviewPage {
        p: v.body_page(&b, "ui-workbook-preview-title", "workbook"),
        id,
        changes,
        more,
        stale: row.base_version != b.derived.version,
    })
}

/// `POST /b/{orgnr}/workbook/{id}/apply`: all of it onto the version it was read against, or
/// nothing.
pub async fn apply(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let (row, doc) = pending(&s, &v, &orgnr, &id).await?;
    // Checked again: a catalog release or a declaration may have changed since the preview.
    let cat = ops::body_catalog(&s, &orgnr).await?;
    let (_, declarations) = ops::published_declarations(&s).await?;
    let doc = ops::checked(&cat, &declarations, "workbook", doc)?;
    let text = serde_json::to_string(&doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let w = grunnmur_store::WorkspaceWrite {
        orgnr: &orgnr,
        doc: &text,
        actor: &v.actor(),
        action: "workspace.import_workbook",
        expected_version: Some(row.base_version),
    };
    s.store.apply_pending_import(&id, w).await?;
    Ok(saved(&format!("/b/{orgnr}")))
}
