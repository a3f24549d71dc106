//! Help-desk SLAs: how long tickets waited for a response and for a resolution, counted on service hours
//! with the paused time taken out, against each priority's goals; and how often each goal was met, period
//! by period.
//!
//! # The clocks
//! They follow ServiceNow's task SLAs; where Jira Service Management and Zendesk differ, it is said.
//! - **Response** runs from the ticket's opening to its first response, never paused (Zendesk's first
//!   reply time; Jira can pause it, ServiceNow usually does not).
//! - **Resolution** runs from the opening to the resolution, paused while the ticket is in one of the
//!   SLA's pause states ("Pending customer", "On hold"): from the change into such a state to the next
//!   change out of them. Without a resolution instant, the clock stops on entering a resolving state
//!   (Resolved, Solved, Closed, Done) for good. A ticket reopened from one continues its clock, the time
//!   it spent resolved counted as paused (ServiceNow's continuation; Jira and Zendesk would open a new
//!   cycle).
//! - **Business time** is service time on the goal's calendar (round the clock when it has none). A pause
//!   counts only its in-schedule part, as ServiceNow's business pause does: a pause spent at night takes
//!   nothing off.
//! - **Due** is the instant at which the business time, less the pauses so far, reaches the goal,
//!   counted forward through the schedule (no pause is assumed after the clock stops or after `as of`).
//!   A duration of one day is 24 hours of business time: on an 8-hour schedule it takes three business
//!   days, as in ServiceNow.
//! - A clock **meets** its goal when its business time is at most the goal; a ticket resolved on the
//!   very second its goal runs out meets it (ServiceNow marks the breach as that second begins).
//! - A clock still running at `as of` is measured to that instant: **breached** once its business time
//!   is over the goal, **running** until then.
//!
//! # Example: opened on a Friday night, read on Monday morning
//! On Mon-Fri 08:00-17:00, a ticket opened Friday 21:00 and read Monday 09:30 has used 1 h 30 of
//! business time, and 60 h 30 have passed on the clock.
//! ```
//! use slacalc::calendar::{Calendar, CalendarSpec};
//! use slacalc::tickets::{Clock, Hours, Stage};
//! use slacalc::zone::Zone;
//! let mut spec = CalendarSpec { time_zone: "UTC".into(), ..CalendarSpec::default() };
//! for day in 0..5 {
//!     spec.weekly[day] = "08:00-17:00".into();
//! }
//! let calendar = Calendar::new(&spec, Zone::utc())?;
//! let at = |t: &str| slacalc::zone::parse_instant(t, &Zone::utc(), slacalc::Field::Start);
//! let (friday, monday) = (at("2026-03-06T21:00:00Z")?, at("2026-03-09T09:30:00Z")?);
//! let hours = Hours::over(Some(&calendar), friday, monday, 4 * 3600)?;
//! let clock = Clock::new(&hours, friday, monday, false, &[], 4 * 3600);
//! assert_eq!((clock.business, clock.elapsed), (5_400, 217_800)); // 1 h 30 and 60 h 30
//! assert_eq!(clock.stage, Stage::Running);
//! // Four business hours from Friday 21:00 run out on Monday at noon.
//! assert_eq!(clock.due, Some(at("2026-03-09T12:00:00Z")?));
//! # Ok::<(), slacalc::Error>(())
//! ```

use crate::calendar::{Calendar, Schedule};
use crate::error::Error;
use crate::target::Target;

/// One ticket as an export gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket {
    /// Its number, as the tool writes it ("INC0012345").
    pub id: String,
    /// Its priority, as the goals name it ("P2").
    pub priority: String,
    /// When it was opened.
    pub opened: i64,
    /// The first response to the caller, if there was one.
    pub responded: Option<i64>,
    /// When it was resolved, if it was.
    pub resolved: Option<i64>,
    /// The states it entered, each with its instant, in the order they happened.
    pub states: Vec<(i64, String)>,
}

