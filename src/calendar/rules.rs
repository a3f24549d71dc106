//! The calendar's rules as written: weekly hours, holidays (dates, dates every year, weekdays of a
//! month, days around Easter) and exclusions, each read from its text with an error naming its part.

use super::*;

pub(super) const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

pub(super) const TITLES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub(super) fn clock(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

pub(super) const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// One range of service hours on a weekday, in minutes after local midnight. When `end <= start` the range
/// runs overnight and ends on the next day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hours {
    pub(super) start: u32,
    pub(super) end: u32,
}

impl Hours {
    pub(super) fn overnight(self) -> bool {
        self.end <= self.start
    }

    /// Length on a day without a clock change, in minutes.
    pub(super) fn minutes(self) -> u32 {
        if self.overnight() {
            1440 - self.start + self.end
        } else {
            self.end - self.start
        }
    }
}

/// A day on which no service hours start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // the fields are named as in the variants' docs
pub enum Holiday {
    /// One date.
    Date(Date),
    /// Dates from the first to the last, both included.
    Range(Date, Date),
    /// A month and day every year.
    Yearly { month: u32, day: u32 },
    /// The nth (1 to 5, or -1 for the last) weekday of a month every year.
    NthWeekday {
        nth: i8,
        weekday: Weekday,
        month: u32,
    },
    /// A number of days after (or before) Easter Sunday, every year.
    Easter(i16),
}

impl Holiday {
    pub(super) fn matches(&self, d: Date) -> bool {
        match *self {
            Holiday::Date(h) => d == h,
            Holiday::Range(a, b) => a <= d && d <= b,
            Holiday::Yearly { month, day } => d.month() == month && d.day() == day,
            Holiday::NthWeekday {
                nth,
                weekday,
                month,
            } => {
                d.month() == month
                    && d.weekday() == weekday
                    && if nth > 0 {
                        ((d.day() - 1) / 7 + 1) as i8 == nth
                    } else {
                        d.day() + 7 > days_in_month(d)
                    }
            }
            Holiday::Easter(offset) => {
                easter(d.year())
                    .and_then(|e| e.checked_add_signed(chrono::Duration::days(i64::from(offset))))
                    == Some(d)
            }
        }
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<Date> {
    let y = year;
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd_opt(year, month as u32, day as u32)
}

/// The number of days in the month of `d`.
pub(super) fn days_in_month(d: Date) -> u32 {
    let (y, m) = (d.year(), d.month());
    let next = if m == 12 {
        Date::from_ymd_opt(y + 1, 1, 1)
    } else {
        Date::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map_or(31, |last| last.day())
}

/// Time not counted as service time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // the fields are named as in the variants' docs
pub enum Exclusion {
    /// Between two instants (seconds since the epoch).
    Between(i64, i64),
    /// Every day.
    Daily(Hours),
    /// Every week on a weekday.
    Weekly(Weekday, Hours),
    /// Every month on the nth (1 to 5, or -1 for the last) weekday.
    Monthly {
        nth: i8,
        weekday: Weekday,
        hours: Hours,
    },
}

pub(super) fn invalid(part: &str, value: &str, reason: impl Into<String>) -> Error {
    Error::InvalidCalendar {
        part: part.to_string(),
        value: value.to_string(),
        reason: reason.into(),
    }
}

pub(super) fn parse_clock(part: &str, whole: &str, text: &str) -> Result<u32, Error> {
    let bad = || {
        invalid(
            part,
            whole,
            format!("\"{text}\" is not a time of day: use HH:MM from 00:00 to 24:00"),
        )
    };
    let t = text.trim();
    // A whole hour may be written alone: "8" is 08:00, "18" is 18:00.
    let (h, m) = t.split_once(':').unwrap_or((t, "00"));
    if h.is_empty()
        || h.len() > 2
        || m.len() != 2
        || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let (h, m): (u32, u32) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 24 || m > 59 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

pub(super) fn parse_range(part: &str, whole: &str, text: &str) -> Result<Hours, Error> {
    let (a, b) = text.split_once(['-', '–']).ok_or_else(|| {
        invalid(
            part,
            whole,
            format!(
                "\"{}\" is not a range of hours: write it as 09:00-17:00",
                text.trim()
            ),
        )
    })?;
    let start = parse_clock(part, whole, a)?;
    let end = parse_clock(part, whole, b)?;
    if start == 1440 {
        return Err(invalid(
            part,
            whole,
            "a range cannot start at 24:00: start at 00:00",
        ));
    }
    if start == end {
        return Err(invalid(
            part,
            whole,
            "a range must not be empty: a whole day is 00:00-24:00",
        ));
    }
    // "22:00-00:00" ends at midnight, like 22:00-24:00.
    Ok(Hours {
        start,
        end: if end == 0 { 1440 } else { end },
    })
}

pub(super) fn parse_hours_list(part: &str, text: &str) -> Result<Vec<Hours>, Error> {
    let mut out = Vec::new();
    for piece in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if out.len() >= 48 {
            return Err(invalid(part, text, "at most 48 ranges a day"));
        }
        out.push(parse_range(part, text, piece)?);
    }
    Ok(out)
}

/// Rejects service hours that overlap on the weekly clock, including overnight ranges running into the
/// next day (and Sunday night into Monday).
pub(super) fn check_overlaps(weekly: &[Vec<Hours>; 7], texts: &[String; 7]) -> Result<(), Error> {
    let mut owner = vec![None::<usize>; 7 * 1440];
    for (day, ranges) in weekly.iter().enumerate() {
        for h in ranges {
            let start = day * 1440 + h.start as usize;
            for m in start..start + h.minutes() as usize {
                let slot = &mut owner[m % (7 * 1440)];
                if slot.is_some() {
                    return Err(Error::OverlappingHours {
                        part: format!("weekly.{}", WEEKDAYS[day].0),
                        value: texts[day].clone(),
                    });
                }
                *slot = Some(day);
            }
        }
    }
    Ok(())
}

pub(super) fn parse_weekday(text: &str) -> Option<Weekday> {
    pub(super) const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let t = text.trim().to_ascii_lowercase();
    (0..7)
        .find(|&i| t == WEEKDAYS[i].0 || t == FULL[i])
        .map(|i| WEEKDAYS[i].1)
}

pub(super) fn parse_month(text: &str) -> Option<u32> {
    pub(super) const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let t = text.trim().to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == t)
        .or_else(|| FULL.iter().position(|m| *m == t))
        .map(|i| i as u32 + 1)
}

pub(super) fn parse_nth(text: &str) -> Option<i8> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1st" | "first" => Some(1),
        "2nd" | "second" => Some(2),
        "3rd" | "third" => Some(3),
        "4th" | "fourth" => Some(4),
        "5th" | "fifth" => Some(5),
        "last" => Some(-1),
        _ => None,
    }
}

