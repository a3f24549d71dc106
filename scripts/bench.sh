#!/usr/bin/env bash
# Benchmarks: native budget calls per second, the same through WASM in Node, the page's weight and its time to
# first result in Chromium. Prints figures; never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/setup.sh --browser
bash scripts/build.sh
native=$(cargo bench --quiet --bench budget 2>/dev/null | tee /dev/stderr | sed -n 's/^BENCH native_budget_calls_per_second=//p')
node scripts/bench.mjs "$native"
