# The web application (server-rendered pages).

# Each language's name in itself, the same in all three files.
ui-lang-nb = Norsk bokmål
ui-lang-nn = Norsk nynorsk
ui-lang-en = English
ui-lang-label = Language
ui-skip = Skip to main content
ui-tagline = shared security in the public sector
ui-logout = Sign out
ui-nav-label = Main menu
ui-nav-dashboard = Overview
ui-nav-tasks = Tasks
ui-nav-adapt = Adapt levels
ui-nav-systems = Systems
ui-nav-measures = Measures
ui-nav-settings = Settings
ui-nav-members = Members
ui-nav-audit = Change log
ui-nav-catalog = Catalog
ui-nav-bodies = Bodies
ui-nav-accessibility = Accessibility statement
ui-saved = The change has been saved.
ui-save = Save
ui-back = Back
ui-back-systems = Back to the systems
ui-change = Change
ui-why = Why?
ui-set-status = Set status
ui-own = Own
ui-from-catalog = From the catalog
ui-prev = Previous page
ui-next = Next page
ui-scroll = Content that scrolls sideways
ui-pages = Pages
ui-error-title = The page cannot be shown
ui-error-home = To the front page
ui-form-problems = The form has problems to correct
ui-field-required = { $field } is required.
ui-date-invalid = “{ $value }” is not a date. Type it as yyyy-mm-dd or dd.mm.yyyy.

ui-login-title = Sign in
ui-login-intro = Sign in with the email address and password of your Grunnmur account.
ui-login-email = Email address
ui-login-password = Password
ui-login-submit = Sign in
ui-login-oidc = Sign in with your organisation's login
ui-login-failed = Wrong email address or password.
ui-login-too-many = Too many failed attempts. Wait { $seconds } { $seconds ->
        [one] second
       *[other] seconds
    } and try again.
ui-oidc-continue-title = You are signed in
ui-oidc-continue = Continue
ui-oidc-expired = The sign-in was not completed in time, or it was started elsewhere. Please try again.
ui-oidc-refused = Your organisation's login cancelled or refused the sign-in. Try again, or contact support.
ui-oidc-unavailable = Your organisation's login service is not answering right now. Try again shortly.
ui-oidc-no-email = The login service gave no verified email address, so your account cannot be found. Contact your administrator.
ui-oidc-link-refused = The account with this email address cannot be linked to your sign-in automatically. Contact your administrator.

ui-bodies-title = Choose a body
ui-bodies-none = You are not a member of any body yet. Ask an administrator for access.
ui-bodies-caption = The bodies you have access to
ui-role-admin = Administrator
ui-role-editor = Editor
ui-role-reader = Reader

ui-col-name = Name
ui-col-orgnr = Organisation number
ui-col-kind = Kind
ui-col-role = Role
ui-col-object = Concerns
ui-col-reasons = Why
ui-col-select = Select
ui-col-source = Source
ui-col-info-types = Information types
ui-col-info-type = Information type
ui-col-systems = Systems
ui-col-tasks = Tasks
ui-col-task = Task
ui-col-recommended = Recommended
ui-col-chosen = Chosen
ui-col-justification = Justification
ui-col-action = Action
ui-col-depends-on = Depends on
ui-col-required = Required measures
ui-col-measure = Measure
ui-col-param = Parameter
ui-col-value = Value
ui-col-set-by = Set by
ui-col-time = Time
ui-col-actor = By
ui-col-hash = Chain hash
ui-col-id = Id
ui-col-applies-to = Applies to
ui-col-rationale = Rationale for the levels
ui-col-protects = Protects
ui-col-scope = Scope
ui-col-area = Impact area

ui-dashboard-title = Overview
ui-dashboard-intro = Where the body stands on the three questions, and what needs attention now.
ui-questions-title = The three questions
ui-q1 = Which tasks do we deliver, and what information do they process?
ui-q1-detail = { $tasks } { $tasks ->
        [one] task
       *[other] tasks
    } chosen. { $systems } { $systems ->
        [one] system
       *[other] systems
    }, { $mapped } of them mapped to tasks.
ui-q1-link = Choose tasks and map them to systems
ui-q2 = How severe could an incident be?
ui-q2-detail = The levels follow the catalog's recommendations with { $deviations } { $deviations ->
        [one] deviation
       *[other] deviations
    }.
ui-q2-link = See and adapt the levels
ui-q3 = Which measures should we have?
ui-q3-detail = { $in_place } of { $required } required { $required ->
        [one] measure is
       *[other] measures are
    } in place.
ui-q3-link = See and follow up the measures
ui-state-done = Done
ui-state-todo = To do
ui-levels-title = The body's levels
ui-levels-caption = The highest level of confidentiality, integrity and availability among the body's tasks
ui-attention-title = Needs attention now
ui-attention-overdue = Overdue measures: { $n }
ui-attention-deviations = Deviations from recommended levels: { $n }
ui-attention-cumulation = Systems with cumulation: { $n }
ui-attention-undocumented = Implemented without evidence (undocumented): { $n }
ui-attention-none = Nothing needs a risk assessment now.
ui-attention-caption = A risk assessment is needed here, most important first
ui-attention-more = …and { $n } more.
ui-progress-title = Progress
ui-grid-title = The systems' levels
ui-grid-svg-title = Levels of { $n } { $n ->
        [one] system
       *[other] systems
    }

