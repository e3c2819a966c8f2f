//! Catalog drafts as stored: the draft, its changes (applied, or proposals waiting for the
//! owner), the consultation round's comments and the owners' approvals. What a change means
//! for the catalog's files is decided above the store (`grunnmur_catalog::draft`); the store
//! keeps the files, the record and the revision that orders them.

use serde::Serialize;

/// A draft without its files ([`crate::Storage::draft_sources`] reads them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DraftRow {
    pub id: i64,
    pub catalog_id: String,
    /// The release the draft began from.
    pub base_version: String,
    /// The version it is published as.
    pub version: String,
    /// Raised by every change to the files; approvals are of one revision.
    pub rev: i64,
    /// `open` or `published`.
    pub state: String,
    /// The consultation round's last day (`YYYY-MM-DD`), once a round is opened.
    pub closes: Option<String>,
    pub created_at: i64,
    pub created_by: String,
    pub published_at: Option<i64>,
}

impl DraftRow {
    pub fn is_published(&self) -> bool {
        self.state == "published"
    }
}

/// What a change does to a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeState {
    /// Made by an editor of the entry's owner: in the files at once.
    Applied,
    /// Made by someone else: waits for an editor of the owner.
    Proposed,
    Accepted,
    Rejected,
}

impl ChangeState {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeState::Applied => "applied",
            ChangeState::Proposed => "proposed",
            ChangeState::Accepted => "accepted",
            ChangeState::Rejected => "rejected",
        }
    }
}

/// One change to one entry of a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DraftChangeRow {
    pub id: i64,
    pub draft_id: i64,
    pub section: String,
    pub entry_id: String,
    /// The owner of the entry changed (for a new entry, the owner it names).
    pub owner: String,
    /// The entry as JSON after the change; `None` removes it.
    pub entry: Option<String>,
    /// The entry as JSON when the change was made; `None` for a new entry.
    pub before: Option<String>,
    pub reason: String,
    /// `applied`, `proposed`, `accepted` or `rejected` ([`ChangeState`]).
    pub state: String,
    pub author: String,
    pub created_at: i64,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    /// The reason given for accepting or rejecting a proposal.
    pub decision: Option<String>,
}

/// A change to record: with `sources`, the draft's files after it (an applied change); without,
/// a proposal that leaves the files as they are.
pub struct DraftChange<'a> {
    pub draft_id: i64,
    /// The revision the change was made against: the files are written only onto it.
    pub rev: i64,
    pub sources: Option<&'a str>,
    pub section: &'a str,
    pub entry_id: &'a str,
    pub owner: &'a str,
    pub entry: Option<&'a str>,
    pub before: Option<&'a str>,
    pub reason: &'a str,
}

/// A decision on a proposal: accepted with the draft's files after it, or rejected.
pub struct Decision<'a> {
    pub draft_id: i64,
    pub change_id: i64,
    pub rev: i64,
    /// `Some` accepts (the files with the proposal applied), `None` rejects.
    pub sources: Option<&'a str>,
    pub reason: &'a str,
}

/// A comment in a consultation round, from a member of a body, with the editors' answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DraftCommentRow {
    pub id: i64,
    pub draft_id: i64,
    pub orgnr: String,
    /// `<section>/<entry id>`.
    pub entry: String,
    pub text: String,
    pub author: String,
    pub created_at: i64,
    pub answer: Option<String>,
    /// `accepted`, `partly` or `rejected`.
    pub outcome: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<i64>,
}

/// An owner's approval of a draft at one revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct DraftApprovalRow {
    pub draft_id: i64,
    pub owner: String,
    pub rev: i64,
    pub approved_by: String,
    pub approved_at: i64,
}
