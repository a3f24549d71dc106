// A page at http://bench.invalid/ in Debian's Chromium whose files come from `routes` (a path to
// { body } or { path }, with its contentType), so that benchmarks load slacalc as a page would, with no
// server. Resolves to the browser (close it when done) and the page.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';

/** The routes of a built module of www/ (`pkg` or `pkg-analysis`): its glue, its snippets and its WASM,
 *  served under `/at/` (the module's own name by default). */
export function moduleRoutes(name, at = name) {
  const dir = fileURLToPath(new URL(`../www/${name}/`, import.meta.url));
  const routes = {
    [`/${at}/slacalc.js`]: { path: `${dir}slacalc.js`, contentType: 'text/javascript' },
    [`/${at}/slacalc_bg.wasm`]: { path: `${dir}slacalc_bg.wasm`, contentType: 'application/wasm' },
  };
  for (const f of readdirSync(`${dir}snippets`, { recursive: true })) {
    if (String(f).endsWith('.js')) routes[`/${at}/snippets/${f}`] = { path: `${dir}snippets/${f}`, contentType: 'text/javascript' };
  }
  return routes;
}

export async function benchPage(routes, contextOptions = {}) {
  const browser = await launch();
  const page = await (await browser.newContext(contextOptions)).newPage();
  await page.route('http://bench.invalid/**', (route) => {
    const r = routes[new URL(route.request().url()).pathname];
    return r ? route.fulfill({ status: 200, ...r }) : route.fulfill({ status: 404 });
  });
  await page.goto('http://bench.invalid/');
  return { browser, page };
}
