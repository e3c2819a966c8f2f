//! Sign-in through OpenID Connect: Norwegian public bodies sign their staff in with ID-porten or
//! Entra ID. The authorization-code flow with PKCE, a `state` against login CSRF and a `nonce`
//! against replayed ID tokens; the ID token's signature, issuer, audience, expiry and nonce are
//! checked by `openidconnect`. Knows nothing of the web framework or of storage: the caller
//! keeps the [`Pending`] sign-in (in a short-lived cookie) and maps the [`Identity`] to an
//! account.

use base64::Engine;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet, EndpointNotSet,
    EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
    TokenResponse,
};
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// How long discovered metadata (endpoints and signing keys) is used before it is fetched
/// again, so a provider's key rotation is picked up.
const METADATA_TTL: Duration = Duration::from_secs(600);

/// What the operator configures.
#[derive(Clone, Debug)]
pub struct Config {
    /// The provider's issuer URL, e.g. `https://login.microsoftonline.com/{tenant}/v2.0`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// Where the provider sends the browser back: `{public URL}/login/oidc/callback`.
    pub redirect_url: String,
}

#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("OpenID Connect configuration: {0}")]
    Config(String),
    #[error("the identity provider could not be reached or answered wrongly: {0}")]
    Provider(String),
    /// The browser came back with a `state` other than the one it left with.
    #[error("the sign-in does not match the one started here (state)")]
    State,
    /// The provider refused, or the user cancelled.
    #[error("the identity provider refused the sign-in: {0}")]
    Refused(String),
    /// The ID token failed a check: signature, issuer, audience, expiry or nonce.
    #[error("the ID token failed its checks: {0}")]
    Token(String),
    /// The ID token has no e-mail address the provider vouches for.
    #[error("the identity provider gave no verified e-mail address")]
    NoEmail,
}

/// A sign-in between leaving for the provider and coming back: kept by the browser in an
/// HttpOnly cookie, so no server holds state and any app server can finish it. The cookie is
/// sealed with the provider's key ([`Provider::seal`]): one changed or made elsewhere is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    /// Where to go after signing in (a local path; the caller checks it).
    pub next: String,
}

type HmacSha256 = hmac::Hmac<sha2::Sha256>;

/// The key that seals pending sign-ins.
#[derive(Clone)]
pub struct SealKey(Vec<u8>);

impl SealKey {
    /// A key from a secret every app server of the deployment shares.
    pub fn from_secret(secret: &[u8]) -> SealKey {
        SealKey(mac(b"grunnmur pending sign-in", secret))
    }

    /// A random key, known to this process only.
    pub fn random() -> SealKey {
        let mut k = vec![0u8; 32];
        getrandom::fill(&mut k).expect("the operating system's random source");
        SealKey(k)
    }
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(…)")
    }
}

fn mac(key: &[u8], data: &[u8]) -> Vec<u8> {
    use hmac::Mac;
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes a key of any length");
    m.update(data);
    m.finalize().into_bytes().to_vec()
}

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

impl Pending {
    /// The cookie value: the sign-in as JSON and its HMAC-SHA256, both base64url, joined by `.`.
    pub fn seal(&self, key: &SealKey) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        let tag = mac(&key.0, &json);
        format!("{}.{}", B64.encode(json), B64.encode(tag))
    }

    /// The sign-in in a cookie value, if [`Pending::seal`] made it with this key.
    pub fn open(s: &str, key: &SealKey) -> Option<Pending> {
        use hmac::Mac;
        let (json, tag) = s.split_once('.')?;
        let json = B64.decode(json).ok()?;
        let tag = B64.decode(tag).ok()?;
        let mut m = HmacSha256::new_from_slice(&key.0).ok()?;
        m.update(&json);
        // Constant time: the comparison leaks nothing of the right tag.
        m.verify_slice(&tag).ok()?;
        serde_json::from_slice(&json).ok()
    }
}

/// Who signed in, as the provider vouches for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    /// Lower-cased.
    pub email: String,
}

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// One configured provider.
pub struct Provider {
    config: Config,
    issuer: IssuerUrl,
    redirect: RedirectUrl,
    http: reqwest::Client,
    client: Mutex<Option<(Instant, Client)>>,
    /// Seals pending sign-ins: from the client secret (which every app server of a deployment
    /// shares) unless [`Provider::with_seal_key`] sets another; random for a public client.
    seal: SealKey,
}

impl Provider {
    /// Checks the configuration; the provider itself is first asked at the first sign-in, so
    /// the server starts while the provider is down.
    pub fn new(config: Config) -> Result<Provider, OidcError> {
        let issuer = IssuerUrl::new(config.issuer.clone())
            .map_err(|e| OidcError::Config(format!("issuer: {e}")))?;
        require_https(issuer.url(), "issuer")?;
        let redirect = RedirectUrl::new(config.redirect_url.clone())
            .map_err(|e| OidcError::Config(format!("redirect URL: {e}")))?;
        require_https(redirect.url(), "redirect URL")?;
        if config.client_id.trim().is_empty() {
            return Err(OidcError::Config("client id is empty".into()));
        }
        // Following redirects would let a provider steer the server to other addresses.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| OidcError::Config(e.to_string()))?;
        let seal = match &config.client_secret {
            Some(secret) if !secret.is_empty() => SealKey::from_secret(secret.as_bytes()),
            _ => SealKey::random(),
        };
        Ok(Provider {
            config,
            issuer,
            redirect,
            http,
            client: Mutex::new(None),
            seal,
        })
    }

