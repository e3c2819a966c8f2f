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
//!
//! Here the document's types; beside them `matrix` (zones, the matrix, positions), `problem`
//! (what checks report), `check` (what must hold to store and to accept), `prefill` (a new
//! assessment from the engine's result) and `review` (whether an accepted assessment is still
//! current).

use crate::catalog::{Catalog, Text};
use crate::date::Date;
use crate::derive::{Object, Reason};
use crate::level::{Dimension, Level, Levels};
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Scales may have from 2 to 7 steps.
pub const MIN_STEPS: usize = 2;
pub const MAX_STEPS: usize = 7;

/// Scale sizes whose step names come from the translation files
/// (`risk-likelihood-<size>-<step>`, `risk-consequence-<size>-<step>`).
pub const PRESET_SIZES: [usize; 2] = [3, 5];

mod check;
mod matrix;
mod prefill;
mod problem;
pub mod review;

pub use matrix::{Matrix, Position, Preset, Zone};
pub use problem::{AllCodes, Code, Problem};

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
    /// The decision as serde writes it (`risk-decision-<decision>` names it).
    pub fn as_str(self) -> &'static str {
        problem::variant_names::<Decision>()[self as usize]
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
    /// What each object looked like when accepted, so a later change can be told
    /// ([`review::standings`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<review::Basis>,
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
}

#[cfg(test)]
mod tests;
