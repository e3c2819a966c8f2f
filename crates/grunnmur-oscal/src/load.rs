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

/// Reads documents from the filesystem, but only inside the folders it was given: the folder
/// of the document the user named and any folder allowed explicitly (`--allow-path`). An
/// href that leads elsewhere — an absolute path, `file:///etc/passwd`, a `..` out of the
/// folder, a symbolic link out of it — is refused before anything is read.
/// [`crate::resolve_confined`] uses it and reports what does not parse without the file's
/// content.
#[derive(Clone, Debug)]
pub struct ConfinedLoader {
    roots: Vec<PathBuf>,
}

impl ConfinedLoader {
    /// For resolving `start` (the key of the named document): its folder, and `allow`.
    pub fn new(start: &str, allow: &[PathBuf]) -> ConfinedLoader {
        let own = Path::new(start).parent().map(Path::to_path_buf);
        let roots = own
            .into_iter()
            .chain(allow.iter().cloned())
            .map(|p| std::fs::canonicalize(&p).unwrap_or(p))
            .collect();
        ConfinedLoader { roots }
    }

    fn inside(&self, path: &Path) -> bool {
        self.roots.iter().any(|r| path.starts_with(r))
    }
}

impl Loader for ConfinedLoader {
    fn resolve(&self, base: &str, href: &str) -> Result<String, OscalError> {
        let key = FsLoader.resolve(base, href)?;
        let joined = PathBuf::from(join_href(
            base,
            href.strip_prefix("file://").unwrap_or(href),
        ));
        // Where the href points as written, and where it leads after symbolic links: both
        // inside, or it is not followed (and nothing says whether the file exists).
        if !joined.is_absolute() || !self.inside(&joined) || !self.inside(Path::new(&key)) {
            return Err(OscalError::Outside {
                href: href.to_string(),
            });
        }
        Ok(key)
    }

    fn read(&self, key: &str) -> Result<String, OscalError> {
        FsLoader.read(key)
    }
}

/// The error without quoted parts of its detail: what the parsers quote is the document's own
/// text (`invalid type: string "root:x:0:0…"`).
pub fn without_content(e: OscalError) -> OscalError {
    match e {
        OscalError::Syntax { href, line, detail } => OscalError::Syntax {
            href,
            line,
            detail: unquoted(&detail),
        },
        OscalError::Invalid { href, path, detail } => OscalError::Invalid {
            href,
            path,
            detail: unquoted(&detail),
        },
        e => e,
    }
}

fn unquoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut open: Option<char> = None;
    for c in s.chars() {
        match open {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                open = None;
            }
            Some(_) => {}
            None if c == '"' || c == '`' => {
                out.push(c);
                open = Some(c);
            }
            None => out.push(c),
        }
    }
    if open.is_some() {
        out.push('…');
    }
    out
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

    /// A catalog whose controls nest `n` deep, as JSON.
    fn nested_catalog(n: usize) -> String {
        let mut c = String::from(r#"{"id": "c-0", "title": "t"}"#);
        for k in 1..n {
            c = format!(r#"{{"id": "c-{k}", "title": "t", "controls": [{c}]}}"#);
        }
        format!(
            r#"{{"catalog": {{"uuid": "u", "metadata": {{"title": "t", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"}}, "controls": [{c}]}}}}"#
        )
    }

    /// On the stack of the server's worker threads.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn deep_documents_are_refused_cleanly_and_the_deepest_allowed_resolves() {
        // JSON: serde_json stops at 128 levels, two a control level.
        let e = on_small_stack(|| parse_document("c.json", &nested_catalog(5000)).unwrap_err());
        assert!(matches!(e, OscalError::Syntax { .. }), "{e}");
        assert!(e.to_string().contains("recursion limit"), "{e}");
        // The deepest JSON the parser takes, through parsing and resolution (lazy and not).
        let ok = on_small_stack(|| {
            let text = nested_catalog(62);
            let Document::Catalog(c) = parse_document("c.json", &text).unwrap() else {
                panic!("a catalog")
            };
            let profile = r#"{"profile": {"uuid": "u", "metadata": {"title": "p", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"},
                "imports": [{"href": "c.json", "include-all": {}}]}}"#;
            let loader = MemLoader::new()
                .with("c.json", text)
                .with("p.json", profile);
            let r = crate::resolve_key(&loader, "p.json", &Default::default()).unwrap();
            (c.control_ids().len(), r.catalog.control_ids().len())
        });
        assert_eq!(ok, (62, 62));
        // YAML: the reader's own limit.
        let deep = format!("catalog:\n  controls:\n    {}x\n", "- ".repeat(3000));
        let e = on_small_stack(move || parse_document("c.yaml", &deep).unwrap_err());
        assert!(matches!(e, OscalError::Syntax { line: 3, .. }), "{e}");
    }

    #[test]
    fn without_content_drops_what_the_parsers_quote() {
        let e = parse_document("x.yaml", "root:x:0:0:root:/root:/bin/bash\n").unwrap_err();
        let e = without_content(e).to_string();
        assert!(!e.contains("root:"), "{e}");
        assert_eq!(
            unquoted(r#"invalid type: string "root:x", expected `a`"#),
            r#"invalid type: string "…", expected `…`"#
        );
        assert_eq!(unquoted(r#"open "quote"#), r#"open "…"#);
    }

    #[test]
    fn rejects_unknown_model_and_empty() {
        assert!(parse_document("x.json", "{}").is_err());
        assert!(parse_document("x.json", r#"{"component-definition": {}}"#).is_err());
        assert!(parse_document("x.json", "").is_err());
    }
}
