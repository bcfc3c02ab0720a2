/// A change of a settlement's state, or a merchant's batch closed, as `GET /v1/events` lists it
/// and a webhook delivers it (the Standard Webhooks payload: `type`, `timestamp`, `data`).
public struct SettlementEventDTO: Sendable, Hashable, Encodable {
    /// `evt_…`; a webhook's `webhook-id`, the same on every attempt.
    public var id: String
    /// settlement.accepted, .rejected, .duplicate, .failed, .in_doubt or .resolved; batch.closed or
    /// batch.cutoff_skipped.
    public var type: String
    /// When the change was recorded (RFC 3339, UTC).
    public var timestamp: String
    /// The order of commit; pass the last one seen as `after` to read on.
    public var sequence: Int64
    /// The settlement (or, for batch events, the close) as it is now: its state at least as far
    /// on as the event's.
    public var data: EventDataDTO

    public init(id: String, type: String, timestamp: String, sequence: Int64, data: EventDataDTO) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.sequence = sequence
        self.data = data
    }
}

/// A page of `GET /v1/events`, oldest first.
public struct SettlementEventListDTO: Sendable, Hashable, Encodable {
    public var events: [SettlementEventDTO]
    /// Pass as `after` for the next page; absent when no more events follow now (keep the last
    /// event's `sequence` and ask again later).
    public var nextCursor: String?

    public init(events: [SettlementEventDTO], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }
}

/// What an event is about, written as that object itself.
public enum EventDataDTO: Sendable, Hashable, Encodable {
    case settlement(SettlementRecordDTO)
    case close(CloseDTO)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .settlement(let settlement): try settlement.encode(to: encoder)
        case .close(let close): try close.encode(to: encoder)
        }
    }
}
