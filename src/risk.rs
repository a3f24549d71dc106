//! Risk: what a credit schedule may cost over whole contract years, simulated under an outage model.
//!
//! # The model
//! Incidents arrive at random (Poisson) at a rate per month; each lasts a random time drawn from a
//! log-normal distribution given by its median and 90th percentile, or resampled from the outages of a
//! log. Incidents are assumed not to overlap; a period's downtime is their sum (plus any planned downtime
//! counted), at most the whole period. Periods have the schedule's length: a week, two weeks, or the
//! Gregorian average month, quarter or year, measured 24x7.
//!
//! # Reproducible
//! The generator is xoshiro256** seeded through SplitMix64. Incident counts are looked up in the Poisson
//! distribution's cumulative probabilities, log-normal durations are e^(mu + sigma z) with z drawn by the
//! ziggurat method, and every logarithm and exponential comes from the pure-Rust `libm` or from basic
//! IEEE operations in a fixed order, so the same seed gives the same figures natively and in every
//! browser. Durations are rounded to whole seconds; from there on every figure is exact.

use crate::duration::{ExactDuration, SignedDuration};
use crate::error::{Error, Field};
use crate::penalty::{CreditSchedule, Money, Quick, QuickTable, UNIT};
use crate::period::Measure;
use crate::value::{invalid, Object, Value};

/// The 90th percentile of the standard normal distribution.
const Z90: f64 = 1.281_551_565_544_600_4;

/// The most simulated years in one run.
pub const MAX_YEARS: u32 = 1_000_000;

/// The most events (periods and incidents) one part of a risk request simulates in all: the headline
/// run, the sensitivity grid, the break-even search and the solver each stay within it, by simulating
/// fewer years (see [`years_within`]). About a second of work natively.
pub const MAX_EVENTS: f64 = 40_000_000.0;

/// The most incidents a month a model may have, scaled or not.
pub const MAX_RATE: f64 = 10_000.0;

/// The most years each of `runs` simulations may take, at `events_per_year` each year, so that all of
/// them together stay within [`MAX_EVENTS`]; at least 1 and at most [`MAX_YEARS`].
///
/// ```
/// use slacalc::risk::years_within;
/// // 1 000 incidents a month, monthly periods: 12 012 events a year; 40 000 000 / 12 012 = 3 330.0...
/// assert_eq!(years_within(12_012.0, 1), 3_330);
/// // A search of 26 steps: 40 000 000 / (26 x 12 012) = 128.07...
/// assert_eq!(years_within(12_012.0, 26), 128);
/// // 4 incidents a month: 40 000 000 / 60 = 666 666.6...; at 2 a month a million years fit.
/// assert_eq!(years_within(60.0, 1), 666_666);
/// assert_eq!(years_within(36.0, 1), 1_000_000);
/// // Never fewer than 1 nor more than 1 000 000.
/// assert_eq!((years_within(1e12, 8), years_within(1.0, 1)), (1, 1_000_000));
/// ```
pub fn years_within(events_per_year: f64, runs: usize) -> u32 {
    let years = MAX_EVENTS / (events_per_year.max(1.0) * runs.max(1) as f64);
    years.floor().clamp(1.0, f64::from(MAX_YEARS)) as u32
}

/// How long incidents last.
#[derive(Clone, Debug, PartialEq)]
pub enum Durations {
    /// Log-normal: `ln(duration)` is normal with mean `mu` and deviation `sigma` (seconds).
    LogNormal {
        /// Mean of the logarithm.
        mu: f64,
        /// Deviation of the logarithm.
        sigma: f64,
    },
    /// Drawn with replacement from these lengths (seconds), e.g. an outage log's.
    Resample(Vec<i64>),
}

/// An outage model.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Incidents per (average) month.
    pub incidents_per_month: f64,
    /// How long they last.
    pub durations: Durations,
    /// Planned downtime counted in every period, in seconds.
    pub planned_seconds: i64,
    /// On service hours: the service seconds of a typical week. A period then holds its share of the
    /// week's service time, only incidents that start in service hours count (incidents arrive evenly
    /// over the clock), and each counts in full. `None` is 24x7.
    pub week_service_seconds: Option<i64>,
}

impl Model {
    /// A log-normal model from a rate, a median and a 90th percentile in seconds.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a rate that is not above 0 (or above 10 000 a month), a median of 0, a
    /// 90th percentile below the median, or durations longer than 31 days.
    pub fn log_normal(incidents_per_month: f64, median: i64, p90: i64) -> Result<Model, Error> {
        let bad = |part: &str, reason: &str| invalid(Field::Model, part, reason.to_string());
        check_rate(incidents_per_month)?;
        if median <= 0 {
            return Err(bad("median", "must be at least one second"));
        }
        if p90 < median {
            return Err(bad(
                "p90",
                "must be at least the median: 90% of incidents end by then",
            ));
        }
        if p90 > 31 * 86_400 {
            return Err(bad(
                "p90",
                "must be at most 31 days: a longer outage is not an incident but a lost service",
            ));
        }
        Ok(Model {
            incidents_per_month,
            durations: Durations::LogNormal {
                mu: libm::log(median as f64),
                sigma: libm::log(p90 as f64 / median as f64) / Z90,
            },
            planned_seconds: 0,
            week_service_seconds: None,
        })
    }

