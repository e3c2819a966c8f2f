//! The catalog and body-file checks report every problem with its place.

use grunnmur_catalog::files::{read_source, read_sources};
use grunnmur_catalog::{Problem, Severity, check_catalog, read_body};
use std::path::{Path, PathBuf};

fn fixture(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
}

fn code(p: &Problem) -> String {
    p.kind
        .message_parts()
        .0
        .trim_start_matches("problem-")
        .to_string()
}

/// (file name, line, code, severity) of every problem.
fn places(problems: &[Problem]) -> Vec<(String, u32, String, Severity)> {
    problems
        .iter()
        .map(|p| {
            let file = Path::new(&p.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .to_string();
            (file, p.line, code(p), p.severity)
        })
        .collect()
}

#[test]
fn broken_catalog_reports_every_problem_with_file_and_line() {
    let sources = read_sources(&fixture("broken")).unwrap();
    let (checked, problems) = check_catalog(&sources);
    assert!(checked.is_none(), "a catalog with errors is not used");
    let got = places(&problems);
    let e = Severity::Error;
    let w = Severity::Warning;
    let expected = [
        ("a.yaml", 8, "duplicate-id", e),
        ("a.yaml", 15, "format", e),
        ("a.yaml", 18, "missing-text", e),
        ("a.yaml", 20, "unknown-reference", e),
        // An entry without an owner: at its id.
        ("a.yaml", 21, "missing-owner", e),
        ("a.yaml", 21, "unused-info-type", w),
        ("a.yaml", 24, "invalid-id", e),
        ("a.yaml", 32, "invalid-applicability", e),
        ("a.yaml", 33, "unknown-reference", e),
        // An owner the catalog does not name: at `owner:`.
        ("a.yaml", 35, "unknown-reference", e),
        ("a.yaml", 38, "empty-list", e),
        // An owner's organisation number without a valid check digit.
        ("a.yaml", 40, "invalid-orgnr", e),
        ("b.yaml", 1, "duplicate-header", e),
        ("b.yaml", 15, "invalid-baseline", e),
        ("b.yaml", 16, "empty-list", e),
        ("b.yaml", 27, "format", e),
        ("b.yaml", 30, "unreachable-measure", w),
        ("b.yaml", 42, "unknown-reference", e),
        ("b.yaml", 45, "unknown-reference", e),
        ("b.yaml", 46, "profile-moves-later", e),
        ("b.yaml", 51, "profile-removes", e),
        ("b.yaml", 52, "unknown-section", e),
    ];
    for (file, line, c, sev) in expected {
        let hit = got
            .iter()
            .any(|g| g.0 == file && g.1 == line && g.2 == c && g.3 == sev);
        assert!(hit, "expected {file}:{line} {c} ({sev:?}) in\n{got:#?}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    assert_eq!(errors, 21, "{got:#?}");
}

#[test]
fn syntax_errors_name_the_line_and_other_files_are_still_checked() {
    let sources = vec![
        grunnmur_catalog::Source {
            name: "bad.yaml".into(),
            text: "info_types:\n  - id: x\n    name: {nb: \"x\"\n".into(),
        },
        grunnmur_catalog::Source {
            name: "good.yaml".into(),
            text: "tasks:\n  - {id: t, name: {nb: t}, applies_to: [alle], info_types: [nope]}\n"
                .into(),
        },
    ];
    let (_, problems) = check_catalog(&sources);
    let got = places(&problems);
    assert!(
        got.iter()
            .any(|g| g.0 == "bad.yaml" && g.2 == "syntax" && g.1 >= 3),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|g| g.0 == "good.yaml" && g.1 == 2 && g.2 == "unknown-reference")
    );
    assert!(got.iter().any(|g| g.2 == "missing-header"));
}

/// A measure with `required_by` naming a requirement the catalog lacks, and one with no
/// `evidence`: the unknown requirement is an error at its line; missing evidence a warning
/// (so `--strict` fails); evidence and `required_by` reach the engine's catalog.
const EVIDENCE_CATALOG: &str = "\
catalog: {id: c, version: '1', title: {nb: c, en: c}}
owners:
  - {id: dt, name: {nb: Datatilsynet, en: Norwegian Data Protection Authority}}
requirements:
  - {id: gdpr.35, owner: dt, name: {nb: DPIA, en: DPIA}, source: GDPR}
info_types:
  - {id: i, owner: dt, name: {nb: i, en: i}, levels: {c: middels, i: middels, a: middels}, rationale: {nb: r, en: r}, requirements: [gdpr.35]}
tasks:
  - {id: t, owner: dt, name: {nb: t, en: t}, applies_to: [alle], info_types: [i], requirements: [gdpr.35]}
measures:
  - id: m.a
    owner: dt
    name: {nb: a, en: a}
    statement: {nb: a, en: a}
    guidance: {nb: a, en: a}
    level: 3
    protects: [c]
    scope: system
    purpose: forebygge
    kind: organisatorisk
    activity: risikovurdering
    refs: {gdpr: ['35']}
    required_by: [gdpr.35]
    evidence: {nb: en datert vurdering, en: a dated assessment}
  - id: m.b
    owner: dt
    name: {nb: b, en: b}
    statement: {nb: b, en: b}
    guidance: {nb: b, en: b}
    level: 1
    protects: [c]
    scope: org
    purpose: forebygge
    kind: organisatorisk
    activity: styring
    required_by: [gdpr.35, gdpr.44]
";

#[test]
fn measure_evidence_and_required_by_are_checked_and_carried_into_the_engine() {
    let src = |text: &str| {
        vec![grunnmur_catalog::Source {
            name: "m.yaml".into(),
            text: text.into(),
        }]
    };
    let (checked, problems) = check_catalog(&src(EVIDENCE_CATALOG));
    assert!(checked.is_none(), "an unknown requirement is an error");
    let got = places(&problems);
    let line_of = |needle: &str| {
        1 + EVIDENCE_CATALOG
            .lines()
            .position(|l| l.contains(needle))
            .unwrap() as u32
    };
    let (req_line, b_line) = (line_of("gdpr.44"), line_of("id: m.b"));
    let e = Severity::Error;
    let w = Severity::Warning;
    let unknown = ("m.yaml".into(), req_line, "unknown-reference".into(), e);
    assert!(got.contains(&unknown), "{got:#?}");
    let missing = ("m.yaml".into(), b_line, "missing-text".into(), w);
    assert!(got.contains(&missing), "{got:#?}");
    let ev = problems.iter().find(|p| p.line == b_line).unwrap();
    let args = ev.kind.message_parts().1;
    assert!(
        args.contains(&("field".into(), "evidence".into())),
        "{args:?}"
    );
    assert_eq!(problems.iter().filter(|p| p.is_error()).count(), 1);

    let fixed = EVIDENCE_CATALOG.replace(", gdpr.44]", "]\n    evidence: {nb: b, en: b}");
    let (checked, problems) = check_catalog(&src(&fixed));
    assert!(problems.is_empty(), "{problems:#?}");
    let checked = checked.expect("valid");
    let cat = &checked.catalog;
    let a = &cat.measures[cat.measure("m.a").unwrap() as usize];
    assert_eq!(a.required_by, vec!["gdpr.35".to_string()]);
    assert_eq!(a.evidence.as_ref().unwrap().get("en"), "a dated assessment");
    let i = &cat.info_types[cat.info_type("i").unwrap() as usize];
    assert_eq!(i.requirements, vec!["gdpr.35".to_string()]);
    let t = &cat.tasks[cat.task("t").unwrap() as usize];
    assert_eq!(t.requirements, vec!["gdpr.35".to_string()]);
    let doc_m = &checked.doc.measures[1];
    assert_eq!(doc_m.evidence.as_ref().unwrap().nb.as_deref(), Some("b"));
}

#[test]
fn broken_body_file_reports_every_problem_with_its_line() {
    let cat_sources = read_sources(&fixture("small/catalog")).unwrap();
    let cat = check_catalog(&cat_sources).0.unwrap().catalog;
    let src = read_source(&fixture("broken-body.yaml")).unwrap();
    let problems = read_body(&src, &cat).unwrap_err();
    let got = places(&problems);
    let expected = [
        (1, "invalid-orgnr"),
        (1, "invalid-sector"),
        (1, "invalid-threshold"),
        (1, "invalid-review-months"),
        (5, "missing-justification"),
        (6, "info-type-not-in-task"),
        (7, "unknown-reference"),
        (8, "clashes-with-catalog"),
        (9, "empty-list"),
        (10, "task-needs-id-or-task"),
        (14, "info-type-not-in-task"),
        (15, "unknown-reference"),
        (15, "self-dependency"),
        (16, "duplicate-id"),
        (19, "scope-mismatch"),
        (20, "scope-mismatch"),
        (20, "missing-justification"),
        (21, "unknown-reference"),
        (22, "invalid-date"),
        (23, "duplicate-status"),
    ];
    for (line, c) in expected {
        assert!(
            got.iter().any(|g| g.1 == line && g.2 == c),
            "expected line {line} {c} in\n{got:#?}"
        );
    }
    assert!(
        problems
            .iter()
            .all(|p| p.file.ends_with("broken-body.yaml"))
    );
}

#[test]
fn body_file_shape_errors_name_the_line() {
    let cat_sources = read_sources(&fixture("small/catalog")).unwrap();
    let cat = check_catalog(&cat_sources).0.unwrap().catalog;
    let src = grunnmur_catalog::Source {
        name: "b.yaml".into(),
        text: "org: {orgnr: \"974760673\", name: x, kind: kommune}\nsystems:\n  - id: s\n    name: s\n    depends_on: [{system: s, kind: hosts}]\n".into(),
    };
    let problems = read_body(&src, &cat).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].line, code(&problems[0]).as_str()),
        (5, "format")
    );
    let (_, args) = problems[0].kind.message_parts();
    assert!(
        args[0].1.contains("systems[0].depends_on[0].kind"),
        "{args:?}"
    );
}

