//! Reading YAML (and JSON, a subset of YAML 1.2) into a tree that remembers the line of every
//! node, so that every problem can name its place.

use saphyr::Scalar;
use saphyr_parser::{Event, Parser};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq)]
pub enum NodeValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// 1-based line of the node's start.
    pub line: u32,
    pub value: NodeValue,
}

/// A document that could not be read as YAML.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u32,
    pub message: String,
}

/// How deep collections may nest in any document we read. The catalog and body files need
/// fewer than ten levels, OSCAL documents about twenty; every later step (conversion, serde,
/// drop) recurses once per level, so the limit is what keeps a hostile document from
/// overflowing the stack.
pub const MAX_DEPTH: usize = 64;

/// How many nodes aliases may add to a document in all (saphyr's own default): a few nested
/// anchors could otherwise expand exponentially ("billion laughs").
pub const MAX_ALIAS_NODES: usize = 100_000;

/// Parses one document. An empty text gives a null node.
///
/// Built from saphyr's event parser with an explicit stack, not its tree loader: nothing here
/// recurses per level, and a document nested deeper than [`MAX_DEPTH`] is refused before
/// any deep tree exists.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut b = Builder::default();
    let mut parser = Parser::new_from_str(text);
    while let Some(ev) = parser.next_event() {
        let (ev, span) = ev.map_err(|e| SyntaxError {
            line: e.marker().line() as u32,
            message: e.info().to_string(),
        })?;
        b.event(ev, span.start.line().max(1) as u32)?;
    }
    Ok(b.root.unwrap_or(Node {
        line: 1,
        value: NodeValue::Null,
    }))
}

/// An open collection: a sequence, or a mapping with the key waiting for its value.
enum Open {
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>, Option<String>, Vec<u32>),
}

#[derive(Default)]
struct Builder {
    stack: Vec<(u32, usize, Open)>,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    root: Option<Node>,
}

fn syntax(line: u32, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        line,
        message: message.into(),
    }
}

impl Builder {
    fn event(&mut self, ev: Event<'_>, line: u32) -> Result<(), SyntaxError> {
        match ev {
            Event::SequenceStart(anchor, _) => self.open(line, anchor, Open::Seq(Vec::new())),
            Event::MappingStart(anchor, _) => {
                self.open(line, anchor, Open::Map(Vec::new(), None, Vec::new()))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (start, anchor, open) = self.stack.pop().expect("the parser pairs its events");
                let value = match open {
                    Open::Seq(items) => NodeValue::Seq(items),
                    Open::Map(entries, _, key_lines) => {
                        no_duplicate_keys(&entries, &key_lines)?;
                        NodeValue::Map(entries)
                    }
                };
                self.insert(Node { line: start, value }, anchor)
            }
            Event::Scalar(v, style, anchor, tag) => {
                let value = Scalar::parse_from_cow_and_metadata(v, style, tag.as_ref())
                    .ok_or_else(|| syntax(line, "unresolved alias or unreadable value"))?;
                self.insert(
                    Node {
                        line,
                        value: scalar(&value),
                    },
                    anchor,
                )
            }
            Event::Alias(id) => {
                let node = self
                    .anchors
                    .get(&id)
                    .ok_or_else(|| syntax(line, "unresolved alias or unreadable value"))?;
                self.alias_nodes += node.count();
                if self.alias_nodes > MAX_ALIAS_NODES {
                    let msg = format!("aliases expand to more than {MAX_ALIAS_NODES} nodes");
                    return Err(syntax(line, msg));
                }
                let node = Node {
                    line,
                    value: node.value.clone(),
                };
                self.insert(node, 0)
            }
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => Ok(()),
        }
    }

    fn open(&mut self, line: u32, anchor: usize, open: Open) -> Result<(), SyntaxError> {
        if let Some((_, _, Open::Map(_, None, _))) = self.stack.last() {
            return Err(syntax(line, "a mapping key must be a plain value"));
        }
        if self.stack.len() >= MAX_DEPTH {
            let msg = format!("nested deeper than {MAX_DEPTH} levels");
            return Err(syntax(line, msg));
        }
        if self.stack.is_empty() && self.root.is_some() {
            return Err(syntax(line, "more than one YAML document in the file"));
        }
        self.stack.push((line, anchor, open));
        Ok(())
    }

    /// A finished node: into its collection, or the document's root.
    fn insert(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None if self.root.is_some() => {
                Err(syntax(node.line, "more than one YAML document in the file"))
            }
            None => {
                self.root = Some(node);
                Ok(())
            }
            Some((_, _, Open::Seq(items))) => {
                items.push(node);
                Ok(())
            }
            Some((_, _, Open::Map(entries, key, key_lines))) => {
                match key.take() {
                    Some(k) => entries.push((k, node)),
                    None => {
                        *key = Some(key_text(&node)?);
                        key_lines.push(node.line);
                    }
                }
                Ok(())
            }
        }
    }
}

