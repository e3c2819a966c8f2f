//! A new assessment pre-filled from the engine's result: the risk list's reasons as areas of
//! concern, the object's levels as suggested consequences.

use super::*;
use crate::derive::{Assessment, Object, Reason};
use crate::workspace::{Status, Workspace};

/// An object's levels in the engine's result.
pub fn object_levels(a: &Assessment, o: Object) -> Levels {
    match o {
        Object::Org => a.org_levels,
        Object::Task(t) => a.tasks[t].levels,
        Object::System(s) => a.systems[s].levels,
    }
}

/// The highest level per dimension over some objects (a group of tasks); the lowest levels
/// for none.
fn max_levels(a: &Assessment, objects: &[Object]) -> Levels {
    let mut levels = Levels::LOWEST;
    for &o in objects {
        let l = object_levels(a, o);
        for d in Dimension::ALL {
            levels[d] = levels[d].max(l[d]);
        }
    }
    levels
}

impl ObjectRef {
    /// The object's levels now (the highest over a group), or the first id the workspace does
    /// not know.
    pub fn levels(&self, ws: &Workspace, a: &Assessment) -> Result<Levels, String> {
        Ok(max_levels(a, &self.resolve(ws)?))
    }
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
        let levels_of = |o: Object| object_levels(a, o);
        let levels = max_levels(a, &objects);
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
}
