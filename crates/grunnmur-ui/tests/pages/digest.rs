//! The follow-up digest by e-mail, sent over SMTP to a server the test starts: only to the
//! owner of work that is overdue or due soon, in both languages, with a working unsubscribe
//! link (and resubscribe); one day is claimed by one server only.

use crate::apps;
use grunnmur_mail::Mailer;
use grunnmur_testkit::*;
use grunnmur_web::{AppState, Config};
use reqwest::StatusCode;

fn day(offset: i64) -> String {
    let today = grunnmur_web::state::today().days_since_epoch();
    grunnmur_core::Date::from_days_since_epoch(today + offset).to_string()
}

#[tokio::test]
async fn the_digest_goes_to_owners_of_due_work_and_stops_when_asked() {
    for app in apps("the_digest_goes_to_owners_of_due_work_and_stops_when_asked").await {
        let s = app.login("a@example.no").await;
        // a@example.no owns an overdue measure; Driftssjefen (no account) one due in 10 days;
        // a@example.no's work due in 90 days is not in the digest.
        for (system, owner, due) in [
            ("s.hr", "A@example.no", day(-2)),
            ("s.okonomi", "Driftssjefen", day(10)),
            ("s.skole", "a@example.no", day(90)),
        ] {
            let form = [
                ("csrf", s.csrf.as_str()),
                ("status", "in_progress"),
                ("owner", owner),
                ("due", due.as_str()),
            ];
            let path = format!("/b/{A}/measures/m.tilgang?system={system}");
            let res = app.post(&s.cookie, &path, &form).await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER, "{system}");
        }
        let config = Config {
            public_url: Some(app.base.clone()),
            ..Config::default()
        };
        let state = AppState::new(app.store.clone(), small_catalog(), config);
        let sink = SmtpSink::start().await;
        let mailer = Mailer::new(&sink.url, "grunnmur@example.no").unwrap();

        let digests = grunnmur_ui::digest::digests(&state).await.unwrap();
        assert_eq!(digests.len(), 1, "one person owns due work");
        let d = &digests[0];
        assert_eq!(d.mail.to, "a@example.no");
        assert_eq!(d.count, 1, "the work due in 90 days is not in it");
        let text = &d.mail.text;
        assert!(
            text.contains("Fristen er passert") && text.contains("Overdue"),
            "{text}"
        );
        assert!(
            text.contains(&day(-2)) && !text.contains(&day(90)),
            "{text}"
        );
        assert!(
            text.contains("HR-system") && text.contains("(m.tilgang)"),
            "{text}"
        );
        let link = format!("{}/b/{A}/measures/m.tilgang?system=s.hr", app.base);
        assert!(text.contains(&link), "a link to the work: {text}");

        assert_eq!(grunnmur_ui::digest::send(&state, &mailer).await.unwrap(), 1);
        let got = sink.messages();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].to, vec!["a@example.no".to_string()]);
        let unsubscribe = d.mail.unsubscribe.clone().unwrap();
        assert!(unsubscribe.starts_with(&format!("{}/unsubscribe/", app.base)));
        assert!(
            got[0]
                .data
                .contains(&format!("List-Unsubscribe: <{unsubscribe}>")),
            "{}",
            got[0].data
        );
        assert!(
            got[0]
                .data
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        );

        // The link asks first (a preview stops nothing), then stops the digest.
        let path = unsubscribe.strip_prefix(&app.base).unwrap().to_string();
        let (status, html) = app.get("", &path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Slutt å sende oversikten"), "{html}");
        assert_eq!(grunnmur_ui::digest::digests(&state).await.unwrap().len(), 1);
        let res = app
            .post("", &path, &[("List-Unsubscribe", "One-Click")])
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Du får ikke lenger oversikten")
        );
        assert!(
            grunnmur_ui::digest::digests(&state)
                .await
                .unwrap()
                .is_empty()
        );
        let audit = app.store.audit_all().await.unwrap();
        let last = audit
            .iter()
            .rev()
            .find(|e| e.action.starts_with("digest."))
            .unwrap();
        assert_eq!(
            (last.action.as_str(), last.actor.as_str()),
            ("digest.unsubscribe", "a@example.no")
        );
        // …and on again.
        let res = app.post("", &format!("{path}/on"), &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(grunnmur_ui::digest::digests(&state).await.unwrap().len(), 1);
        // A token that is no one's.
        let res = app.post("", "/unsubscribe/not-a-token", &[]).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // One day, one round: the first server to claim it sends.
        let today = day(0);
        assert!(app.store.claim_digest_day(&today).await.unwrap());
        assert!(!app.store.claim_digest_day(&today).await.unwrap());
    }
}
