//! The life cycle of credentials over HTTP: one's own tokens (created once, listed, revoked),
//! expiry, scope to one body and role, the idle timeout, signing out everywhere, disabled
//! accounts and membership removal — each refused at once, and each in the audit log.

use crate::{team, two_bodies};
use grunnmur_store::{NewToken, now};
use grunnmur_testkit::*;
use grunnmur_web::Config;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// A token made through `POST /api/me/tokens`, as its owner's caller, and its id.
async fn my_token(app: &App, owner: &Who, req: Value) -> (Who, i64) {
    let (s, b) = app.json(owner, Method::POST, "/api/me/tokens", req).await;
    assert_eq!(s, StatusCode::CREATED, "{b}");
    let v: Value = serde_json::from_str(&b).unwrap();
    let who = Who {
        token: Some(v["token"].as_str().unwrap().into()),
        ..NOBODY
    };
    (who, v["info"]["id"].as_i64().unwrap())
}

/// The platform-level audit entries (no body) with this action, by people (not the harness).
async fn platform_entries(app: &App, action: &str) -> usize {
    let all = app.store.audit_all().await.unwrap();
    all.iter()
        .filter(|e| e.action == action && e.orgnr.is_none() && e.actor != "test")
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_tokens_are_shown_once_listed_and_revoked_at_once() {
    for app in App::on_every_backend("own_tokens_are_shown_once_listed_and_revoked_at_once").await {
        let t = team(&app).await;
        let (token, id) = my_token(&app, &t.editor, json!({"name": "CI"})).await;
        assert_eq!(app.get(&token, "/api/me").await.0, StatusCode::OK);

        let (s, list) = app.get(&t.editor, "/api/me/tokens").await;
        assert_eq!(s, StatusCode::OK);
        let v: Value = serde_json::from_str(&list).unwrap();
        assert_eq!(v[0]["name"], "CI");
        assert_eq!(v[0]["state"], "active");
        let days = (v[0]["expires_at"].as_i64().unwrap() - now()) / 86_400;
        assert!((89..=90).contains(&days), "90 days by default: {days}");
        assert!(
            !list.contains(token.token.as_deref().unwrap()),
            "never shown again"
        );
        assert!(v[0]["last_used_at"].is_i64(), "its use is noted: {list}");

        // Another user does not see it and cannot revoke it.
        let (_, others) = app.get(&t.reader, "/api/me/tokens").await;
        assert_eq!(others, "[]");
        let path = format!("/api/me/tokens/{id}");
        let (s, _) = app.call(&t.reader, Method::DELETE, &path, None).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&token, "/api/me").await.0, StatusCode::OK);

        // A token manages no tokens: it cannot make itself a longer-lived or wider one.
        let (s, _) = app
            .json(&token, Method::POST, "/api/me/tokens", json!({}))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN);

        let (s, _) = app.call(&t.editor, Method::DELETE, &path, None).await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        assert_eq!(app.get(&token, "/api/me").await.0, StatusCode::UNAUTHORIZED);
        let (_, list) = app.get(&t.editor, "/api/me/tokens").await;
        assert!(list.contains("\"revoked\""), "{list}");

        // Bad lifetimes are refused and name the field.
        for days in [0, 366] {
            let (s, b) = app
                .json(
                    &t.editor,
                    Method::POST,
                    "/api/me/tokens",
                    json!({"expires_in_days": days}),
                )
                .await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{b}");
            assert!(b.contains("expires_in_days"), "{b}");
        }
        assert_eq!(platform_entries(&app, "token.create").await, 1);
        assert_eq!(platform_entries(&app, "token.revoke").await, 1);
    }
}

