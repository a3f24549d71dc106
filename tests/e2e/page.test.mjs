// The calculator page in real Chromium, used as a person would: type, pick, read, share, make mistakes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });
const { open, requests, problems } = harness;

const text = (page, id) => page.getByTestId(id).textContent();

test('first load shows 99.9% of an average month', async () => {
  const page = await open();
  assert.equal(await text(page, 'allowed'), '43 min 49.746 s');
  assert.equal(await text(page, 'period-label'), 'average Gregorian month (30.436875 days)');
  assert.match(await text(page, 'sentence'), /^99\.9% measured over an average Gregorian month/);
  // The table: 99.99% over an average year is 3 155.6952 s.
  const row = page.locator('#targets tbody tr[data-row="99.99"] td').nth(4);
  assert.equal(await row.textContent(), '52\u00a0min 35.6952\u00a0s');
  await page.context().close();
});

test('typing a target and picking 14 days updates the result and the sentence', async () => {
  const page = await open();
  await page.getByLabel('Availability target').fill('99');
  await page.getByLabel('Measured over').selectOption('fixed');
  await page.getByTestId('period-count').fill('14');
  await page.getByTestId('period-unit').selectOption('D');
  assert.equal(await text(page, 'allowed'), '3 h 21 min 36 s');
  assert.equal(await text(page, 'allowed-seconds'), '12\u202f096');
  assert.equal(
    await text(page, 'sentence'),
    '99% measured over 14 days allows 3 h 21 min 36 s of downtime: the service may be down for about 3.4 hours every fortnight and still meet its target.',
  );
  assert.equal(await text(page, 'per-0'), '14 min 24 s');
  await page.context().close();
});

test('a calendar month and a custom range use their real lengths', async () => {
  const page = await open();
  await page.getByLabel('Measured over').selectOption('month');
  await page.getByTestId('period-month').fill('2026-02');
  // 0.1% of 28 days = 2 419.2 s.
  assert.equal(await text(page, 'allowed'), '40 min 19.2 s');
  assert.equal(await text(page, 'period-label'), 'February 2026 (28 days, UTC)');
  await page.getByLabel('Measured over').selectOption('range');
  await page.getByTestId('period-from').fill('2026-03-01');
  await page.getByTestId('period-to').fill('2026-03-14');
  // 1 to 14 March, both included: 14 days; 0.1% of 1 209 600 s = 1 209.6 s.
  assert.equal(await text(page, 'period-label'), '1 March 2026 to 14 March 2026 (14 days, UTC)');
  assert.equal(await text(page, 'allowed'), '20 min 9.6 s');
  // A last day before the first is explained in the page's own terms.
  await page.getByTestId('period-to').fill('2026-02-20');
  assert.equal(await text(page, 'period-to-error'), 'The last day (2026-02-20) is before the first day (2026-03-01).');
  // The same day twice is one day.
  await page.getByTestId('period-to').fill('2026-03-01');
  assert.equal(await text(page, 'period-label'), '1 March 2026 to 1 March 2026 (1 day, UTC)');
  await page.context().close();
});

test('presets set the target and show which one is chosen, offline too', async () => {
  const page = await open();
  // Once loaded, the calculator needs no network at all.
  await page.context().setOffline(true);
  await page.getByRole('group', { name: 'Common targets' }).getByRole('button', { name: '99.95%' }).click();
  assert.equal(await page.getByLabel('Availability target').inputValue(), '99.95');
  assert.equal(await page.getByRole('button', { name: '99.95%' }).first().getAttribute('aria-pressed'), 'true');
  // 0.05% of 2 629 746 s = 1 314.873 s.
  assert.equal(await text(page, 'allowed'), '21 min 54.873 s');
  await page.context().close();
});

test('a downtime shows the availability achieved, rounded down, and the verdict', async () => {
  const page = await open();
  await page.getByLabel(/Downtime in the period/).fill('PT1H20M');
  // (2 629 746 - 4 800) / 2 629 746 = 99.8174728...%
  assert.equal(await text(page, 'availability'), '99.817472');
  assert.equal(await text(page, 'verdict'), 'misses the target');
  await page.getByLabel(/Downtime in the period/).fill('20 min');
  assert.equal(await text(page, 'verdict'), 'meets the target');
  await page.context().close();
});

