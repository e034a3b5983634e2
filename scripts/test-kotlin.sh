#!/usr/bin/env bash
# Compiles the generated JVM bindings with the Kotlin tests (once) and runs them with JUnit 5
# against the real stripped library through JNA. Needs scripts/build-bindings.sh first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

classes=$BUILD/kotlin-classes
rm -rf "$classes"
step "Compiling bindings and Kotlin tests"
"$KOTLIN_HOME/bin/kotlinc" -nowarn -jvm-target 17 \
  -cp "$JNA_JAR:$JUNIT_JAR:$KOTLIN_HOME/lib/kotlin-test.jar" -d "$classes" \
  "$BUILD/bindings/kotlin-jvm/no/lykt/core/lykt_ffi.kt" tests/kotlin/*.kt
step "Running Kotlin tests"
java -Djna.library.path="$BUILD/lib" -Dlykt.scenarios="$ROOT/tests/scenarios" \
  -jar "$JUNIT_JAR" --disable-banner --details=summary --fail-if-no-tests \
  --class-path "$classes:$KOTLIN_HOME/lib/kotlin-stdlib.jar:$KOTLIN_HOME/lib/kotlin-test.jar:$JNA_JAR" \
  --scan-class-path "$classes"
