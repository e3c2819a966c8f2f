//! Attestations on the pages: an administrator issues one for chosen systems and revokes it;
//! the public verification page (no sign-in) says what a pasted or uploaded attestation states
//! and whether it holds, in both languages; other bodies and smaller roles are refused.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// Checks a token on the public page, pasted or as a file: the page's text.
async fn check(app: &Site, cookie: &str, token: &str, as_file: bool) -> (StatusCode, String) {
    let res = if as_file {
        app.upload(
            cookie,
            "/verify",
            &[],
            ("file", "a.jws", token.as_bytes().to_vec()),
        )
        .await
    } else {
        let form = reqwest::multipart::Form::new().text("token", token.to_string());
        (app.http.post(format!("{}/verify", app.base)))
            .header("cookie", cookie)
            .multipart(form)
            .send()
            .await
            .unwrap()
    };
    (res.status(), res.text().await.unwrap())
}

#[tokio::test]
async fn an_administrator_issues_and_revokes_and_anyone_verifies() {
    for app in apps("an_administrator_issues_and_revokes_and_anyone_verifies").await {
        let admin = app.login("admin@example.no").await;
        let en = format!("{}; grunnmur_lang=en", admin.cookie);
        let path = format!("/b/{A}/attestations");
        let (status, html) = app.get(&en, &path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Issue an attestation") && html.contains("HR-system"));

        // Bad validity: at the field, nothing issued.
        let form = [
            ("csrf", admin.csrf.as_str()),
            ("system", "s.hr"),
            ("months", "99"),
        ];
        let res = app.post(&en, &path, &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("between 1 and 36 months")
        );
        assert!(app.store.attestations(A).await.unwrap().is_empty());

        let form = [
            ("csrf", admin.csrf.as_str()),
            ("system", "s.hr"),
            ("months", "12"),
        ];
        let res = app.post(&en, &path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("{path}?saved=1#issued"));
        let rows = app.store.attestations(A).await.unwrap();
        assert_eq!(rows.len(), 1);
        let (id, token) = (rows[0].id.clone(), rows[0].token.clone());
        let (_, html) = app.get(&en, &format!("{path}?saved=1")).await;
        assert!(
            html.contains("HR-system (s.hr)") && html.contains("Valid"),
            "{html}"
        );

        // The file to hand over, for the body's members.
        let reader = app.login("reader@example.no").await;
        let (status, file) = app.get(&reader.cookie, &format!("{path}/{id}.jws")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(file, token);

        // Anyone checks it, signed in or not, pasted or uploaded, in either language.
        let (status, html) = check(&app, "grunnmur_lang=en", &token, false).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The attestation is valid"), "{html}");
        assert!(
            html.contains("Lille kommune") && html.contains("BN1"),
            "{html}"
        );
        let (_, html) = check(&app, "", &token, true).await;
        assert!(html.contains("Attestasjonen er gyldig"), "{html}");
        // A changed byte, and something that is no attestation.
        let forged = token.replacen('.', ".e", 1);
        let (_, html) = check(&app, "grunnmur_lang=en", &forged, false).await;
        assert!(html.contains("The attestation does not hold"), "{html}");
        let (status, html) = check(&app, "grunnmur_lang=en", "", false).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("Paste an attestation or choose a file."));

        // Others may not issue or revoke: an editor of A (403), a member of B (404).
        let editor = app.login("a@example.no").await;
        let form = [("csrf", editor.csrf.as_str()), ("months", "12")];
        assert_eq!(
            app.post(&editor.cookie, &path, &form).await.status(),
            StatusCode::FORBIDDEN
        );
        let b = app.login("b@example.no").await;
        let (status, _) = app.get(&b.cookie, &format!("{path}/{id}.jws")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let form = [("csrf", b.csrf.as_str()), ("reason", "x")];
        let res = app
            .post(&b.cookie, &format!("{path}/{id}/revoke"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // Revoked with a reason: the list says so, and so does the public page.
        let form = [
            ("csrf", admin.csrf.as_str()),
            ("reason", "Systemet er byttet ut"),
        ];
        let res = app.post(&en, &format!("{path}/{id}/revoke"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get(&en, &path).await;
        assert!(html.contains("Systemet er byttet ut"), "{html}");
        let (_, html) = check(&app, "grunnmur_lang=en", &token, false).await;
        assert!(
            html.contains("does not hold") && html.contains("revoked on"),
            "{html}"
        );
    }
}
