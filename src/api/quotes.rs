//! Comparisons: the internal service and providers' quotes on one basis (`compareQuotes`).

use serde::Serialize;
use ts_rs::TS;

use super::penalty::cents;
use super::{get, object, CalendarInput, DurationText, Zones};
use crate::calendar::Calendar;
use crate::error::{Error, Field};
use crate::penalty::{Availability, CreditSchedule, Money};
use crate::period::Period;
use crate::quotes::{compare_offers, Basis, Offer};
use crate::risk::Model;
use crate::target::Target;
use crate::value::{invalid, Value};

/// One option: the internal service or a provider's quote. Amounts as strings or numbers.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)] // declares the shape; read part by part by `compare_quotes`
struct QuoteOption {
    name: String,
    /// The internal service, which the quotes are compared with.
    #[ts(optional)]
    internal: Option<bool>,
    /// Default: the basis's currency; any other is refused.
    #[ts(optional)]
    currency: Option<String>,
    #[ts(type = "string | number")]
    price_per_month: String,
    #[ts(optional, type = "string | number")]
    one_off: Option<String>,
    /// The promised target, e.g. "99.95".
    #[ts(type = "string | number")]
    target: String,
    /// Its measurement period: "week", "P2W", "month", "quarter", "year".
    period: String,
    /// Its service hours; 24x7 without.
    #[ts(optional, type = "string | CalendarInput | null")]
    calendar: Option<String>,
    /// Its credit schedule, or a preset's id ("aws-s3-standard").
    #[ts(optional, type = "CreditSchedule | string | null")]
    schedule: Option<String>,
    /// Attainment measured on the basis (history), in percent.
    #[ts(optional, type = "string | number")]
    attainment: Option<String>,
    /// The outage model expected of it (default: the comparison's `model`).
    #[ts(optional, type = "OutageModel | null")]
    model: Option<String>,
}

/// The period, hours and money every option is put on.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)]
struct QuotesBasis {
    /// "month" (default), "quarter", "year", "week" or whole weeks.
    #[ts(optional)]
    period: Option<String>,
    /// The customer's service hours; 24x7 without.
    #[ts(optional, type = "string | CalendarInput | null")]
    calendar: Option<String>,
    /// ISO 4217 code of every price, e.g. "EUR".
    currency: String,
    /// Years over which one-off costs are spread (default 3).
    #[ts(optional)]
    contract_years: Option<f64>,
    /// What an hour of downtime in service hours costs (default 0).
    #[ts(optional, type = "string | number")]
    downtime_cost_per_hour: Option<String>,
}

/// Input of `compareQuotes`.
#[derive(TS)]
#[allow(dead_code)]
struct QuotesInput {
    basis: QuotesBasis,
    /// The outage model for options without their own.
    #[ts(optional, type = "OutageModel | null")]
    model: Option<String>,
    options: Vec<QuoteOption>,
}

/// The declarations of the inputs, for the TypeScript of the module.
pub(super) fn input_declarations() -> Vec<(Option<String>, String)> {
    vec![
        (QuoteOption::docs(), QuoteOption::decl()),
        (QuotesBasis::docs(), QuotesBasis::decl()),
        (QuotesInput::docs(), QuotesInput::decl()),
    ]
}

/// One option on the basis.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OfferView {
    /// The option's name.
    pub name: String,
    /// Whether it is the internal service.
    pub internal: bool,
    /// `"99.95% measured quarterly on 24x7"`.
    pub promise: String,
    /// Allowed downtime per its own period.
    pub allowed_own: DurationText,
    /// The most downtime it allows within one basis period.
    pub allowed_basis: DurationText,
    /// Basis service hours a week it does not cover (downtime there is unlimited), in seconds.
    pub uncovered_week_seconds: f64,
    /// The target it amounts to on the basis; null when hours are uncovered.
    #[ts(type = "string | null")]
    pub effective_target: Option<String>,
    /// Expected downtime per basis period, from history or the model.
    #[ts(type = "DurationText | null")]
    pub expected_basis: Option<DurationText>,
    /// Expected credits a year (mean) and their 90th percentile, to the cent.
    pub credits_year: Option<CreditsYear>,
    /// Price a year, to the cent.
    pub price_year: String,
    /// Price a year less expected credits plus the cost of expected downtime.
    pub effective_year: String,
    /// Price a year per hour of allowed downtime a year; null if unlimited.
    #[ts(type = "string | null")]
    pub per_allowed_hour: Option<String>,
}

