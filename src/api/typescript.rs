//! The TypeScript declarations of the API's inputs, results and errors, written from the Rust types
//! (`ts-rs`): the WASM boundary puts them into the modules' `.d.ts`, so that nothing is declared by hand.

use ts_rs::TS;

use super::*;
use crate::error::{Error, Field};

/// The declarations of [`SlacalcError`](crate::Error) and of every input and result type of the API.
pub fn typescript() -> String {
    let union = |items: &mut dyn Iterator<Item = &str>| {
        items
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let mut out = format!(
        "/** Thrown by every function on bad input. */\n\
         export interface SlacalcError extends Error {{\n    \
         /** A stable machine-readable reason. */\n    \
         code: {};\n    \
         /** The input the error concerns. */\n    \
         field: {};\n    \
         /** The part concerned, for calendar errors (\"timeZone\", \"weekly.mon\", \"holidays[2]\") and penalty\n     \
         *  inputs (\"tiers[1].when\", \"periods[3].charges\", \"incidentsPerMonth\"). */\n    \
         part?: string;\n}}\n",
        union(&mut Error::CODES.iter().copied()),
        union(&mut Field::ALL.iter().map(|f| f.name())),
    );
    let decls = [
        (CalendarInput::docs(), CalendarInput::decl()),
        (WeeklyInput::docs(), WeeklyInput::decl()),
        (BudgetInput::docs(), BudgetInput::decl()),
        (AchievedInput::docs(), AchievedInput::decl()),
        (DurationText::docs(), DurationText::decl()),
        (PeriodInfo::docs(), PeriodInfo::decl()),
        (BudgetResult::docs(), BudgetResult::decl()),
        (ServiceResult::docs(), ServiceResult::decl()),
        (AchievedResult::docs(), AchievedResult::decl()),
        (TablePeriod::docs(), TablePeriod::decl()),
        (TableRow::docs(), TableRow::decl()),
        (TargetTable::docs(), TargetTable::decl()),
    ];
    for (docs, decl) in decls {
        out.push('\n');
        out.push_str(&docs.unwrap_or_default());
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
    out
}
