//! Risk assessments and report versions, the same on SQLite and PostgreSQL: versions and
//! optimistic locking, draft → final, final reports refused by the code (and logged) and by the
//! database.

use grunnmur_store::testing::{note_postgres_skipped, postgres, postgres_url, sqlite};
use grunnmur_store::*;
use std::sync::Arc;

const ORG: &str = "974760673";

/// A store, and a way to run raw SQL against its tables behind the code's back.
enum Raw {
    Sqlite(SqliteStore),
    Pg(PgStore, String),
}

impl Raw {
    async fn exec(&self, sql: &str) -> std::result::Result<(), sqlx::Error> {
        match self {
            Raw::Sqlite(s) => sqlx::query(sql).execute(s.pool()).await.map(|_| ()),
            Raw::Pg(s, schema) => {
                let sql = sql.replace("reports", &format!("{schema}.reports"));
                sqlx::query(&sql).execute(s.pool()).await.map(|_| ())
            }
        }
    }
}

async fn stores(test: &str) -> Vec<(Arc<dyn Storage>, Raw)> {
    let (s, path) = sqlite().await;
    let raw = SqliteStore::open(&path.display().to_string())
        .await
        .unwrap();
    let mut v = vec![(s, Raw::Sqlite(raw))];
    match postgres().await {
        Some((s, schema)) => {
            let raw = PgStore::connect(&postgres_url().unwrap()).await.unwrap();
            v.push((s, Raw::Pg(raw, schema)));
        }
        None => note_postgres_skipped(test),
    }
    for (s, _) in &v {
        s.create_body(
            &BodyRow {
                orgnr: ORG.into(),
                name: "Testkommune".into(),
                kind: "kommune".into(),
                sectors: vec![],
                catalog_id: "felles".into(),
                catalog_version: "1".into(),
                created_at: now(),
            },
            "t",
        )
        .await
        .unwrap();
    }
    v
}

