import Foundation

/// The `captures` table's statements.
enum LedgerCaptures {
    static let columns = """
        id, merchant_id, idempotency_key, fingerprint, state, close_id, record, sealed_card_number, card_key_id, card_hash,
        card_hash_key_id, masked_card_number, amount, kind, approval_code, created_at, updated_at, erased_at
        """

    /// Run under the merchant's lock: the key, duplicate and profile checks and the insert are one step.
    static func admit(
        _ capture: StoredCapture, cardHashes: [String], at now: Date, in database: some LedgerDatabase
    ) throws(LedgerError) -> CaptureAdmission {
        guard let profile = try LedgerMerchants.select("WHERE id = ?", [.text(capture.merchantID)], database).first else {
            return .merchantNotFound
        }
        if let key = capture.idempotencyKey,
            let earlier = try select("WHERE merchant_id = ? AND idempotency_key = ?", [.text(capture.merchantID), .text(key)], database).first
        {
            guard earlier.fingerprint == capture.fingerprint else { return .keyReused(earlier) }
            return .replay(earlier, try openBatch(merchant: capture.merchantID, in: database), nextCutoff: profile.nextCutoff)
        }
        let hashes = Array(Set(cardHashes + [capture.cardHash])).sorted()
        if !capture.approvalCode.isEmpty,
            let earlier = try select(
                """
                WHERE merchant_id = ? AND card_hash IN (\(LedgerWebhooks.placeholders(hashes.count))) AND amount = ? AND approval_code = ?
                AND state NOT IN ('voided', 'dropped') LIMIT 1
                """, [.text(capture.merchantID)] + hashes.map { .text($0) } + [.integer(capture.amount), .text(capture.approvalCode)], database
            ).first
        {
            return .duplicate(earlier)
        }
        var stored = capture
        stored.state = .open
        stored.closeID = nil
        stored.createdAt = Date(milliseconds: now.milliseconds)
        stored.updatedAt = stored.createdAt
        try database.query(
            "INSERT INTO captures (\(columns)) VALUES (\(LedgerWebhooks.placeholders(18)))", values(stored))
        let totals = try database.query(
            """
            UPDATE merchant_profiles SET open_captures = open_captures + 1, open_net_amount = open_net_amount + ?
            WHERE id = ? RETURNING open_captures, open_net_amount
            """, [.integer(stored.signedAmount), .text(capture.merchantID)]
        ).first
        return .admitted(
            stored, OpenBatchTotals(captures: Int(totals?[0].integer ?? 0), netAmount: totals?[1].integer ?? 0), nextCutoff: profile.nextCutoff)
    }

    static func void(_ id: String, merchant: String, at now: Date, in database: some LedgerDatabase) throws(LedgerError) -> CaptureVoid {
        let rows = try database.query(
            """
            UPDATE captures SET state = 'voided', sealed_card_number = NULL, card_key_id = NULL, erased_at = ?, updated_at = ?
            WHERE id = ? AND merchant_id = ? AND state = 'open' AND close_id IS NULL RETURNING \(columns)
            """, [.integer(now.milliseconds), .integer(now.milliseconds), .text(id), .text(merchant)])
        if let row = rows.first {
            let voided = decode(row)
            try database.query(
                "UPDATE merchant_profiles SET open_captures = open_captures - 1, open_net_amount = open_net_amount - ? WHERE id = ?",
                [.integer(voided.signedAmount), .text(merchant)])
            return .voided(voided)
        }
        // Held (its batch not accepted, waiting for an operator): dropped from its batch, so a
        // retry of the close sends the rest under the same batch number; but not while the batch's
        // own settlement may have been captured (in doubt, a duplicate): the host may have it.
        let batchSettlement = try database.query(
            """
            SELECT s.id, s.state, s.resolution FROM captures c
            JOIN close_batches b ON b.close_id = c.close_id AND b.batch_index = c.batch_index
            JOIN settlements s ON s.id = b.settlement_id
            WHERE c.id = ? AND c.merchant_id = ? AND c.state = 'held'
            """, [.text(id), .text(merchant)]
        ).first
        if let row = batchSettlement {
            let state = row[1].text ?? "", resolution = row[2].text
            let safe = state == "failed" || state == "rejected" || (state == "in_doubt" && resolution == "notCaptured")
            if !safe, let current = try select("WHERE id = ?", [.text(id)], database).first {
                return .mayBeCaptured(current, settlementID: row[0].text ?? "")
            }
        }
        let held = try database.query(
            """
            UPDATE captures SET state = 'dropped', sealed_card_number = NULL, card_key_id = NULL, erased_at = ?, updated_at = ?
            WHERE id = ? AND merchant_id = ? AND state = 'held' RETURNING \(columns)
            """, [.integer(now.milliseconds), .integer(now.milliseconds), .text(id), .text(merchant)])
        if let row = held.first {
            let dropped = decode(row)
            try database.query(
                """
                UPDATE close_batches SET capture_count = capture_count - 1, net_amount = net_amount - ?, note = ?, updated_at = ?
                WHERE close_id = ? AND batch_index = (SELECT batch_index FROM captures WHERE id = ?)
                """,
                [
                    .integer(dropped.signedAmount), .text("capture \(dropped.id) was dropped by an operator"), .integer(now.milliseconds),
                    LedgerValue(dropped.closeID), .text(dropped.id),
                ])
            return .dropped(dropped)
        }
        guard let current = try select("WHERE id = ? AND merchant_id = ?", [.text(id), .text(merchant)], database).first else { return .notFound }
        return .notOpen(current)
    }

