//! A real API server on a free port over a store, and callers that log in or hold tokens.

use crate::fixtures::{PASSWORD, add_user, small_catalog, stores};
use crate::test_key;
use grunnmur_store::Storage;
use grunnmur_web::{AppState, Config, auth};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use std::sync::Arc;

/// A server of the REST API (no pages) with the small catalog.
pub struct App {
    pub base: String,
    pub http: Client,
    pub store: Arc<dyn Storage>,
    pub state: AppState,
}

/// A caller: a logged-in session with its CSRF token, or a bearer token, or neither.
#[derive(Clone, Default)]
pub struct Who {
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub token: Option<String>,
}

/// A caller with neither session nor token.
pub const NOBODY: Who = Who {
    cookie: None,
    csrf: None,
    token: None,
};

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
    pub async fn start(store: Arc<dyn Storage>) -> App {
        App::start_with(store, Config::default()).await
    }

    /// [`App::start`] with a configuration of the test's own (throttling, trusted proxies).
    pub async fn start_with(store: Arc<dyn Storage>, config: Config) -> App {
        let state =
            AppState::new(store.clone(), small_catalog(), config).with_attest_key(test_key());
        let (listener, base) = crate::browser::listen().await;
        let st = state.clone();
        tokio::spawn(async move { grunnmur_web::serve(st, listener).await.unwrap() });
        App {
            base,
            http: Client::new(),
            store,
            state,
        }
    }

    /// One server on SQLite, and one on PostgreSQL when a test database is given.
    pub async fn on_every_backend(test: &str) -> Vec<App> {
        let mut v = Vec::new();
        for store in stores(test).await {
            v.push(App::start(store).await);
        }
        v
    }

    /// A request with an optional body of the given content type.
    pub async fn send(
        &self,
        who: &Who,
        method: Method,
        path: &str,
        body: Option<(&str, String)>,
    ) -> Res {
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
        Res {
            status: res.status(),
            headers: res.headers().clone(),
            bytes: res.bytes().await.unwrap().to_vec(),
        }
    }

    /// A request with an optional JSON body.
    pub async fn req(&self, who: &Who, method: Method, path: &str, body: Option<Value>) -> Res {
        let body = body.map(|b| ("application/json", b.to_string()));
        self.send(who, method, path, body).await
    }

    /// [`App::send`], as status and text.
    pub async fn call(
        &self,
        who: &Who,
        method: Method,
        path: &str,
        body: Option<(&str, String)>,
    ) -> (StatusCode, String) {
        let res = self.send(who, method, path, body).await;
        (res.status, res.text())
    }

    pub async fn get(&self, who: &Who, path: &str) -> (StatusCode, String) {
        self.call(who, Method::GET, path, None).await
    }

    /// A request with a JSON body, as status and text.
    pub async fn json(
        &self,
        who: &Who,
        method: Method,
        path: &str,
        v: Value,
    ) -> (StatusCode, String) {
        self.call(who, method, path, Some(("application/json", v.to_string())))
            .await
    }

    /// A body's workspace replaced by a body file (YAML).
    pub async fn put_workspace(&self, who: &Who, orgnr: &str, yaml: String) -> Res {
        let path = format!("/api/bodies/{orgnr}/workspace");
        self.send(who, Method::PUT, &path, Some(("application/yaml", yaml)))
            .await
    }

    /// A local account with [`PASSWORD`]; its id.
    pub async fn user(&self, email: &str, admin: bool) -> i64 {
        add_user(&self.store, email, admin).await
    }

    /// Logs in through the API: the session cookie (checked for its attributes) and CSRF token.
    pub async fn login(&self, email: &str) -> Who {
        let sign_in = |code: Option<String>| {
            self.http
                .post(format!("{}/api/login", self.base))
                .json(&json!({"email": email, "password": PASSWORD, "code": code}))
                .send()
        };
        let mut res = sign_in(None).await.unwrap();
        // A platform administrator of `add_platform_admin`: the second factor too.
        if res.status() == StatusCode::UNAUTHORIZED {
            for code in crate::fixtures::totp_codes() {
                res = sign_in(Some(code)).await.unwrap();
                if res.status() == StatusCode::OK {
                    break;
                }
            }
        }
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

    /// A new API token of the user.
    pub async fn token(&self, user: i64) -> Who {
        let (token, hash) = auth::new_api_token();
        let t = grunnmur_store::NewToken {
            user_id: user,
            token_hash: &hash,
            name: "test",
            expires_at: grunnmur_store::now() + 86_400,
            scope: None,
        };
        self.store.create_token(t, "test").await.unwrap();
        Who {
            token: Some(token),
            ..NOBODY
        }
    }

    /// The platform administrator `root@example.no` (second factor on), holding a token.
    pub async fn root_token(&self) -> Who {
        let root = crate::fixtures::add_platform_admin(&self.store, "root@example.no").await;
        self.token(root).await
    }

    /// Creates a municipality in the education sector through the API.
    pub async fn create_body(&self, admin: &Who, orgnr: &str, name: &str) {
        let new =
            json!({"orgnr": orgnr, "name": name, "kind": "kommune", "sectors": ["utdanning"]});
        let res = self
            .req(admin, Method::POST, "/api/bodies", Some(new))
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    }
}
