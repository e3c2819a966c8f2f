//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "Grunnmur API", description = "Felles sikkerhet i forvaltningen: the shared catalog, bodies' workspaces and the engine's assessments."),
    paths(
        crate::api::health,
        crate::api::openapi_json,
        crate::api::login,
        crate::api::logout,
        crate::api::me,
        crate::api::create_body,
        crate::api::list_bodies,
        crate::api::get_body,
        crate::api::get_workspace,
        crate::api::put_workspace,
        crate::api::get_assessment,
        crate::api::patch_measure,
        crate::api::get_audit,
        crate::api::catalog,
        crate::api::catalog_info_types,
        crate::api::catalog_tasks,
        crate::api::catalog_measures,
        crate::api::catalog_profiles,
        crate::oscal_api::index,
        crate::oscal_api::document,
        crate::oscal_api::ssp,
    ),
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
        let mut doc = ApiDoc::openapi();
        doc.merge(crate::risk_api::RiskApiDoc::openapi());
        doc.merge(crate::release_api::ReleaseApiDoc::openapi());
        doc.to_pretty_json().unwrap_or_default()
    })
    .clone()
}
