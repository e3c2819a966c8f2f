//! Resolving a body document against the catalog, one part at a time: the org, the body's own
//! information types, its tasks with their adaptations, its systems, its measure statuses.
//! Every step records its problems and goes on, so that one reading reports them all.

use super::{BodyDoc, BodyTaskDoc, OverrideDoc, StatusDoc, SystemDoc, valid_orgnr};
use crate::check::valid_id;
use crate::declaration::DeclarationDoc;
use crate::problem::{Problem, ProblemKind as P};
use crate::yaml::Node;
use grunnmur_core::catalog::{Catalog, Scope, Text};
use grunnmur_core::date::Date;
use grunnmur_core::workspace::*;
use std::collections::{HashMap, HashSet};

mod sources;

/// Inserts unless the key is taken; a duplicate keeps pointing at the first entry.
fn first_wins<K: std::hash::Hash + Eq, V>(map: &mut HashMap<K, V>, k: K, v: V) -> bool {
    match map.entry(k) {
        std::collections::hash_map::Entry::Occupied(_) => false,
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(v);
            true
        }
    }
}

pub(super) fn resolve(
    file: &str,
    root: &Node,
    doc: BodyDoc,
    cat: &Catalog,
    declarations: &[DeclarationDoc],
) -> Result<(BodyDoc, Workspace), Vec<Problem>> {
    let long = too_long(file, root, &doc);
    if !long.is_empty() {
        // Alone: the other checks would repeat the over-long texts in their messages.
        return Err(long);
    }
    let mut r = Resolver {
        file,
        root,
        cat,
        problems: Vec::new(),
        own_ids: HashMap::new(),
        task_ids: HashMap::new(),
        sys_ids: HashMap::new(),
    };
    let orgnr = r.org(&doc);
    let own_info_types = r.own_info_types(&doc);
    let tasks = r.tasks(&doc);
    // Systems: ids first, so dependencies may point forward.
    r.system_ids(&doc);
    let systems = r.systems(&doc, &tasks);
    let statuses = r.statuses(&doc);
    let sources = r.sources(&doc, declarations);
    let mut problems = r.problems;
    if !problems.is_empty() {
        crate::problem::sort(&mut problems);
        return Err(problems);
    }
    let ws = Workspace {
        org: Org {
            orgnr,
            name: doc.org.name.clone(),
            kind: doc.org.kind,
            sectors: doc.org.sectors.clone(),
            selection: doc.org.selection,
            cumulation_threshold: doc.org.cumulation_threshold,
        },
        own_info_types,
        tasks,
        systems,
        statuses,
        sources,
    };
    Ok((doc, ws))
}

/// Every text of a document (a body file, a declaration) longer than its field allows, at its
/// line.
pub(crate) fn too_long<T: serde::Serialize>(file: &str, root: &Node, doc: &T) -> Vec<Problem> {
    grunnmur_core::limits::too_long(doc)
        .into_iter()
        .map(|t| {
            let path: Vec<&str> = t.path.iter().map(String::as_str).collect();
            let kind = P::TooLong {
                field: t.field(),
                chars: t.chars,
                max: t.max,
            };
            Problem::error(file, root.line_of(&path), kind)
        })
        .collect()
}

/// What is known of the document so far, and the problems found.
struct Resolver<'a> {
    file: &'a str,
    root: &'a Node,
    cat: &'a Catalog,
    problems: Vec<Problem>,
    /// The body's own information types, by id.
    own_ids: HashMap<&'a str, u32>,
    /// Tasks by key ([`BodyTaskDoc::key`]).
    task_ids: HashMap<String, usize>,
    sys_ids: HashMap<&'a str, usize>,
}

impl<'a> Resolver<'a> {
    fn err(&mut self, line: u32, kind: P) {
        self.problems.push(Problem::error(self.file, line, kind));
    }

    /// The line of an entry of the document (0 when there is no text to point into).
    fn at(&self, path: &[&str]) -> u32 {
        self.root.line_of(path)
    }

    fn info_ref(&self, id: &str) -> Option<InfoRef> {
        self.cat
            .info_type(id)
            .map(InfoRef::Catalog)
            .or_else(|| self.own_ids.get(id).map(|&n| InfoRef::Own(n)))
    }