pub(super) fn parse_date(text: &str) -> Option<Date> {
    crate::zone::parse_civil_date(text.trim())
}

pub(super) fn parse_holiday(part: &str, text: &str) -> Result<Holiday, Error> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let help = "use a date (2026-12-25), dates with both ends included (2026-12-24..2026-12-26), a date every \
                year (12-25), a weekday of a month (4th thu of nov, last mon of may) or a day from Easter \
                (easter-2, easter+1)";
    if t.is_empty() {
        return Err(invalid(part, text, format!("it is empty: {help}")));
    }
    if let Some(rest) = lower.strip_prefix("easter") {
        let rest = rest.trim();
        let offset: i16 = if rest.is_empty() {
            0
        } else {
            rest.strip_prefix('+')
                .unwrap_or(rest)
                .parse()
                .map_err(|_| invalid(part, text, help))?
        };
        if !(-80..=250).contains(&offset) {
            return Err(invalid(
                part,
                text,
                "a day from Easter must lie in the same year: easter-80 to easter+250",
            ));
        }
        return Ok(Holiday::Easter(offset));
    }
    if let Some((a, b)) = t.split_once("..") {
        let (Some(a), Some(b)) = (parse_date(a), parse_date(b)) else {
            return Err(invalid(part, text, help));
        };
        if b < a {
            return Err(invalid(part, text, "the last date is before the first"));
        }
        return Ok(Holiday::Range(a, b));
    }
    if let Some(d) = parse_date(t) {
        return Ok(Holiday::Date(d));
    }
    if t.len() == 10 && t.as_bytes()[4] == b'-' {
        return Err(invalid(part, text, "that date does not exist"));
    }
    let md = t.strip_prefix("--").unwrap_or(t);
    if md.len() == 5 && md.as_bytes()[2] == b'-' {
        let (m, d) = (md[..2].parse::<u32>(), md[3..].parse::<u32>());
        if let (Ok(m), Ok(d)) = (m, d) {
            // 2024 is a leap year, so 02-29 is allowed (it is a holiday in leap years only).
            if Date::from_ymd_opt(2024, m, d).is_none() {
                return Err(invalid(part, text, "that day does not exist in any year"));
            }
            return Ok(Holiday::Yearly { month: m, day: d });
        }
    }
    let words: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| *w != "of" && *w != "in")
        .collect();
    if let [nth, weekday, month] = words[..] {
        if let (Some(nth), Some(weekday), Some(month)) =
            (parse_nth(nth), parse_weekday(weekday), parse_month(month))
        {
            return Ok(Holiday::NthWeekday {
                nth,
                weekday,
                month,
            });
        }
    }
    Err(invalid(part, text, help))
}

pub(super) fn parse_local_instant(
    part: &str,
    whole: &str,
    text: &str,
    zone: &Zone,
) -> Result<i64, Error> {
    let bad = || {
        invalid(
            part,
            whole,
            "use local times such as 2026-03-01T02:00/2026-03-01T04:00",
        )
    };
    let (d, time) = text.trim().split_once('T').ok_or_else(bad)?;
    let date = parse_date(d).ok_or_else(bad)?;
    let minute = parse_clock(part, whole, time)?;
    zone.instant(date, minute)
}

pub(super) fn parse_exclusion(part: &str, text: &str, zone: &Zone) -> Result<Exclusion, Error> {
    let t = text.trim();
    let help = "use local times (2026-03-01T02:00/2026-03-01T04:00), a weekly window (sun 02:00-04:00), a \
                monthly one (1st sat 22:00-02:00) or a daily one (daily 01:00-01:30)";
    if let Some((a, b)) = t.split_once('/') {
        let a = parse_local_instant(part, text, a, zone)?;
        let b = parse_local_instant(part, text, b, zone)?;
        if b <= a {
            return Err(invalid(part, text, "the window ends before it starts"));
        }
        return Ok(Exclusion::Between(a, b));
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    match words[..] {
        [day, hours] => {
            let hours = parse_range(part, text, hours)?;
            if day.eq_ignore_ascii_case("daily") {
                return Ok(Exclusion::Daily(hours));
            }
            let weekday = parse_weekday(day).ok_or_else(|| invalid(part, text, help))?;
            Ok(Exclusion::Weekly(weekday, hours))
        }
        [nth, day, hours] => {
            let nth = parse_nth(nth).ok_or_else(|| invalid(part, text, help))?;
            let weekday = parse_weekday(day).ok_or_else(|| invalid(part, text, help))?;
            Ok(Exclusion::Monthly {
                nth,
                weekday,
                hours: parse_range(part, text, hours)?,
            })
        }
        _ => Err(invalid(part, text, help)),
    }
}
