//! Body settings (selection mode, sectors, cumulation threshold), members and roles, and the
//! body's audit log.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use grunnmur_core::catalog::Applicability;
use grunnmur_core::workspace::SelectionMode;
use grunnmur_store::Role;
use grunnmur_web::AppState;
use grunnmur_web::error::field_problem;
use grunnmur_web::{ops, password};
use std::collections::BTreeSet;

pub struct SectorChoice {
    pub id: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    p: Page,
    facts: Vec<(String, String)>,
    selection: Select,
    sectors: Vec<SectorChoice>,
    threshold: String,
    review_months: String,
    errors: Errors,
}

/// The settings form's numbers as typed: the cumulation threshold and the review interval.
struct Numbers<'a> {
    threshold: &'a str,
    review_months: &'a str,
}

fn settings_page(
    v: &Viewer,
    b: &BodyView,
    selection: &str,
    sectors: &[String],
    n: Numbers,
    errors: Errors,
) -> SettingsPage {
    let lang = v.lang;
    let cat = &b.derived.catalog.catalog;
    let org = &b.derived.ws.org;
    // Every sector a profile or task in the catalog applies to, and any the body already has.
    let mut known: BTreeSet<String> = cat
        .profiles
        .iter()
        .flat_map(|p| p.applies_to.iter())
        .chain(cat.tasks.iter().flat_map(|t| t.applies_to.iter()))
        .filter_map(|a| match a {
            Applicability::Sector(x) => Some(x.clone()),
            _ => None,
        })
        .collect();
    known.extend(sectors.iter().cloned());
    let profiles: Vec<String> = b
        .derived
        .assessment
        .plan
        .profiles
        .iter()
        .map(|p| cat.profiles[*p as usize].name.get(lang.code()).to_string())
        .collect();
    let facts = vec![
        (t(lang, "report-fact-org", &[]), org.name.clone()),
        (t(lang, "report-fact-orgnr", &[]), org.orgnr.clone()),
        (
            t(lang, "report-fact-kind", &[]),
            t(lang, &format!("report-orgkind-{}", org.kind.as_str()), &[]),
        ),
        (t(lang, "report-fact-profiles", &[]), profiles.join(", ")),
        (
            t(lang, "report-fact-catalog", &[]),
            format!("{} {}", b.row.catalog_id, b.row.catalog_version),
        ),
    ];
    let modes = [SelectionMode::PerDimension, SelectionMode::HighWaterMark]
        .iter()
        .map(|m| {
            (
                m.as_str().to_string(),
                t(lang, &format!("ui-selection-{}", m.as_str()), &[]),
            )
        })
        .collect();
    let mut sel = Select::new(
        "selection",
        t(lang, "ui-field-selection", &[]),
        modes,
        selection,
    );
    sel.hint = t(lang, "ui-hint-selection", &[]);
    SettingsPage {
        p: v.body_page(b, "ui-settings-title", "settings"),
        facts,
        selection: sel,
        sectors: known
            .into_iter()
            .map(|id| SectorChoice {
                checked: sectors.contains(&id),
                id,
            })
            .collect(),
        threshold: n.threshold.into(),
        review_months: n.review_months.into(),
        errors,
    }
}

pub async fn settings(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    let org = &b.derived.ws.org;
    let page = settings_page(
        &v,
        &b,
        org.selection.as_str(),
        &org.sectors.clone(),
        Numbers {
            threshold: &org.cumulation_threshold.to_string(),
            review_months: &b.derived.doc.org.review_months.to_string(),
        },
        Errors::default(),
    );
    html(page)
}

