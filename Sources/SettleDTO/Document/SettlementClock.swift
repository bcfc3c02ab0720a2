import Foundation
import SettleModel

/// Where "today" comes from: the default batch transmission date. Injectable for tests.
public struct SettlementClock: Sendable {
    public var today: @Sendable () -> LocalDate
    /// The instant: what cutoffs are reckoned from.
    public var now: @Sendable () -> Date

    public init(today: @escaping @Sendable () -> LocalDate, now: @escaping @Sendable () -> Date = { Date() }) {
        self.today = today
        self.now = now
    }

    /// The machine's local calendar date.
    public static let system = SettlementClock {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Always the given date.
    public static func fixed(_ date: LocalDate) -> SettlementClock { SettlementClock { date } }
}
