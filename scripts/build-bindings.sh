#!/usr/bin/env bash
# Builds the release library once and generates the bindings from it (library mode):
#   build/lib/liblykt_ffi.so           stripped copy (what ships; the JVM tests load it)
#   build/bindings/kotlin-jvm/         Kotlin for the JVM tests (no Android imports)
#   build/bindings/kotlin-android/     Kotlin for the Android shell (android = true)
#   build/bindings/swift/              Swift, C header and module map for the iOS shell
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

step "Building the release library (lykt-ffi)"
# -p keeps the bindgen binary's features out of the shipped library.
cargo build --release --locked -p lykt-ffi
step "Building the binding generator"
cargo build --locked -p lykt-bindgen

lib=$ROOT/target/release/$LIB_NAME
gen=$ROOT/target/debug/uniffi-bindgen
rm -rf "$BUILD/bindings" "$BUILD/lib"
mkdir -p "$BUILD/bindings" "$BUILD/lib"

# The generator reads metadata from the UNSTRIPPED library; the stripped copy works with the result.
android_config=$BUILD/uniffi-android.toml
sed 's/^\[crates\.lykt_ffi\.bindings\.kotlin\]$/&\nandroid = true/' uniffi.toml >"$android_config"
step "Generating Kotlin (JVM and Android) and Swift bindings"
"$gen" generate --no-format --library "$lib" --language kotlin --config uniffi.toml --out-dir "$BUILD/bindings/kotlin-jvm"
"$gen" generate --no-format --library "$lib" --language kotlin --config "$android_config" --out-dir "$BUILD/bindings/kotlin-android"
"$gen" generate --no-format --library "$lib" --language swift --config uniffi.toml --out-dir "$BUILD/bindings/swift"
grep -q 'android' "$BUILD/bindings/kotlin-android/no/lykt/core/lykt_ffi.kt"
if grep -q '^import android' "$BUILD/bindings/kotlin-jvm/no/lykt/core/lykt_ffi.kt"; then
  echo "the JVM bindings must not import Android classes" >&2; exit 1
fi

strip -o "$BUILD/lib/$LIB_NAME" "$lib"
echo "stripped library: $(stat -c %s "$BUILD/lib/$LIB_NAME") bytes"
