//! Properties that must hold for any catalog and workspace (issue 2, item 5).

use crate::catalog::*;
use crate::derive::{MeasurePlan, assess};
use crate::explain::explain;
use crate::level::{Baseline, DimSet, Dimension, Level, Levels, PartialLevels};
use crate::testkit::date;
use crate::workspace::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
struct Case {
    info_levels: Vec<(u8, u8, u8)>,
    tasks: Vec<Vec<usize>>,
    measures: Vec<(u8, u8, bool)>,
    systems: Vec<Vec<(usize, Vec<usize>)>>,
    deps: Vec<(usize, usize, bool)>,
    adaptations: Vec<(usize, usize, u8, u8)>,
    hwm: bool,
    /// Per task: a task of the sector `s` (the body is in it).
    sector_tasks: Vec<bool>,
    /// The sector profile: (measure, add it (making it profile-only) or move it, to baseline).
    profile: Vec<(usize, bool, u8)>,
    /// Legal duties: (measure, information type): requirement `r<k>` on both.
    duties: Vec<(usize, usize)>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop::collection::vec((0u8..3, 0u8..3, 0u8..3), 1..10),
        prop::collection::vec(prop::collection::vec(0usize..100, 1..5), 1..5),
        prop::collection::vec((1u8..=3, 1u8..=7, any::<bool>()), 1..20),
        prop::collection::vec(
            prop::collection::vec(
                (0usize..100, prop::collection::vec(0usize..100, 0..4)),
                0..3,
            ),
            1..10,
        ),
        prop::collection::vec((0usize..100, 0usize..100, any::<bool>()), 0..20),
        prop::collection::vec((0usize..100, 0usize..100, 0u8..3, 0u8..3), 0..4),
        any::<bool>(),
        (
            prop::collection::vec(any::<bool>(), 0..5),
            prop::collection::vec((0usize..100, any::<bool>(), 1u8..=3), 0..5),
            prop::collection::vec((0usize..100, 0usize..100), 0..3),
        ),
    )
        .prop_map(
            |(info_levels, tasks, measures, systems, deps, adaptations, hwm, extra)| Case {
                info_levels,
                tasks,
                measures,
                systems,
                deps,
                adaptations,
                hwm,
                sector_tasks: extra.0,
                profile: extra.1,
                duties: extra.2,
            },
        )
}

fn level(n: u8) -> Level {
    Level::ALL[n as usize % 3]
}

