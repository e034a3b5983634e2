// Real devices only (see README.md): the Android Gradle plugin and Kotlin, nothing else.
// The Kotlin version is the kotlinc that scripts/test-android.sh compiles with; the script
// checks that they agree.
plugins {
    id("com.android.application") version "8.7.3" apply false
    id("org.jetbrains.kotlin.android") version "2.4.20" apply false
}
