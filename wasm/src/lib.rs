//! The JavaScript API: JavaScript values to the core's `Value`, the core's responses and errors (`code`,
//! `field`, `part`, a sentence) back to JavaScript. Every rule is the core's (`slacalc::api`).

use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use slacalc::api;
use slacalc::error::{Error, Field};
use slacalc::value::Value;
use slacalc::zone::Zone;

#[cfg(feature = "analysis")]
mod attainment;
mod calendar;
#[cfg(feature = "chain")]
mod chain;
#[cfg(feature = "analysis")]
mod penalty;
#[cfg(feature = "analysis")]
mod quotes;

pub use calendar::*;
#[cfg(feature = "chain")]
pub use chain::*;
#[cfg(feature = "analysis")]
pub use {attainment::*, penalty::*, quotes::*};

/// The declarations of the errors and of the API's inputs and results, written from the core's types.
#[wasm_bindgen(typescript_custom_section)]
const API_TYPES: &str = include_str!("api.d.ts");

/// The zones registered with `registerTimeZone`.
struct PageZones;

impl api::Zones for PageZones {
    fn zone(&self, name: &str) -> Option<Zone> {
        calendar::registered(name)
    }
}

/// What `target` allows over `period`.
///
/// Throws a `SlacalcError` naming the field on bad input.
#[wasm_bindgen(js_name = budget, unchecked_return_type = "BudgetResult")]
pub fn budget_js(
    #[wasm_bindgen(unchecked_param_type = "BudgetInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond(request(&input).and_then(|v| api::budget(&v, &PageZones)))
}

/// The availability `downtime` achieved over `period`, compared with `target` if one is given.
///
/// Throws a `SlacalcError` naming the field on bad input.
#[wasm_bindgen(js_name = achieved, unchecked_return_type = "AchievedResult")]
pub fn achieved_js(
    #[wasm_bindgen(unchecked_param_type = "AchievedInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond(request(&input).and_then(|v| api::achieved(&v, &PageZones)))
}

/// Allowed downtime of common targets over a calendar's service hours: in a typical week and in the
/// average month, quarter and year (counted in typical weeks). Columns say how much service time each
/// holds.
///
/// Throws a `SlacalcError` naming the calendar's part when the calendar cannot be used.
#[wasm_bindgen(js_name = serviceTable, unchecked_return_type = "TargetTable")]
pub fn service_table_js(
    #[wasm_bindgen(unchecked_param_type = "string | CalendarInput")] calendar: JsValue,
) -> Result<JsValue, JsValue> {
    respond(calendar_value(&calendar).and_then(|v| api::service_table(&v, &PageZones)))
}

/// Allowed downtime of common targets by day, week, month, quarter and year, on 24x7.
#[wasm_bindgen(js_name = table, unchecked_return_type = "TargetTable")]
pub fn table_js() -> Result<JsValue, JsValue> {
    respond(Ok(api::table()))
}

/// A request object as the core reads it: a plain copy (getters and Proxies run once, here) read into a
/// [`Value`]. A function, symbol or bigint is the wrong type; a throwing getter, a cycle or
/// nesting too deep is an error naming `field`.
fn request(input: &JsValue) -> Result<Value, Error> {
    read(
        input,
        Field::Input,
        "an object such as { target: \"99.9\", period: \"month\" }",
    )
}

/// A calendar argument: hours text or a `CalendarInput`.
fn calendar_value(v: &JsValue) -> Result<Value, Error> {
    read(
        v,
        Field::Calendar,
        "an object such as { timeZone: \"Europe/London\", weekly: { mon: \"09:00-17:00\" } }",
    )
}

/// Any argument as a [`Value`] (see [`request`]).
fn read(v: &JsValue, field: Field, expected: &'static str) -> Result<Value, Error> {
    if v.is_function() || v.is_symbol() || v.is_bigint() {
        return Err(Error::WrongType {
            field,
            expected,
            found: kind_of(v),
        });
    }
    // Numbers, strings and undefined are read as they are (see value_of); objects are copied first.
    let copy = copy(v, field, true)?;
    value_of(&copy, 0, &mut 0)
        .map_err(|(part, reason)| slacalc::value::invalid(field, &part, reason))
}

