//! The outage-log half of the JavaScript API: `attainment`, a log measured every way a contract might.

use chrono::{Datelike, NaiveDate};
use js_sys::{Array, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use super::calendar::{calendar_string, optional_calendar, zone_named};
use super::{check_object, duration_from, get, kind_of, respond, target_from};
use crate::attainment::{compare, Options, Window};
use crate::decimal::format_scaled;
use crate::error::{Error, Field};
use crate::outage::parse_csv;
use crate::period::Period;
use crate::zone::{utc_text, Zone};

#[wasm_bindgen(typescript_custom_section)]
const ATTAINMENT_TYPES: &str = r#"
/** Input of `attainment`. */
export interface AttainmentInput {
    /** The outage log as CSV text: a header line (start; end or duration; optional impact, planned,
     *  service, note) and one line per outage. */
    outages: string;
    /** The availability target in percent. */
    target: string | number;
    /** Service hours to measure on; 24x7 without. */
    calendar?: CalendarInput | null;
    /** The zone in which times without an offset are read on 24x7 (default UTC); a calendar's zone wins. */
    timeZone?: string;
    /** The span to measure: a calendar period ("2026", "2026-Q1") or a date range; default the years the
     *  log covers. */
    span?: string;
    /** How the contract counts outages. */
    options?: {
        /** Ignore merged outages shorter than this ("PT5M", "5 min" or seconds). */
        minimumOutage?: string | number;
        /** A partial minute counts as a whole minute. */
        wholeMinutes?: boolean;
        /** Count planned maintenance as downtime (default: take it out of the service time). */
        countPlanned?: boolean;
        /** Count partial outages by their impact (default true). */
        weightImpact?: boolean;
    };
}
"#;

/// Attainment over one period or window.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WindowResult {
    /// `"Mar 2026"`, `"week 10 of 2026"`, `"2026-02-02 12:00 to 2026-03-04 12:00"`.
    pub label: String,
    /// First instant, ISO 8601 UTC.
    pub start: String,
    /// End (excluded), ISO 8601 UTC.
    pub end: String,
    /// Service seconds in the window.
    pub service_seconds: String,
    /// Downtime counted, weighted by impact, in seconds (exact to the microsecond).
    pub downtime_seconds: String,
    /// Attainment in percent, rounded down to 6 decimals; null without service time.
    #[tsify(type = "string | null")]
    pub availability: Option<String>,
    /// Whether the target was met, compared exactly.
    pub met: bool,
}

impl From<&Window> for WindowResult {
    fn from(w: &Window) -> Self {
        WindowResult {
            label: w.label.clone(),
            start: utc_text(w.start),
            end: utc_text(w.end),
            service_seconds: w.service.to_string(),
            downtime_seconds: format_scaled(w.downtime_millionths.max(0) as u128, 6),
            availability: w.availability(6),
            met: w.met,
        }
    }
}

/// One measurement period applied to the log.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceResult {
    /// `"week"`, `"fortnight"`, `"month"`, `"quarter"` or `"year"`.
    pub measure: &'static str,
    /// Every period of the span.
    pub periods: Vec<WindowResult>,
    /// How many periods missed the target.
    pub breached: usize,
    /// The index of the worst period in `periods`, if any had service time.
    #[tsify(type = "number | null")]
    pub worst: Option<usize>,
}

/// The worst rolling window of a length.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RollingResult {
    /// 7, 28, 30 or 90.
    pub days: u32,
    /// The worst window; null if the span is shorter.
    #[tsify(type = "WindowResult | null")]
    pub worst: Option<WindowResult>,
}

/// A row of the log that could not be read.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LogProblem {
    /// The line (1-based).
    pub line: usize,
    /// Why.
    pub reason: String,
}

/// An outage log measured every way.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AttainmentResult {
    /// Outages read.
    pub outages: usize,
    /// Rows that could not be read, with their line and reason.
    pub problems: Vec<LogProblem>,
    /// The span measured: `"2026-01-01 to 2026-12-31"`.
    pub span: String,
    /// One per measurement period.
    pub choices: Vec<ChoiceResult>,
    /// The worst 7, 28, 30 and 90-day windows.
    pub rolling: Vec<RollingResult>,
    /// The verdict in plain words, a sentence a line.
    pub verdict: Vec<String>,
}

fn option_flag(options: &JsValue, key: &str, default: bool) -> Result<bool, Error> {
    let v = Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(default);
    }
    v.as_bool().ok_or(Error::WrongType {
        field: Field::Input,
        expected: "true or false",
        found: kind_of(&v),
    })
}

