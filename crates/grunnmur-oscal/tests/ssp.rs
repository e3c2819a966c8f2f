//! System security plans for the example bodies: one per system, schema-valid, with the
//! engine's levels and one implemented requirement per required measure and its status.

mod common;

use grunnmur_core::Date;
use grunnmur_oscal::Document;
use grunnmur_oscal::export::ExportOptions;
use grunnmur_oscal::ssp::{fips199, system_security_plans};
use serde_json::Value;

fn plans(
    example: &str,
) -> (
    Vec<(String, Document)>,
    grunnmur_core::Assessment,
    grunnmur_core::Workspace,
) {
    let (checked, _) = grunnmur_catalog::load_catalog(None);
    let checked = checked.unwrap();
    let (ws, decls) = common::example_with_declarations(example, &checked.catalog);
    let a = grunnmur_core::assess(&checked.catalog, &ws, Date::parse("2026-11-28").unwrap());
    let opts = ExportOptions {
        timestamp: "2026-11-28T12:00:00Z".into(),
        ..ExportOptions::default()
    };
    let out = system_security_plans(&checked.doc, &checked.catalog, &ws, &a, &decls, &opts);
    (out, a, ws)
}

#[test]
fn one_plan_per_system_with_levels_and_requirements() {
    let (out, a, ws) = plans("kommune.yaml");
    assert_eq!(out.len(), ws.systems.len());
    for ((file, doc), (s, r)) in out.iter().zip(ws.systems.iter().zip(&a.systems)) {
        assert_eq!(file, &format!("ssp-{}.json", s.id));
        let Document::SystemSecurityPlan(v) = doc else {
            panic!()
        };
        let sc = &v["system-characteristics"];
        assert_eq!(sc["system-ids"][0]["id"], Value::from(s.id.clone()));
        let sil = &sc["security-impact-level"];
        assert_eq!(
            sil["security-objective-confidentiality"],
            fips199(r.levels[grunnmur_core::Dimension::C])
        );
        assert_eq!(
            sil["security-objective-availability"],
            fips199(r.levels[grunnmur_core::Dimension::A])
        );
        let reqs = v["control-implementation"]["implemented-requirements"]
            .as_array()
            .unwrap();
        assert_eq!(
            reqs.len(),
            r.required.len() + a.org_required.len(),
            "{}",
            s.id
        );
        assert!(
            !sc["system-information"]["information-types"]
                .as_array()
                .unwrap()
                .is_empty()
        );
    }
    // A status from the body file is carried over: some requirement is implemented and some
    // is marked not applicable, with the justification as remarks.
    let all: Vec<&Value> = out
        .iter()
        .flat_map(|(_, d)| match d {
            Document::SystemSecurityPlan(v) => {
                v["control-implementation"]["implemented-requirements"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .collect::<Vec<_>>()
            }
            _ => vec![],
        })
        .collect();
    let status = |r: &Value| r["props"][0]["value"].as_str().unwrap().to_string();
    assert!(all.iter().any(|r| status(r) == "implemented"));
    assert!(
        all.iter()
            .any(|r| status(r) == "not-applicable" && r["remarks"].is_string())
    );
    assert!(all.iter().any(|r| status(r) == "planned"));
}

#[test]
fn adapted_levels_show_as_selected_impact_with_justification() {
    let (out, _, _) = plans("kommune.yaml");
    let adjusted: Vec<&Value> = out
        .iter()
        .flat_map(|(_, d)| match d {
            Document::SystemSecurityPlan(v) => {
                v["system-characteristics"]["system-information"]["information-types"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .collect::<Vec<_>>()
            }
            _ => vec![],
        })
        .filter(|it| {
            it["confidentiality-impact"]["selected"].is_string()
                || it["availability-impact"]["selected"].is_string()
        })
        .collect();
    assert!(!adjusted.is_empty());
    for it in adjusted {
        let c = &it["confidentiality-impact"];
        let a = &it["availability-impact"];
        assert!(
            c["adjustment-justification"].is_string() || a["adjustment-justification"].is_string(),
            "{it}"
        );
    }
}