    static func openBatch(merchant: String, in database: some LedgerDatabase) throws(LedgerError) -> OpenBatchTotals {
        let row = try database.query("SELECT open_captures, open_net_amount FROM merchant_profiles WHERE id = ?", [.text(merchant)]).first
        return OpenBatchTotals(captures: Int(row?[0].integer ?? 0), netAmount: row?[1].integer ?? 0)
    }

    /// The open batch counted from its captures (what ``openBatch(merchant:in:)`` keeps a running
    /// count of; the fault simulator holds the two equal).
    static func countedOpenBatch(merchant: String, in database: some LedgerDatabase) throws(LedgerError) -> OpenBatchTotals {
        let row = try database.query(
            """
            SELECT COUNT(*), CAST(COALESCE(SUM(CASE WHEN kind = 'credit' THEN -amount ELSE amount END), 0) AS BIGINT) FROM captures
            WHERE merchant_id = ? AND state = 'open' AND close_id IS NULL
            """, [.text(merchant)]
        ).first
        return OpenBatchTotals(captures: Int(row?[0].integer ?? 0), netAmount: row?[1].integer ?? 0)
    }

    static func list(
        merchant: String, state: CaptureState?, after: String?, limit: Int, in database: some LedgerDatabase
    ) throws(LedgerError) -> [StoredCapture] {
        var clause = "WHERE merchant_id = ?"
        var values: [LedgerValue] = [.text(merchant)]
        if let state {
            clause += " AND state = ?"
            values.append(.text(state.rawValue))
        }
        if let after {
            guard let anchor = try select("WHERE id = ? AND merchant_id = ?", [.text(after), .text(merchant)], database).first else {
                throw LedgerError("no capture \(after) to list after", isInvalidQuery: true)
            }
            clause += " AND (created_at > ? OR (created_at = ? AND id > ?))"
            values += [.integer(anchor.createdAt.milliseconds), .integer(anchor.createdAt.milliseconds), .text(anchor.id)]
        }
        return try select(clause + " ORDER BY created_at, id LIMIT ?", values + [.integer(Int64(min(max(limit, 1), 500)))], database)
    }

    static func select(_ clause: String, _ values: [LedgerValue], _ database: some LedgerDatabase) throws(LedgerError) -> [StoredCapture] {
        try database.query("SELECT \(columns) FROM captures \(clause)", values).map(decode)
    }

    private static func values(_ c: StoredCapture) -> [LedgerValue] {
        [
            .text(c.id), .text(c.merchantID), LedgerValue(c.idempotencyKey), .text(c.fingerprint), .text(c.state.rawValue), LedgerValue(c.closeID),
            .blob(c.record), LedgerValue(c.sealedCardNumber), LedgerValue(c.cardKeyID), .text(c.cardHash), .text(c.cardHashKeyID),
            .text(c.maskedCardNumber), .integer(c.amount), .text(c.kind), .text(c.approvalCode), .integer(c.createdAt.milliseconds),
            .integer(c.updatedAt.milliseconds), LedgerValue(c.erasedAt?.milliseconds),
        ]
    }

