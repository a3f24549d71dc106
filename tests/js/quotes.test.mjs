// The internal service against providers' quotes through the JavaScript API: the figures of
// tests/quotes.rs, worked out by hand, and errors naming the option and the part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import slacalc from './load-analysis.mjs';

const { compareQuotes } = slacalc;

const INPUT = {
  basis: { period: 'month', calendar: { preset: '8x5' }, currency: 'EUR', contractYears: 3, downtimeCostPerHour: 500 },
  options: [
    { name: 'Internal IT', internal: true, pricePerMonth: 8000, target: '99.5', period: 'month', calendar: { preset: '8x5' }, attainment: '99.8' },
    { name: 'Provider B', pricePerMonth: '7000', oneOff: 6000, target: 99.95, period: 'quarter', model: { incidentsPerMonth: 1, median: 'PT30M', p90: 'PT30M' } },
    { name: 'Provider C', pricePerMonth: 9000, target: '99.9', period: 'month', schedule: 'aws-s3-standard', model: { incidentsPerMonth: 2, median: 'PT30M', p90: 'PT30M' } },
  ],
};

test('the internal service and two quotes on office hours', () => {
  const r = compareQuotes(INPUT);
  assert.equal(r.basis, 'average Gregorian month (30.436875 days) of Mon-Fri 09:00-17:00: 173 h 55 min 30 s of service');
  const [i, b, c] = r.options;
  // 0.5% of 626 130 s; 0.2% measured.
  assert.deepEqual([i.allowedBasis.seconds, i.expectedBasis.seconds, i.effectiveYear], ['3130.65', '1252.26', '98087.10']);
  // 0.05% of an average quarter, all in one month: 99.37% of the month's office hours; 86 000 a year
  // plus 1.428571 h of expected downtime at 500.
  assert.deepEqual([b.allowedBasis.text, b.effectiveTarget, b.priceYear, b.effectiveYear, b.perAllowedHour], ['1 h 5 min 44.619 s', '99.37', '86000.00', '86714.29', '6540.56']);
  assert.equal(b.creditsYear, null);
  // S3 tiers below 99.9%: two 30-minute incidents (3 600 s of 2 629 746 s = 99.863%) earn 10% of 9 000.
  // P(K >= 2) = 1 - 3e^-2 = 0.593994: about 12 x 0.594 x 900 = 6 415 a year.
  assert.ok(Math.abs(Number(c.creditsYear.mean) - 6415.14) < 150, c.creditsYear.mean);
  assert.equal(r.verdict[1], "Provider B promises 99.95% measured quarterly on 24x7: on your basis that allows up to 1 h 5 min 44.619 s of downtime, more than the internal service's expected 20 min 52 s.");
});

test('bad options name the option and the part', () => {
  const bad = (change, part, pattern) => {
    const input = structuredClone(INPUT);
    change(input);
    assert.throws(() => compareQuotes(input), (e) => e.code === 'invalid_value' && e.part === part && pattern.test(e.message));
  };
  bad((x) => { x.options[2].currency = 'usd'; }, 'options[2].currency', /Provider C is priced in USD, the comparison in EUR/);
  bad((x) => { x.options[1].schedule = 'aws-s4'; }, 'options[1].schedule', /"aws-s4" is not a preset's id/);
  bad((x) => { x.options[1].schedule = { target: '99.9', flat: 200 }; }, 'options[1].schedule.flat', /more than 100/);
  bad((x) => { x.options[0].pricePerMonth = -1; }, 'options[0].pricePerMonth', /must not be negative/);
  bad((x) => { x.options[0].name = ' '; }, 'options[0].name', /must be given/);
  bad((x) => { x.options[1].model.incidentsPerMonth = 0; }, 'options[1].model.incidentsPerMonth', /must be more than 0/);
  bad((x) => { x.options = []; }, 'options', /1 to 20 options/);
  bad((x) => { x.basis.contractYears = 0.5; }, 'basis.contractYears', /whole number/);
  bad((x) => { x.basis.currency = 'euro'; }, 'basis.currency', /"EURO" must be a three-letter currency code/);
  // An amount with a thousands separator is refused, never read as 8 or 1: the API takes a point only.
  bad((x) => { x.options[0].pricePerMonth = '8,000'; }, 'options[0].pricePerMonth', /"8,000" is not an amount: write it with digits and a point/);
  bad((x) => { x.basis.downtimeCostPerHour = '1 000'; }, 'basis.downtimeCostPerHour', /is not an amount/);
  // A calendar's error keeps the calendar's part.
  bad((x) => { x.options[0].calendar = 'Mon-Fry 9-17'; }, 'options[0].calendar.hours', /"Fry" is not a day/);
});