/// A plain copy (see [`copy`]) as a [`Value`], refused as the core's JSON reader refuses: nested more
/// than [`MAX_DEPTH`](slacalc::value::MAX_DEPTH) deep or holding more than
/// [`MAX_ITEMS`](slacalc::value::MAX_ITEMS) items. The error names where, to three levels
/// (`options[1].schedule`), so that a page can put it next to that input.
fn value_of(v: &JsValue, depth: usize, items: &mut usize) -> Result<Value, (String, String)> {
    use slacalc::value::{MAX_DEPTH, MAX_ITEMS};
    if let Some(text) = v.as_string() {
        return Ok(Value::Text(text));
    }
    if let Some(x) = v.as_f64() {
        let text = js_number_text(x);
        return Ok(if x.is_finite() {
            Value::Number(text)
        } else {
            Value::Text(text)
        });
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if !v.is_object() {
        return Ok(Value::Null);
    }
    if depth >= MAX_DEPTH {
        return Err((
            String::new(),
            format!("it is nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    // Where an error lies, to three levels: `[1]`, then `.schedule`, prefixed on the way out.
    let within = |at: String, (path, reason): (String, String)| {
        let path = if depth < 3 {
            format!("{at}{path}")
        } else {
            path
        };
        (path, reason)
    };
    let item = |items: &mut usize| {
        *items += 1;
        if *items > MAX_ITEMS {
            Err((
                String::new(),
                format!("it holds more than {MAX_ITEMS} items"),
            ))
        } else {
            Ok(())
        }
    };
    if Array::is_array(v) {
        let array: &Array = v.unchecked_ref();
        let mut list = Vec::new();
        for (i, element) in array.iter().enumerate() {
            item(items)?;
            list.push(
                value_of(&element, depth + 1, items).map_err(|e| within(format!("[{i}]"), e))?,
            );
        }
        return Ok(Value::List(list));
    }
    let mut map = Vec::new();
    for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
        item(items)?;
        let pair: &Array = entry.unchecked_ref();
        let key = pair.get(0).as_string().unwrap_or_default();
        let value = value_of(&pair.get(1), depth + 1, items).map_err(|e| {
            within(
                if depth == 0 {
                    key.clone()
                } else {
                    format!(".{key}")
                },
                e,
            )
        })?;
        map.push((key, value));
    }
    Ok(Value::Map(map))
}

fn respond<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| error_value(&e))?;
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error(&format!("internal error: {e}"), "internal", "input"))
}

/// A large result (a ticket export's) as JSON text for one `JSON.parse`, rather than an object built a
/// property at a time across the boundary. Only for results of strings, whole numbers, booleans and
/// nulls, whose object is then the one `respond` builds.
#[cfg(feature = "analysis")]
fn respond_large<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| error_value(&e))?;
    let text = serde_json::to_string(&value)
        .map_err(|e| js_error(&format!("internal error: {e}"), "internal", "input"))?;
    js_sys::JSON::parse(&text)
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

// JSON text in which "NaN" and "Infinity" keep their text, to be refused by name (as a Rust closure the
// replacer cost 1 KB gzip).
#[wasm_bindgen(
    inline_js = "export function exact_json(v) { return JSON.stringify(v, (k, x) => typeof x === 'number' && !isFinite(x) ? String(x) : x); }"
)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn exact_json(v: &JsValue) -> Result<JsValue, JsValue>;
}

/// A plain copy of what a caller gave, made before anything reads it: JSON text and back. Getters and
/// Proxies run here, once; what they throw, a cycle or nesting too deep is an error naming the field,
/// and nothing the caller's code throws passes through the module's frames. `exact` keeps "NaN" (a
/// replacer called for every value: large inputs, an outage log's records, go without).
fn copy(v: &JsValue, field: Field, exact: bool) -> Result<JsValue, Error> {
    if !v.is_object() {
        return Ok(v.clone());
    }
    let unreadable = |e: JsValue| Error::InvalidValue {
        field,
        part: String::new(),
        reason: format!("cannot be read: {}", thrown(&e)),
    };
    let text: JsValue = if exact {
        exact_json(v)
    } else {
        js_sys::JSON::stringify(v).map(JsValue::from)
    }
    .map_err(unreadable)?;
    let Some(text) = text.as_string() else {
        return Err(Error::WrongType {
            field,
            expected: "a plain object",
            found: "a value JSON cannot hold",
        });
    };
    js_sys::JSON::parse(&text).map_err(unreadable)
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
/// The known `keys` of an input object, each copied plainly (see [`copy`]), into a new object: for inputs
/// that also carry something too large to copy (an outage log's text), read on its own.
fn pick(input: &JsValue, keys: &[&str], field: Field) -> Result<JsValue, Error> {
    if !input.is_object() {
        return Ok(input.clone());
    }
    let picked = js_sys::Object::new();
    for key in keys {
        let v = Reflect::get(input, &(*key).into()).map_err(|e| Error::InvalidValue {
            field,
            part: (*key).to_string(),
            reason: format!("cannot be read: {}", thrown(&e)),
        })?;
        if !v.is_undefined() {
            // Setting a property of a fresh object cannot fail.
            let _ = Reflect::set(&picked, &(*key).into(), &copy(&v, field, true)?);
        }
    }
    Ok(picked.into())
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

/// A duration as the result texts write it: `durationText("2678.4")` is `"44 min 38.4 s"`,
/// `durationText(-4521.6)` is `"-1 h 15 min 21.6 s"`. Takes seconds (a number or a decimal string,
/// negative allowed) or any duration `achieved` reads. Throws a `SlacalcError` with `field: "duration"`.
#[wasm_bindgen(js_name = durationText)]
pub fn duration_text(
    #[wasm_bindgen(unchecked_param_type = "string | number")] seconds: JsValue,
) -> Result<String, JsValue> {
    read(&seconds, Field::Duration, api::DURATION)
        .and_then(|v| api::duration_text(&v))
        .map_err(|e| error_value(&e))
}

/// The exact seconds of a duration as a decimal string: `durationSeconds("1 h 30 min")` is `"5400"`.
/// Reads what `achieved` reads. Throws a `SlacalcError` with `field: "duration"`.
#[cfg(feature = "analysis")]
#[wasm_bindgen(js_name = durationSeconds)]
pub fn duration_seconds(
    #[wasm_bindgen(unchecked_param_type = "string | number")] duration: JsValue,
) -> Result<String, JsValue> {
    read(&duration, Field::Duration, api::DURATION)
        .and_then(|v| api::duration_seconds(&v))
        .map_err(|e| error_value(&e))
}
