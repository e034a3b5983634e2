#!/usr/bin/env bash
# Syntax check with tree-sitter (no ERROR or MISSING node) of the Android shell's Kotlin. A syntax
# check only: there is no Android SDK here, so it is not type-checked or built. (The Swift side is
# compiled and tested by scripts/test-swift.sh.)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
kotlin=()
while IFS= read -r -d '' f; do kotlin+=("$f"); done < <(find android -name '*.kt' -print0 -o -name '*.kts' -print0)
NPM_DIR=$NPM_DIR node scripts/syntax-check.js kotlin "${kotlin[@]}"
