//! Horizontal bar pictures drawn on the server as SVG, for figures across bodies (the national
//! picture): one bar per row, its share of a whole, with the figures written beside it. Like
//! [`crate::svg`], each picture carries a title and a description with every row's figures
//! (`role="img"`), and the page shows the same figures in a table, so nobody depends on seeing
//! the picture. A row whose figures are withheld (k-anonymity) draws no bar and no number: it
//! says so in words.
//!
//! The words come from the caller (from the translation files); this module only draws.

use crate::page::Shown;
use crate::svg::{clip, esc};
use std::fmt::Write;

/// A part of a whole: pairs in place of pairs required, bodies that adopted a task of the
/// bodies in the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub part: u64,
    pub whole: u64,
}

impl Part {
    /// The share in whole percent, rounded down (never 100 % before everything is in place);
    /// 0 when the whole is 0.
    pub fn percent(self) -> u64 {
        (self.part.min(self.whole) * 100)
            .checked_div(self.whole)
            .unwrap_or(0)
    }

    /// `part / whole (p %)`, as the tables show it.
    pub fn text(self) -> String {
        format!("{} / {} ({} %)", self.part, self.whole, self.percent())
    }
}

/// One row of a picture.
pub struct Bar {
    /// What the row is about (a catalog name, marked where it is not in the page's language).
    pub name: Shown,
    /// The share drawn; `None` when the figures are withheld.
    pub value: Option<Part>,
    /// The figures in words beside the bar (e.g. `12 / 40 (30 %)`), or why there are none.
    pub figure: String,
}

/// The words a picture needs, from the translation files.
pub struct Words<'a> {
    pub title: &'a str,
    /// The description's first sentence (what a bar is); every row's figures follow it.
    pub intro: &'a str,
    /// Joins a row's name and its figures in the description (`{name}: {figure}`).
    pub item: &'a dyn Fn(&str, &str) -> String,
}

const ROW: f32 = 26.0;
const TOP: f32 = 24.0;
const LABEL_W: f32 = 330.0;
const TRACK_W: f32 = 360.0;
const FIGURE_W: f32 = 190.0;
/// Characters of a name drawn before it is cut (the table has it whole).
const LABEL_CHARS: usize = 42;
/// The bar: the page's brand blue, 8.7:1 against white and 7.3:1 against the track.
const FILL: &str = "#0b4f7c";
/// The rest of the track, outlined in the muted ink (7.6:1 against white). Text is in the
/// stylesheet's ink (`svg text`, 16.6:1 against white); the scale's faint lines are decoration.
const TRACK: &str = "#e8ecef";
const OUTLINE: &str = "#4a5560";
const GRID: &str = "#c4cbd2";

/// The description, as markup: the intro, then each row's name and figures (or that they are
/// withheld). The description is read out as the picture's text (`aria-labelledby`), so a name
/// not in the page's language is marked with `lang` there too (inline SVG's `<desc>` holds HTML).
pub fn description(words: &Words, bars: &[Bar]) -> String {
    // The translated pattern around the name and figures is escaped whole; the two are put in
    // where the placeholders are.
    const NAME: &str = "\u{E000}";
    const FIGURE: &str = "\u{E001}";
    let items: Vec<String> = (bars.iter())
        .map(|b| {
            let name = match b.name.lang_attr() {
                "" => esc(&b.name.text),
                attr => format!("<span{attr}>{}</span>", esc(&b.name.text)),
            };
            esc(&(words.item)(NAME, FIGURE))
                .replace(NAME, &name)
                .replace(FIGURE, &esc(&b.figure))
        })
        .collect();
    format!("{} {}", esc(words.intro), items.join("; "))
}

