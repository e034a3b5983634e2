#!/usr/bin/env bash
# Syntax check of the generated Swift bindings (and the iOS shell's sources, when present) with
# tree-sitter: no ERROR or MISSING node. A syntax check only; it does not type-check or build.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
files=("$BUILD"/bindings/swift/*.swift)
while IFS= read -r -d '' f; do files+=("$f"); done < <(find ios -name '*.swift' -print0 2>/dev/null)
NPM_DIR=$NPM_DIR node scripts/syntax-check.js swift "${files[@]}"
