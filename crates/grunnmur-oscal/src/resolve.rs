//! OSCAL profile resolution, as NIST's "OSCAL Profile Resolution" specification describes it:
//! import (selection), merge (combine and structure), modify (set-parameters, alters), then
//! finalisation (pruning of unused parameters and back-matter, metadata of the result).
//!
//! Pure: works on in-memory documents; imported documents come through a [`Loader`].

use crate::error::{OscalError, Warning};
use crate::lazy::{LazyCatalog, LazyControl, LazyGroup};
use crate::load::Loader;
use crate::model::*;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// An imported document: a JSON catalog's text (read lazily per import), or a catalog that
/// was parsed or resolved from a profile.
#[derive(Clone)]
enum Src {
    Text(Arc<String>),
    Catalog(Arc<Catalog>),
}

/// One import's selected controls, with the structure they had in their source.
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

        // Import phase.
        let mut seen: HashMap<String, Option<Control>> = HashMap::new();
        let mut selections = Vec::with_capacity(profile.imports.len());
        for (index, import) in profile.imports.iter().enumerate() {
            let source = self.source_key(profile, key, index, &import.href)?;
            let mut dups = Vec::new();
            let mut f = Filter {
                selected: HashSet::new(),
                seen: &mut seen,
                keep_copies: profile.imports.len() > 1,
                use_first,
                dups: &mut dups,
            };
            let lazy_text = match self.source_at(&source)? {
                Src::Text(t) => t,
                Src::Catalog(catalog) => {
                    f.selected = select(key, index, import, &order_of(&catalog))?;
                    let groups = f.groups(&catalog.groups);
                    let controls = f.controls(&catalog.controls);
                    selections.push(Selection {
                        groups,
                        controls,
                        params: catalog.params.clone(),
                        resources: catalog
                            .back_matter
                            .as_ref()
                            .map(|b| b.resources.clone())
                            .unwrap_or_default(),
                    });
                    self.dup_warnings(key, index, dups);
                    continue;
                }
            };
            let Some(lazy) = crate::lazy::lazy_catalog(&lazy_text) else {
                // Not a JSON catalog after all: the full parser says why.
                let doc = crate::load::parse_document(&source, &lazy_text)?;
                return Err(OscalError::WrongModel {
                    href: source,
                    expected: "catalog or profile".into(),
                    found: doc.kind().into(),
                });
            };
            f.selected = select(key, index, import, &lazy_order(&lazy))?;
            let groups = f.lazy_groups(&lazy.groups, &source)?;
            let controls = f.lazy_controls_all(&lazy.controls, &source)?;
            selections.push(Selection {
                groups,
                controls,
                params: lazy.params,
                resources: lazy.back_matter.map(|b| b.resources).unwrap_or_default(),
            });
            self.dup_warnings(key, index, dups);
        }

        // Merge phase.
        let mut params: Vec<Param> = Vec::new();
        let mut resources: Vec<Resource> = Vec::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut controls: Vec<Control> = Vec::new();
        for s in selections {
            for p in s.params {
                if !params.iter().any(|q| q.id == p.id) {
                    params.push(p);
                }
            }
            for r in s.resources {
                if !resources.iter().any(|q| q.uuid == r.uuid) {
                    resources.push(r);
                }
            }
            merge_groups(&mut groups, s.groups);
            controls.extend(s.controls);
        }
        if let Some(custom) = &merge.custom {
            let mut pool = Vec::new();
            flatten_into(groups, &mut pool);
            pool.extend(controls);
            let (g, c) = self.custom(key, custom, pool)?;
            groups = g;
            controls = c;
        } else if !merge.as_is {
            // `flat`, and the default when no structuring directive is given.
            let mut flat = Vec::new();
            flatten_into(groups, &mut flat);
            flat.extend(controls);
            groups = Vec::new();
            controls = flat;
        }
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

        // Modify phase.
        if let Some(modify) = &profile.modify {
            self.modify(key, modify, &mut out);
        }

        // Finalisation.
        drop_dangling_links(&mut out, &resources);
        prune(&mut out, resources);
        out.uuid = uuid::Uuid::new_v5(
            &uuid::Uuid::NAMESPACE_URL,
            format!("{}|{}|{}", profile.uuid, key, self.opts.timestamp).as_bytes(),
        )
        .to_string();
        finish_metadata(&mut out.metadata, key, self.opts);
        Ok(out)
    }

    /// The key of the document an import names: directly, or through a back-matter resource.
    fn source_key(
        &self,
        profile: &Profile,
        key: &str,
        index: usize,
        href: &str,
    ) -> Result<String, OscalError> {
        let Some(uuid) = href.strip_prefix('#') else {
            return self.loader.resolve(key, href);
        };
        let resource = profile
            .back_matter
            .as_ref()
            .and_then(|b| b.resources.iter().find(|r| r.uuid == uuid))
            .ok_or_else(|| OscalError::MissingResource {
                href: key.into(),
                index,
                uuid: uuid.into(),
            })?;
        let media = |l: &&RLink, m: &str| l.media_type.as_deref().is_some_and(|t| t.contains(m));
        let link = resource
            .rlinks
            .iter()
            .find(|l| media(l, "json"))
            .or_else(|| resource.rlinks.iter().find(|l| media(l, "yaml")))
            .or_else(|| {
                resource
                    .rlinks
                    .iter()
                    .find(|l| l.href.ends_with(".json") || l.href.ends_with(".yaml"))
            })
            .or_else(|| resource.rlinks.first())
            .ok_or_else(|| OscalError::ResourceWithoutLink {
                href: key.into(),
                index,
                uuid: uuid.into(),
            })?;
        self.loader.resolve(key, &link.href)
    }

    fn dup_warnings(&mut self, key: &str, index: usize, dups: Vec<String>) {
        for id in dups {
            self.warn(
                format!("{key}: imports[{index}]"),
                format!("control {id} is selected more than once; both kept (combine: keep)"),
            );
        }
    }

    /// The document at `source`: a JSON catalog's text, or a catalog (parsed, or resolved
    /// when the document is a profile).
    fn source_at(&mut self, source: &str) -> Result<Src, OscalError> {
        if let Some(pos) = self.stack.iter().position(|s| s == source) {
            let mut chain: Vec<&str> = self.stack[pos..].iter().map(String::as_str).collect();
            chain.push(source);
            return Err(OscalError::CircularImport {
                href: self.stack.last().cloned().unwrap_or_default(),
                chain: chain.join(" → "),
            });
        }
        if let Some(c) = self.cache.get(source) {
            return Ok(c.clone());
        }
        let text = self.loader.read(source)?;
        let src = if looks_like_json_catalog(&text) {
            Src::Text(Arc::new(text))
        } else {
            let catalog = match crate::load::parse_document(source, &text)? {
                Document::Catalog(c) => c,
                Document::Profile(p) => {
                    self.stack.push(source.to_string());
                    let c = self.profile(&p, source);
                    self.stack.pop();
                    c?
                }
                d => {
                    return Err(OscalError::WrongModel {
                        href: source.into(),
                        expected: "catalog or profile".into(),
                        found: d.kind().into(),
                    });
                }
            };
            Src::Catalog(Arc::new(catalog))
        };
        self.cache.insert(source.to_string(), src.clone());
        Ok(src)
    }

    fn custom(
        &mut self,
        key: &str,
        custom: &Custom,
        pool: Vec<Control>,
    ) -> Result<(Vec<Group>, Vec<Control>), OscalError> {
        // Every control in the pool, children included, by id: what insert-controls may pick.
        let mut all: Vec<(&Control, Option<usize>)> = Vec::new();
        fn index<'c>(
            c: &'c Control,
            parent: Option<usize>,
            out: &mut Vec<(&'c Control, Option<usize>)>,
        ) {
            let me = out.len();
            out.push((c, parent));
            for cc in &c.controls {
                index(cc, Some(me), out);
            }
        }
        for c in &pool {
            index(c, None, &mut all);
        }
        let mut inserted: HashSet<String> = HashSet::new();
        let mut ctx = CustomCtx {
            key,
            all: &all,
            inserted: &mut inserted,
        };
        // Groups first, so that a top-level `include-all` takes what no group took.
        let mut groups = Vec::new();
        for (n, g) in custom.groups.iter().enumerate() {
            if let Some(g) = ctx.group(g, &format!("merge.custom.groups[{n}]"))? {
                groups.push(g);
            }
        }
        let controls = ctx.insert(&custom.insert_controls, "merge.custom.insert-controls")?;
        let left: Vec<&str> = all
            .iter()
            .filter(|(c, _)| !inserted.contains(&c.id))
            .map(|(c, _)| c.id.as_str())
            .collect();
        if !left.is_empty() {
            self.warn(
                format!("{key}: merge.custom"),
                format!(
                    "{} selected control(s) are placed in no group and left out: {}",
                    left.len(),
                    left.join(", ")
                ),
            );
        }
        Ok((groups, controls))
    }

    fn modify(&mut self, key: &str, modify: &Modify, out: &mut Catalog) {
        for (n, sp) in modify.set_parameters.iter().enumerate() {
            match find_param(out, &sp.param_id) {
                Some(p) => set_param(p, sp),
                None => self.warn(
                    format!("{key}: modify.set-parameters[{n}]"),
                    format!("no selected control has parameter {}", sp.param_id),
                ),
            }
        }
        for (n, alter) in modify.alters.iter().enumerate() {
            let place = format!("{key}: modify.alters[{n}]");
            let Some(control) = find_control(&mut out.groups, &mut out.controls, &alter.control_id)
            else {
                self.warn(
                    place,
                    format!("control {} is not selected", alter.control_id),
                );
                continue;
            };
            for rm in &alter.removes {
                remove_from(control, rm);
            }
            for add in &alter.adds {
                if let Err(msg) = add_to(control, add) {
                    self.warn(place.clone(), msg);
                }
            }
        }
    }
}

