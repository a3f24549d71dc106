//! A plain JSON-like value, read from JavaScript objects or JSON text, so that inputs with many parts
//! (credit schedules, outage models) are checked part by part with errors that name the part.
//!
//! Numbers are kept as the shortest decimal text that reads back as them (`99.9`, not the binary fraction
//! nearest to it), so that every figure derived from them is exact.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

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

/// A finite `f64` as the shortest decimal text that reads back as it, without an exponent.
pub(crate) fn f64_text(x: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // JavaScript's own shortest text, without pulling Rust's float formatting into the module.
        let text: String = js_sys::Number::from(x)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        crate::decimal::expand_exponent(&text).unwrap_or(text)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // Rust's Display of f64 is the shortest text that round-trips, and never uses an exponent.
        format!("{x}")
    }
}

/// The deepest nesting of arrays and objects read: no credit schedule, model or quote needs more than a
/// few levels, and a value nested thousands deep would exhaust the stack while it is read.
pub const MAX_DEPTH: usize = 64;
/// The most arrays' items and objects' entries one value may hold in all.
pub const MAX_ITEMS: usize = 1_000_000;

thread_local! {
    /// How deep the value being read is nested here, and how many items it has had so far.
    static READING: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// Counts one level deeper while an array or object is read; refuses what is too deep or too large.
struct Level;

impl Level {
    fn enter<E: de::Error>() -> Result<Level, E> {
        READING.with(|r| {
            let (depth, items) = r.get();
            // A new value starts its count of items afresh.
            let items = if depth == 0 { 0 } else { items };
            if depth >= MAX_DEPTH {
                return Err(E::custom(format!(
                    "it is nested more than {MAX_DEPTH} levels deep"
                )));
            }
            r.set((depth + 1, items));
            Ok(Level)
        })
    }

    fn item<E: de::Error>() -> Result<(), E> {
        READING.with(|r| {
            let (depth, items) = r.get();
            if items >= MAX_ITEMS {
                return Err(E::custom(format!("it holds more than {MAX_ITEMS} items")));
            }
            r.set((depth, items + 1));
            Ok(())
        })
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        READING.with(|r| {
            let (depth, items) = r.get();
            r.set((depth.saturating_sub(1), items));
        });
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
                Value::deserialize(d)
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Bool(b))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Number(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
                Ok(Value::Number(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
                if n.is_finite() {
                    Ok(Value::Number(f64_text(n)))
                } else {
                    Ok(Value::Text(
                        if n.is_nan() { "NaN" } else { "Infinity" }.to_string(),
                    ))
                }
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
                Ok(Value::Text(s.to_string()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
                Ok(Value::Text(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let _level = Level::enter()?;
                let mut items = Vec::new();
                while let Some(v) = seq.next_element()? {
                    Level::item()?;
                    items.push(v);
                }
                Ok(Value::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let _level = Level::enter()?;
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    Level::item()?;
                    entries.push((k, v));
                }
                Ok(Value::Map(entries))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Value {
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

pub(crate) fn invalid(field: Field, part: &str, reason: String) -> Error {
    Error::InvalidValue {
        field,
        part: part.to_string(),
        reason,
    }
}

/// Reads `text` as units of `10^-scale`, with a reason a person understands when it cannot be.
/// The largest amount of money read: 10^18 currency units (in millionths).
pub(crate) const MAX_AMOUNT: u128 = 1_000_000_000_000_000_000_000_000;

/// An amount of money in millionths of the currency unit: digits with a point before any decimals,
/// nothing else. A comma, a space or an apostrophe is refused rather than guessed: `"12,000"` may be
/// twelve thousand or twelve, depending on who wrote it.
pub(crate) fn amount(text: &str) -> Result<u128, String> {
    let t = text.trim();
    if t.contains([',', ' ', '\'', '’', '\u{a0}', '\u{202f}', '_']) {
        return Err(format!(
            "\"{text}\" is not an amount: write it with digits and a point before any decimals, \
             without thousands separators, such as 12000 or 12000.50"
        ));
    }
    decimal(t, 6, Some(MAX_AMOUNT))
}

pub(crate) fn decimal(text: &str, scale: u32, max: Option<u128>) -> Result<u128, String> {
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
