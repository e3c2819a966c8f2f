//! The assessment as aligned text tables for people, headings from the translation files.

use grunnmur_core::level::{Level, Levels};
use grunnmur_core::report::AssessReport;
use grunnmur_i18n::{Lang, t};
use std::fmt::Write;

/// Columns padded to the widest cell (counted in characters, so æøå align).
pub fn render(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::new();
        for (n, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if n + 1 == cells.len() {
                s.push_str(c);
            } else {
                let pad = w - c.chars().count();
                let _ = write!(s, "{c}{}  ", " ".repeat(pad));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}", line(headers));
    let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
    let _ = writeln!(out, "{}", line(&rule));
    for r in rows {
        let _ = writeln!(out, "{}", line(r));
    }
    out
}

fn level(lang: Lang, l: Level) -> String {
    t(lang, &format!("level-{}", l.ascii()), &[])
}

fn levels(lang: Lang, l: &Levels) -> [String; 3] {
    [level(lang, l.c), level(lang, l.i), level(lang, l.a)]
}

pub fn assessment(lang: Lang, r: &AssessReport) -> String {
    let h = |k: &str| t(lang, k, &[]);
    let none = h("table-none");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} ({} {})",
        h("table-org"),
        r.org.name,
        h("table-orgnr"),
        r.org.orgnr
    );
    let _ = writeln!(
        out,
        "{}: {} {}",
        h("table-catalog"),
        r.catalog.id,
        r.catalog.version
    );
    let profiles = if r.org.profiles.is_empty() {
        none.clone()
    } else {
        r.org.profiles.join(", ")
    };
    let _ = writeln!(out, "{}: {profiles}", h("table-profiles"));
    let _ = writeln!(
        out,
        "{}: {}",
        h("table-levels"),
        levels(lang, &r.org.levels).join(" / ")
    );

    let lvl_headers = |first: Vec<String>, rest: Vec<String>| -> Vec<String> {
        let mut v = first;
        v.extend([h("table-level-c"), h("table-level-i"), h("table-level-a")]);
        v.extend(rest);
        v
    };
    let _ = writeln!(out, "\n{}", h("table-tasks"));
    let rows: Vec<Vec<String>> = r
        .tasks
        .iter()
        .map(|task| {
            let mut row = vec![task.id.clone()];
            row.extend(levels(lang, &task.levels));
            let devs: Vec<String> = task
                .deviations
                .iter()
                .map(|d| {
                    format!(
                        "{} {}: {} → {}",
                        d.info_type,
                        t(lang, &format!("table-level-{}", d.dimension.as_str()), &[]),
                        level(lang, d.recommended),
                        level(lang, d.chosen)
                    )
                })
                .collect();
            row.push(if devs.is_empty() {
                String::new()
            } else {
                devs.join("; ")
            });
            row
        })
        .collect();
    out.push_str(&render(
        &lvl_headers(vec![h("table-id")], vec![h("table-deviations")]),
        &rows,
    ));

    let _ = writeln!(out, "\n{}", h("table-systems"));
    let rows: Vec<Vec<String>> = r
        .systems
        .iter()
        .map(|s| {
            let mut row = vec![s.id.clone(), s.name.clone()];
            row.extend(levels(lang, &s.levels));
            let cum: Vec<String> = s
                .cumulation
                .iter()
                .map(|d| t(lang, &format!("table-level-{}", d.as_str()), &[]))
                .collect();
            row.push(cum.join(", "));
            row.push(s.required_measures.len().to_string());
            row.push(format!("{}/{}", s.coverage.in_place, s.coverage.required));
            row.push(sources(lang, &s.measure_states));
            row
        })
        .collect();
    let headers = lvl_headers(
        vec![h("table-id"), h("table-name")],
        vec![
            h("table-cumulation"),
            h("table-required"),
            h("table-in-place"),
            h("table-sources"),
        ],
    );
    out.push_str(&render(&headers, &rows));
    let c = r.summary.coverage;
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "table-coverage",
            &[
                ("in_place", &c.in_place.to_string()),
                ("required", &c.required.to_string()),
            ]
        )
    );
    if !r.summary.expiring.is_empty() {
        let _ = writeln!(out, "\n{}", h("table-expiring"));
        let rows: Vec<Vec<String>> = (r.summary.expiring.iter())
            .map(|e| {
                vec![
                    e.declaration.clone(),
                    e.supplier.clone(),
                    e.valid_until.to_string(),
                    e.days_left.to_string(),
                ]
            })
            .collect();
        let headers = [
            h("table-declaration"),
            h("table-supplier"),
            h("table-valid-until"),
            h("table-days-left"),
        ];
        out.push_str(&render(&headers, &rows));
    }

    let _ = writeln!(
        out,
        "\n{} ({})",
        h("table-org-measures"),
        r.org_measures.len()
    );
    for m in &r.org_measures {
        let _ = writeln!(out, "  {m}");
    }

    let _ = writeln!(out, "\n{}", h("table-risk"));
    let rows: Vec<Vec<String>> = r
        .risk_assessment_needed
        .iter()
        .map(|x| {
            let reasons: Vec<String> = x
                .reasons
                .iter()
                .map(|re| {
                    let key = serde_json::to_value(re)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    t(lang, &format!("reason-{key}"), &[])
                })
                .collect();
            let object = if x.object == "org" {
                h("table-org")
            } else {
                x.object.clone()
            };
            vec![object, reasons.join(", ")]
        })
        .collect();
    if rows.is_empty() {
        let _ = writeln!(out, "  {none}");
    } else {
        out.push_str(&render(&[h("table-object"), h("table-reasons")], &rows));
    }
    out
}

/// How many of a system's required measures each kind of source gives, where any does:
/// `own 2, implementation 30, supplier 12`.
fn sources(lang: Lang, states: &[grunnmur_core::report::MeasureStateOut]) -> String {
    let kinds = ["own", "implementation", "supplier", "shared", "none"];
    let mut counts = [0usize; 5];
    for st in states {
        let k = st.state.source.kind();
        if let Some(n) = kinds.iter().position(|x| *x == k) {
            counts[n] += 1;
        }
    }
    (kinds.iter().zip(counts))
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| format!("{} {n}", t(lang, &format!("table-source-{k}"), &[])))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn columns_align_on_characters_not_bytes() {
        let out = render(
            &["a".into(), "#".into()],
            &[
                vec!["høy".into(), "#".into()],
                vec!["lav".into(), "#".into()],
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        let col = |l: &str| l.chars().position(|c| c == '#');
        assert_eq!(col(lines[0]), col(lines[2]));
        assert_eq!(col(lines[2]), col(lines[3]));
        assert_eq!(col(lines[2]), Some(5));
    }
}
