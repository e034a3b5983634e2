#!/usr/bin/env bash
# Syntax check with tree-sitter (no ERROR or MISSING node) of the generated Swift bindings and the
# iOS shell's Swift. A syntax check only: no Swift compiler is available here, so nothing is
# type-checked or built. (The Android shell is compiled for real by scripts/test-android.sh.)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
swift=("$BUILD"/bindings/swift/*.swift)
while IFS= read -r -d '' f; do swift+=("$f"); done < <(find ios -name '*.swift' -print0)
NPM_DIR=$NPM_DIR node scripts/syntax-check.js swift "${swift[@]}"
