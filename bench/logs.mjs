// The log pipeline (parse + merge + attainment every way) on 1 000 000 outages: in WASM in Node and in
// Chromium, on 24x7 and on office hours; then slacalc against the fairest peers (bench/log_peers.py),
// interleaved, on a log of 10 000 outages, the 1 000 000 and a million separate ones (argv 3 and 4); and
// with any fifth argument, 5 000 000 rows read in Chromium as the page reads a file, with the memory they
// take.
// Run by scripts/bench.sh after the native figures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import slacalc from '../tests/js/load-analysis.mjs';
import { benchPage, moduleRoutes } from './page.mjs';

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
  ...moduleRoutes('pkg-analysis'),
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

// The fairest peers, interleaved with slacalc in Chromium and natively on the same files: each round runs
// slacalc's WASM in Chromium (reading the file's bytes the page holds, as the Outage log page does),
// slacalc's native binary (reading the file) and each peer (bench/log_peers.py: pandas with the pyarrow engine, polars and DuckDB,
// each with numpy, doing the same work, checked against slacalc's figures first).
const python = file('.venv/bin/python');
const native = file('peers-rs/target/release/logs');
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const logs = [process.argv[3], path, process.argv[4]].filter(Boolean);
const chromium = await benchPage({
  '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' },
  ...moduleRoutes('pkg-analysis'),
  ...Object.fromEntries(logs.map((l, k) => [`/log-${k}.csv`, { path: l, contentType: 'text/csv' }])),
});
await chromium.page.evaluate(async () => {
  const s = await import('/pkg-analysis/slacalc.js');
  await s.default();
  /** @type {any} */ (window).slacalc = s;
});
for (const [k, log] of logs.entries()) {
  let peers;
  try {
    peers = JSON.parse(execFileSync(python, [file('log_peers.py'), 'check', log, native], { encoding: 'utf8' }));
  } catch (e) {
    console.log(`peers not measured on ${log}: ${e.message.split('\n')[0]}`);
    continue;
  }
  const times = { 'slacalc, WASM in Chromium': [], 'slacalc, native': [], ...Object.fromEntries(peers.map((p) => [p, []])) };
  // The page holds the file's bytes, as the peers have the file in the page cache (the benchmark's own
  // transport into the browser is slower than any disk, so it is left out), and reads them as the
  // Outage log page reads a file: 1 MB pieces of bytes into an OutageLog, then measured.
  await chromium.page.evaluate(async (url) => {
    /** @type {any} */ (window).bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  }, `/log-${k}.csv`);
  for (let round = 0; round < 5; round++) {
    times['slacalc, WASM in Chromium'].push(
      await chromium.page.evaluate(() => {
        const { slacalc, bytes } = /** @type {any} */ (window);
        const t = performance.now();
        const log = new slacalc.OutageLog('UTC');
        for (let at = 0; at < bytes.length; at += 1 << 20) log.push(bytes.subarray(at, at + (1 << 20)));
        log.finish();
        log.attainment({ target: '99.9', span: '2026' });
        log.free();
        return performance.now() - t;
      }),
    );
    times['slacalc, native'].push(Number(execFileSync(native, [log, '--once'], { encoding: 'utf8' })));
    for (const p of peers) times[p].push(Number(execFileSync(python, [file('log_peers.py'), 'once', log, p.split(' ')[0]], { encoding: 'utf8' })));
  }
  const ours = summary(times['slacalc, WASM in Chromium']).median;
  console.log(`${log}, 24x7, read + merge + every measurement, the same figures checked; 5 interleaved rounds, ms:`);
  for (const [name, xs] of Object.entries(times)) {
    const s = summary(xs);
    const ratio = name.startsWith('slacalc, WASM') ? '' : `  ${(s.median / ours).toFixed(2)} x slacalc in Chromium`;
    console.log(`  ${name.padEnd(50)} median ${s.median.toFixed(0).padStart(6)}  min ${s.min.toFixed(0).padStart(6)}  max ${s.max.toFixed(0).padStart(6)}${ratio}`);
  }
}
await chromium.browser.close();

// Five million rows in Chromium, read as the Outage log page reads a file (1 MB pieces of bytes into an
// OutageLog): the time, and the WASM memory the log holds once read (the module's memory grows and never
// shrinks, so its growth over the read is an upper bound). The page makes the log itself, the same rows
// as bench/make-log.mjs writes (a 250 MB response is more than the browser's test protocol carries).
if (process.argv[5]) {
  const rows = 5_000_000;
  const big = await benchPage({
    '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' },
    ...moduleRoutes('pkg-analysis'),
    '/make-log.mjs': { path: file('make-log.mjs'), contentType: 'text/javascript' },
  });
  const r = await big.page.evaluate(async (rows) => {
    const s = await import('/pkg-analysis/slacalc.js');
    const { logPieces } = await import('/make-log.mjs');
    const wasm = await s.default();
    const encoder = new TextEncoder();
    const pieces = [];
    for (const text of logPieces(rows, 20_000)) pieces.push(encoder.encode(text));
    const bytes = pieces.reduce((n, p) => n + p.length, 0);
    const before = wasm.memory.buffer.byteLength;
    const t = performance.now();
    const log = new s.OutageLog('UTC');
    for (const piece of pieces) for (let at = 0; at < piece.length; at += 1 << 20) log.push(piece.subarray(at, at + (1 << 20)));
    log.finish();
    const read = performance.now() - t;
    const held = wasm.memory.buffer.byteLength - before;
    const result = log.attainment({ target: '99.9', span: '2026' });
    const all = performance.now() - t;
    log.free();
    return { read, all, held, bytes, outages: result.outages, total: wasm.memory.buffer.byteLength };
  }, rows);
  await big.browser.close();
  console.log(
    `${rows} rows (${(r.bytes / 1e6).toFixed(0)} MB) in Chromium: ${r.outages} outages read in ${r.read.toFixed(0)} ms, read and measured every way in ${r.all.toFixed(0)} ms; ` +
      `the module's memory grew ${(r.held / 1e6).toFixed(0)} MB while reading (${(r.held / r.outages).toFixed(1)} bytes an outage), ${(r.total / 1e6).toFixed(0)} MB in all after measuring`,
  );
}
