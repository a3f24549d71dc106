// Every page at a phone's width (390 px) and a laptop's (1280 px), in the states people see: the page
// never scrolls sideways, forms stack in one column on the phone, every control can be reached, and wide
// tables scroll inside their own box.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { pageHarness } from './browser.mjs';
import { PAGES } from './pages.mjs';

const harness = pageHarness({ before, after });


for (const [name, path, prepare] of PAGES) {
  for (const width of [390, 1280]) {
    test(`${name} at ${width} px`, async () => {
      const page = await harness.open(path, harness.problems, { viewport: { width, height: 900 } });
      await prepare(page);
      const report = await page.evaluate((w) => {
        const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const out = [];
        for (const e of document.querySelectorAll('main button, main input, main select, main textarea, main a, nav a')) {
          if (!visible(e) || e.closest('.table-wrap, pre')) continue;
          const r = e.getBoundingClientRect();
          if (r.left < -1 || r.right > w + 1) out.push(`${e.tagName.toLowerCase()}#${e.id || e.textContent.trim().slice(0, 20)} spans ${Math.round(r.left)} to ${Math.round(r.right)}`);
        }
        for (const e of document.querySelectorAll('.table-wrap, figure svg, pre')) {
          if (visible(e) && e.getBoundingClientRect().right > w + 1) out.push(`${e.className || e.tagName} ends at ${Math.round(e.getBoundingClientRect().right)}`);
        }
        const columns = getComputedStyle(document.querySelector('main')).gridTemplateColumns.split(' ').filter(Boolean).length;
        return { scroll: document.documentElement.scrollWidth, out, columns, display: getComputedStyle(document.querySelector('main')).display };
      }, width);
      assert.ok(report.scroll <= width + 1, `${report.scroll} px wide at ${width} px: the page scrolls sideways`);
      assert.deepEqual(report.out, []);
      if (width === 390 && report.display === 'grid') assert.equal(report.columns, 1, 'one column on a phone');
      if (width === 1280 && report.display === 'grid') assert.equal(report.columns, 2, 'form and results side by side on a laptop');
      await page.context().close();
    });
  }
}

test('nothing is logged as an error', () => {
  assert.deepEqual(harness.problems, []);
});
