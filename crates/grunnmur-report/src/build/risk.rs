//! The risk-assessment report: the frame of reference (object, scales, acceptance criteria),
//! areas of concern, the risks with their analysis and treatment, the risk matrix before and
//! after treatment as pictures, and the risk owner's acceptance. Positions and zones are the
//! engine's (`RiskAssessment::evaluate`); this module only names and lays them out.

use super::{Ctx, int, named, text};
use crate::ReportInput;
use crate::doc::{Cell, Chart, Column, Doc, Matrix, MatrixCell, Section, Table};
use grunnmur_core::risk::{
    Acceptance, Decision, Frame, Knowledge, MeasureRef, ObjectRef, Position, Risk, RiskAssessment,
    RiskEvaluation, Scale, ScaleKind, Treatment, Zone, preset_label_key,
};
use grunnmur_i18n::{Lang, t};
use std::cmp::Reverse;

/// Zone colours: light enough for dark text (contrast above 4.5:1), and told apart by the
/// legend and the tables, not by colour alone.
pub const ZONE_COLORS: [(u8, u8, u8); 3] = [(166, 217, 106), (254, 224, 139), (244, 109, 67)];

fn zone_color(z: Zone) -> (u8, u8, u8) {
    ZONE_COLORS[Zone::ALL.iter().position(|x| *x == z).unwrap_or(0)]
}

/// A scale step's name (0-based `k`): the body's own label, else the preset's from the
/// translations, else its number. The page and the report name steps alike with it.
pub fn step_label(lang: Lang, kind: ScaleKind, scale: &Scale, k: usize) -> String {
    scale.steps[k]
        .label
        .as_ref()
        .map(|t| t.get(lang.code()).to_string())
        .filter(|s| !s.trim().is_empty())
        .or_else(|| preset_label_key(kind, scale.len(), k + 1).map(|key| t(lang, &key, &[])))
        .unwrap_or_else(|| (k + 1).to_string())
}

/// What a scale step means: the body's description (else the preset's from the
/// translations), then what the catalog's consequence scale says for each impact area there.
pub fn step_meaning(lang: Lang, kind: ScaleKind, scale: &Scale, k: usize) -> Vec<String> {
    let code = lang.code();
    let step = &scale.steps[k];
    let mut parts = Vec::new();
    match &step.description {
        Some(d) => parts.push(d.get(code).to_string()),
        None => {
            let key = preset_label_key(kind, scale.len(), k + 1).map(|k| format!("{k}-desc"));
            if let Some(key) = key.filter(|k| grunnmur_i18n::translations().has(lang, k)) {
                parts.push(t(lang, &key, &[]));
            }
        }
    }
    for c in &step.criteria {
        parts.push(format!("{}: {}", c.name.get(code), c.text.get(code)));
    }
    parts
}

impl Ctx<'_> {
    fn zone(&self, z: Zone) -> String {
        self.t(&format!("risk-zone-{}", z.as_str()))
    }

    fn step_label(&self, kind: ScaleKind, scale: &Scale, k: usize) -> String {
        step_label(self.lang, kind, scale, k)
    }

    fn step_description(&self, kind: ScaleKind, scale: &Scale, k: usize) -> String {
        step_meaning(self.lang, kind, scale, k).join("\n")
    }

    fn risk_object(&self, o: &ObjectRef) -> String {
        match o {
            ObjectRef::Tasks(ids) => {
                let names: Vec<String> = ids
                    .iter()
                    .map(|id| named(&self.task_name(id), id))
                    .collect();
                self.ta("risk-object-tasks", &[("names", &names.join(", "))])
            }
            other => self.object(&other.to_string()),
        }
    }

    fn zone_cell(&self, z: Option<Zone>) -> Cell {
        z.map_or(Cell::Empty, |z| Cell::Text(self.zone(z)))
    }

    fn decision_cell(&self, t: Option<&Treatment>) -> Cell {
        t.map_or(Cell::Empty, |t| {
            Cell::Text(self.t(&format!("risk-decision-{}", t.decision.as_str())))
        })
    }

    /// The position after treatment; an avoided risk without a residual is gone.
    fn after_cell(&self, t: Option<&Treatment>, e: &RiskEvaluation) -> Cell {
        match (t.map(|t| t.decision), e.after) {
            (Some(Decision::Avoid), None) => Cell::Text(self.t("risk-avoided")),
            (_, p) => self.position(p),
        }
    }

    /// Whether the risk owner has accepted the assessment's residual risk, and who, when.
    fn acceptance_state(&self, a: Option<&Acceptance>) -> String {
        match a {
            Some(a) => self.ta(
                "risk-state-accepted",
                &[("owner", &a.owner), ("date", &a.date.to_string())],
            ),
            None => self.t("risk-state-open"),
        }
    }

    fn position(&self, p: Option<Position>) -> Cell {
        p.map_or(Cell::Empty, |p| {
            Cell::Text(self.ta(
                "risk-position",
                &[
                    ("likelihood", &p.likelihood.to_string()),
                    ("consequence", &p.consequence.to_string()),
                ],
            ))
        })
    }
}

