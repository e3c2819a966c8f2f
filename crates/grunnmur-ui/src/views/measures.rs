//! Measures: every required measure per system and for the body, filtered by baseline,
//! governance activity, kind, purpose and status; status editing with owner, due date and
//! evidence; and the trail that made a measure required.

use super::systems::{TrailView, trail_view};
use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use grunnmur_catalog::body::StatusDoc;
use grunnmur_catalog::format::CatalogDoc;
use grunnmur_core::catalog::MeasureIdx;
use grunnmur_core::effective::{Part, Source};
use grunnmur_core::explain::explain;
use grunnmur_core::workspace::{MeasureStatus, Status, Workspace};
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;
use serde::Deserialize;
use std::collections::HashMap;

/// Rows per page of the measure list.
const PAGE: usize = 100;

/// The query keys of the measure list (its filters and page).
const FILTER_KEYS: [&str; 8] = [
    "system", "baseline", "activity", "kind", "purpose", "status", "measure", "page",
];

#[derive(Deserialize, Default)]
pub struct Filter {
    #[serde(default)]
    system: String,
    #[serde(default)]
    baseline: String,
    #[serde(default)]
    activity: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    status: String,
    /// One measure (a search hit): every place it is required.
    #[serde(default)]
    measure: String,
    #[serde(default)]
    page: usize,
}

pub struct Row {
    pub measure: String,
    pub name: Shown,
    /// The system's id; empty for the body.
    pub system: String,
    pub system_enc: String,
    pub place: String,
    pub baseline: u8,
    pub activity: String,
    pub status: String,
    pub owner: String,
    pub due: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "measures.html")]
struct ListPage {
    p: Page,
    filters: Vec<Select>,
    rows: Vec<Row>,
    total: usize,
    from: usize,
    prev: Option<String>,
    next: Option<String>,
    /// This list's query, encoded as a parameter: the status form brings the reader back to it.
    back: String,
    /// The list's query without its page: the downloads of the same rows.
    export: String,
    /// The one measure shown (kept through the filter form), and its name.
    measure: String,
    measure_name: Option<String>,
}

impl Filter {
    /// The list filtered by status (`overdue`, `undocumented`, or a status) alone.
    pub fn status(status: &str) -> Filter {
        Filter {
            status: status.into(),
            ..Filter::default()
        }
    }

    /// The list's query for one of its pages (without `?`).
    fn query(&self, page: usize) -> String {
        format!("{}&page={page}", self.filters())
    }

    /// The list's filters as a query (without `?` and page).
    fn filters(&self) -> String {
        let measure = if self.measure.is_empty() {
            String::new()
        } else {
            format!("&measure={}", enc(&self.measure))
        };
        format!(
            "system={}&baseline={}&activity={}&kind={}&purpose={}&status={}{measure}",
            enc(&self.system),
            enc(&self.baseline),
            enc(&self.activity),
            enc(&self.kind),
            enc(&self.purpose),
            enc(&self.status)
        )
    }
}

pub async fn list(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<Filter>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let filters = filter_selects(lang, &b.derived.ws, &b.derived.catalog.doc, &q);
    let all = rows(&b, lang, &q)?;
    let total = all.len();
    let from = (q.page * PAGE).min(total);
    let rows = all.into_iter().skip(from).take(PAGE).collect::<Vec<_>>();
    let link = |page: usize| format!("?{}", q.query(page));
    html(ListPage {
        p: v.body_page(&b, "ui-measures-title", "measures"),
        filters,
        rows,
        total,
        from,
        prev: (q.page > 0).then(|| link(q.page - 1)),
        next: (from + PAGE < total).then(|| link(q.page + 1)),
        back: enc(&q.query(q.page)),
        export: q.filters(),
        measure: q.measure.clone(),
        measure_name: (b.derived.catalog.catalog.measures.iter())
            .find(|m| m.id == q.measure)
            .map(|m| m.name.get(lang.code()).to_string()),
    })
}

