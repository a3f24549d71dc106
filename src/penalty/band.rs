//! Bands of attainment (`"< 99.99 and >= 99.0"`): reading them, comparing an exact availability with
//! their bounds, and saying them in words.

use super::*;

/// An attainment as an exact fraction of the whole: `up / total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Availability {
    pub(super) up: i128,
    pub(super) total: i128,
}

impl Availability {
    /// An attainment typed as a percentage, in millionths of a percent.
    pub fn from_micros(micros: u32) -> Availability {
        Availability {
            up: i128::from(micros),
            total: HUNDRED as i128,
        }
    }

    /// The exact share `up` of `total` (`total` of 0 counts as 1): 19 of 20 tickets met is 95%.
    ///
    /// ```
    /// use slacalc::penalty::Availability;
    /// assert_eq!(Availability::of(19, 20).percent(6), "95");
    /// assert_eq!(Availability::of(2, 3).percent(6), "66.666666");
    /// ```
    pub fn of(up: u64, total: u64) -> Availability {
        Availability {
            up: i128::from(up.min(total)),
            total: i128::from(total.max(1)),
        }
    }

    /// The attainment of a period of `length` with `down` of downtime.
    pub fn from_downtime(down: SignedDuration, length: SignedDuration) -> Availability {
        let (down, length) = (i128::from(down.as_nanos()), i128::from(length.as_nanos()));
        Availability {
            up: (length - down.clamp(0, length.max(0))),
            total: length.max(1),
        }
    }

    /// In millionths of a percent, rounded down.
    pub fn micros(self) -> i128 {
        self.up * HUNDRED as i128 / self.total
    }

    /// Whether it is below `micros` millionths of a percent, exactly.
    pub(super) fn below(self, micros: u32) -> bool {
        self.up * (HUNDRED as i128) < i128::from(micros) * self.total
    }

    /// Whether it is at or above `micros`.
    pub(super) fn at_least(self, micros: u32) -> bool {
        !self.below(micros)
    }

    /// Whether it is exactly `micros`.
    pub(super) fn equals(self, micros: u32) -> bool {
        self.up * HUNDRED as i128 == i128::from(micros) * self.total
    }

    /// In percent, rounded down to `decimals` places, trailing zeros dropped: `"99.82"`.
    pub fn percent(self, decimals: u32) -> String {
        let scaled = self.up * 100 * 10i128.pow(decimals) / self.total;
        format_scaled(scaled.max(0) as u128, decimals)
    }

    /// The share lost of a period of `length` (rounded down to the nanosecond).
    pub(super) fn downtime_of(self, length: SignedDuration) -> SignedDuration {
        length.mul_div(self.total - self.up, self.total)
    }
}

/// One bound of a band: a percentage in millionths, and whether it belongs to the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Bound {
    pub(super) micros: u32,
    pub(super) inclusive: bool,
}

/// A band of attainment such as `< 99.99 and >= 99.0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub(super) lower: Option<Bound>,
    pub(super) upper: Option<Bound>,
}

pub(super) fn pct(micros: u32) -> String {
    format!("{}%", format_scaled(u128::from(micros), 6))
}

impl Band {
    /// Reads `"< 99.99 and >= 99.0"`, `"<= 99.9 and > 99.0"`, `"< 95"`, `">= 99.99"`.
    pub(super) fn parse(text: &str) -> Result<Band, String> {
        let mut band = Band {
            lower: None,
            upper: None,
        };
        let lowered = text.to_ascii_lowercase();
        let parts: Vec<&str> = lowered
            .split(['&', ','])
            .flat_map(|p| p.split(" and "))
            .collect();
        for part in parts {
            let p = part.trim();
            if p.is_empty() {
                continue;
            }
            let (op, rest) = ["<=", ">=", "≤", "≥", "<", ">"]
                .iter()
                .find_map(|op| p.strip_prefix(op).map(|r| (*op, r)))
                .ok_or_else(|| {
                    format!("\"{text}\" must be bounds such as \"< 99.99 and >= 99.0\"")
                })?;
            let micros = crate::value::decimal(rest, 6, Some(HUNDRED))
                .map_err(|r| format!("the bound {r}"))? as u32;
            let (is_upper, inclusive) = match op {
                "<" => (true, false),
                "<=" | "≤" => (true, true),
                ">" => (false, false),
                _ => (false, true),
            };
            let slot = if is_upper {
                &mut band.upper
            } else {
                &mut band.lower
            };
            if slot.is_some() {
                return Err(format!(
                    "\"{text}\" has two {} bounds",
                    if is_upper { "upper" } else { "lower" }
                ));
            }
            *slot = Some(Bound { micros, inclusive });
        }
        if band.lower.is_none() && band.upper.is_none() {
            return Err(format!(
                "\"{text}\" must be bounds such as \"< 99.99 and >= 99.0\""
            ));
        }
        if band.start() >= band.end() {
            return Err(format!("\"{text}\" holds no attainment at all"));
        }
        Ok(band)
    }

    pub(super) fn contains(&self, a: Availability) -> bool {
        let lower_ok = self.lower.is_none_or(|b| {
            if b.inclusive {
                a.at_least(b.micros)
            } else {
                a.at_least(b.micros) && !a.equals(b.micros)
            }
        });
        let upper_ok = self.upper.is_none_or(|b| {
            if b.inclusive {
                a.below(b.micros) || a.equals(b.micros)
            } else {
                a.below(b.micros)
            }
        });
        lower_ok && upper_ok
    }

    /// The band as half-open `[start, end)` on doubled millionths, so that "exactly 99.0" is `[2x, 2x+1)`.
    pub(super) fn start(&self) -> u64 {
        self.lower
            .map_or(0, |b| 2 * u64::from(b.micros) + u64::from(!b.inclusive))
    }

    pub(super) fn end(&self) -> u64 {
        self.upper.map_or(2 * HUNDRED as u64 + 1, |b| {
            2 * u64::from(b.micros) + u64::from(b.inclusive)
        })
    }

    /// `"below 99.99% and at or above 99.0%"`.
    pub fn words(&self) -> String {
        let upper = self.upper.map(|b| {
            format!(
                "{} {}",
                if b.inclusive { "at or below" } else { "below" },
                pct(b.micros)
            )
        });
        let lower = self.lower.map(|b| {
            format!(
                "{} {}",
                if b.inclusive { "at or above" } else { "above" },
                pct(b.micros)
            )
        });
        match (upper, lower) {
            (Some(u), Some(l)) => format!("{u} and {l}"),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => "any attainment".to_string(),
        }
    }
}

/// A doubled-millionths point as words, for gaps: `"99%"` exactly or just above it.
pub(super) fn point_words(p: u64, opening: bool) -> String {
    let micros = (p / 2) as u32;
    match (p % 2 == 0, opening) {
        (true, true) => format!("from {} (inclusive)", pct(micros)),
        (false, true) => format!("from just above {}", pct(micros)),
        (true, false) => format!("to just below {}", pct(micros)),
        (false, false) => format!("to {} (inclusive)", pct(micros)),
    }
}
