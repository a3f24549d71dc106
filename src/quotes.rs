//! Comparing an internal service with providers' quotes on one footing: the same period, the same service
//! hours, the same outage model.
//!
//! # The common basis
//! Each offer promises a target over its own measurement period and its own service hours. On the basis
//! (a period and the customer's service hours):
//! - **allowed downtime** is the most downtime the promise lets fall within one basis period without a
//!   breach: its whole allowance when its period is at least as long as the basis period (all of it may
//!   fall in one basis period), or its allowance scaled by the ratio of the periods when it is shorter;
//! - downtime outside the offer's service hours is never limited: when the offer's hours do not cover the
//!   basis hours (checked on the week of 1 June 2026), the promise allows unlimited downtime there, and the
//!   comparison says so;
//! - **expected downtime** comes from the offer's measured attainment on the basis, or from an outage model
//!   (incidents spread evenly over the clock, so the share falling in service hours is the share of the
//!   week they take);
//! - **expected credits** are simulated under the offer's credit schedule and model (2 000 contract years,
//!   seed 1);
//! - **effective cost** a year = the price x 12 + one-off costs spread over the contract years - expected
//!   credits + expected downtime hours x the cost of an hour of downtime.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::decimal::format_scaled;
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::penalty::{money_text, round_cents, Availability, CreditSchedule, Money};
use crate::period::Period;
use crate::risk::{simulate, Model};
use crate::target::Target;

/// What the comparison is made on.
#[derive(Clone, Debug)]
pub struct Basis {
    /// The period (an average month, quarter or year, or whole weeks).
    pub period: Period,
    /// The customer's service hours; 24x7 without.
    pub calendar: Option<Calendar>,
    /// The currency every price is in.
    pub currency: String,
    /// Years over which one-off costs are spread.
    pub contract_years: u32,
    /// What an hour of downtime in service hours costs the business.
    pub downtime_cost_per_hour: Money,
}

/// One option: the internal service or a provider's quote.
#[derive(Clone, Debug)]
pub struct Offer {
    /// `"Internal IT"`, `"Provider A"`.
    pub name: String,
    /// The internal service (compared against), not a quote.
    pub internal: bool,
    /// The currency of its prices.
    pub currency: String,
    /// Price per month.
    pub price_month: Money,
    /// One-off costs.
    pub one_off: Money,
    /// The promised target.
    pub target: Target,
    /// Its measurement period.
    pub period: Period,
    /// Its service hours; 24x7 without.
    pub calendar: Option<Calendar>,
    /// Its credit schedule, if any.
    pub schedule: Option<CreditSchedule>,
    /// Attainment measured on the basis, if known (history).
    pub history: Option<Availability>,
    /// The outage model expected of it.
    pub model: Option<Model>,
}

/// One option on the common basis.
#[derive(Clone, Debug, PartialEq)]
pub struct OfferResult {
    /// The option's name.
    pub name: String,
    /// Whether it is the internal service.
    pub internal: bool,
    /// The promise in words: `99.95% measured quarterly on 24x7`.
    pub promise: String,
    /// Allowed downtime per its own period, as promised.
    pub allowed_own: ExactDuration,
    /// The most downtime the promise allows within one basis period, in its covered hours.
    pub allowed_basis: ExactDuration,
    /// Basis service hours a week that the promise does not cover (downtime there is unlimited).
    pub uncovered_week_seconds: i64,
    /// The target the promise amounts to on the basis (6 decimals, rounded down); `None` if uncovered.
    pub effective_target: Option<String>,
    /// Expected downtime per basis period in its service hours, if history or a model is given.
    pub expected_basis: Option<ExactDuration>,
    /// Whether the expected downtime comes from the outage model (no measured attainment was given).
    pub modelled: bool,
    /// Expected credits a year (mean) and their 90th percentile.
    pub credits_year: Option<(Money, Money)>,
    /// Price a year: 12 months plus one-off costs spread over the contract.
    pub price_year: Money,
    /// Price a year less expected credits plus the cost of expected downtime.
    pub effective_year: Money,
    /// Price a year per hour of allowed downtime a year on the basis; `None` if unlimited or zero.
    pub per_allowed_hour: Option<Money>,
}

