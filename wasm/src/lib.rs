//! The JavaScript API: a thin `#[wasm_bindgen]` boundary that reads loosely typed JavaScript input, calls
//! the core and returns plain objects. Every bad input becomes a thrown `Error` with `code`, `field` and a
//! message a person understands; nothing here panics.

use chrono::Datelike;
use js_sys::{Array, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use slacalc::budget::{self, Achieved, Budget, ServiceBudget};
use slacalc::duration::ExactDuration;
use slacalc::error::{Error, Field};
use slacalc::period::{Average, Period};
use slacalc::target::Target;

#[cfg(feature = "analysis")]
mod attainment;
mod calendar;
#[cfg(feature = "analysis")]
mod penalty;
#[cfg(feature = "analysis")]
mod quotes;

#[cfg(feature = "analysis")]
pub use attainment::*;
use calendar::optional_calendar;
pub use calendar::*;
#[cfg(feature = "analysis")]
pub use penalty::*;
#[cfg(feature = "analysis")]
pub use quotes::*;

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &str = r#"
/** Thrown by every function on bad input. */
export interface SlacalcError extends Error {
    /** A stable machine-readable reason. */
    code: "missing" | "wrong_type" | "empty" | "invalid_number" | "out_of_range" | "too_many_decimals"
        | "invalid_period" | "invalid_duration" | "invalid_date" | "reversed_range" | "too_long"
        | "zero_length" | "exceeds_period" | "invalid_time_zone" | "unknown_time_zone" | "invalid_calendar"
        | "overlapping_hours" | "no_service_time" | "invalid_instant" | "unsupported_period"
        | "reversed_interval" | "invalid_log" | "invalid_value" | "too_large" | "internal";
    /** The input the error concerns. */
    field: "target" | "period" | "downtime" | "calendar" | "start" | "end" | "duration" | "outages" | "asOf"
        | "schedule" | "periods" | "model" | "input";
    /** The part concerned, for calendar errors ("timeZone", "weekly.mon", "holidays[2]") and penalty
     *  inputs ("tiers[1].when", "periods[3].charges", "incidentsPerMonth"). */
    part?: string;
}

/** A service calendar: weekly hours in a time zone, less holidays and exclusions. All strings. */
export interface CalendarInput {
    /** Start from a preset; the fields given override it. */
    preset?: "24x7" | "24x5" | "8x5" | "12x5" | "24x7-maintenance";
    /** IANA name; its data must be loaded with registerTimeZone first (UTC is built in). Default "UTC". */
    timeZone?: string;
    /** The weekly hours as one line: "Mon-Fri 08:00-18:00; Sat 09:00-12:30", "Sun 22:00-06:00", "24x7" or a
     *  preset name. Instead of weekly. */
    hours?: string;
    /** Hours per weekday: "09:00-17:00", "08:00-12:00, 13:00-17:00", "22:00-06:00" (overnight), "" (none). */
    weekly?: { mon?: string; tue?: string; wed?: string; thu?: string; fri?: string; sat?: string; sun?: string };
    /** "2026-12-25", "2026-12-24..2026-12-26", "12-25", "4th thu of nov", "last mon of may", "easter-2". */
    holidays?: string[];
    /** "2026-03-01T02:00/2026-03-01T04:00", "sun 02:00-04:00", "1st sat 22:00-02:00", "daily 01:00-01:30". */
    exclusions?: string[];
}
"#;

/// Input of `budget`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BudgetInput {
    /// The availability target in percent, 0 < target <= 100, up to 6 decimals: `"99.9"` or `99.9`.
    #[tsify(type = "string | number")]
    pub target: String,
    /// `"day"`..`"year"` (Gregorian averages), an ISO 8601 duration (`"P14D"`), a calendar period
    /// (`"2026-02"`, `"2026-Q1"`, `"2026"`, `"2026-W09"`) or a date range (`"2026-03-01/2026-03-15"`).
    pub period: String,
    /// Optional service calendar: the result's `service` then gives the budget over its service hours.
    /// Hours text (`"Mon-Fri 08:00-18:00"`, in UTC) or a `CalendarInput`.
    #[tsify(optional, type = "string | CalendarInput | null")]
    pub calendar: Option<String>,
}

