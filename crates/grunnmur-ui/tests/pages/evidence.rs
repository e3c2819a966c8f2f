//! Evidence files on a measure status (attached, downloaded by members only, refused by kind,
//! size and CSRF with nothing stored, removed with their link) and comments on a status and on
//! a risk assessment.

use crate::{Flows, apps};
use grunnmur_testkit::*;
use reqwest::StatusCode;

const FORM: &str = "/b/974760673/measures/m.tilgang?system=s.hr";
const UPLOAD: &str = "/b/974760673/measures/m.tilgang/evidence?system=s.hr";

/// The evidence links of A's status of m.tilgang on s.hr.
async fn links(app: &Site) -> Vec<String> {
    let row = app.store.workspace(A).await.unwrap().unwrap();
    let doc: serde_json::Value = serde_json::from_str(&row.doc).unwrap();
    let statuses = doc["measure_status"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    statuses
        .iter()
        .find(|s| s["measure"] == "m.tilgang" && s["system"] == "s.hr")
        .and_then(|s| s["evidence"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn evidence_files_are_attached_downloaded_by_members_and_removed() {
    for app in apps("evidence_files_are_attached_downloaded_by_members_and_removed").await {
        let s = app.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", s.cookie);
        let (status, html) = app.get(&en, FORM).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Evidence files") && html.contains("No files attached yet."));
        // The sections' anchors are not the form's field ids (each id once on the page).
        for id in [
            "id=\"files\"",
            "id=\"evidence\"",
            "id=\"comments\"",
            "id=\"file\"",
        ] {
            assert_eq!(html.matches(id).count(), 1, "{id}");
        }

        let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".to_vec();
        let fields = [("csrf", s.csrf.as_str()), ("back", "status=overdue")];
        let res = app
            .upload(
                &s.cookie,
                UPLOAD,
                &fields,
                ("file", "Tilgang 2026.pdf", pdf.clone()),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        // Back to the status form, with the list it came from, at the files, saved.
        assert_eq!(
            location(&res),
            format!("{FORM}&back=status%3Doverdue&saved=1#files")
        );
        let linked = links(&app).await;
        assert_eq!(linked.len(), 1, "{linked:?}");
        assert!(linked[0].ends_with("/Tilgang%202026.pdf"), "{}", linked[0]);
        let (_, html) = app.get(&en, &format!("{FORM}&saved=1")).await;
        assert!(html.contains("Tilgang 2026.pdf"), "the file is listed");
        assert!(html.contains(&linked[0]), "with its download link");

        // Members download it as an attachment of the type it was checked to be.
        for who in ["a@example.no", "reader@example.no"] {
            let w = app.login(who).await;
            let res = app
                .http
                .get(format!("{}{}", app.base, linked[0]))
                .header("cookie", &w.cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{who}");
            let h = res.headers();
            assert_eq!(h["content-type"], "application/pdf");
            assert!(
                h["content-disposition"]
                    .to_str()
                    .unwrap()
                    .starts_with("attachment;")
            );
            assert_eq!(h["x-content-type-options"], "nosniff");
            assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
        }
        // Another body's member does not learn it exists.
        let b = app.login("b@example.no").await;
        let (status, _) = app.get(&b.cookie, &linked[0]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let res = app
            .upload(
                &b.cookie,
                UPLOAD,
                &[("csrf", b.csrf.as_str())],
                ("file", "x.pdf", pdf.clone()),
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // Refused: a page disguised as text, an empty file, a file over the limit, a wrong
        // token. Each at its field (or 403), and nothing stored.
        let version = app.version(A).await;
        let csrf = [("csrf", s.csrf.as_str())];
        let cases: [(&str, Vec<u8>, &str); 3] = [
            (
                "x.html",
                b"<script>alert(1)</script>".to_vec(),
                "This kind of file is not accepted",
            ),
            ("tom.txt", Vec::new(), "Choose a file that is not empty"),
            (
                "stor.txt",
                vec![b'a'; grunnmur_web::evidence::MAX_FILE_BYTES + 1],
                "The file is too large: at most 10 MB",
            ),
        ];
        for (name, data, message) in cases {
            let res = app.upload(&en, UPLOAD, &csrf, ("file", name, data)).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
            let html = res.text().await.unwrap();
            assert!(html.contains(message), "{name}: {html}");
            assert!(html.contains("id=\"file-error\""), "{name}: at the field");
        }
        let res = app
            .upload(
                &s.cookie,
                UPLOAD,
                &[("csrf", "wrong")],
                ("file", "y.pdf", pdf.clone()),
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(app.version(A).await, version, "nothing stored");
        assert_eq!(app.store.evidence_files(A, None).await.unwrap().len(), 1);

        // The attachment and its removal are in the body's history in words.
        let audit = app.store.audit_for(A).await.unwrap();
        assert!(audit.iter().any(|e| e.action == "evidence.attach"));

        // Removed: the file and its link go together, back to the form.
        let id = grunnmur_web::evidence::file_of_link(A, &linked[0])
            .unwrap()
            .to_string();
        let form = [("csrf", s.csrf.as_str()), ("back", "status=overdue")];
        let res = app
            .post(&s.cookie, &format!("/b/{A}/evidence/{id}/remove"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(location(&res).ends_with("&saved=1#files"));
        assert!(links(&app).await.is_empty());
        let (status, _) = app.get(&s.cookie, &linked[0]).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let audit = app.store.audit_for(A).await.unwrap();
        assert!(audit.iter().any(|e| e.action == "evidence.remove"));
    }
}

#[tokio::test]
async fn comments_on_a_status_and_a_risk_assessment_stay_in_their_body() {
    for app in apps("comments_on_a_status_and_a_risk_assessment_stay_in_their_body").await {
        let s = app.login("a@example.no").await;
        let object = "status:m.tilgang@s.hr";
        let form = [
            ("csrf", s.csrf.as_str()),
            ("object", object),
            ("text", "Gjennomgangen er avtalt med HR.\nNeste uke."),
        ];
        let res = app
            .post(&s.cookie, &format!("/b/{A}/comments"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("{FORM}&saved=1#comments"));
        let (_, html) = app.get(&s.cookie, FORM).await;
        assert!(html.contains("Gjennomgangen er avtalt med HR.") && html.contains("Neste uke."));
        assert!(html.contains("a@example.no"), "with its author");

        // On a risk assessment: a reader may comment there too.
        let page = app.start_assessment(&s, "system:s.hr").await;
        let id = page.rsplit('/').next().unwrap().to_string();
        let reader = app.login("reader@example.no").await;
        let risk_object = format!("risk:{id}");
        let form = [
            ("csrf", reader.csrf.as_str()),
            ("object", risk_object.as_str()),
            ("text", "Hva med reserveløsningen?"),
        ];
        let res = app
            .post(&reader.cookie, &format!("/b/{A}/comments"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = app.get(&s.cookie, &page).await;
        assert!(html.contains("Hva med reserveløsningen?"), "{html}");
        // …but not on a status, whose form is an editor's.
        let form = [
            ("csrf", reader.csrf.as_str()),
            ("object", object),
            ("text", "x"),
        ];
        let res = app
            .post(&reader.cookie, &format!("/b/{A}/comments"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);

        // An empty comment is refused at its field; nothing stored.
        let form = [
            ("csrf", s.csrf.as_str()),
            ("object", object),
            ("text", "  "),
        ];
        let res = app
            .post(&s.cookie, &format!("/b/{A}/comments"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(app.store.comments(A, None).await.unwrap().len(), 2);

        // Another body's member can neither add to A's objects nor see them.
        let b = app.login("b@example.no").await;
        let form = [("csrf", b.csrf.as_str()), ("object", object), ("text", "x")];
        let res = app
            .post(&b.cookie, &format!("/b/{A}/comments"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert!(app.store.comments(B, None).await.unwrap().is_empty());
        let (status, _) = app.get(&b.cookie, &page).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}
