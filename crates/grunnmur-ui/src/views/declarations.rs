//! A supplier's declarations (rule 14), written in forms: the declaration's validity and
//! evidence, its services, and for each service the measures it covers, alone or shared with
//! the customer. Every save publishes a new version through the same code as the API (every
//! problem shown, nothing stored half); the supplier sees how many bodies and systems use each
//! service, never which.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use grunnmur_catalog::declaration::{
    CoverDoc, DeclarationDoc, DeclarationHead, ReleaseDoc, ServiceDoc, SupplierDoc,
};
use grunnmur_core::catalog::Text;
use grunnmur_core::workspace::Responsibility;
use grunnmur_web::AppState;
use grunnmur_web::declaration_api::{self as api, DeclarationInfo};
use grunnmur_web::error::ApiError;

/// One of the body's declarations in the list.
pub struct Entry {
    pub info: DeclarationInfo,
    pub state: String,
}

#[derive(Template)]
#[template(path = "declarations.html")]
struct ListPage {
    p: Page,
    entries: Vec<Entry>,
    errors: Errors,
    valid_from: String,
    valid_until: String,
    evidence: String,
}

/// A service with how many use it.
pub struct ServiceLine {
    pub id: String,
    pub name: String,
    pub supplier_only: usize,
    pub shared: usize,
    pub bodies: usize,
    pub systems: usize,
}

#[derive(Template)]
#[template(path = "declaration.html")]
struct DeclarationPage {
    p: Page,
    info: DeclarationInfo,
    state: String,
    services: Vec<ServiceLine>,
    errors: Errors,
    valid_from: String,
    valid_until: String,
    evidence: String,
    name_nb: String,
    name_en: String,
}

/// A measure's row on a service's form.
pub struct CoverLine {
    pub id: String,
    pub name: String,
    pub responsibility: Select,
    pub customer_nb: String,
    pub customer_en: String,
}

#[derive(Template)]
#[template(path = "declaration_service.html")]
struct ServicePage {
    p: Page,
    declaration: String,
    service: String,
    name: String,
    lines: Vec<CoverLine>,
    errors: Errors,
}

/// The declaration's state today, in words.
fn state(lang: Lang, i: &DeclarationInfo) -> String {
    let key = if i.withdrawn.is_some() {
        "ui-decl-state-withdrawn"
    } else if i.valid {
        "ui-decl-state-valid"
    } else {
        "ui-decl-state-not-valid"
    };
    t(lang, key, &[])
}

/// The body's latest version of declaration `id`, or 404 (another's, or none).
async fn own(s: &AppState, orgnr: &str, id: &str) -> Result<DeclarationDoc, PageError> {
    let latest = s.store.declaration_versions(id).await?.pop();
    let row = latest
        .filter(|r| r.orgnr == orgnr)
        .ok_or(ApiError::NotFound)?;
    Ok(api::parse(&row)?)
}

/// Publishes `doc` as the body's next version: `Err` with the problems to show, or a page error.
async fn publish(
    s: &AppState,
    v: &Viewer,
    orgnr: &str,
    doc: &DeclarationDoc,
    field: &str,
) -> Result<Result<(), Errors>, PageError> {
    let json = serde_json::to_string(doc).map_err(|e| ApiError::Internal(e.to_string()))?;
    let id = &doc.declaration.id;
    match api::publish(s, orgnr, id, json, &v.actor()).await {
        Ok(_) => Ok(Ok(())),
        Err(ApiError::Refused(key)) => {
            let mut errors = Errors::default();
            errors.push(field, t(v.lang, key, &[]));
            Ok(Err(errors))
        }
        Err(e) => problems(v.lang, e, field).map(Err),
    }
}

/// Checks the validity fields: both dates, in order.
fn validity(lang: Lang, f: &FormData, errors: &mut Errors) -> (String, String) {
    required(lang, f, "valid_from", errors);
    required(lang, f, "valid_until", errors);
    let from = date_field(lang, "valid_from", f.get("valid_from"), errors);
    let until = date_field(lang, "valid_until", f.get("valid_until"), errors);
    if let (Some(a), Some(b)) = (from, until)
        && b < a
    {
        errors.push("valid_until", t(lang, "ui-decl-dates-order", &[]));
    }
    (
        from.map(|d| d.to_string()).unwrap_or_default(),
        until.map(|d| d.to_string()).unwrap_or_default(),
    )
}

async fn list_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    f: Option<&FormData>,
    errors: Errors,
) -> Result<ListPage, PageError> {
    let mut entries = Vec::new();
    for row in s.store.declarations().await? {
        if row.orgnr == b.row.orgnr {
            let info = api::info(&row, &api::parse(&row)?);
            let state = state(v.lang, &info);
            entries.push(Entry { info, state });
        }
    }
    let get = |name: &str| f.map(|f| f.get(name).to_string()).unwrap_or_default();
    Ok(ListPage {
        p: v.body_page(b, "ui-decl-title", "declarations"),
        entries,
        errors,
        valid_from: get("valid_from"),
        valid_until: get("valid_until"),
        evidence: get("evidence"),
    })
}

