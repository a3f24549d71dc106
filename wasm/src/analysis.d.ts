// Written by `UPDATE_TYPES=1 cargo test --test typescript` from the types of slacalc::api.

/**
 * Service time between two instants.
 */
export type ServiceTime = { 
/**
 * Exact service seconds.
 */
seconds: string, 
/**
 * For people, in hours: `"11 h 30 min"`.
 */
text: string, };

/**
 * An instant, in UTC and in the calendar's time zone.
 */
export type Instant = { 
/**
 * ISO 8601 in UTC: `"2015-02-27T11:12:34Z"`.
 */
utc: string, 
/**
 * The local date and time in the calendar's zone, without offset: `"2015-02-27T11:12:34"`.
 */
local: string, 
/**
 * The UTC offset there, in seconds east of UTC.
 */
offsetSeconds: number, };

/**
 * Holidays read from an iCalendar file.
 */
export type IcsImport = { 
/**
 * Each all-day event as a holiday rule, with its name and line.
 */
holidays: Array<IcsHolidayView>, 
/**
 * Events that were not turned into holidays, with the reason.
 */
skipped: Array<IcsSkippedView>, };

/**
 * A holiday read from an iCalendar file.
 */
export type IcsHolidayView = { 
/**
 * The holiday rule: `"2026-12-25"`, `"2026-12-24..2026-12-26"`, `"12-25"`.
 */
rule: string, 
/**
 * The event's SUMMARY.
 */
name: string, 
/**
 * The line the event starts on.
 */
line: number, };

/**
 * An event of an iCalendar file that was not turned into a holiday.
 */
export type IcsSkippedView = { 
/**
 * The line the event starts on.
 */
line: number, 
/**
 * The event's SUMMARY.
 */
name: string, 
/**
 * Why it was skipped.
 */
reason: string, };

/**
 * How to measure a log: everything of `AttainmentInput` but the outages (see `OutageLog.attainment`).
 */
export type MeasureInput = { 
/**
 * The availability target in percent.
 */
target: string | number, 
/**
 * Service hours to measure on; 24x7 without.
 */
calendar?: string | CalendarInput | null, 
/**
 * The zone in which times without an offset are read on 24x7 (default UTC); a calendar's zone wins.
 */
timeZone?: string, 
/**
 * The span to measure: a calendar period ("2026", "2026-Q1") or a date range; default the years the
 * log covers.
 */
span?: string, 
/**
 * The instant at which to read the error budget of each current period ("2026-11-24T12:00:00Z");
 * without it, `burn` is empty.
 */
asOf?: string, 
/**
 * How the contract counts outages.
 */
options?: MeasureOptions, };

/**
 * How a contract counts outages.
 */
export type MeasureOptions = { 
/**
 * Ignore merged outages shorter than this ("PT5M", "5 min" or seconds).
 */
minimumOutage?: string | number, 
/**
 * A partial minute counts as a whole minute.
 */
wholeMinutes?: boolean, 
/**
 * Count planned maintenance as downtime (default: take it out of the service time).
 */
countPlanned?: boolean, 
/**
 * Count partial outages by their impact (default true).
 */
weightImpact?: boolean, };

/**
 * Input of `attainment`: the terms of `MeasureInput` and the log.
 */
export type AttainmentInput = { 
/**
 * The outage log: CSV text (a header line with start; end or duration; optional impact, planned,
 * service, note; then one line per outage), JSON text of an array of records, or the records, whose
 * names are matched as a CSV header's are (`start`/`begin`/`from`, `end`/`until`, `duration`,
 * `impact`, `planned`, `service`, `note`).
 */
outages: string | Record<string, string | number | boolean | null | undefined>[], 
/**
 * The availability target in percent.
 */
target: string | number, 
/**
 * Service hours to measure on; 24x7 without.
 */
calendar?: string | CalendarInput | null, 
/**
 * The zone in which times without an offset are read on 24x7 (default UTC); a calendar's zone wins.
 */
timeZone?: string, 
/**
 * The span to measure: a calendar period ("2026", "2026-Q1") or a date range; default the years the
 * log covers.
 */
span?: string, 
/**
 * The instant at which to read the error budget of each current period ("2026-11-24T12:00:00Z");
 * without it, `burn` is empty.
 */
asOf?: string, 
/**
 * How the contract counts outages.
 */
options?: MeasureOptions, };

/**
 * Attainment over one period or window.
 */
export type WindowResult = { 
/**
 * `"Mar 2026"`, `"week 10 of 2026"`, `"2026-02-02 12:00 to 2026-03-04 12:00"`.
 */
label: string, 
/**
 * First instant, ISO 8601 UTC.
 */
start: string, 
/**
 * End (excluded), ISO 8601 UTC.
 */
end: string, 
/**
 * Service seconds in the window.
 */
serviceSeconds: string, 
/**
 * Downtime counted, weighted by impact, in seconds (exact to the microsecond).
 */
downtimeSeconds: string, 
/**
 * Attainment in percent, rounded down to 6 decimals; null without service time.
 */
availability: string | null, 
/**
 * Whether the target was met, compared exactly.
 */
met: boolean, };

/**
 * One measurement period applied to the log.
 */
export type ChoiceResult = { 
/**
 * `"week"`, `"fortnight"`, `"month"`, `"quarter"` or `"year"`.
 */
measure: string, 
/**
 * Every period of the span.
 */
periods: Array<WindowResult>, 
/**
 * How many periods missed the target.
 */
breached: number, 
/**
 * The index of the worst period in `periods`, if any had service time.
 */
worst: number | null, };

/**
 * The worst rolling window of a length.
 */
export type RollingResult = { 
/**
 * 7, 28, 30 or 90.
 */
days: number, 
/**
 * The worst window; null if the span is shorter.
 */
worst: WindowResult | null, };

/**
 * A row of the log that could not be read.
 */
export type LogProblem = { 
/**
 * The line (1-based).
 */
line: number, 
/**
 * Why.
 */
reason: string, };

/**
 * Downtime day by day over the span, for a year's picture. Seconds are for drawing, not for checking:
 * they are binary floating point.
 */
