//! The comparison half of the JavaScript API: the internal service against providers' quotes.

use js_sys::{Array, Reflect};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use super::calendar::calendar_from;
use super::penalty::cents;
use super::{check_object, kind_of, respond, text_or_number};
use slacalc::duration::ExactDuration;
use slacalc::error::{Error, Field};
use slacalc::penalty::{Attainment, Money, Schedule, PRESETS};
use slacalc::period::Period;
use slacalc::quotes::{compare_offers, Basis, Offer};
use slacalc::risk::Model;
use slacalc::target::Target;
use slacalc::value::{invalid, Value};

#[wasm_bindgen(typescript_custom_section)]
const QUOTE_TYPES: &str = r#"
/** One option: the internal service or a provider's quote. Amounts as strings or numbers. */
export interface QuoteOption {
    name: string;
    /** The internal service, which the quotes are compared with. */
    internal?: boolean;
    /** Default: the basis's currency; any other is refused. */
    currency?: string;
    pricePerMonth: string | number;
    oneOff?: string | number;
    /** The promised target, e.g. "99.95". */
    target: string | number;
    /** Its measurement period: "week", "P2W", "month", "quarter", "year". */
    period: string;
    /** Its service hours; 24x7 without. */
    calendar?: string | CalendarInput | null;
    /** Its credit schedule, or a preset's id ("aws-s3-standard"). */
    schedule?: CreditSchedule | string | null;
    /** Attainment measured on the basis (history), in percent. */
    attainment?: string | number;
    /** The outage model expected of it (default: the comparison's `model`). */
    model?: OutageModel | null;
}

/** Input of `compareQuotes`. */
export interface QuotesInput {
    basis: {
        /** "month" (default), "quarter", "year", "week" or whole weeks. */
        period?: string;
        /** The customer's service hours; 24x7 without. */
        calendar?: string | CalendarInput | null;
        /** ISO 4217 code of every price, e.g. "EUR". */
        currency: string;
        /** Years over which one-off costs are spread (default 3). */
        contractYears?: number;
        /** What an hour of downtime in service hours costs (default 0). */
        downtimeCostPerHour?: string | number;
    };
    /** The outage model for options without their own. */
    model?: OutageModel | null;
    options: QuoteOption[];
}
"#;

/// A duration in exact text and in seconds.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DurationPair {
    /// `"1 h 5 min 44.619 s"`.
    pub text: String,
    /// Seconds, exact, as a decimal string.
    pub seconds: String,
}

impl From<ExactDuration> for DurationPair {
    fn from(d: ExactDuration) -> Self {
        DurationPair {
            text: d.to_string(),
            seconds: d.seconds_decimal(),
        }
    }
}

/// One option on the basis.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OfferView {
    /// The option's name.
    pub name: String,
    /// Whether it is the internal service.
    pub internal: bool,
    /// `"99.95% measured quarterly on 24x7"`.
    pub promise: String,
    /// Allowed downtime per its own period.
    pub allowed_own: DurationPair,
    /// The most downtime it allows within one basis period.
    pub allowed_basis: DurationPair,
    /// Basis service hours a week it does not cover (downtime there is unlimited), in seconds.
    pub uncovered_week_seconds: f64,
    /// The target it amounts to on the basis; null when hours are uncovered.
    #[tsify(type = "string | null")]
    pub effective_target: Option<String>,
    /// Expected downtime per basis period, from history or the model.
    #[tsify(type = "DurationPair | null")]
    pub expected_basis: Option<DurationPair>,
    /// Expected credits a year (mean) and their 90th percentile, to the cent.
    #[tsify(type = "{ mean: string; p90: string } | null")]
    pub credits_year: Option<CreditsYear>,
    /// Price a year, to the cent.
    pub price_year: String,
    /// Price a year less expected credits plus the cost of expected downtime.
    pub effective_year: String,
    /// Price a year per hour of allowed downtime a year; null if unlimited.
    #[tsify(type = "string | null")]
    pub per_allowed_hour: Option<String>,
}

/// Expected credits a year.
#[derive(Serialize)]
pub struct CreditsYear {
    mean: String,
    p90: String,
}

/// The comparison.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct QuotesResult {
    /// The basis in words.
    pub basis: String,
    /// The currency.
    pub currency: String,
    /// Service time in one basis period.
    pub basis_service: DurationPair,
    /// One per option, in order.
    pub options: Vec<OfferView>,
    /// Plain words, a sentence a line.
    pub verdict: Vec<String>,
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn given(v: &JsValue) -> bool {
    !v.is_undefined() && !v.is_null()
}

fn text_of(v: &JsValue, part: &str) -> Result<String, Error> {
    text_or_number(v, Field::Input).unwrap_or_else(|| {
        Err(invalid(
            Field::Input,
            part,
            format!("must be a number or a string, not {}", kind_of(v)),
        ))
    })
}