fn table(ctx: &Ctx, key: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        caption: ctx.t(&format!("risk-caption-{key}")),
        columns,
        rows,
        row_headers: false,
        empty: ctx.t("report-empty"),
        abbreviations: Vec::new(),
    }
}

fn section(ctx: &Ctx, key: &str, table: Option<Table>) -> Section {
    Section {
        key: key.to_string(),
        sheet: ctx.t(&format!("risk-sheet-{key}")),
        heading: ctx.t(&format!("risk-heading-{key}")),
        paragraphs: Vec::new(),
        charts: Vec::new(),
        table,
    }
}

/// A picture of the frame's matrix with `text(l, c)` in each cell (1-based positions).
fn matrix_chart(ctx: &Ctx, f: &Frame, title: String, text: impl Fn(u8, u8) -> String) -> Chart {
    let mut alt = Vec::new();
    let cells: Vec<Vec<MatrixCell>> = f
        .acceptance
        .cells
        .iter()
        .enumerate()
        .map(|(l, row)| {
            row.iter()
                .enumerate()
                .map(|(c, z)| {
                    let t = text(l as u8 + 1, c as u8 + 1);
                    if !t.is_empty() {
                        alt.push(ctx.ta(
                            "risk-matrix-alt-cell",
                            &[
                                (
                                    "likelihood",
                                    &ctx.step_label(ScaleKind::Likelihood, &f.likelihood, l),
                                ),
                                (
                                    "consequence",
                                    &ctx.step_label(ScaleKind::Consequence, &f.consequence, c),
                                ),
                                ("zone", &ctx.zone(*z)),
                                ("risks", &t),
                            ],
                        ));
                    }
                    MatrixCell {
                        text: t,
                        color: zone_color(*z),
                    }
                })
                .collect()
        })
        .collect();
    let alt = if alt.is_empty() {
        ctx.t("risk-matrix-alt-empty")
    } else {
        alt.join("; ")
    };
    Chart {
        alt: format!("{title}. {alt}."),
        title,
        categories: Vec::new(),
        series: Vec::new(),
        matrix: Some(Matrix {
            row_title: ctx.t("risk-col-likelihood"),
            column_title: ctx.t("risk-col-consequence"),
            rows: (0..f.likelihood.len())
                .map(|k| ctx.step_label(ScaleKind::Likelihood, &f.likelihood, k))
                .collect(),
            columns: (0..f.consequence.len())
                .map(|k| ctx.step_label(ScaleKind::Consequence, &f.consequence, k))
                .collect(),
            cells,
            legend: Zone::ALL
                .iter()
                .map(|z| (ctx.zone(*z), zone_color(*z)))
                .collect(),
        }),
    }
}

