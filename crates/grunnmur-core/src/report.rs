//! The assessment as data with ids instead of indexes: what `grunnmur assess --format json`
//! prints and what the API returns. Views render this; they never recompute it.

use crate::catalog::Catalog;
use crate::date::Date;
use crate::derive::{Assessment, Object, Reason};
use crate::effective::{PairStates, StateOut};
use crate::explain::{Trail, explain};
use crate::level::{DimSet, Dimension, Level, Levels};
use crate::workspace::{Status, Workspace};
use serde::Serialize;
use serde::ser::SerializeMap;
use std::collections::HashMap;

#[derive(Debug, Serialize)]
pub struct AssessReport {
    pub catalog: CatalogRef,
    pub today: Date,
    pub org: OrgOut,
    pub tasks: Vec<TaskOut>,
    pub systems: Vec<SystemOut>,
    pub org_measures: Vec<String>,
    /// The effective status of each of `org_measures`, in its order (rule 15).
    pub org_measure_states: Vec<MeasureStateOut>,
    pub risk_assessment_needed: Vec<RiskOut>,
    pub summary: Summary,
    pub explain: Explanations,
    /// The effective baseline (1–3, after the body's profiles) of every measure the body's
    /// measure plan selects from, by measure id: what each required measure's trail says, for
    /// views that count without the trails. Not part of the JSON.
    #[serde(skip)]
    pub baselines: HashMap<String, u8>,
    /// Where a system's baseline differs from the body's (a sector profile out of its reach,
    /// rule 8; a measure only a legal duty requires, rule 16), keyed `"<system id>/<measure
    /// id>"`. Use [`AssessReport::baseline`].
    #[serde(skip)]
    pub system_baselines: HashMap<String, u8>,
}

#[derive(Debug, Serialize)]
pub struct CatalogRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Serialize)]
pub struct OrgOut {
    pub orgnr: String,
    pub name: String,
    pub kind: &'static str,
    pub sectors: Vec<String>,
    pub selection: &'static str,
    pub cumulation_threshold: u32,
    pub profiles: Vec<String>,
    pub levels: Levels,
}

#[derive(Debug, Serialize)]
pub struct TaskOut {
    pub id: String,
    pub own: bool,
    pub levels: Levels,
    pub deviations: Vec<DeviationOut>,
}

#[derive(Debug, Serialize)]
pub struct DeviationOut {
    pub info_type: String,
    pub dimension: Dimension,
    pub recommended: Level,
    pub chosen: Level,
    pub justification: String,
}

#[derive(Debug, Serialize)]
pub struct SystemOut {
    pub id: String,
    pub name: String,
    pub levels: Levels,
    pub own_levels: Levels,
    pub cumulation: DimSet,
    pub required_measures: Vec<String>,
    /// The effective status of each of `required_measures`, in its order (rule 15).
    pub measure_states: Vec<MeasureStateOut>,
    pub coverage: Coverage,
}

/// A required measure's effective status and where it comes from.
#[derive(Debug, Serialize)]
pub struct MeasureStateOut {
    pub measure: String,
    #[serde(flatten)]
    pub state: StateOut,
}

/// Required pairs, and how many are in place (implemented, or by a valid supplier) or marked
/// not applicable.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub required: usize,
    pub in_place: usize,
    pub not_applicable: usize,
}

impl Coverage {
    fn of(required: usize, states: &PairStates) -> Coverage {
        Coverage {
            required,
            in_place: states.covered().filter(|s| s.1.is_in_place()).count(),
            not_applicable: (states.covered())
                .filter(|s| s.1.status == Status::NotApplicable)
                .count(),
        }
    }

    fn add(self, o: Coverage) -> Coverage {
        Coverage {
            required: self.required + o.required,
            in_place: self.in_place + o.in_place,
            not_applicable: self.not_applicable + o.not_applicable,
        }
    }
}

