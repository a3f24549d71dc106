//! Money back to back: the credits a service pays its customer when its components fail, the credits its
//! providers pay back, and what is left, simulated over contract years.
//!
//! # The model
//! - Each component fails as a Poisson stream of outages through the year (a [`Model`]: a rate and
//!   durations), independently of the others; an outage starts at a whole second drawn evenly over the
//!   year and lasts its drawn length. Outages of one component that overlap are one outage: it is down
//!   while any of them lasts.
//! - The service is down while its chain is down: a series group while any part is down, a redundant group
//!   while every part is, k of n while fewer than k are up; a shared part is one part wherever it is used.
//!   A failover group is also down during its switch-overs, which come at random at the rate given,
//!   each lasting the switch-over time (to the second), independently of its parts' outages.
//!   A provider's outage causes the customer's only through the chain.
//! - Contract years follow one another on one timeline: an outage still running at the end of a year goes
//!   on into the next. The customer's periods and each provider's periods divide the year, so a month's
//!   credit and a quarter's are worked out on the same outages.
//! - Each downtime is credited under its own schedule, with the charges of that schedule: the customer's
//!   credits are a share of the customer's charges, a provider's credits a share of the fee paid to that
//!   provider, never of the customer's credit (Microsoft's "Applicable Monthly Service Fees").
//!
//! # The closed form it is checked against
//! A component failing at rate λ with outages of mean length m is up, at any moment, with probability
//! e^(-λm) (outages arriving as a Poisson stream, overlapping ones merged). Components failing
//! independently, the service's long-run availability is the chain's exact figure with those
//! availabilities ([`Chain::availability`]); the simulation's share of time up converges to it.
//!
//! ```
//! use slacalc::chain::{money::{simulate_money, BackToBack, Contract}, Chain, Part};
//! use slacalc::penalty::CreditSchedule;
//! use slacalc::risk::Model;
//! use slacalc::value::Value;
//! let text = |s: &str| Value::Text(s.to_string());
//! let schedule = |target: &str, flat: &str| CreditSchedule::from_value(&Value::Map(vec![
//!     ("target".into(), text(target)), ("flat".into(), text(flat))])).unwrap();
//! let chain = Chain::new(&[
//!     Part::component("cloud", "99.9"),
//!     Part::component("team", "99.9"),
//!     Part::series("service", &["cloud", "team"]),
//! ], "service")?;
//! // One-hour outages, twice a month each: every month with an outage breaches 99.9%.
//! let b2b = BackToBack {
//!     customer: schedule("99.9", "10"),
//!     charges: 10_000 * 1_000_000,
//!     models: vec![Some(Model::log_normal(2.0, 3600, 3600)?), Some(Model::log_normal(2.0, 3600, 3600)?), None],
//!     contracts: vec![Some(Contract { schedule: schedule("99.9", "10"), fee: 2_000 * 1_000_000 }), None, None],
//! };
//! let m = simulate_money(&chain, &b2b, 2_000, 7)?;
//! // The customer is paid far more than the provider pays back: 10% of 10 000 against 10% of 2 000.
//! assert!(m.paid.mean > 4 * m.recovered.mean && m.net.mean == m.paid.mean - m.recovered.mean);
//! assert!((m.simulated_availability - m.closed_form_availability.unwrap()).abs() < 1e-4);
//! # Ok::<(), slacalc::Error>(())
//! ```

use super::{refuse, Chain, Exact, Node};
use crate::duration::SignedDuration;
use crate::error::Error;
use crate::penalty::{CreditSchedule, Money};
use crate::period::Measure;
use crate::risk::{
    nearest_rank, share_of, whole_seconds_of, years_within, Confidence, Durations, Model, Poisson,
    Rng, Tally, LADDER, MAX_RATE, MAX_YEARS,
};
use crate::target::Target;

/// A provider's contract: its credit schedule and the fee paid to it each of the schedule's periods.
#[derive(Clone, Debug, PartialEq)]
pub struct Contract {
    /// The provider's credit schedule (its target, credits and measurement period).
    pub schedule: CreditSchedule,
    /// The fee paid to the provider each period of its schedule, in millionths of the currency.
    pub fee: Money,
}

