import Foundation
import LyktCore
import Observation

/// The iOS shell without its UI: it holds what the app shows, sends the user's events to the
/// core, turns the core's effects into platform actions, sends the ticks the core asks for, and
/// makes quick exit immediate. The SwiftUI layer renders `display` and performs the actions; it
/// decides nothing itself, and neither does this type: every rule is the core's.
///
/// Every call into the core is caught, whatever it throws (the core's typed errors, a panic
/// arriving as uniffi's internal error, anything else): the user then sees the calm error screen
/// with the way back to the start, never a crash. Core calls run off the main thread; one that
/// takes longer than `busyAfter` shows the busy state, and taps are not taken until it returns.
/// The slow work the core asks for (a PIN check, a deletion, a wipe) runs the same way, and a
/// quick exit is taken while it runs. What is typed into a field, and the app's going to the
/// background and back, are never dropped: they wait for the call in flight.
@MainActor
@Observable
public final class LyktShell {
    /// Opens a new core session on the start screen.
    public typealias Sessions = @Sendable () throws -> any AppProtocol

    /// The links the shell opens; the core gives no other kind, and anything else is refused.
    nonisolated public static let linkSchemes: Set<String> = ["tel", "sms", "mailto", "https"]

    /// What the app shows now.
    public private(set) var display: Display = .cover
    /// True while a core call has run longer than `busyAfter`: the app shows that it is working.
    public private(set) var busy = false
    /// Text the user is offered to share: the share sheet is up while it is set.
    public private(set) var sharing: String?

    @ObservationIgnored private let sessions: Sessions
    @ObservationIgnored private let clock: any ShellClock
    @ObservationIgnored private let busyAfter: Duration
    @ObservationIgnored private let perform: @MainActor (PlatformAction) -> Void
    @ObservationIgnored private var session: (any AppProtocol)?
    @ObservationIgnored private var inFlight = false
    /// Grows with every call, quick exit, restart and failure: an answer from the core that
    /// arrives after any of them is stale and dropped.
    @ObservationIgnored private var epoch: UInt64 = 0
    @ObservationIgnored private var tick: Task<Void, Never>?
    /// Events that wait for the call in flight: typing (the latest per field) and lifecycle.
    @ObservationIgnored private var waiting: [Event] = []

    /// A shell on a new session from `sessions`; `perform` carries out the platform actions.
    public init(
        sessions: @escaping Sessions,
        clock: any ShellClock = DeviceClock(),
        busyAfter: Duration = .milliseconds(150),
        perform: @escaping @MainActor (PlatformAction) -> Void
    ) {
        self.sessions = sessions
        self.clock = clock
        self.busyAfter = busyAfter
        self.perform = perform
        startSession()
    }

    /// A shell on the core with `setup`.
    public convenience init(
        setup: CoreSetup, perform: @escaping @MainActor (PlatformAction) -> Void
    ) {
        self.init(sessions: setup.openSession, perform: perform)
    }

    /// Whether the app must hide its content when it is not active, so the app switcher shows
    /// nothing: as the core's screen says, and always for the error screen and the cover.
    public var hidesInSwitcher: Bool {
        switch display {
        case .screen(let screen): screen.secure
        case .failure, .cover: true
        }
    }

    /// Sends a user event from the screen shown and shows what the core answers. Ignored while
    /// another call runs or when no core screen is shown. Quick exit goes through `quickExit()`.
    public func send(_ event: Event) async {
        if case .quickExit = event {
            await quickExit()
            return
        }
        guard !inFlight, let app = session, case .screen = display else { return }
        inFlight = true
        epoch &+= 1
        let call = epoch
        let busyTimer = Task { [busyAfter] in
            do { try await Task.sleep(for: busyAfter) } catch { return }
            if self.inFlight && self.epoch == call { self.busy = true }
        }
        var result = await Self.call { try app.dispatch(event: event) }
        // Slow work: the core's busy screen shows while it runs off the main thread.
        while epoch == call, case .success(let transition) = result,
            case .work(let job)? = transition.effect
        {
            show(transition.screen)
            result = await Self.call { try app.runWork(job: job) }
        }
        busyTimer.cancel()
        guard epoch == call else { return }
        inFlight = false
        busy = false
        switch result {
        case .success(let transition): apply(transition)
        case .failure: fail()
        }
        if !waiting.isEmpty { await send(waiting.removeFirst()) }
    }