/// The options compared, and the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteComparison {
    /// The basis in words: `a month of Mon-Fri 08:00-18:00 in Europe/Berlin (217.45 h)`.
    pub basis: String,
    /// Service seconds in one basis period.
    pub basis_service: ExactDuration,
    /// One per option, in the order given.
    pub offers: Vec<OfferResult>,
    /// Plain words, a sentence a line.
    pub verdict: Vec<String>,
}

fn err(part: String, reason: String) -> Error {
    Error::InvalidValue {
        field: Field::Input,
        part,
        reason,
    }
}

/// Service seconds of `calendar` (24x7 without) in an average or whole-week `period`.
fn service_in(period: &Period, calendar: Option<&Calendar>) -> Result<ExactDuration, Error> {
    match calendar {
        None => Ok(period.length()),
        Some(c) => Ok(crate::budget::ServiceTime::measure(period.clone(), c)?.service()),
    }
}

/// Basis service seconds in the week of 1 June 2026 that `offer` does not cover.
pub(crate) fn uncovered(basis: Option<&Calendar>, offer: Option<&Calendar>) -> Result<i64, Error> {
    let Some(offer) = offer else { return Ok(0) };
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 6, d).unwrap_or_default();
    let wide = offer.schedule(
        NaiveDate::from_ymd_opt(2026, 5, 30).unwrap_or_default(),
        day(10),
    )?;
    let intervals: Vec<(i64, i64)> = match basis {
        Some(b) => b.schedule(day(1), day(8))?.intervals().collect(),
        None => {
            let a = crate::zone::Zone::utc().instant(day(1), 0)?;
            vec![(a, a + 7 * 86_400)]
        }
    };
    Ok(intervals
        .iter()
        .map(|&(a, b)| (b - a) - wide.service_seconds(a, b).unwrap_or(0))
        .sum())
}

fn words(period: &Period, calendar: Option<&Calendar>) -> String {
    format!(
        "measured {} on {}",
        period_adverb(period),
        calendar.map_or("24x7".to_string(), |c| c.summary())
    )
}

fn period_adverb(period: &Period) -> String {
    use crate::period::{Average, Measure};
    match period {
        Period::Average(Average::Day) => "daily".to_string(),
        Period::Average(Average::Month) => "monthly".to_string(),
        Period::Average(Average::Quarter) => "quarterly".to_string(),
        Period::Average(Average::Year) => "yearly".to_string(),
        Period::Average(Average::Week) => period.every_phrase(),
        _ => {
            let seconds = (period.length().as_nanos() / 1_000_000_000) as i64;
            if seconds == Measure::Week.seconds() {
                "weekly".to_string()
            } else if seconds == Measure::Fortnight.seconds() {
                "every two weeks".to_string()
            } else {
                period.every_phrase()
            }
        }
    }
}

/// An expected duration (an estimate) to the nearest second.
fn rounded(d: ExactDuration) -> String {
    ExactDuration::from_seconds(d.as_nanos().saturating_add(500_000_000) / 1_000_000_000)
        .unwrap_or(d)
        .to_string()
}

