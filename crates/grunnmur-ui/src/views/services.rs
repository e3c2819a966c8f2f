//! Suppliers' services on the body's side (rule 14): the published declarations with what each
//! service covers and what the customer must still do, the links from the body's systems (and
//! the body itself) to them, and the customer responsibilities the body has not met yet. A link
//! is made with pickers and saved through the same checks as every change to the workspace.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_catalog::DeclarationDoc;
use grunnmur_core::Date;
use grunnmur_core::catalog::MeasureIdx;
use grunnmur_core::effective::Source;
use grunnmur_core::effective::service_key;
use grunnmur_core::workspace::{Responsibility, ServiceIdx, Status, SystemIdx};
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::ops;

/// The page's filter: a text found in names and texts, and one place (a system's id, or `org`
/// for the body itself).
#[derive(Default, serde::Deserialize)]
pub struct Filter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    system: String,
}

const FILTER_KEYS: [&str; 2] = ["q", "system"];

impl Filter {
    /// The filter a form carried back (a query checked by [`local_query`]).
    fn parse(query: &str) -> Filter {
        let mut f = Filter::default();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "q" => f.q = v.into_owned(),
                "system" => f.system = v.into_owned(),
                _ => {}
            }
        }
        f
    }

    fn query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        for (k, v) in [("q", &self.q), ("system", &self.system)] {
            if !v.is_empty() {
                out.append_pair(k, v);
            }
        }
        out.finish()
    }

    /// Whether any of `texts` contains the filter's text (any case), as the search finds.
    fn finds(&self, texts: &[&str]) -> bool {
        self.q.trim().is_empty() || super::search::Needle::new(&self.q).finds(texts.iter().copied())
    }
}

/// The value a place has in the forms: a system's id, or `org` for the body itself.
const ORG: &str = "org";

/// The page's anchor of a service.
pub fn anchor(key: &str) -> String {
    format!("svc-{}", key.replace('/', "--"))
}

pub struct CoverLine {
    /// The measure's name and id.
    pub measure: String,
    pub responsibility: String,
    /// For a shared measure: what the customer must still do.
    pub customer: String,
}

/// A place that links a service.
pub struct LinkLine {
    /// The place's value in the forms.
    pub target: String,
    pub name: String,
}

pub struct ServiceLine {
    pub key: String,
    pub anchor: String,
    pub name: String,
    pub description: String,
    pub covers: Vec<CoverLine>,
    pub links: Vec<LinkLine>,
}

pub struct DeclLine {
    pub id: String,
    pub supplier: String,
    pub orgnr: String,
    pub validity: String,
    /// Why it does not count today (expired, withdrawn, not yet valid); empty when it does.
    pub state: String,
    pub services: Vec<ServiceLine>,
}

/// A customer responsibility left: a required pair whose source is a shared service, with the
/// body's own part not in place.
pub struct TodoLine {
    pub place: String,
    /// The place's value in the status and "why" links (`org` for the body).
    pub scope: String,
    pub measure_id: String,
    pub measure: String,
    pub service: String,
    pub anchor: String,
    pub supplier: String,
    pub customer: String,
    pub status: String,
}

/// The required pairs that rest on a shared service whose customer part is not in place:
/// (place, measure, service, effective status), the body first, then each system.
pub fn open_parts(b: &BodyView) -> Vec<(Option<SystemIdx>, MeasureIdx, ServiceIdx, Status)> {
    let a = &b.derived.assessment;
    let scopes = std::iter::once((None, &a.org_required, &a.org_states))
        .chain((a.systems.iter().enumerate()).map(|(n, r)| (Some(n), &r.required, &r.states)));
    let mut out = Vec::new();
    for (place, required, states) in scopes {
        for (pos, st) in states.covered() {
            if let Source::Shared { service, .. } = st.source
                && !st.is_in_place()
            {
                out.push((place, required[pos], service, st.status));
            }
        }
    }
    out
}

