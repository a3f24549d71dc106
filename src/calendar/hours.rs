//! Weekly service hours as one line of text, for links, element attributes and people:
//! `Mon-Fri 08:00-18:00; Sat 09:00-12:30`.
//!
//! # The form
//! - Clauses are separated by `;` (or a new line). Each names its days, then their ranges of hours:
//!   `Mon-Fri 08:00-18:00`, `Mon, Wed, Fri 09:00-12:00, 13:00-17:00`, `Sun 22:00-06:00` (overnight: it
//!   belongs to the day it starts), `Sat 00:00-24:00` (the whole day).
//! - Days are `Mon` to `Sun` (or their full names), ranges of days wrap round the week (`Fri-Mon`),
//!   and `daily`, `weekdays` and `weekends` name the obvious days. A time is `HH:MM` or a whole hour
//!   (`8-18` is 08:00-18:00).
//! - A day named in two clauses gets the hours of both (`Mon-Fri 08:00-12:00; Mon-Fri 13:00-17:00`);
//!   hours that overlap are refused. A day named by no clause has no service hours, and `Sat closed`
//!   says so explicitly.
//! - The preset names are read too: `24x7` (also `24/7`), `24x5`, `8x5`, `12x5` and `24x7-maintenance`
//!   (24x7 less Sunday 02:00-04:00). `none` is a week without service hours.
//!
//! [`write()`] gives the shortest such text for a week, and reading it back gives the same week.
//!
//! # Example: a contract's hours, read and written back
//! ```
//! use slacalc::calendar::hours;
//! let spec = hours::parse("mon-fri 8-18; SAT 09:00-12:30")?;
//! assert_eq!(spec.weekly[0], "08:00-18:00");
//! assert_eq!(spec.weekly[5], "09:00-12:30");
//! assert_eq!(spec.weekly[6], "");
//! assert_eq!(hours::write_spec(&spec.weekly)?, "Mon-Fri 08:00-18:00; Sat 09:00-12:30");
//! # Ok::<(), slacalc::Error>(())
//! ```

use super::{
    check_overlaps, clock, invalid, parse_range, parse_weekday, preset, CalendarSpec, Hours, TITLES,
};
use crate::error::Error;

/// The part errors in hours text name.
pub const PART: &str = "hours";

/// The longest hours text read.
const MAX_LEN: usize = 2_000;

