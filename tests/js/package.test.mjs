// The npm package: what `npm pack` would publish, and that its exports load in Node by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('npm pack holds the modules, their types and the zone files, and nothing else', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const [pack] = JSON.parse(out);
  assert.equal(pack.name, 'slacalc');
  const files = pack.files.map((f) => f.path);
  for (const wanted of ['package.json', 'README.md', 'www/pkg/slacalc.js', 'www/pkg/slacalc.d.ts', 'www/pkg/slacalc_bg.wasm', 'www/pkg-analysis/slacalc.js', 'www/pkg-analysis/slacalc.d.ts', 'www/pkg-analysis/slacalc_bg.wasm', 'www/pkg-chain/slacalc.js', 'www/pkg-chain/slacalc_bg.wasm', 'www/embed.js', 'www/scenario.js', 'www/chain-state.js', 'www/tz/Europe/London.tzif']) {
    assert.ok(files.includes(wanted), wanted);
  }
  assert.deepEqual(files.filter((f) => /^(src|tests|scripts|bench|www\/[a-z]+\.html)/.test(f) || f.endsWith('.built-from')), []);
  // Every module the packed pages' scripts import is packed too, those the embeds import when they run
  // (`new URL('chain-state.js', BASE)`) among them.
  for (const file of files.filter((f) => /^www\/[\w-]+\.js$/.test(f))) {
    for (const [, dep] of readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').matchAll(/(?:from '\.\/|new URL\(')([\w-]+\.js)'/g)) {
      assert.ok(files.includes(`www/${dep}`), `${file} imports ${dep}, which is not packed`);
    }
  }
});

test('the package loads by its name: the calculator and the analysis module', async () => {
  const calculator = await import('slacalc');
  calculator.initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('slacalc/wasm'))) });
  assert.equal(calculator.budget({ target: '99.9', period: 'month' }).allowedDowntimeSeconds, '2629.746');
  const analysis = await import('slacalc/analysis');
  analysis.initSync({ module: readFileSync(fileURLToPath(import.meta.resolve('slacalc/analysis/wasm'))) });
  assert.equal(analysis.creditPresets().length, 12);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.types, './www/pkg/slacalc.d.ts');
  assert.equal(pkg.private, undefined);
});
