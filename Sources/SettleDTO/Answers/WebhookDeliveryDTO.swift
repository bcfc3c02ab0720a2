/// A webhook delivery as `GET /v1/webhook-deliveries` and `tsys-settle webhooks list` show it.
public struct WebhookDeliveryDTO: Sendable, Hashable, Codable {
    /// `whd_…`.
    public var id: String
    /// The event delivered (its `webhook-id`).
    public var eventId: String
    public var settlementId: String
    /// `whe_…`: the endpoint, by its URL.
    public var endpointId: String
    /// pending, delivered or abandoned.
    public var state: String
    public var attempts: Int
    /// When the next try is due, while pending.
    public var nextAttemptAt: String?
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: String
    public var deliveredAt: String?
    /// Every try, first first (one delivery's page only).
    public var tries: [WebhookAttemptDTO]?

    public init(
        id: String, eventId: String, settlementId: String, endpointId: String, state: String, attempts: Int, nextAttemptAt: String?,
        lastStatus: Int?, lastError: String?, createdAt: String, deliveredAt: String?, tries: [WebhookAttemptDTO]?
    ) {
        self.id = id
        self.eventId = eventId
        self.settlementId = settlementId
        self.endpointId = endpointId
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
        self.tries = tries
    }
}

/// One try of a webhook delivery.
public struct WebhookAttemptDTO: Sendable, Hashable, Codable {
    public var number: Int
    public var at: String
    /// The replica that made it.
    public var replica: String
    public var status: Int?
    public var error: String?
    public var milliseconds: Int64

    public init(number: Int, at: String, replica: String, status: Int?, error: String?, milliseconds: Int64) {
        self.number = number
        self.at = at
        self.replica = replica
        self.status = status
        self.error = error
        self.milliseconds = milliseconds
    }
}

/// A page of `GET /v1/webhook-deliveries`, newest first.
public struct WebhookDeliveryListDTO: Sendable, Hashable, Codable {
    public var deliveries: [WebhookDeliveryDTO]

    public init(deliveries: [WebhookDeliveryDTO]) { self.deliveries = deliveries }
}
