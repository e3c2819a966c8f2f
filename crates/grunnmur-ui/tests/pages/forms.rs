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

/// The settings page sets how long an accepted risk assessment stays current; out of range is
/// shown at the field with nothing stored.
#[tokio::test]
async fn the_review_interval_is_a_setting_checked_at_its_field() {
    for app in apps("the_review_interval_is_a_setting_checked_at_its_field").await {
        let s = app.login("admin@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let (status, html) = app.get(&en, &format!("/b/{A}/settings")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains("name=\"review_months\" type=\"number\" value=\"12\""),
            "{html}"
        );
        let before = app.version(A).await;
        let form = |months: &'static str| {
            [
                ("csrf", s.csrf.clone()),
                ("selection", "per-dimension".to_string()),
                ("threshold", "5".to_string()),
                ("review_months", months.to_string()),
            ]
        };
        let post = |f: [(&'static str, String); 4]| {
            let (app, en) = (&app, en.clone());
            async move {
                let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post(&en, &format!("/b/{A}/settings"), &f).await
            }
        };
        for bad in ["0", "61", "tolv"] {
            let res = post(form(bad)).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
            let html = res.text().await.unwrap();
            assert!(
                html.contains("Write a whole number of months from 1 to 60."),
                "{html}"
            );
        }
        assert_eq!(app.version(A).await, before, "nothing stored");
        let res = post(form("6")).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let w = app.store.workspace(A).await.unwrap().unwrap();
        let doc: serde_json::Value = serde_json::from_str(&w.doc).unwrap();
        assert_eq!(doc["org"]["review_months"], 6);
        let (_, html) = app.get(&en, &format!("/b/{A}/settings")).await;
        assert!(html.contains("name=\"review_months\" type=\"number\" value=\"6\""));
    }
}
