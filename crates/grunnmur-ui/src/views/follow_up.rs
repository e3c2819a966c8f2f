//! Follow-up (*Mine oppgaver*): the work someone owns that is not done — the body's own
//! statuses of required measures, implementations, and risk treatments — overdue first, then
//! due within 30 days, then later or without a date. Opened for the reader's own name or
//! e-mail when an owner field says it; any owner can be chosen from a picker. Recurring work
//! in place (the annual cycle, `year`) is listed when overdue or due within 30 days.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_core::Date;
use grunnmur_core::workspace::Status;
use grunnmur_web::AppState;
use grunnmur_web::risk_api;
use serde::Deserialize;

/// Days ahead that count as soon.
pub const SOON_DAYS: i64 = 30;

/// A piece of open work.
pub struct Item {
    /// `measure`, `implementation` or `treatment`: the kind in words comes from the keys.
    pub kind: String,
    pub what: String,
    /// ` lang="…"` for `what` where it is a catalog name not in the page's language.
    pub what_lang: &'static str,
    pub place: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: String,
    pub href: String,
}

#[derive(Default, Deserialize)]
pub struct Filter {
    /// The owner chosen; absent: the reader's own, if an owner field names them; empty: all.
    pub owner: Option<String>,
}

pub struct Section {
    pub key: &'static str,
    pub items: Vec<Item>,
}

#[derive(Template)]
#[template(path = "follow_up.html")]
struct FollowUpPage {
    p: Page,
    owner: Select,
    sections: Vec<Section>,
    total: usize,
    query: String,
}

const OPEN: [Status; 3] = [Status::NotStarted, Status::InProgress, Status::Partial];

/// Every piece of open work with an owner or a due date, soonest first (none last).
pub async fn items(s: &AppState, b: &BodyView, lang: Lang) -> Result<Vec<Item>, PageError> {
    let d = &b.derived;
    let (ws, a, cat) = (&d.ws, &d.assessment, &d.catalog.catalog);
    let base = format!("/b/{}", b.row.orgnr);
    let org = t(lang, "report-scope-org", &[]);
    let mut out = Vec::new();
    let today = d.today;
    // Recurring work in place is open again when it falls due: listed within 30 days.
    let recurring_due =
        |recurs: Option<u32>, due| recurs.is_some() && super::year::due_soon(due, today, SOON_DAYS);
    for st in &ws.statuses {
        let open = OPEN.contains(&st.status);
        let recurring =
            !open && st.status != Status::NotApplicable && recurring_due(st.recurs, st.due);
        let required = match st.system {
            Some(n) => a.systems[n].required.contains(&st.measure),
            None => a.org_required.contains(&st.measure),
        };
        if !(open || recurring) || !required || (st.owner.is_none() && st.due.is_none()) {
            continue;
        }
        let m = &cat.measures[st.measure as usize];
        let (place, scope) = match st.system {
            Some(n) => (ws.systems[n].name.clone(), enc(&ws.systems[n].id)),
            None => (org.clone(), "org".to_string()),
        };
        out.push(Item {
            kind: if recurring { "recurring" } else { "measure" }.into(),
            what: format!("{} ({})", m.name.get(lang.code()), m.id),
            what_lang: Shown::of(&m.name, lang).lang_attr(),
            place,
            owner: st.owner.clone().unwrap_or_default(),
            due: st.due,
            status: status_label(lang, st.status),
            href: format!("{base}/measures/{}?system={scope}", enc(&m.id)),
        });
    }
    for im in &ws.sources.implementations {
        let recurring = !OPEN.contains(&im.status) && recurring_due(im.recurs, im.due);
        if !(OPEN.contains(&im.status) || recurring) || (im.owner.is_none() && im.due.is_none()) {
            continue;
        }
        out.push(Item {
            kind: if recurring {
                "recurring"
            } else {
                "implementation"
            }
            .into(),
            what: im.name.clone(),
            what_lang: "",
            place: super::implementations::covers_text(lang, b, &im.covers),
            owner: im.owner.clone().unwrap_or_default(),
            due: im.due,
            status: status_label(lang, im.status),
            href: format!("{base}/implementations/{}", enc(&im.id)),
        });
    }
    for row in s.store.risk_assessments(&b.row.orgnr).await? {
        let doc = risk_api::stored_doc(&row)?;
        let title = assessment_title(lang, &doc.title);
        for r in &doc.risks {
            let Some(tr) = &r.treatment else { continue };
            if tr.owner.is_none() && tr.due.is_none() {
                continue;
            }
            out.push(Item {
                kind: "treatment".into(),
                what: r.title.clone(),
                what_lang: "",
                place: format!("{title} (#{})", row.id),
                owner: tr.owner.clone().unwrap_or_default(),
                due: tr.due,
                status: t(
                    lang,
                    &format!("risk-decision-{}", tr.decision.as_str()),
                    &[],
                ),
                href: format!("{base}/risk/{}#risk-{}", row.id, enc(&r.id)),
            });
        }
    }
    out.sort_by_key(|x| (x.due.is_none(), x.due));
    Ok(out)
}

