//! `slacalc`: the API of the pages on the command line, for scripts and scheduled reports.
//!
//! ```text
//! slacalc budget --target 99.9 --period month
//! slacalc achieved --downtime "1 h 20 min" --period 2026-02 --target 99.9 --json
//! slacalc table --hours "Mon-Fri 08:00-18:00" --zone Europe/Berlin
//! slacalc attainment outages.csv --target 99.9 --hours "Mon-Fri 08:00-18:00" --zone Europe/Berlin
//! slacalc budget --request budget.json
//! ```
//!
//! Each command reads its options, or a JSON request file (`--request FILE`, `-` for standard input) as
//! the JavaScript function of the same name takes it, options given beside it overriding its fields. It
//! writes what the page shows, or with `--json` the object the JavaScript function returns. Bad input is
//! an error on standard error naming the field (exit code 1); a command line that cannot be read exits
//! with 2. Time zones come from `$TZDIR` or `/usr/share/zoneinfo`.

use std::io::{Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use slacalc::api::{self, Zones};
use slacalc::value::{Value, Written};
use slacalc::zone::Zone;
use slacalc::Error;

const USAGE: &str = "\
usage: slacalc <command> [options] [--json]

commands:
  budget     what a target allows:        --target 99.9 --period month
  achieved   the availability a downtime achieved:
                                          --downtime \"1 h 20 min\" --period 2026-02 [--target 99.9]
  table      allowed downtime of common targets by day, week, month, quarter and year
  hours      the weekly hours of a calendar as one line of text
  credits    service credits owed:        --schedule aws-s3-standard --attainment 99.5 --charges 2000
  risk       credits over simulated contract years:
             --schedule example-per-hour --incidents 2 --median PT30M --p90 PT2H --charges 1000
  compare    the internal service and providers' quotes on one basis: --request quotes.json
  chain      a service made of components in series, redundant or k of n, some shared: exact
             availability, the contractual worst case, and with --target the promise of each internal
             component: --request chain.json [--target 99.9] [--period month]
  presets    the published credit schedules and their ids
  attainment an outage log (CSV or JSON, - for standard input) measured by week, month, quarter, year
             and rolling windows:          outages.csv --target 99.9 [--span 2026] [--as-of 2026-11-24T12:00Z]
  tickets    a ticket export (CSV, - for standard input) against a help-desk SLA's response and
             resolution goals on business hours: tickets.csv --sla sla.json [--period month] [--as-of T]
             [--columns id=Ref,opened=Logged]

options:
  --target T     availability target in percent: 99.9
  --period P     month, quarter, P14D, 2026-02, 2026-Q1, 2026-03-01/2026-03-15
  --downtime D   PT1H20M, \"1 h 20 min\" or seconds
  --hours H      service hours: \"Mon-Fri 08:00-18:00; Sat 09:00-12:00\", 24x7, 8x5
  --zone Z       the time zone of the service hours, or of a log's times: Europe/Berlin (default UTC)
  --span S       the span of a log to measure: 2026, 2026-Q1, 2026-01-01/2026-07-01
  --as-of T      the instant at which to read the error budget of each current period
  --minimum-outage D  ignore merged outages shorter than this: PT5M
  --request F    a JSON request as the JavaScript function takes it (- for standard input)
  --schedule S   a credit schedule: a preset's id, or a JSON file
  --sla F        a help-desk SLA as JSON: { goals: [{ priority, category, response, resolution,
                 calendar }], pauseStates, resetStates, reopen, attainment, timeZone }
  --columns C    a ticket export's columns named by what they hold, where their headers do not say
                 it: id=Ref,priority=Urgency,opened=Logged
  --attainment A / --charges C / --currency EUR   one period for credits
  --incidents N / --median D / --p90 D / --years N / --seed N   the outage model for risk
  --json         write the result as JSON, the object the JavaScript function returns
";

/// Time zones from a zoneinfo folder: `$TZDIR`, else `/usr/share/zoneinfo`.
struct ZoneFiles(std::path::PathBuf);

impl Zones for ZoneFiles {
    fn zone(&self, name: &str) -> Option<Zone> {
        // Only names such as Europe/Berlin: no way out of the folder.
        if name.is_empty()
            || name.starts_with('/')
            || name
                .split('/')
                .any(|p| p.is_empty() || p == "." || p == "..")
        {
            return None;
        }
        let bytes = std::fs::read(self.0.join(name)).ok()?;
        Zone::from_tzif(name, &bytes).ok()
    }
}

/// A command line that cannot be read.
struct Usage(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            // A reader that stops early (| head) is not an error.
            let _ = writeln!(std::io::stdout(), "{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Usage(Usage(message))) => {
            eprintln!("slacalc: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Input(e, json)) => {
            if json {
                eprintln!("{}", error_json(&e));
            } else {
                eprintln!("slacalc: {e} ({})", where_(&e));
            }
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Usage(Usage),
    /// Bad input, and whether to write it as JSON.
    Input(Error, bool),
}

impl From<Usage> for Failure {
    fn from(u: Usage) -> Self {
        Failure::Usage(u)
    }
}

/// `field: target, code: out_of_range`, with the part when there is one.
fn where_(e: &Error) -> String {
    match e.part() {
        Some(part) if !part.is_empty() => {
            format!(
                "field: {}, part: {part}, code: {}",
                e.field().name(),
                e.code()
            )
        }
        _ => format!("field: {}, code: {}", e.field().name(), e.code()),
    }
}

/// The error as the JavaScript API throws it: `{ code, field, part?, message }`.
fn error_json(e: &Error) -> String {
    let mut object = serde_json::Map::new();
    object.insert("code".into(), e.code().into());
    object.insert("field".into(), e.field().name().into());
    if let Some(part) = e.part() {
        object.insert("part".into(), part.into());
    }
    object.insert("message".into(), e.to_string().into());
    serde_json::Value::Object(object).to_string()
}

fn run(args: &[String]) -> Result<String, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Usage("give a command".into()).into());
    };
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        return Ok(USAGE.trim_end().to_string());
    }
    let options = Options::parse(rest)?;
    let json = options.json;
    let zones = ZoneFiles(
        std::env::var_os("TZDIR")
            .map(Into::into)
            .unwrap_or_else(|| "/usr/share/zoneinfo".into()),
    );
    let request = options.request(command)?;
    let fail = |e: Error| Failure::Input(e, json);
    match command.as_str() {
        "budget" => {
            let r = api::budget(&request, &zones).map_err(fail)?;
            Ok(if json { to_json(&r) } else { budget_text(&r) })
        }
        "achieved" => {
            let r = api::achieved(&request, &zones).map_err(fail)?;
            Ok(if json { to_json(&r) } else { achieved_text(&r) })
        }
        "table" => {
            let r = match request.get("calendar") {
                None => api::table(),
                Some(calendar) => api::service_table(calendar, &zones).map_err(fail)?,
            };
            Ok(if json { to_json(&r) } else { table_text(&r) })
        }
        "attainment" => {
            let r = api::attainment(&request, &zones).map_err(fail)?;
            Ok(if json {
                to_json(&r)
            } else {
                attainment_text(&r)
            })
        }
        "credits" => {
            let r = api::credits(&request).map_err(fail)?;
            Ok(if json { to_json(&r) } else { credits_text(&r) })
        }
        "risk" => {
            let r = api::risk(&request, &zones).map_err(fail)?;
            Ok(if json { to_json(&r) } else { risk_text(&r) })
        }
        "compare" => {
            let r = api::compare_quotes(&request, &zones).map_err(fail)?;
            Ok(if json { to_json(&r) } else { compare_text(&r) })
        }
        "tickets" => {
            let r = api::tickets(&request, &zones).map_err(fail)?;
            Ok(if json { to_json(&r) } else { tickets_text(&r) })
        }
        "chain" => {
            let r = api::chain(&request, &zones).map_err(fail)?;
            Ok(if json { to_json(&r) } else { chain_text(&r) })
        }
        "presets" => {
            let presets = api::credit_presets();
            Ok(if json {
                to_json(&Written::<true>(&presets))
            } else {
                presets_text(&presets)
            })
        }
        "hours" => {
            let calendar = request.get("calendar").cloned().unwrap_or(Value::Null);
            let text = api::hours_text(&calendar).map_err(fail)?;
            Ok(if json { to_json(&text) } else { text })
        }
        other => Err(Usage(format!("unknown command {other:?}")).into()),
    }
}

