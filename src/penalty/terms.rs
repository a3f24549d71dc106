//! A schedule's terms written back as a plain value, and the variations a negotiation asks about: the
//! same structure at another target, and every credit rate scaled by one factor.

use super::{
    check_coverage, Amount, Band, Beyond, Bound, CreditRule, CreditSchedule, Tier, HUNDRED,
};
use crate::decimal::format_scaled;
use crate::error::{Error, Field};
use crate::target::Target;
use crate::value::{invalid, Value};

/// A percentage or other rate in millionths, as decimal text: `12_500_000` -> `"12.5"`.
fn text(micros: u64) -> Value {
    Value::Text(format_scaled(u128::from(micros), 6))
}

fn entry(name: &str, value: Value) -> (String, Value) {
    (name.to_string(), value)
}

impl Bound {
    fn text(self, upper: bool) -> String {
        let op = match (upper, self.inclusive) {
            (true, false) => "<",
            (true, true) => "<=",
            (false, false) => ">",
            (false, true) => ">=",
        };
        format!("{op} {}", format_scaled(u128::from(self.micros), 6))
    }
}

impl Band {
    /// The band as the schedule's text: `"< 99.9 and >= 99"`.
    pub fn text(&self) -> String {
        match (self.upper, self.lower) {
            (Some(u), Some(l)) => format!("{} and {}", u.text(true), l.text(false)),
            (Some(b), None) => b.text(true),
            (None, Some(b)) => b.text(false),
            (None, None) => ">= 0".to_string(),
        }
    }
}

fn tiers_value(tiers: &[Tier]) -> Value {
    Value::List(
        tiers
            .iter()
            .map(|t| {
                let amount = match t.amount {
                    Amount::Percent(p) => entry("percent", text(u64::from(p))),
                    Amount::Days(d) => entry("days", text(d)),
                };
                Value::Map(vec![entry("when", Value::Text(t.band.text())), amount])
            })
            .collect(),
    )
}

impl CreditSchedule {
    /// The schedule as the plain value [`CreditSchedule::from_value`] reads: reading it back gives the same
    /// schedule.
    pub fn to_value(&self) -> Value {
        let mut out = vec![
            entry("name", Value::Text(self.name.clone())),
            entry("period", Value::Text(self.cadence.name().to_string())),
            entry("target", Value::Text(self.target.to_string())),
        ];
        if !self.source.is_empty() {
            out.insert(1, entry("source", Value::Text(self.source.clone())));
        }
        match &self.rule {
            CreditRule::Tiers(tiers) => {
                out.push(entry("tiers", tiers_value(tiers)));
                if self.uncovered_no_credit {
                    out.push(entry("uncovered", Value::Text("no credit".to_string())));
                }
                if tiers.iter().any(|t| matches!(t.amount, Amount::Days(_))) {
                    out.push(entry("daysPerPeriod", text(self.days_per_period)));
                }
            }
            CreditRule::Flat(p) => out.push(entry("flat", text(u64::from(*p)))),
            CreditRule::PerUnit {
                percent,
                unit,
                beyond,
                started,
            } => out.push(entry(
                "perUnit",
                Value::Map(vec![
                    entry("percent", text(u64::from(*percent))),
                    entry(
                        "unit",
                        Value::Text(
                            if unit.whole_seconds() == 60 {
                                "minute"
                            } else {
                                "hour"
                            }
                            .to_string(),
                        ),
                    ),
                    entry(
                        "beyond",
                        Value::Text(match beyond {
                            Beyond::Allowance => "allowance".to_string(),
                            Beyond::Grace(g) => {
                                format!(
                                    "PT{}S",
                                    g.at_least_zero()
                                        .unsigned_abs()
                                        .unwrap_or_default()
                                        .seconds_decimal()
                                )
                            }
                        }),
                    ),
                    entry("started", Value::Bool(*started)),
                ]),
            )),
            CreditRule::FeeMultiplier(m) => out.push(entry("feeMultiplier", text(*m))),
            CreditRule::AtRisk { percent, levels } => out.push(entry(
                "atRisk",
                Value::Map(vec![
                    entry("percent", text(u64::from(*percent))),
                    entry(
                        "levels",
                        Value::List(
                            levels
                                .iter()
                                .map(|l| {
                                    Value::Map(vec![
                                        entry("name", Value::Text(l.name.clone())),
                                        entry("target", Value::Text(l.target.to_string())),
                                        entry("category", text(u64::from(l.category))),
                                        entry("allocation", text(u64::from(l.allocation))),
                                    ])
                                })
                                .collect(),
                        ),
                    ),
                ]),
            )),
        }
        if self.cap_percent != HUNDRED as u32 {
            out.push(entry("capPercent", text(u64::from(self.cap_percent))));
        }
        if let Some(c) = self.cap_12_months_percent {
            out.push(entry("cap12MonthsPercent", text(u64::from(c))));
        }
        if self.minimum_credit > 0 {
            out.push(entry("minimumCredit", text(self.minimum_credit as u64)));
        }
        if let Some((t, n)) = self.earn_back {
            out.push(entry(
                "earnBack",
                Value::Map(vec![
                    entry("target", Value::Text(t.to_string())),
                    entry("periods", Value::Text(n.to_string())),
                ]),
            ));
        }
        if let Some((tiers, cap)) = &self.bonus {
            out.push(entry(
                "bonus",
                Value::Map(vec![
                    entry("tiers", tiers_value(tiers)),
                    entry("capPercent", text(u64::from(*cap))),
                ]),
            ));
        }
        Value::Map(out)
    }

