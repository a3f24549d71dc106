//! Help-desk SLAs over tickets (`tickets`): each ticket's response and resolution clocks on business
//! hours, and per priority and period how many met their goals.

use std::cell::Cell;

use serde::Serialize;
use ts_rs::TS;

use super::{CalendarInput, DurationText, Zones};
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::penalty::{money_text, CreditRule, CreditSchedule, Money, PeriodInput};
use crate::period::Measure;
use crate::target::Target;
use crate::tickets::{
    lost_seconds, score_of, Clock, Column, Due, Experience, Export, ExportReader, Goal,
    GroupSummary, HelpDesk, Ola, Reopen, Scale, Stint, Summary, Ticket,
};
use crate::value::{invalid, Object, Value};
use crate::zone::{parse_instant, utc_text, Zone};

/// One clock of one ticket.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClockResult {
    /// `"met"`, `"breached"` or `"running"`.
    #[ts(type = "\"met\" | \"breached\" | \"running\"")]
    pub stage: &'static str,
    /// The goal in business time.
    pub goal: DurationText,
    /// Business time used, pauses taken out.
    pub business: DurationText,
    /// Time on the clock from start to stop (or to `asOf`).
    pub elapsed: DurationText,
    /// Time paused, and its in-schedule part.
    pub paused: DurationText,
    /// See `paused`.
    pub business_paused: DurationText,
    /// Business time used as a share of the goal, in percent, rounded up to 2 decimals (a clock a second
    /// over its goal never shows 100.00).
    pub percent: String,
    /// When the goal runs out (UTC), or null beyond the hours measured.
    pub due: Option<String>,
}

impl From<&Clock> for ClockResult {
    fn from(c: &Clock) -> Self {
        ClockResult {
            stage: c.stage.name(),
            goal: duration(c.goal),
            business: duration(c.business),
            elapsed: duration(c.elapsed),
            paused: duration(c.paused),
            business_paused: duration(c.business_paused),
            percent: hundredths((c.business as u128 * 10_000).div_ceil(c.goal.max(1) as u128)),
            due: c.due.map(utc_text),
        }
    }
}

/// One ticket measured.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TicketResult {
    /// Its id.
    pub id: String,
    /// Its priority.
    pub priority: String,
    /// Its category, where the export or the ticket gives one.
    pub category: Option<String>,
    /// The goal it was measured against: its priority, and the category where the goal is for one
    /// (`"P2 in Payroll"`).
    pub goal: String,
    /// The response clock; null where the priority has no response goal.
    pub response: Option<ClockResult>,
    /// The resolution clock; null where the priority has no resolution goal.
    pub resolution: Option<ClockResult>,
    /// Each assignment to a group, in order.
    pub groups: Vec<StintResult>,
    /// How many times it went to another group after its first.
    pub reassignments: usize,
    /// Whether it was reopened after being resolved.
    pub reopened: bool,
    /// Resolved by the first group it was given to, never reassigned, never reopened; null for a ticket
    /// that names no group.
    pub first_contact: Option<bool>,
    /// A breached resolution: the group that held it when the goal ran out.
    pub breached_with: Option<String>,
}

/// One assignment of a ticket to a group.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StintResult {
    /// The group.
    pub group: String,
    /// When it was given the ticket and when it passed it on (or resolved it, or `asOf`), UTC.
    pub start: String,
    /// See `start`.
    pub end: String,
    /// Business time it held the ticket, pauses taken out.
    pub business: DurationText,
    /// The group's OLA, if it has one.
    pub ola: Option<DurationText>,
    /// Against the OLA: "met", "breached" or "running"; null without one.
    #[ts(type = "\"met\" | \"breached\" | \"running\" | null")]
    pub stage: Option<&'static str>,
}

impl From<&Stint> for StintResult {
    fn from(s: &Stint) -> Self {
        StintResult {
            group: s.group.to_string(),
            start: utc_text(s.start),
            end: utc_text(s.end),
            business: duration(s.business),
            ola: s.ola.map(|o| duration(o.0)),
            stage: s.ola.map(|o| o.1.name()),
        }
    }
}

/// One assignment group over all the tickets.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupResult {
    /// The group.
    pub group: String,
    /// Its OLA, if it has one.
    pub ola: Option<DurationText>,
    /// How many times tickets were given to it.
    pub assignments: usize,
    /// Assignments within its OLA, and over it (running ones are neither).
    pub met: usize,
    /// See `met`.
    pub breached: usize,
    /// Business time it held tickets, pauses taken out.
    pub business: DurationText,
    /// SLA resolution breaches whose goal ran out while it held the ticket.
    pub sla_breaches: usize,
}

impl From<&GroupSummary> for GroupResult {
    fn from(g: &GroupSummary) -> Self {
        GroupResult {
            group: g.group.clone(),
            ola: g.ola.map(duration),
            assignments: g.assignments,
            met: g.met,
            breached: g.breached,
            business: duration(g.business),
            sla_breaches: g.sla_breaches,
        }
    }
}

/// The clocks of one goal that stopped in a period.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SummaryResult {
    /// How many stopped in the period.
    pub tickets: usize,
    /// How many of them met the goal, and how many did not.
    pub met: usize,
    /// See `met`.
    pub breached: usize,
    /// The share met, in percent, rounded down to 2 decimals; null without tickets.
    pub percent_met: Option<String>,
    /// Whether the share met reaches the attainment target, compared exactly.
    pub meets_target: bool,
    /// Whether it meets the target but falls short of the SLA's `warning` threshold.
    pub at_risk: bool,
    /// Business time taken (nearest rank): the median, the 90th percentile and the most; null without
    /// tickets.
    pub p50: Option<DurationText>,
    /// See `p50`.
    pub p90: Option<DurationText>,
    /// See `p50`.
    pub worst: Option<DurationText>,
}

impl From<&Summary> for SummaryResult {
    fn from(s: &Summary) -> Self {
        SummaryResult {
            tickets: s.tickets,
            met: s.met,
            breached: s.tickets - s.met,
            percent_met: (s.tickets > 0)
                .then(|| hundredths(s.met as u128 * 10_000 / s.tickets as u128)),
            meets_target: s.meets_target,
            at_risk: s.at_risk,
            p50: s.p50.map(duration),
            p90: s.p90.map(duration),
            worst: s.worst.map(duration),
        }
    }
}

