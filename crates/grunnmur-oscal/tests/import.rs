//! Import: an OSCAL catalog and its baseline profiles as a measure bank that the catalog
//! checks accept and the engine assesses against. Grunnmur's own export round-trips; NIST SP
//! 800-53 rev5 with FedRAMP LOW/MODERATE/HIGH (real data) becomes BN1-BN3.

mod common;

use grunnmur_catalog::{Source, check_catalog, read_body};
use grunnmur_core::Date;
use grunnmur_oscal::export::{self, ExportOptions};
use grunnmur_oscal::import::{ImportOptions, import_catalog};
use grunnmur_oscal::model::Catalog;
use grunnmur_oscal::{Document, FsLoader, MemLoader, ResolveOptions, parse_document, resolve_key};

fn check(doc: &grunnmur_catalog::format::CatalogDoc) -> grunnmur_catalog::CheckedCatalog {
    let src = Source {
        name: "imported.json".into(),
        text: serde_json::to_string(doc).unwrap(),
    };
    let (c, problems) = check_catalog(&[src]);
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    c.expect("checked")
}

#[test]
fn grunnmur_export_round_trips_through_import() {
    let (checked, _) = grunnmur_catalog::load_catalog(None);
    let base = checked.unwrap().doc;
    let mut loader = MemLoader::new();
    let mut cat = None;
    for e in export::export_all(&base, &ExportOptions::default()) {
        if let Document::Catalog(c) = &e.document {
            cat = Some(c.clone());
        }
        loader = loader.with(&e.file, serde_json::to_string(&e.document).unwrap());
    }
    let bns: Vec<Catalog> = (1..=3)
        .map(|n| {
            resolve_key(
                &loader,
                &export::baseline_file(n),
                &ResolveOptions::default(),
            )
            .unwrap()
            .catalog
        })
        .collect();
    let refs: Vec<&Catalog> = bns.iter().collect();
    let opts = ImportOptions {
        id: "felles-igjen".into(),
        beside: false,
    };
    let cat = cat.unwrap();
    let imported = import_catalog(&cat, &refs, &base, &opts).unwrap();
    let checked = check(&imported.doc);
    assert_eq!(checked.catalog.id, "felles-igjen");
    for m in base.measures.iter().filter(|m| !m.profile_only) {
        let i = imported.doc.measures.iter().find(|x| x.id == m.id).unwrap();
        assert_eq!(
            (i.level, &i.protects, i.scope, i.purpose, i.kind, i.activity),
            (m.level, &m.protects, m.scope, m.purpose, m.kind, m.activity),
            "{}",
            m.id
        );
        assert_eq!(i.name.nb, m.name.nb);
        assert_eq!(
            i.statement.as_ref().and_then(|s| s.nb.clone()),
            m.statement.as_ref().and_then(|s| s.nb.clone())
        );
        assert_eq!(i.params, m.params, "{}", m.id);
        assert_eq!(i.owner, m.owner, "{}: the owner comes back", m.id);
    }
    // The owners are the catalog's parties, each measure's owner a prop.
    let parties = cat.metadata["parties"].as_array().unwrap();
    let nsm = parties.iter().find(|p| p["short-name"] == "nsm").unwrap();
    assert_eq!(nsm["type"], "organization");
    assert_eq!(nsm["name"], "Nasjonal sikkerhetsmyndighet");
    assert_eq!(nsm["external-ids"][0]["id"], "985165262");
    assert_eq!(parties.len(), base.owners.len());
    // Profile-only measures are in no baseline: one extra profile adds them.
    let extra = imported
        .doc
        .profiles
        .iter()
        .find(|p| p.id == "felles-igjen.utenfor-basis")
        .unwrap();
    let only = base.measures.iter().filter(|m| m.profile_only).count();
    assert_eq!(extra.add.len(), only);
    assert_eq!(imported.counts[3], only);
    // That profile is the import's own, an owner named after the catalog.
    assert_eq!(extra.owner.as_deref(), Some("felles-igjen"));
    let own = imported.doc.owners.iter().find(|o| o.id == "felles-igjen");
    assert_eq!(own.unwrap().name.nb, base.catalog.title.nb);
}

