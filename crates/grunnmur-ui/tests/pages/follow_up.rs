//! Follow-up (*Mine oppgaver*): open work by owner, overdue first, then due within 30 days;
//! opened for the reader when an owner field names them; downloads of the same rows.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

fn day(offset: i64) -> String {
    let today = grunnmur_web::state::today().days_since_epoch();
    grunnmur_core::Date::from_days_since_epoch(today + offset).to_string()
}

/// The text of a section of the page, up to the next heading.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html.find(&format!("<h2 id=\"{id}\">")).expect(id);
    let rest = &html[at + 4..];
    &rest[..rest.find("<h2").unwrap_or(rest.len())]
}

#[tokio::test]
async fn follow_up_shows_what_each_owner_has_left_by_due_date() {
    for app in apps("follow_up_shows_what_each_owner_has_left_by_due_date").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let (late, soon) = (day(-3), day(10));
        for (system, owner, due) in [
            ("s.hr", "a@example.no", late.as_str()),
            ("s.okonomi", "Driftssjefen", soon.as_str()),
        ] {
            let path = format!("/b/{A}/measures/m.tilgang?system={system}");
            let form = [
                ("csrf", s.csrf.as_str()),
                ("status", "in_progress"),
                ("owner", owner),
                ("due", due),
            ];
            let res = app.post(&s.cookie, &path, &form).await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{system}");
        }
        // Opened for the reader: their own work only, the overdue item in its section.
        let (status, html) = app.get(&en, &format!("/b/{A}/follow-up")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("a@example.no (you)"), "{html}");
        let overdue = section(&html, "overdue");
        assert!(overdue.contains("Access control (m.tilgang)"), "{overdue}");
        assert!(overdue.contains(&late));
        assert!(
            !html.contains("Driftssjefen</td>"),
            "another owner's work is not mine"
        );
        // Another owner, chosen in the picker: due within 30 days.
        let (_, html) = app
            .get(&en, &format!("/b/{A}/follow-up?owner=Driftssjefen"))
            .await;
        let soon_part = section(&html, "soon");
        assert!(
            soon_part.contains("Driftssjefen") && soon_part.contains(&soon),
            "{soon_part}"
        );
        assert!(section(&html, "overdue").contains("Nothing here."));
        // All owners, and the download of the same rows.
        let (_, html) = app.get(&en, &format!("/b/{A}/follow-up?owner=")).await;
        assert!(html.contains("Driftssjefen") && html.contains(&late));
        let (status, csv) = app
            .get(&en, &format!("/b/{A}/follow-up.csv?owner=Driftssjefen"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let lines: Vec<&str> = csv.lines().filter(|l| l.contains("m.tilgang")).collect();
        assert_eq!(lines.len(), 1, "{csv}");
        assert!(lines[0].contains("Driftssjefen") && lines[0].contains(&soon));
        // Another body's member sees nothing of A's.
        let b = app.login("b@example.no").await;
        let (status, _) = app.get(&b.cookie, &format!("/b/{A}/follow-up")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
