//! Password administration from the command line: the policy for `user create`, and
//! `user reset-password`, whose link works in the web application once.

mod common;

use common::*;
use serde_json::json;
use std::io::Write;
use std::process::{Output, Stdio};

fn run(data: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = grunnmur()
        .args(args)
        .args(["--data-dir", data])
        .env("GRUNNMUR_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

#[test]
fn user_create_refuses_short_and_common_passwords() {
    let dir = temp_dir("policy");
    let d = dir.join("data");
    let d = d.to_str().unwrap();
    let create = [
        "user",
        "create",
        "--email",
        "kari@example.no",
        "--password-stdin",
    ];
    let o = run(d, &create, Some("passord\n"));
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--password-stdin") && err.contains("12"),
        "{err}"
    );
    let o = run(d, &create, Some("Password1234\n"));
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("most common"), "{err}");
    let o = run(d, &create, Some("et langt og godt passord\n"));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn reset_password_prints_a_link_that_sets_a_new_password_once() {
    let dir = temp_dir("reset");
    let d = dir.join("data");
    let d = d.to_str().unwrap();
    let o = run(
        d,
        &[
            "user",
            "create",
            "--email",
            "kari@example.no",
            "--password-stdin",
        ],
        Some("et langt og godt passord\n"),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let unknown = run(
        d,
        &["user", "reset-password", "--email", "nobody@example.no"],
        None,
    );
    assert!(!unknown.status.success());
    let o = run(
        d,
        &[
            "user",
            "reset-password",
            "--email",
            "Kari@Example.no",
            "--public-url",
            "https://grunnmur.example.no/",
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let link = out
        .split_whitespace()
        .find(|w| w.starts_with("https://grunnmur.example.no/reset/"))
        .unwrap_or_else(|| panic!("{out}"));
    let path = link.trim_start_matches("https://grunnmur.example.no");

    let server = serve(&["--data-dir", d]);
    let http = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let url = format!("{}{path}", server.base);
    let res = http.post(&url).form(&[("new", "kort")]).send().unwrap();
    assert_eq!(res.status(), 422);
    let res = http
        .post(&url)
        .form(&[("new", "et nytt og langt passord")])
        .send()
        .unwrap();
    assert_eq!(res.status(), 303);
    let again = http
        .post(&url)
        .form(&[("new", "enda et langt passord")])
        .send()
        .unwrap();
    assert_eq!(again.status(), 410, "the link works once");
    let login = |password: &str| {
        http.post(format!("{}/api/login", server.base))
            .json(&json!({"email": "kari@example.no", "password": password}))
            .send()
            .unwrap()
            .status()
    };
    assert_eq!(login("et langt og godt passord"), 401);
    assert_eq!(login("et nytt og langt passord"), 200);
}