// ------------------------------------------------------------------------------ selection

/// (id, position of the parent control) of every control, depth first, in document order.
type CtlOrder<'c> = Vec<(&'c str, Option<usize>)>;

fn order_of(catalog: &Catalog) -> CtlOrder<'_> {
    fn walk<'c>(c: &'c Control, parent: Option<usize>, out: &mut CtlOrder<'c>) {
        let me = out.len();
        out.push((&c.id, parent));
        for cc in &c.controls {
            walk(cc, Some(me), out);
        }
    }
    fn walk_groups<'c>(gs: &'c [Group], out: &mut CtlOrder<'c>) {
        for g in gs {
            for c in &g.controls {
                walk(c, None, out);
            }
            walk_groups(&g.groups, out);
        }
    }
    let mut order = Vec::new();
    for c in &catalog.controls {
        walk(c, None, &mut order);
    }
    walk_groups(&catalog.groups, &mut order);
    order
}

fn lazy_order<'c>(catalog: &'c LazyCatalog<'_>) -> CtlOrder<'c> {
    fn walk<'c>(c: &'c LazyControl<'_>, parent: Option<usize>, out: &mut CtlOrder<'c>) {
        let me = out.len();
        out.push((&c.id, parent));
        for cc in &c.controls {
            walk(cc, Some(me), out);
        }
    }
    fn walk_groups<'c>(gs: &'c [LazyGroup<'_>], out: &mut CtlOrder<'c>) {
        for g in gs {
            for c in &g.controls {
                walk(c, None, out);
            }
            walk_groups(&g.groups, out);
        }
    }
    let mut order = Vec::new();
    for c in &catalog.controls {
        walk(c, None, &mut order);
    }
    walk_groups(&catalog.groups, &mut order);
    order
}

