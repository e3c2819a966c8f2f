//! Reports from the example municipality: the numbers in every format are the engine's, the
//! HTML is accessible, the workbook reads back, and the PDF is tagged and has the text.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::*;
use grunnmur_core::derive::Reason;
use grunnmur_core::workspace::Status;
use grunnmur_i18n::Lang;
use grunnmur_report::doc::Cell;
use grunnmur_report::{Format, ReportInput, ReportKind, build, render};
use std::io::Cursor;
use std::path::PathBuf;

fn input<'a>(
    report: &'a grunnmur_core::report::AssessReport,
    body: &'a grunnmur_catalog::BodyDoc,
    lang: Lang,
) -> ReportInput<'a> {
    ReportInput {
        report,
        catalog: &catalog().doc,
        body,
        risks: &[],
        declarations: declarations(),
        lang,
    }
}

fn total_required(r: &grunnmur_core::report::AssessReport) -> usize {
    r.summary.required_system_measures + r.summary.required_org_measures
}

#[test]
fn status_model_counts_what_the_engine_required() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let doc = build::build(ReportKind::Status, &input(&r, &body, Lang::Nb));
    // The baseline table: one row per baseline and a total; the counts add up to the engine's.
    let section = |key: &str| doc.sections.iter().find(|s| s.key == key).unwrap();
    let t = section("baseline").table.as_ref().unwrap();
    assert_eq!(t.rows.len(), 4);
    let req = |row: &Vec<Cell>| match row[1] {
        Cell::Int(n) => n as usize,
        ref c => panic!("{c:?}"),
    };
    let sum: usize = t.rows[..3].iter().map(req).sum();
    assert_eq!(sum, total_required(&r));
    assert_eq!(req(&t.rows[3]), total_required(&r));
    // Status columns add up to the required column on every row.
    for row in &t.rows {
        let statuses: i64 = row[2..8]
            .iter()
            .map(|c| match c {
                Cell::Int(n) => *n,
                _ => 0,
            })
            .sum();
        assert_eq!(statuses as usize, req(row));
    }
    // The activity table has the same total.
    let t = section("activity").table.as_ref().unwrap();
    assert_eq!(req(t.rows.last().unwrap()), total_required(&r));
    // Deviations and the risk list are the engine's, in its order.
    assert_eq!(
        section("deviations").table.as_ref().unwrap().rows.len(),
        r.summary.deviations
    );
    let risk = section("risk").table.as_ref().unwrap();
    assert_eq!(risk.rows.len(), r.risk_assessment_needed.len());
    assert!(!risk.rows.is_empty(), "the example has objects on the list");
    // Overdue: the engine's overdue measures, one row each.
    let overdue: usize = r
        .risk_assessment_needed
        .iter()
        .filter(|x| x.reasons.contains(&Reason::Overdue))
        .map(|x| {
            let sys = x.object.strip_prefix("system:");
            x.measures
                .iter()
                .filter(|m| {
                    body.measure_status.iter().any(|s| {
                        s.system.as_deref() == sys
                            && &s.measure == *m
                            && s.status != grunnmur_core::workspace::Status::NotApplicable
                    })
                })
                .count()
        })
        .sum();
    assert!(overdue > 0, "the example has overdue measures");
    let overdue_section = doc.sections.iter().find(|s| s.key == "overdue").unwrap();
    assert_eq!(overdue_section.table.as_ref().unwrap().rows.len(), overdue);
}

