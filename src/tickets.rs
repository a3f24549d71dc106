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
//!   it spent resolved counted as paused (ServiceNow's continuation); with [`Reopen::NewCycle`] a new
//!   cycle starts at the reopening and the ticket is measured on its last (Jira, Zendesk). Entering one
//!   of the SLA's reset states starts the clock again from zero (ServiceNow's reset condition).
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
//! # Beside the clocks
//! - **OLAs**: each assignment of a ticket to a group, from the assignment to the next change to another
//!   group, in business time less its pauses, against that group's OLA ([`Stint`], [`GroupSummary`]);
//!   the group that held a breached ticket when its goal ran out; a warning where a priority's usual
//!   path of groups has OLAs adding up to more than its resolution goal.
//! - **Zendesk's metric events** (`ticket_metric_events`) are read as a history: the requester-wait
//!   clock's pause is the state [`ZENDESK_PAUSE`], which always pauses the resolution.
//! - **ServiceNow's task SLAs** (`task_sla`) give each clock's start, stop and pause totals: the business
//!   pause is taken off, and due is the goal plus the business pause from the start
//!   ([`Clock::with_pause_totals`]), as ServiceNow computes its breach time.
//! - **First contact resolution**: resolved by the first group, never reassigned or reopened; unknown
//!   for a ticket that names no group.
//! - **Experience** ([`Experience`]): Happiness and the time lost per answer, per period, and the
//!   watermelon periods where the SLA is met while they get worse.
//! - Rounding: see the crate's `conventions`.
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
    pub id: Name,
    /// Its priority, as the goals name it ("P2").
    pub priority: Name,
    /// Its category or service, where the export gives one, for goals given per category.
    pub category: Option<Name>,
    /// When it was opened.
    pub opened: i64,
    /// The first response to the caller, if there was one.
    pub responded: Option<i64>,
    /// When it was resolved, if it was.
    pub resolved: Option<i64>,
    /// The states it entered, each with its instant, in the order they happened.
    pub states: Vec<(i64, Name)>,
    /// The assignment groups it was given to, each with its instant.
    pub groups: Vec<(i64, Name)>,
    /// The caller's satisfaction score, on the SLA's scale, if they gave one.
    pub score: Option<u8>,
    /// The time the caller says they lost, in seconds, if they said.
    pub lost: Option<i64>,
    /// The seconds the resolution clock was paused and their in-schedule part, as the tool measured them,
    /// for an export that gives totals rather than states (ServiceNow's `task_sla`).
    pub pause: Option<(i64, i64)>,
}

/// A state's or a group's name. An export names the same few states and groups on millions of lines: it
/// holds each name once, shared.
pub type Name = std::rc::Rc<str>;

/// The states that end a ticket's work, compared without regard to case or surrounding spaces.
pub const RESOLVING: [&str; 4] = ["resolved", "solved", "closed", "done"];

/// Whether two names (a priority, a state, a group) are the same, without regard to case or
/// surrounding spaces.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    crate::outage::trimmed(a).eq_ignore_ascii_case(crate::outage::trimmed(b))
}

/// Whether `state` is one of [`RESOLVING`].
pub fn resolving(state: &str) -> bool {
    RESOLVING.iter().any(|r| same_name(r, state))
}

impl Ticket {
    /// A ticket `id` of `priority` opened at 0, with nothing else known yet: what a reader fills in.
    fn blank(id: Name, priority: Name) -> Ticket {
        Ticket {
            id,
            priority,
            category: None,
            opened: 0,
            responded: None,
            resolved: None,
            states: Vec::new(),
            groups: Vec::new(),
            score: None,
            lost: None,
            pause: None,
        }
    }

    /// Its changes of state in order of time (changes at one instant in the order given): as they are
    /// when they came in order, as exports give them, else a sorted copy.
    fn states_in_order(&self) -> std::borrow::Cow<'_, [(i64, Name)]> {
        if self.states.is_sorted_by_key(|s| s.0) {
            return std::borrow::Cow::Borrowed(&self.states);
        }
        let mut states = self.states.clone();
        states.sort_by_key(|s| s.0);
        std::borrow::Cow::Owned(states)
    }

    /// When the ticket was resolved: its resolution instant, else the change that took it into a
    /// resolving state for good (the first of a run of them that lasts to its last change).
    pub fn resolution(&self) -> Option<i64> {
        let mut marks = Vec::new();
        self.marks(&|s| u8::from(resolving(s)) * RESOLVES, &mut marks);
        resolution_of(self.resolved, &marks)
    }

    /// Its latest instant: opened, responded, resolved or a change of state.
    ///
    /// ```
    /// use slacalc::tickets::read_export;
    /// use slacalc::zone::Zone;
    /// let csv = "number,priority,time,state\nINC1,P2,2026-03-02T09:00:00Z,New\n\
    ///            INC2,P3,2026-03-02T10:00:00Z,New\nINC1,,2026-03-02T11:00:00Z,Resolved\n";
    /// let export = read_export(csv, &Zone::utc())?;
    /// let opened = export.tickets[0].opened;
    /// assert_eq!(export.tickets[0].latest(), opened + 7200);
    /// assert_eq!(export.tickets[1].latest(), opened + 3600);
    /// assert_eq!(export.latest, Some(opened + 7200));
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn latest(&self) -> i64 {
        let changes = self.states.iter().map(|s| s.0).max().unwrap_or(self.opened);
        [self.responded, self.resolved]
            .into_iter()
            .flatten()
            .fold(self.opened.max(changes), i64::max)
    }

    /// Its changes of state in order of time, each as its instant and what the SLA does in the state
    /// entered (`kind`), into `out`: worked out once for all the rules that read them.
    fn marks(&self, kind: &dyn Fn(&str) -> u8, out: &mut Vec<(i64, u8)>) {
        out.clear();
        out.extend(self.states_in_order().iter().map(|(at, s)| (*at, kind(s))));
    }
}

/// When a ticket was resolved: `resolved`, else the change in `marks` that took it into a resolving
/// state for good.
fn resolution_of(resolved: Option<i64>, marks: &[(i64, u8)]) -> Option<i64> {
    if resolved.is_some() {
        return resolved;
    }
    let mut since = None;
    for &(at, k) in marks {
        if k & RESOLVES != 0 {
            since.get_or_insert(at);
        } else {
            since = None;
        }
    }
    since
}

/// The goals of one priority, or of one priority in one category.
#[derive(Clone, Debug)]
pub struct Goal {
    /// The priority the goal is for; `"*"` for every priority without a goal of its own.
    pub priority: String,
    /// The category or service the goal is for; `None` for the priority's tickets of every category
    /// without a goal of their own.
    pub category: Option<String>,
    /// When the first response is due, if the SLA has that goal.
    pub response: Option<Due>,
    /// When the resolution is due, if the SLA has that goal.
    pub resolution: Option<Due>,
    /// The service hours the goal counts; `None` for round the clock.
    pub calendar: Option<Calendar>,
}

impl Goal {
    /// Its name in results: the priority, and its category where it has one (`"P2 in Payroll"`).
    pub fn name(&self) -> String {
        match &self.category {
            Some(c) => format!("{} in {c}", self.priority),
            None => self.priority.clone(),
        }
    }
}

/// When a goal is due: within so many business seconds, or at the end of the next business day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Within these business seconds of the opening.
    Within(i64),
    /// At the close of the first day with service hours after the day of the opening (local, in the
    /// goal's zone): opened on Friday, due at Monday's close; round the clock, at the end of tomorrow.
    NextBusinessDay,
}

impl Due {
    /// The business seconds of the goal for a ticket opened at `opened`, on `hours` in `zone`; `None`
    /// when the next business day lies beyond the hours measured.
    pub fn seconds(self, hours: &Hours, zone: &crate::zone::Zone, opened: i64) -> Option<i64> {
        match self {
            Due::Within(s) => Some(s),
            Due::NextBusinessDay => {
                Some(hours.service(opened, hours.next_day_close(zone, opened)?))
            }
        }
    }

    /// The most business seconds the goal can take, for the span of hours to expand: a week for the
    /// next business day (holidays are covered by the month more that the span holds).
    fn longest(self) -> i64 {
        match self {
            Due::Within(s) => s,
            Due::NextBusinessDay => 7 * 86_400,
        }
    }
}

/// The scale of satisfaction scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scale {
    /// 0 to 10: 9 and 10 are happy, 0 to 6 unhappy, 7 and 8 neither (HappySignals' Happiness).
    #[default]
    ZeroToTen,
    /// 1 to 5 (CSAT): 5 is happy, 1 to 3 unhappy, 4 neither, as 9-10, 0-6 and 7-8 are on ten points.
    OneToFive,
}

impl Scale {
    /// The highest score.
    pub fn most(self) -> u8 {
        match self {
            Scale::ZeroToTen => 10,
            Scale::OneToFive => 5,
        }
    }

    /// The lowest score.
    pub fn least(self) -> u8 {
        match self {
            Scale::ZeroToTen => 0,
            Scale::OneToFive => 1,
        }
    }

    /// Whether `score` is on the scale.
    pub fn holds(self, score: u8) -> bool {
        (self.least()..=self.most()).contains(&score)
    }

    /// Whether `score` is happy (`Some(true)`), unhappy (`Some(false)`) or neither.
    pub fn happy(self, score: u8) -> Option<bool> {
        match self {
            Scale::ZeroToTen if score >= 9 => Some(true),
            Scale::ZeroToTen if score <= 6 => Some(false),
            Scale::OneToFive if score == 5 => Some(true),
            Scale::OneToFive if score <= 3 => Some(false),
            _ => None,
        }
    }
}

/// An operational level agreement: the business time one assignment group may hold a ticket each time it
/// is given it (ServiceNow's OLA starts on assignment to the group and starts again on reassignment).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ola {
    /// The group, compared without regard to case or surrounding spaces.
    pub group: String,
    /// Business seconds per assignment.
    pub seconds: i64,
}

/// A help-desk SLA: goals per priority, the states that pause resolution, the share of tickets that
/// must meet each goal, and the OLAs of the groups that work the tickets.
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
    /// A share above the target below which a period is at risk (a warning: "97" for a 95% target).
    pub warning: Option<Target>,
    /// The groups' OLAs, measured on the hours of each ticket's goal.
    pub olas: Vec<Ola>,
    /// The scale of the callers' satisfaction scores.
    pub scale: Scale,
    /// What a ticket reopened after its resolution does to its resolution clock.
    pub reopen: Reopen,
    /// The states that start the resolution clock again from zero when a ticket enters them
    /// (ServiceNow's reset condition), compared without regard to case or surrounding spaces.
    pub reset_states: Vec<String>,
}

/// What a ticket reopened after its resolution does to its resolution clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reopen {
    /// The clock goes on from the opening; the time spent resolved is paused (ServiceNow).
    #[default]
    Continue,
    /// A new cycle starts at the reopening, and the ticket is measured on its last cycle (Jira Service
    /// Management's cycles, whose `breached()` looks at the last; Zendesk's new instance).
    NewCycle,
}

