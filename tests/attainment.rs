//! Properties of merged outages and attainment, and a cross-check against a naive count.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slacalc::attainment::{Options, Timeline};
use slacalc::outage::{Outage, FULL};

/// Outages on a minute grid within one day, so that a minute-by-minute count is quick.
fn outage() -> impl Strategy<Value = Outage> {
    (
        0i64..1440,
        1i64..240,
        prop::sample::select(vec![FULL, 500_000, 250_000]),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(start, length, impact, planned)| Outage {
            start: start * 60,
            end: (start + length) * 60,
            impact,
            planned,
            ..Outage::default()
        })
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::sample::select(vec![0i64, 60, 300, 600]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(minimum_seconds, count_planned, weight_impact)| Options {
            minimum_seconds,
            whole_minutes: false,
            count_planned,
            weight_impact,
        })
}

/// Minute by minute, read from the rules: excluded if a planned outage covers it (unless counted),
/// otherwise down at the highest impact covering it. (No minimum: checked separately.)
fn naive(outages: &[Outage], options: Options, a: i64, b: i64) -> (i64, i128) {
    let (mut service, mut down) = (0i64, 0i128);
    let mut t = a;
    while t < b {
        let covering: Vec<&Outage> = outages
            .iter()
            .filter(|o| o.start <= t && t < o.end)
            .collect();
        if !options.count_planned && covering.iter().any(|o| o.planned) {
            t += 60;
            continue;
        }
        service += 60;
        let impact = covering
            .iter()
            .map(|o| {
                if options.weight_impact {
                    o.impact
                } else {
                    FULL
                }
            })
            .max()
            .unwrap_or(0);
        down += 60 * i128::from(impact);
        t += 60;
    }
    (service, down)
}

proptest! {
    #[test]
    fn measure_matches_a_minute_by_minute_count(
        outages in prop::collection::vec(outage(), 0..12),
        mut options in options(),
        a in 0i64..1700,
        len in 0i64..1700,
    ) {
        options.minimum_seconds = 0;
        let (a, b) = (a * 60, (a + len) * 60);
        let timeline = Timeline::new(&outages, options, None);
        prop_assert_eq!(timeline.measure(a, b), naive(&outages, options, a, b));
    }

    #[test]
    fn row_order_does_not_matter(outages in prop::collection::vec(outage(), 0..12), options in options(), seed in any::<u64>()) {
        let mut shuffled = outages.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            shuffled.swap(i, (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize);
        }
        let (x, y) = (Timeline::new(&outages, options, None), Timeline::new(&shuffled, options, None));
        for (a, b) in [(0, 86_400), (3_600, 7_200), (0, 200_000)] {
            prop_assert_eq!(x.measure(a, b), y.measure(a, b));
        }
    }

    #[test]
    fn merging_is_idempotent(outages in prop::collection::vec(outage(), 0..12), options in options()) {
        let merged = Timeline::new(&outages, options, None);
        // The merged downtime, read back as outages, merges to the same thing.
        let again: Vec<Outage> = merged
            .downtime_stretches()
            .map(|(start, end, impact)| Outage { start, end, impact, ..Outage::default() })
            .collect();
        let remerged = Timeline::new(&again, Options { count_planned: true, ..options }, None);
        let down = |t: &Timeline| t.downtime_stretches().collect::<Vec<_>>();
        prop_assert_eq!(down(&merged), down(&remerged));
    }

    #[test]
    fn another_unplanned_outage_never_raises_attainment(
        outages in prop::collection::vec(outage(), 0..12),
        mut extra in outage(),
        options in options(),
    ) {
        extra.planned = false;
        let before = Timeline::new(&outages, options, None);
        let mut more = outages.clone();
        more.push(extra);
        let after = Timeline::new(&more, options, None);
        for (a, b) in [(0, 86_400), (0, 43_200), (43_200, 200_000)] {
            let ((s1, d1), (s2, d2)) = (before.measure(a, b), after.measure(a, b));
            // Attainment (s - d) / s never rises: d2 / s2 >= d1 / s1.
            prop_assert!(d2 * i128::from(s1) >= d1 * i128::from(s2), "{:?} -> {:?}", (s1, d1), (s2, d2));
        }
    }
}

/// Outages on a minute grid within March 2026 (UTC), for measuring on service hours.
fn march_outage() -> impl Strategy<Value = Outage> {
    (
        0i64..31 * 1440,
        1i64..3000,
        prop::sample::select(vec![FULL, 500_000]),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(start, length, impact, planned)| Outage {
            start: MARCH + start * 60,
            end: MARCH + (start + length) * 60,
            impact,
            planned,
            ..Outage::default()
        })
}

/// 2026-03-01T00:00:00Z.
const MARCH: i64 = 1_772_323_200;

/// Minute by minute on a schedule: a minute counts as service time by the schedule's own count, and as
/// downtime at the highest impact of the outages covering it, unless a planned outage covers it.
fn naive_on(
    outages: &[Outage],
    schedule: &slacalc::calendar::Schedule,
    a: i64,
    b: i64,
) -> (i64, i128) {
    let (mut service, mut down) = (0i64, 0i128);
    for t in (a..b).step_by(60) {
        let s = schedule.service_seconds(t, t + 60).unwrap();
        let covering: Vec<&Outage> = outages
            .iter()
            .filter(|o| o.start <= t && t < o.end)
            .collect();
        if s == 0 || covering.iter().any(|o| o.planned) {
            continue;
        }
        service += s;
        down += i128::from(s) * i128::from(covering.iter().map(|o| o.impact).max().unwrap_or(0));
    }
    (service, down)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Every week and the month of March, measured in one pass each, match a minute-by-minute count on
    /// weekday day hours and on a night shift that crosses midnight; the worst rolling 7-day window is
    /// no better than any window starting on a whole minute.
    #[test]
    fn periods_and_windows_on_service_hours_match_a_count(
        outages in prop::collection::vec(march_outage(), 0..10),
        night in any::<bool>(),
    ) {
        use chrono::NaiveDate;
        use slacalc::attainment::compare;
        use slacalc::calendar::{Calendar, CalendarSpec};
        use slacalc::zone::Zone;
        use slacalc::Target;
        let hours = if night { "22:00-06:00" } else { "09:00-17:30" };
        let weekly = [hours, hours, hours, hours, hours, "", ""].map(String::from);
        let spec = CalendarSpec { time_zone: "UTC".into(), weekly, ..CalendarSpec::default() };
        let calendar = Calendar::new(&spec, Zone::utc()).unwrap();
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let c = compare(&outages, Target::parse("99.5").unwrap(), Some(&calendar), &Zone::utc(), d(3, 2), d(3, 30), Options::default()).unwrap();
        let schedule = calendar.schedule(d(1, 1), d(12, 31)).unwrap();
        for w in c.choices[0].periods.iter().chain(&c.choices[2].periods) {
            prop_assert_eq!((w.service.whole_seconds(), i128::from(w.downtime.as_nanos()) / 1000), naive_on(&outages, &schedule, w.start, w.end), "{}", &w.label);
        }
        let worst = c.rolling[0].worst.as_ref().unwrap();
        let timeline = Timeline::new(&outages, Options::default(), Some(schedule.clone()));
        let (a, b) = (MARCH + 86_400, MARCH + 29 * 86_400);
        for t in (a..=b - 7 * 86_400).step_by(60) {
            let (s, down) = timeline.measure(t, t + 7 * 86_400);
            prop_assert!(i128::from(worst.downtime.as_nanos()) / 1000 * i128::from(s) >= down * i128::from(worst.service.whole_seconds()));
        }
    }
}
