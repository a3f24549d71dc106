// The JavaScript API in Node: values checked against an independent BigInt computation, errors, and random
// input that must never break the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import slacalc from './load.mjs';

const { budget, achieved, table } = slacalc;

/** Exact seconds of `ns` nanoseconds as a decimal string, computed independently of the module. */
function seconds(ns) {
  const whole = ns / 1_000_000_000n;
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Millionths of a percent in a target string such as "99.95". */
function micros(target) {
  const [int, frac = ''] = target.split('.');
  return BigInt(int) * 1_000_000n + BigInt(frac.padEnd(6, '0'));
}

/** Allowed downtime in nanoseconds: period x (100% - target), by BigInt arithmetic. */
function allowedNs(target, periodSeconds) {
  return (BigInt(periodSeconds) * 1_000_000_000n * (100_000_000n - micros(target))) / 100_000_000n;
}

test('budget: hand-worked figures from the issue', () => {
  // 1% of 14 days (1 209 600 s) = 12 096 s.
  const b = budget({ target: '99', period: 'P14D' });
  assert.equal(b.periodSeconds, '1209600');
  assert.equal(b.allowedDowntimeSeconds, '12096');
  assert.equal(b.allowedDowntime, '3 h 21 min 36 s');
  assert.match(b.sentence, /^99% measured over 14 days allows 3 h 21 min 36 s of downtime: .* about 3\.4 hours every fortnight/);
  // 0.1% of an average Gregorian month (2 629 746 s) = 2 629.746 s.
  const m = budget({ target: 99.9, period: 'month' });
  assert.equal(m.allowedDowntimeSeconds, '2629.746');
  assert.equal(m.allowedDowntime, '43 min 49.746 s');
  assert.equal(m.periodLabel, 'average Gregorian month (30.436875 days)');
  // 0.1% of February 2026 (28 days = 2 419 200 s) = 2 419.2 s.
  assert.equal(budget({ target: '99.9', period: '2026-02' }).allowedDowntimeSeconds, '2419.2');
  // 0.0864 s for 99.9999% of a day: "86.4 ms".
  assert.equal(budget({ target: '99.9999', period: 'day' }).allowedDowntime, '86.4 ms');
});

test('table: every cell equals an independent BigInt computation', () => {
  const t = table();
  assert.deepEqual(t.periods.map((p) => p.period), ['day', 'week', 'month', 'quarter', 'year']);
  // 400 Gregorian years have 146 097 days: year = 146097/400 d, quarter = /1600, month = /4800.
  const periodSeconds = [86_400, 604_800, (146_097 * 86_400) / 4_800, (146_097 * 86_400) / 1_600, (146_097 * 86_400) / 400];
  assert.deepEqual(t.periods.map((p) => p.seconds), periodSeconds.map(String));
  assert.deepEqual(t.rows.map((r) => r.target), ['90', '95', '99', '99.5', '99.9', '99.95', '99.99', '99.999']);
  for (const row of t.rows) {
    row.cells.forEach((cell, i) => {
      assert.equal(cell.seconds, seconds(allowedNs(row.target, periodSeconds[i])), `${row.target} / ${t.periods[i].period}`);
    });
  }
});

test('budget: random targets and day counts agree with BigInt arithmetic', () => {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 2000; i++) {
    const m = 1 + rand(100_000_000);
    const target = `${Math.floor(m / 1e6)}.${String(m % 1e6).padStart(6, '0')}`;
    const days = 1 + rand(3650);
    const b = budget({ target, period: `P${days}D` });
    assert.equal(b.allowedDowntimeSeconds, seconds(allowedNs(target, days * 86_400)), `${target} over ${days} days`);
  }
});

test('achieved: availability is rounded down, compared exactly', () => {
  // (2 629 746 - 4 800) / 2 629 746 = 99.8174728...%
  const a = achieved({ downtime: 'PT1H20M', period: 'month', target: '99.9' });
  assert.equal(a.availability, '99.817472');
  assert.equal(a.meetsTarget, false);
  assert.equal(a.allowedDowntimeSeconds, '2629.746');
  // 86.4 s in a day is exactly 99.9%: met, and 3 nines.
  const exact = achieved({ downtime: 86.4, period: 'day', target: 99.9 });
  assert.equal(exact.availability, '99.900000');
  assert.equal(exact.availabilityIsExact, true);
  assert.equal(exact.meetsTarget, true);
  assert.equal(exact.nines, 3);
  // One millisecond more misses, and the display does not round it up to 99.9.
  const over = achieved({ downtime: '86.401', period: 'day', target: 99.9 });
  assert.equal(over.availability, '99.899998');
  assert.equal(over.meetsTarget, false);
  assert.equal(achieved({ downtime: 0, period: 'day' }).nines, null);
});

