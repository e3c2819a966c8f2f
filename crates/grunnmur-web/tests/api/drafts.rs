//! Catalog drafts (issue 14): the whole round with three owners — two editors change their own
//! entries, one proposes a change to the third owner's entry, which is accepted; a municipality
//! comments and is answered; the owners approve; the draft is published; the municipality sees
//! what changes for it and moves. And the isolation around it.

use crate::two_bodies;
use grunnmur_testkit::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// A catalog editor of `owners`, signed in.
async fn editor(app: &App, email: &str, owners: &[&str]) -> Who {
    let id = app.user(email, false).await;
    let owners: Vec<String> = owners.iter().map(|o| o.to_string()).collect();
    (app.store)
        .set_catalog_editor(id, Some(&owners), "test")
        .await
        .unwrap();
    app.login(email).await
}

fn parse(b: &str) -> Value {
    serde_json::from_str(b).unwrap_or(Value::Null)
}

async fn put_yaml(app: &App, who: &Who, path: &str, yaml: &str) -> (StatusCode, Value) {
    let (s, b) = (app.call(
        who,
        Method::PUT,
        path,
        Some(("application/yaml", yaml.into())),
    ))
    .await;
    (s, parse(&b))
}

async fn post(app: &App, who: &Who, path: &str, v: Value) -> (StatusCode, Value) {
    let (s, b) = app.json(who, Method::POST, path, v).await;
    (s, parse(&b))
}

async fn entry(app: &App, who: &Who, d: i64, key: &str) -> Value {
    let (s, b) = app
        .get(who, &format!("/api/catalog/drafts/{d}/entries/{key}"))
        .await;
    assert_eq!(s, StatusCode::OK, "{b}");
    parse(&b)
}

