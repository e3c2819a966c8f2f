//! Catalog drafts: the next release edited entry by entry, while the YAML files stay the source
//! of truth that authors keep in git. A draft is its files; each change rewrites only the lines
//! of one entry (or of the header's version) and keeps every other byte of every file, so a
//! draft's files diff cleanly against the release they started from.
//!
//! Every edit is checked by reading the file back: the edited entry must read as given and the
//! rest of the file as before. An entry the YAML writer cannot express is written as one line
//! of JSON instead; a file laid out in a way the edit does not understand is left alone with
//! [`DraftError::Unwritable`].

use crate::check::Source;
use crate::yaml::{Node, NodeValue, parse};
use layout::{Lines, SectionAt};
use serde::{Deserialize, Serialize};
use serde_json::Value;

mod layout;
mod write;

pub use write::entry_yaml;

/// The sections of a catalog whose entries a draft edits one by one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Requirements,
    Activities,
    InfoTypes,
    Tasks,
    Measures,
    Profiles,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Requirements,
        Section::Activities,
        Section::InfoTypes,
        Section::Tasks,
        Section::Measures,
        Section::Profiles,
    ];

    /// The section's key in a catalog file.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Requirements => "requirements",
            Section::Activities => "activities",
            Section::InfoTypes => "info_types",
            Section::Tasks => "tasks",
            Section::Measures => "measures",
            Section::Profiles => "profiles",
        }
    }

    pub fn parse(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("there is no entry `{id}` in {section}")]
    NotFound { section: Section, id: String },
    #[error("the entry's id must be `{expected}`, but it {}", .found.as_ref().map_or("has none".to_string(), |f| format!("is {f}")))]
    IdMismatch {
        expected: String,
        found: Option<String>,
    },
    #[error("an entry must be a mapping of fields (`id: …`)")]
    NotAMapping,
    #[error("no file of the catalog has the `catalog:` header")]
    NoHeader,
    #[error("`{name}` cannot name a catalog file: give a relative path ending in .yaml or .yml")]
    BadFileName { name: String },
    #[error("the change cannot be written into {file}: {detail}")]
    Unwritable { file: String, detail: String },
}

/// An entry and the index of the file it is in.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryAt {
    pub file: usize,
    pub value: Value,
}

/// The first entry of `section` with this id, in file order.
pub fn find_entry(sources: &[Source], section: Section, id: &str) -> Option<EntryAt> {
    let at = locate(sources, section, id)?;
    let value = entry_node(&at.root, section, at.index)?.to_json();
    Some(EntryAt {
        file: at.file,
        value,
    })
}

/// Every entry with an id of the six sections: `(section, id, file, value)` in file order, and
/// within a file in the order written. Files that do not parse are left out (the checker
/// names them).
pub fn entries(sources: &[Source]) -> Vec<(Section, String, usize, Value)> {
    let mut out = Vec::new();
    for (file, src) in sources.iter().enumerate() {
        let Ok(root) = parse(&src.text) else { continue };
        let NodeValue::Map(keys) = &root.value else {
            continue;
        };
        for (key, node) in keys {
            let (Some(section), NodeValue::Seq(items)) = (Section::parse(key), &node.value) else {
                continue;
            };
            for item in items {
                if let Some(id) = item_id(item) {
                    out.push((section, id.to_string(), file, item.to_json()));
                }
            }
        }
    }
    out
}

