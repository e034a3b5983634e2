import Foundation
import LyktCore
import Security

/// The vault's device secret: 32 random bytes in the Keychain, readable only while the phone is
/// unlocked and only on this phone (never in a backup, never synced). The core mixes it into the
/// vault key, so a copy of the vault files is useless without this phone.
enum KeychainSecret {
    private static let secretItem = KeychainItem(account: "platform-secret")
    private static let length = 32

    /// The vault's record beside the secret, for the core (`CoreSetup.platformStore`).
    static let store = KeychainStateStore(item: KeychainItem(account: "vault-state"))

    /// The secret, made on first use; nil when the Keychain cannot give one, and the vault then
    /// relies on the PIN alone. A secret that exists is never replaced: a vault made with it
    /// needs it to open.
    static func load() -> Data? {
        switch secretItem.read() {
        case .found(let data): return data
        case .missing: return make()
        case .failed: return nil
        }
    }

    /// Deletes the secret and the vault's record for good, after saved work was wiped: no copy
    /// of the old vault files can be opened without them. The next session makes a new secret.
    static func delete() {
        secretItem.delete()
        store.item.delete()
    }

    private static func make() -> Data? {
        var secret = Data(count: length)
        let made = secret.withUnsafeMutableBytes { buffer -> OSStatus in
            guard let base = buffer.baseAddress else { return errSecAllocate }
            return SecRandomCopyBytes(kSecRandomDefault, length, base)
        }
        guard made == errSecSuccess else { return nil }
        return secretItem.add(secret) == errSecSuccess ? secret : nil
    }
}

/// The vault's record (a few hundred bytes the core writes after every change), kept as a second
/// Keychain item with the secret's protection, outside the vault's folder: a vault file put back
/// from an older copy is then refused.
final class KeychainStateStore: VaultStateStore, @unchecked Sendable {
    let item: KeychainItem

    init(item: KeychainItem) {
        self.item = item
    }

    func load() throws -> Data? {
        switch item.read() {
        case .found(let data): return data
        case .missing: return nil
        case .failed(let status):
            throw StoreError.Failed(reason: "Keychain read failed (\(status))")
        }
    }

    func save(state: Data) throws {
        let status = item.replace(state)
        guard status == errSecSuccess else {
            throw StoreError.Failed(reason: "Keychain write failed (\(status))")
        }
    }
}

/// One generic-password item of the app's vault service, this device only, never synced.
struct KeychainItem: Sendable {
    enum Read {
        case found(Data)
        case missing
        case failed(OSStatus)
    }

    private static let service = "no.lykt.vault"
    let account: String

    private var query: [CFString: Any] {
        [
            kSecClass: kSecClassGenericPassword,
            kSecAttrService: Self.service,
            kSecAttrAccount: account,
        ]
    }

    func read() -> Read {
        var item: CFTypeRef?
        var q = query
        q[kSecReturnData] = true
        q[kSecMatchLimit] = kSecMatchLimitOne
        switch SecItemCopyMatching(q as CFDictionary, &item) {
        case errSecSuccess: return (item as? Data).map(Read.found) ?? .failed(errSecDecode)
        case errSecItemNotFound: return .missing
        case let status: return .failed(status)
        }
    }

    func add(_ data: Data) -> OSStatus {
        var q = query
        q[kSecAttrAccessible] = kSecAttrAccessibleWhenUnlockedThisDeviceOnly
        q[kSecAttrSynchronizable] = false
        q[kSecValueData] = data
        return SecItemAdd(q as CFDictionary, nil)
    }

    func replace(_ data: Data) -> OSStatus {
        let status = SecItemUpdate(query as CFDictionary, [kSecValueData: data] as CFDictionary)
        return status == errSecItemNotFound ? add(data) : status
    }

    func delete() {
        SecItemDelete(query as CFDictionary)
    }
}
