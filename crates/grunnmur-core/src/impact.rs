//! What another catalog release (or a draft of one) changes for one body: the body's workspace
//! derived against both, compared — the levels of the body and of each system, and the measures
//! each requires gained or lost. Measures are compared by catalog id, since indexes differ from
//! one release to the next.

use crate::catalog::{Catalog, MeasureIdx};
use crate::derive::Assessment;
use crate::level::Levels;
use crate::workspace::Workspace;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One scope's change: the body as a whole (org-scope measures) or one system.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScopeImpact {
    pub levels_before: Levels,
    pub levels_after: Levels,
    /// Required after, not before (catalog ids, sorted).
    pub measures_added: Vec<String>,
    /// Required before, not after.
    pub measures_removed: Vec<String>,
}

impl ScopeImpact {
    pub fn changes(&self) -> bool {
        self.levels_before != self.levels_after
            || !self.measures_added.is_empty()
            || !self.measures_removed.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SystemImpact {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub scope: ScopeImpact,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Impact {
    pub org: ScopeImpact,
    /// The systems something changes for, in the workspace's order.
    pub systems: Vec<SystemImpact>,
    /// How many systems nothing changes for.
    pub systems_unchanged: usize,
}

impl Impact {
    pub fn changes(&self) -> bool {
        self.org.changes() || !self.systems.is_empty()
    }
}

/// A derivation: the catalog it was made against, the workspace, the engine's result.
pub type Derivation<'a> = (&'a Catalog, &'a Workspace, &'a Assessment);

fn ids(cat: &Catalog, required: &[MeasureIdx]) -> BTreeSet<String> {
    (required.iter())
        .map(|m| cat.measures[*m as usize].id.clone())
        .collect()
}

fn scope(
    (cb, lb, rb): (&Catalog, Levels, &[MeasureIdx]),
    (ca, la, ra): (&Catalog, Levels, &[MeasureIdx]),
) -> ScopeImpact {
    let (before, after) = (ids(cb, rb), ids(ca, ra));
    ScopeImpact {
        levels_before: lb,
        levels_after: la,
        measures_added: after.difference(&before).cloned().collect(),
        measures_removed: before.difference(&after).cloned().collect(),
    }
}

/// The change from `before` to `after`: the same body document resolved against two catalogs.
/// A system in only one of them (it cannot be, from one document) is left out.
pub fn impact(before: Derivation, after: Derivation) -> Impact {
    let (cb, wb, ab) = before;
    let (ca, wa, aa) = after;
    let org = scope(
        (cb, ab.org_levels, &ab.org_required),
        (ca, aa.org_levels, &aa.org_required),
    );
    let after_index: BTreeMap<&str, usize> = (wa.systems.iter().enumerate())
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut systems = Vec::new();
    let mut systems_unchanged = 0;
    for (i, sys) in wb.systems.iter().enumerate() {
        let Some(&j) = after_index.get(sys.id.as_str()) else {
            continue;
        };
        let (rb, ra) = (&ab.systems[i], &aa.systems[j]);
        let s = scope((cb, rb.levels, &rb.required), (ca, ra.levels, &ra.required));
        if s.changes() {
            systems.push(SystemImpact {
                id: sys.id.clone(),
                name: sys.name.clone(),
                scope: s,
            });
        } else {
            systems_unchanged += 1;
        }
    }
    Impact {
        org,
        systems,
        systems_unchanged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::assess;
    use crate::testkit::*;

    fn catalog(c_level: &str, extra: bool) -> Catalog {
        let mut b = CatBuilder::default()
            .info("x.a", c_level)
            .info("x.b", "lll")
            .task("t.a", &["x.a"])
            .task("t.b", &["x.b"])
            .measure("m.1", 1, "c")
            .measure("m.2", 2, "c")
            .org_measure("m.org", 1, "c");
        if extra {
            b = b.measure("m.new", 1, "i");
        }
        b.build()
    }

    #[test]
    fn a_raised_level_and_a_new_measure_show_where_they_apply() {
        let (old, new) = (catalog("lll", false), catalog("mll", true));
        let ws = |cat| {
            WsBuilder::new(cat)
                .adopt("t.a")
                .adopt("t.b")
                .system("s.a", &[("t.a", None)])
                .system("s.b", &[("t.b", None)])
                .build()
        };
        let (wo, wn) = (ws(&old), ws(&new));
        let today = date("2026-12-01");
        let (ao, an) = (assess(&old, &wo, today), assess(&new, &wn, today));
        let i = impact((&old, &wo, &ao), (&new, &wn, &an));
        assert_eq!(i.org.levels_before, lv("lll"));
        assert_eq!(i.org.levels_after, lv("mll"));
        assert_eq!(
            i.org.measures_added,
            Vec::<String>::new(),
            "org scope: m.org both"
        );
        // s.a processes x.a: raised to middels, so m.2 (BN2) comes; m.new (BN1, all) too.
        assert_eq!(i.systems.len(), 2, "{i:?}");
        let sa = &i.systems[0];
        assert_eq!((sa.id.as_str(), sa.scope.levels_after), ("s.a", lv("mll")));
        assert_eq!(sa.scope.measures_added, vec!["m.2", "m.new"]);
        assert!(sa.scope.measures_removed.is_empty());
        // s.b: only the new measure.
        assert_eq!(i.systems[1].scope.measures_added, vec!["m.new"]);
        assert_eq!(i.systems_unchanged, 0);
        // The same release: nothing changes.
        let same = impact((&old, &wo, &ao), (&old, &wo, &ao));
        assert!(!same.changes());
        assert_eq!(same.systems_unchanged, 2);
        // Back again: what came is what goes.
        let back = impact((&new, &wn, &an), (&old, &wo, &ao));
        assert_eq!(back.systems[0].scope.measures_removed, vec!["m.2", "m.new"]);
    }
}