    static func decode(_ row: [LedgerValue]) -> StoredCapture {
        StoredCapture(
            id: row[0].text ?? "", merchantID: row[1].text ?? "", idempotencyKey: row[2].text, fingerprint: row[3].text ?? "",
            state: CaptureState(rawValue: row[4].text ?? "") ?? .held, closeID: row[5].text, record: row[6].blob ?? [],
            sealedCardNumber: row[7].text, cardKeyID: row[8].text, cardHash: row[9].text ?? "", cardHashKeyID: row[10].text ?? "",
            maskedCardNumber: row[11].text ?? "", amount: row[12].integer ?? 0, kind: row[13].text ?? "sale", approvalCode: row[14].text ?? "",
            createdAt: Date(milliseconds: row[15].integer ?? 0), updatedAt: Date(milliseconds: row[16].integer ?? 0),
            erasedAt: row[17].integer.map { Date(milliseconds: $0) })
    }
}

extension DatabaseLedger: CaptureLedger {
    public func admitCapture(_ capture: StoredCapture, cardHashes: [String], at now: Date) throws(LedgerError) -> CaptureAdmission {
        try locked { (database) throws(LedgerError) in
            // Durable before it is answered: a capture the caller was told about is not lost.
            try database.durably { () throws(LedgerError) in
                try database.transaction(serializing: ["merchant:" + capture.merchantID]) { () throws(LedgerError) in
                    try LedgerCaptures.admit(capture, cardHashes: cardHashes, at: now, in: database)
                }
            }
        }
    }

    public func capture(_ id: String, merchant: String) throws(LedgerError) -> StoredCapture? {
        try locked { (database) throws(LedgerError) in
            try LedgerCaptures.select("WHERE id = ? AND merchant_id = ?", [.text(id), .text(merchant)], database).first
        }
    }

    public func captures(merchant: String, state: CaptureState?, after: String?, limit: Int) throws(LedgerError) -> [StoredCapture] {
        try locked { (database) throws(LedgerError) in
            try LedgerCaptures.list(merchant: merchant, state: state, after: after, limit: limit, in: database)
        }
    }

    public func voidCapture(_ id: String, merchant: String, at now: Date) throws(LedgerError) -> CaptureVoid {
        try locked { (database) throws(LedgerError) in
            // A held capture's drop changes its close's batch too: it takes the close's lock as well,
            // as a retry of the close does.
            let close = try LedgerCaptures.select("WHERE id = ? AND merchant_id = ?", [.text(id), .text(merchant)], database).first?.closeID
            return try database.durably { () throws(LedgerError) in
                try database.transaction(serializing: ["merchant:" + merchant] + (close.map { ["close:" + $0] } ?? [])) { () throws(LedgerError) in
                    try LedgerCaptures.void(id, merchant: merchant, at: now, in: database)
                }
            }
        }
    }

    public func openBatch(merchant: String) throws(LedgerError) -> OpenBatchTotals {
        try locked { (database) throws(LedgerError) in try LedgerCaptures.openBatch(merchant: merchant, in: database) }
    }

    /// The open batch counted from its captures, for checks.
    package func countedOpenBatch(merchant: String) throws(LedgerError) -> OpenBatchTotals {
        try locked { (database) throws(LedgerError) in try LedgerCaptures.countedOpenBatch(merchant: merchant, in: database) }
    }

    public func cardDataKeyIDs() throws(LedgerError) -> Set<String> {
        try locked { (database) throws(LedgerError) in
            Set(
                try database.query("SELECT DISTINCT card_key_id FROM captures WHERE sealed_card_number IS NOT NULL AND card_key_id IS NOT NULL")
                    .compactMap { $0.first?.text })
        }
    }

    public func sealedCardNumbers(notUnder keyID: String, after: String?, limit: Int) throws(LedgerError) -> [(id: String, sealed: String)] {
        try locked { (database) throws(LedgerError) in
            try database.query(
                "SELECT id, sealed_card_number FROM captures WHERE sealed_card_number IS NOT NULL AND card_key_id <> ? AND id > ? ORDER BY id LIMIT ?",
                [.text(keyID), .text(after ?? ""), .integer(Int64(limit))]
            ).map { (id: $0[0].text ?? "", sealed: $0[1].text ?? "") }
        }
    }

    public func resealCardNumber(
        _ id: String, from old: String, to new: String, keyID: String, hash: String, hashKeyID: String
    ) throws(LedgerError) -> Bool {
        try locked { (database) throws(LedgerError) in
            try database.query(
                """
                UPDATE captures SET sealed_card_number = ?, card_key_id = ?, card_hash = ?, card_hash_key_id = ?
                WHERE id = ? AND sealed_card_number = ?
                """, [.text(new), .text(keyID), .text(hash), .text(hashKeyID), .text(id), .text(old)])
            return database.changes == 1
        }
    }
}
