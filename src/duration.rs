//! Exact durations: a whole number of nanoseconds, read from ISO 8601 (`PT1H20M`), from the text this crate
//! writes (`1 h 20 min`) or from seconds (`4800`, `0.25`), and written for people (`3 h 21 min 36 s`).

use std::fmt;

use crate::decimal::{format_scaled, parse_scaled, DecimalError};
use crate::error::{Error, Field};

const NANOS_PER_MICRO: u64 = 1_000;
const NANOS_PER_MILLI: u64 = 1_000_000;
const NANOS_PER_SECOND: u64 = 1_000_000_000;
const NANOS_PER_MINUTE: u64 = 60 * NANOS_PER_SECOND;
const NANOS_PER_HOUR: u64 = 60 * NANOS_PER_MINUTE;
const NANOS_PER_DAY: u64 = 24 * NANOS_PER_HOUR;
const NANOS_PER_WEEK: u64 = 7 * NANOS_PER_DAY;

/// An exact, non-negative length of time with nanosecond resolution, up to [`ExactDuration::MAX`].
///
/// Unlike a calendar span ("one month"), an exact duration always means the same number of seconds.
/// Allowed downtimes are exact durations: 99.9% of an average Gregorian month is exactly 2 629.746 s.
///
/// # Example: three ways to write the same downtime
/// ```
/// use slacalc::{ExactDuration, Field};
/// let a = ExactDuration::parse("PT1H20M", Field::Downtime)?;
/// let b = ExactDuration::parse("1 h 20 min", Field::Downtime)?;
/// let c = ExactDuration::parse("4800", Field::Downtime)?;
/// assert_eq!(a, b);
/// assert_eq!(b, c);
/// assert_eq!(a.to_string(), "1 h 20 min");
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExactDuration {
    nanos: u64,
}

impl ExactDuration {
    /// No time at all.
    pub const ZERO: ExactDuration = ExactDuration { nanos: 0 };
    /// One day of 24 hours.
    pub const DAY: ExactDuration = ExactDuration {
        nanos: NANOS_PER_DAY,
    };
    /// One week of 7 days.
    pub const WEEK: ExactDuration = ExactDuration {
        nanos: NANOS_PER_WEEK,
    };
    /// The longest duration accepted anywhere: 100 average Gregorian years (36 524.25 days).
    pub const MAX: ExactDuration = ExactDuration {
        nanos: 3_155_695_200 * NANOS_PER_SECOND,
    };

    /// A duration of `seconds` whole seconds, or `None` beyond [`ExactDuration::MAX`].
    pub const fn from_seconds(seconds: u64) -> Option<ExactDuration> {
        ExactDuration::from_nanos(match seconds.checked_mul(NANOS_PER_SECOND) {
            Some(n) => n,
            None => return None,
        })
    }

    /// A duration of `nanos` nanoseconds, or `None` beyond [`ExactDuration::MAX`].
    pub const fn from_nanos(nanos: u64) -> Option<ExactDuration> {
        if nanos > ExactDuration::MAX.nanos {
            None
        } else {
            Some(ExactDuration { nanos })
        }
    }

    /// The length in nanoseconds.
    pub const fn as_nanos(self) -> u64 {
        self.nanos
    }

    /// Whether the duration is a whole number of seconds.
    pub const fn is_whole_seconds(self) -> bool {
        self.nanos % NANOS_PER_SECOND == 0
    }

    /// Whether this is no time at all.
    pub const fn is_zero(self) -> bool {
        self.nanos == 0
    }

    /// The length in seconds as an exact decimal string without trailing zeros.
    ///
    /// ```
    /// use slacalc::ExactDuration;
    /// assert_eq!(ExactDuration::from_nanos(2_629_746_000_000).unwrap().seconds_decimal(), "2629.746");
    /// assert_eq!(ExactDuration::ZERO.seconds_decimal(), "0");
    /// ```
    pub fn seconds_decimal(self) -> String {
        if self.nanos % NANOS_PER_SECOND == 0 {
            return (self.nanos / NANOS_PER_SECOND).to_string();
        }
        format_scaled(u128::from(self.nanos), 9)
    }