fn key_text(node: &Node) -> Result<String, SyntaxError> {
    match &node.value {
        NodeValue::Str(s) => Ok(s.clone()),
        NodeValue::Int(i) => Ok(i.to_string()),
        NodeValue::Bool(b) => Ok(b.to_string()),
        NodeValue::Float(f) => Ok(f.to_string()),
        _ => Err(syntax(node.line, "a mapping key must be a plain value")),
    }
}

/// The first key (in document order) that repeats an earlier one of the same mapping.
fn no_duplicate_keys(entries: &[(String, Node)], lines: &[u32]) -> Result<(), SyntaxError> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].0.cmp(&entries[b].0).then(a.cmp(&b)));
    let repeat = order
        .windows(2)
        .filter(|w| entries[w[0]].0 == entries[w[1]].0)
        .map(|w| w[1])
        .min();
    match repeat {
        Some(n) => Err(syntax(lines[n], "duplicated key in mapping")),
        None => Ok(()),
    }
}

fn scalar(s: &Scalar<'_>) -> NodeValue {
    match s {
        Scalar::Null => NodeValue::Null,
        Scalar::Boolean(b) => NodeValue::Bool(*b),
        Scalar::Integer(i) => NodeValue::Int(*i),
        Scalar::FloatingPoint(f) => NodeValue::Float(f.into_inner()),
        Scalar::String(s) => NodeValue::Str(s.to_string()),
    }
}

impl Node {
    /// This node and every node below it.
    pub fn count(&self) -> usize {
        let mut n = 0;
        let mut todo = vec![self];
        while let Some(x) = todo.pop() {
            n += 1;
            match &x.value {
                NodeValue::Seq(items) => todo.extend(items),
                NodeValue::Map(entries) => todo.extend(entries.iter().map(|(_, v)| v)),
                _ => {}
            }
        }
        n
    }

