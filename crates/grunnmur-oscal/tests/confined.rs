//! Resolution as the command line does it (`resolve_confined`): only the profile's folder and
//! the folders allowed explicitly are read, and no error quotes a document's content.

use grunnmur_oscal::{OscalError, ResolveOptions, resolve_confined};
use std::path::{Path, PathBuf};

const MINI: &str = include_str!("fixtures/mini-catalog.json");

/// A fresh folder: `profiles/` (where the profile lies), `shared/` (allowed only when asked),
/// `secret.txt` beside them.
fn tree(name: &str) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("grunnmur-confined-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for d in ["profiles/sub", "shared"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    std::fs::write(root.join("profiles/cat.json"), MINI).unwrap();
    std::fs::write(root.join("profiles/sub/cat.json"), MINI).unwrap();
    std::fs::write(root.join("shared/cat.json"), MINI).unwrap();
    std::fs::write(root.join("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    std::fs::write(
        root.join("profiles/notes.txt"),
        "root:x:0:0:root:/root:/bin/bash\n",
    )
    .unwrap();
    std::fs::canonicalize(root).unwrap()
}

fn profile(root: &Path, href: &str) -> String {
    let text = format!(
        r#"{{"profile": {{"uuid": "u", "metadata": {{"title": "p", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"}},
            "imports": [{{"href": "{href}", "include-all": {{}}}}]}}}}"#
    );
    let p = root.join("profiles/p.json");
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn resolve(root: &Path, href: &str, allow: &[PathBuf]) -> Result<usize, OscalError> {
    let key = profile(root, href);
    resolve_confined(&key, allow, &ResolveOptions::default()).map(|r| r.catalog.control_ids().len())
}

#[test]
fn documents_in_the_profiles_folder_are_read() {
    let root = tree("inside");
    assert!(resolve(&root, "cat.json", &[]).unwrap() > 0);
    assert!(resolve(&root, "sub/cat.json", &[]).unwrap() > 0);
    assert!(resolve(&root, "./sub/../cat.json", &[]).unwrap() > 0);
}

#[test]
fn absolute_paths_file_urls_and_escapes_are_refused_before_reading() {
    let root = tree("outside");
    let secret = root.join("secret.txt").display().to_string();
    for href in [
        "/etc/passwd".to_string(),
        "file:///etc/passwd".to_string(),
        secret.clone(),
        format!("file://{secret}"),
        "../secret.txt".into(),
        "../shared/cat.json".into(),
        "sub/../../secret.txt".into(),
        // Whether a file exists outside is not told either.
        "../does-not-exist.json".into(),
    ] {
        let e = resolve(&root, &href, &[]).unwrap_err();
        assert!(matches!(e, OscalError::Outside { .. }), "{href}: {e}");
        assert!(!e.to_string().contains("root:x"), "{e}");
    }
}

#[test]
fn allowed_folders_may_be_named() {
    let root = tree("allowed");
    let shared = root.join("shared");
    assert!(resolve(&root, "../shared/cat.json", std::slice::from_ref(&shared)).unwrap() > 0);
    let abs = shared.join("cat.json").display().to_string();
    assert!(resolve(&root, &abs, std::slice::from_ref(&shared)).unwrap() > 0);
    // Allowing one folder allows nothing beside it.
    let e = resolve(&root, "../secret.txt", &[shared]).unwrap_err();
    assert!(matches!(e, OscalError::Outside { .. }), "{e}");
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_folder_is_refused() {
    let root = tree("link");
    std::os::unix::fs::symlink(root.join("secret.txt"), root.join("profiles/link.json")).unwrap();
    let e = resolve(&root, "link.json", &[]).unwrap_err();
    assert!(matches!(e, OscalError::Outside { .. }), "{e}");
}

#[test]
fn a_document_that_does_not_parse_is_not_quoted() {
    let root = tree("quoted");
    let e = resolve(&root, "notes.txt", &[]).unwrap_err();
    let text = e.to_string();
    assert!(!text.contains("root:x"), "{text}");
    assert!(text.contains("notes.txt"), "{text}");
}
