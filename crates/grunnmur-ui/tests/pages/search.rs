//! Search within a body: systems by name and id in both languages, catalog names in both
//! languages whatever the page's, case and Norwegian letters aside, limits, and never another
//! body's data.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// The search page of `orgnr` for `q` in `lang`.
async fn search(app: &Site, s: &Session, orgnr: &str, lang: &str, q: &str) -> (StatusCode, String) {
    let cookie = format!("{}; grunnmur_lang={lang}", s.cookie);
    let q: String = form_urlencoded_q(q);
    let (status, html) = app.get(&cookie, &format!("/b/{orgnr}/search?q={q}")).await;
    (status, html.replace(['\u{2068}', '\u{2069}'], ""))
}

fn form_urlencoded_q(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn search_finds_a_system_by_name_and_by_id_in_both_languages() {
    for app in apps("search_finds_a_system_by_name_and_by_id_in_both_languages").await {
        let s = app.login("a@example.no").await;
        let link = format!("href=\"/b/{A}/systems/s.okonomi\"");
        for lang in ["nb", "en"] {
            // By name, in capitals: Ø finds ø.
            let (status, html) = search(&app, &s, A, lang, "ØKONOMISYS").await;
            assert_eq!(status, StatusCode::OK, "{lang}");
            assert!(html.contains(&link), "by name ({lang})");
            assert!(
                html.contains("Økonomisystem</a>"),
                "the name is the link ({lang})"
            );
            // By id: the id beside the name.
            let (_, html) = search(&app, &s, A, lang, "s.okonomi").await;
            assert!(html.contains(&link), "by id ({lang})");
            assert!(html.contains("<span class=\"muted\">s.okonomi"), "{lang}");
            // Other systems are not hits.
            assert!(!html.contains(&format!("/b/{A}/systems/s.hr\"")), "{lang}");
        }
        // A catalog name in the other language: the English name on a bokmål page, shown in
        // bokmål, and the other way round.
        let task = format!("href=\"/b/{A}/adapt#task-felles.okonomi\"");
        let (_, html) = search(&app, &s, A, "nb", "finance").await;
        assert!(
            html.contains(&task) && html.contains(">Økonomi</a>"),
            "{html}"
        );
        let (_, html) = search(&app, &s, A, "en", "økonomi").await;
        assert!(html.contains(&task) && html.contains(">Finance</a>"));
        // Measures, required and not, and information types by their English names.
        let (_, html) = search(&app, &s, A, "nb", "backup").await;
        assert!(html.contains(&format!("href=\"/b/{A}/measures?measure=m.backup\"")));
        let (_, html) = app
            .get(&s.cookie, &format!("/b/{A}/measures?measure=m.backup"))
            .await;
        assert!(html.contains("Viser bare tiltaket Sikkerhetskopi (m.backup)"));
        assert!(html.contains("id=\"row-m.backup-") && !html.contains("id=\"row-m.tilgang-"));
        let (_, html) = search(&app, &s, A, "en", "personnel").await;
        assert!(html.contains("Personnel file</a>"));
        // An empty query and one without hits say so.
        let (status, html) = search(&app, &s, A, "nb", "  ").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Skriv et navn eller en id"));
        let (_, html) = search(&app, &s, A, "en", "zzzz-nothing").await;
        assert!(html.contains("No results for “zzzz-nothing”"), "{html}");
        // A query longer than a name may be is refused at the field.
        let (status, html) = search(&app, &s, A, "en", &"x".repeat(201)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("at most 200 characters"));
        // Every body page has the search field.
        let (_, html) = app.get(&s.cookie, &format!("/b/{A}/measures")).await;
        assert!(html.contains(&format!("action=\"/b/{A}/search\"")));
    }
}

#[tokio::test]
async fn search_never_finds_another_bodys_data() {
    for app in apps("search_never_finds_another_bodys_data").await {
        // Only body B has this system.
        let b = app.login("b@example.no").await;
        let form = [
            ("csrf", b.csrf.as_str()),
            ("id", "s.kvante"),
            ("name", "Kvantemaskin"),
        ];
        let res = app.post(&b.cookie, &format!("/b/{B}/systems"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (status, html) = search(&app, &b, B, "nb", "kvante").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Kvantemaskin</a>"), "B's member finds it");

        let a = app.login("a@example.no").await;
        for q in ["kvante", "Kvantemaskin", "s.kvante"] {
            let (status, html) = search(&app, &a, A, "nb", q).await;
            assert_eq!(status, StatusCode::OK);
            assert!(!html.contains("Kvantemaskin</a>") && !html.contains("s.kvante<"));
            assert!(html.contains("Ingen treff"), "{q}");
        }
        // A's member has no search of B at all.
        let (status, html) = search(&app, &a, B, "nb", "kvante").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!html.contains("Kvantemaskin"));
    }
}
