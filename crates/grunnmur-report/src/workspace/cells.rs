//! Import: reading a sheet's cells into typed rows.

use super::RowProblem;
use super::schema::{Col, Kind, Sheet};
use calamine::Data;
use grunnmur_catalog::body::Orgnr;
use grunnmur_core::date::Date;
use grunnmur_core::level::{Dimension, Level};
use std::collections::{HashMap, HashSet};

/// A typed cell value after checking.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Val {
    Str(String),
    Int(i64),
    List(Vec<String>),
    Orgnr(Orgnr),
}

/// One data row: its spreadsheet row number and the values by column key.
pub(super) struct Row {
    pub number: u32,
    pub vals: HashMap<&'static str, Val>,
    pub bad: bool,
}

impl Row {
    pub fn str(&self, k: &str) -> Option<String> {
        match self.vals.get(k) {
            Some(Val::Str(s)) => Some(s.clone()),
            _ => None,
        }
    }

    pub fn list(&self, k: &str) -> Option<Vec<String>> {
        match self.vals.get(k) {
            Some(Val::List(l)) => Some(l.clone()),
            _ => None,
        }
    }

    /// The levels in the C, I and A columns.
    pub fn levels(&self) -> [Option<Level>; 3] {
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

/// Reads one sheet's rows; sheet-level problems (missing, unknown or duplicate columns, no
/// header) make the whole sheet unusable. (Its size was checked before it was read.)
pub(super) fn read_sheet(
    spec: &Sheet,
    range: &calamine::Range<Data>,
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
                // A column whose empty cell means "none" (not "unchanged" or "all"): the
                // workbook has the column, so the row says there is nothing.
                Ok(None) if super::schema::EMPTY_IS_NONE.contains(&c.key) => {
                    row.vals.insert(c.key, Val::List(Vec::new()));
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
