# Grunnmur — nynorsk

## Alvor
severity-error = feil
severity-warning = åtvaring

## Problem i katalog- og verksemdsfiler
problem-io = kan ikkje lese fila: { $detail }
problem-syntax = ugyldig YAML/JSON: { $detail }
problem-format = feil form: { $detail }
problem-not-a-mapping = { $what } må vere ein tabell med nøklar (mapping)
problem-unknown-section = ukjend seksjon «{ $section }» (tillate: catalog, owners, requirements, consequence_scale, activities, info_types, tasks, measures, profiles)
problem-missing-header = katalogen manglar «catalog:»-hovudet (id, version, title)
problem-duplicate-header = «catalog:»-hovudet står meir enn éin gong (først i { $first })
problem-invalid-id = ugyldig id «{ $id }» i { $section }: bruk små bokstavar a–z, siffer, punktum, bindestrek og understrek
problem-duplicate-id = id «{ $id }» finst alt i { $section } { $first }
problem-unknown-reference = { $section } «{ $id }» viser til ukjend { $target } «{ $reference }»
problem-missing-text = { $section } «{ $id }»: feltet { $field } manglar tekst på { $lang }
problem-empty-list = { $section } «{ $id }»: { $field } kan ikkje vere tom
problem-invalid-applicability = { $section } «{ $id }»: ugyldig målgruppe «{ $value }» (alle, stat, kommune, fylkeskommune eller sector:<id>)
problem-invalid-baseline = tiltak «{ $id }»: basisnivå { $value } finst ikkje (1, 2 eller 3)
problem-profile-moves-later = profil «{ $profile }» flyttar tiltak «{ $measure }» frå basisnivå { $from } til { $to }; ein profil kan berre flytte eit tiltak til eit tidlegare (lågare) basisnivå
problem-profile-removes = profil «{ $profile }» prøver å fjerne tiltak; ein profil kan berre leggje til, flytte tidlegare og setje parametrar
problem-profile-adds-baseline-measure = profil «{ $profile }» legg til «{ $measure }», som alt høyrer til basisnivåa (ikkje profile_only)
problem-unused-info-type = informasjonstype «{ $id }» vert ikkje brukt av nokon oppgåve
problem-unreachable-measure = tiltak «{ $id }» er profile_only, men ingen profil legg det til
problem-duplicate-name = { $section } «{ $id }» har same namn «{ $name }» som «{ $other }»
problem-missing-activity = styringsaktiviteten «{ $activity }» manglar i activities
problem-few-recommendations = styringsaktiviteten «{ $activity }» har { $count } sterke tilrådingar (venta 2–5)
problem-missing-owner = { $section } «{ $id }» manglar eigar (owner: ein id frå owners)
problem-invalid-orgnr = ugyldig organisasjonsnummer «{ $value }»: 9 siffer med gyldig kontrollsiffer (MOD11)
problem-invalid-sector = ugyldig sektor-id «{ $value }»
problem-invalid-threshold = cumulation_threshold må vere minst 1
problem-task-needs-id-or-task = ei oppgåve må ha anten «task» (frå katalogen) eller «id», «name» og «info_types» (eiga oppgåve)
problem-sectors-on-adopted-task = oppgåva «{ $task }» er henta frå katalogen: sektorane er katalogen sine («sectors» gjeld berre eigne oppgåver)
problem-clashes-with-catalog = eigen { $section }-id «{ $id }» er alt brukt i katalogen
problem-info-type-not-in-task = informasjonstype «{ $info_type }» høyrer ikkje til oppgåve «{ $task }»
problem-task-not-adopted = system «{ $system }» handsamar oppgåve «{ $task }», som verksemda ikkje har valt under tasks
problem-adapts-own-info-type = oppgåve «{ $task }» tilpassar eigen informasjonstype «{ $info_type }»; set nivåa direkte på informasjonstypen
problem-empty-adaptation = tilpassinga av «{ $info_type }» i oppgåve «{ $task }» endrar ingen nivå
problem-missing-justification = { $what }: grunngiving manglar
problem-invalid-date = { $field }: ugyldig dato «{ $value }» (bruk ÅÅÅÅ-MM-DD)
problem-self-dependency = system «{ $system }» kan ikkje vere avhengig av seg sjølv
problem-scope-mismatch = tiltak «{ $measure }» gjeld { $scope ->
    [system] per system: oppgi system
   *[org] for heile verksemda: ikkje oppgi system
}
problem-duplicate-status = status for tiltak «{ $measure }» ({ $scope }) står meir enn éin gong
problem-too-long = { $field } er { $chars } teikn lang; høgst { $max } er tillate
problem-covers-one = tiltaksgjennomføring «{ $id }»: covers må ha nøyaktig éin av systems, groups, runs_on, all og org
problem-implementation-status = tiltaksgjennomføring «{ $id }» kan ikkje ha status «{ $status }»: ho er arbeidet til verksemda sjølv (leverandør og ikkje aktuelt vert sette per system)
problem-dates-out-of-order = gyldig frå { $from } er etter gyldig til { $until }
problem-not-in-release = tiltak «{ $measure }» finst ikkje i katalogversjon { $version } og tel ikkje
problem-too-many = fleire { $what ->
    [form-fields] skjemafelt
   *[other] { $what }
} enn dei { $max } som er tillatne

