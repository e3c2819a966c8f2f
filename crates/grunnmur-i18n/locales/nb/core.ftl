# Grunnmur — bokmål (standardspråk)

## Alvorlighet
severity-error = feil
severity-warning = advarsel

## Problemer i katalog- og virksomhetsfiler
problem-io = kan ikke lese filen: { $detail }
problem-syntax = ugyldig YAML/JSON: { $detail }
problem-format = feil form: { $detail }
problem-not-a-mapping = { $what } må være en tabell med nøkler (mapping)
problem-unknown-section = ukjent seksjon «{ $section }» (tillatt: catalog, owners, requirements, consequence_scale, activities, info_types, tasks, measures, profiles)
problem-missing-header = katalogen mangler «catalog:»-hodet (id, version, title)
problem-duplicate-header = «catalog:»-hodet står mer enn én gang (først i { $first })
problem-invalid-id = ugyldig id «{ $id }» i { $section }: bruk små bokstaver a–z, sifre, punktum, bindestrek og understrek
problem-duplicate-id = id «{ $id }» finnes allerede i { $section } { $first }
problem-unknown-reference = { $section } «{ $id }» viser til ukjent { $target } «{ $reference }»
problem-missing-text = { $section } «{ $id }»: feltet { $field } mangler tekst på { $lang }
problem-empty-list = { $section } «{ $id }»: { $field } kan ikke være tom
problem-invalid-applicability = { $section } «{ $id }»: ugyldig målgruppe «{ $value }» (alle, stat, kommune, fylkeskommune eller sector:<id>)
problem-invalid-baseline = tiltak «{ $id }»: basisnivå { $value } finnes ikke (1, 2 eller 3)
problem-profile-moves-later = profil «{ $profile }» flytter tiltak «{ $measure }» fra basisnivå { $from } til { $to }; en profil kan bare flytte et tiltak til et tidligere (lavere) basisnivå
problem-profile-removes = profil «{ $profile }» prøver å fjerne tiltak; en profil kan bare legge til, flytte tidligere og sette parametere
problem-profile-adds-baseline-measure = profil «{ $profile }» legger til «{ $measure }», som allerede hører til basisnivåene (ikke profile_only)
problem-unused-info-type = informasjonstype «{ $id }» brukes ikke av noen oppgave
problem-unreachable-measure = tiltak «{ $id }» er profile_only, men ingen profil legger det til
problem-duplicate-name = { $section } «{ $id }» har samme navn «{ $name }» som «{ $other }»
problem-missing-activity = styringsaktiviteten «{ $activity }» mangler i activities
problem-few-recommendations = styringsaktiviteten «{ $activity }» har { $count } sterke anbefalinger (forventet 2–5)
problem-missing-owner = { $section } «{ $id }» mangler eier (owner: en id fra owners)
problem-invalid-orgnr = ugyldig organisasjonsnummer «{ $value }»: 9 siffer med gyldig kontrollsiffer (MOD11)
problem-invalid-sector = ugyldig sektor-id «{ $value }»
problem-invalid-threshold = cumulation_threshold må være minst 1
problem-task-needs-id-or-task = en oppgave må ha enten «task» (fra katalogen) eller «id», «name» og «info_types» (egen oppgave)
problem-sectors-on-adopted-task = oppgaven «{ $task }» er hentet fra katalogen: sektorene er katalogens («sectors» gjelder bare egne oppgaver)
problem-clashes-with-catalog = egen { $section }-id «{ $id }» er allerede brukt i katalogen
problem-info-type-not-in-task = informasjonstype «{ $info_type }» hører ikke til oppgave «{ $task }»
problem-task-not-adopted = system «{ $system }» behandler oppgave «{ $task }», som virksomheten ikke har valgt under tasks
problem-adapts-own-info-type = oppgave «{ $task }» tilpasser egen informasjonstype «{ $info_type }»; sett nivåene direkte på informasjonstypen
problem-empty-adaptation = tilpasning av «{ $info_type }» i oppgave «{ $task }» endrer ingen nivåer
problem-missing-justification = { $what }: begrunnelse mangler
problem-invalid-date = { $field }: ugyldig dato «{ $value }» (bruk ÅÅÅÅ-MM-DD)
problem-self-dependency = system «{ $system }» kan ikke avhenge av seg selv
problem-scope-mismatch = tiltak «{ $measure }» gjelder { $scope ->
    [system] per system: oppgi system
   *[org] for hele virksomheten: ikke oppgi system
}
problem-duplicate-status = status for tiltak «{ $measure }» ({ $scope }) står mer enn én gang
problem-too-long = { $field } er { $chars } tegn lang; høyst { $max } er tillatt
problem-covers-one = tiltaksgjennomføring «{ $id }»: covers må ha nøyaktig én av systems, groups, runs_on, all og org
problem-implementation-status = tiltaksgjennomføring «{ $id }» kan ikke ha status «{ $status }»: den er virksomhetens eget arbeid (leverandør og ikke aktuelt settes per system)
problem-dates-out-of-order = gyldig fra { $from } er etter gyldig til { $until }
problem-not-in-release = tiltak «{ $measure }» finnes ikke i katalogversjon { $version } og teller ikke
problem-too-many = flere { $what ->
    [form-fields] skjemafelt
   *[other] { $what }
} enn de { $max } som er tillatt

