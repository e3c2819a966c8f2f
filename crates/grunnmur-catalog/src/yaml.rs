//! Reading YAML (and JSON, a subset of YAML 1.2) into a tree that remembers the line of every
//! node, so that every problem can name its place.

use saphyr::{LoadableYamlNode, MarkedYaml, Scalar, YamlData};
use serde_json::{Map, Number, Value};

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

/// Parses one document. An empty text gives a null node.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let docs = MarkedYaml::load_from_str(text).map_err(|e| SyntaxError {
        line: e.marker().line() as u32,
        message: e.info().to_string(),
    })?;
    match docs.len() {
        0 => Ok(Node {
            line: 1,
            value: NodeValue::Null,
        }),
        1 => convert(&docs[0]),
        _ => Err(SyntaxError {
            line: docs[1].span.start.line() as u32,
            message: "more than one YAML document in the file".into(),
        }),
    }
}

fn convert(y: &MarkedYaml<'_>) -> Result<Node, SyntaxError> {
    let line = y.span.start.line().max(1) as u32;
    let value = match &y.data {
        YamlData::Value(s) => scalar(s),
        YamlData::Representation(s, _, _) => NodeValue::Str(s.to_string()),
        YamlData::Sequence(items) => {
            NodeValue::Seq(items.iter().map(convert).collect::<Result<_, _>>()?)
        }
        YamlData::Mapping(m) => {
            let mut out = Vec::with_capacity(m.len());
            for (k, v) in m.iter() {
                let key = match &k.data {
                    YamlData::Value(Scalar::String(s)) => s.to_string(),
                    YamlData::Value(Scalar::Integer(i)) => i.to_string(),
                    YamlData::Value(Scalar::Boolean(b)) => b.to_string(),
                    YamlData::Value(Scalar::FloatingPoint(f)) => f.to_string(),
                    YamlData::Representation(s, _, _) => s.to_string(),
                    _ => {
                        return Err(SyntaxError {
                            line: k.span.start.line() as u32,
                            message: "a mapping key must be a plain value".into(),
                        });
                    }
                };
                out.push((key, convert(v)?));
            }
            NodeValue::Map(out)
        }
        YamlData::Tagged(_, inner) => return convert(inner),
        YamlData::Alias(_) | YamlData::BadValue => {
            return Err(SyntaxError {
                line,
                message: "unresolved alias or unreadable value".into(),
            });
        }
    };
    Ok(Node { line, value })
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
