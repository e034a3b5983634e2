import LyktShell
import SwiftUI
import UIKit

/// The iOS app: renders what LyktShell shows and performs the platform actions it asks for.
/// Every decision about content and navigation is the core's; every piece of logic that can be
/// tested without Apple's frameworks is LyktShell's.
@main
struct LyktApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var delegate
    @Environment(\.scenePhase) private var phase

    var body: some Scene {
        WindowGroup {
            RootView(shell: delegate.shell)
        }
        .onChange(of: phase) { _, now in
            // The core decides what is left to see on return: the shell only reports the trips.
            switch now {
            case .background: Task { await delegate.shell.wentToBackground() }
            case .active: Task { await delegate.shell.cameToForeground() }
            default: break
            }
        }
    }
}

/// Owns the shell for the life of the app, and takes the hardware keys no view used: Shift, the
/// quick-exit key of the core's hint, goes to the shell.
@MainActor
final class AppDelegate: UIResponder, UIApplicationDelegate {
    private let platform = PlatformActions()

    /// The shell, on a core session opened with the phone's languages, the protected data folder
    /// and the Keychain's secret (nil: the vault relies on the PIN alone).
    lazy var shell: LyktShell = {
        let platform = self.platform
        let setup = CoreSetup(
            preferredLocales: Locale.preferredLanguages,
            dataDirectory: DataFolder.prepare()?.path,
            platformSecret: KeychainSecret.load(),
            platformStore: KeychainSecret.store)
        return LyktShell(setup: setup) { platform.perform($0) }
    }()

    override func pressesBegan(_ presses: Set<UIPress>, with event: UIPressesEvent?) {
        let shift = presses.contains {
            $0.key?.keyCode == .keyboardLeftShift || $0.key?.keyCode == .keyboardRightShift
        }
        if shift {
            Task { await shell.exitKeyPressed() }
        } else {
            super.pressesBegan(presses, with: event)
        }
    }
}
