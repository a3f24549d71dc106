#!/usr/bin/env bash
# Builds the release WASM and its JavaScript glue into www/pkg/: cargo, then wasm-bindgen, then wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

# Builds the module with the given features into a folder of www/. Each feature set has its own target
# folder, so that a warm build of either is quick.
module() {
  local out=$1 features=$2 dir=$3 profile=$4 opt=$5 rustflags=${6:-}
  local wasm=$dir/wasm32-unknown-unknown/$profile/slacalc_wasm.wasm
  RUSTFLAGS=$rustflags cargo build --quiet -p slacalc-wasm --profile "$profile" --lib --target wasm32-unknown-unknown --target-dir "$dir" ${features:+--features "$features"}
  if [ ! -f "$out/slacalc_bg.wasm" ] || [ "$wasm" -nt "$out/slacalc_bg.wasm" ]; then
    # The glue imports one JavaScript snippet (snippets/<crate>-<hash>/inline0.js); a stale one is removed.
    rm -rf "$out/snippets"
    wasm-bindgen --target web --remove-name-section --out-name slacalc --out-dir "$out" "$wasm"
    # npm's binaryen: Debian's wasm-opt 108 produces modules that fail at run time.
    # shellcheck disable=SC2086 # $opt is the optimisation flags, more than one for the calculator
    wasm-opt $opt --strip-debug --strip-producers "$out/slacalc_bg.wasm" -o "$out/slacalc_bg.opt.wasm"
    mv "$out/slacalc_bg.opt.wasm" "$out/slacalc_bg.wasm"
    rm -f "$out/.gitignore" "$out/package.json"
  fi
}
# The calculator's module, and the analysis module (www/pkg-analysis/: outage logs, credits, risk and quote
# comparisons) for the analysis pages, their Web Workers and Node reports. Both are the boundary crate
# (wasm/) over the core.
# The calculator's module is optimised until nothing more comes off (a few hundred bytes, seconds); the
# analysis module once, for speed. Both tell wasm-opt that the first 1 KB of memory is never used, which
# lets it fold constant offsets into loads and stores (660 B gzip off the calculator): Rust puts the 1 MB
# stack first, growing down towards address 0, so only an overflowing stack could reach it, and that then
# traps instead of writing there.
module www/pkg "" target release "-Oz --converge --low-memory-unused"
# The analysis module uses WebAssembly's 128-bit SIMD (every browser since 2023): a ticket export's line
# breaks are found 16 bytes at a time.
module www/pkg-analysis analysis target/analysis speed "-O3 --enable-simd --low-memory-unused" "-C target-feature=+simd128"
# The service chains page's module: the calculator's functions and service chains, built for size like the
# calculator's, so that the page does not load the outage-log, ticket and risk code.
module www/pkg-chain chain target/chain release "-Oz --low-memory-unused"
out=www/pkg

# The time-zone database, one small TZif file per zone, fetched by the page only for the zone in use.
if [ ! -f www/tz/zones.json ] || [ Cargo.lock -nt www/tz/zones.json ]; then
  rm -rf www/tz
  cargo run --quiet --example export_tz -- www/tz
fi
say "built $out/slacalc_bg.wasm ($(wc -c <"$out/slacalc_bg.wasm") bytes, $(gzip -9c "$out/slacalc_bg.wasm" | wc -c) gzip)"