fn todo(b: &BodyView, lang: Lang, q: &Filter) -> Vec<TodoLine> {
    let d = &b.derived;
    let (ws, cat) = (&d.ws, &d.catalog.catalog);
    let org = t(lang, "ui-svc-org", &[]);
    let here = |place: Option<SystemIdx>| match place {
        _ if q.system.is_empty() => true,
        None => q.system == ORG,
        Some(n) => ws.systems[n].id == q.system,
    };
    (open_parts(b).into_iter())
        .filter(|x| here(x.0))
        .map(|(place, m, sv, status)| {
            let measure = &cat.measures[m as usize];
            let key = service_key(ws, sv);
            let (service, supplier, _, customer) =
                super::sources::service(d, lang, &key, &measure.id);
            TodoLine {
                place: place.map_or(org.clone(), |n| ws.systems[n].name.clone()),
                scope: place.map_or(ORG.into(), |n| enc(&ws.systems[n].id)),
                measure_id: measure.id.clone(),
                measure: measure.name.get(lang.code()).to_string(),
                anchor: anchor(&key),
                service,
                supplier,
                customer,
                status: status_label(lang, status),
            }
        })
        .filter(|x| {
            q.finds(&[
                &x.place,
                &x.measure_id,
                &x.measure,
                &x.service,
                &x.supplier,
                &x.customer,
            ])
        })
        .collect()
}

/// A declaration's validity, and why it does not count today (empty when it does).
fn validity(lang: Lang, d: &DeclarationDoc, today: Date) -> (String, String) {
    let head = &d.declaration;
    let validity = t(
        lang,
        "ui-svc-validity",
        &[("from", &head.valid_from), ("until", &head.valid_until)],
    );
    let state = if d.is_withdrawn(today) {
        let on = head.withdrawn.clone().unwrap_or_default();
        t(lang, "ui-svc-withdrawn", &[("date", &on)])
    } else if d.valid_until().is_some_and(|u| u < today) {
        t(lang, "ui-svc-expired", &[("date", &head.valid_until)])
    } else if d.valid_from().is_some_and(|f| today < f) {
        t(lang, "ui-svc-not-yet", &[("date", &head.valid_from)])
    } else {
        String::new()
    };
    (validity, state)
}

/// Withdrawn or expired: it counts for no one, now or later (rule 14).
fn lapsed(d: &DeclarationDoc, today: Date) -> bool {
    d.is_withdrawn(today) || d.valid_until().is_some_and(|u| u < today)
}

fn declarations(b: &BodyView, lang: Lang, q: &Filter) -> Vec<DeclLine> {
    let d = &b.derived;
    let (doc, cat, code) = (&d.doc, &d.catalog.catalog, lang.code());
    let org = t(lang, "ui-svc-org", &[]);
    let mut out = Vec::new();
    for decl in d.declarations.iter() {
        let head = &decl.declaration;
        let supplier_found = q.finds(&[&head.supplier.name, &head.id]);
        let (validity, state) = validity(lang, decl, d.today);
        let mut services = Vec::new();
        for sv in &decl.services {
            let key = format!("{}/{}", head.id, sv.id);
            let mut links = Vec::new();
            if doc.org.services.contains(&key) {
                links.push(LinkLine {
                    target: ORG.into(),
                    name: org.clone(),
                });
            }
            links.extend(
                (doc.systems.iter())
                    .filter(|s| s.services.contains(&key))
                    .map(|s| LinkLine {
                        target: s.id.clone(),
                        name: s.name.clone(),
                    }),
            );
            if !q.system.is_empty() && !links.iter().any(|l| l.target == q.system) {
                continue;
            }
            let covers: Vec<CoverLine> = (sv.covers.iter())
                .map(|c| {
                    let name = cat
                        .measure(&c.measure)
                        .map_or("", |m| cat.measures[m as usize].name.get(code));
                    CoverLine {
                        measure: format!("{name} ({})", c.measure),
                        responsibility: t(
                            lang,
                            &format!("ui-svc-resp-{}", c.responsibility.as_str()),
                            &[],
                        ),
                        customer: match c.responsibility {
                            Responsibility::Shared => (c.customer.as_ref())
                                .map(|x| x.get(code).to_string())
                                .unwrap_or_default(),
                            Responsibility::Supplier => String::new(),
                        },
                    }
                })
                .collect();
            let name = sv.name.get(code).to_string();
            let description = (sv.description.as_ref())
                .map(|x| x.get(code).to_string())
                .unwrap_or_default();
            let mut texts: Vec<&str> = vec![&name, &sv.id, &description];
            texts.extend(covers.iter().map(|c| c.measure.as_str()));
            texts.extend(covers.iter().map(|c| c.customer.as_str()));
            if !supplier_found && !q.finds(&texts) {
                continue;
            }
            services.push(ServiceLine {
                anchor: anchor(&key),
                key,
                name,
                description,
                covers,
                links,
            });
        }
        if services.is_empty() {
            continue;
        }
        out.push(DeclLine {
            id: head.id.clone(),
            supplier: head.supplier.name.clone(),
            orgnr: (head.supplier.orgnr.as_ref())
                .map(|o| o.as_string())
                .unwrap_or_default(),
            validity,
            state,
            services,
        });
    }
    out.sort_by(|a, b| (&a.supplier, &a.id).cmp(&(&b.supplier, &b.id)));
    out
}

