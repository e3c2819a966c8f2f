//! Every document Grunnmur writes validates against NIST's OSCAL JSON schema (vendored in
//! schemas/): the exported catalog, BN1-BN3 and sector profiles, resolved catalogs.

mod common;

use grunnmur_oscal::export::{self, ExportOptions};
use grunnmur_oscal::{Document, FsLoader, MemLoader, ResolveOptions, resolve_key};
use serde_json::Value;
use std::sync::OnceLock;

/// The schema with its top-level `oneOf` narrowed to the branch of one model, so that errors
/// point inside the document instead of "valid under none of the schemas".
fn validator(model: &str) -> &'static jsonschema::Validator {
    static V: OnceLock<Vec<(String, jsonschema::Validator)>> = OnceLock::new();
    let all = V.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/oscal_complete_schema.json"
        );
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let branches = schema["oneOf"].as_array().unwrap().clone();
        branches
            .iter()
            .filter_map(|b| {
                let name = b["required"][0].as_str()?.to_string();
                let mut s = schema.clone();
                let top = s.as_object_mut()?;
                top.remove("oneOf");
                for (k, v) in b.as_object()? {
                    top.insert(k.clone(), v.clone());
                }
                Some((
                    name,
                    jsonschema::draft7::new(&s).expect("the OSCAL schema compiles"),
                ))
            })
            .collect()
    });
    all.iter()
        .find(|(n, _)| n == model)
        .or_else(|| all.first())
        .map(|(_, v)| v)
        .unwrap()
}

/// The schema errors of a document (empty when valid).
pub fn schema_errors(doc: &Value) -> Vec<String> {
    let model = doc
        .as_object()
        .and_then(|m| m.keys().find(|k| *k != "$schema"))
        .cloned()
        .unwrap_or_default();
    validator(&model)
        .iter_errors(doc)
        .take(10)
        .map(|e| {
            let msg = e.to_string();
            format!("{}: {}", e.instance_path, &msg[..msg.len().min(300)])
        })
        .collect()
}

fn assert_valid(name: &str, doc: &Document) {
    let v = serde_json::to_value(doc).unwrap();
    let errors = schema_errors(&v);
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

#[test]
fn the_schema_rejects_a_broken_document() {
    let bad = serde_json::json!({"catalog": {"uuid": "not-a-uuid", "metadata": {"title": "t"}}});
    assert!(!schema_errors(&bad).is_empty());
    // Deeper: an exported catalog without last-modified, or with a bad property name.
    let (checked, _) = grunnmur_catalog::load_catalog(None);
    let doc = export::catalog(&checked.unwrap().doc, &ExportOptions::default());
    let good = serde_json::to_value(Document::Catalog(doc)).unwrap();
    assert!(schema_errors(&good).is_empty());
    let mut v = good.clone();
    v["catalog"]["metadata"]
        .as_object_mut()
        .unwrap()
        .remove("last-modified");
    assert!(!schema_errors(&v).is_empty());
    let mut v = good;
    v["catalog"]["groups"][0]["controls"][0]["props"][0]["name"] = "has space".into();
    assert!(!schema_errors(&v).is_empty());
}

#[test]
fn exported_catalog_and_profiles_are_schema_valid() {
    let (checked, problems) = grunnmur_catalog::load_catalog(None);
    let checked = checked.unwrap_or_else(|| panic!("{problems:?}"));
    let mut loader = MemLoader::new();
    for opts in [
        ExportOptions::default(),
        ExportOptions {
            lang: "en".into(),
            timestamp: "2026-11-28T12:00:00+01:00".into(),
            ..ExportOptions::default()
        },
    ] {
        for e in export::export_all(&checked.doc, &opts) {
            assert_valid(&e.file, &e.document);
            loader = loader.with(&e.file, serde_json::to_string(&e.document).unwrap());
        }
    }
    // Resolved catalogs too.
    let opts = ResolveOptions {
        timestamp: "2026-11-28T12:00:00Z".into(),
        ..ResolveOptions::default()
    };
    for file in ["bn2.json", "p.helse-bn1.json", "p.kommune-bn3.json"] {
        let r = resolve_key(&loader, file, &opts).unwrap();
        assert_valid(file, &Document::Catalog(r.catalog));
    }
}

#[test]
fn resolved_fixtures_are_schema_valid() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for f in [
        "ids-as-is.json",
        "modify.json",
        "custom.json",
        "layered.json",
    ] {
        let key = std::fs::canonicalize(format!("{dir}/{f}"))
            .unwrap()
            .display()
            .to_string();
        let r = resolve_key(&FsLoader, &key, &ResolveOptions::default()).unwrap();
        assert_valid(f, &Document::Catalog(r.catalog));
    }
}

