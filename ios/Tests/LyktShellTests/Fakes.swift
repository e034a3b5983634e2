import Foundation
import LyktCore
import LyktShell
import XCTest

/// A core session under the test's control: it answers every event with `answer`, holds the
/// calls `hold` picks until the test lets them go, and can throw anything.
final class FakeApp: AppProtocol, @unchecked Sendable {
    private let lock = NSLock()
    private var screen: Screen
    private var received: [Event] = []
    private let gate = DispatchSemaphore(value: 0)
    private let hold: @Sendable (Event) -> Bool
    private let answer: @Sendable (Event) throws -> Transition

    init(
        _ screen: Screen, hold: @escaping @Sendable (Event) -> Bool = { _ in false },
        answer: @escaping @Sendable (Event) throws -> Transition
    ) {
        self.screen = screen
        self.hold = hold
        self.answer = answer
    }

    /// Every event the shell sent, in order.
    var events: [Event] { lock.withLock { received } }

    /// Lets one held call return.
    func release() { gate.signal() }

    func currentScreen() throws -> Screen { lock.withLock { screen } }

    func dispatch(event: Event) throws -> Transition {
        lock.withLock { received.append(event) }
        if hold(event) { gate.wait() }
        let transition = try answer(event)
        lock.withLock { screen = transition.screen }
        return transition
    }

    func setTime(atUnix: Int64?) throws {}

    func runWork(job: UInt64) throws -> Transition { try dispatch(event: .tick(atMs: job)) }
}

/// An error that is not the core's: what a panic or a broken binding looks like to the shell.
struct Unexpected: Error {}

/// A clock the test moves by hand; sleepers wake when it passes their deadline.
final class ManualClock: ShellClock, @unchecked Sendable {
    private let lock = NSLock()
    private var now: UInt64
    private var sleepers: [UUID: (deadline: UInt64, wake: CheckedContinuation<Void, any Error>)] =
        [:]

    init(at now: UInt64) { self.now = now }

    /// The deadlines someone is waiting for.
    var deadlines: [UInt64] { lock.withLock { sleepers.values.map(\.deadline).sorted() } }

    func nowMs() -> UInt64 { lock.withLock { now } }

    func sleep(untilMs deadline: UInt64) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { wake in
                let outcome: (cancelled: Bool, due: Bool) = lock.withLock {
                    let outcome = (cancelled: Task.isCancelled, due: now >= deadline)
                    if !outcome.cancelled && !outcome.due { sleepers[id] = (deadline, wake) }
                    return outcome
                }
                if outcome.cancelled {
                    wake.resume(throwing: CancellationError())
                } else if outcome.due {
                    wake.resume()
                }
            }
        } onCancel: {
            lock.withLock { sleepers.removeValue(forKey: id) }?.wake.resume(
                throwing: CancellationError())
        }
    }

    /// Moves the clock to `time` and wakes whoever waited for it.
    func advance(to time: UInt64) {
        let due = lock.withLock {
            now = time
            let due = sleepers.filter { $0.value.deadline <= time }
            for id in due.keys { sleepers[id] = nil }
            return due.values.map(\.wake)
        }
        for wake in due { wake.resume() }
    }
}

/// The platform actions a shell asked for.
@MainActor
final class Recorder {
    var actions: [PlatformAction] = []
}

/// A screen as a fake core would build it.
func fakeScreen(
    _ id: String, mode: Mode = .professional, quickExit: QuickExit? = nil, secure: Bool = true
) -> Screen {
    Screen(
        id: id, title: id, windowTitle: "Lykt", mode: mode, direction: .ltr,
        backAvailable: false, backLabel: "Back", backAccessibilityLabel: "Back",
        quickExit: quickExit,
        secure: secure, tickAfterMs: nil, blocks: [.paragraph(text: id)])
}

/// A quick-exit button as the core gives it on a discreet screen.
let exitButton = QuickExit(
    label: "Leave now", accessibilityLabel: "Leave now. Closes this at once.", hint: "",
    presses: 0, pressesNeeded: 3, progress: nil)

/// Waits until `condition` holds, failing after a few seconds.
@MainActor
func eventually(
    _ what: String, line: UInt = #line, _ condition: @MainActor () -> Bool
) async {
    let end = Date().addingTimeInterval(5)
    while !condition() {
        if Date() > end { return XCTFail("timed out waiting for \(what)", line: line) }
        try? await Task.sleep(nanoseconds: 1_000_000)
    }
}
