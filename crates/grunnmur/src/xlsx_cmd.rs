//! `grunnmur xlsx export | import | template`: a body's workspace as a spreadsheet.

use crate::report_cmd::load;
use anyhow::Context;
use clap::Subcommand;
use grunnmur_i18n::{Lang, t};
use grunnmur_report::{ImportOptions, RowProblem};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum XlsxCommand {
    /// Write a body's workspace as a workbook (one sheet per part of the body file).
    Export {
        /// The body file (YAML or JSON).
        body_file: PathBuf,
        /// Catalog folder or file the body is checked against; the bundled catalog when left out.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A folder of suppliers' declarations the body's services may name.
        #[arg(long)]
        declarations: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Read a workbook over a base body file and write the result as a body file (JSON, which
    /// is also valid YAML). Every row is checked; with any problem nothing is written.
    Import {
        /// The workbook.
        xlsx: PathBuf,
        /// The body file the workbook's sheets replace parts of.
        #[arg(long)]
        base: PathBuf,
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A folder of suppliers' declarations the body's services may name.
        #[arg(long)]
        declarations: Option<PathBuf>,
        /// The body file to write.
        #[arg(long)]
        out: PathBuf,
        /// Leave out the rows with problems (listed) and import the rest.
        #[arg(long)]
        valid_rows_only: bool,
    },
    /// Write the empty workbook to fill in.
    Template {
        #[arg(long)]
        out: PathBuf,
    },
}

fn print(lang: Lang, problems: &[RowProblem]) {
    for p in problems {
        eprintln!("{}: {}", p.place(lang), p.message(lang));
    }
}

fn write(lang: Lang, out: &std::path::Path, bytes: &[u8], key: &str) -> anyhow::Result<()> {
    std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))?;
    let path = out.display().to_string();
    eprintln!("{}", t(lang, key, &[("path", &path)]));
    Ok(())
}

pub fn run(lang: Lang, cmd: XlsxCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        XlsxCommand::Export {
            body_file,
            catalog,
            declarations,
            out,
        } => {
            let Some(l) = load(
                lang,
                &body_file,
                catalog.as_deref(),
                declarations.as_deref(),
            ) else {
                return Ok(ExitCode::FAILURE);
            };
            let bytes = grunnmur_report::export_workspace(&l.doc, lang)?;
            write(lang, &out, &bytes, "cli-xlsx-written")?;
        }
        XlsxCommand::Template { out } => {
            let bytes = grunnmur_report::template(lang)?;
            write(lang, &out, &bytes, "cli-xlsx-written")?;
        }
        XlsxCommand::Import {
            xlsx,
            base,
            catalog,
            declarations,
            out,
            valid_rows_only,
        } => {
            let Some(l) = load(lang, &base, catalog.as_deref(), declarations.as_deref()) else {
                eprintln!("{}", t(lang, "cli-xlsx-base-invalid", &[]));
                return Ok(ExitCode::FAILURE);
            };
            let bytes =
                std::fs::read(&xlsx).with_context(|| format!("reading {}", xlsx.display()))?;
            let opts = ImportOptions {
                valid_rows_only,
                declarations: l.declarations.clone(),
                ..ImportOptions::default()
            };
            match grunnmur_report::import_workspace_with(&bytes, &l.doc, &l.checked.catalog, &opts)
            {
                Ok(imported) => {
                    if !imported.skipped.is_empty() {
                        let n = imported.skipped.len().to_string();
                        eprintln!("{}", t(lang, "cli-xlsx-skipped", &[("count", &n)]));
                        print(lang, &imported.skipped);
                    }
                    let text = serde_json::to_string_pretty(&imported.doc)? + "\n";
                    write(lang, &out, text.as_bytes(), "cli-xlsx-imported")?;
                }
                Err(problems) => {
                    print(lang, &problems);
                    let n = problems.len().to_string();
                    eprintln!("{}", t(lang, "cli-xlsx-refused", &[("count", &n)]));
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