    /// The length in days as a decimal string, rounded down to 9 places: an average Gregorian month is
    /// exactly `"30.436875"`; one hour is `"0.041666666"`.
    pub fn days_decimal(self) -> String {
        let billionths = u128::from(self.nanos) * 1_000_000_000 / u128::from(NANOS_PER_DAY);
        format_scaled(billionths, 9)
    }

    /// `self * numerator / denominator`, rounded down; `None` if the result would exceed [`ExactDuration::MAX`]
    /// or `denominator` is zero.
    pub(crate) fn mul_div(self, numerator: u128, denominator: u128) -> Option<ExactDuration> {
        let product = u128::from(self.nanos).checked_mul(numerator)?;
        let nanos = product.checked_div(denominator)?;
        ExactDuration::from_nanos(u64::try_from(nanos).ok()?)
    }

    /// The duration minus `other`, or `None` if `other` is longer.
    pub fn checked_sub(self, other: ExactDuration) -> Option<ExactDuration> {
        self.nanos
            .checked_sub(other.nanos)
            .map(|nanos| ExactDuration { nanos })
    }

    /// Reads a duration as a person or a program writes it, for the input `field`:
    /// - ISO 8601 durations of weeks, days, hours, minutes and seconds: `P14D`, `P2W`, `PT12H`, `P1DT2H30M`,
    ///   `PT0.5S` (a decimal fraction only on the last component, as ISO 8601 says);
    /// - the text this crate writes: `3 h 21 min 36 s`, `43 min 49.746 s`, `864 ms` (also `1h20m`,
    ///   `2 hours`, `90 minutes`);
    /// - a plain number of seconds: `4800`, `0.25`.
    ///
    /// # Errors
    /// [`Error::Empty`], [`Error::InvalidDuration`] (with the reason: years and months have no fixed length,
    /// a component is out of order, ...), [`Error::TooLong`] beyond [`ExactDuration::MAX`].
    pub fn parse(text: &str, field: Field) -> Result<ExactDuration, Error> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(Error::Empty { field });
        }
        let invalid = |reason: &str| Error::InvalidDuration {
            field,
            value: text.to_string(),
            reason: reason.to_string(),
        };
        let nanos = if trimmed.starts_with(['P', 'p']) {
            parse_iso(trimmed).map_err(|e| match e {
                Problem::Invalid(reason) => invalid(reason),
                Problem::TooLong => Error::TooLong {
                    field,
                    value: text.to_string(),
                },
            })?
        } else if trimmed
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',' || b == b'+' || b == b'-')
        {
            match parse_scaled(trimmed, 9) {
                Ok(n) => n,
                Err(DecimalError::Negative) => {
                    return Err(invalid("a duration cannot be negative"))
                }
                Err(DecimalError::TooManyDecimals) => {
                    return Err(invalid(
                        "seconds are counted to the nanosecond: at most 9 decimal places",
                    ))
                }
                Err(DecimalError::Overflow) => {
                    return Err(Error::TooLong {
                        field,
                        value: text.to_string(),
                    })
                }
                Err(_) => return Err(invalid(HINT)),
            }
        } else {
            parse_human(trimmed).map_err(|e| match e {
                Problem::Invalid(reason) => invalid(reason),
                Problem::TooLong => Error::TooLong {
                    field,
                    value: text.to_string(),
                },
            })?
        };
        u64::try_from(nanos)
            .ok()
            .and_then(ExactDuration::from_nanos)
            .ok_or(Error::TooLong {
                field,
                value: text.to_string(),
            })
    }

    /// A duration of `seconds` given as a JavaScript number, for the input `field`. The number is read through
    /// its shortest decimal form, so `0.1` is exactly 100 ms.
    ///
    /// # Errors
    /// [`Error::InvalidNumber`] for NaN and infinities, [`Error::InvalidDuration`] for negative numbers,
    /// [`Error::TooLong`] beyond [`ExactDuration::MAX`].
    pub fn from_seconds_f64(seconds: f64, field: Field) -> Result<ExactDuration, Error> {
        if !seconds.is_finite() {
            return Err(Error::InvalidNumber {
                field,
                value: seconds.to_string(),
                hint: "give a finite number of seconds",
            });
        }
        if seconds > ExactDuration::MAX.nanos as f64 {
            return Err(Error::TooLong {
                field,
                value: seconds.to_string(),
            });
        }
        ExactDuration::parse(&seconds.to_string(), field)
    }
}

