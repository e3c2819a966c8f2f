//! Every string a user reads comes from `locales/<lang>/*.ftl` (Fluent), one file per part of
//! the product. Bokmål is the default; a key missing in English falls back to bokmål, and a key
//! missing in both shows the key.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nb,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nb" | "no" | "nb-NO" | "nb_NO" => Some(Lang::Nb),
            "en" | "en-GB" | "en-US" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }
}

pub struct Translations {
    nb: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// Each part's file in bokmål and English: (part, nb, en).
const FILES: &[(&str, &str, &str)] = &[
    (
        "core",
        include_str!("../locales/nb/core.ftl"),
        include_str!("../locales/en/core.ftl"),
    ),
    (
        "ui",
        include_str!("../locales/nb/ui.ftl"),
        include_str!("../locales/en/ui.ftl"),
    ),
    (
        "risk",
        include_str!("../locales/nb/risk.ftl"),
        include_str!("../locales/en/risk.ftl"),
    ),
    (
        "account",
        include_str!("../locales/nb/account.ftl"),
        include_str!("../locales/en/account.ftl"),
    ),
    (
        "credentials",
        include_str!("../locales/nb/credentials.ftl"),
        include_str!("../locales/en/credentials.ftl"),
    ),
    (
        "find",
        include_str!("../locales/nb/find.ftl"),
        include_str!("../locales/en/find.ftl"),
    ),
    (
        "recur",
        include_str!("../locales/nb/recur.ftl"),
        include_str!("../locales/en/recur.ftl"),
    ),
];

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("valid language id");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Plain text output (terminals, files): no bidi isolation marks around arguments.
    b.set_use_isolating(false);
    for (_, nb, en) in FILES {
        let src = if lang == Lang::En { en } else { nb };
        let res = FluentResource::try_new(src.to_string()).unwrap_or_else(|(res, _)| res);
        // Duplicate keys keep the first; the tests below make sure there are none.
        let _ = b.add_resource(res);
    }
    b
}

/// The translations, parsed once.
pub fn translations() -> &'static Translations {
    static T: OnceLock<Translations> = OnceLock::new();
    T.get_or_init(|| Translations {
        nb: bundle(Lang::Nb),
        en: bundle(Lang::En),
    })
}

impl Translations {
    /// The message `key` in `lang` with named arguments.
    pub fn t(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let first = match lang {
            Lang::Nb => &self.nb,
            Lang::En => &self.en,
        };
        for b in [first, &self.nb] {
            if let Some(msg) = b.get_message(key)
                && let Some(pattern) = msg.value()
            {
                let mut fa = FluentArgs::new();
                for (k, v) in args {
                    fa.set(*k, arg_value(v));
                }
                let mut errors = Vec::new();
                return b
                    .format_pattern(pattern, Some(&fa), &mut errors)
                    .into_owned();
            }
        }
        key.to_string()
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        match lang {
            Lang::Nb => self.nb.has_message(key),
            Lang::En => self.en.has_message(key),
        }
    }
}

/// An argument as Fluent sees it: a whole number written the plain way (`0`, `17`, `-3`; no
/// leading zero, at most 15 digits, so it prints back unchanged) is a number, so plural
/// selectors (`{ $n -> [one] … *[other] … }`) pick the right form; anything else is text.
fn arg_value(v: &str) -> FluentValue<'_> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let plain = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && v != "-0";
    match v.parse::<i64>() {
        Ok(n) if plain => FluentValue::from(n),
        _ => FluentValue::from(v),
    }
}

/// Shorthand for `translations().t(..)`.
pub fn t(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    translations().t(lang, key, args)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(src: &str) -> Vec<String> {
        src.lines()
            .filter(|l| {
                l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && l.contains(" =")
            })
            .map(|l| l.split(" =").next().unwrap().trim().to_string())
            .collect()
    }

    #[test]
    fn files_parse_without_errors() {
        for (part, nb, en) in FILES {
            for (lang, src) in [("nb", nb), ("en", en)] {
                if let Err((_, errors)) = FluentResource::try_new(src.to_string()) {
                    panic!("{lang}/{part}.ftl: {errors:?}");
                }
            }
        }
    }

    #[test]
    fn both_languages_have_the_same_keys_once() {
        let mut all = Vec::new();
        for (part, nb, en) in FILES {
            let (nb, en) = (keys(nb), keys(en));
            let missing: Vec<_> = nb.iter().filter(|k| !en.contains(k)).collect();
            assert!(missing.is_empty(), "missing in en/{part}.ftl: {missing:?}");
            let extra: Vec<_> = en.iter().filter(|k| !nb.contains(k)).collect();
            assert!(extra.is_empty(), "missing in nb/{part}.ftl: {extra:?}");
            all.extend(nb);
        }
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len(), "a key is defined twice");
    }

    #[test]
    fn formats_arguments_and_falls_back() {
        let s = t(Lang::Nb, "problem-invalid-orgnr", &[("value", "123")]);
        assert!(
            s.contains("123") && s.contains("organisasjonsnummer"),
            "{s}"
        );
        let s = t(Lang::En, "problem-invalid-orgnr", &[("value", "123")]);
        assert!(s.contains("organisation number"), "{s}");
        assert_eq!(t(Lang::En, "no-such-key", &[]), "no-such-key");
    }

    #[test]
    fn whole_numbers_pick_plural_forms_and_print_unchanged() {
        let one = t(Lang::Nb, "ui-measures-count", &[("n", "1")]);
        let many = t(Lang::Nb, "ui-measures-count", &[("n", "2")]);
        assert!(one.starts_with("1 påkrevd tiltak passer"), "{one}");
        assert!(many.starts_with("2 påkrevde tiltak passer"), "{many}");
        let one = t(Lang::En, "ui-measures-count", &[("n", "1")]);
        let many = t(Lang::En, "ui-measures-count", &[("n", "0")]);
        assert!(one.starts_with("1 required measure matches"), "{one}");
        assert!(many.starts_with("0 required measures match"), "{many}");
        // Ids and versions that look like numbers stay text, printed as given.
        for v in ["007", "1.10", "974760673", "-0", "12345678901234567"] {
            let s = t(Lang::Nb, "problem-invalid-orgnr", &[("value", v)]);
            assert!(s.contains(v), "{v}: {s}");
        }
    }
}
