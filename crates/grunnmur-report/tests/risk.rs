//! The risk-assessment report from the example municipality: a pre-filled assessment of a
//! flagged system with two risks, in every format; the text is there, the matrix positions are
//! the engine's, and a stored snapshot renders the same.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::*;
use grunnmur_core::risk::*;
use grunnmur_i18n::{Lang, translations};
use grunnmur_report::doc::{Cell, Doc};
use grunnmur_report::{Format, ReportInput, build, render_doc};
use std::io::Cursor;

struct Fixture {
    body: grunnmur_catalog::BodyDoc,
    report: grunnmur_core::report::AssessReport,
    ra: RiskAssessment,
}

fn fixture() -> Fixture {
    let body = body("kommune.yaml");
    let cat = &catalog().catalog;
    let (_, ws) =
        grunnmur_catalog::resolve_body_with("test", body.clone(), cat, declarations()).unwrap();
    let a = grunnmur_core::assess(cat, &ws, today());
    let report = grunnmur_core::report::AssessReport::new(cat, &ws, &a, today());
    let flagged = report
        .risk_assessment_needed
        .iter()
        .find(|r| r.object.starts_with("system:"))
        .expect("a flagged system")
        .object
        .clone();
    let mut ra = RiskAssessment::prefill(
        cat,
        &ws,
        &a,
        ObjectRef::parse(&flagged).unwrap(),
        Preset::FiveByFive,
    )
    .unwrap();
    ra.title = "Fagsystem 2026".into();
    let measure = cat.measures[0].id.clone();
    ra.risks = vec![
        Risk {
            id: "R1".into(),
            title: "Phishing gir innbrudd".into(),
            area: ra.areas.first().map(|a| a.id.clone()),
            threat: "Kriminelle".into(),
            vulnerability: "Uten tofaktor".into(),
            info_types: vec![],
            dimensions: vec![grunnmur_core::Dimension::C],
            analysis: Some(Analysis {
                likelihood: 4,
                consequence: 4,
                knowledge: Knowledge::Medium,
                rationale: "Hendelser hos andre".into(),
            }),
            treatment: Some(Treatment {
                decision: Decision::Reduce,
                measures: vec![
                    MeasureRef::Bank(measure),
                    MeasureRef::Own("Opplæring".into()),
                ],
                residual: Some(Position {
                    likelihood: 2,
                    consequence: 4,
                }),
                justification: String::new(),
                owner: Some("IT-sjef".into()),
                due: grunnmur_core::Date::parse("2026-12-31"),
            }),
        },
        Risk {
            id: "R2".into(),
            title: "Strømbrudd".into(),
            area: None,
            threat: "Uvær".into(),
            vulnerability: "Ingen reservestrøm".into(),
            info_types: vec![],
            dimensions: vec![grunnmur_core::Dimension::A],
            analysis: Some(Analysis {
                likelihood: 2,
                consequence: 2,
                knowledge: Knowledge::High,
                rationale: String::new(),
            }),
            treatment: None,
        },
    ];
    ra.accept(
        cat,
        &ws,
        "Kommunedirektør Kari Nordmann",
        today(),
        "a@example.no",
        "",
    )
    .unwrap();
    Fixture { body, report, ra }
}

fn doc(f: &Fixture, lang: Lang) -> Doc {
    let input = ReportInput {
        report: &f.report,
        catalog: &catalog().doc,
        body: &f.body,
        risks: &[],
        declarations: &[],
        lang,
    };
    build::risk_assessment(&input, &f.ra)
}

