//! Measurement periods: Gregorian averages (`month`), fixed lengths (`P14D`) and calendar periods
//! (`2026-02`, `2026-Q1`, `2026`, `2026-W09`, `2026-03-01/2026-03-15`), each with the convention it uses.
//!
//! # Conventions
//! - `day` is 24 hours and `week` 7 days. `month`, `quarter` and `year` are averages over the 400-year
//!   Gregorian cycle: a year of 365.2425 days (31 556 952 s), a quarter of a quarter of that (91.310625 days,
//!   7 889 238 s) and a month of a twelfth (30.436875 days, 2 629 746 s).
//! - Calendar periods are in UTC for now, with days of 86 400 s (leap seconds are not counted, as in POSIX
//!   time). A range's end date is exclusive: `2026-03-01/2026-03-15` is 1 to 14 March, 14 days.
//! - Every period is a whole number of seconds, at least one second and at most 100 average years.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::duration::ExactDuration;
use crate::error::{Error, Field};

/// One of the average periods contracts name without a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Average {
    /// 24 hours.
    Day,
    /// 7 days.
    Week,
    /// An average Gregorian month: 30.436875 days.
    Month,
    /// An average Gregorian quarter: 91.310625 days.
    Quarter,
    /// An average Gregorian year: 365.2425 days.
    Year,
}

/// A measurement period of a contract: the period over which attainment is measured and credits are
/// owed. Weeks and fortnights are exact; a month, quarter or year is measured on the calendar and, where a
/// length is needed (a simulation, a price a month), is the Gregorian average of [`Average`].
///
/// ```
/// use slacalc::period::Measure;
/// assert_eq!(Measure::parse("fortnight"), Some(Measure::Fortnight));
/// assert_eq!(Measure::Month.length().seconds_decimal(), "2629746");
/// assert_eq!(Measure::Fortnight.seconds(), 1_209_600);
/// assert_eq!(Measure::Quarter.per_year(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Two ISO weeks.
    Fortnight,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
}

impl Measure {
    /// All five, shortest first.
    pub const ALL: [Measure; 5] = [
        Measure::Week,
        Measure::Fortnight,
        Measure::Month,
        Measure::Quarter,
        Measure::Year,
    ];

    /// `"week"`, `"fortnight"`, `"month"`, `"quarter"` or `"year"`.
    pub fn parse(text: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.name() == text.trim())
    }

    /// `"week"` ... `"year"`.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Week => "week",
            Measure::Fortnight => "fortnight",
            Measure::Month => "month",
            Measure::Quarter => "quarter",
            Measure::Year => "year",
        }
    }

    /// Periods in 12 months.
    pub fn per_year(self) -> usize {
        match self {
            Measure::Week => 52,
            Measure::Fortnight => 26,
            Measure::Month => 12,
            Measure::Quarter => 4,
            Measure::Year => 1,
        }
    }

    /// The length: exact for weeks, the Gregorian average ([`Average`]) for months, quarters and years.
    pub fn length(self) -> ExactDuration {
        match self {
            Measure::Week => Average::Week.length(),
            // Two weeks: 1 209 600 s, well within the range of a duration.
            Measure::Fortnight => {
                ExactDuration::from_seconds(14 * 86_400).unwrap_or(ExactDuration::WEEK)
            }
            Measure::Month => Average::Month.length(),
            Measure::Quarter => Average::Quarter.length(),
            Measure::Year => Average::Year.length(),
        }
    }

    /// [`length`](Self::length) in whole seconds.
    pub fn seconds(self) -> i64 {
        (self.length().as_nanos() / 1_000_000_000) as i64
    }
}

impl Average {
    /// All five, shortest first.
    pub const ALL: [Average; 5] = [
        Average::Day,
        Average::Week,
        Average::Month,
        Average::Quarter,
        Average::Year,
    ];

