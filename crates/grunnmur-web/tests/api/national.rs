//! The national picture (rule 18): supervisors see a group's figures, k-anonymous — nothing from
//! 4 bodies, figures from 5 —, never a body's name or number; a body's member is refused; a
//! supervisor's limits hold.

use grunnmur_testkit::*;
use reqwest::StatusCode;
use serde_json::Value;

/// Valid organisation numbers (MOD11), different from the fixtures'.
fn orgnrs(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut base = 91_000_000u32;
    while out.len() < n {
        base += 1;
        let s = format!("{base}0");
        for last in 0..10 {
            let candidate = format!("{}{last}", &s[..8]);
            if grunnmur_catalog::body::valid_orgnr(&candidate) {
                out.push(candidate);
                break;
            }
        }
    }
    out
}

async fn add_municipality(app: &App, root: &Who, orgnr: &str, n: usize) {
    let name = format!("Kommune nummer {n}");
    app.create_body(root, orgnr, &name).await;
    let body = small_body()
        .replace(A, orgnr)
        .replace("Lille kommune", &name);
    let res = app.put_workspace(root, orgnr, body).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
}

async fn coverage(app: &App, who: &Who, query: &str) -> (StatusCode, String) {
    app.get(who, &format!("/api/national/coverage{query}"))
        .await
}

#[tokio::test]
async fn four_bodies_give_no_figures_five_do_and_no_body_is_named() {
    for app in App::on_every_backend("four_bodies_give_no_figures_five_do").await {
        let root = app.root_token().await;
        let numbers = orgnrs(5);
        for (n, orgnr) in numbers.iter().take(4).enumerate() {
            add_municipality(&app, &root, orgnr, n).await;
        }
        let id = app.user("tilsyn@example.no", false).await;
        app.store
            .set_supervisor(id, Some((&[], &[])), "test")
            .await
            .unwrap();
        let sup = app.login("tilsyn@example.no").await;

        let (s, body) = coverage(&app, &sup, "?kind=kommune").await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (v["bodies"].as_u64(), v["suppressed"].as_bool()),
            (Some(4), Some(true))
        );
        assert!(v["measures"].as_array().unwrap().is_empty(), "{body}");

        add_municipality(&app, &root, &numbers[4], 4).await;
        let (_, body) = coverage(&app, &sup, "?kind=kommune").await;
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (v["bodies"].as_u64(), v["suppressed"].as_bool()),
            (Some(5), Some(false))
        );
        let m = (v["measures"].as_array().unwrap().iter())
            .find(|m| m["key"] == "m.tilgang")
            .unwrap();
        assert_eq!(m["bodies_required"], 5, "{m}");
        assert!(m["pairs_required"].as_u64().unwrap() >= 5);
        assert!(
            v["baselines"]
                .as_array()
                .unwrap()
                .iter()
                .any(|b| b["suppressed"] == false)
        );
        assert!(
            v["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t["bodies"] == 5)
        );
        // Nothing names a body.
        for orgnr in &numbers {
            assert!(!body.contains(orgnr.as_str()), "{orgnr} in {body}");
        }
        assert!(!body.contains("Kommune nummer") && !body.contains("HR-system"));

        // A body's member (even its administrator) is refused; so is an unknown kind.
        let ua = app.user("a@example.no", false).await;
        app.store
            .grant(ua, &numbers[0], grunnmur_store::Role::Admin, "test")
            .await
            .unwrap();
        let a = app.login("a@example.no").await;
        let (s, _) = coverage(&app, &a, "").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _) = coverage(&app, &sup, "?kind=leverandor").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    }
}

#[tokio::test]
async fn a_supervisors_limits_hold() {
    for app in App::on_every_backend("a_supervisors_limits_hold").await {
        let root = app.root_token().await;
        for (n, orgnr) in orgnrs(5).iter().enumerate() {
            add_municipality(&app, &root, orgnr, n).await;
        }
        let id = app.user("stat@example.no", false).await;
        let kinds = vec!["stat".to_string()];
        app.store
            .set_supervisor(id, Some((&kinds, &[])), "test")
            .await
            .unwrap();
        let sup = app.login("stat@example.no").await;
        // Asked for municipalities: refused; asked for nothing: their one kind (none here).
        let (s, _) = coverage(&app, &sup, "?kind=kommune").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, body) = coverage(&app, &sup, "").await;
        assert_eq!(s, StatusCode::OK);
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (v["bodies"].as_u64(), v["suppressed"].as_bool()),
            (Some(0), Some(true))
        );
        // No longer a supervisor: refused.
        app.store.set_supervisor(id, None, "test").await.unwrap();
        let (s, _) = coverage(&app, &sup, "").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
    }
}