export type DaysResult = { 
/**
 * The first local date, `YYYY-MM-DD`; the others follow day by day.
 */
first: string, 
/**
 * Service seconds in each day.
 */
serviceSeconds: Array<number>, 
/**
 * Downtime counted in each day, weighted by impact, in seconds.
 */
downtimeSeconds: Array<number>, };

/**
 * The error budget of a current period: allowed, spent and left at `asOf`, and how it burned down.
 */
export type BurnResult = { 
/**
 * `"week"` ... `"year"`.
 */
measure: string, 
/**
 * The period holding `asOf`, measured up to it; its service time is the whole period's.
 */
period: WindowResult, 
/**
 * The instant read, ISO 8601 UTC.
 */
asOf: string, 
/**
 * Downtime the target allows in the whole period, in seconds (rounded down to the microsecond).
 */
allowedSeconds: string, 
/**
 * Downtime counted from the period's start to `asOf`.
 */
usedSeconds: string, 
/**
 * What is left; negative when overspent.
 */
remainingSeconds: string, 
/**
 * The allowed downtime for people: `"44 min 38.4 s"`.
 */
allowedText: string, 
/**
 * The downtime counted for people.
 */
usedText: string, 
/**
 * What is left, or by how much it is overspent, for people (without a sign).
 */
remainingText: string, 
/**
 * Whether the budget is overspent.
 */
overspent: boolean, 
/**
 * Instants (seconds since the epoch): the end of each local day of the period before `asOf`, then `asOf`.
 */
times: Array<number>, 
/**
 * Downtime counted up to each of `times`, in seconds (for drawing).
 */
used: Array<number>, };

/**
 * An outage log measured every way.
 */
export type AttainmentResult = { 
/**
 * How the log was given: `"csv"` (problems are numbered by line) or `"records"` (by record, from 1).
 */
format: string, 
/**
 * Outages read.
 */
outages: number, 
/**
 * Rows that could not be read, with their line and reason.
 */
problems: Array<LogProblem>, 
/**
 * The span measured: `"2026-01-01 to 2026-12-31"`.
 */
span: string, 
/**
 * One per measurement period.
 */
choices: Array<ChoiceResult>, 
/**
 * The worst 7, 28, 30 and 90-day windows.
 */
rolling: Array<RollingResult>, 
/**
 * The verdict in plain words, a sentence a line.
 */
verdict: Array<string>, 
/**
 * On service hours: what counting 24x7 instead does, in plain words; empty on 24x7.
 */
contrast: Array<string>, 
/**
 * On service hours: the same log measured 24x7 in the same zone; null on 24x7.
 */
roundTheClock: ChoiceResult[] | null, 
/**
 * Downtime per local day of the span.
 */
days: DaysResult, 
/**
 * The error budget of each measurement's period holding `asOf`.
 */
burn: Array<BurnResult>, };

/**
 * A band of attainment, its bounds' inclusiveness written out: "< 99.99 and >= 99.0", "<= 99.9 and > 99.0",
 * "< 95". Percentages as strings or numbers.
 */
export type CreditTier = { when: string, 
/**
 * A percentage of the period's charges...
 */
percent?: string | number, 
/**
 * ...or days of service, each worth the period's charges / `daysPerPeriod`.
 */
days?: string | number, };

/**
 * A service-credit schedule: a commitment, a measurement period, one way to compute the credit (tiers,
 * flat, perUnit, feeMultiplier or atRisk) and the rules applied after it.
 */
export type CreditSchedule = { id?: string, name?: string, 
/**
 * Where it comes from; presets name the provider and the service.
 */
source?: string, 
/**
 * The commitment, e.g. "99.9".
 */
target: string | number, 
/**
 * Default "month". Sets the length of a period typed without one, and what 12 months hold.
 */
period?: "week" | "fortnight" | "month" | "quarter" | "year", tiers?: Array<CreditTier>, 
/**
 * "error" (default): attainments below the target that fall in no tier are refused; "no credit": allowed.
 */
uncovered?: "error" | "no credit", 
/**
 * A percentage of the charges when the period misses the target.
 */
flat?: string | number, 
/**
 * A percentage of the charges per hour (or minute) of downtime beyond the allowance, or beyond a grace
 * per outage such as "PT2H"; `started`: a started unit counts in full.
 */
perUnit?: { percent: string | number; unit?: "hour" | "minute"; beyond?: "allowance" | string; started?: boolean }, 
/**
 * A multiple of the fees paid for the time down.
 */
feeMultiplier?: string | number, 
/**
 * A pool of `percent` of the charges; each missed level costs category% x allocation% of the pool.
 */
atRisk?: { percent: string | number; levels: { name: string; target: string | number; category: string | number; allocation: string | number }[] }, 
/**
 * What a day of service is worth: the charges / this (default 30).
 */
daysPerPeriod?: string | number, 
/**
 * Cap per period, % of its charges (default 100).
 */
capPercent?: string | number, 
/**
 * Cap over any 12 months, % of their charges.
 */
cap12MonthsPercent?: string | number, 
/**
 * A smaller credit is not paid.
 */
minimumCredit?: string | number, 
/**
 * A credit is cancelled when the next `periods` periods all meet `target`.
 */
earnBack?: { target: string | number; periods: number }, 
/**
 * Bonus bands for over-performance (percent of charges), capped per period.
 */
bonus?: { tiers: CreditTier[]; capPercent: string | number }, };

/**
 * One period to compute a credit for.
 */
export type CreditPeriod = { label?: string, 
/**
 * Attainment in percent...
 */
attainment?: string | number, 
/**
 * ...or the downtime ("PT2H", "2 h" or seconds).
 */
downtime?: string | number, 
/**
 * Each outage's length, for a grace per outage.
 */
outages?: (string | number)[], 
/**
 * The period's charges.
 */
charges: string | number, 
/**
 * Its calendar period ("2026-05"), for its exact length; default the schedule's average period.
 */
period?: string, 
/**
 * Attainment by service level, for an at-risk pool.
 */
levels?: Record<string, string | number>, };

/**
 * Input of `credits`.
 */
export type CreditsInput = { schedule: CreditSchedule, periods: Array<CreditPeriod>, 
/**
 * Shown after amounts in explanations, e.g. "EUR".
 */
currency?: string, };

/**
 * An outage model: incidents per month (Poisson) lasting a log-normal time given by its median and 90th
 * percentile, or resampled from `durations`; `plannedPerPeriod` is counted as downtime every period.
 */
