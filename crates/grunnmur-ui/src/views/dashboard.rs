//! The body's dashboard: the seed's three questions as the spine, what needs attention now,
//! and progress per baseline and per governance activity.

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use grunnmur_report::ReportInput;
use grunnmur_web::AppState;
use std::collections::BTreeSet;

pub struct Question {
    pub n: u8,
    pub title: String,
    pub state: String,
    pub done: bool,
    pub detail: String,
    pub href: String,
    pub link: String,
}

pub struct Attention {
    pub label: Shown,
    pub href: String,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    p: Page,
    questions: Vec<Question>,
    levels: [Lv; 3],
    attention: Vec<Attention>,
    more: usize,
    /// Objects whose accepted risk assessment is current.
    assessed: usize,
    overdue: usize,
    deviations: usize,
    cumulation: usize,
    undocumented: u32,
    /// Customer responsibilities of shared services not yet in place.
    customer: usize,
    progress: String,
    grid: String,
    /// Linked suppliers' declarations that expire within 60 days (rule 15).
    expiring: Vec<String>,
    /// Beside the peer group (rule 18): the group in words, and per baseline the body's share
    /// with the peers' median and quartiles (empty when the group is under 5).
    peers: String,
    benchmark: Vec<[String; 4]>,
    /// A newer release of the body's catalog, and what it would change for the body, in words.
    newer_release: Option<String>,
    /// Drafts of the body's catalog open for comments: the notice, and the draft's id.
    consultations: Vec<(String, i64)>,
}

/// What the dashboard takes from the status report and draws, per version and language.
struct Figures {
    progress: String,
    required: u32,
    in_place: u32,
    undocumented: u32,
    grid: String,
}

/// How many objects of the risk list the dashboard shows; the rest are counted.
const ATTENTION: usize = 10;

