// The Android shell for real devices. scripts/test-android.sh reads namespace, the SDK levels
// and the version from this file and builds the same sources the same way (without Gradle);
// keep the values below on one line each.
// Before building: scripts/build-bindings.sh (the Kotlin bindings) and the cargo-ndk build in
// README.md (the native libraries into src/main/jniLibs).
plugins {
    id("com.android.application")
    id("org.jetbrains.kotlin.android")
}

android {
    namespace = "no.lykt.app"
    compileSdk = 35
    defaultConfig {
        applicationId = "no.lykt.app"
        minSdk = 26
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
    }
    sourceSets["main"].java.srcDir("../../build/bindings/kotlin-android")
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_1_8
        targetCompatibility = JavaVersion.VERSION_1_8
    }
}

kotlin {
    compilerOptions { jvmTarget.set(org.jetbrains.kotlin.gradle.dsl.JvmTarget.JVM_1_8) }
}

dependencies {
    // The only dependency: JNA, which the bindings call the core through (with its native
    // libraries for every ABI). The version is Debian's libjna-java, which the script compiles
    // and tests with; the script checks that they agree.
    implementation("net.java.dev.jna:jna:5.13.0@aar")
    // The generated bindings' @RequiresApi; an annotation only, not in the APK.
    compileOnly("androidx.annotation:annotation:1.9.1")
}
