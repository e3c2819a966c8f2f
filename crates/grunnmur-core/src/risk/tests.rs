use super::*;
use crate::testkit::{CatBuilder, WsBuilder, date};
use crate::workspace::Status;
use proptest::prelude::*;

const A: Zone = Zone::Acceptable;
const T: Zone = Zone::Treat;
const U: Zone = Zone::Unacceptable;

fn pos(likelihood: u8, consequence: u8) -> Position {
    Position {
        likelihood,
        consequence,
    }
}

#[test]
fn the_3x3_preset_is_the_hand_worked_matrix() {
    // Rows: likelihood 1 (least likely) to 3; columns: consequence 1 (mildest) to 3.
    let expected = vec![vec![A, A, T], vec![A, T, U], vec![T, U, U]];
    let m = Matrix::preset(Preset::ThreeByThree);
    assert_eq!(m.cells, expected);
    assert_eq!(m.zone(pos(1, 1)), Some(A));
    assert_eq!(
        m.zone(pos(1, 3)),
        Some(T),
        "rare but severe needs treatment"
    );
    assert_eq!(
        m.zone(pos(3, 1)),
        Some(T),
        "frequent but mild needs treatment"
    );
    assert_eq!(m.zone(pos(2, 2)), Some(T));
    assert_eq!(m.zone(pos(2, 3)), Some(U));
    assert_eq!(m.zone(pos(3, 3)), Some(U));
    assert_eq!(m.zone(pos(0, 1)), None);
    assert_eq!(m.zone(pos(4, 1)), None);
    assert_eq!(m.zone(pos(1, 4)), None);
}

#[test]
fn the_5x5_preset_is_the_hand_worked_matrix() {
    let expected = vec![
        vec![A, A, A, A, T],
        vec![A, A, T, T, T],
        vec![A, T, T, T, U],
        vec![A, T, T, U, U],
        vec![T, T, U, U, U],
    ];
    let m = Matrix::preset(Preset::FiveByFive);
    assert_eq!(m.cells, expected);
    assert_eq!(
        m.zone(pos(4, 3)),
        Some(T),
        "score 12 is the last to need treatment"
    );
    assert_eq!(
        m.zone(pos(3, 5)),
        Some(U),
        "score 15 is the first unacceptable"
    );
    assert_eq!(m.zone(pos(2, 2)), Some(A), "score 4 is the last acceptable");
    assert_eq!(m.zone(pos(5, 1)), Some(T));
    assert_eq!(m.zone(pos(5, 6)), None);
}

#[test]
fn levels_fall_on_the_consequence_scale_evenly() {
    let steps = |n| Level::ALL.map(|l| level_step(l, n));
    assert_eq!(steps(3), [1, 2, 3]);
    assert_eq!(steps(5), [1, 3, 5]);
    assert_eq!(steps(4), [1, 3, 4]);
    assert_eq!(steps(2), [1, 2, 2]);
    assert_eq!(steps(7), [1, 4, 7]);
}

#[test]
fn object_refs_round_trip_and_refuse_nonsense() {
    for s in ["org", "task:a", "tasks:a,b", "system:s.x"] {
        assert_eq!(ObjectRef::parse(s).unwrap().to_string(), s);
    }
    for s in [
        "",
        "task:",
        "tasks:",
        "tasks:a,,b",
        "system",
        "body",
        "system: ",
    ] {
        assert_eq!(ObjectRef::parse(s), None, "{s:?}");
    }
    let json = serde_json::to_string(&ObjectRef::Tasks(vec!["a".into(), "b".into()])).unwrap();
    assert_eq!(json, "\"tasks:a,b\"");
    assert!(serde_json::from_str::<ObjectRef>("\"nope\"").is_err());
}

fn catalog() -> Catalog {
    CatBuilder::default()
        .info("helse", "hmm")
        .info("navn", "lll")
        .info("adresse", "mml")
        .task("omsorg", &["helse", "navn"])
        .task("post", &["adresse"])
        .measure("m.logg", 1, "c")
        .measure("m.backup", 2, "a")
        .measure("m.krypt", 3, "c")
        .build()
        .with_consequence_scale(vec![crate::catalog::ConsequenceArea {
            id: "personvern".into(),
            name: Text::nb("Personvern"),
            levels: [Text::nb("lite"), Text::nb("noe"), Text::nb("mye")],
        }])
}

