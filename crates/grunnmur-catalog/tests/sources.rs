//! Groups, implementations and suppliers' declarations in body files (rules 13–15): read,
//! checked with every problem at its line, and carried into the engine.

use grunnmur_catalog::files::read_sources;
use grunnmur_catalog::{Source, check_catalog, read_body_with, read_declaration};
use grunnmur_core::Catalog;
use grunnmur_core::effective::Source as From;
use grunnmur_core::workspace::Status;
use std::path::Path;

fn small() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/catalog");
    check_catalog(&read_sources(&dir).unwrap())
        .0
        .unwrap()
        .catalog
}

fn src(name: &str, text: &str) -> Source {
    Source {
        name: name.into(),
        text: text.into(),
    }
}

const DECLARATION: &str = r#"declaration:
  id: acme
  supplier: {name: "Acme Drift AS"}
  catalog: {id: liten, version: "1.0"}
  valid_from: "2026-01-01"
  valid_until: "2027-06-30"
services:
  - id: drift
    name: {nb: "Drift", en: "Operations"}
    covers:
      - {measure: m.backup, responsibility: supplier}
      - {measure: m.tilgang, responsibility: shared, customer: {nb: "Kunden styrer egne brukere."}}
  - id: ledelse
    name: {nb: "Ledelsesstøtte"}
    covers:
      - {measure: m.ledelse, responsibility: supplier}
"#;

const BODY: &str = r#"org: {orgnr: "974760673", name: "Lille kommune", kind: kommune, services: [acme/ledelse]}
tasks:
  - task: felles.hr
  - task: felles.okonomi
systems:
  - {id: s.hr, name: "HR", processes: [{task: felles.hr}], depends_on: [{system: s.drift, kind: runs_on}]}
  - {id: s.okonomi, name: "Økonomi", processes: [{task: felles.okonomi}], depends_on: [{system: s.drift, kind: runs_on}]}
  - {id: s.drift, name: "Serverplattform", services: [acme/drift]}
groups:
  - {id: fag, name: "Fagsystemer", systems: [s.hr, s.okonomi]}
implementations:
  - id: tilgang-fag
    name: "Tilgangsstyring i fagsystemene"
    measures: [m.tilgang]
    covers: {groups: [fag]}
    status: implemented
  - id: backup-plattform
    name: "Sikkerhetskopi av alt på plattformen"
    measures: [m.backup]
    covers: {runs_on: s.drift}
    status: in_progress
    due: "2026-03-01"
"#;

#[test]
fn a_body_with_groups_implementations_and_services_reaches_the_engine() {
    let cat = small();
    let decl = read_declaration(&src("acme.yaml", DECLARATION), &cat).unwrap();
    assert!(decl.warnings.is_empty());
    let (_, ws) = read_body_with(&src("b.yaml", BODY), &cat, &[decl.doc]).unwrap();
    assert_eq!(ws.sources.groups[0].systems, vec![0, 1]);
    assert_eq!(ws.sources.implementations.len(), 2);
    assert_eq!(ws.sources.services.len(), 2);
    let today = grunnmur_core::Date::parse("2026-11-28").unwrap();
    let a = grunnmur_core::assess(&cat, &ws, today);
    let state = |s: Option<usize>, m: &str| {
        let m = cat.measure(m).unwrap();
        let (req, st) = match s {
            Some(s) => (&a.systems[s].required[..], &a.systems[s].states),
            None => (&a.org_required[..], &a.org_states),
        };
        st.get(req.iter().position(|x| *x == m).expect("required"))
    };
    // The body's services are numbered first (acme/ledelse), then the systems' (acme/drift).
    // The supplier backs up the platform it runs; the body's own, late, work covers what runs
    // on it and is overdue there.
    assert_eq!(state(Some(2), "m.backup").source, From::Supplier(1));
    let okonomi = state(Some(1), "m.backup");
    assert_eq!(
        (okonomi.source, okonomi.overdue),
        (From::Implementation(1), true)
    );
    // Access control: the supplier's part on the platform, the body's part (none) — not in
    // place; on the group's systems the implementation does it.
    let drift = state(Some(2), "m.tilgang");
    assert_eq!(drift.status, Status::NotStarted);
    assert!(matches!(drift.source, From::Shared { customer: None, .. }));
    assert_eq!(state(Some(0), "m.tilgang").source, From::Implementation(0));
    assert_eq!(state(None, "m.ledelse").source, From::Supplier(0));
}

#[test]
fn broken_groups_implementations_and_links_are_named_at_their_lines() {
    let cat = small();
    let decl = read_declaration(&src("acme.yaml", DECLARATION), &cat).unwrap();
    let body = r#"org: {orgnr: "974760673", name: "Lille kommune", kind: kommune, services: [acme/finnes-ikke]}
tasks:
  - task: felles.hr
systems:
  - {id: s.hr, name: "HR", services: [ukjent/drift]}
groups:
  - {id: fag, name: "Fag", systems: [s.hr, s.mangler]}
implementations:
  - {id: a, name: "A", measures: [m.tilgang], covers: {groups: [fag], all: true}, status: implemented}
  - {id: b, name: "B", measures: [m.tilgang], covers: {groups: [ingen]}, status: supplier}
  - {id: c, name: "C", measures: [m.ledelse], covers: {systems: [s.hr]}, status: partial, due: "2026-13-01"}
  - {id: d, name: "D", measures: [m.tilgang], covers: {runs_on: s.borte}, status: implemented}
  - {id: a, name: "E", measures: [m.ukjent], covers: {org: true}, status: implemented}
"#;
    let problems = read_body_with(&src("b.yaml", body), &cat, &[decl.doc]).unwrap_err();
    let got: Vec<(u32, String)> = problems
        .iter()
        .map(|p| {
            let code = p.kind.message_parts().0;
            (p.line, code.trim_start_matches("problem-").to_string())
        })
        .collect();
    let expected: Vec<(u32, String)> = [
        (1, "unknown-reference"),
        (5, "unknown-reference"),
        (7, "unknown-reference"),
        (9, "covers-one"),
        (10, "implementation-status"),
        (10, "unknown-reference"),
        (11, "invalid-date"),
        (11, "scope-mismatch"),
        (12, "unknown-reference"),
        (13, "duplicate-id"),
        (13, "unknown-reference"),
    ]
    .into_iter()
    .map(|(l, c)| (l, c.to_string()))
    .collect();
    let mut got = got;
    got.sort();
    assert_eq!(got, expected);
}

#[test]
fn a_link_to_a_declaration_not_published_is_refused() {
    let cat = small();
    let problems = read_body_with(&src("b.yaml", BODY), &cat, &[]).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems
            .iter()
            .all(|p| p.kind.message_parts().0 == "problem-unknown-reference")
    );
}
