//! The HTML print view: one self-contained page (no scripts, no external files), with a
//! language attribute, a heading structure, tables with captions and header cells with scope,
//! and charts as inline SVG with a text alternative. Print styles put each section on the page
//! cleanly; the same page works on screen.

use crate::doc::{Align, Cell, Doc, Section, Table};
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4;color:#1a1a1a;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #767676;padding-bottom:.2rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:9.5pt}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #949494;padding:.25rem .4rem;vertical-align:top;text-align:left}
thead th{background:#e8e8e8}
tbody th{font-weight:normal;background:#f5f5f5}
.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}
figcaption{font-weight:bold;margin-bottom:.3rem}
@media print{body{margin:0;max-width:none}section{break-inside:auto}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}
@page{size:A4;margin:15mm}
"#;

pub fn render(doc: &Doc) -> String {
    let mut s = String::new();
    let lang = doc.lang.code();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(&doc.title),
        esc(&doc.title)
    );
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"about\">\n<h2 id=\"about\">{}</h2>\n<dl class=\"facts\">",
        esc(&doc.facts_heading)
    );
    for (k, v) in &doc.facts {
        let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    }
    s.push_str("</dl>\n</section>\n");
    for (n, sec) in doc.sections.iter().enumerate() {
        section(&mut s, sec, &format!("s{}", n + 1), 2);
    }
    s.push_str("</main>\n</body>\n</html>\n");
    s
}

/// One section as HTML, its heading at level `h`; `id` must be unique in the page.
pub fn section(s: &mut String, sec: &Section, id: &str, h: u8) {
    let _ = writeln!(
        s,
        "<section aria-labelledby=\"{id}\">\n<h{h} id=\"{id}\">{}</h{h}>",
        esc(&sec.heading)
    );
    for p in &sec.paragraphs {
        let _ = writeln!(s, "<p>{}</p>", esc(p));
    }
    if let Some(t) = &sec.table {
        table(s, t);
    }
    for (k, c) in sec.charts.iter().enumerate() {
        let cid = format!("{id}-c{}", k + 1);
        let _ = writeln!(
            s,
            "<figure aria-labelledby=\"{cid}-cap\">\n<figcaption id=\"{cid}-cap\">{}</figcaption>\n{}\n</figure>",
            esc(&c.title),
            crate::chart::svg(c, &cid)
        );
    }
    s.push_str("</section>\n");
}

fn table(s: &mut String, t: &Table) {
    if t.rows.is_empty() {
        let _ = writeln!(s, "<p>{}: {}</p>", esc(&t.caption), esc(&t.empty));
        return;
    }
    let _ = writeln!(
        s,
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(&t.caption)
    );
    for c in &t.columns {
        let class = if c.align == Align::Right {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(s, "<th scope=\"col\"{class}>{}</th>", esc(&c.header));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        s.push_str("<tr>");
        for (n, (cell, col)) in row.iter().zip(&t.columns).enumerate() {
            let num = col.align == Align::Right || matches!(cell, Cell::Int(_) | Cell::Percent(_));
            let class = if num { " class=\"num\"" } else { "" };
            let text = esc(&cell.display());
            if n == 0 && t.row_headers {
                let _ = write!(s, "<th scope=\"row\"{class}>{text}</th>");
            } else {
                let _ = write!(s, "<td{class}>{text}</td>");
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
}