/// Input of `achieved`.
#[derive(Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AchievedInput {
    /// The downtime: an ISO 8601 duration (`"PT1H20M"`), text (`"1 h 20 min"`) or a number of seconds.
    #[tsify(type = "string | number")]
    pub downtime: String,
    /// The period, as for `budget`.
    pub period: String,
    /// Optional target to compare with.
    #[tsify(optional, type = "string | number | null")]
    pub target: Option<String>,
    /// Optional service calendar: the downtime is then service time lost, measured against the service
    /// hours in the period. Hours text or a `CalendarInput`.
    #[tsify(optional, type = "string | CalendarInput | null")]
    pub calendar: Option<String>,
}

/// A length of time, exactly and for people.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DurationText {
    /// Exact seconds as a decimal string: `"2629.746"`.
    pub seconds: String,
    /// For people: `"43 min 49.746 s"`.
    pub text: String,
}

impl From<ExactDuration> for DurationText {
    fn from(d: ExactDuration) -> Self {
        DurationText {
            seconds: d.seconds_decimal(),
            text: d.to_string(),
        }
    }
}

/// The period a result is about.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PeriodInfo {
    /// Which convention: a Gregorian average, a fixed duration or calendar dates.
    #[tsify(type = r#""average" | "duration" | "calendar""#)]
    pub period_kind: &'static str,
    /// The period and its convention: `"average Gregorian month (30.436875 days)"`.
    pub period_label: String,
    /// Exact length in seconds: `"2629746"`.
    pub period_seconds: String,
    /// Length in days, rounded down to 9 decimals: `"30.436875"`.
    pub period_days: String,
    /// First instant of a calendar period (ISO 8601, UTC), else null.
    #[tsify(type = "string | null")]
    pub period_start: Option<String>,
    /// The instant a calendar period ends (exclusive), else null.
    #[tsify(type = "string | null")]
    pub period_end: Option<String>,
}

impl From<&Period> for PeriodInfo {
    fn from(p: &Period) -> Self {
        let instant = |d: chrono::NaiveDate| {
            format!("{:04}-{:02}-{:02}T00:00:00Z", d.year(), d.month(), d.day())
        };
        PeriodInfo {
            period_kind: p.kind(),
            period_label: p.label(),
            period_seconds: p.length().seconds_decimal(),
            period_days: p.length().days_decimal(),
            period_start: p.calendar().map(|c| instant(c.start())),
            period_end: p.calendar().map(|c| instant(c.end())),
        }
    }
}

/// What a target allows over a period.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BudgetResult {
    /// The target as read, without trailing zeros: `"99.9"`.
    pub target: String,
    /// The share of the period that may be lost, in percent: `"0.1"`.
    pub unavailability_percent: String,
    /// The period.
    #[serde(flatten)]
    pub period: PeriodInfo,
    /// Exact allowed downtime in seconds: `"2629.746"`.
    pub allowed_downtime_seconds: String,
    /// Allowed downtime for people: `"43 min 49.746 s"`.
    pub allowed_downtime: String,
    /// The same target over a day of 24 hours.
    pub per_day: DurationText,
    /// The same target over a week of 7 days.
    pub per_week: DurationText,
    /// The same target over an average Gregorian month.
    pub per_month: DurationText,
    /// One sentence that explains the budget.
    pub sentence: String,
    /// The budget over the calendar's service hours, when a calendar was given; else null.
    #[tsify(type = "ServiceResult | null")]
    pub service: Option<ServiceResult>,
}

