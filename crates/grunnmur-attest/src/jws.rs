//! Compact JWS with EdDSA (Ed25519, RFC 8037) and the keys as JWKs; the key id is the key's
//! RFC 7638 thumbprint, so the same key always has the same id.

use crate::KeyError;
use crate::statement::Attestation;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ed25519_dalek::{Signature, Signer};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Digest;

/// A private key with its id.
pub struct SigningKey {
    pub kid: String,
    key: ed25519_dalek::SigningKey,
}

/// A private key as a JWK file holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrivateJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub d: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
}

/// A public key as a JWKS publishes it. A private JWK read as this loses its `d`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    #[serde(default, rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Jwks {
    pub keys: Vec<PublicJwk>,
}

/// The ids of revoked attestations, signed by the issuer like the attestations themselves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RevocationList {
    pub iss: String,
    pub iat: i64,
    pub revoked: Vec<Revoked>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revoked {
    pub jti: String,
    /// The day it was revoked (`YYYY-MM-DD`).
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum VerifyError {
    #[error("not a compact JWS: {0}")]
    Malformed(String),
    #[error("the algorithm is {0}, not EdDSA")]
    Algorithm(String),
    #[error("signed with an unknown key: {0}")]
    UnknownKey(String),
    #[error("the signature does not match: the content was changed, or another key signed it")]
    BadSignature,
    #[error("expired: valid until {0}")]
    Expired(String),
    #[error("revoked on {date}: {jti}")]
    Revoked { jti: String, date: String },
}

/// A checked attestation and the key that signed it.
#[derive(Debug)]
pub struct Verified {
    pub attestation: Attestation,
    pub kid: String,
}

fn b32(s: &str, what: &'static str) -> Result<[u8; 32], KeyError> {
    let bytes = B64.decode(s).map_err(|_| KeyError::BadBytes(what))?;
    bytes.try_into().map_err(|_| KeyError::BadBytes(what))
}

/// RFC 7638: the SHA-256 of the key's required members in lexical order, base64url.
fn thumbprint(x: &str) -> String {
    let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#);
    B64.encode(sha2::Sha256::digest(canonical.as_bytes()))
}

fn check_kind(kty: &str, crv: &str) -> Result<(), KeyError> {
    if kty == "OKP" && crv == "Ed25519" {
        Ok(())
    } else {
        Err(KeyError::NotEd25519(format!("{kty}/{crv}")))
    }
}

impl SigningKey {
    /// A new key from the system's random source.
    pub fn generate() -> Result<SigningKey, KeyError> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(SigningKey::from_seed(seed))
    }

    fn from_seed(seed: [u8; 32]) -> SigningKey {
        let key = ed25519_dalek::SigningKey::from_bytes(&seed);
        let x = B64.encode(key.verifying_key().to_bytes());
        SigningKey {
            kid: thumbprint(&x),
            key,
        }
    }

    pub fn from_jwk(jwk: &PrivateJwk) -> Result<SigningKey, KeyError> {
        check_kind(&jwk.kty, &jwk.crv)?;
        let k = SigningKey::from_seed(b32(&jwk.d, "d")?);
        // The public part must be this key's: a file with a foreign `x` is refused.
        if B64.encode(k.key.verifying_key().to_bytes()) != jwk.x {
            return Err(KeyError::BadBytes("x"));
        }
        Ok(k)
    }

    pub fn to_jwk(&self) -> PrivateJwk {
        let public = self.public();
        PrivateJwk {
            kty: public.kty,
            crv: public.crv,
            x: public.x,
            d: B64.encode(self.key.to_bytes()),
            kid: public.kid,
            alg: public.alg,
        }
    }

    pub fn public(&self) -> PublicJwk {
        PublicJwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: B64.encode(self.key.verifying_key().to_bytes()),
            kid: Some(self.kid.clone()),
            alg: Some("EdDSA".into()),
            use_: Some("sig".into()),
        }
    }
}

impl PublicJwk {
    /// The key's id: its own `kid`, or its thumbprint.
    pub fn id(&self) -> String {
        self.kid.clone().unwrap_or_else(|| thumbprint(&self.x))
    }