#[test]
fn the_report_places_each_risk_where_the_engine_evaluated_it() {
    let f = fixture();
    let d = doc(&f, Lang::Nb);
    let ev = f.ra.evaluate();
    let treatment = d
        .sections
        .iter()
        .find(|s| s.heading == "Analyse, evaluering og behandling")
        .unwrap()
        .table
        .as_ref()
        .unwrap();
    assert_eq!(treatment.rows.len(), f.ra.risks.len());
    assert_eq!(treatment.rows[0][1], Cell::Text("4 × 4".into()));
    assert_eq!(
        treatment.rows[0][2],
        Cell::Text("Uakseptabel".into()),
        "{:?}",
        ev[0].zone
    );
    assert_eq!(treatment.rows[0][7], Cell::Text("2 × 4".into()));
    assert_eq!(treatment.rows[0][8], Cell::Text("Vurder tiltak".into()));
    assert_eq!(
        treatment.rows[1][7],
        Cell::Text("2 × 2".into()),
        "untreated stays as analysed"
    );

    // The pictures: R1 at 4×4 before and 2×4 after; R2 at 2×2 in both.
    let pictures = d
        .sections
        .iter()
        .find(|s| s.heading == "Risikobilde")
        .unwrap();
    let cell = |chart: usize, l: usize, c: usize| {
        pictures.charts[chart].matrix.as_ref().unwrap().cells[l - 1][c - 1]
            .text
            .clone()
    };
    assert_eq!(cell(0, 4, 4), "R1");
    assert_eq!(cell(0, 2, 2), "R2");
    assert_eq!(cell(1, 4, 4), "");
    assert_eq!(cell(1, 2, 4), "R1");
    assert_eq!(cell(1, 2, 2), "R2");
    assert!(
        pictures.charts[1].alt.contains("R1"),
        "{}",
        pictures.charts[1].alt
    );
    // Colours are the zones of the acceptance criteria.
    let m = pictures.charts[0].matrix.as_ref().unwrap();
    assert_eq!(m.cells[4][4].color, build::ZONE_COLORS[2]);
    assert_eq!(m.cells[0][0].color, build::ZONE_COLORS[0]);
    // Areas of concern are the engine's reasons, by name.
    let areas = d
        .sections
        .iter()
        .find(|s| s.heading == "Bekymringsområder")
        .unwrap();
    assert_eq!(areas.table.as_ref().unwrap().rows.len(), f.ra.areas.len());
}

/// Asserts that every needle is in the document as HTML and in the text of its PDF.
fn assert_rendered(d: &Doc, html_needles: &[&str], pdf_needles: &[&str]) -> String {
    let html = String::from_utf8(render_doc(d, Format::Html).unwrap()).unwrap();
    for needle in html_needles {
        assert!(html.contains(needle), "{needle} not in HTML");
    }
    let pdf = render_doc(d, Format::Pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in pdf_needles {
        assert!(flat.contains(needle), "{needle} not in PDF text");
    }
    html
}

#[test]
fn every_format_has_the_text_and_a_snapshot_renders_the_same() {
    let f = fixture();
    let d = doc(&f, Lang::Nb);
    let html = assert_rendered(
        &d,
        &[
            "Risikovurdering: Fagsystem 2026",
            "Phishing gir innbrudd",
            "Kommunedirektør Kari Nordmann",
            "Svært sannsynlig",
            "Risiko etter behandling",
            "role=\"img\"",
        ],
        &[
            "Fagsystem 2026",
            "Akseptkriterier",
            "Phishing gir innbrudd",
            "Uakseptabel",
            "Kommunedirektør Kari Nordmann",
            "Risiko før behandling",
        ],
    );

    let xlsx = render_doc(&d, Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).unwrap();
    let names = wb.sheet_names();
    for s in ["Risikoer", "Behandling", "Risikobilde", "Akseptkriterier"] {
        assert!(names.iter().any(|n| n == s), "{s} in {names:?}");
    }
    let risks = wb.worksheet_range("Risikoer").unwrap();
    assert_eq!(
        risks.get((1, 1)),
        Some(&Data::String("Phishing gir innbrudd".into()))
    );
    let picture = wb.worksheet_range("Risikobilde").unwrap();
    let all: Vec<String> = picture.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        all.iter().any(|c| c == "R1") && all.iter().any(|c| c == "Svært alvorlig"),
        "{all:?}"
    );

    // What is stored for a final report: the document as JSON, rendered again identically.
    let json = serde_json::to_string(&d).unwrap();
    let back: Doc = serde_json::from_str(&json).unwrap();
    assert_eq!(back, d);
    assert_eq!(render_doc(&back, Format::Html).unwrap(), html.into_bytes());
}

/// Issue 17, defect 8: the risk-assessment report's PDF tables, and the status report's top
/// risks, keep their words whole too.
#[test]
fn the_risk_reports_pdf_tables_never_break_inside_a_word() {
    let f = fixture();
    for lang in [Lang::Nb, Lang::En] {
        let mut split = words_split_in_pdf_tables(&doc(&f, lang));
        split.extend(words_split_in_pdf_tables(&status(
            &f,
            &three_assessments(&f),
            lang,
        )));
        assert!(split.is_empty(), "words split across lines: {split:?}");
    }
}

#[test]
fn the_report_in_english() {
    let f = fixture();
    let d = doc(&f, Lang::En);
    let html = String::from_utf8(render_doc(&d, Format::Html).unwrap()).unwrap();
    for needle in [
        "Risk assessment: Fagsystem 2026",
        "Acceptance criteria",
        "Very likely",
        "lang=\"en\"",
    ] {
        assert!(html.contains(needle), "{needle} not in HTML");
    }
}

