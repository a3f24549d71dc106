//! Budgets and achieved availability: `budget`, `achieved`, `table` and `serviceTable`.

use chrono::Datelike;
use serde::Serialize;
use ts_rs::TS;

use super::{duration_from, get, object, period_from, target_from, CalendarInput, Zones};
use crate::budget::{self, Achieved, Budget, ServiceBudget};
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::period::{Average, Period};
use crate::target::Target;
use crate::value::Value;

/// Input of `budget`.
#[derive(Debug, TS)]
#[ts(rename_all = "camelCase")]
pub struct BudgetInput {
    /// The availability target in percent, 0 < target <= 100, up to 6 decimals: `"99.9"` or `99.9`.
    #[ts(type = "string | number")]
    pub target: Target,
    /// `"day"`..`"year"` (Gregorian averages), an ISO 8601 duration (`"P14D"`), a calendar period
    /// (`"2026-02"`, `"2026-Q1"`, `"2026"`, `"2026-W09"`) or a date range (`"2026-03-01/2026-03-15"`).
    #[ts(type = "string")]
    pub period: Period,
    /// Optional service calendar: the result's `service` then gives the budget over its service hours.
    /// Hours text (`"Mon-Fri 08:00-18:00"`, in UTC) or a `CalendarInput`.
    #[ts(optional, type = "string | CalendarInput | null")]
    pub calendar: Option<CalendarInput>,
}

impl BudgetInput {
    /// Reads the request, field by field in the order the page shows them.
    pub fn read(input: &Value) -> Result<BudgetInput, Error> {
        let input = object(input)?;
        Ok(BudgetInput {
            target: target_from(get(input, "target"))?,
            period: period_from(get(input, "period"))?,
            calendar: CalendarInput::optional(get(input, "calendar"))?,
        })
    }
}

/// Input of `achieved`.
#[derive(Debug, TS)]
#[ts(rename_all = "camelCase")]
pub struct AchievedInput {
    /// The downtime: an ISO 8601 duration (`"PT1H20M"`), text (`"1 h 20 min"`) or a number of seconds.
    #[ts(type = "string | number")]
    pub downtime: ExactDuration,
    /// The period, as for `budget`.
    #[ts(type = "string")]
    pub period: Period,
    /// Optional target to compare with.
    #[ts(optional, type = "string | number | null")]
    pub target: Option<Target>,
    /// Optional service calendar: the downtime is then service time lost, measured against the service
    /// hours in the period. Hours text or a `CalendarInput`.
    #[ts(optional, type = "string | CalendarInput | null")]
    pub calendar: Option<CalendarInput>,
}

impl AchievedInput {
    /// Reads the request: the period, the downtime, the target, then the calendar.
    pub fn read(input: &Value) -> Result<AchievedInput, Error> {
        let input = object(input)?;
        let period = period_from(get(input, "period"))?;
        let downtime = duration_from(get(input, "downtime"), Field::Downtime)?;
        let target = match get(input, "target") {
            None => None,
            v => Some(target_from(v)?),
        };
        Ok(AchievedInput {
            downtime,
            period,
            target,
            calendar: CalendarInput::optional(get(input, "calendar"))?,
        })
    }
}

/// A length of time, exactly and for people.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DurationText {
    /// Exact seconds as a decimal string: `"2629.746"`.
    pub seconds: String,
    /// For people: `"43 min 49.746 s"`.
    pub text: String,
}

impl From<ExactDuration> for DurationText {
    fn from(d: ExactDuration) -> Self {
        DurationText {
            seconds: d.seconds_decimal(),
            text: d.to_string(),
        }
    }
}

/// The period a result is about.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodInfo {
    /// Which convention: a Gregorian average, a fixed duration or calendar dates.
    #[ts(type = r#""average" | "duration" | "calendar""#)]
    pub period_kind: &'static str,
    /// The period and its convention: `"average Gregorian month (30.436875 days)"`.
    pub period_label: String,
    /// Exact length in seconds: `"2629746"`.
    pub period_seconds: String,
    /// Length in days, rounded down to 9 decimals: `"30.436875"`.
    pub period_days: String,
    /// First instant of a calendar period (ISO 8601, UTC), else null.
    #[ts(type = "string | null")]
    pub period_start: Option<String>,
    /// The instant a calendar period ends (exclusive), else null.
    #[ts(type = "string | null")]
    pub period_end: Option<String>,
}