## API
api-unauthenticated = Du er ikke logget inn, eller innloggingen er utløpt.
api-forbidden = Du har ikke tilgang til dette.
api-not-found = Finnes ikke.
api-csrf = Forespørselen mangler gyldig CSRF-token (X-CSRF-Token).
api-conflict = Konflikt: { $detail }
api-service-in-use = En virksomhet bruker en tjeneste som denne versjonen tar bort. Behold tjenesten (gjerne med færre tiltak), eller trekk tilbake erklæringen.
api-too-many-attempts = For mange mislykkede innlogginger. Prøv igjen om { $seconds } sekunder.
api-bad-request = Ugyldig forespørsel: { $detail }
api-invalid = Innholdet har feil; ingenting er lagret.
api-internal = Noe gikk galt på tjeneren.
api-unprocessable = Forespørselen passer ikke til denne operasjonen: { $detail }
api-too-large = Forespørselen er større enn tjeneren tar imot.
api-unsupported-media-type = Denne operasjonen leser ikke innhold av denne typen (send JSON med Content-Type: application/json).
api-method-not-allowed = Denne adressen tar ikke imot denne metoden.
api-unavailable = Tjenesten får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.

## Tjener og drift
serve-listening = Grunnmur kjører på http://{ $addr } (database: { $database })
serve-audit-key-created = Nøkkelen til revisjonsloggen ble laget i { $path }. Ta vare på en kopi atskilt fra databasekopiene: uten den kan loggen ikke kontrolleres.
serve-first-admin = Første administrator er opprettet: { $email } med engangspassord { $password } — bytt det etter første innlogging.
serve-demo = Demo: { $name } ({ $orgnr }). Logg inn som { $email } med passord { $password }.
load-suppliers-name = Leverandørene (generert)
load-done = Lastet { $bodies } virksomheter og { $declarations } leverandørerklæringer; { $contributions } bidrag til tallene på tvers av virksomheter avledet og lagret ({ $seconds } s).
serve-catalog = Katalog: { $id } { $version }
serve-oidc = Innlogging også gjennom { $issuer }
serve-release-conflict = Katalogen { $id } { $version } er allerede publisert med annet innhold. En publisert versjon endres aldri: gi den endrede katalogen et nytt versjonsnummer (catalog.version).
serve-repinned = Virksomheten { $orgnr } fulgte katalogversjon { $old }, som ikke er publisert her; den følger nå { $version }.
ops-user-created = Bruker { $email } er opprettet.
ops-granted = { $email } har nå rollen { $role } i { $orgnr }.
ops-unlinked = { $email }: { $count } kobling(er) til virksomhetens innlogging er fjernet.
ops-platform-granted = { $email } har nå plattformrollen { $role }.
ops-catalog-editor-granted = { $email } er nå katalogredaktør (catalog-editor) for eierne { $owners }.
ops-platform-revoked = { $email } har ikke lenger plattformrollen { $role }.
ops-unknown-owner = Ukjent katalogeier «{ $owner }». Kjente eiere: { $known }.
ops-owner-only-grant = --owner gjelder bare når noen får rollen catalog-editor (platform grant --role catalog-editor). Gi rollen på nytt med eierne som skal gjelde.
ops-audit-ok = Revisjonsloggen er hel: { $count } oppføringer (nøkkelsikret fra oppføring { $from }); { $checkpoints } kontrollpunkter stemmer.
ops-audit-no-checkpoint = Ingen kontrollpunkt ble gitt eller funnet: uten et kan ingen se om de nyeste oppføringene er fjernet (se docs/OPERATIONS.md).
ops-audit-broken = Revisjonsloggen er brutt: { $detail }
ops-backup-done = Sikkerhetskopi skrevet til { $path }.
ops-restore-done = Gjenopprettet fra { $path } til { $target }.
ops-password-empty = Passordet kan ikke være tomt.
ops-unknown-user = Ukjent bruker { $email }.
ops-unknown-body = Ukjent virksomhet { $orgnr }.

