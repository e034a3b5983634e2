import AVFoundation
import LyktShell
import UIKit

/// Carries out what the shell asks of the platform. One `switch`, no other logic.
///
/// Reading aloud uses the system's voice for the text's language; a phone without one reads
/// nothing rather than a sentence in another language's voice. The speech follows the ring/silent
/// switch (the default audio session), so a phone set to silent stays silent.
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
            guard let voice = AVSpeechSynthesisVoice(language: language) else { return }
            let utterance = AVSpeechUtterance(string: text)
            utterance.voice = voice
            speech.speak(utterance)
        case .silence:
            speech.stopSpeaking(at: .immediate)
        case .forgetSecret:
            KeychainSecret.delete()
        }
    }
}
