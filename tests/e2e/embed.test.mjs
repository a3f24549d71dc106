// The custom elements on the examples page, which is served with a strict Content-Security-Policy: their
// output read from their shadow roots, attribute changes, bad attributes, one render per element, a
// misspelt zone, and a page of another site embedding them (with and without CORS headers).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { pageHarness } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';

const harness = pageHarness({ before, after });

test('<sla-budget>, <sla-attainment> and <sla-compare> inside a strict CSP', async () => {
  const page = await harness.open('/examples.html');
  const csp = await (await page.request.get(`${harness.origin}/examples.html`)).headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.waitForSelector('sla-compare[data-state=ready]');
  await page.waitForSelector('sla-budget[data-testid=ex-budget][data-state=ready]');
  // 0.1% of an average month (2 629 746 s) = 2 629.746 s.
  assert.equal(await page.getByTestId('ex-budget').locator('.big').textContent(), '43 min 49.746 s');
  // A contract's own hours: 0.5% of 50 h a week x 4.348125 weeks (782 662.5 s) = 3 913.3125 s.
  await page.waitForSelector('sla-budget[data-testid=ex-budget-hours][data-state=ready]');
  assert.equal(await page.getByTestId('ex-budget-hours').locator('.big').textContent(), '1 h 5 min 13.3125 s');
  assert.equal(await page.getByTestId('ex-budget-bad').locator('.error').textContent(), 'target "100.5" must be greater than 0 and at most 100');
  // A misspelt zone: said in the element, with the name meant, and never fetched.
  await page.waitForSelector('sla-budget[data-testid=ex-budget-zone][data-state=error]');
  assert.equal(await page.getByTestId('ex-budget-zone').locator('.error').textContent(), '“Europe/Berlim” is not a time zone slacalc knows: did you mean Europe/Berlin?');
  assert.equal(harness.requests.filter((u) => u.includes('Berlim')).length, 0);
  assert.equal(harness.requests.filter((u) => u.endsWith('/tz/zones.json')).length, 1);
  // Each element drew once, whatever the number of its attributes.
  assert.deepEqual(await page.locator('sla-budget').evaluateAll((all) => all.map((e) => e.dataset.renders)), ['1', '1', '1', '1']);
  // The element follows its attributes, once for both changes: 99.99% of an average year = 3 155.6952 s.
  await page.getByTestId('ex-budget').evaluate((e) => { e.setAttribute('target', '99.99'); e.setAttribute('period', 'year'); });
  await page.waitForFunction(() => document.querySelector('[data-testid=ex-budget]').shadowRoot.querySelector('.big')?.textContent === '52 min 35.6952 s');
  assert.equal(await page.getByTestId('ex-budget').getAttribute('data-renders'), '2');
  // The outage log from the same site, on office hours in London, and a log written inside the element.
  await page.waitForSelector('sla-attainment[data-testid=ex-attainment][data-state=ready]');
  assert.match((await page.getByTestId('ex-attainment').locator('li').allTextContents())[0], /^Measured weekly, \d+ of 53 weeks breached 99\.9%/);
  await page.waitForSelector('sla-attainment[data-testid=ex-attainment-inline][data-state=ready]');
  assert.ok((await page.getByTestId('ex-attainment-inline').locator('li').allTextContents()).includes('Measured quarterly, Q2 2026 is met at 99.58%, yet May 2026 (99.32%) and Jun 2026 (99.44%) breached monthly.'));
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

/** A page of another site (another port) that embeds slacalc from `slacalc`. */
function hostPage(slacalc) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${slacalc} 'wasm-unsafe-eval'; connect-src 'self' ${slacalc}">
<script type="module" src="${slacalc}/embed.js"></script></head><body>
<sla-budget target="99.5" period="month" hours="Mon-Fri 08:00-18:00" zone="Europe/Berlin">99.5% of office hours: loading…</sla-budget>
</body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('a page of another site embeds the elements when slacalc is served with --cors, and keeps its own text without', async () => {
  for (const cors of ['*', '']) {
    const slacalc = await serve({ port: 0, cors });
    const origin = `http://127.0.0.1:${slacalc.address().port}`;
    const host = await hostPage(origin);
    const seen = [];
    const page = await (await (await import('./browser.mjs')).launch()).newPage();
    page.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    if (cors) {
      await page.waitForSelector('sla-budget[data-state=ready]', { timeout: 10_000 });
      assert.equal(await page.locator('sla-budget .big').textContent(), '1 h 5 min 13.3125 s');
      assert.deepEqual(seen, []);
    } else {
      // The browser refuses the module: the element keeps the text written inside it.
      await page.waitForTimeout(1500);
      assert.equal(await page.locator('sla-budget').textContent(), '99.5% of office hours: loading…');
      assert.ok(seen.some((m) => /CORS|Access-Control-Allow-Origin/.test(m)), seen.join('\n'));
    }
    await page.context().browser().close();
    host.close();
    slacalc.close();
  }
});

test('no request leaves the page origin and no CSP violation or error is logged', () => {
  assert.deepEqual(harness.foreignRequests(), []);
  assert.deepEqual(harness.problems, []);
});
