// Written by `UPDATE_TYPES=1 cargo test --test typescript` from the types of slacalc::api.
/** Thrown by every function on bad input. */
export interface SlacalcError extends Error {
    /** A stable machine-readable reason. */
    code: "missing" | "wrong_type" | "empty" | "invalid_number" | "out_of_range" | "too_many_decimals" | "invalid_period" | "invalid_duration" | "invalid_date" | "reversed_range" | "too_long" | "zero_length" | "exceeds_period" | "invalid_time_zone" | "unknown_time_zone" | "invalid_calendar" | "overlapping_hours" | "no_service_time" | "invalid_instant" | "unsupported_period" | "reversed_interval" | "invalid_log" | "invalid_value" | "too_large" | "internal";
    /** The input the error concerns. */
    field: "target" | "period" | "downtime" | "calendar" | "start" | "end" | "duration" | "outages" | "asOf" | "schedule" | "periods" | "model" | "sla" | "tickets" | "input";
    /** The part concerned, for calendar errors ("timeZone", "weekly.mon", "holidays[2]") and penalty
     *  inputs ("tiers[1].when", "periods[3].charges", "incidentsPerMonth"). */
    part?: string;
}

/**
 * A service calendar: weekly hours in a time zone, less holidays and exclusions. All strings.
 */
export type CalendarInput = { 
/**
 * Start from a preset; the fields given override it.
 */
preset?: "24x7" | "24x5" | "8x5" | "12x5" | "24x7-maintenance", 
/**
 * IANA name; its data must be loaded with registerTimeZone first (UTC is built in). Default "UTC".
 */
timeZone?: string, 
/**
 * The weekly hours as one line: "Mon-Fri 08:00-18:00; Sat 09:00-12:30", "Sun 22:00-06:00", "24x7" or
 * a preset name. Instead of weekly.
 */
hours?: string, 
/**
 * Hours per weekday: "09:00-17:00", "08:00-12:00, 13:00-17:00", "22:00-06:00" (overnight), "" (none).
 */
weekly?: WeeklyInput, 
/**
 * "2026-12-25", "2026-12-24..2026-12-26", "12-25", "4th thu of nov", "last mon of may", "easter-2".
 */
holidays?: Array<string>, 
/**
 * "2026-03-01T02:00/2026-03-01T04:00", "sun 02:00-04:00", "1st sat 22:00-02:00", "daily 01:00-01:30".
 */
exclusions?: Array<string>, };

/**
 * Service hours per weekday.
 */
export type WeeklyInput = { 
/**
 * Monday.
 */
mon?: string, 
/**
 * Tuesday.
 */
tue?: string, 
/**
 * Wednesday.
 */
wed?: string, 
/**
 * Thursday.
 */
thu?: string, 
/**
 * Friday.
 */
fri?: string, 
/**
 * Saturday.
 */
sat?: string, 
/**
 * Sunday.
 */
sun?: string, };

/**
 * Input of `budget`.
 */
export type BudgetInput = { 
/**
 * The availability target in percent, 0 < target <= 100, up to 6 decimals: `"99.9"` or `99.9`.
 */
target: string | number, 
/**
 * `"day"`..`"year"` (Gregorian averages), an ISO 8601 duration (`"P14D"`), a calendar period
 * (`"2026-02"`, `"2026-Q1"`, `"2026"`, `"2026-W09"`) or a date range (`"2026-03-01/2026-03-15"`).
 */
period: string, 
/**
 * Optional service calendar: the result's `service` then gives the budget over its service hours.
 * Hours text (`"Mon-Fri 08:00-18:00"`, in UTC) or a `CalendarInput`.
 */
calendar?: string | CalendarInput | null, };

/**
 * Input of `achieved`.
 */
export type AchievedInput = { 
/**
 * The downtime: an ISO 8601 duration (`"PT1H20M"`), text (`"1 h 20 min"`) or a number of seconds.
 */
downtime: string | number, 
/**
 * The period, as for `budget`.
 */
period: string, 
/**
 * Optional target to compare with.
 */
target?: string | number | null, 
/**
 * Optional service calendar: the downtime is then service time lost, measured against the service
 * hours in the period. Hours text or a `CalendarInput`.
 */
calendar?: string | CalendarInput | null, };

/**
 * A length of time, exactly and for people.
 */
export type DurationText = { 
/**
 * Exact seconds as a decimal string: `"2629.746"`.
 */
seconds: string, 
/**
 * For people: `"43 min 49.746 s"`.
 */
text: string, };

/**
 * The period a result is about.
 */
export type PeriodInfo = { 
/**
 * Which convention: a Gregorian average, a fixed duration or calendar dates.
 */
periodKind: "average" | "duration" | "calendar", 
/**
 * The period and its convention: `"average Gregorian month (30.436875 days)"`.
 */
periodLabel: string, 
/**
 * Exact length in seconds: `"2629746"`.
 */
periodSeconds: string, 
/**
 * Length in days, rounded down to 9 decimals: `"30.436875"`.
 */
periodDays: string, 
/**
 * First instant of a calendar period (ISO 8601, UTC), else null.
 */
periodStart: string | null, 
/**
 * The instant a calendar period ends (exclusive), else null.
 */
periodEnd: string | null, };

/**
 * What a target allows over a period.
 */
