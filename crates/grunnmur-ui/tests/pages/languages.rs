//! Every page in all three languages, with no message key showing.

use crate::{Flows, apps, publish_small, start};
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn every_page_renders_in_every_language_without_untranslated_keys() {
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
        format!("{b}/audit?object=system%3As.hr"),
        format!("{b}/measures"),
        format!("{b}/search?q=s"),
        format!("{b}/search?q="),
        format!("{b}/deviations"),
        format!("{b}/services"),
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
        "/glossary".into(),
        format!("{b}/implementations"),
        format!("{b}/declarations"),
        format!("{b}/follow-up?owner="),
        "/account/password".into(),
        "/account/totp".into(),
        "/account/tokens".into(),
    ];
    for (lang, word) in [
        ("nb", "Tilgjengelighetserklæring"),
        ("nn", "Tilgjengeerklæring"),
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
            for prefix in [
                "ui-",
                "report-",
                "reason-",
                "level-",
                "account-",
                "search-",
                "export-",
                "deviations-",
            ] {
                let stray = html.match_indices(prefix).any(|(i, _)| {
                    html[..i].ends_with('>')
                        || html[..i].ends_with(' ') && !html[..i].ends_with("class=\"lvl ")
                });
                assert!(!stray, "{p} ({lang}) shows an untranslated {prefix} key");
            }
        }
    }
}

/// What a reader sees of a page: its text and its accessible names (`aria-label`, `title`),
/// without what is marked as bokmål on purpose (`lang="nb"`: the language switch).
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    for part in html.split("aria-label=\"").skip(1) {
        out.push_str(part.split('"').next().unwrap_or_default());
        out.push(' ');
    }
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        let tag_end = rest[open..].find('>').map_or(rest.len(), |e| open + e + 1);
        let tag = &rest[open..tag_end];
        rest = &rest[tag_end..];
        if tag.contains("lang=\"nb\"") {
            // Skip the element's text up to the next tag.
            rest = &rest[rest.find('<').unwrap_or(rest.len())..];
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
}

