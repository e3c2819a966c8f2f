//! Sign-in through OpenID Connect against a small provider started inside the test: discovery,
//! the authorization-code flow with PKCE, RS256-signed ID tokens written here by hand (not by
//! the library under test), and every way a sign-in must fail — wrong state, replayed or forged
//! tokens, another audience, an expired token, no verified e-mail, a provider that is down.

use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode as Status, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use grunnmur_store::{Role, Storage};
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use reqwest::StatusCode;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, sha2::Digest, sha2::Sha256};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

const CLIENT_ID: &str = "grunnmur-test";
const CLIENT_SECRET: &str = "hemmelig";

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Two RSA keys, made once: the provider's, and one nobody published.
fn keys() -> &'static (RsaPrivateKey, RsaPrivateKey) {
    static K: OnceLock<(RsaPrivateKey, RsaPrivateKey)> = OnceLock::new();
    K.get_or_init(|| {
        let mut rng = rsa::rand_core::OsRng;
        (
            RsaPrivateKey::new(&mut rng, 2048).unwrap(),
            RsaPrivateKey::new(&mut rng, 2048).unwrap(),
        )
    })
}

/// How the provider misbehaves for the next token.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Forge {
    None,
    UnpublishedKey,
    OtherNonce,
    OtherAudience,
    Expired,
    /// Entra ID's verified-domain-owner claim (`xms_edov`) from an issuer that is not Entra ID,
    /// and no `email_verified`.
    ForeignEdov,
}

#[derive(Clone, Debug)]
struct Person {
    sub: String,
    email: String,
    /// `email_verified`; `None` leaves the claim out (Entra ID sends none).
    verified: Option<bool>,
}

struct Grant {
    nonce: String,
    challenge: String,
    redirect_uri: String,
}

#[derive(Clone)]
struct Provider {
    issuer: String,
    person: Arc<Mutex<Person>>,
    forge: Arc<Mutex<Forge>>,
    grants: Arc<Mutex<HashMap<String, Grant>>>,
}

