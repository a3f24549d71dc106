//! Errors: every bad input becomes an [`Error`] that names the field, quotes the value and says what would
//! be valid. Nothing in the crate panics on input.

use std::fmt;

/// The input an error concerns, as the JavaScript API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The availability target, a percentage.
    Target,
    /// The measurement period.
    Period,
    /// An observed downtime.
    Downtime,
    /// A service calendar (time zone, weekly hours, holidays, exclusions).
    Calendar,
    /// The first instant of an interval.
    Start,
    /// The instant an interval ends.
    End,
    /// A length of service time.
    Duration,
    /// An outage log.
    Outages,
    /// The instant an error budget is read at.
    AsOf,
    /// A service-credit schedule.
    Schedule,
    /// The periods to compute credits for: attainment, downtime and charges.
    Periods,
    /// An outage model for simulating contract years.
    Model,
    /// A help-desk SLA: goals per priority, pause states, the attainment target.
    Sla,
    /// Tickets measured against a help-desk SLA.
    Tickets,
    /// The input object as a whole.
    Input,
}

impl Field {
    /// Every field, in the order of the declarations.
    pub const ALL: [Field; 15] = [
        Field::Target,
        Field::Period,
        Field::Downtime,
        Field::Calendar,
        Field::Start,
        Field::End,
        Field::Duration,
        Field::Outages,
        Field::AsOf,
        Field::Schedule,
        Field::Periods,
        Field::Model,
        Field::Sla,
        Field::Tickets,
        Field::Input,
    ];

    /// The field's name in the JavaScript API (`"target"`, `"period"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Field::Target => "target",
            Field::Period => "period",
            Field::Downtime => "downtime",
            Field::Calendar => "calendar",
            Field::Start => "start",
            Field::End => "end",
            Field::Duration => "duration",
            Field::Outages => "outages",
            Field::AsOf => "asOf",
            Field::Schedule => "schedule",
            Field::Periods => "periods",
            Field::Model => "model",
            Field::Sla => "sla",
            Field::Tickets => "tickets",
            Field::Input => "input",
        }
    }
}

/// Why an input was refused. Each variant carries the field and, where there is one, the value as typed.
///
/// # Example: the message names the field and the value
/// ```
/// use slacalc::Target;
/// let err = Target::parse("100.5").unwrap_err();
/// assert_eq!(err.field().name(), "target");
/// assert_eq!(err.code(), "out_of_range");
/// assert_eq!(err.to_string(), r#"target "100.5" must be greater than 0 and at most 100"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)] // fields: `field` is the input concerned, `value` the text as typed
pub enum Error {
    /// The field was not given at all (or was `null`/`undefined`).
    Missing { field: Field },
    /// The field was given as the wrong kind of value, e.g. an array where a string belongs.
    WrongType {
        field: Field,
        expected: &'static str,
        found: &'static str,
    },
    /// The field is an empty (or all-blank) string.
    Empty { field: Field },
    /// A number that cannot be read; `hint` says what a valid one looks like.
    InvalidNumber {
        field: Field,
        value: String,
        hint: &'static str,
    },
    /// A target outside 0 < target <= 100.
    TargetOutOfRange { value: String },
    /// More decimal places than the field allows.
    TooManyDecimals {
        field: Field,
        value: String,
        max: u32,
    },
    /// A period that is none of the accepted forms.
    InvalidPeriod { value: String },
    /// A duration that cannot be read; `reason` says why.
    InvalidDuration {
        field: Field,
        value: String,
        reason: String,
    },
    /// A date that does not exist or cannot be read (`2026-02-30`, `2026-Q5`, `2026-W54`).
    InvalidDate {
        field: Field,
        value: String,
        reason: String,
    },
    /// A range whose end is not after its start.
    ReversedRange { value: String },
    /// A duration or period longer than the longest one accepted.
    TooLong { field: Field, value: String },
    /// A duration or period of zero length where a positive one is needed.
    ZeroLength { field: Field, value: String },
    /// A downtime longer than the period it was observed in.
    DowntimeExceedsPeriod { downtime: String, period: String },
    /// A time zone whose data is invalid.
    InvalidTimeZone { value: String, reason: String },
    /// A time zone that is not known (or whose data has not been loaded).
    UnknownTimeZone { value: String },
    /// A part of a service calendar that cannot be read; `part` says which (`weekly.mon`, `holidays[2]`).
    InvalidCalendar {
        part: String,
        value: String,
        reason: String,
    },
    /// Service hours that overlap, within a day or across midnight.
    OverlappingHours { part: String, value: String },
    /// A calendar with no service time at all in the period asked about.
    NoServiceTime { period: String },
    /// An instant that cannot be read.
    InvalidInstant { field: Field, value: String },
    /// An outage log that cannot be read at all (no header, no start column, binary data, too large).
    InvalidLog { reason: String },
    /// An interval whose end is before its start.
    ReversedInterval { start: String, end: String },
    /// A period that cannot be measured on a service calendar (an average day, or a length that is not a
    /// whole number of weeks).
    UnsupportedServicePeriod { value: String },
    /// A value of a penalty input (schedule, periods or outage model) that cannot be used; `part` says
    /// which (`tiers[1].when`, `periods[3].charges`, `incidentsPerMonth`).
    InvalidValue {
        field: Field,
        part: String,
        reason: String,
    },
    /// An instant read or worked out outside the range slacalc reads and writes,
    /// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z; `what` says which, in words.
    InstantOutOfRange { field: Field, what: String },
    /// An input that would take more memory than one calculation may use; `part` says which, `reason`
    /// how large it is and what would do.
    TooLarge {
        field: Field,
        part: String,
        reason: String,
    },
}