## API
api-unauthenticated = Du er ikkje innlogga, eller innlogginga har gått ut.
api-forbidden = Du har ikkje tilgang til dette.
api-not-found = Finst ikkje.
api-csrf = Førespurnaden manglar gyldig CSRF-token (X-CSRF-Token).
api-conflict = Konflikt: { $detail }
api-service-in-use = Ei verksemd brukar ei teneste som denne versjonen tek bort. Behald tenesta (gjerne med færre tiltak), eller trekk tilbake erklæringa.
api-too-many-attempts = For mange mislukka innloggingar. Prøv igjen om { $seconds } sekund.
api-bad-request = Ugyldig førespurnad: { $detail }
api-invalid = Innhaldet har feil; ingenting er lagra.
api-internal = Noko gjekk gale på tenaren.
api-unprocessable = Førespurnaden passar ikkje til denne operasjonen: { $detail }
api-too-large = Førespurnaden er større enn tenaren tek imot.
api-unsupported-media-type = Denne operasjonen les ikkje innhald av denne typen (send JSON med Content-Type: application/json).
api-method-not-allowed = Denne adressa tek ikkje imot denne metoden.
api-unavailable = Tenesta får ikkje kontakt med databasen akkurat no. Prøv igjen om litt.

## Tenar og drift
serve-listening = Grunnmur køyrer på http://{ $addr } (database: { $database })
serve-audit-key-created = Nøkkelen til revisjonsloggen vart laga i { $path }. Ta vare på ein kopi skild frå databasekopiane: utan han kan ikkje loggen kontrollerast.
serve-first-admin = Første administrator er oppretta: { $email } med eingongspassord { $password } — byt det etter første innlogging.
serve-demo = Demo: { $name } ({ $orgnr }). Logg inn som { $email } med passord { $password }.
load-suppliers-name = Leverandørane (generert)
load-done = Lasta { $bodies } verksemder og { $declarations } leverandørerklæringar; { $contributions } bidrag til tala på tvers av verksemder avleidde og lagra ({ $seconds } s).
serve-catalog = Katalog: { $id } { $version }
serve-oidc = Innlogging òg gjennom { $issuer }
serve-release-conflict = Katalogen { $id } { $version } er alt publisert med anna innhald. Ein publisert versjon vert aldri endra: gi den endra katalogen eit nytt versjonsnummer (catalog.version).
serve-repinned = Verksemda { $orgnr } følgde katalogversjon { $old }, som ikkje er publisert her; ho følgjer no { $version }.
ops-user-created = Brukar { $email } er oppretta.
ops-granted = { $email } har no rolla { $role } i { $orgnr }.
ops-unlinked = { $email }: { $count } kopling(ar) til innlogginga til verksemda er fjerna.
ops-platform-granted = { $email } har no plattformrolla { $role }.
ops-catalog-editor-granted = { $email } er no katalogredaktør (catalog-editor) for eigarane { $owners }.
ops-platform-revoked = { $email } har ikkje lenger plattformrolla { $role }.
ops-unknown-owner = Ukjend katalogeigar «{ $owner }». Kjende eigarar: { $known }.
ops-owner-only-grant = --owner gjeld berre når nokon får rolla catalog-editor (platform grant --role catalog-editor). Gi rolla på nytt med eigarane som skal gjelde.
ops-audit-ok = Revisjonsloggen er heil: { $count } oppføringar (nøkkelsikra frå oppføring { $from }); { $checkpoints } kontrollpunkt stemmer.
ops-audit-no-checkpoint = Ingen kontrollpunkt vart gitt eller funne: utan eitt kan ingen sjå om dei nyaste oppføringane er fjerna (sjå docs/OPERATIONS.md).
ops-audit-broken = Revisjonsloggen er broten: { $detail }
ops-backup-done = Tryggingskopi skriven til { $path }.
ops-restore-done = Gjenoppretta frå { $path } til { $target }.
ops-password-empty = Passordet kan ikkje vere tomt.
ops-unknown-user = Ukjend brukar { $email }.
ops-unknown-body = Ukjend verksemd { $orgnr }.

