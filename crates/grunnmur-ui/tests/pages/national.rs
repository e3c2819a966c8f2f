//! The national picture's page: supervisors see a group's figures (names from the catalog, no
//! body named) and download them; with fewer than 5 bodies nothing but the count; a body's
//! member is refused. Catalog calibration for catalog editors, likewise.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// Three more municipalities beside A and B (valid organisation numbers).
const MORE: [&str; 3] = ["910000004", "910000012", "910000020"];

#[tokio::test]
async fn supervisors_see_the_group_and_members_do_not() {
    for app in apps("supervisors_see_the_group_and_members_do_not").await {
        let id = add_user(&app.store, "tilsyn@example.no", false).await;
        app.store
            .set_supervisor(id, Some((&[], &[])), "test")
            .await
            .unwrap();
        let sup = app.login("tilsyn@example.no").await;
        let en = format!("{}; grunnmur_lang=en", sup.cookie);
        let (status, html) = app.get(&en, "/bodies").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("href=\"/national\""), "the way in");
        // Two bodies: the count only.
        let (status, html) = app.get(&en, "/national?kind=kommune").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("The group has 2 bodies.") && html.contains("fewer than 5 bodies"));
        assert!(!html.contains("Coverage by baseline"));
        assert!(
            !html.contains("<svg"),
            "a suppressed group draws no picture"
        );

        // A body's dashboard: too few peers to compare with.
        let a = app.login("admin@example.no").await;
        let a_en = format!("{}; grunnmur_lang=en", a.cookie);
        let (_, html) = app.get(&a_en, &format!("/b/{A}")).await;
        assert!(
            html.contains("fewer than 5 bodies of the same kind"),
            "{html}"
        );

        let catalog = small_catalog();
        for orgnr in MORE {
            assert!(grunnmur_catalog::body::valid_orgnr(orgnr), "{orgnr}");
            add_small_body(&app.store, &catalog, orgnr).await;
        }
        let (_, html) = app.get(&en, "/national?kind=kommune").await;
        assert!(html.contains("The group has 5 bodies."), "{html}");
        assert!(html.contains("Coverage by baseline") && html.contains("BN1"));
        assert!(
            html.contains("Access control") || html.contains("(m.tilgang)"),
            "{html}"
        );
        for orgnr in [A, B].into_iter().chain(MORE) {
            assert!(!html.contains(orgnr), "no body named: {orgnr}");
        }
        let (status, csv) = app.get(&en, "/national.csv?kind=kommune").await;
        assert_eq!(status, StatusCode::OK);
        assert!(csv.contains("m.tilgang"), "{csv}");
        pictures_carry_the_tables_figures(&app, &sup.cookie, &html).await;

        // Beside its 5 peers on the dashboard, and in the API.
        let (_, html) = app.get(&a_en, &format!("/b/{A}")).await;
        assert!(html.contains("Compared with 5 bodies"), "{html}");
        assert!(html.contains("<th scope=\"row\">BN1</th>"), "{html}");
        let (status, json) = app
            .get(&a.cookie, &format!("/api/bodies/{A}/benchmark"))
            .await;
        assert_eq!(status, StatusCode::OK);
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["peers"], 5);
        assert!(v["baselines"][0]["median"].is_number(), "{json}");
        for orgnr in [B].into_iter().chain(MORE) {
            assert!(!json.contains(orgnr), "no peer named");
        }
        let (status, _) = app
            .get(&a.cookie, &format!("/api/bodies/{B}/benchmark"))
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "another body's benchmark");

        // A body's member is refused, page and download.
        let (status, _) = app.get(&a.cookie, "/national").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.get(&a.cookie, "/national.xlsx").await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // One state body beside the 5 municipalities: all kinds together have figures, the
        // state bodies (one) are too few and are said to be, in words, with no picture.
        add_stat_body(&app.store, &catalog, STAT).await;
        let (_, html) = app.get(&en, "/national").await;
        assert!(html.contains("The group has 6 bodies."), "{html}");
        assert!(
            html.contains("<h3 id=\"tasks-stat\">State bodies</h3>"),
            "{html}"
        );
        assert!(html.contains(
            "The group has one body of this kind: fewer than 5, so no figures are shown."
        ));
        assert!(
            !html.contains("pic-tasks-stat"),
            "no picture for the state bodies"
        );
        assert!(html.contains("<h3 id=\"tasks-kommune\">Municipalities</h3>"));
        let desc = desc_of(&html, "pic-tasks-kommune");
        assert!(desc.contains("HR: 5 / 5 (100 %)"), "{desc}");
        // The table: a column per kind, the state body's figures hidden; no column for all
        // kinds together, which would give the state body's away (6 of 6 beside 5 of 5).
        let row = table_row(&html, "(felles.hr)");
        assert!(
            row.contains("data-label=\"Municipalities\">5 / 5 (100 %)</td>")
                && row.contains("data-label=\"State bodies\">hidden (fewer than 5)</td>"),
            "{row}"
        );
        assert!(!html.contains(">6 / 6 (100 %)<"), "{html}");
        assert!(!html.contains(STAT), "no body named");
    }
}