    pub fn to_json(&self) -> Value {
        match &self.value {
            NodeValue::Null => Value::Null,
            NodeValue::Bool(b) => Value::Bool(*b),
            NodeValue::Int(i) => Value::Number((*i).into()),
            NodeValue::Float(f) => Number::from_f64(*f).map_or(Value::Null, Value::Number),
            NodeValue::Str(s) => Value::String(s.clone()),
            NodeValue::Seq(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeValue::Map(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect::<Map<_, _>>(),
            ),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            NodeValue::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn index(&self, n: usize) -> Option<&Node> {
        match &self.value {
            NodeValue::Seq(items) => items.get(n),
            _ => None,
        }
    }

    /// Line of a key below this node (`a.b`), or of this node if the path is not there.
    pub fn line_of(&self, path: &[&str]) -> u32 {
        let mut at = self;
        for seg in path {
            let next = match seg.parse::<usize>() {
                Ok(n) if matches!(at.value, NodeValue::Seq(_)) => at.index(n),
                _ => at.get(seg),
            };
            match next {
                Some(n) => at = n,
                None => break,
            }
        }
        at.line
    }

    /// Line of the deepest node on a serde path (`info_types[3].levels.c`).
    pub fn line_of_serde_path(&self, path: &serde_path_to_error::Path) -> u32 {
        use serde_path_to_error::Segment;
        let mut at = self;
        for seg in path.iter() {
            let next = match seg {
                Segment::Seq { index } => at.index(*index),
                Segment::Map { key } => at.get(key),
                Segment::Enum { .. } | Segment::Unknown => None,
            };
            match next {
                Some(n) => at = n,
                None => break,
            }
        }
        at.line
    }
}

/// Deserialises a node, reporting the line of the part that failed.
pub fn from_node<T: serde::de::DeserializeOwned>(node: &Node) -> Result<T, (u32, String)> {
    let value = node.to_json();
    serde_path_to_error::deserialize(value).map_err(|e| {
        let line = node.line_of_serde_path(e.path());
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let msg = if path == "." || path.is_empty() {
            inner
        } else {
            format!("{path}: {inner}")
        };
        (line, msg)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_lines() {
        let n = parse("a: 1\nb:\n  - x\n  - y: 2\n").unwrap();
        assert_eq!(n.get("a").unwrap().line, 1);
        assert_eq!(n.line_of(&["b", "1", "y"]), 4);
        assert_eq!(n.line_of(&["b", "0"]), 3);
    }

    #[test]
    fn reads_json_too() {
        let n = parse("{\"a\": [1, \"x\"],\n \"b\": null}").unwrap();
        assert_eq!(n.to_json(), serde_json::json!({"a": [1, "x"], "b": null}));
        assert_eq!(n.get("b").unwrap().line, 2);
    }

    #[test]
    fn syntax_error_has_a_line() {
        let e = parse("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
        assert!(e.line >= 2, "line {}", e.line);
    }

    #[test]
    fn norwegian_letters_and_plain_dates_are_strings() {
        let n = parse("c: høy\ndue: 2026-12-31\norgnr: \"974760673\"\n").unwrap();
        assert_eq!(n.get("c").unwrap().value, NodeValue::Str("høy".into()));
        assert_eq!(
            n.get("due").unwrap().value,
            NodeValue::Str("2026-12-31".into())
        );
    }

    #[test]
    fn deep_block_nesting_is_refused_not_a_stack_overflow() {
        // The document that aborted the server: 3,000 levels of block sequences, ~6 KB.
        let text = format!("{}x\n", "- ".repeat(3000));
        let e = parse(&text).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("deeper than 64"), "{}", e.message);
        // Block mappings, one level a line: the line named is where the limit was passed.
        let text: String = (0..200).map(|n| format!("{}k:\n", " ".repeat(n))).collect();
        let e = parse(&text).unwrap_err();
        assert_eq!(e.line, 65, "{}", e.message);
        // Flow style, JSON.
        let text = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(parse(&text).unwrap_err().message.contains("deeper than 64"));
    }

    #[test]
    fn nesting_up_to_the_limit_is_read() {
        let text = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let mut n = &parse(&text).unwrap();
        for _ in 0..MAX_DEPTH {
            n = n.index(0).unwrap();
        }
        assert_eq!(n.value, NodeValue::Int(1));
        let deeper = format!("[{text}]");
        assert!(parse(&deeper).is_err());
    }

    #[test]
    fn alias_expansion_is_bounded() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for n in 1..8 {
            let p = n - 1;
            text.push_str(&format!(
                "a{n}: &a{n} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = parse(&text).unwrap_err();
        assert!(e.message.contains("aliases expand"), "{}", e.message);
        // A few aliases are fine.
        let n = parse("a: &x {k: 1}\nb: *x\n").unwrap();
        assert_eq!(
            n.to_json(),
            serde_json::json!({"a": {"k": 1}, "b": {"k": 1}})
        );
        assert_eq!(n.get("b").unwrap().line, 2);
    }

    #[test]
    fn duplicate_keys_more_documents_and_complex_keys_are_refused() {
        let e = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(
            (e.line, e.message.as_str()),
            (3, "duplicated key in mapping")
        );
        let e = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(e.message.contains("more than one"), "{}", e.message);
        let e = parse("? [a, b]\n: c\n").unwrap_err();
        assert!(e.message.contains("plain value"), "{}", e.message);
        assert_eq!(parse("").unwrap().value, NodeValue::Null);
        assert_eq!(parse("---\n").unwrap().value, NodeValue::Null);
    }

    /// saphyr's own tree loader, converted the way this module did before it built the tree
    /// itself (recursively: only for the shallow files of the repository).
    fn by_saphyr_loader(text: &str) -> Node {
        use saphyr::{LoadableYamlNode, MarkedYaml, YamlData};
        fn convert(y: &MarkedYaml<'_>) -> Node {
            let value = match &y.data {
                YamlData::Value(s) => scalar(s),
                YamlData::Sequence(items) => NodeValue::Seq(items.iter().map(convert).collect()),
                YamlData::Mapping(m) => NodeValue::Map(
                    m.iter()
                        .map(|(k, v)| (key_text(&convert(k)).unwrap(), convert(v)))
                        .collect(),
                ),
                YamlData::Tagged(_, inner) => return convert(inner),
                other => panic!("{other:?}"),
            };
            let line = y.span.start.line().max(1) as u32;
            Node { line, value }
        }
        convert(&MarkedYaml::load_from_str(text).unwrap()[0])
    }

    #[test]
    fn the_same_tree_as_saphyrs_loader_for_every_file_of_the_repository() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut todo = vec![
            root.join("catalog"),
            root.join("examples"),
            root.join("crates"),
        ];
        let mut seen = 0;
        while let Some(dir) = todo.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let path = e.unwrap().path();
                if path.is_dir() && !path.ends_with("target") {
                    todo.push(path);
                } else if path.extension().is_some_and(|x| x == "yaml") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let Ok(ours) = parse(&text) else { continue };
                    assert_eq!(ours, by_saphyr_loader(&text), "{}", path.display());
                    seen += 1;
                }
            }
        }
        assert!(seen > 20, "{seen} files");
    }

    #[test]
    fn serde_errors_name_the_failing_line() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            items: Vec<U>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct U {
            n: u8,
        }
        let n = parse("items:\n  - n: 1\n  - n: x\n").unwrap();
        let (line, msg) = from_node::<T>(&n).unwrap_err();
        assert_eq!(line, 3);
        assert!(msg.contains("items[1].n"), "{msg}");
    }
}
