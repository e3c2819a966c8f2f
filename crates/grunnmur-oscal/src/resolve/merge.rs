//! The merge phase: the imports' selections combined (parameters and resources once each,
//! controls by the combine method) and structured: `as-is` (the sources' groups, same ids
//! merged), `flat` (no groups; the default), or `custom` (groups the profile lays out).

use super::select::{CtlOrder, select, walk};
use super::{Resolver, Selection};
use crate::error::OscalError;
use crate::model::*;
use std::collections::HashSet;

impl Resolver<'_> {
    /// The selections combined and structured as `merge` says; the parameters and resources
    /// of all imports (each once, first wins).
    pub(super) fn merge(
        &mut self,
        key: &str,
        merge: &Merge,
        selections: Vec<Selection>,
    ) -> Result<Selection, OscalError> {
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
        Ok(Selection {
            groups,
            controls,
            params,
            resources,
        })
    }

    fn custom(
        &mut self,
        key: &str,
        custom: &Custom,
        pool: Vec<Control>,
    ) -> Result<(Vec<Group>, Vec<Control>), OscalError> {
        // Every control in the pool, children included, by id: what insert-controls may pick.
        let mut all: Vec<(&Control, Option<usize>)> = Vec::new();
        walk(&pool, None, &mut all);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut ids = vec!["ac-10", "ac-2.1", "ac-2", "ac-1", "ac-2.10", "ac-2.2"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            ids,
            ["ac-1", "ac-2", "ac-2.1", "ac-2.2", "ac-2.10", "ac-10"]
        );
    }
}