/// One assignment of a ticket to a group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stint {
    /// The group, as the ticket names it.
    pub group: Name,
    /// From its assignment to the next one, the resolution, or `as of`.
    pub start: i64,
    /// See `start`.
    pub end: i64,
    /// Business seconds the group held it, pauses taken out.
    pub business: i64,
    /// The group's OLA and where the assignment stands against it, if the group has one.
    pub ola: Option<(i64, Stage)>,
}

impl HelpDesk {
    /// The OLA of `group`, if it has one.
    pub fn ola(&self, group: &str) -> Option<i64> {
        self.olas
            .iter()
            .find(|o| same_name(&o.group, group))
            .map(|o| o.seconds)
    }

    /// The goals for a ticket of `priority` in `category`, if the SLA has any: those of its priority
    /// and category, else those of its priority for every category.
    pub fn goal(&self, priority: &str, category: Option<&str>) -> Option<&Goal> {
        self.goal_index(priority, category).map(|k| &self.goals[k])
    }

    /// The place of the goals for `priority` in `category` among the SLA's, if it has any.
    fn goal_index(&self, priority: &str, category: Option<&str>) -> Option<usize> {
        // The goal of `p` in category `c` (`None`: the one for every category).
        let of = |p: &str, c: Option<&str>| {
            self.goals.iter().position(|g| {
                same_name(&g.priority, p)
                    && match (g.category.as_deref(), c) {
                        (None, None) => true,
                        (Some(a), Some(b)) => same_name(a, b),
                        _ => false,
                    }
            })
        };
        // Its priority's goals first, then those for every priority ("*"); each in its category first.
        [priority, "*"].into_iter().find_map(|p| {
            category
                .and_then(|c| of(p, Some(c)))
                .or_else(|| of(p, None))
        })
    }

    /// Whether `state` starts the resolution clock again: one of the reset states.
    pub fn resets(&self, state: &str) -> bool {
        self.reset_states.iter().any(|r| same_name(r, state))
    }

    /// Where the resolution clock of `ticket` starts, for a clock that stops (or is read) at `end`: its
    /// opening; or its last change into a reset state before `end`; or, with new cycles, its last
    /// reopening before `end`, whichever is latest; `marks` are its changes of state ([`Ticket::marks`]).
    fn cycle_start(&self, ticket: &Ticket, end: i64, marks: &[(i64, u8)]) -> i64 {
        let mut start = ticket.opened;
        if self.reset_states.is_empty() && self.reopen == Reopen::Continue {
            return start;
        }
        let mut was_resolved = false;
        for &(at, k) in marks.iter().take_while(|s| s.0 <= end) {
            let resolved = k & RESOLVES != 0;
            let reopens = self.reopen == Reopen::NewCycle && was_resolved && !resolved;
            if reopens || k & RESETS != 0 {
                start = start.max(at);
            }
            was_resolved = resolved;
        }
        start
    }

    /// Whether `state` pauses the resolution clock: a pause state, a resolving one left later, or
    /// Zendesk's own pause ([`ZENDESK_PAUSE`]).
    pub fn pauses(&self, state: &str) -> bool {
        resolving(state)
            || self.pause_states.iter().any(|p| same_name(p, state))
            || state == ZENDESK_PAUSE
    }

    /// What the SLA does in `state`: [`RESOLVES`], [`PAUSES`] and [`RESETS`], or'ed, and [`CLOSED`].
    fn kind(&self, state: &str) -> u8 {
        (u8::from(resolving(state)) * RESOLVES)
            | (u8::from(self.pauses(state)) * PAUSES)
            | (u8::from(self.resets(state)) * RESETS)
            | (u8::from(same_name(state, "closed")) * CLOSED)
    }

    /// The times `ticket` was paused between `start` and `end`: sorted, disjoint, inside `[start, end]`.
    pub fn paused(&self, ticket: &Ticket, start: i64, end: i64) -> Vec<(i64, i64)> {
        let mut marks = Vec::new();
        ticket.marks(&|s| self.kind(s), &mut marks);
        paused_of(&marks, start, end)
    }
}

