//! Availability targets: percentages with up to six decimal places, held exactly as millionths of a percent.

use std::fmt;

use crate::decimal::{format_scaled, parse_scaled, DecimalError};
use crate::error::{Error, Field};

/// Millionths of a percent in 100%.
const FULL: u32 = 100_000_000;

/// An availability target: a percentage `p` with 0 < p <= 100 and at most six decimal places, held exactly.
///
/// # Example: reading a target
/// ```
/// use slacalc::Target;
/// let t = Target::parse("99.95")?;
/// assert_eq!(t.to_string(), "99.95");
/// assert_eq!(Target::parse("99.9%")?, Target::parse(" 99,9 ")?);
/// assert_eq!(Target::from_f64(99.9)?, Target::parse("99.9")?);
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    /// The percentage in millionths of a percent: 99.9% is 99 900 000.
    micros: u32,
}

impl Target {
    /// The most decimal places a target may have.
    pub const MAX_DECIMALS: u32 = 6;

    /// Reads a percentage such as `"99.9"`, `"99.9%"` or `"99,95"` (a comma is read as a decimal point).
    ///
    /// # Errors
    /// [`Error::Empty`], [`Error::InvalidNumber`] (letters, exponents such as `1e309`),
    /// [`Error::TooManyDecimals`] beyond six places, [`Error::TargetOutOfRange`] unless 0 < target <= 100.
    pub fn parse(text: &str) -> Result<Target, Error> {
        let field = Field::Target;
        let value = || text.to_string();
        let trimmed = text.trim();
        let number = trimmed.strip_suffix('%').unwrap_or(trimmed);
        let micros = parse_scaled(number, Target::MAX_DECIMALS).map_err(|e| match e {
            DecimalError::Empty => Error::Empty { field },
            DecimalError::Negative => Error::TargetOutOfRange { value: value() },
            DecimalError::Overflow => Error::TargetOutOfRange { value: value() },
            DecimalError::Exponent => Error::InvalidNumber {
                field,
                value: value(),
                hint: "write the percentage out in full, such as 99.95",
            },
            DecimalError::Invalid => Error::InvalidNumber {
                field,
                value: value(),
                hint: "enter a percentage such as 99.9",
            },
            DecimalError::TooManyDecimals => Error::TooManyDecimals {
                field,
                value: value(),
                max: Target::MAX_DECIMALS,
            },
        })?;
        match u32::try_from(micros) {
            Ok(micros) if micros > 0 && micros <= FULL => Ok(Target { micros }),
            _ => Err(Error::TargetOutOfRange { value: value() }),
        }
    }

    /// Reads a percentage given as a number. The number is read through its shortest decimal form, so
    /// `99.9` is exactly 99.9%, not the binary fraction nearest to it.
    ///
    /// # Errors
    /// As [`Target::parse`]; NaN and infinities are [`Error::InvalidNumber`].
    pub fn from_f64(value: f64) -> Result<Target, Error> {
        if !value.is_finite() {
            return Err(Error::InvalidNumber {
                field: Field::Target,
                value: value.to_string(),
                hint: "enter a finite percentage such as 99.9",
            });
        }
        if !(0.0..=100.0).contains(&value) || value == 0.0 {
            return Err(Error::TargetOutOfRange {
                value: value.to_string(),
            });
        }
        Target::parse(&value.to_string())
    }

    /// The target in millionths of a percent (99.9% is 99 900 000).
    pub const fn micros(self) -> u32 {
        self.micros
    }

    /// The share of the period that may be lost, in hundred-millionths (99.9% gives 100 000, i.e. 0.1%).
    pub const fn unavailability_parts(self) -> u32 {
        FULL - self.micros
    }

    /// The hundred-millionths in a whole, the denominator of [`Target::unavailability_parts`].
    pub const PARTS: u32 = FULL;

    /// The percentage of time that may be lost (`"0.1"` for a 99.9% target).
    pub fn unavailability_percent(self) -> String {
        format_scaled(
            u128::from(self.unavailability_parts()),
            Target::MAX_DECIMALS,
        )
    }
}

/// The percentage without a `%` sign and without trailing zeros: `99.9`, `100`.
impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_scaled(
            u128::from(self.micros),
            Target::MAX_DECIMALS,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn code(text: &str) -> &'static str {
        Target::parse(text).unwrap_err().code()
    }

    #[test]
    fn reads_targets() {
        assert_eq!(Target::parse("99.9").unwrap().micros(), 99_900_000);
        assert_eq!(Target::parse("100").unwrap().micros(), 100_000_000);
        assert_eq!(Target::parse("0.000001").unwrap().micros(), 1);
        assert_eq!(
            Target::parse("99.999999").unwrap().unavailability_parts(),
            1
        );
        assert_eq!(
            Target::parse("99.9").unwrap().unavailability_percent(),
            "0.1"
        );
    }

    #[test]
    fn refuses_bad_targets() {
        assert_eq!(code(""), "empty");
        assert_eq!(code("abc"), "invalid_number");
        assert_eq!(code("-1"), "out_of_range");
        assert_eq!(code("0"), "out_of_range");
        assert_eq!(code("0.0000001"), "too_many_decimals");
        assert_eq!(code("100.5"), "out_of_range");
        assert_eq!(code("100.000001"), "out_of_range");
        assert_eq!(code("99.9999999"), "too_many_decimals");
        assert_eq!(code("1e309"), "invalid_number");
        assert_eq!(code("99%%"), "invalid_number");
        assert_eq!(
            Target::from_f64(f64::NAN).unwrap_err().code(),
            "invalid_number"
        );
        assert_eq!(
            Target::from_f64(f64::INFINITY).unwrap_err().code(),
            "invalid_number"
        );
        assert_eq!(Target::from_f64(-1.0).unwrap_err().code(), "out_of_range");
        assert_eq!(Target::from_f64(0.0).unwrap_err().code(), "out_of_range");
        assert_eq!(
            Target::from_f64(1e-7).unwrap_err().code(),
            "too_many_decimals"
        );
    }

    #[test]
    fn messages_name_the_field_and_value() {
        assert_eq!(
            Target::parse("99.9999999").unwrap_err().to_string(),
            r#"target "99.9999999" has too many decimal places: at most 6 are allowed"#
        );
        assert_eq!(
            Target::parse("abc").unwrap_err().to_string(),
            r#"target "abc" is not a number: enter a percentage such as 99.9"#
        );
    }
}
