## Signed baseline attestations: issued and revoked by a body's administrator, verified by anyone.

api-attest-no-key = Tenaren har ingen nøkkel til å signere attestasjonar med.
account-attest-months = Gyldigheita må vere mellom 1 og 36 månader.
account-attest-unknown-system = Vel system som verksemda har.
account-attest-reason = Skriv kvifor attestasjonen blir trekt tilbake (høgst 10 000 teikn).
serve-attest-key-created = Nøkkelen som signerer attestasjonar, vart laga i { $path } (id { $kid }). Ta vare på ein kopi; den offentlege delen ligg på /.well-known/jwks.json.

ui-nav-attestations = Attestasjonar
ui-attest-title = Attestasjonar om grunnlinjene
ui-attest-intro = Ein attestasjon er ei signert erklæring om kor langt verksemda er komen med tiltaka i grunnlinjene: nivåa, kor mange påkravde tiltak som er på plass per grunnlinje, kva for nokre som ikkje er det, avvik og godtekne restrisikoar. Han kan givast til ei anna verksemd, som kan kontrollere signaturen sjølv, utan å spørje oss.
ui-attest-verify-link = Kontroller ein attestasjon
ui-attest-keys-link = Dei offentlege nøklane til tenaren (JWKS)
ui-attest-issue-title = Lag ein attestasjon
ui-attest-systems = Kva attestasjonen gjeld
ui-attest-systems-hint = Kryss av for systema han skal gjelde; utan avkryssing gjeld han heile verksemda. Tiltaka på verksemdsnivå er alltid med.
ui-attest-months = Gyldig i
ui-attest-months-n = { $n ->
    [one] 1 månad
   *[other] { $n } månader
}
ui-attest-issue = Signer attestasjonen
ui-attest-issued = Attestasjonar som er laga
ui-attest-none = Ingen attestasjonar er laga enno.
ui-attest-caption = Attestasjonane til verksemda, nyaste først
ui-attest-col-scope = Gjeld
ui-attest-col-until = Gyldig til
ui-attest-col-issued = Laga av
ui-attest-col-state = Tilstand
ui-attest-col-file = Fil
ui-attest-state-valid = Gyldig
ui-attest-state-expired = Gått ut
ui-attest-state-revoked = Trekt tilbake { $at }: { $reason }
ui-attest-reason = Kvifor han blir trekt tilbake
ui-attest-revoke = Trekk tilbake
ui-attest-download = Last ned (.jws)
ui-verify-title = Kontroller ein attestasjon
ui-verify-intro = Lim inn eller last opp ein attestasjon frå Grunnmur. Sida kontrollerer signaturen mot nøklane til tenaren, om han har gått ut, og om han er trekt tilbake, og viser kva han seier. Ingenting blir lagra.
ui-verify-token = Attestasjonen (teksten som byrjar med eyJ)
ui-verify-token-hint = Eller vel fila under.
ui-verify-file = Fil med attestasjonen (.jws)
ui-verify-check = Kontroller
ui-verify-holds = Attestasjonen er gyldig
ui-verify-fails = Attestasjonen held ikkje
ui-verify-empty = Lim inn ein attestasjon eller vel ei fil.
ui-verify-offline = Attestasjonen kan òg kontrollerast utan denne sida, med kva JOSE-bibliotek som helst (EdDSA) og dei offentlege nøklane til tenaren:
ui-verify-revocations-link = lista over attestasjonar som er trekte tilbake (signert)
account-national-kind = Vel ein type verksemd: kommune, fylkeskommune eller stat.

