//! A change to one entry of a draft of the bundled catalog, as the server makes it: the entry
//! put into its file (`draft::put_entry`, with its read-back check), then the whole draft checked
//! (`check_catalog`) — what every `PUT …/entries/{kind}/{id}` costs before the store.
//! Run: `cargo bench -p grunnmur-catalog --bench draft`.

use criterion::{Criterion, criterion_group, criterion_main};
use grunnmur_catalog::draft::{Section, find_entry, put_entry};
use grunnmur_catalog::{check_catalog, files::bundled_sources};
use std::hint::black_box;

fn change(c: &mut Criterion) {
    let files = bundled_sources();
    let mut v = find_entry(&files, Section::Measures, "m.fysisk-perimeter")
        .expect("a bundled measure")
        .value;
    v["level"] = serde_json::json!(2);
    c.bench_function("put_entry (one measure)", |b| {
        b.iter(|| {
            put_entry(
                black_box(&files),
                Section::Measures,
                "m.fysisk-perimeter",
                &v,
                None,
            )
        })
    });
    let after = put_entry(&files, Section::Measures, "m.fysisk-perimeter", &v, None).unwrap();
    c.bench_function("check_catalog (the draft)", |b| {
        b.iter(|| check_catalog(black_box(&after)))
    });
    c.bench_function("a change: put_entry + check_catalog", |b| {
        b.iter(|| {
            let after = put_entry(
                black_box(&files),
                Section::Measures,
                "m.fysisk-perimeter",
                &v,
                None,
            );
            check_catalog(&after.unwrap())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = change
}
criterion_main!(benches);
