//! What every page shares: the language, the signed-in user, the CSRF token, the body being
//! worked on, and errors rendered as pages in the reader's language.

use askama::Template;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use grunnmur_i18n::{Lang, t};
use grunnmur_store::{BodyRow, Role, UserRow};
use grunnmur_web::AppState;
use grunnmur_web::auth::{self, Caller, MinRole, Via};
pub use grunnmur_web::auth::{Admin, Editor, Reader};
use grunnmur_web::error::ApiError;
use grunnmur_web::ops::{self, Derived};
use std::marker::PhantomData;
use std::sync::Arc;

pub use grunnmur_web::error::LANG_COOKIE;

/// The reader's language: the language cookie, else bokmål.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    auth::cookie_value(headers, LANG_COOKIE)
        .and_then(|v| Lang::parse(&v))
        .unwrap_or_default()
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// A local path to return to after a redirect: never another site. Browsers drop tabs and
/// line breaks from a URL and read `\\` as `/`, so `/\t/evil.example` would leave: refused.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(char::is_control) =>
        {
            p.into()
        }
        _ => "/".into(),
    }
}

/// One choice of the language switch.
pub struct LangChoice {
    pub code: &'static str,
    /// The language's name in itself.
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// A catalog text as a page shows it: in the page's language, or in bokmål where the catalog
/// has none (nynorsk pages, and English where a text lacks English), with the language the
/// text is actually in, so the template can mark a fallback with `lang` on its element.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    /// The text's own language code.
    pub lang: &'static str,
    /// The page's language code.
    pub page: &'static str,
}

impl Shown {
    pub fn of(text: &grunnmur_core::catalog::Text, lang: Lang) -> Shown {
        Shown {
            text: text.get(lang.code()).to_string(),
            lang: text.shown_lang(lang.code()),
            page: lang.code(),
        }
    }

    /// A text in no particular language (a name the body gave), never marked.
    pub fn plain(text: &str, lang: Lang) -> Shown {
        Shown {
            text: text.to_string(),
            lang: lang.code(),
            page: lang.code(),
        }
    }

    pub fn of_doc(text: &grunnmur_catalog::format::TextDoc, lang: Lang) -> Shown {
        Shown {
            text: text.get(lang.code()).to_string(),
            lang: text.shown_lang(lang.code()),
            page: lang.code(),
        }
    }

