//! The comparisons of the JavaScript API: the internal service against providers' quotes, and tickets
//! against a help-desk SLA. The rules are the core's (`slacalc::api::quotes`, `slacalc::api::tickets`).

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

/// Measures tickets (objects, or an export's CSV text) against a help-desk SLA: each ticket's response
/// and resolution clocks on business hours, and per priority and period how many met their goals. Throws a
/// `SlacalcError` with field "sla" or "tickets" and the part concerned; tickets that cannot be measured
/// are listed in `problems`.
#[wasm_bindgen(unchecked_return_type = "TicketsResult")]
pub fn tickets(
    #[wasm_bindgen(unchecked_param_type = "TicketsInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond(request(&input).and_then(|v| api::tickets(&v, &PageZones)))
}