/// A target over a calendar's service hours.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ServiceResult {
    /// The weekly hours and zone: `"Mon-Fri 09:00-17:00 in Europe/London"`.
    pub summary: String,
    /// How the service time was counted: `"service hours in March 2026 (Europe/London)"`.
    pub basis: String,
    /// Exact service seconds in the period.
    pub service_seconds: String,
    /// Service time for people, in hours: `"176 h"`.
    pub service: String,
    /// Exact allowed downtime within the service time, in seconds.
    pub allowed_downtime_seconds: String,
    /// Allowed downtime within the service time, for people.
    pub allowed_downtime: String,
    /// The calendar's budget beside 24x7 in one sentence.
    pub sentence: String,
    /// The same target over the service hours of a typical week.
    pub per_week: DurationText,
    /// The same target over the service hours of an average month (4.348125 typical weeks).
    pub per_month: DurationText,
    /// The same target over the service hours of an average year (52.1775 typical weeks).
    pub per_year: DurationText,
}

/// The availability a downtime achieved over a period.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AchievedResult {
    /// The period.
    #[serde(flatten)]
    pub period: PeriodInfo,
    /// Exact downtime in seconds.
    pub downtime_seconds: String,
    /// Downtime for people.
    pub downtime: String,
    /// Availability in percent, rounded DOWN to 6 decimals: `"99.817472"`.
    pub availability: String,
    /// Whether `availability` is exact (nothing was rounded away).
    pub availability_is_exact: bool,
    /// `-log10(1 - availability)` rounded down to 2 decimals; null when there was no downtime.
    #[tsify(type = "number | null")]
    pub nines: Option<f64>,
    /// The target compared with, if one was given.
    #[tsify(type = "string | null")]
    pub target: Option<String>,
    /// Whether the availability meets the target (compared exactly), if one was given.
    #[tsify(type = "boolean | null")]
    pub meets_target: Option<bool>,
    /// The target's allowed downtime over the period in seconds, if a target was given.
    #[tsify(type = "string | null")]
    pub allowed_downtime_seconds: Option<String>,
    /// The target's allowed downtime for people, if a target was given.
    #[tsify(type = "string | null")]
    pub allowed_downtime: Option<String>,
    /// Exact seconds measured against: the period, or its service time under a calendar.
    pub measured_seconds: String,
    /// One sentence that explains the result.
    pub sentence: String,
}

/// A column of the table of common targets.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TablePeriod {
    /// `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`.
    pub period: &'static str,
    /// The convention: `"average Gregorian month (30.436875 days)"`.
    pub label: String,
    /// Exact length in seconds.
    pub seconds: String,
}

/// A row of the table of common targets.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TableRow {
    /// The target: `"99.9"`.
    pub target: String,
    /// Allowed downtime over each period, in the order of `periods`.
    pub cells: Vec<DurationText>,
}

/// Allowed downtime of common targets by day, week, month, quarter and year.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TargetTable {
    /// The columns.
    pub periods: Vec<TablePeriod>,
    /// One row per target: 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999.
    pub rows: Vec<TableRow>,
}

/// What `target` allows over `period`.
///
/// Throws a `SlacalcError` naming the field on bad input.
#[wasm_bindgen(js_name = budget, unchecked_return_type = "BudgetResult")]
pub fn budget_js(
    #[wasm_bindgen(unchecked_param_type = "BudgetInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = (|| {
        let input = plain(&input, Field::Input)?;
        check_object(&input)?;
        let target = target_from(&get(&input, Field::Target)?)?;
        let period = period_from(&get(&input, Field::Period)?)?;
        let mut result = budget_result(&Budget::new(target, period.clone()));
        if let Some(calendar) = optional_calendar(&input)? {
            let b = ServiceBudget::new(target, period, &calendar)?;
            let typical = |a: Average| {
                ServiceBudget::new(target, Period::Average(a), &calendar)
                    .map(|t| t.allowed().into())
            };
            result.service = Some(ServiceResult {
                per_week: typical(Average::Week)?,
                per_month: typical(Average::Month)?,
                per_year: typical(Average::Year)?,
                summary: b.summary().to_string(),
                basis: b.basis().to_string(),
                service_seconds: b.service().seconds_decimal(),
                service: b.service().to_hours_string(),
                allowed_downtime_seconds: b.allowed().seconds_decimal(),
                allowed_downtime: b.allowed().to_string(),
                sentence: b.sentence(),
            });
        }
        Ok(result)
    })();
    respond(result)
}

