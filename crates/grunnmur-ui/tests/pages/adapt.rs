//! Adapting a level: after a save the form says what changed, what did not and why, and it
//! shows the catalog's reasons and the consequence scale.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn a_saved_adaptation_says_what_changed_and_what_did_not() {
    for app in apps("a_saved_adaptation_says_what_changed_and_what_did_not").await {
        let s = app.login("a@example.no").await;
        let form = format!("/b/{A}/adapt/kommune.skole/skole.elevmappe");
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        // The form explains the recommendation: the catalog's reasons and the scale.
        let (status, html) = app.get(&en, &form).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Data about children."), "the rationale");
        assert!(html.contains("The consequence scale"), "the scale");
        assert!(html.contains("Confidentiality: how bad"), "what C means");
        assert!(!html.contains("What the change did"), "nothing saved yet");
        // Lower confidentiality of the pupil file: the task keeps medium through its other
        // information types, and so do the school system and the body.
        let res = app
            .post(
                &s.cookie,
                &form,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("c", "lav"),
                    ("i", "middels"),
                    ("a", "middels"),
                    ("justification", "Bare navn og klasse i denne mappen."),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let to = location(&res);
        assert!(
            to.starts_with(&format!("{form}?")),
            "back to the form: {to}"
        );
        assert!(to.contains("saved=1"), "{to}");
        let (status, html) = app.get(&en, &to).await;
        assert_eq!(status, StatusCode::OK);
        let html = html.replace("&#8220;", "“").replace("&#8221;", "”");
        assert!(html.contains("role=\"status\""), "the saved notice");
        assert!(html.contains("What the change did"), "{html}");
        assert!(
            html.contains(
                "“Pupil file” in the task “Primary school”: confidentiality changed from medium to low."
            ),
            "{html}"
        );
        assert!(
            html.contains("The task “Primary school”: confidentiality stays medium, because “"),
            "{html}"
        );
        assert!(
            html.contains(
                "The system “Skoleadministrativt system”: confidentiality stays medium, because “"
            ),
            "{html}"
        );
        assert!(
            html.contains("The body: confidentiality stays medium"),
            "{html}"
        );
        // Only what moved is listed: integrity and availability were left as they were.
        assert!(!html.contains("integrity changed"), "{html}");
        // In bokmål too.
        let (_, html) = app.get(&s.cookie, &to).await;
        assert!(html.contains("Hva endringen gjorde"));
        assert!(html.contains("konfidensialitet er fortsatt middels, fordi"));
        // Undo it: the same levels as recommended; confidentiality moves back up.
        let res = app
            .post(
                &s.cookie,
                &form,
                &[
                    ("csrf", s.csrf.as_str()),
                    ("c", "middels"),
                    ("i", "middels"),
                    ("a", "middels"),
                    ("justification", ""),
                ],
            )
            .await;
        let (_, html) = app.get(&en, &location(&res)).await;
        let html = html.replace("&#8220;", "“").replace("&#8221;", "”");
        assert!(
            html.contains("confidentiality changed from low to medium"),
            "{html}"
        );
    }
}