/// The files with the entry `id` of `section` set to `value`: written over its lines where it
/// is, or else added at the end of the section in `file` (a source's name; a new file if no
/// source has it), else in the last file that has the section, else in a new file
/// `catalog/<section>.yaml`. `file` is not used for an entry that exists.
pub fn put_entry(
    sources: &[Source],
    section: Section,
    id: &str,
    value: &Value,
    file: Option<&str>,
) -> Result<Vec<Source>, DraftError> {
    check_value(value, id)?;
    let name = section.as_str();
    if let Some(at) = locate(sources, section, id) {
        let src = &sources[at.file];
        let lines = Lines::new(&src.text).map_err(|d| unwritable(src, d))?;
        let spans = match layout::section(&lines, &at.root, name) {
            Ok(SectionAt::Block(spans)) => spans,
            Ok(_) => return Err(unwritable(src, "the entry's lines were not found".into())),
            Err(detail) => return Err(unwritable(src, detail)),
        };
        let span = spans[at.index];
        let expected = edited(&at.root, name, |list| list[at.index] = value.clone());
        let text = write_checked(src, &expected, value, |yaml| {
            Ok(layout::replace(&lines, span, yaml))
        })?;
        return Ok(with_text(sources, at.file, text));
    }
    let target = match file {
        Some(f) => f.to_string(),
        None => last_holding(sources, name).map_or_else(
            || format!("catalog/{name}.yaml"),
            |n| sources[n].name.clone(),
        ),
    };
    let Some(n) = sources.iter().position(|s| s.name == target) else {
        if !valid_file_name(&target) {
            return Err(DraftError::BadFileName { name: target });
        }
        let src = Source {
            name: target,
            text: String::new(),
        };
        let mut expected = serde_json::Map::new();
        expected.insert(name.to_string(), Value::Array(vec![value.clone()]));
        let expected = Value::Object(expected);
        let text = write_checked(&src, &expected, value, |yaml| {
            Ok(layout::append_section(&Lines::new("")?, name, yaml))
        })?;
        let mut out = sources.to_vec();
        out.push(Source { text, ..src });
        return Ok(out);
    };
    let src = &sources[n];
    let root =
        parse(&src.text).map_err(|e| unwritable(src, format!("line {}: {}", e.line, e.message)))?;
    if !matches!(root.value, NodeValue::Map(_) | NodeValue::Null) {
        return Err(unwritable(
            src,
            "the file is not a mapping of sections".into(),
        ));
    }
    let lines = Lines::new(&src.text).map_err(|d| unwritable(src, d))?;
    let at = layout::section(&lines, &root, name).map_err(|d| unwritable(src, d))?;
    let expected = edited(&root, name, |list| list.push(value.clone()));
    let text = write_checked(src, &expected, value, |yaml| match &at {
        SectionAt::Missing => Ok(layout::append_section(&lines, name, yaml)),
        SectionAt::Empty(key) => layout::append_to_empty(&lines, *key, name, yaml),
        SectionAt::Block(spans) => match spans.last() {
            Some(last) => Ok(layout::append_after(&lines, *last, yaml)),
            None => Err("the section has no entries to follow".into()),
        },
    })?;
    Ok(with_text(sources, n, text))
}

/// The files without the entry `id` of `section`: its lines are deleted.
pub fn remove_entry(
    sources: &[Source],
    section: Section,
    id: &str,
) -> Result<Vec<Source>, DraftError> {
    let name = section.as_str();
    let at = locate(sources, section, id).ok_or_else(|| DraftError::NotFound {
        section,
        id: id.to_string(),
    })?;
    let src = &sources[at.file];
    let lines = Lines::new(&src.text).map_err(|d| unwritable(src, d))?;
    let span = match layout::section(&lines, &at.root, name) {
        Ok(SectionAt::Block(spans)) => spans[at.index],
        Ok(_) => return Err(unwritable(src, "the entry's lines were not found".into())),
        Err(detail) => return Err(unwritable(src, detail)),
    };
    let text = layout::remove(&lines, span);
    let expected = edited(&at.root, name, |list| {
        list.remove(at.index);
    });
    if !reads_as(&text, &expected) {
        let detail = "the file would not read back without just this entry".into();
        return Err(unwritable(src, detail));
    }
    Ok(with_text(sources, at.file, text))
}

/// The files with the catalog header's `version` set (in the file holding the header, block
/// or flow style alike).
pub fn set_version(sources: &[Source], version: &str) -> Result<Vec<Source>, DraftError> {
    let (n, root) = sources
        .iter()
        .enumerate()
        .find_map(|(n, s)| {
            let root = parse(&s.text).ok()?;
            root.get("catalog").is_some().then_some((n, root))
        })
        .ok_or(DraftError::NoHeader)?;
    let src = &sources[n];
    let line = root
        .get("catalog")
        .and_then(|h| h.get("version"))
        .ok_or_else(|| unwritable(src, "the header has no `version:`".into()))?
        .line;
    let lines = Lines::new(&src.text).map_err(|d| unwritable(src, d))?;
    let text = layout::replace_version(
        &lines,
        (line as usize).saturating_sub(1),
        &write::quote(version),
    )
    .ok_or_else(|| unwritable(src, "the version's value was not found on its line".into()))?;
    let mut expected = normal(root.to_json());
    expected["catalog"]["version"] = Value::String(version.to_string());
    if !reads_as(&text, &expected) {
        let detail = "the file would not read back with just the version changed".into();
        return Err(unwritable(src, detail));
    }
    Ok(with_text(sources, n, text))
}

