//! Risk assessments after Digdir's internal-control method: a frame of reference (the object,
//! a likelihood and a consequence scale, acceptance criteria as a risk matrix), areas of
//! concern, risks (scenario, analysis, evaluation, treatment) and acceptance by a named risk
//! owner. Pure: the caller gives the date; views translate the codes.
//!
//! Positions are 1-based steps on each scale: likelihood 1 is the least likely, consequence 1
//! the mildest. The matrix is indexed `[likelihood - 1][consequence - 1]`.
//!
//! Evaluation puts each position in one of three zones, ordered:
//! - `acceptable`: the risk owner may accept the risk as it is;
//! - `treat`: measures should be considered; the owner may accept the risk with a written
//!   justification when reducing it further is not reasonable;
//! - `unacceptable`: the risk must be reduced, avoided or shared until its residual risk is no
//!   longer unacceptable; it can never be accepted.
//!
//! A valid matrix is monotone: a more likely or more severe position is never in a milder zone.
//! So evaluation is monotone, and a residual risk at or below the analysed one is never in a
//! worse zone.

use crate::catalog::{Catalog, Text};
use crate::date::Date;
use crate::derive::{Assessment, Object, Reason};
use crate::level::{Dimension, Level, Levels};
use crate::workspace::{Status, Workspace};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Scales may have from 2 to 7 steps.
pub const MIN_STEPS: usize = 2;
pub const MAX_STEPS: usize = 7;

/// Scale sizes whose step names come from the translation files
/// (`risk-likelihood-<size>-<step>`, `risk-consequence-<size>-<step>`).
pub const PRESET_SIZES: [usize; 2] = [3, 5];

/// What is wrong; the message is `risk-problem-<code>` in the translation files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Code {
    Empty,
    ScaleSize,
    LabelMissing,
    MatrixShape,
    MatrixNotMonotone,
    UnknownObject,
    DuplicateId,
    UnknownArea,
    UnknownInfoType,
    UnknownMeasure,
    NoDimensions,
    DuplicateDimension,
    OutOfScale,
    ResidualWorse,
    ResidualMissing,
    NoRisks,
    NotAnalysed,
    NoDecision,
    NoMeasures,
    JustificationMissing,
    AcceptUnacceptable,
    ResidualUnacceptable,
}

