//! Suppliers' services on the body's side (rule 14): the published declarations with what each
//! service covers and what the customer must still do, links made and removed with pickers
//! through the workspace's checks, the customer responsibilities left as a to-do (counted on
//! the dashboard), and the services on a system's page.

use crate::apps;
use crate::sources::plain;
use grunnmur_catalog::{Source, read_declaration};
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// Publishes the small catalog's declaration `acme` (valid 30 more days) and, from the same
/// file, an expired one `gammel` from another supplier.
async fn publish(site: &Site) {
    let cat = small_catalog();
    let today = grunnmur_web::state::today().days_since_epoch();
    let day = |n: i64| grunnmur_core::Date::from_days_since_epoch(today + n).to_string();
    let text = std::fs::read_to_string(small("declarations/acme.yaml")).unwrap();
    let acme = text.replace("2027-01-15", &day(30));
    let gammel = text
        .replace("id: acme", "id: gammel")
        .replace("Acme Drift AS", "Gammel Drift AS")
        .replace("2026-01-01", &day(-400))
        .replace("2027-01-15", &day(-10));
    for (id, text) in [("acme", acme), ("gammel", gammel)] {
        let src = Source {
            name: format!("{id}.yaml"),
            text,
        };
        let decl = read_declaration(&src, &cat.catalog).unwrap().doc;
        let json = serde_json::to_string(&decl).unwrap();
        (site.store.publish_declaration(B, id, &json, false, "test"))
            .await
            .unwrap();
    }
}

