//! Reading OSCAL documents (JSON or YAML) from text, and the loader that resolution asks for
//! the documents a profile imports. Resolution itself never touches the filesystem: the
//! filesystem loader lives here, at the edge, and tests use the in-memory one.

use crate::error::OscalError;
use crate::model::{Document, DocumentFile};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Parses an OSCAL document from JSON or YAML text. `href` names it in errors.
pub fn parse_document(href: &str, text: &str) -> Result<Document, OscalError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let file: DocumentFile = if trimmed.starts_with('{') {
        // Tracking the path of every field costs a fifth of the parse of a large catalog; it
        // is only needed to say where a broken document is broken, so a second pass finds it.
        if let Ok(f) = serde_json::from_str(trimmed) {
            return found_model(href, f);
        }
        let mut de = serde_json::Deserializer::from_str(trimmed);
        match serde_path_to_error::deserialize(&mut de) {
            Ok(f) => f,
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                if inner.is_syntax() || inner.is_eof() {
                    return Err(OscalError::Syntax {
                        href: href.to_string(),
                        line: inner.line() as u32,
                        detail: inner.to_string(),
                    });
                }
                return Err(OscalError::Invalid {
                    href: href.to_string(),
                    path,
                    detail: strip_position(&inner.to_string()),
                });
            }
        }
    } else {
        let node = grunnmur_catalog::yaml::parse(text).map_err(|e| OscalError::Syntax {
            href: href.to_string(),
            line: e.line,
            detail: e.message,
        })?;
        let value = node.to_json();
        serde_path_to_error::deserialize(value).map_err(|e| OscalError::Invalid {
            href: href.to_string(),
            path: e.path().to_string(),
            detail: e.into_inner().to_string(),
        })?
    };
    found_model(href, file)
}

/// The one model a document holds.
fn found_model(href: &str, file: DocumentFile) -> Result<Document, OscalError> {
    let mut found = Vec::new();
    if let Some(c) = file.catalog {
        found.push(Document::Catalog(c));
    }
    if let Some(p) = file.profile {
        found.push(Document::Profile(p));
    }
    if let Some(s) = file.system_security_plan {
        found.push(Document::SystemSecurityPlan(s));
    }
    match found.len() {
        1 => Ok(found.pop().unwrap_or_else(|| unreachable!())),
        0 => Err(OscalError::Invalid {
            href: href.to_string(),
            path: ".".into(),
            detail: "no OSCAL model (catalog, profile or system-security-plan)".into(),
        }),
        _ => Err(OscalError::Invalid {
            href: href.to_string(),
            path: ".".into(),
            detail: "more than one OSCAL model in one document".into(),
        }),
    }
}

fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(n) => s[..n].to_string(),
        None => s.to_string(),
    }
}

/// Where imported documents come from. `resolve` turns an href found in the document `base`
/// into a key that names the document uniquely (used to detect circular imports);
/// `load` reads the document with that key.
pub trait Loader {
    fn resolve(&self, base: &str, href: &str) -> Result<String, OscalError>;
    /// The text of the document with this key.
    fn read(&self, key: &str) -> Result<String, OscalError>;
    /// The document with this key, parsed.
    fn load(&self, key: &str) -> Result<Document, OscalError> {
        parse_document(key, &self.read(key)?)
    }
}