impl Code {
    pub const ALL: [Code; 22] = [
        Code::Empty,
        Code::ScaleSize,
        Code::LabelMissing,
        Code::MatrixShape,
        Code::MatrixNotMonotone,
        Code::UnknownObject,
        Code::DuplicateId,
        Code::UnknownArea,
        Code::UnknownInfoType,
        Code::UnknownMeasure,
        Code::NoDimensions,
        Code::DuplicateDimension,
        Code::OutOfScale,
        Code::ResidualWorse,
        Code::ResidualMissing,
        Code::NoRisks,
        Code::NotAnalysed,
        Code::NoDecision,
        Code::NoMeasures,
        Code::JustificationMissing,
        Code::AcceptUnacceptable,
        Code::ResidualUnacceptable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Empty => "empty",
            Code::ScaleSize => "scale-size",
            Code::LabelMissing => "label-missing",
            Code::MatrixShape => "matrix-shape",
            Code::MatrixNotMonotone => "matrix-not-monotone",
            Code::UnknownObject => "unknown-object",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownArea => "unknown-area",
            Code::UnknownInfoType => "unknown-info-type",
            Code::UnknownMeasure => "unknown-measure",
            Code::NoDimensions => "no-dimensions",
            Code::DuplicateDimension => "duplicate-dimension",
            Code::OutOfScale => "out-of-scale",
            Code::ResidualWorse => "residual-worse",
            Code::ResidualMissing => "residual-missing",
            Code::NoRisks => "no-risks",
            Code::NotAnalysed => "not-analysed",
            Code::NoDecision => "no-decision",
            Code::NoMeasures => "no-measures",
            Code::JustificationMissing => "justification-missing",
            Code::AcceptUnacceptable => "accept-unacceptable",
            Code::ResidualUnacceptable => "residual-unacceptable",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A problem with a risk assessment: where (a path into the document, like
/// `risks[2].analysis.likelihood`) and what (a [`Code`], with the message's `args`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{path}: {code}")]
pub struct Problem {
    pub path: String,
    pub code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn new(path: impl Into<String>, code: Code) -> Problem {
        Problem {
            path: path.into(),
            code,
            args: Vec::new(),
        }
    }

    /// The translation key and arguments of the message.
    pub fn message_parts(&self) -> (String, Vec<(&'static str, &str)>) {
        let args = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        (format!("risk-problem-{}", self.code), args)
    }

    /// For a problem inside one risk (`risks[n]…`): the risk's position in the document and
    /// the rest of the path within it (`analysis.likelihood`; empty for the risk itself).
    pub fn in_risk(&self) -> Option<(usize, &str)> {
        let rest = self.path.strip_prefix("risks[")?;
        let (n, rest) = rest.split_once(']')?;
        let n = n.parse().ok()?;
        match rest {
            "" => Some((n, "")),
            _ => rest.strip_prefix('.').map(|r| (n, r)),
        }
    }

    fn arg(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }
}

/// What an assessment is about: the body, a task, a group of tasks, or a system. Written
/// `org`, `task:<id>`, `tasks:<id>,<id>` or `system:<id>` (the risk list's names).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ObjectRef {
    Org,
    Task(String),
    Tasks(Vec<String>),
    System(String),
}

impl ObjectRef {
    pub fn parse(s: &str) -> Option<ObjectRef> {
        let nonempty = |x: &str| (!x.trim().is_empty()).then(|| x.trim().to_string());
        if s == "org" {
            return Some(ObjectRef::Org);
        }
        if let Some(id) = s.strip_prefix("task:") {
            return nonempty(id).map(ObjectRef::Task);
        }
        if let Some(id) = s.strip_prefix("system:") {
            return nonempty(id).map(ObjectRef::System);
        }
        let ids = s.strip_prefix("tasks:")?;
        let ids: Option<Vec<String>> = ids.split(',').map(nonempty).collect();
        ids.filter(|v| !v.is_empty()).map(ObjectRef::Tasks)
    }

    /// The engine's objects this one covers, or the first id the workspace does not know.
    pub fn resolve(&self, ws: &Workspace) -> Result<Vec<Object>, String> {
        let task = |id: &String| {
            ws.tasks
                .iter()
                .position(|t| &t.id == id)
                .map(Object::Task)
                .ok_or_else(|| id.clone())
        };
        match self {
            ObjectRef::Org => Ok(vec![Object::Org]),
            ObjectRef::Task(id) => Ok(vec![task(id)?]),
            ObjectRef::Tasks(ids) => ids.iter().map(task).collect(),
            ObjectRef::System(id) => ws
                .systems
                .iter()
                .position(|s| &s.id == id)
                .map(|n| vec![Object::System(n)])
                .ok_or_else(|| id.clone()),
        }
    }
}

impl fmt::Display for ObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ObjectRef::Org => f.write_str("org"),
            ObjectRef::Task(id) => write!(f, "task:{id}"),
            ObjectRef::Tasks(ids) => write!(f, "tasks:{}", ids.join(",")),
            ObjectRef::System(id) => write!(f, "system:{id}"),
        }
    }
}

impl Serialize for ObjectRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ObjectRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ObjectRef, D::Error> {
        let s = String::deserialize(d)?;
        ObjectRef::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "not an object (org, task:ID, tasks:ID,ID, system:ID): {s}"
            ))
        })
    }
}

/// Which scale a step belongs to (for the names of preset steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScaleKind {
    Likelihood,
    Consequence,
}

impl ScaleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ScaleKind::Likelihood => "likelihood",
            ScaleKind::Consequence => "consequence",
        }
    }
}

