//! The account pages: changing the password, the forced change, the second factor at sign-in
//! and for platform administrators, and the pages behind the links an administrator hands over
//! (a new password, an invitation) — which never tell whether an address has an account.

use crate::{apps, start};
use grunnmur_store::Role;
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use grunnmur_web::totp;
use reqwest::StatusCode;

/// The link a members page shows to hand over.
fn handover_link(html: &str) -> String {
    let at = html
        .find("id=\"handover-link\">")
        .expect("a link to hand over")
        + 19;
    html[at..].split('<').next().unwrap().to_string()
}

/// The text of the notice above the link, with the address replaced.
fn notice(html: &str, email: &str) -> String {
    let at = html.find("class=\"notice\"").expect("a notice");
    html[at..].split("</p>").next().unwrap().replace(email, "E")
}

fn code_now(secret: &str) -> String {
    totp::code_at(&totp::base32_decode(secret).unwrap(), grunnmur_store::now())
}

/// The next step's code: the one to use once the current step's code was spent (a code is
/// accepted once; one step of clock drift is allowed either way).
fn code_next(secret: &str) -> String {
    let key = totp::base32_decode(secret).unwrap();
    totp::code_at(&key, grunnmur_store::now() + totp::STEP)
}

/// What an element with this id holds.
fn by_id(html: &str, id: &str) -> String {
    let at = html.find(&format!("id=\"{id}\">")).expect(id) + id.len() + 6;
    html[at..].split('<').next().unwrap().to_string()
}

/// The sign-in's code step, with a form of owned values.
async fn post_owned(app: &Site, cookie: &str, form: &[(&str, String)]) -> reqwest::Response {
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post(cookie, "/login/code", &form).await
}

