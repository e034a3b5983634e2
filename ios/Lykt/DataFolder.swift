import Foundation

/// The app's private data folder, Application Support/Lykt: complete file protection (its files
/// cannot be read while the phone is locked) and excluded from backups, so nothing in it leaves
/// the phone in an iCloud or computer backup.
enum DataFolder {
    /// The folder, made and protected; nil if that fails (the app then uses its built-in content
    /// only and writes nothing).
    static func prepare() -> URL? {
        let files = FileManager.default
        guard let support = files.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
        else { return nil }
        var folder = support.appendingPathComponent("Lykt", isDirectory: true)
        let protection: [FileAttributeKey: Any] = [.protectionKey: FileProtectionType.complete]
        do {
            try files.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: protection)
            try files.setAttributes(protection, ofItemAtPath: folder.path)
            var values = URLResourceValues()
            values.isExcludedFromBackup = true
            try folder.setResourceValues(values)
            return folder
        } catch {
            return nil
        }
    }
}
