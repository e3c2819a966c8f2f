//! Risk assessments through the pages: risks added, edited and removed with problems at their
//! fields, the owner's acceptance, and final reports.

use crate::{Flows, apps, section, start};
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::StatusCode;

#[tokio::test]
async fn risk_assessments_and_final_reports_through_the_pages() {
    for app in apps("risk_assessments_and_final_reports_through_the_pages").await {
        let e = app.login("a@example.no").await;
        let to = app.start_assessment(&e, "system:s.hr").await;
        assert!(to.starts_with(&format!("/b/{A}/risk/")), "{to}");
        let (status, html) = app.get(&e.cookie, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("HR-system"), "the object is named");
        // A risk: without a title refused at its field; then low and accepted as it is.
        let add = format!("{to}/risks");
        let form = |title: &'static str| {
            vec![
                ("csrf", e.csrf.clone()),
                ("title", title.into()),
                ("dim", "c".into()),
                ("likelihood", "1".into()),
                ("consequence", "1".into()),
                ("knowledge", "medium".into()),
                ("decision", "accept".into()),
            ]
        };
        let post = |f: Vec<(&'static str, String)>| {
            app.http
                .post(format!("{}{add}", app.base))
                .header("cookie", &e.cookie)
                .form(&f)
                .send()
        };
        let res = post(form("")).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("id=\"title-error\""));
        assert!(
            !html.contains("ui-field-"),
            "the field is named, not its key"
        );
        assert_eq!(
            post(form("Mistet PC")).await.unwrap().status(),
            StatusCode::SEE_OTHER
        );
        // The risk owner's acceptance is recorded by an administrator.
        let adm = app.login("admin@example.no").await;
        assert_eq!(
            app.accept(&adm, &to, "Kari Nordmann, rådmann").await,
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&e.cookie, &to).await;
        assert!(
            html.contains("Mistet PC") && html.contains("Kari Nordmann, rådmann ("),
            "{html}"
        );
        // Another body's member cannot see it; a reader cannot start one.
        let b = app.login("b@example.no").await;
        assert_eq!(app.get(&b.cookie, &to).await.0, StatusCode::NOT_FOUND);
        let r = app.login("reader@example.no").await;
        let res = app
            .post(
                &r.cookie,
                &format!("/b/{A}/risk"),
                &[("csrf", r.csrf.as_str()), ("object", "org")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        // A draft by the editor; only an administrator finalises, once.
        let res = app
            .post(
                &e.cookie,
                &format!("/b/{A}/reports"),
                &[
                    ("csrf", e.csrf.as_str()),
                    ("kind", "status"),
                    ("report_lang", "nb"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let id = app.store.reports(A).await.unwrap()[0].id;
        let fin = format!("/b/{A}/reports/{id}/finalize");
        assert_eq!(
            app.post(&e.cookie, &fin, &[("csrf", e.csrf.as_str())])
                .await
                .status(),
            StatusCode::FORBIDDEN
        );
        let a = app.login("admin@example.no").await;
        let confirmed = [("csrf", a.csrf.as_str()), ("confirm", "yes")];
        assert_eq!(
            app.post(&a.cookie, &fin, &confirmed).await.status(),
            StatusCode::SEE_OTHER
        );
        let row = app.store.report(A, id).await.unwrap().unwrap();
        assert_eq!(row.approver.as_deref(), Some("admin@example.no"));
        assert_eq!(
            app.post(&a.cookie, &fin, &confirmed).await.status(),
            StatusCode::CONFLICT
        );
        let (_, html) = app.get(&a.cookie, &format!("/b/{A}/risk")).await;
        assert!(html.contains(&format!("/api/bodies/{A}/reports/{id}?format=pdf")));
        assert!(
            !html.contains(&format!("/reports/{id}/finalize")),
            "a final report offers no finalise"
        );
    }
}

/// The stored assessment behind a page path `/b/{orgnr}/risk/{id}`.
async fn stored_risk(app: &Site, path: &str) -> (i64, serde_json::Value) {
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let row = app.store.risk_assessment(A, id).await.unwrap().unwrap();
    (row.version, serde_json::from_str(&row.doc).unwrap())
}

/// Whether the element with this id is marked invalid and described by its error.
fn invalid_at(html: &str, id: &str) -> bool {
    let Some(at) = html.find(&format!("id=\"{id}\" name=")) else {
        return false;
    };
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    tag.contains("aria-invalid=\"true\"")
        && tag.contains(&format!("{id}-error"))
        && html.contains(&format!("<p class=\"field-error\" id=\"{id}-error\">"))
}

#[tokio::test]
async fn risks_are_edited_and_removed_through_the_pages_with_problems_at_their_fields() {
    for app in
        apps("risks_are_edited_and_removed_through_the_pages_with_problems_at_their_fields").await
    {
        let e = app.login("a@example.no").await;
        let to = app.start_assessment(&e, "system:s.hr").await;
        let form = |fields: &[(&str, &str)]| {
            let mut f: Vec<(String, String)> = vec![
                ("csrf".into(), e.csrf.clone()),
                ("title".into(), "Mistet PC".into()),
                ("dim".into(), "c".into()),
                ("likelihood".into(), "2".into()),
                ("consequence".into(), "2".into()),
                ("knowledge".into(), "high".into()),
                ("decision".into(), "accept".into()),
            ];
            for (k, v) in fields {
                f.retain(|(x, _)| x != k);
                f.push((k.to_string(), v.to_string()));
            }
            f
        };
        let post = |path: String, f: Vec<(String, String)>| {
            app.http
                .post(format!("{}{path}", app.base))
                .header("cookie", &e.cookie)
                .form(&f)
                .send()
        };
        let add = format!("{to}/risks");

        // Adding: each engine problem at its own field, and nothing stored.
        let res = post(add.clone(), form(&[("likelihood", "9"), ("dim", "")]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(invalid_at(&html, "likelihood"), "{html}");
        assert!(
            html.contains("id=\"dim-c-error\""),
            "dimensions at their group"
        );
        assert!(!html.contains("id=\"title-error\""), "nothing at the title");
        assert!(!html.contains("risks[0]"), "no paths in the messages");
        assert!(
            html.contains("href=\"#likelihood\""),
            "the summary links the field"
        );
        assert_eq!(stored_risk(&app, &to).await.0, 1, "nothing stored");
        let res = post(
            add.clone(),
            form(&[("responsible", "IT-sjef"), ("decision", "")]),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(invalid_at(&res.text().await.unwrap(), "decision"));
        let res = post(add.clone(), form(&[])).await.unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, doc) = stored_risk(&app, &to).await;
        assert_eq!(doc["risks"][0]["id"], "r1");

        // The edit form is filled in with what is stored.
        let edit = format!("{to}/risks/r1");
        let (status, html) = app.get(&e.cookie, &edit).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("value=\"Mistet PC\""));
        assert!(html.contains("<option value=\"high\" selected>"));
        assert!(html.contains("<option value=\"accept\" selected>"));
        assert!(html.contains("name=\"dim\" value=\"c\" id=\"dim-c\" checked"));
        assert!(!html.contains("name=\"dim\" value=\"i\" id=\"dim-i\" checked"));
        assert_eq!(
            app.get(&e.cookie, &format!("{to}/risks/r9")).await.0,
            StatusCode::NOT_FOUND
        );

        // Editing: problems at their fields, nothing stored.
        let version = stored_risk(&app, &to).await.0.to_string();
        let bad = form(&[
            ("version", &version),
            ("decision", "reduce"),
            ("residual", "3-3"),
            ("measures", "m.finnes-ikke"),
            ("own_measures", "Opplæring\n"),
            ("due", "i morgen"),
        ]);
        let res = post(edit.clone(), bad.clone()).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(invalid_at(&html, "due"), "a date the form can check itself");
        let bad: Vec<_> = bad.into_iter().filter(|(k, _)| k != "due").collect();
        let res = post(edit.clone(), bad).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(invalid_at(&html, "residual"), "worse than analysed");
        assert!(invalid_at(&html, "measures"), "unknown measure");
        assert!(!html.contains("id=\"title-error\""));
        assert!(html.contains("Opplæring"), "what was typed is shown again");
        assert_eq!(stored_risk(&app, &to).await.0.to_string(), version);

        // The status report lists the stored risk among the top risks.
        let snapshot = app.status_report(&e, "nb").await;
        let top = section(&snapshot, "top-risks").to_string();
        assert!(top.contains("Mistet PC") && top.contains("2 × 2"), "{top}");

        // An accepted assessment: the form warns, a change withdraws the acceptance and says so.
        let adm = app.login("admin@example.no").await;
        assert_eq!(
            app.accept(&adm, &to, "Kari Nordmann").await,
            StatusCode::SEE_OTHER
        );
        let (_, html) = app.get(&e.cookie, &edit).await;
        assert!(
            html.contains("Restrisikoen er akseptert av Kari Nordmann ("),
            "{html}"
        );
        let version = stored_risk(&app, &to).await.0.to_string();
        let res = post(
            edit.clone(),
            form(&[
                ("version", &version),
                ("title", "Mistet bærbar PC"),
                ("decision", "reduce"),
                ("measures", "m.tilgang"),
                ("own_measures", "Opplæring\nKryptert disk"),
                ("residual", "1-2"),
                ("responsible", "IT-sjef"),
                ("due", "2027-01-31"),
            ]),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let back = location(&res);
        assert!(back.contains("withdrawn=1"), "{back}");
        let (_, html) = app.get(&e.cookie, &back).await;
        assert!(html.contains("Aksepten av restrisikoen er trukket tilbake"));
        assert!(html.contains("Mistet bærbar PC") && html.contains("Ikke akseptert ennå"));
        let (_, doc) = stored_risk(&app, &to).await;
        assert!(doc.get("acceptance").is_none());
        let r = &doc["risks"][0];
        assert_eq!(r["title"], "Mistet bærbar PC");
        assert_eq!(
            r["treatment"]["measures"],
            serde_json::json!([{"bank": "m.tilgang"}, {"own": "Opplæring"}, {"own": "Kryptert disk"}])
        );
        assert_eq!(r["treatment"]["owner"], "IT-sjef");
        assert_eq!(r["treatment"]["due"], "2027-01-31");
        assert_eq!(r["analysis"]["knowledge"], "high");
        let (_, html) = app.get(&e.cookie, &edit).await;
        assert!(
            html.contains("Opplæring\nKryptert disk</textarea>"),
            "own measures round trip"
        );
        assert!(
            !html.contains("Restrisikoen er akseptert av"),
            "nothing to withdraw now"
        );

        // A form made from an older version is refused, not lost.
        let res = post(edit.clone(), form(&[("version", &version)]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert_eq!(
            stored_risk(&app, &to).await.1["risks"][0]["title"],
            "Mistet bærbar PC"
        );

        // Removing: a POST with the session's token, by an editor; a new risk gets a fresh id.
        let remove = format!("{edit}/remove");
        let version = stored_risk(&app, &to).await.0.to_string();
        let r = app.login("reader@example.no").await;
        let res = app
            .post(
                &r.cookie,
                &remove,
                &[("csrf", r.csrf.as_str()), ("version", &version)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = app.post(&e.cookie, &remove, &[("version", &version)]).await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "no change without the token"
        );
        let res = post(add.clone(), form(&[("title", "Strømbrudd")]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let version = stored_risk(&app, &to).await.0.to_string();
        let res = app
            .post(
                &e.cookie,
                &remove,
                &[("csrf", e.csrf.as_str()), ("version", &version)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, doc) = stored_risk(&app, &to).await;
        let ids: Vec<&str> = doc["risks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["r2"]);
        let res = post(add.clone(), form(&[("title", "Brann")]))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, doc) = stored_risk(&app, &to).await;
        assert_eq!(doc["risks"][1]["id"], "r3", "never a taken id");
        let (_, html) = app.get(&e.cookie, &to).await;
        assert!(!html.contains("Mistet bærbar PC") && html.contains("Brann"));
        assert!(
            html.contains(&format!("action=\"/b/{A}/risk/")) && html.contains("/risks/r2/remove\"")
        );
        let audit = app.store.audit_for(A).await.unwrap();
        let updates = audit
            .iter()
            .filter(|a| a.action == "risk_assessment.update")
            .count();
        assert_eq!(updates, 5, "every change through the one audited change");
    }
}

#[tokio::test]
async fn an_acceptance_names_the_risks_that_are_not_ready() {
    let app = start(sqlite().await.0).await;
    let e = app.login("a@example.no").await;
    let to = app.start_assessment(&e, "system:s.hr").await;
    let form = [
        ("csrf", e.csrf.as_str()),
        ("title", "Uanalysert risiko"),
        ("dim", "c"),
    ];
    let res = app.post(&e.cookie, &format!("{to}/risks"), &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let adm = app.login("admin@example.no").await;
    let res = app
        .post(
            &adm.cookie,
            &format!("{to}/accept"),
            &[("csrf", adm.csrf.as_str()), ("owner", "Kari Nordmann")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    // The summary names the risk and leads to its row, not to the owner field.
    let id = to.rsplit('/').next().unwrap();
    let doc = grunnmur_web::risk_api::stored_doc(
        &app.store
            .risk_assessment(A, id.parse().unwrap())
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    let risk = doc
        .risks
        .iter()
        .find(|r| r.title == "Uanalysert risiko")
        .unwrap();
    assert!(
        html.contains(&format!("href=\"#risk-{}\">Uanalysert risiko: ", risk.id)),
        "{html}"
    );
    assert!(html.contains(&format!("id=\"risk-{}\"", risk.id)));
    assert!(!html.contains("id=\"owner-error\""), "the owner was given");
    assert!(doc.acceptance.is_none(), "nothing stored");
}

/// The part of a page from `from` to the end of the element that follows it (`until`).
fn part<'a>(html: &'a str, from: &str, until: &str) -> &'a str {
    let at = html
        .find(from)
        .unwrap_or_else(|| panic!("{from} in {html}"));
    let end = html[at..].find(until).map_or(html.len(), |e| at + e);
    &html[at..end]
}

#[tokio::test]
async fn the_assessment_page_shows_the_areas_levels_scales_and_matrix_in_words() {
    let app = start(sqlite().await.0).await;
    let e = app.login("a@example.no").await;
    let to = app.start_assessment(&e, "system:s.hr").await;
    let form = [
        ("csrf", e.csrf.as_str()),
        ("title", "Mistet PC"),
        ("dim", "c"),
        ("likelihood", "2"),
        ("consequence", "3"),
        ("knowledge", "medium"),
        ("decision", "reduce"),
        ("measures", "m.tilgang"),
        ("residual", "1-3"),
    ];
    let res = app.post(&e.cookie, &format!("{to}/risks"), &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, html) = app.get(&e.cookie, &to).await;
    assert_eq!(status, StatusCode::OK);
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    // The areas of concern: each reason in words, never an empty bullet.
    assert!(!html.contains("<li></li>"), "{html}");
    let areas = part(&html, "<ul class=\"areas\">", "</ul>");
    assert!(
        areas.contains("<strong>Senket nivå</strong> – HR-system")
            && areas.contains("lavere enn katalogens anbefaling"),
        "{areas}"
    );
    // The system uses nothing høy itself but the finance system depends on it: høy integrity.
    assert!(
        areas.contains("<strong>Høyt konsekvensnivå</strong> – HR-system")
            && areas.contains("Gjelder: integritet"),
        "{areas}"
    );
    // The object's levels, dimensions named in words.
    let levels = part(&html, "<table class=\"levels\">", "</table>");
    assert!(
        levels.contains(">konfidensialitet</th>") && levels.contains(">tilgjengelighet</th>"),
        "{levels}"
    );
    assert!(
        levels.contains(">middels<") && levels.contains(">høy<"),
        "{levels}"
    );
    // The scales, each step with its meaning.
    assert!(html.contains("<th scope=\"row\">Svært lite sannsynlig</th><td><p>Kan skje, men sjeldnere enn hvert femtiende år.</p>"));
    assert!(
        html.contains("<th scope=\"row\">Liten</th><td><p>Mellom katalogens lav og middels.</p>")
    );
    // The matrix: a table with headers, most likely first, the risk in its cell before
    // treatment and where treatment takes it, each cell's zone in words.
    let matrix = part(&html, "<table class=\"matrix\">", "</table>");
    assert!(matrix.contains("<caption>"), "{matrix}");
    assert!(matrix.contains("<th scope=\"col\">5 Svært alvorlig</th>"));
    let rows: Vec<&str> = matrix.split("<th scope=\"row\">").skip(1).collect();
    assert_eq!(rows.len(), 5);
    assert!(rows[0].starts_with("5 Svært sannsynlig"), "{}", rows[0]);
    let cells = |row: &str| -> Vec<String> { row.split("<td").skip(1).map(String::from).collect() };
    let l2 = cells(rows[3]);
    assert!(
        l2[2].contains("zone-treat") && l2[2].contains("Vurder tiltak"),
        "{}",
        l2[2]
    );
    assert!(
        l2[2].contains("href=\"#risk-r1\">Mistet PC</a>"),
        "{}",
        l2[2]
    );
    let l1 = cells(rows[4]);
    assert!(l1[2].contains("Mistet PC (etter behandling)"), "{}", l1[2]);
    assert!(!l1[0].contains("Mistet PC"));
    // And in English.
    let (_, html) = app
        .get(&format!("{}; grunnmur_lang=en", e.cookie), &to)
        .await;
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    assert!(html.contains("<strong>Lowered level</strong>"), "{html}");
    assert!(html.contains("Very unlikely") && html.contains("Between the catalog"));
    assert!(html.contains("Mistet PC (after treatment)"));
}

#[tokio::test]
async fn an_accepted_assessment_takes_the_object_off_the_to_do_until_a_change_brings_it_back() {
    for app in apps("an_accepted_assessment_takes_the_object_off_the_to_do").await {
        let e = app.login("a@example.no").await;
        let todo = |html: &str| {
            let html = html.replace(['\u{2068}', '\u{2069}'], "");
            part(
                &html,
                "Her trengs en risikovurdering, viktigst først",
                "</table>",
            )
            .to_string()
        };
        let (_, dashboard) = app.get(&e.cookie, &format!("/b/{A}")).await;
        assert!(
            todo(&dashboard).contains(">HR-system</a>"),
            "on the to-do at first"
        );

        let to = app.start_assessment(&e, "system:s.hr").await;
        let form = [
            ("csrf", e.csrf.as_str()),
            ("title", "Mistet PC"),
            ("dim", "c"),
            ("likelihood", "1"),
            ("consequence", "1"),
            ("knowledge", "medium"),
            ("decision", "accept"),
        ];
        let res = app.post(&e.cookie, &format!("{to}/risks"), &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, dashboard) = app.get(&e.cookie, &format!("/b/{A}")).await;
        assert!(
            todo(&dashboard).contains(">HR-system</a>"),
            "started is not accepted"
        );
        let adm = app.login("admin@example.no").await;
        assert_eq!(
            app.accept(&adm, &to, "Kari Nordmann").await,
            StatusCode::SEE_OTHER
        );

        // Accepted and current: off the to-do, on the list of what is assessed, with the date
        // of acceptance and of the next review.
        let (_, dashboard) = app.get(&e.cookie, &format!("/b/{A}")).await;
        assert!(!todo(&dashboard).contains(">HR-system</a>"), "{dashboard}");
        assert!(dashboard.contains("Objekter med gjeldende risikovurdering: "));
        let (_, page) = app.get(&e.cookie, &format!("/b/{A}/risk")).await;
        let page = page.replace(['\u{2068}', '\u{2069}'], "");
        assert!(!todo(&page).contains(">HR-system</a>"));
        let (_, doc) = stored_risk(&app, &to).await;
        let accepted = doc["acceptance"]["date"].as_str().unwrap().to_string();
        assert_eq!(doc["acceptance"]["basis"][0]["object"], "system:s.hr");
        let next = grunnmur_core::Date::parse(&accepted)
            .unwrap()
            .add_months(12)
            .to_string();
        let assessed = part(&page, "id=\"assessed\"", "</table>");
        assert!(
            assessed.contains(">HR-system</a></th><td>")
                && assessed.contains(&format!("<td>{accepted}</td><td>{next}</td>")),
            "{assessed}"
        );

        // The system takes on the finance task: new information types bring it back, with
        // that reason.
        let res = app
            .post(
                &e.cookie,
                &format!("/b/{A}/systems/s.hr"),
                &[
                    ("csrf", e.csrf.as_str()),
                    ("name", "HR-system"),
                    ("task", "felles.hr"),
                    ("task", "felles.okonomi"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, page) = app.get(&e.cookie, &format!("/b/{A}/risk")).await;
        let page = page.replace(['\u{2068}', '\u{2069}'], "");
        let back = todo(&page);
        let row = part(&back, ">HR-system</a>", "</tr>");
        assert!(
            row.contains(&format!(
                "ny informasjonstype etter aksepten {accepted}: Budsjett, Fakturaer"
            )) && !row.contains("høyere nivå"),
            "{row}"
        );
        assert!(!part(&page, "id=\"assessed\"", "</table>").contains(">HR-system</a>"));
        let (_, dashboard) = app.get(&e.cookie, &format!("/b/{A}")).await;
        assert!(
            todo(&dashboard).contains(">HR-system</a>"),
            "back on the dashboard"
        );
        // The personnel file back at the recommended levels: confidentiality is higher again.
        let res = app
            .post(
                &e.cookie,
                &format!("/b/{A}/adapt/felles.hr/hr.personalmappe"),
                &[
                    ("csrf", e.csrf.as_str()),
                    ("c", "hoy"),
                    ("i", "middels"),
                    ("a", "lav"),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{:?}", res.headers());
        // Back at the form, which says what the change did.
        let to = location(&res);
        assert!(
            to.starts_with(&format!("/b/{A}/adapt/felles.hr/hr.personalmappe?"))
                && to.contains("saved=1"),
            "{to}"
        );
        let (_, page) = app.get(&e.cookie, &format!("/b/{A}/risk")).await;
        let page = page.replace(['\u{2068}', '\u{2069}'], "");
        let back = todo(&page);
        let row = part(&back, ">HR-system</a>", "</tr>");
        assert!(
            row.contains(&format!(
                "høyere nivå etter aksepten {accepted}: konfidensialitet"
            )),
            "{row}"
        );
    }
}

#[tokio::test]
async fn a_report_is_finalised_only_after_confirming_what_that_means() {
    let app = start(sqlite().await.0).await;
    let a = app.login("admin@example.no").await;
    app.status_report(&a, "nb").await;
    let id = app.store.reports(A).await.unwrap()[0].id;
    let fin = format!("/b/{A}/reports/{id}/finalize");
    // The list links to a confirmation page that says what finalising means.
    let (_, list) = app.get(&a.cookie, &format!("/b/{A}/risk")).await;
    assert!(
        list.contains(&format!("<a href=\"{fin}\">Fastsett")),
        "{list}"
    );
    let (status, page) = app.get(&a.cookie, &fin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("kan ikke endres eller slettes etterpå"),
        "{page}"
    );
    assert!(
        page.contains("type=\"checkbox\" name=\"confirm\" value=\"yes\" id=\"confirm\" required")
    );
    let (_, en) = app
        .get(&format!("{}; grunnmur_lang=en", a.cookie), &fin)
        .await;
    assert!(
        en.contains("cannot be changed or deleted afterwards"),
        "{en}"
    );
    // Without the confirmation: asked again at the box, nothing final.
    for form in [
        vec![("csrf", a.csrf.as_str())],
        vec![("csrf", a.csrf.as_str()), ("confirm", "")],
        vec![("csrf", a.csrf.as_str()), ("confirm", "no")],
    ] {
        let res = app.post(&a.cookie, &fin, &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("id=\"confirm-error\"") && html.contains("href=\"#confirm\""));
        let row = app.store.report(A, id).await.unwrap().unwrap();
        assert_eq!(
            row.state,
            grunnmur_store::ReportState::Draft,
            "not finalised"
        );
        assert!(row.approver.is_none());
    }
    // Confirmed: final, and back at the reports with the confirmation in view.
    let res = app
        .post(
            &a.cookie,
            &fin,
            &[("csrf", a.csrf.as_str()), ("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/b/{A}/risk?saved=1#reports"));
    let row = app.store.report(A, id).await.unwrap().unwrap();
    assert_eq!(row.state, grunnmur_store::ReportState::Final);
}