/// A linked declaration that expires soon (rule 15's warning).
#[derive(Debug, Serialize)]
pub struct ExpiringOut {
    pub declaration: String,
    pub supplier: String,
    pub valid_until: Date,
    pub days_left: i64,
}

#[derive(Debug, Serialize)]
pub struct RiskOut {
    pub object: String,
    pub reasons: Vec<Reason>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    pub systems: usize,
    pub required_system_measures: usize,
    pub required_org_measures: usize,
    pub deviations: usize,
    pub risk_assessments_needed: usize,
    /// Every required pair, the systems' and the body's.
    pub coverage: Coverage,
    /// Declarations the body links that expire within 60 days.
    pub expiring: Vec<ExpiringOut>,
}

/// Trails keyed `"<system id>/<measure id>"` or `"org/<measure id>"`, in assessment order.
#[derive(Debug, Default)]
pub struct Explanations(pub Vec<(String, Trail)>);

impl Serialize for Explanations {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

pub fn object_id(ws: &Workspace, o: Object) -> String {
    match o {
        Object::Org => "org".to_string(),
        Object::Task(t) => format!("task:{}", ws.tasks[t].id),
        Object::System(s) => format!("system:{}", ws.systems[s].id),
    }
}

impl AssessReport {
    /// The effective baseline of a required measure for a system (or the body, `None`): what
    /// its trail says.
    pub fn baseline(&self, system: Option<&str>, measure: &str) -> Option<u8> {
        system
            .and_then(|s| self.system_baselines.get(&format!("{s}/{measure}")))
            .or_else(|| self.baselines.get(measure))
            .copied()
    }

    /// The report with the trail of every required measure: what `grunnmur assess` prints.
    pub fn new(cat: &Catalog, ws: &Workspace, a: &Assessment, today: Date) -> AssessReport {
        let mut r = AssessReport::without_trails(cat, ws, a, today);
        r.explain = trails(cat, ws, a);
        r
    }