/// One goal (a priority, or a priority in a category) in one period.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodResult {
    /// `"Mar 2026"`.
    pub period: String,
    /// Its first day and the day after its last, in the SLA's zone.
    pub start: String,
    /// See `start`.
    pub end: String,
    /// The priority.
    pub priority: String,
    /// The goal: the priority, and the category where the goal is for one (`"P2 in Payroll"`).
    pub goal: String,
    /// Response clocks that stopped in the period.
    pub response: SummaryResult,
    /// Resolution clocks that stopped in the period.
    pub resolution: SummaryResult,
    /// The tickets resolved in the period that name their groups, and how many of those were resolved
    /// at first contact (by the first group, never reassigned or reopened).
    pub with_groups: usize,
    /// See `withGroups`.
    pub first_contact: usize,
    /// The callers' experience, from the tickets resolved in the period.
    pub experience: ExperienceResult,
    /// The SLA was met while the experience got worse than in the priority's period before: what got
    /// worse, in words; null otherwise.
    pub watermelon: Option<String>,
    /// The credit owed under the SLA's `penalty`: on the share of resolutions (responses, without any)
    /// within their goal, and the fee for each resolution out of time; null without a penalty.
    pub credit: Option<super::penalty::CreditLineResult>,
}

/// The callers' experience over some tickets.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExperienceResult {
    /// Scores given, and of them happy (9-10, or 5 of 5) and unhappy (0-6, or 1-3 of 5).
    pub scores: usize,
    /// See `scores`.
    pub happy: usize,
    /// See `scores`.
    pub unhappy: usize,
    /// % happy less % unhappy, -100 to +100, rounded to the nearest point; null without scores.
    #[ts(type = "number | null")]
    pub happiness: Option<i64>,
    /// Answers about lost time, and the time lost per answer (to the second); null without answers.
    pub lost_answers: usize,
    /// See `lostAnswers`.
    pub lost_per_answer: Option<DurationText>,
}

impl From<&Experience> for ExperienceResult {
    fn from(e: &Experience) -> Self {
        ExperienceResult {
            scores: e.scores,
            happy: e.happy,
            unhappy: e.unhappy,
            happiness: e.happiness(),
            lost_answers: e.lost_answers,
            lost_per_answer: e.lost_per_answer().map(duration),
        }
    }
}

/// A ticket not measured, or a line of an export not read.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TicketProblem {
    /// The line of the export (the header is line 1); null for tickets given as objects.
    pub line: Option<usize>,
    /// The ticket's place among the tickets given as objects, from 1; null for an export.
    pub ticket: Option<usize>,
    /// Its id as given, where it has one.
    pub id: Option<String>,
    /// Why it was not measured, or the rule applied to measure it.
    pub reason: String,
    /// Whether the ticket was measured, with the rule its reason states (a score off the scale left
    /// out, changes read in order of time, a reopening after the ticket was closed).
    pub measured: bool,
}

/// What `tickets` answers.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TicketsResult {
    /// The instant the tickets were measured at (UTC).
    pub as_of: String,
    /// The measurement period: "week", "month" or "quarter".
    #[ts(type = "\"week\" | \"month\" | \"quarter\"")]
    pub period: &'static str,
    /// How many tickets were measured (`tickets` may list fewer).
    pub measured: usize,
    /// The tickets measured that did not meet every goal and OLA (breached or still running), or all of
    /// them with `list: "all"`, in the order given.
    pub tickets: Vec<TicketResult>,
    /// Each goal (a priority, or a priority in a category) in each period in which a clock stopped, in
    /// order of time.
    pub periods: Vec<PeriodResult>,
    /// The tickets not measured, each with its reason.
    pub problems: Vec<TicketProblem>,
    /// Each assignment group, in the order first seen.
    pub groups: Vec<GroupResult>,
    /// OLAs that do not add up: the usual path of a priority's tickets whose groups' OLAs come to more
    /// than its resolution goal.
    pub warnings: Vec<String>,
    /// Each state the tickets entered, as first written, how many changes went into it, and how the SLA
    /// counts it: "stops" (a resolving state), "resets" (one of `resetStates`), "pauses" (one of
    /// `pauseStates`) or "runs" (the clock goes on): a state meant to pause that runs shows a pause state missing from the SLA.
    pub states: Vec<StateResult>,
    /// The credits owed in all under the SLA's `penalty`, to the cent, and in words; null without one.
    pub credits: Option<TicketCredits>,
    /// The export's columns, each with what it was read as; empty for tickets given as a list.
    pub columns: Vec<ColumnResult>,
    /// Per goal, its resolution clocks that stopped or ran over, every ticket's, by business time
    /// against each one's goal.
    pub histograms: Vec<HistogramResult>,
    /// How many instants had no offset and were read in the SLA's `timeZone`.
    pub local_times: usize,
}

/// One goal's resolution clocks that stopped or ran over, by business time against each one's goal.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HistogramResult {
    /// The goal: `"P2"`, `"P2 in Payroll"`.
    pub goal: String,
    /// Its business time where it is the same for every ticket; null for the next business day.
    pub goal_time: Option<DurationText>,
    /// How many clocks in bins of a tenth of each one's goal, `[0, 10%)` to `[190%, 200%)`, and a last
    /// bin of twice the goal or more: 21 counts.
    pub bins: Vec<usize>,
    /// How many took longer than their goal.
    pub over: usize,
}

/// A column of an export, and what it was read as.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnResult {
    /// Its header.
    pub name: String,
    /// What it was read as; null where it was not read.
    #[ts(type = "TicketColumn | null")]
    pub reads: Option<&'static str>,
}

/// A state the tickets entered, and how the SLA counts it.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StateResult {
    /// The state, as first written.
    pub state: String,
    /// Changes into it.
    pub changes: usize,
    /// `"stops"`, `"resets"`, `"pauses"` or `"runs"`.
    #[ts(type = "\"stops\" | \"resets\" | \"pauses\" | \"runs\"")]
    pub counted: &'static str,
}

/// The credits owed over every period and priority.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TicketCredits {
    /// The credits in all, to the cent.
    pub total: String,
    /// `"1 200 EUR of 24 000 EUR charged (5.00%)"`: the charges are each period's, once per priority.
    pub summary: String,
}

/// A change of state of a ticket.
#[derive(TS)]
#[allow(dead_code)] // declares the shape; read part by part by `tickets`
struct StateChange {
    /// When: ISO 8601, UTC or with an offset ("2026-03-09T10:00:00Z"); without one, in the SLA's zone.
    at: String,
    /// The state entered: "On hold", "In progress".
    state: String,
}

