//! The outage-log half of the JavaScript API: `attainment`, a log measured every way a contract might.

use chrono::{Datelike, NaiveDate};
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use super::calendar::{calendar_string, optional_calendar, zone_named};
use super::{check_object, duration_from, get, kind_of, respond, target_from};
use slacalc::attainment::{compare, Options, Window};
use slacalc::decimal::format_scaled;
use slacalc::error::{Error, Field};
use slacalc::outage::{parse_csv, Log, LogReader};
use slacalc::period::Period;
use slacalc::zone::{parse_instant, utc_text, Zone};

#[wasm_bindgen(typescript_custom_section)]
const ATTAINMENT_TYPES: &str = r#"
/** One outage of a log given as records; the names are matched as a CSV header's are
 *  (`start`/`begin`/`from`, `end`/`until`, `duration`, `impact`, `planned`, `service`, `note`). */
export type OutageRecord = Record<string, string | number | boolean | null | undefined>;

/** Input of `attainment`. */
export interface AttainmentInput extends MeasureInput {
    /** The outage log: CSV text (a header line with start; end or duration; optional impact, planned,
     *  service, note; then one line per outage), JSON text of an array of records, or the records. */
    outages: string | OutageRecord[];
}

/** How to measure a log: everything of `AttainmentInput` but the outages (see `OutageLog.attainment`). */
export interface MeasureInput {
    /** The availability target in percent. */
    target: string | number;
    /** Service hours to measure on; 24x7 without. */
    calendar?: string | CalendarInput | null;
    /** The zone in which times without an offset are read on 24x7 (default UTC); a calendar's zone wins. */
    timeZone?: string;
    /** The span to measure: a calendar period ("2026", "2026-Q1") or a date range; default the years the
     *  log covers. */
    span?: string;
    /** The instant at which to read the error budget of each current period ("2026-11-24T12:00:00Z");
     *  without it, `burn` is empty. */
    asOf?: string;
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

/// Downtime day by day over the span, for a year's picture. Seconds are for drawing, not for checking:
/// they are binary floating point.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DaysResult {
    /// The first local date, `YYYY-MM-DD`; the others follow day by day.
    pub first: String,
    /// Service seconds in each day.
    pub service_seconds: Vec<f64>,
    /// Downtime counted in each day, weighted by impact, in seconds.
    pub downtime_seconds: Vec<f64>,
}

/// The error budget of a current period: allowed, spent and left at `asOf`, and how it burned down.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct BurnResult {
    /// `"week"` ... `"year"`.
    pub measure: &'static str,
    /// The period holding `asOf`, measured up to it; its service time is the whole period's.
    pub period: WindowResult,
    /// The instant read, ISO 8601 UTC.
    pub as_of: String,
    /// Downtime the target allows in the whole period, in seconds (rounded down to the microsecond).
    pub allowed_seconds: String,
    /// Downtime counted from the period's start to `asOf`.
    pub used_seconds: String,
    /// What is left; negative when overspent.
    pub remaining_seconds: String,
    /// Instants (seconds since the epoch): the end of each local day of the period before `asOf`, then `asOf`.
    pub times: Vec<f64>,
    /// Downtime counted up to each of `times`, in seconds (for drawing).
    pub used: Vec<f64>,
}

/// An outage log measured every way.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AttainmentResult {
    /// How the log was given: `"csv"` (problems are numbered by line) or `"records"` (by record, from 1).
    pub format: &'static str,
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
    /// On service hours: what counting 24x7 instead does, in plain words; empty on 24x7.
    pub contrast: Vec<String>,
    /// On service hours: the same log measured 24x7 in the same zone; null on 24x7.
    #[tsify(type = "ChoiceResult[] | null")]
    pub round_the_clock: Option<Vec<ChoiceResult>>,
    /// Downtime per local day of the span.
    pub days: DaysResult,
    /// The error budget of each measurement's period holding `asOf`.
    pub burn: Vec<BurnResult>,
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

/// The terms of a measurement, read (and copied) one by one; the log itself is read on its own.
const TERMS: &[&str] = &["target", "span", "timeZone", "calendar", "asOf", "options"];

/// Measures an outage log every way a contract might: weeks, fortnights, months, quarters, years and the
/// worst rolling 7, 28, 30 and 90-day windows, on 24x7 or a calendar's service hours, with the verdict.
/// Throws a `SlacalcError` for input that cannot be used at all; rows that cannot be read are listed in
/// `problems`.
#[wasm_bindgen(unchecked_return_type = "AttainmentResult")]
pub fn attainment(
    #[wasm_bindgen(unchecked_param_type = "AttainmentInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond((|| {
        let outages = Reflect::get(&input, &"outages".into()).map_err(|e| Error::InvalidLog {
            reason: format!("the outages cannot be read: {}", super::thrown(&e)),
        })?;
        let outages = super::copy(&outages, Field::Outages, false)?;
        let input = super::pick(&input, TERMS, Field::Input)?;
        check_object(&input)?;
        let calendar = optional_calendar(&input)?;
        let zone = measuring_zone(&input, calendar.as_ref(), Zone::utc())?;
        let (log, format) = read_outages(&outages, &zone)?;
        measure(&input, &log, format, calendar, zone)
    })())
}

