//! The money of a service chain (`chain`'s `money`): credits paid to the customer, recovered from the
//! providers, and the net exposure, simulated over contract years (see [`crate::chain::money`]).

use serde::Serialize;
use ts_rs::TS;

use super::penalty::{cents, credit_preset};
use super::DurationText;
use crate::chain::money::{simulate_money_within, BackToBack, BackToBackResult, Contract, Spread};
use crate::chain::{Chain, Exact};
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::penalty::{CreditSchedule, Money};
use crate::period::Measure;
use crate::risk::{Confidence, Model};
use crate::value::{invalid, Object, Value};

/// The money side of `chain`: the customer's contract and the simulation.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)] // declares the shape; read part by part
pub(crate) struct ChainMoneyInput {
    /// The customer's charges each period of their credit schedule, such as "50000".
    #[ts(type = "string | number")]
    charges: String,
    /// The customer's credit schedule (as `credits` takes it, or a preset's id); its target defaults to
    /// the chain's `target`.
    #[ts(type = "string | Record<string, unknown>")]
    credits: String,
    /// The currency of the charges and of every provider's fee, such as "EUR" (default: none named).
    #[ts(optional)]
    currency: Option<String>,
    /// How long outages last where a part does not say: `{ median, p90 }` (default 30 min and 4 h).
    #[ts(optional, type = "{ median?: string | number, p90?: string | number }")]
    outages: Option<String>,
    /// Contract years to simulate (default 2 000).
    #[ts(optional, type = "number | string")]
    years: Option<f64>,
    /// The seed (default 1): the same seed gives the same figures.
    #[ts(optional, type = "number | string")]
    seed: Option<f64>,
    /// The net exposure allowed, a percentage of the contract value: the highest target within it is
    /// found.
    #[ts(optional, type = "string | number")]
    cap: Option<String>,
    /// Whether `cap` bounds the "expected" year or the 90th percentile "p90" (default).
    #[ts(optional)]
    confidence: Option<String>,
}

/// A year's money, to the cent.
#[derive(Serialize, TS)]
pub struct MoneySpread {
    /// The mean year.
    pub mean: String,
    /// Half the years at most this.
    pub median: String,
    /// Nine years in ten at most this.
    pub p90: String,
    /// The highest year.
    pub worst: String,
}

impl From<Spread> for MoneySpread {
    fn from(s: Spread) -> MoneySpread {
        MoneySpread {
            mean: cents(s.mean),
            median: cents(s.median),
            p90: cents(s.p90),
            worst: cents(s.worst),
        }
    }
}

/// One provider's side.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainRecovery {
    /// The part.
    pub name: String,
    /// The fees paid to it in a year.
    pub fees: String,
    /// What it pays back, a year.
    pub recovered: MoneySpread,
    /// What it pays back in a mean year, as a percentage of its fees (two decimals, rounded down).
    pub recovered_percent: String,
    /// Its mean downtime per period of its own schedule, to the second.
    pub mean_downtime: DurationText,
    /// Its periods with a credit due, over all years.
    #[ts(type = "number")]
    pub periods_breached: u64,
    /// Its measurement period.
    pub period: String,
}

/// How one component fails in the simulation.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainFailing {
    /// The part.
    pub name: String,
    /// Outages a month (six decimals).
    pub incidents_per_month: String,
    /// The mean outage.
    pub mean_outage: DurationText,
    /// Whether the rate was worked out from its availability (not given).
    pub from_availability: bool,
    /// Its share of time up, e^(-λm), to six decimals of a percent.
    pub availability: String,
}

/// The customer's schedule at one target, on the same outages.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainTargetStep {
    /// The target.
    pub target: String,
    /// Credits paid a year (null when the schedule cannot be committed at this target).
    #[ts(type = "MoneySpread | null")]
    pub paid: Option<MoneySpread>,
    /// Net exposure a year.
    #[ts(type = "MoneySpread | null")]
    pub net: Option<MoneySpread>,
    /// The net exposure at the confidence asked for, as a percentage of the contract value.
    #[ts(type = "string | null")]
    pub net_percent: Option<String>,
    /// Whether that is within the cap (null without one).
    #[ts(type = "boolean | null")]
    pub within: Option<bool>,
    /// Why the schedule cannot be committed at this target.
    #[ts(type = "string | null")]
    pub reason: Option<String>,
}

