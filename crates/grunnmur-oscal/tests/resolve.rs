//! Profile resolution on the hand-written fixtures in tests/fixtures: each feature of the
//! specification, and each kind of broken input.

use grunnmur_oscal::model::{Catalog, Control, Group};
use grunnmur_oscal::{FsLoader, MemLoader, OscalError, ResolveOptions, Resolved, resolve_key};

fn fixture(name: &str) -> String {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(&p)
        .unwrap_or_else(|e| panic!("{p}: {e}"))
        .display()
        .to_string()
}

fn opts() -> ResolveOptions {
    ResolveOptions {
        timestamp: "2026-11-28T12:00:00Z".into(),
        tool: "grunnmur test".into(),
    }
}

fn run(name: &str) -> Resolved {
    resolve_key(&FsLoader, &fixture(name), &opts()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn run_err(name: &str) -> OscalError {
    let p = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    match resolve_key(&FsLoader, &p, &opts()) {
        Ok(_) => panic!("{name}: resolved, expected an error"),
        Err(e) => e,
    }
}

/// The tree of groups and controls in one line: `g[c c(child)]`.
fn shape(c: &Catalog) -> String {
    fn control(c: &Control) -> String {
        if c.controls.is_empty() {
            c.id.clone()
        } else {
            let inner: Vec<String> = c.controls.iter().map(control).collect();
            format!("{}({})", c.id, inner.join(" "))
        }
    }
    fn group(g: &Group) -> String {
        let mut inner: Vec<String> = g.controls.iter().map(control).collect();
        inner.extend(g.groups.iter().map(group));
        format!("{}[{}]", g.id.as_deref().unwrap_or("-"), inner.join(" "))
    }
    let mut out: Vec<String> = c.controls.iter().map(control).collect();
    out.extend(c.groups.iter().map(group));
    out.join(" ")
}

fn control<'a>(c: &'a Catalog, id: &str) -> &'a Control {
    c.all_controls()
        .into_iter()
        .find(|x| x.id == id)
        .unwrap_or_else(|| panic!("no control {id}"))
}

#[test]
fn with_ids_as_is_keeps_structure_and_lifts_unselected_parents() {
    let r = run("ids-as-is.json");
    // ac-2 is not selected: its selected child ac-2.1 takes its place in the group.
    assert_eq!(shape(&r.catalog), "ac[ac-1 ac-2.1] au[au-2] sc[sc-x[sc-1]]");
    // Group properties come along; an unreferenced group parameter is pruned.
    let ac = &r.catalog.groups[0];
    assert_eq!(ac.class.as_deref(), Some("family"));
    assert!(ac.params.is_empty());
}

#[test]
fn with_child_controls_and_exclusion_wins_flat() {
    let r = run("children-flat.json");
    assert_eq!(shape(&r.catalog), "ac-2(ac-2.1)");
    assert!(r.catalog.groups.is_empty());
}

#[test]
fn matching_glob_default_structure_is_flat() {
    let r = run("matching-default.json");
    assert_eq!(shape(&r.catalog), "au-1 au-2(au-2.1)");
}

#[test]
fn include_all_with_exclude_pattern() {
    let r = run("all-exclude.json");
    assert_eq!(
        shape(&r.catalog),
        "ac[ac-1 ac-3] au[au-1 au-2(au-2.1)] sc[sc-x[sc-1]]"
    );
    // ac-3's link to the excluded ac-2 is dropped; the one to ac-1 stays.
    let links: Vec<&str> = control(&r.catalog, "ac-3")
        .links
        .iter()
        .map(|l| l.href.as_str())
        .collect();
    assert_eq!(links, ["#ac-1"]);
}

