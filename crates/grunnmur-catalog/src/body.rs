//! The body file: one public body's workspace in one YAML or JSON file. Reading it checks
//! every reference against the catalog and reports every problem with its line.

pub mod history;
mod resolve;
pub(crate) use resolve::too_long;

use crate::check::Source;
use crate::declaration::DeclarationDoc;
use crate::problem::{Problem, ProblemKind as P};
use crate::yaml::{Node, NodeValue, from_node, parse};
use grunnmur_core::catalog::{Catalog, OrgKind};
use grunnmur_core::level::{Levels, PartialLevels};
use grunnmur_core::workspace::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyDoc {
    pub org: OrgDoc,
    #[serde(default)]
    pub tasks: Vec<BodyTaskDoc>,
    #[serde(default)]
    pub info_types: Vec<OwnInfoTypeDoc>,
    #[serde(default)]
    pub systems: Vec<SystemDoc>,
    #[serde(default)]
    pub measure_status: Vec<StatusDoc>,
    /// Named sets of systems (rule 13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupDoc>,
    /// Work done once that meets measures for many systems (rule 13).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implementations: Vec<ImplementationDoc>,
}

/// The edits every view makes to a workspace (pages, API, workbook import) live here, so that
/// what goes with what — a system's statuses with the system, a task's mapping with the task —
/// is decided once.
impl BodyDoc {
    /// A workspace with nothing chosen yet.
    pub fn new(org: OrgDoc) -> BodyDoc {
        BodyDoc {
            org,
            tasks: Vec::new(),
            info_types: Vec::new(),
            systems: Vec::new(),
            measure_status: Vec::new(),
            groups: Vec::new(),
            implementations: Vec::new(),
        }
    }

    /// The status of a measure for one system (or the whole body, `None`).
    pub fn status(&self, measure: &str, system: Option<&str>) -> Option<&StatusDoc> {
        self.measure_status
            .iter()
            .find(|x| x.measure == measure && x.system.as_deref() == system)
    }

    /// The status entry of a pair, made (not started) if there is none: where files and other
    /// additions to a status go.
    pub fn status_entry(&mut self, measure: &str, system: Option<&str>) -> &mut StatusDoc {
        let pos = match (self.measure_status.iter())
            .position(|x| x.measure == measure && x.system.as_deref() == system)
        {
            Some(p) => p,
            None => {
                self.measure_status.push(StatusDoc {
                    measure: measure.into(),
                    system: system.map(String::from),
                    status: Status::NotStarted,
                    owner: None,
                    due: None,
                    justification: None,
                    evidence: Vec::new(),
                    valid_until: None,
                    recurs: None,
                    done: Vec::new(),
                });
                self.measure_status.len() - 1
            }
        };
        &mut self.measure_status[pos]
    }

    /// Sets the status of a measure for one system (or the whole body), replacing any earlier
    /// status for the same pair. The history of work done stays unless the entry brings one:
    /// a form that changes the status never erases what was done.
    pub fn set_status(&mut self, mut entry: StatusDoc) {
        match self
            .measure_status
            .iter_mut()
            .find(|x| x.measure == entry.measure && x.system == entry.system)
        {
            Some(x) => {
                if entry.done.is_empty() {
                    entry.done = std::mem::take(&mut x.done);
                }
                *x = entry
            }
            None => self.measure_status.push(entry),
        }
    }

    /// Records recurring work done for a measure and scope; the status entry is made (not
    /// started, then implemented by the record) if the pair had none.
    pub fn record_status_done(&mut self, measure: &str, system: Option<&str>, entry: DoneDoc) {
        self.status_entry(measure, system).record_done(entry);
    }

    /// Adopts a catalog task unless it is adopted already.
    pub fn adopt_task(&mut self, catalog_id: String) {
        let has = self
            .tasks
            .iter()
            .any(|t| t.task.as_deref() == Some(catalog_id.as_str()));
        if !has {
            self.tasks.push(BodyTaskDoc {
                task: Some(catalog_id),
                ..BodyTaskDoc::default()
            });
        }
    }

    /// Removes the tasks with these keys ([`BodyTaskDoc::key`]) and every system's processing
    /// of them.
    pub fn remove_tasks<S: AsRef<str>>(&mut self, keys: &[S]) {
        let gone: HashSet<&str> = keys.iter().map(AsRef::as_ref).collect();
        self.tasks.retain(|t| !gone.contains(t.key()));
        for sys in &mut self.systems {
            sys.processes.retain(|p| !gone.contains(p.task.as_str()));
        }
    }

