//! Search within a body (`/b/{orgnr}/search?q=`): its systems, tasks (adopted and own),
//! information types (the catalog's and its own), measures (those required and the rest of its
//! catalog release), the suppliers' services published, and risk assessments with their risks,
//! by name and by id, in bokmål and English whatever the page's language, without regard to
//! case (`Ø` finds `ø`). Hits are grouped by kind, names first with the id beside them, each a
//! link to its page; at most [`SHOWN`] per kind, the rest counted. Only the body's own data, its
//! catalog release and the published declarations are searched: the body is opened like every
//! body page (a non-member gets 404).

use super::*;
use crate::page::*;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use grunnmur_core::limits::MAX_NAME;
use grunnmur_core::workspace::InfoRef;
use grunnmur_web::AppState;
use grunnmur_web::risk_api;
use serde::Deserialize;

/// Hits shown per kind.
pub const SHOWN: usize = 20;

#[derive(Deserialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

pub struct Hit {
    pub name: String,
    /// ` lang="…"` for `name` where it is a catalog name not in the page's language.
    pub name_lang: &'static str,
    pub id: String,
    pub note: String,
    pub href: String,
}

pub struct Group {
    /// The heading's id.
    pub key: &'static str,
    pub title: String,
    pub hits: Vec<Hit>,
    /// Hits not shown.
    pub more: usize,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    p: Page,
    q: String,
    groups: Vec<Group>,
    total: usize,
    error: Option<String>,
}

/// What a query matches: any of the texts, case and language aside.
pub struct Needle(String);

impl Needle {
    pub fn new(q: &str) -> Needle {
        Needle(q.trim().to_lowercase())
    }

    pub fn finds<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        texts
            .into_iter()
            .any(|x| x.to_lowercase().contains(&self.0))
    }
}

/// A catalog text in both languages.
fn both(x: &grunnmur_core::catalog::Text) -> [&str; 2] {
    [x.nb.as_str(), x.en.as_deref().unwrap_or("")]
}

/// Collects a kind's hits, keeping the first [`SHOWN`].
struct Collect {
    key: &'static str,
    hits: Vec<Hit>,
    found: usize,
}

impl Collect {
    fn new(key: &'static str) -> Collect {
        Collect {
            key,
            hits: Vec::new(),
            found: 0,
        }
    }

    fn push(&mut self, hit: impl FnOnce() -> Hit) {
        self.found += 1;
        if self.hits.len() < SHOWN {
            self.hits.push(hit());
        }
    }

    fn group(self, lang: Lang) -> Group {
        Group {
            key: self.key,
            title: t(lang, &format!("search-kind-{}", self.key), &[]),
            more: self.found - self.hits.len(),
            hits: self.hits,
        }
    }
}

pub async fn show(
    State(s): State<AppState>,
    BodyPage { v, b, orgnr, .. }: BodyPage<Reader>,
    Query(query): Query<SearchQuery>,
) -> Result<Response, PageError> {
    let lang = v.lang;
    let p = v.body_page(&b, "search-title", "search");
    let chars = query.q.chars().count();
    if chars > MAX_NAME {
        let error = t(
            lang,
            "search-too-long",
            &[
                ("max", &MAX_NAME.to_string()),
                ("chars", &chars.to_string()),
            ],
        );
        let q = query.q.chars().take(MAX_NAME).collect();
        return html_invalid(SearchPage {
            p,
            q,
            groups: Vec::new(),
            total: 0,
            error: Some(error),
        });
    }
    let needle = Needle::new(&query.q);
    let groups = if needle.0.is_empty() {
        Vec::new()
    } else {
        search(&s, &b, &orgnr, lang, &needle).await?
    };
    html(SearchPage {
        p,
        q: query.q.trim().to_string(),
        total: groups.iter().map(|g| g.hits.len() + g.more).sum(),
        groups: groups.into_iter().filter(|g| !g.hits.is_empty()).collect(),
        error: None,
    })
}

