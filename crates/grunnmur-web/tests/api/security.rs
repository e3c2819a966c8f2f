//! Security events and sign-in throttling: the platform audit stream (`/api/platform/audit`),
//! the evidence kept after a successful sign-in, throttling per account and address (the owner
//! still signs in from elsewhere), per address across accounts, growing delays, and floods
//! summarised. Clients are told apart by `X-Forwarded-For` from a trusted proxy (the tests'
//! own address).

use grunnmur_testkit::*;
use grunnmur_web::Config;
use grunnmur_web::throttle::Throttle;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const VICTIM: &str = "victim@example.no";
const ATTACKER: &str = "203.0.113.66";

async fn apps(test: &str, throttle: Throttle) -> Vec<App> {
    let mut v = Vec::new();
    for store in stores(test).await {
        let config = Config {
            throttle: throttle.clone(),
            trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
            ..Config::default()
        };
        v.push(App::start_with(store, config).await);
    }
    v
}

/// A sign-in attempt from `client`.
async fn attempt(app: &App, email: &str, password: &str, client: &str) -> reqwest::Response {
    app.http
        .post(format!("{}/api/login", app.base))
        .header("x-forwarded-for", client)
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
}

fn retry_after(res: &reqwest::Response) -> i64 {
    res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// The platform stream as the administrator reads it.
async fn events(app: &App, root: &Who, query: &str) -> Value {
    let res = app
        .req(
            root,
            Method::GET,
            &format!("/api/platform/audit{query}"),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    res.json()
}

fn actions(page: &Value) -> Vec<String> {
    page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_signs_in_from_elsewhere_while_an_attacker_hammers_and_the_evidence_stays() {
    // A long first delay, so no second passing during the test lets a sixth failure through.
    let throttle = Throttle {
        base_delay: 60,
        ..Throttle::default()
    };
    for app in apps("the_owner_signs_in_from_elsewhere", throttle).await {
        let root = app.root_token().await;
        app.user(VICTIM, false).await;
        let mut throttled = None;
        for _ in 0..8 {
            let res = attempt(&app, VICTIM, "wrong", ATTACKER).await;
            if res.status() == StatusCode::TOO_MANY_REQUESTS {
                throttled = Some(res);
                break;
            }
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        }
        let res = throttled.expect("the attacker is throttled after five failures");
        assert!(retry_after(&res) >= 59);
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"], "too_many_attempts", "{body}");
        // Not locked for everyone: the owner, from another address, signs in.
        let res = attempt(&app, VICTIM, PASSWORD, "198.51.100.20").await;
        assert_eq!(res.status(), StatusCode::OK);
        // The attacker's address is still throttled for the account.
        let res = attempt(&app, VICTIM, PASSWORD, ATTACKER).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);

        // Every failure is still in the platform stream after the successful sign-in.
        let page = events(&app, &root, &format!("?actor={VICTIM}&limit=100")).await;
        let a = actions(&page);
        assert_eq!(
            a.iter().filter(|a| *a == "login.failed").count(),
            5,
            "{a:?}"
        );
        assert!(a.contains(&"login".to_string()), "{a:?}");
        assert!(a.contains(&"login.throttled".to_string()), "{a:?}");
        let failed = &page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "login.failed")
            .unwrap()["detail"];
        assert_eq!(failed["client"], ATTACKER, "{failed}");
        // Filters: one action, and a family of them.
        let only = events(&app, &root, "?action=login.failed&limit=100").await;
        assert!(actions(&only).iter().all(|a| a == "login.failed"));
        assert_eq!(actions(&only).len(), 5);
        let family = actions(&events(&app, &root, "?action=login&limit=100").await);
        assert!(family.len() >= 7, "{family:?}");
    }
}

/// Issue 16, item 3: a successful sign-in from the very address the failures came from lets the
/// throttle forget them for that address — and never the audit log: every `login.failed` before
/// it stays evidence.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_stay_evidence_after_a_sign_in_from_the_same_address() {
    // The fifth failure in a row would wait ten minutes: none passes during the test.
    let throttle = Throttle {
        free: 4,
        base_delay: 600,
        ..Throttle::default()
    };
    const OWNER: &str = "198.51.100.7";
    for app in apps("failures_stay_evidence_after_a_sign_in", throttle).await {
        let root = app.root_token().await;
        app.user(VICTIM, false).await;
        for _ in 0..3 {
            let res = attempt(&app, VICTIM, "feil passord", OWNER).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        }
        let res = attempt(&app, VICTIM, PASSWORD, OWNER).await;
        assert_eq!(res.status(), StatusCode::OK);
        // The throttle forgot them: three more failures pass before it counts again (with the
        // first three remembered, the second of these would be held back).
        for n in 0..3 {
            let res = attempt(&app, VICTIM, "feil passord", OWNER).await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "failure {n} after");
        }
        // The audit log forgot nothing: the three failures before the sign-in, in order.
        let page = events(&app, &root, &format!("?actor={VICTIM}&limit=100")).await;
        let mut a = actions(&page);
        a.reverse();
        let login = a.iter().position(|a| a == "login").expect("the sign-in");
        assert_eq!(&a[..login], ["login.failed"; 3], "{a:?}");
        assert_eq!(
            a.iter().filter(|a| *a == "login.failed").count(),
            6,
            "{a:?}"
        );
        let failed = page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "login.failed");
        assert!(failed.into_iter().all(|e| e["detail"]["client"] == OWNER));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_spraying_many_accounts_gets_429() {
    let throttle = Throttle {
        client_failures: 6,
        ..Throttle::default()
    };
    for app in apps("one_address_spraying_many_accounts", throttle).await {
        app.user("real@example.no", false).await;
        for n in 0..6 {
            let res = attempt(
                &app,
                &format!("guess{n}@example.no"),
                "Sommer2026",
                ATTACKER,
            )
            .await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "attempt {n}");
        }
        // Each account was tried once, yet the address is stopped, for every account.
        let res = attempt(&app, "real@example.no", "Sommer2026", ATTACKER).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(
            retry_after(&res) > 800,
            "until the oldest failure leaves the window"
        );
        // Others are not.
        let res = attempt(&app, "real@example.no", PASSWORD, "198.51.100.30").await;
        assert_eq!(res.status(), StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_delay_grows_with_each_failure() {
    let throttle = Throttle {
        free: 1,
        base_delay: 100,
        max_delay: 100_000,
        ..Throttle::default()
    };
    for app in apps("the_delay_grows_with_each_failure", throttle.clone()).await {
        app.user(VICTIM, false).await;
        let res = attempt(&app, VICTIM, "wrong", ATTACKER).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let mut seen = Vec::new();
        for _ in 0..3 {
            let res = attempt(&app, VICTIM, "wrong", ATTACKER).await;
            assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
            seen.push(retry_after(&res));
            // Another failure, as if the wait had passed (the store's clock is the real one).
            let forget = grunnmur_store::now() - throttle.memory();
            app.store
                .record_login_failure(VICTIM, ATTACKER, None, forget)
                .await
                .unwrap();
        }
        let expected = [100, 200, 400];
        for (got, want) in seen.iter().zip(expected) {
            assert!((want - 1..=want).contains(got), "{seen:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csrf_refusals_and_denials_are_recorded_and_floods_summarised() {
    for app in App::on_every_backend("csrf_refusals_and_denials_are_recorded").await {
        let root = app.root_token().await;
        app.create_body(&root, A, "Lille kommune").await;
        app.user("outsider@example.no", false).await;
        let outsider = app.login("outsider@example.no").await;
        let no_csrf = Who {
            csrf: None,
            ..outsider.clone()
        };
        for _ in 0..5 {
            let res = app.req(&no_csrf, Method::POST, "/api/logout", None).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN);
        }
        let (status, _) = app.get(&outsider, &format!("/api/bodies/{A}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        // The stream is for platform administrators only (and asking is itself recorded).
        let (status, _) = app.get(&outsider, "/api/platform/audit").await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        let page = events(&app, &root, "?limit=100").await;
        let a = actions(&page);
        assert_eq!(
            a.iter().filter(|a| *a == "csrf.refused").count(),
            1,
            "five refusals in a minute, one entry: {a:?}"
        );
        let denied: Vec<&Value> = page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "access.denied")
            .collect();
        assert_eq!(denied.len(), 2, "{a:?}");
        assert!(denied.iter().all(|e| e["actor"] == "outsider@example.no"));
        assert!(denied.iter().any(|e| e["detail"]["orgnr"] == A));
        assert!(a.contains(&"login".to_string()), "{a:?}");

        // Paging: newest first, `next` leads to older entries.
        let first = events(&app, &root, "?limit=2").await;
        let next = first["next"].as_i64().expect("a next page");
        let second = events(&app, &root, &format!("?limit=2&before={next}")).await;
        let seqs = |p: &Value| -> Vec<i64> {
            p["entries"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["seq"].as_i64().unwrap())
                .collect()
        };
        let (s1, s2) = (seqs(&first), seqs(&second));
        assert!(
            s1[0] > s1[1] && s1[1] > s2[0] && s2[0] > s2[1],
            "{s1:?} {s2:?}"
        );
        // Only entries about no body.
        assert!(
            page["entries"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["action"] != "body.create")
        );
    }
}
