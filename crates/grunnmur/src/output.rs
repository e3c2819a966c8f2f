//! Printing problems: `file:line: feil: message`, then a count.

use grunnmur_catalog::{Problem, Severity};
use grunnmur_i18n::{Lang, t};

pub fn problem_line(lang: Lang, p: &Problem) -> String {
    let (key, args) = p.kind.message_parts();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let severity = match p.severity {
        Severity::Error => t(lang, "severity-error", &[]),
        Severity::Warning => t(lang, "severity-warning", &[]),
    };
    let place = if p.line > 0 {
        format!("{}:{}", p.file, p.line)
    } else {
        p.file.clone()
    };
    format!("{place}: {severity}: {}", t(lang, &key, &args))
}

pub fn print_problems(lang: Lang, problems: &[Problem]) {
    for p in problems {
        eprintln!("{}", problem_line(lang, p));
    }
    if !problems.is_empty() {
        let errors = problems.iter().filter(|p| p.is_error()).count().to_string();
        let warnings =
            (problems.len() - problems.iter().filter(|p| p.is_error()).count()).to_string();
        eprintln!(
            "{}",
            t(
                lang,
                "cli-problems-summary",
                &[("errors", &errors), ("warnings", &warnings)]
            )
        );
    }
}
