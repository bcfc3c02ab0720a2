import Foundation

/// When a failed delivery is tried again: exponential from `first`, doubling up to `cap`, with
/// half of each wait random (so replicas and endpoints do not retry in step), until `giveUpAfter`
/// has passed since the event (three days by default, as receivers that were down over a
/// weekend still get what they missed).
public struct WebhookBackoff: Sendable, Hashable {
    public var first: Duration
    public var cap: Duration
    public var giveUpAfter: Duration

    public init(first: Duration = .seconds(5), cap: Duration = .seconds(3600), giveUpAfter: Duration = .seconds(72 * 3600)) {
        self.first = first
        self.cap = cap
        self.giveUpAfter = giveUpAfter
    }

    /// When try `attempts + 1` is due after try `attempts` failed at `now`; nil to give up.
    public func retry(after attempts: Int, at now: Date, since created: Date, using random: inout some RandomNumberGenerator) -> Date? {
        let base = Self.seconds(first) * pow(2, Double(min(max(attempts - 1, 0), 30)))
        let wait = min(base, Self.seconds(cap))
        let jittered = wait / 2 + Double.random(in: 0...(wait / 2), using: &random)
        let next = now.addingTimeInterval(jittered)
        return next.timeIntervalSince(created) > Self.seconds(giveUpAfter) ? nil : next
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
