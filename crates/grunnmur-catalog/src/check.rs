//! Reading and checking a catalog made of one or more YAML files: every problem, with its file
//! and line, then the engine's catalog built from the checked files.

use crate::format::*;
use crate::problem::{Problem, ProblemKind as P};
use crate::yaml::{Node, NodeValue, from_node, parse};
use grunnmur_core::catalog::{self as core, Applicability, Catalog};
use grunnmur_core::level::{Baseline, DimSet};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One file's text and the name problems should use for it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Source {
    pub name: String,
    pub text: String,
}

/// An entry with where it was read.
#[derive(Clone, Debug)]
pub struct Located<T> {
    pub file: usize,
    pub node: Node,
    pub value: T,
}

/// A catalog that passed its checks (it may still have warnings).
#[derive(Clone, Debug)]
pub struct CheckedCatalog {
    pub doc: CatalogDoc,
    pub catalog: Catalog,
}

#[derive(Default)]
struct Entries {
    header: Option<Located<Header>>,
    requirements: Vec<Located<RequirementDoc>>,
    consequence_scale: Vec<Located<ScaleAreaDoc>>,
    activities: Vec<Located<ActivityDoc>>,
    info_types: Vec<Located<InfoTypeDoc>>,
    tasks: Vec<Located<TaskDoc>>,
    measures: Vec<Located<MeasureDoc>>,
    profiles: Vec<Located<ProfileDoc>>,
}

pub fn valid_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_lowercase() || b[0].is_ascii_digit())
        && b.iter().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'_')
        })
}

/// Checks the files together. Returns the catalog only when there is no error.
pub fn check_catalog(sources: &[Source]) -> (Option<CheckedCatalog>, Vec<Problem>) {
    let mut c = Checker {
        sources,
        problems: Vec::new(),
    };
    let entries = c.read(sources);
    let built = c.check(entries);
    let mut problems = c.problems;
    crate::problem::sort(&mut problems);
    let ok = !problems.iter().any(Problem::is_error);
    (built.filter(|_| ok), problems)
}

