//! Spreadsheet exchange: export → import gives the same body document; broken workbooks give
//! every problem with sheet, row and column and produce nothing.

mod common;

use common::*;
use grunnmur_catalog::BodyDoc;
use grunnmur_catalog::body::{OrgDoc, Orgnr};
use grunnmur_i18n::Lang;
use grunnmur_report::{
    ImportOptions, RowProblem, export_workspace, import_workspace_with, template,
};
use rust_xlsxwriter::{ExcelDateTime, Workbook};

/// A base that shares nothing with the examples, so an import that did nothing would fail.
fn other_base() -> BodyDoc {
    BodyDoc {
        org: OrgDoc {
            orgnr: Orgnr::Text("991825827".into()),
            name: "Annen virksomhet".into(),
            kind: grunnmur_core::catalog::OrgKind::Stat,
            sectors: Vec::new(),
            selection: Default::default(),
            cumulation_threshold: 5,
            review_months: grunnmur_core::risk::review::REVIEW_MONTHS,
            services: Vec::new(),
        },
        tasks: Vec::new(),
        info_types: Vec::new(),
        systems: Vec::new(),
        measure_status: Vec::new(),
        groups: Vec::new(),
        implementations: Vec::new(),
    }
}

#[test]
fn round_trip_of_the_example_bodies() {
    for name in ["kommune.yaml", "fylkeskommune.yaml", "statsetat.yaml"] {
        let mut doc = body(name);
        if name == "statsetat.yaml" {
            // A body's own review interval travels too.
            doc.org.review_months = 6;
        }
        let bytes = export_workspace(&doc, Lang::Nb).unwrap();
        let back = import_workspace(&bytes, &other_base(), &catalog().catalog)
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        // The workbook has no columns for recurring work (docs/catalog-format.md): over a base
        // without it, it comes back without it; over the same base, it is kept.
        let mut plain = doc.clone();
        for st in &mut plain.measure_status {
            (st.recurs, st.done) = (None, Vec::new());
        }
        for im in &mut plain.implementations {
            (im.recurs, im.done) = (None, Vec::new());
        }
        assert_eq!(back, plain, "{name}");
        let kept = import_workspace(&bytes, &doc, &catalog().catalog)
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        assert_eq!(kept, doc, "{name}: recurring work kept from the base");
    }
}

#[test]
fn round_trip_of_a_synthetic_body() {
    let spec = grunnmur_synth::Spec {
        systems_per_body: 60,
        ..grunnmur_synth::Spec::national()
    };
    let cat_doc = grunnmur_synth::catalog_doc(&spec);
    let src = grunnmur_catalog::Source {
        name: "synth".into(),
        text: serde_json::to_string(&cat_doc).unwrap(),
    };
    let cat = grunnmur_catalog::check_catalog(&[src]).0.unwrap().catalog;
    let doc = grunnmur_synth::body_doc(&spec, &cat_doc, 7);
    // The body links suppliers' services: the import knows the published declarations.
    let opts = ImportOptions {
        declarations: (0..spec.declarations)
            .map(|d| grunnmur_synth::declaration_doc(&spec, &cat_doc, d))
            .collect(),
        ..ImportOptions::default()
    };
    assert!(doc.systems.iter().any(|s| !s.services.is_empty()));
    let bytes = export_workspace(&doc, Lang::En).unwrap();
    let back = import_workspace_with(&bytes, &other_base(), &cat, &opts).unwrap();
    assert_eq!(back.doc, doc);
}

#[test]
fn template_is_the_export_of_an_empty_workspace() {
    let bytes = template(Lang::Nb).unwrap();
    let base = body("kommune.yaml");
    // Importing the empty template keeps the org (no org row) and empties every other part.
    let back = import_workspace(&bytes, &base, &catalog().catalog).unwrap();
    assert_eq!(back.org, base.org);
    assert!(back.tasks.is_empty() && back.systems.is_empty() && back.measure_status.is_empty());
    let empty = BodyDoc {
        org: base.org.clone(),
        tasks: vec![],
        info_types: vec![],
        systems: vec![],
        measure_status: vec![],
        groups: vec![],
        implementations: vec![],
    };
    // Same sheets and headers as an export.
    let mut a: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut b: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(
        export_workspace(&empty, Lang::Nb).unwrap(),
    ))
    .unwrap();
    use calamine::Reader;
    assert_eq!(a.sheet_names(), b.sheet_names());
    for s in a.sheet_names().into_iter().skip(1) {
        let ha = a
            .worksheet_range(&s)
            .unwrap()
            .rows()
            .next()
            .map(|r| r.to_vec());
        let hb = b
            .worksheet_range(&s)
            .unwrap()
            .rows()
            .next()
            .map(|r| r.to_vec());
        assert_eq!(ha, hb, "{s}");
    }
}

