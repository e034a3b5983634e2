package no.lykt.tests

import java.io.File
import java.nio.file.Files
import no.lykt.core.App
import no.lykt.core.Block
import no.lykt.core.Effect
import no.lykt.core.Event
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import no.lykt.core.Platform
import no.lykt.core.QuickExit
import no.lykt.core.Screen
import no.lykt.core.Transition
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Replays every shared scenario file through the generated bindings, pressing what a person
 * would press, with the vocabulary of tests/scenarios/README.md (the Rust tests run the same
 * files). An unknown key fails; errors are checked by their exception type.
 */
class ScenarioTest {
    private val fileKeys = setOf("description", "locales", "at", "platform", "saved_work", "steps")
    private val stepKeys = setOf("at", "event", "expect", "note")
    private val fieldKeys = setOf("id", "kind", "value", "hint", "error")

    /** The job of the latest work effect in the file being replayed, for run_work. */
    private var job: ULong? = null

    @Test
    fun `every scenario file through the app model`() {
        val dirs = scenarioRoot.listFiles { f -> f.isDirectory }?.sortedBy { it.name } ?: error("no scenarios under $scenarioRoot")
        var steps = 0
        for (dir in dirs) {
            for ((name, file) in scenarios(dir.name)) {
                for (key in file.keys) check(key in fileKeys) { "${dir.name}/$name: unknown key $key" }
                val platform = (file["platform"] as String?)?.let { Platform.valueOf(it.uppercase()) } ?: Platform.ANDROID
                val app = app(file["locales"].list().map { it.str() }, platform, file["saved_work"])
                job = null
                app.setTime(unix(file["at"].str()))
                for (step in file["steps"].list().map { it.obj() }) {
                    step(app, "${dir.name}/$name: $step", step)
                    steps++
                }
            }
        }
        assertTrue(steps > 150, "only $steps steps")
    }

    /** The app a file asks for: with saved_work, as a phone opens it with saved work. */
    private fun app(locales: List<String>, platform: Platform, savedWork: Any?): App = Lykt(locales).use {
        when (savedWork) {
            null, false -> it.app(platform)
            true -> {
                val vault = File(Files.createTempDirectory("lykt-scenario").toFile(), "vault").path
                it.appWithSavedWork(platform, vault, ByteArray(32) { 7 }, MemoryStore())
            }
            else -> error("saved_work is true or false, not $savedWork")
        }
    }

    /** Sends a file's event: run_work runs the latest work effect's job, follow opens a link by its label. */
    private fun send(app: App, e: Map<String, Any?>): Transition {
        check(e.size == 1) { "one event per step: $e" }
        val t = when {
            "run_work" in e -> {
                check(e["run_work"] == true) { "run_work takes true" }
                app.runWork(job ?: error("run_work: no work effect came before it"))
            }
            "follow" in e -> {
                val label = e["follow"].str()
                val link = app.currentScreen().blocks.filterIsInstance<Block.Link>().firstOrNull { it.label == label }
                app.dispatch(Event.Open(link?.target ?: error("no link labelled $label")))
            }
            else -> app.dispatch(event(e))
        }
        (t.effect as? Effect.Work)?.let { job = it.job }
        return t
    }

    private fun step(app: App, where: String, step: Map<String, Any?>) {
        for (key in step.keys) check(key in stepKeys) { "$where: unknown key $key" }
        (step["at"] as String?)?.let { app.setTime(unix(it)) }
        val expect = step["expect"].obj()
        val before = app.currentScreen()
        var effect: Effect? = null
        val ev = step["event"]?.obj()
        if (ev != null) {
            try {
                effect = send(app, ev).effect
                check(expect["error"] == null) { "$where: expected ${expect["error"]}" }
            } catch (e: LyktException) {
                assertEquals(expect["error"], e.code(), "$where: $e")
                assertEquals(before, app.currentScreen(), "$where: an error must change nothing")
            }
        } else {
            check(expect["error"] == null) { "$where: an error needs an event" }
        }
        val screen = app.currentScreen()
        for ((key, want) in expect) {
            if (key == "error") continue
            assertEquals(want, observed(screen, effect, key, want, where), "$where: $key")
        }
    }

    /** What the screen (and the effect) shows for expectation [key], in the files' shape. */
    private fun observed(screen: Screen, effect: Effect?, key: String, want: Any?, where: String): Any? {
        val actions = screen.blocks.filterIsInstance<Block.Action>().map { it.action }
        val links = screen.blocks.filterIsInstance<Block.Link>().map { it.target }
        val choice = screen.blocks.filterIsInstance<Block.Choice>().firstOrNull()
        val status = screen.blocks.filterIsInstance<Block.Status>().firstOrNull()
        val items = screen.blocks.filterIsInstance<Block.ChecklistItem>()
        val cards = screen.blocks.filterIsInstance<Block.Card>()
        return when (key) {
            "screen" -> screen.id
            "back" -> screen.backAvailable
            "title" -> screen.title
            "window_title" -> screen.windowTitle
            "back_label" -> screen.backLabel
            "tick_after_ms" -> screen.tickAfterMs?.toLong()
            "mode" -> screen.mode.name.lowercase()
            "direction" -> screen.direction.name.lowercase()
            "status" -> status?.text
            "status_kind" -> status?.state?.name?.lowercase()
            "first_action" -> actions.firstOrNull()?.uri
            "first_action_label" -> actions.firstOrNull()?.label
            "actions" -> actions.map { it.uri }
            "question" -> choice?.id
            "options" -> choice?.options?.map { it.id }
            "links" -> links
            "links_include" -> want.list().filter { it in links }
            "notices" -> screen.blocks.filterIsInstance<Block.Notice>().map { it.level.name.lowercase() }
            "items" -> items.filter { it.id in want.obj() }.associate { it.id to it.status }
            "item_count" -> items.size.toLong()
            "buttons" -> screen.blocks.filterIsInstance<Block.Button>().map { it.id }
            "cards" -> cards.map { it.id }
            "link_labels" -> screen.blocks.filterIsInstance<Block.Link>().map { it.label }
            "notice" -> screen.blocks.filterIsInstance<Block.Notice>().firstOrNull()?.text
            "field" -> fieldJson(screen.blocks.filterIsInstance<Block.TextInput>().firstOrNull(), want)
            "shared" -> (effect as? Effect.Share)?.let { it.text.lines().take(2) }
            "card" -> cardJson(cards.find { it.id == want.obj()["id"] }, want)
            "effect" -> effectJson(effect)
            "read_aloud" -> (effect as? Effect.Speak)?.let { mapOf("language" to it.language, "first_line" to it.text.lines().first()) }
            "quick_exit" -> quickExitJson(screen.quickExit, want)
            else -> error("$where: unknown expectation $key")
        }
    }

