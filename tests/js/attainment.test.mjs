// Outage logs through the JavaScript API: the comparison of measurement periods and its verdict, with
// hand-worked figures, bad rows reported by line, and logs that cannot be used at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import slacalc from './load-logs.mjs';

const { attainment } = slacalc;

// 2 h down in week 10 of 2026 and 30 min in April.
const LOG = 'start,end,impact,note\n2026-03-04 10:00,2026-03-04 12:00,full,database\n2026-04-15 10:00,2026-04-15 10:30,,\n';

test('the same outages measured every way, with the verdict', () => {
  const r = attainment({ outages: LOG, target: '99.9' });
  assert.equal(r.outages, 2);
  assert.deepEqual(r.problems, []);
  assert.equal(r.span, '2026-01-01 to 2026-12-31');
  const byMeasure = Object.fromEntries(r.choices.map((c) => [c.measure, c]));
  // Week 10: 2 h of 168 h = 98.809523...%; March: 2 h of 744 h = 99.731182...%; the year: 2.5 h of 8 760 h.
  const week = byMeasure.week.periods[byMeasure.week.worst];
  assert.equal(week.label, 'week 10 of 2026');
  assert.equal(week.availability, '98.809523');
  assert.equal(week.downtimeSeconds, '7200');
  assert.equal(byMeasure.month.periods[2].availability, '99.731182');
  assert.equal(byMeasure.month.breached, 1);
  assert.equal(byMeasure.year.periods[0].availability, '99.971461');
  assert.equal(byMeasure.year.breached, 0);
  assert.equal(r.rolling.find((w) => w.days === 30).worst.availability, '99.722222');
  assert.equal(r.verdict[0], 'Measured weekly, 2 of 53 weeks breached 99.9%; the worst, week 10 of 2026, was 98.80%.');
  assert.equal(r.verdict.at(-1), 'Measuring quarterly or yearly hides breaches that measuring weekly, every two weeks or monthly shows.');
});

test('contract options and service hours change the figures', () => {
  // Ignoring outages under 1 h drops the April one: April meets 100%.
  const r = attainment({ outages: LOG, target: '99.9', span: '2026-Q2', options: { minimumOutage: 'PT1H' } });
  assert.equal(r.choices.find((c) => c.measure === 'month').periods[0].availability, '100.000000');
  // On office hours, March 2026 has 176 h; 2 h lost = 98.863636...%.
  const office = attainment({ outages: LOG, target: '99.9', span: '2026-03', calendar: { preset: '8x5' } });
  const march = office.choices.find((c) => c.measure === 'month').periods[0];
  assert.equal(march.serviceSeconds, String(176 * 3600));
  assert.equal(march.availability, '98.863636');
});

test('bad rows are listed by line; unusable logs throw with field "outages"', () => {
  const r = attainment({ outages: 'start,end\n2026-03-02 10:00,2026-03-02 09:00\nnot a date,2026-03-02 09:00\n2026-03-02 10:00,2026-03-02 11:00\n', target: 99 });
  assert.equal(r.outages, 1);
  assert.deepEqual(r.problems.map((p) => p.line), [2, 3]);
  assert.match(r.problems[0].reason, /before the start/);
  for (const [outages, code] of [['', 'invalid_log'], ['when,what\n1,2', 'invalid_log'], [42, 'wrong_type'], [undefined, 'missing']]) {
    assert.throws(() => attainment({ outages, target: 99 }), (e) => e.field === 'outages' && e.code === code);
  }
  assert.throws(() => attainment({ outages: 'start,end\n', target: 99 }), { field: 'outages', code: 'invalid_log' });
  // Outages outside the span are listed, not silently dropped.
  const q2 = attainment({ outages: LOG, target: 99, span: '2026-Q2' });
  assert.deepEqual(q2.problems, [{ line: 2, reason: 'the outage lies outside the span measured, 2026-04-01 to 2026-06-30' }]);
  assert.throws(() => attainment({ outages: LOG, target: 99, span: 'month' }), { field: 'period', code: 'unsupported_period' });
  assert.throws(() => attainment({ outages: LOG, target: 99, options: { wholeMinutes: 'yes' } }), { code: 'wrong_type' });
  // Wrong types are refused, not ignored.
  assert.throws(() => attainment({ outages: LOG, target: 99, timeZone: 5 }), { field: 'calendar', part: 'timeZone' });
  assert.throws(() => attainment({ outages: LOG, target: 99, timeZone: 'Mars/Olympus' }), { code: 'unknown_time_zone' });
  assert.throws(() => attainment({ outages: LOG, target: 99, span: 2026 }), { field: 'period', code: 'wrong_type' });
  assert.throws(() => attainment({ outages: LOG, target: 99, options: 'strict' }), { field: 'input', code: 'wrong_type' });
});
