# The web application (server-rendered pages).

# Each language's name in itself, the same in all three files.
ui-lang-nb = Norsk bokmål
ui-lang-nn = Norsk nynorsk
ui-lang-en = English
ui-lang-label = Språk
ui-skip = Hopp til hovedinnholdet
ui-tagline = felles sikkerhet i forvaltningen
ui-logout = Logg ut
ui-nav-label = Hovedmeny
ui-nav-dashboard = Oversikt
ui-nav-tasks = Oppgaver
ui-nav-adapt = Tilpass nivåer
ui-nav-systems = Systemer
ui-nav-measures = Tiltak
ui-nav-settings = Innstillinger
ui-nav-members = Medlemmer
ui-nav-audit = Endringslogg
ui-nav-catalog = Katalogen
ui-nav-bodies = Virksomheter
ui-nav-accessibility = Tilgjengelighetserklæring
ui-saved = Endringen er lagret.
ui-save = Lagre
ui-back = Tilbake
ui-back-systems = Tilbake til systemene
ui-change = Endre
ui-why = Hvorfor?
ui-set-status = Sett status
ui-own = Egen
ui-from-catalog = Fra katalogen
ui-prev = Forrige side
ui-next = Neste side
ui-scroll = Innhold som kan rulles sideveis
ui-pages = Sider
ui-error-title = Siden kan ikke vises
ui-error-home = Til forsiden
ui-form-problems = Skjemaet har feil som må rettes
ui-field-required = { $field } må fylles ut.
ui-date-invalid = «{ $value }» er ikke en dato. Skriv den som dd.mm.åååå eller åååå-mm-dd.

ui-login-title = Logg inn
ui-login-intro = Logg inn med e-postadressen og passordet til kontoen din i Grunnmur.
ui-login-email = E-postadresse
ui-login-password = Passord
ui-login-submit = Logg inn
ui-login-oidc = Logg inn med virksomhetens innlogging
ui-login-failed = Feil e-postadresse eller passord.
ui-login-too-many = For mange mislykkede forsøk. Vent { $seconds } { $seconds ->
        [one] sekund
       *[other] sekunder
    } og prøv igjen.
ui-oidc-continue-title = Du er logget inn
ui-oidc-continue = Gå videre
ui-oidc-expired = Innloggingen ble ikke fullført i tide, eller den ble startet et annet sted. Prøv igjen.
ui-oidc-refused = Innloggingen hos virksomheten din ble avbrutt eller avvist. Prøv igjen, eller kontakt brukerstøtte.
ui-oidc-unavailable = Innloggingstjenesten til virksomheten din svarer ikke nå. Prøv igjen om litt.
ui-oidc-no-email = Innloggingstjenesten oppga ingen bekreftet e-postadresse, så kontoen din kan ikke finnes. Kontakt administratoren.
ui-oidc-link-refused = Kontoen med denne e-postadressen kan ikke knyttes til innloggingen din automatisk. Kontakt administratoren.

ui-bodies-title = Velg virksomhet
ui-bodies-none = Du er ikke medlem av noen virksomhet ennå. Be en administrator om tilgang.
ui-bodies-caption = Virksomhetene du har tilgang til
ui-role-admin = Administrator
ui-role-editor = Redaktør
ui-role-reader = Leser

ui-col-name = Navn
ui-col-orgnr = Organisasjonsnummer
ui-col-kind = Type
ui-col-role = Rolle
ui-col-object = Gjelder
ui-col-reasons = Hvorfor
ui-col-select = Velg
ui-col-source = Kilde
ui-col-info-types = Informasjonstyper
ui-col-info-type = Informasjonstype
ui-col-systems = Systemer
ui-col-tasks = Oppgaver
ui-col-task = Oppgave
ui-col-recommended = Anbefalt
ui-col-chosen = Valgt
ui-col-justification = Begrunnelse
ui-col-action = Handling
ui-col-depends-on = Avhenger av
ui-col-required = Påkrevde tiltak
ui-col-measure = Tiltak
ui-col-param = Parameter
ui-col-value = Verdi
ui-col-set-by = Satt av
ui-col-time = Tidspunkt
ui-col-actor = Utført av
ui-col-hash = Kjedesum
ui-col-id = Id
ui-col-applies-to = Gjelder for
ui-col-rationale = Begrunnelse for nivåene
ui-col-protects = Beskytter
ui-col-scope = Omfang
ui-col-area = Konsekvensområde

ui-dashboard-title = Oversikt
ui-dashboard-intro = Her ser du hvor virksomheten står i arbeidet med de tre spørsmålene, og hva som trenger oppmerksomhet nå.
ui-questions-title = De tre spørsmålene
ui-q1 = Hvilke oppgaver løser vi, og hvilken informasjon behandler de?
ui-q1-detail = { $tasks } { $tasks ->
        [one] oppgave
       *[other] oppgaver
    } valgt. { $systems } { $systems ->
        [one] system
       *[other] systemer
    }, hvorav { $mapped } er knyttet til oppgaver.
ui-q1-link = Velg oppgaver og knytt dem til systemer
ui-q2 = Hvor alvorlig kan en hendelse bli?
ui-q2-detail = Nivåene følger katalogens anbefalinger med { $deviations } avvik.
ui-q2-link = Se og tilpass nivåene
ui-q3 = Hvilke tiltak bør vi ha?
ui-q3-detail = { $in_place } av { $required } { $required ->
        [one] påkrevd tiltak
       *[other] påkrevde tiltak
    } er på plass.
ui-q3-link = Se og følg opp tiltakene
ui-state-done = Ferdig
ui-state-todo = Gjenstår
ui-levels-title = Virksomhetens nivåer
ui-levels-caption = Det høyeste nivået for konfidensialitet, integritet og tilgjengelighet blant virksomhetens oppgaver
ui-attention-title = Trenger oppmerksomhet nå
ui-attention-overdue = Forfalte tiltak: { $n }
ui-attention-deviations = Avvik fra anbefalte nivåer: { $n }
ui-attention-cumulation = Systemer med kumulasjon: { $n }
ui-attention-undocumented = Iverksatt uten dokumentasjon (udokumentert): { $n }
ui-attention-none = Ingenting trenger risikovurdering nå.
ui-attention-caption = Her trengs en risikovurdering, viktigst først
ui-attention-more = …og { $n } til.
ui-progress-title = Framdrift
ui-grid-title = Systemenes nivåer
ui-grid-svg-title = Nivåer for { $n } { $n ->
        [one] system
       *[other] systemer
    }

