//! Server time of the web pages, from request to rendered HTML through the real router and an
//! SQLite store: the demo municipality on the bundled catalog, and a body with 1,000 systems on
//! the synthetic national catalog. "warm" reuses the engine's result for the workspace version
//! (every page view after the first); "cold" derives it again first (the view after a change).
//! Run: `cargo bench -p grunnmur-ui --bench pages`.

use axum::body::Body;
use axum::http::Request;
use criterion::{Criterion, criterion_group, criterion_main};
use grunnmur_catalog::{CheckedCatalog, Source, check_catalog};
use grunnmur_store::{BodyRow, Role, WorkspaceWrite};
use grunnmur_synth::{Spec, body_doc, catalog_doc};
use grunnmur_web::{AppState, Config, auth};
use std::sync::Arc;
use tower::ServiceExt;

struct Site {
    state: AppState,
    router: axum::Router,
    cookie: String,
    orgnr: String,
    system: String,
    measure: String,
}

async fn site(catalog: CheckedCatalog, doc: grunnmur_catalog::BodyDoc) -> Site {
    let dir = std::env::temp_dir().join(format!(
        "grunnmur-bench-{}-{}",
        std::process::id(),
        doc.org.orgnr.as_string()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}", dir.join("bench.db").display());
    let store = grunnmur_store::open(&url).await.unwrap();
    store.migrate().await.unwrap();
    let orgnr = doc.org.orgnr.as_string();
    let body = BodyRow {
        orgnr: orgnr.clone(),
        name: doc.org.name.clone(),
        kind: doc.org.kind.as_str().into(),
        sectors: doc.org.sectors.clone(),
        catalog_id: catalog.catalog.id.clone(),
        catalog_version: catalog.catalog.version.clone(),
        created_at: 0,
    };
    store.create_body(&body, "bench").await.unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    store
        .put_workspace(WorkspaceWrite {
            orgnr: &orgnr,
            doc: &json,
            actor: "bench",
            action: "workspace.put",
            expected_version: None,
        })
        .await
        .unwrap();
    let user = store
        .create_user("bench@example.no", None, false, "bench")
        .await
        .unwrap();
    store
        .grant(user, &orgnr, Role::Admin, "bench")
        .await
        .unwrap();
    let cookie = auth::random_token(32);
    store
        .create_session(
            &auth::sha256_hex(&cookie),
            user,
            "csrf",
            grunnmur_store::now() + 86_400,
        )
        .await
        .unwrap();
    let state = AppState::new(store, Arc::new(catalog), Config::default());
    let router = grunnmur_ui::routes().with_state(state.clone());
    // A system and one of its required measures, for the detail pages.
    let d = grunnmur_web::ops::derived(&state, &orgnr).await.unwrap();
    let (n, r) = d
        .assessment
        .systems
        .iter()
        .enumerate()
        .max_by_key(|(_, r)| r.required.len())
        .unwrap();
    let system = d.ws.systems[n].id.clone();
    let measure = state.catalog.catalog.measures[r.required[0] as usize]
        .id
        .clone();
    Site {
        state,
        router,
        cookie: format!("grunnmur_session={cookie}"),
        orgnr,
        system,
        measure,
    }
}

fn get(rt: &tokio::runtime::Runtime, s: &Site, path: &str) -> usize {
    rt.block_on(async {
        let req = Request::get(path)
            .header("cookie", &s.cookie)
            .body(Body::empty())
            .unwrap();
        let res = s.router.clone().oneshot(req).await.unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .len()
    })
}

fn pages(s: &Site) -> Vec<(&'static str, String)> {
    let b = format!("/b/{}", s.orgnr);
    vec![
        ("dashboard", b.clone()),
        ("tasks", format!("{b}/tasks")),
        ("adapt", format!("{b}/adapt")),
        ("systems", format!("{b}/systems")),
        ("system", format!("{b}/systems/{}", s.system)),
        ("why", format!("{b}/why/{}?system={}", s.measure, s.system)),
        ("measures", format!("{b}/measures")),
        (
            "measure-edit",
            format!("{b}/measures/{}?system={}", s.measure, s.system),
        ),
        ("settings", format!("{b}/settings")),
    ]
}

fn bench_site(c: &mut Criterion, rt: &tokio::runtime::Runtime, name: &str, s: &Site) {
    let mut g = c.benchmark_group(format!("pages/{name}"));
    g.sample_size(20);
    for (page, path) in pages(s) {
        let size = get(rt, s, &path);
        eprintln!("{name} {page}: {} KiB", size / 1024);
        g.bench_function(format!("{page}/warm"), |b| b.iter(|| get(rt, s, &path)));
        g.bench_function(format!("{page}/cold"), |b| {
            b.iter(|| {
                s.state.clear_cache();
                get(rt, s, &path)
            })
        });
    }
    g.finish();
}

fn benches(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (bundled, _) = grunnmur_catalog::load_catalog(None);
    let bundled = bundled.expect("bundled catalog");
    let src = Source {
        name: "kommune.yaml".into(),
        text: std::fs::read_to_string(root.join("examples/kommune.yaml")).unwrap(),
    };
    let (decls, _) = grunnmur_catalog::files::load_declarations(
        &root.join("examples/declarations"),
        &bundled.catalog,
        grunnmur_catalog::read_declaration,
    );
    let decls = decls.expect("the example declarations");
    let (demo, _) =
        grunnmur_catalog::read_body_with(&src, &bundled.catalog, &decls).expect("demo body");
    let demo = rt.block_on(site(bundled, demo));
    bench_site(c, &rt, "demo", &demo);

    let spec = Spec {
        systems_per_body: 1_000,
        ..Spec::national()
    };
    let cat_doc = catalog_doc(&spec);
    let src = Source {
        name: "synth".into(),
        text: serde_json::to_string(&cat_doc).unwrap(),
    };
    let synth = check_catalog(&[src]).0.expect("synthetic catalog");
    let big = body_doc(&spec, &cat_doc, 0);
    let big = rt.block_on(site(synth, big));
    bench_site(c, &rt, "1000-systems", &big);
}

criterion_group!(pages_group, benches);
criterion_main!(pages_group);
