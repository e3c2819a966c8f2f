//! Signed baseline attestations on the pages (rule 18): a body's attestations with their state,
//! issued (the whole body or chosen systems, 1–36 months) and revoked with a reason by its
//! administrators, downloaded as `.jws`; and the public page where anyone pastes or uploads an
//! attestation and reads what it says and whether it holds — the API's own operations.

use super::Select;
use super::session::anonymous;
use crate::page::*;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use grunnmur_attest::Scope;
use grunnmur_i18n::t;
use grunnmur_store::Role;
use grunnmur_web::AppState;
use grunnmur_web::attest_api::{self, MAX_MONTHS};
use grunnmur_web::error::ApiError;

pub struct Line {
    pub id: String,
    pub scope: String,
    pub valid_until: String,
    pub issued: String,
    /// The state in words: valid, expired, revoked (with when and why).
    pub state: String,
    pub revoked: bool,
    pub href: String,
}

#[derive(Template)]
#[template(path = "attestations.html")]
struct ListPage {
    p: Page,
    lines: Vec<Line>,
    /// The systems to choose from: id, name, chosen.
    systems: Vec<(String, String, bool)>,
    months: Select,
    errors: Errors,
    /// Where to verify: the public page and the keys.
    can_issue: bool,
}

fn scope_words(lang: grunnmur_i18n::Lang, b: &BodyView, scope: &str) -> String {
    match serde_json::from_str::<Scope>(scope) {
        Ok(Scope::Systems(ids)) => {
            let names: Vec<String> = (ids.iter())
                .map(|id| {
                    let s = b.derived.ws.systems.iter().find(|s| &s.id == id);
                    s.map_or(id.clone(), |s| format!("{} ({id})", s.name))
                })
                .collect();
            t(
                lang,
                "cli-attest-scope-systems",
                &[("systems", &names.join(", "))],
            )
        }
        _ => t(lang, "cli-attest-scope-body", &[]),
    }
}

async fn list_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    chosen: &[String],
    months: &str,
    errors: Errors,
) -> Result<ListPage, PageError> {
    let lang = v.lang;
    let zone = s.config.time_zone.as_str();
    let today = b.derived.today.to_string();
    let lines = (s.store.attestations(&b.row.orgnr).await?.into_iter())
        .map(|r| {
            let state = match (&r.revoked_at, &r.reason) {
                (Some(at), reason) => t(
                    lang,
                    "ui-attest-state-revoked",
                    &[
                        ("at", &super::admin::timestamp(zone, *at)),
                        ("reason", reason.as_deref().unwrap_or_default()),
                    ],
                ),
                _ if r.valid_until < today => t(lang, "ui-attest-state-expired", &[]),
                _ => t(lang, "ui-attest-state-valid", &[]),
            };
            Line {
                scope: scope_words(lang, b, &r.scope),
                issued: format!(
                    "{} · {}",
                    r.issued_by,
                    super::admin::timestamp(zone, r.issued_at)
                ),
                href: format!("/b/{}/attestations/{}.jws", b.row.orgnr, r.id),
                revoked: r.revoked_at.is_some(),
                valid_until: r.valid_until,
                state,
                id: r.id,
            }
        })
        .collect();
    let systems = (b.derived.ws.systems.iter())
        .map(|x| (x.id.clone(), x.name.clone(), chosen.contains(&x.id)))
        .collect();
    let options = [1, 3, 6, 12, 24, 36]
        .iter()
        .map(|n| {
            let label = t(lang, "ui-attest-months-n", &[("n", &n.to_string())]);
            (n.to_string(), label)
        })
        .collect();
    let mut months = Select::new("months", t(lang, "ui-attest-months", &[]), options, months);
    months.error = errors.of("months").map(String::from);
    Ok(ListPage {
        p: v.body_page(b, "ui-attest-title", "attestations"),
        lines,
        systems,
        months,
        errors,
        can_issue: b.role >= Role::Admin && s.attest_key.is_some(),
    })
}

/// `GET /b/{orgnr}/attestations`.
pub async fn list(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    html(list_page(&s, &v, &b, &[], "12", Errors::default()).await?)
}

