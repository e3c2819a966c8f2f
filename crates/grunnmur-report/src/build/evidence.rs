//! What done looks like: the catalog's `evidence` for each measure still to do (a section of
//! the measure plan), and the implemented measures without an evidence link (*undocumented*,
//! counted apart in the status report and on the dashboard).

use super::{Ctx, Required, section, table, text};
use crate::doc::{Cell, Column, Section};
use grunnmur_core::workspace::Status;
use std::collections::HashSet;

impl Required<'_> {
    /// Marked implemented, with no evidence link where its status comes from: the body's own
    /// entry, or the implementation that gives it (alone, or as the body's part of a shared
    /// service). A supplier's evidence is in its declaration.
    pub(super) fn undocumented(&self) -> bool {
        match self.implementation {
            Some(im) => im.status == Status::Implemented && im.evidence.is_empty(),
            None => self
                .status
                .is_some_and(|s| s.status == Status::Implemented && s.evidence.is_empty()),
        }
    }
}

impl Ctx<'_> {
    /// Required measures marked implemented without an evidence link.
    pub(super) fn undocumented(&self) -> u32 {
        self.required.iter().filter(|x| x.undocumented()).count() as u32
    }
}

/// Each distinct measure of `open`, in its first order, with what an auditor would accept as
/// proof that it is done.
pub(super) fn evidence_section(ctx: &Ctx, open: &[&Required]) -> Section {
    let lang = ctx.lang.code();
    let mut seen = HashSet::new();
    let rows = open
        .iter()
        .filter(|x| seen.insert(x.measure))
        .map(|x| {
            let evidence = x.doc.and_then(|d| d.evidence.as_ref());
            vec![
                Cell::Text(ctx.measure(x.measure)),
                evidence.map_or(Cell::Empty, |e| text(e.get(lang))),
            ]
        })
        .collect();
    let columns = vec![
        Column::text(ctx.t("report-col-measure"), 42.0),
        Column::text(ctx.t("report-col-evidence"), 58.0),
    ];
    let mut s = section(ctx, "evidence", Some(table(ctx, "evidence", columns, rows)));
    s.paragraphs.push(ctx.t("report-evidence-intro"));
    s
}