/// Expected credits a year.
#[derive(Serialize, TS)]
pub struct CreditsYear {
    /// The mean year's, to the cent.
    pub mean: String,
    /// The 90th-percentile year's, to the cent.
    pub p90: String,
}

/// The comparison.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuotesResult {
    /// The basis in words.
    pub basis: String,
    /// The currency.
    pub currency: String,
    /// Service time in one basis period.
    pub basis_service: DurationText,
    /// One per option, in order.
    pub options: Vec<OfferView>,
    /// Plain words, a sentence a line.
    pub verdict: Vec<String>,
}

/// A string as it is, or a number's text; refused otherwise, naming `part`.
fn text_of(v: Option<&Value>, part: &str) -> Result<String, Error> {
    match v {
        Some(Value::Text(t)) | Some(Value::Number(t)) => Ok(t.clone()),
        Some(other) => Err(invalid(
            Field::Input,
            part,
            format!("must be a number or a string, not {}", other.kind()),
        )),
        None => Err(invalid(Field::Input, part, "must be given".to_string())),
    }
}

fn amount(v: Option<&Value>, part: &str) -> Result<Money, Error> {
    let text = text_of(v, part)?;
    crate::value::amount(&text)
        .map(|x| x as Money)
        .map_err(|r| invalid(Field::Input, part, r))
}

/// Re-labels an error of a nested input with the part it came from.
fn within(part: &str, e: Error) -> Error {
    match e {
        Error::InvalidValue {
            part: inner,
            reason,
            ..
        } if !inner.is_empty() => invalid(Field::Input, &format!("{part}.{inner}"), reason),
        // A calendar's error keeps the part of the calendar it concerns: options[1].calendar.hours.
        other => match other.part() {
            Some(inner) => invalid(Field::Input, &format!("{part}.{inner}"), other.to_string()),
            None => invalid(Field::Input, part, other.to_string()),
        },
    }
}

fn schedule_from(v: Option<&Value>, part: &str) -> Result<Option<CreditSchedule>, Error> {
    match v {
        None => Ok(None),
        Some(Value::Text(id)) => match super::penalty::credit_preset(id) {
            Some(p) => CreditSchedule::from_value(&p)
                .map(Some)
                .map_err(|e| within(part, e)),
            None => Err(invalid(
                Field::Input,
                part,
                format!("\"{id}\" is not a preset's id"),
            )),
        },
        Some(v) => CreditSchedule::from_value(v)
            .map(Some)
            .map_err(|e| within(part, e)),
    }
}

fn model_from(v: Option<&Value>, part: &str) -> Result<Option<Model>, Error> {
    v.map(|v| Model::from_value(v).map_err(|e| within(part, e)))
        .transpose()
}

fn period_of(v: Option<&Value>, part: &str, default: &str) -> Result<Period, Error> {
    let text = match v {
        Some(_) => text_of(v, part)?,
        None => default.to_string(),
    };
    Period::parse(&text).map_err(|e| within(part, e))
}

fn calendar_of(
    v: Option<&Value>,
    part: &str,
    zones: &dyn Zones,
) -> Result<Option<Calendar>, Error> {
    v.map(|v| {
        CalendarInput::read(v)
            .and_then(|c| c.calendar(zones))
            .map_err(|e| within(part, e))
    })
    .transpose()
}