/// Every row of the list the filter chooses, on every page: the page shows a part of them,
/// the downloads all. Body first, then each system, in the engine's order.
pub fn rows(b: &BodyView, lang: Lang, q: &Filter) -> Result<Vec<Row>, PageError> {
    let code = lang.code();
    let cat = &b.derived.catalog.catalog;
    let doc = &b.derived.catalog.doc;
    let d = &b.derived;
    let (ws, a) = (&d.ws, &d.assessment);
    let statuses: HashMap<(Option<usize>, MeasureIdx), &MeasureStatus> = ws
        .statuses
        .iter()
        .map(|x| ((x.system, x.measure), x))
        .collect();

    // Every (scope, measure) the engine requires, body first, then each system.
    let scopes = std::iter::once((None, &a.org_required, &a.org_states)).chain(
        a.systems
            .iter()
            .enumerate()
            .map(|(n, r)| (Some(n), &r.required, &r.states)),
    );
    let wanted_system = match q.system.as_str() {
        "" => None,
        "org" => Some(None),
        id => Some(Some(
            ws.systems
                .iter()
                .position(|x| x.id == id)
                .ok_or(ApiError::NotFound)?,
        )),
    };
    let activity_name: HashMap<String, String> = doc
        .activities
        .iter()
        .map(|x| (enum_str(&x.id), x.name.get(code).to_string()))
        .collect();
    // Labels used on many rows, translated once.
    let org = t(lang, "report-scope-org", &[]);
    let labels: Vec<(Status, String)> = Status::ALL
        .iter()
        .map(|x| (*x, status_label(lang, *x)))
        .collect();
    let mut rows = Vec::new();
    for (sys, required, states) in scopes {
        if wanted_system.is_some_and(|w| w != sys) {
            continue;
        }
        for (pos, &m) in required.iter().enumerate() {
            let mi = &cat.measures[m as usize];
            let e = a.effective(cat, sys, m);
            let baseline = e.map_or(0, |e| e.level.number());
            let st = statuses.get(&(sys, m)).copied();
            // The effective status (rule 15): the own entry, an implementation or a supplier.
            let state = states.get(pos);
            let (status, overdue) = (state.status, state.overdue);
            let work = match state.source {
                Source::Implementation(i)
                | Source::Shared {
                    customer: Some(Part::Implementation(i)),
                    ..
                } => Some(&ws.sources.implementations[i]),
                _ => None,
            };
            let keep = (q.baseline.is_empty() || q.baseline == baseline.to_string())
                && (q.measure.is_empty() || q.measure == mi.id)
                && (q.activity.is_empty() || q.activity == enum_str(&mi.activity))
                && (q.kind.is_empty() || q.kind == enum_str(&mi.kind))
                && (q.purpose.is_empty() || q.purpose == enum_str(&mi.purpose))
                && match q.status.as_str() {
                    "" => true,
                    "overdue" => overdue,
                    // Rule 17: implemented with no evidence link where the status comes from
                    // (the report's count: the implementation that gives it, or the own entry).
                    "undocumented" => match work {
                        Some(w) => w.status == Status::Implemented && w.evidence.is_empty(),
                        None => {
                            status == Status::Implemented
                                && st.is_some_and(|x| x.evidence.is_empty())
                        }
                    },
                    x => x == status.as_str(),
                };
            if !keep {
                continue;
            }
            let system = sys.map(|n| ws.systems[n].id.clone());
            rows.push(Row {
                measure: mi.id.clone(),
                name: Shown::of(&mi.name, lang),
                system_enc: system.as_deref().map(enc).unwrap_or_else(|| "org".into()),
                system: system.unwrap_or_default(),
                place: sys.map_or_else(|| org.clone(), |n| ws.systems[n].name.clone()),
                baseline,
                activity: activity_name
                    .get(&enum_str(&mi.activity))
                    .cloned()
                    .unwrap_or_default(),
                status: labels
                    .iter()
                    .find(|(x, _)| *x == status)
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default(),
                owner: (st.and_then(|x| x.owner.clone()))
                    .or_else(|| work.and_then(|w| w.owner.clone()))
                    .unwrap_or_default(),
                due: (st.and_then(|x| x.due))
                    .or_else(|| work.and_then(|w| w.due))
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                overdue,
            });
        }
    }
    Ok(rows)
}

