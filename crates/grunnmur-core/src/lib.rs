//! The Grunnmur engine. Given the shared catalog and one public body's workspace, it derives
//! consequence levels, required measures, deviations and the risk-assessment-needed list, each
//! with the trail that explains it (docs/concept.md, rules 1-16).
//!
//! Pure: no IO, no clock, no web or database types. The caller passes "today".

pub mod calibration;
pub mod catalog;
pub mod date;
pub mod derive;
pub mod effective;
pub mod explain;
pub mod impact;
pub mod level;
pub mod limits;
pub mod national;
pub mod plan;
pub mod reach;
pub mod recur;
pub mod report;
pub mod risk;
pub mod workspace;

pub use catalog::Catalog;
pub use date::Date;
pub use derive::{Assessment, assess};
pub use level::{Baseline, DimSet, Dimension, Level, Levels};
pub use workspace::Workspace;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod testkit;
