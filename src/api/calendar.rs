//! Service calendars as requests give them: hours text (`"Mon-Fri 08:00-18:00"`) or a [`CalendarInput`]
//! object. Errors carry the `part` of the calendar they concern.

use serde::Serialize;
use ts_rs::TS;

use super::{zone_named, Zones};
use crate::calendar::{self, Calendar, CalendarSpec};
use crate::error::{Error, Field};
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
