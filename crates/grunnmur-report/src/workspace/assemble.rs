//! Import: assembling the new body document from the base and the good rows, one function per
//! sheet, and remembering where each entry came from.

use super::RowProblem;
use super::cells::{Row, Val};
use grunnmur_catalog::BodyDoc;
use grunnmur_catalog::body::{
    BodyTaskDoc, CoversDoc, DependencyDoc, GroupDoc, ImplementationDoc, OrgDoc, Orgnr, OverrideDoc,
    OwnInfoTypeDoc, ProcessDoc, StatusDoc, SystemDoc,
};
use grunnmur_core::catalog::OrgKind;
use grunnmur_core::level::{Levels, PartialLevels};
use grunnmur_core::workspace::{DEFAULT_CUMULATION_THRESHOLD, DependencyKind, Status};
use std::collections::{HashMap, HashSet};

/// Where an entry of the assembled document came from.
#[derive(Clone, Debug)]
pub(super) struct Origin {
    pub sheet: &'static str,
    pub row: u32,
}

#[derive(Default)]
pub(super) struct Provenance {
    /// Entry path (`systems/3/processes/1`) to its row.
    rows: HashMap<String, Origin>,
    /// Field path (`measure_status/4/due`) to its column.
    fields: HashMap<String, (Origin, &'static str)>,
}

impl Provenance {
    fn row(&mut self, path: String, sheet: &'static str, row: u32) {
        self.rows.insert(path, Origin { sheet, row });
    }

