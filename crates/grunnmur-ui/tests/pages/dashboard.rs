//! The dashboard and the status report give the same figures.

use crate::{Flows, apps, section};
use grunnmur_testkit::*;

#[tokio::test]
async fn the_dashboard_and_the_status_report_give_the_same_figures() {
    for app in apps("the_dashboard_and_the_status_report_give_the_same_figures").await {
        let e = app.login("a@example.no").await;
        let (_, html) = app
            .get(
                &format!("{}; grunnmur_lang=en", e.cookie),
                &format!("/b/{A}"),
            )
            .await;
        let html = html.replace(['\u{2068}', '\u{2069}'], "");
        let at = html
            .find(" required measures are in place")
            .expect("question 3");
        let words: Vec<&str> = html[..at].rsplit(['>', ' ']).take(3).collect();
        let (required, in_place): (i64, i64) =
            (words[0].parse().unwrap(), words[2].parse().unwrap());
        assert!(required > 0, "{words:?}");

        let doc = app.status_report(&e, "en").await;
        let summary = section(&doc, "summary");
        let figure = |key: &str| {
            let label = grunnmur_i18n::t(grunnmur_i18n::Lang::En, key, &[]);
            let rows = summary["table"]["rows"].as_array().unwrap();
            let row = rows
                .iter()
                .find(|r| r[0].to_string().contains(&label))
                .unwrap();
            row[1]
                .as_object()
                .unwrap()
                .values()
                .next()
                .unwrap()
                .as_i64()
        };
        assert_eq!(figure("report-kv-required-total"), Some(required));
        assert_eq!(figure("report-kv-in-place"), Some(in_place));
        // Implemented without an evidence link: counted apart, the same on both.
        let label = "Implemented without evidence (undocumented): ";
        let at = html.find(label).expect("the undocumented count") + label.len();
        let n: String = html[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        assert_eq!(figure("report-kv-undocumented"), Some(n.parse().unwrap()));
    }
}
