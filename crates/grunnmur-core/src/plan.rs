//! The measure plan of one body: which measures apply at which baseline after the body's
//! profiles (rule 8), with the selection for each of the 27 level combinations computed once
//! (rule 7), and the measures legal duties trigger (rule 16).
//!
//! A profile that applies to the body only through a sector (`sector:X`) reaches the body's
//! org-scope measures and, for system-scope measures, only the systems in that sector's reach
//! (see [`crate::reach`]). So the system tables come in variants, one per set of sector
//! profiles in reach; the body's tables use every applicable profile.

use crate::catalog::{Applicability, Catalog, InfoTypeIdx, MeasureIdx, ProfileIdx, Scope, TaskIdx};
use crate::level::{Baseline, Level, Levels};
use crate::workspace::SelectionMode;
use std::collections::HashMap;
use std::sync::Arc;

/// A measure as it applies to one body (or one system), after its profiles (rule 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EffectiveMeasure {
    pub level: Baseline,
    /// The profile that moved the measure to its earlier baseline, if any.
    pub moved_by: Option<ProfileIdx>,
    /// The profile that added a profile-only measure.
    pub added_by: Option<ProfileIdx>,
}

/// The system-scope selection with one set of sector profiles in reach.
#[derive(Clone, Debug)]
pub struct Variant {
    /// The sector profiles in reach (indexes into [`MeasurePlan::sector_profiles`]), sorted.
    pub sector_profiles: Vec<u32>,
    /// Indexed by `MeasureIdx`, with the general profiles and these sector profiles.
    pub effective: Vec<Option<EffectiveMeasure>>,
    by_code: [Arc<[MeasureIdx]>; 27],
}

/// A profile that applies to the body only through some of its sectors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectorProfile {
    pub profile: ProfileIdx,
    /// The body's sectors the profile applies by.
    pub sectors: Vec<String>,
}

/// Which measures apply to one body and at which baseline.
#[derive(Clone, Debug)]
pub struct MeasurePlan {
    pub mode: SelectionMode,
    /// Every profile that applies to the body, in catalog order.
    pub profiles: Vec<ProfileIdx>,
    /// Those of `profiles` that apply only through a sector (rule 8, amended).
    pub sector_profiles: Vec<SectorProfile>,
    /// The body's view (org scope), with every applicable profile. Indexed by `MeasureIdx`;
    /// `None` for a profile-only measure no applicable profile adds.
    pub effective: Vec<Option<EffectiveMeasure>>,
    org_by_code: [Arc<[MeasureIdx]>; 27],
    /// System tables; the first has no sector profile in reach. More are added by
    /// [`MeasurePlan::variant_for`] as systems need them.
    pub variants: Vec<Variant>,
    /// Rule 16: measures each catalog information type triggers.
    pub(crate) info_triggers: HashMap<InfoTypeIdx, Vec<MeasureIdx>>,
    /// Rule 16: measures each catalog task triggers.
    pub(crate) task_triggers: HashMap<TaskIdx, Vec<MeasureIdx>>,
}

fn effective_with(
    cat: &Catalog,
    profiles: &mut dyn Iterator<Item = ProfileIdx>,
) -> Vec<Option<EffectiveMeasure>> {
    let profiles: Vec<ProfileIdx> = profiles.collect();
    let mut effective: Vec<Option<EffectiveMeasure>> = cat
        .measures
        .iter()
        .map(|m| {
            (!m.profile_only).then_some(EffectiveMeasure {
                level: m.level,
                moved_by: None,
                added_by: None,
            })
        })
        .collect();
    for &p in &profiles {
        for &m in &cat.profiles[p as usize].add {
            let e = &mut effective[m as usize];
            if e.is_none() {
                *e = Some(EffectiveMeasure {
                    level: cat.measures[m as usize].level,
                    moved_by: None,
                    added_by: Some(p),
                });
            }
        }
    }
    // Overrides after additions, so a profile may move a measure another profile adds.
    for &p in &profiles {
        for &(m, level) in &cat.profiles[p as usize].level_overrides {
            if let Some(e) = &mut effective[m as usize]
                && level < e.level
            {
                e.level = level;
                e.moved_by = Some(p);
            }
        }
    }
    effective
}

fn tables(
    cat: &Catalog,
    effective: &[Option<EffectiveMeasure>],
    mode: SelectionMode,
    scope: Scope,
) -> [Arc<[MeasureIdx]>; 27] {
    std::array::from_fn(|code| {
        let levels = levels_from_code(code);
        effective
            .iter()
            .enumerate()
            .filter_map(|(n, e)| {
                let e = e.as_ref()?;
                let m = &cat.measures[n];
                (m.scope == scope && crate::derive::selects(mode, levels, m.protects, e.level))
                    .then_some(n as MeasureIdx)
            })
            .collect()
    })
}

fn levels_from_code(code: usize) -> Levels {
    let l = |n: usize| Level::ALL[n];
    Levels::new(l(code / 9), l(code / 3 % 3), l(code % 3))
}

