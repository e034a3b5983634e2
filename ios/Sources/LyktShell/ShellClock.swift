import Foundation

/// The monotonic clock the quick-exit key, the ticks and the trips to the background share, in
/// milliseconds. It keeps counting while the device sleeps, so time away is time away; the wall
/// clock never enters.
public protocol ShellClock: Sendable {
    /// Now, in milliseconds since an arbitrary fixed point.
    func nowMs() -> UInt64
    /// Returns once `deadlineMs` has passed; throws if the waiting task is cancelled.
    func sleep(untilMs deadlineMs: UInt64) async throws
}

/// The device's continuous clock: it counts while the device sleeps and never jumps when the
/// user or the network changes the time.
public struct DeviceClock: ShellClock {
    private static let origin = ContinuousClock.now

    /// The continuous clock.
    public init() {}

    public func nowMs() -> UInt64 {
        let elapsed = Self.origin.duration(to: .now).components
        return UInt64(max(elapsed.seconds, 0)) * 1_000 + UInt64(max(elapsed.attoseconds, 0))
            / 1_000_000_000_000_000
    }

    public func sleep(untilMs deadlineMs: UInt64) async throws {
        let now = nowMs()
        if deadlineMs > now {
            try await Task.sleep(nanoseconds: (deadlineMs - now) * 1_000_000)
        }
    }
}
