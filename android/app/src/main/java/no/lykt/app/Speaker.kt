package no.lykt.app

import android.content.Context
import android.speech.tts.TextToSpeech
import java.util.Locale

/**
 * Reads text aloud with the phone's text-to-speech engine, in the language the core names. The
 * engine is bound on the first reading (that takes a moment; the text waits for it) and let go
 * with [shutdown]. A phone with no voice for the language reads nothing, rather than the sentence
 * in another language's voice.
 */
class Speaker(
    private val context: Context,
) {
    private var engine: TextToSpeech? = null
    private var ready = false
    private var waiting: Pair<String, String>? = null

    /** Reads [text] in [language] (a BCP 47 tag), in place of anything being read. */
    fun speak(
        text: String,
        language: String,
    ) {
        waiting = text to language
        when {
            engine == null -> engine = TextToSpeech(context.applicationContext) { status -> started(status) }
            ready -> readWaiting()
        }
    }

    /** Stops at once, and drops a reading still waiting for the engine. */
    fun stop() {
        waiting = null
        engine?.stop()
    }

    /** Stops and lets the engine go (the activity ends). */
    fun shutdown() {
        stop()
        engine?.shutdown()
        engine = null
        ready = false
    }

    private fun started(status: Int) {
        if (status != TextToSpeech.SUCCESS) {
            // No engine on this phone: nothing can be read.
            shutdown()
            return
        }
        ready = true
        readWaiting()
    }

    private fun readWaiting() {
        val (text, language) = waiting ?: return
        waiting = null
        val tts = engine ?: return
        tts.stop()
        val voice = tts.setLanguage(Locale.forLanguageTag(language))
        if (voice == TextToSpeech.LANG_MISSING_DATA || voice == TextToSpeech.LANG_NOT_SUPPORTED) return
        tts.speak(text, TextToSpeech.QUEUE_FLUSH, null, UTTERANCE)
    }

    private companion object {
        const val UTTERANCE = "lykt-read-aloud"
    }
}