#[test]
fn measure_plan_is_sorted_overdue_first_then_by_due_date() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let doc = build::build(ReportKind::MeasurePlan, &input(&r, &body, Lang::Nb));
    let t = doc.sections[0].table.as_ref().unwrap();
    assert!(!t.rows.is_empty());
    let overdue_col = t.columns.len() - 1;
    let due_col = 6;
    let key = |row: &Vec<Cell>| {
        let overdue = row[overdue_col] == Cell::Text("ja".into());
        let due = match &row[due_col] {
            Cell::Date(d) => Some(d.clone()),
            _ => None,
        };
        (!overdue, due.is_none(), due)
    };
    let keys: Vec<_> = t.rows.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(
        keys, sorted,
        "overdue first, then by due date, undated last"
    );
    assert!(!keys[0].0, "the first row is overdue");
    // Priorities are 1..n.
    for (n, row) in t.rows.iter().enumerate() {
        assert_eq!(row[0], Cell::Int(n as i64 + 1));
    }
    // Nothing implemented is on the plan.
    let implemented = grunnmur_i18n::t(Lang::Nb, "report-status-implemented", &[]);
    assert!(
        t.rows
            .iter()
            .all(|r| r[7] != Cell::Text(implemented.clone()))
    );
}

#[test]
fn html_is_accessible_and_has_the_engines_numbers() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let html = String::from_utf8(
        render(
            ReportKind::Status,
            Format::Html,
            &input(&r, &body, Lang::Nb),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"));
    assert!(html.contains("<h1>Statusrapport for informasjonssikkerhet – Eksempel kommune</h1>"));
    assert!(html.contains("<caption>"));
    assert!(html.contains("<th scope=\"col\""));
    assert!(html.contains("<th scope=\"row\""));
    assert!(
        html.contains("role=\"img\""),
        "charts have a role and a text alternative"
    );
    assert!(html.contains("<desc id="));
    assert!(!html.contains("<script"), "no scripts");
    // Key figures, exactly as the engine computed them.
    let figure = |key: &str, v: usize| {
        let label = grunnmur_i18n::t(Lang::Nb, key, &[]);
        format!("<th scope=\"row\">{label}</th><td class=\"num\">{v}</td>")
    };
    for (k, v) in [
        ("report-kv-systems", r.summary.systems),
        (
            "report-kv-required-system",
            r.summary.required_system_measures,
        ),
        ("report-kv-required-org", r.summary.required_org_measures),
        ("report-kv-required-total", total_required(&r)),
        ("report-kv-deviations", r.summary.deviations),
        ("report-kv-risk", r.summary.risk_assessments_needed),
        ("report-kv-tasks", r.tasks.len()),
    ] {
        assert!(html.contains(&figure(k, v)), "{k} = {v} missing");
    }
    assert!(html.contains(&format!(
        "<th scope=\"row\">I alt</th><td class=\"num\">{}</td>",
        total_required(&r)
    )));
    for s in &r.systems {
        let cell = format!(
            "<td>{} ({})</td>",
            grunnmur_report::html::esc(&s.name),
            s.id
        );
        assert!(html.contains(&cell), "system {}", s.id);
    }
    assert!(html.contains(&r.catalog.version), "catalog version");
    assert!(html.contains("2026-11-28"), "date");
}

#[test]
fn english_html_is_english() {
    let body = body("statsetat.yaml");
    let r = report_for(&body);
    let html = String::from_utf8(
        render(
            ReportKind::MeasurePlan,
            Format::Html,
            &input(&r, &body, Lang::En),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Security measure plan"));
    assert!(html.contains("<th scope=\"col\">Owner</th>"));
    assert!(!html.contains("Handlingsplan"));
}

/// A report in nynorsk: its words from the nynorsk files, and the HTML and PDF declare `nn`.
#[test]
fn nynorsk_reports_are_nynorsk_and_say_so() {
    let body = body("statsetat.yaml");
    let r = report_for(&body);
    let html = String::from_utf8(
        render(
            ReportKind::MeasurePlan,
            Format::Html,
            &input(&r, &body, Lang::Nn),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(html.contains("<html lang=\"nn\">"));
    assert!(html.contains("Handlingsplan for tryggingstiltak"), "{html}");
    assert!(html.contains("<th scope=\"col\">Ansvarleg</th>"));
    assert!(!html.contains("Handlingsplan for sikkerhetstiltak"));
    let bytes = render(ReportKind::Status, Format::Pdf, &input(&r, &body, Lang::Nn)).unwrap();
    let pdf = pdf_extract::Document::load_mem(&bytes).unwrap();
    let lang = pdf
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(lang, b"nn");
}

fn sheet(wb: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<Vec<Data>> {
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Int(n) => *n as f64,
        Data::Float(f) => *f,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn xlsx_status_report_reads_back() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let bytes = render(
        ReportKind::Status,
        Format::Xlsx,
        &input(&r, &body, Lang::Nb),
    )
    .unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec![
            "Om rapporten",
            "Sammendrag",
            "Systemer",
            "Oppgaver",
            "Per basisnivå",
            "Per styringsaktivitet",
            "Etter kilde",
            "Erklæringer som utløper",
            "Avvik",
            "Risikovurdering",
            "Høyeste risikoer",
            "Forfalte tiltak"
        ]
    );
    let about = sheet(&mut wb, "Om rapporten");
    assert!(
        about
            .iter()
            .any(|r| r.get(1) == Some(&Data::String("2026-11-28".into())))
    );
    let summary = sheet(&mut wb, "Sammendrag");
    assert_eq!(
        summary[0][0],
        Data::String("Nøkkeltall".into()),
        "header row"
    );
    let value = |label: &str| {
        let label = grunnmur_i18n::t(Lang::Nb, label, &[]);
        let row = summary
            .iter()
            .find(|r| r[0] == Data::String(label.clone()))
            .unwrap_or_else(|| panic!("{label}"));
        num(&row[1]) as usize
    };
    assert_eq!(value("report-kv-systems"), r.summary.systems);
    assert_eq!(value("report-kv-required-total"), total_required(&r));
    assert_eq!(value("report-kv-risk"), r.summary.risk_assessments_needed);
    assert_eq!(value("report-kv-deviations"), r.summary.deviations);

    let systems = sheet(&mut wb, "Systemer");
    assert_eq!(systems.len(), r.systems.len() + 1);
    for (row, s) in systems[1..].iter().zip(&r.systems) {
        assert_eq!(row[0], Data::String(format!("{} ({})", s.name, s.id)));
        assert_eq!(num(&row[5]) as usize, s.required_measures.len());
    }
    let base = sheet(&mut wb, "Per basisnivå");
    assert_eq!(num(&base[4][1]) as usize, total_required(&r), "total row");
}

#[test]
fn xlsx_measure_plan_has_dates_filters_and_frozen_header() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let bytes = render(
        ReportKind::MeasurePlan,
        Format::Xlsx,
        &input(&r, &body, Lang::Nb),
    )
    .unwrap();
    // Frozen panes and the autofilter are in the sheet XML.
    let mut z = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut z.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains("<pane ySplit=\"1\""), "frozen header row");
    assert!(xml.contains("<autoFilter ref=\"A1:"), "autofilter");

    let doc = build::build(ReportKind::MeasurePlan, &input(&r, &body, Lang::Nb));
    let rows = &doc.sections[0].table.as_ref().unwrap().rows;
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let plan = sheet(&mut wb, "Handlingsplan");
    assert_eq!(plan.len(), rows.len() + 1);
    assert_eq!(plan[0][0], Data::String("Nr.".into()));
    for (x, m) in plan[1..].iter().zip(rows) {
        assert_eq!(x[1], Data::String(m[1].display()), "measure");
        if let Cell::Date(d) = &m[7] {
            assert!(matches!(x[7], Data::DateTime(_)), "due is a real date: {d}");
        }
    }
}

fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).expect("text extraction")
}

#[test]
fn pdf_is_tagged_and_has_the_text() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let bytes = render(ReportKind::Status, Format::Pdf, &input(&r, &body, Lang::Nb)).unwrap();
    assert!(bytes.starts_with(b"%PDF-1.7"));

    // Structure: a structure tree, marked content, the language and a title shown.
    let pdf = pdf_extract::Document::load_mem(&bytes).unwrap();
    let root = pdf.catalog().unwrap();
    assert!(root.has(b"StructTreeRoot"), "tagged");
    let mark = pdf
        .dereference(root.get(b"MarkInfo").unwrap())
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    assert!(mark.get(b"Marked").unwrap().as_bool().unwrap());
    let lang = root.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"nb");
    assert!(pdf.get_pages().len() >= 2);
    // The structure tree has tables, header cells and figures.
    let kinds: std::collections::HashSet<Vec<u8>> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"StructElem"))
        .filter_map(|d| {
            d.get(b"S")
                .and_then(|s| s.as_name())
                .ok()
                .map(<[u8]>::to_vec)
        })
        .collect();
    for k in ["Table", "TH", "TD", "Caption", "H1", "H2", "Figure", "Sect"] {
        assert!(kinds.contains(k.as_bytes()), "{k} in {kinds:?}");
    }

    let text = pdf_text(&bytes);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Statusrapport for informasjonssikkerhet",
        "Eksempel kommune",
        "Påkrevde tiltak per basisnivå",
        "Risikovurdering trengs",
        "Forfalte tiltak",
        "2026-11-28",
        // The systems table is too narrow for the dimensions in full: K/I/T, and a legend.
        "Forkortelser: K = Konfidensialitet; I = Integritet; T = Tilgjengelighet.",
    ] {
        assert!(flat.contains(needle), "{needle} not in PDF text");
    }
    assert!(flat.contains(&r.catalog.version));
    for s in &r.systems {
        assert!(flat.contains(&s.id), "system {}", s.id);
    }
}

