# Katalogutkast i nettløsningen (issue 14): utkast, oppføringer, forslag, høringsrunde.

ui-nav-drafts = Katalogutkast
ui-draft-notice-proposed = Endringen er sendt som forslag til eierens redaktører. Den kommer inn i utkastet når de godtar den.
ui-draft-title = Katalogutkast
ui-draft-title-of = { $catalog }, versjon { $version }
ui-draft-state-open = Under arbeid
ui-draft-state-consultation = På høring til og med { $closes }
ui-draft-state-consulted = Høringen ble avsluttet { $closes }
ui-draft-state-published = Publisert
ui-draft-section-requirements = Krav
ui-draft-section-activities = Styringsaktiviteter
ui-draft-section-info_types = Informasjonstyper
ui-draft-section-tasks = Oppgaver
ui-draft-section-measures = Tiltak
ui-draft-section-profiles = Sektorprofiler
ui-draft-kind-added = Ny oppføring
ui-draft-kind-removed = Fjernet
ui-draft-kind-changed = Endret
ui-draft-change-applied = Gjort
ui-draft-change-proposed = Foreslått, venter på eieren
ui-draft-change-accepted = Forslag godtatt
ui-draft-change-rejected = Forslag avvist
ui-draft-decided-accepted = Godtatt av { $who } { $when }: { $reason }
ui-draft-decided-rejected = Avvist av { $who } { $when }: { $reason }
ui-draft-outcome-accepted = Tatt til følge
ui-draft-outcome-partly = Delvis tatt til følge
ui-draft-outcome-rejected = Ikke tatt til følge
ui-draft-answered-by = Svart av { $who } { $when }
ui-draft-approved-by = Godkjent av { $who } { $when }
ui-draft-created-by = Påbegynt av { $who } { $when }
ui-draft-required = Fyll ut feltet.
ui-draft-problem-at = { $file }, linje { $line }: { $message }
ui-draft-yaml-invalid = YAML-en kan ikke leses (linje { $line }): { $message }

# Listen over utkast
ui-draft-list-title = Katalogutkast
ui-draft-list-intro = Et utkast er neste versjon av katalogen mens veiledningsaktørene skriver den sammen. Redaktører endrer sine egne oppføringer og foreslår endringer i andres; under høringsrunden kan alle virksomheter lese utkastet, se hva det endrer for dem, og gi innspill.
ui-draft-find = Søk i utkastene
ui-draft-list-count = { $n ->
    [one] Ett utkast
   *[other] { $n } utkast
}
ui-draft-list-caption = Utkastene du kan lese, det nyeste først
ui-draft-col-draft = Utkast
ui-draft-col-catalog = Katalog
ui-draft-col-base = Grunnlag og ny versjon
ui-draft-col-version = Ny versjon
ui-draft-col-state = Status
ui-draft-col-closes = Siste dag for innspill
ui-draft-col-created = Påbegynt
ui-draft-col-created-by = Påbegynt av
ui-draft-base-to = { $base } → { $version }
ui-draft-new = Begynn et nytt utkast
ui-draft-new-intro = Utkastet starter som en kopi av en publisert versjon av katalogen og får det nye versjonsnummeret.
ui-draft-no-release = Ingen versjon av katalogen er publisert ennå, så det finnes ikke noe å begynne fra.
ui-draft-field-base = Begynn fra versjon
ui-draft-hint-base = En publisert versjon av katalogen.
ui-draft-base-option = { $catalog }, versjon { $version }
ui-draft-base-unknown = Denne versjonen er ikke publisert.
ui-draft-field-version = Ny versjon
ui-draft-hint-version = For eksempel 2025.2. Bokstaver, tall, punktum og bindestrek.
ui-draft-create = Begynn utkastet

