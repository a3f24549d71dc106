//! Service calendars as requests give them: hours text (`"Mon-Fri 08:00-18:00"`) or a [`CalendarInput`]
//! object. Errors carry the `part` of the calendar they concern.

use std::cell::RefCell;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::{zone_named, Zones};
use crate::calendar::{self, Calendar, CalendarSpec, Schedule};
use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::period::Average;
use crate::value::Value;

/// A service calendar: weekly hours in a time zone, less holidays and exclusions. All strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CalendarInput {
    /// Start from a preset; the fields given override it.
    #[ts(
        optional,
        type = r#""24x7" | "24x5" | "8x5" | "12x5" | "24x7-maintenance""#
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// IANA name; its data must be loaded with registerTimeZone first (UTC is built in). Default "UTC".
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// The weekly hours as one line: "Mon-Fri 08:00-18:00; Sat 09:00-12:30", "Sun 22:00-06:00", "24x7" or
    /// a preset name. Instead of weekly.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Hours per weekday: "09:00-17:00", "08:00-12:00, 13:00-17:00", "22:00-06:00" (overnight), "" (none).
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<WeeklyInput>,
    /// "2026-12-25", "2026-12-24..2026-12-26", "12-25", "4th thu of nov", "last mon of may", "easter-2".
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Vec<String>>,
    /// "2026-03-01T02:00/2026-03-01T04:00", "sun 02:00-04:00", "1st sat 22:00-02:00", "daily 01:00-01:30".
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<Vec<String>>,
}

/// Service hours per weekday.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
pub struct WeeklyInput {
    /// Monday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mon: Option<String>,
    /// Tuesday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tue: Option<String>,
    /// Wednesday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wed: Option<String>,
    /// Thursday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thu: Option<String>,
    /// Friday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fri: Option<String>,
    /// Saturday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sat: Option<String>,
    /// Sunday.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sun: Option<String>,
}

impl WeeklyInput {
    fn days(self) -> [Option<String>; 7] {
        [
            self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun,
        ]
    }
}

fn part_error(part: &str, v: &Value, expected: &str) -> Error {
    Error::InvalidCalendar {
        part: part.to_string(),
        value: match v {
            Value::Text(t) => t.clone(),
            _ => String::new(),
        },
        reason: format!("it must be {expected}, not {}", v.kind()),
    }
}

fn string(v: Option<&Value>, part: &str) -> Result<Option<String>, Error> {
    match v {
        None => Ok(None),
        Some(Value::Text(t)) => Ok(Some(t.clone())),
        Some(other) => Err(part_error(part, other, "a string")),
    }
}

