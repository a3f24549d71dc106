//! Service chains (`chain`): the availability of a service made of components, exactly, beside the
//! contractual worst case; the allowed downtime over a period; the promise each internal team must make.

use serde::Serialize;
use ts_rs::TS;

use super::back_to_back::{money, read_part_money, ChainMoney, PartMoney};
use super::{CalendarInput, DurationText, Zones};
use crate::calendar::Calendar;
use crate::chain::{Chain, Exact, Kind, Part};
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::period::{Average, Measure, Period};
use crate::value::{invalid, Object, Value};

/// One part of a chain: a component (`availability`) or a group of other parts by their names (`series`,
/// `parallel`, or `need` of `of`).
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)] // declares the shape; read part by part by `chain`
struct ChainPart {
    name: String,
    /// A component's availability, a percentage such as "99.95". An internal component may leave it out
    /// when the chain has a `target`: its promise is worked out.
    #[ts(optional, type = "string | number")]
    availability: Option<String>,
    /// Parts all needed.
    #[ts(optional)]
    series: Option<Vec<String>>,
    /// Parts of which any one suffices.
    #[ts(optional)]
    parallel: Option<Vec<String>>,
    /// Parts used one at a time, in order: when the one in use fails, the next one up takes over after a
    /// switch-over (`switchOver` long, `switchesPerMonth` times an average month), during which the group
    /// is down.
    #[ts(optional)]
    failover: Option<Vec<String>>,
    /// How long a failover group's switch-over takes, such as "5 min" (at most a day).
    #[ts(optional, type = "string | number")]
    switch_over: Option<String>,
    /// How many switch-overs a failover group makes in an average month, such as "0.5".
    #[ts(optional, type = "string | number")]
    switches_per_month: Option<String>,
    /// How many of `of` suffice.
    #[ts(optional, type = "number | string")]
    need: Option<f64>,
    #[ts(optional)]
    of: Option<Vec<String>>,
    /// A component run in-house (an OLA): with a `target`, the promise it must make is worked out.
    #[ts(optional)]
    internal: Option<bool>,
    /// Its share of what the providers leave, against the other internal components' (default 1: equal
    /// shares; a cost or a history of outages gives another).
    #[ts(optional, type = "string | number")]
    weight: Option<String>,
    /// How it fails, for the money: `{ incidentsPerMonth, median, p90 }`, or `durations` (an outage log's
    /// lengths, resampled) for the lengths; each optional. Without a rate it fails as often as keeps it up
    /// its availability.
    #[ts(
        optional,
        type = "{ incidentsPerMonth?: string | number, median?: string | number, p90?: string | number, durations?: (string | number)[] }"
    )]
    outages: Option<String>,
    /// A provider's fee each period of its credit schedule, such as "2000".
    #[ts(optional, type = "string | number")]
    fee: Option<String>,
    /// A provider's credit schedule (as `credits` takes it, or a preset's id); its target defaults to the
    /// component's availability.
    #[ts(optional, type = "string | Record<string, unknown>")]
    credits: Option<String>,
    /// The fee's currency; it must be the customer's.
    #[ts(optional)]
    currency: Option<String>,
    /// The period a component's availability is promised over ("week", "fortnight", "month", "quarter"
    /// or "year"; default: the chain's): the worst case converts it to the chain's period and says how.
    #[ts(optional)]
    period: Option<String>,
    /// The service hours a component's availability is promised in, as the chain's `calendar` takes
    /// them (default: the chain's): the worst case converts it to the chain's hours and says how.
    #[ts(optional, type = "string | CalendarInput")]
    calendar: Option<String>,
}

