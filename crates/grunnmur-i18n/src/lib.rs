//! Every string a user reads comes from `locales/<lang>/*.ftl` (Fluent), one file per part of
//! the product. Bokmål is the default; nynorsk and English are the other two languages. A key
//! missing in nynorsk or English falls back to bokmål, and a key missing in both shows the key.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nb,
    /// Norsk nynorsk.
    Nn,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nb" | "no" | "nb-NO" | "nb_NO" => Some(Lang::Nb),
            "nn" | "nn-NO" | "nn_NO" => Some(Lang::Nn),
            "en" | "en-GB" | "en-US" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Every language, in the order the language switch offers them.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];
}

pub struct Translations {
    nb: FluentBundle<FluentResource>,
    nn: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

/// Each part's file in bokmål, nynorsk and English: (part, nb, nn, en).
const FILES: &[(&str, &str, &str, &str)] = &[
    (
        "core",
        include_str!("../locales/nb/core.ftl"),
        include_str!("../locales/nn/core.ftl"),
        include_str!("../locales/en/core.ftl"),
    ),
    (
        "ui",
        include_str!("../locales/nb/ui.ftl"),
        include_str!("../locales/nn/ui.ftl"),
        include_str!("../locales/en/ui.ftl"),
    ),
    (
        "risk",
        include_str!("../locales/nb/risk.ftl"),
        include_str!("../locales/nn/risk.ftl"),
        include_str!("../locales/en/risk.ftl"),
    ),
    (
        "account",
        include_str!("../locales/nb/account.ftl"),
        include_str!("../locales/nn/account.ftl"),
        include_str!("../locales/en/account.ftl"),
    ),
    (
        "credentials",
        include_str!("../locales/nb/credentials.ftl"),
        include_str!("../locales/nn/credentials.ftl"),
        include_str!("../locales/en/credentials.ftl"),
    ),
    (
        "find",
        include_str!("../locales/nb/find.ftl"),
        include_str!("../locales/nn/find.ftl"),
        include_str!("../locales/en/find.ftl"),
    ),
    (
        "evidence",
        include_str!("../locales/nb/evidence.ftl"),
        include_str!("../locales/nn/evidence.ftl"),
        include_str!("../locales/en/evidence.ftl"),
    ),
    (
        "attest",
        include_str!("../locales/nb/attest.ftl"),
        include_str!("../locales/nn/attest.ftl"),
        include_str!("../locales/en/attest.ftl"),
    ),
    (
        "recur",
        include_str!("../locales/nb/recur.ftl"),
        include_str!("../locales/nn/recur.ftl"),
        include_str!("../locales/en/recur.ftl"),
    ),
    (
        "drafts",
        include_str!("../locales/nb/drafts.ftl"),
        include_str!("../locales/nn/drafts.ftl"),
        include_str!("../locales/en/drafts.ftl"),
    ),
];

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("valid language id");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Plain text output (terminals, files): no bidi isolation marks around arguments.
    b.set_use_isolating(false);
    for (_, nb, nn, en) in FILES {
        let src = match lang {
            Lang::Nb => nb,
            Lang::Nn => nn,
            Lang::En => en,
        };
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
        nn: bundle(Lang::Nn),
        en: bundle(Lang::En),
    })
}

impl Translations {
    /// The message `key` in `lang` with named arguments.
    pub fn t(&self, lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        for b in [self.bundle(lang), &self.nb] {
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
        self.bundle(lang).has_message(key)
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::Nb => &self.nb,
            Lang::Nn => &self.nn,
            Lang::En => &self.en,
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

    /// Each message's key and the variables (`$name`) it uses, in file order. A message runs
    /// from its `key =` line to the next line that does not start with a space.
    fn messages(src: &str) -> Vec<(String, std::collections::BTreeSet<String>)> {
        let mut out: Vec<(String, std::collections::BTreeSet<String>)> = Vec::new();
        let mut open = false;
        for l in src.lines() {
            if l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && l.contains(" =") {
                let key = l.split(" =").next().unwrap().trim().to_string();
                out.push((key, Default::default()));
                open = true;
            } else if !l.starts_with(' ') {
                open = false;
                continue;
            }
            if open && let Some((_, vars)) = out.last_mut() {
                for part in l.split('$').skip(1) {
                    let name: String = (part.chars())
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    if !name.is_empty() {
                        vars.insert(name);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn files_parse_without_errors() {
        for (part, nb, nn, en) in FILES {
            for (lang, src) in [("nb", nb), ("nn", nn), ("en", en)] {
                if let Err((_, errors)) = FluentResource::try_new(src.to_string()) {
                    panic!("{lang}/{part}.ftl: {errors:?}");
                }
            }
        }
    }

    /// The three translation sets stay complete: every key in bokmål is in nynorsk and
    /// English and the other way round, each with the same variables, and no key twice.
    #[test]
    fn all_languages_have_the_same_keys_and_variables_once() {
        let mut all = Vec::new();
        for (part, nb, nn, en) in FILES {
            let nb = messages(nb);
            for (lang, other) in [("nn", messages(nn)), ("en", messages(en))] {
                let keys = |m: &[(String, _)]| m.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
                let (nb_keys, other_keys) = (keys(&nb), keys(&other));
                let missing: Vec<_> = nb_keys.iter().filter(|k| !other_keys.contains(k)).collect();
                assert!(
                    missing.is_empty(),
                    "missing in {lang}/{part}.ftl: {missing:?}"
                );
                let extra: Vec<_> = other_keys.iter().filter(|k| !nb_keys.contains(k)).collect();
                assert!(
                    extra.is_empty(),
                    "in {lang}/{part}.ftl but not in nb: {extra:?}"
                );
                for (key, vars) in &nb {
                    let theirs = other.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                    assert_eq!(
                        Some(vars),
                        theirs,
                        "variables of {key} in {lang}/{part}.ftl"
                    );
                }
                let mut sorted = other_keys.clone();
                sorted.sort();
                sorted.dedup();
                assert_eq!(
                    sorted.len(),
                    other_keys.len(),
                    "a key twice in {lang}/{part}.ftl"
                );
            }
            all.extend(nb.into_iter().map(|(k, _)| k));
        }
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len(), "a key is defined twice");
    }

    #[test]
    fn nynorsk_is_its_own_and_falls_back_to_bokmaal() {
        assert_eq!(Lang::parse("nn"), Some(Lang::Nn));
        assert_eq!(Lang::parse("nn-NO"), Some(Lang::Nn));
        assert_eq!(Lang::parse("nn_NO"), Some(Lang::Nn));
        assert_eq!(Lang::Nn.code(), "nn");
        let nn = t(
            Lang::Nn,
            "problem-missing-justification",
            &[("what", "due")],
        );
        assert_eq!(nn, "due: grunngiving manglar");
        assert_eq!(
            t(Lang::Nn, "api-forbidden", &[]),
            "Du har ikkje tilgang til dette."
        );
        let one = t(Lang::Nn, "ui-measures-count", &[("n", "1")]);
        let many = t(Lang::Nn, "ui-measures-count", &[("n", "2")]);
        assert!(one.starts_with("1 påkravd tiltak"), "{one}");
        assert!(many.starts_with("2 påkravde tiltak"), "{many}");
        // A key only in bokmål (none today: the completeness test sees to it) shows bokmål;
        // the fallback order is nynorsk, then bokmål, then the key.
        assert_eq!(t(Lang::Nn, "no-such-key", &[]), "no-such-key");
        assert!(translations().has(Lang::Nn, "ui-lang-nn"));
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
