//! Catalog releases: published once, checked with every problem at its file and line, and a
//! body moved only when its administrator chooses and its workspace fits.

use crate::two_bodies;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// The small catalog's file, with another version and, optionally, a change.
fn small_release(version: &str, change: impl Fn(String) -> String) -> Value {
    let text = small_catalog_file(version);
    json!({"files": [{"name": "catalog/catalog.yaml", "text": change(text)}]})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn catalog_releases_are_published_once_and_bodies_move_when_their_admin_chooses() {
    for app in App::on_every_backend(
        "catalog_releases_are_published_once_and_bodies_move_when_their_admin_chooses",
    )
    .await
    {
        let db = app.store.backend();
        let (root_admin, a, b_user) = two_bodies(&app).await;
        let releases = "/api/catalog/releases";

        // Only catalog editors and platform administrators publish.
        let (s, _) = app
            .json(&a, Method::POST, releases, small_release("1.1", |t| t))
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{db}");
        // A broken catalog: every problem with file and line, nothing published.
        let broken = small_release("1.1", |t| {
            t.replace(
                "info_types: [okonomi.faktura",
                "info_types: [okonomi.finnes-ikke",
            )
        });
        let (s, b) = app.json(&root_admin, Method::POST, releases, broken).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(
            v["problems"][0]["file"], "catalog/catalog.yaml",
            "{db}: {b}"
        );
        assert!(v["problems"][0]["line"].as_u64().unwrap() > 1, "{db}: {b}");
        assert!(app.store.releases().await.unwrap().is_empty(), "{db}");

        // 1.1 rates the budget as confidential (high): systems with finance data go up.
        let secret_budget = |t: String| {
            t.replace(
                "id: okonomi.budsjett, name: {nb: \"Budsjett\", en: \"Budget\"}, levels: {c: lav",
                "id: okonomi.budsjett, name: {nb: \"Budsjett\", en: \"Budget\"}, levels: {c: høy",
            )
        };
        let (s, b) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("1.1", secret_budget),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {b}");
        let (s, _) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("1.1", secret_budget),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::OK,
            "{db}: the same files again change nothing"
        );
        let (s, b) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("1.1", |t| t),
            )
            .await;
        assert_eq!(
            s,
            StatusCode::CONFLICT,
            "{db}: a published version never changes: {b}"
        );
        // 2.0 drops the school task body A uses.
        let no_school = |t: String| {
            t.lines()
                .filter(|l| !l.contains("id: kommune.skole"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let (s, b) = app
            .json(
                &root_admin,
                Method::POST,
                releases,
                small_release("2.0", no_school),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {b}");
        let (s, b) = app.get(&a, releases).await;
        assert_eq!(s, StatusCode::OK, "{db}");
        let listed: Vec<Value> = serde_json::from_str(&b).unwrap();
        assert_eq!(listed.len(), 2, "{db}: {b}");

        // The body sees its release and what each other one would change.
        let path = format!("/api/bodies/{A}/catalog-release");
        let (s, b) = app.get(&a, &path).await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        assert_eq!(
            (v["catalog_id"].as_str(), v["version"].as_str()),
            (Some("liten"), Some("1.0")),
            "{db}"
        );
        assert_eq!(v["others"].as_array().unwrap().len(), 2, "{db}");
        assert!(
            b.contains("okonomi.budsjett") && b.contains("kommune.skole"),
            "{db}: {b}"
        );

        // What 1.1 changes for this body: its finance system's confidentiality goes up; 2.0
        // does not fit the workspace (every problem, 422); no version is 400; an unknown 404.
        let impact = |q: &str| {
            let url = format!("{path}/impact{q}");
            let (app, a) = (&app, &a);
            async move { app.get(a, &url).await }
        };
        let (s, b) = impact("?version=1.1").await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        let fin = (v["systems"].as_array().unwrap().iter())
            .find(|x| x["id"] == "s.okonomi")
            .expect(&b);
        assert_eq!(
            (
                fin["levels_before"]["c"].as_str(),
                fin["levels_after"]["c"].as_str()
            ),
            (Some("middels"), Some("høy")),
            "{db}: {b}"
        );
        assert!(fin["name"].as_str().is_some_and(|n| !n.is_empty()), "{b}");
        assert_eq!(v["org"]["levels_after"]["c"], "høy", "{db}: {b}");
        let (s, b) = impact("?version=2.0").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {b}");
        assert!(b.contains("kommune.skole"), "{db}: {b}");
        assert_eq!(impact("").await.0, StatusCode::BAD_REQUEST, "{db}");
        assert_eq!(
            impact("?version=9.9").await.0,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        // Another body's member is refused.
        let other = app
            .get(&b_user, &format!("{path}/impact?version=1.1"))
            .await
            .0;
        assert_eq!(other, StatusCode::NOT_FOUND, "{db}");

        let before: Value =
            serde_json::from_str(&app.get(&a, &format!("/api/bodies/{A}/assessment")).await.1)
                .unwrap();
        assert_eq!(
            find_system(&before, "s.okonomi").unwrap()["levels"]["c"],
            "middels",
            "{db}"
        );

        let pin = |version: &str| {
            let to = json!({"catalog_id": "liten", "version": version});
            app.json(&a, Method::PUT, &path, to)
        };
        // A release the workspace does not fit: every problem, nothing changed.
        let (s, b) = pin("2.0").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {b}");
        assert!(b.contains("kommune.skole"), "{db}: {b}");
        assert_eq!(
            app.store.body(A).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
        // One never published: not found.
        let (s, _) = pin("9.9").await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{db}");

        // 1.1 fits: the body moves, and the engine's result follows at once.
        let (s, b) = pin("1.1").await;
        assert_eq!(s, StatusCode::OK, "{db}: {b}");
        let after: Value =
            serde_json::from_str(&app.get(&a, &format!("/api/bodies/{A}/assessment")).await.1)
                .unwrap();
        assert_eq!(after["catalog"]["version"], "1.1", "{db}");
        assert_eq!(
            find_system(&after, "s.okonomi").unwrap()["levels"]["c"],
            "høy",
            "{db}"
        );
        assert!(
            find_system(&after, "s.okonomi").unwrap()["required_measures"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m == "m.kryptering"),
            "{db}: {after}"
        );
        // Body B stays where it was.
        assert_eq!(
            app.store.body(B).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
        let audit = app.store.audit_for(A).await.unwrap();
        assert_eq!(audit.last().unwrap().action, "body.pin_release", "{db}");
    }
}
