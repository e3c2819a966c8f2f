//! Signed baseline attestations over HTTP (rule 18). A body's administrator issues one from the
//! body's assessment as it is now (`attest issue` makes the same statement from files); the
//! server signs it with its key (Ed25519, compact JWS) and keeps it. Anyone verifies it
//! offline with the public keys at `/.well-known/jwks.json` (every key that ever signed) and
//! the signed revocation list at `/.well-known/attestation-revocations`, or on the server's
//! public verification page.

use crate::auth::{Admin, Member, Reader};
use crate::error::{ApiError, ErrorBody};
use crate::ops;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use grunnmur_attest::{
    Attestation, Jwks, PublicJwk, RevocationList, Revoked, Scope, Verified, VerifyError,
};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::AttestationRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The longest validity an attestation may be given, in months.
pub const MAX_MONTHS: u32 = 36;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(jwks))
        .routes(routes!(revocations))
        .routes(routes!(list_attestations, issue_attestation))
        .routes(routes!(revoke_attestation))
}

/// What to attest: chosen systems (with the body-level measures), or the whole body.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueRequest {
    /// The systems' ids; empty or left out: the whole body.
    #[serde(default)]
    pub systems: Vec<String>,
    /// Months it is valid (1–36, default 12).
    #[serde(default)]
    pub months: Option<u32>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeRequest {
    /// Why it no longer holds (kept in the audit log and on the attestation).
    pub reason: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AttestationInfo {
    pub id: String,
    /// The systems attested (with the body-level measures); empty: the whole body.
    pub systems: Vec<String>,
    pub valid_until: String,
    pub issued_by: String,
    pub issued_at: i64,
    /// The key that signed it (RFC 7638 thumbprint).
    pub kid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The compact JWS.
    pub token: String,
}

pub fn info(r: &AttestationRow) -> AttestationInfo {
    AttestationInfo {
        id: r.id.clone(),
        systems: match serde_json::from_str(&r.scope) {
            Ok(Scope::Systems(ids)) => ids,
            _ => Vec::new(),
        },
        valid_until: r.valid_until.clone(),
        issued_by: r.issued_by.clone(),
        issued_at: r.issued_at,
        kid: r.kid.clone(),
        revoked_at: r.revoked_at,
        reason: r.reason.clone(),
        token: r.token.clone(),
    }
}

/// The server's signing key; without one, attestations cannot be issued here.
fn key(s: &AppState) -> Result<&grunnmur_attest::SigningKey, ApiError> {
    s.attest_key
        .as_deref()
        .ok_or(ApiError::Refused("api-attest-no-key"))
}

/// Who the attestations say issued them: the server's public address, or `grunnmur`.
fn issuer(s: &AppState) -> String {
    let url = s.config.public_url.as_deref().unwrap_or("grunnmur");
    url.trim_end_matches('/').to_string()
}

/// Issues an attestation of `orgnr` for `scope` from its assessment as it is now, signs it,
/// keeps it (audited) and returns it with its statement.
pub async fn issue(
    s: &AppState,
    orgnr: &str,
    actor: &str,
    scope: Scope,
    months: u32,
) -> Result<(AttestationRow, Attestation), ApiError> {
    if !(1..=MAX_MONTHS).contains(&months) {
        return Err(ApiError::InvalidField {
            field: "months".into(),
            code: "attest-months",
        });
    }
    let key = key(s)?;
    let d = ops::derived(s, orgnr).await?;
    let mut accepted = 0;
    for row in s.store.risk_assessments(orgnr).await? {
        let ra = crate::risk_api::stored_doc(&row)?;
        if ra.acceptance.is_some() {
            accepted += ra.risks.len();
        }
    }
    let id = grunnmur_attest::new_id().map_err(|e| ApiError::Internal(e.to_string()))?;
    let mut att = grunnmur_attest::attestation(
        &d.catalog.catalog,
        d.overview(),
        scope.clone(),
        &id,
        actor,
        d.today,
        months,
        accepted,
    )
    .map_err(|_| ApiError::InvalidField {
        field: "systems".into(),
        code: "attest-unknown-system",
    })?;
    att.iss = issuer(s);
    let public = key.public();
    let jwk = serde_json::to_string(&public).map_err(|e| ApiError::Internal(e.to_string()))?;
    s.store.register_attestation_key(&public.id(), &jwk).await?;
    let scope_json =
        serde_json::to_string(&scope).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row = AttestationRow {
        id,
        orgnr: orgnr.to_string(),
        kid: public.id(),
        token: grunnmur_attest::sign(&att, key),
        scope: scope_json,
        valid_until: att.valid_until.clone(),
        issued_by: actor.to_string(),
        issued_at: grunnmur_store::now(),
        revoked_at: None,
        revoked_by: None,
        reason: None,
    };
    s.store.record_attestation(&row).await?;
    Ok((row, att))
}

/// Every public key that ever signed here.
pub async fn public_keys(s: &AppState) -> Result<Vec<PublicJwk>, ApiError> {
    let mut keys: Vec<PublicJwk> = (s.store.attestation_keys().await?.iter())
        .filter_map(|k| serde_json::from_str(k).ok())
        .collect();
    // The current key even before it signed anything, so the set is never empty.
    if let Some(k) = &s.attest_key {
        let current = k.public();
        if !keys.iter().any(|x| x.id() == current.id()) {
            keys.push(current);
        }
    }
    Ok(keys)
}

/// The revocation list as stored now.
pub async fn revocation_list(s: &AppState) -> Result<RevocationList, ApiError> {
    let zone = |at: i64| grunnmur_core::Date::from_days_since_epoch(at.div_euclid(86_400));
    Ok(RevocationList {
        iss: issuer(s),
        iat: grunnmur_store::now(),
        revoked: (s.store.revoked_attestations().await?.into_iter())
            .map(|(jti, at)| Revoked {
                jti,
                date: zone(at).to_string(),
            })
            .collect(),
    })
}

/// Checks a token against this server's keys and revocations, as anyone could offline.
pub async fn check(s: &AppState, token: &str) -> Result<Result<Verified, VerifyError>, ApiError> {
    let keys = public_keys(s).await?;
    let list = revocation_list(s).await?;
    let token = token.trim();
    if token.len() > grunnmur_attest::MAX_TOKEN {
        return Ok(Err(VerifyError::Malformed("too large".into())));
    }
    Ok(grunnmur_attest::verify(
        token,
        &keys,
        grunnmur_store::now(),
        Some(&list),
    ))
}

/// Why an attestation does not hold, in words.
pub fn why(lang: Lang, e: &VerifyError) -> String {
    let (key, args): (&str, Vec<(&str, String)>) = match e {
        VerifyError::Malformed(what) => ("cli-attest-malformed", vec![("what", what.clone())]),
        VerifyError::Algorithm(alg) => ("cli-attest-algorithm", vec![("alg", alg.clone())]),
        VerifyError::UnknownKey(kid) => ("cli-attest-unknown-key", vec![("kid", kid.clone())]),
        VerifyError::BadSignature => ("cli-attest-bad-signature", vec![]),
        VerifyError::Expired(until) => ("cli-attest-expired", vec![("until", until.clone())]),
        VerifyError::Revoked { jti, date } => (
            "cli-attest-revoked-on",
            vec![("id", jti.clone()), ("date", date.clone())],
        ),
    };
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    t(lang, key, &args)
}

/// What an attestation says, in words: the statement, one line per baseline, the rest.
pub fn summary(lang: Lang, a: &Attestation, kid: &str) -> Vec<String> {
    let scope = match &a.scope {
        Scope::Body => t(lang, "cli-attest-scope-body", &[]),
        Scope::Systems(ids) => t(
            lang,
            "cli-attest-scope-systems",
            &[("systems", &ids.join(", "))],
        ),
    };
    let catalog = format!("{} {}", a.catalog.id, a.catalog.version);
    let mut out = vec![t(
        lang,
        "cli-attest-summary",
        &[
            ("name", &a.body.name),
            ("orgnr", &a.body.orgnr),
            ("scope", &scope),
            ("catalog", &catalog),
            ("date", &a.date),
            ("until", &a.valid_until),
            ("kid", kid),
            ("id", &a.jti),
        ],
    )];
    for b in &a.baselines {
        out.push(t(
            lang,
            "cli-attest-baseline",
            &[
                ("baseline", &b.baseline.to_string()),
                ("required", &b.required.to_string()),
                ("in_place", &b.in_place.to_string()),
                ("na", &b.not_applicable.to_string()),
            ],
        ));
    }
    out.push(t(
        lang,
        "cli-attest-rest",
        &[
            ("open", &a.not_in_place.len().to_string()),
            ("deviations", &a.deviations.to_string()),
            ("risks", &a.accepted_residual_risks.to_string()),
        ],
    ));
    out
}

#[utoipa::path(get, path = "/.well-known/jwks.json", tag = "attestations",
    responses((status = 200, description = "Every public key that signs or signed attestations here (JWK set, RFC 7517)", body = Object)))]
