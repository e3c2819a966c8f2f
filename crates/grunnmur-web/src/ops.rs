//! The workspace operations every view shares (the REST API, the web pages): read the stored
//! body file, change it through the same checks as any body file, store it with the version
//! read, and derive the engine's result once per workspace version and day.

use crate::error::ApiError;
use crate::state::{AppState, Cached, today};
use grunnmur_catalog::body::BodyDoc;
use grunnmur_catalog::{CheckedCatalog, DeclarationDoc, resolve_body_with};
use grunnmur_core::report::AssessReport;
use grunnmur_core::workspace::Workspace;
use grunnmur_core::{Assessment, Date};
use grunnmur_store::WorkspaceWrite;
use std::any::Any;
use std::sync::{Arc, OnceLock};

/// Checks a body document against a catalog and the published declarations its services may
/// name; every problem or nothing.
pub fn checked(
    cat: &CheckedCatalog,
    declarations: &[DeclarationDoc],
    name: &str,
    doc: BodyDoc,
) -> Result<BodyDoc, ApiError> {
    resolve_body_with(name, doc, &cat.catalog, declarations)
        .map(|(doc, _)| doc)
        .map_err(ApiError::Invalid)
}

/// The published declarations, the latest version of each, and the generation they were read
/// at: read again only when a declaration changed, on any server.
pub async fn published_declarations(
    s: &AppState,
) -> Result<crate::state::PublishedDeclarations, ApiError> {
    let generation = s.store.declarations_generation().await?;
    if let Some((g, docs)) = s.declarations.lock().ok().and_then(|c| c.clone())
        && g == generation
    {
        return Ok((g, docs));
    }
    // Rows newer than the generation read are harmless: the next request sees a higher one.
    let rows = s.store.declarations().await?;
    let docs: Vec<DeclarationDoc> = (rows.iter())
        .filter_map(|r| serde_json::from_str(&r.doc).ok())
        .collect();
    let docs = Arc::new(docs);
    if let Ok(mut c) = s.declarations.lock() {
        *c = Some((generation, docs.clone()));
    }
    Ok((generation, docs))
}

/// The catalog release the body is pinned to.
pub async fn body_catalog(s: &AppState, orgnr: &str) -> Result<Arc<CheckedCatalog>, ApiError> {
    let body = s.store.body(orgnr).await?.ok_or(ApiError::NotFound)?;
    s.release(&body.catalog_id, &body.catalog_version).await
}

