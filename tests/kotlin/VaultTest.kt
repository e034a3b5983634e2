package no.lykt.tests

import java.io.File
import java.nio.file.Files
import no.lykt.core.LyktException
import no.lykt.core.RecordKind
import no.lykt.core.StoreException
import no.lykt.core.Vault
import no.lykt.core.VaultStateStore
import no.lykt.core.vaultExists
import no.lykt.core.wipeVault
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import kotlin.test.assertFailsWith

/** The keystore's store as a phone shell provides it; here in memory. */
class MemoryStore : VaultStateStore {
    var state: ByteArray? = null
    var failing = false

    override fun load(): ByteArray? {
        if (failing) throw StoreException.Failed("keystore unavailable")
        return state?.copyOf()
    }

    override fun save(state: ByteArray) {
        if (failing) throw StoreException.Failed("keystore unavailable")
        this.state = state.copyOf()
    }
}

/** The encrypted vault through the bindings and the real library. */
class VaultTest {
    private val root: File = Files.createTempDirectory("lykt-vault").toFile()
    private val dir: String = File(root, "vault").path
    private val now = unix("2026-11-22T10:00:00Z")
    private val secret = ByteArray(32) { it.toByte() }
    private val store = MemoryStore()

    private fun create(): Vault = withPin("482916") { Vault.create(dir, it, secret, store, now) }

    @Test
    fun `create, save, list, lock, unlock, wipe`() {
        val vault = create()
        val id = vault.saveNote("case 7", "Companion answered every question.".toByteArray(), now)
        val listing = vault.list(now)
        assertEquals(1, listing.records.size)
        assertTrue(listing.damaged.isEmpty())
        assertEquals(id, listing.records[0].id)
        assertEquals(RecordKind.NOTE, listing.records[0].kind)
        assertEquals("case 7", listing.records[0].caseLabel)
        assertEquals("2026-11-22", listing.records[0].date)

        vault.lock()
        assertFalse(vault.isUnlocked(now))
        assertFailsWith<LyktException.VaultLocked> { vault.list(now) }

        withPin("482916") { vault.unlock(it, secret, now + 10) }
        val record = vault.get(id, now + 10)
        assertEquals("Companion answered every question.", record.payload)
        vault.close()

        wipeVault(dir)
        assertFalse(vaultExists(dir))
        assertFailsWith<LyktException.NoVault> { Vault.open(dir, store, now) }
        assertFailsWith<LyktException.NoVault> { wipeVault(dir) }
    }

    @Test
    fun `a wrong PIN changes nothing and repeated ones are slowed down`() {
        create().apply { saveNote("case", "text".toByteArray(), now); close() }
        val vault = Vault.open(dir, store, now)
        repeat(3) { i ->
            val e = assertFailsWith<LyktException.WrongPin> {
                withPin("000000") { vault.unlock(it, secret, now + i) }
            }
            assertEquals("the PIN is wrong", e.message)
        }
        val wait = assertFailsWith<LyktException.TooManyAttempts> {
            withPin("482916") { vault.unlock(it, secret, now + 4) }
        }
        assertTrue(wait.message!!.contains("try again in"), wait.message)
        withPin("482916") { vault.unlock(it, secret, now + 120) }
        assertEquals(1, vault.list(now + 120).records.size)
    }

    @Test
    fun `the keystore secret and its store are needed, and weak PINs are refused`() {
        assertFailsWith<LyktException.InvalidVaultInput> { withPin("12") { Vault.create(dir, it, null, null, now) } }
        assertFailsWith<LyktException.InvalidVaultInput> { withPin("123456") { Vault.create(dir, it, null, null, now) } }
        assertFailsWith<LyktException.InvalidVaultInput> { withPin("482916") { Vault.create(dir, it, secret, null, now) } }
        create().close()
        assertFailsWith<LyktException.InvalidVaultInput> { Vault.open(dir, null, now) }
        val vault = Vault.open(dir, store, now)
        assertFailsWith<LyktException.InvalidVaultInput> { withPin("482916") { vault.unlock(it, null, now) } }
        assertFailsWith<LyktException.InvalidVaultInput> { withPin("482916") { vault.unlock(it, ByteArray(32), now) } }
        store.failing = true
        assertFailsWith<LyktException.VaultFailure> { withPin("482916") { vault.unlock(it, secret, now) } }
        store.failing = false
        withPin("482916") { vault.unlock(it, secret, now) }
    }

    @Test
    fun `a vault file put back from an older copy is refused`() {
        create().apply { saveNote("case", "first".toByteArray(), now); close() }
        val backup = File(root, "backup")
        File(dir).copyRecursively(backup)
        Vault.open(dir, store, now).apply {
            withPin("482916") { unlock(it, secret, now) }
            saveNote("case", "second".toByteArray(), now + 1)
            close()
        }
        File(dir).deleteRecursively()
        backup.copyRecursively(File(dir))
        val vault = Vault.open(dir, store, now + 2)
        val e = assertFailsWith<LyktException.VaultDamaged> { withPin("482916") { vault.unlock(it, secret, now + 2) } }
        assertTrue(e.message!!.contains("an earlier copy was put back"), e.message)
    }

    @Test
    fun `wiping a folder without a vault touches nothing`() {
        root.resolve("notes.txt").writeText("mine")
        assertFailsWith<LyktException.NoVault> { wipeVault(root.path) }
        assertArrayEquals("mine".toByteArray(), root.resolve("notes.txt").readBytes())
    }

    @Test
    fun `idle time locks the vault`() {
        val vault = create()
        assertTrue(vault.touch(now + 60))
        assertTrue(vault.isUnlocked(now + 300))
        assertFalse(vault.isUnlocked(now + 60 + 301))
        assertFailsWith<LyktException.VaultLocked> { vault.saveNote("c", "t".toByteArray(), now + 400) }
    }
}
