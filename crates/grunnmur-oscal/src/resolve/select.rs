//! The import phase: each import's source is read, its controls selected (`include-all`,
//! `include-controls`, `exclude-controls`; exclusion wins) and kept in the structure they had
//! there. A source is a parsed catalog or a JSON catalog read lazily; one walk serves both.

use super::source::Src;
use super::{Resolver, Selection};
use crate::error::OscalError;
use crate::lazy::{LazyControl, LazyGroup};
use crate::model::*;
use std::collections::{HashMap, HashSet};

impl Resolver<'_> {
    /// Every import's selection, in the order of the imports.
    pub(super) fn imports(
        &mut self,
        profile: &Profile,
        key: &str,
        use_first: bool,
    ) -> Result<Vec<Selection>, OscalError> {
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
            let at = (key, index, import, source.as_str());
            let selection = match self.source_at(&source)? {
                Src::Catalog(catalog) => {
                    let (groups, controls) = f.select(at, &catalog.controls, &catalog.groups)?;
                    Selection {
                        groups,
                        controls,
                        params: catalog.params.clone(),
                        resources: catalog
                            .back_matter
                            .as_ref()
                            .map(|b| b.resources.clone())
                            .unwrap_or_default(),
                    }
                }
                Src::Text(text) => {
                    let Some(lazy) = crate::lazy::lazy_catalog(&text) else {
                        // Not a JSON catalog after all: the full parser says why.
                        let doc = crate::load::parse_document(&source, &text)?;
                        return Err(OscalError::WrongModel {
                            href: source,
                            expected: "catalog or profile".into(),
                            found: doc.kind().into(),
                        });
                    };
                    let (groups, controls) = f.select(at, &lazy.controls, &lazy.groups)?;
                    Selection {
                        groups,
                        controls,
                        params: lazy.params,
                        resources: lazy.back_matter.map(|b| b.resources).unwrap_or_default(),
                    }
                }
            };
            selections.push(selection);
            self.dup_warnings(key, index, dups);
        }
        Ok(selections)
    }

    fn dup_warnings(&mut self, key: &str, index: usize, dups: Vec<String>) {
        for id in dups {
            self.warn(
                format!("{key}: imports[{index}]"),
                format!("control {id} is selected more than once; both kept (combine: keep)"),
            );
        }
    }
}

/// A control of a source, parsed ([`Control`]) or read lazily ([`LazyControl`]): what
/// selection walks.
pub(super) trait SourceControl: Sized {
    fn id(&self) -> &str;
    fn children(&self) -> &[Self];
    /// The control without its child controls, as the result takes it.
    fn body(&self, href: &str) -> Result<Control, OscalError>;
}

/// A group of a source, parsed or read lazily.
trait SourceGroup: Sized {
    type Control: SourceControl;
    fn controls(&self) -> &[Self::Control];
    fn groups(&self) -> &[Self];
    /// The group's own content around the given child groups and controls.
    fn with(&self, groups: Vec<Group>, controls: Vec<Control>) -> Group;
}

impl SourceControl for Control {
    fn id(&self) -> &str {
        &self.id
    }

    fn children(&self) -> &[Control] {
        &self.controls
    }

    fn body(&self, _href: &str) -> Result<Control, OscalError> {
        Ok(self.clone_shallow())
    }
}

impl SourceControl for LazyControl<'_> {
    fn id(&self) -> &str {
        &self.id
    }

    fn children(&self) -> &[Self] {
        &self.controls
    }

    fn body(&self, href: &str) -> Result<Control, OscalError> {
        LazyControl::body(self, href)
    }
}

/// Parsed and lazily read groups have the same fields around their children.
macro_rules! source_group {
    ([$($lt:lifetime)?] $group:ty, $control:ty) => {
        impl<$($lt)?> SourceGroup for $group {
            type Control = $control;

            fn controls(&self) -> &[$control] {
                &self.controls
            }

            fn groups(&self) -> &[Self] {
                &self.groups
            }

            fn with(&self, groups: Vec<Group>, controls: Vec<Control>) -> Group {
                Group {
                    id: self.id.clone(),
                    class: self.class.clone(),
                    title: self.title.clone(),
                    params: self.params.clone(),
                    props: self.props.clone(),
                    links: self.links.clone(),
                    parts: self.parts.clone(),
                    groups,
                    controls,
                }
            }
        }
    };
}

source_group!([] Group, Control);
source_group!(['a] LazyGroup<'a>, LazyControl<'a>);

/// (id, position of the parent control) of every control, depth first, in document order.
pub(super) type CtlOrder<'c> = Vec<(&'c str, Option<usize>)>;

/// Every control of `cs`, children included, depth first in document order, each with the
/// position in `out` of its parent control.
pub(super) fn walk<'c, C: SourceControl>(
    cs: &'c [C],
    parent: Option<usize>,
    out: &mut Vec<(&'c C, Option<usize>)>,
) {
    for c in cs {
        let me = out.len();
        out.push((c, parent));
        walk(c.children(), Some(me), out);
    }
}

/// The order of a source's controls: its top-level controls, then those of its groups.
fn order_of<'c, G: SourceGroup>(controls: &'c [G::Control], groups: &'c [G]) -> CtlOrder<'c> {
    fn in_groups<'c, G: SourceGroup>(gs: &'c [G], out: &mut Vec<(&'c G::Control, Option<usize>)>) {
        for g in gs {
            walk(g.controls(), None, out);
            in_groups(g.groups(), out);
        }
    }
    let mut all = Vec::new();
    walk(controls, None, &mut all);
    in_groups(groups, &mut all);
    all.into_iter()
        .map(|(c, parent)| (c.id(), parent))
        .collect()
}

/// Ids of the controls an import selects (include, then exclude: exclusion wins).
pub(super) fn select(
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

    /// Selects an import's controls from a source (`at`: the profile's key, the import's
    /// position, the import, the source's key), groups first.
    fn select<G: SourceGroup>(
        &mut self,
        at: (&str, usize, &Import, &str),
        controls: &[G::Control],
        groups: &[G],
    ) -> Result<(Vec<Group>, Vec<Control>), OscalError> {
        let (key, index, import, href) = at;
        self.selected = select(key, index, import, &order_of(controls, groups))?;
        let groups = self.groups(groups, href)?;
        let controls = self.controls(controls, href)?;
        Ok((groups, controls))
    }

    fn controls<C: SourceControl>(
        &mut self,
        cs: &[C],
        href: &str,
    ) -> Result<Vec<Control>, OscalError> {
        let (mut kept, promoted) = self.controls_split(cs, href)?;
        kept.extend(promoted);
        Ok(kept)
    }

    fn controls_split<C: SourceControl>(
        &mut self,
        cs: &[C],
        href: &str,
    ) -> Result<(Vec<Control>, Vec<Control>), OscalError> {
        let mut out = Vec::new();
        let mut promoted = Vec::new();
        for c in cs {
            let (children, child_promoted) = self.controls_split(c.children(), href)?;
            let body = if self.selected.contains(c.id()) {
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

    fn groups<G: SourceGroup>(&mut self, gs: &[G], href: &str) -> Result<Vec<Group>, OscalError> {
        let mut out = Vec::new();
        for g in gs {
            let controls = self.controls(g.controls(), href)?;
            let groups = self.groups(g.groups(), href)?;
            if controls.is_empty() && groups.is_empty() {
                continue;
            }
            out.push(g.with(groups, controls));
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
}