    /// ` lang="…"` when the text is not in the page's language, else nothing.
    pub fn lang_attr(&self) -> &'static str {
        match self.lang {
            l if l == self.page || self.text.is_empty() => "",
            "en" => r#" lang="en""#,
            "nn" => r#" lang="nn""#,
            _ => r#" lang="nb""#,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The body a page is about, with the reader's role and the engine's result.
pub struct BodyNav {
    pub orgnr: String,
    pub name: String,
    pub role: Role,
}

/// The frame of every page.
pub struct Page {
    pub lang: Lang,
    pub title: String,
    /// This page's path and query, for the language switch.
    pub path: String,
    pub user: Option<String>,
    pub csrf: String,
    pub body: Option<BodyNav>,
    /// Which navigation entry is current.
    pub section: &'static str,
    /// A message after a change (`?saved=1`), announced politely.
    pub notice: Option<String>,
    /// Whether the navigation leads to the catalog drafts: catalog editors and platform
    /// administrators always, everyone else while a consultation round is open.
    pub drafts_nav: bool,
}

impl Page {
    pub fn t(&self, key: &str) -> String {
        t(self.lang, key, &[])
    }

    pub fn ta(&self, key: &str, args: &[(&str, &str)]) -> String {
        t(self.lang, key, args)
    }

    /// A message with one argument.
    pub fn ta1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        t(self.lang, key, &[(name, &value.to_string())])
    }

    /// A message with two arguments.
    pub fn ta2(
        &self,
        key: &str,
        n1: &str,
        v1: impl std::fmt::Display,
        n2: &str,
        v2: impl std::fmt::Display,
    ) -> String {
        t(
            self.lang,
            key,
            &[(n1, &v1.to_string()), (n2, &v2.to_string())],
        )
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// Extra attributes of a date field: the page's language, so a browser that follows it
    /// shows the date the way the hint describes.
    pub fn date_attrs(&self) -> String {
        format!(r#"lang="{}""#, self.code())
    }

    /// The language switch: every language with its code, its name in itself, the link that
    /// switches to it and back to this page, and whether it is the page's language.
    pub fn langs(&self) -> Vec<LangChoice> {
        Lang::ALL
            .iter()
            .map(|&l| LangChoice {
                code: l.code(),
                name: t(l, &format!("ui-lang-{}", l.code()), &[]),
                href: format!("/lang/{}?next={}", l.code(), enc(&self.path)),
                current: l == self.lang,
            })
            .collect()
    }

    pub fn can_edit(&self) -> bool {
        self.body.as_ref().is_some_and(|b| b.role >= Role::Editor)
    }

    pub fn is_admin(&self) -> bool {
        self.body.as_ref().is_some_and(|b| b.role >= Role::Admin)
    }

    /// `aria-current` for a navigation entry.
    pub fn current(&self, section: &str) -> &'static str {
        if self.section == section {
            "page"
        } else {
            "false"
        }
    }

    pub fn base(&self) -> String {
        self.body
            .as_ref()
            .map(|b| format!("/b/{}", b.orgnr))
            .unwrap_or_default()
    }
}

/// A page that could not be shown.
#[derive(Debug)]
pub enum PageError {
    /// Not signed in: to the login page, then back.
    Login(String),
    /// Somewhere the reader must go first (the forced password change, the second factor).
    Redirect(&'static str),
    Api(ApiError),
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        PageError::Api(e)
    }
}

impl From<grunnmur_store::StoreError> for PageError {
    fn from(e: grunnmur_store::StoreError) -> PageError {
        PageError::Api(e.into())
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> PageError {
        PageError::Api(ApiError::Internal(e.to_string()))
    }
}

/// Carried on an error response until [`render_errors`] draws it in the reader's language.
#[derive(Clone)]
pub struct ErrorPage(ApiError);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::Login(next) => {
                Redirect::to(&format!("/login?next={}", enc(&next))).into_response()
            }
            PageError::Redirect(to) => Redirect::to(to).into_response(),
            PageError::Api(e) => {
                if let ApiError::Internal(msg) = &e {
                    tracing::error!("page failed: {msg}");
                }
                let mut r = e.meta().0.into_response();
                r.extensions_mut().insert(ErrorPage(e));
                r
            }
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    p: Page,
    status: u16,
    message: String,
}

/// Middleware: draws error pages in the reader's language.
pub async fn render_errors(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = lang_of(req.headers());
    let path = req.uri().path().to_string();
    let r = next.run(req).await;
    let Some(ErrorPage(e)) = r.extensions().get::<ErrorPage>().cloned() else {
        return r;
    };
    let status = r.status();
    let p = Page {
        lang,
        title: t(lang, "ui-error-title", &[]),
        path,
        user: None,
        csrf: String::new(),
        body: None,
        section: "",
        notice: None,
        drafts_nav: false,
    };
    let page = ErrorTemplate {
        message: e.message(lang),
        p,
        status: status.as_u16(),
    };
    let mut r = match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => status.into_response(),
    };
    if matches!(e, ApiError::Csrf) {
        // Recorded as a security event by `grunnmur_web::security::watch`.
        r.extensions_mut()
            .insert(grunnmur_web::security::CsrfRefused);
    }
    r
}

/// A signed-in reader of pages.
pub struct Viewer {
    pub user: UserRow,
    pub id_hash: String,
    pub csrf: String,
    pub lang: Lang,
    pub path: String,
    /// The navigation's link to the catalog drafts ([`Page::drafts_nav`]).
    pub drafts_nav: bool,
}

/// Whether a consultation round is open on any draft (members comment on it).
async fn round_open(s: &AppState) -> bool {
    (s.store.drafts().await).is_ok_and(|d| d.iter().any(grunnmur_web::drafts::open_for_comments))
}

impl FromRequestParts<AppState> for Viewer {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Viewer, PageError> {
        let path = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
        let (user, id_hash, csrf) = auth::session_user(s, &parts.headers)
            .await?
            .ok_or_else(|| PageError::Login(path.clone()))?;
        // The forced password change and a platform administrator's second factor come first.
        if let Some(g) = grunnmur_web::password::gate(&user, true)
            && !grunnmur_web::password::page_allowed(g, parts.uri.path())
        {
            return Err(PageError::Redirect(g.page()));
        }
        // Only pages (GET) draw the navigation: a form or a download asks nothing more.
        let drafts_nav = parts.method == axum::http::Method::GET
            && (user.catalog_editor || user.platform_admin || round_open(s).await);
        Ok(Viewer {
            user,
            id_hash,
            csrf,
            lang: lang_of(&parts.headers),
            path,
            drafts_nav,
        })
    }
}

impl Viewer {
    pub fn caller(&self) -> Caller {
        Caller {
            user: self.user.clone(),
            via: Via::Session {
                id_hash: self.id_hash.clone(),
                csrf: self.csrf.clone(),
            },
        }
    }

