//! Where things are in a file's text: its lines, a section's key line and the lines of each of
//! its entries. The parser gives each node's first line only; the rest is read from the text
//! (indentation, dashes, top-level keys), and every edit made from it is checked by reading the
//! result back, so a layout this does not understand fails safely.

use crate::yaml::{Node, NodeValue};

/// A file's lines, each with its line break kept so untouched lines are written back as read.
pub(super) struct Lines<'a> {
    lines: Vec<(&'a str, &'a str)>,
    /// The break new lines get: the file's first one, else `\n`.
    pub eol: &'static str,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Result<Self, String> {
        let mut lines = Vec::new();
        for raw in text.split_inclusive('\n') {
            let (content, eol) = match raw.strip_suffix("\r\n") {
                Some(c) => (c, "\r\n"),
                None => match raw.strip_suffix('\n') {
                    Some(c) => (c, "\n"),
                    None => (raw, ""),
                },
            };
            // YAML breaks lines at a lone CR too; line numbers would no longer match.
            if content.contains('\r') {
                return Err("a line break is a lone carriage return".into());
            }
            lines.push((content, eol));
        }
        let eol = match lines.first() {
            Some((_, "\r\n")) => "\r\n",
            _ => "\n",
        };
        Ok(Lines { lines, eol })
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn get(&self, n: usize) -> &'a str {
        self.lines.get(n).map_or("", |(c, _)| c)
    }

    fn is_blank(&self, n: usize) -> bool {
        self.get(n).trim().is_empty()
    }

    fn is_blank_or_comment(&self, n: usize) -> bool {
        let t = self.get(n).trim_start();
        t.is_empty() || t.starts_with('#')
    }

    /// The text with lines `from..to` replaced by `new` (each given its line break).
    pub fn splice(&self, from: usize, to: usize, new: &[String]) -> String {
        let mut out = String::new();
        for (n, (c, e)) in self.lines[..from].iter().enumerate() {
            out.push_str(c);
            // The last line may have had no break; a line now follows it.
            let e = if e.is_empty() && n + 1 == from && !new.is_empty() {
                self.eol
            } else {
                e
            };
            out.push_str(e);
        }
        for l in new {
            out.push_str(l);
            out.push_str(self.eol);
        }
        for (c, e) in &self.lines[to..] {
            out.push_str(c);
            out.push_str(e);
        }
        out
    }
}

/// An entry's lines: `start..=end` (0-based), its dash at column `indent`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    pub indent: usize,
}

/// Where a section is in a file.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum SectionAt {
    /// The file has no such key.
    Missing,
    /// `section:` with nothing, `section: []` or `section: ~`: the key's line.
    Empty(usize),
    /// A block list: its entries' spans, in order.
    Block(Vec<Span>),
}

/// Where section `name` (a key of `root`) is in the file.
pub(super) fn section(lines: &Lines<'_>, root: &Node, name: &str) -> Result<SectionAt, String> {
    let Some(node) = root.get(name) else {
        return Ok(SectionAt::Missing);
    };
    let key = (0..lines.len())
        .find(|&n| key_rest(lines.get(n), name).is_some())
        .ok_or_else(|| format!("`{name}:` is not a key at the start of a line"))?;
    let items = match &node.value {
        NodeValue::Null => return Ok(SectionAt::Empty(key)),
        NodeValue::Seq(items) if items.is_empty() => return Ok(SectionAt::Empty(key)),
        NodeValue::Seq(items) => items,
        _ => return Err(format!("`{name}` is not a list")),
    };
    let end = (key + 1..lines.len())
        .find(|&n| is_top(lines.get(n)))
        .unwrap_or(lines.len());
    let mut starts = Vec::with_capacity(items.len());
    for item in items {
        let (start, indent) = item_start(lines, item.line as usize)
            .ok_or_else(|| format!("`{name}` is not a block list (`- ` a line)"))?;
        let after_previous = starts.last().is_none_or(|&(s, _)| start > s);
        if start <= key || start >= end || !after_previous {
            return Err(format!("the entries of `{name}` are not where expected"));
        }
        starts.push((start, indent));
    }
    let mut spans = Vec::with_capacity(starts.len());
    for (n, &(start, indent)) in starts.iter().enumerate() {
        let next = starts.get(n + 1).map_or(end, |&(s, _)| s);
        // Blank and comment lines before what follows belong to it (a heading comment).
        let mut last = next - 1;
        while last > start && lines.is_blank_or_comment(last) {
            last -= 1;
        }
        spans.push(Span {
            start,
            end: last,
            indent,
        });
    }
    Ok(SectionAt::Block(spans))
}