/// What a back-to-back simulation needs beside the chain; `models` and `contracts` hold one entry per part
/// of the chain, in its order (groups take `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct BackToBack {
    /// The customer's credit schedule: its target, credits and measurement period.
    pub customer: CreditSchedule,
    /// The customer's charges each period of that schedule, in millionths of the currency.
    pub charges: Money,
    /// How each component fails; `None`: it never does.
    pub models: Vec<Option<Model>>,
    /// The providers' contracts; `None` for a part no one pays back for (an internal team).
    pub contracts: Vec<Option<Contract>>,
}

/// A year's money over all the years simulated: mean, nearest-rank median and 90th percentile, and the
/// worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spread {
    /// The mean, rounded toward zero to a millionth of the currency.
    pub mean: Money,
    /// Half the years at most this.
    pub median: Money,
    /// Nine years in ten at most this.
    pub p90: Money,
    /// The highest year.
    pub worst: Money,
}

impl Spread {
    /// The spread of `yearly`, which holds at least one year.
    pub fn of(yearly: &[Money]) -> Spread {
        let mut sorted = yearly.to_vec();
        sorted.sort_unstable();
        Spread {
            mean: yearly.iter().sum::<Money>() / sorted.len().max(1) as i128,
            median: nearest_rank(&sorted, 0.5),
            p90: nearest_rank(&sorted, 0.9),
            worst: sorted[sorted.len() - 1],
        }
    }

    /// The figure at `confidence`.
    pub fn at(&self, confidence: Confidence) -> Money {
        match confidence {
            Confidence::Mean => self.mean,
            Confidence::P90 => self.p90,
        }
    }
}

/// One provider's side of the simulation.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    /// The part's name.
    pub name: String,
    /// The fees paid to it in a year.
    pub fees: Money,
    /// What it paid back, a year.
    pub recovered: Spread,
    /// Its mean downtime per period of its schedule, in seconds.
    pub mean_downtime: f64,
    /// Periods of its schedule it breached, over all years.
    pub periods_breached: u64,
}

/// The customer's schedule committed at one target of the ladder: the credits and net exposure it
/// would give on the same simulated outages, or why it cannot be committed at that target.
pub type TargetStep = (Target, Result<(Spread, Spread), Error>);

/// What a back-to-back simulation gives.
#[derive(Clone, Debug, PartialEq)]
pub struct BackToBackResult {
    /// Contract years simulated.
    pub years: u32,
    /// The customer's charges in a year: the contract value.
    pub contract_value: Money,
    /// Credits paid to the customer, a year.
    pub paid: Spread,
    /// Credits recovered from the providers, a year, all together.
    pub recovered: Spread,
    /// Paid less recovered, year by year: the net exposure.
    pub net: Spread,
    /// Each provider, in the chain's order.
    pub providers: Vec<Recovery>,
    /// Years with at least one period the customer was owed a credit for.
    pub years_breached: u32,
    /// The service's share of time up over all years simulated.
    pub simulated_availability: f64,
    /// The closed form the simulation converges to (see the module's notes); `None` when the chain is
    /// too large for an exact figure.
    pub closed_form_availability: Option<f64>,
    /// Each component's availability in the closed form, by name (e^(-λm)).
    pub component_availability: Vec<(String, f64)>,
    /// The customer's schedule at each target of [`LADDER`] on the same outages.
    pub ladder: Vec<TargetStep>,
}

impl BackToBackResult {
    /// A year's money as a share of the contract value, in millionths of a percent.
    pub fn percent(&self, money: Money) -> i128 {
        share_of(money, self.contract_value)
    }

    /// The highest target of the ladder whose net exposure at `confidence` stays at most `percent`
    /// (millionths of a percent) of the contract value.
    pub fn highest_target(&self, percent: i128, confidence: Confidence) -> Option<Target> {
        self.ladder
            .iter()
            .filter_map(|(t, r)| r.as_ref().ok().map(|(_, net)| (t, net)))
            .filter(|(_, net)| self.percent(net.at(confidence)) <= percent)
            .map(|(t, _)| *t)
            .max_by_key(|t| t.micros())
    }
}