/// [`HelpDesk::paused`], from a ticket's changes of state ([`Ticket::marks`]).
fn paused_of(marks: &[(i64, u8)], start: i64, end: i64) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    let mut since = None;
    for &(at, k) in marks {
        match (since, k & PAUSES != 0) {
            (None, true) => since = Some(at),
            (Some(from), false) => {
                push_clipped(&mut out, from, at, start, end);
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
    /// Where a clock stands that has used `business` seconds of a `goal`, stopped or not.
    fn of(business: i64, goal: i64, stopped: bool) -> Stage {
        if business > goal {
            Stage::Breached
        } else if stopped {
            Stage::Met
        } else {
            Stage::Running
        }
    }

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
    /// The seconds of a calendar's service hours count; with its [`Schedule::day_index`], so that each
    /// instant is found in a few steps.
    Schedule(Schedule, Vec<u32>),
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
        let schedule = calendar.schedule(from, to)?;
        let days = schedule.day_index();
        Ok(Hours::Schedule(schedule, days))
    }

    /// Service seconds in `[a, b)`.
    pub fn service(&self, a: i64, b: i64) -> i64 {
        match self {
            Hours::Always => (b - a).max(0),
            Hours::Schedule(s, days) => s.service_between(days, a, b),
        }
    }

    /// The close of the first day with service hours after the local day of `opened` in `zone`: the end
    /// of that day's last service interval (an interval belongs to the day it starts); round the clock,
    /// the end of the next day. `None` beyond the hours measured.
    pub fn next_day_close(&self, zone: &crate::zone::Zone, opened: i64) -> Option<i64> {
        let today = zone.local_date(opened).ok()?;
        match self {
            Hours::Always => zone
                .instant(today.checked_add_days(chrono::Days::new(2))?, 0)
                .ok(),
            Hours::Schedule(s, _) => {
                let mut day = None;
                let mut close = None;
                for (start, end) in s.intervals().filter(|i| i.1 > opened) {
                    let d = zone.local_date(start).ok()?;
                    if d <= today {
                        continue;
                    }
                    match day {
                        None => day = Some(d),
                        Some(first) if d != first => break,
                        _ => {}
                    }
                    close = Some(end);
                }
                close
            }
        }
    }

    /// The instant at which `seconds` of service time have passed since `a`; `None` past the span.
    pub fn after(&self, a: i64, seconds: i64) -> Option<i64> {
        match self {
            Hours::Always => a.checked_add(seconds),
            Hours::Schedule(s, days) => s.add_service_from(days, a.max(s.span().0), seconds),
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
        Clock {
            goal,
            elapsed: end - start,
            business,
            paused,
            business_paused,
            due,
            stage: Stage::of(business, goal, stopped),
        }
    }

    /// The clock from `start` to `end` whose pauses the tool gives as totals (ServiceNow's task SLA):
    /// `paused` seconds, `business_paused` of them in the schedule. Its due instant is ServiceNow's: the
    /// goal plus the business pause, counted forward from the start through the schedule.
    pub fn with_pause_totals(
        hours: &Hours,
        start: i64,
        end: i64,
        stopped: bool,
        (paused, business_paused): (i64, i64),
        goal: i64,
    ) -> Clock {
        let end = end.max(start);
        let business = (hours.service(start, end) - business_paused).max(0);
        Clock {
            goal,
            elapsed: end - start,
            business,
            paused,
            business_paused,
            due: hours.after(start, goal.saturating_add(business_paused)),
            stage: Stage::of(business, goal, stopped),
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
    /// Why it was not measured, or the rule applied to measure it.
    pub reason: String,
    /// Whether it was measured, with the rule its reason states.
    pub measured: bool,
}

/// The clocks of one ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// Its place among the tickets given, from 0.
    pub index: usize,
    /// The place of its priority's goals among the SLA's.
    pub goal: usize,
    /// The response clock, where the priority has a response goal.
    pub response: Option<Clock>,
    /// The resolution clock, where the priority has a resolution goal.
    pub resolution: Option<Clock>,
    /// When each clock stopped, if it did by `as of`.
    pub stops: (Option<i64>, Option<i64>),
    /// Each assignment to a group, in order, up to the resolution or `as of`.
    pub stints: Vec<Stint>,
    /// How many times it was given to another group after its first.
    pub reassignments: usize,
    /// Whether it was reopened after being resolved.
    pub reopened: bool,
    /// Resolved by the first group it was given to, never reassigned and never reopened; `None` for a
    /// ticket that names no group (it cannot be told).
    pub first_contact: Option<bool>,
    /// For a breached resolution: the group that held it when the goal ran out (`None` when it was
    /// with no group then).
    pub breached_with: Option<Name>,
}

impl Measured {
    /// Whether every clock and every OLA of the ticket was met (none breached, none still running).
    pub fn met_everything(&self) -> bool {
        let met = |c: &Option<Clock>| c.as_ref().is_none_or(|c| c.stage == Stage::Met);
        met(&self.response)
            && met(&self.resolution)
            && self
                .stints
                .iter()
                .all(|s| s.ola.is_none_or(|o| o.1 == Stage::Met))
    }
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
    /// Whether it meets the target but falls short of the SLA's warning threshold: at risk.
    pub at_risk: bool,
    /// Business seconds taken: the nearest-rank median, 90th percentile and the most.
    pub p50: Option<i64>,
    /// See `p50`.
    pub p90: Option<i64>,
    /// See `p50`.
    pub worst: Option<i64>,
}

impl Summary {
    fn of(mut business: Vec<i64>, met: usize, target: Target, warning: Option<Target>) -> Summary {
        business.sort_unstable();
        let meets_target = meets(met, business.len(), target);
        Summary {
            tickets: business.len(),
            met,
            meets_target,
            at_risk: meets_target
                && !business.is_empty()
                && warning.is_some_and(|w| !meets(met, business.len(), w)),
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
    /// The goal's name: the priority, and its category where the goal is for one ([`Goal::name`]).
    pub goal: String,
    /// Response clocks that stopped in the period.
    pub response: Summary,
    /// Resolution clocks that stopped in the period.
    pub resolution: Summary,
    /// Of the tickets resolved in the period that name their groups, how many: and how many of those
    /// at first contact.
    pub with_groups: usize,
    /// See `with_groups`.
    pub first_contact: usize,
    /// The experience of the callers whose tickets were resolved in the period.
    pub experience: Experience,
    /// Where the SLA was met in the period while the experience got worse than in the period before:
    /// what got worse, in words.
    pub watermelon: Option<String>,
}

impl PeriodSummary {
    /// The clocks the period is judged on: its resolutions, or its responses where none stopped in it.
    pub fn judged(&self) -> &Summary {
        if self.resolution.tickets > 0 {
            &self.resolution
        } else {
            &self.response
        }
    }

    /// The share of the clocks it is judged on that met their goal, exactly; `None` without clocks.
    pub fn share_met(&self) -> Option<crate::penalty::Availability> {
        let s = self.judged();
        (s.tickets > 0).then(|| crate::penalty::Availability::of(s.met as u64, s.tickets as u64))
    }
}

/// The callers' experience over some tickets: their scores and the time they lost.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Experience {
    /// Scores given, happy and unhappy (see [`Scale::happy`]).
    pub scores: usize,
    /// See `scores`.
    pub happy: usize,
    /// See `scores`.
    pub unhappy: usize,
    /// Answers about lost time, and the seconds lost in all.
    pub lost_answers: usize,
    /// See `lost_answers`.
    pub lost: i64,
}

impl Experience {
    /// Happiness: the share of happy scores less the share of unhappy ones, in percentage points from
    /// -100 to +100, rounded to the nearest whole point (halves away from zero); `None` without scores.
    ///
    /// ```
    /// use slacalc::tickets::Experience;
    /// // 7 happy, 1 unhappy and 2 neither of 10: 70% - 10% = +60.
    /// let e = Experience { scores: 10, happy: 7, unhappy: 1, ..Experience::default() };
    /// assert_eq!(e.happiness(), Some(60));
    /// // 1 happy of 8: 12.5 rounds to 13; 1 unhappy of 8 to -13.
    /// assert_eq!(Experience { scores: 8, happy: 1, ..Experience::default() }.happiness(), Some(13));
    /// assert_eq!(Experience { scores: 8, unhappy: 1, ..Experience::default() }.happiness(), Some(-13));
    /// ```
    pub fn happiness(&self) -> Option<i64> {
        if self.scores == 0 {
            return None;
        }
        let (n, d) = (
            (self.happy as i64 - self.unhappy as i64) * 100,
            self.scores as i64,
        );
        // (2n ± d) / 2d, cut toward zero, rounds n / d to the nearest, halves away from zero.
        Some((2 * n + n.signum() * d) / (2 * d))
    }

    /// The average time lost per answer, in whole seconds (halves up); `None` without answers.
    pub fn lost_per_answer(&self) -> Option<i64> {
        (self.lost_answers > 0).then(|| {
            let n = self.lost_answers as i64;
            (2 * self.lost + n) / (2 * n)
        })
    }
}

/// One assignment group over all the tickets measured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupSummary {
    /// The group, as the first ticket named it.
    pub group: String,
    /// Its OLA, if it has one.
    pub ola: Option<i64>,
    /// How many times tickets were given to it.
    pub assignments: usize,
    /// Of those, how many ended within its OLA and how many went over it (running ones are neither).
    pub met: usize,
    /// See `met`.
    pub breached: usize,
    /// Business seconds it held tickets, pauses taken out.
    pub business: i64,
    /// SLA resolution breaches whose goal ran out while it held the ticket.
    pub sla_breaches: usize,
}

/// Marks the watermelon periods: for each priority, a period whose resolution goal (its response goal,
/// without one) met the attainment target while Happiness fell or the time lost per answer rose against
/// the priority's period before it.
fn watermelons(periods: &mut [PeriodSummary]) {
    for k in 0..periods.len() {
        let Some(before) = periods[..k]
            .iter()
            .rev()
            .find(|p| p.goal == periods[k].goal)
        else {
            continue;
        };
        let p = &periods[k];
        let clocks = p.judged();
        if clocks.tickets == 0 || !clocks.meets_target {
            continue;
        }
        let mut worse = Vec::new();
        if let (Some(was), Some(now)) = (before.experience.happiness(), p.experience.happiness()) {
            if now < was {
                let signed = |x: i64| {
                    if x > 0 {
                        format!("+{x}")
                    } else {
                        x.to_string()
                    }
                };
                worse.push(format!(
                    "Happiness fell from {} to {}",
                    signed(was),
                    signed(now)
                ));
            }
        }
        if let (Some(was), Some(now)) = (
            before.experience.lost_per_answer(),
            p.experience.lost_per_answer(),
        ) {
            if now > was {
                let text = |s: i64| crate::duration::SignedDuration::from_seconds(s).to_string();
                worse.push(format!(
                    "the time lost per answer rose from {} to {}",
                    text(was),
                    text(now)
                ));
            }
        }
        if !worse.is_empty() {
            let text = format!(
                "{} {}: the SLA was met while {}",
                p.priority,
                p.label,
                worse.join(" and ")
            );
            periods[k].watermelon = Some(text);
        }
    }
}

/// Whether a ticket with changes of state `marks` ([`Ticket::marks`]) was reopened before `end`: a change
/// out of a resolving state into another.
fn reopened(marks: &[(i64, u8)], end: i64) -> bool {
    let before = marks.partition_point(|s| s.0 <= end);
    marks[..before]
        .windows(2)
        .any(|w| w[0].1 & RESOLVES != 0 && w[1].1 & RESOLVES == 0)
}

/// What the SLA does in a state: it resolves the ticket (bits of [`HelpDesk`]'s private `kind`).
const RESOLVES: u8 = 1;
/// It pauses the resolution clock.
const PAUSES: u8 = 2;
/// It starts the resolution clock again.
const RESETS: u8 = 4;
/// It is the state Closed.
const CLOSED: u8 = 8;

/// A shared name ([`Name`]) as a key: while the tickets are borrowed, its address and length stand for it.
fn name_key(name: &str) -> (usize, usize) {
    (name.as_ptr() as usize, name.len())
}

/// Answers worked out once per key (a few shared names): the first few looked for one by one, the
/// others hashed.
struct PerName<K, T> {
    few: Vec<(K, T)>,
    more: rustc_hash::FxHashMap<K, T>,
}

impl<K, T> Default for PerName<K, T> {
    fn default() -> Self {
        PerName {
            few: Vec::new(),
            more: rustc_hash::FxHashMap::default(),
        }
    }
}

impl<K: Copy + Eq + std::hash::Hash, T: Copy> PerName<K, T> {
    /// The answer for `key`, worked out by `answer` the first time.
    fn get(&mut self, key: K, answer: impl FnOnce() -> T) -> T {
        if let Some(&(_, t)) = self.few.iter().find(|(k, _)| *k == key) {
            return t;
        }
        if let Some(&t) = self.more.get(&key) {
            return t;
        }
        let t = answer();
        if self.few.len() < 16 {
            self.few.push((key, t));
        } else {
            self.more.insert(key, t);
        }
        t
    }
}

/// Tickets measured against a help-desk SLA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The tickets measured, in the order given: every one, or those kept
    /// ([`HelpDesk::measure_keeping`]).
    pub measured: Vec<Measured>,
    /// How many tickets were measured, kept or not.
    pub count: usize,
    /// The tickets refused, each with its reason.
    pub problems: Vec<Problem>,
    /// Each priority in each period in which some clock stopped, in order of time and then of the
    /// goals; a clock counts in the period in which it stopped, so a period's figures are final once
    /// it has ended. Clocks still running are in `measured` alone.
    pub periods: Vec<PeriodSummary>,
    /// Each assignment group, in the order first seen.
    pub groups: Vec<GroupSummary>,
    /// OLAs that do not add up to the resolution goal.
    pub warnings: Vec<String>,
    /// Per goal, its resolution clocks that stopped or ran over, by business time against each one's
    /// goal; `None` for a goal without them.
    pub histograms: Vec<Option<Histogram>>,
}

/// Resolution clocks by business time as a share of each one's goal: in bins of a tenth of the goal
/// (`[0, 10%)`, `[10%, 20%)`, ..., `[190%, 200%)`) and a last bin of twice the goal or more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Histogram {
    /// The counts of the 21 bins.
    pub bins: [usize; 21],
    /// How many took longer than their goal.
    pub over: usize,
    /// The goal in business seconds where it is the same for every clock (not for the next business
    /// day).
    pub goal: Option<i64>,
}

impl Histogram {
    /// Counts a clock of `business` seconds against its `goal`.
    fn add(&mut self, business: i64, goal: i64) {
        let tenths = if goal > 0 {
            i128::from(business.max(0)) * 10 / i128::from(goal)
        } else {
            i128::from(business > 0) * 20
        };
        self.bins[tenths.min(20) as usize] += 1;
        self.over += usize::from(business > goal);
        self.goal = self.goal.filter(|g| *g == goal);
    }

    /// An empty histogram of clocks against a goal of `goal` business seconds.
    fn of(goal: i64) -> Histogram {
        Histogram {
            goal: Some(goal),
            ..Histogram::default()
        }
    }
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
        self.measure_keeping(tickets, as_of, measure, zone, &|_| true)
    }

    /// [`HelpDesk::measure`], keeping in the report's `measured` only the tickets `keep` chooses (those
    /// a result lists): every ticket is summed up all the same, and a million of them need not be held.
    ///
    /// # Errors
    /// As [`HelpDesk::measure`].
    pub fn measure_keeping(
        &self,
        tickets: &[Ticket],
        as_of: i64,
        measure: crate::period::Measure,
        zone: &crate::zone::Zone,
        keep: &dyn Fn(&Measured) -> bool,
    ) -> Result<Report, Error> {
        self.measure_ids(tickets, false, as_of, measure, zone, keep)
    }

    /// [`HelpDesk::measure_keeping`], for tickets whose ids are known to differ (`ids_differ`: read by an
    /// [`ExportReader`], which gathers a ticket's lines under its id) or are to be checked.
    pub(crate) fn measure_ids(
        &self,
        tickets: &[Ticket],
        ids_differ: bool,
        as_of: i64,
        measure: crate::period::Measure,
        zone: &crate::zone::Zone,
        keep: &dyn Fn(&Measured) -> bool,
    ) -> Result<Report, Error> {
        // What the SLA does in each state, worked out once per name: an export's states are shared
        // names, so a name's address and length stand for it while the tickets are borrowed.
        let kinds = std::cell::RefCell::new(PerName::default());
        let kind =
            |state: &str| -> u8 { kinds.borrow_mut().get(name_key(state), || self.kind(state)) };
        // And each ticket's goal, once per priority and category; a ticket's changes of state with what
        // the SLA does in each, worked out once a pass.
        let mut goals = PerName::default();
        let mut marks = Vec::new();
        let mut problems = Vec::new();
        let mut seen = Index::default();
        // The tickets measured, each with its goal's place, and each goal's first opening.
        let mut valid: Vec<(usize, usize)> = Vec::new();
        let mut first = vec![None; self.goals.len()];
        // The rules applied to tickets measured all the same: the first tickets of each rule one by one,
        // then how many more (an export sorted another way could otherwise list a million).
        const LISTED: usize = 1000;
        let mut counts = [0usize; 3];
        let mut more: [Option<(usize, String)>; 3] = Default::default();
        for (i, t) in tickets.iter().enumerate() {
            let refuse = |reason: String| Problem {
                ticket: i + 1,
                id: t.id.to_string(),
                reason,
                measured: false,
            };
            t.marks(&kind, &mut marks);
            let category = t.category.as_deref();
            let goal = goals.get((name_key(&t.priority), category.map(name_key)), || {
                self.goal_index(&t.priority, category)
            });
            let id = crate::outage::trimmed(&t.id);
            let reason = if id.is_empty() {
                Some("it has no id".to_string())
            } else if !ids_differ && seen.find_or_hold(&tickets[..i], id, true).is_some() {
                Some(format!(
                    "its id {id} was given before: the first is measured"
                ))
            } else if goal.is_none() {
                Some(format!(
                    "the SLA has no goal for priority \"{}\"{}; its goals are for {}",
                    t.priority.trim(),
                    t.category
                        .as_deref()
                        .map(|c| format!(" in category \"{}\"", c.trim()))
                        .unwrap_or_default(),
                    self.goals
                        .iter()
                        .map(Goal::name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            } else if t.opened > as_of {
                Some("it was opened after the instant it is measured at".to_string())
            } else if resolution_of(t.resolved, &marks).is_some_and(|r| r < t.opened) {
                Some("it was resolved before it was opened".to_string())
            } else if t.responded.is_some_and(|r| r < t.opened) {
                Some("it was responded to before it was opened".to_string())
            } else {
                None
            };
            let goal = match (reason, goal) {
                (Some(reason), _) => {
                    problems.push(refuse(reason));
                    continue;
                }
                (None, Some(goal)) => goal,
                (None, None) => continue,
            };
            valid.push((i, goal));
            first[goal] = Some(first[goal].map_or(t.opened, |f: i64| f.min(t.opened)));
            // The rules applied to tickets measured all the same.
            let mut note = |rule: usize, reason: &dyn Fn() -> String| {
                counts[rule] += 1;
                if counts[rule] <= LISTED {
                    problems.push(Problem {
                        ticket: i + 1,
                        id: t.id.to_string(),
                        reason: reason(),
                        measured: true,
                    });
                } else if counts[rule] == LISTED + 1 {
                    more[rule] = Some((i + 1, reason()));
                }
            };
            if let Some(score) = t.score.filter(|s| !self.scale.holds(*s)) {
                note(0, &|| {
                    format!(
                        "its score {score} is not on the {} to {} scale: the ticket is measured, its score left out",
                        self.scale.least(),
                        self.scale.most()
                    )
                });
            }
            if !t.states.is_sorted_by_key(|s| s.0) || !t.groups.is_sorted_by_key(|g| g.0) {
                note(1, &|| {
                    "its changes came out of order of time: they are read in order of time (changes at one instant in the order given)".to_string()
                });
            }
            let closed = marks
                .windows(2)
                .position(|w| w[0].1 & CLOSED != 0 && w[1].1 & RESOLVES == 0);
            if let Some(w) = closed {
                note(2, &|| {
                    format!(
                        "it was reopened ({}) after it was closed: {}",
                        t.states_in_order()[w + 1].1.trim(),
                        match self.reopen {
                            Reopen::Continue => "its clock continues, the time closed paused",
                            Reopen::NewCycle => "a new cycle starts at the reopening",
                        }
                    )
                });
            }
        }
        for (rule, next) in more.into_iter().enumerate() {
            if let Some((ticket, reason)) = next {
                let others = counts[rule] - LISTED - 1;
                problems.push(Problem {
                    ticket,
                    id: tickets[ticket - 1].id.to_string(),
                    reason: match others {
                        0 => reason,
                        1 => format!("{reason}; and so 1 more ticket after it, not listed"),
                        n => format!(
                            "{reason}; and so {n} more tickets after it, not listed one by one"
                        ),
                    },
                    measured: true,
                });
            }
        }
        problems.sort_by_key(|p| p.ticket);
        // One span of service hours per goal, over its own tickets.
        let mut hours: Vec<Option<Hours>> = vec![None; self.goals.len()];
        for (k, goal) in self.goals.iter().enumerate() {
            if let Some(first) = first[k] {
                let longest = [goal.response, goal.resolution]
                    .into_iter()
                    .flatten()
                    .map(Due::longest)
                    .max()
                    .unwrap_or(0);
                hours[k] = Some(Hours::over(goal.calendar.as_ref(), first, as_of, longest)?);
            }
        }
        let mut measured = Vec::new();
        let mut spare = Vec::new();
        let mut tally = Tally::new(self, measure, zone);
        let mut count = 0;
        for &(i, k) in &valid {
            let (t, goal) = (&tickets[i], &self.goals[k]);
            let Some(h) = &hours[k] else { continue };
            let stop = |at: Option<i64>| at.filter(|&s| s <= as_of);
            t.marks(&kind, &mut marks);
            let (responded, resolved) =
                (stop(t.responded), stop(resolution_of(t.resolved, &marks)));
            // The goals' business seconds for this ticket (the next business day's depend on its opening).
            let goal_zone = goal.calendar.as_ref().map_or(zone, |c| c.zone());
            let seconds = |due: Option<Due>| due.and_then(|d| d.seconds(h, goal_zone, t.opened));
            let response = seconds(goal.response).map(|g| {
                Clock::new(
                    h,
                    t.opened,
                    responded.unwrap_or(as_of),
                    responded.is_some(),
                    &[],
                    g,
                )
            });
            let end = resolved.unwrap_or(as_of);
            // The resolution clock runs from the opening, or from the last reset or new cycle.
            let start = self.cycle_start(t, end, &marks);
            let pauses = paused_of(&marks, start, end);
            let goal_from = |due: Option<Due>| due.and_then(|d| d.seconds(h, goal_zone, start));
            let resolution = goal_from(goal.resolution).map(|g| match t.pause {
                Some(totals) if t.states.is_empty() => {
                    Clock::with_pause_totals(h, t.opened, end, resolved.is_some(), totals, g)
                }
                _ => Clock::new(h, start, end, resolved.is_some(), &pauses, g),
            });
            // The groups held the ticket from its opening, whatever cycle the clock measures.
            // Into the vector of the last ticket not kept, if any.
            let mut stints = std::mem::take(&mut spare);
            if start == t.opened {
                self.stints(h, t, (end, resolved.is_some()), &pauses, &mut stints);
            } else {
                let since_opened = paused_of(&marks, t.opened, end);
                self.stints(h, t, (end, resolved.is_some()), &since_opened, &mut stints);
            }
            let reassignments = stints.len().saturating_sub(1);
            let reopened = reopened(&marks, end);
            let breached_with = resolution
                .as_ref()
                .filter(|c| c.stage == Stage::Breached)
                .and_then(|c| c.due)
                .and_then(|due| stints.iter().find(|s| s.start <= due && due < s.end))
                .map(|s| s.group.clone());
            let m = Measured {
                index: i,
                goal: k,
                response,
                resolution,
                stops: (responded, resolved),
                first_contact: (!stints.is_empty())
                    .then_some(resolved.is_some() && reassignments == 0 && !reopened),
                stints,
                reassignments,
                reopened,
                breached_with,
            };
            tally.add(&m, t)?;
            count += 1;
            if keep(&m) {
                measured.push(m);
            } else {
                spare = m.stints;
            }
        }
        let histograms = std::mem::take(&mut tally.histograms);
        let (periods, groups, warnings) = tally.finish();
        Ok(Report {
            groups,
            warnings,
            histograms,
            measured,
            count,
            problems,
            periods,
        })
    }

    /// The assignments of `ticket` from its opening to `end`: each from its change of group to the next
    /// change to another group (a change to the group it is with continues the assignment), its
    /// business time less the pauses in it, and against the group's OLA.
    /// Into `out`, cleared first.
    fn stints(
        &self,
        hours: &Hours,
        ticket: &Ticket,
        (end, stopped): (i64, bool),
        pauses: &[(i64, i64)],
        out: &mut Vec<Stint>,
    ) {
        let sorted;
        let changes = if ticket.groups.is_sorted_by_key(|g| g.0) {
            &ticket.groups
        } else {
            sorted = {
                let mut g = ticket.groups.clone();
                g.sort_by_key(|g| g.0);
                g
            };
            &sorted
        };
        out.clear();
        for (at, name) in changes.iter().filter(|g| g.0 <= end).map(|g| (g.0, &g.1)) {
            let group = crate::outage::trimmed(name);
            let start = at.clamp(ticket.opened, end);
            if let Some(last) = out.last_mut() {
                if same_name(&last.group, group) {
                    continue;
                }
                last.end = start;
                // An assignment that took no time at all (several changes at one instant) is none; the
                // group before it, if it is this one, goes on.
                if last.start == start {
                    out.pop();
                    if let Some(before) = out.last_mut().filter(|b| same_name(&b.group, group)) {
                        before.end = end;
                        continue;
                    }
                }
            }
            out.push(Stint {
                // The name as the export holds it, unless it has spaces around it.
                group: if group.len() == name.len() {
                    name.clone()
                } else {
                    Name::from(group)
                },
                start,
                end,
                business: 0,
                ola: None,
            });
        }
        let count = out.len();
        for (k, s) in out.iter_mut().enumerate() {
            let paused: i64 = pauses
                .iter()
                .filter(|&&(a, b)| a < s.end && b > s.start)
                .map(|&(a, b)| hours.service(a.max(s.start), b.min(s.end)))
                .sum();
            s.business = hours.service(s.start, s.end) - paused;
            // The last assignment runs until the resolution; at `as of` it is still running.
            let over = k + 1 < count || stopped;
            s.ola = self
                .ola(&s.group)
                .map(|goal| (goal, Stage::of(s.business, goal, over)));
        }
    }

    /// The OLA warnings of the paths of groups each goal's tickets took (`paths`, per goal, each with
    /// how many took it), the groups named as first `written`.
    fn ola_warnings_of(&self, paths: &[Vec<(Vec<Name>, usize)>], written: &[Name]) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.olas.is_empty() {
            return warnings;
        }
        for (k, goal) in self.goals.iter().enumerate() {
            // The next business day has no one length to add OLAs up against.
            let Some(Due::Within(resolution)) = goal.resolution else {
                continue;
            };
            // The most usual path; of paths as usual, the first seen.
            let Some((path, _)) = paths[k].iter().rev().max_by_key(|p| p.1) else {
                continue;
            };
            let total: i64 = path.iter().filter_map(|g| self.ola(g)).sum();
            // Each group as it was first written.
            let named: Vec<&str> = path
                .iter()
                .map(|g| {
                    written
                        .iter()
                        .find(|w| same_name(w, g))
                        .map_or(&**g, |w| &**w)
                })
                .collect();
            if total > resolution {
                let text = |s: i64| crate::duration::SignedDuration::from_seconds(s).to_string();
                warnings.push(format!(
                    "{}: the usual path {} has OLAs adding up to {}, more than the {} resolution goal",
                    goal.name(),
                    named.join(" → "),
                    text(total),
                    text(resolution)
                ));
            }
        }
        warnings
    }
}

/// Business seconds of the clocks and how many met; for a period's response and resolution.
type Clocks = (Vec<i64>, usize);
/// Resolved tickets that name their groups, and of those, resolved at first contact.
type FirstContact = (usize, usize);

/// The sums of a measurement, ticket by ticket: per period and goal, per group, and the groups' paths
/// per goal; so that a measurement keeps only the tickets it lists.
struct Tally<'a> {
    desk: &'a HelpDesk,
    measure: crate::period::Measure,
    zone: &'a crate::zone::Zone,
    anchor: chrono::NaiveDate,
    periods: std::collections::BTreeMap<
        (chrono::NaiveDate, usize),
        (Clocks, Clocks, FirstContact, Experience),
    >,
    groups: GroupTally,
    /// Per goal, its resolution clocks that stopped or ran over.
    histograms: Vec<Option<Histogram>>,
}

/// The sums of the assignments, ticket by ticket.
struct GroupTally {
    groups: Vec<GroupSummary>,
    /// Per goal, each path of groups as the first ticket that took it wrote it, and how many took it.
    paths: Vec<Vec<(Vec<Name>, usize)>>,
    /// Each group as first written.
    written: Vec<Name>,
}

impl<'a> Tally<'a> {
    fn new(
        desk: &'a HelpDesk,
        measure: crate::period::Measure,
        zone: &'a crate::zone::Zone,
    ) -> Self {
        Tally {
            desk,
            measure,
            zone,
            anchor: chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap_or_default(),
            periods: std::collections::BTreeMap::new(),
            groups: GroupTally::new(desk),
            histograms: vec![None; desk.goals.len()],
        }
    }

    /// Counts ticket `t`, measured as `m`.
    fn add(&mut self, m: &Measured, t: &Ticket) -> Result<(), Error> {
        self.add_clocks(m, t)?;
        self.groups.add(self.desk, m);
        Ok(())
    }

    /// Counts the clocks of ticket `t`, measured as `m`, in the periods they stopped in.
    fn add_clocks(&mut self, m: &Measured, t: &Ticket) -> Result<(), Error> {
        let desk = self.desk;
        if let Some(c) = m.resolution.as_ref().filter(|c| c.stage != Stage::Running) {
            if let Some(h) = self.histograms.get_mut(m.goal) {
                h.get_or_insert_with(|| Histogram::of(c.goal))
                    .add(c.business, c.goal);
            }
        }
        for (clock, stop, resolution) in [
            (&m.response, m.stops.0, false),
            (&m.resolution, m.stops.1, true),
        ] {
            let (Some(clock), Some(stop)) = (clock, stop) else {
                continue;
            };
            let start = self.measure.floor(self.zone.local_date(stop)?, self.anchor);
            let entry = self.periods.entry((start, m.goal)).or_default();
            if let (true, Some(first)) = (resolution, m.first_contact) {
                entry.2 .0 += 1;
                entry.2 .1 += usize::from(first);
            }
            if resolution {
                let e = &mut entry.3;
                if let Some(score) = t.score.filter(|s| desk.scale.holds(*s)) {
                    e.scores += 1;
                    match desk.scale.happy(score) {
                        Some(true) => e.happy += 1,
                        Some(false) => e.unhappy += 1,
                        None => {}
                    }
                }
                if let Some(lost) = t.lost {
                    e.lost_answers += 1;
                    e.lost += lost;
                }
            }
            let side = if resolution {
                &mut entry.1
            } else {
                &mut entry.0
            };
            side.0.push(clock.business);
            side.1 += usize::from(clock.stage == Stage::Met);
        }
        Ok(())
    }

    /// The summaries per period and goal, per group, and the OLA warnings.
    fn finish(self) -> (Vec<PeriodSummary>, Vec<GroupSummary>, Vec<String>) {
        let desk = self.desk;
        let measure = self.measure;
        let mut periods: Vec<PeriodSummary> = self
            .periods
            .into_iter()
            .map(
                |((start, k), (response, resolution, first_contact, experience))| {
                    let end = measure.next(start).unwrap_or(start);
                    PeriodSummary {
                        start,
                        end,
                        label: measure.label(start, end),
                        priority: desk.goals[k].priority.clone(),
                        goal: desk.goals[k].name(),
                        response: Summary::of(
                            response.0,
                            response.1,
                            desk.attainment,
                            desk.warning,
                        ),
                        resolution: Summary::of(
                            resolution.0,
                            resolution.1,
                            desk.attainment,
                            desk.warning,
                        ),
                        with_groups: first_contact.0,
                        first_contact: first_contact.1,
                        experience,
                        watermelon: None,
                    }
                },
            )
            .collect();
        watermelons(&mut periods);
        let warnings = desk.ola_warnings_of(&self.groups.paths, &self.groups.written);
        (periods, self.groups.groups, warnings)
    }
}

impl GroupTally {
    fn new(desk: &HelpDesk) -> GroupTally {
        GroupTally {
            groups: Vec::new(),
            paths: vec![Vec::new(); desk.goals.len()],
            written: Vec::new(),
        }
    }

    /// Counts the assignments of a ticket measured as `m`: its groups against their OLAs, the breach on
    /// a group's watch, and its path of groups.
    fn add(&mut self, desk: &HelpDesk, m: &Measured) {
        // The groups: their assignments against their OLAs, and the breaches on their watch.
        for s in &m.stints {
            // The names of an export are shared: the same name is most often the same text.
            let k = match self
                .written
                .iter()
                .position(|w| std::rc::Rc::ptr_eq(w, &s.group))
                .or_else(|| {
                    self.groups
                        .iter()
                        .position(|g| same_name(&g.group, &s.group))
                }) {
                Some(k) => k,
                None => {
                    self.groups.push(GroupSummary {
                        group: s.group.to_string(),
                        ola: desk.ola(&s.group),
                        ..GroupSummary::default()
                    });
                    self.written.push(s.group.clone());
                    self.groups.len() - 1
                }
            };
            let g = &mut self.groups[k];
            g.assignments += 1;
            g.business += s.business;
            match s.ola.map(|o| o.1) {
                Some(Stage::Met) => g.met += 1,
                Some(Stage::Breached) => g.breached += 1,
                _ => {}
            }
        }
        if let Some(group) = &m.breached_with {
            if let Some(g) = self.groups.iter_mut().find(|g| same_name(&g.group, group)) {
                g.sla_breaches += 1;
            }
        }
        // The path of groups, for the OLAs that do not add up.
        let paths = self.paths.get_mut(m.goal);
        if let Some(paths) = paths.filter(|_| !desk.olas.is_empty() && !m.stints.is_empty()) {
            let same = |p: &[Name]| {
                p.len() == m.stints.len()
                    && p.iter().zip(&m.stints).all(|(a, b)| same_name(a, &b.group))
            };
            match paths.iter_mut().find(|p| same(&p.0)) {
                Some(p) => p.1 += 1,
                None => paths.push((m.stints.iter().map(|s| s.group.clone()).collect(), 1)),
            }
        }
    }
}

/// The state a ticket is in while Zendesk's requester-wait clock is paused (its Pending): it always pauses
/// the resolution clock, whatever the SLA's pause states.
pub const ZENDESK_PAUSE: &str = "Pending (paused by Zendesk)";

/// What an event of Zendesk's `ticket_metric_events` says about a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ZendeskEvent {
    /// The reply clock started: the ticket was opened.
    Starts,
    /// The first reply was sent.
    Replied,
    /// The requester-wait (or resolution) clock started or went on: the ticket is open.
    Resumes,
    /// The requester-wait clock was paused: the ticket waits on the requester.
    Pauses,
    /// The requester-wait (or resolution) clock was fulfilled: the ticket was solved.
    Solved,
    /// Another metric or event (agent work time, periodic updates, SLA bookkeeping): read for the
    /// ticket's other columns only.
    Other,
}

