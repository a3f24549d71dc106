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
mod rules;
mod timeline;

use rules::*;
pub use rules::{easter, Exclusion, Holiday, Hours};
pub(crate) use timeline::count_up_to;
pub use timeline::Schedule;
use timeline::{merge, subtract};

use crate::error::{Error, Field};
use crate::zone::{LocalSpan, Zone};

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
        let local = self.zone.over(from, to);
        let lo = local.instant(from, 0)?;
        let hi = local.instant(to, 0)?.max(lo);
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
                    service.push(interval(local, day, *h)?);
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
                    excluded.push(interval(local, day, h)?);
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
}

/// The instants of `h` on `day`.
fn interval(local: LocalSpan, day: Date, h: Hours) -> Result<(i64, i64), Error> {
    let start = local.instant(day, h.start)?;
    let end = local.instant(day, if h.overnight() { h.end + 1440 } else { h.end })?;
    Ok((start, end))
}

fn mark(minute: &mut [bool; 7 * 1440], day: usize, h: Hours, value: bool) {
    let start = day * 1440 + h.start as usize;
    for m in start..start + h.minutes() as usize {
        minute[m % (7 * 1440)] = value;
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
