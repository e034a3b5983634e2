#!/usr/bin/env bash
# Checks the budgets and fails with the figure when one is exceeded.
#   --size-only   only the library and web module sizes (what the test command runs; timings
#                 are noisy here)
# Budgets: stripped release cdylib (x86_64 Linux) <= 3 MiB plus 40 KiB for each translated
# language (each language's packed strings alone <= 40 KiB); cold start <= 2 ms and <= 2x the
# plain-JSON floor; cold start in each translated language <= 1.10x the English one (criterion
# medians, and instructions counted by callgrind when valgrind is installed; Norwegian within 1%
# of English); contact search <= 50 µs; quick exit <= 100 µs; peak resident memory of
# `lykt contacts --json` <= 15 MiB; deleting one saved record out of 1,000 (the file rebuilt)
# <= 250 ms; the web module <= 400 KB gzipped plus 16 KB for each
# translated language (its strings are deflated already, so gzip cannot shrink them); the web
# shell's first screen <= 400 ms after navigation in headless Chromium (median of ten cold loads;
# the core's own opening time is printed beside it).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
fail=0
check() { # name value limit unit
  if python3 -c "import sys; sys.exit(0 if float('$2') <= float('$3') else 1)"; then
    printf '  ok    %-28s %12s %s (budget %s)\n' "$1" "$2" "$4" "$3"
  else
    printf '  OVER  %-28s %12s %s (budget %s)\n' "$1" "$2" "$4" "$3"; fail=1
  fi
}

lib=$BUILD/lib/$LIB_NAME
[[ -f $lib ]] || "$ROOT/scripts/build-bindings.sh" >/dev/null
step "Budgets"
languages=$(python3 -c "import json; print(' '.join(t['id'] for t in json.load(open('core/content/pack.json')).get('translations', [])))")
n=$(wc -w <<<"$languages")
# 3 MiB, 32 KiB for the app's saved-work screens (set-up, unlock, list, item, delete, wipe, note,
# save) and the tools' Save, and 40 KiB for each translated language.
check "stripped library size" "$(stat -c %s "$lib")" $((3 * 1024 * 1024 + 32 * 1024 + n * 40 * 1024)) bytes
# The packed strings the release build embedded, one file per language.
packed=$(ls -td target/release/build/lykt-core-*/out/content/lang 2>/dev/null | head -1)
for id in $languages; do
  if [[ -f $packed/$id.bin ]]; then
    check "packed strings, $id" "$(stat -c %s "$packed/$id.bin")" $((40 * 1024)) bytes
  else
    echo "  skip  packed strings, $id: no release build output found"
  fi
done
wasm=$BUILD/web/site/pkg/lykt_web_bg.wasm
if [[ ${1:-} != --size-only && ! -f $wasm ]]; then "$ROOT/scripts/build-web.sh" >/dev/null || true; fi
if [[ -f $wasm ]]; then
  check "web module, gzipped" "$(gzip -9c "$wasm" | wc -c)" $((400 * 1000 + n * 16 * 1000)) bytes
else
  echo "  web module size not checked: the web shell was not built (see scripts/build-web.sh)"
fi

if [[ ${1:-} != --size-only ]]; then
  # Instructions, counted by callgrind: a measure a busy machine does not move.
  if command -v valgrind >/dev/null; then
    cargo build --release --locked -p lykt-core --example cold_start >/dev/null 2>&1
    ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      target/release/examples/cold_start "$1" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
    none=$(ir none); english=$(( $(ir en) - none ))
    check "cold start in nb / en, instructions" \
      "$(python3 -c "print(round(($(ir nb) - $none) / $english, 3))")" 1.01 x
    for id in $languages; do
      check "cold start in $id / en, instructions" \
        "$(python3 -c "print(round(($(ir "$id") - $none) / $english, 3))")" 1.10 x
    done
  else
    echo "  skip  cold start instruction counts: valgrind is not installed"
  fi
  "$ROOT/scripts/bench.sh" >/dev/null
  m=$(python3 scripts/bench_table.py target/criterion --json)
  get() { python3 -c "import json,sys; print(json.loads(sys.argv[1]).get('$1', 'nan'))" "$m"; }
  cold=$(get cold_start); floor=$(get json_floor)
  check "cold start" "$(python3 -c "print(round($cold/1000, 1))")" 2000 µs
  check "cold start / JSON floor" "$(python3 -c "print(round($cold/$floor, 2))")" 2 x
  for id in $languages; do
    check "cold start in $id / English" \
      "$(python3 -c "print(round($(get "cold_start_in/$id")/$(get cold_start_in/en), 3))")" 1.10 x
  done
  check "contact search" "$(python3 -c "print(round($(get contact_search)/1000, 2))")" 50 µs
  check "quick exit" "$(python3 -c "print(round($(get quick_exit)/1000, 2))")" 100 µs
  check "vault delete, 1 of 1,000" "$(python3 -c "print(round($(get vault/delete/1000)/1e6, 1))")" 250 ms
  cargo build --release --locked -p lykt-cli >/dev/null 2>&1
  rss=$(python3 - "$ROOT/target/release/lykt" <<'PY'
import resource, subprocess, sys
subprocess.run([sys.argv[1], "contacts", "--json"], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # KiB on Linux
PY
)
  check "peak RSS, lykt contacts --json" "$(python3 -c "print(round($rss/1024, 1))")" 15 MiB
  if [[ -f $wasm ]] && command -v chromium >/dev/null; then
    w=$(LYKT_WEB_NPM=$WEB_NPM node web/tests/load-times.mjs "$BUILD/web/site" 10)
    web_get() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$1'])" "$w"; }
    check "web first screen (median of 10)" "$(web_get first_screen_ms)" 400 ms
    printf '        %-28s %12s ms (the core opening its content in the page)\n' "web open" "$(web_get open_ms)"
  else
    echo "  web load time not checked: no web build or no chromium"
  fi
fi
exit $fail