ui-tasks-title = Ha oversikt og prioritere
ui-tasks-intro = Velg oppgavene virksomheten løser. Hver oppgave tar med seg informasjonstypene den behandler og de anbefalte nivåene deres. Legg til egne oppgaver og informasjonstyper der katalogen ikke dekker dere.
ui-tasks-chosen = Valgte oppgaver
ui-tasks-chosen-caption = Oppgavene virksomheten har valgt, med nivåene de gir
ui-tasks-none = Ingen oppgaver er valgt ennå.
ui-tasks-select = Velg { $name }
ui-tasks-remove = Fjern valgte oppgaver
ui-tasks-suggested = Forslag fra katalogen
ui-tasks-suggested-intro = Oppgavene katalogen foreslår for virksomhetens type og sektorer.
ui-tasks-show-all = Vis alle oppgavene i katalogen
ui-tasks-all-shown = Alle oppgavene i katalogen vises.
ui-tasks-show-suggested = Vis bare forslagene
ui-tasks-no-suggestions = Alle foreslåtte oppgaver er allerede valgt.
ui-tasks-pick = Oppgaver å legge til
ui-tasks-add = Legg til valgte oppgaver
ui-n-info-types = { $n } { $n ->
        [one] informasjonstype
       *[other] informasjonstyper
    }
ui-tasks-own-title = Legg til en egen oppgave
ui-tasks-own-add = Legg til oppgaven
ui-info-own-title = Legg til en egen informasjonstype
ui-info-own-add = Legg til informasjonstypen
ui-field-task_id = Id for oppgaven
ui-field-task_name = Navn på oppgaven
ui-field-task_info = Informasjonstyper oppgaven behandler
ui-field-info_id = Id for informasjonstypen
ui-field-info_name = Navn på informasjonstypen
ui-field-info_rationale = Begrunnelse for nivåene
ui-field-id = Id
ui-field-name = Navn
ui-hint-id = Små bokstaver, tall og bindestrek, for eksempel «eget-arkiv».
ui-hint-info-ids = Id-ene til informasjonstypene, skilt med komma.
ui-requirements-title = Krav som følger av oppgavene
ui-requirements-intro = Lover og forskrifter som gjelder for oppgavene og informasjonen dere har valgt:
ui-requirements-none = Ingen krav er knyttet til de valgte oppgavene.

ui-adapt-title = Tilpass nivåene
ui-adapt-intro = Katalogen anbefaler nivåer for hver informasjonstype. Dere kan velge andre nivåer med en begrunnelse. Senker dere et nivå under anbefalingen, må oppgaven risikovurderes.
ui-adapt-caption = Informasjonstyper i { $task }
ui-adapt-no-info = Oppgaven har ingen informasjonstyper.
ui-adapt-lowered = senket
ui-adapt-adapted = tilpasset
ui-adapt-edit-title = Tilpass nivåene for en informasjonstype
ui-adapt-lowering-note = Velg nivåene som passer for dere. Et nivå under anbefalingen gjør at oppgaven havner på listen over det som må risikovurderes.
ui-adapt-lowered-now = Minst ett nivå er nå senket under anbefalingen, så oppgaven må risikovurderes.
ui-adapt-justification-hint = Påkrevd når et nivå avviker fra anbefalingen.
ui-adapt-justification-required = Skriv en begrunnelse når et nivå avviker fra anbefalingen.
ui-adapt-level-invalid = Velg lav, middels eller høy.

ui-systems-title = Systemer
ui-systems-intro = Systemene arver nivåene fra informasjonen de behandler og fra systemene som avhenger av dem.
ui-systems-none = Ingen systemer er registrert ennå.
ui-systems-caption = Systemene med avledede nivåer
ui-systems-new = Registrer et system
ui-systems-create = Registrer systemet
ui-systems-id-taken = Et system med id «{ $id }» finnes allerede.
ui-graph-title = Avhengigheter mellom systemene
ui-graph-intro = Hver pil går fra et system til det det avhenger av. Hel strek: kjører på. Stiplet strek: bruker. Tabellen over viser de samme avhengighetene.
ui-graph-desc = { $systems } { $systems ->
        [one] system
       *[other] systemer
    } og { $edges } { $edges ->
        [one] avhengighet
       *[other] avhengigheter
    }.
ui-system-title = System
ui-system-levels = Nivåer
ui-system-levels-caption = Nivåene fra systemets egen informasjon og etter arv gjennom avhengigheter
ui-system-own-levels = Fra egen informasjon
ui-system-derived-levels = Avledet, med arv
ui-system-cumulation = Kumulasjon for { $dims }: systemet behandler mange informasjonstyper på middels nivå. Vurder om samlet risiko tilsier et høyere nivå.
ui-why-levels = Hvorfor har systemet disse nivåene?
ui-system-edit = Endre systemet
ui-system-tasks = Oppgaver systemet støtter
ui-system-deps = Avhengigheter
ui-dep-runs_on = kjører på
ui-dep-uses = bruker
ui-dep-none = Ingen ny avhengighet
ui-dep-add = Legg til en avhengighet til
ui-dep-kind = Type avhengighet
ui-dep-remove = Fjern: { $kind } { $name }
ui-system-required = Påkrevde tiltak for systemet
ui-system-required-none = Systemet har ingen påkrevde tiltak ennå. Knytt det til oppgaver først.
ui-system-required-caption = { $n } { $n ->
        [one] påkrevd tiltak
       *[other] påkrevde tiltak
    }
ui-system-delete-title = Slett systemet
ui-system-delete-note = Sletter systemet, avhengighetene til det og statusene for tiltakene dets.
ui-system-delete = Slett systemet

ui-why-levels-title = Hvorfor disse nivåene
ui-why-levels-heading = Hvorfor { $name } har disse nivåene
ui-why-levels-intro = For hver dimensjon: informasjonen som gir nivået, oppgaven den hører til, og veien gjennom avhengighetene.
ui-trail-default = Ingenting hever nivået, så det er det laveste.
ui-trail-source = Informasjonstypen «{ $info }» i oppgaven «{ $task }»
ui-trail-in-system = behandles i systemet { $system }.
ui-trail-adapted = Anbefalt nivå var { $recommended }; virksomheten har tilpasset det: «{ $justification }».
ui-trail-path = Nivået arves gjennom:
ui-trail-step-runs_on = { $system } kjører på { $on }
ui-trail-step-uses = { $system } bruker { $on }
ui-why-title = Hvorfor tiltaket er påkrevd
ui-why-heading = Hvorfor { $measure } er påkrevd for { $place }
ui-why-selection = Utvelgelse
ui-why-profile = Profil
ui-why-added-by = Lagt til av profilen { $profile }.
ui-why-moved-by = Flyttet til et tidligere nivå av profilen { $profile }.
ui-why-sector-reach = Profilen { $profile } når dette systemet gjennom sektoren { $sector }: { $system } behandler { $task }.
ui-why-duties = Kreves av en lovplikt, uansett nivå
ui-why-duty-info = { $requirement }: { $info } i { $task }
ui-why-duty-task = { $requirement }: oppgaven { $task }
ui-why-catalog-baseline = BN{ $n } i katalogen
ui-why-because = Tiltaket er påkrevd på grunn av:
ui-why-params = Parametere
ui-why-param-default = katalogen
ui-why-not-required = Tiltaket er ikke påkrevd her med nivåene og profilene virksomheten har nå.
ui-selection-per-dimension = Per dimensjon
ui-selection-high-water-mark = Høyeste nivå (høyvannsmerke)

