//! Outage logs: reading them from CSV, merging overlapping outages, and the time they take away.
//!
//! # The log
//! A header line names the columns, in any order and with flexible names (case, spaces, `_` and `-` do
//! not matter):
//! - `start` (or `begin`, `from`, `started`, `start time`, ...): required;
//! - `end` (or `until`, `to`, `ended`, `resolved`, ...) or `duration` (ISO 8601 `PT1H20M` or text
//!   `1 h 20 min`; a plain number only under a header that names its unit, such as `minutes` or
//!   `duration (s)`);
//! - optional `impact` (`full`, or a percentage of the service lost such as `50%`), `planned` (`yes`,
//!   `no`, `true`, `false`, `planned`, `maintenance`, ...), `service` (or `component`, `system`) and `note`.
//!
//! Times are ISO 8601 with an offset (`2026-03-02T09:00:00Z`) or local times read in the calendar's time
//! zone (`2026-03-02 09:00`). The delimiter (comma, semicolon, tab or `|`) is found from the header line;
//! fields may be quoted as in RFC 4180. Every row that cannot be read is reported with its line and the
//! reason; nothing is dropped silently or guessed.

use std::borrow::Cow;

use crate::duration::ExactDuration;
use crate::error::{Error, Field};
use crate::zone::{parse_log_instant, Zone};

/// Impact is counted in millionths of the service: 1 000 000 is a full outage.
pub const FULL: u32 = 1_000_000;

/// The largest log accepted, in bytes.
pub const MAX_BYTES: usize = 256 * 1024 * 1024;

/// One outage as read from a log: 40 bytes, its texts kept once in the [`Log`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outage {
    /// First second of the outage (seconds since the epoch).
    pub start: i64,
    /// The second it ended (excluded).
    pub end: i64,
    /// The share of the service lost, in millionths (`FULL` is a full outage).
    pub impact: u32,
    /// The line of the log it was read from (1-based; 0 when not read from a file).
    pub line: u32,
    /// The service or component, if the log says ([`Log::text`]).
    pub service: Text,
    /// The note, if any ([`Log::text`]).
    pub note: Text,
    /// Planned maintenance.
    pub planned: bool,
}

/// A text of a log (a service's name, a note), kept once however many outages share it: read it with
/// [`Log::text`]. The default is no text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text(u32);

/// The texts of a log, each kept once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Texts {
    list: Vec<String>,
    index: std::collections::HashMap<String, u32>,
}

impl Texts {
    /// The text's handle; the empty text is the default.
    fn intern(&mut self, text: &str) -> Text {
        if text.is_empty() {
            return Text::default();
        }
        if let Some(&k) = self.index.get(text) {
            return Text(k);
        }
        self.list.push(text.to_string());
        let k = self.list.len() as u32;
        self.index.insert(text.to_string(), k);
        Text(k)
    }
}

/// A row of a log that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The line (1-based).
    pub line: usize,
    /// Why it was refused.
    pub reason: String,
}

/// A log read from text: the outages and the rows that could not be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Log {
    /// The outages, in the order of the file.
    pub outages: Vec<Outage>,
    /// The rows refused, in the order of the file.
    pub problems: Vec<RowProblem>,
    /// The texts of the outages (services, notes), each once.
    texts: Vec<String>,
}

impl Log {
    /// Keeps what line `line` gave: its outage, or why it was refused.
    fn keep(&mut self, line: usize, read: Result<Outage, String>) {
        match read {
            Ok(outage) => self.outages.push(outage),
            Err(reason) => self.problems.push(RowProblem { line, reason }),
        }
    }

    /// A text of an outage of this log: its service or its note (`""` when there is none).
    pub fn text(&self, t: Text) -> &str {
        match t.0 {
            0 => "",
            k => self.texts.get(k as usize - 1).map_or("", String::as_str),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Start,
    End,
    /// A duration; the number is the unit for plain numbers (seconds per unit), 0 when the header names none.
    Duration(i64),
    Impact,
    Planned,
    Service,
    Note,
}

fn column(header: &str) -> Option<Column> {
    let h: String = header
        .to_ascii_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '(' || *c == ')')
        .collect();
    let h = h.as_str();
    let unit = |h: &str| {
        if h.contains("(s)") || h.ends_with("seconds") || h.ends_with("secs") || h.ends_with("sec")
        {
            1
        } else if h.contains("(min)")
            || h.contains("minutes")
            || h.ends_with("mins")
            || h.ends_with("min")
        {
            60
        } else if h.contains("(h)") || h.contains("hours") || h.ends_with("hrs") {
            3600
        } else {
            0
        }
    };
    let starts = |names: &[&str]| names.iter().any(|n| h.starts_with(n));
    Some(
        if starts(&["start", "begin", "from", "opened", "down"]) && !h.contains("duration") {
            Column::Start
        } else if starts(&[
            "end", "until", "to", "stop", "finish", "resolved", "restored", "closed", "up",
        ]) {
            Column::End
        } else if starts(&[
            "duration", "length", "minutes", "seconds", "hours", "downtime",
        ]) {
            Column::Duration(unit(h))
        } else if starts(&["impact", "severity", "degradation", "partial", "level"]) {
            Column::Impact
        } else if starts(&["planned", "scheduled", "maintenance", "type", "kind"]) {
            Column::Planned
        } else if starts(&["service", "component", "system", "app", "application"]) {
            Column::Service
        } else if starts(&[
            "note",
            "description",
            "comment",
            "summary",
            "reason",
            "cause",
            "title",
        ]) {
            Column::Note
        } else {
            return None;
        },
    )
}

/// How many bytes at the end of `bytes` begin a UTF-8 character that the bytes do not finish (0 to 3).
/// The text of the next piece of UTF-8 bytes, after the start of a character cut off at the end of the
/// last one (kept in `partial`); a character cut at the end of this piece waits there for the rest of it.
/// Bytes that are not UTF-8 are read as U+FFFD, as a browser decodes them.
pub(crate) fn decode_piece(partial: &mut Vec<u8>, piece: &[u8]) -> String {
    let mut bytes = std::mem::take(partial);
    bytes.extend_from_slice(piece);
    let cut = bytes.len() - incomplete_tail(&bytes);
    *partial = bytes[cut..].to_vec();
    bytes.truncate(cut);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn incomplete_tail(bytes: &[u8]) -> usize {
    for back in 1..=bytes.len().min(3) {
        let b = bytes[bytes.len() - back];
        if b & 0xc0 == 0x80 {
            continue; // a continuation byte: its lead is further back
        }
        let wanted = match b {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        return if wanted > back { back } else { 0 };
    }
    0
}

/// `text` without blanks around it, as `str::trim` gives it; at once when it starts and ends with
/// printable ASCII, as most fields of a log do.
pub(crate) fn trimmed(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
        (None, _) => text,
        _ => text.trim(),
    }
}

/// Whether `bytes` are ASCII without a quote or a carriage return, looked at eight at a time.
fn plain_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `x` is `b` (exactly: the lowest such byte sets its high bit, and none is set
    // without one).
    let has = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        y.wrapping_sub(ONES) & !y & HIGH != 0
    };
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let x = u64::from_le_bytes(w.try_into().unwrap_or_default());
        if x & HIGH != 0 || has(x, b'"') || has(x, b'\r') {
            return false;
        }
    }
    !words
        .remainder()
        .iter()
        .any(|&c| c == b'"' || c == b'\r' || c >= 0x80)
}