/// Puts the internal service and providers' quotes on one basis (a period and service hours): allowed
/// downtime as promised and on the basis, expected downtime and credits, effective cost, cost per hour
/// of allowed downtime, and a verdict in plain words. Errors have field "input" and the part concerned
/// (`"options[1].currency"`).
pub fn compare_quotes(input: &Value, zones: &dyn Zones) -> Result<QuotesResult, Error> {
    let input = object(input)?;
    let b = match get(input, "basis") {
        Some(Value::Map(b)) => b,
        other => {
            return Err(invalid(
                Field::Input,
                "basis",
                format!(
                    "must be an object, not {}",
                    other.map_or("missing", Value::kind)
                ),
            ))
        }
    };
    let currency = text_of(get(b, "currency"), "basis.currency")?
        .trim()
        .to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(invalid(
            Field::Input,
            "basis.currency",
            format!("\"{currency}\" must be a three-letter currency code such as EUR"),
        ));
    }
    let contract_years = match get(b, "contractYears") {
        None => 3,
        Some(v) => match v {
            Value::Number(t) => match crate::value::number_f64(t).ok_or(()) {
                Ok(y) if (1.0..=50.0).contains(&y) && y.fract() == 0.0 => y as u32,
                _ => return Err(years_error()),
            },
            _ => return Err(years_error()),
        },
    };
    let basis = Basis {
        period: period_of(get(b, "period"), "basis.period", "month")?,
        calendar: calendar_of(get(b, "calendar"), "basis.calendar", zones)?,
        currency: currency.clone(),
        contract_years,
        downtime_cost_per_hour: match get(b, "downtimeCostPerHour") {
            Some(cost) => amount(Some(cost), "basis.downtimeCostPerHour")?,
            None => 0,
        },
    };
    let shared = model_from(get(input, "model"), "model")?;
    let list = match get(input, "options") {
        Some(Value::List(list)) => list,
        other => {
            return Err(invalid(
                Field::Input,
                "options",
                format!(
                    "must be an array of options, not {}",
                    other.map_or("missing", Value::kind)
                ),
            ))
        }
    };
    if list.is_empty() || list.len() > 20 {
        return Err(invalid(
            Field::Input,
            "options",
            "must hold 1 to 20 options".to_string(),
        ));
    }
    let mut offers = Vec::new();
    for (i, o) in list.iter().enumerate() {
        let p = |k: &str| format!("options[{i}].{k}");
        let Value::Map(o) = o else {
            return Err(invalid(
                Field::Input,
                &format!("options[{i}]"),
                format!("must be an object, not {}", o.kind()),
            ));
        };
        let name = match get(o, "name") {
            Some(Value::Text(t)) if !t.trim().is_empty() => t.trim().to_string(),
            _ => {
                return Err(invalid(
                    Field::Input,
                    &p("name"),
                    "must be given".to_string(),
                ))
            }
        };
        let history = match get(o, "attainment") {
            None => None,
            v => {
                let t = text_of(v, &p("attainment"))?;
                let m = crate::value::decimal(&t, 6, Some(100_000_000))
                    .map_err(|r| invalid(Field::Input, &p("attainment"), r))?;
                Some(Availability::from_micros(m as u32))
            }
        };
        let target_text = text_of(get(o, "target"), &p("target"))?;
        let model = model_from(get(o, "model"), &p("model"))?.or_else(|| shared.clone());
        offers.push(Offer {
            name,
            internal: matches!(get(o, "internal"), Some(Value::Bool(true))),
            currency: match get(o, "currency") {
                None => currency.clone(),
                v => text_of(v, &p("currency"))?.trim().to_uppercase(),
            },
            price_month: amount(get(o, "pricePerMonth"), &p("pricePerMonth"))?,
            one_off: match get(o, "oneOff") {
                None => 0,
                v => amount(v, &p("oneOff"))?,
            },
            target: Target::parse(&target_text).map_err(|e| within(&p("target"), e))?,
            period: period_of(get(o, "period"), &p("period"), "month")?,
            calendar: calendar_of(get(o, "calendar"), &p("calendar"), zones)?,
            schedule: schedule_from(get(o, "schedule"), &p("schedule"))?,
            history,
            model,
        });
    }
    let c = compare_offers(&basis, &offers)?;
    Ok(QuotesResult {
        basis: c.basis,
        currency,
        basis_service: c.basis_service.into(),
        verdict: c.verdict,
        options: c
            .offers
            .into_iter()
            .map(|r| OfferView {
                name: r.name,
                internal: r.internal,
                promise: r.promise,
                allowed_own: r.allowed_own.into(),
                allowed_basis: r.allowed_basis.into(),
                uncovered_week_seconds: r.uncovered_week_seconds as f64,
                effective_target: r.effective_target,
                expected_basis: r.expected_basis.map(Into::into),
                credits_year: r.credits_year.map(|(m, p)| CreditsYear {
                    mean: cents(m),
                    p90: cents(p),
                }),
                price_year: cents(r.price_year),
                effective_year: cents(r.effective_year),
                per_allowed_hour: r.per_allowed_hour.map(cents),
            })
            .collect(),
    })
}

fn years_error() -> Error {
    invalid(
        Field::Input,
        "basis.contractYears",
        "must be a whole number of years from 1 to 50".to_string(),
    )
}
