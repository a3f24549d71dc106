// A page at http://bench.invalid/ in Debian's Chromium whose files come from `routes` (a path to
// { body } or { path }, with its contentType), so that benchmarks load slacalc as a page would, with no
// server. Resolves to the browser (close it when done) and the page.
import { launch } from '../tests/e2e/browser.mjs';

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
