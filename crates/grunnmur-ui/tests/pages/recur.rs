//! Recurring work and the annual cycle: a recurring status lapses into *Mine oppgaver*;
//! recording it done keeps the history, moves the next due date and confirms; bad input is
//! refused at its field with nothing stored; the annual cycle lists it, exports it and gives
//! it as iCalendar; another body's member sees none of it.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

fn day(offset: i64) -> grunnmur_core::Date {
    let today = grunnmur_web::state::today().days_since_epoch();
    grunnmur_core::Date::from_days_since_epoch(today + offset)
}

const STATUS: &str = "/m.tilgang?system=s.hr";

#[tokio::test]
async fn recording_recurring_work_done_keeps_the_history_and_moves_the_due_date() {
    for app in apps("recording_recurring_work_done_keeps_the_history").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let form = format!("/b/{A}/measures{STATUS}");
        let late = day(-3).to_string();
        // Implemented, quarterly, and the next review three days late.
        let res = app
            .post(
                &s.cookie,
                &form,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("status", "implemented"),
                    ("owner", "a@example.no"),
                    ("due", &late),
                    ("recurs", "3"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // In place, but the recurring work lapsed: overdue in Mine oppgaver.
        let (_, html) = app.get(&en, &format!("/b/{A}/follow-up")).await;
        let overdue = &html[html.find("<h2 id=\"overdue\">").unwrap()..];
        let overdue = &overdue[..overdue[4..].find("<h2").map_or(overdue.len(), |i| i + 4)];
        assert!(overdue.contains("Access control (m.tilgang)"), "{overdue}");
        assert!(overdue.contains("Recurring"), "{overdue}");
        // Recording it done: back at the form, confirmed, with the history and the next date.
        let done = format!("/b/{A}/measures/m.tilgang/done?system=s.hr");
        let today = day(0).to_string();
        let res = app
            .post(
                &s.cookie,
                &done,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("done_date", &today),
                    ("done_evidence", "https://intra/tilgang-q4"),
                    ("done_note", "Fjernet 3 tilganger"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let to = location(&res);
        assert_eq!(
            to,
            format!("/b/{A}/measures/m.tilgang?system=s.hr&saved=1#done")
        );
        let (status, html) = app.get(&en, to.split('#').next().unwrap()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The change has been saved."), "confirmed");
        assert!(html.contains("https://intra/tilgang-q4") && html.contains("Fjernet 3 tilganger"));
        let next = day(0).add_months(3).to_string();
        assert!(html.contains(&format!("Next due: {next}")), "{html}");
        assert!(
            html.contains("<option value=\"3\" selected>"),
            "quarterly kept"
        );
        let (_, html) = app.get(&en, &format!("/b/{A}/follow-up")).await;
        assert!(
            !html.contains("Recurring</td>"),
            "no longer due within 30 days"
        );
        // A date after today and an interval out of bounds are refused at their fields.
        let tomorrow = day(1).to_string();
        let res = app
            .post(
                &s.cookie,
                &done,
                &[("csrf", s.csrf.as_str()), ("done_date", &tomorrow)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("id=\"done_date-error\""), "{html}");
        let res = app
            .post(
                &s.cookie,
                &form,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("status", "implemented"),
                    ("recurs", "custom"),
                    ("recurs_months", "99"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("id=\"recurs_months-error\"")
        );
        // Nothing stored by either: one entry in the history, the interval unchanged.
        let (_, html) = app.get(&en, &form).await;
        assert_eq!(html.matches("Fjernet 3 tilganger").count(), 1);
        assert!(html.contains("<option value=\"3\" selected>"));
        // Changing the status keeps the history.
        let res = app
            .post(
                &s.cookie,
                &form,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("status", "implemented"),
                    ("owner", "Driftssjefen"),
                    ("due", &next),
                    ("recurs", "3"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get(&en, &form).await;
        assert!(html.contains("Fjernet 3 tilganger"), "history kept");
        // A reader cannot record anything; another body's member finds nothing.
        let r = app.login("reader@example.no").await;
        let res = app
            .post(
                &r.cookie,
                &done,
                &[("csrf", r.csrf.as_str()), ("done_date", &today)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let b = app.login("b@example.no").await;
        let res = app
            .post(
                &b.cookie,
                &done,
                &[("csrf", b.csrf.as_str()), ("done_date", &today)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_annual_cycle_lists_exports_and_gives_a_calendar_to_members_only() {
    for app in apps("the_annual_cycle_lists_exports_and_gives_a_calendar").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let due = day(20);
        let res = app
            .post(
                &s.cookie,
                &format!("/b/{A}/measures{STATUS}"),
                &[
                    ("csrf", s.csrf.as_str()),
                    ("status", "implemented"),
                    ("owner", "Tilgangsansvarlig, IT; drift"),
                    ("due", &due.to_string()),
                    ("recurs", "custom"),
                    ("recurs_months", "4"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // The page: the task under its governance activity, with its owner and interval.
        let year = due.year();
        let (status, html) = app.get(&en, &format!("/b/{A}/year?year={year}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("Annual cycle {year}")));
        assert!(html.contains("Access control") && html.contains("every 4 months"));
        assert!(html.contains("Tilgangsansvarlig, IT; drift"));
        assert!(html.contains(&format!("due {}", due.day())), "{html}");
        let (_, nb) = app.get(&s.cookie, &format!("/b/{A}/year")).await;
        assert!(nb.contains("Årshjul") && nb.contains("hver 4. måned"));
        let (status, _) = app.get(&en, &format!("/b/{A}/year?year=abc")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        // The downloads.
        let (status, csv) = app.get(&en, &format!("/b/{A}/year.csv?year={year}")).await;
        assert_eq!(status, StatusCode::OK);
        let row: Vec<&str> = csv.lines().filter(|l| l.contains("m.tilgang")).collect();
        assert_eq!(row.len(), 1, "{csv}");
        assert!(row[0].contains(&due.to_string()));
        let (status, _) = app.get(&en, &format!("/b/{A}/year.xlsx?year={year}")).await;
        assert_eq!(status, StatusCode::OK);
        // The calendar, line by line.
        let (status, ics) = app.get(&en, &format!("/b/{A}/year.ics")).await;
        assert_eq!(status, StatusCode::OK);
        check_ics(&ics);
        let unfolded = ics.replace("\r\n ", "");
        let d = format!("{:04}{:02}{:02}", due.year(), due.month(), due.day());
        assert!(unfolded.contains(&format!("DTSTART;VALUE=DATE:{d}\r\n")));
        assert!(unfolded.contains("RRULE:FREQ=MONTHLY;INTERVAL=4"));
        assert!(unfolded.contains("SUMMARY:Access control (m.tilgang)\r\n"));
        assert!(unfolded.contains(&format!("UID:status.m.tilgang.s.hr@{A}.grunnmur\r\n")));
        assert!(
            unfolded.contains("Owner: Tilgangsansvarlig\\, IT\\; drift\\n"),
            "escaped: {unfolded}"
        );
        // Another body's member: nothing of A's.
        let b = app.login("b@example.no").await;
        for path in ["year", "year.ics", "year.csv"] {
            let (status, body) = app.get(&b.cookie, &format!("/b/{A}/{path}")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(!body.contains("m.tilgang"), "{path}");
        }
    }
}

/// RFC 5545's shape: CRLF line ends, lines of at most 75 octets, continuation lines starting
/// with a space, BEGIN and END balanced, and each event with its required properties.
fn check_ics(ics: &str) {
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let lines: Vec<&str> = ics.split_terminator("\r\n").collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    let mut stack: Vec<&str> = Vec::new();
    let mut props: Vec<String> = Vec::new();
    let mut events = 0;
    for l in &lines {
        assert!(l.len() <= 75, "{} octets: {l}", l.len());
        if l.starts_with(' ') {
            continue;
        }
        let name = l.split([':', ';']).next().unwrap();
        match name {
            "BEGIN" => {
                stack.push(&l[6..]);
                props.clear();
            }
            "END" => {
                assert_eq!(stack.pop(), Some(&l[4..]), "balanced");
                if &l[4..] == "VEVENT" {
                    events += 1;
                    for p in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
                        assert!(props.iter().any(|x| x == p), "{p} missing");
                    }
                }
            }
            _ => props.push(name.to_string()),
        }
    }
    assert!(stack.is_empty());
    assert!(events >= 1);
    assert!(ics.contains("VERSION:2.0\r\n") && ics.contains("PRODID:"));
}

#[tokio::test]
async fn an_implementation_records_work_done_and_keeps_its_history_when_changed() {
    for app in apps("an_implementation_records_work_done").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let mut form = vec![
            ("csrf", s.csrf.as_str()),
            ("name", "Tilgangsgjennomgang"),
            ("measure", "m.tilgang"),
            ("covers", "systems"),
            ("system", "s.hr"),
            ("status", "in_progress"),
            ("owner", "IT-leder"),
            ("recurs", "6"),
        ];
        let res = app
            .post(&s.cookie, &format!("/b/{A}/implementations"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let path = format!("/b/{A}/implementations/tilgangsgjennomgang");
        let today = day(0).to_string();
        let res = app
            .post(
                &s.cookie,
                &format!("{path}/done"),
                &[
                    ("csrf", s.csrf.as_str()),
                    ("done_date", today.as_str()),
                    ("done_note", "Halvårlig gjennomgang"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("{path}?saved=1#done"));
        let (status, html) = app.get(&en, &format!("{path}?saved=1")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The change has been saved."));
        assert!(html.contains("Halvårlig gjennomgang"));
        let next = day(0).add_months(6).to_string();
        assert!(html.contains(&format!("Next due: {next}")), "{html}");
        assert!(
            html.contains("<option value=\"implemented\" selected>"),
            "in place once done"
        );
        // Changing it through its form keeps the history; the annual cycle shows it.
        form.push(("due", next.as_str()));
        form[5] = ("status", "implemented");
        let res = app.post(&s.cookie, &path, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get(&en, &path).await;
        assert!(html.contains("Halvårlig gjennomgang"), "history kept");
        let (_, html) = app.get(&en, &format!("/b/{A}/year")).await;
        assert!(html.contains("Tilgangsgjennomgang") && html.contains("every half year"));
        // Another body's member cannot record it.
        let b = app.login("b@example.no").await;
        let res = app
            .post(
                &b.cookie,
                &format!("{path}/done"),
                &[("csrf", b.csrf.as_str()), ("done_date", today.as_str())],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
}
