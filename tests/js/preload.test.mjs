// The calculator's page names every module its first result needs in <link rel=modulepreload>, so the
// browser fetches them at once instead of one import after another: each link names a file that is
// there, and every module app.js reaches by static imports is preloaded.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../../www/', import.meta.url));

/** The modules `file` reaches by static imports, itself excluded (paths relative to www/). */
function staticGraph(file, seen = new Set()) {
  const text = readFileSync(join(www, file), 'utf8');
  for (const [, spec] of text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    const dep = relative(www, join(www, dirname(file), spec));
    if (!seen.has(dep)) {
      seen.add(dep);
      staticGraph(dep, seen);
    }
  }
  return seen;
}

test('the calculator preloads every module of its first result, and nothing that is not there', () => {
  const html = readFileSync(join(www, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="([^"]+)"/g)].map((m) => m[1]);
  for (const href of preloaded) assert.ok(existsSync(join(www, href)), `index.html preloads ${href}, which is not in www/`);
  const graph = staticGraph('app.js');
  assert.ok(graph.has('core.js') && graph.size >= 5, [...graph].join(', '));
  // The core's glue is imported when the page asks for the core; its own imports (a snippet) with it.
  for (const m of [...graph, 'pkg/slacalc.js', ...staticGraph('pkg/slacalc.js')]) assert.ok(preloaded.includes(m), `index.html does not preload ${m}`);
  assert.ok(preloaded.includes('pkg/slacalc_bg.wasm'));
});
