//! Baseline attestations (issue 13): what a body states about its baselines — the scope, the
//! catalog release, the levels, per baseline how many required measures there are and how many
//! are in place, which are not, deviations and accepted residual risks — signed with Ed25519
//! as a compact JWS (RFC 7515, `alg: EdDSA`) that any JOSE library can verify. The statement
//! is built from the engine's report (pure); signing and verifying need no IO either: keys come
//! in and go out as JWKs (RFC 8037), the caller reads and writes the files.

mod jws;
mod statement;

pub use jws::{
    Jwks, MAX_TOKEN, PrivateJwk, PublicJwk, RevocationList, Revoked, SigningKey, Verified,
    VerifyError, sign, sign_revocations, verify, verify_revocations,
};
pub use statement::{Attestation, BaselineCount, Scope, add_months, attestation};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("not an Ed25519 key (kty OKP, crv Ed25519): {0}")]
    NotEd25519(String),
    #[error("the key's {0} is not 32 bytes of base64url")]
    BadBytes(&'static str),
    #[error("no random bytes for a key: {0}")]
    Random(String),
}

/// A fresh id for an attestation: 16 random bytes, hex.
pub fn new_id() -> Result<String, KeyError> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| KeyError::Random(e.to_string()))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}
