//! Phase timings of resolving a profile: `cargo run --release -p grunnmur-oscal --example timing -- PROFILE CATALOG`.
use grunnmur_oscal::{FsLoader, ResolveOptions, parse_document, resolve_key};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (profile, catalog) = (&args[1], &args[2]);
    let t = Instant::now();
    let text = std::fs::read_to_string(catalog).unwrap();
    let read = t.elapsed();
    let _v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let value = t.elapsed() - read;
    let t2 = Instant::now();
    let _doc = parse_document(catalog, &text).unwrap();
    let typed = t2.elapsed();
    let t3 = Instant::now();
    let key = std::fs::canonicalize(profile)
        .unwrap()
        .display()
        .to_string();
    let r = resolve_key(&FsLoader, &key, &ResolveOptions::default()).unwrap();
    let resolve = t3.elapsed();
    eprintln!(
        "read {read:?}  parse-as-Value {value:?}  parse-typed {typed:?}  resolve-total {resolve:?}  controls {}",
        r.catalog.control_ids().len()
    );
}