fn amount(v: &JsValue, part: &str) -> Result<Money, Error> {
    let text = text_of(v, part)?;
    slacalc::value::amount(&text)
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

fn schedule_from(v: &JsValue, part: &str) -> Result<Option<Schedule>, Error> {
    if !given(v) {
        return Ok(None);
    }
    if let Some(id) = v.as_string() {
        let presets = Value::parse_json(PRESETS)
            .map_err(|_| invalid(Field::Input, part, "the presets cannot be read".to_string()))?;
        let Value::List(list) = presets else {
            return Ok(None);
        };
        let found = list.iter().find(|p| match p {
            Value::Map(entries) => entries
                .iter()
                .any(|(k, v)| k == "id" && v.text() == Some(id.as_str())),
            _ => false,
        });
        return match found {
            Some(p) => Schedule::from_value(p)
                .map(Some)
                .map_err(|e| within(part, e)),
            None => Err(invalid(
                Field::Input,
                part,
                format!("\"{id}\" is not a preset's id"),
            )),
        };
    }
    let value: Value = super::value_from(v.clone(), Field::Input, part)?;
    Schedule::from_value(&value)
        .map(Some)
        .map_err(|e| within(part, e))
}

fn model_from(v: &JsValue, part: &str) -> Result<Option<Model>, Error> {
    if !given(v) {
        return Ok(None);
    }
    let value: Value = super::value_from(v.clone(), Field::Input, part)?;
    Model::from_value(&value)
        .map(Some)
        .map_err(|e| within(part, e))
}

fn period_of(v: &JsValue, part: &str, default: &str) -> Result<Period, Error> {
    let text = if given(v) {
        text_of(v, part)?
    } else {
        default.to_string()
    };
    Period::parse(&text).map_err(|e| within(part, e))
}

fn calendar_of(v: &JsValue, part: &str) -> Result<Option<slacalc::calendar::Calendar>, Error> {
    if !given(v) {
        return Ok(None);
    }
    calendar_from(v).map(Some).map_err(|e| within(part, e))
}

/// Puts the internal service and providers' quotes on one basis (a period and service hours): allowed
/// downtime as promised and on the basis, expected downtime and credits, effective cost, cost per hour
/// of allowed downtime, and a verdict in plain words. Throws a `SlacalcError` with field "input" and the
/// part concerned (`"options[1].currency"`).
#[wasm_bindgen(js_name = compareQuotes, unchecked_return_type = "QuotesResult")]
pub fn compare_quotes(
    #[wasm_bindgen(unchecked_param_type = "QuotesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond((|| {
        let input = super::plain(&input, Field::Input)?;
        check_object(&input)?;
        let b = get(&input, "basis");
        if !b.is_object() {
            return Err(invalid(
                Field::Input,
                "basis",
                format!("must be an object, not {}", kind_of(&b)),
            ));
        }
        let currency = text_of(&get(&b, "currency"), "basis.currency")?
            .trim()
            .to_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(invalid(
                Field::Input,
                "basis.currency",
                format!("\"{currency}\" must be a three-letter currency code such as EUR"),
            ));
        }
        let years = get(&b, "contractYears");
        let contract_years = if given(&years) {
            match years.as_f64() {
                Some(y) if (1.0..=50.0).contains(&y) && y.fract() == 0.0 => y as u32,
                _ => {
                    return Err(invalid(
                        Field::Input,
                        "basis.contractYears",
                        "must be a whole number of years from 1 to 50".to_string(),
                    ))
                }
            }
        } else {
            3
        };
        let cost = get(&b, "downtimeCostPerHour");
        let basis = Basis {
            period: period_of(&get(&b, "period"), "basis.period", "month")?,
            calendar: calendar_of(&get(&b, "calendar"), "basis.calendar")?,
            currency: currency.clone(),
            contract_years,
            downtime_cost_per_hour: if given(&cost) {
                amount(&cost, "basis.downtimeCostPerHour")?
            } else {
                0
            },
        };
        let shared = model_from(&get(&input, "model"), "model")?;
        let list = get(&input, "options");
        if !Array::is_array(&list) {
            return Err(invalid(
                Field::Input,
                "options",
                format!("must be an array of options, not {}", kind_of(&list)),
            ));
        }
        let list = Array::from(&list);
        if list.length() == 0 || list.length() > 20 {
            return Err(invalid(
                Field::Input,
                "options",
                "must hold 1 to 20 options".to_string(),
            ));
        }
        let mut offers = Vec::new();
        for (i, o) in list.iter().enumerate() {
            let p = |k: &str| format!("options[{i}].{k}");
            if !o.is_object() || Array::is_array(&o) {
                return Err(invalid(
                    Field::Input,
                    &format!("options[{i}]"),
                    format!("must be an object, not {}", kind_of(&o)),
                ));
            }
            let name = get(&o, "name")
                .as_string()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty());
            let Some(name) = name else {
                return Err(invalid(
                    Field::Input,
                    &p("name"),
                    "must be given".to_string(),
                ));
            };
            let currency_v = get(&o, "currency");
            let attainment_v = get(&o, "attainment");
            let history = if given(&attainment_v) {
                let t = text_of(&attainment_v, &p("attainment"))?;
                let m = slacalc::value::decimal(&t, 6, Some(100_000_000))
                    .map_err(|r| invalid(Field::Input, &p("attainment"), r))?;
                Some(Attainment::from_micros(m as u32))
            } else {
                None
            };
            let target_text = text_of(&get(&o, "target"), &p("target"))?;
            let one_off = get(&o, "oneOff");
            let model = model_from(&get(&o, "model"), &p("model"))?.or_else(|| shared.clone());
            offers.push(Offer {
                name,
                internal: get(&o, "internal").as_bool().unwrap_or(false),
                currency: if given(&currency_v) {
                    text_of(&currency_v, &p("currency"))?.trim().to_uppercase()
                } else {
                    currency.clone()
                },
                price_month: amount(&get(&o, "pricePerMonth"), &p("pricePerMonth"))?,
                one_off: if given(&one_off) {
                    amount(&one_off, &p("oneOff"))?
                } else {
                    0
                },
                target: Target::parse(&target_text).map_err(|e| within(&p("target"), e))?,
                period: period_of(&get(&o, "period"), &p("period"), "month")?,
                calendar: calendar_of(&get(&o, "calendar"), &p("calendar"))?,
                schedule: schedule_from(&get(&o, "schedule"), &p("schedule"))?,
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
    })())
}
