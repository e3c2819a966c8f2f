//! A draft in consultation on the body's release page, and a published release's record: the
//! release notes and the comments with their answers, by body and never by person, as a page,
//! PDF and XLSX (issue 14).

use crate::{apps, publish_small};
use grunnmur_catalog::Source;
use grunnmur_store::DraftChange;
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn a_draft_in_consultation_is_on_the_release_page_and_its_record_is_published_with_it() {
    for app in
        apps("a_draft_in_consultation_is_on_the_release_page_and_its_record_is_published_with_it")
            .await
    {
        let db = app.store.backend();
        publish_small(&app, "1.0", |t| t).await;
        let files = vec![Source {
            name: "catalog/catalog.yaml".into(),
            text: small_catalog_file("1.1").replace(
                "level: 3, protects: [c], scope: system",
                "level: 2, protects: [c], scope: system",
            ),
        }];
        let sources = serde_json::to_string(&files).unwrap();
        let s = &app.store;
        let d = (s.create_draft("liten", "1.0", "1.1", &sources, "nsm@example.no"))
            .await
            .unwrap();
        let change = DraftChange {
            draft_id: d.id,
            rev: d.rev,
            sources: Some(&sources),
            section: "measures",
            entry_id: "m.kryptering",
            owner: "nsm",
            entry: Some(r#"{"id":"m.kryptering","level":2}"#),
            before: Some(r#"{"id":"m.kryptering","level":3}"#),
            reason: "Encrypt more systems",
        };
        s.change_draft(change, "nsm@example.no").await.unwrap();
        let closes = grunnmur_web::state::today().to_string();
        s.open_consultation(d.id, &closes, "nsm@example.no")
            .await
            .unwrap();
        let c = (s.add_draft_comment(
            d.id,
            A,
            "measures/m.kryptering",
            "Too costly",
            "a@example.no",
        ))
        .await
        .unwrap();
        (s.answer_draft_comment(d.id, c.id, "Only where needed", "partly", "nsm@example.no"))
            .await
            .unwrap();

        // In consultation: on the body's release page, with what it changes and where to say so.
        let admin = app.login("admin@example.no").await;
        let (status, html) = app.get(&admin.cookie, &format!("/b/{A}/release")).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert!(
            html.contains("Utkast til versjon 1.1 (på høring)"),
            "{db}: {html}"
        );
        assert!(
            html.contains(&format!("href=\"/catalog/drafts/{}\"", d.id)),
            "{db}"
        );
        assert!(
            html.contains("Kryptering"),
            "{db}: what changes for us, by name"
        );
        assert!(
            !html.contains(&format!("id=\"pin-draft-{}\"", d.id)),
            "{db}: no move to a draft"
        );

        s.publish_draft(d.id, d.rev + 1, "nsm@example.no")
            .await
            .unwrap();
        let reader = app.login("reader@example.no").await;
        let path = "/catalog/releases/liten/1.1/record";
        let (status, html) = app.get(&reader.cookie, path).await;
        assert_eq!(status, StatusCode::OK, "{db}: {html}");
        for shown in [
            "Kryptering (Tiltak: m.kryptering)",
            "level: 3 → 2",
            "Encrypt more systems",
            "Nasjonal sikkerhetsmyndighet",
            "Kommune 974760673 (974760673)",
            "Too costly",
            "Delvis tatt til følge",
            "Only where needed",
        ] {
            assert!(html.contains(shown), "{db}: {shown} in {html}");
        }
        for person in ["a@example.no", "nsm@example.no"] {
            assert!(!html.contains(person), "{db}: {person}");
        }
        let en = format!("{}; grunnmur_lang=en", reader.cookie);
        let (_, html) = app.get(&en, path).await;
        assert!(
            html.contains("Release notes") && html.contains("Partly accepted"),
            "{db}"
        );
        for (ext, magic) in [("pdf", &b"%PDF"[..]), ("xlsx", &b"PK"[..])] {
            let res = (app.http.get(format!("{}{path}.{ext}", app.base)))
                .header("cookie", &reader.cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{db}: {ext}");
            let bytes = res.bytes().await.unwrap();
            assert!(bytes.starts_with(magic), "{db}: {ext}");
        }
        // The release page links the record; a release published as files has none.
        let (_, html) = app.get(&admin.cookie, &format!("/b/{A}/release")).await;
        assert!(
            html.contains("href=\"/catalog/releases/liten/1.1/record\""),
            "{db}"
        );
        let (status, _) = app
            .get(&reader.cookie, "/catalog/releases/liten/1.0/record")
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{db}");
    }
}
