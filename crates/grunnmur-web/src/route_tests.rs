//! The router and the OpenAPI document cannot drift apart: both come from [`crate::api::api`],
//! every documented (method, path) is served, nothing else is served on a documented path, and
//! no code in this crate adds a route around the declaration.

use crate::state::{AppState, Config};
use axum::http::StatusCode;
use std::collections::BTreeSet;
use std::sync::Arc;

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Every (method, path) in the document.
fn documented() -> BTreeSet<(String, String)> {
    let doc = serde_json::to_value(crate::api::api().into_openapi()).expect("document as JSON");
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for m in item.as_object().expect("path item").keys() {
            if METHODS.contains(&m.as_str()) {
                out.insert((m.clone(), path.clone()));
            }
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_documented_route_is_served_and_no_other_method_on_its_path() {
    let store = grunnmur_store::testing::sqlite().await.0;
    let catalog = Arc::new(
        grunnmur_catalog::load_catalog(None)
            .0
            .expect("bundled catalog"),
    );
    let state = AppState::new(store, catalog, Config::default());
    // A request the router does not route gets 418, which no handler answers.
    let teapot = || async { StatusCode::IM_A_TEAPOT };
    let router = crate::api::routes()
        .fallback(teapot)
        .method_not_allowed_fallback(teapot)
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let http = reqwest::Client::new();
    let routes = documented();
    assert!(routes.len() >= 30, "{routes:?}");
    let paths: BTreeSet<&String> = routes.iter().map(|(_, p)| p).collect();
    for path in paths {
        // Any value for a path parameter reaches the handler, which refuses the caller.
        let concrete: String = path
            .split('/')
            .map(|seg| if seg.starts_with('{') { "x" } else { seg })
            .collect::<Vec<_>>()
            .join("/");
        for m in METHODS {
            let method = reqwest::Method::from_bytes(m.to_uppercase().as_bytes()).unwrap();
            let status = http
                .request(method, format!("{base}{concrete}"))
                .send()
                .await
                .unwrap()
                .status();
            let is_documented = routes.contains(&(m.to_string(), path.clone()));
            assert_eq!(
                status != reqwest::StatusCode::IM_A_TEAPOT,
                is_documented,
                "{m} {path}: {status}"
            );
        }
    }
}

#[test]
fn no_route_is_added_around_the_declaration() {
    // Built here so that this test's own text does not match.
    let forbidden = [
        format!(".{}(", "route"),
        format!(".{}(", "route_service"),
        format!(".{}(", "nest"),
        format!(".{}(", "nest_service"),
        format!("axum::{}", "routing"),
    ];
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for f in &forbidden {
            assert!(
                !text.contains(f.as_str()),
                "{} has {f}: declare routes with utoipa_axum::routes! in api::api",
                path.display()
            );
        }
    }
    assert!(files >= 10);
}
