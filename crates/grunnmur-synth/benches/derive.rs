//! Derivation at national scale: all bodies, and one body after one changed level. The bodies
//! have groups, implementations and links to 50 suppliers' declarations (each linked by 200
//! bodies), so every derivation includes the effective statuses of rules 13–15.
//! Run: `cargo bench -p grunnmur-synth --bench derive`.

use criterion::{Criterion, criterion_group, criterion_main};
use grunnmur_catalog::body::OverrideDoc;
use grunnmur_catalog::{Source, check_catalog, resolve_body_with};
use grunnmur_core::level::{Level, PartialLevels};
use grunnmur_core::{Date, assess};
use grunnmur_synth::{Spec, body_doc, catalog_doc, declaration_doc};
use std::hint::black_box;

fn national(c: &mut Criterion) {
    let spec = Spec::national();
    let doc = catalog_doc(&spec);
    let src = Source {
        name: "synth".into(),
        text: serde_json::to_string(&doc).unwrap(),
    };
    let cat = check_catalog(&[src])
        .0
        .expect("synthetic catalog is valid")
        .catalog;
    let decls: Vec<_> = (0..spec.declarations)
        .map(|d| declaration_doc(&spec, &doc, d))
        .collect();
    let bodies: Vec<_> = (0..spec.bodies)
        .map(|n| resolve_body_with("synth", body_doc(&spec, &doc, n), &cat, &decls).unwrap())
        .collect();
    let today = Date::parse("2026-11-28").unwrap();
    let systems: usize = bodies.iter().map(|(_, w)| w.systems.len()).sum();
    let implementations: usize = (bodies.iter())
        .map(|(_, w)| w.sources.implementations.len())
        .sum();
    let links: usize = (bodies.iter())
        .map(|(_, w)| {
            w.sources.org_services.len()
                + w.sources
                    .system_services
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>()
        })
        .sum();
    eprintln!(
        "national case: {} bodies, {systems} systems, {} information types, {} measures, \
         {} declarations, {implementations} implementations, {links} service links",
        bodies.len(),
        cat.info_types.len(),
        cat.measures.len(),
        decls.len(),
    );

    let mut g = c.benchmark_group("derive");
    g.sample_size(10);
    g.bench_function("all_600_bodies", |b| {
        b.iter(|| {
            let mut required = 0usize;
            for (_, ws) in &bodies {
                let a = assess(&cat, ws, today);
                required += a.systems.iter().map(|s| s.required.len()).sum::<usize>();
            }
            black_box(required)
        })
    });

    // One body, one changed level: the change goes through the body file, as an edit would.
    let (body, _) = &bodies[0];
    let mut changed = body.clone();
    let task = &mut changed.tasks[0];
    let it = doc
        .tasks
        .iter()
        .find(|t| Some(&t.id) == task.task.as_ref())
        .unwrap()
        .info_types[0]
        .clone();
    task.overrides.retain(|o| o.info_type != it);
    task.overrides.push(OverrideDoc {
        info_type: it,
        levels: PartialLevels {
            c: Some(Level::Hoy),
            i: None,
            a: None,
        },
        justification: Some("Endret".into()),
    });
    g.sample_size(50);
    g.bench_function("one_body_after_one_change", |b| {
        b.iter(|| {
            let (_, ws) = resolve_body_with("body", changed.clone(), &cat, &decls).unwrap();
            black_box(assess(&cat, &ws, today))
        })
    });
    g.bench_function("one_body_assess_only", |b| {
        let ws = &bodies[0].1;
        b.iter(|| black_box(assess(&cat, ws, today)))
    });
    g.finish();
}

criterion_group!(benches, national);
criterion_main!(benches);
