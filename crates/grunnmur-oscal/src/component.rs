//! A supplier's declaration (rule 14) as an OSCAL 1.1 component definition, and back: one
//! component of type `service` per service, an implemented requirement per measure (the
//! measure id is the control id). OSCAL 1.1's schema has `export` (provided,
//! responsibilities) only in a system security plan's `by-components`, not in a component
//! definition's implemented requirements; here `supplier` is the `provider` role alone, and
//! `shared` is the `provider` and `customer` roles with what the customer must do as the
//! requirement's remarks. What OSCAL has no place for (the declaration's id, catalog release,
//! validity, the texts in the other language) is kept in props in Grunnmur's namespace, so a
//! declaration makes the round trip unchanged.

use crate::export::{ExportOptions, NS, uuid_for};
use grunnmur_catalog::declaration::{
    CoverDoc, DeclarationDoc, DeclarationHead, ReleaseDoc, ServiceDoc, SupplierDoc,
    check_declaration_doc,
};
use grunnmur_catalog::problem::{Problem, ProblemKind};
use grunnmur_catalog::{Declared, Source, read_declaration};
use grunnmur_core::Catalog;
use grunnmur_core::catalog::Text;
use grunnmur_core::workspace::Responsibility;
use serde_json::{Value, json};

/// The top-level key of a component definition.
pub const MODEL: &str = "component-definition";

fn prop(name: &str, value: &str) -> Value {
    json!({"name": name, "ns": NS, "value": value})
}

/// What the supplier does for a measure it covers alone or shares with the customer: the
/// component definition's and the system security plan's words.
pub(crate) fn responsibility_text(shared: bool, lang: &str) -> &'static str {
    match (shared, lang) {
        (false, "en") => "The supplier does this measure in the service.",
        (false, _) => "Leverandøren gjør tiltaket i tjenesten.",
        (true, "en") => {
            "The supplier does its part of this measure in the service; the customer does the rest."
        }
        (true, _) => "Leverandøren gjør sin del av tiltaket i tjenesten; kunden gjør resten.",
    }
}

/// Text for an OSCAL string: OSCAL refuses leading and trailing white space.
pub(crate) fn clean(s: &str) -> String {
    s.trim().to_string()
}

/// The declaration as a component definition (`{"component-definition": …}`).
pub fn component_definition(d: &DeclarationDoc, opts: &ExportOptions) -> Value {
    let h = &d.declaration;
    let lang = opts.lang.as_str();
    let key = |parts: &[&str]| {
        let mut all = vec!["declaration", h.id.as_str()];
        all.extend_from_slice(parts);
        uuid_for(&all)
    };
    let mut props = vec![
        prop("declaration-id", &h.id),
        prop("catalog-id", &h.catalog.id),
        prop("catalog-version", &h.catalog.version),
        prop("valid-from", &h.valid_from),
        prop("valid-until", &h.valid_until),
    ];
    if let Some(w) = &h.withdrawn {
        props.push(prop("withdrawn", w));
    }
    let mut party = json!({
        "uuid": key(&["supplier"]),
        "type": "organization",
        "name": clean(&h.supplier.name),
    });
    if let Some(o) = &h.supplier.orgnr {
        party["external-ids"] = json!([{"scheme": format!("{NS}/orgnr"), "id": o.as_string()}]);
    }
    let components: Vec<Value> = (d.services.iter())
        .map(|s| {
            let k = |parts: &[&str]| {
                let mut all = vec!["service", s.id.as_str()];
                all.extend_from_slice(parts);
                key(&all)
            };
            let mut sprops = vec![prop("service-id", &s.id)];
            if let Some(en) = &s.name.en {
                sprops.push(prop("name-en", &clean(en)));
            }
            let requirements: Vec<Value> = (s.covers.iter())
                .map(|c| {
                    let shared = c.responsibility == Responsibility::Shared;
                    let mut roles =
                        vec![json!({"role-id": "provider", "party-uuids": [key(&["supplier"])]})];
                    if shared {
                        roles.push(json!({"role-id": "customer"}));
                    }
                    let mut rprops = vec![prop("responsibility", c.responsibility.as_str())];
                    if let Some(en) = c.customer.as_ref().and_then(|x| x.en.as_ref()) {
                        rprops.push(prop("customer-en", &clean(en)));
                    }
                    let mut r = json!({
                        "uuid": k(&[&c.measure]),
                        "control-id": c.measure,
                        "description": responsibility_text(shared, lang),
                        "props": rprops,
                        "responsible-roles": roles,
                    });
                    if let Some(customer) = &c.customer {
                        r["remarks"] = json!(clean(&customer.nb));
                    }
                    r
                })
                .collect();
            let mut comp = json!({
                "uuid": k(&[]),
                "type": "service",
                "title": clean(&s.name.nb),
                "description": clean(s.description.as_ref().map_or(&s.name.nb, |x| &x.nb)),
                "props": sprops,
                "responsible-roles": [{"role-id": "provider", "party-uuids": [key(&["supplier"])]}],
            });
            if !requirements.is_empty() {
                comp["control-implementations"] = json!([{
                    "uuid": k(&["implementation"]),
                    "source": format!("{NS}/catalog/{}/{}", h.catalog.id, h.catalog.version),
                    "description": format!("{} {}", h.catalog.id, h.catalog.version),
                    "implemented-requirements": requirements,
                }]);
            }
            comp
        })
        .collect();
    let mut cd = json!({
        "uuid": key(&[]),
        "metadata": {
            "title": clean(&format!("{}: {}", h.supplier.name, h.id)),
            "last-modified": opts.timestamp,
            "version": clean(&h.valid_from),
            "oscal-version": crate::OSCAL_VERSION,
            "props": props,
            "roles": [
                {"id": "provider", "title": "Provider"},
                {"id": "customer", "title": "Customer"},
            ],
            "parties": [party],
        },
    });
    if !components.is_empty() {
        cd["components"] = json!(components);
    }
    if !h.evidence.is_empty() {
        let resources: Vec<Value> = (h.evidence.iter().enumerate())
            .map(|(n, e)| json!({"uuid": key(&["evidence", &n.to_string()]), "title": clean(e)}))
            .collect();
        cd["back-matter"] = json!({"resources": resources});
    }
    json!({ MODEL: cd })
}

