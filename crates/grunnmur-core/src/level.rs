//! Consequence levels, dimensions and baselines (docs/concept.md, rules 1 and 6).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Index, IndexMut};

/// Consequence level. Ordered: Lav < Middels < Høy; counts as 1, 2, 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "lav")]
    Lav = 1,
    #[serde(rename = "middels")]
    Middels = 2,
    #[serde(rename = "høy", alias = "hoy")]
    Hoy = 3,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Lav, Level::Middels, Level::Hoy];

    pub fn as_u8(self) -> u8 {
        self as u8
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Lav => "lav",
            Level::Middels => "middels",
            Level::Hoy => "høy",
        }
    }

    /// The name in ASCII, for message keys and class names (`hoy` for `høy`).
    pub fn ascii(self) -> &'static str {
        match self {
            Level::Lav => "lav",
            Level::Middels => "middels",
            Level::Hoy => "hoy",
        }
    }

    /// The name, or its ASCII spelling (`hoy`).
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == s || l.ascii() == s)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Confidentiality, integrity, availability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    C = 0,
    I = 1,
    A = 2,
}

impl Dimension {
    pub const ALL: [Dimension; 3] = [Dimension::C, Dimension::I, Dimension::A];

    pub const fn as_str(self) -> &'static str {
        match self {
            Dimension::C => "c",
            Dimension::I => "i",
            Dimension::A => "a",
        }
    }

    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.as_str() == s)
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One level per dimension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    pub c: Level,
    pub i: Level,
    pub a: Level,
}

impl Levels {
    pub const LOWEST: Levels = Levels::uniform(Level::Lav);

    pub const fn uniform(l: Level) -> Levels {
        Levels { c: l, i: l, a: l }
    }

    pub fn new(c: Level, i: Level, a: Level) -> Levels {
        Levels { c, i, a }
    }

    /// The highest of the three levels (high-water mark).
    pub fn max_level(&self) -> Level {
        self.c.max(self.i).max(self.a)
    }

    /// Index 0..27 of this combination, for tables keyed by level triples.
    pub fn code(&self) -> usize {
        (self.c as usize - 1) * 9 + (self.i as usize - 1) * 3 + (self.a as usize - 1)
    }
}

impl Index<Dimension> for Levels {
    type Output = Level;
    fn index(&self, d: Dimension) -> &Level {
        match d {
            Dimension::C => &self.c,
            Dimension::I => &self.i,
            Dimension::A => &self.a,
        }
    }
}

impl IndexMut<Dimension> for Levels {
    fn index_mut(&mut self, d: Dimension) -> &mut Level {
        match d {
            Dimension::C => &mut self.c,
            Dimension::I => &mut self.i,
            Dimension::A => &mut self.a,
        }
    }
}

/// Levels where each dimension may be left out (an adaptation that changes only some).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialLevels {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub i: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a: Option<Level>,
}

impl PartialLevels {
    pub fn get(&self, d: Dimension) -> Option<Level> {
        match d {
            Dimension::C => self.c,
            Dimension::I => self.i,
            Dimension::A => self.a,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.c.is_none() && self.i.is_none() && self.a.is_none()
    }

    pub fn apply_to(&self, base: Levels) -> Levels {
        Levels {
            c: self.c.unwrap_or(base.c),
            i: self.i.unwrap_or(base.i),
            a: self.a.unwrap_or(base.a),
        }
    }
}

/// A set of dimensions (what a measure protects, which dimensions are flagged).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DimSet(u8);

impl DimSet {
    pub const EMPTY: DimSet = DimSet(0);
    pub const ALL: DimSet = DimSet(0b111);

    pub fn from_dims(dims: impl IntoIterator<Item = Dimension>) -> DimSet {
        let mut s = DimSet::EMPTY;
        for d in dims {
            s.insert(d);
        }
        s
    }

    pub fn insert(&mut self, d: Dimension) {
        self.0 |= d.bit();
    }

    pub fn contains(&self, d: Dimension) -> bool {
        self.0 & d.bit() != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Dimension> {
        Dimension::ALL
            .into_iter()
            .filter(move |d| self.contains(*d))
    }

    pub fn to_vec(self) -> Vec<Dimension> {
        self.iter().collect()
    }
}

impl Serialize for DimSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Baseline level BN1..BN3: the first baseline a measure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Baseline(u8);

impl Baseline {
    pub const BN1: Baseline = Baseline(1);
    pub const BN2: Baseline = Baseline(2);
    pub const BN3: Baseline = Baseline(3);
    pub const ALL: [Baseline; 3] = [Baseline::BN1, Baseline::BN2, Baseline::BN3];

    pub fn new(n: u8) -> Option<Baseline> {
        (1..=3).contains(&n).then_some(Baseline(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// A scope at this level reaches the baseline (level counts as its number).
    pub fn reached_by(self, level: Level) -> bool {
        level.as_u8() >= self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_and_count_as_numbers() {
        assert!(Level::Lav < Level::Middels && Level::Middels < Level::Hoy);
        assert_eq!(
            Level::ALL.map(Level::as_u8),
            [1, 2, 3],
            "lav, middels, høy count as 1, 2, 3"
        );
    }

    #[test]
    fn level_codes_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for c in Level::ALL {
            for i in Level::ALL {
                for a in Level::ALL {
                    assert!(seen.insert(Levels::new(c, i, a).code()));
                }
            }
        }
        assert_eq!(seen.len(), 27);
        assert!(seen.iter().all(|c| *c < 27));
    }

    #[test]
    fn baseline_is_reached_by_levels_at_or_above_it() {
        assert!(Baseline::BN1.reached_by(Level::Lav));
        assert!(!Baseline::BN2.reached_by(Level::Lav));
        assert!(Baseline::BN2.reached_by(Level::Middels));
        assert!(Baseline::BN3.reached_by(Level::Hoy));
        assert!(!Baseline::BN3.reached_by(Level::Middels));
        assert_eq!(Baseline::new(0), None);
        assert_eq!(Baseline::new(4), None);
    }

    #[test]
    fn level_serialises_in_bokmal() {
        assert_eq!(serde_json::to_string(&Level::Hoy).unwrap(), "\"høy\"");
        let l: Level = serde_json::from_str("\"hoy\"").unwrap();
        assert_eq!(l, Level::Hoy);
    }
}