/// Whether `owner` names the reader: their name or e-mail, in any case.
fn is_me(v: &Viewer, owner: &str) -> bool {
    names(&v.user, owner)
}

/// Whether `owner` names the person: their name or e-mail, in any case.
pub fn names(user: &grunnmur_store::UserRow, owner: &str) -> bool {
    let owner = owner.trim().to_lowercase();
    !owner.is_empty() && (owner == user.email.to_lowercase() || owner == user.name.to_lowercase())
}

/// The owner the page shows: the one asked for, or else the reader when an owner names them.
fn chosen(v: &Viewer, q: &Filter, owners: &[String]) -> String {
    match &q.owner {
        Some(o) => o.clone(),
        None => (owners.iter().find(|o| is_me(v, o)).cloned()).unwrap_or_default(),
    }
}

/// The distinct owners named, sorted without regard to case.
pub fn owners(items: &[Item]) -> Vec<String> {
    let mut owners: Vec<String> = (items.iter().map(|x| x.owner.trim().to_string()))
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort_by_key(|o| o.to_lowercase());
    owners.dedup_by_key(|o| o.to_lowercase());
    owners
}

/// The items of one owner, in any case; all for an empty one.
pub fn of_owner(items: Vec<Item>, owner: &str) -> Vec<Item> {
    let wanted = owner.trim().to_lowercase();
    (items.into_iter())
        .filter(|x| wanted.is_empty() || x.owner.trim().to_lowercase() == wanted)
        .collect()
}

/// What the page and its downloads show: the chosen owner's items, every owner, the owner.
pub async fn chosen_items(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    q: &Filter,
) -> Result<(Vec<Item>, Vec<String>, String), PageError> {
    let all = items(s, b, v.lang).await?;
    let owners = owners(&all);
    let owner = chosen(v, q, &owners);
    Ok((of_owner(all, &owner), owners, owner))
}

pub async fn show(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<Filter>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let (items, owners, owner) = chosen_items(&s, &v, &b, &q).await?;
    let today = b.derived.today;
    let soon = Date::from_days_since_epoch(today.days_since_epoch() + SOON_DAYS);
    let mut sections = vec![
        Section {
            key: "overdue",
            items: Vec::new(),
        },
        Section {
            key: "soon",
            items: Vec::new(),
        },
        Section {
            key: "later",
            items: Vec::new(),
        },
    ];
    let total = items.len();
    for x in items {
        let n = match x.due {
            Some(d) if d < today => 0,
            Some(d) if d <= soon => 1,
            _ => 2,
        };
        sections[n].items.push(x);
    }
    let mut options = vec![(String::new(), t(lang, "ui-follow-all", &[]))];
    options.extend(owners.iter().map(|o| {
        let label = if is_me(&v, o) {
            t(lang, "ui-follow-me", &[("owner", o)])
        } else {
            o.clone()
        };
        (o.clone(), label)
    }));
    let mut picker = Select::new("owner", t(lang, "ui-follow-owner", &[]), options, &owner);
    picker.hint = t(lang, "ui-follow-owner-hint", &[]);
    html(FollowUpPage {
        p: v.body_page(&b, "ui-follow-title", "follow-up"),
        owner: picker,
        sections,
        total,
        query: format!("owner={}", enc(&owner)),
    })
}
