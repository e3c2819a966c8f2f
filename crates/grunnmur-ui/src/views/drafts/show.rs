//! `/catalog/drafts/{id}`: where a draft stands (`drafts::readiness`: each changed owner by name
//! with its approval, open proposals, unanswered comments, the round), approval and
//! publication with what still stops it, the consultation round's last day, its changes, the
//! proposals to decide, the comments to answer — or, for a member of a body, their bodies' own
//! comments with the answers, a form to comment, and what the draft would change for them.

use super::*;
use crate::views::impact::{ImpactView, impact_view};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use grunnmur_web::drafts::{OUTCOMES, Readiness};

/// An owner whose entries changed, with its approval.
pub struct OwnerLine {
    pub name: String,
    pub id: String,
    pub changed: usize,
    pub approval: Option<String>,
}

/// What the draft would change for one of the viewer's bodies.
pub struct BodyImpact {
    pub orgnr: String,
    pub name: String,
    /// `Err`: the body's workspace does not fit the draft (in words).
    pub impact: Result<ImpactView, String>,
}

#[derive(Template)]
#[template(path = "draft.html")]
struct DraftPage {
    p: Page,
    id: i64,
    /// The revision shown, which an approval or publication is of.
    rev: i64,
    heading: String,
    state: String,
    catalog: String,
    base: String,
    version: String,
    created: String,
    editor: bool,
    published: bool,
    /// Where it stands: for editors and platform administrators.
    owners: Vec<OwnerLine>,
    readiness: Option<Readiness>,
    may_approve: bool,
    may_publish: bool,
    /// Why it cannot be published yet, in words.
    blocked: Vec<String>,
    closes: String,
    changes: Vec<ChangeView>,
    /// How many proposals wait (listed from `changes`).
    proposals: usize,
    comments: Vec<CommentView>,
    /// The comment form while the round is open: the bodies the viewer comments for, the
    /// entries by section.
    comment_bodies: Vec<(String, String)>,
    comment_entries: Vec<(String, Vec<(String, String)>)>,
    commenting: bool,
    impacts: Vec<BodyImpact>,
    outcomes: Vec<(String, String)>,
    errors: Errors,
    sent: FormData,
}

impl DraftPage {
    /// A field's value as sent with a refused form (so nothing typed is lost).
    fn sent(&self, id: &str) -> &str {
        self.sent.get(id)
    }
}

fn readiness_words(lang: Lang, r: &Readiness, names: &Names, published: bool) -> Vec<String> {
    let mut out = Vec::new();
    if published {
        return out;
    }
    if r.owners.is_empty() {
        out.push(t(lang, "ui-draft-block-nothing", &[]));
    }
    let waiting: Vec<String> = (r.owners.iter())
        .filter(|o| o.approved_by.is_none())
        .map(|o| names.owner(lang, &o.owner))
        .collect();
    if !waiting.is_empty() {
        out.push(t(
            lang,
            "ui-draft-block-approval",
            &[("owners", &waiting.join(", "))],
        ));
    }
    if r.open_proposals > 0 {
        let n = r.open_proposals.to_string();
        out.push(t(lang, "ui-draft-block-proposals", &[("n", &n)]));
    }
    if r.unanswered > 0 {
        let n = r.unanswered.to_string();
        out.push(t(lang, "ui-draft-block-comments", &[("n", &n)]));
    }
    if r.round_ahead {
        out.push(t(lang, "ui-draft-block-round", &[]));
    }
    out
}

async fn impacts(s: &AppState, v: &Viewer, o: &Opened) -> Result<Vec<BodyImpact>, PageError> {
    let lang = v.lang;
    let mut out = Vec::new();
    if !ops::in_consultation(&o.d) || o.d.is_published() {
        return Ok(out);
    }
    for (orgnr, _) in s.store.memberships(v.user.id).await? {
        let Some(body) = s.store.body(&orgnr).await? else {
            continue;
        };
        if body.catalog_id != o.d.catalog_id {
            continue;
        }
        let impact = match grunnmur_web::release_api::impact_of(s, &orgnr, &o.d.version).await {
            Ok(i) => {
                let before = s.release(&body.catalog_id, &body.catalog_version).await?;
                Ok(impact_view(lang, &before.catalog, &o.cat.catalog, &i))
            }
            Err(ApiError::Invalid(p)) => {
                let n = p.len().to_string();
                Err(t(lang, "ui-impact-misfit", &[("count", &n)]))
            }
            Err(e) => return Err(e.into()),
        };
        out.push(BodyImpact {
            orgnr,
            name: body.name,
            impact,
        });
    }
    Ok(out)
}

