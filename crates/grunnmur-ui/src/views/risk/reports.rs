//! Report drafts, and making one final after a confirmation.

use super::*;

/// A report draft of the body as it is now.
pub async fn new_report(
    State(s): State<AppState>,
    BodyForm {
        v, b: _, f, orgnr, ..
    }: BodyForm<Editor>,
) -> Result<Response, PageError> {
    let kind = Kind::parse(f.get("kind")).ok_or_else(|| ApiError::BadRequest("kind".into()))?;
    let lang = grunnmur_i18n::Lang::parse(f.get("report_lang")).unwrap_or(v.lang);
    let risk = f.get("risk_assessment").parse::<i64>().ok();
    risk_api::new_report_draft(&s, &orgnr, kind, lang, risk, &v.actor()).await?;
    Ok(saved(&format!("/b/{orgnr}/risk#reports")))
}

#[derive(Template)]
#[template(path = "report_finalize.html")]
struct FinalizePage {
    p: Page,
    id: i64,
    report: String,
    errors: Errors,
}

/// The confirmation before a report is made final, saying what that means.
async fn finalize_page(
    s: &AppState,
    v: &Viewer,
    b: &BodyView,
    id: i64,
    errors: Errors,
) -> Result<FinalizePage, PageError> {
    let lang = v.lang;
    let row = s
        .store
        .report(&b.row.orgnr, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let report = t(
        lang,
        "risk-finalize-report",
        &[
            (
                "kind",
                &t(lang, &format!("ui-report-kind-{}", row.kind), &[]),
            ),
            ("number", &row.number.to_string()),
            ("lang", &row.lang),
        ],
    );
    Ok(FinalizePage {
        p: v.body_page(b, "risk-finalize-title", "risk"),
        id,
        report,
        errors,
    })
}

pub async fn confirm_finalize(
    State(s): State<AppState>,
    BodyPage { v, b, .. }: BodyPage<Admin>,
    Path((_, id)): Path<(String, i64)>,
) -> Result<Response, PageError> {
    html(finalize_page(&s, &v, &b, id, Errors::default()).await?)
}

/// Finalises a draft once the reader (an administrator, its approver) has confirmed what that
/// means; without the confirmation nothing changes and the page asks again.
pub async fn finalize(
    State(s): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    BodyForm { v, b, f, orgnr, .. }: BodyForm<Admin>,
) -> Result<Response, PageError> {
    if f.get("confirm") != "yes" {
        let mut errors = Errors::default();
        errors.push("confirm", t(v.lang, "risk-finalize-confirm-required", &[]));
        return html_invalid(finalize_page(&s, &v, &b, id, errors).await?);
    }
    risk_api::finalize(&s, &orgnr, id, &v.actor(), v.lang).await?;
    Ok(saved(&format!("/b/{orgnr}/risk#reports")))
}
