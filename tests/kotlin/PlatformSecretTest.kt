package no.lykt.tests

import no.lykt.app.shell.WrappedSecret
import no.lykt.app.shell.WrappingKey
import no.lykt.core.LyktException
import no.lykt.core.Vault
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.nio.file.Files
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull

/**
 * The vault's platform secret and record as the Android shell keeps them, with a software key
 * standing in for the Android Keystore, against the real vault.
 */
class PlatformSecretTest {
    /** A keystore holding at most one key, made on request. */
    private class SoftwareKeystore : WrappingKey {
        var key: SecretKey? = null
        var broken = false

        override fun key(create: Boolean): SecretKey? {
            if (broken) throw java.security.ProviderException("keystore unavailable")
            if (key == null && create) key = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey()
            return key
        }

        override fun delete() {
            key = null
        }
    }

    private val dir: File = Files.createTempDirectory("lykt-secret").toFile()
    private val file = File(dir, "no_backup/vault-secret")
    private val stateFile = File(dir, "no_backup/vault-state")
    private val vaultDir = File(dir, "no_backup/vault").path
    private val keystore = SoftwareKeystore()
    private val now = unix("2026-11-22T10:00:00Z")

    private fun phone() = WrappedSecret(file, stateFile, keystore)

    /** A vault made with the phone's secret and record, holding one note; closed. */
    private fun createVault(): ByteArray {
        val phone = phone()
        val secret = phone.get()!!
        withPin("482916") { Vault.create(vaultDir, it, secret, phone.store, now) }.apply {
            saveNote("case", "first".toByteArray(), now)
            close()
        }
        return secret
    }

    private fun unlock(
        secret: ByteArray?,
        at: Long = now,
    ) = Vault.open(vaultDir, phone().store, at).apply { withPin("482916") { unlock(it, secret, at) } }

    @Test
    fun `the secret is made once, sealed on disk, and opens the vault after a restart`() {
        val secret = createVault()
        assertEquals(32, secret.size)
        assertFalse(file.readBytes().asList().windowed(32).any { it == secret.asList() }, "never on disk in plain")
        assertTrue(stateFile.exists(), "the vault keeps its record beside the secret")

        val again = phone().get()!!
        assertArrayEquals(secret, again)
        assertEquals(1, unlock(again).list(now).records.size)
    }

    @Test
    fun `a vault file put back from an older copy is refused through the sealed record`() {
        val secret = createVault()
        val backup = File(dir, "backup")
        File(vaultDir).copyRecursively(backup)
        unlock(secret).apply {
            saveNote("case", "second".toByteArray(), now + 1)
            close()
        }
        File(vaultDir).deleteRecursively()
        backup.copyRecursively(File(vaultDir))
        val e = assertFailsWith<LyktException.VaultDamaged> { unlock(secret, now + 2) }
        assertTrue(e.message!!.contains("an earlier copy was put back"), e.message)
    }

    @Test
    fun `a keystore that fails is a failure to retry, never a missing record`() {
        val secret = createVault()
        keystore.broken = true
        assertFailsWith<LyktException.VaultFailure> { unlock(secret) }
        keystore.broken = false
        assertEquals(1, unlock(secret).list(now).records.size)
    }

    @Test
    fun `without its key the secret is unavailable and the sealed file is kept`() {
        phone().get()!!
        val sealed = file.readBytes()
        keystore.key = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey()
        assertNull(phone().get(), "another key cannot open it")
        keystore.key = null
        assertNull(phone().get(), "a lost key is not replaced while the file exists")
        assertArrayEquals(sealed, file.readBytes())
    }

    @Test
    fun `an altered file or a failing keystore gives no secret`() {
        keystore.broken = true
        assertNull(phone().get())
        assertFalse(file.exists())
        keystore.broken = false
        phone().get()!!
        val bytes = file.readBytes()
        bytes[bytes.size - 1] = (bytes.last() + 1).toByte()
        file.writeBytes(bytes)
        assertNull(phone().get())
    }

    @Test
    fun `erasing destroys the key and both files, and no new secret opens the old vault`() {
        val secret = createVault()
        val phone = phone()
        phone.erase()
        assertNull(keystore.key)
        assertFalse(file.exists())
        assertFalse(stateFile.exists())

        val fresh = assertNotNull(phone.get())
        assertFalse(fresh.contentEquals(secret))
        assertFailsWith<LyktException.InvalidVaultInput> { unlock(fresh) }
    }
}
