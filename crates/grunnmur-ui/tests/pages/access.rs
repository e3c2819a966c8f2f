//! Sessions, the login form, CSRF on every form, refused cross-site posts, tenant isolation and
//! roles.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn signed_in_pages_are_never_stored_and_an_https_site_says_so() {
    for app in apps("signed_in_pages_are_never_stored").await {
        let s = app.login("a@example.no").await;
        for path in [
            format!("/b/{A}"),
            format!("/b/{A}/systems"),
            format!("/b/{A}/measures"),
            "/bodies".to_string(),
            "/login".to_string(),
        ] {
            let res = app
                .http
                .get(format!("{}{path}", app.base))
                .header("cookie", &s.cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            assert_eq!(res.headers()["cache-control"], "no-store", "{path}");
            assert_eq!(res.headers()["x-content-type-options"], "nosniff", "{path}");
            assert!(res.headers().get("strict-transport-security").is_none());
        }
        // The stylesheet is the same for everyone: it may be cached.
        let css = app
            .http
            .get(format!("{}/static/app.css", app.base))
            .send()
            .await
            .unwrap();
        assert!(
            css.headers()["cache-control"]
                .to_str()
                .unwrap()
                .starts_with("public")
        );
    }
    // Behind https, every page says that the site is https only.
    let site = Site::start(testing::sqlite().await.0, &[A], |mut state, _| {
        state.config = std::sync::Arc::new(grunnmur_web::Config {
            public_url: Some("https://grunnmur.example.no".into()),
            ..grunnmur_web::Config::default()
        });
        state
    })
    .await;
    let res = site
        .http
        .get(format!("{}/login", site.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["strict-transport-security"],
        "max-age=31536000"
    );
}

/// ASVS 14.4.6, 14.3.3 and 14.5.3: pages keep their addresses (which name bodies and systems)
/// to this site when a link leads elsewhere, name no server software, and open nothing to
/// other origins (no CORS headers).
#[tokio::test]
async fn pages_keep_the_referrer_on_the_site_and_name_no_software() {
    for app in apps("pages_keep_the_referrer_on_the_site").await {
        let s = app.login("a@example.no").await;
        for (cookie, path) in [
            ("", "/login".to_string()),
            (s.cookie.as_str(), format!("/b/{A}/systems")),
            (s.cookie.as_str(), "/bodies".to_string()),
        ] {
            let res = app
                .http
                .get(format!("{}{path}", app.base))
                .header("cookie", cookie)
                .header("origin", "https://evil.example")
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            assert_eq!(res.headers()["referrer-policy"], "same-origin", "{path}");
            for name in ["server", "x-powered-by", "access-control-allow-origin"] {
                assert!(res.headers().get(name).is_none(), "{path}: {name}");
            }
        }
    }
}

#[tokio::test]
async fn pages_send_strangers_to_the_login_and_back() {
    for app in apps("pages_send_strangers_to_the_login_and_back").await {
        let (s, _) = app.get("", &format!("/b/{A}/systems")).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let res = app
            .http
            .get(format!("{}/b/{A}/systems", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(location(&res), format!("/login?next=%2Fb%2F{A}%2Fsystems"));
        // A `next` pointing elsewhere never leaves the site.
        let s = app.login("a@example.no").await;
        let res = app
            .http
            .get(format!("{}/lang/en?next=//evil.example/", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(location(&res), "/");
        drop(s);
    }
}

#[tokio::test]
async fn the_login_form_needs_its_own_token_and_rejects_wrong_passwords() {
    for app in apps("the_login_form_needs_its_own_token_and_rejects_wrong_passwords").await {
        // Without the pre-session cookie (a post from another site): refused, no session.
        let res = app
            .post(
                "",
                "/login",
                &[
                    ("csrf", "x"),
                    ("email", "a@example.no"),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert!(set_cookie(&res, "grunnmur_session").is_none());
        // Wrong password: the form again, the problem tied to the field, 401.
        let res = app
            .http
            .get(format!("{}/login", app.base))
            .send()
            .await
            .unwrap();
        let pre = set_cookie(&res, "grunnmur_login").unwrap();
        let token = csrf_in(&res.text().await.unwrap());
        let res = app
            .post(
                &pre,
                "/login",
                &[
                    ("csrf", &token),
                    ("email", "a@example.no"),
                    ("password", "feil"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("aria-invalid=\"true\"") && html.contains("role=\"alert\""),
            "{html}"
        );
        assert!(html.contains("Feil e-postadresse eller passord"));
    }
}

#[tokio::test]
async fn forms_without_the_session_token_or_from_another_site_change_nothing() {
    for app in apps("forms_without_the_session_token_or_from_another_site_change_nothing").await {
        let s = app.login("a@example.no").await;
        let before = app.version(A).await;
        let form = [("id", "s.ny"), ("name", "Nytt system")];
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", "wrong"), form[0], form[1]],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app.post(&s.cookie, &format!("/b/{A}/systems"), &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        // Another site, and this host over another scheme (the server speaks plain HTTP here,
        // so a page at https:// is not ours): refused before any handler runs.
        let host = app.base.trim_start_matches("http://");
        for origin in ["http://evil.example".to_string(), format!("https://{host}")] {
            let res = app
                .http
                .post(format!("{}/b/{A}/systems", app.base))
                .header("cookie", &s.cookie)
                .header("origin", &origin)
                .form(&[("csrf", s.csrf.as_str()), form[0], form[1]])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{origin}");
        }
        assert_eq!(app.version(A).await, before, "nothing stored");
        // With the token, from the same site: stored.
        let res = app
            .http
            .post(format!("{}/b/{A}/systems", app.base))
            .header("cookie", &s.cookie)
            .header("origin", &app.base)
            .form(&[("csrf", s.csrf.as_str()), form[0], form[1]])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.version(A).await, before + 1);
        let headers = app
            .http
            .get(format!("{}/login", app.base))
            .send()
            .await
            .unwrap();
        let csp = headers.headers()["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"));
    }
}

#[tokio::test]
async fn another_body_is_not_found_and_readers_cannot_change() {
    for app in apps("another_body_is_not_found_and_readers_cannot_change").await {
        let b = app.login("b@example.no").await;
        for path in [
            "",
            "/systems",
            "/systems/s.hr",
            "/measures",
            "/adapt",
            "/settings",
            "/audit",
            "/tasks",
        ] {
            let (status, html) = app.get(&b.cookie, &format!("/b/{A}{path}")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(!html.contains("HR-system"), "{path} leaks A's data");
        }
        let before = app.version(A).await;
        let res = app
            .post(
                &b.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", b.csrf.as_str()), ("id", "x"), ("name", "x")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let r = app.login("reader@example.no").await;
        let (status, html) = app.get(&r.cookie, &format!("/b/{A}/systems")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            !html.contains("action=\"/b/974760673/systems\""),
            "no create form for a reader"
        );
        let res = app
            .post(
                &r.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", r.csrf.as_str()), ("id", "x"), ("name", "x")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let (status, _) = app.get(&r.cookie, &format!("/b/{A}/members")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "members are for admins");
        assert_eq!(app.version(A).await, before, "nothing stored");
    }
}
