//! Every page in both languages, with no message key showing.

use crate::{Flows, publish_small, start};
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::StatusCode;

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
        "/account/password".into(),
        "/account/totp".into(),
        "/account/tokens".into(),
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
            for prefix in ["ui-", "report-", "reason-", "level-", "account-"] {
                let stray = html.match_indices(prefix).any(|(i, _)| {
                    html[..i].ends_with('>')
                        || html[..i].ends_with(' ') && !html[..i].ends_with("class=\"lvl ")
                });
                assert!(!stray, "{p} ({lang}) shows an untranslated {prefix} key");
            }
        }
    }
}
