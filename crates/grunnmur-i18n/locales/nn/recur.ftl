# Gjentakande arbeid og årshjulet (issue 17).

problem-invalid-recurrence = recurs må vere frå 1 til { $max } månader, ikkje { $value }
problem-too-many-done = done har { $count } oppføringar; høgst { $max } blir tekne vare på

recur-nav-year = Årshjul
recur-field-recurs = Blir gjenteke
recur-hint-recurs = Arbeid som blir gjort att og att, som tilgangsgjennomgang, gjenopprettingstest eller opplæring. Når du registrerer det som utført, blir neste frist sett så mange månader fram.
recur-none = Blir ikkje gjenteke
recur-option-1 = Kvar månad
recur-option-3 = Kvart kvartal
recur-option-6 = Kvart halvår
recur-option-12 = Kvart år
recur-option-custom = Kvar N. månad (oppgi talet under)
recur-field-recurs_months = Talet på månader
recur-hint-recurs-months = Blir berre brukt når du vel «Kvar N. månad»: eit heilt tal frå 1 til 60.
recur-months-invalid = Oppgi eit heilt tal på månader frå 1 til 60.
recur-every = { $n ->
    [1] kvar månad
    [3] kvart kvartal
    [6] kvart halvår
    [12] kvart år
   *[other] kvar { $n }. månad
}
recur-done-title = Registrer utført
recur-done-intro = Registrer at arbeidet er gjort: datoen, dokumentasjonen og ein merknad. Det blir lagt i historikken, og når arbeidet blir gjenteke, blir neste frist flytt fram.
recur-field-done_date = Dato utført
recur-field-done_evidence = Dokumentasjon
recur-hint-done-evidence = Lenkjer eller tilvisingar som viser at det er gjort, éi per linje.
recur-field-done_note = Merknad
recur-done-submit = Registrer utført
recur-done-date-required = Oppgi datoen arbeidet vart gjort.
recur-done-future = Datoen kan ikkje vere etter i dag ({ $today }).
recur-history = Historikk
recur-history-none = Ikkje registrert utført enno.
recur-col-date = Dato
recur-col-by = Registrert av
recur-col-note = Merknad
recur-col-evidence = Dokumentasjon
recur-next-due = Neste frist: { $date }
recur-year-title = Årshjul
recur-year-heading = Årshjul { $year }
recur-year-intro = Det som blir gjenteke gjennom året, ordna etter styringsaktivitet: når fristane fell, kven som er ansvarleg og kva som er gjort. Vel «Blir gjenteke» på eit tiltak eller ei gjennomføring for å ta det med.
recur-year-prev = Førre år ({ $year })
recur-year-next = Neste år ({ $year })
recur-year-nav = Vel år
recur-year-ics = Kalender (iCalendar)
recur-year-ics-hint = Abonner på eller importer fristane i kalenderen din. Kvar oppgåve blir gjenteken med sitt intervall.
recur-year-count = { $n ->
    [0] Ingen gjentakande oppgåver.
    [one] Éi gjentakande oppgåve.
   *[other] { $n } gjentakande oppgåver.
}
recur-year-none = Ikkje noko gjentakande arbeid enno. Vel «Blir gjenteke» på eit tiltak eller ei gjennomføring.
recur-year-month-table = Månad for månad
recur-activity-none = Utan styringsaktivitet
recur-col-what = Kva
recur-col-every = Blir gjenteke
recur-col-next = Neste frist
recur-col-month = Månad
recur-col-due-dates = Fristar i året
recur-col-done-dates = Utført i året
recur-cell-due = frist { $day }.
recur-cell-done = utført { $day }.
recur-cell-overdue = forfalle
recur-no-date = ingen frist enno
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
recur-ics-owner = Ansvarleg: { $owner }
recur-ics-where = Gjeld: { $place }
recur-ics-every = Blir gjenteke { $every }.
recur-follow-link = Sjå årshjulet
ui-follow-kind-recurring = Gjentakande
export-file-year = arshjul
ui-history-field-recurs = blir gjenteke kvar (månader)
ui-history-field-done = utført