## Kommandolinje
cli-problems-summary = { $errors } feil, { $warnings } advarsler
cli-catalog-ok = Katalogen { $id } { $version } er gyldig: { $info_types } informasjonstyper, { $tasks } oppgaver, { $measures } tiltak, { $profiles } profiler.
cli-strict-failed = --strict: advarsler regnes som feil
cli-body-invalid = Virksomhetsfilen har feil; ingenting er vurdert.
cli-declarations-invalid = Leverandørerklæringene har feil; ingenting er vurdert.
cli-catalog-invalid = Katalogen har feil.
cli-diff-none = Ingen forskjeller.
cli-diff-version = Versjon: { $old } → { $new }
cli-diff-added = lagt til
cli-diff-removed = fjernet
cli-diff-changed = endret
cli-invalid-today = --today: ugyldig dato «{ $value }» (bruk ÅÅÅÅ-MM-DD)

## Tabellvisning av vurderingen
table-org = Virksomhet
table-orgnr = Org.nr.
table-profiles = Sektorprofiler
table-levels = Konsekvensnivå (K / I / T)
table-tasks = Oppgaver
table-systems = Systemer
table-id = Id
table-name = Navn
table-level-c = K
table-level-i = I
table-level-a = T
table-deviations = Avvik fra anbefaling
table-cumulation = Kumulasjon
table-required = Påkrevde tiltak
table-org-measures = Påkrevde tiltak for virksomheten
table-risk = Risikovurdering trengs (prioritert)
table-object = Objekt
table-reasons = Grunner
table-none = ingen
table-catalog = Katalog
table-in-place = På plass
table-sources = Kilder
table-source-own = egen
table-source-implementation = gjennomføring
table-source-supplier = leverandør
table-source-shared = delt
table-source-none = ingen
table-coverage = På plass: { $in_place } av { $required } påkrevde tiltak (systemer og virksomheten)
table-expiring = Leverandørerklæringer som utløper innen 60 dager
table-declaration = Erklæring
table-supplier = Leverandør
table-valid-until = Gyldig til
table-days-left = Dager igjen

## Nivåer, dimensjoner og grunner
level-lav = lav
level-middels = middels
level-hoy = høy
reason-high_level = høyt nivå
reason-lowered_level = senket nivå
reason-own_info_type = egen informasjonstype
reason-cumulation = kumulasjon
reason-not_applicable = tiltak ikke relevant
reason-overdue = forfalt tiltak
reason-supplier_expired = leverandørerklæring utløpt

## Katalogstatistikk
stats-title = Katalog { $id } { $version }
stats-info-types = Informasjonstyper
stats-tasks = Oppgaver
stats-tasks-by-kind = Oppgaver per målgruppe
stats-measures = Tiltak
stats-by-baseline = Tiltak per basisnivå
stats-by-activity = Tiltak per styringsaktivitet
stats-by-kind = Tiltak per type
stats-by-purpose = Tiltak per formål
stats-by-scope = Tiltak per omfang
stats-profile-only = Tiltak kun i profiler
stats-profiles = Profiler
stats-requirements = Eksterne krav
stats-nsm = NSM-grunnprinsipper dekket
stats-iso = ISO/IEC 27002:2022-kontroller dekket
stats-evidence = Tiltak med dokumentasjonskrav (hva som viser at det er gjort)
stats-required-by = Tiltak som en lovplikt krever
stats-required-by-requirement = Lovplikter som krever tiltak
stats-refs-source = Referanser til { $source }
stats-refs-counts = { $references } i { $measures } tiltak, { $distinct } ulike
stats-by-owner = Oppføringer per eier
stats-without-owner = Oppføringer uten eier

