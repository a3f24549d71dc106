//! Service calendars: the hours a service is promised in a time zone, less holidays and planned
//! maintenance, and the service time they contain between any two instants.
//!
//! # The calendar, as text
//! A calendar is a time zone, a weekly schedule, holidays and exclusions, all written as short strings so
//! that a calendar fits in a link (see [`CalendarSpec`]):
//! - weekly hours per weekday: `"09:00-17:00"`, `"08:00-12:00, 13:00-17:00"`, `"00:00-24:00"`; a range
//!   that ends before it starts runs overnight (`"22:00-06:00"`) and belongs to the day it starts;
//! - holidays: a date `"2026-12-25"`, a range of dates with both ends included `"2026-12-24..2026-12-26"`,
//!   a date every year `"12-25"`, a weekday of a month `"4th thu of nov"`, `"last mon of may"`, or a day
//!   relative to Easter Sunday `"easter-2"` (Good Friday), `"easter+1"` (Easter Monday);
//! - exclusions (planned maintenance, not counted as service time): local times `"2026-03-01T02:00/2026-03-01T04:00"`,
//!   every week `"sun 02:00-04:00"`, every month `"1st sat 22:00-02:00"`, every day `"daily 01:00-01:30"`.
//!
//! # Conventions
//! - Service time is real elapsed time: a 22:00-06:00 shift is 7 h on the spring-forward night and 9 h on
//!   the fall-back night in Europe. Local times in a DST gap move forward, in a fold take the first
//!   (see [`crate::zone`]).
//! - A holiday removes the service hours that **start** on it: an overnight shift that starts the evening
//!   before a holiday runs as usual into it, and the one that starts on the holiday evening does not run.
//! - Exclusions are subtracted from service hours; exclusion windows may cross midnight.

use chrono::{Datelike, NaiveDate as Date, Weekday};

pub mod hours;

use crate::error::{Error, Field};
use crate::zone::Zone;

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

const TITLES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn clock(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A calendar as plain strings, the shape of the JSON object the JavaScript API and the page use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarSpec {
    /// IANA time zone name, `"Europe/London"`, or `"UTC"`.
    pub time_zone: String,
    /// Service hours for Monday to Sunday, e.g. `["09:00-17:00", ..., "", ""]`.
    pub weekly: [String; 7],
    /// Holiday rules.
    pub holidays: Vec<String>,
    /// Exclusions (planned maintenance).
    pub exclusions: Vec<String>,
}

/// One range of service hours on a weekday, in minutes after local midnight. When `end <= start` the range
/// runs overnight and ends on the next day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hours {
    start: u32,
    end: u32,
}

impl Hours {
    fn overnight(self) -> bool {
        self.end <= self.start
    }