ui-tasks-title = Overview and priorities
ui-tasks-intro = Choose the tasks the body delivers. Each task brings the information types it processes and their recommended levels. Add your own tasks and information types where the catalog does not cover you.
ui-tasks-chosen = Chosen tasks
ui-tasks-chosen-caption = The tasks the body has chosen, with the levels they give
ui-tasks-none = No tasks have been chosen yet.
ui-tasks-select = Select { $name }
ui-tasks-remove = Remove selected tasks
ui-tasks-suggested = Suggestions from the catalog
ui-tasks-suggested-intro = The tasks the catalog suggests for the body's kind and sectors.
ui-tasks-show-all = Show every task in the catalog
ui-tasks-all-shown = Every task in the catalog is shown.
ui-tasks-show-suggested = Show the suggestions only
ui-tasks-no-suggestions = Every suggested task has been chosen already.
ui-tasks-pick = Tasks to add
ui-tasks-add = Add selected tasks
ui-n-info-types = { $n } { $n ->
        [one] information type
       *[other] information types
    }
ui-tasks-own-title = Add a task of your own
ui-tasks-own-add = Add the task
ui-info-own-title = Add an information type of your own
ui-info-own-add = Add the information type
ui-field-task_id = Task id
ui-field-task_name = Task name
ui-field-task_info = Information types the task processes
ui-field-info_id = Information type id
ui-field-info_name = Information type name
ui-field-info_rationale = Rationale for the levels
ui-field-id = Id
ui-field-name = Name
ui-hint-id = Lower-case letters, digits and hyphens, for example “own-archive”.
ui-hint-info-ids = The ids of the information types, separated by commas.
ui-requirements-title = Requirements that follow from the tasks
ui-requirements-intro = Acts and regulations that apply to the tasks and information you have chosen:
ui-requirements-none = No requirements are linked to the chosen tasks.

ui-adapt-title = Adapt the levels
ui-adapt-intro = The catalog recommends levels for each information type. You may choose other levels with a justification. Lowering a level below the recommendation means the task needs a risk assessment.
ui-adapt-caption = Information types in { $task }
ui-adapt-no-info = The task has no information types.
ui-adapt-lowered = lowered
ui-adapt-adapted = adapted
ui-adapt-edit-title = Adapt the levels of an information type
ui-adapt-lowering-note = Choose the levels that fit you. A level below the recommendation puts the task on the list of what needs a risk assessment.
ui-adapt-lowered-now = At least one level is now below the recommendation, so the task needs a risk assessment.
ui-adapt-justification-hint = Required when a level differs from the recommendation.
ui-adapt-justification-required = Write a justification when a level differs from the recommendation.
ui-adapt-level-invalid = Choose low, moderate or high.

ui-systems-title = Systems
ui-systems-intro = Systems inherit their levels from the information they process and from the systems that depend on them.
ui-systems-none = No systems have been registered yet.
ui-systems-caption = The systems with their derived levels
ui-systems-new = Register a system
ui-systems-create = Register the system
ui-systems-id-taken = A system with id “{ $id }” exists already.
ui-graph-title = Dependencies between the systems
ui-graph-intro = Each arrow runs from a system to what it depends on. Solid line: runs on. Dashed line: uses. The table above shows the same dependencies.
ui-graph-desc = { $systems } { $systems ->
        [one] system
       *[other] systems
    } and { $edges } { $edges ->
        [one] dependency
       *[other] dependencies
    }.
ui-system-title = System
ui-system-levels = Levels
ui-system-levels-caption = The levels from the system's own information and after inheritance through dependencies
ui-system-own-levels = From its own information
ui-system-derived-levels = Derived, with inheritance
ui-system-cumulation = Cumulation for { $dims }: the system processes many information types at the moderate level. Consider whether the combined risk calls for a higher level.
ui-why-levels = Why does the system have these levels?
ui-system-edit = Change the system
ui-system-tasks = Tasks the system supports
ui-system-deps = Dependencies
ui-dep-runs_on = runs on
ui-dep-uses = uses
ui-dep-none = No new dependency
ui-dep-add = Add a dependency on
ui-dep-kind = Kind of dependency
ui-dep-remove = Remove: { $kind } { $name }
ui-system-required = Measures required for the system
ui-system-required-none = The system has no required measures yet. Map it to tasks first.
ui-system-required-caption = { $n } required { $n ->
        [one] measure
       *[other] measures
    }
ui-system-delete-title = Delete the system
ui-system-delete-note = Deletes the system, the dependencies on it and the statuses of its measures.
ui-system-delete = Delete the system

ui-why-levels-title = Why these levels
ui-why-levels-heading = Why { $name } has these levels
ui-why-levels-intro = For each dimension: the information that sets the level, the task it belongs to, and the path through the dependencies.
ui-trail-default = Nothing raises the level, so it is the lowest.
ui-trail-source = The information type “{ $info }” of the task “{ $task }”
ui-trail-in-system = is processed in the system { $system }.
ui-trail-adapted = The recommended level was { $recommended }; the body adapted it: “{ $justification }”.
ui-trail-path = The level is inherited through:
ui-trail-step-runs_on = { $system } runs on { $on }
ui-trail-step-uses = { $system } uses { $on }
ui-why-title = Why the measure is required
ui-why-heading = Why { $measure } is required for { $place }
ui-why-selection = Selection
ui-why-profile = Profile
ui-why-added-by = Added by the profile { $profile }.
ui-why-moved-by = Moved to an earlier level by the profile { $profile }.
ui-why-sector-reach = The profile { $profile } reaches this system through the sector { $sector }: { $system } processes { $task }.
ui-why-duties = Required by a legal duty, whatever the levels
ui-why-duty-info = { $requirement }: { $info } in { $task }
ui-why-duty-task = { $requirement }: the task { $task }
ui-why-catalog-baseline = BN{ $n } in the catalog
ui-why-because = The measure is required because of:
ui-why-params = Parameters
ui-why-param-default = the catalog
ui-why-not-required = The measure is not required here with the body's current levels and profiles.
ui-selection-per-dimension = Per dimension
ui-selection-high-water-mark = Highest level (high-water mark)

