## Søk i ei verksemd, nedlasting av lister, og avvikslista.

search-label = Søk i verksemda
search-field = Søk
search-button = Søk
search-hint = Namn eller id på eit system, ei oppgåve, ein informasjonstype, eit tiltak eller ei risikovurdering
search-title = Søk
search-intro = Søket går i systema, oppgåvene, informasjonstypane, tiltaka og risikovurderingane til verksemda, på namn og id, på bokmål og engelsk.
search-page-label = Søk på nytt
search-empty = Skriv eit namn eller ein id for å søkje.
search-none = Ingen treff for «{ $q }».
search-count = { $n } { $n ->
        [one] treff
       *[other] treff
    } for «{ $q }».
search-too-long = Søket kan vere høgst { $max } teikn langt; det var { $chars }.
search-more = …og { $n } til som ikkje vert viste. Skriv meir av namnet for å finne dei.
search-kind-systems = System
search-kind-tasks = Oppgåver
search-kind-info-types = Informasjonstypar
search-kind-measures = Tiltak
search-kind-assessments = Risikovurderingar
search-kind-risks = Risikoar
search-note-own = eigen
search-note-catalog = frå katalogen
search-note-required = påkravd { $n } { $n ->
        [one] stad
       *[other] stader
    }
search-note-not-required = i katalogen, ikkje påkravd
search-note-not-used = i katalogen, ikkje i bruk
search-note-assessment = i { $title }
search-measure-only = Viser berre tiltaket { $name } ({ $id }).
search-measure-all = Vis alle tiltak

export-label = Last ned lista:
export-hint = Fila har dei same radene som lista, alle sidene.
export-xlsx = Excel (XLSX)
export-csv = CSV
export-file-measures = tiltak
export-file-systems = system
export-file-risk = risikovurderingar
export-file-deviations = avvik
export-col-measure-id = Tiltak-id
export-col-system-id = System-id
export-col-task-id = Oppgåve-id
export-col-info-type-id = Informasjonstype-id
export-col-object-id = Objekt-id
export-col-id = Id
export-col-depends-on = Avheng av

deviations-title = Avvik frå tilrådde nivå
deviations-intro = Her er kvart nivå verksemda har endra frå tilrådinga i katalogen, med grunngivinga. Eit senka nivå gjer at oppgåva treng ei risikovurdering.
deviations-none = Verksemda følgjer dei tilrådde nivåa i katalogen.
deviations-caption = Endra nivå per oppgåve og informasjonstype
deviations-col-change = Endring
deviations-lowered = senka
deviations-raised = heva
deviations-count = { $n } { $n ->
        [one] avvik
       *[other] avvik
    }, { $lowered } { $lowered ->
        [one] senka
       *[other] senka
    }.
deviations-link = Sjå alle avvik

# Suppliers' services on the body's side: the search finds them
search-kind-services = Leverandørtenester
export-file-follow-up = oppfolging
