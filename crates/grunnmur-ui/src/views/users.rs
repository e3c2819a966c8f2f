//! The platform's accounts, for platform administrators, with their platform roles (a catalog
//! editor's owners by name): disable one (no sign-in; its sessions and tokens stop at once) or
//! enable it again, through `grunnmur_web::credentials` as `PATCH /api/platform/users/{email}`
//! and `grunnmur user disable|enable` do.

use super::admin::timestamp;
use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::State;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::{credentials, release_api};

pub struct UserLine {
    pub email: String,
    pub state: String,
    pub disabled: bool,
    pub platform_admin: bool,
    /// A catalog editor's owners by name (empty: every owner's); `None`: not a catalog editor.
    pub catalog_owners: Option<Vec<Shown>>,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    p: Page,
    users: Vec<UserLine>,
    errors: Errors,
}

async fn users_page(s: &AppState, v: &Viewer, errors: Errors) -> Result<UsersPage, PageError> {
    let lang = v.lang;
    let owners = release_api::known_owners(s).await?;
    let mut editor_owners = s.store.catalog_editor_owners().await?;
    // An owner no release names any more is shown by its id.
    let name = |id: &String| match owners.get(id) {
        Some(o) => Shown::of_doc(&o.name, lang),
        None => Shown::plain(id, lang),
    };
    let users = s
        .store
        .users()
        .await?
        .into_iter()
        .map(|u| UserLine {
            platform_admin: u.platform_admin,
            catalog_owners: u.catalog_editor.then(|| {
                let ids = editor_owners.remove(&u.id).unwrap_or_default();
                ids.iter().map(name).collect()
            }),
            state: match u.disabled_at {
                Some(at) => t(
                    lang,
                    "ui-users-disabled",
                    &[("at", &timestamp(&s.config.time_zone, at))],
                ),
                None => t(lang, "ui-users-active", &[]),
            },
            disabled: u.disabled_at.is_some(),
            email: u.email,
        })
        .collect();
    Ok(UsersPage {
        p: v.page("ui-users-title", "users"),
        users,
        errors,
    })
}

fn platform_admin(v: &Viewer) -> Result<(), PageError> {
    if v.user.platform_admin {
        Ok(())
    } else {
        Err(ApiError::Forbidden.into())
    }
}

pub async fn list(State(s): State<AppState>, v: Viewer) -> Result<Response, PageError> {
    platform_admin(&v)?;
    html(users_page(&s, &v, Errors::default()).await?)
}

async fn set(s: AppState, v: Viewer, body: &[u8], disabled: bool) -> Result<Response, PageError> {
    let f = v.form(body)?;
    platform_admin(&v)?;
    let email = f.get("email").to_lowercase();
    match credentials::disable_user(&*s.store, &email, disabled, Some(v.user.id), &v.actor()).await
    {
        Ok(_) => Ok(saved("/platform/users")),
        Err(ApiError::Refused(key)) => {
            let mut errors = Errors::default();
            errors.push("users", t(v.lang, key, &[]));
            html_invalid(users_page(&s, &v, errors).await?)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn disable(
    State(s): State<AppState>,
    v: Viewer,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    set(s, v, &body, true).await
}

pub async fn enable(
    State(s): State<AppState>,
    v: Viewer,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    set(s, v, &body, false).await
}
