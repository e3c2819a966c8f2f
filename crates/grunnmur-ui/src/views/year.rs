//! The annual cycle (*årshjul*): every recurring measure status and implementation of the body,
//! grouped by governance activity, with its owner, the months its due dates fall in that year
//! (projected from the next due date by `grunnmur_core::recur::occurrences`) and what was done
//! (the history). The same entries as a workbook, CSV (`exports`) and iCalendar (`year.ics`).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grunnmur_catalog::body::DoneDoc;
use grunnmur_core::Date;
use grunnmur_core::recur;
use grunnmur_core::workspace::Status;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use serde::Deserialize;

/// The years the page shows.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

#[derive(Default, Deserialize)]
pub struct YearQuery {
    #[serde(default)]
    pub year: String,
}

/// One recurring task.
pub struct Entry {
    /// `measure` or `implementation`.
    pub kind: &'static str,
    /// Stable: `status.<measure>.<system or org>` or `implementation.<id>`.
    pub key: String,
    pub name: String,
    /// ` lang="…"` for `name` where it is a catalog name not in the page's language.
    pub name_lang: &'static str,
    pub id: String,
    pub place: String,
    pub owner: String,
    pub months: u32,
    pub due: Option<Date>,
    pub overdue: bool,
    pub href: String,
    /// The governance activity's position in the catalog (`None`: a task of no measure).
    pub activity: Option<usize>,
    pub due_in_year: Vec<Date>,
    pub done_in_year: Vec<Date>,
}

fn done_in(done: &[DoneDoc], year: i32) -> Vec<Date> {
    (done.iter().filter_map(|d| Date::parse(&d.date)))
        .filter(|d| d.year() == year)
        .collect()
}

/// The year asked for (`?year=`), the body's this year without one; another value is a bad
/// request naming the field.
pub fn year_of(b: &BodyView, q: &YearQuery) -> Result<i32, PageError> {
    if q.year.is_empty() {
        return Ok(b.derived.today.year());
    }
    (q.year.parse::<i32>().ok())
        .filter(|y| YEARS.contains(y))
        .ok_or_else(|| ApiError::BadRequest("year".into()).into())
}

/// Every recurring task of the body (not those marked not applicable), by activity, then
/// next due date.
pub fn entries(b: &BodyView, lang: Lang, year: i32) -> Vec<Entry> {
    let d = &b.derived;
    let (ws, cat, doc) = (&d.ws, &d.catalog.catalog, &d.doc);
    let activities = &d.catalog.doc.activities;
    let activity_of = |m: u32| {
        let a = cat.measures[m as usize].activity;
        activities.iter().position(|x| x.id == a)
    };
    let today = d.today;
    let base = format!("/b/{}", b.row.orgnr);
    let org = t(lang, "report-scope-org", &[]);
    let mut out = Vec::new();
    for st in &ws.statuses {
        let Some(months) = st.recurs.filter(|_| st.status != Status::NotApplicable) else {
            continue;
        };
        let m = &cat.measures[st.measure as usize];
        let sys = st.system.map(|n| &ws.systems[n]);
        let scope = sys.map_or("org".to_string(), |s| s.id.clone());
        let history = doc.status(&m.id, sys.map(|s| s.id.as_str()));
        out.push(Entry {
            kind: "measure",
            key: format!("status.{}.{scope}", m.id),
            name: m.name.get(lang.code()).to_string(),
            name_lang: Shown::of(&m.name, lang).lang_attr(),
            id: m.id.clone(),
            place: sys.map_or(org.clone(), |s| s.name.clone()),
            owner: st.owner.clone().unwrap_or_default(),
            months,
            due: st.due,
            overdue: st.is_overdue(today),
            href: format!("{base}/measures/{}?system={}", enc(&m.id), enc(&scope)),
            activity: activity_of(st.measure),
            due_in_year: st
                .due
                .map_or_else(Vec::new, |due| recur::occurrences(due, months, year)),
            done_in_year: history.map_or_else(Vec::new, |h| done_in(&h.done, year)),
        });
    }
    for im in &ws.sources.implementations {
        let Some(months) = im.recurs else { continue };
        let history = doc.implementations.iter().find(|x| x.id == im.id);
        out.push(Entry {
            kind: "implementation",
            key: format!("implementation.{}", im.id),
            name: im.name.clone(),
            name_lang: "",
            id: im.id.clone(),
            place: super::implementations::covers_text(lang, b, &im.covers),
            owner: im.owner.clone().unwrap_or_default(),
            months,
            due: im.due,
            overdue: im.is_overdue(today),
            href: format!("{base}/implementations/{}", enc(&im.id)),
            activity: im.measures.iter().filter_map(|m| activity_of(*m)).min(),
            due_in_year: im
                .due
                .map_or_else(Vec::new, |due| recur::occurrences(due, months, year)),
            done_in_year: history.map_or_else(Vec::new, |h| done_in(&h.done, year)),
        });
    }
    out.sort_by(|a, b| {
        (a.activity.is_none(), a.activity, a.due.is_none(), a.due).cmp(&(
            b.activity.is_none(),
            b.activity,
            b.due.is_none(),
            b.due,
        ))
    });
    out
}