#[test]
fn pdf_measure_plan_in_english() {
    let body = body("fylkeskommune.yaml");
    let r = report_for(&body);
    let bytes = render(
        ReportKind::MeasurePlan,
        Format::Pdf,
        &input(&r, &body, Lang::En),
    )
    .unwrap();
    let pdf = pdf_extract::Document::load_mem(&bytes).unwrap();
    assert_eq!(
        pdf.catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap(),
        b"en"
    );
    let text = pdf_text(&bytes);
    assert!(text.contains("Security measure plan"));
    assert!(text.contains("Owner"));
}

#[test]
fn the_status_report_needs_no_trails_and_the_progress_is_its_own() {
    let body = body("kommune.yaml");
    let full = report_for(&body);
    let cat = &catalog().catalog;
    let (_, ws) =
        grunnmur_catalog::resolve_body_with("test", body.clone(), cat, declarations()).unwrap();
    let a = grunnmur_core::assess(cat, &ws, today());
    let lite = grunnmur_core::report::AssessReport::without_trails(cat, &ws, &a, today());
    assert!(lite.explain.0.is_empty() && !full.explain.0.is_empty());
    let doc = build::build(ReportKind::Status, &input(&full, &body, Lang::Nb));
    assert_eq!(
        build::build(ReportKind::Status, &input(&lite, &body, Lang::Nb)),
        doc,
        "the same report with or without the trails"
    );
    // The dashboard's progress: the report's own sections and its coverage figures.
    let p = build::progress(&input(&lite, &body, Lang::Nb));
    let by_key = |k: &str| doc.sections.iter().find(|s| s.key == k).unwrap();
    assert_eq!(
        p.sections,
        [by_key("baseline").clone(), by_key("activity").clone()]
    );
    let summary = &by_key("summary").table.as_ref().unwrap().rows;
    let figure = |key: &str| {
        let label = grunnmur_i18n::t(Lang::Nb, key, &[]);
        let row = summary.iter().find(|r| r[0] == Cell::Text(label.clone()));
        row.unwrap()[1].clone()
    };
    assert_eq!(
        figure("report-kv-required-total"),
        Cell::Int(p.required as i64)
    );
    assert_eq!(figure("report-kv-in-place"), Cell::Int(p.in_place as i64));
    assert_eq!(p.required as usize, total_required(&full));
}

