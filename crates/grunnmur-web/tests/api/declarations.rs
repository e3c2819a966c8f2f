//! Suppliers' declarations (rule 14): published once by the supplier's organisation, read by
//! every signed-in user, counted in every linked body's assessment at once — on every server —
//! until withdrawn.

use crate::two_bodies;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// The small catalog's supplier declaration, valid for the rest of the century (the tests must
/// not depend on the clock).
fn declaration() -> String {
    std::fs::read_to_string(small("declarations/acme.yaml"))
        .unwrap()
        .replace("valid_until: \"2027-01-15\"", "valid_until: \"2099-12-31\"")
}

async fn put(app: &App, who: &Who, orgnr: &str, id: &str, yaml: String) -> Res {
    let path = format!("/api/bodies/{orgnr}/declarations/{id}");
    app.send(who, Method::PUT, &path, Some(("application/yaml", yaml)))
        .await
}

/// The source of the body's org-scope measure `m.ledelse`, and the org's risk reasons.
async fn org_view(app: &App, who: &Who) -> (Value, Vec<String>) {
    let (s, b) = app.get(who, &format!("/api/bodies/{A}/assessment")).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let v: Value = serde_json::from_str(&b).unwrap();
    let source = (v["org_measure_states"].as_array().unwrap().iter())
        .find(|x| x["measure"] == "m.ledelse")
        .map(|x| x["source"].clone())
        .unwrap();
    let reasons = (v["risk_assessment_needed"].as_array().unwrap().iter())
        .find(|x| x["object"] == "org")
        .map(|x| {
            (x["reasons"].as_array().unwrap().iter())
                .map(|r| r.as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default();
    (source, reasons)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_declaration_counts_for_every_linked_body_on_every_server_until_withdrawn() {
    for app in App::on_every_backend("a_declaration_counts_for_every_linked_body").await {
        let (_, a, b) = two_bodies(&app).await;
        // Body B provides the service; publishing twice with the same content is one version.
        let res = put(&app, &b, B, "acme", declaration()).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        assert_eq!(res.json()["version"], 1);
        let res = put(&app, &b, B, "acme", declaration()).await;
        assert_eq!(res.status, StatusCode::OK);
        // Every signed-in user reads it.
        let (s, list) = app.get(&a, "/api/declarations").await;
        assert_eq!(s, StatusCode::OK);
        let list: Value = serde_json::from_str(&list).unwrap();
        assert_eq!(list[0]["supplier"], "Acme Drift AS");
        assert_eq!(list[0]["valid"], true);
        assert_eq!(list[0]["services"].as_array().unwrap().len(), 2);
        // Body A links the services; a second server on the same database serves its pages.
        let body = std::fs::read_to_string(small("kommune-delt.yaml")).unwrap();
        let res = app.put_workspace(&a, A, body).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let other = App::start(app.store.clone()).await;
        let (source, reasons) = org_view(&other, &a).await;
        assert_eq!(source["kind"], "supplier");
        assert_eq!(source["service"], "acme/ledelse");
        assert!(!reasons.contains(&"supplier_expired".to_string()));
        // The system's security plan names the service it inherits from, and what the body
        // does for a shared measure, from the published declaration.
        let path = format!("/api/bodies/{A}/oscal/ssp/s.drift");
        let (s, plan) = other.get(&a, &path).await;
        assert_eq!(s, StatusCode::OK, "{plan}");
        let plan: Value = serde_json::from_str(&plan).unwrap();
        let ssp = &plan["system-security-plan"];
        let service = (ssp["system-implementation"]["components"]
            .as_array()
            .unwrap())
        .iter()
        .find(|c| c["title"] == "Drift av serverplattform")
        .unwrap()
        .clone();
        let access = (ssp["control-implementation"]["implemented-requirements"].as_array())
            .unwrap()
            .iter()
            .find(|r| r["control-id"] == "m.tilgang")
            .unwrap()
            .clone();
        assert_eq!(
            access["by-components"][1]["component-uuid"],
            service["uuid"]
        );
        assert_eq!(
            access["by-components"][1]["satisfied"][0]["description"],
            "Kunden styrer egne brukere og roller."
        );
        // A new version may not leave out a service a body links; fewer measures are fine.
        let without = declaration().replace(
            "  - id: ledelse\n    name: {nb: \"Støtte til ledelsens gjennomgang\", en: \"Management review support\"}\n    covers:\n      - {measure: m.ledelse, responsibility: supplier}\n",
            "",
        );
        assert_ne!(without, declaration(), "the service was cut out");
        let res = put(&app, &b, B, "acme", without).await;
        assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());
        assert_eq!(res.json()["error"], "refused");
        let fewer = declaration().replace(
            "      - {measure: m.backup, responsibility: supplier}\n",
            "",
        );
        let res = put(&app, &b, B, "acme", fewer).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        // Only B withdraws it; then it counts for no one, on the other server at once.
        let path = format!("/api/bodies/{A}/declarations/acme/withdraw");
        let (s, _) = app.call(&a, Method::POST, &path, None).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "A does not publish acme");
        let path = format!("/api/bodies/{B}/declarations/acme/withdraw");
        let (s, w) = app.call(&b, Method::POST, &path, None).await;
        assert_eq!(s, StatusCode::OK, "{w}");
        assert!(w.contains("\"withdrawn\""), "{w}");
        let (source, reasons) = org_view(&other, &a).await;
        assert_eq!(source["kind"], "none");
        assert!(
            reasons.contains(&"supplier_expired".to_string()),
            "{reasons:?}"
        );
        // The versions are kept, and the withdrawal is in B's audit log.
        let (_, detail) = app.get(&a, "/api/declarations/acme").await;
        let detail: Value = serde_json::from_str(&detail).unwrap();
        assert_eq!(detail["versions"].as_array().unwrap().len(), 3);
        let actions: Vec<String> = (app.store.audit_for(B).await.unwrap().into_iter())
            .map(|e| e.action)
            .collect();
        assert!(actions.contains(&"declaration.withdraw".to_string()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_declaration_is_refused_whole_and_ids_belong_to_one_publisher() {
    for app in App::on_every_backend("a_bad_declaration_is_refused_whole").await {
        let (_, a, b) = two_bodies(&app).await;
        let before = app.store.declarations_generation().await.unwrap();
        let bad = declaration().replace("valid_from: \"2026-01-01\"", "valid_from: \"2100-01-01\"");
        let res = put(&app, &b, B, "acme", bad).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            res.text()
        );
        let problems = res.json()["problems"].clone();
        assert_eq!(problems[0]["code"], "dates-out-of-order", "{problems}");
        assert_eq!(problems[0]["line"], 9);
        assert_eq!(app.store.declarations_generation().await.unwrap(), before);
        // The path's id must be the document's.
        let res = put(&app, &b, B, "annen", declaration()).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        // A link to a service nobody published is a problem of the body file, at its line.
        let body = std::fs::read_to_string(small("kommune-delt.yaml")).unwrap();
        let res = app.put_workspace(&a, A, body).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().contains("acme/ledelse"), "{}", res.text());
        // Once B publishes acme, A cannot publish under its id.
        let res = put(&app, &b, B, "acme", declaration()).await;
        assert_eq!(res.status, StatusCode::CREATED);
        let res = put(&app, &a, A, "acme", declaration()).await;
        assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());
        // A reader may read, not publish.
        let reader = app.user("r@example.no", false).await;
        app.store
            .grant(reader, B, grunnmur_store::Role::Reader, "test")
            .await
            .unwrap();
        let r = app.login("r@example.no").await;
        let res = put(&app, &r, B, "acme", declaration()).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_supplier_organisation_publishes_for_the_public_sector() {
    for app in App::on_every_backend("a_supplier_organisation_publishes").await {
        let root = app.root_token().await;
        let supplier = "923609016";
        let new =
            serde_json::json!({"orgnr": supplier, "name": "Acme Drift AS", "kind": "supplier"});
        let (s, b) = app.json(&root, Method::POST, "/api/bodies", new).await;
        assert_eq!(s, StatusCode::CREATED, "{b}");
        let (_, body) = app.get(&root, &format!("/api/bodies/{supplier}")).await;
        assert!(body.contains("\"supplier\""), "{body}");
        let editor = app.user("leverandor@example.no", false).await;
        app.store
            .grant(editor, supplier, grunnmur_store::Role::Editor, "test")
            .await
            .unwrap();
        let e = app.login("leverandor@example.no").await;
        let res = put(&app, &e, supplier, "acme", declaration()).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        assert_eq!(res.json()["orgnr"], supplier);
        // Its own workspace is empty: no task or profile applies to a supplier by kind.
        let (s, a) = app
            .get(&e, &format!("/api/bodies/{supplier}/assessment"))
            .await;
        assert_eq!(s, StatusCode::OK, "{a}");
        let a: Value = serde_json::from_str(&a).unwrap();
        assert!(a["org"]["profiles"].as_array().unwrap().is_empty(), "{a}");
    }
}
