//! Spreadsheet import at the size of a large body: 500 systems (issue 7: "an XLSX with 500
//! systems imports in < 2 s"), and the reports for the same body.
//! Run: `cargo bench -p grunnmur-report --bench import`.

use criterion::{Criterion, criterion_group, criterion_main};
use grunnmur_catalog::{Source, check_catalog, resolve_body};
use grunnmur_core::report::AssessReport;
use grunnmur_core::{Date, assess};
use grunnmur_i18n::Lang;
use grunnmur_report::{
    Format, ReportInput, ReportKind, export_workspace, import_workspace, render,
};
use grunnmur_synth::{Spec, body_doc, catalog_doc};
use std::hint::black_box;

fn import(c: &mut Criterion) {
    let spec = Spec {
        systems_per_body: 500,
        ..Spec::national()
    };
    let cat_doc = catalog_doc(&spec);
    let src = Source {
        name: "synth".into(),
        text: serde_json::to_string(&cat_doc).unwrap(),
    };
    let checked = check_catalog(&[src]).0.expect("synthetic catalog is valid");
    let cat = &checked.catalog;
    let body = body_doc(&spec, &cat_doc, 0);
    let bytes = export_workspace(&body, Lang::Nb).unwrap();
    let processes: usize = body.systems.iter().map(|s| s.processes.len()).sum();
    let deps: usize = body.systems.iter().map(|s| s.depends_on.len()).sum();
    eprintln!(
        "workbook: {} systems, {processes} task mappings, {deps} dependencies, {} statuses, {} tasks; {} KiB",
        body.systems.len(),
        body.measure_status.len(),
        body.tasks.len(),
        bytes.len() / 1024
    );
    let mut base = body.clone();
    base.systems.clear();
    base.measure_status.clear();

    let mut g = c.benchmark_group("xlsx");
    g.sample_size(10);
    g.bench_function("import_500_systems", |b| {
        b.iter(|| black_box(import_workspace(&bytes, &base, cat).unwrap()))
    });
    g.bench_function("export_500_systems", |b| {
        b.iter(|| black_box(export_workspace(&body, Lang::Nb).unwrap()))
    });

    let today = Date::parse("2026-11-28").unwrap();
    let (_, ws) = resolve_body("synth", body.clone(), cat).unwrap();
    let a = assess(cat, &ws, today);
    let report = AssessReport::new(cat, &ws, &a, today);
    let input = ReportInput {
        report: &report,
        catalog: &checked.doc,
        body: &body,
        risks: &[],
        declarations: &[],
        lang: Lang::Nb,
    };
    for (name, kind, format) in [
        ("status_pdf_500_systems", ReportKind::Status, Format::Pdf),
        ("status_xlsx_500_systems", ReportKind::Status, Format::Xlsx),
        (
            "plan_xlsx_500_systems",
            ReportKind::MeasurePlan,
            Format::Xlsx,
        ),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| black_box(render(kind, format, &input).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