const HINT: &str =
    "write it as an ISO 8601 duration such as PT1H20M, as 1 h 20 min, or as a number of seconds";

enum Problem {
    Invalid(&'static str),
    TooLong,
}

/// Parses an ISO 8601 duration (already trimmed, starting with `P`) into nanoseconds.
fn parse_iso(text: &str) -> Result<u128, Problem> {
    let upper = text.to_ascii_uppercase();
    let body = &upper[1..];
    if body.is_empty() || body == "T" {
        return Err(Problem::Invalid(
            "an ISO 8601 duration needs at least one component, as in P14D or PT12H",
        ));
    }
    let (date_part, time_part) = match body.find('T') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if time_part == Some("") {
        return Err(Problem::Invalid(
            "nothing follows the T: write hours, minutes or seconds after it, as in PT12H",
        ));
    }
    let mut total: u128 = 0;
    let mut seen_fraction = false;
    for (part, units) in [
        (
            date_part,
            &[
                ('Y', 0),
                ('M', 0),
                ('W', NANOS_PER_WEEK),
                ('D', NANOS_PER_DAY),
            ][..],
        ),
        (
            time_part.unwrap_or(""),
            &[
                ('H', NANOS_PER_HOUR),
                ('M', NANOS_PER_MINUTE),
                ('S', NANOS_PER_SECOND),
            ][..],
        ),
    ] {
        let mut rest = part;
        let mut next_unit = 0;
        while !rest.is_empty() {
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .ok_or(Problem::Invalid(
                    "every number needs a unit letter after it, as in P14D",
                ))?;
            let (number, tail) = rest.split_at(end);
            let letter = tail.chars().next().unwrap_or_default();
            let position = units[next_unit..]
                .iter()
                .position(|(u, _)| *u == letter)
                .map(|p| p + next_unit)
                .ok_or(if units.iter().any(|(u, _)| *u == letter) {
                    Problem::Invalid(
                        "components must come once each, in the order W, D, then T, H, M, S",
                    )
                } else {
                    Problem::Invalid(
                        "unknown unit letter: use W, D, H, M or S, with T before the time part",
                    )
                })?;
            let (_, unit) = units[position];
            if unit == 0 {
                return Err(Problem::Invalid(
                    "years and months have no fixed length: use the period year or month (average Gregorian), \
                     or a calendar period such as 2026 or 2026-02",
                ));
            }
            if number.is_empty() {
                return Err(Problem::Invalid(
                    "every unit letter needs a number before it, as in P14D",
                ));
            }
            if seen_fraction {
                return Err(Problem::Invalid(
                    "only the last component may have a decimal fraction",
                ));
            }
            seen_fraction = number.contains(['.', ',']);
            total = total
                .checked_add(scaled_component(number, unit)?)
                .ok_or(Problem::TooLong)?;
            next_unit = position + 1;
            rest = &tail[letter.len_utf8()..];
        }
    }
    Ok(total)
}

/// Parses human text such as `3 h 21 min 36.5 s` or `1h20m` into nanoseconds.
fn parse_human(text: &str) -> Result<u128, Problem> {
    let mut total: u128 = 0;
    let mut rest = text.trim_start();
    if rest.starts_with('-') || rest.starts_with('\u{2212}') {
        return Err(Problem::Invalid("a duration cannot be negative"));
    }
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        if number_end == 0 {
            return Err(Problem::Invalid(HINT));
        }
        let (number, tail) = rest.split_at(number_end);
        let tail = tail.trim_start();
        let unit_end = tail
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(tail.len());
        let (unit_text, tail) = tail.split_at(unit_end);
        let unit = match unit_text.to_ascii_lowercase().as_str() {
            "w" | "wk" | "wks" | "week" | "weeks" => NANOS_PER_WEEK,
            "d" | "day" | "days" => NANOS_PER_DAY,
            "h" | "hr" | "hrs" | "hour" | "hours" => NANOS_PER_HOUR,
            "m" | "min" | "mins" | "minute" | "minutes" => NANOS_PER_MINUTE,
            "s" | "sec" | "secs" | "second" | "seconds" => NANOS_PER_SECOND,
            "ms" | "millisecond" | "milliseconds" => NANOS_PER_MILLI,
            "µs" | "μs" | "us" | "microsecond" | "microseconds" => NANOS_PER_MICRO,
            "ns" | "nanosecond" | "nanoseconds" => 1,
            "" => {
                return Err(Problem::Invalid(
                    "every number needs a unit, as in 1 h 20 min",
                ))
            }
            _ => {
                return Err(Problem::Invalid(
                    "unknown unit: use w, d, h, min, s, ms, µs or ns",
                ))
            }
        };
        total = total
            .checked_add(scaled_component(number, unit)?)
            .ok_or(Problem::TooLong)?;
        rest = tail.trim_start_matches([' ', ',', '\u{a0}', '\u{202f}']);
        rest = rest.strip_prefix("and ").unwrap_or(rest).trim_start();
    }
    Ok(total)
}

