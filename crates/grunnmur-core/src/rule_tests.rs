//! One test (or more) per rule of docs/concept.md, on small hand-worked cases.

use crate::derive::{Object, Reason, assess};
use crate::effective::{PairState, Part, Source};
use crate::explain::explain;
use crate::level::{Dimension, Level};
use crate::testkit::*;
use crate::workspace::{Covers, DependencyKind::*, Responsibility, Status, Workspace};
use crate::{Assessment, Catalog};

const TODAY: &str = "2026-11-28";

fn run(cat: &Catalog, ws: &Workspace) -> Assessment {
    assess(cat, ws, date(TODAY))
}

fn required(cat: &Catalog, a: &Assessment, system: usize) -> Vec<String> {
    a.systems[system]
        .required
        .iter()
        .map(|m| cat.measures[*m as usize].id.clone())
        .collect()
}

fn org_required(cat: &Catalog, a: &Assessment) -> Vec<String> {
    a.org_required
        .iter()
        .map(|m| cat.measures[*m as usize].id.clone())
        .collect()
}

fn reasons(a: &Assessment, o: Object) -> Vec<Reason> {
    a.risk
        .iter()
        .find(|r| r.object == o)
        .map(|r| r.reasons.clone())
        .unwrap_or_default()
}

fn base() -> Catalog {
    CatBuilder::default()
        .info("x.lav", "lll")
        .info("x.c", "hll")
        .info("x.i", "lml")
        .info("x.a", "llh")
        .info("x.m1", "mml")
        .info("x.m2", "mlm")
        .info("x.m3", "mll")
        .task("t.a", &["x.lav", "x.c"])
        .task("t.b", &["x.i", "x.a"])
        .task("t.m", &["x.m1", "x.m2", "x.m3"])
        .measure("m.1", 1, "cia")
        .measure("m.c2", 2, "c")
        .measure("m.c3", 3, "c")
        .measure("m.i2", 2, "i")
        .measure("m.a3", 3, "a")
        .org_measure("o.1", 1, "cia")
        .org_measure("o.c3", 3, "c")
        .org_measure("o.a2", 2, "a")
        .build()
}

#[test]
fn rule2_task_org_and_system_levels_are_maxima() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .system("s.all", &[("t.a", None), ("t.b", None)])
        .system(
            "s.part",
            &[("t.a", Some(&["x.lav"])), ("t.b", Some(&["x.i"]))],
        )
        .system("s.none", &[])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.tasks[0].levels, lv("hll"), "t.a: max of lll and hll");
    assert_eq!(a.tasks[1].levels, lv("lmh"), "t.b: max of lml and llh");
    assert_eq!(a.org_levels, lv("hmh"), "body: max over tasks");
    assert_eq!(a.systems[0].levels, lv("hmh"));
    assert_eq!(
        a.systems[1].levels,
        lv("lml"),
        "only the listed information types"
    );
    assert_eq!(
        a.systems[2].levels,
        lv("lll"),
        "nothing processed: lowest level"
    );
}

#[test]
fn rule3_runs_on_carries_all_three_uses_only_integrity_and_availability() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .system("app", &[("t.a", Some(&["x.c"])), ("t.b", Some(&["x.a"]))])
        .system("host", &[])
        .system("api", &[])
        .dep("app", "host", RunsOn)
        .dep("app", "api", Uses)
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.systems[0].levels, lv("hlh"));
    assert_eq!(
        a.systems[1].levels,
        lv("hlh"),
        "runs_on: host gets all three"
    );
    assert_eq!(a.systems[2].levels, lv("llh"), "uses: not confidentiality");
    assert_eq!(a.systems[1].own_levels, lv("lll"));
}

#[test]
fn rule3_inheritance_is_transitive() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("app", &[("t.a", Some(&["x.c"]))])
        .system("vm", &[])
        .system("hw", &[])
        .dep("app", "vm", RunsOn)
        .dep("vm", "hw", RunsOn)
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.systems[2].levels.c, Level::Hoy);
    let t = crate::explain::system_level_trail(&cat, &ws, &a, 2, Dimension::C);
    let path: Vec<(String, String)> = t
        .dependency_path
        .iter()
        .map(|s| (s.system.clone(), s.on.clone()))
        .collect();
    assert_eq!(
        path,
        vec![("vm".into(), "hw".into()), ("app".into(), "vm".into())]
    );
    assert_eq!(t.info_type.as_deref(), Some("x.c"));
    assert_eq!(t.system.as_deref(), Some("app"));
}

