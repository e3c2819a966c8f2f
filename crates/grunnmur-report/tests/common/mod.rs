//! Shared fixtures: the bundled catalog, the example bodies, their assessments.
#![allow(dead_code)]

use grunnmur_catalog::{BodyDoc, CheckedCatalog, load_catalog, read_body};
use grunnmur_core::report::AssessReport;
use grunnmur_core::{Date, assess};
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn catalog() -> &'static CheckedCatalog {
    static C: OnceLock<CheckedCatalog> = OnceLock::new();
    C.get_or_init(|| {
        let (c, problems) = load_catalog(None);
        c.unwrap_or_else(|| panic!("bundled catalog: {problems:?}"))
    })
}

pub fn example_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

pub fn today() -> Date {
    Date::parse("2026-11-28").unwrap()
}

pub fn body(name: &str) -> BodyDoc {
    let src = grunnmur_catalog::files::read_source(&example_path(name)).unwrap();
    read_body(&src, &catalog().catalog)
        .unwrap_or_else(|p| panic!("{name}: {p:?}"))
        .0
}

pub fn report_for(doc: &BodyDoc) -> AssessReport {
    let cat = &catalog().catalog;
    let (_, ws) = grunnmur_catalog::resolve_body("test", doc.clone(), cat).unwrap();
    let a = assess(cat, &ws, today());
    AssessReport::new(cat, &ws, &a, today())
}
