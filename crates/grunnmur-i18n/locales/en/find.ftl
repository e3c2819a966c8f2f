## Searching a body, downloading lists, and the list of deviations.

search-label = Search this body
search-field = Search
search-button = Search
search-hint = The name or id of a system, task, information type, measure or risk assessment
search-title = Search
search-intro = The search covers the body's systems, tasks, information types, measures and risk assessments, by name and id, in bokmål and English.
search-page-label = Search again
search-empty = Type a name or an id to search.
search-none = No results for “{ $q }”.
search-count = { $n } { $n ->
        [one] result
       *[other] results
    } for “{ $q }”.
search-too-long = A search may be at most { $max } characters long; this one was { $chars }.
search-more = …and { $n } more not shown. Type more of the name to find them.
search-kind-systems = Systems
search-kind-tasks = Tasks
search-kind-info-types = Information types
search-kind-measures = Measures
search-kind-assessments = Risk assessments
search-kind-risks = Risks
search-note-own = own
search-note-catalog = from the catalog
search-note-required = required in { $n } { $n ->
        [one] place
       *[other] places
    }
search-note-not-required = in the catalog, not required
search-note-not-used = in the catalog, not in use
search-note-assessment = in { $title }
search-measure-only = Showing only the measure { $name } ({ $id }).
search-measure-all = Show all measures

export-label = Download the list:
export-hint = The file has the same rows as the list, every page of it.
export-xlsx = Excel (XLSX)
export-csv = CSV
export-file-measures = measures
export-file-systems = systems
export-file-risk = risk-assessments
export-file-deviations = deviations
export-col-measure-id = Measure id
export-col-system-id = System id
export-col-task-id = Task id
export-col-info-type-id = Information type id
export-col-object-id = Object id
export-col-id = Id
export-col-depends-on = Depends on

deviations-title = Deviations from the recommended levels
deviations-intro = Every level the body has changed from the catalog's recommendation, with its justification. A lowered level means the task needs a risk assessment.
deviations-none = The body follows the catalog's recommended levels.
deviations-caption = Changed levels per task and information type
deviations-col-change = Change
deviations-lowered = lowered
deviations-raised = raised
deviations-count = { $n } { $n ->
        [one] deviation
       *[other] deviations
    }, { $lowered } lowered.
deviations-link = See all deviations

# Suppliers' services on the body's side: the search finds them
search-kind-services = Suppliers' services
export-file-follow-up = follow-up
