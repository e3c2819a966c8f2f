//! From the engine's report and the two documents to a neutral [`Doc`]. This module counts,
//! groups, sorts and names; every level, requirement, overdue flag and risk reason comes from
//! the engine's [`AssessReport`] unchanged.

use crate::doc::{Cell, Chart, Column, Doc, Section, Series, Table};
use crate::{ReportInput, ReportKind};
use grunnmur_catalog::body::{ImplementationDoc, StatusDoc};
use grunnmur_catalog::format::MeasureDoc;
use grunnmur_core::catalog::Activity;
use grunnmur_core::derive::Reason;
use grunnmur_core::effective::{SourceOut, StateOut};
use grunnmur_core::level::{Dimension, Level, Levels};
use grunnmur_core::workspace::Status;
use grunnmur_i18n::{Lang, t};
use std::collections::{HashMap, HashSet};

mod evidence;
mod plan;
mod risk;
mod sources;
use plan::{measure_plan, plan_columns, plan_row};
pub use risk::{TOP_RISKS, ZONE_COLORS, risk_assessment, step_label, step_meaning};
use sources::{by_source, expiring_section};

pub fn build(kind: ReportKind, input: &ReportInput) -> Doc {
    let ctx = Ctx::new(input);
    match kind {
        ReportKind::Status => status_report(&ctx),
        ReportKind::MeasurePlan => measure_plan(&ctx),
    }
}

/// The status report's progress, for views that show it beside the report (the dashboard):
/// its sections by baseline and by governance activity, and how many required measures (in
/// every scope) are in place. The same code as the report's, from one context, so the numbers
/// match; the rest of the report is not made.
pub struct Progress {
    pub sections: Vec<Section>,
    pub required: u32,
    pub in_place: u32,
    /// Marked implemented with no evidence link (counted apart; also in `in_place`).
    pub undocumented: u32,
}

pub fn progress(input: &ReportInput) -> Progress {
    let ctx = Ctx::new(input);
    let (_, required, in_place) = ctx.counts(ctx.required.iter());
    Progress {
        sections: vec![by_baseline(&ctx), by_activity(&ctx)],
        required,
        in_place,
        undocumented: ctx.undocumented(),
    }
}

/// Chart colours per status (Okabe-Ito based; distinguishable without relying on hue alone,
/// and the same data is always in a table beside the chart).
const STATUS_COLORS: [(u8, u8, u8); 6] = [
    (213, 94, 0),    // not started: vermilion
    (230, 159, 0),   // in progress: orange
    (240, 228, 66),  // partial: yellow
    (0, 114, 178),   // implemented: blue
    (86, 180, 233),  // supplier: sky blue
    (153, 153, 153), // not applicable: grey
];

/// Required measures of a group by status (in [`Status::ALL`] order), how many, how many in place.
type Counts = ([u32; 6], u32, u32);

/// A required measure in one scope (a system, or the body when `system` is `None`).
struct Required<'a> {
    system: Option<&'a str>,
    measure: &'a str,
    doc: Option<&'a MeasureDoc>,
    baseline: u8,
    /// The body's own entry for the pair, if any: its owner, due date and evidence.
    status: Option<&'a StatusDoc>,
    /// The pair's effective status (rule 15); nothing covering it counts as not started.
    effective: Status,
    overdue: bool,
    /// Where the effective status comes from (rule 15); `None` only for an old report.
    source: Option<&'a SourceOut>,
    /// The implementation that gives the status (or the body's part of a shared service).
    implementation: Option<&'a ImplementationDoc>,
}

impl Required<'_> {
    fn status(&self) -> Status {
        self.effective
    }

    fn in_place(&self) -> bool {
        !self.overdue && matches!(self.status(), Status::Implemented | Status::Supplier)
    }
}

pub(crate) struct Ctx<'a> {
    input: &'a ReportInput<'a>,
    lang: Lang,
    measures: HashMap<&'a str, &'a MeasureDoc>,
    system_names: HashMap<&'a str, &'a str>,
    required: Vec<Required<'a>>,
    /// Labels used on every row, translated once.
    status_labels: Vec<String>,
    baseline_labels: Vec<String>,
    yes_no: [String; 2],
}

