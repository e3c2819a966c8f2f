# The web application (server-rendered pages).

# Each language's name in itself, the same in all three files.
ui-lang-nb = Norsk bokmål
ui-lang-nn = Norsk nynorsk
ui-lang-en = English
ui-lang-label = Språk
ui-skip = Hopp til hovudinnhaldet
ui-tagline = felles tryggleik i forvaltninga
ui-logout = Logg ut
ui-nav-label = Hovudmeny
ui-nav-dashboard = Oversikt
ui-nav-tasks = Oppgåver
ui-nav-adapt = Tilpass nivå
ui-nav-systems = System
ui-nav-measures = Tiltak
ui-nav-settings = Innstillingar
ui-nav-members = Medlemmer
ui-nav-audit = Endringslogg
ui-nav-catalog = Katalogen
ui-nav-bodies = Verksemder
ui-nav-accessibility = Tilgjengeerklæring
ui-saved = Endringa er lagra.
ui-save = Lagre
ui-back = Tilbake
ui-back-systems = Tilbake til systema
ui-change = Endre
ui-why = Kvifor?
ui-set-status = Set status
ui-own = Eigen
ui-from-catalog = Frå katalogen
ui-prev = Førre side
ui-next = Neste side
ui-scroll = Innhald som kan rullast sidelengs
ui-pages = Sider
ui-error-title = Sida kan ikkje visast
ui-error-home = Til framsida
ui-form-problems = Skjemaet har feil som må rettast
ui-field-required = { $field } må fyllast ut.
ui-date-invalid = «{ $value }» er ikkje ein dato. Skriv han som dd.mm.åååå eller åååå-mm-dd.

ui-login-title = Logg inn
ui-login-intro = Logg inn med e-postadressa og passordet til kontoen din i Grunnmur.
ui-login-email = E-postadresse
ui-login-password = Passord
ui-login-submit = Logg inn
ui-login-oidc = Logg inn med innlogginga til verksemda
ui-login-failed = Feil e-postadresse eller passord.
ui-login-too-many = For mange mislukka forsøk. Vent { $seconds } { $seconds ->
        [one] sekund
       *[other] sekund
    } og prøv igjen.
ui-oidc-continue-title = Du er innlogga
ui-oidc-continue = Gå vidare
ui-oidc-expired = Innlogginga vart ikkje fullført i tide, eller ho vart starta ein annan stad. Prøv igjen.
ui-oidc-refused = Innlogginga hjå verksemda di vart avbroten eller avvist. Prøv igjen, eller kontakt brukarstøtta.
ui-oidc-unavailable = Innloggingstenesta til verksemda di svarar ikkje no. Prøv igjen om litt.
ui-oidc-no-email = Innloggingstenesta oppgav inga stadfesta e-postadresse, så kontoen din kan ikkje finnast. Kontakt administratoren.
ui-oidc-link-refused = Kontoen med denne e-postadressa kan ikkje knytast til innlogginga di automatisk. Kontakt administratoren.

ui-bodies-title = Vel verksemd
ui-bodies-none = Du er ikkje medlem av nokon verksemd enno. Be ein administrator om tilgang.
ui-bodies-caption = Verksemdene du har tilgang til
ui-role-admin = Administrator
ui-role-editor = Redaktør
ui-role-reader = Lesar

ui-col-name = Namn
ui-col-orgnr = Organisasjonsnummer
ui-col-kind = Type
ui-col-role = Rolle
ui-col-object = Gjeld
ui-col-reasons = Kvifor
ui-col-select = Vel
ui-col-source = Kjelde
ui-col-info-types = Informasjonstypar
ui-col-info-type = Informasjonstype
ui-col-systems = System
ui-col-tasks = Oppgåver
ui-col-task = Oppgåve
ui-col-recommended = Tilrådd
ui-col-chosen = Valt
ui-col-justification = Grunngiving
ui-col-action = Handling
ui-col-depends-on = Avheng av
ui-col-required = Påkravde tiltak
ui-col-measure = Tiltak
ui-col-param = Parameter
ui-col-value = Verdi
ui-col-set-by = Sett av
ui-col-time = Tidspunkt
ui-col-actor = Utført av
ui-col-hash = Kjedesum
ui-col-id = Id
ui-col-applies-to = Gjeld for
ui-col-rationale = Grunngiving for nivåa
ui-col-protects = Vernar
ui-col-scope = Omfang
ui-col-area = Konsekvensområde

ui-dashboard-title = Oversikt
ui-dashboard-intro = Her ser du kvar verksemda står i arbeidet med dei tre spørsmåla, og kva som treng merksemd no.
ui-questions-title = Dei tre spørsmåla
ui-q1 = Kva oppgåver løyser vi, og kva informasjon handsamar dei?
ui-q1-detail = { $tasks } { $tasks ->
        [one] oppgåve
       *[other] oppgåver
    } valt. { $systems } { $systems ->
        [one] system
       *[other] system
    }, av dei er { $mapped } knytte til oppgåver.
ui-q1-link = Vel oppgåver og knyt dei til system
ui-q2 = Kor alvorleg kan ei hending bli?
ui-q2-detail = Nivåa følgjer tilrådingane i katalogen med { $deviations } avvik.
ui-q2-link = Sjå og tilpass nivåa
ui-q3 = Kva tiltak bør vi ha?
ui-q3-detail = { $in_place } av { $required } { $required ->
        [one] påkravd tiltak
       *[other] påkravde tiltak
    } er på plass.
ui-q3-link = Sjå og følg opp tiltaka
ui-state-done = Ferdig
ui-state-todo = Står att
ui-levels-title = Nivåa til verksemda
ui-levels-caption = Det høgaste nivået for konfidensialitet, integritet og tilgjenge mellom oppgåvene til verksemda
ui-attention-title = Treng merksemd no
ui-attention-overdue = Forfalne tiltak: { $n }
ui-attention-deviations = Avvik frå tilrådde nivå: { $n }
ui-attention-cumulation = System med kumulasjon: { $n }
ui-attention-undocumented = Sett i verk utan dokumentasjon (udokumentert): { $n }
ui-attention-none = Ingenting treng risikovurdering no.
ui-attention-caption = Her trengst ei risikovurdering, viktigast først
ui-attention-more = …og { $n } til.
ui-progress-title = Framdrift
ui-grid-title = Nivåa til systema
ui-grid-svg-title = Nivå for { $n } { $n ->
        [one] system
       *[other] system
    }

