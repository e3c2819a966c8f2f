//! Signing in and out, the language switch, choosing a body, and the pages outside any body.

use crate::page::*;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use grunnmur_i18n::{Lang, t};
use grunnmur_web::AppState;
use grunnmur_web::auth;
use grunnmur_web::error::ApiError;
use serde::Deserialize;

/// A pre-session cookie for the login form's CSRF token (double submit): nobody can sign a
/// reader in to another account from a foreign page.
const LOGIN_COOKIE: &str = "grunnmur_login";

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

pub async fn home(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let mine = my_bodies(&s, &v).await?;
    Ok(match mine.as_slice() {
        [only] => Redirect::to(&format!("/b/{}", only.orgnr)).into_response(),
        _ => Redirect::to("/bodies").into_response(),
    })
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    p: Page,
    next: String,
    next_enc: String,
    email: String,
    errors: Errors,
    oidc: bool,
}

fn anonymous(lang: Lang, title: &str, path: &str, csrf: String) -> Page {
    Page {
        lang,
        title: t(lang, title, &[]),
        path: path.into(),
        user: None,
        csrf,
        body: None,
        section: "login",
        notice: None,
    }
}

fn login_page(headers: &HeaderMap, next: &str, email: &str, errors: Errors) -> (LoginPage, String) {
    let lang = lang_of(headers);
    let token = auth::cookie_value(headers, LOGIN_COOKIE)
        .filter(|t| t.len() >= 32)
        .unwrap_or_else(|| auth::random_token(24));
    let p = anonymous(
        lang,
        "ui-login-title",
        &format!("/login?next={}", enc(next)),
        token.clone(),
    );
    let page = LoginPage {
        p,
        next: next.into(),
        next_enc: enc(next),
        email: email.into(),
        errors,
        oidc: false,
    };
    (page, token)
}

fn login_cookie(s: &AppState, token: &str) -> String {
    let secure = if s.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{LOGIN_COOKIE}={token}; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600{secure}")
}

pub async fn login_form(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Next>,
) -> Result<Response, PageError> {
    let next = local_path(q.next.as_deref());
    let (page, token) = login_page(&headers, &next, "", Errors::default());
    Ok((
        [(header::SET_COOKIE, login_cookie(&s, &token))],
        Html(page.render()?),
    )
        .into_response())
}

pub async fn login(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = FormData::parse(&body);
    let expected = auth::cookie_value(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !auth::same(f.get("csrf"), &expected) {
        return Err(ApiError::Csrf.into());
    }
    let next = local_path(Some(f.get("next")));
    let email = f.get("email");
    match auth::login(&s, email, f.get("password")).await {
        Ok((_, cookie, _)) => {
            let set = auth::session_cookie(&s, &cookie, s.config.session_seconds);
            Ok(([(header::SET_COOKIE, set)], Redirect::to(&next)).into_response())
        }
        Err(e @ (ApiError::Unauthenticated | ApiError::TooManyAttempts)) => {
            let lang = lang_of(&headers);
            let key = if matches!(e, ApiError::TooManyAttempts) {
                "ui-login-too-many"
            } else {
                "ui-login-failed"
            };
            let mut errors = Errors::default();
            errors.push("email", t(lang, key, &[]));
            let (page, _) = login_page(&headers, &next, email, errors);
            Ok((e.meta().0, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn logout(
    State(s): State<AppState>,
    v: Viewer,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    v.form(&body)?;
    s.store.delete_session(&v.id_hash).await?;
    let clear = auth::session_cookie(&s, "", 0);
    Ok(([(header::SET_COOKIE, clear)], Redirect::to("/login")).into_response())
}

/// Sets the language and goes back. A preference, not a change of data: a plain link.
pub async fn switch_lang(
    State(s): State<AppState>,
    Path(code): Path<String>,
    Query(q): Query<Next>,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or_default();
    let secure = if s.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Lax; Max-Age=31536000{secure}",
        lang.code()
    );
    let to = local_path(q.next.as_deref());
    ([(header::SET_COOKIE, cookie)], Redirect::to(&to)).into_response()
}

pub struct BodyLine {
    pub orgnr: String,
    pub name: String,
    pub kind: String,
    pub role: String,
}

async fn my_bodies(s: &AppState, v: &Viewer) -> Result<Vec<BodyLine>, PageError> {
    let roles: std::collections::HashMap<String, grunnmur_store::Role> =
        s.store.memberships(v.user.id).await?.into_iter().collect();
    let lang = v.lang;
    Ok(s.store
        .bodies()
        .await?
        .into_iter()
        .filter_map(|b| {
            let role = match roles.get(&b.orgnr) {
                Some(r) => *r,
                None if v.user.platform_admin => grunnmur_store::Role::Admin,
                None => return None,
            };
            Some(BodyLine {
                kind: t(lang, &format!("report-orgkind-{}", b.kind), &[]),
                role: t(lang, &format!("ui-role-{}", role.as_str()), &[]),
                orgnr: b.orgnr,
                name: b.name,
            })
        })
        .collect())
}

#[derive(Template)]
#[template(path = "bodies.html")]
struct BodiesPage {
    p: Page,
    bodies: Vec<BodyLine>,
}

pub async fn bodies(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let bodies = my_bodies(&s, &v).await?;
    html(BodiesPage {
        p: v.page("ui-bodies-title", "bodies"),
        bodies,
    })
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage {
    p: Page,
}

/// Readable without signing in: the statement is for everyone.
pub async fn accessibility(headers: HeaderMap) -> Result<Response, PageError> {
    let mut p = anonymous(
        lang_of(&headers),
        "ui-a11y-title",
        "/accessibility",
        String::new(),
    );
    p.section = "accessibility";
    html(AccessibilityPage { p })
}

pub async fn stylesheet() -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/app.css"),
    )
        .into_response()
}
