//! Table layout for the PDF: word wrap that breaks only at spaces and after hyphens, and column
//! widths sized from the content with the embedded font's metrics.
//!
//! Every column gets at least its longest unbreakable piece (a word, or the part of a word up
//! to a hyphen); what is left of the width is shared by how much text each column typically
//! holds. When the longest pieces alone are wider than the table, columns are narrowed by
//! abbreviating — a column's short header, then the table's value abbreviations (K/I/T for
//! the dimensions) — each explained in a legend under the table; if that is not enough, the
//! table's type gets smaller (down to [`MIN_SCALE`]). Only a piece wider than its column after
//! all that is split between characters, with a hyphen.

use crate::doc::Table;

/// Padding on each side of a cell's text.
pub(super) const PAD: f32 = 3.0;
/// Measuring slack: a piece exactly as wide as its column fits.
const EPS: f32 = 0.01;
/// How far a table's type may shrink to keep words whole.
pub(super) const MIN_SCALE: f32 = 0.75;

/// The pieces a word may break into: after each hyphen between two letters, the hyphen kept
/// (`Sak-`, `medisinsk-utstyr`; a date or a number stays whole).
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = None;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let between_letters =
            prev.is_some_and(char::is_alphabetic) && next.is_none_or(char::is_alphabetic);
        if c == '-' && between_letters {
            out.push(&word[start..i + 1]);
            start = i + 1;
        }
        prev = Some(c);
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
}

/// Greedy word wrap at spaces and after hyphens (a line may end with a hyphen the text has).
/// A piece wider than `max` on its own is split between characters, each part but the last
/// ending with a hyphen. Newlines start new lines.
pub(super) fn wrap(text: &str, max: f32, width: &dyn Fn(&str) -> f32) -> Vec<String> {
    let max = max + EPS;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            for (k, piece) in pieces(word).into_iter().enumerate() {
                let sep = if line.is_empty() || k > 0 { "" } else { " " };
                let candidate = format!("{line}{sep}{piece}");
                if width(&candidate) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line = split_wide(piece, max, width, &mut lines);
            }
        }
        lines.push(line);
    }
    lines
}

/// A piece that may be wider than `max`: full lines of it (each ending with a hyphen) go to
/// `lines`, the rest is returned.
fn split_wide(
    piece: &str,
    max: f32,
    width: &dyn Fn(&str) -> f32,
    lines: &mut Vec<String>,
) -> String {
    let mut rest = piece.to_string();
    while width(&rest) > max && rest.chars().count() > 1 {
        let mut head = String::new();
        for c in rest.chars() {
            let mut h = head.clone();
            h.push(c);
            if !head.is_empty() && width(&format!("{h}-")) > max {
                break;
            }
            head = h;
        }
        if head.len() == rest.len() {
            break;
        }
        rest = rest[head.len()..].to_string();
        head.push('-');
        lines.push(head);
    }
    rest
}

/// What the table looks like at one type size and set of abbreviations.
#[derive(Clone)]
struct Try {
    headers: Vec<String>,
    cells: Vec<Vec<String>>,
    /// Which columns use their short header, and which have their values abbreviated.
    short_header: Vec<bool>,
    short_values: Vec<bool>,
}

/// A table sized for a width.
pub(super) struct Plan {
    pub widths: Vec<f32>,
    /// The header row and the body rows as shown (abbreviated where the plan says so).
    pub headers: Vec<String>,
    pub cells: Vec<Vec<String>>,
    /// `(short, full)` for each abbreviation used, in column order.
    pub legend: Vec<(String, String)>,
    /// Type sizes of the header row and the body rows.
    pub head_size: f32,
    pub body_size: f32,
}

/// Measures text: `(text, size, bold)` to points.
pub(super) type Measure<'a> = &'a dyn Fn(&str, f32, bool) -> f32;

