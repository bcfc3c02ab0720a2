import Foundation
import SettleModel

/// Rows of the `settlement_events` table: the statements that append an event in the
/// transaction of its state change, and the reading of them.
enum LedgerEvents {
    /// Events are numbered one above the last, inside a transaction that holds this subject's
    /// lock (or the whole ledger's): so numbers are unique and follow the order of commit.
    static let subject = "events"

    /// Appends the event of settlement `id` reaching `state` (its type, or `type`), only when the
    /// settlement's state changes, and it has not been resolved: run it just before the UPDATE
    /// that makes the change. Repeating an ending (a retry after a lost answer) adds nothing.
    static func reaching(
        _ state: SettlementState, type: LedgerEventType? = nil, settlement id: String, at now: Date
    ) -> (String, [LedgerValue])? {
        guard let type = type ?? LedgerEventType(reaching: state) else { return nil }
        return (
            """
            INSERT INTO settlement_events (sequence, id, type, settlement_id, state, created_at)
            SELECT (SELECT COALESCE(MAX(sequence), 0) + 1 FROM settlement_events), ?, ?, s.id, ?, ?
            FROM settlements s WHERE s.id = ? AND s.resolution IS NULL AND s.state <> ?
            """,
            [.text(newID()), .text(type.rawValue), .text(state.rawValue), .integer(now.milliseconds), .text(id), .text(state.rawValue)]
        )
    }

    /// Appends an event of `type` for settlement `id`, now in `state`: for a change the caller
    /// has just made (and seen made).
    static func insert(_ type: LedgerEventType, state: SettlementState, settlement id: String, at now: Date) -> (String, [LedgerValue]) {
        (
            """
            INSERT INTO settlement_events (sequence, id, type, settlement_id, state, created_at)
            SELECT COALESCE(MAX(sequence), 0) + 1, ?, ?, ?, ?, ? FROM settlement_events
            """,
            [.text(newID()), .text(type.rawValue), .text(id), .text(state.rawValue), .integer(now.milliseconds)]
        )
    }

    /// Appends a close's event (`batch.closed`, `batch.cutoff_skipped`).
    static func insert(_ type: LedgerEventType, close: StoredClose, at now: Date) -> (String, [LedgerValue]) {
        (
            """
            INSERT INTO settlement_events (sequence, id, type, settlement_id, state, close_id, merchant_id, created_at)
            SELECT COALESCE(MAX(sequence), 0) + 1, ?, ?, '', ?, ?, ?, ? FROM settlement_events
            """,
            [
                .text(newID()), .text(type.rawValue), .text(close.state.rawValue), .text(close.id), .text(close.merchantID),
                .integer(now.milliseconds),
            ]
        )
    }

    static func newID() -> String { "evt_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") }

    /// The events `query` asks for, oldest first, with their settlements.
    static func select(_ query: LedgerEventQuery, in database: some LedgerDatabase) throws(LedgerError) -> LedgerEventPage {
        var conditions: [String] = []
        var values: [LedgerValue] = []
        if let after = query.after {
            conditions.append("e.sequence > ?")
            values.append(.integer(after))
        }
        if let ids = query.ids {
            conditions.append("e.id IN (" + (ids.isEmpty ? "NULL" : ids.map { _ in "?" }.joined(separator: ", ")) + ")")
            values += ids.map { .text($0) }
        }
        if let id = query.settlementID {
            conditions.append("e.settlement_id = ?")
            values.append(.text(id))
        }
        if let merchant = query.merchantNumber {
            conditions.append(
                "(e.settlement_id IN (SELECT id FROM settlements WHERE merchant_number = ?) OR e.merchant_id IN (SELECT id FROM merchant_profiles WHERE merchant_number = ?))"
            )
            values += [.text(merchant), .text(merchant)]
        }
        if !query.types.isEmpty {
            let types = query.types.map(\.rawValue).sorted()
            conditions.append("e.type IN (" + types.map { _ in "?" }.joined(separator: ", ") + ")")
            values += types.map { .text($0) }
        }
        let limit = min(max(query.limit, 1), 500)
        let rows = try database.query(
            "SELECT e.sequence, e.id, e.type, e.settlement_id, e.state, e.created_at, e.close_id FROM settlement_events e "
                + (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY e.sequence LIMIT ?",
            values + [.integer(Int64(limit + 1))])
        var events = rows.map { row in
            LedgerEvent(
                sequence: row[0].integer ?? 0, id: row[1].text ?? "", type: LedgerEventType(rawValue: row[2].text ?? "") ?? .inDoubt,
                settlementID: row[3].text ?? "", state: row[6].text == nil ? SettlementState(rawValue: row[4].text ?? "") ?? .inDoubt : nil,
                closeID: row[6].text, createdAt: Date(milliseconds: row[5].integer ?? 0))
        }
        let hasMore = events.count > limit
        if hasMore { events.removeLast() }
        var settlements: [String: LedgerEntry] = [:]
        let ids = Array(Set(events.filter { $0.closeID == nil }.map(\.settlementID))).sorted()
        for start in stride(from: 0, to: ids.count, by: 100) {
            let chunk = ids[start..<min(start + 100, ids.count)]
            let clause = "WHERE id IN (" + chunk.map { _ in "?" }.joined(separator: ", ") + ")"
            for entry in try LedgerRows.select(clause, chunk.map { .text($0) }, database) { settlements[entry.id] = entry }
        }
        var closes: [String: StoredClose] = [:]
        for id in Set(events.compactMap(\.closeID)) { closes[id] = try LedgerCloses.close(id, in: database) }
        return LedgerEventPage(events: events, settlements: settlements, closes: closes, hasMore: hasMore)
    }
}
