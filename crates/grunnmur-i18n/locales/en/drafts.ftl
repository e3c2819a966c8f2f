# Catalog drafts in the web application (issue 14): drafts, entries, proposals, consultation.

ui-nav-drafts = Catalog drafts
ui-draft-notice-proposed = The change was sent as a proposal to the owner's editors. It enters the draft when they accept it.
ui-draft-title = Catalog draft
ui-draft-title-of = { $catalog }, version { $version }
ui-draft-state-open = Being written
ui-draft-state-consultation = In consultation until { $closes }
ui-draft-state-consulted = Consultation ended { $closes }
ui-draft-state-published = Published
ui-draft-section-requirements = Legal requirements
ui-draft-section-activities = Governance activities
ui-draft-section-info_types = Information types
ui-draft-section-tasks = Tasks
ui-draft-section-measures = Measures
ui-draft-section-profiles = Sector profiles
ui-draft-kind-added = New entry
ui-draft-kind-removed = Removed
ui-draft-kind-changed = Changed
ui-draft-change-applied = Made
ui-draft-change-proposed = Proposed, waiting for the owner
ui-draft-change-accepted = Proposal accepted
ui-draft-change-rejected = Proposal rejected
ui-draft-decided-accepted = Accepted by { $who } { $when }: { $reason }
ui-draft-decided-rejected = Rejected by { $who } { $when }: { $reason }
ui-draft-outcome-accepted = Taken into account
ui-draft-outcome-partly = Partly taken into account
ui-draft-outcome-rejected = Not taken into account
ui-draft-answered-by = Answered by { $who } { $when }
ui-draft-approved-by = Approved by { $who } { $when }
ui-draft-created-by = Begun by { $who } { $when }
ui-draft-required = Fill in this field.
ui-draft-problem-at = { $file }, line { $line }: { $message }
ui-draft-yaml-invalid = The YAML cannot be read (line { $line }): { $message }

# The list of drafts
ui-draft-list-title = Catalog drafts
ui-draft-list-intro = A draft is the catalog's next version while the guidance bodies write it together. Editors change their own entries and propose changes to others'; during the consultation round every public body can read the draft, see what it changes for them, and comment.
ui-draft-find = Search the drafts
ui-draft-list-count = { $n ->
    [one] One draft
   *[other] { $n } drafts
}
ui-draft-list-caption = The drafts you can read, newest first
ui-draft-col-draft = Draft
ui-draft-col-catalog = Catalog
ui-draft-col-base = Base and new version
ui-draft-col-version = New version
ui-draft-col-state = State
ui-draft-col-closes = Last day for comments
ui-draft-col-created = Begun
ui-draft-col-created-by = Begun by
ui-draft-base-to = { $base } → { $version }
ui-draft-new = Begin a new draft
ui-draft-new-intro = The draft starts as a copy of a published version of the catalog and gets the new version number.
ui-draft-no-release = No version of the catalog has been published yet, so there is nothing to begin from.
ui-draft-field-base = Begin from version
ui-draft-hint-base = A published version of the catalog.
ui-draft-base-option = { $catalog }, version { $version }
ui-draft-base-unknown = This version has not been published.
ui-draft-field-version = New version
ui-draft-hint-version = For example 2025.2. Letters, digits, dots and hyphens.
ui-draft-create = Begin the draft

