// What a caller can send that used to break the module: values nested thousands deep, getters and
// Proxies that throw, numbers where strings belong, logs with lone CR line endings and quoted line breaks.
// Each is one typed error (or a correct reading), and the module answers correctly afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import m from './load-analysis.mjs';

/** A known figure: the module still works. */
const healthy = () => assert.equal(m.budget({ target: '99.9', period: 'month' }).allowedDowntimeSeconds, '2629.746');

/** A SlacalcError: an Error with a code, a field and a message. */
function typed(f, code) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, `an Error, not ${e}`);
    assert.equal(typeof e.code, 'string', e.message);
    assert.equal(typeof e.field, 'string', e.message);
    assert.notEqual(e.code, 'internal', e.message);
    if (code) assert.equal(e.code, code, e.message);
    return e;
  }
  assert.fail('no error was thrown');
}

const nested = (depth, leaf) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

test('values nested thousands deep are refused, and the module keeps answering', () => {
  for (const depth of [100, 4_000, 100_000]) {
    typed(() => m.credits({ schedule: { target: '99.9', tiers: nested(depth, { when: '< 99', percent: 1 }) }, periods: [{ attainment: 99, charges: 1 }] }));
    typed(() => m.risk({ schedule: { target: '99.9', flat: 10 }, model: { incidentsPerMonth: 1, durations: nested(depth, 'PT1H') }, charges: 1, years: 10 }));
    typed(() => m.compareQuotes({ basis: { period: nested(depth, 'month'), currency: 'EUR', contractYears: 1 }, options: [] }));
    typed(() => m.budget({ target: '99.9', period: 'month', calendar: { holidays: nested(depth, '12-25') } }));
    healthy();
  }
  const e = typed(() => m.credits({ schedule: { target: '99.9', tiers: nested(100, {}) }, periods: [] }));
  assert.match(e.message, /nested more than 64 levels deep/);
});

test('getters and Proxies that throw are one typed error each, however many', () => {
  const getter = { get target() { throw new Error('boom'); } };
  const proxy = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('keys'); } });
  for (let i = 0; i < 3_000; i++) {
    const e = typed(() => m.credits({ schedule: getter, periods: [] }));
    if (i === 0) assert.match(e.message, /cannot be read: boom/);
  }
  healthy();
  for (const f of ['budget', 'achieved', 'credits', 'risk', 'compareQuotes', 'attainment', 'hoursText', 'serviceTable']) typed(() => m[f](proxy));
  typed(() => m.attainment({ outages: [proxy], target: 99 }));
  typed(() => m.budget({ target: 99, period: 'month', calendar: { holidays: proxy } }));
  typed(() => new m.ServiceCalendar(proxy));
  // A throwing input to a log's measurement leaves the log usable, and it can still be freed.
  const log = new m.OutageLog('UTC');
  log.push('start,end\n2026-03-02 09:00,2026-03-02 10:00\n');
  typed(() => log.attainment(proxy));
  typed(() => log.attainment({ get target() { throw new Error('later'); } }));
  assert.equal(log.attainment({ target: 99.9 }).outages, 1);
  log.free();
  healthy();
});

test('a number or a boolean where a string belongs is a wrong_type error, not a trap', () => {
  typed(() => m.hasTimeZone(1), 'wrong_type');
  typed(() => m.calendarPreset(true), 'wrong_type');
  typed(() => m.registerTimeZone(5, new Uint8Array(4)), 'wrong_type');
  typed(() => m.registerTimeZone('Europe/Nowhere', 'not bytes'), 'invalid_time_zone');
  typed(() => new m.OutageLog(0), 'wrong_type');
  const log = new m.OutageLog();
  typed(() => log.push(42), 'wrong_type');
  log.free();
  const calendar = new m.ServiceCalendar('8x5');
  typed(() => calendar.serviceSeconds(1, 2), 'wrong_type');
  typed(() => calendar.weekStrip(7));
  calendar.free();
  typed(() => m.exportedPeriods(1, 'month'), 'wrong_type');
  typed(() => m.durationText({}));
  healthy();
});

