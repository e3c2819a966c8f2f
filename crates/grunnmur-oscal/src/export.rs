//! Export: the measure bank as an OSCAL catalog, the baselines BN1-BN3 and each sector
//! profile (per baseline) as OSCAL profiles over it.
//!
//! The catalog has one group per governance activity and one control per measure, with the
//! measure's baseline level, protected dimensions, scope, purpose and kind as properties in the
//! Grunnmur namespace, its statement and guidance as parts and its parameters as params.
//! Every id and uuid is derived from the catalog's id and version, so an export is
//! reproducible. The catalog's owners are the catalog's parties (the owner's id as the short
//! name); a measure's, an activity's and a sector profile's owner is an `owner` property.

use crate::model::*;
use grunnmur_catalog::format::{CatalogDoc, MeasureDoc, ProfileDoc, TextDoc};
use grunnmur_core::catalog::Activity;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The namespace of Grunnmur's properties.
pub const NS: &str = "https://grunnmur.no/ns/oscal";

/// Settings of an export.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// `nb` or `en`: the language of titles and prose.
    pub lang: String,
    /// RFC 3339 time written as `last-modified`.
    pub timestamp: String,
    /// How the profiles refer to the catalog (relative href).
    pub catalog_href: String,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            lang: "nb".into(),
            timestamp: "1970-01-01T00:00:00Z".into(),
            catalog_href: "measure-bank.json".into(),
        }
    }
}

/// One exported document and the file name it is meant to have.
#[derive(Clone, Debug)]
pub struct Exported {
    pub file: String,
    pub document: Document,
}

pub(crate) fn uuid_for(parts: &[&str]) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, parts.join("|").as_bytes()).to_string()
}

