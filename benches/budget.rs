//! `cargo bench --bench budget`: budget and achieved calls per second in native code. Prints figures; it
//! never fails on timing. The median of several runs is reported, as the machines are shared and noisy.

use std::hint::black_box;
use std::time::Instant;

use slacalc::{Achieved, Budget, ExactDuration, Field, Period, Target};

const CALLS: u32 = 200_000;
const RUNS: usize = 9;

/// Calls per second of `f`, the median of [`RUNS`] runs of [`CALLS`] calls.
fn rate(mut f: impl FnMut(u32)) -> f64 {
    let mut rates: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            for i in 0..CALLS {
                f(i);
            }
            f64::from(CALLS) / start.elapsed().as_secs_f64()
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates[RUNS / 2]
}

fn main() {
    let targets = ["99", "99.9", "99.95", "99.999"];
    let periods = ["month", "P14D", "2026-02", "2026-03-01/2026-03-15"];
    let full = rate(|i| {
        let target = Target::parse(targets[i as usize % 4]).unwrap();
        let period = Period::parse(periods[i as usize / 4 % 4]).unwrap();
        let budget = Budget::new(target, period);
        black_box((
            budget.allowed().to_string(),
            budget.sentence(),
            budget.period().label(),
        ));
    });
    println!("native budget (parse + compute + texts): {full:.0} calls/s");
    let core = rate(|i| {
        let target = Target::parse(targets[i as usize % 4]).unwrap();
        let period = Period::parse(periods[i as usize / 4 % 4]).unwrap();
        black_box(Budget::new(target, period).allowed());
    });
    println!("native budget (parse + compute only): {core:.0} calls/s");
    let achieved = rate(|i| {
        let downtime = ExactDuration::parse(
            ["PT1H20M", "4800", "1 h 20 min", "0.5"][i as usize % 4],
            Field::Downtime,
        );
        let a = Achieved::new(downtime.unwrap(), Period::Average(slacalc::Average::Month)).unwrap();
        black_box((a.availability(6), a.nines()));
    });
    println!("native achieved (parse + availability + nines): {achieved:.0} calls/s");
    // For scripts/bench.mjs, which prints the WASM / native ratio.
    println!("BENCH native_budget_calls_per_second={full:.0}");
}
