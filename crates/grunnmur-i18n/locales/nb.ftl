# Grunnmur — bokmål (standardspråk)

## Alvorlighet
severity-error = feil
severity-warning = advarsel

## Problemer i katalog- og virksomhetsfiler
problem-io = kan ikke lese filen: { $detail }
problem-syntax = ugyldig YAML/JSON: { $detail }
problem-format = feil form: { $detail }
problem-not-a-mapping = { $what } må være en tabell med nøkler (mapping)
problem-unknown-section = ukjent seksjon «{ $section }» (tillatt: catalog, requirements, consequence_scale, activities, info_types, tasks, measures, profiles)
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
problem-invalid-orgnr = ugyldig organisasjonsnummer «{ $value }»: 9 siffer med gyldig kontrollsiffer (MOD11)
problem-invalid-sector = ugyldig sektor-id «{ $value }»
problem-invalid-threshold = cumulation_threshold må være minst 1
problem-task-needs-id-or-task = en oppgave må ha enten «task» (fra katalogen) eller «id», «name» og «info_types» (egen oppgave)
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

## Kommandolinje
cli-problems-summary = { $errors } feil, { $warnings } advarsler
cli-catalog-ok = Katalogen { $id } { $version } er gyldig: { $info_types } informasjonstyper, { $tasks } oppgaver, { $measures } tiltak, { $profiles } profiler.
cli-strict-failed = --strict: advarsler regnes som feil
cli-body-invalid = Virksomhetsfilen har feil; ingenting er vurdert.
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
oscal-ssp-failed = Systemsikkerhetsplanen kunne ikke lages.

