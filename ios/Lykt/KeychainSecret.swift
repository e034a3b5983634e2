import Foundation
import Security

/// The vault's device secret: 32 random bytes in the Keychain, readable only while the phone is
/// unlocked and only on this phone (never in a backup, never synced). The core mixes it into the
/// vault key, so a copy of the vault files is useless without this phone.
enum KeychainSecret {
    private static let service = "no.lykt.vault"
    private static let account = "platform-secret"
    private static let length = 32

    /// The secret, made on first use; nil when the Keychain cannot give one, and the vault then
    /// relies on the PIN alone. A secret that exists is never replaced: a vault made with it
    /// needs it to open.
    static func load() -> Data? {
        var item: CFTypeRef?
        let query: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: service,
            kSecAttrAccount: account,
            kSecReturnData: true,
            kSecMatchLimit: kSecMatchLimitOne,
        ]
        switch SecItemCopyMatching(query as CFDictionary, &item) {
        case errSecSuccess: return item as? Data
        case errSecItemNotFound: return make()
        default: return nil
        }
    }

    /// Deletes the secret for good, after saved work was wiped: no copy of the old vault files
    /// can be opened without it. The next session makes a new one.
    static func delete() {
        let query: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: service,
            kSecAttrAccount: account,
        ]
        SecItemDelete(query as CFDictionary)
    }

    private static func make() -> Data? {
        var secret = Data(count: length)
        let made = secret.withUnsafeMutableBytes { buffer -> OSStatus in
            guard let base = buffer.baseAddress else { return errSecAllocate }
            return SecRandomCopyBytes(kSecRandomDefault, length, base)
        }
        guard made == errSecSuccess else { return nil }
        let item: [CFString: Any] = [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: service,
            kSecAttrAccount: account,
            kSecAttrAccessible: kSecAttrAccessibleWhenUnlockedThisDeviceOnly,
            kSecAttrSynchronizable: false,
            kSecValueData: secret,
        ]
        return SecItemAdd(item as CFDictionary, nil) == errSecSuccess ? secret : nil
    }
}
