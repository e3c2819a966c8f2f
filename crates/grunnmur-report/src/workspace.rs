//! A body's workspace as a spreadsheet, both ways.
//!
//! **Format.** One sheet per part of the body file, named by the body file's keys, with the
//! body file's keys as column headers (so the sheets read like the documented format):
//! `org` (one row), `tasks`, `overrides`, `info_types`, `systems`, `task_mapping`,
//! `dependencies`, `measure_status`, and a `readme` sheet that explains the columns in the
//! reader's language (ignored on import). Lists of ids are comma-separated; evidence links are
//! one per line; dates are real dates (or `YYYY-MM-DD` text).
//!
//! **Import.** Each sheet in the workbook replaces that part of the base workspace; a part whose
//! sheet is missing is kept from the base. (`task_mapping` and `dependencies` replace the
//! systems' processing and dependencies, `overrides` the tasks' adaptations; an `org` sheet
//! with no row keeps the base's org.) Every row is checked: types and allowed values here, then
//! every reference and rule by resolving the resulting body document against the catalog with
//! the same code that reads body files; each problem found there is traced back to its sheet,
//! row and column. Nothing half: either a whole valid document or the full list of problems.
//! With [`ImportOptions::valid_rows_only`], rows with problems are left out explicitly and
//! listed; problems that concern a whole sheet or the workbook still stop the import.

use crate::xlsx::Formats;
use calamine::{Data, Reader, Xlsx};
use grunnmur_catalog::body::{
    BodyTaskDoc, DependencyDoc, OrgDoc, Orgnr, OverrideDoc, OwnInfoTypeDoc, ProcessDoc, StatusDoc,
    SystemDoc,
};
use grunnmur_catalog::check::Source;
use grunnmur_catalog::yaml::{Node, NodeValue};
use grunnmur_catalog::{BodyDoc, read_body};
use grunnmur_core::Catalog;
use grunnmur_core::catalog::OrgKind;
use grunnmur_core::date::Date;
use grunnmur_core::level::{Dimension, Level, Levels, PartialLevels};
use grunnmur_core::workspace::{
    DEFAULT_CUMULATION_THRESHOLD, DependencyKind, SelectionMode, Status,
};
use grunnmur_i18n::{Lang, t};
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Workbook, Worksheet, XlsxError};
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

/// One problem in an imported workbook. `row` is the spreadsheet's own row number of a data
/// row; 0 means the whole sheet or one of its columns (the header). An empty `sheet` means the
/// whole workbook, or the part of the base workspace that the workbook did not replace.
/// `column` is the column's header.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    pub sheet: String,
    pub row: u32,
    pub column: Option<String>,
    /// Translation key (`xlsx-*`, or a body-file `problem-*`).
    pub key: String,
    pub args: Vec<(String, String)>,
}

impl RowProblem {
    fn new(sheet: &str, row: u32, column: Option<&str>, key: &str, args: &[(&str, &str)]) -> Self {
        RowProblem {
            sheet: sheet.to_string(),
            row,
            column: column.map(str::to_string),
            key: key.to_string(),
            args: args
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn workbook(key: &str, args: &[(&str, &str)]) -> Self {
        RowProblem::new("", 0, None, key, args)
    }

    /// Where: `systems, row 7, column task` (translated).
    pub fn place(&self, lang: Lang) -> String {
        let row = self.row.to_string();
        match (self.sheet.as_str(), self.row, &self.column) {
            ("", _, _) => t(lang, "xlsx-place-workbook", &[]),
            (s, 0, None) => t(lang, "xlsx-place-sheet", &[("sheet", s)]),
            (s, 0, Some(c)) => t(lang, "xlsx-place-column", &[("sheet", s), ("column", c)]),
            (s, _, None) => t(lang, "xlsx-place-row", &[("sheet", s), ("row", &row)]),
            (s, _, Some(c)) => t(
                lang,
                "xlsx-place-cell",
                &[("sheet", s), ("row", &row), ("column", c)],
            ),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        // Type names are codes; they are translated too.
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(k, v)| match k.as_str() {
                "expected" | "found" => (k.as_str(), t(lang, &format!("xlsx-type-{v}"), &[])),
                _ => (k.as_str(), v.clone()),
            })
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t(lang, &self.key, &args)
    }

    /// The problem concerns one row, which `valid_rows_only` may leave out.
    pub fn is_row(&self) -> bool {
        !self.sheet.is_empty() && self.row > 0
    }
}

#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Leave out the rows with problems (and list them) instead of refusing the import.
    pub valid_rows_only: bool,
    /// Largest workbook accepted, in bytes.
    pub max_bytes: usize,
    /// Largest total size of the workbook's unpacked parts (a guard against zip bombs).
    pub max_unpacked: u64,
    /// Most data rows in one sheet.
    pub max_rows: usize,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            valid_rows_only: false,
            max_bytes: 20 * 1024 * 1024,
            max_unpacked: 200 * 1024 * 1024,
            max_rows: 100_000,
        }
    }
}

/// A successful import: the whole new document, and the rows left out (only with
/// `valid_rows_only`).
#[derive(Clone, Debug)]
pub struct Imported {
    pub doc: BodyDoc,
    pub skipped: Vec<RowProblem>,
}

