//! The periods a schedule is applied to: read from a plain value or from the Outage log page's export.

use super::*;

/// The periods of one measurement in the Outage log page's export (`attainment.csv`: columns
/// `measured`, `period` and `availability_percent`, quoted as RFC 4180 quotes them): each period's label
/// and attainment, in order, for `measure` (`"month"`, `"week"` ...). Periods without service time (an
/// empty attainment) are left out.
///
/// # Example
/// ```
/// let csv = "measured,period,start,end,service_seconds,downtime_seconds,availability_percent,met\r\n\
///            week,week 10 of 2026,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z,604800,7200,98.809523,false\r\n\
///            month,\"Mar 2026\",2026-03-01T00:00:00Z,2026-04-01T00:00:00Z,2678400,7200,99.731182,false\r\n";
/// let rows = slacalc::penalty::exported_periods(csv, "month")?;
/// assert_eq!(rows, [("Mar 2026".to_string(), "99.731182".to_string())]);
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidLog`] when the text lacks those columns or has no row for `measure`.
pub fn exported_periods(text: &str, measure: &str) -> Result<Vec<(String, String)>, Error> {
    let mut lines = text.split(['\n', '\r']).filter(|l| !l.trim().is_empty());
    let bad = |reason: &str| Error::InvalidLog {
        reason: reason.to_string(),
    };
    let head = crate::outage::split_record(lines.next().unwrap_or(""), ',').map_err(&bad)?;
    let find = |name: &str| head.iter().position(|h| h.trim() == name);
    let (Some(m), Some(p), Some(a)) = (
        find("measured"),
        find("period"),
        find("availability_percent"),
    ) else {
        return Err(bad("it is not an export of the Outage log page: it needs the columns measured, period and availability_percent"));
    };
    let mut out = Vec::new();
    for line in lines {
        let fields = crate::outage::split_record(line, ',').map_err(&bad)?;
        let field = |i: usize| {
            fields
                .get(i)
                .map(|f| f.trim().to_string())
                .unwrap_or_default()
        };
        if field(m) == measure && !field(a).is_empty() {
            out.push((field(p), field(a)));
        }
    }
    if out.is_empty() {
        return Err(bad(&format!(
            "it has no {measure} rows: measure the log by {measure} (the schedule's period) and export again"
        )));
    }
    Ok(out)
}

/// One period to compute a credit for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodInput {
    /// `"May 2026"`.
    pub label: String,
    /// The attainment.
    pub attainment: Availability,
    /// The period's length (for per-unit penalties and fee multipliers).
    pub length: SignedDuration,
    /// Downtime, when known; else derived from the attainment and the length.
    pub downtime: Option<SignedDuration>,
    /// Each outage's length, when known (for a grace per outage).
    pub outages: Option<Vec<SignedDuration>>,
    /// The period's charges.
    pub charges: Money,
    /// The attainment of each service level, for an at-risk pool.
    pub levels: Vec<(String, Availability)>,
}

impl PeriodInput {
    /// A period typed in: its label, attainment (percent) and charges; a month's average length.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] for a bad attainment or charges.
    pub fn typed(label: &str, attainment: &str, charges: &str) -> Result<PeriodInput, Error> {
        let a = crate::value::decimal(attainment, 6, Some(HUNDRED))
            .map_err(|r| invalid(Field::Periods, "attainment", r))?;
        let c = crate::value::amount(charges).map_err(|r| invalid(Field::Periods, "charges", r))?;
        Ok(PeriodInput {
            label: label.to_string(),
            attainment: Availability::from_micros(a as u32),
            length: Measure::Month.length().into(),
            downtime: None,
            outages: None,
            charges: c as Money,
            levels: Vec::new(),
        })
    }
}

/// Reads the periods to compute credits for: an array of `{ label, attainment | downtime, charges,
/// outages?, period?, levels? }`. A period's length is its calendar period (`"2026-05"`) when given, else
/// the schedule's (average) period.
///
/// # Errors
/// [`Error::InvalidValue`] naming the period and the part.
pub fn periods_from_value(
    value: &Value,
    schedule: &CreditSchedule,
) -> Result<Vec<PeriodInput>, Error> {
    let Value::List(items) = value else {
        return Err(invalid(
            Field::Periods,
            "",
            format!("must be an array of periods, not {}", value.kind()),
        ));
    };
    if items.len() > 10_000 {
        return Err(invalid(
            Field::Periods,
            "",
            "at most 10 000 periods".to_string(),
        ));
    }
    let mut periods = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("[{i}]");
        let o = Object::new(
            item,
            Field::Periods,
            &path,
            &[
                "label",
                "attainment",
                "downtime",
                "outages",
                "charges",
                "period",
                "levels",
            ],
        )?;
        let duration = |part: &str, text: &str| -> Result<SignedDuration, Error> {
            ExactDuration::parse(text, Field::Periods)
                .map(SignedDuration::from)
                .map_err(|e| o.error(part, e.to_string()))
        };
        let length = match o.optional_text("period")? {
            None => schedule.cadence.length().into(),
            Some(t) => crate::period::Period::parse(t)
                .map_err(|e| o.error("period", e.to_string()))?
                .length()
                .into(),
        };
        let charges = o.amount("charges")? as Money;
        let levels = match o.get("levels") {
            None => Vec::new(),
            Some(v) => {
                let Value::Map(entries) = v else {
                    return Err(o.error(
                        "levels",
                        format!(
                            "must be an object of attainments by service level, not {}",
                            v.kind()
                        ),
                    ));
                };
                let mut levels = Vec::new();
                for (name, v) in entries {
                    let text = v.text().ok_or_else(|| {
                        o.error(&format!("levels.{name}"), "must be a percentage")
                    })?;
                    let m = crate::value::decimal(text, 6, Some(HUNDRED))
                        .map_err(|r| o.error(&format!("levels.{name}"), r))?;
                    levels.push((name.clone(), Availability::from_micros(m as u32)));
                }
                levels
            }
        };
        let (attainment, downtime) = match (o.get("attainment"), o.get("downtime")) {
            (Some(_), Some(_)) => {
                return Err(invalid(
                    Field::Periods,
                    &path,
                    "give attainment or downtime, not both".to_string(),
                ))
            }
            (Some(_), None) => (
                Availability::from_micros(o.decimal("attainment", 6, Some(HUNDRED))? as u32),
                None,
            ),
            (None, Some(_)) => {
                let d = duration("downtime", o.text("downtime")?)?;
                if d > length {
                    return Err(o.error("downtime", "is longer than the period"));
                }
                (Availability::from_downtime(d, length), Some(d))
            }
            (None, None) => match levels
                .iter()
                .min_by(|a, b| (a.1.up * b.1.total).cmp(&(b.1.up * a.1.total)))
            {
                Some((_, a)) => (*a, None),
                None => {
                    return Err(invalid(
                        Field::Periods,
                        &path,
                        "give the attainment (a percentage) or the downtime".to_string(),
                    ))
                }
            },
        };
        let outages = match o.list("outages")? {
            None => None,
            Some(list) => {
                let mut lengths = Vec::with_capacity(list.len());
                for (k, v) in list.iter().enumerate() {
                    let part = format!("outages[{k}]");
                    let t = v
                        .text()
                        .ok_or_else(|| o.error(&part, "must be a duration"))?;
                    lengths.push(duration(&part, t)?);
                }
                Some(lengths)
            }
        };
        let label = match o.optional_text("label")? {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => o
                .optional_text("period")?
                .map_or_else(|| format!("Period {}", i + 1), str::to_string),
        };
        periods.push(PeriodInput {
            label,
            attainment,
            length,
            downtime,
            outages,
            charges,
            levels,
        });
    }
    Ok(periods)
}
