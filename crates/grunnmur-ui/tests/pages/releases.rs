//! A body moves to another catalog release only if its workspace fits.

use crate::{apps, publish_small};
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn a_body_moves_to_another_catalog_release_only_if_it_fits() {
    for app in apps("a_body_moves_to_another_catalog_release_only_if_it_fits").await {
        let db = app.store.backend();
        let budget = "{c: lav, i: middels, a: lav}, rationale: {nb: \"Offentlig";
        publish_small(&app, "1.1", |t| {
            t.replace(budget, &budget.replace("c: lav", "c: høy"))
        })
        .await;
        publish_small(&app, "2.0", |t| {
            t.lines()
                .filter(|l| !l.contains("id: kommune.skole"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .await;
        let path = format!("/b/{A}/release");

        let pin = async |s: &Session, version: &str| {
            let form = [
                ("csrf", s.csrf.as_str()),
                ("catalog_id", "liten"),
                ("version", version),
            ];
            app.post(&s.cookie, &path, &form).await
        };
        // Readers see the versions and what each changes, without the buttons.
        let reader = app.login("reader@example.no").await;
        let (_, dash) = app.get(&reader.cookie, &format!("/b/{A}")).await;
        assert!(dash.contains("id=\"newer-release\""), "{db}");
        let (status, html) = app.get(&reader.cookie, &path).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert!(html.contains("liten, versjon 1.0"), "{db}: {html}");
        assert!(
            html.contains("Versjon 1.1") && html.contains("Versjon 2.0"),
            "{db}"
        );
        assert!(
            html.contains("okonomi.budsjett") && html.contains("lav"),
            "{db}"
        );
        assert!(
            !html.contains("id=\"pin-1-1\""),
            "{db}: no button for a reader"
        );
        // What changes for us: in words, per system, with names; 2.0 does not fit.
        assert!(html.contains("Hva endres for oss"), "{db}");
        assert!(
            html.contains("konfidensialitet: middels → høy"),
            "{db}: {html}"
        );
        assert!(
            html.contains("Arbeidsområdet passer ikke med denne versjonen"),
            "{db}"
        );
        let res = pin(&reader, "1.1").await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");

        let admin = app.login("admin@example.no").await;
        let (_, html) = app.get(&admin.cookie, &path).await;
        assert!(html.contains("id=\"pin-1-1\""), "{db}");
        // 2.0 lacks a task the body uses: the problems, at the button, and nothing changed.
        let res = pin(&admin, "2.0").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("href=\"#pin-2-0\"") && html.contains("kommune.skole"),
            "{db}: {html}"
        );
        assert_eq!(
            app.store.body(A).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
        // 1.1 fits: moved, and the system pages follow the new release at once.
        let (_, before) = app
            .get(&admin.cookie, &format!("/b/{A}/systems/s.okonomi"))
            .await;
        let res = pin(&admin, "1.1").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        assert_eq!(
            app.store.body(A).await.unwrap().unwrap().catalog_version,
            "1.1",
            "{db}"
        );
        let (_, after) = app
            .get(&admin.cookie, &format!("/b/{A}/systems/s.okonomi"))
            .await;
        assert!(
            !before.contains("m.kryptering") && after.contains("m.kryptering"),
            "{db}: encryption is required now"
        );
        let (_, html) = app.get(&admin.cookie, &path).await;
        assert!(html.contains("liten, versjon 1.1"), "{db}");
        // The dashboard tells of a newer release: 2.0 does not fit; 2.1 (1.1 again) changes
        // nothing for a body on 1.1.
        let (_, dash) = app.get(&admin.cookie, &format!("/b/{A}")).await;
        assert!(
            dash.contains("Katalogversjon 2.0 er publisert, men arbeidsområdet passer ikke"),
            "{db}"
        );
        publish_small(&app, "2.1", |t| {
            t.replace(budget, &budget.replace("c: lav", "c: høy"))
        })
        .await;
        let (_, dash) = app.get(&admin.cookie, &format!("/b/{A}")).await;
        assert!(
            dash.contains("Katalogversjon 2.1 er publisert. For dere endrer den ingenting."),
            "{db}"
        );
        // Body B stays on its release.
        assert_eq!(
            app.store.body(B).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
    }
}
