//! Authentication, CSRF and tenant isolation on every route of the OpenAPI document.

use crate::two_bodies;
use grunnmur_store::Role;
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

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
    for app in App::on_every_backend("health_names_the_database").await {
        let (s, b) = app.get(&NOBODY, "/health").await;
        assert_eq!(s, StatusCode::OK);
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(v, json!({"status": "ok", "database": app.store.backend()}));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_is_3_1_and_lists_the_api() {
    let app = App::start(sqlite().await.0).await;
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
    for app in App::on_every_backend("unauthenticated_requests_are_refused_on_every_route").await {
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
            // Public: health, the API's document, signing in, and what anyone needs to verify
            // an attestation offline (the keys and the signed revocation list).
            let public = [
                "/health",
                "/api/openapi.json",
                "/api/login",
                "/.well-known/jwks.json",
                "/.well-known/attestation-revocations",
            ];
            if public.contains(&path.as_str()) {
                continue;
            }
            let concrete = path
                .replace("{orgnr}", A)
                .replace("{measure_id}", "m.tilgang")
                .replace("{system}", "s.hr")
                .replace("{file}", "measure-bank.json");
            for who in [&NOBODY, &forged, &bad_token] {
                let (s, _) = app
                    .call(who, method.clone(), &concrete, sample_body(&method, &path))
                    .await;
                assert_eq!(s, StatusCode::UNAUTHORIZED, "{method} {concrete}");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_of_one_body_never_gets_another_bodys_data() {
    for app in App::on_every_backend("a_user_of_one_body_never_gets_another_bodys_data").await {
        let (_, a, _) = two_bodies(&app).await;
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
                .replace("{email}", "b@example.no")
                .replace("{system}", "s.hemmelig")
                .replace("{file}", "measure-bank.json");
            for who in [&a, &a_token] {
                let (s, body) = app
                    .call(who, method.clone(), &concrete, sample_body(&method, &path))
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
    for app in App::on_every_backend("roles_limit_what_members_may_do").await {
        two_bodies(&app).await;
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
    for app in App::on_every_backend("changes_with_a_session_need_the_csrf_token").await {
        let (_, a, _) = two_bodies(&app).await;
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
            app.call(&a, Method::POST, "/api/logout", None).await.0,
            StatusCode::NO_CONTENT
        );
        assert_eq!(app.get(&a, "/api/me").await.0, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_is_rate_limited_per_account() {
    for app in App::on_every_backend("login_is_rate_limited_per_account").await {
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
