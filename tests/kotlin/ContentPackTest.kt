package no.lykt.tests

import java.io.File
import java.nio.file.Files
import no.lykt.core.Lykt
import no.lykt.core.LyktException
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** Installing content packs through the shipped (release) library. */
class ContentPackTest {
    private val dataDir: File = Files.createTempDirectory("lykt-data").toFile()

    @Test
    fun `an empty data folder means the built-in pack`() {
        val lykt = Lykt.open(listOf("nb"), dataDir.path)
        assertEquals(1u, lykt.packVersion())
        assertEquals("nb", lykt.locale())
    }

    @Test
    fun `a file that is not a pack is refused and nothing is stored`() {
        val lykt = Lykt.open(listOf("en"), dataDir.path)
        val e = assertFailsWith<LyktException.PackRefused> { lykt.installPack(dataDir.path, "not a pack".toByteArray()) }
        assertTrue(e.message!!.contains("not a Lykt content pack"), e.message)
        assertFalse(File(dataDir, "content/pack.lyktpack").exists())
        assertEquals(1u, lykt.packVersion())
    }

    @Test
    fun `the shipped library refuses a pack signed with the test key`() {
        val pack = File(System.getProperty("lykt.testPack") ?: error("lykt.testPack not set"))
        val lykt = Lykt.open(listOf("en"), dataDir.path)
        val e = assertFailsWith<LyktException.PackRefused> { lykt.installPack(dataDir.path, pack.readBytes()) }
        assertTrue(e.message!!.contains("signature is not valid"), e.message)
        assertEquals(1u, lykt.packVersion())
    }
}
