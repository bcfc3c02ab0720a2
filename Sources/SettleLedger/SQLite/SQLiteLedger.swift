import Foundation
import SettleModel

/// The ledger in an SQLite file (WAL; full-sync commits where the service acts on them). One
/// connection per process; replicas sharing the file are serialized by SQLite's write lock
/// (`BEGIN IMMEDIATE`). The rules are ``LedgerCore``'s, as for ``PostgresLedger``.
public final class SQLiteLedger: DatabaseLedger, @unchecked Sendable {
    public let path: String

    /// Opens or creates `ledger.sqlite` in `directory` (created 0700 if missing).
    public convenience init(directory: String, policy: LedgerPolicy = LedgerPolicy()) throws(LedgerError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LedgerError("cannot create the data directory \(directory): \(error.localizedDescription)")
        }
        try self.init(path: (directory as NSString).appendingPathComponent("ledger.sqlite"), policy: policy)
    }

    public init(path: String, policy: LedgerPolicy = LedgerPolicy()) throws(LedgerError) {
        self.path = path
        let database = try SQLiteDatabase(path: path)
        try LedgerSchema.migrate(database)
        super.init(connections: LedgerConnections(first: database), location: path, policy: policy)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

extension Date {
    /// Milliseconds since 1970, saturating: a time read back from a damaged ledger row (or
    /// parsed from a caller's far-off date) must not trap when it is turned back into a cursor.
    var milliseconds: Int64 {
        let value = (timeIntervalSince1970 * 1000).rounded()
        guard !value.isNaN else { return 0 }
        return value >= 0x1p63 ? .max : value < -0x1p63 ? .min : Int64(value)
    }

    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
