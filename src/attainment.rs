//! Attainment: the same outages measured every way a contract might measure them.
//!
//! # How outages are counted
//! - Overlapping and duplicate outages are merged: each second counts once, at the highest impact of the
//!   outages covering it.
//! - Planned maintenance, unless counted, is taken out of both the service time and the downtime (it is
//!   not agreed service time). Counted, it is downtime like any other.
//! - With whole minutes, an outage covers every minute it touches (a partial minute counts as a minute).
//! - A minimum counted outage ignores merged stretches of downtime shorter than it.
//! - Impact weighting counts a 50% outage as half its length; without it, any impact counts in full.
//! - On a service calendar only downtime within service hours counts, against the service time.
//!
//! Attainment is compared with the target exactly and shown rounded down, as everywhere in slacalc.

use chrono::{Datelike, Days, NaiveDate};

use crate::calendar::{count_up_to, Calendar, Schedule};
use crate::decimal::format_fixed;
use crate::duration::SignedDuration;
use crate::error::Error;
use crate::outage::{Outage, FULL};
use crate::target::Target;
use crate::zone::{Zone, FIRST_INSTANT, LAST_INSTANT};

/// How a contract counts outages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Merged stretches of downtime shorter than this many seconds are ignored.
    pub minimum_seconds: i64,
    /// A partial minute counts as a whole minute.
    pub whole_minutes: bool,
    /// Planned maintenance counts as downtime (otherwise it is taken out of the service time).
    pub count_planned: bool,
    /// Partial outages count by their impact (otherwise in full).
    pub weight_impact: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            minimum_seconds: 0,
            whole_minutes: false,
            count_planned: false,
            weight_impact: true,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Downtime at this impact (millionths).
    Down(u32),
    /// Not service time: planned maintenance that is not counted.
    Excluded,
}

/// Merged outages, ready to be measured over any window in O(log n), and over windows taken in order
/// in O(1) each (how every period and rolling window of a comparison is measured).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    starts: Vec<i64>,
    ends: Vec<i64>,
    kinds: Vec<Kind>,
    /// Service seconds before each segment's start (the instant itself on 24x7).
    start_service: Vec<i64>,
    /// Weighted downtime (service seconds x millionths) before each segment.
    down_before: Vec<i128>,
    /// Excluded service seconds before each segment.
    excluded_before: Vec<i64>,
    schedule: Option<Schedule>,
}

impl Timeline {
    /// Merges `outages` as `options` say, on the service hours of `schedule` (24x7 without one).
    pub fn new(outages: &[Outage], options: Options, schedule: Option<Schedule>) -> Timeline {
        // Each start and end is an event packed in a u64, so that ordering them is sorting integers:
        // the seconds after the earliest instant (42 bits hold the whole range of instants slacalc
        // reads, years 0001 to 9999), whether it opens, whether it is excluded time, and the impact
        // (millionths, at most FULL < 2^20). Events at the same instant are taken together, in any order.
        const SHIFT: u32 = 22;
        let span = |o: &Outage| {
            let (start, end) = if options.whole_minutes {
                (
                    o.start.div_euclid(60) * 60,
                    (o.end + 59).div_euclid(60) * 60,
                )
            } else {
                (o.start, o.end)
            };
            (
                start.clamp(FIRST_INSTANT - 60, LAST_INSTANT + 60),
                end.clamp(FIRST_INSTANT - 60, LAST_INSTANT + 60),
            )
        };
        let base = outages.iter().map(|o| span(o).0).min().unwrap_or(0);
        let mut events: Vec<u64> = Vec::with_capacity(outages.len() * 2);
        for o in outages {
            let (start, end) = span(o);
            if end <= start {
                continue;
            }
            let kind = if o.planned && !options.count_planned {
                1 << 20
            } else if options.weight_impact {
                u64::from(o.impact.min(FULL))
            } else {
                u64::from(FULL)
            };
            events.push(((start - base) as u64) << SHIFT | 1 << 21 | kind);
            events.push(((end - base) as u64) << SHIFT | kind);
        }
        events.sort_unstable();
        let time = |e: u64| base + (e >> SHIFT) as i64;
        // Sweep: between two event times, the kind is the excluded one if any, else the highest impact.
        // The impacts active, with how many outages hold each, ascending (a log has few distinct ones).
        let mut active: Vec<(u32, usize)> = Vec::new();
        let mut excluded = 0usize;
        let mut segments: Vec<(i64, i64, Kind)> = Vec::new();
        let mut i = 0;
        while i < events.len() {
            let t = time(events[i]);
            while i < events.len() && time(events[i]) == t {
                let e = events[i];
                let opens = e & 1 << 21 != 0;
                if e & 1 << 20 != 0 {
                    if opens {
                        excluded += 1;
                    } else {
                        excluded -= 1;
                    }
                } else {
                    let w = (e & 0xf_ffff) as u32;
                    match active.binary_search_by_key(&w, |a| a.0) {
                        Ok(k) if opens => active[k].1 += 1,
                        Err(k) if opens => active.insert(k, (w, 1)),
                        Ok(k) => {
                            active[k].1 -= 1;
                            if active[k].1 == 0 {
                                active.remove(k);
                            }
                        }
                        Err(_) => {}
                    }
                }
                i += 1;
            }
            let Some(&next) = events.get(i) else {
                break;
            };
            let next = time(next);
            let kind = if excluded > 0 {
                Some(Kind::Excluded)
            } else {
                active.last().map(|w| Kind::Down(w.0))
            };
            if let Some(kind) = kind {
                match segments.last_mut() {
                    Some(last) if last.1 == t && last.2 == kind => last.1 = next,
                    _ => segments.push((t, next, kind)),
                }
            }
        }
        if options.minimum_seconds > 0 {
            segments = drop_short(segments, options.minimum_seconds);
        }
        let mut timeline = Timeline {
            starts: segments.iter().map(|s| s.0).collect(),
            ends: segments.iter().map(|s| s.1).collect(),
            kinds: segments.iter().map(|s| s.2).collect(),
            start_service: Vec::new(),
            down_before: Vec::new(),
            excluded_before: Vec::new(),
            schedule,
        };
        timeline.sum();
        timeline
    }