impl From<&Period> for PeriodInfo {
    fn from(p: &Period) -> Self {
        let instant = |d: chrono::NaiveDate| {
            format!("{:04}-{:02}-{:02}T00:00:00Z", d.year(), d.month(), d.day())
        };
        PeriodInfo {
            period_kind: p.kind(),
            period_label: p.label(),
            period_seconds: p.length().seconds_decimal(),
            period_days: p.length().days_decimal(),
            period_start: p.calendar().map(|c| instant(c.start())),
            period_end: p.calendar().map(|c| instant(c.end())),
        }
    }
}

/// What a target allows over a period.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BudgetResult {
    /// The target as read, without trailing zeros: `"99.9"`.
    pub target: String,
    /// The share of the period that may be lost, in percent: `"0.1"`.
    pub unavailability_percent: String,
    /// The period.
    #[serde(flatten)]
    pub period: PeriodInfo,
    /// Exact allowed downtime in seconds: `"2629.746"`.
    pub allowed_downtime_seconds: String,
    /// Allowed downtime for people: `"43 min 49.746 s"`.
    pub allowed_downtime: String,
    /// The same target over a day of 24 hours.
    pub per_day: DurationText,
    /// The same target over a week of 7 days.
    pub per_week: DurationText,
    /// The same target over an average Gregorian month.
    pub per_month: DurationText,
    /// One sentence that explains the budget.
    pub sentence: String,
    /// The budget over the calendar's service hours, when a calendar was given; else null.
    #[ts(type = "ServiceResult | null")]
    pub service: Option<ServiceResult>,
}

/// A target over a calendar's service hours.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServiceResult {
    /// The weekly hours and zone: `"Mon-Fri 09:00-17:00 in Europe/London"`.
    pub summary: String,
    /// How the service time was counted: `"service hours in March 2026 (Europe/London)"`.
    pub basis: String,
    /// Exact service seconds in the period.
    pub service_seconds: String,
    /// Service time for people, in hours: `"176 h"`.
    pub service: String,
    /// Exact allowed downtime within the service time, in seconds.
    pub allowed_downtime_seconds: String,
    /// Allowed downtime within the service time, for people.
    pub allowed_downtime: String,
    /// The calendar's budget beside 24x7 in one sentence.
    pub sentence: String,
    /// The same target over the service hours of a typical week.
    pub per_week: DurationText,
    /// The same target over the service hours of an average month (4.348125 typical weeks).
    pub per_month: DurationText,
    /// The same target over the service hours of an average year (52.1775 typical weeks).
    pub per_year: DurationText,
}

/// The availability a downtime achieved over a period.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AchievedResult {
    /// The period.
    #[serde(flatten)]
    pub period: PeriodInfo,
    /// Exact downtime in seconds.
    pub downtime_seconds: String,
    /// Downtime for people.
    pub downtime: String,
    /// Availability in percent, rounded DOWN to 6 decimals: `"99.817472"`.
    pub availability: String,
    /// Whether `availability` is exact (nothing was rounded away).
    pub availability_is_exact: bool,
    /// `-log10(1 - availability)` rounded down to 2 decimals; null when there was no downtime.
    #[ts(type = "number | null")]
    pub nines: Option<f64>,
    /// The target compared with, if one was given.
    #[ts(type = "string | null")]
    pub target: Option<String>,
    /// Whether the availability meets the target (compared exactly), if one was given.
    #[ts(type = "boolean | null")]
    pub meets_target: Option<bool>,
    /// The target's allowed downtime over the period in seconds, if a target was given.
    #[ts(type = "string | null")]
    pub allowed_downtime_seconds: Option<String>,
    /// The target's allowed downtime for people, if a target was given.
    #[ts(type = "string | null")]
    pub allowed_downtime: Option<String>,
    /// Exact seconds measured against: the period, or its service time under a calendar.
    pub measured_seconds: String,
    /// One sentence that explains the result.
    pub sentence: String,
}

/// A column of the table of common targets.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TablePeriod {
    /// `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`.
    pub period: &'static str,
    /// The convention: `"average Gregorian month (30.436875 days)"`.
    pub label: String,
    /// Exact length in seconds.
    pub seconds: String,
}

/// A row of the table of common targets.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TableRow {
    /// The target: `"99.9"`.
    pub target: String,
    /// Allowed downtime over each period, in the order of `periods`.
    pub cells: Vec<DurationText>,
}

/// Allowed downtime of common targets by day, week, month, quarter and year.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetTable {
    /// The columns.
    pub periods: Vec<TablePeriod>,
    /// One row per target: 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999.
    pub rows: Vec<TableRow>,
}