impl ZendeskEvent {
    /// The state the ticket enters with the event.
    fn state(self) -> Option<&'static str> {
        match self {
            ZendeskEvent::Resumes => Some("Open"),
            ZendeskEvent::Pauses => Some(ZENDESK_PAUSE),
            ZendeskEvent::Solved => Some("Solved"),
            _ => None,
        }
    }
}

/// The event `kind` (activate, pause, fulfill) of Zendesk's metric `metric`.
fn zendesk_event(metric: &str, kind: &str) -> ZendeskEvent {
    let is = |a: &str, b: &str| same_name(a, b);
    let waits = is(metric, "requester_wait_time") || is(metric, "resolution_time");
    match () {
        _ if is(metric, "reply_time") && is(kind, "activate") => ZendeskEvent::Starts,
        _ if is(metric, "reply_time") && is(kind, "fulfill") => ZendeskEvent::Replied,
        _ if waits && is(kind, "activate") => ZendeskEvent::Resumes,
        _ if is(metric, "requester_wait_time") && is(kind, "pause") => ZendeskEvent::Pauses,
        _ if waits && is(kind, "fulfill") => ZendeskEvent::Solved,
        _ => ZendeskEvent::Other,
    }
}

/// What a column of a ticket export holds: recognised from its header, or named by the reader
/// ([`ExportReader::with_columns`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The ticket's id.
    Id,
    /// Its priority.
    Priority,
    /// Its category or service, for goals given per category.
    Category,
    /// When it was opened.
    Opened,
    /// Its first response.
    Responded,
    /// Its resolution.
    Resolved,
    /// When it was closed: read as the resolution where no column holds that.
    Closed,
    /// The instant of a change, in a history.
    At,
    /// The state entered.
    State,
    /// The assignment group entered.
    Group,
    /// The satisfaction score.
    Score,
    /// The time the caller lost.
    Lost,
    /// The metric of an event (Zendesk's `ticket_metric_events`: `reply_time`, `requester_wait_time`).
    Metric,
    /// What the event did to the metric's clock (`activate`, `pause`, `fulfill`).
    Event,
    /// The SLA definition a line measures (ServiceNow's `task_sla`: "P2 resolution (8 hour)").
    Sla,
    /// Where that SLA stands: In progress, Paused, Completed (or Achieved, Breached), Cancelled.
    Stage,
    /// When that SLA stopped.
    Stopped,
    /// The time it was paused.
    Paused,
    /// The in-schedule part of that time.
    BusinessPaused,
}