    /// Checks the organisation; its number as text.
    fn org(&mut self, doc: &BodyDoc) -> String {
        let orgnr = doc.org.orgnr.as_string();
        if !valid_orgnr(&orgnr) {
            let line = self.at(&["org", "orgnr"]);
            let kind = P::InvalidOrgnr {
                value: orgnr.clone(),
            };
            self.err(line, kind);
        }
        self.sectors(&["org", "sectors"], &doc.org.sectors);
        if doc.org.cumulation_threshold == 0 {
            let line = self.at(&["org", "cumulation_threshold"]);
            self.err(line, P::InvalidThreshold);
        }
        let months = doc.org.review_months;
        if !(1..=crate::body::MAX_REVIEW_MONTHS).contains(&months) {
            let line = self.at(&["org", "review_months"]);
            let max = crate::body::MAX_REVIEW_MONTHS;
            self.err(line, P::InvalidReviewMonths { value: months, max });
        }
        orgnr
    }

    /// Sector ids at `path` (the org's, or an own task's): each a valid `sector:` id.
    fn sectors(&mut self, path: &[&str], sectors: &[String]) {
        for (n, s) in sectors.iter().enumerate() {
            if grunnmur_core::catalog::Applicability::parse(&format!("sector:{s}")).is_none() {
                let ns = n.to_string();
                let mut at = path.to_vec();
                at.push(&ns);
                let line = self.at(&at);
                self.err(line, P::InvalidSector { value: s.clone() });
            }
        }
    }

    /// The body's own information types.
    fn own_info_types(&mut self, doc: &'a BodyDoc) -> Vec<OwnInfoType> {
        let mut out = Vec::new();
        for (n, it) in doc.info_types.iter().enumerate() {
            let line = self.at(&["info_types", &n.to_string(), "id"]);
            if !valid_id(&it.id) {
                let kind = P::InvalidId {
                    section: "info_types".into(),
                    id: it.id.clone(),
                };
                self.err(line, kind);
            }
            if self.cat.info_type(&it.id).is_some() {
                let kind = P::ClashesWithCatalog {
                    section: "info_types".into(),
                    id: it.id.clone(),
                };
                self.err(line, kind);
            } else if !first_wins(&mut self.own_ids, &it.id, out.len() as u32) {
                let kind = P::DuplicateId {
                    section: "info_types".into(),
                    id: it.id.clone(),
                    first: String::new(),
                };
                self.err(line, kind);
            }
            out.push(OwnInfoType {
                id: it.id.clone(),
                name: it.name.clone(),
                levels: it.levels,
            });
        }
        out
    }

    /// Tasks: adopted or own.
    fn tasks(&mut self, doc: &BodyDoc) -> Vec<BodyTask> {
        let mut tasks = Vec::new();
        for (n, t) in doc.tasks.iter().enumerate() {
            let line = self.at(&["tasks", &n.to_string()]);
            let Some(mut task) = self.task_head(n, t) else {
                continue;
            };
            task.adaptations = self.adaptations(n, &task.id, &t.overrides, &task.info_types);
            if !first_wins(&mut self.task_ids, task.id.clone(), tasks.len()) {
                let kind = P::DuplicateId {
                    section: "tasks".into(),
                    id: task.id.clone(),
                    first: String::new(),
                };
                self.err(line, kind);
            }
            tasks.push(task);
        }
        tasks
    }

