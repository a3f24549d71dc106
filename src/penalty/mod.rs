//! Penalties and service credits: what a credit schedule owes for each period's attainment, with a
//! line-by-line explanation a finance person can follow.
//!
//! # Schedules
//! A schedule is a plain object (see [`CreditSchedule::from_value`]). It has a commitment (`target`), a
//! measurement period, and one way of computing the credit:
//! - `tiers`: bands of attainment, each with its bounds' inclusiveness written out
//!   (`"< 99.99 and >= 99.0"`), giving a percentage of the period's charges or days of service;
//! - `flat`: a percentage of the charges when the period misses the target;
//! - `perUnit`: a percentage of the charges per hour (or minute) of downtime beyond the allowance, or
//!   beyond a grace per outage ("after the first 2 consecutive hours");
//! - `feeMultiplier`: a multiple of the fees paid for the time the service was down;
//! - `atRisk`: a pool of a percentage of the charges, shared by several service levels: each missed level
//!   costs its category's allocation x its own allocation x the pool, and a period never costs more than
//!   the pool.
//!
//! Then, in this order: a cap per period (`capPercent`, default 100% of the charges), a minimum credit
//! (`minimumCredit`: a smaller credit is not paid), earn-back (`earnBack`: a credit is cancelled when the
//! next periods all meet a higher target), and a cap per 12 months (`cap12MonthsPercent` of the charges of
//! any 12 months). A `bonus` for over-performance is reported apart, capped per period.
//!
//! # Rounding
//! Attainment is compared with every bound exactly. Amounts are computed to a millionth of the currency
//! unit (rounded down at each step), and each period's credit is then rounded half up to the cent; totals
//! are sums of the rounded credits, as on an invoice.

use crate::decimal::format_scaled;
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::period::Measure;
use crate::target::Target;
use crate::value::{invalid, Object, Value};

mod terms;

/// The periods of one measurement in the Outage log page's export (`attainment.csv`: columns
/// `measured`, `period` and `availability_percent`, quoted as RFC 4180 quotes them): each period's label
/// and attainment, in order, for `measure` (`"month"`, `"week"` ...). Periods without service time (an
/// empty attainment) are left out.
///
/// # Example
/// ```
/// let csv = "measured,period,start,end,service_seconds,downtime_seconds,availability_percent,met\r\n\
///            week,week 10 of 2026,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z,604800,7200,98.809523,false\r\n\
///            month,\"Mar 2026\",2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,2678400,7200,99.731182,false\r\n";
/// let rows = slacalc::penalty::exported_periods(csv, "month")?;
/// assert_eq!(rows, [("Mar 2026".to_string(), "99.731182".to_string())]);
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidLog`] when the text lacks those columns or has no row for `measure`.
pub fn exported_periods(text: &str, measure: &str) -> Result<Vec<(String, String)>, Error> {
    let mut lines = text.split(['\n', '\r']).filter(|l| !l.trim().is_empty());
    let bad = |reason: &str| Error::InvalidLog {
        reason: reason.to_string(),
    };
    let head = crate::outage::split_record(lines.next().unwrap_or(""), ',').map_err(&bad)?;
    let find = |name: &str| head.iter().position(|h| h.trim() == name);
    let (Some(m), Some(p), Some(a)) = (
        find("measured"),
        find("period"),
        find("availability_percent"),
    ) else {
        return Err(bad("it is not an export of the Outage log page: it needs the columns measured, period and availability_percent"));
    };
    let mut out = Vec::new();
    for line in lines {
        let fields = crate::outage::split_record(line, ',').map_err(&bad)?;
        let field = |i: usize| {
            fields
                .get(i)
                .map(|f| f.trim().to_string())
                .unwrap_or_default()
        };
        if field(m) == measure && !field(a).is_empty() {
            out.push((field(p), field(a)));
        }
    }
    if out.is_empty() {
        return Err(bad(&format!(
            "it has no {measure} rows: measure the log by {measure} (the schedule's period) and export again"
        )));
    }
    Ok(out)
}

/// Amounts of money in millionths of the currency unit.
pub type Money = i128;

/// Millionths in a currency unit.
pub const UNIT: Money = 1_000_000;

/// Percentages are held in millionths of a percent: 100% is 100 000 000.
const HUNDRED: u128 = 100_000_000;

const NS: i128 = 1_000_000_000;

/// An attainment as an exact fraction of the whole: `up / total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attainment {
    up: i128,
    total: i128,
}

impl Attainment {
    /// An attainment typed as a percentage, in millionths of a percent.
    pub fn from_micros(micros: u32) -> Attainment {
        Attainment {
            up: i128::from(micros),
            total: HUNDRED as i128,
        }
    }

    /// The attainment of a period of `length` nanoseconds with `down` nanoseconds of downtime.
    pub fn from_downtime(down: i128, length: i128) -> Attainment {
        Attainment {
            up: (length - down.clamp(0, length)),
            total: length.max(1),
        }
    }

    /// In millionths of a percent, rounded down.
    pub fn micros(self) -> i128 {
        self.up * HUNDRED as i128 / self.total
    }

    /// Whether it is below `micros` millionths of a percent, exactly.
    fn below(self, micros: u32) -> bool {
        self.up * (HUNDRED as i128) < i128::from(micros) * self.total
    }

    /// Whether it is at or above `micros`.
    fn at_least(self, micros: u32) -> bool {
        !self.below(micros)
    }

    /// Whether it is exactly `micros`.
    fn equals(self, micros: u32) -> bool {
        self.up * HUNDRED as i128 == i128::from(micros) * self.total
    }

    /// In percent, rounded down to `decimals` places, trailing zeros dropped: `"99.82"`.
    pub fn percent(self, decimals: u32) -> String {
        let scaled = self.up * 100 * 10i128.pow(decimals) / self.total;
        format_scaled(scaled.max(0) as u128, decimals)
    }