    pub fn actor(&self) -> String {
        self.user.email.clone()
    }

    /// The frame of a page outside any body.
    pub fn page(&self, title_key: &str, section: &'static str) -> Page {
        Page {
            lang: self.lang,
            title: t(self.lang, title_key, &[]),
            path: self.path.clone(),
            user: Some(self.user.email.clone()),
            csrf: self.csrf.clone(),
            body: None,
            section,
            notice: notice(self.lang, &self.path),
            drafts_nav: self.drafts_nav,
        }
    }

    /// Opens a body with at least `min` role: a body the reader has no part in is not found.
    pub async fn body(&self, s: &AppState, orgnr: &str, min: Role) -> Result<BodyView, PageError> {
        let role = self.caller().require(s, orgnr, min).await?;
        let row = s.store.body(orgnr).await?.ok_or(ApiError::NotFound)?;
        let derived = ops::derived(s, orgnr).await?;
        Ok(BodyView { row, role, derived })
    }

    /// A body page's frame.
    pub fn body_page(&self, b: &BodyView, title_key: &str, section: &'static str) -> Page {
        let mut p = self.page(title_key, section);
        p.body = Some(BodyNav {
            orgnr: b.row.orgnr.clone(),
            name: b.row.name.clone(),
            role: b.role,
        });
        p
    }

    /// Reads a submitted form and checks its CSRF token: no change without it.
    pub fn form(&self, body: &[u8]) -> Result<FormData, PageError> {
        let f = FormData::parse(body)?;
        if !auth::same(f.get("csrf"), &self.csrf) {
            return Err(ApiError::Csrf.into());
        }
        Ok(f)
    }
}

/// A page of the body named by the path's `{orgnr}`, for a reader with at least `R`'s role
/// (`BodyPage<Editor>`): without a session, the login page; a body the reader has no part in
/// is 404, too small a role 403. The handler gets the reader, the opened body and its orgnr.
pub struct BodyPage<R> {
    pub v: Viewer,
    pub b: BodyView,
    pub orgnr: String,
    _min: PhantomData<R>,
}

impl<R: MinRole> FromRequestParts<AppState> for BodyPage<R> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, PageError> {
        let v = Viewer::from_request_parts(parts, s).await?;
        let orgnr = auth::path_orgnr(parts, s).await?;
        let b = v.body(s, &orgnr, R::ROLE).await?;
        Ok(BodyPage {
            v,
            b,
            orgnr,
            _min: PhantomData,
        })
    }
}

/// A form posted to a page of the body named by the path's `{orgnr}` (`BodyForm<Editor>`): the
/// reader, the form with its CSRF token checked, then the body opened with at least `R`'s role
/// (the same order as every form: a wrong token is 403 before anything else is looked at).
pub struct BodyForm<R> {
    pub v: Viewer,
    pub b: BodyView,
    pub f: FormData,
    pub orgnr: String,
    _min: PhantomData<R>,
}

impl<R: MinRole> FromRequest<AppState> for BodyForm<R> {
    type Rejection = Response;

    async fn from_request(req: Request, s: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let v = Viewer::from_request_parts(&mut parts, s)
            .await
            .map_err(IntoResponse::into_response)?;
        let orgnr = auth::path_orgnr(&mut parts, s)
            .await
            .map_err(|e| PageError::from(e).into_response())?;
        let bytes = Bytes::from_request(Request::from_parts(parts, body), s)
            .await
            .map_err(IntoResponse::into_response)?;
        let open = async {
            let f = v.form(&bytes)?;
            let b = v.body(s, &orgnr, R::ROLE).await?;
            Ok::<_, PageError>((f, b))
        };
        let (f, b) = open.await.map_err(IntoResponse::into_response)?;
        Ok(BodyForm {
            v,
            b,
            f,
            orgnr,
            _min: PhantomData,
        })
    }
}