ui-measures-title = Tiltak
ui-measures-intro = Alle påkrevde tiltak for virksomheten og systemene. Filtrer for å finne det du skal følge opp.
ui-filter-label = Filtrer tiltakene
ui-filter-all = Alle
ui-filter-system = Gjelder
ui-filter-kind = Type tiltak
ui-filter-purpose = Formål
ui-filter-overdue = forfalt
ui-filter-undocumented = iverksatt uten dokumentasjon
ui-filter-apply = Filtrer
ui-measures-count = { $n } { $n ->
        [one] påkrevd tiltak passer
       *[other] påkrevde tiltak passer
    } med filteret.
ui-measures-caption = Påkrevde tiltak { $from }–{ $to }
ui-kind-organisatorisk = Organisatorisk
ui-kind-menneskelig = Menneskelig
ui-kind-fysisk = Fysisk
ui-kind-teknologisk = Teknologisk
ui-purpose-forebygge = Forebygge
ui-purpose-oppdage = Oppdage
ui-purpose-handtere = Håndtere
ui-scope-system = System
ui-scope-org = Hele virksomheten
ui-measure-edit-title = Sett status for et tiltak
ui-measure-not-required = Tiltaket er ikke påkrevd her nå. En status lagres likevel.
ui-measure-status-invalid = Velg en status fra listen.
ui-measure-justification-required = Begrunn hvorfor tiltaket ikke er relevant.
ui-field-evidence = Dokumentasjon
ui-field-valid_until = Leverandørerklæringen gjelder til
ui-hint-date = Velg datoen i feltet, eller skriv den som dd.mm.åååå (31.12.2026) eller åååå-mm-dd (2026-12-31).
ui-hint-evidence = Én lenke eller henvisning per linje.
ui-hint-justification-na = Påkrevd når tiltaket ikke er relevant.
ui-hint-valid-until = For status «Dekket av leverandør»: når erklæringen må fornyes.

ui-settings-title = Innstillinger
ui-field-selection = Utvelgelse av tiltak
ui-hint-selection = Per dimensjon: et tiltak velges når en dimensjon det beskytter når nivået. Høyeste nivå: det høyeste av nivåene avgjør for alle tiltak.
ui-field-sectors = Sektorer
ui-hint-sectors = Sektorene avgjør hvilke sektorprofiler som gjelder.
ui-field-threshold = Terskel for kumulasjon
ui-hint-threshold = Så mange ulike informasjonstyper på middels nivå i samme dimensjon gjør at et system flagges.
ui-settings-threshold-invalid = Terskelen må være et helt tall, minst 1.
ui-settings-admin-only = Bare administratorer kan endre innstillingene.
ui-release-title = Katalogversjon
ui-release-current = Virksomheten følger katalogen { $id }, versjon { $version }.
ui-release-intro = En publisert katalogversjon endres aldri. Virksomheten blir på sin versjon til en administrator velger å flytte den, etter å ha sett hva som endres. Flyttingen stoppes hvis arbeidsområdet ikke passer med den nye versjonen.
ui-newer-release = Katalogversjon { $version } er publisert. For dere endrer den { $systems } systemer: { $added } tiltak blir påkrevd og { $removed } er ikke lenger påkrevd.
ui-newer-release-none = Katalogversjon { $version } er publisert. For dere endrer den ingenting.
ui-newer-release-misfit = Katalogversjon { $version } er publisert, men arbeidsområdet passer ikke med den ennå ({ $count } problemer).
ui-newer-release-link = Se hva som endres, og flytt når dere vil
ui-release-catalog-changes = Endringer i katalogen
ui-impact-title = Hva endres for oss
ui-impact-none = Ingenting endres for virksomheten: de samme nivåene og de samme påkrevde tiltakene.
ui-impact-misfit = Arbeidsområdet passer ikke med denne versjonen ({ $count } problemer). Flytt-knappen viser hvert av dem.
ui-impact-org = Virksomheten som helhet
ui-impact-added = blir påkrevd
ui-impact-removed = er ikke lenger påkrevd
ui-impact-unchanged = { $count } andre systemer: ingen endring.
ui-impact-level = { $dim }: { $from } → { $to }
ui-release-none = Ingen andre versjoner av katalogen er publisert.
ui-release-other = Versjon { $version }
ui-release-published = Publisert { $at } av { $by }.
ui-release-move = Flytt virksomheten til versjon { $version }
ui-release-link = Katalogversjon og nyere versjoner
ui-release-section-requirements = Krav
ui-release-section-consequence_scale = Konsekvensskala
ui-release-section-activities = Styringsaktiviteter
ui-release-section-info_types = Informasjonstyper
ui-release-section-tasks = Oppgaver
ui-release-section-measures = Tiltak
ui-release-section-profiles = Profiler

ui-members-title = Medlemmer og roller
ui-members-caption = Medlemmene i virksomheten
ui-members-role-invalid = Velg en rolle fra listen.

ui-audit-title = Endringslogg
ui-audit-intro = Alle endringer i virksomheten, nyeste først. Loggen har { $n } { $n ->
        [one] oppføring
       *[other] oppføringer
    } og er lenket med kjedesummer, så endringer i ettertid kan oppdages.
ui-audit-caption = De nyeste endringene

ui-catalog-title = Katalogen
ui-catalog-version = versjon { $version }
ui-catalog-intro = Den felles katalogen over oppgaver, informasjonstyper og tiltak som alle virksomheter bygger på.
ui-catalog-back = Tilbake til katalogen
ui-catalog-tasks = Oppgaver
ui-catalog-task = Oppgave
ui-catalog-tasks-caption = { $n } { $n ->
        [one] oppgave
       *[other] oppgaver
    } i katalogen
ui-catalog-info-types = Informasjonstyper
ui-catalog-info-caption = Informasjonstyper med anbefalte nivåer
ui-catalog-measures = Tiltak
ui-catalog-measure = Tiltak
ui-catalog-measures-caption = { $n } tiltak
ui-catalog-profiles = Profiler
ui-catalog-scale = Konsekvensskala
ui-catalog-scale-intro = Skalaen beskriver hva lav, middels og høy konsekvens betyr på hvert område.
ui-catalog-activities = Styringsaktiviteter
ui-catalog-steps = Steg
ui-catalog-statement = Tiltaket
ui-catalog-guidance = Veiledning
ui-catalog-evidence = Hva som viser at tiltaket er gjennomført
ui-catalog-required-by = Kreves av lov uansett nivå
ui-catalog-facts = Egenskaper
ui-catalog-refs = Henvisninger
ui-catalog-profile-only = Bare i profiler
ui-profile-adds = Legger til
ui-profile-moves = Flytter