#[test]
fn rule3_cycles_resolve_to_the_least_fixed_point() {
    let cat = base();
    // a <-> b uses-cycle; c hangs off b; d is alone.
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .system("a", &[("t.b", Some(&["x.i"]))])
        .system("b", &[("t.b", Some(&["x.a"]))])
        .system("c", &[("t.a", Some(&["x.c"]))])
        .system("d", &[])
        .dep("a", "b", Uses)
        .dep("b", "a", Uses)
        .dep("b", "c", RunsOn)
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.systems[0].levels, lv("lmh"), "a gets b's availability");
    assert_eq!(a.systems[1].levels, lv("lmh"), "b gets a's integrity");
    assert_eq!(
        a.systems[2].levels,
        lv("hmh"),
        "c: own høy C, inherited I and A"
    );
    assert_eq!(a.systems[3].levels, lv("lll"), "nothing reaches d");
}

#[test]
fn rule4_cumulation_flags_middels_and_never_raises() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.m")
        .adopt("t.a")
        .system("three", &[("t.m", None)])
        .system("two", &[("t.m", Some(&["x.m1", "x.m2"]))])
        .system("raised", &[("t.m", None), ("t.a", Some(&["x.c"]))])
        .build();
    let a = run(&cat, &ws);
    // C: m1, m2, m3 are middels (3) → flagged; I: only m1 (1); A: only m2 (1).
    assert_eq!(a.systems[0].cumulation, dims("c"));
    assert_eq!(
        a.systems[0].levels.c,
        Level::Middels,
        "never raised by the rule"
    );
    assert!(a.systems[1].cumulation.is_empty(), "below the threshold");
    assert!(a.systems[2].cumulation.is_empty(), "C is høy, not middels");
    assert_eq!(reasons(&a, Object::System(0)), vec![Reason::Cumulation]);

    let ws2 = WsBuilder::new(&cat)
        .threshold(2)
        .adopt("t.m")
        .system("two", &[("t.m", Some(&["x.m1", "x.m2"]))])
        .build();
    assert_eq!(
        run(&cat, &ws2).systems[0].cumulation,
        dims("c"),
        "threshold is a setting"
    );
}

#[test]
fn rule4_counts_distinct_information_types() {
    let cat = CatBuilder::default()
        .info("a", "mll")
        .info("b", "mll")
        .task("t1", &["a", "b"])
        .task("t2", &["a", "b"])
        .measure("m", 1, "c")
        .build();
    let ws = WsBuilder::new(&cat)
        .adopt("t1")
        .adopt("t2")
        .system("s", &[("t1", None), ("t2", None)])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(
        a.systems[0].middels_counts,
        [2, 0, 0],
        "a and b counted once each"
    );
    assert!(a.systems[0].cumulation.is_empty());
}

#[test]
fn rule5_adaptations_are_deviations_and_lowering_needs_a_risk_assessment() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .adapt("t.a", "x.c", "c=l")
        .adapt("t.b", "x.i", "i=h,a=l")
        .system("s", &[("t.a", None)])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.tasks[0].levels, lv("lll"), "lowered C applies");
    assert_eq!(a.tasks[0].deviations.len(), 1);
    let d = &a.tasks[0].deviations[0];
    assert_eq!(
        (d.dimension, d.recommended, d.chosen),
        (Dimension::C, Level::Hoy, Level::Lav)
    );
    // x.i: I raised middels → høy; A set to lav = recommendation → no deviation.
    assert_eq!(a.tasks[1].deviations.len(), 1);
    assert_eq!(a.tasks[1].deviations[0].chosen, Level::Hoy);
    assert_eq!(reasons(&a, Object::Task(0)), vec![Reason::LoweredLevel]);
    assert_eq!(
        reasons(&a, Object::Task(1)),
        vec![Reason::HighLevel],
        "raising is not lowering"
    );
    assert_eq!(reasons(&a, Object::System(0)), vec![Reason::LoweredLevel]);
}

#[test]
fn rule5_adaptation_applies_within_its_task_only() {
    let cat = CatBuilder::default()
        .info("x", "hll")
        .task("t1", &["x"])
        .task("t2", &["x"])
        .measure("m", 1, "c")
        .build();
    let ws = WsBuilder::new(&cat)
        .adopt("t1")
        .adopt("t2")
        .adapt("t1", "x", "c=l")
        .system("s1", &[("t1", None)])
        .system("s2", &[("t2", None)])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.systems[0].levels.c, Level::Lav);
    assert_eq!(a.systems[1].levels.c, Level::Hoy);
}

