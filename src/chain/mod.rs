//! Service chains: the availability of a service made of components, some in series (all needed), some
//! redundant (any one suffices, or k of n), some shared by several paths; computed exactly, as decimals.
//!
//! A chain is a set of named parts: components with an availability, and groups of other parts. A part
//! used by several groups is one part: its outages are the same outages wherever it is used, so it is
//! counted once, not multiplied in twice.
//!
//! Two figures are given, each with its assumption:
//! - **independent** ([`Chain::availability`]): components fail independently of each other. Series
//!   multiply (99.95% x 99.99% = 99.940005% exactly), redundant groups multiply their unavailabilities
//!   (1 - 0.0001 x 0.001 = 99.99999%), k of n sums the binomial terms. Exact: every figure is a product and
//!   sum of the decimals given.
//! - **contractual worst case** ([`Chain::worst_case`]): what the contracts alone guarantee, when outages fall
//!   as badly as they can. Outages of parts in series never overlap (their downtimes add: 99.41% and
//!   99.71% give 99.12%), each part counted once however deep in series; outages of redundant parts
//!   overlap as far as they can (a pair is down as long as its better part); a part used inside several
//!   redundant groups counts in each (a bound).
//!
//! ```
//! use slacalc::chain::{Chain, Part};
//! let chain = Chain::new(&[
//!     Part::component("web app", "99.95"),
//!     Part::component("database", "99.99"),
//!     Part::series("service", &["web app", "database"]),
//! ], "service")?;
//! assert_eq!(chain.availability()?.percent(), "99.940005");
//! assert_eq!(chain.worst_case().percent(), "99.94");
//! # Ok::<(), slacalc::Error>(())
//! ```

use crate::error::{Error, Field};
pub mod money;
mod natural;

use natural::Natural;

/// A probability written exactly as a decimal: `units / 10^scale`, from 0 to 1.
///
/// ```
/// use slacalc::chain::Exact;
/// let a = Exact::from_percent("99.95").unwrap();
/// let b = Exact::from_percent("99.99").unwrap();
/// assert_eq!(a.times(&b).percent(), "99.940005");
/// assert_eq!(a.complement().percent(), "0.05");
/// ```
#[derive(Clone, Debug)]
pub struct Exact {
    units: Natural,
    scale: u32,
}

impl PartialEq for Exact {
    fn eq(&self, other: &Exact) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Exact {}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> std::cmp::Ordering {
        let (a, b, _) = self.aligned(other);
        a.cmp(&b)
    }
}

/// The most decimal places a percentage given may have.
const MAX_PERCENT_DECIMALS: usize = 12;

impl Exact {
    /// 1: certain.
    pub fn one() -> Exact {
        Exact {
            units: Natural::from_u64(1),
            scale: 0,
        }
    }

    /// 0: never.
    pub fn zero() -> Exact {
        Exact {
            units: Natural::default(),
            scale: 0,
        }
    }