## OSCAL
oscal-resolved = Løste { $profile }: { $controls } kontroller.
oscal-resolve-failed = Profilen kunne ikke løses.
oscal-written = Skrev { $file }
oscal-exported = Skrev { $count } OSCAL-dokumenter (tiltaksbank, BN1–BN3 og sektorprofiler) til { $dir }.
oscal-imported = Importerte { $measures } tiltak fra { $catalog }: BN1 { $bn1 }, BN2 { $bn2 }, BN3 { $bn3 }, utenfor basisnivåene { $extra }.
oscal-import-failed = Katalogen kunne ikke importeres.
oscal-import-invalid = Den importerte tiltaksbanken besto ikke katalogkontrollen.
oscal-too-many-baselines = --baseline-profiles tar høyst tre profiler (BN1, BN2, BN3), men fikk { $count }.
oscal-ssp-written = Skrev systemsikkerhetsplan for { $org } med { $systems } systemer.
oscal-declaration-written = Skrev erklæringen { $id } med { $services ->
    [one] én tjeneste
   *[other] { $services } tjenester
} som OSCAL-komponentdefinisjon.
oscal-ssp-failed = Systemsikkerhetsplanen kunne ikke lages.

## Rapporter
report-title-status = Statusrapport for informasjonssikkerhet – { $org }
report-title-plan = Handlingsplan for sikkerhetstiltak – { $org }
report-about = Om rapporten
report-sheet-about = Om rapporten
report-fact-org = Virksomhet
report-fact-orgnr = Organisasjonsnummer
report-fact-kind = Type virksomhet
report-fact-profiles = Sektorprofiler
report-fact-date = Dato
report-fact-catalog = Katalogversjon
report-fact-selection = Utvalgsregel for tiltak
report-orgkind-stat = statlig virksomhet
report-orgkind-kommune = kommune
report-orgkind-fylkeskommune = fylkeskommune
report-orgkind-supplier = leverandør
report-selection-value = { $mode }. { $explain }
report-selection-per-dimension-name = Per dimensjon: nivået i det tiltaket beskytter
report-selection-per-dimension-explain = Et tiltak kreves når konsekvensnivået (lav = 1, middels = 2, høy = 3) i minst én av dimensjonene tiltaket beskytter – konfidensialitet, integritet eller tilgjengelighet – er minst like høyt som tiltakets basisnivå (BN1–BN3).
report-selection-high-water-mark-name = Høyeste nivå: det høyeste nivået gjelder alle tiltak
report-selection-high-water-mark-explain = Et tiltak kreves når det høyeste av de tre konsekvensnivåene (lav = 1, middels = 2, høy = 3) er minst like høyt som tiltakets basisnivå (BN1–BN3), uansett hvilken dimensjon tiltaket beskytter. Det gir flere påkrevde tiltak enn per dimensjon.
report-legend = Forkortelser: { $list }.
report-col-c-full = Konfidensialitet
report-col-i-full = Integritet
report-col-a-full = Tilgjengelighet
report-col-cumulation-short = Kumul.
report-col-risk-short = Risikovurd.
report-col-dimension-short = Dim.
report-col-baseline-short = BN
report-col-activity-short = Aktivitet
report-none = ingen
report-empty = ingen
report-yes = ja
report-no = nei
report-total = I alt
report-page = Side { $page } av { $pages }
report-baseline = BN{ $level }
report-scope-org = Virksomheten
report-object-system = System: { $name }
report-object-task = Oppgave: { $name }
report-dim-c = konfidensialitet
report-dim-i = integritet
report-dim-a = tilgjengelighet
report-status-not_started = Ikke påbegynt
report-status-in_progress = Under arbeid
report-status-partial = Delvis
report-status-implemented = Iverksatt
report-status-not_applicable = Ikke relevant
report-status-supplier = Dekket av leverandør
report-status-note = Påkrevde tiltak uten registrert status regnes som ikke påbegynt. Dekning er andelen påkrevde tiltak som er iverksatt eller dekket av en gyldig leverandørerklæring.
report-summary-intro = Nøkkeltall fra vurderingen: konsekvensnivå, påkrevde tiltak og hvor mange som er på plass, avvik fra anbefalingene og objekter som trenger risikovurdering.
report-sheet-summary = Sammendrag
report-heading-summary = Sammendrag
report-caption-summary = Nøkkeltall
report-sheet-systems = Systemer
report-heading-systems = Systemer og konsekvensnivå
report-caption-systems = Systemer med konsekvensnivå, påkrevde tiltak og behov for risikovurdering
report-sheet-tasks = Oppgaver
report-heading-tasks = Oppgaver og konsekvensnivå
report-caption-tasks = Oppgaver med konsekvensnivå og avvik
report-sheet-baseline = Per basisnivå
report-heading-baseline = Påkrevde tiltak per basisnivå
report-caption-baseline = Påkrevde tiltak per basisnivå, etter status
report-sheet-activity = Per styringsaktivitet
report-heading-activity = Påkrevde tiltak per styringsaktivitet
report-caption-activity = Påkrevde tiltak per styringsaktivitet, etter status
report-sheet-deviations = Avvik
report-heading-deviations = Avvik fra anbefalingene
report-caption-deviations = Endrede konsekvensnivå med begrunnelse
report-sheet-risk = Risikovurdering
report-heading-risk = Risikovurdering trengs
report-caption-risk = Objekter som trenger risikovurdering, prioritert, med grunner
report-sheet-overdue = Forfalte tiltak
report-heading-overdue = Forfalte tiltak
report-caption-overdue = Påkrevde tiltak som ikke er på plass etter fristen
report-sheet-plan = Handlingsplan
report-heading-plan = Handlingsplan
report-caption-plan = Tiltak som gjenstår: hva, hvor, hvem og innen når
report-plan-intro = { $open } av { $required } { $required ->
        [one] påkrevd tiltak
       *[other] påkrevde tiltak
    } er ikke på plass. { $overdue } er forfalt, { $noowner } mangler ansvarlig og { $nodue } mangler frist.