/// One column's least width (its longest piece), widest single line and typical (mean)
/// single-line width of its cells, each with padding.
fn column_metrics(t: &Try, c: usize, head: f32, body: f32, m: Measure) -> (f32, f32, f32) {
    let longest = |text: &str, size: f32, bold: bool| {
        text.split_whitespace()
            .flat_map(pieces)
            .map(|p| m(p, size, bold))
            .fold(0f32, f32::max)
    };
    let line = |text: &str, size: f32, bold: bool| {
        text.split('\n')
            .map(|l| {
                m(
                    &l.split_whitespace().collect::<Vec<_>>().join(" "),
                    size,
                    bold,
                )
            })
            .fold(0f32, f32::max)
    };
    let mut min = longest(&t.headers[c], head, true);
    let mut max = line(&t.headers[c], head, true);
    let mut sum = 0.0;
    for row in &t.cells {
        let cell = &row[c];
        min = min.max(longest(cell, body, false));
        let w = line(cell, body, false);
        max = max.max(w);
        sum += w;
    }
    let mean = if t.cells.is_empty() {
        0.0
    } else {
        sum / t.cells.len() as f32
    };
    let (min, max) = (min + 2.0 * PAD, max + 2.0 * PAD);
    (min, max, (mean + 2.0 * PAD).clamp(min, max))
}

/// [`column_metrics`] of every column: least, widest and typical widths.
fn metrics(t: &Try, head: f32, body: f32, m: Measure) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let all: Vec<(f32, f32, f32)> = (0..t.headers.len())
        .map(|c| column_metrics(t, c, head, body, m))
        .collect();
    (
        all.iter().map(|x| x.0).collect(),
        all.iter().map(|x| x.1).collect(),
        all.iter().map(|x| x.2).collect(),
    )
}

/// Shares `total` between columns: everyone gets their least width; the rest goes by typical
/// content beyond that, never past a column's widest line until every column has it.
fn share(min: &[f32], max: &[f32], typ: &[f32], total: f32) -> Vec<f32> {
    let sum_max: f32 = max.iter().sum();
    if sum_max <= total {
        return max
            .iter()
            .map(|w| w + (total - sum_max) * w / sum_max)
            .collect();
    }
    let mut w = min.to_vec();
    let mut extra = total - min.iter().sum::<f32>();
    for _ in 0..=min.len() {
        if extra <= 0.01 {
            break;
        }
        let open: Vec<usize> = (0..w.len()).filter(|&c| w[c] < max[c] - 0.01).collect();
        let mut weights: Vec<f32> = open.iter().map(|&c| (typ[c] - w[c]).max(0.0)).collect();
        if weights.iter().sum::<f32>() <= 0.01 {
            weights = open.iter().map(|&c| max[c] - w[c]).collect();
        }
        let sum: f32 = weights.iter().sum();
        if sum <= 0.0 {
            break;
        }
        let mut left = 0.0;
        for (&c, wt) in open.iter().zip(&weights) {
            let want = w[c] + extra * wt / sum;
            w[c] = want.min(max[c]);
            left += want - w[c];
        }
        extra = left;
    }
    w
}

