//! `grunnmur serve` and the operator commands (users, roles, audit, backup, restore; tokens and
//! disabling accounts in `access_cmd.rs`).
//! They open the same store and call the same functions as the server's handlers.

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::{AuditKey, AuditSeal, Checkpoint, Role, Storage};
use grunnmur_web::auth;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Where the data lives: a data folder with an embedded SQLite database, or PostgreSQL.
#[derive(Args, Clone)]
pub struct StoreArgs {
    /// Data folder (created if missing); holds grunnmur.db when no --database-url is given.
    #[arg(long, env = "GRUNNMUR_DATA_DIR", default_value = "grunnmur-data")]
    pub data_dir: PathBuf,
    /// postgres://… to use PostgreSQL instead of the embedded SQLite database.
    #[arg(long, env = "GRUNNMUR_DATABASE_URL")]
    pub database_url: Option<String>,
    /// The audit log's key (64 hex digits; created at first start, mode 0600). The variable
    /// GRUNNMUR_AUDIT_KEY holds the key itself instead (every server of a PostgreSQL
    /// deployment needs the same key). [default: DATA_DIR/audit.key]
    #[arg(long, env = "GRUNNMUR_AUDIT_KEY_FILE")]
    pub audit_key_file: Option<PathBuf>,
    /// Where to write the checkpoint of the audit log's head after every append (one file per
    /// server). [default: DATA_DIR/audit-checkpoint.json]
    #[arg(long, env = "GRUNNMUR_AUDIT_CHECKPOINT")]
    pub audit_checkpoint: Option<PathBuf>,
}

impl StoreArgs {
    fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("grunnmur.db")
    }

    pub fn checkpoint_path(&self) -> PathBuf {
        self.audit_checkpoint
            .clone()
            .unwrap_or_else(|| self.data_dir.join("audit-checkpoint.json"))
    }

    fn key_path(&self) -> PathBuf {
        self.audit_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("audit.key"))
    }

    /// The audit key: from GRUNNMUR_AUDIT_KEY, or the key file — created when `create` and
    /// missing. `None` only when not creating and there is none.
    fn audit_key(&self, create: bool) -> anyhow::Result<Option<(AuditKey, bool)>> {
        if let Ok(hex) = std::env::var("GRUNNMUR_AUDIT_KEY")
            && !hex.trim().is_empty()
        {
            let key =
                AuditKey::from_hex(&hex).map_err(|e| anyhow::anyhow!("GRUNNMUR_AUDIT_KEY: {e}"))?;
            return Ok(Some((key, false)));
        }
        let path = self.key_path();
        if !create && !path.exists() {
            return Ok(None);
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let loaded =
            AuditKey::load_or_create(&path).with_context(|| format!("{}", path.display()))?;
        Ok(Some(loaded))
    }

    fn url(&self) -> anyhow::Result<String> {
        Ok(match &self.database_url {
            Some(u) => u.clone(),
            None => {
                std::fs::create_dir_all(&self.data_dir)
                    .with_context(|| format!("creating {}", self.data_dir.display()))?;
                format!("sqlite://{}", self.sqlite_path().display())
            }
        })
    }

    /// Opens the store with the audit key (created at first start) and the checkpoint file.
    pub async fn open(&self) -> anyhow::Result<Arc<dyn Storage>> {
        Ok(self.open_keyed(true).await?.0)
    }

    /// Opens the store; `create`: make the audit key if there is none. Also says whether the
    /// key was made just now.
    pub(crate) async fn open_keyed(
        &self,
        create: bool,
    ) -> anyhow::Result<(Arc<dyn Storage>, bool)> {
        let url = self.url()?;
        let key = self.audit_key(create)?;
        let created = key.as_ref().is_some_and(|(_, c)| *c);
        let seal = key.map(|(key, _)| AuditSeal {
            key,
            checkpoint: Some(self.checkpoint_path()),
        });
        let store = grunnmur_store::open_sealed(&url, seal)
            .await
            .context("opening the database")?;
        Ok((store, created))
    }
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on.
    #[arg(long, env = "GRUNNMUR_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    /// Catalog folder or file (for sector instances and tests); the bundled catalog otherwise.
    #[arg(long)]
    pub catalog: Option<PathBuf>,
    /// Also seed a demo municipality and a demo user.
    #[arg(long)]
    pub demo: bool,
    /// Minutes without a request after which a session ends (besides its 8-hour lifetime).
    #[arg(long, env = "GRUNNMUR_IDLE_MINUTES", default_value_t = 30,
        value_parser = clap::value_parser!(i64).range(1..=480))]
    pub idle_minutes: i64,
    /// The time zone pages show times in (an IANA name); times are stored in UTC.
    #[arg(long, env = "GRUNNMUR_TIME_ZONE", default_value = "Europe/Oslo")]
    pub time_zone: String,
    /// The bound of the assessment cache in MiB: the least recently read bodies leave it first.
    #[arg(long, env = "GRUNNMUR_CACHE_MB", default_value_t = 256,
        value_parser = clap::value_parser!(u64).range(16..=65536))]
    pub cache_mb: u64,
    /// Leave `Secure` off the session cookie (only for plain-HTTP test clients).
    #[arg(long, hide = true)]
    pub insecure_cookies: bool,
    /// A reverse proxy (its address) whose X-Forwarded-For names the client, for sign-in
    /// throttling and the audit log; repeat for several. Without it the socket's peer counts.
    #[arg(
        long = "trusted-proxy",
        env = "GRUNNMUR_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The server's log (standard error): `text` for people, `json` (one object a line) for a
    /// log collector.
    #[arg(long, env = "GRUNNMUR_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(flatten)]
    pub oidc: OidcArgs,
    #[command(flatten)]
    pub mail: crate::digest_cmd::MailArgs,
    /// The private key that signs attestations (made at first start, mode 0600; every server
    /// of a PostgreSQL deployment needs the same file). [default: DATA_DIR/attest-key.json]
    #[arg(long, env = "GRUNNMUR_ATTEST_KEY_FILE")]
    pub attest_key: Option<PathBuf>,
}