report-plan-order = Rekkefølge: forfalte tiltak først, deretter etter frist (tiltak uten frist sist), basisnivå, virksomheten før systemene, og tiltakets id.
report-sheet-evidence = Dokumentasjon
report-heading-evidence = Hva som viser at tiltaket er gjennomført
report-caption-evidence = For hvert tiltak som gjenstår: hva en revisor ville godta som bevis
report-evidence-intro = Når et tiltak er gjennomført, lenk til dokumentasjonen i statusen. Et tiltak merket iverksatt uten den telles som udokumentert.
report-col-evidence = Hva som viser at det er gjort
report-kv-org-levels = Konsekvensnivå for virksomheten (konfidensialitet / integritet / tilgjengelighet)
report-kv-tasks = Oppgaver
report-kv-systems = Systemer
report-kv-required-system = Påkrevde tiltak i systemene
report-kv-required-org = Påkrevde tiltak for virksomheten
report-kv-required-total = Påkrevde tiltak i alt
report-kv-in-place = På plass (iverksatt eller dekket av leverandør)
report-kv-undocumented = Av disse, iverksatt uten dokumentasjon (udokumentert)
report-kv-coverage = Dekning
report-kv-deviations = Avvik fra anbefalingene
report-kv-risk = Objekter som trenger risikovurdering
report-kv-overdue = Forfalte tiltak
report-col-figure = Nøkkeltall
report-col-value = Verdi
report-col-c = K
report-col-i = I
report-col-a = T
report-col-system = System
report-col-task = Oppgave
report-col-cumulation = Kumulasjon
report-col-required = Påkrevd
report-col-in-place = På plass
report-col-risk = Risikovurdering trengs
report-col-deviations = Avvik
report-col-own = Egen oppgave
report-col-baseline = Basisnivå
report-col-activity = Styringsaktivitet
report-col-coverage = Dekning
report-col-info-type = Informasjonstype
report-col-dimension = Dimensjon
report-col-recommended = Anbefalt
report-col-chosen = Valgt
report-col-justification = Begrunnelse
report-col-priority = Nr.
report-col-object = Objekt
report-col-reasons = Grunner
report-col-measures = Tiltak
report-col-measure = Tiltak
report-col-where = Hvor
report-col-owner = Ansvarlig
report-col-due = Frist
report-col-status = Status
report-col-overdue = Forfalt
report-chart-baseline = Status for påkrevde tiltak per basisnivå
report-chart-activity = Status for påkrevde tiltak per styringsaktivitet
report-chart-risk = Risikobilde: systemer etter høyeste konsekvensnivå
report-chart-risk-alt = { $level }: { $with } trenger risikovurdering, { $without } gjør det ikke
report-sheet-top-risks = Høyeste risikoer
report-heading-top-risks = De høyeste risikoene
report-caption-top-risks = De høyeste risikoene i virksomhetens risikovurderinger, med sone før og etter behandling
report-top-risks-intro = { $shown ->
        [one] Den høyeste
       *[other] De { $shown } høyeste
    } av { $analysed } { $analysed ->
        [one] analysert risiko
       *[other] analyserte risikoer
    } i { $assessments } { $assessments ->
        [one] risikovurdering
       *[other] risikovurderinger
    }, ordnet etter sone før behandling og så etter sannsynlighet × konsekvens.