pub async fn list(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    html(list_page(&s, &v, &b, None, Errors::default()).await?)
}

/// A new declaration in the body's name, against the server's catalog release; its id comes
/// from the body's name.
pub async fn create(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let mut errors = Errors::default();
    let (valid_from, valid_until) = validity(lang, &f, &mut errors);
    if !errors.is_empty() {
        return html_invalid(list_page(&s, &v, &b, Some(&f), errors).await?);
    }
    let taken: Vec<String> = (s.store.declarations().await?.into_iter())
        .map(|r| r.id)
        .collect();
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    let id = id_from_name(&b.row.name, &taken);
    let cat = &s.catalog.catalog;
    let doc = DeclarationDoc {
        declaration: DeclarationHead {
            id: id.clone(),
            supplier: SupplierDoc {
                name: b.row.name.clone(),
                orgnr: Some(grunnmur_catalog::body::Orgnr::Text(orgnr.clone())),
            },
            catalog: ReleaseDoc {
                id: cat.id.clone(),
                version: cat.version.clone(),
            },
            valid_from,
            valid_until,
            evidence: lines_of(f.get("evidence")),
            withdrawn: None,
        },
        services: Vec::new(),
    };
    match publish(&s, &v, &orgnr, &doc, "valid_from").await? {
        Ok(()) => Ok(saved(&format!("/b/{orgnr}/declarations/{}", enc(&id)))),
        Err(errors) => html_invalid(list_page(&s, &v, &b, Some(&f), errors).await?),
    }
}

async fn declaration_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    id: &str,
    f: Option<&FormData>,
    errors: Errors,
) -> Result<DeclarationPage, PageError> {
    let lang = v.lang;
    let latest = s.store.declaration_versions(id).await?.pop();
    let row = (latest.filter(|r| r.orgnr == b.row.orgnr)).ok_or(ApiError::NotFound)?;
    let doc = api::parse(&row)?;
    let info = api::info(&row, &doc);
    let usage = api::service_usage(s, id).await?;
    let services = (doc.services.iter())
        .map(|sv| {
            let (bodies, systems) = usage.get(&sv.id).copied().unwrap_or_default();
            let shared = (sv.covers.iter())
                .filter(|c| c.responsibility == Responsibility::Shared)
                .count();
            ServiceLine {
                id: sv.id.clone(),
                name: sv.name.get(lang.code()).to_string(),
                supplier_only: sv.covers.len() - shared,
                shared,
                bodies,
                systems,
            }
        })
        .collect();
    let h = &doc.declaration;
    let get =
        |name: &str, default: &str| f.map_or(default.to_string(), |f| f.get(name).to_string());
    Ok(DeclarationPage {
        p: v.body_page(b, "ui-decl-title", "declarations"),
        state: state(lang, &info),
        info,
        services,
        errors,
        valid_from: get("valid_from", &h.valid_from),
        valid_until: get("valid_until", &h.valid_until),
        evidence: get("evidence", &h.evidence.join("\n")),
        name_nb: get("name_nb", ""),
        name_en: get("name_en", ""),
    })
}

pub async fn show(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    html(declaration_page(&s, &v, &b, &id, None, Errors::default()).await?)
}

/// New validity and evidence.
pub async fn update(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let mut doc = own(&s, &orgnr, &id).await?;
    let mut errors = Errors::default();
    let (valid_from, valid_until) = validity(v.lang, &f, &mut errors);
    if errors.is_empty() {
        doc.declaration.valid_from = valid_from;
        doc.declaration.valid_until = valid_until;
        doc.declaration.evidence = lines_of(f.get("evidence"));
        match publish(&s, &v, &orgnr, &doc, "valid_from").await? {
            Ok(()) => return Ok(saved(&format!("/b/{orgnr}/declarations/{}", enc(&id)))),
            Err(e) => errors = e,
        }
    }
    html_invalid(declaration_page(&s, &v, &b, &id, Some(&f), errors).await?)
}

/// A new service, named in both languages; its id comes from the name.
pub async fn add_service(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let mut doc = own(&s, &orgnr, &id).await?;
    let mut errors = Errors::default();
    required(v.lang, &f, "name_nb", &mut errors);
    if errors.is_empty() {
        let taken: Vec<&str> = doc.services.iter().map(|x| x.id.as_str()).collect();
        let sid = id_from_name(f.get("name_nb"), &taken);
        doc.services.push(ServiceDoc {
            id: sid.clone(),
            name: Text {
                nb: f.get("name_nb").trim().to_string(),
                en: f.opt("name_en"),
            },
            description: None,
            covers: Vec::new(),
        });
        match publish(&s, &v, &orgnr, &doc, "name_nb").await? {
            Ok(()) => {
                let to = format!(
                    "/b/{orgnr}/declarations/{}/services/{}",
                    enc(&id),
                    enc(&sid)
                );
                return Ok(saved(&to));
            }
            Err(e) => errors = e,
        }
    }
    html_invalid(declaration_page(&s, &v, &b, &id, Some(&f), errors).await?)
}

