//! The data every server test starts from: the small catalog, the small municipality, accounts
//! with one password, and a fresh store on each backend.

use grunnmur_catalog::{CheckedCatalog, Source, read_body};
use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::{BodyRow, Storage, WorkspaceWrite};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

/// The small municipality's orgnr (as in its file), and a second body's.
pub const A: &str = "974760673";
pub const B: &str = "991825827";

/// Every test account's password.
pub const PASSWORD: &str = "et langt og godt passord";

/// The repository's root.
pub fn root() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file or folder of the small fixtures (`crates/grunnmur-catalog/tests/fixtures/small`).
pub fn small(path: &str) -> PathBuf {
    root()
        .join("crates/grunnmur-catalog/tests/fixtures/small")
        .join(path)
}

pub fn small_catalog() -> Arc<CheckedCatalog> {
    Arc::new(
        grunnmur_catalog::load_catalog(Some(&small("catalog")))
            .0
            .expect("small catalog"),
    )
}

/// The small municipality's body file (YAML).
pub fn small_body() -> String {
    std::fs::read_to_string(small("kommune.yaml")).unwrap()
}

/// The small catalog's file, as version `version` (it is "1.0").
pub fn small_catalog_file(version: &str) -> String {
    std::fs::read_to_string(small("catalog/catalog.yaml"))
        .unwrap()
        .replace("version: \"1.0\"", &format!("version: \"{version}\""))
}

/// The small catalog's file as version `version` the way it was written before catalogs named
/// their owners: no `owners`, no entry's `owner` (a release published back then).
pub fn small_catalog_file_without_owners(version: &str) -> String {
    let text = small_catalog_file(version);
    let mut out = String::new();
    let mut in_owners = false;
    for line in text.lines() {
        if line.starts_with("owners:") {
            in_owners = true;
            continue;
        }
        if in_owners && line.starts_with("  ") {
            continue;
        }
        in_owners = false;
        let line = ["digdir", "nsm", "ks"]
            .iter()
            .fold(line.to_string(), |l, o| {
                l.replace(&format!(", owner: {o}}}"), "}")
            });
        out.push_str(&line);
        out.push('\n');
    }
    assert!(!out.contains("owner"), "{out}");
    out
}

/// A body with the small municipality's workspace (its orgnr replaced by `orgnr`), written
/// straight into the store.
pub async fn add_small_body(store: &Arc<dyn Storage>, catalog: &CheckedCatalog, orgnr: &str) {
    let src = Source {
        name: "kommune.yaml".into(),
        text: small_body().replace(A, orgnr),
    };
    let (doc, _) = read_body(&src, &catalog.catalog).expect("small body");
    let body = BodyRow {
        orgnr: orgnr.into(),
        name: format!("Kommune {orgnr}"),
        kind: "kommune".into(),
        sectors: vec!["utdanning".into()],
        catalog_id: catalog.catalog.id.clone(),
        catalog_version: catalog.catalog.version.clone(),
        created_at: 0,
    };
    store.create_body(&body, "test").await.unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    let w = WorkspaceWrite {
        orgnr,
        doc: &json,
        actor: "test",
        action: "workspace.put",
        expected_version: None,
    };
    store.put_workspace(w).await.unwrap();
}

/// A local account with [`PASSWORD`]; its id.
pub async fn add_user(store: &Arc<dyn Storage>, email: &str, platform_admin: bool) -> i64 {
    // Hashed once: the hash is deliberately slow, and its salt need not differ between tests.
    static HASH: OnceLock<String> = OnceLock::new();
    let hash = HASH.get_or_init(|| grunnmur_web::auth::hash_password(PASSWORD).unwrap());
    store
        .create_user(email, Some(hash.as_str()), platform_admin, "test")
        .await
        .unwrap()
}

/// The second factor's secret of every platform administrator [`add_platform_admin`] makes.
pub const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// A platform administrator with the second factor on (a platform administrator without one is
/// held at the enrolment page), signing in with [`PASSWORD`] and [`totp_codes`].
pub async fn add_platform_admin(store: &Arc<dyn Storage>, email: &str) -> i64 {
    let id = add_user(store, email, true).await;
    store
        .enable_totp(id, TOTP_SECRET, &[], "test")
        .await
        .unwrap();
    id
}

/// The codes of [`TOTP_SECRET`] a sign-in may use now: this step's and the next one's (a code
/// is accepted once, so a second sign-in within a step needs the next).
pub fn totp_codes() -> [String; 2] {
    use grunnmur_web::totp;
    let key = totp::base32_decode(TOTP_SECRET).unwrap();
    let now = grunnmur_store::now();
    [
        totp::code_at(&key, now),
        totp::code_at(&key, now + totp::STEP),
    ]
}

/// A fresh SQLite store, and a fresh PostgreSQL one when a test database is given (saying so
/// plainly when not).
pub async fn stores(test: &str) -> Vec<Arc<dyn Storage>> {
    let mut v = vec![sqlite().await.0];
    match postgres().await {
        Some((s, _)) => v.push(s),
        None => note_postgres_skipped(test),
    }
    v
}

/// A system of an assessment (the JSON the API serves), if it has one with this id.
pub fn find_system<'a>(assessment: &'a Value, id: &str) -> Option<&'a Value> {
    assessment["systems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
}