ui-tasks-title = Ha oversikt og prioritere
ui-tasks-intro = Vel oppgåvene verksemda løyser. Kvar oppgåve tek med seg informasjonstypane ho handsamar og dei tilrådde nivåa deira. Legg til eigne oppgåver og informasjonstypar der katalogen ikkje dekkjer dykk.
ui-tasks-chosen = Valde oppgåver
ui-tasks-chosen-caption = Oppgåvene verksemda har valt, med nivåa dei gir
ui-tasks-none = Ingen oppgåver er valde enno.
ui-tasks-select = Vel { $name }
ui-tasks-remove = Fjern valde oppgåver
ui-tasks-suggested = Forslag frå katalogen
ui-tasks-suggested-intro = Oppgåvene katalogen føreslår for typen og sektorane til verksemda.
ui-tasks-show-all = Vis alle oppgåvene i katalogen
ui-tasks-all-shown = Alle oppgåvene i katalogen vert viste.
ui-tasks-show-suggested = Vis berre forslaga
ui-tasks-no-suggestions = Alle føreslåtte oppgåver er alt valde.
ui-tasks-pick = Oppgåver å leggje til
ui-tasks-add = Legg til valde oppgåver
ui-n-info-types = { $n } { $n ->
        [one] informasjonstype
       *[other] informasjonstypar
    }
ui-tasks-own-title = Legg til ei eiga oppgåve
ui-tasks-own-add = Legg til oppgåva
ui-info-own-title = Legg til ein eigen informasjonstype
ui-info-own-add = Legg til informasjonstypen
ui-field-task_id = Id for oppgåva
ui-field-task_name = Namn på oppgåva
ui-field-task_info = Informasjonstypar oppgåva handsamar
ui-field-info_id = Id for informasjonstypen
ui-field-info_name = Namn på informasjonstypen
ui-field-info_rationale = Grunngiving for nivåa
ui-field-id = Id
ui-field-name = Namn
ui-hint-id = Små bokstavar, tal og bindestrek, til dømes «eige-arkiv».
ui-hint-info-ids = Id-ane til informasjonstypane, skilde med komma.
ui-requirements-title = Krav som følgjer av oppgåvene
ui-requirements-intro = Lover og forskrifter som gjeld for oppgåvene og informasjonen de har valt:
ui-requirements-none = Ingen krav er knytte til dei valde oppgåvene.

ui-adapt-title = Tilpass nivåa
ui-adapt-intro = Katalogen tilrår nivå for kvar informasjonstype. De kan velje andre nivå med ei grunngiving. Senkar de eit nivå under tilrådinga, må oppgåva risikovurderast.
ui-adapt-caption = Informasjonstypar i { $task }
ui-adapt-no-info = Oppgåva har ingen informasjonstypar.
ui-adapt-lowered = senka
ui-adapt-adapted = tilpassa
ui-adapt-edit-title = Tilpass nivåa for ein informasjonstype
ui-adapt-lowering-note = Vel nivåa som passar for dykk. Eit nivå under tilrådinga gjer at oppgåva hamnar på lista over det som må risikovurderast.
ui-adapt-lowered-now = Minst eitt nivå er no senka under tilrådinga, så oppgåva må risikovurderast.
ui-adapt-justification-hint = Påkravd når eit nivå avvik frå tilrådinga.
ui-adapt-justification-required = Skriv ei grunngiving når eit nivå avvik frå tilrådinga.
ui-adapt-level-invalid = Vel låg, middels eller høg.

ui-systems-title = System
ui-systems-intro = Systema arvar nivåa frå informasjonen dei handsamar og frå systema som er avhengige av dei.
ui-systems-none = Ingen system er registrerte enno.
ui-systems-caption = Systema med avleidde nivå
ui-systems-new = Registrer eit system
ui-systems-create = Registrer systemet
ui-systems-id-taken = Eit system med id «{ $id }» finst alt.
ui-graph-title = Avhengnader mellom systema
ui-graph-intro = Kvar pil går frå eit system til det det er avhengig av. Heil strek: køyrer på. Stipla strek: brukar. Tabellen over viser dei same avhengnadene.
ui-graph-desc = { $systems } { $systems ->
        [one] system
       *[other] system
    } og { $edges } { $edges ->
        [one] avhengnad
       *[other] avhengnader
    }.
ui-system-title = System
ui-system-levels = Nivå
ui-system-levels-caption = Nivåa frå den eigne informasjonen til systemet og etter arv gjennom avhengnader
ui-system-own-levels = Frå eigen informasjon
ui-system-derived-levels = Avleidd, med arv
ui-system-cumulation = Kumulasjon for { $dims }: systemet handsamar mange informasjonstypar på middels nivå. Vurder om samla risiko tilseier eit høgare nivå.
ui-why-levels = Kvifor har systemet desse nivåa?
ui-system-edit = Endre systemet
ui-system-tasks = Oppgåver systemet støttar
ui-system-deps = Avhengnader
ui-dep-runs_on = køyrer på
ui-dep-uses = brukar
ui-dep-none = Ingen ny avhengnad
ui-dep-add = Legg til ein avhengnad til
ui-dep-kind = Type avhengnad
ui-dep-remove = Fjern: { $kind } { $name }
ui-system-required = Påkravde tiltak for systemet
ui-system-required-none = Systemet har ingen påkravde tiltak enno. Knyt det til oppgåver først.
ui-system-required-caption = { $n } { $n ->
        [one] påkravd tiltak
       *[other] påkravde tiltak
    }
ui-system-delete-title = Slett systemet
ui-system-delete-note = Slettar systemet, avhengnadene til det og statusane for tiltaka til det.
ui-system-delete = Slett systemet

ui-why-levels-title = Kvifor desse nivåa
ui-why-levels-heading = Kvifor { $name } har desse nivåa
ui-why-levels-intro = For kvar dimensjon: informasjonen som gir nivået, oppgåva han høyrer til, og vegen gjennom avhengnadene.
ui-trail-default = Ingenting hevar nivået, så det er det lågaste.
ui-trail-source = Informasjonstypen «{ $info }» i oppgåva «{ $task }»
ui-trail-in-system = vert handsama i systemet { $system }.
ui-trail-adapted = Tilrådd nivå var { $recommended }; verksemda har tilpassa det: «{ $justification }».
ui-trail-path = Nivået vert arva gjennom:
ui-trail-step-runs_on = { $system } køyrer på { $on }
ui-trail-step-uses = { $system } brukar { $on }
ui-why-title = Kvifor tiltaket er påkravd
ui-why-heading = Kvifor { $measure } er påkravd for { $place }
ui-why-selection = Utveljing
ui-why-profile = Profil
ui-why-added-by = Lagt til av profilen { $profile }.
ui-why-moved-by = Flytt til eit tidlegare nivå av profilen { $profile }.
ui-why-sector-reach = Profilen { $profile } når dette systemet gjennom sektoren { $sector }: { $system } handsamar { $task }.
ui-why-duties = Vert kravt av ei lovplikt, same kva nivå
ui-why-duty-info = { $requirement }: { $info } i { $task }
ui-why-duty-task = { $requirement }: oppgåva { $task }
ui-why-catalog-baseline = BN{ $n } i katalogen
ui-why-because = Tiltaket er påkravd på grunn av:
ui-why-params = Parametrar
ui-why-param-default = katalogen
ui-why-not-required = Tiltaket er ikkje påkravd her med nivåa og profilane verksemda har no.
ui-selection-per-dimension = Per dimensjon
ui-selection-high-water-mark = Høgaste nivå (høgvassmerke)

