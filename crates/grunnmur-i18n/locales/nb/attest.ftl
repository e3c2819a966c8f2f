## Signed baseline attestations: issued and revoked by a body's administrator, verified by anyone.

api-attest-no-key = Serveren har ingen nøkkel til å signere attestasjoner med.
account-attest-months = Gyldigheten må være mellom 1 og 36 måneder.
account-attest-unknown-system = Velg systemer som virksomheten har.
account-attest-reason = Skriv hvorfor attestasjonen trekkes tilbake (høyst 10 000 tegn).
serve-attest-key-created = Nøkkelen som signerer attestasjoner ble laget i { $path } (id { $kid }). Ta vare på en kopi; den offentlige delen ligger på /.well-known/jwks.json.

ui-nav-attestations = Attestasjoner
ui-attest-title = Attestasjoner om grunnlinjene
ui-attest-intro = En attestasjon er en signert erklæring om hvor langt virksomheten er kommet med tiltakene i grunnlinjene: nivåene, hvor mange påkrevde tiltak som er på plass per grunnlinje, hvilke som ikke er det, avvik og aksepterte restrisikoer. Den kan gis til en annen virksomhet, som kan kontrollere signaturen selv, uten å spørre oss.
ui-attest-verify-link = Kontroller en attestasjon
ui-attest-keys-link = Serverens offentlige nøkler (JWKS)
ui-attest-issue-title = Lag en attestasjon
ui-attest-systems = Hva attestasjonen gjelder
ui-attest-systems-hint = Kryss av for systemene den skal gjelde; uten avkryssing gjelder den hele virksomheten. Tiltakene på virksomhetsnivå er alltid med.
ui-attest-months = Gyldig i
ui-attest-months-n = { $n ->
    [one] 1 måned
   *[other] { $n } måneder
}
ui-attest-issue = Signer attestasjonen
ui-attest-issued = Attestasjoner som er laget
ui-attest-none = Ingen attestasjoner er laget ennå.
ui-attest-caption = Virksomhetens attestasjoner, nyeste først
ui-attest-col-scope = Gjelder
ui-attest-col-until = Gyldig til
ui-attest-col-issued = Laget av
ui-attest-col-state = Tilstand
ui-attest-col-file = Fil
ui-attest-state-valid = Gyldig
ui-attest-state-expired = Utløpt
ui-attest-state-revoked = Trukket tilbake { $at }: { $reason }
ui-attest-reason = Hvorfor den trekkes tilbake
ui-attest-revoke = Trekk tilbake
ui-attest-download = Last ned (.jws)
ui-verify-title = Kontroller en attestasjon
ui-verify-intro = Lim inn eller last opp en attestasjon fra Grunnmur. Siden kontrollerer signaturen mot serverens nøkler, om den er utløpt, og om den er trukket tilbake, og viser hva den sier. Ingenting lagres.
ui-verify-token = Attestasjonen (teksten som begynner med eyJ)
ui-verify-token-hint = Eller velg filen under.
ui-verify-file = Fil med attestasjonen (.jws)
ui-verify-check = Kontroller
ui-verify-holds = Attestasjonen er gyldig
ui-verify-fails = Attestasjonen holder ikke
ui-verify-empty = Lim inn en attestasjon eller velg en fil.
ui-verify-offline = Attestasjonen kan også kontrolleres uten denne siden, med et hvilket som helst JOSE-bibliotek (EdDSA) og serverens offentlige nøkler:
ui-verify-revocations-link = listen over tilbaketrukne (signert)
account-national-kind = Velg en type virksomhet: kommune, fylkeskommune eller stat.