const BAD = [
  [{ target: '', period: 'month' }, 'target', 'empty'],
  [{ target: 'abc', period: 'month' }, 'target', 'invalid_number'],
  [{ target: '-1', period: 'month' }, 'target', 'out_of_range'],
  [{ target: '0', period: 'month' }, 'target', 'out_of_range'],
  [{ target: '100.5', period: 'month' }, 'target', 'out_of_range'],
  [{ target: '99.9999999', period: 'month' }, 'target', 'too_many_decimals'],
  [{ target: '1e309', period: 'month' }, 'target', 'invalid_number'],
  [{ target: 1e309, period: 'month' }, 'target', 'invalid_number'],
  [{ target: NaN, period: 'month' }, 'target', 'invalid_number'],
  [{ target: null, period: 'month' }, 'target', 'missing'],
  [{ target: [99.9], period: 'month' }, 'target', 'wrong_type'],
  [{ target: '99', period: 'P0D' }, 'period', 'zero_length'],
  [{ target: '99', period: 'P1000000Y' }, 'period', 'invalid_duration'],
  [{ target: '99', period: '2026-02-30' }, 'period', 'invalid_date'],
  [{ target: '99', period: '2026-Q5' }, 'period', 'invalid_date'],
  [{ target: '99', period: '2026-03-15/2026-03-01' }, 'period', 'reversed_range'],
  [{ target: '99', period: 14 }, 'period', 'wrong_type'],
  [{ target: '99', period: null }, 'period', 'missing'],
  [{ target: '99', period: ['month'] }, 'period', 'wrong_type'],
  [[], 'input', 'wrong_type'],
  [null, 'input', 'missing'],
  ['99.9', 'input', 'wrong_type'],
];

test('bad input throws an Error with code, field and a message naming the field', () => {
  for (const [input, field, code] of BAD) {
    assert.throws(
      () => budget(input),
      (e) => {
        assert.ok(e instanceof Error, 'an Error');
        assert.equal(e.field, field, JSON.stringify(input));
        assert.equal(e.code, code, JSON.stringify(input));
        assert.ok(e.message.startsWith(field), e.message);
        return true;
      },
    );
  }
  assert.throws(() => achieved({ downtime: 'P2D', period: 'day' }), { field: 'downtime', code: 'exceeds_period' });
  assert.throws(() => achieved({ downtime: -1, period: 'day' }), { field: 'downtime', code: 'invalid_duration' });
  assert.throws(() => achieved({ downtime: 'soon', period: 'day' }), { field: 'downtime', code: 'invalid_duration' });
  // Messages a person understands, quoting what was typed.
  assert.throws(() => budget({ target: '100.5', period: 'month' }), {
    message: 'target "100.5" must be greater than 0 and at most 100',
  });
  assert.throws(() => budget({ target: '99', period: '2026-02-30' }), {
    message: 'period "2026-02-30" is not a valid date: February 2026 has 28 days',
  });
});

test('random values through the boundary never break the module', () => {
  let seed = 987654321;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pieces = ['0', '9', '99', '.', ',', '-', 'e', 'P', 'T', 'W', 'D', 'H', 'M', 'S', 'Y', 'Q', '/', '2026', '-02', ' ', '%', '\u0000', '😀', 'min'];
  const str = () => Array.from({ length: rand(8) }, () => pieces[rand(pieces.length)]).join('');
  const values = [
    () => str(),
    () => rand(20000) / 100 - 50,
    () => [NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53][rand(7)],
    () => null,
    () => undefined,
    () => [str()],
    () => ({ toString: () => '99.9' }),
    () => Symbol('x'),
    () => 10n,
    () => () => 1,
    () => true,
  ];
  const throwing = new Proxy({}, { get() { throw new Error('trap'); } });
  for (let i = 0; i < 5000; i++) {
    const input = i % 500 === 0 ? throwing : {};
    if (input !== throwing) {
      for (const key of ['target', 'period', 'downtime']) if (rand(5)) input[key] = values[rand(values.length)]();
      if (!rand(3)) input.calendar = { weekly: { mon: values[rand(values.length)]() }, holidays: [values[rand(values.length)]()] };
    }
    for (const fn of [budget, achieved]) {
      try {
        const result = fn(input);
        assert.equal(typeof result, 'object');
      } catch (e) {
        assert.ok(e instanceof Error, `not an Error: ${e}`);
        assert.ok(['target', 'period', 'downtime', 'calendar', 'input'].includes(e.field), `field ${e.field}: ${e.message}`);
        assert.ok(typeof e.code === 'string' && e.code !== 'internal', e.message);
      }
    }
  }
  assert.equal(budget({ target: '99.9', period: 'month' }).allowedDowntimeSeconds, '2629.746');
});