/// The availability `downtime` achieved over `period`, compared with `target` if one is given.
///
/// Throws a `SlacalcError` naming the field on bad input.
#[wasm_bindgen(js_name = achieved, unchecked_return_type = "AchievedResult")]
pub fn achieved_js(
    #[wasm_bindgen(unchecked_param_type = "AchievedInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = (|| {
        let input = plain(&input, Field::Input)?;
        check_object(&input)?;
        let period = period_from(&get(&input, Field::Period)?)?;
        let downtime = downtime_from(&get(&input, Field::Downtime)?)?;
        let target = get(&input, Field::Target)?;
        let target = if target.is_undefined() || target.is_null() {
            None
        } else {
            Some(target_from(&target)?)
        };
        let achieved = match optional_calendar(&input)? {
            None => Achieved::new(downtime, period)?,
            Some(calendar) => {
                Achieved::in_service(downtime, &budget::ServiceTime::measure(period, &calendar)?)?
            }
        };
        let allowed = target.map(|t| achieved.allowed(t));
        Ok(AchievedResult {
            period: achieved.period().into(),
            downtime_seconds: downtime.seconds_decimal(),
            downtime: downtime.to_string(),
            availability: achieved.availability(6),
            availability_is_exact: achieved.availability_is_exact(6),
            nines: achieved.nines(),
            target: target.map(|t| t.to_string()),
            meets_target: target.map(|t| achieved.meets(t)),
            allowed_downtime_seconds: allowed.map(|d| d.seconds_decimal()),
            allowed_downtime: allowed.map(|d| d.to_string()),
            measured_seconds: achieved.total().seconds_decimal(),
            sentence: achieved.sentence(target),
        })
    })();
    respond(result)
}

/// Allowed downtime of the common targets (90% to 99.999%) by day, week, average month, quarter and year.
/// Allowed downtime of common targets over a calendar's service hours: in a typical week and in the
/// average month, quarter and year (counted in typical weeks). Columns say how much service time each
/// holds.
///
/// Throws a `SlacalcError` naming the calendar's part when the calendar cannot be used.
#[wasm_bindgen(js_name = serviceTable, unchecked_return_type = "TargetTable")]
pub fn service_table_js(
    #[wasm_bindgen(unchecked_param_type = "string | CalendarInput")] calendar: JsValue,
) -> Result<JsValue, JsValue> {
    let result = (|| {
        let calendar = calendar::calendar_from(&plain(&calendar, Field::Calendar)?)?;
        let (service, rows) = budget::service_table(&calendar)?;
        Ok(TargetTable {
            periods: budget::SERVICE_PERIODS
                .iter()
                .zip(service)
                .map(|(a, s)| TablePeriod {
                    period: a.name(),
                    label: format!(
                        "{} of service in {} {}",
                        s.to_hours_string(),
                        if *a == Average::Week {
                            "a typical"
                        } else {
                            "an average"
                        },
                        a.name()
                    ),
                    seconds: s.seconds_decimal(),
                })
                .collect(),
            rows: rows
                .into_iter()
                .map(|(t, cells)| TableRow {
                    target: t.to_string(),
                    cells: cells.map(DurationText::from).into(),
                })
                .collect(),
        })
    })();
    respond(result)
}

