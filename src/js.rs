//! The JavaScript API: a thin `#[wasm_bindgen]` boundary that reads loosely typed JavaScript input, calls
//! the core and returns plain objects. Every bad input becomes a thrown `Error` with `code`, `field` and a
//! message a person understands; nothing here panics.

use chrono::Datelike;
use js_sys::{Array, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use std::cell::RefCell;
use std::collections::HashMap;

use crate::budget::{self, Achieved, Budget, ServiceBudget};
use crate::calendar::{self, Calendar, CalendarSpec, Schedule};
use crate::decimal::expand_exponent;
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::period::{Average, Period};
use crate::target::Target;
use crate::zone::Zone;

#[wasm_bindgen(typescript_custom_section)]
const ERROR_TYPES: &str = r#"
/** Thrown by every function on bad input. */
export interface SlacalcError extends Error {
    /** A stable machine-readable reason. */
    code: "missing" | "wrong_type" | "empty" | "invalid_number" | "out_of_range" | "too_many_decimals"
        | "invalid_period" | "invalid_duration" | "invalid_date" | "reversed_range" | "too_long"
        | "zero_length" | "exceeds_period" | "invalid_time_zone" | "unknown_time_zone" | "invalid_calendar"
        | "overlapping_hours" | "no_service_time" | "invalid_instant" | "unsupported_period"
        | "reversed_interval" | "internal";
    /** The input the error concerns. */
    field: "target" | "period" | "downtime" | "calendar" | "start" | "end" | "duration" | "input";
    /** For calendar errors, the part concerned: "timeZone", "weekly.mon", "holidays[2]", "exclusions[0]". */
    part?: string;
}

/** A service calendar: weekly hours in a time zone, less holidays and exclusions. All strings. */
export interface CalendarInput {
    /** Start from a preset; the fields given override it. */
    preset?: "24x7" | "24x5" | "8x5" | "12x5" | "24x7-maintenance";
    /** IANA name; its data must be loaded with registerTimeZone first (UTC is built in). Default "UTC". */
    timeZone?: string;
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
    #[tsify(optional, type = "CalendarInput | null")]
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
    /// hours in the period.
    #[tsify(optional, type = "CalendarInput | null")]
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
        check_object(&input)?;
        let target = target_from(&get(&input, Field::Target)?)?;
        let period = period_from(&get(&input, Field::Period)?)?;
        let mut result = budget_result(&Budget::new(target, period.clone()));
        if let Some(calendar) = optional_calendar(&input)? {
            let b = ServiceBudget::new(target, period, &calendar)?;
            result.service = Some(ServiceResult {
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
    // Only makes a bug visible in the console; no input reaches a panic.
    console_error_panic_hook::set_once();
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

fn target_from(v: &JsValue) -> Result<Target, Error> {
    if let Some(text) = v.as_string() {
        Target::parse(&text)
    } else if let Some(number) = v.as_f64() {
        Target::parse(&number_text(number, Field::Target)?)
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
    let text: String = js_sys::Number::from(number)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default();
    if !number.is_finite() {
        return Err(Error::InvalidNumber {
            field,
            value: text,
            hint: "give a finite number",
        });
    }
    expand_exponent(&text).ok_or(Error::TooLong { field, value: text })
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

fn downtime_from(v: &JsValue) -> Result<ExactDuration, Error> {
    duration_from(v, Field::Downtime)
}

fn duration_from(v: &JsValue, field: Field) -> Result<ExactDuration, Error> {
    if let Some(text) = v.as_string() {
        ExactDuration::parse(&text, field)
    } else if let Some(number) = v.as_f64() {
        ExactDuration::parse(&number_text(number, field)?, field)
    } else {
        Err(missing_or_wrong(
            v,
            field,
            "a duration, as a string such as \"PT1H20M\" or a number of seconds",
        ))
    }
}

thread_local! {
    /// Time zones loaded with `registerTimeZone`, by name.
    static ZONES: RefCell<HashMap<String, Zone>> = RefCell::new(HashMap::new());
}

/// Loads a time zone's TZif data (from `tz/<name>.tzif` next to the page, or `/usr/share/zoneinfo/<name>`),
/// so that calendars can use it. UTC is built in. Loading a zone again replaces it.
#[wasm_bindgen(js_name = registerTimeZone)]
pub fn register_time_zone(name: &str, tzif: &[u8]) -> Result<(), JsValue> {
    let zone = Zone::from_tzif(name, tzif).map_err(|e| error_value(&e))?;
    ZONES.with(|z| z.borrow_mut().insert(name.to_string(), zone));
    Ok(())
}

/// Whether a time zone can be used: UTC, or loaded with `registerTimeZone`.
#[wasm_bindgen(js_name = hasTimeZone)]
pub fn has_time_zone(name: &str) -> bool {
    zone_named(name).is_ok()
}

fn zone_named(name: &str) -> Result<Zone, Error> {
    if matches!(name, "UTC" | "Etc/UTC" | "Z") {
        return Ok(Zone::utc());
    }
    ZONES
        .with(|z| z.borrow().get(name).cloned())
        .ok_or_else(|| Error::UnknownTimeZone {
            value: name.to_string(),
        })
}

fn optional_calendar(input: &JsValue) -> Result<Option<Calendar>, Error> {
    let v = get(input, Field::Calendar)?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    calendar_from(&v).map(Some)
}

fn calendar_part_error(part: &str, v: &JsValue, expected: &str) -> Error {
    Error::InvalidCalendar {
        part: part.to_string(),
        value: v.as_string().unwrap_or_default(),
        reason: format!("it must be {expected}, not {}", kind_of(v)),
    }
}

fn calendar_string(v: &JsValue, part: &str) -> Result<Option<String>, Error> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        v.as_string()
            .map(Some)
            .ok_or_else(|| calendar_part_error(part, v, "a string"))
    }
}

fn calendar_strings(v: &JsValue, part: &str) -> Result<Option<Vec<String>>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !Array::is_array(v) {
        return Err(calendar_part_error(part, v, "an array of strings"));
    }
    let array: &Array = v.unchecked_ref();
    if array.length() as usize > calendar::MAX_RULES {
        return Err(Error::InvalidCalendar {
            part: part.to_string(),
            value: String::new(),
            reason: format!("at most {} entries are allowed", calendar::MAX_RULES),
        });
    }
    array
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let part = format!("{part}[{i}]");
            item.as_string()
                .ok_or_else(|| calendar_part_error(&part, &item, "a string"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn calendar_from(v: &JsValue) -> Result<Calendar, Error> {
    if !v.is_object() || Array::is_array(v) || v.is_function() {
        return Err(Error::WrongType {
            field: Field::Calendar,
            expected: "an object such as { timeZone: \"Europe/London\", weekly: { mon: \"09:00-17:00\" } }",
            found: kind_of(v),
        });
    }
    let read = |key: &str| {
        Reflect::get(v, &key.into()).map_err(|_| Error::InvalidCalendar {
            part: key.to_string(),
            value: String::new(),
            reason: "it cannot be read".to_string(),
        })
    };
    let mut spec = CalendarSpec {
        time_zone: "UTC".to_string(),
        ..CalendarSpec::default()
    };
    if let Some(name) = calendar_string(&read("preset")?, "preset")? {
        spec = calendar::preset(&name).ok_or_else(|| Error::InvalidCalendar {
            part: "preset".to_string(),
            value: name.clone(),
            reason: "use 24x7, 24x5, 8x5, 12x5 or 24x7-maintenance".to_string(),
        })?;
    }
    if let Some(zone) = calendar_string(&read("timeZone")?, "timeZone")? {
        spec.time_zone = zone;
    }
    let weekly = read("weekly")?;
    if !weekly.is_undefined() && !weekly.is_null() {
        if !weekly.is_object() || Array::is_array(&weekly) {
            return Err(calendar_part_error(
                "weekly",
                &weekly,
                "an object with mon to sun",
            ));
        }
        for (i, day) in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .enumerate()
        {
            let part = format!("weekly.{day}");
            let value = Reflect::get(&weekly, &(*day).into()).unwrap_or(JsValue::UNDEFINED);
            if let Some(hours) = calendar_string(&value, &part)? {
                spec.weekly[i] = hours;
            }
        }
    }
    if let Some(holidays) = calendar_strings(&read("holidays")?, "holidays")? {
        spec.holidays = holidays;
    }
    if let Some(exclusions) = calendar_strings(&read("exclusions")?, "exclusions")? {
        spec.exclusions = exclusions;
    }
    Calendar::new(&spec, zone_named(spec.time_zone.trim())?)
}

/// A service calendar ready for many queries: service time between instants, and deadlines after N hours
/// of service. Expands its service hours once per span of years, and answers each query in O(log n).
#[wasm_bindgen]
pub struct ServiceCalendar {
    calendar: Calendar,
    schedule: RefCell<Option<Schedule>>,
}

/// Service time between two instants.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ServiceTime {
    /// Exact service seconds.
    pub seconds: String,
    /// For people, in hours: `"11 h 30 min"`.
    pub text: String,
}

/// An instant, in UTC and in the calendar's time zone.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Instant {
    /// ISO 8601 in UTC: `"2015-02-27T11:12:34Z"`.
    pub utc: String,
    /// The local date and time in the calendar's zone, without offset: `"2015-02-27T11:12:34"`.
    pub local: String,
    /// The UTC offset there, in seconds east of UTC.
    pub offset_seconds: i32,
}

#[wasm_bindgen]
impl ServiceCalendar {
    /// Reads a calendar (see `CalendarInput`). Throws a `SlacalcError` with `field: "calendar"` and the
    /// `part` concerned on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "CalendarInput")] spec: JsValue,
    ) -> Result<ServiceCalendar, JsValue> {
        console_error_panic_hook::set_once();
        let calendar = calendar_from(&spec).map_err(|e| error_value(&e))?;
        Ok(ServiceCalendar {
            calendar,
            schedule: RefCell::new(None),
        })
    }

    /// The weekly hours in short: `"Mon-Fri 09:00-17:00"`.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> String {
        self.calendar.summary()
    }

    /// The IANA time zone.
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> String {
        self.calendar.zone().name().to_string()
    }

    /// Service seconds in a typical week (no holidays, no clock changes).
    #[wasm_bindgen(getter, js_name = typicalWeekSeconds)]
    pub fn typical_week_seconds(&self) -> f64 {
        self.calendar.typical_week_seconds() as f64
    }

    /// Service time in `[start, end)`. Instants are ISO 8601 with an offset (`"2026-03-02T09:00:00Z"`) or
    /// local times read in the calendar's zone (`"2026-03-02T09:00"`, `"2026-03-02"`).
    #[wasm_bindgen(js_name = serviceTime, unchecked_return_type = "ServiceTime")]
    pub fn service_time(&self, start: JsValue, end: JsValue) -> Result<JsValue, JsValue> {
        let result = (|| {
            let a = self.instant(&start, Field::Start)?;
            let b = self.instant(&end, Field::End)?;
            if b < a {
                return Err(Error::ReversedInterval {
                    start: self.text(a),
                    end: self.text(b),
                });
            }
            let seconds = self
                .with_schedule(a, b, |s| s.service_seconds(a, b))?
                .ok_or(Error::TooLong {
                    field: Field::End,
                    value: self.text(b),
                })?;
            let d = ExactDuration::from_seconds(seconds.max(0) as u64).ok_or_else(|| {
                Error::TooLong {
                    field: Field::End,
                    value: self.text(b),
                }
            })?;
            Ok(ServiceTime {
                seconds: d.seconds_decimal(),
                text: d.to_hours_string(),
            })
        })();
        respond(result)
    }

    /// The instant at which `duration` of service time has passed after `start`: a response or resolution
    /// deadline. `duration` is an ISO 8601 duration (`"PT4H"`), text (`"4 h"`) or seconds.
    #[wasm_bindgen(js_name = addServiceTime, unchecked_return_type = "Instant")]
    pub fn add_service_time(&self, start: JsValue, duration: JsValue) -> Result<JsValue, JsValue> {
        let result = (|| {
            let a = self.instant(&start, Field::Start)?;
            let d = duration_from(&duration, Field::Duration)?;
            if !d.is_whole_seconds() {
                return Err(Error::InvalidDuration {
                    field: Field::Duration,
                    value: d.to_string(),
                    reason: "service time is counted in whole seconds".to_string(),
                });
            }
            let seconds = (d.as_nanos() / 1_000_000_000) as i64;
            // Look one year ahead first, then up to ten.
            let mut years = 1;
            loop {
                let end = a.saturating_add(years * 366 * 86_400);
                if let Some(t) = self.with_schedule(a, end, |s| s.add_service(a, seconds))? {
                    return Ok(Instant {
                        utc: self.text(t),
                        local: self.calendar.zone().local_text(t)?,
                        offset_seconds: self.calendar.zone().offset(t),
                    });
                }
                if years >= 10 {
                    return Err(Error::NoServiceTime {
                        period: "the ten years after the start".to_string(),
                    });
                }
                years = 10;
            }
        })();
        respond(result)
    }
}

/// The first (1, 1) or last (12, 31) day of the year of `d`.
fn year_edge(d: chrono::NaiveDate, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(d.year(), month, day).unwrap_or(d)
}

impl ServiceCalendar {
    fn text(&self, t: i64) -> String {
        crate::zone::utc_text(t)
    }

    fn instant(&self, v: &JsValue, field: Field) -> Result<i64, Error> {
        let Some(text) = v.as_string() else {
            return Err(missing_or_wrong(
                v,
                field,
                "an ISO 8601 instant such as \"2026-03-02T09:00:00Z\"",
            ));
        };
        crate::zone::parse_instant(&text, self.calendar.zone(), field)
    }

    /// Runs `query` on a schedule covering `[a, b]`, expanding it (by whole years) when needed.
    fn with_schedule<T>(
        &self,
        a: i64,
        b: i64,
        query: impl Fn(&Schedule) -> Option<T>,
    ) -> Result<Option<T>, Error> {
        let mut cached = self.schedule.borrow_mut();
        let covered = cached
            .as_ref()
            .is_some_and(|s| s.span().0 <= a && b <= s.span().1);
        if !covered {
            let zone = self.calendar.zone();
            let (mut from, mut to) = (
                year_edge(zone.local_date(a)?, 1, 1),
                year_edge(zone.local_date((b - 1).max(a))?, 12, 31),
            );
            if let Some(s) = cached.as_ref() {
                from = from.min(zone.local_date(s.span().0)?);
                to = to.max(zone.local_date(s.span().1)?);
            }
            let to = to.succ_opt().unwrap_or(to);
            *cached = Some(self.calendar.schedule(from, to)?);
        }
        let schedule = cached.as_ref().ok_or(Error::NoServiceTime {
            period: String::new(),
        })?;
        Ok(query(schedule))
    }
}

/// Holidays read from an iCalendar file.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IcsImport {
    /// Each all-day event as a holiday rule, with its name and line.
    pub holidays: Vec<IcsHolidayView>,
    /// Events that were not turned into holidays, with the reason.
    pub skipped: Vec<IcsSkippedView>,
}

/// A holiday read from an iCalendar file.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IcsHolidayView {
    /// The holiday rule: `"2026-12-25"`, `"2026-12-24..2026-12-26"`, `"12-25"`.
    pub rule: String,
    /// The event's SUMMARY.
    pub name: String,
    /// The line the event starts on.
    pub line: usize,
}

/// An event of an iCalendar file that was not turned into a holiday.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IcsSkippedView {
    /// The line the event starts on.
    pub line: usize,
    /// The event's SUMMARY.
    pub name: String,
    /// Why it was skipped.
    pub reason: String,
}