/// `number` (a decimal) times `unit` nanoseconds, exactly.
fn scaled_component(number: &str, unit: u64) -> Result<u128, Problem> {
    let scaled = parse_scaled(number, 9).map_err(|e| match e {
        DecimalError::Overflow => Problem::TooLong,
        DecimalError::TooManyDecimals => {
            Problem::Invalid("too many decimal places: at most 9 are allowed")
        }
        _ => Problem::Invalid(HINT),
    })?;
    let product = scaled
        .checked_mul(u128::from(unit))
        .ok_or(Problem::TooLong)?;
    if product % 1_000_000_000 != 0 {
        return Err(Problem::Invalid("that is finer than a nanosecond"));
    }
    Ok(product / 1_000_000_000)
}

impl ExactDuration {
    /// Writes the duration with hours as the largest unit, as service time is usually counted:
    /// `80 h`, `176 h 30 min`; shorter durations as [`Display`](fmt::Display) writes them.
    ///
    /// ```
    /// use slacalc::ExactDuration;
    /// assert_eq!(ExactDuration::from_seconds(80 * 3600).unwrap().to_hours_string(), "80 h");
    /// assert_eq!(ExactDuration::from_seconds(80 * 3600).unwrap().to_string(), "3 d 8 h");
    /// ```
    pub fn to_hours_string(self) -> String {
        if self.nanos < NANOS_PER_DAY {
            return self.to_string();
        }
        let hours = self.nanos / NANOS_PER_HOUR;
        let rest = ExactDuration {
            nanos: self.nanos % NANOS_PER_HOUR,
        };
        if rest.is_zero() {
            format!("{hours} h")
        } else {
            format!("{hours} h {rest}")
        }
    }
}

/// Writes the duration for people: `3 h 21 min 36 s`, `43 min 49.746 s`, `864 ms`, `1 d 2 h`, `0 s`.
/// Every digit is exact: nothing is rounded.
impl fmt::Display for ExactDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.nanos;
        if n == 0 {
            return f.write_str("0 s");
        }
        if n < NANOS_PER_MICRO {
            return write!(f, "{n} ns");
        }
        if n < NANOS_PER_MILLI {
            return write!(f, "{} µs", format_scaled(u128::from(n), 3));
        }
        if n < NANOS_PER_SECOND {
            return write!(f, "{} ms", format_scaled(u128::from(n), 6));
        }
        let days = n / NANOS_PER_DAY;
        let hours = n % NANOS_PER_DAY / NANOS_PER_HOUR;
        let minutes = n % NANOS_PER_HOUR / NANOS_PER_MINUTE;
        let seconds = n % NANOS_PER_MINUTE;
        // Written part by part, without a string for each: results write millions of these.
        let mut gap = "";
        for (value, unit) in [(days, "d"), (hours, "h"), (minutes, "min")] {
            if value > 0 {
                write!(f, "{gap}{value} {unit}")?;
                gap = " ";
            }
        }
        match seconds {
            0 => Ok(()),
            s if s % NANOS_PER_SECOND == 0 => write!(f, "{gap}{} s", s / NANOS_PER_SECOND),
            s => write!(f, "{gap}{} s", format_scaled(u128::from(s), 9)),
        }
    }
}

