//! Wrong input shown at its field with nothing stored, and forms that change what the engine
//! requires.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

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

/// What people type is shown as text, never read as markup: a system named like a script and an
/// image that runs one is escaped on the page that lists it (ASVS 5.3.3; askama escapes every
/// value, and the pages' policy runs no script anyway).
#[tokio::test]
async fn a_name_that_looks_like_markup_is_shown_as_text() {
    for app in apps("a_name_that_looks_like_markup_is_shown_as_text").await {
        let s = app.login("a@example.no").await;
        let name = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems"),
                &[("csrf", s.csrf.as_str()), ("id", "s.x"), ("name", name)],
            )
            .await;
        assert!(res.status().is_redirection(), "{}", res.status());
        let (status, html) = app.get(&s.cookie, &format!("/b/{A}/systems")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("&lt;script&gt;alert("), "shown as text");
        assert!(!html.contains("<script>alert(") && !html.contains("<img src=x"));
    }
}

/// The required measures of a system, from the assessment the API serves.
async fn required(app: &Site, s: &Session, system: &str) -> Vec<String> {
    let (_, json) = app
        .get(&s.cookie, &format!("/api/bodies/{A}/assessment"))
        .await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    find_system(&v, system)
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
        assert_eq!(location(&res), format!("/b/{A}/systems/s.ny?saved=1"));
        let unmapped = required(&app, &s, "s.ny").await;
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/systems/s.ny"),
                &[
                    ("csrf", c),
                    ("name", "Nytt"),
                    // Invoices: availability middels, so the backup measure joins.
                    ("task", "felles.okonomi"),
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
