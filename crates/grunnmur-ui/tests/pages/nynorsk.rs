//! The pages in nynorsk: the page's language, nynorsk words from the nynorsk files, the
//! three-way language switch, and catalog texts (bokmål and English only) marked as bokmål.

use crate::apps;
use grunnmur_i18n::{Lang, t};
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn the_dashboard_and_a_measure_page_render_in_nynorsk_with_bokmaal_marked() {
    for app in apps("the_dashboard_and_a_measure_page_render_in_nynorsk").await {
        let s = app.login("a@example.no").await;
        let cookie = format!("{}; grunnmur_lang=nn", s.cookie);
        let b = format!("/b/{A}");
        let (status, html) = app.get(&cookie, &b).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<html lang=\"nn\">"), "{html}");
        // Words of the nynorsk interface, from the nynorsk file.
        let nn = |key: &str| t(Lang::Nn, key, &[]);
        for key in ["ui-q1", "ui-dashboard-intro", "ui-attention-title"] {
            assert!(
                html.contains(&nn(key)),
                "dashboard lacks {key}: {}",
                nn(key)
            );
        }
        for word in ["Kva oppgåver", "verksemda", "treng"] {
            assert!(html.contains(word), "dashboard lacks «{word}»");
        }
        assert!(
            !html.contains(&t(Lang::Nb, "ui-q1", &[])),
            "bokmål question"
        );
        // The switch offers the three languages, each named in itself, this one current.
        for (code, name) in [
            ("nb", "Norsk bokmål"),
            ("nn", "Norsk nynorsk"),
            ("en", "English"),
        ] {
            let link = format!(
                "href=\"/lang/{code}?next=%2Fb%2F{A}\" hreflang=\"{code}\" lang=\"{code}\""
            );
            assert!(html.contains(&link), "switch to {code}: {html}");
            assert!(html.contains(&format!(">{name}</a>")), "{name}");
        }
        assert!(html.contains("lang=\"nn\" aria-current=\"true\">Norsk nynorsk</a>"));
        // Where the dashboard names a catalog task (in bokmål: the catalog has no nynorsk),
        // its element is marked as bokmål.
        for task in ["Personalforvaltning", "Økonomi", "Grunnskole"] {
            for (at, _) in html.match_indices(&format!(">{task}<")) {
                let tag = &html[html[..at].rfind('<').unwrap()..at];
                assert!(tag.contains("lang=\"nb\""), "unmarked bokmål: {tag}");
            }
        }
        assert!(
            html.contains("lang=\"nb\">Personalforvaltning<"),
            "the risk list's catalog task, marked: {html}"
        );

        // A measure of a system: the interface in nynorsk, the catalog's texts marked bokmål.
        let (status, html) = app
            .get(&cookie, &format!("{b}/measures/m.backup?system=s.okonomi"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<html lang=\"nn\">"));
        for key in ["ui-measure-edit-title", "ui-hint-evidence", "ui-why"] {
            assert!(
                html.contains(&nn(key)),
                "measure page lacks {key}: {}",
                nn(key)
            );
        }
        // The small catalog's name of m.backup, in bokmål.
        let name = "Sikkerhetskopi";
        assert!(
            html.contains(&format!("<span lang=\"nb\">{name}</span>")),
            "the measure's bokmål name is not marked: {html}"
        );
        // The same page in bokmål marks nothing; in English the English name is unmarked.
        let (_, nb) = app
            .get(
                &s.cookie,
                &format!("{b}/measures/m.backup?system=s.okonomi"),
            )
            .await;
        assert!(nb.contains(&format!("<span>{name}</span>")), "{nb}");
        assert!(!nb.contains("<span lang=\"nb\">"));

        // The catalog's own measure page: heading and texts marked, the interface nynorsk.
        let (status, html) = app.get(&cookie, "/catalog/measures/m.backup").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains(&format!("<span lang=\"nb\">{name}</span></h1>")),
            "{html}"
        );
        assert!(html.contains(&nn("ui-catalog-facts")));
    }
}

/// Every element whose text is exactly `text` carries `lang="nb"`, and there is at least one.
fn marked_everywhere(html: &str, text: &str, page: &str) {
    let hits: Vec<_> = html.match_indices(&format!(">{text}<")).collect();
    assert!(!hits.is_empty(), "{page} lacks «{text}»: {html}");
    for (at, _) in hits {
        let tag = &html[html[..at].rfind('<').unwrap()..at];
        assert!(
            tag.contains("lang=\"nb\""),
            "{page}: unmarked bokmål: {tag}"
        );
    }
}