/// Withdraws the declaration from today: it no longer counts for anyone.
pub async fn withdraw(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    api::withdraw(&s, &orgnr, &id, &v.actor()).await?;
    Ok(saved(&format!("/b/{orgnr}/declarations/{}", enc(&id))))
}

const RESPONSIBILITIES: [&str; 3] = ["", "supplier", "shared"];

fn service_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    doc: &DeclarationDoc,
    sv: &ServiceDoc,
    f: Option<&FormData>,
    errors: Errors,
) -> ServicePage {
    let lang = v.lang;
    let options: Vec<(String, String)> = (RESPONSIBILITIES.iter())
        .map(|r| {
            let key = if r.is_empty() { "none" } else { r };
            (r.to_string(), t(lang, &format!("ui-decl-resp-{key}"), &[]))
        })
        .collect();
    let lines = (s.catalog.catalog.measures.iter())
        .map(|m| {
            let cover = sv.covers.iter().find(|c| c.measure == m.id);
            let resp = cover.map_or("", |c| match c.responsibility {
                Responsibility::Supplier => "supplier",
                Responsibility::Shared => "shared",
            });
            let customer = cover.and_then(|c| c.customer.as_ref());
            let field = |prefix: &str, stored: Option<&str>| match f {
                Some(f) => f.get(&format!("{prefix}-{}", m.id)).to_string(),
                None => stored.unwrap_or_default().to_string(),
            };
            let label = format!("{} ({})", m.name.get(lang.code()), m.id);
            CoverLine {
                id: m.id.clone(),
                name: label.clone(),
                responsibility: Select::new(
                    &format!("r-{}", m.id),
                    label,
                    options.clone(),
                    &field("r", Some(resp)),
                ),
                customer_nb: field("cnb", customer.map(|c| c.nb.as_str())),
                customer_en: field("cen", customer.and_then(|c| c.en.as_deref())),
            }
        })
        .collect();
    ServicePage {
        p: v.body_page(b, "ui-decl-service-title", "declarations"),
        declaration: doc.declaration.id.clone(),
        service: sv.id.clone(),
        name: sv.name.get(lang.code()).to_string(),
        lines,
        errors,
    }
}

pub async fn service(
    State(s): State<AppState>,
    Path((_, id, sid)): Path<(String, String, String)>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    let doc = own(&s, &orgnr, &id).await?;
    let sv = doc.service(&sid).ok_or(ApiError::NotFound)?;
    html(service_page(&s, &v, &b, &doc, sv, None, Errors::default()))
}

/// The measures a service covers: for each, nothing, `supplier`, or `shared` with what the
/// customer must still do.
pub async fn save_service(
    State(s): State<AppState>,
    Path((_, id, sid)): Path<(String, String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let mut doc = own(&s, &orgnr, &id).await?;
    let n = (doc.services.iter().position(|x| x.id == sid)).ok_or(ApiError::NotFound)?;
    let mut errors = Errors::default();
    let mut covers = Vec::new();
    for m in &s.catalog.catalog.measures {
        let field = |prefix: &str| f.get(&format!("{prefix}-{}", m.id)).trim().to_string();
        let responsibility = match field("r").as_str() {
            "supplier" => Responsibility::Supplier,
            "shared" => Responsibility::Shared,
            _ => continue,
        };
        let customer = (responsibility == Responsibility::Shared).then(|| Text {
            nb: field("cnb"),
            en: Some(field("cen")).filter(|x| !x.is_empty()),
        });
        if customer.as_ref().is_some_and(|c| c.nb.is_empty()) {
            let name = m.name.get(lang.code());
            errors.push(
                &format!("cnb-{}", m.id),
                t(lang, "ui-decl-customer-missing", &[("measure", name)]),
            );
        }
        covers.push(CoverDoc {
            measure: m.id.clone(),
            responsibility,
            customer,
        });
    }
    if errors.is_empty() {
        doc.services[n].covers = covers;
        match publish(&s, &v, &orgnr, &doc, "measures").await? {
            Ok(()) => {
                let to = format!("/b/{orgnr}/declarations/{}#service-{}", enc(&id), enc(&sid));
                return Ok(saved(&to));
            }
            Err(e) => errors = e,
        }
    }
    let sv = &doc.services[n];
    html_invalid(service_page(&s, &v, &b, &doc, sv, Some(&f), errors))
}