/// Reads weekly hours written as text (see the module docs) into a calendar in UTC with those hours and
/// no holidays; a preset name also brings its exclusions.
///
/// # Errors
/// [`Error::InvalidCalendar`] with part `hours`, quoting the clause that cannot be read and saying why;
/// [`Error::OverlappingHours`] with part `hours` for hours that overlap.
pub fn parse(text: &str) -> Result<CalendarSpec, Error> {
    let t = text.trim();
    if t.is_empty() {
        return Err(invalid(
            PART,
            "",
            "it is empty: write the days and their hours, such as Mon-Fri 09:00-17:00, or 24x7",
        ));
    }
    if t.len() > MAX_LEN {
        return Err(invalid(
            PART,
            "",
            format!(
                "it is {} characters long: at most {MAX_LEN} are read",
                t.len()
            ),
        ));
    }
    let lower = t.to_ascii_lowercase();
    let name = if lower == "24/7" {
        "24x7"
    } else {
        lower.as_str()
    };
    if let Some(spec) = preset(name) {
        return Ok(spec);
    }
    let mut weekly: [Vec<Hours>; 7] = Default::default();
    if name != "none" {
        for clause in t
            .split([';', '\n'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let (days, ranges) = clause_parts(clause)?;
            for (day, named) in days.iter().enumerate() {
                if *named {
                    weekly[day].extend_from_slice(&ranges);
                }
            }
        }
    }
    let texts: [String; 7] = std::array::from_fn(|d| day_text(&weekly[d]));
    check_overlaps(&weekly, &texts).map_err(|e| match e {
        Error::OverlappingHours { part, .. } => Error::OverlappingHours {
            value: format!("{} {}", TITLES[day_index(&part)], texts[day_index(&part)]),
            part: PART.to_string(),
        },
        other => other,
    })?;
    Ok(CalendarSpec {
        time_zone: "UTC".to_string(),
        weekly: texts,
        ..CalendarSpec::default()
    })
}

/// The weekday index of a part such as `weekly.sat`.
fn day_index(part: &str) -> usize {
    super::WEEKDAYS
        .iter()
        .position(|(name, _)| part.ends_with(name))
        .unwrap_or(0)
}

/// The days a clause names and the ranges it gives them.
fn clause_parts(clause: &str) -> Result<([bool; 7], Vec<Hours>), Error> {
    let digit = clause
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(clause.len());
    let (days_text, ranges_text) = clause.split_at(digit);
    let days_text = days_text.trim().trim_end_matches(':').trim();
    let closed = ["closed", "off", "none"]
        .iter()
        .find_map(|w| strip_word(days_text, w));
    let days_text = closed.unwrap_or(days_text);
    if days_text.is_empty() {
        return Err(invalid(
            PART,
            clause,
            format!(
                "\"{}\" names no day: start with the days, such as Mon-Fri {}",
                clause.trim(),
                clause.trim()
            ),
        ));
    }
    let days = parse_days(clause, days_text)?;
    let ranges_text = ranges_text.trim();
    if closed.is_some() {
        if !ranges_text.is_empty() {
            return Err(invalid(
                PART,
                clause,
                "a closed day has no hours: write either the hours or closed",
            ));
        }
        return Ok((days, Vec::new()));
    }
    if ranges_text.is_empty() {
        return Err(invalid(
            PART,
            clause,
            format!("\"{days_text}\" has no hours: add them, such as {days_text} 09:00-17:00, or write {days_text} closed"),
        ));
    }
    // "08:00 - 12:00 13:00 - 17:00" and "08:00-12:00, 13:00-17:00" are the same two ranges.
    let mut joined = String::with_capacity(ranges_text.len());
    for piece in ranges_text.split(['-', '–']) {
        if !joined.is_empty() {
            joined.push('-');
        }
        joined.push_str(piece.trim());
    }
    let mut ranges = Vec::new();
    for piece in joined
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        if ranges.len() >= 48 {
            return Err(invalid(PART, clause, "at most 48 ranges a day"));
        }
        ranges.push(parse_range(PART, clause, piece)?);
    }
    Ok((days, ranges))
}

/// `text` without a last word `word` (any case), if it ends with it.
fn strip_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(word.len())?;
    (text.is_char_boundary(cut)
        && text[cut..].eq_ignore_ascii_case(word)
        && (cut == 0 || text[..cut].ends_with(|c: char| c.is_whitespace() || c == ':')))
    .then(|| text[..cut].trim().trim_end_matches(':').trim())
}

/// The weekdays (0 = Monday) named by `text`: `Mon-Fri`, `Mon, Wed`, `Fri-Mon`, `Monday to Friday`,
/// `weekdays`.
fn parse_days(clause: &str, text: &str) -> Result<[bool; 7], Error> {
    let index = |name: &str| {
        parse_weekday(name)
            .map(|w| w.num_days_from_monday() as usize)
            .ok_or_else(|| {
                invalid(
                    PART,
                    clause,
                    format!(
                        "\"{name}\" is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun, or a range such as Mon-Fri"
                    ),
                )
            })
    };
    let mut days = [false; 7];
    // The day a range starts from, once a dash (or "to") follows it.
    let mut from: Option<usize> = None;
    let mut last: Option<usize> = None;
    let words = text
        .split(|c: char| c == ',' || c == '&' || c == '+' || c.is_whitespace())
        .flat_map(|w| w.split_inclusive(['-', '–']))
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("and"));
    for word in words {
        let dash = word.ends_with(['-', '–']);
        let name = word.trim_end_matches(['-', '–']).trim();
        if name.is_empty() || name.eq_ignore_ascii_case("to") {
            from = last;
            continue;
        }
        let day = match name.to_ascii_lowercase().as_str() {
            "daily" | "everyday" => {
                days = [true; 7];
                continue;
            }
            "weekdays" => {
                days[..5].fill(true);
                continue;
            }
            "weekends" | "weekend" => {
                days[5..].fill(true);
                continue;
            }
            _ => index(name)?,
        };
        match from.take() {
            Some(mut d) => loop {
                days[d] = true;
                if d == day {
                    break;
                }
                d = (d + 1) % 7;
            },
            None => days[day] = true,
        }
        last = Some(day);
        if dash {
            from = last;
        }
    }
    Ok(days)
}

