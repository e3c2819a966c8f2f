//! The REST API against a real server on a real port, on SQLite and — when
//! GRUNNMUR_TEST_POSTGRES_URL is set — on PostgreSQL: authentication, CSRF, tenant isolation
//! for every route in the OpenAPI document, nothing stored half, the assessment.

use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::{Role, Storage};
use grunnmur_web::{AppState, Config, auth};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use std::sync::Arc;

const A: &str = "974760673";
const B: &str = "991825827";
const PASSWORD: &str = "et langt og godt passord";

fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn small_catalog() -> Arc<grunnmur_catalog::CheckedCatalog> {
    let p = root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog");
    Arc::new(
        grunnmur_catalog::load_catalog(Some(&p))
            .0
            .expect("small catalog"),
    )
}

fn small_body() -> String {
    std::fs::read_to_string(
        root().join("crates/grunnmur-catalog/tests/fixtures/small/kommune.yaml"),
    )
    .unwrap()
}

struct App {
    base: String,
    http: Client,
    store: Arc<dyn Storage>,
    state: AppState,
}

/// A logged-in or token-holding client.
#[derive(Clone)]
struct Who {
    cookie: Option<String>,
    csrf: Option<String>,
    token: Option<String>,
}

const NOBODY: Who = Who {
    cookie: None,
    csrf: None,
    token: None,
};

