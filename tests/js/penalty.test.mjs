// Credits and risk through the JavaScript API: hand-worked credits, errors naming the part, and the
// simulation's figures identical to the native build's for the same seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import slacalc from './load-analysis.mjs';

const { credits, risk, creditPresets } = slacalc;
const preset = (id) => creditPresets().find((p) => p.id === id);

test('every preset names its source; credits are explained line by line', () => {
  const presets = creditPresets();
  assert.equal(presets.length, 12);
  for (const p of presets) assert.ok(p.source.length > 40 && p.name, p.id);
  // Microsoft 365: 99.82% is in "< 99.9 and >= 99": 25% of 12 000 = 3 000. 98.7%: 50% = 6 000.
  const r = credits({ schedule: preset('microsoft-365'), periods: [{ label: 'May', attainment: '99.82', charges: 12000 }, { label: 'June', attainment: 98.7, charges: '12000' }], currency: 'EUR' });
  assert.deepEqual(r.periods.map((p) => p.credit), ['3000.00', '6000.00']);
  assert.equal(r.periods[0].explanation, 'May: 99.82% is below 99.9% and at or above 99%: 25% of 12 000 EUR = 3 000 EUR.');
  assert.equal(r.total, '9000.00');
  assert.equal(r.summary, '9 000 EUR of 24 000 EUR charged (37.50%)');
  // Google Workspace, 3 days of service at 1/30 of 3 000 a day, from the downtime of April 2026 (720 h):
  // 1 h down is 99.861111...%, in "< 99.9 and >= 99.0".
  const g = credits({ schedule: preset('google-workspace'), periods: [{ period: '2026-04', downtime: 'PT1H', charges: 3000 }] });
  assert.equal(g.periods[0].credit, '300.00');
  assert.equal(g.periods[0].attainment, '99.861111');
});

test('bad schedules and periods name the part', () => {
  const fails = (input, field, part, pattern) =>
    assert.throws(() => credits(input), (e) => e.code === 'invalid_value' && e.field === field && e.part === part && pattern.test(e.message));
  const periods = [{ attainment: '99', charges: 1 }];
  fails({ schedule: { target: '99.9', tiers: [{ when: '< 99.9 and >= 99', percent: 10 }, { when: '< 99.5', percent: 25 }] }, periods }, 'schedule', 'tiers', /overlap/);
  fails({ schedule: { target: '99.9', tiers: [{ when: '< 99.9 and >= 99', percent: 10 }] }, periods }, 'schedule', 'tiers', /from 0% \(inclusive\) to just below 99%/);
  fails({ schedule: { target: '99.9', flat: 150 }, periods }, 'schedule', 'flat', /more than 100/);
  fails({ schedule: preset('aws-s3-standard'), periods: [{ attainment: '99', charges: -5 }] }, 'periods', '[0].charges', /must not be negative/);
  assert.throws(() => credits({ periods }), { field: 'schedule', code: 'missing' });
  assert.throws(() => credits('x'), { field: 'input', code: 'wrong_type' });
});

test('the simulation gives the same figures as the native build, and meets its closed form', () => {
  // AWS region tiers, 2 incidents a month, median 30 min, 90% within 4 h, 10 000 a month, seed 7,
  // 1 000 years: the mean and the worst year are those of `cargo test` (tests/penalty.rs), to the cent.
  const input = { schedule: preset('aws-compute-region'), model: { incidentsPerMonth: 2, median: 'PT30M', p90: 'PT4H' }, charges: 10000, years: 1000, seed: 7 };
  const a = risk(input);
  assert.deepEqual([a.mean, a.worst, a.years], [NATIVE_MEAN, NATIVE_WORST, 1000]);
  assert.equal(a.yearlyCredits.length, 1000);
  assert.deepEqual(risk(input).yearlyCredits, a.yearlyCredits);
  // Fixed 30-minute incidents, 1.5 a month, flat 10% below 99.9%: P(breach) = 1 - e^-1.5 (1 + 1.5).
  const flat = risk({ schedule: { target: '99.9', flat: 10 }, model: { incidentsPerMonth: 1.5, median: 'PT30M', p90: 'PT30M' }, charges: 1000, years: 20000, seed: 3 });
  assert.ok(Math.abs(flat.analytic.breachProbabilityPeriod - 0.442174599628) < 1e-9);
  assert.ok(Math.abs(flat.breachProbabilityPeriod - 0.442174599628) < 0.006, String(flat.breachProbabilityPeriod));
  assert.throws(() => risk({ ...input, model: { incidentsPerMonth: 0, median: 'PT30M', p90: 'PT4H' } }), { field: 'model', part: 'incidentsPerMonth' });
  assert.throws(() => risk({ ...input, seed: -1 }), { field: 'model', part: 'seed' });
  // More years than a run allows are capped, and the result says so (yearly periods keep this quick).
  const many = risk({ schedule: { target: '99', flat: 10, period: 'year' }, model: { incidentsPerMonth: 0.01, median: 60, p90: 60 }, charges: 1, years: 5e6, seed: 1 });
  assert.equal(many.years, 1_000_000);
  assert.deepEqual(many.notes, ['Simulated 1 000 000 years, the most one run allows; 5 000 000 were asked for.']);
});

// Figures of the native build for the case above (tests/penalty.rs asserts the same).
const NATIVE_MEAN = '13920.00';
const NATIVE_WORST = '40000.00';
