// Shoots every page, in the states people see them in, at 1280 and 390 px into docs/screenshots/ (PNG):
// the pictures the README shows. `node scripts/screenshots.mjs` after a build. The copies kept in the
// repository are reduced to 128 colours, to keep it small.
import { mkdirSync } from 'node:fs';
import { serve } from './serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';
import { PAGES } from '../tests/e2e/pages.mjs';

const out = new URL('../docs/screenshots/', import.meta.url);
mkdirSync(out, { recursive: true });
const server = await serve({ port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
for (const [name, path, prepare] of PAGES) {
  for (const width of [1280, 390]) {
    const page = await (await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB', colorScheme: 'light' })).newPage();
    await page.goto(origin + path);
    await page.waitForSelector('html[data-ready="true"]');
    await prepare(page);
    await page.waitForTimeout(300);
    const file = new URL(`${slug(name)}-${width}.png`, out);
    await page.screenshot({ path: file.pathname, fullPage: true });
    console.log(file.pathname);
    await page.context().close();
  }
}
await browser.close();
server.close();
