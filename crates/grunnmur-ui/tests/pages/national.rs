//! The national picture's page: supervisors see a group's figures (names from the catalog, no
//! body named) and download them; with fewer than 5 bodies nothing but the count; a body's
//! member is refused. Catalog calibration for catalog editors, likewise.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// Three more municipalities beside A and B (valid organisation numbers).
const MORE: [&str; 3] = ["910000004", "910000012", "910000020"];

#[tokio::test]
async fn supervisors_see_the_group_and_members_do_not() {
    for app in apps("supervisors_see_the_group_and_members_do_not").await {
        let id = add_user(&app.store, "tilsyn@example.no", false).await;
        app.store
            .set_supervisor(id, Some((&[], &[])), "test")
            .await
            .unwrap();
        let sup = app.login("tilsyn@example.no").await;
        let en = format!("{}; grunnmur_lang=en", sup.cookie);
        let (status, html) = app.get(&en, "/bodies").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("href=\"/national\""), "the way in");
        // Two bodies: the count only.
        let (status, html) = app.get(&en, "/national?kind=kommune").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The group has 2 bodies.") && html.contains("fewer than 5 bodies"));
        assert!(!html.contains("Coverage by baseline"));

        // A body's dashboard: too few peers to compare with.
        let a = app.login("admin@example.no").await;
        let a_en = format!("{}; grunnmur_lang=en", a.cookie);
        let (_, html) = app.get(&a_en, &format!("/b/{A}")).await;
        assert!(
            html.contains("fewer than 5 bodies of the same kind"),
            "{html}"
        );

        let catalog = small_catalog();
        for orgnr in MORE {
            assert!(grunnmur_catalog::body::valid_orgnr(orgnr), "{orgnr}");
            add_small_body(&app.store, &catalog, orgnr).await;
        }
        let (_, html) = app.get(&en, "/national?kind=kommune").await;
        assert!(html.contains("The group has 5 bodies."), "{html}");
        assert!(html.contains("Coverage by baseline") && html.contains("BN1"));
        assert!(
            html.contains("Access control") || html.contains("(m.tilgang)"),
            "{html}"
        );
        for orgnr in [A, B].into_iter().chain(MORE) {
            assert!(!html.contains(orgnr), "no body named: {orgnr}");
        }
        let (status, csv) = app.get(&en, "/national.csv?kind=kommune").await;
        assert_eq!(status, StatusCode::OK);
        assert!(csv.contains("m.tilgang"), "{csv}");

        // Beside its 5 peers on the dashboard, and in the API.
        let (_, html) = app.get(&a_en, &format!("/b/{A}")).await;
        assert!(html.contains("Compared with 5 bodies"), "{html}");
        assert!(html.contains("<th scope=\"row\">BN1</th>"), "{html}");
        let (status, json) = app
            .get(&a.cookie, &format!("/api/bodies/{A}/benchmark"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["peers"], 5);
        assert!(v["baselines"][0]["median"].is_number(), "{json}");
        for orgnr in [B].into_iter().chain(MORE) {
            assert!(!json.contains(orgnr), "no peer named");
        }
        let (status, _) = app
            .get(&a.cookie, &format!("/api/bodies/{B}/benchmark"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another body's benchmark");

        // A body's member is refused, page and download.
        let (status, _) = app.get(&a.cookie, "/national").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.get(&a.cookie, "/national.xlsx").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}

/// Catalog calibration: a catalog editor finds it from /catalog and sees, from 5 bodies, the
/// recommendations changed, the measures marked not applicable and the own tasks added — names
/// from the catalog, justifications, no body named —, searches and downloads it; with fewer
/// than 5 bodies nothing but the count; a body's member is refused.
#[tokio::test]
async fn catalog_editors_see_calibration_and_members_do_not() {
    for app in apps("catalog_editors_see_calibration").await {
        let id = add_user(&app.store, "katalog@example.no", false).await;
        (app.store)
            .set_platform_role(
                id,
                grunnmur_store::PlatformRole::CatalogEditor,
                true,
                "test",
            )
            .await
            .unwrap();
        let editor = app.login("katalog@example.no").await;
        let en = format!("{}; grunnmur_lang=en", editor.cookie);
        let (status, html) = app.get(&en, "/catalog").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("href=\"/catalog/calibration\""), "the way in");
        // Two bodies: the count only.
        let (status, html) = app.get(&en, "/catalog/calibration").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("From 2 bodies.") && html.contains("Fewer than 5 bodies"));
        assert!(!html.contains("Personnel file") && !html.contains("Helseopplysninger"));

        let catalog = small_catalog();
        for orgnr in MORE {
            add_small_body(&app.store, &catalog, orgnr).await;
        }
        let (_, html) = app.get(&en, "/catalog/calibration").await;
        assert!(html.contains("From 5 bodies."), "{html}");
        assert!(html.contains("Personnel file") && html.contains("Lowered: confidentiality"));
        assert!(html.contains("Helseopplysninger lagres ikke i personalmappen hos oss."));
        assert!(html.contains("Backup") && html.contains("5 of 5"), "{html}");
        assert!(html.contains("kulturskole"), "the own task, normalised");
        for orgnr in [A, B].into_iter().chain(MORE) {
            assert!(!html.contains(orgnr), "no body named: {orgnr}");
        }
        assert!(!html.contains("Lille kommune") && !html.contains("HR-system"));
        // Bokmål by default.
        let (_, html) = app.get(&editor.cookie, "/catalog/calibration").await;
        assert!(html.contains("Personalmappe") && html.contains("Senket: konfidensialitet"));
        // The search keeps matching rows only.
        let (_, html) = app.get(&en, "/catalog/calibration?q=backup").await;
        assert!(
            html.contains("Backup") && !html.contains("Personnel file"),
            "{html}"
        );
        let (status, csv) = app.get(&en, "/catalog/calibration.csv").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            csv.contains("hr.personalmappe") && csv.contains("kulturskole"),
            "{csv}"
        );
        let (status, _) = app.get(&en, "/catalog/calibration.xlsx").await;
        assert_eq!(status, StatusCode::OK);

        // A body's member is refused, page and download, and is not shown the way in.
        let a = app.login("admin@example.no").await;
        let (_, html) = app.get(&a.cookie, "/catalog").await;
        assert!(!html.contains("/catalog/calibration"));
        let (status, _) = app.get(&a.cookie, "/catalog/calibration").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.get(&a.cookie, "/catalog/calibration.csv").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}