/// Input of `chain`.
#[derive(TS)]
#[ts(rename_all = "camelCase")]
#[allow(dead_code)]
struct ChainInput {
    parts: Vec<ChainPart>,
    /// The part that is the service (default: the last).
    #[ts(optional)]
    service: Option<String>,
    /// The service's SLA, a percentage: for the promises, the extra nine and each part's share of the
    /// downtime allowed.
    #[ts(optional, type = "string | number")]
    target: Option<String>,
    /// The period the downtimes are given over (default "month").
    #[ts(optional)]
    period: Option<String>,
    /// The service hours the downtimes are counted in (default round the clock).
    #[ts(optional, type = "string | CalendarInput | null")]
    calendar: Option<String>,
    /// The customer's contract and the simulation: credits paid, recovered from the providers, and the
    /// net exposure.
    #[ts(optional)]
    money: Option<super::back_to_back::ChainMoneyInput>,
}

/// The declarations of the inputs, for the TypeScript of the module.
pub(super) fn input_declarations() -> Vec<(Option<String>, String)> {
    vec![
        (ChainPart::docs(), ChainPart::decl()),
        (ChainInput::docs(), ChainInput::decl()),
    ]
}

/// An availability, exactly and for people.
#[derive(Serialize, TS)]
pub struct ChainFigure {
    /// Every decimal: `"99.9899750025"`.
    pub exact: String,
    /// Cut (never rounded up) to four decimals: `"99.9899"`.
    pub percent: String,
    /// The downtime it allows over the period, rounded down to the nanosecond.
    pub downtime: DurationText,
}

/// One part of the chain, with its own figures.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainPartResult {
    /// Its name, as given.
    pub name: String,
    /// "component", "series", "parallel", "failover" or "k of n" ("2 of 3").
    pub kind: String,
    /// The parts it uses.
    pub uses: Vec<String>,
    /// The groups that use it; more than one: shared, counted once.
    pub used_by: Vec<String>,
    /// Its availability, components failing independently.
    pub availability: ChainFigure,
    /// Whether it is run in-house.
    pub internal: bool,
    /// The availability it must promise for the service to meet its target at worst (internal
    /// components, with a target).
    #[ts(type = "string | null")]
    pub promise: Option<String>,
    /// For a part the service needs in series, its downtime at worst as a percentage of what the service
    /// may lose, rounded down to 0.01 (with a target).
    #[ts(type = "string | null")]
    pub budget_share: Option<String>,
    /// For a part the service needs in series, whether it offers one more nine than the service's target
    /// (with a target).
    #[ts(type = "boolean | null")]
    pub extra_nine: Option<bool>,
}

/// The service's figures.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainResult {
    /// The part that is the service.
    pub service: String,
    /// The period the downtimes are over, with its convention: "average Gregorian month (30.436875 days)".
    pub period: String,
    /// The time the downtimes are counted in: "round the clock", or the service hours of the period
    /// ("service hours in March 2026 (UTC): Mon-Fri 08:00-18:00 in UTC").
    pub basis: String,
    /// Components failing independently: exact.
    pub availability: ChainFigure,
    /// What the contracts alone guarantee: outages in series never overlap, those of redundant parts
    /// overlap as far as they can.
    pub worst_case: ChainFigure,
    /// The assumptions, one sentence each.
    pub assumptions: Vec<String>,
    /// The target, as given.
    #[ts(type = "string | null")]
    pub target: Option<String>,
    /// Whether the availability meets the target (null without one).
    #[ts(type = "boolean | null")]
    pub meets: Option<bool>,
    /// Whether the worst case meets the target (null without one).
    #[ts(type = "boolean | null")]
    pub meets_worst_case: Option<bool>,
    /// Every part, in the order given.
    pub parts: Vec<ChainPartResult>,
    /// Plain words, a sentence a line.
    pub verdict: Vec<String>,
    /// With `money`: credits paid, recovered and the net exposure, simulated.
    #[ts(type = "ChainMoney | null")]
    pub money: Option<ChainMoney>,
}

/// A part's list of names, refused unless every item is a string.
fn names(o: &Object, key: &str) -> Result<Option<Vec<String>>, Error> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::List(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::Text(t) => Ok(t.trim().to_string()),
                other => Err(o.error(
                    &format!("{key}[{i}]"),
                    format!("must be a part's name, not {}", other.kind()),
                )),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(other) => Err(o.error(
            key,
            format!("must be a list of parts' names, not {}", other.kind()),
        )),
    }
}