/// A part whose state the simulation follows: its periods' downtime and outages, credited under a
/// schedule.
struct Watched<'a> {
    node: usize,
    tally: Tally<'a>,
    per_year: usize,
    /// A period's length, in whole seconds.
    length: i64,
    /// Since when it is down, while it is.
    since: Option<i64>,
    downs: Vec<i64>,
    pieces: Vec<Vec<SignedDuration>>,
    total_down: i64,
}

impl<'a> Watched<'a> {
    fn new(
        node: usize,
        schedule: &'a CreditSchedule,
        charges: Money,
        year: i64,
        years: u32,
    ) -> Watched<'a> {
        let per_year = schedule.cadence.per_year();
        let length = year / per_year as i64;
        Watched {
            node,
            tally: Tally::over(
                schedule,
                SignedDuration::from_seconds(length),
                per_year,
                charges,
                years,
            ),
            per_year,
            length,
            since: None,
            downs: vec![0; per_year],
            pieces: vec![Vec::new(); per_year],
            total_down: 0,
        }
    }

    /// Down from `from` to `to` (within the year): split among the periods it spans.
    fn down(&mut self, from: i64, to: i64) {
        let mut at = from;
        while at < to {
            let k = ((at / self.length) as usize).min(self.per_year - 1);
            let end = if k + 1 == self.per_year {
                to
            } else {
                to.min((k as i64 + 1) * self.length)
            };
            self.downs[k] += end - at;
            self.pieces[k].push(SignedDuration::from_seconds(end - at));
            at = end;
        }
    }

    /// Credits the year's periods and starts the next, handing each period's downtime and outages to
    /// `keep`.
    fn end_year(&mut self, mut keep: impl FnMut(i64, &[SignedDuration])) {
        for k in 0..self.per_year {
            let down = self.downs[k].min(self.length);
            self.total_down += down;
            keep(down, &self.pieces[k]);
            self.tally
                .period(k, SignedDuration::from_seconds(down), &self.pieces[k]);
            self.downs[k] = 0;
            self.pieces[k].clear();
        }
    }

    /// Part of it goes down (`now`) or comes back at second `at`.
    fn flip(&mut self, now: bool, at: i64) {
        if now {
            self.since = Some(at);
        } else if let Some(from) = self.since.take() {
            self.down(from, at);
        }
    }
}

/// Simulates `years` contract years of `b2b` on `chain` with `seed`: the credits paid to the customer,
/// those recovered from the providers and the net exposure, each provider's share, the service's
/// availability against its closed form, and the customer's schedule at each target of [`LADDER`] on the
/// same outages.
///
/// # Errors
/// [`Error::InvalidValue`] with field `input`, naming the part: a provider whose credits are measured over
/// periods that do not divide the customer's year (weeks against months), a component that fails more
/// than [`MAX_RATE`] times a month; with part `years` for 0 years or more than [`MAX_YEARS`].
pub fn simulate_money(
    chain: &Chain,
    b2b: &BackToBack,
    years: u32,
    seed: u64,
) -> Result<BackToBackResult, Error> {
    simulate_money_within(chain, b2b, years, seed, crate::risk::MAX_EVENTS)
}