/// The translation key naming a step of a preset-size scale, when there is one.
pub fn preset_label_key(kind: ScaleKind, size: usize, step: usize) -> Option<String> {
    (PRESET_SIZES.contains(&size) && (1..=size).contains(&step))
        .then(|| format!("risk-{}-{size}-{step}", kind.as_str()))
}

/// What a consequence step means in one impact area (from the catalog's consequence scale).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub area: String,
    pub name: Text,
    pub text: Text,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The body's own name; left out, a preset-size scale takes its name from the translations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
}

/// An ordered scale: step 1 is the lowest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub steps: Vec<Step>,
}

impl Scale {
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    fn contains(&self, step: u8) -> bool {
        (1..=self.len()).contains(&(step as usize))
    }
}

/// Where a consequence level (lav, middels, høy) falls on a consequence scale of `size` steps:
/// spread evenly, lav on the first step and høy on the last (the catalog's lav and høy describe
/// the two ends), halves rounded up. On 3 steps: 1, 2, 3; on 5 steps: 1, 3, 5; on 4: 1, 3, 4.
pub fn level_step(level: Level, size: usize) -> u8 {
    let span = size.max(1) - 1;
    let l = level.as_u8() as usize - 1;
    (1 + (l * span).div_ceil(2)) as u8
}

/// A zone of the acceptance criteria, ordered from mildest to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Acceptable,
    Treat,
    Unacceptable,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Acceptable, Zone::Treat, Zone::Unacceptable];

    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Acceptable => "acceptable",
            Zone::Treat => "treat",
            Zone::Unacceptable => "unacceptable",
        }
    }
}

/// Acceptance criteria: a zone per (likelihood, consequence) cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// `cells[likelihood - 1][consequence - 1]`.
    pub cells: Vec<Vec<Zone>>,
}

/// The matrices the product offers out of the box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Preset {
    #[serde(rename = "3x3")]
    ThreeByThree,
    #[default]
    #[serde(rename = "5x5")]
    FiveByFive,
}

impl Preset {
    pub fn size(self) -> usize {
        match self {
            Preset::ThreeByThree => 3,
            Preset::FiveByFive => 5,
        }
    }
}

impl Matrix {
    /// Zones by the product likelihood × consequence: at most `acceptable_max` is acceptable,
    /// at most `treat_max` needs treatment, above is unacceptable. Monotone by construction.
    pub fn by_score(
        likelihood: usize,
        consequence: usize,
        acceptable_max: u32,
        treat_max: u32,
    ) -> Matrix {
        let cells = (1..=likelihood as u32)
            .map(|l| {
                (1..=consequence as u32)
                    .map(|c| match l * c {
                        s if s <= acceptable_max => Zone::Acceptable,
                        s if s <= treat_max => Zone::Treat,
                        _ => Zone::Unacceptable,
                    })
                    .collect()
            })
            .collect();
        Matrix { cells }
    }

    /// 3×3: scores 1–2 acceptable, 3–4 treat, 6–9 unacceptable. 5×5: 1–4 acceptable, 5–12
    /// treat, 15–25 unacceptable.
    pub fn preset(p: Preset) -> Matrix {
        match p {
            Preset::ThreeByThree => Matrix::by_score(3, 3, 2, 4),
            Preset::FiveByFive => Matrix::by_score(5, 5, 4, 12),
        }
    }

    /// The zone of a position; `None` outside the matrix.
    pub fn zone(&self, p: Position) -> Option<Zone> {
        let row = self.cells.get((p.likelihood as usize).checked_sub(1)?)?;
        row.get((p.consequence as usize).checked_sub(1)?).copied()
    }

