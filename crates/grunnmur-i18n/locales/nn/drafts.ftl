# Katalogutkast i nettløysinga (issue 14): utkast, oppføringar, forslag, høyringsrunde.

ui-nav-drafts = Katalogutkast
ui-draft-notice-proposed = Endringa er send som forslag til redaktørane hos eigaren. Ho kjem inn i utkastet når dei godtek ho.
ui-draft-title = Katalogutkast
ui-draft-title-of = { $catalog }, versjon { $version }
ui-draft-state-open = Under arbeid
ui-draft-state-consultation = På høyring til og med { $closes }
ui-draft-state-consulted = Høyringa vart avslutta { $closes }
ui-draft-state-published = Publisert
ui-draft-section-requirements = Krav
ui-draft-section-activities = Styringsaktivitetar
ui-draft-section-info_types = Informasjonstypar
ui-draft-section-tasks = Oppgåver
ui-draft-section-measures = Tiltak
ui-draft-section-profiles = Sektorprofilar
ui-draft-kind-added = Ny oppføring
ui-draft-kind-removed = Fjerna
ui-draft-kind-changed = Endra
ui-draft-change-applied = Gjort
ui-draft-change-proposed = Føreslått, ventar på eigaren
ui-draft-change-accepted = Forslag godteke
ui-draft-change-rejected = Forslag avvist
ui-draft-decided-accepted = Godteke av { $who } { $when }: { $reason }
ui-draft-decided-rejected = Avvist av { $who } { $when }: { $reason }
ui-draft-outcome-accepted = Teke til følgje
ui-draft-outcome-partly = Delvis teke til følgje
ui-draft-outcome-rejected = Ikkje teke til følgje
ui-draft-answered-by = Svara av { $who } { $when }
ui-draft-approved-by = Godkjend av { $who } { $when }
ui-draft-created-by = Påbyrja av { $who } { $when }
ui-draft-required = Fyll ut feltet.
ui-draft-problem-at = { $file }, linje { $line }: { $message }
ui-draft-yaml-invalid = YAML-en kan ikkje lesast (linje { $line }): { $message }

# Lista over utkast
ui-draft-list-title = Katalogutkast
ui-draft-list-intro = Eit utkast er neste versjon av katalogen medan rettleiingsaktørane skriv han saman. Redaktørar endrar sine eigne oppføringar og føreslår endringar i andre sine; under høyringsrunden kan alle verksemder lese utkastet, sjå kva det endrar for dei, og gje innspel.
ui-draft-find = Søk i utkasta
ui-draft-list-count = { $n ->
    [one] Eitt utkast
   *[other] { $n } utkast
}
ui-draft-list-caption = Utkasta du kan lese, det nyaste først
ui-draft-col-draft = Utkast
ui-draft-col-catalog = Katalog
ui-draft-col-base = Grunnlag og ny versjon
ui-draft-col-version = Ny versjon
ui-draft-col-state = Status
ui-draft-col-closes = Siste dag for innspel
ui-draft-col-created = Påbyrja
ui-draft-col-created-by = Påbyrja av
ui-draft-base-to = { $base } → { $version }
ui-draft-new = Byrj på eit nytt utkast
ui-draft-new-intro = Utkastet startar som ein kopi av ein publisert versjon av katalogen og får det nye versjonsnummeret.
ui-draft-no-release = Ingen versjon av katalogen er publisert enno, så det finst ikkje noko å byrje frå.
ui-draft-field-base = Byrj frå versjon
ui-draft-hint-base = Ein publisert versjon av katalogen.
ui-draft-base-option = { $catalog }, versjon { $version }
ui-draft-base-unknown = Denne versjonen er ikkje publisert.
ui-draft-field-version = Ny versjon
ui-draft-hint-version = Til dømes 2025.2. Bokstavar, tal, punktum og bindestrek.
ui-draft-create = Byrj på utkastet

