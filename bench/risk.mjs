// Simulated contract years in WASM, in Node and in Chromium, against numpy (bench/.venv), interleaved: the AWS
// region-level tiers, monthly, 2 incidents a month, median 30 min, 90% within 4 h; 100 000 and 1 000 000
// years. Medians with min and max; prints figures, never fails on timing.
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import slacalc from '../tests/js/load-analysis.mjs';
import { benchPage, moduleRoutes } from './page.mjs';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const schedule = slacalc.creditPresets().find((p) => p.id === 'aws-compute-region');
const input = (years) => ({ schedule, model: { incidentsPerMonth: 2, median: 'PT30M', p90: 'PT4H' }, charges: 10000, years, seed: 7 });

const { browser, page } = await benchPage({
  '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' },
  ...moduleRoutes('pkg-analysis'),
});
await page.evaluate(async () => {
  const s = await import('/pkg-analysis/slacalc.js');
  await s.default();
  /** @type {any} */ (window).slacalc = s;
});
const ROUNDS = 5;
for (const years of [100_000, 1_000_000]) {
  // Interleaved: slacalc in Chromium, slacalc in Node and numpy (its own timing, without starting Python),
  // five rounds; numpy's mean credits must agree with slacalc's (another random stream) within 1%.
  const times = { 'slacalc, WASM in Chromium': [], 'slacalc, WASM in Node': [], numpy: [] };
  let mean;
  let numpyMean;
  for (let round = 0; round < ROUNDS; round++) {
    times['slacalc, WASM in Chromium'].push(
      await page.evaluate((input) => {
        const t = performance.now();
        /** @type {any} */ (window).slacalc.risk(input);
        return performance.now() - t;
      }, input(years)),
    );
    const t = performance.now();
    mean = slacalc.risk(input(years)).mean;
    times['slacalc, WASM in Node'].push(performance.now() - t);
    try {
      const [ms, m] = execFileSync(file('.venv/bin/python'), [file('numpy_risk.py'), 'once', String(years)], { encoding: 'utf8' }).trim().split(' ').map(Number);
      times.numpy.push(ms);
      numpyMean = m;
    } catch (e) {
      if (round === 0) console.log(`numpy not measured: ${e.message.split('\n')[0]}`);
    }
  }
  if (numpyMean !== undefined && Math.abs(numpyMean - Number(mean)) > 0.01 * Number(mean)) console.log(`numpy's mean credits ${numpyMean} do not agree with slacalc's ${mean}`);
  const ours = median(times['slacalc, WASM in Chromium']);
  console.log(`${years.toLocaleString('en-GB').replaceAll(',', ' ')} contract years, ${ROUNDS} interleaved rounds, ms (mean credits: slacalc ${mean}, numpy ${numpyMean}):`);
  for (const [name, xs] of Object.entries(times)) {
    if (!xs.length) continue;
    const ratio = name.includes('Chromium') ? '' : `  ${(median(xs) / ours).toFixed(2)} x slacalc in Chromium (runs ${xs.map((x, i) => (x / times['slacalc, WASM in Chromium'][i]).toFixed(2)).join(', ')})`;
    console.log(`  ${name.padEnd(28)} median ${median(xs).toFixed(0).padStart(5)}  min ${Math.min(...xs).toFixed(0).padStart(5)}  max ${Math.max(...xs).toFixed(0).padStart(5)}${ratio}`);
  }
}
await browser.close();
