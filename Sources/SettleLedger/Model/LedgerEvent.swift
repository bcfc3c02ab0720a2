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
    public var settlementID: String
    /// The settlement's state the event reports.
    public var state: SettlementState
    public var createdAt: Date

    public init(sequence: Int64, id: String, type: LedgerEventType, settlementID: String, state: SettlementState, createdAt: Date) {
        self.sequence = sequence
        self.id = id
        self.type = type
        self.settlementID = settlementID
        self.state = state
        self.createdAt = createdAt
    }
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

/// A page of events and the settlements they are about (as they are now).
public struct LedgerEventPage: Sendable, Hashable {
    public var events: [LedgerEvent]
    public var settlements: [String: LedgerEntry]
    /// Whether more events follow the page's last one.
    public var hasMore: Bool
}
