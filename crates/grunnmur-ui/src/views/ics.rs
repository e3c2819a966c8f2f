//! iCalendar (RFC 5545) for the annual cycle: one all-day VEVENT per recurring task, from its
//! next due date, with an RRULE at its interval. Lines end in CRLF and are folded at 75
//! octets (never inside a UTF-8 character); text values escape backslashes, commas,
//! semicolons and newlines.

use grunnmur_core::Date;

/// One recurring event.
pub struct Event {
    /// Stable across exports: the same task keeps its UID.
    pub uid: String,
    pub start: Date,
    /// Every so many months; `None`: once.
    pub months: Option<u32>,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
}

/// A text value escaped (RFC 5545 3.3.11).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, each line ended by CRLF (RFC 5545 3.1).
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        // The first line holds 75 octets; a continuation line starts with a space (1 + 74).
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The recurrence rule: every N months on the start's day; a day some months lack falls on
/// their last day (the day or the month's last, whichever comes first), as the due dates do.
fn rrule(start: Date, months: u32) -> String {
    let mut r = format!("RRULE:FREQ=MONTHLY;INTERVAL={months}");
    if start.day() > 28 {
        r.push_str(&format!(";BYMONTHDAY={},-1;BYSETPOS=1", start.day()));
    }
    r
}

/// The calendar: its name, the time stamp of every event (`stamp`, a UTC date: the export's
/// day) and the events.
pub fn calendar(name: &str, stamp: Date, events: &[Event]) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Grunnmur//Årshjul//NB",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, l);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for e in events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", escape(&e.uid)));
        push_line(&mut out, &format!("DTSTAMP:{}T000000Z", date(stamp)));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(e.start)));
        let end = Date::from_days_since_epoch(e.start.days_since_epoch() + 1);
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(end)));
        if let Some(m) = e.months {
            push_line(&mut out, &rrule(e.start, m));
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        push_line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        if let Some(u) = &e.url {
            push_line(&mut out, &format!("URL:{u}"));
        }
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_folds_at_75_octets_without_splitting_characters() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "æ".repeat(100));
        push_line(&mut out, &long);
        for l in out.split_terminator("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, long);
    }

    #[test]
    fn a_day_some_months_lack_falls_on_their_last() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(rrule(d("2026-01-15"), 3), "RRULE:FREQ=MONTHLY;INTERVAL=3");
        assert_eq!(
            rrule(d("2026-01-31"), 1),
            "RRULE:FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31,-1;BYSETPOS=1"
        );
    }
}
