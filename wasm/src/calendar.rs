//! The service-calendar half of the JavaScript API: time zones, `ServiceCalendar`, iCalendar import and
//! presets. Errors carry the `part` of the calendar they concern.

use std::cell::RefCell;

use chrono::Datelike;
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

#[cfg(feature = "analysis")]
use super::duration_from;
use super::{
    calendar_value, error_value, kind_of, missing_or_wrong, plain, respond, text_param, PageZones,
};
use slacalc::api::{self, CalendarInput};
use slacalc::calendar::{Calendar, Schedule};
#[cfg(feature = "analysis")]
use slacalc::duration::ExactDuration;
use slacalc::error::{Error, Field};
use slacalc::zone::Zone;

thread_local! {
    /// Time zones loaded with `registerTimeZone`, by name.
    /// A page loads a few zones: a list is smaller in the module than a hash map, and as quick.
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
    ZONES.with(|z| {
        let mut zones = z.borrow_mut();
        match zones.iter().position(|known| known.name() == name) {
            Some(i) => zones[i] = zone,
            None => zones.push(zone),
        }
    });
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
    Ok(zone_named(&name).is_ok())
}

/// A zone registered with `registerTimeZone`.
pub(super) fn registered(name: &str) -> Option<Zone> {
    ZONES.with(|z| z.borrow().iter().find(|zone| zone.name() == name).cloned())
}

pub(super) fn zone_named(name: &str) -> Result<Zone, Error> {
    api::zone_named(&PageZones, name)
}

#[cfg(feature = "analysis")]
pub(super) fn optional_calendar(input: &JsValue) -> Result<Option<Calendar>, Error> {
    let v = js_sys::Reflect::get(input, &"calendar".into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    calendar_from(&v).map(Some)
}

#[cfg(feature = "analysis")]
pub(super) fn calendar_string(v: &JsValue, part: &str) -> Result<Option<String>, Error> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        v.as_string()
            .map(Some)
            .ok_or_else(|| Error::InvalidCalendar {
                part: part.to_string(),
                value: String::new(),
                reason: format!("it must be a string, not {}", kind_of(v)),
            })
    }
}

pub(super) fn calendar_from(v: &JsValue) -> Result<Calendar, Error> {
    CalendarInput::read(&calendar_value(v)?)?.calendar(&PageZones)
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
        #[wasm_bindgen(unchecked_param_type = "string | CalendarInput")] spec: JsValue,
    ) -> Result<ServiceCalendar, JsValue> {
        let calendar = plain(&spec, Field::Calendar)
            .and_then(|spec| calendar_from(&spec))
            .map_err(|e| error_value(&e))?;
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
    #[cfg(feature = "analysis")]
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
            if b - a > 3_155_695_200 {
                // Longer than 100 average years, the longest span slacalc measures.
                return Err(Error::TooLong {
                    field: Field::End,
                    value: format!("{}/{}", self.text(a), self.text(b)),
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
    #[cfg(feature = "analysis")]
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
            // Look one year ahead first, then ten, then a hundred, never past the last instant slacalc
            // writes.
            let last = slacalc::zone::LAST_INSTANT + 1;
            for years in [1, 10, 100] {
                let end = a.saturating_add(years * 366 * 86_400).min(last);
                let found = self.with_schedule(a, end, |s| {
                    Some((s.add_service(a, seconds), s.total_seconds()))
                })?;
                if let Some((Some(t), _)) = found {
                    let t = slacalc::zone::in_range(t, Field::Duration, |t| {
                        format!(
                            "{d} of service time after {} ends at {}",
                            self.text(a),
                            self.text(t)
                        )
                    })?;
                    return Ok(Instant {
                        utc: self.text(t),
                        local: self.calendar.zone().local_text(t)?,
                        offset_seconds: self.calendar.zone().offset(t),
                    });
                }
                if end == last {
                    return Err(Error::InstantOutOfRange {
                        field: Field::Duration,
                        what: format!(
                            "{d} of service time after {} would end in the year 10000 or later",
                            self.text(a)
                        ),
                    });
                }
                if years == 100 && found.is_some_and(|(_, total)| total == 0) {
                    return Err(Error::NoServiceTime {
                        period: "the hundred years after the start".to_string(),
                    });
                }
            }
            Err(Error::InvalidValue {
                field: Field::Duration,
                part: String::new(),
                reason: format!(
                    "{d} of service time after {} does not end within the hundred years after it: the service hours hold less",
                    self.text(a)
                ),
            })
        })();
        respond(result)
    }
}