    /// The share lost, as nanoseconds of a period of `length` nanoseconds (rounded down).
    fn downtime_of(self, length: i128) -> i128 {
        (self.total - self.up) * length / self.total
    }
}

/// One bound of a band: a percentage in millionths, and whether it belongs to the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Bound {
    micros: u32,
    inclusive: bool,
}

/// A band of attainment such as `< 99.99 and >= 99.0`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    lower: Option<Bound>,
    upper: Option<Bound>,
}

fn pct(micros: u32) -> String {
    format!("{}%", format_scaled(u128::from(micros), 6))
}

impl Band {
    /// Reads `"< 99.99 and >= 99.0"`, `"<= 99.9 and > 99.0"`, `"< 95"`, `">= 99.99"`.
    fn parse(text: &str) -> Result<Band, String> {
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

    fn contains(&self, a: Attainment) -> bool {
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
    fn start(&self) -> u64 {
        self.lower
            .map_or(0, |b| 2 * u64::from(b.micros) + u64::from(!b.inclusive))
    }

    fn end(&self) -> u64 {
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
fn point_words(p: u64, opening: bool) -> String {
    let micros = (p / 2) as u32;
    match (p % 2 == 0, opening) {
        (true, true) => format!("from {} (inclusive)", pct(micros)),
        (false, true) => format!("from just above {}", pct(micros)),
        (true, false) => format!("to just below {}", pct(micros)),
        (false, false) => format!("to {} (inclusive)", pct(micros)),
    }
}

/// What a tier gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// A percentage of the period's charges, in millionths of a percent.
    Percent(u32),
    /// Days of service, in millionths of a day.
    Days(u64),
}

/// A band of attainment and what it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    /// The band.
    pub band: Band,
    /// The credit.
    pub amount: Amount,
}

/// Where per-unit penalties start counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beyond {
    /// Downtime beyond what the target allows in the period.
    Allowance,
    /// The part of each outage beyond this many seconds ("after the first 2 consecutive hours").
    Grace(i64),
}

/// A service level of an at-risk pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    /// Its name, matched with each period's `levels`.
    pub name: String,
    /// Its target.
    pub target: Target,
    /// The allocation of its performance category, in millionths of a percent.
    pub category: u32,
    /// Its own allocation within the category, in millionths of a percent (may exceed 100%).
    pub allocation: u32,
}

/// How the credit is computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Bands of attainment.
    Tiers(Vec<Tier>),
    /// A percentage of the charges when the target is missed.
    Flat(u32),
    /// A percentage per unit of downtime.
    PerUnit {
        /// Millionths of a percent per unit.
        percent: u32,
        /// The unit in seconds (3600 or 60).
        unit: i64,
        /// Where counting starts.
        beyond: Beyond,
        /// Whether a started unit counts in full.
        started: bool,
    },
    /// A multiple (in millionths) of the fees for the time down.
    FeeMultiplier(u64),
    /// An at-risk pool: a percentage of the charges, shared by service levels.
    AtRisk {
        /// The pool, in millionths of a percent of the charges.
        percent: u32,
        /// The service levels.
        levels: Vec<Level>,
    },
}

/// A credit schedule, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditSchedule {
    /// A name to show.
    pub name: String,
    /// Where it comes from (a provider's terms) or what it illustrates.
    pub source: String,
    /// The measurement period.
    pub cadence: Measure,
    /// The commitment.
    pub target: Target,
    /// How the credit is computed.
    pub kind: Kind,
    /// What a day of service is worth: the period's charges divided by this (millionths; default 30).
    pub days_per_period: u64,
    /// Cap per period, in millionths of a percent of its charges.
    pub cap_percent: u32,
    /// Cap over any 12 months, in millionths of a percent of their charges.
    pub cap_12_months_percent: Option<u32>,
    /// A smaller credit is not paid.
    pub minimum_credit: Money,
    /// A credit is cancelled when the next `periods` periods all meet `target`.
    pub earn_back: Option<(Target, usize)>,
    /// Bonus bands (percentages of charges) and their cap per period.
    pub bonus: Option<(Vec<Tier>, u32)>,
    /// Attainments below the target in no tier get no credit (`uncovered: "no credit"`), instead of
    /// being refused.
    pub uncovered_no_credit: bool,
}

const SCHEDULE_NAMES: [&str; 16] = [
    "id",
    "name",
    "source",
    "period",
    "target",
    "tiers",
    "uncovered",
    "flat",
    "perUnit",
    "feeMultiplier",
    "atRisk",
    "daysPerPeriod",
    "capPercent",
    "cap12MonthsPercent",
    "minimumCredit",
    "earnBack",
];

fn percent_of(o: &Object, name: &str, max: u128) -> Result<u32, Error> {
    Ok(o.decimal(name, 6, Some(max))? as u32)
}

fn target_of(o: &Object, name: &str) -> Result<Target, Error> {
    Target::parse(o.text(name)?).map_err(|e| o.error(name, e.to_string()))
}

fn tiers_of(o: &Object, name: &str, days_allowed: bool) -> Result<Vec<Tier>, Error> {
    let items = o.list(name)?.unwrap_or(&[]);
    if items.is_empty() {
        return Err(o.error(name, "must list at least one tier"));
    }
    let mut tiers = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", o.path(name));
        let t = Object::new(item, Field::Schedule, &path, &["when", "percent", "days"])?;
        let band = Band::parse(t.text("when")?).map_err(|r| t.error("when", r))?;
        let amount = match (t.get("percent"), t.get("days")) {
            (Some(_), None) => Amount::Percent(percent_of(&t, "percent", HUNDRED)?),
            (None, Some(_)) if days_allowed => {
                Amount::Days(t.decimal("days", 6, Some(366_000_000))? as u64)
            }
            _ => {
                return Err(invalid(
                    Field::Schedule,
                    &path,
                    if days_allowed {
                        "give either percent (of the period's charges) or days (of service)"
                    } else {
                        "give percent (of the period's charges)"
                    }
                    .to_string(),
                ))
            }
        };
        tiers.push(Tier { band, amount });
    }
    Ok(tiers)
}

