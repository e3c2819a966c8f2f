//! The reader's own account — changing the password, the second factor (TOTP) — the sign-in's
//! code step, and the pages behind the one-time links an administrator hands over: a new
//! password, an invitation to a body. The operations are `grunnmur_web::password`'s, as the API's.

use super::session::{LOGIN_COOKIE, anonymous, login_page};
use crate::page::*;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::LinkRow;
use grunnmur_web::error::{ApiError, field_problem};
use grunnmur_web::{AppState, auth, password};

/// A refused field as the form's problem; anything else is an error page.
fn field_errors(lang: Lang, e: ApiError) -> Result<Errors, PageError> {
    match e {
        ApiError::InvalidField { field, code } => {
            let mut errors = Errors::default();
            errors.push(&field, field_problem(lang, &field, code).message);
            Ok(errors)
        }
        other => Err(other.into()),
    }
}

#[derive(Template)]
#[template(path = "account_password.html")]
struct PasswordPage {
    p: Page,
    forced: bool,
    errors: Errors,
}

pub async fn password_form(v: Viewer) -> Result<Response, PageError> {
    let page = PasswordPage {
        p: v.page("account-password-title", "account"),
        forced: v.user.must_change_password,
        errors: Errors::default(),
    };
    html(page)
}

pub async fn change_password(
    State(s): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    match password::change(&s, &v.user, f.get_raw("current"), f.get_raw("new")).await {
        // On to the next gate (a platform administrator's second factor), if any.
        Ok(()) => {
            let user = s.store.user(v.user.id).await?.ok_or(ApiError::NotFound)?;
            let to = match password::gate(&user, true) {
                Some(g) => g.page(),
                None if v.user.must_change_password => "/",
                None => "/account/password",
            };
            Ok(saved(to))
        }
        Err(e) => {
            let page = PasswordPage {
                p: v.page("account-password-title", "account"),
                forced: v.user.must_change_password,
                errors: field_errors(v.lang, e)?,
            };
            html_invalid(page)
        }
    }
}

#[derive(Template)]
#[template(path = "account_totp.html")]
struct TotpPage {
    p: Page,
    /// Required and not on yet (a platform administrator).
    required: bool,
    /// Signs in through OpenID Connect only: nothing to set up here.
    oidc: bool,
    on: bool,
    left: i64,
    /// An enrolment in progress: the secret and its URI.
    pending: Option<(String, String)>,
    /// Just turned on: the recovery codes, shown once.
    codes: Vec<String>,
    errors: Errors,
}

async fn totp_page(s: &AppState, v: &Viewer, errors: Errors) -> Result<TotpPage, PageError> {
    let user = s.store.user(v.user.id).await?.ok_or(ApiError::NotFound)?;
    let on = user.totp_secret.is_some();
    let left = if on {
        s.store.recovery_codes_left(user.id).await?
    } else {
        0
    };
    let pending = user.totp_pending.as_deref().filter(|_| !on).map(|secret| {
        (
            secret.to_string(),
            grunnmur_web::totp::uri(secret, &user.email),
        )
    });
    Ok(TotpPage {
        p: v.page("account-totp-title", "account"),
        required: password::gate(&user, true).is_some(),
        oidc: user.password_hash.is_none(),
        on,
        left,
        pending,
        codes: Vec::new(),
        errors,
    })
}

pub async fn totp(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    html(totp_page(&s, &v, Errors::default()).await?)
}

pub async fn totp_begin(
    State(s): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, PageError> {
    v.form(&body)?;
    password::begin_totp(&s, &v.user).await?;
    Ok(Redirect::to("/account/totp").into_response())
}

pub async fn totp_confirm(
    State(s): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    match password::confirm_totp(&s, &v.user, f.get("code")).await {
        Ok(codes) => {
            let mut page = totp_page(&s, &v, Errors::default()).await?;
            page.codes = codes;
            html(page)
        }
        Err(e) => html_invalid(totp_page(&s, &v, field_errors(v.lang, e)?).await?),
    }
}

pub async fn totp_disable(
    State(s): State<AppState>,
    v: Viewer,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let r = password::disable_totp(&s, &v.user, f.get_raw("password"), f.get("code")).await;
    match r {
        Ok(()) => Ok(saved("/account/totp")),
        Err(e) => html_invalid(totp_page(&s, &v, field_errors(v.lang, e)?).await?),
    }
}

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    p: Page,
    next: String,
    challenge: String,
    errors: Errors,
}