    /// The exact length.
    pub const fn length(self) -> ExactDuration {
        let seconds = match self {
            Average::Day => 86_400,
            Average::Week => 604_800,
            Average::Month => 2_629_746,
            Average::Quarter => 7_889_238,
            Average::Year => 31_556_952,
        };
        match ExactDuration::from_seconds(seconds) {
            Some(d) => d,
            None => ExactDuration::ZERO,
        }
    }

    /// The name used in periods and in the API: `"day"`, ..., `"year"`.
    pub const fn name(self) -> &'static str {
        match self {
            Average::Day => "day",
            Average::Week => "week",
            Average::Month => "month",
            Average::Quarter => "quarter",
            Average::Year => "year",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Average::Day => "day (24 hours)",
            Average::Week => "week (7 days)",
            Average::Month => "average Gregorian month (30.436875 days)",
            Average::Quarter => "average Gregorian quarter (91.310625 days)",
            Average::Year => "average Gregorian year (365.2425 days)",
        }
    }
}

/// Which kind of calendar period a [`CalendarPeriod`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CalendarKind {
    /// A single date, `2026-03-01`.
    Day,
    /// An ISO 8601 week, Monday to Sunday, `2026-W09`.
    IsoWeek,
    /// A calendar month, `2026-02`.
    Month,
    /// A calendar quarter, `2026-Q1`.
    Quarter,
    /// A calendar year, `2026`.
    Year,
    /// A range of dates with an exclusive end, `2026-03-01/2026-03-15`.
    Range,
}

/// A stretch of whole UTC days: `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CalendarPeriod {
    kind: CalendarKind,
    start: NaiveDate,
    end: NaiveDate,
}

impl CalendarPeriod {
    /// The kind of period.
    pub fn kind(&self) -> CalendarKind {
        self.kind
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The day after the last day (the period ends at its midnight).
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// The number of days.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    fn last_day(&self) -> NaiveDate {
        self.end.pred_opt().unwrap_or(self.end)
    }

    /// The name without details: `February 2026`, `Q1 2026`, `2026`, `ISO week 9 of 2026`.
    fn name(&self) -> String {
        let s = self.start;
        match self.kind {
            CalendarKind::Day => long_date(s),
            CalendarKind::IsoWeek => format!(
                "ISO week {} of {}",
                s.iso_week().week(),
                s.iso_week().year()
            ),
            CalendarKind::Month => format!("{} {}", MONTHS[s.month0() as usize], s.year()),
            CalendarKind::Quarter => format!("Q{} {}", s.month0() / 3 + 1, s.year()),
            CalendarKind::Year => s.year().to_string(),
            CalendarKind::Range => format!("{} to {}", long_date(s), long_date(self.last_day())),
        }
    }