/// Rule 16: requirement id → the measures it triggers; then per information type and task.
fn triggers(
    cat: &Catalog,
) -> (
    HashMap<InfoTypeIdx, Vec<MeasureIdx>>,
    HashMap<TaskIdx, Vec<MeasureIdx>>,
) {
    let mut by_req: HashMap<&str, Vec<MeasureIdx>> = HashMap::new();
    for (n, m) in cat.measures.iter().enumerate() {
        for r in &m.required_by {
            by_req.entry(r.as_str()).or_default().push(n as MeasureIdx);
        }
    }
    if by_req.is_empty() {
        return (HashMap::new(), HashMap::new());
    }
    let of = |reqs: &[String]| -> Vec<MeasureIdx> {
        let mut v: Vec<MeasureIdx> = reqs
            .iter()
            .filter_map(|r| by_req.get(r.as_str()))
            .flatten()
            .copied()
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let info = (cat.info_types.iter().enumerate())
        .map(|(n, t)| (n as InfoTypeIdx, of(&t.requirements)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let task = (cat.tasks.iter().enumerate())
        .map(|(n, t)| (n as TaskIdx, of(&t.requirements)))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    (info, task)
}

impl MeasurePlan {
    /// A plan with these profiles applying to every system (as profiles applying by kind do).
    pub fn new(cat: &Catalog, profiles: Vec<ProfileIdx>, mode: SelectionMode) -> MeasurePlan {
        MeasurePlan::with_sector_profiles(cat, profiles, Vec::new(), mode)
    }

    /// The plan of a body of this kind, these sectors and this selection mode: the profiles
    /// that apply by kind (or to all) reach every system, those that apply only by a sector
    /// reach the sector's systems.
    pub fn for_body(
        cat: &Catalog,
        kind: crate::catalog::OrgKind,
        sectors: &[String],
        mode: SelectionMode,
    ) -> MeasurePlan {
        let mut profiles = Vec::new();
        let mut by_sector = Vec::new();
        for p in cat.profiles_for(kind, sectors) {
            let applies = &cat.profiles[p as usize].applies_to;
            let general = applies
                .iter()
                .any(|a| !matches!(a, Applicability::Sector(_)) && a.matches(kind, sectors));
            if general {
                profiles.push(p);
            } else {
                let through = applies
                    .iter()
                    .filter_map(|a| match a {
                        Applicability::Sector(s) if sectors.contains(s) => Some(s.clone()),
                        _ => None,
                    })
                    .collect();
                by_sector.push(SectorProfile {
                    profile: p,
                    sectors: through,
                });
            }
        }
        MeasurePlan::with_sector_profiles(cat, profiles, by_sector, mode)
    }

    fn with_sector_profiles(
        cat: &Catalog,
        general: Vec<ProfileIdx>,
        sector_profiles: Vec<SectorProfile>,
        mode: SelectionMode,
    ) -> MeasurePlan {
        let mut profiles: Vec<ProfileIdx> = general
            .iter()
            .copied()
            .chain(sector_profiles.iter().map(|s| s.profile))
            .collect();
        profiles.sort_unstable();
        let effective = effective_with(cat, &mut profiles.iter().copied());
        let org_by_code = tables(cat, &effective, mode, Scope::Org);
        let base = if sector_profiles.is_empty() {
            effective.clone()
        } else {
            effective_with(cat, &mut general.iter().copied())
        };
        let by_code = tables(cat, &base, mode, Scope::System);
        let (info_triggers, task_triggers) = triggers(cat);
        MeasurePlan {
            mode,
            profiles,
            sector_profiles,
            effective,
            org_by_code,
            variants: vec![Variant {
                sector_profiles: Vec::new(),
                effective: base,
                by_code,
            }],
            info_triggers,
            task_triggers,
        }
    }

    /// The profiles that reach a system of this variant, in catalog order: every profile but
    /// the sector profiles out of its reach.
    pub fn profiles_of(&self, variant: usize) -> Vec<ProfileIdx> {
        let reach = &self.variants[variant].sector_profiles;
        self.profiles
            .iter()
            .copied()
            .filter(
                |p| match self.sector_profiles.iter().position(|s| s.profile == *p) {
                    Some(k) => reach.contains(&(k as u32)),
                    None => true,
                },
            )
            .collect()
    }

    /// The variant for this set of sector profiles in reach (sorted indexes into
    /// `sector_profiles`), made when first asked for.
    pub fn variant_for(&mut self, cat: &Catalog, reach: &[u32]) -> usize {
        if let Some(n) = self
            .variants
            .iter()
            .position(|v| v.sector_profiles == reach)
        {
            return n;
        }
        let general = self.profiles_of(0);
        let extra = reach
            .iter()
            .map(|&k| self.sector_profiles[k as usize].profile);
        let mut profiles: Vec<ProfileIdx> = general.into_iter().chain(extra).collect();
        profiles.sort_unstable();
        let effective = effective_with(cat, &mut profiles.into_iter());
        let by_code = tables(cat, &effective, self.mode, Scope::System);
        self.variants.push(Variant {
            sector_profiles: reach.to_vec(),
            effective,
            by_code,
        });
        self.variants.len() - 1
    }

    /// Required measures of one scope at these levels, sorted by index: the body's (org scope)
    /// or a system's with no sector profile in reach. Legal duties (rule 16) come on top.
    pub fn required(&self, scope: Scope, levels: Levels) -> &Arc<[MeasureIdx]> {
        match scope {
            Scope::System => &self.variants[0].by_code[levels.code()],
            Scope::Org => &self.org_by_code[levels.code()],
        }
    }

    /// Required system-scope measures of a variant at these levels, sorted by index.
    pub fn required_in(&self, variant: usize, levels: Levels) -> &Arc<[MeasureIdx]> {
        &self.variants[variant].by_code[levels.code()]
    }

    /// Rule 16: the measures a catalog information type triggers.
    pub fn info_triggers(&self, info: InfoTypeIdx) -> &[MeasureIdx] {
        self.info_triggers.get(&info).map_or(&[], Vec::as_slice)
    }

    /// Rule 16: the measures a catalog task triggers.
    pub fn task_triggers(&self, task: TaskIdx) -> &[MeasureIdx] {
        self.task_triggers.get(&task).map_or(&[], Vec::as_slice)
    }

    /// Whether any measure of the catalog is triggered by a legal duty.
    pub fn has_triggers(&self) -> bool {
        !self.info_triggers.is_empty() || !self.task_triggers.is_empty()
    }
}
