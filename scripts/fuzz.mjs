// `npm run fuzz [calls]`: fuzzes both WASM modules in Node (tests/js/fuzz.mjs), a million calls by default,
// half to each module, in rounds of fresh seeds; stops at the first trap, untyped error or bricked module,
// printing the seed to replay it. Prints the counts at the end.
import calculator from '../tests/js/load.mjs';
import analysis from '../tests/js/load-analysis.mjs';
import { fuzz } from '../tests/js/fuzz.mjs';

const total = Number(process.argv[2] ?? 1_000_000);
const first = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
const started = performance.now();
let calls = 0;
let refused = 0;
for (let round = 0; calls < total; round++) {
  for (const [name, m] of [['calculator', calculator], ['analysis', analysis]]) {
    const seed = first + round * 2 + (name === 'analysis' ? 1 : 0);
    const n = Math.min(25_000, total - calls);
    if (n <= 0) break;
    const r = fuzz(m, { calls: n, seed });
    calls += r.calls;
    refused += r.threw;
  }
  console.log(`${calls} calls, ${refused} refused with a SlacalcError, ${Math.round((performance.now() - started) / 1000)} s`);
}
console.log(`fuzz: ${calls} calls to both modules from seed ${first}: no trap, no untyped error, no broken module.`);