#[test]
fn texts_longer_than_their_field_are_refused_at_their_line_alone() {
    let cat_sources = read_sources(&fixture("small/catalog")).unwrap();
    let cat = check_catalog(&cat_sources).0.unwrap().catalog;
    let text = std::fs::read_to_string(fixture("small/kommune.yaml")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"HR-system\""))
        .unwrap() as u32
        + 1;
    let long = "x".repeat(1_500_000);
    let src = grunnmur_catalog::Source {
        name: "k.yaml".into(),
        text: text.replacen("\"HR-system\"", &long, 1).replacen(
            "{task: felles.hr}",
            "{task: felles.hr, info_types: [Ø]}",
            1,
        ),
    };
    let problems = read_body(&src, &cat).unwrap_err();
    // Only the over-long text: the unknown info type would repeat nothing long, but other
    // problems could, so they wait until the texts fit.
    assert_eq!(
        places(&problems),
        vec![("k.yaml".into(), line, "too-long".into(), Severity::Error)]
    );
    let (_, args) = problems[0].kind.message_parts();
    assert_eq!(
        args,
        vec![
            ("field".to_string(), "systems[0].name".to_string()),
            ("chars".to_string(), "1500000".to_string()),
            ("max".to_string(), "200".to_string()),
        ]
    );
    // An id, and free text, each one over.
    let src = grunnmur_catalog::Source {
        name: "k.yaml".into(),
        text: text.replacen("id: s.hr", &format!("id: s.{}", "h".repeat(99)), 1),
    };
    let problems = read_body(&src, &cat).unwrap_err();
    assert_eq!(code(&problems[0]), "too-long");
    assert_eq!(problems[0].kind.message_parts().1[0].1, "systems[0].id");
}

