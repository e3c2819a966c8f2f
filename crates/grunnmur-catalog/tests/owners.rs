//! Owners (issue 14): the catalog names its owners and every entry has one. A new catalog is
//! checked for it, with file and line; a release published before owners were named still
//! reads; the bundled catalog assigns its entries as `catalog/README.md` says.

use grunnmur_catalog::files::bundled_sources;
use grunnmur_catalog::format::entry_owners;
use grunnmur_catalog::{Problem, Severity, Source, check_catalog, check_published};
use std::collections::{BTreeMap, BTreeSet};

fn src(text: &str) -> Vec<Source> {
    vec![Source {
        name: "c.yaml".into(),
        text: text.into(),
    }]
}

/// (line, code, severity, the problem's arguments) of every problem.
fn places(problems: &[Problem]) -> Vec<(u32, String, Severity, BTreeMap<String, String>)> {
    problems
        .iter()
        .map(|p| {
            let (key, args) = p.kind.message_parts();
            let code = key.trim_start_matches("problem-").to_string();
            (p.line, code, p.severity, args.into_iter().collect())
        })
        .collect()
}

fn line_of(text: &str, needle: &str) -> u32 {
    1 + text.lines().position(|l| l.contains(needle)).unwrap() as u32
}

/// One entry of every kind that has an owner, each without one.
const WITHOUT_OWNERS: &str = "\
catalog: {id: c, version: '1', title: {nb: c, en: c}}
requirements:
  - {id: lov, name: {nb: Lov, en: Act}, source: Lov}
activities:
  - id: styring
    name: {nb: Styring, en: Governance}
    description: {nb: d, en: d}
    recommendations: [{nb: a, en: a}, {nb: b, en: b}]
info_types:
  - {id: it, name: {nb: i, en: i}, levels: {c: lav, i: lav, a: lav}, rationale: {nb: r, en: r}}
tasks:
  - {id: t, name: {nb: t, en: t}, applies_to: [alle], info_types: [it]}
measures:
  - {id: m.a, name: {nb: a, en: a}, level: 1, protects: [c], scope: org, purpose: forebygge, kind: organisatorisk, activity: styring, evidence: {nb: e, en: e}}
  - {id: m.p, name: {nb: p, en: p}, level: 2, protects: [c], scope: org, purpose: forebygge, kind: organisatorisk, activity: styring, evidence: {nb: e, en: e}, profile_only: true}