/// Splits one CSV record, honouring quotes (RFC 4180). Lines without quotes are split without copying.
pub(crate) fn split_record(line: &str, delimiter: char) -> Result<Vec<Cow<'_, str>>, &'static str> {
    if !line.contains('"') {
        return Ok(line.split(delimiter).map(Cow::Borrowed).collect());
    }
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            c if c == delimiter && !quoted => fields.push(Cow::Owned(std::mem::take(&mut field))),
            c => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed");
    }
    fields.push(Cow::Owned(field));
    Ok(fields)
}

/// The delimiter (comma, semicolon, tab or bar) that splits a header line into the most columns that
/// `known` recognises, then into the most columns; a comma when none does better.
pub(crate) fn sniff(header: &str, known: impl Fn(&str) -> bool) -> char {
    // `max_by_key` keeps the last of equals: the comma comes last.
    ['|', '\t', ';', ',']
        .into_iter()
        .max_by_key(|d| {
            split_record(header, *d)
                .map(|f| (f.iter().filter(|h| known(h)).count(), f.len()))
                .unwrap_or((0, 0))
        })
        .unwrap_or(',')
}

fn parse_impact(text: &str) -> Result<u32, String> {
    let t = text.trim();
    let full = ["full", "down", "outage", "total", "major", "complete"];
    if t.is_empty() || t == "full" || full.iter().any(|w| t.eq_ignore_ascii_case(w)) {
        return Ok(FULL);
    }
    let number = t.trim_end_matches('%').trim();
    let ppm = crate::decimal::parse_scaled(number, 4).map_err(|_| {
        format!("impact \"{text}\" is not full or a percentage of the service lost, such as 50%")
    })?;
    // A percentage with 4 decimals is exactly millionths of the service.
    match u32::try_from(ppm) {
        Ok(ppm) if ppm > 0 && ppm <= FULL => Ok(ppm),
        _ => Err(format!(
            "impact \"{text}\" must be more than 0% and at most 100% of the service"
        )),
    }
}

fn parse_planned(text: &str) -> Result<bool, String> {
    let t = text.trim();
    match t {
        "no" => return Ok(false),
        "yes" => return Ok(true),
        _ => {}
    }
    let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if is(&[
        "",
        "no",
        "n",
        "false",
        "0",
        "unplanned",
        "incident",
        "outage",
    ]) {
        return Ok(false);
    }
    if is(&[
        "yes",
        "y",
        "true",
        "1",
        "planned",
        "maintenance",
        "scheduled",
    ]) {
        return Ok(true);
    }
    Err(format!(
        "planned \"{t}\" is not yes or no (also true/false, planned/unplanned, maintenance)"
    ))
}

/// Reads an outage log in CSV form, times read in `zone` when they have no offset.
///
/// # Example: two outages, one bad row
/// ```
/// use slacalc::{outage, zone::Zone};
/// let log = outage::parse_csv("start;end;impact\n2026-03-02 09:00;2026-03-02 09:30;full\n\
///                              2026-03-03 10:00;2026-03-03 09:00;\n2026-03-04 12:00;2026-03-04 13:00;50%\n", &Zone::utc())?;
/// assert_eq!(log.outages.len(), 2);
/// assert_eq!(log.outages[1].impact, 500_000);
/// assert_eq!(log.problems[0].line, 3);
/// assert_eq!(log.problems[0].reason, "the end 2026-03-03 09:00 is before the start 2026-03-03 10:00");
/// # Ok::<(), slacalc::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidLog`] when the text is empty, binary, too large, or has no start column or no end or
/// duration column.
pub fn parse_csv(text: &str, zone: &Zone) -> Result<Log, Error> {
    let mut reader = LogReader::new(zone);
    reader.push(text)?;
    reader.finish()
}

fn invalid(reason: &str) -> Error {
    Error::InvalidLog {
        reason: reason.to_string(),
    }
}

