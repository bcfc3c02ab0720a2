import Foundation

/// A ledger over database connections, each used by one caller at a time: the operations of
/// ``SettlementLedger`` once, for ``SQLiteLedger`` and ``PostgresLedger``, with their rules in
/// ``LedgerCore``. The subclasses open the connections and bring the schema up to date.
public class DatabaseLedger: SettlementLedger, @unchecked Sendable {
    public let policy: LedgerPolicy
    /// Where the ledger is, for people: the SQLite file's path, or the PostgreSQL URL without its password.
    public let location: String
    private let connections: LedgerConnections
    private let core: LedgerCore
    // This process's lease, once acquired; read and written only under `leaseLock`.
    private var heldLease: ReplicaLease?
    private var leaseDuration: Duration = .seconds(30)
    // Whether start-up recovery ran, and the fault the next call meets: also under `leaseLock`.
    private var recoveredOnce = false
    private var injectedFault: LedgerFault?
    private let leaseLock = NSLock()

    init(connections: LedgerConnections, location: String, policy: LedgerPolicy) {
        self.location = location
        self.connections = connections
        self.policy = policy
        core = LedgerCore(policy: policy)
    }

    public func admit(_ submission: LedgerSubmission, at now: Date) throws(LedgerError) -> LedgerAdmission {
        let owner = lease
        return try locked { (database) throws(LedgerError) in try core.admit(submission, at: now, owner: owner, in: database) }
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

    /// The first call is start-up recovery; later calls (periodically, while serving) take what
    /// was left by replicas whose lease lapsed, and admissions left unsent for longer than
    /// ``staleAdmissionLimit`` (see ``RecoveryRule``).
    public func recoverInterrupted(at now: Date) throws(LedgerError) -> [LedgerEntry] {
        let startingUp = leaseLock.withLock { !recoveredOnce }
        let rule = recoveryRule(now, startingUp: startingUp)
        let changed = try locked { (database) throws(LedgerError) in
            let changed = try core.recoverInterrupted(at: now, rule: rule, in: database)
            if case .leases = rule { try core.forgetReplicas(lapsedBefore: now.addingTimeInterval(-86_400), in: database) }
            return changed
        }
        leaseLock.withLock { recoveredOnce = true }
        return changed
    }

    /// How long an entry may stay `received` (admitted, not yet being sent) before recovery fails
    /// it, whoever owns it. Sending begins milliseconds after admission; an entry still waiting
    /// after this long was left by a call whose answer was lost (the admission committed, the
    /// caller saw a failure) or by a process paused for as long. Failing it is always safe: the
    /// marking that precedes sending changes only a `received` entry, so nothing of it is sent.
    ///
    /// An hour: longer than any settlement waits its turn to be sent (settlements answered 202
    /// wait at most a bounded queue's length) or a process pauses.
    public static let staleAdmissionLimit: Duration = .seconds(60 * 60)

    /// Which entries recovery takes as interrupted. By default one process owns the ledger: at
    /// start-up all of them, later only stale admissions.
    func recoveryRule(_ now: Date, startingUp: Bool) -> RecoveryRule {
        startingUp ? .everything : .staleAdmissions(before: now.addingTimeInterval(-Self.staleAdmissionLimit.seconds))
    }

    /// Whether replicas share this ledger: each then holds a lease (see ``acquireLease(instance:duration:at:)``)
    /// and recovers periodically, since another may stop at any time.
    public var isShared: Bool { false }

    // MARK: Leases

    /// This process's lease, once acquired (nil for a ledger one process owns).
    public var lease: ReplicaLease? { leaseLock.withLock { heldLease } }

    /// Takes the lease of `instance` for `duration`; from now on this ledger's admissions are
    /// owned by it, and sent only while it is current. Renew it well within `duration`.
    @discardableResult
    public func acquireLease(instance: String, duration: Duration, at now: Date) throws(LedgerError) -> ReplicaLease {
        let expires = now.addingTimeInterval(duration.seconds)
        let lease = try locked { (database) throws(LedgerError) in try core.acquireLease(instance: instance, expires: expires, at: now, in: database)
        }
        leaseLock.withLock {
            heldLease = lease
            leaseDuration = duration
        }
        return lease
    }

    /// Renews the lease for another of its durations, or takes it under a new term if it lapsed.
    /// Throws when the ledger cannot be reached (the lease then runs out by itself) or no lease is held.
    public func renewLease(at now: Date) throws(LedgerError) -> LeaseRenewal {
        let (held, duration) = leaseLock.withLock { (heldLease, leaseDuration) }
        guard let held else { throw LedgerError("this process holds no lease") }
        let expires = now.addingTimeInterval(duration.seconds)
        let renewal = try locked { (database) throws(LedgerError) in
            try database.transaction { () throws(LedgerError) in try core.renewLease(held, expires: expires, at: now, in: database) }
        }
        leaseLock.withLock { heldLease = renewal.lease }
        return renewal
    }

    /// Gives the lease up (at shutdown, after the last settlement ended), so another replica
    /// recovers at once anything this one left.
    public func releaseLease(at now: Date) throws(LedgerError) {
        guard let held = leaseLock.withLock({ heldLease }) else { return }
        try locked { (database) throws(LedgerError) in try core.releaseLease(held, at: now, in: database) }
        leaseLock.withLock { heldLease = nil }
    }

    /// A writing transaction: a read-only, full, locked-out or unreachable database fails here.
    public func check() throws(LedgerError) {
        try locked { (database) throws(LedgerError) in try database.transaction { () throws(LedgerError) in _ = try database.query("SELECT 1") } }
    }

    public func list(_ query: LedgerQuery) throws(LedgerError) -> LedgerPage {
        try locked { (database) throws(LedgerError) in try core.list(query, in: database) }
    }

    public func events(_ query: LedgerEventQuery) throws(LedgerError) -> LedgerEventPage {
        try locked { (database) throws(LedgerError) in try LedgerEvents.select(query, in: database) }
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

    /// Makes the next call meet `fault` (the fault simulator's hook; nothing else calls it).
    package func injectFault(_ fault: LedgerFault) {
        leaseLock.withLock { injectedFault = fault }
    }

    /// Runs `body` with a connection no other caller uses meanwhile.
    func locked<T>(_ body: (any LedgerDatabase) throws(LedgerError) -> T) throws(LedgerError) -> T {
        let fault = leaseLock.withLock { () -> LedgerFault? in
            defer { injectedFault = nil }
            return injectedFault
        }
        switch fault {
        case nil: return try connections.with(body)
        case .statement(let n):
            return try connections.with { (database) throws(LedgerError) in try body(FaultInjectingDatabase(database, failingStatement: n)) }
        case .answerLost:
            _ = try connections.with(body)
            throw LedgerError("injected fault: the call's answer was lost after its write committed")
        }
    }
}
