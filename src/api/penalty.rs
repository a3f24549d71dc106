//! Penalties: `credits` owed under a schedule for a run of periods, and the `risk` of a contract over
//! simulated years, with the sales questions (`solve`).

use serde::Serialize;
use ts_rs::TS;

use super::{get, object, CalendarInput, Zones};
use crate::error::{Error, Field};
use crate::penalty::{money_text, periods_from_value, round_cents, CreditSchedule, Money, UNIT};
use crate::risk::{
    break_even, grid_years, sensitivity, simulate, years_within, Model, MAX_EVENTS, MAX_RATE,
    MAX_YEARS,
};
use crate::value::{invalid, Value, Written};

// The shapes of the inputs, for the declarations: each is read part by part by the core
// (`CreditSchedule::from_value`, `periods_from_value`, `Model::from_value`), with errors naming the part.

/// A band of attainment, its bounds' inclusiveness written out: "< 99.99 and >= 99.0", "<= 99.9 and > 99.0",
/// "< 95". Percentages as strings or numbers.
#[derive(TS)]
#[allow(dead_code)]
struct CreditTier {
    when: String,
    /// A percentage of the period's charges...
    #[ts(optional, type = "string | number")]
    percent: Option<String>,
    /// ...or days of service, each worth the period's charges / `daysPerPeriod`.
    #[ts(optional, type = "string | number")]
    days: Option<String>,
}

/// A service-credit schedule: a commitment, a measurement period, one way to compute the credit (tiers,
/// flat, perUnit, feeMultiplier or atRisk) and the rules applied after it.
#[derive(TS)]
#[ts(rename = "CreditSchedule", rename_all = "camelCase")]
#[allow(dead_code)]
struct CreditScheduleShape {
    #[ts(optional)]
    id: Option<String>,
    #[ts(optional)]
    name: Option<String>,
    /// Where it comes from; presets name the provider and the service.
    #[ts(optional)]
    source: Option<String>,
    /// The commitment, e.g. "99.9".
    #[ts(type = "string | number")]
    target: String,
    /// Default "month". Sets the length of a period typed without one, and what 12 months hold.
    #[ts(
        optional,
        type = r#""week" | "fortnight" | "month" | "quarter" | "year""#
    )]
    period: Option<String>,
    #[ts(optional)]
    tiers: Option<Vec<CreditTier>>,
    /// "error" (default): attainments below the target that fall in no tier are refused; "no credit": allowed.
    #[ts(optional, type = r#""error" | "no credit""#)]
    uncovered: Option<String>,
    /// A percentage of the charges when the period misses the target.
    #[ts(optional, type = "string | number")]
    flat: Option<String>,
    /// A percentage of the charges per hour (or minute) of downtime beyond the allowance, or beyond a grace
    /// per outage such as "PT2H"; `started`: a started unit counts in full.
    #[ts(
        optional,
        type = r#"{ percent: string | number; unit?: "hour" | "minute"; beyond?: "allowance" | string; started?: boolean }"#
    )]
    per_unit: Option<String>,
    /// A multiple of the fees paid for the time down.
    #[ts(optional, type = "string | number")]
    fee_multiplier: Option<String>,
    /// A pool of `percent` of the charges; each missed level costs category% x allocation% of the pool.
    #[ts(
        optional,
        type = "{ percent: string | number; levels: { name: string; target: string | number; category: string | number; allocation: string | number }[] }"
    )]
    at_risk: Option<String>,
    /// What a day of service is worth: the charges / this (default 30).
    #[ts(optional, type = "string | number")]
    days_per_period: Option<String>,
    /// Cap per period, % of its charges (default 100).
    #[ts(optional, type = "string | number")]
    cap_percent: Option<String>,
    /// Cap over any 12 months, % of their charges.
    #[ts(optional, type = "string | number", rename = "cap12MonthsPercent")]
    cap_12_months_percent: Option<String>,
    /// A smaller credit is not paid.
    #[ts(optional, type = "string | number")]
    minimum_credit: Option<String>,
    /// A credit is cancelled when the next `periods` periods all meet `target`.
    #[ts(optional, type = "{ target: string | number; periods: number }")]
    earn_back: Option<String>,
    /// Bonus bands for over-performance (percent of charges), capped per period.
    #[ts(
        optional,
        type = "{ tiers: CreditTier[]; capPercent: string | number }"
    )]
    bonus: Option<String>,
}

