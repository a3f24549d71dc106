//! The rules every way of computing a credit shares: shares of the charges, rounding to the cent, the
//! caps, the minimum credit and earn-back.

use super::*;

/// The credit of one period, with its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditLine {
    /// The period's label.
    pub label: String,
    /// Availability in percent, rounded down to 6 decimals.
    pub attainment: String,
    /// Whether the period missed the schedule's target.
    pub breached: bool,
    /// The credit owed, after every rule, rounded to the cent.
    pub credit: Money,
    /// A bonus owed to the provider (over-performance), rounded to the cent.
    pub bonus: Money,
    /// The period's charges.
    pub charges: Money,
    /// A sentence a finance person can follow.
    pub explanation: String,
    /// The rules that changed the credit after it was computed (caps, minimum, earn-back), in words.
    pub adjustments: Vec<String>,
}

/// Credits for a run of periods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credits {
    /// One per period, in order.
    pub periods: Vec<CreditLine>,
    /// The sum of the credits.
    pub total: Money,
    /// The sum of the bonuses.
    pub total_bonus: Money,
    /// The sum of the charges.
    pub total_charges: Money,
}

/// `12 000 EUR`, `1 234.50 EUR`: thousands separated by a space, cents shown when there are any.
pub fn money_text(m: Money, currency: &str) -> String {
    let cents = round_cents(m) / (UNIT / 100);
    let (sign, cents) = if cents < 0 {
        ("-", -cents)
    } else {
        ("", cents)
    };
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    let frac = cents % 100;
    let number = if frac == 0 {
        grouped
    } else {
        format!("{grouped}.{frac:02}")
    };
    if currency.is_empty() {
        format!("{sign}{number}")
    } else {
        format!("{sign}{number} {currency}")
    }
}

/// Rounds to the cent, half up (away from zero for the halves of negative amounts).
pub fn round_cents(m: Money) -> Money {
    let cent = UNIT / 100;
    let half = cent / 2;
    if m >= 0 {
        (m + half) / cent * cent
    } else {
        -((-m + half) / cent * cent)
    }
}

pub(super) fn share(amount: Money, micros: u128) -> Money {
    amount * micros as i128 / HUNDRED as i128
}

/// The fees for `down` of a period of `length` charged `charges`: charges x down / length, rounded down,
/// without forming the product (it can exceed 128 bits for large charges).
pub(super) fn fees_for(charges: Money, down: SignedDuration, length: SignedDuration) -> Money {
    let (down, length) = (
        i128::from(down.as_nanos()),
        i128::from(length.as_nanos()).max(1),
    );
    charges / length * down + charges % length * down / length
}

/// What a missed service level costs of an at-risk pool: category allocation x its own allocation.
pub(super) fn level_cost(pool: Money, l: &Level) -> Money {
    pool * i128::from(l.category) / HUNDRED as i128 * i128::from(l.allocation) / HUNDRED as i128
}

impl CreditSchedule {
    /// What a tier gives of `charges`: a percentage, or days of service.
    pub(super) fn tier_credit(&self, tier: &Tier, charges: Money) -> Money {
        match tier.amount {
            Amount::Percent(x) => share(charges, u128::from(x)),
            Amount::Days(d) => charges * i128::from(d) / i128::from(self.days_per_period),
        }
    }

    /// Downtime counted by a per-unit penalty: beyond the allowance, or the part of each outage beyond
    /// the grace (the whole downtime taken as one outage when no outage lengths are known).
    pub(super) fn excess(
        &self,
        beyond: Beyond,
        down: SignedDuration,
        length: SignedDuration,
        outages: Option<&[SignedDuration]>,
    ) -> SignedDuration {
        match (beyond, outages) {
            (Beyond::Allowance, _) => (down - self.allowance(length)).at_least_zero(),
            (Beyond::Grace(g), Some(list)) => list.iter().map(|o| (*o - g).at_least_zero()).sum(),
            (Beyond::Grace(g), None) => (down - g).at_least_zero(),
        }
    }

    /// Whether a period breached, given whether its attainment is below the target and its raw credit:
    /// a pool is breached when a level is missed; tiers may credit the target itself ("<= 99.9").
    pub(super) fn breached(&self, below: bool, raw: Money) -> bool {
        match &self.rule {
            CreditRule::AtRisk { .. } => raw > 0,
            CreditRule::Tiers(_) => below || raw > 0,
            _ => below,
        }
    }

    /// The cap per period: the most a period's charges allow.
    pub(super) fn period_cap(&self, charges: Money) -> Money {
        share(charges, u128::from(self.cap_percent))
    }

    /// Whether a credit, rounded to the cent, is too small to be paid.
    pub(super) fn below_minimum(&self, credit: Money) -> bool {
        credit > 0 && credit < self.minimum_credit
    }

    /// Whether the periods after a credit earn it back: all of the next `n` meet the earn-back target.
    pub(super) fn earned_back(
        &self,
        mut next: impl ExactSizeIterator<Item = Availability>,
    ) -> bool {
        self.earn_back
            .is_some_and(|(target, n)| next.len() == n && next.all(|a| a.at_least(target.micros())))
    }

    /// What the 12-month cap leaves for a period: the cap of the window's charges less the credits
    /// already owed in it, rounded to the cent, never below 0.
    pub(super) fn room_12_months(cap: u32, window_charges: Money, earlier: Money) -> Money {
        round_cents(share(window_charges, u128::from(cap)) - earlier).max(0)
    }
}