/// Whether the text is a JSON document whose model is a catalog (judged by its first key
/// after an optional `$schema`); the lazy reader takes those.
fn looks_like_json_catalog(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('{') {
        return false;
    }
    let find = |key: &str| {
        let pat = format!("\"{key}\"");
        t.match_indices(&pat)
            .find(|(n, _)| t[n + pat.len()..].trim_start().starts_with(':'))
            .map(|(n, _)| n)
    };
    match (find("catalog"), find("profile")) {
        (Some(c), Some(p)) => c < p,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Ids of the controls an import selects (include, then exclude: exclusion wins).
fn select(
    key: &str,
    index: usize,
    import: &Import,
    order: &CtlOrder<'_>,
) -> Result<HashSet<String>, OscalError> {
    let position: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(n, (id, _))| (*id, n))
        .collect();

    let pick = |rules: &[SelectControl], field: &str| -> Result<Vec<bool>, OscalError> {
        let mut hit = vec![false; order.len()];
        let mut missing = Vec::new();
        for rule in rules {
            let mut direct = vec![false; order.len()];
            for id in &rule.with_ids {
                match position.get(id.as_str()) {
                    Some(&n) => direct[n] = true,
                    None => missing.push(id.clone()),
                }
            }
            for m in &rule.matching {
                let glob = Glob::new(&m.pattern).ok_or_else(|| OscalError::BadPattern {
                    href: key.into(),
                    index,
                    field: field.into(),
                    pattern: m.pattern.clone(),
                })?;
                for (n, (id, _)) in order.iter().enumerate() {
                    if glob.matches(id) {
                        direct[n] = true;
                    }
                }
            }
            let children = rule.with_child_controls == Some(YesNo::Yes);
            for n in 0..order.len() {
                let mut on = direct[n];
                if !on && children {
                    // An ancestor matched directly: parents come before children in `order`.
                    let mut p = order[n].1;
                    while let Some(q) = p {
                        if direct[q] {
                            on = true;
                            break;
                        }
                        p = order[q].1;
                    }
                }
                hit[n] |= on;
            }
        }
        if !missing.is_empty() {
            return Err(OscalError::MissingControls {
                href: key.into(),
                index,
                ids: missing.join(", "),
            });
        }
        Ok(hit)
    };

    let include = if import.include_all.is_some() {
        vec![true; order.len()]
    } else if import.include_controls.is_empty() {
        return Err(OscalError::NoSelection {
            href: key.into(),
            index,
        });
    } else {
        pick(&import.include_controls, "include-controls")?
    };
    let exclude = pick(&import.exclude_controls, "exclude-controls")?;
    Ok(order
        .iter()
        .enumerate()
        .filter(|(n, _)| include[*n] && !exclude[*n])
        .map(|(_, (id, _))| id.to_string())
        .collect())
}

/// A control without its child controls, for comparing two instances of one control.
fn same_control(a: &Control, b: &Control) -> bool {
    a.id == b.id
        && a.class == b.class
        && a.title == b.title
        && a.params == b.params
        && a.props == b.props
        && a.links == b.links
        && a.parts == b.parts
}

/// Selection of one import's controls from its source, keeping the source's structure.
///
/// The selected controls of a list come in document order, and after them the selected
/// descendants of unselected controls ("promoted": they move to the end of the nearest kept
/// container, as NIST's reference tooling and BSI's published resolutions place them).
struct Filter<'s> {
    selected: HashSet<String>,
    /// Controls already taken by an earlier import (with a copy when there are several
    /// imports, to tell an identical instance from a clashing one).
    seen: &'s mut HashMap<String, Option<Control>>,
    keep_copies: bool,
    use_first: bool,
    dups: &'s mut Vec<String>,
}