/// One period to compute a credit for.
#[derive(TS)]
#[allow(dead_code)]
struct CreditPeriod {
    #[ts(optional)]
    label: Option<String>,
    /// Attainment in percent...
    #[ts(optional, type = "string | number")]
    attainment: Option<String>,
    /// ...or the downtime ("PT2H", "2 h" or seconds).
    #[ts(optional, type = "string | number")]
    downtime: Option<String>,
    /// Each outage's length, for a grace per outage.
    #[ts(optional, type = "(string | number)[]")]
    outages: Option<String>,
    /// The period's charges.
    #[ts(type = "string | number")]
    charges: String,
    /// Its calendar period ("2026-05"), for its exact length; default the schedule's average period.
    #[ts(optional)]
    period: Option<String>,
    /// Attainment by service level, for an at-risk pool.
    #[ts(optional, type = "Record<string, string | number>")]
    levels: Option<String>,
}

/// Input of `credits`.
#[derive(TS)]
#[allow(dead_code)]
struct CreditsInput {
    schedule: CreditScheduleShape,
    periods: Vec<CreditPeriod>,
    /// Shown after amounts in explanations, e.g. "EUR".
    #[ts(optional)]
    currency: Option<String>,
}

/// An outage model: incidents per month (Poisson) lasting a log-normal time given by its median and 90th
/// percentile, or resampled from `durations`; `plannedPerPeriod` is counted as downtime every period.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)]
struct OutageModel {
    #[ts(type = "string | number")]
    incidents_per_month: String,
    #[ts(optional, type = "string | number")]
    median: Option<String>,
    #[ts(optional, type = "string | number")]
    p90: Option<String>,
    #[ts(optional, type = "(string | number)[]")]
    durations: Option<String>,
    #[ts(optional, type = "string | number")]
    planned_per_period: Option<String>,
}

/// Input of `risk`.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)]
struct RiskInput {
    schedule: CreditScheduleShape,
    model: OutageModel,
    /// Charges per period.
    #[ts(type = "string | number")]
    charges: String,
    /// Contract years to simulate (default 10 000, at most 1 000 000, and at most 40 000 000 simulated
    /// periods and incidents: more is capped, and `notes` say so).
    #[ts(optional)]
    years: Option<f64>,
    /// The seed (default 1): the same seed gives the same figures everywhere.
    #[ts(optional)]
    seed: Option<f64>,
    /// A grid of factors on the incident rate and on repair times, each cell simulated with `years` years
    /// (at most 40 000 000 periods and incidents for the whole grid); a cell whose rate exceeds 10 000 a
    /// month is null.
    #[ts(
        optional,
        type = "{ rates: number[]; repairs: number[]; years?: number }"
    )]
    sensitivity: Option<String>,
    /// Find the repair-time factor that keeps expected credits under this % of the contract value.
    #[ts(optional, type = "string | number")]
    break_even_percent: Option<String>,
    /// The schedule is measured on these service hours (typical weeks): a period holds its share of the
    /// week's service time, and only incidents starting in service hours count. Default 24x7.
    #[ts(optional, type = "string | CalendarInput | null")]
    calendar: Option<String>,
    /// The sales questions: at which targets, and with which credit rates, do credits stay under `percent`
    /// of the contract value, for the mean year or the 90th-percentile year?
    #[ts(
        optional,
        type = r#"{ percent: string | number; confidence?: "mean" | "p90" }"#
    )]
    solve: Option<String>,
}

/// The declarations of the inputs, for the TypeScript of the module.
pub(super) fn input_declarations() -> Vec<(Option<String>, String)> {
    vec![
        (CreditTier::docs(), CreditTier::decl()),
        (CreditScheduleShape::docs(), CreditScheduleShape::decl()),
        (CreditPeriod::docs(), CreditPeriod::decl()),
        (CreditsInput::docs(), CreditsInput::decl()),
        (OutageModel::docs(), OutageModel::decl()),
        (RiskInput::docs(), RiskInput::decl()),
    ]
}