ui-a11y-title = Tilgjengelighetserklæring
ui-a11y-intro = Grunnmur skal kunne brukes av alle, og målet er å oppfylle kravene i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løsninger krever.
ui-a11y-how-title = Slik arbeider vi med tilgjengelighet
ui-a11y-how-1 = Alle sider fungerer uten JavaScript og kan brukes med tastatur alene, med synlig fokus og en lenke som hopper til hovedinnholdet.
ui-a11y-how-2 = Alle sider testes automatisk med axe-core i Chromium, på bokmål og engelsk og de viktigste sidene også på nynorsk, og slippes ikke med brudd på WCAG 2.1 A og AA.
ui-a11y-how-3 = Feil i skjemaer vises ved feltet de gjelder og i en oppsummering som leses opp.
ui-a11y-how-4 = Hver figur har en tekst som beskriver den, og tallene står også i en tabell.
ui-a11y-how-5 = Språket kan byttes mellom bokmål, nynorsk og engelsk på hver side, og sidene er merket med riktig språk. Katalogtekster som bare finnes på bokmål, er merket som bokmål på nynorsksidene.
ui-a11y-known-title = Kjente mangler
ui-a11y-known = Automatiske tester finner ikke alle problemer. Avhengighetsfiguren kan bli stor for virksomheter med mange systemer; tabellen over figuren har de samme opplysningene.
ui-a11y-contact-title = Si fra
ui-a11y-contact = Finner du noe som ikke fungerer, kontakt den som drifter Grunnmur for virksomheten din. Du kan også klage til Tilsynet for universell utforming av IKT (uutilsynet.no).

ui-nav-risk = Risiko og rapporter
ui-risk-title = Risikovurderinger og rapporter
ui-risk-intro = Der grunnlinjen ikke er nok, trengs en risikovurdering. Start en vurdering for noe på listen under; den fylles ut med årsakene og nivåene fra motoren. Lag så rapporter til ledelsen og fastsett dem.
ui-risk-assessments = Risikovurderinger
ui-risk-none = Ingen risikovurderinger er startet ennå.
ui-risk-risks = Risikoer
ui-risk-accepted = Akseptert av risikoeier
ui-risk-needed = Her trengs en risikovurdering
ui-risk-start = Start en risikovurdering
ui-risk-new-title = Risikovurdering
ui-risk-assessment-title = Risikovurdering
ui-risk-scope = Avgrensning
ui-risk-not-accepted = Ikke akseptert ennå
ui-risk-areas = Bekymringsområder
ui-risk-no-risks = Ingen risikoer er registrert ennå.
ui-risk-risks-caption = Risikoene før og etter behandling
ui-risk-before = Før (sannsynlighet, konsekvens)
ui-risk-after = Etter behandling
ui-risk-zone = Vurdering
ui-risk-decision = Beslutning
ui-risk-position = S{ $l } K{ $c }
ui-risk-accept-title = Aksept av restrisiko
ui-risk-open = Dette må være på plass før risikoeier kan akseptere:
ui-risk-owner = Risikoeier
ui-hint-owner = Navn og rolle, for eksempel «Kari Nordmann, kommunedirektør».
ui-risk-note = Merknad
ui-risk-accept = Aksepter restrisikoen
ui-risk-report = Lag en rapport av vurderingen
ui-reports-title = Rapporter
ui-reports-intro = En rapport lages som utkast av dataene slik de er nå. Når en administrator fastsetter den, blir den et uforanderlig øyeblikksbilde med kjedesum; en senere endring blir versjon 2.
ui-reports-none = Ingen rapporter er laget ennå.
ui-reports-caption = Rapportene, nyeste først
ui-report-kind = Rapport
ui-report-kind-status = Statusrapport
ui-report-kind-measure-plan = Handlingsplan
ui-report-kind-risk-assessment = Risikovurdering
ui-report-lang = Språk
ui-report-version = Versjon
ui-report-state = Tilstand
ui-report-draft = Utkast
ui-report-final = Fastsatt
ui-report-approved = Fastsatt av
ui-report-download = Last ned
ui-report-finalize = Fastsett
ui-report-new = Lag et utkast
ui-risk-none-chosen = Ingen
ui-knowledge-low = Svak
ui-knowledge-medium = Middels
ui-knowledge-high = Sterk
ui-risk-likelihood = Sannsynlighet (1 er lavest)
ui-risk-consequence = Konsekvens (1 er lavest)
ui-risk-knowledge = Styrken i kunnskapsgrunnlaget
ui-risk-residual = Forventet restrisiko etter behandling
ui-risk-add = Legg til en risiko
ui-risk-risk-title = Hva kan skje
ui-hint-risk-title = Et kort navn på det uønskede scenariet.
ui-risk-threat = Årsak eller trussel
ui-risk-vulnerability = Sårbarhet
ui-risk-dims = Hva rammes
ui-risk-measures = Tiltak fra tiltaksbanken
ui-hint-risk-measures = Id-ene til tiltakene, skilt med komma.
ui-hint-risk-justification = Påkrevd når risikoen aksepteres i en sone som krever behandling.
ui-risk-add-submit = Legg til risikoen
ui-field-title = Hva kan skje
ui-field-owner = Risikoeier
ui-field-likelihood = Sannsynlighet
ui-field-consequence = Konsekvens
ui-remove = Fjern
ui-risk-edit-title = Endre en risiko
ui-risk-back-to = Tilbake til «{ $title }»
ui-risk-analysis = Analyse
ui-risk-treatment = Behandling
ui-risk-rationale = Grunnlaget for vurderingen
ui-risk-own-measures = Egne tiltak
ui-hint-risk-own-measures = Ett tiltak per linje, for tiltak som ikke står i tiltaksbanken.
ui-risk-responsible = Ansvarlig for behandlingen
ui-risk-decision-needed = Velg en beslutning når risikoen har tiltak, restrisiko, ansvarlig, frist eller begrunnelse.
ui-risk-problem-in = { $risk }: { $message }
ui-risk-change-withdraws = Restrisikoen er akseptert av { $owner }. En endring trekker aksepten tilbake, og risikoeieren må akseptere på nytt.
ui-risk-acceptance-withdrawn = Endringen er lagret. Aksepten av restrisikoen er trukket tilbake; risikoeieren må akseptere på nytt.