impl Filter<'_> {
    /// Whether to keep a selected control, given the ones taken before.
    fn take(&mut self, c: &Control) -> bool {
        match self.seen.get(&c.id) {
            Some(first) => {
                let same = first.as_ref().is_some_and(|f| same_control(f, c));
                if self.use_first || same {
                    false
                } else {
                    self.dups.push(c.id.clone());
                    true
                }
            }
            None => {
                let copy = self.keep_copies.then(|| c.clone_shallow());
                self.seen.insert(c.id.clone(), copy);
                true
            }
        }
    }

    fn controls(&mut self, cs: &[Control]) -> Vec<Control> {
        let (mut kept, promoted) = self.controls_split(cs);
        kept.extend(promoted);
        kept
    }

    fn controls_split(&mut self, cs: &[Control]) -> (Vec<Control>, Vec<Control>) {
        let mut out = Vec::new();
        let mut promoted = Vec::new();
        for c in cs {
            let (children, child_promoted) = self.controls_split(&c.controls);
            if self.selected.contains(&c.id) && self.take(c) {
                let mut k = c.clone_shallow();
                k.controls = children;
                k.controls.extend(child_promoted);
                out.push(k);
            } else {
                promoted.extend(children);
                promoted.extend(child_promoted);
            }
        }
        (out, promoted)
    }

    fn groups(&mut self, gs: &[Group]) -> Vec<Group> {
        let mut out = Vec::new();
        for g in gs {
            let controls = self.controls(&g.controls);
            let groups = self.groups(&g.groups);
            if controls.is_empty() && groups.is_empty() {
                continue;
            }
            out.push(Group {
                id: g.id.clone(),
                class: g.class.clone(),
                title: g.title.clone(),
                params: g.params.clone(),
                props: g.props.clone(),
                links: g.links.clone(),
                parts: g.parts.clone(),
                groups,
                controls,
            });
        }
        out
    }

    fn lazy_controls_all(
        &mut self,
        cs: &[LazyControl<'_>],
        href: &str,
    ) -> Result<Vec<Control>, OscalError> {
        let (mut kept, promoted) = self.lazy_controls(cs, href)?;
        kept.extend(promoted);
        Ok(kept)
    }

    fn lazy_controls(
        &mut self,
        cs: &[LazyControl<'_>],
        href: &str,
    ) -> Result<(Vec<Control>, Vec<Control>), OscalError> {
        let mut out = Vec::new();
        let mut promoted = Vec::new();
        for c in cs {
            let (children, child_promoted) = self.lazy_controls(&c.controls, href)?;
            let body = if self.selected.contains(c.id.as_ref()) {
                let body = c.body(href)?;
                self.take(&body).then_some(body)
            } else {
                None
            };
            match body {
                Some(mut k) => {
                    k.controls = children;
                    k.controls.extend(child_promoted);
                    out.push(k);
                }
                None => {
                    promoted.extend(children);
                    promoted.extend(child_promoted);
                }
            }
        }
        Ok((out, promoted))
    }

    fn lazy_groups(&mut self, gs: &[LazyGroup<'_>], href: &str) -> Result<Vec<Group>, OscalError> {
        let mut out = Vec::new();
        for g in gs {
            let controls = self.lazy_controls_all(&g.controls, href)?;
            let groups = self.lazy_groups(&g.groups, href)?;
            if controls.is_empty() && groups.is_empty() {
                continue;
            }
            out.push(Group {
                id: g.id.clone(),
                class: g.class.clone(),
                title: g.title.clone(),
                params: g.params.clone(),
                props: g.props.clone(),
                links: g.links.clone(),
                parts: g.parts.clone(),
                groups,
                controls,
            });
        }
        Ok(out)
    }
}

impl Control {
    /// A copy without child controls.
    fn clone_shallow(&self) -> Control {
        Control {
            id: self.id.clone(),
            class: self.class.clone(),
            title: self.title.clone(),
            params: self.params.clone(),
            props: self.props.clone(),
            links: self.links.clone(),
            parts: self.parts.clone(),
            controls: Vec::new(),
        }
    }
}

/// `as-is` across several imports: groups with the same id become one.
fn merge_groups(into: &mut Vec<Group>, from: Vec<Group>) {
    for g in from {
        match g
            .id
            .as_ref()
            .and_then(|id| into.iter_mut().find(|x| x.id.as_ref() == Some(id)))
        {
            Some(existing) => {
                existing.controls.extend(g.controls);
                merge_groups(&mut existing.groups, g.groups);
            }
            None => into.push(g),
        }
    }
}

/// Controls of groups in document order, groups removed (child controls stay nested).
fn flatten_into(groups: Vec<Group>, out: &mut Vec<Control>) {
    for g in groups {
        out.extend(g.controls);
        flatten_into(g.groups, out);
    }
}

/// A glob over control ids: `*` any run of characters, `?` any one character.
pub struct Glob {
    chars: Vec<char>,
}

impl Glob {
    pub fn new(pattern: &str) -> Option<Glob> {
        (!pattern.is_empty()).then(|| Glob {
            chars: pattern.chars().collect(),
        })
    }

    pub fn matches(&self, s: &str) -> bool {
        let s: Vec<char> = s.chars().collect();
        let p = &self.chars;
        let (mut i, mut j) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while i < s.len() {
            if j < p.len() && (p[j] == '?' || p[j] == s[i]) {
                i += 1;
                j += 1;
            } else if j < p.len() && p[j] == '*' {
                star = Some((j, i));
                j += 1;
            } else if let Some((sj, si)) = star {
                j = sj + 1;
                i = si + 1;
                star = Some((sj, si + 1));
            } else {
                return false;
            }
        }
        while j < p.len() && p[j] == '*' {
            j += 1;
        }
        j == p.len()
    }
}

// ---------------------------------------------------------------------------- custom merge

struct CustomCtx<'a, 'c> {
    key: &'a str,
    all: &'a [(&'c Control, Option<usize>)],
    inserted: &'a mut HashSet<String>,
}