/// Overlaps are always refused; gaps below `target` are refused unless `allow_gaps`.
fn check_coverage(
    tiers: &[Tier],
    target: Target,
    allow_gaps: bool,
    path: &str,
) -> Result<(), Error> {
    let mut order: Vec<usize> = (0..tiers.len()).collect();
    order.sort_by_key(|&i| (tiers[i].band.start(), tiers[i].band.end()));
    let goal = 2 * u64::from(target.micros());
    let mut cursor = 0u64;
    let mut previous: Option<usize> = None;
    let mut gaps = Vec::new();
    for &i in &order {
        let band = &tiers[i].band;
        if let Some(p) = previous {
            if band.start() < cursor {
                return Err(invalid(
                    Field::Schedule,
                    path,
                    format!(
                        "tiers[{p}] ({}) and tiers[{i}] ({}) overlap: an attainment must fall in one tier at most",
                        tiers[p].band.words(),
                        band.words()
                    ),
                ));
            }
        }
        if band.start() > cursor && cursor < goal {
            gaps.push((cursor, band.start().min(goal)));
        }
        cursor = cursor.max(band.end());
        previous = Some(i);
    }
    if cursor < goal {
        gaps.push((cursor, goal));
    }
    if !gaps.is_empty() && !allow_gaps {
        let words: Vec<String> = gaps
            .iter()
            .map(|&(a, b)| {
                if b == a + 1 && a % 2 == 0 {
                    format!("exactly {}", pct((a / 2) as u32))
                } else {
                    format!("{} {}", point_words(a, true), point_words(b, false))
                }
            })
            .collect();
        return Err(invalid(
            Field::Schedule,
            path,
            format!(
                "attainments below the target {}% fall in no tier: {}. Cover them, or say uncovered: \"no credit\"",
                target,
                words.join("; ")
            ),
        ));
    }
    Ok(())
}

