import Foundation

/// The ledger's tables in PostgreSQL, versioned in `ledger_schema`: each step takes a ledger
/// from the version before it to its own in one transaction, under an advisory lock, so of
/// replicas starting together one migrates and the others find the version it wrote.
enum PostgresSchema {
    /// The steps, the first making version 1 (the SQLite ledger's version 2 tables), the second
    /// adding replica leases (SQLite's version 3), the third the lease term counter (its 4), the
    /// fourth the events outbox (its 5), the fifth the webhook outbox (its 6), the sixth the
    /// records' kinds, cash back and gratuity (its 7), the seventh redeliveries' retry start (its 8), the eighth merchant profiles (its 9), the ninth captures (its 10), the tenth closes (its 11).
    static let steps: [String] = [
        version1, translated(LedgerSchema.version3), translated(LedgerSchema.version4), translated(LedgerSchema.version5),
        translated(LedgerSchema.version6), translated(LedgerSchema.version7), translated(LedgerSchema.version8),
        translated(LedgerSchema.version9), translated(LedgerSchema.version10),
        translated(LedgerSchema.version11),
    ]
    static var version: Int { steps.count }

    static func migrate(_ database: PostgresDatabase) throws(LedgerError) {
        try database.transaction { () throws(LedgerError) in
            try database.query("CREATE TABLE IF NOT EXISTS ledger_schema (version INTEGER NOT NULL)")
            var current = try database.query("SELECT version FROM ledger_schema").first?.first?.integer ?? 0
            if current == 0 { try database.query("INSERT INTO ledger_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM ledger_schema)") }
            guard current <= Int64(version) else { throw LedgerError("the ledger is from a newer version (schema \(current))") }
            while current < Int64(version) {
                for statement in steps[Int(current)].split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try database.query(String(statement))
                }
                current += 1
                try database.query("UPDATE ledger_schema SET version = ?", [.integer(current)])
            }
        }
    }

    /// SQLite's tables as they are at its version 2, in PostgreSQL's types: one description of
    /// the columns, so the shared statements (``LedgerRows``) fit both. (The JSON `rejection`
    /// column of SQLite's version 1 comes along unused.)
    static let version1 = translated(LedgerSchema.version1 + ";" + LedgerSchema.version2Columns)

    /// SQLite's column types as PostgreSQL's.
    private static func translated(_ statements: String) -> String {
        statements.replacingOccurrences(of: " INTEGER", with: " BIGINT").replacingOccurrences(of: " BLOB", with: " BYTEA")
    }
}