ui-measures-title = Measures
ui-measures-intro = Every required measure for the body and its systems. Filter to find what you follow up.
ui-filter-label = Filter the measures
ui-filter-all = All
ui-filter-system = Concerns
ui-filter-kind = Kind of measure
ui-filter-purpose = Purpose
ui-filter-overdue = overdue
ui-filter-undocumented = implemented without evidence
ui-filter-apply = Filter
ui-measures-count = { $n } required { $n ->
        [one] measure matches
       *[other] measures match
    } the filter.
ui-measures-caption = Required measures { $from }–{ $to }
ui-kind-organisatorisk = Organisational
ui-kind-menneskelig = People
ui-kind-fysisk = Physical
ui-kind-teknologisk = Technological
ui-purpose-forebygge = Prevent
ui-purpose-oppdage = Detect
ui-purpose-handtere = Respond and recover
ui-scope-system = System
ui-scope-org = The whole body
ui-measure-edit-title = Set the status of a measure
ui-measure-not-required = The measure is not required here now. A status is stored all the same.
ui-measure-status-invalid = Choose a status from the list.
ui-measure-justification-required = Justify why the measure does not apply.
ui-field-evidence = Evidence
ui-field-valid_until = The supplier's declaration is valid until
ui-hint-date = Pick the date in the field, or type it as yyyy-mm-dd (2026-12-31) or dd.mm.yyyy (31.12.2026).
ui-hint-evidence = One link or reference per line.
ui-hint-justification-na = Required when the measure does not apply.
ui-hint-valid-until = For the status “Covered by supplier”: when the declaration must be renewed.

ui-settings-title = Settings
ui-field-selection = Selection of measures
ui-hint-selection = Per dimension: a measure is selected when a dimension it protects reaches its level. Highest level: the highest of the levels decides for every measure.
ui-field-sectors = Sectors
ui-hint-sectors = The sectors decide which sector profiles apply.
ui-field-threshold = Cumulation threshold
ui-hint-threshold = This many distinct information types at the moderate level in one dimension flag a system.
ui-settings-threshold-invalid = The threshold must be a whole number, at least 1.
ui-settings-admin-only = Only administrators can change the settings.
ui-release-title = Catalog version
ui-release-current = This body follows the catalog { $id }, version { $version }.
ui-release-intro = A published catalog version never changes. The body stays on its version until an administrator moves it, after seeing what changes. The move is stopped if the workspace does not fit the new version.
ui-newer-release = Catalog version { $version } is published. For you it changes { $systems } systems: { $added } measures become required and { $removed } are no longer required.
ui-newer-release-none = Catalog version { $version } is published. For you it changes nothing.
ui-newer-release-misfit = Catalog version { $version } is published, but the workspace does not fit it yet ({ $count } problems).
ui-newer-release-link = See what changes, and move when you choose
ui-consultation-notice = A draft of catalog version { $version } is in consultation until { $closes } inclusive.
ui-consultation-link = See what it changes for you, and say what you think
ui-release-catalog-changes = Changes in the catalog
ui-impact-title = What changes for us
ui-impact-none = Nothing changes for the body: the same levels and the same required measures.
ui-impact-misfit = The workspace does not fit this version ({ $count } problems). The move button shows each of them.
ui-impact-org = The body as a whole
ui-impact-added = becomes required
ui-impact-removed = is no longer required
ui-impact-unchanged = { $count } other systems: no change.
ui-impact-level = { $dim }: { $from } → { $to }
ui-release-none = No other versions of the catalog are published.
ui-release-other = Version { $version }
ui-release-published = Published { $at } by { $by }.
ui-release-move = Move the body to version { $version }
ui-release-link = Catalog version and newer versions
ui-release-section-requirements = Requirements
ui-release-section-consequence_scale = Consequence scale
ui-release-section-activities = Governance activities
ui-release-section-info_types = Information types
ui-release-section-tasks = Tasks
ui-release-section-measures = Measures
ui-release-section-profiles = Profiles
ui-release-draft = Draft of version { $version } (in consultation)
ui-release-draft-open = The consultation is open until { $closes } inclusive. Read the draft and say what you think of what changes.
ui-release-draft-closed = The consultation closed on { $closes }. The draft can still be read.
ui-release-draft-read = Read the draft and comment
ui-release-record-link = Consultation record and release notes for this version
ui-record-page = Consultation record and release notes
ui-record-title = { $id } { $version }: release notes and consultation record
ui-record-about = About this version
ui-record-about-sheet = About
ui-record-catalog = Catalog
ui-record-version = Version
ui-record-base = Builds on version
ui-record-published = Published
ui-record-closes = Consultation closed
ui-record-changes = Changes
ui-record-comments = Consultation comments
ui-record-notes = Release notes
ui-record-notes-sheet = Changes
ui-record-notes-intro = Every change that went into this version, with its reason and the owner of the entry. Rejected proposals are left out.
ui-record-notes-none = No changes.
ui-record-comments-sheet = Comments
ui-record-comments-intro = Every comment from the consultation with the answer from the entry's owner. Comments are shown with the body that made them, never with a person's name.
ui-record-comments-none = No comments were made.
ui-record-col-entry = Entry
ui-record-col-kind = Change
ui-record-col-fields = Fields (before → after)
ui-record-col-reason = Reason
ui-record-col-owner = Owner
ui-record-col-body = Public body
ui-record-col-comment = Comment
ui-record-col-outcome = Outcome
ui-record-col-answer = Answer
ui-record-outcome-accepted = Accepted
ui-record-outcome-partly = Partly accepted
ui-record-outcome-rejected = Not accepted

ui-members-title = Members and roles
ui-members-caption = The body's members
ui-members-role-invalid = Choose a role from the list.

ui-audit-title = Change log
ui-audit-intro = Every change in the body, newest first. The log has { $n } { $n ->
        [one] entry
       *[other] entries
    }, linked by chain hashes, so later edits can be detected.