/// One ticket.
#[derive(TS)]
#[allow(dead_code)]
struct TicketInput {
    /// Its number: "INC0012345".
    id: String,
    /// Its priority, as a goal names it: "P2".
    priority: String,
    /// Its category or service, for goals given per category: "Payroll".
    #[ts(optional)]
    category: Option<String>,
    /// When it was opened.
    opened: String,
    /// Its first response to the caller.
    #[ts(optional)]
    responded: Option<String>,
    /// When it was resolved.
    #[ts(optional)]
    resolved: Option<String>,
    /// The states it entered, with their instants.
    #[ts(optional)]
    states: Option<Vec<StateChange>>,
    /// The assignment groups it was given to, with their instants.
    #[ts(optional)]
    groups: Option<Vec<GroupChange>>,
    /// The caller's satisfaction score, on the SLA's `scoreScale`.
    #[ts(optional, type = "number | string")]
    score: Option<String>,
    /// The time the caller says they lost: "PT2H", "2 h", or seconds.
    #[ts(optional, type = "string | number")]
    lost_time: Option<String>,
}

/// An assignment of a ticket to a group.
#[derive(TS)]
#[allow(dead_code)]
struct GroupChange {
    /// When.
    at: String,
    /// The group: "Service Desk", "Network".
    group: String,
}

/// An OLA: the business time a group may hold a ticket each time it is given it.
#[derive(TS)]
#[allow(dead_code)]
struct OlaInput {
    group: String,
    /// "PT2H", "1 h", or seconds.
    #[ts(type = "string | number")]
    resolution: String,
}

/// The goals of one priority, in business time.
#[derive(TS)]
#[allow(dead_code)]
struct GoalInput {
    /// "P1", "P2", ..., or "*" for the tickets of every priority without a goal of their own.
    priority: String,
    /// The category or service the goal is for ("Payroll"); without, the goal is for the priority's
    /// tickets of every category without a goal of their own.
    #[ts(optional)]
    category: Option<String>,
    /// Time to the first response: "PT15M", "1 h", seconds, or "next business day".
    #[ts(optional, type = "string | number")]
    response: Option<String>,
    /// Time to the resolution: "PT8H", "P1D" (24 business hours), or "next business day" (the close of
    /// the first service day after the day of the opening).
    #[ts(optional, type = "string | number")]
    resolution: Option<String>,
    /// The service hours counted; round the clock without.
    #[ts(optional, type = "CalendarInput | null")]
    calendar: Option<String>,
}

/// A help-desk SLA.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)]
struct HelpDeskSla {
    goals: Vec<GoalInput>,
    /// States that pause the resolution clock: ["Pending customer", "On hold"].
    #[ts(optional)]
    pause_states: Option<Vec<String>>,
    /// States that start the resolution clock again from zero on entering them (ServiceNow's reset).
    #[ts(optional)]
    reset_states: Option<Vec<String>>,
    /// A ticket reopened after its resolution: its clock goes on, the time resolved paused ("continue",
    /// the default, as ServiceNow), or a new cycle starts at the reopening and the ticket is measured on
    /// its last ("new cycle", as Jira Service Management and Zendesk).
    #[ts(optional, type = "\"continue\" | \"new cycle\"")]
    reopen: Option<String>,
    /// The share of a priority's tickets that must meet each goal in a period, in percent (default 100).
    #[ts(optional, type = "string | number")]
    attainment: Option<String>,
    /// A share above `attainment` below which a period that meets the target is at risk, in percent.
    #[ts(optional, type = "string | number")]
    warning: Option<String>,
    /// The zone of the periods and of instants without an offset (default UTC).
    #[ts(optional)]
    time_zone: Option<String>,
    /// The groups' OLAs, measured on the hours of each ticket's goal.
    #[ts(optional)]
    olas: Option<Vec<OlaInput>>,
    /// The scale of satisfaction scores: "0-10" (default) or "1-5".
    #[ts(optional, type = "\"0-10\" | \"1-5\"")]
    score_scale: Option<String>,
    /// Credits when a priority's share within its goal falls short in a period: a schedule (tiers or a
    /// flat refund on that share, or a preset's id) and each period's charges; or a fee for each
    /// resolution out of time (`feePerBreach`, not capped by the schedule's caps); or both.
    #[ts(
        optional,
        type = "{ schedule?: CreditSchedule | string, charges?: string | number, feePerBreach?: string | number, currency?: string }"
    )]
    penalty: Option<String>,
}

/// Input of `tickets`: the tickets as objects, or an export's CSV text.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)]
struct TicketsInput {
    sla: HelpDeskSla,
    #[ts(optional)]
    tickets: Option<Vec<TicketInput>>,
    /// A ticket export: a header and a line per ticket, or a line per change of state.
    #[ts(optional)]
    csv: Option<String>,
    /// The export's columns named by what they hold, where their headers do not say it:
    /// `{ id: "Ticket #", opened: "Logged" }`. The others are recognised from their headers.
    #[ts(optional, type = "Partial<Record<TicketColumn, string>>")]
    columns: Option<String>,
    /// The instant measured at (default: the latest instant of any ticket).
    #[ts(optional)]
    as_of: Option<String>,
    /// "week", "month" (default) or "quarter".
    #[ts(optional)]
    period: Option<String>,
    /// The tickets the result lists: "missed" (default: breached or still running), "all", or "none"
    /// (the figures alone).
    #[ts(optional, type = "\"missed\" | \"all\" | \"none\"")]
    list: Option<String>,
}

/// The declarations of the inputs, for the TypeScript of the module.
pub(super) fn input_declarations() -> Vec<(Option<String>, String)> {
    vec![
        (StateChange::docs(), StateChange::decl()),
        (GroupChange::docs(), GroupChange::decl()),
        (TicketInput::docs(), TicketInput::decl()),
        (OlaInput::docs(), OlaInput::decl()),
        (GoalInput::docs(), GoalInput::decl()),
        (HelpDeskSla::docs(), HelpDeskSla::decl()),
        (TicketsInput::docs(), TicketsInput::decl()),
    ]
}

/// Whole seconds (none below 0) written as the results write a duration.
fn duration(s: i64) -> DurationText {
    DurationText::from(ExactDuration::from_seconds(s.max(0) as u64).unwrap_or(ExactDuration::ZERO))
}

/// `9550` hundredths as `"95.50"`.
fn hundredths(x: u128) -> String {
    format!("{}.{:02}", x / 100, x % 100)
}

/// Why `text` is not read as a duration.
fn not_a_duration(text: &str) -> String {
    format!("\"{text}\" is not a duration: write it as PT8H, as 8 h or as a number of seconds")
}