impl Column {
    /// Every column, in the order a mapping step lists them.
    pub const ALL: [Column; 19] = [
        Column::Id,
        Column::Priority,
        Column::Category,
        Column::Opened,
        Column::Responded,
        Column::Resolved,
        Column::Closed,
        Column::At,
        Column::State,
        Column::Group,
        Column::Score,
        Column::Lost,
        Column::Metric,
        Column::Event,
        Column::Sla,
        Column::Stage,
        Column::Stopped,
        Column::Paused,
        Column::BusinessPaused,
    ];

    /// Its name in a request: `"id"`, `"priority"`, `"category"`, `"opened"`, `"responded"`,
    /// `"resolved"`, `"closed"`, `"at"`, `"state"`, `"group"`, `"score"`, `"lost"`, `"metric"`,
    /// `"event"`, `"sla"`, `"stage"`, `"stopped"`, `"paused"` or `"businessPaused"`.
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Priority => "priority",
            Column::Category => "category",
            Column::Opened => "opened",
            Column::Responded => "responded",
            Column::Resolved => "resolved",
            Column::Closed => "closed",
            Column::At => "at",
            Column::State => "state",
            Column::Group => "group",
            Column::Score => "score",
            Column::Lost => "lost",
            Column::Metric => "metric",
            Column::Event => "event",
            Column::Sla => "sla",
            Column::Stage => "stage",
            Column::Stopped => "stopped",
            Column::Paused => "paused",
            Column::BusinessPaused => "businessPaused",
        }
    }

    /// The column named `name` (as [`Column::name`] gives it).
    pub fn parse(name: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.name() == name)
    }
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
        | "incident" | "task" | "issueid" | "tasknumber" => Column::Id,
        "priority" | "taskpriority" => Column::Priority,
        "category" | "service" | "businessservice" | "requesttype" => Column::Category,
        "opened" | "openedat" | "openedon" | "created" | "createdat" | "createdon"
        | "creationdate" | "submitted" | "submittedat" | "starttime" => Column::Opened,
        "responded" | "respondedat" | "firstresponse" | "firstresponseat" | "firstreply"
        | "firstreplyat" | "firstrespondedat" | "firstresponded" => Column::Responded,
        "resolved" | "resolvedat" | "resolvedon" | "resolutiondate" | "solved" | "solvedat" => {
            Column::Resolved
        }
        "closed" | "closedat" | "closedon" => Column::Closed,
        "at" | "time" | "timestamp" | "changedat" | "changed" | "updatedat" | "sysupdatedon"
        | "statechangedat" | "when" => Column::At,
        "state" | "status" | "newvalue" | "newstate" | "tostate" | "tostatus" => Column::State,
        "assignmentgroup" | "group" | "assignedgroup" | "groupname" | "team" => Column::Group,
        "score" | "satisfaction" | "satisfactionscore" | "csat" | "rating" | "happiness" => {
            Column::Score
        }
        "losttime" | "lost" | "timelost" => Column::Lost,
        "metric" | "metricname" => Column::Metric,
        "type" | "eventtype" | "event" => Column::Event,
        "sla" | "sladefinition" => Column::Sla,
        "stage" => Column::Stage,
        "endtime" | "stoptime" | "stopped" => Column::Stopped,
        "pauseduration" | "paused" => Column::Paused,
        "businesspauseduration" | "businesspaused" => Column::BusinessPaused,
        _ => return None,
    })
}

