// Service calendars through the JavaScript API: time zones loaded from the page's tz/ files, budgets over
// service hours, service time between instants and deadlines. Expected values are worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import slacalc from './load.mjs';

const { budget, achieved, registerTimeZone, hasTimeZone, ServiceCalendar } = slacalc;

function load(name) {
  registerTimeZone(name, readFileSync(new URL(`../../www/tz/${name}.tzif`, import.meta.url)));
}

const OFFICE = { mon: '09:00-17:00', tue: '09:00-17:00', wed: '09:00-17:00', thu: '09:00-17:00', fri: '09:00-17:00' };

test('time zones are loaded from the tz/ files, and unknown ones are refused', () => {
  assert.equal(hasTimeZone('UTC'), true);
  assert.equal(hasTimeZone('Europe/London'), false);
  load('Europe/London');
  assert.equal(hasTimeZone('Europe/London'), true);
  assert.throws(() => registerTimeZone('Mars/Olympus', new Uint8Array([1, 2, 3])), {
    field: 'calendar',
    code: 'invalid_time_zone',
  });
  assert.throws(() => new ServiceCalendar({ timeZone: 'Mars/Olympus' }), (e) => {
    assert.equal(e.code, 'unknown_time_zone');
    assert.equal(e.part, 'timeZone');
    return true;
  });
  const names = JSON.parse(readFileSync(new URL('../../www/tz/zones.json', import.meta.url), 'utf8'));
  assert.ok(names.includes('America/New_York') && names.includes('Pacific/Apia') && names.length > 400);
});

test('99% of office hours over a fortnight allows 48 min; on 24x7, 3 h 21 min 36 s', () => {
  const b = budget({ target: '99', period: 'P14D', calendar: { preset: '8x5' } });
  assert.equal(b.allowedDowntime, '3 h 21 min 36 s');
  assert.equal(b.service.serviceSeconds, String(80 * 3600));
  assert.equal(b.service.allowedDowntime, '48 min');
  assert.equal(
    b.service.sentence,
    '99% of Mon-Fri 09:00-17:00 in UTC over 14 days allows 48 min of downtime in 80 h of service; 99% of 24x7 allows 3 h 21 min 36 s.',
  );
  assert.equal(budget({ target: '99', period: 'P14D' }).service, null);
});

test('a calendar month is taken in the calendar zone, with its holidays', () => {
  load('Europe/London');
  // March 2026 in London: 22 weekdays and no holiday (Good Friday 2026 is 3 April): 22 x 8 h = 176 h.
  const cal = { timeZone: 'Europe/London', weekly: OFFICE, holidays: ['easter-2', 'easter+1'] };
  assert.equal(budget({ target: '99.9', period: '2026-03', calendar: cal }).service.serviceSeconds, String(176 * 3600));
  // April 2026: 22 weekdays, less Good Friday (3rd) and Easter Monday (6th): 20 x 8 h = 160 h; 0.1% = 576 s.
  const april = budget({ target: '99.9', period: '2026-04', calendar: cal });
  assert.equal(april.service.service, '160 h');
  assert.equal(april.service.allowedDowntimeSeconds, '576');
  // 1 h down in those 160 h: 159/160 = 99.375%.
  const a = achieved({ downtime: 'PT1H', period: '2026-04', target: '99.9', calendar: cal });
  assert.equal(a.availability, '99.375000');
  assert.equal(a.measuredSeconds, String(160 * 3600));
  assert.equal(a.meetsTarget, false);
});