export type BudgetResult = { 
/**
 * The target as read, without trailing zeros: `"99.9"`.
 */
target: string, 
/**
 * The share of the period that may be lost, in percent: `"0.1"`.
 */
unavailabilityPercent: string, 
/**
 * Exact allowed downtime in seconds: `"2629.746"`.
 */
allowedDowntimeSeconds: string, 
/**
 * Allowed downtime for people: `"43 min 49.746 s"`.
 */
allowedDowntime: string, 
/**
 * The same target over a day of 24 hours.
 */
perDay: DurationText, 
/**
 * The same target over a week of 7 days.
 */
perWeek: DurationText, 
/**
 * The same target over an average Gregorian month.
 */
perMonth: DurationText, 
/**
 * One sentence that explains the budget.
 */
sentence: string, 
/**
 * The budget over the calendar's service hours, when a calendar was given; else null.
 */
service: ServiceResult | null, 
/**
 * Which convention: a Gregorian average, a fixed duration or calendar dates.
 */
periodKind: "average" | "duration" | "calendar", 
/**
 * The period and its convention: `"average Gregorian month (30.436875 days)"`.
 */
periodLabel: string, 
/**
 * Exact length in seconds: `"2629746"`.
 */
periodSeconds: string, 
/**
 * Length in days, rounded down to 9 decimals: `"30.436875"`.
 */
periodDays: string, 
/**
 * First instant of a calendar period (ISO 8601, UTC), else null.
 */
periodStart: string | null, 
/**
 * The instant a calendar period ends (exclusive), else null.
 */
periodEnd: string | null, };

/**
 * A target over a calendar's service hours.
 */
export type ServiceResult = { 
/**
 * The weekly hours and zone: `"Mon-Fri 09:00-17:00 in Europe/London"`.
 */
summary: string, 
/**
 * How the service time was counted: `"service hours in March 2026 (Europe/London)"`.
 */
basis: string, 
/**
 * Exact service seconds in the period.
 */
serviceSeconds: string, 
/**
 * Service time for people, in hours: `"176 h"`.
 */
service: string, 
/**
 * Exact allowed downtime within the service time, in seconds.
 */
allowedDowntimeSeconds: string, 
/**
 * Allowed downtime within the service time, for people.
 */
allowedDowntime: string, 
/**
 * The calendar's budget beside 24x7 in one sentence.
 */
sentence: string, 
/**
 * The same target over the service hours of a typical week.
 */
perWeek: DurationText, 
/**
 * The same target over the service hours of an average month (4.348125 typical weeks).
 */
perMonth: DurationText, 
/**
 * The same target over the service hours of an average year (52.1775 typical weeks).
 */
perYear: DurationText, };

/**
 * The availability a downtime achieved over a period.
 */
export type AchievedResult = { 
/**
 * Exact downtime in seconds.
 */
downtimeSeconds: string, 
/**
 * Downtime for people.
 */
downtime: string, 
/**
 * Availability in percent, rounded DOWN to 6 decimals: `"99.817472"`.
 */
availability: string, 
/**
 * Whether `availability` is exact (nothing was rounded away).
 */
availabilityIsExact: boolean, 
/**
 * `-log10(1 - availability)` rounded down to 2 decimals; null when there was no downtime.
 */
nines: number | null, 
/**
 * The target compared with, if one was given.
 */
target: string | null, 
/**
 * Whether the availability meets the target (compared exactly), if one was given.
 */
meetsTarget: boolean | null, 
/**
 * The target's allowed downtime over the period in seconds, if a target was given.
 */
allowedDowntimeSeconds: string | null, 
/**
 * The target's allowed downtime for people, if a target was given.
 */
allowedDowntime: string | null, 
/**
 * Exact seconds measured against: the period, or its service time under a calendar.
 */
measuredSeconds: string, 
/**
 * One sentence that explains the result.
 */
sentence: string, 
/**
 * Which convention: a Gregorian average, a fixed duration or calendar dates.
 */
periodKind: "average" | "duration" | "calendar", 
/**
 * The period and its convention: `"average Gregorian month (30.436875 days)"`.
 */
periodLabel: string, 
/**
 * Exact length in seconds: `"2629746"`.
 */
periodSeconds: string, 
/**
 * Length in days, rounded down to 9 decimals: `"30.436875"`.
 */
periodDays: string, 
/**
 * First instant of a calendar period (ISO 8601, UTC), else null.
 */
periodStart: string | null, 
/**
 * The instant a calendar period ends (exclusive), else null.
 */
periodEnd: string | null, };

/**
 * A column of the table of common targets.
 */
export type TablePeriod = { 
/**
 * `"day"`, `"week"`, `"month"`, `"quarter"` or `"year"`.
 */
period: string, 
/**
 * The convention: `"average Gregorian month (30.436875 days)"`.
 */
label: string, 
/**
 * Exact length in seconds.
 */
seconds: string, };

/**
 * A row of the table of common targets.
 */
export type TableRow = { 
/**
 * The target: `"99.9"`.
 */
target: string, 
/**
 * Allowed downtime over each period, in the order of `periods`.
 */
cells: Array<DurationText>, };

/**
 * Allowed downtime of common targets by day, week, month, quarter and year.
 */
export type TargetTable = { 
/**
 * The columns.
 */
periods: Array<TablePeriod>, 
/**
 * One row per target: 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999.
 */
rows: Array<TableRow>, };

/**
 * Service hours of one local day, for drawing.
 */
export type StripDay = { 
/**
 * The local date: `"2026-03-02"`.
 */
date: string, 
/**
 * Service time as `[startMinute, endMinute)` pairs on the local clock (0 to 1440 and beyond on a day
 * longer than 24 h).
 */
service: [number, number][], 
/**
 * Minutes in the local day: 1440, or 1380 and 1500 on days the clocks change.
 */
minutes: number, };