#[test]
fn rule5_own_information_types_flag_the_task() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .own_info("egen.x", "mml")
        .own_task("egen.t", &["egen.x", "x.lav"])
        .system("s", &[("egen.t", None)])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.tasks[0].levels, lv("mml"));
    assert_eq!(reasons(&a, Object::Task(0)), vec![Reason::OwnInfoType]);
    assert_eq!(reasons(&a, Object::System(0)), vec![Reason::OwnInfoType]);
}

#[test]
fn rule6_7_per_dimension_selection() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .system("c", &[("t.a", Some(&["x.c"]))])
        .system("i", &[("t.b", Some(&["x.i"]))])
        .system("lav", &[("t.a", Some(&["x.lav"]))])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(
        required(&cat, &a, 0),
        ["m.1", "m.c2", "m.c3"],
        "C høy: BN1-3 measures for C"
    );
    assert_eq!(
        required(&cat, &a, 1),
        ["m.1", "m.i2"],
        "I middels: BN2 for I"
    );
    assert_eq!(required(&cat, &a, 2), ["m.1"], "all lav: BN1 only");
    // Body: hmh → o.1, o.c3 (C høy), o.a2 (A høy ≥ 2).
    assert_eq!(org_required(&cat, &a), ["o.1", "o.c3", "o.a2"]);
}

#[test]
fn rule7_high_water_mark_selection() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .hwm()
        .adopt("t.b")
        .system("a", &[("t.b", Some(&["x.a"]))])
        .build();
    let a = run(&cat, &ws);
    // llh: the highest level is høy, so every measure up to BN3 is required, whatever it protects.
    assert_eq!(
        required(&cat, &a, 0),
        ["m.1", "m.c2", "m.c3", "m.i2", "m.a3"]
    );
    let t = explain(&cat, &ws, &a, Some(0), cat.measure("m.c3").unwrap()).unwrap();
    assert_eq!(t.selection, "high-water-mark");
    assert_eq!(
        t.because[0].dimension,
        Dimension::A,
        "the trail names the highest dimension"
    );
}

#[test]
fn rule8_profiles_add_move_earlier_and_the_strictest_wins() {
    let cat = CatBuilder::default()
        .info("x", "mll")
        // A helse task: since rule 8 was amended, the helse profile reaches only its systems.
        .sector_task("t", &["x"], "helse")
        .measure("m.c3", 3, "c")
        .measure("m.c2", 2, "c")
        .profile_measure("m.helse", 2, "c")
        .profile_measure("m.vann", 1, "c")
        .profile("p.helse", "sector:helse", &["m.helse"], &[("m.c3", 2)])
        .profile("p.kommune", "kommune", &[], &[("m.c3", 1), ("m.c2", 1)])
        .profile("p.vann", "sector:vann", &["m.vann"], &[])
        .build();
    let mut cat = cat;
    let c3 = cat.measure("m.c3").unwrap();
    let param =
        |v: i64| std::collections::BTreeMap::from([("retention_days".to_string(), v.into())]);
    cat.measures[c3 as usize].params = param(90);
    cat.profiles[1].params.push((c3, param(365)));
    cat.profiles[0].params.push((c3, param(180)));
    cat.profiles[2].params.push((c3, param(730)));
    let ws = WsBuilder::new(&cat)
        .sectors(&["helse"])
        .adopt("t")
        .system("s", &[("t", None)])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(
        a.plan.profiles.len(),
        2,
        "helse and kommune apply, vann does not"
    );
    assert_eq!(required(&cat, &a, 0), ["m.c3", "m.c2", "m.helse"]);
    let e = a.plan.effective[cat.measure("m.c3").unwrap() as usize].unwrap();
    assert_eq!(e.level.number(), 1, "strictest (lowest) baseline wins");
    assert_eq!(e.moved_by, Some(1));
    assert!(a.plan.effective[cat.measure("m.vann").unwrap() as usize].is_none());
    let t = explain(&cat, &ws, &a, Some(0), cat.measure("m.helse").unwrap()).unwrap();
    assert_eq!(t.added_by_profile.as_deref(), Some("p.helse"));
    let t = explain(&cat, &ws, &a, Some(0), cat.measure("m.c3").unwrap()).unwrap();
    assert_eq!(t.moved_by_profile.as_deref(), Some("p.kommune"));
    assert_eq!((t.baseline, t.catalog_baseline), (1, Some(3)));
    // Parameters: profiles over the catalog default; the first applicable profile wins.
    let p = &t.params["retention_days"];
    assert_eq!(
        (p.value.as_i64(), p.profile.as_deref()),
        (Some(180), Some("p.helse"))
    );
}