/// Stores a checked document; with `expected_version`, only if nobody changed it since.
pub async fn store_doc(
    s: &AppState,
    orgnr: &str,
    doc: &BodyDoc,
    actor: &str,
    action: &str,
    expected_version: Option<i64>,
) -> Result<i64, ApiError> {
    let text = serde_json::to_string(doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let w = WorkspaceWrite {
        orgnr,
        doc: &text,
        actor,
        action,
        expected_version,
    };
    Ok(s.store.put_workspace(w).await?)
}

pub async fn load_doc(s: &AppState, orgnr: &str) -> Result<(BodyDoc, i64), ApiError> {
    let row = s.store.workspace(orgnr).await?.ok_or(ApiError::NotFound)?;
    let doc = serde_json::from_str(&row.doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((doc, row.version))
}

/// Read, change, check, write with the version read: a concurrent change is refused, not lost,
/// and a change that breaks a rule stores nothing.
pub async fn change_doc(
    s: &AppState,
    orgnr: &str,
    actor: &str,
    action: &str,
    change: impl FnOnce(&mut BodyDoc) -> Result<(), ApiError>,
) -> Result<i64, ApiError> {
    let (text, version) = changed_doc(s, orgnr, change).await?;
    let w = WorkspaceWrite {
        orgnr,
        doc: &text,
        actor,
        action,
        expected_version: Some(version),
    };
    Ok(s.store.put_workspace(w).await?)
}

/// The stored document changed and checked, as the text to store and the version it was read
/// at: for writes that store more than the document in the same transaction.
pub async fn changed_doc(
    s: &AppState,
    orgnr: &str,
    change: impl FnOnce(&mut BodyDoc) -> Result<(), ApiError>,
) -> Result<(String, i64), ApiError> {
    let (mut doc, version) = load_doc(s, orgnr).await?;
    let cat = body_catalog(s, orgnr).await?;
    let (_, declarations) = published_declarations(s).await?;
    change(&mut doc)?;
    let doc = checked(&cat, &declarations, "request", doc)?;
    let text = serde_json::to_string(&doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((text, version))
}

/// One workspace version, resolved against the body's catalog release and assessed.
pub struct Derived {
    pub version: i64,
    /// The release the body was pinned to at this version.
    pub catalog: Arc<CheckedCatalog>,
    pub today: Date,
    /// The published declarations this version was resolved with.
    pub declarations: Arc<Vec<DeclarationDoc>>,
    pub doc: BodyDoc,
    pub ws: Workspace,
    pub assessment: Assessment,
    /// The stored document's length: what the weight of the parts above is estimated from.
    doc_bytes: usize,
    overview: OnceLock<AssessReport>,
    json: OnceLock<axum::body::Bytes>,
    gzip: OnceLock<axum::body::Bytes>,
    overview_json: OnceLock<axum::body::Bytes>,
    /// What views make from this version, by key (a page's figures in one language, say).
    views: std::sync::Mutex<std::collections::HashMap<String, Arc<dyn Any + Send + Sync>>>,
}

/// Memory held by the parsed document, the resolved workspace and the assessment, per byte of
/// the stored document (measured with `scripts/cache-bound.sh`; see docs/PERFORMANCE.md).
const WEIGHT_PER_DOC_BYTE: usize = 64;

impl Derived {
    /// An estimate of the memory this version holds, in bytes: what the cache's bound counts.
    pub fn weight(&self) -> usize {
        let bytes = |b: &OnceLock<axum::body::Bytes>| b.get().map_or(0, |b| b.len());
        let made = bytes(&self.json) + bytes(&self.gzip) + bytes(&self.overview_json);
        // The overview report holds about twice what its JSON holds.
        let overview = if self.overview.get().is_some() {
            2 * bytes(&self.overview_json).max(self.doc_bytes)
        } else {
            0
        };
        self.doc_bytes * WEIGHT_PER_DOC_BYTE + made + overview
    }

    /// The engine's report with every trail: made for the caller and not kept, as it is most
    /// of a large body's memory (views use [`Derived::overview`]; the API keeps its JSON).
    pub fn report(&self) -> AssessReport {
        AssessReport::new(
            &self.catalog.catalog,
            &self.ws,
            &self.assessment,
            self.today,
        )
    }

    /// The engine's report without the trails, made on first use: for views that count and
    /// summarise — the dashboard, report documents, the risk list — which need no trails.
    pub fn overview(&self) -> &AssessReport {
        self.overview.get_or_init(|| {
            AssessReport::without_trails(
                &self.catalog.catalog,
                &self.ws,
                &self.assessment,
                self.today,
            )
        })
    }

    /// Exactly the JSON of `grunnmur assess`, made on first use and shared after.
    pub fn json(&self) -> Result<axum::body::Bytes, ApiError> {
        if let Some(j) = self.json.get() {
            return Ok(j.clone());
        }
        let bytes = axum::body::Bytes::from(
            serde_json::to_vec(&self.report()).map_err(|e| ApiError::Internal(e.to_string()))?,
        );
        Ok(self.json.get_or_init(|| bytes).clone())
    }

    /// The JSON without the trails (`explain` empty): `?explain=false`. For a large body the
    /// trails are nearly all of the answer; one trail is `GET …/explain/{scope}/{measure}`.
    pub fn overview_json(&self) -> Result<axum::body::Bytes, ApiError> {
        if let Some(j) = self.overview_json.get() {
            return Ok(j.clone());
        }
        let r = serde_json::to_vec(self.overview());
        let bytes = axum::body::Bytes::from(r.map_err(|e| ApiError::Internal(e.to_string()))?);
        Ok(self.overview_json.get_or_init(|| bytes).clone())
    }

    /// A view's own product of this version, made once by `make` and shared after. Views that
    /// summarise a large body (the dashboard's figures) would otherwise redo it on every page.
    pub fn view<T: Any + Send + Sync>(&self, key: &str, make: impl FnOnce() -> T) -> Arc<T> {
        let found = self
            .views
            .lock()
            .ok()
            .and_then(|m| m.get(key).cloned())
            .and_then(|v| v.downcast::<T>().ok());
        if let Some(v) = found {
            return v;
        }
        let v = Arc::new(make());
        if let Ok(mut m) = self.views.lock() {
            m.insert(key.to_string(), v.clone());
        }
        v
    }

    /// The same JSON gzipped, made once per workspace version: compressing a large assessment
    /// on every request would cost more than deriving it.
    pub fn json_gzip(&self) -> Result<axum::body::Bytes, ApiError> {
        if let Some(z) = self.gzip.get() {
            return Ok(z.clone());
        }
        use std::io::Write;
        let json = self.json()?;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&json)
            .and_then(|_| enc.finish())
            .map(|z| self.gzip.get_or_init(|| z.into()).clone())
            .map_err(|e| ApiError::Internal(e.to_string()))
    }
}

/// Runs CPU-heavy work (deriving a large body, rendering a report, exporting OSCAL) on the
/// blocking pool, so the async workers keep answering other requests; at most one such job per
/// core at once. A panic in the job is a 500, not a crash.
pub async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    static JOBS: OnceLock<tokio::sync::Semaphore> = OnceLock::new();
    let jobs = JOBS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    });
    let _permit = jobs
        .acquire()
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| ApiError::Internal(format!("blocking job: {e}")))?
}