ui-measures-title = Tiltak
ui-measures-intro = Alle påkravde tiltak for verksemda og systema. Filtrer for å finne det du skal følgje opp.
ui-filter-label = Filtrer tiltaka
ui-filter-all = Alle
ui-filter-system = Gjeld
ui-filter-kind = Type tiltak
ui-filter-purpose = Føremål
ui-filter-overdue = forfalle
ui-filter-undocumented = sett i verk utan dokumentasjon
ui-filter-apply = Filtrer
ui-measures-count = { $n } { $n ->
        [one] påkravd tiltak passar
       *[other] påkravde tiltak passar
    } med filteret.
ui-measures-caption = Påkravde tiltak { $from }–{ $to }
ui-kind-organisatorisk = Organisatorisk
ui-kind-menneskelig = Menneskeleg
ui-kind-fysisk = Fysisk
ui-kind-teknologisk = Teknologisk
ui-purpose-forebygge = Førebyggje
ui-purpose-oppdage = Oppdage
ui-purpose-handtere = Handtere
ui-scope-system = System
ui-scope-org = Heile verksemda
ui-measure-edit-title = Set status for eit tiltak
ui-measure-not-required = Tiltaket er ikkje påkravd her no. Ein status vert lagra likevel.
ui-measure-status-invalid = Vel ein status frå lista.
ui-measure-justification-required = Grunngi kvifor tiltaket ikkje er relevant.
ui-field-evidence = Dokumentasjon
ui-field-valid_until = Leverandørerklæringa gjeld til
ui-hint-date = Vel datoen i feltet, eller skriv han som dd.mm.åååå (31.12.2026) eller åååå-mm-dd (2026-12-31).
ui-hint-evidence = Éi lenkje eller tilvising per linje.
ui-hint-justification-na = Påkravd når tiltaket ikkje er relevant.
ui-hint-valid-until = For status «Dekt av leverandør»: når erklæringa må fornyast.

ui-settings-title = Innstillingar
ui-field-selection = Utveljing av tiltak
ui-hint-selection = Per dimensjon: eit tiltak vert valt når ein dimensjon det vernar, når nivået. Høgaste nivå: det høgaste av nivåa avgjer for alle tiltak.
ui-field-sectors = Sektorar
ui-hint-sectors = Sektorane avgjer kva sektorprofilar som gjeld.
ui-field-threshold = Terskel for kumulasjon
ui-hint-threshold = Så mange ulike informasjonstypar på middels nivå i same dimensjon gjer at eit system vert flagga.
ui-settings-threshold-invalid = Terskelen må vere eit heilt tal, minst 1.
ui-settings-admin-only = Berre administratorar kan endre innstillingane.
ui-release-title = Katalogversjon
ui-release-current = Verksemda følgjer katalogen { $id }, versjon { $version }.
ui-release-intro = Ein publisert katalogversjon vert aldri endra. Verksemda vert verande på versjonen sin til ein administrator vel å flytte henne, etter å ha sett kva som vert endra. Flyttinga vert stoppa om arbeidsområdet ikkje passar med den nye versjonen.
ui-newer-release = Katalogversjon { $version } er publisert. For dykk endrar han { $systems } system: { $added } tiltak vert påkravde og { $removed } er ikkje lenger påkravde.
ui-newer-release-none = Katalogversjon { $version } er publisert. For dykk endrar han ingenting.
ui-newer-release-misfit = Katalogversjon { $version } er publisert, men arbeidsområdet passar ikkje med han enno ({ $count } problem).
ui-newer-release-link = Sjå kva som endrar seg, og flytt når de vil
ui-release-catalog-changes = Endringar i katalogen
ui-impact-title = Kva endrar seg for oss
ui-impact-none = Ingenting endrar seg for verksemda: dei same nivåa og dei same påkravde tiltaka.
ui-impact-misfit = Arbeidsområdet passar ikkje med denne versjonen ({ $count } problem). Flytt-knappen viser kvart av dei.
ui-impact-org = Verksemda som heilskap
ui-impact-added = vert påkravd
ui-impact-removed = er ikkje lenger påkravd
ui-impact-unchanged = { $count } andre system: inga endring.
ui-impact-level = { $dim }: { $from } → { $to }
ui-release-none = Ingen andre versjonar av katalogen er publiserte.
ui-release-other = Versjon { $version }
ui-release-published = Publisert { $at } av { $by }.
ui-release-move = Flytt verksemda til versjon { $version }
ui-release-link = Katalogversjon og nyare versjonar
ui-release-section-requirements = Krav
ui-release-section-consequence_scale = Konsekvensskala
ui-release-section-activities = Styringsaktivitetar
ui-release-section-info_types = Informasjonstypar
ui-release-section-tasks = Oppgåver
ui-release-section-measures = Tiltak
ui-release-section-profiles = Profilar

ui-members-title = Medlemmer og roller
ui-members-caption = Medlemmene i verksemda
ui-members-role-invalid = Vel ei rolle frå lista.

ui-audit-title = Endringslogg
ui-audit-intro = Alle endringar i verksemda, nyaste først. Loggen har { $n } { $n ->
        [one] oppføring
       *[other] oppføringar
    } og er lenkja med kjedesummar, så endringar i ettertid kan oppdagast.
ui-audit-caption = Dei nyaste endringane

ui-catalog-title = Katalogen
ui-catalog-version = versjon { $version }
ui-catalog-intro = Den felles katalogen over oppgåver, informasjonstypar og tiltak som alle verksemder byggjer på.
ui-catalog-back = Tilbake til katalogen
ui-catalog-tasks = Oppgåver
ui-catalog-task = Oppgåve
ui-catalog-tasks-caption = { $n } { $n ->
        [one] oppgåve
       *[other] oppgåver
    } i katalogen
ui-catalog-info-types = Informasjonstypar
ui-catalog-info-caption = Informasjonstypar med tilrådde nivå
ui-catalog-measures = Tiltak
ui-catalog-measure = Tiltak
ui-catalog-measures-caption = { $n } tiltak
ui-catalog-profiles = Profilar
ui-catalog-scale = Konsekvensskala
ui-catalog-scale-intro = Skalaen skildrar kva låg, middels og høg konsekvens tyder på kvart område.
ui-catalog-activities = Styringsaktivitetar
ui-catalog-steps = Steg
ui-catalog-statement = Tiltaket
ui-catalog-guidance = Rettleiing
ui-catalog-evidence = Kva som viser at tiltaket er gjennomført
ui-catalog-required-by = Vert kravt av lov same kva nivå
ui-catalog-facts = Eigenskapar
ui-catalog-refs = Tilvisingar
ui-catalog-profile-only = Berre i profilar
ui-profile-adds = Legg til
ui-profile-moves = Flyttar

