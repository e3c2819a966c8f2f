//! The REST API against a real server on a real port, on SQLite and — when
//! GRUNNMUR_TEST_POSTGRES_URL is set — on PostgreSQL: authentication, CSRF, tenant isolation
//! for every route in the OpenAPI document, nothing stored half, the assessment, OSCAL
//! documents, catalog releases, risk assessments and reports, and HTTP itself (headers, refusals
//! in the API's JSON, `Origin`). One test binary, a module per
//! area, on the shared harness (`grunnmur-testkit`).

mod access;
mod attestations;
mod credentials;
mod declarations;
mod drafts;
mod national;
mod oscal;
mod owners;
mod passwords;
mod protocol;
mod releases;
mod reports;
mod risk;
mod security;
mod workspace;

use grunnmur_store::Role;
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// Platform admin, two bodies with workspaces, and a member (admin role) of each.
async fn two_bodies(app: &App) -> (Who, Who, Who) {
    let admin = app.root_token().await;
    for (orgnr, name) in [(A, "Lille kommune"), (B, "Hemmelig etat")] {
        app.create_body(&admin, orgnr, name).await;
    }
    let body_b = small_body()
        .replace(A, B)
        .replace("Lille kommune", "Hemmelig etat")
        .replace("id: s.hr\n", "id: s.hemmelig\n")
        .replace("system: s.hr,", "system: s.hemmelig,");
    for (orgnr, body) in [(B, body_b), (A, small_body())] {
        let res = app.put_workspace(&admin, orgnr, body).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }
    let ua = app.user("a@example.no", false).await;
    let ub = app.user("b@example.no", false).await;
    app.store.grant(ua, A, Role::Admin, "test").await.unwrap();
    app.store.grant(ub, B, Role::Admin, "test").await.unwrap();
    (
        admin,
        app.login("a@example.no").await,
        app.login("b@example.no").await,
    )
}

/// An administrator, an editor and a reader of body A, the small municipality.
struct Team {
    admin: Who,
    editor: Who,
    reader: Who,
}

async fn team(app: &App) -> Team {
    let root = app.root_token().await;
    app.create_body(&root, A, "Lille kommune").await;
    let put = app.put_workspace(&root, A, small_body()).await;
    assert_eq!(put.status, StatusCode::OK);
    for (email, role) in [
        ("admin@example.no", Role::Admin),
        ("editor@example.no", Role::Editor),
        ("reader@example.no", Role::Reader),
    ] {
        let id = app.user(email, false).await;
        app.store.grant(id, A, role, "test").await.unwrap();
    }
    Team {
        admin: app.login("admin@example.no").await,
        editor: app.login("editor@example.no").await,
        reader: app.login("reader@example.no").await,
    }
}