/// A picture of `bars`, one row each, with a scale of 0–100 % above; `id` makes its title's
/// and description's ids unique on the page. `None` when there is nothing to draw.
pub fn bars(id: &str, words: &Words, bars: &[Bar]) -> Option<String> {
    if bars.is_empty() {
        return None;
    }
    let width = LABEL_W + TRACK_W + 10.0 + FIGURE_W;
    let height = TOP + ROW * bars.len() as f32 + 4.0;
    let mut s = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(words.title),
        description(words, bars)
    );
    // The scale: a faint line and a figure at each quarter.
    for q in 0..=4u32 {
        let x = LABEL_W + TRACK_W * q as f32 / 4.0;
        let anchor = match q {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let _ = write!(
            s,
            r#"<text x="{x}" y="14" text-anchor="{anchor}" font-size="12">{} %</text><line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{GRID}" stroke-width="1"/>"#,
            q * 25,
            TOP - 4.0,
            height - 2.0
        );
    }
    for (i, b) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f32;
        let _ = write!(
            s,
            r#"<text x="4" y="{}" font-size="14"{}>{}</text>"#,
            y + 18.0,
            b.name.lang_attr(),
            esc(&clip(&b.name.text, LABEL_CHARS))
        );
        match b.value {
            Some(v) => {
                let w = TRACK_W * v.percent() as f32 / 100.0;
                let _ = write!(
                    s,
                    r#"<rect x="{LABEL_W}" y="{}" width="{TRACK_W}" height="{}" fill="{TRACK}" stroke="{OUTLINE}" stroke-width="1"/>"#,
                    y + 5.0,
                    ROW - 10.0
                );
                if w > 0.0 {
                    let _ = write!(
                        s,
                        r#"<rect data-percent="{}" x="{LABEL_W}" y="{}" width="{w}" height="{}" fill="{FILL}"/>"#,
                        v.percent(),
                        y + 5.0,
                        ROW - 10.0
                    );
                }
                let _ = write!(
                    s,
                    r#"<text x="{}" y="{}" font-size="14">{}</text>"#,
                    LABEL_W + TRACK_W + 10.0,
                    y + 18.0,
                    esc(&b.figure)
                );
            }
            // Withheld: words where the bar would be, no bar, no number.
            None => {
                let _ = write!(
                    s,
                    r#"<text x="{}" y="{}" font-size="14" font-style="italic">{}</text>"#,
                    LABEL_W + 6.0,
                    y + 18.0,
                    esc(&b.figure)
                );
            }
        }
    }
    s.push_str("</svg>");
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use grunnmur_i18n::Lang;

    fn words() -> (String, String) {
        ("Coverage".into(), "Each bar is a share.".into())
    }

    fn item(name: &str, figure: &str) -> String {
        format!("{name}: {figure}")
    }

    #[test]
    fn shares_round_down_and_never_divide_by_zero() {
        let p = |part, whole| Part { part, whole }.percent();
        assert_eq!(p(1, 3), 33);
        assert_eq!(p(199, 200), 99, "never 100 % before all is in place");
        assert_eq!(p(5, 5), 100);
        assert_eq!(p(0, 0), 0);
        assert_eq!(p(7, 3), 100, "a part larger than its whole is drawn full");
        assert_eq!(
            Part {
                part: 12,
                whole: 40
            }
            .text(),
            "12 / 40 (30 %)"
        );
    }

    #[test]
    fn bars_carry_their_figures_and_withheld_rows_draw_none() {
        let (title, intro) = words();
        let w = Words {
            title: &title,
            intro: &intro,
            item: &item,
        };
        let shown = Part {
            part: 12,
            whole: 40,
        };
        let rows = [
            Bar {
                name: Shown::plain("BN1", Lang::En),
                value: Some(shown),
                figure: shown.text(),
            },
            Bar {
                name: Shown {
                    text: "Tilgangsstyring & <logg>".into(),
                    lang: "nb",
                    page: "nn",
                },
                value: None,
                figure: "hidden (fewer than 5)".into(),
            },
        ];
        let svg = bars("cov", &w, &rows).expect("a picture");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#) && svg.contains(r#"aria-labelledby="cov-t cov-d""#));
        assert!(svg.contains(r#"<title id="cov-t">Coverage</title>"#));
        assert!(svg.contains(
            r#"Each bar is a share. BN1: 12 / 40 (30 %); <span lang="nb">Tilgangsstyring &amp; &lt;logg&gt;</span>: hidden (fewer than 5)</desc>"#
        ));
        // One bar, 30 % of the track, for the first row only; the withheld row has words.
        assert_eq!(svg.matches("data-percent").count(), 1);
        assert!(
            svg.contains(r#"data-percent="30" x="330" y="29" width="108""#),
            "{svg}"
        );
        assert_eq!(svg.matches(&format!(r#"fill="{TRACK}""#)).count(), 1);
        assert!(svg.contains(r#"font-style="italic">hidden (fewer than 5)</text>"#));
        // The bokmål name on a nynorsk page is marked.
        assert!(
            svg.contains(r#"<text x="4" y="68" font-size="14" lang="nb">"#),
            "{svg}"
        );
        assert!(bars("none", &w, &[]).is_none());
    }

    #[test]
    fn the_description_escapes_the_words_around_the_name_and_figures() {
        let odd = |n: &str, f: &str| format!("<{n}> & {f}");
        let w = Words {
            title: "T",
            intro: "a < b",
            item: &odd,
        };
        let rows = [Bar {
            name: Shown::plain("x&y", Lang::En),
            value: None,
            figure: "<none>".into(),
        }];
        assert_eq!(
            description(&w, &rows),
            "a &lt; b &lt;x&amp;y&gt; &amp; &lt;none&gt;"
        );
    }

    #[test]
    fn long_names_are_cut_in_the_picture_only() {
        let (title, intro) = words();
        let w = Words {
            title: &title,
            intro: &intro,
            item: &item,
        };
        let long = "A very long measure name that goes on and on and on and on";
        let rows = [Bar {
            name: Shown::plain(long, Lang::En),
            value: Some(Part { part: 0, whole: 9 }),
            figure: "0 / 9 (0 %)".into(),
        }];
        let svg = bars("x", &w, &rows).unwrap();
        assert!(
            svg.contains(&format!("{long}: 0 / 9 (0 %)</desc>")),
            "whole in the description"
        );
        assert!(svg.contains(&format!(">{}…</text>", &long[..LABEL_CHARS - 1])));
        assert_eq!(
            svg.matches("data-percent").count(),
            0,
            "nothing in place: no bar"
        );
    }
}