fn to_json<T: Serialize>(value: &T) -> String {
    // The API's results are plain structs of strings, numbers and booleans: they always serialize.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// What the command line says, as options.
#[derive(Default)]
struct Options {
    json: bool,
    request: Option<String>,
    fields: Vec<(String, Value)>,
    hours: Option<String>,
    zone: Option<String>,
    log: Option<String>,
    options: Vec<(String, Value)>,
    schedule: Option<String>,
    sla: Option<String>,
    charges: Option<String>,
    period: Vec<(String, Value)>,
    model: Vec<(String, Value)>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, Usage> {
        let mut o = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            if name == "--json" {
                o.json = true;
                continue;
            }
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or_else(|| Usage(format!("{name} needs a value")))
            };
            match name {
                "--request" => o.request = Some(value()?),
                "--target" | "--period" | "--downtime" | "--span" => {
                    let v = value()?;
                    o.fields.push((name[2..].to_string(), Value::Text(v)));
                }
                "--as-of" => o.fields.push(("asOf".to_string(), Value::Text(value()?))),
                "--minimum-outage" => o
                    .options
                    .push(("minimumOutage".to_string(), Value::Text(value()?))),
                "--hours" => o.hours = Some(value()?),
                "--zone" => o.zone = Some(value()?),
                "--schedule" => o.schedule = Some(value()?),
                "--sla" => o.sla = Some(value()?),
                "--columns" => {
                    let mut pairs = Vec::new();
                    for pair in value()?.split(',').filter(|p| !p.trim().is_empty()) {
                        let Some((kind, header)) = pair.split_once('=') else {
                            return Err(Usage(format!(
                                "--columns {pair:?}: name each column as kind=header, such as id=Ref,opened=Logged"
                            )));
                        };
                        pairs.push((
                            kind.trim().to_string(),
                            Value::Text(header.trim().to_string()),
                        ));
                    }
                    o.fields.push(("columns".to_string(), Value::Map(pairs)));
                }
                "--attainment" => o
                    .period
                    .push(("attainment".to_string(), Value::Text(value()?))),
                "--charges" => o.charges = Some(value()?),
                "--currency" => o
                    .fields
                    .push(("currency".to_string(), Value::Text(value()?))),
                "--incidents" => o
                    .model
                    .push(("incidentsPerMonth".to_string(), Value::Text(value()?))),
                "--median" | "--p90" => {
                    let v = value()?;
                    o.model.push((name[2..].to_string(), Value::Text(v)));
                }
                "--years" | "--seed" => {
                    let v = value()?;
                    o.fields.push((name[2..].to_string(), number_or_text(v)));
                }
                _ if !name.starts_with("--") && o.log.is_none() => o.log = Some(arg.clone()),
                _ => return Err(Usage(format!("unknown option {arg:?}"))),
            }
        }
        Ok(o)
    }

    /// The request: the file's, with the options' fields over it. A zone without hours is the zone of a
    /// log's times (`timeZone`) for `attainment`, and a 24x7 calendar in that zone (calendar periods in
    /// local time) for the others.
    fn request(&self, command: &str) -> Result<Value, Usage> {
        let log_zone = command == "attainment";
        let mut entries = match &self.request {
            None => Vec::new(),
            Some(path) => {
                let text = read_text(path)?;
                match Value::parse_json(&text) {
                    Ok(Value::Map(entries)) => entries,
                    Ok(other) => {
                        return Err(Usage(format!(
                            "{path} holds {}, not a request object",
                            other.kind()
                        )))
                    }
                    Err(reason) => return Err(Usage(format!("{path}: {reason}"))),
                }
            }
        };
        entries.extend(self.fields.iter().cloned());
        if let Some(schedule) = &self.schedule {
            entries.push(("schedule".to_string(), schedule_value(schedule)?));
        }
        // The charges of the one period for credits, or of every period for risk.
        let mut period = self.period.clone();
        if let Some(charges) = &self.charges {
            let charges = ("charges".to_string(), Value::Text(charges.clone()));
            if command == "credits" {
                period.push(charges);
            } else {
                entries.push(charges);
            }
        }
        if !period.is_empty() {
            entries.push(("periods".to_string(), Value::List(vec![Value::Map(period)])));
        }
        if !self.model.is_empty() {
            entries.push(("model".to_string(), Value::Map(self.model.clone())));
        }
        if let Some(path) = &self.sla {
            let text = read_text(path)?;
            let sla =
                Value::parse_json(&text).map_err(|reason| Usage(format!("{path}: {reason}")))?;
            entries.push(("sla".to_string(), sla));
        }
        if let Some(path) = &self.log {
            let name = if command == "tickets" {
                "csv"
            } else {
                "outages"
            };
            entries.push((name.to_string(), Value::Text(read_text(path)?)));
        }
        if !self.options.is_empty() {
            entries.push(("options".to_string(), Value::Map(self.options.clone())));
        }
        match (&self.hours, &self.zone) {
            (None, Some(zone)) if log_zone => {
                entries.push(("timeZone".to_string(), Value::Text(zone.clone())))
            }
            (None, None) => {}
            (hours, zone) => {
                let mut calendar = Vec::new();
                if let Some(zone) = zone {
                    calendar.push(("timeZone".to_string(), Value::Text(zone.clone())));
                }
                let hours = hours.clone().unwrap_or_else(|| "24x7".to_string());
                calendar.push(("hours".to_string(), Value::Text(hours)));
                entries.push(("calendar".to_string(), Value::Map(calendar)));
            }
        }
        Ok(Value::Map(entries))
    }
}

