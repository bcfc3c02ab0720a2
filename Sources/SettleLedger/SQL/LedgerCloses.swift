import Foundation
import SettleModel

/// The `batch_closes` and `close_batches` tables' statements: freezing an open batch, claiming
/// closes to settle, recording how each batch's tries ended.
enum LedgerCloses {
    /// Claims are serialized with one another (a claim is a read and an update), across replicas.
    static let claimSubject = "close-claims"

    private static let columns =
        "id, merchant_id, reason, cutoff_at, state, capture_count, net_amount, transmission_date, created_at, updated_at, profile"
    private static let batchColumns =
        "batch_index, state, attempt, batch_number, settlement_id, capture_count, net_amount, rejected_capture_id, note"

    /// Run under the merchant's lock and the events' lock.
    static func closeOpenBatch(
        merchant: String, reason: CloseReason, cutoff: Date?, nextCutoff: Date?, transmissionDate: LocalDate, batchSize: Int, at now: Date,
        in database: some LedgerDatabase
    ) throws(LedgerError) -> CloseAttempt {
        guard let profile = try LedgerMerchants.select("WHERE id = ?", [.text(merchant)], database).first else { return .merchantNotFound }
        var cutoffAt: Date?
        var taken: [LedgerValue] = []
        if reason == .cutoff {
            guard let cutoff else { throw LedgerError("a scheduled close names its cutoff") }
            // The compare-and-set that makes each cutoff one close, whichever replica gets there first.
            try database.query(
                "UPDATE merchant_profiles SET next_cutoff_at = ? WHERE id = ? AND next_cutoff_at = ?",
                [LedgerValue(nextCutoff?.milliseconds), .text(merchant), .integer(cutoff.milliseconds)])
            guard database.changes == 1 else { return .alreadyTaken }
            // Closed before all the same (a profile put back to a cutoff already passed, by a
            // replica whose clock lags): the cutoff stays moved on, and nothing is closed twice.
            let closed = try database.query(
                "SELECT id FROM batch_closes WHERE merchant_id = ? AND cutoff_at = ?", [.text(merchant), .integer(cutoff.milliseconds)])
            guard closed.isEmpty else { return .alreadyTaken }
            cutoffAt = Date(milliseconds: cutoff.milliseconds)
            // Captures made after the cutoff (a pass that came late) wait for the next one.
            taken = [.integer(cutoff.milliseconds)]
        }
        let open = try database.query(
            "SELECT id, amount, kind FROM captures WHERE merchant_id = ? AND state = 'open' AND close_id IS NULL"
                + (taken.isEmpty ? "" : " AND created_at <= ?") + " ORDER BY created_at, id",
            [.text(merchant)] + taken)
        let stamp = Date(milliseconds: now.milliseconds)
        var close = StoredClose(
            id: StoredClose.newID(), merchantID: merchant, reason: reason, cutoffAt: cutoffAt, state: open.isEmpty ? .skipped : .settling,
            captureCount: open.count, netAmount: 0, transmissionDate: transmissionDate, profileDocument: profile.document, createdAt: stamp,
            updatedAt: stamp)
        if open.isEmpty && reason == .manual { return .empty }
        let signed = open.map { row in (id: row[0].text ?? "", amount: row[2].text == "credit" ? -(row[1].integer ?? 0) : (row[1].integer ?? 0)) }
        close.netAmount = signed.reduce(0) { $0 + $1.amount }
        let size = max(batchSize, 1)
        var statements: [(String, [LedgerValue])] = []
        for start in stride(from: 0, to: signed.count, by: size) {
            let chunk = signed[start..<min(start + size, signed.count)]
            let index = start / size
            close.batches.append(
                CloseBatch(
                    index: index, state: .pending, attempt: 1, batchNumber: nil, settlementID: nil, captureCount: chunk.count,
                    netAmount: chunk.reduce(0) { $0 + $1.amount }, rejectedCaptureID: nil, note: nil))
            statements.append(
                (
                    "UPDATE captures SET close_id = ?, state = 'closing', batch_index = ?, updated_at = ? WHERE id IN (\(LedgerWebhooks.placeholders(chunk.count)))",
                    [.text(close.id), .integer(Int64(index)), .integer(stamp.milliseconds)] + chunk.map { .text($0.id) }
                ))
            statements.append(
                (
                    "INSERT INTO close_batches (close_id, \(batchColumns), updated_at) VALUES (?, ?, 'pending', 1, NULL, NULL, ?, ?, NULL, NULL, ?)",
                    [
                        .text(close.id), .integer(Int64(index)), .integer(Int64(chunk.count)), .integer(close.batches[index].netAmount),
                        .integer(stamp.milliseconds),
                    ]
                ))
        }
        try database.query(
            "INSERT INTO batch_closes (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(close.id), .text(merchant), .text(reason.rawValue), LedgerValue(cutoffAt?.milliseconds), .text(close.state.rawValue),
                .integer(Int64(close.captureCount)), .integer(close.netAmount), .text(transmissionDate.iso), .integer(stamp.milliseconds),
                .integer(stamp.milliseconds), .blob(profile.document),
            ])
        statements.append(LedgerEvents.insert(open.isEmpty ? .cutoffSkipped : .batchClosed, close: close, at: now))
        statements.append(
            (
                "UPDATE merchant_profiles SET open_captures = open_captures - ?, open_net_amount = open_net_amount - ? WHERE id = ?",
                [.integer(Int64(close.captureCount)), .integer(close.netAmount), .text(merchant)]
            ))
        try database.write(statements)
        return open.isEmpty ? .skipped(close) : .closed(close)
    }

    static func claim(replica: String, at now: Date, until: Date, limit: Int, in database: some LedgerDatabase) throws(LedgerError) -> [String] {
        let free = "state = 'settling' AND (claimed_until IS NULL OR claimed_until < ?)"
        let ids = try database.query(
            "SELECT id FROM batch_closes WHERE \(free) ORDER BY created_at, id LIMIT ?", [.integer(now.milliseconds), .integer(Int64(limit))]
        ).compactMap { $0.first?.text }
        guard !ids.isEmpty else { return [] }
        return try database.query(
            "UPDATE batch_closes SET claimed_by = ?, claimed_until = ? WHERE id IN (\(LedgerWebhooks.placeholders(ids.count))) AND \(free) RETURNING id",
            [.text(replica), .integer(until.milliseconds)] + ids.map { .text($0) } + [.integer(now.milliseconds)]
        ).compactMap { $0.first?.text }
    }

    static func claim(_ id: String, replica: String, at now: Date, until: Date, in database: some LedgerDatabase) throws(LedgerError) -> Bool {
        try database.query(
            """
            UPDATE batch_closes SET claimed_by = ?, claimed_until = ?
            WHERE id = ? AND state = 'settling' AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)
            """, [.text(replica), .integer(until.milliseconds), .text(id), .integer(now.milliseconds), .text(replica)])
        return database.changes == 1
    }

    static func recordSettlement(
        _ closeID: String, index: Int, attempt: Int, settlementID: String, batchNumber: Int, in database: some LedgerDatabase
    ) throws(LedgerError) {
        try database.query(
            "UPDATE close_batches SET settlement_id = ?, batch_number = ? WHERE close_id = ? AND batch_index = ? AND attempt = ? AND state = 'pending'",
            [.text(settlementID), .integer(Int64(batchNumber)), .text(closeID), .integer(Int64(index)), .integer(Int64(attempt))])
    }

    /// Run under the close's lock. Only the try it names is ended, once: a late or repeated
    /// ending changes nothing.
    static func end(
        _ closeID: String, index: Int, attempt: Int, _ ending: CloseBatchEnding, at now: Date, in database: some LedgerDatabase
    ) throws(LedgerError) -> StoredClose? {
        guard let close = try Self.close(closeID, in: database) else { return nil }
        guard let batch = close.batches.first(where: { $0.index == index }), batch.attempt == attempt, batch.state == .pending else { return close }
        let key: [LedgerValue] = [.text(closeID), .integer(Int64(index))]
        let stamp = LedgerValue.integer(now.milliseconds)
        let erase = "sealed_card_number = NULL, card_key_id = NULL, erased_at = ?"
        var statements: [(String, [LedgerValue])] = []
        switch ending {
        case .accepted(let settlement):
            statements.append(
                (
                    "UPDATE close_batches SET state = 'accepted', settlement_id = ?, note = NULL, updated_at = ? WHERE close_id = ? AND batch_index = ?",
                    [.text(settlement), stamp] + key
                ))
            // Accepted: the numbers are no longer needed, so they are no longer kept.
            statements.append(
                (
                    "UPDATE captures SET state = 'settled', \(erase), updated_at = ? WHERE close_id = ? AND batch_index = ? AND state = 'closing'",
                    [stamp, stamp] + key
                ))
        case .held(let settlement, let rejected, let note):
            statements.append(
                (
                    """
                    UPDATE close_batches SET state = 'held', settlement_id = COALESCE(?, settlement_id),
                        batch_number = COALESCE((SELECT batch_number FROM settlements WHERE id = ?), batch_number),
                        rejected_capture_id = ?, note = ?, updated_at = ?
                    WHERE close_id = ? AND batch_index = ?
                    """, [LedgerValue(settlement), LedgerValue(settlement), LedgerValue(rejected), .text(note), stamp] + key
                ))
            statements.append(
                ("UPDATE captures SET state = 'held', updated_at = ? WHERE close_id = ? AND batch_index = ? AND state = 'closing'", [stamp] + key))
        case .dropAndRetry(let settlement, let rejected, let number):
            let dropped = try LedgerCaptures.select("WHERE id = ? AND close_id = ?", [.text(rejected), .text(closeID)], database).first
            let amount = dropped.map { $0.kind == "credit" ? -$0.amount : $0.amount } ?? 0
            let remaining = batch.captureCount - (dropped == nil ? 0 : 1)
            statements.append(
                (
                    "UPDATE captures SET state = 'dropped', \(erase), updated_at = ? WHERE id = ? AND close_id = ? AND state = 'closing'",
                    [stamp, stamp, .text(rejected), .text(closeID)]
                ))
            statements.append(
                (
                    """
                    UPDATE close_batches SET state = ?, attempt = attempt + 1, batch_number = ?, settlement_id = ?, rejected_capture_id = ?,
                        capture_count = ?, net_amount = net_amount - ?, note = ?, updated_at = ?
                    WHERE close_id = ? AND batch_index = ?
                    """,
                    [
                        // A batch whose only capture was dropped has nothing left to send: it is done.
                        .text(remaining > 0 ? "pending" : "accepted"), .integer(Int64(number)), .text(settlement), .text(rejected),
                        .integer(Int64(remaining)), .integer(amount),
                        .text(
                            remaining > 0
                                ? "the host rejected capture \(rejected); it was dropped and the rest sent again as batch \(number)"
                                : "the host rejected capture \(rejected), the batch's only one; it was dropped and nothing is left to send"),
                        stamp,
                    ] + key
                ))
        case .numberTaken(let other, let note):
            // Its number is another settlement's: the next try (an operator's retry) takes a new one.
            statements.append(
                (
                    "UPDATE close_batches SET state = 'held', batch_number = NULL, note = ?, updated_at = ? WHERE close_id = ? AND batch_index = ?",
                    [.text(note + " (settlement \(other))"), stamp] + key
                ))
            statements.append(
                ("UPDATE captures SET state = 'held', updated_at = ? WHERE close_id = ? AND batch_index = ? AND state = 'closing'", [stamp] + key))
        case .retry(let settlement, let note):
            statements.append(
                (
                    """
                    UPDATE close_batches SET attempt = attempt + 1, settlement_id = COALESCE(?, settlement_id),
                        batch_number = COALESCE((SELECT batch_number FROM settlements WHERE id = ?), batch_number), note = ?, updated_at = ?
                    WHERE close_id = ? AND batch_index = ?
                    """,
                    [LedgerValue(settlement), LedgerValue(settlement), .text(note), stamp] + key
                ))
        }
        try database.write(statements)
        try followBatches(closeID, from: close.state, at: now, in: database)
        return try Self.close(closeID, in: database)
    }

    /// The close follows its batches: settled when all were accepted, held when none is left to
    /// try and one is held, settling while one is to be tried.
    static func followBatches(_ closeID: String, from current: CloseState, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        let states = try database.query("SELECT state FROM close_batches WHERE close_id = ?", [.text(closeID)]).compactMap { $0.first?.text }
        let state: CloseState =
            states.allSatisfy { $0 == "accepted" } ? .settled : states.contains("pending") ? .settling : .held
        guard state != current else { return }
        try database.query(
            "UPDATE batch_closes SET state = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE id = ?",
            [.text(state.rawValue), .integer(now.milliseconds), .text(closeID)])
    }

    static func close(_ id: String, in database: some LedgerDatabase) throws(LedgerError) -> StoredClose? {
        try select("WHERE id = ?", [.text(id)], database).first
    }

    static func select(_ clause: String, _ values: [LedgerValue], _ database: some LedgerDatabase) throws(LedgerError) -> [StoredClose] {
        var closes = try database.query("SELECT \(columns) FROM batch_closes \(clause)", values).map { row in
            StoredClose(
                id: row[0].text ?? "", merchantID: row[1].text ?? "", reason: CloseReason(rawValue: row[2].text ?? "") ?? .manual,
                cutoffAt: row[3].integer.map { Date(milliseconds: $0) }, state: CloseState(rawValue: row[4].text ?? "") ?? .held,
                captureCount: Int(row[5].integer ?? 0), netAmount: row[6].integer ?? 0,
                transmissionDate: LocalDate(iso: row[7].text ?? "") ?? .placeholder, profileDocument: row[10].blob ?? [],
                createdAt: Date(milliseconds: row[8].integer ?? 0), updatedAt: Date(milliseconds: row[9].integer ?? 0))
        }
        for index in closes.indices {
            closes[index].batches = try database.query(
                "SELECT \(batchColumns) FROM close_batches WHERE close_id = ? ORDER BY batch_index", [.text(closes[index].id)]
            ).map { row in
                CloseBatch(
                    index: Int(row[0].integer ?? 0), state: CloseBatchState(rawValue: row[1].text ?? "") ?? .held, attempt: Int(row[2].integer ?? 1),
                    batchNumber: row[3].integer.map { Int($0) }, settlementID: row[4].text, captureCount: Int(row[5].integer ?? 0),
                    netAmount: row[6].integer ?? 0, rejectedCaptureID: row[7].text, note: row[8].text)
            }
        }
        return closes
    }
}