/// Catalog calibration: catalog editors see where bodies depart from the catalog — nothing from
/// 4 bodies, rows and justifications from 5, never a body's name or number —; a body's member
/// is refused.
#[tokio::test]
async fn catalog_calibration_is_for_catalog_editors_and_k_anonymous() {
    for app in App::on_every_backend("catalog_calibration_k_anonymous").await {
        let root = app.root_token().await;
        let numbers = orgnrs(5);
        for (n, orgnr) in numbers.iter().take(4).enumerate() {
            add_municipality(&app, &root, orgnr, n).await;
        }
        let id = app.user("katalog@example.no", false).await;
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
        let (s, body) = app.get(&editor, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (v["bodies"].as_u64(), v["suppressed"].as_bool()),
            (Some(4), Some(true))
        );
        assert!(v["levels"].as_array().unwrap().is_empty(), "{body}");
        assert!(!body.contains("Helseopplysninger"), "{body}");

        add_municipality(&app, &root, &numbers[4], 4).await;
        let (s, body) = app.get(&editor, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["suppressed"], false, "{body}");
        // The small municipality lowers hr.personalmappe's confidentiality, with a reason.
        let lowered = (v["levels"].as_array().unwrap().iter())
            .find(|l| l["info_type"] == "hr.personalmappe" && l["dimension"] == "c")
            .unwrap();
        assert_eq!(lowered["direction"], "lowered");
        assert_eq!(lowered["bodies"], 5);
        assert_eq!(
            lowered["justifications"],
            serde_json::json!(["Helseopplysninger lagres ikke i personalmappen hos oss."])
        );
        let na = (v["not_applicable"].as_array().unwrap().iter())
            .find(|m| m["measure"] == "m.backup")
            .unwrap();
        assert_eq!(
            (na["bodies"].as_u64(), na["pairs"].as_u64()),
            (Some(5), Some(5))
        );
        assert_eq!(na["justifications"].as_array().unwrap().len(), 1);
        assert_eq!(
            v["own_tasks"],
            serde_json::json!([{"name": "kulturskole", "bodies": 5}])
        );
        for orgnr in &numbers {
            assert!(!body.contains(orgnr.as_str()), "{orgnr} in {body}");
        }
        assert!(!body.contains("Kommune nummer") && !body.contains("HR-system"));

        // A body's member (even its administrator) is refused, and so is a supervisor.
        let ua = app.user("a@example.no", false).await;
        app.store
            .grant(ua, &numbers[0], grunnmur_store::Role::Admin, "test")
            .await
            .unwrap();
        let a = app.login("a@example.no").await;
        let (s, _) = app.get(&a, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let sup = app.user("tilsyn@example.no", false).await;
        app.store
            .set_supervisor(sup, Some((&[], &[])), "test")
            .await
            .unwrap();
        let sup = app.login("tilsyn@example.no").await;
        let (s, _) = app.get(&sup, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        // The platform administrator sees it.
        let (s, _) = app.get(&root, "/api/catalog/calibration").await;
        assert_eq!(s, StatusCode::OK);
    }
}

/// Each body's contribution is stored with the workspace version it was made from, a change
/// shows in the next answer, and a restarted server answers from the stored contributions
/// without deriving any body (so without filling its assessment cache).
#[tokio::test]
async fn contributions_are_stored_kept_current_and_read_after_a_restart() {
    use grunnmur_web::national_api::{Group, coverage as national};
    for app in App::on_every_backend("contributions_are_stored").await {
        let root = app.root_token().await;
        let numbers = orgnrs(5);
        for (n, orgnr) in numbers.iter().enumerate() {
            add_municipality(&app, &root, orgnr, n).await;
        }
        let id = app.user("tilsyn@example.no", false).await;
        (app.store.set_supervisor(id, Some((&[], &[])), "test").await).unwrap();
        let sup = app.login("tilsyn@example.no").await;
        let (_, body) = coverage(&app, &sup, "?kind=kommune").await;
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["bodies"], 5, "{body}");
        // Stored, with the version each was made from; not one in the assessment cache.
        let stored = app.store.contributions(None).await.unwrap();
        for orgnr in &numbers {
            let version = app.store.workspace_version(orgnr).await.unwrap();
            let row = stored.iter().find(|r| &r.orgnr == orgnr).expect(orgnr);
            assert_eq!(Some(row.version), version, "{orgnr}");
        }
        assert_eq!(app.state.cache_weight().0, 0, "no body entered the cache");

        // One municipality becomes a state agency: the next answer has four, so no figures.
        let body = small_body()
            .replace(A, &numbers[0])
            .replace("kind: kommune", "kind: stat");
        let res = app.put_workspace(&root, &numbers[0], body).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        let (_, body) = coverage(&app, &sup, "?kind=kommune").await;
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            (v["bodies"].as_u64(), v["suppressed"].as_bool()),
            (Some(4), Some(true))
        );

        // A restart: the stored contributions answer. To tell them from a derivation, one is
        // changed in the store (same version): the new server shows the stored count.
        let mut row = (app.store.contributions(Some(&numbers[1])).await.unwrap()).remove(0);
        let mut c: Value = serde_json::from_str(&row.doc).unwrap();
        c["systems"] = 999.into();
        row.doc = c.to_string();
        app.store.put_contribution(&row).await.unwrap();
        let restarted = grunnmur_web::AppState::new(
            app.store.clone(),
            app.state.catalog.clone(),
            Default::default(),
        );
        let g = Group {
            kind: Some("stat".into()),
            sector: None,
        };
        let c = national(&restarted, &g).await.unwrap();
        assert_eq!(c.bodies, 1);
        let all = grunnmur_web::contributions::current(&restarted)
            .await
            .unwrap();
        assert!(
            all.all.iter().any(|c| c.systems == 999),
            "read from the store"
        );
        assert_eq!(restarted.cache_weight().0, 0, "nothing derived");

        // Another server stores a fresher one (a day later, as after its refresh): once
        // anything changes, this server reads it instead of keeping its own older one.
        row.day += 1;
        let mut fresher: Value = serde_json::from_str(&row.doc).unwrap();
        fresher["systems"] = 998.into();
        row.doc = fresher.to_string();
        app.store.put_contribution(&row).await.unwrap();
        (app.store.set_supervisor(id, Some((&[], &[])), "test").await).unwrap();
        let all = grunnmur_web::contributions::current(&restarted)
            .await
            .unwrap();
        assert!(
            all.all.iter().any(|c| c.systems == 998),
            "the fresher stored one"
        );
    }
}