ui-a11y-title = Tilgjengeerklæring
ui-a11y-intro = Grunnmur skal kunne brukast av alle, og målet er å oppfylle krava i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løysingar krev.
ui-a11y-how-title = Slik arbeider vi med tilgjenge
ui-a11y-how-1 = Alle sider fungerer utan JavaScript og kan brukast med tastatur åleine, med synleg fokus og ei lenkje som hoppar til hovudinnhaldet.
ui-a11y-how-2 = Alle sider vert testa automatisk med axe-core i Chromium, på bokmål og engelsk og dei viktigaste sidene òg på nynorsk, og vert ikkje sleppte med brot på WCAG 2.1 A og AA.
ui-a11y-how-3 = Feil i skjema vert viste ved feltet dei gjeld og i ei oppsummering som vert lesen opp.
ui-a11y-how-4 = Kvar figur har ein tekst som skildrar han, og tala står òg i ein tabell.
ui-a11y-how-5 = Språket kan bytast mellom bokmål, nynorsk og engelsk på kvar side, og sidene er merkte med rett språk. Katalogtekstar som berre finst på bokmål, er merkte som bokmål på nynorsksidene.
ui-a11y-known-title = Kjende manglar
ui-a11y-known = Automatiske testar finn ikkje alle problem. Avhengnadsfiguren kan bli stor for verksemder med mange system; tabellen over figuren har dei same opplysningane.
ui-a11y-contact-title = Sei frå
ui-a11y-contact = Finn du noko som ikkje fungerer, kontakt den som driftar Grunnmur for verksemda di. Du kan òg klage til Tilsynet for universell utforming av IKT (uutilsynet.no).

ui-nav-risk = Risiko og rapportar
ui-risk-title = Risikovurderingar og rapportar
ui-risk-intro = Der grunnlinja ikkje er nok, trengst ei risikovurdering. Start ei vurdering for noko på lista under; ho vert fylt ut med årsakene og nivåa frå motoren. Lag så rapportar til leiinga og fastset dei.
ui-risk-assessments = Risikovurderingar
ui-risk-none = Ingen risikovurderingar er starta enno.
ui-risk-risks = Risikoar
ui-risk-accepted = Akseptert av risikoeigar
ui-risk-needed = Her trengst ei risikovurdering
ui-risk-start = Start ei risikovurdering
ui-risk-new-title = Risikovurdering
ui-risk-assessment-title = Risikovurdering
ui-risk-scope = Avgrensing
ui-risk-not-accepted = Ikkje akseptert enno
ui-risk-areas = Uroområde
ui-risk-no-risks = Ingen risikoar er registrerte enno.
ui-risk-risks-caption = Risikoane før og etter handsaming
ui-risk-before = Før (sannsyn, konsekvens)
ui-risk-after = Etter handsaming
ui-risk-zone = Vurdering
ui-risk-decision = Avgjerd
ui-risk-position = S{ $l } K{ $c }
ui-risk-accept-title = Aksept av restrisiko
ui-risk-open = Dette må vere på plass før risikoeigaren kan akseptere:
ui-risk-owner = Risikoeigar
ui-hint-owner = Namn og rolle, til dømes «Kari Nordmann, kommunedirektør».
ui-risk-note = Merknad
ui-risk-accept = Aksepter restrisikoen
ui-risk-report = Lag ein rapport av vurderinga
ui-reports-title = Rapportar
ui-reports-intro = Ein rapport vert laga som utkast av dataa slik dei er no. Når ein administrator fastset han, vert han eit uforanderleg augneblinksbilete med kjedesum; ei seinare endring vert versjon 2.
ui-reports-none = Ingen rapportar er laga enno.
ui-reports-caption = Rapportane, nyaste først
ui-report-kind = Rapport
ui-report-kind-status = Statusrapport
ui-report-kind-measure-plan = Handlingsplan
ui-report-kind-risk-assessment = Risikovurdering
ui-report-lang = Språk
ui-report-version = Versjon
ui-report-state = Tilstand
ui-report-draft = Utkast
ui-report-final = Fastsett
ui-report-approved = Fastsett av
ui-report-download = Last ned
ui-report-finalize = Fastset
ui-report-new = Lag eit utkast
ui-risk-none-chosen = Ingen
ui-knowledge-low = Svak
ui-knowledge-medium = Middels
ui-knowledge-high = Sterk
ui-risk-likelihood = Sannsyn (1 er lågast)
ui-risk-consequence = Konsekvens (1 er lågast)
ui-risk-knowledge = Styrken i kunnskapsgrunnlaget
ui-risk-residual = Venta restrisiko etter handsaming
ui-risk-add = Legg til ein risiko
ui-risk-risk-title = Kva kan skje
ui-hint-risk-title = Eit kort namn på det uønskte scenarioet.
ui-risk-threat = Årsak eller trugsmål
ui-risk-vulnerability = Sårbarheit
ui-risk-dims = Kva vert ramma
ui-risk-measures = Tiltak frå tiltaksbanken
ui-hint-risk-measures = Id-ane til tiltaka, skilde med komma.
ui-hint-risk-justification = Påkravd når risikoen vert akseptert i ei sone som krev handsaming.
ui-risk-add-submit = Legg til risikoen
ui-field-title = Kva kan skje
ui-field-owner = Risikoeigar
ui-field-likelihood = Sannsyn
ui-field-consequence = Konsekvens
ui-remove = Fjern
ui-risk-edit-title = Endre ein risiko
ui-risk-back-to = Tilbake til «{ $title }»
ui-risk-analysis = Analyse
ui-risk-treatment = Handsaming
ui-risk-rationale = Grunnlaget for vurderinga
ui-risk-own-measures = Eigne tiltak
ui-hint-risk-own-measures = Eitt tiltak per linje, for tiltak som ikkje står i tiltaksbanken.
ui-risk-responsible = Ansvarleg for handsaminga
ui-risk-decision-needed = Vel ei avgjerd når risikoen har tiltak, restrisiko, ansvarleg, frist eller grunngiving.
ui-risk-problem-in = { $risk }: { $message }
ui-risk-change-withdraws = Restrisikoen er akseptert av { $owner }. Ei endring trekkjer aksepten tilbake, og risikoeigaren må akseptere på nytt.
ui-risk-acceptance-withdrawn = Endringa er lagra. Aksepten av restrisikoen er trekt tilbake; risikoeigaren må akseptere på nytt.

