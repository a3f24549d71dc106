//! Service chains in the JavaScript API. The rules are the core's (`slacalc::api::chain`).

use wasm_bindgen::prelude::*;

use super::{request, respond, PageZones};
use slacalc::api;

/// The availability of a service made of parts in series, redundant, k of n or failing over, some shared:
/// exactly (components failing independently) and at worst (as the contracts alone guarantee), with the
/// downtime each allows over the period; with a `target`, whether it is met, the promise each internal
/// component must make, each part's share of the downtime allowed and the extra-nine check; with `money`,
/// the credits paid, recovered and the net, simulated. Throws a `SlacalcError` with field "input" and the
/// part's name (or its place, `parts[2].need`, `money.charges`) as its part.
#[wasm_bindgen(unchecked_return_type = "ChainResult")]
pub fn chain(
    #[wasm_bindgen(unchecked_param_type = "ChainInput")] input: JsValue,
) -> Result<JsValue, JsValue> {
    respond(request(&input).and_then(|v| api::chain(&v, &PageZones)))
}
