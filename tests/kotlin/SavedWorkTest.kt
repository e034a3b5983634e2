package no.lykt.tests

import java.io.File
import java.nio.file.Files
import no.lykt.core.App
import no.lykt.core.Block
import no.lykt.core.Effect
import no.lykt.core.Event
import no.lykt.core.InputKind
import no.lykt.core.Lykt
import no.lykt.core.Platform
import no.lykt.core.Screen
import no.lykt.core.Transition
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Saved work as a phone shell drives it, through the bindings and the real library: each slow
 * step comes back as a Work effect the test runs as the shell's worker thread would.
 */
class SavedWorkTest {
    private val root: File = Files.createTempDirectory("lykt-saved").toFile()
    private val store = MemoryStore()
    private var now = unix("2026-11-24T09:30:00Z")
    private val app: App =
        Lykt(listOf("en")).use {
            it.appWithSavedWork(Platform.ANDROID, File(root, "vault").path, ByteArray(32) { 7 }, store)
        }.also { it.setTime(now) }

    private fun send(event: Event): Transition = app.dispatch(event)

    /** Sends [event] and runs the slow work it starts, off the screen as a shell does. */
    private fun work(event: Event): Transition {
        val t = send(event)
        val job = (t.effect as? Effect.Work)?.job ?: error("no work for $event: ${t.effect}")
        assertEquals("One moment", t.screen.title, "the busy screen while it runs")
        return app.runWork(job)
    }

    private fun open(target: String) = send(Event.Open(target)).screen

    private fun press(id: String) = send(Event.Press(id))

    private fun later(seconds: Long) {
        now += seconds
        app.setTime(now)
    }

    private fun field(s: Screen): Block.TextInput? = s.blocks.filterIsInstance<Block.TextInput>().firstOrNull()

    private fun saveAs(label: String) {
        val form = press("save").screen
        assertEquals("label", field(form)?.id)
        assertTrue(field(form)?.hint.orEmpty().contains("name"), "the field says: no names")
        work(Event.Submit("label", label))
    }

    private fun item(label: String): Screen {
        val list = open("saved")
        val link = list.blocks.filterIsInstance<Block.Link>().first { it.label == label }
        return open(link.target)
    }

    @Test
    fun `PIN, save, lock, back-off, unlock, continue, delete, wipe`() {
        var s = open("saved")
        assertEquals(InputKind.PIN, field(s)?.kind)
        s = send(Event.Submit("new_pin", "12")).screen
        assertEquals("The PIN needs at least 6 characters.", field(s)?.error)
        send(Event.Submit("new_pin", "482916"))
        assertEquals("Saved work", work(Event.Submit("pin_again", "482916")).screen.title)

        open("assess")
        send(Event.Choose("minor", "no"))
        open("assess/result")
        val share = press("share").effect as Effect.Share
        assertTrue(share.text.contains("Assessment of indicators"), share.text)
        saveAs("case 1")

        open("placement")
        send(Event.SetStatus("emergency-decision", "done"))
        saveAs("case 2")

        open("saved")
        press("lock")
        for (i in 1..3) assertEquals("The PIN is wrong.", field(work(Event.Submit("pin", "000000")).screen)?.error)
        s = work(Event.Submit("pin", "482916")).screen
        assertEquals("Too many wrong PINs. Try again in 30 seconds.", field(s)?.error)
        later(31)
        assertEquals("Saved work", work(Event.Submit("pin", "482916")).screen.title)

        send(Event.QuickExit)
        open("home")
        open("saved")
        work(Event.Submit("pin", "482916"))
        item("case 2")
        s = press("continue").screen
        assertEquals("placement", s.id)
        val done = s.blocks.filterIsInstance<Block.ChecklistItem>().first { it.id == "emergency-decision" }
        assertEquals("done", done.status)

        val one = item("case 1")
        open(one.blocks.filterIsInstance<Block.Link>().single { it.target.startsWith("delete/") }.target)
        s = work(Event.Press("delete")).screen
        assertEquals(listOf("case 2"), s.blocks.filterIsInstance<Block.Link>().map { it.label }.filter { it.startsWith("case") })

        open("saved/wipe")
        press("wipe")
        s = press("cancel").screen
        assertEquals("saved", s.id)
        open("saved/wipe")
        press("wipe")
        later(5)
        val wiped = app.runWork((send(Event.Tick(5_000u)).effect as Effect.Work).job)
        assertEquals(Effect.ForgetSecret, wiped.effect)
        assertEquals("Set a PIN for saved work", wiped.screen.title)
    }

    @Test
    fun `language, read aloud and quick exit`() {
        open("language")
        val nb = send(Event.Choose("language", "nb")).screen
        assertEquals("Språk", nb.title)
        open("info")
        open("info/danger")
        val speak = press("read-aloud").effect as Effect.Speak
        assertEquals("nb", speak.language)
        assertEquals("Er du i fare nå?", speak.text.lines().first())
        val exit = send(Event.QuickExit)
        assertTrue(exit.effect is Effect.QuickExit, "quick exit, which stops any speech")
    }
}
