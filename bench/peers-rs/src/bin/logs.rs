//! Parse + merge + attainment of a large outage log natively (the file written by bench/make-log.mjs), on
//! 24x7 and on office hours. Medians of several runs; prints figures, never fails on timing.

use std::time::Instant;

use chrono::NaiveDate;
use slacalc::attainment::{compare, Options};
use slacalc::calendar::{preset, Calendar};
use slacalc::outage::parse_csv;
use slacalc::zone::Zone;
use slacalc::Target;

fn main() {
    let path = std::env::args().nth(1).expect("the log file");
    let (from, to) = (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    match std::env::args().nth(2).as_deref() {
        // One run for an interleaved comparison (bench/log_peers.py): the file read, parsed, merged and
        // measured every way on 24x7, in milliseconds.
        Some("--once") => {
            let start = Instant::now();
            let text = std::fs::read_to_string(&path).expect("readable log");
            let log = parse_csv(&text, &Zone::utc()).unwrap();
            let c = compare(&log.outages, Target::parse("99.9").unwrap(), None, &Zone::utc(), from, to, Options::default()).unwrap();
            std::hint::black_box(c.verdict());
            println!("{:.1}", start.elapsed().as_secs_f64() * 1e3);
            return;
        }
        // The figures the peers must match: service and weighted downtime in seconds of every week and
        // month, and of the worst rolling 7, 28, 30 and 90-day windows, as JSON.
        Some("--figures") => {
            let text = std::fs::read_to_string(&path).expect("readable log");
            let log = parse_csv(&text, &Zone::utc()).unwrap();
            let c = compare(&log.outages, Target::parse("99.9").unwrap(), None, &Zone::utc(), from, to, Options::default()).unwrap();
            let mut out = Vec::new();
            for choice in &c.choices {
                let name = choice.measure.name();
                if name != "week" && name != "month" {
                    continue;
                }
                for w in &choice.periods {
                    out.push(format!(
                        "{{\"measure\":\"{name}\",\"start\":{},\"service\":{},\"down\":{}}}",
                        w.start,
                        w.service.whole_seconds(),
                        w.downtime.as_nanos() as f64 / 1e9
                    ));
                }
            }
            for r in &c.rolling {
                if let Some(w) = &r.worst {
                    out.push(format!(
                        "{{\"measure\":\"rolling\",\"days\":{},\"start\":{},\"service\":{},\"down\":{}}}",
                        r.days,
                        w.start,
                        w.service.whole_seconds(),
                        w.downtime.as_nanos() as f64 / 1e9
                    ));
                }
            }
            println!("[{}]", out.join(","));
            return;
        }
        _ => {}
    }
    let text = std::fs::read_to_string(&path).expect("readable log");
    let office = Calendar::new(&preset("8x5").unwrap(), Zone::utc()).unwrap();
    let target = Target::parse("99.9").unwrap();
    {
        let t = Instant::now();
        let log = parse_csv(&text, &Zone::utc()).unwrap();
        let parsed = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let timeline = slacalc::attainment::Timeline::new(&log.outages, Options::default(), None);
        let merged = t.elapsed().as_secs_f64();
        let t = Instant::now();
        compare(&log.outages, target, None, &Zone::utc(), from, to, Options::default()).unwrap();
        println!(
            "native, 24x7, parts: parse {:.0} ms, merge {:.0} ms ({} segments), merge + measure every way {:.0} ms",
            parsed * 1e3,
            merged * 1e3,
            timeline.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    for (name, calendar) in [("24x7", None), ("office hours", Some(&office))] {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..5 {
            let start = Instant::now();
            let log = parse_csv(&text, &Zone::utc()).unwrap();
            let c = compare(&log.outages, target, calendar, &Zone::utc(), from, to, Options::default()).unwrap();
            std::hint::black_box(c.verdict());
            times.push(start.elapsed().as_secs_f64());
            rows = log.outages.len();
        }
        times.sort_by(f64::total_cmp);
        println!("native, {name}: {rows} outages parsed, merged and measured every way in {:.0} ms (median of 5)", times[2] * 1e3);
        if name == "24x7" {
            println!("BENCH native_log_ms={:.0}", times[2] * 1e3);
        }
    }
}
