# Grunnmur — English

## Severity
severity-error = error
severity-warning = warning

## Problems in catalog and body files
problem-io = cannot read the file: { $detail }
problem-syntax = invalid YAML/JSON: { $detail }
problem-format = wrong shape: { $detail }
problem-not-a-mapping = { $what } must be a mapping of keys
problem-unknown-section = unknown section "{ $section }" (allowed: catalog, owners, requirements, consequence_scale, activities, info_types, tasks, measures, profiles)
problem-missing-header = the catalog has no "catalog:" header (id, version, title)
problem-duplicate-header = the "catalog:" header appears more than once (first at { $first })
problem-invalid-id = invalid id "{ $id }" in { $section }: use lowercase a–z, digits, dot, hyphen and underscore
problem-duplicate-id = id "{ $id }" already exists in { $section } { $first }
problem-unknown-reference = { $section } "{ $id }" refers to unknown { $target } "{ $reference }"
problem-missing-text = { $section } "{ $id }": field { $field } has no text in { $lang }
problem-empty-list = { $section } "{ $id }": { $field } cannot be empty
problem-invalid-applicability = { $section } "{ $id }": invalid audience "{ $value }" (alle, stat, kommune, fylkeskommune or sector:<id>)
problem-invalid-baseline = measure "{ $id }": baseline { $value } does not exist (1, 2 or 3)
problem-profile-moves-later = profile "{ $profile }" moves measure "{ $measure }" from baseline { $from } to { $to }; a profile may only move a measure to an earlier (lower) baseline
problem-profile-removes = profile "{ $profile }" tries to remove measures; a profile may only add, move earlier and set parameters
problem-profile-adds-baseline-measure = profile "{ $profile }" adds "{ $measure }", which already belongs to the baselines (not profile_only)
problem-unused-info-type = information type "{ $id }" is used by no task
problem-unreachable-measure = measure "{ $id }" is profile_only, but no profile adds it
problem-duplicate-name = { $section } "{ $id }" has the same name "{ $name }" as "{ $other }"
problem-missing-activity = the governance activity "{ $activity }" is missing from activities
problem-few-recommendations = the governance activity "{ $activity }" has { $count } strong recommendations (expected 2–5)
problem-missing-owner = { $section } "{ $id }" has no owner (owner: an id from owners)
problem-invalid-orgnr = invalid organisation number "{ $value }": 9 digits with a valid MOD11 check digit
problem-invalid-sector = invalid sector id "{ $value }"
problem-invalid-threshold = cumulation_threshold must be at least 1
problem-task-needs-id-or-task = a task needs either "task" (from the catalog) or "id", "name" and "info_types" (the body's own task)
problem-sectors-on-adopted-task = task "{ $task }" is adopted from the catalog: its sectors are the catalog's ("sectors" is for the body's own tasks)
problem-clashes-with-catalog = own { $section } id "{ $id }" is already used in the catalog
problem-info-type-not-in-task = information type "{ $info_type }" is not part of task "{ $task }"
problem-task-not-adopted = system "{ $system }" processes task "{ $task }", which the body has not chosen under tasks
problem-adapts-own-info-type = task "{ $task }" adapts its own information type "{ $info_type }"; set the levels on the information type itself
problem-empty-adaptation = the adaptation of "{ $info_type }" in task "{ $task }" changes no level
problem-missing-justification = { $what }: justification missing
problem-invalid-date = { $field }: invalid date "{ $value }" (use YYYY-MM-DD)
problem-self-dependency = system "{ $system }" cannot depend on itself
problem-scope-mismatch = measure "{ $measure }" applies { $scope ->
    [system] per system: name the system
   *[org] to the whole body: do not name a system
}
problem-duplicate-status = the status of measure "{ $measure }" ({ $scope }) appears more than once
problem-too-long = { $field } is { $chars } characters long; at most { $max } are allowed
problem-covers-one = implementation "{ $id }": covers must give exactly one of systems, groups, runs_on, all and org
problem-implementation-status = implementation "{ $id }" cannot have the status "{ $status }": it is the body's own work (supplier and not applicable are set per system)
problem-dates-out-of-order = valid from { $from } is after valid until { $until }
problem-not-in-release = measure "{ $measure }" is not in catalog release { $version } and does not count
problem-too-many = more { $what ->
    [form-fields] form fields
   *[other] { $what }
} than the { $max } allowed

