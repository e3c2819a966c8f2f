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

/// The whole document: the routes' operations, each with the answers every operation of its
/// kind can give besides its own ([`common_responses`]).
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = crate::api::api().into_openapi();
    common_responses(&mut doc);
    doc
}

pub fn document_json() -> String {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DOC.get_or_init(|| document().to_pretty_json().unwrap_or_default())
        .clone()
}

/// Adds to every operation the answers that come from the layers around its handler rather
/// than from the handler — each an `ErrorBody` — unless the operation describes them itself:
/// - every operation but the document itself reads the database: 503 while it is away;
/// - an operation that needs a caller: 401 without one;
/// - one that changes something with a session: 403 without the session's CSRF token;
/// - one with path parameters: 400 for a segment that is not UTF-8;
/// - one with a query: 400 for a query that does not parse;
/// - one with a request body: 400 (not JSON), 413 (too large), 415 (another type), 422 (JSON
///   of the wrong shape).
pub fn common_responses(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::ParameterIn;
    for (path, item) in doc.paths.paths.iter_mut() {
        let ops = [
            (false, &mut item.get),
            (false, &mut item.head),
            (true, &mut item.post),
            (true, &mut item.put),
            (true, &mut item.patch),
            (true, &mut item.delete),
        ];
        for (changes, op) in ops {
            let Some(op) = op.as_mut() else { continue };
            let mut add = |code: &str, what: &str| {
                op.responses
                    .responses
                    .entry(code.to_string())
                    .or_insert_with(|| error_response(what));
            };
            if path != "/api/openapi.json" {
                add(
                    "503",
                    "The database cannot be reached now; try again shortly",
                );
            }
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            if secured {
                add(
                    "401",
                    "Not signed in, or the session or token is no longer valid",
                );
            }
            if secured && changes {
                add(
                    "403",
                    "Not allowed, or a session's change without its CSRF token",
                );
            }
            let params = op.parameters.as_deref().unwrap_or_default();
            if params
                .iter()
                .any(|p| matches!(p.parameter_in, ParameterIn::Path | ParameterIn::Query))
            {
                add("400", "A path or query that does not parse");
            }
            if op.request_body.is_some() {
                add("400", "A body that does not parse");
                add("413", "A body larger than the server reads");
                add("415", "A body of a type this operation does not read");
                add("422", "A body that does not fit the operation");
            }
        }
    }
}

fn error_response(
    description: &str,
) -> utoipa::openapi::RefOr<utoipa::openapi::response::Response> {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
        .into()
}
