//! Acceptance criteria: the risk matrix, its zones and presets, and the positions in it.

use super::problem::variant_names;
use super::{Code, Problem};
use serde::{Deserialize, Serialize};

/// A zone of the acceptance criteria, ordered from mildest to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Acceptable,
    Treat,
    Unacceptable,
}

impl Zone {
    pub const ALL: [Zone; 3] = [Zone::Acceptable, Zone::Treat, Zone::Unacceptable];

    /// The zone as serde writes it (`risk-zone-<zone>` names it).
    pub fn as_str(self) -> &'static str {
        variant_names::<Zone>()[self as usize]
    }
}

/// Acceptance criteria: a zone per (likelihood, consequence) cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// `cells[likelihood - 1][consequence - 1]`.
    pub cells: Vec<Vec<Zone>>,
}

/// The matrices the product offers out of the box.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Preset {
    #[serde(rename = "3x3")]
    ThreeByThree,
    #[default]
    #[serde(rename = "5x5")]
    FiveByFive,
}

impl Preset {
    pub fn size(self) -> usize {
        match self {
            Preset::ThreeByThree => 3,
            Preset::FiveByFive => 5,
        }
    }
}

impl Matrix {
    /// Zones by the product likelihood × consequence: at most `acceptable_max` is acceptable,
    /// at most `treat_max` needs treatment, above is unacceptable. Monotone by construction.
    pub fn by_score(
        likelihood: usize,
        consequence: usize,
        acceptable_max: u32,
        treat_max: u32,
    ) -> Matrix {
        let cells = (1..=likelihood as u32)
            .map(|l| {
                (1..=consequence as u32)
                    .map(|c| match l * c {
                        s if s <= acceptable_max => Zone::Acceptable,
                        s if s <= treat_max => Zone::Treat,
                        _ => Zone::Unacceptable,
                    })
                    .collect()
            })
            .collect();
        Matrix { cells }
    }

    /// 3×3: scores 1–2 acceptable, 3–4 treat, 6–9 unacceptable. 5×5: 1–4 acceptable, 5–12
    /// treat, 15–25 unacceptable.
    pub fn preset(p: Preset) -> Matrix {
        match p {
            Preset::ThreeByThree => Matrix::by_score(3, 3, 2, 4),
            Preset::FiveByFive => Matrix::by_score(5, 5, 4, 12),
        }
    }

    /// The zone of a position; `None` outside the matrix.
    pub fn zone(&self, p: Position) -> Option<Zone> {
        let row = self.cells.get((p.likelihood as usize).checked_sub(1)?)?;
        row.get((p.consequence as usize).checked_sub(1)?).copied()
    }

    /// Shape (`likelihood` rows of `consequence` cells) and monotonicity: each cell is at least
    /// its neighbour below in likelihood and its neighbour to the left in consequence.
    pub(super) fn check(&self, likelihood: usize, consequence: usize, out: &mut Vec<Problem>) {
        let shape_ok =
            self.cells.len() == likelihood && self.cells.iter().all(|r| r.len() == consequence);
        if !shape_ok {
            out.push(
                Problem::new("frame.acceptance.cells", Code::MatrixShape)
                    .arg("likelihood", likelihood)
                    .arg("consequence", consequence),
            );
            return;
        }
        for l in 0..likelihood {
            for c in 0..consequence {
                let z = self.cells[l][c];
                let below = l > 0 && self.cells[l - 1][c] > z;
                let left = c > 0 && self.cells[l][c - 1] > z;
                if below || left {
                    out.push(
                        Problem::new(
                            format!("frame.acceptance.cells[{l}][{c}]"),
                            Code::MatrixNotMonotone,
                        )
                        .arg("likelihood", l + 1)
                        .arg("consequence", c + 1),
                    );
                }
            }
        }
    }
}

/// A cell of the matrix: a likelihood and a consequence step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub likelihood: u8,
    pub consequence: u8,
}

impl Position {
    /// Likelihood × consequence: the order of risks within a zone.
    pub fn score(self) -> u32 {
        u32::from(self.likelihood) * u32::from(self.consequence)
    }
}
