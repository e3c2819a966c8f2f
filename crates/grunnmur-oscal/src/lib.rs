//! OSCAL exchange for Grunnmur: OSCAL documents as types, profile resolution as NIST's
//! specification describes it, export of the measure bank (catalog), the baselines and sector
//! profiles (profiles) and a body's systems (system security plans), and import of any OSCAL
//! catalog with its baseline profiles as a measure bank.
//!
//! Pure: documents in, documents out. Reading files happens at the edge ([`load::FsLoader`]).

pub mod component;
pub mod error;
pub mod export;
pub mod import;
mod lazy;
pub mod load;
pub mod model;
pub mod resolve;
pub mod ssp;

pub use error::{OscalError, Warning};
pub use load::{ConfinedLoader, FsLoader, Loader, MemLoader, parse_document};
pub use model::Document;
pub use resolve::{ResolveOptions, Resolved, resolve, resolve_confined, resolve_key};

/// The OSCAL version Grunnmur writes.
pub const OSCAL_VERSION: &str = "1.1.3";

/// An RFC 3339 UTC timestamp (`2026-11-28T12:34:56Z`) for seconds since the Unix epoch. The
/// caller reads the clock; the library stays pure.
pub fn timestamp_from_unix(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn timestamps() {
        assert_eq!(super::timestamp_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            super::timestamp_from_unix(951_782_400),
            "2000-02-29T00:00:00Z"
        );
        assert_eq!(
            super::timestamp_from_unix(1_795_872_896),
            "2026-11-28T13:34:56Z"
        );
    }
}
