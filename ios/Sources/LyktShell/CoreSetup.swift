import Foundation
import LyktCore

/// What the app hands the core when a session starts.
public struct CoreSetup: Sendable {
    /// The user's languages, most preferred first (`Locale.preferredLanguages`).
    public var preferredLocales: [String]
    /// The app's private data folder (complete file protection, excluded from backup), where a
    /// signed content update may be installed; nil: the built-in content only.
    public var dataDirectory: String?
    /// The vault's device secret from the Keychain, for the vault's entry points (`Vault.create`,
    /// `Vault.unlock`); nil when the Keychain could not give one: the vault then relies on the
    /// PIN alone, as the core's vault documentation describes.
    public var platformSecret: Data?
    /// Where the vault keeps its record beside the secret (a second Keychain item); needed with a
    /// secret, so that a vault file put back from an older copy is refused.
    public var platformStore: (any VaultStateStore)?

    /// A setup; see the properties.
    public init(
        preferredLocales: [String], dataDirectory: String?, platformSecret: Data?,
        platformStore: (any VaultStateStore)? = nil
    ) {
        self.preferredLocales = preferredLocales
        self.dataDirectory = dataDirectory
        self.platformSecret = platformSecret
        self.platformStore = platformStore
    }

    /// Opens a new core session on the start screen (about 2 ms: the content pack is parsed and
    /// checked each time). With a data folder, saved work is kept in its `vault` folder.
    public func openSession() throws -> any AppProtocol {
        let lykt = try Lykt.open(preferredLocales: preferredLocales, dataDir: dataDirectory)
        guard let dataDirectory else { return try lykt.app(platform: .ios) }
        return try lykt.appWithSavedWork(
            platform: .ios, vaultDir: dataDirectory + "/vault", platformSecret: platformSecret,
            store: platformSecret == nil ? nil : platformStore)
    }
}