pub async fn show(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Reader>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let d = &b.derived;
    let (ws, a) = (&d.ws, &d.assessment);
    let report = d.overview();
    // The same figures as the status report, from the same code, made once per version and
    // language.
    let figures = d.view(&format!("dashboard/{}", lang.code()), || {
        let input = ReportInput {
            report,
            catalog: &b.derived.catalog.doc,
            body: &d.doc,
            risks: &[],
            declarations: &d.declarations,
            lang,
        };
        let p = grunnmur_report::build::progress(&input);
        let mut progress = String::new();
        for (n, sec) in p.sections.iter().enumerate() {
            grunnmur_report::html::section(&mut progress, sec, &format!("progress-{n}"), 3);
        }
        Figures {
            progress,
            required: p.required,
            in_place: p.in_place,
            undocumented: p.undocumented,
            grid: crate::svg::level_grid(lang, ws, a),
        }
    });

    let mapped = ws
        .systems
        .iter()
        .filter(|s| !s.processes.is_empty())
        .count();
    let n = |x: usize| x.to_string();
    let (required, in_place) = (figures.required as usize, figures.in_place as usize);
    let base = format!("/b/{orgnr}");
    let questions = vec![
        Question {
            n: 1,
            title: t(lang, "ui-q1", &[]),
            done: !ws.tasks.is_empty() && mapped > 0,
            state: String::new(),
            detail: t(
                lang,
                "ui-q1-detail",
                &[
                    ("tasks", &n(ws.tasks.len())),
                    ("systems", &n(ws.systems.len())),
                    ("mapped", &n(mapped)),
                ],
            ),
            href: format!("{base}/tasks"),
            link: t(lang, "ui-q1-link", &[]),
        },
        Question {
            n: 2,
            title: t(lang, "ui-q2", &[]),
            done: !ws.tasks.is_empty(),
            state: String::new(),
            detail: t(
                lang,
                "ui-q2-detail",
                &[("deviations", &n(report.summary.deviations))],
            ),
            href: format!("{base}/adapt"),
            link: t(lang, "ui-q2-link", &[]),
        },
        Question {
            n: 3,
            title: t(lang, "ui-q3", &[]),
            done: required > 0 && in_place == required,
            state: String::new(),
            detail: t(
                lang,
                "ui-q3-detail",
                &[("required", &n(required)), ("in_place", &n(in_place))],
            ),
            href: format!("{base}/measures"),
            link: t(lang, "ui-q3-link", &[]),
        },
    ]
    .into_iter()
    .map(|mut q| {
        q.state = t(
            lang,
            if q.done {
                "ui-state-done"
            } else {
                "ui-state-todo"
            },
            &[],
        );
        q
    })
    .collect();

    // The risk list less what a current, accepted assessment covers (the risk page's to-do).
    let todo = super::risk::todo(&s, &b, lang).await?;
    let more = todo.needed.len().saturating_sub(ATTENTION);
    let attention = todo
        .needed
        .into_iter()
        .take(ATTENTION)
        .map(|x| Attention {
            label: x.label,
            href: x.href,
            reasons: x.reasons,
        })
        .collect();
    // The rows the measure list filtered to overdue shows, so the count and the list agree.
    let overdue =
        super::measures::rows(&b, lang, &super::measures::Filter::status("overdue"))?.len();
    let cumulation = a
        .systems
        .iter()
        .filter(|x| !x.cumulation.is_empty())
        .count();
    let levels = lvs(lang, a.org_levels);
    let expiring = (report.summary.expiring.iter())
        .map(|e| {
            let args = [
                ("declaration", e.declaration.as_str()),
                ("supplier", e.supplier.as_str()),
                ("until", &e.valid_until.to_string()),
                ("days", &e.days_left.to_string()),
            ];
            t(lang, "ui-attention-expiring-item", &args)
        })
        .collect();
    let bench = grunnmur_web::national_api::benchmark_of(&s, &b.row.orgnr).await?;
    let pct =
        |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{} %", (x * 100.0).round()));
    let peers = t(
        lang,
        if bench.suppressed {
            "ui-peers-too-few"
        } else {
            "ui-peers-group"
        },
        &[
            ("n", &bench.peers.to_string()),
            (
                "kind",
                &t(lang, &format!("report-orgkind-{}", bench.kind), &[]),
            ),
        ],
    );
    let benchmark = (bench.baselines.iter())
        .map(|x| {
            let range = format!("{} – {}", pct(x.q1), pct(x.q3));
            [format!("BN{}", x.key), pct(x.own), pct(x.median), range]
        })
        .collect();
    let newer_release = newer_release(&s, lang, &b.row.orgnr).await?;
    let consultations = (s.store.drafts().await?.into_iter())
        .filter(|d| d.catalog_id == b.row.catalog_id && grunnmur_web::drafts::open_for_comments(d))
        .map(|d| {
            let closes = d.closes.clone().unwrap_or_default();
            let args = [("version", d.version.as_str()), ("closes", closes.as_str())];
            (t(lang, "ui-consultation-notice", &args), d.id)
        })
        .collect();
    html(DashboardPage {
        newer_release,
        consultations,
        peers,
        benchmark,
        p: v.body_page(&b, "ui-dashboard-title", "dashboard"),
        questions,
        levels,
        more,
        attention,
        assessed: todo.assessed.len(),
        overdue,
        deviations: report.summary.deviations,
        cumulation,
        undocumented: figures.undocumented,
        customer: super::services::open_parts(&b).len(),
        progress: figures.progress.clone(),
        grid: figures.grid.clone(),
        expiring,
    })
}

/// "Version V is published; for you it changes …", when the body is pinned to an older one.
async fn newer_release(s: &AppState, lang: Lang, orgnr: &str) -> Result<Option<String>, PageError> {
    let Some((version, impact)) = grunnmur_web::release_api::newer_release(s, orgnr).await? else {
        return Ok(None);
    };
    let text = match impact {
        Ok(i) if !i.changes() => t(lang, "ui-newer-release-none", &[("version", &version)]),
        Ok(i) => {
            let scopes = std::iter::once(&i.org).chain(i.systems.iter().map(|x| &x.scope));
            let (mut added, mut removed) = (BTreeSet::new(), BTreeSet::new());
            for sc in scopes {
                added.extend(sc.measures_added.iter());
                removed.extend(sc.measures_removed.iter());
            }
            let args = [
                ("version", version.clone()),
                ("systems", i.systems.len().to_string()),
                ("added", added.len().to_string()),
                ("removed", removed.len().to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            t(lang, "ui-newer-release", &args)
        }
        Err(problems) => {
            let n = problems.to_string();
            t(
                lang,
                "ui-newer-release-misfit",
                &[("version", &version), ("count", &n)],
            )
        }
    };
    Ok(Some(text))
}
