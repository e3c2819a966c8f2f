//! Rule 18: the picture across bodies for guidance and supervisory bodies. Each body gives a
//! [`Contribution`] — counts only, no names, no systems, no texts — and [`aggregate`] adds a
//! group's up, k-anonymously: a group of fewer than [`K`] bodies has no figures at all, and a
//! cell (one measure, one baseline, one activity, one task, one information type) built from
//! fewer than [`K`] bodies is suppressed.

use crate::calibration::normalise;
use crate::catalog::Catalog;
use crate::catalog::OrgKind;
use crate::derive::Assessment;
use crate::effective::{PairState, PairStates, Source};
use crate::workspace::{Status, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The fewest bodies a figure may come from.
pub const K: usize = 5;

/// One body's share of one measure (or baseline, or activity): its required pairs and how
/// they stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairs {
    pub required: u32,
    pub in_place: u32,
    pub not_applicable: u32,
}

impl Pairs {
    fn add(&mut self, o: Pairs) {
        self.required += o.required;
        self.in_place += o.in_place;
        self.not_applicable += o.not_applicable;
    }
}

/// What one body gives to the national picture: counts by catalog id, nothing that names it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub kind: String,
    pub sectors: Vec<String>,
    pub systems: u32,
    pub measures: BTreeMap<String, Pairs>,
    /// By baseline (1–3).
    pub baselines: BTreeMap<u8, Pairs>,
    /// By governance activity.
    pub activities: BTreeMap<String, Pairs>,
    /// The catalog tasks adopted.
    pub tasks: Vec<String>,
    /// Per information type and dimension (`it.x/c`): raised (+1) or lowered (−1) from the
    /// recommendation, in any of the body's tasks.
    pub levels: BTreeMap<String, i8>,
    /// Free text, for catalog calibration only (`crate::calibration`, shown only where 5
    /// bodies gave one): per key of `levels`, the justification of the adaptation that set it.
    #[serde(default)]
    pub level_reasons: BTreeMap<String, String>,
    /// Per measure marked not applicable somewhere, the body's first justification for it.
    #[serde(default)]
    pub not_applicable_reasons: BTreeMap<String, String>,
    /// The names of the body's own tasks, normalised (`crate::calibration::normalise`), each
    /// once, sorted.
    #[serde(default)]
    pub own_tasks: Vec<String>,
}

fn pair(st: &PairState) -> Pairs {
    Pairs {
        required: 1,
        in_place: u32::from(st.is_in_place()),
        not_applicable: u32::from(st.status == Status::NotApplicable),
    }
}

/// The body's contribution from its assessment.
pub fn contribution(cat: &Catalog, ws: &Workspace, a: &Assessment) -> Contribution {
    let mut c = Contribution {
        kind: OrgKind::as_str(ws.org.kind).to_string(),
        sectors: ws.org.sectors.clone(),
        systems: ws.systems.len() as u32,
        ..Contribution::default()
    };
    let mut count = |system: Option<usize>, required: &[u32], states: &PairStates| {
        for (pos, st) in states.iter(required.len()).enumerate() {
            let m = required[pos];
            let measure = &cat.measures[m as usize];
            let p = pair(&st);
            c.measures.entry(measure.id.clone()).or_default().add(p);
            if let Source::Own(o) = st.source
                && st.status == Status::NotApplicable
                && let Some(why) = reason(ws.statuses[o].justification.as_deref().unwrap_or(""))
            {
                (c.not_applicable_reasons)
                    .entry(measure.id.clone())
                    .or_insert(why);
            }
            let level =
                (a.effective(cat, system, m)).map_or(measure.level.number(), |e| e.level.number());
            c.baselines.entry(level).or_default().add(p);
            let activity = format!("{:?}", measure.activity).to_lowercase();
            c.activities.entry(activity).or_default().add(p);
        }
    };
    for (n, s) in a.systems.iter().enumerate() {
        count(Some(n), &s.required, &s.states);
    }
    count(None, &a.org_required, &a.org_states);
    c.tasks = (ws.tasks.iter())
        .filter_map(|t| t.catalog.map(|i| cat.tasks[i as usize].id.clone()))
        .collect();
    for (t, r) in ws.tasks.iter().zip(&a.tasks) {
        for d in &r.deviations {
            let key = format!(
                "{}/{}",
                cat.info_types[d.info_type as usize].id,
                d.dimension.as_str()
            );
            let sign = if d.chosen > d.recommended { 1 } else { -1 };
            let why =
                (t.adaptations.get(d.adaptation as usize)).and_then(|x| reason(&x.justification));
            match why {
                Some(why) => c.level_reasons.insert(key.clone(), why),
                None => c.level_reasons.remove(&key),
            };
            c.levels.insert(key, sign);
        }
    }
    c.own_tasks = (ws.tasks.iter())
        .filter(|t| t.catalog.is_none())
        .map(|t| normalise(t.name.as_ref().map_or(t.id.as_str(), |n| n.nb.as_str())))
        .filter(|n| !n.is_empty())
        .collect();
    c.own_tasks.sort();
    c.own_tasks.dedup();
    c
}

