//! A plain JSON-like value, read from JSON text or JavaScript objects, so that inputs with many parts
//! (credit schedules, outage models) are checked part by part with errors that name the part.
//!
//! Numbers are kept as decimal text (as written in JSON, or JavaScript's shortest text for a number it
//! holds: `99.9`, not the binary fraction nearest to it), so that every figure derived from them is exact.

use crate::error::{Error, Field};

/// A JSON-like value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null` or `undefined`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as decimal text.
    Number(String),
    /// A string.
    Text(String),
    /// An array.
    List(Vec<Value>),
    /// An object, its entries in order.
    Map(Vec<(String, Value)>),
}

/// The deepest nesting of arrays and objects read: no credit schedule, model or quote needs more than a
/// few levels, and a value nested thousands deep would exhaust the stack while it is read.
pub const MAX_DEPTH: usize = 64;
/// The most arrays' items and objects' entries one value may hold in all.
pub const MAX_ITEMS: usize = 1_000_000;

/// The value of `name` among an object's entries (the last, as `JSON.parse` keeps it); `None` when absent
/// or null.
pub fn entry<'a>(entries: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    entries
        .iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
        .filter(|v| !matches!(v, Value::Null))
}

/// A value written out with serde, as JSON holds it: numbers as their text when `NUMBERS` is false
/// (exactly as written: a schedule's rates, as the JavaScript API gives them), or as JSON numbers when
/// it is true (integers as integers, others as the nearest double; a number no double holds stays
/// text), as `creditPresets()` returns them and JSON tools expect them.
///
/// ```
/// use slacalc::value::{Value, Written};
/// let v = Value::parse_json(r#"{"rate": 12.5, "ids": [1, -2], "big": 1e999}"#)?;
/// let text = serde_json::to_string(&Written::<false>(&v)).unwrap();
/// assert_eq!(text, r#"{"rate":"12.5","ids":["1","-2"],"big":"1e999"}"#);
/// let numbers = serde_json::to_string(&Written::<true>(&v)).unwrap();
/// assert_eq!(numbers, r#"{"rate":12.5,"ids":[1,-2],"big":"1e999"}"#);
/// # Ok::<(), String>(())
/// ```
pub struct Written<'a, const NUMBERS: bool>(pub &'a Value);

impl<const NUMBERS: bool> serde::Serialize for Written<'_, NUMBERS> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(t) if NUMBERS => {
                if let Ok(n) = t.parse::<u64>() {
                    s.serialize_u64(n)
                } else if let Ok(n) = t.parse::<i64>() {
                    s.serialize_i64(n)
                } else {
                    match t.parse::<f64>() {
                        Ok(x) if x.is_finite() => s.serialize_f64(x),
                        _ => s.serialize_str(t),
                    }
                }
            }
            Value::Number(t) | Value::Text(t) => s.serialize_str(t),
            Value::List(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    q.serialize_element(&Written::<NUMBERS>(item))?;
                }
                q.end()
            }
            Value::Map(entries) => {
                let mut m = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    m.serialize_entry(k, &Written::<NUMBERS>(v))?;
                }
                m.end()
            }
        }
    }
}

