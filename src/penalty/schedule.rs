//! A credit schedule and how it is read from a plain value, part by part, each error naming its part.

use super::*;

/// What a tier gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// A percentage of the period's charges, in millionths of a percent.
    Percent(u32),
    /// Days of service, in millionths of a day.
    Days(u64),
}

/// A band of attainment and what it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    /// The band.
    pub band: Band,
    /// The credit.
    pub amount: Amount,
}

/// Where per-unit penalties start counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Beyond {
    /// Downtime beyond what the target allows in the period.
    Allowance,
    /// The part of each outage beyond this many seconds ("after the first 2 consecutive hours").
    Grace(SignedDuration),
}

/// A service level of an at-risk pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Level {
    /// Its name, matched with each period's `levels`.
    pub name: String,
    /// Its target.
    pub target: Target,
    /// The allocation of its performance category, in millionths of a percent.
    pub category: u32,
    /// Its own allocation within the category, in millionths of a percent (may exceed 100%).
    pub allocation: u32,
}

/// How the credit is computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreditRule {
    /// Bands of attainment.
    Tiers(Vec<Tier>),
    /// A percentage of the charges when the target is missed.
    Flat(u32),
    /// A percentage per unit of downtime.
    PerUnit {
        /// Millionths of a percent per unit.
        percent: u32,
        /// The unit in seconds (3600 or 60).
        unit: SignedDuration,
        /// Where counting starts.
        beyond: Beyond,
        /// Whether a started unit counts in full.
        started: bool,
    },
    /// A multiple (in millionths) of the fees for the time down.
    FeeMultiplier(u64),
    /// An at-risk pool: a percentage of the charges, shared by service levels.
    AtRisk {
        /// The pool, in millionths of a percent of the charges.
        percent: u32,
        /// The service levels.
        levels: Vec<Level>,
    },
}

/// A credit schedule, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreditSchedule {
    /// A name to show.
    pub name: String,
    /// Where it comes from (a provider's terms) or what it illustrates.
    pub source: String,
    /// The measurement period.
    pub cadence: Measure,
    /// The commitment.
    pub target: Target,
    /// How the credit is computed.
    pub rule: CreditRule,
    /// What a day of service is worth: the period's charges divided by this (millionths; default 30).
    pub days_per_period: u64,
    /// Cap per period, in millionths of a percent of its charges.
    pub cap_percent: u32,
    /// Cap over any 12 months, in millionths of a percent of their charges.
    pub cap_12_months_percent: Option<u32>,
    /// A smaller credit is not paid.
    pub minimum_credit: Money,
    /// A credit is cancelled when the next `periods` periods all meet `target`.
    pub earn_back: Option<(Target, usize)>,
    /// Bonus bands (percentages of charges) and their cap per period.
    pub bonus: Option<(Vec<Tier>, u32)>,
    /// Attainments below the target in no tier get no credit (`uncovered: "no credit"`), instead of
    /// being refused.
    pub uncovered_no_credit: bool,
}

pub(super) const SCHEDULE_NAMES: [&str; 16] = [
    "id",
    "name",
    "source",
    "period",
    "target",
    "tiers",
    "uncovered",
    "flat",
    "perUnit",
    "feeMultiplier",
    "atRisk",
    "daysPerPeriod",
    "capPercent",
    "cap12MonthsPercent",
    "minimumCredit",
    "earnBack",
];

pub(super) fn percent_of(o: &Object, name: &str, max: u128) -> Result<u32, Error> {
    Ok(o.decimal(name, 6, Some(max))? as u32)
}

pub(super) fn target_of(o: &Object, name: &str) -> Result<Target, Error> {
    Target::parse(o.text(name)?).map_err(|e| o.error(name, e.to_string()))
}

pub(super) fn tiers_of(o: &Object, name: &str, days_allowed: bool) -> Result<Vec<Tier>, Error> {
    let items = o.list(name)?.unwrap_or(&[]);
    if items.is_empty() {
        return Err(o.error(name, "must list at least one tier"));
    }
    let mut tiers = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", o.path(name));
        let t = Object::new(item, Field::Schedule, &path, &["when", "percent", "days"])?;
        let band = Band::parse(t.text("when")?).map_err(|r| t.error("when", r))?;
        let amount = match (t.get("percent"), t.get("days")) {
            (Some(_), None) => Amount::Percent(percent_of(&t, "percent", HUNDRED)?),
            (None, Some(_)) if days_allowed => {
                Amount::Days(t.decimal("days", 6, Some(366_000_000))? as u64)
            }
            _ => {
                return Err(invalid(
                    Field::Schedule,
                    &path,
                    if days_allowed {
                        "give either percent (of the period's charges) or days (of service)"
                    } else {
                        "give percent (of the period's charges)"
                    }
                    .to_string(),
                ))
            }
        };
        tiers.push(Tier { band, amount });
    }
    Ok(tiers)
}