    /// Replaces the task list; a task whose key was there before keeps its adaptations.
    pub fn replace_tasks(&mut self, tasks: Vec<BodyTaskDoc>) {
        let old: HashMap<String, Vec<OverrideDoc>> = self
            .tasks
            .drain(..)
            .map(|t| (t.key().to_string(), t.overrides))
            .collect();
        self.tasks = tasks;
        for t in &mut self.tasks {
            t.overrides = old.get(t.key()).cloned().unwrap_or_default();
        }
    }

    pub fn system_mut(&mut self, id: &str) -> Option<&mut SystemDoc> {
        self.systems.iter_mut().find(|x| x.id == id)
    }

    /// Replaces the system list; a system whose id was there before keeps its processing and
    /// dependencies.
    pub fn replace_systems(&mut self, systems: Vec<SystemDoc>) {
        type Links = (Vec<ProcessDoc>, Vec<DependencyDoc>, Vec<String>);
        let mut old: HashMap<String, Links> = self
            .systems
            .drain(..)
            .map(|s| (s.id, (s.processes, s.depends_on, s.services)))
            .collect();
        self.systems = systems;
        for s in &mut self.systems {
            (s.processes, s.depends_on, s.services) = old.remove(&s.id).unwrap_or_default();
        }
        let gone: HashSet<String> = old.into_keys().collect();
        self.forget_systems(&gone);
    }

    /// Removes a system with the dependencies on it, its measure statuses, and its place in
    /// groups and in what implementations cover (one that covered what ran on it covers
    /// nothing until it is given a new host).
    pub fn remove_system(&mut self, id: &str) {
        self.systems.retain(|x| x.id != id);
        for sys in &mut self.systems {
            sys.depends_on.retain(|d| d.system != id);
        }
        self.measure_status
            .retain(|x| x.system.as_deref() != Some(id));
        self.forget_systems(&HashSet::from([id.to_string()]));
    }

    /// Takes systems that are gone out of the groups and of what implementations cover.
    fn forget_systems(&mut self, gone: &HashSet<String>) {
        if gone.is_empty() {
            return;
        }
        for g in &mut self.groups {
            g.systems.retain(|s| !gone.contains(s));
        }
        for im in &mut self.implementations {
            if let Some(list) = &mut im.covers.systems {
                list.retain(|s| !gone.contains(s));
            }
            if im.covers.runs_on.as_ref().is_some_and(|h| gone.contains(h)) {
                im.covers = CoversDoc::systems(Vec::new());
            }
        }
    }
}

impl BodyTaskDoc {
    /// What systems, adaptations and forms call the task: the catalog task's id for an adopted
    /// task, the body's own id otherwise.
    pub fn key(&self) -> &str {
        self.task
            .as_deref()
            .or(self.id.as_deref())
            .unwrap_or_default()
    }
}

impl SystemDoc {
    /// A system that processes nothing and depends on nothing yet.
    pub fn new(id: String, name: String) -> SystemDoc {
        SystemDoc {
            id,
            name,
            processes: Vec::new(),
            depends_on: Vec::new(),
            services: Vec::new(),
        }
    }

    /// Sets the tasks the system processes; a task that stays keeps its narrowed list of
    /// information types, a new one processes all of them.
    pub fn set_tasks(&mut self, tasks: Vec<String>) {
        self.processes.retain(|p| tasks.contains(&p.task));
        for t in tasks {
            if !self.processes.iter().any(|p| p.task == t) {
                self.processes.push(ProcessDoc {
                    task: t,
                    info_types: None,
                });
            }
        }
    }

    /// Removes the dependencies on these systems.
    pub fn remove_dependencies(&mut self, on: &[String]) {
        self.depends_on.retain(|d| !on.contains(&d.system));
    }

    /// Adds a dependency unless the system depends on `on` already (of either kind).
    pub fn add_dependency(&mut self, on: String, kind: DependencyKind) {
        if !self.depends_on.iter().any(|d| d.system == on) {
            self.depends_on.push(DependencyDoc { system: on, kind });
        }
    }
}