report-top-risks-none = Rapporten omfatter ingen risikovurderinger.
report-chart-top-before = Antall risikoer per celle før behandling (matrise { $size })
report-chart-top-after = Antall risikoer per celle etter behandling (matrise { $size })
report-series-risk = Trenger risikovurdering
report-series-no-risk = Trenger ikke risikovurdering
cli-report-written = Skrev { $path }.
cli-report-failed = Rapporten kunne ikke lages: { $detail }
cli-report-one-risk = En rapport om en risikovurdering tar nøyaktig én --risk.

## Regneark
xlsx-place-workbook = Arbeidsboken
xlsx-place-sheet = Ark { $sheet }
xlsx-place-column = Ark { $sheet }, kolonne { $column }
xlsx-place-row = Ark { $sheet }, rad { $row }
xlsx-place-cell = Ark { $sheet }, rad { $row }, kolonne { $column }
xlsx-wrong-type = feil type: ventet { $expected }, fant { $found }
xlsx-invalid-value = ugyldig verdi «{ $value }»; tillatt: { $allowed }
xlsx-empty-sheet = arket er tomt (ingen overskriftsrad)
xlsx-bad-header = overskriften må være tekst, fant { $found }
xlsx-duplicate-column = kolonnen finnes to ganger
xlsx-unknown-column = ukjent kolonne; kjente kolonner: { $known }
xlsx-missing-column = kolonnen mangler
xlsx-too-many-rows = arket har { $rows } rader; høyst { $max } er tillatt
xlsx-too-many-columns = arket har { $columns } kolonner; høyst { $max } er tillatt
xlsx-org-one-row = arket org skal ha én rad; denne raden er for mye
xlsx-required = { $column } må fylles ut
xlsx-unknown-task = oppgaven «{ $task }» finnes ikke blant virksomhetens oppgaver
xlsx-levels-required = konsekvensnivå må fylles ut for c, i og a
xlsx-unknown-system = systemet «{ $system }» finnes ikke i arket systems
xlsx-unreadable = filen kan ikke leses som et XLSX-regneark: { $detail }
xlsx-unknown-sheet = ukjent ark; kjente ark: { $known }
xlsx-duplicate-sheet = arket finnes to ganger
xlsx-no-sheets = arbeidsboken har ingen kjente ark; kjente ark: { $known }
xlsx-too-large = filen er { $bytes } byte; høyst { $max } er tillatt
xlsx-too-large-unpacked = filen pakker seg ut til { $bytes } byte; høyst { $max } er tillatt
xlsx-type-text = tekst
xlsx-type-id = id (tekst)
xlsx-type-orgnr = organisasjonsnummer
xlsx-type-integer = heltall
xlsx-type-date = dato
xlsx-type-number = tall
xlsx-type-boolean = sannhetsverdi
xlsx-type-duration = varighet
xlsx-type-error = feilverdi
xlsx-type-empty = tom celle
xlsx-readme-title = Grunnmur: virksomhetens arbeidsområde som regneark
xlsx-readme-intro = Ett ark per del av virksomhetsfilen, med virksomhetsfilens nøkler som kolonneoverskrifter. Lister av id-er skilles med komma; dokumentasjonslenker står én per linje; datoer skrives som datoer eller ÅÅÅÅ-MM-DD.
xlsx-readme-replace = Ved import erstatter hvert ark den delen av arbeidsområdet det gjelder; mangler et ark, beholdes det som finnes. Alle rader kontrolleres, og ingenting lagres hvis noe er feil, med mindre du uttrykkelig velger å importere bare de gyldige radene.
xlsx-readme-sheet = Ark
xlsx-readme-column = Kolonne
xlsx-readme-meaning = Betydning
xlsx-col-org-orgnr = Organisasjonsnummer (9 siffer, gyldig kontrollsiffer).
xlsx-col-org-name = Virksomhetens navn.
xlsx-col-org-kind = Type virksomhet: stat, kommune, fylkeskommune, eller supplier (en organisasjon som erklærer tjenestene sine).
xlsx-col-org-sectors = Sektorer, skilt med komma (for eksempel helse, vann).
xlsx-col-org-selection = Utvalgsregel for tiltak: per-dimension (standard) eller high-water-mark.
xlsx-col-org-cumulation-threshold = Antall informasjonstyper på middels som flagger kumulasjon (standard 3).
xlsx-col-org-services = Leverandørtjenester virksomheten bruker for tiltak på virksomhetsnivå, som erklæring/tjeneste, skilt med komma. Tom celle: ingen.
xlsx-col-tasks-task = Id for en oppgave fra katalogen (for oppgaver virksomheten tar i bruk).
xlsx-col-tasks-id = Id for virksomhetens egen oppgave (la task stå tom).
xlsx-col-tasks-name = Navn på egen oppgave.
xlsx-col-tasks-info-types = Egen oppgaves informasjonstyper, skilt med komma.
xlsx-col-overrides-task = Oppgaven tilpasningen gjelder (task eller id fra arket tasks).
xlsx-col-overrides-info-type = Informasjonstypen fra katalogen som får endret nivå.
xlsx-col-overrides-c = Valgt nivå for konfidensialitet (lav, middels, høy), tomt for uendret.
xlsx-col-overrides-i = Valgt nivå for integritet, tomt for uendret.
xlsx-col-overrides-a = Valgt nivå for tilgjengelighet, tomt for uendret.
xlsx-col-overrides-justification = Skriftlig begrunnelse for endringen (påkrevd).
xlsx-col-info-types-id = Id for virksomhetens egen informasjonstype.
xlsx-col-info-types-name = Navn på informasjonstypen.
xlsx-col-info-types-c = Konsekvensnivå for konfidensialitet (lav, middels, høy).
xlsx-col-info-types-i = Konsekvensnivå for integritet.
xlsx-col-info-types-a = Konsekvensnivå for tilgjengelighet.
xlsx-col-info-types-rationale = Begrunnelse for nivåene.
xlsx-col-systems-id = Systemets id (små bokstaver, tall, punktum, bindestrek).
xlsx-col-systems-name = Systemets navn.
xlsx-col-systems-services = Leverandørtjenester systemet bruker, som erklæring/tjeneste (for eksempel nordsky-datasenter/plattform), skilt med komma. Tom celle: ingen.
xlsx-col-task-mapping-system = Systemet (id fra arket systems).
xlsx-col-task-mapping-task = Oppgaven systemet støtter (task eller id fra arket tasks).
xlsx-col-task-mapping-info-types = Informasjonstypene systemet behandler for oppgaven, skilt med komma; tomt betyr alle.
xlsx-col-dependencies-system = Systemet som er avhengig (id fra arket systems).
xlsx-col-dependencies-depends-on = Systemet det er avhengig av.
xlsx-col-dependencies-kind = runs_on (kjører på / driftes av) eller uses (bruker / integrerer med).
xlsx-col-measure-status-measure = Tiltakets id fra katalogen.
xlsx-col-measure-status-system = Systemets id for tiltak per system; tomt for tiltak for hele virksomheten.
xlsx-col-measure-status-status = not_started, in_progress, partial, implemented, not_applicable eller supplier.
xlsx-col-measure-status-owner = Ansvarlig.
xlsx-col-measure-status-due = Frist.
xlsx-col-measure-status-justification = Begrunnelse (påkrevd for not_applicable).
xlsx-col-measure-status-evidence = Dokumentasjon, én lenke per linje.
xlsx-col-measure-status-valid-until = Leverandørerklæringens utløpsdato (for supplier).
xlsx-col-groups-id = Gruppens id (små bokstaver, tall, punktum, bindestrek).
xlsx-col-groups-name = Gruppens navn.
xlsx-col-groups-systems = Systemene i gruppen, som id-er skilt med komma. Et system kan være i flere grupper.
xlsx-col-implementations-id = Gjennomføringens id.
xlsx-col-implementations-name = Hva arbeidet er.
xlsx-col-implementations-measures = Tiltakene arbeidet oppfyller, som id-er fra katalogen skilt med komma.
xlsx-col-implementations-covers = Hva arbeidet dekker: systems, groups, runs_on (systemet og alt som kjører på det), all (alle systemer) eller org (virksomheten).
xlsx-col-implementations-targets = For systems og groups: id-ene, skilt med komma. For runs_on: systemets id. Tom for all og org.
xlsx-col-implementations-status = not_started, in_progress, partial eller implemented.
xlsx-col-implementations-owner = Ansvarlig.
xlsx-col-implementations-due = Frist.
xlsx-col-implementations-justification = Begrunnelse eller merknad.
xlsx-col-implementations-evidence = Dokumentasjon, én lenke per linje.
cli-xlsx-written = Skrev { $path }.
cli-xlsx-refused = Importen er avvist: { $count } problemer. Ingenting er skrevet.
cli-xlsx-imported = Importerte arbeidsområdet til { $path }.
cli-xlsx-skipped = { $count } rader med problemer ble utelatt (--valid-rows-only):
cli-xlsx-base-invalid = Grunnlagsfilen har feil; ingenting er importert.