/// `POST /b/{orgnr}/attestations`: issues one; back to the list with it first.
pub async fn issue(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let systems = f.all("system");
    let months_text = f.get("months").to_string();
    let months = months_text.parse::<u32>().unwrap_or(0);
    let scope = if systems.is_empty() {
        Scope::Body
    } else {
        Scope::Systems(systems.clone())
    };
    let refused = |field: &str, code: &str| {
        let mut e = Errors::default();
        e.push(field, t(v.lang, &format!("account-{code}"), &[]));
        e
    };
    let errors = if !(1..=MAX_MONTHS).contains(&months) {
        refused("months", "attest-months")
    } else {
        match attest_api::issue(&s, &orgnr, &v.actor(), scope, months).await {
            Ok(_) => return Ok(saved(&format!("/b/{orgnr}/attestations#issued"))),
            Err(ApiError::InvalidField { field, code }) => refused(&field, code),
            Err(e) => return Err(e.into()),
        }
    };
    html_invalid(list_page(&s, &v, &b, &systems, &months_text, errors).await?)
}

/// `POST /b/{orgnr}/attestations/{id}/revoke`.
pub async fn revoke(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let reason = f.get("reason").trim().to_string();
    if reason.is_empty() {
        return Err(ApiError::InvalidField {
            field: "reason".into(),
            code: "attest-reason",
        }
        .into());
    }
    s.store
        .revoke_attestation(&orgnr, &id, &reason, &v.actor())
        .await?;
    Ok(saved(&format!("/b/{orgnr}/attestations#a-{id}")))
}

/// `GET /b/{orgnr}/attestations/{file}` (`ID.jws`): the token as a file.
pub async fn download(
    State(s): State<AppState>,
    BodyPage { orgnr, .. }: BodyPage<Reader>,
    Path((_, file)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = file.strip_suffix(".jws").ok_or(ApiError::NotFound)?;
    let rows = s.store.attestations(&orgnr).await?;
    let row = rows
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(ApiError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/jwt".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"attestation-{orgnr}-{id}.jws\""),
            ),
        ],
        row.token,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "verify.html")]
struct VerifyPage {
    p: Page,
    token: String,
    /// After a check: whether it holds, and its lines in words.
    checked: bool,
    holds: bool,
    lines: Vec<String>,
    errors: Errors,
}

fn verify_page(
    headers: &HeaderMap,
    token: String,
    result: Option<(bool, Vec<String>)>,
) -> VerifyPage {
    let lang = lang_of(headers);
    let mut p = anonymous(lang, "ui-verify-title", "/verify", String::new());
    p.section = "verify";
    let (checked, holds, lines) = match result {
        Some((h, l)) => (true, h, l),
        None => (false, false, Vec::new()),
    };
    VerifyPage {
        p,
        token,
        checked,
        holds,
        lines,
        errors: Errors::default(),
    }
}

/// `GET /verify`: the public verification page.
pub async fn verify_form(headers: HeaderMap) -> Result<Response, PageError> {
    html(verify_page(&headers, String::new(), None))
}

/// `POST /verify`: a pasted or uploaded attestation, checked against this server's keys and
/// revocation list. Nothing is stored.
pub async fn verify(
    State(s): State<AppState>,
    headers: HeaderMap,
    mut form: Multipart,
) -> Result<Response, PageError> {
    let lang = lang_of(&headers);
    let max = grunnmur_attest::MAX_TOKEN;
    let mut token = String::new();
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|_| ApiError::BadRequest("token".into()))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field
            .bytes()
            .await
            .map_err(|_| ApiError::BadRequest("token".into()))?;
        if bytes.len() > max {
            return Err(ApiError::TooLarge.into());
        }
        let text = String::from_utf8_lossy(&bytes).trim().to_string();
        if (name == "token" || name == "file") && !text.is_empty() {
            token = text;
        }
    }
    if token.is_empty() {
        let mut page = verify_page(&headers, token, None);
        page.errors.push("token", t(lang, "ui-verify-empty", &[]));
        return html_invalid(page);
    }
    let result = match attest_api::check(&s, &token).await? {
        Ok(v) => (true, attest_api::summary(lang, &v.attestation, &v.kid)),
        Err(e) => (false, vec![attest_api::why(lang, &e)]),
    };
    let shown: String = token.chars().take(20_000).collect();
    html(verify_page(&headers, shown, Some(result)))
}