/// The list's filters, each with its choices and the one chosen.
fn filter_selects(lang: Lang, ws: &Workspace, doc: &CatalogDoc, q: &Filter) -> Vec<Select> {
    let all = t(lang, "ui-filter-all", &[]);
    let opt = |v: String, l: String| (v, l);
    let mut sys_opts = vec![
        opt(String::new(), all.clone()),
        opt("org".into(), ws.org.name.clone()),
    ];
    sys_opts.extend(ws.systems.iter().map(|x| opt(x.id.clone(), x.name.clone())));
    let mut kind_opts = vec![opt(String::new(), all.clone())];
    kind_opts.extend(
        ["organisatorisk", "menneskelig", "fysisk", "teknologisk"]
            .map(|k| opt(k.into(), t(lang, &format!("ui-kind-{k}"), &[]))),
    );
    let mut purpose_opts = vec![opt(String::new(), all.clone())];
    purpose_opts.extend(
        ["forebygge", "oppdage", "handtere"]
            .map(|k| opt(k.into(), t(lang, &format!("ui-purpose-{k}"), &[]))),
    );
    let mut status_opts = vec![
        opt(String::new(), all.clone()),
        opt("overdue".into(), t(lang, "ui-filter-overdue", &[])),
        opt(
            "undocumented".into(),
            t(lang, "ui-filter-undocumented", &[]),
        ),
    ];
    status_opts.extend(
        Status::ALL
            .iter()
            .map(|x| opt(x.as_str().into(), status_label(lang, *x))),
    );
    vec![
        Select::new(
            "system",
            t(lang, "ui-filter-system", &[]),
            sys_opts,
            &q.system,
        ),
        baseline_select(lang, &q.baseline),
        activity_select(lang, doc, &q.activity),
        Select::new("kind", t(lang, "ui-filter-kind", &[]), kind_opts, &q.kind),
        Select::new(
            "purpose",
            t(lang, "ui-filter-purpose", &[]),
            purpose_opts,
            &q.purpose,
        ),
        Select::new(
            "status",
            t(lang, "report-col-status", &[]),
            status_opts,
            &q.status,
        ),
    ]
}

#[derive(Deserialize, Default)]
pub struct Scope {
    #[serde(default)]
    system: String,
    /// The measure list's query to return to after saving (see [`local_query`]).
    #[serde(default)]
    back: String,
}

impl Scope {
    pub fn system(&self) -> &str {
        &self.system
    }
}

/// The system of a form's scope by id (`None`: the body); an unknown system is not found.
pub(super) fn scope_id(b: &BodyView, system: &str) -> Result<Option<String>, PageError> {
    Ok(scope_of(b, system)?.map(|n| b.derived.ws.systems[n].id.clone()))
}

/// The status form of a pair, carrying the list query it came from, at `fragment`.
pub(super) fn form_href(
    orgnr: &str,
    measure: &str,
    system: Option<&str>,
    back: &str,
    fragment: &str,
) -> String {
    let back = if back.is_empty() {
        String::new()
    } else {
        format!("&back={}", enc(back))
    };
    format!(
        "/b/{orgnr}/measures/{measure}?system={}{back}#{fragment}",
        enc(system.unwrap_or("org"))
    )
}

/// The status form again, as stored, with a refused file named at the file field (422).
pub(super) async fn refused_file(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    (measure, q): (&str, &Scope),
    back: &str,
    r: grunnmur_web::evidence::Refusal,
) -> Result<Response, PageError> {
    let (m, sys) = (measure_idx(b, measure)?, scope_of(b, &q.system)?);
    let back = back_query(back).unwrap_or_default();
    let mut errors = Errors::default();
    let max = grunnmur_web::evidence::MAX_FILE_BYTES / (1024 * 1024);
    let key = format!("ui-evidence-{}", r.code());
    errors.push("file", t(v.lang, &key, &[("max", &max.to_string())]));
    html_invalid(edit_with(s, v, b, (m, sys), back, None, errors).await?)
}

/// The files and comments of a pair's status.
async fn attached_of(
    s: &AppState,
    b: &BodyView,
    measure: &str,
    system: Option<&str>,
) -> Result<super::evidence::Attached, PageError> {
    let object = grunnmur_web::evidence::status_key(measure, system);
    super::evidence::attached(s, &b.row.orgnr, &object).await
}

/// The system a form or trail is about: `None` for the body.
fn scope_of(b: &BodyView, system: &str) -> Result<Option<usize>, PageError> {
    match system {
        "" | "org" => Ok(None),
        id => Ok(Some(
            b.derived
                .ws
                .systems
                .iter()
                .position(|x| x.id == id)
                .ok_or(ApiError::NotFound)?,
        )),
    }
}

