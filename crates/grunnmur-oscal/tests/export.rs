//! Round trip: export the shared measure bank and its baselines and sector profiles, resolve
//! the profiles, and get exactly the measures the engine selects.

use grunnmur_catalog::CheckedCatalog;
use grunnmur_core::derive::MeasurePlan;
use grunnmur_core::workspace::SelectionMode;
use grunnmur_oscal::export::{self, ExportOptions, NS};
use grunnmur_oscal::model::Catalog;
use grunnmur_oscal::{Document, MemLoader, ResolveOptions, resolve_key};
use std::collections::BTreeSet;

fn bundled() -> CheckedCatalog {
    let (c, problems) = grunnmur_catalog::load_catalog(None);
    c.unwrap_or_else(|| panic!("bundled catalog: {problems:?}"))
}

fn exported(checked: &CheckedCatalog) -> MemLoader {
    let mut loader = MemLoader::new();
    for e in export::export_all(&checked.doc, &ExportOptions::default()) {
        loader = loader.with(&e.file, serde_json::to_string(&e.document).unwrap());
    }
    loader
}

fn resolved(loader: &MemLoader, file: &str) -> Catalog {
    let r = resolve_key(loader, file, &ResolveOptions::default())
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    assert!(r.warnings.is_empty(), "{file}: {:?}", r.warnings);
    r.catalog
}

fn ids(c: &Catalog) -> BTreeSet<String> {
    c.control_ids().into_iter().map(String::from).collect()
}

#[test]
fn bn2_round_trip_gives_exactly_bn2() {
    let checked = bundled();
    let loader = exported(&checked);
    let got = resolved(&loader, "bn2.json");
    let want: BTreeSet<String> = checked
        .catalog
        .measures
        .iter()
        .filter(|m| !m.profile_only && m.level.number() <= 2)
        .map(|m| m.id.clone())
        .collect();
    assert!(want.len() > 50, "{}", want.len());
    assert_eq!(ids(&got), want);
    // Groups are governance activities; each measure keeps its properties.
    for g in &got.groups {
        assert_eq!(g.class.as_deref(), Some("activity"));
        for c in &g.controls {
            let level = c
                .props
                .iter()
                .find(|p| p.name == "baseline-level" && p.ns.as_deref() == Some(NS))
                .map(|p| p.value.as_str());
            assert!(matches!(level, Some("1" | "2")), "{}: {level:?}", c.id);
            let m = checked.doc.measures.iter().find(|m| m.id == c.id).unwrap();
            assert_eq!(
                g.id.as_deref(),
                serde_json::to_value(m.activity)
                    .ok()
                    .as_ref()
                    .and_then(|v| v.as_str())
            );
        }
    }
}

#[test]
fn baselines_are_cumulative() {
    let checked = bundled();
    let loader = exported(&checked);
    let (b1, b2, b3) = (
        ids(&resolved(&loader, "bn1.json")),
        ids(&resolved(&loader, "bn2.json")),
        ids(&resolved(&loader, "bn3.json")),
    );
    assert!(b1.is_subset(&b2) && b2.is_subset(&b3));
    assert!(b1.len() < b2.len() && b2.len() < b3.len());
}

#[test]
fn sector_profiles_resolve_to_the_engines_selection() {
    let checked = bundled();
    let cat = &checked.catalog;
    let loader = exported(&checked);
    assert!(!checked.doc.profiles.is_empty());
    for (pi, p) in checked.doc.profiles.iter().enumerate() {
        let plan = MeasurePlan::new(cat, vec![pi as u32], SelectionMode::PerDimension);
        for n in 1..=3u8 {
            let file = export::sector_file(p, n);
            let got = resolved(&loader, &file);
            let want: BTreeSet<String> = plan
                .effective
                .iter()
                .enumerate()
                .filter(|(_, e)| e.is_some_and(|e| e.level.number() <= n))
                .map(|(m, _)| cat.measures[m].id.clone())
                .collect();
            assert_eq!(ids(&got), want, "{file}");
            // The profile's parameters are set on the resolved controls.
            for (mid, params) in &p.params {
                if !want.contains(mid) {
                    continue;
                }
                let c = got
                    .all_controls()
                    .into_iter()
                    .find(|c| &c.id == mid)
                    .unwrap();
                for (name, v) in params {
                    let pid = export::param_id(mid, name);
                    let param = c.params.iter().find(|q| q.id == pid);
                    let value = param.and_then(|q| q.values.first()).cloned();
                    assert_eq!(value, Some(export::value_string(v)), "{file}: {pid}");
                }
            }
        }
    }
}

#[test]
fn export_is_deterministic_and_in_both_languages() {
    let checked = bundled();
    let a = export::export_all(&checked.doc, &ExportOptions::default());
    let b = export::export_all(&checked.doc, &ExportOptions::default());
    let text = |v: &[export::Exported]| {
        serde_json::to_string(&v.iter().map(|e| &e.document).collect::<Vec<_>>()).unwrap()
    };
    assert_eq!(text(&a), text(&b));
    let en = ExportOptions {
        lang: "en".into(),
        ..ExportOptions::default()
    };
    let Document::Catalog(nb) = &a[0].document else {
        panic!()
    };
    let Document::Catalog(en) = export::export_all(&checked.doc, &en).remove(0).document else {
        panic!()
    };
    let m = &checked.doc.measures[0];
    let find = |c: &Catalog| {
        c.all_controls()
            .into_iter()
            .find(|c| c.id == m.id)
            .unwrap()
            .title
            .clone()
    };
    assert_eq!(find(nb), m.name.nb.clone().unwrap());
    assert_eq!(find(&en), m.name.en.clone().unwrap());
    assert_ne!(nb.uuid, en.uuid);
}