/// A workbook built cell by cell: `(sheet, rows)` where each cell is text, a number, a bool or
/// a date.
enum C {
    S(&'static str),
    N(f64),
    B(bool),
    D(&'static str),
    E,
}

fn workbook(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::B(b) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    C::D(d) => {
                        let f = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                        let d = ExcelDateTime::parse_from_str(d).unwrap();
                        ws.write_datetime_with_format(r, c, &d, &f).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

fn header(cols: &[&'static str]) -> Vec<C> {
    cols.iter().map(|c| C::S(c)).collect()
}

fn has(problems: &[RowProblem], sheet: &str, row: u32, column: Option<&str>, key: &str) -> bool {
    problems
        .iter()
        .any(|p| p.sheet == sheet && p.row == row && p.column.as_deref() == column && p.key == key)
}

fn import_err(bytes: &[u8]) -> Vec<RowProblem> {
    match import_workspace(bytes, &body("kommune.yaml"), &catalog().catalog) {
        Ok(_) => panic!("the import should be refused"),
        Err(p) => p,
    }
}

#[test]
fn wrong_types_are_reported_with_their_cell() {
    let bytes = workbook(&[
        (
            "org",
            vec![
                header(&["orgnr", "name", "kind", "cumulation_threshold"]),
                vec![C::S("999900011"), C::S("X"), C::S("kommune"), C::S("tre")],
            ],
        ),
        (
            "systems",
            vec![
                header(&["id", "name"]),
                vec![C::S("s.a"), C::S("A")],
                vec![C::B(true), C::S("B")],
            ],
        ),
        (
            "measure_status",
            vec![
                header(&["measure", "system", "status", "owner", "due"]),
                vec![
                    C::S("m.x"),
                    C::E,
                    C::N(3.0),
                    C::D("2026-01-01"),
                    C::S("2026-13-01"),
                ],
            ],
        ),
    ]);
    let p = import_err(&bytes);
    assert!(
        has(
            &p,
            "org",
            2,
            Some("cumulation_threshold"),
            "xlsx-wrong-type"
        ),
        "{p:#?}"
    );
    assert!(
        has(&p, "systems", 3, Some("id"), "xlsx-wrong-type"),
        "{p:#?}"
    );
    assert!(
        has(&p, "measure_status", 2, Some("status"), "xlsx-wrong-type"),
        "{p:#?}"
    );
    assert!(
        has(&p, "measure_status", 2, Some("owner"), "xlsx-wrong-type"),
        "{p:#?}"
    );
    // Messages are clear in both languages, with the place.
    let wrong = p
        .iter()
        .find(|x| x.sheet == "systems" && x.row == 3)
        .unwrap();
    assert_eq!(wrong.place(Lang::Nb), "Ark systems, rad 3, kolonne id");
    assert_eq!(
        wrong.message(Lang::En),
        "wrong type: expected an id (text), found a true/false value"
    );
}

#[test]
fn unknown_ids_are_traced_back_to_their_row_and_column() {
    let bytes = workbook(&[
        (
            "systems",
            vec![
                header(&["id", "name"]),
                vec![C::S("s.a"), C::S("A")],
                vec![C::S("s.b"), C::S("B")],
            ],
        ),
        (
            "task_mapping",
            vec![
                header(&["system", "task", "info_types"]),
                vec![C::S("s.a"), C::S("felles.arkiv"), C::E],
                vec![C::S("s.b"), C::S("finnes.ikke"), C::E],
                vec![C::S("s.c"), C::S("felles.arkiv"), C::E],
            ],
        ),
        (
            "dependencies",
            vec![
                header(&["system", "depends_on", "kind"]),
                vec![C::S("s.a"), C::S("s.b"), C::S("runs_on")],
                vec![C::S("s.b"), C::S("s.zzz"), C::S("uses")],
                vec![C::S("s.a"), C::S("s.b"), C::S("sometimes")],
            ],
        ),
        (
            "measure_status",
            vec![
                header(&["measure", "system", "status", "due"]),
                vec![C::S("m.finnes-ikke"), C::E, C::S("implemented"), C::E],
                vec![
                    C::S("m.finnes-ikke-heller"),
                    C::S("s.a"),
                    C::S("in_progress"),
                    C::E,
                ],
                vec![C::S("m.x"), C::S("s.nope"), C::S("in_progress"), C::E],
            ],
        ),
    ]);
    let p = import_err(&bytes);
    assert!(
        has(&p, "task_mapping", 3, None, "problem-unknown-reference"),
        "{p:#?}"
    );
    assert!(
        has(&p, "task_mapping", 4, Some("system"), "xlsx-unknown-system"),
        "{p:#?}"
    );
    assert!(
        has(&p, "dependencies", 3, None, "problem-unknown-reference"),
        "{p:#?}"
    );
    assert!(
        has(&p, "dependencies", 4, Some("kind"), "xlsx-invalid-value"),
        "{p:#?}"
    );
    assert!(
        has(
            &p,
            "measure_status",
            2,
            Some("measure"),
            "problem-unknown-reference"
        ),
        "{p:#?}"
    );
    assert!(
        has(
            &p,
            "measure_status",
            3,
            Some("measure"),
            "problem-unknown-reference"
        ),
        "{p:#?}"
    );
    assert!(
        has(
            &p,
            "measure_status",
            4,
            Some("measure"),
            "problem-unknown-reference"
        ),
        "{p:#?}"
    );
    // Every problem has a place in the workbook.
    assert!(p.iter().all(|x| !x.sheet.is_empty() && x.row > 0), "{p:#?}");
}

#[test]
fn sheet_problems_empty_sheets_missing_and_unknown_columns() {
    let bytes = workbook(&[
        ("systems", vec![]),
        (
            "measure_status",
            vec![header(&["measure", "system", "farge"])],
        ),
        ("Notater", vec![vec![C::S("hei")]]),
    ]);
    let p = import_err(&bytes);
    assert!(has(&p, "systems", 0, None, "xlsx-empty-sheet"), "{p:#?}");
    assert!(
        has(
            &p,
            "measure_status",
            0,
            Some("status"),
            "xlsx-missing-column"
        ),
        "{p:#?}"
    );
    assert!(
        has(
            &p,
            "measure_status",
            0,
            Some("farge"),
            "xlsx-unknown-column"
        ),
        "{p:#?}"
    );
    assert!(has(&p, "Notater", 0, None, "xlsx-unknown-sheet"), "{p:#?}");
    let msg = p.iter().find(|x| x.key == "xlsx-missing-column").unwrap();
    assert_eq!(msg.place(Lang::En), "Sheet measure_status, column status");
}

#[test]
fn huge_and_unreadable_files_are_refused() {
    let base = body("kommune.yaml");
    let cat = &catalog().catalog;
    let bytes = export_workspace(&base, Lang::Nb).unwrap();
    let small = ImportOptions {
        max_bytes: 1000,
        ..import_options()
    };
    let p = import_workspace_with(&bytes, &base, cat, &small).unwrap_err();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].key, "xlsx-too-large");
    assert_eq!(p[0].place(Lang::Nb), "Arbeidsboken");

    let unpacked = ImportOptions {
        max_unpacked: 10_000,
        ..import_options()
    };
    let p = import_workspace_with(&bytes, &base, cat, &unpacked).unwrap_err();
    assert_eq!(p[0].key, "xlsx-too-large-unpacked");

    let rows = ImportOptions {
        max_rows: 3,
        ..import_options()
    };
    let p = import_workspace_with(&bytes, &base, cat, &rows).unwrap_err();
    assert!(has(&p, "systems", 0, None, "xlsx-too-many-rows"), "{p:#?}");

    let p = import_workspace(b"this is not a spreadsheet", &base, cat).unwrap_err();
    assert_eq!(p[0].key, "xlsx-unreadable");

    let p = import_workspace(&workbook(&[("Ark1", vec![])]), &base, cat).unwrap_err();
    assert!(has(&p, "Ark1", 0, None, "xlsx-unknown-sheet"));
}

/// A sheet is laid out densely from its first cell to its last: two cells far apart in a
/// small file would take more memory than there is. Refused from the cells alone.
#[test]
fn sheets_spanning_too_many_rows_or_columns_are_refused_before_they_are_laid_out() {
    let base = body("kommune.yaml");
    let cat = &catalog().catalog;
    let far = |row: u32, col: u16| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("systems").unwrap();
        ws.write_string(0, 0, "id").unwrap();
        ws.write_string(0, 1, "name").unwrap();
        ws.write_string(row, col, "x").unwrap();
        wb.save_to_buffer().unwrap()
    };
    // The last cell of the largest sheet there may be: 17 billion cells laid out.
    let bytes = far(1_048_575, 16_383);
    assert!(bytes.len() < 10_000);
    let p = import_workspace(&bytes, &base, cat).unwrap_err();
    assert!(has(&p, "systems", 0, None, "xlsx-too-many-rows"), "{p:#?}");
    let p = import_workspace(&far(5, 16_383), &base, cat).unwrap_err();
    assert!(
        has(&p, "systems", 0, None, "xlsx-too-many-columns"),
        "{p:#?}"
    );
    let msg = p.iter().find(|x| x.key == "xlsx-too-many-columns").unwrap();
    assert!(
        msg.message(Lang::En).contains("16384"),
        "{}",
        msg.message(Lang::En)
    );
}

#[test]
fn valid_rows_only_leaves_out_bad_rows_and_says_which() {
    let base = body("kommune.yaml");
    let cat = &catalog().catalog;
    let bytes = workbook(&[
        (
            "systems",
            vec![
                header(&["id", "name"]),
                vec![C::S("s.a"), C::S("A")],
                vec![C::S("S B"), C::S("invalid id")],
            ],
        ),
        (
            "task_mapping",
            vec![
                header(&["system", "task", "info_types"]),
                vec![C::S("s.a"), C::S("felles.arkiv"), C::E],
                // Points at the row that will be left out: left out in the next round.
                vec![C::S("S B"), C::S("felles.arkiv"), C::E],
            ],
        ),
        (
            "measure_status",
            vec![
                header(&["measure", "system", "status"]),
                vec![C::S("m.finnes-ikke"), C::E, C::S("implemented")],
            ],
        ),
    ]);
    // Strict: refused.
    assert!(import_workspace(&bytes, &base, cat).is_err());
    let opts = ImportOptions {
        valid_rows_only: true,
        ..import_options()
    };
    let got = import_workspace_with(&bytes, &base, cat, &opts).unwrap();
    assert_eq!(got.doc.systems.len(), 1);
    assert_eq!(got.doc.systems[0].id, "s.a");
    assert_eq!(got.doc.systems[0].processes.len(), 1);
    assert!(got.doc.measure_status.is_empty());
    assert_eq!(got.doc.tasks, base.tasks, "parts without a sheet are kept");
    let rows: Vec<(&str, u32)> = got
        .skipped
        .iter()
        .map(|p| (p.sheet.as_str(), p.row))
        .collect();
    assert!(rows.contains(&("systems", 3)), "{rows:?}");
    assert!(rows.contains(&("task_mapping", 3)), "{rows:?}");
    assert!(rows.contains(&("measure_status", 2)), "{rows:?}");
    // The result is a valid body.
    grunnmur_catalog::resolve_body_with("x", got.doc, cat, declarations()).unwrap();

    // A problem with a whole sheet still refuses the import.
    let broken = workbook(&[("systems", vec![header(&["name"])])]);
    assert!(import_workspace_with(&broken, &base, cat, &opts).is_err());
}

/// The import as the CLI runs it with `--declarations examples/declarations`.
fn import_workspace(
    bytes: &[u8],
    base: &BodyDoc,
    cat: &grunnmur_core::Catalog,
) -> Result<BodyDoc, Vec<RowProblem>> {
    import_workspace_with(bytes, base, cat, &import_options()).map(|i| i.doc)
}
