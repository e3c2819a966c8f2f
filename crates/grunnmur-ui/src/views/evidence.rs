//! Evidence files on a measure status and comments on a status or a risk assessment: the
//! lists shown on those pages, the upload (a multipart form), the download (members of the
//! body only, always as an attachment), removal, and adding a comment.

use super::admin::timestamp;
use super::measures;
use crate::page::*;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grunnmur_store::Role;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::evidence::{self as ev, AttachError, Refusal};

/// A file as listed on its status.
pub struct FileView {
    pub href: String,
    pub remove: String,
    pub name: String,
    /// Size in words (kB/MB), who and when.
    pub size: String,
    pub by: String,
    pub at: String,
}

pub struct CommentView {
    pub author: String,
    pub at: String,
    pub text: Vec<String>,
}

/// What is attached to one object: its files (statuses only) and its comments.
#[derive(Default)]
pub struct Attached {
    pub object: String,
    pub files: Vec<FileView>,
    pub comments: Vec<CommentView>,
    /// The largest file, in words.
    pub max_size: String,
}

fn size_words(bytes: i64) -> String {
    const MB: i64 = 1024 * 1024;
    if bytes >= MB && bytes % MB == 0 {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

/// The files and comments of `object` in the body, as its page shows them.
pub async fn attached(s: &AppState, orgnr: &str, object: &str) -> Result<Attached, PageError> {
    let zone = s.config.time_zone.as_str();
    let files = if object.starts_with("status:") {
        s.store.evidence_files(orgnr, Some(object)).await?
    } else {
        Vec::new()
    };
    let comments = s.store.comments(orgnr, Some(object)).await?;
    Ok(Attached {
        object: object.to_string(),
        files: files
            .into_iter()
            .map(|f| FileView {
                href: ev::link(orgnr, &f.id, &f.name),
                remove: format!("/b/{orgnr}/evidence/{}/remove", f.id),
                name: f.name,
                size: size_words(f.size),
                by: f.uploaded_by,
                at: timestamp(zone, f.uploaded_at),
            })
            .collect(),
        comments: comments
            .into_iter()
            .map(|c| CommentView {
                author: c.author,
                at: timestamp(zone, c.created_at),
                text: c.text.lines().map(String::from).collect(),
            })
            .collect(),
        max_size: size_words(ev::MAX_FILE_BYTES as i64),
    })
}

/// Reads one text part of the upload (the CSRF token, the list to return to): short.
async fn small_text(field: axum::extract::multipart::Field<'_>) -> Result<String, PageError> {
    let text = field
        .text()
        .await
        .map_err(|_| ApiError::BadRequest("form".into()))?;
    if text.len() > 4096 {
        return Err(ApiError::BadRequest("form".into()).into());
    }
    Ok(text)
}

/// `POST /b/{orgnr}/measures/{measure}/evidence?system=…`: attaches the uploaded file.
pub async fn upload(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Editor>,
    Path((_, measure)): Path<(String, String)>,
    Query(q): Query<measures::Scope>,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let (mut csrf, mut back, mut file) = (String::new(), String::new(), None);
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return measures::refused_file(&s, &v, &b, (&measure, &q), "", Refusal::TooLarge)
                    .await;
            }
            Err(_) => return Err(ApiError::BadRequest("file".into()).into()),
        };
        match field.name().unwrap_or_default() {
            "csrf" => csrf = small_text(field).await?,
            "back" => back = small_text(field).await?,
            "file" => {
                let name = field.file_name().unwrap_or_default().to_string();
                match read_capped(field).await {
                    Ok(data) => file = Some((name, data)),
                    Err(r) => {
                        return measures::refused_file(&s, &v, &b, (&measure, &q), &back, r).await;
                    }
                }
            }
            _ => return Err(ApiError::BadRequest("form".into()).into()),
        }
    }
    if !grunnmur_web::auth::same(&csrf, &v.csrf) {
        return Err(ApiError::Csrf.into());
    }
    let back = measures::back_query(&back)?;
    let system = measures::scope_id(&b, q.system())?;
    measures::measure_idx(&b, &measure)?;
    let Some((name, data)) = file else {
        return measures::refused_file(&s, &v, &b, (&measure, &q), &back, Refusal::Empty).await;
    };
    let place = (measure.as_str(), system.as_deref());
    match ev::attach(&s, &orgnr, &v.actor(), place, &name, &data).await {
        Ok(_) => Ok(saved(&measures::form_href(
            &orgnr,
            &measure,
            system.as_deref(),
            &back,
            "files",
        ))),
        Err(AttachError::File(r)) => {
            measures::refused_file(&s, &v, &b, (&measure, &q), &back, r).await
        }
        Err(AttachError::Api(e)) => Err(e.into()),
    }
}

