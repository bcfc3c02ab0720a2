import Foundation

/// The webhook outbox's statements: scheduling events for an endpoint, claiming due deliveries,
/// recording tries, and reading the log.
enum LedgerWebhooks {
    /// Claims are serialized with one another (a claim is a read and an update), across replicas.
    static let claimSubject = "webhook-claims"

    private static let columns = """
        id, endpoint_id, event_id, event_sequence, state, attempts, next_attempt_at, last_status, last_error, created_at, updated_at,
        delivered_at, settlement_id, retry_since
        """

    /// Notes `endpoint` (first seen now: it gets the events after the last one recorded).
    static func register(endpoint id: String, url: String, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        try database.query(
            """
            INSERT INTO webhook_endpoints (id, url, scheduled_through, created_at)
            SELECT ?, ?, COALESCE(MAX(sequence), 0), ? FROM settlement_events WHERE true
            ON CONFLICT (id) DO NOTHING
            """,
            [.text(id), .text(url), .integer(now.milliseconds)])
    }

    /// A delivery of every event recorded since the last scheduling whose type `types` names
    /// (all when empty). Run under the events' lock: every event numbered up to the largest
    /// number seen has committed, so none is passed over.
    static func schedule(
        endpoint id: String, types: Set<LedgerEventType>, at now: Date, in database: some LedgerDatabase
    ) throws(LedgerError) -> Int {
        let rows = try database.queries([
            ("SELECT scheduled_through FROM webhook_endpoints WHERE id = ?", [.text(id)]),
            ("SELECT COALESCE(MAX(sequence), 0) FROM settlement_events", []),
        ])
        guard let from = rows[0].first?.first?.integer else { throw LedgerError("webhook endpoint \(id) is not registered") }
        let through = rows[1].first?.first?.integer ?? 0
        guard through > from else { return 0 }
        var filter = ""
        var values: [LedgerValue] = [.text(id), .text(id), .integer(now.milliseconds), .integer(now.milliseconds), .integer(now.milliseconds)]
        values += [.integer(from), .integer(through)]
        if !types.isEmpty {
            let names = types.map(\.rawValue).sorted()
            filter = " AND e.type IN (" + names.map { _ in "?" }.joined(separator: ", ") + ")"
            values += names.map { .text($0) }
        }
        try database.query(
            """
            INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_sequence, settlement_id, state, attempts, next_attempt_at,
                created_at, updated_at)
            SELECT 'whd_' || substr(e.id, 5) || '_' || substr(?, 5), ?, e.id, e.sequence, e.settlement_id, 'pending', 0, ?, ?, ?
            FROM settlement_events e WHERE e.sequence > ? AND e.sequence <= ?
            """ + filter + " ON CONFLICT (endpoint_id, event_id) DO NOTHING", values)
        let made = database.changes
        try database.write([("UPDATE webhook_endpoints SET scheduled_through = ? WHERE id = ?", [.integer(through), .text(id)])])
        return made
    }

    /// Up to `limit` due deliveries of `endpoints` (pending, due, not claimed by a replica whose
    /// claim holds), claimed by `replica` until `until`. The UPDATE repeats the conditions, so a
    /// row another replica changed since the SELECT (delivered, claimed) is left alone.
    static func claim(
        replica: String, endpoints: [String], at now: Date, until: Date, limit: Int, in database: some LedgerDatabase
    ) throws(LedgerError) -> [WebhookDelivery] {
        guard !endpoints.isEmpty else { return [] }
        let due = "state = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
        let dueValues: [LedgerValue] = [.integer(now.milliseconds), .integer(now.milliseconds)]
        let ids = try database.query(
            "SELECT id FROM webhook_deliveries WHERE \(due) AND endpoint_id IN (\(placeholders(endpoints.count))) ORDER BY next_attempt_at, event_sequence LIMIT ?",
            dueValues + endpoints.map { .text($0) } + [.integer(Int64(limit))]
        ).compactMap { $0.first?.text }
        guard !ids.isEmpty else { return [] }
        return try database.query(
            "UPDATE webhook_deliveries SET claimed_by = ?, claimed_until = ? WHERE id IN (\(placeholders(ids.count))) AND \(due) RETURNING \(columns)",
            [.text(replica), .integer(until.milliseconds)] + ids.map { .text($0) } + dueValues
        ).map(decode).sorted { $0.eventSequence < $1.eventSequence }
    }

