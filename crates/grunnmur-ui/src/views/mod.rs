pub mod account;
pub mod adapt;
pub mod admin;
pub mod attestations;
pub mod calibration;
pub mod catalog;
pub mod dashboard;
pub mod declarations;
pub mod deviations;
pub mod drafts;
pub mod evidence;
pub mod exports;
pub mod follow_up;
pub mod history;
pub mod ics;
pub mod impact;
pub mod implementations;
pub mod measures;
pub mod national;
pub mod platform;
pub mod record;
pub mod recur;
pub mod risk;
pub mod search;
pub mod services;
pub mod session;
pub mod sources;
pub mod systems;
pub mod tasks;
pub mod tokens;
pub mod unsubscribe;
pub mod users;
pub mod workbook;
pub mod year;

use crate::page::Shown;
use axum::http::{HeaderValue, header};
use axum::response::Response;

/// Middleware: a strict content security policy (no script, no inline style, no framing), and
/// `Cache-Control: no-store` on every page that sets no policy of its own (pages show a body's
/// data and carry the session's CSRF token; only the stylesheet is cached). Changes from another
/// origin are refused before this, by `grunnmur_web::headers::guard`.
pub async fn security_headers(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}

use grunnmur_core::level::{Level, Levels};
use grunnmur_i18n::{Lang, t};

/// The longest search text a list reads.
pub const MAX_Q: usize = 200;

/// A list's text search (`?q=`): what the calibration, the drafts and a draft's entries read.
#[derive(Default, serde::Deserialize)]
pub struct TextFilter {
    #[serde(default)]
    q: String,
}

impl TextFilter {
    /// The search as given, trimmed, at most [`MAX_Q`] characters.
    pub fn q(&self) -> String {
        self.q.trim().chars().take(MAX_Q).collect()
    }

    /// The search to match with: [`Self::q`] in lower case.
    pub fn needle(&self) -> String {
        self.q().to_lowercase()
    }
}

/// A level as a badge: its label and its class.
#[derive(Clone, Debug)]
pub struct Lv {
    pub label: String,
    pub class: &'static str,
}

/// A level's name.
pub fn level_label(lang: Lang, l: Level) -> String {
    t(lang, &format!("level-{}", l.ascii()), &[])
}

/// A dimension's name (confidentiality, integrity, availability).
pub fn dim_label(lang: Lang, d: grunnmur_core::Dimension) -> String {
    t(lang, &format!("report-dim-{}", d.as_str()), &[])
}

pub fn lv(lang: Lang, l: Level) -> Lv {
    Lv {
        label: level_label(lang, l),
        class: l.ascii(),
    }
}

pub fn lvs(lang: Lang, l: Levels) -> [Lv; 3] {
    [lv(lang, l.c), lv(lang, l.i), lv(lang, l.a)]
}

/// A measure status's label.
pub fn status_label(lang: Lang, s: grunnmur_core::workspace::Status) -> String {
    t(lang, &format!("report-status-{}", s.as_str()), &[])
}

use grunnmur_core::Catalog;
use grunnmur_core::workspace::{BodyTask, Workspace};

/// A body task's name: the catalog's, or the body's own.
pub fn task_name<'a>(cat: &'a Catalog, t: &'a BodyTask, lang: Lang) -> &'a str {
    match (t.catalog, &t.name) {
        (Some(c), _) => cat.tasks[c as usize].name.get(lang.code()),
        (None, Some(n)) => n.get(lang.code()),
        (None, None) => &t.id,
    }
}

/// A body task's name as shown, with the language it is in (the catalog's and the body's own
/// task names have bokmål and English only).
pub fn task_shown(cat: &Catalog, t: &BodyTask, lang: Lang) -> Shown {
    match (t.catalog, &t.name) {
        (Some(c), _) => Shown::of(&cat.tasks[c as usize].name, lang),
        (None, Some(n)) => Shown::of(n, lang),
        (None, None) => Shown::plain(&t.id, lang),
    }
}

