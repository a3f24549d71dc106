//! Holidays from iCalendar (RFC 5545) files, as intranets publish them: each all-day event becomes a
//! holiday rule (`2026-12-25`, `2026-12-24..2026-12-26`, or `12-25` for a plain yearly repeat).
//! Anything else is listed as skipped, with its line and the reason, never silently dropped.

use crate::error::Error;

/// The largest file accepted, in bytes.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A holiday read from an iCalendar file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsHoliday {
    /// The holiday rule, ready for a calendar's `holidays`.
    pub rule: String,
    /// The event's SUMMARY, if any.
    pub name: String,
    /// The line the event starts on (1-based).
    pub line: usize,
}

/// An event that was not turned into a holiday.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsSkipped {
    /// The line the event starts on (1-based).
    pub line: usize,
    /// The event's SUMMARY, if any.
    pub name: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Reads the all-day events of an iCalendar file as holidays.
///
/// # Example: a public-holiday calendar
/// ```
/// let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\n\
///            SUMMARY:Christmas Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
/// let (holidays, skipped) = slacalc::ics::holidays(ics)?;
/// assert_eq!(holidays[0].rule, "2026-12-25");
/// assert_eq!(holidays[0].name, "Christmas Day");
/// assert!(skipped.is_empty());
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidCalendar`] (part `ics`) for a file that is too large, binary, not iCalendar, or has more
/// events than a calendar may hold.
pub fn holidays(text: &str) -> Result<(Vec<IcsHoliday>, Vec<IcsSkipped>), Error> {
    let invalid = |reason: String| Error::InvalidCalendar {
        part: "ics".to_string(),
        value: String::new(),
        reason,
    };
    if text.len() > MAX_BYTES {
        return Err(invalid(format!(
            "the file is {} KB: at most {} KB of iCalendar text is read",
            text.len() / 1024,
            MAX_BYTES / 1024
        )));
    }
    if text.contains('\0') {
        return Err(invalid(
            "the file is binary, not iCalendar text (.ics)".to_string(),
        ));
    }
    if !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_ascii_uppercase()
        .starts_with("BEGIN:VCALENDAR")
    {
        return Err(invalid(
            "the file is not iCalendar: it must start with BEGIN:VCALENDAR".to_string(),
        ));
    }
    // Unfold: a line starting with a space or tab continues the previous one.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => lines.push((i + 1, raw.to_string())),
        }
    }
    let mut holidays = Vec::new();
    let mut skipped = Vec::new();
    let mut event: Option<Event> = None;
    for (line, content) in lines {
        let Some((head, value)) = content.split_once(':') else {
            continue;
        };
        let mut params = head.split(';');
        let name = params.next().unwrap_or_default().to_ascii_uppercase();
        let params: Vec<String> = params.map(|p| p.to_ascii_uppercase()).collect();
        match (name.as_str(), event.as_mut()) {
            ("BEGIN", None) if value.eq_ignore_ascii_case("VEVENT") => {
                event = Some(Event {
                    line,
                    ..Event::default()
                })
            }
            ("END", Some(_)) if value.eq_ignore_ascii_case("VEVENT") => {
                if let Some(e) = event.take() {
                    match e.holiday() {
                        Ok(rule) => holidays.push(IcsHoliday {
                            rule,
                            name: e.summary,
                            line: e.line,
                        }),
                        Err(reason) => skipped.push(IcsSkipped {
                            line: e.line,
                            name: e.summary,
                            reason,
                        }),
                    }
                }
                if holidays.len() > crate::calendar::MAX_RULES {
                    return Err(invalid(format!(
                        "more than {} holidays",
                        crate::calendar::MAX_RULES
                    )));
                }
            }
            ("DTSTART", Some(e)) => e.start = Some((value.trim().to_string(), params)),
            ("DTEND", Some(e)) => e.end = Some((value.trim().to_string(), params)),
            ("DURATION", Some(e)) => e.duration = Some(value.trim().to_string()),
            ("RRULE", Some(e)) => e.rrule = Some(value.trim().to_ascii_uppercase()),
            ("SUMMARY", Some(e)) => e.summary = unescape(value.trim()),
            _ => {}
        }
    }
    Ok((holidays, skipped))
}

#[derive(Default)]
struct Event {
    line: usize,
    start: Option<(String, Vec<String>)>,
    end: Option<(String, Vec<String>)>,
    duration: Option<String>,
    rrule: Option<String>,
    summary: String,
}

impl Event {
    fn holiday(&self) -> Result<String, String> {
        let (start, params) = self.start.as_ref().ok_or("the event has no DTSTART")?;
        let all_day = params.iter().any(|p| p == "VALUE=DATE") || start.len() == 8;
        if !all_day {
            return Err(
                "it is a timed event, not a whole day: add it as an exclusion instead".to_string(),
            );
        }
        let first = date(start).ok_or_else(|| format!("DTSTART {start} is not a date"))?;
        // DTEND of an all-day event is the day after the last one; without it the event is one day.
        let last = match (&self.end, &self.duration) {
            (Some((end, _)), _) => {
                let end = date(end).ok_or_else(|| format!("DTEND {end} is not a date"))?;
                end.pred_opt()
                    .filter(|last| *last >= first)
                    .ok_or("DTEND is not after DTSTART")?
            }
            (None, Some(d)) => match d
                .to_ascii_uppercase()
                .strip_prefix('P')
                .and_then(|d| d.strip_suffix('D'))
            {
                Some(n) => {
                    let days: u64 = n
                        .parse()
                        .map_err(|_| format!("DURATION {d} cannot be read"))?;
                    first
                        .checked_add_days(chrono::Days::new(days.saturating_sub(1)))
                        .filter(|_| days >= 1)
                        .ok_or(format!("DURATION {d} cannot be read"))?
                }
                None => return Err(format!("DURATION {d} is not a number of whole days")),
            },
            (None, None) => first,
        };
        match &self.rrule {
            None if first == last => Ok(iso(first)),
            None => Ok(format!("{}..{}", iso(first), iso(last))),
            Some(rule) if rule == "FREQ=YEARLY" && first == last => Ok(iso(first)[5..].to_string()),
            Some(rule) => Err(format!(
                "its repeat rule {rule} is not supported: only a one-day FREQ=YEARLY repeat becomes a yearly holiday"
            )),
        }
    }
}

fn iso(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn date(text: &str) -> Option<chrono::NaiveDate> {
    let digits = text.get(..8)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(
        digits[..4].parse().ok()?,
        digits[4..6].parse().ok()?,
        digits[6..].parse().ok()?,
    )
}

fn unescape(text: &str) -> String {
    text.replace("\\n", " ")
        .replace("\\N", " ")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    const UK: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Holidays//EN\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nSUMMARY:Christmas Day\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261228\r\nSUMMARY:Boxing Day\r\n (substitute day)\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261227\r\nSUMMARY:Office closed\\, all sites\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20000101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:New Year\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260406\r\nDURATION:P1D\r\nSUMMARY:Easter Monday\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART:20261231T120000Z\r\nDTEND:20261231T170000Z\r\nSUMMARY:Early close\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260525\r\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO\r\nSUMMARY:Spring bank holiday\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";

    #[test]
    fn all_day_events_become_holidays() {
        let (holidays, skipped) = holidays(UK).unwrap();
        let rules: Vec<(&str, &str)> = holidays
            .iter()
            .map(|h| (h.rule.as_str(), h.name.as_str()))
            .collect();
        assert_eq!(
            rules,
            [
                ("2026-12-25", "Christmas Day"),
                ("2026-12-28", "Boxing Day(substitute day)"),
                ("2026-12-24..2026-12-26", "Office closed, all sites"),
                ("01-01", "New Year"),
                ("2026-04-06", "Easter Monday"),
            ]
        );
        assert_eq!(holidays[0].line, 4);
        assert_eq!(skipped.len(), 2);
        assert!(
            skipped[0].reason.contains("timed event"),
            "{:?}",
            skipped[0]
        );
        assert!(skipped[1].reason.contains("BYMONTH"), "{:?}", skipped[1]);
        assert_eq!(skipped[1].name, "Spring bank holiday");
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let e = |text: &str| holidays(text).unwrap_err().to_string();
        assert!(e("").contains("must start with BEGIN:VCALENDAR"));
        assert!(e("hello").contains("must start with BEGIN:VCALENDAR"));
        assert!(e("BEGIN:VCALENDAR\0\0").contains("binary"));
        assert!(e(&"BEGIN:VCALENDAR\n".repeat(200_000)).contains("at most 2048 KB"));
        let many = format!(
            "BEGIN:VCALENDAR\n{}END:VCALENDAR\n",
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nEND:VEVENT\n".repeat(1001)
        );
        assert!(e(&many).contains("more than 1000 holidays"));
        let (h, skipped) = holidays("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260230\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR").unwrap();
        assert!(h.is_empty());
        assert_eq!(skipped[0].reason, "DTSTART 20260230 is not a date");
        assert_eq!(skipped[1].reason, "the event has no DTSTART");
        assert_eq!(
            e("BEGIN:VCALENDAR\0"),
            "calendar ics cannot be read: the file is binary, not iCalendar text (.ics)"
        );
    }
}