/// Where each field of a record is: found from a CSV header line or a JSON record's keys.
#[derive(Clone, Debug)]
struct Layout {
    columns: Vec<Option<Column>>,
    start: usize,
    end: Option<usize>,
    duration: Option<usize>,
    impact: Option<usize>,
    planned: Option<usize>,
    service: Option<usize>,
    note: Option<usize>,
}

impl Layout {
    fn new<S: AsRef<str>>(names: &[S], shown: &str) -> Result<Layout, String> {
        let columns: Vec<Option<Column>> = names.iter().map(|h| column(h.as_ref())).collect();
        let find = |wanted: fn(&Column) -> bool| {
            columns.iter().position(|c| c.as_ref().is_some_and(wanted))
        };
        let Some(start) = find(|c| *c == Column::Start) else {
            return Err(format!(
                "no start column in {shown}: name one start (or begin, from)"
            ));
        };
        let end = find(|c| *c == Column::End);
        let duration = find(|c| matches!(c, Column::Duration(_)));
        if end.is_none() && duration.is_none() {
            return Err(format!(
                "no end or duration column in {shown}: name one end (or until, to) or duration"
            ));
        }
        let at = |c: Column| columns.iter().position(|x| *x == Some(c));
        Ok(Layout {
            start,
            end,
            duration,
            impact: at(Column::Impact),
            planned: at(Column::Planned),
            service: at(Column::Service),
            note: at(Column::Note),
            columns,
        })
    }

    /// Reads one record (its fields in the layout's order) into an outage or the reason it is refused.
    fn read<S: AsRef<str>>(
        &self,
        fields: &[S],
        line: usize,
        zone: &Zone,
        texts: &mut Texts,
    ) -> Result<Outage, String> {
        let get = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map_or("", |s| trimmed(s.as_ref()))
        };
        let (start, end) = read_row(
            &get,
            self.start,
            self.end,
            self.duration,
            &self.columns,
            zone,
        )?;
        Ok(Outage {
            start,
            end,
            impact: parse_impact(get(self.impact))?,
            planned: parse_planned(get(self.planned))?,
            service: texts.intern(get(self.service)),
            note: texts.intern(get(self.note)),
            line: u32::try_from(line).unwrap_or(u32::MAX),
        })
    }
}

/// Reads a log piece by piece, as a large file arrives, without holding the whole text.
///
/// Lines are numbered across pieces; a piece may end anywhere, even inside a line.
///
/// # Example
/// ```
/// use slacalc::{outage::LogReader, zone::Zone};
/// let mut reader = LogReader::new(&Zone::utc());
/// reader.push("start,end\n2026-03-02 09:00,2026-03-0")?;
/// reader.push("2 09:30\n2026-03-03 10:00,2026-03-03 11:00")?;
/// let log = reader.finish()?;
/// assert_eq!(log.outages.len(), 2);
/// assert_eq!(log.outages[1].line, 3);
/// # Ok::<(), slacalc::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct LogReader {
    zone: Zone,
    layout: Option<(Layout, char)>,
    /// The start of a record whose end has not arrived yet.
    tail: String,
    /// Where the reader is within that record (quotes follow RFC 4180).
    scan: Scan,
    /// Line breaks inside quoted fields of that record: a record may span several lines.
    breaks: usize,
    /// The last piece ended with a carriage return: a line feed at the start of the next belongs to it.
    pending_cr: bool,
    lines: usize,
    bytes: usize,
    log: Log,
    texts: Texts,
    /// The first bytes of a character cut off at the end of the last piece of bytes.
    partial: Vec<u8>,
}

/// Where a reader is within a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scan {
    /// At the start of a field (only blanks so far).
    FieldStart,
    /// In a field without quotes.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote in a quoted field: a second quote is an escaped one, anything else ends it.
    QuoteInQuoted,
}

/// A quoted field may hold line breaks, but a record that stays open for more lines than this is a quote
/// left unclosed: its first line is refused and the lines after it are read again as records of their own,
/// so that one stray quote never swallows the rest of a log.
const MAX_QUOTED_BREAKS: usize = 100;

impl LogReader {
    /// A reader of CSV text whose local times are read in `zone`.
    pub fn new(zone: &Zone) -> LogReader {
        LogReader {
            zone: zone.clone(),
            layout: None,
            tail: String::new(),
            scan: Scan::FieldStart,
            breaks: 0,
            pending_cr: false,
            lines: 0,
            bytes: 0,
            log: Log::default(),
            texts: Texts::default(),
            partial: Vec::new(),
        }
    }

    /// Bytes read so far.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Reads the next piece of CSV text. Records end at a line feed, a carriage return or both (any mix);
    /// a quoted field may hold delimiters, doubled quotes and line breaks, also across pieces.
    ///
    /// # Errors
    /// [`Error::InvalidLog`] when the text is binary, the log grows past 256 MB, or the header has no start
    /// column or no end or duration column.
    pub fn push(&mut self, piece: &str) -> Result<(), Error> {
        self.bytes += piece.len();
        if self.bytes > MAX_BYTES {
            return Err(invalid("the log is larger than 256 MB"));
        }
        if piece.contains('\0') {
            return Err(invalid("the file is binary, not text: give a CSV file"));
        }
        // Room for the outages of the piece at once (a line of a log is rarely under 40 bytes).
        self.log.outages.reserve(piece.len() / 40);
        let mut text = piece;
        if self.pending_cr && !text.is_empty() {
            self.pending_cr = false;
            if let Some(rest) = text.strip_prefix('\n') {
                // The line feed of a CRLF cut in two: one line break, and inside quotes part of the text.
                if self.scan == Scan::Quoted {
                    self.tail.push('\n');
                }
                text = rest;
            }
        }
        self.scan(text)
    }

