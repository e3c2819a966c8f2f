# Grunnmur — English

## Severity
severity-error = error
severity-warning = warning

## Problems in catalog and body files
problem-io = cannot read the file: { $detail }
problem-syntax = invalid YAML/JSON: { $detail }
problem-format = wrong shape: { $detail }
problem-not-a-mapping = { $what } must be a mapping of keys
problem-unknown-section = unknown section "{ $section }" (allowed: catalog, requirements, consequence_scale, activities, info_types, tasks, measures, profiles)
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
problem-invalid-orgnr = invalid organisation number "{ $value }": 9 digits with a valid MOD11 check digit
problem-invalid-sector = invalid sector id "{ $value }"
problem-invalid-threshold = cumulation_threshold must be at least 1
problem-task-needs-id-or-task = a task needs either "task" (from the catalog) or "id", "name" and "info_types" (the body's own task)
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

## Command line
cli-problems-summary = { $errors } errors, { $warnings } warnings
cli-catalog-ok = Catalog { $id } { $version } is valid: { $info_types } information types, { $tasks } tasks, { $measures } measures, { $profiles } profiles.
cli-strict-failed = --strict: warnings count as errors
cli-body-invalid = The body file has errors; nothing was assessed.
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
oscal-ssp-failed = The system security plan could not be made.