extension DatabaseLedger: CloseLedger {
    public func closeOpenBatch(
        merchant: String, reason: CloseReason, cutoff: Date?, nextCutoff: Date?, transmissionDate: LocalDate, batchSize: Int, at now: Date
    ) throws(LedgerError) -> CloseAttempt {
        try locked { (database) throws(LedgerError) in
            try database.durably { () throws(LedgerError) in
                try database.transaction(serializing: ["merchant:" + merchant, LedgerEvents.subject]) { () throws(LedgerError) in
                    try LedgerCloses.closeOpenBatch(
                        merchant: merchant, reason: reason, cutoff: cutoff, nextCutoff: nextCutoff, transmissionDate: transmissionDate,
                        batchSize: batchSize, at: now, in: database)
                }
            }
        }
    }

    public func dueMerchantProfiles(at now: Date, limit: Int) throws(LedgerError) -> [StoredMerchantProfile] {
        try locked { (database) throws(LedgerError) in
            try LedgerMerchants.select(
                "WHERE next_cutoff_at IS NOT NULL AND next_cutoff_at <= ? ORDER BY next_cutoff_at, id LIMIT ?",
                [.integer(now.milliseconds), .integer(Int64(limit))], database)
        }
    }

    public func claimCloses(replica: String, at now: Date, until: Date, limit: Int) throws(LedgerError) -> [StoredClose] {
        try locked { (database) throws(LedgerError) in
            let ids = try database.transaction(serializing: [LedgerCloses.claimSubject]) { () throws(LedgerError) in
                try LedgerCloses.claim(replica: replica, at: now, until: until, limit: limit, in: database)
            }
            var closes: [StoredClose] = []
            for id in ids { if let close = try LedgerCloses.close(id, in: database) { closes.append(close) } }
            return closes
        }
    }

