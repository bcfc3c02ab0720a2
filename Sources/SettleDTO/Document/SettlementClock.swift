import Foundation
import SettleModel

/// Where "today" comes from: the default batch transmission date. Injectable for tests.
public struct SettlementClock: Sendable {
    public var today: @Sendable () -> LocalDate

    public init(today: @escaping @Sendable () -> LocalDate) { self.today = today }

    /// The machine's local calendar date.
    public static let system = SettlementClock {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Always the given date.
    public static func fixed(_ date: LocalDate) -> SettlementClock { SettlementClock { date } }
}