    /// Length on a day without a clock change, in minutes.
    fn minutes(self) -> u32 {
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
    fn matches(&self, d: Date) -> bool {
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
fn days_in_month(d: Date) -> u32 {
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

/// A service calendar: weekly hours in a time zone, less holidays and exclusions.
///
/// # Example: business hours around a holiday
/// ```
/// use slacalc::calendar::{Calendar, CalendarSpec};
/// use slacalc::zone::Zone;
/// let mut spec = CalendarSpec { time_zone: "UTC".into(), ..Default::default() };
/// for day in 0..5 {
///     spec.weekly[day] = "09:00-17:00".into();
/// }
/// spec.holidays = vec!["2026-12-25".into()];
/// let calendar = Calendar::new(&spec, Zone::utc())?;
/// // 21 to 27 December 2026: Monday to Friday, less Christmas Day: 4 x 8 h.
/// let date = |d| chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// let week = calendar.schedule(date(21), date(28))?;
/// assert_eq!(week.total_seconds(), 4 * 8 * 3600);
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Calendar {
    zone: Zone,
    weekly: [Vec<Hours>; 7],
    holidays: Vec<Holiday>,
    exclusions: Vec<Exclusion>,
}

/// The most rules of each kind a calendar may have.
pub const MAX_RULES: usize = 1000;

/// The most days a schedule covers: 100 years, widened to whole years at both ends (periods that
/// overlap a span are measured whole).
pub const MAX_SCHEDULE_DAYS: i64 = 36_525 + 2 * 366;

/// The most intervals of service and excluded time a schedule is built from (16 bytes each): the bound
/// on the memory one calculation on service hours takes.
pub const MAX_INTERVALS: u64 = 1_000_000;

fn invalid(part: &str, value: &str, reason: impl Into<String>) -> Error {
    Error::InvalidCalendar {
        part: part.to_string(),
        value: value.to_string(),
        reason: reason.into(),
    }
}

impl Calendar {
    /// Reads a calendar in `zone` (the zone named by `spec.time_zone`, already loaded by the caller).
    ///
    /// # Errors
    /// [`Error::InvalidCalendar`] naming the part (`weekly.mon`, `holidays[2]`, `exclusions[0]`) for text
    /// that cannot be read, [`Error::OverlappingHours`] for service hours that overlap.
    pub fn new(spec: &CalendarSpec, zone: Zone) -> Result<Calendar, Error> {
        let mut weekly: [Vec<Hours>; 7] = Default::default();
        for (i, text) in spec.weekly.iter().enumerate() {
            let part = format!("weekly.{}", WEEKDAYS[i].0);
            weekly[i] = parse_hours_list(&part, text)?;
        }
        check_overlaps(&weekly, &spec.weekly)?;
        if spec.holidays.len() > MAX_RULES || spec.exclusions.len() > MAX_RULES {
            return Err(invalid(
                "holidays",
                "",
                format!("at most {MAX_RULES} holidays and {MAX_RULES} exclusions"),
            ));
        }
        let holidays = spec
            .holidays
            .iter()
            .enumerate()
            .map(|(i, t)| parse_holiday(&format!("holidays[{i}]"), t))
            .collect::<Result<Vec<_>, _>>()?;
        let exclusions = spec
            .exclusions
            .iter()
            .enumerate()
            .map(|(i, t)| parse_exclusion(&format!("exclusions[{i}]"), t, &zone))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Calendar {
            zone,
            weekly,
            holidays,
            exclusions,
        })
    }

    /// The time zone.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// The weekly hours in short, as [`hours::write`] writes them: `Mon-Fri 09:00-17:00; Sat
    /// 10:00-14:00`, `24x7`, or `no service hours`.
    pub fn summary(&self) -> String {
        match hours::write(&self.weekly).as_str() {
            "none" => "no service hours".to_string(),
            text => text.to_string(),
        }
    }

    /// The number of holiday rules and of exclusion rules.
    pub fn rule_counts(&self) -> (usize, usize) {
        (self.holidays.len(), self.exclusions.len())
    }

    /// Service time in a typical week (no holiday, no clock change, no monthly exclusion), in seconds.
    pub fn typical_week_seconds(&self) -> i64 {
        let mut minute = [false; 7 * 1440];
        for (day, ranges) in self.weekly.iter().enumerate() {
            for h in ranges {
                mark(&mut minute, day, *h, true);
            }
        }
        for e in &self.exclusions {
            match *e {
                Exclusion::Daily(h) => (0..7).for_each(|day| mark(&mut minute, day, h, false)),
                Exclusion::Weekly(w, h) => {
                    mark(&mut minute, w.num_days_from_monday() as usize, h, false)
                }
                _ => {}
            }
        }
        minute.iter().filter(|m| **m).count() as i64 * 60
    }

    /// The service intervals between the local midnights that start `from` and `to`, ready for queries.
    ///
    /// # Errors
    /// [`Error::TooLong`] beyond [`MAX_SCHEDULE_DAYS`]; [`Error::TooLarge`] when the service hours and
    /// exclusions over the span come to more than [`MAX_INTERVALS`]; date errors at the ends of the
    /// calendar.
    pub fn schedule(&self, from: Date, to: Date) -> Result<Schedule, Error> {
        let days = (to - from).num_days();
        if days > MAX_SCHEDULE_DAYS {
            return Err(Error::TooLong {
                field: Field::Calendar,
                value: format!("{from}/{to}"),
            });
        }
        self.check_size(from, to, days)?;
        let lo = self.zone.instant(from, 0)?;
        let hi = self.zone.instant(to, 0)?.max(lo);
        let mut service = Vec::new();
        let mut excluded = Vec::new();
        for (a, b) in self.exclusions.iter().filter_map(|e| match e {
            Exclusion::Between(a, b) => Some((*a, *b)),
            _ => None,
        }) {
            excluded.push((a, b));
        }
        let mut day = from.pred_opt().unwrap_or(from);
        while day < to {
            let weekday = day.weekday().num_days_from_monday() as usize;
            if !self.holidays.iter().any(|h| h.matches(day)) {
                for h in &self.weekly[weekday] {
                    service.push(self.interval(day, *h)?);
                }
            }
            for e in &self.exclusions {
                let hours = match *e {
                    Exclusion::Daily(h) => Some(h),
                    Exclusion::Weekly(w, h) if w == day.weekday() => Some(h),
                    Exclusion::Monthly {
                        nth,
                        weekday,
                        hours,
                    } if Holiday::NthWeekday {
                        nth,
                        weekday,
                        month: day.month(),
                    }
                    .matches(day) =>
                    {
                        Some(hours)
                    }
                    _ => None,
                };
                if let Some(h) = hours {
                    excluded.push(self.interval(day, h)?);
                }
            }
            day = day.succ_opt().ok_or_else(|| Error::TooLong {
                field: Field::Calendar,
                value: day.to_string(),
            })?;
        }
        let service = merge(service, lo, hi);
        let excluded = merge(excluded, lo, hi);
        Ok(Schedule::new(lo, hi, subtract(&service, &excluded)))
    }

    /// Refuses a span over which the service hours and exclusions would come to more than
    /// [`MAX_INTERVALS`] intervals, before any is made: an upper bound, counted per weekday.
    fn check_size(&self, from: Date, to: Date, days: i64) -> Result<(), Error> {
        // Each weekday occurs at most days / 7 + 1 times (one day before `from` is expanded too).
        let per_weekday = (days.max(0) as u64 + 1) / 7 + 1;
        let service: u64 = self
            .weekly
            .iter()
            .map(|h| h.len() as u64 * per_weekday)
            .sum();
        let excluded: u64 = self
            .exclusions
            .iter()
            .map(|e| match e {
                Exclusion::Between(..) => 1,
                Exclusion::Daily(_) => 7 * per_weekday,
                Exclusion::Weekly(..) => per_weekday,
                // Once a month: at most one day in 28.
                Exclusion::Monthly { .. } => days.max(0) as u64 / 28 + 2,
            })
            .sum();
        let total = service + excluded;
        if total <= MAX_INTERVALS {
            return Ok(());
        }
        let (part, fewer) = if excluded > service {
            ("exclusions", "fewer daily or weekly exclusions")
        } else {
            ("hours", "fewer ranges of service hours a day")
        };
        Err(Error::TooLarge {
            field: Field::Calendar,
            part: part.to_string(),
            reason: format!(
                "from {from} to {to} the service hours and exclusions come to about {} intervals, and one \
                 calculation holds at most {}: measure a shorter span, or use {fewer}",
                crate::decimal::group_digits(total),
                crate::decimal::group_digits(MAX_INTERVALS)
            ),
        })
    }

    fn interval(&self, day: Date, h: Hours) -> Result<(i64, i64), Error> {
        let start = self.zone.instant(day, h.start)?;
        let end = self
            .zone
            .instant(day, if h.overnight() { h.end + 1440 } else { h.end })?;
        Ok((start, end))
    }
}

fn mark(minute: &mut [bool; 7 * 1440], day: usize, h: Hours, value: bool) {
    let start = day * 1440 + h.start as usize;
    for m in start..start + h.minutes() as usize {
        minute[m % (7 * 1440)] = value;
    }
}

/// Sorted, disjoint intervals, clipped to `[lo, hi)`.
fn merge(mut intervals: Vec<(i64, i64)>, lo: i64, hi: i64) -> Vec<(i64, i64)> {
    intervals.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (a, b) in intervals {
        let (a, b) = (a.max(lo), b.min(hi));
        if a >= b {
            continue;
        }
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// `service` less `excluded`; both sorted and disjoint.
fn subtract(service: &[(i64, i64)], excluded: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::with_capacity(service.len());
    let mut j = 0;
    for &(mut a, b) in service {
        while j < excluded.len() && excluded[j].1 <= a {
            j += 1;
        }
        let mut k = j;
        while k < excluded.len() && excluded[k].0 < b {
            if excluded[k].0 > a {
                out.push((a, excluded[k].0));
            }
            a = a.max(excluded[k].1);
            k += 1;
        }
        if a < b {
            out.push((a, b));
        }
    }
    out
}

/// Service intervals expanded once, answering "how much service time lies in [a, b)" and "when have N
/// seconds of service time passed" by binary search, in O(log n).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    lo: i64,
    hi: i64,
    starts: Vec<i64>,
    ends: Vec<i64>,
    /// Service seconds before each interval.
    before: Vec<i64>,
    /// Service seconds up to the end of each interval.
    after: Vec<i64>,
}

impl Schedule {
    fn new(lo: i64, hi: i64, intervals: Vec<(i64, i64)>) -> Schedule {
        let mut before = Vec::with_capacity(intervals.len());
        let mut after = Vec::with_capacity(intervals.len());
        let mut total = 0;
        for (a, b) in &intervals {
            before.push(total);
            total += b - a;
            after.push(total);
        }
        let (starts, ends) = intervals.into_iter().unzip();
        Schedule {
            lo,
            hi,
            starts,
            ends,
            before,
            after,
        }
    }

    /// The instants the schedule covers: `[start, end)`.
    pub fn span(&self) -> (i64, i64) {
        (self.lo, self.hi)
    }

    /// The number of service intervals.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there is no service time at all.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// All service time in the schedule, in seconds.
    pub fn total_seconds(&self) -> i64 {
        self.cumulative(self.hi)
    }

    /// The service intervals, as instants.
    pub fn intervals(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.starts.iter().copied().zip(self.ends.iter().copied())
    }

    /// Service seconds before instant `t` (clamped to the span).
    fn cumulative(&self, t: i64) -> i64 {
        let mut hint = 0;
        self.cumulative_from(t, &mut hint)
    }

    /// Service seconds before instant `t`, looking for `t`'s interval from `hint` on and leaving it there:
    /// read at instants in order, each read costs O(1) amortized.
    pub(crate) fn cumulative_from(&self, t: i64, hint: &mut usize) -> i64 {
        *hint = count_up_to(&self.starts, *hint, t);
        let i = *hint;
        if i == 0 {
            return 0;
        }
        self.before[i - 1] + t.min(self.ends[i - 1]) - self.starts[i - 1]
    }

    /// Service seconds in `[a, b)`; `None` when the interval is not inside the span.
    pub fn service_seconds(&self, a: i64, b: i64) -> Option<i64> {
        (self.lo <= a && a <= b && b <= self.hi).then(|| self.cumulative(b) - self.cumulative(a))
    }

    /// The instant at which `seconds` of service time have passed since `a`; `None` when `a` is outside the
    /// span or the span ends first.
    pub fn add_service(&self, a: i64, seconds: i64) -> Option<i64> {
        if a < self.lo || a > self.hi || seconds < 0 {
            return None;
        }
        if seconds == 0 {
            return Some(a);
        }
        let target = self.cumulative(a) + seconds;
        // The first interval by whose end the target is reached.
        let k = self.after.partition_point(|&after| after < target);
        (k < self.starts.len()).then(|| self.starts[k] + target - self.before[k])
    }
}

/// The number of leading items of the sorted `items` that are at most `t`, looked for from `hint` on: a
/// few steps forward, then a binary search of the rest (a `hint` past `t` searches the whole).
pub(crate) fn count_up_to(items: &[i64], hint: usize, t: i64) -> usize {
    if hint > items.len() || (hint > 0 && items[hint - 1] > t) {
        return items.partition_point(|x| *x <= t);
    }
    let mut i = hint;
    for _ in 0..8 {
        if i < items.len() && items[i] <= t {
            i += 1;
        } else {
            return i;
        }
    }
    i + items[i..].partition_point(|x| *x <= t)
}

fn parse_clock(part: &str, whole: &str, text: &str) -> Result<u32, Error> {
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

fn parse_range(part: &str, whole: &str, text: &str) -> Result<Hours, Error> {
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

fn parse_hours_list(part: &str, text: &str) -> Result<Vec<Hours>, Error> {
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
fn check_overlaps(weekly: &[Vec<Hours>; 7], texts: &[String; 7]) -> Result<(), Error> {
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

fn parse_weekday(text: &str) -> Option<Weekday> {
    const FULL: [&str; 7] = [
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

fn parse_month(text: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
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

fn parse_nth(text: &str) -> Option<i8> {
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

fn parse_date(text: &str) -> Option<Date> {
    crate::zone::parse_civil_date(text.trim())
}

fn parse_holiday(part: &str, text: &str) -> Result<Holiday, Error> {
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

fn parse_local_instant(part: &str, whole: &str, text: &str, zone: &Zone) -> Result<i64, Error> {
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

fn parse_exclusion(part: &str, text: &str, zone: &Zone) -> Result<Exclusion, Error> {
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

/// The presets the page offers.
pub fn preset(name: &str) -> Option<CalendarSpec> {
    let days = |mon_fri: &str, sat_sun: &str| {
        let mut w: [String; 7] = Default::default();
        for (i, d) in w.iter_mut().enumerate() {
            *d = if i < 5 { mon_fri } else { sat_sun }.to_string();
        }
        w
    };
    let spec = |weekly, exclusions: &[&str]| CalendarSpec {
        time_zone: "UTC".to_string(),
        weekly,
        holidays: Vec::new(),
        exclusions: exclusions.iter().map(|s| s.to_string()).collect(),
    };
    Some(match name {
        "24x7" => spec(days("00:00-24:00", "00:00-24:00"), &[]),
        "24x5" => spec(days("00:00-24:00", ""), &[]),
        "8x5" => spec(days("09:00-17:00", ""), &[]),
        "12x5" => spec(days("07:00-19:00", ""), &[]),
        "24x7-maintenance" => spec(days("00:00-24:00", "00:00-24:00"), &["sun 02:00-04:00"]),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zone::tests::date;
    use crate::zone::tests::zone;

    fn spec(zone: &str, weekly: [&str; 7]) -> CalendarSpec {
        CalendarSpec {
            time_zone: zone.to_string(),
            weekly: weekly.map(String::from),
            ..Default::default()
        }
    }

    const OFFICE: [&str; 7] = [
        "09:00-17:00",
        "09:00-17:00",
        "09:00-17:00",
        "09:00-17:00",
        "09:00-17:00",
        "",
        "",
    ];

    fn at(zone: &Zone, d: Date, hh: u32, mm: u32) -> i64 {
        zone.instant(d, hh * 60 + mm).unwrap()
    }

    #[track_caller]
    fn error(spec: &CalendarSpec) -> (String, &'static str, String) {
        let e = Calendar::new(spec, Zone::utc()).unwrap_err();
        (
            e.part().unwrap_or_default().to_string(),
            e.code(),
            e.to_string(),
        )
    }

    /// Source: moment-business-time's tests (Mon-Fri 09:00-17:00).
    #[test]
    fn published_business_time_cases() {
        let utc = Zone::utc();
        let c = Calendar::new(&spec("UTC", OFFICE), utc.clone()).unwrap();
        let s = c.schedule(date(2015, 2, 1), date(2015, 3, 31)).unwrap();
        // 2015-02-26 10:12:34 + 9 business hours = 2015-02-27 11:12:34.
        let start = at(&utc, date(2015, 2, 26), 10, 12) + 34;
        assert_eq!(
            s.add_service(start, 9 * 3600),
            Some(at(&utc, date(2015, 2, 27), 11, 12) + 34)
        );
        // + 19 h = 2015-03-02 13:12:34.
        assert_eq!(
            s.add_service(start, 19 * 3600),
            Some(at(&utc, date(2015, 3, 2), 13, 12) + 34)
        );
        // From 2015-02-27 10:00 to 2015-03-02 13:30 = 11.5 h.
        let a = at(&utc, date(2015, 2, 27), 10, 0);
        let b = at(&utc, date(2015, 3, 2), 13, 30);
        assert_eq!(s.service_seconds(a, b), Some(11 * 3600 + 1800));
    }

    /// Source: businesstimedelta's tests: Sat 2016-01-23 13:14 + 2 business hours = Mon 2016-01-25 11:00;
    /// and ServiceNow's docs: Friday 21:00 to Monday 09:30 is 1 h 30 min of business time (60 h 30 min actual).
    #[test]
    fn more_published_cases() {
        let utc = Zone::utc();
        let c = Calendar::new(&spec("UTC", OFFICE), utc.clone()).unwrap();
        let s = c.schedule(date(2016, 1, 1), date(2016, 2, 1)).unwrap();
        assert_eq!(
            s.add_service(at(&utc, date(2016, 1, 23), 13, 14), 7200),
            Some(at(&utc, date(2016, 1, 25), 11, 0))
        );
        // Friday 2016-01-22 21:00 to Monday 09:30 (the weekday pattern is what matters).
        let (a, b) = (
            at(&utc, date(2016, 1, 22), 21, 0),
            at(&utc, date(2016, 1, 25), 9, 30),
        );
        assert_eq!(b - a, 60 * 3600 + 1800);
        assert_eq!(s.service_seconds(a, b), Some(1800));
        // The ServiceNow case counts 08:00-17:00 hours: 1 h 30 min by 09:30.
        let mut early = spec("UTC", OFFICE);
        early.weekly[..5]
            .iter_mut()
            .for_each(|d| *d = "08:00-17:00".into());
        let s = Calendar::new(&early, utc)
            .unwrap()
            .schedule(date(2016, 1, 1), date(2016, 2, 1))
            .unwrap();
        assert_eq!(s.service_seconds(a, b), Some(5400));
    }

    /// Source: opening_hours.js tests (Europe/Berlin): daily 15:00-03:00 from 2015-03-29 to 2015-04-05
    /// loses 1 h to the spring-forward night.
    #[test]
    fn overnight_hours_across_spring_forward() {
        let berlin = zone("Europe/Berlin");
        let c = Calendar::new(&spec("Europe/Berlin", ["15:00-03:00"; 7]), berlin.clone()).unwrap();
        let s = c.schedule(date(2015, 3, 20), date(2015, 4, 10)).unwrap();
        let (a, b) = (
            at(&berlin, date(2015, 3, 29), 0, 0),
            at(&berlin, date(2015, 4, 5), 0, 0),
        );
        // Without a clock change: the tail of the shift that started on the 28th (00:00-03:00, 3 h), six
        // whole shifts (29 March to 3 April, 12 h each) and the start of the 4 April shift (15:00-24:00, 9 h).
        let plain = 3 * 3600 + 6 * 12 * 3600 + 9 * 3600;
        // The clocks went forward at 02:00 on the 29th, inside that first tail: 1 h less.
        assert_eq!(s.service_seconds(a, b), Some(plain - 3600));
    }

    #[test]
    fn night_shifts_are_real_elapsed_time() {
        let london = zone("Europe/London");
        let c = Calendar::new(&spec("Europe/London", ["22:00-06:00"; 7]), london.clone()).unwrap();
        let s = c.schedule(date(2026, 1, 1), date(2027, 1, 1)).unwrap();
        let night = |d: Date| {
            let start = at(&london, d, 22, 0);
            s.service_seconds(start, start + 12 * 3600).unwrap()
        };
        assert_eq!(
            night(date(2026, 3, 28)),
            7 * 3600,
            "spring forward, 29 March 2026"
        );
        assert_eq!(
            night(date(2026, 10, 24)),
            9 * 3600,
            "fall back, 25 October 2026"
        );
        assert_eq!(night(date(2026, 6, 1)), 8 * 3600);
        // A year: 365 nights of 8 h, one 1 h shorter, one 1 h longer; the last night runs into 2027 and the
        // first hours of 1 January 2026 belong to the night of 31 December 2025.
        assert_eq!(s.total_seconds(), 365 * 8 * 3600);
    }

    #[test]
    fn north_america_changes_clocks_on_other_days() {
        let ny = zone("America/New_York");
        let c = Calendar::new(&spec("America/New_York", ["00:00-24:00"; 7]), ny.clone()).unwrap();
        let s = c.schedule(date(2026, 3, 1), date(2026, 12, 1)).unwrap();
        let day = |d: Date| {
            s.service_seconds(at(&ny, d, 0, 0), at(&ny, d.succ_opt().unwrap(), 0, 0))
                .unwrap()
        };
        assert_eq!(day(date(2026, 3, 8)), 23 * 3600);
        assert_eq!(day(date(2026, 11, 1)), 25 * 3600);
        assert_eq!(day(date(2026, 3, 29)), 24 * 3600);
    }

    /// Samoa skipped 30 December 2011 when it moved across the date line.
    #[test]
    fn a_zone_that_skips_a_day() {
        let apia = zone("Pacific/Apia");
        let c = Calendar::new(&spec("Pacific/Apia", ["00:00-24:00"; 7]), apia.clone()).unwrap();
        let s = c.schedule(date(2011, 12, 28), date(2012, 1, 3)).unwrap();
        // 29 December ends at the same instant 31 December starts: no service time on the 30th.
        assert_eq!(
            at(&apia, date(2011, 12, 30), 0, 0),
            at(&apia, date(2011, 12, 31), 0, 0)
        );
        // 28 December to 2 January local: 6 calendar days, of which one did not happen.
        assert_eq!(s.total_seconds(), 5 * 86_400);
    }

    #[test]
    fn holidays_remove_the_shifts_that_start_on_them() {
        let mut nights = spec("UTC", ["22:00-06:00"; 7]);
        nights.holidays = vec!["2026-12-25".into()];
        let s = Calendar::new(&nights, Zone::utc())
            .unwrap()
            .schedule(date(2026, 12, 24), date(2026, 12, 27))
            .unwrap();
        // The night of the 23rd runs into the 24th (6 h), the night of the 24th runs into Christmas Day
        // (8 h), the night of the 25th is a holiday, the night of the 26th is cut at the end (2 h).
        assert_eq!(s.total_seconds(), (6 + 8 + 2) * 3600);
    }

    #[test]
    fn holiday_rules() {
        let r = |t: &str| parse_holiday("holidays[0]", t).unwrap();
        // Thanksgiving 2026 is Thursday 26 November; Memorial Day 2026 is Monday 25 May.
        assert!(r("4th thu of nov").matches(date(2026, 11, 26)));
        assert!(!r("4th thu of nov").matches(date(2026, 11, 19)));
        assert!(r("last mon of may").matches(date(2026, 5, 25)));
        assert!(r("Last Monday in May").matches(date(2026, 5, 25)));
        // Easter Sunday 2026 is 5 April (2025: 20 April; 2019: 21 April; 2038: 25 April).
        assert_eq!(easter(2026).unwrap(), date(2026, 4, 5));
        assert_eq!(easter(2025).unwrap(), date(2025, 4, 20));
        assert_eq!(easter(2019).unwrap(), date(2019, 4, 21));
        assert_eq!(easter(2038).unwrap(), date(2038, 4, 25));
        assert!(r("easter-2").matches(date(2026, 4, 3)));
        assert!(r("easter+1").matches(date(2026, 4, 6)));
        assert!(r("12-25").matches(date(2030, 12, 25)));
        assert!(r("--02-29").matches(date(2028, 2, 29)));
        assert!(r("2026-12-24..2026-12-26").matches(date(2026, 12, 26)));
        assert!(!r("2026-12-24..2026-12-26").matches(date(2026, 12, 27)));
        for bad in [
            "",
            "2026-02-30",
            "13-01",
            "02-30",
            "5th fri of fnord",
            "easter+400",
            "2026-12-26..2026-12-24",
            "tomorrow",
        ] {
            assert_eq!(
                parse_holiday("holidays[0]", bad).unwrap_err().code(),
                "invalid_calendar",
                "{bad}"
            );
        }
    }

    #[test]
    fn exclusions_are_not_service_time() {
        let mut c = spec("UTC", ["00:00-24:00"; 7]);
        c.exclusions = vec![
            "sun 02:00-04:00".into(),
            "1st sat 22:00-02:00".into(),
            "2026-03-10T12:00/2026-03-10T13:30".into(),
        ];
        let cal = Calendar::new(&c, Zone::utc()).unwrap();
        // March 2026: 31 days; 5 Sundays (1, 8, 15, 22, 29) x 2 h; first Saturday 7 March 22:00-02:00 (4 h);
        // 1.5 h on the 10th.
        let s = cal.schedule(date(2026, 3, 1), date(2026, 4, 1)).unwrap();
        assert_eq!(s.total_seconds(), 31 * 86_400 - 5 * 7200 - 4 * 3600 - 5400);
        assert_eq!(cal.typical_week_seconds(), 7 * 86_400 - 7200);
    }

    #[test]
    fn bad_calendars_name_the_part() {
        let mut c = spec("UTC", OFFICE);
        c.weekly[0] = "25:00-26:00".into();
        assert_eq!(error(&c).0, "weekly.mon");
        assert!(
            error(&c).2.contains("\"25:00\" is not a time of day"),
            "{}",
            error(&c).2
        );
        c.weekly[0] = "09:00-12:00, 11:00-17:00".into();
        assert_eq!(
            (error(&c).0, error(&c).1),
            ("weekly.mon".to_string(), "overlapping_hours")
        );
        c.weekly[0] = "22:00-10:00".into();
        assert_eq!(
            (error(&c).0, error(&c).1),
            ("weekly.tue".to_string(), "overlapping_hours")
        );
        c.weekly[0] = "09:00-09:00".into();
        assert!(error(&c).2.contains("must not be empty"));
        c.weekly[0] = "24:00-02:00".into();
        assert!(error(&c).2.contains("cannot start at 24:00"));
        c.weekly[0] = "nine to five".into();
        assert_eq!(error(&c).1, "invalid_calendar");
        c.weekly[0] = "09:00-17:00".into();
        c.weekly[6] = "22:00-10:00".into(); // Sunday night into Monday morning
        assert_eq!(error(&c).1, "overlapping_hours");
        c.weekly[6] = String::new();
        c.exclusions = vec!["sometimes".into()];
        assert_eq!(error(&c).0, "exclusions[0]");
        c.exclusions = vec!["2026-03-10T13:00/2026-03-10T12:00".into()];
        assert!(error(&c).2.contains("ends before it starts"));
    }

    #[test]
    fn queries_outside_the_span_are_refused() {
        let c = Calendar::new(&spec("UTC", OFFICE), Zone::utc()).unwrap();
        let s = c.schedule(date(2026, 1, 1), date(2026, 2, 1)).unwrap();
        let (lo, hi) = s.span();
        assert_eq!(s.service_seconds(lo - 1, hi), None);
        assert_eq!(s.service_seconds(hi, lo), None);
        assert_eq!(s.add_service(lo, 10_000 * 3600), None);
        assert_eq!(s.add_service(lo, 0), Some(lo));
    }

    #[test]
    fn summaries() {
        let summary = |weekly: [&str; 7]| {
            Calendar::new(&spec("UTC", weekly), Zone::utc())
                .unwrap()
                .summary()
        };
        assert_eq!(summary(OFFICE), "Mon-Fri 09:00-17:00");
        assert_eq!(summary(["00:00-24:00"; 7]), "24x7");
        assert_eq!(summary(["", "", "", "", "", "", ""]), "no service hours");
        assert_eq!(
            summary([
                "08:00-12:00, 13:00-17:00",
                "08:00-12:00, 13:00-17:00",
                "",
                "",
                "22:00-06:00",
                "10:00-14:00",
                ""
            ]),
            "Mon-Tue 08:00-12:00, 13:00-17:00; Fri 22:00-06:00; Sat 10:00-14:00"
        );
    }

    #[test]
    fn presets() {
        let week = |name: &str| {
            Calendar::new(&preset(name).unwrap(), Zone::utc())
                .unwrap()
                .typical_week_seconds()
        };
        assert_eq!(week("24x7"), 168 * 3600);
        assert_eq!(week("24x5"), 120 * 3600);
        assert_eq!(week("8x5"), 40 * 3600);
        assert_eq!(week("12x5"), 60 * 3600);
        assert_eq!(week("24x7-maintenance"), 166 * 3600);
        assert!(preset("9x9").is_none());
    }
}