impl CreditSchedule {
    /// Reads and checks a schedule.
    ///
    /// # Example: AWS EC2, region level (tiers from the published terms)
    /// ```
    /// use slacalc::penalty::{CreditSchedule, PeriodInput};
    /// use slacalc::value::Value;
    /// let text = |s: &str| Value::Text(s.to_string());
    /// let tier = |when: &str, percent: &str| Value::Map(vec![("when".into(), text(when)), ("percent".into(), text(percent))]);
    /// let schedule = CreditSchedule::from_value(&Value::Map(vec![
    ///     ("target".into(), text("99.99")),
    ///     ("tiers".into(), Value::List(vec![
    ///         tier("< 99.99 and >= 99.0", "10"), tier("< 99.0 and >= 95.0", "30"), tier("< 95.0", "100"),
    ///     ])),
    /// ]))?;
    /// let lines = schedule.credits(&[PeriodInput::typed("May 2026", "99.82", "12000")?], "EUR")?;
    /// assert_eq!(lines.periods[0].credit, 1_200_000_000); // 1 200 EUR, in millionths
    /// assert_eq!(lines.periods[0].explanation,
    ///     "May 2026: 99.82% is below 99.99% and at or above 99%: 10% of 12 000 EUR = 1 200 EUR.");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the part: unknown names, bad numbers, bands that overlap or leave
    /// attainments below the target uncovered, no credit rule or several.
    pub fn from_value(value: &Value) -> Result<CreditSchedule, Error> {
        let mut names = SCHEDULE_NAMES.to_vec();
        names.push("bonus");
        let o = Object::new(value, Field::Schedule, "", &names)?;
        let target = target_of(&o, "target")?;
        let cadence = match o.optional_text("period")? {
            None => Measure::Month,
            Some(t) => Measure::parse(t).ok_or_else(|| {
                o.error(
                    "period",
                    format!("\"{t}\" must be week, fortnight, month, quarter or year"),
                )
            })?,
        };
        let allow_gaps = match o.optional_text("uncovered")? {
            None | Some("error") => false,
            Some("no credit") => true,
            Some(t) => {
                return Err(o.error(
                    "uncovered",
                    format!("\"{t}\" must be \"no credit\" or \"error\""),
                ))
            }
        };
        let kinds: Vec<&str> = ["tiers", "flat", "perUnit", "feeMultiplier", "atRisk"]
            .into_iter()
            .filter(|k| o.get(k).is_some())
            .collect();
        let kind = match kinds.as_slice() {
            ["tiers"] => {
                let tiers = tiers_of(&o, "tiers", true)?;
                check_coverage(&tiers, target, allow_gaps, "tiers")?;
                Kind::Tiers(tiers)
            }
            ["flat"] => Kind::Flat(percent_of(&o, "flat", HUNDRED)?),
            ["perUnit"] => {
                let p = Object::new(
                    o.get("perUnit").unwrap_or(&Value::Null),
                    Field::Schedule,
                    "perUnit",
                    &["percent", "unit", "beyond", "started"],
                )?;
                let unit = match p.optional_text("unit")? {
                    None | Some("hour") => 3600,
                    Some("minute") => 60,
                    Some(t) => {
                        return Err(p.error("unit", format!("\"{t}\" must be hour or minute")))
                    }
                };
                let beyond = match p.optional_text("beyond")? {
                    None | Some("allowance") => Beyond::Allowance,
                    Some(t) => {
                        let d = ExactDuration::parse(t, Field::Schedule).map_err(|_| {
                            p.error(
                                "beyond",
                                format!(
                                    "\"{t}\" must be allowance, or a grace per outage such as PT2H"
                                ),
                            )
                        })?;
                        Beyond::Grace((d.as_nanos() / 1_000_000_000) as i64)
                    }
                };
                Kind::PerUnit {
                    percent: percent_of(&p, "percent", HUNDRED)?,
                    unit,
                    beyond,
                    started: p.flag("started", false)?,
                }
            }
            ["feeMultiplier"] => {
                Kind::FeeMultiplier(o.decimal("feeMultiplier", 6, Some(1_000_000_000))? as u64)
            }
            ["atRisk"] => {
                let a = Object::new(
                    o.get("atRisk").unwrap_or(&Value::Null),
                    Field::Schedule,
                    "atRisk",
                    &["percent", "levels"],
                )?;
                let items = a.list("levels")?.unwrap_or(&[]);
                if items.is_empty() {
                    return Err(a.error("levels", "must list at least one service level"));
                }
                let mut levels = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let l = Object::new(
                        item,
                        Field::Schedule,
                        &format!("atRisk.levels[{i}]"),
                        &["name", "target", "category", "allocation"],
                    )?;
                    let name = l.text("name")?.trim().to_string();
                    if name.is_empty() || levels.iter().any(|x: &Level| x.name == name) {
                        return Err(
                            l.error("name", "must be given and different from the other levels'")
                        );
                    }
                    levels.push(Level {
                        name,
                        target: target_of(&l, "target")?,
                        category: percent_of(&l, "category", HUNDRED)?,
                        allocation: percent_of(&l, "allocation", 10 * HUNDRED)?,
                    });
                }
                Kind::AtRisk {
                    percent: percent_of(&a, "percent", HUNDRED)?,
                    levels,
                }
            }
            [] => return Err(invalid(
                Field::Schedule,
                "",
                "give one way to compute the credit: tiers, flat, perUnit, feeMultiplier or atRisk"
                    .to_string(),
            )),
            several => {
                return Err(invalid(
                    Field::Schedule,
                    "",
                    format!(
                        "give one way to compute the credit, not {}",
                        several.join(" and ")
                    ),
                ))
            }
        };
        let earn_back = match o.get("earnBack") {
            None => None,
            Some(v) => {
                let e = Object::new(v, Field::Schedule, "earnBack", &["target", "periods"])?;
                let target = target_of(&e, "target")?;
                let periods = e.decimal("periods", 0, Some(60))? as usize;
                if periods == 0 {
                    return Err(e.error("periods", "must be at least 1"));
                }
                Some((target, periods))
            }
        };
        let bonus = match o.get("bonus") {
            None => None,
            Some(v) => {
                let b = Object::new(v, Field::Schedule, "bonus", &["tiers", "capPercent"])?;
                let tiers = tiers_of(&b, "tiers", false)?;
                check_coverage(&tiers, Target::parse("0.000001")?, true, "bonus.tiers")?;
                Some((tiers, percent_of(&b, "capPercent", HUNDRED)?))
            }
        };
        let days = o.optional_decimal("daysPerPeriod", 6, Some(366_000_000))?;
        if days == Some(0) {
            return Err(o.error("daysPerPeriod", "must be more than 0"));
        }
        Ok(CreditSchedule {
            name: o
                .optional_text("name")?
                .unwrap_or("Custom schedule")
                .to_string(),
            source: o.optional_text("source")?.unwrap_or("").to_string(),
            cadence,
            target,
            kind,
            days_per_period: days.unwrap_or(30_000_000) as u64,
            cap_percent: o
                .optional_decimal("capPercent", 6, Some(HUNDRED))?
                .unwrap_or(HUNDRED) as u32,
            cap_12_months_percent: o
                .optional_decimal("cap12MonthsPercent", 6, Some(HUNDRED))?
                .map(|x| x as u32),
            minimum_credit: o
                .get("minimumCredit")
                .map(|_| o.amount("minimumCredit"))
                .transpose()?
                .unwrap_or(0) as Money,
            earn_back,
            bonus,
            uncovered_no_credit: allow_gaps,
        })
    }

    /// The downtime the target allows in a period of `length` nanoseconds.
    fn allowance(&self, length: i128) -> i128 {
        length * i128::from(self.target.unavailability_parts()) / HUNDRED as i128
    }
}

/// One period to compute a credit for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodInput {
    /// `"May 2026"`.
    pub label: String,
    /// The attainment.
    pub attainment: Attainment,
    /// The period's length in nanoseconds (for per-unit penalties and fee multipliers).
    pub length: i128,
    /// Downtime in nanoseconds, when known; else derived from the attainment and the length.
    pub downtime: Option<i128>,
    /// Each outage's length in seconds, when known (for a grace per outage).
    pub outages: Option<Vec<i64>>,
    /// The period's charges.
    pub charges: Money,
    /// The attainment of each service level, for an at-risk pool.
    pub levels: Vec<(String, Attainment)>,
}

impl PeriodInput {
    /// A period typed in: its label, attainment (percent) and charges; a month's average length.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a bad attainment or charges.
    pub fn typed(label: &str, attainment: &str, charges: &str) -> Result<PeriodInput, Error> {
        let a = crate::value::decimal(attainment, 6, Some(HUNDRED))
            .map_err(|r| invalid(Field::Periods, "attainment", r))?;
        let c = crate::value::amount(charges).map_err(|r| invalid(Field::Periods, "charges", r))?;
        Ok(PeriodInput {
            label: label.to_string(),
            attainment: Attainment::from_micros(a as u32),
            length: i128::from(Measure::Month.seconds()) * NS,
            downtime: None,
            outages: None,
            charges: c as Money,
            levels: Vec::new(),
        })
    }
}