    /// The same merged outages measured round the clock (24x7), without service hours.
    pub fn round_the_clock(&self) -> Timeline {
        let mut timeline = Timeline {
            schedule: None,
            start_service: Vec::new(),
            down_before: Vec::new(),
            excluded_before: Vec::new(),
            ..self.clone()
        };
        timeline.sum();
        timeline
    }

    /// Fills the service time before each segment and the running sums of downtime and excluded service
    /// time before each segment, in one pass (segments and service intervals are both in order).
    fn sum(&mut self) {
        let n = self.starts.len();
        let (mut down_before, mut excluded_before) =
            (Vec::with_capacity(n + 1), Vec::with_capacity(n + 1));
        let mut start_service = Vec::with_capacity(n);
        let (mut down, mut excl) = (0i128, 0i64);
        let mut hint = 0;
        for k in 0..n {
            down_before.push(down);
            excluded_before.push(excl);
            let (a, b) = (
                self.service_before(self.starts[k], &mut hint),
                self.service_before(self.ends[k], &mut hint),
            );
            start_service.push(a);
            match self.kinds[k] {
                Kind::Down(w) => down += i128::from(b - a) * i128::from(w),
                Kind::Excluded => excl += b - a,
            }
        }
        down_before.push(down);
        excluded_before.push(excl);
        self.start_service = start_service;
        self.down_before = down_before;
        self.excluded_before = excluded_before;
    }

    /// Service seconds before instant `t`: from the start of the schedule, or `t` itself on 24x7.
    fn service_before(&self, t: i64, hint: &mut usize) -> i64 {
        match &self.schedule {
            None => t,
            Some(s) => s.cumulative_from(t, hint),
        }
    }

    /// The number of merged segments (downtime and excluded).
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether there is no downtime and nothing excluded.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Merged downtime in wall-clock seconds (any impact), for reports.
    pub fn downtime_stretches(&self) -> impl Iterator<Item = (i64, i64, u32)> + '_ {
        (0..self.len()).filter_map(|k| match self.kinds[k] {
            Kind::Down(w) => Some((self.starts[k], self.ends[k], w)),
            Kind::Excluded => None,
        })
    }

    /// Service seconds and weighted downtime (service seconds x millionths) in `[a, b)`.
    pub fn measure(&self, a: i64, b: i64) -> (i64, i128) {
        if b <= a {
            return (0, 0);
        }
        let mut reader = Reader::new(self);
        let from = reader.at(a);
        reader.at(b).since(from)
    }

    /// Every instant at which the measured amounts change slope, in order: segment and service-hour edges.
    fn breakpoints(&self) -> Vec<i64> {
        // Segments never overlap, so their edges come in order; so do the service intervals' edges.
        let edges = self
            .starts
            .iter()
            .zip(&self.ends)
            .flat_map(|(a, b)| [*a, *b]);
        let mut points = Vec::with_capacity(self.starts.len() * 2);
        match &self.schedule {
            None => points.extend(edges),
            Some(s) => merge_sorted(edges, s.intervals().flat_map(|(a, b)| [a, b]), |t| {
                points.push(t);
            }),
        }
        points.dedup();
        points
    }
}

/// Calls `visit` with the items of two sorted sequences, merged in order.
fn merge_sorted(
    a: impl Iterator<Item = i64>,
    b: impl Iterator<Item = i64>,
    mut visit: impl FnMut(i64),
) {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x <= y => a.next(),
            (Some(_), Some(_)) | (None, Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, None) => return,
        };
        if let Some(t) = next {
            visit(t);
        }
    }
}

/// Counted service time and weighted downtime from the start of a timeline up to an instant.
#[derive(Clone, Copy, Debug)]
struct Totals {
    service: i64,
    down: i128,
}

impl Totals {
    /// Service seconds and weighted downtime between `earlier` and `self`.
    fn since(self, earlier: Totals) -> (i64, i128) {
        (self.service - earlier.service, self.down - earlier.down)
    }
}

/// Reads a timeline's running totals at instants: one reader per sequence of instants in order makes
/// each read O(1) amortized, so a whole set of periods or windows is measured in one pass.
struct Reader<'a> {
    timeline: &'a Timeline,
    /// Segments that end by the last instant read.
    segment: usize,
    /// Service intervals that start by the last instant read.
    interval: usize,
}

impl<'a> Reader<'a> {
    fn new(timeline: &'a Timeline) -> Reader<'a> {
        Reader {
            timeline,
            segment: 0,
            interval: 0,
        }
    }

    /// The totals before instant `t`.
    fn at(&mut self, t: i64) -> Totals {
        let tl = self.timeline;
        let service = tl.service_before(t, &mut self.interval);
        self.segment = count_up_to(&tl.ends, self.segment, t);
        let i = self.segment;
        let (mut down, mut excluded) = (tl.down_before[i], tl.excluded_before[i]);
        // The one segment that may hold `t`.
        if i < tl.starts.len() && tl.starts[i] < t {
            let part = service - tl.start_service[i];
            match tl.kinds[i] {
                Kind::Down(w) => down += i128::from(part) * i128::from(w),
                Kind::Excluded => excluded += part,
            }
        }
        Totals {
            service: service - excluded,
            down,
        }
    }
}

/// Drops merged stretches of downtime (adjacent downtime segments) shorter than `minimum` seconds.
fn drop_short(segments: Vec<(i64, i64, Kind)>, minimum: i64) -> Vec<(i64, i64, Kind)> {
    let mut out = Vec::with_capacity(segments.len());
    let mut k = 0;
    while k < segments.len() {
        if segments[k].2 == Kind::Excluded {
            out.push(segments[k]);
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < segments.len()
            && segments[end].2 != Kind::Excluded
            && segments[end].0 == segments[end - 1].1
        {
            end += 1;
        }
        if segments[end - 1].1 - segments[k].0 >= minimum {
            out.extend_from_slice(&segments[k..end]);
        }
        k = end;
    }
    out
}

pub use crate::period::Measure;

impl Measure {
    fn adverb(self) -> &'static str {
        match self {
            Measure::Week => "weekly",
            Measure::Fortnight => "every two weeks",
            Measure::Month => "monthly",
            Measure::Quarter => "quarterly",
            Measure::Year => "yearly",
        }
    }

    /// The first day of the period that contains `d`.
    pub(crate) fn floor(self, d: NaiveDate, anchor: NaiveDate) -> NaiveDate {
        let monday = |d: NaiveDate| {
            d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday()))
        };
        match self {
            Measure::Week => monday(d),
            Measure::Fortnight => {
                let a = monday(anchor);
                let weeks = (monday(d) - a).num_days().div_euclid(7);
                a + chrono::Duration::days(weeks.div_euclid(2) * 14)
            }
            Measure::Month => d.with_day(1).unwrap_or(d),
            Measure::Quarter => {
                NaiveDate::from_ymd_opt(d.year(), (d.month0() / 3) * 3 + 1, 1).unwrap_or(d)
            }
            Measure::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).unwrap_or(d),
        }
    }

    pub(crate) fn next(self, d: NaiveDate) -> Option<NaiveDate> {
        let months = |n: u32| d.checked_add_months(chrono::Months::new(n));
        match self {
            Measure::Week => d.checked_add_days(chrono::Days::new(7)),
            Measure::Fortnight => d.checked_add_days(chrono::Days::new(14)),
            Measure::Month => months(1),
            Measure::Quarter => months(3),
            Measure::Year => months(12),
        }
    }

    pub(crate) fn label(self, start: NaiveDate, end: NaiveDate) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let last = end.pred_opt().unwrap_or(end);
        match self {
            Measure::Week => format!(
                "week {} of {}",
                start.iso_week().week(),
                start.iso_week().year()
            ),
            Measure::Fortnight => format!(
                "{} {} to {} {} {}",
                start.day(),
                MONTHS[start.month0() as usize],
                last.day(),
                MONTHS[last.month0() as usize],
                last.year()
            ),
            Measure::Month => format!("{} {}", MONTHS[start.month0() as usize], start.year()),
            Measure::Quarter => format!("Q{} {}", start.month0() / 3 + 1, start.year()),
            Measure::Year => start.year().to_string(),
        }
    }
}

