//! Recurring work in a body file: `recurs` and the `done` history read, round-tripped and
//! carried into the engine; bad months, dates and histories named at their field and line;
//! recording work done appends to the history and moves the next due date on.

use grunnmur_catalog::body::{BodyDoc, DoneDoc};
use grunnmur_catalog::files::read_sources;
use grunnmur_catalog::{Source, check_catalog, read_body};
use grunnmur_core::Catalog;
use grunnmur_core::workspace::Status;
use std::path::Path;

fn small() -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small/catalog");
    check_catalog(&read_sources(&dir).unwrap())
        .0
        .unwrap()
        .catalog
}

fn src(text: &str) -> Source {
    Source {
        name: "b.yaml".into(),
        text: text.into(),
    }
}

const BODY: &str = r#"org: {orgnr: "974760673", name: "Lille kommune", kind: kommune}
tasks:
  - task: felles.hr
systems:
  - {id: s.hr, name: "HR", processes: [{task: felles.hr}]}
measure_status:
  - measure: m.ledelse
    status: implemented
    owner: "Kari Nordmann"
    due: "2026-10-01"
    recurs: 12
    done:
      - {date: "2025-10-01", evidence: ["https://intra/ledelse-2025"], by: "kari@kommune.no"}
  - measure: m.tilgang
    system: s.hr
    status: implemented
    due: "2027-01-15"
    recurs: 3
implementations:
  - id: gjenoppretting
    name: "Gjenopprettingstest"
    measures: [m.beredskap]
    covers: {org: true}
    status: implemented
    due: "2027-03-01"
    recurs: 6
    done:
      - {date: "2026-09-01", note: "Alt gjenopprettet på 2 timer"}
"#;

#[test]
fn recurrence_and_history_are_read_round_tripped_and_reach_the_engine() {
    let cat = small();
    let (doc, ws) = read_body(&src(BODY), &cat).unwrap();
    assert_eq!(doc.measure_status[0].recurs, Some(12));
    assert_eq!(doc.measure_status[0].done.len(), 1);
    assert_eq!(
        doc.measure_status[0].done[0].by.as_deref(),
        Some("kari@kommune.no")
    );
    assert_eq!(ws.statuses[0].recurs, Some(12));
    assert_eq!(ws.statuses[1].recurs, Some(3));
    assert_eq!(ws.sources.implementations[0].recurs, Some(6));
    // Through JSON (how the store keeps it) and back: the same document.
    let json = serde_json::to_string(&doc).unwrap();
    let back: BodyDoc = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
    // The management review was due on 1 October: implemented, and overdue.
    let today = grunnmur_core::Date::parse("2026-11-28").unwrap();
    let a = grunnmur_core::assess(&cat, &ws, today);
    let m = cat.measure("m.ledelse").unwrap();
    let pos = a.org_required.iter().position(|x| *x == m).unwrap();
    let st = a.org_states.get(pos);
    assert_eq!((st.status, st.overdue), (Status::Implemented, true));
}

