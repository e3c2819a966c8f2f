//! OSCAL exchange for Grunnmur: OSCAL documents as types, profile resolution as NIST's
//! specification describes it, export of the measure bank (catalog), the baselines and sector
//! profiles (profiles) and a body's systems (system security plans), and import of any OSCAL
//! catalog with its baseline profiles as a measure bank.
//!
//! Pure: documents in, documents out. Reading files happens at the edge ([`load::FsLoader`]).

pub mod error;
pub mod export;
pub mod import;
pub mod load;
pub mod model;
pub mod resolve;

pub use error::{OscalError, Warning};
pub use load::{FsLoader, Loader, MemLoader, parse_document};
pub use model::Document;
pub use resolve::{ResolveOptions, Resolved, resolve, resolve_key};

/// The OSCAL version Grunnmur writes.
pub const OSCAL_VERSION: &str = "1.1.3";