/// The states that end a ticket's work, compared without regard to case or surrounding spaces.
pub const RESOLVING: [&str; 4] = ["resolved", "solved", "closed", "done"];

/// Whether `state` is one of [`RESOLVING`].
pub fn resolving(state: &str) -> bool {
    let state = state.trim();
    RESOLVING.iter().any(|r| r.eq_ignore_ascii_case(state))
}

impl Ticket {
    /// When the ticket was resolved: its resolution instant, else the change that took it into a
    /// resolving state for good (the first of a run of them that lasts to its last change).
    pub fn resolution(&self) -> Option<i64> {
        if self.resolved.is_some() {
            return self.resolved;
        }
        let mut states: Vec<&(i64, String)> = self.states.iter().collect();
        states.sort_by_key(|s| s.0);
        let mut since = None;
        for (at, state) in states {
            if resolving(state) {
                since.get_or_insert(*at);
            } else {
                since = None;
            }
        }
        since
    }
}

/// The goals of one priority.
#[derive(Clone, Debug)]
pub struct Goal {
    /// The priority the goal is for.
    pub priority: String,
    /// Business seconds to the first response, if the SLA has that goal.
    pub response: Option<i64>,
    /// Business seconds to the resolution, if the SLA has that goal.
    pub resolution: Option<i64>,
    /// The service hours the goal counts; `None` for round the clock.
    pub calendar: Option<Calendar>,
}

/// A help-desk SLA: goals per priority, the states that pause resolution, and the share of tickets that
/// must meet each goal.
#[derive(Clone, Debug)]
pub struct HelpDesk {
    /// The goals, one per priority.
    pub goals: Vec<Goal>,
    /// The states that pause the resolution clock, compared without regard to case or surrounding
    /// spaces.
    pub pause_states: Vec<String>,
    /// The share of tickets of a priority that must meet each goal in a period ("95% of P2 tickets
    /// resolved within 8 business hours").
    pub attainment: Target,
}

impl HelpDesk {
    /// The goals for `priority`, if the SLA has any.
    pub fn goal(&self, priority: &str) -> Option<&Goal> {
        let priority = priority.trim();
        self.goals
            .iter()
            .find(|g| g.priority.trim().eq_ignore_ascii_case(priority))
    }

    /// Whether `state` pauses the resolution clock: a pause state, or a resolving one left later.
    pub fn pauses(&self, state: &str) -> bool {
        let state = state.trim();
        resolving(state)
            || self
                .pause_states
                .iter()
                .any(|p| p.trim().eq_ignore_ascii_case(state))
    }

    /// The times `ticket` was paused between `start` and `end`: sorted, disjoint, inside `[start, end]`.
    pub fn paused(&self, ticket: &Ticket, start: i64, end: i64) -> Vec<(i64, i64)> {
        let mut states: Vec<&(i64, String)> = ticket.states.iter().collect();
        states.sort_by_key(|s| s.0);
        let mut out: Vec<(i64, i64)> = Vec::new();
        let mut since = None;
        for (at, state) in states {
            match (since, self.pauses(state)) {
                (None, true) => since = Some(*at),
                (Some(from), false) => {
                    push_clipped(&mut out, from, *at, start, end);
                    since = None;
                }
                _ => {}
            }
        }
        if let Some(from) = since {
            push_clipped(&mut out, from, end, start, end);
        }
        out
    }
}

fn push_clipped(out: &mut Vec<(i64, i64)>, a: i64, b: i64, start: i64, end: i64) {
    let (a, b) = (a.max(start), b.min(end));
    if a < b {
        out.push((a, b));
    }
}

/// Where a clock stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Stopped within its goal.
    Met,
    /// Over its goal, stopped or not.
    Breached,
    /// Still running, within its goal so far.
    Running,
}

impl Stage {
    /// `"met"`, `"breached"` or `"running"`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Met => "met",
            Stage::Breached => "breached",
            Stage::Running => "running",
        }
    }
}

