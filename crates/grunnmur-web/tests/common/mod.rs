//! A real server on a real port over a fresh store, and clients that log in or hold tokens.
#![allow(dead_code)]

use grunnmur_store::Storage;
use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_web::{AppState, Config, auth};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use std::sync::Arc;

pub const PASSWORD: &str = "et langt og godt passord";

pub fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn small_catalog() -> Arc<grunnmur_catalog::CheckedCatalog> {
    let p = root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog");
    Arc::new(
        grunnmur_catalog::load_catalog(Some(&p))
            .0
            .expect("small catalog"),
    )
}

pub fn small_body() -> String {
    std::fs::read_to_string(
        root().join("crates/grunnmur-catalog/tests/fixtures/small/kommune.yaml"),
    )
    .unwrap()
}

pub struct App {
    pub base: String,
    pub http: Client,
    pub store: Arc<dyn Storage>,
}

#[derive(Clone, Default)]
pub struct Who {
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub token: Option<String>,
}

pub async fn start(store: Arc<dyn Storage>) -> App {
    let state = AppState::new(store.clone(), small_catalog(), Config::default());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { grunnmur_web::serve(state, listener).await.unwrap() });
    App {
        base: format!("http://{addr}"),
        http: Client::new(),
        store,
    }
}

/// One server on SQLite, and one on PostgreSQL when a test database is given.
pub async fn apps(test: &str) -> Vec<App> {
    let mut v = vec![start(sqlite().await.0).await];
    match postgres().await {
        Some((s, _)) => v.push(start(s).await),
        None => note_postgres_skipped(test),
    }
    v
}

/// A response: status, headers and body bytes.
pub struct Res {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: Vec<u8>,
}

impl Res {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.bytes).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

impl App {
    pub async fn req(&self, who: &Who, method: Method, path: &str, body: Option<Value>) -> Res {
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
        if let Some(b) = body {
            r = r
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        let res = r.send().await.unwrap();
        Res {
            status: res.status(),
            headers: res.headers().clone(),
            bytes: res.bytes().await.unwrap().to_vec(),
        }
    }

    pub async fn user(&self, email: &str, admin: bool) -> i64 {
        let hash = auth::hash_password(PASSWORD).unwrap();
        self.store
            .create_user(email, Some(&hash), admin, "test")
            .await
            .unwrap()
    }

    pub async fn login(&self, email: &str) -> Who {
        let res = self
            .http
            .post(format!("{}/api/login", self.base))
            .json(&json!({"email": email, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "login {email}");
        let set = res.headers()["set-cookie"].to_str().unwrap().to_string();
        let cookie = set.split(';').next().unwrap().to_string();
        let v: Value = res.json().await.unwrap();
        Who {
            cookie: Some(cookie),
            csrf: Some(v["csrf"].as_str().unwrap().into()),
            token: None,
        }
    }

    pub async fn token(&self, user: i64) -> Who {
        let (token, hash) = auth::new_api_token();
        self.store
            .create_token(user, &hash, "test", "test")
            .await
            .unwrap();
        Who {
            token: Some(token),
            ..Who::default()
        }
    }
}
