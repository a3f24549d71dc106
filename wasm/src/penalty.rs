//! The penalty half of the JavaScript API: credits owed under a schedule, and the risk of a contract.
//! The rules are the core's (`slacalc::api::penalty`); here only the conversions.

use js_sys::{Float64Array, Reflect};
use wasm_bindgen::prelude::*;

use super::{request, respond, PageZones};
use slacalc::api;
use slacalc::error::{Error, Field};
use slacalc::penalty::PRESETS;

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
    respond(request(&input).and_then(|v| api::credits(&v)))
}

/// Simulates contract years of a schedule under an outage model: the distribution of yearly credits, the
/// chance of a breach, the closed-form check where one exists, and optionally a sensitivity grid and the
/// break-even repair time. The same seed gives the same figures on every machine.
#[wasm_bindgen(unchecked_return_type = "RiskResult")]
pub fn risk(
    #[wasm_bindgen(unchecked_param_type = "RiskInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    let mut result = request(&input)
        .and_then(|v| api::risk(&v, &PageZones))
        .map_err(|e| super::error_value(&e))?;
    let yearly = std::mem::take(&mut result.yearly_credits);
    let value = respond(Ok::<_, Error>(result))?;
    // The yearly credits go across as one typed array, not 100 000 numbers one by one.
    let _ = Reflect::set(
        &value,
        &"yearlyCredits".into(),
        &Float64Array::from(&yearly[..]),
    );
    Ok(value)
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
