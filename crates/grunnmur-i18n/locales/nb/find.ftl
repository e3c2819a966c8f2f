## Søk i en virksomhet, nedlasting av lister, og avvikslisten.

search-label = Søk i virksomheten
search-field = Søk
search-button = Søk
search-hint = Navn eller id på et system, en oppgave, en informasjonstype, et tiltak eller en risikovurdering
search-title = Søk
search-intro = Søket går i virksomhetens systemer, oppgaver, informasjonstyper, tiltak og risikovurderinger, på navn og id, på bokmål og engelsk.
search-page-label = Søk på nytt
search-empty = Skriv et navn eller en id for å søke.
search-none = Ingen treff for «{ $q }».
search-count = { $n } { $n ->
        [one] treff
       *[other] treff
    } for «{ $q }».
search-too-long = Søket kan være høyst { $max } tegn langt; det var { $chars }.
search-more = …og { $n } til som ikke vises. Skriv mer av navnet for å finne dem.
search-kind-systems = Systemer
search-kind-tasks = Oppgaver
search-kind-info-types = Informasjonstyper
search-kind-measures = Tiltak
search-kind-assessments = Risikovurderinger
search-kind-risks = Risikoer
search-note-own = egen
search-note-catalog = fra katalogen
search-note-required = påkrevd { $n } { $n ->
        [one] sted
       *[other] steder
    }
search-note-not-required = i katalogen, ikke påkrevd
search-note-not-used = i katalogen, ikke i bruk
search-note-assessment = i { $title }
search-measure-only = Viser bare tiltaket { $name } ({ $id }).
search-measure-all = Vis alle tiltak

export-label = Last ned listen:
export-hint = Filen har de samme radene som listen, alle sidene.
export-xlsx = Excel (XLSX)
export-csv = CSV
export-file-measures = tiltak
export-file-systems = systemer
export-file-risk = risikovurderinger
export-file-deviations = avvik
export-col-measure-id = Tiltak-id
export-col-system-id = System-id
export-col-task-id = Oppgave-id
export-col-info-type-id = Informasjonstype-id
export-col-object-id = Objekt-id
export-col-id = Id
export-col-depends-on = Avhenger av

deviations-title = Avvik fra anbefalte nivåer
deviations-intro = Her er hvert nivå virksomheten har endret fra katalogens anbefaling, med begrunnelsen. Et senket nivå gjør at oppgaven trenger en risikovurdering.
deviations-none = Virksomheten følger katalogens anbefalte nivåer.
deviations-caption = Endrede nivåer per oppgave og informasjonstype
deviations-col-change = Endring
deviations-lowered = senket
deviations-raised = hevet
deviations-count = { $n } { $n ->
        [one] avvik
       *[other] avvik
    }, { $lowered } { $lowered ->
        [one] senket
       *[other] senket
    }.
deviations-link = Se alle avvik

# Suppliers' services on the body's side: the search finds them
search-kind-services = Leverandørtjenester
export-file-follow-up = oppfolging
