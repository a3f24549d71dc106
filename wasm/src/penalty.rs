//! The penalty half of the JavaScript API: credits owed under a schedule, and the risk of a contract.

use js_sys::{Float64Array, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use super::{check_object, respond};
use slacalc::error::{Error, Field};
use slacalc::penalty::{
    money_text, periods_from_value, round_cents, Money, Schedule, PRESETS, UNIT,
};
use slacalc::risk::{
    break_even, grid_years, sensitivity, simulate, years_within, Model, MAX_EVENTS, MAX_RATE,
    MAX_YEARS,
};
use slacalc::value::{invalid, Value};

#[wasm_bindgen(typescript_custom_section)]
const PENALTY_TYPES: &str = r#"
/** A band of attainment, its bounds' inclusiveness written out: "< 99.99 and >= 99.0", "<= 99.9 and > 99.0",
 *  "< 95". Percentages as strings or numbers. */
export interface CreditTier {
    when: string;
    /** A percentage of the period's charges... */
    percent?: string | number;
    /** ...or days of service, each worth the period's charges / `daysPerPeriod`. */
    days?: string | number;
}

/** A service-credit schedule: a commitment, a measurement period, one way to compute the credit (tiers,
 *  flat, perUnit, feeMultiplier or atRisk) and the rules applied after it. */
export interface CreditSchedule {
    id?: string;
    name?: string;
    /** Where it comes from; presets name the provider and the service. */
    source?: string;
    /** The commitment, e.g. "99.9". */
    target: string | number;
    /** Default "month". Sets the length of a period typed without one, and what 12 months hold. */
    period?: "week" | "fortnight" | "month" | "quarter" | "year";
    tiers?: CreditTier[];
    /** "error" (default): attainments below the target that fall in no tier are refused; "no credit": allowed. */
    uncovered?: "error" | "no credit";
    /** A percentage of the charges when the period misses the target. */
    flat?: string | number;
    /** A percentage of the charges per hour (or minute) of downtime beyond the allowance, or beyond a grace
     *  per outage such as "PT2H"; `started`: a started unit counts in full. */
    perUnit?: { percent: string | number; unit?: "hour" | "minute"; beyond?: "allowance" | string; started?: boolean };
    /** A multiple of the fees paid for the time down. */
    feeMultiplier?: string | number;
    /** A pool of `percent` of the charges; each missed level costs category% x allocation% of the pool. */
    atRisk?: { percent: string | number; levels: { name: string; target: string | number; category: string | number; allocation: string | number }[] };
    /** What a day of service is worth: the charges / this (default 30). */
    daysPerPeriod?: string | number;
    /** Cap per period, % of its charges (default 100). */
    capPercent?: string | number;
    /** Cap over any 12 months, % of their charges. */
    cap12MonthsPercent?: string | number;
    /** A smaller credit is not paid. */
    minimumCredit?: string | number;
    /** A credit is cancelled when the next `periods` periods all meet `target`. */
    earnBack?: { target: string | number; periods: number };
    /** Bonus bands for over-performance (percent of charges), capped per period. */
    bonus?: { tiers: CreditTier[]; capPercent: string | number };
}

/** One period to compute a credit for. */
export interface CreditPeriod {
    label?: string;
    /** Attainment in percent... */
    attainment?: string | number;
    /** ...or the downtime ("PT2H", "2 h" or seconds). */
    downtime?: string | number;
    /** Each outage's length, for a grace per outage. */
    outages?: (string | number)[];
    /** The period's charges. */
    charges: string | number;
    /** Its calendar period ("2026-05"), for its exact length; default the schedule's average period. */
    period?: string;
    /** Attainment by service level, for an at-risk pool. */
    levels?: Record<string, string | number>;
}

/** Input of `credits`. */
export interface CreditsInput {
    schedule: CreditSchedule;
    periods: CreditPeriod[];
    /** Shown after amounts in explanations, e.g. "EUR". */
    currency?: string;
}

/** An outage model: incidents per month (Poisson) lasting a log-normal time given by its median and 90th
 *  percentile, or resampled from `durations`; `plannedPerPeriod` is counted as downtime every period. */
export interface OutageModel {
    incidentsPerMonth: string | number;
    median?: string | number;
    p90?: string | number;
    durations?: (string | number)[];
    plannedPerPeriod?: string | number;
}

/** Input of `risk`. */
export interface RiskInput {
    schedule: CreditSchedule;
    model: OutageModel;
    /** Charges per period. */
    charges: string | number;
    /** Contract years to simulate (default 10 000, at most 1 000 000, and at most 10 000 000 simulated periods
     * and incidents: more is capped, and `notes` say so). */
    years?: number;
    /** The seed (default 1): the same seed gives the same figures everywhere. */
    seed?: number;
    /** A grid of factors on the incident rate and on repair times, each cell simulated with `years` years (at
     * most 10 000 000 periods and incidents for the whole grid); a cell whose rate exceeds 10 000 a month
     * is null. */
    sensitivity?: { rates: number[]; repairs: number[]; years?: number };
    /** Find the repair-time factor that keeps expected credits under this % of the contract value. */
    breakEvenPercent?: string | number;
    /** The schedule is measured on these service hours (typical weeks): a period holds its share of the
     *  week's service time, and only incidents starting in service hours count. Default 24x7. */
    calendar?: string | CalendarInput | null;
    /** The sales questions: at which targets, and with which credit rates, do credits stay under `percent`
     *  of the contract value, for the mean year or the 90th-percentile year? */
    solve?: { percent: string | number; confidence?: "mean" | "p90" };
}

/** The result of `risk` also carries each simulated year's credits, in the order simulated, as one typed array. */
export interface RiskResult {
    yearlyCredits: Float64Array;
}

/** The answers to `solve`. */
export interface SolvedResult {
    confidence: "mean" | "p90";
    /** The limit, % of the contract value. */
    percent: string;
    /** Years simulated for each answer (at most 10 000), with the same seed. */
    years: number;
    /** The same structure committed at each target of a ladder. */
    targets: { target: string; meanPercent: number | null; p90Percent: number | null; within: boolean; reason: string | null }[];
    /** The highest target of the ladder within the limit, or null. */
    highestTarget: string | null;
    /** Every credit rate times `factor` (the largest that keeps within the limit, at most 10), the schedule
     *  it gives, and its figures. */
    rates: { factor: number; schedule: CreditSchedule; meanPercent: number; p90Percent: number } | null;
}
"#;

/// The credit of one period.
#[derive(Serialize, Tsify)]
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
#[derive(Serialize, Tsify)]
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
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AnalyticResult {
    /// Mean downtime per period, in seconds.
    pub mean_downtime_seconds: f64,
    /// The chance that a period breaches (fixed-length incidents only).
    #[tsify(type = "number | null")]
    pub breach_probability_period: Option<f64>,
    /// The chance that a year has a breach.
    #[tsify(type = "number | null")]
    pub breach_probability_year: Option<f64>,
    /// Expected credits a year (fixed-length incidents and a flat refund only).
    #[tsify(type = "number | null")]
    pub expected_credits: Option<f64>,
}

/// The distribution of a contract year's credits.
#[derive(Serialize, Tsify)]
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
    #[tsify(
        type = "{ rates: number[]; repairs: number[]; years: number; percent: (number | null)[][] } | null"
    )]
    pub sensitivity: Option<SensitivityResult>,
    /// The repair-time factor that keeps expected credits under `breakEvenPercent`, and the median repair
    /// time it means in seconds; null if not asked, or if even 1/1000 of the repair times is too much.
    #[tsify(type = "{ factor: number; medianSeconds: number | null } | null")]
    pub break_even: Option<BreakEvenResult>,
    /// The answers to `solve`, if asked.
    #[tsify(type = "SolvedResult | null")]
    pub solved: Option<SolvedResult>,
    /// What was changed from the request: years capped, grid cells not simulated.
    pub notes: Vec<String>,
}

