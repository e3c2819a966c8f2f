//! Signed baseline attestations from the command line: a key made once, an attestation issued
//! from the example municipality, checked with the public key or a JWKS — and refused, with
//! the reason, when a byte changed, another key signed it, it expired or it was revoked.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn grunnmur(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grunnmur"))
        .args(["--lang", "en"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run grunnmur")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("grunnmur-attest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn payload(jws: &str) -> Value {
    use base64::Engine;
    let p = jws.trim().split('.').nth(1).unwrap();
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(p)
        .unwrap();
    serde_json::from_slice(&bytes).unwrap()
}

/// Issues an attestation of the example municipality with a new key in `dir`.
fn issue(dir: &Path, extra: &[&str]) -> (Output, String) {
    let body = root().join("examples/kommune.yaml").display().to_string();
    let decls = root().join("examples/declarations").display().to_string();
    if !dir.join("key.jwk").exists() {
        let o = grunnmur(dir, &["keygen", "--out", "key.jwk"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
        std::fs::write(dir.join("public.jwk"), &o.stdout).unwrap();
    }
    let mut args = vec![
        "attest",
        "issue",
        &body,
        "--declarations",
        &decls,
        "--key",
        "key.jwk",
        "--today",
        "2026-12-04",
        "--issued-by",
        "Kari Nordmann",
        "--out",
        "a.jws",
    ];
    args.extend_from_slice(extra);
    let o = grunnmur(dir, &args);
    let jws = std::fs::read_to_string(dir.join("a.jws")).unwrap_or_default();
    (o, jws)
}

#[test]
fn an_attestation_is_issued_and_verified_with_the_public_key() {
    let dir = temp("ok");
    let (o, jws) = issue(&dir, &[]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("key.jwk"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the private key is the user's alone");
    }
    // The header names the algorithm and the key; the payload is what the engine says.
    let p = payload(&jws);
    assert_eq!(p["sub"], "999900011");
    assert_eq!(p["body"]["name"], "Eksempel kommune");
    assert_eq!(p["scope"], "body");
    assert_eq!(p["catalog"]["id"], "felles");
    assert_eq!(p["valid_until"], "2027-12-04");
    assert_eq!(p["issued_by"], "Kari Nordmann");
    let assess = Command::new(env!("CARGO_BIN_EXE_grunnmur"))
        .args([
            "assess",
            "examples/kommune.yaml",
            "--declarations",
            "examples/declarations",
        ])
        .args(["--format", "json", "--today", "2026-12-04"])
        .current_dir(root())
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&assess.stdout).unwrap();
    let required: u64 = (p["baselines"].as_array().unwrap().iter())
        .map(|b| b["required"].as_u64().unwrap())
        .sum();
    let in_place: u64 = (p["baselines"].as_array().unwrap().iter())
        .map(|b| b["in_place"].as_u64().unwrap())
        .sum();
    assert_eq!(
        required,
        report["summary"]["coverage"]["required"].as_u64().unwrap()
    );
    assert_eq!(
        in_place,
        report["summary"]["coverage"]["in_place"].as_u64().unwrap()
    );
    assert_eq!(p["deviations"], report["summary"]["deviations"]);
    assert!(!p["not_in_place"].as_array().unwrap().is_empty());

    let o = grunnmur(
        &dir,
        &[
            "attest",
            "verify",
            "a.jws",
            "--key",
            "public.jwk",
            "--today",
            "2027-01-01",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("Valid attestation for Eksempel kommune (999900011), the whole body"),
        "{out}"
    );
    assert!(out.contains("BN1: "), "{out}");
    // A JWKS with the key among others verifies too.
    let public: Value =
        serde_json::from_slice(&std::fs::read(dir.join("public.jwk")).unwrap()).unwrap();
    let other = temp("ok-other");
    let o = grunnmur(&other, &["keygen", "--out", "k2.jwk"]);
    let other_public: Value = serde_json::from_slice(&o.stdout).unwrap();
    let jwks = serde_json::json!({"keys": [other_public, public]});
    std::fs::write(dir.join("jwks.json"), jwks.to_string()).unwrap();
    let o = grunnmur(
        &dir,
        &[
            "attest",
            "verify",
            "a.jws",
            "--jwks",
            "jwks.json",
            "--today",
            "2027-01-01",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    // keygen never overwrites a key.
    let o = grunnmur(&dir, &["keygen", "--out", "key.jwk"]);
    assert!(!o.status.success());
}

#[test]
fn a_changed_byte_another_key_expiry_and_revocation_each_fail_with_the_reason() {
    let dir = temp("bad");
    let (o, jws) = issue(&dir, &["--months", "6"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let verify = |file: &str, extra: &[&str]| {
        let mut args = vec!["attest", "verify", file, "--key", "public.jwk"];
        args.extend_from_slice(extra);
        grunnmur(&dir, &args)
    };
    let refused = |o: Output, why: &str| {
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
        let err = text(&o.stderr);
        assert!(err.contains(why), "{err}");
    };
    // One changed byte in the payload: the numbers raised.
    let parts: Vec<&str> = jws.trim().split('.').collect();
    let mut p = payload(&jws);
    p["deviations"] = serde_json::json!(0);
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let forged = format!("{}.{}.{}", parts[0], b64.encode(p.to_string()), parts[2]);
    std::fs::write(dir.join("forged.jws"), forged).unwrap();
    refused(
        verify("forged.jws", &["--today", "2026-12-05"]),
        "the signature does not match",
    );
    // Another key with the same id: the signature does not match either.
    let other = temp("bad-other");
    let o = grunnmur(&other, &["keygen", "--out", "k2.jwk"]);
    let mut other_public: Value = serde_json::from_slice(&o.stdout).unwrap();
    let public: Value =
        serde_json::from_slice(&std::fs::read(dir.join("public.jwk")).unwrap()).unwrap();
    other_public["kid"] = public["kid"].clone();
    std::fs::write(dir.join("impostor.jwk"), other_public.to_string()).unwrap();
    let o = grunnmur(
        &dir,
        &[
            "attest",
            "verify",
            "a.jws",
            "--key",
            "impostor.jwk",
            "--today",
            "2026-12-05",
        ],
    );
    refused(o, "the signature does not match");
    // A key the issuer never had.
    let o = grunnmur(
        &other,
        &["attest", "verify", &dir.join("a.jws").display().to_string()],
    );
    assert_eq!(o.status.code(), Some(2), "--key or --jwks is required");
    std::fs::write(
        other.join("pub2.jwk"),
        serde_json::to_string(&serde_json::json!({
            "kty": "OKP", "crv": "Ed25519", "x": other_public["x"]
        }))
        .unwrap(),
    )
    .unwrap();
    let o = grunnmur(
        &other,
        &[
            "attest",
            "verify",
            &dir.join("a.jws").display().to_string(),
            "--key",
            "pub2.jwk",
            "--today",
            "2026-12-05",
        ],
    );
    refused(o, "signed with an unknown key");
    // Expired after six months.
    refused(
        verify("a.jws", &["--today", "2027-06-05"]),
        "expired; valid until 2027-06-04",
    );
    // Revoked.
    let id = payload(&jws)["jti"].as_str().unwrap().to_string();
    let o = grunnmur(
        &dir,
        &[
            "attest",
            "revoke",
            "--id",
            &id,
            "--key",
            "key.jwk",
            "--today",
            "2026-12-10",
            "--out",
            "rev.jws",
        ],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    refused(
        verify(
            "a.jws",
            &["--revocations", "rev.jws", "--today", "2026-12-11"],
        ),
        &format!("revoked on 2026-12-10 ({id})"),
    );
    // Not a JWS at all.
    std::fs::write(dir.join("junk.jws"), "hello").unwrap();
    refused(verify("junk.jws", &[]), "not an attestation");
    // A file larger than any token is refused unread.
    std::fs::write(dir.join("huge.jws"), vec![b'a'; (4 << 20) + 1]).unwrap();
    refused(
        verify("huge.jws", &[]),
        "larger than 4194304 bytes; not read",
    );
    // A private key whose public part is another key's is no key to sign with.
    let mut key: Value =
        serde_json::from_slice(&std::fs::read(dir.join("key.jwk")).unwrap()).unwrap();
    key["x"] = other_public["x"].clone();
    std::fs::write(dir.join("mixed.jwk"), key.to_string()).unwrap();
    let o = grunnmur(
        &dir,
        &[
            "attest",
            "revoke",
            "--id",
            "x",
            "--key",
            "mixed.jwk",
            "--out",
            "r2.jws",
        ],
    );
    refused(o, "not a private Ed25519 key from grunnmur keygen");
}
