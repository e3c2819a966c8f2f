//! Rule 15 on the pages: "why this status" names the source of a pair's status — the body's
//! own entry, an implementation, a supplier's service, a shared service and the body's part —
//! and the dashboard warns of linked declarations about to expire.

use crate::apps;
use grunnmur_catalog::{Source, read_body_with, read_declaration};
use grunnmur_store::WorkspaceWrite;
use grunnmur_testkit::*;

/// Publishes the small catalog's supplier declaration as B's, valid for 30 more days, and
/// gives A the workspace that links its services.
async fn link_supplier(site: &Site) {
    let cat = small_catalog();
    let today = grunnmur_web::state::today().days_since_epoch();
    let until = grunnmur_core::Date::from_days_since_epoch(today + 30).to_string();
    let text = std::fs::read_to_string(small("declarations/acme.yaml"))
        .unwrap()
        .replace("2027-01-15", &until);
    let src = Source {
        name: "acme.yaml".into(),
        text,
    };
    let decl = read_declaration(&src, &cat.catalog).unwrap().doc;
    let json = serde_json::to_string(&decl).unwrap();
    (site
        .store
        .publish_declaration(B, "acme", &json, false, "test"))
    .await
    .unwrap();
    let src = Source {
        name: "kommune-delt.yaml".into(),
        text: std::fs::read_to_string(small("kommune-delt.yaml")).unwrap(),
    };
    let (doc, _) = read_body_with(&src, &cat.catalog, &[decl]).unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let w = WorkspaceWrite {
        orgnr: A,
        doc: &json,
        actor: "test",
        action: "workspace.put",
        expected_version: None,
    };
    site.store.put_workspace(w).await.unwrap();
}

pub(crate) fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
}

#[tokio::test]
async fn why_this_status_names_the_source_in_both_languages() {
    for site in apps("why_this_status_names_the_source").await {
        link_supplier(&site).await;
        let e = site.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", e.cookie);
        let get = |cookie: String, path: String| {
            let site = &site;
            async move {
                let (s, html) = site.get(&cookie, &path).await;
                assert_eq!(s, reqwest::StatusCode::OK, "{path}");
                plain(&html)
            }
        };
        let html = get(en.clone(), format!("/b/{A}/why/m.backup?system=s.drift")).await;
        assert!(html.contains("Why this status"), "{html}");
        assert!(html.contains("The supplier Acme Drift AS does the measure in the service \"Server platform operations\""), "{html}");
        let html = get(en.clone(), format!("/b/{A}/why/m.tilgang?system=s.drift")).await;
        assert!(html.contains("shared with Acme Drift AS"), "{html}");
        assert!(
            html.contains("The customer manages its own users and roles."),
            "{html}"
        );
        assert!(
            html.contains("The body's part is recorded as its own status here"),
            "{html}"
        );
        let html = get(en.clone(), format!("/b/{A}/why/m.backup?system=s.okonomi")).await;
        assert!(
            html.contains("\"Gjenopprettingstest av alt på plattformen\" (backup-plattform)"),
            "{html}"
        );
        assert!(html.contains("Overdue: the due date has passed"), "{html}");
        let html = get(
            e.cookie.clone(),
            format!("/b/{A}/why/m.tilgang?system=s.hr"),
        )
        .await;
        assert!(html.contains("Hvorfor denne statusen"), "{html}");
        assert!(
            html.contains("tiltaksgjennomføringen «Tilgangsstyring i fagsystemene»"),
            "{html}"
        );
        // The measure list shows the effective status, with the implementation's owner.
        let csv = get(
            en.clone(),
            format!("/b/{A}/measures.csv?system=s.hr&measure=m.tilgang"),
        )
        .await;
        let row = csv
            .lines()
            .find(|l| l.contains("m.tilgang"))
            .expect("the pair's row");
        assert!(
            row.contains("Implemented") && row.contains("IT-sjef"),
            "{csv}"
        );
        // The dashboard warns of the declaration that ends in 30 days.
        let html = get(en, format!("/b/{A}")).await;
        assert!(
            html.contains("Supplier declarations that expire soon"),
            "{html}"
        );
        assert!(html.contains("\"acme\" from Acme Drift AS"), "{html}");
        assert!(html.contains("30 days left"), "{html}");
        let html = get(e.cookie.clone(), format!("/b/{A}")).await;
        assert!(
            html.contains("Leverandørerklæringer som snart utløper"),
            "{html}"
        );
    }
}

