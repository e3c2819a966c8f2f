//! Import: reading the workbook, assembling the document, checking it with the body-file
//! reader and tracing each problem back to its sheet, row and column.

use super::assemble::{Provenance, Sheets, assemble};
use super::cells::read_sheet;
use super::schema::{README, SHEETS, sheet_key};
use super::{ImportOptions, Imported, RowProblem};
use calamine::{Reader, Xlsx};
use grunnmur_catalog::check::Source;
use grunnmur_catalog::yaml::{Node, NodeValue};
use grunnmur_catalog::{BodyDoc, DeclarationDoc, read_body_with};
use grunnmur_core::Catalog;
use std::collections::{HashMap, HashSet};
use std::io::Cursor;

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
fn check(
    doc: &BodyDoc,
    prov: &Provenance,
    cat: &Catalog,
    declarations: &[DeclarationDoc],
) -> Vec<RowProblem> {
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
    let problems = match read_body_with(&src, cat, declarations) {
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

/// Imports with options. Without `valid_rows_only`, any problem refuses the import and all
/// problems are returned. With it, rows with problems are left out and listed in
/// [`Imported::skipped`]; a problem that is not about one row still refuses the import.
pub fn import_workspace_with(
    bytes: &[u8],
    base: &BodyDoc,
    cat: &Catalog,
    opts: &ImportOptions,
) -> Result<Imported, Vec<RowProblem>> {
    let mut wb = open(bytes, opts)?;
    let mut problems = Vec::new();
    let sheets = read_sheets(&mut wb, opts, &mut problems);
    if opts.valid_rows_only {
        valid_rows_only(base, &sheets, cat, &opts.declarations, problems)
    } else {
        strict(base, &sheets, cat, &opts.declarations, problems)
    }
}

/// Opens the workbook after checking its size, packed and unpacked.
fn open<'b>(
    bytes: &'b [u8],
    opts: &ImportOptions,
) -> Result<Xlsx<Cursor<&'b [u8]>>, Vec<RowProblem>> {
    if bytes.len() > opts.max_bytes {
        let (n, max) = (bytes.len().to_string(), opts.max_bytes.to_string());
        return Err(vec![RowProblem::workbook(
            "xlsx-too-large",
            &[("bytes", &n), ("max", &max)],
        )]);
    }
    let unreadable = |e: &dyn std::fmt::Display| {
        vec![RowProblem::workbook(
            "xlsx-unreadable",
            &[("detail", &e.to_string())],
        )]
    };
    // The unpacked size, from the zip directory, before anything is inflated.
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
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
    Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))
}

/// Reads every sheet the workbook has; problems with a sheet's name or columns are sheet
/// problems, problems with a cell row problems.
fn read_sheets(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    opts: &ImportOptions,
    problems: &mut Vec<RowProblem>,
) -> Sheets {
    let mut sheets = Sheets::default();
    let mut any = false;
    let mut seen: HashSet<&str> = HashSet::new();
    let known = || SHEETS.iter().map(|s| s.name).collect::<Vec<_>>().join(", ");
    for name in wb.sheet_names() {
        if name.trim().eq_ignore_ascii_case(README) {
            continue;
        }
        let Some(spec) = sheet_key(&name) else {
            let known = known();
            problems.push(RowProblem::new(
                &name,
                0,
                None,
                "xlsx-unknown-sheet",
                &[("known", &known)],
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
        // calamine lays a sheet out densely, from its first to its last cell: a sheet with
        // two cells far apart would take more memory than there is. Measured first, by its
        // cells alone.
        if let Some(p) = too_large(wb, &name, spec.name, opts) {
            problems.push(p);
            continue;
        }
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
        *sheets.slot(spec.name) = read_sheet(spec, &range, problems);
    }
    if !any && problems.is_empty() {
        problems.push(RowProblem::workbook(
            "xlsx-no-sheets",
            &[("known", &known())],
        ));
    }
    // An org sheet with no row keeps the base's org.
    if sheets.org.as_ref().is_some_and(Vec::is_empty) {
        sheets.org = None;
    }
    sheets
}

/// A problem when the sheet spans more rows or columns than the import takes.
fn too_large(
    wb: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    sheet: &str,
    opts: &ImportOptions,
) -> Option<RowProblem> {
    let unreadable = |e: &dyn std::fmt::Display| {
        let detail = e.to_string();
        Some(RowProblem::new(
            sheet,
            0,
            None,
            "xlsx-unreadable",
            &[("detail", &detail)],
        ))
    };
    let mut cells = match wb.worksheet_cells_reader(name) {
        Ok(c) => c,
        Err(e) => return unreadable(&e),
    };
    let (mut rows, mut cols) = (0u64, 0u64);
    loop {
        match cells.next_cell() {
            Ok(Some(c)) => {
                let (r, c) = c.get_position();
                rows = rows.max(u64::from(r) + 1);
                cols = cols.max(u64::from(c) + 1);
            }
            Ok(None) => break,
            Err(e) => return unreadable(&e),
        }
    }
    let (key, n, max) = if rows.saturating_sub(1) > opts.max_rows as u64 {
        ("xlsx-too-many-rows", rows - 1, opts.max_rows)
    } else if cols > opts.max_columns as u64 {
        ("xlsx-too-many-columns", cols, opts.max_columns)
    } else {
        return None;
    };
    let (n, max) = (n.to_string(), max.to_string());
    let what = if key == "xlsx-too-many-rows" {
        "rows"
    } else {
        "columns"
    };
    Some(RowProblem::new(
        sheet,
        0,
        None,
        key,
        &[(what, &n), ("max", &max)],
    ))
}

/// Some problem is not about one row: no row can be left out to fix it.
fn fatal(p: &[RowProblem]) -> bool {
    p.iter().any(|p| !p.is_row())
}

/// The whole document, or every problem.
fn strict(
    base: &BodyDoc,
    sheets: &Sheets,
    cat: &Catalog,
    declarations: &[DeclarationDoc],
    mut problems: Vec<RowProblem>,
) -> Result<Imported, Vec<RowProblem>> {
    let (doc, prov) = assemble(base, sheets, &HashSet::new(), &mut problems);
    // The catalog check runs on whatever could be read, so that every problem is reported
    // at once; after a problem with a whole sheet it would only report its echoes.
    if !fatal(&problems) {
        problems.extend(check(&doc, &prov, cat, declarations));
    }
    if problems.is_empty() {
        Ok(Imported {
            doc,
            skipped: Vec::new(),
        })
    } else {
        sort(&mut problems);
        Err(problems)
    }
}

/// The document without the rows that have problems, and those problems.
fn valid_rows_only(
    base: &BodyDoc,
    sheets: &Sheets,
    cat: &Catalog,
    declarations: &[DeclarationDoc],
    mut problems: Vec<RowProblem>,
) -> Result<Imported, Vec<RowProblem>> {
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
        let (doc, prov) = assemble(base, sheets, &skip, &mut round);
        round.extend(check(&doc, &prov, cat, declarations));
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