/// [`simulate_money`], simulating fewer years where `years` would take more than `most_events`
/// outages' starts and ends (and periods) in all: a page answering on every keystroke asks for less
/// work than a report.
///
/// # Errors
/// As [`simulate_money`], and for a chain of 2^23 parts or more.
pub fn simulate_money_within(
    chain: &Chain,
    b2b: &BackToBack,
    years: u32,
    seed: u64,
    most_events: f64,
) -> Result<BackToBackResult, Error> {
    if years == 0 || years > MAX_YEARS {
        return Err(refuse("years", format!("must be from 1 to {MAX_YEARS}")));
    }
    if chain.nodes.len() >= 1 << 23 {
        return Err(refuse(
            "parts",
            "a chain simulated holds fewer than 8 388 608 parts".to_string(),
        ));
    }
    let cadence = b2b.customer.cadence;
    let year = cadence.seconds() * cadence.per_year() as i64;
    let n = chain.nodes.len();
    // A failover group's switch-overs: a stream of outages of the switch-over's length at the rate given.
    let switching: Vec<(usize, Model)> = chain
        .failovers
        .iter()
        .filter(|f| f.switches_micros > 0 && f.switch_millis > 0)
        .filter_map(|f| {
            let seconds = ((f.switch_millis + 500) / 1_000).max(1) as i64;
            let mut m = Model::log_normal(1.0, seconds, seconds).ok()?;
            m.incidents_per_month = f.switches_micros as f64 / 1e6;
            Some((f.switching, m))
        })
        .collect();
    let model_of = |i: usize| {
        b2b.models
            .get(i)
            .and_then(|m| m.as_ref())
            .or_else(|| switching.iter().find(|s| s.0 == i).map(|s| &s.1))
    };
    let contract_of = |i: usize| b2b.contracts.get(i).and_then(|c| c.as_ref());
    for i in 0..n {
        if let Some(c) = contract_of(i) {
            let m = c.schedule.cadence;
            if m.seconds() * m.per_year() as i64 != year {
                return Err(refuse(
                    &chain.names[i],
                    format!(
                        "its credits are measured every {}, the customer's every {}: a year of {}s is not a year of {}s, so the periods cannot be lined up. Give both months, quarters or years, or both weeks or fortnights",
                        m.name(),
                        cadence.name(),
                        m.name(),
                        cadence.name()
                    ),
                ));
            }
        }
        if let Some(m) = model_of(i) {
            if !(m.incidents_per_month >= 0.0 && m.incidents_per_month <= MAX_RATE) {
                return Err(refuse(
                    &chain.names[i],
                    format!(
                        "it would fail {} times a month: the simulation takes at most {MAX_RATE} a month",
                        m.incidents_per_month
                    ),
                ));
            }
        }
    }
    // The components that fail, with the outages a year expects.
    let month = Measure::Month.seconds() as f64;
    let failing: Vec<(usize, &Model, Poisson)> = (0..n)
        .filter(|&i| matches!(chain.nodes[i], Node::Component(_)))
        .filter_map(|i| model_of(i).map(|m| (i, m)))
        .filter(|(_, m)| m.incidents_per_month > 0.0)
        .map(|(i, m)| {
            (
                i,
                m,
                Poisson::new(m.incidents_per_month * year as f64 / month),
            )
        })
        .collect();
    let per_year_events: f64 = failing
        .iter()
        .map(|(_, m, _)| 2.0 * m.incidents_per_month * year as f64 / month)
        .sum::<f64>()
        + cadence.per_year() as f64;
    let years = years.min(
        ((most_events / per_year_events.max(1.0)).floor() as u32)
            .clamp(1, years_within(per_year_events, 1)),
    );
    // Each part's groups, and each group's count of parts up.
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut need = vec![0usize; n];
    let mut up = vec![0usize; n];
    for (g, node) in chain.nodes.iter().enumerate() {
        if let Node::Group { k, of } = node {
            need[g] = *k;
            up[g] = of.len();
            for &c in of {
                parents[c].push(g);
            }
        }
    }
    let mut down = vec![false; n];
    let mut active = vec![0u32; n];
    // The service and every provider, followed through the year.
    let mut watched = vec![Watched::new(
        chain.root,
        &b2b.customer,
        b2b.charges,
        year,
        years,
    )];
    // The watches of each part (the service may be a provider's component too).
    let mut watch_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    watch_of[chain.root].push(0);
    for (i, watches) in watch_of.iter_mut().enumerate() {
        if let Some(c) = contract_of(i) {
            watches.push(watched.len());
            watched.push(Watched::new(i, &c.schedule, c.fee, year, years));
        }
    }
    let mut rng = Rng::new(seed);
    let mut carried: Vec<(i64, usize)> = Vec::new();
    // Each event as one integer, so that sorting them is sorting integers: the second, then 0 for an
    // end and 1 for a start, then the part.
    let event = |at: i64, start: bool, part: usize| -> u64 {
        ((at as u64) << 24) | (u64::from(start) << 23) | part as u64
    };
    let mut events: Vec<u64> = Vec::new();
    let mut service_periods: Vec<(i64, Vec<SignedDuration>)> =
        Vec::with_capacity(years as usize * cadence.per_year());
    let mut stack: Vec<usize> = Vec::new();
    for _ in 0..years {
        events.clear();
        for (end, c) in carried.drain(..) {
            events.push(event(0, true, c));
            events.push(event(end, false, c));
        }
        for (c, model, poisson) in &failing {
            for _ in 0..rng.poisson_with(poisson) {
                let start = (rng.next_u64() % year as u64) as i64;
                let length = match &model.durations {
                    Durations::LogNormal { mu, sigma } => {
                        whole_seconds_of(mu + sigma * rng.normal(), year)
                    }
                    Durations::Resample(list) => {
                        list[(rng.next_u64() % list.len() as u64) as usize].min(year)
                    }
                };
                let end = start + length;
                events.push(event(start, true, *c));
                if end > year {
                    events.push(event(year, false, *c));
                    carried.push((end - year, *c));
                } else {
                    events.push(event(end, false, *c));
                }
            }
        }
        // Ends before starts at the same second: a part that comes back as another goes is never
        // counted down for nothing.
        events.sort_unstable();
        for &e in &events {
            let (at, c) = ((e >> 24) as i64, (e & 0x7f_ffff) as usize);
            let was = active[c] > 0;
            if e & (1 << 23) != 0 {
                active[c] += 1;
            } else {
                active[c] -= 1;
            }
            let is = active[c] > 0;
            if was == is {
                continue;
            }
            // The part flips; so may the groups above it.
            stack.push(c);
            while let Some(p) = stack.pop() {
                let now = match &chain.nodes[p] {
                    Node::Component(_) => active[p] > 0,
                    Node::Group { .. } => up[p] < need[p],
                };
                if now == down[p] {
                    continue;
                }
                down[p] = now;
                for &w in &watch_of[p] {
                    watched[w].flip(now, at);
                }
                for &g in &parents[p] {
                    if now {
                        up[g] -= 1;
                    } else {
                        up[g] += 1;
                    }
                    stack.push(g);
                }
            }
        }
        for (i, w) in watched.iter_mut().enumerate() {
            if i == 0 {
                w.end_year(|d, pieces| service_periods.push((d, pieces.to_vec())));
            } else {
                w.end_year(|_, _| {});
            }
        }
    }
    let customer = &watched[0];
    let paid_yearly = customer.tally.yearly.clone();
    let mut recovered_yearly = vec![0 as Money; years as usize];
    let mut providers = Vec::new();
    for w in &watched[1..] {
        for (total, y) in recovered_yearly.iter_mut().zip(&w.tally.yearly) {
            *total += y;
        }
        let fee = contract_of(w.node).map_or(0, |c| c.fee);
        providers.push(Recovery {
            name: chain.names[w.node].clone(),
            fees: fee * w.per_year as i128,
            recovered: Spread::of(&w.tally.yearly),
            mean_downtime: w.total_down as f64 / (f64::from(years) * w.per_year as f64),
            periods_breached: w.tally.periods_breached,
        });
    }
    let net_of = |paid: &[Money]| -> Vec<Money> {
        paid.iter()
            .zip(&recovered_yearly)
            .map(|(p, r)| p - r)
            .collect()
    };
    let net_yearly = net_of(&paid_yearly);
    // The customer's schedule at each target of the ladder, on the same outages.
    let per_year = cadence.per_year();
    let length = SignedDuration::from_seconds(year / per_year as i64);
    let mut ladder = Vec::with_capacity(LADDER.len());
    for t in LADDER {
        let target = Target::parse(t)?;
        let step = b2b.customer.at_target(target).map(|s| {
            let mut tally = Tally::over(&s, length, per_year, b2b.charges, years);
            for (i, (d, pieces)) in service_periods.iter().enumerate() {
                tally.period(i % per_year, SignedDuration::from_seconds(*d), pieces);
            }
            (
                Spread::of(&tally.yearly),
                Spread::of(&net_of(&tally.yearly)),
            )
        });
        ladder.push((target, step));
    }
    // The closed form: each failing component up with probability e^(-λm).
    let mut component_availability = Vec::new();
    let mut exact = chain.clone();
    for (c, model, _) in &failing {
        let rate = model.incidents_per_month / month;
        let a = libm::exp(-rate * model.mean_duration());
        component_availability.push((chain.names[*c].clone(), a));
        exact.nodes[*c] = Node::Component(
            Exact::from_percent(&format!("{:.12}", a * 100.0)).unwrap_or_else(|_| Exact::zero()),
        );
    }
    for (i, node) in exact.nodes.iter_mut().enumerate() {
        if matches!(node, Node::Component(_)) && !failing.iter().any(|f| f.0 == i) {
            *node = Node::Component(Exact::one());
        }
    }
    let closed_form_availability = exact.availability().ok().map(|a| a.to_f64());
    Ok(BackToBackResult {
        years,
        contract_value: b2b.charges * per_year as i128,
        paid: Spread::of(&paid_yearly),
        recovered: Spread::of(&recovered_yearly),
        net: Spread::of(&net_yearly),
        providers,
        years_breached: customer.tally.years_breached,
        simulated_availability: 1.0 - customer.total_down as f64 / (f64::from(years) * year as f64),
        closed_form_availability,
        component_availability,
        ladder,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::Part;
    use crate::value::Value;

    fn schedule(target: &str, flat: &str, period: &str) -> CreditSchedule {
        let text = |s: &str| Value::Text(s.to_string());
        CreditSchedule::from_value(&Value::Map(vec![
            ("target".into(), text(target)),
            ("flat".into(), text(flat)),
            ("period".into(), text(period)),
        ]))
        .unwrap()
    }

    fn hourly(per_month: f64) -> Option<Model> {
        Some(Model::log_normal(per_month, 3600, 3600).unwrap())
    }

    const UNIT: Money = 1_000_000;

    /// Unavailabilities within `share` of each other.
    fn close(simulated: f64, closed: f64, share: f64) {
        let (u, v) = (1.0 - simulated, 1.0 - closed);
        assert!(
            (u - v).abs() <= share * v,
            "simulated {simulated}, closed form {closed}"
        );
    }

    /// A chain of one provider: e^(-λm) up, and a month breaches 99.9% (43 min 49.7 s allowed) when an
    /// hour's outage starts in it, 1 - e^-λ of the time (less the few outages split between months).
    #[test]
    fn one_provider_against_the_closed_forms() {
        let chain = Chain::new(&[Part::component("cloud", "99.9")], "cloud").unwrap();
        let b2b = BackToBack {
            customer: schedule("99.9", "10", "month"),
            charges: 10_000 * UNIT,
            models: vec![hourly(0.5)],
            contracts: vec![Some(Contract {
                schedule: schedule("99.9", "10", "month"),
                fee: 2_000 * UNIT,
            })],
        };
        let m = simulate_money(&chain, &b2b, 40_000, 3).unwrap();
        assert_eq!(m.years, 40_000);
        // Up e^(-0.5 x 3600 / 2 629 746) = 99.93158%.
        let a = libm::exp(-0.5 * 3600.0 / 2_629_746.0);
        assert!((m.closed_form_availability.unwrap() - a).abs() < 1e-12);
        close(m.simulated_availability, a, 0.02);
        // 12 x (1 - e^-0.5) x 1 000 = 4 721.84 a year paid; the same outages pay back a fifth.
        let expected = 12.0 * (1.0 - libm::exp(-0.5)) * 1_000.0;
        let paid = m.paid.mean as f64 / UNIT as f64;
        assert!(
            (paid - expected).abs() < 0.02 * expected,
            "{paid} against {expected}"
        );
        // Same outages, same schedule, a fifth of the charges: a fifth of the credits, year by year.
        assert_eq!(m.providers[0].recovered.mean * 5, m.paid.mean);
        assert_eq!(m.net.mean, m.paid.mean - m.recovered.mean);
        assert_eq!(m.contract_value, 120_000 * UNIT);
        assert_eq!(m.providers[0].fees, 24_000 * UNIT);
    }

    /// Two regions of which one suffices, behind a shared front door, and two of three servers: the
    /// simulated share of time up against the chain's exact figure on e^(-λm).
    #[test]
    fn redundancy_and_shared_parts_against_the_closed_form() {
        let chain = Chain::new(
            &[
                Part::component("door", "99.99"),
                Part::component("r1", "99"),
                Part::component("r2", "99"),
                Part::component("s1", "99"),
                Part::component("s2", "99"),
                Part::component("s3", "99"),
                Part::parallel("regions", &["r1", "r2"]),
                Part::k_of_n("servers", 2, &["s1", "s2", "s3"]),
                Part::series("service", &["door", "regions", "servers"]),
            ],
            "service",
        )
        .unwrap();
        // Regions down 1% of the time: 7.3 ten-hour outages a month; servers 2 a month of an hour.
        let ten_hours = Some(Model::log_normal(7.3, 36_000, 36_000).unwrap());
        let models = vec![
            hourly(0.1),
            ten_hours.clone(),
            ten_hours,
            hourly(2.0),
            hourly(2.0),
            hourly(2.0),
            None,
            None,
            None,
        ];
        let b2b = BackToBack {
            customer: schedule("99.9", "10", "month"),
            charges: 1_000 * UNIT,
            models,
            contracts: vec![None; 9],
        };
        let m = simulate_money(&chain, &b2b, 20_000, 5).unwrap();
        let (r, s, d) = (
            libm::exp(-7.3 * 36_000.0 / 2_629_746.0),
            libm::exp(-2.0 * 3_600.0 / 2_629_746.0),
            libm::exp(-0.1 * 3_600.0 / 2_629_746.0),
        );
        let servers = s * s * s + 3.0 * s * s * (1.0 - s);
        let closed = d * (1.0 - (1.0 - r) * (1.0 - r)) * servers;
        assert!((m.closed_form_availability.unwrap() - closed).abs() < 1e-11);
        close(m.simulated_availability, closed, 0.05);
        assert!(m.providers.is_empty() && m.recovered.worst == 0);
    }

    /// A provider measured monthly under a customer measured quarterly: the year divides into both.
    /// Weekly against monthly is refused, naming the provider.
    #[test]
    fn periods_line_up_or_are_refused() {
        let chain = Chain::new(
            &[
                Part::component("cloud", "99.9"),
                Part::component("team", "99.9"),
                Part::series("service", &["cloud", "team"]),
            ],
            "service",
        )
        .unwrap();
        let mut b2b = BackToBack {
            customer: schedule("99.5", "10", "quarter"),
            charges: 30_000 * UNIT,
            models: vec![hourly(1.0), hourly(1.0), None],
            contracts: vec![
                Some(Contract {
                    schedule: schedule("99.9", "10", "month"),
                    fee: 1_000 * UNIT,
                }),
                None,
                None,
            ],
        };
        let m = simulate_money(&chain, &b2b, 5_000, 9).unwrap();
        // The provider's months breach often (each outage of an hour), the customer's quarters rarely
        // (99.5% of a quarter allows 10 h 57 min).
        // 12 x (1 - e^-1) x 100 = 758.54 a year back.
        let back = m.providers[0].recovered.mean as f64 / UNIT as f64;
        let expected = 12.0 * (1.0 - libm::exp(-1.0)) * 100.0;
        assert!(
            (back - expected).abs() < 0.03 * expected,
            "{back} against {expected}"
        );
        assert!(m.paid.mean < m.recovered.mean);
        assert!(m.net.mean < 0);
        b2b.contracts[0].as_mut().unwrap().schedule = schedule("99.9", "10", "week");
        let err = simulate_money(&chain, &b2b, 10, 9).unwrap_err();
        assert_eq!(
            err.to_string(),
            "input.cloud: its credits are measured every week, the customer's every quarter: a year of weeks is not a year of quarters, so the periods cannot be lined up. Give both months, quarters or years, or both weeks or fortnights"
        );
    }

    /// The ladder credits the same outages at each target: the higher the target, the more is paid, and
    /// the highest target within a cap is the last one under it.
    #[test]
    fn the_ladder_pays_more_the_higher_the_target() {
        let chain = Chain::new(&[Part::component("cloud", "99.9")], "cloud").unwrap();
        let b2b = BackToBack {
            customer: schedule("99.9", "10", "month"),
            charges: 10_000 * UNIT,
            models: vec![Some(Model::log_normal(1.0, 600, 7_200).unwrap())],
            contracts: vec![Some(Contract {
                schedule: schedule("99.9", "10", "month"),
                fee: 5_000 * UNIT,
            })],
        };
        let m = simulate_money(&chain, &b2b, 3_000, 1).unwrap();
        let paid: Vec<Money> = m
            .ladder
            .iter()
            .map(|(_, r)| r.as_ref().unwrap().0.mean)
            .collect();
        assert!(paid.windows(2).all(|w| w[0] <= w[1]), "{paid:?}");
        // At the customer's own target the ladder is the headline.
        let at = m
            .ladder
            .iter()
            .find(|(t, _)| t.to_string() == "99.9")
            .unwrap();
        assert_eq!(at.1.as_ref().unwrap().0, m.paid);
        let cap = m.percent(m.net.p90);
        let highest = m.highest_target(cap, Confidence::P90).unwrap();
        assert!(highest.micros() >= Target::parse("99.9").unwrap().micros());
        // Below the targets where recoveries exceed payments, the net is negative: a cap below every
        // year's net leaves no target.
        assert!(m.highest_target(cap, Confidence::Mean).is_some());
        assert_eq!(m.highest_target(i128::MIN, Confidence::P90), None);
    }

    /// A failover pair switching over twice a month for ten minutes: the simulated share of time up
    /// against (1 - u1 u2) x e^(-2 x 600 / 2 629 746).
    #[test]
    fn failover_against_the_closed_form() {
        let chain = Chain::new(
            &[
                Part::component("primary", "99"),
                Part::component("standby", "99"),
                Part::failover("pair", &["primary", "standby"], 600_000, "2"),
            ],
            "pair",
        )
        .unwrap();
        let ten_hours = Some(Model::log_normal(7.3, 36_000, 36_000).unwrap());
        let b2b = BackToBack {
            customer: schedule("99.9", "10", "month"),
            charges: 1_000 * UNIT,
            models: vec![ten_hours.clone(), ten_hours, None],
            contracts: vec![None; 3],
        };
        let m = simulate_money(&chain, &b2b, 20_000, 8).unwrap();
        let r = libm::exp(-7.3 * 36_000.0 / 2_629_746.0);
        let closed = (1.0 - (1.0 - r) * (1.0 - r)) * libm::exp(-2.0 * 600.0 / 2_629_746.0);
        assert!((m.closed_form_availability.unwrap() - closed).abs() < 1e-11);
        close(m.simulated_availability, closed, 0.05);
        // The switch-overs are most of the downtime: 0.0456% against 0.0099% with both parts down.
        assert!(1.0 - m.simulated_availability > 0.0005);
    }

    /// The seed gives the same figures; another seed others.
    #[test]
    fn the_same_seed_gives_the_same_money() {
        let chain = Chain::new(&[Part::component("cloud", "99.9")], "cloud").unwrap();
        let b2b = BackToBack {
            customer: schedule("99.9", "10", "month"),
            charges: 10_000 * UNIT,
            models: vec![hourly(1.0)],
            contracts: vec![None],
        };
        let a = simulate_money(&chain, &b2b, 500, 4).unwrap();
        assert_eq!(a, simulate_money(&chain, &b2b, 500, 4).unwrap());
        assert_ne!(a.paid, simulate_money(&chain, &b2b, 500, 5).unwrap().paid);
        assert!(simulate_money(&chain, &b2b, 0, 4).is_err());
    }
}
