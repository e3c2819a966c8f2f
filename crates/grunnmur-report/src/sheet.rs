//! One table as a file people open in a spreadsheet: the lists of the web application as they
//! are shown (a header row and rows of cells), as a workbook of one sheet — a bold header row,
//! frozen under it, with an autofilter, as the reports' sheets ([`crate::xlsx::write_table`]) —
//! or as CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the letters
//! right).
//!
//! A CSV file has no types: a spreadsheet program reads a cell that begins with `=`, `+`, `-` or
//! `@` (or a tab or carriage return before one) as a formula. Such a text cell is written with an
//! apostrophe first, so a system named `=HYPERLINK(...)` stays text (OWASP's *CSV injection*).
//! In the workbook every text is written as a string cell, never as a formula.

use crate::ReportError;
use crate::doc::{Cell, Table};
use crate::xlsx::{Formats, sheet_name, write_table};
use rust_xlsxwriter::{DocProperties, Workbook};
use std::collections::HashSet;

/// The media type of a CSV download.
pub const CSV_MIME: &str = "text/csv; charset=utf-8";
/// The media type of a workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The table as a workbook with one sheet named `sheet` (cleaned as Excel requires); the
/// table's caption is the workbook's title.
pub fn xlsx(sheet: &str, t: &Table) -> Result<Vec<u8>, ReportError> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_title(&t.caption));
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(sheet, &mut HashSet::new()))?;
    write_table(ws, t, &Formats::new())?;
    Ok(wb.save_to_buffer()?)
}

/// The table as CSV: the header row, then the rows; UTF-8 with a byte order mark, CRLF line
/// ends, fields quoted when they hold a comma, a quote or a line break (RFC 4180), text that a
/// spreadsheet would read as a formula prefixed with an apostrophe.
pub fn csv(t: &Table) -> Vec<u8> {
    let mut out = String::from('\u{feff}');
    let header = t.columns.iter().map(|c| field(&c.header));
    line(&mut out, header);
    for row in &t.rows {
        line(&mut out, row.iter().map(value));
    }
    out.into_bytes()
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    for (n, f) in fields.enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str(&f);
    }
    out.push_str("\r\n");
}

/// A cell as a CSV field. Numbers and dates are ours, never formulas; text is guarded.
fn value(c: &Cell) -> String {
    match c {
        Cell::Text(s) => field(s),
        Cell::Int(n) => n.to_string(),
        Cell::Percent(p) => format!("{}%", (p * 100.0).round() as i64),
        Cell::Date(s) => quoted(s),
        Cell::Empty => String::new(),
    }
}

/// A text field: an apostrophe before what a spreadsheet would run, then quoted as needed.
fn field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        quoted(&format!("'{s}"))
    } else {
        quoted(s)
    }
}

/// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
fn quoted(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Column;
    use calamine::{Data, Reader, Xlsx};

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table {
            caption: "Systemer".into(),
            columns: vec![
                Column::text("Navn".into(), 20.0),
                Column::text("Id".into(), 10.0),
                Column::number("Tiltak".into(), 6.0),
            ],
            rows,
            row_headers: false,
            empty: String::new(),
            abbreviations: Vec::new(),
        }
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn csv_is_utf8_with_a_bom_and_quotes_as_rfc_4180_says() {
        let t = table(vec![
            vec![text("Økonomisystem"), text("s.okonomi"), Cell::Int(12)],
            vec![text("Lønn, personal"), text("si \"x\""), Cell::Empty],
            vec![text("to\nlinjer"), text("s.x"), Cell::Int(0)],
        ]);
        let bytes = csv(&t);
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "a byte order mark first");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "Navn,Id,Tiltak\r\n\
             Økonomisystem,s.okonomi,12\r\n\
             \"Lønn, personal\",\"si \"\"x\"\"\",\r\n\
             \"to\nlinjer\",s.x,0\r\n"
        );
    }

    #[test]
    fn csv_neutralises_formula_injection() {
        let evil = [
            "=HYPERLINK(\"http://evil.example\",\"klikk\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ];
        let t = table(
            evil.iter()
                .map(|e| vec![text(e), text("ok"), Cell::Int(-1)])
                .collect(),
        );
        let text = String::from_utf8(csv(&t)[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(
            lines[1],
            r#""'=HYPERLINK(""http://evil.example"",""klikk"")",ok,-1"#
        );
        assert_eq!(lines[2], "'+1+1,ok,-1");
        assert_eq!(lines[3], "'-2+3,ok,-1");
        assert_eq!(lines[4], "'@SUM(A1),ok,-1");
        assert_eq!(lines[5], "'\t=1,ok,-1");
        assert!(text.contains("\"'\r=1\",ok,-1"), "{text:?}");
        // No field of a data row begins with what a spreadsheet runs (numbers are ours).
        for l in &lines[1..5] {
            let first = l.trim_start_matches('"');
            assert!(!first.starts_with(['=', '+', '-', '@']), "{l}");
        }
        // A header is guarded too.
        let mut t = table(Vec::new());
        t.columns[0].header = "=1".into();
        assert!(String::from_utf8(csv(&t)).unwrap().contains("'=1,Id"));
    }

    #[test]
    fn the_workbook_has_the_header_and_the_rows_with_text_kept_as_text() {
        let t = table(vec![
            vec![text("Økonomisystem"), text("s.okonomi"), Cell::Int(12)],
            vec![text("=1+1"), text("s.x"), Cell::Empty],
        ]);
        let bytes = xlsx("Systemer: alle", &t).unwrap();
        let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(wb.sheet_names(), vec!["Systemer alle".to_string()]);
        let range = wb.worksheet_range("Systemer alle").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            vec![
                Data::String("Navn".into()),
                Data::String("Id".into()),
                Data::String("Tiltak".into())
            ]
        );
        assert_eq!(rows[1][0], Data::String("Økonomisystem".into()));
        assert_eq!(rows[1][2], Data::Float(12.0));
        // A text that looks like a formula is a string cell, not a formula.
        assert_eq!(rows[2][0], Data::String("=1+1".into()));
        let mut wb: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx("x", &t).unwrap())).unwrap();
        let formulas = wb.worksheet_formula("x").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    }
}