/// A cell of column `column` read with `parse` (`None` for an empty cell), or why not:
/// `opened_at: "soon" is not an instant such as 2026-03-02T09:00:00Z`.
fn read_cell<T>(
    cell: Option<&str>,
    column: &str,
    parse: &dyn Fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<T>, String> {
    match cell {
        None => Ok(None),
        Some(t) => parse(t)
            .map(Some)
            .ok_or_else(|| format!("{column}: \"{t}\" is not {what}")),
    }
}

/// A satisfaction score as written: a whole number (the SLA's scale is checked when tickets are
/// measured).
pub(crate) fn score_of(text: &str) -> Option<u8> {
    crate::outage::trimmed(text).parse().ok()
}

/// The time a caller lost, as written (any duration `achieved` reads), in whole seconds.
pub(crate) fn lost_seconds(text: &str) -> Option<i64> {
    let d = crate::duration::ExactDuration::parse(text, crate::error::Field::Tickets).ok()?;
    Some((d.as_nanos() / 1_000_000_000).min(i64::MAX as u64) as i64)
}

/// A duration as ServiceNow exports one: any duration `lost_seconds` reads ("4 Hours 30 Minutes",
/// "PT4H30M", seconds), or a glide duration written as an instant after 1970-01-01 00:00:00
/// ("1970-01-02 04:30:00" is a day, 4 hours and 30 minutes).
pub(crate) fn servicenow_seconds(text: &str) -> Option<i64> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix("1970-01-") {
        let (day, time) = rest.split_once(' ')?;
        let day: i64 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
        let mut parts = time.split(':').map(|p| p.parse::<i64>().ok());
        let (h, m, s) = (
            parts.next()??,
            parts.next()??,
            parts.next().unwrap_or(Some(0))?,
        );
        if parts.next().is_some() || h > 23 || m > 59 || s > 59 || h < 0 || m < 0 || s < 0 {
            return None;
        }
        return Some((day - 1) * 86_400 + h * 3_600 + m * 60 + s);
    }
    lost_seconds(t)
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
    /// The header's columns, each with what it was read as (`None`: not read).
    pub columns: Vec<(String, Option<Column>)>,
    /// How many instants had no offset and were read in the reader's zone.
    pub local_times: usize,
    /// The latest instant of the tickets read (opened, responded, resolved or a change), if any: the
    /// instant they are measured at unless another is given.
    pub latest: Option<i64>,
}

/// The columns of an export, read from its header line once.
struct Header {
    names: Vec<String>,
    delimiter: char,
    /// The column of each kind, the first where several name it.
    id: usize,
    priority: Option<usize>,
    category: Option<usize>,
    opened: Option<usize>,
    responded: Option<usize>,
    /// The resolved column, or the closed one where there is none.
    resolved: Option<usize>,
    at: Option<usize>,
    state: Option<usize>,
    group: Option<usize>,
    score: Option<usize>,
    lost: Option<usize>,
    /// A line per change (an instant and a state column) rather than a line per ticket.
    history: bool,
    /// A line per event of a metric's clock (Zendesk's `ticket_metric_events`).
    events: Option<(usize, usize)>,
    /// A line per SLA of a ticket (ServiceNow's `task_sla`): the SLA's and its stage's columns, and the
    /// stop's and the pauses'.
    task_slas: Option<(usize, usize)>,
    stopped: Option<usize>,
    paused: Option<usize>,
    business_paused: Option<usize>,
    /// What each column holds, where it holds something read.
    roles: Vec<Option<Column>>,
}

/// What the column headed `header` holds as `mapping` names it, if it names it.
fn mapped(mapping: &[(Column, String)], header: &str) -> Option<Column> {
    mapping
        .iter()
        .find(|(_, name)| same_name(name, header))
        .map(|m| m.0)
}

/// The delimiter of a header line (the one that splits it into the most columns named in `mapping` or
/// recognised) and the names of its columns.
fn header_names(
    header: &str,
    mapping: &[(Column, String)],
) -> Result<(char, Vec<String>), &'static str> {
    let delimiter = crate::outage::sniff(header, |h| {
        mapped(mapping, h).is_some() || column(h).is_some()
    });
    let names = crate::outage::split_record(header, delimiter)?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    Ok((delimiter, names))
}

impl Header {
    /// The header line's columns: those named in `mapping` hold what it says; the others what their
    /// names say, unless the mapping gives that to another column.
    fn read(header: &str, mapping: &[(Column, String)]) -> Result<Header, Error> {
        let refuse = |reason: String| Error::InvalidValue {
            field: crate::error::Field::Tickets,
            part: "header".to_string(),
            reason,
        };
        let mapped = |h: &str| mapped(mapping, h);
        let (delimiter, names) =
            header_names(header, mapping).map_err(|e| refuse(format!("the header line: {e}")))?;
        for (c, name) in mapping {
            if !names.iter().any(|h| same_name(h, name)) {
                return Err(Error::InvalidValue {
                    field: crate::error::Field::Tickets,
                    part: format!("columns.{}", c.name()),
                    reason: format!(
                        "the export has no column \"{name}\"; its columns are {}",
                        names.join(", ")
                    ),
                });
            }
        }
        let columns: Vec<Option<Column>> = names
            .iter()
            .map(|h| mapped(h).or_else(|| column(h).filter(|c| mapping.iter().all(|m| m.0 != *c))))
            .collect();
        let find = |c: Column| columns.iter().position(|x| *x == Some(c));
        let Some(id) = find(Column::Id) else {
            return Err(refuse(format!(
                "no column holds the ticket's id (number, id, key); the columns are {}",
                names.join(", ")
            )));
        };
        let events = find(Column::Metric)
            .zip(find(Column::Event))
            .filter(|_| find(Column::At).is_some());
        let task_slas = find(Column::Sla).zip(find(Column::Stage));
        let history = ((find(Column::State).is_some() || events.is_some())
            && find(Column::At).is_some())
            || task_slas.is_some();
        if find(Column::Opened).is_none() && (!history || task_slas.is_some()) {
            return Err(refuse(format!(
                "no column holds when tickets were opened (opened_at, created), nor states with their times; the columns are {}",
                names.join(", ")
            )));
        }
        Ok(Header {
            delimiter,
            id,
            priority: find(Column::Priority),
            category: find(Column::Category),
            opened: find(Column::Opened),
            responded: find(Column::Responded),
            resolved: find(Column::Resolved).or(find(Column::Closed)),
            at: find(Column::At),
            state: find(Column::State),
            group: find(Column::Group),
            score: find(Column::Score),
            lost: find(Column::Lost),
            history,
            events,
            task_slas,
            stopped: find(Column::Stopped),
            paused: find(Column::Paused),
            business_paused: find(Column::BusinessPaused),
            names,
            roles: columns,
        })
    }

    /// The name of column `k` (the id's where there is none), for the reasons of lines not read.
    fn name(&self, k: Option<usize>) -> &str {
        &self.names[k.unwrap_or(self.id)]
    }
}

/// A ticket export read piece by piece, as a file arrives: the pieces may end anywhere, even inside a
/// line, a quoted field or a character. [`read_export`] reads a whole text with it.
///
/// ```
/// use slacalc::tickets::ExportReader;
/// use slacalc::zone::Zone;
/// let csv = "number;priority;time;state\nINC7;P3;2026-03-02 09:00;New\nINC7;;2026-03-02 17:00;Resolved\n";
/// let mut reader = ExportReader::new(&Zone::utc());
/// for piece in csv.as_bytes().chunks(7) {
///     reader.push_bytes(piece)?;
/// }
/// let export = reader.finish()?;
/// assert_eq!((export.tickets.len(), export.tickets[0].states.len()), (1, 2));
/// # Ok::<(), slacalc::Error>(())
/// ```
pub struct ExportReader {
    zone: crate::zone::Zone,
    /// The columns the reader named, and the header line once read.
    mapping: Vec<(Column, String)>,
    header_line: String,
    header: Option<Header>,
    /// Text of the records whose end has not arrived yet.
    pending: String,
    /// How far `pending` has been scanned, whether that point is inside quotes, the line it is on, and
    /// the line the first record in `pending` starts on.
    scanned: usize,
    quoted: bool,
    /// Whether the record being scanned holds a quote.
    record_quoted: bool,
    line: usize,
    first_line: usize,
    /// The first bytes of a character cut off at the end of the last piece of bytes.
    partial: Vec<u8>,
    bytes: usize,
    export: Export,
    /// Each ticket's place by its id, and the last ticket read (a history gives a ticket's changes on
    /// lines that follow each other).
    index: Index,
    last: Option<(Name, usize)>,
    opened_known: Vec<bool>,
    /// The names of states, groups, priorities and categories read so far, each held once.
    names: Names,
    /// The empty name, a new ticket's priority until a line gives it.
    no_name: Name,
    /// Where the fields of the record being read start and end, kept from record to record.
    spans: Vec<(usize, usize)>,
}

/// Each ticket's place by its id (without surrounding blanks), held as the id's hash: a million ids as
/// strings cost a look at each string as the table grows. Ids whose hashes collide are held as strings.
///
/// Exports most often give their tickets in order of their ids: while each new id comes after every id
/// before it (shorter first, then byte by byte), it cannot be one of them, and the tickets are held only
/// once an id comes out of that order.
#[derive(Default)]
struct Index {
    first: rustc_hash::FxHashMap<u64, usize>,
    collided: rustc_hash::FxHashMap<Name, usize>,
    /// How many of the first tickets are held.
    held: usize,
    /// The ticket with the greatest id, if any.
    greatest: Option<usize>,
}

