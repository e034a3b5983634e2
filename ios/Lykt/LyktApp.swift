import SwiftUI

/// The iOS shell: shows the core's current screen, sends events, performs the effect returned.
/// Every decision about content and navigation is the core's.
@main
struct LyktApp: App {
    @StateObject private var model = AppModel()
    @Environment(\.scenePhase) private var phase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environmentObject(model)
                // The app switcher shows a blank cover, never the screen.
                .onChange(of: phase) { _, newPhase in model.covered = newPhase != .active }
        }
    }
}

/// The session: one core app object and the screen it produced last.
@MainActor
final class AppModel: ObservableObject {
    @Published private(set) var screen: Screen
    @Published var covered = false
    @Published var shareText: String?
    private let app: LyktCore.App

    init() {
        let support = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
        let lykt = (try? Lykt.open(preferredLocales: Locale.preferredLanguages, dataDir: support?.path))
            ?? (try? Lykt(preferredLocales: ["en"]))
        // The built-in content always loads; the fallback above only guards against a bad locale list.
        app = lykt!.app(platform: .ios)
        screen = app.currentScreen()
    }

    func send(_ event: Event) {
        guard let transition = try? app.dispatch(event: event) else { return }
        screen = transition.screen
        if let effect = transition.effect { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .openUri(let uri):
            if let url = URL(string: uri) { UIApplication.shared.open(url) }
        case .share(let text):
            shareText = text
        case .announce(let text):
            UIAccessibility.post(notification: .announcement, argument: text)
        case .quickExit:
            // The core has already cleared the session; show its neutral screen at once.
            shareText = nil
            covered = false
            screen = app.currentScreen()
        }
    }
}