async fn search(
    s: &AppState,
    b: &BodyView,
    orgnr: &str,
    lang: Lang,
    n: &Needle,
) -> Result<Vec<Group>, PageError> {
    let code = lang.code();
    let d = &b.derived;
    let (cat, ws, a) = (&d.catalog.catalog, &d.ws, &d.assessment);
    let base = format!("/b/{orgnr}");
    let note = |key: &str| t(lang, key, &[]);

    let mut systems = Collect::new("systems");
    for x in &ws.systems {
        if n.finds([x.name.as_str(), x.id.as_str()]) {
            systems.push(|| Hit {
                name: x.name.clone(),
                name_lang: "",
                id: x.id.clone(),
                note: String::new(),
                href: format!("{base}/systems/{}", enc_path(&x.id)),
            });
        }
    }

    let mut tasks = Collect::new("tasks");
    for x in &ws.tasks {
        let names = match (x.catalog, &x.name) {
            (Some(c), _) => both(&cat.tasks[c as usize].name),
            (None, Some(name)) => both(name),
            (None, None) => ["", ""],
        };
        if n.finds(names.into_iter().chain([x.id.as_str()])) {
            tasks.push(|| Hit {
                name: task_name(cat, x, lang).to_string(),
                name_lang: task_shown(cat, x, lang).lang_attr(),
                id: x.id.clone(),
                note: note(if x.catalog.is_some() {
                    "search-note-catalog"
                } else {
                    "search-note-own"
                }),
                href: format!("{base}/adapt#task-{}", x.id),
            });
        }
    }

    // An information type's page is the adapt page at the first task that processes it; one
    // the body does not use is in the catalog.
    let used_in = |r: InfoRef| ws.tasks.iter().find(|t| t.info_types.contains(&r));
    let mut infos = Collect::new("info-types");
    for (i, x) in cat.info_types.iter().enumerate() {
        if n.finds(both(&x.name).into_iter().chain([x.id.as_str()])) {
            infos.push(|| {
                let (href, key) = match used_in(InfoRef::Catalog(i as u32)) {
                    Some(task) => (
                        format!("{base}/adapt#task-{}", task.id),
                        "search-note-catalog",
                    ),
                    None => (
                        format!("/catalog/info-types#info-{}", x.id),
                        "search-note-not-used",
                    ),
                };
                Hit {
                    name: x.name.get(code).to_string(),
                    name_lang: Shown::of(&x.name, lang).lang_attr(),
                    id: x.id.clone(),
                    note: note(key),
                    href,
                }
            });
        }
    }
    for (i, x) in ws.own_info_types.iter().enumerate() {
        if n.finds([x.name.as_str(), x.id.as_str()]) {
            infos.push(|| Hit {
                name: x.name.clone(),
                name_lang: "",
                id: x.id.clone(),
                note: note("search-note-own"),
                href: match used_in(InfoRef::Own(i as u32)) {
                    Some(task) => format!("{base}/adapt#task-{}", task.id),
                    None => format!("{base}/tasks"),
                },
            });
        }
    }

    // Measures: those required (the measure list of that measure) first, then the rest of the
    // catalog release.
    let mut places = vec![0usize; cat.measures.len()];
    for m in a
        .org_required
        .iter()
        .chain(a.systems.iter().flat_map(|r| r.required.iter()))
    {
        places[*m as usize] += 1;
    }
    let mut measures = Collect::new("measures");
    for required in [true, false] {
        for (m, x) in cat.measures.iter().enumerate() {
            if (places[m] > 0) != required
                || !n.finds(both(&x.name).into_iter().chain([x.id.as_str()]))
            {
                continue;
            }
            measures.push(|| Hit {
                name: x.name.get(code).to_string(),
                name_lang: Shown::of(&x.name, lang).lang_attr(),
                id: x.id.clone(),
                note: if required {
                    t(
                        lang,
                        "search-note-required",
                        &[("n", &places[m].to_string())],
                    )
                } else {
                    note("search-note-not-required")
                },
                href: if required {
                    format!("{base}/measures?measure={}", enc(&x.id))
                } else {
                    format!("/catalog/measures/{}", enc_path(&x.id))
                },
            });
        }
    }

    // Suppliers' services: every published one, by name, id or supplier.
    let mut services = Collect::new("services");
    for x in d.declarations.iter() {
        let head = &x.declaration;
        for sv in &x.services {
            let key = format!("{}/{}", head.id, sv.id);
            let texts = both(&sv.name).into_iter();
            if n.finds(texts.chain([key.as_str(), head.supplier.name.as_str()])) {
                services.push(|| Hit {
                    name: sv.name.get(code).to_string(),
                    name_lang: "",
                    id: key.clone(),
                    note: head.supplier.name.clone(),
                    href: format!("{base}/services#{}", super::services::anchor(&key)),
                });
            }
        }
    }

    // Risk assessments by title, number (`#3`) or object; their risks by title or id.
    let mut assessments = Collect::new("assessments");
    let mut risks = Collect::new("risks");
    for row in s.store.risk_assessments(orgnr).await? {
        let doc = risk_api::stored_doc(&row)?;
        let title = assessment_title(lang, &doc.title);
        let number = format!("#{}", row.id);
        let object = doc.frame.object.to_string();
        let object_name = object_label(cat, ws, orgnr, &object, lang).0.text;
        let href = format!("{base}/risk/{}", row.id);
        if n.finds([
            doc.title.as_str(),
            title.as_str(),
            number.as_str(),
            object_name.as_str(),
            object.as_str(),
        ]) {
            assessments.push(|| Hit {
                name: title.clone(),
                name_lang: "",
                id: number.clone(),
                note: object_name.clone(),
                href: href.clone(),
            });
        }
        for r in &doc.risks {
            if n.finds([r.title.as_str(), r.id.as_str()]) {
                risks.push(|| Hit {
                    name: r.title.clone(),
                    name_lang: "",
                    id: r.id.clone(),
                    note: t(
                        lang,
                        "search-note-assessment",
                        &[("title", &format!("{title} ({number})"))],
                    ),
                    href: format!("{href}#risk-{}", enc_path(&r.id)),
                });
            }
        }
    }

    Ok([
        systems,
        tasks,
        infos,
        measures,
        services,
        assessments,
        risks,
    ]
    .into_iter()
    .map(|c| c.group(lang))
    .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_shows_at_most_shown_hits_and_counts_the_rest() {
        let mut c = Collect::new("systems");
        for n in 0..SHOWN + 5 {
            c.push(|| Hit {
                name: format!("System {n}"),
                name_lang: "",
                id: format!("s.{n}"),
                note: String::new(),
                href: String::new(),
            });
        }
        let g = c.group(Lang::Nb);
        assert_eq!((g.hits.len(), g.more), (SHOWN, 5));
        assert_eq!(g.title, "Systemer");
        let more = t(Lang::En, "search-more", &[("n", "5")]);
        assert!(more.contains("5 more"), "{more}");
    }

    #[test]
    fn a_query_matches_any_text_whatever_the_case_norwegian_letters_too() {
        let n = Needle::new("  ØKONOMI ");
        assert!(n.finds(["Finance", "Økonomisystem"]));
        assert!(Needle::new("blåBÆR").finds(["Blåbærsystem"]));
        assert!(!n.finds(["Finance", "s.okonomi"]));
    }
}
