//! A body's systems as OSCAL system security plans, one per system: the information types
//! the system processes with their C/I/A impacts (recommended → base, after the body's
//! adaptation → selected; lav/middels/høy ↦ fips-199-low/moderate/high), the system's derived
//! security levels, and an implemented requirement per required measure (the system's own and
//! the body's org-scope measures) with its effective status and where that comes from
//! (`by-components`): the system itself — the body's own status or an implementation — and,
//! when a supplier's declaration covers the measure, the service as a component of its own,
//! with what the supplier does (`inherited`) and, for a shared measure, what the body does
//! (`satisfied`). A declaration is no authorization (OSCAL's leveraged authorizations need the
//! date one was given), so a service is a component of type `service`, external to the system.
//!
//! A view: everything comes from the engine's assessment; nothing is recomputed here.

use crate::component::{clean, responsibility_text};
use crate::export::{ExportOptions, NS, baseline_file, sector_file, uuid_for};
use crate::model::Document;
use grunnmur_catalog::DeclarationDoc;
use grunnmur_catalog::declaration::ServiceDoc;
use grunnmur_catalog::format::CatalogDoc;
use grunnmur_core::catalog::Catalog;
use grunnmur_core::derive::Assessment;
use grunnmur_core::effective::{PairState, Part, Source, service_key};
use grunnmur_core::level::{Dimension, Level};
use grunnmur_core::workspace::{InfoRef, MeasureStatus, ServiceIdx, Status, Workspace};
use serde_json::json;
use std::collections::BTreeSet;

pub fn fips199(l: Level) -> &'static str {
    match l {
        Level::Lav => "fips-199-low",
        Level::Middels => "fips-199-moderate",
        Level::Hoy => "fips-199-high",
    }
}

/// OSCAL's `implementation-status` for a Grunnmur measure status.
pub fn implementation_status(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Implemented | Status::Supplier) => "implemented",
        Some(Status::Partial | Status::InProgress) => "partial",
        Some(Status::NotApplicable) => "not-applicable",
        Some(Status::NotStarted) | None => "planned",
    }
}

/// File name of a system's plan.
pub fn ssp_file(ws: &Workspace, system: usize) -> String {
    format!("ssp-{}.json", ws.systems[system].id)
}

