//! Grunnmur's web application: pages rendered on the server from askama templates compiled
//! into the binary, working fully without JavaScript. Each handler reads the signed-in user
//! ([`page::Viewer`]), opens the body with the role it needs, calls the same operations as the
//! REST API (`grunnmur_web::ops`) and the engine, and renders a template. Every string comes
//! from the translation files (`locales/*/ui.ftl`).
//!
//! Changes are `POST` forms carrying the session's CSRF token (checked by
//! [`page::Viewer::form`]), answered with a redirect (post/redirect/get) or, when the input is
//! wrong, with the same form and its problems tied to their fields.

pub mod digest;
pub mod page;
pub mod svg;
pub mod svg_bars;
mod views;
pub use views::session::GLOSSARY;

pub use views::admin::time_zone_known;

use axum::Router;
use axum::routing::{get, post};
use grunnmur_web::AppState;

pub fn routes() -> Router<AppState> {
    use views::*;
    Router::new()
        .route("/", get(session::home))
        .route("/login", get(session::login_form).post(session::login))
        .route("/login/oidc", get(session::oidc_begin))
        .route("/login/oidc/callback", get(session::oidc_callback))
        .route("/login/code", post(account::login_code))
        .route("/logout", post(session::logout))
        .route(
            "/account/password",
            get(account::password_form).post(account::change_password),
        )
        .route("/account/totp", get(account::totp))
        .route("/account/totp/begin", post(account::totp_begin))
        .route("/account/totp/confirm", post(account::totp_confirm))
        .route("/account/totp/disable", post(account::totp_disable))
        .route(
            "/reset/{token}",
            get(account::reset_form).post(account::reset),
        )
        .route(
            "/invite/{token}",
            get(account::invite_form).post(account::invite_accept),
        )
        .route("/lang/{code}", get(session::switch_lang))
        .route("/bodies", get(session::bodies))
        .route("/platform/audit", get(platform::show))
        .route("/accessibility", get(session::accessibility))
        .route("/glossary", get(session::glossary))
        .route("/account/tokens", get(tokens::show).post(tokens::create))
        .route("/account/tokens/{id}/revoke", post(tokens::revoke))
        .route("/account/sessions/end", post(tokens::end_sessions))
        .route("/platform/users", get(users::list))
        .route("/platform/users/disable", post(users::disable))
        .route("/platform/users/enable", post(users::enable))
        .route("/static/app.css", get(session::stylesheet))
        .route("/b/{orgnr}", get(dashboard::show))
        .route("/b/{orgnr}/tasks", get(tasks::show).post(tasks::adopt))
        .route("/b/{orgnr}/tasks/remove", post(tasks::remove))
        .route("/b/{orgnr}/tasks/own", post(tasks::add_own))
        .route("/b/{orgnr}/info-types", post(tasks::add_info_type))
        .route("/b/{orgnr}/adapt", get(adapt::show))
        .route(
            "/b/{orgnr}/adapt/{task}/{info}",
            get(adapt::edit).post(adapt::save),
        )
        .route(
            "/b/{orgnr}/systems",
            get(systems::list).post(systems::create),
        )
        .route(
            "/b/{orgnr}/systems/{id}",
            get(systems::show).post(systems::update),
        )
        .route("/b/{orgnr}/systems/{id}/delete", post(systems::delete))
        .route("/b/{orgnr}/groups", post(systems::create_group))
        .route("/b/{orgnr}/groups/{id}/remove", post(systems::remove_group))
        .route(
            "/b/{orgnr}/implementations",
            get(implementations::list).post(implementations::create),
        )
        .route(
            "/b/{orgnr}/implementations/{id}",
            get(implementations::edit).post(implementations::update),
        )
        .route(
            "/b/{orgnr}/implementations/{id}/remove",
            post(implementations::remove),
        )
        .route(
            "/b/{orgnr}/services",
            get(services::list).post(services::link),
        )
        .route("/b/{orgnr}/services/unlink", post(services::unlink))
        .route("/b/{orgnr}/systems/{id}/why", get(systems::why_levels))
        .route("/b/{orgnr}/why/{measure}", get(measures::why))
        .route("/b/{orgnr}/measures", get(measures::list))
        .route("/b/{orgnr}/measures.xlsx", get(exports::measures_xlsx))
        .route("/b/{orgnr}/measures.csv", get(exports::measures_csv))
        .route("/b/{orgnr}/systems.xlsx", get(exports::systems_xlsx))
        .route("/b/{orgnr}/systems.csv", get(exports::systems_csv))
        .route("/b/{orgnr}/risk.xlsx", get(exports::risk_xlsx))
        .route("/b/{orgnr}/risk.csv", get(exports::risk_csv))
        .route(
            "/b/{orgnr}/declarations",
            get(declarations::list).post(declarations::create),
        )
        .route(
            "/b/{orgnr}/declarations/{id}",
            get(declarations::show).post(declarations::update),
        )
        .route(
            "/b/{orgnr}/declarations/{id}/services",
            post(declarations::add_service),
        )
        .route(
            "/b/{orgnr}/declarations/{id}/services/{service}",
            get(declarations::service).post(declarations::save_service),
        )
        .route(
            "/b/{orgnr}/declarations/{id}/withdraw",
            post(declarations::withdraw),
        )
        .route("/b/{orgnr}/follow-up", get(follow_up::show))
        .route(
            "/b/{orgnr}/measures/{measure}/evidence",
            // The file's own limit is checked as it is read; the body may be a little larger.
            post(evidence::upload).layer(axum::extract::DefaultBodyLimit::max(
                grunnmur_web::evidence::MAX_FILE_BYTES + 64 * 1024,
            )),
        )
        .route("/b/{orgnr}/evidence/{id}/{name}", get(evidence::download))
        .route("/b/{orgnr}/evidence/{id}/remove", post(evidence::remove))
        .route("/b/{orgnr}/comments", post(evidence::comment))
        .route(
            "/b/{orgnr}/attestations",
            get(attestations::list).post(attestations::issue),
        )
        .route(
            "/b/{orgnr}/attestations/{file}",
            get(attestations::download),
        )
        .route(
            "/b/{orgnr}/attestations/{id}/revoke",
            post(attestations::revoke),
        )
        .route("/national", get(national::show))
        .route("/national.xlsx", get(national::xlsx))
        .route("/national.csv", get(national::csv))
        .route(
            "/verify",
            get(attestations::verify_form)
                .post(attestations::verify)
                .layer(axum::extract::DefaultBodyLimit::max(
                    grunnmur_attest::MAX_TOKEN * 2 + 64 * 1024,
                )),
        )
        .route(
            "/unsubscribe/{token}",
            get(unsubscribe::ask).post(unsubscribe::off),
        )
        .route("/unsubscribe/{token}/on", post(unsubscribe::on))
        .route(
            "/b/{orgnr}/workbook",
            get(workbook::show)
                .post(workbook::upload)
                .layer(axum::extract::DefaultBodyLimit::max(
                    grunnmur_report::ImportOptions::default().max_bytes + 64 * 1024,
                )),
        )
        .route("/b/{orgnr}/workbook.xlsx", get(workbook::download))
        .route("/b/{orgnr}/workbook-template.xlsx", get(workbook::template))
        .route("/b/{orgnr}/workbook/{id}", get(workbook::preview))
        .route("/b/{orgnr}/workbook/{id}/apply", post(workbook::apply))
        .route("/b/{orgnr}/follow-up.xlsx", get(exports::follow_up_xlsx))
        .route("/b/{orgnr}/follow-up.csv", get(exports::follow_up_csv))
        .route("/b/{orgnr}/year", get(year::show))
        .route("/b/{orgnr}/year.xlsx", get(exports::year_xlsx))
        .route("/b/{orgnr}/year.csv", get(exports::year_csv))
        .route("/b/{orgnr}/year.ics", get(year::ics))
        .route("/b/{orgnr}/deviations", get(deviations::show))
        .route("/b/{orgnr}/deviations.xlsx", get(exports::deviations_xlsx))
        .route("/b/{orgnr}/deviations.csv", get(exports::deviations_csv))
        .route("/b/{orgnr}/search", get(search::show))
        .route(
            "/b/{orgnr}/measures/{measure}",
            get(measures::edit).post(measures::save),
        )
        .route(
            "/b/{orgnr}/measures/{measure}/done",
            post(recur::status_done),
        )
        .route(
            "/b/{orgnr}/implementations/{id}/done",
            post(recur::implementation_done),
        )
        .route(
            "/b/{orgnr}/settings",
            get(admin::settings).post(admin::save_settings),
        )
        .route("/b/{orgnr}/members", get(admin::members).post(admin::grant))
        .route("/b/{orgnr}/members/reset", post(admin::reset_password))
        .route("/b/{orgnr}/members/remove", post(admin::remove_member))
        .route(
            "/b/{orgnr}/release",
            get(admin::release).post(admin::pin_release),
        )
        .route("/b/{orgnr}/audit", get(history::audit))
        .route("/b/{orgnr}/risk", get(risk::show).post(risk::start))
        .route("/b/{orgnr}/risk/{id}", get(risk::assessment))
        .route("/b/{orgnr}/risk/{id}/accept", post(risk::accept))
        .route("/b/{orgnr}/risk/{id}/risks", post(risk::add_risk))
        .route(
            "/b/{orgnr}/risk/{id}/risks/{risk}",
            get(risk::edit_risk).post(risk::update_risk),
        )
        .route(
            "/b/{orgnr}/risk/{id}/risks/{risk}/remove",
            post(risk::remove_risk),
        )
        .route("/b/{orgnr}/reports", post(risk::new_report))
        .route(
            "/b/{orgnr}/reports/{id}/finalize",
            get(risk::confirm_finalize).post(risk::finalize),
        )
        .route("/catalog", get(catalog::index))
        .route("/catalog/tasks", get(catalog::tasks))
        .route("/catalog/tasks/{id}", get(catalog::task))
        .route("/catalog/info-types", get(catalog::info_types))
        .route("/catalog/measures", get(catalog::measures))
        .route("/catalog/measures/{id}", get(catalog::measure))
        .route("/catalog/profiles", get(catalog::profiles))
        .route("/catalog/scale", get(catalog::scale))
        .route("/catalog/activities", get(catalog::activities))
        .route(
            "/catalog/releases/{catalog_id}/{version}/record",
            get(record::show),
        )
        .route(
            "/catalog/releases/{catalog_id}/{version}/record.pdf",
            get(record::pdf),
        )
        .route(
            "/catalog/releases/{catalog_id}/{version}/record.xlsx",
            get(record::xlsx),
        )
        .route("/catalog/calibration", get(calibration::show))
        .route("/catalog/calibration.xlsx", get(calibration::xlsx))
        .route("/catalog/calibration.csv", get(calibration::csv))
        .route(
            "/catalog/drafts",
            get(drafts::list::show).post(drafts::list::create),
        )
        .route("/catalog/drafts.xlsx", get(drafts::list::xlsx))
        .route("/catalog/drafts.csv", get(drafts::list::csv))
        .route("/catalog/drafts/{id}", get(drafts::show::show))
        .route("/catalog/drafts/{id}/approve", post(drafts::show::approve))
        .route("/catalog/drafts/{id}/publish", post(drafts::show::publish))
        .route(
            "/catalog/drafts/{id}/consultation",
            post(drafts::show::consultation),
        )
        .route(
            "/catalog/drafts/{id}/proposals/{pid}",
            post(drafts::show::decide),
        )
        .route("/catalog/drafts/{id}/comments", post(drafts::show::comment))
        .route(
            "/catalog/drafts/{id}/comments/{cid}/answer",
            post(drafts::show::answer),
        )
        .route("/catalog/drafts/{id}/entries", get(drafts::entries::show))
        .route(
            "/catalog/drafts/{id}/entries.xlsx",
            get(drafts::entries::xlsx),
        )
        .route(
            "/catalog/drafts/{id}/entries.csv",
            get(drafts::entries::csv),
        )
        .route(
            "/catalog/drafts/{id}/entries/{kind}/{entry_id}",
            get(drafts::entry::show).post(drafts::entry::save),
        )
        .route(
            "/catalog/drafts/{id}/entries/{kind}/{entry_id}/remove",
            post(drafts::entry::remove),
        )
        .route(
            "/catalog/drafts/{id}/new/{kind}",
            get(drafts::entry::new_form).post(drafts::entry::create),
        )
        .layer(axum::middleware::from_fn(page::render_errors))
        .layer(axum::middleware::from_fn(views::security_headers))
}