## API
api-unauthenticated = You are not logged in, or your login has expired.
api-forbidden = You do not have access to this.
api-not-found = Not found.
api-csrf = The request lacks a valid CSRF token (X-CSRF-Token).
api-conflict = Conflict: { $detail }
api-service-in-use = A body uses a service this version leaves out. Keep the service (with fewer measures, if need be), or withdraw the declaration.
api-too-many-attempts = Too many failed sign-ins. Try again in { $seconds } seconds.
api-bad-request = Bad request: { $detail }
api-invalid = The content has errors; nothing was stored.
api-internal = Something went wrong on the server.
api-unprocessable = The request does not fit this operation: { $detail }
api-too-large = The request is larger than the server accepts.
api-unsupported-media-type = This operation does not read content of that type (send JSON with Content-Type: application/json).
api-method-not-allowed = This address does not take that method.
api-unavailable = The service cannot reach its database right now. Try again in a moment.

## Server and operations
serve-listening = Grunnmur is running at http://{ $addr } (database: { $database })
serve-audit-key-created = The audit log's key was created in { $path }. Keep a copy apart from the database backups: without it the log cannot be verified.
serve-first-admin = The first administrator was created: { $email } with the one-time password { $password } — change it after the first login.
serve-demo = Demo: { $name } ({ $orgnr }). Log in as { $email } with the password { $password }.
load-suppliers-name = The suppliers (generated)
load-done = Loaded { $bodies } bodies and { $declarations } suppliers' declarations; { $contributions } contributions to the figures across bodies derived and stored ({ $seconds } s).
serve-catalog = Catalog: { $id } { $version }
serve-oidc = Sign-in also through { $issuer }
serve-release-conflict = The catalog { $id } { $version } is already published with other content. A published version never changes: give the changed catalog a new version number (catalog.version).
serve-repinned = The body { $orgnr } followed catalog version { $old }, which is not published here; it now follows { $version }.
ops-user-created = User { $email } created.
ops-granted = { $email } now has the role { $role } in { $orgnr }.
ops-unlinked = { $email }: { $count } link(s) to the organisation's login removed.
ops-platform-granted = { $email } now has the platform role { $role }.
ops-catalog-editor-granted = { $email } is now a catalog editor (catalog-editor) for the owners { $owners }.
ops-platform-revoked = { $email } no longer has the platform role { $role }.
ops-unknown-owner = Unknown catalog owner "{ $owner }". Known owners: { $known }.
ops-owner-only-grant = --owner applies only when someone is given the catalog-editor role (platform grant --role catalog-editor). Grant the role again with the owners that should apply.
ops-audit-ok = The audit log is intact: { $count } entries (keyed from entry { $from }); { $checkpoints } checkpoints agree.
ops-audit-no-checkpoint = No checkpoint was given or found: removal of the newest entries cannot be seen without one (see docs/OPERATIONS.md).
ops-audit-broken = The audit log is broken: { $detail }
ops-backup-done = Backup written to { $path }.
ops-restore-done = Restored from { $path } to { $target }.
ops-password-empty = The password cannot be empty.
ops-unknown-user = Unknown user { $email }.
ops-unknown-body = Unknown body { $orgnr }.

## Command line
cli-problems-summary = { $errors } errors, { $warnings } warnings
cli-catalog-ok = Catalog { $id } { $version } is valid: { $info_types } information types, { $tasks } tasks, { $measures } measures, { $profiles } profiles.
cli-strict-failed = --strict: warnings count as errors
cli-body-invalid = The body file has errors; nothing was assessed.
cli-declarations-invalid = The supplier declarations have errors; nothing was assessed.
cli-catalog-invalid = The catalog has errors.
cli-diff-none = No differences.
cli-diff-version = Version: { $old } → { $new }
cli-diff-added = added
cli-diff-removed = removed
cli-diff-changed = changed
cli-invalid-today = --today: invalid date "{ $value }" (use YYYY-MM-DD)