/// Reads the periods to compute credits for: an array of `{ label, attainment | downtime, charges,
/// outages?, period?, levels? }`. A period's length is its calendar period (`"2026-05"`) when given, else
/// the schedule's (average) period.
///
/// # Errors
/// [`Error::InvalidValue`] naming the period and the part.
pub fn periods_from_value(
    value: &Value,
    schedule: &CreditSchedule,
) -> Result<Vec<PeriodInput>, Error> {
    let Value::List(items) = value else {
        return Err(invalid(
            Field::Periods,
            "",
            format!("must be an array of periods, not {}", value.kind()),
        ));
    };
    if items.len() > 10_000 {
        return Err(invalid(
            Field::Periods,
            "",
            "at most 10 000 periods".to_string(),
        ));
    }
    let mut periods = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("[{i}]");
        let o = Object::new(
            item,
            Field::Periods,
            &path,
            &[
                "label",
                "attainment",
                "downtime",
                "outages",
                "charges",
                "period",
                "levels",
            ],
        )?;
        let duration = |part: &str, text: &str| -> Result<i128, Error> {
            ExactDuration::parse(text, Field::Periods)
                .map(|d| i128::from(d.as_nanos()))
                .map_err(|e| o.error(part, e.to_string()))
        };
        let length = match o.optional_text("period")? {
            None => i128::from(schedule.cadence.seconds()) * NS,
            Some(t) => i128::from(
                crate::period::Period::parse(t)
                    .map_err(|e| o.error("period", e.to_string()))?
                    .length()
                    .as_nanos(),
            ),
        };
        let charges = o.amount("charges")? as Money;
        let levels = match o.get("levels") {
            None => Vec::new(),
            Some(v) => {
                let Value::Map(entries) = v else {
                    return Err(o.error(
                        "levels",
                        format!(
                            "must be an object of attainments by service level, not {}",
                            v.kind()
                        ),
                    ));
                };
                let mut levels = Vec::new();
                for (name, v) in entries {
                    let text = v.text().ok_or_else(|| {
                        o.error(&format!("levels.{name}"), "must be a percentage")
                    })?;
                    let m = crate::value::decimal(text, 6, Some(HUNDRED))
                        .map_err(|r| o.error(&format!("levels.{name}"), r))?;
                    levels.push((name.clone(), Attainment::from_micros(m as u32)));
                }
                levels
            }
        };
        let (attainment, downtime) = match (o.get("attainment"), o.get("downtime")) {
            (Some(_), Some(_)) => {
                return Err(invalid(
                    Field::Periods,
                    &path,
                    "give attainment or downtime, not both".to_string(),
                ))
            }
            (Some(_), None) => (
                Attainment::from_micros(o.decimal("attainment", 6, Some(HUNDRED))? as u32),
                None,
            ),
            (None, Some(_)) => {
                let d = duration("downtime", o.text("downtime")?)?;
                if d > length {
                    return Err(o.error("downtime", "is longer than the period"));
                }
                (Attainment::from_downtime(d, length), Some(d))
            }
            (None, None) => match levels
                .iter()
                .min_by(|a, b| (a.1.up * b.1.total).cmp(&(b.1.up * a.1.total)))
            {
                Some((_, a)) => (*a, None),
                None => {
                    return Err(invalid(
                        Field::Periods,
                        &path,
                        "give the attainment (a percentage) or the downtime".to_string(),
                    ))
                }
            },
        };
        let outages = match o.list("outages")? {
            None => None,
            Some(list) => {
                let mut lengths = Vec::with_capacity(list.len());
                for (k, v) in list.iter().enumerate() {
                    let part = format!("outages[{k}]");
                    let t = v
                        .text()
                        .ok_or_else(|| o.error(&part, "must be a duration"))?;
                    lengths.push((duration(&part, t)? / NS) as i64);
                }
                Some(lengths)
            }
        };
        let label = match o.optional_text("label")? {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => o
                .optional_text("period")?
                .map_or_else(|| format!("Period {}", i + 1), str::to_string),
        };
        periods.push(PeriodInput {
            label,
            attainment,
            length,
            downtime,
            outages,
            charges,
            levels,
        });
    }
    Ok(periods)
}

/// The credit of one period, with its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditLine {
    /// The period's label.
    pub label: String,
    /// Attainment in percent, rounded down to 6 decimals.
    pub attainment: String,
    /// Whether the period missed the schedule's target.
    pub breached: bool,
    /// The credit owed, after every rule, rounded to the cent.
    pub credit: Money,
    /// A bonus owed to the provider (over-performance), rounded to the cent.
    pub bonus: Money,
    /// The period's charges.
    pub charges: Money,
    /// A sentence a finance person can follow.
    pub explanation: String,
    /// The rules that changed the credit after it was computed (caps, minimum, earn-back), in words.
    pub adjustments: Vec<String>,
}

/// Credits for a run of periods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credits {
    /// One per period, in order.
    pub periods: Vec<CreditLine>,
    /// The sum of the credits.
    pub total: Money,
    /// The sum of the bonuses.
    pub total_bonus: Money,
    /// The sum of the charges.
    pub total_charges: Money,
}

/// `12 000 EUR`, `1 234.50 EUR`: thousands separated by a space, cents shown when there are any.
pub fn money_text(m: Money, currency: &str) -> String {
    let cents = round_cents(m) / (UNIT / 100);
    let (sign, cents) = if cents < 0 {
        ("-", -cents)
    } else {
        ("", cents)
    };
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let frac = cents % 100;
    let number = if frac == 0 {
        grouped
    } else {
        format!("{grouped}.{frac:02}")
    };
    if currency.is_empty() {
        format!("{sign}{number}")
    } else {
        format!("{sign}{number} {currency}")
    }
}

/// Rounds to the cent, half up (away from zero for the halves of negative amounts).
pub fn round_cents(m: Money) -> Money {
    let cent = UNIT / 100;
    let half = cent / 2;
    if m >= 0 {
        (m + half) / cent * cent
    } else {
        -((-m + half) / cent * cent)
    }
}

