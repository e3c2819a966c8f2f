//! Pictures drawn on the server as SVG: the systems × C/I/A level grid and the dependency graph.
//! Each carries a title and a description with its numbers (`role="img"`), and the page shows
//! the same data as a table, so nobody depends on seeing the picture.

use grunnmur_core::Assessment;
use grunnmur_core::level::{Dimension, Level};
use grunnmur_core::workspace::Workspace;
use grunnmur_i18n::{Lang, t};
use std::fmt::Write;

pub fn esc(s: &str) -> String {
    grunnmur_report::html::esc(s)
}

/// Fill and text colour per level: text contrast above 7:1 on each fill.
fn colors(l: Level) -> (&'static str, &'static str) {
    match l {
        Level::Lav => ("#e2f0e6", "#14532b"),
        Level::Middels => ("#fff1cc", "#6b3d00"),
        Level::Hoy => ("#fbe0e0", "#8a1116"),
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

const ROW: f32 = 26.0;
const NAME_W: f32 = 260.0;
const CELL_W: f32 = 110.0;

/// One row per system, one column per dimension, each cell coloured and labelled by level.
pub fn level_grid(lang: Lang, ws: &Workspace, a: &Assessment) -> String {
    let n = ws.systems.len();
    let width = NAME_W + 3.0 * CELL_W;
    let height = ROW * (n as f32 + 1.0) + 4.0;
    let mut counts = [[0usize; 3]; 3];
    for r in &a.systems {
        for d in Dimension::ALL {
            counts[d as usize][r.levels[d] as usize - 1] += 1;
        }
    }
    let dim = |d: Dimension| crate::views::dim_label(lang, d);
    let level = |l: Level| crate::views::level_label(lang, l);
    let desc: Vec<String> = Dimension::ALL
        .iter()
        .map(|d| {
            let parts: Vec<String> = Level::ALL
                .iter()
                .map(|l| format!("{} {}", level(*l), counts[*d as usize][*l as usize - 1]))
                .collect();
            format!("{}: {}", dim(*d), parts.join(", "))
        })
        .collect();
    let title = t(lang, "ui-grid-svg-title", &[("n", &n.to_string())]);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="grid-t grid-d"><title id="grid-t">{}</title><desc id="grid-d">{}</desc>"#,
        esc(&title),
        esc(&desc.join(". "))
    );
    for (k, d) in Dimension::ALL.iter().enumerate() {
        let x = NAME_W + k as f32 * CELL_W + CELL_W / 2.0;
        let _ = write!(
            s,
            r#"<text x="{x}" y="18" text-anchor="middle" font-weight="bold" font-size="14">{}</text>"#,
            esc(&dim(*d))
        );
    }
    for (i, (sys, r)) in ws.systems.iter().zip(&a.systems).enumerate() {
        let y = ROW * (i as f32 + 1.0);
        let _ = write!(
            s,
            r#"<text x="4" y="{}" font-size="14">{}</text>"#,
            y + 18.0,
            esc(&clip(&sys.name, 32))
        );
        for (k, d) in Dimension::ALL.iter().enumerate() {
            let l = r.levels[*d];
            let (fill, ink) = colors(l);
            let x = NAME_W + k as f32 * CELL_W;
            let _ = write!(
                s,
                r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="#ffffff" stroke-width="2"/><text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{ink}">{}</text>"##,
                x,
                y + 2.0,
                CELL_W,
                ROW - 2.0,
                x + CELL_W / 2.0,
                y + 18.0,
                esc(&level(l))
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// Systems in columns by how deep their dependencies go (what everything runs on to the left),
/// with an arrow from each system to what it depends on.
pub fn dependency_graph(lang: Lang, ws: &Workspace) -> String {
    let n = ws.systems.len();
    // Depth: 0 for a system that depends on nothing; cycles stop growing after n rounds.
    let mut depth = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for (i, sys) in ws.systems.iter().enumerate() {
            let want = sys
                .depends_on
                .iter()
                .map(|d| depth[d.on] + 1)
                .max()
                .unwrap_or(0)
                .min(n);
            if want > depth[i] {
                depth[i] = want;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let columns = depth.iter().max().map_or(0, |m| m + 1);
    let mut row_of = vec![0usize; n];
    let mut per_col = vec![0usize; columns];
    for i in 0..n {
        row_of[i] = per_col[depth[i]];
        per_col[depth[i]] += 1;
    }
    let (box_w, box_h, gap_x, gap_y) = (190.0f32, 30.0f32, 70.0f32, 14.0f32);
    let rows = per_col.iter().copied().max().unwrap_or(0);
    let width = (columns as f32 * (box_w + gap_x)).max(box_w) + 10.0;
    let height = (rows as f32 * (box_h + gap_y)).max(box_h) + 10.0;
    let pos = |i: usize| {
        (
            5.0 + depth[i] as f32 * (box_w + gap_x),
            5.0 + row_of[i] as f32 * (box_h + gap_y),
        )
    };
    let edges: usize = ws.systems.iter().map(|s| s.depends_on.len()).sum();
    let title = t(lang, "ui-graph-title", &[]);
    let desc = t(
        lang,
        "ui-graph-desc",
        &[("systems", &n.to_string()), ("edges", &edges.to_string())],
    );
    let mut s = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="graph-t graph-d"><title id="graph-t">{}</title><desc id="graph-d">{}</desc><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4a5560"/></marker></defs>"##,
        esc(&title),
        esc(&desc)
    );
    for (i, sys) in ws.systems.iter().enumerate() {
        let (x1, y1) = pos(i);
        for d in &sys.depends_on {
            let (x2, y2) = pos(d.on);
            let dash = match d.kind {
                grunnmur_core::workspace::DependencyKind::RunsOn => "",
                grunnmur_core::workspace::DependencyKind::Uses => r#" stroke-dasharray="5 3""#,
            };
            let _ = write!(
                s,
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#4a5560" stroke-width="1.5"{dash} marker-end="url(#arrow)"/>"##,
                x1,
                y1 + box_h / 2.0,
                x2 + box_w,
                y2 + box_h / 2.0
            );
        }
    }
    for (i, sys) in ws.systems.iter().enumerate() {
        let (x, y) = pos(i);
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{y}" width="{box_w}" height="{box_h}" rx="4" fill="#f3f5f7" stroke="#0b4f7c" stroke-width="1.5"/><text x="{}" y="{}" font-size="13">{}</text>"##,
            x + 8.0,
            y + 20.0,
            esc(&clip(&sys.name, 24))
        );
    }
    s.push_str("</svg>");
    s
}
