//! Signed baseline attestations through the API (rule 18): issued by a body's administrator
//! from its assessment, verifiable by anyone with the published keys, revoked onto a signed
//! revocation list; refused for other roles and bodies, and for bad input, with nothing kept.

use crate::{team, two_bodies};
use grunnmur_attest::{Jwks, VerifyError};
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn keys(app: &App) -> Jwks {
    let (s, body) = app.get(&NOBODY, "/.well-known/jwks.json").await;
    assert_eq!(s, StatusCode::OK, "the keys are public: {body}");
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn an_attestation_verifies_with_the_published_keys_until_it_is_revoked() {
    for app in App::on_every_backend("an_attestation_verifies_with_the_published_keys").await {
        let t = team(&app).await;
        let path = format!("/api/bodies/{A}/attestations");
        let (s, body) = app
            .json(
                &t.admin,
                Method::POST,
                &path,
                json!({"systems": ["s.hr"], "months": 6}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{body}");
        let issued: Value = serde_json::from_str(&body).unwrap();
        let token = issued["token"].as_str().unwrap().to_string();
        let id = issued["id"].as_str().unwrap().to_string();

        // Anyone verifies it with the published keys, offline.
        let jwks = keys(&app).await;
        let now = grunnmur_store::now();
        let v = grunnmur_attest::verify(&token, &jwks.keys, now, None).unwrap();
        let a = &v.attestation;
        assert_eq!((a.sub.as_str(), a.jti.as_str()), (A, id.as_str()));
        assert_eq!(
            a.scope,
            grunnmur_attest::Scope::Systems(vec!["s.hr".into()])
        );
        assert_eq!(a.issued_by, "admin@example.no");
        assert_eq!(a.valid_until, issued["valid_until"]);
        assert!(a.baselines.iter().map(|b| b.required).sum::<usize>() > 0);
        // A changed byte of the payload breaks it.
        let parts: Vec<&str> = token.split('.').collect();
        let mut payload = parts[1].to_string();
        let last = payload.pop().unwrap();
        payload.push(if last == 'A' { 'B' } else { 'A' });
        let forged = format!("{}.{payload}.{}", parts[0], parts[2]);
        assert!(grunnmur_attest::verify(&forged, &jwks.keys, now, None).is_err());

        // Every member reads the list; the token is in it.
        let (s, list) = app.get(&t.reader, &path).await;
        assert_eq!(s, StatusCode::OK);
        let list: Value = serde_json::from_str(&list).unwrap();
        assert_eq!(list[0]["id"], id.as_str());
        assert_eq!(list[0]["token"], token.as_str());
        assert_eq!(list[0]["systems"], json!(["s.hr"]));

        // Revoked: on the signed list, and verification says so.
        let revoke = format!("{path}/{id}/revoke");
        let (s, body) = app
            .json(
                &t.admin,
                Method::POST,
                &revoke,
                json!({"reason": "Feil system"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let res = app
            .send(
                &NOBODY,
                Method::GET,
                "/.well-known/attestation-revocations",
                None,
            )
            .await;
        assert_eq!(res.status, StatusCode::OK);
        let list = grunnmur_attest::verify_revocations(&res.text(), &jwks.keys).unwrap();
        assert!(list.revoked.iter().any(|r| r.jti == id));
        let e = grunnmur_attest::verify(&token, &jwks.keys, now, Some(&list)).unwrap_err();
        assert!(matches!(e, VerifyError::Revoked { .. }), "{e:?}");
        // Once is enough.
        let (s, _) = app
            .json(&t.admin, Method::POST, &revoke, json!({"reason": "igjen"}))
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let audit = app.store.audit_for(A).await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
        assert!(actions.contains(&"attestation.issue") && actions.contains(&"attestation.revoke"));
    }
}

#[tokio::test]
async fn only_a_bodys_administrators_issue_and_revoke_and_bad_input_keeps_nothing() {
    for app in App::on_every_backend("only_a_bodys_administrators_issue_and_revoke").await {
        let (_, a, b) = two_bodies(&app).await;
        let path = format!("/api/bodies/{A}/attestations");
        // Another body's administrator: not found, for every route.
        let (s, _) = app.get(&b, &path).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = app.json(&b, Method::POST, &path, json!({})).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        // Bad input at its field, nothing kept.
        for (req, field) in [
            (json!({"months": 0}), "months"),
            (json!({"months": 37}), "months"),
            (json!({"systems": ["s.finnes-ikke"]}), "systems"),
        ] {
            let (s, body) = app.json(&a, Method::POST, &path, req).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            let v: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(v["problems"][0]["field"], field, "{body}");
        }
        let (s, _) = app
            .json(&a, Method::POST, &path, json!({"scope": "all"}))
            .await;
        assert!(s.is_client_error());
        assert!(app.store.attestations(A).await.unwrap().is_empty());
        // The body's attestation cannot be revoked by the other body.
        let (s, body) = app.json(&a, Method::POST, &path, json!({})).await;
        assert_eq!(s, StatusCode::CREATED);
        let id = serde_json::from_str::<Value>(&body).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let revoke = format!("{path}/{id}/revoke");
        let (s, _) = app
            .json(&b, Method::POST, &revoke, json!({"reason": "x"}))
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let (s, _) = app
            .json(&a, Method::POST, &revoke, json!({"reason": " "}))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            app.store.attestations(A).await.unwrap()[0]
                .revoked_at
                .is_none()
        );
    }
}

#[tokio::test]
async fn editors_and_readers_may_not_issue() {
    for app in App::on_every_backend("editors_and_readers_may_not_issue").await {
        let t = team(&app).await;
        let path = format!("/api/bodies/{A}/attestations");
        for who in [&t.editor, &t.reader] {
            let (s, _) = app.json(who, Method::POST, &path, json!({})).await;
            assert_eq!(s, StatusCode::FORBIDDEN);
        }
    }
}
