//! Shared state: the store, the catalog, and the assessment cache. The cache is keyed by the
//! workspace's version in the database, so a change through another server invalidates it.

use crate::error::ApiError;
use grunnmur_catalog::{CheckedCatalog, Source, check_published};
use grunnmur_core::Date;
use grunnmur_store::Storage;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug)]
pub struct Config {
    /// Mark the session cookie `Secure` (on unless serving plain HTTP to non-local clients
    /// behind nothing at all; browsers accept Secure cookies on http://localhost).
    pub secure_cookies: bool,
    /// Session lifetime in seconds.
    pub session_seconds: i64,
    /// Sign-in throttling: per account and client address, and per address.
    pub throttle: crate::throttle::Throttle,
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`); no other peer's.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The address users reach the server at (`--public-url`): with https, every answer
    /// carries HSTS, a change must come from exactly this origin, and one-time links handed
    /// over by hand start with it (without it, they are paths).
    pub public_url: Option<String>,
    /// A session with no request for this many seconds is over (the idle timeout).
    pub idle_seconds: i64,
    /// The time zone pages show times in (`--time-zone`, an IANA name); stored times are UTC.
    pub time_zone: String,
    /// The bound of the assessment cache in bytes (`--cache-mb`): the least recently used
    /// bodies leave it first.
    pub cache_bytes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            secure_cookies: true,
            session_seconds: 8 * 3600,
            throttle: Default::default(),
            trusted_proxies: Vec::new(),
            public_url: None,
            idle_seconds: 30 * 60,
            time_zone: "Europe/Oslo".into(),
            cache_bytes: 256 << 20,
        }
    }
}

/// A derived assessment for one workspace version and one day.
pub struct Cached {
    pub version: i64,
    pub today: Date,
    /// The declarations' generation it was derived at.
    pub declarations: i64,
    /// Shared, so each reader holds a reference count, not a copy.
    pub derived: std::sync::Arc<crate::ops::Derived>,
    /// When it was last read (a tick of `AppState::clock`): the least recent leaves first.
    pub last_used: AtomicU64,
}

type ReleaseKey = (String, String);

/// A draft's catalog as checked, with the revision it was checked at.
pub type CheckedDraft = (i64, Arc<CheckedCatalog>);

/// The published declarations, and the store's generation they were read at.
pub type PublishedDeclarations = (i64, Arc<Vec<grunnmur_catalog::DeclarationDoc>>);

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Storage>,
    /// The release this server was started with: new bodies are pinned to it, and the
    /// catalog pages and `/api/catalog` show it.
    pub catalog: Arc<CheckedCatalog>,
    /// Other published releases, read and checked once each.
    releases: Arc<Mutex<HashMap<ReleaseKey, Arc<CheckedCatalog>>>>,
    /// Each draft's catalog as last checked, with the revision it was checked at (one per
    /// draft: a change replaces it).
    pub drafts: Arc<Mutex<HashMap<i64, CheckedDraft>>>,
    pub config: Arc<Config>,
    cache: Arc<Mutex<HashMap<String, Arc<Cached>>>>,
    /// Ticks on every read of the cache.
    clock: Arc<AtomicU64>,
    /// Every public body's contribution to the figures across bodies, and the figures made.
    pub national: Arc<crate::contributions::Kept>,
    /// The published declarations and the generation they were read at.
    pub declarations: Arc<Mutex<Option<PublishedDeclarations>>>,
    /// Sign-in through an OpenID Connect provider, when one is configured.
    pub oidc: Option<Arc<grunnmur_oidc::Provider>>,
    /// Summarises floods of security events (see `security::Gate`).
    pub gate: Arc<crate::security::Gate>,
    /// The key that signs attestations, when the server has one (`serve` always does).
    pub attest_key: Option<Arc<grunnmur_attest::SigningKey>>,
}

impl AppState {
    pub fn new(store: Arc<dyn Storage>, catalog: Arc<CheckedCatalog>, config: Config) -> AppState {
        AppState {
            store,
            catalog,
            config: Arc::new(config),
            cache: Arc::new(Mutex::new(HashMap::new())),
            clock: Arc::default(),
            national: Arc::default(),
            declarations: Arc::default(),
            releases: Arc::new(Mutex::new(HashMap::new())),
            drafts: Arc::default(),
            oidc: None,
            gate: Arc::default(),
            attest_key: None,
        }
    }

    /// A published catalog release: the server's own, or one read from the store.
    pub async fn release(
        &self,
        catalog_id: &str,
        version: &str,
    ) -> Result<Arc<CheckedCatalog>, ApiError> {
        let own = &self.catalog.catalog;
        if own.id == catalog_id && own.version == version {
            return Ok(self.catalog.clone());
        }
        let key = (catalog_id.to_string(), version.to_string());
        if let Some(c) = self.releases.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(c);
        }
        let missing = || ApiError::Internal(format!("catalog release {catalog_id} {version}"));
        let text = self
            .store
            .release_sources(catalog_id, version)
            .await?
            .ok_or_else(missing)?;
        let sources: Vec<Source> =
            serde_json::from_str(&text).map_err(|e| ApiError::Internal(e.to_string()))?;
        // As published: a release from before catalogs named their owners still reads.
        let checked = Arc::new(check_published(&sources).0.ok_or_else(missing)?);
        if let Ok(mut m) = self.releases.lock() {
            m.insert(key, checked.clone());
        }
        Ok(checked)
    }

    /// The cached assessment of this version, day and declarations' generation, if any.
    pub fn cached(
        &self,
        orgnr: &str,
        version: i64,
        today: Date,
        generation: i64,
    ) -> Option<Arc<crate::ops::Derived>> {
        let c = self.cache.lock().ok()?.get(orgnr).cloned()?;
        if c.version != version || c.today != today || c.declarations != generation {
            return None;
        }
        let tick = self.clock.fetch_add(1, Ordering::Relaxed);
        c.last_used.store(tick, Ordering::Relaxed);
        Some(c.derived.clone())
    }

    /// Keeps a body's assessment, then brings the cache within its bound.
    pub fn remember(&self, orgnr: &str, c: Cached) {
        let tick = self.clock.fetch_add(1, Ordering::Relaxed);
        c.last_used.store(tick, Ordering::Relaxed);
        if let Ok(mut m) = self.cache.lock() {
            m.insert(orgnr.to_string(), Arc::new(c));
        }
        self.trim_cache();
    }

    /// Drops the least recently used assessments until the rest weigh no more than the bound
    /// (`Config::cache_bytes`); the most recent one stays, however large, as a reader holds it.
    /// Called again when a kept assessment grows (its JSON made for the API).
    pub fn trim_cache(&self) {
        let Ok(mut m) = self.cache.lock() else { return };
        let mut total: usize = m.values().map(|c| c.derived.weight()).sum();
        while total > self.config.cache_bytes && m.len() > 1 {
            let oldest = (m.iter())
                .min_by_key(|(_, c)| c.last_used.load(Ordering::Relaxed))
                .map(|(k, c)| (k.clone(), c.derived.weight()));
            let Some((key, weight)) = oldest else { break };
            m.remove(&key);
            total = total.saturating_sub(weight);
        }
    }

    /// Empties the assessment cache (benchmarks of a cold start).
    pub fn clear_cache(&self) {
        if let Ok(mut m) = self.cache.lock() {
            m.clear();
        }
    }

    /// The cache's content: bodies and estimated bytes (for the tests and the operators' log).
    pub fn cache_weight(&self) -> (usize, usize) {
        (self.cache.lock().ok())
            .map(|m| (m.len(), m.values().map(|c| c.derived.weight()).sum()))
            .unwrap_or_default()
    }

    pub fn with_attest_key(mut self, key: grunnmur_attest::SigningKey) -> AppState {
        self.attest_key = Some(Arc::new(key));
        self
    }

    pub fn with_oidc(mut self, provider: grunnmur_oidc::Provider) -> AppState {
        self.oidc = Some(Arc::new(provider));
        self
    }
}

/// Today in UTC: the one place the server reads the clock for the engine.
pub fn today() -> Date {
    Date::from_days_since_epoch(grunnmur_store::now().div_euclid(86_400))
}