/// Weighted downtime (service seconds x millionths of impact) as an exact duration: a millionth of a
/// second is 1 000 ns.
fn weighted(millionths: i128) -> SignedDuration {
    SignedDuration::from_nanos(
        millionths
            .saturating_mul(1000)
            .clamp(0, i128::from(i64::MAX)) as i64,
    )
}

/// Attainment over one window of time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// First instant (seconds since the epoch).
    pub start: i64,
    /// End (excluded).
    pub end: i64,
    /// `March 2026`, `week 9 of 2026`, `2026-03-02 to 2026-03-31`.
    pub label: String,
    /// Service time in the window (whole seconds).
    pub service: SignedDuration,
    /// Weighted downtime: service time x impact, to the microsecond.
    pub downtime: SignedDuration,
    /// Whether the target was met, compared exactly.
    pub met: bool,
}

impl Window {
    fn new(
        start: i64,
        end: i64,
        label: String,
        (service, down): (i64, i128),
        target: Target,
    ) -> Window {
        let total = i128::from(service) * i128::from(FULL);
        let up = total - down;
        let met =
            service > 0 && up * i128::from(Target::PARTS) >= i128::from(target.micros()) * total;
        Window {
            start,
            end,
            label,
            service: SignedDuration::from_seconds(service),
            downtime: weighted(down),
            met: met || service == 0,
        }
    }

    /// Attainment in percent, rounded down to `decimals` places; `None` without service time.
    pub fn availability(&self, decimals: u32) -> Option<String> {
        let total = i128::from(self.service.as_nanos());
        if total == 0 {
            return None;
        }
        let down = i128::from(self.downtime.as_nanos());
        let scaled = (total - down) * 100 * 10i128.pow(decimals) / total;
        Some(format_fixed(scaled.max(0) as u128, decimals, decimals))
    }

    /// Whether `self` is worse (lower attainment) than `other`.
    fn worse_than(&self, other: &Window) -> bool {
        // down1 / s1 > down2 / s2, without division.
        i128::from(self.downtime.as_nanos()) * i128::from(other.service.as_nanos())
            > i128::from(other.downtime.as_nanos()) * i128::from(self.service.as_nanos())
    }
}

/// One measurement choice applied to a log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The period.
    pub measure: Measure,
    /// Attainment in each period of the span.
    pub periods: Vec<Window>,
}

impl Choice {
    /// Periods that missed the target.
    pub fn breached(&self) -> usize {
        self.periods.iter().filter(|w| !w.met).count()
    }

    /// The period with the lowest attainment.
    pub fn worst(&self) -> Option<&Window> {
        self.periods
            .iter()
            .filter(|w| w.service > SignedDuration::ZERO)
            .reduce(|a, b| if b.worse_than(a) { b } else { a })
    }
}

/// The worst rolling window of a length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rolling {
    /// The window's length in days.
    pub days: u32,
    /// The worst window, if the span is at least that long.
    pub worst: Option<Window>,
}

/// A log measured every way: calendar periods and rolling windows, over a span of local dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The target.
    pub target: Target,
    /// One per measurement period.
    pub choices: Vec<Choice>,
    /// One per rolling window length.
    pub rolling: Vec<Rolling>,
    /// The first local date measured.
    pub from: NaiveDate,
    /// The local date after the last one measured.
    pub to: NaiveDate,
    timeline: Timeline,
    zone: Zone,
}

/// The rolling window lengths compared, in days.
pub const ROLLING_DAYS: [u32; 4] = [7, 28, 30, 90];