fn share(amount: Money, micros: u128) -> Money {
    amount * micros as i128 / HUNDRED as i128
}

/// The fees for `down` of a period of `length` nanoseconds charged `charges`: charges x down / length,
/// rounded down, without forming the product (it can exceed 128 bits for large charges).
fn fees_for(charges: Money, down: i128, length: i128) -> Money {
    let length = length.max(1);
    charges / length * down + charges % length * down / length
}

/// Units of downtime (millionths) in `excess` nanoseconds: exact, or each started unit in full.
fn units_micro(excess: i128, unit: i64, started: bool) -> i128 {
    let unit_ns = i128::from(unit) * NS;
    if started {
        (excess + unit_ns - 1) / unit_ns * 1_000_000
    } else {
        excess * 1_000_000 / unit_ns
    }
}

/// What a missed service level costs of an at-risk pool: category allocation x its own allocation.
fn level_cost(pool: Money, l: &Level) -> Money {
    pool * i128::from(l.category) / HUNDRED as i128 * i128::from(l.allocation) / HUNDRED as i128
}

impl CreditSchedule {
    /// What a tier gives of `charges`: a percentage, or days of service.
    fn tier_credit(&self, tier: &Tier, charges: Money) -> Money {
        match tier.amount {
            Amount::Percent(x) => share(charges, u128::from(x)),
            Amount::Days(d) => charges * i128::from(d) / i128::from(self.days_per_period),
        }
    }

    /// Downtime counted by a per-unit penalty: beyond the allowance, or the part of each outage beyond
    /// the grace (the whole downtime taken as one outage when no outage lengths are known).
    fn excess(&self, beyond: Beyond, down: i128, length: i128, outages: Option<&[i64]>) -> i128 {
        match (beyond, outages) {
            (Beyond::Allowance, _) => (down - self.allowance(length)).max(0),
            (Beyond::Grace(g), Some(list)) => list
                .iter()
                .map(|o| (i128::from(*o) - i128::from(g)).max(0) * NS)
                .sum(),
            (Beyond::Grace(g), None) => (down - i128::from(g) * NS).max(0),
        }
    }

    /// Whether a period breached, given whether its attainment is below the target and its raw credit:
    /// a pool is breached when a level is missed; tiers may credit the target itself ("<= 99.9").
    fn breached(&self, below: bool, raw: Money) -> bool {
        match &self.kind {
            Kind::AtRisk { .. } => raw > 0,
            Kind::Tiers(_) => below || raw > 0,
            _ => below,
        }
    }

    /// The cap per period: the most a period's charges allow.
    fn period_cap(&self, charges: Money) -> Money {
        share(charges, u128::from(self.cap_percent))
    }

    /// Whether a credit, rounded to the cent, is too small to be paid.
    fn below_minimum(&self, credit: Money) -> bool {
        credit > 0 && credit < self.minimum_credit
    }

    /// Whether the periods after a credit earn it back: all of the next `n` meet the earn-back target.
    fn earned_back(&self, mut next: impl ExactSizeIterator<Item = Attainment>) -> bool {
        self.earn_back
            .is_some_and(|(target, n)| next.len() == n && next.all(|a| a.at_least(target.micros())))
    }

    /// What the 12-month cap leaves for a period: the cap of the window's charges less the credits
    /// already owed in it, rounded to the cent, never below 0.
    fn room_12_months(cap: u32, window_charges: Money, earlier: Money) -> Money {
        round_cents(share(window_charges, u128::from(cap)) - earlier).max(0)
    }
}

fn days_text(days: u64) -> String {
    let d = format_scaled(u128::from(days), 6);
    if days == 1_000_000 {
        "1 day".to_string()
    } else {
        format!("{d} days")
    }
}

fn hours_text(ns: i128) -> String {
    u64::try_from(ns.max(0))
        .ok()
        .and_then(ExactDuration::from_nanos)
        .map_or_else(|| "more than 100 years".to_string(), |d| d.to_string())
}

