#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what is missing, then formatting, lints, the Rust
# tests, binding generation (one release build, reused), the Kotlin tests on the JVM against the
# real library, the Android shell compiled and packaged into a checked APK, the Swift bindings and
# iOS shell logic compiled and tested against the same library, the web shell in headless
# Chromium, the library and web module size budgets and a short fuzz pass.
# Timing budgets are checked by scripts/budgets.sh, outside this command (these machines are noisy).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/tools.sh"

step "Formatting"
cargo fmt --all --check
# The tests install packs signed with the test key, which only this feature trusts (never a
# release build: docs/content-signing.md).
step "Lints"
cargo clippy --workspace --all-targets --locked --features lykt-core/test-key -- -D warnings
step "Rust tests"
cargo test --workspace --locked --features lykt-core/test-key
"$ROOT/scripts/build-bindings.sh"
"$ROOT/scripts/test-kotlin.sh"
"$ROOT/scripts/test-android.sh"
"$ROOT/scripts/test-swift.sh"
"$ROOT/scripts/test-web.sh"
"$ROOT/scripts/budgets.sh" --size-only
step "Fuzzing (short pass)"
"$ROOT/scripts/fuzz.sh" "${LYKT_FUZZ_SECONDS:-10}"

step "All tests passed"