    public func claimClose(_ id: String, replica: String, at now: Date, until: Date) throws(LedgerError) -> StoredClose? {
        try locked { (database) throws(LedgerError) in
            let claimed = try database.transaction(serializing: [LedgerCloses.claimSubject]) { () throws(LedgerError) in
                try LedgerCloses.claim(id, replica: replica, at: now, until: until, in: database)
            }
            return claimed ? try LedgerCloses.close(id, in: database) : nil
        }
    }

    public func storedClose(_ id: String) throws(LedgerError) -> StoredClose? {
        try locked { (database) throws(LedgerError) in try LedgerCloses.close(id, in: database) }
    }

    public func closes(merchant: String, limit: Int) throws(LedgerError) -> [StoredClose] {
        try locked { (database) throws(LedgerError) in
            try LedgerCloses.select(
                "WHERE merchant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?", [.text(merchant), .integer(Int64(min(max(limit, 1), 500)))],
                database)
        }
    }

    public func closeBatchCaptures(_ closeID: String, index: Int) throws(LedgerError) -> [StoredCapture] {
        try locked { (database) throws(LedgerError) in
            try LedgerCaptures.select(
                "WHERE close_id = ? AND batch_index = ? AND state IN ('closing', 'held') ORDER BY created_at, id",
                [.text(closeID), .integer(Int64(index))], database)
        }
    }