pub async fn jwks(State(s): State<AppState>) -> Result<Json<Jwks>, ApiError> {
    Ok(Json(Jwks {
        keys: public_keys(&s).await?,
    }))
}

#[utoipa::path(get, path = "/.well-known/attestation-revocations", tag = "attestations",
    responses((status = 200, description = "The revoked attestations, as a compact JWS signed by the server's key", content_type = "application/jwt"),
        (status = 409, body = ErrorBody)))]
pub async fn revocations(State(s): State<AppState>) -> Result<Response, ApiError> {
    let key = key(&s)?;
    let list = revocation_list(&s).await?;
    let token = grunnmur_attest::sign_revocations(&list, key);
    Ok(([(header::CONTENT_TYPE, "application/jwt")], token).into_response())
}

#[utoipa::path(get, path = "/api/bodies/{orgnr}/attestations", tag = "attestations",
    params(("orgnr" = String, Path, description = "The body's organisation number")),
    responses((status = 200, description = "The body's attestations, newest first", body = Vec<AttestationInfo>),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn list_attestations(
    State(s): State<AppState>,
    m: Member<Reader>,
) -> Result<Json<Vec<AttestationInfo>>, ApiError> {
    let rows = s.store.attestations(&m.orgnr).await?;
    Ok(Json(rows.iter().map(info).collect()))
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/attestations", tag = "attestations",
    params(("orgnr" = String, Path, description = "The body's organisation number")),
    request_body = IssueRequest,
    responses((status = 201, description = "The attestation, signed", body = AttestationInfo),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn issue_attestation(
    State(s): State<AppState>,
    m: Member<Admin>,
    body: String,
) -> Result<Response, ApiError> {
    let req: IssueRequest = crate::error::parse_json(&body)?;
    let scope = if req.systems.is_empty() {
        Scope::Body
    } else {
        Scope::Systems(req.systems)
    };
    let (row, _) = issue(&s, &m.orgnr, &m.actor(), scope, req.months.unwrap_or(12)).await?;
    Ok((StatusCode::CREATED, Json(info(&row))).into_response())
}

#[utoipa::path(post, path = "/api/bodies/{orgnr}/attestations/{id}/revoke", tag = "attestations",
    params(("orgnr" = String, Path, description = "The body's organisation number"),
        ("id" = String, Path, description = "The attestation's id")),
    request_body = RevokeRequest,
    responses((status = 200, description = "Revoked: on the revocation list from now on", body = AttestationInfo),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = []), ("bearer" = [])))]