#[test]
fn resolved_fedramp_high_is_schema_valid() {
    let Some(p) = common::real_file(
        common::data_dir().join("fedramp/FedRAMP_rev5_HIGH-baseline_profile.json"),
        "schema-fedramp-high",
        common::FETCH,
    ) else {
        return;
    };
    let key = std::fs::canonicalize(p).unwrap().display().to_string();
    let r = resolve_key(&FsLoader, &key, &ResolveOptions::default()).unwrap();
    assert_valid("FedRAMP HIGH resolved", &Document::Catalog(r.catalog));
}

#[test]
fn system_security_plans_of_the_examples_are_schema_valid() {
    let (checked, _) = grunnmur_catalog::load_catalog(None);
    let checked = checked.unwrap();
    for example in ["kommune.yaml", "fylkeskommune.yaml", "statsetat.yaml"] {
        let (ws, decls) = common::example_with_declarations(example, &checked.catalog);
        let today = grunnmur_core::Date::parse("2026-11-28").unwrap();
        let a = grunnmur_core::assess(&checked.catalog, &ws, today);
        let opts = ExportOptions {
            timestamp: "2026-11-28T12:00:00Z".into(),
            ..ExportOptions::default()
        };
        let plans = grunnmur_oscal::ssp::system_security_plans(
            &checked.doc,
            &checked.catalog,
            &ws,
            &a,
            &decls,
            &opts,
        );
        assert!(!plans.is_empty());
        for (file, doc) in plans {
            assert_valid(&format!("{example}: {file}"), &doc);
        }
    }
}

/// Rule 14's declarations as OSCAL component definitions: schema-valid, and read back as the
/// same declaration.
#[test]
fn declarations_are_schema_valid_component_definitions_and_come_back_unchanged() {
    use grunnmur_catalog::{Source, read_declaration};
    let small = format!(
        "{}/../grunnmur-catalog/tests/fixtures/small",
        env!("CARGO_MANIFEST_DIR")
    );
    let (checked, _) =
        grunnmur_catalog::load_catalog(Some(std::path::Path::new(&format!("{small}/catalog"))));
    let cat = checked.unwrap().catalog;
    let text = std::fs::read_to_string(format!("{small}/declarations/acme.yaml")).unwrap();
    let src = Source {
        name: "acme.yaml".into(),
        text,
    };
    let original = read_declaration(&src, &cat).unwrap().doc;
    for lang in ["nb", "en"] {
        let opts = ExportOptions {
            lang: lang.into(),
            timestamp: "2026-12-04T12:00:00Z".into(),
            ..ExportOptions::default()
        };
        let v = grunnmur_oscal::component::component_definition(&original, &opts);
        let errors = schema_errors(&v);
        assert!(errors.is_empty(), "{lang}: {errors:#?}");
        let cd = &v["component-definition"];
        let platform = &cd["components"][0];
        assert_eq!(platform["type"], "service");
        let shared = &platform["control-implementations"][0]["implemented-requirements"][1];
        assert_eq!(shared["control-id"], "m.tilgang");
        assert!(shared["remarks"].as_str().unwrap().contains("egne brukere"));
        assert_eq!(shared["responsible-roles"][1]["role-id"], "customer");
        assert_eq!(grunnmur_oscal::component::declaration_of(&v), original);
        // Through the reader every door uses: the same declaration, checked.
        let back = Source {
            name: "acme.json".into(),
            text: serde_json::to_string_pretty(&v).unwrap(),
        };
        let read = grunnmur_oscal::component::read_any_declaration(&back, &cat).unwrap();
        assert_eq!(read.doc, original);
    }
    // A component definition without Grunnmur's props is refused with what is missing.
    let bare = serde_json::json!({"component-definition": {"uuid": "x", "metadata": {}}});
    let src = Source {
        name: "bare.json".into(),
        text: bare.to_string(),
    };
    let problems = grunnmur_oscal::component::read_any_declaration(&src, &cat).unwrap_err();
    assert!(problems.len() >= 3, "{problems:#?}");
}