test('numbers JSON cannot hold are refused by name', () => {
  assert.match(typed(() => m.budget({ target: NaN, period: 'month' }), 'invalid_number').message, /"NaN"/);
  assert.match(typed(() => m.budget({ target: Infinity, period: 'month' }), 'invalid_number').message, /"Infinity"/);
});

test('a CSV saved with lone CR line endings, or with quoted line breaks, loses and invents no row', () => {
  const rows = ['start,end,note', '2026-03-02 09:00,2026-03-02 10:00,a', '2026-03-03 09:00,2026-03-03 10:00,"two\nlines"', 'soon,later,x', '2026-03-04 09:00,2026-03-04 10:00,"say ""hi"""'];
  for (const ending of ['\r', '\r\n', '\n']) {
    const r = m.attainment({ outages: rows.join(ending), target: '99.9', span: '2026' });
    assert.equal(r.outages + r.problems.length, 4, ending);
    assert.equal(r.outages, 3, ending);
    // Read in pieces that end anywhere, the same.
    const text = rows.join(ending);
    for (let cut = 0; cut <= text.length; cut += 7) {
      const log = new m.OutageLog('UTC');
      log.push(text.slice(0, cut));
      log.push(text.slice(cut));
      assert.equal(log.attainment({ target: '99.9', span: '2026' }).outages, 3, `${JSON.stringify(ending)} cut at ${cut}`);
      log.free();
    }
  }
});

test('risk work is bounded: fewer years where a year costs many incidents, and notes say what was capped', () => {
  const schedule = { target: '99.9', flat: 10 };
  const model = { incidentsPerMonth: 1000, median: 'PT1M', p90: 'PT2M' };
  // Monthly periods at 1 000 incidents a month: 12 x (1 + 1 000) = 12 012 periods and incidents a year, so
  // 40 000 000 / 12 012 = 3 330 years, not the 100 000 asked for.
  const r = m.risk({ schedule, model, charges: 1000, years: 100000 });
  assert.equal(r.years, 3330);
  assert.equal(r.yearlyCredits.length, 3330);
  assert.match(r.notes.join(' '), /Simulated 3 330 years, not 100 000: a year here simulates about 12 012 periods and incidents/);
  // A grid whose factors lift the rate past 10 000 a month: those cells are null, the others share the bound:
  // two cells of 12 012 events a year, 40 000 000 / 24 024 = 1 665 years each.
  const g = m.risk({ schedule, model, charges: 1000, years: 10, sensitivity: { rates: [1, 1000], repairs: [1, 2], years: 100000 } });
  assert.deepEqual(g.sensitivity.percent.map((row) => row.map((v) => v === null)), [[false, false], [true, true]]);
  assert.equal(g.sensitivity.years, 1665);
  assert.match(g.notes.join(' '), /Each cell of the sensitivity grid simulated 1 665 years, not 100 000/);
  assert.match(g.notes.join(' '), /above 10 000 incidents a month/);
  // The break-even search and the solver take up to 26 steps each: 40 000 000 / (26 x 12 012) = 128 years a step.
  const s = m.risk({ schedule, model, charges: 1000, years: 200, breakEvenPercent: 5, solve: { percent: 5 } });
  assert.equal(s.years, 200);
  assert.equal(s.solved.years, 128);
  assert.match(s.notes.join(' '), /break-even search simulated 128 years a step, not 200/);
  assert.match(s.notes.join(' '), /target ladder and the search for rates simulated 128 years a step, not 200/);
  // A gentle model is not capped and says nothing.
  assert.deepEqual(m.risk({ schedule, model: { incidentsPerMonth: 2, median: 'PT30M', p90: 'PT2H' }, charges: 1000, years: 10000 }).notes, []);
  healthy();
});

