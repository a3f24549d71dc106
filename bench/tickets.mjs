// Help-desk tickets: slacalc against pandas (bench/tickets_peer.py), interleaved, on exports of 100 000 and
// 1 000 000 tickets with state histories (bench/make-tickets.mjs). Each round runs slacalc's WASM in
// Chromium (the export's bytes in 1 MB pieces into a TicketExport, then measured, as the tickets page reads
// a file), slacalc's native binary (reading the file) and pandas (reading the file), after pandas's
// figures have been checked against slacalc's. Prints medians with min and max and pandas's time over
// slacalc's; never fails on timing.
//   node bench/tickets.mjs EXPORT-100K EXPORT-1M
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchPage, moduleRoutes } from './page.mjs';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const python = file('.venv/bin/python');
const native = file('peers-rs/target/release/tickets');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// The SLA of bench/peers-rs/src/bin/tickets.rs, which pandas computes too.
const hours = { hours: 'Mon-Fri 08:00-18:00' };
const SLA = {
  goals: [
    { priority: 'P1', resolution: 'PT4H' },
    { priority: 'P2', resolution: 'PT8H', calendar: hours },
    { priority: 'P3', resolution: 'PT24H', calendar: hours },
    { priority: 'P4', resolution: 'PT40H', calendar: hours },
  ],
  pauseStates: ['On hold'],
  attainment: '95',
};

const chromium = await benchPage({
  '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' },
  ...moduleRoutes('pkg-analysis'),
  '/make-tickets.mjs': { path: file('make-tickets.mjs'), contentType: 'text/javascript' },
});
await chromium.page.evaluate(async () => {
  const s = await import('/pkg-analysis/slacalc.js');
  await s.default();
  /** @type {any} */ (window).slacalc = s;
});
for (const [count, path] of [[100_000, process.argv[2]], [1_000_000, process.argv[3]]]) {
  try {
    console.log(execFileSync(python, [file('tickets_peer.py'), 'check', path, native], { encoding: 'utf8' }).trim());
  } catch (e) {
    console.log(`pandas not measured on ${path}: ${e.message.split('\n')[0]}`);
    continue;
  }
  // The page makes the same export's bytes itself (bench/make-tickets.mjs; 170 MB is more than the
  // browser's test protocol carries), as the tickets page holds a file's.
  await chromium.page.evaluate(async (count) => {
    const { ticketsCsv } = await import('/make-tickets.mjs');
    /** @type {any} */ (window).bytes = new TextEncoder().encode(ticketsCsv(count));
  }, count);
  const times = { 'slacalc, WASM in Chromium': [], 'slacalc, native': [], 'pandas (pyarrow engine) and numpy': [] };
  for (let round = 0; round < 5; round++) {
    times['slacalc, WASM in Chromium'].push(
      await chromium.page.evaluate((sla) => {
        const { slacalc, bytes } = /** @type {any} */ (window);
        const t = performance.now();
        const exported = new slacalc.TicketExport('UTC');
        for (let at = 0; at < bytes.length; at += 1 << 20) exported.push(bytes.subarray(at, at + (1 << 20)));
        // The figures alone, as pandas computes them (list: 'none'; the page also lists the tickets that missed).
        exported.measure({ sla, list: 'none' });
        exported.free();
        return performance.now() - t;
      }, SLA),
    );
    times['slacalc, native'].push(Number(execFileSync(native, [path, '--once'], { encoding: 'utf8' })));
    times['pandas (pyarrow engine) and numpy'].push(Number(execFileSync(python, [file('tickets_peer.py'), 'once', path], { encoding: 'utf8' })));
  }
  const ours = median(times['slacalc, WASM in Chromium']);
  console.log(`${count.toLocaleString('en')} tickets, read and measured (the same figures checked); 5 interleaved rounds, ms:`);
  for (const [name, xs] of Object.entries(times)) {
    const ratio = name.startsWith('slacalc, WASM') ? '' : `  ${(median(xs) / ours).toFixed(2)} x slacalc in Chromium`;
    console.log(`  ${name.padEnd(36)} median ${median(xs).toFixed(0).padStart(6)}  min ${Math.min(...xs).toFixed(0).padStart(6)}  max ${Math.max(...xs).toFixed(0).padStart(6)}${ratio}`);
  }
  await chromium.page.evaluate(() => delete (/** @type {any} */ (window).bytes));
}
await chromium.browser.close();
