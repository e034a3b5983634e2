#!/usr/bin/env bash
# On a Mac with Xcode: builds the core as a static library for iPhones (aarch64-apple-ios) and for
# the simulator (aarch64-apple-ios-sim and x86_64-apple-ios, joined with lipo), makes
# ios/Generated/LyktCoreFFI.xcframework from them with the generated C header and module map, and
# places the generated Swift bindings in ios/Generated/LyktCore/: where ios/Package.swift expects
# them. The bindings are generated in library mode from the unstripped release library built from
# the same source, as scripts/build-bindings.sh does on Linux. It cannot run on Linux (it needs
# Xcode's iOS SDKs and xcodebuild); see ios/README.md.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

if [[ $(uname -s) != Darwin ]] || ! command -v xcodebuild >/dev/null; then
  echo "scripts/build-xcframework.sh needs macOS with Xcode (xcodebuild and the iOS SDKs)" >&2
  exit 2
fi

targets=(aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios)
# The app's deployment target (ios/project.yml), so the linker sees one minimum iOS version.
export IPHONEOS_DEPLOYMENT_TARGET=17.0
step "Adding the iOS targets to the Rust toolchain"
rustup target add "${targets[@]}"
for target in "${targets[@]}"; do
  step "Building the core for $target"
  # -p keeps the binding generator's features out of the shipped library.
  cargo build --release --locked -p lykt-ffi --target "$target"
done

step "Generating the Swift bindings"
cargo build --release --locked -p lykt-ffi
cargo build --locked -p lykt-bindgen
out=$BUILD/xcframework
rm -rf "$out" && mkdir -p "$out/headers" "$out/simulator"
target/debug/uniffi-bindgen generate --no-format --library target/release/liblykt_ffi.dylib \
  --language swift --config uniffi.toml --out-dir "$out/swift"
cp "$out/swift/LyktCoreFFI.h" "$out/headers/"
cp "$out/swift/LyktCoreFFI.modulemap" "$out/headers/module.modulemap"

step "Making ios/Generated/LyktCoreFFI.xcframework"
lipo -create target/aarch64-apple-ios-sim/release/liblykt_ffi.a target/x86_64-apple-ios/release/liblykt_ffi.a \
  -output "$out/simulator/liblykt_ffi.a"
rm -rf ios/Generated/LyktCoreFFI.xcframework
mkdir -p ios/Generated/LyktCore
xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/release/liblykt_ffi.a -headers "$out/headers" \
  -library "$out/simulator/liblykt_ffi.a" -headers "$out/headers" \
  -output ios/Generated/LyktCoreFFI.xcframework
cp "$out/swift/LyktCore.swift" ios/Generated/LyktCore/LyktCore.swift
echo "ios/Generated is ready: LyktCoreFFI.xcframework and LyktCore/LyktCore.swift"