test('a calendar whose exclusions would take gigabytes over a long span is refused with its size, before any memory is taken', () => {
  const hm = (x) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  // 500 one-minute daily exclusions, 08:00 to 16:20.
  const calendar = { hours: 'Mon-Fri 08:00-18:00', exclusions: Array.from({ length: 500 }, (_, i) => `daily ${hm(480 + i)}-${hm(481 + i)}`) };
  const e = typed(() => m.budget({ target: '99.9', period: '2026-01-01/2125-12-01', calendar }), 'too_large');
  assert.equal(e.field, 'calendar');
  assert.equal(e.part, 'exclusions');
  assert.match(e.message, /about 18 275 070 intervals, and one calculation holds at most 1 000 000/);
  // The same calendar over 2026: 261 weekdays of 10 h less 500 min = 100 min each, 1 566 000 s; 0.1% is 26 min 6 s.
  const year = m.budget({ target: '99.9', period: '2026', calendar });
  assert.equal(year.service.serviceSeconds, '1566000');
  assert.equal(year.service.allowedDowntime, '26 min 6 s');
  healthy();
});

test('one range of spans and instants, accepted and produced alike', () => {
  const log = (first) => `start,end\n${first}-03-02 09:00,${first}-03-02 10:00\n2026-03-02 09:00,2026-03-02 10:00\n`;
  // 1927 to 2026 is 36 525 days, more than 100 average years: refused on 24x7 and on service hours alike.
  for (const calendar of [undefined, { preset: '8x5' }]) {
    const e = typed(() => m.attainment({ outages: log(1927), target: '99.9', calendar }), 'too_long');
    assert.equal(e.message, 'outages "1927 to 2026" is too long: at most 100 years (36 524.25 days) is accepted');
  }
  // 1928 to 2026 (36 160 days) is measured on both, and the span it reports can be given back.
  for (const calendar of [undefined, { preset: '8x5' }]) {
    const r = m.attainment({ outages: log(1928), target: '99.9', calendar });
    assert.equal(r.span, '1928-01-01 to 2026-12-31');
    assert.equal(r.outages, 2);
    assert.equal(m.attainment({ outages: log(1928), target: '99.9', calendar, span: '1928-01-01/2027-01-01' }).outages, 2);
  }
  // Instants: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, read and written.
  const c = new m.ServiceCalendar({ preset: '24x7' });
  assert.equal(c.addServiceTime('9999-12-31T22:00:00Z', 'PT1H').utc, '9999-12-31T23:00:00Z');
  assert.match(typed(() => c.addServiceTime('9999-12-31T23:00:00Z', 'PT2H'), 'out_of_range').message, /after 9999-12-31T23:00:00Z would end in the year 10000 or later/);
  typed(() => c.addServiceTime('9999-06-21T17:00:00Z', 'P365D'), 'out_of_range');
  assert.match(typed(() => c.serviceTime('2026-01-01', '9999-12-31T23:00-05:00'), 'out_of_range').message, /end "9999-12-31T23:00-05:00" is 10000-01-01T04:00:00Z/);
  // A query far from an earlier one is answered, not refused for the years in between.
  assert.equal(c.serviceTime('9999-12-31T00:00:00Z', '9999-12-31T23:59:59Z').seconds, '86399');
  assert.equal(c.serviceTime('0001-01-01T00:00:00Z', '0001-01-02T00:00:00Z').seconds, '86400');
  // 36 000 days of service time on 24x7 end 36 000 days later (2124-07-26), not "no service time".
  assert.equal(c.addServiceTime('2026-01-01T00:00:00Z', 'P36000D').utc, '2124-07-26T00:00:00Z');
  // An outage whose duration runs past the year 9999 is a row problem, not an instant nobody can read.
  const r = m.attainment({ outages: 'start,duration\n9999-12-31 23:00,2 h\n2026-03-02 09:00,1 h\n', target: '99.9', span: '2026' });
  assert.equal(r.outages + r.problems.length, 2);
  assert.match(r.problems[0].reason, /would end after 9999-12-31/);
  healthy();
});
