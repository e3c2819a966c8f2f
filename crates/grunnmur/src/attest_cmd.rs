//! `grunnmur keygen` and `grunnmur attest issue|verify|revoke`: signed baseline attestations
//! (issue 13) from a body file, checked by anyone with the issuer's public keys.

use crate::report_cmd::{self, Loaded};
use clap::Subcommand;
use grunnmur_attest::{
    Jwks, PrivateJwk, PublicJwk, RevocationList, Revoked, Scope, SigningKey, VerifyError,
};
use grunnmur_core::Date;
use grunnmur_i18n::{Lang, t};
use grunnmur_web::attest_api;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum AttestCommand {
    /// Issue a signed attestation of a body's baselines.
    Issue {
        /// The body file (YAML or JSON).
        body_file: PathBuf,
        /// A catalog file or folder (default: the bundled catalog).
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A folder of suppliers' declarations the body's services may name.
        #[arg(long)]
        declarations: Option<PathBuf>,
        /// The private key (a JWK file from `grunnmur keygen`).
        #[arg(long)]
        key: PathBuf,
        /// Attest chosen systems (`system:ID`, repeated) instead of the whole body.
        #[arg(long = "scope")]
        scope: Vec<String>,
        /// The body's risk assessments (JSON), for the number of accepted residual risks.
        #[arg(long)]
        risk: Vec<PathBuf>,
        /// Who issues it, as the attestation names them.
        #[arg(long, default_value = "")]
        issued_by: String,
        /// How many months it is valid.
        #[arg(long, default_value_t = 12)]
        months: u32,
        /// The date of the attestation (default: today).
        #[arg(long)]
        today: Option<String>,
        /// Where to write the attestation (a compact JWS).
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify an attestation: exit 0 with what it says, or 1 with why it does not hold.
    Verify {
        file: PathBuf,
        /// The issuer's public keys (a JWKS file).
        #[arg(long, conflicts_with = "key", required_unless_present = "key")]
        jwks: Option<PathBuf>,
        /// One key file (public or private JWK).
        #[arg(long)]
        key: Option<PathBuf>,
        /// The issuer's signed revocation list.
        #[arg(long)]
        revocations: Option<PathBuf>,
        /// Check as of this date (default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// Revoke an attestation: add its id to the signed revocation list.
    Revoke {
        /// The attestation's id (`jti`).
        #[arg(long)]
        id: String,
        /// The private key that signs the list.
        #[arg(long)]
        key: PathBuf,
        /// The list so far (default: a new one).
        #[arg(long)]
        list: Option<PathBuf>,
        #[arg(long)]
        today: Option<String>,
        #[arg(long)]
        out: PathBuf,
    },
}

fn fail(msg: String) -> anyhow::Result<ExitCode> {
    eprintln!("{msg}");
    Ok(ExitCode::FAILURE)
}

/// A file of outside input, refused unread when larger than any token or key file can be.
fn read(lang: Lang, path: &Path) -> Result<String, String> {
    let max = grunnmur_attest::MAX_TOKEN;
    let size = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if size.len() > max as u64 {
        let args = [
            ("path", path.display().to_string()),
            ("max", max.to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        return Err(t(lang, "cli-attest-too-large", &args));
    }
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn parse<T: serde::de::DeserializeOwned>(lang: Lang, path: &Path) -> Result<T, String> {
    let text = read(lang, path)?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn signing_key(lang: Lang, path: &Path) -> Result<SigningKey, String> {
    let jwk: PrivateJwk = parse(lang, path)?;
    SigningKey::from_jwk(&jwk).map_err(|e| {
        let path = path.display().to_string();
        t(
            lang,
            "cli-attest-bad-key",
            &[("path", &path), ("detail", &e.to_string())],
        )
    })
}

/// The server's signing key: read from `path`, or made there (mode 0600) when it is missing.
/// `true` when it was made.
pub(crate) fn server_key(lang: Lang, path: &Path) -> anyhow::Result<(SigningKey, bool)> {
    if path.exists() {
        return signing_key(lang, path)
            .map(|k| (k, false))
            .map_err(|e| anyhow::anyhow!(e));
    }
    let key = SigningKey::generate()?;
    let private = serde_json::to_string_pretty(&key.to_jwk())?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_private(path, &format!("{private}\n"))
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    Ok((key, true))
}

/// Writes a file only this user can read, refusing to overwrite one.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)?.write_all(text.as_bytes())
}

fn day(lang: Lang, today: Option<&str>) -> Option<Date> {
    report_cmd::today(lang, today)
}

/// The day to sign on and the private key; each problem printed.
fn day_and_key(lang: Lang, today: Option<&str>, key: &Path) -> Option<(Date, SigningKey)> {
    let today = day(lang, today)?;
    match signing_key(lang, key) {
        Ok(k) => Some((today, k)),
        Err(e) => {
            eprintln!("{e}");
            None
        }
    }
}

fn write_token(out: &Path, jws: &str) -> Result<(), String> {
    std::fs::write(out, format!("{jws}\n")).map_err(|e| format!("{}: {e}", out.display()))
}

pub fn keygen(lang: Lang, out: &Path) -> anyhow::Result<ExitCode> {
    let key = SigningKey::generate()?;
    let private = serde_json::to_string_pretty(&key.to_jwk())?;
    if let Err(e) = write_private(out, &format!("{private}\n")) {
        return fail(format!("{}: {e}", out.display()));
    }
    println!("{}", serde_json::to_string_pretty(&key.public())?);
    eprintln!(
        "{}",
        t(
            lang,
            "cli-keygen-written",
            &[("path", &out.display().to_string()), ("kid", &key.kid)]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run(lang: Lang, command: AttestCommand) -> anyhow::Result<ExitCode> {
    match command {
        AttestCommand::Issue {
            body_file,
            catalog,
            declarations,
            key,
            scope,
            risk,
            issued_by,
            months,
            today,
            out,
        } => {
            let Some((today, key)) = day_and_key(lang, today.as_deref(), &key) else {
                return Ok(ExitCode::FAILURE);
            };
            let scope = if scope.is_empty() {
                Scope::Body
            } else {
                let mut ids = Vec::new();
                for s in &scope {
                    match s.strip_prefix("system:") {
                        Some(id) if !id.is_empty() => ids.push(id.to_string()),
                        _ => return fail(t(lang, "cli-attest-scope", &[("value", s)])),
                    }
                }
                Scope::Systems(ids)
            };
            let Some(l) = report_cmd::load(
                lang,
                &body_file,
                catalog.as_deref(),
                declarations.as_deref(),
            ) else {
                return Ok(ExitCode::FAILURE);
            };
            let accepted = match accepted_risks(lang, &risk, &l) {
                Some(n) => n,
                None => return Ok(ExitCode::FAILURE),
            };
            let cat = &l.checked.catalog;
            let a = grunnmur_core::assess(cat, &l.ws, today);
            let report = grunnmur_core::report::AssessReport::without_trails(cat, &l.ws, &a, today);
            let id = grunnmur_attest::new_id()?;
            let att = match grunnmur_attest::attestation(
                cat, &report, scope, &id, &issued_by, today, months, accepted,
            ) {
                Ok(a) => a,
                Err(system) => {
                    return fail(t(lang, "cli-attest-unknown-system", &[("system", &system)]));
                }
            };
            if let Err(e) = write_token(&out, &grunnmur_attest::sign(&att, &key)) {
                return fail(e);
            }
            println!("{}", summary(lang, &att, &key.kid));
            Ok(ExitCode::SUCCESS)
        }
        AttestCommand::Verify {
            file,
            jwks,
            key,
            revocations,
            today,
        } => {
            let Some(today) = day(lang, today.as_deref()) else {
                return Ok(ExitCode::FAILURE);
            };
            let keys: Vec<PublicJwk> = match (jwks, key) {
                (Some(p), _) => match parse::<Jwks>(lang, &p) {
                    Ok(j) => j.keys,
                    Err(e) => return fail(e),
                },
                (None, Some(p)) => match parse::<PublicJwk>(lang, &p) {
                    Ok(k) => vec![k],
                    Err(e) => return fail(e),
                },
                (None, None) => return fail(t(lang, "cli-attest-no-keys", &[])),
            };
            let list = match revocations {
                None => None,
                Some(p) => {
                    match read(lang, &p)
                        .map(|text| grunnmur_attest::verify_revocations(&text, &keys))
                    {
                        Ok(Ok(list)) => Some(list),
                        Ok(Err(e)) => return fail(why(lang, &e, &p)),
                        Err(e) => return fail(e),
                    }
                }
            };
            let token = match read(lang, &file) {
                Ok(t) => t,
                Err(e) => return fail(e),
            };
            let now = today.days_since_epoch() * 86_400;
            match grunnmur_attest::verify(&token, &keys, now, list.as_ref()) {
                Ok(v) => {
                    println!("{}", summary(lang, &v.attestation, &v.kid));
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => fail(why(lang, &e, &file)),
            }
        }
        AttestCommand::Revoke {
            id,
            key,
            list,
            today,
            out,
        } => {
            let Some((today, key)) = day_and_key(lang, today.as_deref(), &key) else {
                return Ok(ExitCode::FAILURE);
            };
            let mut revoked = match list {
                None => RevocationList {
                    iss: "grunnmur".into(),
                    ..RevocationList::default()
                },
                Some(p) => match read(lang, &p)
                    .map(|text| grunnmur_attest::verify_revocations(&text, &[key.public()]))
                {
                    Ok(Ok(l)) => l,
                    Ok(Err(e)) => return fail(why(lang, &e, &p)),
                    Err(e) => return fail(e),
                },
            };
            if !revoked.revoked.iter().any(|r| r.jti == id) {
                revoked.revoked.push(Revoked {
                    jti: id.clone(),
                    date: today.to_string(),
                });
            }
            revoked.iat = today.days_since_epoch() * 86_400;
            if let Err(e) = write_token(&out, &grunnmur_attest::sign_revocations(&revoked, &key)) {
                return fail(e);
            }
            println!(
                "{}",
                t(
                    lang,
                    "cli-attest-revoked",
                    &[("id", &id), ("n", &revoked.revoked.len().to_string())]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Risks in the given risk assessments that their owner accepted.
fn accepted_risks(lang: Lang, paths: &[PathBuf], l: &Loaded) -> Option<usize> {
    let mut n = 0;
    for p in paths {
        let ra = report_cmd::load_risk(lang, p, l)?;
        if ra.acceptance.is_some() {
            n += ra.risks.len();
        }
    }
    Some(n)
}

/// Why an attestation does not hold, in words, naming the file.
fn why(lang: Lang, e: &VerifyError, file: &Path) -> String {
    format!("{}: {}", file.display(), attest_api::why(lang, e))
}

/// What an attestation says, in words.
fn summary(lang: Lang, a: &grunnmur_attest::Attestation, kid: &str) -> String {
    attest_api::summary(lang, a, kid).join("\n")
}
