//! The comparison half of the JavaScript API: the internal service against providers' quotes. The rules
//! are the core's (`slacalc::api::quotes`).

use wasm_bindgen::prelude::*;

use super::{request, respond, PageZones};
use slacalc::api;

/// Puts the internal service and providers' quotes on one basis (a period and service hours): allowed
/// downtime as promised and on the basis, expected downtime and credits, effective cost, cost per hour
/// of allowed downtime, and a verdict in plain words. Throws a `SlacalcError` with field "input" and the
/// part concerned (`"options[1].currency"`).
#[wasm_bindgen(js_name = compareQuotes, unchecked_return_type = "QuotesResult")]
pub fn compare_quotes(
    #[wasm_bindgen(unchecked_param_type = "QuotesInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond(request(&input).and_then(|v| api::compare_quotes(&v, &PageZones)))
}