#[tokio::test]
async fn english_pages_have_no_norwegian_and_count_in_the_right_form() {
    let app = start(sqlite().await.0).await;
    let s = app.login("a@example.no").await;
    let b = format!("/b/{A}");
    // Started in bokmål, so its default title is stored in bokmål.
    let assessment = app.start_assessment(&s, "system:s.hr").await;
    let fields = [
        ("csrf", s.csrf.as_str()),
        ("title", "Lost laptop"),
        ("dim", "c"),
        ("likelihood", "1"),
        ("consequence", "1"),
    ];
    let res = app
        .post(&s.cookie, &format!("{assessment}/risks"), &fields)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let admin = app.login("admin@example.no").await;
    let pages = [
        (&s, b.clone()),
        (&s, format!("{b}/risk")),
        (&s, assessment.clone()),
        (&s, format!("{assessment}/risks/r1")),
        (&s, format!("{b}/tasks")),
        (&s, format!("{b}/adapt")),
        (&s, format!("{b}/adapt/felles.hr/hr.personalmappe")),
        (&s, format!("{b}/systems")),
        (&s, format!("{b}/systems/s.hr")),
        (&s, format!("{b}/systems/s.hr/why")),
        (&s, format!("{b}/measures")),
        (&s, format!("{b}/measures?system=s.id")),
        (&s, format!("{b}/measures/m.backup?system=s.okonomi")),
        (&admin, format!("{b}/settings")),
        (&admin, format!("{b}/members")),
        (&admin, format!("{b}/audit")),
        (&admin, format!("{b}/release")),
    ];
    // Words of the bokmål interface (none is in the small body's own names and texts).
    let norwegian = [
        "risikovurdering",
        "risikovurderinger",
        "påkrevd",
        "påkrevde",
        "tiltak",
        "oppgave",
        "oppgaver",
        "systemer",
        "konfidensialitet",
        "tilgjengelighet",
        "middels",
        "høy",
        "lagre",
        "velg",
        "dato",
        "åååå",
        "forfalt",
        "begrunnelse",
        "nivå",
        "nivåer",
        "ansvarlig",
        "frist",
        "hvorfor",
        "virksomheten",
        "endret",
    ];
    // A count of one never takes the plural.
    let plurals = [
        " 1 required measures",
        ">1 required measures",
        " 1 tasks",
        ">1 tasks",
        " 1 systems",
        ">1 systems",
        " 1 information types",
        ">1 information types",
        " 1 entries",
        " 1 dependencies",
        " 1 deviations",
        " 1 measures match",
    ];
    for (who, p) in &pages {
        let cookie = format!("{}; grunnmur_lang=en", who.cookie);
        let (status, html) = app.get(&cookie, p).await;
        assert_eq!(status, StatusCode::OK, "{p}");
        let text = visible_text(&html).to_lowercase();
        let found: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| norwegian.contains(w))
            .collect();
        let context: Vec<&str> = found
            .iter()
            .filter_map(|w| {
                let at = text.find(w)?;
                let from = text.floor_char_boundary(at.saturating_sub(80));
                Some(&text[from..text.ceil_char_boundary(at + w.len() + 40)])
            })
            .collect();
        assert!(found.is_empty(), "{p} (en) shows bokmål: {context:?}");
        for plural in plurals {
            assert!(!html.contains(plural), "{p} (en) says “{plural}”");
        }
        // Date fields carry the page's language, and their hint matches what the field takes.
        for input in html.split("<input").skip(1) {
            let input = input.split('>').next().unwrap();
            if input.contains("type=\"date\"") {
                assert!(input.contains("lang=\"en\""), "{p}: {input}");
            }
        }
    }
    // The default title of an assessment started in bokmål reads in English.
    let cookie = format!("{}; grunnmur_lang=en", s.cookie);
    let (_, html) = app.get(&cookie, &assessment).await;
    assert!(html.contains("<h1>Risk assessment (#"), "{html}");
    // Times are local (Europe/Oslo by default), with the zone's name.
    let cookie = format!("{}; grunnmur_lang=en", admin.cookie);
    let (_, html) = app.get(&cookie, &format!("{b}/audit")).await;
    assert!(!html.contains(" UTC<"), "audit times are local");
    assert!(html.contains(" CET<") || html.contains(" CEST<"), "{html}");
}

/// The glossary has every term with its anchor in both languages, and the pages that use a term
/// first link to an anchor that exists.
#[tokio::test]
async fn the_glossary_explains_the_words_the_pages_link_to() {
    for app in apps("the_glossary_explains_the_words_the_pages_link_to").await {
        let s = app.login("a@example.no").await;
        let (status, nb) = app.get(&s.cookie, "/glossary").await;
        assert_eq!(status, StatusCode::OK);
        let en_cookie = format!("{}; grunnmur_lang=en", s.cookie);
        let (_, en) = app.get(&en_cookie, "/glossary").await;
        for id in grunnmur_ui::GLOSSARY {
            let anchor = format!("<dt id=\"{id}\">");
            assert!(nb.contains(&anchor) && en.contains(&anchor), "{id}");
        }
        assert!(nb.contains("Kumulasjon") && en.contains("Cumulation"));
        assert!(en.contains("BN1 applies to everything"), "{en}");
        let b = format!("/b/{}", grunnmur_testkit::A);
        for page in [format!("{b}/measures"), format!("{b}/systems")] {
            let (_, html) = app.get(&en_cookie, &page).await;
            let links: Vec<&str> = (html.split("href=\"/glossary#").skip(1))
                .map(|x| x.split('"').next().unwrap())
                .collect();
            assert!(!links.is_empty(), "{page} links the glossary");
            for id in links {
                assert!(en.contains(&format!("<dt id=\"{id}\">")), "{page}: #{id}");
            }
        }
        // Readable without signing in.
        let (status, _) = app.get("", "/glossary").await;
        assert_eq!(status, StatusCode::OK);
    }
}