/// One part as given, whether it is internal, and its weight.
struct Given {
    part: Part,
    internal: bool,
    weight: u64,
    /// Whether its availability is to be worked out.
    promised: bool,
    /// How it fails and what it is paid, for the money.
    money: PartMoney,
    /// The period its availability is promised over, when not the chain's.
    period: Option<Measure>,
    /// The service hours it is promised in, when not the chain's, as given; and where (`parts[i]`).
    hours: Option<(Value, String)>,
}

fn read_part(v: &Value, i: usize, has_target: bool) -> Result<Given, Error> {
    let path = format!("parts[{i}]");
    let o = Object::new(
        v,
        Field::Input,
        &path,
        &[
            "name",
            "availability",
            "series",
            "parallel",
            "need",
            "of",
            "internal",
            "weight",
            "outages",
            "fee",
            "credits",
            "currency",
            "failover",
            "switchOver",
            "switchesPerMonth",
            "period",
            "calendar",
        ],
    )?;
    let name = o.text("name")?.trim().to_string();
    if name.is_empty() {
        return Err(o.error("name", "must be given"));
    }
    let internal = o.flag("internal", false)?;
    let weight = match o.optional_text("weight")? {
        None => 1,
        Some(w) => w
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|w| *w <= 1_000_000_000)
            .ok_or_else(|| {
                o.error(
                    "weight",
                    format!(
                        "\"{}\" must be a whole number from 0 to 1000000000",
                        w.trim()
                    ),
                )
            })?,
    };
    let series = names(&o, "series")?;
    let parallel = names(&o, "parallel")?;
    let of = names(&o, "of")?;
    let failover = names(&o, "failover")?;
    let availability = o.optional_text("availability")?;
    let given = [
        availability.is_some(),
        series.is_some(),
        parallel.is_some(),
        of.is_some(),
        failover.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if given > 1 {
        return Err(invalid(
            Field::Input,
            &name,
            "a part is a component (availability) or one group (series, parallel, need of, or failover): not both".to_string(),
        ));
    }
    let mut promised = false;
    let kind = if let Some(of) = of {
        let need = match o.get("need") {
            Some(Value::Number(t) | Value::Text(t)) => t.trim().parse::<usize>().ok(),
            _ => None,
        }
        .ok_or_else(|| {
            o.error(
                "need",
                "must be a whole number: how many of the parts suffice",
            )
        })?;
        Kind::KOfN(need, of)
    } else if o.get("need").is_some() {
        return Err(o.error("of", "must list the parts that `need` counts"));
    } else if let Some(of) = failover {
        let switch = o.text("switchOver").map_err(|_| {
            o.error(
                "switchOver",
                "give how long a switch-over takes, such as 5 min (0 if it is seamless)",
            )
        })?;
        let switch_millis = crate::duration::ExactDuration::parse(switch, Field::Input)
            .ok()
            .map(|d| d.as_nanos().div_ceil(1_000_000))
            .filter(|ms| *ms <= 86_400_000)
            .ok_or_else(|| {
                o.error(
                    "switchOver",
                    format!(
                        "\"{}\" is not a switch-over time of at most a day, such as 5 min, 90 s or PT5M",
                        switch.trim()
                    ),
                )
            })?;
        let switches = o
            .optional_text("switchesPerMonth")?
            .ok_or_else(|| {
                o.error(
                    "switchesPerMonth",
                    "give how many switch-overs it makes in a month, such as 0.5: every failure of the part in use is one",
                )
            })?;
        let switches_micros = crate::value::decimal(switches, 6, Some(10_000_000_000))
            .map_err(|r| o.error("switchesPerMonth", r))? as u64;
        Kind::Failover {
            of,
            switch_millis,
            switches_micros,
        }
    } else if o.get("switchOver").is_some() || o.get("switchesPerMonth").is_some() {
        return Err(o.error(
            "failover",
            "must list the parts used one at a time: a switch-over belongs to a failover group",
        ));
    } else if let Some(s) = series {
        Kind::Series(s)
    } else if let Some(p) = parallel {
        Kind::Parallel(p)
    } else if let Some(a) = availability {
        Kind::Component(a.to_string())
    } else if internal && has_target {
        // Its promise is worked out; any availability stands in until then.
        promised = true;
        Kind::Component("100".to_string())
    } else {
        return Err(invalid(
            Field::Input,
            &name,
            "give its availability (a component) or the parts it groups (series, parallel, or need of)".to_string(),
        ));
    };
    if internal && !matches!(kind, Kind::Component(_)) {
        return Err(invalid(
            Field::Input,
            &name,
            "only a component can be internal: a team's promise is one figure".to_string(),
        ));
    }
    let money = read_part_money(&o)?;
    let period = match o.optional_text("period")? {
        None => None,
        Some(t) => Some(Measure::parse(t).ok_or_else(|| {
            o.error(
                "period",
                format!(
                    "\"{}\" must be week, fortnight, month, quarter or year",
                    t.trim()
                ),
            )
        })?),
    };
    if period.is_some() && (internal || !matches!(kind, Kind::Component(_))) {
        return Err(o.error(
            "period",
            "only a provider's component has a period of its own: an internal promise is worked out over the chain's",
        ));
    }
    let hours = o.get("calendar").cloned().map(|v| (v, o.path("calendar")));
    if hours.is_some() && (internal || !matches!(kind, Kind::Component(_))) {
        return Err(o.error(
            "calendar",
            "only a provider's component has service hours of its own: an internal promise is worked out over the chain's",
        ));
    }
    Ok(Given {
        part: Part { name, kind },
        internal,
        weight,
        promised,
        money,
        period,
        hours,
    })
}