// ---------------------------------------------------------------------------------------------
// The sheets and their columns.

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Id,
    Text,
    Int,
    Date,
    /// One of a closed vocabulary (a drop-down list in the workbook).
    Enum(Vocab),
    IdList,
    Lines,
    Orgnr,
}

/// The closed vocabularies of the workbook, spelled as their types spell them.
#[derive(Clone, Copy, PartialEq)]
enum Vocab {
    OrgKind,
    Selection,
    Dependency,
    Status,
    Level,
}

impl Vocab {
    fn allowed(self) -> Vec<&'static str> {
        fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|&x| name(x)).collect()
        }
        match self {
            Vocab::OrgKind => names(&OrgKind::ALL, OrgKind::as_str),
            Vocab::Selection => names(&SelectionMode::ALL, SelectionMode::as_str),
            Vocab::Dependency => names(&DependencyKind::ALL, DependencyKind::as_str),
            Vocab::Status => names(&Status::ALL, Status::as_str),
            Vocab::Level => names(&Level::ALL, Level::as_str),
        }
    }

    /// A level may be written in ASCII too (`hoy`).
    fn accepts(self, s: &str) -> bool {
        match self {
            Vocab::Level => Level::parse(s).is_some(),
            _ => self.allowed().contains(&s),
        }
    }
}

struct Col {
    key: &'static str,
    kind: Kind,
    /// The column must be there (its cells may still be optional).
    required: bool,
}

const fn col(key: &'static str, kind: Kind, required: bool) -> Col {
    Col {
        key,
        kind,
        required,
    }
}

struct Sheet {
    name: &'static str,
    cols: &'static [Col],
}

const LEVEL: Kind = Kind::Enum(Vocab::Level);
const C: &str = Dimension::C.as_str();
const I: &str = Dimension::I.as_str();
const A: &str = Dimension::A.as_str();

const ORG: Sheet = Sheet {
    name: "org",
    cols: &[
        col("orgnr", Kind::Orgnr, true),
        col("name", Kind::Text, true),
        col("kind", Kind::Enum(Vocab::OrgKind), true),
        col("sectors", Kind::IdList, false),
        col("selection", Kind::Enum(Vocab::Selection), false),
        col("cumulation_threshold", Kind::Int, false),
    ],
};
const TASKS: Sheet = Sheet {
    name: "tasks",
    cols: &[
        col("task", Kind::Id, true),
        col("id", Kind::Id, true),
        col("name", Kind::Text, false),
        col("info_types", Kind::IdList, false),
    ],
};
const OVERRIDES: Sheet = Sheet {
    name: "overrides",
    cols: &[
        col("task", Kind::Id, true),
        col("info_type", Kind::Id, true),
        col(C, LEVEL, true),
        col(I, LEVEL, true),
        col(A, LEVEL, true),
        col("justification", Kind::Text, true),
    ],
};
const INFO_TYPES: Sheet = Sheet {
    name: "info_types",
    cols: &[
        col("id", Kind::Id, true),
        col("name", Kind::Text, true),
        col(C, LEVEL, true),
        col(I, LEVEL, true),
        col(A, LEVEL, true),
        col("rationale", Kind::Text, false),
    ],
};
const SYSTEMS: Sheet = Sheet {
    name: "systems",
    cols: &[col("id", Kind::Id, true), col("name", Kind::Text, true)],
};
const MAPPING: Sheet = Sheet {
    name: "task_mapping",
    cols: &[
        col("system", Kind::Id, true),
        col("task", Kind::Id, true),
        col("info_types", Kind::IdList, false),
    ],
};
const DEPENDENCIES: Sheet = Sheet {
    name: "dependencies",
    cols: &[
        col("system", Kind::Id, true),
        col("depends_on", Kind::Id, true),
        col("kind", Kind::Enum(Vocab::Dependency), true),
    ],
};
const STATUS: Sheet = Sheet {
    name: "measure_status",
    cols: &[
        col("measure", Kind::Id, true),
        col("system", Kind::Id, true),
        col("status", Kind::Enum(Vocab::Status), true),
        col("owner", Kind::Text, false),
        col("due", Kind::Date, false),
        col("justification", Kind::Text, false),
        col("evidence", Kind::Lines, false),
        col("valid_until", Kind::Date, false),
    ],
};

const SHEETS: [&Sheet; 8] = [
    &ORG,
    &TASKS,
    &OVERRIDES,
    &INFO_TYPES,
    &SYSTEMS,
    &MAPPING,
    &DEPENDENCIES,
    &STATUS,
];
const README: &str = "readme";

// ---------------------------------------------------------------------------------------------
// Export.

/// A cell value for export.
enum Out {
    Text(String),
    Num(f64),
    Date(String),
    None,
}

fn opt(s: &Option<String>) -> Out {
    s.as_ref().map_or(Out::None, |s| Out::Text(s.clone()))
}

fn list(items: &[String], sep: &str) -> Out {
    if items.is_empty() {
        Out::None
    } else {
        Out::Text(items.join(sep))
    }
}

fn level(l: Option<Level>) -> Out {
    l.map_or(Out::None, |l| Out::Text(l.as_str().to_string()))
}

fn enum_text<T: serde::Serialize>(v: &T) -> Out {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => Out::Text(s),
        _ => Out::None,
    }
}

/// The workspace as a workbook.
pub fn export_workspace(doc: &BodyDoc, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    write_workbook(Some(doc), lang)
}

