package no.lykt.tests

import no.lykt.core.Audience
import no.lykt.core.Block
import no.lykt.core.Effect
import no.lykt.core.Event
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import no.lykt.core.OpenState
import no.lykt.core.Platform
import no.lykt.core.QuickExit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Replays the shared scenario files (the Rust tests run the same files). */
class ScenarioTest {
    private fun locales(file: Map<String, Any?>) = file["locales"].list().map { it.str() }

    private fun stateName(s: OpenState) = s.name.lowercase()

    @Test
    fun `contact scenarios`() {
        for ((name, file) in scenarios("contacts")) {
            val book = Lykt(locales(file)).contactBook()
            for (case in file["cases"].list().map { it.obj() }) {
                val where = "$name: $case"
                val expect = case["expect"].obj()
                val at = unix(case["at"].str())
                when (case["op"].str()) {
                    "contact" -> {
                        val c = try {
                            book.contact(case["id"].str(), at)
                        } catch (e: LyktException) {
                            assertEquals(expect["error"], e.code(), where); continue
                        }
                        for ((key, want) in expect) {
                            val got: Any? = when (key) {
                                "status" -> stateName(c.status)
                                "status_text" -> c.statusText
                                "open_until" -> rfc3339(c.openUntil)
                                "next_open" -> rfc3339(c.nextOpen)
                                "first_action_uri" -> c.actions.first().uri
                                "first_action_label" -> c.actions.first().label
                                else -> error("$where: unknown expectation $key")
                            }
                            assertEquals(want, got, "$where: $key")
                        }
                    }
                    "list" -> {
                        val audience = (case["audience"] as String?)?.let { Audience.valueOf(it.uppercase()) }
                        val l = book.list(audience, at)
                        for ((key, want) in expect) when (key) {
                            "holiday" -> assertEquals(want, l.publicHoliday?.id, where)
                            "always_open_includes" -> want.list().forEach { assertTrue(it in l.alwaysOpenAlternatives, "$where: $it") }
                            "always_open_excludes" -> want.list().forEach { assertTrue(it !in l.alwaysOpenAlternatives, "$where: $it") }
                            else -> error("$where: unknown expectation $key")
                        }
                    }
                    "search" -> {
                        val found = book.search(case["query"].str(), null, at).contacts.map { it.id }
                        expect["first"]?.let { assertEquals(it, found.firstOrNull(), where) }
                        (expect["includes"] as List<*>?)?.forEach { assertTrue(it in found, "$where: $it") }
                    }
                    else -> error("$where: unknown op")
                }
            }
        }
    }

    @Test
    fun `app and info-mode scenarios`() {
        for ((name, file) in scenarios("app") + scenarios("info")) {
            val platform = (file["platform"] as String?)?.let { Platform.valueOf(it.uppercase()) } ?: Platform.ANDROID
            val app = Lykt(locales(file)).app(platform)
            app.setTime(unix(file["at"].str()))
            for (step in file["steps"].list().map { it.obj() }) {
                val where = "$name: $step"
                val expect = step["expect"].obj()
                val before = app.currentScreen()
                var effect: Effect? = null
                val ev = step["event"]?.obj()
                if (ev != null) {
                    try {
                        effect = app.dispatch(event(ev)).effect
                    } catch (e: LyktException) {
                        assertEquals(expect["error"], e.code(), where)
                        assertEquals(before, app.currentScreen(), "$where: an error must change nothing")
                        continue
                    }
                }
                check(expect["error"] == null) { "$where: expected an error" }
                val screen = app.currentScreen()
                for ((key, want) in expect) {
                    val got: Any? = when (key) {
                        "screen" -> screen.id
                        "back" -> screen.backAvailable
                        "title" -> screen.title
                        "window_title" -> screen.windowTitle
                        "mode" -> screen.mode.name.lowercase()
                        "direction" -> screen.direction.name.lowercase()
                        "status" -> screen.blocks.filterIsInstance<Block.Status>().firstOrNull()?.text
                        "first_action" -> screen.blocks.filterIsInstance<Block.Action>().firstOrNull()?.action?.uri
                        "question" -> screen.blocks.filterIsInstance<Block.Choice>().firstOrNull()?.id
                        "links_include" -> screen.blocks.filterIsInstance<Block.Link>().map { it.target }.let { have -> want.list().filter { it in have } }
                        "items" -> screen.blocks.filterIsInstance<Block.ChecklistItem>().filter { it.id in want.obj() }.associate { it.id to it.status }
                        "effect" -> effectJson(effect)
                        "quick_exit" -> quickExitJson(screen.quickExit, want)
                        else -> error("$where: unknown expectation $key")
                    }
                    assertEquals(want, got, "$where: $key")
                }
            }
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
            "tick_at_ms" to q.tickAtMs?.toLong(),
        )
        return want.keys.associateWith { all[it] }
    }

    private fun event(e: Map<String, Any?>): Event = when {
        "open" in e -> Event.Open(e["open"].str())
        "act" in e -> Event.Act(e["act"].str())
        "press" in e -> Event.Press(e["press"].str())
        "back" in e -> Event.Back
        "quick_exit" in e -> Event.QuickExit
        "exit_key" in e -> Event.ExitKey((e["exit_key"] as Long).toULong())
        "tick" in e -> Event.Tick((e["tick"] as Long).toULong())
        "choose" in e -> e["choose"].list().let { Event.Choose(it[0].str(), it[1].str()) }
        "set_status" in e -> e["set_status"].list().let { Event.SetStatus(it[0].str(), it[1].str()) }
        else -> error("unknown event $e")
    }

    private fun effectJson(e: Effect?): Map<String, Any?>? = when (e) {
        null -> null
        is Effect.OpenUri -> mapOf("open_uri" to e.uri)
        is Effect.Share -> mapOf("share" to e.text)
        is Effect.QuickExit -> mapOf("quick_exit" to e.target.name.lowercase())
        is Effect.Announce -> mapOf("announce" to e.text)
        is Effect.Speak -> mapOf("speak" to mapOf("text" to e.text, "language" to e.language))
    }
}