/// When a goal named `name` of `o` is due, if given: "next business day" (or "end of next business
/// day", "NBD"), or a whole number of seconds, more than none.
fn goal_due(o: &Object, name: &str) -> Result<Option<Due>, Error> {
    let Some(text) = o.optional_text(name)? else {
        return Ok(None);
    };
    let words = text.trim().to_ascii_lowercase();
    if matches!(
        words.as_str(),
        "next business day" | "end of next business day" | "nbd"
    ) {
        return Ok(Some(Due::NextBusinessDay));
    }
    let d =
        ExactDuration::parse(text, Field::Sla).map_err(|_| o.error(name, not_a_duration(text)))?;
    let nanos = d.as_nanos();
    if nanos == 0 || nanos % 1_000_000_000 != 0 {
        return Err(o.error(
            name,
            format!("{text} must be a whole number of seconds, more than none"),
        ));
    }
    Ok(Some(Due::Within(
        (nanos / 1_000_000_000).min(i64::MAX as u64) as i64,
    )))
}

/// The items of the list named `name` of `o`.
fn list<'a>(o: &Object<'a>, name: &str) -> Result<&'a [Value], Error> {
    match o.get(name) {
        None => Ok(&[]),
        Some(Value::List(items)) => Ok(items),
        Some(other) => Err(o.error(name, format!("must be a list, not {}", other.kind()))),
    }
}

/// The credits an SLA owes when a priority's share within its goal falls short: a schedule (tiers or a flat
/// refund, read against that share), the charges of each period and their currency.
struct Penalty {
    /// Tiers or a flat refund on the share within the goal, with each period's charges.
    schedule: Option<(CreditSchedule, Money)>,
    /// A fee for each resolution out of time.
    fee: Option<Money>,
    currency: String,
}

/// Reads `penalty: { schedule, charges, feePerBreach, currency? }`: a schedule (a preset's id or its
/// own) with the charges of a period, a fee per resolution out of time, or both.
fn read_penalty(o: &Object) -> Result<Option<Penalty>, Error> {
    let Some(v) = o.get("penalty") else {
        return Ok(None);
    };
    let p = Object::new(
        v,
        Field::Sla,
        &o.path("penalty"),
        &["schedule", "charges", "feePerBreach", "currency"],
    )?;
    let within = |e: Error| match e {
        Error::InvalidValue { part, reason, .. } if !part.is_empty() => {
            invalid(Field::Sla, &p.path(&format!("schedule.{part}")), reason)
        }
        other => invalid(Field::Sla, &p.path("schedule"), other.to_string()),
    };
    let schedule = match p.get("schedule") {
        None => None,
        Some(Value::Text(id)) => match super::penalty::credit_preset(id) {
            Some(preset) => Some(CreditSchedule::from_value(&preset).map_err(within)?),
            None => return Err(p.error("schedule", format!("\"{id}\" is not a preset's id"))),
        },
        Some(v) => Some(CreditSchedule::from_value(v).map_err(within)?),
    };
    if schedule
        .as_ref()
        .is_some_and(|s| !matches!(s.rule, CreditRule::Tiers(_) | CreditRule::Flat(_)))
    {
        return Err(p.error(
            "schedule",
            "credits for tickets come from the share within the goal: give tiers or a flat refund",
        ));
    }
    let fee = match p.get("feePerBreach") {
        None => None,
        Some(_) => Some(p.amount("feePerBreach")? as Money),
    };
    let schedule = match schedule {
        Some(s) => Some((s, p.amount("charges")? as Money)),
        None if fee.is_none() => {
            return Err(p.error(
                "schedule",
                "is required, or a feePerBreach: a preset's id or a schedule, with the charges",
            ))
        }
        None => None,
    };
    let currency = p
        .optional_text("currency")?
        .unwrap_or("")
        .trim()
        .to_string();
    Ok(Some(Penalty {
        schedule,
        fee,
        currency,
    }))
}

