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
//! Availability is compared with every bound exactly. Amounts are computed to a millionth of the currency
//! unit (rounded down at each step), and each period's credit is then rounded half up to the cent; totals
//! are sums of the rounded credits, as on an invoice.

use crate::decimal::format_scaled;
use crate::duration::{ExactDuration, SignedDuration};
use crate::error::{Error, Field};
use crate::period::Measure;
use crate::target::Target;
use crate::value::{invalid, Object, Value};

mod band;
mod explain;
mod periods;
mod quick;
mod rules;
mod schedule;
mod terms;

use band::{pct, point_words, Bound};
pub use band::{Availability, Band};
pub use periods::{exported_periods, periods_from_value, PeriodInput};
pub use quick::{Quick, QuickTable};
use rules::{fees_for, level_cost, share};
pub use rules::{money_text, round_cents, CreditLine, Credits};
use schedule::check_coverage;
pub use schedule::{Amount, Beyond, CreditRule, CreditSchedule, Level, Tier};

/// Amounts of money in millionths of the currency unit.
pub type Money = i128;

/// Millionths in a currency unit.
pub const UNIT: Money = 1_000_000;

/// Percentages are held in millionths of a percent: 100% is 100 000 000.
const HUNDRED: u128 = 100_000_000;

/// The published schedules in slacalc's domain notes, and example structures from outsourcing practice.
/// Each says where it comes from; none is advice, and providers change their terms.
pub const PRESETS: &str = include_str!("../presets.json");