    fn fields(
        &mut self,
        path: &str,
        sheet: &'static str,
        row: u32,
        fields: &[(&str, &'static str)],
    ) {
        for (f, col) in fields {
            self.fields
                .insert(format!("{path}/{f}"), (Origin { sheet, row }, col));
        }
    }

    /// The deepest entry or field that contains `path`.
    pub fn find(&self, path: &[String]) -> Option<(Origin, Option<&'static str>)> {
        for n in (1..=path.len()).rev() {
            let p = path[..n].join("/");
            if let Some((o, c)) = self.fields.get(&p) {
                return Some((o.clone(), Some(c)));
            }
            if let Some(o) = self.rows.get(&p) {
                return Some((o.clone(), None));
            }
        }
        None
    }
}

/// The parsed sheets: `None` for a sheet the workbook does not have.
#[derive(Default)]
pub(super) struct Sheets {
    pub org: Option<Vec<Row>>,
    pub tasks: Option<Vec<Row>>,
    pub overrides: Option<Vec<Row>>,
    pub info_types: Option<Vec<Row>>,
    pub systems: Option<Vec<Row>>,
    pub mapping: Option<Vec<Row>>,
    pub dependencies: Option<Vec<Row>>,
    pub statuses: Option<Vec<Row>>,
    pub groups: Option<Vec<Row>>,
    pub implementations: Option<Vec<Row>>,
}

impl Sheets {
    /// Where the rows of a sheet go.
    pub fn slot(&mut self, sheet: &str) -> &mut Option<Vec<Row>> {
        match sheet {
            "org" => &mut self.org,
            "tasks" => &mut self.tasks,
            "overrides" => &mut self.overrides,
            "info_types" => &mut self.info_types,
            "systems" => &mut self.systems,
            "task_mapping" => &mut self.mapping,
            "dependencies" => &mut self.dependencies,
            "groups" => &mut self.groups,
            "implementations" => &mut self.implementations,
            _ => &mut self.statuses,
        }
    }
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// The rows of a sheet that are used: readable and not left out.
fn live<'r>(
    rows: &'r Option<Vec<Row>>,
    sheet: &'static str,
    skip: &HashSet<(&'static str, u32)>,
) -> Option<Vec<&'r Row>> {
    rows.as_ref().map(|rows| {
        rows.iter()
            .filter(|r| !r.bad && !skip.contains(&(sheet, r.number)))
            .collect()
    })
}

/// Builds the new document from the base and the good rows. Problems found here (a row that
/// points at a task or system the workbook does not define) are row problems.
pub(super) fn assemble(
    base: &BodyDoc,
    sheets: &Sheets,
    skip: &HashSet<(&'static str, u32)>,
    problems: &mut Vec<RowProblem>,
) -> (BodyDoc, Provenance) {
    let mut a = Assembly {
        doc: base.clone(),
        prov: Provenance::default(),
        problems,
    };
    if let Some(rows) = live(&sheets.org, "org", skip) {
        a.org(&rows);
    }
    if let Some(rows) = live(&sheets.tasks, "tasks", skip) {
        a.tasks(&rows);
    }
    if let Some(rows) = live(&sheets.overrides, "overrides", skip) {
        a.overrides(&rows);
    }
    if let Some(rows) = live(&sheets.info_types, "info_types", skip) {
        a.info_types(&rows);
    }
    if let Some(rows) = live(&sheets.systems, "systems", skip) {
        a.systems(&rows);
    }
    if let Some(rows) = live(&sheets.mapping, "task_mapping", skip) {
        a.mapping(&rows);
    }
    if let Some(rows) = live(&sheets.dependencies, "dependencies", skip) {
        a.dependencies(&rows);
    }
    if let Some(rows) = live(&sheets.statuses, "measure_status", skip) {
        a.statuses(&rows);
    }
    if let Some(rows) = live(&sheets.groups, "groups", skip) {
        a.groups(&rows);
    }
    if let Some(rows) = live(&sheets.implementations, "implementations", skip) {
        a.implementations(&rows);
    }
    (a.doc, a.prov)
}

/// The document being assembled. Each sheet replaces its part.
struct Assembly<'p> {
    doc: BodyDoc,
    prov: Provenance,
    problems: &'p mut Vec<RowProblem>,
}

impl Assembly<'_> {
    fn problem(
        &mut self,
        sheet: &str,
        row: u32,
        column: Option<&str>,
        key: &str,
        args: &[(&str, &str)],
    ) {
        self.problems
            .push(RowProblem::new(sheet, row, column, key, args));
    }

    /// A value the row must have.
    fn required(&mut self, sheet: &str, row: u32, column: &str) {
        self.problem(
            sheet,
            row,
            Some(column),
            "xlsx-required",
            &[("column", column)],
        );
    }

    fn org(&mut self, rows: &[&Row]) {
        for r in rows.iter().skip(1) {
            self.problem("org", r.number, None, "xlsx-org-one-row", &[]);
        }
        let Some(r) = rows.first() else { return };
        let orgnr = match r.vals.get("orgnr") {
            Some(Val::Orgnr(o)) => o.clone(),
            _ => Orgnr::Text(String::new()),
        };
        self.doc.org = OrgDoc {
            orgnr,
            name: r.str("name").unwrap_or_default(),
            kind: r
                .str("kind")
                .and_then(|s| parse_enum(&s))
                .unwrap_or(OrgKind::Kommune),
            sectors: r.list("sectors").unwrap_or_default(),
            selection: r
                .str("selection")
                .and_then(|s| parse_enum(&s))
                .unwrap_or_default(),
            cumulation_threshold: match r.vals.get("cumulation_threshold") {
                Some(Val::Int(n)) => u32::try_from(*n).unwrap_or(0),
                _ => DEFAULT_CUMULATION_THRESHOLD,
            },
            // Out of range is refused by the resolve, at this cell.
            review_months: match r.vals.get("review_months") {
                Some(Val::Int(n)) => u32::try_from(*n).unwrap_or(0),
                _ => grunnmur_core::risk::review::REVIEW_MONTHS,
            },
            // The column replaces the links; a workbook without it keeps the base's.
            services: r
                .list("services")
                .unwrap_or_else(|| std::mem::take(&mut self.doc.org.services)),
        };
        for col in ["name", "kind"] {
            if r.str(col).is_none() {
                self.required("org", r.number, col);
            }
        }
        if !r.vals.contains_key("orgnr") {
            self.required("org", r.number, "orgnr");
        }
        self.prov.row("org".into(), "org", r.number);
        self.prov.fields(
            "org",
            "org",
            r.number,
            &[
                ("orgnr", "orgnr"),
                ("sectors", "sectors"),
                ("cumulation_threshold", "cumulation_threshold"),
                ("review_months", "review_months"),
            ],
        );
    }

    /// The task list; a task that stays keeps its adaptations.
    fn tasks(&mut self, rows: &[&Row]) {
        let mut tasks = Vec::new();
        for (n, r) in rows.iter().enumerate() {
            let own = r.str("id").is_some();
            tasks.push(BodyTaskDoc {
                task: r.str("task"),
                id: r.str("id"),
                name: r.str("name"),
                info_types: if own {
                    Some(r.list("info_types").unwrap_or_default())
                } else {
                    r.list("info_types")
                },
                sectors: r.list("sectors").unwrap_or_default(),
                overrides: Vec::new(),
            });
            let path = format!("tasks/{n}");
            self.prov.fields(
                &path,
                "tasks",
                r.number,
                &[
                    ("task", "task"),
                    ("info_types", "info_types"),
                    ("sectors", "sectors"),
                ],
            );
            self.prov.row(path, "tasks", r.number);
        }
        self.doc.replace_tasks(tasks);
    }

    fn overrides(&mut self, rows: &[&Row]) {
        for t in &mut self.doc.tasks {
            t.overrides.clear();
        }
        let index: HashMap<String, usize> = self
            .doc
            .tasks
            .iter()
            .enumerate()
            .map(|(n, t)| (t.key().to_string(), n))
            .collect();
        for r in rows {
            let key = r.str("task").unwrap_or_default();
            let Some(&n) = index.get(&key) else {
                self.problem(
                    "overrides",
                    r.number,
                    Some("task"),
                    "xlsx-unknown-task",
                    &[("task", &key)],
                );
                continue;
            };
            let t = &mut self.doc.tasks[n];
            let k = t.overrides.len();
            let [c, i, a] = r.levels();
            t.overrides.push(OverrideDoc {
                info_type: r.str("info_type").unwrap_or_default(),
                levels: PartialLevels { c, i, a },
                justification: r.str("justification"),
            });
            self.prov
                .row(format!("tasks/{n}/overrides/{k}"), "overrides", r.number);
        }
    }

    fn info_types(&mut self, rows: &[&Row]) {
        let mut out = Vec::new();
        for r in rows {
            let levels = match r.levels() {
                [Some(c), Some(i), Some(a)] => Levels { c, i, a },
                _ => {
                    self.problem("info_types", r.number, None, "xlsx-levels-required", &[]);
                    continue;
                }
            };
            let name = r.str("name");
            if name.is_none() {
                self.required("info_types", r.number, "name");
            }
            let path = format!("info_types/{}", out.len());
            self.prov
                .fields(&path, "info_types", r.number, &[("id", "id")]);
            self.prov.row(path, "info_types", r.number);
            out.push(OwnInfoTypeDoc {
                id: r.str("id").unwrap_or_default(),
                name: name.unwrap_or_default(),
                levels,
                rationale: r.str("rationale"),
            });
        }
        self.doc.info_types = out;
    }

    /// The system list; a system that stays keeps its processing and dependencies.
    fn systems(&mut self, rows: &[&Row]) {
        let mut out = Vec::new();
        for r in rows {
            let id = r.str("id").unwrap_or_default();
            if id.is_empty() || r.str("name").is_none() {
                self.required(
                    "systems",
                    r.number,
                    if id.is_empty() { "id" } else { "name" },
                );
            }
            let path = format!("systems/{}", out.len());
            self.prov
                .fields(&path, "systems", r.number, &[("id", "id")]);
            self.prov.row(path, "systems", r.number);
            out.push(SystemDoc::new(id, r.str("name").unwrap_or_default()));
        }
        self.doc.replace_systems(out);
        // The sheet's `services` column replaces the links; a workbook without it keeps them.
        for (s, r) in self.doc.systems.iter_mut().zip(rows) {
            if let Some(list) = r.list("services") {
                s.services = list;
            }
        }
    }

    /// The position of the system a row of `sheet` names, or its problem.
    fn system_of(&mut self, sheet: &str, r: &Row) -> Option<usize> {
        let sid = r.str("system").unwrap_or_default();
        // The last of equal ids, as a map by id would have it (the check reports the duplicate).
        let n = self.doc.systems.iter().rposition(|s| s.id == sid);
        if n.is_none() {
            self.problem(
                sheet,
                r.number,
                Some("system"),
                "xlsx-unknown-system",
                &[("system", &sid)],
            );
        }
        n
    }

    fn mapping(&mut self, rows: &[&Row]) {
        for s in &mut self.doc.systems {
            s.processes.clear();
        }
        for r in rows {
            let Some(n) = self.system_of("task_mapping", r) else {
                continue;
            };
            let s = &mut self.doc.systems[n];
            self.prov.row(
                format!("systems/{n}/processes/{}", s.processes.len()),
                "task_mapping",
                r.number,
            );
            s.processes.push(ProcessDoc {
                task: r.str("task").unwrap_or_default(),
                info_types: r.list("info_types"),
            });
        }
    }

    fn dependencies(&mut self, rows: &[&Row]) {
        for s in &mut self.doc.systems {
            s.depends_on.clear();
        }
        for r in rows {
            let Some(n) = self.system_of("dependencies", r) else {
                continue;
            };
            let s = &mut self.doc.systems[n];
            self.prov.row(
                format!("systems/{n}/depends_on/{}", s.depends_on.len()),
                "dependencies",
                r.number,
            );
            s.depends_on.push(DependencyDoc {
                system: r.str("depends_on").unwrap_or_default(),
                kind: r
                    .str("kind")
                    .and_then(|k| parse_enum(&k))
                    .unwrap_or(DependencyKind::Uses),
            });
        }
    }

    fn statuses(&mut self, rows: &[&Row]) {
        let mut out = Vec::new();
        for r in rows {
            let Some(status) = r.str("status").and_then(|s| Status::parse(&s)) else {
                self.required("measure_status", r.number, "status");
                continue;
            };
            let path = format!("measure_status/{}", out.len());
            self.prov.fields(
                &path,
                "measure_status",
                r.number,
                &[
                    ("measure", "measure"),
                    ("system", "system"),
                    ("due", "due"),
                    ("valid_until", "valid_until"),
                ],
            );
            self.prov.row(path, "measure_status", r.number);
            out.push(StatusDoc {
                measure: r.str("measure").unwrap_or_default(),
                system: r.str("system"),
                status,
                owner: r.str("owner"),
                due: r.str("due"),
                justification: r.str("justification"),
                evidence: r.list("evidence").unwrap_or_default(),
                valid_until: r.str("valid_until"),
                recurs: None,
                done: Vec::new(),
            });
        }
        // The workbook has no columns for recurring work: the base file's stays with its pair.
        for e in &mut out {
            if let Some(base) = self.doc.status(&e.measure, e.system.as_deref()) {
                (e.recurs, e.done) = (base.recurs, base.done.clone());
            }
        }
        self.doc.measure_status = out;
    }

    fn groups(&mut self, rows: &[&Row]) {
        let mut out = Vec::new();
        for r in rows {
            let id = r.str("id").unwrap_or_default();
            if id.is_empty() || r.str("name").is_none() {
                let col = if id.is_empty() { "id" } else { "name" };
                self.required("groups", r.number, col);
            }
            let path = format!("groups/{}", out.len());
            self.prov.fields(&path, "groups", r.number, &[("id", "id")]);
            self.prov.row(path, "groups", r.number);
            out.push(GroupDoc {
                id,
                name: r.str("name").unwrap_or_default(),
                systems: r.list("systems").unwrap_or_default(),
            });
        }
        self.doc.groups = out;
    }

    fn implementations(&mut self, rows: &[&Row]) {
        let mut out = Vec::new();
        for r in rows {
            let Some(status) = r.str("status").and_then(|s| Status::parse(&s)) else {
                self.required("implementations", r.number, "status");
                continue;
            };
            let targets = r.list("targets").unwrap_or_default();
            let kind = r.str("covers").unwrap_or_default();
            let Some(covers) = CoversDoc::from_kind(&kind, targets) else {
                self.required("implementations", r.number, "covers");
                continue;
            };
            let path = format!("implementations/{}", out.len());
            let fields = [("id", "id"), ("due", "due"), ("status", "status")];
            self.prov
                .fields(&path, "implementations", r.number, &fields);
            self.prov.row(path, "implementations", r.number);
            out.push(ImplementationDoc {
                id: r.str("id").unwrap_or_default(),
                name: r.str("name").unwrap_or_default(),
                measures: r.list("measures").unwrap_or_default(),
                covers,
                status,
                owner: r.str("owner"),
                due: r.str("due"),
                justification: r.str("justification"),
                evidence: r.list("evidence").unwrap_or_default(),
                recurs: None,
                done: Vec::new(),
            });
        }
        for e in &mut out {
            if let Some(base) = self.doc.implementations.iter().find(|x| x.id == e.id) {
                (e.recurs, e.done) = (base.recurs, base.done.clone());
            }
        }
        self.doc.implementations = out;
    }
}