/// Allowed downtime of common targets by day, week, month, quarter and year, on 24x7.
#[wasm_bindgen(js_name = table, unchecked_return_type = "TargetTable")]
pub fn table_js() -> Result<JsValue, JsValue> {
    let table = TargetTable {
        periods: Average::ALL
            .iter()
            .map(|a| TablePeriod {
                period: a.name(),
                label: Period::Average(*a).label(),
                seconds: a.length().seconds_decimal(),
            })
            .collect(),
        rows: budget::table()
            .into_iter()
            .map(|(t, cells)| TableRow {
                target: t.to_string(),
                cells: cells.map(DurationText::from).into(),
            })
            .collect(),
    };
    respond(Ok(table))
}

fn budget_result(b: &Budget) -> BudgetResult {
    BudgetResult {
        target: b.target().to_string(),
        unavailability_percent: b.target().unavailability_percent(),
        period: b.period().into(),
        allowed_downtime_seconds: b.allowed().seconds_decimal(),
        allowed_downtime: b.allowed().to_string(),
        per_day: b.allowed_per(ExactDuration::DAY).into(),
        per_week: b.allowed_per(ExactDuration::WEEK).into(),
        per_month: b.allowed_per(Average::Month.length()).into(),
        sentence: b.sentence(),
        service: None,
    }
}

fn respond<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| error_value(&e))?;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&format!("internal error: {e}"), "internal", "input"))
}

fn error_value(e: &Error) -> JsValue {
    let error = js_error(&e.to_string(), e.code(), e.field().name());
    if let Some(part) = e.part() {
        let _ = Reflect::set(&error, &"part".into(), &part.into());
    }
    error
}

fn js_error(message: &str, code: &str, field: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    let _ = Reflect::set(&error, &"field".into(), &field.into());
    error.into()
}

/// What kind of JavaScript value `v` is, for messages: "a number", "an array", "null".
fn kind_of(v: &JsValue) -> &'static str {
    if v.is_null() {
        "null"
    } else if v.is_undefined() {
        "undefined"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.is_string() {
        "a string"
    } else if Array::is_array(v) {
        "an array"
    } else if v.is_bigint() {
        "a bigint"
    } else if v.is_symbol() {
        "a symbol"
    } else if v.is_function() {
        "a function"
    } else {
        "an object"
    }
}

/// A plain copy of what a caller gave, made before anything else reads it: JSON text and back. Getters
/// and Proxies run here, once; what they throw, a cycle, or nesting too deep for JSON becomes an error
/// naming the field, and nothing the caller's code throws ever passes through the module's frames
/// (which would leave its stack and borrows broken).
fn plain(v: &JsValue, field: Field) -> Result<JsValue, Error> {
    copy(v, field, true)
}

/// As [`plain`]; `exact` keeps the text of numbers JSON cannot hold, at the cost of a call back into the
/// module for every value: large inputs (an outage log's records) go without.
fn copy(v: &JsValue, field: Field, exact: bool) -> Result<JsValue, Error> {
    if !v.is_object() {
        return Ok(v.clone());
    }
    let unreadable = |e: JsValue| Error::InvalidValue {
        field,
        part: String::new(),
        reason: format!("cannot be read: {}", thrown(&e)),
    };
    // Numbers that JSON cannot hold keep their text ("NaN", "Infinity"), to be refused by name.
    let finite =
        Closure::<dyn FnMut(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| {
            match value.as_f64() {
                Some(x) if !x.is_finite() => JsValue::from_str(if x.is_nan() {
                    "NaN"
                } else if x > 0.0 {
                    "Infinity"
                } else {
                    "-Infinity"
                }),
                _ => value,
            }
        });
    let text: JsValue = if exact {
        js_sys::JSON::stringify_with_replacer(v, finite.as_ref())
    } else {
        js_sys::JSON::stringify(v)
    }
    .map_err(unreadable)?
    .into();
    let Some(text) = text.as_string() else {
        return Err(Error::WrongType {
            field,
            expected: "a plain object",
            found: "a value JSON cannot hold",
        });
    };
    js_sys::JSON::parse(&text).map_err(unreadable)
}