/// A Grunnmur prop's value among `props`.
fn prop_of<'a>(props: &'a Value, name: &str) -> Option<&'a str> {
    (props.as_array()?.iter())
        .find(|p| p["name"] == name && p["ns"] == NS)
        .and_then(|p| p["value"].as_str())
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// A component definition as a declaration: the reverse of [`component_definition`]. A
/// definition written elsewhere needs the declaration's props (`declaration-id`, the catalog
/// release, the validity) in Grunnmur's namespace; what is missing becomes empty and the
/// declaration's checks name it.
pub fn declaration_of(v: &Value) -> DeclarationDoc {
    let cd = &v[MODEL];
    let props = &cd["metadata"]["props"];
    let p = |name: &str| prop_of(props, name).unwrap_or_default().to_string();
    let party = &cd["metadata"]["parties"][0];
    let orgnr = (party["external-ids"].as_array().into_iter().flatten())
        .find(|x| x["scheme"].as_str() == Some(&format!("{NS}/orgnr")))
        .and_then(|x| x["id"].as_str())
        .map(|o| grunnmur_catalog::body::Orgnr::Text(o.to_string()));
    let services = (cd["components"].as_array().into_iter().flatten())
        .map(|c| {
            let covers = (c["control-implementations"]
                .as_array()
                .into_iter()
                .flatten())
            .flat_map(|ci| {
                ci["implemented-requirements"]
                    .as_array()
                    .into_iter()
                    .flatten()
            })
            .map(|r| {
                let customer_role = (r["responsible-roles"].as_array().into_iter())
                    .flatten()
                    .any(|x| x["role-id"] == "customer");
                let shared =
                    prop_of(&r["props"], "responsibility") == Some("shared") || customer_role;
                CoverDoc {
                    measure: text(&r["control-id"]),
                    responsibility: if shared {
                        Responsibility::Shared
                    } else {
                        Responsibility::Supplier
                    },
                    customer: r["remarks"].as_str().map(|nb| Text {
                        nb: nb.to_string(),
                        en: prop_of(&r["props"], "customer-en").map(str::to_string),
                    }),
                }
            })
            .collect();
            let title = text(&c["title"]);
            let description = text(&c["description"]);
            ServiceDoc {
                id: prop_of(&c["props"], "service-id")
                    .unwrap_or_default()
                    .to_string(),
                name: Text {
                    nb: title.clone(),
                    en: prop_of(&c["props"], "name-en").map(str::to_string),
                },
                description: (description != title).then(|| Text::nb(description)),
                covers,
            }
        })
        .collect();
    let evidence = (cd["back-matter"]["resources"]
        .as_array()
        .into_iter()
        .flatten())
    .map(|r| text(&r["title"]))
    .collect();
    DeclarationDoc {
        declaration: DeclarationHead {
            id: p("declaration-id"),
            supplier: SupplierDoc {
                name: text(&party["name"]),
                orgnr,
            },
            catalog: ReleaseDoc {
                id: p("catalog-id"),
                version: p("catalog-version"),
            },
            valid_from: p("valid-from"),
            valid_until: p("valid-until"),
            evidence,
            withdrawn: prop_of(props, "withdrawn").map(str::to_string),
        },
        services,
    }
}

/// Reads a declaration in any form it comes in: YAML or JSON in Grunnmur's format, or an
/// OSCAL component definition (JSON with the top-level key `component-definition`). Every
/// problem is named with the file; for the format's own files also the line.
pub fn read_any_declaration(src: &Source, cat: &Catalog) -> Result<Declared, Vec<Problem>> {
    let trimmed = src.text.trim_start();
    if trimmed.starts_with('{') && trimmed.contains(&format!("\"{MODEL}\"")) {
        // serde_json stops at 128 levels of nesting: a hostile document is refused, not
        // followed down.
        match serde_json::from_str::<Value>(&src.text) {
            Ok(v) if v.get(MODEL).is_some() => {
                return check_declaration_doc(&src.name, declaration_of(&v), cat);
            }
            Ok(_) => {}
            Err(e) => {
                let kind = ProblemKind::Syntax {
                    detail: e.to_string(),
                };
                return Err(vec![Problem::error(&src.name, e.line() as u32, kind)]);
            }
        }
    }
    read_declaration(src, cat)
}