/// One day's ranges as the per-day text of [`CalendarSpec::weekly`]: `"08:00-12:00, 13:00-17:00"`.
pub(super) fn day_text(ranges: &[Hours]) -> String {
    let mut out = String::new();
    for h in ranges {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&clock(h.start));
        out.push('-');
        out.push_str(&clock(h.end));
    }
    out
}

/// Writes a week of hours as text: `24x7` when every day is whole, `none` when no day has hours, else
/// clauses of days with the same hours, in the order of their first day: `Mon-Fri 09:00-17:00; Sat
/// 10:00-14:00`, `Mon, Wed, Fri 09:00-12:00; Tue, Thu 13:00-17:00`.
pub fn write(weekly: &[Vec<Hours>; 7]) -> String {
    let whole = Hours {
        start: 0,
        end: 1440,
    };
    if weekly.iter().all(|d| d.as_slice() == [whole]) {
        return "24x7".to_string();
    }
    let mut done = [false; 7];
    let mut out = String::new();
    for day in 0..7 {
        if done[day] || weekly[day].is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("; ");
        }
        // The days with the same hours, runs of consecutive days written as ranges: "Mon, Wed-Fri".
        let mut d = day;
        let mut first = true;
        while d < 7 {
            if weekly[d] != weekly[day] {
                d += 1;
                continue;
            }
            let mut end = d;
            while end + 1 < 7 && weekly[end + 1] == weekly[day] {
                end += 1;
            }
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(TITLES[d]);
            if end > d {
                out.push('-');
                out.push_str(TITLES[end]);
            }
            done[d..=end].fill(true);
            d = end + 1;
        }
        out.push(' ');
        out.push_str(&day_text(&weekly[day]));
    }
    if out.is_empty() {
        "none".to_string()
    } else {
        out
    }
}