impl Error {
    /// The field the error concerns.
    pub fn field(&self) -> Field {
        match self {
            Error::Missing { field }
            | Error::WrongType { field, .. }
            | Error::Empty { field }
            | Error::InvalidNumber { field, .. }
            | Error::TooManyDecimals { field, .. }
            | Error::InvalidDuration { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::TooLong { field, .. }
            | Error::ZeroLength { field, .. }
            | Error::InvalidInstant { field, .. }
            | Error::InvalidValue { field, .. }
            | Error::InstantOutOfRange { field, .. }
            | Error::TooLarge { field, .. } => *field,
            Error::InvalidTimeZone { .. }
            | Error::UnknownTimeZone { .. }
            | Error::InvalidCalendar { .. }
            | Error::OverlappingHours { .. }
            | Error::NoServiceTime { .. } => Field::Calendar,
            Error::TargetOutOfRange { .. } => Field::Target,
            Error::InvalidPeriod { .. }
            | Error::ReversedRange { .. }
            | Error::UnsupportedServicePeriod { .. } => Field::Period,
            Error::DowntimeExceedsPeriod { .. } => Field::Downtime,
            Error::ReversedInterval { .. } => Field::End,
            Error::InvalidLog { .. } => Field::Outages,
        }
    }

    /// Every code [`code`](Self::code) gives, and `internal` (a result that could not be handed over):
    /// the TypeScript declarations list these.
    pub const CODES: [&'static str; 25] = [
        "missing",
        "wrong_type",
        "empty",
        "invalid_number",
        "out_of_range",
        "too_many_decimals",
        "invalid_period",
        "invalid_duration",
        "invalid_date",
        "reversed_range",
        "too_long",
        "zero_length",
        "exceeds_period",
        "invalid_time_zone",
        "unknown_time_zone",
        "invalid_calendar",
        "overlapping_hours",
        "no_service_time",
        "invalid_instant",
        "unsupported_period",
        "reversed_interval",
        "invalid_log",
        "invalid_value",
        "too_large",
        "internal",
    ];

    /// A stable machine-readable code (`"missing"`, `"out_of_range"`, ...), for programs that react to errors.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Missing { .. } => "missing",
            Error::WrongType { .. } => "wrong_type",
            Error::Empty { .. } => "empty",
            Error::InvalidNumber { .. } => "invalid_number",
            Error::TargetOutOfRange { .. } => "out_of_range",
            Error::TooManyDecimals { .. } => "too_many_decimals",
            Error::InvalidPeriod { .. } => "invalid_period",
            Error::InvalidDuration { .. } => "invalid_duration",
            Error::InvalidDate { .. } => "invalid_date",
            Error::ReversedRange { .. } => "reversed_range",
            Error::TooLong { .. } => "too_long",
            Error::ZeroLength { .. } => "zero_length",
            Error::DowntimeExceedsPeriod { .. } => "exceeds_period",
            Error::InvalidTimeZone { .. } => "invalid_time_zone",
            Error::UnknownTimeZone { .. } => "unknown_time_zone",
            Error::InvalidCalendar { .. } => "invalid_calendar",
            Error::OverlappingHours { .. } => "overlapping_hours",
            Error::NoServiceTime { .. } => "no_service_time",
            Error::InvalidInstant { .. } => "invalid_instant",
            Error::UnsupportedServicePeriod { .. } => "unsupported_period",
            Error::ReversedInterval { .. } => "reversed_interval",
            Error::InstantOutOfRange { .. } => "out_of_range",
            Error::TooLarge { .. } => "too_large",
            Error::InvalidLog { .. } => "invalid_log",
            Error::InvalidValue { .. } => "invalid_value",
        }
    }

    /// For calendar errors, the part of the calendar concerned: `"timeZone"`, `"weekly.mon"`,
    /// `"holidays[2]"`, `"exclusions[0]"`.
    pub fn part(&self) -> Option<&str> {
        match self {
            Error::InvalidTimeZone { .. } | Error::UnknownTimeZone { .. } => Some("timeZone"),
            Error::InvalidCalendar { part, .. }
            | Error::OverlappingHours { part, .. }
            | Error::InvalidValue { part, .. }
            | Error::TooLarge { part, .. } => Some(part),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Missing { field } => {
                write!(f, "{} is required: {}", field.name(), example(*field))
            }
            Error::WrongType {
                field,
                expected,
                found,
            } => {
                write!(f, "{} must be {expected}, not {found}", field.name())
            }
            Error::Empty { field } => write!(f, "{} is empty: {}", field.name(), example(*field)),
            Error::InvalidNumber { field, value, hint } => {
                write!(f, "{} \"{value}\" is not a number: {hint}", field.name())
            }
            Error::TargetOutOfRange { value } => {
                write!(
                    f,
                    "target \"{value}\" must be greater than 0 and at most 100"
                )
            }
            Error::TooManyDecimals { field, value, max } => write!(
                f,
                "{} \"{value}\" has too many decimal places: at most {max} are allowed",
                field.name()
            ),
            Error::InvalidPeriod { value } => write!(
                f,
                "period \"{value}\" is not a period: use day, week, month, quarter or year, \
                 a duration such as P14D, P2W or PT12H, a calendar period such as 2026-02, \
                 2026-Q1, 2026 or 2026-W09, or a date range such as 2026-03-01/2026-03-15"
            ),
            Error::InvalidDuration {
                field,
                value,
                reason,
            } => {
                write!(
                    f,
                    "{} \"{value}\" is not a duration: {reason}",
                    field.name()
                )
            }
            Error::InvalidDate {
                field,
                value,
                reason,
            } => {
                write!(
                    f,
                    "{} \"{value}\" is not a valid date: {reason}",
                    field.name()
                )
            }
            Error::ReversedRange { value } => {
                write!(f, "period \"{value}\" ends before it starts: the end date must be after the start date")
            }
            Error::TooLong { field, value } => write!(
                f,
                "{} \"{value}\" is too long: at most 100 years (36 524.25 days) is accepted",
                field.name()
            ),
            Error::ZeroLength { field, value } => {
                write!(
                    f,
                    "{} \"{value}\" has no length: it must be longer than zero",
                    field.name()
                )
            }
            Error::DowntimeExceedsPeriod { downtime, period } => write!(
                f,
                "downtime {downtime} is longer than the period ({period}): \
                 a service cannot be down for longer than the period it is measured over"
            ),
            Error::InvalidTimeZone { value, reason } => {
                write!(f, "calendar time zone \"{value}\" cannot be used: {reason}")
            }
            Error::UnknownTimeZone { value } => write!(
                f,
                "calendar time zone \"{value}\" is not known: use an IANA name such as Europe/London or \
                 America/New_York (its data must be loaded first)"
            ),
            Error::InvalidCalendar { part, value, reason } if value.is_empty() => {
                write!(f, "calendar {part} cannot be read: {reason}")
            }
            Error::InvalidCalendar { part, value, reason } => {
                write!(f, "calendar {part} \"{value}\" cannot be read: {reason}")
            }
            Error::OverlappingHours { part, value } => write!(
                f,
                "calendar {part} \"{value}\" overlaps other service hours: each moment may be counted once only"
            ),
            Error::NoServiceTime { period } => write!(
                f,
                "calendar has no service time at all in {period}: there is nothing to measure availability against"
            ),
            Error::InvalidLog { reason } => write!(f, "outages cannot be read: {reason}"),
            Error::InvalidValue {
                field,
                part,
                reason,
            } => {
                if part.is_empty() {
                    write!(f, "{}: {reason}", field.name())
                } else {
                    write!(f, "{}.{part}: {reason}", field.name())
                }
            }
            Error::ReversedInterval { start, end } => {
                write!(f, "end {end} is before start {start}: an interval must not end before it starts")
            }
            Error::UnsupportedServicePeriod { value } => write!(
                f,
                "period \"{value}\" cannot be measured on service hours: use a calendar period (2026-03), a \
                 date range, a whole number of weeks (P2W) or an average month, quarter or year"
            ),
            Error::InstantOutOfRange { what, .. } => write!(
                f,
                "{what}, outside the instants slacalc reads and writes (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)"
            ),
            Error::TooLarge { field, part, reason } => {
                write!(f, "{} {part}: {reason}", field.name())
            }
            Error::InvalidInstant { field, value } => write!(
                f,
                "{} \"{value}\" is not an instant: use ISO 8601 with an offset such as 2026-03-02T09:00:00Z or \
                 2026-03-02T10:00+01:00, or a local time such as 2026-03-02T09:00 read in the calendar's time zone",
                field.name()
            ),
        }
    }
}