impl CreditSchedule {
    /// The credit of one period before the contract-wide rules (earn-back, 12-month cap).
    fn credit_of(&self, p: &PeriodInput, currency: &str) -> Result<CreditLine, Error> {
        let money = |m: Money| money_text(m, currency);
        let a = p.attainment;
        let a_text = a.percent(6);
        let breached = a.below(self.target.micros());
        let head = format!("{}: {}%", p.label, a_text);
        let down = p.downtime.unwrap_or_else(|| a.downtime_of(p.length));
        let (raw, why) = match &self.kind {
            Kind::Tiers(tiers) => match tiers.iter().find(|t| t.band.contains(a)) {
                None => (
                    0,
                    if breached {
                        format!("{head} falls in no tier of the schedule: no credit")
                    } else {
                        format!("{head} meets the {}% target: no credit", self.target)
                    },
                ),
                Some(t) => match t.amount {
                    Amount::Percent(x) => {
                        let c = self.tier_credit(t, p.charges);
                        (
                            c,
                            format!(
                                "{head} is {}: {} of {} = {}",
                                t.band.words(),
                                pct(x),
                                money(p.charges),
                                money(c)
                            ),
                        )
                    }
                    Amount::Days(d) => {
                        let c = self.tier_credit(t, p.charges);
                        (
                            c,
                            format!(
                                "{head} is {}: {} of service, at 1/{} of {} a day, = {}",
                                t.band.words(),
                                days_text(d),
                                format_scaled(u128::from(self.days_per_period), 6),
                                money(p.charges),
                                money(c)
                            ),
                        )
                    }
                },
            },
            Kind::Flat(x) => {
                if breached {
                    let c = share(p.charges, u128::from(*x));
                    (
                        c,
                        format!(
                            "{head} is below the {}% target: a flat {} of {} = {}",
                            self.target,
                            pct(*x),
                            money(p.charges),
                            money(c)
                        ),
                    )
                } else {
                    (
                        0,
                        format!("{head} meets the {}% target: no credit", self.target),
                    )
                }
            }
            Kind::PerUnit {
                percent,
                unit,
                beyond,
                started,
            } => {
                let excess = self.excess(*beyond, down, p.length, p.outages.as_deref());
                let basis = match (beyond, &p.outages) {
                    (Beyond::Allowance, _) => format!(
                        "{} down against {} allowed",
                        hours_text(down),
                        hours_text(self.allowance(p.length))
                    ),
                    (Beyond::Grace(g), Some(list)) => format!(
                        "{} outage{}, each counted beyond its first {}",
                        list.len(),
                        if list.len() == 1 { "" } else { "s" },
                        hours_text(i128::from(*g) * NS)
                    ),
                    (Beyond::Grace(g), None) => format!(
                        "{} down, taken as one outage (no outage lengths given), counted beyond its first {}",
                        hours_text(down),
                        hours_text(i128::from(*g) * NS)
                    ),
                };
                let units_micro = units_micro(excess, *unit, *started);
                let per_unit = share(p.charges, u128::from(*percent));
                let c = per_unit * units_micro / 1_000_000;
                let unit_name = if *unit == 3600 { "hour" } else { "minute" };
                (
                    c,
                    format!(
                        "{head}, {basis}: {} {unit_name}{} counted{} at {} of {} = {}",
                        format_scaled(units_micro as u128, 6),
                        if units_micro == 1_000_000 { "" } else { "s" },
                        if *started {
                            " (a started one in full)"
                        } else {
                            ""
                        },
                        pct(*percent),
                        money(p.charges),
                        money(c)
                    ),
                )
            }
            Kind::FeeMultiplier(m) => {
                let fees = fees_for(p.charges, down, p.length);
                let c = fees * i128::from(*m) / 1_000_000;
                (
                    c,
                    format!(
                        "{head}, {} down: {} x the fees for that time ({} of {}) = {}",
                        hours_text(down),
                        format_scaled(u128::from(*m), 6),
                        money(fees),
                        money(p.charges),
                        money(c)
                    ),
                )
            }
            Kind::AtRisk { percent, levels } => {
                let pool = share(p.charges, u128::from(*percent));
                let mut c = 0;
                let mut missed = Vec::new();
                for l in levels {
                    let Some((_, got)) = p.levels.iter().find(|(n, _)| *n == l.name) else {
                        return Err(invalid(
                            Field::Periods,
                            &format!("{}.levels", p.label),
                            format!("gives no attainment for the service level \"{}\"", l.name),
                        ));
                    };
                    if got.below(l.target.micros()) {
                        let x = level_cost(pool, l);
                        c += x;
                        missed.push(format!(
                            "{} at {}% missed {}%: {} x {} of the pool = {}",
                            l.name,
                            got.percent(6),
                            l.target,
                            pct(l.category),
                            pct(l.allocation),
                            money(x)
                        ));
                    }
                }
                let capped = c.min(pool);
                let text = if missed.is_empty() {
                    format!("{}: every service level met its target: no credit", p.label)
                } else {
                    format!(
                        "{}: at-risk pool {} of {} = {}; {}{}",
                        p.label,
                        pct(*percent),
                        money(p.charges),
                        money(pool),
                        missed.join("; "),
                        if capped < c {
                            format!(
                                "; {} in all, capped at the pool: {}",
                                money(c),
                                money(capped)
                            )
                        } else {
                            format!("; {} in all", money(capped))
                        }
                    )
                };
                (capped, text)
            }
        };
        let breached = self.breached(breached, raw);
        let mut credit = raw;
        let mut adjustments = Vec::new();
        let cap = self.period_cap(p.charges);
        if credit > cap {
            adjustments.push(format!(
                "capped at {} of the charges: {}",
                pct(self.cap_percent),
                money(cap)
            ));
            credit = cap;
        }
        let mut credit = round_cents(credit);
        if self.below_minimum(credit) {
            adjustments.push(format!(
                "below the minimum credit of {}: not paid",
                money(self.minimum_credit)
            ));
            credit = 0;
        }
        let mut bonus = 0;
        if let Some((tiers, cap)) = &self.bonus {
            if raw == 0 {
                if let Some(t) = tiers.iter().find(|t| t.band.contains(a)) {
                    if let Amount::Percent(x) = t.amount {
                        let b = share(p.charges, u128::from(x.min(*cap)));
                        bonus = round_cents(b);
                        adjustments.push(format!(
                            "a bonus for {}% ({}): {} of {} = {}{}",
                            a.percent(6),
                            t.band.words(),
                            pct(x.min(*cap)),
                            money(p.charges),
                            money(bonus),
                            if x > *cap { " (capped)" } else { "" }
                        ));
                    }
                }
            }
        }
        Ok(CreditLine {
            label: p.label.clone(),
            attainment: a_text,
            breached,
            credit,
            bonus,
            charges: p.charges,
            explanation: format!("{why}."),
            adjustments,
        })
    }