async fn start(store: Arc<dyn Storage>) -> App {
    let state = AppState::new(store.clone(), small_catalog(), Config::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let st = state.clone();
    tokio::spawn(async move { grunnmur_web::serve(st, listener).await.unwrap() });
    App {
        base: format!("http://{addr}"),
        http: Client::new(),
        store,
        state,
    }
}

async fn apps(test: &str) -> Vec<App> {
    let mut v = vec![start(sqlite().await.0).await];
    match postgres().await {
        Some((s, _)) => v.push(start(s).await),
        None => note_postgres_skipped(test),
    }
    v
}

impl App {
    async fn req(
        &self,
        who: &Who,
        method: Method,
        path: &str,
        body: Option<(&str, String)>,
    ) -> (StatusCode, String) {
        let mut r = self.http.request(method, format!("{}{path}", self.base));
        if let Some(c) = &who.cookie {
            r = r.header("cookie", c);
        }
        if let Some(c) = &who.csrf {
            r = r.header("x-csrf-token", c);
        }
        if let Some(t) = &who.token {
            r = r.bearer_auth(t);
        }
        if let Some((ctype, b)) = body {
            r = r.header("content-type", ctype).body(b);
        }
        let res = r.send().await.unwrap();
        let status = res.status();
        (status, res.text().await.unwrap())
    }

    async fn get(&self, who: &Who, path: &str) -> (StatusCode, String) {
        self.req(who, Method::GET, path, None).await
    }

    async fn json(&self, who: &Who, method: Method, path: &str, v: Value) -> (StatusCode, String) {
        self.req(who, method, path, Some(("application/json", v.to_string())))
            .await
    }

    async fn user(&self, email: &str, admin: bool) -> i64 {
        let hash = auth::hash_password(PASSWORD).unwrap();
        self.store
            .create_user(email, Some(&hash), admin, "test")
            .await
            .unwrap()
    }

    async fn login(&self, email: &str) -> Who {
        let res = self
            .http
            .post(format!("{}/api/login", self.base))
            .json(&json!({"email": email, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "login {email}");
        let set = res.headers()["set-cookie"].to_str().unwrap().to_string();
        for attr in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/"] {
            assert!(set.contains(attr), "{attr} in {set}");
        }
        let cookie = set.split(';').next().unwrap().to_string();
        let v: Value = res.json().await.unwrap();
        Who {
            cookie: Some(cookie),
            csrf: Some(v["csrf"].as_str().unwrap().into()),
            token: None,
        }
    }

    async fn token(&self, user: i64) -> Who {
        let (token, hash) = auth::new_api_token();
        self.store
            .create_token(user, &hash, "test", "test")
            .await
            .unwrap();
        Who {
            token: Some(token),
            ..NOBODY
        }
    }

    /// Platform admin, two bodies with workspaces, and a member (admin role) of each.
    async fn two_bodies(&self) -> (Who, Who, Who) {
        let root = self.user("root@example.no", true).await;
        let admin = self.token(root).await;
        for (orgnr, name) in [(A, "Lille kommune"), (B, "Hemmelig etat")] {
            let (s, b) = self
                .json(&admin, Method::POST, "/api/bodies", json!({"orgnr": orgnr, "name": name, "kind": "kommune", "sectors": ["utdanning"]}))
                .await;
            assert_eq!(s, StatusCode::CREATED, "{b}");
        }
        let body_b = small_body()
            .replace(A, B)
            .replace("Lille kommune", "Hemmelig etat")
            .replace("id: s.hr\n", "id: s.hemmelig\n")
            .replace("system: s.hr,", "system: s.hemmelig,");
        let (s, b) = self
            .req(
                &admin,
                Method::PUT,
                &format!("/api/bodies/{B}/workspace"),
                Some(("application/yaml", body_b)),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (s, b) = self
            .req(
                &admin,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/yaml", small_body())),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let ua = self.user("a@example.no", false).await;
        let ub = self.user("b@example.no", false).await;
        self.store.grant(ua, A, Role::Admin, "test").await.unwrap();
        self.store.grant(ub, B, Role::Admin, "test").await.unwrap();
        (
            admin,
            self.login("a@example.no").await,
            self.login("b@example.no").await,
        )
    }
}

/// Every (method, path) in the OpenAPI document.
fn documented_routes() -> Vec<(Method, String)> {
    let doc: Value = serde_json::from_str(&grunnmur_web::openapi::document_json()).unwrap();
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for m in item.as_object().unwrap().keys() {
            out.push((
                Method::from_bytes(m.to_uppercase().as_bytes()).unwrap(),
                path.clone(),
            ));
        }
    }
    assert!(out.len() >= 18, "{out:?}");
    out
}

fn sample_body(method: &Method, path: &str) -> Option<(&'static str, String)> {
    if *method == Method::GET {
        return None;
    }
    let v = if path.ends_with("/measures/{measure_id}") {
        json!({"status": "implemented", "system": "s.hr"})
    } else if path == "/api/bodies" {
        json!({"orgnr": "889640782", "name": "Ny", "kind": "stat"})
    } else if path.ends_with("/workspace") {
        return Some(("application/yaml", small_body().replace(A, B)));
    } else {
        json!({})
    };
    Some(("application/json", v.to_string()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_names_the_database() {
    for app in apps("health_names_the_database").await {
        let (s, b) = app.get(&NOBODY, "/health").await;
        assert_eq!(s, StatusCode::OK);
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(v, json!({"status": "ok", "database": app.store.backend()}));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_is_3_1_and_lists_the_api() {
    let app = start(sqlite().await.0).await;
    let (s, b) = app.get(&NOBODY, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    let v: Value = serde_json::from_str(&b).unwrap();
    assert!(v["openapi"].as_str().unwrap().starts_with("3.1"));
    for p in [
        "/health",
        "/api/bodies",
        "/api/bodies/{orgnr}/workspace",
        "/api/bodies/{orgnr}/assessment",
        "/api/bodies/{orgnr}/measures/{measure_id}",
        "/api/bodies/{orgnr}/audit",
        "/api/catalog",
        "/api/catalog/measures",
        "/api/catalog/tasks",
        "/api/catalog/oscal/{file}",
        "/api/bodies/{orgnr}/oscal/ssp/{system}",
    ] {
        assert!(v["paths"].get(p).is_some(), "{p}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unauthenticated_requests_are_refused_on_every_route() {
    for app in apps("unauthenticated_requests_are_refused_on_every_route").await {
        let forged = Who {
            cookie: Some("grunnmur_session=forged".into()),
            csrf: Some("x".into()),
            token: None,
        };
        let bad_token = Who {
            token: Some("gm_not-a-token".into()),
            ..NOBODY
        };
        for (method, path) in documented_routes() {
            if ["/health", "/api/openapi.json", "/api/login"].contains(&path.as_str()) {
                continue;
            }
            let concrete = path
                .replace("{orgnr}", A)
                .replace("{measure_id}", "m.tilgang")
                .replace("{system}", "s.hr")
                .replace("{file}", "measure-bank.json");
            for who in [&NOBODY, &forged, &bad_token] {
                let (s, _) = app
                    .req(who, method.clone(), &concrete, sample_body(&method, &path))
                    .await;
                assert_eq!(s, StatusCode::UNAUTHORIZED, "{method} {concrete}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_of_one_body_never_gets_another_bodys_data() {
    for app in apps("a_user_of_one_body_never_gets_another_bodys_data").await {
        let (_, a, _) = app.two_bodies().await;
        let a_token = app
            .token(
                app.store
                    .user_by_email("a@example.no")
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            )
            .await;
        let before = app.store.workspace(B).await.unwrap().unwrap();
        for (method, path) in documented_routes() {
            if !path.contains("{orgnr}") {
                continue;
            }
            let concrete = path
                .replace("{orgnr}", B)
                .replace("{measure_id}", "m.tilgang")
                .replace("{system}", "s.hemmelig")
                .replace("{file}", "measure-bank.json");
            for who in [&a, &a_token] {
                let (s, body) = app
                    .req(who, method.clone(), &concrete, sample_body(&method, &path))
                    .await;
                assert!(
                    s == StatusCode::NOT_FOUND || s == StatusCode::FORBIDDEN,
                    "{method} {concrete}: {s}"
                );
                for secret in ["Hemmelig", "s.hemmelig"] {
                    assert!(
                        !body.contains(secret),
                        "{method} {concrete} leaked {secret}: {body}"
                    );
                }
            }
        }
        // Lists show only the caller's bodies.
        let (_, list) = app.get(&a, "/api/bodies").await;
        assert!(list.contains(A) && !list.contains(B), "{list}");
        let after = app.store.workspace(B).await.unwrap().unwrap();
        assert_eq!(before, after, "nothing of B changed");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_limit_what_members_may_do() {
    for app in apps("roles_limit_what_members_may_do").await {
        app.two_bodies().await;
        let r = app.user("reader@example.no", false).await;
        app.store.grant(r, A, Role::Reader, "t").await.unwrap();
        let reader = app.login("reader@example.no").await;
        assert_eq!(
            app.get(&reader, &format!("/api/bodies/{A}/assessment"))
                .await
                .0,
            StatusCode::OK
        );
        let patch = json!({"status": "implemented", "system": "s.hr"});
        let (s, _) = app
            .json(
                &reader,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.tilgang"),
                patch,
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        assert_eq!(
            app.get(&reader, &format!("/api/bodies/{A}/audit")).await.0,
            StatusCode::FORBIDDEN
        );
        let (s, _) = app
            .json(
                &reader,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": "889640782", "name": "x", "kind": "stat"}),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::FORBIDDEN,
            "only platform admins create bodies"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_with_a_session_need_the_csrf_token() {
    for app in apps("changes_with_a_session_need_the_csrf_token").await {
        let (_, a, _) = app.two_bodies().await;
        let no_csrf = Who {
            csrf: None,
            ..a.clone()
        };
        let wrong = Who {
            csrf: Some("wrong".into()),
            ..a.clone()
        };
        let path = format!("/api/bodies/{A}/measures/m.tilgang");
        let patch = json!({"status": "partial", "system": "s.drift"});
        let v0 = app.store.workspace_version(A).await.unwrap();
        for who in [&no_csrf, &wrong] {
            let (s, b) = app.json(who, Method::PATCH, &path, patch.clone()).await;
            assert_eq!(s, StatusCode::FORBIDDEN, "{b}");
            assert!(b.contains("\"csrf\""), "{b}");
        }
        assert_eq!(
            app.store.workspace_version(A).await.unwrap(),
            v0,
            "refused changes store nothing"
        );
        let (s, b) = app.json(&a, Method::PATCH, &path, patch.clone()).await;
        assert_eq!(s, StatusCode::OK, "{b}");
        // Reads need no token.
        assert_eq!(
            app.get(&no_csrf, &format!("/api/bodies/{A}/workspace"))
                .await
                .0,
            StatusCode::OK
        );
        // Logout ends the session.
        assert_eq!(
            app.req(&a, Method::POST, "/api/logout", None).await.0,
            StatusCode::NO_CONTENT
        );
        assert_eq!(app.get(&a, "/api/me").await.0, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_is_rate_limited_per_account() {
    for app in apps("login_is_rate_limited_per_account").await {
        app.user("x@example.no", false).await;
        let login = |pw: &str| json!({"email": "x@example.no", "password": pw});
        for _ in 0..5 {
            assert_eq!(
                app.json(&NOBODY, Method::POST, "/api/login", login("feil"))
                    .await
                    .0,
                StatusCode::UNAUTHORIZED
            );
        }
        let (s, b) = app
            .json(&NOBODY, Method::POST, "/api/login", login(PASSWORD))
            .await;
        assert_eq!(
            s,
            StatusCode::TOO_MANY_REQUESTS,
            "even the right password waits: {b}"
        );
        assert_eq!(
            app.json(
                &NOBODY,
                Method::POST,
                "/api/login",
                json!({"email": "ukjent@example.no", "password": "x"})
            )
            .await
            .0,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_workspaces_are_refused_whole_with_every_problem() {
    for app in apps("invalid_workspaces_are_refused_whole_with_every_problem").await {
        let (_, a, _) = app.two_bodies().await;
        let before = app.store.workspace(A).await.unwrap().unwrap();
        let broken = small_body()
            .replace("{task: kommune.skole}", "{task: kommune.finnes-ikke}")
            .replace("status: not_applicable, justification: \"Identitetsløsningen logges hos leverandøren.\"", "status: not_applicable");
        let (s, b) = app
            .req(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/yaml", broken)),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        let problems = v["problems"].as_array().unwrap();
        assert!(problems.len() >= 2, "{b}");
        assert!(
            problems
                .iter()
                .all(|p| p["line"].as_u64().unwrap() > 0
                    && !p["message"].as_str().unwrap().is_empty())
        );
        assert!(
            problems
                .iter()
                .any(|p| p["code"] == "missing-justification")
        );
        let (s, b) = app
            .req(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/json", "{\"org\": [".into())),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        // A status change that breaks the rules is refused too.
        let (s, _) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.tilgang"),
                json!({"status": "not_applicable", "system": "s.hr"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, _) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.finnes-ikke"),
                json!({"status": "implemented", "system": "s.hr"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app.store.workspace(A).await.unwrap().unwrap(),
            before,
            "nothing stored"
        );
        // Messages follow Accept-Language.
        let res = app
            .http
            .get(format!("{}/api/me", app.base))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        let v: Value = res.json().await.unwrap();
        assert!(
            v["message"].as_str().unwrap().contains("not logged in"),
            "{v}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_round_trips_and_the_assessment_is_the_engines() {
    for app in apps("workspace_round_trips_and_the_assessment_is_the_engines").await {
        let (_, a, _) = app.two_bodies().await;
        let (s, stored) = app.get(&a, &format!("/api/bodies/{A}/workspace")).await;
        assert_eq!(s, StatusCode::OK);
        let src = grunnmur_catalog::Source {
            name: "k.yaml".into(),
            text: small_body(),
        };
        let cat = small_catalog();
        let (doc, ws) = grunnmur_catalog::read_body(&src, &cat.catalog).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&stored).unwrap(),
            serde_json::to_value(&doc).unwrap()
        );
        // PUT what GET gave: the same document.
        let (s, _) = app
            .req(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/json", stored.clone())),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            app.get(&a, &format!("/api/bodies/{A}/workspace")).await.1,
            stored
        );

        let (s, got) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
        assert_eq!(s, StatusCode::OK);
        let today = grunnmur_web::state::today();
        let report = grunnmur_core::report::AssessReport::new(
            &cat.catalog,
            &ws,
            &grunnmur_core::assess(&cat.catalog, &ws, today),
            today,
        );
        assert_eq!(
            serde_json::from_str::<Value>(&got).unwrap(),
            serde_json::to_value(&report).unwrap()
        );

        // A status change shows in the next assessment, and in the audit log.
        let patch = json!({"status": "not_applicable", "system": "s.skole", "justification": "Ikke aktuelt", "owner": "Rektor"});
        let (s, b) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.backup"),
                patch,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (_, got) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
        let v: Value = serde_json::from_str(&got).unwrap();
        let skole = v["risk_assessment_needed"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["object"] == "system:s.skole")
            .unwrap();
        assert!(
            skole["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!("not_applicable")),
            "{skole}"
        );
        let (_, audit) = app.get(&a, &format!("/api/bodies/{A}/audit")).await;
        let audit: Value = serde_json::from_str(&audit).unwrap();
        let last = audit.as_array().unwrap().last().unwrap();
        assert_eq!(last["action"], "measure_status.set");
        assert_eq!(last["actor"], "a@example.no");
        assert!(
            last["before"].as_str().unwrap().len() > 10
                && last["after"].as_str().unwrap().contains("Rektor")
        );
        assert_eq!(
            grunnmur_store::verify_chain(&app.store.audit_all().await.unwrap()).map(|n| n > 5),
            Ok(true)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creating_bodies_checks_the_orgnr_and_refuses_duplicates() {
    for app in apps("creating_bodies_checks_the_orgnr_and_refuses_duplicates").await {
        let (admin, _, _) = app.two_bodies().await;
        let (s, b) = app
            .json(
                &admin,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": "123456789", "name": "x", "kind": "stat"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b.contains("invalid-orgnr"), "{b}");
        let (s, _) = app
            .json(
                &admin,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": A, "name": "x", "kind": "kommune"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (s, _) = app
            .json(
                &admin,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": "889640782", "name": "x", "kind": "region"}),
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(app.store.body("123456789").await.unwrap().is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_one_server_is_seen_through_another() {
    let Some((s1, schema)) = postgres().await else {
        note_postgres_skipped("a_change_through_one_server_is_seen_through_another");
        return;
    };
    let one = start(s1).await;
    let (_, a, _) = one.two_bodies().await;
    // A second server on the same schema.
    let url = grunnmur_store::testing::postgres_url().unwrap();
    let opts = url
        .parse::<sqlx_opts::PgConnectOptions>()
        .unwrap()
        .options([("search_path", schema.as_str())]);
    let s2: Arc<dyn Storage> = Arc::new(grunnmur_store::PgStore::connect_with(opts).await.unwrap());
    let two = start(s2).await;
    let path = format!("/api/bodies/{A}/assessment");
    let (_, first) = two.get(&a, &path).await;
    let patch = json!({"status": "not_applicable", "system": "s.hr", "justification": "Dekket av leverandør"});
    assert_eq!(
        one.json(
            &a,
            Method::PATCH,
            &format!("/api/bodies/{A}/measures/m.tilgang"),
            patch
        )
        .await
        .0,
        StatusCode::OK
    );
    let (_, second) = two.get(&a, &path).await;
    assert_ne!(
        first, second,
        "server two's cache saw the change made through server one"
    );
    assert!(second.contains("not_applicable"));
    drop(one.state);
}

mod sqlx_opts {
    pub use grunnmur_store::PgConnectOptions;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oscal_documents_are_served_as_the_cli_exports_them() {
    let app = start(sqlite().await.0).await;
    let (_, a, _) = app.two_bodies().await;
    let (s, b) = app.get(&a, "/api/catalog/oscal").await;
    assert_eq!(s, StatusCode::OK);
    let index: Value = serde_json::from_str(&b).unwrap();
    let files: Vec<&str> = index
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["file"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = grunnmur_oscal::export::export_all(
        &app.state.catalog.doc,
        &grunnmur_oscal::export::ExportOptions::default(),
    )
    .into_iter()
    .map(|d| d.file)
    .collect();
    assert_eq!(files, expected);
    // The catalog: one control per measure of the bank.
    let (s, b) = app.get(&a, "/api/catalog/oscal/measure-bank.json").await;
    assert_eq!(s, StatusCode::OK);
    let cat: Value = serde_json::from_str(&b).unwrap();
    let controls: usize = cat["catalog"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["controls"].as_array().map_or(0, |c| c.len()))
        .sum();
    assert_eq!(controls, app.state.catalog.doc.measures.len());
    let (s, b) = app
        .get(&a, "/api/catalog/oscal/measure-bank.json?lang=en")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(
        b,
        serde_json::to_string(&cat).unwrap(),
        "English titles differ"
    );
    let (s, _) = app.get(&a, "/api/catalog/oscal/no-such.json").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // A system's plan: every measure the engine requires for it, as an implemented requirement.
    let (s, b) = app
        .get(&a, &format!("/api/bodies/{A}/oscal/ssp/s.hr"))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let ssp: Value = serde_json::from_str(&b).unwrap();
    // System-scope requirements, then the body's own (org scope), each marked by a property.
    let reqs: Vec<&str> =
        ssp["system-security-plan"]["control-implementation"]["implemented-requirements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| {
                r["props"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["name"] == "scope" && p["value"] == "system")
            })
            .map(|r| r["control-id"].as_str().unwrap())
            .collect();
    let (_, b) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
    let assessment: Value = serde_json::from_str(&b).unwrap();
    let required: Vec<&str> = assessment["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "s.hr")
        .unwrap()["required_measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(reqs, required);
    let (s, _) = app
        .get(&a, &format!("/api/bodies/{A}/oscal/ssp/no-such-system"))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

/// The small catalog's file, with another version and, optionally, a change.
fn small_release(version: &str, change: impl Fn(String) -> String) -> Value {
    let text = std::fs::read_to_string(
        root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog/catalog.yaml"),
    )
    .unwrap()
    .replace("version: \"1.0\"", &format!("version: \"{version}\""));
    json!({"files": [{"name": "catalog/catalog.yaml", "text": change(text)}]})
}

fn system<'a>(assessment: &'a Value, id: &str) -> &'a Value {
    assessment["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn catalog_releases_are_published_once_and_bodies_move_when_their_admin_chooses() {
    for app in
        apps("catalog_releases_are_published_once_and_bodies_move_when_their_admin_chooses").await
    {
        let db = app.store.backend();
        let (root_admin, a, _) = app.two_bodies().await;
        let releases = "/api/catalog/releases";

        // Only catalog editors and platform administrators publish.
        let (s, _) = app
            .json(&a, Method::POST, releases, small_release("1.1", |t| t))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{db}");
        // A broken catalog: every problem with file and line, nothing published.
        let broken = small_release("1.1", |t| {
            t.replace(
                "info_types: [okonomi.faktura",
                "info_types: [okonomi.finnes-ikke",
            )
        });
        let (s, b) = app.json(&root_admin, Method::POST, releases, broken).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(
            v["problems"][0]["file"], "catalog/catalog.yaml",
            "{db}: {b}"
        );
        assert!(v["problems"][0]["line"].as_u64().unwrap() > 1, "{db}: {b}");
        assert!(app.store.releases().await.unwrap().is_empty(), "{db}");

        // 1.1 rates the budget as confidential (high): systems with finance data go up.
        let secret_budget = |t: String| {
            t.replace(
                "id: okonomi.budsjett, name: {nb: \"Budsjett\", en: \"Budget\"}, levels: {c: lav",
                "id: okonomi.budsjett, name: {nb: \"Budsjett\", en: \"Budget\"}, levels: {c: høy",
            )
        };
        let (s, b) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("1.1", secret_budget),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {b}");
        let (s, _) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("1.1", secret_budget),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::OK,
            "{db}: the same files again change nothing"
        );
        let (s, b) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("1.1", |t| t),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "{db}: a published version never changes: {b}"
        );
        // 2.0 drops the school task body A uses.
        let no_school = |t: String| {
            t.lines()
                .filter(|l| !l.contains("id: kommune.skole"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (s, b) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("2.0", no_school),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {b}");
        let (s, b) = app.get(&a, releases).await;
        assert_eq!(s, StatusCode::OK, "{db}");
        let listed: Vec<Value> = serde_json::from_str(&b).unwrap();
        assert_eq!(listed.len(), 2, "{db}: {b}");

        // The body sees its release and what each other one would change.
        let path = format!("/api/bodies/{A}/catalog-release");
        let (s, b) = app.get(&a, &path).await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(
            (v["catalog_id"].as_str(), v["version"].as_str()),
            (Some("liten"), Some("1.0")),
            "{db}"
        );
        assert_eq!(v["others"].as_array().unwrap().len(), 2, "{db}");
        assert!(
            b.contains("okonomi.budsjett") && b.contains("kommune.skole"),
            "{db}: {b}"
        );

        let before: Value =
            serde_json::from_str(&app.get(&a, &format!("/api/bodies/{A}/assessment")).await.1)
                .unwrap();
        assert_eq!(
            system(&before, "s.okonomi")["levels"]["c"],
            "middels",
            "{db}"
        );

        // A release the workspace does not fit: every problem, nothing changed.
        let (s, b) = app
            .json(
                &a,
                Method::PUT,
                &path,
                json!({"catalog_id": "liten", "version": "2.0"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {b}");
        assert!(b.contains("kommune.skole"), "{db}: {b}");
        assert_eq!(
            app.store.body(A).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
        // One never published: not found.
        let (s, _) = app
            .json(
                &a,
                Method::PUT,
                &path,
                json!({"catalog_id": "liten", "version": "9.9"}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{db}");

        // 1.1 fits: the body moves, and the engine's result follows at once.
        let (s, b) = app
            .json(
                &a,
                Method::PUT,
                &path,
                json!({"catalog_id": "liten", "version": "1.1"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let after: Value =
            serde_json::from_str(&app.get(&a, &format!("/api/bodies/{A}/assessment")).await.1)
                .unwrap();
        assert_eq!(after["catalog"]["version"], "1.1", "{db}");
        assert_eq!(system(&after, "s.okonomi")["levels"]["c"], "høy", "{db}");
        assert!(
            system(&after, "s.okonomi")["required_measures"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "m.kryptering"),
            "{db}: {after}"
        );
        // Body B stays where it was.
        assert_eq!(
            app.store.body(B).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
        let audit = app.store.audit_for(A).await.unwrap();
        assert_eq!(audit.last().unwrap().action, "body.pin_release", "{db}");
    }
}
