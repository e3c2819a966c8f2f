//! Recurring work and the annual cycle (*årshjul*). A measure status or an implementation may
//! recur every N months (access reviews, restore tests, the management review): recording it
//! done keeps the date in its history and moves the next due date N months on. Past that date
//! the recurring work is overdue (rule 10), even while the measure stays implemented.
//!
//! Pure: the caller says what "today" is and which year to project.

use crate::date::Date;

/// The longest interval a body may choose: five years.
pub const MAX_MONTHS: u32 = 60;
/// How many times done a status or an implementation keeps; the oldest go first.
pub const MAX_DONE: usize = 100;

/// The intervals forms offer by name: monthly, quarterly, half-yearly, yearly. Any other
/// interval from 1 to [`MAX_MONTHS`] is "every N months".
pub const NAMED: [u32; 4] = [1, 3, 6, 12];

/// An interval a body may choose.
pub fn valid_months(months: u32) -> bool {
    (1..=MAX_MONTHS).contains(&months)
}

/// When recurring work done on `done` is due next.
pub fn next_due(done: Date, months: u32) -> Date {
    done.add_months(months)
}

/// Recurring work is lapsed when its next due date has passed: it is overdue even if the
/// measure is in place.
pub fn lapsed(recurs: Option<u32>, due: Option<Date>, today: Date) -> bool {
    recurs.is_some() && due.is_some_and(|d| d < today)
}

/// The dates in `year` of a series every `months` months through `due` (backwards and
/// forwards from it), in order: what the annual wheel shows. Each date keeps `due`'s day of
/// the month where the month has it.
pub fn occurrences(due: Date, months: u32, year: i32) -> Vec<Date> {
    if !valid_months(months) {
        return Vec::new();
    }
    let step = i64::from(months);
    let first = i64::from(year) * 12;
    // The first k with due.month_index() + k·step ≥ first.
    let k0 = (first - due.month_index()).div_euclid(step)
        + i64::from((first - due.month_index()).rem_euclid(step) != 0);
    (0..)
        .map(|n| due.shift_months((k0 + n) * step))
        .take_while(|d| d.year() == year)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn next_due_is_the_interval_after_the_date_done() {
        assert_eq!(next_due(d("2026-03-31"), 3), d("2026-06-30"));
        assert_eq!(next_due(d("2026-11-15"), 12), d("2027-11-15"));
        assert_eq!(next_due(d("2026-12-10"), 1), d("2027-01-10"));
    }

    #[test]
    fn lapsed_only_when_recurring_and_past_due() {
        let today = d("2026-06-01");
        assert!(lapsed(Some(3), Some(d("2026-05-31")), today));
        assert!(!lapsed(Some(3), Some(d("2026-06-01")), today), "due today");
        assert!(!lapsed(None, Some(d("2026-05-31")), today), "not recurring");
        assert!(!lapsed(Some(3), None, today), "never due");
    }

    #[test]
    fn occurrences_project_the_series_into_the_year() {
        assert_eq!(
            occurrences(d("2026-02-15"), 3, 2026),
            [
                d("2026-02-15"),
                d("2026-05-15"),
                d("2026-08-15"),
                d("2026-11-15")
            ]
        );
        // Backwards from a due date next year, and months lacking the day.
        assert_eq!(
            occurrences(d("2027-01-31"), 4, 2026),
            [d("2026-01-31"), d("2026-05-31"), d("2026-09-30")]
        );
        assert_eq!(occurrences(d("2026-10-01"), 12, 2026), [d("2026-10-01")]);
        assert_eq!(occurrences(d("2026-10-01"), 24, 2027), Vec::<Date>::new());
        assert_eq!(occurrences(d("2026-10-01"), 24, 2028), [d("2028-10-01")]);
        assert_eq!(occurrences(d("2026-01-10"), 1, 2026).len(), 12);
        assert!(occurrences(d("2026-01-10"), 0, 2026).is_empty());
        assert!(occurrences(d("2026-01-10"), 61, 2026).is_empty());
    }
}
