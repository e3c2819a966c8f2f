//! Reports and spreadsheets: the views of an assessment that leave the application as files.
//!
//! - [`build`] turns the engine's [`AssessReport`] plus the catalog document (names, activities,
//!   kinds, baselines) and the body document (statuses, owners, due dates) into a neutral
//!   [`doc::Doc`]: sections with tables and charts, every string from the translation files.
//!   It counts and sorts what the engine derived; it never derives levels or requirements.
//! - [`html`], [`xlsx`] and [`pdf`] render one `Doc` each: an accessible HTML print view, a
//!   workbook with one sheet per section, and a tagged PDF (PDF/UA-1, checked by krilla).
//! - [`build::risk_assessment`] makes the report of one risk assessment the same way.
//! - [`workspace`] exchanges a body's workspace as a spreadsheet: export, a template, and an
//!   import that checks every row and reports every problem with sheet, row and column.
//!
//! The heavy dependencies (krilla and its fonts, rust_xlsxwriter, calamine) live in this crate
//! only, so the rest of the workspace builds without them.

pub mod build;
pub mod chart;
pub mod doc;
pub mod html;
pub mod pdf;
pub mod sheet;
pub mod workspace;
pub mod xlsx;

use grunnmur_catalog::BodyDoc;
use grunnmur_catalog::format::CatalogDoc;
use grunnmur_core::report::AssessReport;
use grunnmur_core::risk::RiskAssessment;
use grunnmur_i18n::Lang;

pub use workspace::{
    ImportOptions, Imported, RowProblem, export_workspace, import_workspace, import_workspace_with,
    template,
};

/// Which report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportKind {
    /// Body status report for management.
    Status,
    /// Measure plan (handlingsplan): what, where, who, by when.
    MeasurePlan,
}

/// Which file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Xlsx,
    Html,
}

impl Format {
    /// `pdf`, `xlsx` or `html`.
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "pdf" => Some(Format::Pdf),
            "xlsx" => Some(Format::Xlsx),
            "html" => Some(Format::Html),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Html => "text/html; charset=utf-8",
        }
    }
}

/// What a report is made from: the engine's result, the two documents it was derived from, and
/// the body's risk assessments (the status report's top risks; empty when there are none), and
/// the suppliers' declarations the assessment used (for the names of their services).
#[derive(Clone, Copy)]
pub struct ReportInput<'a> {
    pub report: &'a AssessReport,
    pub catalog: &'a CatalogDoc,
    pub body: &'a BodyDoc,
    pub risks: &'a [RiskAssessment],
    pub declarations: &'a [grunnmur_catalog::declaration::DeclarationDoc],
    pub lang: Lang,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("writing the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("writing the PDF: {0}")]
    Pdf(String),
}

/// Builds the report and renders it in one format.
pub fn render(
    kind: ReportKind,
    format: Format,
    input: &ReportInput,
) -> Result<Vec<u8>, ReportError> {
    render_doc(&build::build(kind, input), format)
}

/// Renders a report document (a fresh one, or a stored snapshot) in one format.
pub fn render_doc(doc: &doc::Doc, format: Format) -> Result<Vec<u8>, ReportError> {
    match format {
        Format::Html => Ok(html::render(doc).into_bytes()),
        Format::Xlsx => xlsx::render(doc),
        Format::Pdf => pdf::render(doc),
    }
}