## Table view of the assessment
table-org = Public body
table-orgnr = Org. no.
table-profiles = Sector profiles
table-levels = Consequence level (C / I / A)
table-tasks = Tasks
table-systems = Systems
table-id = Id
table-name = Name
table-level-c = C
table-level-i = I
table-level-a = A
table-deviations = Deviations from the recommendation
table-cumulation = Cumulation
table-required = Required measures
table-org-measures = Measures required for the body
table-risk = Risk assessment needed (prioritised)
table-object = Object
table-reasons = Reasons
table-none = none
table-catalog = Catalog
table-in-place = In place
table-sources = Sources
table-source-own = own
table-source-implementation = implementation
table-source-supplier = supplier
table-source-shared = shared
table-source-none = none
table-coverage = In place: { $in_place } of { $required } required measures (systems and the body)
table-expiring = Supplier declarations expiring within 60 days
table-declaration = Declaration
table-supplier = Supplier
table-valid-until = Valid until
table-days-left = Days left

## Levels, dimensions and reasons
level-lav = low
level-middels = medium
level-hoy = high
reason-high_level = high level
reason-lowered_level = lowered level
reason-own_info_type = own information type
reason-cumulation = cumulation
reason-not_applicable = measure not applicable
reason-overdue = overdue measure
reason-supplier_expired = supplier declaration expired

## Catalog statistics
stats-title = Catalog { $id } { $version }
stats-info-types = Information types
stats-tasks = Tasks
stats-tasks-by-kind = Tasks per audience
stats-measures = Measures
stats-by-baseline = Measures per baseline
stats-by-activity = Measures per governance activity
stats-by-kind = Measures per kind
stats-by-purpose = Measures per purpose
stats-by-scope = Measures per scope
stats-profile-only = Profile-only measures
stats-profiles = Profiles
stats-requirements = External requirements
stats-nsm = NSM basic principles covered
stats-iso = ISO/IEC 27002:2022 controls covered
stats-evidence = Measures with evidence (what done looks like)
stats-required-by = Measures required by a legal duty
stats-required-by-requirement = Legal duties requiring measures
stats-refs-source = References to { $source }
stats-refs-counts = { $references } in { $measures } measures, { $distinct } distinct
stats-by-owner = Entries per owner
stats-without-owner = Entries without an owner

## OSCAL
oscal-resolved = Resolved { $profile }: { $controls } controls.
oscal-resolve-failed = The profile could not be resolved.
oscal-written = Wrote { $file }
oscal-exported = Wrote { $count } OSCAL documents (measure bank, BN1–BN3 and sector profiles) to { $dir }.
oscal-imported = Imported { $measures } measures from { $catalog }: BN1 { $bn1 }, BN2 { $bn2 }, BN3 { $bn3 }, outside the baselines { $extra }.
oscal-import-failed = The catalog could not be imported.
oscal-import-invalid = The imported measure bank did not pass the catalog checks.
oscal-too-many-baselines = --baseline-profiles takes at most three profiles (BN1, BN2, BN3), but got { $count }.
oscal-ssp-written = Wrote the system security plan for { $org } with { $systems } systems.
oscal-declaration-written = Wrote the declaration { $id } with { $services ->
    [one] one service
   *[other] { $services } services
} as an OSCAL component definition.
oscal-ssp-failed = The system security plan could not be made.

