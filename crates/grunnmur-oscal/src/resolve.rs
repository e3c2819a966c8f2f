//! OSCAL profile resolution, as NIST's "OSCAL Profile Resolution" specification describes it,
//! one module a phase:
//! - `source`: the documents imports name, read once (profiles among them resolved first);
//! - `select`: import (selection of each import's controls, in their source's structure);
//! - `merge`: combine and structure (`as-is`, `flat`, `custom`);
//! - `modify`: set-parameters, alters (removes, adds);
//! - `finalise`: pruning of unused parameters and back-matter, metadata of the result.
//!
//! Pure: works on in-memory documents; imported documents come through a [`Loader`].

mod finalise;
mod merge;
mod modify;
mod select;
mod source;

pub use merge::natural_cmp;
pub use select::Glob;

use crate::error::{OscalError, Warning};
use crate::load::Loader;
use crate::model::*;
use source::Src;
use std::collections::HashMap;

/// Settings that would otherwise come from the clock or the environment.
#[derive(Clone, Debug)]
pub struct ResolveOptions {
    /// RFC 3339 time of resolution (the result's `last-modified`).
    pub timestamp: String,
    /// Written in the `resolution-tool` property.
    pub tool: String,
}

impl Default for ResolveOptions {
    fn default() -> Self {
        ResolveOptions {
            timestamp: "1970-01-01T00:00:00Z".into(),
            tool: format!("grunnmur {}", env!("CARGO_PKG_VERSION")),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Resolved {
    pub catalog: Catalog,
    pub warnings: Vec<Warning>,
}

/// Loads the profile at `key` through the loader and resolves it.
pub fn resolve_key(
    loader: &dyn Loader,
    key: &str,
    opts: &ResolveOptions,
) -> Result<Resolved, OscalError> {
    match loader.load(key)? {
        Document::Profile(p) => resolve(&p, key, loader, opts),
        d => Err(OscalError::WrongModel {
            href: key.into(),
            expected: "profile".into(),
            found: d.kind().into(),
        }),
    }
}

/// Resolves the profile in the file `key` (an absolute path) the way the command line does:
/// only documents in its folder and in `allow` are read ([`crate::ConfinedLoader`]), and an
/// error quotes nothing of a document's content.
pub fn resolve_confined(
    key: &str,
    allow: &[std::path::PathBuf],
    opts: &ResolveOptions,
) -> Result<Resolved, OscalError> {
    let loader = crate::ConfinedLoader::new(key, allow);
    resolve_key(&loader, key, opts).map_err(crate::load::without_content)
}

/// Resolves a profile that was read from `key` (relative hrefs are taken from there).
pub fn resolve(
    profile: &Profile,
    key: &str,
    loader: &dyn Loader,
    opts: &ResolveOptions,
) -> Result<Resolved, OscalError> {
    let mut r = Resolver {
        loader,
        opts,
        stack: vec![key.to_string()],
        cache: HashMap::new(),
        warnings: Vec::new(),
    };
    let catalog = r.profile(profile, key)?;
    Ok(Resolved {
        catalog,
        warnings: r.warnings,
    })
}

struct Resolver<'a> {
    loader: &'a dyn Loader,
    opts: &'a ResolveOptions,
    stack: Vec<String>,
    cache: HashMap<String, Src>,
    warnings: Vec<Warning>,
}

/// Controls with their structure, parameters and resources: one import's selection, or all
/// of them merged.
struct Selection {
    groups: Vec<Group>,
    controls: Vec<Control>,
    params: Vec<Param>,
    resources: Vec<Resource>,
}

impl Resolver<'_> {
    fn warn(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.warnings.push(Warning {
            place: place.into(),
            message: message.into(),
        });
    }

    fn profile(&mut self, profile: &Profile, key: &str) -> Result<Catalog, OscalError> {
        if profile.imports.is_empty() {
            return Err(OscalError::NoImports { href: key.into() });
        }
        let merge = profile.merge.clone().unwrap_or_default();
        let structures = [merge.as_is, merge.flat.is_some(), merge.custom.is_some()];
        if structures.iter().filter(|b| **b).count() > 1 {
            return Err(OscalError::ManyStructures { href: key.into() });
        }
        let method = merge
            .combine
            .as_ref()
            .and_then(|c| c.method)
            .unwrap_or(CombineMethod::Keep);
        if method == CombineMethod::Merge {
            self.warn(
                format!("{key}: merge.combine"),
                "method 'merge' is deprecated; treated as 'use-first'",
            );
        }
        let use_first = method != CombineMethod::Keep;

        let selections = self.imports(profile, key, use_first)?;
        let Selection {
            groups,
            controls,
            params,
            mut resources,
        } = self.merge(key, &merge, selections)?;
        if let Some(bm) = &profile.back_matter {
            for r in &bm.resources {
                if !resources.iter().any(|q| q.uuid == r.uuid) {
                    resources.push(r.clone());
                }
            }
        }
        let mut out = Catalog {
            uuid: String::new(),
            metadata: profile.metadata.clone(),
            params,
            controls,
            groups,
            back_matter: None,
        };
        if let Some(modify) = &profile.modify {
            self.modify(key, modify, &mut out);
        }
        finalise::drop_dangling_links(&mut out, &resources);
        finalise::prune(&mut out, resources);
        out.uuid = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_URL,
            format!("{}|{}|{}", profile.uuid, key, self.opts.timestamp).as_bytes(),
        )
        .to_string();
        finalise::finish_metadata(&mut out.metadata, key, self.opts);
        Ok(out)
    }
}