    /// A task without its adaptations; `None` when it cannot be read as either kind of task.
    fn task_head(&mut self, n: usize, t: &BodyTaskDoc) -> Option<BodyTask> {
        let ns = n.to_string();
        let line = self.at(&["tasks", &ns]);
        match (&t.task, &t.id) {
            (Some(tid), None) if t.name.is_none() && t.info_types.is_none() => {
                if !t.sectors.is_empty() {
                    let line = self.at(&["tasks", &ns, "sectors"]);
                    self.err(line, P::SectorsOnAdoptedTask { task: tid.clone() });
                }
                match self.cat.task(tid) {
                    Some(ti) => {
                        let its = self.cat.tasks[ti as usize].info_types.iter();
                        let info_types = its.map(|&i| InfoRef::Catalog(i)).collect();
                        Some(BodyTask {
                            id: tid.clone(),
                            catalog: Some(ti),
                            name: None,
                            info_types,
                            adaptations: Vec::new(),
                            sectors: Vec::new(),
                        })
                    }
                    None => {
                        let kind = P::UnknownReference {
                            section: "tasks".into(),
                            id: tid.clone(),
                            target: "tasks".into(),
                            reference: tid.clone(),
                        };
                        let line = self.at(&["tasks", &ns, "task"]);
                        self.err(line, kind);
                        None
                    }
                }
            }
            (None, Some(id)) => {
                if !valid_id(id) {
                    let kind = P::InvalidId {
                        section: "tasks".into(),
                        id: id.clone(),
                    };
                    self.err(line, kind);
                }
                if self.cat.task(id).is_some() {
                    let kind = P::ClashesWithCatalog {
                        section: "tasks".into(),
                        id: id.clone(),
                    };
                    self.err(line, kind);
                }
                let info_types = self.own_task_info_types(n, id, t);
                self.sectors(&["tasks", &ns, "sectors"], &t.sectors);
                Some(BodyTask {
                    id: id.clone(),
                    catalog: None,
                    name: t.name.clone().map(Text::nb),
                    info_types,
                    adaptations: Vec::new(),
                    sectors: t.sectors.clone(),
                })
            }
            _ => {
                self.err(line, P::TaskNeedsIdOrTask);
                None
            }
        }
    }

    /// The information types the body lists for its own task.
    fn own_task_info_types(&mut self, n: usize, id: &str, t: &BodyTaskDoc) -> Vec<InfoRef> {
        let ns = n.to_string();
        let list = t.info_types.as_deref().unwrap_or_default();
        if list.is_empty() {
            let kind = P::EmptyList {
                section: "tasks".into(),
                id: id.to_string(),
                field: "info_types".into(),
            };
            let line = self.at(&["tasks", &ns]);
            self.err(line, kind);
        }
        let mut info_types = Vec::new();
        for (k, i) in list.iter().enumerate() {
            match self.info_ref(i) {
                Some(r) => info_types.push(r),
                None => {
                    let kind = P::UnknownReference {
                        section: "tasks".into(),
                        id: id.to_string(),
                        target: "info_types".into(),
                        reference: i.clone(),
                    };
                    let line = self.at(&["tasks", &ns, "info_types", &k.to_string()]);
                    self.err(line, kind);
                }
            }
        }
        info_types
    }

    /// A task's adaptations of the recommended levels (rule 5).
    fn adaptations(
        &mut self,
        n: usize,
        id: &str,
        overrides: &[OverrideDoc],
        info_types: &[InfoRef],
    ) -> Vec<Adaptation> {
        let ns = n.to_string();
        let mut adaptations = Vec::new();
        let mut adapted: HashSet<&str> = HashSet::new();
        for (k, o) in overrides.iter().enumerate() {
            let oline = self.at(&["tasks", &ns, "overrides", &k.to_string()]);
            let kind = match self.info_ref(&o.info_type) {
                Some(r) if !info_types.contains(&r) => P::InfoTypeNotInTask {
                    info_type: o.info_type.clone(),
                    task: id.to_string(),
                },
                None => P::UnknownReference {
                    section: "tasks".into(),
                    id: id.to_string(),
                    target: "info_types".into(),
                    reference: o.info_type.clone(),
                },
                Some(InfoRef::Own(_)) => P::AdaptsOwnInfoType {
                    task: id.to_string(),
                    info_type: o.info_type.clone(),
                },
                Some(InfoRef::Catalog(i)) => {
                    if !adapted.insert(&o.info_type) {
                        let kind = P::DuplicateId {
                            section: "overrides".into(),
                            id: o.info_type.clone(),
                            first: String::new(),
                        };
                        self.err(oline, kind);
                    }
                    if o.levels.is_empty() {
                        let kind = P::EmptyAdaptation {
                            task: id.to_string(),
                            info_type: o.info_type.clone(),
                        };
                        self.err(oline, kind);
                    }
                    let justification = o.justification.clone().unwrap_or_default();
                    if justification.trim().is_empty() {
                        let what = format!("tasks[{n}].overrides[{k}] ({})", o.info_type);
                        self.err(oline, P::MissingJustification { what });
                    }
                    adaptations.push(Adaptation {
                        info_type: i,
                        levels: o.levels,
                        justification,
                    });
                    continue;
                }
            };
            self.err(oline, kind);
        }
        adaptations
    }