impl<'a> Ctx<'a> {
    fn new(input: &'a ReportInput<'a>) -> Ctx<'a> {
        let r = input.report;
        let measures: HashMap<&str, &MeasureDoc> = input
            .catalog
            .measures
            .iter()
            .map(|m| (m.id.as_str(), m))
            .collect();
        let statuses: HashMap<(Option<&str>, &str), &StatusDoc> = input
            .body
            .measure_status
            .iter()
            .map(|s| ((s.system.as_deref(), s.measure.as_str()), s))
            .collect();
        let mut required = Vec::new();
        let implementation = |source: Option<&SourceOut>| {
            let id = match source? {
                SourceOut::Implementation { id } => id,
                SourceOut::Shared { customer, .. } => match customer.as_deref()? {
                    SourceOut::Implementation { id } => id,
                    _ => return None,
                },
                _ => return None,
            };
            input.body.implementations.iter().find(|x| &x.id == id)
        };
        // Effective baselines come from the measure plan (what each trail says).
        let mut push = |system: Option<&'a str>, m: &'a str, state: Option<&'a StateOut>| {
            let doc = measures.get(m).copied();
            let baseline = r
                .baseline(system, m)
                .or_else(|| doc.map(|d| d.level.clamp(1, 3) as u8))
                .unwrap_or(1);
            required.push(Required {
                system,
                measure: m,
                doc,
                baseline,
                status: statuses.get(&(system, m)).copied(),
                effective: state.map_or(Status::NotStarted, |x| x.status),
                overdue: state.is_some_and(|x| x.overdue),
                source: state.map(|x| &x.source),
                implementation: implementation(state.map(|x| &x.source)),
            });
        };
        // The engine's effective status of each pair (rule 15): the own entry, an
        // implementation or a supplier's declaration; its `overdue` is the risk list's.
        for (n, m) in r.org_measures.iter().enumerate() {
            push(None, m, r.org_measure_states.get(n).map(|x| &x.state));
        }
        for s in &r.systems {
            for (n, m) in s.required_measures.iter().enumerate() {
                push(Some(&s.id), m, s.measure_states.get(n).map(|x| &x.state));
            }
        }
        let system_names = r
            .systems
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect();
        let lang = input.lang;
        Ctx {
            input,
            lang,
            measures,
            system_names,
            required,
            status_labels: Status::ALL
                .iter()
                .map(|s| t(lang, &format!("report-status-{}", s.as_str()), &[]))
                .collect(),
            baseline_labels: (0..=3)
                .map(|b| t(lang, "report-baseline", &[("level", &b.to_string())]))
                .collect(),
            yes_no: [t(lang, "report-yes", &[]), t(lang, "report-no", &[])],
        }
    }

    fn t(&self, key: &str) -> String {
        t(self.lang, key, &[])
    }

    fn ta(&self, key: &str, args: &[(&str, &str)]) -> String {
        t(self.lang, key, args)
    }

    fn level(&self, l: Level) -> String {
        self.t(&format!("level-{}", l.ascii()))
    }

    fn levels(&self, l: &Levels) -> String {
        format!(
            "{} / {} / {}",
            self.level(l.c),
            self.level(l.i),
            self.level(l.a)
        )
    }

    fn dimension(&self, d: Dimension) -> String {
        self.t(match d {
            Dimension::C => "report-dim-c",
            Dimension::I => "report-dim-i",
            Dimension::A => "report-dim-a",
        })
    }

    fn status(&self, s: Status) -> String {
        let n = Status::ALL.iter().position(|x| *x == s).unwrap_or(0);
        self.status_labels[n].clone()
    }

    fn reason(&self, r: Reason) -> String {
        self.t(&format!("reason-{}", r.as_str()))
    }

    fn yes_no(&self, b: bool) -> String {
        self.yes_no[usize::from(!b)].clone()
    }

    fn baseline(&self, b: u8) -> String {
        match self.baseline_labels.get(b as usize) {
            Some(l) => l.clone(),
            None => self.ta("report-baseline", &[("level", &b.to_string())]),
        }
    }

    fn activity(&self, a: Activity) -> String {
        let doc = self.input.catalog.activities.iter().find(|x| x.id == a);
        match doc {
            Some(d) => d.name.get(self.lang.code()).to_string(),
            // A catalog without its activities section: the seed's name for the activity.
            None => self.ta(&format!("ui-activity-{}", enum_str(&a)), &[]),
        }
    }

    fn measure_name(&self, id: &str) -> String {
        self.measures
            .get(id)
            .map(|m| m.name.get(self.lang.code()).to_string())
            .unwrap_or_default()
    }

    /// A sector profile's name in the report's language (its id if the catalog has none).
    fn profile_name(&self, id: &str) -> String {
        let lang = self.lang.code();
        let p = self.input.catalog.profiles.iter().find(|p| p.id == id);
        p.map_or_else(|| id.to_string(), |p| p.name.get(lang).to_string())
    }

    /// A measure as people read it: its name, with the id after it.
    fn measure(&self, id: &str) -> String {
        named(&self.measure_name(id), id)
    }

    /// The table abbreviations of the dimensions (konfidensialitet → K), for narrow layouts.
    fn dimension_abbreviations(&self) -> Vec<(String, String)> {
        Dimension::ALL
            .iter()
            .map(|d| {
                let short = self.t(&format!("report-col-{}", d.as_str()));
                (self.dimension(*d), short)
            })
            .collect()
    }

    fn system_name(&self, id: &str) -> String {
        self.system_names
            .get(id)
            .map(|s| s.to_string())
            .unwrap_or_default()
    }

    fn task_name(&self, id: &str) -> String {
        let lang = self.lang.code();
        if let Some(t) = self.input.catalog.tasks.iter().find(|t| t.id == id) {
            return t.name.get(lang).to_string();
        }
        self.input
            .body
            .tasks
            .iter()
            .find(|t| t.id.as_deref() == Some(id))
            .and_then(|t| t.name.clone())
            .unwrap_or_default()
    }

    fn info_type_name(&self, id: &str) -> String {
        let lang = self.lang.code();
        if let Some(t) = self.input.catalog.info_types.iter().find(|t| t.id == id) {
            return t.name.get(lang).to_string();
        }
        self.input
            .body
            .info_types
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    }

    /// Where a measure applies: the body, or a named system.
    fn scope(&self, system: Option<&str>) -> String {
        match system {
            None => self.t("report-scope-org"),
            Some(id) => named(&self.system_name(id), id),
        }
    }

    /// An object of the risk list: `org`, `task:<id>` or `system:<id>`.
    fn object(&self, o: &str) -> String {
        if let Some(id) = o.strip_prefix("system:") {
            self.ta(
                "report-object-system",
                &[("name", &named(&self.system_name(id), id))],
            )
        } else if let Some(id) = o.strip_prefix("task:") {
            self.ta(
                "report-object-task",
                &[("name", &named(&self.task_name(id), id))],
            )
        } else {
            self.t("report-scope-org")
        }
    }

    fn facts(&self) -> Vec<(String, String)> {
        let r = self.input.report;
        let profiles = if r.org.profiles.is_empty() {
            self.t("report-none")
        } else {
            let names: Vec<String> = r
                .org
                .profiles
                .iter()
                .map(|p| self.profile_name(p))
                .collect();
            names.join(", ")
        };
        let mode = |suffix: &str| self.t(&format!("report-selection-{}-{suffix}", r.org.selection));
        vec![
            (self.t("report-fact-org"), r.org.name.clone()),
            (self.t("report-fact-orgnr"), r.org.orgnr.clone()),
            (
                self.t("report-fact-kind"),
                self.t(&format!("report-orgkind-{}", r.org.kind)),
            ),
            (self.t("report-fact-profiles"), profiles),
            (self.t("report-fact-date"), r.today.to_string()),
            (
                self.t("report-fact-catalog"),
                format!("{} {}", r.catalog.id, r.catalog.version),
            ),
            (
                self.t("report-fact-selection"),
                self.ta(
                    "report-selection-value",
                    &[("mode", &mode("name")), ("explain", &mode("explain"))],
                ),
            ),
        ]
    }

    fn doc(&self, title_key: &str, sections: Vec<Section>, landscape: bool) -> Doc {
        let r = self.input.report;
        Doc {
            lang: self.lang,
            title: self.ta(title_key, &[("org", &r.org.name)]),
            facts: self.facts(),
            facts_heading: self.t("report-about"),
            facts_sheet: self.t("report-sheet-about"),
            sections,
            landscape,
        }
    }

    /// Status counts for a group of required measures: one row of the baseline and activity
    /// tables, and one bar of their charts.
    fn counts<'b>(&self, items: impl Iterator<Item = &'b Required<'b>>) -> Counts
    where
        'a: 'b,
    {
        let mut by = [0u32; 6];
        let (mut total, mut in_place) = (0, 0);
        for it in items {
            total += 1;
            let s = it.status();
            by[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)] += 1;
            if it.in_place() {
                in_place += 1;
            }
        }
        (by, total, in_place)
    }

    fn count_row(&self, label: String, counts: Counts) -> Vec<Cell> {
        let (by, total, in_place) = counts;
        let mut row = vec![Cell::Text(label), Cell::Int(total as i64)];
        row.extend(by.iter().map(|n| Cell::Int(*n as i64)));
        row.push(share(in_place, total));
        row
    }

    fn count_columns(&self, first: &str) -> Vec<Column> {
        let mut cols = vec![
            Column::text(self.t(first), 17.0),
            Column::number(self.t("report-col-required"), 8.5),
        ];
        cols.extend(
            Status::ALL
                .iter()
                .map(|s| Column::number(self.status(*s), 9.5)),
        );
        cols.push(Column::number(self.t("report-col-coverage"), 8.0));
        cols
    }

    fn status_chart(&self, title: String, rows: &[(String, [u32; 6])]) -> Chart {
        let series = Status::ALL
            .iter()
            .enumerate()
            .map(|(n, s)| Series {
                name: self.status(*s),
                values: rows.iter().map(|r| r.1[n]).collect(),
                color: STATUS_COLORS[n],
            })
            .collect::<Vec<_>>();
        let alt = rows
            .iter()
            .map(|(label, by)| {
                let parts: Vec<String> = Status::ALL
                    .iter()
                    .zip(by)
                    .filter(|(_, n)| **n > 0)
                    .map(|(s, n)| format!("{} {n}", self.status(*s)))
                    .collect();
                format!("{label}: {}", parts.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ");
        Chart {
            title: title.clone(),
            alt: format!("{title}. {alt}."),
            categories: rows.iter().map(|r| r.0.clone()).collect(),
            series,
            matrix: None,
        }
    }
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn named(name: &str, id: &str) -> String {
    if name.is_empty() || name == id {
        id.to_string()
    } else {
        format!("{name} ({id})")
    }
}

fn share(part: u32, total: u32) -> Cell {
    if total == 0 {
        Cell::Empty
    } else {
        Cell::Percent(part as f64 / total as f64)
    }
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn int(n: usize) -> Cell {
    Cell::Int(n as i64)
}

fn section(ctx: &Ctx, key: &str, table: Option<Table>) -> Section {
    Section {
        key: key.to_string(),
        sheet: ctx.t(&format!("report-sheet-{key}")),
        heading: ctx.t(&format!("report-heading-{key}")),
        paragraphs: Vec::new(),
        charts: Vec::new(),
        table,
    }
}

fn table(ctx: &Ctx, key: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
    Table {
        caption: ctx.t(&format!("report-caption-{key}")),
        columns,
        rows,
        row_headers: false,
        empty: ctx.t("report-empty"),
        abbreviations: Vec::new(),
    }
}

fn status_report(ctx: &Ctx) -> Doc {
    let overdue: Vec<&Required> = ctx.required.iter().filter(|x| x.overdue).collect();
    ctx.doc(
        "report-title-status",
        vec![
            summary_section(ctx, overdue.len()),
            systems_section(ctx),
            tasks_section(ctx),
            by_baseline(ctx),
            by_activity(ctx),
            by_source(ctx),
            expiring_section(ctx),
            deviations_section(ctx),
            risk_section(ctx),
            risk::top_risks(ctx),
            overdue_section(ctx, overdue),
        ],
        false,
    )
}

/// The body's levels and the key figures, and the risk picture.
fn summary_section(ctx: &Ctx, overdue: usize) -> Section {
    let r = ctx.input.report;
    let (_, total, in_place) = ctx.counts(ctx.required.iter());
    let kv = |k: &str, v: Cell| vec![Cell::Text(ctx.t(k)), v];
    let rows = vec![
        kv(
            "report-kv-org-levels",
            Cell::Text(ctx.levels(&r.org.levels)),
        ),
        kv("report-kv-tasks", int(r.tasks.len())),
        kv("report-kv-systems", int(r.summary.systems)),
        kv(
            "report-kv-required-system",
            int(r.summary.required_system_measures),
        ),
        kv(
            "report-kv-required-org",
            int(r.summary.required_org_measures),
        ),
        kv("report-kv-required-total", int(total as usize)),
        kv("report-kv-in-place", int(in_place as usize)),
        kv("report-kv-undocumented", int(ctx.undocumented() as usize)),
        kv("report-kv-coverage", share(in_place, total)),
        kv("report-kv-deviations", int(r.summary.deviations)),
        kv("report-kv-risk", int(r.summary.risk_assessments_needed)),
        kv("report-kv-overdue", int(overdue)),
    ];
    let mut summary_table = table(
        ctx,
        "summary",
        vec![
            Column::text(ctx.t("report-col-figure"), 30.0),
            Column::text(ctx.t("report-col-value"), 20.0),
        ],
        rows,
    );
    summary_table.row_headers = true;
    let mut summary = section(ctx, "summary", Some(summary_table));
    summary.paragraphs.push(ctx.t("report-summary-intro"));
    summary.charts.push(risk_picture(ctx));
    summary
}

/// The columns a row with a name (and its id) and C/I/A levels begins with; the levels' headers
/// shorten to K/I/T where the PDF needs the room.
fn level_columns(ctx: &Ctx, first: &str) -> Vec<Column> {
    let mut cols = vec![Column::text(ctx.t(first), 37.0)];
    cols.extend(Dimension::ALL.iter().map(|d| {
        let key = format!("report-col-{}", d.as_str());
        Column::text(ctx.t(&format!("{key}-full")), 12.0).with_short(ctx.t(&key))
    }));
    cols
}

/// Systems with their levels, cumulation flags and measure counts.
fn systems_section(ctx: &Ctx) -> Section {
    let r = ctx.input.report;
    let req = &ctx.required;
    let risk_objects: HashSet<&str> = r
        .risk_assessment_needed
        .iter()
        .map(|x| x.object.as_str())
        .collect();
    let mut in_place_by_system: HashMap<&str, usize> = HashMap::new();
    for x in req.iter().filter(|x| x.in_place()) {
        if let Some(s) = x.system {
            *in_place_by_system.entry(s).or_default() += 1;
        }
    }
    let sys_rows = r
        .systems
        .iter()
        .map(|s| {
            let cum: Vec<String> = Dimension::ALL
                .iter()
                .filter(|d| s.cumulation.contains(**d))
                .map(|d| ctx.dimension(*d))
                .collect();
            let in_place = in_place_by_system.get(s.id.as_str()).copied().unwrap_or(0);
            vec![
                Cell::Text(named(&s.name, &s.id)),
                Cell::Text(ctx.level(s.levels.c)),
                Cell::Text(ctx.level(s.levels.i)),
                Cell::Text(ctx.level(s.levels.a)),
                text(cum.join(", ")),
                int(s.required_measures.len()),
                int(in_place),
                Cell::Text(ctx.yes_no(risk_objects.contains(format!("system:{}", s.id).as_str()))),
            ]
        })
        .collect();
    let mut cols = level_columns(ctx, "report-col-system");
    cols.extend([
        Column::text(ctx.t("report-col-cumulation"), 12.5)
            .with_short(ctx.t("report-col-cumulation-short")),
        Column::number(ctx.t("report-col-required"), 8.5),
        Column::number(ctx.t("report-col-in-place"), 7.5),
        Column::text(ctx.t("report-col-risk"), 13.0).with_short(ctx.t("report-col-risk-short")),
    ]);
    let mut t = table(ctx, "systems", cols, sys_rows);
    t.abbreviations = ctx.dimension_abbreviations();
    section(ctx, "systems", Some(t))
}

/// Tasks with their levels and deviations.
fn tasks_section(ctx: &Ctx) -> Section {
    let r = ctx.input.report;
    let task_rows = r
        .tasks
        .iter()
        .map(|tk| {
            vec![
                Cell::Text(named(&ctx.task_name(&tk.id), &tk.id)),
                Cell::Text(ctx.level(tk.levels.c)),
                Cell::Text(ctx.level(tk.levels.i)),
                Cell::Text(ctx.level(tk.levels.a)),
                int(tk.deviations.len()),
                Cell::Text(ctx.yes_no(tk.own)),
            ]
        })
        .collect();
    let mut cols = level_columns(ctx, "report-col-task");
    cols.extend([
        Column::number(ctx.t("report-col-deviations"), 7.0),
        Column::text(ctx.t("report-col-own"), 9.0),
    ]);
    let mut t = table(ctx, "tasks", cols, task_rows);
    t.abbreviations = ctx.dimension_abbreviations();
    section(ctx, "tasks", Some(t))
}

/// Deviations from the recommendations.
fn deviations_section(ctx: &Ctx) -> Section {
    let r = ctx.input.report;
    let dev_rows = r
        .tasks
        .iter()
        .flat_map(|tk| {
            tk.deviations.iter().map(move |d| {
                vec![
                    Cell::Text(named(&ctx.task_name(&tk.id), &tk.id)),
                    Cell::Text(named(&ctx.info_type_name(&d.info_type), &d.info_type)),
                    Cell::Text(ctx.dimension(d.dimension)),
                    Cell::Text(ctx.level(d.recommended)),
                    Cell::Text(ctx.level(d.chosen)),
                    text(d.justification.clone()),
                ]
            })
        })
        .collect();
    let cols = vec![
        Column::text(ctx.t("report-col-task"), 18.0),
        Column::text(ctx.t("report-col-info-type"), 18.0),
        Column::text(ctx.t("report-col-dimension"), 10.0)
            .with_short(ctx.t("report-col-dimension-short")),
        Column::text(ctx.t("report-col-recommended"), 9.0),
        Column::text(ctx.t("report-col-chosen"), 9.0),
        Column::text(ctx.t("report-col-justification"), 36.0),
    ];
    let mut t = table(ctx, "deviations", cols, dev_rows);
    t.abbreviations = ctx.dimension_abbreviations();
    section(ctx, "deviations", Some(t))
}

/// Risk assessments needed, in the engine's priority order, with reasons.
fn risk_section(ctx: &Ctx) -> Section {
    let r = ctx.input.report;
    let risk_rows = r
        .risk_assessment_needed
        .iter()
        .enumerate()
        .map(|(n, x)| {
            let reasons: Vec<String> = x.reasons.iter().map(|r| ctx.reason(*r)).collect();
            vec![
                int(n + 1),
                Cell::Text(ctx.object(&x.object)),
                Cell::Text(reasons.join(", ")),
                text(
                    (x.measures.iter())
                        .map(|m| ctx.measure(m))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            ]
        })
        .collect();
    let cols = vec![
        Column::number(ctx.t("report-col-priority"), 6.0),
        Column::text(ctx.t("report-col-object"), 30.0),
        Column::text(ctx.t("report-col-reasons"), 30.0),
        Column::text(ctx.t("report-col-measures"), 24.0),
    ];
    section(ctx, "risk", Some(table(ctx, "risk", cols, risk_rows)))
}

/// Overdue measures, soonest due first.
fn overdue_section(ctx: &Ctx, overdue: Vec<&Required>) -> Section {
    let mut od = overdue;
    od.sort_by(|a, b| {
        (a.status.and_then(|s| s.due.as_deref()), a.system, a.measure).cmp(&(
            b.status.and_then(|s| s.due.as_deref()),
            b.system,
            b.measure,
        ))
    });
    let od_rows = od.iter().map(|x| plan_row(ctx, x, None)).collect();
    section(
        ctx,
        "overdue",
        Some(table(ctx, "overdue", plan_columns(ctx, false), od_rows)),
    )
}

/// Required measures per baseline, with status counts and a chart.
fn by_baseline(ctx: &Ctx) -> Section {
    let groups = (1..=3u8)
        .map(|b| {
            let c = ctx.counts(ctx.required.iter().filter(|x| x.baseline == b));
            (ctx.baseline(b), c, true)
        })
        .collect();
    let mut s = count_section(ctx, "baseline", groups);
    s.paragraphs.push(ctx.t("report-status-note"));
    s
}

/// Required measures per governance activity, with status counts and a chart of the activities
/// that have any.
fn by_activity(ctx: &Ctx) -> Section {
    let groups = Activity::ALL
        .into_iter()
        .map(|a| {
            let of = |x: &&Required| x.doc.is_some_and(|d| d.activity == a);
            let c = ctx.counts(ctx.required.iter().filter(of));
            (ctx.activity(a), c, c.1 > 0)
        })
        .collect();
    count_section(ctx, "activity", groups)
}

/// A section of status counts: a row per group (label, counts, whether it has a bar in the
/// chart) and a total; `report-col-<key>`, `report-chart-<key>`.
fn count_section(ctx: &Ctx, key: &str, groups: Vec<(String, Counts, bool)>) -> Section {
    let mut rows = Vec::new();
    let mut chart_rows = Vec::new();
    for (label, c, bar) in groups {
        if bar {
            chart_rows.push((label.clone(), c.0));
        }
        rows.push(ctx.count_row(label, c));
    }
    rows.push(ctx.count_row(ctx.t("report-total"), ctx.counts(ctx.required.iter())));
    let mut t = table(
        ctx,
        key,
        ctx.count_columns(&format!("report-col-{key}")),
        rows,
    );
    t.row_headers = true;
    let mut s = section(ctx, key, Some(t));
    s.charts
        .push(ctx.status_chart(ctx.t(&format!("report-chart-{key}")), &chart_rows));
    s
}

/// Systems by their highest level, split by whether they need a risk assessment.
fn risk_picture(ctx: &Ctx) -> Chart {
    let r = ctx.input.report;
    let needs: HashSet<&str> = r
        .risk_assessment_needed
        .iter()
        .filter_map(|x| x.object.strip_prefix("system:"))
        .collect();
    let mut with = [0u32; 3];
    let mut without = [0u32; 3];
    for s in &r.systems {
        let l = s.levels.c.max(s.levels.i).max(s.levels.a) as usize - 1;
        if needs.contains(s.id.as_str()) {
            with[l] += 1;
        } else {
            without[l] += 1;
        }
    }
    let categories: Vec<String> = Level::ALL.iter().map(|l| ctx.level(*l)).collect();
    let title = ctx.t("report-chart-risk");
    let alt = categories
        .iter()
        .enumerate()
        .map(|(n, c)| {
            ctx.ta(
                "report-chart-risk-alt",
                &[
                    ("level", c),
                    ("with", &with[n].to_string()),
                    ("without", &without[n].to_string()),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    Chart {
        alt: format!("{title}. {alt}."),
        title,
        categories,
        series: vec![
            Series {
                name: ctx.t("report-series-risk"),
                values: with.to_vec(),
                color: (213, 94, 0),
            },
            Series {
                name: ctx.t("report-series-no-risk"),
                values: without.to_vec(),
                color: (0, 114, 178),
            },
        ],
        matrix: None,
    }
}
