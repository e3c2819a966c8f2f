//! Catalog editors per owner (issue 14), the same on SQLite and on PostgreSQL: the owners are
//! stored with the role, replaced by a new grant, taken with the role, and audited.

use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::*;
use serde_json::Value;
use std::sync::Arc;

async fn stores(test: &str) -> Vec<Arc<dyn Storage>> {
    let mut v = vec![sqlite().await.0];
    match postgres().await {
        Some((s, _)) => v.push(s),
        None => note_postgres_skipped(test),
    }
    v
}

fn owners(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// The last `user.platform_role` entry's before and after.
async fn last_grant(s: &Arc<dyn Storage>) -> (Value, Value) {
    let e = s
        .audit_all()
        .await
        .unwrap()
        .into_iter()
        .rev()
        .find(|a| a.action == "user.platform_role")
        .expect("a platform role entry");
    assert_eq!(e.orgnr, None, "about no body");
    let json = |t: Option<String>| serde_json::from_str(&t.unwrap()).unwrap();
    (json(e.before), json(e.after))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn catalog_editors_are_granted_owners_stored_replaced_and_revoked() {
    for s in stores("catalog_editors_are_granted_owners_stored_replaced_and_revoked").await {
        let b = s.backend();
        let nsm = s
            .create_user("nsm@example.no", None, false, "t")
            .await
            .unwrap();
        let all = s
            .create_user("alle@example.no", None, false, "t")
            .await
            .unwrap();
        let none = s
            .create_user("ingen@example.no", None, false, "t")
            .await
            .unwrap();
        assert_eq!(s.catalog_editor(none).await.unwrap(), None, "{b}");

        // Two owners (given twice, out of order): stored once each, in order, and audited.
        let given = owners(&["nsm", "datatilsynet", "nsm"]);
        s.set_catalog_editor(nsm, Some(&given), "admin")
            .await
            .unwrap();
        assert!(s.user(nsm).await.unwrap().unwrap().catalog_editor, "{b}");
        let e = s.catalog_editor(nsm).await.unwrap().unwrap();
        assert_eq!(
            e,
            EditorOwners::Only(owners(&["datatilsynet", "nsm"])),
            "{b}"
        );
        assert!(e.may_edit("nsm") && e.may_edit("datatilsynet"), "{b}");
        assert!(!e.may_edit("ks"), "{b}");
        let (before, after) = last_grant(&s).await;
        assert_eq!(before["catalog_editor"], false, "{b}");
        assert_eq!(before["owners"], serde_json::json!([]), "{b}");
        assert_eq!(after["user_id"], nsm, "{b}");
        assert_eq!(after["catalog_editor"], true, "{b}");
        assert_eq!(
            after["owners"],
            serde_json::json!(["datatilsynet", "nsm"]),
            "{b}"
        );

        // Without owners: every owner's entries, as before owners were named.
        s.set_catalog_editor(all, Some(&[]), "admin").await.unwrap();
        let e = s.catalog_editor(all).await.unwrap().unwrap();
        assert_eq!(e, EditorOwners::All, "{b}");
        assert!(e.may_edit("ks") && e.ids().is_empty(), "{b}");

        // Every editor's owners at once (for the platform's list): the editor of all has none.
        let listed = s.catalog_editor_owners().await.unwrap();
        assert_eq!(listed.len(), 1, "{b}: {listed:?}");
        assert_eq!(listed[&nsm], owners(&["datatilsynet", "nsm"]), "{b}");

        // A new grant replaces the owners.
        s.set_catalog_editor(nsm, Some(&owners(&["ks"])), "admin")
            .await
            .unwrap();
        let e = s.catalog_editor(nsm).await.unwrap().unwrap();
        assert_eq!(e, EditorOwners::Only(owners(&["ks"])), "{b}");
        let (before, after) = last_grant(&s).await;
        assert_eq!(
            before["owners"],
            serde_json::json!(["datatilsynet", "nsm"]),
            "{b}"
        );
        assert_eq!(after["owners"], serde_json::json!(["ks"]), "{b}");

        // Revoking takes the role and the owners; granted again without owners: all.
        s.set_catalog_editor(nsm, None, "admin").await.unwrap();
        assert_eq!(s.catalog_editor(nsm).await.unwrap(), None, "{b}");
        assert!(!s.user(nsm).await.unwrap().unwrap().catalog_editor, "{b}");
        let (_, after) = last_grant(&s).await;
        assert_eq!(after["catalog_editor"], false, "{b}");
        assert!(!s.catalog_editor_owners().await.unwrap().contains_key(&nsm));
        s.set_platform_role(nsm, PlatformRole::CatalogEditor, true, "admin")
            .await
            .unwrap();
        assert_eq!(
            s.catalog_editor(nsm).await.unwrap(),
            Some(EditorOwners::All),
            "{b}"
        );

        // Taking the role through the platform role also forgets the owners.
        s.set_catalog_editor(nsm, Some(&owners(&["nsm"])), "admin")
            .await
            .unwrap();
        s.set_platform_role(nsm, PlatformRole::CatalogEditor, false, "admin")
            .await
            .unwrap();
        s.set_platform_role(nsm, PlatformRole::CatalogEditor, true, "admin")
            .await
            .unwrap();
        assert_eq!(
            s.catalog_editor(nsm).await.unwrap(),
            Some(EditorOwners::All),
            "{b}"
        );

        // An unknown account is not found; the audit chain holds.
        assert!(
            matches!(
                s.set_catalog_editor(9999, Some(&owners(&["nsm"])), "admin")
                    .await,
                Err(StoreError::NotFound(_))
            ),
            "{b}"
        );
        assert!(s.verify_audit(&[]).await.unwrap().is_ok(), "{b}");
    }
}
