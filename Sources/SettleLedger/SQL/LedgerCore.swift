import Foundation
import SettleModel

/// The ledger's rules, once, over either database: admission with the idempotency key and the
/// batch-number guard, the state changes, recovery, listing and resolving. Each backend holds a
/// connection behind a lock and hands it here.
struct LedgerCore: Sendable {
    let policy: LedgerPolicy

    /// Records `submission` unless it must not be sent; `owner`, when the ledger has leases, is
    /// the admitting replica's current lease.
    func admit(
        _ submission: LedgerSubmission, at now: Date, owner: ReplicaLease? = nil, in database: some LedgerDatabase
    ) throws(LedgerError) -> LedgerAdmission {
        // What admission reads and writes: the key's entries and the merchant and terminal's
        // batch numbers at this host. Admissions naming neither run side by side.
        let s = submission
        var subjects = ["batch:\(s.merchantNumber)|\(s.terminalNumber)|\(s.environment)"]
        if let key = s.idempotencyKey { subjects.append("key:" + key) }
        // The key as sent, too: a replica that does not scope keys (no API keys) stores it so.
        if let unscoped = s.unscopedIdempotencyKey, unscoped != s.idempotencyKey { subjects.append("key:" + unscoped) }
        return try database.transaction(serializing: subjects) { () throws(LedgerError) in
            let candidates = try LedgerRows.admissionCandidates(for: submission, in: database)
            // The entries read for a refusal are read again whole (with their records).
            func whole(_ entry: LedgerEntry) throws(LedgerError) -> LedgerEntry { try LedgerRows.entry(id: entry.id, in: database) ?? entry }
            var found = s.idempotencyKey.flatMap { key in candidates.first { $0.submission.idempotencyKey == key } }
            if found == nil, let unscoped = s.unscopedIdempotencyKey, unscoped != s.idempotencyKey {
                found = candidates.first { $0.submission.idempotencyKey == unscoped && $0.submission.fingerprint == s.fingerprint }
            }
            if let earlier = found {
                // A close's key never expires: its try must find its settlement however late it
                // is driven again (after a long stop), or it would be sent under a new number.
                let kept = earlier.submission.idempotencyKey?.hasPrefix(CloseBatch.keyPrefix) ?? false
                if kept || now.timeIntervalSince(earlier.createdAt) < policy.keyRetention.seconds {
                    // A fingerprint written before fingerprints were versioned was made another
                    // way: the same key is then taken as the same request (a replay, or in
                    // flight), never as a reuse, so an upgrade cannot turn a retry into a 422.
                    let comparable = LedgerFingerprint.isCurrent(earlier.submission.fingerprint)
                    if comparable && earlier.submission.fingerprint != s.fingerprint { return .keyReused(try whole(earlier)) }
                    return earlier.state == .received || earlier.state == .transmitting ? .inFlight(try whole(earlier)) : .replay(try whole(earlier))
                }
                // Expired: the key may be used afresh.
                try database.write([("UPDATE settlements SET idempotency_key = NULL WHERE id = ?", [.text(earlier.id)])])
            }
            var submission = submission
            if submission.allocatesBatchNumber {
                submission.batchNumber = try freeBatchNumber(for: submission, database)
            } else if let refusal = guardRefusal(submission, among: candidates) {
                return try refusal.map(whole)
            }
            let id = "stl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try LedgerRows.insert(submission, id: id, at: now, owner: owner, into: database)
            let stored = Date(milliseconds: now.milliseconds)  // as it reads back
            return .admitted(
                LedgerEntry(
                    id: id, submission: submission, state: .received, createdAt: stored, updatedAt: stored, owner: owner?.instance,
                    ownerTerm: owner?.term))
        }
    }