fn scale_section(ctx: &Ctx, key: &str, kind: ScaleKind, scale: &Scale) -> Section {
    let rows = (0..scale.len())
        .map(|k| {
            vec![
                int(k + 1),
                Cell::Text(ctx.step_label(kind, scale, k)),
                text(ctx.step_description(kind, scale, k)),
            ]
        })
        .collect();
    let cols = vec![
        Column::number(ctx.t("risk-col-step"), 6.0),
        Column::text(ctx.t("risk-col-name"), 16.0),
        Column::text(ctx.t("risk-col-description"), 70.0),
    ];
    section(ctx, key, Some(table(ctx, key, cols, rows)))
}

/// Builds the report of one risk assessment for the body in `input`.
pub fn risk_assessment(input: &ReportInput, ra: &RiskAssessment) -> Doc {
    let ctx = Ctx::new(input);
    let ctx = &ctx;
    let f = &ra.frame;
    let evaluation = ra.evaluate();
    let mut facts = vec![
        (ctx.t("risk-fact-assessment"), ra.title.clone()),
        (ctx.t("risk-fact-object"), ctx.risk_object(&f.object)),
    ];
    facts.extend(ctx.facts());
    facts.push((
        ctx.t("risk-fact-state"),
        ctx.acceptance_state(ra.acceptance.as_ref()),
    ));
    Doc {
        lang: ctx.lang,
        title: ctx.ta(
            "risk-report-title",
            &[("org", &input.report.org.name), ("title", &ra.title)],
        ),
        facts,
        facts_heading: ctx.t("report-about"),
        facts_sheet: ctx.t("report-sheet-about"),
        sections: vec![
            frame_section(ctx, f),
            scale_section(ctx, "likelihood", ScaleKind::Likelihood, &f.likelihood),
            scale_section(ctx, "consequence", ScaleKind::Consequence, &f.consequence),
            criteria_section(ctx, f),
            areas_section(ctx, ra),
            scenario_section(ctx, ra),
            treatment_section(ctx, ra, &evaluation),
            matrix_section(ctx, f, &evaluation),
            acceptance_section(ctx, ra),
        ],
        landscape: true,
    }
}

/// The frame: object, scope and how the zones are read.
fn frame_section(ctx: &Ctx, f: &Frame) -> Section {
    let mut frame = section(ctx, "frame", None);
    frame.paragraphs.push(ctx.ta(
        "risk-report-object",
        &[("object", &ctx.risk_object(&f.object))],
    ));
    if let Some(l) = &f.object_levels {
        frame
            .paragraphs
            .push(ctx.ta("risk-report-object-levels", &[("levels", &ctx.levels(l))]));
    }
    if !f.scope.trim().is_empty() {
        frame
            .paragraphs
            .push(ctx.ta("risk-report-scope", &[("scope", &f.scope)]));
    }
    frame.paragraphs.push(ctx.t("risk-report-zones"));
    frame
}

/// The acceptance criteria: the zone of every cell, as a table and a picture.
fn criteria_section(ctx: &Ctx, f: &Frame) -> Section {
    let criteria_rows = (0..f.acceptance.cells.len())
        .rev()
        .map(|l| {
            let mut row = vec![Cell::Text(ctx.step_label(
                ScaleKind::Likelihood,
                &f.likelihood,
                l,
            ))];
            row.extend(
                f.acceptance.cells[l]
                    .iter()
                    .map(|z| Cell::Text(ctx.zone(*z))),
            );
            row
        })
        .collect();
    let mut cols = vec![Column::text(ctx.t("risk-col-likelihood"), 16.0)];
    cols.extend((0..f.consequence.len()).map(|c| {
        Column::text(
            ctx.step_label(ScaleKind::Consequence, &f.consequence, c),
            12.0,
        )
    }));
    let mut t = table(ctx, "criteria", cols, criteria_rows);
    t.row_headers = true;
    let mut criteria = section(ctx, "criteria", Some(t));
    criteria.charts.push(matrix_chart(
        ctx,
        f,
        ctx.t("risk-chart-criteria"),
        |_, _| String::new(),
    ));
    criteria
}

