//! The OpenAPI 3.1 document, generated from the handlers' annotations: this is its frame (title,
//! security schemes); the paths come from the routes themselves ([`crate::api::api`]).

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Grunnmur API", description = "Felles sikkerhet i forvaltningen: the shared catalog, bodies' workspaces and the engine's assessments."),
    modifiers(&Security)
)]
pub struct ApiDoc;

struct Security;

impl Modify for Security {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let c = doc.components.get_or_insert_with(Default::default);
        c.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        c.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "Session cookie from /api/login; changes also need the X-CSRF-Token header",
            ))),
        );
    }
}

pub fn document_json() -> String {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOC.get_or_init(|| {
        crate::api::api()
            .into_openapi()
            .to_pretty_json()
            .unwrap_or_default()
    })
    .clone()
}
