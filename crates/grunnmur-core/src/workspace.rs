//! One public body's choices as the engine sees them: adopted and own tasks, adaptations,
//! systems and dependencies, measure statuses. References are resolved to indexes; reading a
//! body file (and checking it) is the job of `grunnmur-catalog`.

use crate::catalog::{InfoTypeIdx, MeasureIdx, OrgKind, TaskIdx, Text};
use crate::date::Date;
use crate::level::{Levels, PartialLevels};
use serde::{Deserialize, Serialize};

pub type BodyTaskIdx = usize;
pub type SystemIdx = usize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelectionMode {
    /// Rule 7, default: some protected dimension reaches the measure's baseline.
    #[default]
    PerDimension,
    /// Rule 7, a setting: the highest of the scope's three levels reaches it.
    HighWaterMark,
}

impl SelectionMode {
    pub const ALL: [SelectionMode; 2] = [SelectionMode::PerDimension, SelectionMode::HighWaterMark];

    pub const fn as_str(self) -> &'static str {
        match self {
            SelectionMode::PerDimension => "per-dimension",
            SelectionMode::HighWaterMark => "high-water-mark",
        }
    }
}

pub const DEFAULT_CUMULATION_THRESHOLD: u32 = 3;

#[derive(Clone, Debug)]
pub struct Org {
    pub orgnr: String,
    pub name: String,
    pub kind: OrgKind,
    pub sectors: Vec<String>,
    pub selection: SelectionMode,
    pub cumulation_threshold: u32,
}

/// An information type as used by a body: from the catalog, or the body's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InfoRef {
    Catalog(InfoTypeIdx),
    Own(u32),
}

#[derive(Clone, Debug)]
pub struct OwnInfoType {
    pub id: String,
    pub name: String,
    pub levels: Levels,
}

/// A body's change to one recommended level set of a catalog information type, within a task
/// (rule 5).
#[derive(Clone, Debug)]
pub struct Adaptation {
    pub info_type: InfoTypeIdx,
    pub levels: PartialLevels,
    pub justification: String,
}

#[derive(Clone, Debug)]
pub struct BodyTask {
    pub id: String,
    /// `Some` when adopted from the catalog; `None` for the body's own task.
    pub catalog: Option<TaskIdx>,
    pub name: Option<Text>,
    /// The task's information types (for an adopted task, the catalog's list).
    pub info_types: Vec<InfoRef>,
    pub adaptations: Vec<Adaptation>,
    /// Sectors the body's own task belongs to (an adopted task takes the catalog's
    /// `sector:` applicability instead; rule 8).
    pub sectors: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DependencyKind {
    /// B hosts or operates A: B is at least A in C, I and A.
    RunsOn,
    /// A calls or integrates with B: B is at least A in I and A.
    Uses,
}

impl DependencyKind {
    pub const ALL: [DependencyKind; 2] = [DependencyKind::RunsOn, DependencyKind::Uses];

    pub const fn as_str(self) -> &'static str {
        match self {
            DependencyKind::RunsOn => "runs_on",
            DependencyKind::Uses => "uses",
        }
    }

    pub fn carries(self, d: crate::level::Dimension) -> bool {
        match self {
            DependencyKind::RunsOn => true,
            DependencyKind::Uses => d != crate::level::Dimension::C,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Processing {
    pub task: BodyTaskIdx,
    /// Positions in the task's `info_types` that this system processes.
    pub items: Vec<u32>,
}

#[derive(Clone, Debug)]
pub struct Dependency {
    pub on: SystemIdx,
    pub kind: DependencyKind,
}

#[derive(Clone, Debug)]
pub struct System {
    pub id: String,
    pub name: String,
    pub processes: Vec<Processing>,
    pub depends_on: Vec<Dependency>,
}

/// A measure's status, declared in the order reports and forms list them. `as_str` is the
/// spelling in body files, forms, workbooks and the API (serde's, tested).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Partial,
    Implemented,
    Supplier,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Partial,
        Status::Implemented,
        Status::Supplier,
        Status::NotApplicable,
    ];

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Partial => "partial",
            Status::Implemented => "implemented",
            Status::NotApplicable => "not_applicable",
            Status::Supplier => "supplier",
        }
    }
}