fn build(c: &Case) -> (Catalog, Workspace) {
    let ni = c.info_levels.len();
    let info_types = c
        .info_levels
        .iter()
        .enumerate()
        .map(|(n, &(a, b, d))| InfoType {
            id: format!("i{n}"),
            name: Text::nb("i"),
            levels: Levels::new(level(a), level(b), level(d)),
            requirements: (c.duties.iter().enumerate())
                .filter(|(_, (_, i))| i % ni == n)
                .map(|(k, _)| format!("r{k}"))
                .collect(),
        })
        .collect();
    let tasks: Vec<Task> = c
        .tasks
        .iter()
        .enumerate()
        .map(|(n, its)| {
            let mut v: Vec<u32> = its.iter().map(|i| (i % ni) as u32).collect();
            v.sort_unstable();
            v.dedup();
            let sector = c.sector_tasks.get(n).copied().unwrap_or(false);
            Task {
                id: format!("t{n}"),
                name: Text::nb("t"),
                applies_to: vec![if sector {
                    Applicability::Sector("s".into())
                } else {
                    Applicability::All
                }],
                info_types: v,
                requirements: Vec::new(),
            }
        })
        .collect();
    let measures = c
        .measures
        .iter()
        .enumerate()
        .map(|(n, &(l, p, org))| Measure {
            id: format!("m{n}"),
            name: Text::nb("m"),
            level: Baseline::new(l).unwrap(),
            protects: DimSet::from_dims(
                Dimension::ALL
                    .into_iter()
                    .filter(|d| p & (1 << *d as u8) != 0),
            ),
            scope: if org { Scope::Org } else { Scope::System },
            purpose: Purpose::Forebygge,
            kind: MeasureKind::Teknologisk,
            activity: Activity::Styring,
            params: BTreeMap::new(),
            profile_only: false,
            required_by: (c.duties.iter().enumerate())
                .filter(|(_, (m, _))| m % c.measures.len() == n)
                .map(|(k, _)| format!("r{k}"))
                .collect(),
            evidence: None,
        })
        .collect();
    let cat = Catalog::new(
        "p".into(),
        "1".into(),
        info_types,
        tasks.clone(),
        measures,
        Vec::new(),
    );
    let cat = with_sector_profile(c, cat);
    let nt = tasks.len();
    let mut body_tasks: Vec<BodyTask> = tasks
        .iter()
        .enumerate()
        .map(|(n, t)| BodyTask {
            id: t.id.clone(),
            catalog: Some(n as u32),
            name: None,
            info_types: t.info_types.iter().map(|&i| InfoRef::Catalog(i)).collect(),
            adaptations: Vec::new(),
            sectors: Vec::new(),
        })
        .collect();
    for &(t, item, d, l) in &c.adaptations {
        let bt = &mut body_tasks[t % nt];
        let info = bt.info_types[item % bt.info_types.len()];
        let InfoRef::Catalog(i) = info else { continue };
        if bt.adaptations.iter().any(|a| a.info_type == i) {
            continue;
        }
        let mut p = PartialLevels::default();
        match d {
            0 => p.c = Some(level(l)),
            1 => p.i = Some(level(l)),
            _ => p.a = Some(level(l)),
        }
        bt.adaptations.push(Adaptation {
            info_type: i,
            levels: p,
            justification: "j".into(),
        });
    }
    let ns = c.systems.len();
    let mut systems: Vec<System> = c
        .systems
        .iter()
        .enumerate()
        .map(|(n, procs)| System {
            id: format!("s{n}"),
            name: "s".into(),
            processes: procs
                .iter()
                .map(|(t, items)| {
                    let t = t % nt;
                    let len = body_tasks[t].info_types.len();
                    let mut items: Vec<u32> = if items.is_empty() {
                        (0..len as u32).collect()
                    } else {
                        items.iter().map(|i| (i % len) as u32).collect()
                    };
                    items.sort_unstable();
                    items.dedup();
                    Processing { task: t, items }
                })
                .collect(),
            depends_on: Vec::new(),
        })
        .collect();
    for &(a, b, runs_on) in &c.deps {
        let (a, b) = (a % ns, b % ns);
        if a != b {
            let kind = if runs_on {
                DependencyKind::RunsOn
            } else {
                DependencyKind::Uses
            };
            systems[a].depends_on.push(Dependency { on: b, kind });
        }
    }
    let ws = Workspace {
        org: Org {
            orgnr: "974760673".into(),
            name: "p".into(),
            kind: OrgKind::Kommune,
            sectors: vec!["s".into()],
            selection: if c.hwm {
                SelectionMode::HighWaterMark
            } else {
                SelectionMode::PerDimension
            },
            cumulation_threshold: 2,
        },
        own_info_types: Vec::new(),
        tasks: body_tasks,
        systems,
        statuses: Vec::new(),
        sources: Sources::default(),
    };
    (cat, ws)
}

/// The catalog with the case's sector profile (`sector:s`), when it has one: the measures it
/// adds become profile-only; it moves others only to an earlier baseline.
fn with_sector_profile(c: &Case, cat: Catalog) -> Catalog {
    if c.profile.is_empty() {
        return cat;
    }
    let (mut measures, nm) = (cat.measures.clone(), cat.measures.len());
    let mut add = Vec::new();
    let mut level_overrides = Vec::new();
    for &(m, adds, l) in &c.profile {
        let mi = (m % nm) as MeasureIdx;
        let taken = add.contains(&mi) || level_overrides.iter().any(|(x, _)| *x == mi);
        if taken {
            continue;
        }
        if adds {
            measures[mi as usize].profile_only = true;
            add.push(mi);
        } else if l < measures[mi as usize].level.number() {
            level_overrides.push((mi, Baseline::new(l).unwrap()));
        }
    }
    let profile = Profile {
        id: "p.s".into(),
        name: Text::nb("p"),
        applies_to: vec![Applicability::Sector("s".into())],
        add,
        level_overrides,
        params: Vec::new(),
    };
    Catalog::new(
        cat.id.clone(),
        cat.version.clone(),
        cat.info_types.clone(),
        cat.tasks.clone(),
        measures,
        vec![profile],
    )
}

