#!/usr/bin/env bash
# Runs the criterion benchmarks (release profile: what ships) and prints one table of medians,
# with cold start as a ratio to the plain-JSON floor. Extra arguments go to criterion (a filter).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
cargo bench --locked -p lykt-core --bench core -- --noplot "$@" >/dev/null
python3 "$ROOT/scripts/bench_table.py" "$ROOT/target/criterion"
