// A strict TypeScript caller of the analysis module (www/pkg-analysis/): outage logs, credits, risk and tickets.
import { attainment, OutageLog, credits, risk, creditPresets, ServiceCalendar, tickets } from '../../www/pkg-analysis/slacalc.js';
import type { AttainmentResult, CreditSchedule, CreditsResult, RiskResult, BurnResult, Instant, TicketsResult } from '../../www/pkg-analysis/slacalc.js';

const office = new ServiceCalendar({ preset: '8x5' });
const deadline: Instant = office.addServiceTime('2026-03-02T09:00Z', 'PT4H');
const deadlineUtc: string = deadline.utc;
const hours: string = office.serviceTime('2026-03-02', '2026-03-07').text;
const many: Float64Array = office.serviceSeconds(new Float64Array([0]), new Float64Array([3600]));
office.free();

const report: AttainmentResult = attainment({ outages: [{ start: '2026-03-02 09:00', end: '2026-03-02 10:00' }], target: 99.9, asOf: '2026-03-15T12:00:00Z' });
const burn: BurnResult[] = report.burn;
const left: string = burn[0].remainingSeconds;
const log = new OutageLog('UTC');
log.push('start,end\n');
const again: AttainmentResult = log.attainment({ target: '99.5', calendar: { preset: '8x5' } });
log.free();

const schedule: CreditSchedule = { target: '99.9', tiers: [{ when: '< 99.9 and >= 99', percent: 10 }, { when: '< 99', percent: 25 }], capPercent: 100 };
const owed: CreditsResult = credits({ schedule, periods: [{ label: 'May', attainment: '99.82', charges: 12000 }], currency: 'EUR' });
const total: string = owed.total;
const presets: CreditSchedule[] = creditPresets();
const r: RiskResult = risk({ schedule: presets[0], model: { incidentsPerMonth: 2, median: 'PT30M', p90: 'PT4H' }, charges: 10000, years: 1000 });
const p90: string = r.p90;
const chance: number = r.breachProbabilityYear;

// @ts-expect-error a tier's bounds are one string such as "< 99.9"
credits({ schedule: { target: '99.9', tiers: [{ below: 99.9, percent: 10 }] }, periods: [] });
// @ts-expect-error the model is required
risk({ schedule, charges: 1 });
// @ts-expect-error credits are exact decimal strings
const wrong: number = owed.total;

const desk: TicketsResult = tickets({
  sla: { goals: [{ priority: 'P2', resolution: 'PT8H', calendar: { hours: 'Mon-Fri 09:00-17:00' } }], pauseStates: ['On hold'], attainment: 95 },
  tickets: [{ id: 'INC1', priority: 'P2', opened: '2026-03-02T09:00:00Z', states: [{ at: '2026-03-02T10:00:00Z', state: 'On hold' }] }],
});
const stage: 'met' | 'breached' | 'running' | undefined = desk.tickets[0].resolution?.stage;
const fromCsv: TicketsResult = tickets({ sla: { goals: [{ priority: 'P1', response: 900 }] }, csv: 'number,priority,opened_at\nINC1,P1,2026-03-02 09:00\n' });
// @ts-expect-error a goal names its priority
tickets({ sla: { goals: [{ resolution: 'PT8H' }] }, tickets: [] });

export { left, again, total, p90, chance, wrong, deadlineUtc, hours, many, stage, fromCsv };
