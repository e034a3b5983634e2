#!/usr/bin/env bash
# Builds the web shell into build/web/site: the core for wasm32-unknown-unknown without the
# vault, wasm-bindgen's module glue, wasm-opt -Oz, and the page's own files copied as they are
# (the service worker gets a version stamp). Installs what is missing: Debian's clang, the Rust
# wasm target, wasm-bindgen-cli pinned to the crate's version and npm's binaryen, both cached in
# $WEB_TOOLS outside the checkout so every clone on this machine reuses them.
# Exit 3 (with one line) when a tool cannot be had.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

skip() { echo "web: skipped, $*"; exit 3; }
if [[ $(id -u) -eq 0 ]]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
apt_install() {
  "${apt_get[@]}" -o DPkg::Lock::Timeout=900 update -qq &&
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v clang >/dev/null || apt_install clang || skip "Debian's clang could not be installed"
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || skip "the wasm32-unknown-unknown target could not be added"

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
bindgen=$WEB_TOOLS/wasm-bindgen-$bindgen_version/bin/wasm-bindgen
if [[ ! -x $bindgen ]]; then
  step "Installing wasm-bindgen-cli $bindgen_version into $WEB_TOOLS (once per machine, a few minutes)"
  CARGO_TARGET_DIR=$WEB_TOOLS/cargo-target cargo install --quiet wasm-bindgen-cli --version "=$bindgen_version" \
    --root "$WEB_TOOLS/wasm-bindgen-$bindgen_version" || skip "wasm-bindgen-cli $bindgen_version could not be installed"
  rm -rf "$WEB_TOOLS/cargo-target"
fi
if [[ ! -x $WEB_NPM/node_modules/.bin/wasm-opt || ! -d $WEB_NPM/node_modules/playwright-core || ! -d $WEB_NPM/node_modules/axe-core ]]; then
  step "Installing binaryen, playwright-core and axe-core from npm into $WEB_NPM"
  mkdir -p "$WEB_NPM"
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$WEB_NPM" \
    binaryen@132.0.0 playwright-core@1.65.1 axe-core@4.14.1 >/dev/null || skip "npm's binaryen, playwright-core or axe-core could not be installed"
fi

step "Web: building the module"
cargo build --quiet --locked -p lykt-web --target wasm32-unknown-unknown --profile web
site=$BUILD/web/site
rm -rf "$site" && mkdir -p "$site/pkg"
"$bindgen" --target web --no-typescript --out-dir "$site/pkg" target/wasm32-unknown-unknown/web/lykt_web.wasm
"$WEB_NPM/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$site/pkg/lykt_web_bg.wasm" -o "$site/pkg/lykt_web_bg.wasm"
cp web/site/*.html web/site/*.css web/site/*.js "$site/"
version=$(cat "$site"/*.html "$site"/*.css "$site"/*.js "$site"/pkg/* | sha256sum | cut -c1-16)
sed -i "s/^const VERSION = 'dev';/const VERSION = '$version';/" "$site/sw.js"
printf 'web: %s bytes, %s gzipped\n' "$(stat -c %s "$site/pkg/lykt_web_bg.wasm")" "$(gzip -9c "$site/pkg/lykt_web_bg.wasm" | wc -c)"