ui-audit-caption = The newest changes

ui-catalog-title = The catalog
ui-catalog-version = version { $version }
ui-catalog-intro = The shared catalog of tasks, information types and measures every body builds on.
ui-catalog-back = Back to the catalog
ui-catalog-tasks = Tasks
ui-catalog-task = Task
ui-catalog-tasks-caption = { $n } { $n ->
        [one] task
       *[other] tasks
    } in the catalog
ui-catalog-info-types = Information types
ui-catalog-info-caption = Information types with recommended levels
ui-catalog-measures = Measures
ui-catalog-measure = Measure
ui-catalog-measures-caption = { $n } { $n ->
        [one] measure
       *[other] measures
    }
ui-catalog-profiles = Profiles
ui-catalog-scale = Consequence scale
ui-catalog-scale-intro = The scale describes what low, moderate and high consequence mean in each area.
ui-catalog-activities = Governance activities
ui-catalog-steps = Steps
ui-catalog-statement = The measure
ui-catalog-guidance = Guidance
ui-catalog-evidence = What done looks like
ui-catalog-required-by = Required by law whatever the levels
ui-catalog-facts = Properties
ui-catalog-refs = References
ui-catalog-profile-only = In profiles only
ui-profile-adds = Adds
ui-profile-moves = Moves

ui-a11y-title = Accessibility statement
ui-a11y-intro = Grunnmur is meant to be usable by everyone. The goal is to meet WCAG 2.1 at level AA, as the Norwegian regulation on universal design of ICT requires.
ui-a11y-how-title = How we work on accessibility
ui-a11y-how-1 = Every page works without JavaScript and with the keyboard alone, with visible focus and a link that skips to the main content.
ui-a11y-how-2 = Every page is tested automatically with axe-core in Chromium, in bokmål and English and the main pages also in nynorsk, and is not released with violations of WCAG 2.1 A and AA.
ui-a11y-how-3 = Form errors are shown at the field they concern and in a summary that is announced.
ui-a11y-how-4 = Every figure has a text that describes it, and its numbers are also in a table.
ui-a11y-how-5 = The language can be switched between bokmål, nynorsk and English on every page, and pages are marked with the right language. Catalog texts that exist only in bokmål are marked as bokmål where they are shown.
ui-a11y-known-title = Known shortcomings
ui-a11y-known = Automated tests do not find every problem. The dependency figure can grow large for bodies with many systems; the table above it holds the same information.
ui-a11y-contact-title = Tell us
ui-a11y-contact = If something does not work, contact whoever runs Grunnmur for your body. You may also complain to the Authority for Universal Design of ICT (uutilsynet.no).

ui-nav-risk = Risk and reports
ui-risk-title = Risk assessments and reports
ui-risk-intro = Where the baseline is not enough, a risk assessment is needed. Start one for something on the list below; it is filled in with the engine's reasons and levels. Then make reports for management and finalise them.
ui-risk-assessments = Risk assessments
ui-risk-none = No risk assessments have been started yet.
ui-risk-risks = Risks
ui-risk-accepted = Accepted by the risk owner
ui-risk-needed = A risk assessment is needed here
ui-risk-start = Start a risk assessment
ui-risk-new-title = Risk assessment
ui-risk-assessment-title = Risk assessment
ui-risk-scope = Scope
ui-risk-not-accepted = Not accepted yet
ui-risk-areas = Areas of concern
ui-risk-no-risks = No risks have been recorded yet.
ui-risk-risks-caption = The risks before and after treatment
ui-risk-before = Before (likelihood, consequence)
ui-risk-after = After treatment
ui-risk-zone = Evaluation
ui-risk-decision = Decision
ui-risk-position = L{ $l } C{ $c }
ui-risk-accept-title = Acceptance of the residual risk
ui-risk-open = This must be in place before the risk owner can accept:
ui-risk-owner = Risk owner
ui-hint-owner = Name and role, for example “Kari Nordmann, chief executive”.
ui-risk-note = Note
ui-risk-accept = Accept the residual risk
ui-risk-report = Make a report of the assessment
ui-reports-title = Reports
ui-reports-intro = A report is made as a draft from the data as it is now. When an administrator finalises it, it becomes an unchangeable snapshot with a chain hash; a later change becomes version 2.
ui-reports-none = No reports have been made yet.
ui-reports-caption = The reports, newest first
ui-report-kind = Report
ui-report-kind-status = Status report
ui-report-kind-measure-plan = Measure plan
ui-report-kind-risk-assessment = Risk assessment
ui-report-lang = Language
ui-report-version = Version
ui-report-state = State
ui-report-draft = Draft
ui-report-final = Final
ui-report-approved = Finalised by
ui-report-download = Download
ui-report-finalize = Finalise
ui-report-new = Make a draft
ui-risk-none-chosen = None
ui-knowledge-low = Weak
ui-knowledge-medium = Moderate
ui-knowledge-high = Strong
ui-risk-likelihood = Likelihood (1 is lowest)
ui-risk-consequence = Consequence (1 is lowest)
ui-risk-knowledge = Strength of knowledge
ui-risk-residual = Expected residual risk after treatment
ui-risk-add = Add a risk
ui-risk-risk-title = What can happen
ui-hint-risk-title = A short name for the unwanted scenario.
ui-risk-threat = Cause or threat
ui-risk-vulnerability = Vulnerability
ui-risk-dims = What is affected
ui-risk-measures = Measures from the measure bank
ui-hint-risk-measures = The ids of the measures, separated by commas.
ui-hint-risk-justification = Required when the risk is accepted in a zone that calls for treatment.
ui-risk-add-submit = Add the risk
ui-field-title = What can happen
ui-field-owner = Risk owner
ui-field-likelihood = Likelihood
ui-field-consequence = Consequence
ui-remove = Remove
ui-risk-edit-title = Edit a risk
ui-risk-back-to = Back to “{ $title }”
ui-risk-analysis = Analysis
ui-risk-treatment = Treatment
ui-risk-rationale = What the analysis rests on
ui-risk-own-measures = Your own measures
ui-hint-risk-own-measures = One measure per line, for measures that are not in the measure bank.
ui-risk-responsible = Responsible for the treatment
ui-risk-decision-needed = Choose a decision when the risk has measures, a residual risk, a responsible person, a due date or a justification.
ui-risk-problem-in = { $risk }: { $message }
ui-risk-change-withdraws = The residual risk is accepted by { $owner }. A change withdraws the acceptance, and the risk owner must accept again.
ui-risk-acceptance-withdrawn = The change is saved. The acceptance of the residual risk is withdrawn; the risk owner must accept again.

