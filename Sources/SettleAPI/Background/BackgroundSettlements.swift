import Synchronization

/// The settlements answered `202 Accepted` (`Prefer: respond-async`), which go on after their
/// request has been answered. Each runs as a child task of ``run()``, which the server's service
/// runs for as long as it serves; after ``finish()`` (a graceful shutdown, once the requests in
/// hand were drained) it takes no more and returns when every one of them has ended and recorded
/// its ending. A settlement handed over after that runs in its request instead, so none is lost.
public final class BackgroundSettlements: Sendable {
    public typealias Work = @Sendable () async -> Void
    private let work: AsyncStream<Work>
    private let intake: AsyncStream<Work>.Continuation
    private let running = Atomic<Int>(0)
    /// Settlements under way at once; the rest wait their turn (recorded, answered 202). Each
    /// holds a thread for its link, so a burst of thousands must not become thousands of threads.
    public let maximumConcurrent: Int
    /// Settlements waiting their turn at most. Past it a settlement is settled in its request
    /// (the preference is ignored): the wait stays short, well within the hour after which
    /// recovery fails an admission left unsent, and a burst slows its senders down instead.
    public let maximumWaiting: Int

    public init(maximumConcurrent: Int = 32, maximumWaiting: Int = 256) {
        (work, intake) = AsyncStream.makeStream()
        self.maximumConcurrent = max(1, maximumConcurrent)
        self.maximumWaiting = max(0, maximumWaiting)
    }

    /// Hands `job` over; false when there is no room, or once finishing: the caller then does it itself.
    func submit(_ job: @escaping Work) -> Bool {
        guard running.add(1, ordering: .relaxed).newValue <= maximumConcurrent + maximumWaiting, case .enqueued = intake.yield(job) else {
            running.subtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Settlements handed over and not yet ended.
    public var inHand: Int { running.load(ordering: .relaxed) }

    /// Runs every settlement handed over, until ``finish()`` and the last of them has ended.
    /// Call it once.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            var underWay = 0
            for await job in work {
                if underWay == maximumConcurrent {
                    await group.next()
                    underWay -= 1
                }
                group.addTask {
                    await job()
                    self.ended()
                }
                underWay += 1
            }
        }
    }

    private func ended() { running.subtract(1, ordering: .relaxed) }

    /// Takes no more; ``run()`` returns once those in hand have ended.
    public func finish() { intake.finish() }
}
