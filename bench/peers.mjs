// `node bench/peers.mjs` (run by scripts/bench.sh with TZ=Europe/London): the calendar benchmark in Node, then
// in Chromium, where every file is served from disk by request interception (no server, no network).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpeningHours from 'opening_hours';
import slacalc from '../tests/js/load-analysis.mjs';
import { benchPage, moduleRoutes } from './page.mjs';
import { report, run } from './calendar-bench.mjs';

const file = (path) => fileURLToPath(new URL(path, import.meta.url));
const tzif = readFileSync(file('../www/tz/Europe/London.tzif'));

report(`Node ${process.version}`, run({ slacalc, OpeningHours, tzif }));

const routes = {
  '/': { body: '<!doctype html><script type="importmap">{"imports":{"suncalc":"/suncalc.mjs"}}</script>', contentType: 'text/html' },
  '/suncalc.mjs': { body: 'export const getTimes = (...a) => globalThis.SunCalc.getTimes(...a);', contentType: 'text/javascript' },
  '/suncalc.js': { path: file('node_modules/suncalc/suncalc.cjs'), contentType: 'text/javascript' },
  '/opening_hours.mjs': { path: file('node_modules/opening_hours/build/opening_hours.esm.mjs'), contentType: 'text/javascript' },
  '/calendar-bench.mjs': { path: file('calendar-bench.mjs'), contentType: 'text/javascript' },
  ...moduleRoutes('pkg-analysis', 'pkg'),
  '/tz/Europe/London.tzif': { path: file('../www/tz/Europe/London.tzif'), contentType: 'application/octet-stream' },
};
const { browser, page } = await benchPage(routes, { timezoneId: 'Europe/London' });
await page.addScriptTag({ url: '/suncalc.js' });
const result = await page.evaluate(async () => {
  const slacalc = await import('/pkg/slacalc.js');
  await slacalc.default();
  const { run } = await import('/calendar-bench.mjs');
  const { default: OpeningHours } = await import('/opening_hours.mjs');
  const tzif = new Uint8Array(await (await fetch('/tz/Europe/London.tzif')).arrayBuffer());
  return run({ slacalc, OpeningHours, tzif });
});
report(`Chromium ${browser.version()}`, result);
await browser.close();