    fn verifying_key(&self) -> Result<ed25519_dalek::VerifyingKey, KeyError> {
        check_kind(&self.kty, &self.crv)?;
        ed25519_dalek::VerifyingKey::from_bytes(&b32(&self.x, "x")?)
            .map_err(|_| KeyError::BadBytes("x"))
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    typ: Option<String>,
}

fn sign_value<T: Serialize>(value: &T, key: &SigningKey, typ: &str) -> String {
    let header = Header {
        alg: "EdDSA".into(),
        kid: Some(key.kid.clone()),
        typ: Some(typ.into()),
    };
    // Serialising these plain structs cannot fail.
    let header = serde_json::to_vec(&header).unwrap_or_default();
    let payload = serde_json::to_vec(value).unwrap_or_default();
    let input = format!("{}.{}", B64.encode(header), B64.encode(payload));
    let sig = key.key.sign(input.as_bytes());
    format!("{input}.{}", B64.encode(sig.to_bytes()))
}

/// The longest token read: an attestation is a few kilobytes, a revocation list grows by one
/// short entry per revocation.
pub const MAX_TOKEN: usize = 4 << 20;

/// Checks the signature with the key the header names among `keys`; the payload as `T`.
fn open<T: DeserializeOwned>(token: &str, keys: &[PublicJwk]) -> Result<(T, String), VerifyError> {
    let malformed = |what: &str| VerifyError::Malformed(what.to_string());
    if token.len() > MAX_TOKEN {
        return Err(malformed(&format!("longer than {MAX_TOKEN} bytes")));
    }
    let token = token.trim();
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed("three parts separated by dots"));
    };
    let header: Header = B64
        .decode(h)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or_else(|| malformed("header"))?;
    if header.alg != "EdDSA" {
        return Err(VerifyError::Algorithm(header.alg));
    }
    let kid = header.kid.unwrap_or_default();
    let key = (keys.iter().find(|k| k.id() == kid))
        .ok_or_else(|| VerifyError::UnknownKey(kid.clone()))?;
    let vk = key
        .verifying_key()
        .map_err(|_| VerifyError::UnknownKey(kid.clone()))?;
    let sig: [u8; 64] = (B64.decode(s).ok())
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| malformed("signature"))?;
    let input = &token[..h.len() + 1 + p.len()];
    vk.verify_strict(input.as_bytes(), &Signature::from_bytes(&sig))
        .map_err(|_| VerifyError::BadSignature)?;
    let payload = B64.decode(p).map_err(|_| malformed("payload"))?;
    let value =
        serde_json::from_slice(&payload).map_err(|e| malformed(&format!("payload: {e}")))?;
    Ok((value, kid))
}

/// The attestation as a compact JWS.
pub fn sign(att: &Attestation, key: &SigningKey) -> String {
    sign_value(att, key, "JWT")
}

/// Checks an attestation: signature (by a key of `keys`), expiry at `now` (seconds since the
/// epoch), and the revocation list if given.
pub fn verify(
    token: &str,
    keys: &[PublicJwk],
    now: i64,
    revocations: Option<&RevocationList>,
) -> Result<Verified, VerifyError> {
    let (attestation, kid): (Attestation, String) = open(token, keys)?;
    if now > attestation.exp {
        return Err(VerifyError::Expired(attestation.valid_until.clone()));
    }
    let revoked = revocations.and_then(|l| l.revoked.iter().find(|r| r.jti == attestation.jti));
    if let Some(r) = revoked {
        return Err(VerifyError::Revoked {
            jti: r.jti.clone(),
            date: r.date.clone(),
        });
    }
    Ok(Verified { attestation, kid })
}

pub fn sign_revocations(list: &RevocationList, key: &SigningKey) -> String {
    sign_value(list, key, "grunnmur-revocations+jwt")
}

pub fn verify_revocations(token: &str, keys: &[PublicJwk]) -> Result<RevocationList, VerifyError> {
    open(token, keys).map(|(list, _)| list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_round_trips_through_its_jwk_and_keeps_its_id() {
        let k = SigningKey::from_seed([7; 32]);
        let again = SigningKey::from_jwk(&k.to_jwk()).unwrap();
        assert_eq!(again.kid, k.kid);
        assert_eq!(k.public().id(), k.kid);
        let mut foreign = k.to_jwk();
        foreign.x = SigningKey::from_seed([8; 32]).public().x;
        assert!(SigningKey::from_jwk(&foreign).is_err());
    }

    #[test]
    fn rfc8037_test_key_has_the_published_thumbprint() {
        // RFC 8037 appendix A.1 and A.3.
        let d = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
        let x = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
        let k = SigningKey::from_jwk(&PrivateJwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: x.into(),
            d: d.into(),
            kid: None,
            alg: None,
        })
        .unwrap();
        assert_eq!(k.kid, "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        // A.4: the signature of "Example of Ed25519 signing" with that key.
        let input = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
        let sig = k.key.sign(input.as_bytes());
        assert_eq!(
            B64.encode(sig.to_bytes()),
            "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"
        );
    }
}