/// A state body with the small municipality's workspace (its kind and orgnr replaced).
const STAT: &str = "910000039";

async fn add_stat_body(
    store: &std::sync::Arc<dyn grunnmur_store::Storage>,
    catalog: &grunnmur_catalog::CheckedCatalog,
    orgnr: &str,
) {
    let src = grunnmur_catalog::Source {
        name: "stat.yaml".into(),
        text: small_body()
            .replace(A, orgnr)
            .replace("kind: kommune", "kind: stat"),
    };
    let (doc, _) = grunnmur_catalog::read_body(&src, &catalog.catalog).expect("a state body");
    let body = grunnmur_store::BodyRow {
        orgnr: orgnr.into(),
        name: "Statlig etat".into(),
        kind: "stat".into(),
        sectors: vec!["utdanning".into()],
        catalog_id: catalog.catalog.id.clone(),
        catalog_version: catalog.catalog.version.clone(),
        created_at: 0,
    };
    store.create_body(&body, "test").await.unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let w = grunnmur_store::WorkspaceWrite {
        orgnr,
        doc: &json,
        actor: "test",
        action: "workspace.put",
        expected_version: None,
    };
    store.put_workspace(w).await.unwrap();
}

/// The text of the picture's description (`<desc id="{id}-d">`).
fn desc_of<'a>(html: &'a str, id: &str) -> &'a str {
    let open = format!("<desc id=\"{id}-d\">");
    let at = html
        .find(&open)
        .unwrap_or_else(|| panic!("no picture {id}: {html}"))
        + open.len();
    &html[at..at + html[at..].find("</desc>").unwrap()]
}

/// The table row that contains `marker`.
fn table_row<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("no row {marker}"));
    let start = html[..at].rfind("<tr>").unwrap();
    &html[start..at + html[at..].find("</tr>").unwrap()]
}