pub struct BodyView {
    pub row: BodyRow,
    pub role: Role,
    pub derived: Arc<Derived>,
}

/// A submitted form, keeping repeated fields (checkbox groups).
pub struct FormData(Vec<(String, String)>);

/// Most fields a form may send (the largest form, statuses of every measure, has a few
/// hundred); each value is free text at most ([`grunnmur_core::limits::MAX_TEXT`]).
pub const MAX_FORM_FIELDS: usize = 5_000;

impl FormData {
    /// The fields of an urlencoded body; too many fields, or a field longer than any text may
    /// be, is refused (422, naming the field) before anything looks at the form.
    pub fn parse(body: &[u8]) -> Result<FormData, ApiError> {
        use grunnmur_catalog::{Problem, ProblemKind};
        use grunnmur_core::limits::{MAX_NAME, MAX_TEXT};
        let refuse = |kind| ApiError::Invalid(vec![Problem::error("form", 0, kind)]);
        let mut fields = Vec::new();
        for (k, v) in form_urlencoded::parse(body) {
            if fields.len() == MAX_FORM_FIELDS {
                return Err(refuse(ProblemKind::TooMany {
                    what: "form-fields".into(),
                    max: MAX_FORM_FIELDS,
                }));
            }
            for (text, max) in [(&k, MAX_NAME), (&v, MAX_TEXT)] {
                let chars = text.chars().count();
                if chars > max {
                    let field: String = k.chars().take(MAX_NAME).collect();
                    return Err(refuse(ProblemKind::TooLong { field, chars, max }));
                }
            }
            fields.push((k.into_owned(), v.into_owned()));
        }
        Ok(FormData(fields))
    }

    /// A form filled in from stored values, to show an edit form as if it had been sent.
    pub fn filled(fields: Vec<(String, String)>) -> FormData {
        FormData(fields)
    }

    /// The first value of a field, trimmed; empty when absent.
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .unwrap_or("")
    }

    /// The first value of a field as sent, untrimmed (passwords); empty when absent.
    pub fn get_raw(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The value, or `None` when empty.
    pub fn opt(&self, name: &str) -> Option<String> {
        Some(self.get(name))
            .filter(|v| !v.is_empty())
            .map(String::from)
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }
}

/// Renders a template as a 200 page.
pub fn html<T: Template>(page: T) -> Result<Response, PageError> {
    Ok(Html(page.render()?).into_response())
}

/// Renders a form page again with its problems (422), so they can be corrected in place.
pub fn html_invalid<T: Template>(page: T) -> Result<Response, PageError> {
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(page.render()?)).into_response())
}

/// After a change: back to a page, which announces that it was saved (PRG). A fragment in
/// `to` (the place saved) stays last, after the query, so the browser lands there.
pub fn saved(to: &str) -> Response {
    Redirect::to(&saved_url(to)).into_response()
}

/// After a change that was not made as asked but handed on (a catalog change proposed to the
/// entry owner's editors): back to a page that says so.
pub fn proposed(to: &str) -> Response {
    Redirect::to(&flagged_url(to, PROPOSED)).into_response()
}

const PROPOSED: &str = "proposed";

/// `to` with `saved=1` added to its query, before any fragment.
pub fn saved_url(to: &str) -> String {
    flagged_url(to, "1")
}

fn flagged_url(to: &str, flag: &str) -> String {
    let (path, fragment) = match to.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (to, None),
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    match fragment {
        Some(f) => format!("{path}{sep}saved={flag}#{f}"),
        None => format!("{path}{sep}saved={flag}"),
    }
}

/// The message a page shows after the change that led to it (`saved=` in its query).
fn notice(lang: Lang, path: &str) -> Option<String> {
    let query = path.split_once('?')?.1;
    let flag = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "saved")?
        .1;
    match flag.as_ref() {
        PROPOSED => Some(t(lang, "ui-draft-notice-proposed", &[])),
        "1" => Some(t(lang, "ui-saved", &[])),
        _ => None,
    }
}