pub async fn revoke_attestation(
    State(s): State<AppState>,
    m: Member<Admin>,
    Path((_, id)): Path<(String, String)>,
    body: String,
) -> Result<Json<AttestationInfo>, ApiError> {
    let req: RevokeRequest = crate::error::parse_json(&body)?;
    let reason = req.reason.trim();
    if reason.is_empty() || reason.chars().count() > grunnmur_core::limits::MAX_TEXT {
        return Err(ApiError::InvalidField {
            field: "reason".into(),
            code: "attest-reason",
        });
    }
    let row = s
        .store
        .revoke_attestation(&m.orgnr, &id, reason, &m.actor())
        .await?;
    Ok(Json(info(&row)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verification_failure_reads_in_both_languages() {
        let errors = [
            VerifyError::Malformed("x".into()),
            VerifyError::Algorithm("HS256".into()),
            VerifyError::UnknownKey("k".into()),
            VerifyError::BadSignature,
            VerifyError::Expired("2026-01-01".into()),
            VerifyError::Revoked {
                jti: "j".into(),
                date: "2026-02-02".into(),
            },
        ];
        for e in &errors {
            for lang in [Lang::Nb, Lang::En] {
                let w = why(lang, e);
                assert!(!w.starts_with("cli-attest"), "{w}");
            }
        }
    }
}
