import Foundation
import SettleModel

/// Which entries `list` returns: every condition given must hold. Newest first.
public struct LedgerQuery: Sendable, Hashable {
    public var merchantNumber: String?
    public var terminalNumber: String?
    public var state: SettlementState?
    /// Created at or after.
    public var from: Date?
    /// Created before.
    public var to: Date?
    /// Batches of this date.
    public var batchDate: LocalDate?
    /// Settled with this environment's host (simulator, test, live, custom).
    public var environment: String?
    /// At most this many (1–500).
    public var limit: Int
    /// The `nextCursor` of the previous page.
    public var cursor: String?

    public init(
        merchantNumber: String? = nil, terminalNumber: String? = nil, state: SettlementState? = nil, from: Date? = nil, to: Date? = nil,
        limit: Int = 50, cursor: String? = nil
    ) {
        self.batchDate = nil
        self.environment = nil
        self.merchantNumber = merchantNumber
        self.terminalNumber = terminalNumber
        self.state = state
        self.from = from
        self.to = to
        self.limit = limit
        self.cursor = cursor
    }
}

/// One page of entries, and where the next begins (nil on the last page).
public struct LedgerPage: Sendable, Hashable {
    public var entries: [LedgerEntry]
    public var nextCursor: String?
}

/// What resolving an entry did.
public enum LedgerResolutionResult: Sendable, Hashable {
    case resolved(LedgerEntry)
    case notFound
    /// Only an in-doubt entry can be resolved (and only once).
    case notInDoubt(LedgerEntry)
}
