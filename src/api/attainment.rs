//! Outage logs measured every way a contract might: `attainment`, and the log read piece by piece
//! (`OutageLog` in JavaScript).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{
    duration_from, get, missing_or_wrong, object, target_from, zone_named, CalendarInput, Zones,
};
use crate::attainment::{compare, Options, Window};
use crate::calendar::Calendar;
use crate::decimal::format_scaled;
use crate::duration::SignedDuration;
use crate::error::{Error, Field};
use crate::outage::{Log, LogReader, Outage};
use crate::period::{Average, Period};
use crate::value::Value;
use crate::zone::{parse_instant, utc_text, Zone};

/// How to measure a log: everything of `AttainmentInput` but the outages (see `OutageLog.attainment`).
#[derive(Debug, TS)]
#[ts(rename_all = "camelCase")]
pub struct MeasureInput {
    /// The availability target in percent.
    #[ts(type = "string | number")]
    pub target: crate::target::Target,
    /// Service hours to measure on; 24x7 without.
    #[ts(optional, type = "string | CalendarInput | null")]
    pub calendar: Option<CalendarInput>,
    /// The zone in which times without an offset are read on 24x7 (default UTC); a calendar's zone wins.
    #[ts(optional, type = "string")]
    pub time_zone: Option<String>,
    /// The span to measure: a calendar period ("2026", "2026-Q1") or a date range; default the years the
    /// log covers.
    #[ts(optional, type = "string")]
    pub span: Option<String>,
    /// The instant at which to read the error budget of each current period ("2026-11-24T12:00:00Z");
    /// without it, `burn` is empty.
    #[ts(optional, type = "string")]
    pub as_of: Option<String>,
    /// How the contract counts outages.
    #[ts(optional, type = "MeasureOptions")]
    pub options: Option<Options>,
}

/// How a contract counts outages.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)] // declares the shape of `options`; read into `attainment::Options`
struct MeasureOptions {
    /// Ignore merged outages shorter than this ("PT5M", "5 min" or seconds).
    #[ts(optional, type = "string | number")]
    minimum_outage: Option<String>,
    /// A partial minute counts as a whole minute.
    #[ts(optional)]
    whole_minutes: Option<bool>,
    /// Count planned maintenance as downtime (default: take it out of the service time).
    #[ts(optional)]
    count_planned: Option<bool>,
    /// Count partial outages by their impact (default true).
    #[ts(optional)]
    weight_impact: Option<bool>,
}

/// Input of `attainment`: the terms of `MeasureInput` and the log.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)] // declares the shape of the input; read by `attainment`
struct AttainmentInput {
    /// The outage log: CSV text (a header line with start; end or duration; optional impact, planned,
    /// service, note; then one line per outage), JSON text of an array of records, or the records, whose
    /// names are matched as a CSV header's are (`start`/`begin`/`from`, `end`/`until`, `duration`,
    /// `impact`, `planned`, `service`, `note`).
    #[ts(type = "string | Record<string, string | number | boolean | null | undefined>[]")]
    outages: String,
    #[ts(flatten)]
    terms: MeasureInput,
}

/// The declarations of the input types, for the TypeScript of the module.
pub(super) fn input_declarations() -> [(Option<String>, String); 3] {
    [
        (MeasureInput::docs(), MeasureInput::decl()),
        (MeasureOptions::docs(), MeasureOptions::decl()),
        (AttainmentInput::docs(), AttainmentInput::decl()),
    ]
}

fn flag(options: &[(String, Value)], key: &str, default: bool) -> Result<bool, Error> {
    match get(options, key) {
        None => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        Some(other) => Err(Error::WrongType {
            field: Field::Input,
            expected: "true or false",
            found: other.kind(),
        }),
    }
}

/// A string part of the terms, refused as a calendar's part would be when it is not one.
fn text(v: Option<&Value>, part: &str) -> Result<Option<String>, Error> {
    match v {
        None => Ok(None),
        Some(Value::Text(t)) => Ok(Some(t.clone())),
        Some(other) => Err(Error::InvalidCalendar {
            part: part.to_string(),
            value: String::new(),
            reason: format!("it must be a string, not {}", other.kind()),
        }),
    }
}

