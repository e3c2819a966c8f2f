//! Shared fixtures: the bundled catalog, the example bodies, their assessments.
#![allow(dead_code)]

use grunnmur_catalog::{
    BodyDoc, CheckedCatalog, DeclarationDoc, load_catalog, read_body_with, read_declaration,
};
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

/// The suppliers' declarations the example municipality links (examples/declarations/).
pub fn declarations() -> &'static [DeclarationDoc] {
    static D: OnceLock<Vec<DeclarationDoc>> = OnceLock::new();
    D.get_or_init(|| {
        let dir = example_path("declarations");
        let (docs, problems) =
            grunnmur_catalog::files::load_declarations(&dir, &catalog().catalog, read_declaration);
        docs.unwrap_or_else(|| panic!("examples/declarations: {problems:?}"))
    })
}

/// Workbook import settings that know the example's declarations.
pub fn import_options() -> grunnmur_report::ImportOptions {
    grunnmur_report::ImportOptions {
        declarations: declarations().to_vec(),
        ..grunnmur_report::ImportOptions::default()
    }
}

pub fn body(name: &str) -> BodyDoc {
    let src = grunnmur_catalog::files::read_source(&example_path(name)).unwrap();
    read_body_with(&src, &catalog().catalog, declarations())
        .unwrap_or_else(|p| panic!("{name}: {p:?}"))
        .0
}

pub fn report_for(doc: &BodyDoc) -> AssessReport {
    let cat = &catalog().catalog;
    let (_, ws) =
        grunnmur_catalog::resolve_body_with("test", doc.clone(), cat, declarations()).unwrap();
    let a = assess(cat, &ws, today());
    AssessReport::new(cat, &ws, &a, today())
}

/// Whether `lines` are `text` broken only at spaces and after its own hyphens: each line is the
/// next part of the text, and what follows it is a space or the line ends with a hyphen.
fn breaks_only_between_words(text: &str, lines: &[String]) -> bool {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut rest = text.as_str();
    for line in lines {
        let Some(after) = rest.strip_prefix(line.trim()) else {
            return false;
        };
        rest = match after.strip_prefix(' ') {
            Some(r) => r,
            None if after.is_empty() || line.trim_end().ends_with('-') => after,
            None => return false,
        };
    }
    rest.is_empty()
}

/// The cells of `doc`'s PDF tables whose lines break inside a word, as their lines.
pub fn words_split_in_pdf_tables(doc: &grunnmur_report::doc::Doc) -> Vec<Vec<String>> {
    let tables = grunnmur_report::pdf::table_lines(doc).unwrap();
    assert!(!tables.is_empty());
    tables
        .iter()
        .flat_map(|t| t.rows.iter().flatten())
        .filter(|cell| !breaks_only_between_words(&cell.text, &cell.lines))
        .map(|cell| cell.lines.clone())
        .collect()
}