/// Measures `outages` over the local dates `[from, to)` in every way: weeks, fortnights, months,
/// quarters, years (periods overlapping the span, taken whole) and the worst rolling 7, 28, 30 and 90-day
/// windows within the span; on the service hours of `calendar`, or 24x7 in `zone` without one.
///
/// # Example: one bad week hidden by a month
/// ```
/// use chrono::NaiveDate;
/// use slacalc::attainment::{compare, Options};
/// use slacalc::{outage, zone::Zone, Target};
/// // 3 hours down on 10 March 2026.
/// let log = outage::parse_csv("start,end\n2026-03-10 09:00,2026-03-10 12:00\n", &Zone::utc())?;
/// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let c = compare(&log.outages, Target::parse("99.5")?, None, &Zone::utc(), d(3, 2), d(3, 30), Options::default())?;
/// // That week: 3 h of 168 h = 98.21% (breached). March: 3 h of 744 h = 99.59% (met).
/// assert_eq!(c.choices[0].breached(), 1);
/// assert_eq!(c.choices[2].breached(), 0);
/// assert_eq!(c.choices[2].periods[0].availability(2).as_deref(), Some("99.59"));
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// Errors of the calendar (expanding the span) and [`Error::TooLong`] beyond 100 years.
pub fn compare(
    outages: &[Outage],
    target: Target,
    calendar: Option<&Calendar>,
    zone: &Zone,
    from: NaiveDate,
    to: NaiveDate,
    options: Options,
) -> Result<Comparison, Error> {
    let zone = calendar.map_or(zone, |c| c.zone());
    // The periods are taken whole, so the schedule covers every period that holds a day of the span:
    // A week or a fortnight may start up to 6 days before the year and end up to 14 days after the
    // last day.
    let last_day = to.pred_opt().unwrap_or(to).max(from);
    let first = Measure::Year
        .floor(from, from)
        .min(from.checked_sub_days(Days::new(6)).unwrap_or(from));
    let last = Measure::Year
        .next(Measure::Year.floor(last_day, last_day))
        .unwrap_or(to)
        .max(last_day.checked_add_days(Days::new(15)).unwrap_or(to));
    let schedule = calendar.map(|c| c.schedule(first, last)).transpose()?;
    let timeline = Timeline::new(outages, options, schedule);
    measure_all(timeline, target, zone, from, to, true)
}

/// Measures every period of every kind over `[from, to)`, and the worst rolling windows if `rolling`.
fn measure_all(
    timeline: Timeline,
    target: Target,
    zone: &Zone,
    from: NaiveDate,
    to: NaiveDate,
    rolling: bool,
) -> Result<Comparison, Error> {
    let instant = |d: NaiveDate| zone.instant(d, 0);
    let mut choices = Vec::with_capacity(5);
    for measure in Measure::ALL {
        // One pass over the timeline per kind of period: each period starts where the last one ended.
        let mut reader = Reader::new(&timeline);
        let mut periods = Vec::new();
        let mut day = measure.floor(from, from);
        let mut a = instant(day)?;
        let mut before = reader.at(a);
        while day < to {
            let Some(next) = measure.next(day) else { break };
            let b = instant(next)?;
            let after = reader.at(b);
            periods.push(Window::new(
                a,
                b,
                measure.label(day, next),
                after.since(before),
                target,
            ));
            (day, a, before) = (next, b, after);
        }
        choices.push(Choice { measure, periods });
    }
    let (span_a, span_b) = (instant(from)?, instant(to)?);
    let points = if rolling {
        timeline.breakpoints()
    } else {
        Vec::new()
    };
    let rolling = ROLLING_DAYS.map(|days| {
        let length = i64::from(days) * 86_400;
        let worst = (rolling && span_b - span_a >= length)
            .then(|| worst_window(&timeline, &points, span_a, span_b, length, target, zone));
        Rolling { days, worst }
    });
    Ok(Comparison {
        target,
        choices,
        rolling: rolling.to_vec(),
        from,
        to,
        timeline,
        zone: zone.clone(),
    })
}

/// One local day of the span: its service time and the downtime counted in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    /// The local date.
    pub date: NaiveDate,
    /// Service time in the day (whole seconds).
    pub service: SignedDuration,
    /// Weighted downtime: service time x impact, to the microsecond.
    pub downtime: SignedDuration,
}

/// The error budget of the period that holds an instant: allowed, spent so far, and how it was spent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Burn {
    /// The measurement period.
    pub measure: Measure,
    /// The whole period, measured up to `as_of` (its service time is the whole period's).
    pub period: Window,
    /// The instant the budget is read at.
    pub as_of: i64,
    /// Downtime the target allows in the whole period (rounded down to the microsecond).
    pub allowed: SignedDuration,
    /// Downtime counted from the period's start to `as_of`.
    pub used: SignedDuration,
    /// Downtime counted up to the end of each local day of the period before `as_of`, then at `as_of`.
    pub points: Vec<(i64, SignedDuration)>,
}

impl Burn {
    /// What is left of the budget; negative when it is overspent.
    pub fn remaining(&self) -> SignedDuration {
        self.allowed - self.used
    }
}

impl Comparison {
    /// Each local day of the span with its service time and downtime, for a year's picture.
    ///
    /// # Errors
    /// Errors of the zone (none for the zones slacalc reads).
    pub fn days(&self) -> Result<Vec<Day>, Error> {
        let mut days = Vec::new();
        let mut day = self.from;
        let mut a = self.zone.instant(day, 0)?;
        while day < self.to {
            let Some(next) = day.succ_opt() else { break };
            let b = self.zone.instant(next, 0)?;
            let (service, down) = self.timeline.measure(a, b);
            days.push(Day {
                date: day,
                service: SignedDuration::from_seconds(service),
                downtime: weighted(down),
            });
            (day, a) = (next, b);
        }
        Ok(days)
    }

    /// The error budget of each measurement's period that holds `as_of`, with its burn-down; empty when
    /// `as_of` is outside the periods measured.
    ///
    /// # Errors
    /// Errors of the zone (none for the zones slacalc reads).
    pub fn burn(&self, as_of: i64) -> Result<Vec<Burn>, Error> {
        let unavailable = i128::from(self.target.unavailability_parts());
        let mut burns = Vec::new();
        for choice in &self.choices {
            let Some(period) = choice
                .periods
                .iter()
                .find(|p| p.start <= as_of && as_of < p.end)
            else {
                continue;
            };
            let allowed =
                i128::from(period.service.whole_seconds()) * i128::from(FULL) * unavailable
                    / i128::from(Target::PARTS);
            let mut points = Vec::new();
            let mut day = self.zone.local_date(period.start)?;
            while let Some(next) = day.succ_opt() {
                let t = self.zone.instant(next, 0)?;
                if t >= as_of {
                    break;
                }
                points.push((t, weighted(self.timeline.measure(period.start, t).1)));
                day = next;
            }
            let used = weighted(self.timeline.measure(period.start, as_of).1);
            points.push((as_of, used));
            burns.push(Burn {
                measure: choice.measure,
                period: period.clone(),
                as_of,
                allowed: weighted(allowed),
                used,
                points,
            });
        }
        Ok(burns)
    }

