package no.lykt.app.shell

import no.lykt.core.Effect

/** What the platform does for an effect of the core. */
sealed interface PlatformAction {
    /** Opens the dialer with the number filled in: the person confirms the call there. */
    data class Dial(
        val uri: String,
    ) : PlatformAction

    /** Opens the messaging or e-mail app with the address filled in. */
    data class Compose(
        val uri: String,
    ) : PlatformAction

    /** Opens a web page in the browser. */
    data class Browse(
        val uri: String,
    ) : PlatformAction

    /** Offers text through the system's share sheet. */
    data class Share(
        val text: String,
    ) : PlatformAction

    /** Has the screen reader say this. */
    data class Announce(
        val text: String,
    ) : PlatformAction

    /** Reads [text] aloud with the text-to-speech voice for [language] (BCP 47), in place of any reading. */
    data class Speak(
        val text: String,
        val language: String,
    ) : PlatformAction

    /** Destroys the vault's keystore secret: saved work was wiped. */
    data object ForgetSecret : PlatformAction

    /** Stops any reading aloud at once: the first thing a quick exit does. */
    data object Silence : PlatformAction

    /** Leaves at once to the home screen, leaving nothing in the recent apps; no reading goes on. */
    data object Leave : PlatformAction
}

/**
 * The platform action for [effect]; null for a link of a kind the app never opens, and for the
 * slow work the shell runs itself. Only the schemes the core promises are let through, so no
 * content, file or intent link can reach another app from here.
 */
fun platformAction(effect: Effect): PlatformAction? =
    when (effect) {
        is Effect.OpenUri -> {
            when (effect.uri.substringBefore(':', missingDelimiterValue = "").lowercase()) {
                "tel" -> PlatformAction.Dial(effect.uri)
                "sms", "smsto", "mailto" -> PlatformAction.Compose(effect.uri)
                "https" -> PlatformAction.Browse(effect.uri)
                else -> null
            }
        }

        is Effect.Share -> {
            PlatformAction.Share(effect.text)
        }

        is Effect.Announce -> {
            PlatformAction.Announce(effect.text)
        }

        is Effect.Speak -> {
            PlatformAction.Speak(effect.text, effect.language)
        }

        is Effect.ForgetSecret -> {
            PlatformAction.ForgetSecret
        }

        is Effect.Work -> {
            null
        }

        // Android leaves to the home screen whatever the target: the app is made for Android.
        is Effect.QuickExit -> {
            PlatformAction.Leave
        }
    }