    /// Reads `{ incidentsPerMonth, median, p90 }` or `{ incidentsPerMonth, durations: [...] }`, with an
    /// optional `plannedPerPeriod`; durations as ISO 8601, text or seconds.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the part.
    pub fn from_value(value: &Value) -> Result<Model, Error> {
        let o = Object::new(
            value,
            Field::Model,
            "",
            &[
                "incidentsPerMonth",
                "median",
                "p90",
                "durations",
                "plannedPerPeriod",
            ],
        )?;
        let rate_text = o.text("incidentsPerMonth")?;
        let rate = crate::value::decimal(rate_text, 6, Some(10_000_000_000))
            .map_err(|r| o.error("incidentsPerMonth", r))? as f64
            / 1e6;
        let seconds = |part: &str, text: &str| -> Result<i64, Error> {
            ExactDuration::parse(text, Field::Model)
                .map(|d| (d.as_nanos() / 1_000_000_000) as i64)
                .map_err(|_| {
                    invalid(
                        Field::Model,
                        part,
                        format!("\"{text}\" is not a duration such as PT30M, 30 min or 1800"),
                    )
                })
        };
        let mut model = match o.list("durations")? {
            Some(items) => {
                if o.get("median").is_some() || o.get("p90").is_some() {
                    return Err(o.error(
                        "durations",
                        "give either durations (to resample) or median and p90, not both",
                    ));
                }
                if items.is_empty() {
                    return Err(o.error("durations", "must list at least one outage length"));
                }
                let mut list = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    let part = format!("durations[{i}]");
                    let text = item.text().ok_or_else(|| {
                        invalid(
                            Field::Model,
                            &part,
                            format!("must be a duration, not {}", item.kind()),
                        )
                    })?;
                    let s = seconds(&part, text)?;
                    if s <= 0 || s > 31 * 86_400 {
                        return Err(invalid(
                            Field::Model,
                            &part,
                            "must be more than 0 and at most 31 days".to_string(),
                        ));
                    }
                    list.push(s);
                }
                check_rate(rate)?;
                Model {
                    incidents_per_month: rate,
                    durations: Durations::Resample(list),
                    planned_seconds: 0,
                    week_service_seconds: None,
                }
            }
            None => {
                let median = seconds(&o.path("median"), o.text("median")?)?;
                let p90 = seconds(&o.path("p90"), o.text("p90")?)?;
                Model::log_normal(rate, median, p90)?
            }
        };
        if let Some(text) = o.optional_text("plannedPerPeriod")? {
            model.planned_seconds = seconds("plannedPerPeriod", text)?;
        }
        Ok(model)
    }

    /// The mean length of an incident in seconds, before rounding (the log-normal mean, or the sample's).
    pub fn mean_duration(&self) -> f64 {
        match &self.durations {
            Durations::LogNormal { mu, sigma } => libm::exp(mu + sigma * sigma / 2.0),
            Durations::Resample(list) => list.iter().sum::<i64>() as f64 / list.len() as f64,
        }
    }

    /// The events a simulated contract year of `schedule` costs: one per period, and the incidents
    /// expected in its periods.
    pub fn events_per_year(&self, schedule: &CreditSchedule) -> f64 {
        let cadence = schedule.cadence;
        let per_year = cadence.per_year() as f64;
        per_year
            * (1.0
                + self.incidents_per_month * cadence.seconds() as f64
                    / Measure::Month.seconds() as f64
                    * self.share())
    }

    /// The share of wall-clock time that is service time (1 on 24x7).
    fn share(&self) -> f64 {
        self.week_service_seconds
            .map_or(1.0, |w| w.clamp(0, 604_800) as f64 / 604_800.0)
    }

    /// The same model with incidents `rate` times as frequent and `repair` times as long.
    pub fn scaled(&self, rate: f64, repair: f64) -> Model {
        Model {
            incidents_per_month: self.incidents_per_month * rate,
            durations: match &self.durations {
                Durations::LogNormal { mu, sigma } => Durations::LogNormal {
                    mu: mu + libm::log(repair),
                    sigma: *sigma,
                },
                Durations::Resample(list) => Durations::Resample(
                    list.iter()
                        .map(|s| ((*s as f64) * repair).round().max(1.0) as i64)
                        .collect(),
                ),
            },
            planned_seconds: self.planned_seconds,
            week_service_seconds: self.week_service_seconds,
        }
    }
}

/// An incident rate must be above 0 and at most 10 000 a month.
fn check_rate(incidents_per_month: f64) -> Result<(), Error> {
    let bad = |reason: &str| invalid(Field::Model, "incidentsPerMonth", reason.to_string());
    if incidents_per_month.is_nan() || incidents_per_month <= 0.0 {
        return Err(bad("must be more than 0: with no incidents every credit is 0, and there is nothing to simulate"));
    }
    if incidents_per_month > MAX_RATE {
        return Err(bad("must be at most 10 000 a month"));
    }
    Ok(())
}