export type OutageModel = { incidentsPerMonth: string | number, median?: string | number, p90?: string | number, durations?: (string | number)[], plannedPerPeriod?: string | number, };

/**
 * Input of `risk`.
 */
export type RiskInput = { schedule: CreditSchedule, model: OutageModel, 
/**
 * Charges per period.
 */
charges: string | number, 
/**
 * Contract years to simulate (default 10 000, at most 1 000 000, and at most 40 000 000 simulated
 * periods and incidents: more is capped, and `notes` say so).
 */
years?: number, 
/**
 * The seed (default 1): the same seed gives the same figures everywhere.
 */
seed?: number, 
/**
 * A grid of factors on the incident rate and on repair times, each cell simulated with `years` years
 * (at most 40 000 000 periods and incidents for the whole grid); a cell whose rate exceeds 10 000 a
 * month is null.
 */
sensitivity?: { rates: number[]; repairs: number[]; years?: number }, 
/**
 * Find the repair-time factor that keeps expected credits under this % of the contract value.
 */
breakEvenPercent?: string | number, 
/**
 * The schedule is measured on these service hours (typical weeks): a period holds its share of the
 * week's service time, and only incidents starting in service hours count. Default 24x7.
 */
calendar?: string | CalendarInput | null, 
/**
 * The sales questions: at which targets, and with which credit rates, do credits stay under `percent`
 * of the contract value, for the mean year or the 90th-percentile year?
 */
solve?: { percent: string | number; confidence?: "mean" | "p90" }, };

/**
 * The credit of one period.
 */
export type CreditLineResult = { 
/**
 * The period's label.
 */
label: string, 
/**
 * Attainment in percent, rounded down to 6 decimals.
 */
attainment: string, 
/**
 * Whether the period missed the target (an at-risk pool: any level).
 */
breached: boolean, 
/**
 * The credit, to the cent: `"3000.00"`.
 */
credit: string, 
/**
 * A bonus owed to the provider, to the cent.
 */
bonus: string, 
/**
 * The period's charges, to the cent.
 */
charges: string, 
/**
 * `"May: 99.82% is below 99.9% and at or above 99%: 25% of 12 000 EUR = 3 000 EUR."`
 */
explanation: string, };

/**
 * Credits for a run of periods.
 */
export type CreditsResult = { 
/**
 * The schedule's name.
 */
schedule: string, 
/**
 * One per period, in order.
 */
periods: Array<CreditLineResult>, 
/**
 * The credits owed in all, to the cent.
 */
total: string, 
/**
 * The bonuses in all, to the cent.
 */
totalBonus: string, 
/**
 * The charges in all, to the cent.
 */
totalCharges: string, 
/**
 * `"3 000 EUR of 36 000 EUR charged (8.33%)"`.
 */
summary: string, };

/**
 * The closed form where one exists.
 */
export type AnalyticResult = { 
/**
 * Mean downtime per period, in seconds.
 */
meanDowntimeSeconds: number, 
/**
 * The chance that a period breaches (fixed-length incidents only).
 */
breachProbabilityPeriod: number | null, 
/**
 * The chance that a year has a breach.
 */
breachProbabilityYear: number | null, 
/**
 * Expected credits a year (fixed-length incidents and a flat refund only).
 */
expectedCredits: number | null, };

/**
 * Expected credits (% of the contract value) by rate factor (rows) and repair factor (columns); null
 * where the rate would exceed 10 000 incidents a month. The cell of factors 1 and 1 is the headline's
 * own figure; the others use `years` years each.
 */
export type SensitivityResult = { 
/**
 * The factors on the incident rate.
 */
rates: Array<number>, 
/**
 * The factors on repair times.
 */
repairs: Array<number>, 
/**
 * Years simulated in each cell.
 */
years: number, 
/**
 * Expected credits, % of the contract value, by rate (rows) and repair factor (columns).
 */
percent: Array<Array<number | null>>, };

/**
 * The repair-time factor that keeps expected credits under `breakEvenPercent`.
 */
export type BreakEvenResult = { 
/**
 * The factor on repair times.
 */
factor: number, 
/**
 * The median repair time it means, in seconds (log-normal repairs only).
 */
medianSeconds: number | null, };

/**
 * One target of the ladder.
 */
export type LadderStep = { 
/**
 * The target committed.
 */
target: string, 
/**
 * Expected credits, % of the contract value.
 */
meanPercent: number | null, 
/**
 * The 90th-percentile year's credits, % of the contract value.
 */
p90Percent: number | null, 
/**
 * Whether the year asked for stays within the limit.
 */
within: boolean, 
/**
 * Why the structure cannot be committed at this target, if it cannot.
 */
reason: string | null, };

/**
 * Credit rates scaled to keep within the limit.
 */
export type ScaledRates = { 
/**
 * The factor on every credit rate.
 */
factor: number, 
/**
 * The schedule with its rates scaled.
 */
schedule: CreditSchedule, 
/**
 * Expected credits, % of the contract value.
 */
meanPercent: number, 
/**
 * The 90th-percentile year's credits, % of the contract value.
 */
p90Percent: number, };

/**
 * The answers to `solve`.
 */
export type SolvedResult = { 
/**
 * Which year the limit is for.
 */
confidence: "mean" | "p90", 
/**
 * The limit, % of the contract value.
 */
percent: string, 
/**
 * Years simulated for each answer (at most 10 000), with the same seed.
 */
years: number, 
/**
 * The same structure committed at each target of a ladder.
 */
targets: Array<LadderStep>, 
/**
 * The highest target of the ladder within the limit, or null.
 */
highestTarget: string | null, 
/**
 * Every credit rate times `factor` (the largest that keeps within the limit, at most 10), the
 * schedule it gives, and its figures.
 */
rates: ScaledRates | null, };

/**
 * The distribution of a contract year's credits.
 */
