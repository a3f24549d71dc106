//! One request and one response type per function of the JavaScript API and the command line, read from a
//! JSON-like [`Value`] once and written out with serde. The WASM boundary (`wasm/`) and the command line
//! (`cli/`) only convert: JavaScript values or JSON files in, these responses out; every rule is here, where
//! native tests reach it.
//!
//! ```
//! use slacalc::api::{self, NoZones};
//! use slacalc::value::Value;
//! let request = Value::parse_json(r#"{"target": 99.9, "period": "month"}"#).unwrap();
//! let budget = api::budget(&request, &NoZones)?;
//! assert_eq!(budget.allowed_downtime, "43 min 49.746 s");
//! assert_eq!(budget.per_day.seconds, "86.4");
//! # Ok::<(), slacalc::Error>(())
//! ```
//!
//! Errors name the field and, inside a calendar or a schedule, the part: `calendar` /
//! `weekly.mon`, `schedule` / `tiers[1].when`.

pub mod attainment;
#[cfg(feature = "chain")]
mod back_to_back;
mod budget;
pub mod calendar;
#[cfg(feature = "chain")]
pub mod chain;
pub mod penalty;
pub mod quotes;
pub mod tickets;
mod typescript;

pub use attainment::{attainment, read_log, AttainmentResult, MeasureInput, ReadLog, Terms};
pub use budget::*;
pub use calendar::{calendar_preset, hours_text, CalendarInput, WeeklyInput};
#[cfg(feature = "chain")]
pub use chain::{chain, ChainResult};
pub use penalty::{credit_presets, credits, risk, CreditsResult, RiskResult};
pub use quotes::{compare_quotes, QuotesResult};
pub use tickets::{tickets, TicketsResult};
pub use typescript::{typescript, typescript_analysis};

use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::period::Period;
use crate::target::Target;
use crate::value::Value;
use crate::zone::Zone;

/// Where the time zones a calendar names come from: the zones a page registered, or a zoneinfo folder.
/// UTC is always there.
pub trait Zones {
    /// The zone called `name`, if it is loaded.
    fn zone(&self, name: &str) -> Option<Zone>;
}

/// Keeps `zone` among the zones a caller loaded, in place of one of the same name (a page loads a few: a
/// list is smaller in the WASM than a hash map, and as quick).
pub fn register_zone(zones: &mut Vec<Zone>, zone: Zone) {
    match zones.iter().position(|known| known.name() == zone.name()) {
        Some(i) => zones[i] = zone,
        None => zones.push(zone),
    }
}

impl Zones for [Zone] {
    fn zone(&self, name: &str) -> Option<Zone> {
        self.iter().find(|zone| zone.name() == name).cloned()
    }
}

/// No zones but UTC.
pub struct NoZones;

impl Zones for NoZones {
    fn zone(&self, _: &str) -> Option<Zone> {
        None
    }
}

/// The zone called `name` from `zones`, UTC always; an [`Error::UnknownTimeZone`] otherwise.
pub fn zone_named(zones: &dyn Zones, name: &str) -> Result<Zone, Error> {
    if matches!(name, "UTC" | "Etc/UTC" | "Z") {
        return Ok(Zone::utc());
    }
    zones.zone(name).ok_or_else(|| Error::UnknownTimeZone {
        value: name.to_string(),
    })
}

/// The zone a text read piece by piece reads its local times in: a zone's name, or UTC for none or an
/// empty one.
pub(crate) fn reading_zone(time_zone: &Value, zones: &dyn Zones) -> Result<Zone, Error> {
    match time_zone {
        Value::Null => Ok(Zone::utc()),
        Value::Text(name) if name.trim().is_empty() => Ok(Zone::utc()),
        Value::Text(name) => zone_named(zones, name.trim()),
        other => Err(Error::WrongType {
            field: Field::Calendar,
            expected: "a time zone name as a string, such as \"Europe/London\"",
            found: other.kind(),
        }),
    }
}

