//! Problems found in catalog and body files, each with its place. Messages are not built here:
//! a problem is a code with arguments, rendered from the translation files by the caller.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub line: u32,
    pub severity: Severity,
    #[serde(flatten)]
    pub kind: ProblemKind,
}

/// What is wrong. The code (kebab-case variant name) is the translation key, prefixed
/// `problem-`; the fields are its arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ProblemKind {
    Io {
        detail: String,
    },
    Syntax {
        detail: String,
    },
    /// The shape of an entry is wrong (wrong type, unknown key, missing key, bad enum value).
    Format {
        detail: String,
    },
    NotAMapping {
        what: String,
    },
    UnknownSection {
        section: String,
    },
    MissingHeader,
    DuplicateHeader {
        first: String,
    },
    InvalidId {
        section: String,
        id: String,
    },
    DuplicateId {
        section: String,
        id: String,
        first: String,
    },
    UnknownReference {
        section: String,
        id: String,
        target: String,
        reference: String,
    },
    MissingText {
        section: String,
        id: String,
        field: String,
        lang: String,
    },
    EmptyList {
        section: String,
        id: String,
        field: String,
    },
    InvalidApplicability {
        section: String,
        id: String,
        value: String,
    },
    InvalidBaseline {
        id: String,
        value: i64,
    },
    ProfileMovesLater {
        profile: String,
        measure: String,
        from: u8,
        to: u8,
    },
    ProfileRemoves {
        profile: String,
    },
    ProfileAddsBaselineMeasure {
        profile: String,
        measure: String,
    },
    UnusedInfoType {
        id: String,
    },
    UnreachableMeasure {
        id: String,
    },
    DuplicateName {
        section: String,
        id: String,
        name: String,
        other: String,
    },
    MissingActivity {
        activity: String,
    },
    FewRecommendations {
        activity: String,
        count: usize,
    },
    /// An entry without `owner` in a catalog checked as new.
    MissingOwner {
        section: String,
        id: String,
    },
    // Body files.
    InvalidOrgnr {
        value: String,
    },
    InvalidSector {
        value: String,
    },
    InvalidThreshold,
    InvalidReviewMonths {
        value: u32,
        max: u32,
    },
    /// `recurs` outside 1 to `max` months.
    InvalidRecurrence {
        value: u32,
        max: u32,
    },
    /// A history (`done`) longer than kept.
    TooManyDone {
        count: usize,
        max: usize,
    },
    TaskNeedsIdOrTask,
    SectorsOnAdoptedTask {
        task: String,
    },
    ClashesWithCatalog {
        section: String,
        id: String,
    },
    InfoTypeNotInTask {
        info_type: String,
        task: String,
    },
    TaskNotAdopted {
        system: String,
        task: String,
    },
    AdaptsOwnInfoType {
        task: String,
        info_type: String,
    },
    EmptyAdaptation {
        task: String,
        info_type: String,
    },
    MissingJustification {
        what: String,
    },
    InvalidDate {
        field: String,
        value: String,
    },
    SelfDependency {
        system: String,
    },
    ScopeMismatch {
        measure: String,
        scope: String,
    },
    DuplicateStatus {
        measure: String,
        scope: String,
    },
    /// A text longer than its field allows (`grunnmur_core::limits`); the text itself is not
    /// repeated.
    TooLong {
        field: String,
        chars: usize,
        max: usize,
    },
    /// More of something than a request may send (`what` is a word the message selects on:
    /// `form-fields`).
    TooMany {
        what: String,
        max: usize,
    },
    // Implementations, groups and suppliers' declarations (rules 13–14).
    /// An implementation's `covers` names none, or more than one, of its keys.
    CoversOne {
        id: String,
    },
    /// An implementation is the body's own work: not `supplier`, not `not_applicable`.
    ImplementationStatus {
        id: String,
        status: String,
    },
    DatesOutOfOrder {
        from: String,
        until: String,
    },
    /// A declaration made against another release names a measure this release lacks.
    NotInRelease {
        measure: String,
        version: String,
    },
}

impl ProblemKind {
    /// Translation key and arguments.
    pub fn message_parts(&self) -> (String, Vec<(String, String)>) {
        let v = serde_json::to_value(self).unwrap_or_default();
        let mut key = String::from("problem-");
        let mut args = Vec::new();
        if let serde_json::Value::Object(m) = v {
            for (k, v) in m {
                if k == "code" {
                    key.push_str(v.as_str().unwrap_or_default());
                } else {
                    let s = match v {
                        serde_json::Value::String(s) => s,
                        other => other.to_string(),
                    };
                    args.push((k, s));
                }
            }
        }
        (key, args)
    }
}

impl Problem {
    pub fn error(file: &str, line: u32, kind: ProblemKind) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            severity: Severity::Error,
            kind,
        }
    }

    pub fn warning(file: &str, line: u32, kind: ProblemKind) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, line, kind)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts problems by file and line, errors first on the same line.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.severity).cmp(&(b.file.as_str(), b.line, b.severity))
    });
}
