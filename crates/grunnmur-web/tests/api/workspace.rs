//! Workspaces and bodies: nothing stored half, every problem named, the engine's assessment,
//! and a change seen through every server on the same database.

use crate::two_bodies;
use grunnmur_store::Storage;
use grunnmur_testkit::testing::{note_postgres_skipped, postgres};
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_workspaces_are_refused_whole_with_every_problem() {
    for app in
        App::on_every_backend("invalid_workspaces_are_refused_whole_with_every_problem").await
    {
        let (_, a, _) = two_bodies(&app).await;
        let before = app.store.workspace(A).await.unwrap().unwrap();
        let broken = small_body()
            .replace("{task: kommune.skole}", "{task: kommune.finnes-ikke}")
            .replace("status: not_applicable, justification: \"Identitetsløsningen sikkerhetskopieres hos leverandøren.\"", "status: not_applicable");
        let (s, b) = app
            .call(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/yaml", broken)),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        let v: Value = serde_json::from_str(&b).unwrap();
        let problems = v["problems"].as_array().unwrap();
        assert!(problems.len() >= 2, "{b}");
        assert!(
            problems
                .iter()
                .all(|p| p["line"].as_u64().unwrap() > 0
                    && !p["message"].as_str().unwrap().is_empty())
        );
        assert!(
            problems
                .iter()
                .any(|p| p["code"] == "missing-justification")
        );
        let (s, b) = app
            .call(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/json", "{\"org\": [".into())),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        // A status change that breaks the rules is refused too.
        let (s, _) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.tilgang"),
                json!({"status": "not_applicable", "system": "s.hr"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, _) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.finnes-ikke"),
                json!({"status": "implemented", "system": "s.hr"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app.store.workspace(A).await.unwrap().unwrap(),
            before,
            "nothing stored"
        );
        // Messages follow Accept-Language.
        let res = app
            .http
            .get(format!("{}/api/me", app.base))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        let v: Value = res.json().await.unwrap();
        assert!(
            v["message"].as_str().unwrap().contains("not logged in"),
            "{v}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_round_trips_and_the_assessment_is_the_engines() {
    for app in
        App::on_every_backend("workspace_round_trips_and_the_assessment_is_the_engines").await
    {
        let (_, a, _) = two_bodies(&app).await;
        let (s, stored) = app.get(&a, &format!("/api/bodies/{A}/workspace")).await;
        assert_eq!(s, StatusCode::OK);
        let src = grunnmur_catalog::Source {
            name: "k.yaml".into(),
            text: small_body(),
        };
        let cat = small_catalog();
        let (doc, ws) = grunnmur_catalog::read_body(&src, &cat.catalog).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&stored).unwrap(),
            serde_json::to_value(&doc).unwrap()
        );
        // PUT what GET gave: the same document.
        let (s, _) = app
            .call(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/workspace"),
                Some(("application/json", stored.clone())),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            app.get(&a, &format!("/api/bodies/{A}/workspace")).await.1,
            stored
        );

        let (s, got) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
        assert_eq!(s, StatusCode::OK);
        let today = grunnmur_web::state::today();
        let report = grunnmur_core::report::AssessReport::new(
            &cat.catalog,
            &ws,
            &grunnmur_core::assess(&cat.catalog, &ws, today),
            today,
        );
        assert_eq!(
            serde_json::from_str::<Value>(&got).unwrap(),
            serde_json::to_value(&report).unwrap()
        );

        // A status change shows in the next assessment, and in the audit log.
        let patch = json!({"status": "not_applicable", "system": "s.skole", "justification": "Ikke aktuelt", "owner": "Rektor"});
        let (s, b) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.backup"),
                patch,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let (_, got) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
        let v: Value = serde_json::from_str(&got).unwrap();
        let skole = v["risk_assessment_needed"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["object"] == "system:s.skole")
            .unwrap();
        assert!(
            skole["reasons"]
                .as_array()
                .unwrap()
                .contains(&json!("not_applicable")),
            "{skole}"
        );
        let (_, audit) = app.get(&a, &format!("/api/bodies/{A}/audit")).await;
        let audit: Value = serde_json::from_str(&audit).unwrap();
        let last = audit.as_array().unwrap().last().unwrap();
        assert_eq!(last["action"], "measure_status.set");
        assert_eq!(last["actor"], "a@example.no");
        assert!(
            last["before"].as_str().unwrap().len() > 10
                && last["after"].as_str().unwrap().contains("Rektor")
        );
        assert_eq!(
            grunnmur_store::verify_chain(&app.store.audit_all().await.unwrap()).map(|n| n > 5),
            Ok(true)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creating_bodies_checks_the_orgnr_and_refuses_duplicates() {
    for app in
        App::on_every_backend("creating_bodies_checks_the_orgnr_and_refuses_duplicates").await
    {
        let (admin, _, _) = two_bodies(&app).await;
        let (s, b) = app
            .json(
                &admin,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": "123456789", "name": "x", "kind": "stat"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b.contains("invalid-orgnr"), "{b}");
        let (s, _) = app
            .json(
                &admin,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": A, "name": "x", "kind": "kommune"}),
            )
            .await;
        assert_eq!(s, StatusCode::CONFLICT);
        let (s, _) = app
            .json(
                &admin,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": "889640782", "name": "x", "kind": "region"}),
            )
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        assert!(app.store.body("123456789").await.unwrap().is_none());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_one_server_is_seen_through_another() {
    let Some((s1, schema)) = postgres().await else {
        note_postgres_skipped("a_change_through_one_server_is_seen_through_another");
        return;
    };
    let one = App::start(s1).await;
    let (_, a, _) = two_bodies(&one).await;
    // A second server on the same schema.
    let url = grunnmur_store::testing::postgres_url().unwrap();
    let opts = url
        .parse::<sqlx_opts::PgConnectOptions>()
        .unwrap()
        .options([("search_path", schema.as_str())]);
    let s2: Arc<dyn Storage> = Arc::new(grunnmur_store::PgStore::connect_with(opts).await.unwrap());
    let two = App::start(s2).await;
    let path = format!("/api/bodies/{A}/assessment");
    let (_, first) = two.get(&a, &path).await;
    let patch = json!({"status": "not_applicable", "system": "s.hr", "justification": "Dekket av leverandør"});
    assert_eq!(
        one.json(
            &a,
            Method::PATCH,
            &format!("/api/bodies/{A}/measures/m.tilgang"),
            patch
        )
        .await
        .0,
        StatusCode::OK
    );
    let (_, second) = two.get(&a, &path).await;
    assert_ne!(
        first, second,
        "server two's cache saw the change made through server one"
    );
    assert!(second.contains("not_applicable"));
    drop(one.state);
}

mod sqlx_opts {
    pub use grunnmur_store::PgConnectOptions;
}

/// Issue 16: a body file nested 3,000 levels deep in block style (~6 KB) overflowed the stack
/// and aborted the server for every body; a 1.5 MB system name was stored, twice over in the
/// audit log. Both are refused with 422 naming the place, nothing is stored, and the server
/// answers the next request.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deep_documents_and_long_texts_are_refused_and_the_server_lives_on() {
    for app in App::on_every_backend("deep_documents_and_long_texts_are_refused").await {
        let (root, a, _) = two_bodies(&app).await;
        let before = app.store.workspace(A).await.unwrap().unwrap();
        let audit = app.store.audit_for(A).await.unwrap().len();
        let path = format!("/api/bodies/{A}/workspace");
        let deep_block = format!("{}x\n", "- ".repeat(3000));
        let deep_json = format!("{}{}", "[".repeat(3000), "]".repeat(3000));
        let deep_map: String = (0..100).map(|n| format!("{}k:\n", " ".repeat(n))).collect();
        for (ctype, body) in [
            ("application/yaml", deep_block),
            ("application/json", deep_json),
            ("application/yaml", deep_map),
        ] {
            let (s, b) = app.call(&a, Method::PUT, &path, Some((ctype, body))).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
            let v: Value = serde_json::from_str(&b).unwrap();
            let p = &v["problems"][0];
            assert_eq!(p["code"], "syntax", "{b}");
            assert!(p["line"].as_u64().unwrap() >= 1, "{b}");
            // Our limit (64 levels), or for flow style saphyr's scanner's, whichever is first.
            let msg = p["message"].as_str().unwrap();
            assert!(msg.contains("64") || msg.contains("recursion limit"), "{b}");
        }
        // 1.5 MB as a system's name: the field is named, the text is not repeated.
        let name = "x".repeat(1_500_000);
        let long = small_body().replacen("name: \"HR-system\"", &format!("name: {name}"), 1);
        assert_ne!(long, small_body(), "the fixture names its system HR-system");
        let res = app.put_workspace(&a, A, long).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let v = res.json();
        let problems = v["problems"].as_array().unwrap();
        assert_eq!(problems.len(), 1, "{v}");
        assert_eq!(problems[0]["code"], "too-long");
        let msg = problems[0]["message"].as_str().unwrap();
        assert!(
            msg.contains("systems[0].name") && msg.contains("200"),
            "{msg}"
        );
        assert!(res.bytes.len() < 10_000, "the text is not echoed");
        // The same limit through the other ways in: a body's name, a measure's justification.
        let (s, b) = app
            .json(
                &root,
                Method::POST,
                "/api/bodies",
                json!({"orgnr": "974760681", "name": "n".repeat(201), "kind": "stat"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b.contains("too-long") && b.contains("org.name"), "{b}");
        let (s, b) = app
            .json(
                &a,
                Method::PATCH,
                &format!("/api/bodies/{A}/measures/m.tilgang"),
                json!({"status": "implemented", "system": "s.hr", "owner": "o".repeat(201)}),
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b.contains("measure_status"), "{b}");
        assert_eq!(app.store.workspace(A).await.unwrap().unwrap(), before);
        assert_eq!(app.store.audit_for(A).await.unwrap().len(), audit);
        assert!(app.store.body("974760681").await.unwrap().is_none());
        // Still serving.
        let (s, _) = app.get(&a, &path).await;
        assert_eq!(s, StatusCode::OK);
    }
}

/// A large body's answer is mostly trails: `?explain=false` leaves them out and changes
/// nothing else; one trail comes on its own, the same as in the full answer; another body's
/// trail is not found.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_assessment_comes_without_trails_and_one_trail_on_its_own() {
    for app in
        App::on_every_backend("the_assessment_comes_without_trails_and_one_trail_on_its_own").await
    {
        let (_, a, b) = two_bodies(&app).await;
        let (s, full) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
        assert_eq!(s, StatusCode::OK);
        let mut full: Value = serde_json::from_str(&full).unwrap();
        let (s, lean) = app
            .get(&a, &format!("/api/bodies/{A}/assessment?explain=false"))
            .await;
        assert_eq!(s, StatusCode::OK);
        let lean: Value = serde_json::from_str(&lean).unwrap();
        assert_eq!(lean["explain"], json!({}));
        let trails = full["explain"].take();
        full["explain"] = json!({});
        assert_eq!(lean, full, "everything but the trails is the same");

        let (key, trail) = trails.as_object().unwrap().iter().next().unwrap();
        let (s, got) = app.get(&a, &format!("/api/bodies/{A}/explain/{key}")).await;
        assert_eq!(s, StatusCode::OK, "{key}");
        assert_eq!(&serde_json::from_str::<Value>(&got).unwrap(), trail);
        let org = (trails.as_object().unwrap().keys())
            .find(|k| k.starts_with("org/"))
            .unwrap();
        let (s, _) = app.get(&a, &format!("/api/bodies/{A}/explain/{org}")).await;
        assert_eq!(s, StatusCode::OK);
        // Not required there, no such system, no such measure, another body: 404.
        let measure = key.split_once('/').unwrap().1;
        for path in [
            format!("/api/bodies/{A}/explain/org/{measure}"),
            format!("/api/bodies/{A}/explain/s.finnes-ikke/{measure}"),
            format!(
                "/api/bodies/{A}/explain/{}/m.finnes-ikke",
                key.split('/').next().unwrap()
            ),
            format!("/api/bodies/{B}/explain/{key}"),
        ] {
            let (s, _) = app.get(&a, &path).await;
            assert_eq!(s, StatusCode::NOT_FOUND, "{path}");
        }
        let (s, _) = app.get(&b, &format!("/api/bodies/{A}/explain/{key}")).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "another body's member");
    }
}