/// See `SolvedResult` in the declarations.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SolvedResult {
    confidence: &'static str,
    percent: String,
    years: u32,
    targets: Vec<LadderStep>,
    highest_target: Option<String>,
    #[serde(serialize_with = "serialize_rates")]
    rates: Option<ScaledRates>,
}

/// One target of the ladder.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LadderStep {
    target: String,
    mean_percent: Option<f64>,
    p90_percent: Option<f64>,
    within: bool,
    reason: Option<String>,
}

/// Credit rates scaled to keep within the limit.
pub struct ScaledRates {
    factor: f64,
    schedule: Value,
    mean_percent: f64,
    p90_percent: f64,
}

fn serialize_rates<S: serde::Serializer>(r: &Option<ScaledRates>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    match r {
        None => s.serialize_none(),
        Some(r) => {
            let mut m = s.serialize_map(Some(4))?;
            m.serialize_entry("factor", &r.factor)?;
            m.serialize_entry("schedule", &PlainValue(&r.schedule))?;
            m.serialize_entry("meanPercent", &r.mean_percent)?;
            m.serialize_entry("p90Percent", &r.p90_percent)?;
            m.end()
        }
    }
}

/// A plain value written out as a JavaScript object.
struct PlainValue<'a>(&'a Value);

impl Serialize for PlainValue<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(t) | Value::Text(t) => s.serialize_str(t),
            Value::List(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    q.serialize_element(&PlainValue(item))?;
                }
                q.end()
            }
            Value::Map(entries) => {
                let mut m = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    m.serialize_entry(k, &PlainValue(v))?;
                }
                m.end()
            }
        }
    }
}