# Plattformens sikkerhetshendelser (plattformadministratorer)
ui-events-title = Tryggingshendingar
ui-events-intro = Innloggingar, utloggingar, mislukka og strupte innloggingar, avviste førespurnader og andre hendingar som ikkje gjeld éi verksemd, nyaste først. Kvar av dei er ei oppføring i revisjonsloggen.
ui-events-filter = Filtrer hendingane
ui-events-action = Hending
ui-events-actor = Person eller adresse inneheld
ui-events-from = Frå (dato)
ui-events-to = Til (dato)
ui-events-none = Ingen hendingar passar filteret.
ui-events-caption = Tryggingshendingar, nyaste først
ui-events-client = Adresse
ui-events-body = Verksemd
ui-events-detail = Detaljar
ui-events-older = Eldre hendingar
ui-events-bad-date = «{ $value }» er ingen dato; skriv han som ÅÅÅÅ-MM-DD.
ui-event-login = Logga inn
ui-event-login-failed = Mislukka innlogging
ui-event-login-throttled = Innlogging struppa
ui-event-logout = Logga ut
ui-event-csrf-refused = Førespurnad avvist (CSRF)
ui-event-access-denied = Tilgang nekta
ui-event-token-create = API-nøkkel laga
ui-event-token-revoke = API-nøkkel trekt tilbake
ui-event-password-change = Passord endra
ui-event-detail-need = trong { $value }
ui-event-detail-role = hadde { $value }
ui-event-detail-scope = grense: { $value }
ui-event-detail-retry-after = vent { $value } s
ui-event-detail-failures = feil nummer { $value }
ui-event-detail-via = gjennom { $value }
ui-event-detail-what = { $value }
ui-event-detail-path = { $value }
ui-event-detail-suppressed = { $value } til av same slaget minuttet før

## Time zone, dependency graph, adapting (issue 17)
ui-time-zone-unknown = --time-zone: tidssona «{ $zone }» finst ikkje i tidssonedatabasen (bruk eit IANA-namn som Europe/Oslo).
ui-adapt-outcome-title = Kva endringa gjorde
ui-adapt-outcome-same = Nivåa er som før; ingen nivå er endra.
ui-adapt-changed-heading = Endra
ui-adapt-unchanged-heading = Ikkje endra, og kvifor
ui-adapt-outcome-info = «{ $info }» i oppgåva «{ $task }»: { $dim } er endra frå { $from } til { $to }.
ui-adapt-outcome-changed = { $scope }: { $dim } er endra frå { $from } til { $to }.
ui-adapt-outcome-stays-info = { $scope }: { $dim } er framleis { $level }, fordi «{ $info }» i oppgåva «{ $task }» framleis gir { $level }.
ui-adapt-outcome-stays-dependency = { $scope }: { $dim } er framleis { $level }, fordi systemet «{ $from }» er avhengig av det og har { $level }.
ui-adapt-outcome-stays-lowest = { $scope }: { $dim } er framleis { $level }, det lågaste nivået.
ui-adapt-scope-task = Oppgåva «{ $name }»
ui-adapt-scope-system = Systemet «{ $name }»
ui-adapt-scope-body = Verksemda
ui-adapt-rationale = Grunngivinga i katalogen for dei tilrådde nivåa
ui-adapt-scale-title = Konsekvensskalaen: kva låg, middels og høg tyder
ui-adapt-scale-intro = Nivået for ein dimensjon er kor alvorleg det verste utfallet vert om han sviktar, målt på denne skalaen. Det høgaste utfallet på tvers av områda avgjer.
ui-adapt-dim-hint-c = Konfidensialitet: kor ille er det om opplysningane kjem på avvegar eller vert kjende for uvedkomande?
ui-adapt-dim-hint-i = Integritet: kor ille er det om opplysningane vert feil, ufullstendige eller endra utan at nokon merkar det?
ui-adapt-dim-hint-a = Tilgjenge: kor ille er det om opplysningane ikkje er tilgjengelege når dei trengst?
ui-activity-styring = Styring og oppfølging frå leiinga
ui-activity-risikovurdering = Risikovurdering
ui-activity-risikohandtering = Risikohandtering
ui-activity-overvaking = Overvaking og hendingshandtering
ui-activity-maling = Måling, evaluering og revisjon
ui-activity-kompetanse = Kompetanse- og kulturutvikling
ui-activity-kommunikasjon = Kommunikasjon
ui-why-status-heading = Kvifor denne statusen
ui-source-own = Statusen er verksemda sin eigen, sett for dette tiltaket på denne staden.
ui-source-implementation = Statusen kjem frå tiltaksgjennomføringa «{ $name }» ({ $id }), som dekkjer denne staden.
ui-source-supplier = Leverandøren { $supplier } gjer tiltaket i tenesta «{ $service }»; erklæringa gjeld til { $until }.
ui-source-shared = Ansvaret er delt med { $supplier } i tenesta «{ $service }». Verksemda må sjølv: { $customer }
ui-source-part-own = Delen til verksemda er registrert som eigen status her, og han avgjer om tiltaket er på plass.
ui-source-part-none = Delen til verksemda er ikkje registrert: tiltaket er ikkje på plass før han er det.
ui-source-none = Ingen status er registrert, og inga tiltaksgjennomføring eller leverandør dekkjer tiltaket her.
ui-source-overdue = Forfalle: fristen er passert, og tiltaket er ikkje på plass.
ui-attention-expiring = Leverandørerklæringar som snart går ut
ui-attention-expiring-item = «{ $declaration }» frå { $supplier } gjeld til { $until } ({ $days ->
    [one] éin dag
   *[other] { $days } dagar
} att). Be om ei ny erklæring, eller planlegg tiltaka sjølve.
ui-nav-implementations = Gjennomføringar
ui-field-status = Status
ui-impl-title = Tiltaksgjennomføringar
ui-impl-intro = Ei gjennomføring er arbeid de gjer éin gong og som oppfyller tiltak for mange system: ein gjenopprettingstest av alt på tenarplattforma, ein tilgangsgjennomgang for ei gruppe system. Statusen tel for kvart påkravd tiltak ho dekkjer, så sant de ikkje har sett ein eigen status for tiltaket på systemet.
ui-impl-none = Ingen gjennomføringar er registrerte enno.
ui-impl-caption = Gjennomføringar, kva dei dekkjer, og kor mange påkravde tiltak dei avgjer statusen for
ui-impl-col-measures = Tiltak
ui-impl-col-covers = Dekkjer
ui-impl-col-owner = Ansvarleg
ui-impl-col-due = Frist
ui-impl-col-settles = Avgjer
ui-impl-remove = Fjern
ui-impl-new = Ny gjennomføring
ui-impl-name-hint = Kva arbeidet er, til dømes «Gjenopprettingstest kvart kvartal». Id-en vert laga frå namnet.
ui-impl-measures = Tiltak arbeidet oppfyller
ui-impl-measures-hint = Vel eitt eller fleire (Ctrl eller Cmd for fleire). Tiltak for verksemda er merkte; dei kan berre dekkjast saman med «Verksemda».
ui-impl-scope-org = , for verksemda
ui-impl-covers = Kva arbeidet dekkjer
ui-impl-kind-systems = Valde system
ui-impl-kind-groups = Valde grupper
ui-impl-kind-runs_on = Eit system og alt som køyrer på det
ui-impl-kind-all = Alle system
ui-impl-kind-org = Verksemda (tiltak for verksemda)
ui-impl-systems = System (for «Valde system»)
ui-impl-groups = Grupper (for «Valde grupper»)
ui-impl-runs-on = System (for «Eit system og alt som køyrer på det»)
ui-impl-runs-on-hint = Systemet sjølv og alle system som køyrer på det, òg gjennom andre.
ui-impl-evidence = Dokumentasjon
ui-impl-evidence-hint = Éi lenkje eller saksreferanse per linje.
ui-impl-create = Registrer gjennomføringa
ui-impl-pick-measure = Vel minst eitt tiltak.
ui-impl-pick-covers = Vel kva arbeidet dekkjer.
ui-impl-pick-status = Vel ein status: ikkje påbyrja, pågår, delvis eller gjennomført.
ui-impl-covers-org = Verksemda
ui-impl-covers-all = Alle system
ui-impl-covers-runs-on = { $system } og alt som køyrer på det
ui-impl-covers-systems = Systema { $systems }
ui-impl-covers-groups = Gruppene { $groups }
ui-groups-title = Grupper av system
ui-groups-intro = Ei gruppe samlar system som vert handsama likt, til dømes alle skytenester. Ei tiltaksgjennomføring kan dekkje ei gruppe.
ui-groups-none = Ingen grupper enno.
ui-groups-caption = Gruppene og systema i dei
ui-groups-col-systems = System i gruppa
ui-groups-name = Namn på ny gruppe
ui-groups-name-hint = Id-en vert laga frå namnet. Eit system kan vere i fleire grupper.
ui-groups-create = Lag gruppa
ui-field-group_name = Namn på gruppa