/// What a target allows over a period, and over the calendar's service hours when one is given.
pub fn budget(input: &Value, zones: &dyn Zones) -> Result<BudgetResult, Error> {
    let input = BudgetInput::read(input)?;
    let (target, period) = (input.target, input.period);
    let mut result = budget_result(&Budget::new(target, period.clone()));
    if let Some(calendar) = input.calendar {
        let calendar = calendar.calendar(zones)?;
        let b = ServiceBudget::new(target, period, &calendar)?;
        let typical = |a: Average| {
            ServiceBudget::new(target, Period::Average(a), &calendar).map(|t| t.allowed().into())
        };
        result.service = Some(ServiceResult {
            per_week: typical(Average::Week)?,
            per_month: typical(Average::Month)?,
            per_year: typical(Average::Year)?,
            summary: b.summary().to_string(),
            basis: b.basis().to_string(),
            service_seconds: b.service().seconds_decimal(),
            service: b.service().to_hours_string(),
            allowed_downtime_seconds: b.allowed().seconds_decimal(),
            allowed_downtime: b.allowed().to_string(),
            sentence: b.sentence(),
        });
    }
    Ok(result)
}

/// The availability a downtime achieved over a period, compared with a target if one is given.
pub fn achieved(input: &Value, zones: &dyn Zones) -> Result<AchievedResult, Error> {
    let AchievedInput {
        downtime,
        period,
        target,
        calendar,
    } = AchievedInput::read(input)?;
    let achieved = match calendar {
        None => Achieved::new(downtime, period)?,
        Some(calendar) => Achieved::in_service(
            downtime,
            &budget::ServiceTime::measure(period, &calendar.calendar(zones)?)?,
        )?,
    };
    let allowed = target.map(|t| achieved.allowed(t));
    Ok(AchievedResult {
        period: achieved.period().into(),
        downtime_seconds: downtime.seconds_decimal(),
        downtime: downtime.to_string(),
        availability: achieved.availability(6),
        availability_is_exact: achieved.availability_is_exact(6),
        nines: achieved.nines(),
        target: target.map(|t| t.to_string()),
        meets_target: target.map(|t| achieved.meets(t)),
        allowed_downtime_seconds: allowed.map(|d| d.seconds_decimal()),
        allowed_downtime: allowed.map(|d| d.to_string()),
        measured_seconds: achieved.total().seconds_decimal(),
        sentence: achieved.sentence(target),
    })
}

/// Allowed downtime of common targets over a calendar's service hours: in a typical week and in the
/// average month, quarter and year (counted in typical weeks). Columns say how much service time each
/// holds.
pub fn service_table(calendar: &Value, zones: &dyn Zones) -> Result<TargetTable, Error> {
    let calendar = CalendarInput::read(calendar)?.calendar(zones)?;
    let (service, rows) = budget::service_table(&calendar)?;
    Ok(TargetTable {
        periods: budget::SERVICE_PERIODS
            .iter()
            .zip(service)
            .map(|(a, s)| TablePeriod {
                period: a.name(),
                label: format!(
                    "{} of service in {} {}",
                    s.to_hours_string(),
                    if *a == Average::Week {
                        "a typical"
                    } else {
                        "an average"
                    },
                    a.name()
                ),
                seconds: s.seconds_decimal(),
            })
            .collect(),
        rows: rows
            .into_iter()
            .map(|(t, cells)| TableRow {
                target: t.to_string(),
                cells: cells.map(DurationText::from).into(),
            })
            .collect(),
    })
}

/// Allowed downtime of the common targets (90% to 99.999%) by day, week, average month, quarter and
/// year, on 24x7.
///
/// ```
/// let table = slacalc::api::table();
/// assert_eq!(table.rows[4].target, "99.9");
/// assert_eq!(table.rows[4].cells[2].text, "43 min 49.746 s");
/// ```
pub fn table() -> TargetTable {
    TargetTable {
        periods: Average::ALL
            .iter()
            .map(|a| TablePeriod {
                period: a.name(),
                label: Period::Average(*a).label(),
                seconds: a.length().seconds_decimal(),
            })
            .collect(),
        rows: budget::table()
            .into_iter()
            .map(|(t, cells)| TableRow {
                target: t.to_string(),
                cells: cells.map(DurationText::from).into(),
            })
            .collect(),
    }
}

fn budget_result(b: &Budget) -> BudgetResult {
    BudgetResult {
        target: b.target().to_string(),
        unavailability_percent: b.target().unavailability_percent(),
        period: b.period().into(),
        allowed_downtime_seconds: b.allowed().seconds_decimal(),
        allowed_downtime: b.allowed().to_string(),
        per_day: b.allowed_per(ExactDuration::DAY).into(),
        per_week: b.allowed_per(ExactDuration::WEEK).into(),
        per_month: b.allowed_per(Average::Month.length()).into(),
        sentence: b.sentence(),
        service: None,
    }
}
