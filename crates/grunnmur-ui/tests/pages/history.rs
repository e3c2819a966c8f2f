//! History in words: a change made through a form is on the audit page as object, field, old
//! and new value, with names, in both languages; the filters (object, person, dates) narrow it;
//! an object's history is open to every member of the body, the whole log to administrators
//! only, and another body's changes never show.

use crate::{Flows, apps};
use grunnmur_testkit::*;
use grunnmur_ui::page::enc;
use reqwest::StatusCode;

/// Sets m.tilgang's status for s.hr (implemented in the fixture) through the status form.
async fn set_status(app: &Site, s: &Session, system: &str, status: &str, owner: &str) {
    let res = app
        .post(
            &s.cookie,
            &format!("/b/{A}/measures/m.tilgang?system={system}"),
            &[
                ("csrf", s.csrf.as_str()),
                ("status", status),
                ("owner", owner),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{system} {status}");
}

async fn get_in(app: &Site, s: &Session, lang: &str, path: &str) -> (StatusCode, String) {
    let cookie = format!("{}; grunnmur_lang={lang}", s.cookie);
    app.get(&cookie, path).await
}

fn audit(query: &str) -> String {
    format!("/b/{A}/audit?{query}")
}

#[tokio::test]
async fn a_status_changed_through_the_form_reads_in_words_in_both_languages() {
    for app in apps("a_status_changed_through_the_form_reads_in_words_in_both_languages").await {
        let editor = app.login("a@example.no").await;
        set_status(&app, &editor, "s.hr", "in_progress", "Eier Hansen").await;
        let admin = app.login("admin@example.no").await;
        let (status, nb) = get_in(&app, &admin, "nb", &format!("/b/{A}/audit")).await;
        assert_eq!(status, StatusCode::OK);
        for words in [
            "Tiltaksstatus <strong>Tilgangsstyring – HR-system</strong>",
            "(m.tilgang @ s.hr)",
            "status: Iverksatt → Under arbeid",
            "ansvarlig: IT-sjef → Eier Hansen",
            "a@example.no",
        ] {
            assert!(nb.contains(words), "{words} in {nb}");
        }
        let (_, en) = get_in(&app, &admin, "en", &format!("/b/{A}/audit")).await;
        for words in [
            "Measure status <strong>Access control – HR-system</strong>",
            "status: Implemented → In progress",
            "owner: IT-sjef → Eier Hansen",
        ] {
            assert!(en.contains(words), "{words} in {en}");
        }

        // The status form links to its history, which shows the change and nothing else.
        let (_, form) = app
            .get(
                &editor.cookie,
                &format!("/b/{A}/measures/m.tilgang?system=s.hr"),
            )
            .await;
        let link = audit(&format!("object={}", enc("status:m.tilgang@s.hr")));
        assert!(form.contains(&format!("href=\"{link}\"")), "{form}");
        for lang in ["nb", "en"] {
            let (status, html) = get_in(&app, &editor, lang, &link).await;
            assert_eq!(
                status,
                StatusCode::OK,
                "an editor sees one object's history"
            );
            let (old, new) = match lang {
                "nb" => ("Iverksatt", "Under arbeid"),
                _ => ("Implemented", "In progress"),
            };
            assert!(html.contains(&format!("status: {old} → {new}")), "{html}");
            assert!(
                html.contains("<option value=\"status:m.tilgang@s.hr\" selected>"),
                "the object chosen in the picker: {html}"
            );
            assert!(!html.contains("body.create"), "only the object's entries");
        }

        // The system's page links to its history, which includes the system's statuses.
        let (_, page) = app
            .get(&editor.cookie, &format!("/b/{A}/systems/s.hr"))
            .await;
        let link = audit(&format!("object={}", enc("system:s.hr")));
        assert!(page.contains(&format!("href=\"{link}\"")), "{page}");
        let (_, html) = app.get(&editor.cookie, &link).await;
        assert!(html.contains("status: Iverksatt → Under arbeid"), "{html}");
    }
}

#[tokio::test]
async fn the_whole_log_is_for_administrators_and_one_object_s_history_for_every_member() {
    for app in
        apps("the_whole_log_is_for_administrators_and_one_object_s_history_for_every_member").await
    {
        let editor = app.login("a@example.no").await;
        set_status(&app, &editor, "s.hr", "partial", "Bare i A").await;
        let admin = app.login("admin@example.no").await;
        set_status(&app, &admin, "s.okonomi", "partial", "Et annet system").await;
        let reader = app.login("reader@example.no").await;
        let (status, _) = app.get(&reader.cookie, &audit("")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "the whole log");
        let (status, _) = app
            .get(&editor.cookie, &format!("/b/{A}/audit?object=&actor="))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "no object chosen");
        let (status, html) = app
            .get(&reader.cookie, &audit("object=system%3As.hr"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Bare i A"), "{html}");
        assert!(
            !html.contains(">Alle objekter<"),
            "a member who is no administrator is not offered the whole log"
        );
        // The person picker names those who changed this object, no one else.
        assert!(html.contains("<option value=\"a@example.no\""), "{html}");
        assert!(!html.contains("admin@example.no"), "{html}");
        // Another body: its log never shows A's changes, and A's is not B's administrator's.
        let other = app.login("b@example.no").await;
        let (status, html) = app.get(&other.cookie, &format!("/b/{B}/audit")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("Bare i A"), "{html}");
        assert!(!html.contains("a@example.no"), "{html}");
        let (status, _) = app.get(&other.cookie, &audit("object=system%3As.hr")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_filters_narrow_by_object_person_and_dates() {
    for app in apps("the_filters_narrow_by_object_person_and_dates").await {
        let editor = app.login("a@example.no").await;
        let admin = app.login("admin@example.no").await;
        set_status(&app, &editor, "s.hr", "in_progress", "Endret av A").await;
        let res = app
            .post(
                &admin.cookie,
                &format!("/b/{A}/measures/m.backup?system=s.okonomi"),
                &[
                    ("csrf", admin.csrf.as_str()),
                    ("status", "implemented"),
                    ("owner", "Endret av admin"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let get = |q: String| {
            let (app, cookie) = (&app, admin.cookie.clone());
            async move {
                let (status, html) = app.get(&cookie, &audit(&q)).await;
                assert_eq!(status, StatusCode::OK, "{q}");
                html
            }
        };

        let all = get(String::new()).await;
        assert!(all.contains("Endret av A") && all.contains("Endret av admin"));
        assert!(
            all.contains("<option value=\"a@example.no\">a@example.no</option>"),
            "the people who made changes are offered: {all}"
        );
        assert!(
            all.contains("<option value=\"system:s.hr\">System: HR-system (s.hr)</option>"),
            "objects by name: {all}"
        );

        let by_person = get(format!("actor={}", enc("a@example.no"))).await;
        assert!(by_person.contains("Endret av A"));
        assert!(!by_person.contains("Endret av admin"), "{by_person}");

        let by_system = get("object=system%3As.okonomi".into()).await;
        assert!(by_system.contains("Endret av admin"));
        assert!(!by_system.contains("Endret av A"), "{by_system}");

        let by_measure = get("object=measure%3Am.tilgang".into()).await;
        assert!(by_measure.contains("Endret av A"));
        assert!(!by_measure.contains("Endret av admin"), "{by_measure}");

        let both = get(format!(
            "object=measure%3Am.tilgang&actor={}",
            enc("admin@example.no")
        ))
        .await;
        assert!(both.contains("Ingen endringer passer filteret."), "{both}");

        let since = get("from=2000-01-01&to=2999-12-31".into()).await;
        assert!(since.contains("Endret av A") && since.contains("Endret av admin"));
        let later = get("from=2999-01-01".into()).await;
        assert!(!later.contains("Endret av"), "{later}");
        let earlier = get("to=2000-01-01".into()).await;
        assert!(!earlier.contains("Endret av"), "{earlier}");

        let (status, bad) = app.get(&admin.cookie, &audit("from=i+går")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(bad.contains("id=\"from-error\""), "{bad}");
    }
}

#[tokio::test]
async fn a_risk_assessment_has_its_history() {
    for app in apps("a_risk_assessment_has_its_history").await {
        let editor = app.login("a@example.no").await;
        let assessment = app.start_assessment(&editor, "system:s.hr").await;
        let fields = [
            ("csrf", editor.csrf.as_str()),
            ("title", "Mistet PC"),
            ("dim", "c"),
            ("likelihood", "1"),
            ("consequence", "1"),
        ];
        let res = app
            .post(&editor.cookie, &format!("{assessment}/risks"), &fields)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let n = assessment.rsplit('/').next().unwrap();
        let link = audit(&format!("object=risk%3A{n}"));
        let (_, page) = app.get(&editor.cookie, &assessment).await;
        assert!(page.contains(&format!("href=\"{link}\"")), "{page}");
        let reader = app.login("reader@example.no").await;
        for (lang, words) in [
            (
                "nb",
                [
                    "Risikovurdering",
                    "Risiko <strong>Mistet PC</strong>",
                    "lagt til",
                ],
            ),
            (
                "en",
                [
                    "Risk assessment",
                    "Risk <strong>Mistet PC</strong>",
                    "added",
                ],
            ),
        ] {
            let (status, html) = get_in(&app, &reader, lang, &link).await;
            assert_eq!(status, StatusCode::OK);
            for w in words {
                assert!(html.contains(w), "{w} ({lang}) in {html}");
            }
            assert!(
                !html.contains("measure_status"),
                "only the assessment's entries"
            );
        }
    }
}
