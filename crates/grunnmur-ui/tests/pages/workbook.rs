//! The workspace as a workbook in the browser: a changed workbook is previewed in words and
//! applied whole; a workbook with problems names their sheet and row and stores nothing; a
//! preview made stale by another change cannot be applied; another person's or another body's
//! pending import is not found.

use crate::apps;
use grunnmur_catalog::BodyDoc;
use grunnmur_i18n::Lang;
use grunnmur_testkit::*;
use reqwest::StatusCode;

async fn stored(app: &Site) -> BodyDoc {
    let row = app.store.workspace(A).await.unwrap().unwrap();
    serde_json::from_str(&row.doc).unwrap()
}

/// A's workspace as a workbook, changed by `change`.
async fn workbook(app: &Site, change: impl FnOnce(&mut BodyDoc)) -> Vec<u8> {
    let mut doc = stored(app).await;
    change(&mut doc);
    grunnmur_report::export_workspace(&doc, Lang::En).unwrap()
}

#[tokio::test]
async fn a_workbook_is_previewed_in_words_and_applied_whole() {
    for app in apps("a_workbook_is_previewed_in_words_and_applied_whole").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let (status, html) = app.get(&en, &format!("/b/{A}/workbook")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The workspace as a workbook"));
        // The download is the stored workspace.
        let res = app
            .http
            .get(format!("{}/b/{A}/workbook.xlsx", app.base))
            .header("cookie", &s.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let bytes = res.bytes().await.unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"), "an xlsx file");

        let version = app.version(A).await;
        let data = workbook(&app, |d| {
            d.systems.iter_mut().find(|x| x.id == "s.hr").unwrap().name = "Personalsystem".into();
        })
        .await;
        let csrf = [("csrf", s.csrf.as_str())];
        let upload = format!("/b/{A}/workbook");
        let res = app
            .upload(&en, &upload, &csrf, ("file", "ws.xlsx", data))
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let preview = location(&res);
        assert_eq!(
            app.version(A).await,
            version,
            "nothing stored by reading it"
        );
        let (status, html) = app.get(&en, &preview).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("makes one change"), "{html}");
        assert!(
            html.contains("Personalsystem") && html.contains("HR-system"),
            "{html}"
        );

        // Another member of A, and a member of another body, do not see it.
        for who in ["admin@example.no", "b@example.no"] {
            let w = app.login(who).await;
            let (status, _) = app.get(&w.cookie, &preview).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{who}");
            let form = [("csrf", w.csrf.as_str())];
            let res = app
                .post(&w.cookie, &format!("{preview}/apply"), &form)
                .await;
            assert_eq!(res.status(), StatusCode::NOT_FOUND, "{who}");
        }

        let res = app
            .post(&s.cookie, &format!("{preview}/apply"), &csrf)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("/b/{A}?saved=1"));
        let doc = stored(&app).await;
        let hr = doc.systems.iter().find(|x| x.id == "s.hr").unwrap();
        assert_eq!(hr.name, "Personalsystem");
        assert_eq!(app.version(A).await, version + 1);
        let audit = app.store.audit_for(A).await.unwrap();
        assert_eq!(audit.last().unwrap().action, "workspace.import_workbook");
        // Applied once: the preview is gone.
        let (status, _) = app.get(&s.cookie, &preview).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // A preview made stale by another change says so and cannot be applied.
        let data = workbook(&app, |d| {
            d.systems.iter_mut().find(|x| x.id == "s.id").unwrap().name = "IAM".into();
        })
        .await;
        let res = app
            .upload(&en, &upload, &csrf, ("file", "ws.xlsx", data))
            .await;
        let preview = location(&res);
        let form = [("csrf", s.csrf.as_str()), ("status", "in_progress")];
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/measures/m.tilgang?system=s.hr"),
                &form,
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get(&en, &preview).await;
        assert!(
            html.contains("has changed since the workbook was read"),
            "{html}"
        );
        let version = app.version(A).await;
        let res = app
            .post(&s.cookie, &format!("{preview}/apply"), &csrf)
            .await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert_eq!(app.version(A).await, version);
    }
}

#[tokio::test]
async fn a_workbook_with_problems_names_sheet_and_row_and_stores_nothing() {
    for app in apps("a_workbook_with_problems_names_sheet_and_row_and_stores_nothing").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let version = app.version(A).await;
        let upload = format!("/b/{A}/workbook");
        let csrf = [("csrf", s.csrf.as_str())];
        // A system that depends on one that does not exist.
        let data = workbook(&app, |d| {
            let hr = d.systems.iter_mut().find(|x| x.id == "s.hr").unwrap();
            hr.depends_on[0].system = "s.finnes-ikke".into();
        })
        .await;
        let res = app
            .upload(&en, &upload, &csrf, ("file", "ws.xlsx", data))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("id=\"problems\""), "{html}");
        assert!(
            html.contains("s.finnes-ikke"),
            "the problem names the value: {html}"
        );
        assert!(html.contains("row"), "and its row: {html}");
        // Not a workbook at all, an empty upload, a wrong token.
        let res = app
            .upload(&en, &upload, &csrf, ("file", "x.xlsx", b"hello".to_vec()))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = app
            .upload(&en, &upload, &csrf, ("file", "x.xlsx", Vec::new()))
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains("Choose a workbook."));
        let res = app
            .upload(
                &s.cookie,
                &upload,
                &[("csrf", "x")],
                ("file", "x.xlsx", b"PK".to_vec()),
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.version(A).await, version, "nothing stored");
        // A reader may download, not upload.
        let r = app.login("reader@example.no").await;
        let (status, _) = app.get(&r.cookie, &format!("/b/{A}/workbook.xlsx")).await;
        assert_eq!(status, StatusCode::OK);
        let res = app
            .upload(
                &r.cookie,
                &upload,
                &[("csrf", r.csrf.as_str())],
                ("file", "x.xlsx", b"PK".to_vec()),
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
}