/// Rule 13 on the pages: implementations listed with what they cover in words and how many
/// pairs they settle; a new one recorded with pickers, refused whole when wrong; removed.
#[tokio::test]
async fn implementations_are_listed_recorded_and_removed() {
    for site in apps("implementations_are_listed_recorded_and_removed").await {
        link_supplier(&site).await;
        let e = site.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", e.cookie);
        let (s, html) = site.get(&en, &format!("/b/{A}/implementations")).await;
        assert_eq!(s, reqwest::StatusCode::OK);
        let html = plain(&html);
        assert!(html.contains("Tilgangsstyring i fagsystemene"), "{html}");
        assert!(html.contains("The groups Fagsystemer"), "{html}");
        assert!(
            html.contains("Serverplattform and everything that runs on it"),
            "{html}"
        );
        // A new one: the id from the name, the status counted at once on the measure list.
        let before = site.version(A).await;
        let form = [
            ("csrf", e.csrf.as_str()),
            ("name", "Logging i fagsystemene"),
            ("measure", "m.logg"),
            ("covers", "groups"),
            ("group", "fag"),
            ("status", "implemented"),
            ("owner", "IT-leder"),
        ];
        let res = site
            .post(&e.cookie, &format!("/b/{A}/implementations"), &form)
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/b/{A}/implementations?saved=1#impl-logging-i-fagsystemene")
        );
        assert!(site.version(A).await > before);
        let (_, csv) = site
            .get(
                &en,
                &format!("/b/{A}/measures.csv?system=s.hr&measure=m.logg"),
            )
            .await;
        let row = csv
            .lines()
            .find(|l| l.contains("m.logg"))
            .expect("the pair");
        assert!(
            row.contains("Implemented") && row.contains("IT-leder"),
            "{csv}"
        );
        // Wrong: no measure, or a body-level measure for systems. Nothing stored.
        let stored = site.version(A).await;
        let form = [
            ("csrf", e.csrf.as_str()),
            ("name", "Tom"),
            ("covers", "all"),
            ("status", "partial"),
        ];
        let res = site
            .post(&en, &format!("/b/{A}/implementations"), &form)
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Choose at least one measure.")
        );
        let form = [
            ("csrf", e.csrf.as_str()),
            ("name", "Ledelse"),
            ("measure", "m.ledelse"),
            ("covers", "all"),
            ("status", "partial"),
        ];
        let res = site
            .post(&en, &format!("/b/{A}/implementations"), &form)
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains("m.ledelse"));
        assert_eq!(site.version(A).await, stored);
        // A reader may look, not record.
        let r = site.login("reader@example.no").await;
        let form = [
            ("csrf", r.csrf.as_str()),
            ("name", "X"),
            ("measure", "m.logg"),
            ("covers", "all"),
            ("status", "partial"),
        ];
        let res = site
            .post(&r.cookie, &format!("/b/{A}/implementations"), &form)
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::FORBIDDEN);
        // Removed: gone from the list.
        let form = [("csrf", e.csrf.as_str())];
        let path = format!("/b/{A}/implementations/logging-i-fagsystemene/remove");
        let res = site.post(&e.cookie, &path, &form).await;
        assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
        let (_, html) = site.get(&en, &format!("/b/{A}/implementations")).await;
        assert!(!html.contains("Logging i fagsystemene"));
    }
}