## Kommandolinje
cli-problems-summary = { $errors } feil, { $warnings } åtvaringar
cli-catalog-ok = Katalogen { $id } { $version } er gyldig: { $info_types } informasjonstypar, { $tasks } oppgåver, { $measures } tiltak, { $profiles } profilar.
cli-strict-failed = --strict: åtvaringar vert rekna som feil
cli-body-invalid = Verksemdsfila har feil; ingenting er vurdert.
cli-declarations-invalid = Leverandørerklæringane har feil; ingenting er vurdert.
cli-catalog-invalid = Katalogen har feil.
cli-diff-none = Ingen skilnader.
cli-diff-version = Versjon: { $old } → { $new }
cli-diff-added = lagt til
cli-diff-removed = fjerna
cli-diff-changed = endra
cli-invalid-today = --today: ugyldig dato «{ $value }» (bruk ÅÅÅÅ-MM-DD)

## Tabellvising av vurderinga
table-org = Verksemd
table-orgnr = Org.nr.
table-profiles = Sektorprofilar
table-levels = Konsekvensnivå (K / I / T)
table-tasks = Oppgåver
table-systems = System
table-id = Id
table-name = Namn
table-level-c = K
table-level-i = I
table-level-a = T
table-deviations = Avvik frå tilråding
table-cumulation = Kumulasjon
table-required = Påkravde tiltak
table-org-measures = Påkravde tiltak for verksemda
table-risk = Risikovurdering trengst (prioritert)
table-object = Objekt
table-reasons = Grunnar
table-none = ingen
table-catalog = Katalog
table-in-place = På plass
table-sources = Kjelder
table-source-own = eigen
table-source-implementation = gjennomføring
table-source-supplier = leverandør
table-source-shared = delt
table-source-none = ingen
table-coverage = På plass: { $in_place } av { $required } påkravde tiltak (system og verksemda)
table-expiring = Leverandørerklæringar som går ut innan 60 dagar
table-declaration = Erklæring
table-supplier = Leverandør
table-valid-until = Gyldig til
table-days-left = Dagar att

## Nivå, dimensjonar og grunnar
level-lav = låg
level-middels = middels
level-hoy = høg
reason-high_level = høgt nivå
reason-lowered_level = senka nivå
reason-own_info_type = eigen informasjonstype
reason-cumulation = kumulasjon
reason-not_applicable = tiltak ikkje relevant
reason-overdue = forfalle tiltak
reason-supplier_expired = leverandørerklæring gått ut

## Katalogstatistikk
stats-title = Katalog { $id } { $version }
stats-info-types = Informasjonstypar
stats-tasks = Oppgåver
stats-tasks-by-kind = Oppgåver per målgruppe
stats-measures = Tiltak
stats-by-baseline = Tiltak per basisnivå
stats-by-activity = Tiltak per styringsaktivitet
stats-by-kind = Tiltak per type
stats-by-purpose = Tiltak per føremål
stats-by-scope = Tiltak per omfang
stats-profile-only = Tiltak berre i profilar
stats-profiles = Profilar
stats-requirements = Eksterne krav
stats-nsm = NSM-grunnprinsipp dekte
stats-iso = ISO/IEC 27002:2022-kontrollar dekte
stats-evidence = Tiltak med dokumentasjonskrav (kva som viser at det er gjort)
stats-required-by = Tiltak som ei lovplikt krev
stats-required-by-requirement = Lovplikter som krev tiltak
stats-refs-source = Referansar til { $source }
stats-refs-counts = { $references } i { $measures } tiltak, { $distinct } ulike
stats-by-owner = Oppføringar per eigar
stats-without-owner = Oppføringar utan eigar

