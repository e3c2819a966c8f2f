//! Risk assessments and reports through the API, on SQLite and PostgreSQL: pre-filled from the
//! engine, checked with every problem named, accepted by the risk owner; reports from draft to
//! final, final reports refused (409) and the attempt logged, later changes as new versions.

mod common;

use common::*;
use grunnmur_store::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const A: &str = "974760673";

struct Team {
    admin: Who,
    editor: Who,
    reader: Who,
}

async fn team(app: &App) -> Team {
    let root = app.user("root@example.no", true).await;
    let root = app.token(root).await;
    let res = app
        .req(&root, Method::POST, "/api/bodies", Some(json!({"orgnr": A, "name": "Lille kommune", "kind": "kommune", "sectors": ["utdanning"]})))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    let put = app
        .http
        .put(format!("{}/api/bodies/{A}/workspace", app.base))
        .bearer_auth(root.token.as_deref().unwrap())
        .header("content-type", "application/yaml")
        .body(small_body())
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), StatusCode::OK);
    for (email, role) in [
        ("admin@example.no", Role::Admin),
        ("editor@example.no", Role::Editor),
        ("reader@example.no", Role::Reader),
    ] {
        let id = app.user(email, false).await;
        app.store.grant(id, A, role, "test").await.unwrap();
    }
    Team {
        admin: app.login("admin@example.no").await,
        editor: app.login("editor@example.no").await,
        reader: app.login("reader@example.no").await,
    }
}

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
    for app in apps("a_risk_assessment_from_prefill_to_accepted").await {
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
async fn reports_go_from_draft_to_final_and_finals_never_change() {
    for app in apps("reports_go_from_draft_to_final_and_finals_never_change").await {
        let t = team(&app).await;
        let reports = format!("/api/bodies/{A}/reports");
        let res = app
            .req(
                &t.reader,
                Method::POST,
                &reports,
                Some(json!({"kind": "status"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "kvartal"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "status", "lang": "nb"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let v1 = res.json();
        assert_eq!(
            (v1["number"].as_i64(), v1["state"].as_str()),
            (Some(1), Some("draft"))
        );
        let path = format!("{reports}/{}", v1["id"]);

        // Rendered by grunnmur-report, in each format.
        let pdf = app
            .req(&t.reader, Method::GET, &format!("{path}?format=pdf"), None)
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.headers["content-type"], "application/pdf");
        let text = pdf_extract::extract_text_from_mem(&pdf.bytes).unwrap();
        assert!(text.contains("Lille kommune"), "the body's name in the PDF");
        let xlsx = app
            .req(&t.reader, Method::GET, &format!("{path}?format=xlsx"), None)
            .await;
        assert!(xlsx.bytes.starts_with(b"PK"), "a workbook");
        let html = app
            .req(&t.reader, Method::GET, &format!("{path}?format=html"), None)
            .await
            .text();
        assert!(html.contains("<html lang=\"nb\">") && html.contains("Lille kommune"));
        assert_eq!(
            app.req(&t.reader, Method::GET, &format!("{path}?format=doc"), None)
                .await
                .status,
            StatusCode::BAD_REQUEST
        );

        // Finalise: administrators only; the approver and the hash of what is stored.
        let fin = format!("{path}/finalize");
        assert_eq!(
            app.req(&t.editor, Method::POST, &fin, None).await.status,
            StatusCode::FORBIDDEN
        );
        let res = app.req(&t.admin, Method::POST, &fin, None).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let f1 = res.json();
        assert_eq!(
            (f1["state"].as_str(), f1["approver"].as_str()),
            (Some("final"), Some("admin@example.no"))
        );
        let stored = app
            .store
            .report(A, v1["id"].as_i64().unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            f1["content_hash"],
            grunnmur_store::content_hash(&stored.snapshot)
        );

        // Every change to the final report is refused and logged.
        for method in [Method::PUT, Method::PATCH] {
            let res = app
                .req(
                    &t.editor,
                    method.clone(),
                    &path,
                    Some(json!({"lang": "en"})),
                )
                .await;
            assert_eq!(res.status, StatusCode::CONFLICT, "{method}: {}", res.text());
            assert!(res.json()["message"].as_str().unwrap().contains("endelig"));
        }
        assert_eq!(
            app.req(&t.admin, Method::POST, &fin, None).await.status,
            StatusCode::CONFLICT
        );
        let audit = app.store.audit_for(A).await.unwrap();
        let refused: Vec<_> = audit
            .iter()
            .filter(|a| a.action == "report.change_refused")
            .collect();
        assert_eq!(refused.len(), 3);
        assert_eq!(refused[0].actor, "editor@example.no");
        assert_eq!(
            app.req(&t.reader, Method::GET, &path, None).await.json(),
            f1,
            "unchanged"
        );

        // The data changes; the final report does not. A new draft is version 2.
        let res = app
            .req(&t.editor, Method::PATCH, &format!("/api/bodies/{A}/measures/m.tilgang"),
                 Some(json!({"status": "not_applicable", "system": "s.hr", "justification": "Dekket annet sted"})))
            .await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let again = app
            .req(&t.reader, Method::GET, &format!("{path}?format=html"), None)
            .await
            .text();
        assert_eq!(again, html, "a final report renders from its snapshot");
        let v2 = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "status", "lang": "en"})),
            )
            .await
            .json();
        assert_eq!(
            (v2["number"].as_i64(), v2["state"].as_str()),
            (Some(2), Some("draft"))
        );
        assert_ne!(v2["id"], v1["id"]);
        let p2 = format!("{reports}/{}", v2["id"]);
        let res = app
            .req(&t.editor, Method::PATCH, &p2, Some(json!({"lang": "nb"})))
            .await;
        assert_eq!(
            res.status,
            StatusCode::OK,
            "drafts may change: {}",
            res.text()
        );
        assert_eq!(res.json()["lang"], "nb");
        let list = app.req(&t.reader, Method::GET, &reports, None).await.json();
        assert_eq!(list.as_array().unwrap().len(), 2);

        // A measure plan and a risk-assessment report.
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "measure-plan", "lang": "en"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED);
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "risk-assessment"})),
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "which assessment?");
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "risk-assessment", "risk_assessment": 999})),
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let ra = app
            .req(
                &t.editor,
                Method::POST,
                &format!("/api/bodies/{A}/risk-assessments"),
                Some(json!({"object": "org", "matrix": "3x3", "title": "Hele kommunen"})),
            )
            .await
            .json();
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &reports,
                Some(json!({"kind": "risk-assessment", "risk_assessment": ra["id"]})),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let r = res.json();
        assert_eq!(r["subject"], ra["id"].to_string());
        let html = app
            .req(
                &t.reader,
                Method::GET,
                &format!("{reports}/{}?format=html", r["id"]),
                None,
            )
            .await
            .text();
        assert!(
            html.contains("Hele kommunen") && html.contains("Akseptkriterier"),
            "{html}"
        );
        assert!(grunnmur_store::verify_chain(&app.store.audit_all().await.unwrap()).is_ok());
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