/// The credit of one period.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreditLineResult {
    /// The period's label.
    pub label: String,
    /// Attainment in percent, rounded down to 6 decimals.
    pub attainment: String,
    /// Whether the period missed the target (an at-risk pool: any level).
    pub breached: bool,
    /// The credit, to the cent: `"3000.00"`.
    pub credit: String,
    /// A bonus owed to the provider, to the cent.
    pub bonus: String,
    /// The period's charges, to the cent.
    pub charges: String,
    /// `"May: 99.82% is below 99.9% and at or above 99%: 25% of 12 000 EUR = 3 000 EUR."`
    pub explanation: String,
}

/// Credits for a run of periods.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreditsResult {
    /// The schedule's name.
    pub schedule: String,
    /// One per period, in order.
    pub periods: Vec<CreditLineResult>,
    /// The credits owed in all, to the cent.
    pub total: String,
    /// The bonuses in all, to the cent.
    pub total_bonus: String,
    /// The charges in all, to the cent.
    pub total_charges: String,
    /// `"3 000 EUR of 36 000 EUR charged (8.33%)"`.
    pub summary: String,
}

/// The closed form where one exists.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AnalyticResult {
    /// Mean downtime per period, in seconds.
    pub mean_downtime_seconds: f64,
    /// The chance that a period breaches (fixed-length incidents only).
    #[ts(type = "number | null")]
    pub breach_probability_period: Option<f64>,
    /// The chance that a year has a breach.
    #[ts(type = "number | null")]
    pub breach_probability_year: Option<f64>,
    /// Expected credits a year (fixed-length incidents and a flat refund only).
    #[ts(type = "number | null")]
    pub expected_credits: Option<f64>,
}

/// The distribution of a contract year's credits.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RiskResult {
    /// Years simulated.
    pub years: u32,
    /// The seed used.
    pub seed: f64,
    /// Periods in a contract year.
    pub periods_per_year: usize,
    /// Amounts to the cent.
    pub mean: String,
    /// The median year's credits (nearest rank).
    pub median: String,
    /// The 90th percentile (nearest rank).
    pub p90: String,
    /// The 99th percentile (nearest rank).
    pub p99: String,
    /// The worst year's credits.
    pub worst: String,
    /// The charges of a year.
    pub yearly_charges: String,
    /// Expected credits as a % of the contract value (6 decimals, rounded down).
    pub expected_percent: String,
    /// The share of years with at least one breached period.
    pub breach_probability_year: f64,
    /// The share of periods breached.
    pub breach_probability_period: f64,
    /// Mean downtime per period, in seconds.
    pub mean_downtime_seconds: f64,
    /// See the type.
    pub analytic: AnalyticResult,
    /// Sensitivity: expected credits (% of contract value, as numbers) by rate factor (rows) and repair
    /// factor (columns); null where the rate would exceed 10 000 incidents a month.
    /// The cell of factors 1 and 1 is the headline's own figure; the others use `years` years each.
    #[ts(type = "SensitivityResult | null")]
    pub sensitivity: Option<SensitivityResult>,
    /// The repair-time factor that keeps expected credits under `breakEvenPercent`, and the median repair
    /// time it means in seconds; null if not asked, or if even 1/1000 of the repair times is too much.
    #[ts(type = "BreakEvenResult | null")]
    pub break_even: Option<BreakEvenResult>,
    /// The answers to `solve`, if asked.
    #[ts(type = "SolvedResult | null")]
    pub solved: Option<SolvedResult>,
    /// What was changed from the request: years capped, grid cells not simulated.
    pub notes: Vec<String>,
    /// Each simulated year's credits, in the order simulated (in JavaScript one `Float64Array`).
    #[ts(type = "Float64Array")]
    pub yearly_credits: Vec<f64>,
}

/// The answers to `solve`.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SolvedResult {
    /// Which year the limit is for.
    #[ts(type = r#""mean" | "p90""#)]
    pub confidence: &'static str,
    /// The limit, % of the contract value.
    pub percent: String,
    /// Years simulated for each answer (at most 10 000), with the same seed.
    pub years: u32,
    /// The same structure committed at each target of a ladder.
    pub targets: Vec<LadderStep>,
    /// The highest target of the ladder within the limit, or null.
    pub highest_target: Option<String>,
    /// Every credit rate times `factor` (the largest that keeps within the limit, at most 10), the
    /// schedule it gives, and its figures.
    pub rates: Option<ScaledRates>,
}

