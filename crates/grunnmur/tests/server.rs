//! `grunnmur serve` and the operator commands as processes: what a newcomer and an operator do.

mod common;

use common::*;
use serde_json::{Value, json};
use std::process::{Command, Stdio};

/// The first administrator's first session: the one-time password changed, then the second
/// factor turned on (a code computed from the secret, RFC 6238), as the server demands before
/// anything else.
fn first_sign_in(
    http: &reqwest::blocking::Client,
    base: &str,
    cookie: &str,
    csrf: &str,
    password: &str,
) {
    let call = |method: reqwest::Method, path: &str, body: Value| {
        http.request(method, format!("{base}{path}"))
            .header("cookie", cookie)
            .header("x-csrf-token", csrf)
            .json(&body)
            .send()
            .unwrap()
    };
    let res = call(reqwest::Method::GET, "/api/catalog/releases", json!({}));
    assert_eq!(res.status(), 403);
    let v: Value = res.json().unwrap();
    assert_eq!(v["error"], "password_change_required");
    let change = json!({"current": password, "new": "administratorens eget passord"});
    let res = call(reqwest::Method::PUT, "/api/me/password", change);
    assert_eq!(res.status(), 204);
    enrol_totp(http, base, cookie, csrf);
}

/// Turns the second factor on for a session (a platform administrator's must have it), with a
/// code computed from the secret (RFC 6238).
fn enrol_totp(http: &reqwest::blocking::Client, base: &str, cookie: &str, csrf: &str) {
    let call = |method: reqwest::Method, path: &str, body: Value| {
        http.request(method, format!("{base}{path}"))
            .header("cookie", cookie)
            .header("x-csrf-token", csrf)
            .json(&body)
            .send()
            .unwrap()
    };
    let res = call(reqwest::Method::POST, "/api/me/totp", json!({}));
    let v: Value = res.json().unwrap();
    let key = grunnmur_web::totp::base32_decode(v["secret"].as_str().unwrap()).unwrap();
    let code = grunnmur_web::totp::code_at(&key, grunnmur_store::now());
    let res = call(reqwest::Method::PUT, "/api/me/totp", json!({"code": code}));
    assert_eq!(res.status(), 200);
}

#[test]
fn serve_demo_on_a_fresh_folder_lets_a_newcomer_in() {
    let dir = temp_dir("demo");
    let data = dir.join("data");
    let server = serve(&["--demo", "--data-dir", data.to_str().unwrap()]);
    assert!(
        data.join("grunnmur.db").exists(),
        "the data folder and database are created"
    );
    let text = server.out.join("\n");
    assert!(text.contains("admin@grunnmur.local"), "{text}");
    assert!(text.contains("demo@grunnmur.no"), "{text}");

    let http = reqwest::blocking::Client::new();
    let health: Value = get_json(&http, format!("{}/health", server.base), None);
    assert_eq!(health, json!({"status": "ok", "database": "sqlite"}));
    let (cookie, _) = login(&http, &server.base, "demo@grunnmur.no", "grunnmur-demo");
    let me: Value = get_json(&http, format!("{}/api/me", server.base), Some(&cookie));
    let orgnr = me["memberships"][0]["orgnr"].as_str().unwrap().to_string();

    // The API's assessment is exactly what `grunnmur assess` prints for the same file.
    let api: Value = get_json(
        &http,
        format!("{}/api/bodies/{orgnr}/assessment", server.base),
        Some(&cookie),
    );
    let today = api["today"].as_str().unwrap();
    let cli = grunnmur()
        .args(["assess", "examples/kommune.yaml", "--today", today])
        .args(["--declarations", "examples/declarations"])
        .output()
        .unwrap();
    assert!(cli.status.success());
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(api, cli);

    // A client that accepts gzip gets the assessment compressed; the web pages are served too.
    let res = http
        .get(format!("{}/api/bodies/{orgnr}/assessment", server.base))
        .header("cookie", &cookie)
        .header("accept-encoding", "gzip")
        .send()
        .unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let zipped = res.bytes().unwrap().len();
    let plain = serde_json::to_vec(&api).unwrap().len();
    assert!(zipped * 5 < plain, "{zipped} bytes gzipped of {plain}");
    let page = http
        .get(format!("{}/b/{orgnr}", server.base))
        .header("cookie", &cookie)
        .send()
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().unwrap().contains("<html lang=\"nb\">"));

    // The demo's suppliers have published their declarations (examples/declarations/).
    let decls: Value = get_json(
        &http,
        format!("{}/api/declarations", server.base),
        Some(&cookie),
    );
    let ids: Vec<&str> = (decls.as_array().unwrap().iter())
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ikt-vestfjord", "nordsky-datasenter"], "{decls}");
    assert_eq!(decls[0]["supplier"], "IKT Vestfjord IKS");

    // A second start finds everything in place and creates nothing twice.
    drop(server);
    let again = serve(&["--demo", "--data-dir", data.to_str().unwrap()]);
    assert!(
        !again.out.join("\n").contains("admin@grunnmur.local"),
        "no second first-admin"
    );
    let (cookie, _) = login(&http, &again.base, "demo@grunnmur.no", "grunnmur-demo");
    let detail: Value = get_json(
        &http,
        format!("{}/api/declarations/nordsky-datasenter", again.base),
        Some(&cookie),
    );
    assert_eq!(detail["versions"].as_array().unwrap().len(), 1, "{detail}");
}

