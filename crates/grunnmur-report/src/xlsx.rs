//! The report as a workbook: a first sheet with the facts about the report (and the sections'
//! notes), then one sheet per section with a bold header row, frozen panes under it, an
//! autofilter over the table and real
//! numbers, percentages and dates (so the figures can be sorted and summed). Charts are native
//! Excel charts, drawn from a small data block beside the table.

use crate::ReportError;
use crate::doc::{Cell, Chart, Doc, Matrix, Table};
use rust_xlsxwriter::{
    Chart as XChart, ChartFormat, ChartSolidFill, ChartType, Color, DocProperties, ExcelDateTime,
    Format, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::HashSet;

/// Excel forbids these in sheet names and allows at most 31 characters.
pub fn sheet_name(name: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    let base: String = if clean.is_empty() {
        "Ark".to_string()
    } else {
        clean.chars().take(31).collect()
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        let suffix = format!(" {n}");
        candidate = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        n += 1;
    }
    candidate
}

pub(crate) struct Formats {
    pub header: Format,
    pub bold: Format,
    pub percent: Format,
    pub date: Format,
    pub wrap: Format,
}

impl Formats {
    pub fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xE8E8E8))
                .set_text_wrap(),
            bold: Format::new().set_bold(),
            percent: Format::new().set_num_format("0%"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            wrap: Format::new().set_text_wrap(),
        }
    }
}

pub fn render(doc: &Doc) -> Result<Vec<u8>, ReportError> {
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(&doc.title)
            .set_subject(&doc.title),
    );
    let f = Formats::new();
    let mut taken = HashSet::new();

    let about = wb.add_worksheet();
    about.set_name(sheet_name(&doc.facts_sheet, &mut taken))?;
    about.write_string_with_format(0, 0, &doc.title, &f.bold)?;
    about.write_string_with_format(2, 0, &doc.facts_heading, &f.header)?;
    about.write_string_with_format(2, 1, "", &f.header)?;
    for (n, (k, v)) in doc.facts.iter().enumerate() {
        let row = 3 + n as u32;
        about.write_string_with_format(row, 0, k, &f.bold)?;
        about.write_string(row, 1, v)?;
    }
    // The sections' notes, so that the data sheets hold nothing but their tables.
    let mut row = 4 + doc.facts.len() as u32;
    for sec in doc.sections.iter().filter(|s| !s.paragraphs.is_empty()) {
        row += 1;
        about.write_string_with_format(row, 0, &sec.heading, &f.bold)?;
        for p in &sec.paragraphs {
            about.write_string(row, 1, p)?;
            row += 1;
        }
    }
    about.set_column_width(0, 28)?;
    about.set_column_width(1, 48)?;

    for sec in &doc.sections {
        let name = sheet_name(&sec.sheet, &mut taken);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        let empty = Table {
            caption: sec.heading.clone(),
            columns: Vec::new(),
            rows: Vec::new(),
            row_headers: false,
            empty: String::new(),
            abbreviations: Vec::new(),
        };
        let t = sec.table.as_ref().unwrap_or(&empty);
        write_table(ws, t, &f)?;
        // Charts, with their data beside the table.
        let mut data_col = t.columns.len() as u16 + 1;
        for c in &sec.charts {
            let last = write_chart(ws, &name, c, data_col, &f)?;
            data_col = last + 2;
        }
    }
    Ok(wb.save_to_buffer()?)
}

pub(crate) fn write_table(ws: &mut Worksheet, t: &Table, f: &Formats) -> Result<(), XlsxError> {
    for (c, col) in t.columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, &col.header, &f.header)?;
        ws.set_column_width(c, (col.width * 1.1).clamp(8.0, 60.0))?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) if c == 0 && t.row_headers => {
                    ws.write_string_with_format(r, c, s, &f.bold)?;
                }
                Cell::Text(s) if s.chars().count() > 40 => {
                    ws.write_string_with_format(r, c, s, &f.wrap)?;
                }
                Cell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Cell::Int(n) => {
                    ws.write_number(r, c, *n as f64)?;
                }
                Cell::Percent(p) => {
                    ws.write_number_with_format(r, c, *p, &f.percent)?;
                }
                Cell::Date(s) => match ExcelDateTime::parse_from_str(s) {
                    Ok(d) => {
                        ws.write_datetime_with_format(r, c, &d, &f.date)?;
                    }
                    Err(_) => {
                        ws.write_string(r, c, s)?;
                    }
                },
                Cell::Empty => {}
            }
        }
    }
    if !t.columns.is_empty() {
        ws.set_freeze_panes(1, 0)?;
        ws.autofilter(0, 0, t.rows.len() as u32, t.columns.len() as u16 - 1)?;
    }
    Ok(())
}

