//! The web pages against a real server on a real port, on SQLite and — when
//! GRUNNMUR_TEST_POSTGRES_URL is set — on PostgreSQL: sessions, CSRF on every form, refused
//! cross-site posts, tenant isolation and roles, errors at their fields with nothing stored,
//! forms that change what the engine requires, and every page in both languages.

mod common;

use common::*;
use grunnmur_catalog::Source;
use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::{Role, Storage};
use grunnmur_web::{AppState, Config, auth};
use reqwest::{Client, StatusCode};
use std::sync::Arc;

const A: &str = "974760673";
const B: &str = "991825827";
const PASSWORD: &str = "et langt og godt passord";

struct App {
    base: String,
    http: Client,
    store: Arc<dyn Storage>,
}

/// A signed-in browser: its session cookie and the session's CSRF token.
struct Session {
    cookie: String,
    csrf: String,
}

async fn start(store: Arc<dyn Storage>) -> App {
    let catalog = small_catalog();
    let state = AppState::new(store.clone(), catalog.clone(), Config::default());
    let (listener, base) = listen().await;
    spawn(state, listener);
    // Two bodies with the small municipality's workspace; one member of each, and a reader of A.
    for orgnr in [A, B] {
        add_small_body(&store, &catalog, orgnr).await;
    }
    let hash = auth::hash_password(PASSWORD).unwrap();
    for (email, orgnr, role) in [
        ("a@example.no", A, Role::Editor),
        ("b@example.no", B, Role::Admin),
        ("reader@example.no", A, Role::Reader),
        ("admin@example.no", A, Role::Admin),
    ] {
        let id = store
            .create_user(email, Some(&hash), false, "test")
            .await
            .unwrap();
        store.grant(id, orgnr, role, "test").await.unwrap();
    }
    App {
        base,
        http: browser(),
        store,
    }
}

async fn apps(test: &str) -> Vec<App> {
    let mut v = vec![start(sqlite().await.0).await];
    match postgres().await {
        Some((s, _)) => v.push(start(s).await),
        None => note_postgres_skipped(test),
    }
    v
}

fn csrf_in(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token")
        + 19;
    html[at..].split('"').next().unwrap().to_string()
}

impl App {
    async fn get(&self, cookie: &str, path: &str) -> (StatusCode, String) {
        get(&self.http, &self.base, cookie, path).await
    }