# Ett utkast
ui-draft-back-list = Tilbake til katalogutkastene
ui-draft-entries-link = Alle oppføringene i utkastet
ui-draft-files-link = Last ned utkastet som katalogfiler (zip)
ui-draft-impact-for = Hva endres for { $body }
ui-draft-readiness = Hvor utkastet står
ui-draft-owners-caption = Eiere med endrede oppføringer
ui-draft-col-owner = Eier
ui-draft-col-changed = Endrede oppføringer
ui-draft-col-approval = Godkjenning
ui-draft-not-approved = Ikke godkjent
ui-draft-no-changes = Ingen endringer ennå.
ui-draft-open-proposals = { $n ->
    [one] Ett forslag venter på avgjørelse
   *[other] { $n } forslag venter på avgjørelse
}
ui-draft-unanswered-count = { $n ->
    [one] Ett innspill er ikke besvart
   *[other] { $n } innspill er ikke besvart
}
ui-draft-approve = Godkjenn utkastet
ui-draft-approve-hint = Du godkjenner utkastet slik det er nå, for hver eier du er redaktør for som har endrede oppføringer. En ny endring krever ny godkjenning.
ui-draft-ready = Utkastet kan publiseres.
ui-draft-not-ready = Utkastet kan ikke publiseres ennå:
ui-draft-block-nothing = ingen oppføringer er endret
ui-draft-block-approval = venter på godkjenning fra { $owners }
ui-draft-block-proposals = { $n ->
    [one] ett forslag er ikke avgjort
   *[other] { $n } forslag er ikke avgjort
}
ui-draft-block-comments = { $n ->
    [one] ett innspill er ikke besvart
   *[other] { $n } innspill er ikke besvart
}
ui-draft-block-round = høringsrunden er ikke over
ui-draft-publish = Publiser som ny versjon
ui-draft-publish-refused = Utkastet kunne ikke publiseres. Se hva som mangler under «Hvor utkastet står».
ui-draft-consultation = Høringsrunde
ui-draft-consultation-intro = Under høringsrunden kan alle påloggede i alle virksomheter lese utkastet, se hva det endrer for sin virksomhet og gi innspill til oppføringene. Innspill kan gis til og med siste dag.
ui-draft-field-closes = Siste dag for innspill
ui-draft-closes-invalid = Velg en dato fra og med i dag.
ui-draft-open-round = Åpne høringsrunden
ui-draft-move-round = Endre siste dag
ui-draft-proposals = Forslag som venter
ui-draft-proposals-intro = Endringer i oppføringer som eies av andre enn den som endret dem. Eierens redaktører godtar eller avviser dem med en begrunnelse.
ui-draft-proposed-by = Foreslått av { $who } til { $owner }
ui-draft-reason-was = Begrunnelse: { $reason }
ui-draft-decision-reason = Begrunnelse for avgjørelsen
ui-draft-accept = Godta
ui-draft-reject = Avvis
ui-draft-changes = Endringer
ui-draft-changes-caption = { $n ->
    [one] Én endring, den eldste først
   *[other] { $n } endringer, den eldste først
}
ui-draft-col-entry = Oppføring
ui-draft-col-change = Endring
ui-draft-col-reason = Begrunnelse
ui-draft-col-by = Av
ui-draft-value-old = før:
ui-draft-value-new = etter:
ui-draft-comments = Innspill
ui-draft-comments-editor = Alle innspill fra høringsrunden. Eierens redaktører svarer på innspill til sine oppføringer.
ui-draft-comments-member = Innspillene fra din virksomhet, med svarene.
ui-draft-no-comments = Ingen innspill ennå.
ui-draft-comment-from = Fra { $body } { $when }
ui-draft-answer-outcome = Svar ({ $outcome }):
ui-draft-unanswered = Ikke besvart ennå.
ui-draft-answer = Svar
ui-draft-outcome = Utfall
ui-draft-send-answer = Send svaret
ui-draft-comment-new = Gi innspill
ui-draft-field-body = Innspill fra
ui-draft-field-entry = Oppføring
ui-draft-choose-entry = Velg en oppføring
ui-draft-field-comment = Innspill
ui-draft-send-comment = Send innspillet
ui-draft-entry-unknown = Utkastet har ingen slik oppføring.

# Oppføringene
ui-draft-entries-title = Oppføringer
ui-draft-entries-of = Oppføringene i { $draft }
ui-draft-back-draft = Tilbake til { $draft }
ui-draft-find-entry = Søk etter navn, id eller eier
ui-draft-new-in = Ny oppføring i «{ $section }»
ui-draft-section-empty = Utkastet har ingen oppføringer her.
ui-draft-none-found = Ingen oppføringer her passer søket.
ui-draft-entries-caption = { $section }: { $n ->
    [one] én oppføring
   *[other] { $n } oppføringer
}
ui-draft-col-section = Del av katalogen
ui-draft-col-id = Id
ui-draft-col-name = Navn