/// An uploaded entry, written as YAML or JSON: one mapping (or a list of one mapping, as
/// copied from a file with its dash). The error names a line.
pub fn read_entry(text: &str) -> Result<Value, (u32, String)> {
    let root = parse(text).map_err(|e| (e.line, e.message))?;
    let node = match &root.value {
        NodeValue::Map(_) => &root,
        NodeValue::Seq(items)
            if items.len() == 1 && matches!(items[0].value, NodeValue::Map(_)) =>
        {
            &items[0]
        }
        _ => {
            let msg = "an entry must be one mapping of fields (`id: …`)".to_string();
            return Err((root.line, msg));
        }
    };
    Ok(node.to_json())
}

/// Where an entry is: its file, that file's tree, its index in the section's list.
struct Located {
    file: usize,
    root: Node,
    index: usize,
}

fn locate(sources: &[Source], section: Section, id: &str) -> Option<Located> {
    sources.iter().enumerate().find_map(|(file, src)| {
        if !may_hold(&src.text, id) {
            return None;
        }
        let root = parse(&src.text).ok()?;
        let NodeValue::Seq(items) = &root.get(section.as_str())?.value else {
            return None;
        };
        let index = items.iter().position(|i| item_id(i) == Some(id))?;
        Some(Located { file, root, index })
    })
}

/// Whether a file's text may hold this id, without parsing it: an id with no blank, quote or
/// control character reads from a scalar only if it is written as is, unless escapes are used.
fn may_hold(text: &str, id: &str) -> bool {
    text.contains(id)
        || text.contains('\\')
        || id
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\'' || c == '"')
}

fn entry_node(root: &Node, section: Section, index: usize) -> Option<&Node> {
    root.get(section.as_str())?.index(index)
}

fn item_id(item: &Node) -> Option<&str> {
    match &item.get("id")?.value {
        NodeValue::Str(s) => Some(s),
        _ => None,
    }
}

/// The index of the last file that has the section (a key, even empty).
fn last_holding(sources: &[Source], name: &str) -> Option<usize> {
    sources.iter().enumerate().rev().find_map(|(n, s)| {
        let root = parse(&s.text).ok()?;
        root.get(name).is_some().then_some(n)
    })
}

fn check_value(value: &Value, id: &str) -> Result<(), DraftError> {
    let Value::Object(m) = value else {
        return Err(DraftError::NotAMapping);
    };
    match m.get("id") {
        Some(Value::String(s)) if s == id => Ok(()),
        other => Err(DraftError::IdMismatch {
            expected: id.to_string(),
            found: other.map(|v| v.to_string()),
        }),
    }
}

/// A name a new file of a release may have: relative, without `.` or `..` parts.
fn valid_file_name(name: &str) -> bool {
    (name.ends_with(".yaml") || name.ends_with(".yml"))
        && !name.contains(['\\', ':'])
        && !name.chars().any(char::is_control)
        && name
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// A file's content as compared: a section written with nothing (`tasks:`) reads as the
/// empty list it means.
fn normal(mut v: Value) -> Value {
    if v.is_null() {
        v = Value::Object(serde_json::Map::new());
    }
    if let Value::Object(m) = &mut v {
        for x in m.values_mut().filter(|x| x.is_null()) {
            *x = Value::Array(Vec::new());
        }
    }
    v
}

/// The file's content with one section's list edited.
fn edited(root: &Node, section: &str, edit: impl FnOnce(&mut Vec<Value>)) -> Value {
    let mut v = normal(root.to_json());
    if let Value::Object(m) = &mut v {
        let list = m
            .entry(section.to_string())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(items) = list {
            edit(items);
        }
    }
    v
}

fn reads_as(text: &str, expected: &Value) -> bool {
    parse(text).is_ok_and(|root| normal(root.to_json()) == *expected)
}

/// The file's new text from `render` (given the entry's YAML), checked to read as
/// `expected`; the entry as one line of JSON when its YAML does not.
fn write_checked(
    src: &Source,
    expected: &Value,
    value: &Value,
    render: impl Fn(&str) -> Result<String, String>,
) -> Result<String, DraftError> {
    for yaml in [entry_yaml(value), write::json_flow(value)] {
        let text = render(&yaml).map_err(|d| unwritable(src, d))?;
        if reads_as(&text, expected) {
            return Ok(text);
        }
    }
    let detail = "the entry does not read back as given without changing the rest of the file";
    Err(unwritable(src, detail.into()))
}

fn unwritable(src: &Source, detail: String) -> DraftError {
    DraftError::Unwritable {
        file: src.name.clone(),
        detail,
    }
}

fn with_text(sources: &[Source], n: usize, text: String) -> Vec<Source> {
    let mut out = sources.to_vec();
    out[n].text = text;
    out
}
