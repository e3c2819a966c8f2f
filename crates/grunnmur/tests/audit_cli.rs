//! `grunnmur audit verify` against a log rewritten behind the server's back (SQLite, with the
//! key file and checkpoint in the data folder): an edit with the plain hashes recomputed, the
//! newest entry removed, an entry inserted, the log truncated, the key missing — each fails
//! and says why; the untouched log passes. (The same on PostgreSQL: the store's tests.)

mod common;

use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

/// A data folder whose log has four entries: three accounts and a role.
fn log_of_four(name: &str) -> PathBuf {
    let data = temp_dir(name).join("data");
    for email in ["a@example.no", "b@example.no", "c@example.no"] {
        let mut child = grunnmur()
            .args([
                "user",
                "create",
                "--email",
                email,
                "--password-stdin",
                "--data-dir",
            ])
            .arg(&data)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"et langt passord\n")
            .unwrap();
        assert!(child.wait().unwrap().success());
    }
    let o = grunnmur()
        .args([
            "platform",
            "grant",
            "--email",
            "a@example.no",
            "--role",
            "catalog-editor",
        ])
        .arg("--data-dir")
        .arg(&data)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    data
}

fn verify(data: &Path) -> Output {
    grunnmur()
        .args(["--lang", "en", "audit", "verify", "--data-dir"])
        .arg(data)
        .output()
        .unwrap()
}

/// Runs Python's sqlite3 on the folder's database with the append-only triggers dropped, as
/// someone with write access to the file could; `script` sees `c` (the connection) and
/// `plain(seq, at, actor, orgnr, action, before, after, prev)` (the unkeyed hash).
fn tamper(data: &Path, script: &str) {
    let db = data.join("grunnmur.db");
    let prelude = r#"
import sqlite3, hashlib, json
c = sqlite3.connect(DB)
c.executescript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
def plain(*f):
    return hashlib.sha256(json.dumps(list(f), separators=(',', ':'), ensure_ascii=False).encode()).hexdigest()
def rehash(frm):
    prev = c.execute("SELECT hash FROM audit_log WHERE seq = ?", (frm - 1,)).fetchone()
    prev = prev[0] if prev else "0" * 64
    for r in c.execute("SELECT seq, at, actor, orgnr, action, before, after FROM audit_log WHERE seq >= ? ORDER BY seq", (frm,)).fetchall():
        h = plain(*r, prev)
        c.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, h, r[0]))
        prev = h
"#;
    let code = format!(
        "{}\n{script}\nc.commit()\n",
        prelude.replace("DB", &format!("{:?}", db.display().to_string()))
    );
    let ok = std::process::Command::new("python3")
        .args(["-c", &code])
        .status()
        .unwrap();
    assert!(ok.success());
}

fn fails_with(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(what), "{what} in {err}");
}

#[test]
fn a_clean_log_passes_with_its_checkpoint() {
    let data = log_of_four("audit-clean");
    let o = verify(&data);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        out.contains("intact: 4 entries (keyed from entry 1); 1 checkpoints agree"),
        "{out}"
    );
    let cp = std::fs::read_to_string(data.join("audit-checkpoint.json")).unwrap();
    assert!(cp.contains("\"seq\":4"), "{cp}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("audit.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn an_edit_with_the_plain_hashes_recomputed_fails() {
    let data = log_of_four("audit-edit");
    tamper(
        &data,
        "c.execute(\"UPDATE audit_log SET actor = 'mallory' WHERE seq = 2\")\nrehash(2)",
    );
    fails_with(&verify(&data), "entry 2 was changed");
}

#[test]
fn removing_the_newest_entry_fails() {
    let data = log_of_four("audit-newest");
    tamper(&data, "c.execute(\"DELETE FROM audit_log WHERE seq = 4\")");
    fails_with(&verify(&data), "names entry 4, but the log ends at 3");
}

#[test]
fn truncating_the_log_fails() {
    let data = log_of_four("audit-truncate");
    tamper(&data, "c.execute(\"DELETE FROM audit_log WHERE seq > 1\")");
    fails_with(&verify(&data), "names entry 4, but the log ends at 1");
}

#[test]
fn an_inserted_entry_fails() {
    let data = log_of_four("audit-insert");
    let script = r#"
seq, at, h = c.execute("SELECT seq, at, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
c.execute("INSERT INTO audit_log VALUES (?, ?, 'mallory', NULL, 'login', NULL, NULL, ?, ?)",
          (seq + 1, at, h, plain(seq + 1, at, 'mallory', None, 'login', None, None, h)))
"#;
    tamper(&data, script);
    fails_with(&verify(&data), "entry 5 was changed");
}

#[test]
fn without_the_key_the_log_is_not_taken_as_verified() {
    let data = log_of_four("audit-nokey");
    std::fs::rename(data.join("audit.key"), data.join("elsewhere.key")).unwrap();
    fails_with(&verify(&data), "give the audit key");
    // Given by the variable instead, it verifies.
    let key = std::fs::read_to_string(data.join("elsewhere.key")).unwrap();
    let o = grunnmur()
        .args(["audit", "verify", "--data-dir"])
        .arg(&data)
        .env("GRUNNMUR_AUDIT_KEY", key.trim())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