/// xoshiro256**, seeded through SplitMix64.
#[derive(Clone, Debug)]
pub struct Rng([u64; 4]);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = x;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        Rng([next(), next(), next(), next()])
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in (0, 1), never 0 or 1.
    pub fn open01(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / 9_007_199_254_740_992.0
    }

    /// A Poisson count with mean `lambda` (see [`Poisson`]).
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        self.poisson_with(&Poisson::new(lambda))
    }

    /// A Poisson count, its distribution worked out once: one uniform number a step, looked up in the
    /// step's cumulative probabilities.
    pub fn poisson_with(&mut self, poisson: &Poisson) -> u32 {
        let mut k = 0;
        for cumulative in &poisson.steps {
            let u = self.open01();
            k += cumulative.iter().take_while(|&&c| u >= c).count() as u32;
        }
        k
    }

    /// A standard normal number, by the ziggurat method (Marsaglia and Tsang, 2000) on 128 layers:
    /// one 64-bit draw and a comparison almost every time (98.8%); `libm`'s exponential and logarithm
    /// otherwise, so the same everywhere.
    pub fn normal(&mut self) -> f64 {
        let z = ziggurat();
        loop {
            let bits = self.next_u64();
            let i = (bits & (LAYERS as u64 - 1)) as usize;
            // Uniform in (-1, 1) from the 53 high bits, never 0.
            let u = ((bits >> 11) as f64 + 0.5) / 4_503_599_627_370_496.0 - 1.0;
            let x = u * z.x[i];
            if x.abs() < z.x[i + 1] {
                return x;
            }
            if i == 0 {
                // The tail beyond R (Marsaglia, 1964).
                loop {
                    let t = libm::log(self.open01()) / ZIGGURAT_R;
                    let y = libm::log(self.open01());
                    if -2.0 * y >= t * t {
                        return if u < 0.0 {
                            t - ZIGGURAT_R
                        } else {
                            ZIGGURAT_R - t
                        };
                    }
                }
            }
            if z.f[i + 1] + (z.f[i] - z.f[i + 1]) * self.open01() < libm::exp(-0.5 * x * x) {
                return x;
            }
        }
    }
}

/// The layers of the ziggurat, a power of two.
const LAYERS: usize = 128;
/// Where the base layer's tail begins, and each layer's area (Marsaglia and Tsang's constants for 128).
const ZIGGURAT_R: f64 = 3.442_619_855_899;
const ZIGGURAT_V: f64 = 9.912_563_035_262_17e-3;

/// The ziggurat's layers: `x[i]` the right edge of layer `i` (`x[0]` the base layer's width were it a
/// rectangle of the same area, `x[1] = R`, down to `x[128] = 0`) and `f[i] = e^(-x[i]^2 / 2)`.
struct Ziggurat {
    x: [f64; LAYERS + 1],
    f: [f64; LAYERS + 1],
}

/// The layers, worked out once with `libm` (the same on every platform).
fn ziggurat() -> &'static Ziggurat {
    static LAYERS_OF: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    LAYERS_OF.get_or_init(|| {
        let density = |x: f64| libm::exp(-0.5 * x * x);
        let mut x = [0.0; LAYERS + 1];
        x[0] = ZIGGURAT_V / density(ZIGGURAT_R);
        x[1] = ZIGGURAT_R;
        for i in 2..LAYERS {
            x[i] = libm::sqrt(-2.0 * libm::log(ZIGGURAT_V / x[i - 1] + density(x[i - 1])));
        }
        Ziggurat {
            x,
            f: x.map(density),
        }
    })
}

/// A Poisson distribution for a mean, split into steps of at most 30 (a sum of Poisson counts is a
/// Poisson count), each held as its cumulative probabilities P(K <= k) up to where they reach 1 in
/// floating point (the mass beyond, under 2^-52, counts as the last k).
#[derive(Clone, Debug)]
pub struct Poisson {
    steps: Vec<Vec<f64>>,
}

impl Poisson {
    /// For a mean of `lambda`.
    pub fn new(mut lambda: f64) -> Poisson {
        let mut steps = Vec::new();
        while lambda > 0.0 {
            let step = lambda.min(30.0);
            lambda -= step;
            let mut p = libm::exp(-step);
            let mut total = p;
            let mut cumulative = vec![total];
            let mut k = 1.0;
            while total < 1.0 && k < 1_000.0 {
                p *= step / k;
                let next = total + p;
                if next == total && k > step {
                    break;
                }
                total = next;
                cumulative.push(total);
                k += 1.0;
            }
            steps.push(cumulative);
        }
        Poisson { steps }
    }
}

/// The closed-form check, where one exists.
#[derive(Clone, Debug, PartialEq)]
pub struct Analytic {
    /// Mean downtime per period in seconds: incidents per period x mean duration (+ planned), before
    /// rounding and the cap at the period's length.
    pub mean_downtime: f64,
    /// For fixed-length incidents: the chance that a period breaches.
    pub breach_period: Option<f64>,
    /// For fixed-length incidents: the chance that a year has at least one breach.
    pub breach_year: Option<f64>,
    /// For fixed-length incidents and a flat refund: the expected credits of a year.
    pub expected_credits: Option<f64>,
}

/// The distribution of a contract year's credits.
#[derive(Clone, Debug, PartialEq)]
pub struct Risk {
    /// Years simulated.
    pub years: u32,
    /// Periods in a year.
    pub periods_per_year: usize,
    /// Each year's credits, in the order simulated.
    pub yearly: Vec<Money>,
    /// The mean (rounded down to a millionth of the currency unit).
    pub mean: Money,
    /// Nearest-rank percentiles: the median, the 90th and the 99th.
    pub median: Money,
    /// The 90th percentile.
    pub p90: Money,
    /// The 99th percentile.
    pub p99: Money,
    /// The worst year.
    pub worst: Money,
    /// Years with at least one breached period.
    pub years_breached: u32,
    /// Breached periods, over all years.
    pub periods_breached: u64,
    /// Mean downtime per period, in seconds.
    pub mean_downtime: f64,
    /// The charges of a year.
    pub yearly_charges: Money,
    /// The closed form, where one exists.
    pub analytic: Analytic,
}

