import Foundation

/// One event on its way to one webhook endpoint: made when the event is scheduled for the
/// endpoint, tried until the endpoint answers 2xx (or given up), each try logged as a
/// ``WebhookAttempt``. A replica claims it for the length of one try, so two replicas never try
/// the same delivery at once.
public struct WebhookDelivery: Sendable, Hashable {
    /// `whd_…`, the same for the same event and endpoint.
    public var id: String
    public var endpointID: String
    public var eventID: String
    public var eventSequence: Int64
    public var state: WebhookDeliveryState
    /// Tries made since it was created, or last redelivered.
    public var attempts: Int
    /// When the next try is due (while pending).
    public var nextAttemptAt: Date
    /// The last try's HTTP status, when one came back.
    public var lastStatus: Int?
    /// Why the last try failed.
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var deliveredAt: Date?
    /// The settlement the event is about.
    public var settlementID: String
    /// When the retry period began again (a redelivery); nil: at `createdAt`.
    public var retrySince: Date?
}

public enum WebhookDeliveryState: String, Sendable, Hashable, CaseIterable {
    case pending
    case delivered
    /// Given up after the retry period (redeliver makes it pending again).
    case abandoned
}

/// What asking for a delivery again did.
public enum WebhookRedelivery: Sendable, Hashable {
    /// Pending and due now.
    case redelivered(WebhookDelivery)
    /// A try holds its claim now; ask again once it is recorded.
    case tryUnderWay(WebhookDelivery)
    case notFound
}

/// One try of a delivery, for the delivery log.
public struct WebhookAttempt: Sendable, Hashable {
    public var deliveryID: String
    /// 1 for the first try.
    public var number: Int
    public var at: Date
    /// The replica that made it.
    public var replica: String
    public var status: Int?
    public var error: String?
    public var milliseconds: Int64

    public init(deliveryID: String, number: Int, at: Date, replica: String, status: Int?, error: String?, milliseconds: Int64) {
        self.deliveryID = deliveryID
        self.number = number
        self.at = at
        self.replica = replica
        self.status = status
        self.error = error
        self.milliseconds = milliseconds
    }
}

/// What a try came to, and what follows.
public struct WebhookAttemptOutcome: Sendable, Hashable {
    /// The endpoint's status, when it answered.
    public var status: Int?
    /// Why it failed (nil when delivered).
    public var error: String?
    /// When to try again; nil when delivered or given up.
    public var retryAt: Date?
    public var delivered: Bool { error == nil }

    public init(status: Int?, error: String?, retryAt: Date?) {
        self.status = status
        self.error = error
        self.retryAt = retryAt
    }
}

/// A delivery claimed for one try, with what its payload is made of.
public struct ClaimedWebhookDelivery: Sendable, Hashable {
    public var delivery: WebhookDelivery
    public var event: LedgerEvent
    /// The settlement or close the event is about, as it is now.
    public var subject: LedgerEventSubject
}

/// Which deliveries a listing shows, newest first.
public struct WebhookDeliveryQuery: Sendable, Hashable {
    public var state: WebhookDeliveryState?
    public var eventID: String?
    public var settlementID: String?
    /// At most this many (1–500).
    public var limit: Int

    public init(state: WebhookDeliveryState? = nil, eventID: String? = nil, settlementID: String? = nil, limit: Int = 50) {
        self.state = state
        self.eventID = eventID
        self.settlementID = settlementID
        self.limit = limit
    }
}

/// The outbox's depth, for metrics.
public struct WebhookOutboxStatus: Sendable, Hashable {
    /// Deliveries not yet made (and not given up).
    public var pending: Int
    /// The oldest of them, created then.
    public var oldestPending: Date?
}