    /// Seals pending sign-ins with this key (one every app server of the deployment shares).
    pub fn with_seal_key(mut self, key: SealKey) -> Provider {
        self.seal = key;
        self
    }

    /// The cookie value that keeps a pending sign-in.
    pub fn seal(&self, pending: &Pending) -> String {
        pending.seal(&self.seal)
    }

    /// A pending sign-in from its cookie, if this deployment sealed it.
    pub fn open(&self, cookie: &str) -> Option<Pending> {
        Pending::open(cookie, &self.seal)
    }

    pub fn issuer(&self) -> &str {
        self.issuer.as_str()
    }

    async fn client(&self, fresh: bool) -> Result<Client, OidcError> {
        let mut cached = self.client.lock().await;
        if let Some((at, c)) = cached.as_ref()
            && !fresh
            && at.elapsed() < METADATA_TTL
        {
            return Ok(c.clone());
        }
        let metadata = CoreProviderMetadata::discover_async(self.issuer.clone(), &self.http)
            .await
            .map_err(|e| OidcError::Provider(error_chain(&e)))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            self.config.client_secret.clone().map(ClientSecret::new),
        )
        .set_redirect_uri(self.redirect.clone());
        *cached = Some((Instant::now(), client.clone()));
        Ok(client)
    }

    /// Starts a sign-in: the provider's URL to send the browser to, and what to keep until it
    /// comes back.
    pub async fn begin(&self, next: &str) -> Result<(String, Pending), OidcError> {
        let client = self.client(false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
            next: next.into(),
        };
        Ok((url.to_string(), pending))
    }

    /// Finishes a sign-in: checks `state`, exchanges the code (with the PKCE verifier), checks
    /// the ID token and returns who it names.
    pub async fn finish(
        &self,
        pending: &Pending,
        state: &str,
        code: &str,
    ) -> Result<Identity, OidcError> {
        if !constant_time_eq(state, &pending.state) {
            return Err(OidcError::State);
        }
        let client = self.client(false).await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code.into()))
            .map_err(|e| OidcError::Provider(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcError::Refused(error_chain(&e)))?;
        let token = response
            .id_token()
            .ok_or_else(|| OidcError::Token("no ID token in the answer".into()))?;
        let nonce = Nonce::new(pending.nonce.clone());
        let claims = match token.claims(&client.id_token_verifier(), &nonce) {
            Ok(c) => c.clone(),
            // The provider may have rotated its keys since they were fetched: fetch once more.
            Err(openidconnect::ClaimsVerificationError::SignatureVerification(_)) => {
                let client = self.client(true).await?;
                token
                    .claims(&client.id_token_verifier(), &nonce)
                    .map_err(|e| OidcError::Token(error_chain(&e)))?
                    .clone()
            }
            Err(e) => return Err(OidcError::Token(error_chain(&e))),
        };
        // An address links a person to an account, so it must be one the provider vouches for:
        // `email_verified`, or — from Entra ID alone, whose claim it is — `xms_edov` (the domain
        // owner verified it). Any other issuer may put any claim in its tokens. A claim left out
        // is not a yes.
        let verified = claims.email_verified() == Some(true)
            || (is_entra_issuer(claims.issuer().as_str())
                && verified_domain_owner(&token.to_string()));
        if !verified {
            return Err(OidcError::NoEmail);
        }
        let email = claims
            .email()
            .map(|e| e.as_str().trim().to_lowercase())
            .filter(|e| e.contains('@'))
            .ok_or(OidcError::NoEmail)?;
        Ok(Identity {
            issuer: claims.issuer().as_str().to_string(),
            subject: claims.subject().as_str().to_string(),
            email,
        })
    }
}

/// Microsoft Entra ID's sign-in hosts (the public cloud, US Government, China; `sts.windows.net`
/// issues v1.0 tokens).
const ENTRA_HOSTS: [&str; 4] = [
    "login.microsoftonline.com",
    "login.microsoftonline.us",
    "login.partner.microsoftonline.cn",
    "sts.windows.net",
];

/// Whether an issuer is Entra ID's: https on one of its hosts. Only there does `xms_edov` mean
/// what Microsoft documents.
pub fn is_entra_issuer(issuer: &str) -> bool {
    openidconnect::url::Url::parse(issuer).is_ok_and(|u| {
        u.scheme() == "https"
            && u.port().is_none()
            && u.host_str().is_some_and(|h| ENTRA_HOSTS.contains(&h))
    })
}

