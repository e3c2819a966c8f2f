//! Risk assessments and reports for management: start an assessment for an object on the
//! engine's risk list (pre-filled), see its risks in the acceptance matrix, record the risk
//! owner's acceptance; make report drafts, finalise them, and download them as PDF, XLSX or
//! HTML. The operations are the API's own (`grunnmur_web::risk_api`).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use grunnmur_core::risk::review::{self, Change, Standing};
use grunnmur_core::risk::{
    Analysis, AreaOfConcern, Decision, Frame, Knowledge, MeasureRef, Position, Preset, Problem,
    Risk, RiskAssessment, RiskEvaluation, Scale, ScaleKind, Treatment, Zone,
};
use grunnmur_i18n::Lang;
use grunnmur_report::build::{step_label, step_meaning};
use grunnmur_store::ReportState;
use grunnmur_web::AppState;
use grunnmur_web::error::ApiError;
use grunnmur_web::evidence::risk_key;
use grunnmur_web::risk_api::{self, Kind, Saved};

mod lines;
mod reports;
mod todo;
pub use lines::{AssessmentLine, assessment_lines};
pub use reports::{confirm_finalize, finalize, new_report};
use todo::measure_name;
pub use todo::{Todo, todo};

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
    todo: Todo,
    reports: Vec<ReportLine>,
    kind: Select,
    lang: Select,
}

pub async fn show(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let assessments = assessment_lines(&s, &b, lang).await?;
    let todo = todo(&s, &b, lang).await?;
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
                (Some(who), Some(at)) => {
                    format!(
                        "{who}, {}",
                        super::admin::timestamp(&s.config.time_zone, at)
                    )
                }
                _ => String::new(),
            },
            hash: r.content_hash.chars().take(12).collect(),
        })
        .collect();
    let kinds = ["status", "measure-plan"]
        .iter()
        .map(|k| (k.to_string(), t(lang, &format!("ui-report-kind-{k}"), &[])))
        .collect();
    let langs = (Lang::ALL.iter())
        .map(|l| {
            (
                l.code().to_string(),
                t(*l, &format!("ui-lang-{}", l.code()), &[]),
            )
        })
        .collect();
    html(RiskPage {
        p: v.body_page(&b, "ui-risk-title", "risk"),
        orgnr: orgnr.clone(),
        assessments,
        todo,
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
    BodyForm {
        v, b: _, f, orgnr, ..
    }: BodyForm<Editor>,
) -> Result<Response, PageError> {
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
    /// The id as a path segment.
    pub href: String,
    pub title: String,
    pub before: String,
    pub zone: String,
    pub decision: String,
    pub after: String,
    pub residual_zone: String,
}

/// An area of concern in words: a pre-filled one named by its reason and explained.
pub struct AreaLine {
    pub id: String,
    pub title: String,
    pub explanation: String,
    pub object: String,
    pub dimensions: String,
    pub measures: String,
    pub description: String,
}

/// A step of a scale: its number, name and what it means.
pub struct StepLine {
    pub n: usize,
    pub name: String,
    pub meaning: Vec<String>,
}

/// A scale as a table: likelihood, then consequence.
pub struct ScaleView {
    pub caption: &'static str,
    pub steps: Vec<StepLine>,
}

/// A risk placed in a cell of the matrix, linked to its row.
pub struct Placed {
    pub href: String,
    pub label: String,
}

pub struct MatrixCellView {
    pub zone_class: &'static str,
    pub zone: String,
    pub before: Vec<Placed>,
    pub after: Vec<Placed>,
}

pub struct MatrixRow {
    pub header: String,
    pub cells: Vec<MatrixCellView>,
}

/// The risk matrix as a table: likelihood down the rows (most likely first), consequence
/// across, each cell with its zone in words and the risks placed there before and after
/// treatment.
pub struct MatrixView {
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Template)]
#[template(path = "risk_assessment.html")]
struct AssessmentPage {
    p: Page,
    /// The assessment's history (the audit page filtered to it).
    history: String,
    id: i64,
    version: i64,
    title: String,
    object: String,
    scope: String,
    areas: Vec<AreaLine>,
    levels: Option<[Lv; 3]>,
    scales: [ScaleView; 2],
    matrix: MatrixView,
    risks: Vec<RiskLine>,
    accepted: String,
    open: Vec<String>,
    errors: Errors,
    selects: RiskSelects,
    form: RiskForm,
    form_action: String,
    submit_key: &'static str,
    /// Its comments (the shared comment form wants `back`, empty here).
    attached: super::evidence::Attached,
    back: String,
}