/// Compares `offers` on `basis`.
///
/// # Example: a provider measuring quarterly on 24x7 against office hours
/// ```
/// use slacalc::calendar::{preset, Calendar};
/// use slacalc::quotes::{compare_offers, Basis, Offer};
/// use slacalc::{zone::Zone, Period, Target};
/// let office = Calendar::new(&preset("8x5").unwrap(), Zone::utc())?;
/// let basis = Basis { period: Period::parse("month")?, calendar: Some(office), currency: "EUR".into(),
///                     contract_years: 3, downtime_cost_per_hour: 0 };
/// let quote = Offer { name: "Provider B".into(), internal: false, currency: "EUR".into(), price_month: 1_000_000_000,
///     one_off: 0, target: Target::parse("99.95")?, period: Period::parse("quarter")?, calendar: None,
///     schedule: None, history: None, model: None };
/// let c = compare_offers(&basis, &[quote])?;
/// // 0.05% of an average quarter (7 889 238 s) is 3 944.619 s, all of which may fall in one month.
/// assert_eq!(c.offers[0].allowed_basis.to_string(), "1 h 5 min 44.619 s");
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] for an offer priced in another currency than the basis; errors of the
/// calendars and periods.
pub fn compare_offers(basis: &Basis, offers: &[Offer]) -> Result<QuoteComparison, Error> {
    let basis_service = service_in(&basis.period, basis.calendar.as_ref())?;
    let basis_len = basis.period.length().as_nanos();
    let week_wall = 604_800i128;
    let basis_week = match &basis.calendar {
        None => week_wall,
        Some(c) => i128::from(c.typical_week_seconds()),
    };
    let money = |m: Money| money_text(m, &basis.currency);
    let per_year_basis = 31_556_952_000_000_000u128 as f64 / basis_len as f64;
    let mut results = Vec::with_capacity(offers.len());
    for (i, o) in offers.iter().enumerate() {
        if o.currency.trim() != basis.currency.trim() {
            return Err(err(
                format!("options[{i}].currency"),
                format!(
                    "{} is priced in {}, the comparison in {}: convert its prices first",
                    o.name, o.currency, basis.currency
                ),
            ));
        }
        let own_service = service_in(&o.period, o.calendar.as_ref())?;
        let allowed_own = own_service
            .mul_div(
                u128::from(o.target.unavailability_parts()),
                u128::from(Target::PARTS),
            )
            .unwrap_or(ExactDuration::ZERO);
        let own_len = o.period.length().as_nanos();
        let allowed_basis = if own_len >= basis_len {
            allowed_own
        } else {
            allowed_own
                .mul_div(u128::from(basis_len), u128::from(own_len))
                .unwrap_or(ExactDuration::MAX)
        };
        let gap = uncovered(basis.calendar.as_ref(), o.calendar.as_ref())?;
        let effective_target = (gap == 0).then(|| {
            let s = u128::from(basis_service.as_nanos()).max(1);
            let a = u128::from(allowed_basis.as_nanos()).min(s);
            format_scaled((s - a) * 100_000_000 / s, 6)
        });
        let expected_basis = match (&o.history, &o.model) {
            (Some(a), _) => {
                let nanos = i128::from(basis_service.as_nanos());
                let down = nanos - nanos * a.micros() / 100_000_000;
                ExactDuration::from_nanos(down.max(0) as u64)
            }
            (None, Some(m)) => {
                let incidents = m.incidents_per_month * basis_len as f64 / 2.629_746e15;
                let share = basis_week as f64 / week_wall as f64;
                let seconds = incidents * m.mean_duration() * share;
                // A model's expectation is a rate, not a measurement: rounded to the nanosecond.
                ExactDuration::from_nanos((seconds * 1e9).min(basis_len as f64).round() as u64)
            }
            (None, None) => None,
        };
        let credits_year = match (&o.schedule, &o.model) {
            (Some(s), Some(m)) => {
                let months =
                    s.cadence.seconds() as f64 / crate::period::Measure::Month.seconds() as f64;
                let charges = round_cents((o.price_month as f64 * months) as Money);
                let r = simulate(s, m, charges, 2_000, 1)?;
                Some((r.mean, r.p90))
            }
            _ => None,
        };
        let price_year = o.price_month * 12 + o.one_off / Money::from(basis.contract_years.max(1));
        let expected_hours_year = expected_basis
            .map(|d| d.as_nanos() as f64 / 3.6e12 * per_year_basis)
            .unwrap_or(0.0);
        let downtime_cost = (expected_hours_year * basis.downtime_cost_per_hour as f64) as Money;
        let effective_year =
            price_year - credits_year.map_or(0, |c| c.0) + round_cents(downtime_cost);
        let allowed_hours_year = allowed_basis.as_nanos() as f64 / 3.6e12 * per_year_basis;
        let per_allowed_hour = (gap == 0 && allowed_hours_year > 0.0)
            .then(|| round_cents((price_year as f64 / allowed_hours_year) as Money));
        results.push(OfferResult {
            name: o.name.clone(),
            internal: o.internal,
            promise: format!("{}% {}", o.target, words(&o.period, o.calendar.as_ref())),
            allowed_own,
            allowed_basis,
            uncovered_week_seconds: gap,
            effective_target,
            expected_basis,
            modelled: o.history.is_none() && expected_basis.is_some(),
            credits_year,
            price_year,
            effective_year,
            per_allowed_hour,
        });
    }
    let basis_words = format!(
        "{} of {}: {} of service",
        basis.period.label(),
        basis
            .calendar
            .as_ref()
            .map_or("24x7".to_string(), |c| c.summary()),
        basis_service.to_hours_string()
    );
    let verdict = verdict(&results, &basis_words, &money);
    Ok(QuoteComparison {
        basis: basis_words,
        basis_service,
        offers: results,
        verdict,
    })
}

