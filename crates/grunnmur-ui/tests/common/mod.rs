//! What the page tests share: the small catalog and municipality, a server on a free port, and
//! a browser's plain requests.
#![allow(dead_code)]

use grunnmur_catalog::{CheckedCatalog, Source, read_body};
use grunnmur_store::{BodyRow, Storage, WorkspaceWrite};
use grunnmur_web::AppState;
use reqwest::{Client, StatusCode, redirect};
use std::sync::Arc;

pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn small_catalog() -> Arc<CheckedCatalog> {
    let p = root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog");
    Arc::new(
        grunnmur_catalog::load_catalog(Some(&p))
            .0
            .expect("small catalog"),
    )
}

/// A body with the small municipality's workspace (its orgnr replaced by `orgnr`).
pub async fn add_small_body(store: &Arc<dyn Storage>, catalog: &CheckedCatalog, orgnr: &str) {
    let text = std::fs::read_to_string(
        root().join("crates/grunnmur-catalog/tests/fixtures/small/kommune.yaml"),
    )
    .unwrap();
    let src = Source {
        name: "kommune.yaml".into(),
        text: text.replace("974760673", orgnr),
    };
    let (doc, _) = read_body(&src, &catalog.catalog).expect("small body");
    let body = BodyRow {
        orgnr: orgnr.into(),
        name: format!("Kommune {orgnr}"),
        kind: "kommune".into(),
        sectors: vec!["utdanning".into()],
        catalog_id: catalog.catalog.id.clone(),
        catalog_version: catalog.catalog.version.clone(),
        created_at: 0,
    };
    store.create_body(&body, "test").await.unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let w = WorkspaceWrite {
        orgnr,
        doc: &json,
        actor: "test",
        action: "workspace.put",
        expected_version: None,
    };
    store.put_workspace(w).await.unwrap();
}

/// A free port and the base URL on it.
pub async fn listen() -> (tokio::net::TcpListener, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    (listener, base)
}

/// Serves the API and the pages, as `grunnmur serve` does.
pub fn spawn(state: AppState, listener: tokio::net::TcpListener) {
    tokio::spawn(async move {
        grunnmur_web::serve_with(state, listener, grunnmur_ui::routes())
            .await
            .unwrap()
    });
}

/// A browser that does not follow redirects, so the tests see them.
pub fn browser() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

pub async fn get(http: &Client, base: &str, cookie: &str, path: &str) -> (StatusCode, String) {
    let res = http
        .get(format!("{base}{path}"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    (res.status(), res.text().await.unwrap())
}

/// A `Set-Cookie` header of the answer, whole (with its attributes).
pub fn set_cookie_header(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

/// A cookie the answer sets, as the browser sends it back (`name=value`).
pub fn set_cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    set_cookie_header(res, name).map(|v| v.split(';').next().unwrap().to_string())
}
