//! Where a required pair's status comes from (rule 15), in words: the body's own entry, an
//! implementation, a supplier's service, or a shared service with the body's part.

use grunnmur_core::effective::{SourceOut, StateOut};
use grunnmur_i18n::{Lang, t};
use grunnmur_web::ops::Derived;

/// A pair's status in words, and the sentences that say where it comes from.
pub struct StateView {
    pub status: String,
    pub lines: Vec<String>,
}

/// The service `<declaration>/<service>`: its name and its supplier's, the declaration's end,
/// and what the customer must do for `measure` (shared).
pub fn service(
    d: &Derived,
    lang: Lang,
    key: &str,
    measure: &str,
) -> (String, String, String, String) {
    let (decl, sv) = key.split_once('/').unwrap_or((key, ""));
    let Some(doc) = d.declarations.iter().find(|x| x.declaration.id == decl) else {
        return (key.to_string(), String::new(), String::new(), String::new());
    };
    let service = doc.service(sv);
    let name = service.map_or(key.to_string(), |s| s.name.get(lang.code()).to_string());
    let customer = (service.into_iter())
        .flat_map(|s| s.covers.iter())
        .find(|c| c.measure == measure)
        .and_then(|c| c.customer.as_ref())
        .map(|c| c.get(lang.code()).to_string())
        .unwrap_or_default();
    let supplier = doc.declaration.supplier.name.clone();
    (
        name,
        supplier,
        doc.declaration.valid_until.clone(),
        customer,
    )
}

fn implementation(d: &Derived, lang: Lang, id: &str) -> String {
    let name = (d.ws.sources.implementations.iter())
        .find(|x| x.id == id)
        .map_or(id, |x| x.name.as_str());
    t(
        lang,
        "ui-source-implementation",
        &[("name", name), ("id", id)],
    )
}

/// The status of `measure` at a place, and why.
pub fn state_view(d: &Derived, lang: Lang, measure: &str, st: &StateOut) -> StateView {
    let mut lines = Vec::new();
    match &st.source {
        SourceOut::Own => lines.push(t(lang, "ui-source-own", &[])),
        SourceOut::Implementation { id } => lines.push(implementation(d, lang, id)),
        SourceOut::Supplier { service: key } => {
            let (name, supplier, until, _) = service(d, lang, key, measure);
            let args = [
                ("service", name.as_str()),
                ("supplier", &supplier),
                ("until", &until),
            ];
            lines.push(t(lang, "ui-source-supplier", &args));
        }
        SourceOut::Shared {
            service: key,
            customer,
        } => {
            let (name, supplier, _, todo) = service(d, lang, key, measure);
            let args = [
                ("service", name.as_str()),
                ("supplier", &supplier),
                ("customer", &todo),
            ];
            lines.push(t(lang, "ui-source-shared", &args));
            lines.push(match customer.as_deref() {
                Some(SourceOut::Own) => t(lang, "ui-source-part-own", &[]),
                Some(SourceOut::Implementation { id }) => implementation(d, lang, id),
                _ => t(lang, "ui-source-part-none", &[]),
            });
        }
        SourceOut::None => lines.push(t(lang, "ui-source-none", &[])),
    }
    if st.overdue {
        lines.push(t(lang, "ui-source-overdue", &[]));
    }
    StateView {
        status: t(lang, &format!("report-status-{}", st.status.as_str()), &[]),
        lines,
    }
}