/// The first (1, 1) or last (12, 31) day of the year of `d`.
fn year_edge(d: chrono::NaiveDate, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(d.year(), month, day).unwrap_or(d)
}

impl ServiceCalendar {
    #[cfg(feature = "analysis")]
    fn text(&self, t: i64) -> String {
        slacalc::zone::utc_text(t)
    }

    fn instant(&self, v: &JsValue, field: Field) -> Result<i64, Error> {
        let Some(text) = v.as_string() else {
            return Err(missing_or_wrong(
                v,
                field,
                "an ISO 8601 instant such as \"2026-03-02T09:00:00Z\"",
            ));
        };
        slacalc::zone::parse_instant(&text, self.calendar.zone(), field)
    }

    /// Runs `query` on a schedule covering `[a, b]`, expanding it (by whole years) when needed.
    fn with_schedule<T>(
        &self,
        a: i64,
        b: i64,
        query: impl FnOnce(&Schedule) -> Option<T>,
    ) -> Result<Option<T>, Error> {
        let mut cached = self.schedule.borrow_mut();
        let covered = cached
            .as_ref()
            .is_some_and(|s| s.span().0 <= a && b <= s.span().1);
        if !covered {
            let zone = self.calendar.zone();
            let (from, to) = (
                year_edge(zone.local_date(a)?, 1, 1),
                year_edge(zone.local_date((b - 1).max(a))?, 12, 31),
            );
            // Widen what is kept to take in the new query, unless that makes it too long: then start
            // afresh from the query's own years.
            let (mut wide_from, mut wide_to) = (from, to);
            if let Some(s) = cached.as_ref() {
                wide_from = wide_from.min(zone.local_date(s.span().0)?);
                wide_to = wide_to.max(zone.local_date(s.span().1)?);
            }
            let (from, to) =
                if (wide_to - wide_from).num_days() < slacalc::calendar::MAX_SCHEDULE_DAYS {
                    (wide_from, wide_to)
                } else {
                    (from, to)
                };
            // Free the old schedule before the new one is built.
            *cached = None;
            let to = to.succ_opt().unwrap_or(to);
            *cached = Some(self.calendar.schedule(from, to)?);
        }
        Ok(cached.as_ref().and_then(query))
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
#[cfg(feature = "analysis")]
#[wasm_bindgen(js_name = importIcs, unchecked_return_type = "IcsImport")]
pub fn import_ics(text: JsValue) -> Result<JsValue, JsValue> {
    let result = (|| {
        let text = text.as_string().ok_or_else(|| Error::InvalidCalendar {
            part: "ics".to_string(),
            value: String::new(),
            reason: format!("the file must be given as text, not {}", kind_of(&text)),
        })?;
        let (holidays, skipped) = slacalc::ics::holidays(&text)?;
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
    #[cfg(feature = "analysis")]
    #[wasm_bindgen(js_name = serviceSeconds)]
    pub fn service_seconds(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] starts: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float64Array")] ends: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let result = (|| {
            let (starts, ends) = (
                seconds_list(&starts, Field::Start)?,
                seconds_list(&ends, Field::End)?,
            );
            if starts.len() != ends.len() {
                return Err(Error::WrongType {
                    field: Field::End,
                    expected: "as many ends as starts",
                    found: "a different number",
                });
            }
            let number = |x: f64| {
                js_sys::Number::from(x)
                    .to_string_with_radix(10)
                    .map(String::from)
                    .unwrap_or_default()
            };
            let finite = |x: f64, field| {
                if !x.is_finite() {
                    return Err(Error::InvalidInstant {
                        field,
                        value: number(x),
                    });
                }
                // Seconds since 1970-01-01T00:00:00Z, within the years 0001 to 9999.
                let t = x.floor().clamp(-1e15, 1e15) as i64;
                slacalc::zone::in_range(t, field, |_| {
                    format!("{} {} (seconds since 1970)", field.name(), number(x))
                })
            };
            let (mut lo, mut hi) = (i64::MAX, i64::MIN);
            let mut pairs = Vec::with_capacity(starts.len());
            for (a, b) in starts.iter().zip(&ends) {
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