/// A required measure marked implemented with no evidence link is counted apart as
/// undocumented, in the status report and in the dashboard's progress.
#[test]
fn implemented_without_evidence_is_counted_as_undocumented() {
    use grunnmur_core::workspace::Status;
    let mut body = body("kommune.yaml");
    for im in &mut body.implementations {
        im.evidence = vec!["https://arkiv.example/rutine".into()];
    }
    let r = report_for(&body);
    let required = |s: &grunnmur_catalog::body::StatusDoc| match s.system.as_deref() {
        None => r.org_measures.contains(&s.measure),
        Some(id) => r
            .systems
            .iter()
            .any(|x| x.id == id && x.required_measures.contains(&s.measure)),
    };
    let implemented: Vec<usize> = (body.measure_status.iter().enumerate())
        .filter(|(_, s)| s.status == Status::Implemented && required(s))
        .map(|(n, _)| n)
        .collect();
    assert!(
        implemented.len() >= 2,
        "the example has implemented measures"
    );
    for &n in &implemented {
        body.measure_status[n].evidence.clear();
    }
    body.measure_status[implemented[0]].evidence = vec!["https://arkiv.example/1".into()];
    let r = report_for(&body);
    let doc = build::build(ReportKind::Status, &input(&r, &body, Lang::En));
    let summary = &doc.sections[0].table.as_ref().unwrap().rows;
    let label = grunnmur_i18n::t(Lang::En, "report-kv-undocumented", &[]);
    let row = summary.iter().find(|x| x[0] == Cell::Text(label.clone()));
    let want = implemented.len() as i64 - 1;
    assert_eq!(row.unwrap()[1], Cell::Int(want));
    assert_eq!(
        build::progress(&input(&r, &body, Lang::En)).undocumented as i64,
        want
    );
    // An implementation in place without evidence leaves every pair it gives undocumented.
    let n = (body.implementations.iter())
        .position(|x| x.status == Status::Implemented)
        .expect("the example has an implementation in place");
    body.implementations[n].evidence.clear();
    let id = body.implementations[n].id.clone();
    let r = report_for(&body);
    use grunnmur_core::effective::SourceOut;
    let gives = |s: &SourceOut| match s {
        SourceOut::Implementation { id: x } => *x == id,
        SourceOut::Shared { customer, .. } => {
            matches!(customer.as_deref(), Some(SourceOut::Implementation { id: x }) if *x == id)
        }
        _ => false,
    };
    let pairs = (r.org_measure_states.iter())
        .chain(r.systems.iter().flat_map(|s| s.measure_states.iter()))
        .filter(|x| gives(&x.state.source))
        .count() as i64;
    assert!(pairs > 0);
    assert_eq!(
        build::progress(&input(&r, &body, Lang::En)).undocumented as i64,
        want + pairs
    );
}

