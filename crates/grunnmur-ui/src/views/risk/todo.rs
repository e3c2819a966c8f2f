//! The risk list as the body's to-do, for the risk page and the dashboard.

use super::*;

/// An object on the to-do list: the engine's reasons, and what changed since an earlier
/// acceptance.
pub struct Needed {
    pub object: String,
    pub label: Shown,
    pub href: String,
    pub reasons: Vec<String>,
}

/// An object whose accepted risk assessment is current.
pub struct Assessed {
    pub label: Shown,
    pub href: String,
    pub assessment: i64,
    pub accepted: String,
    pub next_review: String,
}

/// The risk list as the body's to-do: an object whose accepted assessment is current is
/// assessed (with its date and next review) and off the list; the rest need one, with the
/// changes since an earlier acceptance among the reasons. The rule is the engine's
/// (`risk::review::standings`).
pub struct Todo {
    pub needed: Vec<Needed>,
    pub assessed: Vec<Assessed>,
}

pub async fn todo(s: &AppState, b: &BodyView, lang: Lang) -> Result<Todo, PageError> {
    let d = &b.derived;
    let (cat, ws) = (&d.catalog.catalog, &d.ws);
    let orgnr = &b.row.orgnr;
    let mut docs = Vec::new();
    for row in s.store.risk_assessments(orgnr).await? {
        docs.push((row.id, risk_api::stored_doc(&row)?));
    }
    let accepted: Vec<(i64, &RiskAssessment)> = docs
        .iter()
        .filter(|(_, doc)| doc.acceptance.is_some())
        .map(|(id, doc)| (*id, doc))
        .collect();
    let standings = review::standings(
        cat,
        ws,
        &d.assessment,
        &accepted,
        d.today,
        d.doc.org.review_months,
    );
    let standing_of = |object: &str| {
        standings
            .iter()
            .find(|x| grunnmur_core::report::object_id(ws, x.object) == object)
    };
    let mut needed = Vec::new();
    for r in &d.overview().risk_assessment_needed {
        let standing = standing_of(&r.object);
        if standing.is_some_and(Standing::is_current) {
            continue;
        }
        let (label, href) = object_label(cat, ws, orgnr, &r.object, lang);
        let mut reasons: Vec<String> = r
            .reasons
            .iter()
            .map(|x| t(lang, &format!("reason-{}", x.as_str()), &[]))
            .collect();
        if let Some(st) = standing {
            reasons.extend(st.changes.iter().map(|c| change_text(b, lang, st, c)));
        }
        needed.push(Needed {
            object: r.object.clone(),
            label,
            href,
            reasons,
        });
    }
    let assessed = standings
        .iter()
        .filter(|x| x.is_current())
        .map(|x| {
            let object = grunnmur_core::report::object_id(ws, x.object);
            let (label, href) = object_label(cat, ws, orgnr, &object, lang);
            Assessed {
                label,
                href,
                assessment: x.assessment,
                accepted: x.accepted.to_string(),
                next_review: x.next_review.to_string(),
            }
        })
        .collect();
    Ok(Todo { needed, assessed })
}

/// A change since an acceptance, in words, naming what changed.
fn change_text(b: &BodyView, lang: Lang, st: &Standing, c: &Change) -> String {
    let cat = &b.derived.catalog.catalog;
    let ws = &b.derived.ws;
    let code = lang.code();
    let what = match c {
        Change::Expired(_) => String::new(),
        Change::NewInfoTypes(ids) => ids
            .iter()
            .map(|id| {
                cat.info_types
                    .iter()
                    .find(|x| &x.id == id)
                    .map(|x| x.name.get(code).to_string())
                    .or_else(|| {
                        ws.own_info_types
                            .iter()
                            .find(|x| &x.id == id)
                            .map(|x| x.name.clone())
                    })
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Change::RaisedLevels(dims) => dims
            .iter()
            .map(|d| dim_label(lang, *d))
            .collect::<Vec<_>>()
            .join(", "),
        Change::NewOverdue(ids) => ids
            .iter()
            .map(|id| measure_name(b, lang, id))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let date = match c {
        Change::Expired(d) => d.to_string(),
        _ => st.accepted.to_string(),
    };
    t(
        lang,
        &format!("risk-change-{}", c.as_str()),
        &[("date", &date), ("what", &what)],
    )
}

/// A measure's name with its id, or the id alone when the catalog has no such measure.
pub(super) fn measure_name(b: &BodyView, lang: Lang, id: &str) -> String {
    b.derived
        .catalog
        .catalog
        .measures
        .iter()
        .find(|m| m.id == id)
        .map(|m| format!("{} ({id})", m.name.get(lang.code())))
        .unwrap_or_else(|| id.to_string())
}
