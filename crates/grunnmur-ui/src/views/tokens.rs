//! The signed-in user's own credentials: API tokens (create — shown once —, list, revoke) and
//! signing out everywhere, through the same operations as `/api/me/tokens`
//! (`grunnmur_web::credentials`).

use super::admin::timestamp;
use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use grunnmur_store::Role;
use grunnmur_web::credentials::{self, TokenInfo, TokenRequest};
use grunnmur_web::error::ApiError;
use grunnmur_web::{AppState, auth};

/// A token as a row of the page.
pub struct TokenLine {
    pub id: i64,
    pub name: String,
    pub scope: String,
    pub created: String,
    pub expires: String,
    pub used: String,
    pub state: String,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct AccountPage {
    p: Page,
    tokens: Vec<TokenLine>,
    /// A token just made: shown this once.
    created: Option<String>,
    name: String,
    days: String,
    body: Select,
    role: Select,
    errors: Errors,
    /// Platform administrators get a link to the platform's accounts.
    platform_admin: bool,
}

const ROLES: [Role; 3] = [Role::Reader, Role::Editor, Role::Admin];

fn role_name(lang: grunnmur_i18n::Lang, role: &str) -> String {
    t(lang, &format!("ui-role-{role}"), &[])
}

fn line(lang: grunnmur_i18n::Lang, zone: &str, tk: TokenInfo) -> TokenLine {
    let scope = match (&tk.body, &tk.role) {
        (Some(b), Some(r)) => {
            let role = role_name(lang, r);
            t(
                lang,
                "ui-tokens-scope-body",
                &[("body", b), ("role", &role)],
            )
        }
        _ => t(lang, "ui-tokens-scope-all", &[]),
    };
    TokenLine {
        id: tk.id,
        name: tk.name,
        scope,
        created: timestamp(zone, tk.created_at),
        expires: timestamp(zone, tk.expires_at),
        used: tk
            .last_used_at
            .map(|at| timestamp(zone, at))
            .unwrap_or_else(|| t(lang, "ui-tokens-never", &[])),
        state: t(lang, &format!("ui-tokens-state-{}", tk.state), &[]),
        active: tk.state == "active",
    }
}

/// The form's values as sent (or the defaults).
struct Form<'a> {
    name: &'a str,
    days: &'a str,
    body: &'a str,
    role: &'a str,
}

async fn account_page(
    s: &AppState,
    v: &Viewer,
    form: Form<'_>,
    created: Option<String>,
    errors: Errors,
) -> Result<AccountPage, PageError> {
    let lang = v.lang;
    let tokens = credentials::token_list(&*s.store, v.user.id)
        .await?
        .into_iter()
        .map(|tk| line(lang, &s.config.time_zone, tk))
        .collect();
    // The bodies a token may be limited to: the user's own (every body for a platform admin).
    let mine: std::collections::HashMap<String, Role> =
        s.store.memberships(v.user.id).await?.into_iter().collect();
    let mut bodies = vec![(String::new(), t(lang, "ui-tokens-body-all", &[]))];
    for b in s.store.bodies().await? {
        if v.user.platform_admin || mine.contains_key(&b.orgnr) {
            let label = format!("{} ({})", b.name, b.orgnr);
            bodies.push((b.orgnr, label));
        }
    }
    let mut body = Select::new(
        "body",
        t(lang, "ui-tokens-field-body", &[]),
        bodies,
        form.body,
    );
    body.error = errors.of("body").map(String::from);
    let roles = ROLES
        .iter()
        .map(|r| (r.as_str().to_string(), role_name(lang, r.as_str())))
        .collect();
    let mut role = Select::new(
        "role",
        t(lang, "ui-tokens-field-role", &[]),
        roles,
        form.role,
    );
    role.error = errors.of("role").map(String::from);
    Ok(AccountPage {
        p: v.page("ui-account-title", "tokens"),
        tokens,
        created,
        name: form.name.into(),
        days: form.days.into(),
        body,
        role,
        errors,
        platform_admin: v.user.platform_admin,
    })
}

const DEFAULTS: Form<'static> = Form {
    name: "",
    days: "90",
    body: "",
    role: "reader",
};

pub async fn show(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    html(account_page(&s, &v, DEFAULTS, None, Errors::default()).await?)
}

/// Creates a token and shows it, once, on the page (no redirect: it is not stored readable).
pub async fn create(
    State(s): State<AppState>,
    v: Viewer,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let form = Form {
        name: f.get("name"),
        days: f.get("days"),
        body: f.get("body"),
        role: f.get("role"),
    };
    let mut errors = Errors::default();
    let days = form.days.parse::<i64>().ok();
    let days = days.filter(|d| (1..=credentials::TOKEN_MAX_DAYS).contains(d));
    if days.is_none() {
        errors.push("days", t(v.lang, "ui-tokens-error-days", &[]));
    }
    if form.name.chars().count() > credentials::TOKEN_NAME_MAX {
        errors.push("name", t(v.lang, "ui-tokens-error-name", &[]));
    }
    let role = ROLES.iter().copied().find(|r| r.as_str() == form.role);
    let req = TokenRequest {
        name: form.name.into(),
        expires_in_days: days,
        body: f.opt("body"),
        role: f.opt("body").and(role),
    };
    if errors.is_empty() {
        match credentials::new_token(&*s.store, &v.user, &req, &v.actor()).await {
            Ok(out) => {
                let page = account_page(&s, &v, DEFAULTS, Some(out.token), errors).await?;
                return html(page);
            }
            Err(ApiError::Refused(_)) => {
                errors.push("role", t(v.lang, "ui-tokens-error-role", &[]));
            }
            Err(ApiError::NotFound) => {
                errors.push("body", t(v.lang, "ui-tokens-error-body", &[]));
            }
            Err(e) => return Err(e.into()),
        }
    }
    html_invalid(account_page(&s, &v, form, None, errors).await?)
}

pub async fn revoke(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    v.form(&body)?;
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    s.store
        .revoke_token(id, Some(v.user.id), &v.actor())
        .await?;
    Ok(saved("/account/tokens"))
}

/// Signs out everywhere: every session of the user ends, this one too.
pub async fn end_sessions(
    State(s): State<AppState>,
    v: Viewer,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    v.form(&body)?;
    s.store.end_sessions(v.user.id, &v.actor()).await?;
    let clear = auth::session_cookie(&s, "", 0);
    Ok(([(header::SET_COOKIE, clear)], Redirect::to("/login")).into_response())
}