pub(super) fn measure_idx(b: &BodyView, id: &str) -> Result<MeasureIdx, PageError> {
    Ok(b.derived
        .catalog
        .catalog
        .measures
        .iter()
        .position(|m| m.id == id)
        .ok_or(ApiError::NotFound)? as MeasureIdx)
}

#[derive(Template)]
#[template(path = "measure_edit.html")]
pub(super) struct EditPage {
    p: Page,
    /// The status's history (the audit page filtered to it).
    history: String,
    measure: String,
    name: Shown,
    statement: Shown,
    /// What an auditor would accept as proof (the catalog's `evidence`).
    expected_evidence: Shown,
    place: String,
    system_enc: String,
    /// The list's query the form came from, carried back after saving (empty: none).
    back: String,
    required: bool,
    status: Select,
    owner: String,
    due: String,
    valid_until: String,
    evidence: String,
    justification: String,
    /// The other systems where the measure is required, to give the same status at once: id,
    /// name, its status now in words, chosen.
    others: Vec<(String, String, String, bool)>,
    /// Recurring work: the interval, and the record-done form with the history.
    recur: super::recur::RecurField,
    done: super::recur::DonePanel,
    errors: Errors,
    /// Its files and comments.
    attached: super::evidence::Attached,
}

/// The status form's fields as typed. [`Values::from_doc`] and [`Values::to_doc`] are the one
/// conversion between the form and the body file's status entry.
struct Values {
    status: String,
    owner: String,
    due: String,
    valid_until: String,
    evidence: String,
    justification: String,
    /// The recurrence picker's value and the months typed for "every N months".
    recurs: String,
    recurs_months: String,
}

impl Values {
    /// The form for a stored status; with none, a measure not started.
    fn from_doc(cur: Option<&StatusDoc>) -> Values {
        let text = |f: fn(&StatusDoc) -> &Option<String>| {
            cur.and_then(|c| f(c).clone()).unwrap_or_default()
        };
        let (recurs, recurs_months) = super::recur::form_values(cur.and_then(|c| c.recurs));
        Values {
            recurs,
            recurs_months,
            status: cur.map_or(Status::NotStarted, |c| c.status).as_str().into(),
            owner: text(|c| &c.owner),
            due: text(|c| &c.due),
            valid_until: text(|c| &c.valid_until),
            evidence: cur.map(|c| c.evidence.join("\n")).unwrap_or_default(),
            justification: text(|c| &c.justification),
        }
    }

    fn from_form(f: &FormData) -> Values {
        Values {
            recurs: f.get("recurs").into(),
            recurs_months: f.get("recurs_months").into(),
            status: f.get("status").into(),
            owner: f.get("owner").into(),
            due: f.get("due").into(),
            valid_until: f.get("valid_until").into(),
            evidence: f.get("evidence").into(),
            justification: f.get("justification").into(),
        }
    }

    /// The status entry: empty fields left out, one evidence link per non-empty line. The
    /// history of work done is the stored one (`BodyDoc::set_status` keeps it).
    fn to_doc(
        &self,
        measure: String,
        system: Option<String>,
        (status, recurs): (Status, Option<u32>),
    ) -> StatusDoc {
        let some = |x: &String| Some(x.clone()).filter(|x| !x.is_empty());
        StatusDoc {
            measure,
            system,
            status,
            owner: some(&self.owner),
            due: some(&self.due),
            justification: some(&self.justification),
            evidence: lines_of(&self.evidence),
            valid_until: some(&self.valid_until),
            recurs,
            done: Vec::new(),
        }
    }
}