/// Issue 16, item 2: "a revoked token gets 401 at once, on every app server". Two servers over
/// one database: revoked through one, the token is refused by the other on its next request —
/// no server remembers a token it has seen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_through_one_server_is_refused_by_another_at_once() {
    for one in App::on_every_backend("a_token_revoked_through_one_server").await {
        let two = App::start(one.store.clone()).await;
        let t = team(&one).await;
        let (token, id) = my_token(&one, &t.editor, json!({"name": "CI"})).await;
        let body = format!("/api/bodies/{A}");
        for app in [&one, &two] {
            assert_eq!(app.get(&token, "/api/me").await.0, StatusCode::OK);
            assert_eq!(app.get(&token, &body).await.0, StatusCode::OK);
        }
        let path = format!("/api/me/tokens/{id}");
        let (s, _) = one.call(&t.editor, Method::DELETE, &path, None).await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        for app in [&two, &one] {
            assert_eq!(app.get(&token, "/api/me").await.0, StatusCode::UNAUTHORIZED);
            assert_eq!(app.get(&token, &body).await.0, StatusCode::UNAUTHORIZED);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_is_refused() {
    for app in App::on_every_backend("an_expired_token_is_refused").await {
        let id = app.user("x@example.no", false).await;
        let (token, hash) = grunnmur_web::auth::new_api_token();
        let t = NewToken {
            user_id: id,
            token_hash: &hash,
            name: "old",
            expires_at: now() - 1,
            scope: None,
        };
        app.store.create_token(t, "test").await.unwrap();
        let who = Who {
            token: Some(token),
            ..NOBODY
        };
        assert_eq!(app.get(&who, "/api/me").await.0, StatusCode::UNAUTHORIZED);
        let live = app.token(id).await;
        assert_eq!(app.get(&live, "/api/me").await.0, StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scoped_token_reaches_one_body_with_at_most_its_role() {
    for app in App::on_every_backend("a_scoped_token_reaches_one_body_with_at_most_its_role").await
    {
        let (_, a, _) = two_bodies(&app).await;
        let root = app.login("root@example.no").await;
        let patch = json!({"status": "implemented", "system": "s.hr"});
        let measure = |orgnr: &str| format!("/api/bodies/{orgnr}/measures/m.tilgang");

        let (reader, _) = my_token(&app, &a, json!({"body": A, "role": "reader"})).await;
        assert_eq!(
            app.get(&reader, &format!("/api/bodies/{A}")).await.0,
            StatusCode::OK
        );
        let (s, _) = app
            .json(&reader, Method::PATCH, &measure(A), patch.clone())
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "a reader token does not edit");
        let (s, _) = app
            .json(&reader, Method::PATCH, &measure(B), patch.clone())
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // A platform administrator's scoped token is not platform-wide.
        let (scoped, _) = my_token(&app, &root, json!({"body": A, "role": "editor"})).await;
        let (s, _) = app
            .json(&scoped, Method::PATCH, &measure(A), patch.clone())
            .await;
        assert_eq!(s, StatusCode::OK);
        for path in [format!("/api/bodies/{B}"), format!("/api/bodies/{A}/audit")] {
            let (s, _) = app.get(&scoped, &path).await;
            assert!(
                s == StatusCode::NOT_FOUND || s == StatusCode::FORBIDDEN,
                "{path}: {s}"
            );
        }
        let (_, list) = app.get(&scoped, "/api/bodies").await;
        assert!(list.contains(A) && !list.contains(B), "{list}");
        let new = json!({"orgnr": "889640782", "name": "Ny", "kind": "stat"});
        let (s, _) = app.json(&scoped, Method::POST, "/api/bodies", new).await;
        assert_eq!(s, StatusCode::FORBIDDEN);

        // Never more than one's own role; never a body one has no part in.
        let b_path = "/api/me/tokens";
        let reader_of_a = app.user("r@example.no", false).await;
        app.store
            .grant(reader_of_a, A, grunnmur_store::Role::Reader, "t")
            .await
            .unwrap();
        let r = app.login("r@example.no").await;
        let (s, b) = app
            .json(
                &r,
                Method::POST,
                b_path,
                json!({"body": A, "role": "editor"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{b}");
        assert!(b.contains("\"refused\""), "{b}");
        let (s, _) = app
            .json(
                &r,
                Method::POST,
                b_path,
                json!({"body": B, "role": "reader"}),
            )
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = app
            .json(&r, Method::POST, b_path, json!({"role": "reader"}))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "a role needs a body");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_session_is_signed_out() {
    let (store, _) = grunnmur_testkit::testing::sqlite().await;
    let config = Config {
        idle_seconds: 1,
        ..Config::default()
    };
    let app = App::start_with(store, config).await;
    app.user("x@example.no", false).await;
    let who = app.login("x@example.no").await;
    assert_eq!(app.get(&who, "/api/me").await.0, StatusCode::OK);
    // Longer than the idle timeout, much shorter than the session's lifetime.
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(app.get(&who, "/api/me").await.0, StatusCode::UNAUTHORIZED);

    // With the default timeout, the same pause signs nobody out.
    let (store, _) = grunnmur_testkit::testing::sqlite().await;
    let app = App::start(store).await;
    app.user("x@example.no", false).await;
    let who = app.login("x@example.no").await;
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(app.get(&who, "/api/me").await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_everywhere_ends_every_session() {
    for app in App::on_every_backend("signing_out_everywhere_ends_every_session").await {
        app.user("x@example.no", false).await;
        app.user("y@example.no", false).await;
        let (one, two) = (
            app.login("x@example.no").await,
            app.login("x@example.no").await,
        );
        let other = app.login("y@example.no").await;
        let (s, _) = app
            .call(&one, Method::DELETE, "/api/me/sessions", None)
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        for who in [&one, &two] {
            assert_eq!(app.get(who, "/api/me").await.0, StatusCode::UNAUTHORIZED);
        }
        assert_eq!(app.get(&other, "/api/me").await.0, StatusCode::OK);
        assert_eq!(platform_entries(&app, "logout").await, 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_user_is_refused_at_once() {
    for app in App::on_every_backend("a_disabled_user_is_refused_at_once").await {
        let t = team(&app).await;
        let root_id = app
            .store
            .user_by_email("root@example.no")
            .await
            .unwrap()
            .unwrap()
            .id;
        let root = app.token(root_id).await;
        let id = app
            .store
            .user_by_email("editor@example.no")
            .await
            .unwrap()
            .unwrap()
            .id;
        let token = app.token(id).await;
        let path = "/api/platform/users/editor@example.no";
        let (s, _) = app
            .json(&t.admin, Method::PATCH, path, json!({"disabled": true}))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "platform administrators only");

        let (s, b) = app
            .json(&root, Method::PATCH, path, json!({"disabled": true}))
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        for who in [&t.editor, &token] {
            assert_eq!(app.get(who, "/api/me").await.0, StatusCode::UNAUTHORIZED);
        }
        let login = json!({"email": "editor@example.no", "password": PASSWORD});
        let (s, _) = app.json(&NOBODY, Method::POST, "/api/login", login).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED, "no sign-in");

        let (s, _) = app
            .json(&root, Method::PATCH, path, json!({"disabled": false}))
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(app.get(&token, "/api/me").await.0, StatusCode::OK);
        app.login("editor@example.no").await;

        let me = "/api/platform/users/root@example.no";
        let (s, b) = app
            .json(&root, Method::PATCH, me, json!({"disabled": true}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "not one's own account: {b}");
        assert_eq!(platform_entries(&app, "user.disable").await, 1);
        assert_eq!(platform_entries(&app, "user.enable").await, 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_are_removed_but_never_the_last_admin() {
    for app in App::on_every_backend("members_are_removed_but_never_the_last_admin").await {
        let t = team(&app).await;
        let member = |email: &str| format!("/api/bodies/{A}/members/{email}");
        let (s, _) = app
            .call(
                &t.editor,
                Method::DELETE,
                &member("reader@example.no"),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "admins only");

        let (s, b) = app
            .call(&t.admin, Method::DELETE, &member("admin@example.no"), None)
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{b}");
        assert!(
            b.contains("\"refused\"") && b.contains("siste administrator"),
            "{b}"
        );

        let (s, _) = app
            .call(&t.admin, Method::DELETE, &member("editor@example.no"), None)
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT);
        let (s, _) = app.get(&t.editor, &format!("/api/bodies/{A}")).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "no longer a member");
        let (s, _) = app
            .call(&t.admin, Method::DELETE, &member("editor@example.no"), None)
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        let entries = app.store.audit_for(A).await.unwrap();
        assert_eq!(
            entries
                .iter()
                .filter(|e| e.action == "member.remove")
                .count(),
            1
        );
    }
}