/// The measure plan says, for each measure still to do, what done looks like (the catalog's
/// `evidence`), once per measure.
#[test]
fn the_measure_plan_shows_each_open_measures_evidence() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let plan = build::build(ReportKind::MeasurePlan, &input(&r, &body, Lang::En));
    let open = plan.sections[0].table.as_ref().unwrap();
    let Cell::Text(first) = &open.rows[0][1] else {
        panic!("{:?}", open.rows[0])
    };
    // "Name (id)"
    let id = first.rsplit_once(" (").unwrap().1.trim_end_matches(')');
    let mut doc = catalog().doc.clone();
    let m = doc.measures.iter_mut().find(|m| m.id == id).unwrap();
    m.evidence = Some(grunnmur_catalog::format::TextDoc {
        nb: Some("En datert liste".into()),
        en: Some("A dated list".into()),
    });
    let input = ReportInput {
        catalog: &doc,
        ..input(&r, &body, Lang::En)
    };
    let plan = build::build(ReportKind::MeasurePlan, &input);
    let ev = plan.sections.iter().find(|s| s.key == "evidence").unwrap();
    let rows = &ev.table.as_ref().unwrap().rows;
    let ids: Vec<String> = rows.iter().map(|x| x[0].display()).collect();
    let distinct: std::collections::HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), distinct.len(), "each measure once");
    let row = rows
        .iter()
        .find(|x| x[0] == Cell::Text(first.clone()))
        .unwrap();
    assert_eq!(row[1], Cell::Text("A dated list".into()));
}