# Leverandørerklæringar skrivne i skjema (regel 14)
ui-nav-declarations = Erklæringar
ui-decl-title = Leverandørerklæringar
ui-decl-intro = Leverer verksemda tenester til andre – som leverandør eller som eit interkommunalt samarbeid – kan ho erklære éin gong kva tiltak kvar teneste dekkjer. Alle verksemder som knyter eit system til tenesta, får tiltaka dekte så lenge erklæringa gjeld.
ui-decl-none = Verksemda har ikkje publisert nokon erklæringar.
ui-decl-caption = Erklæringane til verksemda
ui-decl-col-declaration = Erklæring
ui-decl-col-validity = Gyldigheit
ui-decl-col-state = Tilstand
ui-decl-col-services = Tenester
ui-decl-col-version = Versjon
ui-decl-new = Ny erklæring
ui-decl-new-intro = Erklæringa vert publisert i namnet til verksemda mot katalogen som gjeld no. Deretter legg du til tenestene og tiltaka dei dekkjer. Kvar lagring vert ein ny versjon; tidlegare versjonar vert tekne vare på.
ui-field-valid_from = Erklæringa gjeld frå
ui-decl-evidence = Dokumentasjon
ui-decl-evidence-hint = Sertifikat og revisjonsrapportar, éin per linje (til dømes «ISO/IEC 27001-sertifikat 2025-123, omfang: drift»).
ui-decl-create = Publiser erklæringa
ui-decl-back = Tilbake til erklæringane
ui-decl-facts = Gjeld frå { $from } til { $until }.
ui-decl-version = Versjon { $version }.
ui-decl-services = Tenester
ui-decl-usage-note = Talet på verksemder og system som brukar kvar teneste. Du ser berre talet, aldri kven.
ui-decl-no-services = Erklæringa har ingen tenester enno.
ui-decl-services-caption = Tenestene i erklæringa, med talet på tiltak og bruk
ui-decl-col-service = Teneste
ui-decl-col-supplier-only = Tiltak leverandøren gjer åleine
ui-decl-col-shared = Tiltak delte med kunden
ui-decl-col-bodies = Verksemder som brukar ho
ui-decl-col-systems = System som brukar ho
ui-decl-new-service = Ny teneste
ui-field-name_nb = Namn på bokmål
ui-field-name_en = Namn på engelsk
ui-decl-add-service = Legg til tenesta
ui-decl-validity = Gyldigheit og dokumentasjon
ui-decl-publish = Publiser endringane
ui-decl-withdraw-heading = Trekk tilbake erklæringa
ui-decl-withdraw-intro = Ei tilbaketrekt erklæring tel ikkje lenger for nokon frå i dag. Verksemdene som brukar tenestene, ser at tiltaka ikkje lenger er dekte. Tilbaketrekkinga vert ein eigen versjon og vert logga.
ui-decl-withdraw = Trekk tilbake frå i dag
ui-decl-back-declaration = Tilbake til erklæringa
ui-decl-service-title = Tiltak tenesta dekkjer
ui-decl-service-intro = Vel for kvart tiltak om tenesta dekkjer det åleine («Leverandøren») eller saman med kunden («Delt»). For delte tiltak skriv du kva kunden sjølv må gjere – det står på gjeremålslista til kunden. Tiltak utan val vert ikkje dekte.
ui-decl-service-caption = Tiltaka i katalogen og kva tenesta dekkjer
ui-decl-col-measure = Tiltak
ui-decl-col-responsibility = Ansvar
ui-decl-col-customer-nb = Delen til kunden (bokmål)
ui-decl-col-customer-en = Delen til kunden (engelsk)
ui-decl-resp-for = Ansvar for { $measure }
ui-decl-customer-nb-for = Delen til kunden på bokmål for { $measure }
ui-decl-customer-en-for = Delen til kunden på engelsk for { $measure }
ui-decl-resp-none = Vert ikkje dekt
ui-decl-resp-supplier = Leverandøren
ui-decl-resp-shared = Delt med kunden
ui-decl-customer-missing = Skriv kva kunden må gjere for «{ $measure }», som er delt.
ui-decl-dates-order = Sluttdatoen kan ikkje vere før startdatoen.
ui-decl-state-withdrawn = Trekt tilbake
ui-decl-state-valid = Gjeld no
ui-decl-state-not-valid = Gjeld ikkje no

# Same status for fleire system
ui-measure-also = Same status for andre system
ui-measure-also-hint = Kryss av systema som skal få den same statusen, ansvarleg, frist og dokumentasjon. Statusen dei har no, står i parentes. Skal arbeidet telje for mange system over tid, er ei gjennomføring betre.
ui-measure-also-invalid = Vel berre system frå lista; tiltaket må vere påkravd for dei.

# Endre ei gjennomføring
ui-impl-edit-title = Endre gjennomføringa
ui-impl-edit-intro = Endre status, ansvarleg, frist, dokumentasjon, tiltaka eller kva ho dekkjer. Id-en vert halden på, så alt som viser til gjennomføringa, stemmer framleis.
ui-impl-back = Tilbake til gjennomføringane
ui-impl-save = Lagre endringane

