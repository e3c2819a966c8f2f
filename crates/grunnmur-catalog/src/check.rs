//! Reading and checking a catalog made of one or more YAML files: every problem, with its file
//! and line, then the engine's catalog built from the checked files. Here reading and the checks
//! every section shares; `sections` checks each section in turn, `build` makes the engine's
//! catalog.

use crate::format::*;
use crate::problem::{Problem, ProblemKind as P};
use crate::yaml::{Node, NodeValue, from_node, parse};
use grunnmur_core::catalog::{Applicability, Catalog};
use std::collections::HashMap;

mod build;
mod sections;

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
    owners: Vec<Located<OwnerDoc>>,
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

/// How a catalog is read: as one being written, validated or published, or as a release
/// already published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Every entry names its owner (`catalog validate`, publishing, the bundled catalog).
    New,
    /// A release as it was published: releases published before catalogs named their owners
    /// have entries without one, and still read. An owner that is named must still be known.
    Published,
}

/// Checks the files together as a new catalog ([`Mode::New`]). Returns the catalog only when
/// there is no error.
pub fn check_catalog(sources: &[Source]) -> (Option<CheckedCatalog>, Vec<Problem>) {
    check_catalog_as(sources, Mode::New)
}

/// Checks a release read back from where it was published ([`Mode::Published`]).
pub fn check_published(sources: &[Source]) -> (Option<CheckedCatalog>, Vec<Problem>) {
    check_catalog_as(sources, Mode::Published)
}

/// Checks the files together in `mode`. Returns the catalog only when there is no error.
pub fn check_catalog_as(sources: &[Source], mode: Mode) -> (Option<CheckedCatalog>, Vec<Problem>) {
    let mut c = Checker {
        sources,
        mode,
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
    mode: Mode,
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
                    "owners" => self.list(file, &node, &mut e.owners),
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

    /// An entry's owner: known among `owners` (an error at `owner:` when not); missing is an
    /// error at the entry's id for a new catalog, and accepted in a published release.
    fn owner(
        &mut self,
        (file, node): (usize, &Node),
        section: &str,
        id: &str,
        owner: Option<&str>,
        known: &HashMap<String, usize>,
    ) {
        match owner {
            Some(o) if !known.contains_key(o) => {
                let kind = P::UnknownReference {
                    section: section.into(),
                    id: id.into(),
                    target: "owners".into(),
                    reference: o.into(),
                };
                self.err(file, node.line_of(&["owner"]), kind);
            }
            Some(_) => {}
            None if self.mode == Mode::New => {
                let kind = P::MissingOwner {
                    section: section.into(),
                    id: id.into(),
                };
                self.err(file, node.line_of(&["id"]), kind);
            }
            None => {}
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
        let header = self.header(&e);
        let owner_ids = self.owners(&e.owners);
        let req_ids = self.requirements(&e.requirements);
        self.consequence_scale(&e.consequence_scale);
        self.activities(&e.activities, &header);
        let it_ids = self.info_types(&e.info_types, &req_ids);
        let task_applies = self.tasks(&e, &it_ids, &req_ids);
        let m_ids = self.measures(&e.measures, &req_ids);
        let profile_applies = self.profiles(&e, &m_ids);
        self.entry_owners(&e, &owner_ids);

        if self.problems.iter().any(Problem::is_error) {
            return None;
        }
        let doc = CatalogDoc {
            catalog: header.value,
            owners: e.owners.into_iter().map(|x| x.value).collect(),
            requirements: e.requirements.into_iter().map(|x| x.value).collect(),
            consequence_scale: e.consequence_scale.into_iter().map(|x| x.value).collect(),
            activities: e.activities.into_iter().map(|x| x.value).collect(),
            info_types: e.info_types.into_iter().map(|x| x.value).collect(),
            tasks: e.tasks.into_iter().map(|x| x.value).collect(),
            measures: e.measures.into_iter().map(|x| x.value).collect(),
            profiles: e.profiles.into_iter().map(|x| x.value).collect(),
        };
        let catalog = build::build(&doc, task_applies, profile_applies);
        Some(CheckedCatalog { doc, catalog })
    }
}
