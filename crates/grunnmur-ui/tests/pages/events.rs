//! The platform's security events page: for platform administrators only, in both languages,
//! with bodies by name, filters, a clear problem for a wrong date, and the sign-in page's own
//! answer when throttled.

use crate::start;
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn platform_administrators_read_the_security_events_in_both_languages() {
    let app = start(sqlite().await.0).await;
    add_platform_admin(&app.store, "root@example.no").await;
    // A failed sign-in, and a member of A asking for B.
    let res = app
        .http
        .get(format!("{}/login", app.base))
        .send()
        .await
        .unwrap();
    let pre = set_cookie(&res, "grunnmur_login").unwrap();
    let token = csrf_in(&res.text().await.unwrap());
    let form = [
        ("csrf", token.as_str()),
        ("next", "/"),
        ("email", "a@example.no"),
        ("password", "feil"),
    ];
    let res = app.post(&pre, "/login", &form).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let member = app.login("a@example.no").await;
    let (status, _) = app.get(&member.cookie, &format!("/b/{B}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = app.get(&member.cookie, "/platform/audit").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "not for other users");

    let root = app.login("root@example.no").await;
    let b_name = app.store.body(B).await.unwrap().unwrap().name;
    for (lang, failed, denied) in [
        ("nb", "Mislykket innlogging", "Tilgang nektet"),
        ("en", "Failed sign-in", "Access denied"),
    ] {
        let cookie = format!("{}; grunnmur_lang={lang}", root.cookie);
        let (_, bodies) = app.get(&cookie, "/bodies").await;
        assert!(
            bodies.contains("href=\"/platform/audit\""),
            "linked for {lang}"
        );
        let (status, html) = app.get(&cookie, "/platform/audit").await;
        assert_eq!(status, StatusCode::OK, "{lang}");
        let rows = &html[html.find("<tbody>").expect("a table")..];
        assert!(rows.contains(failed), "{lang}: {rows}");
        assert!(rows.contains(denied), "{lang}");
        assert!(
            rows.contains(&format!("{b_name} ({B})")),
            "the body by name: {rows}"
        );
        assert!(
            !html.contains(">ui-") && !html.contains(" ui-event"),
            "{lang}: a key shows"
        );
    }
    // Filters: by kind of event, by person; a wrong date is a problem at its field.
    let (_, html) = app
        .get(&root.cookie, "/platform/audit?action=login.failed")
        .await;
    let rows = &html[html.find("<tbody>").unwrap()..];
    assert!(rows.contains("Mislykket innlogging") && !rows.contains("Tilgang nektet"));
    let (_, html) = app
        .get(&root.cookie, "/platform/audit?actor=ingen-slik")
        .await;
    assert!(!html.contains("<tbody>") && html.contains("Ingen hendelser passer"));
    let (status, html) = app.get(&root.cookie, "/platform/audit?from=i+går").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"from-error\""), "{html}");
}