ui-nav-national = Nasjonalt bilete
ui-national-title = Nasjonalt bilete
ui-national-intro = Tal på tvers av verksemder for rettleiings- og tilsynsstyresmakter. Ingen verksemd blir namngitt, og eit tal som byggjer på færre enn 5 verksemder, blir ikkje vist.
ui-national-kind = Type verksemd
ui-national-sector = Sektor
ui-national-all = Alle
ui-national-summary = { $n ->
    [one] Gruppa har éi verksemd.
   *[other] Gruppa har { $n } verksemder.
}
ui-national-suppressed = Gruppa har færre enn 5 verksemder, så ingen tal blir viste.
ui-national-hidden = skjult (færre enn 5)
ui-national-by-baseline = Dekning per grunnlinje
ui-national-by-activity = Dekning per styringsaktivitet
ui-national-least = Tiltaka som oftast manglar
ui-national-tasks = Oppgåvene verksemdene har valt
ui-national-col-what = Kva
ui-national-col-bodies = Verksemder der det er påkravd
ui-national-col-in-place = Verksemder der det er på plass overalt
ui-national-col-share = Påkravde par på plass
ui-national-col-na = Verksemder der det ikkje er relevant
ui-national-col-pairs = Påkravde par
ui-national-col-pairs-in-place = Par på plass
ui-national-col-hidden = Skjult
ui-national-col-task = Oppgåve
ui-national-tasks-intro = Per type verksemd: kor mange av verksemdene i gruppa som har valt kvar oppgåve i katalogen, av kor mange. Ein type med færre enn 5 verksemder i gruppa, og ei oppgåve færre enn 5 verksemder har valt, blir viste utan tal.
ui-national-kind-stat = Statlege verksemder
ui-national-kind-kommune = Kommunar
ui-national-kind-fylkeskommune = Fylkeskommunar
ui-national-kind-count = { $n ->
    [one] Gruppa har éi verksemd av denne typen.
   *[other] Gruppa har { $n } verksemder av denne typen.
}
ui-national-kind-suppressed = { $n ->
    [one] Gruppa har éi verksemd av denne typen – færre enn 5, så ingen tal blir viste.
   *[other] Gruppa har { $n } verksemder av denne typen – færre enn 5, så ingen tal blir viste.
}
ui-national-pic-baselines = Påkravde par på plass, per grunnlinje
ui-national-pic-activities = Påkravde par på plass, per styringsaktivitet
ui-national-pic-least = Påkravde par på plass, for tiltaka som oftast manglar
ui-national-pic-pairs-intro = Kvar stolpe viser delen påkravde par (eit tiltak som er påkravd for eit system eller for ei verksemd som heilskap) som er på plass, frå 0 til 100 %. Dei same tala står i tabellen under.
ui-national-pic-tasks = { $kind }: delen av dei { $n } verksemdene som har valt kvar oppgåve
ui-national-pic-tasks-intro = Kvar stolpe viser delen av verksemdene av denne typen som har valt oppgåva, frå 0 til 100 %. Dei same tala står i tabellen under.
ui-national-pic-item = { $name }: { $figure }

ui-peers-title = Samanlikna med andre
ui-peers-group = Samanlikna med { $n } verksemder av same type ({ $kind }, og for kommunar same storleik etter talet på system). Ingen av dei blir namngitt.
ui-peers-too-few = Det er færre enn 5 verksemder av same type ({ $kind }) å samanlikne med, så ingen tal blir viste.
ui-peers-caption = Delen påkravde tiltak som er på plass, per grunnlinje
ui-peers-col-baseline = Grunnlinje
ui-peers-col-own = De
ui-peers-col-median = Median
ui-peers-col-middle = Midtre halvdel

## Catalog calibration (catalog editors)
ui-calib-title = Kalibrering av katalogen
ui-calib-intro = Kvar verksemdene avvik frå katalogen: tilrådde nivå dei hevar eller senkar, tiltak dei merkjer som ikkje relevante, og oppgåver dei legg til sjølve. Ei rad blir berre vist når minst 5 verksemder står bak ho, og ei grunngiving berre når minst 5 verksemder har gitt ei. Ingen verksemd blir namngitt.
ui-calib-link = Kalibrering: kvar verksemdene avvik frå katalogen
ui-calib-find = Søk i namn og grunngivingar
ui-calib-summary = { $n ->
    [one] Frå éi verksemd.
   *[other] Frå { $n } verksemder.
}
ui-calib-suppressed = Færre enn 5 verksemder har data, så ingenting blir vist.
ui-calib-levels = Tilrådingar verksemdene endrar
ui-calib-na = Tiltak som blir merkte som ikkje relevante
ui-calib-own = Eigne oppgåver verksemdene legg til
ui-calib-empty = Ingen rader frå minst 5 verksemder.
ui-calib-raised = Heva: { $dimension }
ui-calib-lowered = Senka: { $dimension }
ui-calib-pairs = { $n ->
    [one] eitt krav
   *[other] { $n } krav
}
ui-calib-bodies-of = { $n } av { $of }
ui-calib-no-texts = Blir vist når minst 5 verksemder har gitt ei grunngiving
ui-calib-col-section = Del
ui-calib-col-id = ID
ui-calib-col-what = Kva
ui-calib-col-detail = Detalj
ui-calib-col-change = Endring
ui-calib-col-pairs = Merkt som ikkje relevant
ui-calib-col-bodies = Verksemder
ui-calib-col-texts = Grunngivingar
