#!/usr/bin/env bash
# `npm run fuzz`: the core natively for FUZZ_SECONDS (default 300) from a seed of the clock, then both WASM
# modules in Node for a million calls (or the number given). Prints what ran; fails at the first problem.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/setup.sh
bash scripts/build.sh
say "fuzz: the core, natively"
FUZZ_SECONDS=${FUZZ_SECONDS:-300} FUZZ_SEED=${FUZZ_SEED:-$(date +%s)} cargo test --quiet --release --test fuzz -- --nocapture
say "fuzz: both WASM modules in Node"
node scripts/fuzz.mjs "${1:-1000000}"
