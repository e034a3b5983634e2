#!/usr/bin/env bash
# Installs what the tests need and is missing: JNA and JUnit 5 from Debian, kotlinc and the
# Swift tree-sitter grammar from npm into .cache/ (ignored by git). Safe to run again.
source "$(dirname "$0")/lib.sh"

missing_debs=()
[[ -f $JNA_JAR ]] || missing_debs+=(libjna-java)
[[ -f $JUNIT_JAR ]] || missing_debs+=(junit5)
command -v java >/dev/null || missing_debs+=(default-jdk-headless)
if ((${#missing_debs[@]})); then
  step "Installing ${missing_debs[*]} from Debian"
  if [[ $(id -u) -eq 0 ]]; then apt_get=(apt-get); else apt_get=(sudo apt-get); fi
  "${apt_get[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing_debs[@]}" >/dev/null
fi

if [[ ! -x $KOTLIN_HOME/bin/kotlinc || ! -d $NPM_DIR/node_modules/tree-sitter-swift ]]; then
  step "Installing kotlinc and the Swift tree-sitter grammar into $NPM_DIR"
  mkdir -p "$NPM_DIR"
  # Prebuilt binaries only: no install scripts run.
  npm install --silent --no-audit --no-fund --ignore-scripts --legacy-peer-deps --prefix "$NPM_DIR" \
    kotlin-compiler@2.4.20 tree-sitter@0.22.4 tree-sitter-swift@0.7.1 >/dev/null
fi
