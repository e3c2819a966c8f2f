//! Faults as processes: a server killed during a burst of writes loses no acknowledged write,
//! and a database that goes away gives 503 until it returns, with no restart.

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Write;

/// A signed-in demo user on a running server, and the (system, measure) pairs its writers
/// change: each writer has a pair of its own, so its last acknowledged write is what must stay.
struct Writers {
    base: String,
    orgnr: String,
    cookie: String,
    csrf: String,
    pairs: Vec<(String, String)>,
}

impl Writers {
    fn sign_in(base: &str, writers: usize) -> Writers {
        let http = reqwest::blocking::Client::new();
        let (cookie, csrf) = login(&http, base, "demo@grunnmur.no", "grunnmur-demo");
        let me = get_json(&http, format!("{base}/api/me"), Some(&cookie));
        let orgnr = me["memberships"][0]["orgnr"].as_str().unwrap().to_string();
        let assessment = get_json(
            &http,
            format!("{base}/api/bodies/{orgnr}/assessment"),
            Some(&cookie),
        );
        let pairs: Vec<(String, String)> = assessment["systems"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| {
                let id = s["id"].as_str().unwrap().to_string();
                s["required_measures"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(move |m| (id.clone(), m.as_str().unwrap().to_string()))
            })
            .take(writers)
            .collect();
        assert_eq!(pairs.len(), writers, "enough required measures in the demo");
        Writers {
            base: base.into(),
            orgnr,
            cookie,
            csrf,
            pairs,
        }
    }

    /// Sets the owner of writer `k`'s pair: the status code and the workspace version stored,
    /// or the transport error when no answer came.
    fn write(
        &self,
        http: &reqwest::blocking::Client,
        k: usize,
        owner: &str,
    ) -> Result<(u16, Value), reqwest::Error> {
        let (system, measure) = &self.pairs[k];
        let res = http
            .patch(format!(
                "{}/api/bodies/{}/measures/{measure}",
                self.base, self.orgnr
            ))
            .header("cookie", &self.cookie)
            .header("x-csrf-token", &self.csrf)
            .json(&json!({"system": system, "status": "in_progress", "owner": owner}))
            .send()?;
        let status = res.status().as_u16();
        Ok((status, res.json().unwrap_or_default()))
    }

    /// The stored owner of writer `k`'s pair, and the workspace version.
    fn stored(&self, base: &str) -> (Vec<Option<String>>, i64) {
        let http = reqwest::blocking::Client::new();
        let res = http
            .get(format!("{base}/api/bodies/{}/workspace", self.orgnr))
            .header("cookie", &self.cookie)
            .send()
            .unwrap();
        assert_eq!(res.status(), 200, "the session outlives the server");
        let version: i64 = res.headers()["etag"]
            .to_str()
            .unwrap()
            .trim_matches('"')
            .parse()
            .unwrap();
        let ws: Value = res.json().unwrap();
        let statuses = ws["measure_status"].as_array().cloned().unwrap_or_default();
        let owners = self
            .pairs
            .iter()
            .map(|(system, measure)| {
                statuses
                    .iter()
                    .find(|s| s["measure"] == *measure && s["system"] == *system)
                    .and_then(|s| s["owner"].as_str().map(String::from))
            })
            .collect();
        (owners, version)
    }
}

/// What one writer saw: its last acknowledged write, the write in flight when the server went
/// away (it may or may not have been stored), and the highest version acknowledged.
#[derive(Debug)]
struct Seen {
    acked: Option<String>,
    in_flight: Option<String>,
    version: i64,
}

/// Writers change their pairs as fast as they can; after `kill_after` acknowledged writes in
/// all, the server gets SIGKILL. Every writer stops at its first write without an answer.
fn burst_then_kill(
    server: &mut Server,
    w: &std::sync::Arc<Writers>,
    kill_after: usize,
) -> Vec<Seen> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let acked = std::sync::Arc::new(AtomicUsize::new(0));
    let handles: Vec<_> = (0..w.pairs.len())
        .map(|k| {
            let (w, acked) = (w.clone(), acked.clone());
            std::thread::spawn(move || {
                let http = reqwest::blocking::Client::builder()
                    .timeout(std::time::Duration::from_secs(30))
                    .build()
                    .unwrap();
                let mut seen = Seen {
                    acked: None,
                    in_flight: None,
                    version: 0,
                };
                for i in 1..100_000 {
                    let owner = format!("writer {k}, write {i}");
                    match w.write(&http, k, &owner) {
                        Ok((200, v)) => {
                            seen.version = seen.version.max(v["version"].as_i64().unwrap());
                            seen.acked = Some(owner);
                            acked.fetch_add(1, Ordering::SeqCst);
                        }
                        // Another writer changed the workspace between read and write.
                        Ok((409, _)) => {}
                        Ok((status, v)) => panic!("writer {k}: {status} {v}"),
                        Err(_) => {
                            seen.in_flight = Some(owner);
                            return seen;
                        }
                    }
                }
                panic!("writer {k}: the server was never killed")
            })
        })
        .collect();
    for _ in 0..6000 {
        if acked.load(Ordering::SeqCst) >= kill_after {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        acked.load(Ordering::SeqCst) >= kill_after,
        "the writers got {kill_after} writes through"
    );
    // `Child::kill` is SIGKILL on Unix: no shutdown, no flushing, mid-write.
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// SIGKILL during a burst of writes, then a restart over the same data: every acknowledged
/// write is there (each writer's pair shows its last acknowledged write, or the one in flight).
fn no_acknowledged_write_lost_after_sigkill(args: &[&str]) {
    let mut server = serve(args);
    let w = std::sync::Arc::new(Writers::sign_in(&server.base, 4));
    let (initial, _) = w.stored(&server.base);
    let seen = burst_then_kill(&mut server, &w, 40);
    drop(server);
    let again = serve(args);
    let (owners, version) = w.stored(&again.base);
    for (k, (s, owner)) in seen.iter().zip(&owners).enumerate() {
        // The last acknowledged write (the demo's own value before any), or the one in flight.
        let acked = s.acked.clone().or_else(|| initial[k].clone());
        let fine = owner == &acked || (s.in_flight.is_some() && owner == &s.in_flight);
        assert!(fine, "writer {k}: stored {owner:?}, saw {s:?}");
    }
    let max = seen.iter().map(|s| s.version).max().unwrap();
    assert!(version >= max, "version {version} < acknowledged {max}");
    assert!(
        seen.iter().filter(|s| s.acked.is_some()).count() >= 2,
        "a burst of several writers: {seen:?}"
    );
}

#[test]
fn no_acknowledged_write_is_lost_when_the_server_is_killed_on_sqlite() {
    let dir = temp_dir("sigkill");
    let data = dir.join("data");
    no_acknowledged_write_lost_after_sigkill(&["--demo", "--data-dir", data.to_str().unwrap()]);
}

#[test]
fn no_acknowledged_write_is_lost_when_the_server_is_killed_on_postgres() {
    let Some(url) = grunnmur_store::testing::postgres_url() else {
        grunnmur_store::testing::note_postgres_skipped(
            "no_acknowledged_write_is_lost_when_the_server_is_killed_on_postgres",
        );
        return;
    };
    let db = postgres::postgres_database(&url);
    let dir = temp_dir("sigkill-pg");
    no_acknowledged_write_lost_after_sigkill(&[
        "--demo",
        "--database-url",
        &db,
        "--data-dir",
        dir.to_str().unwrap(),
    ]);
}

/// GET with the session cookie: status, `Retry-After` and body.
fn get_with(base: &str, path: &str, cookie: &str) -> (u16, Option<String>, String) {
    let res = reqwest::blocking::Client::new()
        .get(format!("{base}{path}"))
        .header("cookie", cookie)
        .send()
        .unwrap();
    let retry = res
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_string());
    (res.status().as_u16(), retry, res.text().unwrap())
}

#[test]
fn a_stopped_database_gives_503_and_the_server_recovers_by_itself() {
    let test = "a_stopped_database_gives_503_and_the_server_recovers_by_itself";
    let pg = match common::postgres::OwnPostgres::start_new("pg-fault") {
        Ok(pg) => pg,
        Err(why) => {
            assert!(
                std::env::var("GRUNNMUR_REQUIRE_PG_FAULTS").is_err(),
                "{test}: required (GRUNNMUR_REQUIRE_PG_FAULTS), but no PostgreSQL of its own: {why}"
            );
            let _ = writeln!(
                std::io::stderr(),
                "NOTE: {test}: NOT tested: no PostgreSQL instance of its own ({why})"
            );
            return;
        }
    };
    let dir = temp_dir("pg-fault");
    let url = pg.url();
    let mut server = serve(&[
        "--demo",
        "--database-url",
        &url,
        "--data-dir",
        dir.to_str().unwrap(),
    ]);
    let w = Writers::sign_in(&server.base, 2);
    let http = reqwest::blocking::Client::new();
    for i in 1..=3 {
        let (status, _) = w.write(&http, 0, &format!("før stopp {i}")).unwrap();
        assert_eq!(status, 200);
    }

    let (before, _) = w.stored(&server.base);
    pg.stop().unwrap();
    // Reads and writes while the database is away: 503 with a clear message, never a 500.
    let base = &server.base.clone();
    let (status, retry, body) = get_with(base, "/api/me", &w.cookie);
    assert_eq!(status, 503, "{body}");
    assert_eq!(retry.as_deref(), Some("5"));
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["error"], "unavailable");
    assert!(
        v["message"].as_str().unwrap().contains("databasen"),
        "{body}"
    );
    let (status, _) = w.write(&http, 1, "mens databasen er borte").unwrap();
    assert_eq!(status, 503);
    let (status, _, _) = get_with(base, "/health", "");
    assert_eq!(status, 503);
    let (status, _, page) = get_with(base, &format!("/b/{}", w.orgnr), &w.cookie);
    assert_eq!(status, 503);
    assert!(page.contains("databasen"), "{page}");
    assert!(
        server.child.try_wait().unwrap().is_none(),
        "the server keeps running"
    );

    // The database returns: the server reconnects by itself, the session and every
    // acknowledged write are there, and writes are taken again.
    pg.start().unwrap();
    let mut healthy = false;
    for _ in 0..120 {
        if get_with(base, "/health", "").0 == 200 {
            healthy = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(
        healthy,
        "the server answers again once the database is back"
    );
    let (owners, _) = w.stored(base);
    assert_eq!(owners[0].as_deref(), Some("før stopp 3"));
    assert_eq!(owners[1], before[1], "the refused write is not there");
    let (status, _) = w.write(&http, 1, "etter stopp").unwrap();
    assert_eq!(status, 200);
    assert_eq!(w.stored(base).0[1].as_deref(), Some("etter stopp"));
    assert!(server.child.try_wait().unwrap().is_none());
}
