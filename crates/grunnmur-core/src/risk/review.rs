//! Whether an object still needs a risk assessment once one has been accepted. An accepted
//! assessment is current for a review period (12 months by default) from the day the risk
//! owner accepted it, as long as nothing that touches the object has changed since: no new
//! information type, no raised level, no newly overdue measure. While current, it takes the
//! object off the to-do list; a change, or the end of the period, brings it back with the reason.
//!
//! What the object looked like at acceptance is recorded with the acceptance (`Basis`), so the
//! comparison needs nothing but the stored document and today's result.

use super::*;
use crate::derive::{Assessment, Object};
use crate::workspace::{InfoRef, Status};

/// How long an accepted assessment stays current without a change, in months.
pub const REVIEW_MONTHS: u32 = 12;

/// What one object of an accepted assessment looked like when the risk owner accepted it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// `org`, `task:<id>` or `system:<id>` (the risk list's names).
    pub object: String,
    pub levels: Levels,
    /// The information types it processed, by id, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub info_types: Vec<String>,
    /// Its required measures that were overdue, by id, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overdue: Vec<String>,
}

impl Basis {
    /// The object as the engine's result has it now.
    pub fn of(cat: &Catalog, ws: &Workspace, a: &Assessment, o: Object, today: Date) -> Basis {
        let info_id = |r: InfoRef| match r {
            InfoRef::Catalog(i) => cat.info_types[i as usize].id.clone(),
            InfoRef::Own(i) => ws.own_info_types[i as usize].id.clone(),
        };
        let mut info_types: Vec<String> = match o {
            Object::Org => Vec::new(),
            Object::Task(t) => a.tasks[t].items.iter().map(|i| info_id(i.info)).collect(),
            Object::System(s) => ws.systems[s]
                .processes
                .iter()
                .flat_map(|p| {
                    let task = &ws.tasks[p.task];
                    p.items
                        .iter()
                        .filter_map(move |&n| task.info_types.get(n as usize).copied())
                })
                .map(info_id)
                .collect(),
        };
        info_types.sort();
        info_types.dedup();
        // Overdue as the risk list counts it: a required measure of the object's own scope.
        let scope = match o {
            Object::Org => Some((None, &a.org_required)),
            Object::System(s) => Some((Some(s), &a.systems[s].required)),
            Object::Task(_) => None,
        };
        let mut overdue: Vec<String> = scope
            .map(|(system, required)| {
                ws.statuses
                    .iter()
                    .filter(|st| {
                        st.system == system
                            && required.binary_search(&st.measure).is_ok()
                            && st.status != Status::NotApplicable
                            && st.is_overdue(today)
                    })
                    .map(|st| cat.measures[st.measure as usize].id.clone())
                    .collect()
            })
            .unwrap_or_default();
        overdue.sort();
        overdue.dedup();
        Basis {
            object: crate::report::object_id(ws, o),
            levels: super::prefill::object_levels(a, o),
            info_types,
            overdue,
        }
    }
}

/// What has happened since an acceptance that makes the object need a risk assessment again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The review period is over (the date it ended).
    Expired(Date),
    /// Information types the object processes now and did not then, by id.
    NewInfoTypes(Vec<String>),
    /// Dimensions whose level is higher now.
    RaisedLevels(Vec<Dimension>),
    /// Required measures overdue now that were not then, by id.
    NewOverdue(Vec<String>),
}

impl Change {
    /// The change's name (`risk-change-<name>` in the translations).
    pub fn as_str(&self) -> &'static str {
        match self {
            Change::Expired(_) => "expired",
            Change::NewInfoTypes(_) => "new-info-types",
            Change::RaisedLevels(_) => "raised-levels",
            Change::NewOverdue(_) => "new-overdue",
        }
    }
}

/// Where an object stands after its latest accepted assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    pub object: Object,
    /// The caller's key of the assessment (its stored id).
    pub assessment: i64,
    pub accepted: Date,
    pub next_review: Date,
    /// Empty while the acceptance is current.
    pub changes: Vec<Change>,
}

impl Standing {
    pub fn is_current(&self) -> bool {
        self.changes.is_empty()
    }
}

