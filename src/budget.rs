//! Availability budgets: what a target allows over a period, and what a downtime achieved.
//!
//! # Rounding
//! - Allowed downtime is exact: `period x (100 - target) / 100` has at most 8 decimal places of a second
//!   for every period (all periods are whole seconds and targets have at most 6 decimal places).
//! - Achieved availability is compared with a target exactly, as a fraction. It is displayed rounded
//!   **down** to 6 decimal places, so an unmet target never looks met: 1 s of downtime in a day is
//!   99.998842592...% and shows as `99.998842`.
//! - Nines are `-log10(1 - availability)`, rounded down to 2 decimal places; the whole part is exact
//!   (99.9% is exactly 3 nines, 99.95% is 3.30).

use crate::calendar::Calendar;
use crate::decimal::format_fixed;
use crate::duration::{approximate, ExactDuration};
use crate::error::Error;
use crate::period::{Average, Period};
use crate::target::Target;

/// What a target allows over a period.
///
/// # Example: 99% measured every two weeks
/// ```
/// use slacalc::{Budget, Period, Target};
/// let b = Budget::new(Target::parse("99")?, Period::parse("P14D")?);
/// assert_eq!(b.allowed().seconds_decimal(), "12096");
/// assert_eq!(b.allowed().to_string(), "3 h 21 min 36 s");
/// assert_eq!(
///     b.sentence(),
///     "99% measured over 14 days allows 3 h 21 min 36 s of downtime: the service may be down \
///      for about 3.4 hours every fortnight and still meet its target."
/// );
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    target: Target,
    period: Period,
    allowed: ExactDuration,
}

impl Budget {
    /// The budget of `target` over `period`.
    pub fn new(target: Target, period: Period) -> Budget {
        let allowed = allowance(target, period.length());
        Budget {
            target,
            period,
            allowed,
        }
    }

    /// The target.
    pub fn target(&self) -> Target {
        self.target
    }

    /// The period.
    pub fn period(&self) -> &Period {
        &self.period
    }

    /// The allowed downtime over the whole period, exact.
    pub fn allowed(&self) -> ExactDuration {
        self.allowed
    }

    /// The same target's allowance over another length of time (a day, a week, an average month), for
    /// comparison.
    pub fn allowed_per(&self, length: ExactDuration) -> ExactDuration {
        allowance(self.target, length)
    }

    /// One sentence that explains the budget to a person.
    pub fn sentence(&self) -> String {
        let target = self.target;
        let over = self.period.over_phrase();
        if self.allowed.is_zero() {
            return format!(
                "{target}% measured over {over} allows no downtime at all: any outage, however short, \
                 misses the target."
            );
        }
        format!(
            "{target}% measured over {over} allows {} of downtime: the service may be down for {} {} \
             and still meet its target.",
            self.allowed,
            approximate(self.allowed),
            self.period.every_phrase()
        )
    }
}

/// What a target allows over the service hours of a calendar in a period, beside the same target on 24x7.
///
/// # Service time in a period
/// - A calendar period (`2026-03`, `2026-Q1`, `2026-W09`, a date range) is taken in the calendar's time
///   zone, from local midnight to local midnight, with its holidays, exclusions and clock changes.
/// - A whole number of weeks (`week`, `P2W`, `P14D`) and the average `month`, `quarter` and `year` count
///   typical weeks: the weekly hours less weekly and daily exclusions, without holidays, monthly
///   exclusions or clock changes. An average month is 30.436875 / 7 = 4.348125 typical weeks. Allowed
///   downtime is then rounded down to the nanosecond.
/// - Other lengths (a day, `P10D`, `PT12H`) have no meaningful share of a weekly schedule and are refused.
///
/// # Example: 99% of office hours over a fortnight
/// ```
/// use slacalc::budget::ServiceBudget;
/// use slacalc::calendar::{preset, Calendar};
/// use slacalc::{Period, Target, zone::Zone};
/// let office = Calendar::new(&preset("8x5").unwrap(), Zone::utc())?;
/// let b = ServiceBudget::new(Target::parse("99")?, Period::parse("P14D")?, &office)?;
/// assert_eq!(b.service().to_hours_string(), "80 h");
/// assert_eq!(b.allowed().to_string(), "48 min");
/// assert_eq!(b.plain().allowed().to_string(), "3 h 21 min 36 s");
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceBudget {
    plain: Budget,
    time: ServiceTime,
    allowed: ExactDuration,
}

