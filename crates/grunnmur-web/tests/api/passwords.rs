//! Passwords and the second factor over the API: the policy, changing a password, the forced
//! change, TOTP (codes computed from the secret with RFC 6238), recovery codes, invitations
//! that do not reveal accounts, and reset links with their limits.

use super::team;
use grunnmur_store::{Role, Storage};
use grunnmur_testkit::*;
use grunnmur_web::totp;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// The one problem of a 422: its field and code.
fn field_problem(body: &str) -> (String, String) {
    let v: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(v["error"], "invalid", "{body}");
    let p = &v["problems"][0];
    (
        p["field"].as_str().unwrap_or_default().into(),
        p["code"].as_str().unwrap_or_default().into(),
    )
}

/// The current TOTP code of a base32 secret, by RFC 6238 (HMAC-SHA-1, 6 digits, 30 s).
fn code(secret: &str) -> String {
    let key = totp::base32_decode(secret).unwrap();
    totp::code_at(&key, grunnmur_store::now())
}

/// The next step's code: accepted (one step of clock drift either way) when the current
/// step's code was spent already, since a code is accepted once (RFC 6238, 5.2).
fn next_code(secret: &str) -> String {
    let key = totp::base32_decode(secret).unwrap();
    totp::code_at(&key, grunnmur_store::now() + totp::STEP)
}

async fn login_with(app: &App, email: &str, password: &str, code: Option<&str>) -> Res {
    let mut body = json!({"email": email, "password": password});
    if let Some(c) = code {
        body["code"] = json!(c);
    }
    app.req(&NOBODY, Method::POST, "/api/login", Some(body))
        .await
}

async fn security_events(store: &dyn Storage, action: &str) -> Vec<grunnmur_store::AuditRow> {
    store
        .audit_all()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action && e.orgnr.is_none())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_is_changed_under_the_policy() {
    for app in App::on_every_backend("a_password_is_changed_under_the_policy").await {
        app.user("kari@example.no", false).await;
        let kari = app.login("kari@example.no").await;
        let change = |current: &str, new: &str| json!({"current": current, "new": new});
        let cases = [
            (
                change("feil passord her", "et helt nytt passord"),
                "current",
                "password-wrong",
            ),
            (change(PASSWORD, "kort"), "new", "password-too-short"),
            (change(PASSWORD, "elleve tegn"), "new", "password-too-short"),
            (change(PASSWORD, "Password1234"), "new", "password-common"),
            (change(PASSWORD, "1QAZ2WSX3EDC"), "new", "password-common"),
            (change(PASSWORD, PASSWORD), "new", "password-same"),
        ];
        for (body, field, code) in cases {
            let (s, b) = app.json(&kari, Method::PUT, "/api/me/password", body).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
            assert_eq!(field_problem(&b), (field.to_string(), code.to_string()));
        }
        // The message names the rule, in the caller's language.
        let res = app
            .http
            .put(format!("{}/api/me/password", app.base))
            .header("cookie", kari.cookie.clone().unwrap())
            .header("x-csrf-token", kari.csrf.clone().unwrap())
            .header("accept-language", "en")
            .json(&change(PASSWORD, "kort"))
            .send()
            .await
            .unwrap();
        let text = res.text().await.unwrap();
        assert!(text.contains("at least 12 characters"), "{text}");

        let new = "blåbærsyltetøy på loftet";
        let (s, b) = app
            .json(
                &kari,
                Method::PUT,
                "/api/me/password",
                change(PASSWORD, new),
            )
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT, "{b}");
        let old = login_with(&app, "kari@example.no", PASSWORD, None).await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED);
        let now = login_with(&app, "kari@example.no", new, None).await;
        assert_eq!(now.status, StatusCode::OK, "{}", now.text());
        let e = security_events(app.store.as_ref(), "password.change").await;
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].actor, "kari@example.no");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forced_change_holds_every_call_but_the_change() {
    for app in App::on_every_backend("a_forced_change_holds_every_call_but_the_change").await {
        let id = app.user("first@example.no", true).await;
        app.store
            .require_password_change(id, "grunnmur serve")
            .await
            .unwrap();
        let session = app.login("first@example.no").await;
        let token = app.token(id).await;
        for who in [&session, &token] {
            let res = app.req(who, Method::GET, "/api/bodies", None).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN);
            assert_eq!(res.json()["error"], "password_change_required");
            assert!(
                res.json()["message"]
                    .as_str()
                    .unwrap()
                    .contains("/api/me/password")
            );
        }
        let me = app.req(&session, Method::GET, "/api/me", None).await;
        assert_eq!(me.status, StatusCode::OK);
        assert_eq!(me.json()["must_change_password"], true);
        let body = json!({"current": PASSWORD, "new": "mitt eget lange passord"});
        let (s, b) = app
            .json(&session, Method::PUT, "/api/me/password", body)
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT, "{b}");
        // A platform administrator's session then needs the second factor; the token does not.
        assert_eq!(app.get(&token, "/api/bodies").await.0, StatusCode::OK);
        let res = app.req(&session, Method::GET, "/api/bodies", None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(res.json()["error"], "second_factor_enrolment_required");
        let logout = app.req(&session, Method::POST, "/api/logout", None).await;
        assert_eq!(logout.status, StatusCode::NO_CONTENT);
    }
}