/// Systems the sector `s` reaches, worked out plainly: those processing a task of the sector,
/// and everything they reach by `runs_on` edges.
fn in_sector_reach(cat: &Catalog, ws: &Workspace) -> Vec<bool> {
    let mut out = vec![false; ws.systems.len()];
    for (s, sys) in ws.systems.iter().enumerate() {
        let direct = sys.processes.iter().any(|p| {
            let t = ws.tasks[p.task].catalog.unwrap() as usize;
            cat.tasks[t].applies_to == [Applicability::Sector("s".into())]
        });
        if direct {
            let mut stack = vec![s];
            while let Some(x) = stack.pop() {
                if std::mem::replace(&mut out[x], true) {
                    continue;
                }
                for dep in &ws.systems[x].depends_on {
                    if dep.kind == DependencyKind::RunsOn {
                        stack.push(dep.on);
                    }
                }
            }
        }
    }
    out
}

fn subset(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|x| b.contains(x))
}

/// Own statuses, implementations and one valid declaration on top of a generated body: each
/// `(system or body, measure, status)` an own entry; each `(covers, measures, status)` an
/// implementation; each `(measure, shared)` a measure the declaration's service covers, linked
/// to every system and the body.
type Work = (
    Vec<(usize, usize, u8)>,
    Vec<(u8, Vec<usize>, u8)>,
    Vec<(usize, bool)>,
);

fn work() -> impl Strategy<Value = Work> {
    (
        prop::collection::vec((0usize..100, 0usize..100, 0u8..6), 0..15),
        prop::collection::vec(
            (0u8..5, prop::collection::vec(0usize..100, 1..4), 0u8..4),
            0..5,
        ),
        prop::collection::vec((0usize..100, any::<bool>()), 0..6),
    )
}

fn with_work(cat: &Catalog, mut ws: Workspace, w: &Work) -> Workspace {
    let nm = cat.measures.len();
    let ns = ws.systems.len();
    let mut seen = std::collections::HashSet::new();
    for &(s, m, st) in &w.0 {
        let system = (s % (ns + 1) < ns).then_some(s % (ns + 1));
        let measure = (m % nm) as u32;
        if !seen.insert((system, measure)) {
            continue;
        }
        ws.statuses.push(MeasureStatus {
            measure,
            system,
            status: Status::ALL[st as usize % Status::ALL.len()],
            owner: None,
            due: Some(date("2026-06-01")),
            justification: Some("j".into()),
            evidence: Vec::new(),
            valid_until: Some(date("2027-01-01")),
            recurs: None,
        });
    }
    for (n, (cv, ms, st)) in w.1.iter().enumerate() {
        let mut measures: Vec<u32> = ms.iter().map(|m| (m % nm) as u32).collect();
        measures.sort_unstable();
        measures.dedup();
        let covers = match cv {
            0 => Covers::All,
            1 => Covers::Org,
            2 => Covers::RunsOn(n % ns),
            _ => Covers::Systems(vec![n % ns]),
        };
        ws.sources.implementations.push(Implementation {
            id: format!("i{n}"),
            name: format!("i{n}"),
            owner: None,
            status: [
                Status::NotStarted,
                Status::InProgress,
                Status::Partial,
                Status::Implemented,
            ][*st as usize % 4],
            due: Some(date("2026-06-01")),
            evidence: Vec::new(),
            measures,
            covers,
            recurs: None,
        });
    }
    let mut covers: Vec<(u32, Responsibility)> =
        w.2.iter()
            .map(|&(m, shared)| {
                let r = if shared {
                    Responsibility::Shared
                } else {
                    Responsibility::Supplier
                };
                ((m % nm) as u32, r)
            })
            .collect();
    covers.sort_unstable_by_key(|c| c.0);
    covers.dedup_by_key(|c| c.0);
    link_declaration(&mut ws, "valid", "2026-01-01", "2027-06-30", covers);
    ws
}