/// An activity's name, or the words for none.
pub fn activity_name(b: &BodyView, lang: Lang, a: Option<usize>) -> String {
    activity_shown(b, lang, a).text
}

/// An activity's name as shown (marked where it falls back to bokmål), or the words for none.
fn activity_shown(b: &BodyView, lang: Lang, a: Option<usize>) -> Shown {
    let acts = &b.derived.catalog.doc.activities;
    match a.and_then(|i| acts.get(i)) {
        Some(x) => Shown::of_doc(&x.name, lang),
        None => Shown::plain(&t(lang, "recur-activity-none", &[]), lang),
    }
}

/// A row of the year grid.
struct RowView {
    e: Entry,
    every: String,
    /// Per month: what falls in it, in words ("due 15.", "done 12.").
    cells: Vec<Vec<String>>,
}

struct Group {
    name: Shown,
    rows: Vec<RowView>,
}

#[derive(Template)]
#[template(path = "year.html")]
struct YearPage {
    p: Page,
    year: i32,
    prev: i32,
    next: i32,
    /// Short month names, January first; and the full names.
    months: Vec<(String, String)>,
    groups: Vec<Group>,
    total: usize,
    query: String,
}

pub async fn show(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let year = year_of(&b, &q)?;
    let all = entries(&b, lang, year);
    let total = all.len();
    let mut groups: Vec<Group> = Vec::new();
    let mut last = None;
    for e in all {
        if groups.is_empty() || last != Some(e.activity) {
            last = Some(e.activity);
            groups.push(Group {
                name: activity_shown(&b, lang, e.activity),
                rows: Vec::new(),
            });
        }
        let mut cells = vec![Vec::new(); 12];
        for d in &e.due_in_year {
            let day = d.day().to_string();
            cells[usize::from(d.month()) - 1].push(t(lang, "recur-cell-due", &[("day", &day)]));
        }
        for d in &e.done_in_year {
            let day = d.day().to_string();
            cells[usize::from(d.month()) - 1].push(t(lang, "recur-cell-done", &[("day", &day)]));
        }
        let every = recur_every(lang, e.months);
        if let Some(g) = groups.last_mut() {
            g.rows.push(RowView { e, every, cells });
        }
    }
    let months = (1..=12)
        .map(|m| {
            (
                t(lang, &format!("recur-month-short-{m}"), &[]),
                t(lang, &format!("recur-month-{m}"), &[]),
            )
        })
        .collect();
    html(YearPage {
        p: v.body_page(&b, "recur-year-title", "year"),
        year,
        prev: year - 1,
        next: year + 1,
        months,
        groups,
        total,
        query: format!("year={year}"),
    })
}

fn recur_every(lang: Lang, months: u32) -> String {
    super::recur::every(lang, months)
}

/// `/b/{orgnr}/year.ics`: every recurring task with a due date as a repeating all-day event.
pub async fn ics(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let site = s.config.public_url.clone().unwrap_or_default();
    let site = site.trim_end_matches('/');
    let host = b.row.orgnr.clone();
    let events: Vec<super::ics::Event> = entries(&b, lang, b.derived.today.year())
        .into_iter()
        .filter_map(|e| {
            let start = e.due?;
            let mut lines = Vec::new();
            if !e.owner.is_empty() {
                lines.push(t(lang, "recur-ics-owner", &[("owner", &e.owner)]));
            }
            lines.push(t(lang, "recur-ics-where", &[("place", &e.place)]));
            let every = recur_every(lang, e.months);
            lines.push(t(lang, "recur-ics-every", &[("every", &every)]));
            lines.push(format!("{site}{}", e.href));
            Some(super::ics::Event {
                uid: format!("{}@{host}.grunnmur", e.key),
                start,
                months: Some(e.months),
                summary: format!("{} ({})", e.name, e.id),
                description: lines.join("\n"),
                url: (!site.is_empty()).then(|| format!("{site}{}", e.href)),
            })
        })
        .collect();
    let name = t(lang, "recur-ics-calendar", &[("body", &b.row.name)]);
    let body = super::ics::calendar(&name, b.derived.today, &events);
    let filename = format!("{}-{}.ics", b.row.orgnr, t(lang, "export-file-year", &[]));
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// Whether recurring work in place is due soon enough for *Mine oppgaver*: overdue, or due
/// within `days` of today.
pub fn due_soon(due: Option<Date>, today: Date, days: i64) -> bool {
    due.is_some_and(|d| d.days_since_epoch() <= today.days_since_epoch() + days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_soon_is_overdue_or_within_the_days() {
        let d = |s| Date::parse(s).unwrap();
        let today = d("2026-11-28");
        assert!(due_soon(Some(d("2026-11-01")), today, 30));
        assert!(due_soon(Some(d("2026-12-28")), today, 30));
        assert!(!due_soon(Some(d("2026-12-29")), today, 30));
        assert!(!due_soon(None, today, 30));
    }
}