#[test]
fn operators_manage_users_roles_tokens_audit_and_backups() {
    let dir = temp_dir("ops");
    let data = dir.join("data");
    let d = data.to_str().unwrap();
    let run = |args: &[&str], stdin: Option<&str>| {
        let mut c = grunnmur();
        c.args(args).args(["--data-dir", d]);
        run_with(c, stdin)
    };
    let o = run(
        &[
            "user",
            "create",
            "--email",
            "Root@Example.no",
            "--password-stdin",
            "--platform-admin",
        ],
        Some("hemmelig passord\n"),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(
        &[
            "user",
            "create",
            "--email",
            "root@example.no",
            "--password-stdin",
        ],
        Some("et annet langt passord\n"),
    );
    assert!(!o.status.success(), "no duplicate accounts");
    let o = run(
        &[
            "user",
            "create",
            "--email",
            "tom@example.no",
            "--password-stdin",
        ],
        Some("\n"),
    );
    assert!(!o.status.success(), "no empty passwords");

    let o = run(&["token", "create", "--email", "root@example.no"], None);
    assert!(o.status.success());
    let token = String::from_utf8(o.stdout).unwrap().trim().to_string();
    assert!(token.starts_with("gm_"));

    let server = serve(&["--data-dir", d]);
    let http = reqwest::blocking::Client::new();
    let res = http
        .post(format!("{}/api/bodies", server.base))
        .bearer_auth(&token)
        .json(&json!({"orgnr": "974760673", "name": "Lille kommune", "kind": "kommune"}))
        .send()
        .unwrap();
    assert_eq!(res.status(), 201);
    let (cookie, csrf) = login(&http, &server.base, "root@example.no", "hemmelig passord");
    enrol_totp(&http, &server.base, &cookie, &csrf);
    assert_eq!(
        http.get(format!("{}/api/bodies/974760673", server.base))
            .header("cookie", &cookie)
            .send()
            .unwrap()
            .status(),
        200
    );

    let o = run(
        &[
            "user",
            "grant",
            "--email",
            "root@example.no",
            "--body",
            "974760673",
            "--role",
            "editor",
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(
        &[
            "user",
            "grant",
            "--email",
            "root@example.no",
            "--body",
            "991825827",
            "--role",
            "editor",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1), "unknown body");

    // A backup while serving, then a restore into a new folder.
    let snap = dir.join("snap.db");
    let o = run(&["backup", "--out", snap.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    drop(server);
    let restored = dir.join("restored");
    // The audit key goes with the backup (it is kept apart from the database).
    std::fs::create_dir_all(&restored).unwrap();
    std::fs::copy(data.join("audit.key"), restored.join("audit.key")).unwrap();
    let o = grunnmur()
        .args([
            "restore",
            snap.to_str().unwrap(),
            "--data-dir",
            restored.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = grunnmur()
        .args(["audit", "verify", "--data-dir", restored.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("er hel: 8"),
        "catalog release, user, token, body, workspace, login, totp.enable, grant: {text}"
    );

    // Tampering with the restored copy is found, and named.
    let db = restored.join("grunnmur.db");
    let sql =
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 3;";
    let ok = Command::new("python3")
        .args([
            "-c",
            &format!(
                "import sqlite3; c=sqlite3.connect({:?}); c.executescript({sql:?}); c.commit()",
                db.display().to_string()
            ),
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    let o = grunnmur()
        .args(["audit", "verify", "--data-dir", restored.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("entry 3"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn two_server_processes_on_one_postgres_database_see_each_others_writes() {
    let Ok(url) = std::env::var("GRUNNMUR_TEST_POSTGRES_URL") else {
        grunnmur_store::testing::note_postgres_skipped(
            "two_server_processes_on_one_postgres_database",
        );
        return;
    };
    let db = postgres::postgres_database(&url);
    let dir = temp_dir("pg");
    let one = serve(&[
        "--demo",
        "--database-url",
        &db,
        "--data-dir",
        dir.to_str().unwrap(),
    ]);
    // The second server has a folder of its own: the same key, its own checkpoint.
    let dir2 = temp_dir("pg2");
    std::fs::copy(dir.join("audit.key"), dir2.join("audit.key")).unwrap();
    let two = serve(&["--database-url", &db, "--data-dir", dir2.to_str().unwrap()]);
    let http = reqwest::blocking::Client::new();
    let health: Value = get_json(&http, format!("{}/health", two.base), None);
    assert_eq!(health["database"], "postgres");

    let (c1, csrf1) = login(&http, &one.base, "demo@grunnmur.no", "grunnmur-demo");
    let (c2, _) = login(&http, &two.base, "demo@grunnmur.no", "grunnmur-demo");
    let me: Value = get_json(&http, format!("{}/api/me", two.base), Some(&c2));
    let orgnr = me["memberships"][0]["orgnr"].as_str().unwrap().to_string();
    let assessment = |base: &str, cookie: &str| -> Value {
        get_json(
            &http,
            format!("{base}/api/bodies/{orgnr}/assessment"),
            Some(cookie),
        )
    };
    let before = assessment(&two.base, &c2);
    let system = before["systems"][0]["id"].as_str().unwrap().to_string();
    let measure = before["systems"][0]["required_measures"][0]
        .as_str()
        .unwrap()
        .to_string();
    let res = http
        .patch(format!("{}/api/bodies/{orgnr}/measures/{measure}", one.base))
        .header("cookie", &c1)
        .header("x-csrf-token", &csrf1)
        .json(&json!({"system": system, "status": "not_applicable", "justification": "Skrevet via tjener én"}))
        .send()
        .unwrap();
    assert_eq!(res.status(), 200);
    let after = assessment(&two.base, &c2);
    let item = after["risk_assessment_needed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["object"] == format!("system:{system}"))
        .cloned()
        .unwrap_or_default();
    assert!(
        item["measures"]
            .as_array()
            .is_some_and(|m| m.contains(&json!(measure))),
        "server two sees it: {item}"
    );
    let ws: Value = get_json(
        &http,
        format!("{}/api/bodies/{orgnr}/workspace", two.base),
        Some(&c2),
    );
    assert!(ws.to_string().contains("Skrevet via tjener én"));

    // Both servers appended to one keyed chain; each one's checkpoint is a prefix of it.
    drop((one, two));
    let o = grunnmur()
        .args(["audit", "verify", "--database-url", &db, "--data-dir"])
        .arg(&dir)
        .arg("--checkpoint")
        .arg(dir.join("audit-checkpoint.json"))
        .arg("--checkpoint")
        .arg(dir2.join("audit-checkpoint.json"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{text} {}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(text.contains("2 kontrollpunkter stemmer"), "{text}");
}

/// Runs `grunnmur serve` expecting it to stop by itself; kills it and fails after a minute.
fn serve_expecting_exit(args: &[&str]) -> (bool, String) {
    let mut child = grunnmur()
        .arg("serve")
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..600 {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
            return (status.success(), err);
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("grunnmur serve {args:?} kept running");
}

#[test]
fn a_published_catalog_version_never_changes_and_a_new_one_is_published_at_start() {
    let dir = temp_dir("release");
    let catalog = dir.join("catalog");
    std::fs::create_dir_all(&catalog).unwrap();
    let small = root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog/catalog.yaml");
    let text = std::fs::read_to_string(small).unwrap();
    std::fs::write(catalog.join("catalog.yaml"), &text).unwrap();
    let data = dir.join("data");
    let (d, c) = (data.to_str().unwrap(), catalog.to_str().unwrap());
    let first = serve(&["--data-dir", d, "--catalog", c]).out.join("\n");
    let password = first
        .split("engangspassord ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .expect("the first administrator's password")
        .to_string();
    // The same files again: starts as before.
    drop(serve(&["--data-dir", d, "--catalog", c]));

    // Other content under the published version: refused, with what to do.
    let changed = text.replace(
        "levels: {c: lav, i: middels, a: lav}, rationale: {nb: \"Offentlig",
        "levels: {c: høy, i: middels, a: lav}, rationale: {nb: \"Offentlig",
    );
    assert_ne!(changed, text);
    std::fs::write(catalog.join("catalog.yaml"), &changed).unwrap();
    let (ok, err) = serve_expecting_exit(&["--data-dir", d, "--catalog", c]);
    assert!(!ok);
    assert!(
        err.contains("liten 1.0") && err.contains("catalog.version"),
        "{err}"
    );

    // Under a new version it is a new release, and both are listed.
    std::fs::write(
        catalog.join("catalog.yaml"),
        changed.replace("version: \"1.0\"", "version: \"1.1\""),
    )
    .unwrap();
    let server = serve(&["--data-dir", d, "--catalog", c]);
    let out = server.out.join("\n");
    assert!(out.contains("liten 1.1"), "{out}");
    let http = reqwest::blocking::Client::new();
    let (cookie, csrf) = login(&http, &server.base, "admin@grunnmur.local", &password);
    first_sign_in(&http, &server.base, &cookie, &csrf, &password);
    let releases = get_json(
        &http,
        format!("{}/api/catalog/releases", server.base),
        Some(&cookie),
    );
    let versions: Vec<&str> = releases
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["version"].as_str().unwrap())
        .collect();
    assert_eq!(versions, ["1.0", "1.1"]);
    assert_eq!(releases[1]["current"], true);

    // A guidance body's editor publishes releases and sees no body for that.
    let cli = |args: &[&str], stdin: &str| {
        let mut c = grunnmur();
        c.args(args).args(["--data-dir", d]);
        let o = run_with(c, Some(stdin));
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    };
    let editor = "redaktor@digdir.example.no";
    cli(
        &["user", "create", "--email", editor, "--password-stdin"],
        "et langt passord\n",
    );
    let publish = |cookie: &str, csrf: &str| {
        let files = json!({"files": [{"name": "catalog/catalog.yaml",
            "text": text.replace("version: \"1.0\"", "version: \"1.2\"")}]});
        http.post(format!("{}/api/catalog/releases", server.base))
            .header("cookie", cookie)
            .header("x-csrf-token", csrf)
            .json(&files)
            .send()
            .unwrap()
            .status()
    };
    let (cookie, csrf) = login(&http, &server.base, editor, "et langt passord");
    assert_eq!(publish(&cookie, &csrf), 403);
    cli(
        &[
            "platform",
            "grant",
            "--email",
            editor,
            "--role",
            "catalog-editor",
        ],
        "",
    );
    assert_eq!(publish(&cookie, &csrf), 201);
    let bodies = get_json(&http, format!("{}/api/bodies", server.base), Some(&cookie));
    assert_eq!(bodies, json!([]));
    cli(
        &[
            "platform",
            "revoke",
            "--email",
            editor,
            "--role",
            "catalog-editor",
        ],
        "",
    );
    assert_eq!(publish(&cookie, &csrf), 403);
}

#[test]
fn the_organisations_login_is_configured_on_the_command_line() {
    let dir = temp_dir("oidc");
    let d = dir.join("data");
    let d = d.to_str().unwrap();
    // Plain HTTP to another machine would send codes and tokens in the clear: refused.
    let (ok, err) = serve_expecting_exit(&[
        "--data-dir",
        d,
        "--oidc-issuer",
        "http://login.example.no",
        "--oidc-client-id",
        "grunnmur",
    ]);
    assert!(!ok);
    assert!(err.contains("issuer must use https"), "{err}");
    // A client id is required with an issuer.
    let (ok, err) =
        serve_expecting_exit(&["--data-dir", d, "--oidc-issuer", "https://login.example.no"]);
    assert!(!ok);
    assert!(err.contains("--oidc-client-id"), "{err}");

    let server = serve(&[
        "--data-dir",
        d,
        "--oidc-issuer",
        "https://login.example.no/tenant/v2.0",
        "--oidc-client-id",
        "grunnmur",
        "--public-url",
        "https://grunnmur.example.no",
    ]);
    let login = reqwest::blocking::get(format!("{}/login", server.base))
        .unwrap()
        .text()
        .unwrap();
    assert!(login.contains("href=\"/login/oidc?next=%2F\""), "{login}");
}

#[test]
fn bodies_on_a_release_never_published_here_follow_the_servers_release() {
    let dir = temp_dir("repin");
    let data = dir.join("data");
    let d = data.to_str().unwrap();
    drop(serve(&["--data-dir", d, "--demo"]));
    // As a database from before releases were kept: the demo body names a release no one
    // published.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let db = data.join("grunnmur.db").display().to_string();
    rt.block_on(async {
        let store = grunnmur_store::SqliteStore::open(&db).await.unwrap();
        sqlx::query("UPDATE bodies SET catalog_version = '2025.9'")
            .execute(store.pool())
            .await
            .unwrap();
    });
    let server = serve(&["--data-dir", d, "--demo"]);
    let out = server.out.join("\n");
    assert!(out.contains("2025.9"), "{out}");
    drop(server);
    let pinned = rt.block_on(async {
        let store = grunnmur_store::SqliteStore::open(&db).await.unwrap();
        use grunnmur_store::Storage;
        let body = store.bodies().await.unwrap().pop().unwrap();
        let last = store.audit_for(&body.orgnr).await.unwrap().pop().unwrap();
        (body.catalog_version, last.action, last.actor)
    });
    assert_eq!(pinned.0, "2026.1");
    assert_eq!(
        (pinned.1.as_str(), pinned.2.as_str()),
        ("body.pin_release", "grunnmur serve")
    );
}

#[test]
fn security_events_reach_the_log_as_json_lines() {
    use std::io::{BufRead, BufReader};
    let dir = temp_dir("jsonlog");
    let mut child = grunnmur()
        .args(["serve", "--listen", "127.0.0.1:0", "--insecure-cookies"])
        .args(["--log-format", "json", "--data-dir"])
        .arg(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let base = stdout
        .lines()
        .map(|l| l.unwrap())
        .find_map(|l| {
            l.split("http://")
                .nth(1)
                .map(|r| r.split_whitespace().next().unwrap().to_string())
        })
        .map(|a| format!("http://{a}"))
        .expect("the address");
    let res = reqwest::blocking::Client::new()
        .post(format!("{base}/api/login"))
        .json(&json!({"email": "nobody@example.no", "password": "wrong"}))
        .send()
        .unwrap();
    assert_eq!(res.status(), 401);
    // Read on a thread of its own, so a missing line fails after a minute rather than hangs.
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut found = None;
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        if line.contains("login.failed") {
            found = Some(line);
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let line = found.expect("the failed sign-in in the log");
    let v: Value = serde_json::from_str(&line).expect("a JSON line");
    assert_eq!(v["action"], "login.failed", "{v}");
    assert_eq!(v["actor"], "nobody@example.no", "{v}");
    assert_eq!(v["target"], "grunnmur::security", "{v}");
}
