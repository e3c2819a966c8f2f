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

/// The text cut to `n` characters, with an ellipsis when cut.
pub(crate) fn clip(s: &str, n: usize) -> String {
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
    let dim = |d: Dimension| crate::views::dim_label(lang, d);
    // Wide enough for the longest dimension name in bold (`tilgjengelighet` is not cut).
    let cell_w = Dimension::ALL
        .iter()
        .map(|d| dim(*d).chars().count() as f32 * 8.6 + 16.0)
        .fold(CELL_W, f32::max);
    let width = NAME_W + 3.0 * cell_w;
    let height = ROW * (n as f32 + 1.0) + 4.0;
    let mut counts = [[0usize; 3]; 3];
    for r in &a.systems {
        for d in Dimension::ALL {
            counts[d as usize][r.levels[d] as usize - 1] += 1;
        }
    }
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
        let x = NAME_W + k as f32 * cell_w + cell_w / 2.0;
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
            let x = NAME_W + k as f32 * cell_w;
            let _ = write!(
                s,
                r##"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="#ffffff" stroke-width="2"/><text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{ink}">{}</text>"##,
                x,
                y + 2.0,
                cell_w,
                ROW - 2.0,
                x + cell_w / 2.0,
                y + 18.0,
                esc(&level(l))
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// The widest the dependency graph may be: it fits the page's content column (80rem less the
/// padding) on a 1,280 px screen, so nobody scrolls sideways to read it.
pub const GRAPH_MAX_W: f32 = 1220.0;
const BOX_W: f32 = 180.0;
const BOX_H: f32 = 30.0;
const GAP_X: f32 = 20.0;
/// Room between rows for the arrows.
const GAP_Y: f32 = 46.0;
const MARGIN: f32 = 5.0;

/// Where each system's box goes, and the picture's size.
#[derive(Debug)]
pub struct GraphLayout {
    pub width: f32,
    pub height: f32,
    /// The top-left corner of each system's box, by system index.
    pub boxes: Vec<(f32, f32)>,
}

/// Layers by longest path: a system that depends on nothing is in layer 0, any other one layer
/// above the highest thing it depends on. Edges that close a cycle (found by a depth-first walk
/// in index order) are left out of the layering, so a cycle cannot stretch the picture.
fn layers(ws: &Workspace) -> Vec<usize> {
    let n = ws.systems.len();
    // 0 = not seen, 1 = on the walk's path, 2 = done.
    let mut state = vec![0u8; n];
    let mut layer = vec![0usize; n];
    for root in 0..n {
        if state.get(root) != Some(&0) {
            continue;
        }
        // An explicit stack of (system, next dependency to look at): no recursion depth limit.
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(top) = stack.last_mut() {
            let (i, k) = *top;
            let deps = &ws.systems[i].depends_on;
            if k < deps.len() {
                top.1 += 1;
                let on = deps[k].on;
                if state[on] == 0 {
                    state[on] = 1;
                    stack.push((on, 0));
                }
                continue;
            }
            // Every dependency is placed (or closes a cycle and is on the path): place `i`.
            layer[i] = deps
                .iter()
                .filter(|d| state[d.on] == 2)
                .map(|d| layer[d.on] + 1)
                .max()
                .unwrap_or(0);
            state[i] = 2;
            stack.pop();
        }
    }
    layer
}

/// Lays the graph out in rows, one layer after another from the top (what depends on most) to
/// the bottom (what everything runs on); a layer wider than the picture wraps onto more rows.
/// Within a layer, systems are ordered by where their neighbours are (a few barycentre sweeps),
/// which keeps most arrows short and uncrossed.
pub fn graph_layout(ws: &Workspace) -> GraphLayout {
    let n = ws.systems.len();
    let layer = layers(ws);
    let per_row = (((GRAPH_MAX_W - 2.0 * MARGIN + GAP_X) / (BOX_W + GAP_X)) as usize).max(1);
    let top = layer.iter().copied().max().unwrap_or(0);
    // Layers from the top row down, each in its current order.
    let mut order: Vec<Vec<usize>> = (0..=top)
        .rev()
        .map(|l| (0..n).filter(|&i| layer[i] == l).collect())
        .collect();
    let mut neighbours = vec![Vec::new(); n];
    for (i, sys) in ws.systems.iter().enumerate() {
        for d in &sys.depends_on {
            if d.on != i {
                neighbours[i].push(d.on);
                neighbours[d.on].push(i);
            }
        }
    }
    let rows_of = |len: usize| len.div_ceil(per_row).max(1);
    let place = |order: &[Vec<usize>]| {
        let mut boxes = vec![(0.0f32, 0.0f32); n];
        let mut row = 0usize;
        for group in order {
            for (k, &i) in group.iter().enumerate() {
                let (r, c) = (k / per_row, k % per_row);
                // A short row is centred under the full ones.
                let in_row = (group.len() - r * per_row).min(per_row);
                let row_w = in_row as f32 * (BOX_W + GAP_X) - GAP_X;
                let full_w = per_row.min(n.max(1)) as f32 * (BOX_W + GAP_X) - GAP_X;
                let x = MARGIN + (full_w - row_w) / 2.0 + c as f32 * (BOX_W + GAP_X);
                let y = MARGIN + (row + r) as f32 * (BOX_H + GAP_Y);
                boxes[i] = (x, y);
            }
            row += rows_of(group.len());
        }
        (boxes, row)
    };
    for _ in 0..4 {
        let (boxes, _) = place(&order);
        for group in order.iter_mut() {
            let key = |i: usize| {
                let ns = &neighbours[i];
                if ns.is_empty() {
                    boxes[i].0
                } else {
                    ns.iter().map(|&j| boxes[j].0).sum::<f32>() / ns.len() as f32
                }
            };
            let mut keyed: Vec<(f32, usize)> = group.iter().map(|&i| (key(i), i)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            *group = keyed.into_iter().map(|(_, i)| i).collect();
        }
    }
    let (boxes, rows) = place(&order);
    let cols = per_row.min(n.max(1));
    GraphLayout {
        width: 2.0 * MARGIN + cols as f32 * (BOX_W + GAP_X) - GAP_X,
        height: 2.0 * MARGIN + rows as f32 * (BOX_H + GAP_Y) - GAP_Y,
        boxes,
    }
}

/// Systems in layered rows (what everything runs on at the bottom), with an arrow from each
/// system to what it depends on.
pub fn dependency_graph(lang: Lang, ws: &Workspace) -> String {
    let n = ws.systems.len();
    let g = graph_layout(ws);
    let (width, height) = (g.width, g.height);
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
        let (x1, y1) = g.boxes[i];
        for d in &sys.depends_on {
            if d.on == i {
                continue;
            }
            let (x2, y2) = g.boxes[d.on];
            let dash = match d.kind {
                grunnmur_core::workspace::DependencyKind::RunsOn => "",
                grunnmur_core::workspace::DependencyKind::Uses => r#" stroke-dasharray="5 3""#,
            };
            // From the edge of one box that faces the other to the facing edge of the other,
            // as a curve, so arrows in the same gap stay apart.
            let (sx, tx) = (x1 + BOX_W / 2.0, x2 + BOX_W / 2.0);
            let (sy, ty, bend) = if y2 > y1 {
                (y1 + BOX_H, y2, GAP_Y / 2.0)
            } else if y2 < y1 {
                (y1, y2 + BOX_H, -GAP_Y / 2.0)
            } else {
                // Same row (only in a cycle): loop below the row.
                (y1 + BOX_H, y2 + BOX_H, GAP_Y / 2.0)
            };
            let (c1, c2) = if y2 == y1 {
                (sy + bend, ty + bend)
            } else {
                (sy + bend, ty - bend)
            };
            let _ = write!(
                s,
                r##"<path d="M{sx},{sy} C{sx},{c1} {tx},{c2} {tx},{ty}" fill="none" stroke="#4a5560" stroke-width="1.5"{dash} marker-end="url(#arrow)"/>"##
            );
        }
    }
    for (i, sys) in ws.systems.iter().enumerate() {
        let (x, y) = g.boxes[i];
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="4" fill="#f3f5f7" stroke="#0b4f7c" stroke-width="1.5"/><text x="{}" y="{}" font-size="13">{}</text>"##,
            x + 8.0,
            y + 20.0,
            esc(&clip(&sys.name, 23))
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo body (`grunnmur serve --demo`) on the bundled catalog.
    fn demo() -> Workspace {
        let cat = grunnmur_catalog::load_catalog(None)
            .0
            .expect("bundled catalog");
        let src = grunnmur_catalog::Source {
            name: "examples/kommune.yaml".into(),
            text: include_str!("../../../examples/kommune.yaml").into(),
        };
        let decls = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/declarations");
        let (decls, _) = grunnmur_catalog::files::load_declarations(
            std::path::Path::new(decls),
            &cat.catalog,
            grunnmur_catalog::read_declaration,
        );
        grunnmur_catalog::read_body_with(&src, &cat.catalog, &decls.expect("declarations"))
            .expect("the demo body fits the catalog")
            .1
    }

    fn overlap(a: (f32, f32), b: (f32, f32)) -> bool {
        a.0 < b.0 + BOX_W && b.0 < a.0 + BOX_W && a.1 < b.1 + BOX_H && b.1 < a.1 + BOX_H
    }

    #[test]
    fn the_demo_graph_fits_a_1280_px_screen_without_overlapping_boxes() {
        let ws = demo();
        assert!(ws.systems.len() > 20, "the demo body has its systems");
        let g = graph_layout(&ws);
        assert!(g.width <= 1280.0, "graph is {} px wide", g.width);
        for (i, a) in g.boxes.iter().enumerate() {
            assert!(a.0 >= 0.0 && a.0 + BOX_W <= g.width, "box {i} is inside");
            assert!(a.1 >= 0.0 && a.1 + BOX_H <= g.height, "box {i} is inside");
            for (j, b) in g.boxes.iter().enumerate().skip(i + 1) {
                assert!(!overlap(*a, *b), "boxes {i} and {j} overlap");
            }
        }
        // Every dependency outside a cycle is drawn on a lower row.
        let layer = layers(&ws);
        for (i, sys) in ws.systems.iter().enumerate() {
            for d in &sys.depends_on {
                if layer[d.on] < layer[i] {
                    assert!(g.boxes[d.on].1 > g.boxes[i].1, "{} under {}", sys.id, d.on);
                }
            }
        }
        let svg = dependency_graph(Lang::En, &ws);
        let w: f32 = svg
            .split("width=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("the svg has a width");
        assert!(w <= 1280.0, "svg is {w} px wide");
        assert_eq!(svg.matches("<rect").count(), ws.systems.len());
    }

    #[test]
    fn a_cycle_does_not_stretch_the_layers() {
        let mut ws = demo();
        let before = layers(&ws).into_iter().max().unwrap();
        // Close a cycle through the first system and what it depends on.
        let first = ws
            .systems
            .iter()
            .position(|s| !s.depends_on.is_empty())
            .expect("a system with a dependency");
        let on = ws.systems[first].depends_on[0].on;
        ws.systems[on]
            .depends_on
            .push(grunnmur_core::workspace::Dependency {
                on: first,
                kind: grunnmur_core::workspace::DependencyKind::Uses,
            });
        let after = layers(&ws).into_iter().max().unwrap();
        assert!(after <= before + 1, "{before} layers became {after}");
        assert!(graph_layout(&ws).width <= 1280.0);
    }
}