pub async fn save_settings(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let selection = match f.get("selection") {
        "high-water-mark" => SelectionMode::HighWaterMark,
        _ => SelectionMode::PerDimension,
    };
    let sectors = f.all("sector");
    let threshold_text = f.get("threshold").to_string();
    let mut errors = Errors::default();
    let threshold = threshold_text.parse::<u32>().ok().filter(|n| *n >= 1);
    if threshold.is_none() {
        errors.push("threshold", t(v.lang, "ui-settings-threshold-invalid", &[]));
    }
    let review_text = f.get("review_months").to_string();
    let max = grunnmur_catalog::body::MAX_REVIEW_MONTHS;
    let review = (review_text.parse::<u32>().ok()).filter(|n| (1..=max).contains(n));
    if review.is_none() {
        let max = max.to_string();
        errors.push(
            "review_months",
            t(v.lang, "ui-settings-review-invalid", &[("max", &max)]),
        );
    }
    let numbers = || Numbers {
        threshold: &threshold_text,
        review_months: &review_text,
    };
    let (Some(threshold), Some(review)) = (threshold, review) else {
        let page = settings_page(&v, &b, f.get("selection"), &sectors, numbers(), errors);
        return html_invalid(page);
    };
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "settings.set", |doc| {
        doc.org.selection = selection;
        doc.org.sectors = sectors.clone();
        doc.org.cumulation_threshold = threshold;
        doc.org.review_months = review;
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/settings"))),
        Err(e) => {
            let errors = problems(v.lang, e, "threshold")?;
            let page = settings_page(&v, &b, f.get("selection"), &sectors, numbers(), errors);
            html_invalid(page)
        }
    }
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    p: Page,
    members: Vec<(String, String)>,
    /// Open invitations: address, role, when the link expires.
    invitations: Vec<(String, String, String)>,
    /// A link just made, to hand over: what it is, and the link.
    link: Option<(String, String)>,
    email: String,
    role: Select,
    errors: Errors,
}

const ROLES: [Role; 3] = [Role::Reader, Role::Editor, Role::Admin];

async fn members_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    email: &str,
    role: &str,
    errors: Errors,
) -> Result<MembersPage, PageError> {
    let lang = v.lang;
    let members = s
        .store
        .members(&b.row.orgnr)
        .await?
        .into_iter()
        .map(|(e, r)| (e, t(lang, &format!("ui-role-{}", r.as_str()), &[])))
        .collect();
    let invitations = s
        .store
        .invitations(&b.row.orgnr)
        .await?
        .into_iter()
        .map(|l| {
            let role = t(
                lang,
                &format!("ui-role-{}", l.role.unwrap_or_default()),
                &[],
            );
            (l.email, role, timestamp(&s.config.time_zone, l.expires_at))
        })
        .collect();
    let opts = ROLES
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                t(lang, &format!("ui-role-{}", r.as_str()), &[]),
            )
        })
        .collect();
    Ok(MembersPage {
        p: v.body_page(b, "ui-members-title", "members"),
        members,
        invitations,
        link: None,
        email: email.into(),
        role: Select::new("role", t(lang, "ui-col-role", &[]), opts, role),
        errors,
    })
}

pub async fn members(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Admin>,
) -> Result<Response, PageError> {
    html(members_page(&s, &v, &b, "", "reader", Errors::default()).await?)
}

pub async fn grant(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let email = f.get("email").to_lowercase();
    let role = ROLES.iter().copied().find(|r| r.as_str() == f.get("role"));
    let mut errors = Errors::default();
    if !password::plausible_email(&email) {
        let code = "email-invalid";
        errors.push("email", field_problem(v.lang, "email", code).message);
    }
    if role.is_none() {
        errors.push("role", t(v.lang, "ui-members-role-invalid", &[]));
    }
    let (Some(role), true) = (role, errors.is_empty()) else {
        return html_invalid(members_page(&s, &v, &b, &email, f.get("role"), errors).await?);
    };
    // An invitation whether or not the address has an account: the page says the same either
    // way, so it does not reveal who has one.
    let path = password::invite(&s, &v.actor(), &orgnr, &email, role).await?;
    let mut page = members_page(&s, &v, &b, "", "reader", Errors::default()).await?;
    let what = t(v.lang, "account-invited", &[("email", &email)]);
    page.link = Some((what, password::link_url(&s, &path)));
    html(page)
}

/// A one-time link that lets a member choose a new password (shown once, to hand over).
pub async fn reset_password(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let email = f.get("email").to_lowercase();
    let path = password::reset_link(&s, &v.caller(), &orgnr, &email).await?;
    let mut page = members_page(&s, &v, &b, "", "reader", Errors::default()).await?;
    let what = t(v.lang, "account-reset-created", &[("email", &email)]);
    page.link = Some((what, password::link_url(&s, &path)));
    html(page)
}