impl MeasureInput {
    /// Reads the terms in the order the page shows them: calendar, time zone, target, options, asOf,
    /// span.
    pub fn read(input: &Value) -> Result<MeasureInput, Error> {
        let input = object(input)?;
        let calendar = CalendarInput::optional(get(input, "calendar"))?;
        let time_zone = text(get(input, "timeZone"), "timeZone")?;
        let target = target_from(get(input, "target"))?;
        let options = match get(input, "options") {
            None => None,
            Some(Value::Map(o)) => {
                let mut options = Options::default();
                if let Some(minimum) = get(o, "minimumOutage") {
                    options.minimum_seconds = (duration_from(Some(minimum), Field::Duration)?
                        .as_nanos()
                        / 1_000_000_000) as i64;
                }
                options.whole_minutes = flag(o, "wholeMinutes", false)?;
                options.count_planned = flag(o, "countPlanned", false)?;
                options.weight_impact = flag(o, "weightImpact", true)?;
                Some(options)
            }
            Some(other) => {
                return Err(Error::WrongType {
                    field: Field::Input,
                    expected: "options as an object such as { minimumOutage: \"PT5M\" }",
                    found: other.kind(),
                })
            }
        };
        let as_of = match get(input, "asOf") {
            None => None,
            Some(Value::Text(t)) => Some(t.clone()),
            other => {
                return Err(missing_or_wrong(
                    other,
                    Field::AsOf,
                    "an instant as a string such as \"2026-11-24T12:00:00Z\"",
                ))
            }
        };
        let span = match get(input, "span") {
            None => None,
            Some(Value::Text(t)) => Some(t.clone()),
            Some(other) => {
                return Err(Error::WrongType {
                    field: Field::Period,
                    expected: "a span as a string such as \"2026\" or \"2026-01-01/2026-07-01\"",
                    found: other.kind(),
                })
            }
        };
        Ok(MeasureInput {
            target,
            calendar,
            time_zone,
            span,
            as_of,
            options,
        })
    }
}

/// Attainment over one period or window.
#[derive(Serialize, TS)]
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
    #[ts(type = "string | null")]
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
            service_seconds: w.service.whole_seconds().to_string(),
            downtime_seconds: seconds_text(w.downtime.at_least_zero()),
            availability: w.availability(6),
            met: w.met,
        }
    }
}

/// One measurement period applied to the log.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceResult {
    /// `"week"`, `"fortnight"`, `"month"`, `"quarter"` or `"year"`.
    pub measure: &'static str,
    /// Every period of the span.
    pub periods: Vec<WindowResult>,
    /// How many periods missed the target.
    pub breached: usize,
    /// The index of the worst period in `periods`, if any had service time.
    #[ts(type = "number | null")]
    pub worst: Option<usize>,
}

/// The worst rolling window of a length.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RollingResult {
    /// 7, 28, 30 or 90.
    pub days: u32,
    /// The worst window; null if the span is shorter.
    #[ts(type = "WindowResult | null")]
    pub worst: Option<WindowResult>,
}

/// A row of the log that could not be read.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LogProblem {
    /// The line (1-based).
    pub line: usize,
    /// Why.
    pub reason: String,
}

/// Downtime day by day over the span, for a year's picture. Seconds are for drawing, not for checking:
/// they are binary floating point.
#[derive(Serialize, TS)]
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
#[derive(Serialize, TS)]
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
    /// The allowed downtime for people: `"44 min 38.4 s"`.
    pub allowed_text: String,
    /// The downtime counted for people.
    pub used_text: String,
    /// What is left, or by how much it is overspent, for people (without a sign).
    pub remaining_text: String,
    /// Whether the budget is overspent.
    pub overspent: bool,
    /// Instants (seconds since the epoch): the end of each local day of the period before `asOf`, then `asOf`.
    pub times: Vec<f64>,
    /// Downtime counted up to each of `times`, in seconds (for drawing).
    pub used: Vec<f64>,
}

/// An outage log measured every way.
#[derive(Serialize, TS)]
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
    #[ts(type = "ChoiceResult[] | null")]
    pub round_the_clock: Option<Vec<ChoiceResult>>,
    /// Downtime per local day of the span.
    pub days: DaysResult,
    /// The error budget of each measurement's period holding `asOf`.
    pub burn: Vec<BurnResult>,
}

/// A log and how it was given: `"csv"` (problems are numbered by line) or `"records"` (by record).
pub struct ReadLog {
    /// The outages and the rows refused.
    pub log: Log,
    /// `"csv"` or `"records"`.
    pub format: &'static str,
}