/// One target of the ladder.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LadderStep {
    /// The target committed.
    pub target: String,
    /// Expected credits, % of the contract value.
    pub mean_percent: Option<f64>,
    /// The 90th-percentile year's credits, % of the contract value.
    pub p90_percent: Option<f64>,
    /// Whether the year asked for stays within the limit.
    pub within: bool,
    /// Why the structure cannot be committed at this target, if it cannot.
    pub reason: Option<String>,
}

/// Credit rates scaled to keep within the limit.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScaledRates {
    /// The factor on every credit rate.
    pub factor: f64,
    /// The schedule with its rates scaled.
    #[serde(serialize_with = "plain_value")]
    #[ts(type = "CreditSchedule")]
    pub schedule: Value,
    /// Expected credits, % of the contract value.
    pub mean_percent: f64,
    /// The 90th-percentile year's credits, % of the contract value.
    pub p90_percent: f64,
}

fn plain_value<S: serde::Serializer>(v: &Value, s: S) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&Written::<false>(v), s)
}

/// Expected credits (% of the contract value) by rate factor (rows) and repair factor (columns); null
/// where the rate would exceed 10 000 incidents a month. The cell of factors 1 and 1 is the headline's
/// own figure; the others use `years` years each.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SensitivityResult {
    /// The factors on the incident rate.
    pub rates: Vec<f64>,
    /// The factors on repair times.
    pub repairs: Vec<f64>,
    /// Years simulated in each cell.
    pub years: u32,
    /// Expected credits, % of the contract value, by rate (rows) and repair factor (columns).
    pub percent: Vec<Vec<Option<f64>>>,
}

/// The repair-time factor that keeps expected credits under `breakEvenPercent`.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BreakEvenResult {
    /// The factor on repair times.
    pub factor: f64,
    /// The median repair time it means, in seconds (log-normal repairs only).
    pub median_seconds: Option<f64>,
}

/// The published credit schedules (and example structures), each naming its provider, service and
/// source, as values: what `creditPresets()` returns. None is advice; providers change their terms.
pub fn credit_presets() -> Value {
    // The presets are part of the crate and are valid JSON (a test reads every one).
    Value::parse_json(crate::penalty::PRESETS).unwrap_or(Value::List(Vec::new()))
}

/// The published credit schedule with this id, as a value, if there is one.
pub fn credit_preset(id: &str) -> Option<Value> {
    let Value::List(list) = credit_presets() else {
        return None;
    };
    list.into_iter()
        .find(|p| p.get("id").and_then(Value::text) == Some(id))
}

/// The value of `key`, or a missing `field`.
fn required<'a>(
    entries: &'a [(String, Value)],
    key: &str,
    field: Field,
) -> Result<&'a Value, Error> {
    get(entries, key).ok_or(Error::Missing { field })
}