## OSCAL
oscal-resolved = Løyste { $profile }: { $controls } kontrollar.
oscal-resolve-failed = Profilen kunne ikkje løysast.
oscal-written = Skreiv { $file }
oscal-exported = Skreiv { $count } OSCAL-dokument (tiltaksbank, BN1–BN3 og sektorprofilar) til { $dir }.
oscal-imported = Importerte { $measures } tiltak frå { $catalog }: BN1 { $bn1 }, BN2 { $bn2 }, BN3 { $bn3 }, utanfor basisnivåa { $extra }.
oscal-import-failed = Katalogen kunne ikkje importerast.
oscal-import-invalid = Den importerte tiltaksbanken stod ikkje katalogkontrollen.
oscal-too-many-baselines = --baseline-profiles tek høgst tre profilar (BN1, BN2, BN3), men fekk { $count }.
oscal-ssp-written = Skreiv systemtryggingsplan for { $org } med { $systems } system.
oscal-declaration-written = Skreiv erklæringa { $id } med { $services ->
    [one] éi teneste
   *[other] { $services } tenester
} som OSCAL-komponentdefinisjon.
oscal-ssp-failed = Systemtryggingsplanen kunne ikkje lagast.

## Rapportar
report-title-status = Statusrapport for informasjonstryggleik – { $org }
report-title-plan = Handlingsplan for tryggingstiltak – { $org }
report-about = Om rapporten
report-sheet-about = Om rapporten
report-fact-org = Verksemd
report-fact-orgnr = Organisasjonsnummer
report-fact-kind = Type verksemd
report-fact-profiles = Sektorprofilar
report-fact-date = Dato
report-fact-catalog = Katalogversjon
report-fact-selection = Utvalsregel for tiltak
report-orgkind-stat = statleg verksemd
report-orgkind-kommune = kommune
report-orgkind-fylkeskommune = fylkeskommune
report-orgkind-supplier = leverandør
report-selection-value = { $mode }. { $explain }
report-selection-per-dimension-name = Per dimensjon: nivået i det tiltaket vernar
report-selection-per-dimension-explain = Eit tiltak vert kravt når konsekvensnivået (låg = 1, middels = 2, høg = 3) i minst éin av dimensjonane tiltaket vernar – konfidensialitet, integritet eller tilgjenge – er minst like høgt som basisnivået til tiltaket (BN1–BN3).
report-selection-high-water-mark-name = Høgaste nivå: det høgaste nivået gjeld alle tiltak
report-selection-high-water-mark-explain = Eit tiltak vert kravt når det høgaste av dei tre konsekvensnivåa (låg = 1, middels = 2, høg = 3) er minst like høgt som basisnivået til tiltaket (BN1–BN3), same kva dimensjon tiltaket vernar. Det gir fleire påkravde tiltak enn per dimensjon.
report-legend = Forkortingar: { $list }.
report-col-c-full = Konfidensialitet
report-col-i-full = Integritet
report-col-a-full = Tilgjenge
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
report-scope-org = Verksemda
report-object-system = System: { $name }
report-object-task = Oppgåve: { $name }
report-dim-c = konfidensialitet
report-dim-i = integritet
report-dim-a = tilgjenge
report-status-not_started = Ikkje påbyrja
report-status-in_progress = Under arbeid
report-status-partial = Delvis
report-status-implemented = Sett i verk
report-status-not_applicable = Ikkje relevant
report-status-supplier = Dekt av leverandør
report-status-note = Påkravde tiltak utan registrert status vert rekna som ikkje påbyrja. Dekning er delen påkravde tiltak som er sette i verk eller dekte av ei gyldig leverandørerklæring.
report-summary-intro = Nøkkeltal frå vurderinga: konsekvensnivå, påkravde tiltak og kor mange som er på plass, avvik frå tilrådingane og objekt som treng risikovurdering.
report-sheet-summary = Samandrag
report-heading-summary = Samandrag
report-caption-summary = Nøkkeltal
report-sheet-systems = System
report-heading-systems = System og konsekvensnivå
report-caption-systems = System med konsekvensnivå, påkravde tiltak og behov for risikovurdering
report-sheet-tasks = Oppgåver
report-heading-tasks = Oppgåver og konsekvensnivå
report-caption-tasks = Oppgåver med konsekvensnivå og avvik
report-sheet-baseline = Per basisnivå
report-heading-baseline = Påkravde tiltak per basisnivå
report-caption-baseline = Påkravde tiltak per basisnivå, etter status
report-sheet-activity = Per styringsaktivitet
report-heading-activity = Påkravde tiltak per styringsaktivitet
report-caption-activity = Påkravde tiltak per styringsaktivitet, etter status
report-sheet-deviations = Avvik
report-heading-deviations = Avvik frå tilrådingane
report-caption-deviations = Endra konsekvensnivå med grunngiving
report-sheet-risk = Risikovurdering
report-heading-risk = Risikovurdering trengst
report-caption-risk = Objekt som treng risikovurdering, prioriterte, med grunnar
report-sheet-overdue = Forfalne tiltak
report-heading-overdue = Forfalne tiltak
report-caption-overdue = Påkravde tiltak som ikkje er på plass etter fristen
report-sheet-plan = Handlingsplan
report-heading-plan = Handlingsplan
report-caption-plan = Tiltak som står att: kva, kvar, kven og innan når
report-plan-intro = { $open } av { $required } { $required ->
        [one] påkravd tiltak
       *[other] påkravde tiltak
    } er ikkje på plass. { $overdue } er forfalne, { $noowner } manglar ansvarleg og { $nodue } manglar frist.
