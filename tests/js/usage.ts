// Compiled with `tsc --noEmit --strict` by types.test.mjs: intranet pages written in TypeScript must get
// these types. Each @ts-expect-error line must be an error, or the compile fails.
import { budget, achieved, table, registerTimeZone, ServiceCalendar } from '../../www/pkg/slacalc.js';
import type { BudgetResult, AchievedResult, TargetTable, SlacalcError, CalendarInput, ServiceResult } from '../../www/pkg/slacalc.js';

const b: BudgetResult = budget({ target: '99.9', period: 'month' });
const seconds: string = b.allowedDowntimeSeconds;
const label: string = b.periodLabel;
const kind: 'average' | 'duration' | 'calendar' = b.periodKind;
const start: string | null = b.periodStart;
const perDay: string = b.perDay.text;
budget({ target: 99.9, period: 'P14D' });

const a: AchievedResult = achieved({ downtime: 'PT1H20M', period: 'month', target: 99.9 });
const nines: number | null = a.nines;
const met: boolean | null = a.meetsTarget;
achieved({ downtime: 4800, period: 'month' });

const t: TargetTable = table();
const cell: string = t.rows[0].cells[0].seconds;

try {
  budget({ target: '', period: 'month' });
} catch (e) {
  const error = e as SlacalcError;
  const field: SlacalcError['field'] = error.field;
  const part: string | undefined = error.part;
  console.log(part);
  const code: string = error.code;
  console.log(field, code, error.message);
}

const calendar: CalendarInput = { timeZone: 'Europe/London', weekly: { mon: '09:00-17:00' }, holidays: ['12-25'] };
registerTimeZone('Europe/London', new Uint8Array());
const service: ServiceResult | null = budget({ target: 99, period: 'P14D', calendar }).service;
const office = new ServiceCalendar(calendar);
const summary: string = office.summary;
// @ts-expect-error the interval queries are in the analysis module
office.serviceTime('2026-03-02', '2026-03-07');
office.free();
// @ts-expect-error weekly hours are strings
new ServiceCalendar({ weekly: { mon: 9 } });

// @ts-expect-error the period is required
budget({ target: '99.9' });
// @ts-expect-error a period is a string
budget({ target: '99.9', period: 14 });
// @ts-expect-error results have no such field
b.allowedDowntimeMinutes;
// @ts-expect-error availability is a decimal string, not a number
const wrong: number = a.availability;

export { seconds, label, kind, start, perDay, nines, met, cell, wrong, service, summary };
