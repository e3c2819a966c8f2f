//! A body's systems as OSCAL system security plans, one per system: the information types
//! the system processes with their C/I/A impacts (recommended → base, after the body's
//! adaptation → selected; lav/middels/høy ↦ fips-199-low/moderate/high), the system's derived
//! security levels, and an implemented requirement per required measure (the system's own and
//! the body's org-scope measures) with its status.
//!
//! A view: everything comes from the engine's assessment; nothing is recomputed here.

use crate::export::{ExportOptions, NS, baseline_file, sector_file, uuid_for};
use crate::model::Document;
use grunnmur_catalog::format::CatalogDoc;
use grunnmur_core::catalog::Catalog;
use grunnmur_core::derive::Assessment;
use grunnmur_core::level::{Dimension, Level};
use grunnmur_core::workspace::{InfoRef, Status, Workspace};
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

/// The system security plan of system `system` (an index into `ws.systems`).
pub fn system_security_plan(
    doc: &CatalogDoc,
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    system: usize,
    opts: &ExportOptions,
) -> Document {
    let lang = opts.lang.as_str();
    let s = &ws.systems[system];
    let r = &a.systems[system];
    let info_types = information_types(doc, cat, ws, a, system, lang);
    let requirements = requirements(cat, ws, a, system);
    let key = |parts: &[&str]| ssp_key(ws, system, parts);

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
            "parties": [{
                "uuid": key(&["org"]),
                "type": "organization",
                "name": ws.org.name,
            }],
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
            "components": [{
                "uuid": key(&["component"]),
                "type": "this-system",
                "title": s.name,
                "description": s.name,
                "status": {"state": "operational"},
            }],
        },
        "control-implementation": {
            "description": match lang {
                "en" => "Measures required by Grunnmur for this system and for the body, with their status.",
                _ => "Tiltak Grunnmur krever for dette systemet og for virksomheten, med status.",
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

/// Required measures: the system's and the body's, each with its status.
fn requirements(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    system: usize,
) -> Vec<serde_json::Value> {
    let r = &a.systems[system];
    let key = |parts: &[&str]| ssp_key(ws, system, parts);
    let status_of = |m: u32, scope_system: Option<usize>| {
        ws.statuses
            .iter()
            .find(|st| st.measure == m && st.system == scope_system)
    };
    let mut requirements = Vec::new();
    let scopes = [(Some(system), &r.required), (None, &a.org_required)];
    for (scope, list) in scopes {
        for &m in list.iter() {
            let measure = &cat.measures[m as usize];
            let st = status_of(m, scope);
            let mut props = vec![
                json!({"name": "implementation-status",
                       "value": implementation_status(st.map(|x| x.status))}),
                json!({"name": "scope", "ns": NS,
                       "value": if scope.is_some() { "system" } else { "org" }}),
                json!({"name": "status", "ns": NS,
                       "value": st.map_or("not_started", |x| x.status.as_str())}),
            ];
            if let Some(e) = a.effective(cat, scope, m) {
                props.push(json!({"name": "baseline-level", "ns": NS,
                                  "value": e.level.number().to_string()}));
            }
            if let Some(o) = st.and_then(|x| x.owner.as_ref()) {
                props.push(json!({"name": "owner", "ns": NS, "value": o}));
            }
            if let Some(d) = st.and_then(|x| x.due) {
                props.push(json!({"name": "due", "ns": NS, "value": d.to_string()}));
            }
            let mut req = json!({
                "uuid": key(&["req", &measure.id, if scope.is_some() { "s" } else { "o" }]),
                "control-id": measure.id,
                "props": props,
            });
            if let Some(j) = st.and_then(|x| x.justification.as_ref()) {
                req["remarks"] = json!(j);
            }
            // Evidence: a URI becomes a link; a reference in words (a case number) a property.
            let mut links = Vec::new();
            for e in st.map(|x| x.evidence.as_slice()).unwrap_or_default() {
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

/// Plans for every system of the body.
pub fn system_security_plans(
    doc: &CatalogDoc,
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    opts: &ExportOptions,
) -> Vec<(String, Document)> {
    (0..ws.systems.len())
        .map(|n| {
            (
                ssp_file(ws, n),
                system_security_plan(doc, cat, ws, a, n, opts),
            )
        })
        .collect()
}
