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
    let cat = &b.derived.catalog.catalog;
    let report = b.derived.report();
    let mut assessments = Vec::new();
    for row in s.store.risk_assessments(&orgnr).await? {
        let doc = risk_api::stored_doc(&row)?;
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
        ("nb".to_string(), t(lang, "ui-lang-nb", &[])),
        ("en".to_string(), t(lang, "ui-lang-en", &[])),
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
    selects: Vec<Select>,
    form: RiskForm,
}

/// What was typed into the add-a-risk form, shown again beside its problems.
#[derive(Default)]
pub struct RiskForm {
    pub title: String,
    pub threat: String,
    pub vulnerability: String,
    pub dims: Vec<String>,
    pub measures: String,
    pub justification: String,
    pub picks: [String; 5],
}

/// The drop-downs of the add-a-risk form: steps of the frame's scales, knowledge, decision.
fn risk_selects(lang: grunnmur_i18n::Lang, l: usize, c: usize, picks: &[String; 5]) -> Vec<Select> {
    let steps = |n: usize, none: bool| {
        let mut v: Vec<(String, String)> = if none {
            vec![(String::new(), t(lang, "ui-risk-none-chosen", &[]))]
        } else {
            Vec::new()
        };
        v.extend((1..=n).map(|k| (k.to_string(), k.to_string())));
        v
    };
    let knowledge = ["low", "medium", "high"]
        .iter()
        .map(|k| (k.to_string(), t(lang, &format!("ui-knowledge-{k}"), &[])))
        .collect();
    let decisions = ["reduce", "accept", "avoid", "share"]
        .iter()
        .map(|d| (d.to_string(), t(lang, &format!("risk-decision-{d}"), &[])))
        .collect();
    vec![
        Select::new(
            "likelihood",
            t(lang, "ui-risk-likelihood", &[]),
            steps(l, false),
            &picks[0],
        ),
        Select::new(
            "consequence",
            t(lang, "ui-risk-consequence", &[]),
            steps(c, false),
            &picks[1],
        ),
        Select::new(
            "knowledge",
            t(lang, "ui-risk-knowledge", &[]),
            knowledge,
            &picks[2],
        ),
        Select::new(
            "decision",
            t(lang, "ui-risk-decision", &[]),
            decisions,
            &picks[3],
        ),
        Select::new(
            "residual",
            t(lang, "ui-risk-residual", &[]),
            steps_pairs(l, c, lang),
            &picks[4],
        ),
    ]
}

/// Residual positions as "likelihood-consequence" options.
fn steps_pairs(l: usize, c: usize, lang: grunnmur_i18n::Lang) -> Vec<(String, String)> {
    let mut v = vec![(String::new(), t(lang, "ui-risk-none-chosen", &[]))];
    for a in 1..=l {
        for b in 1..=c {
            v.push((
                format!("{a}-{b}"),
                t(
                    lang,
                    "ui-risk-position",
                    &[("l", &a.to_string()), ("c", &b.to_string())],
                ),
            ));
        }
    }
    v
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
    form: RiskForm,
) -> Result<AssessmentPage, PageError> {
    let lang = v.lang;
    let (row, doc) = risk_api::load_risk(s, &b.row.orgnr, id).await?;
    let ws = &b.derived.ws;
    let cat = &b.derived.catalog.catalog;
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
        .map(|p| risk_api::problem_message(lang, p))
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
        selects: risk_selects(
            lang,
            doc.frame.likelihood.len(),
            doc.frame.consequence.len(),
            &form.picks,
        ),
        form,
    })
}

pub async fn assessment(
    State(s): State<AppState>,
    v: Viewer,
    Path((orgnr, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let b = v.body(&s, &orgnr, Role::Reader).await?;
    html(assessment_page(&s, &v, &b, &id, Errors::default(), RiskForm::default()).await?)
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
                    errors.push("owner", risk_api::problem_message(v.lang, p));
                }
            }
        }
    }
    html_invalid(assessment_page(&s, &v, &b, &id, errors, RiskForm::default()).await?)
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

/// Adds a risk with its analysis and treatment; checked like any change through the API.
pub async fn add_risk(
    State(s): State<AppState>,
    v: Viewer,
    Path((orgnr, id)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Result<Response, PageError> {
    use grunnmur_core::risk::{
        Analysis, Decision, Knowledge, MeasureRef, Position, Risk, Treatment,
    };
    let f = v.form(&body)?;
    let b = v.body(&s, &orgnr, Role::Editor).await?;
    let form = RiskForm {
        title: f.get("title").into(),
        threat: f.get("threat").into(),
        vulnerability: f.get("vulnerability").into(),
        dims: f.all("dim"),
        measures: f.get("measures").into(),
        justification: f.get("justification").into(),
        picks: [
            "likelihood",
            "consequence",
            "knowledge",
            "decision",
            "residual",
        ]
        .map(|k| f.get(k).to_string()),
    };
    let mut errors = Errors::default();
    required(v.lang, &f, "title", &mut errors);
    let (row, mut doc) = risk_api::load_risk(&s, &orgnr, &id).await?;
    let step = |k: &str| f.get(k).parse::<u8>().unwrap_or(0);
    let knowledge = match f.get("knowledge") {
        "low" => Knowledge::Low,
        "high" => Knowledge::High,
        _ => Knowledge::Medium,
    };
    let decision = match f.get("decision") {
        "accept" => Decision::Accept,
        "avoid" => Decision::Avoid,
        "share" => Decision::Share,
        _ => Decision::Reduce,
    };
    let residual = f.get("residual").split_once('-').and_then(|(a, c)| {
        Some(Position {
            likelihood: a.parse().ok()?,
            consequence: c.parse().ok()?,
        })
    });
    let dimensions = form
        .dims
        .iter()
        .filter_map(|d| grunnmur_core::Dimension::parse(d))
        .collect();
    let measures = form
        .measures
        .split([',', ' ', '\n'])
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| MeasureRef::Bank(m.to_string()))
        .collect();
    doc.risks.push(Risk {
        id: format!("r{}", doc.risks.len() + 1),
        title: form.title.clone(),
        area: None,
        threat: form.threat.clone(),
        vulnerability: form.vulnerability.clone(),
        info_types: Vec::new(),
        dimensions,
        analysis: Some(Analysis {
            likelihood: step("likelihood"),
            consequence: step("consequence"),
            knowledge,
            rationale: String::new(),
        }),
        treatment: Some(Treatment {
            decision,
            measures,
            residual,
            justification: form.justification.clone(),
            owner: None,
            due: None,
        }),
    });
    if errors.is_empty() {
        match risk_api::save(&s, &orgnr, row.id, doc, &v.actor(), Some(row.version)).await? {
            Ok(_) => return Ok(saved(&format!("/b/{orgnr}/risk/{id}"))),
            Err(problems) => {
                for p in &problems {
                    errors.push(
                        "title",
                        format!("{}: {}", p.path, risk_api::problem_message(v.lang, p)),
                    );
                }
            }
        }
    }
    html_invalid(assessment_page(&s, &v, &b, &id, errors, form).await?)
}