/// Overlaps are always refused; gaps below `target` are refused unless `allow_gaps`.
pub(super) fn check_coverage(
    tiers: &[Tier],
    target: Target,
    allow_gaps: bool,
    path: &str,
) -> Result<(), Error> {
    let mut order: Vec<usize> = (0..tiers.len()).collect();
    order.sort_by_key(|&i| (tiers[i].band.start(), tiers[i].band.end()));
    let goal = 2 * u64::from(target.micros());
    let mut cursor = 0u64;
    let mut previous: Option<usize> = None;
    let mut gaps = Vec::new();
    for &i in &order {
        let band = &tiers[i].band;
        if let Some(p) = previous {
            if band.start() < cursor {
                return Err(invalid(
                    Field::Schedule,
                    path,
                    format!(
                        "tiers[{p}] ({}) and tiers[{i}] ({}) overlap: an attainment must fall in one tier at most",
                        tiers[p].band.words(),
                        band.words()
                    ),
                ));
            }
        }
        if band.start() > cursor && cursor < goal {
            gaps.push((cursor, band.start().min(goal)));
        }
        cursor = cursor.max(band.end());
        previous = Some(i);
    }
    if cursor < goal {
        gaps.push((cursor, goal));
    }
    if !gaps.is_empty() && !allow_gaps {
        let words: Vec<String> = gaps
            .iter()
            .map(|&(a, b)| {
                if b == a + 1 && a % 2 == 0 {
                    format!("exactly {}", pct((a / 2) as u32))
                } else {
                    format!("{} {}", point_words(a, true), point_words(b, false))
                }
            })
            .collect();
        return Err(invalid(
            Field::Schedule,
            path,
            format!(
                "attainments below the target {}% fall in no tier: {}. Cover them, or say uncovered: \"no credit\"",
                target,
                words.join("; ")
            ),
        ));
    }
    Ok(())
}

