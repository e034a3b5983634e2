package no.lykt.tests

import no.lykt.app.shell.Display
import no.lykt.app.shell.Host
import no.lykt.app.shell.PlatformAction
import no.lykt.app.shell.Shell
import no.lykt.app.shell.coreLanguageTags
import no.lykt.app.shell.platformAction
import no.lykt.core.App
import no.lykt.core.AppInterface
import no.lykt.core.Block
import no.lykt.core.Effect
import no.lykt.core.Event
import no.lykt.core.ExitTarget
import no.lykt.core.InternalException
import no.lykt.core.LyktException
import no.lykt.core.Lykt
import no.lykt.core.Platform
import no.lykt.core.Screen
import no.lykt.core.Transition
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/** The Android shell's logic (no Android in it) against the real library. */
class ShellTest {
    /** The activity's side: what it was shown and asked to do. */
    private class Recorder : Host {
        val shown = ArrayList<Pair<Display, Boolean>>()
        val actions = ArrayList<PlatformAction>()

        override fun show(display: Display, busy: Boolean) {
            shown += display to busy
        }

        override fun perform(action: PlatformAction) {
            actions += action
        }
    }

    /** A worker thread run by hand, to look at the shell while a call is under way. */
    private class Held : Executor {
        private val tasks = ArrayDeque<Runnable>()

        override fun execute(task: Runnable) {
            tasks.addLast(task)
        }

        fun runAll() {
            while (tasks.isNotEmpty()) tasks.removeFirst().run()
        }
    }

    /** The real app, failing the way [fail] says for the events it names; closing is recorded. */
    private class Faulty(
        private val real: App,
        private val fail: (Event) -> Throwable?,
    ) : AppInterface by real,
        AutoCloseable {
        var closed = false

        override fun dispatch(event: Event): Transition = fail(event)?.let { throw it } ?: real.dispatch(event)

        override fun close() {
            closed = true
            real.close()
        }
    }

    private val now = Executor { it.run() }
    private var opened = 0
    private val sessions = ArrayList<Faulty>()

    private fun session(fail: (Event) -> Throwable? = { null }): Faulty {
        opened++
        val app = Lykt(listOf("en")).app(Platform.ANDROID)
        app.setTime(unix("2026-03-27T14:30:00Z"))
        return Faulty(app, fail).also { sessions += it }
    }

    private fun shell(
        worker: Executor = now,
        fail: (Event) -> Throwable? = { null },
    ) = Shell({ session(fail) }, worker, now)

    private fun Shell.screen(): Screen = (display as? Display.Core)?.screen ?: error("no core screen: $display")

    private fun started(
        host: Recorder = Recorder(),
        fail: (Event) -> Throwable? = { null },
    ) = shell(fail = fail).also {
        it.attach(host)
        it.start()
    }

    /** A shell on the first discreet page, its worker run by hand. */
    private fun onInfo(
        worker: Held,
        host: Recorder,
    ) = shell(worker).also {
        it.attach(host)
        it.start()
        worker.runAll()
        it.send(Event.Open("info"))
        worker.runAll()
    }

    @Test
    fun `the session opens off the calling thread and its start screen is shown`() {
        val main = LinkedBlockingQueue<Runnable>()
        val worker = Executors.newSingleThreadExecutor()
        var openedOn: Thread? = null
        val shell =
            Shell({
                openedOn = Thread.currentThread()
                session()
            }, worker, main::put)
        val host = Recorder()
        shell.attach(host)
        shell.start()
        assertTrue(shell.busy)
        main.poll(10, TimeUnit.SECONDS)!!.run()
        worker.shutdown()

        assertNotEquals(Thread.currentThread(), openedOn)
        assertFalse(shell.busy)
        assertEquals("home", shell.screen().id)
        assertEquals(listOf(Display.Blank to false, Display.Blank to true, shell.display to false), host.shown)
    }

    @Test
    fun `links open screens, Back goes back, and Back at the start leaves`() {
        val shell = started()
        assertTrue(shell.send(Event.Open("info")))
        assertEquals("info", shell.screen().id)
        assertFalse(shell.back(), "a screen with somewhere to go back to")
        assertEquals("home", shell.screen().id)
        assertFalse(shell.screen().backAvailable)
        assertTrue(shell.back(), "nothing left to go back to: the platform leaves")
        assertEquals("home", shell.screen().id)
    }

