import Foundation
import SettleModel

/// The ledger's rules, once, over either database: admission with the idempotency key and the
/// batch-number guard, the state changes, recovery, listing and resolving. Each backend holds a
/// connection behind a lock and hands it here.
struct LedgerCore: Sendable {
    let policy: LedgerPolicy

    func admit(_ submission: LedgerSubmission, at now: Date, in database: some LedgerDatabase) throws(LedgerError) -> LedgerAdmission {
        try database.transaction { () throws(LedgerError) in
            var found: LedgerEntry?
            if let key = submission.idempotencyKey { found = try LedgerRows.entry(keyed: key, in: database) }
            if found == nil, let unscoped = submission.unscopedIdempotencyKey, unscoped != submission.idempotencyKey {
                found = try LedgerRows.entry(keyedBeforeScoping: unscoped, fingerprint: submission.fingerprint, in: database)
            }
            if let earlier = found {
                if now.timeIntervalSince(earlier.createdAt) < policy.keyRetention.seconds {
                    // A fingerprint written before fingerprints were versioned was made another
                    // way: the same key is then taken as the same request (a replay, or in
                    // flight), never as a reuse, so an upgrade cannot turn a retry into a 422.
                    let comparable = LedgerFingerprint.isCurrent(earlier.submission.fingerprint)
                    if comparable && earlier.submission.fingerprint != submission.fingerprint { return .keyReused(earlier) }
                    return earlier.state == .received || earlier.state == .transmitting ? .inFlight(earlier) : .replay(earlier)
                }
                // Expired: the key may be used afresh.
                try database.query("UPDATE settlements SET idempotency_key = NULL WHERE id = ?", [.text(earlier.id)])
            }
            var submission = submission
            if submission.allocatesBatchNumber {
                submission.batchNumber = try freeBatchNumber(for: submission, database)
            } else if let refusal = try guardRefusal(submission, database) {
                return refusal
            }
            let id = "stl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try LedgerRows.insert(submission, id: id, at: now, into: database)
            let stored = Date(milliseconds: now.milliseconds)  // as it reads back
            return .admitted(LedgerEntry(id: id, submission: submission, state: .received, createdAt: stored, updatedAt: stored))
        }
    }

    /// The batch-number guard, per host (environment): an accepted batch within the window, an unresolved in-doubt
    /// attempt, or one being settled right now blocks the same merchant + terminal + number.
    private func guardRefusal(_ submission: LedgerSubmission, _ database: some LedgerDatabase) throws(LedgerError) -> LedgerAdmission? {
        for earlier in try LedgerRows.entries(sameBatchAs: submission, in: database) {
            let days = abs(submission.batchDate.daysSinceEpoch - earlier.submission.batchDate.daysSinceEpoch)
            switch earlier.state {
            case .received, .transmitting: return .inFlight(earlier)
            case .inDoubt where earlier.resolution == nil: return .unresolvedInDoubt(earlier)
            case .inDoubt where earlier.resolution == LedgerResolution.captured.rawValue && days < policy.guardDays:
                return .alreadyAccepted(earlier)
            case .accepted where days < policy.guardDays: return .alreadyAccepted(earlier)
            default: continue
            }
        }
        return nil
    }

    /// Durable: the entry (and its admission before it) is stored for good before anything is sent.
    func markTransmitting(_ id: String, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        try database.durably { () throws(LedgerError) in
            try database.query(
                "UPDATE settlements SET state = 'transmitting', updated_at = ? WHERE id = ? AND state = 'received'",
                [.integer(now.milliseconds), .text(id)])
            // Nothing may be sent for an entry that is no longer `received` (another process's
            // recovery marked it failed, say): the caller stops here.
            guard database.changes == 1 else {
                throw LedgerError("settlement \(id) is no longer waiting to be sent (another process recovered it?); nothing was sent")
            }
        }
    }

    func complete(_ id: String, with outcome: LedgerOutcome, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        if policy.syncsEveryChange {
            try database.durably { () throws(LedgerError) in try LedgerRows.complete(id, with: outcome, at: now, in: database) }
        } else {
            try LedgerRows.complete(id, with: outcome, at: now, in: database)
        }
    }

    /// Entries left `received` or `transmitting`, last changed before `cutoff` (every one when
    /// `cutoff` is nil), become `failed` and `in_doubt`.
    func recoverInterrupted(at now: Date, changedBefore cutoff: Date?, in database: some LedgerDatabase) throws(LedgerError) -> [LedgerEntry] {
        try database.durably { () throws(LedgerError) in
            try database.transaction { () throws(LedgerError) in
                let before = cutoff?.milliseconds ?? .max
                let interrupted = try LedgerRows.entries(inStates: [.received, .transmitting], in: database).filter {
                    $0.updatedAt.milliseconds < before
                }
                try database.query(
                    "UPDATE settlements SET state = 'in_doubt', failure = 'the service stopped during transmission', updated_at = ? WHERE state = 'transmitting' AND updated_at < ?",
                    [.integer(now.milliseconds), .integer(before)])
                try database.query(
                    "UPDATE settlements SET state = 'failed', failure = 'the service stopped before sending', updated_at = ? WHERE state = 'received' AND updated_at < ?",
                    [.integer(now.milliseconds), .integer(before)])
                var changed: [LedgerEntry] = []
                for entry in interrupted {
                    if let now = try LedgerRows.entry(id: entry.id, in: database) { changed.append(now) }
                }
                return changed
            }
        }
    }

    func list(_ query: LedgerQuery, in database: some LedgerDatabase) throws(LedgerError) -> LedgerPage {
        var conditions: [String] = []
        var values: [LedgerValue] = []
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
        var entries = try LedgerRows.select(clause, values, database)
        var next: String?
        if entries.count > limit {
            entries.removeLast()
            next = entries.last.map { "\($0.createdAt.milliseconds).\($0.id)" }
        }
        return LedgerPage(entries: entries, nextCursor: next)
    }

    func resolve(
        _ id: String, as resolution: LedgerResolution, note: String, at now: Date, in database: some LedgerDatabase
    ) throws(LedgerError) -> LedgerResolutionResult {
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

    /// The number after the merchant and terminal's latest, wrapping after 999, that no entry
    /// of theirs used within the guard window of this batch's date (nor an unresolved in-doubt one).
    func freeBatchNumber(for submission: LedgerSubmission, _ database: some LedgerDatabase) throws(LedgerError) -> Int {
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