/// Rule 8 as amended: a sector profile's system measures reach the systems that process a task
/// of its sector and the systems those run on; its org-scope part and kind profiles reach all.
#[test]
fn rule8_sector_profiles_reach_only_the_sectors_systems_and_their_hosts() {
    let cat = CatBuilder::default()
        .info("x", "mll")
        .info("y", "mll")
        .sector_task("t.vann", &["y"], "vann")
        .task("t.felles", &["x"])
        .measure("m.c2", 2, "c")
        .measure("m.c3", 3, "c")
        .profile_measure("m.vann", 1, "c")
        .profile_measure("m.helse", 1, "c")
        .profile_measure("m.kommune", 1, "c")
        .org_measure("o.c3", 3, "c")
        .profile(
            "p.vann",
            "sector:vann",
            &["m.vann"],
            &[("m.c3", 2), ("o.c3", 2)],
        )
        .profile("p.helse", "sector:helse", &["m.helse"], &[])
        .profile("p.kommune", "kommune", &["m.kommune"], &[])
        .build();
    let ws = WsBuilder::new(&cat)
        .sectors(&["vann", "helse"])
        .adopt("t.vann")
        .adopt("t.felles")
        .own_sector_task("t.legevakt", &["x"], &["helse"])
        .system("s.vann", &[("t.vann", None)])
        .system("s.host", &[])
        .system("s.metal", &[])
        .system("s.barnevern", &[("t.felles", None)])
        .system("s.api", &[])
        .system("s.helse", &[("t.legevakt", None)])
        .dep("s.vann", "s.host", RunsOn)
        .dep("s.host", "s.metal", RunsOn)
        .dep("s.vann", "s.api", Uses)
        .build();
    let a = run(&cat, &ws);
    let vann = ["m.c2", "m.c3", "m.vann", "m.kommune"];
    assert_eq!(required(&cat, &a, 0), vann, "the water system");
    assert_eq!(required(&cat, &a, 1), vann, "its host");
    assert_eq!(
        required(&cat, &a, 2),
        vann,
        "the host's host (transitively)"
    );
    assert_eq!(
        required(&cat, &a, 3),
        ["m.c2", "m.kommune"],
        "child welfare: no water measure, the kind profile still reaches it"
    );
    assert_eq!(
        required(&cat, &a, 4),
        ["m.kommune"],
        "`uses` carries no sector (the api inherits no c level either)"
    );
    assert_eq!(
        required(&cat, &a, 5),
        ["m.c2", "m.helse", "m.kommune"],
        "the body's own task with `sectors: [helse]`"
    );
    assert_eq!(
        org_required(&cat, &a),
        ["o.c3"],
        "org-scope parts reach the body"
    );
    // The trail names the profile and the system through which the sector reached.
    let t = explain(&cat, &ws, &a, Some(2), cat.measure("m.vann").unwrap()).unwrap();
    assert_eq!(t.added_by_profile.as_deref(), Some("p.vann"));
    let r = &t.sector_reach[0];
    assert_eq!(
        (
            r.profile.as_str(),
            r.sector.as_str(),
            r.system.as_str(),
            r.task.as_str()
        ),
        ("p.vann", "vann", "s.vann", "t.vann")
    );
    let t = explain(&cat, &ws, &a, Some(1), cat.measure("m.c3").unwrap()).unwrap();
    assert_eq!(t.moved_by_profile.as_deref(), Some("p.vann"));
    assert_eq!(t.sector_reach[0].system, "s.vann");
    assert!(explain(&cat, &ws, &a, Some(3), cat.measure("m.vann").unwrap()).is_none());
    assert!(explain(&cat, &ws, &a, Some(3), cat.measure("m.c3").unwrap()).is_none());
    let t = explain(&cat, &ws, &a, Some(3), cat.measure("m.kommune").unwrap()).unwrap();
    assert!(t.sector_reach.is_empty(), "a kind profile needs no sector");
    let e = a
        .effective(&cat, Some(3), cat.measure("m.c3").unwrap())
        .unwrap();
    assert_eq!(
        (e.level.number(), e.moved_by),
        (3, None),
        "not moved outside the reach"
    );
}