/// Replaces each word of `text` that is a full form in `abbrev` by its short form (punctuation
/// around the word kept).
fn abbreviate(text: &str, abbrev: &[(String, String)]) -> String {
    text.split('\n')
        .map(|para| {
            para.split_whitespace()
                .map(|word| {
                    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
                    match abbrev
                        .iter()
                        .find(|(full, _)| full.eq_ignore_ascii_case(core))
                    {
                        Some((_, short)) if !core.is_empty() => word.replacen(core, short, 1),
                        _ => word.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `full` is one of the words of `text` (as [`abbreviate`] finds them).
fn has_word(text: &str, full: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .eq_ignore_ascii_case(full)
    })
}

/// Sizes `t` for `total` points at the type sizes `head` and `body`: see the module's text.
pub(super) fn plan(
    t: &Table,
    cells: Vec<Vec<String>>,
    total: f32,
    head: f32,
    body: f32,
    m: Measure,
) -> Plan {
    let n = t.columns.len();
    let original = cells.clone();
    let mut cur = Try {
        headers: t.columns.iter().map(|c| c.header.clone()).collect(),
        cells,
        short_header: vec![false; n],
        short_values: vec![false; n],
    };
    let least = |x: &Try, c: usize| column_metrics(x, c, head, body, m).0;
    // Columns whose header and short header are one of the table's abbreviations (the
    // dimensions' K/I/T) shorten together, so a table never shows `K` beside `Integritet`.
    let is_abbreviation = |c: usize| {
        let col = &t.columns[c];
        col.short.as_ref().is_some_and(|short| {
            (t.abbreviations.iter()).any(|(f, s)| f.eq_ignore_ascii_case(&col.header) && s == short)
        })
    };
    let group: Vec<usize> = (0..n).filter(|&c| is_abbreviation(c)).collect();
    // Abbreviate, the largest saving first, until the least widths fit.
    let mut before: Vec<f32> = (0..n).map(|c| least(&cur, c)).collect();
    while before.iter().sum::<f32>() > total {
        let mut best: Option<(f32, Try, Vec<usize>)> = None;
        for c in 0..n {
            let mut options = Vec::new();
            if !cur.short_header[c] && t.columns[c].short.is_some() {
                let together = if group.contains(&c) {
                    group.clone()
                } else {
                    vec![c]
                };
                let mut x = cur.clone();
                for &k in &together {
                    if let Some(short) = &t.columns[k].short {
                        x.headers[k] = short.clone();
                        x.short_header[k] = true;
                    }
                }
                options.push((x, together));
            }
            if !cur.short_values[c] && !t.abbreviations.is_empty() {
                let mut x = cur.clone();
                for row in &mut x.cells {
                    row[c] = abbreviate(&row[c], &t.abbreviations);
                }
                x.short_values[c] = true;
                options.push((x, vec![c]));
            }
            for (x, changed) in options {
                let saving: f32 = changed.iter().map(|&k| before[k] - least(&x, k)).sum();
                if saving > EPS && best.as_ref().is_none_or(|(s, ..)| saving > *s) {
                    best = Some((saving, x, changed));
                }
            }
        }
        let Some((_, x, changed)) = best else { break };
        for k in changed {
            before[k] = least(&x, k);
        }
        cur = x;
    }
    // Then smaller type, down to MIN_SCALE.
    let pads = 2.0 * PAD * n as f32;
    let mut scale = 1.0;
    let sum_min: f32 = before.iter().sum();
    if sum_min > total && sum_min > pads {
        scale = ((total - pads) / (sum_min - pads)).clamp(MIN_SCALE, 1.0);
    }
    let (head, body) = (head * scale, body * scale);
    let (min, max, typ) = metrics(&cur, head, body, m);
    let sum_min: f32 = min.iter().sum();
    let widths = if sum_min > total {
        // Still too wide: narrower than their longest pieces, in proportion.
        min.iter().map(|w| w * total / sum_min).collect()
    } else {
        share(&min, &max, &typ, total)
    };
    let mut legend = Vec::new();
    for c in 0..n {
        if cur.short_header[c]
            && let Some(short) = &t.columns[c].short
            && !legend.iter().any(|(s, _)| s == short)
        {
            legend.push((short.clone(), t.columns[c].header.clone()));
        }
    }
    if cur.short_values.iter().any(|b| *b) {
        for (full, short) in &t.abbreviations {
            let used = (0..n)
                .any(|c| cur.short_values[c] && original.iter().any(|row| has_word(&row[c], full)));
            if used && !legend.iter().any(|(s, _)| s == short) {
                legend.push((short.clone(), full.clone()));
            }
        }
    }
    Plan {
        widths,
        headers: cur.headers,
        cells: cur.cells,
        legend,
        head_size: head,
        body_size: body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Column, Table};

    /// A monospaced measure: every character half the type size wide, bold a little wider.
    fn mono(text: &str, size: f32, bold: bool) -> f32 {
        text.chars().count() as f32 * size * if bold { 0.55 } else { 0.5 }
    }

    fn table(columns: Vec<Column>, rows: &[&[&str]]) -> (Table, Vec<Vec<String>>) {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let t = Table {
            caption: String::new(),
            columns,
            rows: Vec::new(),
            row_headers: false,
            empty: String::new(),
            abbreviations: vec![
                ("konfidensialitet".into(), "K".into()),
                ("integritet".into(), "I".into()),
                ("tilgjengelighet".into(), "T".into()),
            ],
        };
        (t, cells)
    }

    /// Every line of every cell, wrapped to its planned column, breaks between words.
    fn assert_whole_words(p: &Plan) {
        let rows = std::iter::once(&p.headers).chain(&p.cells);
        for (r, row) in rows.enumerate() {
            let size = if r == 0 { p.head_size } else { p.body_size };
            for (c, text) in row.iter().enumerate() {
                let max = p.widths[c] - 2.0 * PAD;
                let lines = wrap(text, max, &|s| mono(s, size, r == 0));
                let words: Vec<&str> = text.split_whitespace().collect();
                let got: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
                assert_eq!(got, words, "{text:?} in {max} pt: {lines:?}");
            }
        }
    }

    #[test]
    fn columns_get_their_longest_word_and_the_rest_by_content() {
        let (t, cells) = table(
            vec![
                Column::text("Navn".into(), 1.0),
                Column::text("Kumulasjon".into(), 1.0),
                Column::number("Påkrevd".into(), 1.0),
            ],
            &[
                &["Sak- og arkivsystem for hele kommunen", "integritet", "113"],
                &["Økonomisystem (regnskap, faktura og innfordring)", "–", "9"],
            ],
        );
        let p = plan(&t, cells, 200.0, 7.5, 8.0, &mono);
        assert!(p.legend.is_empty(), "{:?}", p.legend);
        assert!((p.widths.iter().sum::<f32>() - 200.0).abs() < 0.1);
        assert!(
            p.widths[0] > p.widths[1] && p.widths[1] > p.widths[2],
            "{:?}",
            p.widths
        );
        assert!(p.widths[1] >= mono("integritet", 8.0, false) + 2.0 * PAD);
        assert_whole_words(&p);
    }

    #[test]
    fn a_narrow_column_is_abbreviated_with_a_legend() {
        let (t, cells) = table(
            vec![
                Column::text("System".into(), 1.0),
                Column::text("Kumulasjon".into(), 1.0).with_short("Kum.".into()),
                Column::text("Risikovurdering trengs".into(), 1.0).with_short("Risikovurd.".into()),
            ],
            &[
                &["s.sak", "integritet, tilgjengelighet", "ja"],
                &["s.epj", "konfidensialitet", "nei"],
            ],
        );
        // Room for the system and the short forms only.
        let need =
            mono("System", 7.5, true) + mono("Kum.", 7.5, true) + mono("Risikovurd.", 7.5, true);
        let p = plan(&t, cells, need + 6.0 * PAD + 1.0, 7.5, 8.0, &mono);
        assert_eq!(p.headers, ["System", "Kum.", "Risikovurd."]);
        assert_eq!(p.cells[0][1], "I, T");
        assert_eq!(p.cells[1][1], "K");
        assert_eq!(p.body_size, 8.0, "abbreviating was enough");
        let legend: Vec<String> = p.legend.iter().map(|(s, f)| format!("{s}={f}")).collect();
        assert_eq!(
            legend,
            [
                "Kum.=Kumulasjon",
                "Risikovurd.=Risikovurdering trengs",
                "K=konfidensialitet",
                "I=integritet",
                "T=tilgjengelighet"
            ]
        );
        assert_whole_words(&p);
    }

    #[test]
    fn the_dimensions_headers_shorten_together() {
        let (t, cells) = table(
            vec![
                Column::text("System".into(), 1.0),
                Column::text("Konfidensialitet".into(), 1.0).with_short("K".into()),
                Column::text("Integritet".into(), 1.0).with_short("I".into()),
                Column::text("Tilgjengelighet".into(), 1.0).with_short("T".into()),
            ],
            &[&["s.sak", "høy", "middels", "lav"]],
        );
        let full = [
            "System",
            "Konfidensialitet",
            "Integritet",
            "Tilgjengelighet",
        ];
        let need: f32 = full.iter().map(|h| mono(h, 7.5, true) + 2.0 * PAD).sum();
        let p = plan(&t, cells, need - 1.0, 7.5, 8.0, &mono);
        assert_eq!(p.headers, ["System", "K", "I", "T"]);
        assert_eq!(p.legend.len(), 3, "{:?}", p.legend);
        assert_whole_words(&p);
    }

    #[test]
    fn smaller_type_before_a_word_is_split() {
        let (t, cells) = table(
            vec![Column::text("A".into(), 1.0), Column::text("B".into(), 1.0)],
            &[&["Skoleadministrativt", "Barnehageportal"]],
        );
        let need = mono("Skoleadministrativt", 8.0, false) + mono("Barnehageportal", 8.0, false);
        let p = plan(&t, cells, need * 0.9 + 4.0 * PAD, 7.5, 8.0, &mono);
        assert!(p.body_size < 8.0 && p.body_size >= 8.0 * MIN_SCALE);
        assert_whole_words(&p);
    }

    #[test]
    fn dates_and_numbers_stay_whole_ids_break_after_their_hyphens() {
        assert_eq!(pieces("2026-05-31"), ["2026-05-31"]);
        assert_eq!(
            pieces("m.helse.medisinsk-utstyr"),
            ["m.helse.medisinsk-", "utstyr"]
        );
        assert_eq!(pieces("Sak-"), ["Sak-"]);
    }
}
