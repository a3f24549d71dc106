//! The service-calendar half of the JavaScript API: time zones, `ServiceCalendar`, iCalendar and presets.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

#[cfg(feature = "analysis")]
use super::missing_or_wrong;
use super::{calendar_value, error_value, kind_of, respond, text_param, PageZones};
use slacalc::api;
use slacalc::error::{Error, Field};
use slacalc::value::Value;
use slacalc::zone::Zone;

thread_local! {
    /// Time zones loaded with `registerTimeZone`.
    static ZONES: RefCell<Vec<Zone>> = const { RefCell::new(Vec::new()) };
}

/// Loads a time zone's TZif data (from `tz/<name>.tzif` next to the page, or `/usr/share/zoneinfo/<name>`),
/// so that calendars can use it. UTC is built in. Loading a zone again replaces it.
#[wasm_bindgen(js_name = registerTimeZone)]
pub fn register_time_zone(
    name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] tzif: JsValue,
) -> Result<(), JsValue> {
    let name = zone_param(&name).map_err(|e| error_value(&e))?;
    if !tzif.is_instance_of::<js_sys::Uint8Array>() {
        return Err(error_value(&Error::InvalidTimeZone {
            value: name,
            reason: format!(
                "its data must be a Uint8Array of TZif bytes, not {}",
                kind_of(&tzif)
            ),
        }));
    }
    let bytes = js_sys::Uint8Array::from(tzif).to_vec();
    let zone = Zone::from_tzif(&name, &bytes).map_err(|e| error_value(&e))?;
    ZONES.with(|z| api::register_zone(&mut z.borrow_mut(), zone));
    Ok(())
}

/// Epoch seconds given as a `Float64Array`.
#[cfg(feature = "analysis")]
fn seconds_list(v: &JsValue, field: Field) -> Result<Vec<f64>, Error> {
    v.dyn_ref::<js_sys::Float64Array>()
        .map(js_sys::Float64Array::to_vec)
        .ok_or_else(|| missing_or_wrong(v, field, "a Float64Array of epoch seconds"))
}

/// A time zone's name as given by JavaScript: a string, or a `wrong_type` error naming the zone.
fn zone_param(name: &JsValue) -> Result<String, Error> {
    name.as_string().ok_or_else(|| Error::WrongType {
        field: Field::Calendar,
        expected: "a time zone name as a string, such as \"Europe/Berlin\"",
        found: kind_of(name),
    })
}

/// Whether a time zone can be used: UTC, or loaded with `registerTimeZone`.
#[wasm_bindgen(js_name = hasTimeZone)]
pub fn has_time_zone(name: JsValue) -> Result<bool, JsValue> {
    let name = zone_param(&name).map_err(|e| error_value(&e))?;
    Ok(api::zone_named(&PageZones, &name).is_ok())
}

/// A zone registered with `registerTimeZone`.
pub(super) fn registered(name: &str) -> Option<Zone> {
    use api::Zones;
    ZONES.with(|z| z.borrow().as_slice().zone(name))
}

/// The weekly hours of a calendar (hours text or a `CalendarInput`) as one line of hours text:
/// `"Mon-Fri 08:00-18:00; Sat 09:00-12:30"`, `"24x7"`, `"none"`. Reading it back gives the same week.
/// Needs no time zone data. Throws a `SlacalcError` with `field: "calendar"` and the `part` concerned.
#[wasm_bindgen(js_name = hoursText)]
pub fn hours_text(
    #[wasm_bindgen(unchecked_param_type = "string | CalendarInput")] calendar: JsValue,
) -> Result<String, JsValue> {
    calendar_value(&calendar)
        .and_then(|c| api::hours_text(&c))
        .map_err(|e| error_value(&e))
}

/// A service calendar ready for many queries: service time between instants, and deadlines after N hours
/// of service. Expands its service hours once per span of years, and answers each query in O(log n).
#[wasm_bindgen]
pub struct ServiceCalendar {
    inner: api::calendar::ServiceCalendar,
}

/// An instant argument as a [`Value`]: a string as it is; anything else as read, for the core to refuse
/// naming the field and what was given.
fn instant_value(v: &JsValue, field: Field) -> Result<Value, Error> {
    match v.as_string() {
        Some(text) => Ok(Value::Text(text)),
        None => super::read(
            v,
            field,
            "an ISO 8601 instant such as \"2026-03-02T09:00:00Z\"",
        ),
    }
}