    /// The same log measured round the clock (24x7) in the same zone over the same span, to set beside
    /// a measurement on service hours: its periods only, for [`Comparison::contrast`] (its `rolling`
    /// windows are left unmeasured, `None`).
    ///
    /// # Errors
    /// Errors of the zone (none for the zones slacalc reads).
    pub fn round_the_clock(&self) -> Result<Comparison, Error> {
        measure_all(
            self.timeline.round_the_clock(),
            self.target,
            &self.zone,
            self.from,
            self.to,
            false,
        )
    }

    /// Plain words on what counting every hour (24x7) does to a measurement on service hours (`self`).
    pub fn contrast(&self, clock: &Comparison) -> Vec<String> {
        let t = self.target;
        let mut lines = Vec::new();
        let (mut hidden, mut shown) = (0, 0);
        for (s, c) in self.choices.iter().zip(&clock.choices) {
            let (bs, bc, n) = (s.breached(), c.breached(), s.periods.len());
            let name = if n == 1 {
                s.measure.name().to_string()
            } else {
                format!("{}s", s.measure.name())
            };
            if bs > bc {
                hidden += bs - bc;
                lines.push(format!(
                    "Measured {}, {bs} of {n} {name} breached {t}% on service hours; counted 24x7, only {bc} did.",
                    s.measure.adverb()
                ));
            } else if bc > bs {
                shown += bc - bs;
                lines.push(format!(
                    "Measured {}, {bc} of {n} {name} breached {t}% counted 24x7; on service hours, only {bs} did.",
                    s.measure.adverb()
                ));
            }
        }
        lines.push(if hidden > 0 {
            format!(
                "Counting nights and weekends (24x7) hides {hidden} breach{} that service hours show.",
                if hidden == 1 { "" } else { "es" }
            )
        } else if shown > 0 {
            "The outages fell mostly outside service hours: counted 24x7 they look worse than the service people had.".to_string()
        } else {
            "Counted 24x7 or on service hours, the same periods breached.".to_string()
        });
        lines
    }
}

/// The rolling window of `length` seconds within `[a, b)` with the lowest attainment. Attainment is a
/// ratio of two piecewise-linear functions of the window's start, so its minimum lies where the start or
/// the end of the window crosses a breakpoint.
fn worst_window(
    timeline: &Timeline,
    points: &[i64],
    a: i64,
    b: i64,
    length: i64,
    target: Target,
    zone: &Zone,
) -> Window {
    let label = |t: i64| {
        let day = |x: i64| {
            zone.local_text(x)
                .map(|s| s[..16].replace('T', " "))
                .unwrap_or_default()
        };
        format!("{} to {}", day(t), day(t + length))
    };
    // The candidate starts in order: the span's ends, and each breakpoint and each breakpoint less the
    // length, merged from the two sorted sequences; the window's start and its end are read by two readers.
    let (mut starts, mut ends) = (Reader::new(timeline), Reader::new(timeline));
    let mut worst: Option<Window> = None;
    let mut last = None;
    let mut consider = |t: i64| {
        if t < a || t + length > b || last == Some(t) {
            return;
        }
        last = Some(t);
        let measured = ends.at(t + length).since(starts.at(t));
        let w = Window::new(t, t + length, String::new(), measured, target);
        if worst.as_ref().is_none_or(|x| w.worse_than(x)) {
            worst = Some(w);
        }
    };
    consider(a);
    merge_sorted(
        points.iter().copied(),
        points.iter().map(|p| p - length),
        &mut consider,
    );
    consider(b - length);
    let mut w = worst.unwrap_or_else(|| {
        Window::new(
            a,
            a + length,
            String::new(),
            timeline.measure(a, a + length),
            target,
        )
    });
    w.label = label(w.start);
    w
}

impl Comparison {
    /// The verdict in plain words: which measurements show a breach and which hide it.
    pub fn verdict(&self) -> Vec<String> {
        let t = self.target;
        let mut lines = Vec::new();
        for c in &self.choices {
            let n = c.periods.len();
            let name = c.measure.name();
            let plural = |k: usize| {
                if k == 1 {
                    name.to_string()
                } else {
                    format!("{name}s")
                }
            };
            let breached = c.breached();
            lines.push(if n == 1 {
                let only = &c.periods[0];
                format!(
                    "Measured {}, {} {} {t}% at {}%.",
                    c.measure.adverb(),
                    only.label,
                    if only.met { "met" } else { "breached" },
                    only.availability(2).unwrap_or_else(|| "100.00".to_string())
                )
            } else if breached == 0 {
                format!(
                    "Measured {}, every {name} met {t}% ({n} of {n}).",
                    c.measure.adverb()
                )
            } else {
                let worst = c.worst().map(|w| {
                    format!(
                        "; the worst, {}, was {}%",
                        w.label,
                        w.availability(2).unwrap_or_default()
                    )
                });
                format!(
                    "Measured {}, {breached} of {n} {} breached {t}%{}.",
                    c.measure.adverb(),
                    plural(n),
                    worst.unwrap_or_default()
                )
            });
        }
        for r in &self.rolling {
            if let Some(w) = &r.worst {
                lines.push(format!(
                    "The worst {}-day window was {}% ({}){}.",
                    r.days,
                    w.availability(2).unwrap_or_else(|| "100.00".to_string()),
                    w.label,
                    if w.met { "" } else { ", below the target" }
                ));
            }
        }
        lines.extend(self.hidden_inside(Measure::Quarter, Measure::Month));
        lines.extend(self.hidden_inside(Measure::Year, Measure::Quarter));
        let hides: Vec<&str> = self
            .choices
            .iter()
            .filter(|c| c.breached() == 0)
            .map(|c| c.measure.adverb())
            .collect();
        let shows: Vec<&str> = self
            .choices
            .iter()
            .filter(|c| c.breached() > 0)
            .map(|c| c.measure.adverb())
            .collect();
        if !hides.is_empty() && !shows.is_empty() {
            lines.push(format!(
                "Measuring {} hides breaches that measuring {} shows.",
                either(&hides),
                either(&shows)
            ));
        }
        lines
    }
}