fn strings(v: Option<&Value>, part: &str) -> Result<Option<Vec<String>>, Error> {
    let items = match v {
        None => return Ok(None),
        Some(Value::List(items)) => items,
        Some(other) => return Err(part_error(part, other, "an array of strings")),
    };
    if items.len() > calendar::MAX_RULES {
        return Err(Error::InvalidCalendar {
            part: part.to_string(),
            value: String::new(),
            reason: format!("at most {} entries are allowed", calendar::MAX_RULES),
        });
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Text(t) => Ok(t.clone()),
            other => Err(part_error(&format!("{part}[{i}]"), other, "a string")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl CalendarInput {
    /// Reads hours text (`"Mon-Fri 08:00-18:00"`, in UTC) or a calendar object; each part must be a
    /// string or an array of strings.
    pub fn read(v: &Value) -> Result<CalendarInput, Error> {
        let entries = match v {
            Value::Text(text) => {
                return Ok(CalendarInput {
                    hours: Some(text.clone()),
                    ..CalendarInput::default()
                })
            }
            Value::Map(entries) => entries,
            other => {
                return Err(Error::WrongType {
                    field: Field::Calendar,
                    expected: "an object such as { timeZone: \"Europe/London\", weekly: { mon: \"09:00-17:00\" } }",
                    found: other.kind(),
                })
            }
        };
        let get = |name: &str| super::get(entries, name);
        let weekly = match get("weekly") {
            None => None,
            Some(Value::Map(days)) => {
                let mut weekly = WeeklyInput::default();
                let slots = [
                    &mut weekly.mon,
                    &mut weekly.tue,
                    &mut weekly.wed,
                    &mut weekly.thu,
                    &mut weekly.fri,
                    &mut weekly.sat,
                    &mut weekly.sun,
                ];
                for (slot, day) in slots.into_iter().zip(DAYS) {
                    *slot = string(super::get(days, day), &format!("weekly.{day}"))?;
                }
                Some(weekly)
            }
            Some(other) => return Err(part_error("weekly", other, "an object with mon to sun")),
        };
        Ok(CalendarInput {
            preset: string(get("preset"), "preset")?,
            time_zone: string(get("timeZone"), "timeZone")?,
            hours: string(get("hours"), calendar::hours::PART)?,
            weekly,
            holidays: strings(get("holidays"), "holidays")?,
            exclusions: strings(get("exclusions"), "exclusions")?,
        })
    }

    /// As [`read`](Self::read), `None` for an absent or null calendar.
    pub fn optional(v: Option<&Value>) -> Result<Option<CalendarInput>, Error> {
        v.map(CalendarInput::read).transpose()
    }

    /// The calendar's rules: the preset, then the zone, the hours (text or per day), holidays and
    /// exclusions given over it.
    pub fn spec(self) -> Result<CalendarSpec, Error> {
        let mut spec = CalendarSpec {
            time_zone: "UTC".to_string(),
            ..CalendarSpec::default()
        };
        if let Some(name) = self.preset {
            spec = calendar::preset(&name).ok_or_else(|| Error::InvalidCalendar {
                part: "preset".to_string(),
                value: name,
                reason: "use 24x7, 24x5, 8x5, 12x5 or 24x7-maintenance".to_string(),
            })?;
        }
        if let Some(zone) = self.time_zone {
            spec.time_zone = zone.trim().to_string();
            if spec.time_zone.is_empty() {
                return Err(Error::InvalidCalendar {
                    part: "timeZone".to_string(),
                    value: String::new(),
                    reason: "it is empty: give an IANA name such as Europe/Berlin, or UTC"
                        .to_string(),
                });
            }
        }
        if let Some(text) = self.hours {
            if self.weekly.is_some() {
                return Err(Error::InvalidCalendar {
                    part: calendar::hours::PART.to_string(),
                    value: text,
                    reason: "give the hours either as text (hours) or per day (weekly), not both"
                        .to_string(),
                });
            }
            let from_text = calendar::hours::parse(&text)?;
            spec.weekly = from_text.weekly;
            spec.exclusions.extend(from_text.exclusions);
        }
        if let Some(weekly) = self.weekly {
            for (slot, hours) in spec.weekly.iter_mut().zip(weekly.days()) {
                if let Some(hours) = hours {
                    *slot = hours;
                }
            }
        }
        if let Some(holidays) = self.holidays {
            spec.holidays = holidays;
        }
        if let Some(exclusions) = self.exclusions {
            spec.exclusions = exclusions;
        }
        Ok(spec)
    }

    /// The calendar, its zone taken from `zones`.
    pub fn calendar(self, zones: &dyn Zones) -> Result<Calendar, Error> {
        let spec = self.spec()?;
        Calendar::new(&spec, zone_named(zones, &spec.time_zone)?)
    }
}

/// The weekly hours of a calendar (hours text or a `CalendarInput`) as one line of hours text:
/// `"Mon-Fri 08:00-18:00; Sat 09:00-12:30"`, `"24x7"`, `"none"`. Reading it back gives the same week.
/// Needs no time zone data.
///
/// ```
/// use slacalc::value::Value;
/// let calendar = Value::parse_json(r#"{"weekly": {"mon": "09:00-17:00", "tue": "09:00-17:00"}}"#).unwrap();
/// assert_eq!(slacalc::api::hours_text(&calendar)?, "Mon-Tue 09:00-17:00");
/// # Ok::<(), slacalc::Error>(())
/// ```
pub fn hours_text(calendar: &Value) -> Result<String, Error> {
    let spec = CalendarInput::read(calendar)?.spec()?;
    calendar::hours::write_spec(&spec.weekly)
}

/// One of the preset calendars (`"24x7"`, `"24x5"`, `"8x5"`, `"12x5"`, `"24x7-maintenance"`) as a
/// `CalendarInput` with every part written out, to fill an editor; `None` for an unknown name.
pub fn calendar_preset(name: &str) -> Option<CalendarInput> {
    let spec = calendar::preset(name)?;
    let day = |i: usize| Some(spec.weekly[i].clone());
    Some(CalendarInput {
        preset: None,
        time_zone: Some(spec.time_zone.clone()),
        hours: None,
        weekly: Some(WeeklyInput {
            mon: day(0),
            tue: day(1),
            wed: day(2),
            thu: day(3),
            fri: day(4),
            sat: day(5),
            sun: day(6),
        }),
        holidays: Some(spec.holidays.clone()),
        exclusions: Some(spec.exclusions.clone()),
    })
}

/// Service time between two instants.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServiceTime {
    /// Exact service seconds.
    pub seconds: String,
    /// For people, in hours: `"11 h 30 min"`.
    pub text: String,
}

/// An instant, in UTC and in the calendar's time zone.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Instant {
    /// ISO 8601 in UTC: `"2015-02-27T11:12:34Z"`.
    pub utc: String,
    /// The local date and time in the calendar's zone, without offset: `"2015-02-27T11:12:34"`.
    pub local: String,
    /// The UTC offset there, in seconds east of UTC.
    pub offset_seconds: i32,
}

/// Service hours of one local day, for drawing.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StripDay {
    /// The local date: `"2026-03-02"`.
    pub date: String,
    /// Service time as `[startMinute, endMinute)` pairs on the local clock (0 to 1440 and beyond on a day
    /// longer than 24 h).
    #[ts(type = "[number, number][]")]
    pub service: Vec<[i64; 2]>,
    /// Minutes in the local day: 1440, or 1380 and 1500 on days the clocks change.
    #[ts(type = "number")]
    pub minutes: i64,
}

