#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 10: the short pass of the test command).
# Long runs, e.g. an hour per target:  scripts/fuzz.sh 3600
# Committed seeds are in fuzz/corpus/<target>; new inputs go to build/fuzz/<target> (ignored).
# A crash leaves its input in fuzz/artifacts/<target>: fix it and keep it as a regression test.
source "$(dirname "$0")/lib.sh"
cd "$ROOT/fuzz"
seconds=${1:-10}

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped, no nightly toolchain on this machine"; exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  step "Installing cargo-fuzz"
  cargo install --locked cargo-fuzz >/dev/null 2>&1 || { echo "fuzz: skipped, cargo-fuzz could not be installed"; exit 0; }
fi

targets=$(cargo +nightly fuzz list)
step "Fuzzing $(echo "$targets" | wc -w) targets for ${seconds}s each"
cargo +nightly fuzz build >/dev/null 2>&1 || cargo +nightly fuzz build
for t in $targets; do
  mkdir -p "$BUILD/fuzz/$t"
  log=$BUILD/fuzz/$t.log
  status=0
  cargo +nightly fuzz run "$t" "$BUILD/fuzz/$t" "corpus/$t" -- \
    -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || status=$?
  runs=$(grep -m1 '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  echo "  $t: ${runs:-0} runs"
  if [[ $status -ne 0 ]]; then
    grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5 >&2
    echo "fuzz: $t failed (exit $status); the input is in fuzz/artifacts/$t" >&2
    exit 1
  fi
done
