//! Signing in and out, the language switch, choosing a body, and the pages outside any body.

use crate::page::*;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{AppendHeaders, Html, IntoResponse, Redirect, Response};
use grunnmur_i18n::{Lang, t};
use grunnmur_web::AppState;
use grunnmur_web::auth;
use grunnmur_web::error::ApiError;
use grunnmur_web::security::{self, Client};
use serde::Deserialize;

/// A pre-session cookie for the login form's CSRF token (double submit): nobody can sign a
/// reader in to another account from a foreign page.
pub(super) const LOGIN_COOKIE: &str = "grunnmur_login";

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
pub(super) struct LoginPage {
    p: Page,
    next: String,
    next_enc: String,
    email: String,
    errors: Errors,
    oidc: bool,
    /// Why a sign-in through the organisation's login (or the code step) did not succeed.
    pub(super) problem: Option<String>,
}

pub(super) fn anonymous(lang: Lang, title: &str, path: &str, csrf: String) -> Page {
    Page {
        lang,
        title: t(lang, title, &[]),
        path: path.into(),
        user: None,
        csrf,
        body: None,
        section: "login",
        notice: None,
        drafts_nav: false,
    }
}

pub(super) fn login_page(
    s: &AppState,
    headers: &HeaderMap,
    next: &str,
    email: &str,
    errors: Errors,
) -> (LoginPage, String) {
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
        oidc: s.oidc.is_some(),
        problem: None,
    };
    (page, token)
}

pub(super) fn login_cookie(s: &AppState, token: &str) -> String {
    let attrs = "Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600";
    auth::set_cookie(s, LOGIN_COOKIE, token, attrs)
}

pub async fn login_form(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Next>,
) -> Result<Response, PageError> {
    let next = local_path(q.next.as_deref());
    let (page, token) = login_page(&s, &headers, &next, "", Errors::default());
    Ok((
        [(header::SET_COOKIE, login_cookie(&s, &token))],
        Html(page.render()?),
    )
        .into_response())
}