report-plan-order = Rekkjefølgje: forfalne tiltak først, deretter etter frist (tiltak utan frist sist), basisnivå, verksemda før systema, og id-en til tiltaket.
report-sheet-evidence = Dokumentasjon
report-heading-evidence = Kva som viser at tiltaket er gjennomført
report-caption-evidence = For kvart tiltak som står att: kva ein revisor ville godta som prov
report-evidence-intro = Når eit tiltak er gjennomført, lenk til dokumentasjonen i statusen. Eit tiltak merkt sett i verk utan han vert talt som udokumentert.
report-col-evidence = Kva som viser at det er gjort
report-kv-org-levels = Konsekvensnivå for verksemda (konfidensialitet / integritet / tilgjenge)
report-kv-tasks = Oppgåver
report-kv-systems = System
report-kv-required-system = Påkravde tiltak i systema
report-kv-required-org = Påkravde tiltak for verksemda
report-kv-required-total = Påkravde tiltak i alt
report-kv-in-place = På plass (sett i verk eller dekt av leverandør)
report-kv-undocumented = Av desse, sett i verk utan dokumentasjon (udokumentert)
report-kv-coverage = Dekning
report-kv-deviations = Avvik frå tilrådingane
report-kv-risk = Objekt som treng risikovurdering
report-kv-overdue = Forfalne tiltak
report-col-figure = Nøkkeltal
report-col-value = Verdi
report-col-c = K
report-col-i = I
report-col-a = T
report-col-system = System
report-col-task = Oppgåve
report-col-cumulation = Kumulasjon
report-col-required = Påkravd
report-col-in-place = På plass
report-col-risk = Risikovurdering trengst
report-col-deviations = Avvik
report-col-own = Eiga oppgåve
report-col-baseline = Basisnivå
report-col-activity = Styringsaktivitet
report-col-coverage = Dekning
report-col-info-type = Informasjonstype
report-col-dimension = Dimensjon
report-col-recommended = Tilrådd
report-col-chosen = Valt
report-col-justification = Grunngiving
report-col-priority = Nr.
report-col-object = Objekt
report-col-reasons = Grunnar
report-col-measures = Tiltak
report-col-measure = Tiltak
report-col-where = Kvar
report-col-owner = Ansvarleg
report-col-due = Frist
report-col-status = Status
report-col-overdue = Forfalle
report-chart-baseline = Status for påkravde tiltak per basisnivå
report-chart-activity = Status for påkravde tiltak per styringsaktivitet
report-chart-risk = Risikobilete: system etter høgaste konsekvensnivå
report-chart-risk-alt = { $level }: { $with } treng risikovurdering, { $without } gjer det ikkje
report-sheet-top-risks = Høgaste risikoar
report-heading-top-risks = Dei høgaste risikoane
report-caption-top-risks = Dei høgaste risikoane i risikovurderingane til verksemda, med sone før og etter handsaming
report-top-risks-intro = { $shown ->
        [one] Den høgaste
       *[other] Dei { $shown } høgaste
    } av { $analysed } { $analysed ->
        [one] analysert risiko
       *[other] analyserte risikoar
    } i { $assessments } { $assessments ->
        [one] risikovurdering
       *[other] risikovurderingar
    }, ordna etter sone før handsaming og så etter sannsyn × konsekvens.