    @Test
    fun `a call opens the dialer, and each kind of link its own app`() {
        val host = Recorder()
        val shell = started(host)
        shell.send(Event.Open("info"))
        shell.send(Event.Open("info/danger"))
        val call = shell.screen().blocks.filterIsInstance<Block.Action>().first().action
        assertEquals("tel:112", call.uri)
        shell.send(Event.Act(call.id))
        shell.send(Event.Back)
        shell.send(Event.Open("info/under-18"))
        shell.send(Event.Act("alarmtelefonen.sms.0"))
        shell.send(Event.Act("alarmtelefonen.email.0"))
        shell.send(Event.Act("alarmtelefonen.chat.0"))
        assertEquals(
            listOf(
                PlatformAction.Dial("tel:112"),
                PlatformAction.Compose("sms:41716111"),
                PlatformAction.Compose("mailto:alarm@116111.no"),
                PlatformAction.Browse("https://www.116111.no"),
            ),
            host.actions,
        )
    }

    @Test
    fun `only the link schemes the core promises reach another app`() {
        fun action(uri: String) = platformAction(Effect.OpenUri(uri))
        assertEquals(PlatformAction.Dial("tel:+4795411755"), action("tel:+4795411755"))
        assertEquals(PlatformAction.Compose("SMSTO:41716111"), action("SMSTO:41716111"))
        for (refused in listOf("http://example.org", "javascript:alert(1)", "intent://x#Intent;end", "file:///sdcard/x", "content://x", "tel", "")) {
            assertNull(action(refused), refused)
        }
        assertEquals(PlatformAction.Share("text"), platformAction(Effect.Share("text")))
        assertEquals(PlatformAction.Announce("said"), platformAction(Effect.Announce("said")))
        assertEquals(PlatformAction.Speak("Da", "ro"), platformAction(Effect.Speak("Da", "ro")))
        for (target in ExitTarget.entries) assertEquals(PlatformAction.Leave, platformAction(Effect.QuickExit(target)))
    }

    @Test
    fun `quick exit hides the screen at once, the core wipes the session, and the app leaves`() {
        val worker = Held()
        val host = Recorder()
        val shell = onInfo(worker, host)
        shell.send(Event.Open("info/danger"))
        worker.runAll()

        shell.quickExit()
        assertEquals(Display.Blank, shell.display, "nothing of the app stays on screen")
        assertEquals(listOf(PlatformAction.Silence), host.actions, "nothing is read aloud from this moment")
        worker.runAll()
        assertEquals(listOf(PlatformAction.Silence, PlatformAction.Leave), host.actions)
        assertEquals("neutral", shell.screen().id)
        assertFalse(shell.screen().backAvailable, "Back leads nowhere")
    }

    @Test
    fun `a card's read-aloud button reads its sentence in the language of the voice`() {
        val host = Recorder()
        val shell = started(host)
        shell.send(Event.Open("show/tl"))
        val yes = shell.screen().blocks.filterIsInstance<Block.Card>().single { it.id == "yes" }
        assertEquals("tl", yes.language)
        assertTrue(shell.send(Event.Press("speak/yes")))
        assertEquals(listOf(PlatformAction.Speak(yes.text, "fil")), host.actions, "Tagalog is read with the Filipino voice")
        assertEquals("show/tl", shell.screen().id)

        shell.send(Event.Press("speak/who-health"))
        assertEquals(Display.Failure("this screen has no button \"speak/who-health\""), shell.display)
        assertEquals(1, host.actions.size, "a refused press reads nothing")
    }

    @Test
    fun `the exit key counts on every screen with quick exit, and the tick the core asks for clears its count`() {
        val host = Recorder()
        val shell = started(host)
        shell.send(Event.Open("info"))
        shell.send(Event.Open("info/safety"))

        assertTrue(shell.exitKey(1_000))
        assertEquals(PlatformAction.Announce("Press 2 more times to leave"), host.actions.last())
        assertEquals(5_001L, shell.tickAfter)
        assertTrue(shell.tick(6_000))
        assertEquals("Pressed 1 of 3 times", shell.screen().quickExit?.progress)
        assertEquals(1L, shell.tickAfter)
        shell.tick(6_001)
        assertNull(shell.screen().quickExit?.progress)
        assertNull(shell.tickAfter)

        shell.exitKey(10_000)
        shell.exitKey(11_000)
        shell.exitKey(12_000)
        assertEquals(PlatformAction.Leave, host.actions.last())
        assertEquals("neutral", shell.screen().id)
    }