# Plattformens sikkerhetshendelser (plattformadministratorer)
ui-events-title = Sikkerhetshendelser
ui-events-intro = Innlogginger, utlogginger, mislykkede og strupte innlogginger, avviste forespørsler og andre hendelser som ikke gjelder én virksomhet, nyeste først. Hver av dem er en oppføring i revisjonsloggen.
ui-events-filter = Filtrer hendelsene
ui-events-action = Hendelse
ui-events-actor = Person eller adresse inneholder
ui-events-from = Fra (dato)
ui-events-to = Til (dato)
ui-events-none = Ingen hendelser passer filteret.
ui-events-caption = Sikkerhetshendelser, nyeste først
ui-events-client = Adresse
ui-events-body = Virksomhet
ui-events-detail = Detaljer
ui-events-older = Eldre hendelser
ui-events-bad-date = «{ $value }» er ingen dato; skriv den som ÅÅÅÅ-MM-DD.
ui-event-login = Logget inn
ui-event-login-failed = Mislykket innlogging
ui-event-login-throttled = Innlogging strupet
ui-event-logout = Logget ut
ui-event-csrf-refused = Forespørsel avvist (CSRF)
ui-event-access-denied = Tilgang nektet
ui-event-token-create = API-nøkkel laget
ui-event-token-revoke = API-nøkkel trukket tilbake
ui-event-password-change = Passord endret
ui-event-detail-need = trengte { $value }
ui-event-detail-role = hadde { $value }
ui-event-detail-scope = grense: { $value }
ui-event-detail-retry-after = vent { $value } s
ui-event-detail-failures = feil nummer { $value }
ui-event-detail-via = gjennom { $value }
ui-event-detail-what = { $value }
ui-event-detail-path = { $value }
ui-event-detail-suppressed = { $value } til av samme slag minuttet før

## Time zone, dependency graph, adapting (issue 17)
ui-time-zone-unknown = --time-zone: tidssonen «{ $zone }» finnes ikke i tidssonedatabasen (bruk et IANA-navn som Europe/Oslo).
ui-adapt-outcome-title = Hva endringen gjorde
ui-adapt-outcome-same = Nivåene er som før; ingen nivåer er endret.
ui-adapt-changed-heading = Endret
ui-adapt-unchanged-heading = Ikke endret, og hvorfor
ui-adapt-outcome-info = «{ $info }» i oppgaven «{ $task }»: { $dim } er endret fra { $from } til { $to }.
ui-adapt-outcome-changed = { $scope }: { $dim } er endret fra { $from } til { $to }.
ui-adapt-outcome-stays-info = { $scope }: { $dim } er fortsatt { $level }, fordi «{ $info }» i oppgaven «{ $task }» fortsatt gir { $level }.
ui-adapt-outcome-stays-dependency = { $scope }: { $dim } er fortsatt { $level }, fordi systemet «{ $from }» avhenger av det og har { $level }.
ui-adapt-outcome-stays-lowest = { $scope }: { $dim } er fortsatt { $level }, det laveste nivået.
ui-adapt-scope-task = Oppgaven «{ $name }»
ui-adapt-scope-system = Systemet «{ $name }»
ui-adapt-scope-body = Virksomheten
ui-adapt-rationale = Katalogens begrunnelse for de anbefalte nivåene
ui-adapt-scale-title = Konsekvensskalaen: hva lav, middels og høy betyr
ui-adapt-scale-intro = Nivået for en dimensjon er hvor alvorlig det verste utfallet blir om den svikter, målt på denne skalaen. Det høyeste utfallet på tvers av områdene avgjør.
ui-adapt-dim-hint-c = Konfidensialitet: hvor ille er det om opplysningene kommer på avveie eller blir kjent for uvedkommende?
ui-adapt-dim-hint-i = Integritet: hvor ille er det om opplysningene blir feil, ufullstendige eller endret uten at noen merker det?
ui-adapt-dim-hint-a = Tilgjengelighet: hvor ille er det om opplysningene ikke er tilgjengelige når de trengs?
ui-activity-styring = Ledelsens styring og oppfølging
ui-activity-risikovurdering = Risikovurdering
ui-activity-risikohandtering = Risikohåndtering
ui-activity-overvaking = Overvåking og hendelseshåndtering
ui-activity-maling = Måling, evaluering og revisjon
ui-activity-kompetanse = Kompetanse- og kulturutvikling
ui-activity-kommunikasjon = Kommunikasjon
ui-why-status-heading = Hvorfor denne statusen
ui-source-own = Statusen er virksomhetens egen, satt for dette tiltaket på dette stedet.
ui-source-implementation = Statusen kommer fra tiltaksgjennomføringen «{ $name }» ({ $id }), som dekker dette stedet.
ui-source-supplier = Leverandøren { $supplier } gjør tiltaket i tjenesten «{ $service }»; erklæringen gjelder til { $until }.
ui-source-shared = Ansvaret er delt med { $supplier } i tjenesten «{ $service }». Virksomheten må selv: { $customer }
ui-source-part-own = Virksomhetens del er registrert som egen status her, og den avgjør om tiltaket er på plass.
ui-source-part-none = Virksomhetens del er ikke registrert: tiltaket er ikke på plass før den er det.
ui-source-none = Ingen status er registrert, og ingen tiltaksgjennomføring eller leverandør dekker tiltaket her.
ui-source-overdue = Forfalt: fristen er passert, og tiltaket er ikke på plass.
ui-attention-expiring = Leverandørerklæringer som snart utløper
ui-attention-expiring-item = «{ $declaration }» fra { $supplier } gjelder til { $until } ({ $days ->
    [one] én dag
   *[other] { $days } dager
} igjen). Be om en ny erklæring, eller planlegg tiltakene selv.
ui-nav-implementations = Gjennomføringer
ui-field-status = Status
ui-impl-title = Tiltaksgjennomføringer
ui-impl-intro = En gjennomføring er arbeid dere gjør én gang og som oppfyller tiltak for mange systemer: en gjenopprettingstest av alt på serverplattformen, en tilgangsgjennomgang for en gruppe systemer. Statusen teller for hvert påkrevd tiltak den dekker, med mindre dere har satt en egen status for tiltaket på systemet.
ui-impl-none = Ingen gjennomføringer er registrert ennå.
ui-impl-caption = Gjennomføringer, hva de dekker, og hvor mange påkrevde tiltak de avgjør statusen for
ui-impl-col-measures = Tiltak
ui-impl-col-covers = Dekker
ui-impl-col-owner = Ansvarlig
ui-impl-col-due = Frist
ui-impl-col-settles = Avgjør
ui-impl-remove = Fjern
ui-impl-new = Ny gjennomføring
ui-impl-name-hint = Hva arbeidet er, for eksempel «Kvartalsvis gjenopprettingstest». Id-en lages fra navnet.
ui-impl-measures = Tiltak arbeidet oppfyller
ui-impl-measures-hint = Velg ett eller flere (Ctrl eller Cmd for flere). Tiltak for virksomheten er merket; de kan bare dekkes sammen med «Virksomheten».
ui-impl-scope-org = , for virksomheten
ui-impl-covers = Hva arbeidet dekker
ui-impl-kind-systems = Valgte systemer
ui-impl-kind-groups = Valgte grupper
ui-impl-kind-runs_on = Et system og alt som kjører på det
ui-impl-kind-all = Alle systemer
ui-impl-kind-org = Virksomheten (tiltak for virksomheten)
ui-impl-systems = Systemer (for «Valgte systemer»)
ui-impl-groups = Grupper (for «Valgte grupper»)
ui-impl-runs-on = System (for «Et system og alt som kjører på det»)
ui-impl-runs-on-hint = Systemet selv og alle systemer som kjører på det, også gjennom andre.
ui-impl-evidence = Dokumentasjon
ui-impl-evidence-hint = Én lenke eller saksreferanse per linje.
ui-impl-create = Registrer gjennomføringen
ui-impl-pick-measure = Velg minst ett tiltak.
ui-impl-pick-covers = Velg hva arbeidet dekker.
ui-impl-pick-status = Velg en status: ikke påbegynt, pågår, delvis eller gjennomført.
ui-impl-covers-org = Virksomheten
ui-impl-covers-all = Alle systemer
ui-impl-covers-runs-on = { $system } og alt som kjører på det
ui-impl-covers-systems = Systemene { $systems }
ui-impl-covers-groups = Gruppene { $groups }
ui-groups-title = Grupper av systemer
ui-groups-intro = En gruppe samler systemer som behandles likt, for eksempel alle skytjenester. En tiltaksgjennomføring kan dekke en gruppe.
ui-groups-none = Ingen grupper ennå.
ui-groups-caption = Gruppene og systemene i dem
ui-groups-col-systems = Systemer i gruppen
ui-groups-name = Navn på ny gruppe
ui-groups-name-hint = Id-en lages fra navnet. Et system kan være i flere grupper.
ui-groups-create = Lag gruppen
ui-field-group_name = Navn på gruppen

