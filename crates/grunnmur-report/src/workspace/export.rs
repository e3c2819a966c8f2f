//! Export: the workspace (or an empty one, the template) as a workbook, one function per sheet.

use super::schema::{
    DEPENDENCIES, GROUPS, IMPLEMENTATIONS, INFO_TYPES, Kind, MAPPING, ORG, OVERRIDES, README,
    SHEETS, STATUS, SYSTEMS, Sheet, TASKS,
};
use crate::xlsx::Formats;
use grunnmur_catalog::BodyDoc;
use grunnmur_catalog::body::{OrgDoc, Orgnr};
use grunnmur_core::catalog::OrgKind;
use grunnmur_core::date::Date;
use grunnmur_core::level::{Dimension, Level};
use grunnmur_core::workspace::{DEFAULT_CUMULATION_THRESHOLD, SelectionMode};
use grunnmur_i18n::{Lang, t};
use rust_xlsxwriter::{DataValidation, ExcelDateTime, Workbook, Worksheet, XlsxError};

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

fn date(v: &Option<String>) -> Out {
    v.as_ref().map_or(Out::None, |s| Out::Date(s.clone()))
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
    readme(&mut wb, &f, lang)?;
    let empty = BodyDoc::new(OrgDoc {
        orgnr: Orgnr::Text(String::new()),
        name: String::new(),
        kind: OrgKind::Kommune,
        sectors: Vec::new(),
        selection: SelectionMode::PerDimension,
        cumulation_threshold: DEFAULT_CUMULATION_THRESHOLD,
        review_months: grunnmur_core::risk::review::REVIEW_MONTHS,
        services: Vec::new(),
    });
    let d = doc.unwrap_or(&empty);
    // The template's org sheet has no row: an import of it keeps the base's org.
    let org_rows = doc.map(org_rows).unwrap_or_default();
    sheet(&mut wb, &ORG, org_rows, &f)?;
    sheet(&mut wb, &TASKS, task_rows(d), &f)?;
    sheet(&mut wb, &OVERRIDES, override_rows(d), &f)?;
    sheet(&mut wb, &INFO_TYPES, info_type_rows(d), &f)?;
    sheet(&mut wb, &SYSTEMS, system_rows(d), &f)?;
    sheet(&mut wb, &MAPPING, mapping_rows(d), &f)?;
    sheet(&mut wb, &DEPENDENCIES, dependency_rows(d), &f)?;
    sheet(&mut wb, &STATUS, status_rows(d), &f)?;
    sheet(&mut wb, &GROUPS, group_rows(d), &f)?;
    sheet(&mut wb, &IMPLEMENTATIONS, implementation_rows(d), &f)?;
    wb.save_to_buffer()
}

/// The `readme` sheet: what every column means, in the reader's language.
fn readme(wb: &mut Workbook, f: &Formats, lang: Lang) -> Result<(), XlsxError> {
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
    Ok(())
}

fn org_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    let o = &d.org;
    vec![vec![
        match &o.orgnr {
            Orgnr::Text(s) => Out::Text(s.clone()),
            Orgnr::Number(n) => Out::Num(*n as f64),
        },
        Out::Text(o.name.clone()),
        enum_text(&o.kind),
        list(&o.sectors, ", "),
        enum_text(&o.selection),
        Out::Num(o.cumulation_threshold as f64),
        Out::Num(o.review_months as f64),
        list(&o.services, ", "),
    ]]
}

fn task_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.tasks
        .iter()
        .map(|t| {
            vec![
                opt(&t.task),
                opt(&t.id),
                opt(&t.name),
                t.info_types.as_deref().map_or(Out::None, |l| list(l, ", ")),
                list(&t.sectors, ", "),
            ]
        })
        .collect()
}

fn override_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.tasks
        .iter()
        .flat_map(|t| {
            t.overrides.iter().map(move |o| {
                let mut row = vec![Out::Text(t.key().into()), Out::Text(o.info_type.clone())];
                row.extend(Dimension::ALL.map(|d| level(o.levels.get(d))));
                row.push(opt(&o.justification));
                row
            })
        })
        .collect()
}

fn info_type_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.info_types
        .iter()
        .map(|it| {
            let mut row = vec![Out::Text(it.id.clone()), Out::Text(it.name.clone())];
            row.extend(Dimension::ALL.map(|d| level(Some(it.levels[d]))));
            row.push(opt(&it.rationale));
            row
        })
        .collect()
}

fn system_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.systems
        .iter()
        .map(|s| {
            vec![
                Out::Text(s.id.clone()),
                Out::Text(s.name.clone()),
                list(&s.services, ", "),
            ]
        })
        .collect()
}

fn group_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    (d.groups.iter())
        .map(|g| {
            vec![
                Out::Text(g.id.clone()),
                Out::Text(g.name.clone()),
                list(&g.systems, ", "),
            ]
        })
        .collect()
}

fn implementation_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    (d.implementations.iter())
        .map(|im| {
            let (kind, targets) = im.covers.kind();
            vec![
                Out::Text(im.id.clone()),
                Out::Text(im.name.clone()),
                list(&im.measures, ", "),
                Out::Text(kind.to_string()),
                list(&targets, ", "),
                enum_text(&im.status),
                opt(&im.owner),
                date(&im.due),
                opt(&im.justification),
                list(&im.evidence, "\n"),
            ]
        })
        .collect()
}

fn mapping_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.systems
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
        .collect()
}

fn dependency_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.systems
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
        .collect()
}

fn status_rows(d: &BodyDoc) -> Vec<Vec<Out>> {
    d.measure_status
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
        .collect()
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