/// An organisation number, accepted as a string or a bare number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Orgnr {
    Text(String),
    Number(u64),
}

impl Orgnr {
    pub fn as_string(&self) -> String {
        match self {
            Orgnr::Text(s) => s.clone(),
            Orgnr::Number(n) => n.to_string(),
        }
    }
}

fn default_threshold() -> u32 {
    DEFAULT_CUMULATION_THRESHOLD
}

fn default_review_months() -> u32 {
    grunnmur_core::risk::review::REVIEW_MONTHS
}

fn is_default_review_months(m: &u32) -> bool {
    *m == default_review_months()
}

/// The longest review interval a body may choose: five years.
pub const MAX_REVIEW_MONTHS: u32 = 60;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgDoc {
    pub orgnr: Orgnr,
    pub name: String,
    pub kind: OrgKind,
    #[serde(default)]
    pub sectors: Vec<String>,
    #[serde(default)]
    pub selection: SelectionMode,
    #[serde(default = "default_threshold")]
    pub cumulation_threshold: u32,
    /// How many months an accepted risk assessment stays current before it is due for review.
    #[serde(
        default = "default_review_months",
        skip_serializing_if = "is_default_review_months"
    )]
    pub review_months: u32,
    /// Suppliers' services the body uses for org-scope measures: `<declaration>/<service>`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
}

impl OrgDoc {
    /// A supplier's organisation, with nothing but its number and name.
    pub fn supplier(orgnr: &str, name: &str) -> OrgDoc {
        OrgDoc {
            orgnr: Orgnr::Text(orgnr.to_string()),
            name: name.to_string(),
            kind: OrgKind::Supplier,
            sectors: Vec::new(),
            selection: Default::default(),
            cumulation_threshold: default_threshold(),
            review_months: default_review_months(),
            services: Vec::new(),
        }
    }
}

/// Either `task: <catalog id>` (adopted) or `id`, `name`, `info_types` (the body's own task).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyTaskDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_types: Option<Vec<String>>,
    /// The body's own task's sectors (`helse`, `vann`, …): a sector profile reaches the systems
    /// that process it (rule 8). An adopted task has the catalog's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<OverrideDoc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideDoc {
    pub info_type: String,
    pub levels: PartialLevels,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnInfoTypeDoc {
    pub id: String,
    pub name: String,
    pub levels: Levels,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemDoc {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processes: Vec<ProcessDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<DependencyDoc>,
    /// Suppliers' services the system uses: `<declaration>/<service>` (rule 14).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
}

/// A named set of systems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDoc {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub systems: Vec<String>,
}

/// A piece of work that meets measures for the systems it covers (rule 13): the fields of a
/// measure status, without `supplier`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImplementationDoc {
    pub id: String,
    pub name: String,
    pub measures: Vec<String>,
    pub covers: CoversDoc,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Recurring work: every so many months, 1 to 60 (`grunnmur_core::recur`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurs: Option<u32>,
    /// The times it was done, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<DoneDoc>,
}

/// One time recurring work was done: the date, what shows it, who did it and a note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoneDoc {
    pub date: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Records recurring work done (a status's or an implementation's): the entry joins the
/// history in date order, the oldest beyond [`grunnmur_core::recur::MAX_DONE`] go, and when
/// it is the latest and the work recurs, the next due date is its date plus the interval.
/// An entry whose date does not parse is kept for the checks to name.
fn record_done(
    due: &mut Option<String>,
    recurs: Option<u32>,
    done: &mut Vec<DoneDoc>,
    entry: DoneDoc,
) {
    use grunnmur_core::{Date, recur};
    let date = Date::parse(&entry.date);
    let pos = done
        .iter()
        .position(|d| Date::parse(&d.date).is_some_and(|x| date.is_some_and(|e| e < x)))
        .unwrap_or(done.len());
    let latest = pos == done.len();
    done.insert(pos, entry);
    if done.len() > recur::MAX_DONE {
        let extra = done.len() - recur::MAX_DONE;
        done.drain(..extra);
    }
    if let (true, Some(d), Some(m)) = (latest, date, recurs.filter(|m| recur::valid_months(*m))) {
        *due = Some(recur::next_due(d, m).to_string());
    }
}

