//! Deviations: every level the body changed from the catalog's recommendation (rule 5), with
//! its justification, lowered ones marked — the list the dashboard's count leads to, and its
//! downloads. The engine's own deviations (`TaskResult::deviations`), read, never recomputed.

use super::*;
use crate::page::*;
use askama::Template;
use axum::response::Response;

pub struct DeviationLine {
    pub task: String,
    /// ` lang="…"` for `task` and `info` where they are not in the page's language.
    pub task_lang: &'static str,
    pub task_id: String,
    pub info: String,
    pub info_lang: &'static str,
    pub info_id: String,
    pub dimension: String,
    pub recommended: Lv,
    pub chosen: Lv,
    pub lowered: bool,
    pub change: String,
    pub justification: String,
    /// The adapt form of the item.
    pub href: String,
}

#[derive(Template)]
#[template(path = "deviations.html")]
struct DeviationsPage {
    p: Page,
    lines: Vec<DeviationLine>,
    lowered: usize,
}

/// The body's deviations, task by task in the body's order.
pub fn lines(lang: Lang, b: &BodyView) -> Vec<DeviationLine> {
    let cat = &b.derived.catalog.catalog;
    let (ws, a) = (&b.derived.ws, &b.derived.assessment);
    let orgnr = &b.row.orgnr;
    let (lowered, raised) = (
        t(lang, "deviations-lowered", &[]),
        t(lang, "deviations-raised", &[]),
    );
    let mut out = Vec::new();
    for (task, r) in ws.tasks.iter().zip(&a.tasks) {
        for d in &r.deviations {
            let info = &cat.info_types[d.info_type as usize];
            let down = d.chosen < d.recommended;
            out.push(DeviationLine {
                task: task_name(cat, task, lang).to_string(),
                task_lang: task_shown(cat, task, lang).lang_attr(),
                task_id: task.id.clone(),
                info: info.name.get(lang.code()).to_string(),
                info_lang: Shown::of(&info.name, lang).lang_attr(),
                info_id: info.id.clone(),
                dimension: dim_label(lang, d.dimension),
                recommended: lv(lang, d.recommended),
                chosen: lv(lang, d.chosen),
                lowered: down,
                change: if down {
                    lowered.clone()
                } else {
                    raised.clone()
                },
                justification: task.adaptations[d.adaptation as usize]
                    .justification
                    .clone(),
                href: format!(
                    "/b/{orgnr}/adapt/{}/{}",
                    enc_path(&task.id),
                    enc_path(&info.id)
                ),
            });
        }
    }
    out
}

pub async fn show(BodyPage { v, b, .. }: BodyPage<Reader>) -> Result<Response, PageError> {
    let lines = lines(v.lang, &b);
    html(DeviationsPage {
        p: v.body_page(&b, "deviations-title", "adapt"),
        lowered: lines.iter().filter(|x| x.lowered).count(),
        lines,
    })
}