export type RiskResult = { 
/**
 * Years simulated.
 */
years: number, 
/**
 * The seed used.
 */
seed: number, 
/**
 * Periods in a contract year.
 */
periodsPerYear: number, 
/**
 * Amounts to the cent.
 */
mean: string, 
/**
 * The median year's credits (nearest rank).
 */
median: string, 
/**
 * The 90th percentile (nearest rank).
 */
p90: string, 
/**
 * The 99th percentile (nearest rank).
 */
p99: string, 
/**
 * The worst year's credits.
 */
worst: string, 
/**
 * The charges of a year.
 */
yearlyCharges: string, 
/**
 * Expected credits as a % of the contract value (6 decimals, rounded down).
 */
expectedPercent: string, 
/**
 * The share of years with at least one breached period.
 */
breachProbabilityYear: number, 
/**
 * The share of periods breached.
 */
breachProbabilityPeriod: number, 
/**
 * Mean downtime per period, in seconds.
 */
meanDowntimeSeconds: number, 
/**
 * See the type.
 */
analytic: AnalyticResult, 
/**
 * Sensitivity: expected credits (% of contract value, as numbers) by rate factor (rows) and repair
 * factor (columns); null where the rate would exceed 10 000 incidents a month.
 * The cell of factors 1 and 1 is the headline's own figure; the others use `years` years each.
 */
sensitivity: SensitivityResult | null, 
/**
 * The repair-time factor that keeps expected credits under `breakEvenPercent`, and the median repair
 * time it means in seconds; null if not asked, or if even 1/1000 of the repair times is too much.
 */
breakEven: BreakEvenResult | null, 
/**
 * The answers to `solve`, if asked.
 */
solved: SolvedResult | null, 
/**
 * What was changed from the request: years capped, grid cells not simulated.
 */
notes: Array<string>, 
/**
 * Each simulated year's credits, in the order simulated (in JavaScript one `Float64Array`).
 */
yearlyCredits: Float64Array, };

/**
 * One option: the internal service or a provider's quote. Amounts as strings or numbers.
 */
export type QuoteOption = { name: string, 
/**
 * The internal service, which the quotes are compared with.
 */
internal?: boolean, 
/**
 * Default: the basis's currency; any other is refused.
 */
currency?: string, pricePerMonth: string | number, oneOff?: string | number, 
/**
 * The promised target, e.g. "99.95".
 */
target: string | number, 
/**
 * Its measurement period: "week", "P2W", "month", "quarter", "year".
 */
period: string, 
/**
 * Its service hours; 24x7 without.
 */
calendar?: string | CalendarInput | null, 
/**
 * Its credit schedule, or a preset's id ("aws-s3-standard").
 */
schedule?: CreditSchedule | string | null, 
/**
 * Attainment measured on the basis (history), in percent.
 */
attainment?: string | number, 
/**
 * The outage model expected of it (default: the comparison's `model`).
 */
model?: OutageModel | null, };

/**
 * The period, hours and money every option is put on.
 */
export type QuotesBasis = { 
/**
 * "month" (default), "quarter", "year", "week" or whole weeks.
 */
period?: string, 
/**
 * The customer's service hours; 24x7 without.
 */
calendar?: string | CalendarInput | null, 
/**
 * ISO 4217 code of every price, e.g. "EUR".
 */
currency: string, 
/**
 * Years over which one-off costs are spread (default 3).
 */
contractYears?: number, 
/**
 * What an hour of downtime in service hours costs (default 0).
 */
downtimeCostPerHour?: string | number, };

/**
 * Input of `compareQuotes`.
 */
export type QuotesInput = { basis: QuotesBasis, 
/**
 * The outage model for options without their own.
 */
model?: OutageModel | null, options: Array<QuoteOption>, };

/**
 * One option on the basis.
 */
export type OfferView = { 
/**
 * The option's name.
 */
name: string, 
/**
 * Whether it is the internal service.
 */
internal: boolean, 
/**
 * `"99.95% measured quarterly on 24x7"`.
 */
promise: string, 
/**
 * Allowed downtime per its own period.
 */
allowedOwn: DurationText, 
/**
 * The most downtime it allows within one basis period.
 */
allowedBasis: DurationText, 
/**
 * Basis service hours a week it does not cover (downtime there is unlimited), in seconds.
 */
uncoveredWeekSeconds: number, 
/**
 * The target it amounts to on the basis; null when hours are uncovered.
 */
effectiveTarget: string | null, 
/**
 * Expected downtime per basis period, from history or the model.
 */
expectedBasis: DurationText | null, 
/**
 * Expected credits a year (mean) and their 90th percentile, to the cent.
 */
creditsYear: CreditsYear | null, 
/**
 * Price a year, to the cent.
 */
priceYear: string, 
/**
 * Price a year less expected credits plus the cost of expected downtime.
 */
effectiveYear: string, 
/**
 * Price a year per hour of allowed downtime a year; null if unlimited.
 */
perAllowedHour: string | null, };

/**
 * Expected credits a year.
 */
export type CreditsYear = { 
/**
 * The mean year's, to the cent.
 */
mean: string, 
/**
 * The 90th-percentile year's, to the cent.
 */
p90: string, };

/**
 * The comparison.
 */
export type QuotesResult = { 
/**
 * The basis in words.
 */
basis: string, 
/**
 * The currency.
 */
currency: string, 
/**
 * Service time in one basis period.
 */
basisService: DurationText, 
/**
 * One per option, in order.
 */
options: Array<OfferView>, 
/**
 * Plain words, a sentence a line.
 */
verdict: Array<string>, };

/**
 * One part of a chain: a component (`availability`) or a group of other parts by their names (`series`,
 * `parallel`, or `need` of `of`).
 */