struct Checker<'a> {
    sources: &'a [Source],
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn file(&self, n: usize) -> &str {
        &self.sources[n].name
    }

    fn err(&mut self, file: usize, line: u32, kind: P) {
        let p = Problem::error(self.file(file), line, kind);
        self.problems.push(p);
    }

    fn warn(&mut self, file: usize, line: u32, kind: P) {
        let p = Problem::warning(self.file(file), line, kind);
        self.problems.push(p);
    }

    fn read(&mut self, sources: &[Source]) -> Entries {
        let mut e = Entries::default();
        for (file, src) in sources.iter().enumerate() {
            let root = match parse(&src.text) {
                Ok(n) => n,
                Err(err) => {
                    self.err(
                        file,
                        err.line,
                        P::Syntax {
                            detail: err.message,
                        },
                    );
                    continue;
                }
            };
            let entries = match root.value {
                NodeValue::Map(m) => m,
                NodeValue::Null => continue,
                _ => {
                    self.err(
                        file,
                        root.line,
                        P::NotAMapping {
                            what: "file".into(),
                        },
                    );
                    continue;
                }
            };
            for (key, node) in entries {
                match key.as_str() {
                    "catalog" => match from_node::<Header>(&node) {
                        Ok(h) => {
                            if let Some(first) = &e.header {
                                let first =
                                    format!("{}:{}", self.file(first.file), first.node.line);
                                self.err(file, node.line, P::DuplicateHeader { first });
                            } else {
                                e.header = Some(Located {
                                    file,
                                    node,
                                    value: h,
                                });
                            }
                        }
                        Err((line, detail)) => self.err(file, line, P::Format { detail }),
                    },
                    "requirements" => self.list(file, &node, &mut e.requirements),
                    "consequence_scale" => self.list(file, &node, &mut e.consequence_scale),
                    "activities" => self.list(file, &node, &mut e.activities),
                    "info_types" => self.list(file, &node, &mut e.info_types),
                    "tasks" => self.list(file, &node, &mut e.tasks),
                    "measures" => self.list(file, &node, &mut e.measures),
                    "profiles" => {
                        self.profile_removals(file, &node);
                        self.list(file, &node, &mut e.profiles)
                    }
                    _ => self.err(file, node.line, P::UnknownSection { section: key }),
                }
            }
        }
        e
    }

    fn list<T: serde::de::DeserializeOwned>(
        &mut self,
        file: usize,
        node: &Node,
        out: &mut Vec<Located<T>>,
    ) {
        let items = match &node.value {
            NodeValue::Seq(items) => items,
            NodeValue::Null => return,
            _ => {
                let detail = "expected a list".to_string();
                self.err(file, node.line, P::Format { detail });
                return;
            }
        };
        for item in items {
            match from_node::<T>(item) {
                Ok(value) => out.push(Located {
                    file,
                    node: item.clone(),
                    value,
                }),
                Err((line, detail)) => self.err(file, line, P::Format { detail }),
            }
        }
    }

    /// Rule 8: a profile never removes. Say so plainly rather than as an unknown key.
    fn profile_removals(&mut self, file: usize, node: &Node) {
        if let NodeValue::Seq(items) = &node.value {
            for item in items {
                for key in ["remove", "removes", "exclude"] {
                    if let Some(n) = item.get(key) {
                        let profile = item
                            .get("id")
                            .and_then(|i| match &i.value {
                                NodeValue::Str(s) => Some(s.clone()),
                                _ => None,
                            })
                            .unwrap_or_default();
                        self.err(file, n.line, P::ProfileRemoves { profile });
                    }
                }
            }
        }
    }

    /// Checks ids in one section: valid and unique. Returns id → index.
    fn ids<T>(
        &mut self,
        section: &str,
        items: &[Located<T>],
        id: impl Fn(&T) -> &str,
    ) -> HashMap<String, usize> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, it) in items.iter().enumerate() {
            let i = id(&it.value);
            let line = it.node.line_of(&["id"]);
            if !valid_id(i) {
                let kind = P::InvalidId {
                    section: section.into(),
                    id: i.into(),
                };
                self.err(it.file, line, kind);
            }
            if let Some(&first) = seen.get(i) {
                let f = &items[first];
                let first = format!("{}:{}", self.file(f.file), f.node.line_of(&["id"]));
                let kind = P::DuplicateId {
                    section: section.into(),
                    id: i.into(),
                    first,
                };
                self.err(it.file, line, kind);
            } else {
                seen.insert(i.to_string(), n);
            }
        }
        seen
    }

    fn text(
        &mut self,
        loc: (usize, &Node),
        section: &str,
        id: &str,
        field: &str,
        t: Option<&TextDoc>,
        required: bool,
    ) {
        let (file, node) = loc;
        let line = node.line_of(&[field]);
        let missing = |s: Option<&String>| s.is_none_or(|s| s.trim().is_empty());
        let kind = |lang: &str| P::MissingText {
            section: section.into(),
            id: id.into(),
            field: field.into(),
            lang: lang.into(),
        };
        match t {
            None if required => self.err(file, line, kind("nb")),
            None => self.warn(file, line, kind("nb")),
            Some(t) => {
                if missing(t.nb.as_ref()) {
                    self.err(file, line, kind("nb"));
                }
                if missing(t.en.as_ref()) {
                    self.warn(file, line, kind("en"));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)] // each names a part of the problem's place
    fn refs(
        &mut self,
        loc: (usize, &Node),
        section: &str,
        id: &str,
        field: &str,
        target: &str,
        refs: &[String],
        known: &HashMap<String, usize>,
    ) {
        let (file, node) = loc;
        for (n, r) in refs.iter().enumerate() {
            if !known.contains_key(r) {
                let line = node.line_of(&[field, &n.to_string()]);
                let kind = P::UnknownReference {
                    section: section.into(),
                    id: id.into(),
                    target: target.into(),
                    reference: r.clone(),
                };
                self.err(file, line, kind);
            }
        }
    }

    fn applicability(
        &mut self,
        loc: (usize, &Node),
        section: &str,
        id: &str,
        values: &[String],
    ) -> Vec<Applicability> {
        let (file, node) = loc;
        if values.is_empty() {
            let kind = P::EmptyList {
                section: section.into(),
                id: id.into(),
                field: "applies_to".into(),
            };
            self.err(file, node.line_of(&["applies_to"]), kind);
        }
        let mut out = Vec::new();
        for (n, v) in values.iter().enumerate() {
            match Applicability::parse(v) {
                Some(a) => out.push(a),
                None => {
                    let line = node.line_of(&["applies_to", &n.to_string()]);
                    let kind = P::InvalidApplicability {
                        section: section.into(),
                        id: id.into(),
                        value: v.clone(),
                    };
                    self.err(file, line, kind);
                }
            }
        }
        out
    }

    fn duplicate_names<T>(
        &mut self,
        section: &str,
        items: &[Located<T>],
        get: impl Fn(&T) -> (&str, &TextDoc),
    ) {
        let mut seen: HashMap<String, String> = HashMap::new();
        for it in items {
            let (id, name) = get(&it.value);
            let Some(nb) = name.nb.as_deref() else {
                continue;
            };
            let key = nb.trim().to_lowercase();
            if let Some(other) = seen.get(&key) {
                let kind = P::DuplicateName {
                    section: section.into(),
                    id: id.into(),
                    name: nb.into(),
                    other: other.clone(),
                };
                let line = it.node.line_of(&["name"]);
                self.warn(it.file, line, kind);
            } else {
                seen.insert(key, id.to_string());
            }
        }
    }

    fn check(&mut self, e: Entries) -> Option<CheckedCatalog> {
        let header = e.header.clone().unwrap_or_else(|| {
            // Report it, and go on checking the rest against a placeholder header.
            let file = self
                .sources
                .first()
                .map_or("-", |s| s.name.as_str())
                .to_string();
            self.problems
                .push(Problem::error(&file, 1, P::MissingHeader));
            let dash = || Some("-".to_string());
            Located {
                file: 0,
                node: Node {
                    line: 1,
                    value: NodeValue::Null,
                },
                value: Header {
                    id: "-".into(),
                    version: "-".into(),
                    title: TextDoc {
                        nb: dash(),
                        en: dash(),
                    },
                    out_of_scope: None,
                },
            }
        });
        let hloc = (header.file, &header.node);
        self.text(
            hloc,
            "catalog",
            &header.value.id,
            "title",
            Some(&header.value.title),
            true,
        );
        if header.value.version.trim().is_empty() {
            let detail = "catalog.version: empty".to_string();
            self.err(
                header.file,
                header.node.line_of(&["version"]),
                P::Format { detail },
            );
        }

        let req_ids = self.ids("requirements", &e.requirements, |r| &r.id);
        for r in &e.requirements {
            let loc = (r.file, &r.node);
            self.text(
                loc,
                "requirements",
                &r.value.id,
                "name",
                Some(&r.value.name),
                true,
            );
        }
        let mut seen_areas = HashSet::new();
        for s in &e.consequence_scale {
            let area = format!("{:?}", s.value.area).to_lowercase();
            if !seen_areas.insert(s.value.area) {
                let kind = P::DuplicateId {
                    section: "consequence_scale".into(),
                    id: area.clone(),
                    first: String::new(),
                };
                self.err(s.file, s.node.line, kind);
            }
            let loc = (s.file, &s.node);
            self.text(
                loc,
                "consequence_scale",
                &area,
                "name",
                Some(&s.value.name),
                true,
            );
            for (lvl, t) in [
                ("lav", &s.value.levels.lav),
                ("middels", &s.value.levels.middels),
                ("høy", &s.value.levels.hoy),
            ] {
                let field = format!("levels.{lvl}");
                self.text(loc, "consequence_scale", &area, &field, Some(t), true);
            }
        }
        let mut seen_activities = HashSet::new();
        for a in &e.activities {
            let id = format!("{:?}", a.value.id).to_lowercase();
            if !seen_activities.insert(a.value.id) {
                let kind = P::DuplicateId {
                    section: "activities".into(),
                    id: id.clone(),
                    first: String::new(),
                };
                self.err(a.file, a.node.line, kind);
            }
            let loc = (a.file, &a.node);
            self.text(loc, "activities", &id, "name", Some(&a.value.name), true);
            self.text(
                loc,
                "activities",
                &id,
                "description",
                Some(&a.value.description),
                true,
            );
            let count = a.value.recommendations.len();
            if !(2..=5).contains(&count) {
                let line = a.node.line_of(&["recommendations"]);
                self.warn(
                    a.file,
                    line,
                    P::FewRecommendations {
                        activity: id.clone(),
                        count,
                    },
                );
            }
            for (n, r) in a.value.recommendations.iter().enumerate() {
                let field = format!("recommendations.{n}");
                self.text(loc, "activities", &id, &field, Some(r), true);
            }
        }
        if !e.activities.is_empty() {
            for act in core::Activity::ALL {
                if !seen_activities.contains(&act) {
                    let activity = format!("{act:?}").to_lowercase();
                    self.warn(
                        header.file,
                        header.node.line,
                        P::MissingActivity { activity },
                    );
                }
            }
        }

        let it_ids = self.ids("info_types", &e.info_types, |t| &t.id);
        for it in &e.info_types {
            let (loc, id) = ((it.file, &it.node), it.value.id.as_str());
            self.text(loc, "info_types", id, "name", Some(&it.value.name), true);
            self.text(
                loc,
                "info_types",
                id,
                "rationale",
                it.value.rationale.as_ref(),
                false,
            );
            let reqs = &it.value.requirements;
            self.refs(
                loc,
                "info_types",
                id,
                "requirements",
                "requirements",
                reqs,
                &req_ids,
            );
        }
        self.duplicate_names("info_types", &e.info_types, |t| (&t.id, &t.name));

        let _ = self.ids("tasks", &e.tasks, |t| &t.id);
        let mut used_info: HashSet<&str> = HashSet::new();
        let mut task_applies = Vec::new();
        for t in &e.tasks {
            let (loc, id) = ((t.file, &t.node), t.value.id.as_str());
            self.text(loc, "tasks", id, "name", Some(&t.value.name), true);
            if let Some(d) = &t.value.description {
                self.text(loc, "tasks", id, "description", Some(d), true);
            }
            for (n, s) in t.value.steps.iter().enumerate() {
                self.text(loc, "tasks", id, &format!("steps.{n}"), Some(s), true);
            }
            task_applies.push(self.applicability(loc, "tasks", id, &t.value.applies_to));
            if t.value.info_types.is_empty() {
                let kind = P::EmptyList {
                    section: "tasks".into(),
                    id: id.into(),
                    field: "info_types".into(),
                };
                self.err(t.file, t.node.line_of(&["info_types"]), kind);
            }
            let its = &t.value.info_types;
            self.refs(loc, "tasks", id, "info_types", "info_types", its, &it_ids);
            used_info.extend(its.iter().map(String::as_str));
            let reqs = &t.value.requirements;
            self.refs(
                loc,
                "tasks",
                id,
                "requirements",
                "requirements",
                reqs,
                &req_ids,
            );
        }
        self.duplicate_names("tasks", &e.tasks, |t| (&t.id, &t.name));
        for it in &e.info_types {
            if !used_info.contains(it.value.id.as_str()) {
                let kind = P::UnusedInfoType {
                    id: it.value.id.clone(),
                };
                self.warn(it.file, it.node.line_of(&["id"]), kind);
            }
        }

        let m_ids = self.ids("measures", &e.measures, |m| &m.id);
        for m in &e.measures {
            let (loc, id) = ((m.file, &m.node), m.value.id.as_str());
            self.text(loc, "measures", id, "name", Some(&m.value.name), true);
            self.text(
                loc,
                "measures",
                id,
                "statement",
                m.value.statement.as_ref(),
                false,
            );
            self.text(
                loc,
                "measures",
                id,
                "guidance",
                m.value.guidance.as_ref(),
                false,
            );
            if !(1..=3).contains(&m.value.level) {
                let kind = P::InvalidBaseline {
                    id: id.into(),
                    value: m.value.level,
                };
                self.err(m.file, m.node.line_of(&["level"]), kind);
            }
            if m.value.protects.is_empty() {
                let kind = P::EmptyList {
                    section: "measures".into(),
                    id: id.into(),
                    field: "protects".into(),
                };
                self.err(m.file, m.node.line_of(&["protects"]), kind);
            }
        }
        self.duplicate_names("measures", &e.measures, |m| (&m.id, &m.name));

        let _ = self.ids("profiles", &e.profiles, |p| &p.id);
        let mut added: HashSet<&str> = HashSet::new();
        let mut profile_applies = Vec::new();
        for p in &e.profiles {
            let (loc, id) = ((p.file, &p.node), p.value.id.as_str());
            self.text(loc, "profiles", id, "name", Some(&p.value.name), true);
            profile_applies.push(self.applicability(loc, "profiles", id, &p.value.applies_to));
            self.refs(loc, "profiles", id, "add", "measures", &p.value.add, &m_ids);
            for (n, mid) in p.value.add.iter().enumerate() {
                if let Some(&mi) = m_ids.get(mid) {
                    added.insert(mid);
                    if !e.measures[mi].value.profile_only {
                        let kind = P::ProfileAddsBaselineMeasure {
                            profile: id.into(),
                            measure: mid.clone(),
                        };
                        self.warn(p.file, p.node.line_of(&["add", &n.to_string()]), kind);
                    }
                }
            }
            for (mid, &to) in &p.value.level_overrides {
                let line = p.node.line_of(&["level_overrides", mid]);
                let Some(&mi) = m_ids.get(mid) else {
                    let kind = P::UnknownReference {
                        section: "profiles".into(),
                        id: id.into(),
                        target: "measures".into(),
                        reference: mid.clone(),
                    };
                    self.err(p.file, line, kind);
                    continue;
                };
                let from = e.measures[mi].value.level;
                if !(1..=3).contains(&to) {
                    let kind = P::InvalidBaseline {
                        id: mid.clone(),
                        value: to,
                    };
                    self.err(p.file, line, kind);
                } else if to >= from {
                    let kind = P::ProfileMovesLater {
                        profile: id.into(),
                        measure: mid.clone(),
                        from: from.clamp(0, 9) as u8,
                        to: to as u8,
                    };
                    self.err(p.file, line, kind);
                }
            }
            for mid in p.value.params.keys() {
                if !m_ids.contains_key(mid) {
                    let line = p.node.line_of(&["params", mid]);
                    let kind = P::UnknownReference {
                        section: "profiles".into(),
                        id: id.into(),
                        target: "measures".into(),
                        reference: mid.clone(),
                    };
                    self.err(p.file, line, kind);
                }
            }
        }
        for m in &e.measures {
            if m.value.profile_only && !added.contains(m.value.id.as_str()) {
                let kind = P::UnreachableMeasure {
                    id: m.value.id.clone(),
                };
                self.warn(m.file, m.node.line_of(&["id"]), kind);
            }
        }

        if self.problems.iter().any(Problem::is_error) {
            return None;
        }
        let doc = CatalogDoc {
            catalog: header.value,
            requirements: e.requirements.into_iter().map(|x| x.value).collect(),
            consequence_scale: e.consequence_scale.into_iter().map(|x| x.value).collect(),
            activities: e.activities.into_iter().map(|x| x.value).collect(),
            info_types: e.info_types.into_iter().map(|x| x.value).collect(),
            tasks: e.tasks.into_iter().map(|x| x.value).collect(),
            measures: e.measures.into_iter().map(|x| x.value).collect(),
            profiles: e.profiles.into_iter().map(|x| x.value).collect(),
        };
        let catalog = build(&doc, task_applies, profile_applies);
        Some(CheckedCatalog { doc, catalog })
    }
}

/// The engine's catalog from a checked document (all references known to resolve).
fn build(
    doc: &CatalogDoc,
    task_applies: Vec<Vec<Applicability>>,
    profile_applies: Vec<Vec<Applicability>>,
) -> Catalog {
    let idx = |ids: &mut dyn Iterator<Item = &String>| -> HashMap<String, u32> {
        ids.enumerate()
            .map(|(n, i)| (i.clone(), n as u32))
            .collect()
    };
    let it_idx = idx(&mut doc.info_types.iter().map(|t| &t.id));
    let m_idx = idx(&mut doc.measures.iter().map(|t| &t.id));
    let info_types = doc
        .info_types
        .iter()
        .map(|t| core::InfoType {
            id: t.id.clone(),
            name: t.name.to_text(),
            levels: t.levels,
        })
        .collect();
    let tasks = doc
        .tasks
        .iter()
        .zip(task_applies)
        .map(|(t, applies_to)| core::Task {
            id: t.id.clone(),
            name: t.name.to_text(),
            applies_to,
            info_types: t.info_types.iter().map(|i| it_idx[i]).collect(),
        })
        .collect();
    let measures = doc
        .measures
        .iter()
        .map(|m| core::Measure {
            id: m.id.clone(),
            name: m.name.to_text(),
            level: Baseline::new(m.level as u8).unwrap_or(Baseline::BN3),
            protects: DimSet::from_dims(m.protects.iter().copied()),
            scope: m.scope,
            purpose: m.purpose,
            kind: m.kind,
            activity: m.activity,
            params: m.params.clone().into_iter().collect::<BTreeMap<_, _>>(),
            profile_only: m.profile_only,
        })
        .collect();
    let profiles = doc
        .profiles
        .iter()
        .zip(profile_applies)
        .map(|(p, applies_to)| core::Profile {
            id: p.id.clone(),
            name: p.name.to_text(),
            applies_to,
            add: p.add.iter().map(|m| m_idx[m]).collect(),
            level_overrides: p
                .level_overrides
                .iter()
                .filter_map(|(m, l)| Some((m_idx[m], Baseline::new(*l as u8)?)))
                .collect(),
            params: p
                .params
                .iter()
                .map(|(m, v)| (m_idx[m], v.clone()))
                .collect(),
        })
        .collect();
    Catalog::new(
        doc.catalog.id.clone(),
        doc.catalog.version.clone(),
        info_types,
        tasks,
        measures,
        profiles,
    )
    .with_consequence_scale(
        doc.consequence_scale
            .iter()
            .map(|a| core::ConsequenceArea {
                id: serde_json::to_value(a.area)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                name: a.name.to_text(),
                levels: [
                    a.levels.lav.to_text(),
                    a.levels.middels.to_text(),
                    a.levels.hoy.to_text(),
                ],
            })
            .collect(),
    )
}