/// An implementation changed through its form: the form shows what is stored, the change keeps
/// the id, a bad change is refused whole, and a reader cannot open the form.
#[tokio::test]
async fn an_implementation_is_changed_in_its_form() {
    for site in apps("an_implementation_is_changed_in_its_form").await {
        link_supplier(&site).await;
        let e = site.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", e.cookie);
        let w = site.store.workspace(A).await.unwrap().unwrap();
        let doc: serde_json::Value = serde_json::from_str(&w.doc).unwrap();
        let im = &doc["implementations"][0];
        let id = im["id"].as_str().unwrap().to_string();
        let path = format!("/b/{A}/implementations/{id}");
        let (s, html) = site.get(&en, &path).await;
        assert_eq!(s, reqwest::StatusCode::OK);
        let html = plain(&html);
        assert!(html.contains("Change the implementation"), "{html}");
        assert!(
            html.contains(&format!("/b/{A}/audit?object=implementation%3A{id}")),
            "its history"
        );
        let name = im["name"].as_str().unwrap();
        assert!(html.contains(&format!("value=\"{name}\"")), "{html}");
        let measure = im["measures"][0].as_str().unwrap();
        assert!(
            html.contains(&format!("<option value=\"{measure}\" selected>")),
            "the stored measures chosen: {html}"
        );
        let (s, list) = site.get(&en, &format!("/b/{A}/implementations")).await;
        assert_eq!(s, reqwest::StatusCode::OK);
        assert!(list.contains(&format!("href=\"/b/{A}/implementations/{id}\"")));

        let before = site.version(A).await;
        let bad = [
            ("csrf", e.csrf.as_str()),
            ("name", "Endret"),
            ("measure", measure),
            ("covers", "systems"),
            ("status", "supplier"),
        ];
        let res = site.post(&en, &path, &bad).await;
        assert_eq!(res.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(site.version(A).await, before);

        let form = [
            ("csrf", e.csrf.as_str()),
            ("name", "Endret navn"),
            ("measure", measure),
            ("covers", "all"),
            ("status", "implemented"),
            ("owner", "Driftssjefen"),
            ("due", "2027-03-01"),
            ("evidence", "https://arkiv.example/rutine"),
        ];
        let res = site.post(&en, &path, &form).await;
        assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/b/{A}/implementations?saved=1#impl-{id}")
        );
        let w = site.store.workspace(A).await.unwrap().unwrap();
        let doc: serde_json::Value = serde_json::from_str(&w.doc).unwrap();
        let changed = (doc["implementations"].as_array().unwrap().iter())
            .find(|x| x["id"] == id.as_str())
            .expect("the same id");
        assert_eq!(changed["name"], "Endret navn");
        assert_eq!(changed["status"], "implemented");
        assert_eq!(changed["covers"]["all"], true);
        assert_eq!(changed["evidence"][0], "https://arkiv.example/rutine");

        let r = site.login("reader@example.no").await;
        let (s, _) = site.get(&r.cookie, &path).await;
        assert_eq!(s, reqwest::StatusCode::FORBIDDEN);
        let (s, _) = site
            .get(&en, &format!("/b/{A}/implementations/no-such"))
            .await;
        assert_eq!(s, reqwest::StatusCode::NOT_FOUND);
    }
}

/// Groups on the systems page: made from a name and a picker, listed with their systems'
/// names; one an implementation covers cannot be removed from under it.
#[tokio::test]
async fn groups_are_made_listed_and_kept_while_covered() {
    for site in apps("groups_are_made_listed_and_kept_while_covered").await {
        link_supplier(&site).await;
        let e = site.login("a@example.no").await;
        let en = format!("{}; grunnmur_lang=en", e.cookie);
        let form = [
            ("csrf", e.csrf.as_str()),
            ("group_name", "Plattform og drift"),
            ("group_system", "s.drift"),
            ("group_system", "s.okonomi"),
        ];
        let res = site.post(&e.cookie, &format!("/b/{A}/groups"), &form).await;
        assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
        assert_eq!(
            location(&res),
            format!("/b/{A}/systems?saved=1#group-plattform-og-drift")
        );
        let (_, html) = site.get(&en, &format!("/b/{A}/systems")).await;
        let html = plain(&html);
        assert!(html.contains("Groups of systems"), "{html}");
        assert!(html.contains("Økonomisystem, Serverplattform"), "{html}");
        // The group `fag` is covered by an implementation: it stays, and the page says why.
        let stored = site.version(A).await;
        let form = [("csrf", e.csrf.as_str())];
        let res = site
            .post(&en, &format!("/b/{A}/groups/fag/remove"), &form)
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.text().await.unwrap().contains("fag"));
        assert_eq!(site.version(A).await, stored);
        let path = format!("/b/{A}/groups/plattform-og-drift/remove");
        let res = site.post(&e.cookie, &path, &form).await;
        assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
        let (_, html) = site.get(&en, &format!("/b/{A}/systems")).await;
        assert!(!html.contains("Plattform og drift"));
    }
}