# The platform's security events (platform administrators)
ui-events-title = Security events
ui-events-intro = Sign-ins, sign-outs, failed and throttled sign-ins, refused requests and other events that concern no single body, newest first. Each is an entry of the audit log.
ui-events-filter = Filter the events
ui-events-action = Event
ui-events-actor = Person or address contains
ui-events-from = From (date)
ui-events-to = To (date)
ui-events-none = No events match the filter.
ui-events-caption = Security events, newest first
ui-events-client = Address
ui-events-body = Body
ui-events-detail = Details
ui-events-older = Older events
ui-events-bad-date = “{ $value }” is not a date; write it as YYYY-MM-DD.
ui-event-login = Signed in
ui-event-login-failed = Failed sign-in
ui-event-login-throttled = Sign-in throttled
ui-event-logout = Signed out
ui-event-csrf-refused = Request refused (CSRF)
ui-event-access-denied = Access denied
ui-event-token-create = API token created
ui-event-token-revoke = API token revoked
ui-event-password-change = Password changed
ui-event-detail-need = needed { $value }
ui-event-detail-role = had { $value }
ui-event-detail-scope = limit: { $value }
ui-event-detail-retry-after = wait { $value } s
ui-event-detail-failures = failure number { $value }
ui-event-detail-via = through { $value }
ui-event-detail-what = { $value }
ui-event-detail-path = { $value }
ui-event-detail-suppressed = { $value } more like it in the minute before

## Time zone, dependency graph, adapting (issue 17)
ui-time-zone-unknown = --time-zone: the time zone “{ $zone }” is not in the time zone database (use an IANA name such as Europe/Oslo).
ui-adapt-outcome-title = What the change did
ui-adapt-outcome-same = The levels are as before; no level changed.
ui-adapt-changed-heading = Changed
ui-adapt-unchanged-heading = Not changed, and why
ui-adapt-outcome-info = “{ $info }” in the task “{ $task }”: { $dim } changed from { $from } to { $to }.
ui-adapt-outcome-changed = { $scope }: { $dim } changed from { $from } to { $to }.
ui-adapt-outcome-stays-info = { $scope }: { $dim } stays { $level }, because “{ $info }” in the task “{ $task }” still gives it { $level }.
ui-adapt-outcome-stays-dependency = { $scope }: { $dim } stays { $level }, because the system “{ $from }” depends on it and is { $level }.
ui-adapt-outcome-stays-lowest = { $scope }: { $dim } stays { $level }, the lowest level.
ui-adapt-scope-task = The task “{ $name }”
ui-adapt-scope-system = The system “{ $name }”
ui-adapt-scope-body = The body
ui-adapt-rationale = The catalog's reasons for the recommended levels
ui-adapt-scale-title = The consequence scale: what low, medium and high mean
ui-adapt-scale-intro = A dimension's level is how bad the worst outcome would be if it failed, measured on this scale. The highest outcome across the areas decides.
ui-adapt-dim-hint-c = Confidentiality: how bad would it be if the information were disclosed to someone who should not have it?
ui-adapt-dim-hint-i = Integrity: how bad would it be if the information were wrong, incomplete or changed without anyone noticing?
ui-adapt-dim-hint-a = Availability: how bad would it be if the information were not there when needed?
ui-activity-styring = Management direction and follow-up
ui-activity-risikovurdering = Risk assessment
ui-activity-risikohandtering = Risk treatment
ui-activity-overvaking = Monitoring and incident handling
ui-activity-maling = Measurement, evaluation and audit
ui-activity-kompetanse = Competence and culture development
ui-activity-kommunikasjon = Communication
ui-why-status-heading = Why this status
ui-source-own = The status is the body's own, set for this measure at this place.
ui-source-implementation = The status comes from the implementation "{ $name }" ({ $id }), which covers this place.
ui-source-supplier = The supplier { $supplier } does the measure in the service "{ $service }"; the declaration is valid until { $until }.
ui-source-shared = The responsibility is shared with { $supplier } in the service "{ $service }". The body must itself: { $customer }
ui-source-part-own = The body's part is recorded as its own status here, and it decides whether the measure is in place.
ui-source-part-none = The body's part is not recorded: the measure is not in place until it is.
ui-source-none = No status is recorded, and no implementation or supplier covers the measure here.
ui-source-overdue = Overdue: the due date has passed and the measure is not in place.
ui-attention-expiring = Supplier declarations that expire soon
ui-attention-expiring-item = "{ $declaration }" from { $supplier } is valid until { $until } ({ $days ->
    [one] one day
   *[other] { $days } days
} left). Ask for a new declaration, or plan the measures yourselves.
ui-nav-implementations = Implementations
ui-field-status = Status
ui-impl-title = Implementations
ui-impl-intro = An implementation is work you do once that meets measures for many systems: a restore test of everything on the server platform, an access review for a group of systems. Its status counts for every required measure it covers, unless you have set a status of your own for the measure on that system.
ui-impl-none = No implementations are recorded yet.
ui-impl-caption = Implementations, what they cover, and how many required measures they settle the status of
ui-impl-col-measures = Measures
ui-impl-col-covers = Covers
ui-impl-col-owner = Owner
ui-impl-col-due = Due date
ui-impl-col-settles = Settles
ui-impl-remove = Remove
ui-impl-new = New implementation
ui-impl-name-hint = What the work is, for example "Quarterly restore test". The id is made from the name.
ui-impl-measures = Measures the work meets
ui-impl-measures-hint = Choose one or more (Ctrl or Cmd for several). Measures for the body are marked; they can only be covered together with "The body".
ui-impl-scope-org = , for the body
ui-impl-covers = What the work covers
ui-impl-kind-systems = Chosen systems
ui-impl-kind-groups = Chosen groups
ui-impl-kind-runs_on = A system and everything that runs on it
ui-impl-kind-all = Every system
ui-impl-kind-org = The body (measures for the body)
ui-impl-systems = Systems (for "Chosen systems")
ui-impl-groups = Groups (for "Chosen groups")
ui-impl-runs-on = System (for "A system and everything that runs on it")
ui-impl-runs-on-hint = The system itself and every system that runs on it, also through others.
ui-impl-evidence = Evidence
ui-impl-evidence-hint = One link or case reference per line.
ui-impl-create = Record the implementation
ui-impl-pick-measure = Choose at least one measure.
ui-impl-pick-covers = Choose what the work covers.
ui-impl-pick-status = Choose a status: not started, in progress, partial or implemented.
ui-impl-covers-org = The body
ui-impl-covers-all = Every system
ui-impl-covers-runs-on = { $system } and everything that runs on it
ui-impl-covers-systems = The systems { $systems }
ui-impl-covers-groups = The groups { $groups }
ui-groups-title = Groups of systems
ui-groups-intro = A group gathers systems that are handled alike, for example every cloud service. An implementation can cover a group.
ui-groups-none = No groups yet.
ui-groups-caption = The groups and their systems
ui-groups-col-systems = Systems in the group
ui-groups-name = Name of a new group
ui-groups-name-hint = The id is made from the name. A system may be in several groups.
ui-groups-create = Create the group
ui-field-group_name = The group's name