/// For every object an accepted assessment covers, the latest acceptance (by date; on the same
/// day the later in `accepted`) and what has changed since. An acceptance recorded without its
/// basis (before the basis was kept) is compared by the levels the assessment was pre-filled
/// with, when it is about one object, and by the review period.
pub fn standings(
    cat: &Catalog,
    ws: &Workspace,
    a: &Assessment,
    accepted: &[(i64, &RiskAssessment)],
    today: Date,
    months: u32,
) -> Vec<Standing> {
    let mut latest: Vec<(Object, i64, &RiskAssessment, &Acceptance)> = Vec::new();
    for &(key, doc) in accepted {
        let Some(acc) = &doc.acceptance else {
            continue;
        };
        // An object the workspace no longer has is nothing to stand for.
        let Ok(objects) = doc.frame.object.resolve(ws) else {
            continue;
        };
        for o in objects {
            match latest.iter_mut().find(|x| x.0 == o) {
                Some(x) if x.3.date > acc.date => {}
                Some(x) => *x = (o, key, doc, acc),
                None => latest.push((o, key, doc, acc)),
            }
        }
    }
    latest
        .into_iter()
        .map(|(o, key, doc, acc)| {
            let now = Basis::of(cat, ws, a, o, today);
            let then = acc.basis.iter().find(|b| b.object == now.object);
            let next_review = acc.date.add_months(months);
            let mut changes = Vec::new();
            if today >= next_review {
                changes.push(Change::Expired(next_review));
            }
            let single = !matches!(doc.frame.object, ObjectRef::Tasks(_));
            let levels_then = then
                .map(|b| b.levels)
                .or(doc.frame.object_levels.filter(|_| single));
            if let Some(then) = then {
                let new: Vec<String> = now
                    .info_types
                    .iter()
                    .filter(|i| !then.info_types.contains(i))
                    .cloned()
                    .collect();
                if !new.is_empty() {
                    changes.push(Change::NewInfoTypes(new));
                }
            }
            if let Some(l) = levels_then {
                let raised: Vec<Dimension> = Dimension::ALL
                    .into_iter()
                    .filter(|d| now.levels[*d] > l[*d])
                    .collect();
                if !raised.is_empty() {
                    changes.push(Change::RaisedLevels(raised));
                }
            }
            if let Some(then) = then {
                let new: Vec<String> = now
                    .overdue
                    .iter()
                    .filter(|m| !then.overdue.contains(m))
                    .cloned()
                    .collect();
                if !new.is_empty() {
                    changes.push(Change::NewOverdue(new));
                }
            }
            Standing {
                object: o,
                assessment: key,
                accepted: acc.date,
                next_review,
                changes,
            }
        })
        .collect()
}

