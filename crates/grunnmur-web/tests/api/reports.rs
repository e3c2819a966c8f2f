//! Reports from draft to final: final reports refused (409) and the attempt logged, later
//! changes as new versions.

use crate::team;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_go_from_draft_to_final_and_finals_never_change() {
    for app in App::on_every_backend("reports_go_from_draft_to_final_and_finals_never_change").await
    {
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