/// Entra ID's optional claim `xms_edov`, read from the payload of an ID token whose signature
/// was already checked (the library's claim types keep only the standard claims).
fn verified_domain_owner(jwt: &str) -> bool {
    let Some(payload) = jwt.split('.').nth(1) else {
        return false;
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .is_some_and(|v| v["xms_edov"] == serde_json::Value::Bool(true) || v["xms_edov"] == "1")
}

/// Plain HTTP only to this machine (tests, a provider beside the server).
fn require_https(url: &openidconnect::url::Url, what: &str) -> Result<(), OidcError> {
    let local = matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    if url.scheme() == "https" || (url.scheme() == "http" && local) {
        Ok(())
    } else {
        Err(OidcError::Config(format!("{what} must use https: {url}")))
    }
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// An error with its causes, for the log and the operator.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(c) = source {
        s.push_str(": ");
        s.push_str(&c.to_string());
        source = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(issuer: &str, redirect: &str) -> Config {
        Config {
            issuer: issuer.into(),
            client_id: "grunnmur".into(),
            client_secret: Some("s".into()),
            redirect_url: redirect.into(),
        }
    }

    #[test]
    fn plain_http_only_to_this_machine() {
        let cb = "https://grunnmur.example.no/login/oidc/callback";
        assert!(Provider::new(config("https://login.example.no", cb)).is_ok());
        assert!(Provider::new(config("http://127.0.0.1:9000", cb)).is_ok());
        let err = Provider::new(config("http://login.example.no", cb))
            .err()
            .unwrap();
        assert!(err.to_string().contains("issuer must use https"), "{err}");
        assert!(matches!(
            Provider::new(config("https://login.example.no", "not a url")),
            Err(OidcError::Config(_))
        ));
        let mut c = config("https://login.example.no", cb);
        c.client_id = " ".into();
        assert!(matches!(Provider::new(c), Err(OidcError::Config(_))));
    }

    #[test]
    fn entras_domain_owner_claim_counts_as_verified() {
        let jwt = |claims: &str| {
            format!(
                "h.{}.s",
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims)
            )
        };
        assert!(verified_domain_owner(&jwt(r#"{"xms_edov":true}"#)));
        assert!(verified_domain_owner(&jwt(r#"{"xms_edov":"1"}"#)));
        assert!(!verified_domain_owner(&jwt(r#"{"xms_edov":false}"#)));
        assert!(!verified_domain_owner(&jwt(r#"{"email":"a@b.no"}"#)));
        assert!(!verified_domain_owner("not a token"));
    }

    #[test]
    fn only_entra_ids_own_issuers_are_entra_id() {
        for yes in [
            "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
            "https://sts.windows.net/9188040d-6c67-4c5b-b112-36a304b66dad/",
            "https://login.microsoftonline.us/tenant/v2.0",
        ] {
            assert!(is_entra_issuer(yes), "{yes}");
        }
        for no in [
            "http://login.microsoftonline.com/tenant/v2.0",
            "https://login.microsoftonline.com.evil.example/tenant/v2.0",
            "https://evil.example/login.microsoftonline.com/v2.0",
            "https://login.microsoftonline.com:8443/tenant/v2.0",
            "https://idporten.no",
            "http://127.0.0.1:9000",
            "not a url",
        ] {
            assert!(!is_entra_issuer(no), "{no}");
        }
    }

    #[test]
    fn pending_round_trips_sealed_and_refuses_what_was_changed() {
        let p = Pending {
            state: "s".into(),
            nonce: "n".into(),
            verifier: "v".into(),
            next: "/b/1".into(),
        };
        let key = SealKey::from_secret(b"hemmelig");
        let sealed = p.seal(&key);
        assert_eq!(Pending::open(&sealed, &key), Some(p.clone()));
        // Another deployment's key, or a random one, does not open it.
        assert_eq!(
            Pending::open(&sealed, &SealKey::from_secret(b"annen")),
            None
        );
        assert_eq!(Pending::open(&sealed, &SealKey::random()), None);
        // The same secret gives the same key on every server.
        assert_eq!(
            Pending::open(&sealed, &SealKey::from_secret(b"hemmelig")),
            Some(p.clone())
        );
        // Another `next` under the old tag; the sign-in alone without one; garbage.
        let (_, tag) = sealed.split_once('.').unwrap();
        let mut evil = p.clone();
        evil.next = "/b/2".into();
        let json = B64.encode(serde_json::to_vec(&evil).unwrap());
        assert_eq!(Pending::open(&format!("{json}.{tag}"), &key), None);
        assert_eq!(Pending::open(&json, &key), None);
        assert_eq!(Pending::open("not base64!.x", &key), None);
        assert_eq!(Pending::open("e30.", &key), None);
    }

    #[tokio::test]
    async fn a_wrong_state_is_refused_before_the_provider_is_asked() {
        // The issuer does not exist: reaching it would fail differently.
        let p = Provider::new(config("http://127.0.0.1:9", "http://127.0.0.1:8/cb")).unwrap();
        let pending = Pending {
            state: "right".into(),
            nonce: "n".into(),
            verifier: "v".into(),
            next: "/".into(),
        };
        assert!(matches!(
            p.finish(&pending, "wrong", "code").await,
            Err(OidcError::State)
        ));
        assert!(matches!(
            p.finish(&pending, "right", "code").await,
            Err(OidcError::Provider(_))
        ));
    }
}
