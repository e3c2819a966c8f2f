//! Writing one catalog entry as YAML in the style of the bundled files: texts as flow
//! mappings `{nb: "…", en: "…"}`, lists of ids as flow lists, lists of texts one `- {…}` a
//! line, everything else nested block-style. The caller re-reads what was written and falls
//! back to [`json_flow`] when it does not read back equal.

use serde_json::{Map, Value};

/// How long a small mapping of scalars (`levels`, `refs`, `params`) may be written on one
/// line, as the bundled files do; longer ones (a profile's `level_overrides`) go block-style.
const FLOW_MAP_WIDTH: usize = 72;

/// One entry as a block mapping, without the leading `- `, each line ending in `\n`.
/// A value that is not a non-empty mapping is written on one line in flow style.
pub fn entry_yaml(value: &Value) -> String {
    let mut lines = Vec::new();
    match value {
        Value::Object(m) if !m.is_empty() => block_map(m, 0, &mut lines),
        other => lines.push(flow(other)),
    }
    let mut out = String::new();
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// The value as one line of JSON, which is also YAML (a flow collection) and always reads.
pub(crate) fn json_flow(value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(json_flow).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(m) => {
            let items: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}: {}", quote(k), json_flow(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        Value::String(s) => quote(s),
        other => other.to_string(),
    }
}

fn block_map(m: &Map<String, Value>, indent: usize, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    for (k, v) in m {
        let key = scalar_text(k);
        if let Some(text) = inline(v) {
            out.push(format!("{pad}{key}: {text}"));
            continue;
        }
        out.push(format!("{pad}{key}:"));
        match v {
            Value::Object(inner) => block_map(inner, indent + 2, out),
            Value::Array(items) => block_list(items, indent + 2, out),
            // Scalars are always inline.
            _ => {}
        }
    }
}

fn block_list(items: &[Value], indent: usize, out: &mut Vec<String>) {
    let pad = " ".repeat(indent);
    for item in items {
        if let Some(text) = inline(item) {
            out.push(format!("{pad}- {text}"));
            continue;
        }
        match item {
            Value::Object(m) => {
                let mut inner = Vec::new();
                block_map(m, 0, &mut inner);
                for (n, l) in inner.into_iter().enumerate() {
                    let lead = if n == 0 { "- " } else { "  " };
                    out.push(format!("{pad}{lead}{l}"));
                }
            }
            Value::Array(inner) => {
                out.push(format!("{pad}-"));
                block_list(inner, indent + 2, out);
            }
            _ => {}
        }
    }
}

/// The value's text when it is written on its key's (or its dash's) line.
fn inline(v: &Value) -> Option<String> {
    match v {
        Value::Object(m) if m.is_empty() => Some("{}".into()),
        Value::Array(a) if a.is_empty() => Some("[]".into()),
        Value::Object(m) if is_text(m) => Some(flow(v)),
        Value::Object(m) if m.values().all(is_flat) => {
            Some(flow(v)).filter(|t| t.chars().count() <= FLOW_MAP_WIDTH)
        }
        Value::Object(_) => None,
        Value::Array(a) if a.iter().all(is_scalar) => Some(flow(v)),
        Value::Array(_) => None,
        scalar => Some(flow(scalar)),
    }
}

