//! Shared state: the store, the catalog, and the assessment cache. The cache is keyed by the
//! workspace's version in the database, so a change through another server invalidates it.

use grunnmur_catalog::CheckedCatalog;
use grunnmur_core::Date;
use grunnmur_store::Storage;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
pub struct Config {
    /// Mark the session cookie `Secure` (on unless serving plain HTTP to non-local clients
    /// behind nothing at all; browsers accept Secure cookies on http://localhost).
    pub secure_cookies: bool,
    /// Session lifetime in seconds.
    pub session_seconds: i64,
    /// Failed logins per account allowed within `login_window_seconds`.
    pub login_attempts: i64,
    pub login_window_seconds: i64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            secure_cookies: true,
            session_seconds: 8 * 3600,
            login_attempts: 5,
            login_window_seconds: 15 * 60,
        }
    }
}

/// A derived assessment for one workspace version and one day.
pub struct Cached {
    pub version: i64,
    pub today: Date,
    /// Shared, so each reader holds a reference count, not a copy.
    pub derived: std::sync::Arc<crate::ops::Derived>,
}

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Storage>,
    pub catalog: Arc<CheckedCatalog>,
    pub config: Arc<Config>,
    pub cache: Arc<Mutex<HashMap<String, Arc<Cached>>>>,
}

impl AppState {
    pub fn new(store: Arc<dyn Storage>, catalog: Arc<CheckedCatalog>, config: Config) -> AppState {
        AppState {
            store,
            catalog,
            config: Arc::new(config),
            cache: Arc::new(Mutex::new(HashMap::new())),
        }
    }
}

/// Today in UTC: the one place the server reads the clock for the engine.
pub fn today() -> Date {
    Date::from_days_since_epoch(grunnmur_store::now().div_euclid(86_400))
}
