package no.lykt.app

import android.content.res.Configuration
import android.os.Build
import android.view.View

/**
 * Platform calls newer than API 23, which the shell is compiled against: each made through
 * reflection, guarded by the running version, with API 23's behaviour when it cannot be made.
 */
internal object Newer {
    /** The person's languages in order of preference (API 24); the first one alone before. */
    fun languageTags(configuration: Configuration): List<String> =
        try {
            val locales = Configuration::class.java.getMethod("getLocales").invoke(configuration)
            (locales.javaClass.getMethod("toLanguageTags").invoke(locales) as String)
                .split(',')
                .filter { it.isNotEmpty() }
        } catch (e: ReflectiveOperationException) {
            @Suppress("DEPRECATION")
            listOf(configuration.locale.toLanguageTag())
        }

    /** Marks a heading for the screen reader's heading navigation (API 28). */
    fun markHeading(view: View) {
        if (Build.VERSION.SDK_INT < HEADINGS) return
        try {
            View::class.java.getMethod("setAccessibilityHeading", Boolean::class.javaPrimitiveType).invoke(view, true)
        } catch (e: ReflectiveOperationException) {
            // Without it the heading is read as text.
        }
    }

    /** Keeps a field out of autofill and password managers (API 26). */
    fun keepFromAutofill(view: View) {
        if (Build.VERSION.SDK_INT < AUTOFILL) return
        try {
            View::class.java
                .getMethod(
                    "setImportantForAutofill",
                    Int::class.javaPrimitiveType,
                ).invoke(view, NO_AUTOFILL)
        } catch (e: ReflectiveOperationException) {
            // Without it autofill may offer to fill the field; it never learns a hidden one.
        }
    }

    private const val HEADINGS = 28
    private const val AUTOFILL = 26

    /** View.IMPORTANT_FOR_AUTOFILL_NO_EXCLUDE_DESCENDANTS. */
    private const val NO_AUTOFILL = 8
}
