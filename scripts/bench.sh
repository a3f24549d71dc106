#!/usr/bin/env bash
# Benchmarks: native budget calls per second, the same through WASM in Node, the page's weight and its time to
# first result in Chromium. Prints figures; never fails on timing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/setup.sh --browser
bash scripts/build.sh
say "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (1, 5 and 15 min) before the run"
budget=$(cargo bench --quiet --bench budget 2>/dev/null)
echo "$budget"
native=$(echo "$budget" | sed -n 's/^BENCH native_budget_calls_per_second=//p')
node scripts/bench.mjs "$native"
say "service chains: exact availability of 1 000 components and their money, natively"
cargo bench --quiet --bench chain 2>/dev/null
say "service chains: the same estate in Chromium (both modules) against Python's fractions, and its money"
node bench/chain.mjs

# Service calendars against other libraries: workclock natively, opening_hours in Node and Chromium.
# Their packages are installed under bench/ only, never for the page or the tests.
say "calendar: slacalc vs workclock (native, release build of bench/peers-rs)"
cargo run --quiet --release --manifest-path bench/peers-rs/Cargo.toml --bin slacalc-peers
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  npm ci --prefix bench --no-audit --no-fund
fi
say "calendar: slacalc (WASM) vs opening_hours, in Node and Chromium"
TZ=Europe/London node bench/peers.mjs
say "time-zone data: $(find www/tz -name '*.tzif' | wc -l) zones, $(cat $(find www/tz -name '*.tzif') | wc -c) bytes in all; the page fetches only the zone in use (Europe/London: $(wc -c < www/tz/Europe/London.tzif) bytes)"

# Outage logs: parse + merge + attainment every way on 1 000 000 outages, natively, in WASM in Node and
# Chromium, and the same analysis in pandas (installed into bench/.venv from PyPI, once).
log=target/bench-log-1m.csv
[ -f "$log" ] || node bench/make-log.mjs "$log" 1000000
say "outage log: native"
cargo run --quiet --release --manifest-path bench/peers-rs/Cargo.toml --bin logs -- "$log"
# The hardest case for measuring: a million one-second outages that never merge.
separate=target/bench-log-1m-separate.csv
[ -f "$separate" ] || node bench/make-log.mjs "$separate" 1000000 separate
say "outage log of 1 000 000 separate outages: native"
cargo run --quiet --release --manifest-path bench/peers-rs/Cargo.toml --bin logs -- "$separate"
# A realistic small log too: 10 000 outages over the year.
small=target/bench-log-10k.csv
[ -f "$small" ] || node bench/make-log.mjs "$small" 10000
# The peers, from PyPI into bench/.venv (once): pandas with pyarrow, polars, DuckDB, numpy.
if [ ! -x bench/.venv/bin/python ] || ! bench/.venv/bin/python -c 'import pandas, pyarrow, polars, duckdb' 2>/dev/null; then
  python3 -m venv bench/.venv && bench/.venv/bin/pip install --quiet -r bench/requirements.txt
fi
say "outage log: WASM in Node and Chromium; then slacalc and the peers, interleaved; then 5 000 000 rows in Chromium"
node bench/logs.mjs "$log" "$small" "$separate" 5m

# Help-desk tickets: exports of 100 000 and 1 000 000 tickets with state histories, read and measured by
# slacalc in Chromium and natively and by pandas, interleaved, the same figures checked first.
for n in 100k 1m; do
  [ -f "target/bench-tickets-$n.csv" ] || node bench/make-tickets.mjs "target/bench-tickets-$n.csv" "$([ $n = 1m ] && echo 1000000 || echo 100000)"
done
cargo build --quiet --release --manifest-path bench/peers-rs/Cargo.toml --bin tickets
say "tickets: slacalc in Chromium and natively, and pandas, interleaved"
node bench/tickets.mjs target/bench-tickets-100k.csv target/bench-tickets-1m.csv

# Penalties: simulated contract years per second natively, in WASM in Node and Chromium, and numpy.
say "risk: simulated contract years, native"
cargo run --quiet --release --manifest-path bench/peers-rs/Cargo.toml --bin risk
say "risk: WASM in Node and Chromium, and numpy"
node bench/risk.mjs
say "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) (1, 5 and 15 min) after the run"