# Suppliers' services on the body's side: the services page, its to-do, links from systems
ui-nav-services = Leverandørtenester
ui-svc-title = Leverandørtenester
ui-svc-intro = Leverandørar publiserer erklæringar om tenestene dei leverer og kva tiltak kvar teneste dekkjer: åleine, eller delt med kunden, som då må gjere ein del sjølv. Knyt ei teneste til systema som brukar henne, eller til verksemda sjølv for tiltak som gjeld heile verksemda. Så lenge erklæringa gjeld, tel tenesta for desse tiltaka, så sant de ikkje har sett ein eigen status.
ui-svc-filter-label = Filtrer tenestene og ansvaret
ui-svc-find = Finn (leverandør, teneste, tiltak eller tekst)
ui-svc-org = Verksemda sjølv (tiltak for heile verksemda)
ui-svc-todo-title = Kundeansvar som står att
ui-svc-todo-intro = Tiltak som ei tilknytt teneste dekkjer saman med dykk, der den eigne delen dykkar ikkje er på plass enno: det leverandøren seier at de må gjere sjølve.
ui-svc-todo-count = { $n ->
    [one] Eitt kundeansvar vist
   *[other] { $n } kundeansvar viste
} (av { $all } som står att).
ui-svc-todo-caption = Kundeansvar som ikkje er på plass: kvar, tiltaket, tenesta og kva verksemda må gjere
ui-svc-col-service = Teneste
ui-svc-col-customer = Kva kunden må gjere
ui-svc-col-responsibility = Ansvar
ui-svc-decl-title = Publiserte erklæringar
ui-svc-decl-none = Ingen leverandør har publisert ei erklæring enno.
ui-svc-decl-none-found = Inga teneste passar med filteret.
ui-svc-orgnr = org.nr. { $orgnr }
ui-svc-decl-id = erklæring { $id }
ui-svc-validity = Gyldig frå { $from } til { $until }.
ui-svc-withdrawn = Trekt tilbake { $date }: erklæringa tel ikkje for nokon.
ui-svc-expired = Gått ut { $date }: erklæringa tel ikkje for nokon.
ui-svc-not-yet = Ikkje gyldig før { $date }: tenestene tel frå den dagen.
ui-svc-covers-caption = Tiltak som tenesta «{ $service }» dekkjer
ui-svc-resp-supplier = Leverandøren gjer alt
ui-svc-resp-shared = Delt: kunden gjer ein del
ui-svc-linked-none = Ingen av systema dykkar, og heller ikkje verksemda sjølv, brukar denne tenesta.
ui-svc-linked-by = Vert brukt av:
ui-svc-unlink = Fjern koplinga
ui-svc-link-title = Knyt til ei teneste
ui-svc-service = Teneste
ui-svc-service-hint = Tenester frå erklæringar som har gått ut eller er trekte tilbake, vert ikkje tilbodne.
ui-svc-pick-service = Vel ei teneste
ui-svc-option = { $service } ({ $supplier })
ui-svc-targets = Vert brukt av
ui-svc-targets-hint = Vel eitt eller fleire (Ctrl eller Cmd for fleire). Verksemda sjølv gjeld tiltak for heile verksemda.
ui-svc-link = Knyt til tenesta
ui-svc-pick-service-error = Vel tenesta som skal knytast til.
ui-svc-pick-target = Vel systema som brukar tenesta, eller verksemda sjølv.
ui-svc-lapsed = Erklæringa frå { $supplier } tel ikkje lenger. { $state } Vel ei anna teneste.
ui-svc-system-title = Leverandørtenester
ui-svc-system-none = Systemet brukar inga leverandørteneste.
ui-svc-system-link = Knyt ei leverandørteneste til dette systemet
ui-attention-customer = Kundeansvar som står att i leverandørtenester: { $n }

# Ordliste
ui-nav-glossary = Ordliste
ui-gloss-title = Ordliste
ui-gloss-intro = Orda Grunnmur brukar, slik dei vert brukte her. Andre sider lenkjer hit der eit ord vert brukt første gongen.
ui-gloss-task = Oppgåve (teneste)
ui-gloss-task-text = Noko verksemda leverer eller utfører, til dømes barnevern, løn eller vassforsyning. Katalogen føreslår oppgåver etter verksemdstype og sektor; verksemda kan òg leggje til eigne.
ui-gloss-info-type = Informasjonstype
ui-gloss-info-type-text = Ein slags informasjon ei oppgåve handsamar, til dømes helseopplysningar eller lønsdata. Katalogen tilrår konsekvensnivå for kvar informasjonstype.
ui-gloss-system = System
ui-gloss-system-text = Eit IKT-system eller ei digital teneste verksemda brukar. Eit system handsamar informasjonstypar for oppgåver, kan vere avhengig av andre system og kan køyre på eit anna system (til dømes ei tenarplattform).
ui-gloss-cia = K, I og T (konfidensialitet, integritet, tilgjenge)
ui-gloss-cia-text = Dei tre sidene ved informasjonstryggleik: at berre dei som skal, får sjå informasjonen (K), at han er rett og ikkje endra utan lov (I), og at han er der når han trengst (T). Kvar vert vurdert for seg.
ui-gloss-level = Konsekvensnivå
ui-gloss-level-text = Kor alvorleg det er om K, I eller T sviktar: låg, middels eller høg. Eit system får det høgaste nivået av informasjonstypane det handsamar, og nivåa går vidare langs avhengnader.
ui-gloss-recommended = Tilrådd utgangspunkt
ui-gloss-recommended-text = Dei tilrådde konsekvensnivåa i katalogen for ein informasjonstype. Dei fleste verksemder kan bruke dei som dei er.
ui-gloss-adaptation = Tilpassing
ui-gloss-adaptation-text = Når verksemda endrar eit tilrådd nivå for sin eigen situasjon. Ei tilpassing krev grunngiving og vert vist i alle forklaringar.
ui-gloss-selection = Per dimensjon eller høgaste nivå
ui-gloss-selection-text = To måtar å velje tiltak på. Per dimensjon: eit tiltak som vernar tilgjenge, vert valt etter T-nivået til systemet, og så vidare. Høgaste nivå: alle tiltak vert valde etter det høgaste nivået til systemet, same kva dimensjon.
ui-gloss-cumulation = Kumulasjon
ui-gloss-cumulation-text = Mange informasjonstypar på middels nivå i same system kan til saman vere meir alvorleg enn kvar for seg. Når talet når grensa, vert systemet markert for ei menneskeleg vurdering; nivået vert ikkje heva av seg sjølv.
ui-gloss-measure = Tiltak
ui-gloss-measure-text = Eit tryggingstiltak frå den felles tiltaksbanken, med kva det vernar (K, I, T), føremål, type og styringsaktivitet. Nokre tiltak gjeld kvart system, andre heile verksemda.
ui-gloss-baseline = Basisnivå (BN1, BN2, BN3)
ui-gloss-baseline-text = Tiltaka som vert kravde på kvart nivå, bygde oppå kvarandre: BN1 gjeld alt, BN2 legg til tiltak for middels, BN3 for høg. Eit system med høgt nivå får altså BN1, BN2 og BN3.
ui-gloss-profile = Profil
ui-gloss-profile-text = Tillegg til basisnivåa for ein sektor eller ein verksemdstype, til dømes helse eller vatn. Ein profil kan leggje til tiltak eller krevje dei på eit lågare nivå, aldri fjerne dei. Ein sektorprofil når berre systema som handsamar oppgåvene i sektoren.
ui-gloss-requirement = Krav
ui-gloss-requirement-text = Ei lov eller ei forskrift katalogen viser til. Nokre tiltak vert kravde av eit krav same kva nivå, til dømes ei personvernkonsekvensvurdering der personvernforordninga krev henne.
ui-gloss-activity = Styringsaktivitet
ui-gloss-activity-text = Kva del av styringa eit tiltak høyrer til: styring og retning, risikovurdering, risikohandtering, overvaking, måling, kompetanse eller kommunikasjon.
ui-gloss-evidence = Dokumentasjon
ui-gloss-evidence-text = Det som viser at eit tiltak er gjennomført, til dømes ei datert gjennomgangsliste. Eit tiltak merkt gjennomført utan dokumentasjon vert talt for seg som udokumentert.
ui-gloss-status = Status
ui-gloss-status-text = Kor langt eit påkravd tiltak har kome: ikkje påbyrja, påbyrja, delvis, gjennomført, dekt av leverandør eller ikkje relevant (med grunngiving).
ui-gloss-deviation = Avvik
ui-gloss-deviation-text = Eit nivå verksemda har sett lågare enn tilrådinga i katalogen. Avvik er lov, men skal grunngivast og følgjast opp.
ui-gloss-risk-assessment = Risikovurdering
ui-gloss-risk-assessment-text = Ei vurdering av eit system eller av verksemda der basisnivået ikkje er nok: høge nivå, kumulasjon, forfalne tiltak eller avvik. Risikoane vert vurderte etter sannsyn og konsekvens og får tiltak.
ui-gloss-residual-risk = Restrisiko
ui-gloss-residual-risk-text = Risikoen som står att etter tiltaka. Risikoeigaren godtek han, med namn og dato.
ui-gloss-group = Systemgruppe
ui-gloss-group-text = Eit namngitt sett av system, til dømes alle fagsystem. Eit system kan vere i fleire grupper.
ui-gloss-implementation = Gjennomføring
ui-gloss-implementation-text = Arbeid som vert gjort éin gong og oppfyller tiltak for mange system, til dømes ein felles rutine for tilgangsgjennomgang. Ho tel for alle systema ho dekkjer.
ui-gloss-declaration = Leverandørerklæring og teneste
ui-gloss-declaration-text = Ein leverandør – eit selskap eller eit interkommunalt samarbeid – erklærer éin gong kva tiltak kvar av tenestene dekkjer. Verksemder som knyter system til ei teneste, får tiltaka dekte så lenge erklæringa gjeld.
ui-gloss-shared = Delt ansvar
ui-gloss-shared-text = Leverandøren gjer sin del av eit tiltak, og kunden må gjere resten. Tiltaket er berre på plass når den eigne delen til kunden òg er det.
ui-gloss-effective-status = Effektiv status
ui-gloss-effective-status-text = Statusen eit påkravd tiltak faktisk har, etter at alle kjelder er vegne: den eigne statusen til verksemda vinn, elles den beste av gjennomføringar og leverandørerklæringar. «Kvifor denne statusen» viser kjelda.
ui-gloss-link-baseline = Kva er basisnivåa BN1–BN3?
ui-gloss-link-cia = Kva tyder K, I og T?
ui-gloss-link-cumulation = Kva er kumulasjon?

