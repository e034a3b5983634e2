#!/usr/bin/env bash
# Compiles the generated JVM bindings, the Android shell's Android-free logic and the Kotlin tests
# (once) and runs them with JUnit 5 against the real stripped library through JNA.
# Needs scripts/build-bindings.sh first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

classes=$BUILD/kotlin-classes
rm -rf "$classes"
step "Compiling bindings, the Android shell's logic and Kotlin tests"
"$KOTLIN_HOME/bin/kotlinc" -nowarn -jvm-target 17 \
  -cp "$JNA_JAR:$JUNIT_JAR:$KOTLIN_HOME/lib/kotlin-test.jar" -d "$classes" \
  "$BUILD/bindings/kotlin-jvm/no/lykt/core/lykt_ffi.kt" android/app/src/main/java/no/lykt/app/shell/*.kt tests/kotlin/*.kt
step "Signing a test pack (version 2) with the test key"
pack_src=$BUILD/test-pack
rm -rf "$pack_src" && mkdir -p "$pack_src/lang" && cp core/content/*.json "$pack_src/" && cp core/content/lang/*.json "$pack_src/lang/"
sed -i 's/"pack_version": [0-9]*/"pack_version": 2/' "$pack_src/pack.json"
cargo run -q --locked -p lykt-cli -- content sign --key tests/keys/test-signing-key.pk8 --out "$BUILD/test-pack-v2.lyktpack" "$pack_src"

step "Running Kotlin tests"
java -Djna.library.path="$BUILD/lib" -Dlykt.scenarios="$ROOT/tests/scenarios" -Dlykt.testPack="$BUILD/test-pack-v2.lyktpack" \
  -jar "$JUNIT_JAR" --disable-banner --details=summary --fail-if-no-tests \
  --class-path "$classes:$KOTLIN_HOME/lib/kotlin-stdlib.jar:$KOTLIN_HOME/lib/kotlin-test.jar:$JNA_JAR" \
  --scan-class-path "$classes"
