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

mod assemble;
mod cells;
mod export;
mod import;
mod schema;

use grunnmur_catalog::BodyDoc;
use grunnmur_i18n::{Lang, t};

pub use export::{export_workspace, template};
pub use import::{import_workspace, import_workspace_with};

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
    /// Most columns in one sheet (the widest sheet has a dozen).
    pub max_columns: usize,
    /// The published declarations the body's services may name (rule 14): the workbook
    /// keeps the base's groups, implementations and links, checked like any body file.
    pub declarations: Vec<grunnmur_catalog::DeclarationDoc>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            valid_rows_only: false,
            max_bytes: 20 * 1024 * 1024,
            max_unpacked: 200 * 1024 * 1024,
            max_rows: 100_000,
            max_columns: 64,
            declarations: Vec::new(),
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