/// Writes the per-day texts of a calendar (as in [`CalendarSpec::weekly`]) as one line of hours text.
///
/// # Errors
/// [`Error::InvalidCalendar`] naming the day (`weekly.mon`) whose text cannot be read.
pub fn write_spec(weekly: &[String; 7]) -> Result<String, Error> {
    let mut days: [Vec<Hours>; 7] = Default::default();
    for (i, text) in weekly.iter().enumerate() {
        days[i] = super::parse_hours_list(&format!("weekly.{}", super::WEEKDAYS[i].0), text)?;
    }
    Ok(write(&days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn week(text: &str) -> [String; 7] {
        parse(text).unwrap().weekly
    }

    #[track_caller]
    fn refused(text: &str) -> String {
        let e = parse(text).unwrap_err();
        assert_eq!(e.part(), Some(PART), "{e}");
        e.to_string()
    }

    #[test]
    fn reads_the_forms_people_write() {
        let office = [
            "08:00-18:00",
            "08:00-18:00",
            "08:00-18:00",
            "08:00-18:00",
            "08:00-18:00",
            "",
            "",
        ];
        assert_eq!(week("Mon-Fri 08:00-18:00"), office);
        assert_eq!(week("  mon - fri: 8-18 "), office);
        assert_eq!(week("Monday to Friday 08:00 - 18:00"), office);
        assert_eq!(week("weekdays 8:00-18:00; Sat-Sun closed"), office);
        assert_eq!(
            week("Mon-Fri 08:00-18:00; Sat 09:00-12:30")[5],
            "09:00-12:30"
        );
        let split = week("Mon, Wed, Fri 09:00-12:00 13:00-17:00");
        assert_eq!(split[0], "09:00-12:00, 13:00-17:00");
        assert_eq!(split[1], "");
        assert_eq!(split[4], split[0]);
        // A day in two clauses gets both; a range of days wraps round the week.
        assert_eq!(
            week("Mon 08:00-12:00; Mon 13:00-17:00")[0],
            "08:00-12:00, 13:00-17:00"
        );
        assert_eq!(
            week("Fri-Mon 10:00-11:00").map(|d| !d.is_empty()),
            [true, false, false, false, true, true, true]
        );
        assert_eq!(week("Sun 22:00-06:00")[6], "22:00-06:00");
        assert_eq!(
            week("daily 00:00-24:00"),
            ["00:00-24:00"; 7].map(String::from)
        );
    }

    #[test]
    fn reads_the_preset_names() {
        assert_eq!(week("24x7"), ["00:00-24:00"; 7].map(String::from));
        assert_eq!(week("24/7"), week("24x7"));
        assert_eq!(week("8x5")[0], "09:00-17:00");
        assert_eq!(week("8X5")[5], "");
        assert_eq!(
            parse("24x7-maintenance").unwrap().exclusions,
            ["sun 02:00-04:00"]
        );
        assert_eq!(week("none"), <[String; 7]>::default());
    }

    #[test]
    fn errors_quote_the_clause_and_say_what_would_do() {
        assert_eq!(
            refused("Mon-Fri 08:00-18:00; Sat 09:00-12:3"),
            "calendar hours \"Sat 09:00-12:3\" cannot be read: \"12:3\" is not a time of day: use HH:MM from 00:00 to 24:00"
        );
        assert_eq!(
            refused("Mon-Fry 9-17"),
            "calendar hours \"Mon-Fry 9-17\" cannot be read: \"Fry\" is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun, or a range such as Mon-Fri"
        );
        assert_eq!(
            refused("09:00-17:00"),
            "calendar hours \"09:00-17:00\" cannot be read: \"09:00-17:00\" names no day: start with the days, such as Mon-Fri 09:00-17:00"
        );
        assert_eq!(
            refused("Sat"),
            "calendar hours \"Sat\" cannot be read: \"Sat\" has no hours: add them, such as Sat 09:00-17:00, or write Sat closed"
        );
        assert!(refused("").contains("it is empty"));
        assert!(refused("   ").contains("it is empty"));
        assert_eq!(
            refused("Mon 09:00-17:00; Mon 16:00-18:00"),
            "calendar hours \"Mon 09:00-17:00, 16:00-18:00\" overlaps other service hours: each moment may be counted once only"
        );
        // Sunday night runs into Monday morning.
        assert!(refused("Sun 22:00-06:00; Mon 05:00-09:00").contains("overlaps"));
        assert!(refused(&"Mon 09:00-10:00;".repeat(400)).contains("at most 2000"));
    }

    #[test]
    fn writes_the_shortest_text() {
        let w = |text: &str| write_spec(&week(text)).unwrap();
        assert_eq!(
            w("Mon-Fri 08:00-18:00; Sat 09:00-12:30"),
            "Mon-Fri 08:00-18:00; Sat 09:00-12:30"
        );
        assert_eq!(w("daily 00:00-24:00"), "24x7");
        assert_eq!(w("24x5"), "Mon-Fri 00:00-24:00");
        assert_eq!(w("none"), "none");
        assert_eq!(
            w("Fri 9-17; Wed 9-17; Mon 9-17; Tue 10-14; Thu 10-14"),
            "Mon, Wed, Fri 09:00-17:00; Tue, Thu 10:00-14:00"
        );
        assert_eq!(
            w("Sun 22:00-06:00; Sat 22:00-24:00"),
            "Sat 22:00-24:00; Sun 22:00-06:00"
        );
    }
}
