package no.lykt.app.shell

import java.io.File
import java.io.FileOutputStream
import java.nio.ByteBuffer
import java.security.SecureRandom
import javax.crypto.Cipher
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec

/**
 * The vault's platform secret: random bytes that, mixed with the PIN, protect saved work, and
 * that only this phone's keystore can give back. The vault's entry points take it as their
 * `platformSecret`.
 */
interface PlatformSecret {
    /**
     * The secret, made on first use. Null when the keystore cannot give it: the vault then
     * relies on the PIN alone and says so.
     */
    fun get(): ByteArray?

    /** Destroys the secret for good, after the vault is wiped: no copy of its files opens again. */
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
 * A [PlatformSecret] kept in [file] as AES-256-GCM ciphertext under [wrapping]'s key.
 *
 * A file that cannot be opened (the key was lost, the file altered) is never replaced: the
 * vault made with the old secret could not be opened again, and the person must be told so.
 */
class WrappedSecret(
    private val file: File,
    private val wrapping: WrappingKey,
) : PlatformSecret {
    override fun get(): ByteArray? =
        try {
            if (file.exists()) unwrap() else create()
        } catch (e: Exception) {
            // Keystores fail in many ways (invalidated keys, provider errors, full storage);
            // each means the same to the vault: no secret on this phone.
            null
        }

    override fun erase() {
        // The key first: once it is gone, the file is noise even if deleting it fails.
        wrapping.delete()
        file.delete()
    }

    private fun unwrap(): ByteArray? {
        val key = wrapping.key(create = false) ?: return null
        val sealed = ByteBuffer.wrap(file.readBytes())
        if (sealed.get() != FORMAT) return null
        val iv = ByteArray(sealed.get().toInt())
        sealed.get(iv)
        val body = ByteArray(sealed.remaining())
        sealed.get(body)
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(TAG_BITS, iv))
        return cipher.doFinal(body).takeIf { it.size == SECRET_BYTES }
    }

    private fun create(): ByteArray? {
        val key = wrapping.key(create = true) ?: return null
        val secret = ByteArray(SECRET_BYTES).also(SecureRandom()::nextBytes)
        // The keystore chooses the nonce: it refuses one chosen by the caller.
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, key)
        val body = cipher.doFinal(secret)
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
            return null
        }
        return secret
    }

    private companion object {
        const val FORMAT: Byte = 1
        const val SECRET_BYTES = 32
        const val TAG_BITS = 128
        const val TRANSFORMATION = "AES/GCM/NoPadding"
    }
}
