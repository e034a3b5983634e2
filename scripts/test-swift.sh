#!/usr/bin/env bash
# The Swift side with a real Swift compiler: the generated bindings and LyktShell are compiled with
# `swift build` from ios/Package.swift and their XCTest tests run against the real release library
# (build/lib, the one the Kotlin tests load); the SwiftUI app is parsed (`swiftc -parse`: SwiftUI
# and UIKit exist only on Apple's systems) and every Swift source is linted with swift-format.
# Needs scripts/build-bindings.sh first.
#
# The compiler is Debian trixie's swiftlang, which needs a newer C library than this machine's, so
# it runs in a minimal trixie root made once with debootstrap (about 2 minutes, 3.2 GB) and kept
# outside the checkout, in ${XDG_CACHE_HOME:-~/.cache}/lykt/swift-trixie, for every clone on this
# machine. While a run uses it, /proc and the checkout are mounted inside it (the checkout read-only,
# only build/ writable); they are always unmounted after. A lock keeps two runs from sharing it.
# If the root cannot be made (not root, no disk, no network to Debian), one line says the Swift
# compile was skipped and why, and the tree-sitter syntax check runs instead.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

LYKT_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/lykt
SWIFT_ROOT=$LYKT_CACHE/swift-trixie
READY=$SWIFT_ROOT/.lykt-ready # written last: a root without it is incomplete
LOG=$LYKT_CACHE/swift-trixie.log
DEBIAN_MIRROR=http://deb.debian.org/debian
NEEDED_KB=$((5 * 1024 * 1024))
started=$SECONDS

step "Swift: no network code in the iOS shell"
if grep -rnE 'URLSession|import Network|NWConnection|NWPathMonitor|CFNetwork|FoundationNetworking|WKWebView' ios --include='*.swift'; then
  echo "the iOS shell must not contain network code" >&2
  exit 1
fi
if [[ $(grep -o '<key>[^<]*</key>' ios/Lykt/Lykt.entitlements) != '<key>com.apple.developer.default-data-protection</key>' ]]; then
  echo "the iOS app's only entitlement is complete data protection" >&2
  exit 1
fi

# The package's generated sources, as ios/Package.swift expects them on Linux. Copied only when
# changed, so the compiler's incremental build keeps its work between runs.
place() { cmp -s "$1" "$2" || install -D -m 644 "$1" "$2"; }
gen=ios/Generated
place "$BUILD/bindings/swift/LyktCore.swift" "$gen/LyktCore/LyktCore.swift"
place "$BUILD/bindings/swift/LyktCoreFFI.h" "$gen/LyktCoreFFI/LyktCoreFFI.h"
sed 's/^}$/    link "lykt_ffi"\n}/' "$BUILD/bindings/swift/LyktCoreFFI.modulemap" >"$BUILD/module.modulemap"
place "$BUILD/module.modulemap" "$gen/LyktCoreFFI/module.modulemap"

# Everything mounted under the root, deepest first.
mounts_under() { awk -v r="$1" '$2 == r || index($2, r "/") == 1 { print $2 }' /proc/mounts | sort -r; }
unmount_all() {
  local m
  for dir in "$SWIFT_ROOT" "$SWIFT_ROOT.partial"; do
    for m in $(mounts_under "$dir"); do umount "$m" || umount -l "$m"; done
  done
}

