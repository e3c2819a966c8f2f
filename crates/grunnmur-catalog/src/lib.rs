//! Grunnmur's file formats: the catalog as code (a folder of YAML files), the body file (one
//! body's workspace), their checks with file and line for every problem, and a semantic diff.
//! Produces the engine's types from `grunnmur-core`; knows nothing of storage or the web.

// A `Problem` carries its place and arguments; it is returned on cold paths only.
#![allow(clippy::result_large_err)]

pub mod body;
pub mod check;
pub mod diff;
pub mod files;
pub mod format;
pub mod problem;
pub mod stats;
pub mod yaml;

pub use body::{BodyDoc, read_body, resolve_body};
pub use check::{CheckedCatalog, Source, check_catalog};
pub use problem::{Problem, ProblemKind, Severity};

/// Reads and checks a catalog from a folder or file, or the bundled one when `path` is `None`.
pub fn load_catalog(path: Option<&std::path::Path>) -> (Option<CheckedCatalog>, Vec<Problem>) {
    let sources = match path {
        Some(p) => match files::read_sources(p) {
            Ok(s) => s,
            Err(p) => return (None, vec![p]),
        },
        None => files::bundled_sources(),
    };
    check_catalog(&sources)
}
