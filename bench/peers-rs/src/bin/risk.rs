//! Simulated contract years per second natively: the AWS region-level tiers, monthly, 2 incidents a month
//! lasting a median of 30 min (90% within 4 h). Median of 5 runs of 100 000 and of
//! 1 000 000 years; prints figures only.

use std::time::Instant;

use slacalc::penalty::{CreditSchedule, UNIT};
use slacalc::risk::{simulate, Model};
use slacalc::value::Value;

fn main() {
    let text = |s: &str| Value::Text(s.to_string());
    let tier = |when: &str, percent: &str| Value::Map(vec![("when".into(), text(when)), ("percent".into(), text(percent))]);
    let schedule = CreditSchedule::from_value(&Value::Map(vec![
        ("target".into(), text("99.99")),
        ("tiers".into(), Value::List(vec![tier("< 99.99 and >= 99.0", "10"), tier("< 99.0 and >= 95.0", "30"), tier("< 95.0", "100")])),
    ]))
    .unwrap();
    let model = Model::log_normal(2.0, 1800, 14_400).unwrap();
    for years in [100_000, 1_000_000] {
        let mut ms = Vec::new();
        let mut mean = 0;
        for _ in 0..5 {
            let t = Instant::now();
            mean = simulate(&schedule, &model, 10_000 * UNIT, years, 7).unwrap().mean;
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
        ms.sort_by(f64::total_cmp);
        println!(
            "native: {years} contract years in {:.0} ms (median of 5, {:.0} to {:.0}): {:.0} years/s; mean credits {:.2} a year",
            ms[2],
            ms[0],
            ms[4],
            f64::from(years) / ms[2] * 1e3,
            mean as f64 / UNIT as f64
        );
    }
}
