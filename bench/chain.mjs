// Service chains in Chromium: the exact availability of a 1 000-component estate (142 services, each a
// pair of load balancers, three of four application servers and a database, behind a shared DNS and
// sign-in), through `chain` in the chain page's module (pkg-chain, built for size) and in the analysis
// module (built for speed), against Python's fractions (bench/chain_peer.py), interleaved, every decimal
// compared; then the estate's money back to back (each load balancer a provider), simulated. Medians with
// min and max; prints figures, never fails on timing.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchPage, moduleRoutes } from './page.mjs';

const file = (p) => fileURLToPath(new URL(p, import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The estate as `chain` takes it; with `money`, each load balancer a provider paid 100 a month for 10%
 *  below 99.95%, the customer 1 000 000 a month for 10% below 99%. */
function estate(money) {
  const parts = [{ name: 'dns', availability: '100' }, { name: 'sign-in', availability: '99.99' }];
  const services = [];
  for (let s = 0; s < 142; s++) {
    const n = (what) => `${what} ${s}`;
    for (const lb of ['lb a', 'lb b']) parts.push({ name: n(lb), availability: '99.95', ...(money ? { fee: '100', credits: { flat: '10' } } : {}) });
    for (let a = 1; a <= 4; a++) parts.push({ name: n(`app ${a}`), availability: `99.${5 + a}` });
    parts.push({ name: n('db'), availability: '99.995' });
    parts.push({ name: n('lb'), parallel: [n('lb a'), n('lb b')] });
    parts.push({ name: n('apps'), need: 3, of: [1, 2, 3, 4].map((a) => n(`app ${a}`)) });
    parts.push({ name: n('service'), series: ['dns', 'sign-in', n('lb'), n('apps'), n('db')] });
    services.push(n('service'));
  }
  parts.push({ name: 'estate', series: services });
  const request = { parts, target: '99' };
  if (money) request.money = { charges: '1000000', credits: { target: '99', flat: '10' }, years: money, seed: 1 };
  return request;
}

const { browser, page } = await benchPage(
  { '/': { body: '<!doctype html><title>bench</title>', contentType: 'text/html' }, ...moduleRoutes('pkg-chain'), ...moduleRoutes('pkg-analysis') },
);
await page.evaluate(async () => {
  for (const name of ['pkg-chain', 'pkg-analysis']) {
    const s = await import(`/${name}/slacalc.js`);
    await s.default();
    /** @type {any} */ (window)[name] = s;
  }
});
const time = (name, request) =>
  page.evaluate(([name, request]) => {
    const t = performance.now();
    const r = /** @type {any} */ (window)[name].chain(request);
    return [performance.now() - t, r.availability.exact, r.money];
  }, [name, request]);

const ROUNDS = 7;
const times = { 'slacalc, pkg-chain (Chromium)': [], 'slacalc, pkg-analysis (Chromium)': [], 'Python fractions': [] };
let ours;
let theirs;
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['pkg-chain', 'pkg-analysis']) {
    const [ms, exact] = await time(name, estate());
    times[`slacalc, ${name} (Chromium)`].push(ms);
    ours = exact;
  }
  const [ms, text] = execFileSync('python3', [file('chain_peer.py'), '1'], { encoding: 'utf8' }).trim().split(' ');
  times['Python fractions'].push(Number(ms));
  theirs = text;
}
console.log(`Exact availability of the 1 000-component estate (the whole request: reading, every part's figure, the worst case, the verdict), ${ROUNDS} interleaved rounds, ms; ${ours.length} characters, ${ours === theirs ? 'the same to the last decimal as Python' : `NOT the same as Python: ${ours.slice(0, 30)} against ${theirs.slice(0, 30)}`}:`);
const base = median(times['slacalc, pkg-chain (Chromium)']);
for (const [name, xs] of Object.entries(times)) {
  console.log(`  ${name.padEnd(34)} median ${median(xs).toFixed(1).padStart(7)}  min ${Math.min(...xs).toFixed(1).padStart(7)}  max ${Math.max(...xs).toFixed(1).padStart(7)}  ${(median(xs) / base).toFixed(2)} x pkg-chain`);
}

// The money: the estate's outages simulated year by year (at most 4 million outage starts and ends an
// answer, so the years asked for may be cut).
for (const name of ['pkg-chain', 'pkg-analysis']) {
  const xs = [];
  let money;
  for (let round = 0; round < 5; round++) {
    const [ms, , m] = await time(name, estate(1000));
    xs.push(ms);
    money = m;
  }
  console.log(`Money back to back of the estate in ${name} (Chromium): ${money.years} contract years (${money.providers.length} providers) in a median of ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}); up ${money.simulatedAvailability}% simulated, ${money.closedFormAvailability}% closed form; net exposure ${money.net.mean} a year.`);
}
await browser.close();
