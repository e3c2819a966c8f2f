//! FedRAMP rev5 LOW/MODERATE/HIGH resolved against the NIST SP 800-53 rev5 catalog give the
//! same controls, in the same order, as the resolved catalogs FedRAMP ships. Needs the data
//! from scripts/fetch-oscal-data.sh.

mod common;

use grunnmur_oscal::{FsLoader, ResolveOptions, resolve_key};

fn check(baseline: &str) {
    let dir = common::data_dir().join("fedramp");
    let name = format!("fedramp-{}", baseline.to_lowercase());
    let Some(profile) = common::real_file(
        dir.join(format!("FedRAMP_rev5_{baseline}-baseline_profile.json")),
        &name,
        common::FETCH,
    ) else {
        return;
    };
    let Some(expected) = common::real_file(
        dir.join(format!("FedRAMP_rev5_{baseline}-resolved-controls.json")),
        &name,
        common::FETCH,
    ) else {
        return;
    };
    let want: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(expected).unwrap()).unwrap();
    let key = std::fs::canonicalize(profile)
        .unwrap()
        .display()
        .to_string();
    let r = resolve_key(&FsLoader, &key, &ResolveOptions::default()).expect("resolves");
    let got: Vec<&str> = r.catalog.control_ids();
    assert_eq!(
        got, want,
        "{baseline}: controls differ from FedRAMP's resolved catalog"
    );
    // Every FedRAMP parameter setting lands on a selected control's parameter.
    let unset: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.message.contains("parameter"))
        .collect();
    assert!(unset.is_empty(), "{unset:?}");
    // The profile's first parameter setting is on that parameter after resolution.
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&key).unwrap()).unwrap();
    let sp = &doc["profile"]["modify"]["set-parameters"][0];
    let pid = sp["param-id"].as_str().unwrap();
    let p = r
        .catalog
        .all_controls()
        .into_iter()
        .flat_map(|c| c.params.iter())
        .find(|p| p.id == pid)
        .unwrap();
    assert!(
        p.constraints.contains(&sp["constraints"][0]),
        "{pid}: {:?}",
        p.constraints
    );
    // Groups are the NIST families, as in FedRAMP's resolved catalog (merge as-is).
    assert_eq!(r.catalog.groups[0].id.as_deref(), Some("ac"));
}

#[test]
fn fedramp_low() {
    check("LOW");
}

#[test]
fn fedramp_moderate() {
    check("MODERATE");
}

#[test]
fn fedramp_high() {
    check("HIGH");
}