# Rapporter: hvor statusen kommer fra (regel 15), og leverandørerklæringer som snart utløper
report-col-source = Kilde
report-source-own = Egen status
report-source-implementation = Gjennomføring
report-source-supplier = Leverandør
report-source-shared = Delt med leverandør
report-source-none = Ingen ennå
report-source-implementation-named = Gjennomføring: { $name }
report-source-supplier-named = Leverandør: { $service }
report-source-shared-named = Delt: { $service }; egen del: { $part }
report-source-shared-open = ikke på plass
report-source-note = Påkrevde tiltak etter hvor statusen kommer fra: virksomhetens egen status for paret, en gjennomføring som dekker flere systemer, en leverandørs tjeneste som gjør hele jobben, eller en delt tjeneste der virksomhetens egen del også må være på plass.
report-sheet-source = Etter kilde
report-heading-source = Påkrevde tiltak etter kilde
report-caption-source = Påkrevde tiltak etter hvor statusen kommer fra, fordelt på status
report-chart-source = Status for påkrevde tiltak etter kilde
report-sheet-expiring = Erklæringer som utløper
report-heading-expiring = Leverandørerklæringer som snart utløper
report-caption-expiring = Erklæringer virksomheten bruker, med sluttdato
report-expiring-intro = Erklæringer som utløper innen { $days } dager. Når en erklæring er utløpt, teller den ikke lenger, og tiltakene den dekket må dekkes på annen måte.
report-col-supplier = Leverandør
report-col-declaration = Erklæring
report-col-valid-until = Gyldig til
report-col-days-left = Dager igjen

