//! Suppliers' declarations: versions kept, one publisher per id, withdrawals audit-logged, the
//! generation every cache is keyed by — the same on SQLite and PostgreSQL.

use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::*;
use std::sync::Arc;

async fn stores(test: &str) -> Vec<(Arc<dyn Storage>, Option<String>)> {
    let mut v = vec![(sqlite().await.0, None)];
    match postgres().await {
        Some((s, schema)) => v.push((s, Some(schema))),
        None => note_postgres_skipped(test),
    }
    v
}

fn body(orgnr: &str) -> BodyRow {
    BodyRow {
        orgnr: orgnr.into(),
        name: "Acme Drift AS".into(),
        kind: "kommune".into(),
        sectors: vec![],
        catalog_id: "felles".into(),
        catalog_version: "2026.1".into(),
        created_at: now(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn declarations_keep_every_version_and_one_publisher() {
    for (s, _) in stores("declarations_keep_every_version_and_one_publisher").await {
        s.create_body(&body("974760673"), "t").await.unwrap();
        s.create_body(&body("991825827"), "t").await.unwrap();
        assert_eq!(s.declarations_generation().await.unwrap(), 0);
        let v1 = (s.publish_declaration("974760673", "acme", r#"{"v":1}"#, false, "a@x.no"))
            .await
            .unwrap();
        assert_eq!((v1.version, v1.orgnr.as_str()), (1, "974760673"));
        let g1 = s.declarations_generation().await.unwrap();
        assert!(g1 > 0);
        // The same content again is no new version, and changes nothing.
        let again = (s.publish_declaration("974760673", "acme", r#"{"v":1}"#, false, "a@x.no"))
            .await
            .unwrap();
        assert_eq!(again, v1);
        assert_eq!(s.declarations_generation().await.unwrap(), g1);
        let v2 = (s.publish_declaration("974760673", "acme", r#"{"v":2}"#, false, "a@x.no"))
            .await
            .unwrap();
        assert_eq!(v2.version, 2);
        assert!(s.declarations_generation().await.unwrap() > g1);
        // Another organisation cannot publish under the id.
        let other = s
            .publish_declaration("991825827", "acme", r#"{"v":3}"#, false, "b@x.no")
            .await;
        assert!(matches!(other, Err(StoreError::Conflict(_))), "{other:?}");
        // Withdrawing: a version of its own, audit-logged; one never published is not found.
        let w = (s.publish_declaration("974760673", "acme", r#"{"v":2,"w":1}"#, true, "a@x.no"))
            .await
            .unwrap();
        assert_eq!(w.version, 3);
        let none = s
            .publish_declaration("974760673", "ukjent", "{}", true, "a@x.no")
            .await;
        assert!(matches!(none, Err(StoreError::NotFound(_))), "{none:?}");
        let latest = s.declarations().await.unwrap();
        assert_eq!(latest.len(), 1);
        assert_eq!(latest[0].version, 3);
        let versions = s.declaration_versions("acme").await.unwrap();
        let docs: Vec<&str> = versions.iter().map(|v| v.doc.as_str()).collect();
        assert_eq!(docs, [r#"{"v":1}"#, r#"{"v":2}"#, r#"{"v":2,"w":1}"#]);
        let actions: Vec<String> = (s.audit_for("974760673").await.unwrap().into_iter())
            .map(|e| e.action)
            .filter(|a| a.starts_with("declaration."))
            .collect();
        assert_eq!(
            actions,
            [
                "declaration.publish",
                "declaration.publish",
                "declaration.withdraw"
            ]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_to_edit_a_declaration() {
    let (s, path) = sqlite().await;
    s.create_body(&body("974760673"), "t").await.unwrap();
    (s.publish_declaration("974760673", "acme", "{}", false, "a@x.no"))
        .await
        .unwrap();
    let raw = SqliteStore::open(&path.display().to_string())
        .await
        .unwrap();
    for q in [
        "UPDATE declarations SET doc = '[]'",
        "DELETE FROM declarations",
    ] {
        assert!(sqlx::query(q).execute(raw.pool()).await.is_err(), "{q}");
    }
    if let Some((pg, schema)) = postgres().await {
        pg.create_body(&body("974760673"), "t").await.unwrap();
        (pg.publish_declaration("974760673", "acme", "{}", false, "a@x.no"))
            .await
            .unwrap();
        let url = grunnmur_store::testing::postgres_url().unwrap();
        let raw = PgStore::connect(&url).await.unwrap();
        for q in [
            format!("UPDATE {schema}.declarations SET doc = '[]'"),
            format!("DELETE FROM {schema}.declarations"),
        ] {
            assert!(sqlx::query(&q).execute(raw.pool()).await.is_err(), "{q}");
        }
    } else {
        note_postgres_skipped("the_database_refuses_to_edit_a_declaration");
    }
}
