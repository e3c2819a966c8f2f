//! OSCAL documents over HTTP, as the command line exports them.

use crate::two_bodies;
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oscal_documents_are_served_as_the_cli_exports_them() {
    let app = App::start(sqlite().await.0).await;
    let (_, a, _) = two_bodies(&app).await;
    let (s, b) = app.get(&a, "/api/catalog/oscal").await;
    assert_eq!(s, StatusCode::OK);
    let index: Value = serde_json::from_str(&b).unwrap();
    let files: Vec<&str> = index
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["file"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = grunnmur_oscal::export::export_all(
        &app.state.catalog.doc,
        &grunnmur_oscal::export::ExportOptions::default(),
    )
    .into_iter()
    .map(|d| d.file)
    .collect();
    assert_eq!(files, expected);
    // The catalog: one control per measure of the bank.
    let (s, b) = app.get(&a, "/api/catalog/oscal/measure-bank.json").await;
    assert_eq!(s, StatusCode::OK);
    let cat: Value = serde_json::from_str(&b).unwrap();
    let controls: usize = cat["catalog"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["controls"].as_array().map_or(0, |c| c.len()))
        .sum();
    assert_eq!(controls, app.state.catalog.doc.measures.len());
    let (s, b) = app
        .get(&a, "/api/catalog/oscal/measure-bank.json?lang=en")
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_ne!(
        b,
        serde_json::to_string(&cat).unwrap(),
        "English titles differ"
    );
    let (s, _) = app.get(&a, "/api/catalog/oscal/no-such.json").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    // A system's plan: every measure the engine requires for it, as an implemented requirement.
    let (s, b) = app
        .get(&a, &format!("/api/bodies/{A}/oscal/ssp/s.hr"))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let ssp: Value = serde_json::from_str(&b).unwrap();
    // System-scope requirements, then the body's own (org scope), each marked by a property.
    let reqs: Vec<&str> =
        ssp["system-security-plan"]["control-implementation"]["implemented-requirements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| {
                r["props"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["name"] == "scope" && p["value"] == "system")
            })
            .map(|r| r["control-id"].as_str().unwrap())
            .collect();
    let (_, b) = app.get(&a, &format!("/api/bodies/{A}/assessment")).await;
    let assessment: Value = serde_json::from_str(&b).unwrap();
    let required: Vec<&str> = find_system(&assessment, "s.hr").unwrap()["required_measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(reqs, required);
    let (s, _) = app
        .get(&a, &format!("/api/bodies/{A}/oscal/ssp/no-such-system"))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}