/// Areas of concern.
fn areas_section(ctx: &Ctx, ra: &RiskAssessment) -> Section {
    let area_rows = ra
        .areas
        .iter()
        .map(|a| {
            let title = match (&a.reason, a.title.trim()) {
                (Some(r), "") => ctx.reason(*r),
                (_, t) => t.to_string(),
            };
            let dims: Vec<String> = a.dimensions.iter().map(|d| ctx.dimension(*d)).collect();
            vec![
                Cell::Text(a.id.clone()),
                text(title),
                a.object
                    .as_deref()
                    .map_or(Cell::Empty, |o| Cell::Text(ctx.object(o))),
                text(dims.join(", ")),
                text(
                    a.measures
                        .iter()
                        .map(|m| ctx.measure(m))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                text(a.description.clone()),
            ]
        })
        .collect();
    let cols = vec![
        Column::text(ctx.t("risk-col-id"), 5.0),
        Column::text(ctx.t("risk-col-area"), 16.0),
        Column::text(ctx.t("report-col-object"), 18.0),
        Column::text(ctx.t("report-col-dimension"), 10.0),
        Column::text(ctx.t("report-col-measures"), 20.0),
        Column::text(ctx.t("risk-col-description"), 30.0),
    ];
    section(ctx, "areas", Some(table(ctx, "areas", cols, area_rows)))
}

/// Risks: the scenario.
fn scenario_section(ctx: &Ctx, ra: &RiskAssessment) -> Section {
    let scenario_rows = ra
        .risks
        .iter()
        .map(|r| {
            let dims: Vec<String> = r.dimensions.iter().map(|d| ctx.dimension(*d)).collect();
            let infos: Vec<String> = r
                .info_types
                .iter()
                .map(|i| named(&ctx.info_type_name(i), i))
                .collect();
            vec![
                Cell::Text(r.id.clone()),
                Cell::Text(r.title.clone()),
                r.area.clone().map_or(Cell::Empty, Cell::Text),
                text(r.threat.clone()),
                text(r.vulnerability.clone()),
                text(infos.join(", ")),
                text(dims.join(", ")),
            ]
        })
        .collect();
    let cols = vec![
        Column::text(ctx.t("risk-col-id"), 5.0),
        Column::text(ctx.t("risk-col-risk"), 18.0),
        Column::text(ctx.t("risk-col-area-id"), 6.0),
        Column::text(ctx.t("risk-col-threat"), 20.0),
        Column::text(ctx.t("risk-col-vulnerability"), 20.0),
        Column::text(ctx.t("report-col-info-type"), 18.0),
        Column::text(ctx.t("report-col-dimension"), 10.0),
    ];
    section(ctx, "risks", Some(table(ctx, "risks", cols, scenario_rows)))
}

/// Analysis, evaluation and treatment.
fn treatment_section(ctx: &Ctx, ra: &RiskAssessment, evaluation: &[RiskEvaluation]) -> Section {
    let rows = ra
        .risks
        .iter()
        .zip(evaluation)
        .map(|(r, e)| {
            let a = r.analysis.as_ref();
            let t = r.treatment.as_ref();
            let measures: Vec<String> = t
                .map(|t| {
                    t.measures
                        .iter()
                        .map(|m| match m {
                            MeasureRef::Bank(id) => ctx.measure(id),
                            MeasureRef::Own(s) => s.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            vec![
                Cell::Text(r.id.clone()),
                ctx.position(e.before),
                ctx.zone_cell(e.zone),
                a.map_or(Cell::Empty, |a| Cell::Text(knowledge(ctx, a.knowledge))),
                a.map_or(Cell::Empty, |a| text(a.rationale.clone())),
                ctx.decision_cell(t),
                text(measures.join(", ")),
                ctx.after_cell(t, e),
                ctx.zone_cell(e.residual_zone),
                t.and_then(|t| t.owner.clone()).map_or(Cell::Empty, text),
                t.and_then(|t| t.due)
                    .map_or(Cell::Empty, |d| Cell::Date(d.to_string())),
                t.map_or(Cell::Empty, |t| text(t.justification.clone())),
            ]
        })
        .collect();
    let cols = vec![
        Column::text(ctx.t("risk-col-id"), 5.0),
        Column::text(ctx.t("risk-col-before"), 8.0),
        Column::text(ctx.t("risk-col-zone"), 10.0),
        Column::text(ctx.t("risk-col-knowledge"), 8.0),
        Column::text(ctx.t("risk-col-rationale"), 16.0),
        Column::text(ctx.t("risk-col-decision"), 8.0),
        Column::text(ctx.t("report-col-measures"), 18.0),
        Column::text(ctx.t("risk-col-after"), 8.0),
        Column::text(ctx.t("risk-col-residual-zone"), 10.0),
        Column::text(ctx.t("report-col-owner"), 10.0),
        Column::text(ctx.t("report-col-due"), 9.0),
        Column::text(ctx.t("report-col-justification"), 16.0),
    ];
    section(ctx, "treatment", Some(table(ctx, "treatment", cols, rows)))
}

/// The matrix before and after treatment.
fn matrix_section(ctx: &Ctx, f: &Frame, evaluation: &[RiskEvaluation]) -> Section {
    let ids_at = |after: bool, l: u8, c: u8| {
        evaluation
            .iter()
            .filter(|e| {
                let p = if after { e.after } else { e.before };
                p == Some(Position {
                    likelihood: l,
                    consequence: c,
                })
            })
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut pictures = section(ctx, "matrix", None);
    pictures.paragraphs.push(ctx.t("risk-report-matrix-intro"));
    pictures
        .charts
        .push(matrix_chart(ctx, f, ctx.t("risk-chart-before"), |l, c| {
            ids_at(false, l, c)
        }));
    pictures
        .charts
        .push(matrix_chart(ctx, f, ctx.t("risk-chart-after"), |l, c| {
            ids_at(true, l, c)
        }));
    pictures
}

/// Who accepted the residual risk, when, or that nobody has yet.
fn acceptance_section(ctx: &Ctx, ra: &RiskAssessment) -> Section {
    let mut acceptance = section(ctx, "acceptance", None);
    match &ra.acceptance {
        Some(a) => {
            acceptance.paragraphs.push(ctx.ta(
                "risk-report-accepted",
                &[
                    ("owner", &a.owner),
                    ("date", &a.date.to_string()),
                    ("by", &a.recorded_by),
                ],
            ));
            if !a.note.trim().is_empty() {
                acceptance.paragraphs.push(a.note.clone());
            }
        }
        None => acceptance
            .paragraphs
            .push(ctx.t("risk-report-not-accepted")),
    }
    acceptance
}

/// Two frames draw the same matrix: the same zones and the same step names.
fn same_matrix(ctx: &Ctx, a: &Frame, b: &Frame) -> bool {
    let names = |f: &Frame| {
        let l = (0..f.likelihood.len())
            .map(|k| ctx.step_label(ScaleKind::Likelihood, &f.likelihood, k));
        let c = (0..f.consequence.len())
            .map(|k| ctx.step_label(ScaleKind::Consequence, &f.consequence, k));
        l.chain(c).collect::<Vec<_>>()
    };
    a.acceptance == b.acceptance && names(a) == names(b)
}

/// How many of the highest risks the status report lists.
pub const TOP_RISKS: usize = 10;

type RankKey = (
    Reverse<Option<Zone>>,
    Reverse<u32>,
    Reverse<Option<Zone>>,
    Reverse<u32>,
);

/// An analysed risk of one of the body's assessments, with its evaluation.
struct Ranked<'a> {
    ra: &'a RiskAssessment,
    risk: &'a Risk,
    ev: RiskEvaluation,
}

impl Ranked<'_> {
    /// Highest first: the zone before treatment, then likelihood × consequence, then the same
    /// after treatment; ties keep the assessments' and risks' own order.
    fn key(&self) -> RankKey {
        let score = |p: Option<Position>| p.map_or(0, Position::score);
        (
            Reverse(self.ev.zone),
            Reverse(score(self.ev.before)),
            Reverse(self.ev.residual_zone),
            Reverse(score(self.ev.after)),
        )
    }
}

/// The status report's top risks: the highest risks across the body's risk assessments
/// (ordered by [`Ranked::key`]) and, per acceptance matrix, how many risks sit in each cell
/// before and after treatment. Zones and positions are the engine's.
pub(super) fn top_risks(ctx: &Ctx) -> crate::doc::Section {
    let assessments = ctx.input.risks;
    let mut ranked: Vec<Ranked> = assessments
        .iter()
        .flat_map(|ra| {
            ra.risks
                .iter()
                .zip(ra.evaluate())
                .filter(|(_, ev)| ev.zone.is_some())
                .map(move |(risk, ev)| Ranked { ra, risk, ev })
        })
        .collect();
    ranked.sort_by_key(|r| r.key());
    let rows = ranked
        .iter()
        .take(TOP_RISKS)
        .map(|r| {
            let t = r.risk.treatment.as_ref();
            vec![
                Cell::Text(ctx.risk_object(&r.ra.frame.object)),
                Cell::Text(r.risk.title.clone()),
                ctx.position(r.ev.before),
                ctx.zone_cell(r.ev.zone),
                ctx.decision_cell(t),
                ctx.after_cell(t, &r.ev),
                ctx.zone_cell(r.ev.residual_zone),
                t.and_then(|t| t.owner.clone()).map_or(Cell::Empty, text),
                Cell::Text(ctx.acceptance_state(r.ra.acceptance.as_ref())),
            ]
        })
        .collect();
    let cols = vec![
        Column::text(ctx.t("report-col-object"), 16.0),
        Column::text(ctx.t("risk-col-risk"), 18.0),
        Column::text(ctx.t("risk-col-before"), 7.0),
        Column::text(ctx.t("risk-col-zone"), 10.0),
        Column::text(ctx.t("risk-col-decision"), 9.0),
        Column::text(ctx.t("risk-col-after"), 7.0),
        Column::text(ctx.t("risk-col-residual-zone"), 10.0),
        Column::text(ctx.t("report-col-owner"), 10.0),
        Column::text(ctx.t("risk-col-accepted"), 16.0),
    ];
    let mut section = super::section(
        ctx,
        "top-risks",
        Some(super::table(ctx, "top-risks", cols, rows)),
    );
    section.paragraphs.push(if assessments.is_empty() {
        ctx.t("report-top-risks-none")
    } else {
        ctx.ta(
            "report-top-risks-intro",
            &[
                ("shown", &ranked.len().min(TOP_RISKS).to_string()),
                ("analysed", &ranked.len().to_string()),
                ("assessments", &assessments.len().to_string()),
            ],
        )
    });
    // One pair of pictures per matrix in use (zones and step names), in order of first use.
    let mut groups: Vec<(&Frame, Vec<&Ranked>)> = Vec::new();
    for r in &ranked {
        let f = &r.ra.frame;
        match groups.iter_mut().find(|(g, _)| same_matrix(ctx, g, f)) {
            Some((_, members)) => members.push(r),
            None => groups.push((f, vec![r])),
        }
    }
    for (f, members) in groups {
        let size = ctx.ta(
            "risk-position",
            &[
                ("likelihood", &f.likelihood.len().to_string()),
                ("consequence", &f.consequence.len().to_string()),
            ],
        );
        for (after, key) in [
            (false, "report-chart-top-before"),
            (true, "report-chart-top-after"),
        ] {
            let count = |l: u8, c: u8| {
                let at = Some(Position {
                    likelihood: l,
                    consequence: c,
                });
                let n = members
                    .iter()
                    .filter(|r| (if after { r.ev.after } else { r.ev.before }) == at)
                    .count();
                if n == 0 { String::new() } else { n.to_string() }
            };
            let title = ctx.ta(key, &[("size", &size)]);
            section.charts.push(matrix_chart(ctx, f, title, count));
        }
    }
    section
}

fn knowledge(ctx: &Ctx, k: Knowledge) -> String {
    ctx.t(match k {
        Knowledge::Low => "risk-knowledge-low",
        Knowledge::Medium => "risk-knowledge-medium",
        Knowledge::High => "risk-knowledge-high",
    })
}