impl Risk {
    /// Expected credits as a share of the contract value, in millionths of a percent.
    pub fn expected_percent(&self) -> i128 {
        share_of(self.mean, self.yearly_charges)
    }
}

/// The nearest-rank quantile `q` of `sorted` (ascending, not empty): the value of rank ceil(q n).
///
/// ```
/// use slacalc::risk::nearest_rank;
/// let years = [0, 0, 10, 20, 30, 40, 50, 60, 70, 1_000];
/// assert_eq!((nearest_rank(&years, 0.5), nearest_rank(&years, 0.9), nearest_rank(&years, 0.99)), (30, 70, 1_000));
/// ```
pub fn nearest_rank(sorted: &[Money], q: f64) -> Money {
    let n = sorted.len();
    sorted[((q * n as f64).ceil() as usize).clamp(1, n) - 1]
}

/// `money` as a share of `of`, in millionths of a percent, rounded toward zero; 0 when `of` is 0.
///
/// ```
/// use slacalc::risk::share_of;
/// assert_eq!(share_of(1, 3), 33_333_333); // 33.333333%
/// assert_eq!((share_of(-5, 10), share_of(5, 0)), (-50_000_000, 0));
/// ```
pub fn share_of(money: Money, of: Money) -> i128 {
    if of == 0 {
        0
    } else {
        money * 100_000_000 / of
    }
}

/// Simulates `years` contract years of `schedule` under `model`, with `charges` per period.
///
/// # Example: a flat refund with fixed one-hour incidents, against its closed form
/// ```
/// use slacalc::penalty::CreditSchedule;
/// use slacalc::risk::{simulate, Model};
/// use slacalc::value::Value;
/// let text = |s: &str| Value::Text(s.to_string());
/// let schedule = CreditSchedule::from_value(&Value::Map(vec![("target".into(), text("99.9")), ("flat".into(), text("10"))]))?;
/// // Two one-hour incidents a month: 99.9% of a month allows 43 min 49.746 s, so any incident breaches.
/// let risk = simulate(&schedule, &Model::log_normal(2.0, 3600, 3600)?, 1_000 * 1_000_000, 20_000, 7)?;
/// let p = risk.analytic.breach_period.unwrap(); // 1 - e^-2 = 0.8647
/// let simulated = risk.periods_breached as f64 / (20_000.0 * 12.0);
/// assert!((p - 0.864_664_7).abs() < 1e-6 && (simulated - p).abs() < 0.005);
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] for 0 years or more than [`MAX_YEARS`].
pub fn simulate(
    schedule: &CreditSchedule,
    model: &Model,
    charges: Money,
    years: u32,
    seed: u64,
) -> Result<Risk, Error> {
    let setup = Setup::new(schedule, model, years)?;
    let mut tally = Tally::new(schedule, &setup, charges, years);
    setup.draw(model, years, seed, |k, down, outages| {
        tally.period(k, down, outages)
    });
    Ok(tally.finish(model))
}

/// What a simulation of a schedule's periods needs before it draws: the periods in a year, each
/// period's length (its share of the week's service time on service hours) and the incidents a period
/// expects.
struct Setup {
    per_year: usize,
    length: SignedDuration,
    lambda: f64,
}

impl Setup {
    fn new(schedule: &CreditSchedule, model: &Model, years: u32) -> Result<Setup, Error> {
        if years == 0 || years > MAX_YEARS {
            return Err(invalid(
                Field::Model,
                "years",
                format!("must be from 1 to {MAX_YEARS}"),
            ));
        }
        let wall = schedule.cadence.seconds();
        check_rate(model.incidents_per_month)?;
        // On service hours a period is its share of the week's service time, and only that share of
        // the incidents falls in it.
        let length = match model.week_service_seconds {
            None => SignedDuration::from_seconds(wall),
            Some(w) => {
                SignedDuration::from_seconds(wall).mul_div(i128::from(w.clamp(0, 604_800)), 604_800)
            }
        };
        if length <= SignedDuration::ZERO {
            return Err(invalid(
                Field::Model,
                "calendar",
                "the service hours hold no service time: there is nothing to measure".to_string(),
            ));
        }
        Ok(Setup {
            per_year: schedule.cadence.per_year(),
            length,
            lambda: model.incidents_per_month * wall as f64 / Measure::Month.seconds() as f64
                * model.share(),
        })
    }

    /// Draws the downtime of every period of `years` years, in order, handing each to `period` with
    /// its index in the year and its outages (whole seconds; the downtime is their sum and the planned
    /// downtime, at most the period).
    fn draw(
        &self,
        model: &Model,
        years: u32,
        seed: u64,
        mut period: impl FnMut(usize, SignedDuration, &[SignedDuration]),
    ) {
        let length_s = self.length.whole_seconds().max(1);
        let mut rng = Rng::new(seed);
        let poisson = Poisson::new(self.lambda);
        let mut outages: Vec<SignedDuration> = Vec::new();
        for _ in 0..years {
            for k in 0..self.per_year {
                outages.clear();
                let n = rng.poisson_with(&poisson);
                let mut down: i64 = model.planned_seconds;
                for _ in 0..n {
                    let d = match &model.durations {
                        Durations::LogNormal { mu, sigma } => {
                            whole_seconds(draw_exp(mu + sigma * rng.normal()), length_s)
                        }
                        Durations::Resample(list) => {
                            list[(rng.next_u64() % list.len() as u64) as usize]
                        }
                    };
                    outages.push(SignedDuration::from_seconds(d));
                    down = down.saturating_add(d);
                }
                period(
                    k,
                    SignedDuration::from_seconds(down.min(length_s)),
                    &outages,
                );
            }
        }
    }
}