/// Each picture on the page of 5 municipalities: an image with a title and a description that
/// carries the figures the table beside it shows (and the API gives), in both languages, with
/// the catalog's bokmål names marked on the nynorsk page.
async fn pictures_carry_the_tables_figures(app: &Site, cookie: &str, html: &str) {
    let (_, json) = app.get(cookie, "/api/national/coverage?kind=kommune").await;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let share = |c: &serde_json::Value| {
        let (i, r) = (
            c["pairs_in_place"].as_u64().unwrap(),
            c["pairs_required"].as_u64().unwrap(),
        );
        format!("{i} / {r} ({} %)", i * 100 / r)
    };
    assert_eq!(html.matches("<svg").count(), 4, "four pictures");
    assert_eq!(html.matches(r#"role="img""#).count(), 4);
    for id in ["baselines", "activities", "least", "tasks-kommune"] {
        assert!(
            html.contains(&format!(
                "aria-labelledby=\"pic-{id}-t pic-{id}-d\"><title id=\"pic-{id}-t\">"
            )),
            "picture {id}: {html}"
        );
    }
    assert!(html.contains("Required pairs in place, by baseline</title>"));
    let baselines = desc_of(html, "pic-baselines");
    assert!(
        baselines.starts_with("Each bar shows the share of required pairs"),
        "{baselines}"
    );
    let cells = v["baselines"].as_array().unwrap();
    assert!(!cells.is_empty());
    for b in cells {
        let (key, figure) = (b["key"].as_str().unwrap(), share(b));
        assert!(
            baselines.contains(&format!("BN{key}: {figure}")),
            "BN{key} {figure}: {baselines}"
        );
        let row = table_row(html, &format!("<span>BN{key}</span>"));
        assert!(
            row.contains(&format!(
                "data-label=\"Required pairs in place\">{figure}</td>"
            )),
            "{row}"
        );
    }
    let activities = desc_of(html, "pic-activities");
    for a in v["activities"].as_array().unwrap() {
        let (key, figure) = (a["key"].as_str().unwrap(), share(a));
        assert!(
            activities.contains(&format!("{key}: {figure}")),
            "{key}: {activities}"
        );
    }
    let m = (v["measures"].as_array().unwrap().iter())
        .find(|m| m["key"] == "m.tilgang")
        .unwrap();
    let least = desc_of(html, "pic-least");
    assert!(
        least.contains(&format!("Access control: {}", share(m))),
        "{least}"
    );
    // The tasks: 5 of the 5 municipalities adopted each of the small body's tasks.
    let tasks = desc_of(html, "pic-tasks-kommune");
    assert!(
        html.contains("Municipalities: the share of the 5 bodies that adopted each task</title>")
    );
    for task in ["HR", "Finance", "Primary school"] {
        assert!(tasks.contains(&format!("{task}: 5 / 5 (100 %)")), "{tasks}");
    }
    // Every bar is drawn at the share it is labelled with.
    assert!(html.contains(r#"data-percent="100""#));
    // Bokmål: the same pictures in the page's words.
    let (_, nb) = app.get(cookie, "/national?kind=kommune").await;
    assert!(
        nb.contains("Påkrevde par på plass, per grunnlinje</title>"),
        "{nb}"
    );
    assert!(desc_of(&nb, "pic-tasks-kommune").contains("Personalforvaltning: 5 / 5 (100 %)"));
    // Nynorsk: the interface's words in nynorsk, the catalog's names (bokmål only) marked.
    let nn_cookie = format!("{cookie}; grunnmur_lang=nn");
    let (_, nn) = app.get(&nn_cookie, "/national?kind=kommune").await;
    assert!(
        nn.contains("Påkravde par på plass, per grunnlinje</title>"),
        "{nn}"
    );
    assert!(nn.contains("Kommunar: delen av dei 5 verksemdene som har valt kvar oppgåve</title>"));
    assert!(
        nn.contains(r#"font-size="14" lang="nb">Personalforvaltning</text>"#),
        "{nn}"
    );
    let tasks = desc_of(&nn, "pic-tasks-kommune");
    assert!(
        tasks.contains(r#"<span lang="nb">Personalforvaltning</span>: 5 / 5 (100 %)"#),
        "the description marks it too: {tasks}"
    );
    assert!(
        nn.contains(r#"font-size="14" lang="nb">Tilgangsstyring</text>"#),
        "{nn}"
    );
    assert!(
        !nn.contains(r#"lang="nb">BN1<"#),
        "a baseline's number is in no language"
    );
}

/// Catalog calibration: a catalog editor finds it from /catalog and sees, from 5 bodies, the
/// recommendations changed, the measures marked not applicable and the own tasks added — names
/// from the catalog, justifications, no body named —, searches and downloads it; with fewer
/// than 5 bodies nothing but the count; a body's member is refused.
#[tokio::test]
async fn catalog_editors_see_calibration_and_members_do_not() {
    for app in apps("catalog_editors_see_calibration").await {
        let id = add_user(&app.store, "katalog@example.no", false).await;
        (app.store)
            .set_platform_role(
                id,
                grunnmur_store::PlatformRole::CatalogEditor,
                true,
                "test",
            )
            .await
            .unwrap();
        let editor = app.login("katalog@example.no").await;
        let en = format!("{}; grunnmur_lang=en", editor.cookie);
        let (status, html) = app.get(&en, "/catalog").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("href=\"/catalog/calibration\""), "the way in");
        // Two bodies: the count only.
        let (status, html) = app.get(&en, "/catalog/calibration").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("From 2 bodies.") && html.contains("Fewer than 5 bodies"));
        assert!(!html.contains("Personnel file") && !html.contains("Helseopplysninger"));

        let catalog = small_catalog();
        for orgnr in MORE {
            add_small_body(&app.store, &catalog, orgnr).await;
        }
        let (_, html) = app.get(&en, "/catalog/calibration").await;
        assert!(html.contains("From 5 bodies."), "{html}");
        assert!(html.contains("Personnel file") && html.contains("Lowered: confidentiality"));
        assert!(html.contains("Helseopplysninger lagres ikke i personalmappen hos oss."));
        assert!(html.contains("Backup") && html.contains("5 of 5"), "{html}");
        assert!(html.contains("kulturskole"), "the own task, normalised");
        for orgnr in [A, B].into_iter().chain(MORE) {
            assert!(!html.contains(orgnr), "no body named: {orgnr}");
        }
        assert!(!html.contains("Lille kommune") && !html.contains("HR-system"));
        // Bokmål by default.
        let (_, html) = app.get(&editor.cookie, "/catalog/calibration").await;
        assert!(html.contains("Personalmappe") && html.contains("Senket: konfidensialitet"));
        // The search keeps matching rows only.
        let (_, html) = app.get(&en, "/catalog/calibration?q=backup").await;
        assert!(
            html.contains("Backup") && !html.contains("Personnel file"),
            "{html}"
        );
        let (status, csv) = app.get(&en, "/catalog/calibration.csv").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            csv.contains("hr.personalmappe") && csv.contains("kulturskole"),
            "{csv}"
        );
        let (status, _) = app.get(&en, "/catalog/calibration.xlsx").await;
        assert_eq!(status, StatusCode::OK);

        // A body's member is refused, page and download, and is not shown the way in.
        let a = app.login("admin@example.no").await;
        let (_, html) = app.get(&a.cookie, "/catalog").await;
        assert!(!html.contains("/catalog/calibration"));
        let (status, _) = app.get(&a.cookie, "/catalog/calibration").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.get(&a.cookie, "/catalog/calibration.csv").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
}