    /// The same credit structure committed at `target`: tiers are cut at the new target, and the tier
    /// that ran up to the old target runs up to the new one; tiers wholly above the new target go.
    ///
    /// # Example: Microsoft's tiers, committed at 99.95% instead of 99.9%
    /// ```
    /// # use slacalc::{penalty::CreditSchedule, value::Value, Target};
    /// let text = |s: &str| Value::Text(s.to_string());
    /// let tier = |when: &str, percent: &str| Value::Map(vec![("when".into(), text(when)), ("percent".into(), text(percent))]);
    /// let s = CreditSchedule::from_value(&Value::Map(vec![("target".into(), text("99.9")), ("tiers".into(), Value::List(vec![
    ///     tier("< 99.9 and >= 99", "25"), tier("< 99 and >= 95", "50"), tier("< 95", "100")]))]))?;
    /// let at = s.at_target(Target::parse("99.95")?)?;
    /// let Value::Map(entries) = at.to_value() else { unreachable!() };
    /// let tiers = &entries.iter().find(|(k, _)| k == "tiers").unwrap().1;
    /// let Value::List(tiers) = tiers else { unreachable!() };
    /// let Value::Map(first) = &tiers[0] else { unreachable!() };
    /// assert_eq!(first[0].1, text("< 99.95 and >= 99"));
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for an at-risk pool (its levels have their own targets), or when the
    /// tiers left no longer cover the attainments below the target.
    pub fn at_target(&self, target: Target) -> Result<CreditSchedule, Error> {
        let mut s = self.clone();
        let (old, new) = (self.target.micros(), target.micros());
        s.target = target;
        s.name = format!("{} at {target}%", self.name);
        match &mut s.rule {
            CreditRule::AtRisk { .. } => {
                return Err(invalid(
                    Field::Schedule,
                    "target",
                    "an at-risk pool's service levels have their own targets: change those"
                        .to_string(),
                ))
            }
            CreditRule::Tiers(tiers) => {
                for t in tiers.iter_mut() {
                    if let Some(u) = t.band.upper.as_mut() {
                        if u.micros == old || u.micros > new {
                            u.micros = new;
                        }
                    }
                }
                tiers.retain(|t| t.band.start() < t.band.end());
                if tiers.is_empty() {
                    return Err(invalid(
                        Field::Schedule,
                        "tiers",
                        format!("no tier is left below {target}%"),
                    ));
                }
                check_coverage(tiers, target, s.uncovered_no_credit, "tiers")?;
            }
            _ => {}
        }
        Ok(s)
    }

