//! Security events: sign-ins and sign-outs, failed and throttled sign-ins, CSRF refusals and
//! authorisation denials. Each goes to the structured log (tracing, target
//! `grunnmur::security`) and to the platform audit stream (audit entries about no body,
//! `GET /api/platform/audit`). `login.failed` is written by the store with the failure itself
//! (`Storage::record_login_failure`), so the evidence and the throttle's memory are one
//! transaction.
//!
//! Floods do not grow the log without bound: refusals that cost an attacker nothing
//! (`login.throttled`, `csrf.refused`, `access.denied`) pass a [`Gate`] — the first of a kind
//! from one source in a minute is written, the rest are counted and the count goes with the
//! next one written (`suppressed`). Every one still reaches the structured log. Failed
//! sign-ins are bounded by throttling itself.

use crate::state::AppState;
use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use grunnmur_store::NewAudit;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

/// How long a [`Gate`] lets one event of a kind and source through.
const GATE_WINDOW: i64 = 60;
/// At most this many sources remembered; beyond it the expired ones are forgotten, then all.
const GATE_SOURCES: usize = 10_000;

/// Summarises floods of one event from one source (see the module's documentation).
#[derive(Default)]
pub struct Gate {
    seen: Mutex<HashMap<(String, String), (i64, u64)>>,
}

impl Gate {
    /// Whether to write this event now; `Some(n)`: yes, and `n` like it were held back since
    /// the last one written.
    pub fn admit(&self, action: &str, source: &str, now: i64) -> Option<u64> {
        let Ok(mut seen) = self.seen.lock() else {
            return Some(0);
        };
        if seen.len() >= GATE_SOURCES {
            seen.retain(|_, (since, _)| now - *since < GATE_WINDOW);
            if seen.len() >= GATE_SOURCES {
                seen.clear();
            }
        }
        let key = (action.to_string(), source.to_string());
        match seen.get_mut(&key) {
            Some((since, held)) if now - *since < GATE_WINDOW => {
                *held += 1;
                None
            }
            Some((since, held)) => {
                let n = *held;
                *since = now;
                *held = 0;
                Some(n)
            }
            None => {
                seen.insert(key, (now, 0));
                Some(0)
            }
        }
    }
}

/// The address a request came from: the socket's peer, or — only when the peer is a proxy the
/// server was told to trust (`--trusted-proxy`) — the nearest address in `X-Forwarded-For`
/// that is not one of those proxies.
pub fn client_ip(parts: &Parts, trusted: &[IpAddr]) -> Option<IpAddr> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())?;
    Some(forwarded_for(peer, &parts.headers, trusted))
}

fn forwarded_for(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    hops.into_iter()
        .rev()
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
}

/// The client as throttling counts it: an IPv4 address, or an IPv6 address's /64 (one
/// household or server has a whole /64, so counting addresses would let it rotate through
/// them). `unknown` without an address (a request that did not come over a socket).
pub fn client_key(ip: Option<IpAddr>) -> String {
    match ip {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let prefix = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{prefix}/64")
            }
        },
        None => "unknown".into(),
    }
}

/// The client of a request, as an extractor: its address and throttling key.
#[derive(Clone, Debug)]
pub struct Client {
    pub ip: Option<IpAddr>,
    pub key: String,
}

impl Client {
    pub fn of(parts: &Parts, state: &AppState) -> Client {
        let ip = client_ip(parts, &state.config.trusted_proxies);
        Client {
            ip,
            key: client_key(ip),
        }
    }

    /// The address as the audit log shows it.
    pub fn addr(&self) -> String {
        self.ip
            .map_or_else(|| "unknown".into(), |ip| ip.to_string())
    }
}

impl axum::extract::FromRequestParts<AppState> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Client, Self::Rejection> {
        Ok(Client::of(parts, state))
    }
}

/// One security event.
pub struct Event<'a> {
    /// `login`, `logout`, `login.throttled`, `csrf.refused`, `access.denied`, …
    pub action: &'static str,
    /// Who: the account (or the e-mail address tried), or the client when nobody is known.
    pub actor: &'a str,
    pub detail: Value,
}

