//! Where the real data lives, and what to do when it is not there.
#![allow(dead_code)]

use std::path::PathBuf;

/// True when CI demands the real data (`GRUNNMUR_REQUIRE_OSCAL_DATA=1`).
pub fn required() -> bool {
    std::env::var("GRUNNMUR_REQUIRE_OSCAL_DATA").is_ok_and(|v| v == "1")
}

/// The folder `scripts/fetch-oscal-data.sh` fills: `$GRUNNMUR_OSCAL_DATA`, or
/// `target/oscal-data` in the workspace.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("GRUNNMUR_OSCAL_DATA") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/oscal-data"),
    }
}

/// BSI's data, in the repository beside the tests (`tests/data/bsi`, CC BY-SA 4.0, see its
/// README); `$GRUNNMUR_BSI_DATA` overrides.
pub fn bsi_dir() -> PathBuf {
    match std::env::var_os("GRUNNMUR_BSI_DATA") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/bsi"),
    }
}

/// The file, or `None` after saying plainly that the test did not run. Panics (fails the test)
/// when the data is required.
pub fn real_file(path: PathBuf, test: &str, how: &str) -> Option<PathBuf> {
    if path.is_file() {
        return Some(path);
    }
    if required() {
        panic!(
            "{test}: real OSCAL data missing at {} and GRUNNMUR_REQUIRE_OSCAL_DATA=1; {how}",
            path.display()
        );
    }
    eprintln!(
        "{test}: NOT RUN: real OSCAL data missing at {} ({how})",
        path.display()
    );
    None
}

pub const FETCH: &str = "run scripts/fetch-oscal-data.sh first";

/// An example body (`examples/<name>`) resolved against `catalog` with the suppliers'
/// declarations it links (`examples/declarations`).
pub fn example_workspace(name: &str, catalog: &grunnmur_core::Catalog) -> grunnmur_core::Workspace {
    example_with_declarations(name, catalog).0
}

/// As [`example_workspace`], with the declarations it was resolved with.
pub fn example_with_declarations(
    name: &str,
    catalog: &grunnmur_core::Catalog,
) -> (
    grunnmur_core::Workspace,
    Vec<grunnmur_catalog::DeclarationDoc>,
) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let src = grunnmur_catalog::files::read_source(&root.join(name)).unwrap();
    let (decls, problems) = grunnmur_catalog::files::load_declarations(
        &root.join("declarations"),
        catalog,
        grunnmur_catalog::read_declaration,
    );
    let decls = decls.unwrap_or_else(|| panic!("examples/declarations: {problems:?}"));
    let ws = grunnmur_catalog::read_body_with(&src, catalog, &decls)
        .unwrap_or_else(|p| panic!("{name}: {p:?}"))
        .1;
    (ws, decls)
}
