//! Help-desk SLAs natively: a ticket export (one line per change) read and measured, the parts timed.
//! `tickets FILE`; prints figures only.

use std::time::Instant;

use slacalc::api::{self, NoZones};
use slacalc::value::Value;

fn main() {
    let path = std::env::args().nth(1).expect("a ticket export");
    let text = std::fs::read_to_string(&path).expect("readable export");
    let t = Instant::now();
    let export = slacalc::tickets::read_export(&text, &slacalc::zone::Zone::utc()).unwrap();
    let read = t.elapsed().as_secs_f64();
    println!("read: {} tickets, {} problems in {:.0} ms", export.tickets.len(), export.problems.len(), read * 1e3);
    let sla = Value::parse_json(
        r#"{ "goals": [ { "priority": "P1", "response": "PT15M", "resolution": "PT4H" },
          { "priority": "P2", "resolution": "PT8H", "calendar": { "hours": "Mon-Fri 08:00-18:00" } },
          { "priority": "P3", "resolution": "P3D", "calendar": { "hours": "Mon-Fri 08:00-18:00" } },
          { "priority": "P4", "resolution": "P5D", "calendar": { "hours": "Mon-Fri 08:00-18:00" } } ],
          "pauseStates": ["On hold"], "attainment": "95",
          "olas": [ { "group": "Service Desk", "resolution": "PT2H" }, { "group": "Network", "resolution": "PT6H" } ] }"#,
    )
    .unwrap();
    let request = Value::Map(vec![("sla".into(), sla), ("csv".into(), Value::Text(text))]);
    let t = Instant::now();
    let r = api::tickets(&request, &NoZones).unwrap();
    println!("read + measure + result objects: {:.0} ms; {} periods", t.elapsed().as_secs_f64() * 1e3, r.periods.len());
}