#[derive(Clone, Debug)]
pub struct MeasureStatus {
    pub measure: MeasureIdx,
    /// `None` for the body (org scope).
    pub system: Option<SystemIdx>,
    pub status: Status,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub justification: Option<String>,
    pub evidence: Vec<String>,
    /// For `supplier`: the declaration's expiry.
    pub valid_until: Option<Date>,
    /// Recurring work: every so many months (`crate::recur`); `due` is the next time.
    pub recurs: Option<u32>,
}

impl MeasureStatus {
    /// The measure is in place: implemented, or covered by a declaration that has not expired.
    pub fn is_in_place(&self, today: Date) -> bool {
        match self.status {
            Status::Implemented => true,
            Status::Supplier => self.valid_until.is_none_or(|d| d >= today),
            _ => false,
        }
    }

    /// Rule 10 `overdue`: not in place, not marked not applicable, and past its due date. An
    /// expired supplier declaration is past due too: its expiry was the date to renew it by.
    /// Recurring work past its next due date is overdue even while the measure is in place:
    /// the review, the test or the training has lapsed.
    pub fn is_overdue(&self, today: Date) -> bool {
        let expired =
            self.status == Status::Supplier && self.valid_until.is_some_and(|d| d < today);
        self.status != Status::NotApplicable
            && ((!self.is_in_place(today) && (self.due.is_some_and(|d| d < today) || expired))
                || self.is_lapsed(today))
    }

    /// Recurring, and its next due date has passed.
    pub fn is_lapsed(&self, today: Date) -> bool {
        self.status != Status::NotApplicable && crate::recur::lapsed(self.recurs, self.due, today)
    }
}

#[derive(Clone, Debug)]
pub struct Workspace {
    pub org: Org,
    pub own_info_types: Vec<OwnInfoType>,
    pub tasks: Vec<BodyTask>,
    pub systems: Vec<System>,
    pub statuses: Vec<MeasureStatus>,
    /// Where else a pair's status may come from (rules 13–15).
    pub sources: Sources,
}

pub type GroupIdx = usize;
pub type ImplementationIdx = usize;
pub type DeclarationIdx = usize;
pub type ServiceIdx = usize;

/// What a body has done once for many (rule 13), and the suppliers' services it links (rule
/// 14). Only the declarations the body links are here.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub groups: Vec<Group>,
    pub implementations: Vec<Implementation>,
    pub declarations: Vec<Declaration>,
    pub services: Vec<Service>,
    /// The services the body itself uses, for org-scope measures.
    pub org_services: Vec<ServiceIdx>,
    /// The services each system uses, by system index (empty or one list per system).
    pub system_services: Vec<Vec<ServiceIdx>>,
}

impl Sources {
    /// The services a system links.
    pub fn of_system(&self, s: SystemIdx) -> &[ServiceIdx] {
        self.system_services.get(s).map_or(&[], Vec::as_slice)
    }
}

/// A named set of systems; a system may be in several.
#[derive(Clone, Debug)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub systems: Vec<SystemIdx>,
}

/// The systems an implementation covers (rule 13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Covers {
    Systems(Vec<SystemIdx>),
    Groups(Vec<GroupIdx>),
    /// The system and every system that runs on it, transitively.
    RunsOn(SystemIdx),
    All,
    /// The body itself: org-scope measures.
    Org,
}

/// A piece of work that meets measures for a set of systems, recorded once (rule 13).
#[derive(Clone, Debug)]
pub struct Implementation {
    pub id: String,
    pub name: String,
    pub owner: Option<String>,
    /// Never `supplier` or `not_applicable`: an implementation is the body's own work.
    pub status: Status,
    pub due: Option<Date>,
    pub evidence: Vec<String>,
    /// Sorted, distinct.
    pub measures: Vec<MeasureIdx>,
    pub covers: Covers,
    /// Recurring work: every so many months (`crate::recur`); `due` is the next time.
    pub recurs: Option<u32>,
}

impl Implementation {
    pub fn is_in_place(&self) -> bool {
        self.status == Status::Implemented
    }