pub async fn login(
    State(s): State<AppState>,
    headers: HeaderMap,
    client: Client,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = FormData::parse(&body)?;
    let expected = auth::cookie_value(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !auth::same(f.get("csrf"), &expected) {
        return Err(ApiError::Csrf.into());
    }
    let next = local_path(Some(f.get("next")));
    let email = f.get("email");
    match auth::login(&s, email, f.get("password"), None, &client).await {
        Ok((_, cookie, _)) => {
            let set = auth::session_cookie(&s, &cookie, s.config.session_seconds);
            Ok(([(header::SET_COOKIE, set)], Redirect::to(&next)).into_response())
        }
        Err(ApiError::SecondFactorRequired) => {
            super::account::code_step(&s, &headers, email, &next, &expected).await
        }
        Err(e @ (ApiError::Unauthenticated | ApiError::TooManyAttempts { .. })) => {
            let lang = lang_of(&headers);
            let mut errors = Errors::default();
            let mut extra = HeaderMap::new();
            if let ApiError::TooManyAttempts { retry_after } = &e {
                let seconds = retry_after.to_string();
                errors.push(
                    "email",
                    t(lang, "ui-login-too-many", &[("seconds", &seconds)]),
                );
                extra.insert(header::RETRY_AFTER, (*retry_after).max(1).into());
            } else {
                errors.push("email", t(lang, "ui-login-failed", &[]));
            }
            let (page, _) = login_page(&s, &headers, &next, email, errors);
            Ok((e.meta().0, extra, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The sign-in in progress at the organisation's login, kept by the browser, sealed with the
/// deployment's key (HMAC). `Lax`, because the browser comes back from the provider's site.
const OIDC_COOKIE: &str = "grunnmur_oidc";

fn oidc_cookie(s: &AppState, value: &str, max_age: i64) -> String {
    let attrs = format!("Path=/login/oidc; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    auth::set_cookie(s, OIDC_COOKIE, value, &attrs)
}

/// The login page again, saying why the organisation's login did not sign the user in.
fn oidc_failed(
    s: &AppState,
    headers: &HeaderMap,
    next: &str,
    key: &str,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (mut page, token) = login_page(s, headers, next, "", Errors::default());
    page.problem = Some(t(page.p.lang, key, &[]));
    let cookies = AppendHeaders([
        (header::SET_COOKIE, login_cookie(s, &token)),
        (header::SET_COOKIE, oidc_cookie(s, "", 0)),
    ]);
    Ok((status, cookies, Html(page.render()?)).into_response())
}

/// Sends the browser to the organisation's login (OpenID Connect).
pub async fn oidc_begin(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Next>,
) -> Result<Response, PageError> {
    let Some(provider) = s.oidc.clone() else {
        return Err(ApiError::NotFound.into());
    };
    let next = local_path(q.next.as_deref());
    match provider.begin(&next).await {
        Ok((url, pending)) => {
            let cookie = oidc_cookie(&s, &provider.seal(&pending), 600);
            Ok(([(header::SET_COOKIE, cookie)], Redirect::to(&url)).into_response())
        }
        Err(e) => {
            tracing::warn!(error = %e, "OpenID Connect: starting a sign-in failed");
            oidc_failed(
                &s,
                &headers,
                &next,
                "ui-oidc-unavailable",
                StatusCode::BAD_GATEWAY,
            )
        }
    }
}

#[derive(Deserialize)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "login_continue.html")]
struct ContinuePage {
    p: Page,
    next: String,
}

/// Where the organisation's login sends the browser back.
pub async fn oidc_callback(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Callback>,
) -> Result<Response, PageError> {
    let Some(provider) = s.oidc.clone() else {
        return Err(ApiError::NotFound.into());
    };
    // Sealed by this deployment: a cookie changed or made elsewhere is no sign-in of ours.
    let pending = auth::cookie_value(&headers, OIDC_COOKIE).and_then(|v| provider.open(&v));
    let Some(pending) = pending else {
        return oidc_failed(
            &s,
            &headers,
            "/",
            "ui-oidc-expired",
            StatusCode::BAD_REQUEST,
        );
    };
    let next = local_path(Some(&pending.next));
    let fail = |key, status| oidc_failed(&s, &headers, &next, key, status);
    if let Some(error) = q.error {
        tracing::info!(%error, "OpenID Connect: the provider refused the sign-in");
        return fail("ui-oidc-refused", StatusCode::UNAUTHORIZED);
    }
    let (Some(code), Some(state)) = (q.code, q.state) else {
        return fail("ui-oidc-refused", StatusCode::BAD_REQUEST);
    };
    let identity = match provider.finish(&pending, &state, &code).await {
        Ok(i) => i,
        Err(e) => {
            tracing::warn!(error = %e, "OpenID Connect: a sign-in failed");
            use grunnmur_oidc::OidcError as E;
            return match e {
                E::State => fail("ui-oidc-expired", StatusCode::BAD_REQUEST),
                E::NoEmail => fail("ui-oidc-no-email", StatusCode::FORBIDDEN),
                E::Provider(_) | E::Config(_) => {
                    fail("ui-oidc-unavailable", StatusCode::BAD_GATEWAY)
                }
                E::Refused(_) | E::Token(_) => fail("ui-oidc-refused", StatusCode::UNAUTHORIZED),
            };
        }
    };
    let cookie = match auth::login_identity(&s, &identity).await {
        Ok((_, cookie, _)) => cookie,
        Err(ApiError::Forbidden) => {
            tracing::warn!(email = %identity.email, "OpenID Connect: not linked to the account with this address");
            return fail("ui-oidc-link-refused", StatusCode::FORBIDDEN);
        }
        Err(e) => return Err(e.into()),
    };
    // The session cookie is SameSite=Strict and this answer ends navigations another site
    // began, so a browser would not send it on a redirect from here: a page of ours moves on.
    let lang = lang_of(&headers);
    let mut p = anonymous(lang, "ui-oidc-continue-title", "/", String::new());
    p.section = "login";
    let cookies = AppendHeaders([
        (
            header::SET_COOKIE,
            auth::session_cookie(&s, &cookie, s.config.session_seconds),
        ),
        (header::SET_COOKIE, oidc_cookie(&s, "", 0)),
    ]);
    Ok((cookies, Html(ContinuePage { p, next }.render()?)).into_response())
}

pub async fn logout(
    State(s): State<AppState>,
    v: Viewer,
    client: Client,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    v.form(&body)?;
    s.store.delete_session(&v.id_hash).await?;
    security::signed_out(&s, &v.user.email, &client).await;
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
    let attrs = "Path=/; SameSite=Lax; Max-Age=31536000";
    let cookie = auth::set_cookie(&s, LANG_COOKIE, lang.code(), attrs);
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
    /// Platform administrators get a link to the platform's security events.
    platform_admin: bool,
    /// Supervisors (and platform administrators) get a link to the national picture.
    national: bool,
}

pub async fn bodies(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    let bodies = my_bodies(&s, &v).await?;
    html(BodiesPage {
        p: v.page("ui-bodies-title", "bodies"),
        bodies,
        platform_admin: v.user.platform_admin,
        national: v.user.platform_admin || s.store.supervisor(v.user.id).await?.is_some(),
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

/// The words of the field, each with an anchor other pages link to (`/glossary#baseline`).
pub const GLOSSARY: [&str; 24] = [
    "task",
    "info-type",
    "system",
    "cia",
    "level",
    "recommended",
    "adaptation",
    "selection",
    "cumulation",
    "measure",
    "baseline",
    "profile",
    "requirement",
    "activity",
    "evidence",
    "status",
    "deviation",
    "risk-assessment",
    "residual-risk",
    "group",
    "implementation",
    "declaration",
    "shared",
    "effective-status",
];

#[derive(Template)]
#[template(path = "glossary.html")]
struct GlossaryPage {
    p: Page,
    /// Anchor, term, explanation.
    terms: Vec<(&'static str, String, String)>,
}

/// Readable without signing in, like the catalog's words themselves.
pub async fn glossary(headers: HeaderMap) -> Result<Response, PageError> {
    let lang = lang_of(&headers);
    let mut p = anonymous(lang, "ui-gloss-title", "/glossary", String::new());
    p.section = "glossary";
    let terms = (GLOSSARY.iter())
        .map(|k| {
            let term = t(lang, &format!("ui-gloss-{k}"), &[]);
            (*k, term, t(lang, &format!("ui-gloss-{k}-text"), &[]))
        })
        .collect();
    html(GlossaryPage { p, terms })
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