# Eitt utkast
ui-draft-back-list = Tilbake til katalogutkasta
ui-draft-entries-link = Alle oppføringane i utkastet
ui-draft-files-link = Last ned utkastet som katalogfiler (zip)
ui-draft-impact-for = Kva endrar seg for { $body }
ui-draft-readiness = Kvar utkastet står
ui-draft-owners-caption = Eigarar med endra oppføringar
ui-draft-col-owner = Eigar
ui-draft-col-changed = Endra oppføringar
ui-draft-col-approval = Godkjenning
ui-draft-not-approved = Ikkje godkjend
ui-draft-no-changes = Ingen endringar enno.
ui-draft-open-proposals = { $n ->
    [one] Eitt forslag ventar på avgjerd
   *[other] { $n } forslag ventar på avgjerd
}
ui-draft-unanswered-count = { $n ->
    [one] Eitt innspel er ikkje svara på
   *[other] { $n } innspel er ikkje svara på
}
ui-draft-approve = Godkjenn utkastet
ui-draft-approve-hint = Du godkjenner utkastet slik det er no, for kvar eigar du er redaktør for som har endra oppføringar. Ei ny endring krev ny godkjenning.
ui-draft-ready = Utkastet kan publiserast.
ui-draft-not-ready = Utkastet kan ikkje publiserast enno:
ui-draft-block-nothing = ingen oppføringar er endra
ui-draft-block-approval = ventar på godkjenning frå { $owners }
ui-draft-block-proposals = { $n ->
    [one] eitt forslag er ikkje avgjort
   *[other] { $n } forslag er ikkje avgjorde
}
ui-draft-block-comments = { $n ->
    [one] eitt innspel er ikkje svara på
   *[other] { $n } innspel er ikkje svara på
}
ui-draft-block-round = høyringsrunden er ikkje over
ui-draft-publish = Publiser som ny versjon
ui-draft-publish-refused = Utkastet kunne ikkje publiserast. Sjå kva som manglar under «Kvar utkastet står».
ui-draft-consultation = Høyringsrunde
ui-draft-consultation-intro = Under høyringsrunden kan alle pålogga i alle verksemder lese utkastet, sjå kva det endrar for si verksemd og gje innspel til oppføringane. Innspel kan givast til og med siste dag.
ui-draft-field-closes = Siste dag for innspel
ui-draft-closes-invalid = Vel ein dato frå og med i dag.
ui-draft-open-round = Opne høyringsrunden
ui-draft-move-round = Endre siste dag
ui-draft-proposals = Forslag som ventar
ui-draft-proposals-intro = Endringar i oppføringar som er eigde av andre enn den som endra dei. Redaktørane hos eigaren godtek eller avviser dei med ei grunngjeving.
ui-draft-proposed-by = Føreslått av { $who } til { $owner }
ui-draft-reason-was = Grunngjeving: { $reason }
ui-draft-decision-reason = Grunngjeving for avgjerda
ui-draft-accept = Godta
ui-draft-reject = Avvis
ui-draft-changes = Endringar
ui-draft-changes-caption = { $n ->
    [one] Éi endring, den eldste først
   *[other] { $n } endringar, den eldste først
}
ui-draft-col-entry = Oppføring
ui-draft-col-change = Endring
ui-draft-col-reason = Grunngjeving
ui-draft-col-by = Av
ui-draft-value-old = før:
ui-draft-value-new = etter:
ui-draft-comments = Innspel
ui-draft-comments-editor = Alle innspel frå høyringsrunden. Redaktørane hos eigaren svarar på innspel til oppføringane sine.
ui-draft-comments-member = Innspela frå verksemda di, med svara.
ui-draft-no-comments = Ingen innspel enno.
ui-draft-comment-from = Frå { $body } { $when }
ui-draft-answer-outcome = Svar ({ $outcome }):
ui-draft-unanswered = Ikkje svara på enno.
ui-draft-answer = Svar
ui-draft-outcome = Utfall
ui-draft-send-answer = Send svaret
ui-draft-comment-new = Gje innspel
ui-draft-field-body = Innspel frå
ui-draft-field-entry = Oppføring
ui-draft-choose-entry = Vel ei oppføring
ui-draft-field-comment = Innspel
ui-draft-send-comment = Send innspelet
ui-draft-entry-unknown = Utkastet har inga slik oppføring.

# Oppføringane
ui-draft-entries-title = Oppføringar
ui-draft-entries-of = Oppføringane i { $draft }
ui-draft-back-draft = Tilbake til { $draft }
ui-draft-find-entry = Søk etter namn, id eller eigar
ui-draft-new-in = Ny oppføring i «{ $section }»
ui-draft-section-empty = Utkastet har ingen oppføringar her.
ui-draft-none-found = Ingen oppføringar her passar med søket.
ui-draft-entries-caption = { $section }: { $n ->
    [one] éi oppføring
   *[other] { $n } oppføringar
}
ui-draft-col-section = Del av katalogen
ui-draft-col-id = Id
ui-draft-col-name = Namn