export type ChainPart = { name: string, 
/**
 * A component's availability, a percentage such as "99.95". An internal component may leave it out
 * when the chain has a `target`: its promise is worked out.
 */
availability?: string | number, 
/**
 * Parts all needed.
 */
series?: Array<string>, 
/**
 * Parts of which any one suffices.
 */
parallel?: Array<string>, 
/**
 * Parts used one at a time, in order: when the one in use fails, the next one up takes over after a
 * switch-over (`switchOver` long, `switchesPerMonth` times an average month), during which the group
 * is down.
 */
failover?: Array<string>, 
/**
 * How long a failover group's switch-over takes, such as "5 min" (at most a day).
 */
switchOver?: string | number, 
/**
 * How many switch-overs a failover group makes in an average month, such as "0.5".
 */
switchesPerMonth?: string | number, 
/**
 * How many of `of` suffice.
 */
need?: number | string, of?: Array<string>, 
/**
 * A component run in-house (an OLA): with a `target`, the promise it must make is worked out.
 */
internal?: boolean, 
/**
 * Its share of what the providers leave, against the other internal components' (default 1: equal
 * shares; a cost or a history of outages gives another).
 */
weight?: string | number, 
/**
 * How it fails, for the money: `{ incidentsPerMonth, median, p90 }`, or `durations` (an outage log's
 * lengths, resampled) for the lengths; each optional. Without a rate it fails as often as keeps it up
 * its availability.
 */
outages?: { incidentsPerMonth?: string | number, median?: string | number, p90?: string | number, durations?: (string | number)[] }, 
/**
 * A provider's fee each period of its credit schedule, such as "2000".
 */
fee?: string | number, 
/**
 * A provider's credit schedule (as `credits` takes it, or a preset's id); its target defaults to the
 * component's availability.
 */
credits?: string | Record<string, unknown>, 
/**
 * The fee's currency; it must be the customer's.
 */
currency?: string, 
/**
 * The period a component's availability is promised over ("week", "fortnight", "month", "quarter"
 * or "year"; default: the chain's): the worst case converts it to the chain's period and says how.
 */
period?: string, 
/**
 * The service hours a component's availability is promised in, as the chain's `calendar` takes
 * them (default: the chain's): the worst case converts it to the chain's hours and says how.
 */
calendar?: string | CalendarInput, };

/**
 * Input of `chain`.
 */
export type ChainInput = { parts: Array<ChainPart>, 
/**
 * The part that is the service (default: the last).
 */
service?: string, 
/**
 * The service's SLA, a percentage: for the promises, the extra nine and each part's share of the
 * downtime allowed.
 */
target?: string | number, 
/**
 * The period the downtimes are given over (default "month").
 */
period?: string, 
/**
 * The service hours the downtimes are counted in (default round the clock).
 */
calendar?: string | CalendarInput | null, 
/**
 * The customer's contract and the simulation: credits paid, recovered from the providers, and the
 * net exposure.
 */
money?: ChainMoneyInput, };

/**
 * An availability, exactly and for people.
 */
export type ChainFigure = { 
/**
 * Every decimal: `"99.9899750025"`.
 */
exact: string, 
/**
 * Cut (never rounded up) to four decimals: `"99.9899"`.
 */
percent: string, 
/**
 * The downtime it allows over the period, rounded down to the nanosecond.
 */
downtime: DurationText, };

/**
 * One part of the chain, with its own figures.
 */
export type ChainPartResult = { 
/**
 * Its name, as given.
 */
name: string, 
/**
 * "component", "series", "parallel", "failover" or "k of n" ("2 of 3").
 */
kind: string, 
/**
 * The parts it uses.
 */
uses: Array<string>, 
/**
 * The groups that use it; more than one: shared, counted once.
 */
usedBy: Array<string>, 
/**
 * Its availability, components failing independently.
 */
availability: ChainFigure, 
/**
 * Whether it is run in-house.
 */
internal: boolean, 
/**
 * The availability it must promise for the service to meet its target at worst (internal
 * components, with a target).
 */
promise: string | null, 
/**
 * For a part the service needs in series, its downtime at worst as a percentage of what the service
 * may lose, rounded down to 0.01 (with a target).
 */
budgetShare: string | null, 
/**
 * For a part the service needs in series, whether it offers one more nine than the service's target
 * (with a target).
 */
extraNine: boolean | null, };

/**
 * The service's figures.
 */
export type ChainResult = { 
/**
 * The part that is the service.
 */
service: string, 
/**
 * The period the downtimes are over, with its convention: "average Gregorian month (30.436875 days)".
 */
period: string, 
/**
 * The time the downtimes are counted in: "round the clock", or the service hours of the period
 * ("service hours in March 2026 (UTC): Mon-Fri 08:00-18:00 in UTC").
 */
basis: string, 
/**
 * Components failing independently: exact.
 */
availability: ChainFigure, 
/**
 * What the contracts alone guarantee: outages in series never overlap, those of redundant parts
 * overlap as far as they can.
 */
worstCase: ChainFigure, 
/**
 * The assumptions, one sentence each.
 */
assumptions: Array<string>, 
/**
 * The target, as given.
 */
target: string | null, 
/**
 * Whether the availability meets the target (null without one).
 */
meets: boolean | null, 
/**
 * Whether the worst case meets the target (null without one).
 */
meetsWorstCase: boolean | null, 
/**
 * Every part, in the order given.
 */
parts: Array<ChainPartResult>, 
/**
 * Plain words, a sentence a line.
 */
verdict: Array<string>, 
/**
 * With `money`: credits paid, recovered and the net exposure, simulated.
 */
money: ChainMoney | null, };

/**
 * The money side of `chain`: the customer's contract and the simulation.
 */
export type ChainMoneyInput = { 
/**
 * The customer's charges each period of their credit schedule, such as "50000".
 */
charges: string | number, 
/**
 * The customer's credit schedule (as `credits` takes it, or a preset's id); its target defaults to
 * the chain's `target`.
 */
credits: string | Record<string, unknown>, 
/**
 * The currency of the charges and of every provider's fee, such as "EUR" (default: none named).
 */
currency?: string, 
/**
 * How long outages last where a part does not say: `{ median, p90 }` (default 30 min and 4 h).
 */
outages?: { median?: string | number, p90?: string | number }, 
/**
 * Contract years to simulate (default 2 000).
 */
years?: number | string, 
/**
 * The seed (default 1): the same seed gives the same figures.
 */
seed?: number | string, 
/**
 * The net exposure allowed, a percentage of the contract value: the highest target within it is
 * found.
 */
cap?: string | number, 
/**
 * Whether `cap` bounds the "expected" year or the 90th percentile "p90" (default).
 */
confidence?: string, };

/**
 * A year's money, to the cent.
 */
export type MoneySpread = { 
/**
 * The mean year.
 */
mean: string, 
/**
 * Half the years at most this.
 */
median: string, 
/**
 * Nine years in ten at most this.
 */
p90: string, 
/**
 * The highest year.
 */
worst: string, };

/**
 * One provider's side.
 */