    fn system_ids(&mut self, doc: &'a BodyDoc) {
        for (n, s) in doc.systems.iter().enumerate() {
            let line = self.at(&["systems", &n.to_string(), "id"]);
            if !valid_id(&s.id) {
                let kind = P::InvalidId {
                    section: "systems".into(),
                    id: s.id.clone(),
                };
                self.err(line, kind);
            }
            if !first_wins(&mut self.sys_ids, s.id.as_str(), n) {
                let kind = P::DuplicateId {
                    section: "systems".into(),
                    id: s.id.clone(),
                    first: String::new(),
                };
                self.err(line, kind);
            }
        }
    }

    fn systems(&mut self, doc: &BodyDoc, tasks: &[BodyTask]) -> Vec<System> {
        let mut systems = Vec::new();
        for (n, s) in doc.systems.iter().enumerate() {
            systems.push(System {
                id: s.id.clone(),
                name: s.name.clone(),
                processes: self.processes(n, s, tasks),
                depends_on: self.dependencies(n, s),
            });
        }
        systems
    }

    /// What a system processes: tasks the body has, and information types of those tasks.
    fn processes(&mut self, n: usize, s: &SystemDoc, tasks: &[BodyTask]) -> Vec<Processing> {
        let ns = n.to_string();
        let mut processes = Vec::new();
        for (k, p) in s.processes.iter().enumerate() {
            let pline = self.at(&["systems", &ns, "processes", &k.to_string()]);
            let Some(&ti) = self.task_ids.get(&p.task) else {
                let kind = if self.cat.task(&p.task).is_some() {
                    P::TaskNotAdopted {
                        system: s.id.clone(),
                        task: p.task.clone(),
                    }
                } else {
                    P::UnknownReference {
                        section: "systems".into(),
                        id: s.id.clone(),
                        target: "tasks".into(),
                        reference: p.task.clone(),
                    }
                };
                self.err(pline, kind);
                continue;
            };
            let task = &tasks[ti];
            let items = match &p.info_types {
                None => (0..task.info_types.len() as u32).collect(),
                Some(list) => {
                    let mut items = Vec::new();
                    for i in list {
                        let pos = self
                            .info_ref(i)
                            .and_then(|r| task.info_types.iter().position(|x| *x == r));
                        match pos {
                            Some(pos) => items.push(pos as u32),
                            None => {
                                let kind = P::InfoTypeNotInTask {
                                    info_type: i.clone(),
                                    task: p.task.clone(),
                                };
                                self.err(pline, kind);
                            }
                        }
                    }
                    items.sort_unstable();
                    items.dedup();
                    items
                }
            };
            processes.push(Processing { task: ti, items });
        }
        processes
    }

    fn dependencies(&mut self, n: usize, s: &SystemDoc) -> Vec<Dependency> {
        let ns = n.to_string();
        let mut depends_on = Vec::new();
        for (k, d) in s.depends_on.iter().enumerate() {
            let dline = self.at(&["systems", &ns, "depends_on", &k.to_string()]);
            match self.sys_ids.get(d.system.as_str()) {
                Some(&on) if on == n => {
                    let kind = P::SelfDependency {
                        system: s.id.clone(),
                    };
                    self.err(dline, kind);
                }
                Some(&on) => depends_on.push(Dependency { on, kind: d.kind }),
                None => {
                    let kind = P::UnknownReference {
                        section: "systems".into(),
                        id: s.id.clone(),
                        target: "systems".into(),
                        reference: d.system.clone(),
                    };
                    self.err(dline, kind);
                }
            }
        }
        depends_on
    }

    fn statuses(&mut self, doc: &BodyDoc) -> Vec<MeasureStatus> {
        let mut statuses = Vec::new();
        let mut seen: HashSet<(u32, Option<usize>)> = HashSet::new();
        for (n, st) in doc.measure_status.iter().enumerate() {
            if let Some(s) = self.status(n, st, &mut seen) {
                statuses.push(s);
            }
        }
        statuses
    }

