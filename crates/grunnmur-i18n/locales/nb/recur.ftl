# Gjentakende arbeid og årshjulet (issue 17).

problem-invalid-recurrence = recurs må være fra 1 til { $max } måneder, ikke { $value }
problem-too-many-done = done har { $count } oppføringer; høyst { $max } tas vare på

recur-nav-year = Årshjul
recur-field-recurs = Gjentas
recur-hint-recurs = Arbeid som gjøres igjen og igjen, som tilgangsgjennomgang, gjenopprettingstest eller opplæring. Når du registrerer det utført, settes neste frist så mange måneder fram.
recur-none = Gjentas ikke
recur-option-1 = Hver måned
recur-option-3 = Hvert kvartal
recur-option-6 = Hvert halvår
recur-option-12 = Hvert år
recur-option-custom = Hver N. måned (oppgi antall under)
recur-field-recurs_months = Antall måneder
recur-hint-recurs-months = Brukes bare når du velger «Hver N. måned»: et helt tall fra 1 til 60.
recur-months-invalid = Oppgi et helt antall måneder fra 1 til 60.
recur-every = { $n ->
    [1] hver måned
    [3] hvert kvartal
    [6] hvert halvår
    [12] hvert år
   *[other] hver { $n }. måned
}
recur-done-title = Registrer utført
recur-done-intro = Registrer at arbeidet er gjort: datoen, dokumentasjonen og en merknad. Det legges i historikken, og når arbeidet gjentas, flyttes neste frist fram.
recur-field-done_date = Dato utført
recur-field-done_evidence = Dokumentasjon
recur-hint-done-evidence = Lenker eller henvisninger som viser at det er gjort, én per linje.
recur-field-done_note = Merknad
recur-done-submit = Registrer utført
recur-done-date-required = Oppgi datoen arbeidet ble gjort.
recur-done-future = Datoen kan ikke være etter i dag ({ $today }).
recur-history = Historikk
recur-history-none = Ikke registrert utført ennå.
recur-col-date = Dato
recur-col-by = Registrert av
recur-col-note = Merknad
recur-col-evidence = Dokumentasjon
recur-next-due = Neste frist: { $date }
recur-year-title = Årshjul
recur-year-heading = Årshjul { $year }
recur-year-intro = Det som gjentas gjennom året, ordnet etter styringsaktivitet: når fristene faller, hvem som er ansvarlig og hva som er gjort. Velg «Gjentas» på et tiltak eller en gjennomføring for å ta det med.
recur-year-prev = Forrige år ({ $year })
recur-year-next = Neste år ({ $year })
recur-year-nav = Velg år
recur-year-ics = Kalender (iCalendar)
recur-year-ics-hint = Abonner på eller importer fristene i kalenderen din. Hver oppgave gjentas med sitt intervall.
recur-year-count = { $n ->
    [0] Ingen gjentakende oppgaver.
    [one] Én gjentakende oppgave.
   *[other] { $n } gjentakende oppgaver.
}
recur-year-none = Ingen gjentakende arbeid ennå. Velg «Gjentas» på et tiltak eller en gjennomføring.
recur-year-month-table = Måned for måned
recur-activity-none = Uten styringsaktivitet
recur-col-what = Hva
recur-col-every = Gjentas
recur-col-next = Neste frist
recur-col-month = Måned
recur-col-due-dates = Frister i året
recur-col-done-dates = Utført i året
recur-cell-due = frist { $day }.
recur-cell-done = utført { $day }.
recur-cell-overdue = forfalt
recur-no-date = ingen frist ennå
recur-month-1 = januar
recur-month-2 = februar
recur-month-3 = mars
recur-month-4 = april
recur-month-5 = mai
recur-month-6 = juni
recur-month-7 = juli
recur-month-8 = august
recur-month-9 = september
recur-month-10 = oktober
recur-month-11 = november
recur-month-12 = desember
recur-month-short-1 = jan.
recur-month-short-2 = feb.
recur-month-short-3 = mar.
recur-month-short-4 = apr.
recur-month-short-5 = mai
recur-month-short-6 = jun.
recur-month-short-7 = jul.
recur-month-short-8 = aug.
recur-month-short-9 = sep.
recur-month-short-10 = okt.
recur-month-short-11 = nov.
recur-month-short-12 = des.
recur-kind-measure = Tiltak
recur-kind-implementation = Gjennomføring
recur-ics-calendar = Årshjul – { $body }
recur-ics-owner = Ansvarlig: { $owner }
recur-ics-where = Gjelder: { $place }
recur-ics-every = Gjentas { $every }.
recur-follow-link = Se årshjulet
ui-follow-kind-recurring = Gjentakende
export-file-year = arshjul
ui-history-field-recurs = gjentas hver (måneder)
ui-history-field-done = utført
