//! Reading plain decimal numbers exactly, as scaled integers, with no floating point on the way.

/// Why a decimal string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Nothing but spaces.
    Empty,
    /// A minus sign.
    Negative,
    /// An exponent (`1e3`).
    Exponent,
    /// Not a decimal number.
    Invalid,
    /// More decimal places than the scale holds, not all zeros.
    TooManyDecimals,
    /// Too large for the integer it is read into.
    Overflow,
}

/// Reads `text` (digits with an optional `.` or `,` decimal separator, an optional leading `+`) as an
/// integer count of `10^-scale` units: `parse_scaled("99.9", 6) == Ok(99_900_000)`.
///
/// Extra decimal places are accepted only when they are zeros, so `"99.9000000"` reads as `99.9`.
pub fn parse_scaled(text: &str, scale: u32) -> Result<u128, DecimalError> {
    let text = text.trim();
    let text = text.strip_prefix('+').unwrap_or(text);
    if text.is_empty() {
        return Err(DecimalError::Empty);
    }
    if text.starts_with('-') || text.starts_with('\u{2212}') {
        return Err(DecimalError::Negative);
    }
    let (int_part, frac_part) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int_part)
        || !all_digits(frac_part)
        || (int_part.is_empty() && frac_part.is_empty())
    {
        if text.bytes().any(|b| b == b'e' || b == b'E') && text.bytes().any(|b| b.is_ascii_digit())
        {
            return Err(DecimalError::Exponent);
        }
        return Err(DecimalError::Invalid);
    }
    let mut value: u128 = 0;
    for b in int_part.bytes() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u128::from(b - b'0')))
            .ok_or(DecimalError::Overflow)?;
    }
    let frac = frac_part.trim_end_matches('0');
    if frac.len() > scale as usize {
        return Err(DecimalError::TooManyDecimals);
    }
    let mut fraction: u128 = 0;
    for i in 0..scale as usize {
        let digit = frac.as_bytes().get(i).map_or(0, |b| b - b'0');
        fraction = fraction * 10 + u128::from(digit);
    }
    value
        .checked_mul(10u128.pow(scale))
        .and_then(|v| v.checked_add(fraction))
        .ok_or(DecimalError::Overflow)
}

/// A whole number with its digits in groups of three, as the messages write them: `1234567` as
/// `1 234 567`.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 4 / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Writes `units` (a count of `10^-scale`) as a decimal string without trailing zeros: `(2629746, 3)` ->
/// `"2629.746"`, `(86400, 3)` -> `"86.4"`, `(0, 3)` -> `"0"`.
pub fn format_scaled(units: u128, scale: u32) -> String {
    let divisor = 10u128.pow(scale);
    let int = units / divisor;
    let frac = units % divisor;
    if frac == 0 {
        return int.to_string();
    }
    let digits = format!("{frac:0width$}", width = scale as usize);
    format!("{int}.{}", digits.trim_end_matches('0'))
}

/// Like [`format_scaled`] but always with exactly `decimals` places: `(99861111, 6, 6)` -> `"99.861111"`.
pub fn format_fixed(units: u128, scale: u32, decimals: u32) -> String {
    debug_assert!(decimals <= scale);
    let units = units / 10u128.pow(scale - decimals);
    let divisor = 10u128.pow(decimals);
    if decimals == 0 {
        return units.to_string();
    }
    format!(
        "{}.{:0width$}",
        units / divisor,
        units % divisor,
        width = decimals as usize
    )
}

/// Writes a number given in exponent form, as JavaScript writes very small and very large numbers
/// (`"1.5e-7"`, `"1e+21"`), out in full (`"0.00000015"`, `"1000000000000000000000"`). Text without an
/// exponent comes back as it is; `None` for malformed text or absurd exponents.
pub fn expand_exponent(text: &str) -> Option<String> {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return Some(text.to_string());
    };
    let exponent: i32 = exponent.parse().ok().filter(|e: &i32| e.abs() <= 400)?;
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let point = int.len() as i32 + exponent;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    Some(format!("{sign}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_in_threes() {
        let g = |n| group_digits(n);
        assert_eq!(
            [g(0), g(999), g(1000), g(36_525), g(1_000_000), g(u64::MAX)],
            [
                "0",
                "999",
                "1 000",
                "36 525",
                "1 000 000",
                "18 446 744 073 709 551 615"
            ]
        );
    }

    #[test]
    fn reads_decimals_exactly() {
        assert_eq!(parse_scaled("99.9", 6), Ok(99_900_000));
        assert_eq!(parse_scaled(" 99,95 ", 6), Ok(99_950_000));
        assert_eq!(parse_scaled("+100", 6), Ok(100_000_000));
        assert_eq!(parse_scaled(".5", 2), Ok(50));
        assert_eq!(parse_scaled("5.", 2), Ok(500));
        assert_eq!(parse_scaled("99.9999990", 6), Ok(99_999_999));
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        assert_eq!(parse_scaled("", 6), Err(DecimalError::Empty));
        assert_eq!(parse_scaled("  ", 6), Err(DecimalError::Empty));
        assert_eq!(parse_scaled("-1", 6), Err(DecimalError::Negative));
        assert_eq!(parse_scaled("1e309", 6), Err(DecimalError::Exponent));
        assert_eq!(parse_scaled("abc", 6), Err(DecimalError::Invalid));
        assert_eq!(parse_scaled(".", 6), Err(DecimalError::Invalid));
        assert_eq!(parse_scaled("1.2.3", 6), Err(DecimalError::Invalid));
        assert_eq!(
            parse_scaled("99.9999999", 6),
            Err(DecimalError::TooManyDecimals)
        );
        assert_eq!(
            parse_scaled(&"9".repeat(60), 6),
            Err(DecimalError::Overflow)
        );
    }

    #[test]
    fn expands_exponents() {
        assert_eq!(expand_exponent("1.5e-7").as_deref(), Some("0.00000015"));
        assert_eq!(expand_exponent("1e-7").as_deref(), Some("0.0000001"));
        assert_eq!(
            expand_exponent("1e+21").as_deref(),
            Some("1000000000000000000000")
        );
        assert_eq!(expand_exponent("-2.5e+1").as_deref(), Some("-25"));
        assert_eq!(expand_exponent("1.25e1").as_deref(), Some("12.5"));
        assert_eq!(expand_exponent("99.9").as_deref(), Some("99.9"));
        assert_eq!(expand_exponent("1e999"), None);
        assert_eq!(expand_exponent("e5"), None);
        assert_eq!(
            parse_scaled(&expand_exponent("1.5e-7").unwrap(), 9),
            Ok(150)
        );
    }

    #[test]
    fn writes_decimals() {
        assert_eq!(format_scaled(2_629_746, 3), "2629.746");
        assert_eq!(format_scaled(86_400, 3), "86.4");
        assert_eq!(format_scaled(0, 3), "0");
        assert_eq!(format_scaled(5, 3), "0.005");
        assert_eq!(format_fixed(99_861_111_111, 9, 6), "99.861111");
        assert_eq!(format_fixed(100_000_000, 6, 6), "100.000000");
    }
}