fn day(offset: i64) -> String {
    let t = grunnmur_web::state::today();
    grunnmur_core::Date::from_days_since_epoch(t.days_since_epoch() + offset).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_round_with_three_owners_ends_in_a_release_a_municipality_moves_to() {
    for app in App::on_every_backend(
        "the_whole_round_with_three_owners_ends_in_a_release_a_municipality_moves_to",
    )
    .await
    {
        let db = app.store.backend();
        let (_, a, b) = two_bodies(&app).await;
        let files = json!([{"name": "catalog/catalog.yaml", "text": small_catalog_file("1.0")}]);
        (app.store)
            .publish_release("liten", "1.0", &files.to_string(), "test")
            .await
            .unwrap();
        let nsm = editor(&app, "nsm@example.no", &["nsm"]).await;
        let ks = editor(&app, "ks@example.no", &["ks"]).await;
        let digdir = editor(&app, "digdir@example.no", &["digdir"]).await;

        // Only an editor begins a draft.
        let new = json!({"base": "1.0", "version": "1.1"});
        let (s, _) = post(&app, &a, "/api/catalog/drafts", new.clone()).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{db}");
        let (s, d) = post(&app, &nsm, "/api/catalog/drafts", new.clone()).await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {d}");
        let id = d["id"].as_i64().unwrap();
        let (s, _) = post(&app, &ks, "/api/catalog/drafts", new).await;
        assert_eq!(s, StatusCode::CONFLICT, "{db}");
        let base = format!("/api/catalog/drafts/{id}");
        // Not in consultation yet: a member does not see it.
        assert_eq!(app.get(&a, &base).await.0, StatusCode::NOT_FOUND, "{db}");
        let list = parse(&app.get(&a, "/api/catalog/drafts").await.1);
        assert_eq!(list, json!([]), "{db}");

        // NSM moves encryption to the second baseline: directly, its own entry.
        let crypto = entry(&app, &nsm, id, "measures/m.kryptering").await;
        assert_eq!(crypto["owner"], "nsm", "{db}: {crypto}");
        let yaml = crypto["yaml"]
            .as_str()
            .unwrap()
            .replace("level: 3", "level: 2");
        let path = format!("{base}/entries/measures/m.kryptering?reason=Encrypt%20more");
        let (s, c) = put_yaml(&app, &nsm, &path, &yaml).await;
        assert_eq!(s, StatusCode::OK, "{db}: {c}");
        assert_eq!(
            (c["state"].as_str(), c["kind"].as_str()),
            (Some("applied"), Some("changed"))
        );
        assert_eq!(
            c["fields"],
            json!([{"field": "level", "old": "3", "new": "2"}]),
            "{db}"
        );
        // No reason, no change; a body member changes nothing.
        let bare = format!("{base}/entries/measures/m.kryptering");
        assert_eq!(
            put_yaml(&app, &nsm, &bare, &yaml).await.0,
            StatusCode::BAD_REQUEST
        );
        let (s, _) = put_yaml(&app, &a, &path, &yaml.replace("level: 2", "level: 1")).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{db}");
        // A change that breaks the draft: every problem, nothing changed.
        let broken = yaml.replace("activity: risikohandtering", "activity: finnes-ikke");
        let (s, p) = put_yaml(&app, &nsm, &path, &broken).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}: {p}");
        let now = entry(&app, &nsm, id, "measures/m.kryptering").await;
        assert_eq!(now["entry"]["activity"], "risikohandtering", "{db}");

        // KS raises the availability of absence records: its own entry.
        let fravaer = entry(&app, &ks, id, "info_types/skole.fravaer").await;
        let mut v = fravaer["entry"].clone();
        v["levels"]["a"] = json!("middels");
        let path = format!("{base}/entries/info_types/skole.fravaer?reason=Needed%20daily");
        let (s, c) = (app.json(&ks, Method::PUT, &path, v)).await;
        assert_eq!(s, StatusCode::OK, "{db}: {c}");

        // KS changes Digdir's personnel file: a proposal, the draft unchanged until accepted.
        let hr = entry(&app, &ks, id, "info_types/hr.kontakt").await;
        let mut v = hr["entry"].clone();
        v["levels"]["c"] = json!("middels");
        let path = format!("{base}/entries/info_types/hr.kontakt?reason=Addresses%20are%20private");
        let (s, c) = app.json(&ks, Method::PUT, &path, v).await;
        assert_eq!(s, StatusCode::ACCEPTED, "{db}: {c}");
        let proposal = parse(&c);
        assert_eq!(proposal["state"], "proposed", "{db}");
        assert_eq!(proposal["owner"], "digdir", "{db}");
        let pid = proposal["id"].as_i64().unwrap();
        let still = entry(&app, &ks, id, "info_types/hr.kontakt").await;
        assert_eq!(still["entry"]["levels"]["c"], "lav", "{db}");
        // Only Digdir's editors decide it.
        let accept = format!("{base}/proposals/{pid}/accept");
        let why = json!({"reason": "Agreed"});
        assert_eq!(
            post(&app, &nsm, &accept, why.clone()).await.0,
            StatusCode::FORBIDDEN
        );
        let (s, c) = post(&app, &digdir, &accept, why.clone()).await;
        assert_eq!(s, StatusCode::OK, "{db}: {c}");
        assert_eq!(c["state"], "accepted", "{db}");
        let now = entry(&app, &ks, id, "info_types/hr.kontakt").await;
        assert_eq!(now["entry"]["levels"]["c"], "middels", "{db}");
        assert_eq!(now["history"].as_array().unwrap().len(), 1, "{db}");
        // Decided once.
        assert_eq!(
            post(&app, &digdir, &accept, why).await.0,
            StatusCode::CONFLICT
        );

        // The consultation round: every member of any body reads the draft and what it would
        // change for their own body.
        let round = format!("{base}/consultation");
        let (s, _) = post(&app, &a, &round, json!({"closes": day(10)})).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{db}");
        let (s, _) = post(&app, &nsm, &round, json!({"closes": day(-1)})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let (s, r) = post(&app, &nsm, &round, json!({"closes": day(10)})).await;
        assert_eq!(s, StatusCode::OK, "{db}: {r}");
        assert_eq!(app.get(&a, &base).await.0, StatusCode::OK, "{db}");
        let impact = format!("/api/bodies/{A}/catalog-release/impact?version=1.1");
        let (s, i) = app.get(&a, &impact).await;
        assert_eq!(s, StatusCode::OK, "{db}: {i}");
        let i = parse(&i);
        let added: Vec<&Value> = (i["systems"].as_array().unwrap().iter())
            .flat_map(|s| s["measures_added"].as_array().unwrap())
            .collect();
        assert!(added.contains(&&json!("m.kryptering")), "{db}: {i}");
        // Not of another body.
        let other = format!("/api/bodies/{B}/catalog-release/impact?version=1.1");
        assert_eq!(app.get(&a, &other).await.0, StatusCode::NOT_FOUND, "{db}");

        // Both municipalities comment; each sees its own, the editors all.
        let comments = format!("{base}/comments");
        let (s, ca) = post(
            &app,
            &a,
            &comments,
            json!({"entry": "measures/m.kryptering", "text": "Encrypting every system is costly"}),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {ca}");
        let (s, _) = post(
            &app,
            &b,
            &comments,
            json!({"entry": "measures/m.kryptering", "text": "Secret remark from B"}),
        )
        .await;
        assert_eq!(s, StatusCode::CREATED, "{db}");
        let (s, _) = post(
            &app,
            &a,
            &comments,
            json!({"entry": "tasks/nope", "text": "x"}),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let mine = parse(&app.get(&a, &comments).await.1);
        assert_eq!(mine.as_array().unwrap().len(), 1, "{db}: {mine}");
        assert!(!mine.to_string().contains("Secret remark"), "{db}");
        let all = parse(&app.get(&ks, &comments).await.1);
        assert_eq!(all.as_array().unwrap().len(), 2, "{db}");
        // NSM owns the measure and answers; KS may not.
        let cid = ca["id"].as_i64().unwrap();
        let answer = format!("{comments}/{cid}/answer");
        let text = json!({"text": "Only for systems that need it", "outcome": "partly"});
        assert_eq!(
            post(&app, &ks, &answer, text.clone()).await.0,
            StatusCode::FORBIDDEN
        );
        let (s, c) = post(&app, &nsm, &answer, text).await;
        assert_eq!(s, StatusCode::OK, "{db}: {c}");
        let mine = parse(&app.get(&a, &comments).await.1);
        assert_eq!(mine[0]["answer"], "Only for systems that need it", "{db}");

        // Not ready: approvals missing, a comment unanswered, the round open.
        let publish = format!("{base}/publish");
        let (s, e) = post(&app, &nsm, &publish, json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "{db}: {e}");
        let all = parse(&app.get(&nsm, &comments).await.1);
        let bid = all[1]["id"].as_i64().unwrap();
        let text = json!({"text": "Noted", "outcome": "rejected"});
        let (s, _) = post(&app, &nsm, &format!("{comments}/{bid}/answer"), text).await;
        assert_eq!(s, StatusCode::OK, "{db}");
        let (s, _) = post(&app, &nsm, &round, json!({"closes": day(0)})).await;
        assert_eq!(s, StatusCode::OK, "{db}");

        // Each owner whose entries changed approves; a body member cannot.
        let approve = format!("{base}/approve");
        assert_eq!(
            post(&app, &a, &approve, json!({})).await.0,
            StatusCode::FORBIDDEN
        );
        for who in [&nsm, &ks] {
            let (s, r) = post(&app, who, &approve, json!({})).await;
            assert_eq!(s, StatusCode::OK, "{db}: {r}");
        }
        let (s, e) = post(&app, &nsm, &publish, json!({})).await;
        assert_eq!(s, StatusCode::CONFLICT, "{db}: {e}");
        assert!(e.to_string().contains("digdir"), "{db}: {e}");
        let (s, r) = post(&app, &digdir, &approve, json!({})).await;
        assert_eq!(s, StatusCode::OK, "{db}: {r}");
        assert_eq!(r["ready"], true, "{db}: {r}");
        let (s, p) = post(&app, &ks, &publish, json!({})).await;
        assert_eq!(s, StatusCode::OK, "{db}: {p}");
        assert_eq!(p["state"], "published", "{db}");

        // The record: every change with its reason, every comment with its answer, by body.
        let (s, rec) = app.get(&a, "/api/catalog/releases/liten/1.1/record").await;
        assert_eq!(s, StatusCode::OK, "{db}: {rec}");
        assert!(rec.contains("Encrypt more") && rec.contains("Addresses are private"));
        assert!(rec.contains("Lille kommune") && rec.contains("Only for systems that need it"));
        for person in [
            "a@example.no",
            "b@example.no",
            "nsm@example.no",
            "ks@example.no",
        ] {
            assert!(!rec.contains(person), "{db}: {person} in {rec}");
        }
        // A published draft changes no more.
        let path = format!("{base}/entries/measures/m.kryptering?reason=again");
        assert_eq!(
            put_yaml(&app, &nsm, &path, &yaml).await.0,
            StatusCode::CONFLICT
        );

        // The municipality sees what the release changes for it, and moves.
        let (s, i) = app.get(&a, &impact).await;
        assert_eq!(s, StatusCode::OK, "{db}: {i}");
        let (s, m) = app
            .json(
                &a,
                Method::PUT,
                &format!("/api/bodies/{A}/catalog-release"),
                json!({"catalog_id": "liten", "version": "1.1"}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{db}: {m}");
        let (_, r) = app
            .get(&a, &format!("/api/bodies/{A}/catalog-release"))
            .await;
        assert_eq!(parse(&r)["version"], "1.1", "{db}: {r}");
        let (_, r) = app
            .get(&b, &format!("/api/bodies/{B}/catalog-release"))
            .await;
        assert_eq!(parse(&r)["version"], "1.0", "{db}: {r}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_gives_back_its_files_with_every_entry_as_it_holds_it() {
    for app in
        App::on_every_backend("a_draft_gives_back_its_files_with_every_entry_as_it_holds_it").await
    {
        let db = app.store.backend();
        let files = json!([{"name": "catalog/catalog.yaml", "text": small_catalog_file("1.0")}]);
        (app.store)
            .publish_release("liten", "1.0", &files.to_string(), "test")
            .await
            .unwrap();
        let all = editor(&app, "alle@example.no", &[]).await;
        let new = json!({"base": "1.0", "version": "2.0"});
        let (s, d) = post(&app, &all, "/api/catalog/drafts", new).await;
        assert_eq!(s, StatusCode::CREATED, "{db}: {d}");
        let base = format!("/api/catalog/drafts/{}", d["id"]);
        // A new task, in a file of its own.
        let task = json!({"id": "kommune.kultur", "owner": "ks",
            "name": {"nb": "Kulturskole: \"alle\" #1", "en": "Arts school"},
            "applies_to": ["kommune"], "info_types": ["skole.elevmappe"]});
        let path =
            format!("{base}/entries/tasks/kommune.kultur?reason=new&file=catalog/kultur.yaml");
        let (s, c) = app.json(&all, Method::PUT, &path, task.clone()).await;
        assert_eq!(s, StatusCode::OK, "{db}: {c}");
        let res = app
            .send(&all, Method::GET, &format!("{base}/files"), None)
            .await;
        assert_eq!(res.status, StatusCode::OK, "{db}");
        assert_eq!(res.headers["content-type"], "application/zip");
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(res.bytes.clone())).unwrap();
        let mut sources = Vec::new();
        for n in 0..z.len() {
            let mut f = z.by_index(n).unwrap();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut f, &mut text).unwrap();
            sources.push(grunnmur_catalog::Source {
                name: f.name().unwrap().to_string(),
                text,
            });
        }
        let names: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            ["catalog/catalog.yaml", "catalog/kultur.yaml"],
            "{db}"
        );
        let (checked, problems) = grunnmur_catalog::check_catalog(&sources);
        assert!(checked.is_some(), "{db}: {problems:?}");
        assert_eq!(checked.unwrap().doc.catalog.version, "2.0");
        // The files hold exactly the entries the draft lists.
        let listed = parse(&app.get(&all, &format!("{base}/entries")).await.1);
        let from_files: Vec<Value> = (grunnmur_catalog::draft::entries(&sources).into_iter())
            .map(|(s, id, _, v)| json!([s.as_str(), id, v]))
            .collect();
        let from_api: Vec<Value> = (listed.as_array().unwrap().iter())
            .map(|e| json!([e["section"], e["id"], e["entry"]]))
            .collect();
        assert_eq!(from_files, from_api, "{db}");
        assert!(
            from_files.contains(&json!(["tasks", "kommune.kultur", task])),
            "{db}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_made_at_once_all_land_and_one_against_an_old_revision_is_refused() {
    for app in App::on_every_backend(
        "changes_made_at_once_all_land_and_one_against_an_old_revision_is_refused",
    )
    .await
    {
        let db = app.store.backend();
        let files = json!([{"name": "catalog/catalog.yaml", "text": small_catalog_file("1.0")}]);
        (app.store)
            .publish_release("liten", "1.0", &files.to_string(), "test")
            .await
            .unwrap();
        let all = editor(&app, "alle@example.no", &[]).await;
        let new = json!({"base": "1.0", "version": "3.0"});
        let (_, d) = post(&app, &all, "/api/catalog/drafts", new).await;
        let id = d["id"].as_i64().unwrap();
        let base = format!("/api/catalog/drafts/{id}");
        let rev = d["rev"].as_i64().unwrap();
        let ids = [
            "hr.personalmappe",
            "hr.kontakt",
            "okonomi.faktura",
            "okonomi.budsjett",
        ];
        let mut entries = Vec::new();
        for x in ids {
            let e = entry(&app, &all, id, &format!("info_types/{x}")).await;
            let mut v = e["entry"].clone();
            v["rationale"]["en"] = json!(format!("Changed at once: {x}"));
            entries.push((x, v));
        }
        let put = |n: usize| {
            let (x, v) = &entries[n];
            let path = format!("{base}/entries/info_types/{x}?reason=at%20once");
            let (app, all, v) = (&app, &all, v.clone());
            async move { app.json(all, Method::PUT, &path, v).await }
        };
        let (r0, r1, r2, r3) = tokio::join!(put(0), put(1), put(2), put(3));
        for (s, b) in [r0, r1, r2, r3] {
            assert_eq!(s, StatusCode::OK, "{db}: {b}");
        }
        let listed = parse(&app.get(&all, &format!("{base}/entries")).await.1);
        for x in ids {
            let e = (listed.as_array().unwrap().iter())
                .find(|e| e["id"] == x)
                .unwrap();
            let want = format!("Changed at once: {x}");
            assert_eq!(e["entry"]["rationale"]["en"], want, "{db}");
        }
        // A change made against the revision before them: refused, nothing written.
        let (x, mut v) = entries.pop().unwrap();
        v["rationale"]["en"] = json!("Late");
        let path = format!("{base}/entries/info_types/{x}?reason=late&rev={rev}");
        let (s, _) = app.json(&all, Method::PUT, &path, v).await;
        assert_eq!(s, StatusCode::CONFLICT, "{db}");
    }
}
