//! Catalog owners and editors per owner (issue 14): an editor of one owner publishes and
//! calibrates as any catalog editor does and is told their owners; a new release must name its
//! owners; a release published before owners were named still reads and still assesses.

use crate::two_bodies;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn release(text: String) -> Value {
    json!({"files": [{"name": "catalog/catalog.yaml", "text": text}]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_of_one_owner_publishes_and_calibrates_and_is_told_the_owners() {
    for app in App::on_every_backend(
        "an_editor_of_one_owner_publishes_and_calibrates_and_is_told_the_owners",
    )
    .await
    {
        let db = app.store.backend();
        let id = app.user("nsm@example.no", false).await;
        let owners = ["nsm".to_string()];
        app.store
            .set_catalog_editor(id, Some(&owners), "test")
            .await
            .unwrap();
        let editor = app.login("nsm@example.no").await;
        let (s, b) = app.get(&editor, "/api/me").await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let me: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(me["catalog_editor"], true, "{db}");
        assert_eq!(me["catalog_owners"], json!(["nsm"]), "{db}: {b}");

        // The checks that were there keep working for an editor of any owner.
        let (s, b) = app.get(&editor, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let releases = "/api/catalog/releases";
        let (s, b) = app
            .json(
                &editor,
                Method::POST,
                releases,
                release(small_catalog_file("1.1")),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {b}");

        // A new release without its owners: every entry at its line, nothing published.
        let (s, b) = app
            .json(
                &editor,
                Method::POST,
                releases,
                release(small_catalog_file_without_owners("1.2")),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        let missing: Vec<&Value> = (v["problems"].as_array().unwrap().iter())
            .filter(|p| p["code"] == "missing-owner")
            .collect();
        // 7 information types, 3 tasks, 7 measures, 1 profile.
        assert_eq!(missing.len(), 18, "{db}: {b}");
        assert!(
            missing.iter().all(|p| p["file"] == "catalog/catalog.yaml"
                && p["line"].as_u64().unwrap() > 2
                && p["severity"] == "error"),
            "{db}: {b}"
        );
        let listed = app.store.releases().await.unwrap();
        assert!(listed.iter().all(|r| r.version != "1.2"), "{db}");

        // An editor of every owner: no owners named.
        let all = app.user("alle@example.no", false).await;
        app.store
            .set_catalog_editor(all, Some(&[]), "test")
            .await
            .unwrap();
        let all = app.login("alle@example.no").await;
        let me: Value = serde_json::from_str(&app.get(&all, "/api/me").await.1).unwrap();
        assert_eq!(
            (&me["catalog_editor"], &me["catalog_owners"]),
            (&json!(true), &json!([])),
            "{db}"
        );
        // Someone who is not one: neither.
        app.user("ingen@example.no", false).await;
        let nobody = app.login("ingen@example.no").await;
        let (s, _) = app.get(&nobody, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{db}");
        let me: Value = serde_json::from_str(&app.get(&nobody, "/api/me").await.1).unwrap();
        assert_eq!(
            (&me["catalog_editor"], &me["catalog_owners"]),
            (&json!(false), &json!([])),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_release_published_before_owners_were_named_still_reads_and_assesses() {
    for app in App::on_every_backend(
        "a_release_published_before_owners_were_named_still_reads_and_assesses",
    )
    .await
    {
        let db = app.store.backend();
        let (_, a, _) = two_bodies(&app).await;
        // Published back then: the files as they were, stored as they were.
        let files = json!([{"name": "catalog/catalog.yaml",
            "text": small_catalog_file_without_owners("0.9")}]);
        app.store
            .publish_release("liten", "0.9", &files.to_string(), "then")
            .await
            .unwrap();
        let (s, b) = app.get(&a, "/api/catalog/releases/liten/0.9").await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let doc: Value = serde_json::from_str(&b).unwrap();
        assert!(doc.get("owners").is_none(), "{db}: {b}");
        assert_eq!(doc["measures"].as_array().unwrap().len(), 7, "{db}");
        assert!(doc["measures"][0].get("owner").is_none(), "{db}");

        // The body sees what moving there would change (owners among it) and moves.
        let path = format!("/api/bodies/{A}/catalog-release");
        let (s, b) = app.get(&a, &path).await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        assert!(b.contains("\"0.9\""), "{db}: {b}");
        let to = json!({"catalog_id": "liten", "version": "0.9"});
        let (s, b) = app.json(&a, Method::PUT, &path, to).await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let (s, b) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(v["catalog"]["version"], "0.9", "{db}");
        assert!(find_system(&v, "s.okonomi").is_some(), "{db}: {b}");
    }
}