/// Measures an outage log every way a contract might: weeks, fortnights, months, quarters, years and the
/// worst rolling 7, 28, 30 and 90-day windows, on 24x7 or a calendar's service hours, with the verdict.
/// Rows that cannot be read are listed in `problems`; input that cannot be used at all is an error.
///
/// ```
/// use slacalc::api::{attainment, NoZones};
/// use slacalc::value::Value;
/// let input = Value::parse_json(r#"{
///     "outages": "start,end\n2026-03-10T10:00:00Z,2026-03-10T11:00:00Z\n",
///     "target": "99.9", "span": "2026-Q1"
/// }"#).unwrap();
/// let r = attainment(&input, &NoZones)?;
/// // March 2026 has 2 678 400 s; one hour down leaves 99.865591% (rounded down).
/// let months = r.choices.iter().find(|c| c.measure == "month").unwrap();
/// assert_eq!(months.periods[2].availability.as_deref(), Some("99.865591"));
/// assert_eq!(months.breached, 1);
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn attainment(input: &Value, zones: &dyn Zones) -> Result<AttainmentResult, Error> {
    let entries = object(input)?;
    let terms = Terms::read(input, Zone::utc(), zones)?;
    let log = read_log(get(entries, "outages"), terms.zone())?;
    terms.measure(&log)
}

/// The terms of a measurement, read, with the calendar and the zone the log is read and measured in.
pub struct Terms {
    input: MeasureInput,
    calendar: Option<Calendar>,
    zone: Zone,
}

impl Terms {
    /// Reads the terms (see [`MeasureInput`]); the zone is the calendar's, else `timeZone`, else
    /// `default_zone` (UTC, or the zone a log was read in).
    pub fn read(terms: &Value, default_zone: Zone, zones: &dyn Zones) -> Result<Terms, Error> {
        let input = MeasureInput::read(terms)?;
        let calendar = input
            .calendar
            .clone()
            .map(|c| c.calendar(zones))
            .transpose()?;
        let zone = match (&calendar, &input.time_zone) {
            (Some(c), _) => c.zone().clone(),
            (None, Some(name)) if !name.trim().is_empty() => zone_named(zones, name.trim())?,
            _ => default_zone,
        };
        Ok(Terms {
            input,
            calendar,
            zone,
        })
    }

    /// The zone in which times without an offset are read.
    pub fn zone(&self) -> &Zone {
        &self.zone
    }

    /// Measures a log with these terms.
    pub fn measure(self, log: &ReadLog) -> Result<AttainmentResult, Error> {
        self.measure_log(&log.log, log.format)
    }

    /// Measures a log given as `format` (`"csv"` or `"records"`) with these terms.
    pub fn measure_log(self, log: &Log, format: &'static str) -> Result<AttainmentResult, Error> {
        measure(self.input, log, format, self.calendar, self.zone)
    }
}

/// A log's text as JSON (from its array or object on, after a byte-order mark and spaces), or `None`
/// for CSV.
pub fn json_log(text: &str) -> Option<&str> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    (head.starts_with('[') || head.starts_with('{')).then_some(head)
}

/// A log read piece by piece, as a large file arrives, then measured as often as the terms change
/// without reading it again (`OutageLog` in JavaScript).
///
/// ```
/// use slacalc::api::{attainment::PieceLog, NoZones};
/// use slacalc::value::Value;
/// let mut log = PieceLog::new(&Value::Null, &NoZones)?;
/// log.push("start,end\n2026-03-10T10:00:00Z,2026-03-")?;
/// log.push("10T11:00:00Z\n")?;
/// let terms = Value::parse_json(r#"{"target": "99.9", "span": "2026-03"}"#).unwrap();
/// let r = log.measure(&terms, &NoZones)?;
/// assert_eq!(r.outages, 1);
/// # Ok::<(), slacalc::Error>(())
/// ```
pub struct PieceLog {
    reader: Option<LogReader>,
    log: Option<Log>,
    zone: Zone,
}

impl PieceLog {
    /// A log whose local times are read in the zone named (UTC when none, or empty, is given).
    pub fn new(time_zone: &Value, zones: &dyn Zones) -> Result<PieceLog, Error> {
        let zone = super::reading_zone(time_zone, zones)?;
        Ok(PieceLog {
            reader: Some(LogReader::new(&zone)),
            log: None,
            zone,
        })
    }

