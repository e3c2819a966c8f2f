//! `grunnmur catalog validate | show | diff | stats | draft-import`.

use crate::TextOrJson;
use crate::output::print_problems;
use clap::Subcommand;
use grunnmur_catalog::{CheckedCatalog, Mode, load_catalog, load_catalog_as};
use grunnmur_i18n::{Lang, t};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum CatalogCommand {
    /// Check a catalog folder or file and report every problem with file and line.
    Validate {
        path: PathBuf,
        /// Treat warnings (lints) as errors.
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Print the merged, checked catalog (the bundled one without PATH).
    Show {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: ShowFormat,
    },
    /// Semantic diff: added, removed and changed entries, level changes.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Counts per section, baseline, activity, kind, purpose; NSM and ISO/IEC 27002 coverage.
    Stats {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "text")]
        format: TextOrJson,
    },
    /// Upload a folder of catalog files to the open draft of the same catalog and version on a
    /// server, entry by entry: what differs is changed (or proposed, for another owner's
    /// entries) and what the folder no longer has is removed.
    DraftImport(crate::draft_import_cmd::DraftImportArgs),
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ShowFormat {
    Json,
}

pub fn run(lang: Lang, cmd: CatalogCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        CatalogCommand::Validate {
            path,
            strict,
            format,
        } => {
            let (checked, problems) = load_catalog(Some(&path));
            let failed = checked.is_none() || (strict && !problems.is_empty());
            if format == TextOrJson::Json {
                println!("{}", serde_json::to_string_pretty(&problems)?);
            } else {
                print_problems(lang, &problems);
                if let Some(c) = checked.as_ref().filter(|_| !failed) {
                    println!("{}", ok_line(lang, c));
                } else if strict && checked.is_some() {
                    eprintln!("{}", t(lang, "cli-strict-failed", &[]));
                }
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        CatalogCommand::Show { path, format: _ } => {
            let Some(c) = load_release_or_report(lang, path.as_deref()) else {
                return Ok(ExitCode::FAILURE);
            };
            println!("{}", serde_json::to_string_pretty(&c.doc)?);
            Ok(ExitCode::SUCCESS)
        }
        CatalogCommand::Diff { old, new, format } => {
            let (Some(a), Some(b)) = (
                load_release_or_report(lang, Some(&old)),
                load_release_or_report(lang, Some(&new)),
            ) else {
                return Ok(ExitCode::FAILURE);
            };
            let d = grunnmur_catalog::diff::diff(&a.doc, &b.doc);
            if format == TextOrJson::Json {
                println!("{}", serde_json::to_string_pretty(&d)?);
            } else {
                print!("{}", diff_text(lang, &d));
            }
            Ok(ExitCode::SUCCESS)
        }
        CatalogCommand::DraftImport(args) => crate::draft_import_cmd::run(lang, args),
        CatalogCommand::Stats { path, format } => {
            let Some(c) = load_release_or_report(lang, path.as_deref()) else {
                return Ok(ExitCode::FAILURE);
            };
            let s = grunnmur_catalog::stats::stats(&c.doc);
            if format == TextOrJson::Json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                let names = grunnmur_catalog::stats::names(&c.doc, lang.code());
                let owners = grunnmur_catalog::stats::owner_names(&c.doc, lang.code());
                print!("{}", stats_text(lang, &s, &names, &owners));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub(crate) fn load_or_report(lang: Lang, path: Option<&Path>) -> Option<CheckedCatalog> {
    report(lang, load_catalog(path))
}

/// A catalog read as a published release is ([`Mode::Published`]): `show`, `diff` and
/// `stats` also read the folder of a release published before catalogs named their owners.
fn load_release_or_report(lang: Lang, path: Option<&Path>) -> Option<CheckedCatalog> {
    report(lang, load_catalog_as(path, Mode::Published))
}

fn report(
    lang: Lang,
    (checked, problems): (Option<CheckedCatalog>, Vec<grunnmur_catalog::Problem>),
) -> Option<CheckedCatalog> {
    if checked.is_none() {
        print_problems(lang, &problems);
        eprintln!("{}", t(lang, "cli-catalog-invalid", &[]));
    }
    checked
}

fn ok_line(lang: Lang, c: &CheckedCatalog) -> String {
    let d = &c.doc;
    let n = |x: usize| x.to_string();
    t(
        lang,
        "cli-catalog-ok",
        &[
            ("id", &d.catalog.id),
            ("version", &d.catalog.version),
            ("info_types", &n(d.info_types.len())),
            ("tasks", &n(d.tasks.len())),
            ("measures", &n(d.measures.len())),
            ("profiles", &n(d.profiles.len())),
        ],
    )
}

fn diff_text(lang: Lang, d: &grunnmur_catalog::diff::CatalogDiff) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    if d.is_empty() {
        let _ = writeln!(out, "{}", t(lang, "cli-diff-none", &[]));
        return out;
    }
    if d.old_version != d.new_version {
        let args = [
            ("old", d.old_version.as_str()),
            ("new", d.new_version.as_str()),
        ];
        let _ = writeln!(out, "{}", t(lang, "cli-diff-version", &args));
    }
    let (added, removed, changed) = (
        t(lang, "cli-diff-added", &[]),
        t(lang, "cli-diff-removed", &[]),
        t(lang, "cli-diff-changed", &[]),
    );
    for s in &d.sections {
        let _ = writeln!(out, "\n{}", s.section);
        for id in &s.added {
            let _ = writeln!(out, "  + {id} ({added})");
        }
        for id in &s.removed {
            let _ = writeln!(out, "  - {id} ({removed})");
        }
        for c in &s.changed {
            let _ = writeln!(out, "  ~ {} ({changed}: {})", c.id, c.fields.join(", "));
            for l in &c.levels {
                let _ = writeln!(out, "      {}: {} → {}", l.field, l.from, l.to);
            }
        }
    }
    out
}

/// `catalog stats` as text; activities and requirements by name (`names`), owners by name
/// (`owners`), with their ids.
fn stats_text(
    lang: Lang,
    s: &grunnmur_catalog::stats::Stats,
    names: &std::collections::BTreeMap<String, String>,
    owners: &std::collections::BTreeMap<String, String>,
) -> String {
    use grunnmur_catalog::stats::labelled;
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "stats-title",
            &[("id", &s.id), ("version", &s.version)]
        )
    );
    let mut line = |key: &str, v: String| {
        let _ = writeln!(out, "  {:<44} {v}", t(lang, key, &[]));
    };
    let map = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    line("stats-info-types", s.info_types.to_string());
    line("stats-tasks", s.tasks.to_string());
    line("stats-tasks-by-kind", map(&s.tasks_by_audience));
    line("stats-measures", s.measures.to_string());
    line("stats-by-baseline", map(&s.by_baseline));
    line("stats-by-activity", labelled(&s.by_activity, names));
    line("stats-by-kind", map(&s.by_kind));
    line("stats-by-purpose", map(&s.by_purpose));
    line("stats-by-scope", map(&s.by_scope));
    line("stats-profile-only", s.profile_only.to_string());
    line("stats-profiles", s.profiles.to_string());
    line("stats-requirements", s.requirements.to_string());
    let missing = |v: &[String]| {
        if v.is_empty() {
            String::new()
        } else {
            format!(" (− {})", v.join(", "))
        }
    };
    line(
        "stats-nsm",
        format!("{}/21{}", s.nsm_covered, missing(&s.nsm_missing)),
    );
    line(
        "stats-iso",
        format!("{}/93{}", s.iso27002_covered, missing(&s.iso27002_missing)),
    );
    line("stats-evidence", format!("{}/{}", s.evidence, s.measures));
    line("stats-required-by", s.required_by.to_string());
    line(
        "stats-required-by-requirement",
        labelled(&s.required_by_requirement, names),
    );
    for (source, r) in &s.refs_by_source {
        let args = [
            ("measures", r.measures.to_string()),
            ("references", r.references.to_string()),
            ("distinct", r.distinct.to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let label = t(lang, "stats-refs-source", &[("source", source.as_str())]);
        let _ = writeln!(out, "  {label:<44} {}", t(lang, "stats-refs-counts", &args));
    }
    let totals = (s.by_owner.iter())
        .map(|(k, c)| (k.clone(), c.entries))
        .collect();
    let _ = writeln!(
        out,
        "  {:<44} {}",
        t(lang, "stats-by-owner", &[]),
        labelled(&totals, owners)
    );
    for (id, c) in &s.by_owner {
        let name = owners.get(id).map_or(id.clone(), |n| format!("{n} ({id})"));
        let _ = writeln!(out, "    {name:<42} {}", map(&c.by_section));
    }
    if s.without_owner > 0 {
        let _ = writeln!(
            out,
            "  {:<44} {}",
            t(lang, "stats-without-owner", &[]),
            s.without_owner
        );
    }
    out
}
