//! End-to-end tests of the `grunnmur` command on files, as a user runs it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn small(p: &str) -> String {
    root()
        .join("crates/grunnmur-catalog/tests/fixtures/small")
        .join(p)
        .display()
        .to_string()
}

fn grunnmur(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grunnmur"))
        .args(args)
        .env_remove("GRUNNMUR_LANG")
        .current_dir(root())
        .output()
        .expect("run grunnmur")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assess_small() -> Value {
    let cat = small("catalog");
    let body = small("kommune.yaml");
    let o = grunnmur(&["assess", &body, "--catalog", &cat, "--today", "2026-11-28"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

/// The worked example, computed by hand (see the fixture's comments and the rules of docs/concept.md).
#[test]
fn worked_example_small_municipality() {
    let r = assess_small();
    assert_eq!(r["org"]["orgnr"], "974760673");
    assert_eq!(
        r["org"]["levels"],
        serde_json::json!({"c": "middels", "i": "høy", "a": "middels"})
    );
    assert_eq!(strs(&r["org"]["profiles"]), ["p.skole"]);

    let task = |id: &str| {
        r["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    let hr = task("felles.hr");
    assert_eq!(
        hr["levels"],
        serde_json::json!({"c": "middels", "i": "middels", "a": "lav"})
    );
    assert_eq!(hr["deviations"][0]["info_type"], "hr.personalmappe");
    assert_eq!(hr["deviations"][0]["dimension"], "c");
    assert_eq!(hr["deviations"][0]["recommended"], "høy");
    assert_eq!(hr["deviations"][0]["chosen"], "middels");
    assert_eq!(task("egen.kulturskole")["own"], true);

    let sys = |id: &str| {
        r["systems"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    let lv = |id: &str| {
        let l = &sys(id)["levels"];
        format!(
            "{}/{}/{}",
            l["c"].as_str().unwrap(),
            l["i"].as_str().unwrap(),
            l["a"].as_str().unwrap()
        )
    };
    // s.hr gets høy integrity and middels availability from s.okonomi, which uses it.
    assert_eq!(lv("s.hr"), "middels/høy/middels");
    assert_eq!(lv("s.okonomi"), "middels/høy/middels");
    // The platform hosts both (runs_on): at least each of them in all three.
    assert_eq!(lv("s.drift"), "middels/høy/middels");
    // s.skole and s.id use each other (a cycle): s.id gets I and A, not C.
    assert_eq!(lv("s.skole"), "middels/middels/middels");
    assert_eq!(lv("s.id"), "lav/middels/middels");
    // Four distinct information types at middels confidentiality, final C middels: flagged.
    assert_eq!(strs(&sys("s.skole")["cumulation"]), ["c"]);
    assert!(sys("s.hr")["cumulation"].as_array().unwrap().is_empty());

    // The education profile applies by sector, so (rule 8 as amended) it reaches only the
    // system that processes the education task, s.skole: there it adds m.helse.oppslag and
    // moves m.logg from BN3 to BN2. Elsewhere m.logg stays at BN3: required where a dimension
    // it protects is høy (integrity on s.hr, s.okonomi, s.drift), not on s.id.
    assert_eq!(
        strs(&sys("s.skole")["required_measures"]),
        ["m.tilgang", "m.backup", "m.logg", "m.helse.oppslag"]
    );
    let three = ["m.tilgang", "m.backup", "m.logg"];
    for s in ["s.hr", "s.okonomi", "s.drift"] {
        assert_eq!(strs(&sys(s)["required_measures"]), three, "{s}");
    }
    assert_eq!(
        strs(&sys("s.id")["required_measures"]),
        ["m.tilgang", "m.backup"]
    );
    assert_eq!(strs(&r["org_measures"]), ["m.ledelse", "m.beredskap"]);

    let risk: Vec<(&str, Vec<&str>)> = r["risk_assessment_needed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["object"].as_str().unwrap(), strs(&x["reasons"])))
        .collect();
    assert_eq!(
        risk,
        vec![
            ("system:s.hr", vec!["high_level", "lowered_level"]),
            ("system:s.okonomi", vec!["high_level", "overdue"]),
            ("org", vec!["overdue"]),
            ("system:s.id", vec!["not_applicable"]),
            ("system:s.skole", vec!["own_info_type", "cumulation"]),
            ("task:felles.hr", vec!["lowered_level"]),
            ("system:s.drift", vec!["high_level"]),
            ("task:felles.okonomi", vec!["high_level"]),
            ("task:egen.kulturskole", vec!["own_info_type"]),
        ]
    );

    // Every required measure has its trail.
    let explain = r["explain"].as_object().unwrap();
    assert_eq!(explain.len(), 4 + 3 * 3 + 2 + 2);
    let t = &explain["s.skole/m.logg"];
    assert_eq!(t["baseline"], 2);
    assert_eq!(t["catalog_baseline"], 3);
    assert_eq!(t["moved_by_profile"], "p.skole");
    let reach = &t["sector_reach"][0];
    assert_eq!(
        (reach["system"].as_str(), reach["task"].as_str()),
        (Some("s.skole"), Some("kommune.skole"))
    );
    // s.hr: m.logg at its own BN3, through integrity høy inherited from s.okonomi.
    let t = &explain["s.hr/m.logg"];
    assert_eq!(t["baseline"], 3);
    assert!(t.get("moved_by_profile").is_none() && t.get("sector_reach").is_none());
    let i = t["because"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dimension"] == "i")
        .unwrap();
    assert_eq!(i["info_type"], "okonomi.faktura");
    assert_eq!(i["task"], "felles.okonomi");
    assert_eq!(
        i["dependency_path"][0],
        serde_json::json!({"system": "s.okonomi", "kind": "uses", "on": "s.hr"})
    );
    // The lowered confidentiality keeps its recommendation and justification in the trail
    // (m.tilgang at BN1 is selected through c; m.logg at BN3 on s.hr no longer is).
    let c = explain["s.hr/m.tilgang"]["because"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dimension"] == "c")
        .unwrap();
    assert_eq!(c["recommended"], "høy");
    assert!(
        c["justification"]
            .as_str()
            .unwrap()
            .contains("Helseopplysninger")
    );
    assert_eq!(
        explain["s.skole/m.helse.oppslag"]["added_by_profile"],
        "p.skole"
    );
    assert!(
        explain.get("s.hr/m.helse.oppslag").is_none(),
        "outside the sector's reach"
    );
}

#[test]
fn table_format_is_for_people_in_bokmal_nynorsk_and_english() {
    let (cat, body) = (small("catalog"), small("kommune.yaml"));
    let args = [
        "assess",
        &body,
        "--catalog",
        &cat,
        "--today",
        "2026-11-28",
        "--format",
        "table",
    ];
    let nb = stdout(&grunnmur(&args));
    for s in [
        "Virksomhet: Lille kommune",
        "Systemer",
        "Risikovurdering trengs",
        "senket nivå",
        "høy",
    ] {
        assert!(nb.contains(s), "missing {s:?} in\n{nb}");
    }
    assert!(!nb.contains("level-"), "untranslated key in\n{nb}");
    let mut en_args = vec!["--lang", "en"];
    en_args.extend(args);
    let en = stdout(&grunnmur(&en_args));
    for s in [
        "Public body: Lille kommune",
        "Systems",
        "Risk assessment needed",
        "lowered level",
        "high",
    ] {
        assert!(en.contains(s), "missing {s:?} in\n{en}");
    }
    // --lang nn: the same table in nynorsk (the catalog's names stay bokmål).
    let mut nn_args = vec!["--lang", "nn"];
    nn_args.extend(args);
    let nn = stdout(&grunnmur(&nn_args));
    for s in [
        "Verksemd: Lille kommune",
        "Risikovurdering trengst",
        "senka nivå",
        "høg",
    ] {
        assert!(nn.contains(s), "missing {s:?} in\n{nn}");
    }
    assert!(!nn.contains("Risikovurdering trengs ("), "bokmål in\n{nn}");
}

#[test]
fn bad_body_files_fail_with_the_place_and_no_result() {
    let dir = std::env::temp_dir().join(format!("grunnmur-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cat = small("catalog");
    let cases = [
        (
            "malformed.yaml",
            "org: {orgnr: \"974760673\"\n  name: [\n",
            "malformed.yaml:",
        ),
        (
            "orgnr.yaml",
            "org: {orgnr: \"974760674\", name: x, kind: kommune}\n",
            "malformed",
        ),
        (
            "task.yaml",
            "org: {orgnr: \"974760673\", name: x, kind: kommune}\ntasks:\n  - task: finnes.ikke\n",
            "task.yaml:3",
        ),
        (
            "system.yaml",
            "org: {orgnr: \"974760673\", name: x, kind: kommune}\nsystems:\n  - id: a\n    name: a\n    depends_on: [{system: b, kind: uses}]\n",
            "system.yaml:5",
        ),
        (
            "just.yaml",
            "org: {orgnr: \"974760673\", name: x, kind: kommune}\ntasks:\n  - task: felles.hr\n    overrides:\n      - {info_type: hr.kontakt, levels: {i: lav}}\n",
            "just.yaml:5",
        ),
    ];
    for (name, text, expect) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let o = grunnmur(&["assess", path.to_str().unwrap(), "--catalog", &cat]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(o.stdout.is_empty(), "{name}: no partial result");
        let err = stderr(&o);
        let expect = if expect == "malformed" {
            "organisasjonsnummer"
        } else {
            expect
        };
        assert!(err.contains(expect), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let o = grunnmur(&["assess", "/no/such/file.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/no/such/file.yaml"));
    let o = grunnmur(&[
        "assess",
        &small("kommune.yaml"),
        "--catalog",
        &cat,
        "--today",
        "2026-13-01",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn catalog_validate_finds_the_broken_catalog_and_passes_the_shared_one() {
    let broken = root().join("crates/grunnmur-catalog/tests/fixtures/broken");
    let o = grunnmur(&["catalog", "validate", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("a.yaml:8: feil:"), "{err}");
    assert!(
        err.contains("b.yaml:46: feil: profil «p.later» flytter"),
        "{err}"
    );
    // An entry without an owner, at its id.
    assert!(
        err.contains("a.yaml:21: feil: info_types «it.unused» mangler eier"),
        "{err}"
    );
    assert!(err.contains("21 feil"), "{err}");

    let o = grunnmur(&["catalog", "validate", "--strict", "catalog"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Katalogen felles"));

    let o = grunnmur(&["catalog", "validate", "--strict", &small("catalog")]);
    assert_eq!(o.status.code(), Some(1), "warnings fail under --strict");
}

#[test]
fn catalog_show_prints_the_merged_catalog_with_the_file_keys() {
    let o = grunnmur(&["catalog", "show", "catalog", "--format", "json"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    for key in [
        "catalog",
        "info_types",
        "tasks",
        "measures",
        "profiles",
        "requirements",
        "activities",
        "consequence_scale",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    let bundled = grunnmur(&["catalog", "show"]);
    assert_eq!(
        bundled.stdout, o.stdout,
        "the bundled catalog is the catalog/ folder"
    );
    let stats = grunnmur(&["catalog", "stats", "--format", "json"]);
    let s: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(
        s["info_types"].as_u64().unwrap() as usize,
        v["info_types"].as_array().unwrap().len()
    );
}

#[test]
fn catalog_diff_shows_level_changes() {
    let dir = std::env::temp_dir().join(format!("grunnmur-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(small("catalog/catalog.yaml")).unwrap();
    let changed = text.replace(
        "levels: {c: middels, i: høy, a: middels}, rationale: {nb: \"Styrer",
        "levels: {c: høy, i: høy, a: middels}, rationale: {nb: \"Styrer",
    );
    assert_ne!(text, changed);
    std::fs::write(dir.join("new.yaml"), changed).unwrap();
    let o = grunnmur(&[
        "catalog",
        "diff",
        &small("catalog"),
        dir.join("new.yaml").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("~ okonomi.faktura"), "{out}");
    assert!(out.contains("levels.c: \"middels\" → \"høy\""), "{out}");
}

#[test]
fn example_bodies_assess_on_the_bundled_catalog() {
    for f in ["kommune.yaml", "fylkeskommune.yaml", "statsetat.yaml"] {
        let path = root().join("examples").join(f);
        let decls = root().join("examples/declarations");
        let o = grunnmur(&[
            "assess",
            path.to_str().unwrap(),
            "--declarations",
            decls.to_str().unwrap(),
            "--today",
            "2026-11-28",
        ]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        let r: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(!r["systems"].as_array().unwrap().is_empty(), "{f}");
        assert!(
            !r["risk_assessment_needed"].as_array().unwrap().is_empty(),
            "{f}"
        );
        for s in r["systems"].as_array().unwrap() {
            for m in s["required_measures"].as_array().unwrap() {
                let key = format!("{}/{}", s["id"].as_str().unwrap(), m.as_str().unwrap());
                assert!(r["explain"].get(&key).is_some(), "{f}: no trail for {key}");
            }
        }
    }
}

/// Issue 16: `oscal resolve` read any file an href named and echoed it in its error
/// (`file:///etc/passwd`). Now only the profile's folder and each `--allow-path` are read.
#[test]
fn oscal_resolve_reads_only_the_profiles_folder_and_allowed_ones() {
    let dir = std::env::temp_dir().join(format!("grunnmur-cli-confined-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("profiles")).unwrap();
    std::fs::create_dir_all(dir.join("shared")).unwrap();
    let mini = root().join("crates/grunnmur-oscal/tests/fixtures/mini-catalog.json");
    std::fs::copy(&mini, dir.join("shared/cat.json")).unwrap();
    std::fs::write(dir.join("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    let profile = |href: &str| {
        let text = format!(
            r#"{{"profile": {{"uuid": "u", "metadata": {{"title": "p", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"}},
                "imports": [{{"href": "{href}", "include-all": {{}}}}]}}}}"#
        );
        let p = dir.join("profiles/p.json");
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let secret = dir.join("secret.txt").display().to_string();
    for href in [
        "file:///etc/passwd".to_string(),
        "/etc/passwd".into(),
        format!("file://{secret}"),
        "../secret.txt".into(),
        "../shared/cat.json".into(),
    ] {
        let o = grunnmur(&["oscal", "resolve", &profile(&href)]);
        assert!(!o.status.success(), "{href}: {}", stdout(&o));
        let err = stderr(&o);
        assert!(err.contains("--allow-path"), "{href}: {err}");
        assert!(!err.contains("root:"), "{href}: {err}");
        assert!(o.stdout.is_empty(), "{href}");
    }
    // An allowed folder is read; the secret beside it still is not.
    let shared = dir.join("shared").display().to_string();
    let o = grunnmur(&[
        "oscal",
        "resolve",
        &profile("../shared/cat.json"),
        "--allow-path",
        &shared,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["catalog"]["controls"].is_array() || v["catalog"]["groups"].is_array(),
        "{v}"
    );
    let o = grunnmur(&[
        "oscal",
        "resolve",
        &profile("../secret.txt"),
        "--allow-path",
        &shared,
    ]);
    assert!(!o.status.success());
    // A file in the folder that is not OSCAL: refused without its content.
    std::fs::write(
        dir.join("profiles/notes.txt"),
        "root:x:0:0:root:/root:/bin/bash\n",
    )
    .unwrap();
    let o = grunnmur(&["oscal", "resolve", &profile("notes.txt")]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("notes.txt") && !err.contains("root:x"),
        "{err}"
    );
}

/// `assess` of the small municipality that links a supplier's services, on `today`.
fn assess_shared(today: &str, more: &[&str]) -> Output {
    let (body, cat, decls) = (
        small("kommune-delt.yaml"),
        small("catalog"),
        small("declarations"),
    );
    let mut args = vec!["assess", &body, "--catalog", &cat, "--declarations", &decls];
    args.extend(["--today", today]);
    args.extend(more);
    grunnmur(&args)
}

#[test]
fn assess_with_declarations_gives_each_pair_its_status_and_source() {
    let o = assess_shared("2026-11-28", &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let state = |system: &str, measure: &str| -> Value {
        let s = (r["systems"].as_array().unwrap().iter())
            .find(|s| s["id"] == system)
            .unwrap();
        let states = s["measure_states"].as_array().unwrap();
        assert_eq!(
            states.len(),
            s["required_measures"].as_array().unwrap().len()
        );
        states
            .iter()
            .find(|x| x["measure"] == measure)
            .unwrap()
            .clone()
    };
    // The supplier backs up its platform; the body's late work covers what runs on it.
    assert_eq!(
        state("s.drift", "m.backup")["source"],
        serde_json::json!({"kind": "supplier", "service": "acme/drift"})
    );
    let okonomi = state("s.okonomi", "m.backup");
    assert_eq!(okonomi["source"]["kind"], "implementation");
    assert_eq!(okonomi["source"]["id"], "backup-plattform");
    assert_eq!(okonomi["overdue"], true);
    // Shared: the supplier's part and the body's own entry for its part.
    assert_eq!(
        state("s.drift", "m.tilgang")["source"],
        serde_json::json!({"kind": "shared", "service": "acme/drift", "customer": {"kind": "own"}})
    );
    assert_eq!(state("s.drift", "m.tilgang")["status"], "implemented");
    let org = (r["org_measure_states"].as_array().unwrap().iter())
        .find(|x| x["measure"] == "m.ledelse")
        .unwrap();
    assert_eq!(org["source"]["service"], "acme/ledelse");
    // Coverage counts every required pair; the declaration expires within 60 days.
    let c = &r["summary"]["coverage"];
    let required: u64 = (r["systems"].as_array().unwrap().iter())
        .map(|s| s["required_measures"].as_array().unwrap().len() as u64)
        .sum::<u64>()
        + r["org_measures"].as_array().unwrap().len() as u64;
    assert_eq!(c["required"], required);
    assert!(c["in_place"].as_u64().unwrap() >= 4);
    assert_eq!(r["summary"]["expiring"][0]["declaration"], "acme");
    assert_eq!(r["summary"]["expiring"][0]["days_left"], 48);
    // The trail says the same.
    assert_eq!(
        r["explain"]["s.okonomi/m.backup"]["status"]["source"]["id"],
        "backup-plattform"
    );
    // After it expires, what only the supplier covered is a new reason for a risk assessment.
    let o = assess_shared("2027-02-01", &[]);
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    // (The platform's backup is the body's own overdue work as well: overdue, not lapsed.)
    let org = (r["risk_assessment_needed"].as_array().unwrap().iter())
        .find(|x| x["object"] == "org")
        .unwrap();
    assert_eq!(strs(&org["reasons"]), vec!["supplier_expired"], "{org}");
    assert_eq!(strs(&org["measures"]), vec!["m.ledelse"]);
    // The table shows coverage and sources.
    let o = assess_shared("2026-11-28", &["--lang", "en", "--format", "table"]);
    let text = stdout(&o);
    assert!(text.contains("In place"), "{text}");
    assert!(text.contains("supplier 1"), "{text}");
    assert!(
        text.contains("Supplier declarations expiring within 60 days"),
        "{text}"
    );
}

#[test]
fn a_broken_declaration_stops_the_assessment_at_its_line() {
    let dir = std::env::temp_dir().join(format!("grunnmur-decl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(small("declarations/acme.yaml")).unwrap();
    let bad = good.replace(
        "{measure: m.ledelse, responsibility: supplier}",
        "{measure: m.ledelse, responsibility: alle}",
    );
    std::fs::write(dir.join("acme.yaml"), bad).unwrap();
    let o = grunnmur(&[
        "assess",
        &small("kommune-delt.yaml"),
        "--catalog",
        &small("catalog"),
        "--declarations",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("acme.yaml:20"), "{err}");
    // Without the declarations, the links name what is missing.
    let o = grunnmur(&[
        "assess",
        &small("kommune-delt.yaml"),
        "--catalog",
        &small("catalog"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("kommune-delt.yaml:4") && err.contains("acme/ledelse"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_declaration_goes_to_oscal_and_counts_the_same_when_read_back() {
    let dir = std::env::temp_dir().join(format!("grunnmur-cd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("acme.json");
    let o = grunnmur(&[
        "--lang",
        "en",
        "oscal",
        "export-declaration",
        &small("declarations/acme.yaml"),
        "--catalog",
        &small("catalog"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("component definition"),
        "{}",
        stderr(&o)
    );
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        v["component-definition"]["components"][0]["type"],
        "service"
    );
    let states = |o: Output| -> Vec<Value> {
        assert!(o.status.success(), "{}", stderr(&o));
        let r: Value = serde_json::from_slice(&o.stdout).unwrap();
        let mut all: Vec<Value> = (r["systems"].as_array().unwrap().iter())
            .flat_map(|s| s["measure_states"].as_array().unwrap().clone())
            .collect();
        all.extend(r["org_measure_states"].as_array().unwrap().clone());
        all
    };
    let yaml = states(assess_shared("2026-11-28", &[]));
    let (body, cat) = (small("kommune-delt.yaml"), small("catalog"));
    let oscal = states(grunnmur(&[
        "assess",
        &body,
        "--catalog",
        &cat,
        "--declarations",
        dir.to_str().unwrap(),
        "--today",
        "2026-11-28",
    ]));
    assert_eq!(yaml, oscal);
    assert!(yaml.iter().any(|s| s["source"]["kind"] == "supplier"));
    std::fs::remove_dir_all(&dir).ok();
}

/// A body that links suppliers' services goes through the workbook with its groups,
/// implementations and links kept (the sheets replace their parts; the rest stays).
#[test]
fn a_workbook_round_trip_keeps_groups_implementations_and_services() {
    let dir = std::env::temp_dir().join(format!("grunnmur-wb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (body, cat, decls) = (
        small("kommune-delt.yaml"),
        small("catalog"),
        small("declarations"),
    );
    let (xlsx, back) = (dir.join("w.xlsx"), dir.join("back.json"));
    let (xlsx_s, back_s) = (xlsx.to_str().unwrap(), back.to_str().unwrap());
    let o = grunnmur(&[
        "xlsx",
        "export",
        &body,
        "--catalog",
        &cat,
        "--declarations",
        &decls,
        "--out",
        xlsx_s,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = grunnmur(&[
        "xlsx",
        "import",
        xlsx_s,
        "--base",
        &body,
        "--catalog",
        &cat,
        "--declarations",
        &decls,
        "--out",
        back_s,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
    assert_eq!(
        v["groups"][0]["systems"],
        serde_json::json!(["s.hr", "s.okonomi"])
    );
    assert_eq!(v["implementations"].as_array().unwrap().len(), 2);
    assert_eq!(v["org"]["services"], serde_json::json!(["acme/ledelse"]));
    let drift = (v["systems"].as_array().unwrap().iter())
        .find(|s| s["id"] == "s.drift")
        .unwrap();
    assert_eq!(drift["services"], serde_json::json!(["acme/drift"]));
    // Without the declarations the base itself does not resolve: the links name what is missing.
    let o = grunnmur(&[
        "xlsx",
        "import",
        xlsx_s,
        "--base",
        &body,
        "--catalog",
        &cat,
        "--out",
        back_s,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("acme/ledelse"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

/// `oscal ssp --declarations`: a plan names the supplier's service as a component and says
/// per requirement what is inherited from it and what the body satisfies itself.
#[test]
fn a_system_security_plan_names_the_services_it_inherits_from() {
    let dir = std::env::temp_dir().join(format!("grunnmur-ssp-{}", std::process::id()));
    let (body, cat, decls) = (
        small("kommune-delt.yaml"),
        small("catalog"),
        small("declarations"),
    );
    let o = grunnmur(&[
        "--lang",
        "en",
        "oscal",
        "ssp",
        &body,
        "--catalog",
        &cat,
        "--declarations",
        &decls,
        "--out",
        dir.to_str().unwrap(),
        "--today",
        "2026-11-28",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ssp-s.drift.json")).unwrap())
            .unwrap();
    let ssp = &plan["system-security-plan"];
    let service = (ssp["system-implementation"]["components"]
        .as_array()
        .unwrap())
    .iter()
    .find(|c| c["title"] == "Server platform operations")
    .unwrap();
    assert_eq!(service["type"], "service");
    let req = |m: &str| {
        (ssp["control-implementation"]["implemented-requirements"]
            .as_array()
            .unwrap())
        .iter()
        .find(|r| r["control-id"] == m)
        .unwrap()
        .clone()
    };
    let backup = req("m.backup");
    assert_eq!(
        backup["by-components"][1]["component-uuid"],
        service["uuid"]
    );
    assert!(backup["by-components"][1]["inherited"][0]["description"].is_string());
    assert!(backup["by-components"][1].get("satisfied").is_none());
    let access = req("m.tilgang");
    assert_eq!(
        access["by-components"][1]["component-uuid"],
        service["uuid"]
    );
    assert_eq!(
        access["by-components"][1]["satisfied"][0]["description"],
        "The customer manages its own users and roles."
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `gen` writes declarations beside the bodies, and a generated body assesses with them: its
/// services give some measures their status.
#[test]
fn generated_bodies_assess_with_the_generated_declarations() {
    let dir = std::env::temp_dir().join(format!("grunnmur-gen-{}", std::process::id()));
    let out = dir.to_str().unwrap();
    let o = grunnmur(&["gen", "--out", out, "--bodies", "3", "--systems", "20"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let decls = std::fs::read_dir(dir.join("declarations")).unwrap().count();
    assert_eq!(decls, 50);
    let o = grunnmur(&[
        "assess",
        dir.join("bodies/body-0001.json").to_str().unwrap(),
        "--catalog",
        dir.join("catalog.json").to_str().unwrap(),
        "--declarations",
        dir.join("declarations").to_str().unwrap(),
        "--today",
        "2026-11-28",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: std::collections::BTreeSet<String> = (r["systems"].as_array().unwrap().iter())
        .flat_map(|s| s["measure_states"].as_array().unwrap().clone())
        .chain(r["org_measure_states"].as_array().unwrap().clone())
        .map(|s| s["source"]["kind"].as_str().unwrap().to_string())
        .collect();
    for k in ["supplier", "shared", "implementation", "own"] {
        assert!(kinds.contains(k), "{k}: {kinds:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}