    /// Reads the next piece of CSV text; a piece may end anywhere, even inside a line. A log that
    /// cannot be read at all is not read further.
    pub fn push(&mut self, piece: &str) -> Result<(), Error> {
        self.read(|reader| reader.push(piece))
    }

    /// Reads the next piece of the log as UTF-8 bytes (see [`LogReader::push_bytes`]).
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<(), Error> {
        self.read(|reader| reader.push_bytes(piece))
    }

    /// Reads with the reader while the log is open; a log that cannot be read is not read further.
    fn read(
        &mut self,
        read: impl FnOnce(&mut LogReader) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let Some(reader) = self.reader.as_mut() else {
            return Err(Error::InvalidLog {
                reason: "the log was already finished; start a new one".to_string(),
            });
        };
        read(reader).inspect_err(|_| self.reader = None)
    }

    /// Outages and rows refused so far.
    pub fn counts(&self) -> (usize, usize) {
        match (&self.reader, &self.log) {
            (Some(r), _) => r.counts(),
            (None, Some(l)) => (l.outages.len(), l.problems.len()),
            (None, None) => (0, 0),
        }
    }

    /// Reads the last line. An error for a log that cannot be read at all (empty, binary, no start
    /// column).
    pub fn finish(&mut self) -> Result<&Log, Error> {
        if let Some(reader) = self.reader.take() {
            self.log = Some(reader.finish()?);
        }
        self.log.as_ref().ok_or_else(|| Error::InvalidLog {
            reason: "the log could not be read; start a new one".to_string(),
        })
    }

    /// Measures the log (finishing it first) with `terms` (see [`MeasureInput`]).
    pub fn measure(&mut self, terms: &Value, zones: &dyn Zones) -> Result<AttainmentResult, Error> {
        let zone = self.zone.clone();
        let log = self.finish()?;
        Terms::read(terms, zone, zones)?.measure_log(log, "csv")
    }
}

/// The most records a log given as records may hold.
pub const MAX_RECORDS: usize = 10_000_000;

/// Reads the log given as CSV text, JSON text or an array of records (a list of objects, or an object
/// whose `outages` is one); times without an offset are read in `zone`.
pub fn read_log(outages: Option<&Value>, zone: &Zone) -> Result<ReadLog, Error> {
    match outages {
        Some(Value::Text(text)) => {
            if let Some(json) = json_log(text) {
                let parsed = Value::parse_json(json).map_err(|e| Error::InvalidLog {
                    reason: format!("the log looks like JSON but cannot be read as JSON ({e})"),
                })?;
                return read_records(&parsed, zone);
            }
            Ok(ReadLog {
                log: crate::outage::parse_csv(text, zone)?,
                format: "csv",
            })
        }
        Some(records @ Value::List(_)) => read_records(records, zone),
        other => Err(missing_or_wrong(
            other,
            Field::Outages,
            "the log as CSV or JSON text, or an array of records",
        )),
    }
}

/// Reads an array of records, or an object whose `outages` is one.
fn read_records(value: &Value, zone: &Zone) -> Result<ReadLog, Error> {
    let records = match value {
        Value::List(records) => records,
        Value::Map(entries) => match get(entries, "outages") {
            Some(Value::List(records)) => records,
            _ => return Err(not_records()),
        },
        _ => return Err(not_records()),
    };
    check_record_count(records.len())?;
    let mut reader = LogReader::new(zone);
    for (i, record) in records.iter().enumerate() {
        push_record(&mut reader, record, i + 1);
    }
    Ok(ReadLog {
        log: reader.finish()?,
        format: "records",
    })
}

fn not_records() -> Error {
    Error::InvalidLog {
        reason: "the JSON is neither an array of outages nor an object with an outages array"
            .to_string(),
    }
}

/// Refuses a log of no records, or of more than [`MAX_RECORDS`].
pub fn check_record_count(n: usize) -> Result<(), Error> {
    if n == 0 {
        return Err(Error::InvalidLog {
            reason: "the log is empty: give at least one outage".to_string(),
        });
    }
    if n > MAX_RECORDS {
        return Err(Error::InvalidLog {
            reason: "the log has more than 10 000 000 records".to_string(),
        });
    }
    Ok(())
}