#[test]
fn every_problem_code_has_a_message_in_both_languages() {
    for code in Code::ALL {
        let key = format!("risk-problem-{code}");
        for lang in [Lang::Nb, Lang::En] {
            assert!(translations().has(lang, &key), "{key} in {lang:?}");
        }
    }
    for size in PRESET_SIZES {
        for step in 1..=size {
            for kind in [ScaleKind::Likelihood, ScaleKind::Consequence] {
                let key = preset_label_key(kind, size, step).unwrap();
                assert!(translations().has(Lang::En, &key), "{key}");
            }
        }
    }
}

fn analysed(id: &str, title: &str, l: u8, c: u8, treatment: Option<Treatment>) -> Risk {
    Risk {
        id: id.into(),
        title: title.into(),
        area: None,
        threat: String::new(),
        vulnerability: String::new(),
        info_types: vec![],
        dimensions: vec![grunnmur_core::Dimension::I],
        analysis: Some(Analysis {
            likelihood: l,
            consequence: c,
            knowledge: Knowledge::Medium,
            rationale: String::new(),
        }),
        treatment,
    }
}

/// The fixture's accepted 5×5 assessment (R1 4×4 reduced to 2×4, R2 2×2 untreated); a 3×3
/// assessment of the body with Y1 at 3×2 (unacceptable there) and an unanalysed Y2; and an open
/// 5×5 assessment with X2 at 3×4 (treat), reduced to 2×2 by a named owner.
fn three_assessments(f: &Fixture) -> Vec<RiskAssessment> {
    let cat = &catalog().catalog;
    let mut b = RiskAssessment {
        title: "Hele kommunen".into(),
        frame: Frame::preset(cat, ObjectRef::Org, Preset::ThreeByThree),
        areas: vec![],
        risks: vec![analysed("Y1", "Løsepengevirus", 3, 2, None)],
        acceptance: None,
    };
    let mut y2 = analysed("Y2", "Ikke vurdert ennå", 1, 1, None);
    y2.analysis = None;
    b.risks.push(y2);
    let mut c = f.ra.clone();
    c.title = "Fagsystem 2027".into();
    c.acceptance = None;
    c.risks = vec![analysed(
        "X2",
        "Feil i integrasjon",
        3,
        4,
        Some(Treatment {
            decision: Decision::Reduce,
            measures: vec![MeasureRef::Own("Kontroll av data".into())],
            residual: Some(Position {
                likelihood: 2,
                consequence: 2,
            }),
            justification: String::new(),
            owner: Some("Personvernombud".into()),
            due: None,
        }),
    )];
    vec![f.ra.clone(), b, c]
}

fn status(f: &Fixture, risks: &[RiskAssessment], lang: Lang) -> Doc {
    let input = ReportInput {
        report: &f.report,
        catalog: &catalog().doc,
        body: &f.body,
        risks,
        declarations: &[],
        lang,
    };
    build::build(grunnmur_report::ReportKind::Status, &input)
}