/// A query string carried through a form to come back to a list as it was (its filters and
/// page): only the `keys` the list reads, each value re-encoded, so what comes back is a
/// query of that list and nothing else. `None` when anything else is in it.
pub fn local_query(q: &str, keys: &[&str]) -> Option<String> {
    let q = q.strip_prefix('?').unwrap_or(q);
    // A query as a list writes it has no fragment and nothing a browser would drop.
    if q.contains('#') || q.chars().any(char::is_control) {
        return None;
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        if !keys.contains(&k.as_ref()) {
            return None;
        }
        out.append_pair(&k, &v);
    }
    Some(out.finish())
}

/// A form's problems: each shown beside its field and in the summary at the top.
#[derive(Clone, Debug, Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first problem of a field, if any.
    pub fn of(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn push(&mut self, field: &str, message: String) {
        self.0.push(FieldError {
            field: field.into(),
            message,
        });
    }
}

/// A field's problem shown beside it and in the summary at the top of the form.
#[derive(Clone, Debug)]
pub struct FieldError {
    /// The input's `id`.
    pub field: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::{ApiError, FormData, MAX_FORM_FIELDS, local_path, local_query, saved_url};

    fn refused(body: &[u8]) -> grunnmur_catalog::ProblemKind {
        match FormData::parse(body) {
            Err(ApiError::Invalid(p)) => p[0].kind.clone(),
            Err(e) => panic!("{e:?}"),
            Ok(_) => panic!("taken"),
        }
    }

    #[test]
    fn forms_with_too_many_or_too_long_fields_are_refused() {
        use grunnmur_catalog::ProblemKind as P;
        let ok = FormData::parse(b"csrf=x&name=L%C3%B8nn&tasks=a&tasks=b").unwrap();
        assert_eq!((ok.get("name"), ok.all("tasks").len()), ("Lønn", 2));
        let many = "a=1&".repeat(MAX_FORM_FIELDS + 1);
        assert!(matches!(
            refused(many.as_bytes()),
            P::TooMany {
                max: MAX_FORM_FIELDS,
                ..
            }
        ));
        // 10,000 letters are fine (20,000 bytes), one more is not; the field is named.
        let fits = format!("justification={}", "%C3%B8".repeat(10_000));
        assert!(FormData::parse(fits.as_bytes()).is_ok());
        let long = format!("csrf=x&justification={}", "x".repeat(10_001));
        assert_eq!(
            refused(long.as_bytes()),
            P::TooLong {
                field: "justification".into(),
                chars: 10_001,
                max: 10_000
            }
        );
        let long_name = format!("{}=1", "n".repeat(201));
        assert!(matches!(
            refused(long_name.as_bytes()),
            P::TooLong { max: 200, .. }
        ));
    }

    #[test]
    fn only_paths_of_this_site_are_returned_to() {
        for ok in ["/", "/b/974760673", "/b/974760673/measures?status=overdue"] {
            assert_eq!(local_path(Some(ok)), ok);
        }
        for evil in [
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example/",
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/\r//evil.example/",
            "evil",
            "",
        ] {
            assert_eq!(local_path(Some(evil)), "/", "{evil:?}");
        }
        assert_eq!(local_path(None), "/");
    }

    #[test]
    fn the_saved_flag_goes_into_the_query_before_the_fragment() {
        assert_eq!(saved_url("/b/1/adapt#task-x"), "/b/1/adapt?saved=1#task-x");
        assert_eq!(
            saved_url("/b/1/measures?status=overdue#row-m.x-org"),
            "/b/1/measures?status=overdue&saved=1#row-m.x-org"
        );
        assert_eq!(saved_url("/b/1/settings"), "/b/1/settings?saved=1");
        assert_eq!(saved_url("/b/1/m?system=org"), "/b/1/m?system=org&saved=1");
    }

    #[test]
    fn a_carried_query_is_only_the_lists_own_keys_re_encoded() {
        let keys = ["system", "status", "page"];
        assert_eq!(
            local_query("?system=s.hr&status=overdue&page=2", &keys).as_deref(),
            Some("system=s.hr&status=overdue&page=2")
        );
        assert_eq!(
            local_query("status=a%23b%2F%2Fevil&page=", &keys).as_deref(),
            Some("status=a%23b%2F%2Fevil&page=")
        );
        assert_eq!(local_query("", &keys).as_deref(), Some(""));
        for evil in [
            "next=https://evil.example",
            "system=org&//evil.example",
            "#x",
            "system=org#frag",
        ] {
            assert_eq!(local_query(evil, &keys), None, "{evil:?}");
        }
    }
}
