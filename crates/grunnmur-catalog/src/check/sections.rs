//! The checks of each section, in the order the catalog is checked: the header, then
//! requirements, consequence scale, activities, information types, tasks, measures, profiles.
//! Each reports through the [`Checker`]; those that others refer to return id → index.

use super::{Checker, Entries, Located};
use crate::format::*;
use crate::problem::{Problem, ProblemKind as P};
use crate::yaml::{Node, NodeValue};
use grunnmur_core::catalog::{self as core, Applicability};
use std::collections::{HashMap, HashSet};
use std::fmt::Debug;
use std::hash::Hash;

type Ids = HashMap<String, usize>;

impl Checker<'_> {
    /// The header, or a placeholder after reporting it missing (the rest is still checked).
    pub(super) fn header(&mut self, e: &Entries) -> Located<Header> {
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
        header
    }

    /// The owners: ids, names, and the organisation number where one is given (MOD11).
    pub(super) fn owners(&mut self, owners: &[Located<OwnerDoc>]) -> Ids {
        let ids = self.ids("owners", owners, |o| &o.id);
        for o in owners {
            let loc = (o.file, &o.node);
            self.text(
                loc,
                "owners",
                &o.value.id,
                "name",
                Some(&o.value.name),
                true,
            );
            if let Some(orgnr) = &o.value.orgnr
                && !crate::body::valid_orgnr(orgnr)
            {
                let kind = P::InvalidOrgnr {
                    value: orgnr.clone(),
                };
                self.err(o.file, o.node.line_of(&["orgnr"]), kind);
            }
        }
        ids
    }

    /// Every entry's owner (requirements, activities, information types, tasks, measures,
    /// profiles): known, and named in a new catalog.
    pub(super) fn entry_owners(&mut self, e: &Entries, owners: &Ids) {
        fn each<T>(
            c: &mut Checker<'_>,
            section: &str,
            items: &[Located<T>],
            owners: &Ids,
            get: impl Fn(&T) -> (String, Option<&str>),
        ) {
            for it in items {
                let (id, owner) = get(&it.value);
                c.owner((it.file, &it.node), section, &id, owner, owners);
            }
        }
        each(self, "requirements", &e.requirements, owners, |x| {
            (x.id.clone(), x.owner.as_deref())
        });
        each(self, "activities", &e.activities, owners, |x| {
            (format!("{:?}", x.id).to_lowercase(), x.owner.as_deref())
        });
        each(self, "info_types", &e.info_types, owners, |x| {
            (x.id.clone(), x.owner.as_deref())
        });
        each(self, "tasks", &e.tasks, owners, |x| {
            (x.id.clone(), x.owner.as_deref())
        });
        each(self, "measures", &e.measures, owners, |x| {
            (x.id.clone(), x.owner.as_deref())
        });
        each(self, "profiles", &e.profiles, owners, |x| {
            (x.id.clone(), x.owner.as_deref())
        });
    }

    pub(super) fn requirements(&mut self, requirements: &[Located<RequirementDoc>]) -> Ids {
        let req_ids = self.ids("requirements", requirements, |r| &r.id);
        for r in requirements {
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
        req_ids
    }

    /// The id of an entry named by a fixed key (an impact area, an activity): the key in lower
    /// case, reported when an earlier entry had it.
    fn fixed_id<K: Copy + Eq + Hash + Debug>(
        &mut self,
        section: &str,
        seen: &mut HashSet<K>,
        key: K,
        (file, node): (usize, &Node),
    ) -> String {
        let id = format!("{key:?}").to_lowercase();
        if !seen.insert(key) {
            let kind = P::DuplicateId {
                section: section.into(),
                id: id.clone(),
                first: String::new(),
            };
            self.err(file, node.line, kind);
        }
        id
    }

    pub(super) fn consequence_scale(&mut self, scale: &[Located<ScaleAreaDoc>]) {
        let mut seen_areas = HashSet::new();
        for s in scale {
            let loc = (s.file, &s.node);
            let area = self.fixed_id("consequence_scale", &mut seen_areas, s.value.area, loc);
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
    }

    /// Activities: each once, named and described, with two to five recommendations; all of
    /// them when there are any (the header's place is where a missing one is reported).
    pub(super) fn activities(
        &mut self,
        activities: &[Located<ActivityDoc>],
        header: &Located<Header>,
    ) {
        let mut seen_activities = HashSet::new();
        for a in activities {
            let loc = (a.file, &a.node);
            let id = self.fixed_id("activities", &mut seen_activities, a.value.id, loc);
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
        if !activities.is_empty() {
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
    }

    pub(super) fn info_types(&mut self, info_types: &[Located<InfoTypeDoc>], req_ids: &Ids) -> Ids {
        let it_ids = self.ids("info_types", info_types, |t| &t.id);
        for it in info_types {
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
                req_ids,
            );
        }
        self.duplicate_names("info_types", info_types, |t| (&t.id, &t.name));
        it_ids
    }

    /// Tasks, and the information types no task uses. Returns each task's applicability.
    pub(super) fn tasks(
        &mut self,
        e: &Entries,
        it_ids: &Ids,
        req_ids: &Ids,
    ) -> Vec<Vec<Applicability>> {
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
            self.refs(loc, "tasks", id, "info_types", "info_types", its, it_ids);
            used_info.extend(its.iter().map(String::as_str));
            let reqs = &t.value.requirements;
            self.refs(
                loc,
                "tasks",
                id,
                "requirements",
                "requirements",
                reqs,
                req_ids,
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
        task_applies
    }

    /// Measures: texts (evidence is a warning when missing), baseline, `protects`, and the
    /// requirements of `required_by` (rule 16) known.
    pub(super) fn measures(&mut self, measures: &[Located<MeasureDoc>], req_ids: &Ids) -> Ids {
        let m_ids = self.ids("measures", measures, |m| &m.id);
        for m in measures {
            let (loc, id) = ((m.file, &m.node), m.value.id.as_str());
            self.text(loc, "measures", id, "name", Some(&m.value.name), true);
            let evidence = m.value.evidence.as_ref();
            self.text(loc, "measures", id, "evidence", evidence, false);
            let reqs = &m.value.required_by;
            self.refs(
                loc,
                "measures",
                id,
                "required_by",
                "requirements",
                reqs,
                req_ids,
            );
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
        self.duplicate_names("measures", measures, |m| (&m.id, &m.name));
        m_ids
    }

    /// Profiles (rule 8: only earlier, only additions), and the profile-only measures no
    /// profile adds. Returns each profile's applicability.
    pub(super) fn profiles(&mut self, e: &Entries, m_ids: &Ids) -> Vec<Vec<Applicability>> {
        let _ = self.ids("profiles", &e.profiles, |p| &p.id);
        let mut added: HashSet<&str> = HashSet::new();
        let mut profile_applies = Vec::new();
        for p in &e.profiles {
            let (loc, id) = ((p.file, &p.node), p.value.id.as_str());
            self.text(loc, "profiles", id, "name", Some(&p.value.name), true);
            profile_applies.push(self.applicability(loc, "profiles", id, &p.value.applies_to));
            self.refs(loc, "profiles", id, "add", "measures", &p.value.add, m_ids);
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
        profile_applies
    }
}