/// A rounded, plain-words length for sentences: `about 3.4 hours`, `about 44 minutes`, `about 1.4 days`.
pub(crate) fn approximate(duration: ExactDuration) -> String {
    let n = u128::from(duration.nanos);
    let tenths = |unit: u64| (n * 10 + u128::from(unit) / 2) / u128::from(unit);
    let plural = |tenths: u128, one: &str, many: &str| {
        let text = format_scaled(tenths, 1);
        let word = if tenths == 10 { one } else { many };
        format!("about {text} {word}")
    };
    if n >= u128::from(2 * NANOS_PER_DAY) {
        plural(tenths(NANOS_PER_DAY), "day", "days")
    } else if n >= u128::from(NANOS_PER_HOUR) {
        plural(tenths(NANOS_PER_HOUR), "hour", "hours")
    } else if n >= u128::from(NANOS_PER_MINUTE) {
        let minutes = (n + u128::from(NANOS_PER_MINUTE / 2)) / u128::from(NANOS_PER_MINUTE);
        plural(minutes * 10, "minute", "minutes")
    } else if n >= u128::from(NANOS_PER_SECOND) {
        plural(tenths(NANOS_PER_SECOND), "second", "seconds")
    } else {
        format!("less than a second ({duration})")
    }
}

/// An exact signed length of time in nanoseconds: downtime, a period's length, the time left of a
/// budget (negative when overspent), an outage. Its range, about 292 years either way, holds every
/// duration slacalc measures ([`ExactDuration::MAX`] is 100 years); arithmetic that would leave it
/// saturates.
///
/// # Example: a budget overspent
/// ```
/// use slacalc::duration::SignedDuration;
/// let allowed = SignedDuration::from_seconds(2_629) + SignedDuration::from_nanos(746_000_000);
/// let spent = SignedDuration::from_seconds(3_600);
/// assert_eq!((allowed - spent).to_string(), "-16 min 10.254 s");
/// assert_eq!((spent - allowed).whole_seconds(), 970);
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SignedDuration {
    nanos: i64,
}

impl SignedDuration {
    /// No time at all.
    pub const ZERO: SignedDuration = SignedDuration { nanos: 0 };

    /// `nanos` nanoseconds.
    pub const fn from_nanos(nanos: i64) -> SignedDuration {
        SignedDuration { nanos }
    }

    /// `seconds` whole seconds (saturating beyond the range).
    pub const fn from_seconds(seconds: i64) -> SignedDuration {
        SignedDuration {
            nanos: seconds.saturating_mul(NANOS_PER_SECOND as i64),
        }
    }

    /// The length in nanoseconds.
    pub const fn as_nanos(self) -> i64 {
        self.nanos
    }

    /// The whole seconds in it, rounded toward zero.
    pub const fn whole_seconds(self) -> i64 {
        self.nanos / NANOS_PER_SECOND as i64
    }

    /// The larger of this and zero.
    pub fn at_least_zero(self) -> SignedDuration {
        self.max(SignedDuration::ZERO)
    }

