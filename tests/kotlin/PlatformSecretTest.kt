package no.lykt.tests

import no.lykt.app.shell.WrappedSecret
import no.lykt.app.shell.WrappingKey
import no.lykt.core.LyktException
import no.lykt.core.Vault
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import java.io.File
import java.nio.file.Files
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import kotlin.test.assertFailsWith
import kotlin.test.assertNotNull

/**
 * The vault's platform secret as the Android shell keeps it, with a software key standing in for
 * the Android Keystore, against the real vault.
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
    private val vaultDir = File(dir, "no_backup/vault").path
    private val keystore = SoftwareKeystore()
    private val now = unix("2026-11-22T10:00:00Z")

    @Test
    fun `the secret is made once, sealed on disk, and opens the vault after a restart`() {
        val secret = WrappedSecret(file, keystore).get()!!
        assertEquals(32, secret.size)
        assertFalse(file.readBytes().asList().windowed(32).any { it == secret.asList() }, "never on disk in plain")
        Vault.create(vaultDir, "482916", secret, now).close()

        val again = WrappedSecret(file, keystore).get()!!
        assertArrayEquals(secret, again)
        Vault.open(vaultDir, now).unlock("482916", again, now)
    }

    @Test
    fun `without its key the secret is unavailable and the sealed file is kept`() {
        WrappedSecret(file, keystore).get()!!
        val sealed = file.readBytes()
        keystore.key = KeyGenerator.getInstance("AES").apply { init(256) }.generateKey()
        assertNull(WrappedSecret(file, keystore).get(), "another key cannot open it")
        keystore.key = null
        assertNull(WrappedSecret(file, keystore).get(), "a lost key is not replaced while the file exists")
        assertArrayEquals(sealed, file.readBytes())
    }

    @Test
    fun `an altered file or a failing keystore gives no secret`() {
        assertNull(WrappedSecret(file, keystore.apply { broken = true }).get())
        assertFalse(file.exists())
        keystore.broken = false
        WrappedSecret(file, keystore).get()!!
        val bytes = file.readBytes()
        bytes[bytes.size - 1] = (bytes.last() + 1).toByte()
        file.writeBytes(bytes)
        assertNull(WrappedSecret(file, keystore).get())
    }

    @Test
    fun `erasing destroys the key and the file, and no new secret opens the old vault`() {
        val store = WrappedSecret(file, keystore)
        val secret = store.get()!!
        Vault.create(vaultDir, "482916", secret, now).close()
        store.erase()
        assertNull(keystore.key)
        assertFalse(file.exists())

        val fresh = assertNotNull(store.get())
        assertFalse(fresh.contentEquals(secret))
        assertFailsWith<LyktException.WrongPin> { Vault.open(vaultDir, now).unlock("482916", fresh, now) }
    }
}
