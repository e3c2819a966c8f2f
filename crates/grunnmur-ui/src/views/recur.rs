//! Recurring work on the forms: the recurrence picker the status form and the implementation
//! form share, and "record done" — a form that adds the date, the evidence and a note to the
//! history and moves the next due date on (`BodyDoc::record_status_done`,
//! `ImplementationDoc::record_done`), with the history listed beside it.

use super::*;
use crate::page::*;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use grunnmur_catalog::body::DoneDoc;
use grunnmur_core::recur;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

/// The picker's value for "every N months": the number is in `recurs_months`.
const CUSTOM: &str = "custom";

/// The recurrence as the form shows it: the picker and the number of months typed.
pub struct RecurField {
    pub select: Select,
    pub months: String,
}

/// The form's two fields for a stored interval.
pub fn form_values(recurs: Option<u32>) -> (String, String) {
    match recurs {
        None => (String::new(), String::new()),
        Some(n) if recur::NAMED.contains(&n) => (n.to_string(), String::new()),
        Some(n) => (CUSTOM.into(), n.to_string()),
    }
}

/// The picker (none, monthly, quarterly, half-yearly, yearly, every N months) with the value
/// chosen, and the number of months.
pub fn field(lang: Lang, chosen: &str, months: &str, errors: &Errors) -> RecurField {
    let mut opts = vec![(String::new(), t(lang, "recur-none", &[]))];
    opts.extend(
        (recur::NAMED.iter()).map(|n| (n.to_string(), t(lang, &format!("recur-option-{n}"), &[]))),
    );
    opts.push((CUSTOM.into(), t(lang, "recur-option-custom", &[])));
    let mut select = Select::new("recurs", t(lang, "recur-field-recurs", &[]), opts, chosen);
    select.hint = t(lang, "recur-hint-recurs", &[]);
    select.error = errors.of("recurs").map(str::to_string);
    RecurField {
        select,
        months: months.into(),
    }
}

/// The interval a form chose (`recurs`, and `recurs_months` for every N months); a problem at
/// the field when it is not one.
pub fn parse(lang: Lang, f: &FormData, errors: &mut Errors) -> Option<u32> {
    let chosen = f.get("recurs");
    let text = if chosen == CUSTOM {
        f.get("recurs_months").trim()
    } else {
        chosen
    };
    if text.is_empty() && chosen != CUSTOM {
        return None;
    }
    let n = text.parse::<u32>().ok().filter(|n| recur::valid_months(*n));
    if n.is_none() {
        let field = if chosen == CUSTOM {
            "recurs_months"
        } else {
            "recurs"
        };
        errors.push(field, t(lang, "recur-months-invalid", &[]));
    }
    n
}

/// The interval in words: "every quarter".
pub fn every(lang: Lang, months: u32) -> String {
    t(lang, "recur-every", &[("n", &months.to_string())])
}

/// One entry of the history, as shown.
pub struct DoneView {
    pub date: String,
    pub by: String,
    pub note: String,
    pub evidence: Vec<String>,
}

/// The record-done form and the history beside it.
pub struct DonePanel {
    /// Where the form posts.
    pub action: String,
    /// Newest first.
    pub history: Vec<DoneView>,
    pub date: String,
    pub evidence: String,
    pub note: String,
    /// The interval in words, and the next due date; empty when it does not recur.
    pub every: String,
    pub next_due: String,
}

/// The panel for a status or an implementation: its history and an empty form (the date
/// today); a form sent back with problems fills in what was typed.
pub fn panel(
    b: &BodyView,
    lang: Lang,
    action: String,
    (recurs, due, done): (Option<u32>, Option<&str>, &[DoneDoc]),
) -> DonePanel {
    DonePanel {
        action,
        history: (done.iter().rev())
            .map(|d| DoneView {
                date: d.date.clone(),
                by: d.by.clone().unwrap_or_default(),
                note: d.note.clone().unwrap_or_default(),
                evidence: d.evidence.clone(),
            })
            .collect(),
        date: b.derived.today.to_string(),
        evidence: String::new(),
        note: String::new(),
        every: recurs.map(|n| every(lang, n)).unwrap_or_default(),
        next_due: recurs.and(due).unwrap_or_default().to_string(),
    }
}

/// The record-done form's fields as sent, back on the panel.
pub fn refill(panel: &mut DonePanel, f: &FormData) {
    panel.date = f.get("done_date").into();
    panel.evidence = f.get("done_evidence").into();
    panel.note = f.get("done_note").into();
}

/// The entry a record-done form makes, recorded by the reader; every problem at its field.
fn entry(v: &Viewer, b: &BodyView, f: &FormData) -> Result<DoneDoc, Errors> {
    let mut errors = Errors::default();
    let today = b.derived.today;
    match date_field(v.lang, "done_date", f.get("done_date").trim(), &mut errors) {
        None if errors.is_empty() => {
            errors.push("done_date", t(v.lang, "recur-done-date-required", &[]))
        }
        Some(d) if d > today => errors.push(
            "done_date",
            t(
                v.lang,
                "recur-done-future",
                &[("today", &today.to_string())],
            ),
        ),
        Some(d) if errors.is_empty() => {
            return Ok(DoneDoc {
                date: d.to_string(),
                evidence: lines_of(f.get("done_evidence")),
                by: Some(v.actor()),
                note: Some(f.get("done_note").trim().to_string()).filter(|x| !x.is_empty()),
            });
        }
        _ => {}
    }
    Err(errors)
}

/// Records a measure status done, back at the status form with the confirmation and the
/// history; problems on the form again.
pub async fn status_done(
    State(s): State<AppState>,
    Path((_, measure)): Path<(String, String)>,
    Query(q): Query<super::measures::Scope>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let (m, sys, back) = super::measures::place(&b, &measure, &q, f.get("back"))?;
    let system_id = sys.map(|n| b.derived.ws.systems[n].id.clone());
    let invalid = async |errors: Errors| {
        let page = super::measures::edit_with(&s, &v, &b, (m, sys), back.clone(), Some(&f), errors);
        html_invalid(page.await?)
    };
    let done = match entry(&v, &b, &f) {
        Ok(done) => done,
        Err(errors) => return invalid(errors).await,
    };
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "measure_status.done", |doc| {
        doc.record_status_done(&measure, system_id.as_deref(), done);
        Ok(())
    })
    .await;
    match r {
        Ok(_) => {
            let to =
                super::measures::form_href(&orgnr, &measure, system_id.as_deref(), &back, "done");
            Ok(saved(&to))
        }
        Err(e) => invalid(problems(v.lang, e, "done_date")?).await,
    }
}

/// Records an implementation done, back at its form with the confirmation and the history.
pub async fn implementation_done(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    if !b.derived.doc.implementations.iter().any(|x| x.id == id) {
        return Err(ApiError::NotFound.into());
    }
    let invalid = |errors| super::implementations::edit_invalid(&v, &b, &id, &f, errors);
    let done = match entry(&v, &b, &f) {
        Ok(done) => done,
        Err(errors) => return invalid(errors),
    };
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "implementation.done", |doc| {
        let im = (doc.implementations.iter_mut().find(|x| x.id == id)).ok_or(ApiError::NotFound)?;
        im.record_done(done);
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(saved(&format!(
            "/b/{orgnr}/implementations/{}#done",
            enc(&id)
        ))),
        Err(e) => invalid(problems(v.lang, e, "done_date")?),
    }
}