/// Reads the SLA: goals, pause states, the attainment target and the zone of its periods.
fn read_sla(v: &Value, zones: &dyn Zones) -> Result<(HelpDesk, Zone, Option<Penalty>), Error> {
    let o = Object::new(
        v,
        Field::Sla,
        "",
        &[
            "goals",
            "pauseStates",
            "attainment",
            "timeZone",
            "olas",
            "scoreScale",
            "penalty",
            "reopen",
            "resetStates",
            "warning",
        ],
    )?;
    let mut goals: Vec<Goal> = Vec::new();
    for (i, g) in list(&o, "goals")?.iter().enumerate() {
        let path = format!("goals[{i}]");
        let g = Object::new(
            g,
            Field::Sla,
            &path,
            &["priority", "category", "response", "resolution", "calendar"],
        )?;
        let priority = g.text("priority")?.trim().to_string();
        let category = g
            .optional_text("category")?
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let same = |x: &Goal| {
            x.priority.eq_ignore_ascii_case(&priority)
                && match (&x.category, &category) {
                    (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                    (a, b) => a.is_none() && b.is_none(),
                }
        };
        if priority.is_empty() || goals.iter().any(same) {
            return Err(g.error(
                "priority",
                match &category {
                    _ if priority.is_empty() => {
                        "is empty: name the priority, such as P2".to_string()
                    }
                    Some(c) => format!("\"{priority}\" in \"{c}\" has a goal already"),
                    None => format!("\"{priority}\" has a goal already"),
                },
            ));
        }
        let (response, resolution) = (goal_due(&g, "response")?, goal_due(&g, "resolution")?);
        if response.is_none() && resolution.is_none() {
            return Err(g.error(
                "resolution",
                "give a response goal, a resolution goal or both",
            ));
        }
        let calendar = match g.get("calendar") {
            None => None,
            Some(c) => Some(
                CalendarInput::read(c)
                    .and_then(|c| c.calendar(zones))
                    .map_err(|e| invalid(Field::Sla, &g.path("calendar"), e.to_string()))?,
            ),
        };
        goals.push(Goal {
            priority,
            category,
            response,
            resolution,
            calendar,
        });
    }
    if goals.is_empty() {
        return Err(o.error(
            "goals",
            "give at least one goal, such as { priority: \"P2\", resolution: \"PT8H\" }",
        ));
    }
    let states = |name: &str| -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        for (i, s) in list(&o, name)?.iter().enumerate() {
            match s {
                Value::Text(t) if !t.trim().is_empty() => out.push(t.clone()),
                other => {
                    return Err(invalid(
                        Field::Sla,
                        &format!("{name}[{i}]"),
                        format!("must be a state's name, not {}", other.kind()),
                    ))
                }
            }
        }
        Ok(out)
    };
    let (pause_states, reset_states) = (states("pauseStates")?, states("resetStates")?);
    let reopen = match o.optional_text("reopen")?.map(str::trim) {
        None | Some("continue") => Reopen::Continue,
        Some("new cycle") => Reopen::NewCycle,
        Some(other) => {
            return Err(o.error(
                "reopen",
                format!("\"{other}\" is not a choice: use \"continue\" or \"new cycle\""),
            ))
        }
    };
    let attainment = match o.optional_text("attainment")? {
        None => Target::parse("100")?,
        Some(t) => Target::parse(t).map_err(|e| o.error("attainment", e.to_string()))?,
    };
    let warning = match o.optional_text("warning")? {
        None => None,
        Some(t) => {
            let w = Target::parse(t).map_err(|e| o.error("warning", e.to_string()))?;
            if w <= attainment {
                return Err(o.error(
                    "warning",
                    format!(
                        "{} must be above the attainment target, {}: a period is at risk between the two",
                        t.trim(),
                        attainment
                    ),
                ));
            }
            Some(w)
        }
    };
    let mut olas: Vec<Ola> = Vec::new();
    for (i, v) in list(&o, "olas")?.iter().enumerate() {
        let g = Object::new(
            v,
            Field::Sla,
            &format!("olas[{i}]"),
            &["group", "resolution"],
        )?;
        let group = g.text("group")?.trim().to_string();
        if group.is_empty() || olas.iter().any(|x| x.group.eq_ignore_ascii_case(&group)) {
            return Err(g.error(
                "group",
                if group.is_empty() {
                    "is empty: name the group, such as Service Desk".to_string()
                } else {
                    format!("\"{group}\" has an OLA already")
                },
            ));
        }
        let seconds = match goal_due(&g, "resolution")? {
            Some(Due::Within(s)) => s,
            Some(Due::NextBusinessDay) => {
                return Err(g.error(
                    "resolution",
                    "must be a duration such as 4 h: an OLA is a length of business time",
                ))
            }
            None => {
                return Err(g.error(
                    "resolution",
                    "is required: the time the group may hold a ticket",
                ))
            }
        };
        olas.push(Ola { group, seconds });
    }
    let scale = match o.optional_text("scoreScale")?.map(str::trim) {
        None | Some("0-10") => Scale::ZeroToTen,
        Some("1-5") => Scale::OneToFive,
        Some(other) => {
            return Err(o.error(
                "scoreScale",
                format!("\"{other}\" is not a scale: use \"0-10\" or \"1-5\""),
            ))
        }
    };
    let zone = match o.optional_text("timeZone")? {
        None => Zone::utc(),
        Some(name) => {
            super::zone_named(zones, name.trim()).map_err(|e| o.error("timeZone", e.to_string()))?
        }
    };
    Ok((
        HelpDesk {
            goals,
            pause_states,
            attainment,
            warning,
            olas,
            scale,
            reopen,
            reset_states,
        },
        zone,
        read_penalty(&o)?,
    ))
}

/// Reads one ticket, its instants in `zone` where they have no offset.
fn read_ticket(v: &Value, i: usize, zone: &Zone, local: &Cell<usize>) -> Result<Ticket, Error> {
    let path = format!("[{i}]");
    let o = Object::new(
        v,
        Field::Tickets,
        &path,
        &[
            "id",
            "priority",
            "category",
            "opened",
            "responded",
            "resolved",
            "states",
            "groups",
            "score",
            "lostTime",
        ],
    )?;
    // Instants without an offset are read in the zone, and counted.
    let count = |t: &str| local.set(local.get() + usize::from(crate::zone::is_local(t)));
    let instant = |name: &str| -> Result<Option<i64>, Error> {
        o.optional_text(name)?
            .map(|t| {
                count(t);
                parse_instant(t, zone, Field::Tickets).map_err(|e| o.error(name, e.to_string()))
            })
            .transpose()
    };
    let opened = instant("opened")?.ok_or_else(|| o.error("opened", "is required"))?;
    // The changes of state or of group: `[{ at, state }]`, `[{ at, group }]`.
    let changes =
        |list_name: &str, name: &str| -> Result<Vec<(i64, crate::tickets::Name)>, Error> {
            let mut out = Vec::new();
            for (k, c) in list(&o, list_name)?.iter().enumerate() {
                let path = o.path(&format!("{list_name}[{k}]"));
                let c = Object::new(c, Field::Tickets, &path, &["at", name])?;
                count(c.text("at")?);
                let at = parse_instant(c.text("at")?, zone, Field::Tickets)
                    .map_err(|e| c.error("at", e.to_string()))?;
                out.push((at, crate::tickets::Name::from(c.text(name)?)));
            }
            Ok(out)
        };
    let (states, groups) = (changes("states", "state")?, changes("groups", "group")?);
    let score = match o.optional_text("score")? {
        None => None,
        Some(t) => Some(score_of(t).ok_or_else(|| {
            o.error(
                "score",
                format!("\"{t}\" is not a whole number from 0 to 10"),
            )
        })?),
    };
    let lost = match o.optional_text("lostTime")? {
        None => None,
        Some(t) => Some(lost_seconds(t).ok_or_else(|| o.error("lostTime", not_a_duration(t)))?),
    };
    Ok(Ticket {
        id: o.text("id")?.into(),
        priority: o.text("priority")?.into(),
        category: o
            .optional_text("category")?
            .filter(|c| !c.trim().is_empty())
            .map(Into::into),
        opened,
        responded: instant("responded")?,
        resolved: instant("resolved")?,
        states,
        groups,
        score,
        lost,
        pause: None,
    })
}

