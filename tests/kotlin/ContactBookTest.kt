package no.lykt.tests

import no.lykt.core.Audience
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import no.lykt.core.OpenState
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** The contact book through the generated bindings and the real library. */
class ContactBookTest {
    private val book = Lykt(listOf("nb-NO", "en")).contactBook()

    @Test
    fun `lists every contact with the emergency numbers first`() {
        val all = book.list(null, unix("2026-06-01T10:00:00Z")).contacts
        assertTrue(all.size >= 40, "only ${all.size} contacts")
        assertEquals("police-emergency", all.first().id)
        val rosa = all.single { it.id == "rosa" }
        assertEquals("22331160", rosa.phones.first().dial)
        assertEquals("tel:22331160", rosa.phones.first().uri)
        assertEquals(true, rosa.anonymous)
    }

    @Test
    fun `open now follows Oslo time on both sides of the spring change`() {
        // Thursday 26 March 2026, 14:30 CET: UDI (10–15) open until 15:00 CET = 14:00 UTC.
        val thursday = book.contact("udi", unix("2026-03-26T13:30:00Z"))
        assertEquals(OpenState.OPEN, thursday.status)
        assertEquals("2026-03-26T14:00:00Z", rfc3339(thursday.openUntil))
        // Friday 15:30 CET: closed; clocks go forward on Sunday; Monday 10:00 CEST = 08:00 UTC.
        val friday = book.contact("udi", unix("2026-03-27T14:30:00Z"))
        assertEquals(OpenState.CLOSED, friday.status)
        assertEquals("2026-03-30T08:00:00Z", rfc3339(friday.nextOpen))
        assertEquals("Stengt nå. Åpner mandag kl. 10:00", friday.statusText)
    }

    @Test
    fun `open now follows Oslo time on both sides of the autumn change`() {
        val before = book.contact("support-centre", unix("2026-10-23T13:20:00Z"))
        assertEquals("2026-10-23T13:30:00Z", rfc3339(before.openUntil))
        val after = book.contact("support-centre", unix("2026-10-26T14:20:00Z"))
        assertEquals("2026-10-26T14:30:00Z", rfc3339(after.openUntil))
    }

    @Test
    fun `a public holiday brings a caution and always-open alternatives`() {
        val listing = book.list(Audience.MINORS, unix("2027-05-17T09:00:00Z"))
        assertEquals("constitution_day", listing.publicHoliday?.id)
        assertTrue(listing.holidayNotice!!.contains("17. mai"))
        assertTrue("alarmtelefonen" in listing.alwaysOpenAlternatives)
        assertNull(book.list(Audience.MINORS, unix("2027-05-18T09:00:00Z")).publicHoliday)
    }

    @Test
    fun `search ignores case and diacritics`() {
        val at = unix("2026-06-01T10:00:00Z")
        assertEquals("htso-nav", book.search("grunerlokka", null, at).contacts.first().id)
        val ids = book.search("BARNEVERN", null, at).contacts.map { it.id }
        assertTrue(ids.containsAll(listOf("barnevernet", "barnevernvakten", "alarmtelefonen")), ids.toString())
        assertTrue(book.search("zzzz", null, at).contacts.isEmpty())
    }

    @Test
    fun `unknown id and invalid locale are typed errors with a readable message`() {
        val e = assertFailsWith<LyktException.UnknownContact> { book.contact("nobody", 0) }
        assertEquals("there is no contact with the id \"nobody\"", e.message)
        val l = assertFailsWith<LyktException.InvalidLocale> { Lykt(listOf("not a locale")) }
        assertTrue(l.message!!.contains("not a language tag"))
        assertFailsWith<LyktException.InvalidTime> { book.list(null, Long.MAX_VALUE) }
    }

    @Test
    fun `older sources are marked`() {
        val kom = book.contact("kom", unix("2026-06-01T10:00:00Z"))
        assertTrue(kom.phones.first().olderSource)
        assertFalse(kom.olderSource)
    }
}