report-top-risks-none = Rapporten omfattar ingen risikovurderingar.
report-chart-top-before = Talet på risikoar per celle før handsaming (matrise { $size })
report-chart-top-after = Talet på risikoar per celle etter handsaming (matrise { $size })
report-series-risk = Treng risikovurdering
report-series-no-risk = Treng ikkje risikovurdering
cli-report-written = Skreiv { $path }.
cli-report-failed = Rapporten kunne ikkje lagast: { $detail }
cli-report-one-risk = Ein rapport om ei risikovurdering tek nøyaktig éin --risk.

## Rekneark
xlsx-place-workbook = Arbeidsboka
xlsx-place-sheet = Ark { $sheet }
xlsx-place-column = Ark { $sheet }, kolonne { $column }
xlsx-place-row = Ark { $sheet }, rad { $row }
xlsx-place-cell = Ark { $sheet }, rad { $row }, kolonne { $column }
xlsx-wrong-type = feil type: venta { $expected }, fann { $found }
xlsx-invalid-value = ugyldig verdi «{ $value }»; tillate: { $allowed }
xlsx-empty-sheet = arket er tomt (inga overskriftsrad)
xlsx-bad-header = overskrifta må vere tekst, fann { $found }
xlsx-duplicate-column = kolonnen finst to gonger
xlsx-unknown-column = ukjend kolonne; kjende kolonnar: { $known }
xlsx-missing-column = kolonnen manglar
xlsx-too-many-rows = arket har { $rows } rader; høgst { $max } er tillate
xlsx-too-many-columns = arket har { $columns } kolonnar; høgst { $max } er tillate
xlsx-org-one-row = arket org skal ha éi rad; denne rada er for mykje
xlsx-required = { $column } må fyllast ut
xlsx-unknown-task = oppgåva «{ $task }» finst ikkje mellom oppgåvene til verksemda
xlsx-levels-required = konsekvensnivå må fyllast ut for c, i og a
xlsx-unknown-system = systemet «{ $system }» finst ikkje i arket systems
xlsx-unreadable = fila kan ikkje lesast som eit XLSX-rekneark: { $detail }
xlsx-unknown-sheet = ukjend ark; kjende ark: { $known }
xlsx-duplicate-sheet = arket finst to gonger
xlsx-no-sheets = arbeidsboka har ingen kjende ark; kjende ark: { $known }
xlsx-too-large = fila er { $bytes } byte; høgst { $max } er tillate
xlsx-too-large-unpacked = fila pakkar seg ut til { $bytes } byte; høgst { $max } er tillate
xlsx-type-text = tekst
xlsx-type-id = id (tekst)
xlsx-type-orgnr = organisasjonsnummer
xlsx-type-integer = heiltal
xlsx-type-date = dato
xlsx-type-number = tal
xlsx-type-boolean = sanningsverdi
xlsx-type-duration = varigheit
xlsx-type-error = feilverdi
xlsx-type-empty = tom celle
xlsx-readme-title = Grunnmur: arbeidsområdet til verksemda som rekneark
xlsx-readme-intro = Eitt ark per del av verksemdsfila, med nøklane i verksemdsfila som kolonneoverskrifter. Lister av id-ar vert skilde med komma; dokumentasjonslenkjer står éi per linje; datoar vert skrivne som datoar eller ÅÅÅÅ-MM-DD.
xlsx-readme-replace = Ved import erstattar kvart ark den delen av arbeidsområdet det gjeld; manglar eit ark, vert det som finst, halde på. Alle rader vert kontrollerte, og ingenting vert lagra om noko er feil, så sant du ikkje uttrykkeleg vel å importere berre dei gyldige radene.
xlsx-readme-sheet = Ark
xlsx-readme-column = Kolonne
xlsx-readme-meaning = Tyding
xlsx-col-org-orgnr = Organisasjonsnummer (9 siffer, gyldig kontrollsiffer).
xlsx-col-org-name = Namnet på verksemda.
xlsx-col-org-kind = Type verksemd: stat, kommune, fylkeskommune, eller supplier (ein organisasjon som erklærer tenestene sine).
xlsx-col-org-sectors = Sektorar, skilde med komma (til dømes helse, vann).
xlsx-col-org-selection = Utvalsregel for tiltak: per-dimension (standard) eller high-water-mark.
xlsx-col-org-cumulation-threshold = Talet på informasjonstypar på middels som flaggar kumulasjon (standard 3).
xlsx-col-org-services = Leverandørtenester verksemda brukar for tiltak på verksemdsnivå, som erklæring/teneste, skilde med komma. Tom celle: ingen.
xlsx-col-tasks-task = Id for ei oppgåve frå katalogen (for oppgåver verksemda tek i bruk).
xlsx-col-tasks-id = Id for den eigne oppgåva til verksemda (la task stå tom).
xlsx-col-tasks-name = Namn på eiga oppgåve.
xlsx-col-tasks-info-types = Informasjonstypane til den eigne oppgåva, skilde med komma.
xlsx-col-overrides-task = Oppgåva tilpassinga gjeld (task eller id frå arket tasks).
xlsx-col-overrides-info-type = Informasjonstypen frå katalogen som får endra nivå.
xlsx-col-overrides-c = Valt nivå for konfidensialitet (lav, middels, høy), tomt for uendra.
xlsx-col-overrides-i = Valt nivå for integritet, tomt for uendra.
xlsx-col-overrides-a = Valt nivå for tilgjenge, tomt for uendra.
xlsx-col-overrides-justification = Skriftleg grunngiving for endringa (påkravd).
xlsx-col-info-types-id = Id for den eigne informasjonstypen til verksemda.
xlsx-col-info-types-name = Namnet på informasjonstypen.
xlsx-col-info-types-c = Konsekvensnivå for konfidensialitet (lav, middels, høy).
xlsx-col-info-types-i = Konsekvensnivå for integritet.
xlsx-col-info-types-a = Konsekvensnivå for tilgjenge.
xlsx-col-info-types-rationale = Grunngiving for nivåa.
xlsx-col-systems-id = Id-en til systemet (små bokstavar, tal, punktum, bindestrek).
xlsx-col-systems-name = Namnet på systemet.
xlsx-col-systems-services = Leverandørtenester systemet brukar, som erklæring/teneste (til dømes nordsky-datasenter/plattform), skilde med komma. Tom celle: ingen.
xlsx-col-task-mapping-system = Systemet (id frå arket systems).
xlsx-col-task-mapping-task = Oppgåva systemet støttar (task eller id frå arket tasks).
xlsx-col-task-mapping-info-types = Informasjonstypane systemet handsamar for oppgåva, skilde med komma; tomt tyder alle.
xlsx-col-dependencies-system = Systemet som er avhengig (id frå arket systems).
xlsx-col-dependencies-depends-on = Systemet det er avhengig av.
xlsx-col-dependencies-kind = runs_on (køyrer på / vert drifta av) eller uses (brukar / integrerer med).
xlsx-col-measure-status-measure = Id-en til tiltaket frå katalogen.
xlsx-col-measure-status-system = Id-en til systemet for tiltak per system; tomt for tiltak for heile verksemda.
xlsx-col-measure-status-status = not_started, in_progress, partial, implemented, not_applicable eller supplier.
xlsx-col-measure-status-owner = Ansvarleg.
xlsx-col-measure-status-due = Frist.
xlsx-col-measure-status-justification = Grunngiving (påkravd for not_applicable).
xlsx-col-measure-status-evidence = Dokumentasjon, éi lenkje per linje.
xlsx-col-measure-status-valid-until = Utløpsdatoen til leverandørerklæringa (for supplier).
xlsx-col-groups-id = Id-en til gruppa (små bokstavar, tal, punktum, bindestrek).
xlsx-col-groups-name = Namnet på gruppa.
xlsx-col-groups-systems = Systema i gruppa, som id-ar skilde med komma. Eit system kan vere i fleire grupper.
xlsx-col-implementations-id = Id-en til gjennomføringa.
xlsx-col-implementations-name = Kva arbeidet er.
xlsx-col-implementations-measures = Tiltaka arbeidet oppfyller, som id-ar frå katalogen skilde med komma.
xlsx-col-implementations-covers = Kva arbeidet dekkjer: systems, groups, runs_on (systemet og alt som køyrer på det), all (alle system) eller org (verksemda).
xlsx-col-implementations-targets = For systems og groups: id-ane, skilde med komma. For runs_on: id-en til systemet. Tom for all og org.
xlsx-col-implementations-status = not_started, in_progress, partial eller implemented.
xlsx-col-implementations-owner = Ansvarleg.
xlsx-col-implementations-due = Frist.
xlsx-col-implementations-justification = Grunngiving eller merknad.
xlsx-col-implementations-evidence = Dokumentasjon, éi lenkje per linje.
cli-xlsx-written = Skreiv { $path }.
cli-xlsx-refused = Importen er avvist: { $count } problem. Ingenting er skrive.
cli-xlsx-imported = Importerte arbeidsområdet til { $path }.
cli-xlsx-skipped = { $count } rader med problem vart utelatne (--valid-rows-only):
cli-xlsx-base-invalid = Grunnlagsfila har feil; ingenting er importert.

