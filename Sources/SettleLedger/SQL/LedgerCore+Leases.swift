import Foundation

/// Replica leases, in the `replicas` table: taken at start, renewed while the replica runs,
/// given up when it stops.
extension LedgerCore {
    /// Takes `instance`'s lease until `expires` under a new term, within the caller's
    /// transaction. Terms come from one counter for the whole ledger, so no term is ever given
    /// twice: not to an instance that comes back, nor after its row was forgotten.
    func acquireLease(instance: String, expires: Date, at now: Date, in database: some LedgerDatabase) throws(LedgerError) -> ReplicaLease {
        guard let term = try database.query("UPDATE lease_terms SET last_term = last_term + 1 RETURNING last_term").first?.first?.integer
        else { throw LedgerError("the ledger has no lease term counter") }
        try database.query(
            """
            INSERT INTO replicas (instance_id, term, lease_until, started_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (instance_id) DO UPDATE SET term = excluded.term, lease_until = excluded.lease_until
            """,
            [.text(instance), .integer(term), .integer(expires.milliseconds), .integer(now.milliseconds)])
        return ReplicaLease(instance: instance, term: term, expires: Date(milliseconds: expires.milliseconds))
    }

    /// Extends `lease` to `expires` if it is still current at `now`; a lapsed one is not revived
    /// (another replica may be recovering its entries) but taken afresh under a new term.
    func renewLease(_ lease: ReplicaLease, expires: Date, at now: Date, in database: some LedgerDatabase) throws(LedgerError) -> LeaseRenewal {
        try database.query(
            "UPDATE replicas SET lease_until = ? WHERE instance_id = ? AND term = ? AND lease_until >= ?",
            [.integer(expires.milliseconds), .text(lease.instance), .integer(lease.term), .integer(now.milliseconds)])
        if database.changes == 1 {
            return .renewed(ReplicaLease(instance: lease.instance, term: lease.term, expires: Date(milliseconds: expires.milliseconds)))
        }
        return .lapsed(previousTerm: lease.term, try acquireLease(instance: lease.instance, expires: expires, at: now, in: database))
    }

    /// Ends `lease` now, so another replica recovers at once whatever it left unfinished.
    func releaseLease(_ lease: ReplicaLease, at now: Date, in database: some LedgerDatabase) throws(LedgerError) {
        try database.query(
            "UPDATE replicas SET lease_until = ? WHERE instance_id = ? AND term = ?",
            [.integer(now.milliseconds - 1), .text(lease.instance), .integer(lease.term)])
    }

    /// Forgets replicas whose lease lapsed before `before` and whose entries have all ended. (One
    /// with an entry still open stays: forgotten, a returning instance would start again at term 1,
    /// the term that entry names.)
    func forgetReplicas(lapsedBefore before: Date, in database: some LedgerDatabase) throws(LedgerError) {
        try database.query(
            """
            DELETE FROM replicas WHERE lease_until < ? AND NOT EXISTS (
                SELECT 1 FROM settlements WHERE owner = replicas.instance_id AND state IN ('received', 'transmitting'))
            """,
            [.integer(before.milliseconds)])
    }
}