    /// Reads the next piece of a log as bytes, as a file arrives: UTF-8, a piece cut anywhere, even inside
    /// a character; bytes that are not UTF-8 are read as U+FFFD, as a browser decodes them.
    ///
    /// ```
    /// use slacalc::{outage::LogReader, zone::Zone};
    /// let mut reader = LogReader::new(&Zone::utc());
    /// let text = "start,end,note\n2026-03-02 09:00,2026-03-02 10:00,réseau\n".as_bytes();
    /// reader.push_bytes(&text[..43])?; // ends between the two bytes of "é"
    /// reader.push_bytes(&text[43..])?;
    /// let log = reader.finish()?;
    /// assert_eq!(log.text(log.outages[0].note), "réseau");
    /// # Ok::<(), slacalc::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`LogReader::push`].
    pub fn push_bytes(&mut self, piece: &[u8]) -> Result<(), Error> {
        let text = decode_piece(&mut self.partial, piece);
        self.push(&text)
    }

    /// Whether `c` separates fields: the header's delimiter once it is known, any candidate before.
    fn is_delimiter(&self, c: u8) -> bool {
        match &self.layout {
            Some((_, d)) => u32::from(c) == u32::from(*d),
            None => matches!(c, b',' | b';' | b'\t' | b'|'),
        }
    }

    /// Reads `text`, the continuation of the record in `tail`.
    fn scan(&mut self, text: &str) -> Result<(), Error> {
        let b = text.as_bytes();
        // The start of the current record's part in `text`, and the next byte to look at.
        let (mut seg, mut i) = (0, 0);
        while i < b.len() {
            if self.scan == Scan::FieldStart && i == seg && self.tail.is_empty() {
                // The common case, a plain line ending in LF or CRLF, with no quote and no other CR. (A
                // piece that ends within a line is read byte by byte below, so that the record's state,
                // in a field or at its start, is right for the next piece.)
                let plain = |line: &[u8]| !line.iter().any(|&c| c == b'"' || c == b'\r');
                if let Some(k) = text[i..].find('\n') {
                    let line = &text[i..i + k];
                    let line = line.strip_suffix('\r').unwrap_or(line);
                    if self.quick_record(line) {
                        i += k + 1;
                        seg = i;
                        continue;
                    }
                    if plain(line.as_bytes()) {
                        self.record(line)?;
                        i += k + 1;
                        seg = i;
                        continue;
                    }
                }
            }
            let c = b[i];
            let newline = c == b'\n' || c == b'\r';
            match self.scan {
                Scan::Quoted => {
                    if c == b'"' {
                        self.scan = Scan::QuoteInQuoted;
                    } else if newline {
                        self.breaks += 1;
                        if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                            i += 1;
                        } else if c == b'\r' && i + 1 == b.len() {
                            self.pending_cr = true;
                        }
                        if self.breaks > MAX_QUOTED_BREAKS {
                            let record = self.take(&text[seg..=i]);
                            self.unclosed(&record)?;
                            seg = i + 1;
                        }
                    }
                }
                _ if newline => {
                    let record = self.take(&text[seg..i]);
                    self.record(&record)?;
                    if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    } else if c == b'\r' && i + 1 == b.len() {
                        self.pending_cr = true;
                    }
                    seg = i + 1;
                }
                Scan::QuoteInQuoted if c == b'"' => self.scan = Scan::Quoted,
                _ if self.is_delimiter(c) => self.scan = Scan::FieldStart,
                Scan::FieldStart if c == b'"' => self.scan = Scan::Quoted,
                Scan::FieldStart if c == b' ' || c == b'\t' => {}
                _ => self.scan = Scan::Unquoted,
            }
            i += 1;
        }
        self.tail.push_str(&text[seg.min(text.len())..]);
        Ok(())
    }

    /// The whole current record: what `tail` holds, then `rest`; the record state starts afresh.
    fn take(&mut self, rest: &str) -> String {
        let mut record = std::mem::take(&mut self.tail);
        record.push_str(rest);
        record
    }

    /// A record whose quote stayed open: its first line is refused, the lines after it are read again.
    fn unclosed(&mut self, record: &str) -> Result<(), Error> {
        let cut = record.find(['\n', '\r']).unwrap_or(record.len());
        self.scan = Scan::FieldStart;
        self.breaks = 0;
        self.pending_cr = false;
        self.lines += 1;
        if self.layout.is_some() {
            self.log.problems.push(RowProblem {
                line: self.lines,
                reason: "a quoted field is not closed".to_string(),
            });
        }
        let mut rest = &record[cut.min(record.len())..];
        rest = rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix(['\n', '\r']))
            .unwrap_or(rest);
        let was = std::mem::take(&mut self.tail);
        let read = self.scan(rest);
        // What the lines after it left open stays open, ahead of what came before in this piece.
        self.tail.push_str(&was);
        read
    }

    /// Reads a record the way most lines of a log are: after the header, plain ASCII without quotes or
    /// carriage returns, at most 32 fields. Its fields are found in one pass and never copied. Whether it
    /// was read so; a line that is not so is left for [`LogReader::record`], which reads it the same way.
    fn quick_record(&mut self, line: &str) -> bool {
        const MOST: usize = 32;
        let Some((layout, delimiter)) = &self.layout else {
            return false;
        };
        let bytes = line.as_bytes();
        if !plain_ascii(bytes) {
            return false;
        }
        // The delimiters are ASCII (the header's was one of , ; tab |).
        let delimiter = *delimiter as u8;
        let mut cuts = [0usize; MOST];
        let mut n = 0;
        for (k, &c) in bytes.iter().enumerate() {
            if c == delimiter {
                if n + 1 == MOST {
                    return false;
                }
                cuts[n] = k;
                n += 1;
            }
        }
        self.lines += 1;
        // Blank lines are skipped (a line with a delimiter other than a tab is not blank).
        if (n == 0 || delimiter == b'\t')
            && bytes
                .iter()
                .all(|c| matches!(c, b' ' | b'\t' | b'\x0b' | b'\x0c'))
        {
            return true;
        }
        let mut fields = [""; MOST];
        let mut from = 0;
        for (f, &cut) in fields.iter_mut().zip(&cuts[..n]) {
            *f = &line[from..cut];
            from = cut + 1;
        }
        fields[n] = &line[from..];
        let line_no = self.lines;
        let read = layout.read(&fields[..=n], line_no, &self.zone, &mut self.texts);
        self.log.keep(line_no, read);
        true
    }

    /// Reads one record, numbered by its first line; it may span several lines.
    fn record(&mut self, raw: &str) -> Result<(), Error> {
        self.scan = Scan::FieldStart;
        self.lines += 1;
        let line = self.lines;
        self.lines += std::mem::take(&mut self.breaks);
        let mut raw = raw;
        if line == 1 {
            raw = raw.trim_start_matches('\u{feff}');
        }
        if raw.trim().is_empty() {
            return Ok(());
        }
        let Some((layout, delimiter)) = &self.layout else {
            let delimiter = sniff(raw, |h| column(h).is_some());
            let headers = split_record(raw, delimiter).map_err(invalid)?;
            let layout = Layout::new(&headers, &format!("the header \"{}\"", raw.trim()))
                .map_err(|reason| invalid(&reason))?;
            self.layout = Some((layout, delimiter));
            return Ok(());
        };
        let read = split_record(raw, *delimiter)
            .map_err(str::to_string)
            .and_then(|fields| layout.read(&fields, line, &self.zone, &mut self.texts));
        self.log.keep(line, read);
        Ok(())
    }

    /// Reads one record given as names and values (a JSON object's keys and values), numbered `line`.
    /// The names are matched as a CSV header's are.
    pub fn push_record<N: AsRef<str>, V: AsRef<str>>(
        &mut self,
        names: &[N],
        values: &[V],
        line: usize,
    ) {
        let read = Layout::new(names, "the record's names")
            .and_then(|layout| layout.read(values, line, &self.zone, &mut self.texts));
        self.log.keep(line, read);
    }

    /// Records a record that could not be read at all, numbered `line`.
    pub fn push_problem(&mut self, line: usize, reason: String) {
        self.log.problems.push(RowProblem { line, reason });
    }

    /// Outages and problems read so far.
    pub fn counts(&self) -> (usize, usize) {
        (self.log.outages.len(), self.log.problems.len())
    }

    /// Reads the last line and returns the log.
    ///
    /// # Errors
    /// [`Error::InvalidLog`] when there was no header line (an empty log), or the last line is a bad header.
    pub fn finish(mut self) -> Result<Log, Error> {
        // A character cut off at the very end is not one.
        if !self.partial.is_empty() {
            let rest = String::from_utf8_lossy(&std::mem::take(&mut self.partial)).into_owned();
            self.push(&rest)?;
        }
        // A quote still open at the end: its record's first line is refused, the lines after it read again.
        while self.scan == Scan::Quoted && self.breaks > 0 {
            let record = std::mem::take(&mut self.tail);
            self.unclosed(&record)?;
        }
        if !self.tail.is_empty() {
            let tail = std::mem::take(&mut self.tail);
            self.record(&tail)?;
        }
        if self.layout.is_none() && self.log.outages.is_empty() && self.log.problems.is_empty() {
            return Err(invalid(
                "the log is empty: give a header line and one line per outage",
            ));
        }
        self.log.texts = self.texts.list;
        Ok(self.log)
    }
}