async fn discovery(State(p): State<Provider>) -> Response {
    let i = &p.issuer;
    axum::Json(serde_json::json!({
        "issuer": i,
        "authorization_endpoint": format!("{i}/authorize"),
        "token_endpoint": format!("{i}/token"),
        "jwks_uri": format!("{i}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid", "email", "profile"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        "code_challenge_methods_supported": ["S256"],
    }))
    .into_response()
}

async fn jwks() -> Response {
    let public = keys().0.to_public_key();
    axum::Json(serde_json::json!({"keys": [{
        "kty": "RSA", "use": "sig", "alg": "RS256", "kid": "k1",
        "n": b64(&public.n().to_bytes_be()),
        "e": b64(&public.e().to_bytes_be()),
    }]}))
    .into_response()
}

#[derive(Deserialize)]
struct AuthorizeQuery {
    response_type: String,
    client_id: String,
    redirect_uri: String,
    scope: String,
    state: String,
    nonce: String,
    code_challenge: String,
    code_challenge_method: String,
}

/// The user "signs in" at once: the provider sends the browser back with a code.
async fn authorize(State(p): State<Provider>, Query(q): Query<AuthorizeQuery>) -> Response {
    assert_eq!(q.response_type, "code");
    assert_eq!(q.client_id, CLIENT_ID);
    assert_eq!(q.code_challenge_method, "S256", "PKCE with SHA-256");
    assert!(q.scope.split(' ').any(|s| s == "openid"), "{}", q.scope);
    assert!(q.scope.split(' ').any(|s| s == "email"), "{}", q.scope);
    let code = b64(&rand_bytes());
    p.grants.lock().unwrap().insert(
        code.clone(),
        Grant {
            nonce: q.nonce,
            challenge: q.code_challenge,
            redirect_uri: q.redirect_uri.clone(),
        },
    );
    let state = form_urlencoded::byte_serialize(q.state.as_bytes()).collect::<String>();
    Redirect::to(&format!("{}?code={code}&state={state}", q.redirect_uri)).into_response()
}

fn rand_bytes() -> [u8; 16] {
    let mut b = [0u8; 16];
    rsa::rand_core::RngCore::fill_bytes(&mut rsa::rand_core::OsRng, &mut b);
    b
}

#[derive(Deserialize)]
struct TokenForm {
    grant_type: String,
    code: String,
    redirect_uri: String,
    code_verifier: String,
}

async fn token(
    State(p): State<Provider>,
    headers: HeaderMap,
    Form(f): Form<TokenForm>,
) -> Response {
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{CLIENT_ID}:{CLIENT_SECRET}"))
    );
    if headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        != Some(basic.as_str())
    {
        return (
            Status::UNAUTHORIZED,
            axum::Json(serde_json::json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    // A code is good once.
    let Some(grant) = p.grants.lock().unwrap().remove(&f.code) else {
        return (
            Status::BAD_REQUEST,
            axum::Json(serde_json::json!({"error": "invalid_grant"})),
        )
            .into_response();
    };
    assert_eq!(f.grant_type, "authorization_code");
    assert_eq!(f.redirect_uri, grant.redirect_uri);
    if b64(&Sha256::digest(f.code_verifier.as_bytes())) != grant.challenge {
        return (
            Status::BAD_REQUEST,
            axum::Json(serde_json::json!({"error": "invalid_grant"})),
        )
            .into_response();
    }
    let person = p.person.lock().unwrap().clone();
    let forge = *p.forge.lock().unwrap();
    let now = grunnmur_store::now();
    let mut claims = serde_json::json!({
        "iss": p.issuer,
        "sub": person.sub,
        "aud": if forge == Forge::OtherAudience { "someone-else" } else { CLIENT_ID },
        "iat": now - 5,
        "exp": if forge == Forge::Expired { now - 60 } else { now + 300 },
        "nonce": if forge == Forge::OtherNonce { "replayed" } else { grant.nonce.as_str() },
        "email": person.email,
    });
    if let Some(v) = person.verified {
        claims["email_verified"] = v.into();
    }
    if forge == Forge::ForeignEdov {
        claims.as_object_mut().unwrap().remove("email_verified");
        claims["xms_edov"] = true.into();
    }
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": "k1"});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    );
    let key = if forge == Forge::UnpublishedKey {
        &keys().1
    } else {
        &keys().0
    };
    let signature = SigningKey::<Sha256>::new(key.clone()).sign(input.as_bytes());
    let id_token = format!("{input}.{}", b64(&signature.to_bytes()));
    axum::Json(serde_json::json!({
        "access_token": "at", "token_type": "Bearer", "expires_in": 300, "id_token": id_token,
    }))
    .into_response()
}

async fn start_provider() -> Provider {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let p = Provider {
        issuer: format!("http://{}", listener.local_addr().unwrap()),
        person: Arc::new(Mutex::new(Person {
            sub: "sub-kari".into(),
            email: "Kari@Example.no".into(),
            verified: Some(true),
        })),
        forge: Arc::new(Mutex::new(Forge::None)),
        grants: Arc::new(Mutex::new(HashMap::new())),
    };
    let app = axum::Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/authorize", get(authorize))
        .route("/token", post(token))
        .with_state(p.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    p
}

/// The pages, with sign-in through the provider at `issuer` when one is given, over body A
/// with the small municipality's workspace.
async fn start_app(store: Arc<dyn Storage>, issuer: Option<&str>) -> Site {
    let site = Site::start(store, &[A], |state, base| match issuer {
        Some(issuer) => {
            let provider = grunnmur_oidc::Provider::new(grunnmur_oidc::Config {
                issuer: issuer.into(),
                client_id: CLIENT_ID.into(),
                client_secret: Some(CLIENT_SECRET.into()),
                redirect_url: format!("{base}/login/oidc/callback"),
            })
            .unwrap();
            state.with_oidc(provider)
        }
        None => state,
    })
    .await;
    // An account the administrator made before the organisation's login was turned on.
    let kari = add_user(&site.store, "kari@example.no", false).await;
    site.store
        .grant(kari, A, Role::Editor, "test")
        .await
        .unwrap();
    site
}

/// What the browser ends with after a round trip to the provider.
struct Outcome {
    status: StatusCode,
    session: Option<String>,
    html: String,
}

/// A browser's way through the organisation's login.
trait SignIn {
    /// Leaves for the provider, which signs the user in at once: the browser's pending-sign-in
    /// cookie and the callback URL the provider sends it back to.
    async fn leave(&self, next: &str) -> (String, String);
    /// The whole sign-in, as a browser does it: to the provider and back with its cookie.
    async fn sign_in(&self, next: &str) -> Outcome;
    async fn callback(&self, url: &str, pending: Option<&str>) -> Outcome;
    async fn audit_actions(&self) -> Vec<String>;
}

impl SignIn for Site {
    async fn leave(&self, next: &str) -> (String, String) {
        let res = self
            .http
            .get(format!("{}/login/oidc?next={next}", self.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let pending = set_cookie_header(&res, "grunnmur_oidc").expect("the pending sign-in");
        assert!(pending.contains("HttpOnly") && pending.contains("SameSite=Lax"));
        let at_provider = self.http.get(location(&res)).send().await.unwrap();
        assert_eq!(at_provider.status(), StatusCode::SEE_OTHER);
        let back = location(&at_provider);
        assert!(back.starts_with(&format!("{}/login/oidc/callback?", self.base)));
        (pending.split(';').next().unwrap().to_string(), back)
    }

    async fn sign_in(&self, next: &str) -> Outcome {
        let (pending, back) = self.leave(next).await;
        self.callback(&back, Some(&pending)).await
    }

    async fn callback(&self, url: &str, pending: Option<&str>) -> Outcome {
        let mut req = self.http.get(url);
        if let Some(c) = pending {
            req = req.header("cookie", c);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        let session = set_cookie(&res, "grunnmur_session");
        Outcome {
            status,
            session,
            html: res.text().await.unwrap(),
        }
    }

    async fn audit_actions(&self) -> Vec<String> {
        let rows = self.store.audit_all().await.unwrap();
        rows.into_iter().map(|a| a.action).collect()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_through_the_organisations_login() {
    for store in stores("signing_in_through_the_organisations_login").await {
        let idp = start_provider().await;
        let app = start_app(store, Some(&idp.issuer)).await;
        let b = app.store.backend();

        let (status, login) = app.get("", "/login").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            login.contains("href=\"/login/oidc?next=%2F\""),
            "{b}: {login}"
        );

        // Kari's account exists with a password; her first sign-in links the identity to it.
        let out = app.sign_in("%2Fb%2F974760673").await;
        assert_eq!(out.status, StatusCode::OK, "{b}: {}", out.html);
        let session = out.session.expect("a session");
        assert!(
            out.html.contains("content=\"0; url=/b/974760673\""),
            "{b}: the page moves on to where the user was going: {}",
            out.html
        );
        let (status, page) = app.get(&session, "/b/974760673").await;
        assert_eq!(status, StatusCode::OK, "{b}");
        assert!(page.contains("Kommune 974760673"), "{b}");
        assert_eq!(
            app.audit_actions()
                .await
                .iter()
                .filter(|a| *a == "user.link_identity")
                .count(),
            1,
            "{b}"
        );

        // She comes back with a new e-mail address: the subject, not the address, finds her.
        idp.person.lock().unwrap().email = "kari.nordmann@example.no".into();
        let again = app.sign_in("%2Fb%2F974760673").await;
        let (status, _) = app.get(&again.session.unwrap(), "/b/974760673").await;
        assert_eq!(status, StatusCode::OK, "{b}");
        assert_eq!(
            app.store
                .user_by_email("kari.nordmann@example.no")
                .await
                .unwrap(),
            None,
            "{b}: no second account"
        );

        // Someone new gets an account with no role: signed in, but sees no body.
        *idp.person.lock().unwrap() = Person {
            sub: "sub-ola".into(),
            email: "ola@example.no".into(),
            verified: Some(true),
        };
        let ola = app.sign_in("%2Fb%2F974760673").await;
        let ola = ola.session.expect("a session for a new account");
        let (status, _) = app.get(&ola, "/b/974760673").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{b}: no role in A");
        let user = app
            .store
            .user_by_email("ola@example.no")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.password_hash, None, "{b}");

        // `next` never leaves the site.
        let out = app.sign_in("https%3A%2F%2Fevil.example").await;
        assert!(
            out.html.contains("content=\"0; url=/\""),
            "{b}: {}",
            out.html
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_replayed_and_unverified_sign_ins_are_refused() {
    let idp = start_provider().await;
    let app = start_app(sqlite().await.0, Some(&idp.issuer)).await;
    let users_before = app.store.user_count().await.unwrap();

    // Each forged token is refused with a message, and nobody is signed in or created.
    idp.person.lock().unwrap().sub = "sub-mallory".into();
    idp.person.lock().unwrap().email = "mallory@example.no".into();
    for forge in [
        Forge::UnpublishedKey,
        Forge::OtherNonce,
        Forge::OtherAudience,
        Forge::Expired,
    ] {
        *idp.forge.lock().unwrap() = forge;
        let out = app.sign_in("%2F").await;
        assert_eq!(out.status, StatusCode::UNAUTHORIZED, "{forge:?}");
        assert_eq!(out.session, None, "{forge:?}");
        assert!(
            out.html.contains("role=\"alert\""),
            "{forge:?}: {}",
            out.html
        );
    }
    *idp.forge.lock().unwrap() = Forge::None;

    // An address the provider has not verified does not open anyone's account.
    *idp.person.lock().unwrap() = Person {
        sub: "sub-x".into(),
        email: "kari@example.no".into(),
        verified: Some(false),
    };
    // Nor does one it says nothing about: a claim left out is not a yes.
    for verified in [Some(false), None] {
        idp.person.lock().unwrap().verified = verified;
        let out = app.sign_in("%2F").await;
        assert_eq!(out.status, StatusCode::FORBIDDEN, "{verified:?}");
        assert_eq!(out.session, None);
        assert!(out.html.contains("bekreftet e-postadresse"), "{}", out.html);
        assert_eq!(
            app.store
                .user_by_identity(&idp.issuer, "sub-x")
                .await
                .unwrap(),
            None
        );
        assert_eq!(app.store.user_count().await.unwrap(), users_before);
    }
    idp.person.lock().unwrap().verified = Some(true);
    // Entra ID's own claim counts from Entra ID alone: any other provider may send it.
    *idp.forge.lock().unwrap() = Forge::ForeignEdov;
    let out = app.sign_in("%2F").await;
    assert_eq!(out.status, StatusCode::FORBIDDEN, "{}", out.html);
    assert_eq!(out.session, None);
    assert_eq!(
        app.store
            .user_by_identity(&idp.issuer, "sub-x")
            .await
            .unwrap(),
        None
    );
    *idp.forge.lock().unwrap() = Forge::None;

    // A verified address still never takes over an account with a platform role…
    let root = add_user(&app.store, "root@example.no", true).await;
    *idp.person.lock().unwrap() = Person {
        sub: "sub-root".into(),
        email: "root@example.no".into(),
        verified: Some(true),
    };
    let out = app.sign_in("%2F").await;
    assert_eq!(out.status, StatusCode::FORBIDDEN);
    assert_eq!(out.session, None);
    assert!(out.html.contains("Kontakt administratoren"), "{}", out.html);
    // …nor one already linked to someone else at this provider (a reused address).
    *idp.person.lock().unwrap() = Person {
        sub: "sub-kari".into(),
        email: "kari@example.no".into(),
        verified: Some(true),
    };
    assert!(app.sign_in("%2F").await.session.is_some(), "Kari herself");
    *idp.person.lock().unwrap() = Person {
        sub: "sub-new-kari".into(),
        email: "kari@example.no".into(),
        verified: Some(true),
    };
    let out = app.sign_in("%2F").await;
    assert_eq!(out.status, StatusCode::FORBIDDEN);
    assert_eq!(out.session, None);
    assert_eq!(
        app.store
            .user_by_identity(&idp.issuer, "sub-new-kari")
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        app.store
            .user_by_identity(&idp.issuer, "sub-root")
            .await
            .unwrap(),
        None
    );
    assert!(app.store.user(root).await.unwrap().unwrap().platform_admin);
    idp.person.lock().unwrap().sub = "sub-kari".into();

    // Login CSRF: a callback with another state than the browser's own sign-in.
    let (pending, back) = app.leave("%2F").await;
    let code = back
        .split("code=")
        .nth(1)
        .unwrap()
        .split('&')
        .next()
        .unwrap();
    let forged = format!(
        "{}/login/oidc/callback?code={code}&state=attacker",
        app.base
    );
    let out = app.callback(&forged, Some(&pending)).await;
    assert_eq!(out.status, StatusCode::BAD_REQUEST);
    assert_eq!(out.session, None);
    // The genuine callback without the browser's cookie (started elsewhere) is refused too.
    let out = app.callback(&back, None).await;
    assert_eq!(out.status, StatusCode::BAD_REQUEST);
    assert_eq!(out.session, None);
    // The pending sign-in is sealed: changed (another `next`), or made by someone without the
    // deployment's key, it is no sign-in, even with the genuine code and state.
    let value = pending.trim_start_matches("grunnmur_oidc=");
    let (json, tag) = value.split_once('.').unwrap_or((value, ""));
    let mut inner: serde_json::Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(json)
            .unwrap(),
    )
    .unwrap();
    inner["next"] = "/b/991825827".into();
    let changed = b64(inner.to_string().as_bytes());
    for forged in [
        format!("{changed}.{tag}"),
        changed.clone(),
        format!("{json}.{}", b64(b"x")),
    ] {
        let out = app
            .callback(&back, Some(&format!("grunnmur_oidc={forged}")))
            .await;
        assert_eq!(out.status, StatusCode::BAD_REQUEST, "{forged}");
        assert_eq!(out.session, None, "{forged}");
    }
    assert!(!tag.is_empty(), "the cookie carries its seal: {value}");
    // And a code is good once: the genuine callback still works, a replay does not.
    assert!(app.callback(&back, Some(&pending)).await.session.is_some());
    let replay = app.callback(&back, Some(&pending)).await;
    assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
    assert_eq!(replay.session, None);

    // The provider says no (the user cancelled).
    let (pending, _) = app.leave("%2F").await;
    let cancelled = format!(
        "{}/login/oidc/callback?error=access_denied&state=x",
        app.base
    );
    let out = app.callback(&cancelled, Some(&pending)).await;
    assert_eq!(out.status, StatusCode::UNAUTHORIZED);
    assert!(out.html.contains("avbrutt eller avvist"), "{}", out.html);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_reachable_provider_local_sign_in_still_works() {
    // Nothing listens on port 9 of this machine.
    let app = start_app(sqlite().await.0, Some("http://127.0.0.1:9")).await;
    let res = app
        .http
        .get(format!("{}/login/oidc", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_GATEWAY);
    assert!(res.text().await.unwrap().contains("svarer ikke nå"));

    // Without a provider configured there is no such route and no such button.
    let plain = start_app(sqlite().await.0, None).await;
    let (status, login) = plain.get("", "/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!login.contains("/login/oidc"));
    let (status, _) = plain.get("", "/login/oidc").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = plain.get("", "/login/oidc/callback?code=x&state=y").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