/// The file's bytes, refused once past the limit (never read whole into memory first).
async fn read_capped(mut field: axum::extract::multipart::Field<'_>) -> Result<Vec<u8>, Refusal> {
    let mut data = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| Refusal::TooLarge)? {
        if data.len() + chunk.len() > ev::MAX_FILE_BYTES {
            return Err(Refusal::TooLarge);
        }
        data.extend_from_slice(&chunk);
    }
    Ok(data)
}

/// `GET /b/{orgnr}/evidence/{id}/{name}`: the file, to the body's members only, as an
/// attachment of the type it was checked to be.
pub async fn download(
    State(s): State<AppState>,
    BodyPage { orgnr, .. }: BodyPage<Reader>,
    Path((_, id, _)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    let (row, data) = s
        .store
        .evidence_file(&orgnr, &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let ascii: String = (row.name.chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let utf8: String = form_urlencoded::byte_serialize(row.name.as_bytes()).collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        utf8.replace('+', "%20")
    );
    Ok((
        [
            (header::CONTENT_TYPE, row.content_type),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                grunnmur_web::headers::API_CSP.to_string(),
            ),
        ],
        data,
    )
        .into_response())
}

/// `POST /b/{orgnr}/evidence/{id}/remove`: removes a file and its link, back to its status.
pub async fn remove(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let back = measures::back_query(f.get("back"))?;
    let object = ev::remove(&s, &orgnr, &v.actor(), &id).await?;
    let to = object
        .strip_prefix("status:")
        .and_then(|x| x.rsplit_once('@'))
        .map(|(m, place)| {
            let system = (place != "org").then_some(place);
            measures::form_href(&orgnr, m, system, &back, "files")
        })
        .unwrap_or_else(|| format!("/b/{orgnr}"));
    Ok(saved(&to))
}

/// `POST /b/{orgnr}/comments`: a comment on a status or a risk assessment the writer can see,
/// back to that page at the comments.
pub async fn comment(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Reader>,
) -> Result<Response, PageError> {
    let object = f.get("object").to_string();
    let text = f.get("text").trim().to_string();
    let to = match object.split_once(':') {
        Some(("status", rest)) => {
            // Status forms are for editors; a reader has no page to comment on.
            if b.role < Role::Editor {
                return Err(ApiError::Forbidden.into());
            }
            let (m, place) = rest
                .rsplit_once('@')
                .ok_or(ApiError::BadRequest("object".into()))?;
            measures::measure_idx(&b, m)?;
            let system = (place != "org").then_some(place);
            if let Some(id) = system {
                measures::scope_id(&b, id)?;
            }
            let back = measures::back_query(f.get("back"))?;
            measures::form_href(&orgnr, m, system, &back, "comments")
        }
        Some(("risk", id)) => {
            let id: i64 = id
                .parse()
                .map_err(|_| ApiError::BadRequest("object".into()))?;
            s.store
                .risk_assessment(&orgnr, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            format!("/b/{orgnr}/risk/{id}#comments")
        }
        _ => return Err(ApiError::BadRequest("object".into()).into()),
    };
    if text.is_empty() || text.chars().count() > ev::MAX_COMMENT_CHARS {
        return Err(ApiError::InvalidField {
            field: "text".into(),
            code: "comment-length",
        }
        .into());
    }
    s.store
        .add_comment(&orgnr, &object, &text, &v.actor())
        .await?;
    Ok(saved(&to))
}