/// The money of the chain.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainMoney {
    /// Years simulated.
    pub years: u32,
    /// The seed.
    pub seed: f64,
    /// The currency, as given.
    pub currency: String,
    /// The customer's measurement period.
    pub period: String,
    /// The customer's charges in a year.
    pub contract_value: String,
    /// Credits paid to the customer, a year.
    pub paid: MoneySpread,
    /// Credits recovered from the providers, a year.
    pub recovered: MoneySpread,
    /// Paid less recovered, year by year.
    pub net: MoneySpread,
    /// The mean net exposure as a percentage of the contract value (two decimals, rounded toward zero).
    pub net_percent: String,
    /// The 90th percentile's.
    pub net_p90_percent: String,
    /// Years with at least one period owed a credit.
    pub years_breached: u32,
    /// Each provider.
    pub providers: Vec<ChainRecovery>,
    /// Each component that fails.
    pub failing: Vec<ChainFailing>,
    /// The service's share of time up in the simulation, six decimals of a percent.
    pub simulated_availability: String,
    /// What it converges to, components failing independently at their rates.
    #[ts(type = "string | null")]
    pub closed_form_availability: Option<String>,
    /// The customer's schedule at each target of the ladder.
    pub ladder: Vec<ChainTargetStep>,
    /// The cap, a percentage of the contract value, as given.
    #[ts(type = "string | null")]
    pub cap: Option<String>,
    /// "expected" or "p90".
    pub confidence: String,
    /// The highest target of the ladder within the cap.
    #[ts(type = "string | null")]
    pub highest_target: Option<String>,
    /// Plain words.
    pub verdict: Vec<String>,
    /// The assumptions.
    pub assumptions: Vec<String>,
    /// What was done otherwise than asked (fewer years).
    pub notes: Vec<String>,
}

/// The most outages' starts and ends (and periods) one answer simulates: about a quarter of a second
/// natively, so that a page can answer as the reader types.
const MOST_EVENTS: f64 = 4_000_000.0;

/// A part's money as given: how it fails and its contract.
#[derive(Default)]
pub(super) struct PartMoney {
    pub outages: Option<Value>,
    pub fee: Option<Money>,
    pub credits: Option<Value>,
    pub currency: Option<String>,
}

/// Reads a part's `outages`, `fee`, `credits` and `currency` from `o` (at `parts[i]`).
pub(super) fn read_part_money(o: &Object) -> Result<PartMoney, Error> {
    let fee = match o.optional_text("fee")? {
        None => None,
        Some(_) => Some(o.amount("fee")? as Money),
    };
    Ok(PartMoney {
        outages: o.get("outages").cloned(),
        fee,
        credits: o.get("credits").cloned(),
        currency: o
            .optional_text("currency")?
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty()),
    })
}

/// A percentage of `of`, two decimals, rounded toward zero.
fn share(m: Money, of: Money) -> String {
    let millionths = crate::risk::share_of(m, of);
    // No sign on a share that rounds toward zero to 0.00.
    let sign = if millionths <= -10_000 { "-" } else { "" };
    format!(
        "{sign}{}",
        crate::decimal::format_fixed(millionths.unsigned_abs(), 6, 2)
    )
}

/// A credit schedule as given (an object or a preset's id), with `target` where it names none.
fn schedule(v: &Value, target: Option<&str>, path: &str) -> Result<CreditSchedule, Error> {
    let value = match v {
        Value::Text(id) => credit_preset(id.trim()).ok_or_else(|| {
            invalid(
                Field::Input,
                path,
                format!("\"{}\" is not a preset's id", id.trim()),
            )
        })?,
        Value::Map(entries) => {
            let mut entries = entries.clone();
            if !entries
                .iter()
                .any(|(k, v)| k == "target" && *v != Value::Null)
            {
                if let Some(t) = target {
                    entries.retain(|(k, _)| k != "target");
                    entries.push(("target".to_string(), Value::Text(t.to_string())));
                }
            }
            Value::Map(entries)
        }
        other => {
            return Err(invalid(
                Field::Input,
                path,
                format!(
                    "must be a credit schedule or a preset's id, not {}",
                    other.kind()
                ),
            ))
        }
    };
    CreditSchedule::from_value(&value).map_err(|e| match e {
        Error::InvalidValue { part, reason, .. } => invalid(
            Field::Input,
            path,
            if part.is_empty() {
                reason
            } else if reason.starts_with("is ") || reason.starts_with("must ") {
                // Written to follow the name: "target is required".
                format!("{part} {reason}")
            } else {
                format!("{part}: {reason}")
            },
        ),
        Error::Missing { .. } => invalid(Field::Input, path, "is required".to_string()),
        other => other,
    })
}