# Attestasjoner (signerte erklæringer om basisnivåene)
cli-keygen-written = Skrev den private nøkkelen til { $path } (bare du kan lese filen). Nøkkel-id: { $kid }. Den offentlige nøkkelen står over; del den, aldri filen.
cli-attest-scope = «{ $value }» er ikke et omfang; skriv system:ID.
cli-attest-unknown-system = Virksomheten har ikke systemet «{ $system }».
cli-attest-no-keys = Oppgi de offentlige nøklene med --jwks FIL eller --key FIL.
cli-attest-revoked = La til { $id } i tilbaketrekkingslisten ({ $n } i alt).
cli-attest-malformed = ikke en attestasjon (kompakt JWS): { $what }
cli-attest-algorithm = algoritmen er { $alg }, ikke EdDSA
cli-attest-unknown-key = signert med en ukjent nøkkel ({ $kid })
cli-attest-bad-signature = signaturen stemmer ikke: innholdet er endret, eller en annen nøkkel har signert
cli-attest-expired = utløpt; gyldig til { $until }
cli-attest-revoked-on = trukket tilbake { $date } ({ $id })
cli-attest-scope-body = hele virksomheten
cli-attest-scope-systems = systemene { $systems }
cli-attest-summary = Gyldig attestasjon for { $name } ({ $orgnr }), { $scope }, katalog { $catalog }, datert { $date }, gyldig til { $until }. Nøkkel { $kid }, id { $id }.
cli-attest-baseline = BN{ $baseline }: { $in_place } av { $required } påkrevde tiltak på plass (tiltak per system og for virksomheten), { $na } ikke relevante.
cli-attest-rest = Påkrevde tiltak som ikke er på plass: { $open }. Avvik fra anbefalte nivåer: { $deviations }. Godtatte restrisikoer: { $risks }.
problem-invalid-review-months = review_months må være fra 1 til { $max } måneder, ikke { $value }
cli-attest-too-large = { $path }: større enn { $max } byte; ikke lest.
cli-attest-bad-key = { $path }: ikke en privat Ed25519-nøkkel fra grunnmur keygen ({ $detail }).