/// The downloadable template: the same workbook for an empty workspace.
pub fn template(lang: Lang) -> Result<Vec<u8>, XlsxError> {
    write_workbook(None, lang)
}

fn write_workbook(doc: Option<&BodyDoc>, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let readme = wb.add_worksheet();
    readme.set_name(README)?;
    readme.write_string_with_format(0, 0, t(lang, "xlsx-readme-title", &[]), &f.bold)?;
    readme.write_string(1, 0, t(lang, "xlsx-readme-intro", &[]))?;
    readme.write_string(2, 0, t(lang, "xlsx-readme-replace", &[]))?;
    let mut r = 4;
    readme.write_string_with_format(r, 0, t(lang, "xlsx-readme-sheet", &[]), &f.header)?;
    readme.write_string_with_format(r, 1, t(lang, "xlsx-readme-column", &[]), &f.header)?;
    readme.write_string_with_format(r, 2, t(lang, "xlsx-readme-meaning", &[]), &f.header)?;
    for s in SHEETS {
        for c in s.cols {
            r += 1;
            readme.write_string(r, 0, s.name)?;
            readme.write_string(r, 1, c.key)?;
            let key = format!(
                "xlsx-col-{}-{}",
                s.name.replace('_', "-"),
                c.key.replace('_', "-")
            );
            readme.write_string(r, 2, t(lang, &key, &[]))?;
        }
    }
    readme.set_column_width(0, 16)?;
    readme.set_column_width(1, 22)?;
    readme.set_column_width(2, 100)?;

    let empty = BodyDoc::new(OrgDoc {
        orgnr: Orgnr::Text(String::new()),
        name: String::new(),
        kind: OrgKind::Kommune,
        sectors: Vec::new(),
        selection: SelectionMode::PerDimension,
        cumulation_threshold: DEFAULT_CUMULATION_THRESHOLD,
    });
    let d = doc.unwrap_or(&empty);
    let mut rows: Vec<Vec<Out>> = Vec::new();
    if doc.is_some() {
        let o = &d.org;
        rows.push(vec![
            match &o.orgnr {
                Orgnr::Text(s) => Out::Text(s.clone()),
                Orgnr::Number(n) => Out::Num(*n as f64),
            },
            Out::Text(o.name.clone()),
            enum_text(&o.kind),
            list(&o.sectors, ", "),
            enum_text(&o.selection),
            Out::Num(o.cumulation_threshold as f64),
        ]);
    }
    sheet(&mut wb, &ORG, rows, &f)?;

    let rows = d
        .tasks
        .iter()
        .map(|t| {
            vec![
                opt(&t.task),
                opt(&t.id),
                opt(&t.name),
                t.info_types.as_deref().map_or(Out::None, |l| list(l, ", ")),
            ]
        })
        .collect();
    sheet(&mut wb, &TASKS, rows, &f)?;
    let rows = d
        .tasks
        .iter()
        .flat_map(|t| {
            t.overrides.iter().map(move |o| {
                let mut row = vec![Out::Text(t.key().into()), Out::Text(o.info_type.clone())];
                row.extend(Dimension::ALL.map(|d| level(o.levels.get(d))));
                row.push(opt(&o.justification));
                row
            })
        })
        .collect();
    sheet(&mut wb, &OVERRIDES, rows, &f)?;
    let rows = d
        .info_types
        .iter()
        .map(|it| {
            let mut row = vec![Out::Text(it.id.clone()), Out::Text(it.name.clone())];
            row.extend(Dimension::ALL.map(|d| level(Some(it.levels[d]))));
            row.push(opt(&it.rationale));
            row
        })
        .collect();
    sheet(&mut wb, &INFO_TYPES, rows, &f)?;
    let rows = d
        .systems
        .iter()
        .map(|s| vec![Out::Text(s.id.clone()), Out::Text(s.name.clone())])
        .collect();
    sheet(&mut wb, &SYSTEMS, rows, &f)?;
    let rows = d
        .systems
        .iter()
        .flat_map(|s| {
            s.processes.iter().map(move |p| {
                vec![
                    Out::Text(s.id.clone()),
                    Out::Text(p.task.clone()),
                    p.info_types.as_deref().map_or(Out::None, |l| list(l, ", ")),
                ]
            })
        })
        .collect();
    sheet(&mut wb, &MAPPING, rows, &f)?;
    let rows = d
        .systems
        .iter()
        .flat_map(|s| {
            s.depends_on.iter().map(move |dep| {
                vec![
                    Out::Text(s.id.clone()),
                    Out::Text(dep.system.clone()),
                    enum_text(&dep.kind),
                ]
            })
        })
        .collect();
    sheet(&mut wb, &DEPENDENCIES, rows, &f)?;
    let date = |v: &Option<String>| v.as_ref().map_or(Out::None, |s| Out::Date(s.clone()));
    let rows = d
        .measure_status
        .iter()
        .map(|s| {
            vec![
                Out::Text(s.measure.clone()),
                opt(&s.system),
                enum_text(&s.status),
                opt(&s.owner),
                date(&s.due),
                opt(&s.justification),
                list(&s.evidence, "\n"),
                date(&s.valid_until),
            ]
        })
        .collect();
    sheet(&mut wb, &STATUS, rows, &f)?;
    wb.save_to_buffer()
}