/// Writes the chart's numbers at `col` and a native chart under them; returns the last column
/// used.
fn write_chart(
    ws: &mut Worksheet,
    sheet: &str,
    c: &Chart,
    col: u16,
    f: &Formats,
) -> Result<u16, XlsxError> {
    if let Some(m) = &c.matrix {
        return write_matrix(ws, c, m, col, f);
    }
    ws.write_string_with_format(0, col, &c.title, &f.header)?;
    ws.set_column_width(col, 22)?;
    for (n, s) in c.series.iter().enumerate() {
        ws.write_string_with_format(0, col + 1 + n as u16, &s.name, &f.header)?;
    }
    for (r, cat) in c.categories.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, col, cat)?;
        for (n, s) in c.series.iter().enumerate() {
            ws.write_number(r, col + 1 + n as u16, s.values[r as usize - 1] as f64)?;
        }
    }
    let last_row = c.categories.len().max(1) as u32;
    let mut chart = XChart::new(ChartType::BarStacked);
    chart.title().set_name(&c.title);
    // Excel keeps at most 255 characters of alternative text; the numbers are in the cells.
    let alt: String = c.alt.chars().take(255).collect();
    chart.set_alt_text(alt);
    for (n, s) in c.series.iter().enumerate() {
        let vc = col + 1 + n as u16;
        let (r, g, b) = s.color;
        chart
            .add_series()
            .set_name((sheet, 0, vc))
            .set_categories((sheet, 1, col, last_row, col))
            .set_values((sheet, 1, vc, last_row, vc))
            .set_format(
                ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(
                    ((r as u32) << 16) | ((g as u32) << 8) | b as u32,
                ))),
            );
    }
    ws.insert_chart(last_row + 2, col, &chart)?;
    Ok(col + c.series.len() as u16)
}

fn rgb((r, g, b): (u8, u8, u8)) -> Color {
    Color::RGB(((r as u32) << 16) | ((g as u32) << 8) | b as u32)
}

/// A risk matrix as coloured cells: the title, then the rows from the most likely down with
/// their names, the consequence names under them, and the legend. Returns the last column.
fn write_matrix(
    ws: &mut Worksheet,
    c: &Chart,
    m: &Matrix,
    col: u16,
    f: &Formats,
) -> Result<u16, XlsxError> {
    ws.write_string_with_format(0, col, &c.title, &f.header)?;
    ws.write_string_with_format(1, col, &m.row_title, &f.bold)?;
    ws.set_column_width(col, 22)?;
    let n = m.rows.len() as u32;
    for (k, row) in m.cells.iter().enumerate() {
        let r = 2 + n - 1 - k as u32;
        if let Some(name) = m.rows.get(k) {
            ws.write_string(r, col, name)?;
        }
        for (j, cell) in row.iter().enumerate() {
            let fmt = Format::new()
                .set_background_color(rgb(cell.color))
                .set_border(FormatBorder::Thin)
                .set_text_wrap();
            ws.write_string_with_format(r, col + 1 + j as u16, &cell.text, &fmt)?;
        }
    }
    let r = 2 + n;
    for (j, name) in m.columns.iter().enumerate() {
        let c = col + 1 + j as u16;
        ws.write_string_with_format(r, c, name, &f.wrap)?;
        ws.set_column_width(c, 14)?;
    }
    ws.write_string_with_format(r + 1, col + 1, &m.column_title, &f.bold)?;
    for (k, (name, color)) in m.legend.iter().enumerate() {
        let fmt = Format::new().set_background_color(rgb(*color));
        ws.write_string_with_format(r + 3 + k as u32, col + 1, name, &fmt)?;
    }
    Ok(col + m.columns.len() as u16)
}
