// The custom elements on the examples page, which is served with a strict Content-Security-Policy: their
// output read from their shadow roots, attribute changes, a bad attribute, and no CSP violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });

test('<sla-budget> and <sla-compare> inside a strict CSP', async () => {
  const page = await harness.open('/examples.html');
  const csp = await (await page.request.get(`${harness.origin}/examples.html`)).headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.waitForSelector('sla-compare[data-state=ready]');
  await page.waitForSelector('sla-budget[data-testid=ex-budget][data-state=ready]');
  // 0.1% of an average month (2 629 746 s) = 2 629.746 s.
  assert.equal(await page.getByTestId('ex-budget').locator('.big').textContent(), '43 min 49.746 s');
  // 1% of 14 days of Mon-Fri 09:00-17:00 (80 h) = 48 min.
  await page.waitForSelector('sla-budget[data-testid=ex-budget-hours][data-state=ready]');
  assert.equal(await page.getByTestId('ex-budget-hours').locator('.big').textContent(), '48 min');
  assert.equal(await page.getByTestId('ex-budget-bad').locator('.error').textContent(), 'target "100.5" must be greater than 0 and at most 100');
  // The element follows its attributes: 99.99% of an average year = 3 155.6952 s.
  await page.getByTestId('ex-budget').evaluate((e) => { e.setAttribute('target', '99.99'); e.setAttribute('period', 'year'); });
  await page.waitForFunction(() => document.querySelector('[data-testid=ex-budget]').shadowRoot.querySelector('.big').textContent === '52 min 35.6952 s');
  // The comparison: the example scenario, three options, and the verdict.
  assert.deepEqual(await page.getByTestId('ex-compare').locator('tbody th').allTextContents(), ['Internal IT', 'Provider A', 'Provider B']);
  assert.equal(await page.getByTestId('ex-compare').locator('tbody tr', { hasText: 'Provider B' }).locator('td').first().textContent(), '1 h 5 min 44.619 s');
  const lines = await page.getByTestId('ex-compare').locator('li').allTextContents();
  assert.ok(lines.includes("Provider B promises 99.95% measured quarterly on 24x7: on your basis that allows up to 1 h 5 min 44.619 s of downtime, more than the internal service's expected 20 min 52 s."));
  // A damaged state is a message in the element.
  await page.getByTestId('ex-compare').evaluate((e) => e.setAttribute('state', 'abc'));
  await page.waitForSelector('sla-compare[data-state=error]');
  assert.equal(await page.getByTestId('ex-compare').locator('.error').textContent(), 'the link is damaged: it was cut short or edited');
  await page.context().close();
});

test('no request leaves the page origin and no CSP violation or error is logged', () => {
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(harness.problems, []);
});