async fn page(
    s: &AppState,
    v: &Viewer,
    o: Opened,
    sent: Option<FormData>,
    errors: Errors,
) -> Result<DraftPage, PageError> {
    let lang = v.lang;
    let caller = v.caller();
    let names = Names::of(&o.cat.doc);
    let d = &o.d;
    let all = o.st.sees_all();
    let readiness = if all {
        Some(ops::readiness(s, d).await?)
    } else {
        None
    };
    let zone = &s.config.time_zone;
    let owners = (readiness.iter().flat_map(|r| r.owners.iter()))
        .map(|x| OwnerLine {
            name: names.owner(lang, &x.owner),
            id: x.owner.clone(),
            changed: x.changed,
            approval: (x.approved_by.as_ref())
                .zip(x.approved_at)
                .map(|(who, at)| {
                    let when = super::super::admin::timestamp(zone, at);
                    t(
                        lang,
                        "ui-draft-approved-by",
                        &[("who", who), ("when", &when)],
                    )
                }),
        })
        .collect::<Vec<_>>();
    let blocked = (readiness.as_ref())
        .map(|r| readiness_words(lang, r, &names, d.is_published()))
        .unwrap_or_default();
    let edits_changed = owners.iter().any(|x| o.st.edits(&x.id));
    let changes: Vec<ChangeView> = (ops::history_for(s, &o.st, d.id).await?.into_iter())
        .map(|c| change_view(s, lang, &o, &names, c))
        .collect();
    let proposals = changes.iter().filter(|c| c.proposed).count();
    let rows = ops::comments(s, &caller, d.id).await?;
    let comments = comment_views(s, lang, &o, &names, rows).await?;
    let commenting = ops::open_for_comments(d);
    let comment_bodies = if commenting {
        my_bodies(s, v).await?
    } else {
        Vec::new()
    };
    let sent = sent.unwrap_or_else(|| FormData::filled(Vec::new()));
    let closes = match sent.get("closes") {
        "" => d.closes.clone().unwrap_or_default(),
        x => x.to_string(),
    };
    Ok(DraftPage {
        p: {
            let mut p = v.page("ui-draft-title", "drafts");
            p.title = title(s, lang, d);
            p
        },
        id: d.id,
        rev: d.rev,
        heading: title(s, lang, d),
        state: state(lang, d),
        catalog: d.catalog_id.clone(),
        base: d.base_version.clone(),
        version: d.version.clone(),
        created: t(
            lang,
            "ui-draft-created-by",
            &[
                ("who", &d.created_by),
                ("when", &super::super::admin::timestamp(zone, d.created_at)),
            ],
        ),
        editor: o.st.editor.is_some(),
        published: d.is_published(),
        may_approve: edits_changed && !d.is_published(),
        may_publish: edits_changed && !d.is_published(),
        owners,
        readiness,
        blocked,
        closes,
        changes,
        proposals,
        comments,
        commenting: commenting && !comment_bodies.is_empty(),
        comment_entries: if commenting {
            entry_choices(lang, &names)
        } else {
            Vec::new()
        },
        comment_bodies,
        impacts: impacts(s, v, &o).await?,
        outcomes: (OUTCOMES.iter())
            .map(|x| {
                (
                    x.to_string(),
                    t(lang, &format!("ui-draft-outcome-{x}"), &[]),
                )
            })
            .collect(),
        errors,
        sent,
    })
}

/// `GET /catalog/drafts/{id}`.
pub async fn show(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let o = open(&s, &v, &id).await?;
    html(page(&s, &v, o, None, Errors::default()).await?)
}

/// The draft's page again with the problems of a refused form (422).
async fn refused(
    s: &AppState,
    v: &Viewer,
    id: &str,
    f: FormData,
    errors: Errors,
) -> Result<Response, PageError> {
    let o = open(s, v, id).await?;
    html_invalid(page(s, v, o, Some(f), errors).await?)
}