    fn label(&self) -> String {
        let days = self.days();
        let plural = if days == 1 { "day" } else { "days" };
        match self.kind {
            CalendarKind::Day => format!("{} (UTC)", self.name()),
            CalendarKind::IsoWeek | CalendarKind::Quarter => format!(
                "{} ({} to {}, {days} {plural}, UTC)",
                self.name(),
                long_date(self.start),
                long_date(self.last_day())
            ),
            _ => format!("{} ({days} {plural}, UTC)", self.name()),
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// A measurement period: what "measured every ..." in a contract refers to.
///
/// # Example: the three kinds
/// ```
/// use slacalc::Period;
/// assert_eq!(Period::parse("month")?.length().seconds_decimal(), "2629746");
/// assert_eq!(Period::parse("P14D")?.length().seconds_decimal(), "1209600");
/// let feb = Period::parse("2026-02")?;
/// assert_eq!(feb.length().seconds_decimal(), "2419200");
/// assert_eq!(feb.label(), "February 2026 (28 days, UTC)");
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A Gregorian average or a plain day or week.
    Average(Average),
    /// A fixed length given as an ISO 8601 duration.
    Fixed {
        /// The length.
        length: ExactDuration,
        /// How a person says it: "14 days", "2 weeks", "12 hours".
        phrase: String,
    },
    /// Specific calendar dates, in UTC.
    Calendar(CalendarPeriod),
}

impl Period {
    /// Reads a period: `day`, `week`, `month`, `quarter`, `year` (also `daily` ... `yearly`); an ISO 8601
    /// duration (`P14D`, `P2W`, `PT12H`); a calendar period (`2026-02`, `2026-Q1`, `2026`, `2026-W09`,
    /// `2026-03-01`); or a date range with an exclusive end (`2026-03-01/2026-03-15`).
    ///
    /// # Errors
    /// [`Error::Empty`]; [`Error::InvalidPeriod`] for text of no accepted form; [`Error::InvalidDuration`],
    /// [`Error::ZeroLength`] and [`Error::TooLong`] for durations; [`Error::InvalidDate`] for dates that do
    /// not exist (`2026-02-30`, `2026-Q5`, `2026-W54`); [`Error::ReversedRange`] for a range ending before it
    /// starts.
    pub fn parse(text: &str) -> Result<Period, Error> {
        let field = Field::Period;
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(Error::Empty { field });
        }
        let lower = trimmed.to_ascii_lowercase();
        let average = match lower.as_str() {
            "day" | "daily" => Some(Average::Day),
            "week" | "weekly" => Some(Average::Week),
            "month" | "monthly" => Some(Average::Month),
            "quarter" | "quarterly" => Some(Average::Quarter),
            "year" | "yearly" | "annual" | "annually" => Some(Average::Year),
            _ => None,
        };
        if let Some(average) = average {
            return Ok(Period::Average(average));
        }
        if lower.starts_with('p') {
            return Period::fixed(text, trimmed);
        }
        let calendar = match trimmed.split_once('/') {
            Some((start, end)) => range(text, start.trim(), end.trim())?,
            None => calendar(text, trimmed)?,
        };
        let length_ok = u64::try_from(calendar.days())
            .ok()
            .and_then(|d| d.checked_mul(86_400))
            .and_then(ExactDuration::from_seconds)
            .is_some();
        if !length_ok {
            return Err(Error::TooLong {
                field,
                value: text.to_string(),
            });
        }
        Ok(Period::Calendar(calendar))
    }

    fn fixed(text: &str, trimmed: &str) -> Result<Period, Error> {
        let field = Field::Period;
        let length = ExactDuration::parse(trimmed, field)?;
        if length.is_zero() {
            return Err(Error::ZeroLength {
                field,
                value: text.to_string(),
            });
        }
        if !length.is_whole_seconds() {
            return Err(Error::InvalidDuration {
                field,
                value: text.to_string(),
                reason: "a period must be a whole number of seconds".to_string(),
            });
        }
        let in_weeks = trimmed
            .to_ascii_uppercase()
            .trim_start_matches('P')
            .ends_with('W');
        Ok(Period::Fixed {
            length,
            phrase: fixed_phrase(length, in_weeks),
        })
    }

    /// The exact length of the period.
    pub fn length(&self) -> ExactDuration {
        match self {
            Period::Average(a) => a.length(),
            Period::Fixed { length, .. } => *length,
            Period::Calendar(c) => u64::try_from(c.days())
                .ok()
                .and_then(|d| ExactDuration::from_seconds(d * 86_400))
                .unwrap_or(ExactDuration::ZERO),
        }
    }

    /// Which convention the period uses: `"average"`, `"duration"` or `"calendar"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Period::Average(_) => "average",
            Period::Fixed { .. } => "duration",
            Period::Calendar(_) => "calendar",
        }
    }

    /// The period and the convention it uses, for people: `average Gregorian month (30.436875 days)`,
    /// `14 days`, `February 2026 (28 days, UTC)`.
    pub fn label(&self) -> String {
        match self {
            Period::Average(a) => a.label().to_string(),
            Period::Fixed { phrase, .. } => phrase.clone(),
            Period::Calendar(c) => c.label(),
        }
    }

    /// The calendar dates, if the period has any.
    pub fn calendar(&self) -> Option<&CalendarPeriod> {
        match self {
            Period::Calendar(c) => Some(c),
            _ => None,
        }
    }

    /// How a sentence says "measured over ...": `14 days`, `an average Gregorian month (30.436875 days)`.
    pub(crate) fn over_phrase(&self) -> String {
        match self {
            Period::Average(a @ (Average::Day | Average::Week)) => format!("a {}", a.name()),
            Period::Average(a) => format!("an {}", a.label()),
            Period::Fixed { phrase, .. } => phrase.clone(),
            Period::Calendar(c) => c.name(),
        }
    }

    /// How a sentence says "... every fortnight" or "... in February 2026".
    pub(crate) fn every_phrase(&self) -> String {
        match self {
            Period::Average(a) => format!("every {}", a.name()),
            Period::Fixed { length, phrase } => {
                let seconds = length.as_nanos() / 1_000_000_000;
                match seconds {
                    3_600 => "every hour".to_string(),
                    86_400 => "every day".to_string(),
                    604_800 => "every week".to_string(),
                    1_209_600 => "every fortnight".to_string(),
                    _ => format!("every {phrase}"),
                }
            }
            Period::Calendar(c) => format!("in {}", c.name()),
        }
    }
}