    @Test
    fun `a panic and a core error both end on the calm error screen with the way back to the start`() {
        val host = Recorder()
        val shell = started(host) { event -> if (event == Event.Open("info")) InternalException("panicked at core/src/app") else null }

        assertTrue(shell.send(Event.Open("info")))
        assertEquals(Display.Failure(null), shell.display, "a panic's text is not for the person")
        assertTrue(sessions.single().closed, "the session the panic went through is dropped")
        assertFalse(shell.send(Event.Open("contacts")), "the error screen sends nothing to the core")
        shell.restart()
        assertEquals("home", shell.screen().id)
        assertEquals(2, opened, "a fresh session")

        shell.send(Event.Act("no-such-action"))
        assertEquals(Display.Failure("this screen has no action \"no-such-action\""), shell.display)
        assertFalse(shell.back(), "Back on the error screen goes to the start, it does not leave")
        assertEquals("home", shell.screen().id)
        assertEquals(3, opened)
        assertTrue(host.actions.isEmpty())
    }

    @Test
    fun `a library that cannot load ends on the error screen, not in a crash`() {
        var loads = 0
        val shell =
            Shell({
                if (loads++ == 0) throw UnsatisfiedLinkError("liblykt_ffi.so not found")
                session()
            }, now, now)
        shell.start()
        assertEquals(Display.Failure(null), shell.display)
        shell.restart()
        assertEquals("home", shell.screen().id)
    }

    @Test
    fun `while a call is under way taps are ignored, and leaving is not`() {
        val worker = Held()
        val host = Recorder()
        val shell = onInfo(worker, host)

        assertTrue(shell.send(Event.Open("info/danger")))
        assertTrue(shell.busy)
        assertEquals(shell.display to true, host.shown.last(), "the activity is told the shell is busy")
        assertFalse(shell.send(Event.Open("info/help")), "ignored while busy")
        assertFalse(shell.back())
        assertTrue(shell.exitKey(1_000), "the exit key still counts")
        shell.quickExit()
        worker.runAll()
        assertFalse(shell.busy)
        // Reading stops at the press; the exit key's count arrives after the quick exit and is
        // dropped: the app is leaving.
        assertEquals(listOf(PlatformAction.Silence, PlatformAction.Leave), host.actions)
        assertEquals("neutral", shell.screen().id)
    }

    @Test
    fun `if the core cannot answer a quick exit the app leaves anyway and drops the session`() {
        val host = Recorder()
        val shell = started(host) { event -> if (event == Event.QuickExit) InternalException("panicked") else null }
        shell.send(Event.Open("info"))
        shell.quickExit()
        assertEquals(listOf(PlatformAction.Silence, PlatformAction.Leave), host.actions)
        assertEquals(Display.Blank, shell.display)
        assertTrue(sessions.single().closed)
    }

    @Test
    fun `quick exit from the error screen leaves at once`() {
        val host = Recorder()
        val shell = started(host) { event -> if (event == Event.Open("info")) InternalException("panicked") else null }
        shell.send(Event.Open("info"))
        shell.quickExit()
        assertEquals(listOf(PlatformAction.Silence, PlatformAction.Leave), host.actions)
        assertEquals(Display.Blank, shell.display)
    }

    @Test
    fun `what happens while the activity is recreated waits for the next one`() {
        val shell = started()
        shell.send(Event.Open("info"))
        shell.send(Event.Open("info/danger"))
        shell.detach()
        shell.send(Event.Act("police-emergency.call.0"))
        val next = Recorder()
        shell.attach(next)
        assertEquals(listOf(shell.display to false), next.shown)
        assertEquals("info/danger", shell.screen().id, "the screen survives")
        assertEquals(listOf(PlatformAction.Dial("tel:112")), next.actions)
    }

    @Test
    fun `the phone's regional preferences do not keep the core from opening`() {
        val android = listOf("nb-NO-u-fw-mon-mu-celsius-nu-latn-ca-gregory", "sr-Latn-RS", "x-private", "nb-no", "en-GB")
        assertFailsWith<LyktException.InvalidLocale> { Lykt(android.take(1)) }
        val tags = coreLanguageTags(android)
        assertEquals(listOf("nb-NO", "sr-Latn-RS", "en-GB"), tags)
        assertEquals("nb", Lykt(tags).locale())
    }

    @Test
    fun `closing ends the session`() {
        val shell = started()
        shell.close()
        assertTrue(sessions.single().closed)
    }
}
