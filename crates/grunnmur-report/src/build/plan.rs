//! The measure plan: every required measure not in place, overdue first, then by due date,
//! with its owner, due date, status and where the status comes from; and the rows the status
//! report's overdue section shares.

use super::{Ctx, Required, evidence, int, section, table, text};
use crate::doc::{Cell, Column, Doc};
use grunnmur_core::workspace::Status;
use std::collections::HashMap;

pub(super) fn plan_columns(ctx: &Ctx, priority: bool) -> Vec<Column> {
    let mut cols = Vec::new();
    if priority {
        cols.push(Column::number(ctx.t("report-col-priority"), 6.0));
    }
    cols.extend([
        Column::text(ctx.t("report-col-measure"), 37.0),
        Column::text(ctx.t("report-col-activity"), 14.0)
            .with_short(ctx.t("report-col-activity-short")),
        Column::text(ctx.t("report-col-baseline"), 7.0)
            .with_short(ctx.t("report-col-baseline-short")),
        Column::text(ctx.t("report-col-where"), 18.0),
        Column::text(ctx.t("report-col-owner"), 12.0),
        Column::text(ctx.t("report-col-due"), 10.0),
        Column::text(ctx.t("report-col-status"), 11.0),
        Column::text(ctx.t("report-col-source"), 16.0),
        Column::text(ctx.t("report-col-overdue"), 7.0),
    ]);
    cols
}

pub(super) fn plan_row(ctx: &Ctx, x: &Required, priority: Option<usize>) -> Vec<Cell> {
    let mut row = Vec::new();
    if let Some(p) = priority {
        row.push(int(p));
    }
    let st = x.status;
    row.extend([
        Cell::Text(ctx.measure(x.measure)),
        x.doc
            .map_or(Cell::Empty, |d| Cell::Text(ctx.activity(d.activity))),
        Cell::Text(ctx.baseline(x.baseline)),
        Cell::Text(ctx.scope(x.system)),
        st.and_then(|s| s.owner.clone()).map_or(Cell::Empty, text),
        st.and_then(|s| s.due.clone())
            .map_or(Cell::Empty, Cell::Date),
        Cell::Text(ctx.status(x.status())),
        text(ctx.source(x.source)),
        Cell::Text(ctx.yes_no(x.overdue)),
    ]);
    row
}

pub(super) fn measure_plan(ctx: &Ctx) -> Doc {
    // Everything required that is not in place: no status, not started, in progress, partial,
    // or flagged overdue by the engine (an expired supplier declaration, for instance).
    let mut open: Vec<&Required> = ctx
        .required
        .iter()
        .filter(|x| {
            x.overdue
                || matches!(
                    x.status(),
                    Status::NotStarted | Status::InProgress | Status::Partial
                )
        })
        .collect();
    let order: HashMap<Option<&str>, usize> = std::iter::once(None)
        .chain(ctx.input.report.systems.iter().map(|s| Some(s.id.as_str())))
        .enumerate()
        .map(|(n, s)| (s, n))
        .collect();
    open.sort_by_key(|x| {
        let due = x.status.and_then(|s| s.due.clone());
        (
            !x.overdue,
            due.is_none(),
            due,
            x.baseline,
            order.get(&x.system).copied().unwrap_or(usize::MAX),
            x.measure,
        )
    });
    let rows: Vec<Vec<Cell>> = open
        .iter()
        .enumerate()
        .map(|(n, x)| plan_row(ctx, x, Some(n + 1)))
        .collect();
    let n_overdue = open.iter().filter(|x| x.overdue).count().to_string();
    let n_no_owner = open
        .iter()
        .filter(|x| x.status.and_then(|s| s.owner.as_ref()).is_none())
        .count()
        .to_string();
    let n_no_due = open
        .iter()
        .filter(|x| x.status.and_then(|s| s.due.as_ref()).is_none())
        .count()
        .to_string();
    let mut plan = section(
        ctx,
        "plan",
        Some(table(ctx, "plan", plan_columns(ctx, true), rows)),
    );
    plan.paragraphs.push(ctx.ta(
        "report-plan-intro",
        &[
            ("open", &open.len().to_string()),
            ("required", &ctx.required.len().to_string()),
            ("overdue", &n_overdue),
            ("noowner", &n_no_owner),
            ("nodue", &n_no_due),
        ],
    ));
    plan.paragraphs.push(ctx.t("report-plan-order"));
    let evidence = evidence::evidence_section(ctx, &open);
    ctx.doc("report-title-plan", vec![plan, evidence], true)
}