fn fixed_phrase(length: ExactDuration, in_weeks: bool) -> String {
    let seconds = length.as_nanos() / 1_000_000_000;
    let count = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if in_weeks && seconds % 604_800 == 0 {
        count(seconds / 604_800, "week", "weeks")
    } else if seconds % 86_400 == 0 {
        count(seconds / 86_400, "day", "days")
    } else if seconds % 3_600 == 0 {
        count(seconds / 3_600, "hour", "hours")
    } else if seconds % 60 == 0 && seconds < 3_600 {
        count(seconds / 60, "minute", "minutes")
    } else {
        length.to_string()
    }
}

fn invalid_date(text: &str, reason: impl Into<String>) -> Error {
    Error::InvalidDate {
        field: Field::Period,
        value: text.to_string(),
        reason: reason.into(),
    }
}

/// Reads exactly `len` ASCII digits.
fn digits(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn year(text: &str, s: &str) -> Result<i32, Error> {
    match digits(s, 4) {
        Some(0) => Err(invalid_date(text, "years run from 0001 to 9999")),
        Some(y) => Ok(y as i32),
        None => Err(Error::InvalidPeriod {
            value: text.to_string(),
        }),
    }
}

fn date(text: &str, s: &str) -> Result<NaiveDate, Error> {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts[..] else {
        return Err(Error::InvalidPeriod {
            value: text.to_string(),
        });
    };
    let (Some(m), Some(d)) = (digits(m, 2), digits(d, 2)) else {
        return Err(Error::InvalidPeriod {
            value: text.to_string(),
        });
    };
    let y = year(text, y)?;
    if !(1..=12).contains(&m) {
        return Err(invalid_date(
            text,
            format!("there is no month {m:02}: months run from 01 to 12"),
        ));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let days = days_in_month(y, m);
        invalid_date(
            text,
            format!("{} {y} has {days} days", MONTHS[m as usize - 1]),
        )
    })
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    match (NaiveDate::from_ymd_opt(y, m, 1), next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 31,
    }
}