/// The credits of simulated periods under one schedule, year by year.
pub(crate) struct Tally<'a> {
    schedule: &'a CreditSchedule,
    /// The schedule's credits looked up by downtime, where its rule allows.
    table: Option<QuickTable>,
    length: SignedDuration,
    lambda: f64,
    charges: Money,
    years: u32,
    credits: Vec<Money>,
    downs: Vec<(SignedDuration, SignedDuration)>,
    pub(crate) yearly: Vec<Money>,
    breached_year: bool,
    pub(crate) years_breached: u32,
    pub(crate) periods_breached: u64,
    total_down: SignedDuration,
}

impl<'a> Tally<'a> {
    fn new(schedule: &'a CreditSchedule, setup: &Setup, charges: Money, years: u32) -> Tally<'a> {
        Tally {
            lambda: setup.lambda,
            ..Tally::over(schedule, setup.length, setup.per_year, charges, years)
        }
    }

    /// The tally of `years` years of `per_year` periods of `length`, each charged `charges`.
    pub(crate) fn over(
        schedule: &'a CreditSchedule,
        length: SignedDuration,
        per_year: usize,
        charges: Money,
        years: u32,
    ) -> Tally<'a> {
        Tally {
            schedule,
            table: QuickTable::new(schedule, length, charges),
            length,
            lambda: 0.0,
            charges,
            years,
            credits: vec![0; per_year],
            downs: vec![(SignedDuration::ZERO, length); per_year],
            yearly: Vec::with_capacity(years as usize),
            breached_year: false,
            years_breached: 0,
            periods_breached: 0,
            total_down: SignedDuration::ZERO,
        }
    }

    /// The `k`th period of the current year; the last settles the year.
    pub(crate) fn period(&mut self, k: usize, down: SignedDuration, outages: &[SignedDuration]) {
        self.total_down += down;
        let (credit, breached) = match &self.table {
            Some(table) => table.credit(down),
            None => self.schedule.quick_credit(Quick {
                down,
                length: self.length,
                outages,
                charges: self.charges,
            }),
        };
        self.credits[k] = credit;
        self.downs[k] = (down, self.length);
        if breached {
            self.breached_year = true;
            self.periods_breached += 1;
        }
        if k + 1 == self.credits.len() {
            self.end_year();
        }
    }

    /// Settles the year: earn-back and the 12-month cap.
    fn end_year(&mut self) {
        self.schedule
            .settle_year(&mut self.credits, &self.downs, self.charges);
        self.yearly.push(self.credits.iter().sum::<Money>());
        self.years_breached += u32::from(self.breached_year);
        self.breached_year = false;
    }

    fn finish(self, model: &Model) -> Risk {
        let years = self.years;
        let per_year = self.credits.len();
        let mut sorted = self.yearly.clone();
        sorted.sort_unstable();
        let rank = |q: f64| nearest_rank(&sorted, q);
        let n = per_year as f64;
        let analytic = analytic(
            self.schedule,
            model,
            self.lambda,
            self.length,
            self.charges,
            n,
        );
        Risk {
            years,
            periods_per_year: per_year,
            mean: self.yearly.iter().sum::<Money>() / i128::from(years),
            median: rank(0.5),
            p90: rank(0.9),
            p99: rank(0.99),
            worst: sorted[sorted.len() - 1],
            yearly: self.yearly,
            years_breached: self.years_breached,
            periods_breached: self.periods_breached,
            mean_downtime: (self.total_down.as_nanos() as f64 / 1e9) / (f64::from(years) * n),
            yearly_charges: self.charges * per_year as i128,
            analytic,
        }
    }
}

/// e^x for the simulation's draws, the same on every platform: only basic IEEE operations in a fixed
/// order, and a table of 2^(j/64) made once with `libm::exp2`. x = (64m + j) ln2/64 + r with
/// |r| <= ln2/128, so e^x = 2^m x 2^(j/64) x e^r, and e^r is its Taylor polynomial to r^5/120 (the next
/// term is below 4e-17 of it). Within a few units in the last place of `libm::exp`, with no division
/// and no call; outside |x| <= 708 (an outage of 10^300 seconds or of 10^-300) it is `libm::exp`.
fn draw_exp(x: f64) -> f64 {
    static TWO_TO: std::sync::OnceLock<[f64; 64]> = std::sync::OnceLock::new();
    // ln 2 / 64 in two parts: the first has zeros in its low 21 bits, so k x it is exact for |k| < 2^21.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000) / 64.0;
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76) / 64.0;
    const PER_LN2: f64 = 64.0 / core::f64::consts::LN_2;
    // Adding and taking away 1.5 x 2^52 rounds to the nearest integer (ties to even), exactly.
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    if !(-708.0..=708.0).contains(&x) {
        return libm::exp(x);
    }
    let table = TWO_TO.get_or_init(|| core::array::from_fn(|j| libm::exp2(j as f64 / 64.0)));
    let kd = (x * PER_LN2 + SHIFT) - SHIFT;
    let k = kd as i64;
    let r = (x - kd * LN2_HI) - kd * LN2_LO;
    let j = k.rem_euclid(64);
    let m = (k - j) / 64;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0)))));
    let scale = f64::from_bits(((m + 1023) as u64) << 52);
    table[j as usize] * p * scale
}