/// Logs the event (tracing) and writes it to the platform stream. `gate`: the source whose
/// floods are summarised (see [`Gate`]); `None` writes every one. A failure to write is
/// logged, never the caller's error: the request is answered as it would have been.
pub async fn record(state: &AppState, ev: Event<'_>, gate: Option<&str>) {
    let now = grunnmur_store::now();
    if matches!(ev.action, "login" | "logout") {
        tracing::info!(target: "grunnmur::security", action = ev.action, actor = ev.actor, detail = %ev.detail, "security event");
    } else {
        tracing::warn!(target: "grunnmur::security", action = ev.action, actor = ev.actor, detail = %ev.detail, "security event");
    }
    let mut detail = ev.detail;
    if let Some(source) = gate {
        match state.gate.admit(ev.action, source, now) {
            None => return,
            Some(0) => {}
            Some(n) => detail["suppressed"] = json!(n),
        }
    }
    let e = NewAudit {
        actor: ev.actor.to_string(),
        orgnr: None,
        action: ev.action.to_string(),
        before: None,
        after: Some(detail.to_string()),
    };
    if let Err(e) = state.store.append_audit(&e).await {
        tracing::error!(target: "grunnmur::security", error = %e, "security event not written");
    }
}

/// Records a sign-out.
pub async fn signed_out(state: &AppState, email: &str, client: &Client) {
    let detail = json!({"client": client.addr()});
    let ev = Event {
        action: "logout",
        actor: email,
        detail,
    };
    record(state, ev, None).await;
}

/// A response that refused a request for its CSRF token (or origin); [`watch`] records it.
#[derive(Clone, Copy, Debug)]
pub struct CsrfRefused;

/// Middleware around the whole application: records the CSRF refusals that handlers and
/// extractors mark on their responses ([`CsrfRefused`]), with the client's address and the
/// path. Floods are summarised per client.
pub async fn watch(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let (parts, body) = req.into_parts();
    let client = Client::of(&parts, &state);
    let (method, path) = (parts.method.to_string(), parts.uri.path().to_string());
    let res = next
        .run(axum::extract::Request::from_parts(parts, body))
        .await;
    if res.extensions().get::<CsrfRefused>().is_some() {
        let addr = client.addr();
        let detail = json!({"client": addr, "method": method, "path": path});
        let ev = Event {
            action: "csrf.refused",
            actor: &addr,
            detail,
        };
        record(&state, ev, Some(&client.key)).await;
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flood_is_written_once_a_minute_with_its_count() {
        let g = Gate::default();
        assert_eq!(g.admit("csrf.refused", "10.0.0.1", 1000), Some(0));
        for t in 1001..1050 {
            assert_eq!(g.admit("csrf.refused", "10.0.0.1", t), None);
        }
        assert_eq!(
            g.admit("csrf.refused", "10.0.0.2", 1001),
            Some(0),
            "another source"
        );
        assert_eq!(
            g.admit("login.throttled", "10.0.0.1", 1001),
            Some(0),
            "another kind"
        );
        assert_eq!(g.admit("csrf.refused", "10.0.0.1", 1060), Some(49));
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "203.0.113.9, 10.0.0.5".parse().unwrap());
        let proxy: IpAddr = "10.0.0.5".parse().unwrap();
        let peer: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(
            forwarded_for(peer, &h, &[proxy]),
            peer,
            "not a trusted peer"
        );
        let via: IpAddr = "10.0.0.1".parse().unwrap();
        assert_eq!(
            forwarded_for(via, &h, &[via, proxy]),
            "203.0.113.9".parse::<IpAddr>().unwrap()
        );
        assert_eq!(forwarded_for(via, &HeaderMap::new(), &[via]), via);
    }

    #[test]
    fn ipv6_clients_count_by_their_64() {
        let a = client_key(Some("2001:db8:1:2:aaaa::1".parse().unwrap()));
        let b = client_key(Some("2001:db8:1:2:bbbb::9".parse().unwrap()));
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(a, b);
        assert_eq!(
            client_key(Some("::ffff:192.0.2.1".parse().unwrap())),
            "192.0.2.1"
        );
        assert_eq!(client_key(None), "unknown");
    }
}
