// The scenarios in examples/<function>/*.json, run in both WASM modules in Node: each request gives the
// response checked natively (tests/examples.rs) and through the command line (cli/tests/examples.rs),
// or throws the same error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import calculator from './load.mjs';
import analysis from './load-analysis.mjs';

const root = new URL('../../examples/', import.meta.url);
const examples = [];
for (const fn of readdirSync(root)) {
  if (!statSync(new URL(fn, root)).isDirectory()) continue;
  for (const file of readdirSync(new URL(`${fn}/`, root))) {
    if (file.endsWith('.json')) examples.push({ fn, file, ...JSON.parse(readFileSync(new URL(`${fn}/${file}`, root), 'utf8')) });
  }
}

for (const [name, m] of [['calculator', calculator], ['analysis', analysis]]) {
  test(`every example gives its response in the ${name} module`, () => {
    let count = 0;
    for (const ex of examples) {
      if (typeof m[ex.fn] !== 'function') continue;
      const call = () => (ex.fn === 'table' ? m.table() : m[ex.fn](ex.request));
      const where = `${ex.fn}/${ex.file}`;
      if (ex.response && ex.response.error) {
        assert.throws(call, (e) => {
          const { code, field, message } = e;
          const got = e.part === undefined ? { code, field, message } : { code, field, message, part: e.part };
          assert.deepEqual(got, ex.response.error, where);
          return true;
        }, where);
      } else {
        const got = call();
        // risk hands its yearly credits over as one Float64Array.
        if (got && got.yearlyCredits instanceof Float64Array) got.yearlyCredits = Array.from(got.yearlyCredits);
        assert.deepEqual(got, ex.response, where);
      }
      count += 1;
    }
    assert.ok(count >= (name === 'analysis' ? 46 : 24), `${count} examples`);
  });
}
