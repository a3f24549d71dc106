//! `slacalc`: the API of the pages on the command line, for scripts and scheduled reports.
//!
//! ```text
//! slacalc budget --target 99.9 --period month
//! slacalc achieved --downtime "1 h 20 min" --period 2026-02 --target 99.9 --json
//! slacalc table --hours "Mon-Fri 08:00-18:00" --zone Europe/Berlin
//! slacalc budget --request budget.json
//! ```
//!
//! Each command reads its options, or a JSON request file (`--request FILE`, `-` for standard input) as
//! the JavaScript function of the same name takes it, options given beside it overriding its fields. It
//! writes what the page shows, or with `--json` the object the JavaScript function returns. Bad input is
//! an error on standard error naming the field (exit code 1); a command line that cannot be read exits
//! with 2. Time zones come from `$TZDIR` or `/usr/share/zoneinfo`.

use std::io::Read;
use std::process::ExitCode;

use serde::Serialize;
use slacalc::api::{self, Zones};
use slacalc::value::Value;
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

options:
  --target T     availability target in percent: 99.9
  --period P     month, quarter, P14D, 2026-02, 2026-Q1, 2026-03-01/2026-03-15
  --downtime D   PT1H20M, \"1 h 20 min\" or seconds
  --hours H      service hours: \"Mon-Fri 08:00-18:00; Sat 09:00-12:00\", 24x7, 8x5
  --zone Z       the time zone of the service hours: Europe/Berlin (default UTC)
  --request F    a JSON request as the JavaScript function takes it (- for standard input)
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
            println!("{out}");
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
    let request = options.request()?;
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
            let r = match get(&request, "calendar") {
                None => api::table(),
                Some(calendar) => api::service_table(calendar, &zones).map_err(fail)?,
            };
            Ok(if json { to_json(&r) } else { table_text(&r) })
        }
        "hours" => {
            let calendar = get(&request, "calendar").cloned().unwrap_or(Value::Null);
            let text = api::hours_text(&calendar).map_err(fail)?;
            Ok(if json { to_json(&text) } else { text })
        }
        other => Err(Usage(format!("unknown command {other:?}")).into()),
    }
}

fn get<'a>(v: &'a Value, name: &str) -> Option<&'a Value> {
    match v {
        Value::Map(entries) => entries
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null),
        _ => None,
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
                "--target" | "--period" | "--downtime" => {
                    let v = value()?;
                    o.fields.push((name[2..].to_string(), Value::Text(v)));
                }
                "--hours" => o.hours = Some(value()?),
                "--zone" => o.zone = Some(value()?),
                _ if !name.starts_with("--") && o.hours.is_none() => o.hours = Some(arg.clone()),
                _ => return Err(Usage(format!("unknown option {arg:?}"))),
            }
        }
        Ok(o)
    }

    /// The request: the file's, with the options' fields over it.
    fn request(&self) -> Result<Value, Usage> {
        let mut entries = match &self.request {
            None => Vec::new(),
            Some(path) => {
                let text = if path == "-" {
                    let mut text = String::new();
                    std::io::stdin()
                        .read_to_string(&mut text)
                        .map_err(|e| Usage(format!("standard input cannot be read: {e}")))?;
                    text
                } else {
                    std::fs::read_to_string(path)
                        .map_err(|e| Usage(format!("{path} cannot be read: {e}")))?
                };
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
        if self.hours.is_some() || self.zone.is_some() {
            let mut calendar = Vec::new();
            if let Some(zone) = &self.zone {
                calendar.push(("timeZone".to_string(), Value::Text(zone.clone())));
            }
            calendar.push((
                "hours".to_string(),
                Value::Text(self.hours.clone().unwrap_or_else(|| "24x7".into())),
            ));
            entries.push(("calendar".to_string(), Value::Map(calendar)));
        }
        Ok(Value::Map(entries))
    }
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