fn sheet(
    wb: &mut Workbook,
    spec: &Sheet,
    rows: Vec<Vec<Out>>,
    f: &Formats,
) -> Result<(), XlsxError> {
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(spec.name)?;
    for (c, col) in spec.cols.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, col.key, &f.header)?;
        let width = match col.kind {
            Kind::Text | Kind::Lines => 40,
            Kind::IdList => 30,
            _ => 18,
        };
        ws.set_column_width(c, width)?;
        // Drop-down lists for closed vocabularies (the import checks them anyway).
        if let Kind::Enum(v) = col.kind {
            let dv = DataValidation::new().allow_list_strings(&v.allowed())?;
            ws.add_data_validation(1, c, 10_000, c, &dv)?;
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                Out::Text(s) if s.contains('\n') || s.chars().count() > 60 => {
                    ws.write_string_with_format(r, c, s, &f.wrap)?;
                }
                Out::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Out::Num(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Out::Date(s) => {
                    match Date::parse(s).and_then(|_| ExcelDateTime::parse_from_str(s).ok()) {
                        Some(d) => {
                            ws.write_datetime_with_format(r, c, &d, &f.date)?;
                        }
                        None => {
                            ws.write_string(r, c, s)?;
                        }
                    }
                }
                Out::None => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, rows.len() as u32, spec.cols.len() as u16 - 1)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Import: reading cells.

/// A typed cell value after checking.
#[derive(Clone, Debug, PartialEq)]
enum Val {
    Str(String),
    Int(i64),
    List(Vec<String>),
    Orgnr(Orgnr),
}

/// One data row: its spreadsheet row number and the values by column key.
struct Row {
    number: u32,
    vals: HashMap<&'static str, Val>,
    bad: bool,
}

impl Row {
    fn str(&self, k: &str) -> Option<String> {
        match self.vals.get(k) {
            Some(Val::Str(s)) => Some(s.clone()),
            _ => None,
        }
    }

    fn list(&self, k: &str) -> Option<Vec<String>> {
        match self.vals.get(k) {
            Some(Val::List(l)) => Some(l.clone()),
            _ => None,
        }
    }

    /// The levels in the C, I and A columns.
    fn levels(&self) -> [Option<Level>; 3] {
        Dimension::ALL.map(|d| self.str(d.as_str()).and_then(|s| Level::parse(&s)))
    }
}

fn col_name(n: usize) -> String {
    let mut n = n + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

fn type_name(d: &Data) -> &'static str {
    match d {
        Data::Int(_) | Data::Float(_) => "number",
        Data::String(_) => "text",
        Data::Bool(_) => "boolean",
        Data::DateTime(_) | Data::DateTimeIso(_) => "date",
        Data::DurationIso(_) => "duration",
        Data::Error(_) => "error",
        Data::Empty => "empty",
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// A problem with one cell: translation key and arguments.
type CellProblem = (&'static str, Vec<(&'static str, String)>);

/// Converts one cell; `Err((key, args))` names the problem.
fn convert(kind: Kind, d: &Data) -> Result<Option<Val>, CellProblem> {
    let wrong = |expected: &str| {
        Err((
            "xlsx-wrong-type",
            vec![
                ("expected", expected.to_string()),
                ("found", type_name(d).to_string()),
            ],
        ))
    };
    let text = match d {
        Data::Empty => return Ok(None),
        Data::String(s) if s.trim().is_empty() => return Ok(None),
        Data::String(s) => Some(s.clone()),
        _ => None,
    };
    match kind {
        Kind::Text => match (text, d) {
            (Some(s), _) => Ok(Some(Val::Str(s))),
            (None, Data::Int(n)) => Ok(Some(Val::Str(n.to_string()))),
            (None, Data::Float(f)) => Ok(Some(Val::Str(number_text(*f)))),
            _ => wrong("text"),
        },
        Kind::Id => match (text, d) {
            (Some(s), _) => Ok(Some(Val::Str(s.trim().to_string()))),
            (None, Data::Int(n)) => Ok(Some(Val::Str(n.to_string()))),
            (None, Data::Float(f)) if f.fract() == 0.0 => Ok(Some(Val::Str(number_text(*f)))),
            _ => wrong("id"),
        },
        Kind::Orgnr => match (text, d) {
            (Some(s), _) => Ok(Some(Val::Orgnr(Orgnr::Text(s.trim().to_string())))),
            (None, Data::Int(n)) if *n >= 0 => Ok(Some(Val::Orgnr(Orgnr::Number(*n as u64)))),
            (None, Data::Float(f)) if f.fract() == 0.0 && *f >= 0.0 => {
                Ok(Some(Val::Orgnr(Orgnr::Number(*f as u64))))
            }
            _ => wrong("orgnr"),
        },
        Kind::Int => match (text, d) {
            (Some(s), _) => match s.trim().parse::<i64>() {
                Ok(n) => Ok(Some(Val::Int(n))),
                Err(_) => wrong("integer"),
            },
            (None, Data::Int(n)) => Ok(Some(Val::Int(*n))),
            (None, Data::Float(f)) if f.fract() == 0.0 => Ok(Some(Val::Int(*f as i64))),
            _ => wrong("integer"),
        },
        Kind::Date => match (text, d) {
            (Some(s), _) => Ok(Some(Val::Str(s.trim().to_string()))),
            (None, Data::DateTime(dt)) => {
                // Excel's serial day: 25569 is 1970-01-01.
                let days = dt.as_f64().floor() as i64 - 25_569;
                Ok(Some(Val::Str(
                    Date::from_days_since_epoch(days).to_string(),
                )))
            }
            (None, Data::DateTimeIso(s)) => Ok(Some(Val::Str(s.chars().take(10).collect()))),
            _ => wrong("date"),
        },
        Kind::Enum(vocab) => {
            let Some(s) = text else { return wrong("text") };
            let s = s.trim().to_string();
            if vocab.accepts(&s) {
                Ok(Some(Val::Str(s)))
            } else {
                Err((
                    "xlsx-invalid-value",
                    vec![("value", s), ("allowed", vocab.allowed().join(", "))],
                ))
            }
        }
        Kind::IdList | Kind::Lines => {
            let s = match (text, d) {
                (Some(s), _) => s,
                (None, Data::Int(n)) => n.to_string(),
                _ => return wrong("text"),
            };
            let items: Vec<String> = if kind == Kind::Lines {
                s.lines()
                    .map(str::trim)
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            } else {
                s.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            Ok(Some(Val::List(items)))
        }
    }
}

/// Reads one sheet's rows; sheet-level problems (missing, unknown or duplicate columns, too
/// many rows, no header) make the whole sheet unusable.
fn read_sheet(
    spec: &Sheet,
    range: &calamine::Range<Data>,
    opts: &ImportOptions,
    problems: &mut Vec<RowProblem>,
) -> Option<Vec<Row>> {
    let sheet = spec.name;
    let Some((top, left)) = range.start() else {
        problems.push(RowProblem::new(sheet, 0, None, "xlsx-empty-sheet", &[]));
        return None;
    };
    let mut rows = range.rows();
    let Some(header) = rows.next() else {
        problems.push(RowProblem::new(sheet, 0, None, "xlsx-empty-sheet", &[]));
        return None;
    };
    let before = problems.len();
    let mut cols: Vec<Option<&'static Col>> = Vec::new();
    let mut seen = HashSet::new();
    for (n, cell) in header.iter().enumerate() {
        let letter = col_name(left as usize + n);
        let name = match cell {
            Data::Empty => String::new(),
            Data::String(s) => s.trim().to_lowercase(),
            other => {
                let found = type_name(other);
                problems.push(RowProblem::new(
                    sheet,
                    0,
                    Some(&letter),
                    "xlsx-bad-header",
                    &[("found", found)],
                ));
                cols.push(None);
                continue;
            }
        };
        if name.is_empty() {
            cols.push(None);
            continue;
        }
        match spec.cols.iter().find(|c| c.key == name) {
            Some(c) => {
                if !seen.insert(c.key) {
                    problems.push(RowProblem::new(
                        sheet,
                        0,
                        Some(c.key),
                        "xlsx-duplicate-column",
                        &[],
                    ));
                }
                cols.push(Some(c));
            }
            None => {
                let known: Vec<&str> = spec.cols.iter().map(|c| c.key).collect();
                problems.push(RowProblem::new(
                    sheet,
                    0,
                    Some(&name),
                    "xlsx-unknown-column",
                    &[("known", &known.join(", "))],
                ));
                cols.push(None);
            }
        }
    }
    for c in spec.cols {
        if c.required && !seen.contains(c.key) {
            problems.push(RowProblem::new(
                sheet,
                0,
                Some(c.key),
                "xlsx-missing-column",
                &[],
            ));
        }
    }
    if range.height().saturating_sub(1) > opts.max_rows {
        let (n, max) = ((range.height() - 1).to_string(), opts.max_rows.to_string());
        problems.push(RowProblem::new(
            sheet,
            0,
            None,
            "xlsx-too-many-rows",
            &[("rows", &n), ("max", &max)],
        ));
    }
    if problems.len() > before {
        return None;
    }
    let mut out = Vec::new();
    for (n, cells) in rows.enumerate() {
        let number = top + 2 + n as u32;
        if cells.iter().all(|c| match c {
            Data::Empty => true,
            Data::String(s) => s.trim().is_empty(),
            _ => false,
        }) {
            continue;
        }
        let mut row = Row {
            number,
            vals: HashMap::new(),
            bad: false,
        };
        for (cell, c) in cells.iter().zip(&cols) {
            let Some(c) = c else { continue };
            match convert(c.kind, cell) {
                Ok(Some(v)) => {
                    row.vals.insert(c.key, v);
                }
                Ok(None) => {}
                Err((key, args)) => {
                    let args: Vec<(&str, &str)> =
                        args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    problems.push(RowProblem::new(sheet, number, Some(c.key), key, &args));
                    row.bad = true;
                }
            }
        }
        out.push(row);
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Import: assembling the document.

/// Where an entry of the assembled document came from.
#[derive(Clone, Debug)]
struct Origin {
    sheet: &'static str,
    row: u32,
}

#[derive(Default)]
struct Provenance {
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
    fn find(&self, path: &[String]) -> Option<(Origin, Option<&'static str>)> {
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
struct Sheets {
    org: Option<Vec<Row>>,
    tasks: Option<Vec<Row>>,
    overrides: Option<Vec<Row>>,
    info_types: Option<Vec<Row>>,
    systems: Option<Vec<Row>>,
    mapping: Option<Vec<Row>>,
    dependencies: Option<Vec<Row>>,
    statuses: Option<Vec<Row>>,
}

fn parse_enum<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// Builds the new document from the base and the good rows. Problems found here (a row that
/// points at a task or system the workbook does not define) are row problems.
fn assemble(
    base: &BodyDoc,
    sheets: &Sheets,
    skip: &HashSet<(&'static str, u32)>,
    problems: &mut Vec<RowProblem>,
) -> (BodyDoc, Provenance) {
    let mut doc = base.clone();
    let mut prov = Provenance::default();
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

    if let Some(rows) = live(&sheets.org, "org", skip) {
        if rows.len() > 1 {
            for r in &rows[1..] {
                problems.push(RowProblem::new(
                    "org",
                    r.number,
                    None,
                    "xlsx-org-one-row",
                    &[],
                ));
            }
        }
        if let Some(r) = rows.first() {
            let orgnr = match r.vals.get("orgnr") {
                Some(Val::Orgnr(o)) => o.clone(),
                _ => Orgnr::Text(String::new()),
            };
            doc.org = OrgDoc {
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
            };
            for (k, col) in [("name", "name"), ("kind", "kind")] {
                if r.str(col).is_none() {
                    problems.push(RowProblem::new(
                        "org",
                        r.number,
                        Some(col),
                        "xlsx-required",
                        &[("column", k)],
                    ));
                }
            }
            if !r.vals.contains_key("orgnr") {
                problems.push(RowProblem::new(
                    "org",
                    r.number,
                    Some("orgnr"),
                    "xlsx-required",
                    &[("column", "orgnr")],
                ));
            }
            prov.row("org".into(), "org", r.number);
            prov.fields(
                "org",
                "org",
                r.number,
                &[
                    ("orgnr", "orgnr"),
                    ("sectors", "sectors"),
                    ("cumulation_threshold", "cumulation_threshold"),
                ],
            );
        }
    }

    if let Some(rows) = live(&sheets.tasks, "tasks", skip) {
        let tasks = rows
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let own = r.str("id").is_some();
                let t = BodyTaskDoc {
                    task: r.str("task"),
                    id: r.str("id"),
                    name: r.str("name"),
                    info_types: if own {
                        Some(r.list("info_types").unwrap_or_default())
                    } else {
                        r.list("info_types")
                    },
                    overrides: Vec::new(),
                };
                let path = format!("tasks/{n}");
                prov.fields(
                    &path,
                    "tasks",
                    r.number,
                    &[("task", "task"), ("info_types", "info_types")],
                );
                prov.row(path, "tasks", r.number);
                t
            })
            .collect();
        doc.replace_tasks(tasks);
    }
    if let Some(rows) = live(&sheets.overrides, "overrides", skip) {
        for t in &mut doc.tasks {
            t.overrides.clear();
        }
        let index: HashMap<String, usize> = doc
            .tasks
            .iter()
            .enumerate()
            .map(|(n, t)| (t.key().to_string(), n))
            .collect();
        for r in rows {
            let key = r.str("task").unwrap_or_default();
            let Some(&n) = index.get(&key) else {
                problems.push(RowProblem::new(
                    "overrides",
                    r.number,
                    Some("task"),
                    "xlsx-unknown-task",
                    &[("task", &key)],
                ));
                continue;
            };
            let t = &mut doc.tasks[n];
            let k = t.overrides.len();
            let [c, i, a] = r.levels();
            t.overrides.push(OverrideDoc {
                info_type: r.str("info_type").unwrap_or_default(),
                levels: PartialLevels { c, i, a },
                justification: r.str("justification"),
            });
            prov.row(format!("tasks/{n}/overrides/{k}"), "overrides", r.number);
        }
    }
    if let Some(rows) = live(&sheets.info_types, "info_types", skip) {
        let mut out = Vec::new();
        for r in rows {
            let levels = match r.levels() {
                [Some(c), Some(i), Some(a)] => Levels { c, i, a },
                _ => {
                    problems.push(RowProblem::new(
                        "info_types",
                        r.number,
                        None,
                        "xlsx-levels-required",
                        &[],
                    ));
                    continue;
                }
            };
            let name = r.str("name");
            if name.is_none() {
                problems.push(RowProblem::new(
                    "info_types",
                    r.number,
                    Some("name"),
                    "xlsx-required",
                    &[("column", "name")],
                ));
            }
            let path = format!("info_types/{}", out.len());
            prov.fields(&path, "info_types", r.number, &[("id", "id")]);
            prov.row(path, "info_types", r.number);
            out.push(OwnInfoTypeDoc {
                id: r.str("id").unwrap_or_default(),
                name: name.unwrap_or_default(),
                levels,
                rationale: r.str("rationale"),
            });
        }
        doc.info_types = out;
    }
    if let Some(rows) = live(&sheets.systems, "systems", skip) {
        let mut out = Vec::new();
        for r in rows {
            let id = r.str("id").unwrap_or_default();
            if id.is_empty() || r.str("name").is_none() {
                let c = if id.is_empty() { "id" } else { "name" };
                problems.push(RowProblem::new(
                    "systems",
                    r.number,
                    Some(c),
                    "xlsx-required",
                    &[("column", c)],
                ));
            }
            let path = format!("systems/{}", out.len());
            prov.fields(&path, "systems", r.number, &[("id", "id")]);
            prov.row(path, "systems", r.number);
            out.push(SystemDoc::new(id, r.str("name").unwrap_or_default()));
        }
        doc.replace_systems(out);
    }
    let sys_index: HashMap<String, usize> = doc
        .systems
        .iter()
        .enumerate()
        .map(|(n, s)| (s.id.clone(), n))
        .collect();
    if let Some(rows) = live(&sheets.mapping, "task_mapping", skip) {
        for s in &mut doc.systems {
            s.processes.clear();
        }
        for r in rows {
            let sid = r.str("system").unwrap_or_default();
            let Some(&n) = sys_index.get(&sid) else {
                problems.push(RowProblem::new(
                    "task_mapping",
                    r.number,
                    Some("system"),
                    "xlsx-unknown-system",
                    &[("system", &sid)],
                ));
                continue;
            };
            let s = &mut doc.systems[n];
            prov.row(
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
    if let Some(rows) = live(&sheets.dependencies, "dependencies", skip) {
        for s in &mut doc.systems {
            s.depends_on.clear();
        }
        for r in rows {
            let sid = r.str("system").unwrap_or_default();
            let Some(&n) = sys_index.get(&sid) else {
                problems.push(RowProblem::new(
                    "dependencies",
                    r.number,
                    Some("system"),
                    "xlsx-unknown-system",
                    &[("system", &sid)],
                ));
                continue;
            };
            let s = &mut doc.systems[n];
            prov.row(
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
    if let Some(rows) = live(&sheets.statuses, "measure_status", skip) {
        let mut out = Vec::new();
        for r in rows {
            let Some(status) = r.str("status").and_then(|s| Status::parse(&s)) else {
                problems.push(RowProblem::new(
                    "measure_status",
                    r.number,
                    Some("status"),
                    "xlsx-required",
                    &[("column", "status")],
                ));
                continue;
            };
            let path = format!("measure_status/{}", out.len());
            prov.fields(
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
            prov.row(path, "measure_status", r.number);
            out.push(StatusDoc {
                measure: r.str("measure").unwrap_or_default(),
                system: r.str("system"),
                status,
                owner: r.str("owner"),
                due: r.str("due"),
                justification: r.str("justification"),
                evidence: r.list("evidence").unwrap_or_default(),
                valid_until: r.str("valid_until"),
            });
        }
        doc.measure_status = out;
    }
    (doc, prov)
}

/// Line of every node in a parsed document, to its path.
fn index_lines(node: &Node, path: &mut Vec<String>, out: &mut HashMap<u32, Vec<String>>) {
    out.insert(node.line, path.clone());
    match &node.value {
        NodeValue::Seq(items) => {
            for (n, it) in items.iter().enumerate() {
                path.push(n.to_string());
                index_lines(it, path, out);
                path.pop();
            }
        }
        NodeValue::Map(entries) => {
            for (k, v) in entries {
                path.push(k.clone());
                index_lines(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Resolves the document against the catalog with the body-file reader; its problems, traced
/// back to sheets, rows and columns.
fn check(doc: &BodyDoc, prov: &Provenance, cat: &Catalog) -> Vec<RowProblem> {
    let text = match serde_json::to_string_pretty(doc) {
        Ok(t) => t,
        Err(e) => {
            return vec![RowProblem::workbook(
                "xlsx-unreadable",
                &[("detail", &e.to_string())],
            )];
        }
    };
    let src = Source {
        name: "workbook".into(),
        text,
    };
    let problems = match read_body(&src, cat) {
        Ok(_) => return Vec::new(),
        Err(p) => p,
    };
    let mut lines = HashMap::new();
    if let Ok(root) = grunnmur_catalog::yaml::parse(&src.text) {
        index_lines(&root, &mut Vec::new(), &mut lines);
    }
    problems
        .into_iter()
        .map(|p| {
            let (key, args) = p.kind.message_parts();
            let args: Vec<(&str, &str)> =
                args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let origin = lines.get(&p.line).and_then(|path| prov.find(path));
            match origin {
                Some((o, c)) => RowProblem::new(o.sheet, o.row, c, &key, &args),
                // Not from the workbook: the part of the base workspace that was kept.
                None => RowProblem::new("", 0, None, &key, &args),
            }
        })
        .collect()
}

/// Imports strictly: the whole new document, or every problem.
pub fn import_workspace(
    bytes: &[u8],
    base: &BodyDoc,
    cat: &Catalog,
) -> Result<BodyDoc, Vec<RowProblem>> {
    import_workspace_with(bytes, base, cat, &ImportOptions::default()).map(|i| i.doc)
}

fn sheet_key(name: &str) -> Option<&'static Sheet> {
    let n = name.trim().to_lowercase();
    SHEETS.into_iter().find(|s| s.name == n)
}

/// Imports with options. Without `valid_rows_only`, any problem refuses the import and all
/// problems are returned. With it, rows with problems are left out and listed in
/// [`Imported::skipped`]; a problem that is not about one row still refuses the import.
pub fn import_workspace_with(
    bytes: &[u8],
    base: &BodyDoc,
    cat: &Catalog,
    opts: &ImportOptions,
) -> Result<Imported, Vec<RowProblem>> {
    if bytes.len() > opts.max_bytes {
        let (n, max) = (bytes.len().to_string(), opts.max_bytes.to_string());
        return Err(vec![RowProblem::workbook(
            "xlsx-too-large",
            &[("bytes", &n), ("max", &max)],
        )]);
    }
    // The unpacked size, from the zip directory, before anything is inflated.
    match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(mut z) => {
            let mut total: u64 = 0;
            for n in 0..z.len() {
                if let Ok(f) = z.by_index_raw(n) {
                    total = total.saturating_add(f.size());
                }
            }
            if total > opts.max_unpacked {
                let (n, max) = (total.to_string(), opts.max_unpacked.to_string());
                return Err(vec![RowProblem::workbook(
                    "xlsx-too-large-unpacked",
                    &[("bytes", &n), ("max", &max)],
                )]);
            }
        }
        Err(e) => {
            return Err(vec![RowProblem::workbook(
                "xlsx-unreadable",
                &[("detail", &e.to_string())],
            )]);
        }
    }
    let mut wb: Xlsx<_> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(wb) => wb,
        Err(e) => {
            return Err(vec![RowProblem::workbook(
                "xlsx-unreadable",
                &[("detail", &e.to_string())],
            )]);
        }
    };
    let mut problems = Vec::new();
    let mut sheets = Sheets::default();
    let mut any = false;
    let mut seen: HashSet<&str> = HashSet::new();
    for name in wb.sheet_names() {
        if name.trim().eq_ignore_ascii_case(README) {
            continue;
        }
        let Some(spec) = sheet_key(&name) else {
            let known: Vec<&str> = SHEETS.iter().map(|s| s.name).collect();
            problems.push(RowProblem::new(
                &name,
                0,
                None,
                "xlsx-unknown-sheet",
                &[("known", &known.join(", "))],
            ));
            continue;
        };
        if !seen.insert(spec.name) {
            problems.push(RowProblem::new(
                spec.name,
                0,
                None,
                "xlsx-duplicate-sheet",
                &[],
            ));
            continue;
        }
        any = true;
        let range = match wb.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(RowProblem::new(
                    spec.name,
                    0,
                    None,
                    "xlsx-unreadable",
                    &[("detail", &e.to_string())],
                ));
                continue;
            }
        };
        let rows = read_sheet(spec, &range, opts, &mut problems);
        let slot = match spec.name {
            "org" => &mut sheets.org,
            "tasks" => &mut sheets.tasks,
            "overrides" => &mut sheets.overrides,
            "info_types" => &mut sheets.info_types,
            "systems" => &mut sheets.systems,
            "task_mapping" => &mut sheets.mapping,
            "dependencies" => &mut sheets.dependencies,
            _ => &mut sheets.statuses,
        };
        *slot = rows;
    }
    if !any && problems.is_empty() {
        let known: Vec<&str> = SHEETS.iter().map(|s| s.name).collect();
        problems.push(RowProblem::workbook(
            "xlsx-no-sheets",
            &[("known", &known.join(", "))],
        ));
    }
    // An org sheet with no row keeps the base's org.
    if sheets.org.as_ref().is_some_and(Vec::is_empty) {
        sheets.org = None;
    }

    let fatal = |p: &[RowProblem]| p.iter().any(|p| !p.is_row());
    if !opts.valid_rows_only {
        let (doc, prov) = assemble(base, &sheets, &HashSet::new(), &mut problems);
        // The catalog check runs on whatever could be read, so that every problem is reported
        // at once; after a problem with a whole sheet it would only report its echoes.
        if !fatal(&problems) {
            problems.extend(check(&doc, &prov, cat));
        }
        return if problems.is_empty() {
            Ok(Imported {
                doc,
                skipped: Vec::new(),
            })
        } else {
            sort(&mut problems);
            Err(problems)
        };
    }

    if fatal(&problems) {
        sort(&mut problems);
        return Err(problems);
    }
    let mut skipped = problems;
    let mut skip: HashSet<(&'static str, u32)> = HashSet::new();
    // Leaving out a row can make another row invalid (a mapping of a left-out system): repeat
    // until the rest is clean. Every round leaves out at least one more row.
    loop {
        let mut round = Vec::new();
        let (doc, prov) = assemble(base, &sheets, &skip, &mut round);
        round.extend(check(&doc, &prov, cat));
        if round.is_empty() {
            sort(&mut skipped);
            return Ok(Imported { doc, skipped });
        }
        if fatal(&round) {
            skipped.extend(round);
            sort(&mut skipped);
            return Err(skipped);
        }
        let before = skip.len();
        for p in &round {
            if let Some(s) = SHEETS.iter().find(|s| s.name == p.sheet) {
                skip.insert((s.name, p.row));
            }
        }
        skipped.extend(round);
        if skip.len() == before {
            sort(&mut skipped);
            return Err(skipped);
        }
    }
}

fn sort(p: &mut [RowProblem]) {
    let order = |s: &str| {
        SHEETS
            .iter()
            .position(|x| x.name == s)
            .unwrap_or(usize::MAX)
    };
    p.sort_by(|a, b| {
        (a.sheet.is_empty(), order(&a.sheet), &a.sheet, a.row).cmp(&(
            b.sheet.is_empty(),
            order(&b.sheet),
            &b.sheet,
            b.row,
        ))
    });
}
