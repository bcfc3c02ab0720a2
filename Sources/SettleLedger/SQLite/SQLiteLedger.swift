import Foundation
import SettleModel

/// The ledger in an SQLite file (WAL; full-sync commits where the service acts on them). One connection per process behind a
/// lock; replicas sharing the file are serialized by SQLite's write lock (`BEGIN IMMEDIATE`).
public final class SQLiteLedger: SettlementLedger, @unchecked Sendable {
    public let path: String
    public let policy: LedgerPolicy
    // The connection is used only while `lock` is held.
    private let database: SQLiteDatabase
    private let lock = NSLock()

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
        self.policy = policy
        let database = try SQLiteDatabase(path: path)
        try LedgerSchema.migrate(database)
        self.database = database
    }

    public func admit(_ submission: LedgerSubmission, at now: Date) throws(LedgerError) -> LedgerAdmission {
        try locked { (database) throws(LedgerError) in
            try database.transaction { () throws(LedgerError) in
                if let key = submission.idempotencyKey, let earlier = try LedgerRows.entry(keyed: key, in: database) {
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
    }

    /// The batch-number guard, per host (environment): an accepted batch within the window, an unresolved in-doubt
    /// attempt, or one being settled right now blocks the same merchant + terminal + number.
    private func guardRefusal(_ submission: LedgerSubmission, _ database: SQLiteDatabase) throws(LedgerError) -> LedgerAdmission? {
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

    /// Durable: the entry (and its admission before it) is on disk before anything is sent.
    /// Admission and completion are not synced on their own: a power cut can lose an admission
    /// only before this point (nothing was sent), and a completion only as `in_doubt` (safe).
    public func markTransmitting(_ id: String, at now: Date) throws(LedgerError) {
        _ = try locked { (database) throws(LedgerError) in
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
    }

    public func complete(_ id: String, with outcome: LedgerOutcome, at now: Date) throws(LedgerError) {
        try locked { (database) throws(LedgerError) in
            if policy.syncsEveryChange {
                try database.durably { () throws(LedgerError) in try LedgerRows.complete(id, with: outcome, at: now, in: database) }
            } else {
                try LedgerRows.complete(id, with: outcome, at: now, in: database)
            }
        }
    }

    public func entry(_ id: String) throws(LedgerError) -> LedgerEntry? {
        try locked { (database) throws(LedgerError) in try LedgerRows.entry(id: id, in: database) }
    }

    public func recoverInterrupted(at now: Date) throws(LedgerError) -> [LedgerEntry] {
        try locked { (database) throws(LedgerError) in
            try database.durably { () throws(LedgerError) in
                try database.transaction { () throws(LedgerError) in
                    let interrupted = try LedgerRows.entries(inStates: [.received, .transmitting], in: database)
                    try database.query(
                        "UPDATE settlements SET state = 'in_doubt', failure = 'the service stopped during transmission', updated_at = ? WHERE state = 'transmitting'",
                        [.integer(now.milliseconds)])
                    try database.query(
                        "UPDATE settlements SET state = 'failed', failure = 'the service stopped before sending', updated_at = ? WHERE state = 'received'",
                        [.integer(now.milliseconds)])
                    var changed: [LedgerEntry] = []
                    for entry in interrupted {
                        if let now = try LedgerRows.entry(id: entry.id, in: database) { changed.append(now) }
                    }
                    return changed
                }
            }
        }
    }

    public func check() throws(LedgerError) {
        // BEGIN IMMEDIATE takes the write lock: a read-only, full or locked-out file fails here.
        try locked { (database) throws(LedgerError) in try database.transaction { () throws(LedgerError) in _ = try database.query("SELECT 1") } }
    }

    /// Runs `body` with the connection, one caller at a time.
    func locked<T>(_ body: (SQLiteDatabase) throws(LedgerError) -> T) throws(LedgerError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
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