    /// Shape (`likelihood` rows of `consequence` cells) and monotonicity: each cell is at least
    /// its neighbour below in likelihood and its neighbour to the left in consequence.
    fn check(&self, likelihood: usize, consequence: usize, out: &mut Vec<Problem>) {
        let shape_ok =
            self.cells.len() == likelihood && self.cells.iter().all(|r| r.len() == consequence);
        if !shape_ok {
            out.push(
                Problem::new("frame.acceptance.cells", Code::MatrixShape)
                    .arg("likelihood", likelihood)
                    .arg("consequence", consequence),
            );
            return;
        }
        for l in 0..likelihood {
            for c in 0..consequence {
                let z = self.cells[l][c];
                let below = l > 0 && self.cells[l - 1][c] > z;
                let left = c > 0 && self.cells[l][c - 1] > z;
                if below || left {
                    out.push(
                        Problem::new(
                            format!("frame.acceptance.cells[{l}][{c}]"),
                            Code::MatrixNotMonotone,
                        )
                        .arg("likelihood", l + 1)
                        .arg("consequence", c + 1),
                    );
                }
            }
        }
    }
}

/// A cell of the matrix: a likelihood and a consequence step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub likelihood: u8,
    pub consequence: u8,
}

impl Position {
    /// Likelihood × consequence: the order of risks within a zone.
    pub fn score(self) -> u32 {
        u32::from(self.likelihood) * u32::from(self.consequence)
    }
}

/// One consequence step per dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Steps {
    pub c: u8,
    pub i: u8,
    pub a: u8,
}

impl Steps {
    pub fn get(&self, d: Dimension) -> u8 {
        match d {
            Dimension::C => self.c,
            Dimension::I => self.i,
            Dimension::A => self.a,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frame {
    pub object: ObjectRef,
    /// What is in and out of scope, in the body's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    pub likelihood: Scale,
    pub consequence: Scale,
    pub acceptance: Matrix,
    /// The object's levels when the assessment was pre-filled, for the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object_levels: Option<Levels>,
    /// Those levels on the consequence scale (see [`level_step`]): a starting point for each
    /// risk's consequence, never a verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_consequence: Option<Steps>,
}

impl Frame {
    /// The preset's scales and matrix; the consequence steps carry the catalog's criteria where
    /// a catalog level falls on them.
    pub fn preset(cat: &Catalog, object: ObjectRef, p: Preset) -> Frame {
        let n = p.size();
        let mut consequence = vec![Step::default(); n];
        for level in Level::ALL {
            let step = &mut consequence[level_step(level, n) as usize - 1];
            for area in &cat.consequence_scale {
                step.criteria.push(Criterion {
                    area: area.id.clone(),
                    name: area.name.clone(),
                    text: area.levels[level.as_u8() as usize - 1].clone(),
                });
            }
        }
        Frame {
            object,
            scope: String::new(),
            likelihood: Scale {
                steps: vec![Step::default(); n],
            },
            consequence: Scale { steps: consequence },
            acceptance: Matrix::preset(p),
            object_levels: None,
            suggested_consequence: None,
        }
    }

    pub fn evaluate(&self, p: Position) -> Option<Zone> {
        self.acceptance.zone(p)
    }
}

/// Something that calls for a closer look, usually a reason from the risk list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaOfConcern {
    pub id: String,
    /// The body's own title; a pre-filled area is named by its reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// The object the reason holds for (`task:<id>`, `system:<id>`, `org`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dimensions: Vec<Dimension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
}

/// How much the analysis rests on: data, experience, agreement among those who judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Knowledge {
    Low,
    Medium,
    High,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    pub likelihood: u8,
    pub consequence: u8,
    pub knowledge: Knowledge,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rationale: String,
}

impl Analysis {
    pub fn position(&self) -> Position {
        Position {
            likelihood: self.likelihood,
            consequence: self.consequence,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Reduce,
    Accept,
    Avoid,
    Share,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Reduce => "reduce",
            Decision::Accept => "accept",
            Decision::Avoid => "avoid",
            Decision::Share => "share",
        }
    }
}

/// A measure of a treatment: one from the bank (by id), or the body's own (described).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum MeasureRef {
    Bank(String),
    Own(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    pub decision: Decision,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureRef>,
    /// The expected risk once the treatment is in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual: Option<Position>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub justification: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: String,
    pub title: String,
    /// Area of concern id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// Cause or threat.
    #[serde(default)]
    pub threat: String,
    #[serde(default)]
    pub vulnerability: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub info_types: Vec<String>,
    pub dimensions: Vec<Dimension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<Analysis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<Treatment>,
}

impl Risk {
    /// The risk after its treatment: as analysed when untreated or accepted; the expected
    /// residual when reduced, shared or avoided (`None` for an avoided risk without one: the
    /// activity that carried it is stopped).
    pub fn residual(&self) -> Option<Position> {
        let before = self.analysis.as_ref()?.position();
        match &self.treatment {
            None => Some(before),
            Some(t) => match t.decision {
                Decision::Accept => Some(before),
                Decision::Reduce | Decision::Share => t.residual,
                Decision::Avoid => t.residual,
            },
        }
    }
}

/// The named risk owner's acceptance of the residual risk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The risk owner, by name and role.
    pub owner: String,
    pub date: Date,
    /// Who recorded it (the signed-in user).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded_by: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAssessment {
    pub title: String,
    pub frame: Frame,
    #[serde(default)]
    pub areas: Vec<AreaOfConcern>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acceptance: Option<Acceptance>,
}