/// Durations as `Model::from_value` reads them, from `part` (`{ median, p90 }`) or else `default`.
fn durations(part: Option<&Value>, default: &Value, path: &str) -> Result<Model, Error> {
    let pick = |key: &str| -> Value {
        part.and_then(|p| p.get(key))
            .filter(|v| **v != Value::Null)
            .or_else(|| default.get(key))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let mut entries = vec![("incidentsPerMonth".to_string(), Value::Text("1".into()))];
    // An outage log's lengths, resampled; else the median and 90th percentile.
    match part.and_then(|p| p.get("durations")) {
        Some(list) if *list != Value::Null => entries.push(("durations".to_string(), list.clone())),
        _ => {
            for key in ["median", "p90"] {
                let v = pick(key);
                if v != Value::Null {
                    entries.push((key.to_string(), v));
                }
            }
        }
    }
    Model::from_value(&Value::Map(entries)).map_err(|e| match e {
        Error::InvalidValue { part, reason, .. } => {
            invalid(Field::Input, &format!("{path}.{part}"), reason)
        }
        other => other,
    })
}

/// Simulates the money of `chain` (whose parts are `names` with their `money`, and each part's
/// availability `figures`) under the customer's contract `input`.
pub(super) fn money(
    input: &Value,
    chain: &Chain,
    parts: &[(&str, &PartMoney, bool)],
    figures: &[Exact],
    target: Option<&str>,
) -> Result<ChainMoney, Error> {
    let o = Object::new(
        input,
        Field::Input,
        "money",
        &[
            "charges",
            "credits",
            "currency",
            "outages",
            "years",
            "seed",
            "cap",
            "confidence",
        ],
    )?;
    let charges = o.amount("charges")? as Money;
    let customer = match o.get("credits") {
        Some(v) => schedule(v, target, "money.credits")?,
        None => {
            return Err(o.error(
                "credits",
                "give the customer's credits, such as 10% of the charges below the target",
            ))
        }
    };
    let currency = o
        .optional_text("currency")?
        .map(|c| c.trim().to_uppercase())
        .unwrap_or_default();
    let default_outages = match o.get("outages") {
        None => Value::Map(Vec::new()),
        Some(v @ Value::Map(_)) => v.clone(),
        Some(v) => {
            return Err(o.error(
                "outages",
                format!("must be {{ median, p90 }}, not {}", v.kind()),
            ))
        }
    };
    let mut default_outages = default_outages;
    if let Value::Map(entries) = &mut default_outages {
        for (key, text) in [("median", "30 min"), ("p90", "4 h")] {
            if !entries.iter().any(|(k, v)| k == key && *v != Value::Null) {
                entries.push((key.to_string(), Value::Text(text.to_string())));
            }
        }
    }
    // The lengths given for every component, checked once, here.
    durations(None, &default_outages, "money.outages")?;
    let whole = |key: &str, default: f64, least: f64, most: f64| -> Result<f64, Error> {
        match o.optional_text(key)? {
            None => Ok(default),
            Some(t) => t
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.fract() == 0.0 && *x >= least && *x <= most)
                .ok_or_else(|| {
                    o.error(
                        key,
                        format!(
                            "\"{}\" must be a whole number from {least} to {most}",
                            t.trim()
                        ),
                    )
                }),
        }
    };
    let years_asked = whole("years", 2_000.0, 1.0, f64::from(crate::risk::MAX_YEARS))? as u32;
    let seed = whole("seed", 1.0, 0.0, 9_007_199_254_740_991.0)?;
    let cap = match o.optional_text("cap")? {
        None => None,
        Some(t) => Some((
            t.trim().to_string(),
            o.decimal("cap", 6, Some(100_000_000))? as i128,
        )),
    };
    let confidence = match o.optional_text("confidence")?.map(str::trim) {
        None | Some("p90") => Confidence::P90,
        Some("expected") => Confidence::Mean,
        Some(t) => {
            return Err(o.error(
                "confidence",
                format!("\"{t}\" must be \"expected\" or \"p90\""),
            ))
        }
    };
    let month = Measure::Month.seconds() as f64;
    let mut models = Vec::with_capacity(parts.len());
    let mut contracts = Vec::with_capacity(parts.len());
    let mut failing = Vec::new();
    for (i, ((name, m, component), a)) in parts.iter().zip(figures).enumerate() {
        let path = format!("parts[{i}]");
        if !component {
            if m.outages.is_some() || m.fee.is_some() || m.credits.is_some() {
                return Err(invalid(
                    Field::Input,
                    name,
                    "a group neither fails nor is paid for by itself: give outages, fees and credits to its components".to_string(),
                ));
            }
            models.push(None);
            contracts.push(None);
            continue;
        }
        if let (Some(c), false) = (&m.currency, currency.is_empty()) {
            if *c != currency {
                return Err(invalid(
                    Field::Input,
                    &format!("{path}.currency"),
                    format!("the fee is in {c} and the customer's charges in {currency}: give the fee in {currency}, converted at the rate the contracts use"),
                ));
            }
        }
        let given = m.outages.as_ref();
        if let Some(v) = given {
            Object::new(
                v,
                Field::Input,
                &format!("{path}.outages"),
                &["incidentsPerMonth", "median", "p90", "durations"],
            )?;
        }
        let mut model = durations(given, &default_outages, &format!("{path}.outages"))?;
        let rate = match given
            .and_then(|v| v.get("incidentsPerMonth"))
            .and_then(Value::text)
        {
            Some(t) => {
                let r = crate::value::decimal(t, 6, Some(10_000_000_000)).map_err(|r| {
                    invalid(
                        Field::Input,
                        &format!("{path}.outages.incidentsPerMonth"),
                        r,
                    )
                })? as f64
                    / 1e6;
                (r, false)
            }
            None => {
                // As often as its availability allows: e^(-λm) = a.
                let up = a.to_f64();
                if up <= 0.0 {
                    return Err(invalid(
                        Field::Input,
                        name,
                        "an availability of 0 is never up: there is nothing to simulate"
                            .to_string(),
                    ));
                }
                (-libm::log(up) * month / model.mean_duration(), true)
            }
        };
        model.incidents_per_month = rate.0;
        if rate.0 > 0.0 {
            failing.push((i, rate.1, model.mean_duration()));
            models.push(Some(model));
        } else {
            models.push(None);
        }
        contracts.push(match (&m.credits, &m.fee) {
            (None, None) => None,
            (Some(_), None) => {
                return Err(invalid(
                    Field::Input,
                    &format!("{path}.fee"),
                    "give the fee paid to the provider each period: its credits are a share of it"
                        .to_string(),
                ))
            }
            (None, Some(_)) => {
                return Err(invalid(
                    Field::Input,
                    &format!("{path}.credits"),
                    "give the provider's credits, such as 10% of its fee below its availability"
                        .to_string(),
                ))
            }
            (Some(c), Some(fee)) => {
                let own = a.percent();
                Some(Contract {
                    schedule: schedule(c, Some(&own), &format!("{path}.credits"))?,
                    fee: *fee,
                })
            }
        });
    }
    let b2b = BackToBack {
        customer,
        charges,
        models,
        contracts,
    };
    let r = simulate_money_within(chain, &b2b, years_asked, seed as u64, MOST_EVENTS)?;
    Ok(words(
        r,
        &b2b,
        parts,
        failing,
        seed,
        currency,
        cap,
        confidence,
        years_asked,
    ))
}