## Reports
report-title-status = Information security status report – { $org }
report-title-plan = Security measure plan – { $org }
report-about = About this report
report-sheet-about = About
report-fact-org = Organisation
report-fact-orgnr = Organisation number
report-fact-kind = Kind of body
report-fact-profiles = Sector profiles
report-fact-date = Date
report-fact-catalog = Catalog version
report-fact-selection = Measure selection rule
report-orgkind-stat = state body
report-orgkind-kommune = municipality
report-orgkind-fylkeskommune = county
report-orgkind-supplier = supplier
report-selection-value = { $mode }. { $explain }
report-selection-per-dimension-name = Per dimension: the level of what the measure protects
report-selection-per-dimension-explain = A measure is required when the consequence level (low = 1, medium = 2, high = 3) in at least one of the dimensions the measure protects – confidentiality, integrity or availability – is at least the measure's baseline level (BN1–BN3).
report-selection-high-water-mark-name = Highest level: the highest level applies to every measure
report-selection-high-water-mark-explain = A measure is required when the highest of the three consequence levels (low = 1, medium = 2, high = 3) is at least the measure's baseline level (BN1–BN3), whichever dimension the measure protects. This requires more measures than per dimension.
report-legend = Abbreviations: { $list }.
report-col-c-full = Confidentiality
report-col-i-full = Integrity
report-col-a-full = Availability
report-col-cumulation-short = Cumul.
report-col-risk-short = Risk ass.
report-col-dimension-short = Dim.
report-col-baseline-short = BN
report-col-activity-short = Activity
report-none = none
report-empty = none
report-yes = yes
report-no = no
report-total = Total
report-page = Page { $page } of { $pages }
report-baseline = BN{ $level }
report-scope-org = The organisation
report-object-system = System: { $name }
report-object-task = Task: { $name }
report-dim-c = confidentiality
report-dim-i = integrity
report-dim-a = availability
report-status-not_started = Not started
report-status-in_progress = In progress
report-status-partial = Partial
report-status-implemented = Implemented
report-status-not_applicable = Not applicable
report-status-supplier = Covered by supplier
report-status-note = Required measures with no recorded status count as not started. Coverage is the share of required measures that are implemented or covered by a valid supplier declaration.
report-summary-intro = Key figures from the assessment: consequence levels, required measures and how many are in place, deviations from the recommendations and objects that need a risk assessment.
report-sheet-summary = Summary
report-heading-summary = Summary
report-caption-summary = Key figures
report-sheet-systems = Systems
report-heading-systems = Systems and consequence levels
report-caption-systems = Systems with consequence levels, required measures and need for risk assessment
report-sheet-tasks = Tasks
report-heading-tasks = Tasks and consequence levels
report-caption-tasks = Tasks with consequence levels and deviations
report-sheet-baseline = By baseline
report-heading-baseline = Required measures by baseline
report-caption-baseline = Required measures by baseline, by status
report-sheet-activity = By governance activity
report-heading-activity = Required measures by governance activity
report-caption-activity = Required measures by governance activity, by status
report-sheet-deviations = Deviations
report-heading-deviations = Deviations from the recommendations
report-caption-deviations = Changed consequence levels with justification
report-sheet-risk = Risk assessment
report-heading-risk = Risk assessment needed
report-caption-risk = Objects that need a risk assessment, prioritised, with reasons
report-sheet-overdue = Overdue measures
report-heading-overdue = Overdue measures
report-caption-overdue = Required measures not in place after their due date
report-sheet-plan = Measure plan
report-heading-plan = Measure plan
report-caption-plan = Measures still to do: what, where, who and by when
report-plan-intro = { $open } of { $required } required { $required ->
        [one] measure is
       *[other] measures are
    } not in place. { $overdue } { $overdue ->
        [one] is
       *[other] are
    } overdue, { $noowner } { $noowner ->
        [one] has
       *[other] have
    } no owner and { $nodue } { $nodue ->
        [one] has
       *[other] have
    } no due date.