/// A justification as given, trimmed; `None` when there is none.
fn reason(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// One measure (or baseline, activity) across the group's bodies.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub key: String,
    /// Built from fewer than [`K`] bodies: no figures.
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bodies_required: Option<usize>,
    /// Bodies where it is in place everywhere it is required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bodies_in_place: Option<usize>,
    /// Bodies that marked it not applicable everywhere it is required.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bodies_not_applicable: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs_required: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs_in_place: Option<u32>,
}

/// A count of bodies (a task adopted, a level raised or lowered), or suppressed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bodies: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LevelChange {
    /// `info_type/dimension`.
    pub key: String,
    pub raised: Count,
    pub lowered: Count,
}

/// A group's picture.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub bodies: usize,
    /// Fewer than [`K`] bodies: nothing else is given.
    pub suppressed: bool,
    pub measures: Vec<Cell>,
    pub baselines: Vec<Cell>,
    pub activities: Vec<Cell>,
    pub tasks: Vec<Count>,
    pub levels: Vec<LevelChange>,
}

fn cells<'a, K2: Ord + ToString + Clone + 'a>(
    group: &[&'a Contribution],
    of: impl Fn(&'a Contribution) -> &'a BTreeMap<K2, Pairs>,
) -> Vec<Cell> {
    let mut by: BTreeMap<K2, Vec<Pairs>> = BTreeMap::new();
    for c in group {
        for (k, p) in of(c) {
            by.entry(k.clone()).or_default().push(*p);
        }
    }
    by.into_iter()
        .map(|(k, shares)| {
            let key = k.to_string();
            if shares.len() < K {
                return Cell {
                    key,
                    suppressed: true,
                    ..Cell::default()
                };
            }
            let (mut pr, mut pi) = (0, 0);
            for p in &shares {
                pr += p.required;
                pi += p.in_place;
            }
            let everywhere = |p: &&Pairs| p.in_place + p.not_applicable == p.required;
            Cell {
                key,
                suppressed: false,
                bodies_required: Some(shares.len()),
                bodies_in_place: Some(
                    (shares.iter())
                        .filter(|p| everywhere(p) && p.in_place > 0)
                        .count(),
                ),
                bodies_not_applicable: Some(
                    shares
                        .iter()
                        .filter(|p| p.not_applicable == p.required)
                        .count(),
                ),
                pairs_required: Some(pr),
                pairs_in_place: Some(pi),
            }
        })
        .collect()
}

fn count(key: String, n: usize) -> Count {
    if n < K {
        Count {
            key,
            suppressed: true,
            bodies: None,
        }
    } else {
        Count {
            key,
            suppressed: false,
            bodies: Some(n),
        }
    }
}

/// The group's picture, k-anonymous.
pub fn aggregate(group: &[&Contribution]) -> Coverage {
    if group.len() < K {
        return Coverage {
            bodies: group.len(),
            suppressed: true,
            ..Coverage::default()
        };
    }
    let mut tasks: BTreeMap<&str, usize> = BTreeMap::new();
    let mut levels: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for c in group {
        for t in &c.tasks {
            *tasks.entry(t).or_default() += 1;
        }
        for (k, sign) in &c.levels {
            let e = levels.entry(k).or_default();
            if *sign > 0 {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    Coverage {
        bodies: group.len(),
        suppressed: false,
        measures: cells(group, |c| &c.measures),
        baselines: cells(group, |c| &c.baselines),
        activities: cells(group, |c| &c.activities),
        tasks: (tasks.into_iter())
            .map(|(k, n)| count(k.to_string(), n))
            .collect(),
        levels: (levels.into_iter())
            .map(|(k, (up, down))| LevelChange {
                key: k.to_string(),
                raised: count(k.to_string(), up),
                lowered: count(k.to_string(), down),
            })
            .collect(),
    }
}

/// Whether a body belongs to the group asked for (kind and sector, each optional).
pub fn in_group(c: &Contribution, kind: Option<&str>, sector: Option<&str>) -> bool {
    kind.is_none_or(|k| c.kind == k) && sector.is_none_or(|s| c.sectors.iter().any(|x| x == s))
}

/// A municipality's size class by its number of systems, for its peer group.
pub fn size_class(systems: u32) -> &'static str {
    match systems {
        0..25 => "small",
        25..100 => "medium",
        _ => "large",
    }
}

/// Whether `c` is a peer of `own`: the same kind, and for municipalities the same size class.
pub fn is_peer(own: &Contribution, c: &Contribution) -> bool {
    c.kind == own.kind
        && (own.kind != "kommune" || size_class(c.systems) == size_class(own.systems))
}

/// One figure of the body beside its peers': the share of required pairs in place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Standing {
    pub key: String,
    /// The body's own share (0–1); `None` when nothing is required of it here.
    pub own: Option<f64>,
    /// The peers' quartiles; `None` when fewer than [`K`] peers have the figure.
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
}

/// The body beside its peer group (which includes it), by baseline and activity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    pub kind: String,
    /// For municipalities: `small`, `medium` or `large` by number of systems.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    pub peers: usize,
    /// Fewer than [`K`] peers: no quartiles at all.
    pub suppressed: bool,
    pub baselines: Vec<Standing>,
    pub activities: Vec<Standing>,
}

fn ratio(p: &Pairs) -> Option<f64> {
    (p.required > 0).then(|| p.in_place as f64 / p.required as f64)
}

/// The value at quantile `q` of sorted values (linear between neighbours).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (lo, hi) = (at.floor() as usize, at.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo as f64)
}

fn standings<'a, K2: Ord + ToString + Clone + 'a>(
    own: &'a Contribution,
    peers: &[&'a Contribution],
    of: impl Fn(&'a Contribution) -> &'a BTreeMap<K2, Pairs>,
) -> Vec<Standing> {
    let mut keys: Vec<K2> = peers.iter().flat_map(|c| of(c).keys().cloned()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .map(|k| {
            let mut values: Vec<f64> = peers
                .iter()
                .filter_map(|c| of(c).get(&k).and_then(ratio))
                .collect();
            values.sort_by(f64::total_cmp);
            let shown = values.len() >= K;
            let q = |x: f64| shown.then(|| quantile(&values, x));
            Standing {
                key: k.to_string(),
                own: of(own).get(&k).and_then(ratio),
                q1: q(0.25),
                median: q(0.5),
                q3: q(0.75),
            }
        })
        .collect()
}

/// The body beside its peers, k-anonymous.
pub fn benchmark(own: &Contribution, all: &[&Contribution]) -> Benchmark {
    let peers: Vec<&Contribution> = all.iter().copied().filter(|c| is_peer(own, c)).collect();
    let suppressed = peers.len() < K;
    let group = if suppressed {
        Vec::new()
    } else {
        peers.clone()
    };
    Benchmark {
        kind: own.kind.clone(),
        size: (own.kind == "kommune").then(|| size_class(own.systems).to_string()),
        peers: peers.len(),
        suppressed,
        baselines: standings(own, &group, |c| &c.baselines),
        activities: standings(own, &group, |c| &c.activities),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(kind: &str, m: Pairs) -> Contribution {
        let mut c = Contribution {
            kind: kind.into(),
            ..Contribution::default()
        };
        c.measures.insert("m.x".into(), m);
        c.baselines.insert(1, m);
        c.tasks.push("t.a".into());
        c.levels.insert("it.a/c".into(), -1);
        c
    }

    const IN: Pairs = Pairs {
        required: 2,
        in_place: 2,
        not_applicable: 0,
    };
    const HALF: Pairs = Pairs {
        required: 2,
        in_place: 1,
        not_applicable: 0,
    };

    #[test]
    fn four_bodies_give_no_figures_five_do() {
        let four: Vec<Contribution> = (0..4).map(|_| body("kommune", IN)).collect();
        let refs: Vec<&Contribution> = four.iter().collect();
        let c = aggregate(&refs);
        assert!(c.suppressed);
        assert_eq!(c.bodies, 4);
        assert!(c.measures.is_empty() && c.tasks.is_empty() && c.levels.is_empty());

        let mut five = four.clone();
        five.push(body("kommune", HALF));
        let refs: Vec<&Contribution> = five.iter().collect();
        let c = aggregate(&refs);
        assert!(!c.suppressed);
        let m = &c.measures[0];
        assert_eq!(m.key, "m.x");
        assert_eq!(m.bodies_required, Some(5));
        assert_eq!(m.bodies_in_place, Some(4));
        assert_eq!((m.pairs_required, m.pairs_in_place), (Some(10), Some(9)));
        assert_eq!(c.tasks[0].bodies, Some(5));
        assert_eq!(c.levels[0].lowered.bodies, Some(5));
        assert!(c.levels[0].raised.suppressed, "no body raised it: 0 < 5");
    }

    #[test]
    fn a_cell_from_four_bodies_is_suppressed_in_a_group_of_five() {
        let mut group: Vec<Contribution> = (0..5).map(|_| body("kommune", IN)).collect();
        for c in group.iter_mut().take(4) {
            c.measures.insert("m.rare".into(), HALF);
        }
        let refs: Vec<&Contribution> = group.iter().collect();
        let c = aggregate(&refs);
        let rare = c.measures.iter().find(|m| m.key == "m.rare").unwrap();
        assert!(rare.suppressed);
        assert_eq!(rare.bodies_required, None);
        assert_eq!(rare.pairs_required, None);
        let json = serde_json::to_value(rare).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"key": "m.rare", "suppressed": true})
        );
    }

    #[test]
    fn a_body_stands_beside_its_peers_quartiles_only_among_five() {
        let shares = [IN, HALF, HALF, IN, HALF];
        let mut group: Vec<Contribution> = shares.iter().map(|p| body("kommune", *p)).collect();
        group.push(body("stat", IN));
        let refs: Vec<&Contribution> = group.iter().collect();
        let b = benchmark(&group[1], &refs);
        assert_eq!(
            (b.peers, b.suppressed),
            (5, false),
            "the state agency is no peer"
        );
        let bn1 = &b.baselines[0];
        assert_eq!(bn1.own, Some(0.5));
        assert_eq!(
            (bn1.q1, bn1.median, bn1.q3),
            (Some(0.5), Some(0.5), Some(1.0))
        );
        let four: Vec<&Contribution> = group.iter().take(4).collect();
        let b = benchmark(&group[1], &four);
        assert!(b.suppressed && b.baselines.is_empty());
        // A large municipality has other peers than a small one.
        let mut big = body("kommune", IN);
        big.systems = 300;
        assert!(!is_peer(&big, &group[0]));
    }

    #[test]
    fn groups_are_chosen_by_kind_and_sector() {
        let mut c = body("kommune", IN);
        c.sectors = vec!["helse".into()];
        assert!(in_group(&c, Some("kommune"), Some("helse")));
        assert!(in_group(&c, None, None));
        assert!(!in_group(&c, Some("stat"), None));
        assert!(!in_group(&c, None, Some("skole")));
    }
}
