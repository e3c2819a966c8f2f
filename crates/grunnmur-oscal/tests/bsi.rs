//! BSI's Lieferkettensicherheit profile (a back-matter import with a relative href, include by
//! id, merge as-is) resolved against the Grundschutz++ kernel catalog, compared with the
//! resolved catalog BSI publishes (made with another toolchain).

mod common;

use grunnmur_oscal::model::{Catalog, Control, Group};
use grunnmur_oscal::{FsLoader, ResolveOptions, parse_document, resolve_key};
use serde_json::Value;

fn groups_outline(gs: &[Group], out: &mut Vec<String>, depth: usize) {
    for g in gs {
        out.push(format!(
            "{}{} {:?} props={}",
            " ".repeat(depth),
            g.id.as_deref().unwrap_or("-"),
            g.title,
            serde_json::to_string(&g.props).unwrap_or_default()
        ));
        for c in &g.controls {
            control_outline(c, out, depth + 1);
        }
        groups_outline(&g.groups, out, depth + 1);
    }
}

fn control_outline(c: &Control, out: &mut Vec<String>, depth: usize) {
    out.push(format!("{}{}", " ".repeat(depth), c.id));
    for cc in &c.controls {
        control_outline(cc, out, depth + 1);
    }
}

#[test]
fn lieferkettensicherheit_matches_bsi_resolution() {
    let base = common::bsi_dir().join("control_layer/Lieferkettensicherheit");
    let how = "it ships in the repository, crates/grunnmur-oscal/tests/data/bsi";
    let Some(profile) = common::real_file(
        base.join("sources/profiles/Lieferkettensicherheit-profile.json"),
        "bsi",
        how,
    ) else {
        return;
    };
    let Some(expected_path) = common::real_file(
        base.join("Lieferkettensicherheit-resolved_catalog.json"),
        "bsi",
        how,
    ) else {
        return;
    };
    let key = std::fs::canonicalize(&profile)
        .unwrap()
        .display()
        .to_string();
    let r = resolve_key(&FsLoader, &key, &ResolveOptions::default()).expect("resolves");
    let text = std::fs::read_to_string(&expected_path).unwrap();
    let expected: Catalog = match parse_document("expected", &text).unwrap() {
        grunnmur_oscal::Document::Catalog(c) => c,
        d => panic!("expected a catalog, got {}", d.kind()),
    };

    // Same groups, same controls, same order, same nesting.
    let (mut got, mut want) = (Vec::new(), Vec::new());
    groups_outline(&r.catalog.groups, &mut got, 0);
    groups_outline(&expected.groups, &mut want, 0);
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "outline line {n}");
    }
    assert_eq!(got.len(), want.len());
    assert_eq!(r.catalog.controls.len(), expected.controls.len());

    // Every control in full: title, class, params, props, links, parts.
    let got_controls = r.catalog.all_controls();
    let want_controls = expected.all_controls();
    assert_eq!(got_controls.len(), want_controls.len());
    assert!(got_controls.len() > 100, "{}", got_controls.len());
    for (g, w) in got_controls.iter().zip(&want_controls) {
        let shallow = |c: &Control| -> Value {
            let mut v = serde_json::to_value(c).unwrap();
            v.as_object_mut().unwrap().remove("controls");
            v
        };
        assert_eq!(shallow(g), shallow(w), "control {}", g.id);
    }
    assert_eq!(r.catalog.params, expected.params);
    // The metadata carries what the specification asks for.
    assert_eq!(r.catalog.metadata["title"], expected.metadata["title"]);
    assert_eq!(r.catalog.metadata["links"][0]["rel"], "source-profile");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
