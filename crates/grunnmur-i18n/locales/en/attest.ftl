## Signed baseline attestations: issued and revoked by a body's administrator, verified by anyone.

api-attest-no-key = The server has no key to sign attestations with.
account-attest-months = The validity must be between 1 and 36 months.
account-attest-unknown-system = Choose systems the body has.
account-attest-reason = Say why the attestation is revoked (at most 10,000 characters).
serve-attest-key-created = The key that signs attestations was made in { $path } (id { $kid }). Keep a copy; its public part is at /.well-known/jwks.json.

ui-nav-attestations = Attestations
ui-attest-title = Attestations of the baselines
ui-attest-intro = An attestation is a signed statement of how far the body has come with the measures of its baselines: the levels, how many required measures are in place per baseline, which are not, deviations and accepted residual risks. It can be handed to another body, which can check the signature itself, without asking us.
ui-attest-verify-link = Verify an attestation
ui-attest-keys-link = The server's public keys (JWKS)
ui-attest-issue-title = Issue an attestation
ui-attest-systems = What the attestation covers
ui-attest-systems-hint = Tick the systems it covers; with none ticked it covers the whole body. The body-level measures are always included.
ui-attest-months = Valid for
ui-attest-months-n = { $n ->
    [one] 1 month
   *[other] { $n } months
}
ui-attest-issue = Sign the attestation
ui-attest-issued = Attestations issued
ui-attest-none = No attestations have been issued yet.
ui-attest-caption = The body's attestations, newest first
ui-attest-col-scope = Covers
ui-attest-col-until = Valid until
ui-attest-col-issued = Issued by
ui-attest-col-state = State
ui-attest-col-file = File
ui-attest-state-valid = Valid
ui-attest-state-expired = Expired
ui-attest-state-revoked = Revoked { $at }: { $reason }
ui-attest-reason = Why it is revoked
ui-attest-revoke = Revoke
ui-attest-download = Download (.jws)
ui-verify-title = Verify an attestation
ui-verify-intro = Paste or upload an attestation from Grunnmur. The page checks the signature against the server's keys, whether it has expired and whether it was revoked, and shows what it says. Nothing is stored.
ui-verify-token = The attestation (the text that starts with eyJ)
ui-verify-token-hint = Or choose the file below.
ui-verify-file = File with the attestation (.jws)
ui-verify-check = Verify
ui-verify-holds = The attestation is valid
ui-verify-fails = The attestation does not hold
ui-verify-empty = Paste an attestation or choose a file.
ui-verify-offline = The attestation can also be checked without this page, with any JOSE library (EdDSA) and the server's public keys:
ui-verify-revocations-link = the list of revoked ones (signed)
account-national-kind = Choose a kind of body: kommune, fylkeskommune or stat.

ui-nav-national = National picture
ui-national-title = National picture
ui-national-intro = Figures across bodies for guidance and supervisory authorities. No body is named, and a figure built from fewer than 5 bodies is not shown.
ui-national-kind = Kind of body
ui-national-sector = Sector
ui-national-all = All
ui-national-summary = { $n ->
    [one] The group has one body.
   *[other] The group has { $n } bodies.
}
ui-national-suppressed = The group has fewer than 5 bodies, so no figures are shown.
ui-national-hidden = hidden (fewer than 5)
ui-national-by-baseline = Coverage by baseline
ui-national-by-activity = Coverage by governance activity
ui-national-least = The measures most often missing
ui-national-tasks = The tasks the bodies adopted
ui-national-col-what = What
ui-national-col-bodies = Bodies where it is required
ui-national-col-in-place = Bodies where it is in place everywhere
ui-national-col-share = Required pairs in place
ui-national-col-na = Bodies where it is not applicable
ui-national-col-pairs = Required pairs
ui-national-col-pairs-in-place = Pairs in place
ui-national-col-hidden = Hidden
ui-national-col-task = Task
ui-national-tasks-intro = Per kind of body: how many of its bodies in the group adopted each catalog task, of how many. A kind with fewer than 5 bodies in the group, and a task fewer than 5 bodies adopted, are shown without figures.
ui-national-kind-stat = State bodies
ui-national-kind-kommune = Municipalities
ui-national-kind-fylkeskommune = County authorities
ui-national-kind-count = { $n ->
    [one] The group has one body of this kind.
   *[other] The group has { $n } bodies of this kind.
}
ui-national-kind-suppressed = { $n ->
    [one] The group has one body of this kind: fewer than 5, so no figures are shown.
   *[other] The group has { $n } bodies of this kind: fewer than 5, so no figures are shown.
}
ui-national-pic-baselines = Required pairs in place, by baseline
ui-national-pic-activities = Required pairs in place, by governance activity
ui-national-pic-least = Required pairs in place, for the measures most often missing
ui-national-pic-pairs-intro = Each bar shows the share of required pairs (a measure required for a system, or for a body as a whole) that are in place, from 0 to 100 %. The same figures are in the table below.
ui-national-pic-tasks = { $kind }: the share of the { $n } bodies that adopted each task
ui-national-pic-tasks-intro = Each bar shows the share of the bodies of this kind that adopted the task, from 0 to 100 %. The same figures are in the table below.
ui-national-pic-item = { $name }: { $figure }

ui-peers-title = Compared with others
ui-peers-group = Compared with { $n } bodies of the same kind ({ $kind }, and for municipalities the same size by number of systems). None of them is named.
ui-peers-too-few = There are fewer than 5 bodies of the same kind ({ $kind }) to compare with, so no figures are shown.
ui-peers-caption = The share of required measures in place, per baseline
ui-peers-col-baseline = Baseline
ui-peers-col-own = You
ui-peers-col-median = Median
ui-peers-col-middle = Middle half

## Catalog calibration (catalog editors)
ui-calib-title = Catalog calibration
ui-calib-intro = Where bodies depart from the catalog: recommended levels they raise or lower, measures they mark not applicable, and tasks they add themselves. A row is shown only when at least 5 bodies are behind it, and a justification only when at least 5 bodies gave one. No body is named.
ui-calib-link = Calibration: where bodies depart from the catalog
ui-calib-find = Search names and justifications
ui-calib-summary = { $n ->
    [one] From one body.
   *[other] From { $n } bodies.
}
ui-calib-suppressed = Fewer than 5 bodies have data, so nothing is shown.
ui-calib-levels = Recommendations bodies change
ui-calib-na = Measures marked not applicable
ui-calib-own = Own tasks bodies add
ui-calib-empty = No rows from at least 5 bodies.
ui-calib-raised = Raised: { $dimension }
ui-calib-lowered = Lowered: { $dimension }
ui-calib-pairs = { $n ->
    [one] one requirement
   *[other] { $n } requirements
}
ui-calib-bodies-of = { $n } of { $of }
ui-calib-no-texts = Shown once at least 5 bodies have given a justification
ui-calib-col-section = Part
ui-calib-col-id = ID
ui-calib-col-what = What
ui-calib-col-detail = Detail
ui-calib-col-change = Change
ui-calib-col-pairs = Marked not applicable
ui-calib-col-bodies = Bodies
ui-calib-col-texts = Justifications