fn workspace(cat: &Catalog) -> Workspace {
    WsBuilder::new(cat)
        .adopt("omsorg")
        .adopt("post")
        .adapt("post", "adresse", "c=l")
        .system("journal", &[("omsorg", None)])
        .system("arkiv", &[("post", None)])
        .status("m.krypt", Some("journal"), Status::NotApplicable, None)
        .status(
            "m.logg",
            Some("journal"),
            Status::InProgress,
            Some("2020-01-01"),
        )
        .build()
}

fn prefilled(object: &str, p: Preset) -> (Catalog, Workspace, RiskAssessment) {
    let cat = catalog();
    let ws = workspace(&cat);
    let a = crate::assess(&cat, &ws, date("2026-06-01"));
    let ra = RiskAssessment::prefill(&cat, &ws, &a, ObjectRef::parse(object).unwrap(), p).unwrap();
    (cat, ws, ra)
}

#[test]
fn prefill_takes_the_engines_reasons_and_suggests_consequences() {
    let cat = catalog();
    let ws = workspace(&cat);
    let a = crate::assess(&cat, &ws, date("2026-06-01"));
    let item = a
        .risk
        .iter()
        .find(|i| i.object == Object::System(0))
        .expect("journal is on the risk list");
    let (_, _, ra) = prefilled("system:journal", Preset::FiveByFive);
    let reasons: Vec<Reason> = ra.areas.iter().filter_map(|x| x.reason).collect();
    assert_eq!(
        reasons, item.reasons,
        "one area per reason, in the engine's order"
    );
    assert!(
        ra.areas
            .iter()
            .all(|x| x.object.as_deref() == Some("system:journal"))
    );
    let high = ra
        .areas
        .iter()
        .find(|x| x.reason == Some(Reason::HighLevel))
        .unwrap();
    assert_eq!(
        high.dimensions,
        vec![Dimension::C],
        "journal is høy in c only"
    );
    let na = ra
        .areas
        .iter()
        .find(|x| x.reason == Some(Reason::NotApplicable))
        .unwrap();
    assert_eq!(na.measures, vec!["m.krypt"]);
    let od = ra
        .areas
        .iter()
        .find(|x| x.reason == Some(Reason::Overdue))
        .unwrap();
    assert_eq!(od.measures, vec!["m.logg"]);
    // Journal: c høy, i middels, a middels → 5, 3, 3 on a five-step scale.
    let levels = a.systems[0].levels;
    assert_eq!(ra.frame.object_levels, Some(levels));
    assert_eq!(
        ra.frame.suggested_consequence,
        Some(Steps {
            c: level_step(levels.c, 5),
            i: level_step(levels.i, 5),
            a: level_step(levels.a, 5)
        })
    );
    assert_eq!(
        ra.frame.suggested_consequence,
        Some(Steps { c: 5, i: 3, a: 3 })
    );
    assert_eq!(
        ra.suggest_consequence(&[Dimension::I, Dimension::C]),
        Some(5)
    );
    assert_eq!(ra.suggest_consequence(&[Dimension::A]), Some(3));
    // The catalog's criteria sit where its levels fall: steps 1, 3 and 5.
    let crit: Vec<usize> = ra
        .frame
        .consequence
        .steps
        .iter()
        .map(|s| s.criteria.len())
        .collect();
    assert_eq!(crit, vec![1, 0, 1, 0, 1]);
    assert_eq!(ra.frame.consequence.steps[4].criteria[0].text.nb, "mye");
    assert!(ra.check(&cat, &ws).is_empty(), "{:?}", ra.check(&cat, &ws));
}

