//! The API and the pages on a free port, as `grunnmur serve` serves them, and a browser's plain
//! requests: it follows no redirects (the tests see them) and signs in through the login form.

use crate::fixtures::{PASSWORD, add_small_body, small_catalog};
use grunnmur_store::Storage;
use grunnmur_web::{AppState, Config};
use reqwest::{Client, StatusCode, redirect};
use std::sync::Arc;

/// A free port and the base URL on it.
pub async fn listen() -> (tokio::net::TcpListener, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    (listener, base)
}

/// A server of the API and the pages with the small catalog.
pub struct Site {
    pub base: String,
    pub http: Client,
    pub store: Arc<dyn Storage>,
}

/// A signed-in browser: its session cookie and the session's CSRF token.
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

impl Site {
    /// Serves the API and the pages over `store`, with a body of the small municipality's
    /// workspace for each orgnr in `bodies`. `configure` may change the state before it is
    /// served; it gets the base URL.
    pub async fn start(
        store: Arc<dyn Storage>,
        bodies: &[&str],
        configure: impl FnOnce(AppState, &str) -> AppState,
    ) -> Site {
        let catalog = small_catalog();
        let (listener, base) = listen().await;
        let state = AppState::new(store.clone(), catalog.clone(), Config::default())
            .with_attest_key(crate::test_key());
        let state = configure(state, &base);
        tokio::spawn(async move {
            grunnmur_web::serve_with(state, listener, grunnmur_ui::routes())
                .await
                .unwrap()
        });
        for orgnr in bodies {
            add_small_body(&store, &catalog, orgnr).await;
        }
        Site {
            base,
            http: browser(),
            store,
        }
    }

    pub async fn get(&self, cookie: &str, path: &str) -> (StatusCode, String) {
        let res = self
            .http
            .get(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        (res.status(), res.text().await.unwrap())
    }

    pub async fn post(&self, cookie: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Posts a multipart form as a browser sends a file upload: text fields, then one file.
    pub async fn upload(
        &self,
        cookie: &str,
        path: &str,
        fields: &[(&str, &str)],
        (field, file_name, data): (&str, &str, Vec<u8>),
    ) -> reqwest::Response {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        let part = reqwest::multipart::Part::bytes(data).file_name(file_name.to_string());
        form = form.part(field.to_string(), part);
        self.http
            .post(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .multipart(form)
            .send()
            .await
            .unwrap()
    }

    /// Signs in through the login form with [`PASSWORD`], as a browser does.
    pub async fn login(&self, email: &str) -> Session {
        let res = self
            .http
            .get(format!("{}/login", self.base))
            .send()
            .await
            .unwrap();
        let pre = set_cookie(&res, "grunnmur_login").expect("login form sets its token cookie");
        let token = csrf_in(&res.text().await.unwrap());
        let res = self
            .post(
                &pre,
                "/login",
                &[
                    ("csrf", &token),
                    ("next", "/"),
                    ("email", email),
                    ("password", PASSWORD),
                ],
            )
            .await;
        let mut res = res;
        // A platform administrator of `add_platform_admin`: the code step after the password.
        if res.status() == StatusCode::OK {
            let html = res.text().await.unwrap();
            let at = html
                .find("name=\"challenge\" value=\"")
                .expect("the code step")
                + 24;
            let challenge = html[at..].split('"').next().unwrap().to_string();
            let mut accepted = None;
            for code in crate::fixtures::totp_codes() {
                let form = [
                    ("csrf", token.as_str()),
                    ("next", "/"),
                    ("challenge", challenge.as_str()),
                    ("code", code.as_str()),
                ];
                let answer = self.post(&pre, "/login/code", &form).await;
                if answer.status() == StatusCode::SEE_OTHER {
                    accepted = Some(answer);
                    break;
                }
            }
            res = accepted.expect("the second factor accepted");
        }
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "login {email}");
        let cookie = set_cookie(&res, "grunnmur_session").expect("session cookie");
        let (_, html) = self.get(&cookie, "/bodies").await;
        Session {
            csrf: csrf_in(&html),
            cookie,
        }
    }

    /// The stored version of a body's workspace.
    pub async fn version(&self, orgnr: &str) -> i64 {
        self.store.workspace_version(orgnr).await.unwrap().unwrap()
    }
}

/// A browser that does not follow redirects, so the tests see them.
pub fn browser() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .unwrap()
}

/// The CSRF token of the first form on a page.
pub fn csrf_in(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token")
        + 19;
    html[at..].split('"').next().unwrap().to_string()
}

/// Where a redirect leads.
pub fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
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