# Leverandørerklæringer skrevet i skjema (regel 14)
ui-nav-declarations = Erklæringer
ui-decl-title = Leverandørerklæringer
ui-decl-intro = Leverer virksomheten tjenester til andre – som leverandør eller som et interkommunalt samarbeid – kan den erklære én gang hvilke tiltak hver tjeneste dekker. Alle virksomheter som knytter et system til tjenesten, får tiltakene dekket så lenge erklæringen gjelder.
ui-decl-none = Virksomheten har ikke publisert noen erklæringer.
ui-decl-caption = Virksomhetens erklæringer
ui-decl-col-declaration = Erklæring
ui-decl-col-validity = Gyldighet
ui-decl-col-state = Tilstand
ui-decl-col-services = Tjenester
ui-decl-col-version = Versjon
ui-decl-new = Ny erklæring
ui-decl-new-intro = Erklæringen publiseres i virksomhetens navn mot katalogen som gjelder nå. Deretter legger du til tjenestene og tiltakene de dekker. Hver lagring blir en ny versjon; tidligere versjoner tas vare på.
ui-field-valid_from = Erklæringen gjelder fra
ui-decl-evidence = Dokumentasjon
ui-decl-evidence-hint = Sertifikater og revisjonsrapporter, én per linje (for eksempel «ISO/IEC 27001-sertifikat 2025-123, omfang: drift»).
ui-decl-create = Publiser erklæringen
ui-decl-back = Tilbake til erklæringene
ui-decl-facts = Gjelder fra { $from } til { $until }.
ui-decl-version = Versjon { $version }.
ui-decl-services = Tjenester
ui-decl-usage-note = Antallet virksomheter og systemer som bruker hver tjeneste. Du ser bare antall, aldri hvem.
ui-decl-no-services = Erklæringen har ingen tjenester ennå.
ui-decl-services-caption = Tjenestene i erklæringen, med antall tiltak og bruk
ui-decl-col-service = Tjeneste
ui-decl-col-supplier-only = Tiltak leverandøren gjør alene
ui-decl-col-shared = Tiltak delt med kunden
ui-decl-col-bodies = Virksomheter som bruker den
ui-decl-col-systems = Systemer som bruker den
ui-decl-new-service = Ny tjeneste
ui-field-name_nb = Navn på bokmål
ui-field-name_en = Navn på engelsk
ui-decl-add-service = Legg til tjenesten
ui-decl-validity = Gyldighet og dokumentasjon
ui-decl-publish = Publiser endringene
ui-decl-withdraw-heading = Trekk tilbake erklæringen
ui-decl-withdraw-intro = En tilbaketrukket erklæring teller ikke lenger for noen fra i dag. Virksomhetene som bruker tjenestene, ser at tiltakene ikke lenger er dekket. Tilbaketrekkingen blir en egen versjon og logges.
ui-decl-withdraw = Trekk tilbake fra i dag
ui-decl-back-declaration = Tilbake til erklæringen
ui-decl-service-title = Tiltak tjenesten dekker
ui-decl-service-intro = Velg for hvert tiltak om tjenesten dekker det alene («Leverandøren») eller sammen med kunden («Delt»). For delte tiltak skriver du hva kunden selv må gjøre – det står på kundens gjøremålsliste. Tiltak uten valg dekkes ikke.
ui-decl-service-caption = Katalogens tiltak og hva tjenesten dekker
ui-decl-col-measure = Tiltak
ui-decl-col-responsibility = Ansvar
ui-decl-col-customer-nb = Kundens del (bokmål)
ui-decl-col-customer-en = Kundens del (engelsk)
ui-decl-resp-for = Ansvar for { $measure }
ui-decl-customer-nb-for = Kundens del på bokmål for { $measure }
ui-decl-customer-en-for = Kundens del på engelsk for { $measure }
ui-decl-resp-none = Dekkes ikke
ui-decl-resp-supplier = Leverandøren
ui-decl-resp-shared = Delt med kunden
ui-decl-customer-missing = Skriv hva kunden må gjøre for «{ $measure }», som er delt.
ui-decl-dates-order = Sluttdatoen kan ikke være før startdatoen.
ui-decl-state-withdrawn = Trukket tilbake
ui-decl-state-valid = Gjelder nå
ui-decl-state-not-valid = Gjelder ikke nå

# Samme status for flere systemer
ui-measure-also = Samme status for andre systemer
ui-measure-also-hint = Kryss av systemene som skal få den samme statusen, ansvarlig, frist og dokumentasjon. Statusen de har nå, står i parentes. Skal arbeidet telle for mange systemer over tid, er en gjennomføring bedre.
ui-measure-also-invalid = Velg bare systemer fra listen; tiltaket må være påkrevd for dem.

# Endre en gjennomføring
ui-impl-edit-title = Endre gjennomføringen
ui-impl-edit-intro = Endre status, ansvarlig, frist, dokumentasjon, tiltakene eller hva den dekker. Id-en beholdes, så alt som viser til gjennomføringen, stemmer fortsatt.
ui-impl-back = Tilbake til gjennomføringene
ui-impl-save = Lagre endringene

