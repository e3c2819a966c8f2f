//! Import: any OSCAL catalog as a Grunnmur measure bank, with up to three (resolved) baseline
//! profiles mapped to BN1-BN3. The result is a catalog-format document that
//! `grunnmur_catalog::check_catalog` accepts, so a body can be assessed against it.
//!
//! Mapping (see docs/OSCAL.md):
//! - control → measure; id lower-cased (`AC-2` → `ac-2`), the original id kept in
//!   `refs.oscal`; title → name; the statement and guidance parts → statement and guidance;
//!   parameters with values → params.
//! - baseline level: 1 when the first baseline profile selects the control, else 2 for the
//!   second, 3 for the third. Controls in no baseline become profile-only measures that one
//!   extra profile (`<id>.utenfor-basis`, for bodies of sector `oscal-utenfor-basis`) adds.
//!   Without baseline profiles every control is at level 1.
//! - owner: the `owner` property an export wrote, when the base catalog or the catalog's parties
//!   know it; otherwise an owner for the imported catalog itself, with the import's id and the
//!   catalog's title as its name (see `assign_owners`).
//! - Grunnmur properties (from an export) are read back when present; otherwise protects is
//!   C, I and A, scope is system, and purpose, kind and activity follow the top-level group
//!   (NIST SP 800-53 families are known; anything else is organisational risk treatment).

use crate::error::{OscalError, Warning};
use crate::export::NS;
use crate::model::{Catalog, Control, Param, Part};
use grunnmur_catalog::format::{CatalogDoc, Header, MeasureDoc, OwnerDoc, ProfileDoc, TextDoc};
use grunnmur_core::catalog::{Activity, MeasureKind, Purpose, Scope};
use grunnmur_core::level::Dimension;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The id of the resulting catalog, and the prefix of the extra profile.
    pub id: String,
    /// Keep the base catalog's measures and profiles and add the imported ones beside them;
    /// otherwise the imported measures replace them.
    pub beside: bool,
}

#[derive(Clone, Debug)]
pub struct Imported {
    pub doc: CatalogDoc,
    pub warnings: Vec<Warning>,
    /// Measures per baseline level 1, 2, 3, and profile-only.
    pub counts: [usize; 4],
}

fn text(s: &str) -> TextDoc {
    TextDoc {
        nb: Some(s.to_string()),
        en: Some(s.to_string()),
    }
}

/// A control id as a Grunnmur id: lower case; characters outside `a-z 0-9 . - _` become `-`.
pub fn measure_id(control_id: &str) -> String {
    let mut s: String = control_id
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if !s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        s.insert(0, 'x');
    }
    s
}

/// Purpose, kind and activity for a NIST SP 800-53 family (the top-level group id).
fn family(group: &str) -> (Purpose, MeasureKind, Activity) {
    use Activity as A;
    use MeasureKind as K;
    use Purpose as P;
    match group {
        "at" => (P::Forebygge, K::Menneskelig, A::Kompetanse),
        "ps" => (P::Forebygge, K::Menneskelig, A::Risikohandtering),
        "pe" => (P::Forebygge, K::Fysisk, A::Risikohandtering),
        "au" | "si" => (P::Oppdage, K::Teknologisk, A::Overvaking),
        "ir" => (P::Handtere, K::Organisatorisk, A::Overvaking),
        "cp" => (P::Handtere, K::Organisatorisk, A::Risikohandtering),
        "ra" => (P::Forebygge, K::Organisatorisk, A::Risikovurdering),
        "ca" => (P::Oppdage, K::Organisatorisk, A::Maling),
        "pm" | "pl" => (P::Forebygge, K::Organisatorisk, A::Styring),
        "ac" | "ia" | "sc" | "cm" | "ma" | "mp" | "sa" | "sr" | "pt" => {
            (P::Forebygge, K::Teknologisk, A::Risikohandtering)
        }
        _ => (P::Forebygge, K::Organisatorisk, A::Risikohandtering),
    }
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(Value::String(s.to_string())).ok()
}