/// The system security plan of system `system` (an index into `ws.systems`); `declarations`
/// are those the body was resolved with, for the names and words of the services it links.
pub fn system_security_plan(
    doc: &CatalogDoc,
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    declarations: &[DeclarationDoc],
    system: usize,
    opts: &ExportOptions,
) -> Document {
    let lang = opts.lang.as_str();
    let s = &ws.systems[system];
    let r = &a.systems[system];
    let info_types = information_types(doc, cat, ws, a, system, lang);
    let services = Services::new(ws, declarations, system, lang);
    let requirements = requirements(cat, ws, a, &services, system, lang);
    let key = |parts: &[&str]| ssp_key(ws, system, parts);
    let mut parties = vec![json!({
        "uuid": key(&["org"]),
        "type": "organization",
        "name": ws.org.name,
    })];
    parties.extend(services.parties());
    let mut components = vec![json!({
        "uuid": key(&["component"]),
        "type": "this-system",
        "title": s.name,
        "description": s.name,
        "status": {"state": "operational"},
    })];
    components.extend(services.components());
    let roles = match lang {
        "en" => [("system-owner", "System owner"), ("provider", "Supplier")],
        _ => [("system-owner", "Systemeier"), ("provider", "Leverandør")],
    };
    let roles: Vec<_> = (roles.iter())
        .map(|(id, title)| json!({"id": id, "title": title}))
        .collect();

    let max = r.levels.max_level();
    let profile = match a.plan.profiles.first() {
        Some(&p) => doc
            .profiles
            .iter()
            .find(|d| d.id == cat.profiles[p as usize].id)
            .map(|d| sector_file(d, max.as_u8()))
            .unwrap_or_else(|| baseline_file(max.as_u8())),
        None => baseline_file(max.as_u8()),
    };
    let levels = &r.levels;
    let title = match lang {
        "en" => format!("System security plan: {}", s.name),
        _ => format!("Systemsikkerhetsplan: {}", s.name),
    };
    let mut body_props = vec![
        json!({"name": "orgnr", "ns": NS, "value": ws.org.orgnr}),
        json!({"name": "selection", "ns": NS, "value": ws.org.selection.as_str()}),
    ];
    for &p in &a.plan.profiles {
        body_props.push(json!({"name": "profile", "ns": NS, "value": cat.profiles[p as usize].id}));
    }
    let ssp = json!({
        "uuid": key(&[&opts.timestamp]),
        "metadata": {
            "title": title,
            "last-modified": opts.timestamp,
            "version": format!("{} {}", cat.id, cat.version),
            "oscal-version": crate::OSCAL_VERSION,
            "props": body_props,
            "roles": roles,
            "parties": parties,
        },
        "import-profile": {"href": profile},
        "system-characteristics": {
            "system-ids": [{"identifier-type": NS, "id": s.id}],
            "system-name": s.name,
            "description": s.name,
            "props": [
                {"name": "level-c", "ns": NS, "value": levels[Dimension::C].as_str()},
                {"name": "level-i", "ns": NS, "value": levels[Dimension::I].as_str()},
                {"name": "level-a", "ns": NS, "value": levels[Dimension::A].as_str()},
            ],
            "security-sensitivity-level": fips199(max),
            "system-information": {"information-types": info_types},
            "security-impact-level": {
                "security-objective-confidentiality": fips199(levels[Dimension::C]),
                "security-objective-integrity": fips199(levels[Dimension::I]),
                "security-objective-availability": fips199(levels[Dimension::A]),
            },
            "status": {"state": "operational"},
            "authorization-boundary": {"description": s.name},
        },
        "system-implementation": {
            "users": [{
                "uuid": key(&["user"]),
                "title": ws.org.name,
                "role-ids": ["system-owner"],
            }],
            "components": components,
        },
        "control-implementation": {
            "description": match lang {
                "en" => "Measures required by Grunnmur for this system and for the body, with their status and where it comes from.",
                _ => "Tiltak Grunnmur krever for dette systemet og for virksomheten, med status og hvor den kommer fra.",
            },
            "implemented-requirements": requirements,
        },
    });
    Document::SystemSecurityPlan(ssp)
}

/// The uuid of a part of one system's plan, stable across exports.
fn ssp_key(ws: &Workspace, system: usize, parts: &[&str]) -> String {
    let mut all = vec!["ssp", ws.org.orgnr.as_str(), ws.systems[system].id.as_str()];
    all.extend_from_slice(parts);
    uuid_for(&all)
}

/// Information types: each (task, item) the system processes, once per information type.
fn information_types(
    doc: &CatalogDoc,
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    system: usize,
    lang: &str,
) -> Vec<serde_json::Value> {
    let s = &ws.systems[system];
    let key = |parts: &[&str]| ssp_key(ws, system, parts);
    let mut seen = BTreeSet::new();
    let mut info_types = Vec::new();
    for p in &s.processes {
        let task = &ws.tasks[p.task];
        for &item in &p.items {
            let Some(adapted) = a.tasks[p.task].items.get(item as usize) else {
                continue;
            };
            let info = task.info_types[item as usize];
            let id = ws.info_id(cat, info).to_string();
            if !seen.insert(id.clone()) {
                continue;
            }
            let (title, description) = match info {
                InfoRef::Catalog(i) => {
                    let d = doc.info_types.iter().find(|t| t.id == id);
                    (
                        cat.info_types[i as usize].name.get(lang).to_string(),
                        d.and_then(|d| d.rationale.as_ref())
                            .map(|r| r.get(lang).to_string())
                            .unwrap_or_else(|| id.clone()),
                    )
                }
                InfoRef::Own(i) => (ws.own_info_types[i as usize].name.clone(), id.clone()),
            };
            let rec = ws.recommended(cat, info);
            let impact = |d: Dimension| {
                let mut v = json!({"base": fips199(rec[d])});
                if adapted.levels[d] != rec[d] {
                    v["selected"] = json!(fips199(adapted.levels[d]));
                    if let Some(n) = adapted.adaptation {
                        v["adjustment-justification"] =
                            json!(task.adaptations[n as usize].justification);
                    }
                }
                v
            };
            info_types.push(json!({
                "uuid": key(&["info", &id]),
                "title": title,
                "description": description,
                "props": [{"name": "info-type-id", "ns": NS, "value": id}],
                "confidentiality-impact": impact(Dimension::C),
                "integrity-impact": impact(Dimension::I),
                "availability-impact": impact(Dimension::A),
            }));
        }
    }
    if info_types.is_empty() {
        info_types.push(json!({
            "uuid": key(&["info", "-"]),
            "title": "-",
            "description": "-",
            "confidentiality-impact": {"base": fips199(Level::Lav)},
            "integrity-impact": {"base": fips199(Level::Lav)},
            "availability-impact": {"base": fips199(Level::Lav)},
        }));
    }
    info_types
}

