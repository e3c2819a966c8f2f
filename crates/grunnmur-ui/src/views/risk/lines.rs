//! The body's risk assessments as lines: the risk page's list and its downloads.

use super::*;

pub struct AssessmentLine {
    pub id: i64,
    pub title: String,
    pub object: String,
    /// The object as the risk list names it (`system:s.hr`, `task:felles.hr`, `org`).
    pub object_id: String,
    pub risks: usize,
    pub accepted: String,
}

/// The body's risk assessments as the risk page lists them (and its downloads).
pub async fn assessment_lines(
    s: &AppState,
    b: &BodyView,
    lang: Lang,
) -> Result<Vec<AssessmentLine>, PageError> {
    let cat = &b.derived.catalog.catalog;
    let orgnr = &b.row.orgnr;
    let mut assessments = Vec::new();
    for row in s.store.risk_assessments(orgnr).await? {
        let doc = risk_api::stored_doc(&row)?;
        let object = doc.frame.object.to_string();
        assessments.push(AssessmentLine {
            id: row.id,
            title: assessment_title(lang, &doc.title),
            object: object_label(cat, &b.derived.ws, orgnr, &object, lang)
                .0
                .text,
            object_id: object,
            risks: doc.risks.len(),
            accepted: doc
                .acceptance
                .as_ref()
                .map(|a| format!("{} ({})", a.owner, a.date))
                .unwrap_or_default(),
        });
    }
    Ok(assessments)
}