profiles:
  - {id: p.x, name: {nb: x, en: x}, applies_to: [\"sector:helse\"], add: [m.p]}
";

#[test]
fn a_new_catalog_names_an_owner_for_every_entry_at_its_line() {
    let (checked, problems) = check_catalog(&src(WITHOUT_OWNERS));
    assert!(checked.is_none(), "entries without owners: no catalog");
    let got = places(&problems);
    let missing: Vec<_> = got.iter().filter(|g| g.1 == "missing-owner").collect();
    let want = [
        ("requirements", "lov", "id: lov"),
        ("activities", "styring", "id: styring"),
        ("info_types", "it", "id: it,"),
        ("tasks", "t", "id: t,"),
        ("measures", "m.a", "id: m.a"),
        ("measures", "m.p", "id: m.p"),
        ("profiles", "p.x", "id: p.x"),
    ];
    assert_eq!(missing.len(), want.len(), "{got:#?}");
    for (section, id, needle) in want {
        let line = line_of(WITHOUT_OWNERS, needle);
        let hit = missing.iter().any(|g| {
            g.0 == line && g.2 == Severity::Error && g.3["section"] == section && g.3["id"] == id
        });
        assert!(hit, "{section} {id} at line {line}: {got:#?}");
    }
    // Nothing else is an error (the activities it lacks are warnings).
    let errors = got.iter().filter(|g| g.2 == Severity::Error).count();
    assert_eq!(errors, want.len(), "{got:#?}");
}

#[test]
fn unknown_owners_and_bad_owner_entries_are_errors_at_their_lines() {
    let text = "\
catalog: {id: c, version: '1', title: {nb: c, en: c}}
owners:
  - {id: nsm, name: {nb: Nasjonal sikkerhetsmyndighet, en: National Security Authority}, orgnr: '985165262'}
  - {id: dt, name: {en: Only English}}
  - {id: nsm, name: {nb: Igjen, en: Again}}
  - {id: ks, name: {nb: KS, en: KS}, orgnr: '971032147'}
requirements:
  - {id: lov, owner: nsm, name: {nb: Lov, en: Act}, source: Lov}
info_types:
  - {id: it, owner: dt, name: {nb: i, en: i}, levels: {c: lav, i: lav, a: lav}, rationale: {nb: r, en: r}}
tasks:
  - id: t
    name: {nb: t, en: t}
    owner: finnes-ikke
    applies_to: [alle]
    info_types: [it]
";
    let (checked, problems) = check_catalog(&src(text));
    assert!(checked.is_none());
    let got = places(&problems);
    let e = Severity::Error;
    let has = |line: u32, code: &str| got.iter().any(|g| g.0 == line && g.1 == code && g.2 == e);
    // The unknown owner at its `owner:` line, naming the entry and the owner.
    let owner_line = line_of(text, "owner: finnes-ikke");
    let unknown = got
        .iter()
        .find(|g| g.0 == owner_line && g.1 == "unknown-reference")
        .unwrap_or_else(|| panic!("{got:#?}"));
    assert_eq!(unknown.3["section"], "tasks");
    assert_eq!(unknown.3["id"], "t");
    assert_eq!(unknown.3["target"], "owners");
    assert_eq!(unknown.3["reference"], "finnes-ikke");
    // An owner without a bokmål name, a duplicate id, a wrong check digit.
    assert!(
        has(line_of(text, "Only English"), "missing-text"),
        "{got:#?}"
    );
    assert!(has(line_of(text, "Igjen"), "duplicate-id"), "{got:#?}");
    assert!(has(line_of(text, "971032147"), "invalid-orgnr"), "{got:#?}");
    assert_eq!(problems.iter().filter(|p| p.is_error()).count(), 4);
}

#[test]
fn a_release_published_without_owners_still_reads_as_published() {
    let (checked, problems) = check_published(&src(WITHOUT_OWNERS));
    assert!(!problems.iter().any(Problem::is_error), "{problems:#?}");
    let doc = checked.expect("an older release reads").doc;
    assert!(doc.owners.is_empty());
    assert!(entry_owners(&doc).iter().all(|(_, o)| o.is_none()));
    // An owner it names must still be known.
    let named = WITHOUT_OWNERS.replace("{id: t, ", "{id: t, owner: nsm, ");
    let (checked, problems) = check_published(&src(&named));
    assert!(checked.is_none());
    let got = places(&problems);
    assert!(
        got.iter()
            .any(|g| g.1 == "unknown-reference" && g.3["target"] == "owners"),
        "{got:#?}"
    );
}

#[test]
fn the_diff_names_owner_changes() {
    let with = |owner: &str| {
        format!(
            "catalog: {{id: c, version: '1', title: {{nb: c, en: c}}}}\n\
             owners:\n  - {{id: a, name: {{nb: A, en: A}}}}\n  - {{id: b, name: {{nb: B, en: B}}}}\n\
             requirements:\n  - {{id: lov, owner: {owner}, name: {{nb: Lov, en: Act}}, source: Lov}}\n"
        )
    };
    let old = check_catalog(&src(&with("a"))).0.unwrap();
    let new = check_catalog(&src(
        &with("b").replace("id: b, name: {nb: B", "id: b, name: {nb: Bee")
    ))
    .0
    .unwrap();
    let d = grunnmur_catalog::diff::diff(&old.doc, &new.doc);
    let section = |name: &str| d.sections.iter().find(|s| s.section == name).unwrap();
    let req = section("requirements");
    assert_eq!(req.changed[0].id, "lov");
    assert_eq!(req.changed[0].fields, ["owner"]);
    assert_eq!(section("owners").changed[0].id, "b");
}

/// The bundled catalog: five owners with valid organisation numbers, every entry owned by one
/// of them, each owning something, and the assignment `catalog/README.md` describes.
#[test]
fn the_bundled_catalog_assigns_every_entry_to_an_owner() {
    let (checked, problems) = check_catalog(&bundled_sources());
    let doc = checked.unwrap_or_else(|| panic!("{problems:#?}")).doc;
    let ids: BTreeSet<&str> = doc.owners.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        BTreeSet::from(["datatilsynet", "digdir", "helsedirektoratet", "ks", "nsm"])
    );
    for o in &doc.owners {
        let orgnr = o.orgnr.as_deref().unwrap_or_default();
        assert!(grunnmur_catalog::body::valid_orgnr(orgnr), "{}", o.id);
    }
    let mut owned: BTreeMap<&str, usize> = BTreeMap::new();
    for (section, owner) in entry_owners(&doc) {
        let owner = owner.unwrap_or_else(|| panic!("an entry of {section} without owner"));
        *owned.entry(owner).or_default() += 1;
    }
    assert_eq!(owned.keys().copied().collect::<BTreeSet<_>>(), ids);
    let owner = |section: &str, id: &str| -> String {
        let v = serde_json::to_value(&doc).unwrap();
        let e = v[section]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{section} {id}"));
        e["owner"].as_str().unwrap().to_string()
    };
    // Personal-data duties.
    assert_eq!(owner("measures", "m.dpia"), "datatilsynet");
    assert_eq!(owner("info_types", "personvern.dpia"), "datatilsynet");
    assert_eq!(owner("requirements", "gdpr.35"), "datatilsynet");
    // ICT security.
    assert_eq!(owner("measures", "m.mfa"), "nsm");
    assert_eq!(owner("requirements", "digitalsikkerhetsloven"), "nsm");
    // Municipal tasks, health.
    assert_eq!(owner("tasks", "kommune.barnehage"), "ks");
    assert_eq!(owner("tasks", "kommune.sykehjem"), "helsedirektoratet");
    assert_eq!(
        owner("info_types", "omsorg.pasientjournal"),
        "helsedirektoratet"
    );
    assert_eq!(owner("profiles", "p.helse"), "helsedirektoratet");
    // The frame.
    assert_eq!(owner("tasks", "felles.arkiv"), "digdir");
    assert!(
        doc.activities
            .iter()
            .all(|a| a.owner.as_deref() == Some("digdir"))
    );
}