#[derive(Template)]
#[template(path = "services.html")]
struct ServicesPage {
    p: Page,
    decls: Vec<DeclLine>,
    /// Published declarations at all (before the filter).
    published: usize,
    todo: Vec<TodoLine>,
    /// The customer responsibilities left before the filter.
    todo_all: usize,
    filters: Vec<Select>,
    q: String,
    /// The filter's query, carried through the forms to come back to the page as it was.
    back: String,
    errors: Errors,
    service: Select,
    targets: Vec<(String, String, bool)>,
}

fn page(
    v: &Viewer,
    b: &BodyView,
    q: &Filter,
    f: Option<&FormData>,
    errors: Errors,
) -> ServicesPage {
    let lang = v.lang;
    let d = &b.derived;
    let ws = &d.ws;
    let org = t(lang, "ui-svc-org", &[]);
    let mut places = vec![(ORG.to_string(), org.clone())];
    places.extend(ws.systems.iter().map(|s| (s.id.clone(), s.name.clone())));
    let mut system_opts = vec![(String::new(), t(lang, "ui-filter-all", &[]))];
    system_opts.extend(places.iter().cloned());
    let filters = vec![Select::new(
        "system",
        t(lang, "ui-filter-system", &[]),
        system_opts,
        &q.system,
    )];
    // The pickers: services of declarations that still count or will, and every place.
    let chosen = f.map_or(String::new(), |f| f.get("service").to_string());
    let mut options = vec![(String::new(), t(lang, "ui-svc-pick-service", &[]))];
    let mut offered: Vec<(String, String)> = (d.declarations.iter())
        .filter(|x| !lapsed(x, d.today))
        .flat_map(|x| {
            x.services.iter().map(move |sv| {
                let key = format!("{}/{}", x.declaration.id, sv.id);
                let label = t(
                    lang,
                    "ui-svc-option",
                    &[
                        ("service", sv.name.get(lang.code())),
                        ("supplier", &x.declaration.supplier.name),
                    ],
                );
                (key, label)
            })
        })
        .collect();
    offered.sort_by(|a, b| a.1.cmp(&b.1));
    options.extend(offered);
    let mut service = Select::new("service", t(lang, "ui-svc-service", &[]), options, &chosen);
    service.hint = t(lang, "ui-svc-service-hint", &[]);
    service.error = errors.of("service").map(str::to_string);
    let picked = match f {
        Some(f) => f.all("target"),
        None if !q.system.is_empty() => vec![q.system.clone()],
        None => Vec::new(),
    };
    let targets = (places.into_iter())
        .map(|(id, name)| {
            let on = picked.contains(&id);
            (id, name, on)
        })
        .collect();
    ServicesPage {
        p: v.body_page(b, "ui-svc-title", "services"),
        decls: declarations(b, lang, q),
        published: d.declarations.len(),
        todo: todo(b, lang, q),
        todo_all: open_parts(b).len(),
        filters,
        q: q.q.clone(),
        back: q.query(),
        errors,
        service,
        targets,
    }
}