/// What an object of the risk list is called (with the language of a task's name), and where
/// it is shown.
pub fn object_label(
    cat: &Catalog,
    ws: &Workspace,
    orgnr: &str,
    object: &str,
    lang: Lang,
) -> (Shown, String) {
    if let Some(id) = object.strip_prefix("system:")
        && let Some(s) = ws.systems.iter().find(|s| s.id == id)
    {
        return (
            Shown::plain(&s.name, lang),
            format!("/b/{orgnr}/systems/{}", enc_path(id)),
        );
    }
    if let Some(id) = object.strip_prefix("task:")
        && let Some(task) = ws.tasks.iter().find(|t| t.id == id)
    {
        return (
            task_shown(cat, task, lang),
            format!("/b/{orgnr}/adapt#task-{id}"),
        );
    }
    (
        Shown::plain(&ws.org.name, lang),
        format!("/b/{orgnr}/measures?system=org"),
    )
}

/// A risk assessment's title as the reader sees it: the default title a new assessment gets
/// (stored in the language of whoever started it) is shown in the reader's language.
pub fn assessment_title(lang: Lang, stored: &str) -> String {
    let default = |l: Lang| t(l, "ui-risk-new-title", &[]);
    if Lang::ALL.iter().any(|&l| stored == default(l)) {
        default(lang)
    } else {
        stored.to_string()
    }
}

/// Ids are ASCII words, but a path segment is escaped all the same.
pub fn enc_path(s: &str) -> String {
    crate::page::enc(s)
}

/// Problems from the engine's checks as messages for a form's summary, each tied to `field`.
pub fn problems(
    lang: Lang,
    e: grunnmur_web::error::ApiError,
    field: &str,
) -> Result<crate::page::Errors, crate::page::PageError> {
    match e {
        grunnmur_web::error::ApiError::Invalid(ps) => {
            let mut errors = crate::page::Errors::default();
            for p in &ps {
                errors.push(field, grunnmur_web::error::problem_out(lang, p).message);
            }
            Ok(errors)
        }
        other => Err(other.into()),
    }
}

/// A text area of one entry per line (evidence links, own measures): the lines with text, trimmed.
pub fn lines_of(text: &str) -> Vec<String> {
    (text.lines().map(str::trim))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A required field left empty.
pub fn required(
    lang: Lang,
    f: &crate::page::FormData,
    field: &str,
    errors: &mut crate::page::Errors,
) {
    if f.get(field).is_empty() {
        let name = t(lang, &format!("ui-field-{field}"), &[]);
        errors.push(field, t(lang, "ui-field-required", &[("field", &name)]));
    }
}

/// A date field (`YYYY-MM-DD`): `None` when empty; a value that is not a date is a problem at
/// the field (and `None`).
pub fn date_field(
    lang: Lang,
    field: &str,
    value: &str,
    errors: &mut crate::page::Errors,
) -> Option<grunnmur_core::Date> {
    if value.is_empty() {
        return None;
    }
    let date = grunnmur_core::Date::parse(value).or_else(|| day_first(value));
    if date.is_none() {
        errors.push(field, t(lang, "ui-date-invalid", &[("value", value)]));
    }
    date
}

/// A date typed the Norwegian way, `dd.mm.yyyy` (`d.m.yyyy` too), where a browser has no date
/// picker.
fn day_first(value: &str) -> Option<grunnmur_core::Date> {
    let mut parts = value.trim().split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || d.len() > 2 || m.len() > 2 {
        return None;
    }
    let num = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())?
    };
    grunnmur_core::Date::new(num(y)? as i32, num(m)? as u8, num(d)? as u8)
}

/// The baseline filter: all, then BN1..BN3.
pub fn baseline_select(lang: Lang, chosen: &str) -> Select {
    let mut opts = vec![(String::new(), t(lang, "ui-filter-all", &[]))];
    opts.extend((1..=3).map(|n| (n.to_string(), format!("BN{n}"))));
    Select::new(
        "baseline",
        t(lang, "report-col-baseline", &[]),
        opts,
        chosen,
    )
}