#[test]
fn set_parameters_apply_in_order_and_alters_remove_and_add() {
    let r = run("modify.json");
    let cat = &r.catalog;
    let p = &control(cat, "ac-1").params[0];
    assert_eq!(p.values, ["every 30 days"]);
    assert_eq!(p.label.as_deref(), Some("review frequency"));
    assert_eq!(p.constraints.len(), 1);

    let ac2 = control(cat, "ac-2");
    let props: Vec<&str> = ac2.props.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        props,
        ["priority", "label"],
        "sort-id removed, priority at start"
    );
    let parts: Vec<&str> = ac2.parts.iter().filter_map(|p| p.id.as_deref()).collect();
    assert_eq!(parts, ["ac-2_smt"], "guidance removed by id");
    let items: Vec<&str> = ac2.parts[0]
        .parts
        .iter()
        .filter_map(|p| p.id.as_deref())
        .collect();
    assert_eq!(
        items,
        ["ac-2_smt.a0", "ac-2_smt.a", "ac-2_smt.a2", "ac-2_smt.b"]
    );
    assert_eq!(ac2.parts[0].props[0].name, "response-point");

    let ac1 = control(cat, "ac-1");
    assert_eq!(
        ac1.parts.last().and_then(|p| p.id.as_deref()),
        Some("ac-1_extra")
    );

    // Not errors, but reported: an unknown parameter, an unknown part, an unselected control.
    let w: Vec<String> = r.warnings.iter().map(|w| w.message.clone()).collect();
    assert!(w.iter().any(|m| m.contains("nope_prm")), "{w:?}");
    assert!(w.iter().any(|m| m.contains("no-such-part")), "{w:?}");
    assert!(w.iter().any(|m| m.contains("ac-3")), "{w:?}");
}

#[test]
fn custom_structure_with_order() {
    let r = run("custom.json");
    // Descending order in "first"; ac-2 brings its selected child; "empty" gets nothing
    // (ac-1 is already placed) and is left out; what is left goes to the top level.
    assert_eq!(
        shape(&r.catalog),
        "au-2 sc-1 first[au-1 ac-1] second[inner[ac-2(ac-2.1)]]"
    );
}

