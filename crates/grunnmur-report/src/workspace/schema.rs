//! The sheets of a workspace workbook and their columns: the body file's keys, with the type
//! and closed vocabulary of every column.

use grunnmur_core::catalog::OrgKind;
use grunnmur_core::level::{Dimension, Level};
use grunnmur_core::workspace::{DependencyKind, SelectionMode, Status};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Id,
    Text,
    Int,
    Date,
    /// One of a closed vocabulary (a drop-down list in the workbook).
    Enum(Vocab),
    IdList,
    Lines,
    Orgnr,
}

/// The closed vocabularies of the workbook, spelled as their types spell them.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Vocab {
    OrgKind,
    Selection,
    Dependency,
    Status,
    Level,
    /// What an implementation covers: the keys of `covers` in a body file.
    Covers,
}

/// Columns whose empty cell means "none": a system or the body with no suppliers' services. A
/// workbook without the column (written before it existed) keeps the base's links.
pub(super) const EMPTY_IS_NONE: [&str; 1] = ["services"];

impl Vocab {
    pub fn allowed(self) -> Vec<&'static str> {
        fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|&x| name(x)).collect()
        }
        match self {
            Vocab::OrgKind => names(&OrgKind::ALL, OrgKind::as_str),
            Vocab::Selection => names(&SelectionMode::ALL, SelectionMode::as_str),
            Vocab::Dependency => names(&DependencyKind::ALL, DependencyKind::as_str),
            Vocab::Status => names(&Status::ALL, Status::as_str),
            Vocab::Level => names(&Level::ALL, Level::as_str),
            Vocab::Covers => grunnmur_catalog::body::CoversDoc::KINDS.to_vec(),
        }
    }

    /// A level may be written in ASCII too (`hoy`).
    pub fn accepts(self, s: &str) -> bool {
        match self {
            Vocab::Level => Level::parse(s).is_some(),
            _ => self.allowed().contains(&s),
        }
    }
}

pub(super) struct Col {
    pub key: &'static str,
    pub kind: Kind,
    /// The column must be there (its cells may still be optional).
    pub required: bool,
}

const fn col(key: &'static str, kind: Kind, required: bool) -> Col {
    Col {
        key,
        kind,
        required,
    }
}

pub(super) struct Sheet {
    pub name: &'static str,
    pub cols: &'static [Col],
}

const LEVEL: Kind = Kind::Enum(Vocab::Level);
const C: &str = Dimension::C.as_str();
const I: &str = Dimension::I.as_str();
const A: &str = Dimension::A.as_str();

pub(super) const ORG: Sheet = Sheet {
    name: "org",
    cols: &[
        col("orgnr", Kind::Orgnr, true),
        col("name", Kind::Text, true),
        col("kind", Kind::Enum(Vocab::OrgKind), true),
        col("sectors", Kind::IdList, false),
        col("selection", Kind::Enum(Vocab::Selection), false),
        col("cumulation_threshold", Kind::Int, false),
        col("review_months", Kind::Int, false),
        col("services", Kind::IdList, false),
    ],
};
pub(super) const TASKS: Sheet = Sheet {
    name: "tasks",
    cols: &[
        col("task", Kind::Id, true),
        col("id", Kind::Id, true),
        col("name", Kind::Text, false),
        col("info_types", Kind::IdList, false),
        col("sectors", Kind::IdList, false),
    ],
};
pub(super) const OVERRIDES: Sheet = Sheet {
    name: "overrides",
    cols: &[
        col("task", Kind::Id, true),
        col("info_type", Kind::Id, true),
        col(C, LEVEL, true),
        col(I, LEVEL, true),
        col(A, LEVEL, true),
        col("justification", Kind::Text, true),
    ],
};
pub(super) const INFO_TYPES: Sheet = Sheet {
    name: "info_types",
    cols: &[
        col("id", Kind::Id, true),
        col("name", Kind::Text, true),
        col(C, LEVEL, true),
        col(I, LEVEL, true),
        col(A, LEVEL, true),
        col("rationale", Kind::Text, false),
    ],
};
pub(super) const SYSTEMS: Sheet = Sheet {
    name: "systems",
    cols: &[
        col("id", Kind::Id, true),
        col("name", Kind::Text, true),
        col("services", Kind::IdList, false),
    ],
};
pub(super) const MAPPING: Sheet = Sheet {
    name: "task_mapping",
    cols: &[
        col("system", Kind::Id, true),
        col("task", Kind::Id, true),
        col("info_types", Kind::IdList, false),
    ],
};
pub(super) const DEPENDENCIES: Sheet = Sheet {
    name: "dependencies",
    cols: &[
        col("system", Kind::Id, true),
        col("depends_on", Kind::Id, true),
        col("kind", Kind::Enum(Vocab::Dependency), true),
    ],
};
pub(super) const STATUS: Sheet = Sheet {
    name: "measure_status",
    cols: &[
        col("measure", Kind::Id, true),
        col("system", Kind::Id, true),
        col("status", Kind::Enum(Vocab::Status), true),
        col("owner", Kind::Text, false),
        col("due", Kind::Date, false),
        col("justification", Kind::Text, false),
        col("evidence", Kind::Lines, false),
        col("valid_until", Kind::Date, false),
    ],
};

pub(super) const GROUPS: Sheet = Sheet {
    name: "groups",
    cols: &[
        col("id", Kind::Id, true),
        col("name", Kind::Text, true),
        col("systems", Kind::IdList, false),
    ],
};
pub(super) const IMPLEMENTATIONS: Sheet = Sheet {
    name: "implementations",
    cols: &[
        col("id", Kind::Id, true),
        col("name", Kind::Text, true),
        col("measures", Kind::IdList, true),
        col("covers", Kind::Enum(Vocab::Covers), true),
        col("targets", Kind::IdList, false),
        col("status", Kind::Enum(Vocab::Status), true),
        col("owner", Kind::Text, false),
        col("due", Kind::Date, false),
        col("justification", Kind::Text, false),
        col("evidence", Kind::Lines, false),
    ],
};

pub(super) const SHEETS: [&Sheet; 10] = [
    &ORG,
    &TASKS,
    &OVERRIDES,
    &INFO_TYPES,
    &SYSTEMS,
    &MAPPING,
    &DEPENDENCIES,
    &STATUS,
    &GROUPS,
    &IMPLEMENTATIONS,
];
pub(super) const README: &str = "readme";

/// The sheet a workbook's sheet name stands for.
pub(super) fn sheet_key(name: &str) -> Option<&'static Sheet> {
    let n = name.trim().to_lowercase();
    SHEETS.into_iter().find(|s| s.name == n)
}