/// Reads the all-day events of an iCalendar (.ics) file as holiday rules. Throws a `SlacalcError`
/// (`field: "calendar"`, `part: "ics"`) for a file that is not iCalendar, binary or too large.
#[wasm_bindgen(js_name = importIcs, unchecked_return_type = "IcsImport")]
pub fn import_ics(text: JsValue) -> Result<JsValue, JsValue> {
    let result = (|| {
        let text = text.as_string().ok_or_else(|| Error::InvalidCalendar {
            part: "ics".to_string(),
            value: String::new(),
            reason: format!("the file must be given as text, not {}", kind_of(&text)),
        })?;
        let (holidays, skipped) = crate::ics::holidays(&text)?;
        Ok(IcsImport {
            holidays: holidays
                .into_iter()
                .map(|h| IcsHolidayView {
                    rule: h.rule,
                    name: h.name,
                    line: h.line,
                })
                .collect(),
            skipped: skipped
                .into_iter()
                .map(|s| IcsSkippedView {
                    line: s.line,
                    name: s.name,
                    reason: s.reason,
                })
                .collect(),
        })
    })();
    respond(result)
}

/// One of the preset calendars (`"24x7"`, `"24x5"`, `"8x5"`, `"12x5"`, `"24x7-maintenance"`) as a
/// `CalendarInput`, to fill an editor; `null` for an unknown name.
#[wasm_bindgen(js_name = calendarPreset, unchecked_return_type = "CalendarInput | null")]
pub fn calendar_preset(name: &str) -> Result<JsValue, JsValue> {
    let Some(spec) = calendar::preset(name) else {
        return Ok(JsValue::NULL);
    };
    let weekly = js_sys::Object::new();
    for (day, hours) in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .zip(&spec.weekly)
    {
        Reflect::set(&weekly, &(*day).into(), &hours.into())?;
    }
    let result = js_sys::Object::new();
    let strings = |items: &[String]| items.iter().map(JsValue::from).collect::<Array>();
    Reflect::set(&result, &"timeZone".into(), &spec.time_zone.into())?;
    Reflect::set(&result, &"weekly".into(), &weekly)?;
    Reflect::set(&result, &"holidays".into(), &strings(&spec.holidays))?;
    Reflect::set(&result, &"exclusions".into(), &strings(&spec.exclusions))?;
    Ok(result.into())
}

