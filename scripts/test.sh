#!/usr/bin/env bash
# Every test: formatting and lints, native unit/property/doc tests, the WASM boundary in Node and in headless
# Chromium, the JavaScript API and its TypeScript declarations in Node, and the page end to end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

bash scripts/setup.sh --browser
bash scripts/build.sh

say "cargo fmt --check, clippy, doc"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --tests --all-features --target wasm32-unknown-unknown -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --lib --all-features --target wasm32-unknown-unknown

say "native unit, property and doc tests"
cargo test

say "WASM boundary in Node and in headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
cargo test --target wasm32-unknown-unknown --test wasm_node --test wasm_browser

say "JavaScript API, TypeScript declarations and the page end to end"
node --test --test-reporter=spec --test-concurrency=1 tests/js/*.test.mjs tests/e2e/*.test.mjs
