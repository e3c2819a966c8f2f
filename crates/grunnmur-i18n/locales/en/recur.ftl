# Recurring work and the annual cycle (issue 17).

problem-invalid-recurrence = recurs must be from 1 to { $max } months, not { $value }
problem-too-many-done = done has { $count } entries; at most { $max } are kept

recur-nav-year = Annual cycle
recur-field-recurs = Recurs
recur-hint-recurs = Work done again and again, such as access reviews, restore tests or training. When you record it done, the next due date is set that many months on.
recur-none = Does not recur
recur-option-1 = Every month
recur-option-3 = Every quarter
recur-option-6 = Every half year
recur-option-12 = Every year
recur-option-custom = Every N months (give the number below)
recur-field-recurs_months = Number of months
recur-hint-recurs-months = Used only when you choose "Every N months": a whole number from 1 to 60.
recur-months-invalid = Give a whole number of months from 1 to 60.
recur-every = { $n ->
    [1] every month
    [3] every quarter
    [6] every half year
    [12] every year
   *[other] every { $n } months
}
recur-done-title = Record done
recur-done-intro = Record that the work was done: the date, the evidence and a note. It joins the history, and when the work recurs, the next due date moves on.
recur-field-done_date = Date done
recur-field-done_evidence = Evidence
recur-hint-done-evidence = Links or references that show it was done, one per line.
recur-field-done_note = Note
recur-done-submit = Record done
recur-done-date-required = Give the date the work was done.
recur-done-future = The date cannot be after today ({ $today }).
recur-history = History
recur-history-none = Not recorded done yet.
recur-col-date = Date
recur-col-by = Recorded by
recur-col-note = Note
recur-col-evidence = Evidence
recur-next-due = Next due: { $date }
recur-year-title = Annual cycle
recur-year-heading = Annual cycle { $year }
recur-year-intro = What recurs through the year, by governance activity: when it falls due, who owns it and what was done. Choose "Recurs" on a measure or an implementation to include it.
recur-year-prev = Previous year ({ $year })
recur-year-next = Next year ({ $year })
recur-year-nav = Choose a year
recur-year-ics = Calendar (iCalendar)
recur-year-ics-hint = Subscribe to or import the due dates in your calendar. Each task repeats at its interval.
recur-year-count = { $n ->
    [0] No recurring tasks.
    [one] One recurring task.
   *[other] { $n } recurring tasks.
}
recur-year-none = No recurring work yet. Choose "Recurs" on a measure or an implementation.
recur-year-month-table = Month by month
recur-activity-none = No governance activity
recur-col-what = What
recur-col-every = Recurs
recur-col-next = Next due
recur-col-month = Month
recur-col-due-dates = Due in the year
recur-col-done-dates = Done in the year
recur-cell-due = due { $day }
recur-cell-done = done { $day }
recur-cell-overdue = overdue
recur-no-date = no due date yet
recur-month-1 = January
recur-month-2 = February
recur-month-3 = March
recur-month-4 = April
recur-month-5 = May
recur-month-6 = June
recur-month-7 = July
recur-month-8 = August
recur-month-9 = September
recur-month-10 = October
recur-month-11 = November
recur-month-12 = December
recur-month-short-1 = Jan
recur-month-short-2 = Feb
recur-month-short-3 = Mar
recur-month-short-4 = Apr
recur-month-short-5 = May
recur-month-short-6 = Jun
recur-month-short-7 = Jul
recur-month-short-8 = Aug
recur-month-short-9 = Sep
recur-month-short-10 = Oct
recur-month-short-11 = Nov
recur-month-short-12 = Dec
recur-kind-measure = Measure
recur-kind-implementation = Implementation
recur-ics-calendar = Annual cycle – { $body }
recur-ics-owner = Owner: { $owner }
recur-ics-where = Applies to: { $place }
recur-ics-every = Recurs { $every }.
recur-follow-link = See the annual cycle
ui-follow-kind-recurring = Recurring
export-file-year = annual-cycle
ui-history-field-recurs = recurs every (months)
ui-history-field-done = done