    /// Past its due date and not in place, or recurring and past its next due date: every
    /// pair it covers is overdue (rule 15).
    pub fn is_overdue(&self, today: Date) -> bool {
        (!self.is_in_place() && self.due.is_some_and(|d| d < today)) || self.is_lapsed(today)
    }

    /// Recurring, and its next due date has passed.
    pub fn is_lapsed(&self, today: Date) -> bool {
        crate::recur::lapsed(self.recurs, self.due, today)
    }
}

/// Who does a measure a service covers (rule 14).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsibility {
    /// The supplier does it all.
    Supplier,
    /// The supplier does its part; the customer must do the rest.
    Shared,
}

impl Responsibility {
    pub const ALL: [Responsibility; 2] = [Responsibility::Supplier, Responsibility::Shared];

    pub const fn as_str(self) -> &'static str {
        match self {
            Responsibility::Supplier => "supplier",
            Responsibility::Shared => "shared",
        }
    }
}

/// A supplier's declaration as one body's assessment needs it.
#[derive(Clone, Debug)]
pub struct Declaration {
    pub id: String,
    pub supplier: String,
    pub valid_from: Date,
    pub valid_until: Date,
    /// The day the supplier withdrew it.
    pub withdrawn: Option<Date>,
}

impl Declaration {
    fn is_withdrawn(&self, today: Date) -> bool {
        self.withdrawn.is_some_and(|w| w <= today)
    }

    /// It counts on this day: not withdrawn, within its validity.
    pub fn counts(&self, today: Date) -> bool {
        !self.is_withdrawn(today) && self.valid_from <= today && today <= self.valid_until
    }

    /// It no longer counts and never will again: withdrawn or expired.
    pub fn lapsed(&self, today: Date) -> bool {
        self.is_withdrawn(today) || self.valid_until < today
    }
}

/// One service of a declaration: `<declaration id>/<service id>`.
#[derive(Clone, Debug)]
pub struct Service {
    pub declaration: DeclarationIdx,
    pub id: String,
    /// Sorted by measure, one entry per measure.
    pub covers: Vec<(MeasureIdx, Responsibility)>,
}

impl Service {
    pub fn covers(&self, m: MeasureIdx) -> Option<Responsibility> {
        self.covers
            .binary_search_by_key(&m, |c| c.0)
            .ok()
            .map(|i| self.covers[i].1)
    }
}

impl Workspace {
    pub fn info_id<'a>(&'a self, cat: &'a crate::catalog::Catalog, r: InfoRef) -> &'a str {
        match r {
            InfoRef::Catalog(i) => &cat.info_types[i as usize].id,
            InfoRef::Own(i) => &self.own_info_types[i as usize].id,
        }
    }

    /// The level recommended for an information type before this body's adaptations.
    pub fn recommended(&self, cat: &crate::catalog::Catalog, r: InfoRef) -> Levels {
        match r {
            InfoRef::Catalog(i) => cat.info_types[i as usize].levels,
            InfoRef::Own(i) => self.own_info_types[i as usize].levels,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` is serde's spelling, and `ALL` lists every value once.
    fn spelled_as_serde<T: Serialize + Copy>(all: &[T], name: fn(T) -> &'static str) {
        let names: std::collections::HashSet<&str> = all.iter().map(|&x| name(x)).collect();
        assert_eq!(names.len(), all.len());
        for &x in all {
            assert_eq!(serde_json::to_value(x).unwrap(), name(x));
        }
    }

    #[test]
    fn spellings_agree_with_serde() {
        spelled_as_serde(&Status::ALL, Status::as_str);
        spelled_as_serde(&DependencyKind::ALL, DependencyKind::as_str);
        spelled_as_serde(&Responsibility::ALL, Responsibility::as_str);
        spelled_as_serde(&SelectionMode::ALL, SelectionMode::as_str);
        spelled_as_serde(
            &crate::catalog::OrgKind::ALL,
            crate::catalog::OrgKind::as_str,
        );
        spelled_as_serde(&crate::level::Level::ALL, crate::level::Level::as_str);
        spelled_as_serde(
            &crate::level::Dimension::ALL,
            crate::level::Dimension::as_str,
        );
        spelled_as_serde(&crate::derive::Reason::ALL, crate::derive::Reason::as_str);
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("done"), None);
    }
}