/// Each component's own service hours, read, by its place among the parts given; errors name the part's
/// `calendar`.
fn own_hours(given: &[Given], zones: &dyn Zones) -> Result<Vec<Option<Calendar>>, Error> {
    given
        .iter()
        .map(|g| {
            g.hours
                .as_ref()
                .map(|(v, path)| {
                    CalendarInput::read(v)
                        .and_then(|c| c.calendar(zones))
                        .map_err(|e| {
                            invalid(
                                Field::Input,
                                path,
                                match e {
                                    Error::InvalidValue { part, reason, .. }
                                        if !part.is_empty() =>
                                    {
                                        format!("{part}: {reason}")
                                    }
                                    other => other.to_string(),
                                },
                            )
                        })
                })
                .transpose()
        })
        .collect()
}

/// Components' availabilities at worst, by name, and how they were worked out, a sentence each.
type Conversions = (Vec<(String, Exact)>, Vec<String>);

/// The worst case of every component promised over another period or in other service hours than the
/// chain's (see [`over_period`] and [`in_hours`]), by name, and how, a sentence each.
fn convert_promises(
    given: &[Given],
    period: &Period,
    basis: Option<&Calendar>,
    hours: &[Option<Calendar>],
) -> Result<Conversions, Error> {
    let mut worst = Vec::new();
    let mut said = Vec::new();
    for (g, own) in given.iter().zip(hours) {
        let Kind::Component(a) = &g.part.kind else {
            continue;
        };
        if g.period.is_none() && own.is_none() {
            continue;
        }
        let a = Exact::from_percent(a).unwrap_or_else(|_| Exact::zero());
        let mut at_worst = None;
        let mut how = Vec::new();
        if let Some(measure) = g.period {
            let (worst, words) = over_period(&a, measure, period);
            at_worst = worst;
            how.push(words);
        }
        if let Some(own) = own {
            let (worst, words) = in_hours(at_worst.as_ref().unwrap_or(&a), own, basis)?;
            at_worst = Some(worst);
            how.push(words);
        }
        if let Some(at_worst) = at_worst {
            worst.push((g.part.name.clone(), at_worst));
        }
        said.push(format!("“{}”: {}", g.part.name, how.join(" ")));
    }
    if !said.is_empty() {
        said.insert(0, "Promises made over other periods or service hours than the chain's are converted for the worst case only; the independent figure takes each availability as the share of the chain's time it is up.".to_string());
    }
    Ok((worst, said))
}