/// The services a plan names: those the system and the body link, each a component with the
/// name and words its declaration gives.
struct Services {
    list: Vec<(ServiceIdx, Service)>,
    /// The suppliers as parties: (uuid, name), one per declaration.
    suppliers: Vec<(String, String)>,
}

struct Service {
    /// `<declaration id>/<service id>`.
    key: String,
    uuid: String,
    party: String,
    title: String,
    description: String,
    supplier: String,
    valid_until: String,
    withdrawn: Option<String>,
    doc: Option<ServiceDoc>,
}

impl Services {
    fn new(ws: &Workspace, declarations: &[DeclarationDoc], system: usize, lang: &str) -> Self {
        let mut linked: Vec<ServiceIdx> = (ws.sources.of_system(system).iter())
            .chain(&ws.sources.org_services)
            .copied()
            .collect();
        linked.sort_unstable();
        linked.dedup();
        let mut suppliers = Vec::new();
        let list = (linked.into_iter())
            .map(|sv| {
                let found = &ws.sources.services[sv];
                let decl = &ws.sources.declarations[found.declaration];
                let doc = (declarations.iter())
                    .find(|d| d.declaration.id == decl.id)
                    .and_then(|d| d.service(&found.id))
                    .cloned();
                let key = service_key(ws, sv);
                let title = doc
                    .as_ref()
                    .map_or(key.clone(), |d| clean(d.name.get(lang)));
                let description = (doc.as_ref())
                    .and_then(|d| d.description.as_ref())
                    .map_or(title.clone(), |t| clean(t.get(lang)));
                let party = ssp_key(ws, system, &["supplier", &decl.id]);
                if !suppliers.iter().any(|(p, _)| *p == party) {
                    suppliers.push((party.clone(), clean(&decl.supplier)));
                }
                let service = Service {
                    uuid: ssp_key(ws, system, &["service", &key]),
                    key,
                    party,
                    title,
                    description,
                    supplier: clean(&decl.supplier),
                    valid_until: decl.valid_until.to_string(),
                    withdrawn: decl.withdrawn.map(|d| d.to_string()),
                    doc,
                };
                (sv, service)
            })
            .collect();
        Services { list, suppliers }
    }

    fn get(&self, sv: ServiceIdx) -> Option<&Service> {
        self.list.iter().find(|(n, _)| *n == sv).map(|(_, s)| s)
    }

    fn parties(&self) -> impl Iterator<Item = serde_json::Value> + '_ {
        (self.suppliers.iter())
            .map(|(uuid, name)| json!({"uuid": uuid, "type": "organization", "name": name}))
    }

    /// The services as components of the system, outside its own boundary.
    fn components(&self) -> impl Iterator<Item = serde_json::Value> + '_ {
        self.list.iter().map(|(_, s)| {
            let mut props = vec![
                json!({"name": "implementation-point", "value": "external"}),
                json!({"name": "service", "ns": NS, "value": s.key}),
                json!({"name": "valid-until", "ns": NS, "value": s.valid_until}),
            ];
            if let Some(w) = &s.withdrawn {
                props.push(json!({"name": "withdrawn", "ns": NS, "value": w}));
            }
            json!({
                "uuid": s.uuid,
                "type": "service",
                "title": s.title,
                "description": s.description,
                "props": props,
                "status": {"state": "operational"},
                "responsible-roles": [{"role-id": "provider", "party-uuids": [s.party]}],
            })
        })
    }
}