test('service time between instants and deadlines after N service hours (the analysis module)', async () => {
  const { default: analysis } = await import('./load-analysis.mjs');
  const office = new analysis.ServiceCalendar({ weekly: OFFICE });
  assert.equal(office.summary, 'Mon-Fri 09:00-17:00');
  assert.equal(office.typicalWeekSeconds, 40 * 3600);
  // Source: moment-business-time tests.
  assert.deepEqual(office.serviceTime('2015-02-27T10:00:00Z', '2015-03-02T13:30:00Z'), { seconds: '41400', text: '11 h 30 min' });
  assert.equal(office.addServiceTime('2015-02-26T10:12:34Z', 'PT19H').utc, '2015-03-02T13:12:34Z');
  // Source: businesstimedelta tests: Saturday 13:14 + 2 business hours = Monday 11:00.
  assert.equal(office.addServiceTime('2016-01-23T13:14', 7200).utc, '2016-01-25T11:00:00Z');
  // Far ahead: the schedule grows as needed. 2000 office hours = 50 weeks.
  assert.equal(office.addServiceTime('2026-01-05T09:00Z', '2000 h').utc, '2026-12-18T17:00:00Z');
  office.free();
});

test('local instants are read in the calendar zone, across clock changes', async () => {
  const { default: analysis } = await import('./load-analysis.mjs');
  analysis.registerTimeZone('America/New_York', readFileSync(new URL('../../www/tz/America/New_York.tzif', import.meta.url)));
  const ny = new analysis.ServiceCalendar({ timeZone: 'America/New_York', preset: '24x7' });
  // 8 March 2026: clocks go from 02:00 to 03:00; the local day has 23 h.
  assert.equal(ny.serviceTime('2026-03-08', '2026-03-09').seconds, String(23 * 3600));
  assert.equal(ny.serviceTime('2026-11-01', '2026-11-02').seconds, String(25 * 3600));
  const at = ny.addServiceTime('2026-03-08T01:30', 'PT1H');
  assert.equal(at.local, '2026-03-08T03:30:00');
  assert.equal(at.offsetSeconds, -4 * 3600);
});

test('bad calendars and instants name the field and the part', async () => {
  const bad = [
    [{ weekly: { mon: '25:00-26:00' } }, 'invalid_calendar', 'weekly.mon'],
    [{ weekly: { mon: '09:00-12:00, 11:00-13:00' } }, 'overlapping_hours', 'weekly.mon'],
    [{ weekly: { mon: 9 } }, 'invalid_calendar', 'weekly.mon'],
    [{ weekly: 'mon' }, 'invalid_calendar', 'weekly'],
    [{ holidays: '12-25' }, 'invalid_calendar', 'holidays'],
    [{ holidays: ['12-25', 7] }, 'invalid_calendar', 'holidays[1]'],
    [{ holidays: ['13-45'] }, 'invalid_calendar', 'holidays[0]'],
    [{ exclusions: ['whenever'] }, 'invalid_calendar', 'exclusions[0]'],
    [{ preset: '9x9' }, 'invalid_calendar', 'preset'],
  ];
  for (const [calendar, code, part] of bad) {
    assert.throws(() => new ServiceCalendar(calendar), (e) => {
      assert.equal(e.field, 'calendar', JSON.stringify(calendar));
      assert.equal(e.code, code, JSON.stringify(calendar));
      assert.equal(e.part, part, JSON.stringify(calendar));
      assert.ok(e.message.startsWith(`calendar ${part}`), e.message);
      return true;
    });
  }
  assert.throws(() => new ServiceCalendar([]), { field: 'calendar', code: 'wrong_type' });
  // An empty calendar has no service time: a budget over it says so.
  assert.throws(() => budget({ target: '99', period: '2026-03', calendar: { weekly: {} } }), {
    field: 'calendar',
    code: 'no_service_time',
  });
  assert.throws(() => budget({ target: '99', period: 'day', calendar: { preset: '8x5' } }), { field: 'period', code: 'unsupported_period' });
  const { default: analysis } = await import('./load-analysis.mjs');
  const office = new analysis.ServiceCalendar({ weekly: OFFICE });
  assert.throws(() => office.serviceTime('soon', '2026-03-02'), { field: 'start', code: 'invalid_instant' });
  assert.throws(() => office.serviceTime('2026-03-02', 5), { field: 'end', code: 'wrong_type' });
  assert.throws(() => office.serviceTime('2026-03-03', '2026-03-02'), { field: 'end', code: 'reversed_interval' });
  assert.throws(() => office.addServiceTime('2026-03-02', '-1 h'), { field: 'duration', code: 'invalid_duration' });
  assert.throws(() => new analysis.ServiceCalendar({ weekly: {} }).addServiceTime('2026-03-02', 'PT1H'), { code: 'no_service_time' });
  // The module still answers afterwards.
  assert.equal(office.serviceTime('2026-03-02', '2026-03-07').seconds, String(5 * 8 * 3600));
});