/// Measures tickets against a help-desk SLA: `{ sla, tickets | csv, asOf?, period? }`: the tickets as
/// objects, or an export's CSV text (see [`crate::tickets::read_export`]); `list: "all"` lists every ticket in the result,
/// where by default it lists those that did not meet every goal and OLA (breached or still running), the
/// periods and groups counting them all. `asOf` defaults to the latest instant any
/// ticket gives; `period` is "week", "month" (default) or "quarter". Errors have field "sla" or "tickets"
/// and the part concerned (`goals[1].resolution`, `[12].opened`, `header`), or "calendar" for tickets
/// spread over more than a goal's calendar can hold (100 years); a ticket the SLA cannot measure, or a
/// line of an export that cannot be read, is listed in `problems` with its reason instead.
///
/// ```
/// use slacalc::api::{tickets, NoZones};
/// use slacalc::value::Value;
/// let request = Value::parse_json(r#"{
///   "sla": { "goals": [{ "priority": "P2", "resolution": "PT4H",
///                        "calendar": { "hours": "Mon-Fri 08:00-18:00" } }] },
///   "tickets": [{ "id": "INC1", "priority": "P2", "opened": "2026-03-06T16:30:00Z" }],
///   "asOf": "2026-03-09T12:00:00Z"
/// }"#).unwrap();
/// let r = tickets(&request, &NoZones)?;
/// // Friday 16:30 with 4 business hours: 1 h 30 on Friday, then Monday 08:00 to 10:30.
/// let clock = r.tickets[0].resolution.as_ref().unwrap();
/// assert_eq!(clock.due.as_deref(), Some("2026-03-09T10:30:00Z"));
/// assert_eq!((clock.stage, clock.business.text.as_str()), ("breached", "5 h 30 min"));
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn tickets(input: &Value, zones: &dyn Zones) -> Result<TicketsResult, Error> {
    let o = Object::new(
        input,
        Field::Input,
        "",
        &["sla", "tickets", "csv", "columns", "asOf", "period", "list"],
    )?;
    let mapping = columns(o.get("columns"))?;
    let sla = read_sla(
        o.get("sla").ok_or(Error::Missing { field: Field::Sla })?,
        zones,
    )?;
    let zone = &sla.1;
    let mut problems = Vec::new();
    let mut read_columns = Vec::new();
    let local = Cell::new(0);
    let (list, lines, latest) = match (o.get("tickets"), o.get("csv")) {
        (Some(Value::List(items)), None) => (
            items
                .iter()
                .enumerate()
                .map(|(i, t)| read_ticket(t, i, zone, &local))
                .collect::<Result<Vec<_>, _>>()?,
            None,
            None,
        ),
        (None, Some(Value::Text(text))) => {
            let mut reader = ExportReader::with_columns(zone, mapping);
            reader.push(text)?;
            let export = reader.finish()?;
            problems.extend(line_problems(&export));
            read_columns = column_results(&export);
            local.set(export.local_times);
            (export.tickets, Some(export.lines), export.latest)
        }
        (Some(_), Some(_)) => {
            return Err(invalid(
                Field::Tickets,
                "",
                "give the tickets as a list or as csv, not both".to_string(),
            ))
        }
        (Some(other), None) | (None, Some(other)) => {
            return Err(Error::WrongType {
                field: Field::Tickets,
                expected: "a list of tickets, or an export's CSV text",
                found: other.kind(),
            })
        }
        (None, None) => {
            return Err(Error::Missing {
                field: Field::Tickets,
            })
        }
    };
    let mut result = measure(&o, sla, (&list, lines.as_deref(), latest), problems)?;
    result.columns = read_columns;
    result.local_times = local.get();
    Ok(result)
}

/// The columns a request names by what they hold: `{ id: "Ticket #", opened: "Logged" }`.
fn columns(v: Option<&Value>) -> Result<Vec<(Column, String)>, Error> {
    let Some(v) = v else {
        return Ok(Vec::new());
    };
    let Value::Map(entries) = v else {
        return Err(invalid(
            Field::Tickets,
            "columns",
            format!(
                "must be an object such as {{ id: \"Ref\" }}, not {}",
                v.kind()
            ),
        ));
    };
    let mut out: Vec<(Column, String)> = Vec::new();
    for (key, value) in entries {
        let Some(column) = Column::parse(key) else {
            return Err(invalid(
                Field::Tickets,
                &format!("columns.{key}"),
                format!(
                    "is not a column the reader knows; name one of {}",
                    Column::ALL.map(Column::name).join(", ")
                ),
            ));
        };
        match value {
            Value::Null => {}
            Value::Text(t) if t.trim().is_empty() => {}
            Value::Text(t) => {
                if let Some((other, _)) = out
                    .iter()
                    .find(|(_, n)| n.trim().eq_ignore_ascii_case(t.trim()))
                {
                    return Err(invalid(
                        Field::Tickets,
                        &format!("columns.{key}"),
                        format!("\"{}\" is named for {} already", t.trim(), other.name()),
                    ));
                }
                out.push((column, t.trim().to_string()));
            }
            other => {
                return Err(invalid(
                    Field::Tickets,
                    &format!("columns.{key}"),
                    format!("must be a column's header, not {}", other.kind()),
                ))
            }
        }
    }
    Ok(out)
}

/// The columns of an export, each with what it was read as.
fn column_results(export: &Export) -> Vec<ColumnResult> {
    export
        .columns
        .iter()
        .map(|(name, c)| ColumnResult {
            name: name.clone(),
            reads: c.map(Column::name),
        })
        .collect()
}

/// The lines of an export that were not read, as problems of the result.
fn line_problems(export: &Export) -> impl Iterator<Item = TicketProblem> + '_ {
    export.problems.iter().map(|p| TicketProblem {
        line: Some(p.line),
        ticket: None,
        id: None,
        reason: p.reason.clone(),
        measured: false,
    })
}

