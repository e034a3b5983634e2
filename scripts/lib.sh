# Shared settings for the scripts; sourced, not run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=$ROOT/.cache            # downloaded tools (ignored by git)
BUILD=$ROOT/build             # generated bindings and libraries (ignored by git)
NPM_DIR=$CACHE/npm
KOTLIN_HOME=$NPM_DIR/node_modules/kotlin-compiler
JNA_JAR=/usr/share/java/jna.jar
JUNIT_JAR=/usr/share/java/junit-platform-console-standalone.jar
LIB_NAME=liblykt_ffi.so
step() { printf '\n==> %s\n' "$*"; }
WEB_TOOLS=${XDG_CACHE_HOME:-$HOME/.cache}/lykt   # web tools shared by every clone on this machine
WEB_NPM=$WEB_TOOLS/web-npm