/// Defect 8 of issue 17: the PDF's tables broke words in the middle (`tilgjengeligh et`,
/// `Risikovurderi ng trengs`). In every table of the status report and the measure plan, in
/// both languages, every line break falls at a space or after a hyphen the text has, and no
/// cell is cut short.
#[test]
fn pdf_tables_never_break_inside_a_word() {
    let mut split = Vec::new();
    for example in ["kommune.yaml", "statsetat.yaml"] {
        let body = body(example);
        let r = report_for(&body);
        for lang in [Lang::Nb, Lang::En] {
            for kind in [ReportKind::Status, ReportKind::MeasurePlan] {
                let doc = build::build(kind, &input(&r, &body, lang));
                split.extend(words_split_in_pdf_tables(&doc));
            }
        }
    }
    assert!(split.is_empty(), "words split across lines: {split:?}");
}

/// Issue 17: the reports named things by id (`Sektorprofiler: p.helse…`, `s.okonomi`,
/// measure ids in the risk list). Wherever an id of a system, task, measure or profile appears
/// in a report, its name is right before it (`Name (id)`); the profiles are named; the selection
/// rule is said in words with a sentence that explains it.
#[test]
fn reports_name_what_they_show_with_the_id_after_the_name() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let cat = &catalog().doc;
    for lang in [Lang::Nb, Lang::En] {
        let code = lang.code();
        let mut names: Vec<(String, String)> = Vec::new();
        names.extend(r.systems.iter().map(|s| (s.id.clone(), s.name.clone())));
        names.extend(
            cat.tasks
                .iter()
                .map(|t| (t.id.clone(), t.name.get(code).to_string())),
        );
        names.extend(
            cat.measures
                .iter()
                .map(|m| (m.id.clone(), m.name.get(code).to_string())),
        );
        for kind in [ReportKind::Status, ReportKind::MeasurePlan] {
            let doc = build::build(kind, &input(&r, &body, lang));
            let fact = |key: &str| {
                let label = grunnmur_i18n::t(lang, key, &[]);
                doc.facts
                    .iter()
                    .find(|(k, _)| *k == label)
                    .unwrap()
                    .1
                    .clone()
            };
            let profiles = fact("report-fact-profiles");
            assert!(!r.org.profiles.is_empty());
            for id in &r.org.profiles {
                let p = cat.profiles.iter().find(|p| &p.id == id).unwrap();
                assert!(profiles.contains(p.name.get(code)), "{profiles}");
                assert!(!profiles.contains(id.as_str()), "{profiles}");
            }
            let selection = fact("report-fact-selection");
            let explain = grunnmur_i18n::t(lang, "report-selection-per-dimension-explain", &[]);
            assert!(selection.contains(&explain), "{selection}");
            let cells = doc
                .sections
                .iter()
                .filter_map(|s| s.table.as_ref())
                .flat_map(|t| t.rows.iter().flatten());
            for cell in cells {
                let text = cell.display();
                for word in text.split_whitespace() {
                    let word = word.trim_matches(|c: char| "(),;".contains(c));
                    if let Some((id, name)) = names.iter().find(|(id, _)| id == word) {
                        assert!(
                            text.contains(&format!("{name} ({id})")),
                            "{id} without its name in {text:?}"
                        );
                    }
                }
            }
        }
    }
}