report-plan-order = Order: overdue measures first, then by due date (measures without a due date last), baseline, the organisation before its systems, and the measure's id.
report-sheet-evidence = Evidence
report-heading-evidence = What done looks like
report-caption-evidence = For each measure still to do: what an auditor would accept as proof
report-evidence-intro = When a measure is done, link the proof in its status. A measure marked implemented without it is counted as undocumented.
report-col-evidence = What done looks like
report-kv-org-levels = Consequence level of the organisation (confidentiality / integrity / availability)
report-kv-tasks = Tasks
report-kv-systems = Systems
report-kv-required-system = Required measures in systems
report-kv-required-org = Required measures for the organisation
report-kv-required-total = Required measures in total
report-kv-in-place = In place (implemented or covered by supplier)
report-kv-undocumented = Of these, implemented without evidence (undocumented)
report-kv-coverage = Coverage
report-kv-deviations = Deviations from the recommendations
report-kv-risk = Objects that need a risk assessment
report-kv-overdue = Overdue measures
report-col-figure = Key figure
report-col-value = Value
report-col-c = C
report-col-i = I
report-col-a = A
report-col-system = System
report-col-task = Task
report-col-cumulation = Cumulation
report-col-required = Required
report-col-in-place = In place
report-col-risk = Risk assessment needed
report-col-deviations = Deviations
report-col-own = Own task
report-col-baseline = Baseline
report-col-activity = Governance activity
report-col-coverage = Coverage
report-col-info-type = Information type
report-col-dimension = Dimension
report-col-recommended = Recommended
report-col-chosen = Chosen
report-col-justification = Justification
report-col-priority = No.
report-col-object = Object
report-col-reasons = Reasons
report-col-measures = Measures
report-col-measure = Measure
report-col-where = Where
report-col-owner = Owner
report-col-due = Due
report-col-status = Status
report-col-overdue = Overdue
report-chart-baseline = Status of required measures by baseline
report-chart-activity = Status of required measures by governance activity
report-chart-risk = Risk picture: systems by highest consequence level
report-chart-risk-alt = { $level }: { $with } need a risk assessment, { $without } do not
report-sheet-top-risks = Top risks
report-heading-top-risks = The highest risks
report-caption-top-risks = The highest risks in the body's risk assessments, with zones before and after treatment
report-top-risks-intro = { $shown ->
        [one] The highest
       *[other] The { $shown } highest
    } of { $analysed } analysed { $analysed ->
        [one] risk
       *[other] risks
    } in { $assessments } risk { $assessments ->
        [one] assessment
       *[other] assessments
    }, ordered by zone before treatment, then by likelihood × consequence.
report-top-risks-none = The report includes no risk assessments.
report-chart-top-before = Number of risks per cell before treatment ({ $size } matrix)
report-chart-top-after = Number of risks per cell after treatment ({ $size } matrix)
report-series-risk = Needs a risk assessment
report-series-no-risk = No risk assessment needed
cli-report-written = Wrote { $path }.
cli-report-failed = The report could not be made: { $detail }
cli-report-one-risk = A risk-assessment report takes exactly one --risk.