/// Service hours over the span of some tickets: a calendar's expanded schedule, or round the clock.
#[derive(Clone, Debug)]
pub enum Hours {
    /// Every second counts.
    Always,
    /// The seconds of a calendar's service hours count.
    Schedule(Schedule),
}

impl Hours {
    /// The hours of `calendar` (round the clock for `None`) from the day before `first` to far enough past
    /// `last` for a goal of `longest` business seconds started then to run out, and a month more for
    /// holidays (at most the longest span a schedule holds).
    ///
    /// # Errors
    /// A calendar whose span is too long or too large (see [`Calendar::schedule`]), or one with no
    /// service time at all.
    pub fn over(
        calendar: Option<&Calendar>,
        first: i64,
        last: i64,
        longest: i64,
    ) -> Result<Hours, Error> {
        let Some(calendar) = calendar else {
            return Ok(Hours::Always);
        };
        let week = calendar.typical_week_seconds();
        if week <= 0 {
            return Err(Error::InvalidCalendar {
                part: "hours".to_string(),
                value: calendar.summary(),
                reason: "it holds no service time, so no goal could ever be met".to_string(),
            });
        }
        let zone = calendar.zone();
        let from = zone
            .local_date(first)?
            .pred_opt()
            .unwrap_or(zone.local_date(first)?);
        // Tickets spread over more than a schedule holds are refused by `schedule`; the time ahead for a
        // goal to run out is cut to what it holds.
        let weeks = longest.max(0) / week + 1;
        let ahead = weeks
            .saturating_mul(7)
            .saturating_add(31)
            .min(crate::calendar::MAX_SCHEDULE_DAYS) as u64;
        let later = |d: chrono::NaiveDate, days: u64| {
            d.checked_add_days(chrono::Days::new(days))
                .unwrap_or(chrono::NaiveDate::MAX)
        };
        let last = later(zone.local_date(last)?, 2);
        let most = later(from, crate::calendar::MAX_SCHEDULE_DAYS as u64);
        let to = later(last, ahead).min(most).max(last);
        Ok(Hours::Schedule(calendar.schedule(from, to)?))
    }

    /// Service seconds in `[a, b)`.
    pub fn service(&self, a: i64, b: i64) -> i64 {
        match self {
            Hours::Always => (b - a).max(0),
            Hours::Schedule(s) => {
                let (lo, hi) = s.span();
                s.service_seconds(a.clamp(lo, hi), b.clamp(lo, hi).max(a.clamp(lo, hi)))
                    .unwrap_or(0)
            }
        }
    }

    /// The instant at which `seconds` of service time have passed since `a`; `None` past the span.
    pub fn after(&self, a: i64, seconds: i64) -> Option<i64> {
        match self {
            Hours::Always => a.checked_add(seconds),
            Hours::Schedule(s) => s.add_service(a.max(s.span().0), seconds),
        }
    }
}

/// One clock of one ticket, measured.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    /// The goal, in business seconds.
    pub goal: i64,
    /// Seconds on the clock from start to stop (or to `as of`).
    pub elapsed: i64,
    /// Business seconds from start to stop (or to `as of`), less the business pause.
    pub business: i64,
    /// Seconds paused.
    pub paused: i64,
    /// The in-schedule part of the pauses.
    pub business_paused: i64,
    /// When the goal runs out (see the module docs); `None` beyond the hours measured.
    pub due: Option<i64>,
    /// Met, breached or running.
    pub stage: Stage,
}

