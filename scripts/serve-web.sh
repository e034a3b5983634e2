#!/usr/bin/env bash
# Builds the web shell and serves it on http://127.0.0.1:PORT/ (default 8080) with the headers a
# real host should send; Ctrl-C stops it.   scripts/serve-web.sh [PORT]
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/build-web.sh"
exec node web/serve.mjs "$BUILD/web/site" "${1:-8080}"