/// What follows `name:` on a top-level key line, or `None` if the line is not that key.
pub(super) fn key_rest<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(name)?.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix(':')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

/// A line that starts something at the top level: a key, a document marker.
fn is_top(line: &str) -> bool {
    match line.chars().next() {
        None | Some(' ' | '\t' | '#') => false,
        Some('-') => line.starts_with("---"),
        Some(_) => true,
    }
}

/// The line (0-based) and column of the dash of a block list item whose node starts on
/// `line` (1-based): that line, or a line holding only the dash just before it.
fn item_start(lines: &Lines<'_>, line: usize) -> Option<(usize, usize)> {
    let n = line.checked_sub(1)?;
    let dash = |s: &str| {
        let t = s.trim_start_matches(' ');
        let after = t.strip_prefix('-')?;
        let ok = after.is_empty() || after.starts_with([' ', '\t']);
        ok.then_some(s.len() - t.len())
    };
    let only_dash = |s: &str| {
        let t = s.trim();
        t == "-"
            || t.strip_prefix('-')
                .is_some_and(|r| r.trim_start().starts_with('#'))
    };
    if let Some(indent) = dash(lines.get(n)) {
        return Some((n, indent));
    }
    let prev = n.checked_sub(1)?;
    if only_dash(lines.get(prev)) {
        return dash(lines.get(prev)).map(|i| (prev, i));
    }
    None
}

/// An entry's YAML (from [`super::entry_yaml`] or one line of JSON) as list item lines.
pub(super) fn item_lines(yaml: &str, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    yaml.lines()
        .enumerate()
        .map(|(n, l)| {
            let lead = if n == 0 { "- " } else { "  " };
            format!("{pad}{lead}{l}")
        })
        .collect()
}

/// The text with an entry written over `span`.
pub(super) fn replace(lines: &Lines<'_>, span: Span, yaml: &str) -> String {
    lines.splice(span.start, span.end + 1, &item_lines(yaml, span.indent))
}

/// The text with an entry added after a section's last entry, set off by a blank line when
/// that one is.
pub(super) fn append_after(lines: &Lines<'_>, last: Span, yaml: &str) -> String {
    let mut new = Vec::new();
    if last.start > 0 && lines.is_blank(last.start - 1) {
        new.push(String::new());
    }
    new.extend(item_lines(yaml, last.indent));
    lines.splice(last.end + 1, last.end + 1, &new)
}

/// The text with an entry added to an empty section whose key is on line `key`: the key
/// line loses its `[]` or `~` (a comment after it stays) and the entry follows it.
pub(super) fn append_to_empty(
    lines: &Lines<'_>,
    key: usize,
    name: &str,
    yaml: &str,
) -> Result<String, String> {
    let rest = key_rest(lines.get(key), name).unwrap_or("").trim();
    let comment = ["[]", "~", "null", "Null", "NULL"]
        .iter()
        .find_map(|v| rest.strip_prefix(v))
        .unwrap_or(rest)
        .trim_start();
    if !comment.is_empty() && !comment.starts_with('#') {
        return Err(format!("`{name}:` has an empty value this cannot extend"));
    }
    let key_line = if comment.is_empty() {
        format!("{name}:")
    } else {
        format!("{name}:  {comment}")
    };
    let mut new = vec![key_line];
    new.extend(item_lines(yaml, 2));
    Ok(lines.splice(key, key + 1, &new))
}

/// The text with a new section holding one entry at its end.
pub(super) fn append_section(lines: &Lines<'_>, name: &str, yaml: &str) -> String {
    let mut new = Vec::new();
    let n = lines.len();
    if n > 0 && !lines.is_blank(n - 1) {
        new.push(String::new());
    }
    new.push(format!("{name}:"));
    new.extend(item_lines(yaml, 2));
    lines.splice(n, n, &new)
}

/// The text without the entry at `span`; a blank line before it goes too when one (or the
/// end of the file) follows, so entries set off by blank lines stay so.
pub(super) fn remove(lines: &Lines<'_>, span: Span) -> String {
    let mut from = span.start;
    let after = span.end + 1;
    if from > 0 && lines.is_blank(from - 1) && (after >= lines.len() || lines.is_blank(after)) {
        from -= 1;
    }
    lines.splice(from, after, &[])
}