    /// One measure status; `None` when its measure or system is unknown.
    fn status(
        &mut self,
        n: usize,
        st: &StatusDoc,
        seen: &mut HashSet<(u32, Option<usize>)>,
    ) -> Option<MeasureStatus> {
        let ns = n.to_string();
        let line = self.at(&["measure_status", &ns]);
        let Some(m) = self.cat.measure(&st.measure) else {
            let kind = P::UnknownReference {
                section: "measure_status".into(),
                id: st.measure.clone(),
                target: "measures".into(),
                reference: st.measure.clone(),
            };
            let line = self.at(&["measure_status", &ns, "measure"]);
            self.err(line, kind);
            return None;
        };
        let system = match &st.system {
            None => None,
            Some(sid) => match self.sys_ids.get(sid.as_str()) {
                Some(&s) => Some(s),
                None => {
                    let kind = P::UnknownReference {
                        section: "measure_status".into(),
                        id: st.measure.clone(),
                        target: "systems".into(),
                        reference: sid.clone(),
                    };
                    let line = self.at(&["measure_status", &ns, "system"]);
                    self.err(line, kind);
                    return None;
                }
            },
        };
        let scope_name = st.system.clone().unwrap_or_else(|| "org".into());
        let scope = self.cat.measures[m as usize].scope;
        if (scope == Scope::System) != system.is_some() {
            let kind = P::ScopeMismatch {
                measure: st.measure.clone(),
                scope: if scope == Scope::System {
                    "system"
                } else {
                    "org"
                }
                .into(),
            };
            self.err(line, kind);
        }
        if !seen.insert((m, system)) {
            let kind = P::DuplicateStatus {
                measure: st.measure.clone(),
                scope: scope_name.clone(),
            };
            self.err(line, kind);
        }
        let due = self.date(&["measure_status", &ns, "due"], &st.due);
        let valid_until = self.date(&["measure_status", &ns, "valid_until"], &st.valid_until);
        let recurs = self.recurrence("measure_status", &ns, st.recurs, &st.done);
        let blank = st
            .justification
            .as_deref()
            .is_none_or(|j| j.trim().is_empty());
        if st.status == Status::NotApplicable && blank {
            let what = format!("measure_status[{n}] ({} / {scope_name})", st.measure);
            self.err(line, P::MissingJustification { what });
        }
        Some(MeasureStatus {
            measure: m,
            system,
            status: st.status,
            owner: st.owner.clone(),
            due,
            justification: st.justification.clone(),
            evidence: st.evidence.clone(),
            valid_until,
            recurs,
        })
    }

    /// A recurrence (`recurs`, `done`) of the entry at `section[ns]`: the interval within
    /// bounds, the history not longer than kept and every date in it a date.
    pub(super) fn recurrence(
        &mut self,
        section: &str,
        ns: &str,
        recurs: Option<u32>,
        done: &[crate::body::DoneDoc],
    ) -> Option<u32> {
        use grunnmur_core::recur;
        let valid = recurs.filter(|m| recur::valid_months(*m));
        if let Some(value) = recurs.filter(|_| valid.is_none()) {
            let line = self.at(&[section, ns, "recurs"]);
            let max = recur::MAX_MONTHS;
            self.err(line, P::InvalidRecurrence { value, max });
        }
        if done.len() > recur::MAX_DONE {
            let line = self.at(&[section, ns, "done"]);
            let kind = P::TooManyDone {
                count: done.len(),
                max: recur::MAX_DONE,
            };
            self.err(line, kind);
        }
        for (k, d) in done.iter().enumerate() {
            if Date::parse(&d.date).is_none() {
                let ks = k.to_string();
                let line = self.at(&[section, ns, "done", &ks, "date"]);
                let kind = P::InvalidDate {
                    field: format!("done[{k}].date"),
                    value: d.date.clone(),
                };
                self.err(line, kind);
            }
        }
        valid
    }

    /// A date field at `path` (its last step names the field).
    fn date(&mut self, path: &[&str], v: &Option<String>) -> Option<Date> {
        let v = v.as_ref()?;
        let d = Date::parse(v);
        if d.is_none() {
            let kind = P::InvalidDate {
                field: path.last().copied().unwrap_or_default().into(),
                value: v.clone(),
            };
            let line = self.at(path);
            self.err(line, kind);
        }
        d
    }
}