/// A risk's place in the matrix before and after treatment, with the zones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RiskEvaluation {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone: Option<Zone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub residual_zone: Option<Zone>,
}

impl RiskAssessment {
    /// A new assessment of `object`, pre-filled from the engine: the object's reasons on the
    /// risk list as areas of concern, and its levels as suggested consequences. For the body
    /// (`org`), the areas are the reasons listed for the body itself.
    pub fn prefill(
        cat: &Catalog,
        ws: &Workspace,
        a: &Assessment,
        object: ObjectRef,
        preset: Preset,
    ) -> Result<RiskAssessment, Problem> {
        let objects = object
            .resolve(ws)
            .map_err(|id| Problem::new("object", Code::UnknownObject).arg("value", id))?;
        let levels_of = |o: Object| match o {
            Object::Org => a.org_levels,
            Object::Task(t) => a.tasks[t].levels,
            Object::System(s) => a.systems[s].levels,
        };
        let mut levels = levels_of(objects[0]);
        for &o in &objects[1..] {
            let l = levels_of(o);
            for d in Dimension::ALL {
                levels[d] = levels[d].max(l[d]);
            }
        }
        let mut frame = Frame::preset(cat, object, preset);
        let n = frame.consequence.len();
        frame.object_levels = Some(levels);
        frame.suggested_consequence = Some(Steps {
            c: level_step(levels.c, n),
            i: level_step(levels.i, n),
            a: level_step(levels.a, n),
        });
        let mut areas = Vec::new();
        for item in a.risk.iter().filter(|i| objects.contains(&i.object)) {
            let name = crate::report::object_id(ws, item.object);
            for &reason in &item.reasons {
                let dimensions = match (reason, item.object) {
                    (Reason::HighLevel, o) => Dimension::ALL
                        .into_iter()
                        .filter(|d| levels_of(o)[*d] == Level::Hoy)
                        .collect(),
                    (Reason::Cumulation, Object::System(s)) => a.systems[s].cumulation.to_vec(),
                    (Reason::LoweredLevel, Object::Task(t)) => {
                        let mut ds: Vec<Dimension> = a.tasks[t]
                            .items
                            .iter()
                            .flat_map(|i| i.lowered.iter())
                            .collect();
                        ds.sort();
                        ds.dedup();
                        ds
                    }
                    _ => Vec::new(),
                };
                let measures = match reason {
                    Reason::NotApplicable | Reason::Overdue => {
                        let scope = match item.object {
                            Object::System(s) => Some(s),
                            _ => None,
                        };
                        let na = |m: u32| {
                            ws.statuses.iter().any(|st| {
                                st.measure == m
                                    && st.system == scope
                                    && st.status == Status::NotApplicable
                            })
                        };
                        item.measures
                            .iter()
                            .filter(|m| na(**m) == (reason == Reason::NotApplicable))
                            .map(|m| cat.measures[*m as usize].id.clone())
                            .collect()
                    }
                    _ => Vec::new(),
                };
                areas.push(AreaOfConcern {
                    id: format!("A{}", areas.len() + 1),
                    title: String::new(),
                    description: String::new(),
                    reason: Some(reason),
                    object: Some(name.clone()),
                    dimensions,
                    measures,
                });
            }
        }
        Ok(RiskAssessment {
            title: String::new(),
            frame,
            areas,
            risks: Vec::new(),
            acceptance: None,
        })
    }