#[allow(clippy::too_many_arguments)] // the page is made from this many parts
fn edit_page(
    v: &Viewer,
    b: &BodyView,
    (m, sys): (MeasureIdx, Option<usize>),
    back: String,
    x: Values,
    also: &[String],
    errors: Errors,
    attached: super::evidence::Attached,
) -> EditPage {
    let lang = v.lang;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let mi = &b.derived.catalog.catalog.measures[m as usize];
    let md = &b.derived.catalog.doc.measures[m as usize];
    let required = match sys {
        Some(n) => a.systems[n].required.contains(&m),
        None => a.org_required.contains(&m),
    };
    let opts = Status::ALL
        .iter()
        .map(|x| (x.as_str().to_string(), status_label(lang, *x)))
        .collect();
    let system_id = sys.map(|n| ws.systems[n].id.as_str());
    let stored = b.derived.doc.status(&mi.id, system_id);
    let scope = system_id.map_or("org".into(), enc);
    let mut action = format!(
        "/b/{}/measures/{}/done?system={scope}",
        b.row.orgnr,
        enc(&mi.id)
    );
    if !back.is_empty() {
        action.push_str(&format!("&back={}", enc(&back)));
    }
    let done = super::recur::panel(
        b,
        lang,
        action,
        (
            stored.and_then(|x| x.recurs),
            stored.and_then(|x| x.due.as_deref()),
            stored.map_or(&[][..], |x| &x.done[..]),
        ),
    );
    EditPage {
        recur: super::recur::field(lang, &x.recurs, &x.recurs_months, &errors),
        done,
        history: super::history::href(
            &b.row.orgnr,
            &super::history::status_key(&mi.id, sys.map(|n| ws.systems[n].id.as_str())),
        ),
        p: v.body_page(b, "ui-measure-edit-title", "measures"),
        measure: mi.id.clone(),
        name: Shown::of(&mi.name, lang),
        statement: (md.statement.as_ref())
            .map(|x| Shown::of_doc(x, lang))
            .unwrap_or_default(),
        expected_evidence: (mi.evidence.as_ref())
            .map(|x| Shown::of(x, lang))
            .unwrap_or_default(),
        place: sys.map_or(t(lang, "report-scope-org", &[]), |n| {
            ws.systems[n].name.clone()
        }),
        system_enc: sys.map_or("org".into(), |n| enc(&ws.systems[n].id)),
        back,
        required,
        status: Select::new("status", t(lang, "report-col-status", &[]), opts, &x.status),
        owner: x.owner,
        due: x.due,
        valid_until: x.valid_until,
        evidence: x.evidence,
        justification: x.justification,
        others: sys.map_or_else(Vec::new, |n| others(lang, b, m, n, also)),
        errors,
        attached,
    }
}

/// The systems other than `n` that require measure `m`, with their effective status.
fn others(
    lang: Lang,
    b: &BodyView,
    m: MeasureIdx,
    n: usize,
    also: &[String],
) -> Vec<(String, String, String, bool)> {
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    (a.systems.iter().enumerate())
        .filter(|(k, _)| *k != n)
        .filter_map(|(k, r)| {
            let pos = r.required.binary_search(&m).ok()?;
            let s = &ws.systems[k];
            let status = status_label(lang, r.states.get(pos).status);
            Some((s.id.clone(), s.name.clone(), status, also.contains(&s.id)))
        })
        .collect()
}

pub async fn edit(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Editor>,
    Path((_, measure)): Path<(String, String)>,
    Query(q): Query<Scope>,
) -> Result<Response, PageError> {
    let (m, sys, back) = place(&b, &measure, &q, &q.back)?;
    html(edit_with(&s, &v, &b, (m, sys), back, None, Errors::default()).await?)
}

/// The measure, its scope and the list query to go back to, from a form's path and query.
pub(super) fn place(
    b: &BodyView,
    measure: &str,
    q: &Scope,
    back: &str,
) -> Result<(MeasureIdx, Option<usize>, String), PageError> {
    Ok((
        measure_idx(b, measure)?,
        scope_of(b, &q.system)?,
        back_query(back)?,
    ))
}

/// The status form as stored, with its files and comments, the record-done form as sent
/// (`done`) and the problems.
pub(super) async fn edit_with(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    (m, sys): (MeasureIdx, Option<usize>),
    back: String,
    done: Option<&FormData>,
    errors: Errors,
) -> Result<EditPage, PageError> {
    let mi = &b.derived.catalog.catalog.measures[m as usize];
    let system_id = sys.map(|n| b.derived.ws.systems[n].id.as_str());
    let x = Values::from_doc(b.derived.doc.status(&mi.id, system_id));
    let att = attached_of(s, b, &mi.id, system_id).await?;
    let mut page = edit_page(v, b, (m, sys), back, x, &[], errors, att);
    if let Some(f) = done {
        super::recur::refill(&mut page.done, f);
    }
    Ok(page)
}

/// The list query a status form carries (from the link, then its hidden field): a query of the
/// measure list only; anything else is refused, naming the field.
pub(super) fn back_query(back: &str) -> Result<String, PageError> {
    local_query(back, &FILTER_KEYS).ok_or_else(|| ApiError::BadRequest("back".into()).into())
}

