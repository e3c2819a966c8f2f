//! Chart geometry shared by the SVG (HTML) and PDF renderers: a horizontal stacked bar chart
//! with a legend. Only positions are computed here; each renderer draws them its own way.

use crate::doc::{Chart, Matrix};

/// Layout constants, in points (PDF) or CSS pixels (SVG).
pub const WIDTH: f32 = 480.0;
pub const LABEL_W: f32 = 150.0;
pub const BAR_H: f32 = 18.0;
pub const GAP: f32 = 8.0;
pub const LEGEND_ROW: f32 = 16.0;
pub const FONT: f32 = 9.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub color: (u8, u8, u8),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f32,
    pub y: f32,
    pub text: String,
    /// Right-aligned at `x` (the category labels).
    pub right: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub bars: Vec<Bar>,
    /// Small squares in the legend.
    pub swatches: Vec<Bar>,
    /// Baselines of text (y is the baseline).
    pub labels: Vec<Label>,
}

/// Lays out the chart; `y` grows downwards from the top.
pub fn layout(chart: &Chart) -> Geometry {
    match &chart.matrix {
        Some(m) => layout_matrix(m),
        None => layout_bars(chart),
    }
}

fn layout_bars(chart: &Chart) -> Geometry {
    let mut g = Geometry {
        width: WIDTH,
        ..Geometry::default()
    };
    let plot_w = WIDTH - LABEL_W - 40.0;
    let max = chart.max_total() as f32;
    let mut y = 0.0;
    for (c, cat) in chart.categories.iter().enumerate() {
        // A long name wraps onto more lines (never cut: right-aligned text wider than the
        // label column would start left of the picture); its row grows to hold them.
        let names = lines(cat, LABEL_W - 6.0);
        let line_h = FONT * 1.2;
        let row_h = BAR_H.max(names.len() as f32 * line_h);
        let first = y + (row_h - names.len() as f32 * line_h) / 2.0 + FONT;
        for (k, name) in names.into_iter().enumerate() {
            g.labels.push(Label {
                x: LABEL_W - 6.0,
                y: first + k as f32 * line_h,
                text: name,
                right: true,
            });
        }
        let y_bar = y + (row_h - BAR_H) / 2.0;
        let mut x = LABEL_W;
        let mut total = 0;
        for s in &chart.series {
            let v = s.values[c];
            total += v;
            if v == 0 {
                continue;
            }
            let w = plot_w * v as f32 / max;
            g.bars.push(Bar {
                x,
                y: y_bar,
                w,
                h: BAR_H,
                color: s.color,
            });
            x += w;
        }
        g.labels.push(Label {
            x: x + 4.0,
            y: y_bar + BAR_H * 0.7,
            text: total.to_string(),
            right: false,
        });
        y += row_h + GAP;
    }
    // Legend: up to three entries per row.
    y += 4.0;
    let col_w = WIDTH / 3.0;
    for (n, s) in chart.series.iter().enumerate() {
        let (col, row) = (n % 3, n / 3);
        let lx = col as f32 * col_w;
        let ly = y + row as f32 * LEGEND_ROW;
        g.swatches.push(Bar {
            x: lx,
            y: ly,
            w: 10.0,
            h: 10.0,
            color: s.color,
        });
        g.labels.push(Label {
            x: lx + 14.0,
            y: ly + 9.0,
            text: s.name.clone(),
            right: false,
        });
    }
    let rows = chart.series.len().div_ceil(3) as f32;
    g.height = y + rows * LEGEND_ROW;
    g
}

pub const CELL_H: f32 = 28.0;

/// Rough text width at the chart font (DejaVu Sans averages a little over half an em); the
/// renderers have no shared font metrics, and a cell only needs to know when to shorten.
fn text_w(s: &str) -> f32 {
    s.chars().count() as f32 * FONT * 0.58
}