impl CustomCtx<'_, '_> {
    fn group(&mut self, g: &CustomGroup, place: &str) -> Result<Option<Group>, OscalError> {
        let controls = self.insert(&g.insert_controls, &format!("{place}.insert-controls"))?;
        let mut groups = Vec::new();
        for (n, sg) in g.groups.iter().enumerate() {
            if let Some(sg) = self.group(sg, &format!("{place}.groups[{n}]"))? {
                groups.push(sg);
            }
        }
        if controls.is_empty() && groups.is_empty() {
            return Ok(None);
        }
        Ok(Some(Group {
            id: g.id.clone(),
            class: g.class.clone(),
            title: g.title.clone(),
            params: g.params.clone(),
            props: g.props.clone(),
            links: g.links.clone(),
            parts: g.parts.clone(),
            groups,
            controls,
        }))
    }

    fn insert(
        &mut self,
        rules: &[InsertControls],
        place: &str,
    ) -> Result<Vec<Control>, OscalError> {
        let mut out = Vec::new();
        for rule in rules {
            let as_import = Import {
                href: String::new(),
                include_all: rule.include_all.clone(),
                include_controls: rule.include_controls.clone(),
                exclude_controls: rule.exclude_controls.clone(),
            };
            let order: CtlOrder<'_> = self.all.iter().map(|(c, p)| (c.id.as_str(), *p)).collect();
            let chosen = select(self.key, 0, &as_import, &order).map_err(|e| match e {
                OscalError::MissingControls { href, ids, .. } => OscalError::Import {
                    what: format!("{href}: {place}"),
                    detail: format!("control ids not selected by any import: {ids}"),
                },
                e => e,
            })?;
            let mut picked: Vec<Control> = Vec::new();
            for (n, (c, parent)) in self.all.iter().enumerate() {
                let _ = n;
                if !chosen.contains(&c.id) || self.inserted.contains(&c.id) {
                    continue;
                }
                // A child whose parent is inserted in the same step travels with the parent.
                if parent.is_some_and(|p| chosen.contains(&self.all[p].0.id)) {
                    continue;
                }
                let mut k = (*c).clone();
                k.controls.retain(|cc| !self.inserted.contains(&cc.id));
                mark(&k, self.inserted);
                picked.push(k);
            }
            match rule.order {
                Some(Order::Ascending) => picked.sort_by(|a, b| natural_cmp(&a.id, &b.id)),
                Some(Order::Descending) => picked.sort_by(|a, b| natural_cmp(&b.id, &a.id)),
                _ => {}
            }
            out.extend(picked);
        }
        Ok(out)
    }
}

fn mark(c: &Control, set: &mut HashSet<String>) {
    set.insert(c.id.clone());
    for cc in &c.controls {
        mark(cc, set);
    }
}

/// Compares ids with runs of digits as numbers: `ac-2` < `ac-10`.
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let b = s.as_bytes();
        for i in 1..=b.len() {
            if i == b.len() || b[i].is_ascii_digit() != b[start].is_ascii_digit() {
                out.push((b[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(cb.iter()) {
        let o = match (x.0, y.0) {
            (true, true) => {
                let xs = x.1.trim_start_matches('0');
                let ys = y.1.trim_start_matches('0');
                xs.len().cmp(&ys.len()).then_with(|| xs.cmp(ys))
            }
            _ => x.1.cmp(y.1),
        };
        if o.is_ne() {
            return o;
        }
    }
    ca.len().cmp(&cb.len())
}

// ------------------------------------------------------------------------------ modify

fn find_param<'c>(cat: &'c mut Catalog, id: &str) -> Option<&'c mut Param> {
    fn in_controls<'c>(cs: &'c mut [Control], id: &str) -> Option<&'c mut Param> {
        for c in cs {
            if let Some(p) = c.params.iter_mut().find(|p| p.id == id) {
                return Some(p);
            }
            if let Some(p) = in_controls(&mut c.controls, id) {
                return Some(p);
            }
        }
        None
    }
    fn in_groups<'c>(gs: &'c mut [Group], id: &str) -> Option<&'c mut Param> {
        for g in gs {
            if let Some(p) = g.params.iter_mut().find(|p| p.id == id) {
                return Some(p);
            }
            if let Some(p) = in_controls(&mut g.controls, id) {
                return Some(p);
            }
            if let Some(p) = in_groups(&mut g.groups, id) {
                return Some(p);
            }
        }
        None
    }
    if let Some(n) = cat.params.iter().position(|p| p.id == id) {
        return Some(&mut cat.params[n]);
    }
    if let Some(p) = in_controls(&mut cat.controls, id) {
        return Some(p);
    }
    in_groups(&mut cat.groups, id)
}

/// Applies one `set-parameter`: label, usage, values, select and class replace what the
/// parameter had; props, links, constraints and guidelines are added.
fn set_param(p: &mut Param, sp: &SetParameter) {
    if sp.class.is_some() {
        p.class = sp.class.clone();
    }
    if sp.depends_on.is_some() {
        p.depends_on = sp.depends_on.clone();
    }
    p.props.extend(sp.props.iter().cloned());
    p.links.extend(sp.links.iter().cloned());
    if sp.label.is_some() {
        p.label = sp.label.clone();
    }
    if sp.usage.is_some() {
        p.usage = sp.usage.clone();
    }
    p.constraints.extend(sp.constraints.iter().cloned());
    p.guidelines.extend(sp.guidelines.iter().cloned());
    if !sp.values.is_empty() {
        p.values = sp.values.clone();
    }
    if sp.select.is_some() {
        p.select = sp.select.clone();
    }
}

