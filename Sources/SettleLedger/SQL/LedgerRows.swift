import Foundation
import SettleModel

/// Rows of the `settlements` table to and from ``LedgerEntry``.
enum LedgerRows {
    private static let columns = """
        id, idempotency_key, fingerprint, merchant_number, terminal_number, batch_number, batch_date, industry, record_count,
        net_deposit, hashing_total, cash_back_total, environment, state, response_code, response_text, response_batch_number,
        response_net_deposit, response_record_count, rejection_error_type, failure, answer_status, answer_body, resolution, created_at, updated_at,
        resolution_note, rejection_sequence_number, rejection_record_type, rejection_field_number, rejection_data, rejection_detail_index,
        owner, owner_term
        """

    /// A new `received` entry, owned by `owner`'s lease when the ledger has leases.
    static func insert(
        _ submission: LedgerSubmission, id: String, at now: Date, owner: ReplicaLease? = nil, into database: some LedgerDatabase
    ) throws(LedgerError) {
        let s = submission
        var statements: [(String, [LedgerValue])] = [
            (
                """
                    INSERT INTO settlements (id, idempotency_key, fingerprint, merchant_number, terminal_number, batch_number, batch_date,
                    industry, record_count, net_deposit, hashing_total, cash_back_total, environment, state, created_at, updated_at,
                    owner, owner_term)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)
                """,
                [
                    .text(id), LedgerValue(s.idempotencyKey), .text(s.fingerprint), .text(s.merchantNumber), .text(s.terminalNumber),
                    .integer(Int64(s.batchNumber)), .text(s.batchDate.iso), .text(s.industry), .integer(Int64(s.recordCount)),
                    .integer(s.netDeposit), .integer(s.hashingTotal), .integer(s.cashBackTotal), .text(s.environment),
                    .integer(now.milliseconds), .integer(now.milliseconds), LedgerValue(owner?.instance), LedgerValue(owner?.term),
                ]
            )
        ]
        // Up to 100 records a statement, a bounded statement for any batch; all of them and the
        // settlement in one round trip.
        for start in stride(from: 0, to: s.records.count, by: 100) {
            let lines = s.records[start..<min(start + 100, s.records.count)]
            statements.append(
                (
                    "INSERT INTO settlement_records (settlement_id, record_index, masked_card_number, amount, transaction_code, kind, cash_back, gratuity) VALUES "
                        + lines.map { _ in "(?, ?, ?, ?, ?, ?, ?, ?)" }.joined(separator: ", "),
                    lines.flatMap { line -> [LedgerValue] in
                        [
                            .text(id), .integer(Int64(line.index)), .text(line.maskedCardNumber), .integer(line.amount), .text(line.transactionCode),
                            LedgerValue(line.kind), LedgerValue(line.cashBack), LedgerValue(line.gratuity),
                        ]
                    }
                ))
        }
        try database.write(statements)
    }

    /// An entry as another ledger holds it: its submission, state, outcome, resolution and times.
    static func insertWhole(_ entry: LedgerEntry, into database: some LedgerDatabase) throws(LedgerError) {
        try insert(entry.submission, id: entry.id, at: entry.createdAt, into: database)
        if let outcome = entry.outcome { try complete(entry.id, with: outcome, at: entry.updatedAt, in: database) }
        try database.query(
            "UPDATE settlements SET state = ?, resolution = ?, resolution_note = ?, created_at = ?, updated_at = ? WHERE id = ?",
            [
                .text(entry.state.rawValue), LedgerValue(entry.resolution), LedgerValue(entry.resolutionNote),
                .integer(entry.createdAt.milliseconds), .integer(entry.updatedAt.milliseconds), .text(entry.id),
            ])
    }

    static func complete(_ id: String, with outcome: LedgerOutcome, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        let o = outcome
        // Inside a transaction it goes with the COMMIT, in the same round trip.
        try database.write([
            (
                """
                UPDATE settlements SET state = ?, response_code = ?, response_text = ?, response_batch_number = ?, response_net_deposit = ?,
                    response_record_count = ?, rejection_error_type = ?, rejection_sequence_number = ?, rejection_record_type = ?,
                    rejection_field_number = ?, rejection_data = ?, rejection_detail_index = ?, failure = ?, answer_status = ?, answer_body = ?,
                    updated_at = ?, idempotency_key = CASE WHEN ? = 1 THEN NULL ELSE idempotency_key END
                WHERE id = ? AND resolution IS NULL
                """,
                [
                    .text(o.state.rawValue), LedgerValue(o.responseCode), LedgerValue(o.responseText), LedgerValue(o.responseBatchNumber),
                    LedgerValue(o.responseNetDeposit), LedgerValue(o.responseRecordCount), LedgerValue(o.rejection?.errorType),
                    LedgerValue(o.rejection?.sequenceNumber), LedgerValue(o.rejection?.recordType), LedgerValue(o.rejection?.fieldNumber),
                    LedgerValue(o.rejection?.data), LedgerValue(o.rejection?.detailRecordIndex), LedgerValue(o.failure),
                    .integer(Int64(o.answer.status)), .blob(o.answer.body), .integer(now.milliseconds), .integer(o.releasesIdempotencyKey ? 1 : 0),
                    .text(id),
                ]
            )
        ])
    }