/// A log read piece by piece, as a large file arrives, then measured as often as the terms change
/// without reading it again.
#[wasm_bindgen]
pub struct OutageLog {
    reader: Option<LogReader>,
    log: Option<Log>,
    zone: Zone,
}

#[wasm_bindgen]
impl OutageLog {
    /// A log whose local times are read in `timeZone` (default UTC; register other zones first).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = timeZone, unchecked_param_type = "string | null")]
        time_zone: JsValue,
    ) -> Result<OutageLog, JsValue> {
        let zone = if time_zone.is_undefined() || time_zone.is_null() {
            Ok(Zone::utc())
        } else {
            match time_zone.as_string() {
                Some(name) if !name.trim().is_empty() => zone_named(name.trim()),
                Some(_) => Ok(Zone::utc()),
                None => Err(Error::WrongType {
                    field: Field::Calendar,
                    expected: "a time zone name as a string, such as \"Europe/London\"",
                    found: super::kind_of(&time_zone),
                }),
            }
        }
        .map_err(|e| super::error_value(&e))?;
        Ok(OutageLog {
            reader: Some(LogReader::new(&zone)),
            log: None,
            zone,
        })
    }

    /// Reads the next piece of CSV text; a piece may end anywhere, even inside a line.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] piece: JsValue,
    ) -> Result<(), JsValue> {
        let piece = super::text_param(&piece, Field::Outages, "a piece of the log's text")
            .map_err(|e| super::error_value(&e))?;
        let piece = piece.as_str();
        let Some(reader) = self.reader.as_mut() else {
            return Err(super::error_value(&Error::InvalidLog {
                reason: "the log was already finished; start a new one".to_string(),
            }));
        };
        reader.push(piece).map_err(|e| {
            // A log that cannot be read at all is not read further.
            self.reader = None;
            super::error_value(&e)
        })
    }

    /// Outages read so far.
    #[wasm_bindgen(getter)]
    pub fn outages(&self) -> usize {
        match (&self.reader, &self.log) {
            (Some(r), _) => r.counts().0,
            (None, Some(l)) => l.outages.len(),
            (None, None) => 0,
        }
    }

    /// Rows refused so far.
    #[wasm_bindgen(getter)]
    pub fn problems(&self) -> usize {
        match (&self.reader, &self.log) {
            (Some(r), _) => r.counts().1,
            (None, Some(l)) => l.problems.len(),
            (None, None) => 0,
        }
    }

    /// The length in seconds of each unplanned outage read (finishing the log first), e.g. to resample
    /// repair times in `risk`; and, as `incidentsPerMonth`, how many there were per average month between
    /// the first start and the last end (at least one month).
    #[wasm_bindgen(
        unchecked_return_type = "{ durations: Float64Array; incidentsPerMonth: number }"
    )]
    pub fn durations(&mut self) -> Result<JsValue, JsValue> {
        self.finish()?;
        let outages: Vec<&slacalc::outage::Outage> = self
            .log
            .iter()
            .flat_map(|l| l.outages.iter())
            .filter(|o| !o.planned && o.end > o.start)
            .collect();
        let lengths = js_sys::Float64Array::new_with_length(outages.len() as u32);
        for (i, o) in outages.iter().enumerate() {
            lengths.set_index(i as u32, (o.end - o.start) as f64);
        }
        let first = outages.iter().map(|o| o.start).min().unwrap_or(0);
        let last = outages.iter().map(|o| o.end).max().unwrap_or(0);
        let months = ((last - first) as f64 / 2_629_746.0).max(1.0);
        let result = js_sys::Object::new();
        let _ = Reflect::set(&result, &"durations".into(), &lengths);
        let _ = Reflect::set(
            &result,
            &"incidentsPerMonth".into(),
            &(outages.len() as f64 / months).into(),
        );
        Ok(result.into())
    }

    /// Reads the last line. Throws for a log that cannot be read at all (empty, binary, no start column).
    pub fn finish(&mut self) -> Result<(), JsValue> {
        if let Some(reader) = self.reader.take() {
            self.log = Some(reader.finish().map_err(|e| super::error_value(&e))?);
        }
        if self.log.is_none() {
            return Err(super::error_value(&Error::InvalidLog {
                reason: "the log could not be read; start a new one".to_string(),
            }));
        }
        Ok(())
    }

    /// Measures the log (finishing it first) as `attainment` does; the outages are this log's.
    #[wasm_bindgen(unchecked_return_type = "AttainmentResult")]
    pub fn attainment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MeasureInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.finish()?;
        let log = self.log.as_ref();
        respond((|| {
            let input = super::pick(&input, TERMS, Field::Input)?;
            check_object(&input)?;
            let calendar = optional_calendar(&input)?;
            let zone = measuring_zone(&input, calendar.as_ref(), self.zone.clone())?;
            let log = log.ok_or(Error::Missing {
                field: Field::Outages,
            })?;
            measure(&input, log, "csv", calendar, zone)
        })())
    }
}