impl CreditSchedule {
    /// Reads and checks a schedule.
    ///
    /// # Example: AWS EC2, region level (tiers from the published terms)
    /// ```
    /// use slacalc::penalty::{CreditSchedule, PeriodInput};
    /// use slacalc::value::Value;
    /// let text = |s: &str| Value::Text(s.to_string());
    /// let tier = |when: &str, percent: &str| Value::Map(vec![("when".into(), text(when)), ("percent".into(), text(percent))]);
    /// let schedule = CreditSchedule::from_value(&Value::Map(vec![
    ///     ("target".into(), text("99.99")),
    ///     ("tiers".into(), Value::List(vec![
    ///         tier("< 99.99 and >= 99.0", "10"), tier("< 99.0 and >= 95.0", "30"), tier("< 95.0", "100"),
    ///     ])),
    /// ]))?;
    /// let lines = schedule.credits(&[PeriodInput::typed("May 2026", "99.82", "12000")?], "EUR")?;
    /// assert_eq!(lines.periods[0].credit, 1_200_000_000); // 1 200 EUR, in millionths
    /// assert_eq!(lines.periods[0].explanation,
    ///     "May 2026: 99.82% is below 99.99% and at or above 99%: 10% of 12 000 EUR = 1 200 EUR.");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidValue`] naming the part: unknown names, bad numbers, bands that overlap or leave
    /// attainments below the target uncovered, no credit rule or several.
    pub fn from_value(value: &Value) -> Result<CreditSchedule, Error> {
        let mut names = SCHEDULE_NAMES.to_vec();
        names.push("bonus");
        let o = Object::new(value, Field::Schedule, "", &names)?;
        let target = target_of(&o, "target")?;
        let cadence = match o.optional_text("period")? {
            None => Measure::Month,
            Some(t) => Measure::parse(t).ok_or_else(|| {
                o.error(
                    "period",
                    format!("\"{t}\" must be week, fortnight, month, quarter or year"),
                )
            })?,
        };
        let allow_gaps = match o.optional_text("uncovered")? {
            None | Some("error") => false,
            Some("no credit") => true,
            Some(t) => {
                return Err(o.error(
                    "uncovered",
                    format!("\"{t}\" must be \"no credit\" or \"error\""),
                ))
            }
        };
        let kinds: Vec<&str> = ["tiers", "flat", "perUnit", "feeMultiplier", "atRisk"]
            .into_iter()
            .filter(|k| o.get(k).is_some())
            .collect();
        let rule = match kinds.as_slice() {
            ["tiers"] => {
                let tiers = tiers_of(&o, "tiers", true)?;
                check_coverage(&tiers, target, allow_gaps, "tiers")?;
                CreditRule::Tiers(tiers)
            }
            ["flat"] => CreditRule::Flat(percent_of(&o, "flat", HUNDRED)?),
            ["perUnit"] => {
                let p = Object::new(
                    o.get("perUnit").unwrap_or(&Value::Null),
                    Field::Schedule,
                    "perUnit",
                    &["percent", "unit", "beyond", "started"],
                )?;
                let unit = match p.optional_text("unit")? {
                    None | Some("hour") => SignedDuration::from_seconds(3600),
                    Some("minute") => SignedDuration::from_seconds(60),
                    Some(t) => {
                        return Err(p.error("unit", format!("\"{t}\" must be hour or minute")))
                    }
                };
                let beyond = match p.optional_text("beyond")? {
                    None | Some("allowance") => Beyond::Allowance,
                    Some(t) => {
                        let d = ExactDuration::parse(t, Field::Schedule).map_err(|_| {
                            p.error(
                                "beyond",
                                format!(
                                    "\"{t}\" must be allowance, or a grace per outage such as PT2H"
                                ),
                            )
                        })?;
                        Beyond::Grace(d.into())
                    }
                };
                CreditRule::PerUnit {
                    percent: percent_of(&p, "percent", HUNDRED)?,
                    unit,
                    beyond,
                    started: p.flag("started", false)?,
                }
            }
            ["feeMultiplier"] => {
                CreditRule::FeeMultiplier(o.decimal("feeMultiplier", 6, Some(1_000_000_000))? as u64)
            }
            ["atRisk"] => {
                let a = Object::new(
                    o.get("atRisk").unwrap_or(&Value::Null),
                    Field::Schedule,
                    "atRisk",
                    &["percent", "levels"],
                )?;
                let items = a.list("levels")?.unwrap_or(&[]);
                if items.is_empty() {
                    return Err(a.error("levels", "must list at least one service level"));
                }
                let mut levels = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let l = Object::new(
                        item,
                        Field::Schedule,
                        &format!("atRisk.levels[{i}]"),
                        &["name", "target", "category", "allocation"],
                    )?;
                    let name = l.text("name")?.trim().to_string();
                    if name.is_empty() || levels.iter().any(|x: &Level| x.name == name) {
                        return Err(
                            l.error("name", "must be given and different from the other levels'")
                        );
                    }
                    levels.push(Level {
                        name,
                        target: target_of(&l, "target")?,
                        category: percent_of(&l, "category", HUNDRED)?,
                        allocation: percent_of(&l, "allocation", 10 * HUNDRED)?,
                    });
                }
                CreditRule::AtRisk {
                    percent: percent_of(&a, "percent", HUNDRED)?,
                    levels,
                }
            }
            [] => return Err(invalid(
                Field::Schedule,
                "",
                "give one way to compute the credit: tiers, flat, perUnit, feeMultiplier or atRisk"
                    .to_string(),
            )),
            several => {
                return Err(invalid(
                    Field::Schedule,
                    "",
                    format!(
                        "give one way to compute the credit, not {}",
                        several.join(" and ")
                    ),
                ))
            }
        };
        let earn_back = match o.get("earnBack") {
            None => None,
            Some(v) => {
                let e = Object::new(v, Field::Schedule, "earnBack", &["target", "periods"])?;
                let target = target_of(&e, "target")?;
                let periods = e.decimal("periods", 0, Some(60))? as usize;
                if periods == 0 {
                    return Err(e.error("periods", "must be at least 1"));
                }
                Some((target, periods))
            }
        };
        let bonus = match o.get("bonus") {
            None => None,
            Some(v) => {
                let b = Object::new(v, Field::Schedule, "bonus", &["tiers", "capPercent"])?;
                let tiers = tiers_of(&b, "tiers", false)?;
                check_coverage(&tiers, Target::parse("0.000001")?, true, "bonus.tiers")?;
                Some((tiers, percent_of(&b, "capPercent", HUNDRED)?))
            }
        };
        let days = o.optional_decimal("daysPerPeriod", 6, Some(366_000_000))?;
        if days == Some(0) {
            return Err(o.error("daysPerPeriod", "must be more than 0"));
        }
        Ok(CreditSchedule {
            name: o
                .optional_text("name")?
                .unwrap_or("Custom schedule")
                .to_string(),
            source: o.optional_text("source")?.unwrap_or("").to_string(),
            cadence,
            target,
            rule,
            days_per_period: days.unwrap_or(30_000_000) as u64,
            cap_percent: o
                .optional_decimal("capPercent", 6, Some(HUNDRED))?
                .unwrap_or(HUNDRED) as u32,
            cap_12_months_percent: o
                .optional_decimal("cap12MonthsPercent", 6, Some(HUNDRED))?
                .map(|x| x as u32),
            minimum_credit: o
                .get("minimumCredit")
                .map(|_| o.amount("minimumCredit"))
                .transpose()?
                .unwrap_or(0) as Money,
            earn_back,
            bonus,
            uncovered_no_credit: allow_gaps,
        })
    }

    /// The downtime the target allows in a period of `length` (rounded down to the nanosecond).
    pub(super) fn allowance(&self, length: SignedDuration) -> SignedDuration {
        length.mul_div(
            i128::from(self.target.unavailability_parts()),
            HUNDRED as i128,
        )
    }
}
