// The calculator's page weight: what it loads before its first result may grow by at most 5 KB gzip over
// what it loaded before this round of work (104 570 B: index.html, app.js, style.css, the glue and the
// WASM, measured with gzip -9 as scripts/page-weight.mjs measures). Sizes, not times: they do not vary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWeight } from '../../scripts/page-weight.mjs';

const BEFORE = 104_570;

test('the calculator loads at most 5 KB gzip more than before; service hours load on demand', async () => {
  const w = await pageWeight('/');
  const list = w.files.map((f) => `${f.file} ${f.gzip}`).join(', ');
  assert.ok(w.gzip <= BEFORE + 5_000, `${w.gzip} B gzip (${w.gzip - BEFORE} more): ${list}`);
  assert.ok(!w.files.some((f) => f.file.startsWith('calendar-editor') || f.file.startsWith('tz/') || f.file.startsWith('pkg-analysis/')), list);
});