/// A number as JSON would give it (`--years 200`), else the text, for the core to refuse by name.
fn number_or_text(v: String) -> Value {
    if Value::parse_json(&v).is_ok_and(|n| matches!(n, Value::Number(_))) {
        Value::Number(v)
    } else {
        Value::Text(v)
    }
}

/// A schedule named on the command line: a preset's id, or a JSON file.
fn schedule_value(name: &str) -> Result<Value, Usage> {
    if let Some(p) = api::penalty::credit_preset(name) {
        return Ok(p);
    }
    let text = read_text(name).map_err(|_| {
        Usage(format!(
            "--schedule {name:?} is neither a preset's id (slacalc presets lists them) nor a file"
        ))
    })?;
    Value::parse_json(&text).map_err(|reason| Usage(format!("{name}: {reason}")))
}

/// Each goal per period, then the breached and running tickets and the problems, a line each.
fn tickets_text(r: &api::TicketsResult) -> String {
    let mut out = vec![format!("measured at {}, by {}", r.as_of, r.period)];
    for p in &r.periods {
        for (name, s) in [("response", &p.response), ("resolution", &p.resolution)] {
            let (Some(percent), Some(p50), Some(p90), Some(worst)) =
                (&s.percent_met, &s.p50, &s.p90, &s.worst)
            else {
                continue;
            };
            out.push(format!(
                "{} {} {name}: {} of {} met ({percent}%, target {}); P50 {}, P90 {}, worst {}",
                p.period,
                p.goal,
                s.met,
                s.tickets,
                if s.meets_target { "met" } else { "missed" },
                p50.text,
                p90.text,
                worst.text
            ));
        }
    }
    for t in &r.tickets {
        for (name, c) in [("response", &t.response), ("resolution", &t.resolution)] {
            match c {
                Some(c) if c.stage != "met" => out.push(format!(
                    "{} {} {name} {}: {} of {} business time ({}%), due {}",
                    t.id,
                    t.goal,
                    c.stage,
                    c.business.text,
                    c.goal.text,
                    c.percent,
                    c.due.as_deref().unwrap_or("beyond the hours measured")
                )),
                _ => {}
            }
        }
    }
    for g in &r.groups {
        let ola = match &g.ola {
            Some(ola) => format!(", {} over its OLA of {}", g.breached, ola.text),
            None => String::new(),
        };
        out.push(format!(
            "group {}: {} assignments, {} of business time{ola}; {} SLA breaches on its watch",
            g.group, g.assignments, g.business.text, g.sla_breaches
        ));
    }
    out.extend(r.warnings.iter().map(|w| format!("OLAs: {w}")));
    out.extend(r.periods.iter().filter_map(|p| p.watermelon.clone()));
    out.extend(
        r.periods
            .iter()
            .filter_map(|p| p.credit.as_ref())
            .filter(|c| c.breached)
            .map(|c| c.explanation.clone()),
    );
    if let Some(c) = &r.credits {
        out.push(format!("credits: {}", c.summary));
    }
    for p in &r.problems {
        let at = match (p.line, p.ticket) {
            (Some(line), _) => format!("line {line}"),
            (None, Some(t)) => format!("ticket {t}"),
            _ => String::new(),
        };
        out.push(format!("not measured, {at}: {}", p.reason));
    }
    out.join("\n")
}

