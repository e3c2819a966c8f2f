//! The web pages against a real server on a real port, on SQLite and — when
//! GRUNNMUR_TEST_POSTGRES_URL is set — on PostgreSQL: sessions, CSRF on every form, refused
//! cross-site posts, tenant isolation and roles, errors at their fields with nothing stored,
//! forms that change what the engine requires, every page in both languages, risk assessments,
//! catalog releases, the dashboard, and sign-in through the organisation's login. One test
//! binary, a module per area, on the shared harness (`grunnmur-testkit`).

mod access;
mod accounts;
mod adapt;
mod attestations;
mod credentials;
mod dashboard;
mod declarations;
mod digest;
mod drafts;
mod events;
mod evidence;
mod exports;
mod follow_up;
mod forms;
mod history;
mod languages;
mod national;
mod nynorsk;
mod oidc;
mod recur;
mod release_record;
mod releases;
mod risk;
mod saving;
mod search;
mod services;
mod sources;
mod workbook;

use grunnmur_catalog::Source;
use grunnmur_store::{Role, Storage};
use grunnmur_testkit::*;
use reqwest::StatusCode;
use std::sync::Arc;

/// Two bodies with the small municipality's workspace; one member of each, and a reader and an
/// administrator of A.
async fn start(store: Arc<dyn Storage>) -> Site {
    let site = Site::start(store, &[A, B], |state, _| state).await;
    for (email, orgnr, role) in [
        ("a@example.no", A, Role::Editor),
        ("b@example.no", B, Role::Admin),
        ("reader@example.no", A, Role::Reader),
        ("admin@example.no", A, Role::Admin),
    ] {
        let id = add_user(&site.store, email, false).await;
        site.store.grant(id, orgnr, role, "test").await.unwrap();
    }
    site
}

async fn apps(test: &str) -> Vec<Site> {
    let mut v = Vec::new();
    for store in stores(test).await {
        v.push(start(store).await);
    }
    v
}

/// What the page tests do through the risk pages of body A.
trait Flows {
    /// Starts a risk assessment of an object: its page's path.
    async fn start_assessment(&self, s: &Session, object: &str) -> String;
    /// The risk owner's acceptance of an assessment, recorded through the page.
    async fn accept(&self, s: &Session, assessment: &str, owner: &str) -> StatusCode;
    /// A status report draft made through the pages: its stored document.
    async fn status_report(&self, s: &Session, lang: &str) -> serde_json::Value;
}

impl Flows for Site {
    async fn start_assessment(&self, s: &Session, object: &str) -> String {
        let form = [("csrf", s.csrf.as_str()), ("object", object)];
        let res = self.post(&s.cookie, &format!("/b/{A}/risk"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        location(&res)
    }

    async fn accept(&self, s: &Session, assessment: &str, owner: &str) -> StatusCode {
        let form = [("csrf", s.csrf.as_str()), ("owner", owner)];
        let res = self
            .post(&s.cookie, &format!("{assessment}/accept"), &form)
            .await;
        res.status()
    }

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
}

/// Publishes the small catalog under another version, changed by `change`.
async fn publish_small(app: &Site, version: &str, change: impl Fn(String) -> String) {
    let files = vec![Source {
        name: "catalog/catalog.yaml".into(),
        text: change(small_catalog_file(version)),
    }];
    let json = serde_json::to_string(&files).unwrap();
    assert!(
        app.store
            .publish_release("liten", version, &json, "test")
            .await
            .unwrap()
    );
}

/// A report document's section by key.
fn section<'a>(doc: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    let sections = doc["sections"].as_array().unwrap();
    sections.iter().find(|s| s["key"] == key).unwrap()
}