/// Rule 16: a measure a legal duty requires is required wherever an information type or task
/// carrying the requirement is processed, whatever the levels, and lowering never removes it.
#[test]
fn rule16_legal_duties_require_measures_whatever_the_levels() {
    let cat = CatBuilder::default()
        .info("x.plain", "lll")
        .info("x.helse", "lll")
        .info("x.utland", "mml")
        .task("t.a", &["x.plain", "x.helse", "x.utland"])
        .task("t.b", &["x.plain"])
        .measure("m.1", 1, "c")
        .measure("m.overforing", 3, "c")
        .measure("m.plikt", 3, "i")
        .measure("m.never", 3, "c")
        .profile_measure("m.profil", 3, "a")
        .org_measure("o.dpia", 3, "c")
        .info_requires("x.helse", &["gdpr.35"])
        .info_requires("x.utland", &["gdpr.44"])
        .task_requires("t.b", &["lov.b"])
        .required_by("m.overforing", &["gdpr.44"])
        .required_by("m.plikt", &["lov.b"])
        .required_by("m.never", &["lov.x"])
        .required_by("m.profil", &["lov.b"])
        .required_by("o.dpia", &["gdpr.35"])
        .build();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .adapt("t.a", "x.utland", "c=l,i=l")
        .system("s.plain", &[("t.a", Some(&["x.plain"]))])
        .system("s.utland", &[("t.a", Some(&["x.utland"]))])
        .system("s.b", &[("t.b", None)])
        .build();
    let a = run(&cat, &ws);
    assert_eq!(a.systems[1].levels, lv("lll"), "lowered to lav everywhere");
    assert_eq!(required(&cat, &a, 0), ["m.1"]);
    assert_eq!(
        required(&cat, &a, 1),
        ["m.1", "m.overforing"],
        "the information type carries GDPR ch. V: a lowered level does not remove it"
    );
    assert_eq!(
        required(&cat, &a, 2),
        ["m.1", "m.plikt", "m.profil"],
        "the task carries the duty; a profile-only measure is required by it too"
    );
    assert_eq!(
        org_required(&cat, &a),
        ["o.dpia"],
        "the body's task has art. 35 data"
    );
    let t = explain(&cat, &ws, &a, Some(1), cat.measure("m.overforing").unwrap()).unwrap();
    assert!(t.because.is_empty(), "no level selects it");
    assert_eq!(t.baseline, 3);
    let d = &t.required_by[0];
    assert_eq!(
        (
            d.requirement.as_str(),
            d.task.as_str(),
            d.info_type.as_deref()
        ),
        ("gdpr.44", "t.a", Some("x.utland"))
    );
    let t = explain(&cat, &ws, &a, Some(2), cat.measure("m.plikt").unwrap()).unwrap();
    assert_eq!(
        t.required_by[0].info_type, None,
        "carried by the task itself"
    );
    let t = explain(&cat, &ws, &a, None, cat.measure("o.dpia").unwrap()).unwrap();
    assert_eq!(t.required_by[0].info_type.as_deref(), Some("x.helse"));
    assert!(explain(&cat, &ws, &a, Some(0), cat.measure("m.overforing").unwrap()).is_none());
    // Selected by level too: the trail gives both.
    let ws2 = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s.utland", &[("t.a", None)])
        .build();
    let a2 = run(&cat, &ws2);
    assert_eq!(a2.systems[0].levels, lv("mml"));
    let t = explain(
        &cat,
        &ws2,
        &a2,
        Some(0),
        cat.measure("m.overforing").unwrap(),
    )
    .unwrap();
    assert_eq!(t.required_by.len(), 1);
    assert!(t.because.is_empty(), "baseline 3 is not reached by middels");
}

#[test]
fn rule9_every_required_measure_has_a_trail_naming_its_source() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adapt("t.a", "x.c", "c=m")
        .system("app", &[("t.a", None)])
        .system("host", &[])
        .dep("app", "host", RunsOn)
        .build();
    let a = run(&cat, &ws);
    let t = explain(&cat, &ws, &a, Some(1), cat.measure("m.c2").unwrap()).unwrap();
    assert_eq!(t.because.len(), 1);
    let b = &t.because[0];
    assert_eq!((b.dimension, b.level), (Dimension::C, Level::Middels));
    assert_eq!(b.task.as_deref(), Some("t.a"));
    assert_eq!(b.info_type.as_deref(), Some("x.c"));
    assert_eq!(
        b.recommended,
        Some(Level::Hoy),
        "the adapted level keeps its recommendation"
    );
    assert_eq!(b.justification.as_deref(), Some("fordi"));
    assert_eq!(b.dependency_path.len(), 1);
    assert!(explain(&cat, &ws, &a, Some(1), cat.measure("m.c3").unwrap()).is_none());
    let o = explain(&cat, &ws, &a, None, cat.measure("o.1").unwrap()).unwrap();
    assert_eq!(o.because.len(), 3, "BN1 for C, I and A");
}