export type ChainRecovery = { 
/**
 * The part.
 */
name: string, 
/**
 * The fees paid to it in a year.
 */
fees: string, 
/**
 * What it pays back, a year.
 */
recovered: MoneySpread, 
/**
 * What it pays back in a mean year, as a percentage of its fees (two decimals, rounded down).
 */
recoveredPercent: string, 
/**
 * Its mean downtime per period of its own schedule, to the second.
 */
meanDowntime: DurationText, 
/**
 * Its periods with a credit due, over all years.
 */
periodsBreached: number, 
/**
 * Its measurement period.
 */
period: string, };

/**
 * How one component fails in the simulation.
 */
export type ChainFailing = { 
/**
 * The part.
 */
name: string, 
/**
 * Outages a month (six decimals).
 */
incidentsPerMonth: string, 
/**
 * The mean outage.
 */
meanOutage: DurationText, 
/**
 * Whether the rate was worked out from its availability (not given).
 */
fromAvailability: boolean, 
/**
 * Its share of time up, e^(-λm), to six decimals of a percent.
 */
availability: string, };

/**
 * The customer's schedule at one target, on the same outages.
 */
export type ChainTargetStep = { 
/**
 * The target.
 */
target: string, 
/**
 * Credits paid a year (null when the schedule cannot be committed at this target).
 */
paid: MoneySpread | null, 
/**
 * Net exposure a year.
 */
net: MoneySpread | null, 
/**
 * The net exposure at the confidence asked for, as a percentage of the contract value.
 */
netPercent: string | null, 
/**
 * Whether that is within the cap (null without one).
 */
within: boolean | null, 
/**
 * Why the schedule cannot be committed at this target.
 */
reason: string | null, };

/**
 * The money of the chain.
 */
export type ChainMoney = { 
/**
 * Years simulated.
 */
years: number, 
/**
 * The seed.
 */
seed: number, 
/**
 * The currency, as given.
 */
currency: string, 
/**
 * The customer's measurement period.
 */
period: string, 
/**
 * The customer's charges in a year.
 */
contractValue: string, 
/**
 * Credits paid to the customer, a year.
 */
paid: MoneySpread, 
/**
 * Credits recovered from the providers, a year.
 */
recovered: MoneySpread, 
/**
 * Paid less recovered, year by year.
 */
net: MoneySpread, 
/**
 * The mean net exposure as a percentage of the contract value (two decimals, rounded toward zero).
 */
netPercent: string, 
/**
 * The 90th percentile's.
 */
netP90Percent: string, 
/**
 * Years with at least one period owed a credit.
 */
yearsBreached: number, 
/**
 * Each provider.
 */
providers: Array<ChainRecovery>, 
/**
 * Each component that fails.
 */
failing: Array<ChainFailing>, 
/**
 * The service's share of time up in the simulation, six decimals of a percent.
 */
simulatedAvailability: string, 
/**
 * What it converges to, components failing independently at their rates.
 */
closedFormAvailability: string | null, 
/**
 * The customer's schedule at each target of the ladder.
 */
ladder: Array<ChainTargetStep>, 
/**
 * The cap, a percentage of the contract value, as given.
 */
cap: string | null, 
/**
 * "expected" or "p90".
 */
confidence: string, 
/**
 * The highest target of the ladder within the cap.
 */
highestTarget: string | null, 
/**
 * Plain words.
 */
verdict: Array<string>, 
/**
 * The assumptions.
 */
assumptions: Array<string>, 
/**
 * What was done otherwise than asked (fewer years).
 */
notes: Array<string>, };

/** What a column of a ticket export holds. */
export type TicketColumn = "id" | "priority" | "category" | "opened" | "responded" | "resolved" | "closed" | "at" | "state" | "group" | "score" | "lost" | "metric" | "event" | "sla" | "stage" | "stopped" | "paused" | "businessPaused";

/**
 * A change of state of a ticket.
 */
export type StateChange = { 
/**
 * When: ISO 8601, UTC or with an offset ("2026-03-09T10:00:00Z"); without one, in the SLA's zone.
 */
at: string, 
/**
 * The state entered: "On hold", "In progress".
 */
state: string, };

/**
 * An assignment of a ticket to a group.
 */
export type GroupChange = { 
/**
 * When.
 */
at: string, 
/**
 * The group: "Service Desk", "Network".
 */
group: string, };

/**
 * One ticket.
 */
export type TicketInput = { 
/**
 * Its number: "INC0012345".
 */
id: string, 
/**
 * Its priority, as a goal names it: "P2".
 */
priority: string, 
/**
 * Its category or service, for goals given per category: "Payroll".
 */
category?: string, 
/**
 * When it was opened.
 */
opened: string, 
/**
 * Its first response to the caller.
 */
responded?: string, 
/**
 * When it was resolved.
 */
resolved?: string, 
/**
 * The states it entered, with their instants.
 */
states?: Array<StateChange>, 
/**
 * The assignment groups it was given to, with their instants.
 */
groups?: Array<GroupChange>, 
/**
 * The caller's satisfaction score, on the SLA's `scoreScale`.
 */
score?: number | string, 
/**
 * The time the caller says they lost: "PT2H", "2 h", or seconds.
 */
lost_time?: string | number, };

/**
 * An OLA: the business time a group may hold a ticket each time it is given it.
 */
export type OlaInput = { group: string, 
/**
 * "PT2H", "1 h", or seconds.
 */
resolution: string | number, };

/**
 * The goals of one priority, in business time.
 */
export type GoalInput = { 
/**
 * "P1", "P2", ..., or "*" for the tickets of every priority without a goal of their own.
 */
priority: string, 
/**
 * The category or service the goal is for ("Payroll"); without, the goal is for the priority's
 * tickets of every category without a goal of their own.
 */
category?: string, 
/**
 * Time to the first response: "PT15M", "1 h", seconds, or "next business day".
 */
response?: string | number, 
/**
 * Time to the resolution: "PT8H", "P1D" (24 business hours), or "next business day" (the close of
 * the first service day after the day of the opening).
 */
resolution?: string | number, 
/**
 * The service hours counted; round the clock without.
 */
calendar?: CalendarInput | null, };

/**
 * A help-desk SLA.
 */
