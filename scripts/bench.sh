#!/usr/bin/env bash
# Runs the criterion benchmarks (release profile: what ships) and prints one table of medians,
# with cold start as a ratio to the plain-JSON floor. Extra arguments go to criterion (a filter).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
log=$BUILD/bench.log
mkdir -p "$BUILD"
cargo bench --locked -p lykt-core --bench core -- --noplot "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; exit 1; }
python3 "$ROOT/scripts/bench_table.py" "$ROOT/target/criterion"
