//! The attestation's payload, built from the engine's report of the body.

use grunnmur_core::Catalog;
use grunnmur_core::date::Date;
use grunnmur_core::level::Levels;
use grunnmur_core::report::AssessReport;
use grunnmur_core::workspace::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What is attested: the body and all its systems, or chosen systems (with the body-level
/// measures, which protect every system).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Body,
    Systems(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BaselineCount {
    pub baseline: u8,
    pub required: usize,
    pub in_place: usize,
    pub not_applicable: usize,
}

/// The signed statement. The registered claims (`iss`, `sub`, `jti`, `iat`, `exp`) let JOSE
/// libraries check it as they check any token; the rest says what the body states.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attestation {
    pub iss: String,
    /// The body's organisation number.
    pub sub: String,
    /// The attestation's id (for revocation).
    pub jti: String,
    pub iat: i64,
    pub exp: i64,
    pub body: Body,
    pub scope: Scope,
    pub catalog: Release,
    pub date: String,
    pub valid_until: String,
    pub levels: Levels,
    pub baselines: Vec<BaselineCount>,
    /// Required measures not in place (nor justified as not applicable) anywhere in scope.
    pub not_in_place: Vec<String>,
    pub deviations: usize,
    pub accepted_residual_risks: usize,
    pub issued_by: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Body {
    pub orgnr: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub id: String,
    pub version: String,
}

/// Seconds since the epoch at the start of `d` (UTC).
fn epoch(d: Date) -> i64 {
    d.days_since_epoch() * 86_400
}

/// Adds months, keeping the day where the month has it (the 31st becomes the month's last).
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() as i64 * 12 + (d.month() as i64 - 1) + months as i64;
    let (y, m) = ((total / 12) as i32, (total % 12) as u8 + 1);
    (1..=d.day())
        .rev()
        .find_map(|day| Date::new(y, m, day))
        .unwrap_or(d)
}

/// The statement for `scope` as the report says on `today`, valid for `months`. `id` is the
/// attestation's id; `accepted_residual_risks` comes from the body's accepted risk assessments.
#[allow(clippy::too_many_arguments)]
pub fn attestation(
    cat: &Catalog,
    report: &AssessReport,
    scope: Scope,
    id: &str,
    issued_by: &str,
    today: Date,
    months: u32,
    accepted_residual_risks: usize,
) -> Result<Attestation, String> {
    let systems: Vec<&grunnmur_core::report::SystemOut> = match &scope {
        Scope::Body => report.systems.iter().collect(),
        Scope::Systems(ids) => {
            let mut v = Vec::new();
            for id in ids {
                let s = report.systems.iter().find(|s| &s.id == id);
                v.push(s.ok_or_else(|| id.clone())?);
            }
            v
        }
    };
    let mut counts: Vec<BaselineCount> = (1..=3)
        .map(|b| BaselineCount {
            baseline: b,
            required: 0,
            in_place: 0,
            not_applicable: 0,
        })
        .collect();
    let mut open = BTreeSet::new();
    let mut count = |system: Option<&str>, measure: &str, status: Status, overdue: bool| {
        let level = cat
            .measure(measure)
            .map(|m| cat.measures[m as usize].level.number());
        let b = report
            .baseline(system, measure)
            .or(level)
            .unwrap_or(1)
            .clamp(1, 3);
        let c = &mut counts[b as usize - 1];
        c.required += 1;
        match status {
            Status::NotApplicable => c.not_applicable += 1,
            Status::Implemented | Status::Supplier if !overdue => c.in_place += 1,
            _ => {
                open.insert(measure.to_string());
            }
        }
    };
    for m in &report.org_measure_states {
        count(None, &m.measure, m.state.status, m.state.overdue);
    }
    let mut levels = report.org.levels;
    for s in &systems {
        for m in &s.measure_states {
            count(Some(&s.id), &m.measure, m.state.status, m.state.overdue);
        }
        levels = Levels::new(
            levels.c.max(s.levels.c),
            levels.i.max(s.levels.i),
            levels.a.max(s.levels.a),
        );
    }
    let until = add_months(today, months);
    Ok(Attestation {
        iss: "grunnmur".into(),
        sub: report.org.orgnr.clone(),
        jti: id.to_string(),
        iat: epoch(today),
        exp: epoch(until) + 86_399,
        body: Body {
            orgnr: report.org.orgnr.clone(),
            name: report.org.name.clone(),
        },
        scope,
        catalog: Release {
            id: cat.id.clone(),
            version: cat.version.clone(),
        },
        date: today.to_string(),
        valid_until: until.to_string(),
        levels,
        baselines: counts,
        not_in_place: open.into_iter().collect(),
        deviations: report.summary.deviations,
        accepted_residual_risks,
        issued_by: issued_by.to_string(),
    })
}