/// `POST /catalog/drafts/{id}/approve`: for every changed owner the viewer edits, at the
/// revision the page showed.
pub async fn approve(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let n: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let rev = f.get("rev").parse().ok();
    match ops::approve(&s, &v.caller(), n, rev).await {
        Ok(_) => Ok(saved(&format!("/catalog/drafts/{n}#readiness"))),
        Err(e @ ApiError::Conflict(_)) => {
            let errors = refusal(v.lang, e, "approve")?;
            refused(&s, &v, &id, f, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /catalog/drafts/{id}/publish`: a refusal shows what still stops it.
pub async fn publish(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let n: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let rev = f.get("rev").parse().ok();
    match ops::publish(&s, &v.caller(), n, rev).await {
        Ok(_) => Ok(saved(&format!("/catalog/drafts/{n}"))),
        Err(ApiError::Conflict(_)) => {
            let mut errors = Errors::default();
            errors.push("publish", t(v.lang, "ui-draft-publish-refused", &[]));
            refused(&s, &v, &id, f, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /catalog/drafts/{id}/consultation`: opens the round until a day, or moves its end.
pub async fn consultation(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let n: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let mut errors = Errors::default();
    let day = crate::views::date_field(v.lang, "closes", f.get("closes"), &mut errors);
    if errors.is_empty() {
        let day = day.map(|d| d.to_string()).unwrap_or_default();
        match ops::open_consultation(&s, &v.caller(), n, &day).await {
            Ok(_) => return Ok(saved(&format!("/catalog/drafts/{n}#consultation"))),
            Err(ApiError::Invalid(_)) => {
                errors.push("closes", t(v.lang, "ui-draft-closes-invalid", &[]))
            }
            Err(e) => errors = refusal(v.lang, e, "closes")?,
        }
    }
    refused(&s, &v, &id, f, errors).await
}

/// `POST /catalog/drafts/{id}/proposals/{pid}`: accepted or rejected (`decision`), with a
/// reason.
pub async fn decide(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, pid)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let n: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let p: i64 = pid.parse().map_err(|_| ApiError::NotFound)?;
    let accept = match f.get("decision") {
        "accept" => true,
        "reject" => false,
        _ => return Err(ApiError::BadRequest("decision".into()).into()),
    };
    let field = format!("reason-{p}");
    match ops::decide(&s, &v.caller(), n, p, accept, f.get(&field)).await {
        Ok(_) => Ok(saved(&format!("/catalog/drafts/{n}#proposals"))),
        Err(e) => {
            let errors = refusal(v.lang, e, &field)?;
            refused(&s, &v, &id, f, errors).await
        }
    }
}

/// `POST /catalog/drafts/{id}/comments`: a member's comment on an entry, for one of their
/// bodies; back to the page it was written on.
pub async fn comment(
    State(s): State<AppState>,
    v: Viewer,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let n: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let orgnr = f.opt("orgnr");
    let (entry, text) = (f.get("entry"), f.get("text"));
    let back = local_path(Some(f.get("next")));
    let back = if back.starts_with(&format!("/catalog/drafts/{n}")) {
        back
    } else {
        format!("/catalog/drafts/{n}")
    };
    let mut errors = Errors::default();
    if entry.is_empty() {
        errors.push("entry", t(v.lang, "ui-draft-required", &[]));
    }
    if errors.is_empty() {
        match ops::comment(&s, &v.caller(), n, orgnr.as_deref(), entry, text).await {
            Ok(_) => return Ok(saved(&format!("{back}#comments"))),
            Err(ApiError::BadRequest(f)) if f == "orgnr" => {
                errors.push("orgnr", t(v.lang, "ui-draft-required", &[]))
            }
            Err(ApiError::Invalid(ps)) if ps.iter().all(|p| p.file == "entry") => {
                errors.push("entry", t(v.lang, "ui-draft-entry-unknown", &[]))
            }
            Err(e) => errors = refusal(v.lang, e, "text")?,
        }
    }
    if let Some(entry) = super::entry::entry_of_path(n, &back) {
        return super::entry::refused_comment(&s, &v, &id, entry, f, errors).await;
    }
    refused(&s, &v, &id, f, errors).await
}

/// `POST /catalog/drafts/{id}/comments/{cid}/answer`: an editor of the entry's owner answers.
pub async fn answer(
    State(s): State<AppState>,
    v: Viewer,
    Path((id, cid)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let f = v.form(&body)?;
    let n: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    let c: i64 = cid.parse().map_err(|_| ApiError::NotFound)?;
    let (field, outcome) = (format!("answer-{c}"), format!("outcome-{c}"));
    match ops::answer(&s, &v.caller(), n, c, f.get(&field), f.get(&outcome)).await {
        Ok(_) => Ok(saved(&format!("/catalog/drafts/{n}#comment-{c}"))),
        Err(ApiError::Invalid(ps)) if ps.iter().all(|p| p.file == "outcome") => {
            let mut errors = Errors::default();
            errors.push(&outcome, t(v.lang, "ui-draft-required", &[]));
            refused(&s, &v, &id, f, errors).await
        }
        Err(e) => {
            let errors = refusal(v.lang, e, &field)?;
            refused(&s, &v, &id, f, errors).await
        }
    }
}