/// The JSON text of a value already copied plainly (see [`plain`]); a bare number keeps JavaScript's
/// text and a value JSON cannot hold (`undefined`, a function) reads as `null`.
#[cfg(feature = "analysis")]
fn json_text(v: &JsValue, field: Field) -> Result<String, Error> {
    if let Some(x) = v.as_f64() {
        return Ok(if x.is_finite() {
            number_text(x, field)?
        } else {
            format!("\"{}\"", js_number_text(x))
        });
    }
    let text: JsValue = js_sys::JSON::stringify(v)
        .map_err(|e| Error::InvalidValue {
            field,
            part: String::new(),
            reason: format!("cannot be read: {}", thrown(&e)),
        })?
        .into();
    Ok(text.as_string().unwrap_or_else(|| "null".to_string()))
}

/// JavaScript's own `String(n)`, with an exponent written out in full.
fn js_number_text(x: f64) -> String {
    let text: String = js_sys::Number::from(x)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    slacalc::decimal::expand_exponent(&text).unwrap_or(text)
}

#[cfg(feature = "analysis")]
/// The known `keys` of an input object, each copied plainly (see [`plain`]), into a new object: for inputs
/// that also carry something too large to copy (an outage log's text), read on its own.
fn pick(input: &JsValue, keys: &[&str], field: Field) -> Result<JsValue, Error> {
    if !input.is_object() {
        return Ok(input.clone());
    }
    let copy = js_sys::Object::new();
    for key in keys {
        let v = Reflect::get(input, &(*key).into()).map_err(|e| Error::InvalidValue {
            field,
            part: (*key).to_string(),
            reason: format!("cannot be read: {}", thrown(&e)),
        })?;
        if !v.is_undefined() {
            // Setting a property of a fresh object cannot fail.
            let _ = Reflect::set(&copy, &(*key).into(), &plain(&v, field)?);
        }
    }
    Ok(copy.into())
}

/// A JavaScript value read into a [`Value`](slacalc::value::Value) through its JSON text, so that
/// numbers keep JavaScript's own shortest text; what stops it (a getter that throws, a cycle, nesting
/// too deep, too many items) is an [`Error::InvalidValue`] for `field` and `part`.
#[cfg(feature = "analysis")]
fn value_from(v: JsValue, field: Field, part: &str) -> Result<slacalc::value::Value, Error> {
    let text = json_text(&v, field)?;
    slacalc::value::Value::parse_json(&text).map_err(|message| {
        slacalc::value::invalid(
            field,
            part,
            if message.starts_with("it ") {
                message
            } else {
                format!("cannot be read: {message}")
            },
        )
    })
}

/// What a caller's code threw, in words: an error's message, or the value's own text.
fn thrown(e: &JsValue) -> String {
    if let Some(text) = e.as_string() {
        return text;
    }
    match Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
    {
        Some(m) if !m.is_empty() => m,
        _ => "the value threw an error when it was read".to_string(),
    }
}

/// A string parameter, or an error naming the field: JavaScript may pass anything.
fn text_param(v: &JsValue, field: Field, expected: &'static str) -> Result<String, Error> {
    v.as_string()
        .ok_or_else(|| missing_or_wrong(v, field, expected))
}

fn check_object(input: &JsValue) -> Result<(), Error> {
    if input.is_undefined() || input.is_null() {
        return Err(Error::Missing {
            field: Field::Input,
        });
    }
    if !input.is_object() || Array::is_array(input) || input.is_function() {
        return Err(Error::WrongType {
            field: Field::Input,
            expected: "an object such as { target: \"99.9\", period: \"month\" }",
            found: kind_of(input),
        });
    }
    Ok(())
}

fn get(input: &JsValue, field: Field) -> Result<JsValue, Error> {
    Reflect::get(input, &field.name().into()).map_err(|_| Error::WrongType {
        field,
        expected: "a readable property",
        found: "a property that throws when read",
    })
}

