import Foundation

/// The monotonic clock the quick-exit key and its ticks share, in milliseconds. The core counts
/// presses on it and says on it when the next tick is due; the wall clock never enters.
public protocol ShellClock: Sendable {
    /// Now, in milliseconds since an arbitrary fixed point.
    func nowMs() -> UInt64
    /// Returns once `deadlineMs` has passed; throws if the waiting task is cancelled.
    func sleep(untilMs deadlineMs: UInt64) async throws
}

/// The device's uptime clock: it never jumps when the user or the network changes the time.
public struct UptimeClock: ShellClock {
    /// The uptime clock.
    public init() {}

    public func nowMs() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds / 1_000_000
    }

    public func sleep(untilMs deadlineMs: UInt64) async throws {
        let now = nowMs()
        if deadlineMs > now {
            try await Task.sleep(nanoseconds: (deadlineMs - now) * 1_000_000)
        }
    }
}