/// Service hours of one local day, for drawing.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct StripDay {
    /// The local date: `"2026-03-02"`.
    pub date: String,
    /// Service time as `[startMinute, endMinute)` pairs on the local clock (0 to 1440 and beyond on a day
    /// longer than 24 h).
    pub service: Vec<[i64; 2]>,
    /// Minutes in the local day: 1440, or 1380 and 1500 on days the clocks change.
    pub minutes: i64,
}

#[wasm_bindgen]
impl ServiceCalendar {
    /// The service hours of the seven local days from `start` (`"2026-03-02"`), for a week strip.
    #[wasm_bindgen(js_name = weekStrip, unchecked_return_type = "StripDay[]")]
    pub fn week_strip(&self, start: JsValue) -> Result<JsValue, JsValue> {
        let result = (|| {
            let first = self.instant(&start, Field::Start)?;
            let zone = self.calendar.zone();
            let mut day = zone.local_date(first)?;
            let mut days = Vec::with_capacity(7);
            for _ in 0..7 {
                let next = day.succ_opt().ok_or(Error::TooLong {
                    field: Field::Start,
                    value: day.to_string(),
                })?;
                let (a, b) = (zone.instant(day, 0)?, zone.instant(next, 0)?);
                let service = self
                    .with_schedule(a, b, |s| {
                        Some(
                            s.intervals()
                                .filter(|(x, y)| *y > a && *x < b)
                                .map(|(x, y)| [(x.max(a) - a) / 60, (y.min(b) - a) / 60])
                                .collect::<Vec<_>>(),
                        )
                    })?
                    .unwrap_or_default();
                days.push(StripDay {
                    date: format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
                    service,
                    minutes: (b - a) / 60,
                });
                day = next;
            }
            Ok(days)
        })();
        respond(result)
    }
}