#[test]
fn prefill_of_a_task_group_takes_the_highest_levels_and_every_tasks_reasons() {
    let (cat, ws, ra) = prefilled("tasks:omsorg,post", Preset::ThreeByThree);
    let objects: Vec<&str> = ra
        .areas
        .iter()
        .filter_map(|x| x.object.as_deref())
        .collect();
    assert!(
        objects.contains(&"task:omsorg") && objects.contains(&"task:post"),
        "{objects:?}"
    );
    let lowered = ra
        .areas
        .iter()
        .find(|x| x.reason == Some(Reason::LoweredLevel))
        .unwrap();
    assert_eq!(lowered.object.as_deref(), Some("task:post"));
    assert_eq!(lowered.dimensions, vec![Dimension::C]);
    // omsorg: h m m; post (adapted): l m l → max h m m.
    assert_eq!(
        ra.frame.suggested_consequence,
        Some(Steps { c: 3, i: 2, a: 2 })
    );
    assert!(ra.check(&cat, &ws).is_empty());
    let a = crate::assess(&cat, &ws, date("2026-06-01"));
    let err = RiskAssessment::prefill(
        &cat,
        &ws,
        &a,
        ObjectRef::System("nope".into()),
        Preset::FiveByFive,
    )
    .unwrap_err();
    assert_eq!(
        (err.path.as_str(), err.code),
        ("object", Code::UnknownObject)
    );
}

fn risk(id: &str, l: u8, c: u8) -> Risk {
    Risk {
        id: id.into(),
        title: format!("Risiko {id}"),
        area: None,
        threat: "Innbrudd".into(),
        vulnerability: "Svake passord".into(),
        info_types: vec!["helse".into()],
        dimensions: vec![Dimension::C],
        analysis: Some(Analysis {
            likelihood: l,
            consequence: c,
            knowledge: Knowledge::Medium,
            rationale: String::new(),
        }),
        treatment: None,
    }
}

fn treat(
    decision: Decision,
    residual: Option<(u8, u8)>,
    measures: &[&str],
    why: &str,
) -> Option<Treatment> {
    Some(Treatment {
        decision,
        measures: measures
            .iter()
            .map(|m| MeasureRef::Bank(m.to_string()))
            .collect(),
        residual: residual.map(|(l, c)| pos(l, c)),
        justification: why.into(),
        owner: None,
        due: None,
    })
}

fn paths(ps: &[Problem]) -> Vec<(String, &'static str)> {
    ps.iter()
        .map(|p| (p.path.clone(), p.code.as_str()))
        .collect()
}

