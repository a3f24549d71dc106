//! The core's JSON reader (`Value::parse_json`): what every input of the WASM boundary and the command
//! line goes through. Expected values are worked out by hand from RFC 8259.

use slacalc::value::{Value, MAX_DEPTH};

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn number(s: &str) -> Value {
    Value::Number(s.to_string())
}

#[test]
fn numbers_keep_their_text_and_exponents_are_written_out() {
    let v = Value::parse_json("[99.90, -0.5, 0, 1e3, 1.5E-7, 2e+2]").unwrap();
    assert_eq!(
        v,
        Value::List(vec![
            number("99.90"),
            number("-0.5"),
            number("0"),
            number("1000"),
            number("0.00000015"),
            number("200"),
        ])
    );
}

#[test]
fn strings_with_every_escape() {
    // \u00e9 is é; \ud83d\ude00 is the surrogate pair of U+1F600; a lone high surrogate is U+FFFD.
    let v = Value::parse_json(
        r#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9", "\ud83d\ude00", "\ud83d!", "Zürich"]"#,
    )
    .unwrap();
    assert_eq!(
        v,
        Value::List(vec![
            text("a\"b\\c/d\u{8}\u{c}\n\r\t"),
            text("é"),
            text("😀"),
            text("\u{fffd}!"),
            text("Zürich"),
        ])
    );
}

#[test]
fn objects_keep_their_order_and_literals() {
    let v =
        Value::parse_json(" { \"b\" : true , \"a\": [ ], \"c\": null, \"d\": {}, \"e\": false } ")
            .unwrap();
    assert_eq!(
        v,
        Value::Map(vec![
            ("b".into(), Value::Bool(true)),
            ("a".into(), Value::List(vec![])),
            ("c".into(), Value::Null),
            ("d".into(), Value::Map(vec![])),
            ("e".into(), Value::Bool(false)),
        ])
    );
}

#[test]
fn what_is_not_json_is_refused_with_where() {
    for (input, reason) in [
        ("", "it is not JSON: it ends too early"),
        ("[1,]", "it is not JSON: unexpected \"]\" at character 4"),
        (
            "{\"a\" 1}",
            "it is not JSON: unexpected \"1}\" at character 6",
        ),
        ("01", "it is not JSON: unexpected \"1\" at character 2"),
        ("1.", "it is not JSON: it ends too early"),
        ("-", "it is not JSON: it ends too early"),
        ("tru", "it is not JSON: unexpected \"tru\" at character 1"),
        (
            "\"a\nb\"",
            "it is not JSON: unexpected \"\nb\"\" at character 3",
        ),
        (
            "\"\\x\"",
            "it is not JSON: unexpected \"x\"\" at character 3",
        ),
        (
            "\"\\u12\"",
            "it is not JSON: unexpected \"\"\" at character 6",
        ),
        (
            "[1] [2]",
            "it is not JSON: unexpected \"[2]\" at character 5",
        ),
        ("NaN", "it is not JSON: unexpected \"NaN\" at character 1"),
    ] {
        assert_eq!(Value::parse_json(input).unwrap_err(), reason, "{input:?}");
    }
}

#[test]
fn nesting_is_bounded() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(Value::parse_json(&deep(MAX_DEPTH)).is_ok());
    assert_eq!(
        Value::parse_json(&deep(MAX_DEPTH + 1)).unwrap_err(),
        "it is nested more than 64 levels deep"
    );
    // 100 000 levels: refused at level 65, long before the stack could overflow.
    assert_eq!(
        Value::parse_json(&deep(100_000)).unwrap_err(),
        "it is nested more than 64 levels deep"
    );
}

#[test]
fn numbers_read_as_f64_agree_with_the_standard_library() {
    use slacalc::value::number_f64;
    // A simple generator, so that the test needs no crate: xorshift64*.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    for _ in 0..200_000 {
        let r = next();
        // Counts, factors and seeds: whole numbers, short decimals, and any double's shortest text.
        let x = match r % 3 {
            0 => (next() % 9_007_199_254_740_992) as f64,
            1 => (next() % 100_000_000) as f64 / 10f64.powi((next() % 8) as i32),
            _ => f64::from_bits(next()),
        };
        if !x.is_finite() {
            continue;
        }
        let text = format!("{x}");
        let exact: f64 = text.parse().unwrap();
        let ours = number_f64(&text).unwrap();
        let digits = text.trim_start_matches('-').replace('.', "");
        let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
        let decimals = text.split_once('.').map_or(0, |(_, f)| f.len());
        let moderate = decimals <= 22 && x.abs() < 1e22;
        if significant <= 15 && moderate || x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0 {
            assert_eq!(ours.to_bits(), exact.to_bits(), "{text}");
        } else {
            assert!(
                ours == exact || ((ours - exact) / exact).abs() < 1e-14,
                "{text}: {ours} against {exact}"
            );
        }
    }
}
