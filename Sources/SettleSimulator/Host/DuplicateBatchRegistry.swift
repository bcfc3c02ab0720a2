import SettleModel
import Synchronization

/// The host's memory of accepted batches: a merchant + terminal + batch number accepted in the
/// last five days draws `QD`. Shared by every connection of one simulator.
public final class DuplicateBatchRegistry: Sendable {
    /// How a batch is recognised as the same one.
    public struct Key: Sendable, Hashable {
        public var merchantNumber: String
        public var terminalNumber: String
        public var batchNumber: Int

        public init(merchantNumber: String, terminalNumber: String, batchNumber: Int) {
            self.merchantNumber = merchantNumber
            self.terminalNumber = terminalNumber
            self.batchNumber = batchNumber
        }
    }

    /// Batch numbers must not repeat within five consecutive days.
    public static let window = 5

    private let accepted = Mutex<[Key: LocalDate]>([:])

    public init() {}

    /// The date the same batch was accepted, if that was fewer than five days before `date`.
    public func acceptedRecently(_ key: Key, on date: LocalDate) -> LocalDate? {
        accepted.withLock { entries in
            guard let previous = entries[key] else { return nil }
            return abs(date.daysSinceEpoch - previous.daysSinceEpoch) < Self.window ? previous : nil
        }
    }

    /// Records an accepted batch.
    public func accept(_ key: Key, on date: LocalDate) {
        accepted.withLock { $0[key] = date }
    }
}