pub async fn list(
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Query(q): Query<Filter>,
) -> Result<Response, PageError> {
    html(page(&v, &b, &q, None, Errors::default()))
}

/// The filter a form came from, checked: only this page's own keys.
fn back_query(back: &str) -> Result<String, PageError> {
    local_query(back, &FILTER_KEYS).ok_or_else(|| ApiError::BadRequest("back".into()).into())
}

/// Back to the page as it was, at the service.
fn back_to(orgnr: &str, back: &str, key: &str) -> Response {
    let query = if back.is_empty() {
        String::new()
    } else {
        format!("?{back}")
    };
    saved(&format!("/b/{orgnr}/services{query}#{}", enc(&anchor(key))))
}

/// The services list of a place in the body file: `org` is the body itself.
fn links_of<'a>(
    doc: &'a mut grunnmur_catalog::body::BodyDoc,
    target: &str,
) -> Result<&'a mut Vec<String>, ApiError> {
    if target == ORG {
        return Ok(&mut doc.org.services);
    }
    Ok(&mut doc.system_mut(target).ok_or(ApiError::NotFound)?.services)
}

/// Links a service to the places picked; a link the checks refuse stores nothing.
pub async fn link(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let back = back_query(f.get("back"))?;
    let q = Filter::parse(&back);
    let mut errors = Errors::default();
    let key = f.get("service").to_string();
    let targets = f.all("target");
    if key.is_empty() {
        errors.push("service", t(lang, "ui-svc-pick-service-error", &[]));
    }
    // A lapsed declaration would be linked and count for nothing: said in words instead.
    let (decl_id, _) = key.split_once('/').unwrap_or((&key, ""));
    let today = b.derived.today;
    if let Some(d) = (b.derived.declarations.iter()).find(|d| d.declaration.id == decl_id)
        && lapsed(d, today)
    {
        let (_, state) = validity(lang, d, today);
        let args = [
            ("supplier", d.declaration.supplier.name.as_str()),
            ("state", &state),
        ];
        errors.push("service", t(lang, "ui-svc-lapsed", &args));
    }
    if targets.is_empty() {
        errors.push("target", t(lang, "ui-svc-pick-target", &[]));
    }
    if !errors.is_empty() {
        return html_invalid(page(&v, &b, &q, Some(&f), errors));
    }
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "service.link", |doc| {
        for target in &targets {
            let links = links_of(doc, target)?;
            if !links.contains(&key) {
                links.push(key.clone());
            }
        }
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(back_to(&orgnr, &back, &key)),
        Err(e) => {
            let errors = problems(lang, e, "service")?;
            html_invalid(page(&v, &b, &q, Some(&f), errors))
        }
    }
}

/// Unlinks a service from one place.
pub async fn unlink(
    State(s): State<AppState>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let back = back_query(f.get("back"))?;
    let (key, target) = (f.get("service").to_string(), f.get("target").to_string());
    let r = ops::change_doc(&s, &orgnr, &v.actor(), "service.unlink", |doc| {
        let links = links_of(doc, &target)?;
        let before = links.len();
        links.retain(|k| *k != key);
        if links.len() == before {
            return Err(ApiError::NotFound);
        }
        Ok(())
    })
    .await;
    match r {
        Ok(_) => Ok(back_to(&orgnr, &back, &key)),
        Err(e) => {
            let errors = problems(v.lang, e, "service")?;
            html_invalid(page(&v, &b, &Filter::parse(&back), None, errors))
        }
    }
}

/// The services a system links, by name with their supplier, and where the page shows each.
pub fn of_system(b: &BodyView, lang: Lang, n: SystemIdx) -> Vec<(String, String)> {
    let (d, ws) = (&b.derived, &b.derived.ws);
    (ws.sources.of_system(n).iter())
        .map(|&sv| {
            let key = service_key(ws, sv);
            let (name, supplier, _, _) = super::sources::service(d, lang, &key, "");
            let label = t(
                lang,
                "ui-svc-option",
                &[("service", &name), ("supplier", &supplier)],
            );
            (anchor(&key), label)
        })
        .collect()
}