/// Removes a member; the body's last admin stays, and the page says why.
pub async fn remove_member(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let email = f.get("email").to_lowercase();
    let actor = v.actor();
    match grunnmur_web::credentials::remove_member_by_email(&*s.store, &orgnr, &email, &actor).await
    {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/members"))),
        Err(grunnmur_web::error::ApiError::Refused(_)) => {
            let mut errors = Errors::default();
            let why = t(v.lang, "ui-members-last-admin", &[("email", &email)]);
            errors.push("members", why);
            html_invalid(members_page(&s, &v, &b, "", "reader", errors).await?)
        }
        Err(e) => Err(e.into()),
    }
}

/// Seconds since the epoch as local time in the server's time zone (`--time-zone`, Europe/Oslo
/// by default): `YYYY-MM-DD hh:mm:ss CET`. A zone the time zone database does not know (the
/// server refuses one at start) shows UTC.
pub fn timestamp(zone: &str, at: i64) -> String {
    let local = jiff::tz::TimeZone::get(zone)
        .ok()
        .zip(jiff::Timestamp::from_second(at).ok())
        .map(|(tz, ts)| {
            ts.to_zoned_datetime(tz)
                .strftime("%Y-%m-%d %H:%M:%S %Z")
                .to_string()
        });
    local.unwrap_or_else(|| grunnmur_web::credentials::timestamp(at))
}

/// Whether the time zone database knows `zone` (an IANA name such as `Europe/Oslo`).
pub fn time_zone_known(zone: &str) -> bool {
    jiff::tz::TimeZone::get(zone).is_ok()
}

pub struct ReleaseChange {
    /// `+`, `−` or `~`, for the eye; the words say the same for a screen reader.
    pub mark: &'static str,
    pub id: String,
    pub what: String,
    pub levels: Vec<String>,
}

pub struct ReleaseSection {
    pub title: String,
    pub changes: Vec<ReleaseChange>,
}

pub struct OtherRelease {
    /// For element ids.
    pub slug: String,
    pub catalog_id: String,
    pub version: String,
    pub title: String,
    pub published: String,
    pub sections: Vec<ReleaseSection>,
    /// What moving would change for the body; `Err`: the workspace does not fit (in words).
    pub impact: Result<crate::views::impact::ImpactView, String>,
    /// A release published from a draft: it has a consultation record and release notes.
    pub record: bool,
    /// A draft in consultation (its id): read and commented on, not moved to.
    pub draft: Option<i64>,
}

#[derive(Template)]
#[template(path = "release.html")]
struct ReleasePage {
    p: Page,
    current: String,
    others: Vec<OtherRelease>,
    errors: Errors,
}

