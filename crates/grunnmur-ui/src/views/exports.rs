//! Export what you see: each list of a body — the measure list with its filters, the systems,
//! the risk assessments, the deviations — as a workbook and as CSV, with the rows the page
//! shows (every page of them), names and ids in separate columns, statuses and levels in words
//! in the reader's language. The rows come from the same functions as the pages; the files are
//! written by `grunnmur_report::sheet`.

use super::*;
use crate::page::*;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use grunnmur_report::doc::{Cell, Column, Table};
use grunnmur_report::sheet;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;

/// Which file.
#[derive(Clone, Copy)]
pub(super) enum File {
    Xlsx,
    Csv,
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn col(lang: Lang, key: &str) -> Column {
    Column::text(t(lang, key, &[]), 16.0)
}

/// A column header from a word written in lower case (`konfidensialitet`).
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn yes_no(lang: Lang, yes: bool) -> Cell {
    Cell::Text(t(lang, if yes { "report-yes" } else { "report-no" }, &[]))
}

/// The list as a download: `<orgnr>-<list>-<date>.<ext>`, the list's name in the reader's
/// language, the date the body's today.
fn download(
    b: &BodyView,
    lang: Lang,
    list: &str,
    file: File,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
) -> Result<Response, PageError> {
    let name = t(lang, &format!("export-file-{list}"), &[]);
    let stem = format!("{}-{name}-{}", b.row.orgnr, b.derived.today);
    file_response(
        &format!("{} – {name}", b.row.name),
        &name,
        &stem,
        file,
        columns,
        rows,
    )
}

/// A table as a workbook (one sheet named `sheet`) or CSV, downloaded as `<stem>.<ext>`.
pub(super) fn file_response(
    caption: &str,
    sheet_name: &str,
    stem: &str,
    file: File,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
) -> Result<Response, PageError> {
    let (name, caption) = (sheet_name, caption.to_string());
    let table = Table {
        caption,
        columns,
        rows,
        row_headers: false,
        empty: String::new(),
        abbreviations: Vec::new(),
    };
    let (bytes, mime, ext) = match file {
        File::Xlsx => (
            sheet::xlsx(name, &table).map_err(|e| ApiError::Internal(e.to_string()))?,
            sheet::XLSX_MIME,
            "xlsx",
        ),
        File::Csv => (sheet::csv(&table), sheet::CSV_MIME, "csv"),
    };
    let filename = format!("{stem}.{ext}");
    Ok((
        [
            (header::CONTENT_TYPE, mime.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

fn measures_file(
    b: &BodyView,
    lang: Lang,
    q: &measures::Filter,
    file: File,
) -> Result<Response, PageError> {
    let rows = measures::rows(b, lang, q)?
        .into_iter()
        .map(|r| {
            vec![
                Cell::Text(r.measure),
                text(r.name.text),
                text(r.place),
                text(r.system),
                Cell::Text(format!("BN{}", r.baseline)),
                text(r.activity),
                text(r.status),
                yes_no(lang, r.overdue),
                text(r.owner),
                if r.due.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Date(r.due)
                },
            ]
        })
        .collect();
    let columns = [
        "export-col-measure-id",
        "report-col-measure",
        "report-col-where",
        "export-col-system-id",
        "report-col-baseline",
        "report-col-activity",
        "report-col-status",
        "report-col-overdue",
        "report-col-owner",
        "report-col-due",
    ]
    .map(|k| col(lang, k))
    .into();
    download(b, lang, "measures", file, columns, rows)
}

pub async fn measures_xlsx(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<measures::Filter>,
) -> Result<Response, PageError> {
    measures_file(&b, v.lang, &q, File::Xlsx)
}

pub async fn measures_csv(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<measures::Filter>,
) -> Result<Response, PageError> {
    measures_file(&b, v.lang, &q, File::Csv)
}

fn systems_file(b: &BodyView, lang: Lang, file: File) -> Result<Response, PageError> {
    let rows = systems::lines(lang, b)
        .into_iter()
        .map(|x| {
            let [c, i, a] = x.levels;
            vec![
                text(x.name),
                Cell::Text(x.id),
                Cell::Text(c.label),
                Cell::Text(i.label),
                Cell::Text(a.label),
                Cell::Int(x.tasks as i64),
                text(x.depends_on.join("; ")),
                Cell::Int(x.required as i64),
                text(x.cumulation),
            ]
        })
        .collect();
    let mut columns = vec![col(lang, "ui-col-name"), col(lang, "export-col-id")];
    columns.extend(
        grunnmur_core::Dimension::ALL
            .iter()
            .map(|d| Column::text(capital(&dim_label(lang, *d)), 12.0)),
    );
    columns.extend([
        Column::number(t(lang, "ui-col-tasks", &[]), 8.0),
        col(lang, "export-col-depends-on"),
        Column::number(t(lang, "ui-col-required", &[]), 8.0),
        col(lang, "report-col-cumulation"),
    ]);
    download(b, lang, "systems", file, columns, rows)
}

pub async fn systems_xlsx(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    systems_file(&b, v.lang, File::Xlsx)
}

pub async fn systems_csv(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    systems_file(&b, v.lang, File::Csv)
}

async fn risk_file(
    s: &AppState,
    b: &BodyView,
    lang: Lang,
    file: File,
) -> Result<Response, PageError> {
    let rows = risk::assessment_lines(s, b, lang)
        .await?
        .into_iter()
        .map(|x| {
            vec![
                text(x.title),
                Cell::Int(x.id),
                text(x.object),
                Cell::Text(x.object_id),
                Cell::Int(x.risks as i64),
                text(x.accepted),
            ]
        })
        .collect();
    let columns = vec![
        col(lang, "ui-col-name"),
        Column::number(t(lang, "export-col-id", &[]), 6.0),
        col(lang, "ui-col-object"),
        col(lang, "export-col-object-id"),
        Column::number(t(lang, "ui-risk-risks", &[]), 8.0),
        col(lang, "ui-risk-accepted"),
    ];
    download(b, lang, "risk", file, columns, rows)
}

pub async fn risk_xlsx(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    risk_file(&s, &b, v.lang, File::Xlsx).await
}

pub async fn risk_csv(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    risk_file(&s, &b, v.lang, File::Csv).await
}

fn deviations_file(b: &BodyView, lang: Lang, file: File) -> Result<Response, PageError> {
    let rows = deviations::lines(lang, b)
        .into_iter()
        .map(|x| {
            vec![
                text(x.task),
                Cell::Text(x.task_id),
                text(x.info),
                Cell::Text(x.info_id),
                Cell::Text(x.dimension),
                Cell::Text(x.recommended.label),
                Cell::Text(x.chosen.label),
                Cell::Text(x.change),
                text(x.justification),
            ]
        })
        .collect();
    let columns = [
        "report-col-task",
        "export-col-task-id",
        "report-col-info-type",
        "export-col-info-type-id",
        "report-col-dimension",
        "report-col-recommended",
        "report-col-chosen",
        "deviations-col-change",
        "report-col-justification",
    ]
    .map(|k| col(lang, k))
    .into();
    download(b, lang, "deviations", file, columns, rows)
}

pub async fn deviations_xlsx(
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    deviations_file(&b, v.lang, File::Xlsx)
}

pub async fn deviations_csv(
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    deviations_file(&b, v.lang, File::Csv)
}

async fn follow_up_file(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    q: &follow_up::Filter,
    file: File,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let today = b.derived.today;
    let (items, _, _) = follow_up::chosen_items(s, v, b, q).await?;
    let rows = (items.into_iter())
        .map(|x| {
            vec![
                Cell::Text(x.what),
                Cell::Text(t(lang, &format!("ui-follow-kind-{}", x.kind), &[])),
                text(x.place),
                text(x.owner),
                x.due.map_or(Cell::Empty, |d| Cell::Date(d.to_string())),
                yes_no(lang, x.due.is_some_and(|d| d < today)),
                text(x.status),
            ]
        })
        .collect();
    let columns = [
        "ui-follow-col-what",
        "ui-follow-col-kind",
        "report-col-where",
        "report-col-owner",
        "report-col-due",
        "report-col-overdue",
        "report-col-status",
    ]
    .map(|k| col(lang, k))
    .into();
    download(b, lang, "follow-up", file, columns, rows)
}

pub async fn follow_up_xlsx(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<follow_up::Filter>,
) -> Result<Response, PageError> {
    follow_up_file(&s, &v, &b, &q, File::Xlsx).await
}

pub async fn follow_up_csv(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<follow_up::Filter>,
) -> Result<Response, PageError> {
    follow_up_file(&s, &v, &b, &q, File::Csv).await
}

fn year_file(
    b: &BodyView,
    lang: Lang,
    q: &year::YearQuery,
    file: File,
) -> Result<Response, PageError> {
    let y = year::year_of(b, q)?;
    let dates = |ds: &[grunnmur_core::Date]| {
        let v: Vec<String> = ds.iter().map(ToString::to_string).collect();
        text(v.join("; "))
    };
    let rows = (year::entries(b, lang, y).into_iter())
        .map(|e| {
            vec![
                Cell::Text(year::activity_name(b, lang, e.activity)),
                Cell::Text(e.name),
                Cell::Text(e.id),
                Cell::Text(t(lang, &format!("recur-kind-{}", e.kind), &[])),
                text(e.place),
                text(e.owner),
                Cell::Text(recur::every(lang, e.months)),
                e.due.map_or(Cell::Empty, |d| Cell::Date(d.to_string())),
                yes_no(lang, e.overdue),
                dates(&e.due_in_year),
                dates(&e.done_in_year),
            ]
        })
        .collect();
    let columns = [
        "report-col-activity",
        "ui-col-name",
        "export-col-id",
        "ui-follow-col-kind",
        "report-col-where",
        "report-col-owner",
        "recur-col-every",
        "recur-col-next",
        "report-col-overdue",
        "recur-col-due-dates",
        "recur-col-done-dates",
    ]
    .map(|k| col(lang, k))
    .into();
    download(b, lang, "year", file, columns, rows)
}

pub async fn year_xlsx(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<year::YearQuery>,
) -> Result<Response, PageError> {
    year_file(&b, v.lang, &q, File::Xlsx)
}

pub async fn year_csv(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<year::YearQuery>,
) -> Result<Response, PageError> {
    year_file(&b, v.lang, &q, File::Csv)
}