/// The text with the value of key `version` on line `line` (0-based) replaced by `new`
/// (already a YAML scalar). Quoted parts of the line are skipped when looking for the key.
pub(super) fn replace_version(lines: &Lines<'_>, line: usize, new: &str) -> Option<String> {
    let text = lines.get(line);
    let b = text.as_bytes();
    let mut n = 0;
    while n < b.len() {
        match b[n] {
            b'"' => n = quoted_end(b, n, b'"')?,
            b'\'' => n = quoted_end(b, n, b'\'')?,
            _ if text[n..].starts_with("version") && (n == 0 || b" \t{,".contains(&b[n - 1])) => {
                let after = text[n + "version".len()..].trim_start_matches([' ', '\t']);
                if let Some(v) = after.strip_prefix(':') {
                    let v = v.trim_start_matches([' ', '\t']);
                    let start = text.len() - v.len();
                    let end = start + value_len(v)?;
                    let edited = format!("{}{new}{}", &text[..start], &text[end..]);
                    return Some(lines.splice(line, line + 1, &[edited]));
                }
                n += 1;
            }
            _ => n += 1,
        }
    }
    None
}

/// The index just after the quote closing the scalar opened at `open`.
fn quoted_end(b: &[u8], open: usize, q: u8) -> Option<usize> {
    let mut n = open + 1;
    while n < b.len() {
        if q == b'"' && b[n] == b'\\' {
            n += 2;
            continue;
        }
        if b[n] == q {
            if q == b'\'' && b.get(n + 1) == Some(&b'\'') {
                n += 2;
                continue;
            }
            return Some(n + 1);
        }
        n += 1;
    }
    None
}

/// The length of the scalar at the start of `v` (quoted, or plain up to a flow indicator or
/// a comment).
fn value_len(v: &str) -> Option<usize> {
    let b = v.as_bytes();
    match b.first()? {
        q @ (b'"' | b'\'') => quoted_end(b, 0, *q),
        _ => {
            let mut end = v.len();
            for (n, c) in v.char_indices() {
                let comment = c == '#' && n > 0 && v[..n].ends_with([' ', '\t']);
                if matches!(c, ',' | '}' | ']') || comment {
                    end = n;
                    break;
                }
            }
            let len = v[..end].trim_end().len();
            (len > 0).then_some(len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::parse;

    fn spans(text: &str, name: &str) -> SectionAt {
        let lines = Lines::new(text).unwrap();
        section(&lines, &parse(text).unwrap(), name).unwrap()
    }

    #[test]
    fn spans_leave_out_the_comments_and_blank_lines_that_follow() {
        let text = "# head\ntasks:\n\n  # People\n\n  - id: a\n    x: 1\n\n  # Next\n  - id: b\n  -\n    id: c\n  # tail\nmeasures: []\n";
        let s = |start, end| Span {
            start,
            end,
            indent: 2,
        };
        assert_eq!(
            spans(text, "tasks"),
            SectionAt::Block(vec![s(5, 6), s(9, 9), s(10, 11)])
        );
        assert_eq!(spans(text, "measures"), SectionAt::Empty(13));
        assert_eq!(spans(text, "profiles"), SectionAt::Missing);
        assert_eq!(spans("tasks:\n- id: a\n", "tasks"), {
            SectionAt::Block(vec![Span {
                start: 1,
                end: 1,
                indent: 0,
            }])
        });
    }

    #[test]
    fn flow_lists_are_not_understood() {
        let text = "tasks: [{id: a}, {id: b}]\n";
        let lines = Lines::new(text).unwrap();
        assert!(section(&lines, &parse(text).unwrap(), "tasks").is_err());
    }

    #[test]
    fn the_version_is_found_outside_quotes() {
        let text = "catalog: {title: \"a version: x\", id: version, version: '2026.1' } # c\n";
        let lines = Lines::new(text).unwrap();
        assert_eq!(
            replace_version(&lines, 0, "\"2027\"").unwrap(),
            "catalog: {title: \"a version: x\", id: version, version: \"2027\" } # c\n"
        );
        let text = "catalog:\n  version: 1.0 # plain\n";
        let lines = Lines::new(text).unwrap();
        assert_eq!(
            replace_version(&lines, 1, "\"2\"").unwrap(),
            "catalog:\n  version: \"2\" # plain\n"
        );
    }

    #[test]
    fn line_breaks_are_kept() {
        let lines = Lines::new("a: 1\r\nb: 2").unwrap();
        assert_eq!(
            lines.splice(2, 2, &["c: 3".into()]),
            "a: 1\r\nb: 2\r\nc: 3\r\n"
        );
        assert!(Lines::new("a: 1\rb: 2\n").is_err());
    }
}