/// The service time of a calendar in a period, and how it was counted (see [`ServiceBudget`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceTime {
    period: Period,
    service: ExactDuration,
    basis: String,
    summary: String,
}

impl ServiceTime {
    /// Counts the service time of `calendar` in `period`.
    ///
    /// # Errors
    /// [`Error::UnsupportedServicePeriod`] for lengths that are not whole weeks or Gregorian averages,
    /// [`Error::NoServiceTime`] when the calendar has no service time in the period.
    pub fn measure(period: Period, calendar: &Calendar) -> Result<ServiceTime, Error> {
        let zone = calendar.zone().name().to_string();
        let week = ExactDuration::from_seconds(calendar.typical_week_seconds().max(0) as u64)
            .unwrap_or(ExactDuration::ZERO);
        let typical = |weeks_num: u128, weeks_den: u128, words: String| {
            let service = week
                .mul_div(weeks_num, weeks_den)
                .unwrap_or(ExactDuration::ZERO);
            let basis = format!(
                "{words} of {} ({zone}; holidays and clock changes not counted)",
                week.to_hours_string()
            );
            (service, basis)
        };
        let length = period.length().as_nanos() / 1_000_000_000;
        let (service, basis) = match &period {
            Period::Calendar(c) => {
                let seconds = calendar.schedule(c.start(), c.end())?.total_seconds();
                let service = ExactDuration::from_seconds(seconds.max(0) as u64)
                    .unwrap_or(ExactDuration::ZERO);
                (
                    service,
                    format!("service hours in {} ({zone})", period.over_phrase()),
                )
            }
            Period::Average(Average::Month | Average::Quarter | Average::Year) => {
                let words = format!("{} typical weeks", format_weeks(length));
                typical(u128::from(length), 604_800, words)
            }
            _ if length % 604_800 == 0 => {
                let n = length / 604_800;
                let words = if n == 1 {
                    "1 typical week".to_string()
                } else {
                    format!("{n} typical weeks")
                };
                typical(u128::from(n), 1, words)
            }
            _ => {
                return Err(Error::UnsupportedServicePeriod {
                    value: period.label(),
                })
            }
        };
        if service.is_zero() {
            return Err(Error::NoServiceTime {
                period: period.over_phrase(),
            });
        }
        Ok(ServiceTime {
            period,
            service,
            basis,
            summary: summary(calendar),
        })
    }

    /// The period.
    pub fn period(&self) -> &Period {
        &self.period
    }

    /// Service time in the period.
    pub fn service(&self) -> ExactDuration {
        self.service
    }

    /// How the service time was counted: `service hours in March 2026 (Europe/London)`.
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// The weekly hours and zone in short: `Mon-Fri 09:00-17:00 in Europe/London`.
    pub fn summary(&self) -> &str {
        &self.summary
    }
}

impl ServiceBudget {
    /// The budget of `target` over the service hours of `calendar` in `period`.
    ///
    /// # Errors
    /// As [`ServiceTime::measure`].
    pub fn new(
        target: Target,
        period: Period,
        calendar: &Calendar,
    ) -> Result<ServiceBudget, Error> {
        let time = ServiceTime::measure(period.clone(), calendar)?;
        Ok(ServiceBudget {
            plain: Budget::new(target, period),
            allowed: allowance(target, time.service()),
            time,
        })
    }