test('the permalink restores the whole state in a new page', async () => {
  const page = await open();
  await page.getByLabel('Availability target').fill('99.5');
  await page.getByLabel('Measured over').selectOption('quarter');
  await page.locator('#period-quarter-year').fill('2026');
  await page.locator('#period-quarter').selectOption('3');
  await page.getByLabel(/Downtime in the period/).fill('2 h');
  const link = await page.getByTestId('permalink').getAttribute('href');
  const allowed = await text(page, 'allowed');
  // Q3 2026 has 92 days = 7 948 800 s; 0.5% = 39 744 s = 11 h 2 min 24 s.
  assert.equal(allowed, '11 h 2 min 24 s');
  await page.context().close();

  const again = await open(new URL(link).pathname + new URL(link).search);
  assert.equal(await again.getByLabel('Availability target').inputValue(), '99.5');
  assert.equal(await again.getByLabel('Measured over').inputValue(), 'quarter');
  assert.equal(await again.getByLabel(/Downtime in the period/).inputValue(), '2 h');
  assert.equal(await text(again, 'allowed'), allowed);
  assert.equal(await text(again, 'period-label'), 'Q3 2026 (1 July 2026 to 30 September 2026, 92 days, UTC)');
  await again.context().close();
});

test('bad input shows an error next to the field and keeps what was typed', async () => {
  const page = await open();
  const target = page.getByLabel('Availability target');
  await target.fill('100.5');
  const error = page.getByTestId('target-error');
  assert.equal(await error.isVisible(), true);
  assert.equal(await error.textContent(), 'The target “100.5” must be greater than 0 and at most 100.');
  assert.equal(await target.inputValue(), '100.5');
  assert.equal(await target.getAttribute('aria-invalid'), 'true');
  // The last good result stays, marked as stale.
  assert.equal(await text(page, 'allowed'), '43 min 49.746 s');
  assert.equal(await page.getByTestId('stale').isVisible(), true);

  await page.getByLabel('Measured over').selectOption('code');
  await page.getByTestId('period-code').fill('2026-02-30');
  assert.equal(await text(page, 'period-code-error'), 'The period “2026-02-30” is not a valid date: February 2026 has 28 days.');
  assert.equal(await page.getByTestId('period-code').inputValue(), '2026-02-30');

  // The link keeps what was typed, errors included.
  const again = await open(new URL(await page.getByTestId('permalink').getAttribute('href')).search.replace(/^/, '/'));
  assert.equal(await again.getByLabel('Availability target').inputValue(), '100.5');
  assert.equal(await again.getByTestId('period-code').inputValue(), '2026-02-30');
  assert.equal(await again.getByTestId('target-error').isVisible(), true);
  await again.context().close();

  await target.fill('99');
  await page.getByTestId('period-code').fill('P2W');
  assert.equal(await page.getByTestId('target-error').isVisible(), false);
  assert.equal(await page.getByTestId('period-code-error').isVisible(), false);
  assert.equal(await target.getAttribute('aria-invalid'), null);
  assert.equal(await text(page, 'allowed'), '3 h 21 min 36 s');
  await page.getByLabel(/Downtime in the period/).fill('P3W');
  assert.match(await text(page, 'downtime-error'), /^Downtime 21 d is longer than the period/);
  await page.context().close();
});

test('keyboard: the controls are labelled and reachable in order', async () => {
  const page = await open();
  await page.getByLabel('Availability target').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), '99%');
  await page.keyboard.press('Enter');
  assert.equal(await page.getByLabel('Availability target').inputValue(), '99');
  for (const input of await page.locator('#calculator input, #calculator select').all()) {
    const id = await input.getAttribute('id');
    assert.equal(await page.locator(`label[for="${id}"]`).count(), 1, `label for ${id}`);
  }
  assert.equal(await page.locator('[role="status"]#sentence').count(), 1);
  await page.context().close();
});

test('the page runs under a strict Content-Security-Policy', async () => {
  const seen = [];
  const page = await open('/', seen);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  assert.equal(await page.locator('[style]').count(), 0, 'no inline style attribute');
  // The policy is enforced: an inline script injected now does not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    return window.injected === true;
  });
  assert.equal(ran, false);
  // ... and the browser reports the violation.
  const reported = () => seen.some((p) => p.startsWith('CSP violation: script-src'));
  for (let i = 0; i < 50 && !reported(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(reported(), 'the blocked script was reported');
  await page.context().close();
});

test('no request leaves the page origin and nothing is logged as an error', () => {
  assert.ok(requests.length > 0);
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(problems, []);
});
