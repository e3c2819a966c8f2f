//! Catalog owners on the command line (issue 14): `catalog validate` names a missing or unknown
//! owner with file and line, `catalog stats` counts per owner, `catalog diff` reads a release
//! written before owners were named, and `platform grant --role catalog-editor --owner` stores
//! the owners (checked against the catalogs known), audited.

mod common;

use common::*;
use grunnmur_store::{EditorOwners, Storage};
use std::path::Path;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    grunnmur().args(args).output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn small_text() -> String {
    std::fs::read_to_string(
        root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog/catalog.yaml"),
    )
    .unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn catalog_validate_names_missing_and_unknown_owners_at_their_lines() {
    let dir = temp_dir("owners-validate");
    let text =
        small_text()
            .replace(", owner: ks}", "}")
            .replacen(", owner: nsm}", ", owner: nsn}", 1);
    let path = write(&dir, "catalog.yaml", &text);
    let line_of = |needle: &str| 1 + text.lines().position(|l| l.contains(needle)).unwrap();

    let o = run(&["--lang", "en", "catalog", "validate", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let shown = format!("{}{}", out(&o), err(&o));
    let skole = line_of("id: kommune.skole");
    assert!(
        shown.contains(&format!("catalog.yaml:{skole}"))
            && shown.contains("tasks \"kommune.skole\" has no owner"),
        "{shown}"
    );
    let nsn = line_of("owner: nsn");
    assert!(
        shown.contains(&format!("catalog.yaml:{nsn}"))
            && shown.contains("refers to unknown owners \"nsn\""),
        "{shown}"
    );

    let o = run(&["catalog", "validate", "--format", "json", &path]);
    assert_eq!(o.status.code(), Some(1));
    let problems: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let missing: Vec<_> = (problems.as_array().unwrap().iter())
        .filter(|p| p["code"] == "missing-owner")
        .collect();
    // Three school information types, the school task, the profile.
    assert_eq!(missing.len(), 5, "{problems:#}");
    assert!(missing.iter().all(|p| p["severity"] == "error"));

    // The bundled catalog passes, strictly.
    let o = run(&["catalog", "validate", "--strict", "catalog"]);
    assert!(o.status.success(), "{}{}", out(&o), err(&o));
}

#[test]
fn catalog_stats_counts_per_owner_and_diff_reads_a_release_without_owners() {
    let dir = temp_dir("owners-stats");
    let o = run(&["--lang", "en", "catalog", "stats", "catalog"]);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    let line = text
        .lines()
        .find(|l| l.contains("Entries per owner"))
        .unwrap_or_else(|| panic!("{text}"));
    for name in [
        "Norwegian Data Protection Authority (datatilsynet)",
        "Norwegian Digitalisation Agency (digdir)",
        "Norwegian Directorate of Health (helsedirektoratet)",
        "(ks)",
        "Norwegian National Security Authority (nsm)",
    ] {
        assert!(line.contains(name), "{name}: {line}");
    }
    let o = run(&["catalog", "stats", "--format", "json", "catalog"]);
    let s: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let total: u64 = (s["by_owner"].as_object().unwrap().values())
        .map(|c| c["entries"].as_u64().unwrap())
        .sum();
    let entries = [
        "info_types",
        "tasks",
        "measures",
        "profiles",
        "requirements",
    ]
    .iter()
    .map(|k| s[k].as_u64().unwrap())
    .sum::<u64>()
        + 7;
    assert_eq!(
        total, entries,
        "every entry counted once, activities included"
    );
    assert_eq!(s["without_owner"], 0);
    assert_eq!(s["by_owner"]["datatilsynet"]["by_section"]["measures"], 11);

    // A folder as a release was published before owners were named: shown, counted, diffed.
    let old_text = small_text()
        .lines()
        .filter(|l| {
            !l.starts_with("owners:")
                && !l.starts_with("  - {id: digdir, name")
                && !l.starts_with("  - {id: nsm, name")
                && !l.starts_with("  - {id: ks, name")
        })
        .map(|l| {
            ["digdir", "nsm", "ks"].iter().fold(l.to_string(), |l, o| {
                l.replace(&format!(", owner: {o}}}"), "}")
            })
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!old_text.contains("owner"));
    let old = write(&dir, "old.yaml", &old_text);
    let o = run(&["--lang", "en", "catalog", "stats", &old]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("Entries without an owner"), "{}", out(&o));
    let new = root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog");
    let o = run(&[
        "catalog",
        "diff",
        "--format",
        "json",
        &old,
        new.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", err(&o));
    let d: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let sections = d["sections"].as_array().unwrap();
    let owners = sections.iter().find(|s| s["section"] == "owners").unwrap();
    assert_eq!(owners["added"].as_array().unwrap().len(), 3, "{d:#}");
    let tasks = sections.iter().find(|s| s["section"] == "tasks").unwrap();
    assert!(
        (tasks["changed"].as_array().unwrap().iter())
            .all(|c| c["fields"] == serde_json::json!(["owner"])),
        "{d:#}"
    );
    // Validate asks for the owners all the same.
    assert_eq!(run(&["catalog", "validate", &old]).status.code(), Some(1));
}

#[test]
fn platform_grant_gives_a_catalog_editor_owners_checked_and_audited() {
    let dir = temp_dir("owners-grant");
    let data = dir.join("data");
    let d = data.to_str().unwrap();
    let cli = |args: &[&str]| {
        let mut c = grunnmur();
        c.args(args)
            .args(["--data-dir", d])
            .env("GRUNNMUR_LANG", "en");
        run_with(c, Some("et langt passord\n"))
    };
    let email = "redaktor@nsm.example.no";
    let o = cli(&["user", "create", "--email", email, "--password-stdin"]);
    assert!(o.status.success(), "{}", err(&o));
    let grant = |extra: &[&str]| {
        let mut args = vec![
            "platform",
            "grant",
            "--email",
            email,
            "--role",
            "catalog-editor",
        ];
        args.extend_from_slice(extra);
        cli(&args)
    };

    // An owner no catalog names: refused, with the owners there are.
    let o = grant(&["--owner", "nsm", "--owner", "finnes-ikke"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("\"finnes-ikke\"") && err(&o).contains("datatilsynet, digdir"),
        "{}",
        err(&o)
    );
    // --owner is for giving the catalog-editor role only.
    let o = cli(&[
        "platform",
        "grant",
        "--email",
        email,
        "--role",
        "supervisor",
        "--owner",
        "nsm",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let o = cli(&[
        "platform",
        "revoke",
        "--email",
        email,
        "--role",
        "catalog-editor",
        "--owner",
        "nsm",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));

    let o = grant(&["--owner", "nsm", "--owner", "datatilsynet"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("nsm, datatilsynet"), "{}", out(&o));

    let db = data.join("grunnmur.db").display().to_string();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let read = || {
        rt.block_on(async {
            let store = grunnmur_store::SqliteStore::open(&db).await.unwrap();
            let user = store.user_by_email(email).await.unwrap().unwrap();
            let editor = store.catalog_editor(user.id).await.unwrap();
            let audit = store.audit_all().await.unwrap();
            let last = audit
                .into_iter()
                .rev()
                .find(|a| a.action == "user.platform_role")
                .unwrap();
            (editor, last.actor, last.after.unwrap())
        })
    };
    let (editor, actor, after) = read();
    let both = EditorOwners::Only(vec!["datatilsynet".into(), "nsm".into()]);
    assert_eq!(editor, Some(both));
    assert_eq!(actor, "grunnmur platform grant");
    assert!(
        after.contains("\"owners\":[\"datatilsynet\",\"nsm\"]"),
        "{after}"
    );

    // Without --owner: every owner's; revoked: none.
    assert!(grant(&[]).status.success());
    assert_eq!(read().0, Some(EditorOwners::All));
    let o = cli(&[
        "platform",
        "revoke",
        "--email",
        email,
        "--role",
        "catalog-editor",
    ]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(read().0, None);
}