ui-nav-national = Nasjonalt bilde
ui-national-title = Nasjonalt bilde
ui-national-intro = Tall på tvers av virksomheter for veilednings- og tilsynsmyndigheter. Ingen virksomhet navngis, og et tall som bygger på færre enn 5 virksomheter, vises ikke.
ui-national-kind = Type virksomhet
ui-national-sector = Sektor
ui-national-all = Alle
ui-national-summary = { $n ->
    [one] Gruppen har én virksomhet.
   *[other] Gruppen har { $n } virksomheter.
}
ui-national-suppressed = Gruppen har færre enn 5 virksomheter, så ingen tall vises.
ui-national-hidden = skjult (færre enn 5)
ui-national-by-baseline = Dekning per grunnlinje
ui-national-by-activity = Dekning per styringsaktivitet
ui-national-least = Tiltakene som oftest mangler
ui-national-tasks = Oppgavene virksomhetene har valgt
ui-national-col-what = Hva
ui-national-col-bodies = Virksomheter der det er påkrevd
ui-national-col-in-place = Virksomheter der det er på plass overalt
ui-national-col-share = Påkrevde par på plass
ui-national-col-na = Virksomheter der det er ikke relevant
ui-national-col-pairs = Påkrevde par
ui-national-col-pairs-in-place = Par på plass
ui-national-col-hidden = Skjult
ui-national-col-task = Oppgave
ui-national-tasks-intro = Per type virksomhet: hvor mange av virksomhetene i gruppen som har valgt hver oppgave i katalogen, av hvor mange. En type med færre enn 5 virksomheter i gruppen, og en oppgave færre enn 5 virksomheter har valgt, vises uten tall.
ui-national-kind-stat = Statlige virksomheter
ui-national-kind-kommune = Kommuner
ui-national-kind-fylkeskommune = Fylkeskommuner
ui-national-kind-count = { $n ->
    [one] Gruppen har én virksomhet av denne typen.
   *[other] Gruppen har { $n } virksomheter av denne typen.
}
ui-national-kind-suppressed = { $n ->
    [one] Gruppen har én virksomhet av denne typen – færre enn 5, så ingen tall vises.
   *[other] Gruppen har { $n } virksomheter av denne typen – færre enn 5, så ingen tall vises.
}
ui-national-pic-baselines = Påkrevde par på plass, per grunnlinje
ui-national-pic-activities = Påkrevde par på plass, per styringsaktivitet
ui-national-pic-least = Påkrevde par på plass, for tiltakene som oftest mangler
ui-national-pic-pairs-intro = Hver stolpe viser andelen påkrevde par (et tiltak som er påkrevd for et system eller for en virksomhet som helhet) som er på plass, fra 0 til 100 %. De samme tallene står i tabellen under.
ui-national-pic-tasks = { $kind }: andelen av de { $n } virksomhetene som har valgt hver oppgave
ui-national-pic-tasks-intro = Hver stolpe viser andelen av virksomhetene av denne typen som har valgt oppgaven, fra 0 til 100 %. De samme tallene står i tabellen under.
ui-national-pic-item = { $name }: { $figure }

ui-peers-title = Sammenlignet med andre
ui-peers-group = Sammenlignet med { $n } virksomheter av samme type ({ $kind }, og for kommuner samme størrelse etter antall systemer). Ingen av dem navngis.
ui-peers-too-few = Det er færre enn 5 virksomheter av samme type ({ $kind }) å sammenligne med, så ingen tall vises.
ui-peers-caption = Andelen påkrevde tiltak som er på plass, per grunnlinje
ui-peers-col-baseline = Grunnlinje
ui-peers-col-own = Dere
ui-peers-col-median = Median
ui-peers-col-middle = Midterste halvdel

## Catalog calibration (catalog editors)
ui-calib-title = Kalibrering av katalogen
ui-calib-intro = Hvor virksomhetene avviker fra katalogen: anbefalte nivåer de hever eller senker, tiltak de merker som ikke relevante, og oppgaver de legger til selv. En rad vises bare når minst 5 virksomheter står bak den, og en begrunnelse bare når minst 5 virksomheter har gitt en. Ingen virksomhet navngis.
ui-calib-link = Kalibrering: hvor virksomhetene avviker fra katalogen
ui-calib-find = Søk i navn og begrunnelser
ui-calib-summary = { $n ->
    [one] Fra én virksomhet.
   *[other] Fra { $n } virksomheter.
}
ui-calib-suppressed = Færre enn 5 virksomheter har data, så ingenting vises.
ui-calib-levels = Anbefalinger virksomhetene endrer
ui-calib-na = Tiltak som merkes ikke relevant
ui-calib-own = Egne oppgaver virksomhetene legger til
ui-calib-empty = Ingen rader fra minst 5 virksomheter.
ui-calib-raised = Hevet: { $dimension }
ui-calib-lowered = Senket: { $dimension }
ui-calib-pairs = { $n ->
    [one] ett krav
   *[other] { $n } krav
}
ui-calib-bodies-of = { $n } av { $of }
ui-calib-no-texts = Vises når minst 5 virksomheter har begrunnet
ui-calib-col-section = Del
ui-calib-col-id = ID
ui-calib-col-what = Hva
ui-calib-col-detail = Detalj
ui-calib-col-change = Endring
ui-calib-col-pairs = Merket ikke relevant
ui-calib-col-bodies = Virksomheter
ui-calib-col-texts = Begrunnelser
