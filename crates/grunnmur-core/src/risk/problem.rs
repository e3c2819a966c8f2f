//! Problems with a risk assessment: a place (a path into the document) and a code with
//! arguments. Views render the message `risk-problem-<code>` from the translation files.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What is wrong; the message is `risk-problem-<code>` in the translation files. The code is
/// the variant's name in kebab-case (`ScaleSize` is `scale-size`), as serde writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Empty,
    ScaleSize,
    LabelMissing,
    MatrixShape,
    MatrixNotMonotone,
    UnknownObject,
    DuplicateId,
    UnknownArea,
    UnknownInfoType,
    UnknownMeasure,
    NoDimensions,
    DuplicateDimension,
    OutOfScale,
    ResidualWorse,
    ResidualMissing,
    NoRisks,
    NotAnalysed,
    NoDecision,
    NoMeasures,
    JustificationMissing,
    AcceptUnacceptable,
    ResidualUnacceptable,
    TooLong,
}

impl Code {
    /// Every code, in the order declared (`for code in Code::ALL`).
    pub const ALL: AllCodes = AllCodes;

    /// The code as serde writes it: the key of its message, without `risk-problem-`.
    pub fn as_str(self) -> &'static str {
        variant_names::<Code>()[self as usize]
    }
}

/// Every [`Code`], read from serde's names of the variants.
#[derive(Clone, Copy, Debug)]
pub struct AllCodes;

impl IntoIterator for AllCodes {
    type Item = Code;
    type IntoIter = std::vec::IntoIter<Code>;

    fn into_iter(self) -> Self::IntoIter {
        let names = variant_names::<Code>();
        let codes: Vec<Code> = names
            .iter()
            .filter_map(|n| Code::deserialize(de::value::StrDeserializer::<Stop>::new(n)).ok())
            .collect();
        codes.into_iter()
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The names serde gives the variants of a field-less enum, in the order declared: what the
/// enum's derived `Deserialize` hands to `deserialize_enum`. So a variant's name is
/// `variant_names::<T>()[v as usize]`, kept by the derive instead of by hand.
pub(super) fn variant_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe<'n>(&'n mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            _name: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            *self.0 = variants;
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
            identifier ignored_any
        }
    }
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut names));
    names
}

/// The probe's error: it stops deserialisation once the names are read (nothing allocated).
#[derive(Debug)]
pub(super) struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stop")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Stop {
        Stop
    }
}

/// A problem with a risk assessment: where (a path into the document, like
/// `risks[2].analysis.likelihood`) and what (a [`Code`], with the message's `args`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{path}: {code}")]
pub struct Problem {
    pub path: String,
    pub code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub(super) fn new(path: impl Into<String>, code: Code) -> Problem {
        Problem {
            path: path.into(),
            code,
            args: Vec::new(),
        }
    }

    /// The translation key and arguments of the message.
    pub fn message_parts(&self) -> (String, Vec<(&'static str, &str)>) {
        let args = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        (format!("risk-problem-{}", self.code), args)
    }

    /// For a problem inside one risk (`risks[n]…`): the risk's position in the document and
    /// the rest of the path within it (`analysis.likelihood`; empty for the risk itself).
    pub fn in_risk(&self) -> Option<(usize, &str)> {
        let rest = self.path.strip_prefix("risks[")?;
        let (n, rest) = rest.split_once(']')?;
        let n = n.parse().ok()?;
        match rest {
            "" => Some((n, "")),
            _ => rest.strip_prefix('.').map(|r| (n, r)),
        }
    }

    pub(super) fn arg(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_serde_names() {
        let codes: Vec<Code> = Code::ALL.into_iter().collect();
        assert_eq!(codes.len(), 23);
        assert_eq!(codes[0], Code::Empty);
        assert_eq!(codes[22], Code::TooLong);
        for code in codes {
            let json = serde_json::to_value(code).unwrap();
            assert_eq!(json.as_str(), Some(code.as_str()));
            assert_eq!(serde_json::from_value::<Code>(json).unwrap(), code);
        }
        assert_eq!(Code::ScaleSize.to_string(), "scale-size");
        assert_eq!(Code::UnknownInfoType.as_str(), "unknown-info-type");
    }

    #[test]
    fn zones_and_decisions_are_serde_names() {
        use crate::risk::{Decision, Zone};
        for z in Zone::ALL {
            assert_eq!(serde_json::to_value(z).unwrap().as_str(), Some(z.as_str()));
        }
        assert_eq!(Zone::Unacceptable.as_str(), "unacceptable");
        for d in [
            Decision::Reduce,
            Decision::Accept,
            Decision::Avoid,
            Decision::Share,
        ] {
            assert_eq!(serde_json::to_value(d).unwrap().as_str(), Some(d.as_str()));
        }
        assert_eq!(Decision::Share.as_str(), "share");
    }
}