    /// A percentage as written ("99.95", "100", "99,9"), from 0 to 100, with at most 12 decimals; the
    /// reason it is refused otherwise.
    pub fn from_percent(text: &str) -> Result<Exact, String> {
        let t = text.trim().trim_end_matches('%').trim_end();
        let (whole, fraction) = match t.find(['.', ',']) {
            Some(i) => (&t[..i], &t[i + 1..]),
            None => (t, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if t.is_empty()
            || !digits(whole)
            || !digits(fraction)
            || (whole.is_empty() && fraction.is_empty())
        {
            return Err(format!(
                "\"{}\" is not a percentage such as 99.95",
                text.trim()
            ));
        }
        let fraction = fraction.trim_end_matches('0');
        if fraction.len() > MAX_PERCENT_DECIMALS {
            return Err(format!(
                "\"{}\" has more than {MAX_PERCENT_DECIMALS} decimals",
                text.trim()
            ));
        }
        let whole = whole.trim_start_matches('0');
        if whole.len() > 3 {
            return Err(format!("\"{}\" is more than 100%", text.trim()));
        }
        let value = Exact {
            units: Natural::parse(&format!("{whole}{fraction}")).unwrap_or_default(),
            scale: fraction.len() as u32 + 2,
        };
        if value > Exact::one() {
            return Err(format!("\"{}\" is more than 100%", text.trim()));
        }
        Ok(value)
    }

    /// Both as units of the finer scale, and that scale.
    fn aligned(&self, other: &Exact) -> (Natural, Natural, u32) {
        let scale = self.scale.max(other.scale);
        let up = |e: &Exact| e.units.times_pow10(scale - e.scale);
        (up(self), up(other), scale)
    }

    /// This times `num / den`, rounded up at `decimals` decimals of the fraction (not of a percent), and
    /// at most 1: a share of time made larger by a ratio of periods, never understated.
    ///
    /// ```
    /// use slacalc::chain::Exact;
    /// let u = Exact::from_percent("0.1").unwrap(); // 0.001
    /// assert_eq!(u.times_ratio_up(2_629_746, 604_800, 12).percent(), "0.4348125");
    /// assert_eq!(u.times_ratio_up(1, 3, 12).percent(), "0.0333333334");
    /// assert_eq!(u.times_ratio_up(5_000, 1, 12), Exact::one());
    /// ```
    pub fn times_ratio_up(&self, num: u64, den: u64, decimals: u32) -> Exact {
        let n = self.units.times_small(num).times_pow10(decimals);
        let d = Natural::from_u64(den.max(1)).times_pow10(self.scale);
        let mut units = n.div_floor(&d);
        if units.times(&d) < n {
            units = units.plus(&Natural::from_u64(1));
        }
        Exact {
            units,
            scale: decimals,
        }
        .min(Exact::one())
    }

    /// This times `other`.
    pub fn times(&self, other: &Exact) -> Exact {
        Exact {
            units: self.units.times(&other.units),
            scale: self.scale + other.scale,
        }
        .trimmed()
    }

    /// This plus `other`.
    pub fn plus(&self, other: &Exact) -> Exact {
        let (a, b, scale) = self.aligned(other);
        Exact {
            units: a.plus(&b),
            scale,
        }
        .trimmed()
    }

    /// This less `other`, or zero when `other` is larger.
    pub fn less(&self, other: &Exact) -> Exact {
        let (a, b, scale) = self.aligned(other);
        if b >= a {
            return Exact::zero();
        }
        Exact {
            units: a.minus(&b),
            scale,
        }
        .trimmed()
    }

    /// 1 less this: the unavailability of an availability.
    pub fn complement(&self) -> Exact {
        Exact::one().less(self)
    }

    /// The same value without trailing zero decimals.
    fn trimmed(mut self) -> Exact {
        while self.scale > 0 {
            let (tenth, rest) = self.units.div_small(10);
            if rest != 0 {
                break;
            }
            self.units = tenth;
            self.scale -= 1;
        }
        self
    }

    /// This divided by a whole number `n` (at least 1), rounded down to `scale` decimals when it does not
    /// end.
    fn divided_down(&self, n: u64, scale: u32) -> Exact {
        let scale = scale.max(self.scale);
        let units = self.units.times_pow10(scale - self.scale);
        Exact {
            units: units.div_small(n.max(1)).0,
            scale,
        }
        .trimmed()
    }

    /// This divided by a whole number `n` (at least 1), rounded up to `scale` decimals when it does not end.
    fn divided_up(&self, n: u64, scale: u32) -> Exact {
        let scale = scale.max(self.scale);
        let units = self.units.times_pow10(scale - self.scale);
        let (quotient, rest) = units.div_small(n.max(1));
        let rounded_up = if rest == 0 {
            quotient
        } else {
            quotient.plus(&Natural::from_u64(1))
        };
        Exact {
            units: rounded_up,
            scale,
        }
        .trimmed()
    }

    /// As a percentage, every decimal written: `"99.940005"`, `"100"`.
    pub fn percent(&self) -> String {
        let digits = self.units.to_string();
        let point = self.scale.saturating_sub(2) as usize;
        let (whole, fraction) = if digits.len() > point {
            let (w, f) = digits.split_at(digits.len() - point);
            (w.to_string(), f.to_string())
        } else {
            ("0".to_string(), format!("{digits:0>point$}"))
        };
        let whole = if self.scale < 2 {
            format!("{whole}{}", "0".repeat(2 - self.scale as usize))
        } else {
            whole
        };
        let whole = whole.trim_start_matches('0');
        let whole = if whole.is_empty() { "0" } else { whole };
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{fraction}")
        }
    }

    /// As a percentage with at most `decimals` decimals, the rest cut off (so that an availability is
    /// never shown higher than it is): `99.9499950050` to 4 decimals is `"99.9499"`.
    pub fn percent_down(&self, decimals: u32) -> String {
        let keep = decimals + 2;
        if self.scale <= keep {
            return self.percent();
        }
        Exact {
            units: self.units.div_pow10(self.scale - keep),
            scale: keep,
        }
        .trimmed()
        .percent()
    }

    /// `whole` x this, rounded down to a whole number: the part of an amount (nanoseconds of a period)
    /// this share is.
    pub fn of_whole(&self, whole: u64) -> u64 {
        self.units.times_small(whole).div_pow10(self.scale).to_u64()
    }

    /// This as a percentage of `of` (not zero), rounded down to `decimals` decimals: `"12.5"`.
    pub fn percent_of(&self, of: &Exact, decimals: u32) -> String {
        let (a, b, _) = self.aligned(of);
        if b.is_zero() {
            return "0".to_string();
        }
        let scaled = a.times_pow10(decimals + 2).div_floor(&b);
        Exact {
            units: scaled,
            scale: decimals + 2,
        }
        .trimmed()
        .percent()
    }

    /// The nearest `f64`, for charts and sorting only.
    pub fn to_f64(&self) -> f64 {
        self.percent().parse::<f64>().unwrap_or(0.0) / 100.0
    }
}

/// What a part of a chain is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A component with its availability, a percentage as written ("99.95").
    Component(String),
    /// Parts all needed.
    Series(Vec<String>),
    /// Parts of which any one suffices.
    Parallel(Vec<String>),
    /// Parts of which `k` suffice.
    KOfN(usize, Vec<String>),
    /// Parts used one at a time, in order: when the one in use fails, the next one up takes over after a
    /// switch-over, during which the group is down.
    Failover {
        /// The parts, the first used first.
        of: Vec<String>,
        /// How long a switch-over takes, in milliseconds.
        switch_millis: u64,
        /// Switch-overs in an average month, in millionths.
        switches_micros: u64,
    },
}

/// One named part of a chain: a component or a group of other parts, by their names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Its name, by which groups use it.
    pub name: String,
    /// What it is.
    pub kind: Kind,
}

impl Part {
    /// A component of availability `percent`.
    pub fn component(name: &str, percent: &str) -> Part {
        Part {
            name: name.to_string(),
            kind: Kind::Component(percent.to_string()),
        }
    }

    /// A group of `parts` all needed.
    pub fn series(name: &str, parts: &[&str]) -> Part {
        Part {
            name: name.to_string(),
            kind: Kind::Series(parts.iter().map(|p| p.to_string()).collect()),
        }
    }

    /// A group of `parts` of which any one suffices.
    pub fn parallel(name: &str, parts: &[&str]) -> Part {
        Part {
            name: name.to_string(),
            kind: Kind::Parallel(parts.iter().map(|p| p.to_string()).collect()),
        }
    }

    /// A group of `parts` of which `k` suffice.
    pub fn k_of_n(name: &str, k: usize, parts: &[&str]) -> Part {
        Part {
            name: name.to_string(),
            kind: Kind::KOfN(k, parts.iter().map(|p| p.to_string()).collect()),
        }
    }

