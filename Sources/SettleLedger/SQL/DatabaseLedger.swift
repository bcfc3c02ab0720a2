import Foundation

/// A ledger over one database connection, used by one caller at a time: the operations of
/// ``SettlementLedger`` once, for ``SQLiteLedger`` and ``PostgresLedger``, with their rules in
/// ``LedgerCore``. The subclasses open the connection and bring its schema up to date.
public class DatabaseLedger: SettlementLedger, @unchecked Sendable {
    public let policy: LedgerPolicy
    /// Where the ledger is, for people: the SQLite file's path, or the PostgreSQL URL without its password.
    public let location: String
    // The connection is used only while `lock` is held.
    private let database: any LedgerDatabase
    private let lock = NSLock()
    private let core: LedgerCore

    init(database: any LedgerDatabase, location: String, policy: LedgerPolicy) {
        self.location = location
        self.database = database
        self.policy = policy
        core = LedgerCore(policy: policy)
    }

    public func admit(_ submission: LedgerSubmission, at now: Date) throws(LedgerError) -> LedgerAdmission {
        try locked { (database) throws(LedgerError) in try core.admit(submission, at: now, in: database) }
    }

    public func markTransmitting(_ id: String, at now: Date) throws(LedgerError) {
        try locked { (database) throws(LedgerError) in try core.markTransmitting(id, at: now, in: database) }
    }

    public func complete(_ id: String, with outcome: LedgerOutcome, at now: Date) throws(LedgerError) {
        try locked { (database) throws(LedgerError) in try core.complete(id, with: outcome, at: now, in: database) }
    }

    public func entry(_ id: String) throws(LedgerError) -> LedgerEntry? {
        try locked { (database) throws(LedgerError) in try LedgerRows.entry(id: id, in: database) }
    }

    public func recoverInterrupted(at now: Date) throws(LedgerError) -> [LedgerEntry] {
        let cutoff = recoveryCutoff(now)
        return try locked { (database) throws(LedgerError) in try core.recoverInterrupted(at: now, changedBefore: cutoff, in: database) }
    }

    /// Entries changed before this are taken as interrupted; `nil`: every entry (one process
    /// owns the ledger, and it is starting).
    func recoveryCutoff(_ now: Date) -> Date? { nil }

    /// Whether recovery should also run while the service runs (another process may stop).
    public var recoversPeriodically: Bool { false }

    /// A writing transaction: a read-only, full, locked-out or unreachable database fails here.
    public func check() throws(LedgerError) {
        try locked { (database) throws(LedgerError) in try database.transaction { () throws(LedgerError) in _ = try database.query("SELECT 1") } }
    }

    public func list(_ query: LedgerQuery) throws(LedgerError) -> LedgerPage {
        try locked { (database) throws(LedgerError) in try core.list(query, in: database) }
    }

    public func resolve(_ id: String, as resolution: LedgerResolution, note: String, at now: Date) throws(LedgerError) -> LedgerResolutionResult {
        try locked { (database) throws(LedgerError) in try core.resolve(id, as: resolution, note: note, at: now, in: database) }
    }

    /// Writes `entries` (from another ledger) as they are, ids, states, times and answers kept;
    /// an entry whose id is here already is skipped, so a copy may be run again. Returns how many
    /// were written.
    public func importEntries(_ entries: [LedgerEntry]) throws(LedgerError) -> Int {
        try locked { (database) throws(LedgerError) in
            try database.durably { () throws(LedgerError) in
                try database.transaction { () throws(LedgerError) -> Int in
                    var written = 0
                    for entry in entries where try LedgerRows.entry(id: entry.id, in: database) == nil {
                        try LedgerRows.insertWhole(entry, into: database)
                        written += 1
                    }
                    return written
                }
            }
        }
    }

    /// Every entry, oldest first, for a copy.
    public func allEntries() throws(LedgerError) -> [LedgerEntry] {
        try locked { (database) throws(LedgerError) in try LedgerRows.select("ORDER BY created_at, id", [], database) }
    }

    /// Runs `body` with the connection, one caller at a time.
    func locked<T>(_ body: (any LedgerDatabase) throws(LedgerError) -> T) throws(LedgerError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }
}