    /// `self * numerator / denominator`, exactly, rounded toward zero (a zero denominator gives zero).
    ///
    /// ```
    /// use slacalc::duration::SignedDuration;
    /// // 0.1% of a 30-day month.
    /// let month = SignedDuration::from_seconds(30 * 86_400);
    /// assert_eq!(month.mul_div(1, 1000), SignedDuration::from_seconds(2_592));
    /// ```
    pub fn mul_div(self, numerator: i128, denominator: i128) -> SignedDuration {
        let n = i128::from(self.nanos)
            .saturating_mul(numerator)
            .checked_div(denominator)
            .unwrap_or(0);
        SignedDuration {
            nanos: n.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64,
        }
    }

    /// How many times `unit` fits in it, in millionths, rounded down; or, with `started`, each started
    /// unit counted in full. A unit of zero counts nothing.
    pub fn units_micro(self, unit: SignedDuration, started: bool) -> i128 {
        let (n, u) = (i128::from(self.nanos), i128::from(unit.nanos));
        if u <= 0 {
            return 0;
        }
        if started {
            (n + u - 1).div_euclid(u) * 1_000_000
        } else {
            (n * 1_000_000).div_euclid(u)
        }
    }

    /// The same length without its sign, as an [`ExactDuration`] (`None` beyond its maximum).
    pub fn unsigned_abs(self) -> Option<ExactDuration> {
        ExactDuration::from_nanos(self.nanos.unsigned_abs())
    }
}

impl From<ExactDuration> for SignedDuration {
    fn from(d: ExactDuration) -> SignedDuration {
        // ExactDuration::MAX is far below i64::MAX nanoseconds.
        SignedDuration {
            nanos: d.as_nanos() as i64,
        }
    }
}

impl std::ops::Add for SignedDuration {
    type Output = SignedDuration;
    fn add(self, other: SignedDuration) -> SignedDuration {
        SignedDuration {
            nanos: self.nanos.saturating_add(other.nanos),
        }
    }
}

impl std::ops::Sub for SignedDuration {
    type Output = SignedDuration;
    fn sub(self, other: SignedDuration) -> SignedDuration {
        SignedDuration {
            nanos: self.nanos.saturating_sub(other.nanos),
        }
    }
}

impl std::ops::AddAssign for SignedDuration {
    fn add_assign(&mut self, other: SignedDuration) {
        *self = *self + other;
    }
}

impl std::ops::Neg for SignedDuration {
    type Output = SignedDuration;
    fn neg(self) -> SignedDuration {
        SignedDuration {
            nanos: self.nanos.saturating_neg(),
        }
    }
}

impl std::iter::Sum for SignedDuration {
    fn sum<I: Iterator<Item = SignedDuration>>(iter: I) -> SignedDuration {
        iter.fold(SignedDuration::ZERO, |a, b| a + b)
    }
}

