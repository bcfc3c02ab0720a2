import Synchronization

/// Whether the service should receive new work: false once shutdown has begun, so a load
/// balancer stops sending settlements while those in progress finish (`/readyz` answers 503).
public final class Readiness: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    public var isReady: Bool { !draining.load(ordering: .acquiring) }

    /// Shutdown has begun.
    public func markDraining() { draining.store(true, ordering: .releasing) }
}
