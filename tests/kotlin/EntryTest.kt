package no.lykt.tests

import no.lykt.core.Event
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import no.lykt.core.Platform
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** The entry object and the app through the bindings: each failure is an exception of its own type. */
class EntryTest {
    @Test
    fun `an invalid locale, an impossible time and an unknown screen are typed errors`() {
        assertFailsWith<LyktException.InvalidLocale> { Lykt(listOf("not a locale")) }
        val app = Lykt(listOf("nb-NO", "en")).app(Platform.ANDROID)
        assertFailsWith<LyktException.InvalidTime> { app.setTime(Long.MAX_VALUE) }
        val before = app.currentScreen()
        val e = assertFailsWith<LyktException.UnknownScreen> { app.dispatch(Event.Open("nowhere")) }
        assertEquals("unknown_screen", e.code())
        assertEquals(before, app.currentScreen(), "a refused event changes nothing")
    }

    @Test
    fun `the preferred locale decides the language of every screen`() {
        val lykt = Lykt(listOf("nb-NO", "en"))
        assertEquals("nb", lykt.locale())
        val app = lykt.app(Platform.IOS)
        app.setTime(unix("2026-03-27T14:30:00Z"))
        val udi = app.dispatch(Event.Open("contact/udi")).screen
        assertEquals("contact/udi", udi.id)
        assertEquals(true, udi.secure)
    }
}