/// Rules 13–15 in a plan: each requirement says where its status comes from. In the kommune
/// example s.hrlonn links the data centre's platform (physical measures in full, backup
/// shared, with the body's own entry for its part), s.sak runs on the server platform where an
/// implementation does the backup, and the body links the shared security operations centre.
#[test]
fn plan_requirements_name_their_components_inherited_and_satisfied_parts() {
    let (checked, _) = grunnmur_catalog::load_catalog(None);
    let checked = checked.unwrap();
    let (ws, decls) = common::example_with_declarations("kommune.yaml", &checked.catalog);
    let today = grunnmur_core::Date::parse("2026-11-28").unwrap();
    let a = grunnmur_core::assess(&checked.catalog, &ws, today);
    for lang in ["nb", "en"] {
        let opts = ExportOptions {
            lang: lang.into(),
            timestamp: "2026-11-28T12:00:00Z".into(),
            ..ExportOptions::default()
        };
        let plan = |system: &str| {
            let n = ws.systems.iter().position(|s| s.id == system).unwrap();
            let doc = grunnmur_oscal::ssp::system_security_plan(
                &checked.doc,
                &checked.catalog,
                &ws,
                &a,
                &decls,
                n,
                &opts,
            );
            let v = serde_json::to_value(&doc).unwrap();
            let errors = schema_errors(&v);
            assert!(errors.is_empty(), "{lang} {system}: {errors:#?}");
            v["system-security-plan"].clone()
        };
        let (platform, platform_customer, soc) = match lang {
            "en" => (
                "Cloud platform with operations (IaaS and SaaS hosting)",
                "The customer decides what is kept and for how long, and tests restoring its own data.",
                "Shared security operations centre (SOC)",
            ),
            _ => (
                "Skyplattform med drift (IaaS og SaaS-drift)",
                "Kunden bestemmer hva som skal tas vare på og hvor lenge, og tester gjenoppretting av egne data.",
                "Felles sikkerhetsovervåking (SOC)",
            ),
        };
        let hr = plan("s.hrlonn");
        assert_eq!(hr, plan("s.hrlonn"), "the same plan twice");
        let this = hr["system-implementation"]["components"][0].clone();
        assert_eq!(this["type"], "this-system");
        let component = |v: &Value, title: &str| {
            (v["system-implementation"]["components"].as_array().unwrap())
                .iter()
                .find(|c| c["title"] == title)
                .unwrap_or_else(|| panic!("{lang}: no component {title}"))
                .clone()
        };
        let service = component(&hr, platform);
        assert_eq!(service["type"], "service");
        assert_eq!(service["props"][1]["value"], "nordsky-datasenter/plattform");
        let party = &service["responsible-roles"][0]["party-uuids"][0];
        let parties = hr["metadata"]["parties"].as_array().unwrap();
        assert!(
            parties
                .iter()
                .any(|p| p["uuid"] == *party && p["name"] == "Nordsky Datasenter AS")
        );
        // The body links the security operations centre: in every system's plan.
        component(&hr, soc);
        let req = |v: &Value, measure: &str| {
            (v["control-implementation"]["implemented-requirements"]
                .as_array()
                .unwrap())
            .iter()
            .find(|r| r["control-id"] == measure && r["props"][1]["value"] == "system")
            .unwrap_or_else(|| panic!("{lang}: no requirement {measure}"))
            .clone()
        };
        // In full from the supplier: inherited, nothing for the body to satisfy.
        let power = req(&hr, "m.fysisk-strom");
        assert_eq!(power["props"][3]["value"], "supplier");
        let by = power["by-components"].as_array().unwrap();
        assert_eq!(by.len(), 2);
        assert_eq!(by[0]["component-uuid"], this["uuid"]);
        assert!(by[0]["description"].as_str().unwrap().contains(platform));
        assert_eq!(by[1]["component-uuid"], service["uuid"]);
        assert!(by[1]["inherited"][0]["description"].is_string());
        assert!(by[1].get("satisfied").is_none());
        // Shared: the supplier's part inherited, the body's part (its own entry) satisfied with
        // what the declaration asks of the customer.
        let backup = req(&hr, "m.sikkerhetskopi");
        assert_eq!(backup["props"][3]["value"], "shared");
        let by = backup["by-components"].as_array().unwrap();
        assert_eq!(by[0]["component-uuid"], this["uuid"]);
        assert_eq!(by[0]["implementation-status"]["state"], "implemented");
        assert_eq!(by[1]["component-uuid"], service["uuid"]);
        assert!(by[1]["inherited"][0]["description"].is_string());
        assert_eq!(by[1]["satisfied"][0]["description"], platform_customer);
        // An implementation: the system's own part names it, no service.
        let sak = plan("s.sak");
        let backup = req(&sak, "m.sikkerhetskopi");
        assert_eq!(backup["props"][3]["value"], "implementation");
        let by = backup["by-components"].as_array().unwrap();
        assert_eq!(by.len(), 1);
        assert_eq!(
            by[0]["component-uuid"],
            sak["system-implementation"]["components"][0]["uuid"]
        );
        let described = by[0]["description"].as_str().unwrap();
        assert!(
            described.contains("Kvartalsvis gjenopprettingstest av alt på serverplattformen"),
            "{described}"
        );
        assert_eq!(by[0]["props"][0]["value"], "gjenopprettingstest-plattform");
        assert_eq!(by[0]["implementation-status"]["state"], "implemented");
        // Every uuid of a plan is its own.
        let text = serde_json::to_string(&hr).unwrap();
        let uuids: Vec<&str> = text
            .split("\"uuid\":\"")
            .skip(1)
            .map(|t| &t[..36])
            .collect();
        let distinct: std::collections::BTreeSet<_> = uuids.iter().collect();
        assert_eq!(distinct.len(), uuids.len());
    }
}
