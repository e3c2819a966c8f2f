//! HTTP itself: the headers every API answer carries (no caching, no sniffing, a policy that
//! runs nothing, HSTS on an https site), axum's own refusals in the API's JSON error form and
//! the caller's language, the `Bearer` scheme in any case, and `Origin` with its scheme.

use crate::team;
use grunnmur_testkit::*;
use grunnmur_web::{AppState, Config};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// A server of the API whose operator gave `public_url`.
async fn app_at(public_url: &str) -> App {
    let (store, _) = testing::sqlite().await;
    let config = Config {
        public_url: Some(public_url.into()),
        ..Config::default()
    };
    let state = AppState::new(store.clone(), small_catalog(), config);
    let (listener, base) = grunnmur_testkit::browser::listen().await;
    let st = state.clone();
    tokio::spawn(async move { grunnmur_web::serve(st, listener).await.unwrap() });
    App {
        base,
        http: reqwest::Client::new(),
        store,
        state,
    }
}

fn header<'a>(res: &'a Res, name: &str) -> &'a str {
    res.headers
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or_else(|| panic!("no {name} header"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_answers_and_report_downloads_are_never_stored_sniffed_or_run() {
    for app in App::on_every_backend("api_answers_and_report_downloads_are_never_stored").await {
        let t = team(&app).await;
        let created = app
            .req(
                &t.editor,
                Method::POST,
                &format!("/api/bodies/{A}/reports"),
                Some(json!({"kind": "status"})),
            )
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
        let report = format!("/api/bodies/{A}/reports/{}", created.json()["id"]);
        let paths = [
            "/api/me".to_string(),
            format!("/api/bodies/{A}/workspace"),
            format!("/api/bodies/{A}/assessment"),
            format!("{report}?format=pdf"),
            format!("{report}?format=xlsx"),
            format!("{report}?format=html"),
            "/api/openapi.json".to_string(),
        ];
        for path in &paths {
            let res = app.req(&t.reader, Method::GET, path, None).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert_eq!(header(&res, "cache-control"), "no-store", "{path}");
            assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{path}");
            let csp = header(&res, "content-security-policy");
            assert!(
                csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
                "{path}: {csp}"
            );
            assert!(
                res.headers.get("strict-transport-security").is_none(),
                "{path}: no HSTS without an https public URL"
            );
        }
        // Refusals too.
        let res = app.req(&NOBODY, Method::GET, "/api/me", None).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(header(&res, "cache-control"), "no-store");
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_hsts_when_the_public_url_is_https() {
    let https = app_at("https://grunnmur.example.no").await;
    for (who, path, status) in [
        (&NOBODY, "/health", StatusCode::OK),
        (&NOBODY, "/api/me", StatusCode::UNAUTHORIZED),
        (&NOBODY, "/api/openapi.json", StatusCode::OK),
    ] {
        let res = https.req(who, Method::GET, path, None).await;
        assert_eq!(res.status, status, "{path}");
        let hsts = header(&res, "strict-transport-security");
        assert!(hsts.starts_with("max-age=31536000"), "{path}: {hsts}");
    }
    let http = app_at("http://grunnmur.intern").await;
    let res = http.req(&NOBODY, Method::GET, "/health", None).await;
    assert!(res.headers.get("strict-transport-security").is_none());
}

/// ASVS 14.3.3 and 14.5.3: no answer names the server's software or version, and none opens the
/// API to other origins — no CORS headers, so a page elsewhere cannot read an answer made with
/// the caller's cookie, and a preflight is not granted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_name_no_software_and_open_to_no_other_origin() {
    let app = App::start(testing::sqlite().await.0).await;
    let t = team(&app).await;
    for (who, path) in [
        (&NOBODY, "/health"),
        (&NOBODY, "/api/openapi.json"),
        (&NOBODY, "/api/me"),
        (&t.reader, "/api/me"),
    ] {
        let mut r = app
            .http
            .get(format!("{}{path}", app.base))
            .header("origin", "https://evil.example");
        if let Some(c) = &who.cookie {
            r = r.header("cookie", c);
        }
        let res = r.send().await.unwrap();
        for name in [
            "server",
            "x-powered-by",
            "access-control-allow-origin",
            "access-control-allow-credentials",
        ] {
            assert!(res.headers().get(name).is_none(), "{path}: {name}");
        }
    }
    let preflight = app
        .http
        .request(Method::OPTIONS, format!("{}/api/me", app.base))
        .header("origin", "https://evil.example")
        .header("access-control-request-method", "DELETE")
        .send()
        .await
        .unwrap();
    assert!(!preflight.status().is_success(), "{}", preflight.status());
    assert!(
        preflight
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}

/// The JSON error body: its code and its message.
fn error_of(res: &Res) -> (String, String) {
    assert!(
        header(res, "content-type").starts_with("application/json"),
        "{}: {}",
        res.status,
        res.text()
    );
    let v: Value = res.json();
    (
        v["error"].as_str().unwrap_or_default().into(),
        v["message"].as_str().unwrap_or_default().into(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axums_own_refusals_answer_in_the_apis_json_and_the_callers_language() {
    let app = App::start(testing::sqlite().await.0).await;
    let t = team(&app).await;
    let login = |ctype: &'static str, body: String, lang: Option<&'static str>| {
        let mut r = app
            .http
            .post(format!("{}/api/login", app.base))
            .header("content-type", ctype)
            .body(body);
        if let Some(l) = lang {
            r = r.header("accept-language", l);
        }
        async move {
            let res = r.send().await.unwrap();
            Res {
                status: res.status(),
                headers: res.headers().clone(),
                bytes: res.bytes().await.unwrap().to_vec(),
            }
        }
    };

    // Not JSON at all (415), JSON that does not parse (400), JSON of the wrong shape (422,
    // naming the field), a body larger than the server reads (413): each in bokmål by default.
    let res = login("text/plain", "email=a".into(), None).await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (code, message) = error_of(&res);
    assert_eq!(code, "unsupported_media_type");
    assert!(
        message.contains("Denne operasjonen leser ikke"),
        "{message}"
    );

    let res = login("application/json", "{\"email\":".into(), None).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let (code, message) = error_of(&res);
    assert_eq!(code, "bad_request");
    assert!(message.starts_with("Ugyldig forespørsel: "), "{message}");
    assert!(message.contains("line 1"), "where it broke: {message}");
    assert!(
        !message.contains("Failed to"),
        "axum's own English left out: {message}"
    );

    let res = login("application/json", json!({"email": 1}).to_string(), None).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let (code, message) = error_of(&res);
    assert_eq!(code, "invalid");
    assert!(message.contains("email"), "names the field: {message}");

    // The server answers 413 and may close before the client has written the whole body: a
    // broken pipe on the client's side is that race, not the server's answer, so try again.
    let huge = json!({"email": "a".repeat(5 << 20), "password": "x"}).to_string();
    let mut answered = None;
    for _ in 0..5 {
        let r = app
            .http
            .post(format!("{}/api/login", app.base))
            .header("content-type", "application/json")
            .body(huge.clone());
        match r.send().await {
            Ok(res) => {
                answered = Some(Res {
                    status: res.status(),
                    headers: res.headers().clone(),
                    bytes: res.bytes().await.unwrap().to_vec(),
                });
                break;
            }
            Err(e) if e.is_request() => continue,
            Err(e) => panic!("{e}"),
        }
    }
    let res = answered.expect("an answer to the oversized body");
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error_of(&res).0, "too_large");

    // In English when the caller asks for it, by Accept-Language or the language cookie.
    let res = login("application/json", "[".into(), Some("en-GB,en;q=0.9")).await;
    let (code, message) = error_of(&res);
    assert_eq!(code, "bad_request");
    assert!(message.starts_with("Bad request: "), "{message}");
    let en = Who {
        cookie: Some(format!(
            "{}; grunnmur_lang=en",
            t.editor.cookie.clone().unwrap()
        )),
        ..t.editor.clone()
    };
    let measure = format!("/api/bodies/{A}/measures/m.tilgang");
    let res = app
        .send(
            &en,
            Method::PATCH,
            &measure,
            Some(("text/plain", "x".into())),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(error_of(&res).1.starts_with("This operation does not read"));

    // In nynorsk when the caller asks for it (`nn`, `nn-NO`), by header or cookie.
    for accept in ["nn", "nn-NO,nb;q=0.8"] {
        let res = login("application/json", "[".into(), Some(accept)).await;
        let (code, message) = error_of(&res);
        assert_eq!(code, "bad_request");
        assert!(message.starts_with("Ugyldig førespurnad: "), "{message}");
    }
    let nn = Who {
        cookie: Some(format!(
            "{}; grunnmur_lang=nn",
            t.editor.cookie.clone().unwrap()
        )),
        ..t.editor.clone()
    };
    let res = app
        .send(
            &nn,
            Method::PATCH,
            &measure,
            Some(("text/plain", "x".into())),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let message = error_of(&res).1;
    assert!(
        message.starts_with("Denne operasjonen les ikkje innhald"),
        "{message}"
    );

    // A method the path does not have (405, with the methods it has), a query and a path
    // that do not parse (400, not 500).
    let res = app.req(&t.reader, Method::DELETE, "/api/me", None).await;
    assert_eq!(res.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error_of(&res).0, "method_not_allowed");
    assert!(header(&res, "allow").contains("GET"));
    let report = format!("/api/bodies/{A}/reports/1?format=pdf&format=html");
    let res = app.req(&t.reader, Method::GET, &report, None).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(error_of(&res).1.contains("format"), "{}", res.text());
    let res = app
        .req(
            &t.reader,
            Method::GET,
            &format!("/api/bodies/{A}/reports/%FF"),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.text());
    assert_eq!(error_of(&res).0, "bad_request");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bearer_scheme_is_matched_in_any_case() {
    let app = App::start(testing::sqlite().await.0).await;
    let root = app.root_token().await;
    let token = root.token.unwrap();
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let res = app
            .http
            .get(format!("{}/api/me", app.base))
            .header("authorization", format!("{scheme} {token}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{scheme}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_from_this_host_over_another_scheme_is_refused() {
    let https = app_at("https://grunnmur.example.no").await;
    let t = team(&https).await;
    let before = https.store.workspace_version(A).await.unwrap();
    let patch = |origin: &'static str| {
        let r = https
            .http
            .patch(format!("{}/api/bodies/{A}/measures/m.tilgang", https.base))
            .header("cookie", t.editor.cookie.clone().unwrap())
            .header("x-csrf-token", t.editor.csrf.clone().unwrap())
            .header("origin", origin)
            .json(&json!({"system": "s.hr", "status": "in_progress"}));
        async move { r.send().await.unwrap() }
    };
    // The same host over plain HTTP is another origin: a page there could be anyone's.
    for origin in ["http://grunnmur.example.no", "https://evil.example", "null"] {
        let res = patch(origin).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{origin}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["error"], "csrf", "{origin}");
    }
    assert_eq!(https.store.workspace_version(A).await.unwrap(), before);
    let res = patch("https://grunnmur.example.no").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        https.store.workspace_version(A).await.unwrap(),
        before.map(|v| v + 1)
    );
}
