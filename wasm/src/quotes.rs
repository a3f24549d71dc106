//! The comparisons of the JavaScript API: the internal service against providers' quotes, and tickets
//! against a help-desk SLA. The rules are the core's (`slacalc::api::quotes`, `slacalc::api::tickets`).

use wasm_bindgen::prelude::*;

use super::{error_value, read, request, respond, respond_large, text_param, PageZones};
use slacalc::api::{self, tickets::PieceExport};
use slacalc::error::Field;

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
    respond_large(request(&input).and_then(|v| api::tickets(&v, &PageZones)))
}

/// A ticket export read piece by piece as a file arrives (cut anywhere), measured as often as the SLA
/// changes without being read again.
#[wasm_bindgen]
pub struct TicketExport(PieceExport);

#[wasm_bindgen]
impl TicketExport {
    /// An export whose times without an offset are read in `timeZone` (default UTC), as the SLA's;
    /// the columns named in `columns` hold what it says (`{ id: "Ticket #", opened: "Logged" }`).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = timeZone, unchecked_param_type = "string | null")] zone: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Partial<Record<TicketColumn, string>> | null")]
        columns: JsValue,
    ) -> Result<TicketExport, JsValue> {
        let zone = read(&zone, Field::Calendar, "a time zone name as a string");
        let columns = read(
            &columns,
            Field::Tickets,
            "an object such as { id: \"Ref\" }",
        );
        let export =
            zone.and_then(|z| columns.and_then(|c| PieceExport::with_columns(&z, &c, &PageZones)));
        export.map(TicketExport).map_err(|e| error_value(&e))
    }

    /// The header's columns once read, even when they were refused: what a mapping step offers.
    #[wasm_bindgen(getter)]
    pub fn columns(&self) -> Vec<String> {
        self.0.columns()
    }

    /// Reads the next piece, as text or as UTF-8 bytes.
    pub fn push(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] piece: JsValue,
    ) -> Result<(), JsValue> {
        match piece.dyn_ref::<js_sys::Uint8Array>() {
            Some(bytes) => self.0.push_bytes(&bytes.to_vec()),
            None => {
                text_param(&piece, Field::Tickets, "text or bytes").and_then(|t| self.0.push(&t))
            }
        }
        .map_err(|e| error_value(&e))
    }

    /// Tickets read so far.
    #[wasm_bindgen(getter)]
    pub fn tickets(&self) -> usize {
        self.0.tickets()
    }

    /// Measures the export as `tickets` does (`{ sla, asOf?, period?, list? }`).
    #[wasm_bindgen(unchecked_return_type = "TicketsResult")]
    pub fn measure(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Omit<TicketsInput, \"tickets\" | \"csv\">")]
        input: JsValue,
    ) -> Result<JsValue, JsValue> {
        respond_large(request(&input).and_then(|v| self.0.measure(&v, &PageZones)))
    }
}
