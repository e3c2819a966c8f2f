//! The platform's security events for platform administrators: the platform audit stream
//! (`grunnmur_web::platform_api`), filtered by kind of event, person and dates, newest first,
//! with bodies by name and addresses as the server saw them.

use super::Select;
use super::admin::timestamp;
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_core::Date;
use grunnmur_i18n::{Lang, t};
use grunnmur_web::AppState;
use grunnmur_web::platform_api::{PlatformAuditQuery, PlatformEntry, platform_audit};
use serde::Deserialize;
use std::collections::HashMap;

/// The kinds of event the filter offers (any other action is shown as it is named).
const ACTIONS: [&str; 9] = [
    "login",
    "login.failed",
    "login.throttled",
    "logout",
    "csrf.refused",
    "access.denied",
    "token.create",
    "token.revoke",
    "password.change",
];

/// The parts of an event's detail shown in words, in this order.
const DETAILS: [&str; 9] = [
    "need",
    "role",
    "scope",
    "retry_after",
    "failures",
    "via",
    "what",
    "path",
    "suppressed",
];

#[derive(Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    action: String,
    #[serde(default)]
    actor: String,
    /// YYYY-MM-DD, from the start of the day (UTC).
    #[serde(default)]
    from: String,
    /// YYYY-MM-DD, to the end of the day (UTC).
    #[serde(default)]
    to: String,
    before: Option<i64>,
}

pub struct EventLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub client: String,
    pub body: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "platform_audit.html")]
struct PlatformAuditPage {
    p: Page,
    action: Select,
    actor: String,
    from: String,
    to: String,
    errors: Errors,
    events: Vec<EventLine>,
    next: Option<String>,
}

/// The name of an event in the reader's language.
fn action_name(lang: Lang, action: &str) -> String {
    if ACTIONS.contains(&action) {
        t(lang, &format!("ui-event-{}", action.replace('.', "-")), &[])
    } else {
        action.to_string()
    }
}

/// The detail in words: the known parts, each named in the reader's language.
fn detail_text(lang: Lang, d: &serde_json::Value) -> String {
    DETAILS
        .iter()
        .filter_map(|k| {
            let v = d.get(k)?;
            let v = v.as_str().map_or_else(|| v.to_string(), str::to_string);
            let key = format!("ui-event-detail-{}", k.replace('_', "-"));
            Some(t(lang, &key, &[("value", &v)]))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn line(lang: Lang, zone: &str, e: PlatformEntry, names: &HashMap<String, String>) -> EventLine {
    let text = |k: &str| e.detail.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let body = text("orgnr")
        .map(|o| names.get(&o).map_or(o.clone(), |n| format!("{n} ({o})")))
        .unwrap_or_default();
    EventLine {
        at: timestamp(zone, e.at),
        client: text("client").unwrap_or_default(),
        body,
        detail: detail_text(lang, &e.detail),
        action: action_name(lang, &e.action),
        actor: e.actor,
    }
}

/// A day's first second, or its last (`end`), in `zone` (UTC when `None` or unknown); a
/// problem at the field when it is no date.
pub(crate) fn day(
    value: &str,
    field: &str,
    end: bool,
    lang: Lang,
    zone: Option<&str>,
    errors: &mut Errors,
) -> Option<i64> {
    if value.trim().is_empty() {
        return None;
    }
    let Some(d) = Date::parse(value.trim()) else {
        errors.push(field, t(lang, "ui-events-bad-date", &[("value", value)]));
        return None;
    };
    let start = d.days_since_epoch() * 86_400;
    let utc = if end { start + 86_399 } else { start };
    let Some(tz) = zone.and_then(|z| jiff::tz::TimeZone::get(z).ok()) else {
        return Some(utc);
    };
    // The day's bounds where the reader lives: midnight there, to the next midnight.
    let local = |date: jiff::civil::Date| {
        date.to_zoned_datetime(tz.clone())
            .ok()
            .map(|z| z.timestamp().as_second())
    };
    let date: jiff::civil::Date = value.trim().parse().ok()?;
    let bound = if end {
        date.tomorrow().ok().and_then(local).map(|s| s - 1)
    } else {
        local(date)
    };
    Some(bound.unwrap_or(utc))
}

pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let mut errors = Errors::default();
    let since = day(&f.from, "from", false, lang, None, &mut errors);
    let until = day(&f.to, "to", true, lang, None, &mut errors);
    let q = PlatformAuditQuery {
        action: Some(f.action.clone()).filter(|a| !a.is_empty()),
        actor: Some(f.actor.trim().to_string()).filter(|a| !a.is_empty()),
        since,
        until,
        before: f.before,
        limit: Some(100),
    };
    let page = platform_audit(&s, &v.caller(), q).await?;
    let names: HashMap<String, String> = s
        .store
        .bodies()
        .await?
        .into_iter()
        .map(|b| (b.orgnr, b.name))
        .collect();
    let next = page.next.map(|seq| {
        format!(
            "?action={}&actor={}&from={}&to={}&before={seq}",
            enc(&f.action),
            enc(&f.actor),
            enc(&f.from),
            enc(&f.to)
        )
    });
    let mut options = vec![(String::new(), t(lang, "ui-filter-all", &[]))];
    options.extend(
        ACTIONS
            .iter()
            .map(|a| (a.to_string(), action_name(lang, a))),
    );
    let action = Select::new(
        "action",
        t(lang, "ui-events-action", &[]),
        options,
        &f.action,
    );
    let page = PlatformAuditPage {
        p: v.page("ui-events-title", "events"),
        action,
        actor: f.actor,
        from: f.from,
        to: f.to,
        errors,
        events: page
            .entries
            .into_iter()
            .map(|e| line(lang, &s.config.time_zone, e, &names))
            .collect(),
        next,
    };
    if page.errors.is_empty() {
        html(page)
    } else {
        html_invalid(page)
    }
}
