//! The one harness of the integration tests (a dev-dependency only): fresh stores on SQLite and
//! — when `GRUNNMUR_TEST_POSTGRES_URL` is set — PostgreSQL, the small catalog and municipality,
//! a real server on a free port, API callers holding a session or a token ([`App`], [`Who`]),
//! and browsers signed in through the login form ([`Site`], [`Session`]).
//!
//! Integration tests link the crates' normal libraries, as this crate does, so the types match.
//! The store's own tests use `grunnmur_store::testing` directly (re-exported here).

pub mod api;
pub mod browser;
pub mod fixtures;
pub mod smtp;

pub use api::{App, NOBODY, Res, Who};
pub use browser::{
    Session, Site, browser, csrf_in, listen, location, set_cookie, set_cookie_header,
};
pub use fixtures::*;
pub use grunnmur_store::testing;
pub use smtp::SmtpSink;

/// A fresh key for the servers the tests start to sign attestations with.
pub fn test_key() -> grunnmur_attest::SigningKey {
    grunnmur_attest::SigningKey::generate().expect("the operating system's random source")
}
