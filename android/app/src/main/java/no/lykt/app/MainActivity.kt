package no.lykt.app

import android.app.Activity
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
import no.lykt.app.shell.Display
import no.lykt.app.shell.Host
import no.lykt.app.shell.PlatformAction
import no.lykt.app.shell.Shell
import no.lykt.app.shell.coreLanguageTags
import no.lykt.core.Event
import no.lykt.core.Lykt
import no.lykt.core.Platform
import java.io.File
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * The whole Android shell around [Shell]: the window's security, the keys, Back, the ticks the
 * core asks for, going to the background and back, and the platform actions. The session
 * outlives the activity's recreation (turning the phone, the theme, the font size); when the
 * activity finishes, it ends. Reading aloud stops when the window is no longer seen, and with
 * any quick exit.
 */
class MainActivity :
    Activity(),
    Host {
    /** What survives the activity's recreation: the shell and the thread the core runs on. */
    private class Session(
        val shell: Shell,
        val worker: ExecutorService,
        val slow: ExecutorService,
    )

    private lateinit var session: Session
    private lateinit var renderer: ScreenRenderer
    private val speaker = Speaker(this)
    private val handler = Handler(Looper.getMainLooper())
    private val tick = Runnable { session.shell.tick(SystemClock.uptimeMillis()) }
    private val showBusy = Runnable { renderer.busy(true) }
    private var drawn: Display? = null

    override fun onCreate(savedInstanceState: Bundle?) {
        // Before anything is drawn: no screenshots, no picture in the recent apps.
        window.addFlags(WindowManager.LayoutParams.FLAG_SECURE)
        super.onCreate(savedInstanceState)
        session = lastNonConfigurationInstance as? Session ?: newSession()
        renderer = ScreenRenderer(this, session.shell)
        setContentView(renderer.root)
        // No tap goes through while another app draws over the window.
        window.decorView.filterTouchesWhenObscured = true
        session.shell.attach(this)
    }

    private fun newSession(): Session {
        // Nothing of the activity is captured: the session outlives it.
        val locales = coreLanguageTags(Newer.languageTags(resources.configuration))
        val packs = filesDir.path
        val vault = File(noBackupFilesDir, "vault").path
        val secret = KeystoreKey.vaultSecret(applicationContext)
        val main = Handler(Looper.getMainLooper())
        val worker = Executors.newSingleThreadExecutor()
        val slow = Executors.newSingleThreadExecutor()
        val shell =
            Shell(
                open = {
                    Lykt.open(locales, packs).use {
                        val key = secret.get()
                        it.appWithSavedWork(Platform.ANDROID, vault, key, key?.let { secret.store })
                    }
                },
                worker = worker,
                main = { main.post(it) },
                slow = slow,
            )
        shell.start()
        return Session(shell, worker, slow)
    }

    override fun onStart() {
        super.onStart()
        session.shell.lifecycle(Event.Foreground(SystemClock.elapsedRealtime().toULong()))
    }

    override fun onStop() {
        // Reading aloud stops when the window is no longer seen.
        speaker.stop()
        // Deep sleep counts: the core decides from the time away what still shows on return.
        session.shell.lifecycle(Event.Background(SystemClock.elapsedRealtime().toULong()))
        super.onStop()
    }

    override fun onRetainNonConfigurationInstance(): Any = session

    override fun onDestroy() {
        speaker.shutdown()
        handler.removeCallbacksAndMessages(null)
        session.shell.detach()
        if (!isChangingConfigurations) {
            session.shell.close()
            session.worker.shutdown()
            session.slow.shutdown()
        }
        super.onDestroy()
    }

    override fun show(
        display: Display,
        busy: Boolean,
    ) {
        if (display !== drawn) {
            renderer.render(display)
            drawn = display
        }
        if (session.shell.secure) {
            window.addFlags(WindowManager.LayoutParams.FLAG_SECURE)
        } else {
            window.clearFlags(WindowManager.LayoutParams.FLAG_SECURE)
        }
        // The core's window title is neutral on discreet screens: it is what the app switcher shows.
        val title = (display as? Display.Core)?.screen?.windowTitle ?: getString(R.string.app_name)
        setTitle(title)
        setTaskDescription(ActivityManager.TaskDescription(title))
        // The veil only for calls that take a while, so quick ones do not flicker.
        handler.removeCallbacks(showBusy)
        renderer.busy(false)
        if (busy) handler.postDelayed(showBusy, BUSY_VEIL_AFTER_MS)
        handler.removeCallbacks(tick)
        session.shell.tickAfter?.let { handler.postDelayed(tick, it) }
    }

    override fun perform(action: PlatformAction) {
        when (action) {
            is PlatformAction.Dial -> launch(Intent(Intent.ACTION_DIAL, Uri.parse(action.uri)))
            is PlatformAction.Compose -> launch(Intent(Intent.ACTION_SENDTO, Uri.parse(action.uri)))
            is PlatformAction.Browse -> launch(Intent(Intent.ACTION_VIEW, Uri.parse(action.uri)).addCategory(BROWSABLE))
            is PlatformAction.Share -> launch(Intent.createChooser(plainText(action.text), null))
            is PlatformAction.Announce -> window.decorView.announceForAccessibility(action.text)
            is PlatformAction.Speak -> speaker.speak(action.text, action.language)
            PlatformAction.Silence -> speaker.stop()
            PlatformAction.ForgetSecret -> forgetSecret()
            PlatformAction.Leave -> leave()
        }
    }

    /** After a wipe the keystore key and the sealed secret go too; keystore calls stay off the main thread. */
    private fun forgetSecret() {
        session.worker.execute { KeystoreKey.vaultSecret(applicationContext).erase() }
    }

    private fun plainText(text: String) =
        Intent(Intent.ACTION_SEND).setType("text/plain").putExtra(Intent.EXTRA_TEXT, text)

    /** Leaves at once: the home screen in front, this task out of the recent apps. */
    private fun leave() {
        speaker.stop()
        renderer.render(Display.Blank)
        launch(Intent(Intent.ACTION_MAIN).addCategory(Intent.CATEGORY_HOME).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK))
        finishAndRemoveTask()
    }

    private fun launch(intent: Intent) {
        try {
            startActivity(intent)
        } catch (e: ActivityNotFoundException) {
            // No app on this phone for this kind of link: nothing happens.
        }
    }

    // Deprecated from API 33 for predictive Back, which the app does not opt in to: the platform
    // still calls it for apps that target API 35.
    @Suppress("OVERRIDE_DEPRECATION")
    override fun onBackPressed() {
        // At the start, Back leaves and nothing stays in the recent apps.
        if (session.shell.back()) finishAndRemoveTask()
    }

    /**
     * The second quick-exit trigger: volume down, or Shift on a keyboard. It belongs to quick
     * exit only on screens that offer it; elsewhere the key does what it always does.
     */
    override fun onKeyDown(
        keyCode: Int,
        event: KeyEvent,
    ): Boolean {
        val trigger =
            keyCode == KeyEvent.KEYCODE_VOLUME_DOWN ||
                keyCode == KeyEvent.KEYCODE_SHIFT_LEFT ||
                keyCode == KeyEvent.KEYCODE_SHIFT_RIGHT
        if (trigger && event.repeatCount == 0 && session.shell.exitKey(event.eventTime)) return true
        return super.onKeyDown(keyCode, event)
    }

    private companion object {
        const val BUSY_VEIL_AFTER_MS = 300L
        const val BROWSABLE = Intent.CATEGORY_BROWSABLE
    }
}
