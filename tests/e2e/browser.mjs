// Launches Debian's Chromium through playwright-core (no browser download), with the flags this machine needs.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The page served on a free port and one Chromium for a test file, started before its tests and stopped
 * after them. `open(path)` gives a fresh page once the WASM has loaded; every request is recorded in
 * `requests`, and console errors, page errors and Content-Security-Policy violations in `problems` (or in
 * the list given).
 */
export function pageHarness({ before, after }) {
  const harness = { origin: '', requests: [], problems: [] };
  let server;
  let browser;
  before(async () => {
    const { serve } = await import('../../scripts/serve.mjs');
    server = await serve({ port: 0 });
    harness.origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  harness.open = async (path = '/', seen = harness.problems, { locale = 'en-US', viewport = { width: 1280, height: 900 } } = {}) => {
    // A fixed locale, so that figures formatted for the reader do not depend on this machine's settings.
    const page = await (await browser.newContext({ acceptDownloads: true, locale, viewport })).newPage();
    // A page that does not answer fails its test in seconds, not minutes.
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => harness.requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
    page.on('pageerror', (e) => seen.push(e.message));
    await page.exposeFunction('reportViolation', (v) => seen.push(`CSP violation: ${v}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    await page.goto(harness.origin + path);
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  };
  /** The requests that left the page's origin: none are allowed. */
  harness.foreignRequests = () => harness.requests.filter((u) => !u.startsWith(harness.origin) && !u.startsWith('data:'));
  return harness;
}
