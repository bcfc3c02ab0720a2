import Foundation

/// A change of a settlement's state that callers are told about (by webhook, and at
/// `GET /v1/events`). Written in the same transaction as the change itself, so no event is lost
/// and none is invented; numbered in the order they were committed, so a reader that remembers
/// the last number it saw misses none.
public struct LedgerEvent: Sendable, Hashable {
    /// Gives the order of commit: no event with a smaller number becomes visible after one with a
    /// larger number (the writers of events are serialized).
    public var sequence: Int64
    /// `evt_` and 32 hex digits, unique.
    public var id: String
    public var type: LedgerEventType
    /// The settlement a settlement event is about (empty for a close's events).
    public var settlementID: String
    /// The settlement's state the event reports (nil for a close's events).
    public var state: SettlementState?
    /// The close a close's event is about (`batch.closed`, `batch.cutoff_skipped`).
    public var closeID: String?
    public var createdAt: Date

    public init(
        sequence: Int64, id: String, type: LedgerEventType, settlementID: String, state: SettlementState?, closeID: String? = nil,
        createdAt: Date
    ) {
        self.sequence = sequence
        self.id = id
        self.type = type
        self.settlementID = settlementID
        self.state = state
        self.closeID = closeID
        self.createdAt = createdAt
    }
}

/// What an event is about, as it is now.
public enum LedgerEventSubject: Sendable, Hashable {
    case settlement(LedgerEntry)
    case close(StoredClose)
}

/// What happened to the settlement.
public enum LedgerEventType: String, Sendable, Hashable, CaseIterable {
    case accepted = "settlement.accepted"
    case rejected = "settlement.rejected"
    case duplicate = "settlement.duplicate"
    case failed = "settlement.failed"
    case inDoubt = "settlement.in_doubt"
    /// An operator resolved an in-doubt settlement.
    case resolved = "settlement.resolved"
    /// A merchant's open batch was frozen for settling (at a cutoff or when asked).
    case batchClosed = "batch.closed"
    /// A cutoff came with nothing open: no batch was sent.
    case cutoffSkipped = "batch.cutoff_skipped"

    /// The event of a settlement reaching `state`; nil for the states on the way (`received`,
    /// `transmitting`), which are not announced.
    public init?(reaching state: SettlementState) {
        switch state {
        case .accepted: self = .accepted
        case .rejected: self = .rejected
        case .duplicate: self = .duplicate
        case .failed: self = .failed
        case .inDoubt: self = .inDoubt
        case .received, .transmitting: return nil
        }
    }
}

/// Which events `events` returns, oldest first.
public struct LedgerEventQuery: Sendable, Hashable {
    /// Only events numbered above this (the last `sequence` the reader saw).
    public var after: Int64?
    /// Only these events (by id).
    public var ids: [String]?
    public var settlementID: String?
    public var merchantNumber: String?
    public var types: Set<LedgerEventType>
    /// At most this many (1–500).
    public var limit: Int

    public init(
        after: Int64? = nil, ids: [String]? = nil, settlementID: String? = nil, merchantNumber: String? = nil,
        types: Set<LedgerEventType> = [], limit: Int = 100
    ) {
        self.after = after
        self.ids = ids
        self.settlementID = settlementID
        self.merchantNumber = merchantNumber
        self.types = types
        self.limit = limit
    }
}

/// A page of events and the settlements and closes they are about (as they are now).
public struct LedgerEventPage: Sendable, Hashable {
    public var events: [LedgerEvent]
    public var settlements: [String: LedgerEntry]
    public var closes: [String: StoredClose] = [:]
    /// Whether more events follow the page's last one.
    public var hasMore: Bool

    /// What `event` is about; nil when it is not on the page (not expected).
    public func subject(of event: LedgerEvent) -> LedgerEventSubject? {
        if let id = event.closeID { return closes[id].map { .close($0) } }
        return settlements[event.settlementID].map { .settlement($0) }
    }
}
