//! Catalog drafts as stored: changes written only onto the revision they were made against,
//! proposals decided once, approvals of one revision, comments with answers, and publishing
//! as a release in one transaction — the same on SQLite and PostgreSQL.

use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::*;
use std::sync::Arc;

async fn stores(test: &str) -> Vec<Arc<dyn Storage>> {
    let mut v = vec![sqlite().await.0];
    match postgres().await {
        Some((s, _)) => v.push(s),
        None => note_postgres_skipped(test),
    }
    v
}

fn change<'a>(draft_id: i64, rev: i64, sources: Option<&'a str>) -> DraftChange<'a> {
    DraftChange {
        draft_id,
        rev,
        sources,
        section: "tasks",
        entry_id: "kommune.sfo",
        owner: "ks",
        entry: Some(r#"{"id":"kommune.sfo"}"#),
        before: None,
        reason: "why",
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_records_its_changes_and_publishes_as_a_release() {
    for s in stores("a_draft_records_its_changes_and_publishes_as_a_release").await {
        s.publish_release("felles", "2026.1", "[1]", "t")
            .await
            .unwrap();
        let d = s
            .create_draft("felles", "2026.1", "2026.2", "[1]", "ed@x.no")
            .await
            .unwrap();
        assert_eq!(
            (d.rev, d.state.as_str(), d.closes.as_deref()),
            (1, "open", None)
        );
        // The same version again, or a published one, is refused.
        for v in ["2026.2", "2026.1"] {
            let again = s
                .create_draft("felles", "2026.1", v, "[1]", "ed@x.no")
                .await;
            assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
        }
        // An applied change writes the files and raises the revision; one made against an
        // older revision is refused and leaves the files.
        let c = s
            .change_draft(change(d.id, 1, Some("[2]")), "ed@x.no")
            .await
            .unwrap();
        assert_eq!(c.state, "applied");
        assert_eq!(s.draft_sources(d.id).await.unwrap().as_deref(), Some("[2]"));
        let stale = s
            .change_draft(change(d.id, 1, Some("[3]")), "ed@x.no")
            .await;
        assert!(
            matches!(stale, Err(StoreError::VersionConflict { .. })),
            "{stale:?}"
        );
        assert_eq!(s.draft_sources(d.id).await.unwrap().as_deref(), Some("[2]"));
        // A proposal leaves the files; it is decided once.
        let p = s
            .change_draft(change(d.id, 2, None), "other@x.no")
            .await
            .unwrap();
        assert_eq!(p.state, "proposed");
        assert_eq!(s.draft(d.id).await.unwrap().unwrap().rev, 2);
        let decided = s
            .decide_proposal(
                Decision {
                    draft_id: d.id,
                    change_id: p.id,
                    rev: 2,
                    sources: Some("[4]"),
                    reason: "good",
                },
                "ed@x.no",
            )
            .await
            .unwrap();
        assert_eq!(
            (decided.state.as_str(), decided.decided_by.as_deref()),
            ("accepted", Some("ed@x.no"))
        );
        let twice = s
            .decide_proposal(
                Decision {
                    draft_id: d.id,
                    change_id: p.id,
                    rev: 3,
                    sources: None,
                    reason: "no",
                },
                "ed@x.no",
            )
            .await;
        assert!(matches!(twice, Err(StoreError::Conflict(_))), "{twice:?}");
        let changes = s.draft_changes(d.id).await.unwrap();
        assert_eq!(changes.len(), 2);
        // Approvals are of one revision.
        let old = s.approve_draft(d.id, "ks", 2, "ed@x.no").await;
        assert!(
            matches!(old, Err(StoreError::VersionConflict { .. })),
            "{old:?}"
        );
        s.approve_draft(d.id, "ks", 3, "ed@x.no").await.unwrap();
        let a = s.draft_approvals(d.id).await.unwrap();
        assert_eq!((a.len(), a[0].owner.as_str(), a[0].rev), (1, "ks", 3));
        // Consultation: a round, a comment, an answer.
        let body = BodyRow {
            orgnr: "974760673".into(),
            name: "Kommune".into(),
            kind: "kommune".into(),
            sectors: vec![],
            catalog_id: "felles".into(),
            catalog_version: "2026.1".into(),
            created_at: now(),
        };
        s.create_body(&body, "t").await.unwrap();
        let r = s
            .open_consultation(d.id, "2026-12-31", "ed@x.no")
            .await
            .unwrap();
        assert_eq!(r.closes.as_deref(), Some("2026-12-31"));
        let cm = s
            .add_draft_comment(
                d.id,
                "974760673",
                "tasks/kommune.sfo",
                "Too strict",
                "m@k.no",
            )
            .await
            .unwrap();
        let ans = s
            .answer_draft_comment(d.id, cm.id, "Eased", "partly", "ed@x.no")
            .await
            .unwrap();
        assert_eq!(
            (ans.answer.as_deref(), ans.outcome.as_deref()),
            (Some("Eased"), Some("partly"))
        );
        assert_eq!(s.draft_comments(d.id).await.unwrap(), vec![ans]);
        // Publishing at an older revision is refused; at the current one it is a release.
        let stale = s.publish_draft(d.id, 2, "ed@x.no").await;
        assert!(
            matches!(stale, Err(StoreError::VersionConflict { .. })),
            "{stale:?}"
        );
        let p = s.publish_draft(d.id, 3, "ed@x.no").await.unwrap();
        assert!(p.is_published() && p.published_at.is_some());
        assert_eq!(
            s.release_sources("felles", "2026.2")
                .await
                .unwrap()
                .as_deref(),
            Some("[4]")
        );
        // A published draft is a record: no more changes.
        let after = s
            .change_draft(change(d.id, 3, Some("[5]")), "ed@x.no")
            .await;
        assert!(matches!(after, Err(StoreError::Conflict(_))), "{after:?}");
        let actions: Vec<String> = (s.audit_all().await.unwrap().into_iter())
            .map(|e| e.action)
            .filter(|a| a.starts_with("catalog.draft"))
            .collect();
        for a in [
            "create",
            "change",
            "decide",
            "approve",
            "consultation",
            "comment",
            "answer",
            "publish",
        ] {
            assert!(
                actions.contains(&format!("catalog.draft.{a}")),
                "{a}: {actions:?}"
            );
        }
    }
}