# Suppliers' declarations written in forms (rule 14)
ui-nav-declarations = Declarations
ui-decl-title = Supplier declarations
ui-decl-intro = If the body provides services to others – as a supplier or as an inter-municipal cooperation – it can declare once which measures each service covers. Every body that links a system to the service has those measures covered while the declaration is valid.
ui-decl-none = The body has not published any declarations.
ui-decl-caption = The body's declarations
ui-decl-col-declaration = Declaration
ui-decl-col-validity = Validity
ui-decl-col-state = State
ui-decl-col-services = Services
ui-decl-col-version = Version
ui-decl-new = New declaration
ui-decl-new-intro = The declaration is published in the body's name against the catalog in force now. Then you add the services and the measures they cover. Every save becomes a new version; earlier versions are kept.
ui-field-valid_from = The declaration is valid from
ui-decl-evidence = Evidence
ui-decl-evidence-hint = Certificates and audit reports, one per line (for example "ISO/IEC 27001 certificate 2025-123, scope: operations").
ui-decl-create = Publish the declaration
ui-decl-back = Back to the declarations
ui-decl-facts = Valid from { $from } to { $until }.
ui-decl-version = Version { $version }.
ui-decl-services = Services
ui-decl-usage-note = How many bodies and systems use each service. You see counts only, never who.
ui-decl-no-services = The declaration has no services yet.
ui-decl-services-caption = The declaration's services, with their measures and use
ui-decl-col-service = Service
ui-decl-col-supplier-only = Measures the supplier does alone
ui-decl-col-shared = Measures shared with the customer
ui-decl-col-bodies = Bodies using it
ui-decl-col-systems = Systems using it
ui-decl-new-service = New service
ui-field-name_nb = Name in Norwegian (bokmål)
ui-field-name_en = Name in English
ui-decl-add-service = Add the service
ui-decl-validity = Validity and evidence
ui-decl-publish = Publish the changes
ui-decl-withdraw-heading = Withdraw the declaration
ui-decl-withdraw-intro = A withdrawn declaration no longer counts for anyone from today. The bodies using its services see that the measures are no longer covered. The withdrawal becomes a version of its own and is logged.
ui-decl-withdraw = Withdraw from today
ui-decl-back-declaration = Back to the declaration
ui-decl-service-title = Measures the service covers
ui-decl-service-intro = For each measure, choose whether the service covers it alone ("The supplier") or together with the customer ("Shared"). For shared measures, write what the customer must do itself – it appears on the customer's to-do list. Measures without a choice are not covered.
ui-decl-service-caption = The catalog's measures and what the service covers
ui-decl-col-measure = Measure
ui-decl-col-responsibility = Responsibility
ui-decl-col-customer-nb = The customer's part (Norwegian)
ui-decl-col-customer-en = The customer's part (English)
ui-decl-resp-for = Responsibility for { $measure }
ui-decl-customer-nb-for = The customer's part in Norwegian for { $measure }
ui-decl-customer-en-for = The customer's part in English for { $measure }
ui-decl-resp-none = Not covered
ui-decl-resp-supplier = The supplier
ui-decl-resp-shared = Shared with the customer
ui-decl-customer-missing = Write what the customer must do for "{ $measure }", which is shared.
ui-decl-dates-order = The end date cannot be before the start date.
ui-decl-state-withdrawn = Withdrawn
ui-decl-state-valid = Valid now
ui-decl-state-not-valid = Not valid now

