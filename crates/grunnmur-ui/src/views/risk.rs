//! Risk assessments and reports for management: start an assessment for an object on the
//! engine's risk list (pre-filled), see its risks in the acceptance matrix, record the risk
//! owner's acceptance; make report drafts, finalise them, and download them as PDF, XLSX or
//! HTML. The operations are the API's own (`grunnmur_web::risk_api`).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use grunnmur_core::risk::{Preset, Zone};
use grunnmur_store::{ReportState, Role};
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::risk_api::{self, Kind};

pub struct AssessmentLine {
    pub id: i64,
    pub title: String,
    pub object: String,
    pub risks: usize,
    pub accepted: String,
}

pub struct Flagged {
    pub object: String,
    pub label: String,
    pub reasons: String,
}

pub struct ReportLine {
    pub id: i64,
    pub kind: String,
    pub number: i64,
    pub draft: bool,
    pub state: String,
    pub lang: String,
    pub approved: String,
    pub hash: String,
}

#[derive(Template)]
#[template(path = "risk.html")]
struct RiskPage {
    p: Page,
    orgnr: String,
    assessments: Vec<AssessmentLine>,
    flagged: Vec<Flagged>,
    reports: Vec<ReportLine>,
    kind: Select,
    lang: Select,
}

pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Path(orgnr): Path<String>,
) -> Result<Response, PageError> {
    let b = v.body(&s, &orgnr, Role::Reader).await?;
    let lang = v.lang;
    let cat = &s.catalog.catalog;
    let report = b.derived.report(&s);
    let mut assessments = Vec::new();
    for row in s.store.risk_assessments(&orgnr).await? {
        let (_, doc) = risk_api::load_risk(&s, &orgnr, &row.id.to_string()).await?;
        let object = doc.frame.object.to_string();
        assessments.push(AssessmentLine {
            id: row.id,
            title: doc.title.clone(),
            object: object_label(cat, &b.derived.ws, &orgnr, &object, lang).0,
            risks: doc.risks.len(),
            accepted: doc
                .acceptance
                .as_ref()
                .map(|a| format!("{} ({})", a.owner, a.date))
                .unwrap_or_default(),
        });
    }
    let flagged = report
        .risk_assessment_needed
        .iter()
        .map(|r| Flagged {
            object: r.object.clone(),
            label: object_label(cat, &b.derived.ws, &orgnr, &r.object, lang).0,
            reasons: r
                .reasons
                .iter()
                .map(|x| t(lang, &format!("reason-{}", x.as_str()), &[]))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let reports = s
        .store
        .reports(&orgnr)
        .await?
        .into_iter()
        .rev()
        .map(|r| ReportLine {
            id: r.id,
            kind: t(lang, &format!("ui-report-kind-{}", r.kind), &[]),
            number: r.number,
            draft: r.state == ReportState::Draft,
            state: t(
                lang,
                if r.state == ReportState::Draft {
                    "ui-report-draft"
                } else {
                    "ui-report-final"
                },
                &[],
            ),
            lang: r.lang,
            approved: match (&r.approver, r.approved_at) {
                (Some(who), Some(at)) => format!("{who}, {}", super::admin::timestamp(at)),
                _ => String::new(),
            },
            hash: r.content_hash.chars().take(12).collect(),
        })
        .collect();
    let kinds = ["status", "measure-plan"]
        .iter()
        .map(|k| (k.to_string(), t(lang, &format!("ui-report-kind-{k}"), &[])))
        .collect();
    let langs = vec![
        ("nb".to_string(), "Norsk bokmål".to_string()),
        ("en".to_string(), "English".to_string()),
    ];
    html(RiskPage {
        p: v.body_page(&b, "ui-risk-title", "risk"),
        orgnr: orgnr.clone(),
        assessments,
        flagged,
        reports,
        kind: Select::new("kind", t(lang, "ui-report-kind", &[]), kinds, "status"),
        lang: Select::new(
            "report_lang",
            t(lang, "ui-report-lang", &[]),
            langs,
            lang.code(),
        ),
    })
}

/// Starts a pre-filled assessment of an object.
pub async fn start(
    State(s): State<AppState>,
    v: Viewer,
    Path(orgnr): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    v.body(&s, &orgnr, Role::Editor).await?;
    let preset = if f.get("matrix") == "3x3" {
        Preset::ThreeByThree
    } else {
        Preset::FiveByFive
    };
    let title = t(v.lang, "ui-risk-new-title", &[]);
    match risk_api::new_risk_assessment(&s, &orgnr, f.get("object"), preset, title, &v.actor())
        .await?
    {
        Ok((row, _)) => Ok(Redirect::to(&format!("/b/{orgnr}/risk/{}", row.id)).into_response()),
        Err(_) => Err(ApiError::NotFound.into()),
    }
}

pub struct RiskLine {
    pub id: String,
    pub title: String,
    pub before: String,
    pub zone: String,
    pub decision: String,
    pub after: String,
    pub residual_zone: String,
}

#[derive(Template)]
#[template(path = "risk_assessment.html")]
struct AssessmentPage {
    p: Page,
    id: i64,
    title: String,
    object: String,
    scope: String,
    areas: Vec<String>,
    risks: Vec<RiskLine>,
    accepted: String,
    open: Vec<String>,
    errors: Errors,
}

fn zone(lang: grunnmur_i18n::Lang, z: Option<Zone>) -> String {
    z.map(|z| t(lang, &format!("risk-zone-{}", z.as_str()), &[]))
        .unwrap_or_default()
}

async fn assessment_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    id: &str,
    errors: Errors,
) -> Result<AssessmentPage, PageError> {
    let lang = v.lang;
    let (row, doc) = risk_api::load_risk(s, &b.row.orgnr, id).await?;
    let ws = &b.derived.ws;
    let cat = &s.catalog.catalog;
    let evaluation = doc.evaluate();
    let pos = |p: Option<grunnmur_core::risk::Position>| {
        p.map(|p| {
            t(
                lang,
                "ui-risk-position",
                &[
                    ("l", &p.likelihood.to_string()),
                    ("c", &p.consequence.to_string()),
                ],
            )
        })
        .unwrap_or_default()
    };
    let risks = doc
        .risks
        .iter()
        .zip(&evaluation)
        .map(|(r, e)| RiskLine {
            id: r.id.clone(),
            title: r.title.clone(),
            before: pos(e.before),
            zone: zone(lang, e.zone),
            decision: r
                .treatment
                .as_ref()
                .map(|tr| {
                    t(
                        lang,
                        &format!("risk-decision-{}", tr.decision.as_str()),
                        &[],
                    )
                })
                .unwrap_or_default(),
            after: pos(e.after),
            residual_zone: zone(lang, e.residual_zone),
        })
        .collect();
    let open = doc
        .acceptance_problems(cat, ws)
        .iter()
        .map(|p| {
            let (key, args) = p.message_parts();
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, *v)).collect();
            t(lang, &key, &args)
        })
        .collect();
    let object = doc.frame.object.to_string();
    Ok(AssessmentPage {
        p: v.body_page(b, "ui-risk-assessment-title", "risk"),
        id: row.id,
        title: doc.title.clone(),
        object: object_label(cat, ws, &b.row.orgnr, &object, lang).0,
        scope: doc.frame.scope.clone(),
        areas: doc.areas.iter().map(|a| a.title.clone()).collect(),
        risks,
        accepted: doc
            .acceptance
            .as_ref()
            .map(|a| format!("{} ({})", a.owner, a.date))
            .unwrap_or_default(),
        open,
        errors,
    })
}