impl Index {
    fn hash(id: &str) -> u64 {
        std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, id)
    }

    /// The place among `tickets` of the ticket with `id`, if one has it; else, when `hold`, `id` is taken
    /// from now on as the id of the next ticket (at `tickets.len()`).
    fn find_or_hold(&mut self, tickets: &[Ticket], id: &str, hold: bool) -> Option<usize> {
        let next = tickets.len();
        let after = |k: usize| {
            let g = crate::outage::trimmed(&tickets[k].id);
            (g.len(), g.as_bytes()) < (id.len(), id.as_bytes())
        };
        if self.greatest.is_none_or(after) {
            if hold {
                self.greatest = Some(next);
            }
            return None;
        }
        for k in self.held..next {
            self.probe(tickets, crate::outage::trimmed(&tickets[k].id), k, true);
        }
        self.held = next;
        let found = self.probe(tickets, id, next, hold);
        if found.is_none() && hold {
            self.held = next + 1;
        }
        found
    }

    /// The place among `tickets` of the ticket with `id`, if it is held; else, when `hold`, `id` is held
    /// from now on as the id of the ticket at `next`.
    fn probe(&mut self, tickets: &[Ticket], id: &str, next: usize, hold: bool) -> Option<usize> {
        use std::collections::hash_map::Entry;
        match self.first.entry(Index::hash(id)) {
            Entry::Vacant(e) => {
                if hold {
                    e.insert(next);
                }
                None
            }
            Entry::Occupied(e) if crate::outage::trimmed(&tickets[*e.get()].id) == id => {
                Some(*e.get())
            }
            Entry::Occupied(_) => match self.collided.get(id) {
                Some(&k) => Some(k),
                None => {
                    if hold {
                        self.collided.insert(Name::from(id), next);
                    }
                    None
                }
            },
        }
    }
}

/// The names of states, groups and priorities read, each held once: the few an export repeats on
/// every line are found in a small table by their length and last byte, before the set of all of them.
struct Names {
    recent: [Option<Name>; 64],
    all: rustc_hash::FxHashSet<Name>,
}

impl Default for Names {
    fn default() -> Names {
        Names {
            recent: std::array::from_fn(|_| None),
            all: rustc_hash::FxHashSet::default(),
        }
    }
}

impl Names {
    /// `text` as a name held once.
    fn intern(&mut self, text: &str) -> Name {
        let slot =
            text.len().wrapping_mul(31) ^ usize::from(text.as_bytes().last().copied().unwrap_or(0));
        let slot = &mut self.recent[slot % 64];
        if let Some(name) = slot.as_ref().filter(|n| ***n == *text) {
            return name.clone();
        }
        let name = match self.all.get(text) {
            Some(name) => name.clone(),
            None => {
                let name = Name::from(text);
                self.all.insert(name.clone());
                name
            }
        };
        *slot = Some(name.clone());
        name
    }
}

/// The fields of one record: spans of a record without quotes, or the fields of one with them.
enum Fields<'a> {
    Plain(&'a str, &'a [(usize, usize)]),
    Quoted(&'a [std::borrow::Cow<'a, str>]),
}

impl<'a> Fields<'a> {
    fn get(&self, k: usize) -> Option<&'a str> {
        match self {
            Fields::Plain(record, spans) => spans.get(k).map(|&(a, b)| &record[a..b]),
            Fields::Quoted(fields) => fields.get(k).map(|f| &**f),
        }
    }
}

/// The most text an export may hold, as the page reads it.
const MAX_EXPORT_BYTES: usize = 512 * 1024 * 1024;

impl ExportReader {
    /// A reader whose times without an offset are read in `zone`.
    pub fn new(zone: &crate::zone::Zone) -> ExportReader {
        ExportReader::with_columns(zone, Vec::new())
    }

    /// A reader that takes the columns named in `mapping` (by their header, without regard to case or
    /// surrounding spaces) to hold what it says, and recognises the others from their headers: the
    /// column-mapping step for an export whose headers are not known.
    ///
    /// ```
    /// use slacalc::tickets::{Column, ExportReader};
    /// use slacalc::zone::Zone;
    /// let csv = "Ticket #,Urgency,Logged,Fixed\nT-1,P2,2026-03-02 09:00,2026-03-02 11:00\n";
    /// let mapping = vec![(Column::Id, "Ticket #".into()), (Column::Priority, "urgency".into()),
    ///     (Column::Opened, "Logged".into()), (Column::Resolved, "Fixed".into())];
    /// let mut reader = ExportReader::with_columns(&Zone::utc(), mapping);
    /// reader.push(csv)?;
    /// let export = reader.finish()?;
    /// assert_eq!((&*export.tickets[0].id, &*export.tickets[0].priority), ("T-1", "P2"));
    /// assert_eq!(export.tickets[0].resolved, Some(export.tickets[0].opened + 7200));
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn with_columns(zone: &crate::zone::Zone, mapping: Vec<(Column, String)>) -> ExportReader {
        ExportReader {
            zone: zone.clone(),
            mapping,
            header_line: String::new(),
            header: None,
            pending: String::new(),
            scanned: 0,
            quoted: false,
            record_quoted: false,
            line: 1,
            first_line: 1,
            partial: Vec::new(),
            bytes: 0,
            export: Export::default(),
            index: Index::default(),
            last: None,
            opened_known: Vec::new(),
            names: Names::default(),
            no_name: Name::from(""),
            spans: Vec::new(),
        }
    }

    /// Tickets read so far.
    pub fn tickets(&self) -> usize {
        self.export.tickets.len()
    }

    /// The names of the header line's columns, once it has been read, even when it was refused (for a
    /// mapping step to offer them).
    pub fn columns(&self) -> Vec<String> {
        if let Some(h) = &self.header {
            return h.names.clone();
        }
        header_names(&self.header_line, &self.mapping)
            .map(|(_, names)| names.into_iter().filter(|h| !h.is_empty()).collect())
            .unwrap_or_default()
    }

    /// Reads the next piece of the export as UTF-8 bytes (bytes that are not UTF-8 are read as U+FFFD, as a
    /// browser decodes them).
    ///
    /// # Errors
    /// As [`ExportReader::push`].
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<(), Error> {
        let text = crate::outage::decode_piece(&mut self.partial, piece);
        self.push(&text)
    }

    /// Reads the next piece of the export's text. Records end at a line feed, a carriage return or both;
    /// quoted fields may hold delimiters, doubled quotes and line breaks (RFC 4180).
    ///
    /// # Errors
    /// [`Error::InvalidValue`] with field "tickets" and part "header" when the header names no id column,
    /// or neither an opened column nor states with their instants; or when the export is binary or larger
    /// than 512 MB.
    pub fn push(&mut self, piece: &str) -> Result<(), Error> {
        self.bytes += piece.len();
        let refuse = |reason: &str| Error::InvalidValue {
            field: crate::error::Field::Tickets,
            part: String::new(),
            reason: reason.to_string(),
        };
        if self.bytes > MAX_EXPORT_BYTES {
            return Err(refuse(
                "the export is larger than 512 MB: split it by year or by service",
            ));
        }
        if memchr::memchr(0, piece.as_bytes()).is_some() {
            return Err(refuse("the file is binary, not text: give a CSV file"));
        }
        // The records of `pending` and the piece, without a copy of the piece when nothing is pending.
        let joined;
        let text = if self.pending.is_empty() {
            piece
        } else {
            joined = std::mem::take(&mut self.pending) + piece;
            &joined
        };
        let rest = self.scan(text, false)?;
        self.pending = text[rest..].to_string();
        Ok(())
    }

    /// Reads the complete records of `text` (what was pending, and the next piece), scanned from
    /// `scanned` on; at the end of the export (`last`), the rest as well. Returns where the records not
    /// complete yet start.
    fn scan(&mut self, text: &str, last: bool) -> Result<usize, Error> {
        let bytes = text.as_bytes();
        let (mut start, mut i) = (0, self.scanned);
        loop {
            // The next quote or line break.
            let Some(at) = memchr::memchr3(b'"', b'\n', b'\r', &bytes[i..]) else {
                i = bytes.len();
                break;
            };
            i += at;
            match bytes[i] {
                b'"' => {
                    self.quoted = !self.quoted;
                    self.record_quoted = true;
                }
                b'\r' if i + 1 == bytes.len() && !last => break, // a CRLF cut in two: wait for the LF
                _ => {
                    let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
                    if !self.quoted {
                        self.record(self.first_line, &text[start..i])?;
                        start = i + 1 + usize::from(crlf);
                        self.first_line = self.line + 1;
                        self.record_quoted = false;
                    }
                    self.line += 1;
                    i += usize::from(crlf);
                }
            }
            i += 1;
        }
        if last && start < bytes.len() {
            self.record(self.first_line, &text[start..])?;
            start = bytes.len();
        }
        self.scanned = i.min(bytes.len()) - start;
        Ok(start)
    }

