//! `grunnmur token create | list | revoke` and `grunnmur user disable | enable | remove`: the
//! life cycle of credentials and memberships, through the same operations as the server
//! (`grunnmur_web::credentials`).

use crate::server_cmd::{StoreArgs, runtime};
use clap::{Args, Subcommand};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::Role;
use grunnmur_web::credentials::{self, TokenRequest, timestamp};
use grunnmur_web::error::ApiError;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user; it is printed once and stored hashed.
    Create {
        #[arg(long)]
        email: String,
        /// Limit the token to one body (organisation number).
        #[arg(long, requires = "role")]
        body: Option<String>,
        /// With --body: the most the token may do there, never more than the user's own role.
        #[arg(long, requires = "body", value_parser = ["reader", "editor", "admin"])]
        role: Option<String>,
        /// Days until the token expires (1–365).
        #[arg(long, default_value_t = credentials::TOKEN_DAYS)]
        expires_in: i64,
        /// What the token is for.
        #[arg(long, alias = "label", default_value = "cli")]
        name: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// A user's tokens: id, name, scope, created, expires, last used, revoked.
    List {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Revoke a token by its id (from `token list`): refused from now on, on every server.
    Revoke {
        id: i64,
        #[command(flatten)]
        store: StoreArgs,
    },
}

/// The account and membership commands beside `user create | grant | unlink`.
#[derive(Subcommand)]
pub enum UserAccessCommand {
    /// Disable an account: no sign-in, and its sessions and tokens stop working at once.
    Disable(EmailArgs),
    /// Enable a disabled account again.
    Enable(EmailArgs),
    /// Remove a user's membership of a body (never the body's last admin).
    Remove {
        #[arg(long)]
        email: String,
        #[arg(long)]
        body: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Args)]
pub struct EmailArgs {
    #[arg(long)]
    email: String,
    #[command(flatten)]
    store: StoreArgs,
}

/// An operation's refusal as the server words it, on standard error.
fn refused(lang: Lang, e: ApiError) -> anyhow::Result<ExitCode> {
    if let ApiError::Internal(detail) = e {
        anyhow::bail!(detail);
    }
    eprintln!("{}", e.message(lang));
    Ok(ExitCode::FAILURE)
}

fn unknown_user(lang: Lang, email: &str) -> anyhow::Result<ExitCode> {
    eprintln!("{}", t(lang, "ops-unknown-user", &[("email", email)]));
    Ok(ExitCode::FAILURE)
}

pub fn token(lang: Lang, cmd: TokenCommand) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async move {
        match cmd {
            TokenCommand::Create {
                email,
                body,
                role,
                expires_in,
                name,
                store,
            } => {
                let store = store.open().await?;
                let email = email.trim().to_lowercase();
                let Some(user) = store.user_by_email(&email).await? else {
                    return unknown_user(lang, &email);
                };
                let req = TokenRequest {
                    name,
                    expires_in_days: Some(expires_in),
                    body,
                    role: role.as_deref().and_then(Role::parse),
                };
                let out =
                    match credentials::new_token(&*store, &user, &req, "grunnmur token create")
                        .await
                    {
                        Ok(out) => out,
                        Err(e) => return refused(lang, e),
                    };
                let expires = timestamp(out.info.expires_at);
                let args = [("email", email.as_str()), ("expires", expires.as_str())];
                eprintln!("{}", t(lang, "ops-token-created", &args));
                println!("{}", out.token);
                Ok(ExitCode::SUCCESS)
            }
            TokenCommand::List { email, store } => {
                let store = store.open().await?;
                let email = email.trim().to_lowercase();
                let Some(user) = store.user_by_email(&email).await? else {
                    return unknown_user(lang, &email);
                };
                let tokens = match credentials::token_list(&*store, user.id).await {
                    Ok(list) => list,
                    Err(e) => return refused(lang, e),
                };
                print!("{}", token_table(lang, tokens));
                Ok(ExitCode::SUCCESS)
            }
            TokenCommand::Revoke { id, store } => {
                let store = store.open().await?;
                match store.revoke_token(id, None, "grunnmur token revoke").await {
                    Ok(_) => {
                        let id = id.to_string();
                        println!("{}", t(lang, "ops-token-revoked", &[("id", &id)]));
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(grunnmur_store::StoreError::NotFound(_)) => {
                        let id = id.to_string();
                        eprintln!("{}", t(lang, "ops-token-unknown", &[("id", &id)]));
                        Ok(ExitCode::FAILURE)
                    }
                    Err(e) => Err(e.into()),
                }
            }
        }
    })
}

/// The tokens as a table, the headings from the translation files.
fn token_table(lang: Lang, tokens: Vec<credentials::TokenInfo>) -> String {
    let h = |k: &str| t(lang, k, &[]);
    let headers: Vec<String> = [
        "ops-token-col-id",
        "ops-token-col-name",
        "ops-token-col-scope",
        "ops-token-col-created",
        "ops-token-col-expires",
        "ops-token-col-used",
        "ops-token-col-revoked",
    ]
    .iter()
    .map(|k| h(k))
    .collect();
    let none = h("ops-token-none");
    let when = |at: Option<i64>| at.map(timestamp).unwrap_or_else(|| none.clone());
    let rows: Vec<Vec<String>> = tokens
        .into_iter()
        .map(|tk| {
            let scope = match (&tk.body, &tk.role) {
                (Some(b), Some(r)) => format!("{b} {r}"),
                _ => h("ops-token-scope-all"),
            };
            vec![
                tk.id.to_string(),
                tk.name,
                scope,
                timestamp(tk.created_at),
                timestamp(tk.expires_at),
                when(tk.last_used_at),
                when(tk.revoked_at),
            ]
        })
        .collect();
    crate::table::render(&headers, &rows)
}

/// Runs inside `grunnmur user`'s runtime.
pub async fn user(lang: Lang, cmd: UserAccessCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        UserAccessCommand::Disable(a) => set_disabled(lang, a, true).await,
        UserAccessCommand::Enable(a) => set_disabled(lang, a, false).await,
        UserAccessCommand::Remove { email, body, store } => {
            let store = store.open().await?;
            let email = email.trim().to_lowercase();
            let actor = "grunnmur user remove";
            match credentials::remove_member_by_email(&*store, &body, &email, actor).await {
                Ok(role) => {
                    let args = [
                        ("email", email.as_str()),
                        ("orgnr", body.as_str()),
                        ("role", role.as_str()),
                    ];
                    println!("{}", t(lang, "ops-member-removed", &args));
                    Ok(ExitCode::SUCCESS)
                }
                Err(ApiError::NotFound) => {
                    let args = [("email", email.as_str()), ("orgnr", body.as_str())];
                    eprintln!("{}", t(lang, "ops-member-unknown", &args));
                    Ok(ExitCode::FAILURE)
                }
                Err(e) => refused(lang, e),
            }
        }
    }
}

async fn set_disabled(lang: Lang, a: EmailArgs, disabled: bool) -> anyhow::Result<ExitCode> {
    let store = a.store.open().await?;
    let email = a.email.trim().to_lowercase();
    let (actor, key) = if disabled {
        ("grunnmur user disable", "ops-user-disabled")
    } else {
        ("grunnmur user enable", "ops-user-enabled")
    };
    match credentials::disable_user(&*store, &email, disabled, None, actor).await {
        Ok(_) => {
            println!("{}", t(lang, key, &[("email", &email)]));
            Ok(ExitCode::SUCCESS)
        }
        Err(ApiError::NotFound) => unknown_user(lang, &email),
        Err(e) => refused(lang, e),
    }
}
