//! Catalog calibration for catalog editors (rule 18): where bodies depart from the catalog —
//! the recommended levels they raise or lower, the measures they mark not applicable, the tasks
//! they add as their own — from every body's [`Contribution`], k-anonymously. A row is given
//! only when at least [`K`] bodies are behind it; the bodies' justifications (free text) only
//! when at least [`K`] bodies gave one for that row, distinct and sorted, never with a body's
//! identity.

use crate::national::{Contribution, K};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A name compared across bodies: lower case, punctuation stripped, whitespace trimmed and
/// collapsed. Two own tasks with the same normalised name are taken to be the same task.
pub fn normalise(name: &str) -> String {
    let kept: String = (name.chars())
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which way a body moved a recommended level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Raised,
    Lowered,
}

/// A recommendation (one information type, one dimension) moved one way by `bodies` bodies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelShift {
    pub info_type: String,
    /// `c`, `i` or `a`.
    pub dimension: String,
    pub direction: Direction,
    pub bodies: usize,
    /// The justifications given, distinct and sorted; empty unless [`K`] bodies gave one.
    pub justifications: Vec<String>,
}

/// A measure marked not applicable somewhere by `bodies` of the `bodies_required` bodies that
/// must have it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotApplicable {
    pub measure: String,
    pub bodies: usize,
    pub bodies_required: usize,
    /// Required pairs marked not applicable, across those bodies.
    pub pairs: u32,
    /// As for [`LevelShift::justifications`].
    pub justifications: Vec<String>,
}

/// Own tasks with the same normalised name, added by `bodies` bodies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnTask {
    /// The normalised name (the same for every body in the group).
    pub name: String,
    pub bodies: usize,
}

/// What catalog editors see, most bodies first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub bodies: usize,
    /// Fewer than [`K`] bodies: nothing else is given.
    pub suppressed: bool,
    pub levels: Vec<LevelShift>,
    pub not_applicable: Vec<NotApplicable>,
    pub own_tasks: Vec<OwnTask>,
}

/// The texts of a row: distinct and sorted, and only when at least [`K`] bodies gave one.
fn texts(given: Vec<&str>) -> Vec<String> {
    if given.len() < K {
        return Vec::new();
    }
    let set: BTreeSet<&str> = given.into_iter().collect();
    set.into_iter().map(str::to_string).collect()
}