/// Expected credits on a grid of factors.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SensitivityResult {
    rates: Vec<f64>,
    repairs: Vec<f64>,
    years: u32,
    percent: Vec<Vec<Option<f64>>>,
}

/// The break-even repair time.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BreakEvenResult {
    factor: f64,
    median_seconds: Option<f64>,
}

fn value_of(input: &JsValue, key: &str, field: Field) -> Result<Value, Error> {
    let v = Reflect::get(input, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Err(Error::Missing { field });
    }
    super::value_from(v, field, "")
}

/// Plain money to the cent: `"-1234.50"`.
pub(super) fn cents(m: Money) -> String {
    let c = round_cents(m) / (UNIT / 100);
    let sign = if c < 0 { "-" } else { "" };
    let c = c.abs();
    format!("{sign}{}.{:02}", c / 100, c % 100)
}

/// The published credit schedules (and example structures), each naming its provider, service and
/// source. None is advice; providers change their terms.
#[wasm_bindgen(js_name = creditPresets, unchecked_return_type = "CreditSchedule[]")]
pub fn credit_presets() -> JsValue {
    js_sys::JSON::parse(PRESETS).unwrap_or(JsValue::NULL)
}

/// Credits owed under a schedule for each period, with every rule applied and a line-by-line explanation.
/// Throws a `SlacalcError` with field "schedule" or "periods" and the part concerned.
#[wasm_bindgen(unchecked_return_type = "CreditsResult")]
pub fn credits(
    #[wasm_bindgen(unchecked_param_type = "CreditsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond((|| {
        let input = super::plain(&input, Field::Input)?;
        check_object(&input)?;
        let schedule = Schedule::from_value(&value_of(&input, "schedule", Field::Schedule)?)?;
        let periods = periods_from_value(&value_of(&input, "periods", Field::Periods)?, &schedule)?;
        let currency = Reflect::get(&input, &"currency".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let currency = currency.trim();
        let c = schedule.credits(&periods, currency)?;
        let share = if c.total_charges > 0 {
            slacalc::decimal::format_fixed(
                (c.total * 10_000 / c.total_charges).max(0) as u128,
                2,
                2,
            )
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
    })())
}