/// The governance-activity filter: all, then the catalog's activities by name.
pub fn activity_select(
    lang: Lang,
    doc: &grunnmur_catalog::format::CatalogDoc,
    chosen: &str,
) -> Select {
    let mut opts = vec![(String::new(), t(lang, "ui-filter-all", &[]))];
    opts.extend(
        doc.activities
            .iter()
            .map(|x| (enum_str(&x.id), x.name.get(lang.code()).to_string())),
    );
    Select::new(
        "activity",
        t(lang, "report-col-activity", &[]),
        opts,
        chosen,
    )
}

/// A drop-down field: options are (value, label, selected).
pub struct Select {
    pub id: String,
    pub label: String,
    pub hint: String,
    pub options: Vec<(String, String, bool)>,
    /// A problem with the choice, shown beside the field.
    pub error: Option<String>,
}

impl Select {
    pub fn new(id: &str, label: String, options: Vec<(String, String)>, chosen: &str) -> Select {
        Select {
            id: id.into(),
            label,
            hint: String::new(),
            error: None,
            options: options
                .into_iter()
                .map(|(v, l)| {
                    let sel = v == chosen;
                    (v, l, sel)
                })
                .collect(),
        }
    }
}

/// The three levels as options.
pub fn level_options(lang: Lang) -> Vec<(String, String)> {
    Level::ALL
        .iter()
        .map(|l| (l.ascii().to_string(), level_label(lang, *l)))
        .collect()
}

/// An information type's name: the catalog's, or the body's own.
pub fn info_name<'a>(
    cat: &'a Catalog,
    ws: &'a Workspace,
    r: grunnmur_core::workspace::InfoRef,
    lang: Lang,
) -> &'a str {
    match r {
        grunnmur_core::workspace::InfoRef::Catalog(i) => {
            cat.info_types[i as usize].name.get(lang.code())
        }
        grunnmur_core::workspace::InfoRef::Own(i) => &ws.own_info_types[i as usize].name,
    }
}

/// An information type's name as shown, with the language it is in (the catalog's have bokmål
/// and English only; an own type's name is the body's).
pub fn info_shown(
    cat: &Catalog,
    ws: &Workspace,
    r: grunnmur_core::workspace::InfoRef,
    lang: Lang,
) -> Shown {
    match r {
        grunnmur_core::workspace::InfoRef::Catalog(i) => {
            Shown::of(&cat.info_types[i as usize].name, lang)
        }
        grunnmur_core::workspace::InfoRef::Own(i) => {
            Shown::plain(&ws.own_info_types[i as usize].name, lang)
        }
    }
}

/// A catalog enum's id as written in the files (`organisatorisk`, `forebygge`, ...).
pub fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// An id from a name: lower-case ASCII words joined by hyphens, unique among `taken`.
pub fn id_from_name(name: &str, taken: &[&str]) -> String {
    let mut base = String::new();
    for c in name.to_lowercase().chars() {
        let s = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            c if c.is_ascii_alphanumeric() => {
                base.push(c);
                continue;
            }
            _ => "-",
        };
        base.push_str(s);
    }
    let words: Vec<&str> = base.split('-').filter(|w| !w.is_empty()).collect();
    let mut base = words.join("-");
    base.truncate(60);
    let base = base.trim_end_matches('-').to_string();
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id.as_str()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::id_from_name;

    #[test]
    fn ids_come_from_names_and_are_unique() {
        assert_eq!(
            id_from_name("Årlig tilgangsgjennomgang i Helse & omsorg", &[]),
            "arlig-tilgangsgjennomgang-i-helse-omsorg"
        );
        assert_eq!(id_from_name("Backup", &["backup"]), "backup-2");
        assert_eq!(id_from_name("Backup", &["backup", "backup-2"]), "backup-3");
        assert_eq!(id_from_name("Øvelse", &[]), "ovelse");
    }
}