fn text(t: &TextDoc, lang: &str) -> String {
    t.get(lang).to_string()
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The id of a measure's parameter in OSCAL: `<measure id>_prm_<name>`.
pub fn param_id(measure: &str, name: &str) -> String {
    format!("{measure}_prm_{name}")
}

pub fn value_string(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

fn metadata(title: String, version: &str, opts: &ExportOptions, props: Vec<Prop>) -> Value {
    let mut m = json!({
        "title": title,
        "last-modified": opts.timestamp,
        "version": version,
        "oscal-version": crate::OSCAL_VERSION,
    });
    if !props.is_empty() {
        m["props"] = serde_json::to_value(props).unwrap_or_default();
    }
    m
}

/// The uuid of an owner's party: the same in every export of the catalog.
pub fn owner_uuid(catalog_id: &str, owner: &str) -> String {
    uuid_for(&["owner", catalog_id, owner])
}

/// The catalog's owners as OSCAL parties (organisations): the name, the owner's id as the
/// short name, and the organisation number where there is one.
fn owner_parties(doc: &CatalogDoc, lang: &str) -> Vec<Value> {
    (doc.owners.iter())
        .map(|o| {
            let mut party = json!({
                "uuid": owner_uuid(&doc.catalog.id, &o.id),
                "type": "organization",
                "name": text(&o.name, lang),
                "short-name": o.id,
            });
            if let Some(orgnr) = &o.orgnr {
                party["external-ids"] = json!([{"scheme": format!("{NS}/orgnr"), "id": orgnr}]);
            }
            party
        })
        .collect()
}

fn measure_control(m: &MeasureDoc, lang: &str) -> Control {
    let mut props = vec![
        Prop::new("label", m.id.clone()),
        Prop::ns("baseline-level", NS, m.level.to_string()),
    ];
    if let Some(o) = &m.owner {
        props.push(Prop::ns("owner", NS, o.clone()));
    }
    for d in &m.protects {
        props.push(Prop::ns("protects", NS, d.as_str()));
    }
    props.push(Prop::ns("scope", NS, enum_str(&m.scope)));
    props.push(Prop::ns("purpose", NS, enum_str(&m.purpose)));
    props.push(Prop::ns("kind", NS, enum_str(&m.kind)));
    if m.profile_only {
        props.push(Prop::ns("profile-only", NS, "true"));
    }
    for (source, ids) in &m.refs {
        for id in ids {
            props.push(Prop {
                class: Some(source.clone()),
                ..Prop::ns("reference", NS, id.clone())
            });
        }
    }
    let mut parts = Vec::new();
    if let Some(s) = &m.statement {
        parts.push(Part {
            id: Some(format!("{}_smt", m.id)),
            name: "statement".into(),
            prose: Some(text(s, lang)),
            ..Part::default()
        });
    }
    if let Some(g) = &m.guidance {
        parts.push(Part {
            id: Some(format!("{}_gdn", m.id)),
            name: "guidance".into(),
            prose: Some(text(g, lang)),
            ..Part::default()
        });
    }
    let params = m
        .params
        .iter()
        .map(|(name, v)| Param {
            id: param_id(&m.id, name),
            label: Some(name.clone()),
            values: vec![value_string(v)],
            ..Param::default()
        })
        .collect();
    Control {
        id: m.id.clone(),
        class: Some(
            if m.profile_only {
                "profile-measure"
            } else {
                "measure"
            }
            .into(),
        ),
        title: text(&m.name, lang),
        params,
        props,
        links: Vec::new(),
        parts,
        controls: Vec::new(),
    }
}

/// The measure bank as an OSCAL catalog: one group per governance activity.
pub fn catalog(doc: &CatalogDoc, opts: &ExportOptions) -> Catalog {
    let lang = opts.lang.as_str();
    let mut groups = Vec::new();
    for act in Activity::ALL {
        let id = enum_str(&act);
        let info = doc.activities.iter().find(|a| a.id == act);
        let controls: Vec<Control> = doc
            .measures
            .iter()
            .filter(|m| m.activity == act)
            .map(|m| measure_control(m, lang))
            .collect();
        if controls.is_empty() && info.is_none() {
            continue;
        }
        let mut parts = Vec::new();
        if let Some(a) = info {
            parts.push(Part {
                id: Some(format!("{id}_ovw")),
                name: "overview".into(),
                prose: Some(text(&a.description, lang)),
                ..Part::default()
            });
            for (n, r) in a.recommendations.iter().enumerate() {
                parts.push(Part {
                    id: Some(format!("{id}_rec.{}", n + 1)),
                    name: "guidance".into(),
                    class: Some("recommendation".into()),
                    prose: Some(text(r, lang)),
                    ..Part::default()
                });
            }
        }
        let props = (info.and_then(|a| a.owner.clone()))
            .map(|o| Prop::ns("owner", NS, o))
            .into_iter()
            .collect();
        groups.push(Group {
            id: Some(id.clone()),
            class: Some("activity".into()),
            title: info.map(|a| text(&a.name, lang)).unwrap_or(id),
            props,
            parts,
            controls,
            ..Group::default()
        });
    }
    let h = &doc.catalog;
    let mut metadata = metadata(
        text(&h.title, lang),
        &h.version,
        opts,
        vec![Prop::ns("catalog-id", NS, h.id.clone())],
    );
    let parties = owner_parties(doc, lang);
    if !parties.is_empty() {
        metadata["parties"] = Value::Array(parties);
    }
    Catalog {
        uuid: uuid_for(&["catalog", &h.id, &h.version, lang]),
        metadata,
        groups,
        ..Catalog::default()
    }
}

fn baseline_title(lang: &str, n: u8) -> String {
    match lang {
        "en" => format!("Baseline level {n} (BN{n})"),
        _ => format!("Basisnivå {n} (BN{n})"),
    }
}

/// The measures of baseline `n` (BN1 ⊂ BN2 ⊂ BN3), in catalog order.
pub fn baseline_measures(doc: &CatalogDoc, n: u8) -> Vec<String> {
    doc.measures
        .iter()
        .filter(|m| !m.profile_only && m.level <= n as i64)
        .map(|m| m.id.clone())
        .collect()
}

/// Baseline `n` as an OSCAL profile over the exported catalog.
pub fn baseline_profile(doc: &CatalogDoc, n: u8, opts: &ExportOptions) -> Profile {
    let h = &doc.catalog;
    Profile {
        uuid: uuid_for(&["baseline", &h.id, &h.version, &opts.lang, &n.to_string()]),
        metadata: metadata(
            baseline_title(&opts.lang, n),
            &h.version,
            opts,
            vec![
                Prop::ns("catalog-id", NS, h.id.clone()),
                Prop::ns("baseline", NS, n.to_string()),
            ],
        ),
        imports: vec![Import {
            href: opts.catalog_href.clone(),
            include_controls: vec![SelectControl {
                with_ids: baseline_measures(doc, n),
                ..SelectControl::default()
            }],
            ..Import::default()
        }],
        merge: Some(Merge {
            as_is: true,
            ..Merge::default()
        }),
        ..Profile::default()
    }
}

/// File name of baseline `n`'s profile.
pub fn baseline_file(n: u8) -> String {
    format!("bn{n}.json")
}

/// File name of a sector profile at baseline `n`.
pub fn sector_file(p: &ProfileDoc, n: u8) -> String {
    format!("{}-bn{n}.json", p.id)
}

/// The measures a sector profile brings to baseline `n` on top of the baseline: measures it
/// adds and measures it moves to an earlier baseline, whose (effective) level is at most `n`.
pub fn sector_additions(doc: &CatalogDoc, p: &ProfileDoc, n: u8) -> Vec<String> {
    let level = |m: &MeasureDoc| -> i64 {
        let own = m.level;
        p.level_overrides.get(&m.id).map_or(own, |o| own.min(*o))
    };
    doc.measures
        .iter()
        .filter(|m| {
            let added = p.add.contains(&m.id);
            let in_base = !m.profile_only && m.level <= n as i64;
            let moved = p.level_overrides.contains_key(&m.id);
            !in_base && (added || (moved && !m.profile_only)) && level(m) <= n as i64
        })
        .map(|m| m.id.clone())
        .collect()
}

/// A sector profile at baseline `n`: imports the baseline's profile, adds the measures the
/// sector profile adds or moves, and sets its parameters.
pub fn sector_profile(doc: &CatalogDoc, p: &ProfileDoc, n: u8, opts: &ExportOptions) -> Profile {
    let h = &doc.catalog;
    let lang = opts.lang.as_str();
    let mut props = vec![
        Prop::ns("catalog-id", NS, h.id.clone()),
        Prop::ns("profile-id", NS, p.id.clone()),
        Prop::ns("baseline", NS, n.to_string()),
    ];
    for a in &p.applies_to {
        props.push(Prop::ns("applies-to", NS, a.clone()));
    }
    if let Some(o) = &p.owner {
        props.push(Prop::ns("owner", NS, o.clone()));
    }
    let mut metadata = metadata(
        format!("{} — {}", text(&p.name, lang), baseline_title(lang, n)),
        &h.version,
        opts,
        props,
    );
    if let Some(d) = &p.description {
        metadata["remarks"] = Value::String(text(d, lang));
    }
    let mut imports = vec![Import {
        href: baseline_file(n),
        include_all: Some(serde_json::Map::new()),
        ..Import::default()
    }];
    let added = sector_additions(doc, p, n);
    if !added.is_empty() {
        imports.push(Import {
            href: opts.catalog_href.clone(),
            include_controls: vec![SelectControl {
                with_ids: added,
                ..SelectControl::default()
            }],
            ..Import::default()
        });
    }
    let set_parameters: Vec<SetParameter> = p
        .params
        .iter()
        .flat_map(|(mid, params)| {
            params.iter().map(move |(name, v)| SetParameter {
                param_id: param_id(mid, name),
                values: vec![value_string(v)],
                ..SetParameter::default()
            })
        })
        .collect();
    // A measure may get a parameter from the profile that the catalog does not define.
    let mut alters: BTreeMap<String, Vec<Param>> = BTreeMap::new();
    for (mid, params) in &p.params {
        let defined = doc
            .measures
            .iter()
            .find(|m| &m.id == mid)
            .map(|m| m.params.clone())
            .unwrap_or_default();
        for (name, v) in params {
            if !defined.contains_key(name) {
                alters.entry(mid.clone()).or_default().push(Param {
                    id: param_id(mid, name),
                    label: Some(name.clone()),
                    values: vec![value_string(v)],
                    ..Param::default()
                });
            }
        }
    }
    let set_parameters: Vec<SetParameter> = set_parameters
        .into_iter()
        .filter(|sp| {
            !alters
                .values()
                .any(|ps| ps.iter().any(|q| q.id == sp.param_id))
        })
        .collect();
    let alters: Vec<Alter> = alters
        .into_iter()
        .map(|(control_id, params)| Alter {
            control_id,
            adds: vec![Add {
                position: Some(Position::Ending),
                params,
                ..Add::default()
            }],
            ..Alter::default()
        })
        .collect();
    let modify = (!set_parameters.is_empty() || !alters.is_empty()).then_some(Modify {
        set_parameters,
        alters,
    });
    Profile {
        uuid: uuid_for(&["profile", &h.id, &h.version, lang, &p.id, &n.to_string()]),
        metadata,
        imports,
        merge: Some(Merge {
            as_is: true,
            ..Merge::default()
        }),
        modify,
        back_matter: None,
    }
}

/// Everything: the catalog, BN1-BN3, and every sector profile at every baseline.
pub fn export_all(doc: &CatalogDoc, opts: &ExportOptions) -> Vec<Exported> {
    let mut out = vec![Exported {
        file: opts.catalog_href.clone(),
        document: Document::Catalog(catalog(doc, opts)),
    }];
    for n in 1..=3 {
        out.push(Exported {
            file: baseline_file(n),
            document: Document::Profile(baseline_profile(doc, n, opts)),
        });
    }
    for p in &doc.profiles {
        for n in 1..=3 {
            out.push(Exported {
                file: sector_file(p, n),
                document: Document::Profile(sector_profile(doc, p, n, opts)),
            });
        }
    }
    out
}