fn number(input: &JsValue, key: &str) -> Result<Option<f64>, Error> {
    let v = Reflect::get(input, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_f64() {
        Some(x) if x.is_finite() => Ok(Some(x)),
        Some(x) => Err(invalid(
            Field::Model,
            key,
            format!(
                "must be a finite number, not {}",
                if x.is_nan() { "NaN" } else { "an infinity" }
            ),
        )),
        None => Err(invalid(
            Field::Model,
            key,
            format!("must be a number, not {}", super::kind_of(&v)),
        )),
    }
}

fn factors(v: &JsValue, key: &str) -> Result<Vec<f64>, Error> {
    let list = Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED);
    let bad = || {
        invalid(
            Field::Model,
            &format!("sensitivity.{key}"),
            "must be a list of 1 to 8 factors above 0, such as [0.5, 1, 2]".to_string(),
        )
    };
    if !js_sys::Array::is_array(&list) {
        return Err(bad());
    }
    let items: Vec<f64> = js_sys::Array::from(&list)
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    if items.is_empty()
        || items.len() > 8
        || items.len() != js_sys::Array::from(&list).length() as usize
        || items.iter().any(|x| !(*x > 0.0 && *x <= 1000.0))
    {
        return Err(bad());
    }
    Ok(items)
}

/// Simulates contract years of a schedule under an outage model: the distribution of yearly credits, the
/// chance of a breach, the closed-form check where one exists, and optionally a sensitivity grid and the
/// break-even repair time. The same seed gives the same figures on every machine.
#[wasm_bindgen(unchecked_return_type = "RiskResult")]
pub fn risk(
    #[wasm_bindgen(unchecked_param_type = "RiskInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let result = (|| {
        let input = super::plain(&input, Field::Input)?;
        check_object(&input)?;
        let schedule = Schedule::from_value(&value_of(&input, "schedule", Field::Schedule)?)?;
        let mut model = Model::from_value(&value_of(&input, "model", Field::Model)?)?;
        if let Some(calendar) = super::calendar::optional_calendar(&input)? {
            model.week_service_seconds = Some(calendar.typical_week_seconds());
        }
        let charges_value = value_of(&input, "charges", Field::Periods)?;
        let charges = slacalc::value::amount(charges_value.text().unwrap_or("?"))
            .map_err(|r| invalid(Field::Periods, "charges", r))? as Money;
        let mut notes = Vec::new();
        let asked = number(&input, "years")?.unwrap_or(10_000.0);
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
            super::number_text(asked, Field::Model).unwrap_or_default()
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
        let seed = number(&input, "seed")?.unwrap_or(1.0);
        if !(0.0..=9_007_199_254_740_991.0).contains(&seed) || seed.fract() != 0.0 {
            return Err(invalid(
                Field::Model,
                "seed",
                "must be a whole number from 0 to 2^53 - 1".to_string(),
            ));
        }
        let r = simulate(&schedule, &model, charges, years, seed as u64)?;
        let sens = Reflect::get(&input, &"sensitivity".into()).unwrap_or(JsValue::UNDEFINED);
        let sensitivity = if sens.is_object() {
            let (rates, repairs) = (factors(&sens, "rates")?, factors(&sens, "repairs")?);
            let asked_cells = number(&sens, "years")?
                .unwrap_or(2_000.0)
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
        } else {
            None
        };
        let be = Reflect::get(&input, &"breakEvenPercent".into()).unwrap_or(JsValue::UNDEFINED);
        let break_even = if be.is_undefined() || be.is_null() {
            None
        } else {
            let text = super::text_or_number(&be, Field::Model)
                .and_then(Result::ok)
                .unwrap_or_default();
            let percent = slacalc::value::decimal(&text, 6, Some(100_000_000))
                .map_err(|r| invalid(Field::Model, "breakEvenPercent", r))?
                as i128;
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
                        slacalc::risk::Durations::LogNormal { mu, .. } => Some(libm::exp(*mu) * f),
                        slacalc::risk::Durations::Resample(_) => None,
                    },
                }
            })
        };
        let solve = Reflect::get(&input, &"solve".into()).unwrap_or(JsValue::UNDEFINED);
        let solved = if solve.is_undefined() || solve.is_null() {
            None
        } else {
            Some(solve_for(
                &solve,
                &schedule,
                &model,
                charges,
                years,
                seed as u64,
                &mut notes,
            )?)
        };
        let yearly = Float64Array::new_with_length(r.yearly.len() as u32);
        for (i, m) in r.yearly.iter().enumerate() {
            yearly.set_index(i as u32, *m as f64 / UNIT as f64);
        }
        let result = RiskResult {
            years: r.years,
            seed,
            periods_per_year: r.periods_per_year,
            mean: cents(r.mean),
            median: cents(r.median),
            p90: cents(r.p90),
            p99: cents(r.p99),
            worst: cents(r.worst),
            yearly_charges: cents(r.yearly_charges),
            expected_percent: slacalc::decimal::format_scaled(
                r.expected_percent().max(0) as u128,
                6,
            ),
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
        };
        Ok((result, yearly))
    })();
    let (result, yearly) = result.map_err(|e| super::error_value(&e))?;
    let value = respond(Ok::<_, Error>(result))?;
    // The yearly credits go across as one typed array, not 100 000 numbers one by one.
    let _ = Reflect::set(&value, &"yearlyCredits".into(), &yearly);
    Ok(value)
}