fn presets_text(presets: &Value) -> String {
    let Value::List(list) = presets else {
        return String::new();
    };
    list.iter()
        .map(|p| {
            let text = |k: &str| p.get(k).and_then(Value::text).unwrap_or("").to_string();
            format!("{:<24} {}", text("id"), text("name"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn credits_text(c: &api::CreditsResult) -> String {
    let mut out: Vec<String> = c.periods.iter().map(|p| p.explanation.clone()).collect();
    out.push(format!("{}: {}", c.schedule, c.summary));
    out.join("\n")
}

fn risk_text(r: &api::RiskResult) -> String {
    let mut out = format!(
        "{} contract years simulated (seed {}), {} periods a year, {} charged a year\n\
         credits a year: mean {}, median {}, P90 {}, P99 {}, worst {}\n\
         expected credits: {}% of the contract value; a year has a breach with probability {:.4}",
        r.years,
        r.seed,
        r.periods_per_year,
        r.yearly_charges,
        r.mean,
        r.median,
        r.p90,
        r.p99,
        r.worst,
        r.expected_percent,
        r.breach_probability_year
    );
    for note in &r.notes {
        out.push_str(&format!("\n{note}"));
    }
    out
}

fn compare_text(q: &api::QuotesResult) -> String {
    let mut out = q.verdict.join("\n");
    out.push('\n');
    for o in &q.options {
        out.push_str(&format!(
            "\n{}{}: {}; up to {} down a period on the basis; {} {} a year effective",
            o.name,
            if o.internal { " (internal)" } else { "" },
            o.promise,
            o.allowed_basis.text,
            o.effective_year,
            q.currency
        ));
    }
    out
}

fn chain_text(c: &api::ChainResult) -> String {
    let mut out = c.verdict.join("\n");
    let over = if c.basis == "round the clock" {
        format!("{}, round the clock", c.period)
    } else {
        c.basis.clone()
    };
    out.push_str(&format!(
        "\n\nOver {over}: {} down if independent, {} at worst.\n",
        c.availability.downtime.text, c.worst_case.downtime.text
    ));
    for p in &c.parts {
        out.push_str(&format!(
            "\n{} ({}): {}%",
            p.name, p.kind, p.availability.exact
        ));
        if let Some(promise) = &p.promise {
            out.push_str(&format!(", must promise {promise}%"));
        }
        if let Some(share) = &p.budget_share {
            out.push_str(&format!(", {share}% of the downtime allowed"));
        }
        if p.used_by.len() > 1 {
            out.push_str(&format!(", shared by {}", p.used_by.join(", ")));
        }
    }
    out.push_str("\n\n");
    out.push_str(&c.assumptions.join("\n"));
    out
}

/// A file's text, or standard input's for `-`.
fn read_text(path: &str) -> Result<String, Usage> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Usage(format!("standard input cannot be read: {e}")))?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| Usage(format!("{path} cannot be read: {e}")))
    }
}

fn attainment_text(r: &api::AttainmentResult) -> String {
    let mut out = r.verdict.join("\n");
    if !r.span.is_empty() {
        out.push_str(&format!("\n\n{} outages over {}", r.outages, r.span));
    }
    for c in &r.choices {
        let worst = c.worst.map(|i| &c.periods[i]);
        out.push_str(&format!(
            "\n{:>9}: {} of {} {} breached",
            c.measure,
            c.breached,
            c.periods.len(),
            if c.periods.len() == 1 {
                "period"
            } else {
                "periods"
            }
        ));
        if let Some(w) = worst {
            out.push_str(&format!(
                "; worst {} at {}%",
                w.label,
                w.availability.as_deref().unwrap_or("-")
            ));
        }
    }
    for roll in &r.rolling {
        if let Some(w) = &roll.worst {
            out.push_str(&format!(
                "\nworst {} days: {} at {}%",
                roll.days,
                w.label,
                w.availability.as_deref().unwrap_or("-")
            ));
        }
    }
    for line in &r.contrast {
        out.push_str(&format!("\n{line}"));
    }
    for b in &r.burn {
        out.push_str(&format!(
            "\n{} budget at {}: {} s allowed, {} s used, {} s left",
            b.measure, b.as_of, b.allowed_seconds, b.used_seconds, b.remaining_seconds
        ));
    }
    if !r.problems.is_empty() {
        let n = r.problems.len();
        out.push_str(&format!(
            "\n\n{n} {} not read:",
            if n == 1 { "row" } else { "rows" }
        ));
        for p in &r.problems {
            out.push_str(&format!("\n  line {}: {}", p.line, p.reason));
        }
    }
    out
}

fn budget_text(r: &api::BudgetResult) -> String {
    let mut out = format!(
        "{}% over {}: {} of downtime allowed ({} s)\n\
         per day {}, per week {}, per month {}\n{}",
        r.target,
        r.period.period_label,
        r.allowed_downtime,
        r.allowed_downtime_seconds,
        r.per_day.text,
        r.per_week.text,
        r.per_month.text,
        r.sentence
    );
    if let Some(s) = &r.service {
        out.push_str(&format!(
            "\n\non service hours ({}): {} of downtime allowed in {} of service ({} s)\n\
             per typical week {}, per average month {}, per average year {}\n{}",
            s.summary,
            s.allowed_downtime,
            s.service,
            s.allowed_downtime_seconds,
            s.per_week.text,
            s.per_month.text,
            s.per_year.text,
            s.sentence
        ));
    }
    out
}

fn achieved_text(r: &api::AchievedResult) -> String {
    let mut out = format!(
        "{} of downtime over {}: {}% available{}",
        r.downtime,
        r.period.period_label,
        r.availability,
        if r.availability_is_exact {
            ""
        } else {
            " (rounded down)"
        }
    );
    if let (Some(target), Some(meets), Some(allowed)) =
        (&r.target, r.meets_target, &r.allowed_downtime)
    {
        out.push_str(&format!(
            "\ntarget {target}%: {} ({allowed} allowed)",
            if meets { "met" } else { "missed" }
        ));
    }
    out.push('\n');
    out.push_str(&r.sentence);
    out
}

fn table_text(t: &api::TargetTable) -> String {
    let mut rows = vec![std::iter::once("target".to_string())
        .chain(t.periods.iter().map(|p| p.period.to_string()))
        .collect::<Vec<_>>()];
    for row in &t.rows {
        rows.push(
            std::iter::once(format!("{}%", row.target))
                .chain(row.cells.iter().map(|c| c.text.clone()))
                .collect(),
        );
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell:>w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    for p in &t.periods {
        out.push_str(&format!("\n{}: {}", p.period, p.label));
    }
    out
}
