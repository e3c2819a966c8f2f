//! `grunnmur load DIR`: what `grunnmur gen --out DIR` writes (the national case: its catalog,
//! the suppliers' declarations and the bodies) into the store, through the server's own code
//! (the same checks, the same audit entries), then every body's contribution to the figures
//! across bodies derived and stored. A server started after it with
//! `--catalog DIR/catalog.json` on the same database serves those bodies. Without
//! `DIR/catalog.json` the bodies and declarations are read against the bundled catalog.

use crate::server_cmd::{StoreArgs, publish_catalog, runtime};
use anyhow::Context;
use clap::Args;
use grunnmur_catalog::{BodyDoc, Source};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::BodyRow;
use grunnmur_web::{AppState, ops};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
pub struct LoadArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The folder `grunnmur gen --out` wrote: catalog.json (else the bundled catalog),
    /// declarations/ (optional) and bodies/ — YAML or JSON files.
    pub dir: PathBuf,
    /// The suppliers' declarations the bodies name; DIR/declarations when left out.
    #[arg(long)]
    pub declarations: Option<PathBuf>,
}

const ACTOR: &str = "grunnmur load";

fn row(s: &AppState, orgnr: &str, doc: &BodyDoc) -> BodyRow {
    BodyRow {
        orgnr: orgnr.into(),
        name: doc.org.name.clone(),
        kind: doc.org.kind.as_str().into(),
        sectors: doc.org.sectors.clone(),
        catalog_id: s.catalog.catalog.id.clone(),
        catalog_version: s.catalog.catalog.version.clone(),
        created_at: grunnmur_store::now(),
    }
}

/// A new body, or the stored one's workspace replaced (a second load of the same folder).
async fn put_body(s: &AppState, doc: &BodyDoc) -> anyhow::Result<()> {
    let orgnr = doc.org.orgnr.as_string();
    if s.store.body(&orgnr).await?.is_none() {
        s.store.create_body(&row(s, &orgnr, doc), ACTOR).await?;
    }
    ops::store_doc(s, &orgnr, doc, ACTOR, "workspace.put", None)
        .await
        .map_err(|e| anyhow::anyhow!("{orgnr}: {e:?}"))?;
    Ok(())
}

fn sources(dir: &Path, lang: Lang) -> anyhow::Result<Vec<Source>> {
    match grunnmur_catalog::files::read_declaration_sources(dir) {
        Ok(s) => Ok(s),
        Err(p) => {
            crate::output::print_problems(lang, &[p]);
            anyhow::bail!("{}", dir.display())
        }
    }
}

pub fn load(lang: Lang, args: LoadArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let catalog_file = args.dir.join("catalog.json");
    let catalog_file = catalog_file.is_file().then_some(catalog_file.as_path());
    let (release, problems) = grunnmur_catalog::load_release(catalog_file);
    let Some((checked, files)) = release else {
        crate::output::print_problems(lang, &problems);
        return Ok(ExitCode::FAILURE);
    };
    runtime()?.block_on(async move {
        let store = args.store.open().await?;
        let catalog = Arc::new(checked);
        if !publish_catalog(lang, &store, &catalog, &files, ACTOR).await? {
            return Ok(ExitCode::FAILURE);
        }
        let s = AppState::new(store, catalog, Default::default());
        // The generated declarations name no supplier's number: one organisation holds them.
        let generated = grunnmur_synth::orgnr(100_000);
        let decl_dir = (args.declarations.clone()).unwrap_or_else(|| args.dir.join("declarations"));
        let mut declarations = 0;
        if decl_dir.is_dir() {
            for src in sources(&decl_dir, lang)? {
                let name = src.name.clone();
                let declared = grunnmur_catalog::read_declaration(&src, &s.catalog.catalog);
                let declared = match declared {
                    Ok(d) => d,
                    Err(p) => {
                        crate::output::print_problems(lang, &p);
                        return Ok(ExitCode::FAILURE);
                    }
                };
                let head = &declared.doc.declaration;
                let (owner, supplier) = match head.supplier.orgnr.as_ref() {
                    Some(o) => (o.as_string(), head.supplier.name.clone()),
                    None => (generated.clone(), t(lang, "load-suppliers-name", &[])),
                };
                if s.store.body(&owner).await?.is_none() {
                    let org = grunnmur_catalog::body::OrgDoc::supplier(&owner, &supplier);
                    put_body(&s, &BodyDoc::new(org)).await?;
                }
                grunnmur_web::declaration_api::publish(&s, &owner, &head.id, src.text, ACTOR)
                    .await
                    .map_err(|e| anyhow::anyhow!("{name}: {e:?}"))?;
                declarations += 1;
            }
        }
        let (_, published) = ops::published_declarations(&s)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let mut bodies = 0;
        for src in sources(&args.dir.join("bodies"), lang)? {
            let read = grunnmur_catalog::read_body_with(&src, &s.catalog.catalog, &published);
            let doc = match read {
                Ok((doc, _)) => doc,
                Err(p) => {
                    crate::output::print_problems(lang, &p);
                    return Ok(ExitCode::FAILURE);
                }
            };
            put_body(&s, &doc).await.with_context(|| src.name.clone())?;
            bodies += 1;
        }
        let derived = grunnmur_web::contributions::refresh(&s)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let secs = format!("{:.1}", started.elapsed().as_secs_f64());
        let args = [
            ("bodies", bodies.to_string()),
            ("declarations", declarations.to_string()),
            ("contributions", derived.to_string()),
            ("seconds", secs),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        println!("{}", t(lang, "load-done", &args));
        Ok(ExitCode::SUCCESS)
    })
}