/// The entries of a request object, or the error a caller who gave something else should see.
pub(crate) fn object(input: &Value) -> Result<&[(String, Value)], Error> {
    match input {
        Value::Map(entries) => Ok(entries),
        Value::Null => Err(Error::Missing {
            field: Field::Input,
        }),
        other => Err(Error::WrongType {
            field: Field::Input,
            expected: "an object such as { target: \"99.9\", period: \"month\" }",
            found: other.kind(),
        }),
    }
}

/// The value of `name` in an object's entries (the last, as `JSON.parse` keeps it); `None` when absent
/// or null.
pub(crate) use crate::value::entry as get;

/// A missing value, or one of the wrong kind, for `field`.
pub(crate) fn missing_or_wrong(v: Option<&Value>, field: Field, expected: &'static str) -> Error {
    match v {
        None => Error::Missing { field },
        Some(v) => Error::WrongType {
            field,
            expected,
            found: v.kind(),
        },
    }
}

/// A string as it is, or a number as its exact decimal text; `None` for any other kind of value.
fn text_or_number(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::Text(t)) | Some(Value::Number(t)) => Some(t),
        _ => None,
    }
}

/// The availability target: `"99.9"` or `99.9`.
pub fn target_from(v: Option<&Value>) -> Result<Target, Error> {
    match text_or_number(v) {
        Some(text) => Target::parse(text),
        None => Err(missing_or_wrong(
            v,
            Field::Target,
            "a percentage, as a string such as \"99.9\" or a number",
        )),
    }
}

/// The period: `"month"`, `"P14D"`, `"2026-02"`, `"2026-03-01/2026-03-15"`.
pub fn period_from(v: Option<&Value>) -> Result<Period, Error> {
    match v {
        Some(Value::Text(text)) => Period::parse(text),
        _ => Err(missing_or_wrong(
            v,
            Field::Period,
            "a string such as \"month\", \"P14D\" or \"2026-02\"",
        )),
    }
}

/// What a duration is, for messages.
pub const DURATION: &str = "a duration, as a string such as \"PT1H20M\" or a number of seconds";

/// A duration: ISO 8601 (`"PT1H20M"`), text (`"1 h 20 min"`) or a number of seconds.
pub fn duration_from(v: Option<&Value>, field: Field) -> Result<ExactDuration, Error> {
    match text_or_number(v) {
        Some(text) => ExactDuration::parse(text, field),
        None => Err(missing_or_wrong(v, field, DURATION)),
    }
}

/// A duration as the result texts write it, negative allowed: `"2678.4"` is `"44 min 38.4 s"`,
/// `"-4521.6"` is `"-1 h 15 min 21.6 s"`. Reads what `achieved` reads.
///
/// ```
/// use slacalc::api::duration_text;
/// use slacalc::value::Value;
/// assert_eq!(duration_text(&Value::Number("-4521.6".into()))?, "-1 h 15 min 21.6 s");
/// assert_eq!(duration_text(&Value::Text("PT1H".into()))?, "1 h");
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn duration_text(seconds: &Value) -> Result<String, Error> {
    let (negative, d) = match seconds {
        Value::Number(t) | Value::Text(t) => match t.trim_start().strip_prefix('-') {
            Some(magnitude) => (true, ExactDuration::parse(magnitude, Field::Duration)?),
            None => (false, ExactDuration::parse(t, Field::Duration)?),
        },
        Value::Null => return Err(missing_or_wrong(None, Field::Duration, DURATION)),
        other => return Err(missing_or_wrong(Some(other), Field::Duration, DURATION)),
    };
    Ok(if negative && !d.is_zero() {
        format!("-{d}")
    } else {
        d.to_string()
    })
}

/// The exact seconds of a duration as a decimal string: `"1 h 30 min"` is `"5400"`.
pub fn duration_seconds(duration: &Value) -> Result<String, Error> {
    let v = match duration {
        Value::Null => None,
        v => Some(v),
    };
    duration_from(v, Field::Duration).map(ExactDuration::seconds_decimal)
}
