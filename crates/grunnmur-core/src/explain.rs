//! Rule 9: for every required measure, the trail that made it required: which information type,
//! through which task, which dimension, which dependencies, which profile.

use crate::catalog::{Catalog, MeasureIdx, Scope};
use crate::derive::{Assessment, LevelSource, selecting_dimensions};
use crate::level::{Dimension, Level};
use crate::workspace::{DependencyKind, InfoRef, SystemIdx, Workspace};
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
    /// The levels that select the measure (empty when only a legal duty requires it).
    pub because: Vec<LevelTrail>,
    /// Rule 8: the sector profile that added or moved the measure for this system, and the
    /// system through which the sector reached it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sector_reach: Vec<SectorTrail>,
    /// Rule 16: the legal duties that require the measure whatever the levels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub required_by: Vec<DutyTrail>,
    /// The measure's parameters for this body: catalog defaults, then profile settings.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
    /// Rule 15: the pair's effective status and the source that gave it.
    pub status: crate::effective::StateOut,
}

/// A sector profile reaching a system: `system` processes `task` of `sector`, and is the
/// measure's system or runs on it (directly or through others).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SectorTrail {
    pub profile: String,
    pub sector: String,
    pub system: String,
    pub task: String,
}

/// A legal duty requiring a measure (rule 16): the requirement, carried by the information
/// type (or, without one, by the task itself) that the system or body processes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DutyTrail {
    pub requirement: String,
    pub task: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info_type: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Param {
    pub value: serde_json::Value,
    /// The profile that set it; none for the catalog's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

/// A measure's parameters for a system (the profiles that reach it) or the body (`None`). When
/// two profiles set the same parameter, the first in catalog order wins (a parameter has no
/// "stricter" direction the engine could know).
pub fn effective_params(
    cat: &Catalog,
    a: &Assessment,
    system: Option<SystemIdx>,
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
    let profiles = match system {
        Some(s) => a.plan.profiles_of(a.systems[s].variant),
        None => a.plan.profiles.clone(),
    };
    for p in profiles {
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
    let (scope, levels, required) = match system {
        Some(s) => (Scope::System, a.systems[s].levels, &a.systems[s].required),
        None => (Scope::Org, a.org_levels, &a.org_required),
    };
    if m.scope != scope || required.binary_search(&measure).is_err() {
        return None;
    }
    let e = a.effective(cat, system, measure)?;
    let dims = selecting_dimensions(a.plan.mode, levels, m.protects, e.level);
    let by_level = !dims.is_empty()
        && match system {
            Some(s) => a.plan.variants[a.systems[s].variant].effective[measure as usize].is_some(),
            None => a.plan.effective[measure as usize].is_some(),
        };
    let profile_id = |p: u32| cat.profiles[p as usize].id.clone();
    let because = if by_level {
        dims.into_iter()
            .map(|d| match system {
                Some(s) => system_level_trail(cat, ws, a, s, d),
                None => org_level_trail(cat, ws, a, d),
            })
            .collect()
    } else {
        Vec::new()
    };
    let sector_reach = match system {
        Some(s) if by_level => sector_trail(cat, ws, a, s, [e.added_by, e.moved_by]),
        _ => Vec::new(),
    };
    Some(Trail {
        measure: m.id.clone(),
        baseline: e.level.number(),
        catalog_baseline: e.moved_by.map(|_| m.level.number()),
        moved_by_profile: e.moved_by.map(profile_id),
        added_by_profile: e.added_by.map(profile_id),
        selection: a.plan.mode.as_str(),
        because,
        sector_reach,
        required_by: duty_trail(cat, ws, system, measure),
        params: effective_params(cat, a, system, measure),
        status: state_of(a, system, measure)?.out(ws),
    })
}

/// A required pair's effective status.
fn state_of(
    a: &Assessment,
    system: Option<SystemIdx>,
    measure: MeasureIdx,
) -> Option<crate::effective::PairState> {
    let (required, states) = match system {
        Some(s) => (&a.systems[s].required[..], &a.systems[s].states),
        None => (&a.org_required[..], &a.org_states),
    };
    let at = required.binary_search(&measure).ok()?;
    Some(states.get(at))
}

/// The sector profiles among `profiles` that reach system `s`, with how they reach it.
fn sector_trail(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    s: SystemIdx,
    profiles: [Option<u32>; 2],
) -> Vec<SectorTrail> {
    let mut out: Vec<SectorTrail> = Vec::new();
    for p in profiles.into_iter().flatten() {
        let Some(sp) = a.plan.sector_profiles.iter().find(|x| x.profile == p) else {
            continue;
        };
        let via = a.systems[s]
            .sectors
            .iter()
            .find(|r| sp.sectors.contains(&ws.org.sectors[r.sector as usize]));
        if let Some(r) = via {
            let t = SectorTrail {
                profile: cat.profiles[p as usize].id.clone(),
                sector: ws.org.sectors[r.sector as usize].clone(),
                system: ws.systems[r.via].id.clone(),
                task: ws.tasks[r.task].id.clone(),
            };
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

/// Rule 16: the first place each of the measure's requirements is met — an information type
/// the system (or, for `None`, the body) processes, or a task — in processing order.
fn duty_trail(
    cat: &Catalog,
    ws: &Workspace,
    system: Option<SystemIdx>,
    measure: MeasureIdx,
) -> Vec<DutyTrail> {
    let wanted = &cat.measures[measure as usize].required_by;
    if wanted.is_empty() {
        return Vec::new();
    }
    // (task, positions processed): a system's processing, or every task of the body whole.
    let places: Vec<(usize, Vec<u32>)> = match system {
        Some(s) => ws.systems[s]
            .processes
            .iter()
            .map(|p| (p.task, p.items.clone()))
            .collect(),
        None => (ws.tasks.iter().enumerate())
            .map(|(n, t)| (n, (0..t.info_types.len() as u32).collect()))
            .collect(),
    };
    let mut out: Vec<DutyTrail> = Vec::new();
    let mut add = |requirement: &String, task: usize, info_type: Option<String>| {
        if wanted.contains(requirement) && !out.iter().any(|d| &d.requirement == requirement) {
            out.push(DutyTrail {
                requirement: requirement.clone(),
                task: ws.tasks[task].id.clone(),
                info_type,
            });
        }
    };
    for (t, items) in places {
        let task = &ws.tasks[t];
        for item in items {
            if let Some(InfoRef::Catalog(i)) = task.info_types.get(item as usize) {
                let it = &cat.info_types[*i as usize];
                for r in &it.requirements {
                    add(r, t, Some(it.id.clone()));
                }
            }
        }
        if let Some(c) = task.catalog {
            for r in &cat.tasks[c as usize].requirements {
                add(r, t, None);
            }
        }
    }
    out
}