/// Measures an outage log every way a contract might: weeks, fortnights, months, quarters, years and the
/// worst rolling 7, 28, 30 and 90-day windows, on 24x7 or a calendar's service hours, with the verdict.
/// Throws a `SlacalcError` for input that cannot be used at all; rows that cannot be read are listed in
/// `problems`.
#[wasm_bindgen(unchecked_return_type = "AttainmentResult")]
pub fn attainment(
    #[wasm_bindgen(unchecked_param_type = "AttainmentInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = (|| {
        check_object(&input)?;
        let target = target_from(&get(&input, Field::Target)?)?;
        let calendar = optional_calendar(&input)?;
        // The top-level time zone is read as the calendar's would be, with the same errors.
        let zone_name = calendar_string(
            &Reflect::get(&input, &"timeZone".into()).unwrap_or(JsValue::UNDEFINED),
            "timeZone",
        )?;
        let zone = match (&calendar, zone_name) {
            (Some(c), _) => c.zone().clone(),
            (None, Some(name)) => zone_named(name.trim())?,
            (None, None) => Zone::utc(),
        };
        let log_value = get(&input, Field::Outages)?;
        let Some(text) = log_value.as_string() else {
            return Err(super::missing_or_wrong(
                &log_value,
                Field::Outages,
                "the log as CSV text",
            ));
        };
        let log = parse_csv(&text, &zone)?;
        let options_value = Reflect::get(&input, &"options".into()).unwrap_or(JsValue::UNDEFINED);
        let mut options = Options::default();
        if !options_value.is_undefined()
            && !options_value.is_null()
            && (!options_value.is_object() || Array::is_array(&options_value))
        {
            return Err(Error::WrongType {
                field: Field::Input,
                expected: "options as an object such as { minimumOutage: \"PT5M\" }",
                found: kind_of(&options_value),
            });
        }
        if options_value.is_object() {
            let minimum =
                Reflect::get(&options_value, &"minimumOutage".into()).unwrap_or(JsValue::UNDEFINED);
            if !minimum.is_undefined() && !minimum.is_null() {
                options.minimum_seconds =
                    (duration_from(&minimum, Field::Duration)?.as_nanos() / 1_000_000_000) as i64;
            }
            options.whole_minutes = option_flag(&options_value, "wholeMinutes", false)?;
            options.count_planned = option_flag(&options_value, "countPlanned", false)?;
            options.weight_impact = option_flag(&options_value, "weightImpact", true)?;
        }
        let (from, to) = span(&input, &log.outages, &zone)?;
        // Outages wholly outside the span are not measured: say so, row by row.
        let (a, b) = (zone.instant(from, 0)?, zone.instant(to, 0)?);
        let last_day = to.pred_opt().unwrap_or(to);
        let mut problems: Vec<LogProblem> = log
            .problems
            .iter()
            .map(|p| LogProblem {
                line: p.line,
                reason: p.reason.clone(),
            })
            .chain(
                log.outages
                    .iter()
                    .filter(|o| o.end <= a || o.start >= b)
                    .map(|o| LogProblem {
                        line: o.line,
                        reason: format!(
                            "the outage lies outside the span measured, {from} to {last_day}"
                        ),
                    }),
            )
            .collect();
        problems.sort_by_key(|p| p.line);
        let c = compare(
            &log.outages,
            target,
            calendar.as_ref(),
            &zone,
            from,
            to,
            options,
        )?;
        let last = to.pred_opt().unwrap_or(to);
        Ok(AttainmentResult {
            outages: log.outages.len(),
            problems,
            span: format!("{from} to {last}"),
            verdict: c.verdict(),
            choices: c
                .choices
                .iter()
                .map(|choice| ChoiceResult {
                    measure: choice.measure.name(),
                    periods: choice.periods.iter().map(WindowResult::from).collect(),
                    breached: choice.breached(),
                    worst: choice
                        .worst()
                        .and_then(|w| choice.periods.iter().position(|p| p == w)),
                })
                .collect(),
            rolling: c
                .rolling
                .iter()
                .map(|r| RollingResult {
                    days: r.days,
                    worst: r.worst.as_ref().map(WindowResult::from),
                })
                .collect(),
        })
    })();
    respond(result)
}

/// The local dates `[from, to)` to measure: the `span` given, or the whole years the log covers.
fn span(
    input: &JsValue,
    outages: &[crate::outage::Outage],
    zone: &Zone,
) -> Result<(NaiveDate, NaiveDate), Error> {
    let given = Reflect::get(input, &"span".into()).unwrap_or(JsValue::UNDEFINED);
    if !given.is_undefined() && !given.is_null() && !given.is_string() {
        return Err(Error::WrongType {
            field: Field::Period,
            expected: "a span as a string such as \"2026\" or \"2026-01-01/2026-07-01\"",
            found: kind_of(&given),
        });
    }
    if let Some(text) = given.as_string() {
        return match Period::parse(&text)? {
            Period::Calendar(c) => Ok((c.start(), c.end())),
            other => Err(Error::UnsupportedServicePeriod {
                value: other.label(),
            }),
        };
    }
    let first = outages.iter().map(|o| o.start).min();
    let last = outages.iter().map(|o| o.end).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Err(Error::InvalidLog {
            reason: "the log has no outage that could be read, and no span was given".to_string(),
        });
    };
    let year = |t: i64| zone.local_date(t).map(|d| d.year());
    let (a, b) = (year(first)?, year((last - 1).max(first))?);
    match (
        NaiveDate::from_ymd_opt(a, 1, 1),
        NaiveDate::from_ymd_opt(b + 1, 1, 1),
    ) {
        (Some(from), Some(to)) if b - a <= 100 => Ok((from, to)),
        _ => Err(Error::TooLong {
            field: Field::Outages,
            value: format!("{a} to {b}"),
        }),
    }
}