/// Joins a relative href to the key of the document it appears in, the way a URI reference is
/// resolved against its base: `a/b/p.json` + `../c.json` → `a/c.json`.
pub fn join_href(base: &str, href: &str) -> String {
    if href.contains("://") || href.starts_with('/') {
        return href.to_string();
    }
    let href = href.strip_prefix("file:").unwrap_or(href);
    let dir = match base.rfind('/') {
        Some(n) => &base[..n],
        None => "",
    };
    let mut parts: Vec<&str> = if dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    let absolute = base.starts_with('/');
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != ".." && !p.is_empty()) {
                    parts.pop();
                } else if !absolute {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if absolute && !joined.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Documents held in memory, keyed by name; relative hrefs are joined as paths.
#[derive(Clone, Debug, Default)]
pub struct MemLoader {
    pub docs: HashMap<String, String>,
}

impl MemLoader {
    pub fn new() -> MemLoader {
        MemLoader::default()
    }

    pub fn with(mut self, key: &str, text: impl Into<String>) -> MemLoader {
        self.docs.insert(key.to_string(), text.into());
        self
    }
}

impl Loader for MemLoader {
    fn resolve(&self, base: &str, href: &str) -> Result<String, OscalError> {
        Ok(join_href(base, href))
    }

    fn read(&self, key: &str) -> Result<String, OscalError> {
        self.docs
            .get(key)
            .cloned()
            .ok_or_else(|| OscalError::Unreachable {
                href: key.to_string(),
                detail: "no such document".into(),
            })
    }
}

/// Reads documents from the filesystem. Only relative and `file:` hrefs are followed; a remote
/// URL is reported as unreachable (no network access during resolution).
#[derive(Clone, Debug, Default)]
pub struct FsLoader;

impl Loader for FsLoader {
    fn resolve(&self, base: &str, href: &str) -> Result<String, OscalError> {
        if href.contains("://") && !href.starts_with("file://") {
            return Err(OscalError::Unreachable {
                href: href.to_string(),
                detail: "remote documents are not fetched; download it and use a relative href"
                    .into(),
            });
        }
        let href = href.strip_prefix("file://").unwrap_or(href);
        let joined = PathBuf::from(join_href(base, href));
        Ok(std::fs::canonicalize(&joined)
            .unwrap_or(joined)
            .display()
            .to_string())
    }

    fn read(&self, key: &str) -> Result<String, OscalError> {
        std::fs::read_to_string(Path::new(key)).map_err(|e| OscalError::Unreachable {
            href: key.to_string(),
            detail: e.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_relative_hrefs() {
        assert_eq!(join_href("a/b/p.json", "../c.json"), "a/c.json");
        assert_eq!(join_href("a/b/p.json", "./c.json"), "a/b/c.json");
        assert_eq!(join_href("p.json", "c.json"), "c.json");
        assert_eq!(join_href("/x/y/p.json", "../../c.json"), "/c.json");
        assert_eq!(join_href("p.json", "../c.json"), "../c.json");
        assert_eq!(join_href("a/p.json", "/abs/c.json"), "/abs/c.json");
    }

    #[test]
    fn reports_json_path_of_bad_field() {
        let text =
            r#"{"catalog": {"uuid": "u", "metadata": {}, "controls": [{"id": 5, "title": "t"}]}}"#;
        let err = parse_document("c.json", text).unwrap_err();
        match err {
            OscalError::Invalid { path, .. } => assert_eq!(path, "catalog.controls[0].id"),
            e => panic!("unexpected {e:?}"),
        }
    }

    #[test]
    fn reports_syntax_line() {
        let err = parse_document("c.json", "{\n\"catalog\": [\n").unwrap_err();
        assert!(matches!(err, OscalError::Syntax { line: 3, .. }), "{err:?}");
    }

    #[test]
    fn reads_yaml() {
        let text = "profile:\n  uuid: u\n  metadata: {title: t}\n  imports:\n    - href: c.json\n      include-all: {}\n";
        let doc = parse_document("p.yaml", text).unwrap();
        match doc {
            Document::Profile(p) => {
                assert_eq!(p.imports[0].href, "c.json");
                assert!(p.imports[0].include_all.is_some());
            }
            d => panic!("unexpected {}", d.kind()),
        }
    }

    #[test]
    fn rejects_unknown_model_and_empty() {
        assert!(parse_document("x.json", "{}").is_err());
        assert!(parse_document("x.json", r#"{"component-definition": {}}"#).is_err());
        assert!(parse_document("x.json", "").is_err());
    }
}