/// A version as part of an element id.
fn slug(version: &str) -> String {
    version
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// A catalog diff in the page's words, section by section.
fn release_sections(lang: Lang, diff: &grunnmur_catalog::diff::CatalogDiff) -> Vec<ReleaseSection> {
    let (added, removed, changed) = (
        t(lang, "cli-diff-added", &[]),
        t(lang, "cli-diff-removed", &[]),
        t(lang, "cli-diff-changed", &[]),
    );
    (diff.sections.iter())
        .map(|sd| {
            let entry = |mark, id: &String, what: &String| ReleaseChange {
                mark,
                id: id.clone(),
                what: what.clone(),
                levels: Vec::new(),
            };
            let mut changes: Vec<ReleaseChange> = Vec::new();
            changes.extend(sd.added.iter().map(|id| entry("+", id, &added)));
            changes.extend(sd.removed.iter().map(|id| entry("−", id, &removed)));
            changes.extend(sd.changed.iter().map(|c| {
                ReleaseChange {
                    mark: "~",
                    id: c.id.clone(),
                    what: format!("{changed}: {}", c.fields.join(", ")),
                    levels: (c.levels.iter())
                        .map(|l| format!("{}: {} → {}", l.field, l.from, l.to))
                        .collect(),
                }
            }));
            ReleaseSection {
                title: t(lang, &format!("ui-release-section-{}", sd.section), &[]),
                changes,
            }
        })
        .collect()
}

/// What moving to `version` (a release, or a draft in consultation) would change for the body,
/// in words; the workspace that does not fit it, as a count of problems.
async fn impact_in_words(
    s: &AppState,
    lang: Lang,
    orgnr: &str,
    before: &grunnmur_catalog::CheckedCatalog,
    after: &grunnmur_catalog::CheckedCatalog,
    version: &str,
) -> Result<Result<crate::views::impact::ImpactView, String>, PageError> {
    Ok(
        match grunnmur_web::release_api::impact_of(s, orgnr, version).await {
            Ok(i) => Ok(crate::views::impact::impact_view(
                lang,
                &before.catalog,
                &after.catalog,
                &i,
            )),
            Err(grunnmur_web::error::ApiError::Invalid(p)) => {
                let n = p.len().to_string();
                Err(t(lang, "ui-impact-misfit", &[("count", &n)]))
            }
            Err(e) => return Err(e.into()),
        },
    )
}

async fn release_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    errors: Errors,
) -> Result<ReleasePage, PageError> {
    let lang = v.lang;
    let orgnr = &b.row.orgnr;
    let view = grunnmur_web::release_api::body_release_view(s, orgnr).await?;
    let pinned = s.release(&view.catalog_id, &view.version).await?;
    let mut others = Vec::new();
    for o in view.others {
        let r = o.release;
        let after = s.release(&r.catalog_id, &r.version).await?;
        let impact = impact_in_words(s, lang, orgnr, &pinned, &after, &r.version).await?;
        let record = grunnmur_web::drafts::record(s, &r.catalog_id, &r.version).await?;
        others.push(OtherRelease {
            slug: slug(&r.version),
            title: t(lang, "ui-release-other", &[("version", &r.version)]),
            published: t(
                lang,
                "ui-release-published",
                &[
                    ("at", &timestamp(&s.config.time_zone, r.published_at)),
                    ("by", &r.published_by),
                ],
            ),
            sections: release_sections(lang, &o.diff),
            record: record.is_some(),
            draft: None,
            catalog_id: r.catalog_id,
            version: r.version,
            impact,
        });
    }
    // Drafts of the body's catalog in consultation: what each would change, and where to say so.
    for d in s.store.drafts().await? {
        if d.catalog_id != view.catalog_id
            || d.is_published()
            || !grunnmur_web::drafts::in_consultation(&d)
        {
            continue;
        }
        let draft = grunnmur_web::drafts::checked(s, &d).await?;
        let impact = impact_in_words(s, lang, orgnr, &pinned, &draft, &d.version).await?;
        let diff = grunnmur_catalog::diff::diff(&pinned.doc, &draft.doc);
        let closes = d.closes.clone().unwrap_or_default();
        let key = if grunnmur_web::drafts::open_for_comments(&d) {
            "ui-release-draft-open"
        } else {
            "ui-release-draft-closed"
        };
        others.push(OtherRelease {
            slug: format!("draft-{}", d.id),
            title: t(lang, "ui-release-draft", &[("version", &d.version)]),
            published: t(lang, key, &[("closes", &closes)]),
            sections: release_sections(lang, &diff),
            record: false,
            draft: Some(d.id),
            catalog_id: d.catalog_id,
            version: d.version,
            impact,
        });
    }
    Ok(ReleasePage {
        p: v.body_page(b, "ui-release-title", "settings"),
        current: t(
            lang,
            "ui-release-current",
            &[("id", &view.catalog_id), ("version", &view.version)],
        ),
        others,
        errors,
    })
}

pub async fn release(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    html(release_page(&s, &v, &b, Errors::default()).await?)
}

/// Moves the body to another release, if its workspace fits; the problems otherwise.
pub async fn pin_release(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let (id, version) = (f.get("catalog_id"), f.get("version"));
    match grunnmur_web::release_api::pin(&s, &orgnr, id, version, &v.actor()).await {
        Ok(_) => Ok(saved(&format!("/b/{orgnr}/release"))),
        Err(e) => {
            let errors = problems(v.lang, e, &format!("pin-{}", slug(version)))?;
            html_invalid(release_page(&s, &v, &b, errors).await?)
        }
    }
}
