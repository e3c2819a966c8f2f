//! Grunnmur's file formats: the catalog as code (a folder of YAML files), the body file (one
//! body's workspace), their checks with file and line for every problem, and a semantic diff.
//! Produces the engine's types from `grunnmur-core`; knows nothing of storage or the web.

// A `Problem` carries its place and arguments; it is returned on cold paths only.
#![allow(clippy::result_large_err)]

pub mod body;
pub mod check;
pub mod declaration;
pub mod diff;
pub mod draft;
pub mod files;
pub mod format;
pub mod problem;
pub mod stats;
pub mod yaml;

pub use body::{BodyDoc, read_body, read_body_with, resolve_body, resolve_body_with};
pub use check::{CheckedCatalog, Mode, Source, check_catalog, check_catalog_as, check_published};
pub use declaration::{DeclarationDoc, Declared, read_declaration, read_declarations};
pub use problem::{Problem, ProblemKind, Severity};

/// Reads and checks a catalog from a folder or file, or the bundled one when `path` is `None`,
/// as a new catalog ([`Mode::New`]).
pub fn load_catalog(path: Option<&std::path::Path>) -> (Option<CheckedCatalog>, Vec<Problem>) {
    load_catalog_as(path, Mode::New)
}

/// Reads and checks a catalog as [`load_catalog`] does, in `mode`: [`Mode::Published`] reads
/// the files of a release published before catalogs named their owners.
pub fn load_catalog_as(
    path: Option<&std::path::Path>,
    mode: Mode,
) -> (Option<CheckedCatalog>, Vec<Problem>) {
    let sources = match path {
        Some(p) => match files::read_sources(p) {
            Ok(s) => s,
            Err(p) => return (None, vec![p]),
        },
        None => files::bundled_sources(),
    };
    check_catalog_as(&sources, mode)
}

/// Reads and checks a catalog as [`load_catalog`] does, and also gives its files as a release
/// is published: named `catalog/…` relative to the catalog's folder, as the bundled ones are,
/// so the same files make the same release wherever they lie.
pub fn load_release(
    path: Option<&std::path::Path>,
) -> (Option<(CheckedCatalog, Vec<Source>)>, Vec<Problem>) {
    let sources = match path {
        Some(p) => match files::read_sources(p) {
            Ok(s) => s,
            Err(p) => return (None, vec![p]),
        },
        None => files::bundled_sources(),
    };
    let (checked, problems) = check_catalog(&sources);
    let Some(checked) = checked else {
        return (None, problems);
    };
    let files = sources
        .into_iter()
        .map(|s| Source {
            name: match path {
                Some(root) => files::release_name(root, &s.name),
                None => s.name,
            },
            text: s.text,
        })
        .collect();
    (Some((checked, files)), problems)
}
