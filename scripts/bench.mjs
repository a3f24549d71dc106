// The WASM half of `npm run bench`: budget() calls per second in Node (median of runs), the ratio to native,
// the bytes the page loads (raw and gzip) and the time to the first result in Chromium (median of loads).
import { pageWeight } from './page-weight.mjs';
import { serve } from './serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import slacalc from '../tests/js/load.mjs';

const RUNS = 9;
const CALLS = 50_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function rate(f) {
  const rates = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) f(i);
    rates.push(CALLS / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

const targets = ['99', '99.9', '99.95', '99.999'];
const periods = ['month', 'P14D', '2026-02', '2026-03-01/2026-03-15'];
const wasm = rate((i) => slacalc.budget({ target: targets[i % 4], period: periods[(i >> 2) % 4] }));
const native = Number(process.argv[2]);
console.log(`wasm budget() in Node ${process.version}: ${wasm.toFixed(0)} calls/s`);
if (native > 0) console.log(`wasm / native: ${(wasm / native).toFixed(2)} (native ${native} calls/s)`);
const achieved = rate((i) => slacalc.achieved({ downtime: ['PT1H20M', 4800, '1 h 20 min', 0.5][i % 4], period: 'month' }));
console.log(`wasm achieved() in Node: ${achieved.toFixed(0)} calls/s`);

// What the calculator loads before its first result, as Chromium fetched it (24x7; hours load more on demand).
for (const path of ['/', '/?target=99.5&period=month&hours=Mon-Fri%2008%3A00-18%3A00&tz=Europe%2FBerlin']) {
  const w = await pageWeight(path);
  console.log(`page weight of ${path}: ${w.files.length} files, ${w.raw} B raw, ${w.gzip} B gzip`);
  for (const f of w.files) console.log(`  ${f.file.padEnd(28)} ${String(f.raw).padStart(8)} B  ${String(f.gzip).padStart(7)} B gzip`);
}

const server = await serve({ port: 0 });
const browser = await launch();
const cold = [];
const warm = [];
const afterFiles = [];
const firstResult = (page) => page.evaluate(() => Number(document.documentElement.dataset.firstResultMs));
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('html[data-ready="true"]');
  cold.push(await firstResult(page));
  const filesDone = await page.evaluate(() => Math.max(...performance.getEntriesByType('resource').map((r) => r.responseEnd)));
  afterFiles.push(Math.round(cold.at(-1) - filesDone));
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  warm.push(await firstResult(page));
  await context.close();
}
// The penalties page: choosing risk, the first figures (the headline years) and then everything (the
// grid, the break-even and the ladder), 10 000 years by default; the worker was given the page's module.
const firstFigures = [];
const everything = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/penalties.html`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForTimeout(300);
  const [first, all] = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const t0 = performance.now();
        /** @type {HTMLInputElement} */ (document.querySelector('[data-testid=pen-mode-risk]')).click();
        let first;
        const poll = () => {
          const shown = document.querySelector('[data-testid=pen-risk-summary]').textContent.startsWith('Over');
          if (shown && first === undefined) first = performance.now() - t0;
          if (shown && /** @type {HTMLElement} */ (document.querySelector('#pen-risk-busy')).hidden) resolve([first, performance.now() - t0]);
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }),
  );
  firstFigures.push(Math.round(first));
  everything.push(Math.round(all));
  await context.close();
}
// The calculator: from a key pressed in the target or downtime field to the frame after the page updated.
const keys = [];
{
  const page = await (await browser.newContext()).newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('html[data-ready="true"]');
  await page.evaluate(() => {
    /** @type {any} */ (window).lat = [];
    document.addEventListener('keydown', (e) => requestAnimationFrame(() => setTimeout(() => /** @type {any} */ (window).lat.push(performance.now() - e.timeStamp))), true);
  });
  for (const [id, text] of [['target', '99.95'], ['downtime', '1 h 20 min'], ['target', '99.5']]) {
    await page.fill(`#${id}`, '');
    await page.focus(`#${id}`);
    for (const ch of text) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(100);
    }
  }
  keys.push(...(await page.evaluate(() => /** @type {any} */ (window).lat)));
}
await browser.close();
server.close();
const sorted = (xs) => [...xs].sort((a, b) => a - b);
console.log(`penalties page, choosing risk (10 000 years), ms (aim: first figures within 300 ms):`);
console.log(`  first figures: median ${median(firstFigures)} (runs: ${firstFigures.join(', ')})`);
console.log(`  everything:    median ${median(everything)} (runs: ${everything.join(', ')})`);
console.log(
  `calculator, key to the next frame, ms (aim: 16): median ${median(keys).toFixed(1)}, 90th percentile ${sorted(keys)[Math.floor(keys.length * 0.9)].toFixed(1)}, max ${Math.max(...keys).toFixed(1)} (${keys.length} keys)`,
);
console.log(`first result on screen in Chromium, ms after navigation start (aim: under 100 ms):`);
console.log(`  new profile:  median ${median(cold)} (runs: ${cold.join(', ')})`);
console.log(`    of which after the last file arrived: median ${median(afterFiles)} (runs: ${afterFiles.join(', ')})`);
console.log(`  reload:       median ${median(warm)} (runs: ${warm.join(', ')})`);
