import Foundation
import SettleModel

/// Listing, resolving, and allocating batch numbers.
extension SQLiteLedger {
    public func list(_ query: LedgerQuery) throws(LedgerError) -> LedgerPage {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if let merchant = query.merchantNumber {
            conditions.append("merchant_number = ?")
            values.append(.text(merchant))
        }
        if let terminal = query.terminalNumber {
            conditions.append("terminal_number = ?")
            values.append(.text(terminal))
        }
        if let state = query.state {
            conditions.append("state = ?")
            values.append(.text(state.rawValue))
        }
        if let from = query.from {
            conditions.append("created_at >= ?")
            values.append(.integer(from.milliseconds))
        }
        if let to = query.to {
            conditions.append("created_at < ?")
            values.append(.integer(to.milliseconds))
        }
        if let cursor = query.cursor {
            // "<created_at>.<id>" of the last entry of the previous page.
            let parts = cursor.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let created = Int64(parts[0]) else { throw LedgerError("invalid cursor") }
            conditions.append("(created_at < ? OR (created_at = ? AND id < ?))")
            values += [.integer(created), .integer(created), .text(String(parts[1]))]
        }
        let limit = min(max(query.limit, 1), 500)
        let clause =
            (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY created_at DESC, id DESC LIMIT \(limit + 1)"
        var entries = try locked { (database) throws(LedgerError) in try LedgerRows.select(clause, values, database) }
        var next: String?
        if entries.count > limit {
            entries.removeLast()
            next = entries.last.map { "\($0.createdAt.milliseconds).\($0.id)" }
        }
        return LedgerPage(entries: entries, nextCursor: next)
    }

    public func resolve(_ id: String, as resolution: LedgerResolution, note: String, at now: Date) throws(LedgerError) -> LedgerResolutionResult {
        try locked { (database) throws(LedgerError) in
            try database.durably { () throws(LedgerError) in
                try database.transaction { () throws(LedgerError) in
                    guard let entry = try LedgerRows.entry(id: id, in: database) else { return .notFound }
                    guard entry.state == .inDoubt, entry.resolution == nil else { return .notInDoubt(entry) }
                    try database.query(
                        "UPDATE settlements SET resolution = ?, resolution_note = ?, updated_at = ? WHERE id = ?",
                        [.text(resolution.rawValue), .text(note), .integer(now.milliseconds), .text(id)])
                    guard let resolved = try LedgerRows.entry(id: id, in: database) else { return .notFound }
                    return .resolved(resolved)
                }
            }
        }
    }

    /// The number after the merchant and terminal's latest, wrapping after 999, that no entry
    /// of theirs used within the guard window of this batch's date (nor an unresolved in-doubt one).
    func freeBatchNumber(for submission: LedgerSubmission, _ database: SQLiteDatabase) throws(LedgerError) -> Int {
        let rows = try database.query(
            """
            SELECT batch_number, batch_date, state, resolution FROM settlements WHERE merchant_number = ? AND terminal_number = ? AND environment = ?
            ORDER BY created_at DESC, id DESC
            """,
            [.text(submission.merchantNumber), .text(submission.terminalNumber), .text(submission.environment)])
        var used = Set<Int>()
        for row in rows {
            guard let number = row[0].integer, let date = row[1].text.flatMap(LocalDate.init(iso:)) else { continue }
            let recent = abs(date.daysSinceEpoch - submission.batchDate.daysSinceEpoch) < policy.guardDays
            // An unresolved in-doubt attempt holds its number whatever its age, as the guard says.
            let unresolved = row[2].text == SettlementState.inDoubt.rawValue && row[3].text == nil
            if recent || unresolved { used.insert(Int(number)) }
        }
        // Within 0-999 whatever a damaged row holds, so the arithmetic below cannot overflow.
        let latest = min(max(rows.first?[0].integer.map(Int.init) ?? 0, 0), 999)
        for step in 1...999 {
            let candidate = (latest + step - 1) % 999 + 1
            if !used.contains(candidate) { return candidate }
        }
        throw LedgerError(
            "every batch number 001-999 of merchant \(submission.merchantNumber) terminal \(submission.terminalNumber) was used within \(policy.guardDays) days"
        )
    }
}
