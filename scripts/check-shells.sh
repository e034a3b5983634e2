#!/usr/bin/env bash
# Syntax check with tree-sitter (no ERROR or MISSING node) of the generated Swift bindings and the
# iOS shell's Swift, and of the Android shell's Kotlin. A syntax check only: no Swift compiler or
# Android SDK is available here, so nothing is type-checked or built.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
swift=("$BUILD"/bindings/swift/*.swift)
while IFS= read -r -d '' f; do swift+=("$f"); done < <(find ios -name '*.swift' -print0)
kotlin=()
while IFS= read -r -d '' f; do kotlin+=("$f"); done < <(find android -name '*.kt' -print0 -o -name '*.kts' -print0)
NPM_DIR=$NPM_DIR node scripts/syntax-check.js swift "${swift[@]}"
NPM_DIR=$NPM_DIR node scripts/syntax-check.js kotlin "${kotlin[@]}"