fn find_control<'c>(
    groups: &'c mut [Group],
    controls: &'c mut [Control],
    id: &str,
) -> Option<&'c mut Control> {
    fn in_controls<'c>(cs: &'c mut [Control], id: &str) -> Option<&'c mut Control> {
        for c in cs {
            if c.id == id {
                return Some(c);
            }
            if let Some(x) = in_controls(&mut c.controls, id) {
                return Some(x);
            }
        }
        None
    }
    if let Some(c) = in_controls(controls, id) {
        return Some(c);
    }
    for g in groups {
        if let Some(c) = find_control(&mut g.groups, &mut g.controls, id) {
            return Some(c);
        }
    }
    None
}

fn class_has(class: &Option<String>, token: &str) -> bool {
    class
        .as_deref()
        .is_some_and(|c| c.split_whitespace().any(|t| t == token))
}

/// What a `remove` is matched against.
struct Item<'a> {
    kind: &'static str,
    name: Option<&'a str>,
    class: &'a Option<String>,
    id: Option<&'a str>,
    ns: Option<&'a str>,
}

fn matches(rm: &Remove, it: Item<'_>) -> bool {
    let no_criteria = rm.by_name.is_none()
        && rm.by_class.is_none()
        && rm.by_id.is_none()
        && rm.by_item_name.is_none()
        && rm.by_ns.is_none();
    !no_criteria
        && rm.by_name.as_deref().is_none_or(|n| it.name == Some(n))
        && rm
            .by_class
            .as_deref()
            .is_none_or(|c| class_has(it.class, c))
        && rm.by_id.as_deref().is_none_or(|i| it.id == Some(i))
        && rm.by_item_name.as_deref().is_none_or(|k| k == it.kind)
        && rm.by_ns.as_deref().is_none_or(|n| it.ns == Some(n))
}

const NO_CLASS: Option<String> = None;

fn remove_props(props: &mut Vec<Prop>, rm: &Remove) {
    props.retain(|p| {
        !matches(
            rm,
            Item {
                kind: "prop",
                name: Some(&p.name),
                class: &p.class,
                id: p.uuid.as_deref(),
                ns: p.ns.as_deref(),
            },
        )
    });
}

fn remove_links(links: &mut Vec<Link>, rm: &Remove) {
    links.retain(|l| {
        !matches(
            rm,
            Item {
                kind: "link",
                name: l.rel.as_deref(),
                class: &NO_CLASS,
                id: None,
                ns: None,
            },
        )
    });
}

fn remove_parts(parts: &mut Vec<Part>, rm: &Remove) {
    parts.retain(|p| {
        !matches(
            rm,
            Item {
                kind: "part",
                name: Some(&p.name),
                class: &p.class,
                id: p.id.as_deref(),
                ns: p.ns.as_deref(),
            },
        )
    });
    for p in parts {
        remove_props(&mut p.props, rm);
        remove_links(&mut p.links, rm);
        remove_parts(&mut p.parts, rm);
    }
}

/// `removes`: takes matching params, props, links and parts out of the control (not out of
/// its child controls).
fn remove_from(c: &mut Control, rm: &Remove) {
    c.params.retain(|p| {
        !matches(
            rm,
            Item {
                kind: "param",
                name: None,
                class: &p.class,
                id: Some(&p.id),
                ns: None,
            },
        )
    });
    for p in &mut c.params {
        remove_props(&mut p.props, rm);
        remove_links(&mut p.links, rm);
    }
    remove_props(&mut c.props, rm);
    remove_links(&mut c.links, rm);
    remove_parts(&mut c.parts, rm);
}

fn put<T: Clone>(list: &mut Vec<T>, items: &[T], at_start: bool) {
    if items.is_empty() {
        return;
    }
    if at_start {
        list.splice(0..0, items.iter().cloned());
    } else {
        list.extend(items.iter().cloned());
    }
}

/// `adds`: puts new content at the start or end of the control, or of the part or parameter
/// named by `by-id`, or before or after it.
fn add_to(c: &mut Control, add: &Add) -> Result<(), String> {
    let position = add.position.unwrap_or(Position::Ending);
    let target = add.by_id.as_deref().filter(|id| *id != c.id);
    let Some(target) = target else {
        // Bound to the control itself: before/after mean starting/ending.
        let start = matches!(position, Position::Starting | Position::Before);
        if let Some(t) = &add.title {
            c.title = t.clone();
        }
        put(&mut c.params, &add.params, start);
        put(&mut c.props, &add.props, start);
        put(&mut c.links, &add.links, start);
        put(&mut c.parts, &add.parts, start);
        return Ok(());
    };
    // A parameter of the control.
    if let Some(n) = c.params.iter().position(|p| p.id == target) {
        match position {
            Position::Before => {
                c.params.splice(n..n, add.params.iter().cloned());
            }
            Position::After => {
                c.params.splice(n + 1..n + 1, add.params.iter().cloned());
            }
            Position::Starting | Position::Ending => {
                let start = position == Position::Starting;
                let p = &mut c.params[n];
                put(&mut p.props, &add.props, start);
                put(&mut p.links, &add.links, start);
            }
        }
        return Ok(());
    }
    if add_in_parts(&mut c.parts, &mut c.props, target, position, add) {
        Ok(())
    } else {
        Err(format!(
            "adds by-id '{target}': control {} has no part or parameter with that id",
            c.id
        ))
    }
}

