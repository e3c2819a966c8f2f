//! `grunnmur report BODY_FILE --kind status|measure-plan|risk-assessment --format pdf|xlsx|html
//! --out FILE [--risk FILE]...`: the management reports, rendered by `grunnmur-report` from the
//! engine's result and risk assessments as JSON, as the API keeps them (the one assessment of a
//! risk-assessment report; the body's assessments whose top risks a status report lists).

use crate::output::print_problems;
use anyhow::Context;
use clap::{Args, ValueEnum};
use grunnmur_catalog::{BodyDoc, CheckedCatalog};
use grunnmur_core::risk::RiskAssessment;
use grunnmur_core::{Date, Workspace};
use grunnmur_i18n::{Lang, t};
use grunnmur_report::{Format, ReportInput, ReportKind, build};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Body status report for management (with the top risks of any `--risk FILE`).
    Status,
    /// Measure plan (handlingsplan): what, where, who, by when.
    MeasurePlan,
    /// One risk assessment (`--risk FILE`): frame, risks, matrix before and after, acceptance.
    RiskAssessment,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Xlsx,
    Html,
}

#[derive(Args)]
pub struct ReportArgs {
    /// The body file (YAML or JSON).
    body_file: PathBuf,
    /// Catalog folder or file; the bundled catalog when left out.
    #[arg(long)]
    catalog: Option<PathBuf>,
    /// A folder of suppliers' declarations (YAML or JSON) the body's services may name.
    #[arg(long)]
    declarations: Option<PathBuf>,
    #[arg(long, value_enum)]
    kind: KindArg,
    #[arg(long, value_enum)]
    format: FormatArg,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// The date that decides what is overdue (YYYY-MM-DD); today when left out.
    #[arg(long)]
    today: Option<String>,
    /// A risk assessment (JSON): the one for `--kind risk-assessment`; for `--kind status`, the
    /// body's assessments whose highest risks the report lists (repeat it for each).
    #[arg(long, required_if_eq("kind", "risk-assessment"))]
    risk: Vec<PathBuf>,
}

/// Reads a risk assessment and checks it against the body's workspace; prints every problem
/// with its field and gives `None` when there is one.
pub(crate) fn load_risk(lang: Lang, path: &Path, l: &Loaded) -> Option<RiskAssessment> {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{name}: {e}");
            return None;
        }
    };
    let de = &mut serde_json::Deserializer::from_str(&text);
    let ra: RiskAssessment = match serde_path_to_error::deserialize(de) {
        Ok(ra) => ra,
        Err(e) => {
            eprintln!("{name}: {}: {}", e.path(), e.inner());
            return None;
        }
    };
    let problems = ra.check(&l.checked.catalog, &l.ws);
    for p in &problems {
        let (key, args) = p.message_parts();
        eprintln!("{name}: {}: {}", p.path, t(lang, &key, &args));
    }
    problems.is_empty().then_some(ra)
}

/// A body file read and resolved against a checked catalog.
pub struct Loaded {
    pub checked: CheckedCatalog,
    pub doc: BodyDoc,
    pub ws: Workspace,
    /// The declarations read with `--declarations`.
    pub declarations: Vec<grunnmur_catalog::DeclarationDoc>,
}

/// Reads the catalog, the suppliers' declarations (every file in `declarations`) and a body
/// file as `assess` does; prints the problems and gives `None` when any has errors.
pub(crate) fn load(
    lang: Lang,
    body_file: &Path,
    catalog: Option<&Path>,
    declarations: Option<&Path>,
) -> Option<Loaded> {
    let (checked, problems) = grunnmur_catalog::load_catalog(catalog);
    let Some(checked) = checked else {
        print_problems(lang, &problems);
        eprintln!("{}", t(lang, "cli-catalog-invalid", &[]));
        return None;
    };
    let declarations = match declarations {
        None => Vec::new(),
        Some(dir) => {
            let read = grunnmur_oscal::component::read_any_declaration;
            let (docs, problems) =
                grunnmur_catalog::files::load_declarations(dir, &checked.catalog, read);
            print_problems(lang, &problems);
            let Some(docs) = docs else {
                eprintln!("{}", t(lang, "cli-declarations-invalid", &[]));
                return None;
            };
            docs
        }
    };
    let src = match grunnmur_catalog::files::read_source(body_file) {
        Ok(s) => s,
        Err(p) => {
            print_problems(lang, &[p]);
            return None;
        }
    };
    match grunnmur_catalog::read_body_with(&src, &checked.catalog, &declarations) {
        Ok((doc, ws)) => Some(Loaded {
            checked,
            doc,
            ws,
            declarations,
        }),
        Err(problems) => {
            print_problems(lang, &problems);
            eprintln!("{}", t(lang, "cli-body-invalid", &[]));
            None
        }
    }
}

/// `--today`, or the clock's date.
pub(crate) fn today(lang: Lang, arg: Option<&str>) -> Option<Date> {
    match arg {
        None => Some(crate::today_utc()),
        Some(s) => {
            let d = Date::parse(s);
            if d.is_none() {
                eprintln!("{}", t(lang, "cli-invalid-today", &[("value", s)]));
            }
            d
        }
    }
}

pub fn run(lang: Lang, args: ReportArgs) -> anyhow::Result<ExitCode> {
    let Some(today) = today(lang, args.today.as_deref()) else {
        return Ok(ExitCode::FAILURE);
    };
    let declarations = args.declarations.as_deref();
    let Some(l) = load(lang, &args.body_file, args.catalog.as_deref(), declarations) else {
        return Ok(ExitCode::FAILURE);
    };
    if matches!(args.kind, KindArg::RiskAssessment) && args.risk.len() != 1 {
        eprintln!("{}", t(lang, "cli-report-one-risk", &[]));
        return Ok(ExitCode::FAILURE);
    }
    let mut risks = Vec::new();
    for path in &args.risk {
        match load_risk(lang, path, &l) {
            Some(ra) => risks.push(ra),
            None => return Ok(ExitCode::FAILURE),
        }
    }
    let cat = &l.checked.catalog;
    let a = grunnmur_core::assess(cat, &l.ws, today);
    let report = grunnmur_core::report::AssessReport::new(cat, &l.ws, &a, today);
    let input = ReportInput {
        report: &report,
        catalog: &l.checked.doc,
        body: &l.doc,
        risks: &risks,
        declarations: &l.declarations,
        lang,
    };
    let format = match args.format {
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Xlsx => Format::Xlsx,
        FormatArg::Html => Format::Html,
    };
    // The same builders as the server's reports.
    let doc = match args.kind {
        KindArg::Status => build::build(ReportKind::Status, &input),
        KindArg::MeasurePlan => build::build(ReportKind::MeasurePlan, &input),
        KindArg::RiskAssessment => build::risk_assessment(&input, &risks[0]),
    };
    let bytes = match grunnmur_report::render_doc(&doc, format) {
        Ok(b) => b,
        Err(e) => {
            let detail = e.to_string();
            eprintln!("{}", t(lang, "cli-report-failed", &[("detail", &detail)]));
            return Ok(ExitCode::FAILURE);
        }
    };
    std::fs::write(&args.out, bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let path = args.out.display().to_string();
    eprintln!("{}", t(lang, "cli-report-written", &[("path", &path)]));
    Ok(ExitCode::SUCCESS)
}
