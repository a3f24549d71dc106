//! # slacalc: exact service-level-agreement arithmetic
//!
//! What does "99.9% availability, measured monthly" allow? slacalc answers exactly: a [`Target`] over a
//! [`Period`] gives a [`Budget`] of allowed downtime, and a downtime over a period gives the availability
//! [`Achieved`]. No floating point touches a figure: 99.9% of an average Gregorian month is 2 629.746 s,
//! not 2 629.7459999.
//!
//! ```
//! use slacalc::{Budget, Period, Target};
//! let budget = Budget::new(Target::parse("99.9")?, Period::parse("month")?);
//! assert_eq!(budget.allowed().to_string(), "43 min 49.746 s");
//! assert_eq!(budget.period().label(), "average Gregorian month (30.436875 days)");
//! # Ok::<(), slacalc::Error>(())
//! ```
//!
//! The conventions (period lengths, rounding) are in [`conventions`], and in detail in [`period`] and
//! [`budget`]. The JavaScript
//! API is a separate crate (`wasm/`) that only converts between JavaScript values and this crate's types.
#![deny(missing_docs)]

pub mod api;
/// The conventions every figure follows (the text of `docs/conventions.md`, whose examples run as tests).
#[doc = include_str!("../docs/conventions.md")]
pub mod conventions {}
pub mod attainment;
pub mod budget;
pub mod calendar;
#[cfg(feature = "chain")]
pub mod chain;
pub mod decimal;
pub mod duration;
pub mod error;
pub mod ics;
pub mod outage;
pub mod penalty;
pub mod period;
pub mod quotes;
pub mod risk;
pub mod target;
pub mod tickets;
pub mod value;
pub mod zone;

pub use budget::{table, Achieved, Budget, COMMON_TARGETS};
pub use duration::ExactDuration;
pub use error::{Error, Field};
pub use period::{Average, CalendarKind, CalendarPeriod, Period};
pub use target::Target;