    /// What the person typed into a field: `.input` as it changes, `.submit` when sent. Each
    /// carries the whole value, so while a call runs only the latest of a field waits for it.
    public func type(_ event: Event) async {
        if inFlight {
            if case .input(let field, _) = event {
                waiting.removeAll {
                    if case .input(field, _) = $0 { true } else { false }
                }
            }
            waiting.append(event)
        } else {
            await send(event)
        }
    }

    /// The app went to the background; the core decides what is left to see when it is back.
    public func wentToBackground() async {
        await lifecycle(.background(atMs: clock.nowMs()))
    }

    /// The app is back in the foreground.
    public func cameToForeground() async {
        await lifecycle(.foreground(atMs: clock.nowMs()))
    }

    private func lifecycle(_ event: Event) async {
        guard session != nil, case .screen = display else { return }
        if inFlight { waiting.append(event) } else { await send(event) }
    }

    /// A press of the hardware quick-exit key (Shift, with a keyboard) while the screen offers
    /// quick exit; the core counts the presses on the shell's clock.
    public func exitKeyPressed() async {
        guard case .screen(let screen) = display, screen.quickExit != nil else { return }
        await send(.exitKey(atMs: clock.nowMs()))
    }

    /// Leaves at once. iOS cannot close an app, so the content is covered before anything else
    /// happens, speech stops, anything presented is dismissed and the shell forgets its state
    /// (a call still running is dropped when it returns); then the core wipes the session and
    /// gives its neutral screen. If the core cannot, the blank cover stays.
    public func quickExit() async {
        leaveNow()
        guard let app = session else { return }
        let call = epoch
        let result = await Self.call { try app.dispatch(event: .quickExit) }
        guard epoch == call, case .success(let transition) = result else { return }
        show(transition.screen)
    }

    /// The error screen's way back: a new session on the start screen.
    public func restart() {
        sharing = nil
        startSession()
    }

    /// The share sheet was closed.
    public func sharingEnded() {
        sharing = nil
    }

    /// The URL for a link the core gives, or nil for anything but the four kinds it may give.
    nonisolated public static func link(_ uri: String) -> URL? {
        guard let url = URL(string: uri), let scheme = url.scheme?.lowercased(),
            linkSchemes.contains(scheme)
        else { return nil }
        return url
    }

    private func startSession() {
        forget()
        do {
            let app = try sessions()
            session = app
            show(try app.currentScreen())
        } catch {
            session = nil
            display = .failure(Failure(quickExit: nil))
        }
    }

    private func apply(_ transition: Transition) {
        switch transition.effect {
        case nil:
            show(transition.screen)
        case .openUri(let uri)?:
            show(transition.screen)
            if let url = Self.link(uri) { perform(.open(url)) } else { fail() }
        case .share(let text)?:
            show(transition.screen)
            sharing = text
        case .announce(let text)?:
            show(transition.screen)
            perform(.announce(text))
        case .speak(let text, let language)?:
            show(transition.screen)
            perform(.speak(text: text, language: language))
        case .forgetSecret?:
            show(transition.screen)
            perform(.forgetSecret)
        case .work?:
            // Run in `send` before the call returns; never left for here.
            fail()
        case .quickExit?:
            // The third press of the exit key: the same as the button, with the neutral screen
            // already in hand.
            leaveNow()
            show(transition.screen)
        }
    }

    private func show(_ screen: Screen) {
        display = .screen(screen)
        scheduleTick(after: screen.tickAfterMs)
    }

    private func fail() {
        let quickExit: QuickExit? =
            switch display {
            case .screen(let screen): screen.quickExit
            case .failure(let failure): failure.quickExit
            case .cover: nil
            }
        forget()
        display = .failure(Failure(quickExit: quickExit))
    }

    private func leaveNow() {
        display = .cover
        sharing = nil
        forget()
        perform(.silence)
    }

    /// Drops the call in flight, what waits for it, the busy state and the pending tick.
    private func forget() {
        epoch &+= 1
        inFlight = false
        busy = false
        waiting = []
        scheduleTick(after: nil)
    }

    /// Sends a tick `after` ms from now on the shell's clock, replacing any tick pending.
    private func scheduleTick(after: UInt64?) {
        tick?.cancel()
        tick = nil
        guard let after else { return }
        let clock = self.clock
        let deadline = clock.nowMs() &+ after
        tick = Task { [weak self] in
            do { try await clock.sleep(untilMs: deadline) } catch { return }
            await self?.send(.tick(atMs: clock.nowMs()))
        }
    }

    /// Runs a core call off the main thread and catches whatever it throws.
    nonisolated private static func call<T: Sendable>(
        _ work: @escaping @Sendable () throws -> T
    ) async -> Result<T, any Error> {
        await Task.detached { Result { try work() } }.value
    }
}