/// Holidays read from an iCalendar file.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcsImport {
    /// Each all-day event as a holiday rule, with its name and line.
    pub holidays: Vec<IcsHolidayView>,
    /// Events that were not turned into holidays, with the reason.
    pub skipped: Vec<IcsSkippedView>,
}

/// A holiday read from an iCalendar file.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcsHolidayView {
    /// The holiday rule: `"2026-12-25"`, `"2026-12-24..2026-12-26"`, `"12-25"`.
    pub rule: String,
    /// The event's SUMMARY.
    pub name: String,
    /// The line the event starts on.
    pub line: usize,
}

/// An event of an iCalendar file that was not turned into a holiday.
#[derive(Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IcsSkippedView {
    /// The line the event starts on.
    pub line: usize,
    /// The event's SUMMARY.
    pub name: String,
    /// Why it was skipped.
    pub reason: String,
}

/// A service calendar ready for many queries: service time between instants, deadlines after N hours of
/// service, the service hours of a week for drawing. Expands its service hours once per span of years
/// (kept and widened as queries need), and answers each query in O(log n).
///
/// ```
/// use slacalc::api::{calendar::ServiceCalendar, NoZones};
/// use slacalc::value::Value;
/// let c = ServiceCalendar::new(&Value::Text("Mon-Fri 08:00-18:00".into()), &NoZones)?;
/// // Friday 16:30 plus 4 hours of service: 1.5 h on Friday, 2.5 h on Monday from 08:00.
/// let due = c.add_service_time(&Value::Text("2026-03-06T16:30:00Z".into()), &Value::Text("PT4H".into()))?;
/// assert_eq!(due.utc, "2026-03-09T10:30:00Z");
/// # Ok::<(), slacalc::Error>(())
/// ```
pub struct ServiceCalendar {
    calendar: Calendar,
    schedule: RefCell<Option<Schedule>>,
}

/// The first (1, 1) or last (12, 31) day of the year of `d`.
fn year_edge(d: NaiveDate, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), month, day).unwrap_or(d)
}

fn utc(t: i64) -> String {
    crate::zone::utc_text(t)
}

impl ServiceCalendar {
    /// Reads a calendar (hours text or a `CalendarInput`), its zone from `zones`.
    pub fn new(calendar: &Value, zones: &dyn Zones) -> Result<ServiceCalendar, Error> {
        Ok(ServiceCalendar {
            calendar: CalendarInput::read(calendar)?.calendar(zones)?,
            schedule: RefCell::new(None),
        })
    }

