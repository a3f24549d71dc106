//! The credit of each period with a sentence a finance person can follow, and the contract-wide rules
//! (earn-back, the 12-month cap, the bonus) applied in order.

use super::*;

pub(super) fn days_text(days: u64) -> String {
    let d = format_scaled(u128::from(days), 6);
    if days == 1_000_000 {
        "1 day".to_string()
    } else {
        format!("{d} days")
    }
}

pub(super) fn hours_text(d: SignedDuration) -> String {
    d.at_least_zero().to_string()
}

impl CreditSchedule {
    /// The credit of one period before the contract-wide rules (earn-back, 12-month cap).
    pub(super) fn credit_of(&self, p: &PeriodInput, currency: &str) -> Result<CreditLine, Error> {
        let money = |m: Money| money_text(m, currency);
        let a = p.attainment;
        let a_text = a.percent(6);
        let breached = a.below(self.target.micros());
        let head = format!("{}: {}%", p.label, a_text);
        let down = p.downtime.unwrap_or_else(|| a.downtime_of(p.length));
        let (raw, why) = match &self.rule {
            CreditRule::Tiers(tiers) => match tiers.iter().find(|t| t.band.contains(a)) {
                None => (
                    0,
                    if breached {
                        format!("{head} falls in no tier of the schedule: no credit")
                    } else {
                        format!("{head} meets the {}% target: no credit", self.target)
                    },
                ),
                Some(t) => match t.amount {
                    Amount::Percent(x) => {
                        let c = self.tier_credit(t, p.charges);
                        (
                            c,
                            format!(
                                "{head} is {}: {} of {} = {}",
                                t.band.words(),
                                pct(x),
                                money(p.charges),
                                money(c)
                            ),
                        )
                    }
                    Amount::Days(d) => {
                        let c = self.tier_credit(t, p.charges);
                        (
                            c,
                            format!(
                                "{head} is {}: {} of service, at 1/{} of {} a day, = {}",
                                t.band.words(),
                                days_text(d),
                                format_scaled(u128::from(self.days_per_period), 6),
                                money(p.charges),
                                money(c)
                            ),
                        )
                    }
                },
            },
            CreditRule::Flat(x) => {
                if breached {
                    let c = share(p.charges, u128::from(*x));
                    (
                        c,
                        format!(
                            "{head} is below the {}% target: a flat {} of {} = {}",
                            self.target,
                            pct(*x),
                            money(p.charges),
                            money(c)
                        ),
                    )
                } else {
                    (
                        0,
                        format!("{head} meets the {}% target: no credit", self.target),
                    )
                }
            }
            CreditRule::PerUnit {
                percent,
                unit,
                beyond,
                started,
            } => {
                let excess = self.excess(*beyond, down, p.length, p.outages.as_deref());
                let basis = match (beyond, &p.outages) {
                    (Beyond::Allowance, _) => format!(
                        "{} down against {} allowed",
                        hours_text(down),
                        hours_text(self.allowance(p.length))
                    ),
                    (Beyond::Grace(g), Some(list)) => format!(
                        "{} outage{}, each counted beyond its first {}",
                        list.len(),
                        if list.len() == 1 { "" } else { "s" },
                        hours_text(*g)
                    ),
                    (Beyond::Grace(g), None) => format!(
                        "{} down, taken as one outage (no outage lengths given), counted beyond its first {}",
                        hours_text(down),
                        hours_text(*g)
                    ),
                };
                let units_micro = excess.units_micro(*unit, *started);
                let per_unit = share(p.charges, u128::from(*percent));
                let c = per_unit * units_micro / 1_000_000;
                let unit_name = if unit.whole_seconds() == 3600 {
                    "hour"
                } else {
                    "minute"
                };
                (
                    c,
                    format!(
                        "{head}, {basis}: {} {unit_name}{} counted{} at {} of {} = {}",
                        format_scaled(units_micro as u128, 6),
                        if units_micro == 1_000_000 { "" } else { "s" },
                        if *started {
                            " (a started one in full)"
                        } else {
                            ""
                        },
                        pct(*percent),
                        money(p.charges),
                        money(c)
                    ),
                )
            }
            CreditRule::FeeMultiplier(m) => {
                let fees = fees_for(p.charges, down, p.length);
                let c = fees * i128::from(*m) / 1_000_000;
                (
                    c,
                    format!(
                        "{head}, {} down: {} x the fees for that time ({} of {}) = {}",
                        hours_text(down),
                        format_scaled(u128::from(*m), 6),
                        money(fees),
                        money(p.charges),
                        money(c)
                    ),
                )
            }
            CreditRule::AtRisk { percent, levels } => {
                let pool = share(p.charges, u128::from(*percent));
                let mut c = 0;
                let mut missed = Vec::new();
                for l in levels {
                    let Some((_, got)) = p.levels.iter().find(|(n, _)| *n == l.name) else {
                        return Err(invalid(
                            Field::Periods,
                            &format!("{}.levels", p.label),
                            format!("gives no attainment for the service level \"{}\"", l.name),
                        ));
                    };
                    if got.below(l.target.micros()) {
                        let x = level_cost(pool, l);
                        c += x;
                        missed.push(format!(
                            "{} at {}% missed {}%: {} x {} of the pool = {}",
                            l.name,
                            got.percent(6),
                            l.target,
                            pct(l.category),
                            pct(l.allocation),
                            money(x)
                        ));
                    }
                }
                let capped = c.min(pool);
                let text = if missed.is_empty() {
                    format!("{}: every service level met its target: no credit", p.label)
                } else {
                    format!(
                        "{}: at-risk pool {} of {} = {}; {}{}",
                        p.label,
                        pct(*percent),
                        money(p.charges),
                        money(pool),
                        missed.join("; "),
                        if capped < c {
                            format!(
                                "; {} in all, capped at the pool: {}",
                                money(c),
                                money(capped)
                            )
                        } else {
                            format!("; {} in all", money(capped))
                        }
                    )
                };
                (capped, text)
            }
        };
        let breached = self.breached(breached, raw);
        let mut credit = raw;
        let mut adjustments = Vec::new();
        let cap = self.period_cap(p.charges);
        if credit > cap {
            adjustments.push(format!(
                "capped at {} of the charges: {}",
                pct(self.cap_percent),
                money(cap)
            ));
            credit = cap;
        }
        let mut credit = round_cents(credit);
        if self.below_minimum(credit) {
            adjustments.push(format!(
                "below the minimum credit of {}: not paid",
                money(self.minimum_credit)
            ));
            credit = 0;
        }
        let mut bonus = 0;
        if let Some((tiers, cap)) = &self.bonus {
            if raw == 0 {
                if let Some(t) = tiers.iter().find(|t| t.band.contains(a)) {
                    if let Amount::Percent(x) = t.amount {
                        let b = share(p.charges, u128::from(x.min(*cap)));
                        bonus = round_cents(b);
                        adjustments.push(format!(
                            "a bonus for {}% ({}): {} of {} = {}{}",
                            a.percent(6),
                            t.band.words(),
                            pct(x.min(*cap)),
                            money(p.charges),
                            money(bonus),
                            if x > *cap { " (capped)" } else { "" }
                        ));
                    }
                }
            }
        }
        Ok(CreditLine {
            label: p.label.clone(),
            attainment: a_text,
            breached,
            credit,
            bonus,
            charges: p.charges,
            explanation: format!("{why}."),
            adjustments,
        })
    }