/// Reads record number `index` (from 1) into `reader`: an object's names are matched as a CSV header's,
/// its values read as a CSV field's text would be (true is yes, a number its text, null empty);
/// anything but an object is a problem of that record.
pub fn push_record(reader: &mut LogReader, record: &Value, index: usize) {
    let Value::Map(entries) = record else {
        reader.push_problem(
            index,
            format!(
                "the record is {}, not an object with start and end",
                record.kind()
            ),
        );
        return;
    };
    let names: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let values: Vec<String> = entries
        .iter()
        .map(|(_, v)| match v {
            Value::Text(t) | Value::Number(t) => t.clone(),
            Value::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
            Value::Null => String::new(),
            other => other.kind().to_string(),
        })
        .collect();
    reader.push_record(&names, &values, index);
}

/// The length in seconds of each unplanned outage, and how many there were per average month between
/// the first start and the last end (at least one month): what `risk` resamples.
pub fn durations(log: &Log) -> (Vec<f64>, f64) {
    let outages: Vec<&Outage> = log
        .outages
        .iter()
        .filter(|o| !o.planned && o.end > o.start)
        .collect();
    let lengths = outages.iter().map(|o| (o.end - o.start) as f64).collect();
    let first = outages.iter().map(|o| o.start).min().unwrap_or(0);
    let last = outages.iter().map(|o| o.end).max().unwrap_or(0);
    let month = Average::Month.length().as_nanos() as f64 / 1e9;
    let months = ((last - first) as f64 / month).max(1.0);
    (lengths, outages.len() as f64 / months)
}

/// A length in millionths of a second, for people and without its sign: `"15 min 21.6 s"`.
/// A duration for people, without its sign (a budget's `overspent` says which way it went).
fn duration_words(d: SignedDuration) -> String {
    d.unsigned_abs().map_or_else(
        || format!("{} s", seconds_text(d).trim_start_matches('-')),
        |d| d.to_string(),
    )
}

/// Seconds as an exact decimal, with a minus sign when negative: `"-4521.6"`.
fn seconds_text(d: SignedDuration) -> String {
    let text = format_scaled(u128::from(d.as_nanos().unsigned_abs()), 9);
    if d < SignedDuration::ZERO {
        format!("-{text}")
    } else {
        text
    }
}

fn choice_results(choices: &[crate::attainment::Choice]) -> Vec<ChoiceResult> {
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

fn measure(
    terms: MeasureInput,
    log: &Log,
    format: &'static str,
    calendar: Option<Calendar>,
    zone: Zone,
) -> Result<AttainmentResult, Error> {
    let target = terms.target;
    let options = terms.options.unwrap_or_default();
    let as_of = terms
        .as_of
        .as_deref()
        .map(|text| parse_instant(text, &zone, Field::AsOf))
        .transpose()?;
    if log.outages.is_empty() && !log.problems.is_empty() && terms.span.is_none() {
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
    let (from, to) = span(terms.span.as_deref(), &log.outages, &zone)?;
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
                    line: o.line as usize,
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
    // Weighted downtime is whole microseconds: divided as millionths, as the figures are exact.
    let seconds = |d: SignedDuration| (d.as_nanos() / 1000) as f64 / 1e6;
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
            service_seconds: days
                .iter()
                .map(|d| d.service.whole_seconds() as f64)
                .collect(),
            downtime_seconds: days.iter().map(|d| seconds(d.downtime)).collect(),
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
                    allowed_seconds: seconds_text(b.allowed),
                    used_seconds: seconds_text(b.used),
                    remaining_seconds: seconds_text(b.remaining()),
                    allowed_text: duration_words(b.allowed),
                    used_text: duration_words(b.used),
                    remaining_text: duration_words(b.remaining()),
                    overspent: b.remaining() < SignedDuration::ZERO,
                    times: b.points.iter().map(|p| p.0 as f64).collect(),
                    used: b.points.iter().map(|p| seconds(p.1)).collect(),
                })
                .collect(),
        },
    })
}

/// The local dates `[from, to)` to measure: the `span` given, or the whole years the log covers.
fn span(
    given: Option<&str>,
    outages: &[Outage],
    zone: &Zone,
) -> Result<(NaiveDate, NaiveDate), Error> {
    if let Some(text) = given {
        return match Period::parse(text)? {
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
