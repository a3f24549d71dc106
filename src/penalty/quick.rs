//! The simulation's quick path: the same rules as the explained credits, without any text.

use super::*;

/// One simulated period, for [`CreditSchedule::quick_credit`].
#[derive(Clone, Copy, Debug)]
pub struct Quick<'a> {
    /// Downtime (at most `length`).
    pub down: SignedDuration,
    /// The period's length.
    pub length: SignedDuration,
    /// Each outage's length.
    pub outages: &'a [SignedDuration],
    /// The period's charges.
    pub charges: Money,
}

/// The quick credits of periods of one length and one amount of charges, worked out in advance for a
/// schedule whose credit depends on the downtime only through comparisons of the attainment with fixed
/// percentages (tiers, a flat refund, an at-risk pool): the downtime is then looked up among the few
/// downtimes where a comparison can change, and every period costs a binary search of a handful of
/// integers instead of 128-bit arithmetic.
///
/// Exactly [`CreditSchedule::quick_credit`]: between two of those downtimes every comparison, and so the
/// credit, is the same, and each stretch takes the credit `quick_credit` gives one of its downtimes.
#[derive(Clone, Debug)]
pub struct QuickTable {
    /// The downtimes (nanoseconds) where a comparison can change, ascending.
    points: Vec<i64>,
    /// The credit and whether the period breached at each of `points`.
    at: Vec<(Money, bool)>,
    /// The same before the first point, between each two, and after the last.
    between: Vec<(Money, bool)>,
}

impl QuickTable {
    /// The table of `schedule` for periods of `length` charged `charges`; `None` for a per-unit penalty
    /// or a fee multiple, whose credit grows with every nanosecond down.
    pub fn new(
        schedule: &CreditSchedule,
        length: SignedDuration,
        charges: Money,
    ) -> Option<QuickTable> {
        let mut percents = vec![schedule.target.micros()];
        match &schedule.rule {
            CreditRule::Tiers(tiers) => {
                for t in tiers {
                    percents.extend(t.band.lower.iter().chain(&t.band.upper).map(|b| b.micros));
                }
            }
            CreditRule::Flat(_) => {}
            CreditRule::AtRisk { levels, .. } => {
                percents.extend(levels.iter().map(|l| l.target.micros()))
            }
            CreditRule::PerUnit { .. } | CreditRule::FeeMultiplier(_) => return None,
        }
        // An attainment (L - d) / L is below m millionths of a percent exactly when
        // d x 10^8 > L x (10^8 - m): the comparison changes around e = L x (10^8 - m) / 10^8.
        let l = i128::from(length.as_nanos());
        let mut points = Vec::with_capacity(percents.len() * 2);
        for m in percents {
            let e = l * (HUNDRED as i128 - i128::from(m));
            points.push((e / HUNDRED as i128) as i64);
            points.push(((e + HUNDRED as i128 - 1) / HUNDRED as i128) as i64);
        }
        points.sort_unstable();
        points.dedup();
        let credit = |d: i64| {
            schedule.quick_credit(Quick {
                down: SignedDuration::from_nanos(d),
                length,
                outages: &[],
                charges,
            })
        };
        let at = points.iter().map(|&d| credit(d)).collect();
        let mut between = Vec::with_capacity(points.len() + 1);
        between.push(credit(points[0].saturating_sub(1)));
        for p in &points {
            between.push(credit(p.saturating_add(1)));
        }
        Some(QuickTable {
            points,
            at,
            between,
        })
    }

    /// The credit of a period with `down` of downtime, and whether it breached.
    pub fn credit(&self, down: SignedDuration) -> (Money, bool) {
        match self.points.binary_search(&down.as_nanos()) {
            Ok(k) => self.at[k],
            Err(k) => self.between[k],
        }
    }
}

impl CreditSchedule {
    /// The credit of one period (caps and minimum applied, rounded to the cent) and whether it breached,
    /// without any text: the same rules as [`CreditSchedule::credits`] for a period measured from downtime,
    /// every service level of an at-risk pool sharing its attainment. For simulations.
    pub fn quick_credit(&self, q: Quick) -> (Money, bool) {
        let a = Availability::from_downtime(q.down, q.length);
        let breached = a.below(self.target.micros());
        let raw = match &self.rule {
            CreditRule::Tiers(tiers) => tiers
                .iter()
                .find(|t| t.band.contains(a))
                .map_or(0, |t| self.tier_credit(t, q.charges)),
            CreditRule::Flat(x) => {
                if breached {
                    share(q.charges, u128::from(*x))
                } else {
                    0
                }
            }
            CreditRule::PerUnit {
                percent,
                unit,
                beyond,
                started,
            } => {
                let excess = self.excess(*beyond, q.down, q.length, Some(q.outages));
                share(q.charges, u128::from(*percent)) * excess.units_micro(*unit, *started)
                    / 1_000_000
            }
            CreditRule::FeeMultiplier(m) => {
                fees_for(q.charges, q.down, q.length) * i128::from(*m) / 1_000_000
            }
            CreditRule::AtRisk { percent, levels } => {
                let pool = share(q.charges, u128::from(*percent));
                let c: Money = levels
                    .iter()
                    .filter(|l| a.below(l.target.micros()))
                    .map(|l| level_cost(pool, l))
                    .sum();
                c.min(pool)
            }
        };
        let mut credit = round_cents(raw.min(self.period_cap(q.charges)));
        if self.below_minimum(credit) {
            credit = 0;
        }
        (credit, self.breached(breached, raw))
    }

    /// Applies earn-back and the 12-month cap to a year of quick credits, given each period's downtime
    /// and length and the charges of every period, as [`CreditSchedule::credits`] does.
    pub fn settle_year(
        &self,
        credits: &mut [Money],
        downs: &[(SignedDuration, SignedDuration)],
        charges: Money,
    ) {
        if let Some((_, n)) = self.earn_back {
            for i in 0..credits.len() {
                let next = &downs[i + 1..(i + 1 + n).min(downs.len())];
                let next = next.iter().map(|&(d, l)| Availability::from_downtime(d, l));
                if credits[i] > 0 && self.earned_back(next) {
                    credits[i] = 0;
                }
            }
        }
        if let Some(cap) = self.cap_12_months_percent {
            let per_year = self.cadence.per_year();
            for i in 0..credits.len() {
                let from = (i + 1).saturating_sub(per_year);
                let window = (i + 1 - from) as i128;
                let earlier: Money = credits[from..i].iter().sum();
                let room = CreditSchedule::room_12_months(cap, charges * window, earlier);
                credits[i] = credits[i].min(room);
            }
        }
    }

    /// Whether the schedule is a plain flat refund or one tier, with no rule after it: then the chance
    /// of a breach and the expected credit have a closed form.
    pub fn single_payment(&self) -> Option<u32> {
        let plain = self.cap_percent as u128 == HUNDRED
            && self.minimum_credit == 0
            && self.earn_back.is_none()
            && self.cap_12_months_percent.is_none()
            && self.bonus.is_none();
        match &self.rule {
            CreditRule::Flat(x) if plain => Some(*x),
            _ => None,
        }
    }

    /// The downtime the target allows in a period of `length`.
    pub fn allowed(&self, length: SignedDuration) -> SignedDuration {
        self.allowance(length)
    }
}