    /// A group of `parts` used one at a time, in order, switching over `switches_per_month` times an
    /// average month (a decimal such as "0.5"; 0 if it is not one), each switch-over taking
    /// `switch_millis` milliseconds.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Part};
    /// // Two regions of 99.9%, one switch-over a month of 2 629.746 s: a thousandth of an average month.
    /// let chain = Chain::new(&[
    ///     Part::component("primary", "99.9"),
    ///     Part::component("standby", "99.9"),
    ///     Part::failover("regions", &["primary", "standby"], 2_629_746, "1"),
    /// ], "regions")?;
    /// // (1 - 0.001 x 0.001) x (1 - 0.001) = 0.999999 x 0.999 = 99.8999001%.
    /// assert_eq!(chain.availability()?.percent(), "99.8999001");
    /// // At worst the pair is down as long as its better part (0.1%), and the switch-over adds 0.1%.
    /// assert_eq!(chain.worst_case().percent(), "99.8");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn failover(
        name: &str,
        parts: &[&str],
        switch_millis: u64,
        switches_per_month: &str,
    ) -> Part {
        let micros = crate::value::decimal(switches_per_month, 6, None).unwrap_or(0) as u64;
        Part {
            name: name.to_string(),
            kind: Kind::Failover {
                of: parts.iter().map(|p| p.to_string()).collect(),
                switch_millis,
                switches_micros: micros,
            },
        }
    }
}

/// The share of time a failover group spends switching over, `switches_micros` millionths of a
/// switch-over an average month of 2 629 746 s, each `switch_millis` long: rounded up at the 24th decimal,
/// so that the availability left is never overstated; at most 1.
fn switching_share(switches_micros: u64, switch_millis: u64) -> Exact {
    Exact {
        units: Natural::from_u64(switches_micros),
        scale: 0,
    }
    .times_ratio_up(switch_millis, 2_629_746 * 1_000_000_000, 24)
}

/// A part as the chain holds it: a component's availability, or a group of parts by their places.
#[derive(Clone, Debug)]
enum Node {
    Component(Exact),
    Group { k: usize, of: Vec<usize> },
}

/// A service chain, checked: every part used is defined, groups hold what they need, nothing depends on
/// itself.
#[derive(Clone, Debug)]
pub struct Chain {
    names: Vec<String>,
    /// Each part's place by its name.
    places: std::collections::HashMap<String, usize>,
    nodes: Vec<Node>,
    root: usize,
    /// The failover groups: each is, inside, a series of its parts as a redundant group and of its
    /// switch-overs as a component, both kept after the parts given; the switch-overs' node, with their
    /// rate (millionths a month) and length (milliseconds).
    failovers: Vec<Failover>,
    /// A component's availability over the service's period at worst, where its promise is measured
    /// over other periods and so guarantees less ([`Chain::set_worst_case`]).
    worst: Vec<Option<Exact>>,
}

/// A failover group as the chain holds it.
#[derive(Clone, Debug)]
struct Failover {
    /// The group's place.
    group: usize,
    /// The place of its switch-overs' component.
    switching: usize,
    switches_micros: u64,
    switch_millis: u64,
}

/// The most outcomes of shared components an exact figure weighs (each shared component inside a
/// redundant group doubles them).
pub const MAX_OUTCOMES: usize = 1 << 12;

/// The most parts an exact figure looks at in all, counting each time a part is looked at again (the
/// parts inside each shared group, each outcome): a bound on the time one answer takes.
pub const MAX_LOOKS: usize = 5_000_000;

/// The deepest groups may nest (a group inside a group ... inside the service).
pub const MAX_DEPTH: usize = 200;

/// What an exact figure has weighed so far: outcomes of shared components, and parts looked at.
#[derive(Default)]
struct Looks {
    outcomes: usize,
    parts: usize,
}

fn refuse(name: &str, reason: String) -> Error {
    Error::InvalidValue {
        field: Field::Input,
        part: name.to_string(),
        reason,
    }
}

