import AVFoundation
import LyktShell
import UIKit

/// Carries out what the shell asks of the platform. One `switch`, no other logic.
@MainActor
final class PlatformActions {
    /// The app's one speech synthesizer; quick exit silences it at once.
    private let speech = AVSpeechSynthesizer()

    func perform(_ action: PlatformAction) {
        switch action {
        case .open(let url):
            // tel: shows the system's call confirmation; nothing is dialled without it.
            UIApplication.shared.open(url)
        case .announce(let text):
            UIAccessibility.post(notification: .announcement, argument: text)
        case .speak(let text, let language):
            speech.stopSpeaking(at: .immediate)
            let utterance = AVSpeechUtterance(string: text)
            utterance.voice = AVSpeechSynthesisVoice(language: language)
            speech.speak(utterance)
        case .silence:
            speech.stopSpeaking(at: .immediate)
        case .forgetSecret:
            KeychainSecret.delete()
        }
    }
}