#[test]
fn profile_of_profile_with_use_first() {
    let r = run("layered.json");
    // ac-1 comes first through the imported profile; the second instance is dropped.
    assert_eq!(
        shape(&r.catalog),
        "ac[ac-1 ac-2.1 ac-3] au[au-2] sc[sc-x[sc-1]]"
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn import_through_back_matter_resource_with_relative_href() {
    let r = run("sub/via-resource.json");
    assert_eq!(shape(&r.catalog), "ac[ac-3]");
}

#[test]
fn yaml_profile() {
    let r = run("yaml-profile.yaml");
    assert_eq!(shape(&r.catalog), "ac[ac-3] au[au-1]");
    // au-1 refers to the catalog parameter; the unused one is pruned.
    let ids: Vec<&str> = r.catalog.params.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["cat-prm-used"]);
}

#[test]
fn prunes_back_matter_and_writes_metadata() {
    let r = run("ids-as-is.json");
    let bm = r.catalog.back_matter.as_ref().expect("back-matter kept");
    let uuids: Vec<&str> = bm.resources.iter().map(|r| r.uuid.as_str()).collect();
    assert_eq!(uuids, ["11111111-1111-4111-8111-111111111111"]);
    assert!(
        r.catalog.params.is_empty(),
        "no catalog param is referenced"
    );
    let m = &r.catalog.metadata;
    assert_eq!(m["last-modified"], "2026-11-28T12:00:00Z");
    assert_eq!(m["links"][0]["rel"], "source-profile");
    assert!(
        m["links"][0]["href"]
            .as_str()
            .unwrap()
            .ends_with("ids-as-is.json")
    );
    assert_eq!(m["props"][0]["name"], "resolution-tool");
    assert_eq!(r.catalog.uuid.len(), 36);
    // Deterministic for the same input and time.
    assert_eq!(run("ids-as-is.json").catalog, r.catalog);
}

#[test]
fn circular_import_is_an_error() {
    let e = run_err("cycle-a.json");
    match &e {
        OscalError::CircularImport { chain, .. } => {
            assert!(
                chain.contains("cycle-a.json") && chain.contains("cycle-b.json"),
                "{chain}"
            )
        }
        e => panic!("unexpected {e:?}"),
    }
}

#[test]
fn missing_control_ids_are_named() {
    let e = run_err("missing-id.json");
    assert!(
        matches!(&e, OscalError::MissingControls { ids, index: 0, .. } if ids == "zz-9"),
        "{e:?}"
    );
}

#[test]
fn unreachable_import_names_the_file() {
    let e = run_err("unreachable.json");
    assert!(
        matches!(&e, OscalError::Unreachable { href, .. } if href.ends_with("does-not-exist.json")),
        "{e:?}"
    );
}

#[test]
fn invalid_document_names_the_json_path() {
    let e = run_err("invalid.json");
    assert!(
        matches!(&e, OscalError::Invalid { path, .. } if path == "profile.imports[0].href"),
        "{e:?}"
    );
}

#[test]
fn two_structuring_directives_are_an_error() {
    let e = run_err("two-structures.json");
    assert!(matches!(e, OscalError::ManyStructures { .. }), "{e:?}");
}

#[test]
fn a_catalog_is_not_a_profile() {
    let e = run_err("mini-catalog.json");
    assert!(matches!(e, OscalError::WrongModel { .. }), "{e:?}");
}

#[test]
fn in_memory_loader_and_garbage_never_panic() {
    let cat = std::fs::read_to_string(fixture("mini-catalog.json")).unwrap();
    let garbage = [
        "",
        "null",
        "[]",
        "{\"profile\": null}",
        "{\"profile\": {\"uuid\": \"u\", \"metadata\": {}, \"imports\": []}}",
        "{\"profile\": {\"uuid\": \"u\", \"metadata\": {}, \"imports\": [{\"href\": \"c.json\"}]}}",
        "{\"profile\": {\"uuid\": \"u\", \"metadata\": 5, \"imports\": [{\"href\": \"#nope\", \"include-all\": {}}]}}",
        "{\"profile\": {\"uuid\": \"u\", \"metadata\": {}, \"imports\": [{\"href\": \"c.json\", \"include-controls\": [{\"matching\": [{\"pattern\": \"\"}]}]}]}}",
        "profile: [unclosed",
    ];
    for g in garbage {
        let loader = MemLoader::new()
            .with("c.json", cat.clone())
            .with("p.json", g);
        assert!(
            resolve_key(&loader, "p.json", &opts()).is_err(),
            "accepted: {g}"
        );
    }
    let ok = "{\"profile\": {\"uuid\": \"u\", \"metadata\": 5, \"imports\": [{\"href\": \"c.json\", \"include-controls\": [{\"with-ids\": [\"ac-3\"]}]}]}}";
    let loader = MemLoader::new().with("c.json", cat).with("p.json", ok);
    let r = resolve_key(&loader, "p.json", &opts()).unwrap();
    assert_eq!(shape(&r.catalog), "ac-3");
}

#[test]
fn a_broken_selected_control_is_named_an_unselected_one_is_not_read() {
    let cat = r#"{"catalog": {"uuid": "u", "metadata": {"title": "t"}, "groups": [{"id": "g", "title": "G",
        "controls": [{"id": "ok-1", "title": "Fine"}, {"id": "bad-1", "title": 5}]}]}}"#;
    let p = |id: &str| {
        format!(
            r#"{{"profile": {{"uuid": "u", "metadata": {{}}, "imports": [{{"href": "c.json", "include-controls": [{{"with-ids": ["{id}"]}}]}}]}}}}"#
        )
    };
    let loader = MemLoader::new()
        .with("c.json", cat)
        .with("bad.json", p("bad-1"))
        .with("ok.json", p("ok-1"));
    let e = resolve_key(&loader, "bad.json", &opts()).unwrap_err();
    assert!(
        matches!(&e, OscalError::Invalid { href, path, .. } if href == "c.json" && path.starts_with("control bad-1: title")),
        "{e:?}"
    );
    let r = resolve_key(&loader, "ok.json", &opts()).unwrap();
    assert_eq!(shape(&r.catalog), "ok-1");
}
