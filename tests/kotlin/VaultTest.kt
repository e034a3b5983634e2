package no.lykt.tests

import java.io.File
import java.nio.file.Files
import no.lykt.core.LyktException
import no.lykt.core.RecordKind
import no.lykt.core.Vault
import no.lykt.core.vaultExists
import no.lykt.core.wipeVault
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** The encrypted vault through the bindings and the real library. */
class VaultTest {
    private val dir: String = File(Files.createTempDirectory("lykt-vault").toFile(), "vault").path
    private val now = unix("2026-11-22T10:00:00Z")
    private val secret = ByteArray(32) { it.toByte() }

    @Test
    fun `create, save, list, lock, unlock, wipe`() {
        val vault = Vault.create(dir, "482916", secret, now)
        val id = vault.saveNote("case 7", "Companion answered every question.", now)
        val items = vault.list(now)
        assertEquals(1, items.size)
        assertEquals(id, items[0].id)
        assertEquals(RecordKind.NOTE, items[0].kind)
        assertEquals("case 7", items[0].caseLabel)
        assertEquals("2026-11-22", items[0].date)

        vault.lock()
        assertFalse(vault.isUnlocked(now))
        assertFailsWith<LyktException.VaultLocked> { vault.list(now) }

        vault.unlock("482916", secret, now + 10)
        val record = vault.get(id, now + 10)
        assertEquals("Companion answered every question.", record.payload)
        vault.close()

        wipeVault(dir)
        assertFalse(vaultExists(dir))
        assertFailsWith<LyktException.NoVault> { Vault.open(dir, now) }
    }

    @Test
    fun `a wrong PIN changes nothing and repeated ones are slowed down`() {
        Vault.create(dir, "482916", secret, now).apply { saveNote("case", "text", now); close() }
        val vault = Vault.open(dir, now)
        repeat(3) { i ->
            val e = assertFailsWith<LyktException.WrongPin> { vault.unlock("000000", secret, now + i) }
            assertEquals("the PIN is wrong", e.message)
        }
        val wait = assertFailsWith<LyktException.TooManyAttempts> { vault.unlock("482916", secret, now + 4) }
        assertTrue(wait.message!!.contains("try again in"), wait.message)
        vault.unlock("482916", secret, now + 120)
        assertEquals(1, vault.list(now + 120).size)
    }

    @Test
    fun `the keystore secret is needed and short PINs are refused`() {
        assertFailsWith<LyktException.InvalidVaultInput> { Vault.create(dir, "12", null, now) }
        Vault.create(dir, "482916", secret, now).close()
        val vault = Vault.open(dir, now)
        assertFailsWith<LyktException.InvalidVaultInput> { vault.unlock("482916", null, now) }
        assertFailsWith<LyktException.WrongPin> { vault.unlock("482916", ByteArray(32), now) }
    }

    @Test
    fun `idle time locks the vault`() {
        val vault = Vault.create(dir, "482916", secret, now)
        assertTrue(vault.touch(now + 60))
        assertTrue(vault.isUnlocked(now + 300))
        assertFalse(vault.isUnlocked(now + 60 + 301))
        assertFailsWith<LyktException.VaultLocked> { vault.saveNote("c", "t", now + 400) }
    }
}