#[test]
fn rule10_statuses_not_applicable_and_overdue() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s", &[("t.a", None)])
        .status("m.c3", Some("s"), Status::NotApplicable, None)
        .status("m.c2", Some("s"), Status::InProgress, Some("2026-11-27"))
        .status("m.1", Some("s"), Status::Implemented, Some("2026-01-01"))
        .status("o.1", None, Status::Partial, Some("2026-01-01"))
        .status("o.a2", None, Status::NotStarted, Some("2026-01-01"))
        .build();
    let a = run(&cat, &ws);
    assert_eq!(
        reasons(&a, Object::System(0)),
        vec![Reason::HighLevel, Reason::NotApplicable, Reason::Overdue]
    );
    // o.a2 is not required (body's A is lav), so its overdue status does not count.
    assert_eq!(reasons(&a, Object::Org), vec![Reason::Overdue]);
    let item = a.risk.iter().find(|r| r.object == Object::Org).unwrap();
    assert_eq!(item.measures, vec![cat.measure("o.1").unwrap()]);
    // Due today is not overdue.
    let ws2 = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s", &[("t.a", Some(&["x.lav"]))])
        .status("m.1", Some("s"), Status::NotStarted, Some(TODAY))
        .build();
    assert!(reasons(&run(&cat, &ws2), Object::System(0)).is_empty());
}

#[test]
fn rule10_expired_supplier_declaration_is_not_in_place() {
    let cat = base();
    let mut ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s", &[("t.a", Some(&["x.lav"]))])
        .status("m.1", Some("s"), Status::Supplier, Some("2026-06-01"))
        .build();
    let valid = run(&cat, &ws);
    assert!(
        reasons(&valid, Object::System(0)).is_empty(),
        "valid declaration: in place"
    );
    ws.statuses[0].valid_until = Some(date("2026-10-01"));
    assert_eq!(
        reasons(&run(&cat, &ws), Object::System(0)),
        vec![Reason::Overdue]
    );
}

#[test]
fn rule10_list_is_prioritised() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .adopt("t.b")
        .adopt("t.m")
        .adapt("t.b", "x.a", "a=l")
        .system("high", &[("t.a", None)])
        .system("cum", &[("t.m", None)])
        .system("low", &[("t.b", None)])
        .status("m.1", Some("cum"), Status::NotStarted, Some("2026-01-01"))
        .build();
    let a = run(&cat, &ws);
    let order: Vec<(Object, u32)> = a.risk.iter().map(|r| (r.object, r.weight())).collect();
    let weights: Vec<u32> = order.iter().map(|o| o.1).collect();
    let mut sorted = weights.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(weights, sorted, "heaviest first: {order:?}");
    assert_eq!(
        order[0].0,
        Object::System(1),
        "cumulation + overdue outweighs the rest"
    );
}

/// The effective state of a required pair (rule 15); `None` is the body.
fn state(cat: &Catalog, a: &Assessment, system: Option<usize>, measure: &str) -> PairState {
    let m = cat.measure(measure).unwrap();
    let (req, states) = match system {
        Some(s) => (&a.systems[s].required[..], &a.systems[s].states),
        None => (&a.org_required[..], &a.org_states),
    };
    let at = req.iter().position(|&x| x == m).expect("required");
    states.get(at)
}

#[test]
fn rule13_an_implementation_covers_systems_groups_hosts_and_the_body() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("host", &[("t.a", Some(&["x.lav"]))])
        .system("app", &[("t.a", None)])
        .system("vm", &[("t.a", Some(&["x.lav"]))])
        .system("other", &[("t.a", None)])
        .dep("app", "host", RunsOn)
        .dep("vm", "app", RunsOn)
        .group("web", &["app", "other"])
        .implementation(
            "backup",
            &["m.1"],
            Covers::RunsOn(0),
            Status::Implemented,
            None,
        )
        .implementation(
            "hardening",
            &["m.c2"],
            Covers::Groups(vec![0]),
            Status::InProgress,
            None,
        )
        .implementation("policy", &["o.1"], Covers::Org, Status::Implemented, None)
        .build();
    let a = run(&cat, &ws);
    for s in 0..3 {
        let st = state(&cat, &a, Some(s), "m.1");
        assert_eq!(st.source, Source::Implementation(0), "system {s}");
        assert!(st.is_in_place());
    }
    // `other` does not run on the host.
    assert_eq!(state(&cat, &a, Some(3), "m.1").source, Source::None);
    // The group reaches app and other; the host inherits høy from app and needs m.c2 too,
    // uncovered.
    for s in [1, 3] {
        let st = state(&cat, &a, Some(s), "m.c2");
        assert_eq!(
            (st.status, st.source),
            (Status::InProgress, Source::Implementation(1))
        );
    }
    assert_eq!(state(&cat, &a, Some(0), "m.c2").source, Source::None);
    assert_eq!(
        state(&cat, &a, None, "o.1").source,
        Source::Implementation(2)
    );
    // The org implementation does not reach systems, and `all` reaches every one.
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("a", &[("t.a", None)])
        .system("b", &[("t.a", None)])
        .implementation("x", &["m.c3"], Covers::All, Status::Partial, None)
        .build();
    let a = run(&cat, &ws);
    assert_eq!(state(&cat, &a, Some(0), "m.c3").status, Status::Partial);
    assert_eq!(state(&cat, &a, Some(1), "m.c3").status, Status::Partial);
}