    static func entry(id: String, in database: some LedgerDatabase) throws(LedgerError) -> LedgerEntry? {
        try select("WHERE id = ?", [.text(id)], database).first
    }

    /// In one statement, every entry admission weighs: the one under the key, the one under the
    /// key as it was before scoping (same fingerprint), and, when the batch number is given, the
    /// same batch's. Without their records, which admission does not read.
    static func admissionCandidates(for s: LedgerSubmission, in database: some LedgerDatabase) throws(LedgerError) -> [LedgerEntry] {
        let unscoped = s.unscopedIdempotencyKey == s.idempotencyKey ? nil : s.unscopedIdempotencyKey
        return try select(
            """
            WHERE idempotency_key = ? OR (idempotency_key = ? AND fingerprint = ?)
                OR (merchant_number = ? AND terminal_number = ? AND batch_number = ? AND environment = ?)
            ORDER BY created_at DESC
            """,
            [
                LedgerValue(s.idempotencyKey), LedgerValue(unscoped), .text(s.fingerprint), .text(s.merchantNumber), .text(s.terminalNumber),
                .integer(s.allocatesBatchNumber ? -1 : Int64(s.batchNumber)), .text(s.environment),
            ],
            database, withRecords: false)
    }

    static func select(
        _ clause: String, _ values: [LedgerValue], _ database: some LedgerDatabase, withRecords: Bool = true
    ) throws(LedgerError) -> [LedgerEntry] {
        try database.query("SELECT \(columns) FROM settlements \(clause)", values).map { (row) throws(LedgerError) in
            try decode(row, records: withRecords ? database : nil)
        }
    }

    private static func decode(_ row: [LedgerValue], records database: (some LedgerDatabase)?) throws(LedgerError) -> LedgerEntry {
        func text(_ index: Int) -> String { row[index].text ?? "" }
        func number(_ index: Int) -> Int64 { row[index].integer ?? 0 }
        let id = text(0)
        let lines = try database?.query(
            "SELECT record_index, masked_card_number, amount, transaction_code, kind, cash_back, gratuity FROM settlement_records "
                + "WHERE settlement_id = ? ORDER BY record_index",
            [.text(id)]
        ).map {
            LedgerRecordLine(
                index: Int($0[0].integer ?? 0), maskedCardNumber: $0[1].text ?? "", amount: $0[2].integer ?? 0, transactionCode: $0[3].text ?? "",
                kind: $0[4].text, cashBack: $0[5].integer, gratuity: $0[6].integer)
        }
        let submission = LedgerSubmission(
            idempotencyKey: row[1].text, fingerprint: text(2), merchantNumber: text(3), terminalNumber: text(4), batchNumber: Int(number(5)),
            batchDate: LocalDate(iso: text(6)) ?? .placeholder, industry: text(7), recordCount: Int(number(8)), netDeposit: number(9),
            hashingTotal: number(10), cashBackTotal: number(11), environment: text(12), records: lines ?? [])
        let state = SettlementState(rawValue: text(13)) ?? .inDoubt
        let outcome = row[21].integer.map { status in
            LedgerOutcome(
                state: state, responseCode: row[14].text, responseText: row[15].text, responseBatchNumber: row[16].integer.map { Int($0) },
                responseNetDeposit: row[17].integer, responseRecordCount: row[18].integer.map { Int($0) }, rejection: rejection(row),
                failure: row[20].text, answer: LedgerAnswer(status: Int(status), body: row[22].blob ?? []))
        }
        return LedgerEntry(
            id: id, submission: submission, state: state, outcome: outcome, resolution: row[23].text, resolutionNote: row[26].text,
            createdAt: Date(milliseconds: number(24)), updatedAt: Date(milliseconds: number(25)), owner: row[32].text, ownerTerm: row[33].integer)
    }

    /// The rejection columns (19, 27–31), when the host rejected the batch.
    private static func rejection(_ row: [LedgerValue]) -> BatchRejection? {
        guard let errorType = row[19].text else { return nil }
        return BatchRejection(
            errorType: errorType, sequenceNumber: Int(row[27].integer ?? 0), recordType: row[28].text ?? "", fieldNumber: Int(row[29].integer ?? 0),
            data: row[30].text ?? "", detailRecordIndex: row[31].integer.map { Int($0) })
    }
}
