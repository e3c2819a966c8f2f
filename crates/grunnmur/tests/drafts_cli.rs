//! `grunnmur catalog draft-import` against a running server (issue 14): authors keep the
//! catalog in git; a folder of files goes into the draft entry by entry — changed where the
//! editor edits the owner, proposed where not — and files → draft → files keeps every entry.

mod common;

use common::*;
use grunnmur_catalog::draft;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Output;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The entries of a folder, as the server lists a draft's.
fn local_entries(dir: &Path) -> Vec<Value> {
    let files = grunnmur_catalog::files::read_sources(dir).unwrap();
    (draft::entries(&files).into_iter())
        .map(|(s, id, _, v)| json!([s.as_str(), id, v]))
        .collect()
}

#[test]
fn a_folder_of_files_goes_into_the_draft_entry_by_entry_and_comes_back_the_same() {
    let dir = temp_dir("draft-import");
    let data = dir.join("data");
    let d = data.to_str().unwrap();
    let cli = |args: &[&str], stdin: Option<&str>| {
        let mut c = grunnmur();
        c.args(args);
        run_with(c, stdin)
    };
    let email = "redaktor@nsm.example.no";
    let o = cli(
        &[
            "user",
            "create",
            "--email",
            email,
            "--password-stdin",
            "--data-dir",
            d,
        ],
        Some("et langt passord\n"),
    );
    assert!(o.status.success(), "{}", out(&o));
    let o = cli(
        &[
            "platform",
            "grant",
            "--email",
            email,
            "--role",
            "catalog-editor",
            "--owner",
            "nsm",
            "--data-dir",
            d,
        ],
        None,
    );
    assert!(o.status.success(), "{}", out(&o));
    let o = cli(
        &["token", "create", "--email", email, "--data-dir", d],
        None,
    );
    assert!(o.status.success(), "{}", out(&o));
    let token = String::from_utf8(o.stdout).unwrap().trim().to_string();

    let server = serve(&["--data-dir", d]);
    let http = reqwest::blocking::Client::new();
    let res = (http.post(format!("{}/api/catalog/drafts", server.base)))
        .bearer_auth(&token)
        .json(&json!({"base": "2026.1", "version": "2026.9"}))
        .send()
        .unwrap();
    assert_eq!(res.status(), 201);
    let id = res.json::<Value>().unwrap()["id"].as_i64().unwrap();

    // The author's folder: the catalog with the draft's version, NSM's changes made in it.
    let folder = dir.join("catalog");
    copy_dir(&root().join("catalog"), &folder);
    edit(
        &folder.join("catalog.yaml"),
        "version: \"2026.1\"",
        "version: \"2026.9\"",
    );
    let measures = folder.join("measures/teknologisk.yaml");
    edit(
        &measures,
        "    activity: risikohandtering\n    refs: {iso27002: [\"7.2\"]}",
        "    activity: risikohandtering\n    refs: {iso27002: [\"7.2\", \"7.3\"]}",
    );
    let import = |reason: &str| {
        cli(
            &[
                "--lang",
                "en",
                "catalog",
                "draft-import",
                folder.to_str().unwrap(),
                "--server",
                &server.base,
                "--token",
                &token,
                "--reason",
                reason,
            ],
            None,
        )
    };
    let o = import("Entry control covers offices too");
    assert!(o.status.success(), "{}", out(&o));
    assert!(
        out(&o).contains("changed: measures/m.fysisk-adgangskontroll"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains("1 changed, 0 proposed, 0 refused"),
        "{}",
        out(&o)
    );

    // Files → draft → files: every entry as the folder holds it.
    let entries = format!("{}/api/catalog/drafts/{id}/entries", server.base);
    let listed: Value = (http
        .get(&entries)
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json())
    .unwrap();
    let remote: Vec<Value> = (listed.as_array().unwrap().iter())
        .map(|e| json!([e["section"], e["id"], e["entry"]]))
        .collect();
    assert_eq!(remote, local_entries(&folder));
    // The same folder again changes nothing.
    let o = import("again");
    assert!(
        out(&o).contains("0 changed, 0 proposed, 0 refused"),
        "{}",
        out(&o)
    );

    // A folder that does not check: every problem at its file and line, nothing sent.
    let broken = "    level: 1\n    protects: [c, i, a]\n    scope: org\n    purpose: forebygge\n    kind: fysisk";
    edit(&measures, broken, &broken.replace("level: 1", "level: 7"));
    let o = import("Broken");
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(
        out(&o).contains("measures/teknologisk.yaml:"),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("changed"), "{}", out(&o));
    edit(&measures, &broken.replace("level: 1", "level: 7"), broken);

    // Another owner's entry: proposed to its editors, the draft unchanged.
    let tasks = folder.join("tasks/kommune.yaml");
    edit(
        &tasks,
        "Barnehage\", en: \"Kindergarten\"",
        "Barnehager\", en: \"Kindergartens\"",
    );
    let o = import("Plural names");
    assert!(o.status.success(), "{}", out(&o));
    let shown = out(&o);
    assert!(
        shown.contains("proposed to the owner's editors: tasks/kommune.barnehage"),
        "{shown}"
    );
    assert!(
        shown.contains("0 changed, 1 proposed, 0 refused"),
        "{shown}"
    );
    let now: Value = (http
        .get(&entries)
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json())
    .unwrap();
    let task = (now.as_array().unwrap().iter())
        .find(|e| e["id"] == "kommune.barnehage")
        .unwrap();
    assert_eq!(task["entry"]["name"]["nb"], "Barnehage");
    // The same folder again: the proposal already waiting, not a second one.
    let o = import("Plural names");
    assert!(
        out(&o).contains("0 changed, 1 proposed, 0 refused"),
        "{}",
        out(&o)
    );
    let proposals = format!("{}/api/catalog/drafts/{id}/proposals", server.base);
    let waiting: Value = (http
        .get(&proposals)
        .bearer_auth(&token)
        .send()
        .unwrap()
        .json())
    .unwrap();
    assert_eq!(waiting.as_array().unwrap().len(), 1, "{waiting}");

    // No draft of the folder's version: said so, nothing sent.
    edit(
        &folder.join("catalog.yaml"),
        "version: \"2026.9\"",
        "version: \"2027.1\"",
    );
    let o = import("x");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).contains("no open draft of felles 2027.1"),
        "{}",
        out(&o)
    );
}
