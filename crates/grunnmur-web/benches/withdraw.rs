//! Withdrawing a supplier's declaration at national scale, on SQLite: a store with the 600
//! synthetic bodies (`grunnmur-synth`, `Spec::national()`) and 50 published declarations, each
//! linked by 200 bodies. Measured: withdraw one declaration as the API does
//! (`declaration_api::withdraw`), then bring the 200 assessments that link it current the way
//! the server does on their next request (`ops::derived`: read the stored document, resolve it
//! with the published declarations, assess) — one after the other, and as 200 requests at once.
//! Run: `cargo bench -p grunnmur-web --bench withdraw`.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use grunnmur_catalog::{Source, check_catalog};
use grunnmur_store::BodyRow;
use grunnmur_synth::{Spec, body_doc, catalog_doc, declaration_doc, declaration_id, orgnr};
use grunnmur_web::declaration_api::{publish, withdraw};
use grunnmur_web::ops;
use grunnmur_web::state::{AppState, Config};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The organisation that publishes the declarations (not one of the 600 bodies).
fn supplier() -> String {
    orgnr(100_000)
}

fn body_row(s: &AppState, orgnr: &str, name: &str, kind: &str) -> BodyRow {
    BodyRow {
        orgnr: orgnr.into(),
        name: name.into(),
        kind: kind.into(),
        sectors: Vec::new(),
        catalog_id: s.catalog.catalog.id.clone(),
        catalog_version: s.catalog.catalog.version.clone(),
        created_at: grunnmur_store::now(),
    }
}

async fn setup(spec: &Spec, dir: &std::path::Path) -> AppState {
    let doc = catalog_doc(spec);
    let src = Source {
        name: "synth".into(),
        text: serde_json::to_string(&doc).unwrap(),
    };
    let checked = check_catalog(&[src]).0.expect("synthetic catalog is valid");
    let url = format!("sqlite://{}", dir.join("grunnmur.db").display());
    let store = grunnmur_store::open(&url).await.unwrap();
    let s = AppState::new(store, Arc::new(checked), Config::default());
    let row = body_row(&s, &supplier(), "Leverandørene", "supplier");
    s.store.create_body(&row, "bench").await.unwrap();
    for d in 0..spec.declarations {
        let decl = serde_json::to_string(&declaration_doc(spec, &doc, d)).unwrap();
        publish(&s, &supplier(), &declaration_id(d), decl, "bench")
            .await
            .unwrap();
    }
    let (_, decls) = ops::published_declarations(&s).await.unwrap();
    for n in 0..spec.bodies {
        let body = body_doc(spec, &doc, n);
        let row = body_row(&s, &orgnr(n), &body.org.name, body.org.kind.as_str());
        s.store.create_body(&row, "bench").await.unwrap();
        let body = ops::checked(&s.catalog, &decls, "synth", body).unwrap();
        ops::store_doc(&s, &orgnr(n), &body, "bench", "workspace.create", None)
            .await
            .unwrap();
    }
    s
}

/// Declaration `id` counts again (a new version without the withdrawal), and every body that
/// links it has a current assessment in the cache: the state just before a withdrawal.
async fn before(s: &AppState, spec: &Spec, users: &[String]) {
    let doc = catalog_doc(spec);
    let decl = serde_json::to_string(&declaration_doc(spec, &doc, 0)).unwrap();
    publish(s, &supplier(), &declaration_id(0), decl, "bench")
        .await
        .unwrap();
    for o in users {
        ops::derived(s, o).await.unwrap();
    }
}

fn withdrawal(c: &mut Criterion) {
    let spec = Spec::national();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = std::env::temp_dir().join(format!("grunnmur-bench-withdraw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let t = Instant::now();
    let s = rt.block_on(setup(&spec, &dir));
    let users: Vec<String> = spec.users(0).into_iter().map(orgnr).collect();
    eprintln!(
        "store with {} bodies and {} declarations in {:.1?}; declaration {} is linked by {} bodies",
        spec.bodies,
        spec.declarations,
        t.elapsed(),
        declaration_id(0),
        users.len()
    );

    // What is measured does what it says: after it, no assessment of a user counts the
    // declaration any more.
    rt.block_on(async {
        before(&s, &spec, &users).await;
        withdraw(&s, &supplier(), &declaration_id(0), "bench")
            .await
            .unwrap();
        let d = ops::derived(&s, &users[0]).await.unwrap();
        let today = grunnmur_web::state::today();
        let lev = (d.ws.sources.declarations.iter())
            .find(|x| x.id == declaration_id(0))
            .unwrap();
        assert!(!lev.counts(today), "the withdrawal reached the assessment");
    });

    let mut g = c.benchmark_group("withdraw");
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.bench_function("one_declaration_200_bodies_one_by_one", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                rt.block_on(before(&s, &spec, &users));
                let t = Instant::now();
                rt.block_on(async {
                    withdraw(&s, &supplier(), &declaration_id(0), "bench")
                        .await
                        .unwrap();
                    for o in &users {
                        black_box(ops::derived(&s, o).await.unwrap());
                    }
                });
                total += t.elapsed();
            }
            total
        })
    });
    g.bench_function("one_declaration_200_bodies_at_once", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                rt.block_on(before(&s, &spec, &users));
                let t = Instant::now();
                rt.block_on(async {
                    withdraw(&s, &supplier(), &declaration_id(0), "bench")
                        .await
                        .unwrap();
                    let mut all = tokio::task::JoinSet::new();
                    for o in &users {
                        let (s, o) = (s.clone(), o.clone());
                        all.spawn(async move { ops::derived(&s, &o).await.map(|_| ()) });
                    }
                    while let Some(r) = all.join_next().await {
                        r.unwrap().unwrap();
                    }
                });
                total += t.elapsed();
            }
            total
        })
    });
    g.finish();
    std::fs::remove_dir_all(&dir).ok();
}

criterion_group!(benches, withdrawal);
criterion_main!(benches);