/// Plain money to the cent: `"-1234.50"`.
pub fn cents(m: Money) -> String {
    let c = round_cents(m) / (UNIT / 100);
    let sign = if c < 0 { "-" } else { "" };
    let c = c.abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// Credits owed under a schedule for each period, with every rule applied and a line-by-line
/// explanation. Errors name the field (`schedule` or `periods`) and the part.
///
/// ```
/// use slacalc::value::Value;
/// let input = Value::parse_json(r#"{
///     "schedule": { "target": "99.9", "tiers": [{ "when": "< 99.9 and >= 99", "percent": 10 },
///                                               { "when": "< 99", "percent": 25 }] },
///     "periods": [{ "label": "May", "attainment": "99.5", "charges": "12000" }],
///     "currency": "EUR"
/// }"#).unwrap();
/// let c = slacalc::api::credits(&input)?;
/// assert_eq!(c.total, "1200.00"); // 10% of 12 000
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn credits(input: &Value) -> Result<CreditsResult, Error> {
    let entries = object(input)?;
    let schedule = CreditSchedule::from_value(required(entries, "schedule", Field::Schedule)?)?;
    let periods = periods_from_value(required(entries, "periods", Field::Periods)?, &schedule)?;
    let currency = match get(entries, "currency") {
        Some(Value::Text(t)) => t.trim(),
        _ => "",
    };
    let c = schedule.credits(&periods, currency)?;
    let share = if c.total_charges > 0 {
        crate::decimal::format_fixed((c.total * 10_000 / c.total_charges).max(0) as u128, 2, 2)
    } else {
        "0.00".to_string()
    };
    Ok(CreditsResult {
        schedule: schedule.name.clone(),
        summary: format!(
            "{} of {} charged ({share}%)",
            money_text(c.total, currency),
            money_text(c.total_charges, currency)
        ),
        total: cents(c.total),
        total_bonus: cents(c.total_bonus),
        total_charges: cents(c.total_charges),
        periods: c
            .periods
            .into_iter()
            .map(|l| CreditLineResult {
                label: l.label,
                attainment: l.attainment,
                breached: l.breached,
                credit: cents(l.credit),
                bonus: cents(l.bonus),
                charges: cents(l.charges),
                explanation: l.explanation,
            })
            .collect(),
    })
}

/// A number of `key`, read from its text; `None` when absent.
fn number(
    entries: &[(String, Value)],
    key: &str,
    part: &str,
) -> Result<Option<(f64, String)>, Error> {
    match get(entries, key) {
        None => Ok(None),
        Some(Value::Number(text)) => match crate::value::number_f64(text).ok_or(()) {
            Ok(x) if x.is_finite() => Ok(Some((x, text.clone()))),
            _ => Err(invalid(
                Field::Model,
                part,
                "must be a finite number, not an infinity".to_string(),
            )),
        },
        Some(other) => Err(invalid(
            Field::Model,
            part,
            format!("must be a number, not {}", other.kind()),
        )),
    }
}

fn factors(sensitivity: &[(String, Value)], key: &str) -> Result<Vec<f64>, Error> {
    let bad = || {
        invalid(
            Field::Model,
            &format!("sensitivity.{key}"),
            "must be a list of 1 to 8 factors above 0, such as [0.5, 1, 2]".to_string(),
        )
    };
    let Some(Value::List(list)) = get(sensitivity, key) else {
        return Err(bad());
    };
    let items: Vec<f64> = list
        .iter()
        .filter_map(|x| match x {
            Value::Number(t) => crate::value::number_f64(t),
            _ => None,
        })
        .collect();
    if items.is_empty()
        || items.len() > 8
        || items.len() != list.len()
        || items.iter().any(|x| !(*x > 0.0 && *x <= 1000.0))
    {
        return Err(bad());
    }
    Ok(items)
}

/// A percentage of `key` (`"5"` or `5`), for the model's searches.
fn percent_of(v: Option<&Value>, part: &str) -> Result<i128, Error> {
    let text = v.and_then(Value::text).unwrap_or_default();
    crate::value::decimal(text, 6, Some(100_000_000))
        .map(|p| p as i128)
        .map_err(|r| invalid(Field::Model, part, r))
}

/// Simulates contract years of a schedule under an outage model: the distribution of yearly credits, the
/// chance of a breach, the closed-form check where one exists, and optionally a sensitivity grid, the
/// break-even repair time and the sales questions. The same seed gives the same figures on every
/// machine.
pub fn risk(input: &Value, zones: &dyn Zones) -> Result<RiskResult, Error> {
    let entries = object(input)?;
    let schedule = CreditSchedule::from_value(required(entries, "schedule", Field::Schedule)?)?;
    let mut model = Model::from_value(required(entries, "model", Field::Model)?)?;
    if let Some(calendar) = CalendarInput::optional(get(entries, "calendar"))? {
        model.week_service_seconds = Some(calendar.calendar(zones)?.typical_week_seconds());
    }
    let charges_value = required(entries, "charges", Field::Periods)?;
    let charges = crate::value::amount(charges_value.text().unwrap_or("?"))
        .map_err(|r| invalid(Field::Periods, "charges", r))? as Money;
    let mut notes = Vec::new();
    let (asked, asked_text) =
        number(entries, "years", "years")?.unwrap_or((10_000.0, "10000".into()));
    if asked < 1.0 {
        return Err(invalid(
            Field::Model,
            "years",
            "must be at least 1".to_string(),
        ));
    }
    let per_year = model.events_per_year(&schedule);
    let most = years_within(per_year, 1);
    let asked_text = if asked.fract() == 0.0 && asked <= f64::from(u32::MAX) {
        grouped(asked as u32)
    } else {
        asked_text
    };
    let years = if asked > f64::from(most) {
        notes.push(if most == MAX_YEARS {
            format!(
                "Simulated {} years, the most one run allows; {asked_text} were asked for.",
                grouped(MAX_YEARS),
            )
        } else {
            format!(
                "Simulated {} years, not {asked_text}: {}",
                grouped(most),
                work_words(per_year, 1)
            )
        });
        most
    } else {
        asked as u32
    };
    let seed = number(entries, "seed", "seed")?.map_or(1.0, |(x, _)| x);
    if !(0.0..=9_007_199_254_740_991.0).contains(&seed) || seed.fract() != 0.0 {
        return Err(invalid(
            Field::Model,
            "seed",
            "must be a whole number from 0 to 2^53 - 1".to_string(),
        ));
    }
    let r = simulate(&schedule, &model, charges, years, seed as u64)?;
    let sensitivity = match get(entries, "sensitivity") {
        Some(Value::Map(sens)) => {
            let (rates, repairs) = (factors(sens, "rates")?, factors(sens, "repairs")?);
            let asked_cells = number(sens, "years", "years")?
                .map_or(2_000.0, |(x, _)| x)
                .clamp(1.0, 100_000.0) as u32;
            let most = grid_years(&schedule, &model, &rates, repairs.len());
            let cell_years = asked_cells.min(most);
            if cell_years < asked_cells {
                notes.push(format!(
                    "Each cell of the sensitivity grid simulated {} years, not {}: the grid simulates at most {} periods and incidents in all.",
                    grouped(cell_years),
                    grouped(asked_cells),
                    grouped(MAX_EVENTS as u32)
                ));
            }
            if rates
                .iter()
                .any(|f| model.incidents_per_month * f > MAX_RATE)
            {
                notes.push(format!(
                    "Cells of the sensitivity grid above {} incidents a month, the most the model takes, are not simulated.",
                    grouped(MAX_RATE as u32)
                ));
            }
            let grid = sensitivity(
                &schedule,
                &model,
                charges,
                &rates,
                &repairs,
                cell_years,
                seed as u64,
            )?;
            // The cell of today's rate and repair times is the headline itself, to the last digit.
            let percent = grid
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    row.iter()
                        .enumerate()
                        .map(|(j, x)| {
                            if rates[i] == 1.0 && repairs[j] == 1.0 {
                                Some(r.expected_percent() as f64 / 1e6)
                            } else {
                                x.map(|x| x as f64 / 1e6)
                            }
                        })
                        .collect()
                })
                .collect();
            Some(SensitivityResult {
                rates,
                repairs,
                years: cell_years,
                percent,
            })
        }
        _ => None,
    };
    let break_even = match get(entries, "breakEvenPercent") {
        None => None,
        be => {
            let percent = percent_of(be, "breakEvenPercent")?;
            let cell_years = search_years(
                years.min(2_000),
                per_year,
                "The break-even search",
                &mut notes,
            );
            break_even(&schedule, &model, charges, percent, cell_years, seed as u64)?.map(|f| {
                BreakEvenResult {
                    factor: f,
                    median_seconds: match &model.durations {
                        crate::risk::Durations::LogNormal { mu, .. } => Some(libm::exp(*mu) * f),
                        crate::risk::Durations::Resample(_) => None,
                    },
                }
            })
        }
    };
    let solved = match get(entries, "solve") {
        None => None,
        Some(solve) => Some(solve_for(
            solve,
            &schedule,
            &model,
            charges,
            years,
            seed as u64,
            &mut notes,
        )?),
    };
    Ok(RiskResult {
        years: r.years,
        seed,
        periods_per_year: r.periods_per_year,
        mean: cents(r.mean),
        median: cents(r.median),
        p90: cents(r.p90),
        p99: cents(r.p99),
        worst: cents(r.worst),
        yearly_charges: cents(r.yearly_charges),
        expected_percent: crate::decimal::format_scaled(r.expected_percent().max(0) as u128, 6),
        breach_probability_year: f64::from(r.years_breached) / f64::from(r.years),
        breach_probability_period: r.periods_breached as f64
            / (f64::from(r.years) * r.periods_per_year as f64),
        mean_downtime_seconds: r.mean_downtime,
        analytic: AnalyticResult {
            mean_downtime_seconds: r.analytic.mean_downtime,
            breach_probability_period: r.analytic.breach_period,
            breach_probability_year: r.analytic.breach_year,
            expected_credits: r.analytic.expected_credits,
        },
        sensitivity,
        break_even,
        solved,
        notes,
        yearly_credits: r.yearly.iter().map(|m| *m as f64 / UNIT as f64).collect(),
    })
}