/// After a right password for an account with the second factor: the form asking for the code,
/// carrying a challenge (and the login form's CSRF token).
pub async fn code_step(
    s: &AppState,
    headers: &HeaderMap,
    email: &str,
    next: &str,
    csrf: &str,
) -> Result<Response, PageError> {
    let challenge = auth::challenge(s, email).await?;
    let lang = lang_of(headers);
    let page = CodePage {
        p: anonymous(lang, "account-login-code-title", "/login", csrf.into()),
        next: next.into(),
        challenge,
        errors: Errors::default(),
    };
    html(page)
}

pub async fn login_code(
    State(s): State<AppState>,
    headers: HeaderMap,
    client: grunnmur_web::security::Client,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = FormData::parse(&body)?;
    let expected = auth::cookie_value(&headers, LOGIN_COOKIE).unwrap_or_default();
    if expected.is_empty() || !auth::same(f.get("csrf"), &expected) {
        return Err(ApiError::Csrf.into());
    }
    let lang = lang_of(&headers);
    let next = local_path(Some(f.get("next")));
    match auth::login_second_step(&s, f.get("challenge"), f.get("code"), &client).await {
        Ok((_, cookie, _)) => {
            let set = auth::session_cookie(&s, &cookie, s.config.session_seconds);
            Ok(([(header::SET_COOKIE, set)], Redirect::to(&next)).into_response())
        }
        Err(e @ ApiError::InvalidField { .. }) => {
            let page = CodePage {
                p: anonymous(lang, "account-login-code-title", "/login", expected),
                next,
                challenge: f.get("challenge").into(),
                errors: field_errors(lang, e)?,
            };
            html_invalid(page)
        }
        Err(e @ (ApiError::Unauthenticated | ApiError::TooManyAttempts { .. })) => {
            let key = if matches!(e, ApiError::TooManyAttempts { .. }) {
                "ui-login-too-many"
            } else {
                "account-login-code-expired"
            };
            let (mut page, _) = login_page(&s, &headers, &next, "", Errors::default());
            page.problem = Some(t(lang, key, &[]));
            Ok((e.meta().0, Html(page.render()?)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A live link of the kind, or the page saying it is spent (410).
async fn live_link(s: &AppState, token: &str, kind: &str) -> Result<Option<LinkRow>, PageError> {
    let link = s.store.link(&auth::sha256_hex(token)).await?;
    Ok(link.filter(|l| l.kind == kind))
}

#[derive(Template)]
#[template(path = "link_invalid.html")]
struct InvalidLinkPage {
    p: Page,
}

fn invalid_link(lang: Lang, path: &str) -> Result<Response, PageError> {
    let page = InvalidLinkPage {
        p: anonymous(lang, "account-link-invalid", path, String::new()),
    };
    Ok((StatusCode::GONE, Html(page.render()?)).into_response())
}

#[derive(Template)]
#[template(path = "link_reset.html")]
struct ResetPage {
    p: Page,
    email: String,
    errors: Errors,
}

pub async fn reset_form(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let lang = lang_of(&headers);
    let path = format!("/reset/{token}");
    let Some(link) = live_link(&s, &token, "reset").await? else {
        return invalid_link(lang, &path);
    };
    let page = ResetPage {
        p: anonymous(lang, "account-reset-title", &path, String::new()),
        email: link.email,
        errors: Errors::default(),
    };
    html(page)
}

/// Sets the new password. The link's token is the proof: no session and no CSRF token are
/// involved (a cross-site page cannot know the token).
pub async fn reset(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let lang = lang_of(&headers);
    let path = format!("/reset/{token}");
    let Some(link) = live_link(&s, &token, "reset").await? else {
        return invalid_link(lang, &path);
    };
    let f = FormData::parse(&body)?;
    let hash = match password::hash_new("new", f.get_raw("new")) {
        Ok(h) => h,
        Err(e) => {
            let page = ResetPage {
                p: anonymous(lang, "account-reset-title", &path, String::new()),
                email: link.email,
                errors: field_errors(lang, e)?,
            };
            return html_invalid(page);
        }
    };
    match s
        .store
        .use_reset_link(&auth::sha256_hex(&token), &hash)
        .await
    {
        Ok(_) => {
            let clear = auth::session_cookie(&s, "", 0);
            let to = "/login?reset=1";
            Ok(([(header::SET_COOKIE, clear)], Redirect::to(to)).into_response())
        }
        Err(grunnmur_store::StoreError::NotFound(_)) => invalid_link(lang, &path),
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "link_invite.html")]
struct InvitePage {
    p: Page,
    intro: String,
    body_name: String,
    /// The signed-in reader: the invited account, or another one.
    signed_in: Option<String>,
    matches: bool,
    email: String,
    /// The login page, coming back here.
    login_href: String,
    errors: Errors,
}

async fn invite_page(
    s: &AppState,
    headers: &HeaderMap,
    token: &str,
    link: &LinkRow,
    errors: Errors,
) -> Result<InvitePage, PageError> {
    let lang = lang_of(headers);
    let path = format!("/invite/{token}");
    let orgnr = link.orgnr.clone().unwrap_or_default();
    let body_name = match s.store.body(&orgnr).await? {
        Some(b) => b.name,
        None => orgnr,
    };
    let role = t(
        lang,
        &format!("ui-role-{}", link.role.as_deref().unwrap_or("reader")),
        &[],
    );
    let session = auth::session_user(s, headers).await?;
    let (signed_in, csrf) = match session {
        Some((u, _, csrf)) => (Some(u.email), csrf),
        None => (None, String::new()),
    };
    let args = [
        ("email", link.email.as_str()),
        ("body", body_name.as_str()),
        ("role", role.as_str()),
    ];
    let mut p = anonymous(lang, "account-invite-title", &path, csrf);
    p.title = t(lang, "account-invite-title", &args);
    Ok(InvitePage {
        p,
        intro: t(lang, "account-invite-intro", &args),
        matches: signed_in.as_deref() == Some(link.email.as_str()),
        signed_in,
        email: link.email.clone(),
        body_name,
        login_href: format!("/login?next={}", enc(&path)),
        errors,
    })
}

pub async fn invite_form(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let Some(link) = live_link(&s, &token, "invite").await? else {
        return invalid_link(lang_of(&headers), &format!("/invite/{token}"));
    };
    html(invite_page(&s, &headers, &token, &link, Errors::default()).await?)
}

/// Accepts an invitation: the invited account, signed in (its session's CSRF token checked), or
/// a new account with the password chosen here.
pub async fn invite_accept(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(token): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let lang = lang_of(&headers);
    let Some(link) = live_link(&s, &token, "invite").await? else {
        return invalid_link(lang, &format!("/invite/{token}"));
    };
    let f = FormData::parse(&body)?;
    let hash_token = auth::sha256_hex(&token);
    let signed_in = auth::session_user(&s, &headers).await?;
    let r = match &signed_in {
        Some((user, _, csrf)) => {
            if !auth::same(f.get("csrf"), csrf) {
                return Err(ApiError::Csrf.into());
            }
            s.store
                .accept_invitation(&hash_token, None, Some(user.id))
                .await
        }
        None => {
            let hash = match password::hash_new("new", f.get_raw("new")) {
                Ok(h) => h,
                Err(e) => {
                    let errors = field_errors(lang, e)?;
                    return html_invalid(invite_page(&s, &headers, &token, &link, errors).await?);
                }
            };
            s.store
                .accept_invitation(&hash_token, Some(&hash), None)
                .await
        }
    };
    match r {
        Ok(_) if signed_in.is_some() => {
            let orgnr = link.orgnr.unwrap_or_default();
            Ok(Redirect::to(&format!("/b/{orgnr}")).into_response())
        }
        Ok(_) => Ok(Redirect::to("/login?invited=1").into_response()),
        Err(grunnmur_store::StoreError::Refused(_)) => {
            let mut errors = Errors::default();
            errors.push("new", t(lang, "account-invite-exists", &[]));
            html_invalid(invite_page(&s, &headers, &token, &link, errors).await?)
        }
        Err(grunnmur_store::StoreError::NotFound(_)) => {
            invalid_link(lang, &format!("/invite/{token}"))
        }
        Err(e) => Err(e.into()),
    }
}