/// Written as [`ExactDuration`] writes it, with a minus sign when negative: `-16 min 10.254 s`.
impl fmt::Display for SignedDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.nanos < 0 { "-" } else { "" };
        match self.unsigned_abs() {
            Some(d) => write!(f, "{sign}{d}"),
            None => write!(f, "{sign}more than 100 years"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn secs(text: &str) -> String {
        ExactDuration::parse(text, Field::Downtime)
            .unwrap()
            .seconds_decimal()
    }

    #[track_caller]
    fn reason(text: &str) -> String {
        ExactDuration::parse(text, Field::Downtime)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn reads_iso_8601() {
        assert_eq!(secs("P14D"), "1209600");
        assert_eq!(secs("P2W"), "1209600");
        assert_eq!(secs("PT12H"), "43200");
        assert_eq!(secs("PT1H20M"), "4800");
        assert_eq!(secs("P1DT2H30M15S"), "95415");
        assert_eq!(secs("pt0.5s"), "0.5");
        assert_eq!(secs("PT1,5H"), "5400");
        assert_eq!(secs("P1W2D"), "777600");
    }

    #[test]
    fn reads_human_text_and_seconds() {
        assert_eq!(secs("3 h 21 min 36 s"), "12096");
        assert_eq!(secs("43 min 49.746 s"), "2629.746");
        assert_eq!(secs("864 ms"), "0.864");
        assert_eq!(secs("1h20m"), "4800");
        assert_eq!(secs("2 hours and 5 minutes"), "7500");
        assert_eq!(secs("4800"), "4800");
        assert_eq!(secs("0.25"), "0.25");
        assert_eq!(secs("1.5 µs"), "0.0000015");
    }

    #[test]
    fn refuses_bad_durations() {
        assert!(reason("P1000000Y").contains("years and months have no fixed length"));
        assert!(reason("P1M").contains("years and months"));
        assert!(reason("P").contains("at least one component"));
        assert!(reason("PT").contains("at least one component"));
        assert!(reason("P1DT").contains("nothing follows the T"));
        assert!(reason("PT5M1H").contains("in the order"));
        assert!(reason("P5").contains("unit letter"));
        assert!(reason("P1.5DT2H").contains("only the last component"));
        assert!(reason("PXD").contains("unknown unit letter"));
        assert!(reason("-5").contains("cannot be negative"));
        assert!(reason("-5 min").contains("cannot be negative"));
        assert!(reason("5 fortnights").contains("unknown unit"));
        assert!(reason("abc").contains("not a duration"));
        assert!(reason("1.5 ns").contains("finer than a nanosecond"));
        assert!(reason("0.0000000001").contains("at most 9 decimal places"));
        assert_eq!(
            ExactDuration::parse("P999999999999999999999999D", Field::Period)
                .unwrap_err()
                .code(),
            "too_long"
        );
        assert_eq!(
            ExactDuration::parse("P36525D", Field::Period)
                .unwrap_err()
                .code(),
            "too_long"
        );
        assert_eq!(
            ExactDuration::parse(" ", Field::Period).unwrap_err().code(),
            "empty"
        );
        assert_eq!(
            ExactDuration::from_seconds_f64(f64::NAN, Field::Downtime)
                .unwrap_err()
                .code(),
            "invalid_number"
        );
        assert_eq!(
            ExactDuration::from_seconds_f64(1e300, Field::Downtime)
                .unwrap_err()
                .code(),
            "too_long"
        );
        assert_eq!(
            ExactDuration::from_seconds_f64(0.1, Field::Downtime)
                .unwrap()
                .as_nanos(),
            100_000_000
        );
    }

    #[test]
    fn writes_for_people() {
        let d = |s: &str| {
            ExactDuration::parse(s, Field::Downtime)
                .unwrap()
                .to_string()
        };
        assert_eq!(d("12096"), "3 h 21 min 36 s");
        assert_eq!(d("2629.746"), "43 min 49.746 s");
        assert_eq!(d("0.864"), "864 ms");
        assert_eq!(d("0.0864"), "86.4 ms");
        assert_eq!(d("0.000864"), "864 µs");
        assert_eq!(d("0.000000005"), "5 ns");
        assert_eq!(d("90000"), "1 d 1 h");
        assert_eq!(d("0"), "0 s");
        assert_eq!(d("60"), "1 min");
    }

    #[test]
    fn approximates_for_sentences() {
        let a = |s: &str| approximate(ExactDuration::parse(s, Field::Downtime).unwrap());
        assert_eq!(a("12096"), "about 3.4 hours");
        assert_eq!(a("2629.746"), "about 44 minutes");
        assert_eq!(a("3600"), "about 1 hour");
        assert_eq!(a("86.4"), "about 1 minute");
        assert_eq!(a("8.64"), "about 8.6 seconds");
        assert_eq!(a("315569.52"), "about 3.7 days");
        assert_eq!(a("0.864"), "less than a second (864 ms)");
    }

    #[test]
    fn days_as_decimals() {
        assert_eq!(
            ExactDuration::from_seconds(2_629_746)
                .unwrap()
                .days_decimal(),
            "30.436875"
        );
        assert_eq!(
            ExactDuration::from_seconds(31_556_952)
                .unwrap()
                .days_decimal(),
            "365.2425"
        );
        assert_eq!(
            ExactDuration::from_seconds(3600).unwrap().days_decimal(),
            "0.041666666"
        );
    }
}