# Én oppføring
ui-draft-entry-title = Oppføring
ui-draft-new-entry = Ny oppføring
ui-draft-back-entries = Tilbake til oppføringene i { $draft }
ui-draft-owned-by = eies av { $owner }
ui-draft-proposal-note = Du er ikke redaktør for { $owner }. Det du lagrer, blir et forslag som deres redaktører godtar eller avviser.
ui-draft-lang-nb = Bokmål
ui-draft-lang-en = Engelsk
ui-draft-row-nb = Rad { $n }, bokmål
ui-draft-row-en = Rad { $n }, engelsk
ui-draft-row-new-nb = Ny rad, bokmål
ui-draft-row-new-en = Ny rad, engelsk
ui-draft-choose-none = Ikke oppgitt
ui-draft-applies-alle = Alle virksomheter
ui-draft-applies-stat = Statlige virksomheter
ui-draft-applies-kommune = Kommuner
ui-draft-applies-fylkeskommune = Fylkeskommuner
ui-draft-applies-sector = Sektor: { $sector }
ui-draft-pd-none = Ingen personopplysninger
ui-draft-pd-ordinary = Personopplysninger
ui-draft-pd-special = Særlige kategorier av personopplysninger
ui-draft-field-id = Id
ui-draft-field-activity = Styringsaktivitet
ui-draft-field-owner = Eier
ui-draft-field-name = Navn
ui-draft-field-source = Kilde
ui-draft-field-description = Beskrivelse
ui-draft-field-out_of_scope = Utenfor katalogens omfang
ui-draft-field-recommendations = Anbefalinger
ui-draft-field-levels = Anbefalte konsekvensnivåer
ui-draft-field-rationale = Begrunnelse for nivåene
ui-draft-field-personal_data = Personopplysninger
ui-draft-field-requirements = Krav
ui-draft-field-applies_to = Gjelder for
ui-draft-field-info_types = Informasjonstyper
ui-draft-field-steps = Trinn
ui-draft-field-statement = Krav til tiltaket
ui-draft-field-guidance = Veiledning
ui-draft-field-level = Basisnivå
ui-draft-field-protects = Beskytter
ui-draft-field-scope = Gjelder
ui-draft-field-purpose = Formål
ui-draft-field-kind = Type
ui-draft-field-required_by = Påkrevd av krav
ui-draft-field-evidence = Dokumentasjon som viser at tiltaket er på plass
ui-draft-field-refs = Henvisninger
ui-draft-field-params = Parametre
ui-draft-field-profile_only = Bare i sektorprofiler
ui-draft-field-add = Tiltak profilen legger til
ui-draft-field-level_overrides = Endrede basisnivåer
ui-draft-field-reason = Begrunnelse for endringen
ui-draft-field-yaml = Oppføringen som YAML
ui-draft-field-remove-reason = Begrunnelse for å fjerne oppføringen
ui-draft-hint-id-requirements = For eksempel krav.personvern. Kan ikke endres senere.
ui-draft-hint-id-info_types = For eksempel hr.personalmappe. Kan ikke endres senere.
ui-draft-hint-id-tasks = For eksempel kommune.skole. Kan ikke endres senere.
ui-draft-hint-id-measures = For eksempel m.tilgang. Kan ikke endres senere.
ui-draft-hint-id-profiles = For eksempel p.helse. Kan ikke endres senere.
ui-draft-hint-pick = Velg flere med Ctrl (Cmd på Mac) eller Shift.
ui-draft-hint-rows = Én tekst per rad. Den tomme raden nederst legger til en ny; tøm en rad for å fjerne den.
ui-draft-hint-yaml-refs = Rammeverk og punkter, for eksempel «iso27002: ["5.15"]». Tomt for ingen.
ui-draft-hint-yaml-params = Navn og verdi, for eksempel «retention_days: 90». Tomt for ingen.
ui-draft-hint-yaml-level-overrides = Tiltak og nytt basisnivå, for eksempel «m.logg: 2». Tomt for ingen.
ui-draft-hint-reason = Hvorfor endringen gjøres. Den følger endringen og står i versjonsnotatene.
ui-draft-hint-yaml = Hele oppføringen slik den står i katalogfilen.
ui-draft-hint-remove = Alt som viser til oppføringen, må endres først; ellers får du se hva.
ui-draft-add-entry = Legg til oppføringen
ui-draft-save-entry = Lagre endringen
ui-draft-as-yaml = Rediger som YAML
ui-draft-remove = Fjern oppføringen
ui-draft-remove-button = Fjern oppføringen fra utkastet
ui-draft-id-taken = Utkastet har allerede en oppføring med id { $id }.
ui-draft-answer-there = Svar på innspillet på utkastets side
ui-draft-history = Historikk
ui-draft-history-none = Oppføringen er ikke endret i dette utkastet.
ui-draft-history-caption = { $n ->
    [one] Én endring, den nyeste først
   *[other] { $n } endringer, den nyeste først
}
ui-draft-entry-changed = Oppføringen er endret av noen andre etter at du åpnet skjemaet. Se historikken under, og lagre igjen hvis endringen din fortsatt skal gjøres.
ui-draft-record-link = Versjonens protokoll: endringene og høringssvarene
