// Every page checked with axe-core in Chromium, with results on screen: no serious or critical violation.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pageHarness } from './browser.mjs';
import { PAGES } from './pages.mjs';

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


for (const [name, path, prepare] of PAGES) {
  for (const width of [390, 1280]) {
    test(`axe: ${name} at ${width} px`, async () => {
      const page = await harness.open(path, harness.problems, { viewport: { width, height: 900 } });
      await prepare(page);
      assert.deepEqual(await violations(page), []);
      await page.context().close();
    });
  }
}