#[derive(Template)]
#[template(path = "risk_edit.html")]
struct EditPage {
    p: Page,
    id: i64,
    version: i64,
    assessment: String,
    risk_id: String,
    risk_title: String,
    accepted: String,
    errors: Errors,
    selects: RiskSelects,
    form: RiskForm,
    form_action: String,
    submit_key: &'static str,
}

/// The fields of the add-a-risk and edit-a-risk forms, as typed (shown again beside their
/// problems) or as stored (to edit).
#[derive(Default)]
pub struct RiskForm {
    pub title: String,
    pub threat: String,
    pub vulnerability: String,
    pub dims: Vec<String>,
    pub likelihood: String,
    pub consequence: String,
    pub knowledge: String,
    pub rationale: String,
    pub decision: String,
    pub measures: String,
    pub own_measures: String,
    pub residual: String,
    pub justification: String,
    pub responsible: String,
    pub due: String,
}

/// The drop-downs of the risk form: steps of the frame's scales, knowledge, decision, residual.
pub struct RiskSelects {
    pub likelihood: Select,
    pub consequence: Select,
    pub knowledge: Select,
    pub decision: Select,
    pub residual: Select,
}

fn position_key(p: Position) -> String {
    format!("{}-{}", p.likelihood, p.consequence)
}

impl RiskForm {
    /// An empty form: nothing chosen, knowledge medium.
    fn blank() -> RiskForm {
        RiskForm {
            knowledge: "medium".into(),
            ..RiskForm::default()
        }
    }

    fn read(f: &FormData) -> RiskForm {
        RiskForm {
            title: f.get("title").into(),
            threat: f.get("threat").into(),
            vulnerability: f.get("vulnerability").into(),
            dims: f.all("dim"),
            likelihood: f.get("likelihood").into(),
            consequence: f.get("consequence").into(),
            knowledge: f.get("knowledge").into(),
            rationale: f.get("rationale").into(),
            decision: f.get("decision").into(),
            measures: f.get("measures").into(),
            own_measures: f.get("own_measures").into(),
            residual: f.get("residual").into(),
            justification: f.get("justification").into(),
            responsible: f.get("responsible").into(),
            due: f.get("due").into(),
        }
    }

