//! The follow-up digest by e-mail: for every person who owns open work that is overdue or due
//! within 30 days, in any body they are a member of, one plain-text message — the same items
//! as *Mine oppgaver*, in bokmål and then English — with a link that stops the digest. Sent
//! once a day by the server when the operator configures SMTP (`--smtp-url`), or by
//! `grunnmur digest`; both call [`send`].

use crate::page::{BodyView, PageError};
use crate::views::follow_up::{self, Item, SOON_DAYS};
use grunnmur_core::Date;
use grunnmur_i18n::{Lang, t};
use grunnmur_mail::{Mail, Mailer};
use grunnmur_store::UserRow;
use grunnmur_web::{AppState, ops};

/// One person's digest.
pub struct Digest {
    pub user_id: i64,
    pub mail: Mail,
    /// The items in it.
    pub count: usize,
}

/// One body's share of a digest: its name and the person's items there.
struct Share {
    name: String,
    orgnr: String,
    overdue: Vec<[Item; 2]>,
    soon: Vec<[Item; 2]>,
}

/// The digests due today: one for every person with work overdue or due soon, whose digest is
/// on and whose account is not disabled.
pub async fn digests(s: &AppState) -> Result<Vec<Digest>, PageError> {
    let mut out = Vec::new();
    for user in s.store.users().await? {
        if user.disabled_at.is_some() {
            continue;
        }
        let token = grunnmur_web::auth::random_token(24);
        let (token, on) = s.store.digest_subscription(user.id, &token).await?;
        if !on {
            continue;
        }
        let shares = shares(s, &user).await?;
        let count: usize = shares.iter().map(|x| x.overdue.len() + x.soon.len()).sum();
        if count == 0 {
            continue;
        }
        let base = s.config.public_url.as_deref().unwrap_or_default();
        let base = base.trim_end_matches('/');
        let unsubscribe = format!("{base}/unsubscribe/{token}");
        let today = grunnmur_web::state::today();
        let text = [Lang::Nb, Lang::En]
            .iter()
            .map(|&lang| text(lang, base, &shares, count, today, &unsubscribe))
            .collect::<Vec<_>>()
            .join("\n\n----------------------------------------\n\n");
        let n = count.to_string();
        let subject = [Lang::Nb, Lang::En]
            .map(|lang| t(lang, "digest-subject", &[("n", &n)]))
            .join(" / ");
        out.push(Digest {
            user_id: user.id,
            mail: Mail {
                to: user.email.clone(),
                subject,
                text,
                unsubscribe: Some(unsubscribe).filter(|u| u.starts_with("http")),
            },
            count,
        });
    }
    Ok(out)
}

/// The local day (`YYYY-MM-DD` in `zone`) once its hour `hour` has come; `None` before.
pub fn day_due(zone: &str, hour: i8) -> Option<String> {
    let tz = jiff::tz::TimeZone::get(zone).unwrap_or(jiff::tz::TimeZone::UTC);
    let now = jiff::Timestamp::now().to_zoned_datetime(tz);
    (now.hour() >= hour).then(|| now.date().to_string())
}

/// Sends the day's digests; the number sent. A message that fails is logged and the rest go.
pub async fn send(s: &AppState, mailer: &Mailer) -> Result<usize, PageError> {
    let mut sent = 0;
    for d in digests(s).await? {
        match mailer.send(&d.mail).await {
            Ok(()) => sent += 1,
            Err(e) => tracing::warn!(to = %d.mail.to, error = %e, "digest not sent"),
        }
    }
    Ok(sent)
}

/// The person's overdue and soon items in each body they are a member of, in both languages.
async fn shares(s: &AppState, user: &UserRow) -> Result<Vec<Share>, PageError> {
    let today = grunnmur_web::state::today();
    let soon = Date::from_days_since_epoch(today.days_since_epoch() + SOON_DAYS);
    let mut out = Vec::new();
    for (orgnr, role) in s.store.memberships(user.id).await? {
        let Some(row) = s.store.body(&orgnr).await? else {
            continue;
        };
        let derived = ops::derived(s, &orgnr).await?;
        let b = BodyView { row, role, derived };
        let nb = follow_up::items(s, &b, Lang::Nb).await?;
        let en = follow_up::items(s, &b, Lang::En).await?;
        let mut share = Share {
            name: b.row.name.clone(),
            orgnr: orgnr.clone(),
            overdue: Vec::new(),
            soon: Vec::new(),
        };
        // The two lists are made the same way from the same version: they pair up in order.
        for (x, y) in nb.into_iter().zip(en) {
            if !follow_up::names(user, &x.owner) {
                continue;
            }
            match x.due {
                Some(d) if d < today => share.overdue.push([x, y]),
                Some(d) if d <= soon => share.soon.push([x, y]),
                _ => {}
            }
        }
        if !share.overdue.is_empty() || !share.soon.is_empty() {
            out.push(share);
        }
    }
    Ok(out)
}

fn text(
    lang: Lang,
    base: &str,
    shares: &[Share],
    count: usize,
    today: Date,
    unsubscribe: &str,
) -> String {
    let at = if lang == Lang::En { 1 } else { 0 };
    let mut out = t(
        lang,
        "digest-intro",
        &[("n", &count.to_string()), ("date", &today.to_string())],
    );
    for share in shares {
        out.push_str(&format!("\n\n{} ({})", share.name, share.orgnr));
        for (key, items) in [
            ("digest-overdue", &share.overdue),
            ("digest-soon", &share.soon),
        ] {
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("\n\n{}:", t(lang, key, &[])));
            for pair in items.iter() {
                let x = &pair[at];
                let due = x.due.map(|d| d.to_string()).unwrap_or_default();
                let line = t(
                    lang,
                    "digest-item",
                    &[
                        ("what", &x.what),
                        ("place", &x.place),
                        ("due", &due),
                        ("status", &x.status),
                    ],
                );
                out.push_str(&format!("\n- {line}\n  {base}{}", x.href));
            }
        }
    }
    out.push_str("\n\n");
    out.push_str(&t(lang, "digest-footer", &[("url", unsubscribe)]));
    out
}
