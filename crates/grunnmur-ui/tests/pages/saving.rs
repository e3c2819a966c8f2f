//! After a save: back at the place saved, with the list's filters, and the confirmation shown.

use crate::apps;
use grunnmur_testkit::*;
use grunnmur_ui::page::enc;
use reqwest::StatusCode;

#[tokio::test]
async fn a_status_saved_from_a_filtered_list_returns_to_the_same_list_and_row() {
    for app in apps("a_status_saved_from_a_filtered_list_returns_to_the_same_list_and_row").await {
        let s = app.login("a@example.no").await;
        let list = format!("/b/{A}/measures?system=s.hr&status=&kind=teknologisk");
        let (status, html) = app.get(&s.cookie, &list).await;
        assert_eq!(status, StatusCode::OK);
        // The status link carries the list's query.
        let query = "system=s.hr&baseline=&activity=&kind=teknologisk&purpose=&status=&page=0";
        let link = format!(
            "/b/{A}/measures/m.tilgang?system=s.hr&amp;back={}",
            enc(query)
        );
        assert!(html.contains(&link), "{html}");
        assert!(html.contains("<tr id=\"row-m.tilgang-s.hr\">"));
        let (status, form) = app.get(&s.cookie, &link.replace("&amp;", "&")).await;
        assert_eq!(status, StatusCode::OK);
        let hidden = format!(
            "<input type=\"hidden\" name=\"back\" value=\"{}\">",
            query.replace('&', "&#38;")
        );
        assert!(form.contains(&hidden), "{form}");
        let save = format!("/b/{A}/measures/m.tilgang?system=s.hr");
        let res = app
            .post(
                &s.cookie,
                &save,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("status", "in_progress"),
                    ("back", query),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let to = location(&res);
        assert_eq!(
            to,
            format!("/b/{A}/measures?{query}&saved=1#row-m.tilgang-s.hr"),
            "the same filters, the query before the fragment"
        );
        let (_, html) = app.get(&s.cookie, to.split('#').next().unwrap()).await;
        assert!(
            html.contains("<p class=\"notice\" role=\"status\">"),
            "confirmed"
        );
        assert!(
            html.contains("<option value=\"teknologisk\" selected>"),
            "the filter kept"
        );
        assert!(
            html.contains("<tr id=\"row-m.tilgang-s.hr\">"),
            "the row saved"
        );
        // Something other than the list's own query is refused, naming the field.
        let before = app.version(A).await;
        for evil in [
            "next=https://evil.example/",
            "system=s.hr#x",
            "//evil.example",
        ] {
            let res = app
                .post(
                    &s.cookie,
                    &save,
                    &[
                        ("csrf", s.csrf.as_str()),
                        ("status", "implemented"),
                        ("back", evil),
                    ],
                )
                .await;
            assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{evil}");
        }
        assert_eq!(app.version(A).await, before, "nothing stored");
        // Without a list to return to: the system, as before.
        let res = app
            .post(
                &s.cookie,
                &save,
                &[("csrf", s.csrf.as_str()), ("status", "implemented")],
            )
            .await;
        assert_eq!(location(&res), format!("/b/{A}/systems/s.hr?saved=1"));
    }
}
