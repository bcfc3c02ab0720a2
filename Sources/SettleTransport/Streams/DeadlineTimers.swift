/// The running timers of a protocol session on the wall clock: the link driver and the
/// simulator's host driver both wait for bytes only until the earliest one is due.
public struct DeadlineTimers<Timer: Hashable & Sendable>: Sendable {
    private var deadlines: [Timer: ContinuousClock.Instant] = [:]

    public init() {}

    /// (Re)starts a timer.
    public mutating func start(_ timer: Timer, _ duration: Duration) { deadlines[timer] = .now + duration }

    public mutating func cancel(_ timer: Timer) { deadlines[timer] = nil }

    public mutating func cancelAll() { deadlines.removeAll() }

    /// When to stop waiting for bytes: the earliest timer, but no later than `limit`.
    public func waitDeadline(notAfter limit: ContinuousClock.Instant) -> ContinuousClock.Instant {
        min(deadlines.values.min() ?? limit, limit)
    }

    /// Removes and returns the earliest timer if it is due.
    public mutating func popExpired(now: ContinuousClock.Instant = .now) -> Timer? {
        guard let earliest = deadlines.min(by: { $0.value < $1.value }), earliest.value <= now else { return nil }
        deadlines[earliest.key] = nil
        return earliest.key
    }
}
