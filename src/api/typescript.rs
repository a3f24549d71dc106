//! The TypeScript declarations of the API's inputs, results and errors, written from the Rust types
//! (`ts-rs`): the WASM boundary puts them into the modules' `.d.ts`, so that nothing is declared by hand.

use ts_rs::TS;

use super::*;
use crate::error::{Error, Field};

fn push(out: &mut String, decls: impl IntoIterator<Item = (Option<String>, String)>) {
    for (docs, decl) in decls {
        out.push('\n');
        out.push_str(&docs.unwrap_or_default());
        out.push_str("export ");
        out.push_str(&decl);
        out.push('\n');
    }
}

/// The declarations of the analysis module's own inputs and results (outage logs), beside
/// [`typescript`]'s.
pub fn typescript_analysis() -> String {
    use super::attainment::*;
    let mut out = String::new();
    {
        use super::calendar::*;
        push(
            &mut out,
            [
                (ServiceTime::docs(), ServiceTime::decl()),
                (Instant::docs(), Instant::decl()),
                (IcsImport::docs(), IcsImport::decl()),
                (IcsHolidayView::docs(), IcsHolidayView::decl()),
                (IcsSkippedView::docs(), IcsSkippedView::decl()),
            ],
        );
    }
    push(&mut out, input_declarations());
    push(
        &mut out,
        [
            (WindowResult::docs(), WindowResult::decl()),
            (ChoiceResult::docs(), ChoiceResult::decl()),
            (RollingResult::docs(), RollingResult::decl()),
            (LogProblem::docs(), LogProblem::decl()),
            (DaysResult::docs(), DaysResult::decl()),
            (BurnResult::docs(), BurnResult::decl()),
            (AttainmentResult::docs(), AttainmentResult::decl()),
        ],
    );
    {
        use super::penalty::*;
        push(&mut out, input_declarations());
        push(
            &mut out,
            [
                (CreditLineResult::docs(), CreditLineResult::decl()),
                (CreditsResult::docs(), CreditsResult::decl()),
                (AnalyticResult::docs(), AnalyticResult::decl()),
                (SensitivityResult::docs(), SensitivityResult::decl()),
                (BreakEvenResult::docs(), BreakEvenResult::decl()),
                (LadderStep::docs(), LadderStep::decl()),
                (ScaledRates::docs(), ScaledRates::decl()),
                (SolvedResult::docs(), SolvedResult::decl()),
                (RiskResult::docs(), RiskResult::decl()),
            ],
        );
    }
    {
        use super::quotes::*;
        push(&mut out, input_declarations());
        push(
            &mut out,
            [
                (OfferView::docs(), OfferView::decl()),
                (CreditsYear::docs(), CreditsYear::decl()),
                (QuotesResult::docs(), QuotesResult::decl()),
            ],
        );
    }
    #[cfg(feature = "chain")]
    {
        use super::chain::*;
        push(&mut out, input_declarations());
        push(
            &mut out,
            [
                (ChainFigure::docs(), ChainFigure::decl()),
                (ChainPartResult::docs(), ChainPartResult::decl()),
                (ChainResult::docs(), ChainResult::decl()),
            ],
        );
        use super::back_to_back::*;
        push(
            &mut out,
            [
                (ChainMoneyInput::docs(), ChainMoneyInput::decl()),
                (MoneySpread::docs(), MoneySpread::decl()),
                (ChainRecovery::docs(), ChainRecovery::decl()),
                (ChainFailing::docs(), ChainFailing::decl()),
                (ChainTargetStep::docs(), ChainTargetStep::decl()),
                (ChainMoney::docs(), ChainMoney::decl()),
            ],
        );
    }
    {
        use super::tickets::*;
        out.push_str(&format!(
            "\n/** What a column of a ticket export holds. */\nexport type TicketColumn = {};\n",
            crate::tickets::Column::ALL
                .map(|c| format!("\"{}\"", c.name()))
                .join(" | ")
        ));
        push(&mut out, input_declarations());
        push(
            &mut out,
            [
                (ClockResult::docs(), ClockResult::decl()),
                (StintResult::docs(), StintResult::decl()),
                (TicketResult::docs(), TicketResult::decl()),
                (GroupResult::docs(), GroupResult::decl()),
                (SummaryResult::docs(), SummaryResult::decl()),
                (ExperienceResult::docs(), ExperienceResult::decl()),
                (PeriodResult::docs(), PeriodResult::decl()),
                (TicketProblem::docs(), TicketProblem::decl()),
                (StateResult::docs(), StateResult::decl()),
                (TicketCredits::docs(), TicketCredits::decl()),
                (ColumnResult::docs(), ColumnResult::decl()),
                (HistogramResult::docs(), HistogramResult::decl()),
                (TicketsResult::docs(), TicketsResult::decl()),
            ],
        );
    }
    out
}

/// The declarations of [`SlacalcError`](crate::Error) and of the inputs and results of the
/// calculator's functions (budgets, tables, calendars).
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
        (calendar::StripDay::docs(), calendar::StripDay::decl()),
    ];
    push(&mut out, decls);
    out
}