impl StatusDoc {
    /// Records the work done (see [`record_done`]); a status not yet in place becomes
    /// implemented.
    pub fn record_done(&mut self, entry: DoneDoc) {
        record_done(&mut self.due, self.recurs, &mut self.done, entry);
        if matches!(
            self.status,
            Status::NotStarted | Status::InProgress | Status::Partial
        ) {
            self.status = Status::Implemented;
        }
    }
}

impl ImplementationDoc {
    /// Records the work done (see [`record_done`]); an implementation not yet in place becomes
    /// implemented.
    pub fn record_done(&mut self, entry: DoneDoc) {
        record_done(&mut self.due, self.recurs, &mut self.done, entry);
        self.status = Status::Implemented;
    }
}

/// What an implementation covers: exactly one of the keys.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoversDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub systems: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs_on: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub org: bool,
}

impl CoversDoc {
    pub fn systems(ids: Vec<String>) -> CoversDoc {
        CoversDoc {
            systems: Some(ids),
            ..CoversDoc::default()
        }
    }

    /// The kinds of cover, as forms and the workbook name them (the body file's keys).
    pub const KINDS: [&'static str; 5] = ["systems", "groups", "runs_on", "all", "org"];

    /// A cover of one kind with its targets (ids of systems or groups; the host for
    /// `runs_on`; none for `all` and `org`). `None` for an unknown kind.
    pub fn from_kind(kind: &str, targets: Vec<String>) -> Option<CoversDoc> {
        let mut c = CoversDoc::default();
        match kind {
            "systems" => c.systems = Some(targets),
            "groups" => c.groups = Some(targets),
            "runs_on" => c.runs_on = Some(targets.into_iter().next().unwrap_or_default()),
            "all" => c.all = true,
            "org" => c.org = true,
            _ => return None,
        }
        Some(c)
    }

    /// The kind of cover and its targets: the reverse of [`CoversDoc::from_kind`].
    pub fn kind(&self) -> (&'static str, Vec<String>) {
        if self.org {
            ("org", Vec::new())
        } else if self.all {
            ("all", Vec::new())
        } else if let Some(s) = &self.systems {
            ("systems", s.clone())
        } else if let Some(g) = &self.groups {
            ("groups", g.clone())
        } else {
            ("runs_on", self.runs_on.iter().cloned().collect())
        }
    }

    /// How many of the keys are given (the file must give one).
    pub fn given(&self) -> usize {
        usize::from(self.systems.is_some())
            + usize::from(self.groups.is_some())
            + usize::from(self.runs_on.is_some())
            + usize::from(self.all)
            + usize::from(self.org)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessDoc {
    pub task: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info_types: Option<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DependencyDoc {
    pub system: String,
    pub kind: DependencyKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDoc {
    pub measure: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// Recurring work: every so many months, 1 to 60 (`grunnmur_core::recur`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurs: Option<u32>,
    /// The times it was done, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<DoneDoc>,
}

/// Norwegian organisation number: 9 digits, MOD11 check digit with weights 3,2,7,6,5,4,3,2.
pub fn valid_orgnr(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if s.len() != 9 || d.len() != 9 {
        return false;
    }
    let sum: u32 = [3, 2, 7, 6, 5, 4, 3, 2]
        .iter()
        .zip(&d)
        .map(|(w, x)| w * x)
        .sum();
    match 11 - sum % 11 {
        11 => d[8] == 0,
        10 => false,
        check => d[8] == check,
    }
}

/// Reads a body file and resolves it against the catalog. On any error, no workspace. A body
/// that links suppliers' services needs [`read_body_with`].
pub fn read_body(src: &Source, cat: &Catalog) -> Result<(BodyDoc, Workspace), Vec<Problem>> {
    read_body_with(src, cat, &[])
}

/// As [`read_body`], with the published declarations the body's services may name.
pub fn read_body_with(
    src: &Source,
    cat: &Catalog,
    declarations: &[DeclarationDoc],
) -> Result<(BodyDoc, Workspace), Vec<Problem>> {
    let (root, doc) = parse_document(src, "body file")?;
    resolve::resolve(&src.name, &root, doc, cat, declarations)
}

/// A YAML or JSON document read into `T`, with its node tree for the lines of later problems.
pub(crate) fn parse_document<T: serde::de::DeserializeOwned>(
    src: &Source,
    what: &str,
) -> Result<(Node, T), Vec<Problem>> {
    let file = src.name.as_str();
    let root = parse(&src.text).map_err(|e| {
        vec![Problem::error(
            file,
            e.line,
            P::Syntax { detail: e.message },
        )]
    })?;
    if !matches!(root.value, NodeValue::Map(_)) {
        return Err(vec![Problem::error(
            file,
            root.line,
            P::NotAMapping { what: what.into() },
        )]);
    }
    let doc: T = from_node(&root)
        .map_err(|(line, detail)| vec![Problem::error(file, line, P::Format { detail })])?;
    Ok((root, doc))
}

/// Resolves a body document already read (for example from an API request).
pub fn resolve_body(
    file: &str,
    doc: BodyDoc,
    cat: &Catalog,
) -> Result<(BodyDoc, Workspace), Vec<Problem>> {
    resolve_body_with(file, doc, cat, &[])
}

/// As [`resolve_body`], with the published declarations the body's services may name.
pub fn resolve_body_with(
    file: &str,
    doc: BodyDoc,
    cat: &Catalog,
    declarations: &[DeclarationDoc],
) -> Result<(BodyDoc, Workspace), Vec<Problem>> {
    // No text to point into: problems name the file and the entry path in their message.
    let root = Node {
        line: 0,
        value: NodeValue::Null,
    };
    resolve::resolve(file, &root, doc, cat, declarations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> BodyDoc {
        let org = OrgDoc {
            orgnr: Orgnr::Text("974760673".into()),
            name: "Test".into(),
            kind: OrgKind::Kommune,
            sectors: Vec::new(),
            selection: SelectionMode::PerDimension,
            cumulation_threshold: DEFAULT_CUMULATION_THRESHOLD,
            review_months: grunnmur_core::risk::review::REVIEW_MONTHS,
            services: Vec::new(),
        };
        let mut d = BodyDoc::new(org);
        d.adopt_task("t.a".into());
        d.tasks.push(BodyTaskDoc {
            id: Some("own".into()),
            name: Some("Own".into()),
            info_types: Some(vec!["x".into()]),
            ..BodyTaskDoc::default()
        });
        for id in ["s1", "s2", "s3"] {
            let mut s = SystemDoc::new(id.into(), id.to_uppercase());
            s.set_tasks(vec!["t.a".into(), "own".into()]);
            d.systems.push(s);
        }
        let s1 = d.system_mut("s1").unwrap();
        s1.add_dependency("s2".into(), DependencyKind::RunsOn);
        d.system_mut("s2")
            .unwrap()
            .add_dependency("s1".into(), DependencyKind::Uses);
        d.system_mut("s3")
            .unwrap()
            .add_dependency("s2".into(), DependencyKind::Uses);
        for sys in [None, Some("s1"), Some("s2")] {
            d.set_status(status("m.1", sys, Status::InProgress));
        }
        d
    }

    fn status(measure: &str, system: Option<&str>, status: Status) -> StatusDoc {
        StatusDoc {
            measure: measure.into(),
            system: system.map(String::from),
            status,
            owner: None,
            due: None,
            justification: None,
            evidence: Vec::new(),
            valid_until: None,
            recurs: None,
            done: Vec::new(),
        }
    }

    #[test]
    fn task_key_is_catalog_id_or_own_id() {
        let d = doc();
        let keys: Vec<&str> = d.tasks.iter().map(BodyTaskDoc::key).collect();
        assert_eq!(keys, ["t.a", "own"]);
        assert_eq!(BodyTaskDoc::default().key(), "");
    }

    #[test]
    fn adopting_twice_adopts_once() {
        let mut d = doc();
        d.adopt_task("t.a".into());
        d.adopt_task("t.b".into());
        let keys: Vec<&str> = d.tasks.iter().map(BodyTaskDoc::key).collect();
        assert_eq!(keys, ["t.a", "own", "t.b"]);
    }

    #[test]
    fn removing_a_system_removes_dependencies_both_ways_and_statuses() {
        let mut d = doc();
        d.remove_system("s1");
        let ids: Vec<&str> = d.systems.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s2", "s3"]);
        assert!(d.systems[0].depends_on.is_empty(), "s2 used s1");
        assert_eq!(d.systems[1].depends_on.len(), 1, "s3 still uses s2");
        assert!(d.status("m.1", Some("s1")).is_none());
        assert!(d.status("m.1", Some("s2")).is_some());
        assert!(d.status("m.1", None).is_some());
    }

    #[test]
    fn removing_tasks_removes_their_processing() {
        let mut d = doc();
        d.remove_tasks(&["own"]);
        assert_eq!(d.tasks.len(), 1);
        for s in &d.systems {
            let tasks: Vec<&str> = s.processes.iter().map(|p| p.task.as_str()).collect();
            assert_eq!(tasks, ["t.a"]);
        }
    }

    #[test]
    fn set_status_replaces_the_same_pair_only() {
        let mut d = doc();
        d.set_status(status("m.1", Some("s1"), Status::Implemented));
        assert_eq!(d.measure_status.len(), 3);
        assert_eq!(
            d.status("m.1", Some("s1")).map(|x| x.status),
            Some(Status::Implemented)
        );
        assert_eq!(
            d.status("m.1", None).map(|x| x.status),
            Some(Status::InProgress)
        );
    }

    #[test]
    fn set_tasks_keeps_a_narrowed_list() {
        let mut d = doc();
        let s = d.system_mut("s1").unwrap();
        s.processes[0].info_types = Some(vec!["i".into()]);
        s.set_tasks(vec!["t.a".into(), "t.b".into()]);
        assert_eq!(s.processes.len(), 2);
        assert_eq!(s.processes[0].info_types, Some(vec!["i".into()]));
        assert_eq!(s.processes[1].task, "t.b");
        assert_eq!(s.processes[1].info_types, None);
    }

    #[test]
    fn dependencies_are_added_once_and_removed_by_target() {
        let mut d = doc();
        let s = d.system_mut("s1").unwrap();
        s.add_dependency("s2".into(), DependencyKind::Uses);
        assert_eq!(s.depends_on.len(), 1);
        assert_eq!(s.depends_on[0].kind, DependencyKind::RunsOn);
        s.remove_dependencies(&["s2".into()]);
        assert!(s.depends_on.is_empty());
    }

    #[test]
    fn replacing_keeps_what_hangs_on_entries_that_stay() {
        let mut d = doc();
        d.tasks[0].overrides.push(OverrideDoc {
            info_type: "x".into(),
            levels: PartialLevels::default(),
            justification: None,
        });
        d.replace_tasks(vec![
            BodyTaskDoc {
                task: Some("t.b".into()),
                ..BodyTaskDoc::default()
            },
            BodyTaskDoc {
                task: Some("t.a".into()),
                ..BodyTaskDoc::default()
            },
        ]);
        assert!(d.tasks[0].overrides.is_empty());
        assert_eq!(d.tasks[1].overrides.len(), 1);
        d.replace_systems(vec![
            SystemDoc::new("new".into(), "New".into()),
            SystemDoc::new("s1".into(), "Renamed".into()),
        ]);
        assert!(d.systems[0].processes.is_empty());
        assert_eq!(d.systems[1].name, "Renamed");
        assert_eq!(d.systems[1].processes.len(), 2);
        assert_eq!(d.systems[1].depends_on.len(), 1);
    }

    #[test]
    fn orgnr_mod11() {
        assert!(valid_orgnr("974760673"), "Brønnøysundregistrene");
        assert!(valid_orgnr("991825827"), "Digdir");
        assert!(!valid_orgnr("974760672"), "wrong check digit");
        assert!(!valid_orgnr("97476067"), "8 digits");
        assert!(!valid_orgnr("9747606730"), "10 digits");
        assert!(!valid_orgnr("97476067a"));
        assert!(!valid_orgnr("974 760 673"));
    }

    #[test]
    fn remainder_one_is_invalid() {
        // Find a prefix whose weighted sum leaves remainder 1: no check digit can fix it.
        let w = [3u32, 2, 7, 6, 5, 4, 3, 2];
        for n in 10_000_000u32..10_000_200 {
            let p: Vec<u32> = n
                .to_string()
                .chars()
                .map(|c| c.to_digit(10).unwrap())
                .collect();
            let s: u32 = p.iter().zip(w).map(|(a, b)| a * b).sum();
            if s % 11 == 1 {
                for last in 0..10 {
                    assert!(!valid_orgnr(&format!("{n}{last}")));
                }
                return;
            }
        }
        panic!("no prefix with remainder 1 found");
    }
}
