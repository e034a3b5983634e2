package no.lykt.app.shell

import java.util.Locale

/**
 * The person's languages, in order, as the core reads them: language, script and region only.
 * Android adds Unicode extensions for regional preferences (`nb-NO-u-fw-mon-mu-celsius`), which
 * say nothing about the language; the core refuses long or malformed tags, and a phone's
 * settings must never keep the app from starting.
 */
fun coreLanguageTags(tags: List<String>): List<String> =
    tags
        .map(Locale::forLanguageTag)
        .filter { it.language.isNotEmpty() }
        .map {
            Locale
                .Builder()
                .setLanguage(it.language)
                .setScript(it.script)
                .setRegion(it.country)
                .build()
        }.map(Locale::toLanguageTag)
        .distinct()