/// An outage's whole seconds from the logarithm of its length, `x`, as the simulation draws them: at
/// least 1 and at most `most`.
#[cfg(feature = "chain")]
pub(crate) fn whole_seconds_of(x: f64, most: i64) -> i64 {
    whole_seconds(draw_exp(x), most)
}

/// `libm::round(x).clamp(1.0, most as f64) as i64` for an `x` that is not negative, without a call:
/// below `most` (a period's seconds, far under 2^52) `x - trunc(x)` is exact, so a half rounds up as
/// `round` rounds it.
fn whole_seconds(x: f64, most: i64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x >= most as f64 {
        return most;
    }
    let t = x as i64;
    let r = if x - t as f64 >= 0.5 { t + 1 } else { t };
    r.max(1)
}

/// The periods of simulated years kept, to be credited under several schedules of the same
/// measurement period (a target ladder, scaled rates): the draws, the costly part, are made once, and
/// each schedule gets exactly what [`simulate`] with the same model, years and seed would give it.
struct Draws {
    setup: Setup,
    years: u32,
    downs: Vec<SignedDuration>,
    /// Where each period's outages end in `outages` (they start where the previous period's end).
    ends: Vec<u32>,
    outages: Vec<SignedDuration>,
}

impl Draws {
    fn new(
        schedule: &CreditSchedule,
        model: &Model,
        years: u32,
        seed: u64,
    ) -> Result<Draws, Error> {
        let setup = Setup::new(schedule, model, years)?;
        let periods = years as usize * setup.per_year;
        let (mut downs, mut ends, mut outages) = (
            Vec::with_capacity(periods),
            Vec::with_capacity(periods),
            Vec::new(),
        );
        setup.draw(model, years, seed, |_, down, list| {
            downs.push(down);
            outages.extend_from_slice(list);
            ends.push(outages.len() as u32);
        });
        Ok(Draws {
            setup,
            years,
            downs,
            ends,
            outages,
        })
    }

    /// The risk of `schedule` (of the same measurement period) over the periods drawn.
    fn risk(&self, schedule: &CreditSchedule, model: &Model, charges: Money) -> Risk {
        debug_assert_eq!(schedule.cadence.per_year(), self.setup.per_year);
        let mut tally = Tally::new(schedule, &self.setup, charges, self.years);
        let mut start = 0;
        for (i, (down, end)) in self.downs.iter().zip(&self.ends).enumerate() {
            let k = i % self.setup.per_year;
            tally.period(k, *down, &self.outages[start..*end as usize]);
            start = *end as usize;
        }
        tally.finish(model)
    }
}

fn analytic(
    schedule: &CreditSchedule,
    model: &Model,
    lambda: f64,
    length: SignedDuration,
    charges: Money,
    n: f64,
) -> Analytic {
    let mean_downtime = lambda * model.mean_duration() + model.planned_seconds as f64;
    let fixed = match &model.durations {
        Durations::LogNormal { mu, sigma } if *sigma == 0.0 => {
            Some(libm::round(draw_exp(*mu)) as i64)
        }
        Durations::Resample(list) if list.iter().all(|d| *d == list[0]) => Some(list[0]),
        _ => None,
    };
    let mut result = Analytic {
        mean_downtime,
        breach_period: None,
        breach_year: None,
        expected_credits: None,
    };
    let Some(d) = fixed else { return result };
    // A period breaches when k x d + planned exceeds the allowance: k > m.
    let allowed = schedule.allowed(length);
    let spare = allowed - SignedDuration::from_seconds(model.planned_seconds);
    let p = if spare < SignedDuration::ZERO {
        1.0
    } else {
        let m = spare.as_nanos() as u64 / SignedDuration::from_seconds(d).as_nanos().max(1) as u64;
        // P(K <= m) for K ~ Poisson(lambda).
        let (mut term, mut cdf) = (libm::exp(-lambda), 0.0);
        for k in 0..=m {
            if k > 0 {
                term *= lambda / k as f64;
            }
            cdf += term;
        }
        (1.0 - cdf).max(0.0)
    };
    result.breach_period = Some(p);
    result.breach_year = Some(1.0 - libm::pow(1.0 - p, n));
    if let Some(x) = schedule.single_payment() {
        let credit = crate::penalty::round_cents(charges * i128::from(x) / 100_000_000);
        result.expected_credits = Some(n * p * credit as f64 / UNIT as f64);
    }
    result
}

/// Expected credits (millionths of a percent of the contract value) on a grid of incident-rate and
/// repair-time factors, each cell simulated with `years` years and the same seed; `None` for a cell
/// whose rate would exceed [`MAX_RATE`] a month.
///
/// # Errors
/// As [`simulate`].
pub fn sensitivity(
    schedule: &CreditSchedule,
    model: &Model,
    charges: Money,
    rates: &[f64],
    repairs: &[f64],
    years: u32,
    seed: u64,
) -> Result<Vec<Vec<Option<i128>>>, Error> {
    let mut grid = Vec::with_capacity(rates.len());
    for &r in rates {
        let mut row = Vec::with_capacity(repairs.len());
        for &f in repairs {
            let scaled = model.scaled(r, f);
            row.push(if scaled.incidents_per_month > MAX_RATE {
                None
            } else {
                Some(simulate(schedule, &scaled, charges, years, seed)?.expected_percent())
            });
        }
        grid.push(row);
    }
    Ok(grid)
}

