//! How long a text may be. Every document from outside (body files, risk assessments, the
//! forms and the workbook that edit them) is checked against these before it is stored, so a
//! 1.5 MB system name is refused where it comes in, whichever way it comes in.
//!
//! The limit of a text follows from the name of its field: ids and references to ids,
//! names and titles, and free text (everything else). docs/catalog-format.md lists them.

use serde_json::Value;

/// An id, or a reference to one (`id`, `task`, `measure`, `system`, `info_types`, dates).
pub const MAX_ID: usize = 100;
/// A name or title, a person's name (`name`, `title`, `owner`).
pub const MAX_NAME: usize = 200;
/// Free text: descriptions, justifications, rationales, evidence, notes.
pub const MAX_TEXT: usize = 10_000;

/// Fields that hold ids or references to ids (a list under the name holds ids too).
const ID_FIELDS: &[&str] = &[
    "id",
    "orgnr",
    "task",
    "tasks",
    "measure",
    "measures",
    "system",
    "info_type",
    "info_types",
    "sectors",
    "area",
    "object",
    "due",
    "valid_until",
    "kind",
    "status",
];

/// Fields that hold names and titles.
const NAME_FIELDS: &[&str] = &["name", "title", "owner", "label", "responsible"];

/// The most characters the field `key` may hold.
pub fn max_chars(key: &str) -> usize {
    if ID_FIELDS.contains(&key) {
        MAX_ID
    } else if NAME_FIELDS.contains(&key) {
        MAX_NAME
    } else {
        MAX_TEXT
    }
}

/// A text longer than its field allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// Where: keys and positions from the document's root (`["systems", "2", "name"]`).
    pub path: Vec<String>,
    pub chars: usize,
    pub max: usize,
}

impl TooLong {
    /// The path as serde writes it: `systems[2].name`.
    pub fn field(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            if seg.parse::<usize>().is_ok() {
                out.push_str(&format!("[{seg}]"));
            } else {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(seg);
            }
        }
        out
    }
}

/// Every text in `doc` longer than its field allows (a text in a list counts as its list's
/// field), in document order. Walks with its own stack: no recursion per level. A node's path
/// is kept as a link to its parent's step and spelled out only for a hit, because a body with
/// hundreds of systems has tens of thousands of texts and almost none is too long.
pub fn too_long(doc: &Value) -> Vec<TooLong> {
    enum Step<'a> {
        Index(usize),
        Key(&'a str),
    }
    let mut out = Vec::new();
    // (parent step, this step); a node refers to its own step by index.
    let mut steps: Vec<(Option<usize>, Step)> = Vec::new();
    let mut todo: Vec<(Option<usize>, &str, &Value)> = vec![(None, "", doc)];
    while let Some((at, key, v)) = todo.pop() {
        match v {
            Value::String(s) => {
                let max = max_chars(key);
                // Bytes bound characters from above: most texts are decided without counting.
                if s.len() > max {
                    let chars = s.chars().count();
                    if chars > max {
                        let mut path = Vec::new();
                        let mut cur = at;
                        while let Some(i) = cur {
                            let (parent, step) = &steps[i];
                            path.push(match step {
                                Step::Index(n) => n.to_string(),
                                Step::Key(k) => (*k).to_string(),
                            });
                            cur = *parent;
                        }
                        path.reverse();
                        out.push(TooLong { path, chars, max });
                    }
                }
            }
            Value::Array(items) => {
                for (n, x) in items.iter().enumerate().rev() {
                    steps.push((at, Step::Index(n)));
                    todo.push((Some(steps.len() - 1), key, x));
                }
            }
            Value::Object(m) => {
                for (k, x) in m.iter().rev() {
                    steps.push((at, Step::Key(k.as_str())));
                    todo.push((Some(steps.len() - 1), k.as_str(), x));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_field_has_its_limit() {
        let ok =
            json!({"id": "a".repeat(100), "name": "ø".repeat(200), "note": "x".repeat(10_000)});
        assert_eq!(too_long(&ok), vec![]);
        let doc = json!({
            "org": {"name": "n".repeat(201)},
            "systems": [{"id": "s"}, {"id": "i".repeat(101), "name": "ok"}],
            "evidence": ["e".repeat(10_001)],
            "info_types": ["t".repeat(101)],
        });
        let found: Vec<(String, usize, usize)> = too_long(&doc)
            .into_iter()
            .map(|t| (t.field(), t.chars, t.max))
            .collect();
        assert_eq!(
            found,
            vec![
                ("org.name".into(), 201, MAX_NAME),
                ("systems[1].id".into(), 101, MAX_ID),
                ("evidence[0]".into(), 10_001, MAX_TEXT),
                ("info_types[0]".into(), 101, MAX_ID),
            ]
        );
    }

    #[test]
    fn characters_not_bytes() {
        // 200 Norwegian letters are 400 bytes and still a valid name.
        assert!(too_long(&json!({"name": "å".repeat(200)})).is_empty());
        assert_eq!(too_long(&json!({"name": "å".repeat(201)})).len(), 1);
    }
}