#[test]
fn rule14_a_declaration_counts_while_valid_and_shared_needs_the_bodys_part() {
    let cat = base();
    let build = |valid: (&str, &str), part: bool| {
        let mut b = WsBuilder::new(&cat)
            .adopt("t.a")
            .system("s", &[("t.a", None)])
            .declaration(
                "acme",
                valid,
                &[
                    ("m.1", Responsibility::Supplier),
                    ("m.c2", Responsibility::Shared),
                ],
            )
            .uses_service(Some("s"), "acme");
        if part {
            b = b.implementation(
                "patch",
                &["m.c2"],
                Covers::Systems(vec![0]),
                Status::Implemented,
                None,
            );
        }
        b.build()
    };
    let valid = ("2026-01-01", "2027-06-30");
    let a = run(&cat, &build(valid, false));
    let st = state(&cat, &a, Some(0), "m.1");
    assert_eq!(
        (st.status, st.source),
        (Status::Supplier, Source::Supplier(0))
    );
    assert!(st.is_in_place());
    // Shared alone is not in place.
    let st = state(&cat, &a, Some(0), "m.c2");
    let alone = Source::Shared {
        service: 0,
        customer: None,
    };
    assert_eq!((st.status, st.source), (Status::NotStarted, alone));
    assert!(!st.is_in_place());
    // With the body's part in place, it is.
    let a = run(&cat, &build(valid, true));
    let st = state(&cat, &a, Some(0), "m.c2");
    let with_part = Source::Shared {
        service: 0,
        customer: Some(Part::Implementation(0)),
    };
    assert_eq!((st.status, st.source), (Status::Implemented, with_part));
    // Expired: nothing counts, and the pair is a new risk reason.
    let a = run(&cat, &build(("2025-01-01", "2026-10-01"), false));
    let st = state(&cat, &a, Some(0), "m.1");
    assert_eq!((st.source, st.lapsed), (Source::None, true));
    assert!(reasons(&a, Object::System(0)).contains(&Reason::SupplierExpired));
    let item = a
        .risk
        .iter()
        .find(|r| r.object == Object::System(0))
        .unwrap();
    assert!(item.measures.contains(&cat.measure("m.1").unwrap()));
    // Withdrawn: the same.
    let mut ws = build(valid, false);
    ws.sources.declarations[0].withdrawn = Some(date("2026-11-01"));
    let a = run(&cat, &ws);
    assert!(state(&cat, &a, Some(0), "m.1").lapsed);
    // Not yet valid: it does not count, and has not lapsed either.
    let a = run(&cat, &build(("2027-01-01", "2027-06-30"), false));
    let st = state(&cat, &a, Some(0), "m.1");
    assert_eq!((st.source, st.lapsed), (Source::None, false));
    // The body's own services reach its org-scope measures only.
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s", &[("t.a", None)])
        .declaration("ikt", valid, &[("o.1", Responsibility::Supplier)])
        .uses_service(None, "ikt")
        .build();
    let a = run(&cat, &ws);
    assert_eq!(state(&cat, &a, None, "o.1").source, Source::Supplier(0));
}

#[test]
fn rule15_the_own_entry_wins_then_the_best_source() {
    let cat = base();
    let valid = ("2026-01-01", "2027-06-30");
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s", &[("t.a", None)])
        .declaration(
            "acme",
            valid,
            &[
                ("m.1", Responsibility::Supplier),
                ("m.c2", Responsibility::Supplier),
                ("m.c3", Responsibility::Supplier),
            ],
        )
        .uses_service(Some("s"), "acme")
        .implementation("i1", &["m.1"], Covers::All, Status::Implemented, None)
        .implementation("i2", &["m.c2"], Covers::All, Status::Partial, None)
        .implementation("i3", &["m.c3"], Covers::All, Status::Implemented, None)
        .status("m.c3", Some("s"), Status::NotApplicable, None)
        .build();
    let a = run(&cat, &ws);
    // Implemented ranks above supplier; supplier above partial; the own entry above all.
    assert_eq!(
        state(&cat, &a, Some(0), "m.1").source,
        Source::Implementation(0)
    );
    assert_eq!(state(&cat, &a, Some(0), "m.c2").source, Source::Supplier(0));
    let st = state(&cat, &a, Some(0), "m.c3");
    assert_eq!(
        (st.status, st.source),
        (Status::NotApplicable, Source::Own(0))
    );
    assert!(reasons(&a, Object::System(0)).contains(&Reason::NotApplicable));
}