impl Comparison {
    /// For each `long` period that met the target while `short` periods inside it breached, one line
    /// naming them: "Measured quarterly, Q2 2026 is met at 99.62%, yet May 2026 (99.31%) and June 2026
    /// (99.40%) breached monthly." At most three lines, then how many more there are.
    fn hidden_inside(&self, long: Measure, short: Measure) -> Vec<String> {
        let find = |m: Measure| self.choices.iter().find(|c| c.measure == m);
        let (Some(longs), Some(shorts)) = (find(long), find(short)) else {
            return Vec::new();
        };
        let percent = |w: &Window| w.availability(2).unwrap_or_else(|| "100.00".to_string());
        let mut lines = Vec::new();
        let mut more = 0;
        for outer in longs
            .periods
            .iter()
            .filter(|w| w.met && w.service > SignedDuration::ZERO)
        {
            let inside: Vec<String> = shorts
                .periods
                .iter()
                .filter(|w| !w.met && w.start >= outer.start && w.end <= outer.end)
                .map(|w| format!("{} ({}%)", w.label, percent(w)))
                .collect();
            if inside.is_empty() {
                continue;
            }
            if lines.len() == 3 {
                more += 1;
                continue;
            }
            let names: Vec<&str> = inside.iter().map(String::as_str).collect();
            lines.push(format!(
                "Measured {}, {} is met at {}%, yet {} breached {}.",
                long.adverb(),
                outer.label,
                percent(outer),
                both(&names),
                short.adverb()
            ));
        }
        if more > 0 {
            lines.push(format!(
                "{more} more {} {} breaches measured {}.",
                if more == 1 {
                    long.name().to_string()
                } else {
                    format!("{}s", long.name())
                },
                if more == 1 { "hides" } else { "hide" },
                short.adverb()
            ));
        }
        lines
    }
}