impl Value {
    /// The value of `name` when this is an object (see [`entry`]).
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entry(entries, name),
            _ => None,
        }
    }

    /// Reads JSON text (RFC 8259) into a value, keeping each number's text exactly as written (an
    /// exponent written out in full: `1e3` is `1000`). Refuses, with a reason a person understands, text
    /// that is not JSON and values nested more than [`MAX_DEPTH`] deep or holding more than [`MAX_ITEMS`]
    /// items.
    ///
    /// ```
    /// use slacalc::value::Value;
    /// let v = Value::parse_json(r#"{"target": 99.90, "period": "month", "tiers": [1e2]}"#).unwrap();
    /// assert_eq!(v, Value::Map(vec![
    ///     ("target".into(), Value::Number("99.90".into())),
    ///     ("period".into(), Value::Text("month".into())),
    ///     ("tiers".into(), Value::List(vec![Value::Number("100".into())])),
    /// ]));
    /// assert_eq!(Value::parse_json("[1,").unwrap_err(), "it is not JSON: it ends too early");
    /// ```
    pub fn parse_json(text: &str) -> Result<Value, String> {
        let mut reader = JsonReader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            items: 0,
        };
        let value = reader.value(0)?;
        reader.space();
        if reader.at < reader.bytes.len() {
            return Err(reader.unexpected());
        }
        Ok(value)
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::Text(_) => "a string",
            Value::List(_) => "an array",
            Value::Map(_) => "an object",
        }
    }

    /// The text of a string or a number.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Number(t) | Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// Reads the parts of one object, refusing names it does not know.
pub(crate) struct Object<'a> {
    entries: &'a [(String, Value)],
    field: Field,
    path: String,
}