/// Adds a declaration with one service, linked to every system and the body.
fn link_declaration(
    ws: &mut Workspace,
    id: &str,
    from: &str,
    until: &str,
    covers: Vec<(u32, Responsibility)>,
) {
    ws.sources.declarations.push(Declaration {
        id: id.into(),
        supplier: id.into(),
        valid_from: date(from),
        valid_until: date(until),
        withdrawn: None,
    });
    ws.sources.services.push(Service {
        declaration: ws.sources.declarations.len() - 1,
        id: "svc".into(),
        covers,
    });
    let sv = ws.sources.services.len() - 1;
    ws.sources
        .system_services
        .resize(ws.systems.len(), Vec::new());
    for links in &mut ws.sources.system_services {
        links.push(sv);
    }
    ws.sources.org_services.push(sv);
}

/// Every required pair as (system or body, measure) with its state.
fn pairs(a: &crate::Assessment) -> Vec<(Option<usize>, u32, crate::effective::PairState)> {
    let mut out = Vec::new();
    for (n, s) in a.systems.iter().enumerate() {
        out.extend(
            s.required
                .iter()
                .zip(s.states.iter(s.required.len()))
                .map(|(&m, st)| (Some(n), m, st)),
        );
    }
    out.extend(
        a.org_required
            .iter()
            .zip(a.org_states.iter(a.org_required.len()))
            .map(|(&m, st)| (None, m, st)),
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn raising_a_level_never_removes_a_required_measure(c in case(), pick in 0usize..100, dim in 0usize..3) {
        let (cat, ws) = build(&c);
        let today = date("2026-11-28");
        let before = assess(&cat, &ws, today);
        let mut raised = cat.clone();
        let d = Dimension::ALL[dim];
        let n = pick % raised.info_types.len();
        let l = &mut raised.info_types[n].levels[d];
        if *l < Level::Hoy {
            *l = Level::ALL[*l as usize];
        }
        let after = assess(&raised, &ws, today);
        for (s, (b, a)) in before.systems.iter().zip(&after.systems).enumerate() {
            prop_assert!(subset(&b.required, &a.required), "system {s}: {:?} ⊄ {:?}", b.required, a.required);
            for d in Dimension::ALL {
                prop_assert!(b.levels[d] <= a.levels[d]);
            }
        }
        prop_assert!(subset(&before.org_required, &after.org_required));
    }

    #[test]
    fn baselines_are_cumulative(c in case()) {
        let (cat, ws) = build(&c);
        let plan = MeasurePlan::new(&cat, Vec::new(), ws.org.selection);
        for scope in [Scope::System, Scope::Org] {
            let bn = |l: Level| plan.required(scope, Levels::uniform(l)).to_vec();
            prop_assert!(subset(&bn(Level::Lav), &bn(Level::Middels)), "BN1 ⊆ BN2");
            prop_assert!(subset(&bn(Level::Middels), &bn(Level::Hoy)), "BN2 ⊆ BN3");
            // More generally: higher levels in any dimension never select fewer measures.
            for lo in 0..27usize {
                for hi in 0..27usize {
                    let (l, h) = (code_levels(lo), code_levels(hi));
                    if Dimension::ALL.iter().all(|d| l[*d] <= h[*d]) {
                        prop_assert!(subset(plan.required(scope, l), plan.required(scope, h)));
                    }
                }
            }
        }
    }

    #[test]
    fn dependency_inheritance_reaches_the_least_fixed_point(c in case()) {
        let (cat, ws) = build(&c);
        let a = assess(&cat, &ws, date("2026-11-28"));
        let n = ws.systems.len();
        for d in Dimension::ALL {
            // Fixed point: every edge holds.
            for (s, sys) in ws.systems.iter().enumerate() {
                for dep in &sys.depends_on {
                    if dep.kind.carries(d) {
                        prop_assert!(a.systems[dep.on].levels[d] >= a.systems[s].levels[d]);
                    }
                }
            }
            // Least: each level is the highest own level among the systems that reach it.
            for target in 0..n {
                let mut best = a.systems[target].own_levels[d];
                for src in 0..n {
                    if reaches(&ws, src, target, d) {
                        best = best.max(a.systems[src].own_levels[d]);
                    }
                }
                prop_assert_eq!(a.systems[target].levels[d], best, "system {} dim {}", target, d);
            }
        }
    }

    #[test]
    fn every_required_measure_has_a_trail(c in case()) {
        let (cat, ws) = build(&c);
        let a = assess(&cat, &ws, date("2026-11-28"));
        for (s, r) in a.systems.iter().enumerate() {
            for &m in r.required.iter() {
                let t = explain(&cat, &ws, &a, Some(s), m);
                prop_assert!(t.is_some(), "system {} measure {}", s, m);
                let t = t.unwrap();
                prop_assert!(!t.because.is_empty() || !t.required_by.is_empty());
                for b in &t.because {
                    prop_assert_eq!(b.level, r.levels[b.dimension]);
                    prop_assert!(b.level.as_u8() >= t.baseline);
                    prop_assert!(b.default || b.info_type.is_some());
                }
            }
        }
        for &m in a.org_required.iter() {
            let t = explain(&cat, &ws, &a, None, m);
            prop_assert!(t.is_some_and(|t| !t.because.is_empty() || !t.required_by.is_empty()));
        }
    }

    #[test]
    fn the_report_without_trails_is_the_report_less_its_trails(c in case()) {
        let (cat, ws) = build(&c);
        let today = date("2026-11-28");
        let a = assess(&cat, &ws, today);
        let full = crate::report::AssessReport::new(&cat, &ws, &a, today);
        let lite = crate::report::AssessReport::without_trails(&cat, &ws, &a, today);
        prop_assert!(lite.explain.0.is_empty());
        let json = |r: &crate::report::AssessReport| {
            let mut v = serde_json::to_value(r).unwrap();
            v.as_object_mut().unwrap().remove("explain");
            v
        };
        prop_assert_eq!(json(&full), json(&lite));
        // Every trail's baseline is the one the plan gives its measure.
        let required = full.systems.iter().map(|s| s.required_measures.len()).sum::<usize>()
            + full.org_measures.len();
        prop_assert_eq!(full.explain.0.len(), required);
        for (key, t) in &full.explain.0 {
            let system = key.split_once('/').map(|(s, _)| s).filter(|s| *s != "org");
            prop_assert_eq!(lite.baseline(system, &t.measure), Some(t.baseline), "{}", key);
        }
    }

    /// Rule 8 (amended): the sector profile never adds or moves a system measure for a system
    /// outside its sector's reach; inside it, it only adds.
    #[test]
    fn a_sector_profile_never_reaches_a_system_outside_its_sector(c in case()) {
        let (cat, ws) = build(&c);
        let today = date("2026-11-28");
        let with = assess(&cat, &ws, today);
        let mut outside = ws.clone();
        outside.org.sectors.clear();
        let without = assess(&cat, &outside, today);
        let reach = in_sector_reach(&cat, &ws);
        for (s, (w, wo)) in with.systems.iter().zip(&without.systems).enumerate() {
            if reach[s] {
                prop_assert!(subset(&wo.required, &w.required), "system {} in reach", s);
            } else {
                prop_assert_eq!(&w.required, &wo.required, "system {} outside the reach", s);
                for &m in w.required.iter() {
                    let t = explain(&cat, &ws, &with, Some(s), m).unwrap();
                    prop_assert!(t.sector_reach.is_empty() && t.added_by_profile.is_none());
                    prop_assert!(t.moved_by_profile.is_none());
                }
            }
        }
    }

    /// Rule 16: a measure a legal duty requires is required wherever the requirement's
    /// information type is processed, whatever the levels (any levels, any adaptation).
    #[test]
    fn a_requirement_triggered_measure_is_required_whatever_the_levels(c in case(), lowest in any::<bool>()) {
        let (mut cat, ws) = build(&c);
        if lowest {
            for it in &mut cat.info_types {
                it.levels = Levels::LOWEST;
            }
        }
        let a = assess(&cat, &ws, date("2026-11-28"));
        let triggered = |info: InfoTypeIdx| -> Vec<MeasureIdx> {
            let reqs = &cat.info_types[info as usize].requirements;
            (0..cat.measures.len() as MeasureIdx)
                .filter(|&m| cat.measures[m as usize].required_by.iter().any(|r| reqs.contains(r)))
                .collect()
        };
        for (s, sys) in ws.systems.iter().enumerate() {
            for p in &sys.processes {
                for &item in &p.items {
                    let InfoRef::Catalog(i) = ws.tasks[p.task].info_types[item as usize] else {
                        continue;
                    };
                    for m in triggered(i) {
                        let want = cat.measures[m as usize].scope == Scope::System;
                        let required = a.systems[s].required.binary_search(&m).is_ok();
                        prop_assert!(required || !want, "system {} measure {}", s, m);
                        if want {
                            let t = explain(&cat, &ws, &a, Some(s), m).unwrap();
                            prop_assert!(!t.required_by.is_empty());
                        }
                    }
                }
            }
        }
        for t in &ws.tasks {
            for &info in &t.info_types {
                let InfoRef::Catalog(i) = info else { continue };
                for m in triggered(i) {
                    if cat.measures[m as usize].scope == Scope::Org {
                        prop_assert!(a.org_required.binary_search(&m).is_ok(), "org measure {}", m);
                    }
                }
            }
        }
    }
    #[test]
    fn a_covering_implementation_in_place_never_lowers_coverage(
        c in case(), w in work(), ms in prop::collection::vec(0usize..100, 1..6), cv in 0u8..4,
    ) {
        let (cat, ws) = build(&c);
        let ws = with_work(&cat, ws, &w);
        let today = date("2026-11-28");
        let before = pairs(&assess(&cat, &ws, today));
        let mut more = ws.clone();
        let mut measures: Vec<u32> = ms.iter().map(|m| (m % cat.measures.len()) as u32).collect();
        measures.sort_unstable();
        measures.dedup();
        more.sources.implementations.push(Implementation {
            id: "new".into(),
            name: "new".into(),
            owner: None,
            status: Status::Implemented,
            due: None,
            evidence: Vec::new(),
            measures,
            covers: [Covers::All, Covers::Org, Covers::RunsOn(0), Covers::Systems(vec![0])]
                [cv as usize].clone(),
            recurs: None,
        });
        let after = pairs(&assess(&cat, &more, today));
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(!b.2.is_in_place() || a.2.is_in_place(), "{:?} → {:?}", b, a);
        }
    }

    #[test]
    fn an_own_status_always_wins(c in case(), w in work()) {
        let (cat, ws) = build(&c);
        let ws = with_work(&cat, ws, &w);
        let a = assess(&cat, &ws, date("2026-11-28"));
        for (system, m, st) in pairs(&a) {
            let Some(o) = ws.statuses.iter().position(|x| x.system == system && x.measure == m) else {
                continue;
            };
            use crate::effective::{Part, Source};
            let own = matches!(st.source, Source::Own(x) | Source::Shared { customer: Some(Part::Own(x)), .. } if x == o);
            prop_assert!(own, "{:?}/{}: {:?}", system, m, st);
        }
    }

    #[test]
    fn an_expired_or_withdrawn_declaration_never_counts(c in case(), w in work(), withdrawn in any::<bool>()) {
        let (cat, ws) = build(&c);
        let ws = with_work(&cat, ws, &w);
        let today = date("2026-11-28");
        let before = pairs(&assess(&cat, &ws, today));
        let mut more = ws.clone();
        let every: Vec<(u32, Responsibility)> =
            (0..cat.measures.len() as u32).map(|m| (m, Responsibility::Supplier)).collect();
        if withdrawn {
            link_declaration(&mut more, "gone", "2026-01-01", "2027-06-30", every);
            more.sources.declarations.last_mut().unwrap().withdrawn = Some(date("2026-11-01"));
        } else {
            link_declaration(&mut more, "old", "2025-01-01", "2026-11-27", every);
        }
        let after = pairs(&assess(&cat, &more, today));
        for (b, a) in before.iter().zip(&after) {
            prop_assert_eq!((b.2.status, b.2.source, b.2.overdue), (a.2.status, a.2.source, a.2.overdue));
        }
    }
}

fn code_levels(code: usize) -> Levels {
    Levels::new(
        Level::ALL[code / 9],
        Level::ALL[code / 3 % 3],
        Level::ALL[code % 3],
    )
}

/// Is there a path src → … → target of dependencies that all carry `d`?
fn reaches(ws: &Workspace, src: usize, target: usize, d: Dimension) -> bool {
    let mut seen = vec![false; ws.systems.len()];
    let mut stack = vec![src];
    while let Some(s) = stack.pop() {
        if s == target {
            return true;
        }
        if std::mem::replace(&mut seen[s], true) {
            continue;
        }
        for dep in &ws.systems[s].depends_on {
            if dep.kind.carries(d) {
                stack.push(dep.on);
            }
        }
    }
    false
}