# Suppliers' services on the body's side: the services page, its to-do, links from systems
ui-nav-services = Leverandørtjenester
ui-svc-title = Leverandørtjenester
ui-svc-intro = Leverandører publiserer erklæringer om tjenestene de leverer og hvilke tiltak hver tjeneste dekker: alene, eller delt med kunden, som da må gjøre en del selv. Knytt en tjeneste til systemene som bruker den, eller til virksomheten selv for tiltak som gjelder hele virksomheten. Så lenge erklæringen gjelder, teller tjenesten for disse tiltakene, med mindre dere har satt en egen status.
ui-svc-filter-label = Filtrer tjenestene og ansvaret
ui-svc-find = Finn (leverandør, tjeneste, tiltak eller tekst)
ui-svc-org = Virksomheten selv (tiltak for hele virksomheten)
ui-svc-todo-title = Kundeansvar som gjenstår
ui-svc-todo-intro = Tiltak som en tilknyttet tjeneste dekker sammen med dere, der deres egen del ikke er på plass ennå: det leverandøren sier at dere må gjøre selv.
ui-svc-todo-count = { $n ->
    [one] Ett kundeansvar vist
   *[other] { $n } kundeansvar vist
} (av { $all } som gjenstår).
ui-svc-todo-caption = Kundeansvar som ikke er på plass: hvor, tiltaket, tjenesten og hva virksomheten må gjøre
ui-svc-col-service = Tjeneste
ui-svc-col-customer = Hva kunden må gjøre
ui-svc-col-responsibility = Ansvar
ui-svc-decl-title = Publiserte erklæringer
ui-svc-decl-none = Ingen leverandør har publisert en erklæring ennå.
ui-svc-decl-none-found = Ingen tjeneste passer med filteret.
ui-svc-orgnr = org.nr. { $orgnr }
ui-svc-decl-id = erklæring { $id }
ui-svc-validity = Gyldig fra { $from } til { $until }.
ui-svc-withdrawn = Trukket tilbake { $date }: erklæringen teller ikke for noen.
ui-svc-expired = Utløpt { $date }: erklæringen teller ikke for noen.
ui-svc-not-yet = Ikke gyldig før { $date }: tjenestene teller fra den dagen.
ui-svc-covers-caption = Tiltak som tjenesten «{ $service }» dekker
ui-svc-resp-supplier = Leverandøren gjør alt
ui-svc-resp-shared = Delt: kunden gjør en del
ui-svc-linked-none = Ingen av systemene deres, og heller ikke virksomheten selv, bruker denne tjenesten.
ui-svc-linked-by = Brukes av:
ui-svc-unlink = Fjern koblingen
ui-svc-link-title = Knytt til en tjeneste
ui-svc-service = Tjeneste
ui-svc-service-hint = Tjenester fra erklæringer som er utløpt eller trukket tilbake, tilbys ikke.
ui-svc-pick-service = Velg en tjeneste
ui-svc-option = { $service } ({ $supplier })
ui-svc-targets = Brukes av
ui-svc-targets-hint = Velg en eller flere (Ctrl eller Cmd for flere). Virksomheten selv gjelder tiltak for hele virksomheten.
ui-svc-link = Knytt til tjenesten
ui-svc-pick-service-error = Velg tjenesten som skal knyttes til.
ui-svc-pick-target = Velg systemene som bruker tjenesten, eller virksomheten selv.
ui-svc-lapsed = Erklæringen fra { $supplier } teller ikke lenger. { $state } Velg en annen tjeneste.
ui-svc-system-title = Leverandørtjenester
ui-svc-system-none = Systemet bruker ingen leverandørtjeneste.
ui-svc-system-link = Knytt en leverandørtjeneste til dette systemet
ui-attention-customer = Kundeansvar som gjenstår i leverandørtjenester: { $n }

# Ordliste
ui-nav-glossary = Ordliste
ui-gloss-title = Ordliste
ui-gloss-intro = Ordene Grunnmur bruker, slik de brukes her. Andre sider lenker hit der et ord brukes første gang.
ui-gloss-task = Oppgave (tjeneste)
ui-gloss-task-text = Noe virksomheten leverer eller utfører, for eksempel barnevern, lønn eller vannforsyning. Katalogen foreslår oppgaver etter virksomhetstype og sektor; virksomheten kan også legge til egne.
ui-gloss-info-type = Informasjonstype
ui-gloss-info-type-text = En slags informasjon en oppgave behandler, for eksempel helseopplysninger eller lønnsdata. Katalogen anbefaler konsekvensnivåer for hver informasjonstype.
ui-gloss-system = System
ui-gloss-system-text = Et IKT-system eller en digital tjeneste virksomheten bruker. Et system behandler informasjonstyper for oppgaver, kan være avhengig av andre systemer og kan kjøre på et annet system (for eksempel en serverplattform).
ui-gloss-cia = K, I og T (konfidensialitet, integritet, tilgjengelighet)
ui-gloss-cia-text = De tre sidene ved informasjonssikkerhet: at bare de som skal, får se informasjonen (K), at den er riktig og ikke endret uten lov (I), og at den er der når den trengs (T). Hver vurderes for seg.
ui-gloss-level = Konsekvensnivå
ui-gloss-level-text = Hvor alvorlig det er om K, I eller T svikter: lav, middels eller høy. Et system får det høyeste nivået av informasjonstypene det behandler, og nivåene går videre langs avhengigheter.
ui-gloss-recommended = Anbefalt utgangspunkt
ui-gloss-recommended-text = Katalogens anbefalte konsekvensnivåer for en informasjonstype. De fleste virksomheter kan bruke dem som de er.
ui-gloss-adaptation = Tilpasning
ui-gloss-adaptation-text = Når virksomheten endrer et anbefalt nivå for sin egen situasjon. En tilpasning krever begrunnelse og vises i alle forklaringer.
ui-gloss-selection = Per dimensjon eller høyeste nivå
ui-gloss-selection-text = To måter å velge tiltak på. Per dimensjon: et tiltak som beskytter tilgjengelighet, velges etter systemets T-nivå, og så videre. Høyeste nivå: alle tiltak velges etter systemets høyeste nivå, uansett dimensjon.
ui-gloss-cumulation = Kumulasjon
ui-gloss-cumulation-text = Mange informasjonstyper på middels nivå i samme system kan til sammen være mer alvorlig enn hver for seg. Når antallet når grensen, markeres systemet for en menneskelig vurdering; nivået heves ikke av seg selv.
ui-gloss-measure = Tiltak
ui-gloss-measure-text = Et sikkerhetstiltak fra den felles tiltaksbanken, med hva det beskytter (K, I, T), formål, type og styringsaktivitet. Noen tiltak gjelder hvert system, andre hele virksomheten.
ui-gloss-baseline = Basisnivå (BN1, BN2, BN3)
ui-gloss-baseline-text = Tiltakene som kreves på hvert nivå, bygget oppå hverandre: BN1 gjelder alt, BN2 legger til tiltak for middels, BN3 for høy. Et system med høyt nivå får altså BN1, BN2 og BN3.
ui-gloss-profile = Profil
ui-gloss-profile-text = Tillegg til basisnivåene for en sektor eller virksomhetstype, for eksempel helse eller vann. En profil kan legge til tiltak eller kreve dem på et lavere nivå, aldri fjerne dem. En sektorprofil når bare systemene som behandler sektorens oppgaver.
ui-gloss-requirement = Krav
ui-gloss-requirement-text = En lov eller forskrift katalogen viser til. Noen tiltak kreves av et krav uansett nivå, for eksempel en personvernkonsekvensvurdering der personvernforordningen krever den.
ui-gloss-activity = Styringsaktivitet
ui-gloss-activity-text = Hvilken del av styringen et tiltak hører til: styring og retning, risikovurdering, risikohåndtering, overvåking, måling, kompetanse eller kommunikasjon.
ui-gloss-evidence = Dokumentasjon
ui-gloss-evidence-text = Det som viser at et tiltak er gjennomført, for eksempel en datert gjennomgangsliste. Et tiltak merket gjennomført uten dokumentasjon telles for seg som udokumentert.
ui-gloss-status = Status
ui-gloss-status-text = Hvor langt et påkrevd tiltak har kommet: ikke påbegynt, påbegynt, delvis, gjennomført, dekket av leverandør eller ikke relevant (med begrunnelse).
ui-gloss-deviation = Avvik
ui-gloss-deviation-text = Et nivå virksomheten har satt lavere enn katalogens anbefaling. Avvik er lov, men skal begrunnes og følges opp.
ui-gloss-risk-assessment = Risikovurdering
ui-gloss-risk-assessment-text = En vurdering av et system eller av virksomheten der basisnivået ikke er nok: høye nivåer, kumulasjon, forfalte tiltak eller avvik. Risikoene vurderes etter sannsynlighet og konsekvens og får tiltak.
ui-gloss-residual-risk = Restrisiko
ui-gloss-residual-risk-text = Risikoen som gjenstår etter tiltakene. Risikoeieren godtar den, med navn og dato.
ui-gloss-group = Systemgruppe
ui-gloss-group-text = Et navngitt sett av systemer, for eksempel alle fagsystemer. Et system kan være i flere grupper.
ui-gloss-implementation = Gjennomføring
ui-gloss-implementation-text = Arbeid som gjøres én gang og oppfyller tiltak for mange systemer, for eksempel en felles rutine for tilgangsgjennomgang. Den teller for alle systemene den dekker.
ui-gloss-declaration = Leverandørerklæring og tjeneste
ui-gloss-declaration-text = En leverandør – et selskap eller et interkommunalt samarbeid – erklærer én gang hvilke tiltak hver av tjenestene dekker. Virksomheter som knytter systemer til en tjeneste, får tiltakene dekket så lenge erklæringen gjelder.
ui-gloss-shared = Delt ansvar
ui-gloss-shared-text = Leverandøren gjør sin del av et tiltak, og kunden må gjøre resten. Tiltaket er bare på plass når kundens egen del også er det.
ui-gloss-effective-status = Effektiv status
ui-gloss-effective-status-text = Statusen et påkrevd tiltak faktisk har, etter at alle kilder er veid: virksomhetens egen status vinner, ellers den beste av gjennomføringer og leverandørerklæringer. «Hvorfor denne statusen» viser kilden.
ui-gloss-link-baseline = Hva er basisnivåene BN1–BN3?
ui-gloss-link-cia = Hva betyr K, I og T?
ui-gloss-link-cumulation = Hva er kumulasjon?