/// The zone the log is measured in: the calendar's, else `timeZone`, else `default`.
fn measuring_zone(
    input: &JsValue,
    calendar: Option<&slacalc::calendar::Calendar>,
    default: Zone,
) -> Result<Zone, Error> {
    // The top-level time zone is read as the calendar's would be, with the same errors.
    let name = calendar_string(
        &Reflect::get(input, &"timeZone".into()).unwrap_or(JsValue::UNDEFINED),
        "timeZone",
    )?;
    Ok(match (calendar, name) {
        (Some(c), _) => c.zone().clone(),
        (None, Some(name)) if !name.trim().is_empty() => zone_named(name.trim())?,
        _ => default,
    })
}

/// Reads the log given as CSV text, JSON text or an array of records.
fn read_outages(value: &JsValue, zone: &Zone) -> Result<(Log, &'static str), Error> {
    if let Some(text) = value.as_string() {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with('[') || head.starts_with('{') {
            let parsed = js_sys::JSON::parse(head).map_err(|e| Error::InvalidLog {
                reason: format!(
                    "the log looks like JSON but cannot be read as JSON ({})",
                    js_sys::Error::from(e).message()
                ),
            })?;
            return read_records(&parsed, zone).map(|log| (log, "records"));
        }
        return parse_csv(&text, zone).map(|log| (log, "csv"));
    }
    if Array::is_array(value) {
        return read_records(value, zone).map(|log| (log, "records"));
    }
    Err(super::missing_or_wrong(
        value,
        Field::Outages,
        "the log as CSV or JSON text, or an array of records",
    ))
}

/// Reads an array of records, or an object whose `outages` is one.
fn read_records(value: &JsValue, zone: &Zone) -> Result<Log, Error> {
    let records = if Array::is_array(value) {
        value.clone()
    } else {
        Reflect::get(value, &"outages".into()).unwrap_or(JsValue::UNDEFINED)
    };
    if !Array::is_array(&records) {
        return Err(Error::InvalidLog {
            reason: "the JSON is neither an array of outages nor an object with an outages array"
                .to_string(),
        });
    }
    let records: Array = records.unchecked_into();
    if records.length() == 0 {
        return Err(Error::InvalidLog {
            reason: "the log is empty: give at least one outage".to_string(),
        });
    }
    if records.length() > 10_000_000 {
        return Err(Error::InvalidLog {
            reason: "the log has more than 10 000 000 records".to_string(),
        });
    }
    let mut reader = LogReader::new(zone);
    for (i, record) in records.iter().enumerate() {
        if !record.is_object() || Array::is_array(&record) {
            reader.push_problem(
                i + 1,
                format!(
                    "the record is {}, not an object with start and end",
                    kind_of(&record)
                ),
            );
            continue;
        }
        let record: Object = record.unchecked_into();
        let entries = Object::entries(&record);
        let mut names = Vec::with_capacity(entries.length() as usize);
        let mut values = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let entry: Array = entry.unchecked_into();
            names.push(entry.get(0).as_string().unwrap_or_default());
            values.push(value_text(&entry.get(1)));
        }
        reader.push_record(&names, &values, i + 1);
    }
    reader.finish()
}

/// A record's value as the text a CSV field would hold.
fn value_text(v: &JsValue) -> String {
    if let Some(text) = v.as_string() {
        text
    } else if let Some(b) = v.as_bool() {
        (if b { "yes" } else { "no" }).to_string()
    } else if let Some(n) = v.as_f64() {
        super::number_text(n, Field::Outages).unwrap_or_else(|_| "not a finite number".to_string())
    } else if v.is_undefined() || v.is_null() {
        String::new()
    } else {
        kind_of(v).to_string()
    }
}

fn seconds_text(millionths: i128) -> String {
    let text = format_scaled(millionths.unsigned_abs(), 6);
    if millionths < 0 {
        format!("-{text}")
    } else {
        text
    }
}

fn choice_results(choices: &[slacalc::attainment::Choice]) -> Vec<ChoiceResult> {
    choices
        .iter()
        .map(|choice| ChoiceResult {
            measure: choice.measure.name(),
            periods: choice.periods.iter().map(WindowResult::from).collect(),
            breached: choice.breached(),
            worst: choice
                .worst()
                .and_then(|w| choice.periods.iter().position(|p| p == w)),
        })
        .collect()
}

