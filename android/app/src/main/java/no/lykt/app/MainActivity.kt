package no.lykt.app

import android.app.ActivityManager
import android.content.ActivityNotFoundException
import android.content.Intent
import android.net.Uri
import android.os.Bundle
import android.os.Handler
import android.os.Looper
import android.os.SystemClock
import android.view.KeyEvent
import android.view.WindowManager
import androidx.activity.ComponentActivity
import androidx.activity.addCallback
import androidx.activity.compose.setContent
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import no.lykt.core.App
import no.lykt.core.Effect
import no.lykt.core.Event
import no.lykt.core.ExitTarget
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import no.lykt.core.Platform
import no.lykt.core.Screen

/**
 * The whole Android shell: shows the core's current screen, sends the user's events to the core
 * and performs the effect it returns. Every decision about content and navigation is the core's.
 */
class MainActivity : ComponentActivity() {
    private lateinit var app: App
    private var screen by mutableStateOf<Screen?>(null)
    private val ticks = Handler(Looper.getMainLooper())

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val config = resources.configuration.locales
        val locales = (0 until config.size()).map { config[it].toLanguageTag() }
        // A fresh session on every start: nothing of a previous session is kept.
        app = Lykt.open(locales, filesDir.path).app(Platform.ANDROID)
        show(app.currentScreen())
        onBackPressedDispatcher.addCallback(this) {
            if (screen?.backAvailable == true) send(Event.Back) else finish()
        }
        setContent { screen?.let { ScreenView(it, ::send) } }
    }

    override fun onDestroy() {
        ticks.removeCallbacksAndMessages(null)
        super.onDestroy()
    }

    /** The hardware trigger for quick exit, active while the screen offers quick exit. */
    override fun onKeyDown(keyCode: Int, event: KeyEvent): Boolean {
        val trigger = keyCode == KeyEvent.KEYCODE_VOLUME_DOWN || keyCode == KeyEvent.KEYCODE_SHIFT_LEFT
        if (trigger && screen?.quickExit != null) {
            send(Event.ExitKey(SystemClock.uptimeMillis().toULong()))
            return true
        }
        return super.onKeyDown(keyCode, event)
    }

    private fun send(event: Event) {
        val transition = try {
            app.dispatch(event)
        } catch (e: LyktException) {
            // Events come from the core's own screens; a refusal leaves the screen as it is.
            return
        }
        show(transition.screen)
        transition.effect?.let(::perform)
    }

    private fun show(next: Screen) {
        screen = next
        if (next.secure) {
            window.addFlags(WindowManager.LayoutParams.FLAG_SECURE)
        } else {
            window.clearFlags(WindowManager.LayoutParams.FLAG_SECURE)
        }
        setTaskDescription(ActivityManager.TaskDescription(next.windowTitle))
        // The core says when the quick-exit key's progress lapses; tell it when that time comes.
        ticks.removeCallbacksAndMessages(null)
        next.quickExit?.tickAtMs?.let { at ->
            ticks.postAtTime({ send(Event.Tick(SystemClock.uptimeMillis().toULong())) }, at.toLong())
        }
    }

    private fun perform(effect: Effect) {
        when (effect) {
            is Effect.OpenUri -> openUri(effect.uri)
            is Effect.Share -> startActivity(
                Intent.createChooser(
                    Intent(Intent.ACTION_SEND).setType("text/plain").putExtra(Intent.EXTRA_TEXT, effect.text),
                    null,
                ),
            )
            is Effect.Announce -> window.decorView.announceForAccessibility(effect.text)
            is Effect.QuickExit -> leave(effect.target)
        }
    }

    /** Opens a URI with the app made for it; calls go to the dialer so the user confirms. */
    private fun openUri(uri: String) {
        val parsed = Uri.parse(uri)
        val intent = when (parsed.scheme) {
            "tel" -> Intent(Intent.ACTION_DIAL, parsed)
            "sms", "mailto" -> Intent(Intent.ACTION_SENDTO, parsed)
            else -> Intent(Intent.ACTION_VIEW, parsed)
        }
        try {
            startActivity(intent)
        } catch (e: ActivityNotFoundException) {
            // No app for this kind of link on the phone: nothing to do.
        }
    }

    /** Leaves at once: out of the recent apps, to the home screen. */
    private fun leave(target: ExitTarget) {
        screen = null
        if (target == ExitTarget.HOME_SCREEN) {
            startActivity(
                Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
            )
        }
        finishAndRemoveTask()
    }
}