    public func recordCloseBatchSettlement(_ closeID: String, index: Int, attempt: Int, settlementID: String, batchNumber: Int) throws(LedgerError) {
        try locked { (database) throws(LedgerError) in
            try LedgerCloses.recordSettlement(
                closeID, index: index, attempt: attempt, settlementID: settlementID, batchNumber: batchNumber, in: database)
        }
    }

    public func endCloseBatch(
        _ closeID: String, index: Int, attempt: Int, _ ending: CloseBatchEnding, at now: Date
    ) throws(LedgerError) -> StoredClose? {
        try locked { (database) throws(LedgerError) in
            try database.durably { () throws(LedgerError) in
                try database.transaction(serializing: ["close:" + closeID]) { () throws(LedgerError) in
                    try LedgerCloses.end(closeID, index: index, attempt: attempt, ending, at: now, in: database)
                }
            }
        }
    }

    public func eraseCardNumbers(capturedBefore before: Date, at now: Date) throws(LedgerError) -> Int {
        try locked { (database) throws(LedgerError) in
            try database.query(
                """
                UPDATE captures SET sealed_card_number = NULL, card_key_id = NULL, erased_at = ?
                WHERE sealed_card_number IS NOT NULL AND created_at < ? AND state = 'held'
                """, [.integer(now.milliseconds), .integer(before.milliseconds)])
            return database.changes
        }
    }

