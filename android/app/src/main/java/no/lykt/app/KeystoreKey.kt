package no.lykt.app

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import no.lykt.app.shell.PlatformSecret
import no.lykt.app.shell.WrappedSecret
import no.lykt.app.shell.WrappingKey
import java.io.File
import java.security.KeyStore
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey

/**
 * A non-exportable AES-256-GCM key in the Android Keystore (API 23's [KeyGenParameterSpec]).
 * It seals the vault's platform secret and its record and never leaves the keystore; deleting it
 * destroys both for good.
 */
class KeystoreKey(
    private val alias: String,
) : WrappingKey {
    override fun key(create: Boolean): SecretKey? {
        (keystore().getKey(alias, null) as? SecretKey)?.let { return it }
        if (!create) return null
        val spec =
            KeyGenParameterSpec
                .Builder(alias, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
                .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
                .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
                .setKeySize(KEY_BITS)
                .build()
        return KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, PROVIDER).run {
            init(spec)
            generateKey()
        }
    }

    override fun delete() {
        keystore().deleteEntry(alias)
    }

    private fun keystore() = KeyStore.getInstance(PROVIDER).apply { load(null) }

    companion object {
        private const val PROVIDER = "AndroidKeyStore"
        private const val KEY_BITS = 256

        /**
         * The vault's platform secret and its record on this phone, kept where no backup and no
         * transfer to a new phone copies them.
         */
        fun vaultSecret(context: Context): PlatformSecret =
            WrappedSecret(
                File(context.noBackupFilesDir, "vault-secret"),
                File(context.noBackupFilesDir, "vault-state"),
                KeystoreKey("no.lykt.vault-secret"),
            )
    }
}
