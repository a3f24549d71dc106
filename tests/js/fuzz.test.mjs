// A bounded fuzz run of both modules in Node (see fuzz.mjs): random and hostile arguments to every export,
// no trap, no untyped error, no bricked module. `npm run fuzz` runs a million calls and more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import calculator from './load.mjs';
import analysis from './load-analysis.mjs';
import { fuzz } from './fuzz.mjs';

for (const [name, m, seed] of [['calculator', calculator, 11], ['analysis', analysis, 12]]) {
  test(`fuzzing the ${name} module for 6 s: every refusal is a SlacalcError and the module keeps answering`, () => {
    const { calls, threw } = fuzz(m, { seed, deadline: performance.now() + 6000 });
    assert.ok(calls > 1000, `${calls} calls`);
    console.log(`fuzz ${name}: ${calls} calls, ${threw} refused, seed ${seed}`);
  });
}