impl<'a> Object<'a> {
    /// The object at `path` of `field`, or an error naming it.
    pub(crate) fn new(
        value: &'a Value,
        field: Field,
        path: &str,
        known: &[&str],
    ) -> Result<Object<'a>, Error> {
        let Value::Map(entries) = value else {
            return Err(invalid(
                field,
                path,
                format!("must be an object, not {}", value.kind()),
            ));
        };
        for (name, _) in entries {
            if !known.contains(&name.as_str()) {
                return Err(invalid(
                    field,
                    &join(path, name),
                    format!("is not a known name; the names are {}", known.join(", ")),
                ));
            }
        }
        Ok(Object {
            entries,
            field,
            path: path.to_string(),
        })
    }

    /// The value named `name`, if given and not null.
    pub(crate) fn get(&self, name: &str) -> Option<&'a Value> {
        self.entries
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    /// The path of the part named `name`.
    pub(crate) fn path(&self, name: &str) -> String {
        join(&self.path, name)
    }

    /// An error about the part named `name`.
    pub(crate) fn error(&self, name: &str, reason: impl Into<String>) -> Error {
        invalid(self.field, &self.path(name), reason.into())
    }

    /// The string or number named `name`, required.
    pub(crate) fn text(&self, name: &str) -> Result<&'a str, Error> {
        match self.get(name) {
            None => Err(self.error(name, "is required")),
            Some(v) => v.text().ok_or_else(|| {
                self.error(
                    name,
                    format!("must be a number or a string, not {}", v.kind()),
                )
            }),
        }
    }

    /// The string or number named `name`, if given.
    pub(crate) fn optional_text(&self, name: &str) -> Result<Option<&'a str>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.text(name).map(Some),
        }
    }

    /// A decimal named `name` as units of `10^-scale`, at most `max` (in those units) when given.
    pub(crate) fn decimal(&self, name: &str, scale: u32, max: Option<u128>) -> Result<u128, Error> {
        let text = self.text(name)?;
        decimal(text, scale, max).map_err(|reason| self.error(name, reason))
    }

    /// An amount of money named `name` (see [`amount`]), in millionths.
    pub(crate) fn amount(&self, name: &str) -> Result<u128, Error> {
        let text = self.text(name)?;
        amount(text).map_err(|reason| self.error(name, reason))
    }

    /// A decimal named `name`, if given.
    pub(crate) fn optional_decimal(
        &self,
        name: &str,
        scale: u32,
        max: Option<u128>,
    ) -> Result<Option<u128>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.decimal(name, scale, max).map(Some),
        }
    }

    /// A boolean named `name`, `default` if not given.
    pub(crate) fn flag(&self, name: &str, default: bool) -> Result<bool, Error> {
        match self.get(name) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(v) => Err(self.error(name, format!("must be true or false, not {}", v.kind()))),
        }
    }

    /// The array named `name`, if given.
    pub(crate) fn list(&self, name: &str) -> Result<Option<&'a [Value]>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::List(items)) => Ok(Some(items)),
            Some(v) => Err(self.error(name, format!("must be an array, not {}", v.kind()))),
        }
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// A number's text (as a [`Value::Number`] holds it: digits, a sign, a point, no exponent) as the `f64`
/// nearest to it, for counts and factors that are not money: whole numbers up to 2^53, and numbers below
/// 10^22 written with at most 15 significant digits and 22 decimals, are exact; others may be a few units
/// in the last place off. Reads without
/// the float-parsing tables of the standard library, which would add 10 KB to the WASM.
///
/// ```
/// use slacalc::value::number_f64;
/// assert_eq!(number_f64("0.3"), Some(0.3));
/// assert_eq!(number_f64("-1000"), Some(-1000.0));
/// assert_eq!(number_f64("9007199254740991"), Some(9007199254740991.0));
/// assert_eq!(number_f64("1e3"), None);
/// ```
pub fn number_f64(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let all = format!("{int}{frac}");
    let all = all.trim_start_matches('0');
    let mantissa = all.trim_end_matches('0');
    // The value is mantissa x 10^exponent.
    let mut exponent = (all.len() - mantissa.len()) as i32 - frac.len() as i32;
    let (lead, dropped) = if mantissa.len() > 19 {
        (&mantissa[..19], mantissa.len() - 19)
    } else {
        (mantissa, 0)
    };
    exponent += dropped as i32;
    // Powers of ten up to 10^22 are exact in f64.
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let mut x = if lead.is_empty() {
        0.0
    } else {
        lead.parse::<u64>().ok()? as f64
    };
    while exponent > 22 {
        x *= 1e22;
        exponent -= 22;
    }
    while exponent < -22 {
        x /= 1e22;
        exponent += 22;
    }
    let magnitude = if exponent >= 0 {
        x * POW10[exponent as usize]
    } else {
        x / POW10[(-exponent) as usize]
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An [`Error::InvalidValue`] for `part` of `field`.
pub fn invalid(field: Field, part: &str, reason: String) -> Error {
    Error::InvalidValue {
        field,
        part: part.to_string(),
        reason,
    }
}

/// The largest amount of money read: 10^18 currency units (in millionths).
pub const MAX_AMOUNT: u128 = 1_000_000_000_000_000_000_000_000;

/// An amount of money in millionths of the currency unit: digits with a point before any decimals,
/// nothing else. A comma, a space or an apostrophe is refused rather than guessed: `"12,000"` may be
/// twelve thousand or twelve, depending on who wrote it.
pub fn amount(text: &str) -> Result<u128, String> {
    let t = text.trim();
    if t.contains([',', ' ', '\'', '’', '\u{a0}', '\u{202f}', '_']) {
        return Err(format!(
            "\"{text}\" is not an amount: write it with digits and a point before any decimals, \
             without thousands separators, such as 12000 or 12000.50"
        ));
    }
    decimal(t, 6, Some(MAX_AMOUNT))
}

/// Reads `text` as units of `10^-scale`, with a reason a person understands when it cannot be.
pub fn decimal(text: &str, scale: u32, max: Option<u128>) -> Result<u128, String> {
    use crate::decimal::{expand_exponent, parse_scaled, DecimalError};
    let expanded = expand_exponent(text.trim());
    let t = expanded
        .as_deref()
        .unwrap_or(text)
        .trim()
        .trim_end_matches('%')
        .trim();
    let units = parse_scaled(t, scale).map_err(|e| match e {
        DecimalError::Empty => "is empty".to_string(),
        DecimalError::Negative => format!("\"{text}\" must not be negative"),
        DecimalError::TooManyDecimals => {
            format!("\"{text}\" has more than {scale} decimal places")
        }
        DecimalError::Overflow => format!("\"{text}\" is too large"),
        DecimalError::Exponent | DecimalError::Invalid => {
            format!("\"{text}\" is not a number")
        }
    })?;
    match max {
        Some(max) if units > max => Err(format!(
            "\"{text}\" is more than {}",
            crate::decimal::format_scaled(max, scale)
        )),
        _ => Ok(units),
    }
}

/// Reads JSON text byte by byte, counting depth and items.
struct JsonReader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    items: usize,
}

impl JsonReader<'_> {
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn unexpected(&self) -> String {
        match self.bytes.get(self.at) {
            None => "it is not JSON: it ends too early".to_string(),
            Some(_) => {
                let mut at = self.at;
                while !self.text.is_char_boundary(at) {
                    at -= 1;
                }
                let near: String = self.text[at..].chars().take(12).collect();
                format!(
                    "it is not JSON: unexpected \"{near}\" at character {}",
                    self.at + 1
                )
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        self.space();
        match self.bytes.get(self.at) {
            Some(b'{') | Some(b'[') => {
                if depth >= MAX_DEPTH {
                    return Err(format!("it is nested more than {MAX_DEPTH} levels deep"));
                }
                let object = self.bytes[self.at] == b'{';
                self.at += 1;
                let close = if object { b'}' } else { b']' };
                let mut list = Vec::new();
                let mut map = Vec::new();
                self.space();
                if self.bytes.get(self.at) == Some(&close) {
                    self.at += 1;
                } else {
                    loop {
                        if self.items >= MAX_ITEMS {
                            return Err(format!("it holds more than {MAX_ITEMS} items"));
                        }
                        self.items += 1;
                        if object {
                            self.space();
                            if self.bytes.get(self.at) != Some(&b'"') {
                                return Err(self.unexpected());
                            }
                            let key = self.string()?;
                            self.space();
                            if self.bytes.get(self.at) != Some(&b':') {
                                return Err(self.unexpected());
                            }
                            self.at += 1;
                            map.push((key, self.value(depth + 1)?));
                        } else {
                            list.push(self.value(depth + 1)?);
                        }
                        self.space();
                        match self.bytes.get(self.at) {
                            Some(b',') => self.at += 1,
                            Some(&b) if b == close => {
                                self.at += 1;
                                break;
                            }
                            _ => return Err(self.unexpected()),
                        }
                    }
                }
                Ok(if object {
                    Value::Map(map)
                } else {
                    Value::List(list)
                })
            }
            Some(b'"') => self.string().map(Value::Text),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.unexpected())
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while r.bytes.get(r.at).is_some_and(u8::is_ascii_digit) {
                r.at += 1;
            }
            r.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        // One zero, or digits that do not start with a zero.
        let mut ok = if self.bytes.get(self.at) == Some(&b'0') {
            self.at += 1;
            true
        } else {
            digits(self)
        };
        if ok && self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            ok = digits(self);
        }
        if ok && matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            ok = digits(self);
        }
        if !ok {
            return Err(self.unexpected());
        }
        // Only ASCII digits, signs, points and exponents were read.
        let text = self.text[start..self.at].to_string();
        Ok(Value::Number(
            crate::decimal::expand_exponent(&text).unwrap_or(text),
        ))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err(self.unexpected());
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.at) else {
                        return Err(self.unexpected());
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let unit = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&unit)
                                && self.bytes[self.at..].starts_with(b"\\u")
                            {
                                self.at += 2;
                                let low = self.hex4()?;
                                if (0xdc00..0xe000).contains(&low) {
                                    0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                                } else {
                                    0xfffd
                                }
                            } else {
                                unit
                            };
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        _ => {
                            self.at -= 1;
                            return Err(self.unexpected());
                        }
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => {
                    self.at -= 1;
                    return Err(self.unexpected());
                }
                _ => out.push(b),
            }
        }
        // The input was a &str and escapes were written as UTF-8: the bytes are UTF-8.
        Ok(String::from_utf8(out).unwrap_or_default())
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.at)
                .and_then(|b| (*b as char).to_digit(16))
                .ok_or_else(|| self.unexpected())?;
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }
}
