//! The `grunnmur` command: wires the catalog, engine and views together. Each command reads
//! its inputs, runs the same code paths the server will, and prints a view.

// OSCAL documents, catalogs and reports are many small strings: mimalloc allocates and frees
// them at a fraction of the cost of the system allocator (docs/PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod access_cmd;
mod attest_cmd;
mod catalog_cmd;
mod digest_cmd;
mod draft_import_cmd;
mod load_cmd;
mod oscal_cmd;
mod output;
mod password_cmd;
mod report_cmd;
mod server_cmd;
mod table;
mod xlsx_cmd;

use clap::{Parser, Subcommand, ValueEnum};
use grunnmur_core::Date;
use grunnmur_i18n::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "grunnmur",
    version,
    about = "Felles sikkerhet i forvaltningen — shared information security for Norwegian public bodies"
)]
struct Cli {
    /// Language of messages and tables: nb (bokmål, default), nn (nynorsk) or en.
    #[arg(long, global = true, env = "GRUNNMUR_LANG", default_value = "nb", value_parser = parse_lang)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language '{s}' (nb, nn or en)"))
}

#[derive(Clone, Copy, ValueEnum)]
enum AssessFormat {
    Json,
    Table,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Run the engine on a body file: levels, required measures, deviations, risk-assessment list.
    Assess {
        /// The body file (YAML or JSON).
        body_file: PathBuf,
        /// Catalog folder or file; the bundled catalog when left out.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A folder of suppliers' declarations (YAML or JSON) the body's services may name.
        #[arg(long)]
        declarations: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "json")]
        format: AssessFormat,
        /// The date that decides what is overdue (YYYY-MM-DD); today when left out.
        #[arg(long)]
        today: Option<String>,
    },
    /// Work with the catalog as code.
    Catalog {
        #[command(subcommand)]
        command: catalog_cmd::CatalogCommand,
    },
    /// Run the server: REST API (and web application) over the embedded SQLite database or
    /// PostgreSQL.
    Serve(server_cmd::ServeArgs),
    /// Local accounts and roles.
    User {
        #[command(subcommand)]
        command: server_cmd::UserCommand,
    },
    /// Platform roles: catalog editors (publish catalog releases) and platform administrators.
    Platform {
        #[command(subcommand)]
        command: server_cmd::PlatformCommand,
    },
    /// API tokens for machine clients.
    Token {
        #[command(subcommand)]
        command: access_cmd::TokenCommand,
    },
    /// The audit log.
    Audit {
        #[command(subcommand)]
        command: server_cmd::AuditCommand,
    },
    /// Send today's digest of open work with a deadline to everyone who owns some (what the
    /// server sends daily with --smtp-url), or print it with --dry-run.
    Digest(digest_cmd::DigestArgs),
    /// A consistent snapshot of the SQLite database while the server runs.
    Backup {
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        store: server_cmd::StoreArgs,
    },
    /// Load what `grunnmur gen --out DIR` wrote (catalog, suppliers' declarations, bodies) into
    /// the store, and derive every body's contribution to the figures across bodies. Serve it
    /// with `--catalog DIR/catalog.json`.
    Load(load_cmd::LoadArgs),
    /// Restore an SQLite snapshot into the data folder (stop the server first).
    Restore {
        file: PathBuf,
        #[command(flatten)]
        store: server_cmd::StoreArgs,
    },
    /// OSCAL exchange: export, profile resolution, import.
    Oscal {
        #[command(subcommand)]
        command: oscal_cmd::OscalCommand,
    },
    /// Write a report: the status report for management or the measure plan, as PDF, XLSX or HTML.
    Report(report_cmd::ReportArgs),
    /// Make an Ed25519 signing key for attestations: a private JWK file (mode 0600); prints the
    /// public JWK.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Signed baseline attestations: issue, verify, revoke.
    Attest {
        #[command(subcommand)]
        command: attest_cmd::AttestCommand,
    },
    /// A body's workspace as a spreadsheet: export, import, template.
    Xlsx {
        #[command(subcommand)]
        command: xlsx_cmd::XlsxCommand,
    },
    /// Write a deterministic synthetic catalog, suppliers' declarations and body files
    /// (national-scale test data).
    Gen {
        /// Folder to write catalog.json, declarations/*.json and bodies/*.json into.
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 600)]
        bodies: usize,
        #[arg(long, default_value_t = 300)]
        systems: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    let result = match cli.command {
        Command::Assess {
            body_file,
            catalog,
            declarations,
            format,
            today,
        } => assess(
            lang,
            &body_file,
            catalog.as_deref(),
            declarations.as_deref(),
            format,
            today.as_deref(),
        ),
        Command::Catalog { command } => catalog_cmd::run(lang, command),
        Command::Oscal { command } => oscal_cmd::run(lang, command),
        Command::Serve(args) => server_cmd::serve(lang, args),
        Command::User { command } => server_cmd::user(lang, command),
        Command::Platform { command } => server_cmd::platform(lang, command),
        Command::Token { command } => access_cmd::token(lang, command),
        Command::Audit { command } => server_cmd::audit(lang, command),
        Command::Digest(args) => digest_cmd::run(lang, args),
        Command::Backup { out, store } => server_cmd::backup(lang, store, out),
        Command::Restore { file, store } => server_cmd::restore(lang, store, file),
        Command::Load(args) => load_cmd::load(lang, args),
        Command::Report(args) => report_cmd::run(lang, args),
        Command::Keygen { out } => attest_cmd::keygen(lang, &out),
        Command::Attest { command } => attest_cmd::run(lang, command),
        Command::Xlsx { command } => xlsx_cmd::run(lang, command),
        Command::Gen {
            out,
            bodies,
            systems,
            seed,
        } => generate(&out, bodies, systems, seed),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("grunnmur: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn today_utc() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

fn assess(
    lang: Lang,
    body_file: &std::path::Path,
    catalog: Option<&std::path::Path>,
    declarations: Option<&std::path::Path>,
    format: AssessFormat,
    today: Option<&str>,
) -> anyhow::Result<ExitCode> {
    // The same loading as every command that reads a body file (report, xlsx).
    let Some(today) = report_cmd::today(lang, today) else {
        return Ok(ExitCode::FAILURE);
    };
    let Some(report_cmd::Loaded { checked, ws, .. }) =
        report_cmd::load(lang, body_file, catalog, declarations)
    else {
        return Ok(ExitCode::FAILURE);
    };
    let cat = &checked.catalog;
    let a = grunnmur_core::assess(cat, &ws, today);
    let report = grunnmur_core::report::AssessReport::new(cat, &ws, &a, today);
    match format {
        AssessFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        AssessFormat::Table => print!("{}", table::assessment(lang, &report)),
    }
    Ok(ExitCode::SUCCESS)
}

fn generate(
    out: &std::path::Path,
    bodies: usize,
    systems: usize,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let spec = grunnmur_synth::Spec {
        seed,
        bodies,
        systems_per_body: systems,
        ..grunnmur_synth::Spec::national()
    };
    let doc = grunnmur_synth::catalog_doc(&spec);
    let dir = out.join("bodies");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let write = |path: PathBuf, v: String| {
        std::fs::write(&path, v).with_context(|| format!("writing {}", path.display()))
    };
    write(out.join("catalog.json"), serde_json::to_string(&doc)?)?;
    // The declarations the bodies' services name: `assess --declarations DIR/declarations`.
    let decls = out.join("declarations");
    std::fs::create_dir_all(&decls).with_context(|| format!("creating {}", decls.display()))?;
    for d in 0..spec.declarations {
        let decl = grunnmur_synth::declaration_doc(&spec, &doc, d);
        write(
            decls.join(format!("{}.json", decl.declaration.id)),
            serde_json::to_string(&decl)?,
        )?;
    }
    for n in 0..bodies {
        let body = grunnmur_synth::body_doc(&spec, &doc, n);
        write(
            dir.join(format!("body-{n:04}.json")),
            serde_json::to_string(&body)?,
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