    /// An id for a new risk: `r<n>`, the first not taken, counting from the number of risks
    /// plus one (so ids stay unique after a risk is removed).
    pub fn next_risk_id(&self) -> String {
        (self.risks.len() + 1..)
            .map(|n| format!("r{n}"))
            .find(|id| !self.risks.iter().any(|r| &r.id == id))
            .unwrap_or_default()
    }

    /// The position of the risk with this id.
    pub fn risk_index(&self, id: &str) -> Option<usize> {
        self.risks.iter().position(|r| r.id == id)
    }

    /// The suggested consequence for a risk to these dimensions: the highest suggestion among
    /// them.
    pub fn suggest_consequence(&self, dims: &[Dimension]) -> Option<u8> {
        let s = self.frame.suggested_consequence?;
        dims.iter().map(|d| s.get(*d)).max()
    }

    /// Every risk before and after treatment, evaluated against the acceptance criteria.
    pub fn evaluate(&self) -> Vec<RiskEvaluation> {
        self.risks
            .iter()
            .map(|r| {
                let before = r.analysis.as_ref().map(Analysis::position);
                let after = r.residual();
                RiskEvaluation {
                    id: r.id.clone(),
                    before,
                    zone: before.and_then(|p| self.frame.evaluate(p)),
                    after,
                    residual_zone: after.and_then(|p| self.frame.evaluate(p)),
                }
            })
            .collect()
    }