/// `1234567` as `1 234 567`.
fn grouped(n: u32) -> String {
    crate::decimal::group_digits(u64::from(n))
}

/// Why fewer years were simulated: what a year of this model costs, and the bound on events over `runs`
/// simulations.
fn work_words(events_per_year: f64, runs: u32) -> String {
    let year = grouped(events_per_year.round().min(f64::from(u32::MAX)) as u32);
    let most = grouped(MAX_EVENTS as u32);
    if runs == 1 {
        format!(
            "a year here simulates about {year} periods and incidents, and a run at most {most}."
        )
    } else {
        format!("a year here simulates about {year} periods and incidents, the search takes up to {runs} steps, and it simulates at most {most} in all.")
    }
}

/// The years each step of a search of up to 26 simulations (`what`) may take: `years`, or fewer to stay
/// within the bound on work, with a note saying so.
fn search_years(years: u32, per_year: f64, what: &str, notes: &mut Vec<String>) -> u32 {
    let most = years_within(per_year, 26);
    if most < years {
        notes.push(format!(
            "{what} simulated {} years a step, not {}: {}",
            grouped(most),
            grouped(years),
            work_words(per_year, 26)
        ));
    }
    years.min(most)
}

/// The answers to the sales questions: see `SolvedResult`.
fn solve_for(
    solve: &Value,
    schedule: &CreditSchedule,
    model: &Model,
    charges: Money,
    years: u32,
    seed: u64,
    notes: &mut Vec<String>,
) -> Result<SolvedResult, Error> {
    use crate::risk::{rates_under, target_ladder, Confidence};
    let Value::Map(solve) = solve else {
        return Err(invalid(
            Field::Model,
            "solve",
            "must be an object such as { percent: 5, confidence: \"p90\" }".to_string(),
        ));
    };
    let limit = percent_of(get(solve, "percent"), "solve.percent")?;
    let confidence = match get(solve, "confidence").and_then(|v| match v {
        Value::Text(t) => Some(t.as_str()),
        _ => None,
    }) {
        None | Some("mean") => Confidence::Mean,
        Some("p90") => Confidence::P90,
        Some(other) => {
            return Err(invalid(
                Field::Model,
                "solve.confidence",
                format!("\"{other}\" must be mean or p90"),
            ))
        }
    };
    // The ladder's 10 targets and the rates' bisection (at most 16 runs).
    let years = search_years(
        years.min(10_000),
        model.events_per_year(schedule),
        "The target ladder and the search for rates",
        notes,
    );
    let percent = |r: &crate::risk::Risk, c: Confidence| r.percent_at(c) as f64 / 1e6;
    let targets: Vec<LadderStep> = target_ladder(schedule, model, charges, years, seed)?
        .into_iter()
        .map(|(t, r)| match r {
            Ok(r) => LadderStep {
                target: t.to_string(),
                mean_percent: Some(percent(&r, Confidence::Mean)),
                p90_percent: Some(percent(&r, Confidence::P90)),
                within: r.percent_at(confidence) <= limit,
                reason: None,
            },
            Err(e) => LadderStep {
                target: t.to_string(),
                mean_percent: None,
                p90_percent: None,
                within: false,
                reason: Some(match e {
                    Error::InvalidValue { reason, .. } => reason,
                    other => other.to_string(),
                }),
            },
        })
        .collect();
    let highest_target = targets
        .iter()
        .rev()
        .find(|t| t.within)
        .map(|t| t.target.clone());
    let rates =
        rates_under(schedule, model, charges, years, seed, limit, confidence)?.map(|(f, s, r)| {
            ScaledRates {
                factor: f as f64 / 1e6,
                schedule: s.to_value(),
                mean_percent: percent(&r, Confidence::Mean),
                p90_percent: percent(&r, Confidence::P90),
            }
        });
    Ok(SolvedResult {
        confidence: if confidence == Confidence::Mean {
            "mean"
        } else {
            "p90"
        },
        percent: crate::decimal::format_scaled(limit as u128, 6),
        years,
        targets,
        highest_target,
        rates,
    })
}