fn verdict(results: &[OfferResult], basis: &str, money: &dyn Fn(Money) -> String) -> Vec<String> {
    let mut lines = vec![format!("Everything below is on one basis: {basis}.")];
    let internal = results.iter().find(|r| r.internal);
    for r in results.iter().filter(|r| !r.internal) {
        let mut line = format!(
            "{} promises {}: on your basis that allows up to {} of downtime",
            r.name, r.promise, r.allowed_basis
        );
        if let Some(i) = internal {
            if let Some(e) = i.expected_basis {
                line.push_str(&format!(
                    ", {} the internal service's expected {}",
                    if r.allowed_basis > e {
                        "more than"
                    } else if r.allowed_basis < e {
                        "less than"
                    } else {
                        "the same as"
                    },
                    rounded(e)
                ));
            }
        }
        line.push('.');
        if r.uncovered_week_seconds > 0 {
            line.push_str(&format!(
                " Its service hours leave {} of your service hours a week uncovered: downtime there is not limited at all.",
                ExactDuration::from_seconds(r.uncovered_week_seconds as u64)
                    .unwrap_or(ExactDuration::ZERO)
                    .to_hours_string()
            ));
        }
        lines.push(line);
        if let Some(i) = internal {
            let diff = r.effective_year - i.effective_year;
            lines.push(format!(
                "{} costs {} a year after expected credits and downtime: {} {} the internal service ({}).",
                r.name,
                money(r.effective_year),
                money(diff.abs()),
                if diff > 0 {
                    "more than"
                } else if diff < 0 {
                    "less than"
                } else {
                    "the same as"
                },
                money(i.effective_year)
            ));
        }
        if r.credits_year.is_none() {
            lines.push(format!(
                "{} has no credit schedule or no outage model here: no credits are counted for it.",
                r.name
            ));
        }
    }
    // Options without history under the same outage model are expected to be down alike: say so, so that
    // nobody reads a difference into them.
    let mut told: Vec<Option<ExactDuration>> = Vec::new();
    for r in results.iter().filter(|r| r.modelled) {
        if told.contains(&r.expected_basis) {
            continue;
        }
        told.push(r.expected_basis);
        let alike: Vec<&str> = results
            .iter()
            .filter(|x| x.modelled && x.expected_basis == r.expected_basis)
            .map(|x| x.name.as_str())
            .collect();
        if let [rest @ .., last] = alike.as_slice() {
            if !rest.is_empty() {
                lines.push(format!(
                    "{} and {last} have no measured attainment here, so the outage model gives each the same expected downtime ({}): only their promises, credits and prices tell them apart.",
                    rest.join(", "),
                    r.expected_basis.map(rounded).unwrap_or_default()
                ));
            }
        }
    }
    lines
}