# One draft
ui-draft-back-list = Back to the catalog drafts
ui-draft-entries-link = All entries of the draft
ui-draft-files-link = Download the draft as catalog files (zip)
ui-draft-impact-for = What changes for { $body }
ui-draft-readiness = Where the draft stands
ui-draft-owners-caption = Owners with changed entries
ui-draft-col-owner = Owner
ui-draft-col-changed = Changed entries
ui-draft-col-approval = Approval
ui-draft-not-approved = Not approved
ui-draft-no-changes = No changes yet.
ui-draft-open-proposals = { $n ->
    [one] One proposal waits for a decision
   *[other] { $n } proposals wait for a decision
}
ui-draft-unanswered-count = { $n ->
    [one] One comment has no answer
   *[other] { $n } comments have no answer
}
ui-draft-approve = Approve the draft
ui-draft-approve-hint = You approve the draft as it is now, for each owner you edit whose entries changed. A new change needs a new approval.
ui-draft-ready = The draft can be published.
ui-draft-not-ready = The draft cannot be published yet:
ui-draft-block-nothing = no entry has changed
ui-draft-block-approval = waiting for the approval of { $owners }
ui-draft-block-proposals = { $n ->
    [one] one proposal is undecided
   *[other] { $n } proposals are undecided
}
ui-draft-block-comments = { $n ->
    [one] one comment has no answer
   *[other] { $n } comments have no answer
}
ui-draft-block-round = the consultation round is not over
ui-draft-publish = Publish as a new version
ui-draft-publish-refused = The draft could not be published. See what is missing under "Where the draft stands".
ui-draft-consultation = Consultation round
ui-draft-consultation-intro = During the consultation round everyone signed in, in every public body, can read the draft, see what it changes for their body and comment on its entries. Comments can be made until the last day, inclusive.
ui-draft-field-closes = Last day for comments
ui-draft-closes-invalid = Choose a date from today on.
ui-draft-open-round = Open the consultation round
ui-draft-move-round = Change the last day
ui-draft-proposals = Proposals waiting
ui-draft-proposals-intro = Changes to entries owned by others than the person who changed them. The owner's editors accept or reject them with a reason.
ui-draft-proposed-by = Proposed by { $who } to { $owner }
ui-draft-reason-was = Reason: { $reason }
ui-draft-decision-reason = Reason for the decision
ui-draft-accept = Accept
ui-draft-reject = Reject
ui-draft-changes = Changes
ui-draft-changes-caption = { $n ->
    [one] One change, oldest first
   *[other] { $n } changes, oldest first
}
ui-draft-col-entry = Entry
ui-draft-col-change = Change
ui-draft-col-reason = Reason
ui-draft-col-by = By
ui-draft-value-old = before:
ui-draft-value-new = after:
ui-draft-comments = Comments
ui-draft-comments-editor = Every comment of the consultation round. The owner's editors answer the comments on their entries.
ui-draft-comments-member = Your body's comments, with the answers.
ui-draft-no-comments = No comments yet.
ui-draft-comment-from = From { $body } { $when }
ui-draft-answer-outcome = Answer ({ $outcome }):
ui-draft-unanswered = Not answered yet.
ui-draft-answer = Answer
ui-draft-outcome = Outcome
ui-draft-send-answer = Send the answer
ui-draft-comment-new = Comment
ui-draft-field-body = Comment from
ui-draft-field-entry = Entry
ui-draft-choose-entry = Choose an entry
ui-draft-field-comment = Comment
ui-draft-send-comment = Send the comment
ui-draft-entry-unknown = The draft has no such entry.

# The entries
ui-draft-entries-title = Entries
ui-draft-entries-of = The entries of { $draft }
ui-draft-back-draft = Back to { $draft }
ui-draft-find-entry = Search by name, id or owner
ui-draft-new-in = New entry in "{ $section }"
ui-draft-section-empty = The draft has no entries here.
ui-draft-none-found = No entries here match the search.
ui-draft-entries-caption = { $section }: { $n ->
    [one] one entry
   *[other] { $n } entries
}
ui-draft-col-section = Part of the catalog
ui-draft-col-id = Id
ui-draft-col-name = Name