impl std::error::Error for Error {}

fn example(field: Field) -> &'static str {
    match field {
        Field::Target => "enter a percentage such as 99.9",
        Field::Period => "enter a period such as month, P14D or 2026-02",
        Field::Downtime => "enter a duration such as PT1H20M, 1 h 20 min or a number of seconds",
        Field::Calendar => {
            "give a calendar object such as { timeZone: \"UTC\", weekly: { mon: \"09:00-17:00\" } }"
        }
        Field::Start | Field::End | Field::AsOf => "enter an instant such as 2026-03-02T09:00:00Z",
        Field::Duration => "enter a duration such as PT4H or 4 h",
        Field::Outages => "give a log with a header line and start and end (or duration) columns",
        Field::Schedule => "give a schedule such as { target: \"99.9\", tiers: [{ when: \"< 99.9\", percent: \"10\" }] }",
        Field::Periods => "give periods such as [{ attainment: \"99.82\", charges: \"12000\" }]",
        Field::Model => "give a model such as { incidentsPerMonth: 2, median: \"PT30M\", p90: \"PT4H\" }",
        Field::Sla => "give an SLA such as { goals: [{ priority: \"P2\", response: \"PT1H\", resolution: \"PT8H\" }], attainment: \"95\" }",
        Field::Tickets => "give tickets such as [{ id: \"INC1\", priority: \"P2\", opened: \"2026-03-06T16:30:00Z\" }]",
        Field::Input => "pass an object such as { target: \"99.9\", period: \"month\" }",
    }
}