impl Clock {
    /// The clock from `start` to `end` (its stop when `stopped`, else the instant it is read at), paused
    /// over `pauses` (sorted, disjoint, inside `[start, end]`), against a goal of `goal` business seconds.
    pub fn new(
        hours: &Hours,
        start: i64,
        end: i64,
        stopped: bool,
        pauses: &[(i64, i64)],
        goal: i64,
    ) -> Clock {
        let end = end.max(start);
        let paused = pauses.iter().map(|(a, b)| b - a).sum();
        let business_paused: i64 = pauses.iter().map(|&(a, b)| hours.service(a, b)).sum();
        let business = hours.service(start, end) - business_paused;
        // Between the pauses business time runs; after the last, it runs on.
        let mut remaining = goal;
        let mut at = start;
        let mut due = None;
        for &(a, b) in pauses.iter().chain([(i64::MAX, i64::MAX)].iter()) {
            let run = if a == i64::MAX {
                i64::MAX
            } else {
                hours.service(at, a)
            };
            if run >= remaining {
                due = hours.after(at, remaining);
                break;
            }
            remaining -= run;
            at = b;
        }
        let stage = if business > goal {
            Stage::Breached
        } else if stopped {
            Stage::Met
        } else {
            Stage::Running
        };
        Clock {
            goal,
            elapsed: end - start,
            business,
            paused,
            business_paused,
            due,
            stage,
        }
    }
}

/// The nearest-rank percentile `q` (0 to 1) of `sorted` (ascending): the smallest value with at least
/// `q` of them at or below it.
///
/// ```
/// use slacalc::tickets::nearest_rank;
/// let xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
/// assert_eq!((nearest_rank(&xs, 0.5), nearest_rank(&xs, 0.9)), (Some(50), Some(90)));
/// assert_eq!(nearest_rank(&[7], 0.9), Some(7));
/// assert_eq!(nearest_rank(&[], 0.5), None);
/// ```
pub fn nearest_rank(sorted: &[i64], q: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// Whether `met` of `n` tickets reach the attainment target, exactly: met / n x 100 >= the target.
///
/// ```
/// use slacalc::tickets::meets;
/// use slacalc::Target;
/// let t = Target::parse("95")?;
/// assert!(meets(19, 20, t) && !meets(18, 20, t) && meets(0, 0, t));
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn meets(met: usize, n: usize, target: Target) -> bool {
    met as u128 * 100_000_000 >= u128::from(target.micros()) * n as u128
}

/// A ticket that was not measured, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Its place among the tickets given, from 1.
    pub ticket: usize,
    /// Its id, as given.
    pub id: String,
    /// Why it was not measured.
    pub reason: String,
}

/// The clocks of one ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// Its place among the tickets given, from 0.
    pub index: usize,
    /// The response clock, where the priority has a response goal.
    pub response: Option<Clock>,
    /// The resolution clock, where the priority has a resolution goal.
    pub resolution: Option<Clock>,
    /// When each clock stopped, if it did by `as of`.
    pub stops: (Option<i64>, Option<i64>),
}

/// How the clocks of one goal that stopped in a period did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Clocks that stopped in the period.
    pub tickets: usize,
    /// Of those, how many met the goal.
    pub met: usize,
    /// Whether the share met reaches the SLA's attainment target (exactly).
    pub meets_target: bool,
    /// Business seconds taken: the nearest-rank median, 90th percentile and the most.
    pub p50: Option<i64>,
    /// See `p50`.
    pub p90: Option<i64>,
    /// See `p50`.
    pub worst: Option<i64>,
}

impl Summary {
    fn of(mut business: Vec<i64>, met: usize, target: Target) -> Summary {
        business.sort_unstable();
        Summary {
            tickets: business.len(),
            met,
            meets_target: meets(met, business.len(), target),
            p50: nearest_rank(&business, 0.5),
            p90: nearest_rank(&business, 0.9),
            worst: business.last().copied(),
        }
    }
}

/// One priority in one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodSummary {
    /// The period's first day and the day after its last, in the SLA's zone.
    pub start: chrono::NaiveDate,
    /// See `start`.
    pub end: chrono::NaiveDate,
    /// `"Mar 2026"`, `"week 10 of 2026"`, `"Q1 2026"`.
    pub label: String,
    /// The priority.
    pub priority: String,
    /// Response clocks that stopped in the period.
    pub response: Summary,
    /// Resolution clocks that stopped in the period.
    pub resolution: Summary,
}