/// What a promise of `a` in the service hours `own` guarantees in the chain's hours (`basis`; round the
/// clock without) at worst, and how, in words: the chain's hours it leaves uncovered may all be down, and
/// the downtime it allows in its own hours may all fall in the chain's. Measured over a typical week,
/// rounded against the chain at the 12th decimal.
fn in_hours(a: &Exact, own: &Calendar, basis: Option<&Calendar>) -> Result<(Exact, String), Error> {
    let week = basis.map_or(604_800, Calendar::typical_week_seconds).max(1) as u64;
    let gap = crate::quotes::uncovered(basis, Some(own))?.max(0) as u64;
    let theirs = own.typical_week_seconds().max(0) as u64;
    let down = Exact::one()
        .times_ratio_up(gap, week, 12)
        .plus(&a.complement().times_ratio_up(theirs, week, 12))
        .min(Exact::one());
    let at_worst = down.complement();
    let hours = |s: u64| match (s / 3600, s % 3600 / 60) {
        (h, 0) => format!("{h} hour{}", if h == 1 { "" } else { "s" }),
        (h, m) => format!("{h} h {m} min"),
    };
    let chain_hours = basis.map_or("round the clock".to_string(), |b| b.summary());
    let allowed = a.complement().percent();
    let words = if gap > 0 {
        format!(
            "promised on {} ({} a week), it leaves {} of the chain's {} a week ({chain_hours}) uncovered, where it may be down throughout, and the {allowed}% of its own hours it may be down may all fall in the others: at worst {}% of the chain's hours.",
            own.summary(),
            hours(theirs),
            hours(gap),
            hours(week),
            at_worst.percent()
        )
    } else {
        format!(
            "promised on {} ({} a week), it covers the chain's {} a week ({chain_hours}), and the {allowed}% of its own hours it may be down may all fall in them: at worst {}% of the chain's hours.",
            own.summary(),
            hours(theirs),
            hours(week),
            at_worst.percent()
        )
    };
    Ok((at_worst, words))
}

/// What a promise of `a` measured every `measure` guarantees over each of the chain's periods at worst,
/// and how that was worked out, in words. `None`: the promise holds as it is.
///
/// Periods of one family line up (weeks in fortnights; months in quarters in years; a day in any): a
/// promise over shorter periods holds over the chain's, and one over longer periods may put all its
/// downtime into one of the chain's periods. Otherwise (weeks against months, a fixed number of days)
/// one of the chain's periods may touch one more of the promise's periods than fit in it, each with its
/// whole downtime.
fn over_period(a: &Exact, measure: Measure, chain: &Period) -> (Option<Exact>, String) {
    let own = measure.seconds() as u64;
    let theirs = (chain.length().as_nanos() / 1_000_000_000).max(1);
    let family = |m: Measure| matches!(m, Measure::Week | Measure::Fortnight);
    let aligned = match chain {
        Period::Average(Average::Day) => true,
        Period::Average(Average::Week) => family(measure),
        Period::Average(_) => !family(measure),
        _ => false,
    };
    let every = measure.name();
    let over = chain.label();
    let percent = a.percent();
    if aligned && own <= theirs {
        return (
            None,
            format!("{percent}% every {every} holds over every {over}, which is made of whole {every}s."),
        );
    }
    let touched = if aligned { 1 } else { theirs.div_ceil(own) + 1 };
    let at_worst = a
        .complement()
        .times_ratio_up(own * touched, theirs, 12)
        .complement();
    let how = if aligned {
        format!(
            "{percent}% every {every} allows the whole {every}'s downtime in one {over}: at worst {}% of it.",
            at_worst.percent()
        )
    } else {
        format!(
            "{percent}% every {every}: one {over} can touch {touched} {every}s, each with its whole downtime, so at worst {}% of it.",
            at_worst.percent()
        )
    };
    (Some(at_worst), how)
}