/// Measures `list` (read from an export whose tickets came on `lines`, their latest instant `latest`, or
/// given as objects) against the SLA, with the request's `asOf`, `period` and `list`; `problems` are
/// those of reading them.
fn measure(
    o: &Object,
    (sla, zone, penalty): (HelpDesk, Zone, Option<Penalty>),
    (list, lines, latest): (&[Ticket], Option<&[usize]>, Option<i64>),
    mut problems: Vec<TicketProblem>,
) -> Result<TicketsResult, Error> {
    let as_of = match o.optional_text("asOf")? {
        Some(t) => parse_instant(t, &zone, Field::AsOf)?,
        None => latest
            .or_else(|| list.iter().map(Ticket::latest).max())
            .unwrap_or(0),
    };
    let measure = match o.optional_text("period")? {
        None => Measure::Month,
        Some(p) => match Measure::parse(p) {
            Some(m @ (Measure::Week | Measure::Month | Measure::Quarter)) => m,
            _ => {
                return Err(invalid(
                    Field::Period,
                    "",
                    format!("\"{p}\" is not week, month or quarter"),
                ))
            }
        },
    };
    // Which tickets the result lists: those that did not meet every goal (the default), all, or none
    // (the figures alone).
    let keep: &dyn Fn(&crate::tickets::Measured) -> bool =
        match o.optional_text("list")?.map(str::trim) {
            None | Some("missed") => &|m| !m.met_everything(),
            Some("all") => &|_| true,
            Some("none") => &|_| false,
            Some(other) => {
                return Err(o.error(
                    "list",
                    format!("\"{other}\" is not a choice: use \"missed\", \"all\" or \"none\""),
                ))
            }
        };
    // An export's lines are gathered under their ticket's id: its ids differ.
    let report = sla.measure_ids(list, lines.is_some(), as_of, measure, &zone, keep)?;
    let sla_goals = &sla.goals;
    // Each priority's period with clocks, as a period of the penalty's schedule.
    let credited = match penalty
        .as_ref()
        .and_then(|p| p.schedule.as_ref().map(|s| (p, s)))
    {
        None => None,
        Some((p, (schedule, charges))) => {
            let (places, periods): (Vec<usize>, Vec<PeriodInput>) = report
                .periods
                .iter()
                .enumerate()
                .filter_map(|(k, r)| {
                    r.share_met().map(|a| {
                        (
                            k,
                            PeriodInput {
                                label: format!("{} {}", r.goal, r.label),
                                attainment: a,
                                length: Measure::Month.length().into(),
                                downtime: None,
                                outages: None,
                                charges: *charges,
                                levels: Vec::new(),
                            },
                        )
                    })
                })
                .unzip();
            let c = schedule.credits(&periods, &p.currency)?;
            Some((places, c))
        }
    };
    // The fee per resolution out of time, period by period.
    let fee_of = |k: usize| -> Option<(usize, Money)> {
        let fee = penalty.as_ref()?.fee?;
        let r = &report.periods[k].resolution;
        let n = r.tickets - r.met;
        Some((n, fee.saturating_mul(n as Money)))
    };
    let currency = penalty.as_ref().map_or("", |p| p.currency.as_str());
    let credit_of = |k: usize| {
        let line = credited
            .as_ref()
            .and_then(|(places, c)| Some(&c.periods[places.iter().position(|i| *i == k)?]));
        let fee = fee_of(k);
        if line.is_none() && fee.is_none() {
            return None;
        }
        let r = &report.periods[k];
        let fee_text = fee.map(|(n, total)| {
            let each = penalty.as_ref().and_then(|p| p.fee).unwrap_or(0);
            format!(
                "{n} resolution{} out of time × {} = {}",
                if n == 1 { "" } else { "s" },
                money_text(each, currency),
                money_text(total, currency)
            )
        });
        let label = format!("{} {}", r.goal, r.label);
        Some(super::penalty::CreditLineResult {
            label: line.map_or(label.clone(), |l| l.label.clone()),
            attainment: line.map_or_else(
                || {
                    let judged = if r.resolution.tickets > 0 {
                        &r.resolution
                    } else {
                        &r.response
                    };
                    SummaryResult::from(judged).percent_met.unwrap_or_default()
                },
                |l| l.attainment.clone(),
            ),
            breached: line.is_some_and(|l| l.breached) || fee.is_some_and(|f| f.0 > 0),
            credit: super::penalty::cents(line.map_or(0, |l| l.credit) + fee.map_or(0, |f| f.1)),
            bonus: super::penalty::cents(line.map_or(0, |l| l.bonus)),
            charges: super::penalty::cents(line.map_or(0, |l| l.charges)),
            explanation: match (line, fee_text) {
                (Some(l), Some(f)) => format!("{}; and {f}", l.explanation),
                (Some(l), None) => l.explanation.clone(),
                (None, Some(f)) => format!("{label}: {f}"),
                (None, None) => String::new(),
            },
        })
    };
    Ok(TicketsResult {
        as_of: utc_text(as_of),
        period: measure.name(),
        measured: report.count,
        tickets: report
            .measured
            .iter()
            .map(|m| TicketResult {
                id: list[m.index].id.to_string(),
                priority: list[m.index].priority.to_string(),
                category: list[m.index].category.as_deref().map(str::to_string),
                goal: sla_goals[m.goal].name(),
                response: m.response.as_ref().map(ClockResult::from),
                resolution: m.resolution.as_ref().map(ClockResult::from),
                groups: m.stints.iter().map(StintResult::from).collect(),
                reassignments: m.reassignments,
                reopened: m.reopened,
                first_contact: m.first_contact,
                breached_with: m.breached_with.as_deref().map(str::to_string),
            })
            .collect(),
        periods: report
            .periods
            .iter()
            .enumerate()
            .map(|(k, p)| PeriodResult {
                period: p.label.clone(),
                start: p.start.to_string(),
                end: p.end.to_string(),
                priority: p.priority.clone(),
                goal: p.goal.clone(),
                response: SummaryResult::from(&p.response),
                resolution: SummaryResult::from(&p.resolution),
                with_groups: p.with_groups,
                first_contact: p.first_contact,
                experience: ExperienceResult::from(&p.experience),
                watermelon: p.watermelon.clone(),
                credit: credit_of(k),
            })
            .collect(),
        problems: {
            problems.extend(report.problems.into_iter().map(|p| TicketProblem {
                line: lines.map(|l| l[p.ticket - 1]),
                ticket: lines.is_none().then_some(p.ticket),
                id: Some(p.id),
                reason: p.reason,
                measured: p.measured,
            }));
            problems.sort_by_key(|p| (p.line, p.ticket));
            problems
        },
        groups: report.groups.iter().map(GroupResult::from).collect(),
        warnings: report.warnings,
        states: {
            // The few states an export names, each counted once whatever its case: counted first by
            // the shared name (its address and length), then the names merged.
            let mut by_name: Vec<(&str, usize)> = Vec::new();
            let mut place = rustc_hash::FxHashMap::<(usize, usize), usize>::default();
            for (_, state) in list.iter().flat_map(|t| &t.states) {
                let key = (state.as_ptr() as usize, state.len());
                match place.get(&key) {
                    Some(&k) => by_name[k].1 += 1,
                    None => {
                        place.insert(key, by_name.len());
                        by_name.push((state, 1));
                    }
                }
            }
            let mut states: Vec<StateResult> = Vec::new();
            for (state, changes) in by_name {
                match states
                    .iter_mut()
                    .find(|s| crate::tickets::same_name(&s.state, state))
                {
                    Some(s) => s.changes += changes,
                    None => states.push(StateResult {
                        state: state.trim().to_string(),
                        changes,
                        counted: if crate::tickets::resolving(state) {
                            "stops"
                        } else if sla.resets(state) {
                            "resets"
                        } else if sla.pauses(state) {
                            "pauses"
                        } else {
                            "runs"
                        },
                    }),
                }
            }
            states
        },
        columns: Vec::new(),
        local_times: 0,
        histograms: report
            .histograms
            .iter()
            .zip(&sla_goals[..])
            .filter_map(|(h, g)| {
                h.as_ref().map(|h| HistogramResult {
                    goal: g.name(),
                    goal_time: h.goal.map(duration),
                    bins: h.bins.to_vec(),
                    over: h.over,
                })
            })
            .collect(),
        credits: penalty.as_ref().map(|p| {
            let (tiers, charged) = credited
                .as_ref()
                .map_or((0, 0), |(_, c)| (c.total, c.total_charges));
            let (breaches, fees) = (0..report.periods.len())
                .filter_map(fee_of)
                .fold((0, 0), |(n, m), (k, f)| (n + k, m + f));
            let total = tiers + fees;
            let share = if charged > 0 {
                crate::decimal::format_fixed((total * 10_000 / charged).max(0) as u128, 2, 2)
            } else {
                "0.00".to_string()
            };
            let fee_words = format!(
                "{} for {breaches} resolution{} out of time",
                money_text(fees, &p.currency),
                if breaches == 1 { "" } else { "s" }
            );
            TicketCredits {
                total: super::penalty::cents(total),
                summary: match (p.schedule.is_some(), p.fee.is_some()) {
                    (true, false) => format!(
                        "{} of {} charged ({share}%)",
                        money_text(total, &p.currency),
                        money_text(charged, &p.currency)
                    ),
                    (true, true) => format!(
                        "{} of {} charged ({share}%), of which {fee_words}",
                        money_text(total, &p.currency),
                        money_text(charged, &p.currency)
                    ),
                    _ => fee_words,
                },
            }
        }),
    })
}