#[test]
fn a_body_document_round_trips_through_json_and_yaml_text() {
    let cat_sources = read_sources(&fixture("small/catalog")).unwrap();
    let cat = check_catalog(&cat_sources).0.unwrap().catalog;
    let src = read_source(&fixture("small/kommune.yaml")).unwrap();
    let (doc, _) = read_body(&src, &cat).unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let again = grunnmur_catalog::Source {
        name: "again.json".into(),
        text: json,
    };
    let (doc2, _) = read_body(&again, &cat).unwrap();
    assert_eq!(doc, doc2);
}

#[test]
fn diff_lists_added_removed_and_level_changes() {
    let old = check_catalog(&read_sources(&fixture("small/catalog")).unwrap())
        .0
        .unwrap();
    let mut text = std::fs::read_to_string(fixture("small/catalog/catalog.yaml")).unwrap();
    text = text.replace("version: \"1.0\"", "version: \"1.1\"");
    text = text.replace(
        "levels: {c: lav, i: middels, a: lav}, rationale: {nb: \"Offentlig",
        "levels: {c: lav, i: høy, a: lav}, rationale: {nb: \"Offentlig",
    );
    text = text.replace(
        "  - {id: m.kryptering,",
        "  - {id: m.ny, name: {nb: \"Ny\", en: \"New\"}, level: 1, protects: [c], scope: org, purpose: forebygge, kind: menneskelig, activity: kompetanse, owner: nsm}\n  - {id: m.kryptert,",
    );
    let new = check_catalog(&[grunnmur_catalog::Source {
        name: "new.yaml".into(),
        text,
    }])
    .0
    .unwrap();
    let d = grunnmur_catalog::diff::diff(&old.doc, &new.doc);
    assert_eq!(
        (d.old_version.as_str(), d.new_version.as_str()),
        ("1.0", "1.1")
    );
    let it = d
        .sections
        .iter()
        .find(|s| s.section == "info_types")
        .unwrap();
    assert_eq!(it.changed.len(), 1);
    assert_eq!(it.changed[0].id, "okonomi.budsjett");
    assert_eq!(it.changed[0].levels[0].field, "levels.i");
    assert_eq!(it.changed[0].levels[0].to, "høy");
    let m = d.sections.iter().find(|s| s.section == "measures").unwrap();
    assert_eq!(m.added, ["m.ny", "m.kryptert"]);
    assert_eq!(m.removed, ["m.kryptering"]);
    assert!(grunnmur_catalog::diff::diff(&old.doc, &old.doc).is_empty());
}

#[test]
fn a_release_has_the_same_files_wherever_the_catalog_lies() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog");
    let (from_disk, problems) = grunnmur_catalog::load_release(Some(&root));
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    let (bundled, _) = grunnmur_catalog::load_release(None);
    let (disk, bundled) = (from_disk.unwrap().1, bundled.unwrap().1);
    assert!(disk.iter().all(|s| s.name.starts_with("catalog/")));
    assert_eq!(disk, bundled);
    // Problems still name the file where it lies.
    let broken = std::env::temp_dir().join(format!("grunnmur-release-{}", std::process::id()));
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("catalog.yaml"), "catalog: [").unwrap();
    let (none, problems) = grunnmur_catalog::load_release(Some(&broken));
    assert!(none.is_none());
    assert!(
        problems[0].file.contains("grunnmur-release-"),
        "{:?}",
        problems[0]
    );
}