    /// The credits of `periods`, in order, with every rule applied.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when a period lacks what the schedule needs (a service level's attainment).
    pub fn credits(&self, periods: &[PeriodInput], currency: &str) -> Result<Credits, Error> {
        let mut lines = periods
            .iter()
            .map(|p| self.credit_of(p, currency))
            .collect::<Result<Vec<_>, _>>()?;
        let money = |m: Money| money_text(m, currency);
        if let Some((target, n)) = self.earn_back {
            for i in 0..lines.len() {
                if lines[i].credit == 0 {
                    continue;
                }
                let next = &periods[i + 1..periods.len().min(i + 1 + n)];
                if self.earned_back(next.iter().map(|p| p.attainment)) {
                    let c = lines[i].credit;
                    lines[i].adjustments.push(format!(
                        "earned back: the next {n} period{} all met {target}%, so {} is not owed",
                        if n == 1 { "" } else { "s" },
                        money(c)
                    ));
                    lines[i].credit = 0;
                } else if next.len() < n
                    && next.iter().all(|p| p.attainment.at_least(target.micros()))
                {
                    lines[i].adjustments.push(format!(
                        "owed unless the next {n} period{} all meet {target}% (earn-back): not all of them are given",
                        if n == 1 { "" } else { "s" }
                    ));
                }
            }
        }
        if let Some(cap) = self.cap_12_months_percent {
            let per_year = self.cadence.per_year();
            for i in 0..lines.len() {
                let from = (i + 1).saturating_sub(per_year);
                let charges: Money = lines[from..=i].iter().map(|l| l.charges).sum();
                let earlier: Money = lines[from..i].iter().map(|l| l.credit).sum();
                let room = CreditSchedule::room_12_months(cap, charges, earlier);
                if lines[i].credit > room {
                    lines[i].adjustments.push(format!(
                        "capped at {} of the charges of 12 months ({} of {}): {} was left",
                        pct(cap),
                        money(share(charges, u128::from(cap))),
                        money(charges),
                        money(room)
                    ));
                    lines[i].credit = room;
                }
            }
        }
        for l in &mut lines {
            if !l.adjustments.is_empty() {
                l.explanation = format!(
                    "{} Then {}. Credit: {}.",
                    l.explanation,
                    l.adjustments.join("; then "),
                    money(l.credit)
                );
            }
        }
        Ok(Credits {
            total: lines.iter().map(|l| l.credit).sum(),
            total_bonus: lines.iter().map(|l| l.bonus).sum(),
            total_charges: lines.iter().map(|l| l.charges).sum(),
            periods: lines,
        })
    }
}