/// Prose with parameter inserts replaced by the parameter's value or label.
fn render(prose: &str, params: &HashMap<&str, &Param>) -> String {
    let mut out = String::with_capacity(prose.len());
    let mut rest = prose;
    while let Some(n) = rest.find("{{") {
        out.push_str(&rest[..n]);
        let after = &rest[n + 2..];
        let Some(end) = after.find("}}") else {
            out.push_str(&rest[n..]);
            return out;
        };
        let inner: Vec<&str> = after[..end].split(',').map(str::trim).collect();
        let id = inner.get(1).copied().unwrap_or_default();
        match params.get(id) {
            Some(p) if !p.values.is_empty() => out.push_str(&p.values.join(", ")),
            Some(p) => {
                out.push('[');
                out.push_str(p.label.as_deref().unwrap_or(id));
                out.push(']');
            }
            None => out.push_str(&format!("[{id}]")),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// A part and its sub-parts as plain text, items prefixed with their label.
fn part_text(p: &Part, params: &HashMap<&str, &Param>, out: &mut Vec<String>) {
    let label = p
        .props
        .iter()
        .find(|x| x.name == "label")
        .map(|x| x.value.as_str());
    if let Some(prose) = &p.prose {
        let t = render(prose, params);
        out.push(match label {
            Some(l) => format!("{l} {t}"),
            None => t,
        });
    }
    for sp in &p.parts {
        part_text(sp, params, out);
    }
}

fn measure(
    c: &Control,
    group: &str,
    level: Option<u8>,
    params: &HashMap<&str, &Param>,
) -> MeasureDoc {
    let (mut purpose, mut kind, mut activity) = family(group);
    let mut scope = Scope::System;
    let mut protects: Vec<Dimension> = Vec::new();
    let mut owner = None;
    for p in c.props.iter().filter(|p| p.ns.as_deref() == Some(NS)) {
        match p.name.as_str() {
            "owner" => owner = Some(p.value.clone()),
            "protects" => protects.extend(Dimension::parse(&p.value)),
            "scope" => scope = parse_enum(&p.value).unwrap_or(scope),
            "purpose" => purpose = parse_enum(&p.value).unwrap_or(purpose),
            "kind" => kind = parse_enum(&p.value).unwrap_or(kind),
            _ => {}
        }
    }
    if let Some(a) = parse_enum::<Activity>(group) {
        activity = a;
    }
    if protects.is_empty() {
        protects = Dimension::ALL.to_vec();
    }
    let section = |name: &str| -> Option<TextDoc> {
        let mut lines = Vec::new();
        for p in c.parts.iter().filter(|p| p.name == name) {
            part_text(p, params, &mut lines);
        }
        (!lines.is_empty()).then(|| text(&lines.join("\n")))
    };
    let mut refs = BTreeMap::new();
    refs.insert("oscal".to_string(), vec![c.id.clone()]);
    let values: BTreeMap<String, Value> = c
        .params
        .iter()
        .filter(|p| !p.values.is_empty())
        .map(|p| {
            // Numbers and booleans come back as such (Grunnmur's own export writes them).
            let one = |s: &String| match serde_json::from_str::<Value>(s) {
                Ok(v @ (Value::Number(_) | Value::Bool(_))) => v,
                _ => Value::String(s.clone()),
            };
            let v = if p.values.len() == 1 {
                one(&p.values[0])
            } else {
                Value::Array(p.values.iter().map(one).collect())
            };
            let prefix = format!("{}_prm_", c.id);
            let name = p.id.strip_prefix(&prefix).unwrap_or(&p.id).to_string();
            (name, v)
        })
        .collect();
    // NIST repeats titles across families ("Policy and Procedures"): put the label first.
    let label = c
        .props
        .iter()
        .find(|p| p.name == "label" && p.ns.is_none() && p.class.is_none())
        .map(|p| p.value.as_str())
        .filter(|l| *l != c.id && !c.title.starts_with(l));
    let name = match label {
        Some(l) => format!("{l} {}", c.title),
        None => c.title.clone(),
    };
    MeasureDoc {
        id: measure_id(&c.id),
        owner,
        name: text(&name),
        statement: section("statement"),
        guidance: section("guidance"),
        level: level.unwrap_or(3) as i64,
        protects,
        scope,
        purpose,
        kind,
        activity,
        refs,
        required_by: Vec::new(),
        evidence: None,
        params: values,
        profile_only: level.is_none(),
    }
}

/// The measures of an OSCAL catalog. `baselines` are resolved catalogs for BN1, BN2, BN3 (or
/// fewer); with none, every control is at BN1.
pub fn measures(
    catalog: &Catalog,
    baselines: &[&Catalog],
    warnings: &mut Vec<Warning>,
) -> Result<Vec<MeasureDoc>, OscalError> {
    let in_baseline: Vec<HashSet<&str>> = baselines
        .iter()
        .map(|b| b.control_ids().into_iter().collect())
        .collect();
    let known: HashSet<&str> = catalog.control_ids().into_iter().collect();
    for (n, b) in in_baseline.iter().enumerate() {
        let mut foreign: Vec<&str> = b.iter().copied().filter(|id| !known.contains(id)).collect();
        foreign.sort_unstable();
        if !foreign.is_empty() {
            warnings.push(Warning {
                place: format!("baseline {}", n + 1),
                message: format!(
                    "{} control(s) not in the catalog, ignored: {}",
                    foreign.len(),
                    foreign.join(", ")
                ),
            });
        }
    }
    let mut params: HashMap<&str, &Param> =
        catalog.params.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out = Vec::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut stack: Vec<(&Control, &str)> = Vec::new();
    fn push<'c>(cs: &'c [Control], g: &'c str, stack: &mut Vec<(&'c Control, &'c str)>) {
        for c in cs.iter().rev() {
            stack.push((c, g));
        }
    }
    let mut order: Vec<(&Control, &str)> = Vec::new();
    fn groups<'c>(
        gs: &'c [crate::model::Group],
        top: Option<&'c str>,
        order: &mut Vec<(&'c Control, &'c str)>,
    ) {
        for g in gs {
            let name = top.unwrap_or_else(|| g.id.as_deref().unwrap_or(""));
            let mut stack = Vec::new();
            push(&g.controls, name, &mut stack);
            while let Some((c, gname)) = stack.pop() {
                order.push((c, gname));
                push(&c.controls, gname, &mut stack);
            }
            groups(&g.groups, Some(name), order);
        }
    }
    push(&catalog.controls, "", &mut stack);
    while let Some((c, g)) = stack.pop() {
        order.push((c, g));
        push(&c.controls, g, &mut stack);
    }
    groups(&catalog.groups, None, &mut order);
    for (c, _) in &order {
        for p in &c.params {
            params.insert(p.id.as_str(), p);
        }
    }
    for (c, g) in order {
        let level = if baselines.is_empty() {
            Some(1)
        } else {
            in_baseline
                .iter()
                .position(|b| b.contains(c.id.as_str()))
                .map(|n| n as u8 + 1)
        };
        let m = measure(c, g, level, &params);
        if let Some(first) = ids.insert(m.id.clone(), c.id.clone()) {
            return Err(OscalError::Import {
                what: format!("control {}", c.id),
                detail: format!(
                    "its id as a measure, {}, is also that of control {first}",
                    m.id
                ),
            });
        }
        out.push(m);
    }
    Ok(out)
}

/// A measure bank from an OSCAL catalog, on top of a base catalog (for the tasks, information
/// types, activities and scales a body needs).
pub fn import_catalog(
    catalog: &Catalog,
    baselines: &[&Catalog],
    base: &CatalogDoc,
    opts: &ImportOptions,
) -> Result<Imported, OscalError> {
    let mut warnings = Vec::new();
    let mut imported = measures(catalog, baselines, &mut warnings)?;
    let mut counts = [0usize; 4];
    for m in &imported {
        let k = if m.profile_only {
            3
        } else {
            (m.level as usize).clamp(1, 3) - 1
        };
        counts[k] += 1;
    }
    let title = catalog
        .metadata
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or("OSCAL catalog")
        .to_string();
    let version = catalog
        .metadata
        .get("version")
        .and_then(Value::as_str)
        .unwrap_or("1")
        .to_string();
    let mut doc = base.clone();
    doc.catalog = Header {
        id: opts.id.clone(),
        version,
        title: text(&title),
        out_of_scope: base.catalog.out_of_scope.clone(),
    };
    if opts.beside {
        let shared: HashSet<&str> = base.measures.iter().map(|m| m.id.as_str()).collect();
        if let Some(m) = imported.iter().find(|m| shared.contains(m.id.as_str())) {
            return Err(OscalError::Import {
                what: format!("control {}", m.refs["oscal"][0]),
                detail: format!("measure id {} is already in the base catalog", m.id),
            });
        }
    } else {
        doc.measures.clear();
        doc.profiles.clear();
    }
    assign_owners(catalog, &title, &mut doc, &mut imported, opts);
    let extra: Vec<String> = imported
        .iter()
        .filter(|m| m.profile_only)
        .map(|m| m.id.clone())
        .collect();
    doc.measures.extend(imported);
    if !extra.is_empty() {
        doc.profiles.push(ProfileDoc {
            id: format!("{}.utenfor-basis", opts.id),
            owner: Some(opts.id.clone()),
            name: TextDoc {
                nb: Some(format!("{title}: tiltak utenfor basisnivåene")),
                en: Some(format!("{title}: measures outside the baselines")),
            },
            description: None,
            applies_to: vec!["sector:oscal-utenfor-basis".into()],
            add: extra,
            level_overrides: BTreeMap::new(),
            params: BTreeMap::new(),
        });
    }
    Ok(Imported {
        doc,
        warnings,
        counts,
    })
}

/// The imported measures' owners. A measure keeps the `owner` property an export wrote when
/// the base catalog or the OSCAL catalog's parties (by short name) know it; the others belong
/// to the imported catalog itself: an owner with the import's id, named after the catalog's
/// title, who also owns the profile of measures outside the baselines.
/// Owners the base lacks are added to `doc`.
fn assign_owners(
    catalog: &Catalog,
    title: &str,
    doc: &mut CatalogDoc,
    imported: &mut [MeasureDoc],
    opts: &ImportOptions,
) {
    let parties = (catalog.metadata.get("parties").and_then(Value::as_array))
        .map(Vec::as_slice)
        .unwrap_or_default();
    let scheme = format!("{NS}/orgnr");
    let party_owner = |id: &str| -> Option<OwnerDoc> {
        let p = parties
            .iter()
            .find(|p| p["short-name"].as_str() == Some(id))?;
        let orgnr = (p["external-ids"].as_array().into_iter().flatten())
            .find(|e| e["scheme"].as_str() == Some(scheme.as_str()))
            .and_then(|e| e["id"].as_str().map(str::to_string));
        Some(OwnerDoc {
            id: id.to_string(),
            name: text(p["name"].as_str().unwrap_or(id)),
            orgnr,
        })
    };
    let mut own_used = imported.iter().any(|m| m.profile_only);
    for m in imported.iter_mut() {
        let Some(o) = m.owner.clone() else {
            m.owner = Some(opts.id.clone());
            own_used = true;
            continue;
        };
        if doc.owners.iter().any(|x| x.id == o) {
            continue;
        }
        match party_owner(&o) {
            Some(p) => doc.owners.push(p),
            None => {
                m.owner = Some(opts.id.clone());
                own_used = true;
            }
        }
    }
    if own_used && !doc.owners.iter().any(|o| o.id == opts.id) {
        doc.owners.push(OwnerDoc {
            id: opts.id.clone(),
            name: text(title),
            orgnr: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_grunnmur_ids() {
        assert_eq!(measure_id("AC-2(1)"), "ac-2-1-");
        assert_eq!(measure_id("ac-2.1"), "ac-2.1");
        assert_eq!(measure_id("ASST.2.3"), "asst.2.3");
        assert_eq!(measure_id("_x"), "x_x");
    }

    #[test]
    fn renders_parameters() {
        let p = Param {
            id: "p1".into(),
            label: Some("frequency".into()),
            ..Param::default()
        };
        let q = Param {
            id: "p2".into(),
            values: vec!["yearly".into()],
            ..Param::default()
        };
        let m: HashMap<&str, &Param> = [("p1", &p), ("p2", &q)].into_iter().collect();
        assert_eq!(
            render(
                "Review {{ insert: param, p1 }} and {{ insert: param, p2 }}; {{ x",
                &m
            ),
            "Review [frequency] and yearly; {{ x"
        );
    }
}
