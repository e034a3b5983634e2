#!/usr/bin/env bash
# The web shell in a real browser: builds it (scripts/build-web.sh), then drives it in headless
# Chromium from Debian with playwright-core: every shared scenario file clicked through,
# quick exit, privacy (cookies, storage, other origins), axe-core on every reachable screen in
# every shipped language at 320 px with 200% text, right to left, the calm message, offline use
# with the server stopped, and screenshots in build/web/screens/. Installs Debian's chromium
# when it is missing. A tool that cannot be had ends this step with one line saying so.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

set +e
"$ROOT/scripts/build-web.sh"
built=$?
set -e
if ((built == 3)); then exit 0; fi   # build-web.sh printed what was skipped and why
((built == 0)) || exit "$built"

if ! command -v chromium >/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  { "${apt_get[@]}" -o DPkg::Lock::Timeout=900 update -qq &&
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends chromium >/dev/null; } ||
    { echo "web: browser checks skipped, Debian's chromium could not be installed"; exit 0; }
fi

step "Web: the shell in headless Chromium"
LYKT_WEB_NPM=$WEB_NPM node web/tests/run.mjs "$BUILD/web/site" "$ROOT" "$BUILD/web/screens"
