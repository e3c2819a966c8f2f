//! Password administration from the command line: the policy for passwords given to
//! `user create`, and `user reset-password` (a one-time link, as a body's administrator makes
//! one in the web application).

use crate::server_cmd::StoreArgs;
use grunnmur_i18n::{Lang, t};
use grunnmur_web::error::field_problem;
use grunnmur_web::password;
use std::process::ExitCode;

/// Why a password is refused under the policy, in the reader's language; `None` if it passes.
pub fn refused(lang: Lang, pw: &str) -> Option<String> {
    let weak = password::weakness(pw)?;
    let message = field_problem(lang, "password", weak.code()).message;
    Some(t(
        lang,
        "account-cli-weak",
        &[("field", "--password-stdin"), ("message", &message)],
    ))
}

/// Prints a one-time link that lets the account choose a new password.
pub async fn reset(
    lang: Lang,
    email: &str,
    public_url: &str,
    store: StoreArgs,
) -> anyhow::Result<ExitCode> {
    let store = store.open().await?;
    let email = email.trim().to_lowercase();
    if store.user_by_email(&email).await?.is_none() {
        eprintln!("{}", t(lang, "ops-unknown-user", &[("email", &email)]));
        return Ok(ExitCode::FAILURE);
    }
    let path = password::issue_reset(store.as_ref(), &email, "grunnmur user reset-password")
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let link = format!("{}{path}", public_url.trim_end_matches('/'));
    let args = [("email", email.as_str()), ("link", link.as_str())];
    println!("{}", t(lang, "account-cli-reset-link", &args));
    Ok(ExitCode::SUCCESS)
}