/// Turns the second factor on for a signed-in caller; the secret and the recovery codes.
async fn enrol(app: &App, who: &Who) -> (String, Vec<String>) {
    let res = app.req(who, Method::POST, "/api/me/totp", None).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let secret = res.json()["secret"].as_str().unwrap().to_string();
    let uri = res.json()["uri"].as_str().unwrap().to_string();
    assert!(uri.starts_with("otpauth://totp/Grunnmur%3A"), "{uri}");
    assert!(uri.contains(&format!("secret={secret}")), "{uri}");
    let res = app
        .req(
            who,
            Method::PUT,
            "/api/me/totp",
            Some(json!({"code": code(&secret)})),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let codes: Vec<String> = res.json()["recovery_codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_string())
        .collect();
    (secret, codes)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totp_is_asked_after_the_password_once_it_is_on() {
    for app in App::on_every_backend("totp_is_asked_after_the_password_once_it_is_on").await {
        app.user("kari@example.no", false).await;
        let kari = app.login("kari@example.no").await;
        // A wrong code does not turn it on; nor a confirmation before the start.
        let early = app
            .req(
                &kari,
                Method::PUT,
                "/api/me/totp",
                Some(json!({"code": "123456"})),
            )
            .await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_problem(&early.text()).1, "totp-not-started");
        let res = app.req(&kari, Method::POST, "/api/me/totp", None).await;
        let secret = res.json()["secret"].as_str().unwrap().to_string();
        let key = totp::base32_decode(&secret).unwrap();
        let stale = totp::code_at(&key, grunnmur_store::now() - 600);
        let wrong = app
            .req(
                &kari,
                Method::PUT,
                "/api/me/totp",
                Some(json!({"code": stale})),
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            field_problem(&wrong.text()),
            ("code".into(), "totp-wrong".into())
        );
        let (secret, codes) = enrol(&app, &kari).await;
        assert_eq!(codes.len(), 10);
        let again = app.req(&kari, Method::POST, "/api/me/totp", None).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let me = app.req(&kari, Method::GET, "/api/me", None).await;
        assert_eq!(me.json()["second_factor"], true);

        let no_code = login_with(&app, "kari@example.no", PASSWORD, None).await;
        assert_eq!(no_code.status, StatusCode::UNAUTHORIZED);
        assert_eq!(no_code.json()["error"], "second_factor_required");
        assert!(no_code.headers.get("set-cookie").is_none());
        let wrong_pw = login_with(
            &app,
            "kari@example.no",
            "feil passord her",
            Some(&code(&secret)),
        )
        .await;
        assert_eq!(wrong_pw.status, StatusCode::UNAUTHORIZED);
        assert_eq!(wrong_pw.json()["error"], "unauthenticated");
        // The enrolment spent the current step's code.
        let good = login_with(&app, "kari@example.no", PASSWORD, Some(&next_code(&secret))).await;
        assert_eq!(good.status, StatusCode::OK, "{}", good.text());
        // A recovery code works once, written any way.
        let rc = codes[0].to_uppercase();
        let first = login_with(&app, "kari@example.no", PASSWORD, Some(&rc)).await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text());
        let second = login_with(&app, "kari@example.no", PASSWORD, Some(&codes[0])).await;
        assert_eq!(second.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            security_events(app.store.as_ref(), "totp.recovery-used")
                .await
                .len(),
            1
        );

        // Off: the password and a code (here a recovery code: both TOTP steps the clock allows
        // now were spent).
        let off = |password: &str, code: String| json!({"password": password, "code": code});
        let res = app
            .req(
                &kari,
                Method::DELETE,
                "/api/me/totp",
                Some(off("feil passord her", code(&secret))),
            )
            .await;
        assert_eq!(field_problem(&res.text()).0, "password");
        let res = app
            .req(
                &kari,
                Method::DELETE,
                "/api/me/totp",
                Some(off(PASSWORD, "nope-nope".into())),
            )
            .await;
        assert_eq!(
            field_problem(&res.text()),
            ("code".into(), "totp-wrong".into())
        );
        let res = app
            .req(
                &kari,
                Method::DELETE,
                "/api/me/totp",
                Some(off(PASSWORD, codes[1].clone())),
            )
            .await;
        assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());
        let plain = login_with(&app, "kari@example.no", PASSWORD, None).await;
        assert_eq!(plain.status, StatusCode::OK);
        for action in ["totp.enable", "totp.disable"] {
            assert_eq!(
                security_events(app.store.as_ref(), action).await.len(),
                1,
                "{action}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_platform_administrators_session_must_enrol_first() {
    for app in App::on_every_backend("a_platform_administrators_session_must_enrol_first").await {
        app.user("root@example.no", true).await;
        let root = app.login("root@example.no").await;
        let res = app.req(&root, Method::GET, "/api/bodies", None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(res.json()["error"], "second_factor_enrolment_required");
        let (secret, _) = enrol(&app, &root).await;
        assert_eq!(app.get(&root, "/api/bodies").await.0, StatusCode::OK);
        let again = login_with(&app, "root@example.no", PASSWORD, Some(&next_code(&secret))).await;
        assert_eq!(again.status, StatusCode::OK);
    }
}

/// Issue 16, item 2: "accounts that sign in through OpenID Connect get their second factor from
/// the provider" — an account without a local password cannot enrol, and is never asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_of_the_organisations_login_is_not_asked_for_totp() {
    for app in App::on_every_backend("an_account_of_the_organisations_login_is_not_asked").await {
        let id = app
            .store
            .create_user("oidc@example.no", None, false, "test")
            .await
            .unwrap();
        let who = app.token(id).await;
        let res = app.req(&who, Method::POST, "/api/me/totp", None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.text());
        assert!(
            app.store
                .user(id)
                .await
                .unwrap()
                .unwrap()
                .totp_pending
                .is_none()
        );
        let me = app.req(&who, Method::GET, "/api/me", None).await;
        assert_eq!(me.json()["second_factor"], false);
        // A platform administrator's session without a local password is not held for it (the
        // session as the organisation's login opens it).
        let root = app
            .store
            .create_user("oidc-root@example.no", None, true, "test")
            .await
            .unwrap();
        let cookie = grunnmur_web::auth::random_token(32);
        let hash = grunnmur_web::auth::sha256_hex(&cookie);
        let expires = grunnmur_store::now() + 3600;
        app.store
            .create_session(&hash, root, "csrf", expires)
            .await
            .unwrap();
        let session = Who {
            cookie: Some(format!("grunnmur_session={cookie}")),
            csrf: Some("csrf".into()),
            token: None,
        };
        let res = app.req(&session, Method::GET, "/api/bodies", None).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }
}

/// Turns the second factor on for an account in the store, spending no code: its secret.
async fn with_totp(app: &App, id: i64, email: &str) -> String {
    let secret = totp::new_secret();
    app.store.set_totp_pending(id, Some(&secret)).await.unwrap();
    app.store
        .enable_totp(id, &secret, &[], email)
        .await
        .unwrap();
    secret
}

/// RFC 6238, 5.2: a code accepted once — at sign-in, at the enrolment's confirmation, at turning
/// the second factor off — is refused after that for the account, and of two sign-ins at once
/// with one code only one gets in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_totp_code_is_accepted_once() {
    for app in App::on_every_backend("a_totp_code_is_accepted_once").await {
        // Sign-in: the same code twice.
        let id = app.user("kari@example.no", false).await;
        let kari = app.login("kari@example.no").await;
        let secret = with_totp(&app, id, "kari@example.no").await;
        let c = code(&secret);
        let first = login_with(&app, "kari@example.no", PASSWORD, Some(&c)).await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.text());
        let replay = login_with(&app, "kari@example.no", PASSWORD, Some(&c)).await;
        assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "{}", replay.text());
        assert_eq!(replay.json()["error"], "unauthenticated");
        assert!(replay.headers.get("set-cookie").is_none());
        // Turning it off with the code the sign-in spent: refused; with a later one: done.
        let off = |code: String| json!({"password": PASSWORD, "code": code});
        let res = app
            .req(&kari, Method::DELETE, "/api/me/totp", Some(off(c.clone())))
            .await;
        assert_eq!(
            field_problem(&res.text()),
            ("code".into(), "totp-wrong".into())
        );
        let res = app
            .req(
                &kari,
                Method::DELETE,
                "/api/me/totp",
                Some(off(next_code(&secret))),
            )
            .await;
        assert_eq!(res.status, StatusCode::NO_CONTENT, "{}", res.text());

        // The enrolment's confirmation spends its code: it does not sign in afterwards.
        app.user("ola@example.no", false).await;
        let ola = app.login("ola@example.no").await;
        let res = app.req(&ola, Method::POST, "/api/me/totp", None).await;
        let secret = res.json()["secret"].as_str().unwrap().to_string();
        let c = code(&secret);
        let body = Some(json!({"code": c}));
        let res = app.req(&ola, Method::PUT, "/api/me/totp", body).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let replay = login_with(&app, "ola@example.no", PASSWORD, Some(&c)).await;
        assert_eq!(replay.status, StatusCode::UNAUTHORIZED, "{}", replay.text());
        let later = login_with(&app, "ola@example.no", PASSWORD, Some(&next_code(&secret))).await;
        assert_eq!(later.status, StatusCode::OK, "{}", later.text());

        // Two sign-ins at once with one code: exactly one session.
        let id = app.user("per@example.no", false).await;
        let secret = with_totp(&app, id, "per@example.no").await;
        let c = code(&secret);
        let (a, b) = tokio::join!(
            login_with(&app, "per@example.no", PASSWORD, Some(&c)),
            login_with(&app, "per@example.no", PASSWORD, Some(&c)),
        );
        let mut statuses = [a.status, b.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::UNAUTHORIZED]);
        let sessions = [a, b]
            .iter()
            .filter(|r| r.headers.get("set-cookie").is_some())
            .count();
        assert_eq!(sessions, 1);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_a_member_invites_and_never_tells_whether_an_account_exists() {
    for app in App::on_every_backend("adding_a_member_invites_and_never_tells").await {
        let t = team(&app).await;
        let path = format!("/api/bodies/{A}/members");
        let mut answers = Vec::new();
        for email in ["reader@example.no", "ny@example.no"] {
            let body = json!({"email": email, "role": "editor"});
            let res = app.req(&t.admin, Method::POST, &path, Some(body)).await;
            assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
            let v = res.json();
            assert!(v["link"].as_str().unwrap().contains("/invite/"), "{v}");
            let keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            answers.push((v["message"].as_str().unwrap().replace(email, "E"), keys));
        }
        assert_eq!(answers[0], answers[1], "the same answer either way");
        let bad = json!({"email": "not an address", "role": "editor"});
        let res = app.req(&t.admin, Method::POST, &path, Some(bad)).await;
        assert_eq!(
            field_problem(&res.text()),
            ("email".into(), "email-invalid".into())
        );
        let body = json!({"email": "x@example.no", "role": "reader"});
        let res = app.req(&t.editor, Method::POST, &path, Some(body)).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let invites: Vec<_> = app
            .store
            .audit_for(A)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "member.invite")
            .collect();
        assert_eq!(invites.len(), 2);
        assert_eq!(invites[0].actor, "admin@example.no");
        // The invitation is not the membership: the role comes when the link is used.
        let reader = app
            .store
            .user_by_email("reader@example.no")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            app.store.role(reader.id, A).await.unwrap(),
            Some(Role::Reader)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_resets_only_members_within_reach() {
    for app in App::on_every_backend("an_administrator_resets_only_members_within_reach").await {
        let t = team(&app).await;
        let root_id = app
            .store
            .user_by_email("root@example.no")
            .await
            .unwrap()
            .unwrap();
        let root = app.token(root_id.id).await;
        app.create_body(&root, B, "Annen etat").await;
        let path = format!("/api/bodies/{A}/password-resets");
        let reset = |email: &str| json!({"email": email});
        let res = app
            .req(
                &t.admin,
                Method::POST,
                &path,
                Some(reset("Editor@Example.no")),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        assert!(res.json()["link"].as_str().unwrap().contains("/reset/"));
        // Not a member of this body: not found.
        app.user("stranger@example.no", false).await;
        let res = app
            .req(
                &t.admin,
                Method::POST,
                &path,
                Some(reset("stranger@example.no")),
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // A member of a body the caller does not administer: refused.
        let reader = app
            .store
            .user_by_email("reader@example.no")
            .await
            .unwrap()
            .unwrap();
        app.store
            .grant(reader.id, B, Role::Reader, "t")
            .await
            .unwrap();
        let res = app
            .req(
                &t.admin,
                Method::POST,
                &path,
                Some(reset("reader@example.no")),
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Nor an editor.
        let res = app
            .req(
                &t.editor,
                Method::POST,
                &path,
                Some(reset("reader@example.no")),
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // A platform administrator reaches every account.
        let res = app
            .req(&root, Method::POST, &path, Some(reset("reader@example.no")))
            .await;
        assert_eq!(res.status, StatusCode::CREATED);
        let e = security_events(app.store.as_ref(), "password.reset").await;
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].actor, "admin@example.no");
        assert!(e[0].after.as_deref().unwrap().contains("editor@example.no"));
    }
}