/// The stored workspace's links: the body's own, and those of system `id`.
async fn links(site: &Site, id: &str) -> (Vec<String>, Vec<String>) {
    let row = site.store.workspace(A).await.unwrap().unwrap();
    let doc: serde_json::Value = serde_json::from_str(&row.doc).unwrap();
    let list = |v: &serde_json::Value| -> Vec<String> {
        (v.as_array().into_iter().flatten())
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    let systems = doc["systems"].as_array().unwrap();
    let sys = systems.iter().find(|s| s["id"] == id).unwrap();
    (list(&doc["org"]["services"]), list(&sys["services"]))
}

#[tokio::test]
async fn services_are_listed_linked_unlinked_and_their_customer_part_is_a_todo() {
    for site in apps("services_are_listed_linked_and_unlinked").await {
        publish(&site).await;
        let e = site.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", e.cookie);
        let page = |cookie: String, path: String| {
            let site = &site;
            async move {
                let (s, html) = site.get(&cookie, &path).await;
                assert_eq!(s, StatusCode::OK, "{path}");
                plain(&html)
            }
        };
        let html = page(en.clone(), format!("/b/{A}/services")).await;
        // The declarations: supplier, orgnr, validity, each service and what it covers.
        assert!(html.contains("Acme Drift AS"), "{html}");
        assert!(html.contains("org. no. 974760673"), "{html}");
        assert!(html.contains("Server platform operations"), "{html}");
        assert!(html.contains("Management review support"), "{html}");
        assert!(html.contains("(m.tilgang)"), "{html}");
        assert!(html.contains("The supplier does it all"), "{html}");
        assert!(html.contains("Shared: the customer does a part"), "{html}");
        assert!(
            html.contains("The customer manages its own users and roles."),
            "{html}"
        );
        // The expired one is marked, and not offered in the picker.
        assert!(html.contains("Gammel Drift AS"), "{html}");
        assert!(html.contains("Expired on"), "{html}");
        assert!(html.contains("<option value=\"acme/drift\">"), "{html}");
        assert!(!html.contains("<option value=\"gammel/drift\""), "{html}");
        assert!(html.contains("0 customer responsibilities shown (of 0 left)"));
        // The body's search finds a service by its supplier, and by its name in either language.
        let html = page(en.clone(), format!("/b/{A}/search?q=acme+drift")).await;
        assert!(html.contains("Suppliers' services"), "{html}");
        let hit = format!("href=\"/b/{A}/services#svc-acme--drift\"");
        assert!(html.contains(&hit), "{html}");
        let html = page(
            e.cookie.clone(),
            format!("/b/{A}/search?q=platform+operations"),
        )
        .await;
        assert!(html.contains("Drift av serverplattform"), "{html}");
        assert!(html.contains(&hit), "{html}");
        // Linked to two systems at once with the pickers.
        let before = site.version(A).await;
        let form = [
            ("csrf", e.csrf.as_str()),
            ("back", ""),
            ("service", "acme/drift"),
            ("target", "s.okonomi"),
            ("target", "s.hr"),
        ];
        let res = site
            .post(&e.cookie, &format!("/b/{A}/services"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/b/{A}/services?saved=1#svc-acme--drift")
        );
        assert!(site.version(A).await > before);
        assert_eq!(links(&site, "s.okonomi").await.1, ["acme/drift"]);
        assert_eq!(links(&site, "s.hr").await.1, ["acme/drift"]);
        // The shared measure is now a to-do where the body's part is missing (Økonomisystem),
        // not where its own status is in place (HR-system).
        let html = page(en.clone(), format!("/b/{A}/services?saved=1")).await;
        assert!(html.contains("The change has been saved."), "{html}");
        assert!(html.contains("Used by:"), "{html}");
        assert!(html.contains("id=\"todo-m.tilgang-s.okonomi\""), "{html}");
        assert!(!html.contains("id=\"todo-m.tilgang-s.hr\""), "{html}");
        assert!(
            html.contains("One customer responsibility shown (of 1 left)"),
            "{html}"
        );
        let row = html
            .split("id=\"todo-m.tilgang-s.okonomi\"")
            .nth(1)
            .unwrap();
        let row = row.split("</tr>").next().unwrap();
        assert!(row.contains("Økonomisystem"), "{row}");
        assert!(row.contains("Server platform operations"), "{row}");
        assert!(
            row.contains("The customer manages its own users and roles."),
            "{row}"
        );
        assert!(
            row.contains(&format!("/b/{A}/why/m.tilgang?system=s.okonomi")),
            "{row}"
        );
        assert!(
            row.contains(&format!("/b/{A}/measures/m.tilgang?system=s.okonomi")),
            "{row}"
        );
        // Filtered to a place, or by a word.
        let html = page(en.clone(), format!("/b/{A}/services?system=s.hr")).await;
        assert!(html.contains("0 customer responsibilities shown (of 1 left)"));
        assert!(html.contains("id=\"svc-acme--drift\""), "{html}");
        assert!(!html.contains("id=\"svc-acme--ledelse\""), "{html}");
        let html = page(en.clone(), format!("/b/{A}/services?q=own+users")).await;
        assert!(html.contains("One customer responsibility shown (of 1 left)"));
        let html = page(en.clone(), format!("/b/{A}/services?q=no-such-words")).await;
        assert!(html.contains("No service matches the filter."), "{html}");
        // The dashboard counts it, with a link to the to-do.
        let html = page(en.clone(), format!("/b/{A}")).await;
        assert!(html.contains(&format!("href=\"/b/{A}/services#todo\">Customer responsibilities left in suppliers' services: 1<")), "{html}");
        // The system's page names its services.
        let html = page(en.clone(), format!("/b/{A}/systems/s.okonomi")).await;
        assert!(
            html.contains(&format!("href=\"/b/{A}/services?system=s.okonomi#svc-acme--drift\">Server platform operations (Acme Drift AS)</a>")),
            "{html}"
        );
        // In Norwegian too.
        let html = page(e.cookie.clone(), format!("/b/{A}/services")).await;
        assert!(html.contains("Leverandørtjenester"), "{html}");
        assert!(
            html.contains("Kunden styrer egne brukere og roller."),
            "{html}"
        );
        assert!(html.contains("Drift av serverplattform"), "{html}");
        // The body itself, for the measures of the whole body.
        let form = [
            ("csrf", e.csrf.as_str()),
            ("back", "q=ledelse"),
            ("service", "acme/ledelse"),
            ("target", "org"),
        ];
        let res = site
            .post(&e.cookie, &format!("/b/{A}/services"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/b/{A}/services?q=ledelse&saved=1#svc-acme--ledelse")
        );
        assert_eq!(links(&site, "s.hr").await.0, ["acme/ledelse"]);
        // Unlinked from one system, back where the reader was.
        let form = [
            ("csrf", e.csrf.as_str()),
            ("back", "system=s.okonomi"),
            ("service", "acme/drift"),
            ("target", "s.okonomi"),
        ];
        let res = site
            .post(&e.cookie, &format!("/b/{A}/services/unlink"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/b/{A}/services?system=s.okonomi&saved=1#svc-acme--drift")
        );
        assert!(links(&site, "s.okonomi").await.1.is_empty());
        assert_eq!(links(&site, "s.hr").await.1, ["acme/drift"]);
        let html = page(en.clone(), format!("/b/{A}/services")).await;
        assert!(html.contains("0 customer responsibilities shown (of 0 left)"));
    }
}

#[tokio::test]
async fn a_link_the_checks_refuse_is_shown_in_words_and_stores_nothing() {
    for site in apps("a_refused_service_link_stores_nothing").await {
        publish(&site).await;
        let e = site.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", e.cookie);
        let stored = site.version(A).await;
        let post = |form: Vec<(&'static str, String)>| {
            let (site, en) = (&site, &en);
            async move {
                let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let res = site.post(en, &format!("/b/{A}/services"), &form).await;
                (res.status(), plain(&res.text().await.unwrap()))
            }
        };
        let csrf = || ("csrf", e.csrf.clone());
        // A service no declaration has, with a good place beside it: nothing of it is stored.
        let (status, html) = post(vec![
            csrf(),
            ("back", String::new()),
            ("service", "acme/nope".into()),
            ("target", "s.hr".into()),
            ("target", "org".into()),
        ])
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("The form has problems to correct"), "{html}");
        assert!(html.contains("acme/nope"), "{html}");
        // An expired declaration's service: said in words.
        let (status, html) = post(vec![
            csrf(),
            ("back", String::new()),
            ("service", "gammel/drift".into()),
            ("target", "s.hr".into()),
        ])
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            html.contains("The declaration from Gammel Drift AS no longer counts. Expired on"),
            "{html}"
        );
        // Nothing picked.
        let (status, html) = post(vec![csrf(), ("back", String::new())]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("Choose the service to link."), "{html}");
        assert!(
            html.contains("Choose the systems that use the service, or the body itself."),
            "{html}"
        );
        assert_eq!(site.version(A).await, stored);
        assert!(links(&site, "s.hr").await.1.is_empty());
        assert!(links(&site, "s.hr").await.0.is_empty());
        // A link that is not there cannot be removed; a reader may look, not link.
        let form = [
            ("csrf", e.csrf.as_str()),
            ("back", ""),
            ("service", "acme/drift"),
            ("target", "s.hr"),
        ];
        let res = site
            .post(&e.cookie, &format!("/b/{A}/services/unlink"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let r = site.login("reader@example.no").await;
        let form = [
            ("csrf", r.csrf.as_str()),
            ("back", ""),
            ("service", "acme/drift"),
            ("target", "s.hr"),
        ];
        let res = site
            .post(&r.cookie, &format!("/b/{A}/services"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let (s, html) = site.get(&r.cookie, &format!("/b/{A}/services")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            !html.contains("name=\"target\""),
            "a reader has no link form"
        );
        assert_eq!(site.version(A).await, stored);
    }
}

/// The demo (`grunnmur serve --demo`): the bundled catalog, the suppliers of
/// `examples/declarations/` with their declarations published, and the municipality of
/// `examples/kommune.yaml` with an editor. The site, and the municipality's orgnr.
async fn demo_site() -> (Site, String) {
    let store = grunnmur_testkit::testing::sqlite().await.0;
    let cat = std::sync::Arc::new(grunnmur_catalog::load_catalog(None).0.unwrap());
    let (listener, base) = listen().await;
    let state = grunnmur_web::AppState::new(store.clone(), cat.clone(), Default::default());
    tokio::spawn(async move {
        grunnmur_web::serve_with(state, listener, grunnmur_ui::routes())
            .await
            .unwrap()
    });
    let row = |orgnr: &str, name: &str, kind: &str| grunnmur_store::BodyRow {
        orgnr: orgnr.into(),
        name: name.into(),
        kind: kind.into(),
        sectors: Vec::new(),
        catalog_id: cat.catalog.id.clone(),
        catalog_version: cat.catalog.version.clone(),
        created_at: 0,
    };
    let (decls, _) = grunnmur_catalog::files::load_declarations(
        &root().join("examples/declarations"),
        &cat.catalog,
        read_declaration,
    );
    let decls = decls.expect("the demo's declarations");
    for d in &decls {
        let head = &d.declaration;
        let orgnr = head.supplier.orgnr.as_ref().unwrap().as_string();
        let body = row(&orgnr, &head.supplier.name, "supplier");
        store.create_body(&body, "test").await.unwrap();
        let json = serde_json::to_string(d).unwrap();
        (store.publish_declaration(&orgnr, &head.id, &json, false, "test"))
            .await
            .unwrap();
    }
    let src = Source {
        name: "kommune.yaml".into(),
        text: std::fs::read_to_string(root().join("examples/kommune.yaml")).unwrap(),
    };
    let (doc, _) = grunnmur_catalog::read_body_with(&src, &cat.catalog, &decls).unwrap();
    let orgnr = doc.org.orgnr.as_string();
    let mut body = row(&orgnr, &doc.org.name, "kommune");
    body.sectors = doc.org.sectors.clone();
    store.create_body(&body, "test").await.unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let w = grunnmur_store::WorkspaceWrite {
        orgnr: &orgnr,
        doc: &json,
        actor: "test",
        action: "workspace.put",
        expected_version: None,
    };
    store.put_workspace(w).await.unwrap();
    let id = add_user(&store, "demo@example.no", false).await;
    (store.grant(id, &orgnr, grunnmur_store::Role::Editor, "test"))
        .await
        .unwrap();
    let site = Site {
        base,
        http: browser(),
        store,
    };
    (site, orgnr)
}

#[tokio::test]
async fn the_demo_body_sees_its_suppliers_services_and_what_it_must_still_do() {
    let (site, org) = demo_site().await;
    let e = site.login("demo@example.no").await;
    let en = format!("{}; grunnmur_lang=en", e.cookie);
    let (s, html) = site.get(&en, &format!("/b/{org}/services")).await;
    assert_eq!(s, StatusCode::OK);
    let html = plain(&html);
    assert!(html.contains("Nordsky Datasenter AS"), "{html}");
    assert!(html.contains("IKT Vestfjord IKS"), "{html}");
    assert!(html.contains("org. no. 928765431"), "{html}");
    assert!(html.contains("Shared security operations centre (SOC)"));
    // The body itself links the SOC; the platform is linked by systems, by name.
    let soc = html.split("id=\"svc-ikt-vestfjord--soc\"").nth(1).unwrap();
    let soc = soc.split("<h4").next().unwrap();
    assert!(soc.contains("The body itself"), "{soc}");
    let platform = html
        .split("id=\"svc-nordsky-datasenter--plattform\"")
        .nth(1)
        .unwrap();
    let platform = platform.split("</section>").next().unwrap();
    assert!(
        platform.contains("Krisestøtteverktøy for kriseledelsen"),
        "{platform}"
    );
    // The to-do: the customer's part of backup on a system that runs on the platform.
    let todo = html.split("id=\"todo\"").nth(1).unwrap();
    let todo = todo.split("id=\"declarations\"").next().unwrap();
    assert!(
        todo.contains("9 customer responsibilities shown (of 9 left)"),
        "{todo}"
    );
    let row = |id: &str| {
        let row = todo.split(&format!("<tr id=\"todo-{id}\">")).nth(1);
        row.unwrap_or_else(|| panic!("{id}: {todo}"))
            .split("</tr>")
            .next()
            .unwrap()
            .to_string()
    };
    // The body's own part of the SOC's incident handling, for the body itself.
    let org_row = row("m.hendelseshandtering-org");
    assert!(org_row.contains("The body itself"), "{org_row}");
    assert!(
        org_row.contains("Shared security operations centre (SOC)"),
        "{org_row}"
    );
    assert!(
        org_row.contains("The municipality has a contact around the clock"),
        "{org_row}"
    );
    let backup = row("m.sikkerhetskopi-s.helsestasjon");
    assert!(
        backup.contains("Journalsystem for helsestasjon"),
        "{backup}"
    );
    assert!(
        backup.contains("Cloud platform with operations"),
        "{backup}"
    );
    assert!(
        todo.contains(
            "The customer decides what is kept and for how long, and tests restoring its own data."
        ),
        "{todo}"
    );
    let (_, dash) = site.get(&en, &format!("/b/{org}")).await;
    let dash = plain(&dash);
    assert!(
        dash.contains("Customer responsibilities left in suppliers' services: 9<"),
        "{dash}"
    );
}