pub async fn save(
    State(s): State<AppState>,
    Path((_, measure)): Path<(String, String)>,
    Query(q): Query<Scope>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let m = measure_idx(&b, &measure)?;
    let sys = scope_of(&b, &q.system)?;
    let system_id = sys.map(|n| b.derived.ws.systems[n].id.clone());
    let x = Values::from_form(&f);
    let back = back_query(f.get("back"))?;
    let mut errors = Errors::default();
    let status = Status::parse(&x.status);
    if status.is_none() {
        errors.push("status", t(v.lang, "ui-measure-status-invalid", &[]));
    }
    if status == Some(Status::NotApplicable) && x.justification.is_empty() {
        errors.push(
            "justification",
            t(v.lang, "ui-measure-justification-required", &[]),
        );
    }
    for field in ["due", "valid_until"] {
        date_field(v.lang, field, f.get(field), &mut errors);
    }
    let recurs = super::recur::parse(v.lang, &f, &mut errors);
    // The same status for other systems that require the measure (bulk): only those offered.
    let also = f.all("also");
    let offered = sys.map_or_else(Vec::new, |n| others(v.lang, &b, m, n, &[]));
    if also.iter().any(|id| !offered.iter().any(|o| &o.0 == id)) {
        errors.push("also", t(v.lang, "ui-measure-also-invalid", &[]));
    }
    let Some(status) = status.filter(|_| errors.is_empty()) else {
        let att = attached_of(&s, &b, &measure, system_id.as_deref()).await?;
        return html_invalid(edit_page(&v, &b, (m, sys), back, x, &also, errors, att));
    };
    let entries: Vec<StatusDoc> = (std::iter::once(system_id)
        .chain(also.iter().cloned().map(Some)))
    .map(|place| x.to_doc(measure.clone(), place, (status, recurs)))
    .collect();
    let action = if entries.len() > 1 {
        "measure_status.set_many"
    } else {
        "measure_status.set"
    };
    let r = ops::change_doc(&s, &orgnr, &v.actor(), action, |doc| {
        for entry in entries {
            doc.set_status(entry);
        }
        Ok(())
    })
    .await;
    match r {
        Ok(_) => {
            let scope = sys.map_or("org".into(), |n| enc(&b.derived.ws.systems[n].id));
            // Back to the list as it was (filters and page), at the saved row; without one,
            // to the system or the body's measures.
            let to = match (back.is_empty(), sys) {
                (false, _) => format!("/b/{orgnr}/measures?{back}#row-{measure}-{scope}"),
                (true, Some(_)) => format!("/b/{orgnr}/systems/{scope}"),
                (true, None) => format!("/b/{orgnr}/measures?system=org#row-{measure}-org"),
            };
            Ok(saved(&to))
        }
        Err(e) => {
            let errors = problems(v.lang, e, "status")?;
            let sid = sys.map(|n| b.derived.ws.systems[n].id.as_str());
            let att = attached_of(&s, &b, &measure, sid).await?;
            html_invalid(edit_page(&v, &b, (m, sys), back, x, &also, errors, att))
        }
    }
}

#[derive(Template)]
#[template(path = "measure_why.html")]
struct WhyPage {
    p: Page,
    measure: String,
    name: String,
    place: String,
    required: bool,
    baseline: u8,
    catalog_baseline: Option<u8>,
    profile_note: String,
    selection: String,
    trails: Vec<TrailView>,
    /// Rule 8: how a sector profile reached the system; rule 16: the legal duties.
    reach: Vec<String>,
    duties: Vec<String>,
    evidence: String,
    params: Vec<(String, String, String)>,
    /// Rule 15: the pair's status and where it comes from.
    state: Option<super::sources::StateView>,
}