# The same status for several systems
ui-measure-also = The same status for other systems
ui-measure-also-hint = Tick the systems that should get the same status, owner, due date and evidence. Their status now is in brackets. If the work is to count for many systems over time, an implementation is better.
ui-measure-also-invalid = Choose only systems from the list; the measure must be required for them.

# Changing an implementation
ui-impl-edit-title = Change the implementation
ui-impl-edit-intro = Change the status, owner, due date, evidence, the measures or what it covers. The id is kept, so everything that refers to the implementation stays true.
ui-impl-back = Back to the implementations
ui-impl-save = Save the changes

# Suppliers' services on the body's side: the services page, its to-do, links from systems
ui-nav-services = Suppliers' services
ui-svc-title = Suppliers' services
ui-svc-intro = Suppliers publish declarations of the services they provide and of the measures each service covers: alone, or shared with the customer, who must then do a part of its own. Link a service to the systems that use it, or to the body itself for measures that concern the whole body. While the declaration is valid, the service counts for those measures, unless you have set a status of your own.
ui-svc-filter-label = Filter the services and responsibilities
ui-svc-find = Find (supplier, service, measure or text)
ui-svc-org = The body itself (measures for the whole body)
ui-svc-todo-title = Customer responsibilities left
ui-svc-todo-intro = Measures a linked service covers together with you, where your own part is not in place yet: what the supplier says you must do yourself.
ui-svc-todo-count = { $n ->
    [one] One customer responsibility shown
   *[other] { $n } customer responsibilities shown
} (of { $all } left).
ui-svc-todo-caption = Customer responsibilities not yet in place: where, the measure, the service, and what the body must do
ui-svc-col-service = Service
ui-svc-col-customer = What the customer must do
ui-svc-col-responsibility = Responsibility
ui-svc-decl-title = Published declarations
ui-svc-decl-none = No supplier has published a declaration yet.
ui-svc-decl-none-found = No service matches the filter.
ui-svc-orgnr = org. no. { $orgnr }
ui-svc-decl-id = declaration { $id }
ui-svc-validity = Valid from { $from } to { $until }.
ui-svc-withdrawn = Withdrawn on { $date }: the declaration counts for no one.
ui-svc-expired = Expired on { $date }: the declaration counts for no one.
ui-svc-not-yet = Not valid before { $date }: the services count from that day.
ui-svc-covers-caption = Measures the service "{ $service }" covers
ui-svc-resp-supplier = The supplier does it all
ui-svc-resp-shared = Shared: the customer does a part
ui-svc-linked-none = None of your systems, nor the body itself, uses this service.
ui-svc-linked-by = Used by:
ui-svc-unlink = Unlink
ui-svc-link-title = Link a service
ui-svc-service = Service
ui-svc-service-hint = Services of declarations that have expired or been withdrawn are not offered.
ui-svc-pick-service = Choose a service
ui-svc-option = { $service } ({ $supplier })
ui-svc-targets = Used by
ui-svc-targets-hint = Choose one or more (Ctrl or Cmd for several). The body itself is for measures that concern the whole body.
ui-svc-link = Link the service
ui-svc-pick-service-error = Choose the service to link.
ui-svc-pick-target = Choose the systems that use the service, or the body itself.
ui-svc-lapsed = The declaration from { $supplier } no longer counts. { $state } Choose another service.
ui-svc-system-title = Suppliers' services
ui-svc-system-none = The system uses no supplier's service.
ui-svc-system-link = Link a supplier's service to this system
ui-attention-customer = Customer responsibilities left in suppliers' services: { $n }

