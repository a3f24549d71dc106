// Simulated contract years per second in WASM, in Node and in Chromium, against numpy (bench/.venv) in the
// same run: 100 000 years of the AWS region-level tiers, monthly, 2 incidents a month, median 30 min,
// 90% within 4 h. Medians; prints figures, never fails on timing.
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import slacalc from '../tests/js/load-analysis.mjs';
import { benchPage, moduleRoutes } from './page.mjs';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const input = (schedule) => ({ schedule, model: { incidentsPerMonth: 2, median: 'PT30M', p90: 'PT4H' }, charges: 10000, years: 100000, seed: 7 });
const schedule = slacalc.creditPresets().find((p) => p.id === 'aws-compute-region');

const node = [];
let mean;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  mean = slacalc.risk(input(schedule)).mean;
  node.push(performance.now() - t);
}
console.log(`WASM in Node: 100000 contract years in ${median(node).toFixed(0)} ms (median of 5); mean credits ${mean} a year`);

const { browser, page } = await benchPage({
  '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' },
  ...moduleRoutes('pkg-analysis'),
});
const chromium = await page.evaluate(async (input) => {
  const s = await import('/pkg-analysis/slacalc.js');
  await s.default();
  const ms = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    s.risk(input);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[2];
}, input(schedule));
console.log(`WASM in Chromium ${browser.version()}: 100000 contract years in ${chromium.toFixed(0)} ms (median of 5; aim: under 1 000 ms): ${(1e8 / chromium).toFixed(0)} years/s`);
await browser.close();

try {
  const out = execFileSync(file('.venv/bin/python'), [file('numpy_risk.py')], { encoding: 'utf8' });
  const ms = Number(/NUMPY_MS=(\d+)/.exec(out)[1]);
  console.log(out.replace(/NUMPY_MS=\d+\n?/, '').trim());
  console.log(`numpy / slacalc (Chromium): ${(ms / chromium).toFixed(2)}x; numpy / slacalc (Node): ${(ms / median(node)).toFixed(2)}x`);
} catch (e) {
  console.log(`numpy not measured: ${e.message.split('\n')[0]}`);
}
