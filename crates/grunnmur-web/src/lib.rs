//! Grunnmur's HTTP layer: a thin view over the engine (`grunnmur-core`), the formats
//! (`grunnmur-catalog`) and the store (`grunnmur-store`). Handlers authenticate, check the
//! caller's role in the body, call the same functions the CLI calls, and render the result.

pub mod account_api;
pub mod api;
pub mod attest_api;
pub mod auth;
pub mod contributions;
pub mod credentials;
pub mod declaration_api;
pub mod draft_api;
pub mod drafts;
pub mod error;
pub mod evidence;
pub mod headers;
pub mod national_api;
pub mod openapi;
pub mod ops;
pub mod oscal_api;
pub mod password;
pub mod platform_api;
pub mod release_api;
pub mod risk_api;
pub mod security;
pub mod state;
pub mod throttle;
pub mod totp;

#[cfg(test)]
mod route_tests;

pub use state::{AppState, Config};

use axum::Router;
use std::net::SocketAddr;

/// The whole application as a router.
pub fn app(state: AppState) -> Router {
    api::routes()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            headers::guard,
        ))
        .with_state(state)
}

/// Serves the API until Ctrl-C.
pub async fn serve(state: AppState, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    serve_with(state, listener, Router::new()).await
}

/// Serves the API and `pages` (the web application, which lives in its own crate) until
/// Ctrl-C.
pub async fn serve_with(
    state: AppState,
    listener: tokio::net::TcpListener,
    pages: Router<AppState>,
) -> std::io::Result<()> {
    // Assessments and pages are large and repetitive: gzip cuts them to a fraction on the wire.
    // Changes from another origin are refused before anything else runs.
    let router = api::routes()
        .merge(pages)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            headers::guard,
        ))
        // Outside the guard, so its refusals are recorded as `csrf.refused` too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::watch,
        ))
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
