package no.lykt.app.shell

import no.lykt.core.StoreException
import no.lykt.core.VaultStateStore
import java.io.File
import java.io.FileOutputStream
import java.io.IOException
import java.nio.ByteBuffer
import java.security.GeneralSecurityException
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * What the phone adds to the vault: a secret that, mixed with the PIN, protects saved work and
 * that only this phone's keystore can give back, and the small record the vault keeps beside it,
 * outside its own folder, so that a vault file put back from an older copy is refused. The
 * vault's entry points take them as their `platformSecret` and `store`.
 */
interface PlatformSecret {
    /**
     * The secret, made on first use. Null when the keystore cannot give it: the vault then
     * relies on the PIN alone and says so.
     */
    fun get(): ByteArray?

    /** The vault's record beside the secret, for `Vault.create` and `Vault.open`. */
    val store: VaultStateStore

    /**
     * Destroys the secret and the record for good, after the vault is wiped: no copy of its
     * files opens again.
     */
    fun erase()
}

/** The key that seals the secret: held by the keystore and never handed out in plain. */
interface WrappingKey {
    /** The key; made first if [create] and there is none. Null if there is none. */
    fun key(create: Boolean): SecretKey?

    /** Deletes the key. */
    fun delete()
}

/**
 * A [PlatformSecret] kept in [file], and its record in [stateFile], both as AES-256-GCM
 * ciphertext under [wrapping]'s key.
 *
 * A secret that cannot be opened (the key was lost, the file altered) is never replaced: the
 * vault made with the old secret could not be opened again, and the person must be told so.
 */
class WrappedSecret(
    file: File,
    private val stateFile: File,
    private val wrapping: WrappingKey,
) : PlatformSecret {
    private val secret = SealedFile(file, wrapping)

    override val store: VaultStateStore = SealedStore(SealedFile(stateFile, wrapping))

    override fun get(): ByteArray? =
        try {
            if (secret.exists()) secret.read().takeIf { it.size == SECRET_BYTES } else create()
        } catch (e: Exception) {
            // Keystores fail in many ways (invalidated keys, provider errors, full storage);
            // each means the same to the vault: no secret on this phone.
            null
        }

    override fun erase() {
        // The key first: once it is gone, both files are noise even if deleting them fails.
        wrapping.delete()
        secret.delete()
        stateFile.delete()
    }

    private fun create(): ByteArray {
        val made = ByteArray(SECRET_BYTES).also(SecureRandom()::nextBytes)
        secret.write(made)
        return made
    }

    private companion object {
        const val SECRET_BYTES = 32
    }
}

/**
 * The vault's record in a [SealedFile]. A record that cannot be read is a failure the vault
 * reports (try again), never "nothing saved yet": that would read as an older copy put back.
 */
private class SealedStore(
    private val sealed: SealedFile,
) : VaultStateStore {
    override fun load(): ByteArray? = failsAsStore { if (sealed.exists()) sealed.read() else null }

    override fun save(state: ByteArray) = failsAsStore { sealed.write(state) }

    private inline fun <T> failsAsStore(call: () -> T): T =
        try {
            call()
        } catch (e: GeneralSecurityException) {
            throw StoreException.Failed("the keystore could not seal or open the vault's record")
        } catch (e: IOException) {
            throw StoreException.Failed("the vault's record could not be read or written")
        } catch (e: RuntimeException) {
            // Keystore providers also fail with unchecked exceptions.
            throw StoreException.Failed("the keystore failed")
        }
}

/**
 * Bytes kept in [file] as AES-256-GCM ciphertext under [wrapping]'s key: a format byte, the
 * nonce's length, the nonce, the ciphertext with its tag. Written whole to a new file, synced,
 * then renamed over the old one.
 */
private class SealedFile(
    private val file: File,
    private val wrapping: WrappingKey,
) {
    fun exists(): Boolean = file.exists()

    /** The bytes; throws when the key is gone or the file was altered. */
    fun read(): ByteArray {
        val key = wrapping.key(create = false) ?: throw GeneralSecurityException("no key")
        val sealed = ByteBuffer.wrap(file.readBytes())
        if (sealed.get() != FORMAT) throw GeneralSecurityException("unknown format")
        val iv = ByteArray(sealed.get().toInt())
        sealed.get(iv)
        val body = ByteArray(sealed.remaining())
        sealed.get(body)
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, iv))
        return cipher.doFinal(body)
    }

    /** Replaces the file with [plain] sealed under the key, made first if there is none. */
    fun write(plain: ByteArray) {
        val key = wrapping.key(create = true) ?: throw GeneralSecurityException("no key")
        // The keystore chooses the nonce: it refuses one chosen by the caller.
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, key)
        val body = cipher.doFinal(plain)
        val iv = cipher.iv
        val sealed = ByteBuffer.allocate(2 + iv.size + body.size)
        sealed
            .put(FORMAT)
            .put(iv.size.toByte())
            .put(iv)
            .put(body)
        file.parentFile?.mkdirs()
        val partial = File(file.path + ".new")
        FileOutputStream(partial).use { out ->
            out.write(sealed.array())
            out.fd.sync()
        }
        if (!partial.renameTo(file)) {
            partial.delete()
            throw IOException("the sealed file could not be put in place")
        }
    }

    fun delete() {
        file.delete()
    }

    private companion object {
        const val FORMAT: Byte = 1
        const val TAG_BITS = 128
        const val TRANSFORMATION = "AES/GCM/NoPadding"
    }
}