/// A catalog Grunnmur did not write has no owners: its measures belong to an owner made for
/// the import (its id, the catalog's title), beside the base catalog's owners.
#[test]
fn a_foreign_catalog_s_measures_belong_to_the_import() {
    let text = r#"{"catalog": {"uuid": "4a3f1b8e-2c7d-4e5f-9a6b-1c2d3e4f5a6b",
        "metadata": {"title": "Fremmed katalog", "last-modified": "2026-01-01T00:00:00Z",
            "version": "1", "oscal-version": "1.1.3",
            "parties": [{"uuid": "5b4f1b8e-2c7d-4e5f-9a6b-1c2d3e4f5a6b", "type": "organization",
                "name": "Utgiver"}]},
        "groups": [{"id": "ac", "title": "Access",
            "controls": [{"id": "ac-1", "title": "Policy",
                "props": [{"name": "owner", "ns": "https://grunnmur.no/ns/oscal", "value": "ukjent"}]},
                {"id": "ac-2", "title": "Accounts"}]}]}}"#;
    let Document::Catalog(cat) = parse_document("fremmed", text).unwrap() else {
        panic!("not a catalog")
    };
    let (base, _) = grunnmur_catalog::load_catalog(None);
    let base = base.unwrap().doc;
    let opts = ImportOptions {
        id: "fremmed".into(),
        beside: true,
    };
    let imported = import_catalog(&cat, &[], &base, &opts).unwrap();
    check(&imported.doc);
    for id in ["ac-1", "ac-2"] {
        let m = imported.doc.measures.iter().find(|m| m.id == id).unwrap();
        assert_eq!(m.owner.as_deref(), Some("fremmed"), "{id}");
    }
    let own = imported
        .doc
        .owners
        .iter()
        .find(|o| o.id == "fremmed")
        .unwrap();
    assert_eq!(own.name.nb.as_deref(), Some("Fremmed katalog"));
    assert_eq!(imported.doc.owners.len(), base.owners.len() + 1);
    // The base catalog's measures keep their owners.
    let dpia = imported
        .doc
        .measures
        .iter()
        .find(|m| m.id == "m.dpia")
        .unwrap();
    assert_eq!(dpia.owner.as_deref(), Some("datatilsynet"));
}

fn real(name: &str) -> Option<std::path::PathBuf> {
    common::real_file(common::data_dir().join(name), "import-nist", common::FETCH)
}

#[test]
fn nist_with_fedramp_baselines_is_a_measure_bank_a_body_is_assessed_against() {
    let Some(nist) = real("nist/NIST_SP-800-53_rev5_catalog.json") else {
        return;
    };
    let mut bns = Vec::new();
    for b in ["LOW", "MODERATE", "HIGH"] {
        let Some(p) = real(&format!("fedramp/FedRAMP_rev5_{b}-baseline_profile.json")) else {
            return;
        };
        let key = std::fs::canonicalize(p).unwrap().display().to_string();
        bns.push(
            resolve_key(&FsLoader, &key, &ResolveOptions::default())
                .unwrap()
                .catalog,
        );
    }
    let text = std::fs::read_to_string(&nist).unwrap();
    let Document::Catalog(cat) = parse_document("nist", &text).unwrap() else {
        panic!("not a catalog")
    };
    let (base, _) = grunnmur_catalog::load_catalog(None);
    let base = base.unwrap().doc;
    let refs: Vec<&Catalog> = bns.iter().collect();
    let opts = ImportOptions {
        id: "nist-800-53r5".into(),
        beside: false,
    };
    let imported = import_catalog(&cat, &refs, &base, &opts).unwrap();
    assert_eq!(imported.counts, [156, 323 - 156, 410 - 323, 1196 - 410]);
    let checked = check(&imported.doc);
    let ac2 = imported
        .doc
        .measures
        .iter()
        .find(|m| m.id == "ac-2")
        .unwrap();
    assert_eq!(ac2.name.nb.as_deref(), Some("AC-2 Account Management"));
    assert!(
        ac2.statement
            .as_ref()
            .unwrap()
            .nb
            .as_ref()
            .unwrap()
            .contains("a. Define and document")
    );

    // A body with one system at lav and one at høy: BN1 for the first (the 156 LOW controls),
    // BN3 for the second (the 410 HIGH controls).
    let body = r#"
org: {orgnr: "999900046", name: "Testetaten", kind: stat}
tasks:
  - task: felles.arkiv
  - task: felles.personalforvaltning
systems:
  - id: s.arkiv
    name: Arkiv
    processes: [{task: felles.arkiv}]
  - id: s.hr
    name: HR
    processes: [{task: felles.personalforvaltning}]
"#;
    let src = Source {
        name: "body.yaml".into(),
        text: body.into(),
    };
    let (_, ws) = read_body(&src, &checked.catalog).unwrap_or_else(|p| panic!("{p:#?}"));
    let a = grunnmur_core::assess(&checked.catalog, &ws, Date::parse("2026-11-28").unwrap());
    for (s, r) in ws.systems.iter().zip(&a.systems) {
        let want = match r.levels.max_level() {
            grunnmur_core::Level::Lav => 156,
            grunnmur_core::Level::Middels => 323,
            grunnmur_core::Level::Hoy => 410,
        };
        assert_eq!(r.required.len(), want, "{}: {:?}", s.id, r.levels);
    }
}
