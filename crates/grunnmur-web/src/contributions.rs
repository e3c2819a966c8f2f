//! Every public body's contribution to the figures across bodies (rule 18), kept current and
//! stored. A contribution is made from the body's assessment once per workspace version,
//! declarations' generation and day, stored in the database, and held here in memory (a few
//! tens of kilobytes each, never the assessment itself). So the national view adds up stored
//! counts instead of deriving 600 bodies, a restarted server answers from the stored ones, and
//! the assessment cache is not filled by bodies nobody is looking at.
//!
//! - A body whose workspace changed is derived again before the next answer (so a change shows
//!   at once, through any server).
//! - A body whose contribution is only a day or a declarations' generation old is shown as it
//!   is and brought current in the background ([`refresh`], also run every second by `serve`).

use crate::error::ApiError;
use crate::ops;
use crate::state::{AppState, today};
use grunnmur_core::catalog::OrgKind;
use grunnmur_core::national::{Contribution, Coverage, contribution};
use grunnmur_store::{ContributionRow, ContributionState};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// A contribution and what it was derived from.
#[derive(Clone)]
struct Entry {
    version: i64,
    generation: i64,
    day: i64,
    contribution: Arc<Contribution>,
}

/// The audit head, the declarations' generation and the day.
type Stand = (i64, i64, i64);

/// Group by kind and sector.
type GroupKey = (Option<String>, Option<String>);

/// What a server keeps across requests.
#[derive(Default)]
pub struct Kept {
    entries: Mutex<HashMap<String, Entry>>,
    /// Each group's figures, with the fingerprint of the contributions they were made from.
    coverage: Mutex<HashMap<GroupKey, (u64, Arc<Made>)>>,
    /// A background refresh is running.
    refreshing: AtomicBool,
    /// The last complete answer of [`current`], and the audit head, declarations' generation
    /// and day it holds for: while none of them moves, nothing it depends on has changed.
    last: Mutex<Option<(Stand, Arc<Current>)>>,
}

/// A group's figures, and their JSON once asked for (most of a warm answer's cost otherwise).
pub struct Made {
    pub coverage: Coverage,
    json: std::sync::OnceLock<axum::body::Bytes>,
}

impl Made {
    pub fn json(&self) -> Result<axum::body::Bytes, ApiError> {
        if let Some(j) = self.json.get() {
            return Ok(j.clone());
        }
        let bytes =
            serde_json::to_vec(&self.coverage).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok(self.json.get_or_init(|| bytes.into()).clone())
    }
}

/// The contributions of every public body with a workspace, current with its workspace.
pub struct Current {
    pub all: Vec<Arc<Contribution>>,
    /// Changes whenever any contribution in `all` does.
    pub fingerprint: u64,
}

fn public(st: &ContributionState) -> bool {
    st.kind != OrgKind::Supplier.as_str() && st.version.is_some()
}

fn entry_of(row: &ContributionRow) -> Option<Entry> {
    // A contribution stored by an older server that no longer reads is made again.
    let c: Contribution = serde_json::from_str(&row.doc).ok()?;
    Some(Entry {
        version: row.version,
        generation: row.generation,
        day: row.day,
        contribution: Arc::new(c),
    })
}