# Rapportar: kvar statusen kjem frå (regel 15), og leverandørerklæringar som snart går ut
report-col-source = Kjelde
report-source-own = Eigen status
report-source-implementation = Gjennomføring
report-source-supplier = Leverandør
report-source-shared = Delt med leverandør
report-source-none = Ingen enno
report-source-implementation-named = Gjennomføring: { $name }
report-source-supplier-named = Leverandør: { $service }
report-source-shared-named = Delt: { $service }; eigen del: { $part }
report-source-shared-open = ikkje på plass
report-source-note = Påkravde tiltak etter kvar statusen kjem frå: den eigne statusen til verksemda for paret, ei gjennomføring som dekkjer fleire system, ei teneste frå ein leverandør som gjer heile jobben, eller ei delt teneste der den eigne delen til verksemda òg må vere på plass.
report-sheet-source = Etter kjelde
report-heading-source = Påkravde tiltak etter kjelde
report-caption-source = Påkravde tiltak etter kvar statusen kjem frå, fordelte på status
report-chart-source = Status for påkravde tiltak etter kjelde
report-sheet-expiring = Erklæringar som går ut
report-heading-expiring = Leverandørerklæringar som snart går ut
report-caption-expiring = Erklæringar verksemda brukar, med sluttdato
report-expiring-intro = Erklæringar som går ut innan { $days } dagar. Når ei erklæring har gått ut, tel ho ikkje lenger, og tiltaka ho dekte, må dekkjast på anna vis.
report-col-supplier = Leverandør
report-col-declaration = Erklæring
report-col-valid-until = Gyldig til
report-col-days-left = Dagar att

