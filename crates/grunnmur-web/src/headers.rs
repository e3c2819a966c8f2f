//! Response headers every answer carries, and the check of a change's `Origin`.
//!
//! - API answers (report downloads among them) are never stored by a browser or proxy
//!   (`Cache-Control: no-store`), never sniffed into another type (`nosniff`), and carry a
//!   content security policy that lets nothing run or load should one be opened as a page.
//! - Every answer carries HSTS when the public URL is https (the server itself speaks plain HTTP
//!   behind a TLS proxy, so only the operator's public URL says the site is https).
//! - A change (`POST`, `PUT`, `PATCH`, `DELETE`) that a browser says comes from another origin
//!   — another host, or the same host over another scheme — is refused before any handler runs.

use crate::error::{ApiError, lang_of};
use crate::state::{AppState, Config};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};

/// The policy of API answers: JSON and files, never a page that runs or loads anything.
pub const API_CSP: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/// One year; browsers remember that the site is https only.
pub const HSTS: &str = "max-age=31536000";

/// Middleware for the API's answers: `no-store`, `nosniff` and [`API_CSP`].
pub async fn api(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(API_CSP),
    );
    r
}

/// The origin (`scheme://host[:port]`) of the public URL, when the operator gave one.
fn public_origin(config: &Config) -> Option<String> {
    let url = config.public_url.as_deref()?.trim_end_matches('/');
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next().unwrap_or_default();
    Some(format!(
        "{}://{}",
        scheme.to_ascii_lowercase(),
        host.to_ascii_lowercase()
    ))
}

/// Whether the public URL is https: then every answer carries HSTS.
pub fn https(config: &Config) -> bool {
    public_origin(config).is_some_and(|o| o.starts_with("https://"))
}

/// The origin a browser on this site sends: the public URL's, or else the scheme the TLS proxy
/// in front names (`X-Forwarded-Proto`; plain HTTP without one, as the server itself speaks)
/// and the `Host` asked for.
pub fn expected_origin(config: &Config, headers: &HeaderMap) -> String {
    if let Some(origin) = public_origin(config) {
        return origin;
    }
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let proto = value("x-forwarded-proto");
    let proto = match proto.split(',').next().map(str::trim) {
        Some(p @ ("http" | "https")) => p.to_string(),
        _ => "http".to_string(),
    };
    format!("{proto}://{}", value(header::HOST.as_str()))
}

/// A request that may change something and that a browser says comes from elsewhere: its
/// `Origin` is not exactly this site's origin, scheme included. Requests without `Origin`
/// (machine clients, older browsers' same-origin requests) pass; they meet the CSRF token.
pub fn foreign_change(config: &Config, method: &Method, headers: &HeaderMap) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let origin = origin.to_str().unwrap_or_default().to_ascii_lowercase();
    origin != expected_origin(config, headers)
}

/// Middleware over everything served: refuses changes from another origin (a JSON error on the
/// API, a plain 403 elsewhere) and adds HSTS when the site is https.
pub async fn guard(
    State(s): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let refused = foreign_change(&s.config, req.method(), req.headers());
    let mut r = if refused {
        tracing::warn!(
            path = %req.uri().path(),
            origin = ?req.headers().get(header::ORIGIN),
            "a change from another origin refused"
        );
        if req.uri().path().starts_with("/api/") {
            ApiError::Csrf.render(lang_of(req.headers()))
        } else {
            let mut r = axum::http::StatusCode::FORBIDDEN.into_response();
            r.extensions_mut().insert(crate::security::CsrfRefused);
            r
        }
    } else {
        next.run(req).await
    };
    if https(&s.config) {
        r.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    fn config(public_url: Option<&str>) -> Config {
        Config {
            public_url: public_url.map(String::from),
            ..Config::default()
        }
    }

    #[test]
    fn the_origin_must_match_with_its_scheme() {
        let https = config(Some("https://grunnmur.example.no/"));
        let post = Method::POST;
        let from = |o: &str| headers(&[("host", "grunnmur.example.no"), ("origin", o)]);
        assert!(!foreign_change(
            &https,
            &post,
            &from("https://grunnmur.example.no")
        ));
        assert!(!foreign_change(
            &https,
            &post,
            &from("HTTPS://Grunnmur.example.no")
        ));
        assert!(foreign_change(
            &https,
            &post,
            &from("http://grunnmur.example.no")
        ));
        assert!(foreign_change(&https, &post, &from("null")));
        assert!(foreign_change(&https, &post, &from("https://evil.example")));
        assert!(foreign_change(
            &https,
            &Method::DELETE,
            &from("http://grunnmur.example.no")
        ));
        assert!(!foreign_change(
            &https,
            &Method::GET,
            &from("http://evil.example")
        ));
        assert!(
            !foreign_change(&https, &post, &headers(&[("host", "x")])),
            "no Origin"
        );

        // Without a public URL: the proxy's scheme, else plain HTTP, and the Host asked for.
        let none = config(None);
        let local = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert!(!foreign_change(&none, &post, &local));
        let h = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "https://127.0.0.1:8080"),
        ]);
        assert!(foreign_change(&none, &post, &h));
        let proxied = headers(&[
            ("host", "grunnmur.example.no"),
            ("x-forwarded-proto", "https"),
            ("origin", "https://grunnmur.example.no"),
        ]);
        assert!(!foreign_change(&none, &post, &proxied));
        let downgraded = headers(&[
            ("host", "grunnmur.example.no"),
            ("x-forwarded-proto", "https"),
            ("origin", "http://grunnmur.example.no"),
        ]);
        assert!(foreign_change(&none, &post, &downgraded));
    }

    #[test]
    fn hsts_only_when_the_public_url_is_https() {
        assert!(https(&config(Some("https://grunnmur.example.no"))));
        assert!(!https(&config(Some("http://grunnmur.example.no"))));
        assert!(!https(&config(None)));
    }
}