fn calendar(text: &str, s: &str) -> Result<CalendarPeriod, Error> {
    let bad = || Error::InvalidPeriod {
        value: text.to_string(),
    };
    if !s.is_ascii() {
        return Err(bad());
    }
    let upper = s.to_ascii_uppercase();
    let (kind, start, end) = match upper.len() {
        4 => {
            let y = year(text, &upper)?;
            (CalendarKind::Year, ymd(y, 1, 1), ymd(y + 1, 1, 1))
        }
        7 if upper.as_bytes()[4] == b'-' && upper.as_bytes()[5] == b'Q' => {
            let y = year(text, &upper[..4])?;
            match digits(&upper[6..], 1) {
                Some(q @ 1..=4) => (
                    CalendarKind::Quarter,
                    ymd(y, 3 * q - 2, 1),
                    next_quarter(y, q),
                ),
                Some(q) => {
                    return Err(invalid_date(
                        text,
                        format!("there is no quarter Q{q}: a year has Q1 to Q4"),
                    ))
                }
                None => return Err(bad()),
            }
        }
        7 if upper.as_bytes()[4] == b'-' => {
            let y = year(text, &upper[..4])?;
            match digits(&upper[5..], 2) {
                Some(m @ 1..=12) => {
                    let end = if m == 12 {
                        ymd(y + 1, 1, 1)
                    } else {
                        ymd(y, m + 1, 1)
                    };
                    (CalendarKind::Month, ymd(y, m, 1), end)
                }
                Some(m) => {
                    return Err(invalid_date(
                        text,
                        format!("there is no month {m:02}: months run from 01 to 12"),
                    ))
                }
                None => return Err(bad()),
            }
        }
        8 if &upper[4..6] == "-W" => {
            let y = year(text, &upper[..4])?;
            let w = digits(&upper[6..], 2).ok_or_else(bad)?;
            let start = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).ok_or_else(|| {
                let weeks = NaiveDate::from_ymd_opt(y, 12, 28).map_or(52, |d| d.iso_week().week());
                invalid_date(
                    text,
                    format!("there is no week {w:02}: {y} has ISO weeks 01 to {weeks}"),
                )
            })?;
            (
                CalendarKind::IsoWeek,
                Some(start),
                start.checked_add_days(chrono::Days::new(7)),
            )
        }
        10 => {
            let d = date(text, &upper)?;
            (CalendarKind::Day, Some(d), d.succ_opt())
        }
        _ => return Err(bad()),
    };
    match (start, end) {
        (Some(start), Some(end)) => Ok(CalendarPeriod { kind, start, end }),
        _ => Err(invalid_date(text, "years run from 0001 to 9999")),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn next_quarter(y: i32, q: u32) -> Option<NaiveDate> {
    if q == 4 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, 3 * q + 1, 1)
    }
}

