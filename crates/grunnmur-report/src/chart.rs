//! Chart geometry shared by the SVG (HTML) and PDF renderers: a horizontal stacked bar chart
//! with a legend. Only positions are computed here; each renderer draws them its own way.

use crate::doc::Chart;

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
    let mut g = Geometry {
        width: WIDTH,
        ..Geometry::default()
    };
    let plot_w = WIDTH - LABEL_W - 40.0;
    let max = chart.max_total() as f32;
    let mut y = 0.0;
    for (c, cat) in chart.categories.iter().enumerate() {
        g.labels.push(Label {
            x: LABEL_W - 6.0,
            y: y + BAR_H * 0.7,
            text: cat.clone(),
            right: true,
        });
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
                y,
                w,
                h: BAR_H,
                color: s.color,
            });
            x += w;
        }
        g.labels.push(Label {
            x: x + 4.0,
            y: y + BAR_H * 0.7,
            text: total.to_string(),
            right: false,
        });
        y += BAR_H + GAP;
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
}