    /// What must hold for the document to be stored: a sound frame, known references, positions
    /// on the scales. An unfinished assessment is fine; see [`Self::acceptance_problems`].
    pub fn check(&self, cat: &Catalog, ws: &Workspace) -> Vec<Problem> {
        let mut out = Vec::new();
        let f = &self.frame;
        if let Err(id) = f.object.resolve(ws) {
            out.push(Problem::new("frame.object", Code::UnknownObject).arg("value", id));
        }
        for (kind, scale, path) in [
            (ScaleKind::Likelihood, &f.likelihood, "frame.likelihood"),
            (ScaleKind::Consequence, &f.consequence, "frame.consequence"),
        ] {
            let n = scale.len();
            if !(MIN_STEPS..=MAX_STEPS).contains(&n) {
                out.push(
                    Problem::new(format!("{path}.steps"), Code::ScaleSize)
                        .arg("min", MIN_STEPS)
                        .arg("max", MAX_STEPS)
                        .arg("value", n),
                );
                continue;
            }
            for (k, step) in scale.steps.iter().enumerate() {
                let named = step.label.as_ref().is_some_and(|t| !t.nb.trim().is_empty());
                if !named && preset_label_key(kind, n, k + 1).is_none() {
                    out.push(
                        Problem::new(format!("{path}.steps[{k}].label"), Code::LabelMissing)
                            .arg("size", n),
                    );
                }
            }
        }
        let (nl, nc) = (f.likelihood.len(), f.consequence.len());
        f.acceptance.check(nl, nc, &mut out);
        if let Some(s) = f.suggested_consequence {
            for d in Dimension::ALL {
                if !f.consequence.contains(s.get(d)) {
                    out.push(out_of_scale(
                        format!("frame.suggested_consequence.{d}"),
                        s.get(d),
                        nc,
                    ));
                }
            }
        }

        let mut area_ids = Vec::new();
        for (n, area) in self.areas.iter().enumerate() {
            let path = format!("areas[{n}]");
            if area.id.trim().is_empty() {
                out.push(Problem::new(format!("{path}.id"), Code::Empty));
            } else if area_ids.contains(&area.id.as_str()) {
                out.push(
                    Problem::new(format!("{path}.id"), Code::DuplicateId).arg("value", &area.id),
                );
            }
            area_ids.push(area.id.as_str());
            if area.title.trim().is_empty() && area.reason.is_none() {
                out.push(Problem::new(format!("{path}.title"), Code::Empty));
            }
            for (k, m) in area.measures.iter().enumerate() {
                if cat.measure(m).is_none() {
                    out.push(
                        Problem::new(format!("{path}.measures[{k}]"), Code::UnknownMeasure)
                            .arg("value", m),
                    );
                }
            }
        }

        let mut risk_ids = Vec::new();
        for (n, r) in self.risks.iter().enumerate() {
            let path = format!("risks[{n}]");
            if r.id.trim().is_empty() {
                out.push(Problem::new(format!("{path}.id"), Code::Empty));
            } else if risk_ids.contains(&r.id.as_str()) {
                out.push(Problem::new(format!("{path}.id"), Code::DuplicateId).arg("value", &r.id));
            }
            risk_ids.push(r.id.as_str());
            if r.title.trim().is_empty() {
                out.push(Problem::new(format!("{path}.title"), Code::Empty));
            }
            if let Some(a) = &r.area
                && !self.areas.iter().any(|x| &x.id == a)
            {
                out.push(Problem::new(format!("{path}.area"), Code::UnknownArea).arg("value", a));
            }
            for (k, it) in r.info_types.iter().enumerate() {
                let known =
                    cat.info_type(it).is_some() || ws.own_info_types.iter().any(|o| &o.id == it);
                if !known {
                    out.push(
                        Problem::new(format!("{path}.info_types[{k}]"), Code::UnknownInfoType)
                            .arg("value", it),
                    );
                }
            }
            if r.dimensions.is_empty() {
                out.push(Problem::new(
                    format!("{path}.dimensions"),
                    Code::NoDimensions,
                ));
            }
            for (k, d) in r.dimensions.iter().enumerate() {
                if r.dimensions[..k].contains(d) {
                    out.push(
                        Problem::new(format!("{path}.dimensions[{k}]"), Code::DuplicateDimension)
                            .arg("value", d),
                    );
                }
            }
            if let Some(a) = &r.analysis {
                check_position(&mut out, &format!("{path}.analysis"), a.position(), nl, nc);
            }
            if let Some(t) = &r.treatment {
                for (k, m) in t.measures.iter().enumerate() {
                    match m {
                        MeasureRef::Bank(id) if cat.measure(id).is_none() => out.push(
                            Problem::new(
                                format!("{path}.treatment.measures[{k}].bank"),
                                Code::UnknownMeasure,
                            )
                            .arg("value", id),
                        ),
                        MeasureRef::Own(text) if text.trim().is_empty() => out.push(Problem::new(
                            format!("{path}.treatment.measures[{k}].own"),
                            Code::Empty,
                        )),
                        _ => {}
                    }
                }
                if let Some(res) = t.residual {
                    let rp = format!("{path}.treatment.residual");
                    let before = out.len();
                    check_position(&mut out, &rp, res, nl, nc);
                    let in_scale = out.len() == before;
                    if in_scale
                        && let Some(a) = &r.analysis
                        && (res.likelihood > a.likelihood || res.consequence > a.consequence)
                    {
                        out.push(Problem::new(rp, Code::ResidualWorse));
                    }
                }
            }
        }
        if let Some(acc) = &self.acceptance
            && acc.owner.trim().is_empty()
        {
            out.push(Problem::new("acceptance.owner", Code::Empty));
        }
        out
    }