pub async fn assessment(
    State(s): State<AppState>,
    v: Viewer,
    Path((orgnr, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let b = v.body(&s, &orgnr, Role::Reader).await?;
    html(assessment_page(&s, &v, &b, &id, Errors::default()).await?)
}

pub async fn accept(
    State(s): State<AppState>,
    v: Viewer,
    Path((orgnr, id)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let b = v.body(&s, &orgnr, Role::Admin).await?;
    let mut errors = Errors::default();
    required(v.lang, &f, "owner", &mut errors);
    if errors.is_empty() {
        match risk_api::accept(&s, &orgnr, &id, f.get("owner"), f.get("note"), &v.actor()).await? {
            Ok(_) => return Ok(saved(&format!("/b/{orgnr}/risk/{id}"))),
            Err(problems) => {
                for p in &problems {
                    let (key, args) = p.message_parts();
                    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, *v)).collect();
                    errors.push("owner", t(v.lang, &key, &args));
                }
            }
        }
    }
    html_invalid(assessment_page(&s, &v, &b, &id, errors).await?)
}

/// A report draft of the body as it is now.
pub async fn new_report(
    State(s): State<AppState>,
    v: Viewer,
    Path(orgnr): Path<String>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    v.body(&s, &orgnr, Role::Editor).await?;
    let kind = Kind::parse(f.get("kind")).ok_or_else(|| ApiError::BadRequest("kind".into()))?;
    let lang = grunnmur_i18n::Lang::parse(f.get("report_lang")).unwrap_or(v.lang);
    let risk = f.get("risk_assessment").parse::<i64>().ok();
    risk_api::new_report_draft(&s, &orgnr, kind, lang, risk, &v.actor()).await?;
    Ok(saved(&format!("/b/{orgnr}/risk#reports")))
}

/// Finalises a draft: the reader (an administrator) is its approver.
pub async fn finalize(
    State(s): State<AppState>,
    v: Viewer,
    Path((orgnr, id)): Path<(String, i64)>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    v.form(&body)?;
    v.body(&s, &orgnr, Role::Admin).await?;
    risk_api::finalize(&s, &orgnr, id, &v.actor(), v.lang).await?;
    Ok(saved(&format!("/b/{orgnr}/risk#reports")))
}