test('hours as one line: a calendar, its hours, written back, and the figures they give', () => {
  load('Europe/Berlin');
  const { hoursText, serviceTable, durationText } = slacalc;
  // 50 h a week x 4.348125 weeks = 782 662.5 s; 0.5% = 3 913.3125 s.
  const b = budget({ target: '99.5', period: 'month', calendar: { hours: 'Mon-Fri 08:00-18:00', timeZone: 'Europe/Berlin' } });
  assert.equal(b.service.allowedDowntime, '1 h 5 min 13.3125 s');
  assert.equal(b.service.perWeek.text, '15 min');
  assert.equal(b.service.perMonth.text, '1 h 5 min 13.3125 s');
  // 50 h x 52.1775 weeks = 9 391 950 s; 0.5% = 46 959.75 s.
  assert.equal(b.service.perYear.seconds, '46959.75');
  // A calendar may be the hours alone, in UTC.
  assert.equal(budget({ target: '99', period: 'P14D', calendar: 'Mon-Fri 09:00-17:00' }).service.allowedDowntime, '48 min');
  assert.equal(hoursText('mon-fri 8-18; sat 9:00-12:30'), 'Mon-Fri 08:00-18:00; Sat 09:00-12:30');
  assert.equal(hoursText({ preset: '8x5' }), 'Mon-Fri 09:00-17:00');
  assert.equal(hoursText({ weekly: { ...OFFICE, sun: '22:00-06:00' } }), 'Mon-Fri 09:00-17:00; Sun 22:00-06:00');
  assert.equal(hoursText('24/7'), '24x7');
  assert.throws(() => hoursText('Mon-Fry 9-17'), { code: 'invalid_calendar', field: 'calendar', part: 'hours' });
  assert.throws(() => budget({ target: 99, period: 'month', calendar: { hours: '24x7', weekly: OFFICE } }), { part: 'hours' });
  assert.throws(() => budget({ target: 99, period: 'month', calendar: { hours: '24x7', timeZone: ' ' } }), { part: 'timeZone', code: 'invalid_calendar' });
  // The table on service hours: 99.9% of 40 h a week is 144 s; of an average quarter, 521.775 h, 1 878.39 s.
  const t = serviceTable('8x5');
  assert.deepEqual(t.periods.map((p) => p.period), ['week', 'month', 'quarter', 'year']);
  const row = t.rows.find((r) => r.target === '99.9');
  assert.equal(row.cells[0].seconds, '144');
  assert.equal(row.cells[2].seconds, '1878.39');
  assert.equal(durationText('2678.4'), '44 min 38.4 s');
  assert.equal(durationText(-4521.6), '-1 h 15 min 21.6 s');
  assert.throws(() => durationText('soon'), { field: 'duration' });
});

test('holidays from an iCalendar file, read by the analysis module', async () => {
  const { default: analysis } = await import('./load-analysis.mjs');
  const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261225', 'SUMMARY:Christmas Day', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART:20261231T120000Z', 'SUMMARY:Early close', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const { holidays, skipped } = analysis.importIcs(ics);
  assert.deepEqual(holidays.map((h) => h.rule), ['2026-12-25']);
  assert.equal(skipped[0].name, 'Early close');
  // The calculator's module leaves the reader out, to stay small; the page loads the analysis module for it.
  assert.equal(slacalc.importIcs, undefined);
});