/// `1234567` as `1 234 567`.
fn grouped(n: u32) -> String {
    slacalc::decimal::group_digits(u64::from(n))
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
    solve: &JsValue,
    schedule: &Schedule,
    model: &Model,
    charges: Money,
    years: u32,
    seed: u64,
    notes: &mut Vec<String>,
) -> Result<SolvedResult, Error> {
    use slacalc::risk::{rates_under, target_ladder, Confidence};
    if !solve.is_object() {
        return Err(invalid(
            Field::Model,
            "solve",
            "must be an object such as { percent: 5, confidence: \"p90\" }".to_string(),
        ));
    }
    let text = super::text_or_number(
        &Reflect::get(solve, &"percent".into()).unwrap_or(JsValue::UNDEFINED),
        Field::Model,
    )
    .and_then(Result::ok)
    .unwrap_or_default();
    let limit = slacalc::value::decimal(&text, 6, Some(100_000_000))
        .map_err(|r| invalid(Field::Model, "solve.percent", r))? as i128;
    let confidence = match Reflect::get(solve, &"confidence".into())
        .ok()
        .and_then(|v| v.as_string())
        .as_deref()
    {
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
    let percent = |r: &slacalc::risk::Risk, c: Confidence| r.percent_at(c) as f64 / 1e6;
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
        percent: slacalc::decimal::format_scaled(limit as u128, 6),
        years,
        targets,
        highest_target,
        rates,
    })
}

/// The periods of one measurement (`"month"`, `"week"` ...) in the Outage log page's export
/// (`attainment.csv`), as `[{ label, attainment }]`. Throws a `SlacalcError` (`field: "outages"`) for a
/// file that is not such an export or has no row for the measurement.
#[wasm_bindgen(js_name = exportedPeriods, unchecked_return_type = "{ label: string; attainment: string }[]")]
pub fn exported_periods(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] measure: JsValue,
) -> Result<JsValue, JsValue> {
    let read = || -> Result<Vec<(String, String)>, Error> {
        let text = super::text_param(&text, Field::Outages, "the export's text")?;
        let measure =
            super::text_param(&measure, Field::Period, "a measurement such as \"month\"")?;
        slacalc::penalty::exported_periods(&text, &measure)
    };
    let rows = read().map_err(|e| super::error_value(&e))?;
    let list = js_sys::Array::new();
    for (label, attainment) in rows {
        let o = js_sys::Object::new();
        let _ = Reflect::set(&o, &"label".into(), &label.into());
        let _ = Reflect::set(&o, &"attainment".into(), &attainment.into());
        list.push(&o);
    }
    Ok(list.into())
}
