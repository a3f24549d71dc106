// The log pipeline (parse + merge + attainment every way) on 1 000 000 outages: in WASM in Node and in
// Chromium, on 24x7 and on office hours; pandas (read_csv + interval arithmetic, monthly and weekly only)
// if bench/.venv has it. Run by scripts/bench.sh after the native figures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import slacalc from '../tests/js/load-analysis.mjs';
import { benchPage } from './page.mjs';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const path = process.argv[2];
const text = readFileSync(path, 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const CASES = [['24x7', null], ['office hours', { preset: '8x5' }]];

function time(run, runs = 3) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const results = {};
for (const [name, calendar] of CASES) {
  let outages = 0;
  results[`node ${name}`] = time(() => {
    outages = slacalc.attainment({ outages: text, target: '99.9', span: '2026', calendar }).outages;
  });
  console.log(`WASM in Node, ${name}: ${outages} outages in ${results[`node ${name}`].toFixed(0)} ms (median of 3)`);
}

const { browser, page } = await benchPage({
  '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' },
  '/pkg-analysis/slacalc.js': { path: file('../www/pkg-analysis/slacalc.js'), contentType: 'text/javascript' },
  '/pkg-analysis/slacalc_bg.wasm': { path: file('../www/pkg-analysis/slacalc_bg.wasm'), contentType: 'application/wasm' },
  '/log.csv': { path, contentType: 'text/csv' },
});
const browserResults = await page.evaluate(async (cases) => {
  const s = await import('/pkg-analysis/slacalc.js');
  await s.default();
  const text = await (await fetch('/log.csv')).text();
  const out = {};
  for (const [name, calendar] of cases) {
    const ms = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      s.attainment({ outages: text, target: '99.9', span: '2026', calendar });
      ms.push(performance.now() - t);
    }
    out[name] = ms.sort((a, b) => a - b)[1];
  }
  // As the page reads a file: 1 MB pieces into an OutageLog, then measured; then new terms on the log kept.
  const read = [];
  const again = [];
  for (let i = 0; i < 3; i++) {
    const log = new s.OutageLog('UTC');
    let t = performance.now();
    for (let at = 0; at < text.length; at += 1 << 20) log.push(text.slice(at, at + (1 << 20)));
    log.finish();
    read.push(performance.now() - t);
    t = performance.now();
    log.attainment({ target: '99.95', span: '2026' });
    again.push(performance.now() - t);
    log.free();
  }
  out['read in 1 MB pieces (OutageLog)'] = read.sort((a, b) => a - b)[1];
  out['new terms on a log already read, 24x7'] = again.sort((a, b) => a - b)[1];
  return out;
}, CASES);
await browser.close();
for (const [name, ms] of Object.entries(browserResults)) {
  results[`chromium ${name}`] = ms;
  console.log(`WASM in Chromium ${browser.version()}, ${name}: ${ms.toFixed(0)} ms (median of 3; aim: under 1 000 ms)`);
}

try {
  const out = execFileSync(file('.venv/bin/python'), [file('pandas_log.py'), path], { encoding: 'utf8' });
  const ms = Number(/PANDAS_MS=(\d+)/.exec(out)[1]);
  console.log(out.replace(/PANDAS_MS=\d+\n?/, '').trim());
  console.log(`pandas / slacalc (Chromium, 24x7): ${(ms / results['chromium 24x7']).toFixed(1)}x; pandas / slacalc (Node, 24x7): ${(ms / results['node 24x7']).toFixed(1)}x`);
} catch (e) {
  console.log(`pandas not measured: ${e.message.split('\n')[0]}`);
}