#[tokio::test]
async fn systems_tasks_and_adapt_pages_mark_bokmaal_catalog_texts_in_nynorsk() {
    for app in apps("systems_tasks_and_adapt_pages_mark_bokmaal").await {
        let s = app.login("a@example.no").await;
        let cookie = format!("{}; grunnmur_lang=nn", s.cookie);
        let b = format!("/b/{A}");
        let nn = |key: &str| t(Lang::Nn, key, &[]);

        // A system: its task checkboxes and its required measures name catalog texts.
        let (status, html) = app.get(&cookie, &format!("{b}/systems/s.okonomi")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&nn("ui-system-tasks")));
        marked_everywhere(&html, "Personalforvaltning", "system page");
        marked_everywhere(&html, "Sikkerhetskopi", "system page");
        // Why the system has its levels: the sentence is nynorsk, the catalog's names in it
        // are marked.
        let (status, html) = app
            .get(&cookie, &format!("{b}/systems/s.okonomi/why"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("» i oppgåva «<span lang=\"nb\">"), "{html}");

        // The tasks page: the chosen tasks' names.
        let (status, html) = app.get(&cookie, &format!("{b}/tasks")).await;
        assert_eq!(status, StatusCode::OK);
        marked_everywhere(&html, "Personalforvaltning", "tasks page");

        // Adapting levels: each task's heading.
        let (status, html) = app.get(&cookie, &format!("{b}/adapt")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&nn("ui-adapt-title")));
        marked_everywhere(&html, "Personalforvaltning", "adapt page");

        // Search: a catalog measure found by its bokmål name.
        let (status, html) = app
            .get(&cookie, &format!("{b}/search?q=Sikkerhetskopi"))
            .await;
        assert_eq!(status, StatusCode::OK);
        marked_everywhere(&html, "Sikkerhetskopi", "search page");

        // In bokmål the same pages mark nothing.
        for path in [
            "systems/s.okonomi",
            "systems/s.okonomi/why",
            "tasks",
            "adapt",
        ] {
            let (_, nb) = app.get(&s.cookie, &format!("{b}/{path}")).await;
            assert!(
                !nb.contains(" lang=\"nb\">Personalforvaltning") && !nb.contains("<span lang="),
                "{path} in bokmål marks a text: {nb}"
            );
        }
    }
}

#[tokio::test]
async fn follow_up_and_the_year_mark_bokmaal_measure_names_in_nynorsk() {
    for app in apps("follow_up_and_the_year_mark_bokmaal_names").await {
        let s = app.login("a@example.no").await;
        let cookie = format!("{}; grunnmur_lang=nn", s.cookie);
        let b = format!("/b/{A}");
        let today = grunnmur_web::state::today();
        let due = grunnmur_core::Date::from_days_since_epoch(today.days_since_epoch() + 10);
        let res = app
            .post(
                &s.cookie,
                &format!("{b}/measures/m.tilgang?system=s.hr"),
                &[
                    ("csrf", s.csrf.as_str()),
                    ("status", "in_progress"),
                    ("owner", "a@example.no"),
                    ("due", &due.to_string()),
                    ("recurs", "3"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // The element's opening tag just before `at`.
        let tag_before =
            |html: &str, at: usize| html[html[..at].rfind('<').unwrap()..at].to_string();

        // Mine oppgåver: the measure's bokmål name, in a link marked as bokmål.
        let (status, html) = app.get(&cookie, &format!("{b}/follow-up")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&t(Lang::Nn, "ui-follow-title", &[])));
        let at = html
            .find(" (m.tilgang)</a>")
            .expect("the measure in follow-up");
        assert!(tag_before(&html, at).contains("lang=\"nb\""), "{html}");

        // Årshjulet: the measure's link, marked. (The test catalog gives its measures no
        // governance activity, so the headings are the interface's words.)
        let (status, html) = app.get(&cookie, &format!("{b}/year")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&t(Lang::Nn, "recur-year-title", &[])));
        let link = html
            .find("/measures/m.tilgang?")
            .expect("the measure in the year");
        let end = link + html[link..].find("</a>").unwrap();
        assert!(tag_before(&html, end).contains("lang=\"nb\""), "{html}");

        // In bokmål, neither is marked.
        for path in ["follow-up", "year"] {
            let (_, nb) = app.get(&s.cookie, &format!("{b}/{path}")).await;
            assert!(nb.contains("m.tilgang"), "{path} in bokmål");
            // The link to the measure: its opening tag.
            let at = nb.find("/measures/m.tilgang?").unwrap();
            let a = &nb[nb[..at].rfind("<a ").unwrap()..at + nb[at..].find('>').unwrap()];
            assert!(
                !a.contains("lang=\"nb\""),
                "{path} in bokmål marks the name: {a}"
            );
        }
    }
}