    /// Reads one record that starts on `line`: the header, or a ticket's line.
    fn record(&mut self, line: usize, record: &str) -> Result<(), Error> {
        if crate::outage::trimmed(record).is_empty() {
            return Ok(());
        }
        let Some(h) = &self.header else {
            self.header_line = record.to_string();
            self.header = Some(Header::read(record, &self.mapping)?);
            return Ok(());
        };
        // A record without quotes is split into spans of itself; one with quotes is read as RFC 4180.
        let quoted;
        let spans = &mut self.spans;
        spans.clear();
        let fields: Fields = if self.record_quoted {
            match crate::outage::split_record(record, h.delimiter) {
                Ok(f) => {
                    quoted = f;
                    Fields::Quoted(&quoted)
                }
                Err(e) => {
                    self.export.problems.push(LineProblem {
                        line,
                        reason: e.to_string(),
                    });
                    return Ok(());
                }
            }
        } else {
            // The delimiters are ASCII: a byte equal to one is that character.
            let mut from = 0;
            for i in memchr::memchr_iter(h.delimiter as u8, record.as_bytes()) {
                spans.push((from, i));
                from = i + 1;
            }
            spans.push((from, record.len()));
            Fields::Plain(record, spans)
        };
        let cell = |k: Option<usize>| {
            k.and_then(|k| fields.get(k))
                .map(crate::outage::trimmed)
                .filter(|f| !f.is_empty())
        };
        let zone = &self.zone;
        // Instants without an offset are read in the zone, and counted.
        let local = std::cell::Cell::new(0);
        let instant = |k: Option<usize>| {
            read_cell(
                cell(k),
                h.name(k),
                &|t| {
                    let (at, read_local) =
                        crate::zone::read_log_instant(t, zone, crate::error::Field::Tickets)
                            .ok()?;
                    local.set(local.get() + usize::from(read_local));
                    Some(at)
                },
                "an instant such as 2026-03-02T09:00:00Z",
            )
        };
        let Some(ticket_id) = cell(Some(h.id)) else {
            self.export.problems.push(LineProblem {
                line,
                reason: format!("it has no {}", h.names[h.id]),
            });
            return Ok(());
        };
        let read = (|| -> Result<_, String> {
            Ok((
                instant(h.opened)?,
                instant(h.responded)?,
                instant(h.resolved)?,
                if h.history { instant(h.at)? } else { None },
                read_cell(
                    cell(h.score),
                    h.name(h.score),
                    &score_of,
                    "a whole number from 0 to 10",
                )?,
                read_cell(
                    cell(h.lost),
                    h.name(h.lost),
                    &lost_seconds,
                    "a duration such as PT1H30M or 1 h 30 min",
                )?,
            ))
        })();
        let (opened, responded, resolved, at, score, lost) = match read {
            Ok(r) => r,
            Err(reason) => {
                self.export.problems.push(LineProblem { line, reason });
                return Ok(());
            }
        };
        let (mut state, group) = (cell(h.state), cell(h.group));
        // An event of Zendesk's metrics: a change of state, or the first reply.
        let event = h
            .events
            .map(|(m, e)| zendesk_event(cell(Some(m)).unwrap_or(""), cell(Some(e)).unwrap_or("")));
        if let Some(e) = event {
            state = e.state();
        }
        // A task SLA of ServiceNow: a clock ServiceNow measured, with its stop and its pauses' totals.
        let task_sla = match h.task_slas {
            None => None,
            Some((sla, stage)) => {
                let name = cell(Some(sla)).unwrap_or("");
                let stage = cell(Some(stage)).unwrap_or("");
                let read = (|| -> Result<_, String> {
                    let duration = |k| {
                        read_cell(
                            cell(k),
                            h.name(k),
                            &servicenow_seconds,
                            "a duration such as 4 Hours 30 Minutes, PT4H30M or 1970-01-01 04:30:00",
                        )
                    };
                    Ok((
                        instant(h.stopped)?,
                        duration(h.paused)?,
                        duration(h.business_paused)?,
                    ))
                })();
                let (stop, paused, business_paused) = match read {
                    Ok(r) => r,
                    Err(reason) => {
                        self.export.problems.push(LineProblem { line, reason });
                        return Ok(());
                    }
                };
                let key: String = stage
                    .chars()
                    .filter(char::is_ascii_alphabetic)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                let stop = match key.as_str() {
                    "completed" | "achieved" | "breached" if stop.is_some() => stop,
                    "inprogress" | "paused" => None,
                    "completed" | "achieved" | "breached" => {
                        self.export.problems.push(LineProblem {
                            line,
                            reason: format!(
                                "its SLA \"{name}\" is {stage} but has no {}",
                                h.name(h.stopped)
                            ),
                        });
                        return Ok(());
                    }
                    "cancelled" | "canceled" => {
                        self.export.problems.push(LineProblem {
                            line,
                            reason: format!("its SLA \"{name}\" was cancelled: ServiceNow measures it no further"),
                        });
                        return Ok(());
                    }
                    _ => {
                        self.export.problems.push(LineProblem {
                            line,
                            reason: format!("stage \"{stage}\" is not In progress, Paused, Completed or Cancelled"),
                        });
                        return Ok(());
                    }
                };
                let response = name.to_ascii_lowercase().contains("respon");
                Some((response, stop, paused, business_paused))
            }
        };
        if h.history
            && task_sla.is_none()
            && (at.is_none() || (state.is_none() && group.is_none() && event.is_none()))
        {
            self.export.problems.push(LineProblem {
                line,
                reason: "a change needs its instant and the state or group entered".to_string(),
            });
            return Ok(());
        }
        // A new ticket is held unless it is refused below for want of an opening.
        let known = match &self.last {
            Some((id, k)) if **id == *ticket_id => Some(*k),
            _ => self.index.find_or_hold(
                &self.export.tickets,
                ticket_id,
                h.history || opened.is_some(),
            ),
        };
        let k = match known {
            Some(k) if h.history => k,
            Some(_) => {
                self.export.problems.push(LineProblem {
                    line,
                    reason: format!(
                        "ticket {ticket_id} came on an earlier line: the first is read"
                    ),
                });
                return Ok(());
            }
            None => {
                if !h.history && opened.is_none() {
                    self.export.problems.push(LineProblem {
                        line,
                        reason: format!("it has no {}", h.name(h.opened)),
                    });
                    return Ok(());
                }
                let id = Name::from(ticket_id);
                self.export
                    .tickets
                    .push(Ticket::blank(id.clone(), self.no_name.clone()));
                self.export.lines.push(line);
                self.opened_known.push(false);
                self.last = Some((id, self.export.tickets.len() - 1));
                self.export.tickets.len() - 1
            }
        };
        let t = &mut self.export.tickets[k];
        if let Some(p) = cell(h.priority) {
            if *t.priority != *p {
                t.priority = self.names.intern(p);
            }
        }
        if let Some(c) = cell(h.category) {
            if t.category.as_deref() != Some(c) {
                t.category = Some(self.names.intern(c));
            }
        }
        if let Some(o) = opened {
            // The task SLAs of a ticket start at its opening, or later: the earliest is taken.
            let earlier = task_sla.is_some() && self.opened_known[k];
            t.opened = if earlier { t.opened.min(o) } else { o };
            self.opened_known[k] = true;
        }
        match task_sla {
            Some((true, stop, ..)) => t.responded = stop.or(t.responded),
            Some((false, stop, paused, business_paused)) => {
                t.resolved = stop.or(t.resolved);
                if let Some(b) = business_paused {
                    t.pause = Some((paused.unwrap_or(b).max(b), b));
                }
            }
            None => {}
        }
        t.responded = responded.or(t.responded);
        t.resolved = resolved.or(t.resolved);
        if let (Some(e), Some(at)) = (event, at) {
            // A ticket opens when the first of its metrics' clocks starts; it is responded to when the
            // first reply clock is fulfilled.
            let first = |was: Option<i64>| Some(was.map_or(at, |w| w.min(at)));
            match e {
                ZendeskEvent::Starts | ZendeskEvent::Resumes => {
                    t.opened = if self.opened_known[k] {
                        t.opened.min(at)
                    } else {
                        at
                    };
                    self.opened_known[k] = true;
                }
                ZendeskEvent::Replied => t.responded = first(t.responded),
                _ => {}
            }
        }
        if let (Some(at), Some(state)) = (at, state) {
            t.states.push((at, self.names.intern(state)));
        }
        t.score = score.or(t.score);
        t.lost = lost.or(t.lost);
        // A group on a line per ticket is the group it was with from its opening.
        if let (Some(at), Some(group)) = (at.or(opened), group) {
            t.groups.push((at, self.names.intern(group)));
        }
        // The instants of the lines read without an offset.
        self.export.local_times += local.get();
        Ok(())
    }

    /// The tickets read: every line has been read (the last even without a line break at its end).
    ///
    /// # Errors
    /// As [`ExportReader::push`], and when the export is empty.
    pub fn finish(mut self) -> Result<Export, Error> {
        let mut text = std::mem::take(&mut self.pending);
        text.push_str(&String::from_utf8_lossy(&std::mem::take(&mut self.partial)));
        self.scan(&text, true)?;
        let Some(h) = self.header else {
            return Err(Error::InvalidValue {
                field: crate::error::Field::Tickets,
                part: "header".to_string(),
                reason: "the export is empty: give a header line and a line per ticket".to_string(),
            });
        };
        // A history without opened columns: a ticket opens at its first change of state. The tickets
        // kept stay where they are.
        let mut export = self.export;
        export.history = h.history;
        export.columns = h
            .names
            .iter()
            .cloned()
            .zip(h.roles.iter().copied())
            .collect();
        // And the latest instant of the tickets kept, in the same pass.
        let mut kept = vec![true; export.tickets.len()];
        for (k, t) in export.tickets.iter_mut().enumerate() {
            if !self.opened_known[k] {
                match t.states.iter().chain(&t.groups).map(|s| s.0).min() {
                    Some(first) if h.opened.is_none() => t.opened = first,
                    _ => {
                        export.problems.push(LineProblem {
                            line: export.lines[k],
                            reason: format!("ticket {} has no instant it was opened", t.id),
                        });
                        kept[k] = false;
                        continue;
                    }
                }
            }
            let latest = t.latest();
            export.latest = Some(export.latest.map_or(latest, |l| l.max(latest)));
        }
        if kept.contains(&false) {
            // `retain` visits the elements in order.
            let mut keep = kept.iter().copied();
            export.tickets.retain(|_| keep.next().unwrap_or(true));
            let mut keep = kept.iter().copied();
            export.lines.retain(|_| keep.next().unwrap_or(true));
        }
        export.problems.sort_by_key(|p| p.line);
        Ok(export)
    }
}

/// Reads a ticket export: CSV with a header line, its delimiter sniffed (comma, semicolon, tab or bar).
/// One line per ticket (an id, a priority, opened, and where known the first response, the resolution
/// and the assignment group; `closed` stands for the resolution where there is no resolved column), or
/// one line per change (an id, the instant, and the state or the assignment group entered; priority,
/// opened and the others on any of the ticket's lines), one line per event of Zendesk's metrics (an
/// id, the metric, the event's type and its instant), or one line per task SLA of ServiceNow (see the
/// module's docs). Times without an offset are
/// read in `zone`. Every line not read is listed with its reason; a ticket never opened is listed at its
/// first line.
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
    let mut reader = ExportReader::new(zone);
    reader.push(text)?;
    reader.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket(id: &str) -> Ticket {
        Ticket::blank(Name::from(id), Name::from("P1"))
    }

    /// Two ids whose hashes were the same are still two tickets, and each is found again.
    #[test]
    fn ids_whose_hashes_collide_are_told_apart() {
        let tickets = [ticket("A"), ticket("B"), ticket("C")];
        let mut index = Index::default();
        // A holds B's hash, as a collision would have it.
        index.first.insert(Index::hash("B"), 0);
        assert_eq!(index.probe(&tickets, "B", 1, false), None);
        assert!(index.collided.is_empty());
        assert_eq!(index.probe(&tickets, "B", 1, true), None);
        assert_eq!(index.probe(&tickets, "B", 2, true), Some(1));
        assert_eq!(index.probe(&tickets, " B ".trim(), 2, true), Some(1));
        // C is new, then found; A is found by its own hash only once held.
        assert_eq!(index.probe(&tickets, "C", 2, true), None);
        assert_eq!(index.probe(&tickets, "C", 3, true), Some(2));
        assert_eq!(index.probe(&tickets, "A", 0, true), None);
        assert_eq!(index.probe(&tickets, "A", 3, true), Some(0));
    }

    /// Ids in order are not held until one comes out of order; every id is found again after that,
    /// whichever order they came in.
    #[test]
    fn ids_in_order_are_held_only_when_one_comes_out_of_order() {
        let mut tickets = Vec::new();
        let mut index = Index::default();
        // Shorter ids come first, as numbers do: 9 before 10.
        for id in ["7", "9", "10", "11"] {
            assert_eq!(index.find_or_hold(&tickets, id, true), None);
            tickets.push(ticket(id));
        }
        assert!(index.first.is_empty());
        assert_eq!(index.find_or_hold(&tickets, "9", true), Some(1));
        assert_eq!(index.first.len(), 4);
        // A new id out of order is held at once; one in order after it is not, and is found later.
        for id in ["8", "12"] {
            assert_eq!(index.find_or_hold(&tickets, id, true), None);
            tickets.push(ticket(id));
        }
        assert_eq!(index.first.len(), 5);
        // An id not held is not taken for the next ticket.
        assert_eq!(index.find_or_hold(&tickets, "3", false), None);
        assert_eq!(index.find_or_hold(&tickets, "13", false), None);
        for (k, id) in ["7", "9", "10", "11", "8", "12"].into_iter().enumerate() {
            assert_eq!(index.find_or_hold(&tickets, id, true), Some(k), "{id}");
        }
        assert_eq!(index.find_or_hold(&tickets, "3", true), None);
    }
}
