// Every page checked with axe-core in Chromium, with results on screen: no serious or critical violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pageHarness } from './browser.mjs';

const harness = pageHarness({ before, after });
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy is left as it is.
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

const PAGES = [
  ['the calculator', '/', async () => {}],
  ['the calculator with service hours', '/#target=99.9&period=month&hours=8x5', async () => {}],
  ['the outage log with a report', '/logs.html', async (page) => {
    await page.getByTestId('log-example').click();
    await page.waitForSelector('#log-report:not([hidden])');
  }],
  ['penalties: credits', '/penalties.html', async () => {}],
  ['penalties: risk', '/penalties.html', async (page) => {
    await page.getByTestId('pen-mode-risk').check();
    await page.getByTestId('pen-years').selectOption('1000');
    await page.waitForFunction(() => document.querySelector('[data-testid=pen-risk-summary]').textContent !== '', null, { timeout: 60_000 });
  }],
  ['compare quotes', '/compare.html', async () => {}],
  ['embed examples', '/examples.html', async (page) => page.waitForSelector('sla-compare[data-state=ready]')],
];

for (const [name, path, prepare] of PAGES) {
  test(`axe: ${name}`, async () => {
    const page = await harness.open(path);
    await prepare(page);
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });
}