impl Service {
    /// What the customer must still do for a shared measure, as the declaration says it.
    fn customer(&self, measure: &str, lang: &str) -> Option<String> {
        (self.doc.as_ref()?.covers.iter())
            .find(|c| c.measure == measure)
            .and_then(|c| c.customer.as_ref())
            .map(|t| clean(t.get(lang)))
    }
}

/// Required measures: the system's and the body's, each with its effective status (rule 15)
/// and, as `by-components`, where it comes from: the system itself (the body's own entry or an
/// implementation) and the supplier's service that covers it, if any.
fn requirements(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    services: &Services,
    system: usize,
    lang: &str,
) -> Vec<serde_json::Value> {
    let r = &a.systems[system];
    let key = |parts: &[&str]| ssp_key(ws, system, parts);
    let mut requirements = Vec::new();
    let scopes = [
        (Some(system), &r.required, &r.states),
        (None, &a.org_required, &a.org_states),
    ];
    for (scope, list, states) in scopes {
        let scope_key = if scope.is_some() { "s" } else { "o" };
        for (&m, state) in list.iter().zip(states.iter(list.len())) {
            let measure = &cat.measures[m as usize];
            let own = own_entry(ws, state.source);
            let mut props = vec![
                json!({"name": "implementation-status",
                       "value": implementation_status(Some(state.status))}),
                json!({"name": "scope", "ns": NS,
                       "value": if scope.is_some() { "system" } else { "org" }}),
                json!({"name": "status", "ns": NS, "value": state.status.as_str()}),
                json!({"name": "source", "ns": NS, "value": state.out(ws).source.kind()}),
            ];
            if let Some(e) = a.effective(cat, scope, m) {
                props.push(json!({"name": "baseline-level", "ns": NS,
                                  "value": e.level.number().to_string()}));
            }
            if let Some(o) = own.and_then(|x| x.owner.as_ref()) {
                props.push(json!({"name": "owner", "ns": NS, "value": o}));
            }
            if let Some(d) = own.and_then(|x| x.due) {
                props.push(json!({"name": "due", "ns": NS, "value": d.to_string()}));
            }
            let req_key = [measure.id.as_str(), scope_key];
            let mut req = json!({
                "uuid": key(&["req", req_key[0], req_key[1]]),
                "control-id": measure.id,
                "props": props,
                "by-components": by_components(ws, services, &state, &req_key, &key, lang),
            });
            if let Some(j) = own.and_then(|x| x.justification.as_ref()) {
                req["remarks"] = json!(j);
            }
            // Evidence: a URI becomes a link; a reference in words (a case number) a property.
            let mut links = Vec::new();
            for e in own.map(|x| x.evidence.as_slice()).unwrap_or_default() {
                let uri = e.contains(':') && !e.chars().any(char::is_whitespace);
                if uri {
                    links.push(json!({"href": e, "rel": "evidence"}));
                } else if let Some(p) = req["props"].as_array_mut() {
                    p.push(json!({"name": "evidence", "ns": NS, "value": e.trim()}));
                }
            }
            if !links.is_empty() {
                req["links"] = json!(links);
            }
            requirements.push(req);
        }
    }
    requirements
}

/// The body's own status entry behind a pair's status, if that is where it comes from.
fn own_entry(ws: &Workspace, source: Source) -> Option<&MeasureStatus> {
    match source {
        Source::Own(o)
        | Source::Shared {
            customer: Some(Part::Own(o)),
            ..
        } => ws.statuses.get(o),
        _ => None,
    }
}