    /** The quick-exit affordance as the scenario files write it: only the fields they name. */
    private fun quickExitJson(q: QuickExit?, want: Any?): Any? {
        if (q == null || want !is Map<*, *>) return q?.let { "present" }
        val all = mapOf(
            "label" to q.label,
            "accessibility_label" to q.accessibilityLabel,
            "hint" to q.hint,
            "presses" to q.presses.toLong(),
            "presses_needed" to q.pressesNeeded.toLong(),
            "progress" to q.progress,
        )
        for (k in want.keys) check(k in all) { "unknown quick_exit field $k" }
        return want.keys.associateWith { all[it] }
    }

    /** A text field as the scenario files write it: only the keys they name. */
    private fun fieldJson(f: Block.TextInput?, want: Any?): Any? {
        if (want !is Map<*, *>) return f?.let { "a field" }
        for (k in want.keys) check(k in fieldKeys) { "unknown field key $k" }
        if (f == null) return null
        val all = mapOf("id" to f.id, "kind" to f.kind.name.lowercase(), "value" to f.value, "hint" to f.hint, "error" to f.error)
        return want.obj().keys.associateWith { all[it] }
    }

    /** A card as the scenario files write it: only the fields they name. */
    private fun cardJson(c: Block.Card?, want: Any?): Any? {
        if (c == null) return "no such card"
        val all = mapOf(
            "id" to c.id,
            "text" to c.text,
            "language" to c.language,
            "direction" to c.direction.name.lowercase(),
            "norwegian" to c.norwegian,
        )
        for (k in want.obj().keys) check(k in all) { "unknown card field $k" }
        return want.obj().keys.associateWith { all[it] }
    }

    /** A scenario event as an app event: exactly one known key. */
    private fun event(e: Map<String, Any?>): Event {
        check(e.size == 1) { "one event per step: $e" }
        val (name, arg) = e.entries.single()
        return when (name) {
            "open" -> Event.Open(arg.str())
            "act" -> Event.Act(arg.str())
            "press" -> Event.Press(arg.str())
            "back" -> Event.Back
            "quick_exit" -> Event.QuickExit
            "exit_key" -> Event.ExitKey((arg as Long).toULong())
            "tick" -> Event.Tick((arg as Long).toULong())
            "choose" -> arg.list().let { Event.Choose(it[0].str(), it[1].str()) }
            "set_status" -> arg.list().let { Event.SetStatus(it[0].str(), it[1].str()) }
            "input" -> arg.list().let { Event.Input(it[0].str(), it[1].str()) }
            "submit" -> arg.list().let { Event.Submit(it[0].str(), it[1].str()) }
            "background" -> Event.Background((arg as Long).toULong())
            "foreground" -> Event.Foreground((arg as Long).toULong())
            else -> error("unknown event $name")
        }
    }

    private fun effectJson(e: Effect?): Map<String, Any?>? = when (e) {
        null -> null
        is Effect.OpenUri -> mapOf("open_uri" to e.uri)
        is Effect.Share -> mapOf("share" to e.text)
        is Effect.QuickExit -> mapOf("quick_exit" to e.target.name.lowercase())
        is Effect.Announce -> mapOf("announce" to e.text)
        is Effect.Speak -> mapOf("speak" to mapOf("text" to e.text, "language" to e.language))
        is Effect.Work -> mapOf("work" to e.job.toLong())
        is Effect.ForgetSecret -> mapOf("forget_secret" to true)
    }

    @Test
    fun `an unknown event or expectation fails instead of being skipped`() {
        assertThrows(IllegalStateException::class.java) { event(mapOf("swipe" to "home")) }
        assertThrows(IllegalStateException::class.java) { event(mapOf("open" to "home", "back" to true)) }
        val app = Lykt(listOf("en")).app(Platform.ANDROID)
        assertThrows(IllegalStateException::class.java) { observed(app.currentScreen(), null, "scren", null, "test") }
        assertThrows(IllegalStateException::class.java) { observed(app.currentScreen(), null, "field", mapOf("size" to 1L), "test") }
        job = null
        assertThrows(IllegalStateException::class.java) { send(app, mapOf("run_work" to true)) }
        assertThrows(IllegalStateException::class.java) { send(app, mapOf("follow" to "no such link")) }
        assertTrue(File(scenarioRoot, "info").isDirectory)
    }
}