fn actions(audit: &[AuditRow]) -> Vec<&str> {
    audit.iter().map(|a| a.action.as_str()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn risk_assessments_have_versions_and_an_audit_trail() {
    for (s, _) in stores("risk_assessments_have_versions_and_an_audit_trail").await {
        let b = s.backend();
        let r = s
            .create_risk_assessment(ORG, "{\"v\":1}", "a")
            .await
            .unwrap();
        assert_eq!(r.version, 1, "{b}");
        let other = s
            .create_risk_assessment(ORG, "{\"v\":\"x\"}", "a")
            .await
            .unwrap();
        assert_ne!(r.id, other.id);
        let w = |doc, expected| RiskWrite {
            orgnr: ORG,
            id: r.id,
            doc,
            actor: "a",
            action: "risk_assessment.update",
            expected_version: expected,
        };
        assert_eq!(
            s.put_risk_assessment(w("{\"v\":2}", Some(1)))
                .await
                .unwrap(),
            2
        );
        assert!(
            matches!(
                s.put_risk_assessment(w("{\"v\":3}", Some(1))).await,
                Err(StoreError::VersionConflict {
                    current: 2,
                    expected: 1
                })
            ),
            "{b}"
        );
        let got = s.risk_assessment(ORG, r.id).await.unwrap().unwrap();
        assert_eq!((got.doc.as_str(), got.version), ("{\"v\":2}", 2), "{b}");
        assert_eq!(s.risk_assessments(ORG).await.unwrap().len(), 2);
        assert_eq!(
            s.risk_assessment("991825827", r.id).await.unwrap(),
            None,
            "{b}: per body"
        );
        assert!(matches!(
            s.put_risk_assessment(RiskWrite {
                orgnr: "991825827",
                ..w("{}", None)
            })
            .await,
            Err(StoreError::NotFound(_))
        ));
        let audit = s.audit_for(ORG).await.unwrap();
        assert_eq!(
            actions(&audit),
            [
                "body.create",
                "risk_assessment.create",
                "risk_assessment.create",
                "risk_assessment.update"
            ],
            "{b}"
        );
        assert!(
            audit[3]
                .before
                .as_deref()
                .unwrap()
                .contains("{\\\"v\\\":1}"),
            "{b}"
        );
        assert_eq!(verify_chain(&s.audit_all().await.unwrap()), Ok(4), "{b}");
    }
}

fn draft<'a>(kind: &'a str, subject: &'a str, snapshot: &'a str) -> ReportDraft<'a> {
    ReportDraft {
        orgnr: ORG,
        kind,
        subject,
        lang: "nb",
        snapshot,
        actor: "editor@example.no",
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reports_move_from_draft_to_final_and_finals_never_change() {
    for (s, raw) in stores("reports_move_from_draft_to_final_and_finals_never_change").await {
        let b = s.backend();
        let d1 = s
            .save_report_draft(draft("status", "", "{\"n\":1}"))
            .await
            .unwrap();
        assert_eq!((d1.number, d1.state), (1, ReportState::Draft), "{b}");
        assert_eq!(d1.content_hash, content_hash("{\"n\":1}"));
        // A second draft of the same series replaces the first.
        let d1b = s
            .save_report_draft(draft("status", "", "{\"n\":2}"))
            .await
            .unwrap();
        assert_eq!((d1b.id, d1b.number), (d1.id, 1), "{b}");
        // Another series numbers on its own.
        let p1 = s
            .save_report_draft(draft("measure-plan", "", "{}"))
            .await
            .unwrap();
        assert_eq!(p1.number, 1);
        let r1 = s
            .save_report_draft(draft("risk-assessment", "7", "{}"))
            .await
            .unwrap();
        assert_eq!((r1.number, r1.subject.as_str()), (1, "7"));

        let f1 = s
            .finalize_report(ORG, d1.id, "admin@example.no")
            .await
            .unwrap();
        assert_eq!(f1.state, ReportState::Final, "{b}");
        assert_eq!(f1.approver.as_deref(), Some("admin@example.no"));
        assert!(f1.approved_at.is_some());
        assert_eq!(
            f1.content_hash,
            content_hash("{\"n\":2}"),
            "{b}: the hash is of the snapshot"
        );

        // The code refuses every change to a final report, and logs the attempt.
        let refused = s
            .update_report_draft(ORG, d1.id, "en", "{\"n\":666}", "mallory")
            .await;
        assert!(
            matches!(refused, Err(StoreError::Immutable(_))),
            "{b}: {refused:?}"
        );
        let again = s.finalize_report(ORG, d1.id, "mallory").await;
        assert!(matches!(again, Err(StoreError::Immutable(_))), "{b}");
        assert_eq!(
            s.report(ORG, d1.id).await.unwrap().unwrap(),
            f1,
            "{b}: unchanged"
        );
        let audit = s.audit_for(ORG).await.unwrap();
        let refusals: Vec<&AuditRow> = audit
            .iter()
            .filter(|a| a.action == "report.change_refused")
            .collect();
        assert_eq!(refusals.len(), 2, "{b}");
        assert_eq!(refusals[0].actor, "mallory");
        assert!(refusals[0].after.as_deref().unwrap().contains("update"));

        // A later change makes version 2, a draft; version 1 stays as it was.
        let d2 = s
            .save_report_draft(draft("status", "", "{\"n\":3}"))
            .await
            .unwrap();
        assert_eq!((d2.number, d2.state), (2, ReportState::Draft), "{b}");
        assert_ne!(d2.id, d1.id);
        let d2b = s
            .update_report_draft(ORG, d2.id, "en", "{\"n\":4}", "e")
            .await
            .unwrap();
        assert_eq!(
            (d2b.lang.as_str(), d2b.content_hash.clone()),
            ("en", content_hash("{\"n\":4}"))
        );
        assert_eq!(
            s.report(ORG, d1.id).await.unwrap().unwrap().snapshot,
            "{\"n\":2}"
        );
        assert_eq!(s.reports(ORG).await.unwrap().len(), 4, "{b}");

        // Behind the code's back, the database refuses too; drafts may still change.
        for sql in [
            format!("UPDATE reports SET snapshot = 'x' WHERE id = {}", d1.id),
            format!(
                "UPDATE reports SET state = 'draft', approver = NULL, approved_at = NULL WHERE id = {}",
                d1.id
            ),
            format!("DELETE FROM reports WHERE id = {}", d1.id),
        ] {
            assert!(raw.exec(&sql).await.is_err(), "{b}: {sql}");
        }
        raw.exec(&format!(
            "UPDATE reports SET lang = 'nb' WHERE id = {}",
            d2.id
        ))
        .await
        .unwrap();
        assert_eq!(s.report(ORG, d1.id).await.unwrap().unwrap(), f1, "{b}");

        assert!(matches!(
            s.finalize_report(ORG, 9999, "a").await,
            Err(StoreError::NotFound(_))
        ));
        assert!(
            matches!(
                s.finalize_report("991825827", d2.id, "a").await,
                Err(StoreError::NotFound(_))
            ),
            "{b}: another body's report is not found"
        );
        assert!(verify_chain(&s.audit_all().await.unwrap()).is_ok(), "{b}");
    }
}
