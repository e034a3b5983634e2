package no.lykt.app.shell

import no.lykt.core.AppInterface
import no.lykt.core.Effect
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
 * results come back on [main]. The slow work the core asks for (a PIN check, a deletion, a wipe)
 * runs on [slow], so the quick exit's call on [worker] is taken while it runs. Everything but
 * the calls runs only on [main]. While a call is under way taps are ignored, except those that
 * leave; what is typed, and the app's going to the background and back, are never lost.
 */
class Shell(
    private val open: () -> AppInterface,
    private val worker: Executor,
    private val main: Executor,
    private val slow: Executor = worker,
) {
    private var session: AppInterface? = null
    private var calls = 0

    /** Grows at every quick exit: an answer to a call made before it is stale and dropped. */
    private var generation = 0

    /** The latest input or submit of a field typed while a call was under way. */
    private var typed: Event? = null
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

    /** After how long (ms) from showing the screen the core asked for a tick, if it did: see [tick]. */
    val tickAfter: Long?
        get() =
            (display as? Display.Core)
                ?.screen
                ?.tickAfterMs
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

    /** Time passed: the tick the screen asked for. */
    fun tick(nowMs: Long): Boolean = send(Event.Tick(nowMs.toULong()))

    /**
     * What the person typed into a field: [Event.Input] as it changes, [Event.Submit] when sent.
     * Each carries the whole value, so while a call is under way only the latest waits for it.
     */
    fun type(event: Event) {
        if (display !is Display.Core) return
        if (busy) {
            typed = event
        } else {
            call { it.dispatch(event) }
        }
    }

    /** The app went to the background or came back ([at] on a clock that counts deep sleep). */
    fun lifecycle(event: Event) {
        if (display is Display.Core) call { it.dispatch(event) }
    }

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
        generation++
        typed = null
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
        on: Executor = worker,
        work: (AppInterface) -> Transition,
    ) {
        calls++
        publish()
        val made = generation
        on.execute {
            val outcome =
                try {
                    Result.success(work(session ?: open().also { session = it }))
                } catch (failure: Throwable) {
                    // Any failure, a panic or a missing library included: the session may be in
                    // any state, so it is dropped and the error screen offers a fresh one.
                    drop()
                    Result.failure(failure)
                }
            main.execute { land(outcome, leaving, made) }
        }
    }

    private fun land(
        outcome: Result<Transition>,
        leaving: Boolean,
        made: Int,
    ) {
        calls--
        if (made != generation) {
            publish()
            return
        }
        outcome
            .onSuccess { transition ->
                display = Display.Core(transition.screen)
                when (val effect = transition.effect) {
                    // Slow work: the busy veil stays up until it is done.
                    is Effect.Work -> {
                        call(on = slow) { it.runWork(effect.job) }
                    }

                    null -> {}

                    else -> {
                        platformAction(effect)?.let(::deliver)
                    }
                }
            }.onFailure { failure ->
                if (leaving) {
                    display = Display.Blank
                    deliver(PlatformAction.Leave)
                } else {
                    display = Display.Failure((failure as? LyktException)?.message)
                }
            }
        val waiting = typed
        if (!busy && waiting != null && display is Display.Core) {
            typed = null
            call { it.dispatch(waiting) }
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