fn texts(row: &[Cell]) -> Vec<String> {
    row.iter()
        .map(|c| match c {
            Cell::Text(s) => s.clone(),
            Cell::Empty => String::new(),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn the_status_report_lists_the_top_risks_by_zone_then_score() {
    let f = fixture();
    let risks = three_assessments(&f);
    let d = status(&f, &risks, Lang::Nb);
    let sec = d.sections.iter().find(|s| s.key == "top-risks").unwrap();
    assert_eq!(sec.heading, "De høyeste risikoene");
    let rows: Vec<Vec<String>> = sec
        .table
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .map(|r| texts(r))
        .collect();
    // Y1 (unacceptable, 3 × 2 = 6) comes before X2 (treat, 3 × 4 = 12): zone first, then score.
    let titles: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Phishing gir innbrudd",
            "Løsepengevirus",
            "Feil i integrasjon",
            "Strømbrudd"
        ]
    );
    let accepted = format!(
        "Restrisiko akseptert av Kommunedirektør Kari Nordmann {}",
        today()
    );
    assert!(rows[0][0].starts_with("System: "), "{}", rows[0][0]);
    assert_eq!(
        rows[0][2..],
        [
            "4 × 4",
            "Uakseptabel",
            "Redusere",
            "2 × 4",
            "Vurder tiltak",
            "IT-sjef",
            accepted.as_str()
        ]
    );
    assert_eq!(rows[1][0], "Virksomheten");
    assert_eq!(rows[1][2..4], ["3 × 2", "Uakseptabel"]);
    assert_eq!(rows[1][4], "", "no decision yet");
    assert_eq!(rows[1][8], "Ikke akseptert");
    assert_eq!(
        rows[2][2..8],
        [
            "3 × 4",
            "Vurder tiltak",
            "Redusere",
            "2 × 2",
            "Akseptabel",
            "Personvernombud"
        ]
    );
    assert_eq!(rows[3][2..4], ["2 × 2", "Akseptabel"]);
    assert_eq!(
        sec.paragraphs,
        [
            "De 4 høyeste av 4 analyserte risikoer i 3 risikovurderinger, ordnet etter sone før behandling og så etter sannsynlighet × konsekvens."
        ]
    );

    // The pictures: one pair per matrix in use, counting the risks in each cell.
    assert_eq!(sec.charts.len(), 4, "5 × 5 and 3 × 3, before and after");
    let cell = |chart: usize, l: usize, c: usize| {
        let m = sec.charts[chart].matrix.as_ref().unwrap();
        (
            m.cells[l - 1][c - 1].text.clone(),
            m.cells[l - 1][c - 1].color,
        )
    };
    assert_eq!(
        sec.charts[0].title,
        "Antall risikoer per celle før behandling (matrise 5 × 5)"
    );
    assert_eq!(cell(0, 4, 4), ("1".into(), build::ZONE_COLORS[2]));
    assert_eq!(cell(0, 3, 4), ("1".into(), build::ZONE_COLORS[1]));
    assert_eq!(cell(0, 2, 2).0, "1");
    assert_eq!(cell(0, 1, 1).0, "", "an empty cell has no number");
    assert_eq!(
        cell(1, 2, 2).0,
        "2",
        "R2 as analysed and X2 after treatment"
    );
    assert_eq!(cell(1, 2, 4).0, "1");
    assert_eq!(sec.charts[2].matrix.as_ref().unwrap().cells.len(), 3);
    assert_eq!(cell(2, 3, 2), ("1".into(), build::ZONE_COLORS[2]));
    assert!(sec.charts[0].alt.contains(": 1"), "{}", sec.charts[0].alt);

    // The text is in the rendered report.
    assert_rendered(
        &d,
        &["De høyeste risikoene", "Løsepengevirus", "Personvernombud"],
        &[
            "De høyeste risikoene",
            "Løsepengevirus",
            "før behandling (matrise 3 × 3)",
        ],
    );
    let en = status(&f, &risks, Lang::En);
    let sec = en.sections.iter().find(|s| s.key == "top-risks").unwrap();
    assert_eq!(sec.heading, "The highest risks");
    assert!(sec.paragraphs[0].starts_with("The 4 highest of 4 analysed risks in 3"));
}

#[test]
fn the_top_risks_are_the_ten_highest_and_none_without_assessments() {
    let f = fixture();
    let mut ra = f.ra.clone();
    ra.risks = (1..=12u8)
        .map(|n| {
            analysed(
                &format!("T{n}"),
                &format!("Risiko {n}"),
                1 + n % 5,
                1 + n / 3 % 5,
                None,
            )
        })
        .collect();
    let d = status(&f, std::slice::from_ref(&ra), Lang::Nb);
    let sec = d.sections.iter().find(|s| s.key == "top-risks").unwrap();
    let rows = &sec.table.as_ref().unwrap().rows;
    assert_eq!(rows.len(), build::TOP_RISKS);
    assert!(sec.paragraphs[0].starts_with("De 10 høyeste av 12 analyserte"));
    // Sorted: zones never rise down the list, and within a zone scores never rise.
    let ev = ra.evaluate();
    let key = |title: &str| {
        let n = ra.risks.iter().position(|r| r.title == title).unwrap();
        (ev[n].zone, ev[n].before.unwrap().score())
    };
    let keys: Vec<_> = rows.iter().map(|r| key(&texts(r)[1])).collect();
    assert!(keys.windows(2).all(|w| w[0] >= w[1]), "{keys:?}");
    // The two left out are the lowest.
    let mut all: Vec<_> = ra.risks.iter().map(|r| key(&r.title)).collect();
    all.sort();
    assert!(all[..2].iter().all(|k| k <= keys.last().unwrap()));

    let d = status(&f, &[], Lang::Nb);
    let sec = d.sections.iter().find(|s| s.key == "top-risks").unwrap();
    assert!(sec.table.as_ref().unwrap().rows.is_empty());
    assert!(sec.charts.is_empty());
    assert_eq!(
        sec.paragraphs,
        ["Rapporten omfatter ingen risikovurderinger."]
    );
}