# One entry
ui-draft-entry-title = Entry
ui-draft-new-entry = New entry
ui-draft-back-entries = Back to the entries of { $draft }
ui-draft-owned-by = owned by { $owner }
ui-draft-proposal-note = You are not an editor for { $owner }. What you save becomes a proposal that their editors accept or reject.
ui-draft-lang-nb = Norwegian Bokmål
ui-draft-lang-en = English
ui-draft-row-nb = Row { $n }, Bokmål
ui-draft-row-en = Row { $n }, English
ui-draft-row-new-nb = New row, Bokmål
ui-draft-row-new-en = New row, English
ui-draft-choose-none = Not given
ui-draft-applies-alle = All public bodies
ui-draft-applies-stat = State agencies
ui-draft-applies-kommune = Municipalities
ui-draft-applies-fylkeskommune = County authorities
ui-draft-applies-sector = Sector: { $sector }
ui-draft-pd-none = No personal data
ui-draft-pd-ordinary = Personal data
ui-draft-pd-special = Special categories of personal data
ui-draft-field-id = Id
ui-draft-field-activity = Governance activity
ui-draft-field-owner = Owner
ui-draft-field-name = Name
ui-draft-field-source = Source
ui-draft-field-description = Description
ui-draft-field-out_of_scope = Outside the catalog's scope
ui-draft-field-recommendations = Recommendations
ui-draft-field-levels = Recommended consequence levels
ui-draft-field-rationale = Rationale for the levels
ui-draft-field-personal_data = Personal data
ui-draft-field-requirements = Legal requirements
ui-draft-field-applies_to = Applies to
ui-draft-field-info_types = Information types
ui-draft-field-steps = Steps
ui-draft-field-statement = What the measure requires
ui-draft-field-guidance = Guidance
ui-draft-field-level = Baseline level
ui-draft-field-protects = Protects
ui-draft-field-scope = Applies at
ui-draft-field-purpose = Purpose
ui-draft-field-kind = Kind
ui-draft-field-required_by = Required by legal requirements
ui-draft-field-evidence = Evidence that the measure is in place
ui-draft-field-refs = References
ui-draft-field-params = Parameters
ui-draft-field-profile_only = Only in sector profiles
ui-draft-field-add = Measures the profile adds
ui-draft-field-level_overrides = Changed baseline levels
ui-draft-field-reason = Reason for the change
ui-draft-field-yaml = The entry as YAML
ui-draft-field-remove-reason = Reason for removing the entry
ui-draft-hint-id-requirements = For example krav.personvern. Cannot be changed later.
ui-draft-hint-id-info_types = For example hr.personalmappe. Cannot be changed later.
ui-draft-hint-id-tasks = For example kommune.skole. Cannot be changed later.
ui-draft-hint-id-measures = For example m.tilgang. Cannot be changed later.
ui-draft-hint-id-profiles = For example p.helse. Cannot be changed later.
ui-draft-hint-pick = Choose several with Ctrl (Cmd on a Mac) or Shift.
ui-draft-hint-rows = One text per row. The empty row at the bottom adds one; empty a row to remove it.
ui-draft-hint-yaml-refs = Frameworks and clauses, for example "iso27002: ["5.15"]". Empty for none.
ui-draft-hint-yaml-params = Name and value, for example "retention_days: 90". Empty for none.
ui-draft-hint-yaml-level-overrides = Measure and new baseline level, for example "m.logg: 2". Empty for none.
ui-draft-hint-reason = Why the change is made. It stays with the change and appears in the release notes.
ui-draft-hint-yaml = The whole entry as it is written in the catalog file.
ui-draft-hint-remove = Whatever refers to the entry must be changed first; otherwise you are shown what.
ui-draft-add-entry = Add the entry
ui-draft-save-entry = Save the change
ui-draft-as-yaml = Edit as YAML
ui-draft-remove = Remove the entry
ui-draft-remove-button = Remove the entry from the draft
ui-draft-id-taken = The draft already has an entry with the id { $id }.
ui-draft-answer-there = Answer the comment on the draft's page
ui-draft-history = History
ui-draft-history-none = The entry has not changed in this draft.
ui-draft-history-caption = { $n ->
    [one] One change, newest first
   *[other] { $n } changes, newest first
}
ui-draft-entry-changed = Someone else changed the entry after you opened the form. See the history below, and save again if your change should still be made.
ui-draft-record-link = The version's record: the changes and the consultation's answers