fn read_row<'a>(
    get: &dyn Fn(Option<usize>) -> &'a str,
    start_at: usize,
    end_at: Option<usize>,
    duration_at: Option<usize>,
    columns: &[Option<Column>],
    zone: &Zone,
) -> Result<(i64, i64), String> {
    let start_text = get(Some(start_at));
    let instant = |text: &str, what: &str| {
        parse_log_instant(text, zone, Field::Outages).map_err(|e| match e {
            _ if text.is_empty() => format!("the {what} is missing"),
            Error::InstantOutOfRange { .. } => {
                format!("the {what} \"{text}\" lies outside the years 0001 to 9999")
            }
            _ => format!("the {what} \"{text}\" is not a date and time such as 2026-03-02T09:00:00Z or 2026-03-02 09:00"),
        })
    };
    let start = instant(start_text, "start")?;
    let end_text = get(end_at);
    let end = if !end_text.is_empty() || duration_at.is_none() {
        let end = instant(end_text, "end")?;
        if end < start {
            return Err(format!(
                "the end {end_text} is before the start {start_text}"
            ));
        }
        end
    } else {
        let text = get(duration_at);
        let unit = match duration_at.and_then(|i| columns[i]) {
            Some(Column::Duration(unit)) => unit,
            _ => 0,
        };
        let plain = !text.is_empty()
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
        let seconds_text;
        let text = if plain {
            if unit == 0 {
                return Err(format!(
                    "the duration \"{text}\" has no unit: write 90 min or PT90M, or name the unit in the header (minutes)"
                ));
            }
            let scaled = crate::decimal::parse_scaled(text, 3)
                .map_err(|_| format!("the duration \"{text}\" is not a number"))?;
            seconds_text = crate::decimal::format_scaled(scaled * unit as u128, 3);
            seconds_text.as_str()
        } else {
            text
        };
        if text.is_empty() {
            return Err("the end and the duration are both missing".to_string());
        }
        let d = ExactDuration::parse(text, Field::Outages).map_err(|e| e.to_string())?;
        let end = start + (d.as_nanos() / 1_000_000_000) as i64;
        if end > crate::zone::LAST_INSTANT {
            return Err(format!(
                "the outage of {text} from {start_text} would end after 9999-12-31"
            ));
        }
        end
    };
    Ok((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> Log {
        parse_csv(text, &Zone::utc()).unwrap()
    }

    fn at(text: &str) -> i64 {
        crate::zone::parse_instant(text, &Zone::utc(), Field::Start).unwrap()
    }

    #[test]
    fn headers_and_delimiters_are_found() {
        for text in [
            "Start,End\n2026-03-02T09:00:00Z,2026-03-02T10:00:00Z\n",
            "begin_time;finish time\n2026-03-02 09:00;2026-03-02 10:00\n",
            "From\tUntil\tNote\n2026-03-02 09:00\t2026-03-02 10:00\tdisk full, again\n",
            "\u{feff}started | duration\n2026-03-02 09:00 | PT1H\n",
            "start,minutes\n2026-03-02 09:00,60\n",
            "start,Duration (s)\n2026-03-02 09:00,3600\n",
            "\"start\",\"end\",\"note\"\n\"2026-03-02 09:00\",\"2026-03-02 10:00\",\"said \"\"hi\"\", left\"\n",
        ] {
            let log = utc(text);
            assert_eq!(log.problems, [], "{text}");
            assert_eq!((log.outages[0].start, log.outages[0].end), (at("2026-03-02T09:00Z"), at("2026-03-02T10:00Z")), "{text}");
        }
        let log = utc("From\tUntil\tNote\n2026-03-02 09:00\t2026-03-02 10:00\tdisk full, again\n");
        assert_eq!(log.text(log.outages[0].note), "disk full, again");
        let log = utc("\"start\",\"end\",\"note\"\n\"2026-03-02 09:00\",\"2026-03-02 10:00\",\"said \"\"hi\"\", left\"\n");
        assert_eq!(log.text(log.outages[0].note), "said \"hi\", left");
    }

    #[test]
    fn local_times_are_read_in_the_zone() {
        let london = crate::zone::tests::zone("Europe/London");
        let log = parse_csv("start,end\n2026-07-01 10:00,2026-07-01 11:00\n", &london).unwrap();
        assert_eq!(log.outages[0].start, at("2026-07-01T09:00Z"));
    }

    #[test]
    fn impact_and_planned() {
        let log = utc("start,end,impact,planned,service\n\
                       2026-03-02 09:00,2026-03-02 10:00,50%,no,mail\n\
                       2026-03-02 09:00,2026-03-02 10:00,12.5,maintenance,\n\
                       2026-03-02 09:00,2026-03-02 10:00,,,\n");
        let got: Vec<(u32, bool, &str)> = log
            .outages
            .iter()
            .map(|o| (o.impact, o.planned, log.text(o.service)))
            .collect();
        assert_eq!(
            got,
            [
                (500_000, false, "mail"),
                (125_000, true, ""),
                (FULL, false, "")
            ]
        );
    }

    #[test]
    fn bad_rows_are_reported_with_line_and_reason() {
        let log = utc("start,end,impact,planned\n\
                       2026-03-02 09:00,2026-03-02 08:00,,\n\
                       yesterday,2026-03-02 08:00,,\n\
                       2026-03-02 09:00,,,\n\
                       2026-03-02 09:00,2026-03-02 10:00,150%,\n\
                       2026-03-02 09:00,2026-03-02 10:00,degraded,\n\
                       2026-03-02 09:00,2026-03-02 10:00,,perhaps\n\
                       \"2026-03-02 09:00,2026-03-02 10:00,,\n\
                       \n\
                       2026-03-02 09:00,2026-03-02 10:00,0%,\n\
                       2026-03-02 09:00,2026-03-02 10:00,,\n");
        let reasons: Vec<(usize, &str)> = log
            .problems
            .iter()
            .map(|p| (p.line, p.reason.as_str()))
            .collect();
        assert_eq!(
            reasons[0],
            (
                2,
                "the end 2026-03-02 08:00 is before the start 2026-03-02 09:00"
            )
        );
        assert!(
            reasons[1]
                .1
                .starts_with("the start \"yesterday\" is not a date and time"),
            "{reasons:?}"
        );
        assert_eq!(reasons[2], (4, "the end is missing"));
        assert!(reasons[3].1.contains("at most 100%"));
        assert!(reasons[4].1.contains("not full or a percentage"));
        assert!(reasons[5].1.contains("not yes or no"));
        assert_eq!(reasons[6], (8, "a quoted field is not closed"));
        assert_eq!(reasons[7].0, 10);
        assert!(reasons[7].1.contains("more than 0%"));
        assert_eq!(log.outages.len(), 1);
        assert_eq!(log.outages[0].line, 11);
        // A plain number under a header without a unit is not guessed.
        let log = utc("start,duration\n2026-03-02 09:00,90\n2026-03-02 09:00,90 min\n");
        assert!(log.problems[0].reason.contains("has no unit"));
        assert_eq!(log.outages[0].end - log.outages[0].start, 5400);
    }

    #[test]
    fn logs_that_cannot_be_read() {
        let e = |t: &str| parse_csv(t, &Zone::utc()).unwrap_err().to_string();
        assert_eq!(
            e(""),
            "outages cannot be read: the log is empty: give a header line and one line per outage"
        );
        assert!(e("\u{89}PNG\0\0").contains("binary"));
        assert!(e("when,what\n1,2\n").contains("no start column"));
        assert!(e("start,what\n1,2\n").contains("no end or duration column"));
        assert_eq!(
            parse_csv("", &Zone::utc()).unwrap_err().field(),
            Field::Outages
        );
    }

    #[test]
    fn pieces_cut_anywhere_read_as_the_whole() {
        let text = "\u{feff}start;end;note\r\n2026-03-02 09:00;2026-03-02 10:00;\"a; b\"\r\n\r\n\
                    bad;2026-03-02 10:00;\n2026-03-03 09:00;2026-03-03 09:30;é\n2026-03-04 09:00;2026-03-04 09:05;last";
        let whole = utc(text);
        assert_eq!(whole.outages.len(), 3);
        assert_eq!(whole.problems[0].line, 4);
        assert_eq!(whole.outages[2].line, 6);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        for &i in &cuts {
            for &j in cuts.iter().filter(|j| **j >= i) {
                let mut reader = LogReader::new(&Zone::utc());
                for piece in [&text[..i], &text[i..j], &text[j..]] {
                    reader.push(piece).unwrap();
                }
                assert_eq!(reader.finish().unwrap(), whole, "cut at {i} and {j}");
            }
        }
    }

    /// The eight-at-a-time check of plain ASCII lines agrees with a byte-by-byte one, on random bytes of
    /// every length up to 40 with a special byte anywhere.
    #[test]
    fn plain_ascii_agrees_with_a_byte_by_byte_check() {
        let mut rng = crate::risk::Rng::new(0x9e37_79b9_7f4a_7c15);
        for _ in 0..100_000 {
            let seed = rng.next_u64();
            let len = (seed % 41) as usize;
            let mut bytes: Vec<u8> = (0..len)
                .map(|k| b'a' + ((seed >> (k % 60)) % 26) as u8)
                .collect();
            if len > 0 && seed % 3 != 0 {
                bytes[(seed >> 8) as usize % len] =
                    [b'"', b'\r', 0x80, 0xff, b'!', b'\n'][(seed >> 20) as usize % 6];
            }
            let naive = !bytes.iter().any(|&c| c == b'"' || c == b'\r' || c >= 0x80);
            assert_eq!(plain_ascii(&bytes), naive, "{bytes:?}");
        }
    }

    /// Bytes cut anywhere, even inside a character of two, three or four bytes, read as the whole text;
    /// bytes that are not UTF-8 read as U+FFFD, and so does a character cut off at the very end.
    #[test]
    fn bytes_cut_anywhere_read_as_the_text() {
        let text = "start,end,note\n2026-03-02 09:00,2026-03-02 10:00,réseau €5 🙂\n2026-03-03 09:00,2026-03-03 10:00,ok\n";
        let whole = utc(text);
        let bytes = text.as_bytes();
        for i in 0..=bytes.len() {
            for j in (i..=bytes.len()).step_by(7) {
                let mut reader = LogReader::new(&Zone::utc());
                for piece in [&bytes[..i], &bytes[i..j], &bytes[j..]] {
                    reader.push_bytes(piece).unwrap();
                }
                assert_eq!(reader.finish().unwrap(), whole, "cut at {i} and {j}");
            }
        }
        let mut reader = LogReader::new(&Zone::utc());
        reader
            .push_bytes(b"start,end,note\n2026-03-02 09:00,2026-03-02 10:00,caf\xe9\n2026-03-03 09:00,2026-03-03 10:00,\xe2\x82")
            .unwrap();
        let log = reader.finish().unwrap();
        assert_eq!(log.text(log.outages[0].note), "caf\u{fffd}");
        assert_eq!(log.text(log.outages[1].note), "\u{fffd}");
    }

    /// An outage read takes 40 bytes (a million take 40 MB), its texts kept once in the log.
    #[test]
    fn an_outage_is_40_bytes() {
        assert_eq!(std::mem::size_of::<Outage>(), 40);
        let log = utc("start,end,service\n2026-03-02 09:00,2026-03-02 10:00,web\n2026-03-03 09:00,2026-03-03 10:00,web\n");
        assert_eq!(log.outages[0].service, log.outages[1].service);
        assert_eq!(
            (
                log.text(log.outages[1].service),
                log.text(log.outages[1].note)
            ),
            ("web", "")
        );
    }

    /// Whole lines take the quick path (fields found in one pass); a line cut between pieces is read
    /// byte by byte. Both read every kind of row alike: impact, planned, blank lines (spaces, tabs),
    /// extra and missing fields, a delimiter at the end, bad times, more than 32 fields, text after
    /// the last line break.
    #[test]
    fn the_quick_path_reads_as_byte_by_byte() {
        let many = vec!["x"; 40].join(",");
        let text = format!(
            "start,end,impact,planned,service\n2026-03-02T09:00:00Z,2026-03-02T10:00:00Z,full,no,web\n \t \n\
             2026-03-02 09:00,2026-03-02 09:30,50%,yes,\n2026-03-02T09:00Z,2026-03-02T09:10Z,FULL,Maintenance\n\
             2026-02-29 10:00,2026-03-01 10:00\n,\n2026-03-05 10:00,2026-03-05 11:00,12.5 %,n,db,extra\n\
             2026-03-06 10:00,2026-03-06 11:00,{many}\n2026-03-07 10:00 , 2026-03-07 11:00 ,0%,no\n\
             2026-03-08 10:00,2026-03-08 11:00,full,maybe\n2026-03-09 10:00,2026-03-09 11:00"
        );
        let whole = utc(&text);
        assert_eq!(
            (whole.outages.len(), whole.problems.len()),
            (5, 5),
            "{whole:?}"
        );
        let mut reader = LogReader::new(&Zone::utc());
        for k in 0..text.len() {
            reader.push(&text[k..=k]).unwrap();
        }
        assert_eq!(reader.finish().unwrap(), whole);
    }

    /// Every line ending is a record's end, LF, CRLF or a lone CR ("CSV (Macintosh)"), in any mix.
    #[test]
    fn every_line_ending_ends_a_record() {
        let rows = [
            "start,end",
            "2026-03-02 09:00,2026-03-02 10:00",
            "soon,later",
            "2026-03-03 09:00,2026-03-03 09:30",
        ];
        let lf = utc(&rows.join("\n"));
        assert_eq!((lf.outages.len(), lf.problems.len()), (2, 1));
        for ending in ["\r\n", "\r", "\n"] {
            assert_eq!(utc(&rows.join(ending)), lf, "{ending:?}");
            assert_eq!(
                utc(&format!("{}{ending}", rows.join(ending))),
                lf,
                "{ending:?} at the end"
            );
        }
        let mixed = format!("{}\r{}\r\n{}\n{}", rows[0], rows[1], rows[2], rows[3]);
        assert_eq!(utc(&mixed), lf);
        // Blank lines of any kind are lines too: numbers stay those a text editor shows.
        let log = utc("start,end\r\r\n\n2026-03-02 09:00,2026-03-02 10:00\r");
        assert_eq!(log.outages[0].line, 4);
    }

    /// A quoted field may hold line breaks, delimiters and doubled quotes: the record is one outage, numbered
    /// by its first line, and nothing in its note is read as a row.
    #[test]
    fn quoted_fields_hold_line_breaks() {
        let text = "start,end,note\n\
                    2026-03-02 09:00,2026-03-02 10:00,\"disk full,\n2026-03-02 11:00,2026-03-02 14:00,\n\"\"really\"\"\"\n\
                    2026-03-03 09:00,2026-03-03 09:30,\"\"\n";
        let log = utc(text);
        assert_eq!(log.problems, []);
        assert_eq!(
            log.outages.len(),
            2,
            "the note's second line is not an outage"
        );
        assert_eq!(
            log.text(log.outages[0].note),
            "disk full,\n2026-03-02 11:00,2026-03-02 14:00,\n\"really\""
        );
        assert_eq!(log.outages[1].line, 5);
        // CRLF inside the quotes, and a lone CR.
        let log = utc("start,end,note\r\n2026-03-02 09:00,2026-03-02 10:00,\"a\r\nb\rc\"\r\n2026-03-03 09:00,2026-03-03 09:30,d\r\n");
        assert_eq!((log.outages.len(), log.outages[1].line), (2, 5));
        // A quote that never closes: its line is refused, every line after it is read.
        let log = utc("start,end,note\n2026-03-02 09:00,2026-03-02 10:00,\"oops\n2026-03-03 09:00,2026-03-03 09:30,x\n2026-03-04 09:00,2026-03-04 09:30,y\n");
        assert_eq!(
            log.problems,
            [RowProblem {
                line: 2,
                reason: "a quoted field is not closed".to_string()
            }]
        );
        assert_eq!(
            log.outages.iter().map(|o| o.line).collect::<Vec<_>>(),
            [3, 4]
        );
        // One that stays open for more than 100 lines is a stray quote too, whatever follows.
        let mut long = String::from("start,end\n\"2026-03-01 09:00,2026-03-01 10:00\n");
        for d in 0..150 {
            long.push_str(&format!("2026-03-02 09:{:02},2026-03-02 10:00\n", d % 60));
        }
        let log = utc(&long);
        assert_eq!(
            (log.outages.len(), log.problems.len(), log.problems[0].line),
            (150, 1, 2)
        );
    }

    #[test]
    fn hostile_texts_cut_anywhere_read_as_the_whole() {
        for text in [
            "start,end,note\r2026-03-02 09:00,2026-03-02 10:00,\"a\r\nb\"\r\n\rbad,x,\"\"\"\"\n2026-03-03 09:00,2026-03-03 09:30,\"c,\nd\"\r",
            "start;end\n\"2026-03-02 09:00;2026-03-02 10:00\n2026-03-03 09:00;2026-03-03 09:30\r\n",
        ] {
            let whole = utc(text);
            let cuts: Vec<usize> = (0..=text.len()).filter(|i| text.is_char_boundary(*i)).collect();
            for &i in &cuts {
                for &j in cuts.iter().filter(|j| **j >= i) {
                    let mut reader = LogReader::new(&Zone::utc());
                    for piece in [&text[..i], &text[i..j], &text[j..]] {
                        reader.push(piece).unwrap();
                    }
                    assert_eq!(reader.finish().unwrap(), whole, "{text:?} cut at {i} and {j}");
                }
            }
        }
    }

    #[test]
    fn records_are_read_by_their_names() {
        let mut reader = LogReader::new(&Zone::utc());
        reader.push_record(
            &["Start", "duration (min)", "impact"],
            &["2026-03-02 09:00", "30", "50"],
            1,
        );
        reader.push_record(
            &["when", "end"],
            &["2026-03-02 09:00", "2026-03-02 10:00"],
            2,
        );
        reader.push_record(
            &["from", "until", "planned"],
            &["2026-03-02 09:00", "2026-03-02 10:00", "maybe"],
            3,
        );
        let log = reader.finish().unwrap();
        assert_eq!(log.outages.len(), 1);
        assert_eq!(
            (
                log.outages[0].end - log.outages[0].start,
                log.outages[0].impact
            ),
            (1800, 500_000)
        );
        assert_eq!(log.problems[0].line, 2);
        assert_eq!(
            log.problems[0].reason,
            "no start column in the record's names: name one start (or begin, from)"
        );
        assert!(log.problems[1].reason.contains("not yes or no"));
    }
}
