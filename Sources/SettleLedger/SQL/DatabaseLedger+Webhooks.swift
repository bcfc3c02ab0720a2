import Foundation

/// The webhook outbox the ledger keeps: deliveries made from its events, in the same database,
/// so several replicas share them and none is lost when a process stops.
public protocol WebhookLedger: Sendable {
    /// Notes an endpoint; one seen for the first time gets the events recorded from now on.
    func registerWebhookEndpoint(id: String, url: String, at now: Date) throws(LedgerError)
    /// Makes a delivery to the endpoint of every event since the last call whose type is in
    /// `types` (all when empty); returns how many.
    func scheduleWebhookDeliveries(endpoint id: String, types: Set<LedgerEventType>, at now: Date) throws(LedgerError) -> Int
    /// Claims up to `limit` due deliveries to `endpoints` for `replica` until `until`, with their
    /// events and what they are about. (A delivery to an endpoint no replica has any more stays pending.)
    func claimWebhookDeliveries(
        replica: String, endpoints: [String], at now: Date, until: Date, limit: Int
    ) throws(LedgerError) -> [ClaimedWebhookDelivery]
    /// Logs a try of delivery `id` and moves it on.
    func recordWebhookAttempt(
        _ outcome: WebhookAttemptOutcome, of id: String, by replica: String, at now: Date, milliseconds: Int64
    ) throws(LedgerError)
    /// Deliveries matching `query`, newest first.
    func webhookDeliveries(_ query: WebhookDeliveryQuery) throws(LedgerError) -> [WebhookDelivery]
    func webhookDelivery(_ id: String) throws(LedgerError) -> WebhookDelivery?
    /// The tries of delivery `id`, first first.
    func webhookAttempts(of id: String) throws(LedgerError) -> [WebhookAttempt]
    /// Makes delivery `id` pending and due now (not while a try holds its claim).
    func redeliverWebhook(_ id: String, at now: Date) throws(LedgerError) -> WebhookRedelivery
    /// Pending deliveries to `endpoints` (all when nil).
    func webhookOutboxStatus(endpoints: [String]?) throws(LedgerError) -> WebhookOutboxStatus
}

extension DatabaseLedger: WebhookLedger {
    public func registerWebhookEndpoint(id: String, url: String, at now: Date) throws(LedgerError) {
        try locked { (database) throws(LedgerError) in try LedgerWebhooks.register(endpoint: id, url: url, at: now, in: database) }
    }

    public func scheduleWebhookDeliveries(endpoint id: String, types: Set<LedgerEventType>, at now: Date) throws(LedgerError) -> Int {
        try locked { (database) throws(LedgerError) in
            try database.transaction(serializing: [LedgerEvents.subject]) { () throws(LedgerError) in
                try LedgerWebhooks.schedule(endpoint: id, types: types, at: now, in: database)
            }
        }
    }

    public func claimWebhookDeliveries(
        replica: String, endpoints: [String], at now: Date, until: Date, limit: Int
    ) throws(LedgerError) -> [ClaimedWebhookDelivery] {
        try locked { (database) throws(LedgerError) in
            let claimed = try database.transaction(serializing: [LedgerWebhooks.claimSubject]) { () throws(LedgerError) in
                try LedgerWebhooks.claim(replica: replica, endpoints: endpoints, at: now, until: until, limit: limit, in: database)
            }
            guard !claimed.isEmpty else { return [] }
            let page = try LedgerEvents.select(LedgerEventQuery(ids: claimed.map(\.eventID), limit: 500), in: database)
            let events = Dictionary(page.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return claimed.compactMap { delivery in
                guard let event = events[delivery.eventID], let subject = page.subject(of: event) else { return nil }
                return ClaimedWebhookDelivery(delivery: delivery, event: event, subject: subject)
            }
        }
    }

    public func recordWebhookAttempt(
        _ outcome: WebhookAttemptOutcome, of id: String, by replica: String, at now: Date, milliseconds: Int64
    ) throws(LedgerError) {
        try locked { (database) throws(LedgerError) in
            // With the claims' lock: no claim commits between the try's log line and its update.
            try database.transaction(serializing: ["webhook:" + id, LedgerWebhooks.claimSubject]) { () throws(LedgerError) in
                try LedgerWebhooks.record(outcome, of: id, by: replica, at: now, milliseconds: milliseconds, in: database)
            }
        }
    }

    public func webhookDeliveries(_ query: WebhookDeliveryQuery) throws(LedgerError) -> [WebhookDelivery] {
        try locked { (database) throws(LedgerError) in try LedgerWebhooks.list(query, in: database) }
    }

    public func webhookDelivery(_ id: String) throws(LedgerError) -> WebhookDelivery? {
        try locked { (database) throws(LedgerError) in try LedgerWebhooks.delivery(id, in: database) }
    }

    public func webhookAttempts(of id: String) throws(LedgerError) -> [WebhookAttempt] {
        try locked { (database) throws(LedgerError) in try LedgerWebhooks.attempts(of: id, in: database) }
    }

    public func redeliverWebhook(_ id: String, at now: Date) throws(LedgerError) -> WebhookRedelivery {
        try locked { (database) throws(LedgerError) in
            try database.transaction(serializing: ["webhook:" + id]) { () throws(LedgerError) in
                try LedgerWebhooks.redeliver(id, at: now, in: database)
            }
        }
    }

    public func webhookOutboxStatus(endpoints: [String]? = nil) throws(LedgerError) -> WebhookOutboxStatus {
        try locked { (database) throws(LedgerError) in try LedgerWebhooks.status(endpoints: endpoints, in: database) }
    }
}