/// The assessment cache keeps no more than its bound: with room for one body, reading a second
/// drops the first; with room for both, both stay.
#[tokio::test]
async fn the_assessment_cache_is_bounded_by_bytes() {
    for app in App::on_every_backend("the_assessment_cache_is_bounded").await {
        let root = app.root_token().await;
        let numbers = orgnrs(2);
        for (n, orgnr) in numbers.iter().enumerate() {
            add_municipality(&app, &root, orgnr, n).await;
        }
        let state = |bytes| {
            let config = grunnmur_web::Config {
                cache_bytes: bytes,
                ..Default::default()
            };
            grunnmur_web::AppState::new(app.store.clone(), app.state.catalog.clone(), config)
        };
        let small = state(1);
        let d0 = grunnmur_web::ops::derived(&small, &numbers[0])
            .await
            .unwrap();
        assert!(d0.weight() > 1);
        grunnmur_web::ops::derived(&small, &numbers[1])
            .await
            .unwrap();
        let (n, bytes) = small.cache_weight();
        assert_eq!(n, 1, "only the most recent stays");
        let large = state(1 << 30);
        grunnmur_web::ops::derived(&large, &numbers[0])
            .await
            .unwrap();
        grunnmur_web::ops::derived(&large, &numbers[1])
            .await
            .unwrap();
        let (n2, bytes2) = large.cache_weight();
        assert_eq!(n2, 2);
        assert!(bytes2 > bytes);
    }
}