    /// The report without the trails (`explain` is empty): everything views that count and
    /// summarise need (the dashboard, report documents), at a fraction of the cost for a large
    /// body. Never what the API or `assess` prints.
    pub fn without_trails(
        cat: &Catalog,
        ws: &Workspace,
        a: &Assessment,
        today: Date,
    ) -> AssessReport {
        let mid = |m: &u32| cat.measures[*m as usize].id.clone();
        let tasks: Vec<TaskOut> = ws
            .tasks
            .iter()
            .zip(&a.tasks)
            .map(|(t, r)| TaskOut {
                id: t.id.clone(),
                own: t.catalog.is_none(),
                levels: r.levels,
                deviations: r
                    .deviations
                    .iter()
                    .map(|d| DeviationOut {
                        info_type: cat.info_types[d.info_type as usize].id.clone(),
                        dimension: d.dimension,
                        recommended: d.recommended,
                        chosen: d.chosen,
                        justification: t.adaptations[d.adaptation as usize].justification.clone(),
                    })
                    .collect(),
            })
            .collect();
        let systems: Vec<SystemOut> = ws
            .systems
            .iter()
            .zip(&a.systems)
            .map(|(s, r)| SystemOut {
                id: s.id.clone(),
                name: s.name.clone(),
                levels: r.levels,
                own_levels: r.own_levels,
                cumulation: r.cumulation,
                required_measures: r.required.iter().map(mid).collect(),
                measure_states: states_out(cat, ws, &r.required, &r.states),
                coverage: Coverage::of(r.required.len(), &r.states),
            })
            .collect();
        let risk: Vec<RiskOut> = a
            .risk
            .iter()
            .map(|r| RiskOut {
                object: object_id(ws, r.object),
                reasons: r.reasons.clone(),
                measures: r.measures.iter().map(mid).collect(),
            })
            .collect();
        let coverage = (systems.iter())
            .fold(Coverage::of(a.org_required.len(), &a.org_states), |c, s| {
                c.add(s.coverage)
            });
        let expiring = crate::effective::expiring(ws, today)
            .into_iter()
            .map(|n| {
                let d = &ws.sources.declarations[n];
                ExpiringOut {
                    declaration: d.id.clone(),
                    supplier: d.supplier.clone(),
                    valid_until: d.valid_until,
                    days_left: d.valid_until.days_since_epoch() - today.days_since_epoch(),
                }
            })
            .collect();
        let summary = Summary {
            systems: systems.len(),
            required_system_measures: systems.iter().map(|s| s.required_measures.len()).sum(),
            required_org_measures: a.org_required.len(),
            deviations: tasks.iter().map(|t| t.deviations.len()).sum(),
            risk_assessments_needed: risk.len(),
            coverage,
            expiring,
        };
        let baselines = a
            .plan
            .effective
            .iter()
            .zip(&cat.measures)
            .filter_map(|(e, m)| e.map(|e| (m.id.clone(), e.level.number())))
            .collect();
        let system_baselines = system_baselines(cat, ws, a, &baselines);
        AssessReport {
            catalog: CatalogRef {
                id: cat.id.clone(),
                version: cat.version.clone(),
            },
            today,
            org: OrgOut {
                orgnr: ws.org.orgnr.clone(),
                name: ws.org.name.clone(),
                kind: ws.org.kind.as_str(),
                sectors: ws.org.sectors.clone(),
                selection: ws.org.selection.as_str(),
                cumulation_threshold: ws.org.cumulation_threshold,
                profiles: a
                    .plan
                    .profiles
                    .iter()
                    .map(|p| cat.profiles[*p as usize].id.clone())
                    .collect(),
                levels: a.org_levels,
            },
            tasks,
            systems,
            org_measures: a.org_required.iter().map(mid).collect(),
            org_measure_states: states_out(cat, ws, &a.org_required, &a.org_states),
            risk_assessment_needed: risk,
            summary,
            explain: Explanations::default(),
            baselines,
            system_baselines,
        }
    }
}

fn states_out(
    cat: &Catalog,
    ws: &Workspace,
    required: &[u32],
    states: &PairStates,
) -> Vec<MeasureStateOut> {
    (required.iter().zip(states.iter(required.len())))
        .map(|(&m, st)| MeasureStateOut {
            measure: cat.measures[m as usize].id.clone(),
            state: st.out(ws),
        })
        .collect()
}

/// The required measures whose baseline for a system differs from the body's (or that the
/// body's plan lacks), keyed `"<system id>/<measure id>"`. Empty unless a sector profile or a
/// legal duty is in play.
fn system_baselines(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    body: &HashMap<String, u8>,
) -> HashMap<String, u8> {
    let mut out = HashMap::new();
    if a.plan.sector_profiles.is_empty() && !a.plan.has_triggers() {
        return out;
    }
    for (n, (s, r)) in ws.systems.iter().zip(&a.systems).enumerate() {
        for &m in r.required.iter() {
            let Some(e) = a.effective(cat, Some(n), m) else {
                continue;
            };
            let id = &cat.measures[m as usize].id;
            if body.get(id) != Some(&e.level.number()) {
                out.insert(format!("{}/{id}", s.id), e.level.number());
            }
        }
    }
    out
}

/// The trail of every required measure: each system's in order, then the body's.
fn trails(cat: &Catalog, ws: &Workspace, a: &Assessment) -> Explanations {
    let mut out = Vec::new();
    for (n, (s, r)) in ws.systems.iter().zip(&a.systems).enumerate() {
        for &m in r.required.iter() {
            if let Some(t) = explain(cat, ws, a, Some(n), m) {
                out.push((format!("{}/{}", s.id, t.measure), t));
            }
        }
    }
    for &m in a.org_required.iter() {
        if let Some(t) = explain(cat, ws, a, None, m) {
            out.push((format!("org/{}", t.measure), t));
        }
    }
    Explanations(out)
}