/// The parts a part uses by name: a failover group's own parts, in order, or a group's.
fn uses_of<'a>(chain: &'a Chain, part: &'a Part) -> Vec<&'a str> {
    match &part.kind {
        Kind::Failover { of, .. } => of.iter().map(|s| s.trim()).collect(),
        _ => chain
            .group(&part.name)
            .map(|(_, of)| of)
            .unwrap_or_default(),
    }
}

fn figure(a: &Exact, period: ExactDuration) -> ChainFigure {
    let down = a.complement().of_whole(period.as_nanos());
    ChainFigure {
        exact: a.percent(),
        percent: a.percent_down(4),
        downtime: ExactDuration::from_nanos(down)
            .unwrap_or(ExactDuration::ZERO)
            .into(),
    }
}

/// The availability of a service made of parts in series, redundant, k of n or failing over, some
/// shared: exactly (components failing independently) and at worst (as the contracts alone guarantee,
/// promises over other periods or hours converted); the downtime each allows over `period` (its service
/// hours with a `calendar`, whose zone `zones` knows); with a `target`, whether it is met, the promise
/// each internal component must make, each part's share of the downtime allowed and the extra-nine check;
/// with `money`, the credits paid to the customer, recovered from the providers and the net, simulated.
/// Errors have field "input" and the part's name (or `parts[2].need`, `money.charges`).
///
/// ```
/// use slacalc::api::{chain, NoZones};
/// use slacalc::value::Value;
/// let input = Value::parse_json(r#"{ "parts": [
///     { "name": "app", "availability": "99.95" }, { "name": "db", "availability": "99.99" },
///     { "name": "service", "series": ["app", "db"] } ], "target": "99.9" }"#).unwrap();
/// let r = chain(&input, &NoZones)?;
/// assert_eq!((r.availability.exact.as_str(), r.worst_case.exact.as_str()), ("99.940005", "99.94"));
/// assert_eq!(r.meets, Some(true));
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn chain(input: &Value, zones: &dyn Zones) -> Result<ChainResult, Error> {
    let o = Object::new(
        input,
        Field::Input,
        "",
        &["parts", "service", "target", "period", "calendar", "money"],
    )?;
    let target = match o.optional_text("target")? {
        None => None,
        Some(t) => Some((
            t.trim().to_string(),
            Exact::from_percent(t)
                .map_err(|r| invalid(Field::Target, "", format!("target {r}")))?,
        )),
    };
    let period = Period::parse(o.optional_text("period")?.unwrap_or("month"))?;
    // The time the downtimes are counted in: the chain's service hours, or round the clock.
    let calendar = match o.get("calendar") {
        None => None,
        Some(v) => Some(CalendarInput::read(v)?.calendar(zones)?),
    };
    let list = match o.get("parts") {
        Some(Value::List(list)) if !list.is_empty() => list,
        Some(Value::List(_)) | None => {
            return Err(o.error("parts", "give the parts: at least one component"));
        }
        Some(other) => {
            return Err(o.error(
                "parts",
                format!("must be a list of parts, not {}", other.kind()),
            ))
        }
    };
    const MAX_PARTS: usize = 5_000;
    if list.len() > MAX_PARTS {
        return Err(Error::TooLarge {
            field: Field::Input,
            part: "parts".to_string(),
            reason: format!("{} parts: a chain holds at most {MAX_PARTS}", list.len()),
        });
    }
    let mut given = list
        .iter()
        .enumerate()
        .map(|(i, v)| read_part(v, i, target.is_some()))
        .collect::<Result<Vec<_>, _>>()?;
    let service = match o.optional_text("service")? {
        Some(s) => s.trim().to_string(),
        None => given
            .last()
            .map(|g| g.part.name.clone())
            .unwrap_or_default(),
    };
    let parts: Vec<Part> = given.iter().map(|g| g.part.clone()).collect();
    let mut chain = Chain::new(&parts, &service)?;
    // Promises over other periods or hours than the chain's: what they guarantee in the chain's, at
    // worst (before the internal promises, which must make up for it).
    let (worst, conversions) = convert_promises(
        &given,
        &period,
        calendar.as_ref(),
        &own_hours(&given, zones)?,
    )?;
    let at_worst = |chain: &mut Chain| {
        for (name, a) in &worst {
            chain.set_worst_case(name, a.clone());
        }
    };
    at_worst(&mut chain);
    // The promises of the internal components, then the chain with them.
    let internal: Vec<(&str, u64)> = given
        .iter()
        .filter(|g| g.internal)
        .map(|g| (g.part.name.as_str(), g.weight))
        .collect();
    let mut promises: Vec<(String, Exact)> = Vec::new();
    if let (Some((_, t)), false) = (&target, internal.is_empty()) {
        promises = chain.promises(t, &internal)?;
        for g in given.iter_mut().filter(|g| g.promised) {
            if let Some((_, p)) = promises.iter().find(|p| p.0 == g.part.name) {
                g.part.kind = Kind::Component(p.percent());
            }
        }
        let parts: Vec<Part> = given.iter().map(|g| g.part.clone()).collect();
        chain = Chain::new(&parts, &service)?;
        at_worst(&mut chain);
    }
    // The time the downtimes are counted in: the period round the clock, or its service hours.
    let (length, basis) = match &calendar {
        None => (period.length(), "round the clock".to_string()),
        Some(calendar) => {
            let time = crate::budget::ServiceTime::measure(period.clone(), calendar)?;
            (
                time.service(),
                format!("{}: {}", time.basis(), time.summary()),
            )
        }
    };
    // Each part's figure (the service's and its dependencies' among them), within one bound on the work.
    let figures = chain.availabilities()?;
    let figure_of: std::collections::HashMap<&str, &Exact> = given
        .iter()
        .map(|g| g.part.name.as_str())
        .zip(&figures)
        .collect();
    let availability = figure_of
        .get(chain.service())
        .map_or_else(Exact::zero, |a| (*a).clone());
    let worst = chain.worst_case();
    let extra_nine: Vec<(&str, bool)> = match &target {
        Some(t) => chain
            .needed_in_series()
            .into_iter()
            .map(|n| {
                (
                    n,
                    figure_of.get(n).is_some_and(|a| a.offers_extra_nine(&t.1)),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let shares = target
        .as_ref()
        .and_then(|t| chain.budget_shares(&t.1))
        .unwrap_or_default();
    // The groups that use each part, in one pass over the groups.
    let mut users: std::collections::HashMap<&str, Vec<String>> = std::collections::HashMap::new();
    for g in &given {
        for child in uses_of(&chain, &g.part) {
            users.entry(child).or_default().push(g.part.name.clone());
        }
    }
    // Each part's promise, share and extra nine, by name.
    let promise_of: std::collections::HashMap<&str, &Exact> =
        promises.iter().map(|p| (p.0.as_str(), &p.1)).collect();
    let share_of: std::collections::HashMap<&str, &str> =
        shares.iter().map(|b| (b.0, b.1.as_str())).collect();
    let nine_of: std::collections::HashMap<&str, bool> = extra_nine.iter().copied().collect();
    let mut results = Vec::with_capacity(given.len());
    for (g, a) in given.iter().zip(&figures) {
        let name = &g.part.name;
        let uses: Vec<String> = uses_of(&chain, &g.part)
            .iter()
            .map(|s| s.to_string())
            .collect();
        let kind = match (&g.part.kind, chain.group(name)) {
            (Kind::Failover { .. }, _) => "failover".to_string(),
            (_, None) => "component".to_string(),
            (_, Some((k, of))) => match k {
                k if k == of.len() => "series".to_string(),
                1 => "parallel".to_string(),
                k => format!("{k} of {}", of.len()),
            },
        };
        let used_by = users.remove(name.as_str()).unwrap_or_default();
        results.push(ChainPartResult {
            name: name.clone(),
            kind,
            uses,
            used_by,
            availability: figure(a, length),
            internal: g.internal,
            promise: promise_of.get(name.as_str()).map(|p| p.percent()),
            budget_share: share_of.get(name.as_str()).map(|b| b.to_string()),
            extra_nine: nine_of.get(name.as_str()).copied(),
        });
    }
    let money = match o.get("money") {
        None => None,
        Some(v) => {
            let parts: Vec<(&str, &PartMoney, bool)> = given
                .iter()
                .map(|g| {
                    (
                        g.part.name.as_str(),
                        &g.money,
                        chain.group(&g.part.name).is_none(),
                    )
                })
                .collect();
            Some(money(
                v,
                &chain,
                &parts,
                &figures,
                target.as_ref().map(|t| t.0.as_str()),
            )?)
        }
    };
    let meets = target.as_ref().map(|t| availability >= t.1);
    let meets_worst_case = target.as_ref().map(|t| worst >= t.1);
    let mut verdict = vec![format!(
        "The service “{service}” is available {}% of the time if its components fail independently, and {}% at worst, as the contracts alone guarantee.",
        availability.percent_down(6),
        worst.percent_down(6)
    )];
    if let Some((text, _)) = &target {
        verdict.push(match (meets, meets_worst_case) {
            (Some(true), Some(true)) => format!("It meets {text}% both ways."),
            (Some(true), _) => format!(
                "It meets {text}% only if outages fall independently: at worst it does not."
            ),
            _ => format!("It does not meet {text}%, even with outages falling independently."),
        });
        let short: Vec<&str> = extra_nine.iter().filter(|e| !e.1).map(|e| e.0).collect();
        if !short.is_empty() {
            verdict.push(format!(
                "Dependencies without one more nine than the service: {}.",
                short.join(", ")
            ));
        }
    }
    let shared: Vec<&str> = results
        .iter()
        .filter(|r| r.used_by.len() > 1)
        .map(|r| r.name.as_str())
        .collect();
    if !shared.is_empty() {
        verdict.push(format!("Shared, and counted once: {}.", shared.join(", ")));
    }
    let failovers: Vec<String> = chain
        .switch_overs()
        .into_iter()
        .map(|(name, _, switches, millis)| {
            let each = ExactDuration::from_nanos(millis * 1_000_000).unwrap_or(ExactDuration::ZERO);
            format!(
                "Failover “{name}”: its parts are used one at a time, in order; it is down while all of them are, and for {each} at each of its {switches} switch-over{} an average month, counted apart from the time all its parts are down (a bound: the two may overlap).",
                if switches == 1.0 { "" } else { "s" }
            )
        })
        .collect();
    let downtimes = if basis == "round the clock" {
        "Downtimes are over the period round the clock, rounded down to the nanosecond.".to_string()
    } else {
        format!("Downtimes are over the period's {basis}, rounded down to the nanosecond.")
    };
    Ok(ChainResult {
        service,
        period: period.label(),
        basis,
        availability: figure(&availability, length),
        worst_case: figure(&worst, length),
        assumptions: vec![
            "Availability: components fail independently of each other; a part used by several groups is one part, counted once.".to_string(),
            "Worst case: outages of parts in series never overlap, those of redundant parts overlap as far as they can; a part used inside several redundant groups counts in each.".to_string(),
            downtimes,
        ]
        .into_iter()
        .chain(failovers)
        .chain(conversions)
        .collect(),
        target: target.map(|t| t.0),
        meets,
        meets_worst_case,
        parts: results,
        verdict,
        money,
    })
}