export type HelpDeskSla = { goals: Array<GoalInput>, 
/**
 * States that pause the resolution clock: ["Pending customer", "On hold"].
 */
pauseStates?: Array<string>, 
/**
 * States that start the resolution clock again from zero on entering them (ServiceNow's reset).
 */
resetStates?: Array<string>, 
/**
 * A ticket reopened after its resolution: its clock goes on, the time resolved paused ("continue",
 * the default, as ServiceNow), or a new cycle starts at the reopening and the ticket is measured on
 * its last ("new cycle", as Jira Service Management and Zendesk).
 */
reopen?: "continue" | "new cycle", 
/**
 * The share of a priority's tickets that must meet each goal in a period, in percent (default 100).
 */
attainment?: string | number, 
/**
 * A share above `attainment` below which a period that meets the target is at risk, in percent.
 */
warning?: string | number, 
/**
 * The zone of the periods and of instants without an offset (default UTC).
 */
timeZone?: string, 
/**
 * The groups' OLAs, measured on the hours of each ticket's goal.
 */
olas?: Array<OlaInput>, 
/**
 * The scale of satisfaction scores: "0-10" (default) or "1-5".
 */
scoreScale?: "0-10" | "1-5", 
/**
 * Credits when a priority's share within its goal falls short in a period: a schedule (tiers or a
 * flat refund on that share, or a preset's id) and each period's charges; or a fee for each
 * resolution out of time (`feePerBreach`, not capped by the schedule's caps); or both.
 */
penalty?: { schedule?: CreditSchedule | string, charges?: string | number, feePerBreach?: string | number, currency?: string }, };

/**
 * Input of `tickets`: the tickets as objects, or an export's CSV text.
 */
export type TicketsInput = { sla: HelpDeskSla, tickets?: Array<TicketInput>, 
/**
 * A ticket export: a header and a line per ticket, or a line per change of state.
 */
csv?: string, 
/**
 * The export's columns named by what they hold, where their headers do not say it:
 * `{ id: "Ticket #", opened: "Logged" }`. The others are recognised from their headers.
 */
columns?: Partial<Record<TicketColumn, string>>, 
/**
 * The instant measured at (default: the latest instant of any ticket).
 */
asOf?: string, 
/**
 * "week", "month" (default) or "quarter".
 */
period?: string, 
/**
 * The tickets the result lists: "missed" (default: breached or still running), "all", or "none"
 * (the figures alone).
 */
list?: "missed" | "all" | "none", };

/**
 * One clock of one ticket.
 */
export type ClockResult = { 
/**
 * `"met"`, `"breached"` or `"running"`.
 */
stage: "met" | "breached" | "running", 
/**
 * The goal in business time.
 */
goal: DurationText, 
/**
 * Business time used, pauses taken out.
 */
business: DurationText, 
/**
 * Time on the clock from start to stop (or to `asOf`).
 */
elapsed: DurationText, 
/**
 * Time paused, and its in-schedule part.
 */
paused: DurationText, 
/**
 * See `paused`.
 */
businessPaused: DurationText, 
/**
 * Business time used as a share of the goal, in percent, rounded up to 2 decimals (a clock a second
 * over its goal never shows 100.00).
 */
percent: string, 
/**
 * When the goal runs out (UTC), or null beyond the hours measured.
 */
due: string | null, };

/**
 * One assignment of a ticket to a group.
 */
export type StintResult = { 
/**
 * The group.
 */
group: string, 
/**
 * When it was given the ticket and when it passed it on (or resolved it, or `asOf`), UTC.
 */
start: string, 
/**
 * See `start`.
 */
end: string, 
/**
 * Business time it held the ticket, pauses taken out.
 */
business: DurationText, 
/**
 * The group's OLA, if it has one.
 */
ola: DurationText | null, 
/**
 * Against the OLA: "met", "breached" or "running"; null without one.
 */
stage: "met" | "breached" | "running" | null, };

/**
 * One ticket measured.
 */
export type TicketResult = { 
/**
 * Its id.
 */
id: string, 
/**
 * Its priority.
 */
priority: string, 
/**
 * Its category, where the export or the ticket gives one.
 */
category: string | null, 
/**
 * The goal it was measured against: its priority, and the category where the goal is for one
 * (`"P2 in Payroll"`).
 */
goal: string, 
/**
 * The response clock; null where the priority has no response goal.
 */
response: ClockResult | null, 
/**
 * The resolution clock; null where the priority has no resolution goal.
 */
resolution: ClockResult | null, 
/**
 * Each assignment to a group, in order.
 */
groups: Array<StintResult>, 
/**
 * How many times it went to another group after its first.
 */
reassignments: number, 
/**
 * Whether it was reopened after being resolved.
 */
reopened: boolean, 
/**
 * Resolved by the first group it was given to, never reassigned, never reopened; null for a ticket
 * that names no group.
 */
firstContact: boolean | null, 
/**
 * A breached resolution: the group that held it when the goal ran out.
 */
breachedWith: string | null, };

/**
 * One assignment group over all the tickets.
 */
export type GroupResult = { 
/**
 * The group.
 */
group: string, 
/**
 * Its OLA, if it has one.
 */
ola: DurationText | null, 
/**
 * How many times tickets were given to it.
 */
assignments: number, 
/**
 * Assignments within its OLA, and over it (running ones are neither).
 */
met: number, 
/**
 * See `met`.
 */
breached: number, 
/**
 * Business time it held tickets, pauses taken out.
 */
business: DurationText, 
/**
 * SLA resolution breaches whose goal ran out while it held the ticket.
 */
slaBreaches: number, };

/**
 * The clocks of one goal that stopped in a period.
 */
export type SummaryResult = { 
/**
 * How many stopped in the period.
 */
tickets: number, 
/**
 * How many of them met the goal, and how many did not.
 */
met: number, 
/**
 * See `met`.
 */
breached: number, 
/**
 * The share met, in percent, rounded down to 2 decimals; null without tickets.
 */
percentMet: string | null, 
/**
 * Whether the share met reaches the attainment target, compared exactly.
 */
meetsTarget: boolean, 
/**
 * Whether it meets the target but falls short of the SLA's `warning` threshold.
 */
atRisk: boolean, 
/**
 * Business time taken (nearest rank): the median, the 90th percentile and the most; null without
 * tickets.
 */
p50: DurationText | null, 
/**
 * See `p50`.
 */
p90: DurationText | null, 
/**
 * See `p50`.
 */
worst: DurationText | null, };