async fn change(app: &Site, cookie: &str, csrf: &str, new: &str) -> reqwest::Response {
    let form = [("csrf", csrf), ("current", PASSWORD), ("new", new)];
    app.post(cookie, "/account/password", &form).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_page_changes_the_password_under_the_policy() {
    for app in apps("the_password_page_changes_the_password_under_the_policy").await {
        let s = app.login("a@example.no").await;
        let (status, html) = app.get(&s.cookie, "/account/password").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("autocomplete=\"new-password\""), "{html}");
        let res = change(&app, &s.cookie, "wrong", "et helt nytt passord").await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "no change without the CSRF token"
        );
        let res = change(&app, &s.cookie, &s.csrf, "kort").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("id=\"new-error\""), "{html}");
        assert!(html.contains("minst 12 tegn"), "{html}");
        let res = change(&app, &s.cookie, &s.csrf, "Password1234").await;
        let html = res.text().await.unwrap();
        assert!(html.contains("mest brukte"), "{html}");
        let res = change(&app, &s.cookie, &s.csrf, "et helt nytt passord").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/account/password?saved=1");
        let user = app
            .store
            .user_by_email("a@example.no")
            .await
            .unwrap()
            .unwrap();
        let hash = user.password_hash.unwrap();
        assert!(grunnmur_web::auth::verify_password(
            "et helt nytt passord",
            &hash
        ));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_sign_in_with_a_one_time_password_goes_to_the_change_first() {
    let app = start(sqlite().await.0).await;
    let id = app
        .store
        .user_by_email("a@example.no")
        .await
        .unwrap()
        .unwrap()
        .id;
    app.store.require_password_change(id, "test").await.unwrap();
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
        ("next", "/bodies"),
        ("email", "a@example.no"),
        ("password", PASSWORD),
    ];
    let res = app.post(&pre, "/login", &form).await;
    let cookie = set_cookie(&res, "grunnmur_session").expect("signed in");
    for path in ["/bodies", &format!("/b/{A}"), "/catalog", "/account/totp"] {
        let res = app
            .http
            .get(format!("{}{path}", app.base))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(location(&res), "/account/password", "{path}");
    }
    let (status, html) = app.get(&cookie, "/account/password").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("engangspassord"), "{html}");
    let csrf = csrf_in(&html);
    let change = [
        ("csrf", csrf.as_str()),
        ("current", PASSWORD),
        ("new", "mitt eget lange passord"),
    ];
    let res = app.post(&cookie, "/account/password", &change).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&cookie, "/bodies").await.0, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_platform_administrator_enrols_and_then_signs_in_with_a_code() {
    for app in apps("a_platform_administrator_enrols_and_then_signs_in_with_a_code").await {
        add_user(&app.store, "root@example.no", true).await;
        // Site::login reads /bodies for the CSRF token; the gate sends it on, so sign in here.
        let res = app
            .http
            .get(format!("{}/login", app.base))
            .send()
            .await
            .unwrap();
        let pre = set_cookie(&res, "grunnmur_login").unwrap();
        let token = csrf_in(&res.text().await.unwrap());
        let login = [
            ("csrf", token.as_str()),
            ("next", "/bodies"),
            ("email", "root@example.no"),
            ("password", PASSWORD),
        ];
        let res = app.post(&pre, "/login", &login).await;
        let cookie = set_cookie(&res, "grunnmur_session").unwrap();
        let res = app
            .http
            .get(format!("{}/bodies", app.base))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(location(&res), "/account/totp");
        let (_, html) = app.get(&cookie, "/account/totp").await;
        let csrf = csrf_in(&html);
        let res = app
            .post(&cookie, "/account/totp/begin", &[("csrf", csrf.as_str())])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get(&cookie, "/account/totp").await;
        let secret = by_id(&html, "totp-secret");
        assert!(
            by_id(&html, "totp-uri").starts_with("otpauth://totp/"),
            "{html}"
        );
        let wrong = [("csrf", csrf.as_str()), ("code", "12345")];
        let res = app.post(&cookie, "/account/totp/confirm", &wrong).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let code = code_now(&secret);
        let right = [("csrf", csrf.as_str()), ("code", code.as_str())];
        let res = app.post(&cookie, "/account/totp/confirm", &right).await;
        assert_eq!(res.status(), StatusCode::OK);
        let html = res.text().await.unwrap();
        assert_eq!(html.matches("<li><code>").count(), 10, "{html}");
        assert_eq!(app.get(&cookie, "/bodies").await.0, StatusCode::OK);

        // The next sign-in asks for the code after the password.
        let res = app.post(&pre, "/login", &login).await;
        assert_eq!(
            res.status(),
            StatusCode::OK,
            "the code step, no session yet"
        );
        assert!(set_cookie(&res, "grunnmur_session").is_none());
        let html = res.text().await.unwrap();
        let challenge = {
            let at = html.find("name=\"challenge\" value=\"").unwrap() + 24;
            html[at..].split('"').next().unwrap().to_string()
        };
        let step = |code: String| {
            vec![
                ("csrf", token.clone()),
                ("next", "/bodies".to_string()),
                ("challenge", challenge.clone()),
                ("code", code),
            ]
        };
        let res = post_owned(&app, &pre, &step("000000x".into())).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // The login form's token is needed too (no signing someone in from another site).
        let res = post_owned(&app, "", &step(code_now(&secret))).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        // The confirmation spent the current step's code: it does not sign in again.
        let res = post_owned(&app, &pre, &step(code.clone())).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = post_owned(&app, &pre, &step(code_next(&secret))).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/bodies");
        let cookie = set_cookie(&res, "grunnmur_session").expect("signed in");
        assert_eq!(app.get(&cookie, "/bodies").await.0, StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_sets_a_new_password_once_and_ends_the_sessions() {
    for app in apps("a_reset_link_sets_a_new_password_once_and_ends_the_sessions").await {
        let admin = app.login("admin@example.no").await;
        let member = app.login("a@example.no").await;
        let form = [("csrf", admin.csrf.as_str()), ("email", "a@example.no")];
        let res = app
            .post(&admin.cookie, &format!("/b/{A}/members/reset"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        let link = handover_link(&res.text().await.unwrap());
        assert!(link.starts_with("/reset/"), "{link}");
        let (status, html) = app.get("", &link).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("a@example.no"), "{html}");
        let res = app.post("", &link, &[("new", "kort")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = app
            .post("", &link, &[("new", "et nytt og langt passord")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // The member's sessions ended; the link is spent.
        let (status, _) = app.get(&member.cookie, "/bodies").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(app.get("", &link).await.0, StatusCode::GONE);
        let res = app
            .post("", &link, &[("new", "enda et langt passord")])
            .await;
        assert_eq!(res.status(), StatusCode::GONE);
        let user = app
            .store
            .user_by_email("a@example.no")
            .await
            .unwrap()
            .unwrap();
        let hash = user.password_hash.unwrap();
        assert!(grunnmur_web::auth::verify_password(
            "et nytt og langt passord",
            &hash
        ));
        // A member of another body is out of this administrator's reach.
        let b = app
            .store
            .user_by_email("b@example.no")
            .await
            .unwrap()
            .unwrap();
        app.store.grant(b.id, A, Role::Reader, "t").await.unwrap();
        let form = [("csrf", admin.csrf.as_str()), ("email", "b@example.no")];
        let res = app
            .post(&admin.cookie, &format!("/b/{A}/members/reset"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_reads_the_same_for_an_account_or_none_and_makes_a_member() {
    for app in apps("an_invitation_reads_the_same_for_an_account_or_none").await {
        let admin = app.login("admin@example.no").await;
        let mut links = Vec::new();
        let mut notices = Vec::new();
        for email in ["b@example.no", "ny@example.no"] {
            let form = [
                ("csrf", admin.csrf.as_str()),
                ("email", email),
                ("role", "editor"),
            ];
            let res = app
                .post(&admin.cookie, &format!("/b/{A}/members"), &form)
                .await;
            assert_eq!(res.status(), StatusCode::OK);
            let html = res.text().await.unwrap();
            notices.push(notice(&html, email));
            links.push(handover_link(&html));
            assert!(!html.contains("Ingen konto"), "{html}");
        }
        assert_eq!(notices[0], notices[1], "the same words either way");
        let (_, html) = app.get(&admin.cookie, &format!("/b/{A}/members")).await;
        assert!(html.contains("ny@example.no") && html.contains("b@example.no"));

        // A new account: the password chosen on the invitation's page, under the policy.
        let (status, html) = app.get("", &links[1]).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("ny@example.no"), "{html}");
        let res = app.post("", &links[1], &[("new", "kort")]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = app.post("", &links[1], &[("new", PASSWORD)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let ny = app
            .store
            .user_by_email("ny@example.no")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(app.store.role(ny.id, A).await.unwrap(), Some(Role::Editor));
        let s = app.login("ny@example.no").await;
        assert_eq!(
            app.get(&s.cookie, &format!("/b/{A}")).await.0,
            StatusCode::OK
        );

        // An existing account: signed in as itself, it accepts.
        let res = app
            .post("", &links[0], &[("new", "et annet langt passord")])
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let b = app.login("b@example.no").await;
        let (_, html) = app.get(&b.cookie, &links[0]).await;
        assert!(html.contains("csrf"), "{html}");
        let res = app.post(&b.cookie, &links[0], &[("csrf", "wrong")]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app
            .post(&b.cookie, &links[0], &[("csrf", b.csrf.as_str())])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let bu = app
            .store
            .user_by_email("b@example.no")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(app.store.role(bu.id, A).await.unwrap(), Some(Role::Editor));
        assert_eq!(app.get("", &links[0]).await.0, StatusCode::GONE);
    }
}