impl RiskAssessment {
    /// Keeps with the acceptance what each object looked like (see [`standings`]); nothing
    /// without an acceptance.
    pub fn record_basis(&mut self, cat: &Catalog, ws: &Workspace, a: &Assessment, today: Date) {
        let Ok(objects) = self.frame.object.resolve(ws) else {
            return;
        };
        if let Some(acc) = &mut self.acceptance {
            acc.basis = objects
                .into_iter()
                .map(|o| Basis::of(cat, ws, a, o, today))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{CatBuilder, WsBuilder, date};

    fn catalog() -> Catalog {
        CatBuilder::default()
            .info("helse", "hmm")
            .info("navn", "lll")
            .info("drift", "llh")
            .task("omsorg", &["helse", "navn"])
            .task("drift", &["drift"])
            .measure("m.logg", 1, "c")
            .build()
    }

    fn workspace(cat: &Catalog, drift: bool) -> Workspace {
        let mut processes: Vec<(&str, Option<&[&str]>)> = vec![("omsorg", None)];
        if drift {
            processes.push(("drift", None));
        }
        WsBuilder::new(cat)
            .adopt("omsorg")
            .adopt("drift")
            .system("journal", &processes)
            .status(
                "m.logg",
                Some("journal"),
                Status::InProgress,
                Some("2026-09-01"),
            )
            .build()
    }

    /// An assessment of the journal system accepted on `day` with what it looked like then.
    fn accepted(cat: &Catalog, ws: &Workspace, day: &str) -> RiskAssessment {
        let a = crate::assess(cat, ws, date(day));
        let object = ObjectRef::parse("system:journal").unwrap();
        let mut ra = RiskAssessment::prefill(cat, ws, &a, object, Preset::FiveByFive).unwrap();
        ra.acceptance = Some(Acceptance {
            owner: "Rådmann".into(),
            date: date(day),
            recorded_by: "a@example.no".into(),
            note: String::new(),
            basis: Vec::new(),
        });
        ra.record_basis(cat, ws, &a, date(day));
        ra
    }

    fn standing_on(
        cat: &Catalog,
        ws: &Workspace,
        docs: &[(i64, &RiskAssessment)],
        day: &str,
    ) -> Standing {
        let a = crate::assess(cat, ws, date(day));
        let mut s = standings(cat, ws, &a, docs, date(day), REVIEW_MONTHS);
        assert_eq!(s.len(), 1, "{s:?}");
        s.remove(0)
    }

    #[test]
    fn an_accepted_assessment_is_current_until_its_review_date() {
        let cat = catalog();
        let ws = workspace(&cat, false);
        let ra = accepted(&cat, &ws, "2026-06-01");
        let basis = &ra.acceptance.as_ref().unwrap().basis;
        assert_eq!(basis.len(), 1);
        assert_eq!(basis[0].object, "system:journal");
        assert_eq!(basis[0].info_types, ["helse", "navn"]);
        assert!(basis[0].overdue.is_empty(), "not yet due");

        let s = standing_on(&cat, &ws, &[(7, &ra)], "2026-06-02");
        assert!(s.is_current(), "{s:?}");
        assert_eq!((s.assessment, s.accepted), (7, date("2026-06-01")));
        assert_eq!(s.next_review, date("2027-06-01"));
        // The measure's due date passes after the acceptance: newly overdue.
        let s = standing_on(&cat, &ws, &[(7, &ra)], "2026-10-01");
        assert_eq!(s.changes, [Change::NewOverdue(vec!["m.logg".into()])]);
        let s = standing_on(&cat, &ws, &[(7, &ra)], "2027-06-01");
        assert!(s.changes.contains(&Change::Expired(date("2027-06-01"))));
    }

    #[test]
    fn a_new_information_type_and_a_raised_level_bring_the_object_back() {
        let cat = catalog();
        let ra = accepted(&cat, &workspace(&cat, false), "2026-06-01");
        // The system now processes the operations task too: a new type, availability raised.
        let ws = workspace(&cat, true);
        let s = standing_on(&cat, &ws, &[(1, &ra)], "2026-07-01");
        assert_eq!(
            s.changes,
            [
                Change::NewInfoTypes(vec!["drift".into()]),
                Change::RaisedLevels(vec![Dimension::A]),
            ]
        );
        assert!(!s.is_current());
        // Accepted again with the change: current again.
        let again = accepted(&cat, &ws, "2026-07-01");
        let s = standing_on(&cat, &ws, &[(1, &ra), (2, &again)], "2026-07-02");
        assert!(s.is_current(), "{s:?}");
        assert_eq!(s.assessment, 2, "the latest acceptance counts");
    }

    #[test]
    fn an_acceptance_without_its_basis_is_compared_by_the_prefilled_levels() {
        let cat = catalog();
        let mut ra = accepted(&cat, &workspace(&cat, false), "2026-06-01");
        ra.acceptance.as_mut().unwrap().basis.clear();
        let ws = workspace(&cat, true);
        let s = standing_on(&cat, &ws, &[(1, &ra)], "2026-07-01");
        assert_eq!(s.changes, [Change::RaisedLevels(vec![Dimension::A])]);
        // Not accepted: nothing stands.
        ra.acceptance = None;
        let a = crate::assess(&cat, &ws, date("2026-07-01"));
        assert!(standings(&cat, &ws, &a, &[(1, &ra)], date("2026-07-01"), 12).is_empty());
    }
}