# Éi oppføring
ui-draft-entry-title = Oppføring
ui-draft-new-entry = Ny oppføring
ui-draft-back-entries = Tilbake til oppføringane i { $draft }
ui-draft-owned-by = eigd av { $owner }
ui-draft-proposal-note = Du er ikkje redaktør for { $owner }. Det du lagrar, blir eit forslag som redaktørane deira godtek eller avviser.
ui-draft-lang-nb = Bokmål
ui-draft-lang-en = Engelsk
ui-draft-row-nb = Rad { $n }, bokmål
ui-draft-row-en = Rad { $n }, engelsk
ui-draft-row-new-nb = Ny rad, bokmål
ui-draft-row-new-en = Ny rad, engelsk
ui-draft-choose-none = Ikkje oppgitt
ui-draft-applies-alle = Alle verksemder
ui-draft-applies-stat = Statlege verksemder
ui-draft-applies-kommune = Kommunar
ui-draft-applies-fylkeskommune = Fylkeskommunar
ui-draft-applies-sector = Sektor: { $sector }
ui-draft-pd-none = Ingen personopplysningar
ui-draft-pd-ordinary = Personopplysningar
ui-draft-pd-special = Særlege kategoriar av personopplysningar
ui-draft-field-id = Id
ui-draft-field-activity = Styringsaktivitet
ui-draft-field-owner = Eigar
ui-draft-field-name = Namn
ui-draft-field-source = Kjelde
ui-draft-field-description = Skildring
ui-draft-field-out_of_scope = Utanfor omfanget til katalogen
ui-draft-field-recommendations = Tilrådingar
ui-draft-field-levels = Tilrådde konsekvensnivå
ui-draft-field-rationale = Grunngjeving for nivåa
ui-draft-field-personal_data = Personopplysningar
ui-draft-field-requirements = Krav
ui-draft-field-applies_to = Gjeld for
ui-draft-field-info_types = Informasjonstypar
ui-draft-field-steps = Steg
ui-draft-field-statement = Krav til tiltaket
ui-draft-field-guidance = Rettleiing
ui-draft-field-level = Basisnivå
ui-draft-field-protects = Vernar
ui-draft-field-scope = Gjeld
ui-draft-field-purpose = Formål
ui-draft-field-kind = Type
ui-draft-field-required_by = Påkravd av krav
ui-draft-field-evidence = Dokumentasjon som viser at tiltaket er på plass
ui-draft-field-refs = Tilvisingar
ui-draft-field-params = Parametrar
ui-draft-field-profile_only = Berre i sektorprofilar
ui-draft-field-add = Tiltak profilen legg til
ui-draft-field-level_overrides = Endra basisnivå
ui-draft-field-reason = Grunngjeving for endringa
ui-draft-field-yaml = Oppføringa som YAML
ui-draft-field-remove-reason = Grunngjeving for å fjerne oppføringa
ui-draft-hint-id-requirements = Til dømes krav.personvern. Kan ikkje endrast seinare.
ui-draft-hint-id-info_types = Til dømes hr.personalmappe. Kan ikkje endrast seinare.
ui-draft-hint-id-tasks = Til dømes kommune.skole. Kan ikkje endrast seinare.
ui-draft-hint-id-measures = Til dømes m.tilgang. Kan ikkje endrast seinare.
ui-draft-hint-id-profiles = Til dømes p.helse. Kan ikkje endrast seinare.
ui-draft-hint-pick = Vel fleire med Ctrl (Cmd på Mac) eller Shift.
ui-draft-hint-rows = Éin tekst per rad. Den tomme rada nedst legg til ei ny; tøm ei rad for å fjerne ho.
ui-draft-hint-yaml-refs = Rammeverk og punkt, til dømes «iso27002: ["5.15"]». Tomt for ingen.
ui-draft-hint-yaml-params = Namn og verdi, til dømes «retention_days: 90». Tomt for ingen.
ui-draft-hint-yaml-level-overrides = Tiltak og nytt basisnivå, til dømes «m.logg: 2». Tomt for ingen.
ui-draft-hint-reason = Kvifor endringa blir gjord. Ho følgjer endringa og står i versjonsnotata.
ui-draft-hint-yaml = Heile oppføringa slik ho står i katalogfila.
ui-draft-hint-remove = Alt som viser til oppføringa, må endrast først; elles får du sjå kva.
ui-draft-add-entry = Legg til oppføringa
ui-draft-save-entry = Lagre endringa
ui-draft-as-yaml = Rediger som YAML
ui-draft-remove = Fjern oppføringa
ui-draft-remove-button = Fjern oppføringa frå utkastet
ui-draft-id-taken = Utkastet har alt ei oppføring med id { $id }.
ui-draft-answer-there = Svar på innspelet på sida til utkastet
ui-draft-history = Historikk
ui-draft-history-none = Oppføringa er ikkje endra i dette utkastet.
ui-draft-history-caption = { $n ->
    [one] Éi endring, den nyaste først
   *[other] { $n } endringar, den nyaste først
}
ui-draft-entry-changed = Oppføringa er endra av nokon andre etter at du opna skjemaet. Sjå historikken under, og lagre igjen dersom endringa di framleis skal gjerast.
ui-draft-record-link = Protokollen for versjonen: endringane og høyringssvara