/// A ticket export read piece by piece (the JavaScript `TicketExport`), as a file arrives, and measured
/// as often as the SLA changes without being read again.
///
/// ```
/// use slacalc::api::{tickets::PieceExport, NoZones};
/// use slacalc::value::Value;
/// let mut export = PieceExport::new(&Value::Null, &NoZones)?;
/// export.push("number,priority,opened_at,resolved_at\nINC1,P2,2026-03-06 16:")?;
/// export.push("30,2026-03-09 10:30\n")?;
/// let sla = |goal: &str| Value::parse_json(&format!(r#"{{ "sla": {{ "goals": [{{ "priority": "P2",
///     "resolution": "{goal}", "calendar": {{ "hours": "Mon-Fri 08:00-18:00" }} }}] }} }}"#)).unwrap();
/// // Friday 16:30 to Monday 10:30 is 4 business hours: within 4 h, not within 3 h.
/// assert_eq!(export.measure(&sla("PT4H"), &NoZones)?.periods[0].resolution.met, 1);
/// assert_eq!(export.measure(&sla("PT3H"), &NoZones)?.periods[0].resolution.met, 0);
/// # Ok::<(), slacalc::Error>(())
/// ```
pub struct PieceExport {
    reader: Option<ExportReader>,
    export: Option<Export>,
    /// The header's columns of an export that could not be read.
    header: Vec<String>,
    zone: Zone,
}

impl PieceExport {
    /// An export whose times without an offset are read in the zone named (UTC when none is given); the
    /// SLA it is measured against must name the same zone.
    pub fn new(time_zone: &Value, zones: &dyn Zones) -> Result<PieceExport, Error> {
        PieceExport::with_columns(time_zone, &Value::Null, zones)
    }

    /// An export read as [`PieceExport::new`] does, whose columns named in `columns` hold what it says
    /// (`{ id: "Ticket #", opened: "Logged" }`; see [`ExportReader::with_columns`]).
    pub fn with_columns(
        time_zone: &Value,
        columns: &Value,
        zones: &dyn Zones,
    ) -> Result<PieceExport, Error> {
        let zone = super::reading_zone(time_zone, zones)?;
        let mapping = self::columns(Some(columns).filter(|c| !matches!(c, Value::Null)))?;
        Ok(PieceExport {
            reader: Some(ExportReader::with_columns(&zone, mapping)),
            export: None,
            header: Vec::new(),
            zone,
        })
    }

    /// The names of the header's columns once it has been read, even when it was refused: what a
    /// column-mapping step offers.
    pub fn columns(&self) -> Vec<String> {
        match (&self.reader, &self.export) {
            (Some(r), _) => r.columns(),
            (None, Some(e)) => e.columns.iter().map(|c| c.0.clone()).collect(),
            (None, None) => self.header.clone(),
        }
    }

    /// Reads the next piece of the export's text; a piece may end anywhere. An export that cannot be
    /// read (no id column, binary) is not read further.
    pub fn push(&mut self, piece: &str) -> Result<(), Error> {
        self.read(|reader| reader.push(piece))
    }

    /// Reads the next piece of the export as UTF-8 bytes, cut anywhere, even inside a character.
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<(), Error> {
        self.read(|reader| reader.push_bytes(piece))
    }

    fn read(
        &mut self,
        read: impl FnOnce(&mut ExportReader) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let Some(reader) = self.reader.as_mut() else {
            return Err(invalid(
                Field::Tickets,
                "",
                "the export was already measured or could not be read; start a new one".to_string(),
            ));
        };
        read(reader).inspect_err(|_| {
            self.header = self.reader.take().map(|r| r.columns()).unwrap_or_default();
        })
    }

    /// Tickets read so far.
    pub fn tickets(&self) -> usize {
        match (&self.reader, &self.export) {
            (Some(r), _) => r.tickets(),
            (None, Some(e)) => e.tickets.len(),
            (None, None) => 0,
        }
    }

    /// Measures the export (its last line read first) against `{ sla, asOf?, period?, list? }`, as
    /// [`tickets`] does; the SLA's `timeZone` must be the export's.
    pub fn measure(&mut self, input: &Value, zones: &dyn Zones) -> Result<TicketsResult, Error> {
        let o = Object::new(input, Field::Input, "", &["sla", "asOf", "period", "list"])?;
        let sla = read_sla(
            o.get("sla").ok_or(Error::Missing { field: Field::Sla })?,
            zones,
        )?;
        if sla.1.name() != self.zone.name() {
            return Err(invalid(
                Field::Sla,
                "timeZone",
                format!(
                    "the export's local times were read in {}: read it again in {}",
                    self.zone.name(),
                    sla.1.name()
                ),
            ));
        }
        if let Some(reader) = self.reader.take() {
            self.export = Some(reader.finish()?);
        }
        let Some(export) = &self.export else {
            return Err(invalid(
                Field::Tickets,
                "",
                "the export could not be read; start a new one".to_string(),
            ));
        };
        let mut result = measure(
            &o,
            sla,
            (&export.tickets, Some(&export.lines), export.latest),
            line_problems(export).collect(),
        )?;
        result.columns = column_results(export);
        result.local_times = export.local_times;
        Ok(result)
    }
}
