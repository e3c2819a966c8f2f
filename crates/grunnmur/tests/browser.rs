//! The web application in Debian's Chromium: axe-core on every page in bokmål and English (the
//! main pages also in nynorsk), a keyboard-only flow and end-to-end flows
//! (`tests/browser/run.mjs`, playwright-core), against `grunnmur serve --demo`.
//!
//! Needs Node.js, `/usr/bin/chromium` and `npm ci` in `tests/browser`; `.ci/run` installs them
//! and sets `GRUNNMUR_REQUIRE_BROWSER=1`, so there a missing part fails the test. Elsewhere the
//! test says loudly that it did not run.

mod common;

use common::*;
use std::process::Command;

fn missing_parts() -> Vec<String> {
    let mut missing = Vec::new();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !std::path::Path::new(&chromium).exists() {
        missing.push(format!("{chromium} (apt install chromium)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node".into());
    }
    let modules = root().join("tests/browser/node_modules/playwright-core");
    if !modules.exists() {
        missing.push("tests/browser/node_modules (npm ci in tests/browser)".into());
    }
    missing
}

/// Five more municipalities beside the demo body (`grunnmur load`), so the national page and the
/// catalog's calibration have figures and pictures to show.
fn peers(data: &std::path::Path) {
    let load = data.join("peers");
    std::fs::create_dir_all(load.join("bodies")).unwrap();
    let demo = std::fs::read_to_string(root().join("examples/kommune.yaml")).unwrap();
    let mut base = 91_100_000u32;
    for n in 0..5 {
        let orgnr = loop {
            base += 1;
            let candidate = (0..10)
                .map(|last| format!("{base}{last}"))
                .find(|c| grunnmur_catalog::body::valid_orgnr(c));
            if let Some(c) = candidate {
                break c;
            }
        };
        let body = demo
            .replace("orgnr: \"999900011\"", &format!("orgnr: \"{orgnr}\""))
            .replace(
                "name: \"Eksempel kommune\"",
                &format!("name: \"Nabokommune {n}\""),
            );
        std::fs::write(load.join(format!("bodies/kommune-{n}.yaml")), body).unwrap();
    }
    let out = grunnmur()
        .arg("load")
        .arg(&load)
        .arg("--data-dir")
        .arg(data)
        .arg("--declarations")
        .arg(root().join("examples/declarations"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn pages_are_accessible_and_the_main_flows_work_in_chromium() {
    let missing = missing_parts();
    if !missing.is_empty() {
        assert!(
            std::env::var("GRUNNMUR_REQUIRE_BROWSER").is_err(),
            "browser tests required, but missing: {missing:?}"
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "NOTE: browser tests NOT run; missing: {missing:?}"
        );
        return;
    }
    let data = temp_dir("browser");
    // The user guide's pictures: into the test's own folder, or where GRUNNMUR_GUIDE_DIR says
    // (`scripts/guide-pictures.sh` writes them into docs/guide).
    let guide = std::env::var("GRUNNMUR_GUIDE_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| data.join("guide"));
    let dir = data.to_str().unwrap();
    peers(&data);
    let server = serve(&["--demo", "--data-dir", dir]);
    // The demo user also sees the figures across bodies and the catalog's calibration.
    for role in ["supervisor", "catalog-editor"] {
        let out = grunnmur()
            .args([
                "platform",
                "grant",
                "--email",
                "demo@grunnmur.no",
                "--role",
                role,
            ])
            .args(["--data-dir", dir])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = Command::new("node")
        .arg(root().join("tests/browser/run.mjs"))
        .current_dir(root().join("tests/browser"))
        .env("GRUNNMUR_BASE", &server.base)
        .env("GRUNNMUR_ORGNR", "999900011")
        .env("GRUNNMUR_EMAIL", "demo@grunnmur.no")
        .env("GRUNNMUR_PASSWORD", "grunnmur-demo")
        .env("GRUNNMUR_GUIDE_DIR", &guide)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "browser checks failed:\n{stdout}");
    assert!(stdout.contains("all browser checks passed"));
    // Every picture the guides show was taken (unless only another part was asked for).
    if std::env::var("GRUNNMUR_BROWSER_ONLY").map_or(true, |o| o == "guide") {
        for (lang, guide_file) in [
            ("nb", "docs/brukerveiledning.md"),
            ("en", "docs/user-guide.md"),
        ] {
            let text = std::fs::read_to_string(root().join(guide_file)).unwrap();
            let pictures: Vec<&str> = text
                .split("](guide/")
                .skip(1)
                .map(|x| x.split(')').next().unwrap())
                .collect();
            assert!(pictures.len() >= 9, "{guide_file}");
            for p in pictures {
                assert!(p.starts_with(&format!("{lang}/")), "{guide_file}: {p}");
                let file = guide.join(p);
                let bytes = std::fs::read(&file).unwrap_or_default();
                assert!(
                    bytes.starts_with(b"\x89PNG"),
                    "{} was not taken",
                    file.display()
                );
            }
        }
    }
    drop(server);
    let _ = std::fs::remove_dir_all(data);
}