impl Chain {
    /// The chain of `parts` whose service is the part named `service`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] with field `input` and the part's name as its part: a name given twice or empty, a
    /// part used but not defined, a group that uses a part twice, an empty group, a parallel group of one,
    /// k greater than n or 0, a part that depends on itself, an availability that is not a percentage.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Part};
    /// let err = Chain::new(&[Part::parallel("pair", &["a", "b"]), Part::component("a", "99")], "pair")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "input.pair: it uses \"b\", which is not defined");
    /// ```
    pub fn new(parts: &[Part], service: &str) -> Result<Chain, Error> {
        let mut names: Vec<String> = Vec::with_capacity(parts.len());
        let mut places = std::collections::HashMap::new();
        for p in parts {
            let name = p.name.trim();
            if name.is_empty() {
                return Err(refuse("", "a part has no name".to_string()));
            }
            if places.insert(name.to_string(), names.len()).is_some() {
                return Err(refuse(name, "this name is given to two parts".to_string()));
            }
            names.push(name.to_string());
        }
        let mut nodes = Vec::with_capacity(parts.len());
        // A failover group's inner parts, made after the parts given: (group, its parts, switch-overs).
        let mut inner: Vec<(usize, Vec<usize>, u64, u64)> = Vec::new();
        for (p, name) in parts.iter().zip(&names) {
            let group = |k: usize, of: &[String], parallel: bool| -> Result<Node, Error> {
                let mut places_of = Vec::with_capacity(of.len());
                for child in of {
                    let child = child.trim();
                    let Some(&c) = places.get(child) else {
                        return Err(refuse(
                            name,
                            format!("it uses \"{child}\", which is not defined"),
                        ));
                    };
                    if places_of.contains(&c) {
                        return Err(refuse(name, format!("it uses \"{child}\" twice")));
                    }
                    places_of.push(c);
                }
                let n = places_of.len();
                if n == 0 {
                    return Err(refuse(name, "the group holds no parts".to_string()));
                }
                if parallel && n == 1 {
                    return Err(refuse(
                        name,
                        "a redundant group of one part is no redundancy: put the part in series or add another"
                            .to_string(),
                    ));
                }
                if k == 0 || k > n {
                    return Err(refuse(
                        name,
                        format!(
                            "{k} of {n} cannot be: k must be from 1 to the {n} parts of the group"
                        ),
                    ));
                }
                Ok(Node::Group { k, of: places_of })
            };
            nodes.push(match &p.kind {
                Kind::Component(percent) => Node::Component(
                    Exact::from_percent(percent)
                        .map_err(|reason| refuse(name, format!("availability {reason}")))?,
                ),
                Kind::Series(of) => group(of.len(), of, false)?,
                Kind::Parallel(of) => group(1, of, true)?,
                Kind::KOfN(k, of) => group(*k, of, false)?,
                Kind::Failover {
                    of,
                    switch_millis,
                    switches_micros,
                } => {
                    let Node::Group { of, .. } = group(1, of, true)? else {
                        unreachable!("a group is a group")
                    };
                    inner.push((nodes.len(), of, *switch_millis, *switches_micros));
                    // Its place holds the series of the two, filled in below.
                    Node::Group {
                        k: 2,
                        of: Vec::new(),
                    }
                }
            });
        }
        let mut failovers = Vec::with_capacity(inner.len());
        for (g, of, switch_millis, switches_micros) in inner {
            let (redundant, switching) = (nodes.len(), nodes.len() + 1);
            for (name, node) in [
                (format!("{}, its parts", names[g]), Node::Group { k: 1, of }),
                (
                    format!("{}, switch-overs", names[g]),
                    Node::Component(switching_share(switches_micros, switch_millis).complement()),
                ),
            ] {
                if places.insert(name.clone(), names.len()).is_some() {
                    return Err(refuse(&name, "this name is given to two parts".to_string()));
                }
                names.push(name);
                nodes.push(node);
            }
            nodes[g] = Node::Group {
                k: 2,
                of: vec![redundant, switching],
            };
            failovers.push(Failover {
                group: g,
                switching,
                switches_micros,
                switch_millis,
            });
        }
        let Some(&root) = places.get(service.trim()) else {
            return Err(refuse(
                service.trim(),
                "the service is not one of the parts defined".to_string(),
            ));
        };
        let chain = Chain {
            names,
            places,
            nodes,
            root,
            failovers,
            worst: Vec::new(),
        };
        chain.check_cycles()?;
        chain.check_depth()?;
        Ok(chain)
    }

    /// The children of part `n` (none for a component).
    fn children(&self, n: usize) -> &[usize] {
        match &self.nodes[n] {
            Node::Component(_) => &[],
            Node::Group { of, .. } => of,
        }
    }

