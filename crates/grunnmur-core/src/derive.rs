//! Derivation: levels (rules 2, 3, 5), cumulation flags (rule 4), measure selection with
//! profiles (rules 6-8), and the risk-assessment-needed list (rule 10). Every level keeps its
//! source so that `explain` can give the trail (rule 9).

use crate::catalog::{Catalog, InfoTypeIdx, MeasureIdx, Scope};
use crate::date::Date;
use crate::effective::Cover;
pub use crate::effective::{PairState, PairStates, Source};
use crate::level::{Baseline, DimSet, Dimension, Level, Levels};
pub use crate::plan::{EffectiveMeasure, MeasurePlan};
pub use crate::reach::SectorVia;
use crate::workspace::{
    BodyTaskIdx, DependencyKind, InfoRef, SelectionMode, Status, SystemIdx, Workspace,
};
use std::sync::Arc;

/// Rule 7: is a measure with this baseline and protected set required at these levels?
pub fn selects(mode: SelectionMode, levels: Levels, protects: DimSet, baseline: Baseline) -> bool {
    match mode {
        SelectionMode::PerDimension => protects.iter().any(|d| baseline.reached_by(levels[d])),
        SelectionMode::HighWaterMark => baseline.reached_by(levels.max_level()),
    }
}

/// The dimensions through which a measure is required (for the trail).
pub fn selecting_dimensions(
    mode: SelectionMode,
    levels: Levels,
    protects: DimSet,
    baseline: Baseline,
) -> Vec<Dimension> {
    match mode {
        SelectionMode::PerDimension => protects
            .iter()
            .filter(|d| baseline.reached_by(levels[*d]))
            .collect(),
        SelectionMode::HighWaterMark => {
            let top = levels.max_level();
            if baseline.reached_by(top) {
                Dimension::ALL
                    .into_iter()
                    .filter(|d| levels[*d] == top)
                    .take(1)
                    .collect()
            } else {
                Vec::new()
            }
        }
    }
}

/// Where a system's level in one dimension comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelSource {
    /// Nothing raises it: the lowest level.
    Default,
    /// An information type the system processes, through a task.
    InfoType { task: BodyTaskIdx, item: u32 },
    /// Inherited from a system that depends on this one.
    Inherited {
        from: SystemIdx,
        kind: DependencyKind,
    },
}

/// One information type of a task with the body's adaptation applied.
#[derive(Clone, Copy, Debug)]
pub struct AdaptedInfo {
    pub info: InfoRef,
    pub levels: Levels,
    /// Dimensions lowered below the recommendation.
    pub lowered: DimSet,
    /// Index into the task's adaptations, if adapted.
    pub adaptation: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deviation {
    pub info_type: InfoTypeIdx,
    pub dimension: Dimension,
    pub recommended: Level,
    pub chosen: Level,
    pub adaptation: u32,
}

#[derive(Clone, Debug)]
pub struct TaskResult {
    pub items: Vec<AdaptedInfo>,
    pub levels: Levels,
    /// Item giving the level per dimension (`None` for a task without information types).
    pub sources: [Option<u32>; 3],
    pub deviations: Vec<Deviation>,
}

#[derive(Clone, Debug)]
pub struct SystemResult {
    /// Maximum over the information types the system processes (rule 2).
    pub own_levels: Levels,
    /// After dependency inheritance (rule 3).
    pub levels: Levels,
    pub sources: [LevelSource; 3],
    /// Rule 4: dimensions flagged for a human decision.
    pub cumulation: DimSet,
    /// Distinct information types at middels, per dimension.
    pub middels_counts: [u32; 3],
    pub processes_lowered: bool,
    pub processes_own: bool,
    /// The body's sectors that reach the system, and through which system (rule 8).
    pub sectors: Vec<SectorVia>,
    /// The plan's variant for the sector profiles in reach ([`MeasurePlan::variants`]).
    pub variant: usize,
    /// Required system-scope measures, sorted by index: by level (rules 7-8) and by legal
    /// duty (rule 16).
    pub required: Arc<[MeasureIdx]>,
    /// The effective status of each required measure, in `required`'s order (rule 15).
    pub states: PairStates,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    HighLevel,
    LoweredLevel,
    OwnInfoType,
    Cumulation,
    NotApplicable,
    Overdue,
    /// The only source of a required measure was a declaration that expired or was withdrawn.
    SupplierExpired,
}

impl Reason {
    /// How much a reason weighs when the list is prioritised: lapses in what the baseline
    /// asks for and deliberate lowering come before what merely calls for a closer look.
    pub fn weight(self) -> u32 {
        match self {
            Reason::Overdue
            | Reason::NotApplicable
            | Reason::LoweredLevel
            | Reason::SupplierExpired => 3,
            Reason::HighLevel | Reason::Cumulation => 2,
            Reason::OwnInfoType => 1,
        }
    }