fn range(text: &str, start: &str, end: &str) -> Result<CalendarPeriod, Error> {
    let start = date(text, start)?;
    let end = date(text, end)?;
    if end < start {
        return Err(Error::ReversedRange {
            value: text.to_string(),
        });
    }
    if end == start {
        return Err(Error::ZeroLength {
            field: Field::Period,
            value: text.to_string(),
        });
    }
    Ok(CalendarPeriod {
        kind: CalendarKind::Range,
        start,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn seconds(text: &str) -> String {
        Period::parse(text).unwrap().length().seconds_decimal()
    }

    #[track_caller]
    fn error(text: &str) -> (&'static str, String) {
        let e = Period::parse(text).unwrap_err();
        assert_eq!(e.field(), Field::Period, "{text}");
        (e.code(), e.to_string())
    }

    #[test]
    fn averages_follow_the_gregorian_cycle() {
        // 146 097 days in 400 years: 365.2425 days a year, 30.436875 a month, 91.310625 a quarter.
        assert_eq!(seconds("day"), "86400");
        assert_eq!(seconds("week"), "604800");
        assert_eq!(seconds("month"), (146_097u64 * 86_400 / 4_800).to_string());
        assert_eq!(
            seconds("quarter"),
            (146_097u64 * 86_400 / 1_600).to_string()
        );
        assert_eq!(seconds("Year"), (146_097u64 * 86_400 / 400).to_string());
        assert_eq!(seconds("monthly"), "2629746");
    }

    #[test]
    fn calendar_periods_have_their_real_lengths() {
        assert_eq!(seconds("2026-02"), (28 * 86_400).to_string());
        assert_eq!(seconds("2024-02"), (29 * 86_400).to_string());
        assert_eq!(seconds("2026-Q1"), (90 * 86_400).to_string());
        assert_eq!(seconds("2024-Q1"), (91 * 86_400).to_string());
        assert_eq!(seconds("2026-Q3"), (92 * 86_400).to_string());
        assert_eq!(seconds("2026-q4"), (92 * 86_400).to_string());
        assert_eq!(seconds("2026"), (365 * 86_400).to_string());
        assert_eq!(seconds("2024"), (366 * 86_400).to_string());
        assert_eq!(seconds("2026-W09"), (7 * 86_400).to_string());
        assert_eq!(seconds("2026-03-01/2026-03-15"), (14 * 86_400).to_string());
        assert_eq!(seconds("2026-03-01"), "86400");
    }

    #[test]
    fn labels_say_which_convention() {
        let label = |t: &str| Period::parse(t).unwrap().label();
        assert_eq!(label("month"), "average Gregorian month (30.436875 days)");
        assert_eq!(label("P14D"), "14 days");
        assert_eq!(label("P2W"), "2 weeks");
        assert_eq!(label("PT12H"), "12 hours");
        assert_eq!(label("PT90M"), "1 h 30 min");
        assert_eq!(label("PT45M"), "45 minutes");
        assert_eq!(label("P1DT30M"), "1 d 30 min");
        assert_eq!(label("2026-02"), "February 2026 (28 days, UTC)");
        assert_eq!(
            label("2026-Q1"),
            "Q1 2026 (1 January 2026 to 31 March 2026, 90 days, UTC)"
        );
        // ISO week 9 of 2026 runs from Monday 23 February to Sunday 1 March.
        assert_eq!(
            label("2026-W09"),
            "ISO week 9 of 2026 (23 February 2026 to 1 March 2026, 7 days, UTC)"
        );
        // 2026-W01 starts on Monday 29 December 2025.
        assert_eq!(
            Period::parse("2026-W01")
                .unwrap()
                .calendar()
                .unwrap()
                .start(),
            ymd(2025, 12, 29).unwrap()
        );
        assert_eq!(
            label("2026-03-01/2026-03-15"),
            "1 March 2026 to 14 March 2026 (14 days, UTC)"
        );
        assert_eq!(label("2026"), "2026 (365 days, UTC)");
        assert_eq!(label("2026-03-01"), "1 March 2026 (UTC)");
    }

    #[test]
    fn refuses_bad_periods() {
        assert_eq!(error("").0, "empty");
        assert_eq!(error("fortnightly").0, "invalid_period");
        assert_eq!(error("P0D").0, "zero_length");
        assert_eq!(
            error("PT0.5S").1,
            r#"period "PT0.5S" is not a duration: a period must be a whole number of seconds"#
        );
        assert_eq!(error("P1000000Y").0, "invalid_duration");
        assert_eq!(error("P40000D").0, "too_long");
        assert_eq!(
            error("2026-02-30"),
            (
                "invalid_date",
                r#"period "2026-02-30" is not a valid date: February 2026 has 28 days"#.into()
            )
        );
        assert_eq!(
            error("2026-13").1,
            r#"period "2026-13" is not a valid date: there is no month 13: months run from 01 to 12"#
        );
        assert_eq!(
            error("2026-Q5").1,
            r#"period "2026-Q5" is not a valid date: there is no quarter Q5: a year has Q1 to Q4"#
        );
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027 starts on a Friday and has 52.
        assert_eq!(
            error("2026-W54").1,
            r#"period "2026-W54" is not a valid date: there is no week 54: 2026 has ISO weeks 01 to 53"#
        );
        assert_eq!(
            error("2027-W53").1,
            r#"period "2027-W53" is not a valid date: there is no week 53: 2027 has ISO weeks 01 to 52"#
        );
        assert!(Period::parse("2026-W53").is_ok());
        assert_eq!(error("2026-03-15/2026-03-01").0, "reversed_range");
        assert_eq!(error("2026-03-15/2026-03-15").0, "zero_length");
        assert_eq!(error("0000").0, "invalid_date");
        assert_eq!(error("1000-01-01/9999-01-01").0, "too_long");
        assert_eq!(error("26-02").0, "invalid_period");
        assert_eq!(error("2026-2").0, "invalid_period");
        assert_eq!(error("2026/").0, "invalid_period");
    }
}