#[wasm_bindgen]
impl ServiceCalendar {
    /// Service seconds in many intervals at once: `starts[i]` to `ends[i]`, as seconds since the epoch.
    /// For large logs: one call instead of one per interval. An interval that ends before it starts has
    /// no service time (0).
    #[wasm_bindgen(js_name = serviceSeconds)]
    pub fn service_seconds(&self, starts: &[f64], ends: &[f64]) -> Result<Vec<f64>, JsValue> {
        let result = (|| {
            if starts.len() != ends.len() {
                return Err(Error::WrongType {
                    field: Field::End,
                    expected: "as many ends as starts",
                    found: "a different number",
                });
            }
            let finite = |x: f64, field| {
                (x.is_finite() && x.abs() < 1e12)
                    .then_some(x.floor() as i64)
                    .ok_or_else(|| Error::InvalidInstant {
                        field,
                        value: js_sys::Number::from(x)
                            .to_string_with_radix(10)
                            .map(String::from)
                            .unwrap_or_default(),
                    })
            };
            let (mut lo, mut hi) = (i64::MAX, i64::MIN);
            let mut pairs = Vec::with_capacity(starts.len());
            for (a, b) in starts.iter().zip(ends) {
                let (a, b) = (finite(*a, Field::Start)?, finite(*b, Field::End)?);
                lo = lo.min(a);
                hi = hi.max(b);
                pairs.push((a, b));
            }
            if pairs.is_empty() {
                return Ok(Vec::new());
            }
            self.with_schedule(lo, hi.max(lo), |s| {
                Some(
                    pairs
                        .iter()
                        .map(|&(a, b)| {
                            if b > a {
                                s.service_seconds(a, b).unwrap_or(0) as f64
                            } else {
                                0.0
                            }
                        })
                        .collect(),
                )
            })?
            .ok_or(Error::NoServiceTime {
                period: String::new(),
            })
        })();
        result.map_err(|e| error_value(&e))
    }
}