    /// A stored risk, to edit.
    fn of(r: &Risk) -> RiskForm {
        let a = r.analysis.as_ref();
        let t = r.treatment.as_ref();
        let measures = |own: bool| {
            t.map(|t| {
                t.measures
                    .iter()
                    .filter_map(|m| match (m, own) {
                        (MeasureRef::Bank(id), false) | (MeasureRef::Own(id), true) => {
                            Some(id.as_str())
                        }
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(if own { "\n" } else { ", " })
            })
            .unwrap_or_default()
        };
        RiskForm {
            title: r.title.clone(),
            threat: r.threat.clone(),
            vulnerability: r.vulnerability.clone(),
            dims: r.dimensions.iter().map(|d| d.to_string()).collect(),
            likelihood: a.map(|a| a.likelihood.to_string()).unwrap_or_default(),
            consequence: a.map(|a| a.consequence.to_string()).unwrap_or_default(),
            knowledge: a
                .map(|a| knowledge_str(a.knowledge).to_string())
                .unwrap_or_default(),
            rationale: a.map(|a| a.rationale.clone()).unwrap_or_default(),
            decision: t
                .map(|t| t.decision.as_str().to_string())
                .unwrap_or_default(),
            measures: measures(false),
            own_measures: measures(true),
            residual: t
                .and_then(|t| t.residual)
                .map(position_key)
                .unwrap_or_default(),
            justification: t.map(|t| t.justification.clone()).unwrap_or_default(),
            responsible: t.and_then(|t| t.owner.clone()).unwrap_or_default(),
            due: t
                .and_then(|t| t.due)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// The risk the form describes, keeping what the form does not show (area, information
    /// types) from `base`. What the form alone can tell is wrong goes to `errors`; the rest is
    /// the engine's check.
    fn to_risk(&self, lang: Lang, id: String, base: Option<&Risk>, errors: &mut Errors) -> Risk {
        let field_required = |errors: &mut Errors, field: &str| {
            let name = t(lang, &format!("ui-field-{field}"), &[]);
            errors.push(field, t(lang, "ui-field-required", &[("field", &name)]));
        };
        if self.title.is_empty() {
            field_required(errors, "title");
        }
        // A step that is not a number is out of every scale: the engine names it.
        let step = |s: &str| s.parse::<u8>().unwrap_or(0);
        let analysis = match (self.likelihood.is_empty(), self.consequence.is_empty()) {
            (true, true) => None,
            (l, c) => {
                if l {
                    field_required(errors, "likelihood");
                }
                if c {
                    field_required(errors, "consequence");
                }
                Some(Analysis {
                    likelihood: step(&self.likelihood),
                    consequence: step(&self.consequence),
                    knowledge: match self.knowledge.as_str() {
                        "low" => Knowledge::Low,
                        "high" => Knowledge::High,
                        _ => Knowledge::Medium,
                    },
                    rationale: self.rationale.clone(),
                })
            }
        };
        let mut measures: Vec<MeasureRef> = self
            .measures
            .split([',', ' ', '\n'])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(|m| MeasureRef::Bank(m.to_string()))
            .collect();
        measures.extend(
            self.own_measures
                .lines()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .map(|m| MeasureRef::Own(m.to_string())),
        );
        let residual = self.residual.split_once('-').map(|(l, c)| Position {
            likelihood: step(l),
            consequence: step(c),
        });
        let due = date_field(lang, "due", &self.due, errors);
        let decision = match self.decision.as_str() {
            "reduce" => Some(Decision::Reduce),
            "accept" => Some(Decision::Accept),
            "avoid" => Some(Decision::Avoid),
            "share" => Some(Decision::Share),
            _ => None,
        };
        let treated = !measures.is_empty()
            || residual.is_some()
            || due.is_some()
            || !self.justification.is_empty()
            || !self.responsible.is_empty();
        if decision.is_none() && treated {
            errors.push("decision", t(lang, "ui-risk-decision-needed", &[]));
        }
        let treatment = decision.map(|decision| Treatment {
            decision,
            measures,
            residual,
            justification: self.justification.clone(),
            owner: Some(self.responsible.clone()).filter(|o| !o.is_empty()),
            due,
        });
        Risk {
            id,
            title: self.title.clone(),
            area: base.and_then(|b| b.area.clone()),
            threat: self.threat.clone(),
            vulnerability: self.vulnerability.clone(),
            info_types: base.map(|b| b.info_types.clone()).unwrap_or_default(),
            dimensions: self
                .dims
                .iter()
                .filter_map(|d| grunnmur_core::Dimension::parse(d))
                .collect(),
            analysis,
            treatment,
        }
    }

    fn selects(&self, lang: Lang, frame: &Frame, errors: &Errors) -> RiskSelects {
        let none = || vec![(String::new(), t(lang, "ui-risk-none-chosen", &[]))];
        let steps = |n: usize| {
            let mut v = none();
            v.extend((1..=n).map(|k| (k.to_string(), k.to_string())));
            v
        };
        let knowledge = ["low", "medium", "high"]
            .iter()
            .map(|k| (k.to_string(), t(lang, &format!("ui-knowledge-{k}"), &[])))
            .collect();
        let mut decisions = none();
        decisions.extend(
            ["reduce", "accept", "avoid", "share"]
                .iter()
                .map(|d| (d.to_string(), t(lang, &format!("risk-decision-{d}"), &[]))),
        );
        let mut residual = none();
        for l in 1..=frame.likelihood.len() as u8 {
            for c in 1..=frame.consequence.len() as u8 {
                let p = Position {
                    likelihood: l,
                    consequence: c,
                };
                residual.push((position_key(p), position(lang, Some(p))));
            }
        }
        let select = |id: &str, label: &str, options, chosen: &str| {
            let mut s = Select::new(id, t(lang, label, &[]), options, chosen);
            s.error = errors.of(id).map(String::from);
            s
        };
        RiskSelects {
            likelihood: select(
                "likelihood",
                "ui-risk-likelihood",
                steps(frame.likelihood.len()),
                &self.likelihood,
            ),
            consequence: select(
                "consequence",
                "ui-risk-consequence",
                steps(frame.consequence.len()),
                &self.consequence,
            ),
            knowledge: select("knowledge", "ui-risk-knowledge", knowledge, &self.knowledge),
            decision: select("decision", "ui-risk-decision", decisions, &self.decision),
            residual: select("residual", "ui-risk-residual", residual, &self.residual),
        }
    }
}

fn knowledge_str(k: Knowledge) -> &'static str {
    match k {
        Knowledge::Low => "low",
        Knowledge::Medium => "medium",
        Knowledge::High => "high",
    }
}

/// The form field a problem within a risk belongs to, by the rest of its path
/// (`analysis.likelihood` → `likelihood`); `None` for what the form does not show.
fn field_of(path: &str) -> Option<&'static str> {
    let head = path.split(['.', '[']).next().unwrap_or_default();
    let field = match head {
        "title" => "title",
        "dimensions" => "dim-c",
        "analysis" => match path.strip_prefix("analysis.") {
            Some(rest) if rest.starts_with("consequence") => "consequence",
            Some(rest) if rest.starts_with("knowledge") => "knowledge",
            Some(rest) if rest.starts_with("rationale") => "rationale",
            _ => "likelihood",
        },
        "treatment" => {
            let rest = path.strip_prefix("treatment.").unwrap_or_default();
            match rest.split(['.', '[']).next().unwrap_or_default() {
                "measures" if rest.ends_with(".own") => "own_measures",
                "measures" => "measures",
                "residual" => "residual",
                "justification" => "justification",
                "owner" => "responsible",
                "due" => "due",
                _ => "decision",
            }
        }
        _ => return None,
    };
    Some(field)
}

/// The engine's problems with the risk at `n`, each at the field it belongs to; a problem
/// elsewhere in the document (the form does not show it) goes to the title with its path.
fn problems_at_fields(lang: Lang, problems: &[Problem], n: usize, errors: &mut Errors) {
    for p in problems {
        let message = risk_api::problem_message(lang, p);
        match p
            .in_risk()
            .filter(|(i, _)| *i == n)
            .and_then(|(_, rest)| field_of(rest))
        {
            Some(field) => errors.push(field, message),
            None => errors.push("title", format!("{}: {message}", p.path)),
        }
    }
}

fn position(lang: Lang, p: Option<Position>) -> String {
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
}

fn zone(lang: Lang, z: Option<Zone>) -> String {
    z.map(|z| t(lang, &format!("risk-zone-{}", z.as_str()), &[]))
        .unwrap_or_default()
}

fn accepted(doc: &RiskAssessment) -> String {
    doc.acceptance
        .as_ref()
        .map(|a| format!("{} ({})", a.owner, a.date))
        .unwrap_or_default()
}

/// After a change: back to the assessment, which says whether the change withdrew the risk
/// owner's acceptance.
fn saved_to(orgnr: &str, id: &str, s: Saved) -> Response {
    let flag = if s.acceptance_withdrawn {
        "?withdrawn=1"
    } else {
        ""
    };
    saved(&format!("/b/{orgnr}/risk/{id}{flag}"))
}

fn area_line(v: &Viewer, b: &BodyView, a: &AreaOfConcern) -> AreaLine {
    let lang = v.lang;
    let (title, explanation) = match (&a.reason, a.title.trim()) {
        (Some(r), "") => (
            t(lang, &format!("risk-area-{}", r.as_str()), &[]),
            t(lang, &format!("risk-area-{}-why", r.as_str()), &[]),
        ),
        (_, title) => (title.to_string(), String::new()),
    };
    AreaLine {
        id: a.id.clone(),
        title,
        explanation,
        object: a
            .object
            .as_deref()
            .map(|o| {
                object_label(
                    &b.derived.catalog.catalog,
                    &b.derived.ws,
                    &b.row.orgnr,
                    o,
                    lang,
                )
                .0
                .text
            })
            .unwrap_or_default(),
        dimensions: a
            .dimensions
            .iter()
            .map(|d| dim_label(lang, *d))
            .collect::<Vec<_>>()
            .join(", "),
        measures: a
            .measures
            .iter()
            .map(|m| measure_name(b, lang, m))
            .collect::<Vec<_>>()
            .join(", "),
        description: a.description.clone(),
    }
}

fn steps(lang: Lang, kind: ScaleKind, scale: &Scale) -> Vec<StepLine> {
    (0..scale.len())
        .map(|k| StepLine {
            n: k + 1,
            name: step_label(lang, kind, scale, k),
            meaning: step_meaning(lang, kind, scale, k),
        })
        .collect()
}

fn matrix_view(lang: Lang, doc: &RiskAssessment, evaluation: &[RiskEvaluation]) -> MatrixView {
    let f = &doc.frame;
    let placed = |r: &Risk, after: bool| Placed {
        href: format!("#risk-{}", enc_path(&r.id)),
        label: if after {
            t(lang, "risk-matrix-after", &[("risk", &r.title)])
        } else {
            r.title.clone()
        },
    };
    let rows = (0..f.likelihood.len())
        .rev()
        .map(|l| MatrixRow {
            header: format!(
                "{} {}",
                l + 1,
                step_label(lang, ScaleKind::Likelihood, &f.likelihood, l)
            ),
            cells: (0..f.consequence.len())
                .map(|c| {
                    let here = Position {
                        likelihood: l as u8 + 1,
                        consequence: c as u8 + 1,
                    };
                    let z = f.evaluate(here);
                    let at = |after: bool| {
                        doc.risks
                            .iter()
                            .zip(evaluation)
                            .filter(|(_, e)| {
                                let p = if after { e.after } else { e.before };
                                // A risk its treatment leaves where it was is placed once.
                                p == Some(here) && !(after && e.after == e.before)
                            })
                            .map(|(r, _)| placed(r, after))
                            .collect()
                    };
                    MatrixCellView {
                        zone_class: z.map_or("", |z| z.as_str()),
                        zone: zone(lang, z),
                        before: at(false),
                        after: at(true),
                    }
                })
                .collect(),
        })
        .collect();
    MatrixView {
        columns: (0..f.consequence.len())
            .map(|c| {
                format!(
                    "{} {}",
                    c + 1,
                    step_label(lang, ScaleKind::Consequence, &f.consequence, c)
                )
            })
            .collect(),
        rows,
    }
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
    let risks = doc
        .risks
        .iter()
        .zip(&evaluation)
        .map(|(r, e)| RiskLine {
            id: r.id.clone(),
            href: enc_path(&r.id),
            title: r.title.clone(),
            before: position(lang, e.before),
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
            after: position(lang, e.after),
            residual_zone: zone(lang, e.residual_zone),
        })
        .collect();
    let open = doc
        .acceptance_problems(cat, ws)
        .iter()
        .map(|p| risk_api::problem_message(lang, p))
        .collect();
    let object = doc.frame.object.to_string();
    let mut p = v.body_page(b, "ui-risk-assessment-title", "risk");
    if v.path.contains("withdrawn=1") {
        p.notice = Some(t(lang, "ui-risk-acceptance-withdrawn", &[]));
    }
    Ok(AssessmentPage {
        p,
        history: super::history::href(&b.row.orgnr, &risk_key(row.id)),
        attached: super::evidence::attached(s, &b.row.orgnr, &risk_key(row.id)).await?,
        back: String::new(),
        id: row.id,
        version: row.version,
        title: assessment_title(lang, &doc.title),
        object: object_label(cat, ws, &b.row.orgnr, &object, lang).0.text,
        scope: doc.frame.scope.clone(),
        areas: doc.areas.iter().map(|a| area_line(v, b, a)).collect(),
        levels: doc
            .frame
            .object
            .levels(ws, &b.derived.assessment)
            .ok()
            .map(|l| lvs(lang, l)),
        scales: [
            ScaleView {
                caption: "risk-page-likelihood-caption",
                steps: steps(lang, ScaleKind::Likelihood, &doc.frame.likelihood),
            },
            ScaleView {
                caption: "risk-page-consequence-caption",
                steps: steps(lang, ScaleKind::Consequence, &doc.frame.consequence),
            },
        ],
        matrix: matrix_view(lang, &doc, &evaluation),
        risks,
        accepted: accepted(&doc),
        open,
        selects: form.selects(lang, &doc.frame, &errors),
        errors,
        form,
        form_action: format!("/b/{}/risk/{}/risks", b.row.orgnr, row.id),
        submit_key: "ui-risk-add-submit",
    })
}

pub async fn assessment(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Reader>,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    html(assessment_page(&s, &v, &b, &id, Errors::default(), RiskForm::blank()).await?)
}

pub async fn accept(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    let mut errors = Errors::default();
    required(v.lang, &f, "owner", &mut errors);
    if errors.is_empty() {
        match risk_api::accept(&s, &orgnr, &id, f.get("owner"), f.get("note"), &v.actor()).await? {
            Ok(_) => return Ok(saved(&format!("/b/{orgnr}/risk/{id}"))),
            Err(problems) => {
                // A risk not yet ready for acceptance is named, and the summary links to its row.
                let (_, doc) = risk_api::load_risk(&s, &orgnr, &id).await?;
                for p in &problems {
                    let message = risk_api::problem_message(v.lang, p);
                    match p.in_risk().and_then(|(n, _)| doc.risks.get(n)) {
                        Some(r) => errors.push(
                            &format!("risk-{}", enc_path(&r.id)),
                            t(
                                v.lang,
                                "ui-risk-problem-in",
                                &[("risk", &r.title), ("message", &message)],
                            ),
                        ),
                        None => errors.push("owner", message),
                    }
                }
            }
        }
    }
    html_invalid(assessment_page(&s, &v, &b, &id, errors, RiskForm::blank()).await?)
}

/// The risk with this id in an assessment, or not found.
fn index_of(doc: &RiskAssessment, risk_id: &str) -> Result<usize, ApiError> {
    doc.risk_index(risk_id).ok_or(ApiError::NotFound)
}

/// Applies a page's change to a stored assessment through the API's own change (the same checks,
/// version check and audit), against the version the form was made from (a change made
/// meanwhile is refused, 409, not lost). Stored: back to the assessment. Refused: the engine's
/// problems.
async fn change_from_form(
    s: &AppState,
    v: &Viewer,
    f: &FormData,
    (orgnr, id): (&str, &str),
    change: impl FnOnce(&mut RiskAssessment) -> Result<(), ApiError>,
) -> Result<Result<Response, Vec<Problem>>, PageError> {
    let version = f.get("version").parse().ok();
    Ok(risk_api::change(s, orgnr, id, version, &v.actor(), change)
        .await?
        .map(|saved| saved_to(orgnr, id, saved)))
}

/// Adds a risk with its analysis and treatment.
pub async fn add_risk(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let form = RiskForm::read(&f);
    let mut errors = Errors::default();
    let (_, doc) = risk_api::load_risk(&s, &orgnr, &id).await?;
    let n = doc.risks.len();
    let risk = form.to_risk(v.lang, doc.next_risk_id(), None, &mut errors);
    if errors.is_empty() {
        let add = |d: &mut RiskAssessment| {
            d.risks.push(risk);
            Ok(())
        };
        match change_from_form(&s, &v, &f, (&orgnr, &id), add).await? {
            Ok(done) => return Ok(done),
            Err(problems) => problems_at_fields(v.lang, &problems, n, &mut errors),
        }
    }
    html_invalid(assessment_page(&s, &v, &b, &id, errors, form).await?)
}

async fn edit_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    (id, risk_id): (&str, &str),
    errors: Errors,
    form: Option<RiskForm>,
) -> Result<EditPage, PageError> {
    let (row, doc) = risk_api::load_risk(s, &b.row.orgnr, id).await?;
    let n = index_of(&doc, risk_id)?;
    let form = form.unwrap_or_else(|| RiskForm::of(&doc.risks[n]));
    Ok(EditPage {
        p: v.body_page(b, "ui-risk-edit-title", "risk"),
        id: row.id,
        version: row.version,
        assessment: assessment_title(v.lang, &doc.title),
        risk_id: risk_id.to_string(),
        risk_title: doc.risks[n].title.clone(),
        accepted: accepted(&doc),
        selects: form.selects(v.lang, &doc.frame, &errors),
        errors,
        form,
        form_action: format!(
            "/b/{}/risk/{}/risks/{}",
            b.row.orgnr,
            row.id,
            enc_path(risk_id)
        ),
        submit_key: "ui-save",
    })
}

/// A risk's form, filled in with what is stored.
pub async fn edit_risk(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Editor>,
    Path((_, id, risk_id)): Path<(String, String, String)>,
) -> Result<Response, PageError> {
    html(edit_page(&s, &v, &b, (&id, &risk_id), Errors::default(), None).await?)
}

/// Stores a changed risk.
pub async fn update_risk(
    State(s): State<AppState>,
    Path((_, id, risk_id)): Path<(String, String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let form = RiskForm::read(&f);
    let mut errors = Errors::default();
    let (_, doc) = risk_api::load_risk(&s, &orgnr, &id).await?;
    let n = index_of(&doc, &risk_id)?;
    let risk = form.to_risk(v.lang, risk_id.clone(), Some(&doc.risks[n]), &mut errors);
    if errors.is_empty() {
        let replace = |d: &mut RiskAssessment| {
            let n = index_of(d, &risk_id)?;
            d.risks[n] = risk;
            Ok(())
        };
        match change_from_form(&s, &v, &f, (&orgnr, &id), replace).await? {
            Ok(done) => return Ok(done),
            Err(problems) => problems_at_fields(v.lang, &problems, n, &mut errors),
        }
    }
    html_invalid(edit_page(&s, &v, &b, (&id, &risk_id), errors, Some(form)).await?)
}

/// Removes a risk.
pub async fn remove_risk(
    State(s): State<AppState>,
    Path((_, id, risk_id)): Path<(String, String, String)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let remove = |d: &mut RiskAssessment| {
        let n = index_of(d, &risk_id)?;
        d.risks.remove(n);
        Ok(())
    };
    match change_from_form(&s, &v, &f, (&orgnr, &id), remove).await? {
        Ok(done) => Ok(done),
        // A removal leaves nothing the engine could refuse but what was stored before it (a
        // catalog change since, say): shown at the top of the assessment, nothing stored.
        Err(problems) => {
            let mut errors = Errors::default();
            problems_at_fields(v.lang, &problems, usize::MAX, &mut errors);
            html_invalid(assessment_page(&s, &v, &b, &id, errors, RiskForm::blank()).await?)
        }
    }
}