/// The result in people's words.
#[allow(clippy::too_many_arguments)]
fn words(
    r: BackToBackResult,
    b2b: &BackToBack,
    parts: &[(&str, &PartMoney, bool)],
    failing: Vec<(usize, bool, f64)>,
    seed: f64,
    currency: String,
    cap: Option<(String, i128)>,
    confidence: Confidence,
    years_asked: u32,
) -> ChainMoney {
    let money = |m: Money| {
        if currency.is_empty() {
            cents(m)
        } else {
            format!("{} {currency}", cents(m))
        }
    };
    let seconds = |s: f64| -> DurationText {
        ExactDuration::from_nanos((s.max(0.0) * 1e9).round() as u64)
            .unwrap_or(ExactDuration::ZERO)
            .into()
    };
    let period = b2b.customer.cadence.name().to_string();
    let ladder = r
        .ladder
        .iter()
        .map(|(t, step)| match step {
            Ok((paid, net)) => {
                let at = r.percent(net.at(confidence));
                ChainTargetStep {
                    target: t.to_string(),
                    paid: Some((*paid).into()),
                    net: Some((*net).into()),
                    net_percent: Some(share(net.at(confidence), r.contract_value)),
                    within: cap.as_ref().map(|c| at <= c.1),
                    reason: None,
                }
            }
            Err(e) => ChainTargetStep {
                target: t.to_string(),
                paid: None,
                net: None,
                net_percent: None,
                within: None,
                reason: Some(match e {
                    Error::InvalidValue { reason, .. } => reason.clone(),
                    other => other.to_string(),
                }),
            },
        })
        .collect();
    let highest = cap
        .as_ref()
        .and_then(|c| r.highest_target(c.1, confidence))
        .map(|t| t.to_string());
    let which = match confidence {
        Confidence::Mean => "expected",
        Confidence::P90 => "p90",
    };
    let mut verdict = vec![format!(
        "A year costs {} in credits to the customer on average (9 years in 10 at most {}); the providers pay back {} ({}): a net exposure of {}, {}% of the contract value of {} (9 years in 10 at most {}, {}%).",
        money(r.paid.mean),
        money(r.paid.p90),
        money(r.recovered.mean),
        if r.paid.mean > 0 {
            format!("{}% of it", share(r.recovered.mean, r.paid.mean))
        } else {
            "with nothing paid".to_string()
        },
        money(r.net.mean),
        share(r.net.mean, r.contract_value),
        money(r.contract_value),
        money(r.net.p90),
        share(r.net.p90, r.contract_value),
    )];
    if let Some((text, _)) = &cap {
        let bound = match confidence {
            Confidence::Mean => "in an average year",
            Confidence::P90 => "9 years in 10",
        };
        verdict.push(match &highest {
            Some(t) => format!("The highest target that keeps the net exposure within {text}% of the contract value {bound}: {t}%."),
            None => format!("No target from 95% to 99.999% keeps the net exposure within {text}% of the contract value {bound}."),
        });
    }
    let mut notes = Vec::new();
    if r.years < years_asked {
        notes.push(format!(
            "Simulated {} years, not {}: the outages of this chain are many, and an answer simulates at most {} outages' starts and ends.",
            crate::decimal::group_digits(u64::from(r.years)),
            crate::decimal::group_digits(u64::from(years_asked)),
            crate::decimal::group_digits(MOST_EVENTS as u64)
        ));
    }
    let derived: Vec<&str> = failing
        .iter()
        .filter(|f| f.1)
        .map(|f| parts[f.0].0)
        .collect();
    let mut assumptions = vec![
        "Each component fails as a stream of outages at random moments, independently of the others; outages of one component that overlap are one outage, and one still running at the end of a year goes on into the next.".to_string(),
        "The service is down while its chain is: a provider's outage costs the customer only when the chain cannot do without it. Downtime is counted round the clock.".to_string(),
        "The customer's credits are a share of the customer's charges; a provider's credits are a share of the fee paid to that provider, whatever the customer is paid.".to_string(),
    ];
    if !derived.is_empty() {
        assumptions.push(format!(
            "Where no rate is given ({}), a component fails as often as keeps it up exactly its availability in the long run, with outages of the lengths given.",
            derived.join(", ")
        ));
    }
    let failing_out = failing
        .iter()
        .map(|&(i, from_availability, mean)| {
            let a = r
                .component_availability
                .iter()
                .find(|c| c.0 == parts[i].0)
                .map_or(1.0, |c| c.1);
            ChainFailing {
                name: parts[i].0.to_string(),
                incidents_per_month: format!(
                    "{:.6}",
                    b2b.models[i]
                        .as_ref()
                        .map_or(0.0, |m| m.incidents_per_month)
                ),
                mean_outage: seconds(mean),
                from_availability,
                availability: format!("{:.6}", a * 100.0),
            }
        })
        .collect();
    ChainMoney {
        years: r.years,
        seed,
        currency: currency.clone(),
        period,
        contract_value: cents(r.contract_value),
        paid: r.paid.into(),
        recovered: r.recovered.into(),
        net: r.net.into(),
        net_percent: share(r.net.mean, r.contract_value),
        net_p90_percent: share(r.net.p90, r.contract_value),
        years_breached: r.years_breached,
        providers: r
            .providers
            .iter()
            .map(|p| {
                let period = parts
                    .iter()
                    .position(|x| x.0 == p.name)
                    .and_then(|i| b2b.contracts[i].as_ref())
                    .map_or("month", |c| c.schedule.cadence.name());
                ChainRecovery {
                    name: p.name.clone(),
                    fees: cents(p.fees),
                    recovered: p.recovered.into(),
                    recovered_percent: share(p.recovered.mean, p.fees),
                    mean_downtime: seconds(p.mean_downtime.round()),
                    periods_breached: p.periods_breached,
                    period: period.to_string(),
                }
            })
            .collect(),
        failing: failing_out,
        simulated_availability: format!("{:.6}", r.simulated_availability * 100.0),
        closed_form_availability: r
            .closed_form_availability
            .map(|a| format!("{:.6}", a * 100.0)),
        ladder,
        cap: cap.map(|c| c.0),
        confidence: which.to_string(),
        highest_target: highest,
        verdict,
        assumptions,
        notes,
    }
}
