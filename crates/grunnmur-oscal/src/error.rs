//! Errors. Each names its place: the document (href or file), and the JSON path or the
//! control, parameter or resource it concerns. Messages are English here; the CLI shows them
//! after a localised lead-in.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq)]
pub enum OscalError {
    #[error("{href}: cannot read: {detail}")]
    Unreachable { href: String, detail: String },
    #[error("{href}: not valid JSON or YAML at line {line}: {detail}")]
    Syntax {
        href: String,
        line: u32,
        detail: String,
    },
    #[error("{href}: invalid OSCAL document at {path}: {detail}")]
    Invalid {
        href: String,
        path: String,
        detail: String,
    },
    #[error(
        "{href}: outside the folders resolution may read (the profile's folder and each --allow-path)"
    )]
    Outside { href: String },
    #[error("{href}: expected {expected}, found {found}")]
    WrongModel {
        href: String,
        expected: String,
        found: String,
    },
    #[error("{href}: circular import: {chain}")]
    CircularImport { href: String, chain: String },
    #[error("{href}: imports[{index}]: no back-matter resource with uuid {uuid}")]
    MissingResource {
        href: String,
        index: usize,
        uuid: String,
    },
    #[error("{href}: imports[{index}]: back-matter resource {uuid} has no usable rlink")]
    ResourceWithoutLink {
        href: String,
        index: usize,
        uuid: String,
    },
    #[error("{href}: imports[{index}]: control ids not in the imported document: {ids}")]
    MissingControls {
        href: String,
        index: usize,
        ids: String,
    },
    #[error("{href}: imports[{index}].{field}: invalid pattern '{pattern}'")]
    BadPattern {
        href: String,
        index: usize,
        field: String,
        pattern: String,
    },
    #[error("{href}: merge: more than one structuring directive (as-is, flat, custom)")]
    ManyStructures { href: String },
    #[error("{href}: imports[{index}]: neither include-all nor include-controls")]
    NoSelection { href: String, index: usize },
    #[error("{href}: profile imports nothing")]
    NoImports { href: String },
    #[error("{what}: {detail}")]
    Import { what: String, detail: String },
}

/// Something resolution or import noticed that the specification lets pass (for example a
/// parameter setting for a parameter that no selected control has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}
