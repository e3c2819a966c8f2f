//! `grunnmur oscal resolve | export | ssp | import-catalog`: OSCAL exchange (docs/OSCAL.md).

use crate::catalog_cmd::load_or_report;
use crate::output::print_problems;
use anyhow::Context;
use clap::Subcommand;
use grunnmur_catalog::{Source, check_catalog};
use grunnmur_i18n::{Lang, t};
use grunnmur_oscal::export::{self, ExportOptions};
use grunnmur_oscal::import::{ImportOptions, import_catalog};
use grunnmur_oscal::load::without_content;
use grunnmur_oscal::model::Catalog;
use grunnmur_oscal::{
    Document, FsLoader, Loader, OscalError, ResolveOptions, Warning, resolve_confined,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum OscalCommand {
    /// Resolve an OSCAL profile (JSON or YAML) into a catalog, as NIST's profile resolution
    /// specification describes.
    Resolve {
        profile: PathBuf,
        /// Write the resolved catalog here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// A folder whose documents imports may name besides the profile's own folder
        /// (repeatable). Nothing else is read: no absolute path, `file:` URL or `..` out.
        #[arg(long = "allow-path", value_name = "DIR")]
        allow_path: Vec<PathBuf>,
    },
    /// Export the measure bank as an OSCAL catalog, and BN1-BN3 and every sector profile (at
    /// each baseline) as OSCAL profiles, into a folder. Texts in the language of --lang.
    Export {
        /// Catalog folder or file; the bundled catalog when left out.
        #[arg(long)]
        catalog: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Export a body's systems as OSCAL system security plans (one file per system).
    Ssp {
        /// The body file (YAML or JSON).
        body_file: PathBuf,
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A folder of suppliers' declarations the body's services may name.
        #[arg(long)]
        declarations: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// The date that decides what is overdue (YYYY-MM-DD); today when left out.
        #[arg(long)]
        today: Option<String>,
    },
    /// Write a supplier's declaration (YAML or JSON, checked against the catalog) as an OSCAL
    /// 1.1 component definition: a component per service, `supplier` as provided, `shared` as
    /// provided plus the customer's responsibility. `assess --declarations` and the API read
    /// the result back as the same declaration.
    ExportDeclaration {
        declaration: PathBuf,
        #[arg(long)]
        catalog: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Turn an OSCAL catalog into a measure bank (a catalog file `grunnmur assess --catalog`
    /// reads), with up to three profiles as BN1, BN2, BN3.
    ImportCatalog {
        catalog: PathBuf,
        /// Profiles (comma-separated) whose selections become BN1, BN2 and BN3, e.g.
        /// LOW,MODERATE,HIGH baselines.
        #[arg(long, value_delimiter = ',')]
        baseline_profiles: Vec<PathBuf>,
        /// The catalog whose tasks, information types and activities the result keeps; the
        /// bundled one when left out.
        #[arg(long)]
        base_catalog: Option<PathBuf>,
        /// Keep the base catalog's measures and profiles beside the imported measures.
        #[arg(long)]
        beside: bool,
        /// A folder whose documents the baseline profiles' imports may name besides each
        /// profile's own folder (repeatable).
        #[arg(long = "allow-path", value_name = "DIR")]
        allow_path: Vec<PathBuf>,
        /// Id of the resulting catalog.
        #[arg(long, default_value = "oscal")]
        id: String,
        /// Write the catalog (JSON) here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    grunnmur_oscal::timestamp_from_unix(secs)
}

fn warn(lang: Lang, warnings: &[Warning]) {
    let w = t(lang, "severity-warning", &[]);
    for x in warnings {
        eprintln!("{}: {w}: {}", x.place, x.message);
    }
}

fn fail(lang: Lang, e: &OscalError, key: &str) -> ExitCode {
    eprintln!("{}: {e}", t(lang, "severity-error", &[]));
    eprintln!("{}", t(lang, key, &[]));
    ExitCode::FAILURE
}

fn key_of(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Standard output that a closed pipe (`| head`) does not turn into a panic.
fn print_out(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"));
}

fn export_declaration(
    lang: Lang,
    path: &Path,
    catalog: Option<&Path>,
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let (checked, problems) = grunnmur_catalog::load_catalog(catalog);
    let Some(checked) = checked else {
        print_problems(lang, &problems);
        return Ok(ExitCode::FAILURE);
    };
    let src = match grunnmur_catalog::files::read_source(path) {
        Ok(s) => s,
        Err(p) => {
            print_problems(lang, &[p]);
            return Ok(ExitCode::FAILURE);
        }
    };
    let declared = match grunnmur_oscal::component::read_any_declaration(&src, &checked.catalog) {
        Ok(d) => d,
        Err(p) => {
            print_problems(lang, &p);
            eprintln!("{}", t(lang, "cli-declarations-invalid", &[]));
            return Ok(ExitCode::FAILURE);
        }
    };
    print_problems(lang, &declared.warnings);
    let opts = ExportOptions {
        lang: lang.code().into(),
        timestamp: now(),
        ..ExportOptions::default()
    };
    let doc = grunnmur_oscal::component::component_definition(&declared.doc, &opts);
    write_json(out, &doc)?;
    let services = declared.doc.services.len().to_string();
    let args = [
        ("id", declared.doc.declaration.id.as_str()),
        ("services", services.as_str()),
    ];
    eprintln!("{}", t(lang, "oscal-declaration-written", &args));
    Ok(ExitCode::SUCCESS)
}

fn write_json(path: &Path, v: &impl serde::Serialize) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(v)?;
    std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))
}

fn resolve_file(path: &Path, allow: &[PathBuf]) -> Result<grunnmur_oscal::Resolved, OscalError> {
    let opts = ResolveOptions {
        timestamp: now(),
        ..ResolveOptions::default()
    };
    resolve_confined(&key_of(path), allow, &opts)
}

pub fn run(lang: Lang, cmd: OscalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        OscalCommand::Resolve {
            profile,
            out,
            allow_path,
        } => {
            let r = match resolve_file(&profile, &allow_path) {
                Ok(r) => r,
                Err(e) => return Ok(fail(lang, &e, "oscal-resolve-failed")),
            };
            warn(lang, &r.warnings);
            let doc = Document::Catalog(r.catalog);
            match out {
                Some(out) => {
                    write_json(&out, &doc)?;
                    let Document::Catalog(c) = &doc else {
                        unreachable!()
                    };
                    let n = c.control_ids().len().to_string();
                    let p = profile.display().to_string();
                    eprintln!(
                        "{}",
                        t(lang, "oscal-resolved", &[("profile", &p), ("controls", &n)])
                    );
                }
                None => print_out(&serde_json::to_string_pretty(&doc)?),
            }
            Ok(ExitCode::SUCCESS)
        }
        OscalCommand::Export { catalog, out } => {
            let Some(checked) = load_or_report(lang, catalog.as_deref()) else {
                return Ok(ExitCode::FAILURE);
            };
            let opts = ExportOptions {
                lang: lang.code().into(),
                timestamp: now(),
                ..ExportOptions::default()
            };
            std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
            let docs = export::export_all(&checked.doc, &opts);
            for e in &docs {
                write_json(&out.join(&e.file), &e.document)?;
            }
            let (n, dir) = (docs.len().to_string(), out.display().to_string());
            eprintln!(
                "{}",
                t(lang, "oscal-exported", &[("count", &n), ("dir", &dir)])
            );
            Ok(ExitCode::SUCCESS)
        }
        OscalCommand::Ssp {
            body_file,
            catalog,
            declarations,
            out,
            today,
        } => ssp(
            lang,
            (&body_file, catalog.as_deref(), declarations.as_deref()),
            &out,
            today.as_deref(),
        ),
        OscalCommand::ExportDeclaration {
            declaration,
            catalog,
            out,
        } => export_declaration(lang, &declaration, catalog.as_deref(), &out),
        OscalCommand::ImportCatalog {
            catalog,
            baseline_profiles,
            base_catalog,
            beside,
            allow_path,
            id,
            out,
        } => {
            if baseline_profiles.len() > 3 {
                let n = baseline_profiles.len().to_string();
                eprintln!("{}", t(lang, "oscal-too-many-baselines", &[("count", &n)]));
                return Ok(ExitCode::FAILURE);
            }
            let source = match FsLoader.load(&key_of(&catalog)) {
                Ok(Document::Catalog(c)) => c,
                Ok(d) => {
                    let e = OscalError::WrongModel {
                        href: catalog.display().to_string(),
                        expected: "catalog".into(),
                        found: d.kind().into(),
                    };
                    return Ok(fail(lang, &e, "oscal-import-failed"));
                }
                Err(e) => return Ok(fail(lang, &without_content(e), "oscal-import-failed")),
            };
            let mut baselines: Vec<Catalog> = Vec::new();
            for p in &baseline_profiles {
                match resolve_file(p, &allow_path) {
                    Ok(r) => {
                        warn(lang, &r.warnings);
                        baselines.push(r.catalog);
                    }
                    Err(e) => return Ok(fail(lang, &e, "oscal-import-failed")),
                }
            }
            let Some(base) = load_or_report(lang, base_catalog.as_deref()) else {
                return Ok(ExitCode::FAILURE);
            };
            let refs: Vec<&Catalog> = baselines.iter().collect();
            let opts = ImportOptions { id, beside };
            let imported = match import_catalog(&source, &refs, &base.doc, &opts) {
                Ok(i) => i,
                Err(e) => return Ok(fail(lang, &e, "oscal-import-failed")),
            };
            warn(lang, &imported.warnings);
            let text = serde_json::to_string_pretty(&imported.doc)?;
            let name = out
                .as_ref()
                .map_or("-".to_string(), |o| o.display().to_string());
            let (checked, problems) = check_catalog(&[Source {
                name,
                text: text.clone(),
            }]);
            if checked.is_none() {
                print_problems(lang, &problems);
                eprintln!("{}", t(lang, "oscal-import-invalid", &[]));
                return Ok(ExitCode::FAILURE);
            }
            match &out {
                Some(o) => std::fs::write(o, text + "\n")
                    .with_context(|| format!("writing {}", o.display()))?,
                None => print_out(&text),
            }
            let c = imported.counts;
            let s = |n: usize| n.to_string();
            let cat = catalog.display().to_string();
            eprintln!(
                "{}",
                t(
                    lang,
                    "oscal-imported",
                    &[
                        ("measures", &s(c.iter().sum())),
                        ("catalog", &cat),
                        ("bn1", &s(c[0])),
                        ("bn2", &s(c[1])),
                        ("bn3", &s(c[2])),
                        ("extra", &s(c[3])),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn ssp(
    lang: Lang,
    (body_file, catalog, declarations): (&Path, Option<&Path>, Option<&Path>),
    out: &Path,
    today: Option<&str>,
) -> anyhow::Result<ExitCode> {
    // The same loading as assess, report and xlsx.
    let Some(today) = crate::report_cmd::today(lang, today) else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(crate::report_cmd::Loaded {
        checked,
        ws,
        declarations,
        ..
    }) = crate::report_cmd::load(lang, body_file, catalog, declarations)
    else {
        return Ok(ExitCode::FAILURE);
    };
    let a = grunnmur_core::assess(&checked.catalog, &ws, today);
    let opts = ExportOptions {
        lang: lang.code().into(),
        timestamp: now(),
        ..ExportOptions::default()
    };
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let plans = grunnmur_oscal::ssp::system_security_plans(
        &checked.doc,
        &checked.catalog,
        &ws,
        &a,
        &declarations,
        &opts,
    );
    for (file, doc) in &plans {
        write_json(&out.join(file), doc)?;
    }
    let n = plans.len().to_string();
    eprintln!(
        "{}",
        t(
            lang,
            "oscal-ssp-written",
            &[("org", &ws.org.name), ("systems", &n)]
        )
    );
    Ok(ExitCode::SUCCESS)
}
