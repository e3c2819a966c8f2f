//! Where each status comes from (rule 15) in the reports: the source in words, the status
//! report's count by source, and the suppliers' declarations about to expire.

use super::{Ctx, Required, count_section, section, table};
use crate::doc::{Cell, Column, Section};
use grunnmur_catalog::declaration::DeclarationDoc;
use grunnmur_core::effective::SourceOut;

impl Ctx<'_> {
    /// A linked service as people read it: its name and its supplier's.
    pub(super) fn service(&self, key: &str) -> String {
        match DeclarationDoc::find_service(self.input.declarations, key) {
            Some((d, sv)) => format!(
                "{} ({})",
                sv.name.get(self.lang.code()),
                d.declaration.supplier.name
            ),
            None => key.to_string(),
        }
    }

    /// Where a pair's status comes from, in words (empty when nothing covers it).
    pub(super) fn source(&self, source: Option<&SourceOut>) -> String {
        match source {
            None | Some(SourceOut::None) => String::new(),
            Some(SourceOut::Own) => self.t("report-source-own"),
            Some(SourceOut::Implementation { id }) => {
                let implementations = &self.input.body.implementations;
                let name = (implementations.iter().find(|x| &x.id == id))
                    .map_or(id.as_str(), |x| x.name.as_str());
                self.ta("report-source-implementation-named", &[("name", name)])
            }
            Some(SourceOut::Supplier { service }) => self.ta(
                "report-source-supplier-named",
                &[("service", &self.service(service))],
            ),
            Some(SourceOut::Shared { service, customer }) => {
                let part = self.source(customer.as_deref());
                let part = if part.is_empty() {
                    self.t("report-source-shared-open")
                } else {
                    part
                };
                self.ta(
                    "report-source-shared-named",
                    &[("service", &self.service(service)), ("part", &part)],
                )
            }
        }
    }
}

/// Required measures by where their status comes from (rule 15): the body's own entries,
/// implementations, suppliers' services, shared services, nothing.
pub(super) fn by_source(ctx: &Ctx) -> Section {
    let groups = ["own", "implementation", "supplier", "shared", "none"]
        .into_iter()
        .map(|kind| {
            let of = |x: &&Required| x.source.map_or("none", SourceOut::kind) == kind;
            let c = ctx.counts(ctx.required.iter().filter(of));
            (ctx.t(&format!("report-source-{kind}")), c, c.1 > 0)
        })
        .collect();
    let mut s = count_section(ctx, "source", groups);
    s.paragraphs.push(ctx.t("report-source-note"));
    s
}

/// Suppliers' declarations the body links that end within the warning period.
pub(super) fn expiring_section(ctx: &Ctx) -> Section {
    let rows = (ctx.input.report.summary.expiring.iter())
        .map(|e| {
            vec![
                Cell::Text(e.supplier.clone()),
                Cell::Text(e.declaration.clone()),
                Cell::Date(e.valid_until.to_string()),
                Cell::Int(e.days_left),
            ]
        })
        .collect();
    let cols = vec![
        Column::text(ctx.t("report-col-supplier"), 30.0),
        Column::text(ctx.t("report-col-declaration"), 25.0),
        Column::text(ctx.t("report-col-valid-until"), 15.0),
        Column::number(ctx.t("report-col-days-left"), 10.0),
    ];
    let mut s = section(ctx, "expiring", Some(table(ctx, "expiring", cols, rows)));
    let days = grunnmur_core::effective::EXPIRY_WARNING_DAYS.to_string();
    s.paragraphs
        .push(ctx.ta("report-expiring-intro", &[("days", &days)]));
    s
}