/// Words of `s` in lines no wider than `max` (a word is never split).
fn lines(s: &str, max: f32) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in s.split_whitespace() {
        match out.last_mut() {
            Some(l) if text_w(&format!("{l} {w}")) <= max => {
                l.push(' ');
                l.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
    }
    out
}

/// What fits of a cell's text: all of it, or the first items and how many more.
fn fit(text: &str, max: f32) -> String {
    if text_w(text) <= max {
        return text.to_string();
    }
    let items: Vec<&str> = text.split(", ").collect();
    for k in (0..items.len()).rev() {
        let s = format!("{} +{}", items[..k].join(", "), items.len() - k);
        if text_w(&s) <= max {
            return s.trim_start().to_string();
        }
    }
    format!("+{}", items.len())
}

/// The risk matrix: the likelihood title, rows from the most likely down, the consequence
/// names under the columns, the consequence title, then the zones' legend.
fn layout_matrix(m: &Matrix) -> Geometry {
    let mut g = Geometry {
        width: WIDTH,
        ..Geometry::default()
    };
    let cols = m.columns.len().max(1);
    let cell_w = (WIDTH - LABEL_W) / cols as f32;
    g.labels.push(Label {
        x: LABEL_W - 6.0,
        y: FONT,
        text: m.row_title.clone(),
        right: true,
    });
    let top = FONT + 6.0;
    let n = m.rows.len();
    for (k, row) in m.cells.iter().enumerate() {
        // Row k (lowest first) is drawn n - 1 - k rows from the top.
        let y = top + (n - 1 - k) as f32 * CELL_H;
        if let Some(name) = m.rows.get(k) {
            g.labels.push(Label {
                x: LABEL_W - 6.0,
                y: y + CELL_H * 0.6,
                text: name.clone(),
                right: true,
            });
        }
        for (c, cell) in row.iter().enumerate() {
            let x = LABEL_W + c as f32 * cell_w;
            g.bars.push(Bar {
                x,
                y,
                w: cell_w,
                h: CELL_H,
                color: cell.color,
            });
            if !cell.text.is_empty() {
                g.labels.push(Label {
                    x: x + 4.0,
                    y: y + CELL_H * 0.6,
                    text: fit(&cell.text, cell_w - 8.0),
                    right: false,
                });
            }
        }
    }
    let mut y = top + n as f32 * CELL_H + FONT + 4.0;
    let mut deepest = 1;
    for (c, name) in m.columns.iter().enumerate() {
        let ls = lines(name, cell_w - 4.0);
        deepest = deepest.max(ls.len());
        for (k, l) in ls.into_iter().enumerate() {
            g.labels.push(Label {
                x: LABEL_W + c as f32 * cell_w + 2.0,
                y: y + k as f32 * (FONT + 2.0),
                text: l,
                right: false,
            });
        }
    }
    y += deepest as f32 * (FONT + 2.0) + 4.0;
    g.labels.push(Label {
        x: LABEL_W,
        y,
        text: m.column_title.clone(),
        right: false,
    });
    y += 10.0;
    let col_w = WIDTH / 3.0;
    for (k, (name, color)) in m.legend.iter().enumerate() {
        let (lx, ly) = ((k % 3) as f32 * col_w, y + (k / 3) as f32 * LEGEND_ROW);
        g.swatches.push(Bar {
            x: lx,
            y: ly,
            w: 10.0,
            h: 10.0,
            color: *color,
        });
        g.labels.push(Label {
            x: lx + 14.0,
            y: ly + 9.0,
            text: name.clone(),
            right: false,
        });
    }
    g.height = y + m.legend.len().div_ceil(3) as f32 * LEGEND_ROW;
    g
}

/// The chart as inline SVG: `role="img"`, a title and a description that carry the numbers.
pub fn svg(chart: &Chart, id: &str) -> String {
    use crate::html::esc;
    let g = layout(chart);
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{w}" height="{h}" viewBox="0 0 {w} {h}" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{t}</title><desc id="{id}-d">{d}</desc>"#,
        w = g.width,
        h = g.height.ceil(),
        t = esc(&chart.title),
        d = esc(&chart.alt),
    );
    for b in g.bars.iter().chain(&g.swatches) {
        let (r, gg, bb) = b.color;
        s.push_str(&format!(
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#{r:02x}{gg:02x}{bb:02x}" stroke="#ffffff" stroke-width="0.5"/>"##,
            b.x, b.y, b.w, b.h
        ));
    }
    for l in &g.labels {
        let anchor = if l.right { "end" } else { "start" };
        s.push_str(&format!(
            r#"<text x="{:.1}" y="{:.1}" font-size="{FONT}" text-anchor="{anchor}">{}</text>"#,
            l.x,
            l.y,
            esc(&l.text)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Series;

    #[test]
    fn bars_are_proportional_and_stacked() {
        let chart = Chart {
            title: "t".into(),
            alt: "a".into(),
            categories: vec!["A".into(), "B".into()],
            series: vec![
                Series {
                    name: "x".into(),
                    values: vec![2, 0],
                    color: (0, 0, 0),
                },
                Series {
                    name: "y".into(),
                    values: vec![2, 1],
                    color: (1, 1, 1),
                },
            ],
            matrix: None,
        };
        let g = layout(&chart);
        assert_eq!(g.bars.len(), 3, "a zero segment draws nothing");
        let full = g.bars[0].w + g.bars[1].w;
        assert!(
            (g.bars[2].w * 4.0 - full).abs() < 0.01,
            "B is a quarter of A"
        );
        assert!((g.bars[1].x - (g.bars[0].x + g.bars[0].w)).abs() < 0.01);
        assert!(
            g.labels.iter().any(|l| l.text == "4"),
            "totals are labelled"
        );
        assert_eq!(g.swatches.len(), 2);
    }

    #[test]
    fn long_category_names_wrap_inside_the_picture() {
        let long = "Management direction and follow-up of information security";
        let chart = Chart {
            title: "t".into(),
            alt: "a".into(),
            categories: vec![long.into(), "B".into()],
            series: vec![Series {
                name: "x".into(),
                values: vec![2, 1],
                color: (0, 0, 0),
            }],
            matrix: None,
        };
        let g = layout(&chart);
        let names: Vec<&Label> = g.labels.iter().filter(|l| l.right).collect();
        for l in &names {
            assert!(
                l.x - text_w(&l.text) >= 0.0,
                "“{}” starts left of the picture",
                l.text
            );
        }
        let words: Vec<&str> = names.iter().flat_map(|l| l.text.split(' ')).collect();
        assert_eq!(
            words.join(" "),
            format!("{long} B"),
            "every word is shown, in order"
        );
        assert!(names.len() > 2, "the long name takes more than one line");
        // The second bar starts below the first name's last line.
        let last_line = names[names.len() - 2].y;
        assert!(g.bars[1].y >= last_line, "rows do not overlap");
        assert!(g.height > g.bars[1].y + BAR_H);
    }

    #[test]
    fn matrix_cells_are_drawn_from_the_most_likely_row_down() {
        use crate::doc::MatrixCell;
        let cell = |t: &str, c: u8| MatrixCell {
            text: t.into(),
            color: (c, c, c),
        };
        let m = Matrix {
            row_title: "L".into(),
            column_title: "K".into(),
            rows: vec!["lav".into(), "høy".into()],
            columns: vec!["liten".into(), "stor".into()],
            cells: vec![
                vec![cell("", 1), cell("R1", 2)],
                vec![cell("R2, R3", 3), cell("", 4)],
            ],
            legend: vec![("ok".into(), (1, 1, 1))],
        };
        let chart = Chart {
            title: "t".into(),
            alt: "a".into(),
            categories: vec![],
            series: vec![],
            matrix: Some(m),
        };
        let g = layout(&chart);
        assert_eq!(g.bars.len(), 4);
        let y_of = |c: u8| g.bars.iter().find(|b| b.color == (c, c, c)).unwrap().y;
        assert!(y_of(3) < y_of(1), "the likelier row is drawn above");
        assert_eq!(y_of(3), y_of(4));
        let x_of = |c: u8| g.bars.iter().find(|b| b.color == (c, c, c)).unwrap().x;
        assert!(x_of(1) < x_of(2), "the worse consequence is to the right");
        for t in [
            "R1", "R2, R3", "lav", "høy", "liten", "stor", "L", "K", "ok",
        ] {
            assert!(g.labels.iter().any(|l| l.text == t), "{t}");
        }
        assert_eq!(fit("R1, R2, R3, R4", text_w("R1, R2 +2")), "R1, R2 +2");
        assert!(svg(&chart, "x").contains("R2, R3"));
    }
}
