//! Tests of the JavaScript boundary, shared by `wasm_node.rs` (Node) and `wasm_browser.rs` (headless
//! Chromium). Expected values are worked out by hand in the comments.

use js_sys::{Array, Reflect, JSON};
use slacalc_wasm::{achieved_js, budget_js, table_js};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("test input is valid JSON")
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("readable property")
}

fn text(value: &JsValue, key: &str) -> String {
    prop(value, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string"))
}

#[track_caller]
fn expect_error(result: Result<JsValue, JsValue>, field: &str, code: &str) -> String {
    let error = result.expect_err("an error");
    let error: js_sys::Error = error.dyn_into().expect("an Error object");
    assert_eq!(text(&error, "field"), field);
    assert_eq!(text(&error, "code"), code);
    let message: String = error.message().into();
    assert!(message.starts_with(field), "{message}");
    message
}

#[wasm_bindgen_test]
fn budget_values() {
    // 14 days = 1 209 600 s; 1% of it = 12 096 s = 3 h 21 min 36 s.
    let b = budget_js(json(r#"{"target": "99", "period": "P14D"}"#)).unwrap();
    assert_eq!(text(&b, "periodSeconds"), "1209600");
    assert_eq!(text(&b, "allowedDowntimeSeconds"), "12096");
    assert_eq!(text(&b, "allowedDowntime"), "3 h 21 min 36 s");
    assert_eq!(text(&b, "periodLabel"), "14 days");
    assert_eq!(
        text(&b, "sentence"),
        "99% measured over 14 days allows 3 h 21 min 36 s of downtime: the service may be down for about \
         3.4 hours every fortnight and still meet its target."
    );
    // 0.1% of 2 629 746 s, with the target given as a number.
    let b = budget_js(json(r#"{"target": 99.9, "period": "month"}"#)).unwrap();
    assert_eq!(text(&b, "allowedDowntimeSeconds"), "2629.746");
    assert_eq!(
        text(&b, "periodLabel"),
        "average Gregorian month (30.436875 days)"
    );
    assert_eq!(text(&prop(&b, "perDay"), "seconds"), "86.4");
    // February 2026 has 28 days = 2 419 200 s; 0.1% = 2 419.2 s.
    let b = budget_js(json(r#"{"target": "99.9", "period": "2026-02"}"#)).unwrap();
    assert_eq!(text(&b, "allowedDowntimeSeconds"), "2419.2");
    assert_eq!(text(&b, "periodStart"), "2026-02-01T00:00:00Z");
    assert_eq!(text(&b, "periodEnd"), "2026-03-01T00:00:00Z");
}

#[wasm_bindgen_test]
fn achieved_values() {
    // 1 s lost in a day: 86 399 / 86 400 = 99.998842592...% -> shown rounded down.
    let a = achieved_js(json(
        r#"{"downtime": 1, "period": "day", "target": "99.999"}"#,
    ))
    .unwrap();
    assert_eq!(text(&a, "availability"), "99.998842");
    assert_eq!(prop(&a, "meetsTarget").as_bool(), Some(false));
    // -log10(1/86400) = 4.936...
    assert_eq!(prop(&a, "nines").as_f64(), Some(4.93));
    let a = achieved_js(json(r#"{"downtime": "PT0S", "period": "day"}"#)).unwrap();
    assert_eq!(text(&a, "availability"), "100.000000");
    assert!(prop(&a, "nines").is_null());
    assert!(prop(&a, "meetsTarget").is_null());
}

#[wasm_bindgen_test]
fn table_has_every_common_target() {
    let t = table_js().unwrap();
    let rows: Array = prop(&t, "rows").dyn_into().unwrap();
    assert_eq!(rows.length(), 8);
    // 99.999% of an average year: 31 556 952 s x 0.00001 = 315.56952 s.
    let last = rows.get(7);
    let cells: Array = prop(&last, "cells").dyn_into().unwrap();
    assert_eq!(text(&cells.get(4), "seconds"), "315.56952");
    assert_eq!(text(&cells.get(4), "text"), "5 min 15.56952 s");
}

#[wasm_bindgen_test]
fn bad_input_names_the_field() {
    let cases: &[(&str, &str, &str)] = &[
        (r#"{"target": "", "period": "month"}"#, "target", "empty"),
        (
            r#"{"target": "abc", "period": "month"}"#,
            "target",
            "invalid_number",
        ),
        (
            r#"{"target": "-1", "period": "month"}"#,
            "target",
            "out_of_range",
        ),
        (
            r#"{"target": "0", "period": "month"}"#,
            "target",
            "out_of_range",
        ),
        (
            r#"{"target": "100.5", "period": "month"}"#,
            "target",
            "out_of_range",
        ),
        (
            r#"{"target": "99.9999999", "period": "month"}"#,
            "target",
            "too_many_decimals",
        ),
        (
            r#"{"target": "1e309", "period": "month"}"#,
            "target",
            "invalid_number",
        ),
        (
            r#"{"target": null, "period": "month"}"#,
            "target",
            "missing",
        ),
        (
            r#"{"target": [99], "period": "month"}"#,
            "target",
            "wrong_type",
        ),
        (
            r#"{"target": {}, "period": "month"}"#,
            "target",
            "wrong_type",
        ),
        (
            r#"{"target": true, "period": "month"}"#,
            "target",
            "wrong_type",
        ),
        (r#"{"period": "month"}"#, "target", "missing"),
        (
            r#"{"target": "99", "period": "P0D"}"#,
            "period",
            "zero_length",
        ),
        (
            r#"{"target": "99", "period": "P1000000Y"}"#,
            "period",
            "invalid_duration",
        ),
        (
            r#"{"target": "99", "period": "2026-02-30"}"#,
            "period",
            "invalid_date",
        ),
        (
            r#"{"target": "99", "period": "2026-Q5"}"#,
            "period",
            "invalid_date",
        ),
        (
            r#"{"target": "99", "period": "2026-03-15/2026-03-01"}"#,
            "period",
            "reversed_range",
        ),
        (r#"{"target": "99", "period": 14}"#, "period", "wrong_type"),
        (
            r#"{"target": "99", "period": ["month"]}"#,
            "period",
            "wrong_type",
        ),
        (r#"{"target": "99"}"#, "period", "missing"),
        (r#"[]"#, "input", "wrong_type"),
        (r#""99""#, "input", "wrong_type"),
        (r#"null"#, "input", "missing"),
    ];
    for (input, field, code) in cases {
        expect_error(budget_js(json(input)), field, code);
    }
    let nan = js_sys::Object::new();
    Reflect::set(&nan, &"target".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    Reflect::set(&nan, &"period".into(), &"month".into()).unwrap();
    expect_error(budget_js(nan.into()), "target", "invalid_number");
    expect_error(budget_js(JsValue::UNDEFINED), "input", "missing");
    let message = expect_error(
        achieved_js(json(r#"{"downtime": "P2D", "period": "day"}"#)),
        "downtime",
        "exceeds_period",
    );
    assert!(message.contains("longer than the period"), "{message}");
    expect_error(
        achieved_js(json(r#"{"downtime": -5, "period": "day"}"#)),
        "downtime",
        "invalid_duration",
    );
    expect_error(
        achieved_js(json(r#"{"downtime": [], "period": "day"}"#)),
        "downtime",
        "wrong_type",
    );
    expect_error(
        achieved_js(json(r#"{"downtime": 5, "period": "day", "target": "x"}"#)),
        "target",
        "invalid_number",
    );
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn string(&mut self) -> String {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "9",
            "99",
            ".",
            ",",
            "-",
            "+",
            "e",
            "%",
            " ",
            "P",
            "T",
            "W",
            "D",
            "H",
            "M",
            "S",
            "Y",
            "Q",
            "/",
            "2026",
            "-02",
            "-30",
            "month",
            "year",
            "min",
            "h",
            "\u{0}",
            "\u{1F600}",
            "\u{202f}",
            "999999999999999999999",
            "-W",
            "Q5",
        ];
        let len = self.below(8);
        (0..len)
            .map(|_| PIECES[self.below(PIECES.len() as u64) as usize])
            .collect()
    }

    fn value(&mut self) -> JsValue {
        match self.below(10) {
            0 => JsValue::NULL,
            1 => JsValue::UNDEFINED,
            2 => JsValue::from_f64(f64::from_bits(self.next())),
            3 => JsValue::from_f64((self.below(20_000) as f64) / 100.0 - 50.0),
            4 => JsValue::from_bool(self.below(2) == 0),
            5 => Array::of1(&self.string().into()).into(),
            6 => {
                let calendar = js_sys::Object::new();
                let weekly = js_sys::Object::new();
                Reflect::set(&weekly, &"mon".into(), &self.value()).unwrap();
                Reflect::set(&calendar, &"weekly".into(), &weekly).unwrap();
                Reflect::set(&calendar, &"holidays".into(), &Array::of1(&self.value())).unwrap();
                calendar.into()
            }
            _ => self.string().into(),
        }
    }
}

#[wasm_bindgen_test]
fn random_input_never_breaks_the_module() {
    let mut random = Random(0x5EED_1234_ABCD_0001);
    for _ in 0..3_000 {
        let input = js_sys::Object::new();
        for key in ["target", "period", "downtime", "calendar"] {
            if random.below(5) > 0 {
                Reflect::set(&input, &key.into(), &random.value()).unwrap();
            }
        }
        for result in [budget_js(input.clone().into()), achieved_js(input.into())] {
            match result {
                Ok(value) => assert!(value.is_object()),
                Err(error) => {
                    let field = text(&error, "field");
                    assert!(
                        ["target", "period", "downtime", "calendar", "input"]
                            .contains(&field.as_str()),
                        "{field}"
                    );
                    assert!(!text(&error, "code").is_empty());
                    assert!(!text(&error, "message").is_empty());
                }
            }
        }
    }
    // The module still answers correctly afterwards.
    let b = budget_js(json(r#"{"target": "99.9", "period": "month"}"#)).unwrap();
    assert_eq!(text(&b, "allowedDowntimeSeconds"), "2629.746");
}

#[wasm_bindgen_test]
fn result_shape_matches_the_typescript_declarations() {
    let b = budget_js(json(r#"{"target": "99.9", "period": "2026-W09"}"#)).unwrap();
    let object: &js_sys::Object = b.unchecked_ref();
    let mut keys: Vec<String> = js_sys::Object::keys(object)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "allowedDowntime",
            "allowedDowntimeSeconds",
            "perDay",
            "perMonth",
            "perWeek",
            "periodDays",
            "periodEnd",
            "periodKind",
            "periodLabel",
            "periodSeconds",
            "periodStart",
            "sentence",
            "service",
            "target",
            "unavailabilityPercent",
        ]
    );
    assert_eq!(text(&b, "periodKind"), "calendar");
}
