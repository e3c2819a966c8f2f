//! "What changes for us": what another catalog release would change for the body, in words and
//! names — the levels that move and the measures that come or go, for the body as a whole and
//! for each system (`grunnmur_web::release_api::impact_of`, `grunnmur_core::impact`).

use crate::page::Shown;
use crate::views::{dim_label, level_label};
use grunnmur_core::catalog::Catalog;
use grunnmur_core::impact::{Impact, ScopeImpact};
use grunnmur_core::level::{Dimension, Levels};
use grunnmur_i18n::{Lang, t};

pub struct MeasureShown {
    pub id: String,
    pub name: Shown,
}

pub struct ScopeView {
    /// The body as a whole, or a system's name.
    pub title: Shown,
    /// A system's id, as secondary text.
    pub id: Option<String>,
    /// One line per dimension whose level moves.
    pub levels: Vec<String>,
    pub added: Vec<MeasureShown>,
    pub removed: Vec<MeasureShown>,
}

pub struct ImpactView {
    /// Nothing changes for the body.
    pub none: bool,
    pub scopes: Vec<ScopeView>,
    /// "N other systems: no change", when there are such.
    pub unchanged: Option<String>,
}

fn named(lang: Lang, cat: &Catalog, ids: &[String]) -> Vec<MeasureShown> {
    (ids.iter())
        .map(|id| MeasureShown {
            id: id.clone(),
            name: match cat.measure(id) {
                Some(m) => Shown::of(&cat.measures[m as usize].name, lang),
                None => Shown::plain(id, lang),
            },
        })
        .collect()
}

fn level_lines(lang: Lang, before: Levels, after: Levels) -> Vec<String> {
    (Dimension::ALL.iter())
        .filter(|d| before[**d] != after[**d])
        .map(|d| {
            let args = [
                ("dim", dim_label(lang, *d)),
                ("from", level_label(lang, before[*d])),
                ("to", level_label(lang, after[*d])),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            t(lang, "ui-impact-level", &args)
        })
        .collect()
}

fn scope(
    lang: Lang,
    (before, after): (&Catalog, &Catalog),
    title: Shown,
    id: Option<String>,
    s: &ScopeImpact,
) -> ScopeView {
    ScopeView {
        title,
        id,
        levels: level_lines(lang, s.levels_before, s.levels_after),
        added: named(lang, after, &s.measures_added),
        removed: named(lang, before, &s.measures_removed),
    }
}

/// The impact in words: measures named from the release they are required in.
pub fn impact_view(lang: Lang, before: &Catalog, after: &Catalog, i: &Impact) -> ImpactView {
    let cats = (before, after);
    let mut scopes = Vec::new();
    if i.org.changes() {
        let title = Shown::plain(&t(lang, "ui-impact-org", &[]), lang);
        scopes.push(scope(lang, cats, title, None, &i.org));
    }
    for s in &i.systems {
        let title = Shown::plain(&s.name, lang);
        scopes.push(scope(lang, cats, title, Some(s.id.clone()), &s.scope));
    }
    let unchanged = (i.systems_unchanged > 0 && i.changes()).then(|| {
        let n = i.systems_unchanged.to_string();
        t(lang, "ui-impact-unchanged", &[("count", &n)])
    });
    ImpactView {
        none: !i.changes(),
        scopes,
        unchanged,
    }
}
