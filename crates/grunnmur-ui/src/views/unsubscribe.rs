//! The digest's unsubscribe link: no sign-in, the link's token is the capability (to turn the
//! person's digest off or on, nothing else). `GET` asks; `POST` acts — also the one-click
//! unsubscribe of RFC 8058 that mail programs send — so a link preview stops nothing.

use super::session::anonymous;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use grunnmur_web::AppState;

#[derive(Template)]
#[template(path = "unsubscribe.html")]
struct UnsubscribePage {
    p: Page,
    token: String,
    /// Empty: the question; else the outcome's message key.
    done: &'static str,
    on: bool,
}

fn page(headers: &HeaderMap, token: String, done: &'static str, on: bool) -> UnsubscribePage {
    let lang = lang_of(headers);
    let mut p = anonymous(
        lang,
        "digest-unsubscribe-title",
        "/unsubscribe",
        String::new(),
    );
    p.section = "unsubscribe";
    UnsubscribePage { p, token, done, on }
}

pub async fn ask(headers: HeaderMap, Path(token): Path<String>) -> Result<Response, PageError> {
    html(page(&headers, token, "", true))
}

async fn set(
    s: &AppState,
    headers: &HeaderMap,
    token: String,
    on: bool,
) -> Result<Response, PageError> {
    let token: String = token.chars().take(100).collect();
    match s.store.set_digest(&token, on).await? {
        Some(_) => {
            let key = if on {
                "digest-resubscribed"
            } else {
                "digest-unsubscribed"
            };
            html(page(headers, token, key, on))
        }
        None => {
            let r = page(headers, String::new(), "digest-unknown", on).render()?;
            Ok((StatusCode::NOT_FOUND, Html(r)).into_response())
        }
    }
}

pub async fn off(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    set(&s, &headers, token, false).await
}

pub async fn on(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    set(&s, &headers, token, true).await
}