/// A requirement's `by-components`: the system's own part, always, and the service's part when
/// a supplier's declaration covers it — `inherited` what the supplier does and, for a shared
/// measure, `satisfied` what the customer does.
fn by_components(
    ws: &Workspace,
    services: &Services,
    state: &PairState,
    req: &[&str; 2],
    key: &impl Fn(&[&str]) -> String,
    lang: &str,
) -> Vec<serde_json::Value> {
    let en = lang == "en";
    let part_key = |part: &str| key(&["req", req[0], req[1], part]);
    let implementation = |i: usize| {
        let im = &ws.sources.implementations[i];
        match en {
            true => format!("Through the implementation {} ({}).", im.name, im.id),
            false => format!("Gjennom implementeringen {} ({}).", im.name, im.id),
        }
    };
    let own = |service: Option<&Service>| -> String {
        match (state.source, service) {
            (Source::Own(_), _) => match en {
                true => "The body's own status.".into(),
                false => "Virksomhetens egen status.".into(),
            },
            (Source::Implementation(i), _) => implementation(i),
            (Source::Supplier(_), Some(sv)) => match en {
                true => format!("Inherited in full from {} ({}).", sv.title, sv.supplier),
                false => format!("Arves i sin helhet fra {} ({}).", sv.title, sv.supplier),
            },
            (Source::Shared { customer, .. }, Some(sv)) => {
                let shared = match en {
                    true => format!("Shared with {} ({}).", sv.title, sv.supplier),
                    false => format!("Delt med {} ({}).", sv.title, sv.supplier),
                };
                let part = match customer {
                    Some(Part::Own(_)) => match en {
                        true => "The body's part: its own status.".to_string(),
                        false => "Virksomhetens del: egen status.".to_string(),
                    },
                    Some(Part::Implementation(i)) => implementation(i),
                    None => match en {
                        true => "The body's part is not started.".to_string(),
                        false => "Virksomhetens del er ikke påbegynt.".to_string(),
                    },
                };
                format!("{shared} {part}")
            }
            _ => match en {
                true => "Not started: nothing covers this measure yet.".into(),
                false => "Ikke påbegynt: ingenting dekker tiltaket ennå.".into(),
            },
        }
    };
    let service = match state.source {
        Source::Supplier(sv) | Source::Shared { service: sv, .. } => services.get(sv),
        _ => None,
    };
    let mut this = json!({
        "component-uuid": key(&["component"]),
        "uuid": part_key("this-system"),
        "description": own(service),
        "implementation-status": {"state": implementation_status(Some(state.status))},
    });
    let implementation = match state.source {
        Source::Implementation(i)
        | Source::Shared {
            customer: Some(Part::Implementation(i)),
            ..
        } => Some(&ws.sources.implementations[i]),
        _ => None,
    };
    if let Some(im) = implementation {
        let mut props = vec![json!({"name": "implementation", "ns": NS, "value": im.id})];
        if let Some(o) = &im.owner {
            props.push(json!({"name": "owner", "ns": NS, "value": o}));
        }
        if let Some(d) = im.due {
            props.push(json!({"name": "due", "ns": NS, "value": d.to_string()}));
        }
        this["props"] = json!(props);
    }
    let mut out = vec![this];
    let Some(sv) = service else {
        return out;
    };
    let shared = matches!(state.source, Source::Shared { .. });
    let mut part = json!({
        "component-uuid": sv.uuid,
        "uuid": part_key(&format!("service {}", sv.key)),
        "description": responsibility_text(shared, lang),
        "props": [{"name": "responsibility", "ns": NS,
                   "value": if shared { "shared" } else { "supplier" }}],
        "implementation-status": {"state": "implemented"},
        "inherited": [{
            "uuid": part_key(&format!("inherited {}", sv.key)),
            "description": format!("{} ({}): {}", sv.title, sv.supplier, responsibility_text(shared, lang)),
        }],
    });
    if shared {
        let customer = sv.customer(req[0], lang).unwrap_or_else(|| match en {
            true => "The customer does the rest.".into(),
            false => "Kunden gjør resten.".into(),
        });
        part["satisfied"] = json!([{
            "uuid": part_key(&format!("satisfied {}", sv.key)),
            "description": customer,
        }]);
    }
    out.push(part);
    out
}
/// Plans for every system of the body.
pub fn system_security_plans(
    doc: &CatalogDoc,
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    declarations: &[DeclarationDoc],
    opts: &ExportOptions,
) -> Vec<(String, Document)> {
    (0..ws.systems.len())
        .map(|n| {
            (
                ssp_file(ws, n),
                system_security_plan(doc, cat, ws, a, declarations, n, opts),
            )
        })
        .collect()
}