# Makes the root if it is missing; on failure prints why and returns 1.
make_root() {
  local partial=$SWIFT_ROOT.partial avail
  if [[ $(id -u) -ne 0 ]]; then
    skip_reason="making and entering the trixie root needs root (debootstrap, chroot, mount)"
    return 1
  fi
  [[ -f $READY ]] && return 0
  avail=$(df --output=avail -k "$LYKT_CACHE" | tail -1)
  if ((avail < NEEDED_KB)); then
    skip_reason="less than 5 GB free in $LYKT_CACHE for the trixie root"
    return 1
  fi
  step "Swift: making the trixie root with swiftlang in $SWIFT_ROOT (once per machine; log: $LOG)"
  local t0=$SECONDS
  : >"$LOG"
  if ! command -v debootstrap >/dev/null; then
    { apt-get -o DPkg::Lock::Timeout=900 update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq debootstrap; } >>"$LOG" 2>&1 ||
      { skip_reason="debootstrap could not be installed (see $LOG)"; return 1; }
  fi
  if [[ -n $(mounts_under "$partial")$(mounts_under "$SWIFT_ROOT") ]]; then
    skip_reason="something is still mounted under $SWIFT_ROOT"
    return 1
  fi
  rm -rf "$partial" "$SWIFT_ROOT"
  if ! debootstrap --variant=minbase trixie "$partial" "$DEBIAN_MIRROR" >>"$LOG" 2>&1; then
    skip_reason="debootstrap of trixie failed: $(tail -1 "$LOG")"
    return 1
  fi
  local t1=$SECONDS
  # A root that is thrown away if anything fails needs no fsync after every file.
  echo force-unsafe-io >"$partial/etc/dpkg/dpkg.cfg.d/lykt-unsafe-io"
  mount -t proc proc "$partial/proc"
  if ! { chroot "$partial" apt-get update -qq &&
    chroot "$partial" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends swiftlang libc6-dev &&
    chroot "$partial" apt-get clean; } >>"$LOG" 2>&1; then
    umount "$partial/proc"
    skip_reason="installing swiftlang in the trixie root failed: $(tail -1 "$LOG")"
    return 1
  fi
  umount "$partial/proc"
  sync -f "$partial"
  mv "$partial" "$SWIFT_ROOT"
  touch "$READY"
  echo "trixie root with $(chroot "$SWIFT_ROOT" dpkg-query -W -f '${Package} ${Version}' swiftlang) made in" \
    "$((SECONDS - t0)) s (debootstrap $((t1 - t0)) s, swiftlang $((SECONDS - t1)) s)"
}

tree_sitter_fallback() {
  echo "==> Swift compile skipped: $skip_reason; running the tree-sitter syntax check instead"
  local swift=("$BUILD"/bindings/swift/*.swift)
  while IFS= read -r -d '' f; do swift+=("$f"); done < <(find ios -name '*.swift' -not -path 'ios/Generated/*' -print0)
  NPM_DIR=$NPM_DIR node scripts/syntax-check.js swift "${swift[@]}"
}

mkdir -p "$LYKT_CACHE"
exec 9>"$LYKT_CACHE/swift-trixie.lock"
if ! flock -n 9; then
  echo "waiting for another run that uses the Swift root to finish"
  flock 9
fi
skip_reason=""
trap unmount_all EXIT
trap 'exit 130' INT TERM HUP
unmount_all # left behind by a run that was killed
if ! make_root; then
  tree_sitter_fallback
  exit 0
fi

step "Swift: compiling the bindings and LyktShell, running the XCTest tests (Swift in the trixie root)"
mkdir -p "$SWIFT_ROOT/src" "$BUILD/swiftpm"
mount -t proc proc "$SWIFT_ROOT/proc"
mount --bind "$ROOT" "$SWIFT_ROOT/src"
mount -o remount,bind,ro "$SWIFT_ROOT/src"
mount --bind "$BUILD" "$SWIFT_ROOT/src/build"
chroot "$SWIFT_ROOT" /usr/bin/env -i PATH=/usr/libexec/swift/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
  LYKT_SCENARIOS=/src/tests/scenarios /bin/bash -euo pipefail -c '
cd /src/ios
swift --version 2>&1 | head -1
sources=(Package.swift Sources Tests Lykt)
swift-format lint --strict --recursive --configuration .swift-format "${sources[@]}"
echo "swift-format: clean"
swiftc -parse Lykt/*.swift
echo "swiftc -parse: the SwiftUI app ($(ls Lykt/*.swift | wc -l) files) parses"
scratch=(--scratch-path /src/build/swiftpm --cache-path /tmp/swiftpm-cache --config-path /tmp/swiftpm-config --security-path /tmp/swiftpm-security)
# Linked against the stripped release library. --allow-shlib-undefined: Swift 6.0'"'"'s Linux
# libswiftObservation.so leaves swift::threading::fatal undefined (swiftlang/swift#75670); it is
# called only on a fatal threading error. Apple'"'"'s systems are not affected.
link=(-Xlinker -L/src/build/lib -Xlinker -rpath -Xlinker /src/build/lib -Xlinker --allow-shlib-undefined)
swift build --build-tests "${scratch[@]}" "${link[@]}" | sed "/^\[[0-9]*\/[0-9]*\]/d"
swift test --skip-build --disable-swift-testing "${scratch[@]}" 2>&1 | sed -e "/^Test Case .* started at/d" -e "/^Test Suite .* started at/d" -e "/^\[0\/1\] Planning build/d"
'
echo "Swift part: $((SECONDS - started)) s"