    async fn post(&self, cookie: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .header("cookie", cookie)
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Signs in through the login form, as a browser does.
    async fn login(&self, email: &str) -> Session {
        let res = self
            .http
            .get(format!("{}/login", self.base))
            .send()
            .await
            .unwrap();
        let pre = set_cookie(&res, "grunnmur_login").expect("login form sets its token cookie");
        let token = csrf_in(&res.text().await.unwrap());
        let res = self
            .post(
                &pre,
                "/login",
                &[
                    ("csrf", &token),
                    ("next", "/"),
                    ("email", email),
                    ("password", PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "login {email}");
        let cookie = set_cookie(&res, "grunnmur_session").expect("session cookie");
        let (_, html) = self.get(&cookie, "/bodies").await;
        Session {
            csrf: csrf_in(&html),
            cookie,
        }
    }

    /// Starts a risk assessment of an object of body A through the pages: its page's path.
    async fn start_assessment(&self, s: &Session, object: &str) -> String {
        let form = [("csrf", s.csrf.as_str()), ("object", object)];
        let res = self.post(&s.cookie, &format!("/b/{A}/risk"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        res.headers()["location"].to_str().unwrap().to_string()
    }

    /// The risk owner's acceptance of an assessment, recorded through the page.
    async fn accept(&self, s: &Session, assessment: &str, owner: &str) -> StatusCode {
        let form = [("csrf", s.csrf.as_str()), ("owner", owner)];
        let res = self
            .post(&s.cookie, &format!("{assessment}/accept"), &form)
            .await;
        res.status()
    }

    /// A status report draft of body A made through the pages: its stored document.
    async fn status_report(&self, s: &Session, lang: &str) -> serde_json::Value {
        let form = [
            ("csrf", s.csrf.as_str()),
            ("kind", "status"),
            ("report_lang", lang),
        ];
        let res = self
            .post(&s.cookie, &format!("/b/{A}/reports"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let id = self.store.reports(A).await.unwrap().pop().unwrap().id;
        let row = self.store.report(A, id).await.unwrap().unwrap();
        serde_json::from_str(&row.snapshot).unwrap()
    }

    async fn version(&self, orgnr: &str) -> i64 {
        self.store.workspace_version(orgnr).await.unwrap().unwrap()
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
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            format!("/login?next=%2Fb%2F{A}%2Fsystems")
        );
        // A `next` pointing elsewhere never leaves the site.
        let s = app.login("a@example.no").await;
        let res = app
            .http
            .get(format!("{}/lang/en?next=//evil.example/", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["location"].to_str().unwrap(), "/");
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
        let res = app
            .http
            .post(format!("{}/b/{A}/systems", app.base))
            .header("cookie", &s.cookie)
            .header("origin", "http://evil.example")
            .form(&[("csrf", s.csrf.as_str()), form[0], form[1]])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.version(A).await, before, "nothing stored");
        // With the token, from the same site: stored.
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", s.csrf.as_str()), form[0], form[1]],
            )
            .await;
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

#[tokio::test]
async fn wrong_input_is_shown_at_its_field_and_nothing_is_stored() {
    for app in apps("wrong_input_is_shown_at_its_field_and_nothing_is_stored").await {
        let s = app.login("a@example.no").await;
        let before = app.version(A).await;
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", s.csrf.as_str()), ("id", ""), ("name", "")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("href=\"#id\"") && html.contains("href=\"#name\""),
            "summary links to the fields"
        );
        assert!(html.contains("id=\"id-error\""), "error beside the field");
        // An id the engine refuses: its own message, at the field.
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems"),
                &[
                    ("csrf", s.csrf.as_str()),
                    ("id", "Ugyldig Id!"),
                    ("name", "x"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // Not applicable without a justification.
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/measures/T.1?system=s.hr"),
                &[("csrf", s.csrf.as_str()), ("status", "not_applicable")],
            )
            .await;
        assert!(
            res.status() == StatusCode::UNPROCESSABLE_ENTITY
                || res.status() == StatusCode::NOT_FOUND,
            "{}",
            res.status()
        );
        assert_eq!(app.version(A).await, before, "nothing stored");
    }
}

/// The required measures of a system, from the assessment the API serves.
async fn required(app: &App, s: &Session, system: &str) -> Vec<String> {
    let (_, json) = app
        .get(&s.cookie, &format!("/api/bodies/{A}/assessment"))
        .await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == system)
        .map(|x| {
            x["required_measures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn forms_change_what_the_engine_requires() {
    for app in apps("forms_change_what_the_engine_requires").await {
        let s = app.login("a@example.no").await;
        let c = s.csrf.as_str();
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", c), ("id", "s.ny"), ("name", "Nytt")],
            )
            .await;
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            format!("/b/{A}/systems/s.ny?saved=1")
        );
        let unmapped = required(&app, &s, "s.ny").await;
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems/s.ny"),
                &[
                    ("csrf", c),
                    ("name", "Nytt"),
                    ("task", "felles.hr"),
                    ("dep_add", "s.drift"),
                    ("dep_kind", "runs_on"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let mapped = required(&app, &s, "s.ny").await;
        assert!(mapped.len() > unmapped.len(), "{unmapped:?} → {mapped:?}");
        // The page shows what the engine derived.
        let (_, html) = app.get(&s.cookie, &format!("/b/{A}/systems/s.ny")).await;
        for m in &mapped {
            assert!(
                html.contains(&format!("/why/{m}?system=s.ny")),
                "{m} listed"
            );
        }
        // A status set through the form is what the API then reports.
        let m = &mapped[0];
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/measures/{m}?system=s.ny"),
                &[
                    ("csrf", c),
                    ("status", "implemented"),
                    ("owner", "IT"),
                    ("due", "2027-01-31"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, ws) = app
            .get(&s.cookie, &format!("/api/bodies/{A}/workspace"))
            .await;
        let ws: serde_json::Value = serde_json::from_str(&ws).unwrap();
        let st = ws["measure_status"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["measure"] == m.as_str() && x["system"] == "s.ny")
            .expect("status stored");
        assert_eq!(
            (
                st["status"].as_str(),
                st["owner"].as_str(),
                st["due"].as_str()
            ),
            (Some("implemented"), Some("IT"), Some("2027-01-31"))
        );
        // Every change is in the audit log.
        let audit = app.store.audit_for(A).await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
        for a in ["system.create", "system.update", "measure_status.set"] {
            assert!(actions.contains(&a), "{a} in {actions:?}");
        }
    }
}

#[tokio::test]
async fn every_page_renders_in_both_languages_without_untranslated_keys() {
    let app = start(sqlite().await.0).await;
    publish_small(&app, "1.1", |t| {
        t.replace(
            "{c: lav, i: middels, a: lav}, rationale: {nb: \"Offentlig",
            "{c: høy, i: middels, a: lav}, rationale: {nb: \"Offentlig",
        )
    })
    .await;
    let s = app.login("a@example.no").await;
    let b = format!("/b/{A}");
    // A risk assessment with a risk, for the risk pages.
    let assessment = app.start_assessment(&s, "system:s.hr").await;
    let fields = [
        ("csrf", s.csrf.as_str()),
        ("title", "Mistet PC"),
        ("dim", "c"),
        ("likelihood", "1"),
        ("consequence", "1"),
    ];
    let res = app
        .post(&s.cookie, &format!("{assessment}/risks"), &fields)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let pages = [
        format!("{b}/risk"),
        assessment.clone(),
        format!("{assessment}/risks/r1"),
        "/bodies".to_string(),
        b.clone(),
        format!("{b}/tasks"),
        format!("{b}/tasks?all=1"),
        format!("{b}/adapt"),
        format!("{b}/adapt/felles.hr/hr.personalmappe"),
        format!("{b}/systems"),
        format!("{b}/systems/s.hr"),
        format!("{b}/systems/s.hr/why"),
        format!("{b}/measures"),
        format!("{b}/settings"),
        format!("{b}/release"),
        "/catalog".into(),
        "/catalog/tasks".into(),
        "/catalog/info-types".into(),
        "/catalog/measures".into(),
        "/catalog/profiles".into(),
        "/catalog/scale".into(),
        "/catalog/activities".into(),
        "/accessibility".into(),
    ];
    for (lang, word) in [
        ("nb", "Tilgjengelighetserklæring"),
        ("en", "Accessibility statement"),
    ] {
        let cookie = format!("{}; grunnmur_lang={lang}", s.cookie);
        for p in &pages {
            let (status, html) = app.get(&cookie, p).await;
            assert_eq!(status, StatusCode::OK, "{p} ({lang})");
            assert!(
                html.contains(&format!("<html lang=\"{lang}\">")),
                "{p} ({lang})"
            );
            assert!(html.contains(word), "{p} ({lang}) has its footer in {lang}");
            for prefix in ["ui-", "report-", "reason-", "level-"] {
                let stray = html.match_indices(prefix).any(|(i, _)| {
                    html[..i].ends_with('>')
                        || html[..i].ends_with(' ') && !html[..i].ends_with("class=\"lvl ")
                });
                assert!(!stray, "{p} ({lang}) shows an untranslated {prefix} key");
            }
        }
    }
}

#[tokio::test]
async fn risk_assessments_and_final_reports_through_the_pages() {
    for app in apps("risk_assessments_and_final_reports_through_the_pages").await {
        let e = app.login("a@example.no").await;
        let to = app.start_assessment(&e, "system:s.hr").await;
        assert!(to.starts_with(&format!("/b/{A}/risk/")), "{to}");
        let (status, html) = app.get(&e.cookie, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("HR-system"), "the object is named");
        // A risk: without a title refused at its field; then low and accepted as it is.
        let add = format!("{to}/risks");
        let form = |title: &'static str| {
            vec![
                ("csrf", e.csrf.clone()),
                ("title", title.into()),
                ("dim", "c".into()),
                ("likelihood", "1".into()),
                ("consequence", "1".into()),
                ("knowledge", "medium".into()),
                ("decision", "accept".into()),
            ]
        };
        let post = |f: Vec<(&'static str, String)>| {
            app.http
                .post(format!("{}{add}", app.base))
                .header("cookie", &e.cookie)
                .form(&f)
                .send()
        };
        let res = post(form("")).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("id=\"title-error\""));
        assert!(
            !html.contains("ui-field-"),
            "the field is named, not its key"
        );
        assert_eq!(
            post(form("Mistet PC")).await.unwrap().status(),
            StatusCode::SEE_OTHER
        );
        // The risk owner's acceptance is recorded by an administrator.
        let adm = app.login("admin@example.no").await;
        assert_eq!(
            app.accept(&adm, &to, "Kari Nordmann, rådmann").await,
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&e.cookie, &to).await;
        assert!(
            html.contains("Mistet PC") && html.contains("Kari Nordmann, rådmann ("),
            "{html}"
        );
        // Another body's member cannot see it; a reader cannot start one.
        let b = app.login("b@example.no").await;
        assert_eq!(app.get(&b.cookie, &to).await.0, StatusCode::NOT_FOUND);
        let r = app.login("reader@example.no").await;
        let res = app
            .post(
                &r.cookie,
                &format!("/b/{A}/risk"),
                &[("csrf", r.csrf.as_str()), ("object", "org")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        // A draft by the editor; only an administrator finalises, once.
        let res = app
            .post(
                &e.cookie,
                &format!("/b/{A}/reports"),
                &[
                    ("csrf", e.csrf.as_str()),
                    ("kind", "status"),
                    ("report_lang", "nb"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let id = app.store.reports(A).await.unwrap()[0].id;
        let fin = format!("/b/{A}/reports/{id}/finalize");
        assert_eq!(
            app.post(&e.cookie, &fin, &[("csrf", e.csrf.as_str())])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let a = app.login("admin@example.no").await;
        assert_eq!(
            app.post(&a.cookie, &fin, &[("csrf", a.csrf.as_str())])
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let row = app.store.report(A, id).await.unwrap().unwrap();
        assert_eq!(row.approver.as_deref(), Some("admin@example.no"));
        assert_eq!(
            app.post(&a.cookie, &fin, &[("csrf", a.csrf.as_str())])
                .await
                .status(),
            StatusCode::CONFLICT
        );
        let (_, html) = app.get(&a.cookie, &format!("/b/{A}/risk")).await;
        assert!(html.contains(&format!("/api/bodies/{A}/reports/{id}?format=pdf")));
        assert!(
            !html.contains(&format!("/reports/{id}/finalize")),
            "a final report offers no finalise"
        );
    }
}

/// Publishes the small catalog under another version, changed by `change`.
async fn publish_small(app: &App, version: &str, change: impl Fn(String) -> String) {
    let text = std::fs::read_to_string(
        root().join("crates/grunnmur-catalog/tests/fixtures/small/catalog/catalog.yaml"),
    )
    .unwrap()
    .replace("version: \"1.0\"", &format!("version: \"{version}\""));
    let files = vec![Source {
        name: "catalog/catalog.yaml".into(),
        text: change(text),
    }];
    let json = serde_json::to_string(&files).unwrap();
    assert!(
        app.store
            .publish_release("liten", version, &json, "test")
            .await
            .unwrap()
    );
}

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

        // Readers see the versions and what each changes, without the buttons.
        let reader = app.login("reader@example.no").await;
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
        let res = app
            .post(
                &reader.cookie,
                &path,
                &[
                    ("csrf", &reader.csrf),
                    ("catalog_id", "liten"),
                    ("version", "1.1"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");

        let admin = app.login("admin@example.no").await;
        let (_, html) = app.get(&admin.cookie, &path).await;
        assert!(html.contains("id=\"pin-1-1\""), "{db}");
        // 2.0 lacks a task the body uses: the problems, at the button, and nothing changed.
        let res = app
            .post(
                &admin.cookie,
                &path,
                &[
                    ("csrf", &admin.csrf),
                    ("catalog_id", "liten"),
                    ("version", "2.0"),
                ],
            )
            .await;
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
        let res = app
            .post(
                &admin.cookie,
                &path,
                &[
                    ("csrf", &admin.csrf),
                    ("catalog_id", "liten"),
                    ("version", "1.1"),
                ],
            )
            .await;
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
        // Body B stays on its release.
        assert_eq!(
            app.store.body(B).await.unwrap().unwrap().catalog_version,
            "1.0",
            "{db}"
        );
    }
}

/// A report document's section by key.
fn section<'a>(doc: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    let sections = doc["sections"].as_array().unwrap();
    sections.iter().find(|s| s["key"] == key).unwrap()
}

/// The stored assessment behind a page path `/b/{orgnr}/risk/{id}`.
async fn stored_risk(app: &App, path: &str) -> (i64, serde_json::Value) {
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let row = app.store.risk_assessment(A, id).await.unwrap().unwrap();
    (row.version, serde_json::from_str(&row.doc).unwrap())
}

/// Whether the element with this id is marked invalid and described by its error.
fn invalid_at(html: &str, id: &str) -> bool {
    let Some(at) = html.find(&format!("id=\"{id}\" name=")) else {
        return false;
    };
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    tag.contains("aria-invalid=\"true\"")
        && tag.contains(&format!("{id}-error"))
        && html.contains(&format!("<p class=\"field-error\" id=\"{id}-error\">"))
}

#[tokio::test]
async fn risks_are_edited_and_removed_through_the_pages_with_problems_at_their_fields() {
    for app in
        apps("risks_are_edited_and_removed_through_the_pages_with_problems_at_their_fields").await
    {
        let e = app.login("a@example.no").await;
        let to = app.start_assessment(&e, "system:s.hr").await;
        let form = |fields: &[(&str, &str)]| {
            let mut f: Vec<(String, String)> = vec![
                ("csrf".into(), e.csrf.clone()),
                ("title".into(), "Mistet PC".into()),
                ("dim".into(), "c".into()),
                ("likelihood".into(), "2".into()),
                ("consequence".into(), "2".into()),
                ("knowledge".into(), "high".into()),
                ("decision".into(), "accept".into()),
            ];
            for (k, v) in fields {
                f.retain(|(x, _)| x != k);
                f.push((k.to_string(), v.to_string()));
            }
            f
        };
        let post = |path: String, f: Vec<(String, String)>| {
            app.http
                .post(format!("{}{path}", app.base))
                .header("cookie", &e.cookie)
                .form(&f)
                .send()
        };
        let add = format!("{to}/risks");

        // Adding: each engine problem at its own field, and nothing stored.
        let res = post(add.clone(), form(&[("likelihood", "9"), ("dim", "")]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(invalid_at(&html, "likelihood"), "{html}");
        assert!(
            html.contains("id=\"dim-c-error\""),
            "dimensions at their group"
        );
        assert!(!html.contains("id=\"title-error\""), "nothing at the title");
        assert!(!html.contains("risks[0]"), "no paths in the messages");
        assert!(
            html.contains("href=\"#likelihood\""),
            "the summary links the field"
        );
        assert_eq!(stored_risk(&app, &to).await.0, 1, "nothing stored");
        let res = post(
            add.clone(),
            form(&[("responsible", "IT-sjef"), ("decision", "")]),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(invalid_at(&res.text().await.unwrap(), "decision"));
        let res = post(add.clone(), form(&[])).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, doc) = stored_risk(&app, &to).await;
        assert_eq!(doc["risks"][0]["id"], "r1");

        // The edit form is filled in with what is stored.
        let edit = format!("{to}/risks/r1");
        let (status, html) = app.get(&e.cookie, &edit).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("value=\"Mistet PC\""));
        assert!(html.contains("<option value=\"high\" selected>"));
        assert!(html.contains("<option value=\"accept\" selected>"));
        assert!(html.contains("name=\"dim\" value=\"c\" id=\"dim-c\" checked"));
        assert!(!html.contains("name=\"dim\" value=\"i\" id=\"dim-i\" checked"));
        assert_eq!(
            app.get(&e.cookie, &format!("{to}/risks/r9")).await.0,
            StatusCode::NOT_FOUND
        );

        // Editing: problems at their fields, nothing stored.
        let version = stored_risk(&app, &to).await.0.to_string();
        let bad = form(&[
            ("version", &version),
            ("decision", "reduce"),
            ("residual", "3-3"),
            ("measures", "m.finnes-ikke"),
            ("own_measures", "Opplæring\n"),
            ("due", "i morgen"),
        ]);
        let res = post(edit.clone(), bad.clone()).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(invalid_at(&html, "due"), "a date the form can check itself");
        let bad: Vec<_> = bad.into_iter().filter(|(k, _)| k != "due").collect();
        let res = post(edit.clone(), bad).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(invalid_at(&html, "residual"), "worse than analysed");
        assert!(invalid_at(&html, "measures"), "unknown measure");
        assert!(!html.contains("id=\"title-error\""));
        assert!(html.contains("Opplæring"), "what was typed is shown again");
        assert_eq!(stored_risk(&app, &to).await.0.to_string(), version);

        // The status report lists the stored risk among the top risks.
        let snapshot = app.status_report(&e, "nb").await;
        let top = section(&snapshot, "top-risks").to_string();
        assert!(top.contains("Mistet PC") && top.contains("2 × 2"), "{top}");

        // An accepted assessment: the form warns, a change withdraws the acceptance and says so.
        let adm = app.login("admin@example.no").await;
        assert_eq!(
            app.accept(&adm, &to, "Kari Nordmann").await,
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&e.cookie, &edit).await;
        assert!(
            html.contains("Restrisikoen er akseptert av Kari Nordmann ("),
            "{html}"
        );
        let version = stored_risk(&app, &to).await.0.to_string();
        let res = post(
            edit.clone(),
            form(&[
                ("version", &version),
                ("title", "Mistet bærbar PC"),
                ("decision", "reduce"),
                ("measures", "m.tilgang"),
                ("own_measures", "Opplæring\nKryptert disk"),
                ("residual", "1-2"),
                ("responsible", "IT-sjef"),
                ("due", "2027-01-31"),
            ]),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let back = res.headers()["location"].to_str().unwrap().to_string();
        assert!(back.contains("withdrawn=1"), "{back}");
        let (_, html) = app.get(&e.cookie, &back).await;
        assert!(html.contains("Aksepten av restrisikoen er trukket tilbake"));
        assert!(html.contains("Mistet bærbar PC") && html.contains("Ikke akseptert ennå"));
        let (_, doc) = stored_risk(&app, &to).await;
        assert!(doc.get("acceptance").is_none());
        let r = &doc["risks"][0];
        assert_eq!(r["title"], "Mistet bærbar PC");
        assert_eq!(
            r["treatment"]["measures"],
            serde_json::json!([{"bank": "m.tilgang"}, {"own": "Opplæring"}, {"own": "Kryptert disk"}])
        );
        assert_eq!(r["treatment"]["owner"], "IT-sjef");
        assert_eq!(r["treatment"]["due"], "2027-01-31");
        assert_eq!(r["analysis"]["knowledge"], "high");
        let (_, html) = app.get(&e.cookie, &edit).await;
        assert!(
            html.contains("Opplæring\nKryptert disk</textarea>"),
            "own measures round trip"
        );
        assert!(
            !html.contains("Restrisikoen er akseptert av"),
            "nothing to withdraw now"
        );

        // A form made from an older version is refused, not lost.
        let res = post(edit.clone(), form(&[("version", &version)]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert_eq!(
            stored_risk(&app, &to).await.1["risks"][0]["title"],
            "Mistet bærbar PC"
        );

        // Removing: a POST with the session's token, by an editor; a new risk gets a fresh id.
        let remove = format!("{edit}/remove");
        let version = stored_risk(&app, &to).await.0.to_string();
        let r = app.login("reader@example.no").await;
        let res = app
            .post(
                &r.cookie,
                &remove,
                &[("csrf", r.csrf.as_str()), ("version", &version)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app.post(&e.cookie, &remove, &[("version", &version)]).await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "no change without the token"
        );
        let res = post(add.clone(), form(&[("title", "Strømbrudd")]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let version = stored_risk(&app, &to).await.0.to_string();
        let res = app
            .post(
                &e.cookie,
                &remove,
                &[("csrf", e.csrf.as_str()), ("version", &version)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, doc) = stored_risk(&app, &to).await;
        let ids: Vec<&str> = doc["risks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["r2"]);
        let res = post(add.clone(), form(&[("title", "Brann")]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, doc) = stored_risk(&app, &to).await;
        assert_eq!(doc["risks"][1]["id"], "r3", "never a taken id");
        let (_, html) = app.get(&e.cookie, &to).await;
        assert!(!html.contains("Mistet bærbar PC") && html.contains("Brann"));
        assert!(
            html.contains(&format!("action=\"/b/{A}/risk/")) && html.contains("/risks/r2/remove\"")
        );
        let audit = app.store.audit_for(A).await.unwrap();
        let updates = audit
            .iter()
            .filter(|a| a.action == "risk_assessment.update")
            .count();
        assert_eq!(updates, 5, "every change through the one audited change");
    }
}

#[tokio::test]
async fn the_dashboard_and_the_status_report_give_the_same_figures() {
    for app in apps("the_dashboard_and_the_status_report_give_the_same_figures").await {
        let e = app.login("a@example.no").await;
        let (_, html) = app
            .get(
                &format!("{}; grunnmur_lang=en", e.cookie),
                &format!("/b/{A}"),
            )
            .await;
        let html = html.replace(['\u{2068}', '\u{2069}'], "");
        let at = html
            .find(" required measures are in place")
            .expect("question 3");
        let words: Vec<&str> = html[..at].rsplit(['>', ' ']).take(3).collect();
        let (required, in_place): (i64, i64) =
            (words[0].parse().unwrap(), words[2].parse().unwrap());
        assert!(required > 0, "{words:?}");

        let doc = app.status_report(&e, "en").await;
        let summary = section(&doc, "summary");
        let figure = |key: &str| {
            let label = grunnmur_i18n::t(grunnmur_i18n::Lang::En, key, &[]);
            let rows = summary["table"]["rows"].as_array().unwrap();
            let row = rows
                .iter()
                .find(|r| r[0].to_string().contains(&label))
                .unwrap();
            row[1]
                .as_object()
                .unwrap()
                .values()
                .next()
                .unwrap()
                .as_i64()
        };
        assert_eq!(figure("report-kv-required-total"), Some(required));
        assert_eq!(figure("report-kv-in-place"), Some(in_place));
    }
}

#[tokio::test]
async fn an_acceptance_names_the_risks_that_are_not_ready() {
    let app = start(sqlite().await.0).await;
    let e = app.login("a@example.no").await;
    let to = app.start_assessment(&e, "system:s.hr").await;
    let form = [
        ("csrf", e.csrf.as_str()),
        ("title", "Uanalysert risiko"),
        ("dim", "c"),
    ];
    let res = app.post(&e.cookie, &format!("{to}/risks"), &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let adm = app.login("admin@example.no").await;
    let res = app
        .post(
            &adm.cookie,
            &format!("{to}/accept"),
            &[("csrf", adm.csrf.as_str()), ("owner", "Kari Nordmann")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    // The summary names the risk and leads to its row, not to the owner field.
    let id = to.rsplit('/').next().unwrap();
    let doc = grunnmur_web::risk_api::stored_doc(
        &app.store
            .risk_assessment(A, id.parse().unwrap())
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    let risk = doc
        .risks
        .iter()
        .find(|r| r.title == "Uanalysert risiko")
        .unwrap();
    assert!(
        html.contains(&format!("href=\"#risk-{}\">Uanalysert risiko: ", risk.id)),
        "{html}"
    );
    assert!(html.contains(&format!("id=\"risk-{}\"", risk.id)));
    assert!(!html.contains("id=\"owner-error\""), "the owner was given");
    assert!(doc.acceptance.is_none(), "nothing stored");
}
