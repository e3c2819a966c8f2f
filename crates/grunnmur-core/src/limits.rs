//! How long a text may be. Every document from outside (body files, risk assessments, the
//! forms and the workbook that edit them) is checked against these before it is stored, so a
//! 1.5 MB system name is refused where it comes in, whichever way it comes in.
//!
//! The limit of a text follows from the name of its field: ids and references to ids,
//! names and titles, and free text (everything else). docs/catalog-format.md lists them.

use serde::Serialize;
use serde::ser::{self, Serializer};

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
    "systems",
    "groups",
    "services",
    "runs_on",
    "info_type",
    "info_types",
    "sectors",
    "area",
    "object",
    "due",
    "valid_from",
    "valid_until",
    "kind",
    "status",
    "date",
];

/// Fields that hold names and titles.
const NAME_FIELDS: &[&str] = &["name", "title", "owner", "label", "responsible", "by"];

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
/// field), in document order. It walks the document as serde serialises it, so a typed
/// document is checked where it is, with no JSON copy made first: a body with hundreds of
/// systems has tens of thousands of texts and almost none is too long. The path is a stack of
/// steps, spelled out only for a hit.
pub fn too_long<T: Serialize + ?Sized>(doc: &T) -> Vec<TooLong> {
    let mut w = Walker::default();
    // The walker's own error is never raised; a document's `Serialize` may still fail (a map
    // with a key that is no text), and then what was seen so far is the answer.
    let _ = doc.serialize(&mut w);
    w.out
}

enum Step {
    Field(&'static str),
    Key(String),
    Index(usize),
}

#[derive(Default)]
struct Walker {
    path: Vec<Step>,
    out: Vec<TooLong>,
}

impl Walker {
    /// The field a text at the current place belongs to: the nearest key, lists skipped.
    fn key(&self) -> &str {
        self.path
            .iter()
            .rev()
            .find_map(|s| match s {
                Step::Field(k) => Some(*k),
                Step::Key(k) => Some(k.as_str()),
                Step::Index(_) => None,
            })
            .unwrap_or("")
    }

    fn text(&mut self, s: &str) {
        let max = max_chars(self.key());
        // Bytes bound characters from above: most texts are decided without counting.
        if s.len() > max {
            let chars = s.chars().count();
            if chars > max {
                let path = self
                    .path
                    .iter()
                    .map(|s| match s {
                        Step::Field(k) => (*k).to_string(),
                        Step::Key(k) => k.clone(),
                        Step::Index(n) => n.to_string(),
                    })
                    .collect();
                self.out.push(TooLong { path, chars, max });
            }
        }
    }

    fn under<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Result<(), Stop> {
        self.path.push(step);
        let r = value.serialize(&mut *self);
        self.path.pop();
        r
    }
}

/// The walker's error type; serde requires one.
#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the document could not be walked")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Stop
    }
}

/// A list, map, struct or variant being walked: the next position, and whether it opened a
/// step of its own (a variant's name) to close at its end.
struct Compound<'a> {
    w: &'a mut Walker,
    next: usize,
    key: Option<String>,
    opened: bool,
}

impl<'a> Compound<'a> {
    fn new(w: &'a mut Walker, variant: Option<&'static str>) -> Self {
        if let Some(v) = variant {
            w.path.push(Step::Field(v));
        }
        Compound {
            w,
            next: 0,
            key: None,
            opened: variant.is_some(),
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let n = self.next;
        self.next += 1;
        self.w.under(Step::Index(n), value)
    }

    fn end(self) -> Result<(), Stop> {
        if self.opened {
            self.w.path.pop();
        }
        Ok(())
    }
}

impl<'a> Serializer for &'a mut Walker {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_str(self, v: &str) -> Result<(), Stop> {
        self.text(v);
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Stop> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.under(Step::Field(variant), value)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Stop> {
        Ok(Compound::new(self, Some(variant)))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        self.element(value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Stop> {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().unwrap_or_default();
        self.w.under(Step::Key(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.w.under(Step::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.w.under(Step::Field(key), value)
    }
    fn end(self) -> Result<(), Stop> {
        Compound::end(self)
    }
}

/// A map key as text: strings and numbers, as JSON would write them; anything else stops.
struct KeyText;

impl Serializer for KeyText {
    type Ok = String;
    type Error = Stop;
    type SerializeSeq = ser::Impossible<String, Stop>;
    type SerializeTuple = ser::Impossible<String, Stop>;
    type SerializeTupleStruct = ser::Impossible<String, Stop>;
    type SerializeTupleVariant = ser::Impossible<String, Stop>;
    type SerializeMap = ser::Impossible<String, Stop>;
    type SerializeStruct = ser::Impossible<String, Stop>;
    type SerializeStructVariant = ser::Impossible<String, Stop>;

    fn serialize_str(self, v: &str) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_bool(self, v: bool) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Stop> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_f64(self, _: f64) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_none(self) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Stop> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Stop> {
        Err(Stop)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Err(Stop)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Err(Stop)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Stop> {
        Err(Stop)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
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
    fn a_typed_document_is_walked_as_its_json() {
        #[derive(Serialize)]
        struct Sys {
            id: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            note: Option<String>,
            tags: Vec<String>,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "snake_case")]
        enum Covers {
            Systems(Vec<String>),
            Org { owner: String },
        }
        #[derive(Serialize)]
        struct Doc {
            name: String,
            systems: Vec<Sys>,
            covers: Vec<Covers>,
            extra: std::collections::BTreeMap<String, String>,
        }
        let doc = Doc {
            name: "n".repeat(201),
            systems: vec![
                Sys {
                    id: "s".into(),
                    note: None,
                    tags: vec![],
                },
                Sys {
                    id: "i".repeat(101),
                    note: Some("x".repeat(10_001)),
                    tags: vec!["ok".into(), "t".repeat(10_001)],
                },
            ],
            covers: vec![
                Covers::Systems(vec!["a".into(), "b".repeat(101)]),
                Covers::Org {
                    owner: "o".repeat(201),
                },
            ],
            extra: [("id".to_string(), "k".repeat(101))].into(),
        };
        let fields = |v: Vec<TooLong>| -> Vec<(String, usize)> {
            v.into_iter().map(|t| (t.field(), t.max)).collect()
        };
        let typed = fields(too_long(&doc));
        assert_eq!(
            typed,
            fields(too_long(&serde_json::to_value(&doc).unwrap()))
        );
        assert_eq!(
            typed,
            vec![
                ("name".into(), MAX_NAME),
                ("systems[1].id".into(), MAX_ID),
                ("systems[1].note".into(), MAX_TEXT),
                ("systems[1].tags[1]".into(), MAX_TEXT),
                ("covers[0].systems[1]".into(), MAX_ID),
                ("covers[1].org.owner".into(), MAX_NAME),
                ("extra.id".into(), MAX_ID),
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