fn add_in_parts(
    parts: &mut Vec<Part>,
    container_props: &mut Vec<Prop>,
    target: &str,
    position: Position,
    add: &Add,
) -> bool {
    if let Some(n) = parts.iter().position(|p| p.id.as_deref() == Some(target)) {
        match position {
            Position::Starting | Position::Ending => {
                let start = position == Position::Starting;
                let p = &mut parts[n];
                if let Some(t) = &add.title {
                    p.title = Some(t.clone());
                }
                put(&mut p.props, &add.props, start);
                put(&mut p.links, &add.links, start);
                put(&mut p.parts, &add.parts, start);
            }
            Position::Before | Position::After => {
                let at = if position == Position::Before {
                    n
                } else {
                    n + 1
                };
                parts.splice(at..at, add.parts.iter().cloned());
                container_props.extend(add.props.iter().cloned());
            }
        }
        return true;
    }
    for p in parts.iter_mut() {
        if add_in_parts(&mut p.parts, &mut p.props, target, position, add) {
            return true;
        }
    }
    false
}

// ------------------------------------------------------------------------- finalisation

/// Collects `#uuid` fragment references and `{{ insert: param, id }}` references from text.
#[derive(Default)]
struct Refs {
    fragments: HashSet<String>,
    params: HashSet<String>,
}

impl Refs {
    fn text(&mut self, s: &str) {
        if s.contains('#') {
            for (n, _) in s.match_indices('#') {
                let rest = &s[n + 1..];
                let end = rest
                    .find(|c: char| {
                        !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
                    })
                    .unwrap_or(rest.len());
                if end > 0 {
                    self.fragments.insert(rest[..end].to_string());
                }
            }
        }
        if s.contains("insert") {
            for (n, _) in s.match_indices("{{") {
                let rest = &s[n + 2..];
                let Some(end) = rest.find("}}") else { continue };
                let inner: Vec<&str> = rest[..end].split(',').map(str::trim).collect();
                if inner.len() == 2 && inner[0].trim_start_matches("insert:").trim() == "param" {
                    self.params.insert(inner[1].to_string());
                }
            }
        }
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::String(s) => self.text(s),
            Value::Array(a) => a.iter().for_each(|x| self.value(x)),
            Value::Object(m) => m.values().for_each(|x| self.value(x)),
            _ => {}
        }
    }

    fn props(&mut self, ps: &[Prop]) {
        for p in ps {
            self.params.insert(p.value.clone());
            if let Some(r) = &p.remarks {
                self.text(r);
            }
        }
    }

    fn links(&mut self, ls: &[Link]) {
        for l in ls {
            self.text(&l.href);
            if let Some(t) = &l.text {
                self.text(t);
            }
        }
    }

    fn parts(&mut self, ps: &[Part]) {
        for p in ps {
            if let Some(t) = &p.title {
                self.text(t);
            }
            if let Some(t) = &p.prose {
                self.text(t);
            }
            self.props(&p.props);
            self.links(&p.links);
            self.parts(&p.parts);
        }
    }

    fn param(&mut self, p: &Param) {
        self.props(&p.props);
        self.links(&p.links);
        if let Some(d) = &p.depends_on {
            self.params.insert(d.clone());
        }
        for v in p.constraints.iter().chain(&p.guidelines) {
            self.value(v);
        }
        if let Some(s) = &p.select {
            self.value(s);
        }
        if let Some(l) = &p.label {
            self.text(l);
        }
        if let Some(r) = &p.remarks {
            self.text(r);
        }
    }

    fn control(&mut self, c: &Control) {
        self.text(&c.title);
        c.params.iter().for_each(|p| self.param(p));
        self.props(&c.props);
        self.links(&c.links);
        self.parts(&c.parts);
        c.controls.iter().for_each(|cc| self.control(cc));
    }

    fn group(&mut self, g: &Group) {
        self.props(&g.props);
        self.links(&g.links);
        self.parts(&g.parts);
        g.controls.iter().for_each(|c| self.control(c));
        g.groups.iter().for_each(|gg| self.group(gg));
    }
}