/// Rule 15 in the reports: what an implementation or a supplier's declaration covers counts as
/// in place in the status report and the dashboard's progress, as the engine's coverage says.
#[test]
fn implementations_and_suppliers_count_in_the_status_report() {
    let small =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../grunnmur-catalog/tests/fixtures/small");
    let checked = grunnmur_catalog::load_catalog(Some(&small.join("catalog")))
        .0
        .unwrap();
    let cat = &checked.catalog;
    let read = |p: &str| grunnmur_catalog::files::read_source(&small.join(p)).unwrap();
    let decl = grunnmur_catalog::read_declaration(&read("declarations/acme.yaml"), cat)
        .unwrap()
        .doc;
    let (body, ws) =
        grunnmur_catalog::read_body_with(&read("kommune-delt.yaml"), cat, &[decl]).unwrap();
    let a = grunnmur_core::assess(cat, &ws, today());
    let r = grunnmur_core::report::AssessReport::without_trails(cat, &ws, &a, today());
    let input = ReportInput {
        report: &r,
        catalog: &checked.doc,
        body: &body,
        risks: &[],
        declarations: &[],
        lang: Lang::En,
    };
    let p = build::progress(&input);
    assert_eq!(p.required as usize, r.summary.coverage.required);
    assert_eq!(p.in_place as usize, r.summary.coverage.in_place);
    // The body itself marked one pair implemented; the rest come from its work and supplier.
    let own = body
        .measure_status
        .iter()
        .filter(|s| s.status == Status::Implemented)
        .count();
    assert!(p.in_place as usize > own + 2, "{} in place", p.in_place);
}

/// The status report counts required measures by where their status comes from, as the
/// engine's states say; the measure plan names each open pair's source by name.
#[test]
fn reports_show_the_source_of_each_status() {
    let body = body("kommune.yaml");
    let r = report_for(&body);
    let states: Vec<&grunnmur_core::effective::StateOut> = (r.org_measure_states.iter())
        .chain(r.systems.iter().flat_map(|s| s.measure_states.iter()))
        .map(|x| &x.state)
        .collect();
    let doc = build::build(ReportKind::Status, &input(&r, &body, Lang::En));
    let by_source = doc.sections.iter().find(|s| s.key == "source").unwrap();
    let rows = &by_source.table.as_ref().unwrap().rows;
    let labels = [
        "Own status",
        "Implementation",
        "Supplier",
        "Shared with supplier",
    ];
    for (kind, label) in ["own", "implementation", "supplier", "shared"]
        .iter()
        .zip(labels)
    {
        let engine = states.iter().filter(|s| s.source.kind() == *kind).count();
        let row = rows.iter().find(|r| r[0].display() == label).unwrap();
        assert_eq!(row[1], Cell::Int(engine as i64), "{kind}");
        assert!(engine > 0, "the example uses {kind}");
    }
    assert_eq!(rows.last().unwrap()[1], Cell::Int(states.len() as i64));

    let plan = build::build(ReportKind::MeasurePlan, &input(&r, &body, Lang::En));
    let t = plan.sections[0].table.as_ref().unwrap();
    let col = (t.columns.iter().position(|c| c.header == "Source")).unwrap();
    let sources: Vec<String> = t.rows.iter().map(|r| r[col].display()).collect();
    assert!(
        sources.iter().any(|s| s.starts_with("Shared: ")
            && s.contains("(IKT Vestfjord IKS); own part: not in place")),
        "{sources:?}"
    );
    assert!(
        !sources.iter().any(|s| s.contains("ikt-vestfjord/")),
        "names, not ids"
    );
}

/// A declaration the body uses that ends within 60 days is listed in the status report.
#[test]
fn the_status_report_lists_declarations_about_to_expire() {
    let body = body("kommune.yaml");
    let cat = &catalog().catalog;
    let (_, ws) =
        grunnmur_catalog::resolve_body_with("test", body.clone(), cat, declarations()).unwrap();
    let expiring = |day: &str| {
        let today = grunnmur_core::Date::parse(day).unwrap();
        let a = grunnmur_core::assess(cat, &ws, today);
        let r = grunnmur_core::report::AssessReport::without_trails(cat, &ws, &a, today);
        let doc = build::build(ReportKind::Status, &input(&r, &body, Lang::En));
        let s = doc.sections.iter().find(|s| s.key == "expiring").unwrap();
        s.table.as_ref().unwrap().rows.clone()
    };
    assert!(expiring("2027-06-01").is_empty());
    let rows = expiring("2027-11-15");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][0].display(), "Nordsky Datasenter AS");
    assert_eq!(rows[0][2].display(), "2027-12-31");
    assert_eq!(rows[0][3], Cell::Int(46));
}
