// The bytes a page loads before its first result: every file of its own origin that Chromium fetched by
// the time the page says it is ready, read from www/ and measured raw and gzip -9.
// `node scripts/page-weight.mjs [page ...]` prints a table; pageWeight() is used by the benchmark and a test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const ROOT = new URL('../www/', import.meta.url);

/**
 * The files `path` loads (same origin), each with its raw and gzip size, and the totals.
 * @param {string} path
 * @returns {Promise<{ files: { file: string, raw: number, gzip: number }[], raw: number, gzip: number }>}
 */
export async function pageWeight(path, { browser, origin } = {}) {
  const own = !browser;
  const server = origin ? null : await serve({ port: 0 });
  const base = origin ?? `http://127.0.0.1:${server.address().port}`;
  const b = browser ?? (await launch());
  const page = await (await b.newContext()).newPage();
  const loaded = new Set();
  page.on('requestfinished', (r) => {
    const url = new URL(r.url());
    if (url.origin === base) loaded.add(url.pathname === '/' ? '/index.html' : url.pathname);
  });
  await page.goto(base + path);
  await page.waitForSelector('html[data-ready="true"]');
  await page.context().close();
  if (own) await b.close();
  server?.close();
  const files = [...loaded].sort().map((p) => {
    const bytes = readFileSync(new URL(p.slice(1), ROOT));
    return { file: p.slice(1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of process.argv.length > 2 ? process.argv.slice(2) : ['/']) {
    const w = await pageWeight(path);
    console.log(`${path}: ${w.files.length} files, ${w.raw} B raw, ${w.gzip} B gzip`);
    for (const f of w.files) console.log(`  ${f.file.padEnd(28)} ${String(f.raw).padStart(8)} B  ${String(f.gzip).padStart(7)} B gzip`);
  }
}