/// A localised text: keys `nb` and `en` only.
fn is_text(m: &Map<String, Value>) -> bool {
    m.keys().all(|k| k == "nb" || k == "en")
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

/// A scalar or a list of scalars (a reference list such as `iso27002: ["7.1"]`).
fn is_flat(v: &Value) -> bool {
    match v {
        Value::Array(a) => a.iter().all(is_scalar),
        Value::Object(_) => false,
        _ => true,
    }
}

/// Flow style: `{k: v, …}`, `[a, b]`, scalars plain or quoted.
fn flow(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(m) => {
            let items: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}: {}", scalar_text(k), flow(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        Value::String(s) => scalar_text(s),
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

/// A string as a plain scalar when it reads back as the same string in any context (an id,
/// an enum value), else double-quoted.
fn scalar_text(s: &str) -> String {
    if is_plain(s) { s.to_string() } else { quote(s) }
}

/// `^[a-z][a-z0-9._-]*$` and not a word YAML reads as a bool or null; lowercase letters
/// beyond ASCII count as letters, so levels read `høy` as the bundled files write them.
fn is_plain(s: &str) -> bool {
    let letter = |c: char| c.is_ascii_lowercase() || (!c.is_ascii() && c.is_lowercase());
    let mut chars = s.chars();
    chars.next().is_some_and(letter)
        && chars.all(|c| letter(c) || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
        && !matches!(s, "true" | "false" | "null")
}

/// A double-quoted scalar. JSON's escapes are YAML's too; characters YAML does not allow
/// unescaped in a stream (DEL, C1 controls, the BOM) or may take for line breaks
/// (U+2028, U+2029) are escaped as well.
pub(crate) fn quote(s: &str) -> String {
    let json = serde_json::Value::String(s.to_string()).to_string();
    if !json.chars().any(needs_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\u{7f}'..='\u{9f}' | '\u{feff}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_task_in_the_bundled_style() {
        let v = json!({
            "id": "kommune.x",
            "name": {"nb": "Barnehage", "en": "Kindergarten"},
            "applies_to": ["kommune", "sector:utdanning"],
            "steps": [{"nb": "Motta søknad"}, {"nb": "Tildele plass", "en": "Allocate"}],
            "levels": {"c": "høy", "i": "middels", "a": "lav"},
            "level": 2,
            "params": {"m.a": {"days": 3}},
            "empty": [],
            "none": {},
            "flag": true,
            "gone": null,
        });
        let text = entry_yaml(&v);
        assert_eq!(
            text,
            "id: kommune.x\n\
             name: {nb: \"Barnehage\", en: \"Kindergarten\"}\n\
             applies_to: [kommune, \"sector:utdanning\"]\n\
             steps:\n  - {nb: \"Motta søknad\"}\n  - {nb: \"Tildele plass\", en: allocate}\n\
             levels: {c: høy, i: middels, a: lav}\n\
             level: 2\n\
             params:\n  m.a: {days: 3}\n\
             empty: []\n\
             none: {}\n\
             flag: true\n\
             gone: null\n"
                .replace("en: allocate", "en: \"Allocate\"")
        );
    }

    #[test]
    fn long_maps_of_scalars_and_nested_lists_go_block_style() {
        let v = json!({
            "id": "p.x",
            "level_overrides": {"m.a-long-measure-id": 1, "m.another-long-measure-id": 2, "m.third-measure": 1},
            "grid": [[1, 2], [{"a": 1}]],
            "items": [{"id": "a", "tags": [{"k": "v"}]}],
        });
        assert_eq!(
            entry_yaml(&v),
            "id: p.x\n\
             level_overrides:\n  m.a-long-measure-id: 1\n  m.another-long-measure-id: 2\n  m.third-measure: 1\n\
             grid:\n  - [1, 2]\n  -\n    - {a: 1}\n\
             items:\n  - id: a\n    tags:\n      - {k: v}\n"
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(scalar_text("felles.hr-x_1"), "felles.hr-x_1");
        assert_eq!(scalar_text("høy"), "høy");
        for s in [
            "true",
            "null",
            "false",
            "1.0",
            "Høy",
            "a b",
            "",
            "-a",
            "a:b",
            "ß\u{2028}",
        ] {
            assert!(scalar_text(s).starts_with('"'), "{s}");
        }
        assert_eq!(
            quote("a\"b\\c\nd\u{7f}\u{2028}"),
            "\"a\\\"b\\\\c\\nd\\u007f\\u2028\""
        );
        assert_eq!(
            json_flow(&json!({"id": "x", "n": [1, "y"]})),
            "{\"id\": \"x\", \"n\": [1, \"y\"]}"
        );
    }
}