#[test]
fn bad_months_dates_and_histories_are_named_at_their_field() {
    let cat = small();
    let body = BODY
        .replace("recurs: 12", "recurs: 0")
        .replace("recurs: 6", "recurs: 61")
        .replace(r#"{date: "2026-09-01""#, r#"{date: "1.9.2026""#);
    let problems = read_body(&src(&body), &cat).unwrap_err();
    type Args = Vec<(String, String)>;
    let got: Vec<(u32, String, Args)> = problems
        .iter()
        .map(|p| {
            let (code, args) = p.kind.message_parts();
            (p.line, code, args)
        })
        .collect();
    let arg =
        |args: &[(String, String)], k: &str| args.iter().find(|a| a.0 == k).map(|a| a.1.clone());
    assert_eq!(got.len(), 3, "{got:#?}");
    assert_eq!(got[0].0, 11);
    assert_eq!(got[0].1, "problem-invalid-recurrence");
    assert_eq!(arg(&got[0].2, "value").as_deref(), Some("0"));
    assert_eq!(got[1].1, "problem-invalid-recurrence");
    assert_eq!(arg(&got[1].2, "value").as_deref(), Some("61"));
    assert_eq!(got[1].0, 26);
    assert_eq!(got[2].1, "problem-invalid-date");
    assert_eq!(arg(&got[2].2, "field").as_deref(), Some("done[0].date"));
    assert_eq!(got[2].0, 28);
    // A history longer than kept.
    let mut doc = read_body(&src(BODY), &cat).unwrap().0;
    let entry = doc.measure_status[0].done[0].clone();
    doc.measure_status[0].done = vec![entry; grunnmur_core::recur::MAX_DONE + 1];
    let problems = grunnmur_catalog::resolve_body("b.json", doc, &cat).unwrap_err();
    assert_eq!(
        problems[0].kind.message_parts().0,
        "problem-too-many-done",
        "{problems:#?}"
    );
    // A too long note is refused by the limits, naming the field.
    let mut doc = read_body(&src(BODY), &cat).unwrap().0;
    doc.measure_status[0].done[0].note = Some("x".repeat(10_001));
    doc.measure_status[0].done[0].by = Some("y".repeat(201));
    let long = grunnmur_core::limits::too_long(&doc);
    let fields: Vec<String> = long.iter().map(|x| x.field()).collect();
    assert!(
        fields.contains(&"measure_status[0].done[0].note".to_string()),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"measure_status[0].done[0].by".to_string()),
        "{fields:?}"
    );
}

fn done(date: &str) -> DoneDoc {
    DoneDoc {
        date: date.into(),
        evidence: vec!["https://intra/rapport".into()],
        by: Some("kari@kommune.no".into()),
        note: None,
    }
}

#[test]
fn recording_done_appends_in_date_order_and_moves_the_next_due_date() {
    let cat = small();
    let mut doc = read_body(&src(BODY), &cat).unwrap().0;
    doc.record_status_done("m.ledelse", None, done("2026-11-20"));
    let st = doc.status("m.ledelse", None).unwrap();
    assert_eq!(st.done.len(), 2);
    assert_eq!(st.done[1].date, "2026-11-20");
    assert_eq!(st.due.as_deref(), Some("2027-11-20"), "a year on");
    // An earlier date joins the history in its place and leaves the due date.
    doc.record_status_done("m.ledelse", None, done("2026-01-05"));
    let st = doc.status("m.ledelse", None).unwrap();
    let dates: Vec<&str> = st.done.iter().map(|d| d.date.as_str()).collect();
    assert_eq!(dates, ["2025-10-01", "2026-01-05", "2026-11-20"]);
    assert_eq!(st.due.as_deref(), Some("2027-11-20"));
    // A status not yet in place becomes implemented; one not recurring keeps its due date.
    doc.record_status_done("m.backup", Some("s.hr"), done("2026-11-01"));
    let st = doc.status("m.backup", Some("s.hr")).unwrap();
    assert_eq!((st.status, st.due.as_deref()), (Status::Implemented, None));
    // Implementations alike.
    doc.implementations[0].record_done(done("2026-11-28"));
    assert_eq!(doc.implementations[0].due.as_deref(), Some("2027-05-28"));
    assert_eq!(doc.implementations[0].done.len(), 2);
    // The history keeps the most recent entries only.
    for k in 0..grunnmur_core::recur::MAX_DONE + 5 {
        let d = grunnmur_core::Date::parse("2020-01-01")
            .unwrap()
            .add_months(k as u32);
        doc.record_status_done("m.tilgang", Some("s.hr"), done(&d.to_string()));
    }
    let st = doc.status("m.tilgang", Some("s.hr")).unwrap();
    assert_eq!(st.done.len(), grunnmur_core::recur::MAX_DONE);
    assert_eq!(st.done[0].date, "2020-06-01", "the oldest five went");
    // Setting the status from a form keeps the history.
    let mut entry = st.clone();
    entry.done.clear();
    entry.owner = Some("Ola".into());
    doc.set_status(entry);
    assert_eq!(
        doc.status("m.tilgang", Some("s.hr")).unwrap().done.len(),
        grunnmur_core::recur::MAX_DONE
    );
    assert!(grunnmur_catalog::resolve_body("b.json", doc, &cat).is_ok());
}
