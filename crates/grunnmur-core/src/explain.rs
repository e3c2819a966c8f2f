//! Rule 9: for every required measure, the trail that made it required: which information type,
//! through which task, which dimension, which dependencies, which profile.

use crate::catalog::{Catalog, MeasureIdx, Scope};
use crate::derive::{Assessment, LevelSource, selecting_dimensions};
use crate::level::{Dimension, Level};
use crate::workspace::{DependencyKind, SystemIdx, Workspace};
use serde::Serialize;
use std::collections::BTreeMap;

/// `system` depends on `on` (so `on` inherits from `system`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DependencyStep {
    pub system: String,
    pub kind: DependencyKind,
    pub on: String,
}

/// Why a scope has the level it has in one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelTrail {
    pub dimension: Dimension,
    pub level: Level,
    /// From the measure's system out to the system whose information set the level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dependency_path: Vec<DependencyStep>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info_type: Option<String>,
    /// The recommendation, when the body adapted it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    /// True when nothing raised the level above the lowest one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trail {
    pub measure: String,
    pub baseline: u8,
    /// The measure's own baseline when a profile moved it earlier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog_baseline: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_by_profile: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub added_by_profile: Option<String>,
    pub selection: &'static str,
    pub because: Vec<LevelTrail>,
    /// The measure's parameters for this body: catalog defaults, then profile settings.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Param {
    pub value: serde_json::Value,
    /// The profile that set it; none for the catalog's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

/// A measure's parameters for a body. When two applicable profiles set the same parameter, the
/// first in catalog order wins (a parameter has no "stricter" direction the engine could know).
pub fn effective_params(
    cat: &Catalog,
    a: &Assessment,
    measure: MeasureIdx,
) -> BTreeMap<String, Param> {
    let mut out: BTreeMap<String, Param> = cat.measures[measure as usize]
        .params
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                Param {
                    value: v.clone(),
                    profile: None,
                },
            )
        })
        .collect();
    for &p in &a.plan.profiles {
        let profile = &cat.profiles[p as usize];
        for (m, params) in &profile.params {
            if *m != measure {
                continue;
            }
            for (k, v) in params {
                let set_by_profile = out.get(k).is_some_and(|x| x.profile.is_some());
                if !set_by_profile {
                    out.insert(
                        k.clone(),
                        Param {
                            value: v.clone(),
                            profile: Some(profile.id.clone()),
                        },
                    );
                }
            }
        }
    }
    out
}

/// The trail of one system's level in one dimension.
pub fn system_level_trail(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    system: SystemIdx,
    d: Dimension,
) -> LevelTrail {
    let mut path = Vec::new();
    let mut at = system;
    // Each step follows a strict rise, so the chain ends; the bound is a guard, not a rule.
    for _ in 0..=ws.systems.len() {
        match a.systems[at].sources[d as usize] {
            LevelSource::Inherited { from, kind } => {
                path.push(DependencyStep {
                    system: ws.systems[from].id.clone(),
                    kind,
                    on: ws.systems[at].id.clone(),
                });
                at = from;
            }
            LevelSource::InfoType { task, item } => {
                let mut t = info_trail(cat, ws, a, d, task, item);
                t.level = a.systems[system].levels[d];
                t.dependency_path = path;
                if at != system {
                    t.system = Some(ws.systems[at].id.clone());
                }
                return t;
            }
            LevelSource::Default => break,
        }
    }
    LevelTrail {
        dimension: d,
        level: a.systems[system].levels[d],
        dependency_path: path,
        system: None,
        task: None,
        info_type: None,
        recommended: None,
        justification: None,
        default: true,
    }
}

/// The trail of the body's level in one dimension.
pub fn org_level_trail(cat: &Catalog, ws: &Workspace, a: &Assessment, d: Dimension) -> LevelTrail {
    let from_task = a.org_sources[d as usize]
        .and_then(|t| a.tasks[t].sources[d as usize].map(|item| (t, item)));
    match from_task {
        Some((task, item)) => info_trail(cat, ws, a, d, task, item),
        None => LevelTrail {
            dimension: d,
            level: a.org_levels[d],
            dependency_path: Vec::new(),
            system: None,
            task: None,
            info_type: None,
            recommended: None,
            justification: None,
            default: true,
        },
    }
}

fn info_trail(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    d: Dimension,
    task: usize,
    item: u32,
) -> LevelTrail {
    let it = &a.tasks[task].items[item as usize];
    let recommended = ws.recommended(cat, it.info)[d];
    let adapted = it.levels[d] != recommended;
    LevelTrail {
        dimension: d,
        level: it.levels[d],
        dependency_path: Vec::new(),
        system: None,
        task: Some(ws.tasks[task].id.clone()),
        info_type: Some(ws.info_id(cat, it.info).to_string()),
        recommended: adapted.then_some(recommended),
        justification: it
            .adaptation
            .filter(|_| adapted)
            .map(|n| ws.tasks[task].adaptations[n as usize].justification.clone()),
        default: false,
    }
}

/// Why `measure` is required for `system` (or for the body when `None`). `None` when the
/// measure is not required there.
pub fn explain(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    system: Option<SystemIdx>,
    measure: MeasureIdx,
) -> Option<Trail> {
    let m = &cat.measures[measure as usize];
    let e = a.plan.effective[measure as usize]?;
    let (scope, levels) = match system {
        Some(s) => (Scope::System, a.systems[s].levels),
        None => (Scope::Org, a.org_levels),
    };
    if m.scope != scope {
        return None;
    }
    let dims = selecting_dimensions(a.plan.mode, levels, m.protects, e.level);
    if dims.is_empty() {
        return None;
    }
    let profile_id = |p: u32| cat.profiles[p as usize].id.clone();
    let because = dims
        .into_iter()
        .map(|d| match system {
            Some(s) => system_level_trail(cat, ws, a, s, d),
            None => org_level_trail(cat, ws, a, d),
        })
        .collect();
    Some(Trail {
        measure: m.id.clone(),
        baseline: e.level.number(),
        catalog_baseline: e.moved_by.map(|_| m.level.number()),
        moved_by_profile: e.moved_by.map(profile_id),
        added_by_profile: e.added_by.map(profile_id),
        selection: a.plan.mode.as_str(),
        because,
        params: effective_params(cat, a, measure),
    })
}
