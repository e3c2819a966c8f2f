//! The documents imports name: found through the loader (directly or through a back-matter
//! resource), read once, and resolved first when they are profiles themselves.

use super::Resolver;
use crate::error::OscalError;
use crate::model::*;
use std::sync::Arc;

/// An imported document: a JSON catalog's text (read lazily per import), or a catalog that
/// was parsed or resolved from a profile.
#[derive(Clone)]
pub(super) enum Src {
    Text(Arc<String>),
    Catalog(Arc<Catalog>),
}

impl Resolver<'_> {
    /// The key of the document an import names: directly, or through a back-matter resource.
    pub(super) fn source_key(
        &self,
        profile: &Profile,
        key: &str,
        index: usize,
        href: &str,
    ) -> Result<String, OscalError> {
        let Some(uuid) = href.strip_prefix('#') else {
            return self.loader.resolve(key, href);
        };
        let resource = profile
            .back_matter
            .as_ref()
            .and_then(|b| b.resources.iter().find(|r| r.uuid == uuid))
            .ok_or_else(|| OscalError::MissingResource {
                href: key.into(),
                index,
                uuid: uuid.into(),
            })?;
        let media = |l: &&RLink, m: &str| l.media_type.as_deref().is_some_and(|t| t.contains(m));
        let link = resource
            .rlinks
            .iter()
            .find(|l| media(l, "json"))
            .or_else(|| resource.rlinks.iter().find(|l| media(l, "yaml")))
            .or_else(|| {
                resource
                    .rlinks
                    .iter()
                    .find(|l| l.href.ends_with(".json") || l.href.ends_with(".yaml"))
            })
            .or_else(|| resource.rlinks.first())
            .ok_or_else(|| OscalError::ResourceWithoutLink {
                href: key.into(),
                index,
                uuid: uuid.into(),
            })?;
        self.loader.resolve(key, &link.href)
    }

    /// The document at `source`: a JSON catalog's text, or a catalog (parsed, or resolved
    /// when the document is a profile).
    pub(super) fn source_at(&mut self, source: &str) -> Result<Src, OscalError> {
        if let Some(pos) = self.stack.iter().position(|s| s == source) {
            let mut chain: Vec<&str> = self.stack[pos..].iter().map(String::as_str).collect();
            chain.push(source);
            return Err(OscalError::CircularImport {
                href: self.stack.last().cloned().unwrap_or_default(),
                chain: chain.join(" → "),
            });
        }
        if let Some(c) = self.cache.get(source) {
            return Ok(c.clone());
        }
        let text = self.loader.read(source)?;
        let src = if looks_like_json_catalog(&text) {
            Src::Text(Arc::new(text))
        } else {
            let catalog = match crate::load::parse_document(source, &text)? {
                Document::Catalog(c) => c,
                Document::Profile(p) => {
                    self.stack.push(source.to_string());
                    let c = self.profile(&p, source);
                    self.stack.pop();
                    c?
                }
                d => {
                    return Err(OscalError::WrongModel {
                        href: source.into(),
                        expected: "catalog or profile".into(),
                        found: d.kind().into(),
                    });
                }
            };
            Src::Catalog(Arc::new(catalog))
        };
        self.cache.insert(source.to_string(), src.clone());
        Ok(src)
    }
}

/// Whether the text is a JSON document whose model is a catalog (judged by its first key
/// after an optional `$schema`); the lazy reader takes those.
fn looks_like_json_catalog(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('{') {
        return false;
    }
    let find = |key: &str| {
        let pat = format!("\"{key}\"");
        t.match_indices(&pat)
            .find(|(n, _)| t[n + pat.len()..].trim_start().starts_with(':'))
            .map(|(n, _)| n)
    };
    match (find("catalog"), find("profile")) {
        (Some(c), Some(p)) => c < p,
        (Some(_), None) => true,
        _ => false,
    }
}
