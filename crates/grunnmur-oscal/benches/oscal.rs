//! OSCAL benchmarks on real data (scripts/fetch-oscal-data.sh): resolving FedRAMP rev5 HIGH
//! against the NIST SP 800-53 rev5 catalog, and importing the NIST catalog as a measure bank.
//!
//!     scripts/fetch-oscal-data.sh
//!     cargo bench -p grunnmur-oscal --bench oscal
//!
//! Each resolution reads and parses the files anew (nothing is cached between iterations), as
//! `grunnmur oscal resolve` does.

use criterion::{Criterion, criterion_group, criterion_main};
use grunnmur_catalog::{Source, check_catalog};
use grunnmur_oscal::import::{ImportOptions, import_catalog};
use grunnmur_oscal::model::Catalog;
use grunnmur_oscal::{Document, FsLoader, ResolveOptions, parse_document, resolve_key};
use std::hint::black_box;
use std::path::PathBuf;

// The allocator the `grunnmur` binary uses: OSCAL documents are many small strings.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn data() -> PathBuf {
    match std::env::var_os("GRUNNMUR_OSCAL_DATA") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/oscal-data"),
    }
}

fn key(p: PathBuf) -> String {
    std::fs::canonicalize(&p).unwrap_or(p).display().to_string()
}

fn benches(c: &mut Criterion) {
    let d = data();
    let nist = d.join("nist/NIST_SP-800-53_rev5_catalog.json");
    if !nist.is_file() {
        eprintln!(
            "oscal benches NOT RUN: no data at {} (run scripts/fetch-oscal-data.sh)",
            d.display()
        );
        return;
    }
    let profile = |b: &str| key(d.join(format!("fedramp/FedRAMP_rev5_{b}-baseline_profile.json")));
    let opts = ResolveOptions::default();

    let high = profile("HIGH");
    c.bench_function("resolve FedRAMP HIGH against NIST rev5", |b| {
        b.iter(|| {
            let r = resolve_key(&FsLoader, black_box(&high), &opts).unwrap();
            assert_eq!(r.catalog.control_ids().len(), 410);
        })
    });

    let baselines: Vec<Catalog> = ["LOW", "MODERATE", "HIGH"]
        .iter()
        .map(|b| resolve_key(&FsLoader, &profile(b), &opts).unwrap().catalog)
        .collect();
    let refs: Vec<&Catalog> = baselines.iter().collect();
    let (base, _) = grunnmur_catalog::load_catalog(None);
    let base = base.unwrap().doc;
    let iopts = ImportOptions {
        id: "nist".into(),
        beside: false,
    };
    let nist_key = key(nist);
    c.bench_function(
        "import NIST rev5 catalog as measure bank (read, parse, map)",
        |b| {
            b.iter(|| {
                let text = std::fs::read_to_string(black_box(&nist_key)).unwrap();
                let Ok(Document::Catalog(cat)) = parse_document(&nist_key, &text) else {
                    panic!("not a catalog")
                };
                let i = import_catalog(&cat, &refs, &base, &iopts).unwrap();
                assert_eq!(i.counts[0], 156);
            })
        },
    );

    let text = std::fs::read_to_string(&nist_key).unwrap();
    let Ok(Document::Catalog(cat)) = parse_document(&nist_key, &text) else {
        panic!("not a catalog")
    };
    let imported = import_catalog(&cat, &refs, &base, &iopts).unwrap();
    let json = serde_json::to_string(&imported.doc).unwrap();
    let mut g = c.benchmark_group("slow");
    g.sample_size(10);
    g.bench_function(
        "check the imported NIST measure bank (catalog checks)",
        |b| {
            b.iter(|| {
                let (checked, _) = check_catalog(&[Source {
                    name: "nist.json".into(),
                    text: black_box(json.clone()),
                }]);
                assert!(checked.is_some());
            })
        },
    );
    g.finish();
}

criterion_group!(oscal, benches);
criterion_main!(oscal);