/// Tickets measured against a help-desk SLA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The tickets measured, in the order given.
    pub measured: Vec<Measured>,
    /// The tickets refused, each with its reason.
    pub problems: Vec<Problem>,
    /// Each priority in each period in which some clock stopped, in order of time and then of the
    /// goals; a clock counts in the period in which it stopped, so a period's figures are final once
    /// it has ended. Clocks still running are in `measured` alone.
    pub periods: Vec<PeriodSummary>,
}

impl HelpDesk {
    /// Measures `tickets` at the instant `as_of`, summing them up per `measure` period of the zone
    /// `zone`. Tickets the SLA cannot measure (no goal for their priority, resolved before they were
    /// opened, opened after `as_of`, a repeated id) are listed in the report's problems, each with its
    /// reason; nothing is dropped silently.
    ///
    /// # Errors
    /// A goal's calendar whose schedule cannot be made over the tickets' span.
    pub fn measure(
        &self,
        tickets: &[Ticket],
        as_of: i64,
        measure: crate::period::Measure,
        zone: &crate::zone::Zone,
    ) -> Result<Report, Error> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut valid: Vec<(usize, &Goal)> = Vec::new();
        for (i, t) in tickets.iter().enumerate() {
            let refuse = |reason: String| Problem {
                ticket: i + 1,
                id: t.id.clone(),
                reason,
            };
            let goal = self.goal(&t.priority);
            let reason = if t.id.trim().is_empty() {
                Some("it has no id".to_string())
            } else if !seen.insert(t.id.trim()) {
                Some(format!(
                    "its id {} was given before: the first is measured",
                    t.id.trim()
                ))
            } else if goal.is_none() {
                Some(format!(
                    "the SLA has no goal for priority \"{}\"; its priorities are {}",
                    t.priority.trim(),
                    self.goals
                        .iter()
                        .map(|g| g.priority.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            } else if t.opened > as_of {
                Some("it was opened after the instant it is measured at".to_string())
            } else if t.resolution().is_some_and(|r| r < t.opened) {
                Some("it was resolved before it was opened".to_string())
            } else if t.responded.is_some_and(|r| r < t.opened) {
                Some("it was responded to before it was opened".to_string())
            } else {
                None
            };
            match (reason, goal) {
                (Some(reason), _) => problems.push(refuse(reason)),
                (None, Some(goal)) => valid.push((i, goal)),
                (None, None) => {}
            }
        }
        // One span of service hours per goal, over its own tickets.
        let mut hours: Vec<Option<Hours>> = vec![None; self.goals.len()];
        for (k, goal) in self.goals.iter().enumerate() {
            let first = valid
                .iter()
                .filter(|(_, g)| std::ptr::eq(*g, goal))
                .map(|(i, _)| tickets[*i].opened)
                .min();
            if let Some(first) = first {
                let longest = goal.response.max(goal.resolution).unwrap_or(0);
                hours[k] = Some(Hours::over(goal.calendar.as_ref(), first, as_of, longest)?);
            }
        }
        let mut measured = Vec::with_capacity(valid.len());
        for &(i, goal) in &valid {
            let t = &tickets[i];
            let k = self
                .goals
                .iter()
                .position(|g| std::ptr::eq(g, goal))
                .unwrap_or(0);
            let Some(h) = &hours[k] else { continue };
            let stop = |at: Option<i64>| at.filter(|&s| s <= as_of);
            let (responded, resolved) = (stop(t.responded), stop(t.resolution()));
            let response = goal.response.map(|g| {
                Clock::new(
                    h,
                    t.opened,
                    responded.unwrap_or(as_of),
                    responded.is_some(),
                    &[],
                    g,
                )
            });
            let resolution = goal.resolution.map(|g| {
                let end = resolved.unwrap_or(as_of);
                let pauses = self.paused(t, t.opened, end);
                Clock::new(h, t.opened, end, resolved.is_some(), &pauses, g)
            });
            measured.push(Measured {
                index: i,
                response,
                resolution,
                stops: (responded, resolved),
            });
        }
        let periods = self.periods(tickets, &measured, measure, zone)?;
        Ok(Report {
            measured,
            problems,
            periods,
        })
    }

    /// The summaries per period and priority.
    fn periods(
        &self,
        tickets: &[Ticket],
        measured: &[Measured],
        measure: crate::period::Measure,
        zone: &crate::zone::Zone,
    ) -> Result<Vec<PeriodSummary>, Error> {
        type Clocks = (Vec<i64>, usize);
        let mut groups: std::collections::BTreeMap<(chrono::NaiveDate, usize), (Clocks, Clocks)> =
            std::collections::BTreeMap::new();
        let anchor = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap_or_default();
        for m in measured {
            let priority = &tickets[m.index].priority;
            let k = self
                .goals
                .iter()
                .position(|g| g.priority.trim().eq_ignore_ascii_case(priority.trim()))
                .unwrap_or(0);
            for (clock, stop, resolution) in [
                (&m.response, m.stops.0, false),
                (&m.resolution, m.stops.1, true),
            ] {
                let (Some(clock), Some(stop)) = (clock, stop) else {
                    continue;
                };
                let start = measure.floor(zone.local_date(stop)?, anchor);
                let entry = groups.entry((start, k)).or_default();
                let side = if resolution {
                    &mut entry.1
                } else {
                    &mut entry.0
                };
                side.0.push(clock.business);
                side.1 += usize::from(clock.stage == Stage::Met);
            }
        }
        Ok(groups
            .into_iter()
            .map(|((start, k), (response, resolution))| {
                let end = measure.next(start).unwrap_or(start);
                PeriodSummary {
                    start,
                    end,
                    label: measure.label(start, end),
                    priority: self.goals[k].priority.clone(),
                    response: Summary::of(response.0, response.1, self.attainment),
                    resolution: Summary::of(resolution.0, resolution.1, self.attainment),
                }
            })
            .collect())
    }
}

/// A column of a ticket export, recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Id,
    Priority,
    Opened,
    Responded,
    Resolved,
    Closed,
    At,
    State,
}

/// The column a header names, compared without case, spaces, underscores or other punctuation:
/// ServiceNow's `number`, `opened_at`, `resolved_at`, Zendesk's `Created at`, `Solved at`, Jira's
/// `Issue key`, `Created`, `Resolved`, and for a history of states `at`/`time`/`sys_updated_on` with
/// `state`/`status`/`new value`.
fn column(header: &str) -> Option<Column> {
    let key: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    Some(match key.as_str() {
        "id" | "number" | "ticket" | "ticketid" | "ticketnumber" | "issuekey" | "key"
        | "incident" | "task" | "issueid" => Column::Id,
        "priority" => Column::Priority,
        "opened" | "openedat" | "openedon" | "created" | "createdat" | "createdon"
        | "creationdate" | "submitted" | "submittedat" => Column::Opened,
        "responded" | "respondedat" | "firstresponse" | "firstresponseat" | "firstreply"
        | "firstreplyat" | "firstrespondedat" | "firstresponded" => Column::Responded,
        "resolved" | "resolvedat" | "resolvedon" | "resolutiondate" | "solved" | "solvedat" => {
            Column::Resolved
        }
        "closed" | "closedat" | "closedon" => Column::Closed,
        "at" | "time" | "timestamp" | "changedat" | "changed" | "updatedat" | "sysupdatedon"
        | "statechangedat" | "when" => Column::At,
        "state" | "status" | "newvalue" | "newstate" | "tostate" | "tostatus" => Column::State,
        _ => return None,
    })
}

/// A line of an export that was not read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    /// The line, from 1 (the header is line 1).
    pub line: usize,
    /// Why it was not read.
    pub reason: String,
}