    /// The batch-number guard, per host (environment): an accepted batch within the window, an unresolved in-doubt
    /// attempt, or one being settled right now blocks the same merchant + terminal + number.
    private func guardRefusal(_ submission: LedgerSubmission, among candidates: [LedgerEntry]) -> LedgerAdmission? {
        for earlier in candidates {
            let e = earlier.submission
            guard e.merchantNumber == submission.merchantNumber, e.terminalNumber == submission.terminalNumber,
                e.batchNumber == submission.batchNumber, e.environment == submission.environment
            else { continue }
            let days = abs(submission.batchDate.daysSinceEpoch - e.batchDate.daysSinceEpoch)
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
    /// The fencing check is part of the same statement: an entry with an owner changes only while
    /// the owner's lease term it was admitted under is current, so a replica that lapsed (and
    /// whose entries another replica may be recovering) never opens the link for them.
    func markTransmitting(_ id: String, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        try database.durably { () throws(LedgerError) in
            try database.query(
                """
                UPDATE settlements SET state = 'transmitting', updated_at = ? WHERE id = ? AND state = 'received' AND (owner IS NULL OR EXISTS (
                    SELECT 1 FROM replicas WHERE instance_id = settlements.owner AND term = settlements.owner_term AND lease_until >= ?))
                """,
                [.integer(now.milliseconds), .text(id), .integer(now.milliseconds)])
            guard database.changes == 1 else {
                // Nothing may be sent for an entry that is no longer `received` (another
                // process's recovery failed it, say) or whose lease is gone: the caller stops here.
                if let entry = try LedgerRows.entry(id: id, in: database), entry.state == .received, let owner = entry.owner {
                    throw LedgerError(
                        "the lease of replica \(owner) (term \(entry.ownerTerm ?? 0)) under which settlement \(id) was admitted is no longer current, so it may not be sent; nothing was sent"
                    )
                }
                throw LedgerError("settlement \(id) is no longer waiting to be sent (another process recovered it?); nothing was sent")
            }
        }
    }

    /// The ending and its event, in one transaction (one round trip on PostgreSQL). Endings take
    /// the events' lock, so they are serialized with one another (but not with admissions).
    func complete(_ id: String, with outcome: LedgerOutcome, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        func write() throws(LedgerError) {
            try database.transaction(serializing: [LedgerEvents.subject]) { () throws(LedgerError) in
                if let event = LedgerEvents.reaching(outcome.state, settlement: id, at: now) { try database.write([event]) }
                try LedgerRows.complete(id, with: outcome, at: now, in: database)
            }
        }
        if policy.syncsEveryChange {
            try database.durably { () throws(LedgerError) in try write() }
        } else {
            try write()
        }
    }

    /// Entries left `received` or `transmitting` that `rule` takes as interrupted become `failed`
    /// (nothing was sent) and `in_doubt` (something may have been); nothing is resent.
    func recoverInterrupted(at now: Date, rule: RecoveryRule, in database: some LedgerDatabase) throws(LedgerError) -> [LedgerEntry] {
        try database.durably { () throws(LedgerError) in
            try database.transaction { () throws(LedgerError) in
                var sql = "SELECT id, state FROM settlements WHERE state IN ('received', 'transmitting')"
                var values: [LedgerValue] = []
                switch rule {
                case .everything: break
                case .leases(let unownedBefore, let staleBefore):
                    sql += """
                         AND ((owner IS NULL AND updated_at < ?) OR (state = 'received' AND updated_at < ?) OR (owner IS NOT NULL AND NOT EXISTS (
                            SELECT 1 FROM replicas WHERE instance_id = settlements.owner AND term = settlements.owner_term AND lease_until >= ?)))
                        """
                    values = [.integer(unownedBefore.milliseconds), .integer(staleBefore.milliseconds), .integer(now.milliseconds)]
                case .staleAdmissions(let before):
                    sql += " AND state = 'received' AND updated_at < ?"
                    values = [.integer(before.milliseconds)]
                }
                var changed: [LedgerEntry] = []
                for row in try database.query(sql + " ORDER BY created_at", values) {
                    guard let id = row.first?.text, let state = row[1].text.flatMap(SettlementState.init(rawValue:)) else { continue }
                    // Only the state that was read: a marking (a statement of its own, which no
                    // ledger lock holds back) may have moved a `received` entry on meanwhile, and
                    // then it is being sent and is left alone. The event only for a change made.
                    let sending = state == .transmitting
                    try database.query(
                        sending
                            ? "UPDATE settlements SET state = 'in_doubt', failure = 'the service stopped during transmission', updated_at = ? WHERE id = ? AND state = 'transmitting'"
                            : "UPDATE settlements SET state = 'failed', failure = 'interrupted before sending (the service stopped, or the admission was left unsent); nothing was sent', updated_at = ? WHERE id = ? AND state = 'received'",
                        [.integer(now.milliseconds), .text(id)])
                    guard database.changes == 1 else { continue }
                    let event = LedgerEvents.insert(sending ? .inDoubt : .failed, state: sending ? .inDoubt : .failed, settlement: id, at: now)
                    try database.query(event.0, event.1)
                    if let entry = try LedgerRows.entry(id: id, in: database) { changed.append(entry) }
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
        if let date = query.batchDate {
            conditions.append("batch_date = ?")
            values.append(.text(date.iso))
        }
        if let environment = query.environment {
            conditions.append("environment = ?")
            values.append(.text(environment))
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
            guard parts.count == 2, let created = Int64(parts[0]) else { throw LedgerError("invalid cursor", isInvalidQuery: true) }
            conditions.append("(created_at < ? OR (created_at = ? AND id < ?))")
            values += [.integer(created), .integer(created), .text(String(parts[1]))]
        }
        let limit = min(max(query.limit, 1), 500)
        let clause = (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY created_at DESC, id DESC LIMIT ?"
        var entries = try LedgerRows.select(clause, values + [.integer(Int64(limit + 1))], database)
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
                let event = LedgerEvents.insert(.resolved, state: .inDoubt, settlement: id, at: now)
                try database.query(event.0, event.1)
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