# Glossary
ui-nav-glossary = Glossary
ui-gloss-title = Glossary
ui-gloss-intro = The words Grunnmur uses, as they are used here. Other pages link here where a word first appears.
ui-gloss-task = Task
ui-gloss-task-text = Something the body delivers or carries out, such as child welfare, payroll or water supply. The catalog suggests tasks by kind of body and sector; the body can add its own.
ui-gloss-info-type = Information type
ui-gloss-info-type-text = A kind of information a task processes, such as health data or payroll data. The catalog recommends consequence levels for each information type.
ui-gloss-system = System
ui-gloss-system-text = An ICT system or digital service the body uses. A system processes information types for tasks, may depend on other systems, and may run on another system (a server platform, for instance).
ui-gloss-cia = C, I and A (confidentiality, integrity, availability)
ui-gloss-cia-text = The three sides of information security: only those who should can see the information (C), it is correct and not changed without leave (I), and it is there when needed (A). Each is judged on its own.
ui-gloss-level = Consequence level
ui-gloss-level-text = How serious a failure of C, I or A would be: low, medium or high. A system gets the highest level of the information types it processes, and levels pass along dependencies.
ui-gloss-recommended = Recommended level
ui-gloss-recommended-text = The catalog's recommended consequence levels for an information type. Most bodies can use them as they are.
ui-gloss-adaptation = Adaptation
ui-gloss-adaptation-text = When the body changes a recommended level for its own situation. An adaptation needs a justification and shows in every explanation.
ui-gloss-selection = Per dimension or highest level
ui-gloss-selection-text = Two ways of selecting measures. Per dimension: a measure that protects availability is selected by the system's A level, and so on. Highest level: every measure is selected by the system's highest level, whatever the dimension.
ui-gloss-cumulation = Cumulation
ui-gloss-cumulation-text = Many medium information types in one system may together be more serious than each alone. When their number reaches the threshold, the system is flagged for a human look; the level is not raised by itself.
ui-gloss-measure = Measure
ui-gloss-measure-text = A security measure from the shared measure bank, with what it protects (C, I, A), purpose, kind and governance activity. Some measures apply to each system, others to the whole body.
ui-gloss-baseline = Baseline (BN1, BN2, BN3)
ui-gloss-baseline-text = The measures required at each level, built on each other: BN1 applies to everything, BN2 adds measures for medium, BN3 for high. A system at high level thus gets BN1, BN2 and BN3.
ui-gloss-profile = Profile
ui-gloss-profile-text = Additions to the baselines for a sector or kind of body, such as health or water. A profile may add measures or require them at a lower level, never remove them. A sector profile reaches only the systems that process the sector's tasks.
ui-gloss-requirement = Requirement
ui-gloss-requirement-text = A law or regulation the catalog cites. Some measures are required by a requirement whatever the level, such as a data protection impact assessment where the GDPR calls for one.
ui-gloss-activity = Governance activity
ui-gloss-activity-text = Which part of governance a measure belongs to: direction, risk assessment, risk treatment, monitoring, measurement, competence or communication.
ui-gloss-evidence = Evidence
ui-gloss-evidence-text = What shows a measure is done, such as a dated review list. A measure marked implemented without evidence is counted apart as undocumented.
ui-gloss-status = Status
ui-gloss-status-text = How far a required measure has come: not started, in progress, partial, implemented, covered by supplier, or not applicable (with a justification).
ui-gloss-deviation = Deviation
ui-gloss-deviation-text = A level the body has set lower than the catalog recommends. Deviations are allowed, but must be justified and followed up.
ui-gloss-risk-assessment = Risk assessment
ui-gloss-risk-assessment-text = An assessment of a system or of the body where the baseline is not enough: high levels, cumulation, overdue measures or deviations. Risks are judged by likelihood and consequence and get measures.
ui-gloss-residual-risk = Residual risk
ui-gloss-residual-risk-text = The risk left after the measures. The risk owner accepts it, with a name and a date.
ui-gloss-group = Group of systems
ui-gloss-group-text = A named set of systems, such as all case-handling systems. A system may be in several groups.
ui-gloss-implementation = Implementation
ui-gloss-implementation-text = Work done once that meets measures for many systems, such as a shared routine for access reviews. It counts for every system it covers.
ui-gloss-declaration = Supplier declaration and service
ui-gloss-declaration-text = A supplier – a company or an inter-municipal cooperation – declares once which measures each of its services covers. Bodies that link systems to a service have those measures covered while the declaration is valid.
ui-gloss-shared = Shared responsibility
ui-gloss-shared-text = The supplier does its part of a measure, and the customer must do the rest. The measure is in place only when the customer's own part is too.
ui-gloss-effective-status = Effective status
ui-gloss-effective-status-text = The status a required measure actually has after every source is weighed: the body's own status wins, otherwise the best of implementations and supplier declarations. "Why this status" shows the source.
ui-gloss-link-baseline = What are the baselines BN1–BN3?
ui-gloss-link-cia = What do C, I and A mean?
ui-gloss-link-cumulation = What is cumulation?

# Follow-up (my tasks)
ui-nav-follow-up = My tasks
ui-follow-title = My tasks and follow-up
ui-follow-intro = Work that is not done and has an owner or a due date: own statuses of required measures, implementations and risk treatments. The page opens for you when an owner field has your name or e-mail address; choose another owner or all in the list.
ui-follow-owner = Owner
ui-follow-owner-hint = Everyone named as owner of something not done.
ui-follow-all = All owners
ui-follow-me = { $owner } (you)
ui-follow-count = { $n ->
    [one] { $n } task.
   *[other] { $n } tasks.
}
ui-follow-overdue = Overdue
ui-follow-soon = Due within 30 days
ui-follow-later = Later or without a due date
ui-follow-none = Nothing here.
ui-follow-col-what = What
ui-follow-col-kind = Kind
ui-follow-kind-measure = Measure
ui-follow-kind-implementation = Implementation
ui-follow-kind-treatment = Risk treatment

# History in words (the audit log's changes, filters, per-object history)
ui-history-link = History
ui-history-about = Changes to
ui-history-filter = Filter the changes
ui-history-object = Object
ui-history-all = All objects
ui-history-person = Person
ui-history-everyone = Everyone
ui-history-col-changes = What changed
ui-history-none = No changes match the filter.
ui-history-cut = Only the newest changes were searched. Choose dates to see older ones.
ui-history-more = … and { $n } { $n ->
        [one] more change
       *[other] more changes
    }
ui-history-added = added
ui-history-removed = removed
ui-history-empty = (none)
ui-history-field-change = { $field }: { $old } → { $new }
ui-history-kind-org = The body
ui-history-kind-task = Task
ui-history-kind-info-type = Own information type
ui-history-kind-adaptation = Adapted level
ui-history-kind-system = System
ui-history-kind-group = Group
ui-history-kind-implementation = Implementation
ui-history-kind-status = Measure status
ui-history-kind-measure = Measure
ui-history-kind-assessment = Risk assessment
ui-history-kind-risk = Risk
ui-history-field-status = status
ui-history-field-owner = owner
ui-history-field-due = due
ui-history-field-valid-until = valid until
ui-history-field-justification = justification
ui-history-field-evidence = evidence
ui-history-field-name = name
ui-history-field-title = title
ui-history-field-levels-c = confidentiality
ui-history-field-levels-i = integrity
ui-history-field-levels-a = availability
ui-history-field-covers = covers
ui-history-field-measures = measures
ui-history-field-systems = systems
ui-history-field-processes = processes
ui-history-field-depends-on = depends on
ui-history-field-services = suppliers' services
ui-history-field-sectors = sectors
ui-history-field-selection = selection
ui-history-field-cumulation-threshold = cumulation threshold
ui-history-field-rationale = rationale
ui-history-field-info-types = information types

# Review of risk assessments
ui-field-review_months = Accepted risk assessments are reviewed every (months)
ui-hint-review-months = How long an accepted risk assessment stays current before it is due for review. 12 months is usual.
ui-settings-review-invalid = Write a whole number of months from 1 to { $max }.
