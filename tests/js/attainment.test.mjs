// Outage logs through the JavaScript API: the comparison of measurement periods and its verdict, with
// hand-worked figures, bad rows reported by line, and logs that cannot be used at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import slacalc from './load-analysis.mjs';

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

test('a log given as JSON text or as records', () => {
  // The same two outages as LOG; the April one at 50% impact counts as 15 min.
  const json = '[{"start":"2026-03-04T10:00:00Z","duration (min)":120},{"begin":"2026-04-15 10:00","end":"2026-04-15 10:30","impact":50}]';
  for (const outages of [json, JSON.parse(json), `{"outages":${json}}`]) {
    const r = attainment({ outages, target: '99.9' });
    assert.equal(r.format, 'records');
    assert.equal(r.outages, 2);
    const month = r.choices.find((c) => c.measure === 'month');
    assert.equal(month.periods[2].availability, '99.731182');
    assert.equal(month.periods[3].downtimeSeconds, '900');
  }
  const r = attainment({ outages: [{ start: 'soon', end: '2026-03-02 10:00' }, 5, { from: '2026-03-02 10:00', until: '2026-03-02 11:00', planned: true }], target: 99 });
  assert.equal(r.outages, 1);
  assert.deepEqual(r.problems.map((p) => p.line), [1, 2]);
  assert.match(r.problems[0].reason, /the start "soon" is not a date and time/);
  assert.equal(r.problems[1].reason, 'the record is a number, not an object with start and end');
  assert.throws(() => attainment({ outages: '[{"start": ', target: 99 }), (e) => e.code === 'invalid_log' && /cannot be read as JSON/.test(e.message));
  assert.throws(() => attainment({ outages: [], target: 99 }), { field: 'outages', code: 'invalid_log' });
  assert.throws(() => attainment({ outages: '{"rows": []}', target: 99 }), { field: 'outages', code: 'invalid_log' });
});

test('a log read piece by piece is measured as the whole text, as often as the terms change', () => {
  const log = new slacalc.OutageLog('UTC');
  const text = LOG.trimEnd(); // the last line has no line break: it is complete only when the log is finished
  for (let i = 0; i < text.length; i += 7) log.push(text.slice(i, i + 7));
  assert.equal(log.outages, 1);
  log.finish();
  assert.equal(log.outages, 2);
  for (const target of ['99.9', '99.5']) {
    assert.deepEqual(log.attainment({ target }), attainment({ outages: LOG, target }));
  }
  assert.throws(() => log.push('2026-05-01 10:00,2026-05-01 11:00\n'), { code: 'invalid_log' });
  log.free();
  const binary = new slacalc.OutageLog();
  assert.throws(() => binary.push('start,end\n\0\0'), (e) => e.code === 'invalid_log' && /binary/.test(e.message));
  assert.throws(() => new slacalc.OutageLog('Mars/Olympus'), { code: 'unknown_time_zone' });
});

test('the error budget of the current period, read at an instant', () => {
  const r = attainment({ outages: LOG, target: '99.9', asOf: '2026-03-15T12:00:00Z' });
  const month = r.burn.find((b) => b.measure === 'month');
  // March: 744 h; 0.1% of it is 2 678.4 s. By 15 March 12:00, 7 200 s are spent: 4 521.6 s overspent.
  assert.equal(month.period.label, 'Mar 2026');
  assert.deepEqual([month.allowedSeconds, month.usedSeconds, month.remainingSeconds], ['2678.4', '7200', '-4521.6']);
  assert.equal(month.asOf, '2026-03-15T12:00:00Z');
  // A point at the end of each day from 1 to 14 March, then 15 March 12:00.
  assert.equal(month.times.length, 15);
  assert.deepEqual([month.used[2], month.used[3]], [0, 7200]);
  // The year: 0.1% of 8 760 h is 31 536 s; 7 200 s spent.
  const year = r.burn.find((b) => b.measure === 'year');
  assert.equal(year.remainingSeconds, '24336');
  assert.deepEqual(attainment({ outages: LOG, target: '99.9' }).burn, []);
  assert.throws(() => attainment({ outages: LOG, target: 99, asOf: 5 }), { field: 'asOf', code: 'wrong_type' });
  assert.throws(() => attainment({ outages: LOG, target: 99, asOf: 'soon' }), { field: 'asOf', code: 'invalid_instant' });
});

test('service hours set against 24x7, and the downtime of every day', () => {
  // Both outages fall in office hours. Against 99.5%: week 10 is 2 h of 40 h on office hours (95%) or of
  // 168 h (98.81%); the week of 15 April 30 min of 40 h (98.75%) or of 168 h (99.70%); March 2 h of 176 h
  // (98.86%) or of 744 h (99.73%); fortnights 2 h of 80 h (97.5%) or of 336 h (99.40%), 30 min of 80 h
  // (99.375%) or of 336 h (99.85%).
  const r = attainment({ outages: LOG, target: '99.5', calendar: { preset: '8x5' } });
  assert.deepEqual(r.contrast, [
    'Measured weekly, 2 of 53 weeks breached 99.5% on service hours; counted 24x7, only 1 did.',
    'Measured every two weeks, 2 of 27 fortnights breached 99.5% on service hours; counted 24x7, only 1 did.',
    'Measured monthly, 1 of 12 months breached 99.5% on service hours; counted 24x7, only 0 did.',
    'Counting nights and weekends (24x7) hides 3 breaches that service hours show.',
  ]);
  assert.equal(r.roundTheClock.find((c) => c.measure === 'month').periods[2].availability, '99.731182');
  assert.equal(attainment({ outages: LOG, target: '99.5' }).roundTheClock, null);
  // 4 March 2026 is the 63rd day: 8 h of service, 2 h down; 4 January is a Sunday.
  assert.equal(r.days.first, '2026-01-01');
  assert.equal(r.days.downtimeSeconds.length, 365);
  assert.deepEqual([r.days.serviceSeconds[62], r.days.downtimeSeconds[62], r.days.serviceSeconds[3]], [28800, 7200, 0]);
});