/// Removes links inside the result that point (`#id`) at something the result no longer has:
/// a control that was not selected, or a part or parameter of one.
fn drop_dangling_links(out: &mut Catalog, resources: &[Resource]) {
    let mut known: HashSet<String> = resources.iter().map(|r| r.uuid.clone()).collect();
    fn ids_parts(ps: &[Part], k: &mut HashSet<String>) {
        for p in ps {
            if let Some(id) = &p.id {
                k.insert(id.clone());
            }
            ids_parts(&p.parts, k);
        }
    }
    fn ids_control(c: &Control, k: &mut HashSet<String>) {
        k.insert(c.id.clone());
        k.extend(c.params.iter().map(|p| p.id.clone()));
        ids_parts(&c.parts, k);
        c.controls.iter().for_each(|cc| ids_control(cc, k));
    }
    fn ids_group(g: &Group, k: &mut HashSet<String>) {
        k.extend(g.id.clone());
        k.extend(g.params.iter().map(|p| p.id.clone()));
        ids_parts(&g.parts, k);
        g.controls.iter().for_each(|c| ids_control(c, k));
        g.groups.iter().for_each(|gg| ids_group(gg, k));
    }
    known.extend(out.params.iter().map(|p| p.id.clone()));
    out.controls.iter().for_each(|c| ids_control(c, &mut known));
    out.groups.iter().for_each(|g| ids_group(g, &mut known));

    let keep = |l: &Link| l.href.strip_prefix('#').is_none_or(|f| known.contains(f));
    fn in_parts(ps: &mut [Part], keep: &dyn Fn(&Link) -> bool) {
        for p in ps {
            p.links.retain(keep);
            in_parts(&mut p.parts, keep);
        }
    }
    fn in_control(c: &mut Control, keep: &dyn Fn(&Link) -> bool) {
        c.links.retain(keep);
        for p in &mut c.params {
            p.links.retain(keep);
        }
        in_parts(&mut c.parts, keep);
        c.controls.iter_mut().for_each(|cc| in_control(cc, keep));
    }
    fn in_group(g: &mut Group, keep: &dyn Fn(&Link) -> bool) {
        g.links.retain(keep);
        in_parts(&mut g.parts, keep);
        g.controls.iter_mut().for_each(|c| in_control(c, keep));
        g.groups.iter_mut().for_each(|gg| in_group(gg, keep));
    }
    out.controls.iter_mut().for_each(|c| in_control(c, &keep));
    out.groups.iter_mut().for_each(|g| in_group(g, &keep));
}

/// Drops catalog- and group-level parameters nothing refers to, and back-matter resources
/// nothing refers to.
fn prune(out: &mut Catalog, resources: Vec<Resource>) {
    let mut refs = Refs::default();
    out.controls.iter().for_each(|c| refs.control(c));
    out.groups.iter().for_each(|g| refs.group(g));
    refs.value(&out.metadata);
    // Parameters that are kept may refer to others; follow until nothing changes.
    loop {
        let before = refs.params.len();
        for p in &out.params {
            if refs.params.contains(&p.id) {
                refs.param(p);
            }
        }
        if refs.params.len() == before {
            break;
        }
    }
    fn prune_groups(gs: &mut [Group], refs: &Refs) {
        for g in gs {
            g.params.retain(|p| refs.params.contains(&p.id));
            prune_groups(&mut g.groups, refs);
        }
    }
    // Group parameters are used by the group's own controls; keep them when referenced.
    prune_groups(&mut out.groups, &refs);
    out.params.retain(|p| refs.params.contains(&p.id));
    let mut kept: Vec<Resource> = Vec::new();
    let mut pending: Vec<Resource> = resources;
    // A kept resource may cite another one.
    loop {
        let (now, rest): (Vec<Resource>, Vec<Resource>) = pending
            .into_iter()
            .partition(|r| refs.fragments.contains(&r.uuid));
        if now.is_empty() {
            break;
        }
        for r in &now {
            for v in r.other.values() {
                refs.value(v);
            }
        }
        kept.extend(now);
        pending = rest;
    }
    if !kept.is_empty() {
        out.back_matter = Some(BackMatter { resources: kept });
    }
}

/// The resolved catalog's metadata: the profile's, with the time of resolution, the tool
/// and a link back to the source profile.
fn finish_metadata(meta: &mut Value, key: &str, opts: &ResolveOptions) {
    if !meta.is_object() {
        *meta = json!({});
    }
    let Some(m) = meta.as_object_mut() else {
        return;
    };
    m.insert(
        "last-modified".into(),
        Value::String(opts.timestamp.clone()),
    );
    if !m.contains_key("title") {
        m.insert("title".into(), Value::String("Resolved profile".into()));
    }
    for (k, default) in [("version", "1"), ("oscal-version", crate::OSCAL_VERSION)] {
        if !m.contains_key(k) {
            m.insert(k.into(), Value::String(default.into()));
        }
    }
    let props = m.entry("props").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(a) = props.as_array_mut() {
        a.push(json!({"name": "resolution-tool", "value": opts.tool}));
    }
    let links = m.entry("links").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(a) = links.as_array_mut() {
        a.push(json!({"href": key, "rel": "source-profile"}));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches() {
        let g = Glob::new("ac-2.*").unwrap();
        assert!(g.matches("ac-2.1"));
        assert!(g.matches("ac-2.13"));
        assert!(!g.matches("ac-2"));
        assert!(!g.matches("ac-20"));
        let g = Glob::new("a?-*").unwrap();
        assert!(g.matches("ac-1"));
        assert!(!g.matches("ac1"));
        assert!(Glob::new("*").unwrap().matches(""));
        assert!(Glob::new("").is_none());
    }

    #[test]
    fn natural_order() {
        let mut ids = vec!["ac-10", "ac-2.1", "ac-2", "ac-1", "ac-2.10", "ac-2.2"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            ids,
            ["ac-1", "ac-2", "ac-2.1", "ac-2.2", "ac-2.10", "ac-10"]
        );
    }

    #[test]
    fn finds_references() {
        let mut r = Refs::default();
        r.text("see [x](#0a1b-2c) and {{ insert: param, ac-1_prm_1 }}.");
        assert!(r.fragments.contains("0a1b-2c"));
        assert!(r.params.contains("ac-1_prm_1"));
    }
}