# Oppfølging (mine oppgåver)
ui-nav-follow-up = Mine oppgåver
ui-follow-title = Mine oppgåver og oppfølging
ui-follow-intro = Arbeid som ikkje er ferdig og har ein ansvarleg eller ein frist: eigne statusar for påkravde tiltak, gjennomføringar og risikohandsamingar. Sida vert opna for deg når eit ansvarleg-felt har namnet ditt eller e-postadressa di; vel ein annan ansvarleg eller alle i lista.
ui-follow-owner = Ansvarleg
ui-follow-owner-hint = Alle som står som ansvarlege for noko som ikkje er ferdig.
ui-follow-all = Alle ansvarlege
ui-follow-me = { $owner } (deg)
ui-follow-count = { $n ->
    [one] { $n } oppgåve.
   *[other] { $n } oppgåver.
}
ui-follow-overdue = Forfalle
ui-follow-soon = Frist innan 30 dagar
ui-follow-later = Seinare eller utan frist
ui-follow-none = Ingenting her.
ui-follow-col-what = Kva
ui-follow-col-kind = Slag
ui-follow-kind-measure = Tiltak
ui-follow-kind-implementation = Gjennomføring
ui-follow-kind-treatment = Risikohandsaming

# History in words (the audit log's changes, filters, per-object history)
ui-history-link = Historikk
ui-history-about = Endringar i
ui-history-filter = Filtrer endringane
ui-history-object = Objekt
ui-history-all = Alle objekt
ui-history-person = Person
ui-history-everyone = Alle personar
ui-history-col-changes = Kva som vart endra
ui-history-none = Ingen endringar passar filteret.
ui-history-cut = Berre dei nyaste endringane vart gjennomsøkte. Vel datoar for å sjå eldre.
ui-history-more = … og { $n } { $n ->
        [one] endring til
       *[other] endringar til
    }
ui-history-added = lagt til
ui-history-removed = fjerna
ui-history-empty = (ingen)
ui-history-field-change = { $field }: { $old } → { $new }
ui-history-kind-org = Verksemda
ui-history-kind-task = Oppgåve
ui-history-kind-info-type = Eigen informasjonstype
ui-history-kind-adaptation = Tilpassa nivå
ui-history-kind-system = System
ui-history-kind-group = Gruppe
ui-history-kind-implementation = Gjennomføring
ui-history-kind-status = Tiltaksstatus
ui-history-kind-measure = Tiltak
ui-history-kind-assessment = Risikovurdering
ui-history-kind-risk = Risiko
ui-history-field-status = status
ui-history-field-owner = ansvarleg
ui-history-field-due = frist
ui-history-field-valid-until = gyldig til
ui-history-field-justification = grunngiving
ui-history-field-evidence = dokumentasjon
ui-history-field-name = namn
ui-history-field-title = tittel
ui-history-field-levels-c = konfidensialitet
ui-history-field-levels-i = integritet
ui-history-field-levels-a = tilgjenge
ui-history-field-covers = dekkjer
ui-history-field-measures = tiltak
ui-history-field-systems = system
ui-history-field-processes = handsamar
ui-history-field-depends-on = avheng av
ui-history-field-services = leverandørtenester
ui-history-field-sectors = sektorar
ui-history-field-selection = utval
ui-history-field-cumulation-threshold = terskel for opphoping
ui-history-field-rationale = grunngiving
ui-history-field-info-types = informasjonstypar

# Gjennomgang av risikovurderingar
ui-field-review_months = Godkjende risikovurderingar vert gjennomgått kvar (månader)
ui-hint-review-months = Kor lenge ei godkjend risikovurdering gjeld før ho skal gjennomgåast på nytt. Vanleg er 12 månader.
ui-settings-review-invalid = Skriv eit heilt tal månader frå 1 til { $max }.