/// Derives the body as it is now (past the assessment cache), stores its contribution and keeps
/// it here.
async fn derive(s: &AppState, orgnr: &str) -> Result<Option<Entry>, ApiError> {
    let (generation, declarations) = ops::published_declarations(s).await?;
    let today = today();
    let d = match ops::derive(s, orgnr, today, declarations).await {
        Ok(d) => d,
        // The body or its workspace went away meanwhile.
        Err(ApiError::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    let version = d.version;
    let c =
        ops::blocking(move || Ok(contribution(&d.catalog.catalog, &d.ws, &d.assessment))).await?;
    let row = ContributionRow {
        orgnr: orgnr.to_string(),
        version,
        generation,
        day: today.days_since_epoch(),
        doc: serde_json::to_string(&c).map_err(|e| ApiError::Internal(e.to_string()))?,
    };
    s.store.put_contribution(&row).await?;
    let e = Entry {
        version,
        generation,
        day: row.day,
        contribution: Arc::new(c),
    };
    keep(s, orgnr, e.clone());
    Ok(Some(e))
}

/// Keeps an entry unless a newer one is kept already.
fn keep(s: &AppState, orgnr: &str, e: Entry) {
    if let Ok(mut m) = s.national.entries.lock() {
        let newer = m.get(orgnr).is_some_and(|old| {
            (old.version, old.generation, old.day) > (e.version, e.generation, e.day)
        });
        if !newer {
            m.insert(orgnr.to_string(), e);
        }
    }
}

/// Every public body's contribution, current with its workspace: from memory, else from the
/// store, else derived now. Ones current with the workspace but a day or a declarations'
/// generation old are used as they are, and refreshed in the background.
pub async fn current(s: &AppState) -> Result<Arc<Current>, ApiError> {
    let key = stand(s).await?;
    let (_, generation, day) = key;
    if let Some((k, cur)) = s.national.last.lock().ok().and_then(|l| l.clone())
        && k == key
    {
        return Ok(cur);
    }
    let states = s.store.contribution_states().await?;
    let empty = s.national.entries.lock().map_or(true, |m| m.is_empty());
    if empty && states.iter().any(|st| st.stored.is_some()) {
        // The first use after a start: every stored contribution at once.
        for row in s.store.contributions(None).await? {
            if let Some(e) = entry_of(&row) {
                keep(s, &row.orgnr, e);
            }
        }
    }
    let mut all = Vec::new();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut stale = false;
    let mut missing = Vec::new();
    for st in states.iter().filter(|st| public(st)) {
        let kept = (s.national.entries.lock().ok()).and_then(|m| m.get(&st.orgnr).cloned());
        // Another server may have stored a fresher one (a new day, a new generation).
        let fresher = |e: &Entry| st.stored > Some((e.version, e.generation, e.day));
        let e = match kept {
            Some(e) if Some(e.version) == st.version && !fresher(&e) => e,
            _ => match st.stored {
                Some((v, ..)) if Some(v) == st.version => {
                    let rows = s.store.contributions(Some(&st.orgnr)).await?;
                    match rows.first().and_then(entry_of) {
                        Some(e) if Some(e.version) == st.version => {
                            keep(s, &st.orgnr, e.clone());
                            e
                        }
                        _ => {
                            missing.push(st.orgnr.clone());
                            continue;
                        }
                    }
                }
                _ => {
                    missing.push(st.orgnr.clone());
                    continue;
                }
            },
        };
        stale |= e.generation != generation || e.day != day;
        (&st.orgnr, e.version, e.generation, e.day).hash(&mut hasher);
        all.push(e.contribution);
    }
    // Changed since last derived: now, a core at a time (`ops::blocking` bounds the engine).
    let mut jobs = tokio::task::JoinSet::new();
    let mut next = missing.into_iter();
    let width = std::thread::available_parallelism().map_or(1, |n| n.get());
    for o in next.by_ref().take(width) {
        let s = s.clone();
        jobs.spawn(async move { (o.clone(), derive(&s, &o).await) });
    }
    while let Some(done) = jobs.join_next().await {
        let (o, r) = done.map_err(|e| ApiError::Internal(format!("contribution: {e}")))?;
        match r {
            Ok(Some(e)) => {
                stale |= e.generation != generation || e.day != day;
                (&o, e.version, e.generation, e.day).hash(&mut hasher);
                all.push(e.contribution);
            }
            Ok(None) => {}
            // One body that cannot be derived must not take the view across bodies down: it
            // is left out (and logged), and the answer is not kept, so it is tried again.
            Err(e) => {
                tracing::warn!(orgnr = %o, error = ?e, "a body's contribution could not be made");
                stale = true;
            }
        }
        if let Some(o) = next.next() {
            let s = s.clone();
            jobs.spawn(async move { (o.clone(), derive(&s, &o).await) });
        }
    }
    let cur = Arc::new(Current {
        all,
        fingerprint: hasher.finish(),
    });
    if stale {
        // Kept only when complete: the refresh changes what the next answer holds.
        spawn_refresh(s);
    } else if let Ok(mut l) = s.national.last.lock() {
        *l = Some((key, cur.clone()));
    }
    Ok(cur)
}

/// What every contribution depends on besides the bodies' own versions, which move the audit
/// head: the audit head, the declarations' generation and the day.
async fn stand(s: &AppState) -> Result<Stand, ApiError> {
    let seq = s.store.audit_seq().await?;
    let generation = s.store.declarations_generation().await?;
    Ok((seq, generation, today().days_since_epoch()))
}

/// One refresh at a time in the background.
fn spawn_refresh(s: &AppState) {
    if s.national.refreshing.swap(true, Ordering::AcqRel) {
        return;
    }
    let s = s.clone();
    tokio::spawn(async move {
        if let Err(e) = refresh(&s).await {
            tracing::warn!(error = ?e, "refreshing the contributions across bodies");
        }
        s.national.refreshing.store(false, Ordering::Release);
    });
}

/// Derives, one body at a time, every public body whose stored contribution is not current
/// with its workspace, the published declarations and today. Returns how many it derived.
pub async fn refresh(s: &AppState) -> Result<usize, ApiError> {
    let generation = s.store.declarations_generation().await?;
    let day = today().days_since_epoch();
    let mut n = 0;
    for st in s.store.contribution_states().await? {
        let current = st
            .stored
            .is_some_and(|(v, g, d)| Some(v) == st.version && g == generation && d == day);
        if !public(&st) || current {
            continue;
        }
        match derive(s, &st.orgnr).await {
            Ok(Some(_)) => n += 1,
            Ok(None) => {}
            Err(e) => {
                tracing::warn!(orgnr = %st.orgnr, error = ?e, "a body's contribution could not be made")
            }
        }
    }
    Ok(n)
}

/// Keeps every contribution current: what `serve` runs, a pass a second.
pub async fn keep_current(s: AppState) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // After a full pass, nothing is looked at again until the audit head, the generation or
    // the day moves.
    let mut settled: Option<Stand> = None;
    loop {
        tick.tick().await;
        let now = match stand(&s).await {
            Ok(now) if Some(now) != settled => now,
            Ok(_) => continue,
            Err(e) => {
                tracing::warn!(error = ?e, "refreshing the contributions across bodies");
                continue;
            }
        };
        if s.national.refreshing.swap(true, Ordering::AcqRel) {
            continue;
        }
        match refresh(&s).await {
            Ok(_) => settled = Some(now),
            Err(e) => tracing::warn!(error = ?e, "refreshing the contributions across bodies"),
        }
        s.national.refreshing.store(false, Ordering::Release);
    }
}

/// A group's figures, made again only when a contribution in it changed.
pub async fn coverage(
    s: &AppState,
    kind: Option<&str>,
    sector: Option<&str>,
) -> Result<Arc<Made>, ApiError> {
    let cur = current(s).await?;
    let key = (kind.map(str::to_string), sector.map(str::to_string));
    let made = (s.national.coverage.lock().ok()).and_then(|m| m.get(&key).cloned());
    if let Some((f, c)) = made
        && f == cur.fingerprint
    {
        return Ok(c);
    }
    let (k, se) = key.clone();
    let fingerprint = cur.fingerprint;
    let c = ops::blocking(move || {
        let group: Vec<&Contribution> = (cur.all.iter())
            .map(|c| &**c)
            .filter(|c| grunnmur_core::national::in_group(c, k.as_deref(), se.as_deref()))
            .collect();
        Ok(Arc::new(Made {
            coverage: grunnmur_core::national::aggregate(&group),
            json: Default::default(),
        }))
    })
    .await?;
    if let Ok(mut m) = s.national.coverage.lock() {
        m.insert(key, (fingerprint, c.clone()));
    }
    Ok(c)
}