#[test]
fn check_lists_every_problem_with_its_field() {
    let (cat, ws, mut ra) = prefilled("system:journal", Preset::FiveByFive);
    let mut r1 = risk("R1", 6, 2);
    r1.info_types.push("finnes-ikke".into());
    r1.dimensions = vec![Dimension::C, Dimension::C];
    r1.area = Some("A99".into());
    let mut r2 = risk("R1", 2, 2);
    r2.title = " ".into();
    r2.treatment = treat(Decision::Reduce, Some((3, 1)), &["m.ukjent"], "");
    ra.risks = vec![r1, r2];
    ra.frame.acceptance.cells[0][1] = U;
    let got = paths(&ra.check(&cat, &ws));
    let want: Vec<(String, &str)> = [
        ("frame.acceptance.cells[0][2]", "matrix-not-monotone"),
        ("frame.acceptance.cells[1][1]", "matrix-not-monotone"),
        ("risks[0].area", "unknown-area"),
        ("risks[0].info_types[1]", "unknown-info-type"),
        ("risks[0].dimensions[1]", "duplicate-dimension"),
        ("risks[0].analysis.likelihood", "out-of-scale"),
        ("risks[1].id", "duplicate-id"),
        ("risks[1].title", "empty"),
        ("risks[1].treatment.measures[0].bank", "unknown-measure"),
        ("risks[1].treatment.residual", "residual-worse"),
    ]
    .iter()
    .map(|(p, c)| (p.to_string(), *c))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn a_problem_names_the_risk_it_is_in_and_the_field_within() {
    let (cat, ws, mut ra) = prefilled("system:journal", Preset::FiveByFive);
    let mut r2 = risk("R2", 6, 2);
    r2.title = String::new();
    ra.risks = vec![risk("R1", 2, 2), r2];
    ra.frame.acceptance.cells[0][1] = U;
    let ps = ra.check(&cat, &ws);
    let inside: Vec<Option<(usize, &str)>> = ps.iter().map(Problem::in_risk).collect();
    assert_eq!(
        inside,
        [
            None,
            None,
            Some((1, "title")),
            Some((1, "analysis.likelihood"))
        ]
    );
    let p = |path: &str| Problem::new(path, Code::Empty);
    assert_eq!(p("risks[3]").in_risk(), Some((3, "")));
    assert_eq!(p("risks").in_risk(), None);
    assert_eq!(p("risks[x].title").in_risk(), None);
    assert_eq!(p("risks[1]title").in_risk(), None);
}

#[test]
fn new_risk_ids_stay_unique_after_a_removal() {
    let (_, _, mut ra) = prefilled("org", Preset::ThreeByThree);
    assert_eq!(ra.next_risk_id(), "r1");
    ra.risks = vec![risk("r1", 1, 1), risk("r2", 1, 1), risk("r3", 1, 1)];
    assert_eq!(ra.next_risk_id(), "r4");
    ra.risks.remove(0);
    assert_eq!(ra.next_risk_id(), "r4", "r3 is still taken");
    assert_eq!(ra.risk_index("r3"), Some(1));
    assert_eq!(ra.risk_index("r1"), None);
    assert_eq!(pos(3, 4).score(), 12);
}

#[test]
fn check_refuses_odd_scales_and_shapes() {
    let (cat, ws, mut ra) = prefilled("org", Preset::ThreeByThree);
    // Four steps have no preset names: each needs a label; the matrix must grow too.
    ra.frame.likelihood.steps.push(Step::default());
    let got = paths(&ra.check(&cat, &ws));
    assert!(
        got.contains(&("frame.likelihood.steps[0].label".into(), "label-missing")),
        "{got:?}"
    );
    assert!(got.contains(&("frame.likelihood.steps[3].label".into(), "label-missing")));
    assert!(got.contains(&("frame.acceptance.cells".into(), "matrix-shape")));
    for (k, s) in ra.frame.likelihood.steps.iter_mut().enumerate() {
        s.label = Some(Text::nb(format!("Trinn {k}")));
    }
    ra.frame.acceptance.cells.push(vec![U, U, U]);
    assert!(ra.check(&cat, &ws).is_empty(), "{:?}", ra.check(&cat, &ws));
    ra.frame.consequence.steps.truncate(1);
    let got = paths(&ra.check(&cat, &ws));
    assert!(
        got.contains(&("frame.consequence.steps".into(), "scale-size")),
        "{got:?}"
    );
    ra.frame.object = ObjectRef::System("borte".into());
    assert!(paths(&ra.check(&cat, &ws)).contains(&("frame.object".into(), "unknown-object")));
}

#[test]
fn acceptance_needs_a_complete_and_tolerable_assessment() {
    let (cat, ws, mut ra) = prefilled("system:journal", Preset::FiveByFive);
    assert_eq!(
        paths(&ra.acceptance_problems(&cat, &ws)),
        [("risks".into(), "no-risks")]
    );
    let mut unanalysed = risk("R0", 1, 1);
    unanalysed.analysis = None;
    ra.risks = vec![
        unanalysed,
        risk("R1", 1, 1), // acceptable, untreated: fine
        risk("R2", 3, 3), // treat, no decision
        risk("R3", 5, 5), // unacceptable, accepted
        risk("R4", 4, 4), // unacceptable, reduced without measures/residual
        risk("R5", 3, 2), // treat, accepted without justification
        risk("R6", 5, 4), // unacceptable, reduced but still unacceptable
    ];
    ra.risks[3].treatment = treat(Decision::Accept, None, &[], "billig");
    ra.risks[4].treatment = treat(Decision::Reduce, None, &[], "");
    ra.risks[5].treatment = treat(Decision::Accept, None, &[], "");
    ra.risks[6].treatment = treat(Decision::Reduce, Some((4, 4)), &["m.logg"], "");
    let got = paths(&ra.acceptance_problems(&cat, &ws));
    let want: Vec<(String, &str)> = [
        ("risks[0].analysis", "not-analysed"),
        ("risks[2].treatment", "no-decision"),
        ("risks[3].treatment.decision", "accept-unacceptable"),
        ("risks[4].treatment.residual", "residual-missing"),
        ("risks[4].treatment.measures", "no-measures"),
        ("risks[5].treatment.justification", "justification-missing"),
        ("risks[6].treatment.residual", "residual-unacceptable"),
    ]
    .iter()
    .map(|(p, c)| (p.to_string(), *c))
    .collect();
    assert_eq!(got, want);
    let today = date("2026-06-01");
    assert!(
        ra.accept(&cat, &ws, "Rådmann", today, "a@example.no", "")
            .is_err()
    );
    assert_eq!(ra.acceptance, None, "a refused acceptance records nothing");

    // Put right: every risk analysed and treated to a tolerable residual.
    ra.risks.remove(0);
    ra.risks[1].treatment = treat(Decision::Reduce, Some((2, 2)), &["m.backup"], "");
    ra.risks[2].treatment = treat(Decision::Avoid, None, &[], "");
    ra.risks[3].treatment = treat(Decision::Share, Some((2, 4)), &[], "Forsikring");
    ra.risks[4].treatment = treat(Decision::Accept, None, &[], "Kostnaden er for høy");
    ra.risks[5].treatment = treat(Decision::Reduce, Some((2, 4)), &["m.logg"], "");
    assert_eq!(paths(&ra.acceptance_problems(&cat, &ws)), []);
    assert!(
        paths(
            &ra.clone()
                .accept(&cat, &ws, " ", today, "x", "")
                .unwrap_err()
        )
        .contains(&("owner".into(), "empty"))
    );
    // The owner and the note are texts with limits too.
    let long = "x".repeat(10_001);
    let refused = ra
        .clone()
        .accept(&cat, &ws, &long[..201], today, "x", &long);
    assert_eq!(
        paths(&refused.unwrap_err()),
        [("owner".into(), "too-long"), ("note".into(), "too-long")]
    );
    ra.accept(&cat, &ws, "Rådmann", today, "a@example.no", "Ok")
        .unwrap();
    let acc = ra.acceptance.as_ref().unwrap();
    assert_eq!(
        (acc.owner.as_str(), acc.date, acc.recorded_by.as_str()),
        ("Rådmann", today, "a@example.no")
    );

    let ev = ra.evaluate();
    assert_eq!(
        (ev[1].zone, ev[1].residual_zone),
        (Some(T), Some(A)),
        "R2 reduced from 3×3 to 2×2"
    );
    assert_eq!((ev[2].zone, ev[2].after), (Some(U), None), "R3 avoided");
    assert_eq!(
        (ev[4].before, ev[4].after),
        (Some(pos(3, 2)), Some(pos(3, 2))),
        "accepted as is"
    );
}

#[test]
fn the_document_round_trips_as_json() {
    let (_, _, mut ra) = prefilled("system:journal", Preset::FiveByFive);
    ra.risks.push(risk("R1", 2, 3));
    ra.risks[0].treatment = Some(Treatment {
        decision: Decision::Reduce,
        measures: vec![
            MeasureRef::Bank("m.logg".into()),
            MeasureRef::Own("Rutine".into()),
        ],
        residual: Some(pos(1, 3)),
        justification: String::new(),
        owner: Some("IT-sjef".into()),
        due: Some(date("2026-12-31")),
    });
    let json = serde_json::to_value(&ra).unwrap();
    assert_eq!(json["frame"]["object"], "system:journal");
    assert_eq!(
        json["risks"][0]["treatment"]["measures"][0],
        serde_json::json!({"bank": "m.logg"})
    );
    let back: RiskAssessment = serde_json::from_value(json).unwrap();
    assert_eq!(back, ra);
}

/// Every cell at most every cell above and to the right of it: the definition, checked pair
/// by pair.
fn monotone_by_pairs(m: &Matrix) -> bool {
    let nl = m.cells.len();
    let nc = m.cells[0].len();
    for l1 in 0..nl {
        for c1 in 0..nc {
            for l2 in l1..nl {
                for c2 in c1..nc {
                    if m.cells[l1][c1] > m.cells[l2][c2] {
                        return false;
                    }
                }
            }
        }
    }
    true
}

fn zone_strategy() -> impl Strategy<Value = Zone> {
    prop_oneof![Just(A), Just(T), Just(U)]
}

fn frame_of(m: Matrix) -> Frame {
    let (nl, nc) = (m.cells.len(), m.cells[0].len());
    let scale = |n| Scale {
        steps: (0..n)
            .map(|k| Step {
                label: Some(Text::nb(format!("{k}"))),
                ..Step::default()
            })
            .collect(),
    };
    Frame {
        object: ObjectRef::Org,
        scope: String::new(),
        likelihood: scale(nl),
        consequence: scale(nc),
        acceptance: m,
        object_levels: None,
        suggested_consequence: None,
    }
}

proptest! {
    /// The neighbour check accepts exactly the matrices that are monotone pair by pair.
    #[test]
    fn check_accepts_exactly_the_monotone_matrices(
        cells in (2usize..=5, 2usize..=5).prop_flat_map(|(l, c)| {
            proptest::collection::vec(proptest::collection::vec(zone_strategy(), c), l)
        })
    ) {
        let m = Matrix { cells };
        let mut problems = Vec::new();
        m.check(m.cells.len(), m.cells[0].len(), &mut problems);
        prop_assert_eq!(problems.is_empty(), monotone_by_pairs(&m));
    }

    /// Scored matrices are valid, and evaluation never gets milder when likelihood or
    /// consequence rises.
    #[test]
    fn evaluation_is_monotone_in_likelihood_and_consequence(
        nl in 2usize..=MAX_STEPS, nc in 2usize..=MAX_STEPS,
        acc in 0u32..20, extra in 0u32..30,
        l1 in 1u8..=7, c1 in 1u8..=7, dl in 0u8..7, dc in 0u8..7,
    ) {
        let f = frame_of(Matrix::by_score(nl, nc, acc, acc + extra));
        let mut problems = Vec::new();
        f.acceptance.check(nl, nc, &mut problems);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        let (l1, c1) = (l1.min(nl as u8), c1.min(nc as u8));
        let (l2, c2) = ((l1 + dl).min(nl as u8), (c1 + dc).min(nc as u8));
        let lo = f.evaluate(pos(l1, c1)).unwrap();
        let hi = f.evaluate(pos(l2, c2)).unwrap();
        prop_assert!(lo <= hi, "({l1},{c1}) {lo:?} > ({l2},{c2}) {hi:?}");
    }

    /// A residual risk at or below the analysed one is never in a worse zone, for any valid
    /// matrix.
    #[test]
    fn a_valid_residual_is_never_worse(
        cells in proptest::collection::vec(proptest::collection::vec(zone_strategy(), 5), 5),
        l in 1u8..=5, c in 1u8..=5, rl in 1u8..=5, rc in 1u8..=5,
    ) {
        // Any monotone matrix: each cell raised to its neighbours below and to the left.
        let mut cells = cells;
        for l in 0..5 {
            for c in 0..5 {
                if l > 0 { cells[l][c] = cells[l][c].max(cells[l - 1][c]); }
                if c > 0 { cells[l][c] = cells[l][c].max(cells[l][c - 1]); }
            }
        }
        let m = Matrix { cells };
        prop_assert!(monotone_by_pairs(&m));
        let mut ra = RiskAssessment {
            title: "t".into(),
            frame: frame_of(m),
            areas: Vec::new(),
            risks: vec![risk("R1", l, c)],
            acceptance: None,
        };
        ra.risks[0].treatment = treat(Decision::Reduce, Some((rl.min(l), rc.min(c))), &["m.logg"], "");
        let ev = &ra.evaluate()[0];
        prop_assert!(ev.residual_zone <= ev.zone);
    }
}

#[test]
fn texts_longer_than_their_field_are_problems_named_by_field() {
    let (cat, ws, mut ra) = prefilled("system:journal", Preset::FiveByFive);
    assert!(ra.check(&cat, &ws).is_empty());
    ra.title = "t".repeat(201);
    ra.frame.scope = "s".repeat(10_001);
    let mut r = risk("R1", 2, 2);
    r.id = "r".repeat(101);
    r.threat = "ø".repeat(10_000);
    ra.risks = vec![r];
    let got = ra.check(&cat, &ws);
    assert_eq!(
        paths(&got),
        [
            ("title".into(), "too-long"),
            ("frame.scope".into(), "too-long"),
            ("risks[0].id".into(), "too-long"),
        ]
    );
    assert_eq!(
        got[0].args,
        [("chars", "201".to_string()), ("max", "200".to_string())]
    );
}