    public func openBatchesSummary() throws(LedgerError) -> (captures: Int, nextCutoff: Date?) {
        try locked { (database) throws(LedgerError) in
            let rows = try database.queries([
                ("SELECT COUNT(*) FROM captures WHERE state = 'open'", []),
                ("SELECT MIN(next_cutoff_at) FROM merchant_profiles", []),
            ])
            return (Int(rows[0].first?.first?.integer ?? 0), rows[1].first?.first?.integer.map { Date(milliseconds: $0) })
        }
    }

    public func retryHeldClose(_ id: String, at now: Date) throws(LedgerError) -> StoredClose? {
        try locked { (database) throws(LedgerError) in
            try database.durably { () throws(LedgerError) in
                try database.transaction(serializing: ["close:" + id]) { () throws(LedgerError) -> StoredClose? in
                    guard let close = try LedgerCloses.close(id, in: database), close.state == .held else { return nil }
                    let stamp = LedgerValue.integer(now.milliseconds)
                    try database.write([
                        // A held batch an operator dropped every capture of has nothing left to send.
                        (
                            """
                            UPDATE close_batches SET state = CASE WHEN capture_count = 0 THEN 'accepted' ELSE 'pending' END,
                                attempt = attempt + 1,
                                note = CASE WHEN capture_count = 0 THEN 'every capture was dropped; nothing is left to send'
                                    ELSE 'tried again by an operator' END,
                                updated_at = ?
                            WHERE close_id = ? AND state = 'held'
                            """, [stamp, .text(id)]
                        ),
                        ("UPDATE captures SET state = 'closing', updated_at = ? WHERE close_id = ? AND state = 'held'", [stamp, .text(id)]),
                    ])
                    try LedgerCloses.followBatches(id, from: .held, at: now, in: database)
                    return try LedgerCloses.close(id, in: database)
                }
            }
        }
    }
}
