//! Property tests of the core, natively: exactness, monotonicity, round trips and no panics.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use slacalc::{Achieved, Budget, ExactDuration, Field, Period, Target};

fn target() -> impl Strategy<Value = Target> {
    (1u32..=100_000_000).prop_map(|micros| {
        let text = format!("{}.{:06}", micros / 1_000_000, micros % 1_000_000);
        Target::parse(&text).expect("valid target")
    })
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        prop::sample::select(vec!["day", "week", "month", "quarter", "year"])
            .prop_map(|p| Period::parse(p).unwrap()),
        (1u64..=3_000_000_000).prop_map(|s| Period::parse(&format!("PT{s}S")).unwrap()),
        (1970i32..=2100, 1u32..=12)
            .prop_map(|(y, m)| Period::parse(&format!("{y}-{m:02}")).unwrap()),
    ]
}

proptest! {
    /// allowed x 10^8 = period x (10^8 - target in millionths of a percent), with no remainder: exact.
    #[test]
    fn allowed_downtime_is_exact(t in target(), p in period()) {
        let b = Budget::new(t, p.clone());
        let lhs = u128::from(b.allowed().as_nanos()) * 100_000_000;
        let rhs = u128::from(p.length().as_nanos()) * u128::from(100_000_000 - t.micros());
        prop_assert_eq!(lhs, rhs);
    }

    /// Exactly the allowed downtime meets the target; one nanosecond more does not.
    #[test]
    fn the_budget_is_the_boundary(t in target(), p in period()) {
        let allowed = Budget::new(t, p.clone()).allowed();
        prop_assert!(Achieved::new(allowed, p.clone()).unwrap().meets(t));
        if let Some(more) = ExactDuration::from_nanos(allowed.as_nanos() + 1) {
            if more <= p.length() {
                prop_assert!(!Achieved::new(more, p).unwrap().meets(t));
            }
        }
    }

    /// Used + remaining = budget, for any downtime within the budget.
    #[test]
    fn used_plus_remaining_is_the_budget(t in target(), p in period(), share in 0u64..=1000) {
        let allowed = Budget::new(t, p).allowed();
        let used = ExactDuration::from_nanos(allowed.as_nanos() / 1000 * share).unwrap();
        let remaining = allowed.checked_sub(used).unwrap();
        prop_assert_eq!(used.as_nanos() + remaining.as_nanos(), allowed.as_nanos());
    }

    /// Availability (as shown) and nines never rise as downtime grows.
    #[test]
    fn availability_falls_as_downtime_grows(p in period(), a in 0u64..=u64::MAX, b in 0u64..=u64::MAX) {
        let length = p.length().as_nanos();
        let (a, b) = (a % (length + 1), b % (length + 1));
        let (less, more) = (a.min(b), a.max(b));
        let x = Achieved::new(ExactDuration::from_nanos(less).unwrap(), p.clone()).unwrap();
        let y = Achieved::new(ExactDuration::from_nanos(more).unwrap(), p).unwrap();
        let shown = |s: String| s.replace('.', "").parse::<u64>().unwrap();
        prop_assert!(shown(x.availability(6)) >= shown(y.availability(6)));
        prop_assert!(x.nines().unwrap_or(f64::INFINITY) >= y.nines().unwrap_or(f64::INFINITY));
    }

    /// A budget over a+b days is the sum of the budgets over a and b days.
    #[test]
    fn budgets_add_up(t in target(), a in 1u64..=10_000, b in 1u64..=10_000) {
        let over = |days: u64| Budget::new(t, Period::parse(&format!("P{days}D")).unwrap()).allowed().as_nanos();
        prop_assert_eq!(over(a + b), over(a) + over(b));
    }

    /// Writing a duration for people and reading it back gives the same duration; so do seconds.
    #[test]
    fn durations_round_trip(nanos in 0u64..=ExactDuration::MAX.as_nanos()) {
        let d = ExactDuration::from_nanos(nanos).unwrap();
        prop_assert_eq!(ExactDuration::parse(&d.to_string(), Field::Downtime).unwrap(), d);
        prop_assert_eq!(ExactDuration::parse(&d.seconds_decimal(), Field::Downtime).unwrap(), d);
    }

    /// A target written out reads back as itself.
    #[test]
    fn targets_round_trip(t in target()) {
        prop_assert_eq!(Target::parse(&t.to_string()).unwrap(), t);
        prop_assert_eq!(Target::parse(&format!("{t}%")).unwrap(), t);
    }

    /// No text makes a parser panic, and every error names the field it concerns.
    #[test]
    fn parsers_never_panic(text in "\\PC{0,24}") {
        if let Err(e) = Target::parse(&text) { prop_assert_eq!(e.field(), Field::Target); }
        if let Err(e) = Period::parse(&text) { prop_assert_eq!(e.field(), Field::Period); }
        if let Err(e) = ExactDuration::parse(&text, Field::Downtime) { prop_assert_eq!(e.field(), Field::Downtime); }
    }

    /// Text built from the pieces periods and durations are made of never makes a parser panic.
    #[test]
    fn near_miss_text_never_panics(pieces in prop::collection::vec(prop::sample::select(vec![
        "0", "1", "9", "12", "2026", "-", "/", "P", "T", "W", "D", "H", "M", "S", "Y", "Q", ".", ",", " ",
        "é", "\u{1F600}", "min", "h", "99999999999999999999", "e", "%",
    ]), 0..10)) {
        let text: String = pieces.concat();
        let _ = Target::parse(&text);
        let _ = Period::parse(&text);
        let _ = ExactDuration::parse(&text, Field::Downtime);
    }

    /// Every calendar month, quarter and ISO week is as long as an independent count of its days.
    #[test]
    fn calendar_periods_count_their_days(y in 1901i32..=2399) {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days_in = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let seconds = |p: &str| Period::parse(p).unwrap().length().as_nanos() / 1_000_000_000;
        for (m, days) in days_in.iter().enumerate() {
            prop_assert_eq!(seconds(&format!("{y}-{:02}", m + 1)), days * 86_400);
        }
        for q in 1..=4usize {
            let days: u64 = days_in[(q - 1) * 3..q * 3].iter().sum();
            prop_assert_eq!(seconds(&format!("{y}-Q{q}")), days * 86_400);
        }
        prop_assert_eq!(seconds(&y.to_string()), if leap { 366 } else { 365 } * 86_400);
        // A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
        let jan1 = Period::parse(&format!("{y}-01-01")).unwrap();
        let weekday = {
            // Days since 1900-01-01 (a Monday), counted independently of chrono.
            let mut days = 0u64;
            for year in 1900..y {
                let l = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                days += if l { 366 } else { 365 };
            }
            days % 7 // 0 = Monday
        };
        prop_assert!(jan1.calendar().is_some());
        let long_year = weekday == 3 || (leap && weekday == 2);
        prop_assert_eq!(Period::parse(&format!("{y}-W53")).is_ok(), long_year);
    }
}
