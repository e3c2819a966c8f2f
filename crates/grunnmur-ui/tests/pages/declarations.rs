//! A supplier writes its declaration in forms (rule 14): every save publishes a new version
//! through the API's checks, bad input is shown at its field with nothing published, another
//! body's declaration is out of reach, and the supplier sees how many use each service.

use crate::apps;
use grunnmur_store::WorkspaceWrite;
use grunnmur_testkit::*;
use reqwest::StatusCode;

fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
}

/// The path a redirect goes to, without its query and fragment.
fn path_of(res: &reqwest::Response) -> String {
    let to = location(res);
    to.split(['?', '#']).next().unwrap().to_string()
}

#[tokio::test]
async fn a_supplier_writes_publishes_and_withdraws_a_declaration_in_forms() {
    for site in apps("a_supplier_writes_a_declaration_in_forms").await {
        let b = site.login("b@example.no").await;
        let en = format!("{}; grunnmur_lang=en", b.cookie);
        let form = |extra: &[(&'static str, &'static str)]| {
            let mut v = vec![("csrf", b.csrf.clone())];
            v.extend(extra.iter().map(|(k, x)| (*k, x.to_string())));
            v
        };
        let post = |path: String, f: Vec<(&'static str, String)>| {
            let site = &site;
            let en = en.clone();
            async move {
                let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
                site.post(&en, &path, &f).await
            }
        };
        // Dates out of order: shown at the field, nothing published.
        let bad = [("valid_from", "2027-01-01"), ("valid_until", "2026-01-01")];
        let res = post(format!("/b/{B}/declarations"), form(&bad)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = plain(&res.text().await.unwrap());
        assert!(
            html.contains("The end date cannot be before the start date."),
            "{html}"
        );
        assert!(site.store.declarations().await.unwrap().is_empty());

        let ok = [("valid_from", "2026-01-01"), ("valid_until", "2030-12-31")];
        let res = post(format!("/b/{B}/declarations"), form(&ok)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert!(location(&res).contains("saved=1"));
        let decl = path_of(&res);
        let id = decl.rsplit('/').next().unwrap().to_string();
        let rows = site.store.declarations().await.unwrap();
        assert_eq!((rows.len(), rows[0].orgnr.as_str()), (1, B));
        assert_eq!(rows[0].id, id);

        let res = post(
            format!("{decl}/services"),
            form(&[
                ("name_nb", "Drift av plattform"),
                ("name_en", "Platform operations"),
            ]),
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let service = path_of(&res);
        let (s, html) = site.get(&en, &service).await;
        assert_eq!(s, StatusCode::OK);
        assert!(plain(&html).contains("Platform operations"), "{html}");
        assert!(html.contains("name=\"r-m.backup\""), "a choice per measure");

        // A shared measure without the customer's part: named, nothing published.
        let store = site.store.clone();
        let version = || {
            let (store, id) = (store.clone(), id.clone());
            async move { store.declaration_versions(&id).await.unwrap().len() }
        };
        let before = version().await;
        let f = form(&[("r-m.backup", "supplier"), ("r-m.tilgang", "shared")]);
        let res = post(service.clone(), f).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = plain(&res.text().await.unwrap());
        assert!(
            html.contains("Write what the customer must do for \"Access control\""),
            "{html}"
        );
        assert_eq!(version().await, before);

        let f = form(&[
            ("r-m.backup", "supplier"),
            ("r-m.tilgang", "shared"),
            ("cnb-m.tilgang", "Kunden styrer egne brukere."),
            ("cen-m.tilgang", "The customer manages its own users."),
        ]);
        let res = post(service.clone(), f).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(version().await, before + 1);
        let detail = site.store.declaration_versions(&id).await.unwrap();
        let doc: serde_json::Value = serde_json::from_str(&detail.last().unwrap().doc).unwrap();
        let covers = &doc["services"][0]["covers"];
        assert_eq!(covers.as_array().unwrap().len(), 2, "{doc}");
        let shared = (covers.as_array().unwrap().iter())
            .find(|c| c["measure"] == "m.tilgang")
            .unwrap();
        assert_eq!(shared["responsibility"], "shared");
        assert_eq!(
            shared["customer"]["en"],
            "The customer manages its own users."
        );

        // A links the service on a system: B sees one body and one system, never which.
        let key = format!("{id}/{}", doc["services"][0]["id"].as_str().unwrap());
        let w = site.store.workspace(A).await.unwrap().unwrap();
        let mut body: serde_json::Value = serde_json::from_str(&w.doc).unwrap();
        body["systems"][0]["services"] = serde_json::json!([key]);
        let json = body.to_string();
        let put = WorkspaceWrite {
            orgnr: A,
            doc: &json,
            actor: "test",
            action: "workspace.put",
            expected_version: None,
        };
        site.store.put_workspace(put).await.unwrap();
        let (_, html) = site.get(&en, &decl).await;
        let html = plain(&html);
        let row = html.split("id=\"service-").nth(1).unwrap();
        let row = row.split("</tr>").next().unwrap();
        let counts: Vec<&str> = (row.split("<td class=\"num\">").skip(1))
            .map(|c| c.split('<').next().unwrap())
            .collect();
        assert_eq!(counts, ["1", "1", "1", "1"], "{row}");
        assert!(!html.contains(A), "the supplier never sees who uses it");

        // A's editor reaches neither B's pages nor, through A's, B's declaration.
        let a = site.login("a@example.no").await;
        let (s, _) = site.get(&a.cookie, &format!("/b/{B}/declarations")).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let other = format!("/b/{A}/declarations/{id}");
        let (s, _) = site.get(&a.cookie, &other).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let res = (site.post(
            &a.cookie,
            &format!("{other}/withdraw"),
            &[("csrf", &a.csrf)],
        ))
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        let res = post(format!("{decl}/withdraw"), form(&[])).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (_, html) = site.get(&en, &format!("/b/{B}/declarations")).await;
        assert!(plain(&html).contains("Withdrawn"), "{html}");
        let (_, html) = site.get(&b.cookie, &format!("/b/{B}/declarations")).await;
        assert!(plain(&html).contains("Trukket tilbake"), "{html}");
    }
}