    static func placeholders(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

    /// Logs the try and moves the delivery on: delivered, due again at `retryAt`, or given up;
    /// only while `replica` still holds the claim (a try that outlived it is another replica's
    /// delivery now, and its try is the one that counts). A delivered one stays delivered.
    static func record(
        _ outcome: WebhookAttemptOutcome, of id: String, by replica: String, at now: Date, milliseconds: Int64, in database: some LedgerDatabase
    ) throws(LedgerError) {
        let state: WebhookDeliveryState = outcome.delivered ? .delivered : outcome.retryAt == nil ? .abandoned : .pending
        try database.write([
            (
                """
                INSERT INTO webhook_attempts (delivery_id, number, at, replica, status, error, milliseconds)
                SELECT id, (SELECT COALESCE(MAX(number), 0) + 1 FROM webhook_attempts WHERE delivery_id = d.id), ?, ?, ?, ?, ?
                FROM webhook_deliveries d WHERE id = ? AND claimed_by = ?
                """,
                [
                    .integer(now.milliseconds), .text(replica), LedgerValue(outcome.status), LedgerValue(outcome.error), .integer(milliseconds),
                    .text(id),
                    .text(replica),
                ]
            ),
            (
                """
                UPDATE webhook_deliveries SET state = CASE WHEN state = 'delivered' THEN state ELSE ? END, attempts = attempts + 1,
                    next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, last_status = ?, last_error = ?, updated_at = ?,
                    delivered_at = CASE WHEN ? = 1 AND delivered_at IS NULL THEN ? ELSE delivered_at END
                WHERE id = ? AND claimed_by = ?
                """,
                [
                    .text(state.rawValue), .integer((outcome.retryAt ?? now).milliseconds), LedgerValue(outcome.status), LedgerValue(outcome.error),
                    .integer(now.milliseconds), .integer(outcome.delivered ? 1 : 0), .integer(now.milliseconds), .text(id), .text(replica),
                ]
            ),
        ])
    }

    /// Pending again, due now, its retry period and its count of tries starting afresh (its tries
    /// so far kept in the log); not while a try under way holds its claim.
    static func redeliver(_ id: String, at now: Date, in database: some LedgerDatabase) throws(LedgerError) -> WebhookRedelivery {
        let rows = try database.query(
            """
            UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?, retry_since = ?, updated_at = ?
            WHERE id = ? AND (claimed_until IS NULL OR claimed_until < ?) RETURNING \(columns)
            """,
            [.integer(now.milliseconds), .integer(now.milliseconds), .integer(now.milliseconds), .text(id), .integer(now.milliseconds)])
        if let row = rows.first { return .redelivered(decode(row)) }
        return try delivery(id, in: database).map { .tryUnderWay($0) } ?? .notFound
    }

    static func list(_ query: WebhookDeliveryQuery, in database: some LedgerDatabase) throws(LedgerError) -> [WebhookDelivery] {
        var conditions: [String] = []
        var values: [LedgerValue] = []
        if let state = query.state {
            conditions.append("state = ?")
            values.append(.text(state.rawValue))
        }
        if let event = query.eventID {
            conditions.append("event_id = ?")
            values.append(.text(event))
        }
        if let settlement = query.settlementID {
            conditions.append("settlement_id = ?")
            values.append(.text(settlement))
        }
        let clause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try database.query(
            "SELECT \(columns) FROM webhook_deliveries\(clause) ORDER BY created_at DESC, event_sequence DESC LIMIT ?",
            values + [.integer(Int64(min(max(query.limit, 1), 500)))]
        ).map(decode)
    }

    static func delivery(_ id: String, in database: some LedgerDatabase) throws(LedgerError) -> WebhookDelivery? {
        try database.query("SELECT \(columns) FROM webhook_deliveries WHERE id = ?", [.text(id)]).first.map(decode)
    }

    static func attempts(of id: String, in database: some LedgerDatabase) throws(LedgerError) -> [WebhookAttempt] {
        try database.query(
            "SELECT delivery_id, number, at, replica, status, error, milliseconds FROM webhook_attempts WHERE delivery_id = ? ORDER BY number",
            [.text(id)]
        ).map { row in
            WebhookAttempt(
                deliveryID: row[0].text ?? "", number: Int(row[1].integer ?? 0), at: Date(milliseconds: row[2].integer ?? 0),
                replica: row[3].text ?? "", status: row[4].integer.map { Int($0) }, error: row[5].text, milliseconds: row[6].integer ?? 0)
        }
    }

    /// Pending deliveries of `endpoints` (all when nil).
    static func status(endpoints: [String]?, in database: some LedgerDatabase) throws(LedgerError) -> WebhookOutboxStatus {
        var sql = "SELECT COUNT(*), MIN(COALESCE(retry_since, created_at)) FROM webhook_deliveries WHERE state = 'pending'"
        if let endpoints { sql += endpoints.isEmpty ? " AND 1 = 0" : " AND endpoint_id IN (\(placeholders(endpoints.count)))" }
        let row = try database.query(sql, (endpoints ?? []).map { .text($0) }).first
        return WebhookOutboxStatus(pending: Int(row?[0].integer ?? 0), oldestPending: row?[1].integer.map { Date(milliseconds: $0) })
    }

    private static func decode(_ row: [LedgerValue]) -> WebhookDelivery {
        WebhookDelivery(
            id: row[0].text ?? "", endpointID: row[1].text ?? "", eventID: row[2].text ?? "", eventSequence: row[3].integer ?? 0,
            state: WebhookDeliveryState(rawValue: row[4].text ?? "") ?? .pending, attempts: Int(row[5].integer ?? 0),
            nextAttemptAt: Date(milliseconds: row[6].integer ?? 0), lastStatus: row[7].integer.map { Int($0) }, lastError: row[8].text,
            createdAt: Date(milliseconds: row[9].integer ?? 0), updatedAt: Date(milliseconds: row[10].integer ?? 0),
            deliveredAt: row[11].integer.map { Date(milliseconds: $0) }, settlementID: row[12].text ?? "",
            retrySince: row[13].integer.map { Date(milliseconds: $0) })
    }
}