#[wasm_bindgen]
impl ServiceCalendar {
    /// Reads a calendar (see `CalendarInput`). Throws a `SlacalcError` with `field: "calendar"` and the
    /// `part` concerned on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "string | CalendarInput")] spec: JsValue,
    ) -> Result<ServiceCalendar, JsValue> {
        calendar_value(&spec)
            .and_then(|v| api::calendar::ServiceCalendar::new(&v, &PageZones))
            .map(|inner| ServiceCalendar { inner })
            .map_err(|e| error_value(&e))
    }

    /// The weekly hours in short: `"Mon-Fri 09:00-17:00"`.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> String {
        self.inner.calendar().summary()
    }

    /// The IANA time zone.
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> String {
        self.inner.calendar().zone().name().to_string()
    }

    /// Service seconds in a typical week (no holidays, no clock changes).
    #[wasm_bindgen(getter, js_name = typicalWeekSeconds)]
    pub fn typical_week_seconds(&self) -> f64 {
        self.inner.calendar().typical_week_seconds() as f64
    }

    /// The service hours of the seven local days from `start` (`"2026-03-02"`), for a week strip.
    #[wasm_bindgen(js_name = weekStrip, unchecked_return_type = "StripDay[]")]
    pub fn week_strip(&self, start: JsValue) -> Result<JsValue, JsValue> {
        respond(instant_value(&start, Field::Start).and_then(|s| self.inner.week_strip(&s)))
    }

    /// Service time in `[start, end)`. Instants are ISO 8601 with an offset (`"2026-03-02T09:00:00Z"`) or
    /// local times read in the calendar's zone (`"2026-03-02T09:00"`, `"2026-03-02"`).
    #[cfg(feature = "analysis")]
    #[wasm_bindgen(js_name = serviceTime, unchecked_return_type = "ServiceTime")]
    pub fn service_time(&self, start: JsValue, end: JsValue) -> Result<JsValue, JsValue> {
        respond((|| {
            let start = instant_value(&start, Field::Start)?;
            self.inner
                .service_time(&start, &instant_value(&end, Field::End)?)
        })())
    }

    /// The instant at which `duration` of service time has passed after `start`: a response or resolution
    /// deadline. `duration` is an ISO 8601 duration (`"PT4H"`), text (`"4 h"`) or seconds.
    #[cfg(feature = "analysis")]
    #[wasm_bindgen(js_name = addServiceTime, unchecked_return_type = "Instant")]
    pub fn add_service_time(&self, start: JsValue, duration: JsValue) -> Result<JsValue, JsValue> {
        respond((|| {
            let start = instant_value(&start, Field::Start)?;
            let duration = super::read(&duration, Field::Duration, api::DURATION)?;
            self.inner.add_service_time(&start, &duration)
        })())
    }

    /// Service seconds in many intervals at once: `starts[i]` to `ends[i]`, as seconds since the epoch.
    /// For large logs: one call instead of one per interval. An interval that ends before it starts has
    /// no service time (0).
    #[cfg(feature = "analysis")]
    #[wasm_bindgen(js_name = serviceSeconds)]
    pub fn service_seconds(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] starts: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] ends: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        seconds_list(&starts, Field::Start)
            .and_then(|starts| Ok((starts, seconds_list(&ends, Field::End)?)))
            .and_then(|(starts, ends)| {
                self.inner
                    .service_seconds(&starts, &ends, &super::js_number_text)
            })
            .map_err(|e| error_value(&e))
    }
}

/// Reads the all-day events of an iCalendar (.ics) file as holiday rules. Throws a `SlacalcError`
/// (`field: "calendar"`, `part: "ics"`) for a file that is not iCalendar, binary or too large.
#[cfg(feature = "analysis")]
#[wasm_bindgen(js_name = importIcs, unchecked_return_type = "IcsImport")]
pub fn import_ics(text: JsValue) -> Result<JsValue, JsValue> {
    let Some(text) = text.as_string() else {
        return Err(error_value(&Error::InvalidCalendar {
            part: "ics".to_string(),
            value: String::new(),
            reason: format!("the file must be given as text, not {}", kind_of(&text)),
        }));
    };
    respond(api::calendar::import_ics(&text))
}

/// One of the preset calendars (`"24x7"`, `"24x5"`, `"8x5"`, `"12x5"`, `"24x7-maintenance"`) as a
/// `CalendarInput`, to fill an editor; `null` for an unknown name.
#[wasm_bindgen(js_name = calendarPreset, unchecked_return_type = "CalendarInput | null")]
pub fn calendar_preset(name: JsValue) -> Result<JsValue, JsValue> {
    let name = text_param(
        &name,
        Field::Calendar,
        "a preset's name as a string, such as \"8x5\"",
    )
    .map_err(|e| error_value(&e))?;
    let Some(preset) = api::calendar_preset(&name) else {
        return Ok(JsValue::NULL);
    };
    // Written by hand rather than by serde: a few properties, and the calculator's module stays small.
    let object = |entries: &[(&str, JsValue)]| {
        let o = js_sys::Object::new();
        for (key, value) in entries {
            let _ = js_sys::Reflect::set(&o, &(*key).into(), value);
        }
        JsValue::from(o)
    };
    let text = |t: &Option<String>| JsValue::from(t.clone().unwrap_or_default());
    let list = |items: &Option<Vec<String>>| {
        JsValue::from(
            items
                .iter()
                .flatten()
                .map(JsValue::from)
                .collect::<js_sys::Array>(),
        )
    };
    let w = preset.weekly.unwrap_or_default();
    Ok(object(&[
        ("timeZone", text(&preset.time_zone)),
        (
            "weekly",
            object(&[
                ("mon", text(&w.mon)),
                ("tue", text(&w.tue)),
                ("wed", text(&w.wed)),
                ("thu", text(&w.thu)),
                ("fri", text(&w.fri)),
                ("sat", text(&w.sat)),
                ("sun", text(&w.sun)),
            ]),
        ),
        ("holidays", list(&preset.holidays)),
        ("exclusions", list(&preset.exclusions)),
    ]))
}
