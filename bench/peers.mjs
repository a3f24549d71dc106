// `node bench/peers.mjs` (run by scripts/bench.sh with TZ=Europe/London): the calendar benchmark in Node, then
// in Chromium, where every file is served from disk by request interception (no server, no network).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpeningHours from 'opening_hours';
import slacalc from '../tests/js/load.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { report, run } from './calendar-bench.mjs';

const file = (path) => fileURLToPath(new URL(path, import.meta.url));
const tzif = readFileSync(file('../www/tz/Europe/London.tzif'));

report(`Node ${process.version}`, run({ slacalc, OpeningHours, tzif }));

const routes = {
  '/': { body: '<!doctype html><script type="importmap">{"imports":{"suncalc":"/suncalc.mjs"}}</script>', type: 'text/html' },
  '/suncalc.mjs': { body: 'export const getTimes = (...a) => globalThis.SunCalc.getTimes(...a);', type: 'text/javascript' },
  '/suncalc.js': { path: file('node_modules/suncalc/suncalc.cjs'), type: 'text/javascript' },
  '/opening_hours.mjs': { path: file('node_modules/opening_hours/build/opening_hours.esm.mjs'), type: 'text/javascript' },
  '/calendar-bench.mjs': { path: file('calendar-bench.mjs'), type: 'text/javascript' },
  '/pkg/slacalc.js': { path: file('../www/pkg/slacalc.js'), type: 'text/javascript' },
  '/pkg/slacalc_bg.wasm': { path: file('../www/pkg/slacalc_bg.wasm'), type: 'application/wasm' },
  '/tz/Europe/London.tzif': { path: file('../www/tz/Europe/London.tzif'), type: 'application/octet-stream' },
};
const browser = await launch();
const context = await browser.newContext({ timezoneId: 'Europe/London' });
const page = await context.newPage();
await page.route('http://bench.invalid/**', (route) => {
  const r = routes[new URL(route.request().url()).pathname];
  return r ? route.fulfill({ status: 200, contentType: r.type, body: r.body, path: r.path }) : route.fulfill({ status: 404 });
});
await page.goto('http://bench.invalid/');
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
