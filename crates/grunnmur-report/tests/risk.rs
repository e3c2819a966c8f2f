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
    let (_, ws) = grunnmur_catalog::resolve_body("test", body.clone(), cat).unwrap();
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

#[test]
fn every_format_has_the_text_and_a_snapshot_renders_the_same() {
    let f = fixture();
    let d = doc(&f, Lang::Nb);
    let html = String::from_utf8(render_doc(&d, Format::Html).unwrap()).unwrap();
    for needle in [
        "Risikovurdering: Fagsystem 2026",
        "Phishing gir innbrudd",
        "Kommunedirektør Kari Nordmann",
        "Svært sannsynlig",
        "Risiko etter behandling",
        "role=\"img\"",
    ] {
        assert!(html.contains(needle), "{needle} not in HTML");
    }

    let pdf = render_doc(&d, Format::Pdf).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Fagsystem 2026",
        "Akseptkriterier",
        "Phishing gir innbrudd",
        "Uakseptabel",
        "Kommunedirektør Kari Nordmann",
        "Risiko før behandling",
    ] {
        assert!(flat.contains(needle), "{needle} not in PDF text");
    }

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