    /// Refuses a part that depends on itself, naming the loop.
    fn check_cycles(&self) -> Result<(), Error> {
        // 0: not visited, 1: on the path, 2: done.
        let mut state = vec![0u8; self.nodes.len()];
        let mut path = Vec::new();
        for start in 0..self.nodes.len() {
            if state[start] != 0 {
                continue;
            }
            // Depth first, with each part's next child to visit.
            let mut stack = vec![(start, 0usize)];
            state[start] = 1;
            path.push(start);
            while let Some((n, i)) = stack.pop() {
                match self.children(n).get(i) {
                    None => {
                        state[n] = 2;
                        path.pop();
                    }
                    Some(&c) => {
                        stack.push((n, i + 1));
                        match state[c] {
                            0 => {
                                state[c] = 1;
                                path.push(c);
                                stack.push((c, 0));
                            }
                            1 => {
                                let from = path.iter().position(|&p| p == c).unwrap_or(0);
                                let names: Vec<&str> = path[from..]
                                    .iter()
                                    .chain([&c])
                                    .filter(|&&p| !self.is_inner(p))
                                    .map(|&p| self.names[p].as_str())
                                    .collect();
                                return Err(refuse(
                                    &self.names[c],
                                    format!("it depends on itself: {}", names.join(" → ")),
                                ));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The name of the service's part.
    pub fn service(&self) -> &str {
        &self.names[self.root]
    }

    /// The parts' names, in the order defined.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// What part `name` is, with its parts' names: (`k`, parts) for a group (`k` = parts: in series,
    /// 1: redundant), `None` for a component or an unknown name.
    pub fn group(&self, name: &str) -> Option<(usize, Vec<&str>)> {
        let n = self.place(name)?;
        match &self.nodes[n] {
            Node::Component(_) => None,
            Node::Group { k, of } => {
                Some((*k, of.iter().map(|&c| self.names[c].as_str()).collect()))
            }
        }
    }

    /// Takes component `name` to be available `at_worst` over the service's period in the worst case
    /// (its promise, measured over other periods, guarantees only that); the independent figure keeps
    /// its availability. False when no component has that name.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Exact, Part};
    /// let mut chain = Chain::new(&[
    ///     Part::component("backup", "99.9"),
    ///     Part::component("app", "99.95"),
    ///     Part::series("service", &["backup", "app"]),
    /// ], "service")?;
    /// // 99.9% a year: a month may hold the whole year's 0.1%, 1.2% of the month.
    /// let year = Exact::from_percent("99.9").unwrap().complement().times_ratio_up(12, 1, 12);
    /// assert!(chain.set_worst_case("backup", year.complement()));
    /// assert_eq!(chain.worst_case().percent(), "98.75");
    /// assert_eq!(chain.availability()?.percent(), "99.85005");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn set_worst_case(&mut self, name: &str, at_worst: Exact) -> bool {
        match self.place(name) {
            Some(n) if matches!(self.nodes[n], Node::Component(_)) => {
                self.worst.resize(self.nodes.len(), None);
                self.worst[n] = Some(at_worst);
                true
            }
            _ => false,
        }
    }

    /// Whether part `n` is made inside a failover group (its parts as a redundant group, its
    /// switch-overs), not given.
    fn is_inner(&self, n: usize) -> bool {
        self.failovers
            .iter()
            .any(|f| n == f.switching || n + 1 == f.switching)
    }

    /// Whether part `n` is a failover group.
    fn is_failover(&self, n: usize) -> bool {
        self.failovers.iter().any(|f| f.group == n)
    }

    /// Each failover group's name with its switch-overs' component's name, switch-overs a month and
    /// their length in milliseconds.
    pub fn switch_overs(&self) -> Vec<(&str, &str, f64, u64)> {
        self.failovers
            .iter()
            .map(|f| {
                (
                    self.names[f.group].as_str(),
                    self.names[f.switching].as_str(),
                    f.switches_micros as f64 / 1e6,
                    f.switch_millis,
                )
            })
            .collect()
    }

    fn place(&self, name: &str) -> Option<usize> {
        self.places.get(name.trim()).copied()
    }

    /// Refuses groups nested deeper than [`MAX_DEPTH`] (the figures are worked out part inside part).
    fn check_depth(&self) -> Result<(), Error> {
        // Each part's depth below it, its parts' worked out first.
        let mut depth = vec![0usize; self.nodes.len()];
        for n in self.bottom_up() {
            let d = self
                .children(n)
                .iter()
                .map(|&c| depth[c] + 1)
                .max()
                .unwrap_or(0);
            if d > MAX_DEPTH {
                return Err(refuse(
                    &self.names[n],
                    format!("its groups nest {d} deep, more than the {MAX_DEPTH} a chain may hold"),
                ));
            }
            depth[n] = d;
        }
        Ok(())
    }

    /// The names of the components the service uses, in the order they were defined.
    pub fn components(&self) -> Vec<&str> {
        let used = self.reachable(self.root, &vec![None; self.nodes.len()]);
        (0..self.nodes.len())
            .filter(|&n| used[n] && matches!(self.nodes[n], Node::Component(_)))
            .map(|n| self.names[n].as_str())
            .collect()
    }

    /// Which parts `from` uses, itself included, not looking inside parts given a value in `known`.
    fn reachable(&self, from: usize, known: &[Option<Exact>]) -> Vec<bool> {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack = vec![from];
        seen[from] = true;
        while let Some(n) = stack.pop() {
            if known[n].is_some() {
                continue;
            }
            for &c in self.children(n) {
                if !seen[c] {
                    seen[c] = true;
                    stack.push(c);
                }
            }
        }
        seen
    }

    /// The availability of the service, components failing independently: exact.
    ///
    /// A part used by several groups is counted once: the groups inside which it lies are weighed with
    /// it up and with it down.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Part};
    /// // Two regions of 99.95% behind one front door of 99.99%, shared.
    /// let chain = Chain::new(&[
    ///     Part::component("front door", "99.99"),
    ///     Part::component("region 1", "99.95"),
    ///     Part::component("region 2", "99.95"),
    ///     Part::parallel("regions", &["region 1", "region 2"]),
    ///     Part::series("service", &["front door", "regions"]),
    /// ], "service")?;
    /// assert_eq!(chain.availability()?.percent(), "99.9899750025");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::TooLarge`] when shared components inside redundant groups would need more than
    /// [`MAX_OUTCOMES`] outcomes weighed.
    pub fn availability(&self) -> Result<Exact, Error> {
        self.availability_at(self.root)
    }

    /// The availability of the part named `name` (`None`: no such part), as [`Chain::availability`]
    /// gives the service's: the figure a diagram shows on each part.
    ///
    /// # Errors
    /// As [`Chain::availability`].
    pub fn availability_of(&self, name: &str) -> Result<Option<Exact>, Error> {
        self.place(name)
            .map(|n| self.availability_at(n))
            .transpose()
    }

    fn availability_at(&self, root: usize) -> Result<Exact, Error> {
        self.weigh_from(root, &mut Looks::default())
    }

    /// The availability of every part, in the order defined, as [`Chain::availability`] gives the
    /// service's: the figures a diagram shows, within one bound on the work for them all.
    ///
    /// # Errors
    /// As [`Chain::availability`].
    pub fn availabilities(&self) -> Result<Vec<Exact>, Error> {
        // Parts before the groups that use them. A group whose parts use no uncertain component in common
        // is their independent combination; only the others are weighed from scratch, shared parts and all.
        let n = self.nodes.len();
        let words = n.div_ceil(64);
        let certain = |a: &Exact| *a == Exact::one() || *a == Exact::zero();
        let mut below: Vec<Vec<u64>> = vec![Vec::new(); n];
        let mut values: Vec<Option<Exact>> = vec![None; n];
        let mut looks = Looks::default();
        for i in self.bottom_up() {
            let mut set = vec![0u64; words];
            match &self.nodes[i] {
                Node::Component(a) => {
                    if !certain(a) {
                        set[i / 64] |= 1 << (i % 64);
                    }
                    values[i] = Some(a.clone());
                }
                Node::Group { k, of } => {
                    let mut apart = 0u32;
                    for &c in of {
                        for (w, x) in set.iter_mut().zip(&below[c]) {
                            apart += x.count_ones();
                            *w |= x;
                        }
                    }
                    let together: u32 = set.iter().map(|x| x.count_ones()).sum();
                    values[i] = Some(if apart == together {
                        let parts: Vec<Exact> = of
                            .iter()
                            .map(|&c| values[c].clone().unwrap_or_else(Exact::zero))
                            .collect();
                        k_of(*k, &parts)
                    } else {
                        self.weigh_from(i, &mut looks)?
                    });
                }
            }
            below[i] = set;
        }
        Ok(values
            .into_iter()
            .map(|v| v.unwrap_or_else(Exact::zero))
            .collect())
    }

    /// Every part, each after the parts it uses (depth first, in the order defined).
    fn bottom_up(&self) -> Vec<usize> {
        let n = self.nodes.len();
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        for start in 0..n {
            let mut stack = vec![(start, 0usize)];
            while let Some((p, i)) = stack.pop() {
                if done[p] {
                    continue;
                }
                match self.children(p).get(i) {
                    Some(&c) => {
                        stack.push((p, i + 1));
                        if !done[c] {
                            stack.push((c, 0));
                        }
                    }
                    None => {
                        done[p] = true;
                        order.push(p);
                    }
                }
            }
        }
        order
    }

    /// The availability of part `root`, its components taken at their availability.
    fn weigh_from(&self, root: usize, looks: &mut Looks) -> Result<Exact, Error> {
        if let Node::Component(a) = &self.nodes[root] {
            return Ok(a.clone());
        }
        self.look(root, looks, self.nodes.len())?;
        let mut known: Vec<Option<Exact>> = self
            .nodes
            .iter()
            .map(|n| match n {
                Node::Component(a) => Some(a.clone()),
                Node::Group { .. } => None,
            })
            .collect();
        self.weigh(root, &mut known, looks)
    }

    /// Counts `n` more parts looked at for the figure of `root`, refusing past [`MAX_LOOKS`].
    fn look(&self, root: usize, looks: &mut Looks, n: usize) -> Result<(), Error> {
        looks.parts += n;
        if looks.parts > MAX_LOOKS {
            return Err(Error::TooLarge {
                field: Field::Input,
                part: self.names[root].clone(),
                reason: "too many parts shared by several groups to count exactly in good time: share fewer, or give a shared group's availability as one component".to_string(),
            });
        }
        Ok(())
    }

    /// The availability of part `root`, the parts in `known` taken at their value.
    fn weigh(
        &self,
        root: usize,
        known: &mut Vec<Option<Exact>>,
        looks: &mut Looks,
    ) -> Result<Exact, Error> {
        loop {
            if let Some(a) = &known[root] {
                return Ok(a.clone());
            }
            self.look(root, looks, self.nodes.len())?;
            let used = self.reachable(root, known);
            // How many groups (among those used) use each part.
            let mut users = vec![0usize; self.nodes.len()];
            let mut parents: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
            for n in (0..self.nodes.len()).filter(|&n| used[n] && known[n].is_none()) {
                for &c in self.children(n) {
                    users[c] += 1;
                    parents[c].push(n);
                }
            }
            // A certain or impossible part is the same wherever it is used.
            let certain = |a: &Exact| *a == Exact::one() || *a == Exact::zero();
            let shared: Vec<usize> = (0..self.nodes.len())
                .filter(|&n| n != root && used[n] && users[n] > 1)
                .filter(|&n| !known[n].as_ref().is_some_and(certain))
                .collect();
            if shared.is_empty() {
                self.look(root, looks, self.nodes.len())?;
                return Ok(self.independent(root, known));
            }
            // A shared group whose parts are used only through it is one component: its availability first.
            self.look(root, looks, shared.len() * self.nodes.len())?;
            let whole = shared.iter().copied().find(|&s| {
                known[s].is_none() && {
                    let inside = self.reachable(s, known);
                    (0..self.nodes.len())
                        .filter(|&d| d != s && inside[d] && !known[d].as_ref().is_some_and(certain))
                        .all(|d| parents[d].iter().all(|&p| inside[p]))
                }
            });
            if let Some(s) = whole {
                let a = self.weigh(s, known, looks)?;
                known[s] = Some(a);
                continue;
            }
            // Else a shared component: the service with it up and with it down, weighed by its availability.
            let Some(&s) = shared.iter().find(|&&s| known[s].is_some()) else {
                return Ok(self.independent(root, known));
            };
            looks.outcomes += 2;
            if looks.outcomes > MAX_OUTCOMES {
                return Err(Error::TooLarge {
                    field: Field::Input,
                    part: self.names[s].clone(),
                    reason: format!(
                        "too many shared components inside redundant groups to count exactly (more than {MAX_OUTCOMES} outcomes): share fewer, or give a shared group's availability as one component"
                    ),
                });
            }
            let a = known[s].clone().unwrap_or_else(Exact::zero);
            let mut up = known.clone();
            up[s] = Some(Exact::one());
            let mut down = known.clone();
            down[s] = Some(Exact::zero());
            let when_up = self.weigh(root, &mut up, looks)?;
            let when_down = self.weigh(root, &mut down, looks)?;
            return Ok(a.times(&when_up).plus(&a.complement().times(&when_down)));
        }
    }

    /// The availability of part `n` when no part below it is used twice.
    fn independent(&self, n: usize, known: &[Option<Exact>]) -> Exact {
        if let Some(a) = &known[n] {
            return a.clone();
        }
        let Node::Group { k, of } = &self.nodes[n] else {
            return Exact::zero();
        };
        let parts: Vec<Exact> = of.iter().map(|&c| self.independent(c, known)).collect();
        k_of(*k, &parts)
    }

    /// The contractual worst case of the service's availability: outages of parts in series never
    /// overlap (each part counted once however deep in series), those of redundant parts overlap as far as
    /// they can, a part used inside several redundant groups counts in each. Where k of n divides
    /// unevenly, the unavailability is rounded up (towards the worse) at the twelfth decimal of a percent.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Part};
    /// let chain = Chain::new(&[
    ///     Part::component("a", "99.41"),
    ///     Part::component("b", "99.71"),
    ///     Part::series("s", &["a", "b"]),
    /// ], "s")?;
    /// assert_eq!(chain.worst_case().percent(), "99.12");
    /// assert_eq!(chain.availability()?.percent(), "99.121711");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn worst_case(&self) -> Exact {
        self.worst_unavailability(self.root, &mut self.worst_memo())
            .complement()
    }

    /// Room for each part's worst-case unavailability, worked out once: a part used by several groups
    /// is not worked out again for each (a lattice of shared groups would take exponential time).
    fn worst_memo(&self) -> Vec<Option<Exact>> {
        vec![None; self.nodes.len()]
    }

    /// The worst-case unavailability of part `n`, kept in `memo`.
    fn worst_unavailability(&self, n: usize, memo: &mut Vec<Option<Exact>>) -> Exact {
        if let Some(u) = &memo[n] {
            return u.clone();
        }
        let u = self.worst_unavailability_of(n, memo);
        memo[n] = Some(u.clone());
        u
    }

    fn worst_unavailability_of(&self, n: usize, memo: &mut Vec<Option<Exact>>) -> Exact {
        let (k, of) = match &self.nodes[n] {
            Node::Component(a) => {
                return self
                    .worst
                    .get(n)
                    .and_then(|w| w.as_ref())
                    .unwrap_or(a)
                    .complement()
            }
            Node::Group { k, of } => (*k, of),
        };
        if k == of.len() {
            // In series: the downtimes of the parts needed add, each part once however deep in series.
            return self
                .needed(n)
                .iter()
                .fold(Exact::zero(), |sum, &c| {
                    sum.plus(&self.worst_unavailability(c, memo))
                })
                .min(Exact::one());
        }
        let mut u: Vec<Exact> = of
            .iter()
            .map(|&c| self.worst_unavailability(c, memo))
            .collect();
        // Down while m = n - k + 1 parts are down at once: as long as t, the largest with
        // sum(min(u, t)) >= m t. With the j largest capped at t: t = (sum of the others) / (m - j).
        // The sum less m t only falls once it falls, so t is the one in its own stretch: u[j] <= t <= u[j - 1].
        let m = u.len() - k + 1;
        u.sort_by(|a, b| b.cmp(a));
        for j in 0..m {
            let rest = u[j..].iter().fold(Exact::zero(), |s, x| s.plus(x));
            let times = Exact::whole((m - j) as u64);
            let above = rest >= u[j].times(&times);
            let below = j == 0 || rest <= u[j - 1].times(&times);
            if above && below {
                return rest
                    .divided_up((m - j) as u64, MAX_PERCENT_DECIMALS as u32 + 2)
                    .min(Exact::one());
            }
        }
        Exact::zero()
    }

    /// The parts the service needs in series (through the series groups inside it, each once): the
    /// parts whose downtime is the service's, in the order met.
    pub fn needed_in_series(&self) -> Vec<&str> {
        let needed = match &self.nodes[self.root] {
            Node::Group { k, of } if *k == of.len() && !self.is_failover(self.root) => {
                self.needed(self.root)
            }
            _ => vec![self.root],
        };
        needed.iter().map(|&n| self.names[n].as_str()).collect()
    }

    /// The promise each of the components named in `internal` must make (its availability) so that the
    /// service meets `target` even in the contractual worst case: what the service may be down, less what
    /// the other parts it needs in series may be down at worst, shared among them in proportion to their
    /// weights (equal weights: equal shares). Each promise is rounded up at the sixth decimal of a
    /// percent, so that the shares never add up to more than what is left.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Exact, Part};
    /// // A cloud at 99.95% and two internal teams: 99.9% for the service leaves 0.05% to share.
    /// let chain = Chain::new(&[
    ///     Part::component("cloud", "99.95"),
    ///     Part::component("DBA team", "99.99"),
    ///     Part::component("app team", "99.99"),
    ///     Part::series("service", &["cloud", "DBA team", "app team"]),
    /// ], "service")?;
    /// let target = Exact::from_percent("99.9").unwrap();
    /// let promises = chain.promises(&target, &[("DBA team", 1), ("app team", 1)])?;
    /// assert_eq!(promises[0].1.percent(), "99.975");
    /// let promises = chain.promises(&target, &[("DBA team", 1), ("app team", 4)])?;
    /// assert_eq!((promises[0].1.percent(), promises[1].1.percent()), ("99.99".into(), "99.96".into()));
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidValue`] with field `input` and the part's name: a part named that is not a component the service needs
    /// in series (a redundant one's promise does not follow from the service's alone), no weight above
    /// zero, or the other parts alone already down longer than the service may be.
    pub fn promises(
        &self,
        target: &Exact,
        internal: &[(&str, u64)],
    ) -> Result<Vec<(String, Exact)>, Error> {
        let needed = self.needed_in_series();
        for &(name, _) in internal {
            let Some(n) = self.place(name) else {
                return Err(refuse(
                    name,
                    "it is not one of the parts defined".to_string(),
                ));
            };
            if !matches!(self.nodes[n], Node::Component(_))
                || !needed.contains(&self.names[n].as_str())
            {
                return Err(refuse(
                    name,
                    "its promise can be worked out only for a component the service needs in series, not inside a redundant group"
                        .to_string(),
                ));
            }
        }
        let total: u64 = internal.iter().map(|i| i.1).sum();
        if total == 0 {
            return Err(refuse(
                internal.first().map_or("", |i| i.0),
                "the parts share what is left by weight, and no weight is above zero".to_string(),
            ));
        }
        let allowed = target.complement();
        let fixed: Vec<&str> = needed
            .iter()
            .copied()
            .filter(|n| !internal.iter().any(|i| i.0.trim() == *n))
            .collect();
        let mut memo = self.worst_memo();
        let taken = fixed.iter().fold(Exact::zero(), |sum, &name| {
            let n = self.place(name).unwrap_or(self.root);
            sum.plus(&self.worst_unavailability(n, &mut memo))
        });
        if taken >= allowed {
            return Err(refuse(
                self.service(),
                format!(
                    "{} may be down {}% of the time at worst, and the service only {}%: no promise of {} can meet {}%",
                    fixed.join(", "),
                    taken.percent(),
                    allowed.percent(),
                    internal.iter().map(|i| i.0.trim()).collect::<Vec<_>>().join(", "),
                    target.percent()
                ),
            ));
        }
        let left = allowed.less(&taken);
        Ok(internal
            .iter()
            .map(|&(name, weight)| {
                // left x weight / total, the unavailability rounded down, so the promise rounds up.
                let share = left.times(&Exact::whole(weight));
                let share = share.divided_down(total, MAX_PERCENT_DECIMALS as u32 / 2 + 2);
                (name.trim().to_string(), share.complement())
            })
            .collect())
    }

    /// The parts that series group `n` needs, through the series groups inside it, each once.
    fn needed(&self, n: usize) -> Vec<usize> {
        // Depth first in the order given; each part, and each series group, met once.
        let mut out = Vec::new();
        let mut met = vec![false; self.nodes.len()];
        let mut stack: Vec<usize> = self.children(n).iter().rev().copied().collect();
        while let Some(c) = stack.pop() {
            if std::mem::replace(&mut met[c], true) {
                continue;
            }
            match &self.nodes[c] {
                Node::Group { k, of } if *k == of.len() && !self.is_failover(c) => {
                    stack.extend(of.iter().rev())
                }
                _ => out.push(c),
            }
        }
        out
    }

    /// Whether each part the service needs in series (its dependencies) offers one more nine than
    /// `target` asks of the service ("the rule of the extra nine"): its unavailability, components failing
    /// independently, at most a tenth of what the service may lose. A redundant group is one dependency;
    /// the parts inside it are not checked one by one. Each dependency's name with the answer, in the order
    /// met.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Exact, Part};
    /// let chain = Chain::new(&[
    ///     Part::component("app", "99.99"),
    ///     Part::component("db", "99.95"),
    ///     Part::component("region 1", "99.5"),
    ///     Part::component("region 2", "99.5"),
    ///     Part::parallel("regions", &["region 1", "region 2"]),
    ///     Part::series("s", &["app", "db", "regions"]),
    /// ], "s")?;
    /// let checks = chain.extra_nine(&Exact::from_percent("99.9").unwrap())?;
    /// assert_eq!(checks, vec![("app", true), ("db", false), ("regions", true)]);
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Chain::availability`].
    pub fn extra_nine(&self, target: &Exact) -> Result<Vec<(&str, bool)>, Error> {
        let mut looks = Looks::default();
        self.needed_in_series()
            .into_iter()
            .map(|name| {
                let n = self.place(name).unwrap_or(self.root);
                Ok((
                    name,
                    self.weigh_from(n, &mut looks)?.offers_extra_nine(target),
                ))
            })
            .collect()
    }

    /// Each part the service needs in series with its downtime at worst as a percentage of what the
    /// service may lose under `target` (rounded down to 0.01): how the downtime allowed is spent, if every
    /// part is down as long as its contract allows. `None` for a target of 100%.
    ///
    /// ```
    /// use slacalc::chain::{Chain, Exact, Part};
    /// let chain = Chain::new(&[
    ///     Part::component("app", "99.99"),
    ///     Part::component("db", "99.95"),
    ///     Part::series("s", &["app", "db"]),
    /// ], "s")?;
    /// let shares = chain.budget_shares(&Exact::from_percent("99.9").unwrap()).unwrap();
    /// assert_eq!(shares, vec![("app", "10".to_string()), ("db", "50".to_string())]);
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    pub fn budget_shares(&self, target: &Exact) -> Option<Vec<(&str, String)>> {
        let allowed = target.complement();
        if allowed == Exact::zero() {
            return None;
        }
        let mut memo = self.worst_memo();
        Some(
            self.needed_in_series()
                .into_iter()
                .map(|name| {
                    let n = self.place(name).unwrap_or(self.root);
                    let u = self.worst_unavailability(n, &mut memo);
                    (name, u.percent_of(&allowed, 2))
                })
                .collect(),
        )
    }
}

impl Exact {
    /// Whether this availability offers one more nine than `target`: its unavailability at most a
    /// tenth of the target's.
    ///
    /// ```
    /// use slacalc::chain::Exact;
    /// let target = Exact::from_percent("99.9").unwrap();
    /// assert!(Exact::from_percent("99.99").unwrap().offers_extra_nine(&target));
    /// assert!(!Exact::from_percent("99.98").unwrap().offers_extra_nine(&target));
    /// ```
    pub fn offers_extra_nine(&self, target: &Exact) -> bool {
        self.complement().times(&Exact::whole(10)) <= target.complement()
    }

    /// The whole number `n`.
    fn whole(n: u64) -> Exact {
        Exact {
            units: Natural::from_u64(n),
            scale: 0,
        }
    }
}

/// The probability that at least `k` of independent parts of availabilities `parts` are up.
///
/// ```
/// use slacalc::chain::{k_of, Exact};
/// let a = Exact::from_percent("99").unwrap();
/// assert_eq!(k_of(1, &[a.clone(), a.clone()]).percent(), "99.99"); // two redundant parts of 99%
/// assert_eq!(k_of(2, &[a.clone(), a.clone()]).percent(), "98.01");  // both needed
/// assert_eq!(k_of(2, &[a.clone(), a.clone(), a]).percent(), "99.9702");
/// ```
pub fn k_of(k: usize, parts: &[Exact]) -> Exact {
    let n = parts.len();
    if k == n {
        return parts.iter().fold(Exact::one(), |p, a| p.times(a));
    }
    if k == 1 {
        return parts
            .iter()
            .fold(Exact::one(), |p, a| p.times(&a.complement()))
            .complement();
    }
    // up[j]: the probability that exactly j of the parts so far are up (j capped at k: "k or more"), in
    // units of 10^-scale, the scale the sum of the parts' so far: no alignment on the way.
    let mut up = vec![Natural::default(); k + 1];
    up[0] = Natural::from_u64(1);
    let mut scale = 0;
    for a in parts {
        let down = Natural::pow10(a.scale).minus(&a.units);
        let mut next = vec![Natural::default(); k + 1];
        for j in 0..=k {
            if up[j].is_zero() {
                continue;
            }
            next[j].add_product(&up[j], &down);
            next[(j + 1).min(k)].add_product(&up[j], &a.units);
        }
        up = next;
        scale += a.scale;
    }
    Exact {
        units: std::mem::take(&mut up[k]),
        scale,
    }
    .trimmed()
}