/// The sector reach (rule 8) and legal duties (rule 16) of a trail, as sentences with names.
fn reach_and_duties(
    lang: Lang,
    cat: &grunnmur_core::Catalog,
    doc: &CatalogDoc,
    ws: &Workspace,
    tr: &grunnmur_core::explain::Trail,
) -> (Vec<String>, Vec<String>) {
    let code = lang.code();
    let profile = |id: &str| {
        let p = cat.profiles.iter().find(|p| p.id == id);
        p.map_or(id.to_string(), |p| p.name.get(code).to_string())
    };
    let system = |id: &str| {
        let s = ws.systems.iter().find(|x| x.id == id);
        s.map_or(id.to_string(), |x| x.name.clone())
    };
    let task = |id: &str| {
        let t = ws.tasks.iter().find(|x| x.id == id);
        t.map_or(id.to_string(), |x| task_name(cat, x, lang).to_string())
    };
    let reach = tr
        .sector_reach
        .iter()
        .map(|r| {
            let args = [
                ("profile", profile(&r.profile)),
                ("sector", r.sector.clone()),
                ("system", system(&r.system)),
                ("task", task(&r.task)),
            ];
            t(
                lang,
                "ui-why-sector-reach",
                &args.each_ref().map(|(k, v)| (*k, v.as_str())),
            )
        })
        .collect();
    let duties = tr
        .required_by
        .iter()
        .map(|d| {
            let req = doc.requirements.iter().find(|r| r.id == d.requirement);
            let req = req.map_or(d.requirement.clone(), |r| r.name.get(code).to_string());
            let info = d.info_type.as_deref().and_then(|i| cat.info_type(i));
            let task = task(&d.task);
            match info {
                Some(i) => {
                    let info = cat.info_types[i as usize].name.get(code);
                    let args = [
                        ("requirement", req.as_str()),
                        ("info", info),
                        ("task", task.as_str()),
                    ];
                    t(lang, "ui-why-duty-info", &args)
                }
                None => t(
                    lang,
                    "ui-why-duty-task",
                    &[("requirement", &req), ("task", &task)],
                ),
            }
        })
        .collect();
    (reach, duties)
}

pub async fn why(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Path((_, measure)): Path<(String, String)>,
    Query(q): Query<Scope>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let cat = &b.derived.catalog.catalog;
    let m = measure_idx(&b, &measure)?;
    let sys = scope_of(&b, &q.system)?;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let trail = explain(cat, ws, a, sys, m);
    let mi = &cat.measures[m as usize];
    let doc = &b.derived.catalog.doc;
    let (reach, duties) = trail.as_ref().map_or_else(Default::default, |tr| {
        reach_and_duties(lang, cat, doc, ws, tr)
    });
    let evidence = mi.evidence.as_ref().map(|e| e.get(lang.code()).to_string());
    let profile_name = |id: &str| {
        cat.profiles
            .iter()
            .find(|p| p.id == id)
            .map_or(id.to_string(), |p| p.name.get(lang.code()).to_string())
    };
    let (required, baseline, catalog_baseline, profile_note, selection, trails, params) =
        match &trail {
            Some(tr) => {
                let note = match (&tr.added_by_profile, &tr.moved_by_profile) {
                    (Some(p), _) => t(lang, "ui-why-added-by", &[("profile", &profile_name(p))]),
                    (None, Some(p)) => t(lang, "ui-why-moved-by", &[("profile", &profile_name(p))]),
                    _ => String::new(),
                };
                let params = tr
                    .params
                    .iter()
                    .map(|(k, p)| {
                        (
                            k.clone(),
                            p.value.to_string(),
                            p.profile
                                .as_deref()
                                .map(profile_name)
                                .unwrap_or_else(|| t(lang, "ui-why-param-default", &[])),
                        )
                    })
                    .collect();
                (
                    true,
                    tr.baseline,
                    tr.catalog_baseline,
                    note,
                    t(lang, &format!("ui-selection-{}", tr.selection), &[]),
                    tr.because
                        .iter()
                        .map(|x| trail_view(lang, cat, ws, x))
                        .collect(),
                    params,
                )
            }
            None => (
                false,
                mi.level.number(),
                None,
                String::new(),
                String::new(),
                Vec::new(),
                Vec::new(),
            ),
        };
    html(WhyPage {
        p: v.body_page(&b, "ui-why-title", "measures"),
        measure: mi.id.clone(),
        name: mi.name.get(lang.code()).to_string(),
        place: sys.map_or(t(lang, "report-scope-org", &[]), |n| {
            ws.systems[n].name.clone()
        }),
        required,
        baseline,
        catalog_baseline,
        profile_note,
        selection,
        trails,
        reach,
        duties,
        evidence: evidence.unwrap_or_default(),
        params,
        state: (trail.as_ref())
            .map(|tr| super::sources::state_view(&b.derived, lang, &mi.id, &tr.status)),
    })
}