    /// The credits of `periods`, in order, with every rule applied.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when a period lacks what the schedule needs (a service level's attainment).
    pub fn credits(&self, periods: &[PeriodInput], currency: &str) -> Result<Credits, Error> {
        let mut lines = periods
            .iter()
            .map(|p| self.credit_of(p, currency))
            .collect::<Result<Vec<_>, _>>()?;
        let money = |m: Money| money_text(m, currency);
        if let Some((target, n)) = self.earn_back {
            for i in 0..lines.len() {
                if lines[i].credit == 0 {
                    continue;
                }
                let next = &periods[i + 1..periods.len().min(i + 1 + n)];
                if self.earned_back(next.iter().map(|p| p.attainment)) {
                    let c = lines[i].credit;
                    lines[i].adjustments.push(format!(
                        "earned back: the next {n} period{} all met {target}%, so {} is not owed",
                        if n == 1 { "" } else { "s" },
                        money(c)
                    ));
                    lines[i].credit = 0;
                } else if next.len() < n
                    && next.iter().all(|p| p.attainment.at_least(target.micros()))
                {
                    lines[i].adjustments.push(format!(
                        "owed unless the next {n} period{} all meet {target}% (earn-back): not all of them are given",
                        if n == 1 { "" } else { "s" }
                    ));
                }
            }
        }
        if let Some(cap) = self.cap_12_months_percent {
            let per_year = self.cadence.per_year();
            for i in 0..lines.len() {
                let from = (i + 1).saturating_sub(per_year);
                let charges: Money = lines[from..=i].iter().map(|l| l.charges).sum();
                let earlier: Money = lines[from..i].iter().map(|l| l.credit).sum();
                let room = CreditSchedule::room_12_months(cap, charges, earlier);
                if lines[i].credit > room {
                    lines[i].adjustments.push(format!(
                        "capped at {} of the charges of 12 months ({} of {}): {} was left",
                        pct(cap),
                        money(share(charges, u128::from(cap))),
                        money(charges),
                        money(room)
                    ));
                    lines[i].credit = room;
                }
            }
        }
        for l in &mut lines {
            if !l.adjustments.is_empty() {
                l.explanation = format!(
                    "{} Then {}. Credit: {}.",
                    l.explanation,
                    l.adjustments.join("; then "),
                    money(l.credit)
                );
            }
        }
        Ok(Credits {
            total: lines.iter().map(|l| l.credit).sum(),
            total_bonus: lines.iter().map(|l| l.bonus).sum(),
            total_charges: lines.iter().map(|l| l.charges).sum(),
            periods: lines,
        })
    }
}

/// One simulated period, for [`CreditSchedule::quick_credit`].
#[derive(Clone, Copy, Debug)]
pub struct Quick<'a> {
    /// Downtime in nanoseconds (at most `length`).
    pub down: i128,
    /// The period's length in nanoseconds.
    pub length: i128,
    /// Each outage's length in seconds.
    pub outages: &'a [i64],
    /// The period's charges.
    pub charges: Money,
}

impl CreditSchedule {
    /// The credit of one period (caps and minimum applied, rounded to the cent) and whether it breached,
    /// without any text: the same rules as [`CreditSchedule::credits`] for a period measured from downtime,
    /// every service level of an at-risk pool sharing its attainment. For simulations.
    pub fn quick_credit(&self, q: Quick) -> (Money, bool) {
        let a = Attainment::from_downtime(q.down, q.length);
        let breached = a.below(self.target.micros());
        let raw = match &self.kind {
            Kind::Tiers(tiers) => tiers
                .iter()
                .find(|t| t.band.contains(a))
                .map_or(0, |t| self.tier_credit(t, q.charges)),
            Kind::Flat(x) => {
                if breached {
                    share(q.charges, u128::from(*x))
                } else {
                    0
                }
            }
            Kind::PerUnit {
                percent,
                unit,
                beyond,
                started,
            } => {
                let excess = self.excess(*beyond, q.down, q.length, Some(q.outages));
                share(q.charges, u128::from(*percent)) * units_micro(excess, *unit, *started)
                    / 1_000_000
            }
            Kind::FeeMultiplier(m) => {
                fees_for(q.charges, q.down, q.length) * i128::from(*m) / 1_000_000
            }
            Kind::AtRisk { percent, levels } => {
                let pool = share(q.charges, u128::from(*percent));
                let c: Money = levels
                    .iter()
                    .filter(|l| a.below(l.target.micros()))
                    .map(|l| level_cost(pool, l))
                    .sum();
                c.min(pool)
            }
        };
        let mut credit = round_cents(raw.min(self.period_cap(q.charges)));
        if self.below_minimum(credit) {
            credit = 0;
        }
        (credit, self.breached(breached, raw))
    }

    /// Applies earn-back and the 12-month cap to a year of quick credits, given each period's downtime
    /// and length in nanoseconds and the charges of every period, as [`CreditSchedule::credits`] does.
    pub fn settle_year(&self, credits: &mut [Money], downs: &[(i128, i128)], charges: Money) {
        if let Some((_, n)) = self.earn_back {
            for i in 0..credits.len() {
                let next = &downs[i + 1..(i + 1 + n).min(downs.len())];
                let next = next.iter().map(|&(d, l)| Attainment::from_downtime(d, l));
                if credits[i] > 0 && self.earned_back(next) {
                    credits[i] = 0;
                }
            }
        }
        if let Some(cap) = self.cap_12_months_percent {
            let per_year = self.cadence.per_year();
            for i in 0..credits.len() {
                let from = (i + 1).saturating_sub(per_year);
                let window = (i + 1 - from) as i128;
                let earlier: Money = credits[from..i].iter().sum();
                let room = CreditSchedule::room_12_months(cap, charges * window, earlier);
                credits[i] = credits[i].min(room);
            }
        }
    }

    /// Whether the schedule is a plain flat refund or one tier, with no rule after it: then the chance
    /// of a breach and the expected credit have a closed form.
    pub fn single_payment(&self) -> Option<u32> {
        let plain = self.cap_percent as u128 == HUNDRED
            && self.minimum_credit == 0
            && self.earn_back.is_none()
            && self.cap_12_months_percent.is_none()
            && self.bonus.is_none();
        match &self.kind {
            Kind::Flat(x) if plain => Some(*x),
            _ => None,
        }
    }

    /// The downtime the target allows in a period of `length` nanoseconds.
    pub fn allowed(&self, length: i128) -> i128 {
        self.allowance(length)
    }
}

/// The published schedules in slacalc's domain notes, and example structures from outsourcing practice.
/// Each says where it comes from; none is advice, and providers change their terms.
pub const PRESETS: &str = include_str!("../presets.json");