    /// The same target over the period on 24x7, for contrast.
    pub fn plain(&self) -> &Budget {
        &self.plain
    }

    /// Service time in the period, and how it was counted.
    pub fn time(&self) -> &ServiceTime {
        &self.time
    }

    /// Service time in the period.
    pub fn service(&self) -> ExactDuration {
        self.time.service()
    }

    /// Allowed downtime within the service time.
    pub fn allowed(&self) -> ExactDuration {
        self.allowed
    }

    /// How the service time was counted: `service hours in March 2026 (Europe/London)`.
    pub fn basis(&self) -> &str {
        self.time.basis()
    }

    /// The weekly hours and zone in short: `Mon-Fri 09:00-17:00 in Europe/London`.
    pub fn summary(&self) -> &str {
        self.time.summary()
    }

    /// One sentence that sets the calendar's budget beside 24x7.
    pub fn sentence(&self) -> String {
        let target = self.plain.target();
        format!(
            "{target}% of {} over {} allows {} of downtime in {} of service; {target}% of 24x7 allows {}.",
            self.summary(),
            self.plain.period().over_phrase(),
            self.allowed,
            self.service().to_hours_string(),
            self.plain.allowed()
        )
    }
}

/// The calendar in short, with what it takes away: `Mon-Fri 09:00-17:00 less 1 maintenance window and
/// 2 holiday rules in Europe/London`.
fn summary(calendar: &Calendar) -> String {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    let (holidays, exclusions) = calendar.rule_counts();
    let less: Vec<String> = [
        (exclusions, "maintenance window"),
        (holidays, "holiday rule"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| count(*n, what))
    .collect();
    let less = if less.is_empty() {
        String::new()
    } else {
        format!(" less {}", less.join(" and "))
    };
    format!("{}{less} in {}", calendar.summary(), calendar.zone().name())
}

/// A whole number of seconds as weeks, exactly: 2 629 746 s is `4.348125`.
fn format_weeks(seconds: u64) -> String {
    crate::decimal::format_scaled(u128::from(seconds) * 1_000_000 / 604_800, 6)
}

/// `length x (100 - target) / 100`, exact for whole-second lengths.
fn allowance(target: Target, length: ExactDuration) -> ExactDuration {
    length
        .mul_div(
            u128::from(target.unavailability_parts()),
            u128::from(Target::PARTS),
        )
        .unwrap_or(ExactDuration::ZERO)
}

/// The availability a downtime achieved over a period.
///
/// # Example: 1 h 20 min down in an average month
/// ```
/// use slacalc::{Achieved, ExactDuration, Field, Period, Target};
/// let a = Achieved::new(ExactDuration::parse("PT1H20M", Field::Downtime)?, Period::parse("month")?)?;
/// // (2 629 746 - 4 800) / 2 629 746 = 99.8174728...%
/// assert_eq!(a.availability(6), "99.817472");
/// assert_eq!(a.nines(), Some(2.73));
/// assert!(!a.meets(Target::parse("99.9")?));
/// assert!(a.meets(Target::parse("99.8")?));
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Achieved {
    downtime: ExactDuration,
    period: Period,
    /// The time the availability is measured against: the period, or its service time.
    total: ExactDuration,
    /// How sentences say what was measured: "an average Gregorian month ...", "176 h of service in ...".
    over: String,
}

impl Achieved {
    /// The availability of `period` with `downtime` of it lost.
    ///
    /// # Errors
    /// [`Error::DowntimeExceedsPeriod`] if the downtime is longer than the period.
    pub fn new(downtime: ExactDuration, period: Period) -> Result<Achieved, Error> {
        let over = period.over_phrase();
        Achieved::measured(downtime, period.length(), period, over)
    }

    /// The availability of a calendar's service time in a period with `downtime` of service time lost.
    ///
    /// # Errors
    /// [`Error::DowntimeExceedsPeriod`] if the downtime is longer than the service time.
    pub fn in_service(downtime: ExactDuration, time: &ServiceTime) -> Result<Achieved, Error> {
        let over = format!(
            "{} of service ({}) in {}",
            time.service().to_hours_string(),
            time.summary(),
            time.period().over_phrase()
        );
        Achieved::measured(downtime, time.service(), time.period().clone(), over)
    }

    fn measured(
        downtime: ExactDuration,
        total: ExactDuration,
        period: Period,
        over: String,
    ) -> Result<Achieved, Error> {
        if downtime > total {
            return Err(Error::DowntimeExceedsPeriod {
                downtime: downtime.to_string(),
                period: total.to_string(),
            });
        }
        Ok(Achieved {
            downtime,
            period,
            total,
            over,
        })
    }

    /// The time measured against: the period's length, or its service time.
    pub fn total(&self) -> ExactDuration {
        self.total
    }

    /// The downtime.
    pub fn downtime(&self) -> ExactDuration {
        self.downtime
    }

    /// The period.
    pub fn period(&self) -> &Period {
        &self.period
    }

    fn up_and_total(&self) -> (u128, u128) {
        let total = u128::from(self.total.as_nanos());
        (total - u128::from(self.downtime.as_nanos()), total)
    }

    /// The availability in percent, rounded down to `decimals` places (at most 12).
    pub fn availability(&self, decimals: u32) -> String {
        let decimals = decimals.min(12);
        let (up, total) = self.up_and_total();
        let scaled = up * 100 * 10u128.pow(decimals) / total;
        format_fixed(scaled, decimals, decimals)
    }

    /// Whether [`Achieved::availability`] with `decimals` places is exact (nothing was rounded away).
    pub fn availability_is_exact(&self, decimals: u32) -> bool {
        let (up, total) = self.up_and_total();
        (up * 100 * 10u128.pow(decimals.min(12))) % total == 0
    }

    /// Whether the availability meets `target`, compared exactly.
    pub fn meets(&self, target: Target) -> bool {
        let (up, total) = self.up_and_total();
        up * u128::from(Target::PARTS) >= u128::from(target.micros()) * total
    }

    /// The number of nines, `-log10(1 - availability)`, rounded down to 2 decimals; `None` without downtime.
    pub fn nines(&self) -> Option<f64> {
        let down = u128::from(self.downtime.as_nanos());
        let (_, total) = self.up_and_total();
        if down == 0 {
            return None;
        }
        let mut whole = 0u32;
        let mut power = 1u128;
        while down * power * 10 <= total {
            whole += 1;
            power *= 10;
        }
        // total / (down * 10^whole) lies in [1, 10): its log10 is the fraction.
        let rest = total as f64 / (down * power) as f64;
        let hundredths = (rest.log10() * 100.0).floor().clamp(0.0, 99.0);
        Some(f64::from(whole) + hundredths / 100.0)
    }

    /// One sentence that explains the result.
    pub fn sentence(&self, target: Option<Target>) -> String {
        let shown = self.availability(6);
        let base = format!(
            "{} of downtime over {} is {shown}% availability",
            self.downtime, self.over
        );
        let Some(t) = target else {
            return format!("{base}.");
        };
        let allowed = allowance(t, self.total);
        match allowed.checked_sub(self.downtime) {
            Some(left) if self.meets(t) => format!(
                "{base}: it meets the {t}% target with {left} of the {allowed} allowed to spare."
            ),
            _ => {
                let over_by = self
                    .downtime
                    .checked_sub(allowed)
                    .unwrap_or(ExactDuration::ZERO);
                format!("{base}: it misses the {t}% target, which allows {allowed}, by {over_by}.")
            }
        }
    }

    /// The downtime `target` allows over what was measured.
    pub fn allowed(&self, target: Target) -> ExactDuration {
        allowance(target, self.total)
    }
}

/// The targets of [`table`]: the ones contracts use most.
pub const COMMON_TARGETS: [&str; 8] =
    ["90", "95", "99", "99.5", "99.9", "99.95", "99.99", "99.999"];

/// Allowed downtime for each of [`COMMON_TARGETS`] (rows) over each [`Average`] period (columns).
///
/// # Example: the 99.9% row
/// ```
/// let rows = slacalc::table();
/// let (target, cells) = &rows[4];
/// assert_eq!(target.to_string(), "99.9");
/// let text: Vec<String> = cells.iter().map(|d| d.to_string()).collect();
/// assert_eq!(text, ["1 min 26.4 s", "10 min 4.8 s", "43 min 49.746 s", "2 h 11 min 29.238 s", "8 h 45 min 56.952 s"]);
/// ```
pub fn table() -> Vec<(Target, [ExactDuration; 5])> {
    COMMON_TARGETS
        .iter()
        .filter_map(|t| Target::parse(t).ok())
        .map(|t| (t, Average::ALL.map(|a| allowance(t, a.length()))))
        .collect()
}

/// The periods of [`service_table`]: a day has no fixed service hours on a weekly calendar.
pub const SERVICE_PERIODS: [Average; 4] = [
    Average::Week,
    Average::Month,
    Average::Quarter,
    Average::Year,
];

/// Allowed downtime for each of [`COMMON_TARGETS`] over the service hours of `calendar` in a typical
/// week and the average month, quarter and year (counted in typical weeks, as [`ServiceTime`] does), and
/// the service time of each of those periods.
///
/// # Example: office hours, 40 h a week
/// ```
/// use slacalc::calendar::{hours, Calendar};
/// use slacalc::zone::Zone;
/// let office = Calendar::new(&hours::parse("Mon-Fri 09:00-17:00")?, Zone::utc())?;
/// let (service, rows) = slacalc::budget::service_table(&office)?;
/// // 40 h a week; an average month is 4.348125 weeks: 173 h 55 min 30 s.
/// assert_eq!(service[1].to_string(), "7 d 5 h 55 min 30 s");
/// // 0.1% of 144 000 s and of 626 130 s.
/// assert_eq!(rows[4].1[0].to_string(), "2 min 24 s");
/// assert_eq!(rows[4].1[1].to_string(), "10 min 26.13 s");
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::NoServiceTime`] for a calendar without service hours.
#[allow(clippy::type_complexity)]
pub fn service_table(
    calendar: &Calendar,
) -> Result<([ExactDuration; 4], Vec<(Target, [ExactDuration; 4])>), Error> {
    let mut service = [ExactDuration::ZERO; 4];
    for (i, a) in SERVICE_PERIODS.iter().enumerate() {
        service[i] = ServiceTime::measure(Period::Average(*a), calendar)?.service();
    }
    let rows = COMMON_TARGETS
        .iter()
        .filter_map(|t| Target::parse(t).ok())
        .map(|t| (t, service.map(|s| allowance(t, s))))
        .collect();
    Ok((service, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Field;

    #[track_caller]
    fn allowed(target: &str, period: &str) -> String {
        Budget::new(
            Target::parse(target).unwrap(),
            Period::parse(period).unwrap(),
        )
        .allowed()
        .seconds_decimal()
    }

    #[track_caller]
    fn achieved(downtime: &str, period: &str) -> Achieved {
        Achieved::new(
            ExactDuration::parse(downtime, Field::Downtime).unwrap(),
            Period::parse(period).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn hand_worked_budgets() {
        // 14 d = 1 209 600 s; 1% of it is 12 096 s.
        assert_eq!(allowed("99", "P14D"), "12096");
        // 0.1% of 2 629 746 s.
        assert_eq!(allowed("99.9", "month"), "2629.746");
        // February 2026: 28 d = 2 419 200 s; 0.1% is 2 419.2 s.
        assert_eq!(allowed("99.9", "2026-02"), "2419.2");
        // 0.1% of 86 400 s.
        assert_eq!(allowed("99.9", "day"), "86.4");
        assert_eq!(allowed("100", "year"), "0");
        // 0.000001% of a day: 86 400 s / 10^8 = 0.000864 s.
        assert_eq!(allowed("99.999999", "day"), "0.000864");
        // 0.000001% of a day, target just above zero: 86 400 * (100 - 0.000001) / 100.
        assert_eq!(allowed("0.000001", "day"), "86399.999136");
    }

    /// Source: uptime.is, which uses the average Gregorian year of 365.2425 days (figures for 99.9%:
    /// daily 1m 26s, weekly 10m 4.8s, monthly 43m 49.7s, quarterly 2h 11m 29s, yearly 8h 45m 57s).
    #[test]
    fn published_gregorian_figures() {
        assert_eq!(allowed("99.9", "week"), "604.8");
        assert_eq!(allowed("99.9", "quarter"), "7889.238");
        assert_eq!(allowed("99.9", "year"), "31556.952");
        assert_eq!(allowed("99.99", "month"), "262.9746");
    }

    /// Source: Google SRE book, "Availability table" (365-day year): 99.9% allows 8.76 hours a year and
    /// 99.99% allows 52.56 minutes.
    #[test]
    fn published_365_day_figures() {
        assert_eq!(
            allowed("99.9", "P365D"),
            (8.76f64 * 3600.0).round().to_string()
        );
        assert_eq!(allowed("99.99", "P365D"), "3153.6");
    }

    #[test]
    fn availability_is_rounded_down_and_compared_exactly() {
        // 1 s in a day: 86 399 / 86 400 = 99.99884259259...%
        let a = achieved("1", "day");
        assert_eq!(a.availability(6), "99.998842");
        assert!(!a.availability_is_exact(6));
        // 86.4 s in a day is exactly 99.9% and meets 99.9%.
        let a = achieved("86.4", "day");
        assert_eq!(a.availability(6), "99.900000");
        assert!(a.availability_is_exact(6));
        assert!(a.meets(Target::parse("99.9").unwrap()));
        assert_eq!(a.nines(), Some(3.0));
        // One nanosecond more misses it although it shows as 99.899999.
        let a = achieved("86.400000001", "day");
        assert_eq!(a.availability(6), "99.899999");
        assert!(!a.meets(Target::parse("99.9").unwrap()));
        assert_eq!(a.nines(), Some(2.99));
        assert_eq!(achieved("0", "day").nines(), None);
        assert_eq!(achieved("P1D", "day").availability(6), "0.000000");
        assert_eq!(achieved("P1D", "day").nines(), Some(0.0));
        // 0.05% of a day: 43.2 s -> 99.95% -> log10(2000) = 3.30103
        assert_eq!(achieved("43.2", "day").nines(), Some(3.30));
    }

    #[test]
    fn downtime_longer_than_the_period_is_an_error() {
        let err = Achieved::new(
            ExactDuration::parse("P2D", Field::Downtime).unwrap(),
            Period::parse("day").unwrap(),
        )
        .unwrap_err();
        assert_eq!(err.field(), Field::Downtime);
        assert_eq!(err.code(), "exceeds_period");
    }

    #[test]
    fn service_budgets() {
        use crate::calendar::preset;
        use crate::zone::Zone;
        let office = Calendar::new(&preset("8x5").unwrap(), Zone::utc()).unwrap();
        let b = |t: &str, p: &str| {
            ServiceBudget::new(
                Target::parse(t).unwrap(),
                Period::parse(p).unwrap(),
                &office,
            )
        };
        // March 2026 has 22 weekdays: 176 h; 0.1% = 633.6 s.
        let march = b("99.9", "2026-03").unwrap();
        assert_eq!(
            march.service().seconds_decimal(),
            (22 * 8 * 3600).to_string()
        );
        assert_eq!(march.allowed().seconds_decimal(), "633.6");
        assert_eq!(march.basis(), "service hours in March 2026 (UTC)");
        // An average month is 4.348125 typical weeks of 40 h: 626 130 s; 0.1% = 626.13 s.
        let month = b("99.9", "month").unwrap();
        assert_eq!(month.service().seconds_decimal(), "626130");
        assert_eq!(month.allowed().seconds_decimal(), "626.13");
        assert_eq!(
            month.basis(),
            "4.348125 typical weeks of 40 h (UTC; holidays and clock changes not counted)"
        );
        assert_eq!(
            b("99", "P14D").unwrap().sentence(),
            "99% of Mon-Fri 09:00-17:00 in UTC over 14 days allows 48 min of downtime in 80 h of service; \
             99% of 24x7 allows 3 h 21 min 36 s."
        );
        // 1 h down in March 2026's 176 office hours: 175 / 176 = 99.431818...%
        let down = ExactDuration::parse("PT1H", Field::Downtime).unwrap();
        let a = Achieved::in_service(down, march.time()).unwrap();
        assert_eq!(a.availability(6), "99.431818");
        assert!(!a.meets(Target::parse("99.5").unwrap()));
        assert_eq!(
            a.sentence(Some(Target::parse("99").unwrap())),
            "1 h of downtime over 176 h of service (Mon-Fri 09:00-17:00 in UTC) in March 2026 is 99.431818% \
             availability: it meets the 99% target with 45 min 36 s of the 1 h 45 min 36 s allowed to spare."
        );
        let too_much = ExactDuration::parse("PT177H", Field::Downtime).unwrap();
        assert_eq!(
            Achieved::in_service(too_much, march.time())
                .unwrap_err()
                .code(),
            "exceeds_period"
        );
        assert_eq!(b("99", "day").unwrap_err().code(), "unsupported_period");
        let mut spec = preset("24x7-maintenance").unwrap();
        spec.holidays = vec!["12-25".into(), "easter-2".into()];
        let busy = Calendar::new(&spec, Zone::utc()).unwrap();
        let busy_week = ServiceBudget::new(
            Target::parse("99").unwrap(),
            Period::parse("week").unwrap(),
            &busy,
        )
        .unwrap();
        assert_eq!(
            busy_week.summary(),
            "24x7 less 1 maintenance window and 2 holiday rules in UTC"
        );
        assert_eq!(b("99", "P10D").unwrap_err().code(), "unsupported_period");
        // A weekend has no office hours.
        let weekend = b("99", "2026-03-07/2026-03-09").unwrap_err();
        assert_eq!(
            (weekend.code(), weekend.field()),
            ("no_service_time", Field::Calendar)
        );
    }

    #[test]
    fn sentences() {
        let s = |t: &str, p: &str| {
            Budget::new(Target::parse(t).unwrap(), Period::parse(p).unwrap()).sentence()
        };
        assert_eq!(
            s("99.9", "month"),
            "99.9% measured over an average Gregorian month (30.436875 days) allows 43 min 49.746 s of downtime: \
             the service may be down for about 44 minutes every month and still meet its target."
        );
        assert_eq!(
            s("99.9", "2026-02"),
            "99.9% measured over February 2026 allows 40 min 19.2 s of downtime: the service may be down for \
             about 40 minutes in February 2026 and still meet its target."
        );
        assert_eq!(
            s("100", "week"),
            "100% measured over a week allows no downtime at all: any outage, however short, misses the target."
        );
        assert_eq!(
            achieved("PT1H", "day").sentence(Some(Target::parse("99").unwrap())),
            "1 h of downtime over a day is 95.833333% availability: it misses the 99% target, which allows \
             14 min 24 s, by 45 min 36 s."
        );
        assert_eq!(
            achieved("PT10M", "day").sentence(Some(Target::parse("99").unwrap())),
            "10 min of downtime over a day is 99.305555% availability: it meets the 99% target with \
             4 min 24 s of the 14 min 24 s allowed to spare."
        );
    }
}
