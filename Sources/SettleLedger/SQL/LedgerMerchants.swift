import Foundation

/// The `merchant_profiles` table's statements.
enum LedgerMerchants {
    private static let columns =
        "id, document, industry, merchant_number, terminal_number, time_zone, next_cutoff_at, version, created_at, updated_at"

    static func put(
        _ profile: StoredMerchantProfile, ifVersion: Int?, at now: Date, in database: some LedgerDatabase
    ) throws(LedgerError) -> MerchantProfilePut {
        let current = try select("WHERE id = ?", [.text(profile.id)], database).first
        if let ifVersion, current?.version != ifVersion { return .versionMismatch(current: current) }
        guard let current else {
            let rows = try database.query(
                """
                INSERT INTO merchant_profiles (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                ON CONFLICT (id) DO NOTHING RETURNING \(columns)
                """, values(profile) + [.integer(now.milliseconds), .integer(now.milliseconds)])
            // Created meanwhile by another caller: as if this one came second.
            guard let row = rows.first else { return .versionMismatch(current: try select("WHERE id = ?", [.text(profile.id)], database).first) }
            return .created(decode(row))
        }
        // A cutoff already due stays: the scheduler closes it at its next pass.
        let rows = try database.query(
            """
            UPDATE merchant_profiles SET document = ?, industry = ?, merchant_number = ?, terminal_number = ?, time_zone = ?,
                next_cutoff_at = CASE WHEN next_cutoff_at IS NOT NULL AND next_cutoff_at <= ? THEN next_cutoff_at ELSE ? END,
                version = version + 1, updated_at = ?
            WHERE id = ? AND version = ? RETURNING \(columns)
            """,
            Array(values(profile)[1..<6]) + [.integer(now.milliseconds), LedgerValue(profile.nextCutoff?.milliseconds)]
                + [.integer(now.milliseconds), .text(profile.id), .integer(Int64(current.version))])
        guard let row = rows.first else { return .versionMismatch(current: try select("WHERE id = ?", [.text(profile.id)], database).first) }
        return .replaced(decode(row))
    }

    static func delete(_ id: String, ifVersion: Int?, in database: some LedgerDatabase) throws(LedgerError) -> MerchantProfileDeletion {
        guard let current = try select("WHERE id = ?", [.text(id)], database).first else { return .notFound }
        if let ifVersion, current.version != ifVersion { return .versionMismatch(current: current) }
        let pending =
            try database.query(
                "SELECT COUNT(*) FROM captures WHERE merchant_id = ? AND state IN ('open', 'closing', 'held')", [.text(id)]
            ).first?.first?.integer ?? 0
        if pending > 0 { return .capturesPending(Int(pending)) }
        try database.query("DELETE FROM merchant_profiles WHERE id = ? AND version = ?", [.text(id), .integer(Int64(current.version))])
        return database.changes == 1 ? .deleted : .notFound
    }

    static func list(after: String?, ids: Set<String>?, limit: Int, in database: some LedgerDatabase) throws(LedgerError) -> [StoredMerchantProfile] {
        var conditions: [String] = []
        var values: [LedgerValue] = []
        if let after {
            conditions.append("id > ?")
            values.append(.text(after))
        }
        if let ids {
            conditions.append(ids.isEmpty ? "1 = 0" : "id IN (\(LedgerWebhooks.placeholders(ids.count)))")
            values += ids.sorted().map { .text($0) }
        }
        let clause = (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY id LIMIT ?"
        return try select(clause, values + [.integer(Int64(min(max(limit, 1), 500)))], database)
    }

    static func select(_ clause: String, _ values: [LedgerValue], _ database: some LedgerDatabase) throws(LedgerError) -> [StoredMerchantProfile] {
        try database.query("SELECT \(columns) FROM merchant_profiles \(clause)", values).map(decode)
    }

    /// The first seven columns' values.
    private static func values(_ p: StoredMerchantProfile) -> [LedgerValue] {
        [
            .text(p.id), .blob(p.document), .text(p.industry), .text(p.merchantNumber), .text(p.terminalNumber), .text(p.timeZone),
            LedgerValue(p.nextCutoff?.milliseconds),
        ]
    }

    private static func decode(_ row: [LedgerValue]) -> StoredMerchantProfile {
        StoredMerchantProfile(
            id: row[0].text ?? "", document: row[1].blob ?? [], industry: row[2].text ?? "", merchantNumber: row[3].text ?? "",
            terminalNumber: row[4].text ?? "", timeZone: row[5].text ?? "", nextCutoff: row[6].integer.map { Date(milliseconds: $0) },
            version: Int(row[7].integer ?? 0), createdAt: Date(milliseconds: row[8].integer ?? 0), updatedAt: Date(milliseconds: row[9].integer ?? 0))
    }
}

extension DatabaseLedger: MerchantLedger {
    public func putMerchantProfile(_ profile: StoredMerchantProfile, ifVersion: Int?, at now: Date) throws(LedgerError) -> MerchantProfilePut {
        try locked { (database) throws(LedgerError) in
            try database.transaction(serializing: ["merchant:" + profile.id]) { () throws(LedgerError) in
                try LedgerMerchants.put(profile, ifVersion: ifVersion, at: now, in: database)
            }
        }
    }

    public func merchantProfile(_ id: String) throws(LedgerError) -> StoredMerchantProfile? {
        try locked { (database) throws(LedgerError) in try LedgerMerchants.select("WHERE id = ?", [.text(id)], database).first }
    }

    public func merchantProfiles(after: String?, ids: Set<String>?, limit: Int) throws(LedgerError) -> [StoredMerchantProfile] {
        try locked { (database) throws(LedgerError) in try LedgerMerchants.list(after: after, ids: ids, limit: limit, in: database) }
    }

    public func deleteMerchantProfile(_ id: String, ifVersion: Int?) throws(LedgerError) -> MerchantProfileDeletion {
        try locked { (database) throws(LedgerError) in
            try database.transaction(serializing: ["merchant:" + id]) { () throws(LedgerError) in
                try LedgerMerchants.delete(id, ifVersion: ifVersion, in: database)
            }
        }
    }
}