/// Tickets read from an export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Export {
    /// The tickets, in the order their first line came.
    pub tickets: Vec<Ticket>,
    /// The line each ticket first came on.
    pub lines: Vec<usize>,
    /// The lines not read, each with its reason.
    pub problems: Vec<LineProblem>,
    /// Whether the export was a history of states (one line per change) rather than one line per ticket.
    pub history: bool,
}

/// The records of CSV text with the line each starts on: quoted fields may hold delimiters, doubled quotes
/// and line breaks (RFC 4180); lines end at a line feed, a carriage return or both.
fn records(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut line, mut first_line, mut quoted) = (0, 1, 1, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' => {
                let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
                if !quoted {
                    out.push((first_line, &text[start..i]));
                    start = i + 1 + usize::from(crlf);
                    first_line = line + 1;
                }
                line += 1;
                i += usize::from(crlf);
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push((first_line, &text[start..]));
    }
    out
}

/// Reads a ticket export: CSV with a header line, its delimiter sniffed (comma, semicolon, tab or bar).
/// One line per ticket (an id, a priority, opened, and where known the first response and the
/// resolution; `closed` stands for the resolution where there is no resolved column), or one line per
/// change of state (an id, the instant and the state entered; priority, opened and the others on any of
/// the ticket's lines). Times without an offset are read in `zone`. Every line not read is listed with
/// its reason; a ticket never opened is listed at its first line.
///
/// ```
/// use slacalc::tickets::read_export;
/// use slacalc::zone::Zone;
/// let csv = "number,priority,opened_at,resolved_at\nINC1,P2,2026-03-06 16:30,2026-03-09 11:00\nINC2,P2,soon,\n";
/// let export = read_export(csv, &Zone::utc())?;
/// assert_eq!(export.tickets.len(), 1);
/// assert_eq!(export.problems[0].line, 3);
/// assert_eq!(export.problems[0].reason, "opened_at: \"soon\" is not an instant such as 2026-03-02T09:00:00Z");
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// An export whose header has no id column, or neither an opened column nor a history of states.
pub fn read_export(text: &str, zone: &crate::zone::Zone) -> Result<Export, Error> {
    let refuse = |reason: String| Error::InvalidValue {
        field: crate::error::Field::Tickets,
        part: "header".to_string(),
        reason,
    };
    let mut rows = records(text)
        .into_iter()
        .filter(|(_, r)| !r.trim().is_empty());
    let Some((_, header)) = rows.next() else {
        return Err(refuse(
            "the export is empty: give a header line and a line per ticket".to_string(),
        ));
    };
    let delimiter = [',', ';', '\t', '|']
        .into_iter()
        .max_by_key(|d| {
            crate::outage::split_record(header, *d)
                .map(|f| f.iter().filter(|h| column(h).is_some()).count())
                .unwrap_or(0)
        })
        .unwrap_or(',');
    let names: Vec<String> = crate::outage::split_record(header, delimiter)
        .map_err(|e| refuse(format!("the header line: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let columns: Vec<Option<Column>> = names.iter().map(|h| column(h)).collect();
    let find = |c: Column| columns.iter().position(|x| *x == Some(c));
    let Some(id) = find(Column::Id) else {
        return Err(refuse(format!(
            "no column holds the ticket's id (number, id, key); the columns are {}",
            names.join(", ")
        )));
    };
    let history = find(Column::State).is_some() && find(Column::At).is_some();
    if find(Column::Opened).is_none() && !history {
        return Err(refuse(format!(
            "no column holds when tickets were opened (opened_at, created), nor states with their times; the columns are {}",
            names.join(", ")
        )));
    }
    let resolved_column = find(Column::Resolved).or(find(Column::Closed));
    let mut export = Export {
        history,
        ..Export::default()
    };
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut opened_known: Vec<bool> = Vec::new();
    for (line, record) in rows {
        let fields = match crate::outage::split_record(record, delimiter) {
            Ok(f) => f,
            Err(e) => {
                export.problems.push(LineProblem {
                    line,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let cell = |k: Option<usize>| {
            k.and_then(|k| fields.get(k))
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
        };
        let instant = |k: Option<usize>| -> Result<Option<i64>, String> {
            match cell(k) {
                None => Ok(None),
                Some(t) => crate::zone::parse_log_instant(t, zone, crate::error::Field::Tickets)
                    .map(Some)
                    .map_err(|_| {
                        format!(
                            "{}: \"{t}\" is not an instant such as 2026-03-02T09:00:00Z",
                            names[k.unwrap_or(0)]
                        )
                    }),
            }
        };
        let Some(ticket_id) = cell(Some(id)) else {
            export.problems.push(LineProblem {
                line,
                reason: format!("it has no {}", names[id]),
            });
            continue;
        };
        let read = (|| -> Result<_, String> {
            Ok((
                instant(find(Column::Opened))?,
                instant(find(Column::Responded))?,
                instant(resolved_column)?,
                if history {
                    instant(find(Column::At))?
                } else {
                    None
                },
            ))
        })();
        let (opened, responded, resolved, at) = match read {
            Ok(r) => r,
            Err(reason) => {
                export.problems.push(LineProblem { line, reason });
                continue;
            }
        };
        if history && (at.is_none() || cell(find(Column::State)).is_none()) {
            export.problems.push(LineProblem {
                line,
                reason: "a change of state needs its instant and the state entered".to_string(),
            });
            continue;
        }
        let k = match index.get(ticket_id) {
            Some(&k) if history => k,
            Some(_) => {
                export.problems.push(LineProblem {
                    line,
                    reason: format!(
                        "ticket {ticket_id} came on an earlier line: the first is read"
                    ),
                });
                continue;
            }
            None => {
                if !history && opened.is_none() {
                    export.problems.push(LineProblem {
                        line,
                        reason: format!("it has no {}", names[find(Column::Opened).unwrap_or(id)]),
                    });
                    continue;
                }
                index.insert(ticket_id.to_string(), export.tickets.len());
                export.tickets.push(Ticket {
                    id: ticket_id.to_string(),
                    priority: String::new(),
                    opened: 0,
                    responded: None,
                    resolved: None,
                    states: Vec::new(),
                });
                export.lines.push(line);
                opened_known.push(false);
                export.tickets.len() - 1
            }
        };
        let t = &mut export.tickets[k];
        if let Some(p) = cell(find(Column::Priority)) {
            t.priority = p.to_string();
        }
        if let Some(o) = opened {
            t.opened = o;
            opened_known[k] = true;
        }
        t.responded = responded.or(t.responded);
        t.resolved = resolved.or(t.resolved);
        if let (Some(at), Some(state)) = (at, cell(find(Column::State))) {
            t.states.push((at, state.to_string()));
        }
    }
    // A history without opened columns: a ticket opens at its first change of state.
    let mut kept = Export {
        history,
        problems: export.problems,
        ..Export::default()
    };
    for ((mut t, line), known) in export
        .tickets
        .into_iter()
        .zip(export.lines)
        .zip(opened_known)
    {
        if !known {
            match t.states.iter().map(|s| s.0).min() {
                Some(first) if find(Column::Opened).is_none() => t.opened = first,
                _ => {
                    kept.problems.push(LineProblem {
                        line,
                        reason: format!("ticket {} has no instant it was opened", t.id),
                    });
                    continue;
                }
            }
        }
        kept.tickets.push(t);
        kept.lines.push(line);
    }
    kept.problems.sort_by_key(|p| p.line);
    Ok(kept)
}
