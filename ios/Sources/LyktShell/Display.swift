import Foundation
import LyktCore

/// What the app shows. The renderer switches over every case; there is nothing else to show.
public enum Display: Equatable, Sendable {
    /// A screen the core built.
    case screen(Screen)
    /// The calm error screen: a core call failed. It offers the way back to the start and, if
    /// the screen before it offered one, the quick exit.
    case failure(Failure)
    /// Nothing at all: shown at once when the user leaves, until the core's neutral screen is
    /// there, and for good if the core cannot give it.
    case cover
}

/// The calm error screen's state. It never holds the error: a core message may repeat what the
/// user typed, and nothing of it is shown or kept.
public struct Failure: Equatable, Sendable {
    /// The quick-exit button of the screen the error interrupted, if it had one.
    public let quickExit: QuickExit?

    /// A failure shown after a screen that offered `quickExit`.
    public init(quickExit: QuickExit?) {
        self.quickExit = quickExit
    }
}

/// What the shell asks the platform to do. The app performs each one; the shell decides none of
/// them itself beyond passing on the core's effect.
public enum PlatformAction: Equatable, Sendable {
    /// Open a link with the system: `tel:` asks the user to confirm the call, `sms:` opens
    /// Messages, `mailto:` Mail and `https:` the browser.
    case open(URL)
    /// Have VoiceOver read this text out.
    case announce(String)
    /// Read `text` aloud with the system's speech in `language` (a BCP 47 tag), in place of any
    /// speech under way.
    case speak(text: String, language: String)
    /// Stop any speech at once (quick exit; the shell itself closes the share sheet).
    case silence
    /// Delete the vault's secret from the Keychain: saved work was wiped, and no copy of its
    /// files may ever open again.
    case forgetSecret
}
