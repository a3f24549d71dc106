//! Help-desk SLAs natively: a ticket export (bench/make-tickets.mjs: one line per change) read and
//! measured. `tickets FILE` times the parts; `tickets FILE --once` reads and measures once, the file read
//! included, and prints the milliseconds (for bench/tickets_peer.py's interleaved rounds);
//! `tickets FILE --figures` prints what a peer must match. Prints figures only; never fails on timing.

use std::time::Instant;

use slacalc::api::{self, NoZones};
use slacalc::value::Value;

/// The SLA the benchmark measures (bench/tickets_peer.py computes the same): resolution within 4 h round
/// the clock for P1, and 8, 24 and 40 business hours on Mon-Fri 08:00-18:00 UTC for P2 to P4, the clock
/// paused while On hold; 95% of a priority's tickets a month.
const SLA: &str = r#"{ "goals": [ { "priority": "P1", "resolution": "PT4H" },
    { "priority": "P2", "resolution": "PT8H", "calendar": { "hours": "Mon-Fri 08:00-18:00" } },
    { "priority": "P3", "resolution": "PT24H", "calendar": { "hours": "Mon-Fri 08:00-18:00" } },
    { "priority": "P4", "resolution": "PT40H", "calendar": { "hours": "Mon-Fri 08:00-18:00" } } ],
    "pauseStates": ["On hold"], "attainment": "95" }"#;

fn measure(text: String) -> api::tickets::TicketsResult {
    // The figures alone, as the peer computes them; no ticket listed.
    let request = Value::Map(vec![
        ("sla".into(), Value::parse_json(SLA).unwrap()),
        ("csv".into(), Value::Text(text)),
        ("list".into(), Value::Text("none".into())),
    ]);
    api::tickets(&request, &NoZones).unwrap()
}

fn main() {
    let path = std::env::args().nth(1).expect("a ticket export");
    match std::env::args().nth(2).as_deref() {
        Some("--once") => {
            let start = Instant::now();
            let r = measure(std::fs::read_to_string(&path).expect("readable export"));
            std::hint::black_box(&r);
            println!("{:.1}", start.elapsed().as_secs_f64() * 1e3);
        }
        // Per priority and month (of the resolution): tickets, met, and the business seconds to resolve
        // at the median, the 90th percentile (nearest rank) and the worst, as JSON.
        Some("--figures") => {
            let r = measure(std::fs::read_to_string(&path).expect("readable export"));
            let rows: Vec<String> = r
                .periods
                .iter()
                .map(|p| {
                    let s = &p.resolution;
                    let secs = |d: &Option<api::DurationText>| d.as_ref().map_or("null".to_string(), |d| d.seconds.clone());
                    format!(
                        "{{\"priority\":\"{}\",\"month\":\"{}\",\"tickets\":{},\"met\":{},\"p50\":{},\"p90\":{},\"worst\":{}}}",
                        p.priority,
                        &p.start[..7],
                        s.tickets,
                        s.met,
                        secs(&s.p50),
                        secs(&s.p90),
                        secs(&s.worst)
                    )
                })
                .collect();
            println!("[{}]", rows.join(","));
        }
        // As the page does: the export pushed into a PieceExport, then measured; each part timed.
        Some("--parts") => {
            let text = std::fs::read_to_string(&path).expect("readable export");
            let sla = Value::Map(vec![("sla".into(), Value::parse_json(SLA).unwrap()), ("list".into(), Value::Text("none".into()))]);
            for _ in 0..3 {
                let t = Instant::now();
                let mut export = api::tickets::PieceExport::new(&Value::Text("UTC".into()), &NoZones).unwrap();
                for piece in text.as_bytes().chunks(1 << 20) {
                    export.push_bytes(piece).unwrap();
                }
                let read = t.elapsed().as_secs_f64() * 1e3;
                let t = Instant::now();
                let r = export.measure(&sla, &NoZones).unwrap();
                let measured = t.elapsed().as_secs_f64() * 1e3;
                println!("push {read:.0} ms, measure {measured:.0} ms ({} listed)", r.tickets.len());
            }
        }
        _ => {
            let text = std::fs::read_to_string(&path).expect("readable export");
            for _ in 0..2 {
                let t = Instant::now();
                let export = slacalc::tickets::read_export(&text, &slacalc::zone::Zone::utc()).unwrap();
                println!("read: {} tickets, {} problems in {:.0} ms", export.tickets.len(), export.problems.len(), t.elapsed().as_secs_f64() * 1e3);
            }
            let t = Instant::now();
            let r = measure(text);
            println!("read + measure + result objects: {:.0} ms; {} periods, {} tickets listed", t.elapsed().as_secs_f64() * 1e3, r.periods.len(), r.tickets.len());
        }
    }
}