## Spreadsheets
xlsx-place-workbook = The workbook
xlsx-place-sheet = Sheet { $sheet }
xlsx-place-column = Sheet { $sheet }, column { $column }
xlsx-place-row = Sheet { $sheet }, row { $row }
xlsx-place-cell = Sheet { $sheet }, row { $row }, column { $column }
xlsx-wrong-type = wrong type: expected { $expected }, found { $found }
xlsx-invalid-value = invalid value "{ $value }"; allowed: { $allowed }
xlsx-empty-sheet = the sheet is empty (no header row)
xlsx-bad-header = a column header must be text, found { $found }
xlsx-duplicate-column = the column appears twice
xlsx-unknown-column = unknown column; known columns: { $known }
xlsx-missing-column = the column is missing
xlsx-too-many-rows = the sheet has { $rows } rows; at most { $max } are allowed
xlsx-too-many-columns = the sheet has { $columns } columns; at most { $max } are allowed
xlsx-org-one-row = the org sheet takes one row; this row is one too many
xlsx-required = { $column } must be filled in
xlsx-unknown-task = the task "{ $task }" is not among the organisation's tasks
xlsx-levels-required = consequence levels must be filled in for c, i and a
xlsx-unknown-system = the system "{ $system }" is not in the systems sheet
xlsx-unreadable = the file cannot be read as an XLSX workbook: { $detail }
xlsx-unknown-sheet = unknown sheet; known sheets: { $known }
xlsx-duplicate-sheet = the sheet appears twice
xlsx-no-sheets = the workbook has no known sheet; known sheets: { $known }
xlsx-too-large = the file is { $bytes } bytes; at most { $max } are allowed
xlsx-too-large-unpacked = the file unpacks to { $bytes } bytes; at most { $max } are allowed
xlsx-type-text = text
xlsx-type-id = an id (text)
xlsx-type-orgnr = an organisation number
xlsx-type-integer = a whole number
xlsx-type-date = a date
xlsx-type-number = a number
xlsx-type-boolean = a true/false value
xlsx-type-duration = a duration
xlsx-type-error = an error value
xlsx-type-empty = an empty cell
xlsx-readme-title = Grunnmur: the organisation's workspace as a spreadsheet
xlsx-readme-intro = One sheet per part of the body file, with the body file's keys as column headers. Lists of ids are separated by commas; evidence links go one per line; dates are dates or YYYY-MM-DD.
xlsx-readme-replace = On import, each sheet replaces the part of the workspace it covers; where a sheet is missing, what is there is kept. Every row is checked, and nothing is stored if anything is wrong, unless you explicitly choose to import only the valid rows.
xlsx-readme-sheet = Sheet
xlsx-readme-column = Column
xlsx-readme-meaning = Meaning
xlsx-col-org-orgnr = Organisation number (9 digits, valid check digit).
xlsx-col-org-name = The organisation's name.
xlsx-col-org-kind = Kind of body: stat, kommune, fylkeskommune, or supplier (an organisation that declares its services).
xlsx-col-org-sectors = Sectors, separated by commas (for example helse, vann).
xlsx-col-org-selection = Measure selection rule: per-dimension (default) or high-water-mark.
xlsx-col-org-cumulation-threshold = Number of information types at middels that flags cumulation (default 3).
xlsx-col-org-services = Suppliers' services the body uses for measures at body level, as declaration/service, separated by commas. An empty cell: none.
xlsx-col-tasks-task = Id of a task from the catalog (for tasks the organisation adopts).
xlsx-col-tasks-id = Id of the organisation's own task (leave task empty).
xlsx-col-tasks-name = Name of the own task.
xlsx-col-tasks-info-types = The own task's information types, separated by commas.
xlsx-col-overrides-task = The task the adaptation belongs to (task or id from the tasks sheet).
xlsx-col-overrides-info-type = The catalog information type whose level is changed.
xlsx-col-overrides-c = Chosen level for confidentiality (lav, middels, høy), empty for unchanged.
xlsx-col-overrides-i = Chosen level for integrity, empty for unchanged.
xlsx-col-overrides-a = Chosen level for availability, empty for unchanged.
xlsx-col-overrides-justification = Written justification for the change (required).
xlsx-col-info-types-id = Id of the organisation's own information type.
xlsx-col-info-types-name = Name of the information type.
xlsx-col-info-types-c = Consequence level for confidentiality (lav, middels, høy).
xlsx-col-info-types-i = Consequence level for integrity.
xlsx-col-info-types-a = Consequence level for availability.
xlsx-col-info-types-rationale = Rationale for the levels.
xlsx-col-systems-id = The system's id (lower-case letters, digits, dot, hyphen).
xlsx-col-systems-name = The system's name.
xlsx-col-systems-services = Suppliers' services the system uses, as declaration/service (for example nordsky-datasenter/plattform), separated by commas. An empty cell: none.
xlsx-col-task-mapping-system = The system (id from the systems sheet).
xlsx-col-task-mapping-task = The task the system supports (task or id from the tasks sheet).
xlsx-col-task-mapping-info-types = The information types the system processes for the task, separated by commas; empty means all.
xlsx-col-dependencies-system = The dependent system (id from the systems sheet).
xlsx-col-dependencies-depends-on = The system it depends on.
xlsx-col-dependencies-kind = runs_on (runs on / is operated by) or uses (calls / integrates with).
xlsx-col-measure-status-measure = The measure's id from the catalog.
xlsx-col-measure-status-system = The system's id for per-system measures; empty for measures for the whole organisation.
xlsx-col-measure-status-status = not_started, in_progress, partial, implemented, not_applicable or supplier.
xlsx-col-measure-status-owner = Owner.
xlsx-col-measure-status-due = Due date.
xlsx-col-measure-status-justification = Justification (required for not_applicable).
xlsx-col-measure-status-evidence = Evidence, one link per line.
xlsx-col-measure-status-valid-until = Expiry of the supplier declaration (for supplier).
xlsx-col-groups-id = The group's id (lower-case letters, digits, dot, hyphen).
xlsx-col-groups-name = The group's name.
xlsx-col-groups-systems = The systems in the group, as ids separated by commas. A system may be in several groups.
xlsx-col-implementations-id = The implementation's id.
xlsx-col-implementations-name = What the work is.
xlsx-col-implementations-measures = The measures the work meets, as catalog ids separated by commas.
xlsx-col-implementations-covers = What the work covers: systems, groups, runs_on (the system and everything that runs on it), all (every system) or org (the body).
xlsx-col-implementations-targets = For systems and groups: the ids, separated by commas. For runs_on: the system's id. Empty for all and org.
xlsx-col-implementations-status = not_started, in_progress, partial or implemented.
xlsx-col-implementations-owner = Owner.
xlsx-col-implementations-due = Due date.
xlsx-col-implementations-justification = Justification or note.
xlsx-col-implementations-evidence = Evidence, one link per line.
cli-xlsx-written = Wrote { $path }.
cli-xlsx-refused = The import is refused: { $count } problems. Nothing was written.
cli-xlsx-imported = Imported the workspace into { $path }.
cli-xlsx-skipped = { $count } rows with problems were left out (--valid-rows-only):
cli-xlsx-base-invalid = The base file has errors; nothing was imported.

