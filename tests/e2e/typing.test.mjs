// Every field of every page, typed into with what people type: nothing, spaces, letters, a negative, a
// number too large for a double, thousands separators of two locales, markup. After each: the page answers
// within a second, what was typed is still there, an error (if any) sits next to that field, a field that
// takes a number says so when given letters, no markup ran, and the last result is still on screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });
const VALUES = ['', '   ', 'abc', '-3', '1e309', '12,000', '12.000,50', '<b>x</b><img src=x onerror="window.hacked=1">'];

/** Whether the page answers (runs a script) within `ms`. */
async function answers(page, ms = 1000) {
  return Promise.race([page.evaluate(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);
}

/** The visible text inputs and text areas of the form: what a person can type into. */
function fields(page, form, skip) {
  return page.locator(`${form} input[type=text]:visible, ${form} textarea:visible`).evaluateAll(
    (all, leave) => all.map((e) => ({ id: e.id, numeric: ['decimal', 'numeric'].includes(e.inputMode), max: e.maxLength })).filter((f) => f.id && !leave.includes(f.id)),
    skip,
  );
}

/** The ids of the fields whose error is showing. */
const invalid = (page) => page.locator('[aria-invalid="true"]').evaluateAll((all) => all.map((e) => e.id));

/**
 * Types every value into every field of `form` (but `skip`). `pairs` names fields that belong together
 * (an earn-back's target and periods): an error may show on the other one.
 */
async function typeEverywhere(page, { form, result, settle, skip = [], pairs = {}, empty = '' }) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const list = await fields(page, form, skip);
  assert.ok(list.length >= 1, `fields of ${form}: ${list.map((f) => f.id)}`);
  for (const { id, numeric, max } of list) {
    const input = page.locator(`#${CSS_escape(id)}`);
    if (!(await input.isVisible())) continue;
    const original = await input.inputValue();
    for (const value of VALUES) {
      await input.fill(value);
      assert.equal(await answers(page), true, `the page answers after “${value}” in #${id}`);
      await page.waitForTimeout(settle);
      assert.equal(await input.inputValue(), max > 0 ? value.slice(0, max) : value, `#${id} keeps “${value}”`);
      const bad = await invalid(page);
      for (const other of bad) {
        const box = page.locator(`#${CSS_escape(other)}-error`);
        assert.ok((await box.isVisible()) && (await box.textContent()).trim().length > 5, `#${other} is marked invalid with its error next to it (typed “${value}” in #${id})`);
      }
      assert.ok(bad.every((b) => b === id || pairs[id]?.includes(b)), `typing “${value}” in #${id} marks only that field, not ${bad}`);
      if (numeric && value === 'abc') assert.ok(bad.length > 0 && bad.every((b) => b === id || pairs[id]?.includes(b)), `#${id} takes a number: “abc” is an error next to it (or its pair), not ${bad}`);
      assert.equal(await page.evaluate(() => window.hacked), undefined, 'no markup ran');
      assert.equal(await page.locator('main img').count(), 0, 'no markup was inserted');
      // The last result stays, unless the field emptied is what there was to compute (then the page says so).
      const emptied = empty && !value.trim() && (await page.locator(empty).isVisible());
      assert.ok(emptied || (await page.locator(result).first().isVisible()), `the last result stays on screen after “${value}” in #${id}`);
    }
    await input.fill(original);
    await page.waitForTimeout(settle);
    assert.deepEqual(await invalid(page), [], `#${id} restored to “${original}” is good again`);
  }
  assert.deepEqual(problems, []);
}

const CSS_escape = (id) => id.replace(/([^\w-])/g, '\\$1');

test('the calculator, with service hours of its own', async () => {
  const page = await harness.open('/?target=99.9&period=month&hours=Mon-Fri%2008%3A00-18%3A00&tz=UTC&downtime=1%20h');
  await page.waitForSelector('[data-testid=allowed]:visible');
  await page.getByTestId('period-kind').selectOption('fixed');
  await typeEverywhere(page, { form: '#calculator', result: '[data-testid=allowed]', settle: 120 });
  await page.getByTestId('period-kind').selectOption('code');
  await typeEverywhere(page, { form: '#period-fields', result: '[data-testid=allowed]', settle: 120 });
  await page.context().close();
});

test('the outage-log page, with the example log', async () => {
  const page = await harness.open('/logs.html');
  await page.getByTestId('log-example').click();
  await page.waitForSelector('#log-report:not([hidden])');
  // The log itself is a field too, but what it holds is the report: typing into it is its own test.
  await page.getByTestId('log-cal-preset').selectOption('custom');
  await typeEverywhere(page, { form: '#log-form', skip: ['log-text'], result: '#log-verdict li', settle: 400 });
  await page.context().close();
});

test('the penalties page: its schedule form, credits and the risk model', async () => {
  const page = await harness.open('/penalties.html');
  await page.waitForSelector('[data-testid=pen-summary]:visible');
  const pairs = { 'sch-earnBack-target': ['sch-earnBack-periods'], 'sch-earnBack-periods': ['sch-earnBack-target'] };
  await typeEverywhere(page, { form: '#pen-form', result: '[data-testid=pen-summary]', settle: 120, pairs, empty: '[data-testid=pen-empty]' });
  await page.getByTestId('pen-mode-risk').check();
  await page.getByTestId('pen-years').selectOption('1000');
  await page.waitForFunction(() => document.querySelector('[data-testid=pen-risk-summary]').textContent !== '', null, { timeout: 60_000 });
  await typeEverywhere(page, { form: '#pen-risk-inputs', result: '[data-testid=pen-risk-summary]', settle: 250 });
  await page.context().close();
});

test('the comparison of quotes', async () => {
  const page = await harness.open('/compare.html');
  await page.waitForSelector('#cmp-table tbody tr');
  await page.getByTestId('opt-1-cal-preset').selectOption('custom');
  await typeEverywhere(page, { form: '#cmp-form', result: '#cmp-table tbody tr', settle: 120 });
  await page.context().close();
});

test('no request leaves the page origin', () => {
  assert.deepEqual(harness.foreignRequests(), []);
});
