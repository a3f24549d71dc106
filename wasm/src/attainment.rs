//! The outage-log half of the JavaScript API: `attainment` and `OutageLog`. The terms and the measuring
//! are the core's (`slacalc::api::attainment`); here the log is handed over as text or record by record.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use super::{error_value, respond, thrown, value_of, PageZones};
use slacalc::api::attainment::{check_record_count, durations, json_log, push_record, PieceLog};
use slacalc::api::{ReadLog, Terms};
use slacalc::error::{Error, Field};
use slacalc::outage::{parse_csv, LogReader};
use slacalc::value::Value;
use slacalc::zone::Zone;

/// The declarations of the log's inputs and results, written from the core's types.
#[wasm_bindgen(typescript_custom_section)]
const ANALYSIS_TYPES: &str = include_str!("analysis.d.ts");

/// The terms of a measurement, read (and copied) one by one; the log itself is read on its own.
const TERMS: &[&str] = &["target", "span", "timeZone", "calendar", "asOf", "options"];

/// The terms of `input` (everything but the outages) as a [`Value`].
fn terms(input: &JsValue) -> Result<Value, Error> {
    super::request(&super::pick(input, TERMS, Field::Input)?)
}

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
            reason: format!("the outages cannot be read: {}", thrown(&e)),
        })?;
        let outages = super::copy(&outages, Field::Outages, false)?;
        let terms = Terms::read(&terms(&input)?, Zone::utc(), &PageZones)?;
        let log = read_outages(&outages, terms.zone())?;
        terms.measure(&log)
    })())
}

/// Reads the log given as CSV text, JSON text or an array of records, record by record.
fn read_outages(value: &JsValue, zone: &Zone) -> Result<ReadLog, Error> {
    if let Some(text) = value.as_string() {
        let Some(json) = json_log(&text) else {
            return Ok(ReadLog {
                log: parse_csv(&text, zone)?,
                format: "csv",
            });
        };
        let parsed = js_sys::JSON::parse(json).map_err(|e| Error::InvalidLog {
            reason: format!(
                "the log looks like JSON but cannot be read as JSON ({})",
                js_sys::Error::from(e).message()
            ),
        })?;
        return read_records(&parsed, zone);
    }
    if Array::is_array(value) {
        return read_records(value, zone);
    }
    let value = super::read(
        value,
        Field::Outages,
        "the log as CSV or JSON text, or an array of records",
    )?;
    slacalc::api::read_log(Some(&value).filter(|v| !matches!(v, Value::Null)), zone)
}

/// Reads an array of records, or an object whose `outages` is one, one record at a time.
fn read_records(value: &JsValue, zone: &Zone) -> Result<ReadLog, Error> {
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
    check_record_count(records.length() as usize)?;
    let mut reader = LogReader::new(zone);
    for (i, record) in records.iter().enumerate() {
        match value_of(&record, 0, &mut 0) {
            Ok(record) => push_record(&mut reader, &record, i + 1),
            // A record that cannot be read is that record's problem, not the log's.
            Err((_, reason)) => {
                reader.push_problem(i + 1, format!("the record cannot be read: {reason}"))
            }
        }
    }
    Ok(ReadLog {
        log: reader.finish()?,
        format: "records",
    })
}

/// A log read piece by piece, as a large file arrives, then measured as often as the terms change
/// without reading it again.
#[wasm_bindgen]
pub struct OutageLog {
    log: PieceLog,
}

#[wasm_bindgen]
impl OutageLog {
    /// A log whose local times are read in `timeZone` (default UTC; register other zones first).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = timeZone, unchecked_param_type = "string | null")]
        time_zone: JsValue,
    ) -> Result<OutageLog, JsValue> {
        super::read(&time_zone, Field::Calendar, "a time zone name as a string")
            .and_then(|zone| PieceLog::new(&zone, &PageZones))
            .map(|log| OutageLog { log })
            .map_err(|e| error_value(&e))
    }

    /// Reads the next piece of the log, as text or as UTF-8 bytes (as a file arrives: no decoding in
    /// JavaScript); a piece may end anywhere, even inside a line or a character.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] piece: JsValue,
    ) -> Result<(), JsValue> {
        match piece.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => self.log.push_bytes(&bytes.to_vec()),
            None => super::text_param(&piece, Field::Outages, "text or bytes of the log")
                .and_then(|piece| self.log.push(&piece)),
        }
        .map_err(|e| error_value(&e))
    }

    /// Outages read so far.
    #[wasm_bindgen(getter)]
    pub fn outages(&self) -> usize {
        self.log.counts().0
    }

    /// Rows refused so far.
    #[wasm_bindgen(getter)]
    pub fn problems(&self) -> usize {
        self.log.counts().1
    }

    /// The length in seconds of each unplanned outage read (finishing the log first), e.g. to resample
    /// repair times in `risk`; and, as `incidentsPerMonth`, how many there were per average month between
    /// the first start and the last end (at least one month).
    #[wasm_bindgen(
        unchecked_return_type = "{ durations: Float64Array; incidentsPerMonth: number }"
    )]
    pub fn durations(&mut self) -> Result<JsValue, JsValue> {
        let (lengths, per_month) = durations(self.log.finish().map_err(|e| error_value(&e))?);
        let result = js_sys::Object::new();
        let lengths = js_sys::Float64Array::from(&lengths[..]);
        let _ = Reflect::set(&result, &"durations".into(), &lengths);
        let _ = Reflect::set(&result, &"incidentsPerMonth".into(), &per_month.into());
        Ok(result.into())
    }

    /// Reads the last line. Throws for a log that cannot be read at all (empty, binary, no start column).
    pub fn finish(&mut self) -> Result<(), JsValue> {
        self.log.finish().map(|_| ()).map_err(|e| error_value(&e))
    }

    /// Measures the log (finishing it first) as `attainment` does; the outages are this log's.
    #[wasm_bindgen(unchecked_return_type = "AttainmentResult")]
    pub fn attainment(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "MeasureInput")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.log.finish().map_err(|e| error_value(&e))?;
        respond(terms(&input).and_then(|t| self.log.measure(&t, &PageZones)))
    }
}