# Reports: where a status comes from (rule 15), and suppliers' declarations about to expire
report-col-source = Source
report-source-own = Own status
report-source-implementation = Implementation
report-source-supplier = Supplier
report-source-shared = Shared with supplier
report-source-none = None yet
report-source-implementation-named = Implementation: { $name }
report-source-supplier-named = Supplier: { $service }
report-source-shared-named = Shared: { $service }; own part: { $part }
report-source-shared-open = not in place
report-source-note = Required measures by where their status comes from: the body's own status for the pair, an implementation covering several systems, a supplier's service that does all of it, or a shared service where the body's own part must be in place too.
report-sheet-source = By source
report-heading-source = Required measures by source
report-caption-source = Required measures by where their status comes from, by status
report-chart-source = Status of required measures by source
report-sheet-expiring = Expiring declarations
report-heading-expiring = Suppliers' declarations about to expire
report-caption-expiring = Declarations the body uses, with their end date
report-expiring-intro = Declarations that expire within { $days } days. Once a declaration has expired it no longer counts, and the measures it covered must be covered another way.
report-col-supplier = Supplier
report-col-declaration = Declaration
report-col-valid-until = Valid until
report-col-days-left = Days left

# Attestations (signed statements about the baselines)
cli-keygen-written = Wrote the private key to { $path } (readable by you alone). Key id: { $kid }. The public key is above; share it, never the file.
cli-attest-scope = "{ $value }" is not a scope; write system:ID.
cli-attest-unknown-system = The body has no system "{ $system }".
cli-attest-no-keys = Give the public keys with --jwks FILE or --key FILE.
cli-attest-revoked = Added { $id } to the revocation list ({ $n } in all).
cli-attest-malformed = not an attestation (compact JWS): { $what }
cli-attest-algorithm = the algorithm is { $alg }, not EdDSA
cli-attest-unknown-key = signed with an unknown key ({ $kid })
cli-attest-bad-signature = the signature does not match: the content was changed, or another key signed it
cli-attest-expired = expired; valid until { $until }
cli-attest-revoked-on = revoked on { $date } ({ $id })
cli-attest-scope-body = the whole body
cli-attest-scope-systems = the systems { $systems }
cli-attest-summary = Valid attestation for { $name } ({ $orgnr }), { $scope }, catalog { $catalog }, dated { $date }, valid until { $until }. Key { $kid }, id { $id }.
cli-attest-baseline = BN{ $baseline }: { $in_place } of { $required } required measures in place (each measure per system and for the body), { $na } not applicable.
cli-attest-rest = Required measures not in place: { $open }. Deviations from recommended levels: { $deviations }. Accepted residual risks: { $risks }.
problem-invalid-review-months = review_months must be from 1 to { $max } months, not { $value }
cli-attest-too-large = { $path }: larger than { $max } bytes; not read.
cli-attest-bad-key = { $path }: not a private Ed25519 key from grunnmur keygen ({ $detail }).
cli-draft-import-no-draft = The server has no open draft of { $catalog } { $version }. Begin one (POST /api/catalog/drafts) or set the version in catalog.yaml to the draft's.
cli-draft-import-changed = changed: { $entry }
cli-draft-import-proposed = proposed to the owner's editors: { $entry }
cli-draft-import-failed = refused: { $entry }: { $detail }
cli-draft-import-done = { $changed } changed, { $proposed } proposed, { $failed } refused.