# Oppfølging (mine oppgaver)
ui-nav-follow-up = Mine oppgaver
ui-follow-title = Mine oppgaver og oppfølging
ui-follow-intro = Arbeid som ikke er ferdig og har en ansvarlig eller en frist: egne statuser for påkrevde tiltak, gjennomføringer og risikobehandlinger. Siden åpnes for deg når et ansvarlig-felt har ditt navn eller din e-postadresse; velg en annen ansvarlig eller alle i listen.
ui-follow-owner = Ansvarlig
ui-follow-owner-hint = Alle som står som ansvarlig for noe som ikke er ferdig.
ui-follow-all = Alle ansvarlige
ui-follow-me = { $owner } (deg)
ui-follow-count = { $n ->
    [one] { $n } oppgave.
   *[other] { $n } oppgaver.
}
ui-follow-overdue = Forfalt
ui-follow-soon = Frist innen 30 dager
ui-follow-later = Senere eller uten frist
ui-follow-none = Ingenting her.
ui-follow-col-what = Hva
ui-follow-col-kind = Slag
ui-follow-kind-measure = Tiltak
ui-follow-kind-implementation = Gjennomføring
ui-follow-kind-treatment = Risikobehandling

# History in words (the audit log's changes, filters, per-object history)
ui-history-link = Historikk
ui-history-about = Endringer i
ui-history-filter = Filtrer endringene
ui-history-object = Objekt
ui-history-all = Alle objekter
ui-history-person = Person
ui-history-everyone = Alle personer
ui-history-col-changes = Hva som ble endret
ui-history-none = Ingen endringer passer filteret.
ui-history-cut = Bare de nyeste endringene ble søkt gjennom. Velg datoer for å se eldre.
ui-history-more = … og { $n } { $n ->
        [one] endring til
       *[other] endringer til
    }
ui-history-added = lagt til
ui-history-removed = fjernet
ui-history-empty = (ingen)
ui-history-field-change = { $field }: { $old } → { $new }
ui-history-kind-org = Virksomheten
ui-history-kind-task = Oppgave
ui-history-kind-info-type = Egen informasjonstype
ui-history-kind-adaptation = Tilpasset nivå
ui-history-kind-system = System
ui-history-kind-group = Gruppe
ui-history-kind-implementation = Gjennomføring
ui-history-kind-status = Tiltaksstatus
ui-history-kind-measure = Tiltak
ui-history-kind-assessment = Risikovurdering
ui-history-kind-risk = Risiko
ui-history-field-status = status
ui-history-field-owner = ansvarlig
ui-history-field-due = frist
ui-history-field-valid-until = gyldig til
ui-history-field-justification = begrunnelse
ui-history-field-evidence = dokumentasjon
ui-history-field-name = navn
ui-history-field-title = tittel
ui-history-field-levels-c = konfidensialitet
ui-history-field-levels-i = integritet
ui-history-field-levels-a = tilgjengelighet
ui-history-field-covers = dekker
ui-history-field-measures = tiltak
ui-history-field-systems = systemer
ui-history-field-processes = behandler
ui-history-field-depends-on = avhenger av
ui-history-field-services = leverandørtjenester
ui-history-field-sectors = sektorer
ui-history-field-selection = utvalg
ui-history-field-cumulation-threshold = terskel for opphopning
ui-history-field-rationale = begrunnelse
ui-history-field-info-types = informasjonstyper

# Gjennomgang av risikovurderinger
ui-field-review_months = Godkjente risikovurderinger gjennomgås hver (måneder)
ui-hint-review-months = Hvor lenge en godkjent risikovurdering gjelder før den skal gjennomgås på nytt. Vanlig er 12 måneder.
ui-settings-review-invalid = Skriv et helt antall måneder fra 1 til { $max }.