/// Sign-in through an OpenID Connect provider (ID-porten, Entra ID, …), beside local accounts.
#[derive(Args)]
pub struct OidcArgs {
    /// The provider's issuer URL; turns on "Sign in with your organisation's login".
    #[arg(long, env = "GRUNNMUR_OIDC_ISSUER", requires = "oidc_client_id")]
    pub oidc_issuer: Option<String>,
    /// The client id registered at the provider.
    #[arg(long, env = "GRUNNMUR_OIDC_CLIENT_ID")]
    pub oidc_client_id: Option<String>,
    /// The client secret (better given in the environment than on the command line).
    #[arg(long, env = "GRUNNMUR_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<String>,
    /// The address users reach Grunnmur at, e.g. https://grunnmur.example.no; the provider
    /// sends them back to its /login/oidc/callback. Defaults to http:// and the listen address.
    /// With https, every answer carries HSTS; a change must come from exactly this origin.
    #[arg(long, env = "GRUNNMUR_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// A secret that seals the pending sign-in cookie (HMAC), shared by every app server;
    /// derived from the client secret when not given (random per process without either).
    #[arg(long, env = "GRUNNMUR_OIDC_SEAL_KEY", hide_env_values = true)]
    pub oidc_seal_key: Option<String>,
}

impl OidcArgs {
    fn provider(&self, listen: &str) -> anyhow::Result<Option<grunnmur_oidc::Provider>> {
        let (Some(issuer), Some(client_id)) = (&self.oidc_issuer, &self.oidc_client_id) else {
            return Ok(None);
        };
        let public = self
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{listen}"));
        let config = grunnmur_oidc::Config {
            issuer: issuer.clone(),
            client_id: client_id.clone(),
            client_secret: self.oidc_client_secret.clone(),
            redirect_url: format!("{}/login/oidc/callback", public.trim_end_matches('/')),
        };
        let provider = grunnmur_oidc::Provider::new(config)?;
        Ok(Some(match &self.oidc_seal_key {
            Some(k) => provider.with_seal_key(grunnmur_oidc::SealKey::from_secret(k.as_bytes())),
            None => provider,
        }))
    }
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create a local account; the password is read from standard input.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password_stdin: bool,
        #[arg(long)]
        platform_admin: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Remove the links to the organisation's login (OpenID Connect) from an account: the next
    /// sign-in with its address links anew.
    Unlink {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Make a one-time link (24 hours) that lets the account choose a new password; it is
    /// printed to hand over, and ends the account's sessions when used.
    ResetPassword {
        #[arg(long)]
        email: String,
        /// The address users reach Grunnmur at; the link starts with it.
        #[arg(
            long,
            env = "GRUNNMUR_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Give a user a role in a body.
    Grant {
        #[arg(long)]
        email: String,
        #[arg(long)]
        body: String,
        #[arg(long, value_parser = ["admin", "editor", "reader"])]
        role: String,
        #[command(flatten)]
        store: StoreArgs,
    },
    #[command(flatten)]
    Access(crate::access_cmd::UserAccessCommand),
}

#[derive(Subcommand)]
pub enum PlatformCommand {
    /// Give a platform role: catalog-editor (publishes catalog releases), supervisor (sees
    /// figures across bodies, never one body's data; --kind and --sector limit it) or
    /// platform-admin.
    Grant(PlatformRoleArgs),
    /// Take a platform role away.
    Revoke(PlatformRoleArgs),
}

#[derive(Args)]
pub struct PlatformRoleArgs {
    #[arg(long)]
    email: String,
    #[arg(long, value_parser = ["catalog-editor", "supervisor", "platform-admin"])]
    role: String,
    /// For a supervisor: the kinds of body they see (repeat; all when left out).
    #[arg(long = "kind", value_parser = ["kommune", "fylkeskommune", "stat"])]
    kinds: Vec<String>,
    /// For a supervisor: the sectors they see (repeat; all when left out).
    #[arg(long = "sector")]
    sectors: Vec<String>,
    /// For a catalog editor: the catalog owners whose entries they edit (repeat; every
    /// owner's when left out). Granting again replaces them.
    #[arg(long = "owner")]
    owners: Vec<String>,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// The server's log on standard error, as text or JSON lines; `RUST_LOG`-style levels are not
/// parsed: info and above.
fn init_log(format: LogFormat) {
    let builder = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::INFO);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the audit log: the keyed chain (with the audit key), and that every checkpoint
    /// written outside the database is an entry of it; names the first broken link.
    Verify {
        #[command(flatten)]
        store: StoreArgs,
        /// A checkpoint file to check the log against (repeat for one per server); the data
        /// folder's (or --audit-checkpoint's) when none is given and it exists.
        #[arg(long = "checkpoint")]
        checkpoints: Vec<PathBuf>,
    },
}

pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

const DEMO_BODY: &str = include_str!("../../../examples/kommune.yaml");
/// The suppliers' declarations the demo publishes, each under its supplier's organisation.
const DEMO_DECLARATIONS: [(&str, &str); 2] = [
    (
        "examples/declarations/nordsky-datasenter.yaml",
        include_str!("../../../examples/declarations/nordsky-datasenter.yaml"),
    ),
    (
        "examples/declarations/ikt-samarbeidet.yaml",
        include_str!("../../../examples/declarations/ikt-samarbeidet.yaml"),
    ),
];
const DEMO_EMAIL: &str = "demo@grunnmur.no";
const DEMO_PASSWORD: &str = "grunnmur-demo";
const FIRST_ADMIN: &str = "admin@grunnmur.local";

/// The catalog served is a published release: bodies pinned to it keep it while the server
/// later moves on. The same version with other content is refused (said, and `false`).
pub(crate) async fn publish_catalog(
    lang: Lang,
    store: &Arc<dyn Storage>,
    catalog: &grunnmur_catalog::CheckedCatalog,
    files: &[grunnmur_catalog::Source],
    actor: &str,
) -> anyhow::Result<bool> {
    let text = serde_json::to_string(files)?;
    let (id, version) = (&catalog.catalog.id, &catalog.catalog.version);
    match store.publish_release(id, version, &text, actor).await {
        Ok(_) => Ok(true),
        Err(grunnmur_store::StoreError::Conflict(_)) => {
            let args = [("id", id.as_str()), ("version", version.as_str())];
            eprintln!("{}", t(lang, "serve-release-conflict", &args));
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

pub fn serve(lang: Lang, args: ServeArgs) -> anyhow::Result<ExitCode> {
    let (release, problems) = grunnmur_catalog::load_release(args.catalog.as_deref());
    let Some((checked, files)) = release else {
        crate::output::print_problems(lang, &problems);
        return Ok(ExitCode::FAILURE);
    };
    init_log(args.log_format);
    runtime()?.block_on(async move {
        let (store, created) = args.store.open_keyed(true).await?;
        if created {
            let path = args.store.key_path().display().to_string();
            eprintln!("{}", t(lang, "serve-audit-key-created", &[("path", &path)]));
        }
        let catalog = Arc::new(checked);
        if !publish_catalog(lang, &store, &catalog, &files, "grunnmur serve").await? {
            return Ok(ExitCode::FAILURE);
        }
        let (id, version) = (&catalog.catalog.id, &catalog.catalog.version);
        // Bodies made before releases were kept (or under a catalog never published) follow
        // this server's release from now on, in the audit log, rather than fail on every page.
        let published: std::collections::HashSet<(String, String)> = store
            .releases()
            .await?
            .into_iter()
            .map(|r| (r.catalog_id, r.version))
            .collect();
        for body in store.bodies().await? {
            if published.contains(&(body.catalog_id.clone(), body.catalog_version.clone())) {
                continue;
            }
            store
                .pin_release(&body.orgnr, id, version, None, "grunnmur serve")
                .await?;
            let args = [
                ("orgnr", body.orgnr.as_str()),
                ("old", body.catalog_version.as_str()),
                ("version", version.as_str()),
            ];
            println!("{}", t(lang, "serve-repinned", &args));
        }
        println!(
            "{}",
            t(
                lang,
                "serve-catalog",
                &[
                    ("id", &catalog.doc.catalog.id),
                    ("version", &catalog.doc.catalog.version)
                ]
            )
        );
        if store.user_count().await? == 0 {
            let password = auth::random_token(12);
            let hash = auth::hash_password(&password).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            let id = store
                .create_user(FIRST_ADMIN, Some(&hash), true, "grunnmur serve")
                .await?;
            // A one-time password: the first sign-in must choose a new one.
            store.require_password_change(id, "grunnmur serve").await?;
            println!(
                "{}",
                t(
                    lang,
                    "serve-first-admin",
                    &[("email", FIRST_ADMIN), ("password", &password)]
                )
            );
        }
        let listener = tokio::net::TcpListener::bind(&args.listen)
            .await
            .with_context(|| format!("listening on {}", args.listen))?;
        let addr = listener.local_addr()?.to_string();
        let public_url = args.oidc.public_url.clone();
        if !grunnmur_ui::time_zone_known(&args.time_zone) {
            bail!(
                "{}",
                t(lang, "ui-time-zone-unknown", &[("zone", &args.time_zone)])
            );
        }
        let config = grunnmur_web::Config {
            secure_cookies: !args.insecure_cookies,
            trusted_proxies: args.trusted_proxies.clone(),
            public_url,
            idle_seconds: args.idle_minutes * 60,
            time_zone: args.time_zone.clone(),
            cache_bytes: (args.cache_mb as usize) << 20,
            ..Default::default()
        };
        let key_path = (args.attest_key.clone())
            .unwrap_or_else(|| args.store.data_dir.join("attest-key.json"));
        let (key, made) = crate::attest_cmd::server_key(lang, &key_path)?;
        if made {
            let path = key_path.display().to_string();
            eprintln!(
                "{}",
                t(
                    lang,
                    "serve-attest-key-created",
                    &[("path", &path), ("kid", &key.kid)]
                )
            );
        }
        let mut state =
            grunnmur_web::AppState::new(store.clone(), catalog, config).with_attest_key(key);
        if args.demo {
            seed_demo(lang, &state).await?;
        }
        let provider = args.oidc.provider(&addr)?;
        println!(
            "{}",
            t(
                lang,
                "serve-listening",
                &[("addr", &addr), ("database", store.backend())]
            )
        );
        // After the address, which is the first line naming a URL.
        if let Some(provider) = provider {
            println!(
                "{}",
                t(lang, "serve-oidc", &[("issuer", provider.issuer())])
            );
            state = state.with_oidc(provider);
        }
        crate::digest_cmd::spawn_daily(lang, state.clone(), &args.mail)?;
        tokio::spawn(grunnmur_web::contributions::keep_current(state.clone()));
        grunnmur_web::serve_with(state, listener, grunnmur_ui::routes()).await?;
        Ok(ExitCode::SUCCESS)
    })
}

/// The suppliers of `examples/declarations/` as organisations of kind `supplier`, each with
/// its declaration published (once: a second start finds them). Returns the declarations.
async fn seed_suppliers(
    state: &grunnmur_web::AppState,
) -> anyhow::Result<Vec<grunnmur_catalog::DeclarationDoc>> {
    let store = &state.store;
    let actor = "grunnmur serve --demo";
    let mut out = Vec::new();
    for (name, text) in DEMO_DECLARATIONS {
        let src = grunnmur_catalog::Source {
            name: name.into(),
            text: text.into(),
        };
        let declared =
            grunnmur_catalog::read_declaration(&src, &state.catalog.catalog).map_err(|p| {
                anyhow::anyhow!("{name} does not fit the catalog: {} problems", p.len())
            })?;
        let head = &declared.doc.declaration;
        let orgnr = (head.supplier.orgnr.as_ref())
            .map(|o| o.as_string())
            .ok_or_else(|| anyhow::anyhow!("{name}: the supplier has no organisation number"))?;
        if store.body(&orgnr).await?.is_none() {
            let body = grunnmur_store::BodyRow {
                orgnr: orgnr.clone(),
                name: head.supplier.name.clone(),
                kind: grunnmur_core::catalog::OrgKind::Supplier.as_str().into(),
                sectors: Vec::new(),
                catalog_id: state.catalog.doc.catalog.id.clone(),
                catalog_version: state.catalog.doc.catalog.version.clone(),
                created_at: grunnmur_store::now(),
            };
            store.create_body(&body, actor).await?;
            let org = grunnmur_catalog::body::OrgDoc::supplier(&orgnr, &head.supplier.name);
            let text = serde_json::to_string(&grunnmur_catalog::BodyDoc::new(org))?;
            let w = grunnmur_store::WorkspaceWrite {
                orgnr: &orgnr,
                doc: &text,
                actor,
                action: "workspace.put",
                expected_version: None,
            };
            store.put_workspace(w).await?;
        }
        let json = serde_json::to_string(&declared.doc)?;
        // The same content again is no new version.
        store
            .publish_declaration(&orgnr, &head.id, &json, false, actor)
            .await?;
        out.push(declared.doc);
    }
    Ok(out)
}

/// The demo municipality from `examples/kommune.yaml`, and a user who administers it.
async fn seed_demo(lang: Lang, state: &grunnmur_web::AppState) -> anyhow::Result<()> {
    let declarations = seed_suppliers(state).await?;
    let src = grunnmur_catalog::Source {
        name: "examples/kommune.yaml".into(),
        text: DEMO_BODY.into(),
    };
    let cat = &state.catalog.catalog;
    let (doc, _) = grunnmur_catalog::read_body_with(&src, cat, &declarations).map_err(|p| {
        anyhow::anyhow!(
            "the demo body does not fit the catalog: {} problems",
            p.len()
        )
    })?;
    let orgnr = doc.org.orgnr.as_string();
    let store = &state.store;
    if store.body(&orgnr).await?.is_none() {
        let body = grunnmur_store::BodyRow {
            orgnr: orgnr.clone(),
            name: doc.org.name.clone(),
            kind: doc.org.kind.as_str().into(),
            sectors: doc.org.sectors.clone(),
            catalog_id: state.catalog.doc.catalog.id.clone(),
            catalog_version: state.catalog.doc.catalog.version.clone(),
            created_at: grunnmur_store::now(),
        };
        store.create_body(&body, "grunnmur serve --demo").await?;
        let text = serde_json::to_string(&doc)?;
        let w = grunnmur_store::WorkspaceWrite {
            orgnr: &orgnr,
            doc: &text,
            actor: "grunnmur serve --demo",
            action: "workspace.put",
            expected_version: None,
        };
        store.put_workspace(w).await?;
    }
    let user = match store.user_by_email(DEMO_EMAIL).await? {
        Some(u) => u.id,
        None => {
            let hash = auth::hash_password(DEMO_PASSWORD).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            store
                .create_user(DEMO_EMAIL, Some(&hash), false, "grunnmur serve --demo")
                .await?
        }
    };
    if store.role(user, &orgnr).await?.is_none() {
        store
            .grant(user, &orgnr, Role::Admin, "grunnmur serve --demo")
            .await?;
    }
    let args = [
        ("name", doc.org.name.as_str()),
        ("orgnr", orgnr.as_str()),
        ("email", DEMO_EMAIL),
        ("password", DEMO_PASSWORD),
    ];
    println!("{}", t(lang, "serve-demo", &args));
    Ok(())
}

pub fn user(lang: Lang, cmd: UserCommand) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async move {
        match cmd {
            UserCommand::Access(cmd) => crate::access_cmd::user(lang, cmd).await,
            UserCommand::Create {
                email,
                password_stdin,
                platform_admin,
                store,
            } => {
                let store = store.open().await?;
                let hash = if password_stdin {
                    let mut password = String::new();
                    std::io::stdin().read_to_string(&mut password)?;
                    let password = password.trim_end_matches(['\r', '\n']);
                    if password.is_empty() {
                        eprintln!("{}", t(lang, "ops-password-empty", &[]));
                        return Ok(ExitCode::FAILURE);
                    }
                    // The same policy as every other place a password is set.
                    if let Some(why) = crate::password_cmd::refused(lang, password) {
                        eprintln!("{why}");
                        return Ok(ExitCode::FAILURE);
                    }
                    Some(auth::hash_password(password).map_err(|e| anyhow::anyhow!("{e:?}"))?)
                } else {
                    None
                };
                let email = email.trim().to_lowercase();
                store
                    .create_user(
                        &email,
                        hash.as_deref(),
                        platform_admin,
                        "grunnmur user create",
                    )
                    .await?;
                println!("{}", t(lang, "ops-user-created", &[("email", &email)]));
                Ok(ExitCode::SUCCESS)
            }
            UserCommand::ResetPassword {
                email,
                public_url,
                store,
            } => crate::password_cmd::reset(lang, &email, &public_url, store).await,
            UserCommand::Unlink { email, store } => {
                let store = store.open().await?;
                let email = email.trim().to_lowercase();
                let Some(user) = store.user_by_email(&email).await? else {
                    eprintln!("{}", t(lang, "ops-unknown-user", &[("email", &email)]));
                    return Ok(ExitCode::FAILURE);
                };
                let n = store
                    .unlink_identities(user.id, "grunnmur user unlink")
                    .await?;
                let count = n.to_string();
                let args = [("email", email.as_str()), ("count", count.as_str())];
                println!("{}", t(lang, "ops-unlinked", &args));
                Ok(ExitCode::SUCCESS)
            }
            UserCommand::Grant {
                email,
                body,
                role,
                store,
            } => {
                let store = store.open().await?;
                let email = email.trim().to_lowercase();
                let Some(user) = store.user_by_email(&email).await? else {
                    eprintln!("{}", t(lang, "ops-unknown-user", &[("email", &email)]));
                    return Ok(ExitCode::FAILURE);
                };
                if store.body(&body).await?.is_none() {
                    eprintln!("{}", t(lang, "ops-unknown-body", &[("orgnr", &body)]));
                    return Ok(ExitCode::FAILURE);
                }
                let Some(r) = Role::parse(&role) else {
                    bail!("role {role}")
                };
                store
                    .grant(user.id, &body, r, "grunnmur user grant")
                    .await?;
                println!(
                    "{}",
                    t(
                        lang,
                        "ops-granted",
                        &[("email", &email), ("role", &role), ("orgnr", &body)]
                    )
                );
                Ok(ExitCode::SUCCESS)
            }
        }
    })
}

pub fn platform(lang: Lang, cmd: PlatformCommand) -> anyhow::Result<ExitCode> {
    let (
        PlatformRoleArgs {
            email,
            role,
            kinds,
            sectors,
            owners,
            store,
        },
        on,
    ) = match cmd {
        PlatformCommand::Grant(a) => (a, true),
        PlatformCommand::Revoke(a) => (a, false),
    };
    runtime()?.block_on(async move {
        let store = store.open().await?;
        let email = email.trim().to_lowercase();
        let Some(user) = store.user_by_email(&email).await? else {
            eprintln!("{}", t(lang, "ops-unknown-user", &[("email", &email)]));
            return Ok(ExitCode::FAILURE);
        };
        let actor = if on {
            "grunnmur platform grant"
        } else {
            "grunnmur platform revoke"
        };
        let owners_allowed = on && role == "catalog-editor";
        if !owners.is_empty() && !owners_allowed {
            eprintln!("{}", t(lang, "ops-owner-only-grant", &[]));
            return Ok(ExitCode::FAILURE);
        }
        match role.as_str() {
            "supervisor" => {
                let limits = on.then_some((&kinds[..], &sectors[..]));
                store.set_supervisor(user.id, limits, actor).await?;
            }
            "catalog-editor" => {
                if on {
                    let known = known_owners(&*store).await?;
                    if let Some(o) = owners.iter().find(|o| !known.contains(*o)) {
                        let list = known.iter().cloned().collect::<Vec<_>>().join(", ");
                        let args = [("owner", o.as_str()), ("known", list.as_str())];
                        eprintln!("{}", t(lang, "ops-unknown-owner", &args));
                        return Ok(ExitCode::FAILURE);
                    }
                }
                let owners = on.then_some(&owners[..]);
                store.set_catalog_editor(user.id, owners, actor).await?;
            }
            "platform-admin" => {
                let r = grunnmur_store::PlatformRole::PlatformAdmin;
                store.set_platform_role(user.id, r, on, actor).await?;
            }
            other => bail!("role {other}"),
        }
        let key = match (on, owners.is_empty()) {
            (true, false) => "ops-catalog-editor-granted",
            (true, true) => "ops-platform-granted",
            (false, _) => "ops-platform-revoked",
        };
        let owners = owners.join(", ");
        let args = [("email", &email), ("role", &role), ("owners", &owners)];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        println!("{}", t(lang, key, &args));
        Ok(ExitCode::SUCCESS)
    })
}

/// The catalog owners a catalog editor may be given: the bundled catalog's and those of every
/// release published in the store (read as published).
async fn known_owners(store: &dyn Storage) -> anyhow::Result<std::collections::BTreeSet<String>> {
    let mut known = std::collections::BTreeSet::new();
    let (bundled, _) = grunnmur_catalog::load_catalog(None);
    known.extend(bundled.into_iter().flat_map(|c| c.doc.owners).map(|o| o.id));
    for r in store.releases().await? {
        let Some(text) = store.release_sources(&r.catalog_id, &r.version).await? else {
            continue;
        };
        let sources: Vec<grunnmur_catalog::Source> = serde_json::from_str(&text)?;
        let (checked, _) = grunnmur_catalog::check_published(&sources);
        known.extend(checked.into_iter().flat_map(|c| c.doc.owners).map(|o| o.id));
    }
    Ok(known)
}

pub fn audit(lang: Lang, cmd: AuditCommand) -> anyhow::Result<ExitCode> {
    let AuditCommand::Verify {
        store,
        mut checkpoints,
    } = cmd;
    if checkpoints.is_empty() && store.checkpoint_path().exists() {
        checkpoints.push(store.checkpoint_path());
    }
    let read: Vec<Checkpoint> = checkpoints
        .iter()
        .map(|p| Checkpoint::read(p).with_context(|| format!("checkpoint {}", p.display())))
        .collect::<anyhow::Result<_>>()?;
    runtime()?.block_on(async move {
        let (s, _) = store.open_keyed(false).await?;
        match s.verify_audit(&read).await? {
            Ok(n) => {
                let count = n.to_string();
                let start = s.audit_start().await?;
                let from = start.map_or_else(|| "-".to_string(), |s| s.keyed_from.to_string());
                let cps = read.len().to_string();
                let args = [
                    ("count", count.as_str()),
                    ("from", from.as_str()),
                    ("checkpoints", cps.as_str()),
                ];
                println!("{}", t(lang, "ops-audit-ok", &args));
                if read.is_empty() {
                    eprintln!("{}", t(lang, "ops-audit-no-checkpoint", &[]));
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!(
                    "{}",
                    t(lang, "ops-audit-broken", &[("detail", &e.to_string())])
                );
                Ok(ExitCode::FAILURE)
            }
        }
    })
}

pub fn backup(lang: Lang, store: StoreArgs, out: PathBuf) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async move {
        let s = store.open().await?;
        s.backup(&out).await?;
        println!(
            "{}",
            t(
                lang,
                "ops-backup-done",
                &[("path", &out.display().to_string())]
            )
        );
        Ok(ExitCode::SUCCESS)
    })
}

/// Restores an SQLite backup into the data folder (with the server stopped). The file must
/// open and its audit chain must verify before anything is replaced.
pub fn restore(lang: Lang, store: StoreArgs, file: PathBuf) -> anyhow::Result<ExitCode> {
    if store.database_url.is_some() {
        bail!("restore of PostgreSQL: use pg_restore (see docs/OPERATIONS.md)");
    }
    runtime()?.block_on(async move {
        // Checked with the target folder's audit key (or GRUNNMUR_AUDIT_KEY): bring the key
        // with the backup.
        let copy = grunnmur_store::SqliteStore::open(&file.display().to_string()).await?;
        let copy = match store.audit_key(false)? {
            Some((key, _)) => copy.sealed(key, None),
            None => copy,
        };
        copy.verify_audit(&[])
            .await?
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        drop(copy);
        std::fs::create_dir_all(&store.data_dir)?;
        let target = store.sqlite_path();
        let tmp = target.with_extension("db.restoring");
        std::fs::copy(&file, &tmp).with_context(|| format!("copying {}", file.display()))?;
        for ext in ["db-wal", "db-shm"] {
            let _ = std::fs::remove_file(target.with_extension(ext));
        }
        std::fs::rename(&tmp, &target)?;
        let args = [
            ("path", file.display().to_string()),
            ("target", target.display().to_string()),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        println!("{}", t(lang, "ops-restore-done", &args));
        Ok(ExitCode::SUCCESS)
    })
}