    /// Every credit rate times `factor` (in millionths: 500 000 halves them), rounded down to a
    /// hundredth: tier percentages and days, a flat refund, a rate per unit, a fee multiple, an at-risk
    /// pool. Percentages stay at most 100%.
    pub fn scaled(&self, factor: u64) -> CreditSchedule {
        let rate =
            |x: u64, max: u64| (x.saturating_mul(factor) / 1_000_000 / 10_000 * 10_000).min(max);
        let percent = |p: u32| rate(u64::from(p), HUNDRED as u64) as u32;
        let mut s = self.clone();
        s.name = format!(
            "{} with rates x{}",
            self.name,
            format_scaled(u128::from(factor), 6)
        );
        match &mut s.rule {
            CreditRule::Tiers(tiers) => {
                for t in tiers {
                    t.amount = match t.amount {
                        Amount::Percent(p) => Amount::Percent(percent(p)),
                        Amount::Days(d) => Amount::Days(rate(d, u64::MAX)),
                    };
                }
            }
            CreditRule::Flat(p) => *p = percent(*p),
            CreditRule::PerUnit { percent: p, .. } => *p = percent(*p),
            CreditRule::FeeMultiplier(m) => *m = rate(*m, u64::MAX),
            CreditRule::AtRisk { percent: p, .. } => *p = percent(*p),
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(json: &str) -> CreditSchedule {
        let v = Value::parse_json(json).unwrap();
        CreditSchedule::from_value(&v).unwrap()
    }

    #[test]
    fn reading_the_value_back_gives_the_same_schedule() {
        for json in [
            r#"{"name": "GitHub", "period": "quarter", "target": "99.9", "uncovered": "no credit", "tiers": [{"when": "<= 99.9 and > 99.0", "percent": "10"}, {"when": "< 99.0", "percent": "25"}]}"#,
            r#"{"target": "99.9", "daysPerPeriod": "30", "tiers": [{"when": "< 99.9 and >= 99", "days": "3"}, {"when": "< 99", "days": "7.5"}], "capPercent": "50", "minimumCredit": "1", "earnBack": {"target": "99.95", "periods": "3"}}"#,
            r#"{"target": "99.9", "perUnit": {"percent": "5", "unit": "hour", "beyond": "PT2H", "started": true}, "cap12MonthsPercent": "8"}"#,
            r#"{"target": "99", "period": "fortnight", "flat": "10", "bonus": {"tiers": [{"when": ">= 99.99", "percent": "2"}], "capPercent": "5"}}"#,
            r#"{"target": "99.9", "feeMultiplier": "2.5"}"#,
            r#"{"target": "99.9", "atRisk": {"percent": "12", "levels": [{"name": "Availability", "target": "99.9", "category": "60", "allocation": "150"}]}}"#,
        ] {
            let s = schedule(json);
            assert_eq!(
                CreditSchedule::from_value(&s.to_value()).unwrap(),
                s,
                "{json}"
            );
        }
    }

    #[test]
    fn another_target_moves_where_credits_start() {
        let ms = schedule(
            r#"{"target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": "25"}, {"when": "< 99 and >= 95", "percent": "50"}, {"when": "< 95", "percent": "100"}]}"#,
        );
        let when = |s: &CreditSchedule| match &s.rule {
            CreditRule::Tiers(t) => t.iter().map(|t| t.band.text()).collect::<Vec<_>>(),
            _ => vec![],
        };
        assert_eq!(
            when(&ms.at_target(Target::parse("99.95").unwrap()).unwrap()),
            ["< 99.95 and >= 99", "< 99 and >= 95", "< 95"]
        );
        // Lower than a tier's top: the tier is cut, the one above it goes.
        assert_eq!(
            when(&ms.at_target(Target::parse("98").unwrap()).unwrap()),
            ["< 98 and >= 95", "< 95"]
        );
        let risk = schedule(
            r#"{"target": "99.9", "atRisk": {"percent": "12", "levels": [{"name": "A", "target": "99.9", "category": "60", "allocation": "100"}]}}"#,
        );
        assert!(risk.at_target(Target::parse("99").unwrap()).is_err());
    }

    #[test]
    fn scaled_rates_round_down_to_a_hundredth_and_stay_within_100_percent() {
        let ms = schedule(
            r#"{"target": "99.9", "tiers": [{"when": "< 99.9 and >= 99", "percent": "25"}, {"when": "< 99", "percent": "80"}]}"#,
        );
        let half = ms.scaled(333_333);
        let CreditRule::Tiers(t) = &half.rule else {
            panic!()
        };
        // 25% x 0.333333 = 8.333325% -> 8.33%; 80% -> 26.66664% -> 26.66%.
        assert_eq!(t[0].amount, Amount::Percent(8_330_000));
        assert_eq!(t[1].amount, Amount::Percent(26_660_000));
        let CreditRule::Tiers(t) = &ms.scaled(2_000_000).rule else {
            panic!()
        };
        assert_eq!(t[1].amount, Amount::Percent(100_000_000));
    }
}