/// `a`, `a and b`, `a, b and c`.
fn both(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `a`, `a or b`, `a, b or c`.
fn either(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outage::parse_csv;
    use crate::zone::tests::date;

    fn outages(text: &str) -> Vec<Outage> {
        let log = parse_csv(text, &Zone::utc()).unwrap();
        assert_eq!(log.problems, []);
        log.outages
    }

    fn at(text: &str) -> i64 {
        crate::zone::parse_instant(text, &Zone::utc(), crate::Field::Start).unwrap()
    }

    fn measure(text: &str, options: Options, a: &str, b: &str) -> (i64, i128) {
        Timeline::new(&outages(text), options, None).measure(at(a), at(b))
    }

    /// A quarter that meets 99.5% while two of its months breach: the verdict names them.
    /// (Months are labelled as the core labels them: "May 2026", "Jun 2026".)
    /// May: 5 h of 744 h = 99.327956...%; June: 4 h of 720 h = 99.444444...%; Q2: 9 h of 2 184 h =
    /// 99.587912...%, within the 10.92 h that 0.5% of Q2 allows.
    #[test]
    fn the_verdict_names_the_months_a_met_quarter_hides() {
        let log = "start,end\n\
                   2026-05-12 08:00,2026-05-12 13:00\n\
                   2026-06-03 10:00,2026-06-03 14:00\n";
        let c = compare(
            &outages(log),
            Target::parse("99.5").unwrap(),
            None,
            &Zone::utc(),
            date(2026, 1, 1),
            date(2027, 1, 1),
            Options::default(),
        )
        .unwrap();
        let verdict = c.verdict();
        assert!(
            verdict.contains(&"Measured quarterly, Q2 2026 is met at 99.58%, yet May 2026 (99.32%) and Jun 2026 (99.44%) breached monthly.".to_string()),
            "{verdict:#?}"
        );
        // The year (99.89%) meets the target and none of its quarters breached: no line for it.
        assert!(!verdict
            .iter()
            .any(|l| l.starts_with("Measured yearly, 2026 is met")));
    }

    #[test]
    fn overlaps_and_duplicates_count_once_at_the_highest_impact() {
        let log = "start,end,impact\n\
                   2026-03-02 09:00,2026-03-02 10:00,50%\n\
                   2026-03-02 09:30,2026-03-02 11:00,full\n\
                   2026-03-02 09:30,2026-03-02 11:00,full\n\
                   2026-03-02 10:30,2026-03-02 12:00,25%\n";
        // 09:00-09:30 at 50%, 09:30-11:00 full, 11:00-12:00 at 25%: 900 + 5400 + 900 = 7200 s weighted.
        let (service, down) = measure(
            log,
            Options::default(),
            "2026-03-02T00:00Z",
            "2026-03-03T00:00Z",
        );
        assert_eq!(service, 86_400);
        assert_eq!(down, 7_200 * i128::from(FULL));
        // Without weighting: 09:00 to 12:00 in full.
        let (_, down) = measure(
            log,
            Options {
                weight_impact: false,
                ..Options::default()
            },
            "2026-03-02T00:00Z",
            "2026-03-03T00:00Z",
        );
        assert_eq!(down, 3 * 3600 * i128::from(FULL));
        // Part of the day: 09:45 to 11:30 = 4 500 s full + 1 800 s at 25%.
        let (service, down) = measure(
            log,
            Options::default(),
            "2026-03-02T09:45Z",
            "2026-03-02T11:30Z",
        );
        assert_eq!(service, 6_300);
        assert_eq!(down, (4_500 + 450) * i128::from(FULL));
    }

    #[test]
    fn contract_options() {
        let log = "start,end,planned\n\
                   2026-03-02 09:00:30,2026-03-02 09:02:10,no\n\
                   2026-03-02 10:00,2026-03-02 10:04,no\n\
                   2026-03-02 02:00,2026-03-02 04:00,yes\n";
        let day = ("2026-03-02T00:00Z", "2026-03-03T00:00Z");
        let full = i128::from(FULL);
        // Exact: 100 s + 240 s down; 2 h of maintenance out of the service time.
        assert_eq!(
            measure(log, Options::default(), day.0, day.1),
            (86_400 - 7_200, 340 * full)
        );
        // Whole minutes: 09:00-09:03 (180 s) + 240 s.
        assert_eq!(
            measure(
                log,
                Options {
                    whole_minutes: true,
                    ..Options::default()
                },
                day.0,
                day.1
            )
            .1,
            420 * full
        );
        // A 3-minute minimum ignores the first outage.
        assert_eq!(
            measure(
                log,
                Options {
                    minimum_seconds: 180,
                    ..Options::default()
                },
                day.0,
                day.1
            )
            .1,
            240 * full
        );
        // Planned maintenance counted: service time whole, 2 h more downtime.
        assert_eq!(
            measure(
                log,
                Options {
                    count_planned: true,
                    ..Options::default()
                },
                day.0,
                day.1
            ),
            (86_400, (340 + 7_200) * full)
        );
    }

    #[test]
    fn monthly_hides_what_weekly_shows() {
        // 2026: an outage of 2 h in week 10 (2 to 8 March) and 30 min in April.
        let log = outages(
            "start,end\n2026-03-04 10:00,2026-03-04 12:00\n2026-04-15 10:00,2026-04-15 10:30\n",
        );
        let c = compare(
            &log,
            Target::parse("99.9").unwrap(),
            None,
            &Zone::utc(),
            date(2026, 1, 1),
            date(2027, 1, 1),
            Options::default(),
        )
        .unwrap();
        let weeks = &c.choices[0];
        // 2026-01-01 is a Thursday: weeks from Monday 29 December 2025 to the week of 28 December 2026: 53.
        assert_eq!(weeks.periods.len(), 53);
        // Week 10: 2 h of 168 h = 98.809523...% < 99.9%; the April week: 30 min of 168 h = 99.702380...%.
        assert_eq!(weeks.breached(), 2);
        assert_eq!(weeks.worst().unwrap().label, "week 10 of 2026");
        assert_eq!(
            weeks.worst().unwrap().availability(6).as_deref(),
            Some("98.809523")
        );
        // March: 2 h of 744 h = 99.731182...% < 99.9%: breached. April: 30 min of 720 h = 99.930555...%: met.
        let months = &c.choices[2];
        assert_eq!((months.periods.len(), months.breached()), (12, 1));
        assert_eq!(
            months.periods[3].availability(6).as_deref(),
            Some("99.930555")
        );
        // The year: 2.5 h of 8 760 h = 99.971461...%: met.
        assert_eq!(c.choices[4].breached(), 0);
        // The worst 30-day window holds the 2 h outage: 2 h of 720 h = 99.722222...%.
        let worst30 = c.rolling[2].worst.as_ref().unwrap();
        assert_eq!(worst30.availability(6).as_deref(), Some("99.722222"));
        assert!(worst30.start <= at("2026-03-04T10:00Z") && worst30.end >= at("2026-03-04T12:00Z"));
        let verdict = c.verdict();
        assert_eq!(verdict[0], "Measured weekly, 2 of 53 weeks breached 99.9%; the worst, week 10 of 2026, was 98.80%.");
        assert_eq!(verdict[4], "Measured yearly, 2026 met 99.9% at 99.97%.");
        assert_eq!(
            verdict.last().unwrap(),
            "Measuring quarterly or yearly hides breaches that measuring weekly, every two weeks or monthly shows."
        );
    }

    /// `log` measured at `target` on office hours (Mon-Fri 09:00-17:00, UTC) over `[from, to)`.
    fn on_office_hours(log: &str, target: &str, from: NaiveDate, to: NaiveDate) -> Comparison {
        let office = Calendar::new(&crate::calendar::preset("8x5").unwrap(), Zone::utc()).unwrap();
        let log = outages(log);
        let target = Target::parse(target).unwrap();
        compare(
            &log,
            target,
            Some(&office),
            &Zone::utc(),
            from,
            to,
            Options::default(),
        )
        .unwrap()
    }

    #[test]
    fn weeks_across_the_new_year_count_their_days_in_both_years() {
        // Week 1 of 2026 runs Monday 29 December 2025 to Sunday 4 January 2026, week 53 Monday 28 December
        // 2026 to Sunday 3 January 2027: five office days of 8 h each, 144 000 s, whichever year they are in.
        let log = "start,end\n2026-03-02 09:00,2026-03-02 10:00\n";
        let c = on_office_hours(log, "99.9", date(2026, 1, 1), date(2027, 1, 1));
        let weeks = &c.choices[0].periods;
        assert_eq!(
            (weeks[0].label.as_str(), weeks[0].service.whole_seconds()),
            ("week 1 of 2026", 144_000)
        );
        assert_eq!(
            (weeks[52].label.as_str(), weeks[52].service.whole_seconds()),
            ("week 53 of 2026", 144_000)
        );
        // The last fortnight, 28 December 2026 to 10 January 2027: ten office days.
        assert_eq!(
            c.choices[1].periods.last().unwrap().service.whole_seconds(),
            288_000
        );
    }

    #[test]
    fn service_hours_count_only_downtime_within_them() {
        // Office hours: an outage from Friday 16:00 to Monday 10:00 is 2 h of service time lost.
        let log = "start,end\n2026-03-06 16:00,2026-03-09 10:00\n";
        let c = on_office_hours(log, "99", date(2026, 3, 1), date(2026, 4, 1));
        let march = &c.choices[2].periods[0];
        // March 2026: 22 weekdays = 176 h of service; 2 h lost: 174 / 176 = 98.863636...%.
        assert_eq!(march.service.whole_seconds(), 176 * 3600);
        assert_eq!(march.availability(6).as_deref(), Some("98.863636"));
        assert!(!march.met);
    }

    #[test]
    fn rolling_windows_find_the_worst_stretch() {
        // Two outages 20 days apart: a 28-day window can hold both, a 7-day window one.
        let log = outages(
            "start,end\n2026-02-02 00:00,2026-02-02 06:00\n2026-02-22 00:00,2026-02-22 03:00\n",
        );
        let c = compare(
            &log,
            Target::parse("99").unwrap(),
            None,
            &Zone::utc(),
            date(2026, 1, 1),
            date(2026, 6, 1),
            Options::default(),
        )
        .unwrap();
        let worst = |days: u32| {
            c.rolling
                .iter()
                .find(|r| r.days == days)
                .unwrap()
                .worst
                .clone()
                .unwrap()
        };
        // 7 days: 6 h of 168 h = 96.428571...%.
        assert_eq!(worst(7).availability(6).as_deref(), Some("96.428571"));
        // 28 days: 9 h of 672 h = 98.660714...%.
        assert_eq!(worst(28).availability(6).as_deref(), Some("98.660714"));
        // An independent scan of window starts every 10 minutes finds nothing worse.
        let timeline = Timeline::new(&log, Options::default(), None);
        let (a, b) = (at("2026-01-01T00:00Z"), at("2026-06-01T00:00Z"));
        let length = 28 * 86_400;
        let mut t = a;
        while t + length <= b {
            let (_, down) = timeline.measure(t, t + length);
            assert!(down <= 9 * 3600 * i128::from(FULL));
            t += 600;
        }
    }

    #[test]
    fn the_budget_of_the_current_period_burns_down() {
        // 2 h down on 4 March 2026 and 30 min on 20 March; read at 15 March 12:00 against 99.9%.
        let log = outages(
            "start,end\n2026-03-04 10:00,2026-03-04 12:00\n2026-03-20 00:00,2026-03-20 00:30\n",
        );
        let c = compare(
            &log,
            Target::parse("99.9").unwrap(),
            None,
            &Zone::utc(),
            date(2026, 1, 1),
            date(2027, 1, 1),
            Options::default(),
        )
        .unwrap();
        let burns = c.burn(at("2026-03-15T12:00Z")).unwrap();
        let s = SignedDuration::from_seconds;
        let ms = |m: i64| SignedDuration::from_nanos(m * 1_000_000);
        let month = burns.iter().find(|b| b.measure == Measure::Month).unwrap();
        // March: 744 h = 2 678 400 s; 0.1% of it is 2 678.4 s. Spent by the 15th: 7 200 s.
        assert_eq!(month.period.label, "Mar 2026");
        assert_eq!(month.allowed, ms(2_678_400));
        assert_eq!(month.used, s(7_200));
        assert_eq!(month.remaining(), -ms(4_521_600));
        // One point at the end of each day from 1 to 14 March, then the instant read.
        assert_eq!(month.points.len(), 15);
        assert_eq!(month.points[2], (at("2026-03-04T00:00Z"), s(0)));
        assert_eq!(month.points[3], (at("2026-03-05T00:00Z"), s(7_200)));
        // The week of Monday 9 to Sunday 15 March: nothing spent of 604.8 s.
        let week = burns.iter().find(|b| b.measure == Measure::Week).unwrap();
        assert_eq!((week.allowed, week.used), (ms(604_800), s(0)));
        // The year: 0.1% of 8 760 h is 31 536 s.
        let year = burns.iter().find(|b| b.measure == Measure::Year).unwrap();
        assert_eq!(year.allowed, s(31_536));
        // On 1 January 2027 only the last week and fortnight, taken whole, are still running.
        let measures: Vec<Measure> = c
            .burn(at("2027-01-01T00:00Z"))
            .unwrap()
            .iter()
            .map(|b| b.measure)
            .collect();
        assert_eq!(measures, [Measure::Week, Measure::Fortnight]);
        assert!(c.burn(at("2027-02-01T00:00Z")).unwrap().is_empty());
        // Days: 4 March is the 63rd day of 2026.
        let days = c.days().unwrap();
        assert_eq!(days.len(), 365);
        assert_eq!(days[62].date, date(2026, 3, 4));
        assert_eq!(days[62].downtime, s(7_200));
        assert_eq!(days[63].downtime, s(0));
    }

    #[test]
    fn service_hours_against_round_the_clock() {
        // 3 h down on Tuesday 10 March 2026, within office hours, against 99%.
        let log = "start,end\n2026-03-10 10:00,2026-03-10 13:00\n";
        let c = on_office_hours(log, "99", date(2026, 3, 1), date(2026, 4, 1));
        let clock = c.round_the_clock().unwrap();
        // March on service hours: 3 h of 176 h = 98.295454...%; counted 24x7: 3 h of 744 h = 99.596774...%.
        assert_eq!(
            c.choices[2].periods[0].availability(6).as_deref(),
            Some("98.295454")
        );
        assert_eq!(
            clock.choices[2].periods[0].availability(6).as_deref(),
            Some("99.596774")
        );
        // The week of 9 March: 3 h of 40 h, or of 168 h (98.21%): breached either way. The fortnight of 9 to
        // 22 March: 3 h of 80 h (96.25%), or of 336 h (99.107142...%): hidden by 24x7. Q1: 3 h of 512 h: met.
        assert_eq!(
            c.contrast(&clock),
            [
                "Measured every two weeks, 1 of 3 fortnights breached 99% on service hours; counted 24x7, only 0 did.",
                "Measured monthly, 1 of 1 month breached 99% on service hours; counted 24x7, only 0 did.",
                "Counting nights and weekends (24x7) hides 2 breaches that service hours show.",
            ]
        );
        assert_eq!(
            c.contrast(&c),
            ["Counted 24x7 or on service hours, the same periods breached."]
        );
    }

    #[test]
    fn outages_across_a_clock_change_and_a_month_end_in_london() {
        let london = crate::zone::tests::zone("Europe/London");
        // Local times: 00:30 to 03:30 on 29 March 2026 spans the spring change (01:00 GMT becomes 02:00
        // BST), so it lasts 2 h. 23:00 on 31 March to 01:00 on 1 April: 1 h in each month.
        let log = parse_csv(
            "start,end\n2026-03-29 00:30,2026-03-29 03:30\n2026-03-31 23:00,2026-04-01 01:00\n",
            &london,
        )
        .unwrap();
        assert_eq!(log.outages[0].end - log.outages[0].start, 7_200);
        let c = compare(
            &log.outages,
            Target::parse("99.9").unwrap(),
            None,
            &london,
            date(2026, 3, 1),
            date(2026, 5, 1),
            Options::default(),
        )
        .unwrap();
        let availability = |measure: usize, label: &str| {
            let w = c.choices[measure]
                .periods
                .iter()
                .find(|p| p.label == label)
                .unwrap();
            (w.service.whole_seconds(), w.availability(6).unwrap())
        };
        // March in London has 743 h: 3 h down = 99.596231...%. April: 720 h, 1 h down = 99.861111...%.
        assert_eq!(
            availability(2, "Mar 2026"),
            (743 * 3600, "99.596231".to_string())
        );
        assert_eq!(
            availability(2, "Apr 2026"),
            (720 * 3600, "99.861111".to_string())
        );
        // The week of 23 to 29 March has 167 h: 2 h down = 98.802395...%. The next: 168 h, 2 h = 98.809523...%.
        assert_eq!(
            availability(0, "week 13 of 2026"),
            (167 * 3600, "98.802395".to_string())
        );
        assert_eq!(
            availability(0, "week 14 of 2026"),
            (168 * 3600, "98.809523".to_string())
        );
    }
}