#[test]
fn rule15_an_overdue_implementation_makes_what_it_covers_overdue() {
    let cat = base();
    let ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("a", &[("t.a", None)])
        .system("b", &[("t.a", None)])
        .implementation(
            "late",
            &["m.c2", "m.c3"],
            Covers::All,
            Status::InProgress,
            Some("2026-11-01"),
        )
        .status("m.c3", Some("b"), Status::Implemented, None)
        .build();
    let a = run(&cat, &ws);
    assert!(state(&cat, &a, Some(0), "m.c2").overdue);
    assert!(state(&cat, &a, Some(0), "m.c3").overdue);
    // b's own entry puts m.c3 in place there: not overdue; m.c2 still is.
    assert!(!state(&cat, &a, Some(1), "m.c3").overdue);
    assert!(state(&cat, &a, Some(1), "m.c2").overdue);
    let item = a
        .risk
        .iter()
        .find(|r| r.object == Object::System(1))
        .unwrap();
    assert!(item.reasons.contains(&Reason::Overdue));
    assert_eq!(item.measures, vec![cat.measure("m.c2").unwrap()]);
}

#[test]
fn rule10_recurring_work_past_its_next_due_date_is_overdue_and_not_in_place() {
    let cat = base();
    let mut ws = WsBuilder::new(&cat)
        .adopt("t.a")
        .system("s", &[("t.a", Some(&["x.lav"]))])
        .status("m.1", Some("s"), Status::Implemented, Some("2026-11-01"))
        .implementation(
            "review",
            &["o.1"],
            Covers::Org,
            Status::Implemented,
            Some("2026-10-01"),
        )
        .build();
    // Not recurring: implemented is in place, whatever the old due date.
    let a = run(&cat, &ws);
    assert!(reasons(&a, Object::System(0)).is_empty());
    assert!(reasons(&a, Object::Org).is_empty());
    // Recurring: the next review was due on 1 November and 1 October; both lapsed.
    ws.statuses[0].recurs = Some(3);
    ws.sources.implementations[0].recurs = Some(12);
    let a = run(&cat, &ws);
    let st = state(&cat, &a, Some(0), "m.1");
    assert_eq!((st.status, st.overdue), (Status::Implemented, true));
    assert_eq!(reasons(&a, Object::System(0)), vec![Reason::Overdue]);
    assert_eq!(reasons(&a, Object::Org), vec![Reason::Overdue]);
    // Lapsed work keeps its status word but is not in place for coverage: the pair, the
    // report's coverage and the national contribution agree.
    assert!(!st.is_in_place());
    assert!(!state(&cat, &a, None, "o.1").is_in_place());
    let covered = |ws: &Workspace, a: &Assessment| {
        let r = crate::report::AssessReport::new(&cat, ws, a, date(TODAY));
        let c = crate::national::contribution(&cat, ws, a);
        let national: u32 = c.measures.values().map(|p| p.in_place).sum();
        (r.summary.coverage.in_place, national as usize)
    };
    assert_eq!(covered(&ws, &a), (0, 0));
    // Recording it done moves the next due date on: no longer overdue.
    ws.statuses[0].due = Some(crate::recur::next_due(date(TODAY), 3));
    ws.sources.implementations[0].due = Some(date("2027-10-01"));
    let a = run(&cat, &ws);
    assert!(!state(&cat, &a, Some(0), "m.1").overdue);
    assert!(state(&cat, &a, Some(0), "m.1").is_in_place());
    assert_eq!(covered(&ws, &a), (2, 2));
    assert!(reasons(&a, Object::System(0)).is_empty());
    assert!(reasons(&a, Object::Org).is_empty());
    // Not applicable is never overdue, recurring or not.
    ws.statuses[0].status = Status::NotApplicable;
    ws.statuses[0].due = Some(date("2026-01-01"));
    assert!(!ws.statuses[0].is_overdue(date(TODAY)));
}
