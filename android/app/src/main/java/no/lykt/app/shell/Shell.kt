package no.lykt.app.shell

import no.lykt.core.AppInterface
import no.lykt.core.Event
import no.lykt.core.LyktException
import no.lykt.core.Screen
import no.lykt.core.Transition
import java.util.concurrent.Executor

/** What the window shows. */
sealed interface Display {
    /** Nothing: the session is starting, or the person is leaving. */
    data object Blank : Display

    /** A screen the core built. */
    data class Core(
        val screen: Screen,
    ) : Display

    /**
     * The calm error screen, shown when a call into the core failed in any way. [detail] is the
     * core's own sentence when it gave one. Its way out is [Shell.restart], a fresh session on the
     * start screen.
     */
    data class Failure(
        val detail: String?,
    ) : Display
}

/** The platform's side of the shell: the activity on Android. */
interface Host {
    /** Shows [display]; [busy] while a call into the core is under way. */
    fun show(
        display: Display,
        busy: Boolean,
    )

    /** Carries out an action on the platform. */
    fun perform(action: PlatformAction)
}

/**
 * The shell's state and its traffic with the core, free of Android so it runs in JVM tests.
 *
 * It holds the session (the core's app object) across the activity's recreation, sends events,
 * turns each effect into a [PlatformAction] and shows any failure of the core, a panic included,
 * as [Display.Failure]. Every call into the core runs on [worker], never on the main thread;
 * results come back on [main]. The session is touched only on [worker]; everything else only on
 * [main]. While a call is under way new events are ignored, except those that leave.
 */
class Shell(
    private val open: () -> AppInterface,
    private val worker: Executor,
    private val main: Executor,
) {
    private var session: AppInterface? = null
    private var calls = 0
    private var host: Host? = null
    private val undelivered = ArrayList<PlatformAction>()

    /** What the window shows now. */
    var display: Display = Display.Blank
        private set

    /** Whether a call into the core is under way. */
    val busy: Boolean get() = calls > 0

    /** Whether the window must be kept out of screenshots and the recent apps: unless the core says otherwise, it is. */
    val secure: Boolean
        get() = (display as? Display.Core)?.screen?.secure ?: true

    /** The moment (monotonic ms) the core asked for a tick, if it did: see [tick]. */
    val tickAt: Long?
        get() =
            (display as? Display.Core)
                ?.screen
                ?.quickExit
                ?.tickAtMs
                ?.toLong()

    /** Connects the activity: it is shown the current state and gets actions that came meanwhile. */
    fun attach(host: Host) {
        this.host = host
        host.show(display, busy)
        val waiting = undelivered.toList()
        undelivered.clear()
        waiting.forEach(host::perform)
    }

    /** Disconnects the activity (it is being destroyed); results are kept for the next one. */
    fun detach() {
        host = null
    }

    /** Opens the session and shows its first screen. */
    fun start() = call { Transition(it.currentScreen(), null) }

    /** Sends what the person did; false if it was ignored because a call is under way. */
    fun send(event: Event): Boolean {
        if (busy || display !is Display.Core) return false
        call { it.dispatch(event) }
        return true
    }

    /** Time passed: lets the core clear the exit key's progress. */
    fun tick(nowMs: Long): Boolean = send(Event.Tick(nowMs.toULong()))

    /**
     * A press of the exit key at [atMs] (monotonic ms). True when the screen offers quick exit,
     * so the key belongs to it; counted even while a call is under way.
     */
    fun exitKey(atMs: Long): Boolean {
        val screen = (display as? Display.Core)?.screen ?: return false
        if (screen.quickExit == null) return false
        call { it.dispatch(Event.ExitKey(atMs.toULong())) }
        return true
    }

    /**
     * The quick-exit button. Nothing of the app stays on screen and nothing is read aloud from
     * this moment; the core wipes the session and its effect leaves. If the core cannot answer,
     * the shell leaves anyway and drops the session.
     */
    fun quickExit() {
        deliver(PlatformAction.Silence)
        if (display !is Display.Core) {
            display = Display.Blank
            worker.execute(::drop)
            deliver(PlatformAction.Leave)
            publish()
            return
        }
        display = Display.Blank
        call(leaving = true) { it.dispatch(Event.QuickExit) }
    }

    /** The system's Back. True when nothing is left to go back to: the platform then leaves. */
    fun back(): Boolean =
        when (val shown = display) {
            is Display.Core -> {
                if (shown.screen.backAvailable) send(Event.Back)
                !shown.screen.backAvailable
            }

            is Display.Failure -> {
                restart()
                false
            }

            Display.Blank -> {
                true
            }
        }

    /** The error screen's way back: a fresh session on the start screen. */
    fun restart() {
        if (display is Display.Failure && !busy) start()
    }

    /** Ends the session for good (the activity finished): the core's app object is freed now. */
    fun close() {
        worker.execute(::drop)
    }

    private fun call(
        leaving: Boolean = false,
        work: (AppInterface) -> Transition,
    ) {
        calls++
        publish()
        worker.execute {
            val outcome =
                try {
                    Result.success(work(session ?: open().also { session = it }))
                } catch (failure: Throwable) {
                    // Any failure, a panic or a missing library included: the session may be in
                    // any state, so it is dropped and the error screen offers a fresh one.
                    drop()
                    Result.failure(failure)
                }
            main.execute { land(outcome, leaving) }
        }
    }

    private fun land(
        outcome: Result<Transition>,
        leaving: Boolean,
    ) {
        calls--
        outcome
            .onSuccess { transition ->
                display = Display.Core(transition.screen)
                transition.effect?.let(::platformAction)?.let(::deliver)
            }.onFailure { failure ->
                if (leaving) {
                    display = Display.Blank
                    deliver(PlatformAction.Leave)
                } else {
                    display = Display.Failure((failure as? LyktException)?.message)
                }
            }
        publish()
    }

    private fun deliver(action: PlatformAction) {
        host?.perform(action) ?: undelivered.add(action)
    }

    private fun publish() {
        host?.show(display, busy)
    }

    private fun drop() {
        (session as? AutoCloseable)?.close()
        session = null
    }
}