/// The years each cell of a sensitivity grid may take so that the whole grid stays within
/// [`MAX_EVENTS`]: cells over [`MAX_RATE`] are not simulated and cost nothing.
pub fn grid_years(schedule: &CreditSchedule, model: &Model, rates: &[f64], repairs: usize) -> u32 {
    let events: f64 = rates
        .iter()
        .map(|r| model.scaled(*r, 1.0))
        .filter(|m| m.incidents_per_month <= MAX_RATE)
        .map(|m| m.events_per_year(schedule) * repairs as f64)
        .sum();
    years_within(events, 1)
}

/// The factor on repair times (within 1/1000 to 1000) below which expected credits stay under
/// `percent` millionths of a percent of the contract value; `None` if even the shortest repairs
/// exceed it. With the same seed, longer repairs never lower the credits, so bisection applies.
///
/// # Errors
/// As [`simulate`].
pub fn break_even(
    schedule: &CreditSchedule,
    model: &Model,
    charges: Money,
    percent: i128,
    years: u32,
    seed: u64,
) -> Result<Option<f64>, Error> {
    let at = |f: f64| -> Result<i128, Error> {
        Ok(simulate(schedule, &model.scaled(1.0, f), charges, years, seed)?.expected_percent())
    };
    let (mut lo, mut hi) = (libm::log(1e-3), libm::log(1e3));
    if at(libm::exp(lo))? > percent {
        return Ok(None);
    }
    if at(libm::exp(hi))? <= percent {
        return Ok(Some(libm::exp(hi)));
    }
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if at(libm::exp(mid))? <= percent {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(libm::exp(lo)))
}

/// What a limit on credits is checked against: the mean year or the 90th-percentile year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Expected (mean) credits a year.
    Mean,
    /// The credits of a year that 9 years in 10 stay under.
    P90,
}

impl Risk {
    /// Credits a year as a share of the contract value, in millionths of a percent, at `confidence`.
    pub fn percent_at(&self, confidence: Confidence) -> i128 {
        let credits = match confidence {
            Confidence::Mean => self.mean,
            Confidence::P90 => self.p90,
        };
        share_of(credits, self.yearly_charges)
    }
}

/// The targets a negotiation usually moves between.
pub const LADDER: [&str; 10] = [
    "95", "98", "99", "99.5", "99.8", "99.9", "99.95", "99.98", "99.99", "99.999",
];

/// A target of the ladder, with its risk or why the schedule cannot be committed at it.
pub type LadderStep = (crate::target::Target, Result<Risk, Error>);

/// The same schedule committed at each target of [`LADDER`] (see [`CreditSchedule::at_target`]),
/// simulated with the same model, years and seed: each target with its risk, or why it cannot be
/// offered with this structure.
///
/// # Errors
/// As [`simulate`].
pub fn target_ladder(
    schedule: &CreditSchedule,
    model: &Model,
    charges: Money,
    years: u32,
    seed: u64,
) -> Result<Vec<LadderStep>, Error> {
    let draws = Draws::new(schedule, model, years, seed)?;
    let mut out = Vec::with_capacity(LADDER.len());
    for t in LADDER {
        let target = crate::target::Target::parse(t)?;
        let risk = schedule
            .at_target(target)
            .map(|s| draws.risk(&s, model, charges));
        out.push((target, risk));
    }
    Ok(out)
}