fn missing_or_wrong(v: &JsValue, field: Field, expected: &'static str) -> Error {
    if v.is_undefined() || v.is_null() {
        Error::Missing { field }
    } else {
        Error::WrongType {
            field,
            expected,
            found: kind_of(v),
        }
    }
}

/// A string as it is, or a number as its exact decimal text (see [`number_text`]); `None` for any other
/// kind of value.
fn text_or_number(v: &JsValue, field: Field) -> Option<Result<String, Error>> {
    match v.as_string() {
        Some(text) => Some(Ok(text)),
        None => v.as_f64().map(|n| number_text(n, field)),
    }
}

fn target_from(v: &JsValue) -> Result<Target, Error> {
    if let Some(text) = text_or_number(v, Field::Target) {
        Target::parse(&text?)
    } else {
        Err(missing_or_wrong(
            v,
            Field::Target,
            "a percentage, as a string such as \"99.9\" or a number",
        ))
    }
}

/// A JavaScript number as the shortest decimal text that reads back as it (JavaScript's own `String(n)`),
/// written out in full: `99.9` is exactly 99.9, not the binary fraction nearest to it.
fn number_text(number: f64, field: Field) -> Result<String, Error> {
    let text = js_number_text(number);
    if !number.is_finite() {
        return Err(Error::InvalidNumber {
            field,
            value: text,
            hint: "give a finite number",
        });
    }
    Ok(text)
}

fn period_from(v: &JsValue) -> Result<Period, Error> {
    match v.as_string() {
        Some(text) => Period::parse(&text),
        None => Err(missing_or_wrong(
            v,
            Field::Period,
            "a string such as \"month\", \"P14D\" or \"2026-02\"",
        )),
    }
}

/// A duration as the result texts write it: `durationText("2678.4")` is `"44 min 38.4 s"`,
/// `durationText(-4521.6)` is `"-1 h 15 min 21.6 s"`. Takes seconds (a number or a decimal string,
/// negative allowed) or any duration `achieved` reads. Throws a `SlacalcError` with `field: "duration"`.
#[wasm_bindgen(js_name = durationText)]
pub fn duration_text(
    #[wasm_bindgen(unchecked_param_type = "string | number")] seconds: JsValue,
) -> Result<String, JsValue> {
    let negative = seconds.as_f64().is_some_and(|n| n < 0.0)
        || seconds
            .as_string()
            .is_some_and(|t| t.trim_start().starts_with('-'));
    let magnitude = match seconds.as_f64() {
        Some(n) => JsValue::from_f64(n.abs()),
        None => JsValue::from_str(
            seconds
                .as_string()
                .unwrap_or_default()
                .trim_start()
                .trim_start_matches('-'),
        ),
    };
    let d = duration_from(&magnitude, Field::Duration).map_err(|e| error_value(&e))?;
    Ok(if negative && !d.is_zero() {
        format!("-{d}")
    } else {
        d.to_string()
    })
}

/// The exact seconds of a duration as a decimal string: `durationSeconds("1 h 30 min")` is `"5400"`.
/// Reads what `achieved` reads. Throws a `SlacalcError` with `field: "duration"`.
#[cfg(feature = "analysis")]
#[wasm_bindgen(js_name = durationSeconds)]
pub fn duration_seconds(
    #[wasm_bindgen(unchecked_param_type = "string | number")] duration: JsValue,
) -> Result<String, JsValue> {
    duration_from(&duration, Field::Duration)
        .map(ExactDuration::seconds_decimal)
        .map_err(|e| error_value(&e))
}

fn downtime_from(v: &JsValue) -> Result<ExactDuration, Error> {
    duration_from(v, Field::Downtime)
}

fn duration_from(v: &JsValue, field: Field) -> Result<ExactDuration, Error> {
    if let Some(text) = text_or_number(v, field) {
        ExactDuration::parse(&text?, field)
    } else {
        Err(missing_or_wrong(
            v,
            field,
            "a duration, as a string such as \"PT1H20M\" or a number of seconds",
        ))
    }
}