    pub const ALL: [Reason; 7] = [
        Reason::HighLevel,
        Reason::LoweredLevel,
        Reason::OwnInfoType,
        Reason::Cumulation,
        Reason::NotApplicable,
        Reason::Overdue,
        Reason::SupplierExpired,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Reason::HighLevel => "high_level",
            Reason::LoweredLevel => "lowered_level",
            Reason::OwnInfoType => "own_info_type",
            Reason::Cumulation => "cumulation",
            Reason::NotApplicable => "not_applicable",
            Reason::Overdue => "overdue",
            Reason::SupplierExpired => "supplier_expired",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Object {
    Org,
    Task(BodyTaskIdx),
    System(SystemIdx),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RiskItem {
    pub object: Object,
    /// Sorted, distinct.
    pub reasons: Vec<Reason>,
    /// Measures behind `not_applicable` and `overdue`.
    pub measures: Vec<MeasureIdx>,
}

impl RiskItem {
    pub fn weight(&self) -> u32 {
        self.reasons.iter().map(|r| r.weight()).sum()
    }
}

#[derive(Clone, Debug)]
pub struct Assessment {
    pub plan: MeasurePlan,
    pub tasks: Vec<TaskResult>,
    pub org_levels: Levels,
    /// Task giving the body's level per dimension.
    pub org_sources: [Option<BodyTaskIdx>; 3],
    pub systems: Vec<SystemResult>,
    pub org_required: Arc<[MeasureIdx]>,
    /// The effective status of each of `org_required`, in its order (rule 15).
    pub org_states: PairStates,
    /// Prioritised (rule 10).
    pub risk: Vec<RiskItem>,
}

impl Assessment {
    /// A measure as it applies to a system (its sector profiles in reach) or to the body
    /// (`None`). A measure only a legal duty requires (rule 16) has its catalog baseline.
    pub fn effective(
        &self,
        cat: &Catalog,
        system: Option<SystemIdx>,
        m: MeasureIdx,
    ) -> Option<EffectiveMeasure> {
        let (e, required) = match system {
            Some(s) => {
                let sys = &self.systems[s];
                let e = self.plan.variants[sys.variant].effective[m as usize];
                (e, &sys.required)
            }
            None => (self.plan.effective[m as usize], &self.org_required),
        };
        e.or_else(|| {
            required
                .binary_search(&m)
                .is_ok()
                .then(|| EffectiveMeasure {
                    level: cat.measures[m as usize].level,
                    moved_by: None,
                    added_by: None,
                })
        })
    }
}

/// Runs the engine on one body's workspace. `today` decides what is overdue.
pub fn assess(cat: &Catalog, ws: &Workspace, today: Date) -> Assessment {
    let plan = MeasurePlan::for_body(cat, ws.org.kind, &ws.org.sectors, ws.org.selection);
    assess_with_plan(cat, ws, plan, today)
}

/// As [`assess`], with a measure plan made earlier for the same body settings (the plan
/// depends only on the catalog, kind, sectors and selection mode).
pub fn assess_with_plan(
    cat: &Catalog,
    ws: &Workspace,
    mut plan: MeasurePlan,
    today: Date,
) -> Assessment {
    let tasks: Vec<TaskResult> = ws.tasks.iter().map(|t| task_result(cat, ws, t)).collect();

    let mut org_levels = Levels::LOWEST;
    let mut org_sources = [None; 3];
    for (n, t) in tasks.iter().enumerate() {
        for d in Dimension::ALL {
            if org_sources[d as usize].is_none() || t.levels[d] > org_levels[d] {
                org_levels[d] = t.levels[d].max(org_levels[d]);
                org_sources[d as usize] = Some(n);
            }
        }
    }

    let mut systems = own_levels(ws, &tasks);
    inherit(ws, &mut systems);
    let reach = crate::reach::sector_reach(cat, ws);
    let threshold = ws.org.cumulation_threshold;
    for (n, (s, sectors)) in systems.iter_mut().zip(reach).enumerate() {
        for d in Dimension::ALL {
            if s.middels_counts[d as usize] >= threshold && s.levels[d] == Level::Middels {
                s.cumulation.insert(d);
            }
        }
        s.variant = variant_of(cat, ws, &mut plan, &sectors);
        s.sectors = sectors;
        let by_level = plan.required_in(s.variant, s.levels);
        s.required = with_duties(cat, by_level, Scope::System, system_duties(ws, &plan, n));
    }
    let org_required = with_duties(
        cat,
        plan.required(Scope::Org, org_levels),
        Scope::Org,
        org_duties(ws, &plan),
    );
    let cover = Cover::new(ws, today);
    for (n, s) in systems.iter_mut().enumerate() {
        s.states = cover.states(Some(n), &s.required);
    }
    let org_states = cover.states(None, &org_required);
    let risk = risk_list(ws, &tasks, &systems, &org_required, &org_states, org_levels);
    Assessment {
        plan,
        tasks,
        org_levels,
        org_sources,
        systems,
        org_required,
        org_states,
        risk,
    }
}

/// The plan's variant for the sector profiles that reach a system through these sectors.
fn variant_of(cat: &Catalog, ws: &Workspace, plan: &mut MeasurePlan, reach: &[SectorVia]) -> usize {
    if reach.is_empty() || plan.sector_profiles.is_empty() {
        return 0;
    }
    let in_reach: Vec<u32> = (plan.sector_profiles.iter().enumerate())
        .filter(|(_, sp)| {
            reach
                .iter()
                .any(|r| sp.sectors.contains(&ws.org.sectors[r.sector as usize]))
        })
        .map(|(k, _)| k as u32)
        .collect();
    plan.variant_for(cat, &in_reach)
}

/// Rule 16: the measures the legal duties of what a system processes trigger (its tasks, and
/// the information types it processes of them), unsorted.
fn system_duties(ws: &Workspace, plan: &MeasurePlan, s: SystemIdx) -> Vec<MeasureIdx> {
    let mut out = Vec::new();
    if !plan.has_triggers() {
        return out;
    }
    for p in &ws.systems[s].processes {
        let task = &ws.tasks[p.task];
        if let Some(c) = task.catalog {
            out.extend_from_slice(plan.task_triggers(c));
        }
        for &item in &p.items {
            if let Some(InfoRef::Catalog(i)) = task.info_types.get(item as usize) {
                out.extend_from_slice(plan.info_triggers(*i));
            }
        }
    }
    out
}

/// Rule 16: the measures the legal duties of the body's tasks trigger (the tasks', and their
/// information types'), unsorted.
fn org_duties(ws: &Workspace, plan: &MeasurePlan) -> Vec<MeasureIdx> {
    let mut out = Vec::new();
    if !plan.has_triggers() {
        return out;
    }
    for task in &ws.tasks {
        if let Some(c) = task.catalog {
            out.extend_from_slice(plan.task_triggers(c));
        }
        for info in &task.info_types {
            if let InfoRef::Catalog(i) = info {
                out.extend_from_slice(plan.info_triggers(*i));
            }
        }
    }
    out
}

/// The measures selected by level plus those of `scope` legal duties trigger, sorted, distinct.
fn with_duties(
    cat: &Catalog,
    by_level: &Arc<[MeasureIdx]>,
    scope: Scope,
    duties: Vec<MeasureIdx>,
) -> Arc<[MeasureIdx]> {
    let mut extra: Vec<MeasureIdx> = duties
        .into_iter()
        .filter(|&m| cat.measures[m as usize].scope == scope && by_level.binary_search(&m).is_err())
        .collect();
    if extra.is_empty() {
        return by_level.clone();
    }
    extra.extend_from_slice(by_level);
    extra.sort_unstable();
    extra.dedup();
    extra.into()
}

fn task_result(cat: &Catalog, ws: &Workspace, t: &crate::workspace::BodyTask) -> TaskResult {
    let mut items = Vec::with_capacity(t.info_types.len());
    let mut deviations = Vec::new();
    for &info in &t.info_types {
        let recommended = ws.recommended(cat, info);
        let adaptation = match info {
            InfoRef::Catalog(i) => t.adaptations.iter().position(|a| a.info_type == i),
            InfoRef::Own(_) => None,
        };
        let mut levels = recommended;
        let mut lowered = DimSet::EMPTY;
        if let (Some(n), InfoRef::Catalog(i)) = (adaptation, info) {
            let a = &t.adaptations[n];
            levels = a.levels.apply_to(recommended);
            for d in Dimension::ALL {
                if levels[d] != recommended[d] {
                    if levels[d] < recommended[d] {
                        lowered.insert(d);
                    }
                    deviations.push(Deviation {
                        info_type: i,
                        dimension: d,
                        recommended: recommended[d],
                        chosen: levels[d],
                        adaptation: n as u32,
                    });
                }
            }
        }
        items.push(AdaptedInfo {
            info,
            levels,
            lowered,
            adaptation: adaptation.map(|n| n as u32),
        });
    }
    let mut levels = Levels::LOWEST;
    let mut sources = [None; 3];
    for (n, it) in items.iter().enumerate() {
        for d in Dimension::ALL {
            if sources[d as usize].is_none() || it.levels[d] > levels[d] {
                levels[d] = it.levels[d].max(levels[d]);
                sources[d as usize] = Some(n as u32);
            }
        }
    }
    TaskResult {
        items,
        levels,
        sources,
        deviations,
    }
}

fn own_levels(ws: &Workspace, tasks: &[TaskResult]) -> Vec<SystemResult> {
    let empty: Arc<[MeasureIdx]> = Arc::from(Vec::new());
    let mut seen: Vec<(InfoRef, DimSet)> = Vec::new();
    ws.systems
        .iter()
        .map(|s| {
            let mut levels = Levels::LOWEST;
            let mut sources = [LevelSource::Default; 3];
            let mut processes_lowered = false;
            let mut processes_own = false;
            seen.clear();
            for p in &s.processes {
                for &item in &p.items {
                    let it = &tasks[p.task].items[item as usize];
                    processes_lowered |= !it.lowered.is_empty();
                    processes_own |= matches!(it.info, InfoRef::Own(_));
                    let middels = DimSet::from_dims(
                        Dimension::ALL
                            .into_iter()
                            .filter(|d| it.levels[*d] == Level::Middels),
                    );
                    seen.push((it.info, middels));
                    for d in Dimension::ALL {
                        if sources[d as usize] == LevelSource::Default || it.levels[d] > levels[d] {
                            levels[d] = it.levels[d].max(levels[d]);
                            sources[d as usize] = LevelSource::InfoType { task: p.task, item };
                        }
                    }
                }
            }
            // Distinct information types: one processed through two tasks counts once.
            seen.sort_unstable_by_key(|(info, _)| *info);
            let mut middels_counts = [0u32; 3];
            let mut k = 0;
            while k < seen.len() {
                let info = seen[k].0;
                let mut m = DimSet::EMPTY;
                while k < seen.len() && seen[k].0 == info {
                    for d in seen[k].1.iter() {
                        m.insert(d);
                    }
                    k += 1;
                }
                for d in m.iter() {
                    middels_counts[d as usize] += 1;
                }
            }
            SystemResult {
                own_levels: levels,
                levels,
                sources,
                cumulation: DimSet::EMPTY,
                middels_counts,
                processes_lowered,
                processes_own,
                sectors: Vec::new(),
                variant: 0,
                required: empty.clone(),
                states: PairStates::default(),
            }
        })
        .collect()
}

/// Rule 3: push levels from each system to the systems it depends on until nothing changes.
/// Levels only rise and are bounded, so this reaches the least fixed point, cycles included;
/// a source is replaced only on a strict rise, so source chains never loop.
fn inherit(ws: &Workspace, systems: &mut [SystemResult]) {
    let n = systems.len();
    let mut queued = vec![true; n];
    let mut queue: std::collections::VecDeque<usize> = (0..n).collect();
    while let Some(a) = queue.pop_front() {
        queued[a] = false;
        let from = systems[a].levels;
        for dep in &ws.systems[a].depends_on {
            let b = dep.on;
            let mut raised = false;
            for d in Dimension::ALL {
                if dep.kind.carries(d) && from[d] > systems[b].levels[d] {
                    systems[b].levels[d] = from[d];
                    systems[b].sources[d as usize] = LevelSource::Inherited {
                        from: a,
                        kind: dep.kind,
                    };
                    raised = true;
                }
            }
            if raised && !queued[b] {
                queued[b] = true;
                queue.push_back(b);
            }
        }
    }
}

fn risk_list(
    ws: &Workspace,
    tasks: &[TaskResult],
    systems: &[SystemResult],
    org_required: &[MeasureIdx],
    org_states: &PairStates,
    org_levels: Levels,
) -> Vec<RiskItem> {
    let mut items: Vec<(RiskItem, Level)> = Vec::new();
    for (n, t) in tasks.iter().enumerate() {
        let mut reasons = Vec::new();
        if t.levels.max_level() == Level::Hoy {
            reasons.push(Reason::HighLevel);
        }
        if t.items.iter().any(|i| !i.lowered.is_empty()) {
            reasons.push(Reason::LoweredLevel);
        }
        if t.items.iter().any(|i| matches!(i.info, InfoRef::Own(_))) {
            reasons.push(Reason::OwnInfoType);
        }
        if !reasons.is_empty() {
            let item = RiskItem {
                object: Object::Task(n),
                reasons,
                measures: Vec::new(),
            };
            items.push((item, t.levels.max_level()));
        }
    }
    let mut sys_items: Vec<RiskItem> = systems
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let mut reasons = Vec::new();
            if s.levels.max_level() == Level::Hoy {
                reasons.push(Reason::HighLevel);
            }
            if s.processes_lowered {
                reasons.push(Reason::LoweredLevel);
            }
            if s.processes_own {
                reasons.push(Reason::OwnInfoType);
            }
            if !s.cumulation.is_empty() {
                reasons.push(Reason::Cumulation);
            }
            RiskItem {
                object: Object::System(n),
                reasons,
                measures: Vec::new(),
            }
        })
        .collect();
    let mut org_item = RiskItem {
        object: Object::Org,
        reasons: Vec::new(),
        measures: Vec::new(),
    };
    let pairs = systems
        .iter()
        .zip(&mut sys_items)
        .map(|(s, item)| (&s.required[..], &s.states, item))
        .chain(std::iter::once((org_required, org_states, &mut org_item)));
    for (required, states, item) in pairs {
        for (pos, st) in states.covered() {
            let m = required[pos];
            let reason = if st.status == Status::NotApplicable {
                Reason::NotApplicable
            } else if st.overdue {
                Reason::Overdue
            } else if st.lapsed {
                Reason::SupplierExpired
            } else {
                continue;
            };
            item.reasons.push(reason);
            item.measures.push(m);
        }
    }
    for (n, mut it) in sys_items.into_iter().enumerate() {
        if !it.reasons.is_empty() {
            it.reasons.sort_unstable();
            it.reasons.dedup();
            it.measures.sort_unstable();
            it.measures.dedup();
            items.push((it, systems[n].levels.max_level()));
        }
    }
    if !org_item.reasons.is_empty() {
        org_item.reasons.sort_unstable();
        org_item.reasons.dedup();
        org_item.measures.sort_unstable();
        org_item.measures.dedup();
        items.push((org_item, org_levels.max_level()));
    }
    let id = |o: &Object| -> (u8, &str) {
        match *o {
            Object::Org => (0, ""),
            Object::System(s) => (1, &ws.systems[s].id),
            Object::Task(t) => (2, &ws.tasks[t].id),
        }
    };
    items.sort_by(|(a, la), (b, lb)| {
        b.weight()
            .cmp(&a.weight())
            .then(lb.cmp(la))
            .then_with(|| id(&a.object).cmp(&id(&b.object)))
    });
    items.into_iter().map(|(i, _)| i).collect()
}