/// The largest factor on every credit rate (at most 10, in steps the schedule's rounding to a
/// hundredth allows) that keeps credits under `percent` (millionths of a percent of the contract
/// value) at `confidence`, with the schedule it gives and its risk; `None` when even a zero rate does
/// not (which cannot happen: a zero rate pays nothing).
///
/// # Errors
/// As [`simulate`].
pub fn rates_under(
    schedule: &CreditSchedule,
    model: &Model,
    charges: Money,
    years: u32,
    seed: u64,
    percent: i128,
    confidence: Confidence,
) -> Result<Option<(u64, CreditSchedule, Risk)>, Error> {
    let draws = Draws::new(schedule, model, years, seed)?;
    let at = |f: u64| -> (CreditSchedule, Risk) {
        let s = schedule.scaled(f);
        let r = draws.risk(&s, model, charges);
        (s, r)
    };
    let (mut lo, mut hi) = (0u64, 10_000_000u64);
    let top = at(hi);
    if top.1.percent_at(confidence) <= percent {
        return Ok(Some((hi, top.0, top.1)));
    }
    // Credits never fall as every rate rises (same seed, same downtime), so bisection applies; stop at
    // a thousandth of the factor.
    while hi - lo > 1_000 {
        let mid = (lo + hi) / 2;
        if at(mid).1.percent_at(confidence) <= percent {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let (s, r) = at(lo);
    Ok((r.percent_at(confidence) <= percent).then_some((lo, s, r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The draws' e^x is within 4 units in the last place of `libm::exp` across the range outages take
    /// and beyond, and rounds to the same whole seconds.
    #[test]
    fn draw_exp_is_libm_exp_to_a_few_ulps() {
        let mut rng = Rng::new(11);
        let mut worst = 0u64;
        for i in 0..1_000_000 {
            let u = rng.open01();
            let x = if i % 10 == 0 {
                u * 1416.0 - 708.0
            } else {
                u * 40.0 - 10.0
            };
            let (a, b) = (draw_exp(x), libm::exp(x));
            worst = worst.max(a.to_bits().abs_diff(b.to_bits()));
            if x < 15.0 {
                assert_eq!(
                    whole_seconds(a, i64::MAX >> 12),
                    whole_seconds(b, i64::MAX >> 12),
                    "{x}"
                );
            }
        }
        assert!(worst <= 4, "{worst} ulps");
        for x in [0.0, 1.0, -1.0, 708.0, -708.0, 709.0, 800.0, -800.0] {
            let (a, b) = (draw_exp(x), libm::exp(x));
            assert!(
                a == b || (a - b).abs() <= 4.0 * f64::EPSILON * b,
                "{x}: {a} against {b}"
            );
        }
        assert!(draw_exp(f64::NAN).is_nan());
    }

    /// The quick rounding of a simulated outage is `libm::round` clamped, on halves, the floats next to
    /// them, integers, the bounds and far beyond them.
    #[test]
    fn whole_seconds_rounds_as_round_does() {
        let most = 2_629_746;
        let mut xs = vec![
            0.0,
            0.499_999_999_999_999_94,
            0.5,
            1.0,
            1.5,
            2.5,
            1e300,
            f64::INFINITY,
        ];
        xs.extend([most as f64, most as f64 - 0.5, most as f64 + 0.5]);
        let mut rng = Rng::new(12);
        for _ in 0..200_000 {
            xs.push(libm::exp(rng.open01() * 16.0 - 2.0));
            let half = (rng.next_u64() % 3_000_000) as f64 + 0.5;
            xs.extend([
                half,
                f64::from_bits(half.to_bits() - 1),
                f64::from_bits(half.to_bits() + 1),
            ]);
        }
        for x in xs {
            let want = libm::round(x).clamp(1.0, most as f64) as i64;
            assert_eq!(whole_seconds(x, most), want, "{x}");
        }
    }

    /// The ziggurat's layers each hold the same area, V, and the top one closes at 0 (to 1.2e-9 of
    /// V: R and V are given to 13 digits).
    #[test]
    fn the_ziggurat_layers_have_equal_areas() {
        let z = ziggurat();
        assert_eq!((z.x[1], z.x[LAYERS], z.f[LAYERS]), (ZIGGURAT_R, 0.0, 1.0));
        for i in 1..LAYERS {
            let area = z.x[i] * (z.f[i + 1] - z.f[i]);
            assert!((area / ZIGGURAT_V - 1.0).abs() < 2e-9, "layer {i}: {area}");
        }
        // The base: the rectangle to R and the tail beyond, sqrt(pi / 2) x erfc(R / sqrt 2).
        let tail = (core::f64::consts::PI / 2.0).sqrt()
            * libm::erfc(ZIGGURAT_R / core::f64::consts::SQRT_2);
        assert!(((ZIGGURAT_R * z.f[1] + tail) / ZIGGURAT_V - 1.0).abs() < 1e-9);
        assert!((z.x[0] * z.f[1] / ZIGGURAT_V - 1.0).abs() < 1e-12);
    }

    /// The normal numbers against the standard normal's distribution (erfc): the largest gap between
    /// the counted and the exact distribution over 2 000 000 draws is within Kolmogorov's 1% bound, and
    /// the tail beyond R, drawn apart, holds its share.
    #[test]
    fn normal_numbers_follow_the_standard_normal() {
        let n = 2_000_000;
        let mut rng = Rng::new(5);
        let mut xs: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        xs.sort_by(f64::total_cmp);
        let phi = |x: f64| 0.5 * libm::erfc(-x / core::f64::consts::SQRT_2);
        let gap = xs
            .iter()
            .enumerate()
            .map(|(k, &x)| {
                let below = (phi(x) - k as f64 / n as f64).abs();
                below.max((phi(x) - (k + 1) as f64 / n as f64).abs())
            })
            .fold(0.0, f64::max);
        assert!(gap < 1.63 / (n as f64).sqrt(), "{gap}");
        let beyond = xs.iter().filter(|x| x.abs() > ZIGGURAT_R).count() as f64;
        let want = 2.0 * (1.0 - phi(ZIGGURAT_R)) * n as f64; // about 1 152
        assert!(
            (beyond - want).abs() < 4.0 * want.sqrt(),
            "{beyond} against {want}"
        );
        assert!(xs.iter().all(|x| x.is_finite()) && xs[0] < -4.0 && xs[n - 1] > 4.0);
    }

    /// Poisson counts against the exact probabilities, for small means, a whole step and more than one.
    #[test]
    fn poisson_counts_have_the_poisson_probabilities() {
        for lambda in [0.01, 2.0, 30.0, 47.5] {
            let poisson = Poisson::new(lambda);
            let mut rng = Rng::new(9);
            let n = 400_000;
            let mut counts = vec![0u32; 200];
            let mut sum = 0.0;
            for _ in 0..n {
                let k = rng.poisson_with(&poisson);
                counts[k as usize] += 1;
                sum += f64::from(k);
            }
            let mean = sum / f64::from(n);
            let sd = (lambda / f64::from(n)).sqrt();
            assert!((mean - lambda).abs() < 4.0 * sd, "{lambda}: {mean}");
            // Each count's share against e^-l l^k / k!, within four standard errors.
            let mut p = libm::exp(-lambda);
            for (k, &c) in counts.iter().enumerate().take(120) {
                if k > 0 {
                    p *= lambda / k as f64;
                }
                let sd = (p * (1.0 - p) / f64::from(n)).sqrt();
                let share = f64::from(c) / f64::from(n);
                assert!((share - p).abs() <= 4.0 * sd + 1e-6, "{lambda}, {k}: {c}");
            }
        }
        assert_eq!(Rng::new(1).poisson(0.0), 0);
    }
}