/**
 * The callers' experience over some tickets.
 */
export type ExperienceResult = { 
/**
 * Scores given, and of them happy (9-10, or 5 of 5) and unhappy (0-6, or 1-3 of 5).
 */
scores: number, 
/**
 * See `scores`.
 */
happy: number, 
/**
 * See `scores`.
 */
unhappy: number, 
/**
 * % happy less % unhappy, -100 to +100, rounded to the nearest point; null without scores.
 */
happiness: number | null, 
/**
 * Answers about lost time, and the time lost per answer (to the second); null without answers.
 */
lostAnswers: number, 
/**
 * See `lostAnswers`.
 */
lostPerAnswer: DurationText | null, };

/**
 * One goal (a priority, or a priority in a category) in one period.
 */
export type PeriodResult = { 
/**
 * `"Mar 2026"`.
 */
period: string, 
/**
 * Its first day and the day after its last, in the SLA's zone.
 */
start: string, 
/**
 * See `start`.
 */
end: string, 
/**
 * The priority.
 */
priority: string, 
/**
 * The goal: the priority, and the category where the goal is for one (`"P2 in Payroll"`).
 */
goal: string, 
/**
 * Response clocks that stopped in the period.
 */
response: SummaryResult, 
/**
 * Resolution clocks that stopped in the period.
 */
resolution: SummaryResult, 
/**
 * The tickets resolved in the period that name their groups, and how many of those were resolved
 * at first contact (by the first group, never reassigned or reopened).
 */
withGroups: number, 
/**
 * See `withGroups`.
 */
firstContact: number, 
/**
 * The callers' experience, from the tickets resolved in the period.
 */
experience: ExperienceResult, 
/**
 * The SLA was met while the experience got worse than in the priority's period before: what got
 * worse, in words; null otherwise.
 */
watermelon: string | null, 
/**
 * The credit owed under the SLA's `penalty`: on the share of resolutions (responses, without any)
 * within their goal, and the fee for each resolution out of time; null without a penalty.
 */
credit: CreditLineResult | null, };

/**
 * A ticket not measured, or a line of an export not read.
 */
export type TicketProblem = { 
/**
 * The line of the export (the header is line 1); null for tickets given as objects.
 */
line: number | null, 
/**
 * The ticket's place among the tickets given as objects, from 1; null for an export.
 */
ticket: number | null, 
/**
 * Its id as given, where it has one.
 */
id: string | null, 
/**
 * Why it was not measured, or the rule applied to measure it.
 */
reason: string, 
/**
 * Whether the ticket was measured, with the rule its reason states (a score off the scale left
 * out, changes read in order of time, a reopening after the ticket was closed).
 */
measured: boolean, };

/**
 * A state the tickets entered, and how the SLA counts it.
 */
export type StateResult = { 
/**
 * The state, as first written.
 */
state: string, 
/**
 * Changes into it.
 */
changes: number, 
/**
 * `"stops"`, `"resets"`, `"pauses"` or `"runs"`.
 */
counted: "stops" | "resets" | "pauses" | "runs", };

/**
 * The credits owed over every period and priority.
 */
export type TicketCredits = { 
/**
 * The credits in all, to the cent.
 */
total: string, 
/**
 * `"1 200 EUR of 24 000 EUR charged (5.00%)"`: the charges are each period's, once per priority.
 */
summary: string, };

/**
 * A column of an export, and what it was read as.
 */
export type ColumnResult = { 
/**
 * Its header.
 */
name: string, 
/**
 * What it was read as; null where it was not read.
 */
reads: TicketColumn | null, };

/**
 * One goal's resolution clocks that stopped or ran over, by business time against each one's goal.
 */
export type HistogramResult = { 
/**
 * The goal: `"P2"`, `"P2 in Payroll"`.
 */
goal: string, 
/**
 * Its business time where it is the same for every ticket; null for the next business day.
 */
goalTime: DurationText | null, 
/**
 * How many clocks in bins of a tenth of each one's goal, `[0, 10%)` to `[190%, 200%)`, and a last
 * bin of twice the goal or more: 21 counts.
 */
bins: Array<number>, 
/**
 * How many took longer than their goal.
 */
over: number, };

/**
 * What `tickets` answers.
 */
export type TicketsResult = { 
/**
 * The instant the tickets were measured at (UTC).
 */
asOf: string, 
/**
 * The measurement period: "week", "month" or "quarter".
 */
period: "week" | "month" | "quarter", 
/**
 * How many tickets were measured (`tickets` may list fewer).
 */
measured: number, 
/**
 * The tickets measured that did not meet every goal and OLA (breached or still running), or all of
 * them with `list: "all"`, in the order given.
 */
tickets: Array<TicketResult>, 
/**
 * Each goal (a priority, or a priority in a category) in each period in which a clock stopped, in
 * order of time.
 */
periods: Array<PeriodResult>, 
/**
 * The tickets not measured, each with its reason.
 */
problems: Array<TicketProblem>, 
/**
 * Each assignment group, in the order first seen.
 */
groups: Array<GroupResult>, 
/**
 * OLAs that do not add up: the usual path of a priority's tickets whose groups' OLAs come to more
 * than its resolution goal.
 */
warnings: Array<string>, 
/**
 * Each state the tickets entered, as first written, how many changes went into it, and how the SLA
 * counts it: "stops" (a resolving state), "resets" (one of `resetStates`), "pauses" (one of
 * `pauseStates`) or "runs" (the clock goes on): a state meant to pause that runs shows a pause state missing from the SLA.
 */
states: Array<StateResult>, 
/**
 * The credits owed in all under the SLA's `penalty`, to the cent, and in words; null without one.
 */
credits: TicketCredits | null, 
/**
 * The export's columns, each with what it was read as; empty for tickets given as a list.
 */
columns: Array<ColumnResult>, 
/**
 * Per goal, its resolution clocks that stopped or ran over, every ticket's, by business time
 * against each one's goal.
 */
histograms: Array<HistogramResult>, 
/**
 * How many instants had no offset and were read in the SLA's `timeZone`.
 */
localTimes: number, };