    /// What must hold, beyond [`Self::check`], before the risk owner may accept the residual
    /// risk: every risk analysed; a decision on every risk outside the acceptable zone; a reduced
    /// risk has measures and an expected residual, a shared one a residual and a justification;
    /// an accepted risk in the treat zone has a justification; no risk is accepted while
    /// unacceptable, and no residual risk is unacceptable.
    pub fn acceptance_problems(&self, cat: &Catalog, ws: &Workspace) -> Vec<Problem> {
        let mut out = self.check(cat, ws);
        if !out.is_empty() {
            return out;
        }
        if self.risks.is_empty() {
            out.push(Problem::new("risks", Code::NoRisks));
        }
        for (n, r) in self.risks.iter().enumerate() {
            let path = format!("risks[{n}]");
            let Some(a) = &r.analysis else {
                out.push(Problem::new(format!("{path}.analysis"), Code::NotAnalysed));
                continue;
            };
            let zone = self.frame.evaluate(a.position());
            let tp = format!("{path}.treatment");
            match &r.treatment {
                None if zone > Some(Zone::Acceptable) => {
                    out.push(Problem::new(tp.clone(), Code::NoDecision));
                }
                None => {}
                Some(t) => {
                    let needs_residual = matches!(t.decision, Decision::Reduce | Decision::Share);
                    if needs_residual && t.residual.is_none() {
                        out.push(Problem::new(
                            format!("{tp}.residual"),
                            Code::ResidualMissing,
                        ));
                    }
                    if t.decision == Decision::Reduce && t.measures.is_empty() {
                        out.push(Problem::new(format!("{tp}.measures"), Code::NoMeasures));
                    }
                    let needs_why = t.decision == Decision::Share
                        || (t.decision == Decision::Accept && zone == Some(Zone::Treat));
                    if needs_why && t.justification.trim().is_empty() {
                        out.push(Problem::new(
                            format!("{tp}.justification"),
                            Code::JustificationMissing,
                        ));
                    }
                    if t.decision == Decision::Accept && zone == Some(Zone::Unacceptable) {
                        out.push(Problem::new(
                            format!("{tp}.decision"),
                            Code::AcceptUnacceptable,
                        ));
                    }
                }
            }
            if let Some(res) = r.residual()
                && self.frame.evaluate(res) == Some(Zone::Unacceptable)
                && !(r
                    .treatment
                    .as_ref()
                    .is_some_and(|t| t.decision == Decision::Accept))
            {
                out.push(Problem::new(
                    format!("{tp}.residual"),
                    Code::ResidualUnacceptable,
                ));
            }
        }
        out
    }

    /// Records the risk owner's acceptance, if the assessment is ready for it.
    pub fn accept(
        &mut self,
        cat: &Catalog,
        ws: &Workspace,
        owner: &str,
        date: Date,
        recorded_by: &str,
        note: &str,
    ) -> Result<(), Vec<Problem>> {
        let mut problems = self.acceptance_problems(cat, ws);
        if owner.trim().is_empty() {
            problems.push(Problem::new("owner", Code::Empty));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.acceptance = Some(Acceptance {
            owner: owner.trim().to_string(),
            date,
            recorded_by: recorded_by.to_string(),
            note: note.to_string(),
        });
        Ok(())
    }
}

fn out_of_scale(path: String, value: u8, max: usize) -> Problem {
    Problem::new(path, Code::OutOfScale)
        .arg("value", value)
        .arg("max", max)
}

fn check_position(out: &mut Vec<Problem>, path: &str, p: Position, nl: usize, nc: usize) {
    if !(1..=nl).contains(&(p.likelihood as usize)) {
        out.push(out_of_scale(format!("{path}.likelihood"), p.likelihood, nl));
    }
    if !(1..=nc).contains(&(p.consequence as usize)) {
        out.push(out_of_scale(
            format!("{path}.consequence"),
            p.consequence,
            nc,
        ));
    }
}

#[cfg(test)]
mod tests;
