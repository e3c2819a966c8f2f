//! The follow-up digest by e-mail: the server's daily round (`serve --smtp-url`) and
//! `grunnmur digest`, which sends (or, with `--dry-run`, prints) the same messages at once.
//! Both call `grunnmur_ui::digest`.

use crate::server_cmd::{StoreArgs, runtime};
use clap::Args;
use grunnmur_i18n::{Lang, t};
use grunnmur_mail::Mailer;
use grunnmur_web::AppState;
use std::process::ExitCode;
use std::sync::Arc;

/// E-mail: the daily digest of open work with a deadline, to everyone who owns some.
#[derive(Args, Clone)]
pub struct MailArgs {
    /// The SMTP server: smtp://host:25 (in the clear), smtp://host:587?tls=required
    /// (STARTTLS) or smtps://host:465, with user:password@ before the host when it wants a
    /// login. Without it, no e-mail is sent.
    #[arg(long, env = "GRUNNMUR_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender's address.
    #[arg(long, env = "GRUNNMUR_SMTP_FROM", default_value = "grunnmur@localhost")]
    pub smtp_from: String,
    /// The hour of the day (in --time-zone) from which the day's digest goes out.
    #[arg(long, env = "GRUNNMUR_DIGEST_HOUR", default_value_t = 7,
        value_parser = clap::value_parser!(i8).range(0..=23))]
    pub digest_hour: i8,
}

impl MailArgs {
    fn mailer(&self) -> anyhow::Result<Option<Mailer>> {
        match &self.smtp_url {
            None => Ok(None),
            Some(url) => Ok(Some(Mailer::new(url, &self.smtp_from)?)),
        }
    }
}

/// Starts the server's daily round when SMTP is configured: every few minutes, once the hour
/// has come, the first server to claim the day sends its digests.
pub fn spawn_daily(lang: Lang, state: AppState, args: &MailArgs) -> anyhow::Result<()> {
    let Some(mailer) = args.mailer()? else {
        return Ok(());
    };
    println!(
        "{}",
        t(
            lang,
            "digest-serve-on",
            &[("hour", &args.digest_hour.to_string())]
        )
    );
    let hour = args.digest_hour;
    let mailer = Arc::new(mailer);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            tick.tick().await;
            let Some(day) = grunnmur_ui::digest::day_due(&state.config.time_zone, hour) else {
                continue;
            };
            match state.store.claim_digest_day(&day).await {
                Ok(true) => match grunnmur_ui::digest::send(&state, &mailer).await {
                    Ok(n) => tracing::info!(day, sent = n, "digest sent"),
                    Err(e) => tracing::error!(day, error = ?e, "digest failed"),
                },
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "digest: the day could not be claimed"),
            }
        }
    });
    Ok(())
}

#[derive(Args)]
pub struct DigestArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    #[command(flatten)]
    pub mail: MailArgs,
    /// The address links in the messages start with (as `serve --public-url`).
    #[arg(long, env = "GRUNNMUR_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Print the messages instead of sending them.
    #[arg(long)]
    pub dry_run: bool,
}

/// `grunnmur digest`: today's digests, sent now (and the day claimed, so a server does not
/// send them again) or printed.
pub fn run(lang: Lang, args: DigestArgs) -> anyhow::Result<ExitCode> {
    let (release, problems) = grunnmur_catalog::load_release(None);
    let Some((checked, _)) = release else {
        crate::output::print_problems(lang, &problems);
        return Ok(ExitCode::FAILURE);
    };
    let mailer = args.mail.mailer()?;
    if mailer.is_none() && !args.dry_run {
        anyhow::bail!("{}", t(lang, "digest-cli-no-smtp", &[]));
    }
    runtime()?.block_on(async move {
        let (store, _) = args.store.open_keyed(false).await?;
        let config = grunnmur_web::Config {
            public_url: args.public_url.clone(),
            ..Default::default()
        };
        let state = AppState::new(store, Arc::new(checked), config);
        let ui = |e: grunnmur_ui::page::PageError| anyhow::anyhow!("{e:?}");
        match mailer {
            Some(m) if !args.dry_run => {
                let n = grunnmur_ui::digest::send(&state, &m).await.map_err(ui)?;
                let day = grunnmur_ui::digest::day_due(&state.config.time_zone, 0);
                if let Some(day) = day {
                    state.store.claim_digest_day(&day).await?;
                }
                println!("{}", t(lang, "digest-cli-sent", &[("n", &n.to_string())]));
            }
            _ => {
                for d in grunnmur_ui::digest::digests(&state).await.map_err(ui)? {
                    println!(
                        "To: {}\nSubject: {}\n\n{}\n",
                        d.mail.to, d.mail.subject, d.mail.text
                    );
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}