/// The group's departures from the catalog, k-anonymous.
pub fn calibrate(group: &[&Contribution]) -> Calibration {
    if group.len() < K {
        return Calibration {
            bodies: group.len(),
            suppressed: true,
            ..Calibration::default()
        };
    }
    // (key, direction) → (bodies, texts)
    let mut levels: BTreeMap<(&str, Direction), (usize, Vec<&str>)> = BTreeMap::new();
    // measure → (bodies required, bodies not applicable, pairs, texts)
    let mut na: BTreeMap<&str, (usize, usize, u32, Vec<&str>)> = BTreeMap::new();
    let mut own: BTreeMap<&str, usize> = BTreeMap::new();
    for c in group {
        for (key, sign) in &c.levels {
            let dir = if *sign > 0 {
                Direction::Raised
            } else {
                Direction::Lowered
            };
            let e = levels.entry((key, dir)).or_default();
            e.0 += 1;
            e.1.extend(c.level_reasons.get(key).map(String::as_str));
        }
        for (m, p) in &c.measures {
            let e = na.entry(m).or_default();
            e.0 += 1;
            if p.not_applicable > 0 {
                e.1 += 1;
                e.2 += p.not_applicable;
                e.3.extend(c.not_applicable_reasons.get(m).map(String::as_str));
            }
        }
        for t in &c.own_tasks {
            *own.entry(t).or_default() += 1;
        }
    }
    let mut out = Calibration {
        bodies: group.len(),
        suppressed: false,
        levels: (levels.into_iter())
            .filter(|(_, (n, _))| *n >= K)
            .map(|((key, direction), (bodies, given))| {
                let (info_type, dimension) = key.rsplit_once('/').unwrap_or((key, ""));
                LevelShift {
                    info_type: info_type.to_string(),
                    dimension: dimension.to_string(),
                    direction,
                    bodies,
                    justifications: texts(given),
                }
            })
            .collect(),
        not_applicable: (na.into_iter())
            .filter(|(_, e)| e.1 >= K)
            .map(|(m, (required, bodies, pairs, given))| NotApplicable {
                measure: m.to_string(),
                bodies,
                bodies_required: required,
                pairs,
                justifications: texts(given),
            })
            .collect(),
        own_tasks: (own.into_iter())
            .filter(|(_, n)| *n >= K)
            .map(|(name, bodies)| OwnTask {
                name: name.to_string(),
                bodies,
            })
            .collect(),
    };
    // Most bodies first; ties in id order (the sort is stable).
    out.levels.sort_by_key(|x| std::cmp::Reverse(x.bodies));
    out.not_applicable
        .sort_by_key(|x| std::cmp::Reverse(x.bodies));
    out.own_tasks.sort_by_key(|x| std::cmp::Reverse(x.bodies));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::national::Pairs;

    fn body(n: usize) -> Contribution {
        let mut c = Contribution {
            kind: "kommune".into(),
            ..Contribution::default()
        };
        c.levels.insert("it.helse/c".into(), 1);
        c.levels.insert("it.plan/a".into(), -1);
        c.level_reasons
            .insert("it.helse/c".into(), format!("Særlige kategorier {}", n % 2));
        let na = Pairs {
            required: 3,
            in_place: 0,
            not_applicable: 1,
        };
        c.measures.insert("m.logg".into(), na);
        c.not_applicable_reasons
            .insert("m.logg".into(), "Ingen egne servere".into());
        c.own_tasks
            .push(normalise(&format!("  Vigsel{} ", ["", "."][n % 2])));
        c
    }

    fn of(bodies: &[Contribution]) -> Calibration {
        calibrate(&bodies.iter().collect::<Vec<_>>())
    }

    #[test]
    fn names_are_compared_normalised() {
        assert_eq!(
            normalise("  Vigsel -  og  PARTNERSKAP!  "),
            "vigsel og partnerskap"
        );
        assert_eq!(normalise("Byggesak (søknad)"), normalise("byggesak søknad"));
        assert_eq!(normalise("…"), "");
    }

    #[test]
    fn four_bodies_give_nothing_five_give_rows_and_texts() {
        let four: Vec<Contribution> = (0..4).map(body).collect();
        let c = of(&four);
        assert!(c.suppressed);
        assert!(c.levels.is_empty() && c.not_applicable.is_empty() && c.own_tasks.is_empty());

        let five: Vec<Contribution> = (0..5).map(body).collect();
        let c = of(&five);
        assert!(!c.suppressed);
        let raised = &c.levels.iter().find(|l| l.info_type == "it.helse").unwrap();
        assert_eq!(
            (raised.dimension.as_str(), raised.direction, raised.bodies),
            ("c", Direction::Raised, 5)
        );
        assert_eq!(
            raised.justifications,
            vec!["Særlige kategorier 0", "Særlige kategorier 1"],
            "distinct and sorted, no body named"
        );
        let lowered = c.levels.iter().find(|l| l.info_type == "it.plan").unwrap();
        assert_eq!(lowered.direction, Direction::Lowered);
        assert!(lowered.justifications.is_empty(), "no body gave one");
        let na = &c.not_applicable[0];
        assert_eq!(
            (na.measure.as_str(), na.bodies, na.bodies_required, na.pairs),
            ("m.logg", 5, 5, 5)
        );
        assert_eq!(na.justifications, vec!["Ingen egne servere"]);
        assert_eq!(
            c.own_tasks,
            vec![OwnTask {
                name: "vigsel".into(),
                bodies: 5
            }]
        );
    }

    #[test]
    fn a_text_needs_five_bodies_that_gave_one() {
        // Five bodies raised it and marked it not applicable, but only four justified it.
        let mut five: Vec<Contribution> = (0..5).map(body).collect();
        five[4].level_reasons.clear();
        five[4].not_applicable_reasons.clear();
        let c = of(&five);
        let raised = c.levels.iter().find(|l| l.info_type == "it.helse").unwrap();
        assert_eq!(raised.bodies, 5);
        assert!(raised.justifications.is_empty());
        assert_eq!(c.not_applicable[0].bodies, 5);
        assert!(c.not_applicable[0].justifications.is_empty());
        let json = serde_json::to_string(&c).unwrap();
        assert!(
            !json.contains("Særlige") && !json.contains("servere"),
            "{json}"
        );
    }

    #[test]
    fn a_row_from_four_bodies_is_left_out_in_a_group_of_five() {
        let mut group: Vec<Contribution> = (0..5).map(body).collect();
        for c in group.iter_mut().take(4) {
            c.levels.insert("it.skole/i".into(), 1);
            c.level_reasons
                .insert("it.skole/i".into(), "Eksamen".into());
            c.own_tasks.push("skyss".into());
            c.measures.insert(
                "m.sjelden".into(),
                Pairs {
                    required: 1,
                    in_place: 0,
                    not_applicable: 1,
                },
            );
        }
        // The fifth requires m.sjelden but has it in place: four marked it not applicable.
        group[4].measures.insert(
            "m.sjelden".into(),
            Pairs {
                required: 1,
                in_place: 1,
                not_applicable: 0,
            },
        );
        let c = of(&group);
        assert!(!c.levels.iter().any(|l| l.info_type == "it.skole"));
        assert!(!c.own_tasks.iter().any(|t| t.name == "skyss"));
        assert!(!c.not_applicable.iter().any(|m| m.measure == "m.sjelden"));
        let json = serde_json::to_string(&c).unwrap();
        assert!(
            !json.contains("Eksamen") && !json.contains("skyss"),
            "{json}"
        );
    }

    #[test]
    fn a_body_gives_its_justifications_and_own_task_names() {
        use crate::testkit::*;
        use crate::workspace::Status;
        let cat = CatBuilder::default()
            .info("x.lav", "lll")
            .task("t.a", &["x.lav"])
            .measure("m.1", 1, "cia")
            .build();
        let mut ws = WsBuilder::new(&cat)
            .adopt("t.a")
            .adapt("t.a", "x.lav", "c=h")
            .own_task("Vigsel,  og partnerskap", &[])
            .system("s", &[("t.a", None)])
            .status("m.1", Some("s"), Status::NotApplicable, None)
            .build();
        ws.tasks[0].adaptations[0].justification = "  Sensitive opplysninger ".into();
        let a = crate::derive::assess(&cat, &ws, date("2026-11-28"));
        let c = crate::national::contribution(&cat, &ws, &a);
        assert_eq!(c.levels.get("x.lav/c"), Some(&1));
        assert_eq!(
            c.level_reasons.get("x.lav/c").map(String::as_str),
            Some("Sensitive opplysninger")
        );
        assert_eq!(
            c.not_applicable_reasons.get("m.1").map(String::as_str),
            Some("fordi")
        );
        assert_eq!(c.own_tasks, vec!["vigsel og partnerskap"]);
    }
}