# Attestasjonar (signerte erklæringar om basisnivåa)
cli-keygen-written = Skreiv den private nøkkelen til { $path } (berre du kan lese fila). Nøkkel-id: { $kid }. Den offentlege nøkkelen står over; del han, aldri fila.
cli-attest-scope = «{ $value }» er ikkje eit omfang; skriv system:ID.
cli-attest-unknown-system = Verksemda har ikkje systemet «{ $system }».
cli-attest-no-keys = Oppgi dei offentlege nøklane med --jwks FIL eller --key FIL.
cli-attest-revoked = La til { $id } i tilbaketrekkingslista ({ $n } i alt).
cli-attest-malformed = ikkje ein attestasjon (kompakt JWS): { $what }
cli-attest-algorithm = algoritmen er { $alg }, ikkje EdDSA
cli-attest-unknown-key = signert med ein ukjend nøkkel ({ $kid })
cli-attest-bad-signature = signaturen stemmer ikkje: innhaldet er endra, eller ein annan nøkkel har signert
cli-attest-expired = gått ut; gyldig til { $until }
cli-attest-revoked-on = trekt tilbake { $date } ({ $id })
cli-attest-scope-body = heile verksemda
cli-attest-scope-systems = systema { $systems }
cli-attest-summary = Gyldig attestasjon for { $name } ({ $orgnr }), { $scope }, katalog { $catalog }, datert { $date }, gyldig til { $until }. Nøkkel { $kid }, id { $id }.
cli-attest-baseline = BN{ $baseline }: { $in_place } av { $required } påkravde tiltak på plass (tiltak per system og for verksemda), { $na } ikkje relevante.
cli-attest-rest = Påkravde tiltak som ikkje er på plass: { $open }. Avvik frå tilrådde nivå: { $deviations }. Godtekne restrisikoar: { $risks }.
problem-invalid-review-months = review_months må vere frå 1 til { $max } månader, ikkje { $value }
cli-attest-too-large = { $path }: større enn { $max } byte; ikkje lese.
cli-attest-bad-key = { $path }: ikkje ein privat Ed25519-nøkkel frå grunnmur keygen ({ $detail }).
