//! Risk assessments through the API: pre-filled from the engine, checked with every problem
//! named, accepted by the risk owner.

use crate::team;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn codes(v: &Value) -> Vec<(String, String)> {
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_string(),
                p["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_risk_assessment_from_prefill_to_accepted() {
    for app in App::on_every_backend("a_risk_assessment_from_prefill_to_accepted").await {
        let t = team(&app).await;
        let base = format!("/api/bodies/{A}/risk-assessments");
        // The flagged system and its reasons, as the engine lists them.
        let assessment = app
            .req(
                &t.reader,
                Method::GET,
                &format!("/api/bodies/{A}/assessment"),
                None,
            )
            .await
            .json();
        let item = assessment["risk_assessment_needed"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["object"].as_str().unwrap().starts_with("system:"))
            .expect("a flagged system")
            .clone();
        let object = item["object"].as_str().unwrap();

        assert_eq!(
            app.req(&t.reader, Method::GET, &base, None).await.json(),
            json!([])
        );
        let new = json!({"object": object, "title": "Skolesystemet"});
        let res = app
            .req(&t.reader, Method::POST, &base, Some(new.clone()))
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "readers read");
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &base,
                Some(json!({"object": "system:finnes-ikke"})),
            )
            .await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            res.text()
        );
        assert_eq!(
            codes(&res.json()),
            [("object".to_string(), "unknown-object".to_string())]
        );
        let res = app.req(&t.editor, Method::POST, &base, Some(new)).await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let created = res.json();
        let id = created["id"].as_i64().unwrap();
        let doc = &created["document"];
        assert_eq!(doc["frame"]["object"], object);
        assert_eq!(doc["title"], "Skolesystemet");
        let reasons: Vec<&Value> = doc["areas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| &a["reason"])
            .collect();
        let expected: Vec<&Value> = item["reasons"].as_array().unwrap().iter().collect();
        assert_eq!(
            reasons, expected,
            "one area of concern per reason on the risk list"
        );
        assert_eq!(
            doc["frame"]["acceptance"]["cells"]
                .as_array()
                .unwrap()
                .len(),
            5,
            "5×5 by default"
        );
        assert!(doc["frame"]["suggested_consequence"]["c"].as_u64().unwrap() >= 1);
        let open = created["before_acceptance"].as_array().unwrap();
        assert_eq!(open[0]["code"], "no-risks");
        assert!(!open[0]["message"].as_str().unwrap().is_empty());

        // A broken document is refused whole, with every field named.
        let path = format!("{base}/{id}");
        let mut broken = doc.clone();
        broken["risks"] = json!([
            {"id": "R1", "title": "Innbrudd", "dimensions": ["c"],
             "analysis": {"likelihood": 9, "consequence": 2, "knowledge": "low"},
             "treatment": {"decision": "reduce", "measures": [{"bank": "m.finnes-ikke"}]}},
            {"id": "R1", "title": "", "dimensions": []}
        ]);
        let res = app.req(&t.editor, Method::PUT, &path, Some(broken)).await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            res.text()
        );
        let got = codes(&res.json());
        for want in [
            ("risks[0].analysis.likelihood", "out-of-scale"),
            ("risks[0].treatment.measures[0].bank", "unknown-measure"),
            ("risks[1].id", "duplicate-id"),
            ("risks[1].title", "empty"),
            ("risks[1].dimensions", "no-dimensions"),
        ] {
            assert!(
                got.contains(&(want.0.into(), want.1.into())),
                "{want:?} in {got:?}"
            );
        }
        let res = app
            .req(&t.editor, Method::PUT, &path, Some(json!({"title": 3})))
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(res.json()["problems"][0]["path"], "title");
        assert_eq!(
            app.req(&t.reader, Method::GET, &path, None).await.json()["version"],
            1,
            "nothing stored"
        );

        let mut good = doc.clone();
        good["risks"] = json!([
            {"id": "R1", "title": "Innbrudd via phishing", "threat": "Kriminelle", "vulnerability": "Ingen tofaktor",
             "dimensions": ["c"], "analysis": {"likelihood": 4, "consequence": 4, "knowledge": "medium"},
             "treatment": {"decision": "reduce", "measures": [{"bank": "m.tilgang"}, {"own": "Opplæring"}],
                           "residual": {"likelihood": 2, "consequence": 2}}}
        ]);
        good["acceptance"] = json!({"owner": "Forfalsket", "date": "2020-01-01"});
        let res = app.req(&t.editor, Method::PUT, &path, Some(good)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let got = app.req(&t.reader, Method::GET, &path, None).await;
        assert_eq!(got.headers["etag"], "\"2\"");
        let got = got.json();
        assert!(
            got["document"].get("acceptance").is_none(),
            "acceptance only through accept"
        );
        assert_eq!(got["evaluation"][0]["zone"], "unacceptable");
        assert_eq!(got["evaluation"][0]["residual_zone"], "acceptable");
        assert_eq!(got["before_acceptance"], json!([]));

        // Acceptance: administrators record the named owner.
        let accept = format!("{path}/accept");
        let owner = json!({"owner": "Kommunedirektør Kari Nordmann"});
        assert_eq!(
            app.req(&t.editor, Method::POST, &accept, Some(owner.clone()))
                .await
                .status,
            StatusCode::FORBIDDEN
        );
        let res = app
            .req(&t.admin, Method::POST, &accept, Some(json!({"owner": " "})))
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        let res = app.req(&t.admin, Method::POST, &accept, Some(owner)).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let got = app.req(&t.reader, Method::GET, &path, None).await.json();
        let acc = &got["document"]["acceptance"];
        assert_eq!(acc["owner"], "Kommunedirektør Kari Nordmann");
        assert_eq!(acc["recorded_by"], "admin@example.no");
        assert_eq!(acc["date"], grunnmur_web::state::today().to_string());
        let list = app.req(&t.reader, Method::GET, &base, None).await.json();
        assert_eq!(list[0]["accepted_by"], "Kommunedirektør Kari Nordmann");
        // A change after acceptance withdraws it, and the answer says so.
        let res = app
            .req(&t.editor, Method::PUT, &path, Some(got["document"].clone()))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        assert_eq!(res.json()["acceptance_withdrawn"], true);
        let again = app.req(&t.reader, Method::GET, &path, None).await.json();
        assert!(again["document"].get("acceptance").is_none());
        let res = app
            .req(
                &t.editor,
                Method::PUT,
                &path,
                Some(again["document"].clone()),
            )
            .await;
        assert!(
            res.json().get("acceptance_withdrawn").is_none(),
            "nothing to withdraw"
        );

        let audit = app.store.audit_for(A).await.unwrap();
        let actions: Vec<&str> = audit
            .iter()
            .map(|a| a.action.as_str())
            .filter(|a| a.starts_with("risk"))
            .collect();
        assert_eq!(
            actions,
            [
                "risk_assessment.create",
                "risk_assessment.update",
                "risk_assessment.accept",
                "risk_assessment.update",
                "risk_assessment.update"
            ]
        );
        assert!(grunnmur_store::verify_chain(&app.store.audit_all().await.unwrap()).is_ok());

        // The status report lists the stored assessment's risk among the top risks.
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &format!("/api/bodies/{A}/reports"),
                Some(json!({"kind": "status", "lang": "en"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let id = res.json()["id"].as_i64().unwrap();
        let row = app.store.report(A, id).await.unwrap().unwrap();
        let snapshot: Value = serde_json::from_str(&row.snapshot).unwrap();
        let top = snapshot["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "top-risks")
            .expect("a top-risks section");
        let row = &top["table"]["rows"][0];
        let cells: Vec<String> = row
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        for want in ["Innbrudd via phishing", "4 × 4", "Unacceptable", "2 × 2"] {
            assert!(
                cells.iter().any(|c| c.contains(want)),
                "{want} in {cells:?}"
            );
        }
        assert_eq!(top["charts"].as_array().unwrap().len(), 2);
        let html = app
            .req(
                &t.reader,
                Method::GET,
                &format!("/api/bodies/{A}/reports/{id}?format=html"),
                None,
            )
            .await
            .text();
        assert!(html.contains("The highest risks") && html.contains("Innbrudd via phishing"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_routes_are_documented() {
    let doc: Value = serde_json::from_str(&grunnmur_web::openapi::document_json()).unwrap();
    for (p, m) in [
        ("/api/bodies/{orgnr}/risk-assessments", "post"),
        ("/api/bodies/{orgnr}/risk-assessments/{id}", "put"),
        ("/api/bodies/{orgnr}/risk-assessments/{id}/accept", "post"),
        ("/api/bodies/{orgnr}/reports", "post"),
        ("/api/bodies/{orgnr}/reports/{id}", "patch"),
        ("/api/bodies/{orgnr}/reports/{id}/finalize", "post"),
    ] {
        assert!(doc["paths"][p].get(m).is_some(), "{m} {p}");
    }
}
