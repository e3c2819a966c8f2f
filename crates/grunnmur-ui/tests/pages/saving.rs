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

/// One status for several systems at once: the form offers the other systems that require the
/// measure, with their status now; the ones ticked get the same entry, in one version; a system
/// not offered is refused at the field with nothing stored.
#[tokio::test]
async fn one_status_is_saved_for_several_systems_at_once() {
    for app in apps("one_status_is_saved_for_several_systems_at_once").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let form_path = format!("/b/{A}/measures/m.tilgang?system=s.hr");
        let (status, html) = app.get(&en, &form_path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The same status for other systems"), "{html}");
        assert!(html.contains("name=\"also\" value=\"s.okonomi\""), "{html}");
        assert!(!html.contains("name=\"also\" value=\"s.hr\""), "not itself");

        let before = app.version(A).await;
        let form = |also: &'static str| {
            vec![
                ("csrf", s.csrf.clone()),
                ("status", "implemented".to_string()),
                ("owner", "IT-sjefen".to_string()),
                ("also", "s.okonomi".to_string()),
                ("also", also.to_string()),
            ]
        };
        let post = |f: Vec<(&'static str, String)>| {
            let (app, en, path) = (&app, en.clone(), form_path.clone());
            async move {
                let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                app.post(&en, &path, &f).await
            }
        };
        let res = post(form("s.finnes-ikke")).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("Choose only systems from the list"), "{html}");
        assert_eq!(app.version(A).await, before, "nothing stored");

        let res = post(form("s.skole")).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.version(A).await, before + 1, "one version");
        let w = app.store.workspace(A).await.unwrap().unwrap();
        let doc: serde_json::Value = serde_json::from_str(&w.doc).unwrap();
        let set: Vec<&str> = (doc["measure_status"].as_array().unwrap().iter())
            .filter(|e| e["measure"] == "m.tilgang" && e["owner"] == "IT-sjefen")
            .map(|e| e["system"].as_str().unwrap())
            .collect();
        assert_eq!(set, ["s.hr", "s.okonomi", "s.skole"], "{doc}");
        let (_, html) = app.get(&en, &form_path).await;
        assert!(
            html.contains("s.okonomi\"> ") && html.contains("(Implemented)"),
            "their status now shown"
        );
    }
}