/// Measures a log that has been read, with the terms of `input`.
fn measure(
    input: &JsValue,
    log: &Log,
    format: &'static str,
    calendar: Option<slacalc::calendar::Calendar>,
    zone: Zone,
) -> Result<AttainmentResult, Error> {
    let target = target_from(&get(input, Field::Target)?)?;
    let options_value = Reflect::get(input, &"options".into()).unwrap_or(JsValue::UNDEFINED);
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
    let as_of_value = Reflect::get(input, &"asOf".into()).unwrap_or(JsValue::UNDEFINED);
    let as_of = if as_of_value.is_undefined() || as_of_value.is_null() {
        None
    } else {
        let Some(text) = as_of_value.as_string() else {
            return Err(super::missing_or_wrong(
                &as_of_value,
                Field::AsOf,
                "an instant as a string such as \"2026-11-24T12:00:00Z\"",
            ));
        };
        Some(parse_instant(&text, &zone, Field::AsOf)?)
    };
    let given_span = Reflect::get(input, &"span".into()).unwrap_or(JsValue::UNDEFINED);
    if log.outages.is_empty() && !log.problems.is_empty() && given_span.is_undefined() {
        // Every row failed: the rows and their reasons are the report.
        let n = log.problems.len();
        return Ok(AttainmentResult {
            format,
            outages: 0,
            problems: log
                .problems
                .iter()
                .map(|p| LogProblem {
                    line: p.line,
                    reason: p.reason.clone(),
                })
                .collect(),
            span: String::new(),
            choices: Vec::new(),
            rolling: Vec::new(),
            verdict: vec![{
                let row = if format == "csv" { "row" } else { "record" };
                if n == 1 {
                    format!(
                        "No outage could be read: the one {row} is listed below with its reason."
                    )
                } else {
                    format!("No outage could be read: all {n} {row}s are listed below with their reasons.")
                }
            }],
            contrast: Vec::new(),
            round_the_clock: None,
            days: DaysResult {
                first: String::new(),
                service_seconds: Vec::new(),
                downtime_seconds: Vec::new(),
            },
            burn: Vec::new(),
        });
    }
    let (from, to) = span(input, &log.outages, &zone)?;
    // Outages wholly outside the span are not measured: say so, row by row.
    let (a, b) = (zone.instant(from, 0)?, zone.instant(to, 0)?);
    let last = to.pred_opt().unwrap_or(to);
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
                    reason: format!("the outage lies outside the span measured, {from} to {last}"),
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
    let clock = calendar
        .is_some()
        .then(|| c.round_the_clock())
        .transpose()?;
    let days = c.days()?;
    let seconds = |m: i128| m as f64 / 1e6;
    Ok(AttainmentResult {
        format,
        outages: log.outages.len(),
        problems,
        span: format!("{from} to {last}"),
        verdict: c.verdict(),
        contrast: clock.as_ref().map(|k| c.contrast(k)).unwrap_or_default(),
        choices: choice_results(&c.choices),
        round_the_clock: clock.as_ref().map(|k| choice_results(&k.choices)),
        rolling: c
            .rolling
            .iter()
            .map(|r| RollingResult {
                days: r.days,
                worst: r.worst.as_ref().map(WindowResult::from),
            })
            .collect(),
        days: DaysResult {
            first: from.to_string(),
            service_seconds: days.iter().map(|d| d.service as f64).collect(),
            downtime_seconds: days
                .iter()
                .map(|d| seconds(d.downtime_millionths))
                .collect(),
        },
        burn: match as_of {
            None => Vec::new(),
            Some(t) => c
                .burn(t)?
                .iter()
                .map(|b| BurnResult {
                    measure: b.measure.name(),
                    period: WindowResult::from(&b.period),
                    as_of: utc_text(b.as_of),
                    allowed_seconds: seconds_text(b.allowed_millionths),
                    used_seconds: seconds_text(b.used_millionths),
                    remaining_seconds: seconds_text(b.remaining_millionths()),
                    times: b.points.iter().map(|p| p.0 as f64).collect(),
                    used: b.points.iter().map(|p| seconds(p.1)).collect(),
                })
                .collect(),
        },
    })
}

/// The local dates `[from, to)` to measure: the `span` given, or the whole years the log covers.
fn span(
    input: &JsValue,
    outages: &[slacalc::outage::Outage],
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
        // The same bound as a span given as a period: 100 average years (36 524.25 days).
        (Some(from), Some(to)) if (to - from).num_days() <= 36_524 => Ok((from, to)),
        _ => Err(Error::TooLong {
            field: Field::Outages,
            value: format!("{a} to {b}"),
        }),
    }
}