    /// The calendar's rules.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    fn instant(&self, v: &Value, field: Field) -> Result<i64, Error> {
        match v {
            Value::Text(text) => crate::zone::parse_instant(text, self.calendar.zone(), field),
            other => Err(super::missing_or_wrong(
                Some(other).filter(|v| !matches!(v, Value::Null)),
                field,
                "an ISO 8601 instant such as \"2026-03-02T09:00:00Z\"",
            )),
        }
    }

    /// Runs `query` on a schedule covering `[a, b]`, expanding it (by whole years) when needed.
    fn with_schedule<T>(
        &self,
        a: i64,
        b: i64,
        query: impl FnOnce(&Schedule) -> Option<T>,
    ) -> Result<Option<T>, Error> {
        let mut cached = self.schedule.borrow_mut();
        let covered = cached
            .as_ref()
            .is_some_and(|s| s.span().0 <= a && b <= s.span().1);
        if !covered {
            let zone = self.calendar.zone();
            let (from, to) = (
                year_edge(zone.local_date(a)?, 1, 1),
                year_edge(zone.local_date((b - 1).max(a))?, 12, 31),
            );
            // Widen what is kept to take in the new query, unless that makes it too long: then start
            // afresh from the query's own years.
            let (mut wide_from, mut wide_to) = (from, to);
            if let Some(s) = cached.as_ref() {
                wide_from = wide_from.min(zone.local_date(s.span().0)?);
                wide_to = wide_to.max(zone.local_date(s.span().1)?);
            }
            let (from, to) =
                if (wide_to - wide_from).num_days() < crate::calendar::MAX_SCHEDULE_DAYS {
                    (wide_from, wide_to)
                } else {
                    (from, to)
                };
            // Free the old schedule before the new one is built.
            *cached = None;
            let to = to.succ_opt().unwrap_or(to);
            *cached = Some(self.calendar.schedule(from, to)?);
        }
        Ok(cached.as_ref().and_then(query))
    }

    /// Service time in `[start, end)`. Instants are ISO 8601 with an offset (`"2026-03-02T09:00:00Z"`) or
    /// local times read in the calendar's zone (`"2026-03-02T09:00"`, `"2026-03-02"`).
    pub fn service_time(&self, start: &Value, end: &Value) -> Result<ServiceTime, Error> {
        let a = self.instant(start, Field::Start)?;
        let b = self.instant(end, Field::End)?;
        if b < a {
            return Err(Error::ReversedInterval {
                start: utc(a),
                end: utc(b),
            });
        }
        let too_long = |t: i64| Error::TooLong {
            field: Field::End,
            value: utc(t),
        };
        if b - a > Average::Year.length().as_nanos() as i64 / 1_000_000_000 * 100 {
            // Longer than 100 average years, the longest span slacalc measures.
            return Err(Error::TooLong {
                field: Field::End,
                value: format!("{}/{}", utc(a), utc(b)),
            });
        }
        let seconds = self
            .with_schedule(a, b, |s| s.service_seconds(a, b))?
            .ok_or_else(|| too_long(b))?;
        let d = ExactDuration::from_seconds(seconds.max(0) as u64).ok_or_else(|| too_long(b))?;
        Ok(ServiceTime {
            seconds: d.seconds_decimal(),
            text: d.to_hours_string(),
        })
    }

    /// The instant at which `duration` of service time has passed after `start`: a response or
    /// resolution deadline. `duration` is an ISO 8601 duration (`"PT4H"`), text (`"4 h"`) or seconds.
    pub fn add_service_time(&self, start: &Value, duration: &Value) -> Result<Instant, Error> {
        let a = self.instant(start, Field::Start)?;
        let d = super::duration_from(
            Some(duration).filter(|v| !matches!(v, Value::Null)),
            Field::Duration,
        )?;
        if !d.is_whole_seconds() {
            return Err(Error::InvalidDuration {
                field: Field::Duration,
                value: d.to_string(),
                reason: "service time is counted in whole seconds".to_string(),
            });
        }
        let seconds = (d.as_nanos() / 1_000_000_000) as i64;
        // Look one year ahead first, then ten, then a hundred, never past the last instant slacalc
        // writes.
        let last = crate::zone::LAST_INSTANT + 1;
        for years in [1, 10, 100] {
            let end = a.saturating_add(years * 366 * 86_400).min(last);
            let found = self.with_schedule(a, end, |s| {
                Some((s.add_service(a, seconds), s.total_seconds()))
            })?;
            if let Some((Some(t), _)) = found {
                let t = crate::zone::in_range(t, Field::Duration, |t| {
                    format!("{d} of service time after {} ends at {}", utc(a), utc(t))
                })?;
                return Ok(Instant {
                    utc: utc(t),
                    local: self.calendar.zone().local_text(t)?,
                    offset_seconds: self.calendar.zone().offset(t),
                });
            }
            if end == last {
                return Err(Error::InstantOutOfRange {
                    field: Field::Duration,
                    what: format!(
                        "{d} of service time after {} would end in the year 10000 or later",
                        utc(a)
                    ),
                });
            }
            if years == 100 && found.is_some_and(|(_, total)| total == 0) {
                return Err(Error::NoServiceTime {
                    period: "the hundred years after the start".to_string(),
                });
            }
        }
        Err(Error::InvalidValue {
            field: Field::Duration,
            part: String::new(),
            reason: format!(
                "{d} of service time after {} does not end within the hundred years after it: the service hours hold less",
                utc(a)
            ),
        })
    }

    /// The service hours of the seven local days from `start` (`"2026-03-02"`), for a week strip.
    pub fn week_strip(&self, start: &Value) -> Result<Vec<StripDay>, Error> {
        let first = self.instant(start, Field::Start)?;
        let zone = self.calendar.zone();
        let mut day = zone.local_date(first)?;
        let mut days = Vec::with_capacity(7);
        for _ in 0..7 {
            let next = day.succ_opt().ok_or(Error::TooLong {
                field: Field::Start,
                value: day.to_string(),
            })?;
            let (a, b) = (zone.instant(day, 0)?, zone.instant(next, 0)?);
            let service = self
                .with_schedule(a, b, |s| {
                    Some(
                        s.intervals()
                            .filter(|(x, y)| *y > a && *x < b)
                            .map(|(x, y)| [(x.max(a) - a) / 60, (y.min(b) - a) / 60])
                            .collect::<Vec<_>>(),
                    )
                })?
                .unwrap_or_default();
            days.push(StripDay {
                date: format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
                service,
                minutes: (b - a) / 60,
            });
            day = next;
        }
        Ok(days)
    }

    /// Service seconds in many intervals at once: `starts[i]` to `ends[i]`, as seconds since the epoch.
    /// For large logs: one call instead of one per interval. An interval that ends before it starts has
    /// no service time (0). `number` writes a caller's number for a message.
    pub fn service_seconds(
        &self,
        starts: &[f64],
        ends: &[f64],
        number: &dyn Fn(f64) -> String,
    ) -> Result<Vec<f64>, Error> {
        if starts.len() != ends.len() {
            return Err(Error::WrongType {
                field: Field::End,
                expected: "as many ends as starts",
                found: "a different number",
            });
        }
        let finite = |x: f64, field| {
            if !x.is_finite() {
                return Err(Error::InvalidInstant {
                    field,
                    value: number(x),
                });
            }
            // Seconds since 1970-01-01T00:00:00Z, within the years 0001 to 9999.
            let t = x.floor().clamp(-1e15, 1e15) as i64;
            crate::zone::in_range(t, field, |_| {
                format!("{} {} (seconds since 1970)", field.name(), number(x))
            })
        };
        let (mut lo, mut hi) = (i64::MAX, i64::MIN);
        let mut pairs = Vec::with_capacity(starts.len());
        for (a, b) in starts.iter().zip(ends) {
            let (a, b) = (finite(*a, Field::Start)?, finite(*b, Field::End)?);
            lo = lo.min(a);
            hi = hi.max(b);
            pairs.push((a, b));
        }
        if pairs.is_empty() {
            return Ok(Vec::new());
        }
        self.with_schedule(lo, hi.max(lo), |s| {
            Some(
                pairs
                    .iter()
                    .map(|&(a, b)| {
                        if b > a {
                            s.service_seconds(a, b).unwrap_or(0) as f64
                        } else {
                            0.0
                        }
                    })
                    .collect(),
            )
        })?
        .ok_or(Error::NoServiceTime {
            period: String::new(),
        })
    }
}

/// Reads the all-day events of an iCalendar (.ics) file as holiday rules. An error (`part: "ics"`) for a
/// file that is not iCalendar, binary or too large.
pub fn import_ics(text: &str) -> Result<IcsImport, Error> {
    let (holidays, skipped) = crate::ics::holidays(text)?;
    Ok(IcsImport {
        holidays: holidays
            .into_iter()
            .map(|h| IcsHolidayView {
                rule: h.rule,
                name: h.name,
                line: h.line,
            })
            .collect(),
        skipped: skipped
            .into_iter()
            .map(|s| IcsSkippedView {
                line: s.line,
                name: s.name,
                reason: s.reason,
            })
            .collect(),
    })
}