/// The engine's result for the stored workspace, from the cache when the workspace has not
/// changed (in any process) since it was derived.
pub async fn derived(s: &AppState, orgnr: &str) -> Result<Arc<Derived>, ApiError> {
    let version = s
        .store
        .workspace_version(orgnr)
        .await?
        .ok_or(ApiError::NotFound)?;
    let today = today();
    let (generation, declarations) = published_declarations(s).await?;
    if let Some(d) = s.cached(orgnr, version, today, generation) {
        return Ok(d);
    }
    let d = Arc::new(derive(s, orgnr, today, declarations).await?);
    s.remember(
        orgnr,
        Cached {
            version: d.version,
            today,
            declarations: generation,
            derived: d.clone(),
            last_used: Default::default(),
        },
    );
    Ok(d)
}

/// Derives the stored workspace as it is now, past the cache and without entering it: for
/// work over many bodies (the figures across bodies), which would otherwise fill it.
pub async fn derive(
    s: &AppState,
    orgnr: &str,
    today: Date,
    declarations: Arc<Vec<DeclarationDoc>>,
) -> Result<Derived, ApiError> {
    // The document first, then the release: a move to another release raises the version, so
    // a move between the two reads is seen by the next request, never cached as current.
    let row = s.store.workspace(orgnr).await?.ok_or(ApiError::NotFound)?;
    let (version, doc_bytes) = (row.version, row.doc.len());
    let catalog = body_catalog(s, orgnr).await?;
    let (cat, name, decls) = (catalog.clone(), orgnr.to_string(), declarations.clone());
    let (doc, ws, assessment) = blocking(move || {
        let doc = serde_json::from_str(&row.doc).map_err(|e| ApiError::Internal(e.to_string()))?;
        let (doc, ws) =
            resolve_body_with(&name, doc, &cat.catalog, &decls).map_err(ApiError::Invalid)?;
        let assessment = grunnmur_core::assess(&cat.catalog, &ws, today);
        Ok((doc, ws, assessment))
    })
    .await?;
    Ok(Derived {
        version,
        catalog,
        today,
        declarations,
        doc,
        ws,
        assessment,
        doc_bytes,
        overview: OnceLock::new(),
        json: OnceLock::new(),
        gzip: OnceLock::new(),
        overview_json: OnceLock::new(),
        views: Default::default(),
    })
}
